//! `groundtrack check`: reconstruct a launch from its report and check every stated figure.

use geo_types::Point;
use serde::Serialize;

use super::file::{AreaSpec, Located, ReportFile};
use super::hypotheses::{ConversionCheck, Hypothesis, check_conversion, unit_slip_hypotheses};
use super::local_times::{ClockEnd, ClockSummary, clock_summary};
use super::overflight::{OverflightApproach, overflight_approach};
use super::region::{
    Constraint, ConstraintMiss, FeasibleRegion, PhraseDomain, RegionOptions, feasible_region,
};
use super::region::{band_miss, distance_outside};
use super::resolve::{Overflight, resolve_location, resolve_overflight};
use super::time_zone::{Clock, ClockSource};
use super::timing::{StatedTime, TimeContext, parse_time, parse_window, parse_zone};
use super::trajectory::{TrajectoryInputs, TrajectorySummary, check_trajectory};
use crate::ballistics::time_at_downrange;
use crate::geodesy::WGS84_HALF_MERIDIAN_M;
use crate::geodesy::{EarthModel, Ellipsoid, Rhumb, normalize_longitude};
use crate::land::LandStretch;
use crate::parse::{
    Dimension, StatedFigure, parse_bearing, parse_figure, parse_figure_with_conversion, parse_vertex_list,
};
use crate::places::Gazetteer;

/// The shortest launch-to-impact distance, metres, that makes a track: below it the direction of flight and
/// every along-track figure are undefined (a zero-length track).
pub const MIN_TRACK_M: f64 = 1.0;

/// Options of a check.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckOptions {
    /// Widens every default (rounding) tolerance band by this factor; explicit bands are kept.
    pub tolerance_scale: f64,
    /// How finely the feasible region is searched.
    pub region: RegionOptions,
    /// Boost-phase duration to add to free flight, seconds; None: not modelled (0 to
    /// [`MAX_UNMODELLED_BOOST_S`](super::MAX_UNMODELLED_BOOST_S) allowed).
    pub boost_time_s: Option<f64>,
}

impl Default for CheckOptions {
    fn default() -> Self {
        Self { tolerance_scale: 1.0, region: RegionOptions::default(), boost_time_s: None }
    }
}

/// Consistent or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The figure (or the whole report) agrees with the geometry within its band.
    Consistent,
    /// The figure lies outside its band, by the stated miss.
    Inconsistent,
    /// The figure was read but this version does not check it.
    NotChecked,
}

impl Verdict {
    /// "consistent", "inconsistent" or "not checked".
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Inconsistent => "inconsistent",
            Verdict::NotChecked => "not checked",
        }
    }
}

/// The launch point as resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LaunchInfo {
    /// Gazetteer name, coordinates or phrase.
    pub name: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
}

/// The kind of literal reading of an impact phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadingKind {
    /// The geodesic that leaves the reference place at the stated bearing.
    Geodesic,
    /// The rhumb line at the stated bearing (for "east": along the parallel).
    Rhumb,
}

/// One literal reading of the impact phrase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// Geodesic or rhumb line.
    pub kind: ReadingKind,
    /// Impact latitude of this reading, degrees.
    pub lat: f64,
    /// Impact longitude of this reading, degrees.
    pub lon: f64,
    /// Range from the launch point, km.
    pub range_km: f64,
    /// Closest approach of the launch-to-impact geodesic to each overflight place.
    pub overflights: Vec<OverflightApproach>,
}

/// The best estimate of the impact point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BestEstimate {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Range from the launch point, km.
    pub range_km: f64,
    /// The rule that picked it.
    pub rule: String,
}

/// The feasible impact region in summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionSummary {
    /// Whether any point satisfies every stated constraint at once.
    pub feasible: bool,
    /// Area, km^2 (0 for a single point or an infeasible report).
    pub area_km2: f64,
    /// South, west, north, east bounds in degrees, longitudes in [-180, 180) (west > east when the region
    /// crosses the antimeridian), when feasible.
    pub bounds: Option<[f64; 4]>,
    /// Smallest and largest range from the launch point over the region, km.
    pub range_band_km: Option<[f64; 2]>,
    /// The best estimate (or, when infeasible, the point of least miss).
    pub best: BestEstimate,
    /// The region's outline rings, (lon, lat) degrees.
    #[serde(skip)]
    pub rings: Vec<Vec<Point<f64>>>,
}

