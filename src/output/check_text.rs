//! The readable report of `groundtrack check`: a few tables, for people.

use super::table::new_table as table;
use super::trajectory_text::grouped;
use crate::report::{CheckReport, ClockSummary, FigureCheck, ReadingKind, SummaryRow, Verdict};

/// Formats a latitude and longitude as "41.92444 N, 143.24833 E".
///
/// # Example
/// ```
/// assert_eq!(groundtrack::output::check_text::lat_lon(-33.5, -70.25), "33.50000 S, 70.25000 W");
/// ```
pub fn lat_lon(lat: f64, lon: f64) -> String {
    format!(
        "{:.5} {}, {:.5} {}",
        lat.abs(),
        if lat < 0.0 { 'S' } else { 'N' },
        lon.abs(),
        if lon < 0.0 { 'W' } else { 'E' }
    )
}

fn number(v: f64, unit: &str) -> String {
    let digits = if unit == "deg" { 2 } else { 1 };
    format!("{} {unit}", grouped(v, digits))
}

/// A miss with enough digits to be seen: small misses get three significant figures.
fn miss_text(m: f64, unit: &str) -> String {
    if m > 0.0 && m < 0.1 { format!("{} {unit}", format_significant(m, 3)) } else { number(m, unit) }
}

fn format_significant(x: f64, digits: i32) -> String {
    let decimals = (digits - 1 - x.abs().log10().floor() as i32).max(0) as usize;
    format!("{x:.decimals$}")
}

/// Replaces control characters (escape sequences, carriage returns) from report text with U+FFFD, so a report
/// cannot drive the terminal.
fn printable(s: &str) -> String {
    s.chars().map(|c| if c.is_control() && c != '\n' { '\u{fffd}' } else { c }).collect()
}

fn band(c: &FigureCheck) -> String {
    let lo = c.low.map_or("-".to_string(), |v| number(v, &c.unit));
    let hi = c.high.map_or("no upper bound".to_string(), |v| number(v, &c.unit));
    format!("{lo} to {hi}\n({})", c.band)
}

