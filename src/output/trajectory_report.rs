//! What `groundtrack fly` reports: a ballistic flight from the library ([`crate::ballistics`]), solved for a
//! launch point and an impact point (or a range), placed on the Earth, with the figures every printer needs.
//!
//! Two models:
//! - Non-rotating (default): [`solve`] over the WGS84 geodesic distance from launch to impact (or the range
//!   given), on the 6,371 km sphere of [`Planet::earth_sphere`]; the ground track is laid along the WGS84 geodesic
//!   ([`GeodesicPlacement`]), the sphere's range mapped onto the geodesic's length.
//! - Rotating (`rotating: true`): with an impact point, [`aim`] finds the Earth-relative launch azimuth and burnout
//!   state that hit it over the rotating sphere; with a range and an azimuth, the non-rotating solution's
//!   Earth-relative burnout state is flown over the rotating sphere ([`propagate`], [`range_effect`]) and lands
//!   where the rotation takes it. The ground track is the library's (points on the rotating sphere).

use geo_types::Point;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use super::trajectory_track::{
    GeodesicPlacement, TrackSample, highest_sample, map_step_s, profile_samples, rotating_samples,
};
use crate::ballistics::rotation::{Launch, RotatingEarth, RotatingTrajectory, aim, propagate, range_effect};
use crate::ballistics::{
    ArcKind, BoostAllowance, Planet, Trajectory, TrajectoryConstraint, check_within_sphere_of_influence,
    max_range_for_speed, solve, state_at,
};
use crate::geodesy::{EarthModel, Ellipsoid, normalize_longitude};
use crate::{Error, Result};

/// A named point.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::output::trajectory_report::Site;
/// let s = Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) };
/// assert_eq!(s.point.y(), 39.22389);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Site {
    /// Name as resolved (gazetteer name, phrase or coordinates).
    pub name: String,
    /// The point (x = longitude, y = latitude, degrees).
    pub point: Point<f64>,
}

/// Where the flight goes: an impact point, or a range with an optional launch azimuth.
///
/// # Example
/// ```
/// use groundtrack::output::trajectory_report::Destination;
/// let d = Destination::Range { range_m: 2_700e3, azimuth_deg: Some(75.4) };
/// assert!(matches!(d, Destination::Range { .. }));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Destination {
    /// The point under the missile at re-entry.
    Impact(Site),
    /// A ground range from the launch point, metres, along a launch azimuth (degrees clockwise from north) when
    /// given. Without an azimuth the profile has no latitudes and longitudes (and the rotating model refuses it).
    Range {
        /// Ground range, metres.
        range_m: f64,
        /// Launch azimuth, degrees.
        azimuth_deg: Option<f64>,
    },
}

/// A flight to compute.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
/// let req = FlightRequest {
///     launch: Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) },
///     destination: Destination::Range { range_m: 2_700e3, azimuth_deg: None },
///     constraint: TrajectoryConstraint::MinimumEnergy,
///     boost: BoostAllowance::none(),
///     rotating: false,
///     launch_time: None,
///     step_s: 10.0,
/// };
/// let r = fly(&req).unwrap();
/// assert!((r.figures.burnout_speed_mps - 4_663.0).abs() < 1.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FlightRequest {
    /// The launch point.
    pub launch: Site,
    /// Impact point or range.
    pub destination: Destination,
    /// The condition that picks the arc.
    pub constraint: TrajectoryConstraint,
    /// Boost-phase and re-entry allowance.
    pub boost: BoostAllowance,
    /// Fly over the rotating Earth.
    pub rotating: bool,
    /// Launch time (dates the flight; the ground track does not depend on it).
    pub launch_time: Option<Timestamp>,
    /// Time step of the profile table, seconds (> 0).
    pub step_s: f64,
}