/// The check of one stated figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureCheck {
    /// Which figure ("range", "impact distance from Cape Erimo", "overflight Cape Erimo").
    pub figure: String,
    /// As worded in the report.
    pub stated: String,
    /// Lower end of the band used, in `unit`.
    pub low: Option<f64>,
    /// Upper end of the band used, in `unit` (None for an open band).
    pub high: Option<f64>,
    /// How the band was set ("rounding of the stated figure", "explicit", "at least", "compass sector", ...).
    pub band: String,
    /// The value computed from the geometry at the best estimate, in `unit`.
    pub computed: Option<f64>,
    /// "km", "deg" or "min".
    pub unit: String,
    /// Consistent, inconsistent or not checked.
    pub verdict: Verdict,
    /// How far outside the band the computed value is, in `unit` (0 when consistent).
    pub miss: Option<f64>,
    /// Any remark (why not checked, which reading fails).
    pub note: Option<String>,
    /// For an inconsistent distance: the unit slips that would make it consistent (statute and nautical miles
    /// confused, kilometres labelled as miles, ...), closest first. The verdict stays on the figure as stated.
    pub hypotheses: Vec<Hypothesis>,
    /// For a figure that carries its own conversion ("4,200 miles (6,750 km)"): whether the conversion is right
    /// with the statute or the nautical mile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversion: Option<ConversionCheck>,
}

/// Everything `groundtrack check` found for one report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// The report's title.
    pub name: String,
    /// The report's sources.
    pub sources: Vec<String>,
    /// The launch point.
    pub launch: LaunchInfo,
    /// The impact as worded.
    pub impact_text: String,
    /// The reference place of the impact phrase, when the impact is a phrase.
    pub impact_anchor: Option<LaunchInfo>,
    /// Overflight places with their radii.
    pub overflight_places: Vec<OverflightPlace>,
    /// Stated areas (`impact_area`, `launch_area`).
    pub areas: Vec<StatedArea>,
    /// The literal readings of the impact phrase (empty when the impact is a point).
    pub readings: Vec<Reading>,
    /// The feasible impact region.
    pub region: RegionSummary,
    /// The ballistic arc over the reconstructed range (None when none fits).
    pub trajectory: Option<TrajectorySummary>,
    /// Launch and impact times in UTC and in the local time of each end, the local dates and the notes on the
    /// date line (None when the report gives no launch or impact time). See [`ClockSummary`] for the fields.
    pub clock: Option<ClockSummary>,
    /// Each stretch of the best-estimate track over land (Natural Earth 1:50m countries), with the times after
    /// burnout on the arc.
    pub land: Vec<LandStretch>,
    /// Figure-by-figure verdicts.
    pub checks: Vec<FigureCheck>,
    /// "consistent" when every checked figure is.
    pub verdict: Verdict,
    /// Remarks on the model and on what is not checked.
    pub notes: Vec<String>,
}

/// A closed area stated in the report (a navigation warning or NOTAM).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatedArea {
    /// "impact_area" or "launch_area".
    pub name: String,
    /// The vertices as written.
    pub text: String,
    /// The vertices (lon, lat degrees).
    #[serde(serialize_with = "serialize_points")]
    pub vertices: Vec<Point<f64>>,
}

fn serialize_points<S: serde::Serializer>(points: &[Point<f64>], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(points.len()))?;
    for p in points {
        seq.serialize_element(&[p.x(), p.y()])?;
    }
    seq.end()
}

/// An overflight place as used by the check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverflightPlace {
    /// Gazetteer name or coordinates.
    pub name: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Radius that counts as "over", km.
    pub radius_km: f64,
    /// "gazetteer", "default", or "outline" (an area place tested against its outline; the radius is then the
    /// margin around the outline).
    pub radius_source: String,
    /// For an area tested against its outline: how many vertices the outline has (Natural Earth 1:50m).
    pub outline_vertices: Option<usize>,
}

