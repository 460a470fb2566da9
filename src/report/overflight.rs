//! How a track passes a stated overflight place: the closest approach to a point place, or the crossing of (or
//! the distance from) an area's outline.

use geo_types::Point;
use serde::Serialize;

use super::resolve::Overflight;
use crate::geodesy::{Ellipsoid, SegmentEnd, closest_approach_on_segment};
use crate::land::{OverflightOptions, area_stretches};

/// How the launch-to-impact geodesic passes an overflight place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverflightApproach {
    /// The place.
    pub name: String,
    /// Signed cross-track distance of the place (of the nearest point of an area's outline) from the track, km;
    /// positive to the left of the direction of flight; 0 when the track crosses the outline.
    pub cross_track_km: f64,
    /// Along-track distance from the launch point to the point of closest approach, km; to the entry into the
    /// area when the track crosses its outline.
    pub along_track_km: f64,
    /// Shortest distance from the place (from an area's outline) to the track segment, km; 0 when the track
    /// crosses the outline.
    pub distance_km: f64,
    /// The radius that counts as "over", km (for an area with an outline: the margin around the outline).
    pub radius_km: f64,
    /// Whether the track passes within the radius (crosses the outline or passes within the margin).
    pub over: bool,
    /// Where on the track the nearest point is: "track" (between the ends), "launch" or "impact" (an end, for
    /// a place behind the launch point or beyond the impact; the cross-track distance is then the full
    /// geodesic's and `distance_km` the distance to that end), or "crosses" (the track crosses the area's
    /// outline).
    pub nearest: String,
    /// For a track that crosses an area's outline: along-track distances from the launch of the first entry into
    /// the area and of the last exit from it, km (`null` otherwise).
    pub over_along_km: Option<[f64; 2]>,
}

/// How the geodesic segment from `launch` to `impact` passes an overflight place.
///
/// A point place: the closest approach (Karney 2013, J. Geodesy 87:43-55, sec. 8, through
/// [`closest_approach_on_segment`]), over when within the place's radius. An area place with an outline: the
/// crossing of the outline or the distance from it ([`crate::land::AreaOutline::approach`]), over when within the
/// margin; the stretch over the area comes from [`area_stretches`] (sampled every 1 km, bisected to 10 m).
///
/// Inputs: the ellipsoid, the resolved place, the segment's ends (lon, lat degrees). Output: distances in km.
///
/// # Errors
/// Those of the geodesic computations and of the land data.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::places::Gazetteer;
/// use groundtrack::report::{overflight_approach, resolve_overflight};
/// let e = Ellipsoid::wgs84();
/// let oshima = resolve_overflight("Oshima Peninsula", Gazetteer::embedded(), 1.0).unwrap();
/// let (sunan, impact) = (Point::new(125.67, 39.22389), Point::new(157.474, 41.92444));
/// let a = overflight_approach(&e, &oshima, sunan, impact).unwrap();
/// assert!(a.over && a.nearest == "crosses");
/// let [entry, exit] = a.over_along_km.unwrap();
/// assert!(entry < exit && exit - entry < 200.0);
/// ```
pub fn overflight_approach(
    ellipsoid: &Ellipsoid,
    o: &Overflight,
    launch: Point<f64>,
    impact: Point<f64>,
) -> crate::Result<OverflightApproach> {
    let km = |m: f64| m / 1e3;
    let Some(area) = &o.outline else {
        let ca = closest_approach_on_segment(ellipsoid, o.point, launch, impact)?;
        return Ok(OverflightApproach {
            name: o.name.clone(),
            cross_track_km: km(ca.cross_track_m),
            along_track_km: km(ca.along_track_m),
            distance_km: km(ca.distance_m),
            radius_km: km(o.radius_m),
            over: ca.distance_m <= o.radius_m + 1e-3,
            nearest: nearest(false, ca.at_end),
            over_along_km: None,
        });
    };
    let a = area.approach(ellipsoid, launch, impact)?;
    let stretches = area_stretches(ellipsoid, &[launch, impact], area.name(), &OverflightOptions::default())?
        .unwrap_or_default();
    let over_along_km = match (stretches.first(), stretches.last()) {
        (Some(first), Some(last)) => Some([km(first.entry_along_m), km(last.exit_along_m)]),
        // A crossing narrower than the 1 km sampling: the entry found by the outline test.
        _ if a.crosses => Some([km(a.along_track_m), km(a.along_track_m)]),
        _ => None,
    };
    Ok(OverflightApproach {
        name: o.name.clone(),
        cross_track_km: km(a.cross_track_m),
        along_track_km: over_along_km.map_or(km(a.along_track_m), |[entry, _]| entry),
        distance_km: km(a.distance_m),
        radius_km: km(o.radius_m),
        over: a.distance_m <= o.radius_m + 1e-3,
        nearest: nearest(a.crosses, a.at_end),
        over_along_km,
    })
}

/// The `nearest` field: "crosses", "track", "launch" or "impact".
fn nearest(crosses: bool, at_end: Option<SegmentEnd>) -> String {
    match (crosses, at_end) {
        (true, _) => "crosses",
        (false, None) => "track",
        (false, Some(SegmentEnd::Start)) => "launch",
        (false, Some(SegmentEnd::End)) => "impact",
    }
    .to_string()
}