/// Renders a [`CheckReport`] as text: header, literal readings, feasible region, figure checks, verdict, notes.
///
/// Output: a multi-line string ending in a newline. Distances in km, angles in degrees.
///
/// # Example
/// ```
/// use groundtrack::places::Gazetteer;
/// use groundtrack::report::{CheckOptions, ReportFile, check_report};
/// let file = ReportFile::load("data/scenarios/2017-08-29-hwasong-12.toml".as_ref()).unwrap();
/// let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
/// let text = groundtrack::output::check_text::render(&report);
/// assert!(text.contains("Verdict: CONSISTENT"));
/// ```
pub fn render(r: &CheckReport) -> String {
    let mut s = String::new();
    s.push_str(&format!("{}\n{}\n", printable(&r.name), "=".repeat(r.name.chars().count())));
    for src in &r.sources {
        s.push_str(&format!("source: {}\n", printable(src)));
    }
    s.push_str(&format!("\nLaunch:  {} ({})\n", r.launch.name, lat_lon(r.launch.lat, r.launch.lon)));
    s.push_str(&format!("Impact:  \"{}\"", printable(&r.impact_text)));
    if let Some(a) = &r.impact_anchor {
        s.push_str(&format!(" (reference place {} at {})", a.name, lat_lon(a.lat, a.lon)));
    }
    s.push('\n');
    for o in &r.overflight_places {
        match o.outline_vertices {
            Some(n) => s.push_str(&format!(
                "Over:    {} (outline: Natural Earth 1:50m, {n} vertices), counts as over when the track crosses \
                 the outline or passes within {:.0} km of it\n",
                o.name, o.radius_km
            )),
            None => s.push_str(&format!(
                "Over:    {} ({}), counts as over within {:.0} km ({} radius)\n",
                o.name,
                lat_lon(o.lat, o.lon),
                o.radius_km,
                o.radius_source
            )),
        }
    }

    if let Some(c) = &r.clock {
        s.push_str(&clock_section(c));
    }

    if !r.readings.is_empty() {
        s.push_str(
            "\nLiteral readings of the impact phrase (closest approach of the launch-to-impact geodesic;\n",
        );
        s.push_str("cross-track positive when the place is left of the track)\n");
        let mut t = table();
        let mut header = vec!["reading".to_string(), "impact".into(), "range".into()];
        header.extend(r.overflight_places.iter().map(|o| o.name.clone()));
        t.set_header(header);
        for rd in &r.readings {
            let kind = match rd.kind {
                ReadingKind::Geodesic => "geodesic at the stated bearing",
                ReadingKind::Rhumb => "rhumb line at the stated bearing",
            };
            let mut row = vec![kind.to_string(), lat_lon(rd.lat, rd.lon), number(rd.range_km, "km")];
            for o in &rd.overflights {
                let position = match o.nearest.as_str() {
                    "crosses" => match o.over_along_km {
                        Some([entry, exit]) => format!("crosses it, {entry:.1} to {exit:.1} km along"),
                        None => format!("crosses it at {:.1} km along", o.along_track_km),
                    },
                    "track" => format!("{:+.1} km cross, {:.1} km along", o.cross_track_km, o.along_track_km),
                    end => format!("{:.1} km from the {end} end", o.distance_km),
                };
                row.push(format!("{position}\n{}", if o.over { "over" } else { "NOT over" }));
            }
            t.add_row(row);
        }
        s.push_str(&format!("{t}\n"));
    }

    let g = &r.region;
    s.push_str("\nFeasible impact region (every stated constraint at once)\n");
    if g.feasible {
        s.push_str(&format!("  feasible, area {} km^2", grouped(g.area_km2, 0)));
        if let Some(b) = g.bounds {
            s.push_str(&format!(
                ", latitude {:.3} to {:.3}, longitude {:.3} to {:.3}",
                b[0], b[2], b[1], b[3]
            ));
        }
        s.push('\n');
        if let Some([lo, hi]) = g.range_band_km {
            s.push_str(&format!(
                "  range from launch over the region: {} to {}\n",
                number(lo, "km"),
                number(hi, "km")
            ));
        }
        s.push_str(&format!(
            "  best estimate: {}, range {}\n  rule: {}\n",
            lat_lon(g.best.lat, g.best.lon),
            number(g.best.range_km, "km"),
            g.best.rule
        ));
    } else {
        s.push_str(&format!(
            "  INFEASIBLE: no point satisfies every stated constraint.\n  closest compromise: {}, range {}\n  rule: {}\n",
            lat_lon(g.best.lat, g.best.lon),
            number(g.best.range_km, "km"),
            g.best.rule
        ));
    }

    if let Some(t) = &r.trajectory {
        s.push_str(&format!(
            "\nBallistic arc over {} ({})\n  {}\n  burnout speed {:.3} km/s, flight-path angle {:.2} deg, apogee {:.1} km \
             ({}; minimum-energy apogee {:.1} km at {:.2} deg), free-flight time {:.1} min\n",
            number(t.range_km, "km"),
            t.constraint,
            t.model,
            t.burnout_speed_mps / 1e3,
            t.flight_path_angle_deg,
            t.apogee_km,
            t.kind.replace('_', " "),
            t.min_energy_apogee_km,
            t.min_energy_flight_path_angle_deg,
            t.flight_time_s / 60.0
        ));
        if let Some(e) = t.equivalent_range_km {
            s.push_str(&format!(
                "  equivalent minimum-energy range for this burnout speed: {}\n",
                number(e, "km")
            ));
        }
        for o in &t.overflight_times {
            let at = if o.over {
                format!("over {}", o.name)
            } else {
                format!("nearest {} (the track does not pass over it)", o.name)
            };
            s.push_str(&format!(
                "  {at}: {:.1} min after burnout, {:.1} min before impact{}\n",
                o.after_burnout_s / 60.0,
                o.before_impact_s / 60.0,
                o.clock.as_ref().map_or(String::new(), |c| format!(", clock {c}"))
            ));
        }
    }

    if !r.land.is_empty() {
        s.push_str("\nOver land along the best-estimate track (Natural Earth 1:50m; times after burnout on the arc)\n");
        let mut t = table();
        t.set_header(vec!["country", "entry", "exit", "along track", "time"]);
        for l in &r.land {
            let time = match (l.entry_time_s, l.exit_time_s) {
                (Some(a), Some(b)) => format!("{:.1} to {:.1} min", a / 60.0, b / 60.0),
                _ => "-".to_string(),
            };
            t.add_row(vec![
                l.country.clone(),
                if l.starts_on_land { "launch".to_string() } else { lat_lon(l.entry.y(), l.entry.x()) },
                if l.ends_on_land { "impact".to_string() } else { lat_lon(l.exit.y(), l.exit.x()) },
                format!("{} to {}", number(l.entry_along_m / 1e3, "km"), number(l.exit_along_m / 1e3, "km")),
                time,
            ]);
        }
        s.push_str(&format!("{t}\n"));
    }

    s.push_str("\nFigure by figure (computed at the best estimate)\n");
    let mut t = table();
    t.set_header(vec!["figure", "stated", "band used", "computed", "verdict"]);
    for c in &r.checks {
        let computed = c.computed.map_or("-".to_string(), |v| number(v, &c.unit));
        let verdict = match (c.verdict, c.miss) {
            (Verdict::Inconsistent, Some(m)) => format!("INCONSISTENT\nmisses by {}", miss_text(m, &c.unit)),
            (Verdict::Inconsistent, None) => "INCONSISTENT".to_string(),
            (v, _) => v.as_str().to_string(),
        };
        t.add_row(vec![printable(&c.figure), printable(&c.stated), band(c), computed, verdict]);
    }
    s.push_str(&format!("{t}\n"));
    for c in r.checks.iter().filter(|c| c.note.is_some()) {
        s.push_str(&format!("  {}: {}\n", c.figure, c.note.as_deref().unwrap_or_default()));
    }
    s.push_str(&format!(
        "\nVerdict: {}\n",
        match r.verdict {
            Verdict::Consistent => "CONSISTENT: every checked figure fits the geometry within its band",
            _ => "INCONSISTENT: at least one figure does not fit (see the misses above)",
        }
    ));
    if !r.notes.is_empty() {
        s.push_str("\nNotes\n");
        for n in &r.notes {
            s.push_str(&format!("- {}\n", printable(n)));
        }
    }
    s
}