impl CheckReport {
    /// The process exit code for this report: 0 when every checked figure is consistent, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        if self.verdict == Verdict::Consistent { 0 } else { 1 }
    }
}

fn km(m: f64) -> f64 {
    m / 1000.0
}

/// Checks a report: resolves its places, computes the literal readings of the impact phrase and the feasible
/// impact region, and gives a verdict per stated figure.
///
/// Inputs: a loaded [`ReportFile`], the gazetteer, the options. Output: a [`CheckReport`].
///
/// # Errors
/// [`crate::Error::Report`] with the file, line, column and field of any value that cannot be read (an unknown
/// place, a malformed figure or phrase) and for an impact point less than [`MIN_TRACK_M`] from the launch point
/// (a zero-length track); [`crate::Error::Geodesy`] if a computation has no answer.
///
/// # Example
/// ```
/// use groundtrack::places::Gazetteer;
/// use groundtrack::report::{CheckOptions, ReportFile, Verdict, check_report};
/// let file = ReportFile::load("data/scenarios/2017-08-29-hwasong-12.toml".as_ref()).unwrap();
/// let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
/// assert_eq!(report.verdict, Verdict::Consistent);
/// ```
pub fn check_report(
    file: &ReportFile,
    gazetteer: &Gazetteer,
    options: &CheckOptions,
) -> crate::Result<CheckReport> {
    let ellipsoid = Ellipsoid::wgs84();
    let scale = options.tolerance_scale;
    let field = |name: &str, v: &Located<String>, e: crate::Error| -> crate::Error {
        crate::Error::Report(file.field_error(name, v, e.to_string()))
    };
    let mut notes = Vec::new();

    let launch = resolve_location(file.launch.get_ref(), gazetteer, scale)
        .map_err(|e| field("launch", &file.launch, e))?;
    if launch.phrase.is_some() {
        notes.push("The launch point is a position phrase: its nominal point is used.".to_string());
    }
    let mut overflights = Vec::new();
    for (i, o) in file.overflights.iter().enumerate() {
        overflights.push(
            resolve_overflight(o.get_ref(), gazetteer, scale)
                .map_err(|e| field(&format!("overflights[{i}]"), o, e))?,
        );
    }
    let impact = resolve_location(file.impact.get_ref(), gazetteer, scale)
        .map_err(|e| field("impact", &file.impact, e))?;
    if impact.phrase.is_none() {
        let length_m = ellipsoid.inverse(launch.point, impact.point)?.distance_m;
        if length_m < MIN_TRACK_M {
            return Err(crate::Error::Report(file.field_error(
                "impact",
                &file.impact,
                format!(
                    "the impact point is the launch point ({length_m:.3} m away): a track needs two different \
                     points; give the impact as a place, coordinates or a phrase at least {MIN_TRACK_M} m from the \
                     launch"
                ),
            )));
        }
    }

    let figure = |name: &str,
                  v: &Option<Located<String>>,
                  dim: Dimension|
     -> crate::Result<Option<(String, StatedFigure)>> {
        match v {
            None => Ok(None),
            Some(v) => parse_figure(v.get_ref(), dim, scale)
                .map(|f| Some((v.get_ref().clone(), f)))
                .map_err(|e| field(name, v, e.into())),
        }
    };
    let (stated_range, range_conversion) = match &file.stated.range {
        None => (None, None),
        Some(v) => {
            let (f, c) = parse_figure_with_conversion(v.get_ref(), Dimension::Distance, scale)
                .map_err(|e| field("stated.range", v, e.into()))?;
            (Some((v.get_ref().clone(), f)), c)
        }
    };
    let stated_apogee = figure("stated.apogee", &file.stated.apogee, Dimension::Distance)?;
    let stated_time = figure("stated.flight_time", &file.stated.flight_time, Dimension::Duration)?;
    let stated_direction = match &file.stated.direction {
        None => None,
        Some(v) => Some(parse_bearing(v.get_ref()).map_err(|e| field("stated.direction", v, e.into()))?),
    };
    let mut area = |key: &str, v: &Option<Located<AreaSpec>>| -> crate::Result<Option<StatedArea>> {
        let Some(v) = v else { return Ok(None) };
        let text = v.get_ref().text();
        let (vertices, warnings) = parse_vertex_list(&text)
            .map_err(|e| crate::Error::Report(file.field_error(key, v, e.to_string())))?;
        for w in warnings {
            notes.push(format!("{key}: {w}"));
        }
        Ok(Some(StatedArea { name: key.to_string(), text, vertices }))
    };
    let impact_area = area("impact_area", &file.impact_area)?;
    let launch_area = area("launch_area", &file.launch_area)?;
    let report_zone = match &file.time_zone {
        None => None,
        Some(v) => Some(
            parse_zone(v.get_ref())
                .map_err(|e| crate::Error::Report(file.field_error("time_zone", v, e.to_string())))?,
        ),
    };
    let launch_zone = place_clock(&launch.text, launch.phrase.is_some(), gazetteer, scale);
    let impact_zone = place_clock(&impact.text, impact.phrase.is_some(), gazetteer, scale);
    let time =
        |key: &str, v: &Option<Located<String>>, ctx: TimeContext| -> crate::Result<Option<StatedTime>> {
            match v {
                None => Ok(None),
                Some(v) => parse_time(v.get_ref(), &ctx)
                    .map(Some)
                    .map_err(|e| crate::Error::Report(file.field_error(key, v, e.to_string()))),
            }
        };
    let launch_stated = time(
        "launch_time",
        &file.launch_time,
        TimeContext {
            report_zone: report_zone.as_ref(),
            place_name: Some(&launch.name),
            place_zone: launch_zone.as_ref(),
            reference: None,
            reference_key: "",
            after_reference: false,
        },
    )?;
    let impact_stated = time(
        "impact_time",
        &file.impact_time,
        TimeContext {
            report_zone: report_zone.as_ref(),
            place_name: Some(&impact.name),
            place_zone: impact_zone.as_ref(),
            reference: launch_stated.as_ref(),
            reference_key: "`launch_time`",
            after_reference: true,
        },
    )?;
    for t in launch_stated.iter().chain(&impact_stated) {
        if let Some(note) = t.clock.out_of_season(t.timestamp) {
            notes.push(note);
        }
    }
    let launch_time = launch_stated.as_ref().map(StatedTime::instant);
    let impact_time = impact_stated.as_ref().map(StatedTime::instant);
    if let (Some(l), Some(m), Some(v)) = (launch_time, impact_time, &file.impact_time)
        && m.timestamp <= l.timestamp
    {
        return Err(crate::Error::Report(file.field_error(
            "impact_time",
            v,
            format!(
                "the impact time is not after the launch time (impact read as {}, launch {}); expected a later \
                 time (check the dates and UTC offsets)",
                m.timestamp, l.timestamp
            ),
        )));
    }
    let mut overflight_times = Vec::new();
    for (k, ot) in file.overflight_times.iter().enumerate() {
        let key = format!("overflight_times[{k}]");
        let place = resolve_overflight(ot.place.get_ref(), gazetteer, scale)
            .map_err(|e| field(&format!("{key}.place"), &ot.place, e))?;
        let zone = place_clock(ot.place.get_ref(), false, gazetteer, scale);
        let ctx = TimeContext {
            report_zone: report_zone.as_ref(),
            place_name: Some(&place.name),
            place_zone: zone.as_ref(),
            reference: impact_stated.as_ref().or(launch_stated.as_ref()),
            reference_key: "`launch_time` or `impact_time`",
            after_reference: false,
        };
        let window = parse_window(ot.time.get_ref(), &ctx).map_err(|e| {
            crate::Error::Report(file.field_error(&format!("{key}.time"), &ot.time, e.to_string()))
        })?;
        overflight_times.push((place.name, window));
    }

    // Constraints on the impact point other than the phrase's own band and sector.
    let mut constraints = Vec::new();
    if let Some((_, f)) = &stated_range {
        constraints.push(Constraint::DistanceFrom {
            label: "range".into(),
            from: launch.point,
            low: f.low,
            high: f.high,
            nominal: f.nominal,
        });
    }
    if let Some(b) = &stated_direction {
        constraints.push(Constraint::AzimuthFrom {
            label: "direction at launch".into(),
            from: launch.point,
            center_deg: b.azimuth_deg,
            half_width_deg: b.half_width_deg,
        });
    }
    for o in &overflights {
        let label = format!("overflight {}", o.name);
        constraints.push(match &o.outline {
            Some(area) => Constraint::PassesOver {
                label,
                launch: launch.point,
                area: area.clone(),
                margin_m: o.radius_m,
            },
            None => {
                Constraint::PassesNear { label, launch: launch.point, place: o.point, radius_m: o.radius_m }
            }
        });
    }
    if let Some(a) = &impact_area {
        constraints
            .push(Constraint::InsideArea { label: "impact area".into(), vertices: a.vertices.clone() });
    }

    let (region, readings, anchor) = match &impact.phrase {
        Some(p) => {
            let domain = PhraseDomain {
                anchor: p.anchor,
                distance_nominal_m: p.phrase.distance.nominal.min(WGS84_HALF_MERIDIAN_M),
                distance_low_m: p.phrase.distance.low,
                // An open band ("more than 1,000 km") ends at the farthest any point can be.
                distance_high_m: p.phrase.distance.high.min(WGS84_HALF_MERIDIAN_M),
                azimuth_deg: p.phrase.bearing.azimuth_deg,
                half_width_deg: p.phrase.bearing.half_width_deg,
            };
            let region = feasible_region(&domain, &constraints, Some(launch.point), &options.region)?;
            let mut readings = Vec::new();
            let models: [(ReadingKind, &dyn EarthModel); 2] =
                [(ReadingKind::Geodesic, &ellipsoid), (ReadingKind::Rhumb, &Rhumb::wgs84())];
            for (kind, model) in models {
                match model.direct(p.anchor, domain.azimuth_deg, domain.distance_nominal_m) {
                    Ok(d) => readings.push(reading(&ellipsoid, kind, launch.point, d.point, &overflights)?),
                    Err(e) => notes.push(format!("The {kind:?} reading has no answer: {e}.")),
                }
            }
            let anchor = LaunchInfo { name: p.anchor_name.clone(), lat: p.anchor.y(), lon: p.anchor.x() };
            (region, readings, Some(anchor))
        }
        None => (point_region(&ellipsoid, impact.point, &constraints)?, Vec::new(), None),
    };

    let best_range = ellipsoid.inverse(launch.point, region.best)?.distance_m;
    let mut checks = Vec::new();
    if let Some(p) = &impact.phrase {
        let inv = ellipsoid.inverse(p.anchor, region.best)?;
        let f = &p.phrase.distance;
        let mut c = band_check(
            format!("impact distance from {}", p.anchor_name),
            f.text.clone(),
            km(f.low),
            km(f.high),
            band_name(f),
            km(inv.distance_m),
            "km",
        );
        if c.verdict == Verdict::Inconsistent {
            c.hypotheses = unit_slip_hypotheses(f, inv.distance_m);
        }
        checks.push(c);
        let b = &p.phrase.bearing;
        // At the reference place itself the bearing is undefined: nothing to check.
        if inv.distance_m >= 1.0 {
            let azi = b.azimuth_deg + angle_diff(inv.azimuth1_deg, b.azimuth_deg);
            checks.push(band_check(
                format!("impact bearing from {}", p.anchor_name),
                b.text.clone(),
                b.azimuth_deg - b.half_width_deg,
                b.azimuth_deg + b.half_width_deg,
                "direction sector".into(),
                azi,
                "deg",
            ));
        }
    }
    for (c, m) in constraints.iter().zip(&region.at_best) {
        let stated = match c {
            Constraint::DistanceFrom { .. } => {
                stated_range.as_ref().map(|(t, _)| t.clone()).unwrap_or_default()
            }
            Constraint::AzimuthFrom { .. } => {
                stated_direction.as_ref().map(|b| b.text.clone()).unwrap_or_default()
            }
            Constraint::PassesNear { .. } | Constraint::PassesOver { .. } => "over".to_string(),
            Constraint::InsideArea { .. } => "inside the stated area".to_string(),
        };
        let band = match c {
            Constraint::DistanceFrom { .. } => {
                stated_range.as_ref().map(|(_, f)| band_name(f)).unwrap_or_default()
            }
            Constraint::AzimuthFrom { .. } => "direction sector".into(),
            Constraint::PassesNear { .. } => "track within the place's radius".into(),
            Constraint::PassesOver { margin_m, .. } => {
                format!("track across the outline, or within {:.0} km of it", margin_m / 1e3)
            }
            Constraint::InsideArea { .. } => "distance outside the area".into(),
        };
        let mut check = miss_check(m, stated, band);
        if let (Constraint::DistanceFrom { .. }, Some((_, f))) = (c, &stated_range)
            && check.verdict == Verdict::Inconsistent
        {
            check.hypotheses = unit_slip_hypotheses(f, m.value);
        }
        checks.push(check);
    }
    if let (Some((text, f)), Some(conv)) = (&stated_range, &range_conversion) {
        let conversion = check_conversion(f, conv);
        // A conversion carries no more precision than the figure it converts: "4,200 nautical miles (7,778 km)"
        // is good to ±50 nmi, not to ±0.5 km. Its band is its own, widened to the converted figure's half-widths
        // about its nominal value.
        let (low, high) = if f.high.is_finite() {
            (
                conv.low.min(conv.nominal - (f.nominal - f.low)),
                conv.high.max(conv.nominal + (f.high - f.nominal)),
            )
        } else {
            (conv.low, conv.high)
        };
        let band = if (low, high) == (conv.low, conv.high) {
            band_name(conv)
        } else {
            format!("the precision of the figure it converts, {}", band_name(f))
        };
        let mut c = band_check(
            "range (the report's own conversion)".into(),
            text.clone(),
            km(low),
            km(high),
            band,
            km(best_range),
            "km",
        );
        if c.verdict == Verdict::Inconsistent {
            c.hypotheses = unit_slip_hypotheses(conv, best_range);
        }
        c.note = Some(conversion.summary.clone());
        c.conversion = Some(conversion);
        checks.push(c);
    }
    if let Some(a) = &launch_area {
        let miss = distance_outside(&ellipsoid, &a.vertices, launch.point)?;
        let mut c = band_check(
            "launch area".into(),
            "launch inside the stated area".into(),
            0.0,
            0.0,
            "distance outside the area".into(),
            km(miss),
            "km",
        );
        c.verdict = if miss > 0.0 { Verdict::Inconsistent } else { Verdict::Consistent };
        checks.push(c);
    }
    let mut along = Vec::new();
    for o in &overflights {
        let a = overflight_approach(&ellipsoid, o, launch.point, region.best)?;
        let span = a.over_along_km.map_or((a.along_track_km, a.along_track_km), |[p, q]| (p, q));
        along.push((o.name.clone(), (span.0 * 1e3, span.1 * 1e3), a.over));
    }
    let (trajectory, trajectory_checks, trajectory_notes) = check_trajectory(&TrajectoryInputs {
        range_m: best_range,
        range_band_m: region.range_band_m,
        apogee: stated_apogee.as_ref(),
        flight_time: stated_time.as_ref(),
        boost_time_s: options.boost_time_s,
        launch_time,
        impact_time,
        overflights: along,
        overflight_times,
    });
    checks.extend(trajectory_checks);
    notes.extend(trajectory_notes);
    let estimated_impact = match (&impact_stated, &launch_stated, &trajectory) {
        (None, Some(l), Some(t)) => estimate_impact_time(l, t.flight_time_s, options.boost_time_s),
        _ => None,
    };
    let impact_place =
        if impact.phrase.is_some() { "best estimate".to_string() } else { impact.name.clone() };
    // The clock shown at each end: the place's zone in the gazetteer, else the zone the time was stated in when
    // that names a place's zone (an IANA name such as "Pacific/Kiritimati"), else the nautical zone.
    let display_zone = |place: &Option<Clock>, stated: &Option<StatedTime>| {
        place.clone().or_else(|| stated.as_ref().map(|t| t.clock.clone()).filter(|c| c.name.contains('/')))
    };
    let (launch_display, impact_display) =
        (display_zone(&launch_zone, &launch_stated), display_zone(&impact_zone, &impact_stated));
    let clock = clock_summary(
        ClockEnd {
            name: &launch.name,
            point: launch.point,
            zone: launch_display.as_ref(),
            time: launch_stated.as_ref(),
        },
        ClockEnd {
            name: &impact_place,
            point: region.best,
            zone: impact_display.as_ref(),
            time: impact_stated.as_ref(),
        },
        estimated_impact,
    );
    if clock.is_some() {
        for (end, point, zone) in
            [("launch", launch.point, &launch_display), ("impact", region.best, &impact_display)]
        {
            if zone.is_none()
                && let Some(country) = crate::land::Countries::embedded()?.country_at(point)
            {
                notes.push(format!(
                    "The {end} point lies on land ({}), where the civil time zone may differ from the nautical zone \
                     shown for it: name the place (the gazetteer knows its zone) or state the time in its zone \
                     (an IANA name such as \"Pacific/Kiritimati\").",
                    country.name
                ));
            }
        }
    }
    let mut land = crate::land::overflights(launch.point, region.best)?;
    if let Some(t) = &trajectory {
        // Times to the millisecond: the model is good to far less, and short decimals survive every export.
        crate::land::with_times(&mut land, |along| {
            Some((time_at_downrange(&t.arc, along) * 1e3).round() / 1e3)
        });
    }
    for r in &readings {
        for o in r.overflights.iter().filter(|o| !o.over) {
            let outlined = overflights.iter().any(|p| p.name == o.name && p.outline.is_some());
            let (from, counts) = if outlined {
                (format!("the outline of {}", o.name), format!("margin {:.0} km", o.radius_km))
            } else {
                (o.name.clone(), format!("radius {:.0} km", o.radius_km))
            };
            notes.push(format!(
                "The {} reading of \"{}\" puts the track {:.1} km from {from} ({counts}): that literal reading \
                 contradicts the stated overflight.",
                match r.kind {
                    ReadingKind::Geodesic => "geodesic",
                    ReadingKind::Rhumb => "rhumb-line",
                },
                impact.text,
                o.distance_km,
            ));
        }
    }
    let verdict = if checks.iter().any(|c| c.verdict == Verdict::Inconsistent) || !region.feasible {
        Verdict::Inconsistent
    } else {
        Verdict::Consistent
    };
    let summary = RegionSummary {
        feasible: region.feasible,
        area_km2: region.area_m2 / 1e6,
        bounds: region.bounds.map(|[s, w, n, e]| [s, normalize_longitude(w), n, normalize_longitude(e)]),
        range_band_km: region.range_band_m.map(|(a, b)| [km(a), km(b)]),
        best: BestEstimate {
            lat: region.best.y(),
            lon: region.best.x(),
            range_km: km(best_range),
            rule: region.best_rule.to_string(),
        },
        rings: region.rings.clone(),
    };
    Ok(CheckReport {
        name: file.title(),
        sources: file.sources.iter().map(|s| s.get_ref().clone()).collect(),
        launch: LaunchInfo { name: launch.name.clone(), lat: launch.point.y(), lon: launch.point.x() },
        impact_text: impact.text.clone(),
        impact_anchor: anchor,
        overflight_places: overflights
            .iter()
            .map(|o| OverflightPlace {
                name: o.name.clone(),
                lat: o.point.y(),
                lon: o.point.x(),
                radius_km: km(o.radius_m),
                radius_source: o.radius_source.to_string(),
                outline_vertices: o.outline.as_ref().map(|a| a.vertex_count()),
            })
            .collect(),
        readings,
        areas: impact_area.into_iter().chain(launch_area).collect(),
        region: summary,
        trajectory,
        clock,
        land,
        checks,
        verdict,
        notes,
    })
}

