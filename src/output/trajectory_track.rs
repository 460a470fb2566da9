//! A flight placed on the Earth: the rows of `groundtrack fly`'s profile table and the vertices of its maps.
//!
//! The ballistic model ([`crate::ballistics`]) is spherical; the ground track of a non-rotating arc is laid on the
//! WGS84 ellipsoid along the geodesic from the launch point ([`GeodesicPlacement`]), with the sphere's ground
//! range scaled onto the geodesic's length. Over the rotating Earth the library gives the points under the
//! missile itself ([`rotating_samples`]).

use geo_types::Point;
use serde::Serialize;

use crate::ballistics::rotation::RotatingTrajectory;
use crate::ballistics::{Trajectory, profile};
use crate::geodesy::{EarthModel, Ellipsoid, Sphere};

/// Most vertices of a map track: the map step grows beyond 1 s for flights longer than this many seconds.
///
/// # Example
/// ```
/// use groundtrack::output::trajectory_track::{MAP_TRACK_POINTS, map_step_s};
/// assert_eq!(map_step_s(840.0), 1.0);
/// assert_eq!(map_step_s(2.0 * MAP_TRACK_POINTS as f64), 2.0);
/// ```
pub const MAP_TRACK_POINTS: usize = 20_000;

/// The time step of a map track, seconds: 1 s, or longer so that a flight of `flight_time_s` seconds gives at
/// most [`MAP_TRACK_POINTS`] vertices. A missile covers at most about 7 km of ground in a second, so straight
/// lon/lat segments between 1-s vertices stay within metres of the track.
///
/// # Example
/// ```
/// assert_eq!(groundtrack::output::trajectory_track::map_step_s(f64::NAN), 1.0);
/// ```
pub fn map_step_s(flight_time_s: f64) -> f64 {
    let per_point = flight_time_s / MAP_TRACK_POINTS as f64;
    if per_point > 1.0 { per_point } else { 1.0 }
}

/// One instant of a flight, placed on the Earth.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::trajectory_track::TrackSample;
/// let s = TrackSample { time_s: 0.0, range_m: 0.0, altitude_m: 0.0, speed_mps: 4_663.0,
///     point: Some(Point::new(125.67, 39.22389)) };
/// assert_eq!(s.point.unwrap().x(), 125.67);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TrackSample {
    /// Time since launch (boost time included), seconds.
    pub time_s: f64,
    /// Ground range from the launch point to the point under the missile, metres (the model's range: along the
    /// sphere, boost range included).
    pub range_m: f64,
    /// Altitude above the model sphere, metres.
    pub altitude_m: f64,
    /// Speed, m/s: over a non-rotating Earth the one speed there is; over the rotating Earth the inertial speed.
    pub speed_mps: f64,
    /// The point under the missile (x = longitude in [-180, 180), y = latitude, degrees), or `None` when the
    /// flight has no direction (a range without an azimuth).
    pub point: Option<Point<f64>>,
}

/// How a non-rotating trajectory's ground track is laid on the WGS84 ellipsoid: along the geodesic that leaves
/// `launch` at `azimuth_deg`, with the trajectory's ground range from the launch point scaled by
/// `length_m / total range` so that the end of the arc falls at the end of a geodesic of `length_m` metres.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::trajectory_track::GeodesicPlacement;
/// let p = GeodesicPlacement { launch: Point::new(0.0, 0.0), azimuth_deg: 90.0, length_m: 1_000e3 };
/// assert_eq!(p.scale(2_000e3), 0.5);
/// // Along the equator a geodesic is the equator: 500 km of geodesic is 500 / (2 pi a) of 360 degrees.
/// let q = p.point_at(1_000e3, 2_000e3).unwrap();
/// assert!((q.x() - (500e3 / 6_378_137.0f64).to_degrees()).abs() < 1e-9 && q.y().abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeodesicPlacement {
    /// Launch point (lon, lat degrees).
    pub launch: Point<f64>,
    /// Azimuth of the geodesic at the launch point, degrees clockwise from north.
    pub azimuth_deg: f64,
    /// Length of the geodesic onto which the trajectory's total range is mapped, metres (the WGS84 distance from
    /// launch to impact, or the range given).
    pub length_m: f64,
}

