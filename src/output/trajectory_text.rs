//! The readable output of `groundtrack fly` and `groundtrack equivalent-range`: a summary and a profile table.

use super::check_text::lat_lon;
use super::table::new_table;
use super::trajectory_report::{FlightReport, RotationFigures};
use crate::ballistics::{ArcKind, BoostAllowance, EquivalentRange, TrajectoryConstraint};
use crate::parse::Unit;

/// Formats a number with `digits` decimals and thousands separators ("2,692.3").
///
/// # Example
/// ```
/// use groundtrack::output::trajectory_text::grouped;
/// assert_eq!(grouped(2692.308, 1), "2,692.3");
/// assert_eq!(grouped(-1234567.0, 0), "-1,234,567");
/// assert_eq!(grouped(f64::NAN, 1), "NaN");
/// ```
pub fn grouped(v: f64, digits: usize) -> String {
    let s = format!("{v:.digits$}");
    if !v.is_finite() {
        return s;
    }
    let (sign, rest) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// A distance in metres shown in `unit` with its symbol ("2,692.3 km"): one decimal, none for metres.
///
/// # Example
/// ```
/// use groundtrack::output::trajectory_text::distance;
/// use groundtrack::parse::Unit;
/// assert_eq!(distance(2_692_308.4, Unit::Kilometre), "2,692.3 km");
/// assert_eq!(distance(1852.0, Unit::NauticalMile), "1.0 nmi");
/// assert_eq!(distance(550.0, Unit::Metre), "550 m");
/// ```
pub fn distance(m: f64, unit: Unit) -> String {
    let digits = if unit == Unit::Metre { 0 } else { 1 };
    format!("{} {}", grouped(unit.from_si(m), digits), unit.symbol())
}

/// A duration as "13.99 min (839.4 s)".
///
/// # Example
/// ```
/// assert_eq!(groundtrack::output::trajectory_text::minutes(839.4), "13.99 min (839.4 s)");
/// ```
pub fn minutes(s: f64) -> String {
    format!("{:.2} min ({} s)", s / 60.0, grouped(s, 1))
}

/// The constraint as words, distances in `unit`.
///
/// # Example
/// ```
/// use groundtrack::ballistics::TrajectoryConstraint;
/// use groundtrack::output::trajectory_text::constraint_text;
/// use groundtrack::parse::Unit;
/// assert_eq!(constraint_text(&TrajectoryConstraint::Apogee(550e3), Unit::Kilometre), "apogee 550.0 km");
/// ```
pub fn constraint_text(c: &TrajectoryConstraint, unit: Unit) -> String {
    match c {
        TrajectoryConstraint::MinimumEnergy => "minimum energy (least burnout speed for the range)".into(),
        TrajectoryConstraint::Apogee(h) => format!("apogee {}", distance(*h, unit)),
        TrajectoryConstraint::FlightTime(t) => format!("free-flight time {}", minutes(*t)),
        TrajectoryConstraint::FlightPathAngle(g) => format!("burnout flight-path angle {g} deg"),
        TrajectoryConstraint::BurnoutSpeed { speed_mps, arc } => {
            format!("burnout speed {} m/s, {:?} arc", grouped(*speed_mps, 1), arc).to_lowercase()
        }
    }
}

/// One decimal, without a minus sign on a value that rounds to zero.
fn one_decimal(v: f64) -> String {
    let s = format!("{v:.1}");
    if s == "-0.0" { "0.0".into() } else { s }
}

fn kind_text(k: ArcKind) -> &'static str {
    match k {
        ArcKind::MinimumEnergy => "minimum-energy arc",
        ArcKind::Lofted => "lofted arc (steeper than minimum energy)",
        ArcKind::Depressed => "depressed arc (flatter than minimum energy)",
    }
}

/// The boost-phase allowance in words (always printed).
///
/// # Example
/// ```
/// use groundtrack::ballistics::BoostAllowance;
/// use groundtrack::output::trajectory_text::boost_text;
/// use groundtrack::parse::Unit;
/// let s = boost_text(&BoostAllowance::none(), Unit::Kilometre);
/// assert!(s.starts_with("burnout altitude 0.0 km, burnout range 0.0 km, boost time 0.0 s"));
/// ```
pub fn boost_text(b: &BoostAllowance, unit: Unit) -> String {
    format!(
        "burnout altitude {}, burnout range {}, boost time {} s, re-entry altitude {} (the powered ascent is not \
         modelled; zero unless given)",
        distance(b.burnout_altitude_m, unit),
        distance(b.burnout_range_m, unit),
        grouped(b.boost_time_s, 1),
        distance(b.reentry_altitude_m, unit)
    )
}