/// The headline figures of a flight, in the model that flew it. Over the rotating Earth, speeds and angles are
/// Earth-relative.
///
/// # Example
/// ```
/// # use geo_types::Point;
/// # use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// # use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
/// # let req = FlightRequest { launch: Site { name: "x".into(), point: Point::new(0.0, 0.0) },
/// #     destination: Destination::Range { range_m: 2_700e3, azimuth_deg: Some(90.0) },
/// #     constraint: TrajectoryConstraint::MinimumEnergy, boost: BoostAllowance::none(), rotating: false,
/// #     launch_time: None, step_s: 10.0 };
/// let f = fly(&req).unwrap().figures;
/// // The minimum-energy arc is symmetric: apogee above mid-range.
/// assert!((f.apogee_downrange_m - 1_350e3).abs() < 1e-3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FlightFigures {
    /// Ground range from the launch point to re-entry, metres (non-rotating: the range solved for; rotating: the
    /// great circle on the model sphere from launch to impact).
    pub range_m: f64,
    /// Burnout speed, m/s.
    pub burnout_speed_mps: f64,
    /// Burnout flight-path angle, degrees above the local horizontal.
    pub flight_path_angle_deg: f64,
    /// Apogee altitude above the sphere, metres.
    pub apogee_m: f64,
    /// Ground range from the launch point to the point under apogee, metres (boost range included).
    pub apogee_downrange_m: f64,
    /// Time of apogee since launch, seconds.
    pub apogee_time_s: f64,
    /// Free-flight time, burnout to re-entry, seconds.
    pub flight_time_s: f64,
    /// Launch to re-entry (boost time plus free flight), seconds.
    pub total_time_s: f64,
    /// Speed at re-entry, m/s.
    pub reentry_speed_mps: f64,
    /// Re-entry angle below the local horizontal, degrees.
    pub reentry_angle_deg: f64,
    /// The longest ground range from the launch point that the burnout speed reaches on a minimum-energy arc over
    /// a non-rotating Earth (burnout range plus free-flight range), metres; `None` when it reaches any range.
    pub min_energy_range_m: Option<f64>,
    /// Minimum-energy, lofted or depressed (non-rotating model only).
    pub kind: Option<ArcKind>,
}

/// What the Earth's rotation changes.
///
/// # Example
/// ```
/// # use geo_types::Point;
/// # use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// # use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
/// # let req = FlightRequest { launch: Site { name: "x".into(), point: Point::new(0.0, 0.0) },
/// #     destination: Destination::Range { range_m: 2_700e3, azimuth_deg: Some(90.0) },
/// #     constraint: TrajectoryConstraint::MinimumEnergy, boost: BoostAllowance::none(), rotating: true,
/// #     launch_time: None, step_s: 10.0 };
/// let rot = fly(&req).unwrap().rotation.unwrap();
/// // Fired east along the equator, the Earth's spin adds range.
/// assert!(rot.range_gain_m.unwrap() > 100e3);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RotationFigures {
    /// Rotation rate, rad/s.
    pub omega_rad_s: f64,
    /// Earth-relative launch azimuth, degrees in [0, 360).
    pub launch_azimuth_deg: f64,
    /// Azimuth of the WGS84 geodesic from the launch point to the impact, degrees in [0, 360).
    pub geodesic_azimuth_deg: f64,
    /// Launch azimuth minus geodesic azimuth, degrees in [-180, 180).
    pub azimuth_offset_deg: f64,
    /// Azimuth of the great circle on the model sphere from launch to impact, degrees in [0, 360).
    pub great_circle_azimuth_deg: f64,
    /// Launch azimuth minus great-circle azimuth, degrees.
    pub great_circle_azimuth_offset_deg: f64,
    /// Inertial burnout speed, m/s.
    pub inertial_burnout_speed_mps: f64,
    /// Inertial burnout flight-path angle, degrees.
    pub inertial_flight_path_angle_deg: f64,
    /// Largest distance of the ground track from the launch-to-impact great circle, metres, positive to the
    /// left of the direction of flight (negative to the right), as every cross-track distance in the crate; NaN
    /// when undefined.
    pub max_lateral_deviation_m: f64,
    /// Time since launch of that deviation, seconds.
    pub max_lateral_deviation_time_s: f64,
    /// Range from the launch point of the same Earth-relative shot over a non-rotating Earth, metres.
    pub nonrotating_range_m: Option<f64>,
    /// Range gained (positive) or lost to rotation, metres.
    pub range_gain_m: Option<f64>,
    /// Sideways distance of the impact from the non-rotating shot's great circle, metres, positive to the left
    /// of the direction of flight (the range-and-azimuth form only).
    pub cross_range_m: Option<f64>,
    /// How the shot was set up, and that the ground track does not depend on the launch time.
    pub note: String,
}

