//! The trajectory part of `check`: the stated apogee and flight time against a Keplerian arc over the
//! reconstructed range, and the time at which the arc passes each overflight place.

use serde::Serialize;

use super::check::{FigureCheck, Verdict};
use super::timing::{ClockWindow, ReportInstant};
use crate::ballistics::{
    ArcKind, BoostAllowance, Planet, Trajectory, TrajectoryConstraint, equivalent_range, solve,
    time_at_downrange,
};
use crate::parse::StatedFigure;

/// The longest boost phase assumed when the boost is not modelled, seconds. Boost phases of ballistic missiles
/// last from about one minute (short-range) to about five (liquid-fuel ICBMs): APS Study Group on Boost-Phase
/// Intercept Systems, Rev. Mod. Phys. 76, S1 (2004), sec. 5.
pub const MAX_UNMODELLED_BOOST_S: f64 = 300.0;

/// The arc used to check a report, in summary (the `trajectory` object of `check --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrajectorySummary {
    /// The model, spelled out.
    pub model: String,
    /// What picked the arc ("apogee 550 km", "minimum energy").
    pub constraint: String,
    /// The ground range the arc spans (the best estimate's geodesic range, taken as the range on the sphere), km.
    pub range_km: f64,
    /// Burnout speed, m/s.
    pub burnout_speed_mps: f64,
    /// Burnout flight-path angle, degrees above the horizontal.
    pub flight_path_angle_deg: f64,
    /// Apogee altitude, km.
    pub apogee_km: f64,
    /// Free-flight time, seconds (boost excluded).
    pub flight_time_s: f64,
    /// Boost time added to reach the time from launch, seconds; None when the boost is not modelled.
    pub boost_time_s: Option<f64>,
    /// The minimum-energy apogee for the same range, km.
    pub min_energy_apogee_km: f64,
    /// The minimum-energy flight-path angle for the same range, degrees.
    pub min_energy_flight_path_angle_deg: f64,
    /// "minimum_energy", "lofted" or "depressed".
    pub kind: String,
    /// The minimum-energy range of the arc's burnout speed, km (None when that speed reaches any range).
    pub equivalent_range_km: Option<f64>,
    /// When the arc passes each overflight place.
    pub overflight_times: Vec<OverflightTiming>,
    /// The solved arc itself, for profiles and timings (not serialised).
    #[serde(skip)]
    pub arc: Trajectory,
}

/// When the arc passes an overflight place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverflightTiming {
    /// The place.
    pub name: String,
    /// Along-track ground distance from launch to the point of closest approach, km; for an area whose outline
    /// the track crosses, to the middle of the stretch over it.
    pub along_track_km: f64,
    /// Seconds the arc spends over the place: the stretch over an area's outline; 0 for a point place.
    pub over_s: f64,
    /// Whether the best track passes over the place (within its radius, or across its outline); when not, the
    /// time is that of the closest approach.
    pub over: bool,
    /// Seconds after burnout.
    pub after_burnout_s: f64,
    /// Seconds before impact.
    pub before_impact_s: f64,
    /// The clock times (local to the report) the arc allows there, "HH:MM:SS" to "HH:MM:SS", when the report gives
    /// a launch or impact time.
    pub clock: Option<String>,
}

/// What the trajectory check needs from the rest of the check.
pub struct TrajectoryInputs<'a> {
    /// Best-estimate range, metres.
    pub range_m: f64,
    /// Smallest and largest range over the feasible region, metres.
    pub range_band_m: Option<(f64, f64)>,
    /// The stated apogee (as worded, parsed).
    pub apogee: Option<&'a (String, StatedFigure)>,
    /// The stated flight time (as worded, parsed).
    pub flight_time: Option<&'a (String, StatedFigure)>,
    /// Boost time to model, seconds; None when not modelled.
    pub boost_time_s: Option<f64>,
    /// Launch and impact instants, when stated.
    pub launch_time: Option<ReportInstant>,
    /// Impact instant, when stated.
    pub impact_time: Option<ReportInstant>,
    /// Overflight places: name, along-track distances on the best track from the launch (metres) of the first
    /// and last point over the place (the same point, the closest approach, for a point place; the entry into
    /// and the exit from an area's outline), and whether the best track passes over the place.
    pub overflights: Vec<(String, (f64, f64), bool)>,
    /// Stated overflight clock times: place name and window.
    pub overflight_times: Vec<(String, ClockWindow)>,
}

