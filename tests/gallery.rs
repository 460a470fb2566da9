//! The gallery of real reports in data/scenarios/: every file loads and checks without a bad-input error, the
//! gallery has the breadth the README claims, and every value written for a key the schema does not have yet
//! (`# issue-8: key = "value"` comment lines) reads with the parser meant for it.
//!
//! Inconsistent verdicts are expected: the gallery shows real reports as worded.

use std::collections::BTreeSet;
use std::path::PathBuf;

use geo_types::Point;
use groundtrack::geodesy::{EarthModel, Ellipsoid};
use groundtrack::parse::{Dimension, Unit, parse_figure, parse_figure_with_conversion};
use groundtrack::places::Gazetteer;
use groundtrack::report::{CheckOptions, CheckReport, ReportFile, Verdict, check_report};

fn scenario_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn checked() -> Vec<(PathBuf, ReportFile, CheckReport)> {
    scenario_files()
        .into_iter()
        .map(|path| {
            let file = ReportFile::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, file, report)
        })
        .collect()
}

/// Largest latitude along the geodesic from `a` to `b`, sampled every 10 km.
fn max_latitude(a: Point<f64>, b: Point<f64>) -> f64 {
    let e = Ellipsoid::wgs84();
    let inv = e.inverse(a, b).unwrap();
    let n = (inv.distance_m / 10_000.0).ceil() as usize;
    (0..=n)
        .map(|k| e.direct(a, inv.azimuth1_deg, inv.distance_m * k as f64 / n as f64).unwrap().point.y())
        .fold(f64::NEG_INFINITY, f64::max)
}

/// Whether the geodesic from `a` to `b` crosses the equator and the antimeridian, sampled every 10 km.
fn crossings(a: Point<f64>, b: Point<f64>) -> (bool, bool) {
    let e = Ellipsoid::wgs84();
    let inv = e.inverse(a, b).unwrap();
    let n = (inv.distance_m / 10_000.0).ceil() as usize;
    let pts: Vec<Point<f64>> = (0..=n)
        .map(|k| e.direct(a, inv.azimuth1_deg, inv.distance_m * k as f64 / n as f64).unwrap().point)
        .collect();
    let equator = pts.windows(2).any(|w| w[0].y().signum() != w[1].y().signum());
    let antimeridian = pts.windows(2).any(|w| (w[1].x() - w[0].x()).abs() > 180.0);
    (equator, antimeridian)
}

#[test]
fn every_scenario_loads_and_checks_and_the_gallery_has_its_breadth() {
    let all = checked();
    assert!(all.len() >= 12, "{} scenario files", all.len());
    let gazetteer = Gazetteer::embedded();

    // At least five launching countries.
    let countries: BTreeSet<String> =
        all.iter().map(|(_, f, _)| gazetteer.lookup(f.launch.get_ref()).unwrap().country.clone()).collect();
    assert!(countries.len() >= 5, "{countries:?}");

    let launch_of = |r: &CheckReport| Point::new(r.launch.lon, r.launch.lat);
    let impact_of = |r: &CheckReport| Point::new(r.region.best.lon, r.region.best.lat);

    // A track across the antimeridian and one across the equator.
    let cross: Vec<(bool, bool)> =
        all.iter().map(|(_, _, r)| crossings(launch_of(r), impact_of(r))).collect();
    assert!(cross.iter().any(|c| c.0), "no track crosses the equator");
    assert!(cross.iter().any(|c| c.1), "no track crosses the antimeridian");

    // A track above 70 deg of latitude: Plesetsk to Kura.
    // `seq 0 1000 5750515 | GeodSolve -L 62.92556 40.57778 36.10135573 -p 1` -> largest latitude 74.451263 deg.
    // Sampling every 10 km instead can fall short of the vertex by at most (5 km / 6371 km)^2 / 2 rad = 2e-5 deg.
    let (_, _, sarmat) = all.iter().find(|(p, _, _)| p.to_string_lossy().contains("sarmat")).unwrap();
    let top = max_latitude(launch_of(sarmat), impact_of(sarmat));
    assert!((top - 74.451263).abs() < 3e-5, "{top}");
    assert!(all.iter().any(|(_, _, r)| max_latitude(launch_of(r), impact_of(r)) > 70.0));

    // A range over 9,000 km.
    assert!(all.iter().any(|(_, _, r)| r.region.best.range_km > 9_000.0));

    // A lofted test: a stated apogee of 4,000 km or more over a stated range of about 1,000 km.
    assert!(all.iter().any(|(_, f, _)| {
        let apogee =
            f.stated.apogee.as_ref().and_then(|a| parse_figure(a.get_ref(), Dimension::Distance, 1.0).ok());
        let range =
            f.stated.range.as_ref().and_then(|a| parse_figure(a.get_ref(), Dimension::Distance, 1.0).ok());
        matches!((apogee, range), (Some(a), Some(r)) if a.nominal >= 4.0e6 && r.nominal <= 1.1e6)
    }));

    // A stated range in miles.
    assert!(all.iter().any(|(_, f, _)| {
        f.stated.range.as_ref().is_some_and(|r| {
            parse_figure_with_conversion(r.get_ref(), Dimension::Distance, 1.0)
                .is_ok_and(|(x, _)| x.unit == Unit::StatuteMile)
        })
    }));

    // An impact given as a navigation-warning area.
    assert!(
        all.iter()
            .any(|(_, f, r)| f.impact_area.is_some() && r.checks.iter().any(|c| c.figure == "impact area"))
    );

    // Every report names its sources.
    for (path, f, _) in &all {
        assert!(!f.sources.is_empty(), "{}", path.display());
    }
}

#[test]
fn a_range_in_miles_gets_its_conversion_checked_and_the_nautical_mile_hypothesis() {
    let path = std::path::Path::new("data/scenarios/2011-06-22-minuteman-iii.toml");
    let file = ReportFile::load(path).unwrap();
    let r = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
    let range = r.checks.iter().find(|c| c.figure == "range").unwrap();
    // "4,200 miles": 4,200 x 1,609.344 m = 6,759.2 km (statute, by definition) does not reach Kwajalein; 4,200 x
    // 1,852 m = 7,778.4 km (nautical) lies 0.3% from the geodesic distance.
    assert_eq!(range.verdict, Verdict::Inconsistent);
    let h = range.hypotheses.first().expect("a hypothesis that fits");
    assert!((h.value - 7_778.4).abs() < 1e-9, "{}", h.text);
    assert!(h.text.contains("nautical"), "{}", h.text);
    let conv =
        r.checks.iter().find(|c| c.conversion.is_some()).expect("the report's own conversion is checked");
    // 6,750 km for 4,200 statute miles (6,759.2 km) is right to the rounding of "6,750"; with nautical miles it
    // would be 7,778.4 km.
    assert!(conv.conversion.as_ref().unwrap().correct_as_labelled);
}

/// The README shows the gallery's summary as a table: every row must be what `--summary` says today, so that
/// the README never teaches from stale output.
#[test]
fn the_readme_table_is_the_summary() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let mut n = 0;
    for (path, _, report) in checked() {
        let row = groundtrack::report::summary_row(&path, &Ok(report));
        let line = format!(
            "| {} | {} | {} | {} |",
            row.name,
            row.verdict,
            row.failing.join("; "),
            row.hypotheses.join("; ")
        );
        assert!(readme.lines().any(|l| l.trim_end() == line.trim_end()), "README lacks the row\n{line}");
        n += 1;
    }
    assert!(n >= 12);
}
