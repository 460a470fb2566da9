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

use geo_types::Point;

use super::error::check_non_negative;
use super::kepler::Ellipse;
use super::profile::MAX_PROFILE_POINTS;
use super::roots::{bisect_increasing, golden_min};
use super::{BallisticsError, BoostAllowance, Planet, TrajectoryConstraint, model_description, solve};
use crate::geodesy::{EarthModel, Sphere, normalize_longitude, validate_point};

/// The Earth's rotation rate relative to the stars (sidereal), 7.2921159e-5 rad/s (the conventional value, e.g.
/// GRS80 and BMW's appendix constants, to 8 digits).
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
#[derive(Debug, Clone, PartialEq)]
pub struct RotatingTrajectory {
    /// The Earth-relative firing figures.
    pub launch: Launch,
    /// The point under burnout (Earth-fixed).
    pub burnout_point: Point<f64>,
    /// Earth-relative azimuth of flight at burnout, degrees.
    pub burnout_azimuth_deg: f64,
    /// The point under the missile at re-entry (Earth-fixed).
    pub impact: Point<f64>,
    /// Azimuth of the great circle from the launch point to the impact, degrees.
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
    /// points, metres, positive to the right of the direction of flight; NaN if the two points coincide or are
    /// antipodal.
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
    /// the right.
    pub cross_range_m: f64,
    /// The model, spelled out.
    pub model: String,
}

// ---------------------------------------------------------------------------------------------------------------
// Vectors in the Earth-centred frame: x towards (0 N, 0 E), z towards the north pole.

type V3 = [f64; 3];