/// Solves the arc over the reconstructed range and checks apogee, flight time and overflight times.
///
/// Model: Keplerian free flight over a non-rotating sphere (R = 6,371 km), burnout and re-entry at the surface
/// (Bate, Mueller and White 1971, ch. 6, through [`crate::ballistics::solve`]); the arc's range is the WGS84
/// geodesic range of the best estimate. The arc is fixed by the stated apogee when there is one, else it is
/// the minimum-energy arc.
///
/// Output: the summary, the figure checks and notes.
///
/// # Errors
/// None: an arc that cannot be solved becomes an inconsistent figure with the solver's message.
pub fn check_trajectory(i: &TrajectoryInputs) -> (Option<TrajectorySummary>, Vec<FigureCheck>, Vec<String>) {
    let planet = Planet::earth_sphere();
    let none = BoostAllowance::none();
    let mut checks = Vec::new();
    let mut notes = Vec::new();
    let (constraint, label) = match i.apogee {
        Some((_, f)) => {
            (TrajectoryConstraint::Apogee(f.nominal), format!("stated apogee {:.0} km", f.nominal / 1e3))
        }
        None => (TrajectoryConstraint::MinimumEnergy, "minimum energy (no apogee stated)".to_string()),
    };
    let min_energy = solve(i.range_m, TrajectoryConstraint::MinimumEnergy, &planet, &none);
    let arc = solve(i.range_m, constraint, &planet, &none);
    let min_energy = match min_energy {
        Ok(m) => m,
        Err(e) => {
            notes.push(format!("No ballistic arc fits the reconstructed range: {e}"));
            return (None, checks, notes);
        }
    };
    // A stated apogee that no arc over the range reaches is inconsistent; the other figures are then checked
    // on the minimum-energy arc.
    let (arc, apogee_ok) = match arc {
        Ok(a) => (a, true),
        Err(e) => {
            if let Some((text, f)) = i.apogee {
                checks.push(unsolvable("apogee", text, f, 1e3, "km", &e.to_string()));
            }
            notes.push(format!(
                "No arc reaches the stated apogee ({e}); times are checked on the minimum-energy arc."
            ));
            (min_energy.clone(), false)
        }
    };

    if let (Some((text, f)), true) = (i.apogee, apogee_ok) {
        let kind = kind_name(arc.kind);
        let relation = match arc.kind {
            ArcKind::Depressed => "below",
            ArcKind::Lofted => "above",
            ArcKind::MinimumEnergy => "at",
        };
        checks.push(FigureCheck {
            figure: "apogee".into(),
            stated: text.clone(),
            low: Some(f.low / 1e3),
            high: f.high.is_finite().then_some(f.high / 1e3),
            band: "a ballistic arc over the reconstructed range reaches it".into(),
            computed: None,
            unit: "km".into(),
            verdict: Verdict::Consistent,
            miss: Some(0.0),
            note: Some(format!(
                "{kind} arc: the stated apogee is {relation} the minimum-energy apogee of {:.1} km for {:.1} km; \
                 flight-path angle {:.1} deg (minimum energy {:.1} deg), burnout speed {:.3} km/s",
                min_energy.apogee_m / 1e3,
                i.range_m / 1e3,
                arc.flight_path_angle_deg,
                min_energy.flight_path_angle_deg,
                arc.burnout_speed_mps / 1e3
            )),
                    hypotheses: Vec::new(),
            conversion: None,
        });
    }

    if let Some((text, f)) = i.flight_time {
        checks.push(flight_time_check(
            "flight time",
            text,
            f.low,
            f.high,
            &free_time_band(i, &arc),
            i.boost_time_s,
            &f_band(f),
        ));
    }
    if let (Some(l), Some(m)) = (i.launch_time, i.impact_time) {
        let dt = (m.timestamp.as_second() - l.timestamp.as_second()) as f64;
        let text = format!("{:.0} min from the launch and impact clock times", dt / 60.0);
        checks.push(flight_time_check(
            "flight time (clock times)",
            &text,
            dt - 60.0,
            dt + 60.0,
            &free_time_band(i, &arc),
            i.boost_time_s,
            "two clock times to the minute: ±1 min",
        ));
    }

    let timings = overflight_timings(i, &arc);
    for (place, window) in &i.overflight_times {
        let Some(t) = timings.iter().find(|t| &t.name == place) else {
            notes.push(format!("A time is stated for {place}, which is not among the overflight places."));
            continue;
        };
        let over = i.overflights.iter().any(|(name, _, over)| name == place && *over);
        let Some((lo, hi)) = clock_interval(i, t) else {
            notes.push(format!("The time over {place} cannot be checked without a launch or impact time."));
            continue;
        };
        // Minutes after launch when the launch time is stated, else minutes before impact.
        let (basis, to_minutes): (&str, Box<dyn Fn(f64) -> f64>) = match (i.launch_time, i.impact_time) {
            (Some(l), _) => ("after launch", Box::new(move |t| (t - l.timestamp.as_second() as f64) / 60.0)),
            (None, Some(m)) => {
                ("before impact", Box::new(move |t| (m.timestamp.as_second() as f64 - t) / 60.0))
            }
            (None, None) => continue,
        };
        let (w1, w2) = (to_minutes(window.low_s), to_minutes(window.high_s));
        let miss = (window.low_s - hi).max(lo - window.high_s).max(0.0);
        let miss = if miss < 1e-6 { 0.0 } else { miss };
        let verdict = match (over, miss > 0.0) {
            (false, _) => Verdict::NotChecked,
            (true, true) => Verdict::Inconsistent,
            (true, false) => Verdict::Consistent,
        };
        let note = if over {
            t.clock.as_ref().map(|c| format!("the arc passes there at {c}"))
        } else {
            Some("not checked: the reconstructed track does not pass over this place".to_string())
        };
        checks.push(FigureCheck {
            figure: format!("time over {place}"),
            stated: window.text.clone(),
            low: Some(w1.min(w2)),
            high: Some(w1.max(w2)),
            band: format!("the stated clock time or span, in minutes {basis}"),
            computed: Some(to_minutes(0.5 * (lo + hi))),
            unit: "min".into(),
            verdict,
            miss: Some(miss / 60.0),
            note,
            hypotheses: Vec::new(),
            conversion: None,
        });
    }
    if i.boost_time_s.is_none() {
        notes.push(format!(
            "The boost phase is not modelled: times from launch allow 0 to {:.0} min of boost before free flight \
             (use --boost-time to set it).",
            MAX_UNMODELLED_BOOST_S / 60.0
        ));
    }
    let equivalent =
        equivalent_range(i.range_m, constraint, &planet, &none).ok().and_then(|e| e.equivalent_range_m);
    let summary = TrajectorySummary {
        model: arc.model.clone(),
        constraint: label,
        range_km: i.range_m / 1e3,
        burnout_speed_mps: arc.burnout_speed_mps,
        flight_path_angle_deg: arc.flight_path_angle_deg,
        apogee_km: arc.apogee_m / 1e3,
        flight_time_s: arc.flight_time_s,
        boost_time_s: i.boost_time_s,
        min_energy_apogee_km: min_energy.apogee_m / 1e3,
        min_energy_flight_path_angle_deg: min_energy.flight_path_angle_deg,
        kind: kind_name(arc.kind).replace([' ', '-'], "_"),
        equivalent_range_km: equivalent.map(|r| r / 1e3),
        overflight_times: timings,
        arc,
    };
    (Some(summary), checks, notes)
}

