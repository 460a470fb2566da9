//! Earth rotation: the Keplerian arc flown in inertial space and watched from the rotating Earth.
//!
//! # Model
//!
//! The planet is the sphere of [`Planet`], turning at a constant rate omega about its polar axis
//! ([`EARTH_ROTATION_RATE_RAD_S`] by default). A shot is given by its Earth-relative burnout state (what the
//! missile's guidance produces): launch point, launch azimuth, burnout speed and flight-path angle, plus the
//! [`BoostAllowance`] (burnout a ground range `burnout_range_m` down the launch azimuth, at `burnout_altitude_m`).
//! The inertial burnout velocity is the Earth-relative one plus the velocity of the rotating frame there,
//! omega x r; free flight is the inertial Kepler ellipse of that state; the point under the missile is
//! mapped back to Earth-fixed longitudes by turning the inertial position back by omega t. This is the
//! treatment of BMW (Bate, Mueller, White, *Fundamentals of Astrodynamics*, 1971) sec. 6.4, "effect of earth
//! rotation", done here with 3-D vectors instead of the book's spherical triangles. The boost phase is not
//! flown: rotation during boost is already contained in Earth-relative burnout figures.
//!
//! [`propagate`] flies a given shot; [`aim`] finds the Earth-relative launch azimuth and burnout speed that
//! reach a given impact point under a [`TrajectoryConstraint`]; [`range_effect`] compares a shot with the same
//! shot over a non-rotating Earth.

mod aim;
mod flight;
mod lambert;
mod vectors;

pub use aim::aim;

use geo_types::Point;

use flight::Flight;
use vectors::{V3, compass, cross_track, dot, norm, point_of, scale, unit_of};

use super::kepler::Ellipse;
use super::profile::MAX_PROFILE_POINTS;
use super::roots::golden_min;
use super::{BallisticsError, BoostAllowance, Planet, TrajectoryConstraint, model_description, solve};
use crate::geodesy::{EarthModel, Sphere, normalize_longitude};

/// The Earth's rotation rate relative to the stars (sidereal), 7.2921159e-5 rad/s: one turn in a sidereal day of
/// 86,164.1 s, to 8 digits.
///
/// # Example
/// ```
/// use groundtrack::ballistics::rotation::EARTH_ROTATION_RATE_RAD_S;
/// // One turn in a sidereal day, 86,164.1 s.
/// assert!((2.0 * std::f64::consts::PI / EARTH_ROTATION_RATE_RAD_S - 86_164.1).abs() < 0.1);
/// ```
pub const EARTH_ROTATION_RATE_RAD_S: f64 = 7.292_115_9e-5;

/// A spherical planet that rotates.
///
/// # Example
/// ```
/// use groundtrack::ballistics::rotation::RotatingEarth;
/// let earth = RotatingEarth::earth();
/// assert_eq!(earth.omega_rad_s, 7.2921159e-5);
/// assert_eq!(earth.planet.radius_m, 6_371_000.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RotatingEarth {
    /// Radius and gravitational parameter.
    pub planet: Planet,
    /// Rotation rate omega about the north pole (positive: eastward, as the Earth), rad/s.
    pub omega_rad_s: f64,
}

impl RotatingEarth {
    /// The spherical Earth of [`Planet::earth_sphere`] turning at [`EARTH_ROTATION_RATE_RAD_S`].
    ///
    /// # Example
    /// ```
    /// use groundtrack::ballistics::rotation::RotatingEarth;
    /// let e = RotatingEarth::earth();
    /// // The equator moves east at about 465 m/s.
    /// assert!((e.omega_rad_s * e.planet.radius_m - 464.6).abs() < 0.1);
    /// ```
    pub fn earth() -> Self {
        Self { planet: Planet::earth_sphere(), omega_rad_s: EARTH_ROTATION_RATE_RAD_S }
    }

    /// Checks the planet and that omega is finite.
    ///
    /// # Errors
    /// [`BallisticsError::InvalidInput`] naming the figure.
    ///
    /// # Example
    /// ```
    /// use groundtrack::ballistics::rotation::RotatingEarth;
    /// assert!(RotatingEarth::earth().validate().is_ok());
    /// assert!(RotatingEarth { omega_rad_s: f64::NAN, ..RotatingEarth::earth() }.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), BallisticsError> {
        self.planet.validate()?;
        if self.omega_rad_s.is_finite() {
            Ok(())
        } else {
            Err(BallisticsError::InvalidInput {
                what: "rotation rate",
                value: self.omega_rad_s,
                expected: "a finite number of rad/s".to_string(),
            })
        }
    }
}