fn site_text(name: &str, lat: f64, lon: f64) -> String {
    format!("{name} ({})", lat_lon(lat, lon))
}

/// The side of a signed cross-track distance: positive is left of the direction of flight (the crate's
/// convention, as in `check`).
fn side(m: f64) -> &'static str {
    if m >= 0.0 { "left" } else { "right" }
}

fn rotation_text(s: &mut String, r: &RotationFigures, unit: Unit) {
    let line = |s: &mut String, label: &str, text: String| s.push_str(&format!("  {label:<28}{text}\n"));
    s.push_str(&format!("Earth rotation ({:e} rad/s):\n", r.omega_rad_s));
    line(
        s,
        "launch azimuth",
        format!(
            "{:.3} deg = WGS84 geodesic azimuth {:.3} deg {:+.3} deg (great circle on the model sphere {:.3} deg, \
             offset {:+.3} deg)",
            r.launch_azimuth_deg,
            r.geodesic_azimuth_deg,
            r.azimuth_offset_deg,
            r.great_circle_azimuth_deg,
            r.great_circle_azimuth_offset_deg
        ),
    );
    line(
        s,
        "inertial burnout",
        format!(
            "{} m/s at {:.3} deg above the horizontal",
            grouped(r.inertial_burnout_speed_mps, 1),
            r.inertial_flight_path_angle_deg
        ),
    );
    let dev = if r.max_lateral_deviation_m.is_finite() {
        format!(
            "{} to the {} of the launch-impact great circle, {} s after launch",
            distance(r.max_lateral_deviation_m.abs(), unit),
            side(r.max_lateral_deviation_m),
            grouped(r.max_lateral_deviation_time_s, 1)
        )
    } else {
        "undefined (launch and impact coincide or are antipodal)".into()
    };
    line(s, "largest lateral deviation", dev);
    let gain = match (r.range_gain_m, r.nonrotating_range_m) {
        (Some(g), Some(n)) => format!(
            "{}{} against the same Earth-relative shot over a non-rotating Earth ({})",
            if g >= 0.0 { "+" } else { "-" },
            distance(g.abs(), unit),
            distance(n, unit)
        ),
        _ => "undefined (the same shot does not come down over a non-rotating Earth)".into(),
    };
    line(s, "range gain (+) or loss (-)", gain);
    if let Some(c) = r.cross_range_m {
        line(
            s,
            "cross-range",
            format!("{} to the {} of the non-rotating shot", distance(c.abs(), unit), side(c)),
        );
    }
    line(s, "note", r.note.clone());
}