fn kind_name(k: ArcKind) -> &'static str {
    match k {
        ArcKind::MinimumEnergy => "minimum-energy",
        ArcKind::Lofted => "lofted",
        ArcKind::Depressed => "depressed",
    }
}

fn f_band(f: &StatedFigure) -> String {
    super::check::band_name(f)
}

/// Free-flight times over the feasible range band and the stated apogee band: (best, lowest, highest).
fn free_time_band(i: &TrajectoryInputs, arc: &Trajectory) -> (f64, f64, f64) {
    let planet = Planet::earth_sphere();
    let none = BoostAllowance::none();
    let (r_lo, r_hi) = i.range_band_m.unwrap_or((i.range_m, i.range_m));
    let apogees: Vec<TrajectoryConstraint> = match i.apogee {
        Some((_, f)) if f.high.is_finite() => {
            vec![TrajectoryConstraint::Apogee(f.low), TrajectoryConstraint::Apogee(f.high)]
        }
        Some((_, f)) => vec![TrajectoryConstraint::Apogee(f.low)],
        None => vec![TrajectoryConstraint::MinimumEnergy],
    };
    let (mut lo, mut hi) = (arc.flight_time_s, arc.flight_time_s);
    for r in [r_lo, r_hi] {
        for c in &apogees {
            if let Ok(t) = solve(r, *c, &planet, &none) {
                lo = lo.min(t.flight_time_s);
                hi = hi.max(t.flight_time_s);
            }
        }
    }
    // "more than 4,000 km": an open apogee band allows arbitrarily lofted arcs, so flights of any length.
    if i.apogee.is_some_and(|(_, f)| !f.high.is_finite()) {
        hi = f64::INFINITY;
    }
    (arc.flight_time_s, lo, hi)
}

