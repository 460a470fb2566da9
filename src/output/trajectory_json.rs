//! The JSON output of `groundtrack fly --json` and `groundtrack equivalent-range --json`: one object each.
//!
//! Units are in the field names (`_km`, `_m`, `_s`, `_mps`, `_deg`) and do not follow `--units`; a figure that
//! does not exist (no minimum-energy range limit, no launch time, an undefined deviation) is `null`.

use serde_json::{Value, json};

use super::trajectory_report::{FlightReport, Site};
use super::trajectory_text::constraint_text;
use super::trajectory_track::TrackSample;
use crate::ballistics::{BoostAllowance, EquivalentRange};
use crate::parse::Unit;

fn km(m: f64) -> f64 {
    m / 1000.0
}

fn site(s: &Site) -> Value {
    json!({ "name": s.name, "lat": s.point.y(), "lon": s.point.x() })
}

fn boost(b: &BoostAllowance) -> Value {
    json!({
        "burnout_altitude_km": km(b.burnout_altitude_m),
        "burnout_range_km": km(b.burnout_range_m),
        "boost_time_s": b.boost_time_s,
        "reentry_altitude_km": km(b.reentry_altitude_m),
    })
}

fn sample(s: &TrackSample) -> Value {
    json!({
        "time_s": s.time_s,
        "range_km": km(s.range_m),
        "altitude_km": km(s.altitude_m),
        "speed_mps": s.speed_mps,
        "lat": s.point.map(|p| p.y()),
        "lon": s.point.map(|p| p.x()),
    })
}

/// The JSON object of a [`FlightReport`].
///
/// Fields: `model`, `ground_track_model`, `launch` and `impact` (`name`, `lat`, `lon`; `impact_given`),
/// `range_km`, `geodesic` (`distance_km`, `azimuth_deg`, or null), `constraint` (words) and `kind`,
/// `burnout_speed_mps`, `flight_path_angle_deg`, `apogee_km`, `apogee_downrange_km` (from the launch point),
/// `apogee_time_s`, `flight_time_s` (free flight), `total_time_s` (from launch), `reentry_speed_mps`,
/// `reentry_angle_deg`, `min_energy_range_km` (the minimum-energy range of the burnout speed, null when any
/// range is reachable), `boost`, `burnout`/`apogee`/`reentry` states, `nonrotating` (the solution without
/// rotation), `rotation` (or null; its `max_lateral_deviation_km` and `cross_range_km` are positive to the left
/// of the direction of flight, as `check`'s cross-track distances), `launch_time`/`reentry_time` (RFC 3339 or
/// null), `step_s`, `notes` (strings) and `profile` (rows of `time_s`, `range_km`, `altitude_km`, `speed_mps`,
/// `lat`, `lon`), `land` (the stretches of the ground track over land as [`crate::land::LandStretch`] serialises
/// them: `country`, `entry`/`exit` `{lat, lon}`, `entry_along_km`, `exit_along_km`, `length_km`,
/// `starts_on_land`, `ends_on_land`, `entry_time_s`, `exit_time_s` after launch; see
/// [`super::trajectory_land`]). `kind` is `"minimum_energy"`, `"lofted"` or `"depressed"` (null over the
/// rotating Earth).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// use groundtrack::output::trajectory_json::flight_json;
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
/// let v = flight_json(&fly(&req).unwrap());
/// // Reference: minimum-energy 2,700 km has apogee 598.7 km (closed-form Kepler, 6,371 km sphere).
/// assert!((v["apogee_km"].as_f64().unwrap() - 598.7).abs() < 0.05);
/// assert!(v["rotation"].is_null() && v["profile"][0]["lat"].is_null());
/// ```
pub fn flight_json(r: &FlightReport) -> Value {
    let f = &r.figures;
    let nr = &r.nonrotating;
    let rotation = r.rotation.as_ref().map(|x| {
        json!({
            "omega_rad_s": x.omega_rad_s,
            "launch_azimuth_deg": x.launch_azimuth_deg,
            "geodesic_azimuth_deg": x.geodesic_azimuth_deg,
            "azimuth_offset_deg": x.azimuth_offset_deg,
            "great_circle_azimuth_deg": x.great_circle_azimuth_deg,
            "great_circle_azimuth_offset_deg": x.great_circle_azimuth_offset_deg,
            "inertial_burnout_speed_mps": x.inertial_burnout_speed_mps,
            "inertial_flight_path_angle_deg": x.inertial_flight_path_angle_deg,
            "max_lateral_deviation_km": km(x.max_lateral_deviation_m),
            "max_lateral_deviation_time_s": x.max_lateral_deviation_time_s,
            "nonrotating_range_km": x.nonrotating_range_m.map(km),
            "range_gain_km": x.range_gain_m.map(km),
            "cross_range_km": x.cross_range_m.map(km),
            "note": x.note,
        })
    });
    json!({
        "model": r.model,
        "ground_track_model": r.ground_track_model,
        "launch": site(&r.launch),
        "impact": r.impact.as_ref().map(site),
        "impact_given": r.impact_given,
        "range_km": km(f.range_m),
        "geodesic": r.geodesic.map(|(d, a)| json!({ "distance_km": km(d), "azimuth_deg": a })),
        "constraint": constraint_text(&r.constraint, Unit::Kilometre),
        "kind": f.kind,
        "burnout_speed_mps": f.burnout_speed_mps,
        "flight_path_angle_deg": f.flight_path_angle_deg,
        "apogee_km": km(f.apogee_m),
        "apogee_downrange_km": km(f.apogee_downrange_m),
        "apogee_time_s": f.apogee_time_s,
        "flight_time_s": f.flight_time_s,
        "total_time_s": f.total_time_s,
        "reentry_speed_mps": f.reentry_speed_mps,
        "reentry_angle_deg": f.reentry_angle_deg,
        "min_energy_range_km": f.min_energy_range_m.map(km),
        "boost": boost(&r.boost),
        "burnout": sample(&r.burnout),
        "apogee": sample(&r.apogee),
        "reentry": sample(&r.reentry),
        "nonrotating": {
            "range_km": km(nr.total_range_m),
            "burnout_speed_mps": nr.burnout_speed_mps,
            "flight_path_angle_deg": nr.flight_path_angle_deg,
            "apogee_km": km(nr.apogee_m),
            "flight_time_s": nr.flight_time_s,
            "min_energy_burnout_speed_mps": nr.min_energy_burnout_speed_mps,
            "min_energy_flight_path_angle_deg": nr.min_energy_flight_path_angle_deg,
            "kind": nr.kind,
        },
        "rotation": rotation,
        "launch_time": r.launch_time.map(|t| t.to_string()),
        "reentry_time": r.reentry_time.map(|t| t.to_string()),
        "step_s": r.step_s,
        "notes": r.notes,
        "profile": r.profile.iter().map(sample).collect::<Vec<_>>(),
        "land": r.land,
    })
}