/// Renders a [`FlightReport`] as text: summary, allowance, rotation, model, and the profile table.
///
/// Input: the report; the distance unit for ranges and altitudes. Output: lines ending in a newline. Speeds in
/// m/s, angles in degrees, times in seconds (and minutes).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::ballistics::{BoostAllowance, TrajectoryConstraint};
/// use groundtrack::output::trajectory_report::{Destination, FlightRequest, Site, fly};
/// use groundtrack::output::trajectory_text::render;
/// use groundtrack::parse::Unit;
/// let req = FlightRequest {
///     launch: Site { name: "Sunan".into(), point: Point::new(125.67, 39.22389) },
///     destination: Destination::Range { range_m: 2_700e3, azimuth_deg: None },
///     constraint: TrajectoryConstraint::MinimumEnergy,
///     boost: BoostAllowance::none(),
///     rotating: false,
///     launch_time: None,
///     step_s: 60.0,
/// };
/// let text = render(&fly(&req).unwrap(), Unit::Kilometre);
/// assert!(text.contains("Apogee:") && text.contains("598.7 km"));
/// assert!(text.contains("Boost allowance:"));
/// ```
pub fn render(r: &FlightReport, unit: Unit) -> String {
    let f = &r.figures;
    let mut s = String::new();
    let line = |s: &mut String, label: &str, text: String| s.push_str(&format!("{label:<18}{text}\n"));
    let launch = site_text(&r.launch.name, r.launch.point.y(), r.launch.point.x());
    let target = match &r.impact {
        Some(i) if r.impact_given => site_text(&i.name, i.point.y(), i.point.x()),
        Some(i) => format!("{} ({}, computed)", i.name, lat_lon(i.point.y(), i.point.x())),
        None => "a range, no direction".into(),
    };
    line(&mut s, "Flight:", format!("{launch} -> {target}"));
    let range_note = match (r.geodesic, &r.rotation) {
        (Some((_, az)), None) => format!("WGS84 geodesic, azimuth {az:.3} deg at launch"),
        (Some((len, az)), Some(_)) => format!(
            "great circle on the rotating model sphere; WGS84 geodesic {} at azimuth {az:.3} deg",
            distance(len, unit)
        ),
        (None, _) => "as given".into(),
    };
    line(&mut s, "Range:", format!("{} ({range_note})", distance(f.range_m, unit)));
    let nr = &r.nonrotating;
    let kind = f.kind.map_or(String::new(), |k| format!(": {}", kind_text(k)));
    line(&mut s, "Constraint:", format!("{}{kind}", constraint_text(&r.constraint, unit)));
    line(
        &mut s,
        "Burnout:",
        format!(
            "{} m/s at a flight-path angle of {:.2} deg{}",
            grouped(f.burnout_speed_mps, 1),
            f.flight_path_angle_deg,
            if r.rotation.is_some() { " (Earth-relative)" } else { "" }
        ),
    );
    line(
        &mut s,
        "Minimum energy:",
        format!(
            "over {} without rotation: {} m/s at {:.2} deg",
            distance(nr.total_range_m, unit),
            grouped(nr.min_energy_burnout_speed_mps, 1),
            nr.min_energy_flight_path_angle_deg
        ),
    );
    line(
        &mut s,
        "Apogee:",
        format!(
            "{} at {} from launch, {} s after launch",
            distance(f.apogee_m, unit),
            distance(f.apogee_downrange_m, unit),
            grouped(f.apogee_time_s, 1)
        ),
    );
    line(
        &mut s,
        "Flight time:",
        format!("{} free flight; {} from launch", minutes(f.flight_time_s), minutes(f.total_time_s)),
    );
    line(
        &mut s,
        "Re-entry:",
        format!(
            "{} m/s at {:.2} deg below the horizontal",
            grouped(f.reentry_speed_mps, 1),
            f.reentry_angle_deg
        ),
    );
    let me = match f.min_energy_range_m {
        Some(m) => format!("{} on a minimum-energy arc (no rotation)", distance(m, unit)),
        None => "any range: this burnout speed reaches half the circumference".into(),
    };
    line(&mut s, "Speed reaches:", me);
    line(&mut s, "Boost allowance:", boost_text(&r.boost, unit));
    if let Some(t) = r.launch_time {
        let re = r.reentry_time.map_or(String::new(), |e| format!(", re-entry {e}"));
        line(&mut s, "Launch time:", format!("{t}{re}"));
    }
    if let Some(rot) = &r.rotation {
        line(
            &mut s,
            "Without rotation:",
            format!(
                "the same constraint over {} needs {} m/s at {:.2} deg",
                distance(nr.total_range_m, unit),
                grouped(nr.burnout_speed_mps, 1),
                nr.flight_path_angle_deg
            ),
        );
        rotation_text(&mut s, rot, unit);
    }
    line(&mut s, "Model:", r.model.clone());
    line(&mut s, "Ground track:", r.ground_track_model.clone());
    s.push_str(&notes_text(&r.notes));
    s.push_str(&land_text(r, unit));
    s.push_str(&format!(
        "\nProfile every {} s from burnout (time and range from launch):\n",
        grouped(r.step_s, 1)
    ));
    let speed = if r.rotation.is_some() { "inertial speed m/s" } else { "speed m/s" };
    let mut t = new_table();
    let (u, h) = (format!("range {}", unit.symbol()), format!("altitude {}", unit.symbol()));
    t.set_header(vec!["time s", u.as_str(), h.as_str(), speed, "lat", "lon"]);
    for row in &r.profile {
        let (lat, lon) = row
            .point
            .map_or(("-".into(), "-".into()), |p| (format!("{:.5}", p.y()), format!("{:.5}", p.x())));
        t.add_row(vec![
            one_decimal(row.time_s),
            one_decimal(unit.from_si(row.range_m)),
            one_decimal(unit.from_si(row.altitude_m)),
            one_decimal(row.speed_mps),
            lat,
            lon,
        ]);
    }
    s.push_str(&format!("{t}\n"));
    s
}

/// Seconds as "283.4 s" (one decimal), "-" when the flight gives no time there.
fn seconds(t: Option<f64>) -> String {
    t.map_or("-".into(), |t| format!("{} s", grouped(t, 1)))
}

