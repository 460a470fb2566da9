//! Map projections: azimuthal equidistant on the ellipsoid (the default) and equirectangular (small areas).

use geo_types::Point;

use crate::geodesy::{EarthModel, Ellipsoid, WGS84_A, normalize_longitude, validate_point};

/// Which projection a map uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectionKind {
    /// Azimuthal equidistant centred on a point (the launch point by default): distances and azimuths from the
    /// centre are true, so range rings about the centre are circles.
    #[default]
    AzimuthalEquidistant,
    /// Equirectangular (plate carrée scaled by the cosine of the centre's latitude): for small areas only.
    Equirectangular,
}

/// A projection from (lon, lat) degrees to plane coordinates (x east, y north) in metres, and back.
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)] // one projection per map: the ellipsoid's coefficients stay inline
pub enum Projection {
    /// Azimuthal equidistant on the WGS84 ellipsoid.
    AzimuthalEquidistant {
        /// The centre (lon, lat degrees).
        center: Point<f64>,
        /// The ellipsoid whose geodesics define the projection.
        ellipsoid: Ellipsoid,
    },
    /// Equirectangular about a centre.
    Equirectangular {
        /// The centre (lon, lat degrees): x is measured from its meridian, y from its parallel.
        center: Point<f64>,
    },
}

impl Projection {
    /// A projection of the given kind centred on `center` (lon, lat degrees), on the WGS84 ellipsoid.
    ///
    /// # Errors
    /// [`crate::geodesy::GeodesyError`] for a centre with a latitude outside [-90, 90] or a non-finite longitude.
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::map::{Projection, ProjectionKind};
    /// let p = Projection::new(ProjectionKind::AzimuthalEquidistant, Point::new(125.67, 39.22389)).unwrap();
    /// assert_eq!(p.forward(Point::new(125.67, 39.22389)).unwrap(), (0.0, 0.0));
    /// ```
    pub fn new(kind: ProjectionKind, center: Point<f64>) -> Result<Projection, crate::geodesy::GeodesyError> {
        validate_point(center)?;
        Ok(match kind {
            ProjectionKind::AzimuthalEquidistant => {
                Projection::AzimuthalEquidistant { center, ellipsoid: Ellipsoid::wgs84() }
            }
            ProjectionKind::Equirectangular => Projection::Equirectangular { center },
        })
    }

    /// The centre of the projection.
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::map::{Projection, ProjectionKind};
    /// let c = Point::new(10.0, 50.0);
    /// assert_eq!(Projection::new(ProjectionKind::Equirectangular, c).unwrap().center(), c);
    /// ```
    pub fn center(&self) -> Point<f64> {
        match self {
            Projection::AzimuthalEquidistant { center, .. } | Projection::Equirectangular { center } => {
                *center
            }
        }
    }

    /// A short description for the map's credits.
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::map::{Projection, ProjectionKind};
    /// let p = Projection::new(ProjectionKind::AzimuthalEquidistant, Point::new(125.67, 39.22)).unwrap();
    /// assert!(p.describe().starts_with("azimuthal equidistant"));
    /// ```
    pub fn describe(&self) -> String {
        let c = self.center();
        let ll = format!(
            "{:.3}°{} {:.3}°{}",
            c.y().abs(),
            if c.y() < 0.0 { "S" } else { "N" },
            c.x().abs(),
            if c.x() < 0.0 { "W" } else { "E" }
        );
        match self {
            Projection::AzimuthalEquidistant { .. } => format!(
                "azimuthal equidistant on WGS84 centred on {ll}: distances and azimuths from the centre are true"
            ),
            Projection::Equirectangular { .. } => {
                format!(
                    "equirectangular centred on {ll}: scale true along the centre's meridian and parallel"
                )
            }
        }
    }

    /// Projects a point (lon, lat degrees) to (x, y) metres, x east and y north of the centre.
    ///
    /// Azimuthal equidistant: solve the geodesic inverse problem from the centre to the point (distance s12,
    /// azimuth azi1 at the centre) and set x = s12 sin azi1, y = s12 cos azi1, as GeographicLib's
    /// `AzimuthalEquidistant::Forward` (Karney 2013, J. Geodesy 87:43-55, sec. 8, "azimuthal equidistant
    /// projection"; the scale is true along lines from the centre). Equirectangular: x = a cos φ0 Δλ,
    /// y = a (φ - φ0), with Δλ reduced to [-180, 180) and a the WGS84 equatorial radius (Snyder 1987,
    /// *Map Projections: A Working Manual*, USGS PP 1395, eq. 12-1, 12-2).
    ///
    /// Returns `None` for an invalid point or one the geodesic solver cannot reach.
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::map::{Projection, ProjectionKind};
    /// // echo 42.07 157.51 | GeodesicProj -z 39.22389 125.67 -p 6
    /// // -> 2577371.401432 790446.260986
    /// let p = Projection::new(ProjectionKind::AzimuthalEquidistant, Point::new(125.67, 39.22389)).unwrap();
    /// let (x, y) = p.forward(Point::new(157.51, 42.07)).unwrap();
    /// assert!((x - 2577371.401432).abs() < 1e-3 && (y - 790446.260986).abs() < 1e-3);
    /// ```
    pub fn forward(&self, p: Point<f64>) -> Option<(f64, f64)> {
        validate_point(p).ok()?;
        match self {
            Projection::AzimuthalEquidistant { center, ellipsoid } => {
                let inv = ellipsoid.inverse(*center, p).ok()?;
                let azi = inv.azimuth1_deg.to_radians();
                Some((inv.distance_m * azi.sin(), inv.distance_m * azi.cos()))
            }
            Projection::Equirectangular { center } => {
                let dlon = normalize_longitude(p.x() - center.x()).to_radians();
                let x = WGS84_A * center.y().to_radians().cos() * dlon;
                let y = WGS84_A * (p.y() - center.y()).to_radians();
                Some((x, y))
            }
        }
    }

    /// The point (lon, lat degrees) at plane coordinates (x, y) metres; `None` where none exists.
    ///
    /// Azimuthal equidistant: the direct problem from the centre with azimuth atan2(x, y) and distance
    /// hypot(x, y) (GeographicLib's `AzimuthalEquidistant::Reverse`).
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::map::{Projection, ProjectionKind};
    /// let p = Projection::new(ProjectionKind::AzimuthalEquidistant, Point::new(125.67, 39.22389)).unwrap();
    /// let q = p.reverse(2577371.401432, 790446.260986).unwrap();
    /// assert!((q.x() - 157.51).abs() < 1e-8 && (q.y() - 42.07).abs() < 1e-8);
    /// ```
    pub fn reverse(&self, x: f64, y: f64) -> Option<Point<f64>> {
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        match self {
            Projection::AzimuthalEquidistant { center, ellipsoid } => {
                let azi = x.atan2(y).to_degrees();
                ellipsoid.direct(*center, azi, x.hypot(y)).ok().map(|d| d.point)
            }
            Projection::Equirectangular { center } => {
                let lat = center.y() + (y / WGS84_A).to_degrees();
                let coslat0 = center.y().to_radians().cos();
                if !(-90.0..=90.0).contains(&lat) || coslat0 <= 0.0 {
                    return None;
                }
                let lon = center.x() + (x / (WGS84_A * coslat0)).to_degrees();
                Some(Point::new(normalize_longitude(lon), lat))
            }
        }
    }
}
