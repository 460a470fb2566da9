//! The stretches of a flight's ground track over land, with the times the missile passes over their ends.
//!
//! Which line is the ground track ([`ground_track_vertices`]):
//! - non-rotating: the WGS84 geodesic from the launch point at the launch azimuth, of the geodesic's length
//!   (to the impact point, or the range given), on which the report lays the flight ([`GeodesicPlacement`]);
//! - rotating: the points under the missile that the rotating model computed (the report's dense map track,
//!   one every [`super::trajectory_track::map_step_s`]), preceded by the launch point when the boost allowance
//!   puts burnout away from it, joined by WGS84 geodesics (the same vertices the map and GeoJSON draw).
//!
//! The along-track distances are WGS84 lengths along that line from the launch point. Times
//! ([`time_after_launch`]) come from the report's own trajectory: without rotation, the closed-form Keplerian
//! time at the ground range ([`time_at_downrange`], the model sphere's range being the geodesic distance
//! divided by the report's scale factor); over the rotating Earth, linear interpolation in along-track distance
//! between the times of the two ground-track vertices on either side.
//!
//! [`GeodesicPlacement`]: super::trajectory_track::GeodesicPlacement

use geo_types::Point;

use super::trajectory_report::FlightReport;
use crate::Result;
use crate::ballistics::time_at_downrange;
use crate::geodesy::{EarthModel, Ellipsoid};
use crate::land::{Countries, LandStretch, OverflightOptions, land_stretches, with_times};

/// Longest segment of the non-rotating ground track between two vertices, metres: the geodesic is cut into
/// pieces no longer than this, all on the one geodesic, so that even a flight over nearly half the Earth keeps
/// its direction (the inverse problem between the ends of a piece is unambiguous).
const PIECE_M: f64 = 1_000_000.0;

/// The vertices of a flight's ground track, in flight order, joined by WGS84 geodesics (see the module docs for
/// which line), with the time after launch at each vertex where the flight defines one.
///
/// Output: `(vertices, states)` of equal length; empty without a direction (a range without an azimuth). The
/// state of a vertex of the rotating ground track is its (time after launch s, model ground range from the
/// launch point m); it is `None` for the vertices of a non-rotating track, whose times and ranges come from the
/// closed form instead.
///
/// # Errors
/// [`crate::Error::Geodesy`] if a vertex cannot be computed.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// use groundtrack::output::trajectory_land::ground_track_vertices;
/// use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
/// let req = FlightRequest {
///     launch: Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) },
///     destination: Destination::Range { range_m: 2_700e3, azimuth_deg: Some(75.0) },
///     constraint: TrajectoryConstraint::MinimumEnergy,
///     boost: BoostAllowance::none(),
///     rotating: false,
///     launch_time: None,
///     step_s: 10.0,
/// };
/// let (v, _) = ground_track_vertices(&fly(&req).unwrap()).unwrap();
/// // 2,700 km in pieces of at most 1,000 km: 4 vertices, the last 2,700 km along the geodesic (GeodSolve -p 9
/// // <<< "39.22389 125.67 75 2700000" gives 41.226503540 157.462944216).
/// assert_eq!(v.len(), 4);
/// assert!((v[3].y() - 41.226503540).abs() < 1e-8 && (v[3].x() - 157.462944216).abs() < 1e-8);
/// ```
#[allow(clippy::type_complexity)]
pub fn ground_track_vertices(r: &FlightReport) -> Result<(Vec<Point<f64>>, Vec<Option<(f64, f64)>>)> {
    if r.rotation.is_none() {
        let Some((length_m, azimuth_deg)) = r.geodesic else { return Ok((Vec::new(), Vec::new())) };
        let e = Ellipsoid::wgs84();
        let n = ((length_m / PIECE_M).ceil() as usize).max(1);
        let vertices = (0..=n)
            .map(|i| {
                let s = length_m * i as f64 / n as f64;
                Ok(if i == 0 { r.launch.point } else { e.direct(r.launch.point, azimuth_deg, s)?.point })
            })
            .collect::<Result<Vec<_>>>()?;
        let times = vec![None; vertices.len()];
        return Ok((vertices, times));
    }
    let mut vertices = Vec::with_capacity(r.map_track.len() + 1);
    let mut times = Vec::with_capacity(r.map_track.len() + 1);
    if r.has_boost_segment() {
        vertices.push(r.launch.point);
        times.push(Some((0.0, 0.0)));
    }
    for s in &r.map_track {
        if let Some(p) = s.point {
            vertices.push(p);
            times.push(Some((s.time_s, s.range_m)));
        }
    }
    Ok((vertices, times))
}