/// Everything `groundtrack fly` prints or writes.
///
/// # Example
/// ```
/// # use geo_types::Point;
/// # use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// # use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
/// # let req = FlightRequest { launch: Site { name: "x".into(), point: Point::new(0.0, 0.0) },
/// #     destination: Destination::Range { range_m: 1_000e3, azimuth_deg: Some(0.0) },
/// #     constraint: TrajectoryConstraint::MinimumEnergy, boost: BoostAllowance::none(), rotating: false,
/// #     launch_time: None, step_s: 30.0 };
/// let r = fly(&req).unwrap();
/// assert_eq!(r.profile[0].time_s, 0.0);
/// assert!(r.map_track.len() > r.profile.len());
/// assert!(r.impact.is_some()); // the end of the geodesic
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FlightReport {
    /// The launch point.
    pub launch: Site,
    /// The impact point: the one given, or where the flight comes down (`None` without a direction).
    pub impact: Option<Site>,
    /// Whether the impact point was given (not computed).
    pub impact_given: bool,
    /// The WGS84 geodesic from launch to impact, when there is a direction: (length m, azimuth at launch in [0, 360) deg).
    pub geodesic: Option<(f64, f64)>,
    /// The constraint asked for.
    pub constraint: TrajectoryConstraint,
    /// The boost and re-entry allowance.
    pub boost: BoostAllowance,
    /// The headline figures.
    pub figures: FlightFigures,
    /// The non-rotating solution over the same range (the solution itself without rotation; the comparison
    /// with it).
    pub nonrotating: Trajectory,
    /// Rotation figures when the rotating model flew.
    pub rotation: Option<RotationFigures>,
    /// Profile rows every `step_s`, burnout to re-entry.
    pub profile: Vec<TrackSample>,
    /// Dense track for maps ([`map_step_s`]), burnout to re-entry; empty without a direction.
    pub map_track: Vec<TrackSample>,
    /// State at burnout.
    pub burnout: TrackSample,
    /// State at apogee.
    pub apogee: TrackSample,
    /// State at re-entry.
    pub reentry: TrackSample,
    /// Launch time, if given.
    pub launch_time: Option<Timestamp>,
    /// Re-entry time (launch time plus total time, to the millisecond), if a launch time was given.
    pub reentry_time: Option<Timestamp>,
    /// The ballistic model, spelled out.
    pub model: String,
    /// How latitudes and longitudes were obtained.
    pub ground_track_model: String,
    /// Time step of the profile, seconds.
    pub step_s: f64,
    /// Notes for the reader (for example that the nominal value of a worded figure was used); empty from
    /// [`fly`], filled by the caller.
    pub notes: Vec<String>,
    /// The stretches of the ground track over land (Natural Earth 1:50m) with entry and exit times after launch
    /// ([`super::trajectory_land::flight_land`], which says along which line); empty without a direction.
    pub land: Vec<crate::land::LandStretch>,
}

impl FlightReport {
    /// The launch point as a sample of the flight: time, range, altitude and speed zero.
    pub(crate) fn launch_sample(&self) -> TrackSample {
        TrackSample {
            time_s: 0.0,
            range_m: 0.0,
            altitude_m: 0.0,
            speed_mps: 0.0,
            point: Some(self.launch.point),
        }
    }

    /// Whether the boost allowance puts burnout away from the launch point, so that the map outputs draw the
    /// straight segment between them.
    pub(crate) fn has_boost_segment(&self) -> bool {
        self.boost.burnout_range_m > 0.0 || self.boost.burnout_altitude_m > 0.0
    }

    /// The name of the impact point, "impact" when there is none.
    pub(crate) fn impact_name(&self) -> &str {
        self.impact.as_ref().map_or("impact", |s| s.name.as_str())
    }
}