impl Default for RotatingEarth {
    fn default() -> Self {
        Self::earth()
    }
}

/// A shot, as the launch crew would give it: all figures relative to the rotating Earth.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::BoostAllowance;
/// use groundtrack::ballistics::rotation::{Launch, RotatingEarth, propagate};
/// let shot = Launch { point: Point::new(0.0, 0.0), azimuth_deg: 0.0, burnout_speed_mps: 4_000.0,
///     flight_path_angle_deg: 40.0 };
/// let t = propagate(&shot, &RotatingEarth::earth(), &BoostAllowance::none(), 60.0).unwrap();
/// assert_eq!(t.launch, shot);
/// assert!(t.impact.y() > 10.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Launch {
    /// Launch point (x = longitude, y = latitude, degrees).
    pub point: Point<f64>,
    /// Launch azimuth at the launch point, degrees clockwise from north (Earth-relative).
    pub azimuth_deg: f64,
    /// Burnout speed relative to the Earth, m/s.
    pub burnout_speed_mps: f64,
    /// Burnout flight-path angle relative to the Earth, degrees above the local horizontal.
    pub flight_path_angle_deg: f64,
}

/// One point of a ground track.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::BoostAllowance;
/// use groundtrack::ballistics::rotation::{Launch, RotatingEarth, propagate};
/// let shot = Launch { point: Point::new(0.0, 0.0), azimuth_deg: 90.0, burnout_speed_mps: 4_000.0,
///     flight_path_angle_deg: 40.0 };
/// let boost = BoostAllowance { boost_time_s: 50.0, ..BoostAllowance::none() };
/// let t = propagate(&shot, &RotatingEarth::earth(), &boost, 60.0).unwrap();
/// assert_eq!(t.ground_track[0].time_s, 50.0);
/// assert_eq!(t.ground_track.last().unwrap().point, t.impact);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrackPoint {
    /// Time since launch (boost time included), seconds.
    pub time_s: f64,
    /// The point under the missile (x = longitude in [-180, 180), y = latitude, degrees), Earth-fixed.
    pub point: Point<f64>,
    /// Altitude above the sphere, metres.
    pub altitude_m: f64,
}

/// A shot flown over the rotating Earth.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::BoostAllowance;
/// use groundtrack::ballistics::rotation::{Launch, RotatingEarth, propagate};
/// let shot = Launch { point: Point::new(0.0, 0.0), azimuth_deg: 90.0, burnout_speed_mps: 4_000.0,
///     flight_path_angle_deg: 40.0 };
/// let t = propagate(&shot, &RotatingEarth::earth(), &BoostAllowance::none(), 60.0).unwrap();
/// // Fired east, the surface's 465 m/s adds to the inertial speed.
/// assert!((t.inertial_burnout_speed_mps - 4_000.0) > 300.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RotatingTrajectory {
    /// The Earth-relative firing figures.
    pub launch: Launch,
    /// The point under burnout (Earth-fixed).
    pub burnout_point: Point<f64>,
    /// Earth-relative azimuth of flight at burnout, degrees in [0, 360).
    pub burnout_azimuth_deg: f64,
    /// The point under the missile at re-entry (Earth-fixed).
    pub impact: Point<f64>,
    /// Azimuth of the great circle from the launch point to the impact, degrees in [0, 360).
    pub great_circle_azimuth_deg: f64,
    /// Launch azimuth minus great-circle azimuth, degrees in [-180, 180): how far the launch must be aimed off
    /// the great circle to the impact point because of rotation.
    pub azimuth_offset_deg: f64,
    /// Inertial burnout speed (Earth-relative velocity plus omega x r), m/s.
    pub inertial_burnout_speed_mps: f64,
    /// Inertial burnout flight-path angle, degrees.
    pub inertial_flight_path_angle_deg: f64,
    /// Ground range of free flight, great circle from the burnout point to the impact, metres.
    pub range_m: f64,
    /// Ground range from the launch point to the impact (great circle), metres.
    pub total_range_m: f64,
    /// Ground range from the launch point that the same Earth-relative shot reaches over a non-rotating Earth
    /// (burnout range plus the closed-form free-flight range), metres; `None` if it does not come down there.
    pub nonrotating_range_m: Option<f64>,
    /// `total_range_m - nonrotating_range_m`: range gained (positive) or lost to rotation, metres.
    pub range_gain_m: Option<f64>,
    /// Altitude of the highest point of free flight, metres.
    pub apogee_m: f64,
    /// Free-flight time, burnout to re-entry, seconds.
    pub flight_time_s: f64,
    /// Time from launch to re-entry (boost time plus free flight), seconds.
    pub total_time_s: f64,
    /// Earth-relative speed at re-entry, m/s.
    pub reentry_speed_mps: f64,
    /// Earth-relative re-entry angle, degrees below the local horizontal.
    pub reentry_angle_deg: f64,
    /// Points under the missile from burnout to re-entry at the requested time step, the last at re-entry.
    pub ground_track: Vec<TrackPoint>,
    /// The largest distance of the free-flight ground track from the great circle through the launch and impact
    /// points, metres, signed like every cross-track distance in this crate: positive to the LEFT of the
    /// direction of flight, negative to the right; NaN if the two points coincide or are antipodal.
    pub max_lateral_deviation_m: f64,
    /// Time since launch of that largest deviation, seconds.
    pub max_lateral_deviation_time_s: f64,
    /// The rotating planet.
    pub earth: RotatingEarth,
    /// The boost and re-entry allowance.
    pub boost: BoostAllowance,
    /// The model, spelled out.
    pub model: String,
}