/// The gazetteer zone of a place as the report names it (None for coordinates, phrases and places without one).
fn place_clock(text: &str, is_phrase: bool, gazetteer: &Gazetteer, scale: f64) -> Option<Clock> {
    if is_phrase {
        return None;
    }
    let crate::parse::LocationSpec::PlaceName(name) = crate::parse::parse_location(text, scale).ok()? else {
        return None;
    };
    let place = gazetteer.lookup(&name).ok()?;
    Clock::iana(place.time_zone.as_deref()?, ClockSource::Gazetteer)
}

/// The impact instant estimated as the launch time plus the arc's free-flight time and the boost time when one is
/// given (else none: the boost is not modelled), with how it was estimated.
fn estimate_impact_time(
    launch: &StatedTime,
    free_flight_s: f64,
    boost_s: Option<f64>,
) -> Option<(jiff::Timestamp, String)> {
    let total = free_flight_s + boost_s.unwrap_or(0.0);
    if !(0.0..86_400.0).contains(&total) {
        return None;
    }
    let t = launch.timestamp.checked_add(jiff::SignedDuration::from_secs(total.round() as i64)).ok()?;
    let how = match boost_s {
        Some(b) => format!(
            "launch time + {:.1} min of free flight + {:.1} min of boost",
            free_flight_s / 60.0,
            b / 60.0
        ),
        None => format!(
            "launch time + {:.1} min of free flight (boost not modelled: 0 to {:.0} min more)",
            free_flight_s / 60.0,
            super::MAX_UNMODELLED_BOOST_S / 60.0
        ),
    };
    Some((t, how))
}