/// The time after launch, seconds, at which the missile is over the point `along_m` metres along the ground
/// track from the launch point (the track of [`ground_track_vertices`]), or `None` where the flight does not
/// define it: over the boost allowance's straight segment (the powered ascent is not modelled; its launch end
/// is time 0), or without a ground track.
///
/// Non-rotating: the model sphere's ground range is `along_m * figures.range_m / geodesic length` (the report's
/// placement scale, inverted); the free-flight range beyond burnout gives the time by the Keplerian
/// time-of-flight relation ([`time_at_downrange`]; Bate, Mueller, White 1971, sec. 6.2-6.3), plus the boost
/// time. Rotating: linear interpolation in along-track distance between the vertices' times (1 s apart or
/// less for flights up to 20,000 s). Distances are clamped to the track.
///
/// # Errors
/// [`crate::Error::Geodesy`] if a ground-track vertex cannot be computed.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// use groundtrack::output::trajectory_land::time_after_launch;
/// use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
/// let req = FlightRequest {
///     launch: Site { name: "x".into(), point: Point::new(0.0, 0.0) },
///     destination: Destination::Range { range_m: 2_700e3, azimuth_deg: Some(90.0) },
///     constraint: TrajectoryConstraint::MinimumEnergy,
///     boost: BoostAllowance::none(),
///     rotating: false,
///     launch_time: None,
///     step_s: 10.0,
/// };
/// let r = fly(&req).unwrap();
/// let t = time_after_launch(&r).unwrap();
/// // The minimum-energy arc is symmetric: mid-range at half the flight time.
/// assert!((t(1_350e3).unwrap() - r.figures.total_time_s / 2.0).abs() < 1e-6);
/// assert_eq!(t(0.0), Some(0.0));
/// ```
pub fn time_after_launch(r: &FlightReport) -> Result<impl Fn(f64) -> Option<f64> + '_> {
    let track = Interpolated::of(r)?;
    Ok(move |along_m: f64| -> Option<f64> {
        if !along_m.is_finite() || track.along.is_empty() {
            return None;
        }
        if along_m <= 0.0 {
            return Some(0.0);
        }
        if r.rotation.is_none() {
            let free_m = track.nonrotating_range(along_m)? - r.boost.burnout_range_m;
            if free_m < 0.0 {
                return None;
            }
            return Some(r.boost.boost_time_s + time_at_downrange(&r.nonrotating, free_m));
        }
        track.at(along_m).map(|(t, _)| t).filter(|t| t.is_finite())
    })
}

/// The model's ground range from the launch point (the x axis of the profile and the `range` of the report's
/// samples), metres, at `along_m` metres along the ground track of [`ground_track_vertices`]: the geodesic
/// distance divided by the placement's scale without rotation; interpolated linearly between the vertices'
/// ranges over the rotating Earth (the boost segment included). `None` without a ground track.
///
/// # Errors
/// [`crate::Error::Geodesy`] if a ground-track vertex cannot be computed.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// use groundtrack::output::trajectory_land::range_at_along;
/// use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
/// let req = FlightRequest {
///     launch: Site { name: "x".into(), point: Point::new(0.0, 0.0) },
///     destination: Destination::Impact(Site { name: "y".into(), point: Point::new(20.0, 0.0) }),
///     constraint: TrajectoryConstraint::MinimumEnergy,
///     boost: BoostAllowance::none(),
///     rotating: false,
///     launch_time: None,
///     step_s: 10.0,
/// };
/// let r = fly(&req).unwrap();
/// // The end of the geodesic is the end of the model's range.
/// let end = range_at_along(&r).unwrap()(r.geodesic.unwrap().0).unwrap();
/// assert!((end - r.figures.range_m).abs() < 1e-6);
/// ```
pub fn range_at_along(r: &FlightReport) -> Result<impl Fn(f64) -> Option<f64> + '_> {
    let track = Interpolated::of(r)?;
    Ok(move |along_m: f64| -> Option<f64> {
        if !along_m.is_finite() || track.along.is_empty() {
            return None;
        }
        if r.rotation.is_none() {
            return track.nonrotating_range(along_m);
        }
        track.at(along_m.max(0.0)).map(|(_, range)| range)
    })
}