/// How rotation changes the range of one shot.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::BoostAllowance;
/// use groundtrack::ballistics::rotation::{RotatingEarth, range_effect};
/// let e = range_effect(Point::new(0.0, 0.0), 90.0, 4_000.0, Some(40.0), &RotatingEarth::earth(),
///     &BoostAllowance::none()).unwrap();
/// assert_eq!(e.gain_m, e.rotating_range_m - e.nonrotating_range_m);
/// // Fired north along the meridian, rotation moves the impact off it; west of the meridian is left of the
/// // direction of flight, and left is positive.
/// let north = range_effect(Point::new(0.0, 0.0), 0.0, 4_000.0, Some(40.0), &RotatingEarth::earth(),
///     &BoostAllowance::none()).unwrap();
/// assert!(north.impact.x().abs() > 1e-3);
/// assert_eq!(north.cross_range_m > 0.0, north.impact.x() < 0.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RangeEffect {
    /// The Earth-relative burnout flight-path angle used, degrees.
    pub flight_path_angle_deg: f64,
    /// Ground range from the launch point over the rotating Earth, metres.
    pub rotating_range_m: f64,
    /// Ground range from the launch point of the same Earth-relative shot over a non-rotating Earth, metres.
    pub nonrotating_range_m: f64,
    /// `rotating_range_m - nonrotating_range_m`, metres (positive: rotation adds range).
    pub gain_m: f64,
    /// Impact over the rotating Earth.
    pub impact: Point<f64>,
    /// Impact over the non-rotating Earth.
    pub nonrotating_impact: Point<f64>,
    /// Sideways distance of the rotating impact from the non-rotating shot's great circle, metres, positive to
    /// the left of the direction of flight (negative to the right), like every cross-track distance in this
    /// crate.
    pub cross_range_m: f64,
    /// The model, spelled out.
    pub model: String,
}