/// The error of a map output (`what`, e.g. "KML output") for a flight without a direction, which has no ground
/// track.
pub(crate) fn no_direction(what: &str) -> Error {
    Error::Invalid {
        what: what.into(),
        message: "a range without a direction has no ground track to draw: give an IMPACT point or --azimuth"
            .into(),
    }
}

/// An azimuth in [0, 360) degrees.
fn compass(azimuth_deg: f64) -> f64 {
    let a = azimuth_deg.rem_euclid(360.0);
    if a >= 360.0 { 0.0 } else { a }
}

/// Computes a flight for `groundtrack fly`.
///
/// Input: a [`FlightRequest`]. Output: the [`FlightReport`] (see the module docs for the two models). Azimuths
/// are in [0, 360) degrees (offsets in [-180, 180)).
///
/// Validation comes in the order of the causes: the inputs, then the arc (no arc for the constraint, or one
/// that leaves the Earth's sphere of influence, [`check_within_sphere_of_influence`]), and only then the size of
/// the profile table.
///
/// # Errors
/// [`Error::Invalid`] for a step that is not a positive number, or the rotating model asked for a range without
/// an azimuth; [`Error::Ballistics`] when no arc satisfies the constraint (the message names the feasible
/// interval), an input is out of range, or the arc climbs beyond the Earth's sphere of influence
/// ([`crate::ballistics::BallisticsError::BeyondSphereOfInfluence`]); [`Error::Geodesy`] for invalid points; [`Error::Invalid`] for a launch
/// time that overflows when the flight time is added; [`Error::Land`] if the land outlines cannot be read.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
/// let req = FlightRequest {
///     launch: Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) },
///     destination: Destination::Range { range_m: 2_700e3, azimuth_deg: None },
///     constraint: TrajectoryConstraint::Apogee(100e3), // far below the minimum-energy 599 km: still an arc
///     boost: BoostAllowance::none(),
///     rotating: false,
///     launch_time: None,
///     step_s: 10.0,
/// };
/// assert!(fly(&req).is_ok());
/// // Even a grazing arc at orbital speed (7.9 km/s) needs about 340 s for 2,700 km.
/// let quick = FlightRequest { constraint: TrajectoryConstraint::FlightTime(60.0), ..req };
/// assert!(fly(&quick).unwrap_err().to_string().contains("flight time"));
/// ```
pub fn fly(req: &FlightRequest) -> Result<FlightReport> {
    if !(req.step_s.is_finite() && req.step_s > 0.0) {
        return Err(Error::Invalid {
            what: "profile step".into(),
            message: format!("must be a positive number of seconds, got {}", req.step_s),
        });
    }
    let ellipsoid = Ellipsoid::wgs84();
    let (range_m, azimuth) = match &req.destination {
        Destination::Impact(site) => {
            let inv = ellipsoid.inverse(req.launch.point, site.point)?;
            (inv.distance_m, Some(compass(inv.azimuth1_deg)))
        }
        Destination::Range { range_m, azimuth_deg } => {
            if let Some(a) = azimuth_deg
                && !a.is_finite()
            {
                return Err(Error::Invalid {
                    what: "azimuth".into(),
                    message: format!("must be a finite number of degrees, got {a}"),
                });
            }
            (*range_m, azimuth_deg.map(compass))
        }
    };
    let planet = Planet::earth_sphere();
    let traj = solve(range_m, req.constraint, &planet, &req.boost)?;
    check_within_sphere_of_influence(traj.apogee_m, traj.burnout_speed_mps, &planet, &req.boost)?;
    let flown = if req.rotating { rotating(req, &traj)? } else { nonrotating(req, &traj, range_m, azimuth)? };
    let reentry_time = match req.launch_time {
        Some(t) => Some(add_seconds(t, flown.figures.total_time_s)?),
        None => None,
    };
    let mut report = FlightReport {
        launch: req.launch.clone(),
        impact: flown.impact,
        impact_given: flown.impact_given,
        geodesic: flown.geodesic,
        constraint: req.constraint,
        boost: req.boost,
        figures: flown.figures,
        nonrotating: traj,
        rotation: flown.rotation,
        profile: flown.profile,
        map_track: flown.map_track,
        burnout: flown.burnout,
        apogee: flown.apogee,
        reentry: flown.reentry,
        launch_time: req.launch_time,
        reentry_time,
        model: flown.model,
        ground_track_model: flown.ground_track_model,
        step_s: req.step_s,
        notes: Vec::new(),
        land: Vec::new(),
    };
    report.land = super::trajectory_land::flight_land(&report)?;
    Ok(report)
}