fn angle_diff(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(360.0);
    if d > 180.0 { d - 360.0 } else { d }
}

/// How a stated figure's band was set, in words.
pub(super) fn band_name(f: &StatedFigure) -> String {
    use crate::parse::BandKind;
    match f.kind {
        BandKind::Rounding => "rounding of the stated figure".into(),
        BandKind::Explicit => "explicit range".into(),
        BandKind::AtLeast => "at least".into(),
        BandKind::AtMost => "at most".into(),
    }
}

fn band_check(
    figure: String,
    stated: String,
    low: f64,
    high: f64,
    band: String,
    computed: f64,
    unit: &str,
) -> FigureCheck {
    let miss = band_miss(computed, low, high);
    FigureCheck {
        figure,
        stated,
        low: Some(low),
        high: high.is_finite().then_some(high),
        band,
        computed: Some(computed),
        unit: unit.into(),
        verdict: if miss > 0.0 { Verdict::Inconsistent } else { Verdict::Consistent },
        miss: Some(miss),
        note: None,
        hypotheses: Vec::new(),
        conversion: None,
    }
}

fn miss_check(m: &ConstraintMiss, stated: String, band: String) -> FigureCheck {
    let div = if m.unit == "m" { 1000.0 } else { 1.0 };
    let unit = if m.unit == "m" { "km" } else { "deg" };
    let mut c = band_check(m.label.clone(), stated, m.low / div, m.high / div, band, m.value / div, unit);
    c.miss = Some(m.miss / div);
    c.verdict = if m.miss > 0.0 { Verdict::Inconsistent } else { Verdict::Consistent };
    c
}

