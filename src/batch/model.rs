//! Which problem a batch line poses and which model of the earth answers it: chosen once, behind
//! [`EarthModel`].

use crate::geodesy::{
    DirectSolution, EarthModel, Ellipsoid, GeodesyError, InverseSolution, MEAN_EARTH_RADIUS_M, Rhumb, Sphere,
};

use super::Problem;

/// The figure of the earth: the WGS84 ellipsoid (default) or the sphere of mean radius (`--sphere`).
///
/// # Example
/// ```
/// assert_eq!(groundtrack::batch::Earth::default(), groundtrack::batch::Earth::Wgs84);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Earth {
    /// WGS84: a = 6,378,137 m, f = 1/298.257223563.
    #[default]
    Wgs84,
    /// A sphere of radius 6,371,008.8 m (the mean radius, [`MEAN_EARTH_RADIUS_M`]).
    Sphere,
}

/// The kind of line between two points: the shortest (geodesic, or great circle on the sphere) or the line of
/// constant azimuth (rhumb line).
///
/// # Example
/// ```
/// use groundtrack::batch::{BatchKind, LineKind};
/// assert_eq!(BatchKind::Inverse.line_kind(), LineKind::Geodesic);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineKind {
    /// Geodesic on the ellipsoid (Karney 2013), great circle on the sphere.
    #[default]
    Geodesic,
    /// Rhumb line (loxodrome).
    Rhumb,
}

/// The one model that answers every problem of a run.
///
/// Inputs: the earth and the line kind. Output: [`Ellipsoid`] (WGS84 geodesics), [`Sphere`] (great circles),
/// or [`Rhumb`] on WGS84 or on the sphere (a rhumb line on an ellipsoid of flattening 0).
///
/// # Example
/// ```
/// use groundtrack::batch::{Earth, LineKind, model};
/// assert_eq!(model(Earth::Wgs84, LineKind::Geodesic).name(), "WGS84 geodesic");
/// assert_eq!(model(Earth::Sphere, LineKind::Geodesic).name(), "sphere");
/// assert_eq!(model(Earth::Wgs84, LineKind::Rhumb).name(), "WGS84 rhumb line");
/// ```
pub fn model(earth: Earth, line: LineKind) -> Box<dyn EarthModel + Send + Sync> {
    match (earth, line) {
        (Earth::Wgs84, LineKind::Geodesic) => Box::new(Ellipsoid::wgs84()),
        (Earth::Sphere, LineKind::Geodesic) => Box::new(Sphere::mean_earth()),
        (Earth::Wgs84, LineKind::Rhumb) => Box::new(Rhumb::wgs84()),
        (Earth::Sphere, LineKind::Rhumb) => Box::new(Rhumb::new(MEAN_EARTH_RADIUS_M, 0.0)),
    }
}

/// What each line of a batch asks, with its input and output columns.
///
/// # Example
/// ```
/// use groundtrack::batch::BatchKind;
/// assert!(!BatchKind::Direct.is_inverse());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchKind {
    /// `lat1 lon1 lat2 lon2` -> `azi1 azi2 s12` (geodesic inverse problem, as `GeodSolve -i`).
    Inverse,
    /// `lat1 lon1 azi1 s12` -> `lat2 lon2 azi2` (geodesic direct problem, as `GeodSolve`).
    Direct,
    /// `lat1 lon1 lat2 lon2` -> `azi12 s12` (rhumb-line inverse problem, as `RhumbSolve -i`).
    RhumbInverse,
    /// `lat1 lon1 azi12 s12` -> `lat2 lon2` (rhumb-line direct problem, as `RhumbSolve`).
    RhumbDirect,
}

impl BatchKind {
    /// True for the two inverse kinds (two points in, azimuths and distance out).
    ///
    /// # Example
    /// ```
    /// assert!(groundtrack::batch::BatchKind::RhumbInverse.is_inverse());
    /// ```
    pub fn is_inverse(&self) -> bool {
        matches!(self, BatchKind::Inverse | BatchKind::RhumbInverse)
    }

    /// The line kind the problems are posed on.
    ///
    /// # Example
    /// ```
    /// use groundtrack::batch::{BatchKind, LineKind};
    /// assert_eq!(BatchKind::RhumbDirect.line_kind(), LineKind::Rhumb);
    /// ```
    pub fn line_kind(&self) -> LineKind {
        match self {
            BatchKind::Inverse | BatchKind::Direct => LineKind::Geodesic,
            BatchKind::RhumbInverse | BatchKind::RhumbDirect => LineKind::Rhumb,
        }
    }

    /// The names of the input columns, as GeographicLib's manual pages name them.
    ///
    /// # Example
    /// ```
    /// use groundtrack::batch::BatchKind;
    /// assert_eq!(BatchKind::Direct.input_columns(), ["lat1", "lon1", "azi1", "s12"]);
    /// ```
    pub fn input_columns(&self) -> [&'static str; 4] {
        match self {
            BatchKind::Inverse | BatchKind::RhumbInverse => ["lat1", "lon1", "lat2", "lon2"],
            BatchKind::Direct => ["lat1", "lon1", "azi1", "s12"],
            BatchKind::RhumbDirect => ["lat1", "lon1", "azi12", "s12"],
        }
    }

    /// The names of the output columns, in output order.
    ///
    /// # Example
    /// ```
    /// use groundtrack::batch::BatchKind;
    /// assert_eq!(BatchKind::Inverse.output_columns(), ["azi1", "azi2", "s12"]);
    /// assert_eq!(BatchKind::RhumbDirect.output_columns(), ["lat2", "lon2"]);
    /// ```
    pub fn output_columns(&self) -> &'static [&'static str] {
        match self {
            BatchKind::Inverse => &["azi1", "azi2", "s12"],
            BatchKind::Direct => &["lat2", "lon2", "azi2"],
            BatchKind::RhumbInverse => &["azi12", "s12"],
            BatchKind::RhumbDirect => &["lat2", "lon2"],
        }
    }
}

/// The solution of one line's problem.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::batch::{Answer, Earth, LineKind, Problem, model};
/// let p = Problem::Direct { from: Point::new(0.0, 0.0), azimuth_deg: 90.0, distance_m: 0.0 };
/// assert!(matches!(p.solve(model(Earth::Wgs84, LineKind::Geodesic).as_ref()), Ok(Answer::Direct(_))));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer {
    /// Distance and azimuths between two points.
    Inverse(InverseSolution),
    /// End point and forward azimuth there.
    Direct(DirectSolution),
}

impl Problem {
    /// Solves the problem with `model`.
    ///
    /// # Errors
    /// Whatever the model's inverse or direct problem returns ([`GeodesyError`]).
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::batch::{Answer, Earth, LineKind, Problem, model};
    /// let m = model(Earth::Wgs84, LineKind::Geodesic);
    /// let p = Problem::Inverse { from: Point::new(0.0, 0.0), to: Point::new(1.0, 0.0) };
    /// let Answer::Inverse(inv) = p.solve(m.as_ref()).unwrap() else { panic!() };
    /// // GeodSolve -i -p 6 <<< "0 0 0 1" gives 111319.490793 m.
    /// assert!((inv.distance_m - 111_319.490_793).abs() < 1e-6);
    /// ```
    pub fn solve(&self, model: &(dyn EarthModel + Send + Sync)) -> Result<Answer, GeodesyError> {
        match *self {
            Problem::Inverse { from, to } => model.inverse(from, to).map(Answer::Inverse),
            Problem::Direct { from, azimuth_deg, distance_m } => {
                model.direct(from, azimuth_deg, distance_m).map(Answer::Direct)
            }
        }
    }
}
