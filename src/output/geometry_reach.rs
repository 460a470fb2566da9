//! What a launch point reaches: the gazetteer's places within a ground range, and the range a named target
//! needs (`groundtrack reach`).
//!
//! The range is the ground distance along the model's shortest line (a WGS84 geodesic by default), as in the
//! range figures of launch reports; the earth's rotation and the flight itself (burnout, trajectory shape)
//! are not part of it.

use geo_types::Point;

use super::trajectory_report::Site;
use crate::geodesy::EarthModel;
use crate::places::{Gazetteer, PlaceKind};

/// A place seen from the launch point.
#[derive(Debug, Clone, PartialEq)]
pub struct ReachEntry {
    /// The gazetteer's name of the place (or the name given for a target that is not in the gazetteer).
    pub name: String,
    /// The place's kind; `None` for a target given by coordinates or a phrase.
    pub kind: Option<PlaceKind>,
    /// Country or territory (empty when unknown).
    pub country: String,
    /// The place (lon, lat degrees).
    pub point: Point<f64>,
    /// Ground distance from the launch point, metres: the range the place needs.
    pub distance_m: f64,
    /// Azimuth at the launch point towards the place, degrees clockwise from north, in [0, 360).
    pub azimuth_deg: f64,
    /// The range minus the distance, metres, when a range was given: positive (or zero) within reach.
    pub margin_m: Option<f64>,
}

/// The answer of `groundtrack reach`.
#[derive(Debug, Clone, PartialEq)]
pub struct ReachReport {
    /// The launch point.
    pub launch: Site,
    /// The ground range, metres, when one was given.
    pub range_m: Option<f64>,
    /// The model's name ("WGS84 geodesic", "sphere").
    pub model: &'static str,
    /// The kind of place listed, `None` for every kind.
    pub kind: Option<PlaceKind>,
    /// The places within the range (empty without a range), nearest first.
    pub places: Vec<ReachEntry>,
    /// The named targets, in the order given, whether in reach or not.
    pub targets: Vec<ReachEntry>,
}

/// One place seen from `launch`: distance and azimuth by the model's inverse problem, margin against
/// `range_m`.
///
/// # Errors
/// Any error of the model's inverse problem (invalid points).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::output::geometry_reach::entry;
/// // GeodSolve -i -p 12 <<< "0 0 0 1" gives 111319.490793273573 m, azimuth 90.
/// let e = entry(&Ellipsoid::wgs84(), Point::new(0.0, 0.0), "here", None, "", Point::new(1.0, 0.0),
///     Some(100_000.0)).unwrap();
/// assert!((e.distance_m - 111_319.490_793).abs() < 1e-3);
/// assert!((e.azimuth_deg - 90.0).abs() < 1e-9);
/// assert!(e.margin_m.unwrap() < 0.0);
/// ```
pub fn entry<M: EarthModel + ?Sized>(
    model: &M,
    launch: Point<f64>,
    name: &str,
    kind: Option<PlaceKind>,
    country: &str,
    point: Point<f64>,
    range_m: Option<f64>,
) -> crate::Result<ReachEntry> {
    let inv = model.inverse(launch, point)?;
    Ok(ReachEntry {
        name: name.to_string(),
        kind,
        country: country.to_string(),
        point,
        distance_m: inv.distance_m,
        azimuth_deg: inv.azimuth1_deg.rem_euclid(360.0),
        margin_m: range_m.map(|r| r - inv.distance_m),
    })
}

/// The gazetteer's places of the given kind (every kind for `None`) within `range_m` metres of `launch`,
/// nearest first (ties by name). The launch point itself (a place at distance zero) is left out.
///
/// Inputs: the model, the gazetteer, the launch point (lon, lat degrees), the range (metres, positive and
/// finite) and the kind.
///
/// # Errors
/// [`crate::Error::Invalid`] for a range that is not a positive finite distance; any error of the model.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::output::geometry_reach::places_within;
/// use groundtrack::places::{Gazetteer, PlaceKind};
/// let sunan = Point::new(125.67, 39.22389);
/// let city = Some(PlaceKind::City);
/// let near = places_within(&Ellipsoid::wgs84(), Gazetteer::embedded(), sunan, 300_000.0, city).unwrap();
/// assert_eq!(near[0].name, "Pyongyang");
/// assert!(near.windows(2).all(|w| w[0].distance_m <= w[1].distance_m));
/// assert!(near.iter().all(|p| p.margin_m.unwrap() >= 0.0));
/// ```
pub fn places_within<M: EarthModel + ?Sized>(
    model: &M,
    gazetteer: &Gazetteer,
    launch: Point<f64>,
    range_m: f64,
    kind: Option<PlaceKind>,
) -> crate::Result<Vec<ReachEntry>> {
    if !(range_m.is_finite() && range_m > 0.0) {
        return Err(crate::Error::Invalid {
            what: "range".into(),
            message: format!("must be a positive distance, got {range_m} m"),
        });
    }
    let mut out = Vec::new();
    for place in gazetteer.places() {
        if kind.is_some_and(|k| k != place.kind) {
            continue;
        }
        let e =
            entry(model, launch, &place.name, Some(place.kind), &place.country, place.point, Some(range_m))?;
        if e.distance_m > 0.0 && e.distance_m <= range_m {
            out.push(e);
        }
    }
    out.sort_by(|a, b| a.distance_m.total_cmp(&b.distance_m).then_with(|| a.name.cmp(&b.name)));
    Ok(out)
}