/// What one model ([`nonrotating`] or [`rotating`]) makes of a flight: the fields of [`FlightReport`] that do not
/// come from the request, each as documented there.
struct Flown {
    impact: Option<Site>,
    impact_given: bool,
    geodesic: Option<(f64, f64)>,
    figures: FlightFigures,
    rotation: Option<RotationFigures>,
    profile: Vec<TrackSample>,
    map_track: Vec<TrackSample>,
    burnout: TrackSample,
    apogee: TrackSample,
    reentry: TrackSample,
    model: String,
    ground_track_model: String,
}

fn add_seconds(t: Timestamp, s: f64) -> Result<Timestamp> {
    let invalid = |m: String| Error::Invalid { what: "launch time".into(), message: m };
    let d = SignedDuration::try_from_secs_f64(s).map_err(|e| invalid(e.to_string()))?;
    let end = t.checked_add(d).map_err(|e| invalid(e.to_string()))?;
    end.round(jiff::Unit::Millisecond).map_err(|e| invalid(e.to_string()))
}

/// The non-rotating ground range of the minimum-energy arc of a burnout speed, from the launch point.
fn min_energy_range(speed_mps: f64, boost: &BoostAllowance) -> Result<Option<f64>> {
    let free = max_range_for_speed(
        speed_mps,
        &Planet::earth_sphere(),
        boost.burnout_altitude_m,
        boost.reentry_altitude_m,
    )?;
    Ok(free.map(|f| f + boost.burnout_range_m))
}

/// Time since burnout of the apogee of a non-rotating arc: where the flight-path angle, which falls
/// monotonically along a Keplerian arc before perigee, crosses zero (bisection on [`state_at`]).
fn apogee_time(traj: &Trajectory) -> f64 {
    let fpa = |t: f64| state_at(traj, t).flight_path_angle_deg;
    let (mut lo, mut hi) = (0.0, traj.flight_time_s.max(0.0));
    let f0 = fpa(lo);
    if f0.is_nan() || f0 <= 0.0 {
        return lo;
    }
    if fpa(hi) >= 0.0 {
        return hi;
    }
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if fpa(mid) > 0.0 { lo = mid } else { hi = mid }
    }
    0.5 * (lo + hi)
}