/// The ground track's vertices with their distances along it and their states.
struct Interpolated<'a> {
    report: &'a FlightReport,
    along: Vec<f64>,
    states: Vec<Option<(f64, f64)>>,
}

impl<'a> Interpolated<'a> {
    fn of(r: &'a FlightReport) -> Result<Self> {
        let (vertices, states) = ground_track_vertices(r)?;
        let e = Ellipsoid::wgs84();
        let mut along = Vec::with_capacity(vertices.len());
        let mut total = 0.0;
        if !vertices.is_empty() {
            along.push(0.0);
        }
        for pair in vertices.windows(2) {
            total += e.inverse(pair[0], pair[1])?.distance_m;
            along.push(total);
        }
        Ok(Interpolated { report: r, along, states })
    }

    /// Non-rotating: the model range at a distance along the geodesic (clamped to it).
    fn nonrotating_range(&self, along_m: f64) -> Option<f64> {
        let (length_m, _) = self.report.geodesic?;
        Some(if length_m > 0.0 {
            along_m.clamp(0.0, length_m) * self.report.figures.range_m / length_m
        } else {
            0.0
        })
    }

    /// Rotating: (time, range) interpolated linearly in along-track distance (clamped to the track); `None`
    /// strictly inside the boost segment for the time, which the caller reads.
    fn at(&self, along_m: f64) -> Option<(f64, f64)> {
        let last = self.along.len().checked_sub(1)?;
        let x = along_m.min(self.along[last]);
        // The first vertex at or beyond x, and the one before it.
        let k = self.along.partition_point(|a| *a < x).min(last);
        if k == 0 {
            return self.states.first().copied().flatten();
        }
        let (a0, a1) = (self.along[k - 1], self.along[k]);
        let ((t0, r0), (t1, r1)) = (self.states[k - 1]?, self.states[k]?);
        let u = if a1 > a0 { (x - a0) / (a1 - a0) } else { 1.0 };
        let range = r0 + (r1 - r0) * u;
        // The powered ascent is not modelled: no time over the inside of the boost segment.
        let time =
            if self.report.has_boost_segment() && k == 1 && x < a1 { f64::NAN } else { t0 + (t1 - t0) * u };
        Some((time, range))
    }
}

/// The stretches of a flight's ground track over land (Natural Earth 1:50m), along the line of
/// [`ground_track_vertices`], with entry and exit times after launch from [`time_after_launch`] (to the
/// millisecond). Empty for a flight without a direction.
///
/// # Errors
/// [`crate::Error::Land`] if the land data cannot be read or a vertex is invalid; [`crate::Error::Geodesy`] as
/// [`ground_track_vertices`].
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// use groundtrack::output::trajectory_land::flight_land;
/// use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
/// let req = FlightRequest {
///     launch: Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) },
///     destination: Destination::Impact(Site { name: "Pacific".into(), point: Point::new(157.51, 42.07) }),
///     constraint: TrajectoryConstraint::MinimumEnergy,
///     boost: BoostAllowance::none(),
///     rotating: false,
///     launch_time: None,
///     step_s: 10.0,
/// };
/// let land = flight_land(&fly(&req).unwrap()).unwrap();
/// assert_eq!(land[0].country, "North Korea");
/// assert_eq!(land[0].entry_time_s, Some(0.0));
/// assert!(land.iter().any(|s| s.country == "Japan" && s.entry_time_s.unwrap() > 300.0));
/// ```
pub fn flight_land(r: &FlightReport) -> Result<Vec<LandStretch>> {
    let (vertices, _) = ground_track_vertices(r)?;
    if vertices.is_empty() {
        return Ok(Vec::new());
    }
    let mut land = land_stretches(
        &Ellipsoid::wgs84(),
        &vertices,
        Countries::embedded()?,
        &OverflightOptions::default(),
    )?;
    let time_at = time_after_launch(r)?;
    // Times to the millisecond, as `check` gives them: the model is good to far less.
    with_times(&mut land, |along| time_at(along).map(|t| (t * 1e3).round() / 1e3));
    Ok(land)
}