fn flight_time_check(
    figure: &str,
    stated: &str,
    low_s: f64,
    high_s: f64,
    free: &(f64, f64, f64),
    boost: Option<f64>,
    band: &str,
) -> FigureCheck {
    let (best, lo, hi) = *free;
    let (boost_lo, boost_hi) = boost.map_or((0.0, MAX_UNMODELLED_BOOST_S), |b| (b, b));
    let (c_lo, c_hi) = (lo + boost_lo, hi + boost_hi);
    let miss = (low_s - c_hi).max(c_lo - high_s).max(0.0);
    let miss = if miss < 1e-6 { 0.0 } else { miss };
    let computed = best + boost.unwrap_or(0.0);
    let note = match boost {
        Some(b) => format!("free flight {:.1} min + boost {:.1} min", best / 60.0, b / 60.0),
        None => format!(
            "computed = free flight only ({:.1} to {} min over the feasible ranges and apogees); the stated time \
             leaves {:.1} min for the boost phase, which is not modelled (allowed 0 to {:.0} min)",
            lo / 60.0,
            if hi.is_finite() { format!("{:.1}", hi / 60.0) } else { "any".to_string() },
            (0.5 * (low_s + high_s) - best) / 60.0,
            MAX_UNMODELLED_BOOST_S / 60.0
        ),
    };
    FigureCheck {
        figure: figure.into(),
        stated: stated.into(),
        low: Some(low_s / 60.0),
        high: high_s.is_finite().then_some(high_s / 60.0),
        band: band.into(),
        computed: Some(computed / 60.0),
        unit: "min".into(),
        verdict: if miss > 0.0 { Verdict::Inconsistent } else { Verdict::Consistent },
        miss: Some(miss / 60.0),
        note: Some(note),
        hypotheses: Vec::new(),
        conversion: None,
    }
}

fn unsolvable(figure: &str, text: &str, f: &StatedFigure, div: f64, unit: &str, why: &str) -> FigureCheck {
    FigureCheck {
        figure: figure.into(),
        stated: text.into(),
        low: Some(f.low / div),
        high: f.high.is_finite().then_some(f.high / div),
        band: super::check::band_name(f),
        computed: None,
        unit: unit.into(),
        verdict: Verdict::Inconsistent,
        miss: None,
        note: Some(format!("no ballistic arc over the reconstructed range fits: {why}")),
        hypotheses: Vec::new(),
        conversion: None,
    }
}

fn overflight_timings(i: &TrajectoryInputs, arc: &Trajectory) -> Vec<OverflightTiming> {
    i.overflights
        .iter()
        .map(|(name, (first, last), over)| {
            let (t1, t2) = (time_at_downrange(arc, *first), time_at_downrange(arc, *last));
            let t = 0.5 * (t1 + t2);
            let mut timing = OverflightTiming {
                name: name.clone(),
                along_track_km: 0.5 * (first + last) / 1e3,
                over_s: t2 - t1,
                over: *over,
                after_burnout_s: t,
                before_impact_s: arc.flight_time_s - t,
                clock: None,
            };
            timing.clock = clock_interval(i, &timing).map(|(lo, hi)| {
                let offset = i.impact_time.or(i.launch_time).map_or(0, |r| r.offset_s);
                format!("{} to {}", hms(lo, offset), hms(hi, offset))
            });
            timing
        })
        .collect()
}

/// The instants (Unix seconds) at which the arc passes a place: counted back from the impact time when stated
/// (independent of the boost), else forward from the launch time through the boost allowance.
fn clock_interval(i: &TrajectoryInputs, t: &OverflightTiming) -> Option<(f64, f64)> {
    // A clock time to the minute, and half the time spent over an area on either side of its middle.
    let slack = 30.0 + 0.5 * t.over_s;
    if let Some(m) = i.impact_time {
        let at = m.timestamp.as_second() as f64 - t.before_impact_s;
        return Some((at - slack, at + slack));
    }
    let l = i.launch_time?;
    let start = l.timestamp.as_second() as f64 + t.after_burnout_s;
    Some(match i.boost_time_s {
        Some(b) => (start + b - slack, start + b + slack),
        None => (start - slack, start + MAX_UNMODELLED_BOOST_S + slack),
    })
}

fn hms(unix_s: f64, offset_s: i64) -> String {
    let local = (unix_s.round() as i64 + offset_s).rem_euclid(86_400);
    format!("{:02}:{:02}:{:02}", local / 3600, (local / 60) % 60, local % 60)
}