fn reading(
    ellipsoid: &Ellipsoid,
    kind: ReadingKind,
    launch: Point<f64>,
    impact: Point<f64>,
    overflights: &[Overflight],
) -> crate::Result<Reading> {
    let range = ellipsoid.inverse(launch, impact)?.distance_m;
    let approaches = overflights
        .iter()
        .map(|o| overflight_approach(ellipsoid, o, launch, impact))
        .collect::<Result<_, _>>()?;
    Ok(Reading { kind, lat: impact.y(), lon: impact.x(), range_km: km(range), overflights: approaches })
}

/// The "region" of an impact given as a point: the point itself, feasible when every constraint holds there.
fn point_region(
    ellipsoid: &Ellipsoid,
    x: Point<f64>,
    constraints: &[Constraint],
) -> crate::Result<FeasibleRegion> {
    let at_best = constraints.iter().map(|c| c.evaluate(ellipsoid, x)).collect::<Result<Vec<_>, _>>()?;
    let feasible = at_best.iter().all(|m| m.miss == 0.0);
    Ok(FeasibleRegion {
        feasible,
        rings: Vec::new(),
        area_m2: 0.0,
        best: x,
        best_rule: "the impact is stated as a point",
        at_best,
        range_band_m: None,
        bounds: None,
        evaluated: 1,
    })
}