/// Flies a shot over the rotating Earth.
///
/// Inputs: the Earth-relative `launch` (point, azimuth, burnout speed and flight-path angle), the rotating
/// `earth`, the `boost` allowance, and `track_step_s`, the time step of the ground track (s, > 0).
/// Output: the [`RotatingTrajectory`]: impact, burnout and re-entry states, ground track, lateral deviation from
/// the launch-to-impact great circle, and the range gained or lost against a non-rotating Earth.
///
/// Method: inertial velocity = Earth-relative velocity + omega x r (BMW sec. 6.4); the inertial ellipse
/// (BMW eq. 6.2-1, 6.2-4, 6.2-11); re-entry where the trajectory equation gives the re-entry radius; time by
/// Kepler's equation; each inertial position turned back by omega t into Earth-fixed coordinates.
///
/// # Errors
/// [`BallisticsError::InvalidInput`] for non-finite or out-of-range figures, an inertial speed at or above
/// escape speed, or an arc that never comes down through the re-entry altitude; [`BallisticsError::Point`] for
/// an invalid launch point.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::BoostAllowance;
/// use groundtrack::ballistics::rotation::{Launch, RotatingEarth, propagate};
/// let shot = Launch {
///     point: Point::new(0.0, 0.0),
///     azimuth_deg: 90.0,
///     burnout_speed_mps: 4_663.0,
///     flight_path_angle_deg: 38.93,
/// };
/// let t = propagate(&shot, &RotatingEarth::earth(), &BoostAllowance::none(), 30.0).unwrap();
/// // Fired east along the equator it stays on the equator and gains range from the Earth's spin.
/// assert!(t.impact.y().abs() < 1e-9);
/// assert!(t.range_gain_m.unwrap() > 100e3);
/// ```
pub fn propagate(
    launch: &Launch,
    earth: &RotatingEarth,
    boost: &BoostAllowance,
    track_step_s: f64,
) -> Result<RotatingTrajectory, BallisticsError> {
    earth.validate()?;
    boost.validate()?;
    let flight = Flight::new(launch, earth, boost)?;
    let count = flight.t_re / track_step_s;
    if !(track_step_s.is_finite() && track_step_s > 0.0 && count < MAX_PROFILE_POINTS as f64) {
        return Err(BallisticsError::InvalidInput {
            what: "ground-track time step",
            value: track_step_s,
            expected: format!("a finite step > 0 s giving at most {MAX_PROFILE_POINTS} points"),
        });
    }
    let radius = earth.planet.radius_m;
    let sphere = Sphere::new(radius);
    let impact_v = flight.impact_vector();
    let impact = point_of(impact_v);
    let (_, v_rel_re) = flight.earth_fixed(flight.t_re, flight.theta_re);
    let r_hat_re = scale(impact_v, 1.0 / norm(impact_v));
    let v_re = norm(v_rel_re);

    let track_point = |t: f64| {
        let p = flight.position_at(t);
        TrackPoint { time_s: boost.boost_time_s + t, point: point_of(p), altitude_m: norm(p) - radius }
    };
    let n = count.floor() as usize;
    let mut ground_track: Vec<TrackPoint> = (0..=n).map(|i| track_point(i as f64 * track_step_s)).collect();
    if ground_track.last().is_none_or(|p| p.time_s < boost.boost_time_s + flight.t_re) {
        ground_track.push(track_point(flight.t_re));
    }

    let launch_v = unit_of(launch.point);
    let (dev_t, dev) = largest_deviation(&flight, radius, launch_v, impact_v);

    let gc = sphere.inverse(launch.point, impact)?;
    let nonrotating_range_m =
        Ellipse::from_burnout(earth.planet.mu_m3_s2, flight.el.r_bo, flight.v_rel, flight.phi_rel)
            .and_then(|el| el.reentry_angle(radius + boost.reentry_altitude_m))
            .map(|psi| boost.burnout_range_m + psi * radius);
    let range_m = sphere.inverse(flight.burnout_point, impact)?.distance_m;
    Ok(RotatingTrajectory {
        launch: *launch,
        burnout_point: flight.burnout_point,
        burnout_azimuth_deg: compass(flight.burnout_azimuth_deg),
        impact,
        great_circle_azimuth_deg: compass(gc.azimuth1_deg),
        azimuth_offset_deg: normalize_longitude(launch.azimuth_deg - gc.azimuth1_deg),
        inertial_burnout_speed_mps: flight.el.v_bo,
        inertial_flight_path_angle_deg: flight.el.phi_bo.to_degrees(),
        range_m,
        total_range_m: gc.distance_m,
        nonrotating_range_m,
        range_gain_m: nonrotating_range_m.map(|r| gc.distance_m - r),
        apogee_m: flight.el.highest_point(flight.theta_re).0 - radius,
        flight_time_s: flight.t_re,
        total_time_s: boost.boost_time_s + flight.t_re,
        reentry_speed_mps: v_re,
        reentry_angle_deg: -(dot(v_rel_re, r_hat_re) / v_re).clamp(-1.0, 1.0).asin().to_degrees(),
        ground_track,
        max_lateral_deviation_m: dev,
        max_lateral_deviation_time_s: boost.boost_time_s + dev_t,
        earth: *earth,
        boost: *boost,
        model: model_description(&earth.planet, boost, Some(earth.omega_rad_s)),
    })
}

/// The time since burnout and the signed size of the largest distance of the ground track from the great circle
/// through `a` and `b`: 2,000 even samples, then golden-section refinement around the largest.
fn largest_deviation(flight: &Flight, radius: f64, a: V3, b: V3) -> (f64, f64) {
    const SAMPLES: usize = 2000;
    let xt = |t: f64| cross_track(radius, a, b, flight.position_at(t));
    let dt = flight.t_re / SAMPLES as f64;
    let mut best = (0.0, xt(0.0));
    for i in 1..=SAMPLES {
        let t = i as f64 * dt;
        let d = xt(t);
        if d.abs() > best.1.abs() {
            best = (t, d);
        }
    }
    if best.1.is_nan() {
        return (0.0, f64::NAN);
    }
    let t = golden_min(|t| -xt(t).abs(), (best.0 - dt).max(0.0), (best.0 + dt).min(flight.t_re), 1e-6);
    let d = xt(t);
    if d.abs() > best.1.abs() { (t, d) } else { best }
}

