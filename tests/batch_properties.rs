//! Properties of batch mode: its output is the library's result printed by the standard formatter (so the fast
//! number reader and writer change nothing), the fast and full line parsers read the same numbers alike, and the
//! batch and single commands agree line for line.

use assert_cmd::Command;
use geo_types::Point;
use groundtrack::batch::{BatchKind, BatchOptions, ParsedLine, Problem, parse_line, run_batch};
use groundtrack::geodesy::{EarthModel, Ellipsoid, Rhumb};
use groundtrack::parse::Unit;
use proptest::prelude::*;

fn lat() -> impl Strategy<Value = f64> {
    -90.0..=90.0f64
}

fn lon() -> impl Strategy<Value = f64> {
    -180.0..180.0f64
}

/// Runs the library's batch engine on one text.
fn batch_text(input: &str, options: &BatchOptions) -> String {
    let mut out = Vec::new();
    run_batch(input.as_bytes(), &mut out, std::io::sink(), options, None).unwrap();
    String::from_utf8(out).unwrap()
}

fn hemi(v: f64, pos: char, neg: char) -> String {
    format!("{}{}", v.abs(), if v.is_sign_negative() { neg } else { pos })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Batch output equals `format!` of the library's solution at the printed precision.
    #[test]
    fn batch_inverse_is_the_library_result(
        rows in proptest::collection::vec((lat(), lon(), lat(), lon()), 1..40),
        precision in 0usize..=10,
    ) {
        let input: String = rows.iter().map(|(a, b, c, d)| format!("{a} {b} {c} {d}\n")).collect();
        let options = BatchOptions { precision, ..BatchOptions::default() };
        let got = batch_text(&input, &options);
        let e = Ellipsoid::wgs84();
        let d = precision + 5;
        let want: String = rows
            .iter()
            .map(|&(a, b, c, dd)| {
                let s = e.inverse(Point::new(b, a), Point::new(dd, c)).unwrap();
                format!("{:.d$} {:.d$} {:.precision$}\n", s.azimuth1_deg, s.azimuth2_deg, s.distance_m)
            })
            .collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn batch_direct_is_the_library_result(
        rows in proptest::collection::vec((lat(), lon(), -180.0..180.0f64, -2.0e7..2.0e7f64), 1..40),
        precision in 0usize..=10,
    ) {
        let input: String = rows.iter().map(|(a, b, c, d)| format!("{a} {b} {c} {d}\n")).collect();
        let got = batch_text(&input, &BatchOptions { kind: BatchKind::Direct, precision, ..BatchOptions::default() });
        let e = Ellipsoid::wgs84();
        let d = precision + 5;
        let want: String = rows
            .iter()
            .map(|&(a, b, c, s)| {
                let r = e.direct(Point::new(b, a), c, s).unwrap();
                format!("{:.d$} {:.d$} {:.d$}\n", r.point.y(), r.point.x(), r.azimuth2_deg)
            })
            .collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn batch_rhumb_inverse_is_the_library_result(
        rows in proptest::collection::vec((lat(), lon(), lat(), lon()), 1..40),
        precision in 0usize..=10,
    ) {
        let input: String = rows.iter().map(|(a, b, c, d)| format!("{a} {b} {c} {d}\n")).collect();
        let options = BatchOptions { kind: BatchKind::RhumbInverse, precision, ..BatchOptions::default() };
        let got = batch_text(&input, &options);
        let rh = Rhumb::wgs84();
        let d = precision + 5;
        let want: String = rows
            .iter()
            .map(|&(a, b, c, dd)| match rh.inverse(Point::new(b, a), Point::new(dd, c)) {
                Ok(s) => format!("{:.d$} {:.precision$}\n", s.azimuth1_deg, s.distance_m),
                Err(_) => "nan nan\n".to_string(),
            })
            .collect();
        prop_assert_eq!(got, want);
    }

    /// The fast path (plain numbers) and the full parsers (hemisphere letters) read the same problem.
    #[test]
    fn fast_and_full_parsers_agree(a in lat(), b in lon(), c in lat(), d in lon()) {
        let plain = format!("{a} {b} {c} {d}");
        let letters = format!("{} {}, {} {}", hemi(a, 'N', 'S'), hemi(b, 'E', 'W'), hemi(c, 'N', 'S'), hemi(d, 'E', 'W'));
        let p = parse_line(plain.as_bytes(), BatchKind::Inverse, Unit::Metre).unwrap();
        let q = parse_line(letters.as_bytes(), BatchKind::Inverse, Unit::Metre).unwrap();
        let want = Problem::Inverse { from: Point::new(b, a), to: Point::new(d, c) };
        // -0 with a letter reads as +0: compare numerically.
        let same = |x: &ParsedLine<'_>| match x {
            ParsedLine::Problem { problem: Problem::Inverse { from, to }, .. } => {
                let Problem::Inverse { from: f, to: t } = want else { unreachable!() };
                from.x() == f.x() && from.y() == f.y() && to.x() == t.x() && to.y() == t.y()
            }
            _ => false,
        };
        prop_assert!(same(&p), "{:?}", p);
        prop_assert!(same(&q), "{:?}", q);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// `groundtrack batch inverse` and `groundtrack inverse --format plain --units m` print the same line, and so
    /// do `batch direct` and `direct`.
    #[test]
    fn batch_and_single_commands_agree(a in lat(), b in lon(), c in lat(), d in lon(), az in 0.0..360.0f64, s in 0.0..2.0e7f64) {
        let line = format!("{a} {b} {c} {d}\n");
        let batch = Command::cargo_bin("groundtrack").unwrap()
            .args(["batch", "inverse"]).write_stdin(line).output().unwrap();
        let single = Command::cargo_bin("groundtrack").unwrap()
            .args(["inverse", &format!("{a} {b}"), &format!("{c} {d}"), "--format", "plain", "--units", "m"])
            .output().unwrap();
        prop_assert!(single.status.success());
        prop_assert_eq!(String::from_utf8_lossy(&batch.stdout), String::from_utf8_lossy(&single.stdout));

        let line = format!("{a} {b} {az} {s}\n");
        let batch = Command::cargo_bin("groundtrack").unwrap()
            .args(["batch", "direct", "--units", "km"]).write_stdin(line).output().unwrap();
        let single = Command::cargo_bin("groundtrack").unwrap()
            .args(["direct", &format!("{a} {b}"), &format!("{az}"), &format!("{s}"), "--format", "plain"])
            .output().unwrap();
        prop_assert!(single.status.success());
        prop_assert_eq!(String::from_utf8_lossy(&batch.stdout), String::from_utf8_lossy(&single.stdout));
    }
}