/// The JSON object of an [`EquivalentRange`]: `equivalent_range_km` (null when any range is reachable),
/// `burnout_speed_mps`, `model`, and the flown trajectory's `range_km`, `constraint`, `kind` (`"minimum_energy"`,
/// `"lofted"` or `"depressed"`), `flight_path_angle_deg`, `apogee_km`, `flight_time_s` (free flight),
/// `total_time_s` (from launch: boost time plus free flight), `min_energy_burnout_speed_mps` (for the flown range)
/// and `boost`.
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, equivalent_range};
/// use groundtrack::output::trajectory_json::equivalent_json;
/// let eq = equivalent_range(950e3, TrajectoryConstraint::Apogee(4_475e3), &Planet::earth_sphere(),
///     &BoostAllowance::none()).unwrap();
/// let v = equivalent_json(&eq);
/// assert!(v["equivalent_range_km"].as_f64().unwrap() > 9_000.0);
/// assert_eq!(v["kind"], "lofted");
/// ```
pub fn equivalent_json(eq: &EquivalentRange) -> Value {
    let t = &eq.trajectory;
    json!({
        "equivalent_range_km": eq.equivalent_range_m.map(km),
        "burnout_speed_mps": eq.burnout_speed_mps,
        "model": eq.model,
        "range_km": km(t.total_range_m),
        "constraint": constraint_text(&t.constraint, Unit::Kilometre),
        "kind": t.kind,
        "flight_path_angle_deg": t.flight_path_angle_deg,
        "apogee_km": km(t.apogee_m),
        "flight_time_s": t.flight_time_s,
        "total_time_s": t.total_time_s,
        "min_energy_burnout_speed_mps": t.min_energy_burnout_speed_mps,
        "min_energy_flight_path_angle_deg": t.min_energy_flight_path_angle_deg,
        "boost": boost(&t.boost),
    })
}