/// The clock times at both ends: UTC, the local time and zone of each end, the time as stated, both local dates
/// when they differ or the track crosses the 180th meridian, and the notes on the date line.
fn clock_section(c: &ClockSummary) -> String {
    let mut s = String::from("\nClock times (UTC, and the local time at each end)\n");
    let mut t = table();
    t.set_header(vec!["end", "UTC", "local time at the end", "zone of the end", "as stated"]);
    for (end, e) in [("launch", &c.launch), ("impact", &c.impact)] {
        let Some(e) = e else { continue };
        let abbreviation = if e.abbreviation.is_empty() || e.abbreviation.starts_with(['+', '-']) {
            String::new()
        } else {
            format!("{}, ", e.abbreviation)
        };
        let stated = match (&e.stated, &e.stated_clock, &e.estimated) {
            (Some(text), Some(clock), _) => format!("\"{}\"\nread in {clock}", printable(text)),
            (_, _, Some(how)) => format!("estimated:\n{how}"),
            _ => "-".to_string(),
        };
        t.add_row(vec![
            format!("{end}\n{}", printable(&e.place)),
            e.utc.clone(),
            e.local.clone(),
            format!("{}\n({abbreviation}UTC{}; {})", e.zone, e.utc_offset, e.zone_source.as_str()),
            stated,
        ]);
    }
    s.push_str(&format!("{t}\n"));
    if let (Some(a), Some(b)) = (&c.launch, &c.impact)
        && (c.local_dates_differ || c.crosses_antimeridian)
    {
        s.push_str(&format!(
            "  local dates: launch {} ({}), impact {} ({}){}\n",
            a.local_date,
            a.zone,
            b.local_date,
            b.zone,
            if c.local_dates_differ { ": they differ" } else { ": the same" }
        ));
    }
    for n in &c.date_line_notes {
        s.push_str(&format!("  note: {n}\n"));
    }
    s
}

/// Renders the one-line-per-report summary of several checks as a table.
///
/// # Example
/// ```
/// use groundtrack::report::SummaryRow;
/// let row = SummaryRow {
///     file: "r.toml".into(), name: "a report".into(), verdict: "inconsistent".into(),
///     failing: vec!["range (misses by 958.8 km)".into()], hypotheses: vec![], error: None,
/// };
/// let text = groundtrack::output::check_text::render_summary(&[row]);
/// assert!(text.contains("range (misses by 958.8 km)"));
/// ```
pub fn render_summary(rows: &[SummaryRow]) -> String {
    let mut t = table();
    t.set_header(vec!["report", "verdict", "figures that fail", "hypotheses that fit"]);
    for r in rows {
        let name =
            if r.name.is_empty() { r.file.clone() } else { format!("{}\n{}", printable(&r.name), r.file) };
        let failing = match &r.error {
            Some(e) => printable(e),
            None => r.failing.join("\n"),
        };
        t.add_row(vec![name, r.verdict.to_uppercase(), failing, printable(&r.hypotheses.join("\n"))]);
    }
    let count = |v: &str| rows.iter().filter(|r| r.verdict == v).count();
    format!(
        "{t}\n{} report(s): {} consistent, {} inconsistent, {} not read (bad input)\n",
        rows.len(),
        count("consistent"),
        count("inconsistent"),
        count("error")
    )
}