/// The table of the stretches of the ground track over land: country, entry and exit ("launch" and the impact
/// when the track starts or ends over land), along-track distances in `unit`, times after launch. Nothing for a
/// flight without a direction; a line saying "none" when the track stays over the sea.
fn land_text(r: &FlightReport, unit: Unit) -> String {
    if r.impact.is_none() {
        return String::new();
    }
    let line = if r.rotation.is_some() {
        "the rotating model's ground track"
    } else {
        "the WGS84 geodesic ground track"
    };
    if r.land.is_empty() {
        return format!("\nOver land along {line}: none (Natural Earth 1:50m)\n");
    }
    let end = if r.impact_given { "impact" } else { "re-entry" };
    let mut t = new_table();
    let along = format!("along track {}", unit.symbol());
    t.set_header(vec!["country", "entry", "exit", along.as_str(), "time after launch"]);
    for l in &r.land {
        t.add_row(vec![
            l.country.clone(),
            if l.starts_on_land { "launch".into() } else { lat_lon(l.entry.y(), l.entry.x()) },
            if l.ends_on_land { end.into() } else { lat_lon(l.exit.y(), l.exit.x()) },
            format!(
                "{} to {}",
                one_decimal(unit.from_si(l.entry_along_m)),
                one_decimal(unit.from_si(l.exit_along_m))
            ),
            format!("{} to {}", seconds(l.entry_time_s), seconds(l.exit_time_s)),
        ]);
    }
    format!(
        "\nOver land along {line} (Natural Earth 1:50m; distances from launch, times after launch on the \
         arc):\n{t}\n"
    )
}

/// The notes of a report, one "Note:" line each (nothing when there are none).
///
/// # Example
/// ```
/// use groundtrack::output::trajectory_text::notes_text;
/// assert_eq!(notes_text(&[]), "");
/// assert!(notes_text(&["the nominal 4,475 km was used".to_string()]).starts_with("Note:"));
/// ```
pub fn notes_text(notes: &[String]) -> String {
    notes.iter().map(|n| format!("{:<18}{n}\n", "Note:")).collect()
}

/// Renders an [`EquivalentRange`] as text, with the model spelled out.
///
/// # Example
/// ```
/// use groundtrack::ballistics::{BoostAllowance, Planet, TrajectoryConstraint, equivalent_range};
/// use groundtrack::output::trajectory_text::render_equivalent;
/// use groundtrack::parse::Unit;
/// let eq = equivalent_range(950e3, TrajectoryConstraint::Apogee(4_475e3), &Planet::earth_sphere(),
///     &BoostAllowance::none()).unwrap();
/// let text = render_equivalent(&eq, Unit::Kilometre);
/// assert!(text.contains("Equivalent range:") && text.contains("Model:"));
/// ```
pub fn render_equivalent(eq: &EquivalentRange, unit: Unit) -> String {
    let t = &eq.trajectory;
    let mut s = String::new();
    let line = |s: &mut String, label: &str, text: String| s.push_str(&format!("{label:<18}{text}\n"));
    line(
        &mut s,
        "Flown:",
        format!(
            "{} with {}: {}",
            distance(t.total_range_m, unit),
            constraint_text(&t.constraint, unit),
            kind_text(t.kind)
        ),
    );
    line(
        &mut s,
        "Burnout:",
        format!(
            "{} m/s at a flight-path angle of {:.2} deg",
            grouped(eq.burnout_speed_mps, 1),
            t.flight_path_angle_deg
        ),
    );
    let from_launch = if t.boost.boost_time_s > 0.0 {
        format!("; {} from launch (boost {} s)", minutes(t.total_time_s), grouped(t.boost.boost_time_s, 1))
    } else {
        String::new()
    };
    line(
        &mut s,
        "Apogee:",
        format!("{}; free flight {}{from_launch}", distance(t.apogee_m, unit), minutes(t.flight_time_s)),
    );
    let e = match eq.equivalent_range_m {
        Some(m) => format!(
            "{}: the range of the same burnout speed on a minimum-energy (standard) trajectory",
            distance(m, unit)
        ),
        None => "any range up to half the circumference: the burnout speed is circular speed or more".into(),
    };
    line(&mut s, "Equivalent range:", e);
    line(&mut s, "Boost allowance:", boost_text(&t.boost, unit));
    line(
        &mut s,
        "Model:",
        format!(
            "{}; equivalent range = the longest ground range of the burnout speed (its minimum-energy arc; \
             Bate, Mueller, White 1971, eq. 6.2-19), the convention of D. Wright (Union of Concerned Scientists) \
             for lofted tests",
            eq.model
        ),
    );
    s
}