fn add(a: V3, b: V3) -> V3 {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}
fn sub(a: V3, b: V3) -> V3 {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}
fn scale(a: V3, s: f64) -> V3 {
    [a[0] * s, a[1] * s, a[2] * s]
}
fn dot(a: V3, b: V3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}
fn cross(a: V3, b: V3) -> V3 {
    [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}
fn norm(a: V3) -> f64 {
    dot(a, a).sqrt()
}

/// Unit vector of a point (lon, lat degrees).
fn unit_of(p: Point<f64>) -> V3 {
    let (sl, cl) = p.y().to_radians().sin_cos();
    let (so, co) = p.x().to_radians().sin_cos();
    [cl * co, cl * so, sl]
}

/// The point (lon in [-180, 180), lat degrees) of a non-zero vector.
fn point_of(v: V3) -> Point<f64> {
    let lat = v[2].atan2(v[0].hypot(v[1])).to_degrees();
    let lon = normalize_longitude(v[1].atan2(v[0]).to_degrees());
    Point::new(lon, lat)
}

/// Local east and north unit vectors at a point.
fn east_north(p: Point<f64>) -> (V3, V3) {
    let (sl, cl) = p.y().to_radians().sin_cos();
    let (so, co) = p.x().to_radians().sin_cos();
    ([-so, co, 0.0], [-sl * co, -sl * so, cl])
}

/// omega x r for a rotation about z.
fn omega_cross(omega: f64, r: V3) -> V3 {
    [-omega * r[1], omega * r[0], 0.0]
}

/// Earth-fixed components of an inertial vector after the Earth has turned by `angle` radians eastward.
fn to_earth_fixed(v: V3, angle: f64) -> V3 {
    let (s, c) = angle.sin_cos();
    [c * v[0] + s * v[1], -s * v[0] + c * v[1], v[2]]
}

/// Signed distance (m, positive right of travel from `a` to `b`) of unit vector `p` from the great circle
/// through unit vectors `a` and `b`; NaN if `a` and `b` do not fix a great circle.
fn cross_track(radius: f64, a: V3, b: V3, p: V3) -> f64 {
    let n = cross(a, b);
    let len = norm(n);
    if !(len > 1e-12) {
        return f64::NAN;
    }
    -radius * (dot(p, n) / len / norm(p)).clamp(-1.0, 1.0).asin()
}

// ---------------------------------------------------------------------------------------------------------------

/// One shot's free flight: the inertial ellipse and the frame that places it in space.
struct Flight {
    el: Ellipse,
    /// Burnout radius direction (inertial = Earth-fixed at burnout time).
    u0: V3,
    /// In-plane horizontal direction of inertial motion at burnout.
    t0: V3,
    omega: f64,
    radius: f64,
    /// Angle from burnout to re-entry in the orbit plane, radians.
    theta_re: f64,
    /// Time from burnout to re-entry, s.
    t_re: f64,
    burnout_point: Point<f64>,
    burnout_azimuth_deg: f64,
    /// Earth-relative burnout speed and flight-path angle (radians).
    v_rel: f64,
    phi_rel: f64,
}

impl Flight {
    fn new(launch: &Launch, earth: &RotatingEarth, boost: &BoostAllowance) -> Result<Self, BallisticsError> {
        validate_point(launch.point)?;
        if !launch.azimuth_deg.is_finite() {
            return Err(BallisticsError::InvalidInput {
                what: "launch azimuth",
                value: launch.azimuth_deg,
                expected: "a finite number of degrees".to_string(),
            });
        }
        check_non_negative("burnout speed", launch.burnout_speed_mps, true)?;
        let phi_deg = launch.flight_path_angle_deg;
        if !(phi_deg.is_finite() && phi_deg.abs() < 90.0) {
            return Err(BallisticsError::InvalidInput {
                what: "flight-path angle",
                value: phi_deg,
                expected: "an angle in (-90, 90) degrees".to_string(),
            });
        }
        let planet = earth.planet;
        let radius = planet.radius_m;
        let bo = Sphere::new(radius).direct(launch.point, launch.azimuth_deg, boost.burnout_range_m)?;
        let r_bo = radius + boost.burnout_altitude_m;
        let r_re = radius + boost.reentry_altitude_m;
        let u0 = unit_of(bo.point);
        let (east, north) = east_north(bo.point);
        let (sa, ca) = bo.azimuth2_deg.to_radians().sin_cos();
        let phi_rel = phi_deg.to_radians();
        let (sp, cp) = phi_rel.sin_cos();
        let v = launch.burnout_speed_mps;
        // Earth-relative velocity, then inertial velocity v_I = v_E + omega x r (BMW sec. 6.4).
        let v_earth = scale(add(scale(add(scale(east, sa), scale(north, ca)), cp), scale(u0, sp)), v);
        let v_in = add(v_earth, omega_cross(earth.omega_rad_s, scale(u0, r_bo)));
        let speed_in = norm(v_in);
        let radial = dot(v_in, u0);
        let horizontal = sub(v_in, scale(u0, radial));
        let h_len = norm(horizontal);
        let escape = (2.0 * planet.mu_m3_s2 / r_bo).sqrt();
        if !(speed_in < escape) {
            return Err(BallisticsError::InvalidInput {
                what: "burnout speed",
                value: v,
                expected: format!(
                    "a speed whose inertial value (Earth-relative plus the surface velocity, here {speed_in:.3} \
                     m/s) is below escape speed {escape:.3} m/s"
                ),
            });
        }
        let el = if h_len > 0.0 {
            Ellipse::from_burnout(planet.mu_m3_s2, r_bo, speed_in, radial.atan2(h_len))
        } else {
            None
        };
        let no_arc = || BallisticsError::InvalidInput {
            what: "flight-path angle",
            value: phi_deg,
            expected: format!(
                "a burnout state whose inertial arc is an ellipse that comes down through the re-entry altitude \
                 {} m",
                boost.reentry_altitude_m
            ),
        };
        let el = el.ok_or_else(no_arc)?;
        let theta_re = el.reentry_angle(r_re).ok_or_else(no_arc)?;
        let t_re = el.time_to(theta_re);
        Ok(Self {
            el,
            u0,
            t0: scale(horizontal, 1.0 / h_len),
            omega: earth.omega_rad_s,
            radius,
            theta_re,
            t_re,
            burnout_point: bo.point,
            burnout_azimuth_deg: bo.azimuth2_deg,
            v_rel: v,
            phi_rel,
        })
    }

    /// Inertial position and velocity at in-plane angle `theta` past burnout.
    fn inertial_at_angle(&self, theta: f64) -> (V3, V3) {
        let (s, c) = theta.sin_cos();
        let r_hat = add(scale(self.u0, c), scale(self.t0, s));
        let t_hat = sub(scale(self.t0, c), scale(self.u0, s));
        let (sg, cg) = self.el.flight_path_angle_at(theta).sin_cos();
        let v = self.el.speed_at(theta);
        (scale(r_hat, self.el.radius_at(theta)), scale(add(scale(r_hat, sg), scale(t_hat, cg)), v))
    }

    /// Earth-fixed position and Earth-relative velocity at time `t` after burnout (angle `theta` past burnout).
    fn earth_fixed(&self, t: f64, theta: f64) -> (V3, V3) {
        let (r, v) = self.inertial_at_angle(theta);
        let v_rel = sub(v, omega_cross(self.omega, r));
        let turn = self.omega * t;
        (to_earth_fixed(r, turn), to_earth_fixed(v_rel, turn))
    }

    /// Earth-fixed position at time `t` after burnout, clamped to free flight.
    fn position_at(&self, t: f64) -> V3 {
        let t = t.clamp(0.0, self.t_re);
        let theta = if t >= self.t_re { self.theta_re } else { self.el.angle_at(t) };
        self.earth_fixed(t, theta).0
    }

    /// Earth-fixed position of re-entry.
    fn impact_vector(&self) -> V3 {
        self.earth_fixed(self.t_re, self.theta_re).0
    }
}

/// Flies a shot over the rotating Earth.
///
/// Inputs: the Earth-relative `launch` (point, azimuth, burnout speed and flight-path angle), the rotating
/// `earth`, the `boost` allowance, and `track_step_s`, the time step of the ground track (s, > 0).
/// Output: the [`RotatingTrajectory`]: impact, burnout and re-entry states, ground track, lateral deviation from
/// the launch-to-impact great circle, and the range gained or lost against a non-rotating Earth.
///
/// Method: inertial velocity = Earth-relative velocity + omega x r (BMW sec. 6.4); the inertial ellipse
/// (BMW eq. 6.2-1, 6.2-3, 6.2-11); re-entry where the trajectory equation gives the re-entry radius; time by
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
        burnout_azimuth_deg: flight.burnout_azimuth_deg,
        impact,
        great_circle_azimuth_deg: gc.azimuth1_deg,
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

// ---------------------------------------------------------------------------------------------------------------
// Aiming: find the Earth-relative azimuth and speed that reach a point.

/// The fixed parts of an aiming problem.
struct Aim<'a> {
    launch: Point<f64>,
    target_v: V3,
    target_east: V3,
    target_north: V3,
    earth: &'a RotatingEarth,
    boost: &'a BoostAllowance,
    /// Last converged (azimuth deg, speed m/s), the start of the next Newton iteration.
    guess: (f64, f64),
}