/// How much range the Earth's rotation adds to (or takes from) a shot fired from `launch_point` toward
/// `azimuth_deg` at Earth-relative burnout speed `speed_mps`.
///
/// Inputs: launch point (lon, lat degrees), launch azimuth (degrees), Earth-relative burnout speed (m/s), the
/// Earth-relative flight-path angle in degrees or `None` for the non-rotating maximum-range angle of that speed
/// (BMW eq. 6.2-18 with the range of eq. 6.2-19; for unequal altitudes the least-Q arc), the rotating `earth`,
/// the `boost` allowance.
/// Output: the [`RangeEffect`]: both ranges from the launch point, their difference, both impacts and the
/// sideways shift.
///
/// # Errors
/// Those of [`propagate`]; for `None`, also those of [`super::max_range_for_speed`], and
/// [`BallisticsError::InvalidInput`] if the speed reaches any range (no maximum-range angle: give one).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::BoostAllowance;
/// use groundtrack::ballistics::rotation::{RotatingEarth, range_effect};
/// let earth = RotatingEarth::earth();
/// let east = range_effect(Point::new(125.67, 39.22), 90.0, 5_000.0, None, &earth, &BoostAllowance::none()).unwrap();
/// let west = range_effect(Point::new(125.67, 39.22), 270.0, 5_000.0, None, &earth, &BoostAllowance::none()).unwrap();
/// assert!(east.gain_m > 0.0 && west.gain_m < 0.0);
/// ```
pub fn range_effect(
    launch_point: Point<f64>,
    azimuth_deg: f64,
    speed_mps: f64,
    flight_path_angle_deg: Option<f64>,
    earth: &RotatingEarth,
    boost: &BoostAllowance,
) -> Result<RangeEffect, BallisticsError> {
    earth.validate()?;
    boost.validate()?;
    let phi_deg = match flight_path_angle_deg {
        Some(p) => p,
        None => {
            let free = super::max_range_for_speed(
                speed_mps,
                &earth.planet,
                boost.burnout_altitude_m,
                boost.reentry_altitude_m,
            )?
            .ok_or_else(|| BallisticsError::InvalidInput {
                what: "burnout speed",
                value: speed_mps,
                expected: "a speed below the one that reaches any range, or an explicit flight-path angle"
                    .to_string(),
            })?;
            let t = solve(
                free + boost.burnout_range_m,
                TrajectoryConstraint::MinimumEnergy,
                &earth.planet,
                boost,
            )?;
            t.flight_path_angle_deg
        }
    };
    let launch = Launch {
        point: launch_point,
        azimuth_deg,
        burnout_speed_mps: speed_mps,
        flight_path_angle_deg: phi_deg,
    };
    let flight = Flight::new(&launch, earth, boost)?;
    let radius = earth.planet.radius_m;
    let sphere = Sphere::new(radius);
    let impact = point_of(flight.impact_vector());
    let rotating_range_m = sphere.inverse(launch_point, impact)?.distance_m;
    let el = Ellipse::from_burnout(earth.planet.mu_m3_s2, flight.el.r_bo, speed_mps, phi_deg.to_radians());
    let psi = el.and_then(|el| el.reentry_angle(radius + boost.reentry_altitude_m)).ok_or_else(|| {
        BallisticsError::InvalidInput {
            what: "flight-path angle",
            value: phi_deg,
            expected: "a burnout state that comes down through the re-entry altitude without rotation too"
                .to_string(),
        }
    })?;
    let nonrotating_impact =
        sphere.direct(flight.burnout_point, flight.burnout_azimuth_deg, psi * radius)?.point;
    let nonrotating_range_m = boost.burnout_range_m + psi * radius;
    let cross_range_m =
        cross_track(radius, unit_of(launch_point), unit_of(nonrotating_impact), unit_of(impact));
    Ok(RangeEffect {
        flight_path_angle_deg: phi_deg,
        rotating_range_m,
        nonrotating_range_m,
        gain_m: rotating_range_m - nonrotating_range_m,
        impact,
        nonrotating_impact,
        cross_range_m,
        model: model_description(&earth.planet, boost, Some(earth.omega_rad_s)),
    })
}