impl GeodesicPlacement {
    /// The factor geodesic length / model range, for a trajectory of total ground range `total_range_m`
    /// (NaN-free: 1 when the range is not positive).
    pub fn scale(&self, total_range_m: f64) -> f64 {
        if total_range_m > 0.0 && self.length_m.is_finite() { self.length_m / total_range_m } else { 1.0 }
    }

    /// The point at model ground range `range_m` from the launch point, for a trajectory of total ground range
    /// `total_range_m`: the WGS84 direct problem (Karney 2013, J. Geodesy 87:43-55, sec. 3) from the launch point
    /// at `range_m * scale`.
    ///
    /// # Errors
    /// [`crate::Error::Geodesy`] for an invalid launch point, azimuth or distance.
    pub fn point_at(&self, range_m: f64, total_range_m: f64) -> crate::Result<Point<f64>> {
        let d = range_m * self.scale(total_range_m);
        Ok(Ellipsoid::wgs84().direct(self.launch, self.azimuth_deg, d)?.point)
    }
}

/// The states of a non-rotating trajectory every `step_s` seconds from burnout (and at re-entry), with times and
/// ranges counted from launch, placed along the geodesic when a placement is given.
///
/// Inputs: a solved [`Trajectory`]; the placement or `None`; the time step in seconds (> 0).
/// Output: one [`TrackSample`] per state of [`crate::ballistics::profile`], the first at burnout, the last at
/// re-entry.
///
/// # Errors
/// [`crate::Error::Ballistics`] for a step that is not a positive number or gives too many rows;
/// [`crate::Error::Geodesy`] if a point cannot be placed.
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, solve};
/// use groundtrack::output::trajectory_track::profile_samples;
/// let t = solve(2_700e3, TrajectoryConstraint::MinimumEnergy, &Planet::earth_sphere(), &BoostAllowance::none())
///     .unwrap();
/// let rows = profile_samples(&t, None, 60.0).unwrap();
/// assert_eq!(rows.len(), 15); // 0, 60, ..., 780 s, and re-entry at about 839 s (13.99 min)
/// assert!(rows.iter().all(|r| r.point.is_none()));
/// assert!((rows.last().unwrap().range_m - 2_700e3).abs() < 1e-3);
/// ```
pub fn profile_samples(
    traj: &Trajectory,
    placement: Option<&GeodesicPlacement>,
    step_s: f64,
) -> crate::Result<Vec<TrackSample>> {
    let states = profile(traj, step_s)?;
    let (t0, r0) = (traj.boost.boost_time_s, traj.boost.burnout_range_m);
    states
        .iter()
        .map(|s| {
            let range_m = r0 + s.downrange_m;
            let point = match placement {
                Some(p) => Some(p.point_at(range_m, traj.total_range_m)?),
                None => None,
            };
            Ok(TrackSample {
                time_s: t0 + s.time_s,
                range_m,
                altitude_m: s.altitude_m,
                speed_mps: s.speed_mps,
                point,
            })
        })
        .collect()
}

/// The ground track of a flight over the rotating Earth as [`TrackSample`]s.
///
/// Input: a [`RotatingTrajectory`] (from `rotation::propagate` or `rotation::aim`). Output: one sample per
/// ground-track point, with the great-circle distance on the model sphere from the launch point as range, and
/// the inertial speed from the energy integral, v^2 = v_bo^2 + 2 mu (1/r - 1/r_bo) (vis-viva; R. R. Bate,
/// D. D. Mueller, J. E. White, *Fundamentals of Astrodynamics*, 1971, eq. 1.4-2), with v_bo the inertial
/// burnout speed and r_bo the burnout radius.
///
/// # Errors
/// [`crate::Error::Geodesy`] if a distance cannot be computed (a ground-track point that is not a valid point).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::BoostAllowance;
/// use groundtrack::ballistics::rotation::{Launch, RotatingEarth, propagate};
/// use groundtrack::output::trajectory_track::rotating_samples;
/// let shot = Launch { point: Point::new(0.0, 0.0), azimuth_deg: 90.0, burnout_speed_mps: 4_000.0,
///     flight_path_angle_deg: 40.0 };
/// let t = propagate(&shot, &RotatingEarth::earth(), &BoostAllowance::none(), 30.0).unwrap();
/// let rows = rotating_samples(&t).unwrap();
/// // The inertial speed at burnout is the one the library reports.
/// assert!((rows[0].speed_mps - t.inertial_burnout_speed_mps).abs() < 1e-6);
/// assert!((rows.last().unwrap().range_m - t.total_range_m).abs() < 1e-3);
/// ```
pub fn rotating_samples(rt: &RotatingTrajectory) -> crate::Result<Vec<TrackSample>> {
    let planet = rt.earth.planet;
    let sphere = Sphere::new(planet.radius_m);
    let r_bo = planet.radius_m + rt.boost.burnout_altitude_m;
    let v_bo = rt.inertial_burnout_speed_mps;
    rt.ground_track
        .iter()
        .map(|p| {
            let r = planet.radius_m + p.altitude_m;
            let v2 = v_bo * v_bo + 2.0 * planet.mu_m3_s2 * (1.0 / r - 1.0 / r_bo);
            Ok(TrackSample {
                time_s: p.time_s,
                range_m: sphere.inverse(rt.launch.point, p.point)?.distance_m,
                altitude_m: p.altitude_m,
                speed_mps: v2.max(0.0).sqrt(),
                point: Some(p.point),
            })
        })
        .collect()
}