/// Residual below which a shot counts as a hit, metres.
const HIT_TOLERANCE_M: f64 = 1e-3;

impl Aim<'_> {
    /// East and north miss (m) at the target of the shot (azimuth, speed, flight-path angle in degrees).
    fn miss(&self, az: f64, v: f64, phi_deg: f64) -> Option<[f64; 2]> {
        let launch = Launch {
            point: self.launch,
            azimuth_deg: az,
            burnout_speed_mps: v,
            flight_path_angle_deg: phi_deg,
        };
        let f = Flight::new(&launch, self.earth, self.boost).ok()?;
        let p = f.impact_vector();
        let d = sub(scale(p, 1.0 / norm(p)), self.target_v);
        let r = self.earth.planet.radius_m;
        Some([r * dot(d, self.target_east), r * dot(d, self.target_north)])
    }

    /// The (azimuth, speed) that hit the target at flight-path angle `phi_deg`: Newton's method on the 2-D miss
    /// with a forward-difference Jacobian and step halving.
    fn hit(&mut self, phi_deg: f64) -> Result<(f64, f64), BallisticsError> {
        let (mut az, mut v) = self.guess;
        let not_converged = |detail: String| BallisticsError::NotConverged { what: "aiming", detail };
        let mut m = self.miss(az, v, phi_deg).ok_or_else(|| {
            not_converged(format!("no arc at flight-path angle {phi_deg} deg from the first guess"))
        })?;
        let size = |m: [f64; 2]| m[0].hypot(m[1]);
        for _ in 0..60 {
            if size(m) < HIT_TOLERANCE_M {
                self.guess = (az, v);
                return Ok((az, v));
            }
            let (da, dv) = (1e-4, 1e-2);
            let ma = self.miss(az + da, v, phi_deg).ok_or_else(|| not_converged("Jacobian".into()))?;
            let mv = self.miss(az, v + dv, phi_deg).ok_or_else(|| not_converged("Jacobian".into()))?;
            let j = [[(ma[0] - m[0]) / da, (mv[0] - m[0]) / dv], [(ma[1] - m[1]) / da, (mv[1] - m[1]) / dv]];
            let det = j[0][0] * j[1][1] - j[0][1] * j[1][0];
            if !(det.abs() > 0.0 && det.is_finite()) {
                return Err(not_converged(format!("singular Jacobian at flight-path angle {phi_deg} deg")));
            }
            let step_az = -(j[1][1] * m[0] - j[0][1] * m[1]) / det;
            let step_v = -(-j[1][0] * m[0] + j[0][0] * m[1]) / det;
            let mut lambda = 1.0;
            let mut accepted = false;
            for _ in 0..30 {
                let (na, nv) = (az + lambda * step_az, v + lambda * step_v);
                if let Some(nm) = self.miss(na, nv, phi_deg).filter(|nm| size(*nm) < size(m)) {
                    (az, v, m) = (na, nv, nm);
                    accepted = true;
                    break;
                }
                lambda /= 2.0;
            }
            if !accepted {
                break;
            }
        }
        if size(m) < 1.0 {
            // Rounding can stall the last millimetres; a sub-metre hit is kept.
            self.guess = (az, v);
            return Ok((az, v));
        }
        Err(not_converged(format!("miss of {:.3} m left at flight-path angle {phi_deg} deg", size(m))))
    }

    /// A figure of the trajectory that hits at `phi_deg`, or NaN if there is none.
    fn figure(&mut self, phi_deg: f64, pick: fn(&Flight) -> f64) -> f64 {
        match self.hit(phi_deg) {
            Ok((az, v)) => {
                let launch = Launch {
                    point: self.launch,
                    azimuth_deg: az,
                    burnout_speed_mps: v,
                    flight_path_angle_deg: phi_deg,
                };
                Flight::new(&launch, self.earth, self.boost).map_or(f64::NAN, |f| pick(&f))
            }
            Err(_) => f64::NAN,
        }
    }

    /// The flight-path angle (deg) where the increasing `g` crosses zero, bracketed by stepping out from `start`:
    /// up while `g < 0` (NaN there means past the upper edge), down while `g > 0` (NaN: past the lower edge).
    fn root(
        &mut self,
        start: f64,
        mut g: impl FnMut(&mut Self, f64) -> f64,
        what: &'static str,
    ) -> Result<f64, BallisticsError> {
        let g0 = g(self, start);
        if g0 == 0.0 {
            return Ok(start);
        }
        if g0.is_nan() {
            return Err(BallisticsError::NotConverged { what, detail: format!("no arc at {start} deg") });
        }
        let up = g0 < 0.0;
        let (mut inner, mut step) = (start, 0.25);
        let no_root = |detail: String| BallisticsError::NotConverged { what, detail };
        let outer = loop {
            let next = if up { (inner + step).min(89.999) } else { (inner - step).max(-89.999) };
            let gn = g(self, next);
            if gn.is_nan() || (gn >= 0.0) == up {
                break next;
            }
            if next.abs() >= 89.999 {
                return Err(no_root(format!("no sign change between {start} and {next} deg")));
            }
            inner = next;
            step *= 2.0;
        };
        let (lo, hi) = if up { (inner, outer) } else { (outer, inner) };
        let nan_as = if up { f64::INFINITY } else { f64::NEG_INFINITY };
        let phi = bisect_increasing(|p| g(self, p), lo, hi, 1e-9, nan_as);
        if g(self, phi).is_nan() {
            return Err(no_root(format!("no arc at the root between {lo} and {hi} deg")));
        }
        Ok(phi)
    }
}