fn nonrotating(req: &FlightRequest, traj: &Trajectory, range_m: f64, azimuth: Option<f64>) -> Result<Flown> {
    let boost = req.boost;
    let placement =
        azimuth.map(|a| GeodesicPlacement { launch: req.launch.point, azimuth_deg: a, length_m: range_m });
    let profile = profile_samples(traj, placement.as_ref(), req.step_s)?;
    let map_track = match &placement {
        Some(p) => profile_samples(traj, Some(p), map_step_s(traj.flight_time_s))?,
        None => Vec::new(),
    };
    let place = |r: f64| -> Result<Option<Point<f64>>> {
        placement.as_ref().map(|p| p.point_at(r, traj.total_range_m)).transpose()
    };
    let burnout = TrackSample {
        time_s: boost.boost_time_s,
        range_m: boost.burnout_range_m,
        altitude_m: boost.burnout_altitude_m,
        speed_mps: traj.burnout_speed_mps,
        point: place(boost.burnout_range_m)?,
    };
    let t_apo = apogee_time(traj);
    let apo_range = boost.burnout_range_m + traj.apogee_downrange_m;
    let apogee = TrackSample {
        time_s: boost.boost_time_s + t_apo,
        range_m: apo_range,
        altitude_m: traj.apogee_m,
        speed_mps: state_at(traj, t_apo).speed_mps,
        point: place(apo_range)?,
    };
    let reentry = TrackSample {
        time_s: traj.total_time_s,
        range_m: traj.total_range_m,
        altitude_m: boost.reentry_altitude_m,
        speed_mps: traj.reentry_speed_mps,
        point: place(traj.total_range_m)?,
    };
    let (impact, impact_given) = match (&req.destination, reentry.point) {
        (Destination::Impact(site), _) => (Some(site.clone()), true),
        (_, Some(p)) => (Some(Site { name: "re-entry point".into(), point: p }), false),
        _ => (None, false),
    };
    let ground_track_model = match &placement {
        Some(p) => format!(
            "ground track on the WGS84 ellipsoid: the model sphere's ground range from the launch point laid \
             along the WGS84 geodesic leaving it at azimuth {:.6} deg, scaled by {:.9} (geodesic length {:.3} m / \
             model range {:.3} m) so that the sphere's range maps onto the geodesic's length; altitudes above \
             the model sphere",
            p.azimuth_deg,
            p.scale(traj.total_range_m),
            p.length_m,
            traj.total_range_m
        ),
        None => "no ground track: a range without an azimuth has no direction (give --azimuth or an impact \
                 point for latitudes and longitudes)"
            .to_string(),
    };
    let figures = FlightFigures {
        range_m: traj.total_range_m,
        burnout_speed_mps: traj.burnout_speed_mps,
        flight_path_angle_deg: traj.flight_path_angle_deg,
        apogee_m: traj.apogee_m,
        apogee_downrange_m: apo_range,
        apogee_time_s: apogee.time_s,
        flight_time_s: traj.flight_time_s,
        total_time_s: traj.total_time_s,
        reentry_speed_mps: traj.reentry_speed_mps,
        reentry_angle_deg: traj.reentry_angle_deg,
        min_energy_range_m: traj.min_energy_range_m.map(|f| f + boost.burnout_range_m),
        kind: Some(traj.kind),
    };
    Ok(Flown {
        impact,
        impact_given,
        geodesic: azimuth.map(|a| (range_m, a)),
        figures,
        rotation: None,
        profile,
        map_track,
        burnout,
        apogee,
        reentry,
        model: traj.model.clone(),
        ground_track_model,
    })
}