/// The highest point of a sampled flight: the vertex of the parabola through the highest sample and its two
/// neighbours (altitude against time), with range, speed and point interpolated linearly in time between the
/// samples on either side of it (longitudes unwrapped across the antimeridian).
///
/// Input: samples in time order (a dense map track). Output: `None` for no samples; the highest sample itself at
/// either end of the track.
///
/// # Example
/// ```
/// use groundtrack::output::trajectory_track::{TrackSample, highest_sample};
/// // Altitude 100 - (t - 1.3)^2 sampled at whole seconds: the vertex is found exactly.
/// let s: Vec<TrackSample> = (0..4)
///     .map(|i| {
///         let t = i as f64;
///         TrackSample { time_s: t, range_m: 10.0 * t, altitude_m: 100.0 - (t - 1.3).powi(2), speed_mps: 1.0,
///             point: None }
///     })
///     .collect();
/// let top = highest_sample(&s).unwrap();
/// assert!((top.time_s - 1.3).abs() < 1e-12 && (top.altitude_m - 100.0).abs() < 1e-12);
/// assert!((top.range_m - 13.0).abs() < 1e-12);
/// ```
pub fn highest_sample(samples: &[TrackSample]) -> Option<TrackSample> {
    let (i, best) = samples
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.altitude_m.total_cmp(&b.1.altitude_m))
        .map(|(i, s)| (i, *s))?;
    if i == 0 || i + 1 >= samples.len() {
        return Some(best);
    }
    let (a, b, c) = (samples[i - 1], best, samples[i + 1]);
    // Vertex of the parabola through (t_a, h_a), (t_b, h_b), (t_c, h_c).
    let (x1, x2) = (a.time_s - b.time_s, c.time_s - b.time_s);
    let (y1, y2) = (a.altitude_m - b.altitude_m, c.altitude_m - b.altitude_m);
    let den = x1 * x2 * (x1 - x2);
    let (qa, qb) = ((y1 * x2 - y2 * x1) / den, (y2 * x1 * x1 - y1 * x2 * x2) / den);
    if !(qa < 0.0 && den.is_finite()) {
        return Some(best);
    }
    let dt = (-qb / (2.0 * qa)).clamp(x1, x2);
    let h = b.altitude_m + qb * dt + qa * dt * dt;
    let (from, to) = if dt < 0.0 { (a, b) } else { (b, c) };
    let span = to.time_s - from.time_s;
    let u = if span > 0.0 { (b.time_s + dt - from.time_s) / span } else { 0.0 };
    let lerp = |x: f64, y: f64| x + (y - x) * u;
    let point = match (from.point, to.point) {
        (Some(p), Some(q)) => {
            let dx = crate::geodesy::normalize_longitude(q.x() - p.x());
            Some(Point::new(crate::geodesy::normalize_longitude(p.x() + dx * u), lerp(p.y(), q.y())))
        }
        _ => None,
    };
    Some(TrackSample {
        time_s: b.time_s + dt,
        range_m: lerp(from.range_m, to.range_m),
        altitude_m: h.max(best.altitude_m),
        speed_mps: lerp(from.speed_mps, to.speed_mps),
        point,
    })
}