/// Finds the Earth-relative launch azimuth, burnout speed and flight-path angle that put the point under the
/// missile at re-entry on `impact`, under one `constraint`, over the rotating Earth.
///
/// Inputs: launch and impact points (lon, lat degrees); the constraint, read for the rotating Earth (burnout speed
/// and flight-path angle Earth-relative; minimum energy = least Earth-relative burnout speed; apogee altitude;
/// free-flight time); the rotating `earth`; the `boost` allowance; the ground-track step (s).
/// Output: the [`RotatingTrajectory`] of the solution, with the azimuth offset from the great circle, the ground
/// track and its largest lateral deviation.
///
/// Method: for a fixed flight-path angle, Newton's method on (azimuth, speed) drives the east/north miss at the
/// target under 1 mm, starting from the great-circle azimuth and the non-rotating solution ([`solve`]); the
/// constraint then fixes the flight-path angle by golden-section search (minimum energy) or bisection (apogee,
/// time, speed; each is monotonic on either side of the minimum-energy angle).
///
/// # Errors
/// Those of [`solve`] for the non-rotating problem over the great-circle range (an infeasible constraint is
/// reported with the non-rotating feasible interval); [`BallisticsError::SpeedInsufficient`] when the burnout
/// speed is below the rotating minimum-energy speed; [`BallisticsError::NoSuchArc`] when the requested arc does
/// not exist; [`BallisticsError::NotConverged`] if the iteration fails (for example near the poles or near
/// half the circumference).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// use groundtrack::ballistics::rotation::{RotatingEarth, aim};
/// let sunan = Point::new(125.67, 39.2241);
/// let target = Point::new(157.347356, 41.050790);
/// let t = aim(sunan, target, TrajectoryConstraint::FlightPathAngle(38.0), &RotatingEarth::earth(),
///     &BoostAllowance::none(), 30.0).unwrap();
/// let miss = (t.impact.x() - target.x()).hypot(t.impact.y() - target.y());
/// assert!(miss < 1e-6);
/// // Fired eastward, the Earth's spin carries the missile: less speed is needed than without rotation.
/// assert!(t.range_gain_m.unwrap() > 0.0);
/// ```
pub fn aim(
    launch_point: Point<f64>,
    impact: Point<f64>,
    constraint: TrajectoryConstraint,
    earth: &RotatingEarth,
    boost: &BoostAllowance,
    track_step_s: f64,
) -> Result<RotatingTrajectory, BallisticsError> {
    earth.validate()?;
    boost.validate()?;
    validate_point(launch_point)?;
    validate_point(impact)?;
    let planet = &earth.planet;
    let gc = Sphere::new(planet.radius_m).inverse(launch_point, impact)?;
    let first = match constraint {
        TrajectoryConstraint::BurnoutSpeed { .. } => TrajectoryConstraint::MinimumEnergy,
        c => c,
    };
    let start = solve(gc.distance_m, first, planet, boost)?;
    let (target_east, target_north) = east_north(impact);
    let mut ctx = Aim {
        launch: launch_point,
        target_v: unit_of(impact),
        target_east,
        target_north,
        earth,
        boost,
        guess: (gc.azimuth1_deg, start.burnout_speed_mps),
    };
    let phi0 = start.flight_path_angle_deg;
    let speed = |ctx: &mut Aim, p: f64| ctx.hit(p).map_or(f64::NAN, |(_, v)| v);
    let min_energy = |ctx: &mut Aim, around: f64| {
        golden_min(|p| speed(ctx, p), (around - 10.0).max(-89.0), (around + 10.0).min(89.0), 1e-6)
    };
    let phi = match constraint {
        TrajectoryConstraint::FlightPathAngle(p) => p,
        TrajectoryConstraint::MinimumEnergy => min_energy(&mut ctx, phi0),
        TrajectoryConstraint::Apogee(h) => {
            ctx.root(phi0, |c, p| c.figure(p, |f| f.el.highest_point(f.theta_re).0 - f.radius) - h, "apogee")?
        }
        TrajectoryConstraint::FlightTime(t) => {
            ctx.root(phi0, |c, p| c.figure(p, |f| f.t_re) - t, "flight time")?
        }
        TrajectoryConstraint::BurnoutSpeed { speed_mps, arc } => {
            check_non_negative("burnout speed", speed_mps, true)?;
            let phi_me = min_energy(&mut ctx, phi0);
            let v_me = speed(&mut ctx, phi_me);
            if !(speed_mps >= v_me * (1.0 - 1e-9)) {
                return Err(BallisticsError::SpeedInsufficient {
                    speed_mps,
                    range_m: gc.distance_m,
                    min_mps: v_me,
                    escape_mps: (2.0 * planet.mu_m3_s2 / (planet.radius_m + boost.burnout_altitude_m)).sqrt(),
                });
            }
            let (name, sign) = match arc {
                super::Arc::High => ("high", 1.0),
                super::Arc::Low => ("low", -1.0),
            };
            // On the chosen side of the minimum, speed grows away from it: g increasing in sign * (p - phi_me).
            let g = |c: &mut Aim, p: f64| sign * (speed(c, p) - speed_mps);
            ctx.root(phi_me, g, "burnout-speed constraint").map_err(|_| BallisticsError::NoSuchArc {
                arc: name,
                speed_mps,
                range_m: gc.distance_m,
                reason: format!("no {name} arc at this speed reaches the point over the rotating Earth"),
            })?
        }
    };
    let (az, v) = ctx.hit(phi)?;
    let launch =
        Launch { point: launch_point, azimuth_deg: az, burnout_speed_mps: v, flight_path_angle_deg: phi };
    propagate(&launch, earth, boost, track_step_s)
}