fn rotating(req: &FlightRequest, traj: &Trajectory) -> Result<Flown> {
    let earth = RotatingEarth::earth();
    let boost = req.boost;
    // Free flight over the rotating Earth lasts a little longer or shorter; twice the margin keeps the map step.
    let map_step = map_step_s(2.0 * traj.flight_time_s);
    let (rt_map, cross_range_m, note) = match &req.destination {
        Destination::Impact(site) => {
            let rt = aim(req.launch.point, site.point, req.constraint, &earth, &boost, map_step)?;
            let rt = within_sphere_of_influence(rt, &earth, &boost)?;
            let note = "aimed over the rotating Earth: the Earth-relative launch azimuth, burnout speed and \
                        flight-path angle that put the point under the missile at re-entry on the impact point \
                        under the constraint";
            (rt, None, note)
        }
        Destination::Range { azimuth_deg, .. } => {
            let az = azimuth_deg.ok_or_else(|| Error::Invalid {
                what: "--azimuth".into(),
                message:
                    "the rotating model needs a launch direction with --range: give --azimuth DEG (or an \
                          IMPACT point instead of --range)"
                        .into(),
            })?;
            let launch = Launch {
                point: req.launch.point,
                azimuth_deg: az,
                burnout_speed_mps: traj.burnout_speed_mps,
                flight_path_angle_deg: traj.flight_path_angle_deg,
            };
            let rt =
                within_sphere_of_influence(propagate(&launch, &earth, &boost, map_step)?, &earth, &boost)?;
            let effect = range_effect(
                req.launch.point,
                az,
                traj.burnout_speed_mps,
                Some(traj.flight_path_angle_deg),
                &earth,
                &boost,
            )?;
            let note = "the non-rotating solution's Earth-relative burnout state (speed and flight-path angle for \
                        the range and constraint) fired along the azimuth over the rotating Earth; it comes down \
                        where rotation takes it";
            (rt, Some(effect.cross_range_m), note)
        }
    };
    let rt_table = propagate(&rt_map.launch, &earth, &boost, req.step_s)?;
    let profile = rotating_samples(&rt_table)?;
    let map_track = rotating_samples(&rt_map)?;
    let (Some(burnout), Some(reentry)) = (map_track.first().copied(), map_track.last().copied()) else {
        return Err(Error::Invalid { what: "ground track".into(), message: "is empty".into() });
    };
    let apogee = highest_sample(&map_track).unwrap_or(burnout);
    let impact_point = rt_map.impact;
    let geo = Ellipsoid::wgs84().inverse(req.launch.point, impact_point)?;
    let (impact, impact_given) = match &req.destination {
        Destination::Impact(site) => (Some(site.clone()), true),
        Destination::Range { .. } => {
            (Some(Site { name: "re-entry point".into(), point: impact_point }), false)
        }
    };
    let rotation = rotation_figures(&rt_map, geo.azimuth1_deg, cross_range_m, note);
    let figures = FlightFigures {
        range_m: rt_map.total_range_m,
        burnout_speed_mps: rt_map.launch.burnout_speed_mps,
        flight_path_angle_deg: rt_map.launch.flight_path_angle_deg,
        apogee_m: rt_map.apogee_m,
        apogee_downrange_m: apogee.range_m,
        apogee_time_s: apogee.time_s,
        flight_time_s: rt_map.flight_time_s,
        total_time_s: rt_map.total_time_s,
        reentry_speed_mps: rt_map.reentry_speed_mps,
        reentry_angle_deg: rt_map.reentry_angle_deg,
        min_energy_range_m: min_energy_range(rt_map.launch.burnout_speed_mps, &boost)?,
        kind: None,
    };
    let ground_track_model = "ground track over the rotating Earth: the points under the missile on the rotating \
                              model sphere (Earth-fixed latitude and longitude), ranges along great circles of \
                              the sphere, speeds in the profile inertial; the rotation is uniform about the polar \
                              axis, so the ground track does not depend on the launch time (a launch time only \
                              dates the flight)"
        .to_string();
    Ok(Flown {
        impact,
        impact_given,
        geodesic: Some((geo.distance_m, compass(geo.azimuth1_deg))),
        figures,
        rotation: Some(rotation),
        profile,
        map_track,
        burnout,
        apogee,
        reentry,
        model: rt_map.model.clone(),
        ground_track_model,
    })
}

/// `rt` when its arc stays within the Earth's sphere of influence ([`check_within_sphere_of_influence`], with the
/// inertial burnout speed).
fn within_sphere_of_influence(
    rt: RotatingTrajectory,
    earth: &RotatingEarth,
    boost: &BoostAllowance,
) -> Result<RotatingTrajectory> {
    check_within_sphere_of_influence(rt.apogee_m, rt.inertial_burnout_speed_mps, &earth.planet, boost)?;
    Ok(rt)
}

fn rotation_figures(
    rt: &RotatingTrajectory,
    geodesic_azimuth_deg: f64,
    cross_range_m: Option<f64>,
    note: &str,
) -> RotationFigures {
    RotationFigures {
        omega_rad_s: rt.earth.omega_rad_s,
        launch_azimuth_deg: compass(rt.launch.azimuth_deg),
        geodesic_azimuth_deg: compass(geodesic_azimuth_deg),
        azimuth_offset_deg: normalize_longitude(rt.launch.azimuth_deg - geodesic_azimuth_deg),
        great_circle_azimuth_deg: compass(rt.great_circle_azimuth_deg),
        great_circle_azimuth_offset_deg: rt.azimuth_offset_deg,
        inertial_burnout_speed_mps: rt.inertial_burnout_speed_mps,
        inertial_flight_path_angle_deg: rt.inertial_flight_path_angle_deg,
        max_lateral_deviation_m: rt.max_lateral_deviation_m,
        max_lateral_deviation_time_s: rt.max_lateral_deviation_time_s,
        nonrotating_range_m: rt.nonrotating_range_m,
        range_gain_m: rt.range_gain_m,
        cross_range_m,
        note: format!(
            "{note}. The rotating model is time-independent for the ground track: the Earth turns uniformly, so \
             the launch time only dates the flight."
        ),
    }
}
