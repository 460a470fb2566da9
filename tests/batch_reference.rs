//! `groundtrack batch` end to end against independent values: Karney's GeodTest (published geodesics, every 50th
//! line, Zenodo 10.5281/zenodo.32156), hard inverse cases and 2,000 + 2,000 rhumb-line problems solved by
//! GeographicLib 2.1.2's `GeodSolve -i -p 12` and `RhumbSolve -p 12` (tests/data/PROVENANCE.md).
//!
//! The binary prints with `--precision 10` (s12 to 1e-10 m, angles to 1e-15 degree), well below the tolerances.

mod common;

use assert_cmd::Command;
use common::{angle_diff, data_lines, geodtest_rows, numbers, position_error_m};

/// Tolerance for WGS84 geodesics (Karney 2013: errors below 15 nm) plus the printed rounding.
const GEODESIC_TOL_M: f64 = 15e-9 + 1e-10;
/// Tolerance for rhumb lines against RhumbSolve (its own error is about 10 nm, `man RhumbSolve`).
const RHUMB_TOL_M: f64 = 20e-9 + 1e-10;
/// Tolerance for azimuths, degrees.
const AZI_TOL_DEG: f64 = 1e-9;

/// An azimuth within 1e-9 degree, or whose error moves the far end by at most 15 nm (`scale_m` turns radians into
/// metres: the reduced length m12 for the inverse problem; see tests/geodesy_reference.rs for the reasoning).
fn azimuth_ok(got: f64, want: f64, scale_m: f64) -> bool {
    let d = angle_diff(got, want).abs();
    d <= AZI_TOL_DEG || d.to_radians() * scale_m.abs() <= 15e-9
}

/// Runs `groundtrack batch KIND --precision 10` on `input` and returns the exit code and the output lines.
fn run(kind: &str, input: String) -> (i32, Vec<String>) {
    let out = Command::cargo_bin("groundtrack")
        .unwrap()
        .args(["batch", kind, "--precision", "10"])
        .write_stdin(input)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    (out.status.code().unwrap_or(-1), text.lines().map(str::to_owned).collect())
}

#[test]
fn geodtest_inverse() {
    // GeodTest columns: lat1 lon1 azi1 lat2 lon2 azi2 s12 a12 m12 S12, written with their full digits.
    let text = common::geodtest_text();
    let input: String = text
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            format!("{} {} {} {}\n", f[0], f[1], f[3], f[4])
        })
        .collect();
    let (code, out) = run("inverse", input);
    assert_eq!(code, 0);
    let rows = geodtest_rows();
    assert_eq!(out.len(), rows.len());
    for (line, r) in out.iter().zip(&rows) {
        let v = numbers(line);
        let (azi1, azi2, s12, m12) = (r[2], r[5], r[6], r[8]);
        assert!((v[2] - s12).abs() <= GEODESIC_TOL_M, "s12 {line} vs {r:?}");
        assert!(azimuth_ok(v[0], azi1, m12), "azi1 {line} vs {r:?}");
        assert!(azimuth_ok(v[1], azi2, m12), "azi2 {line} vs {r:?}");
    }
}

#[test]
fn geodtest_direct() {
    let rows = geodtest_rows();
    let input: String =
        rows.iter().map(|r| format!("{:?} {:?} {:?} {:?}\n", r[0], r[1], r[2], r[6])).collect();
    let (code, out) = run("direct", input);
    assert_eq!(code, 0);
    assert_eq!(out.len(), rows.len());
    for (line, r) in out.iter().zip(&rows) {
        let v = numbers(line);
        let err = position_error_m(v[0], v[1], r[3], r[4]);
        assert!(err <= GEODESIC_TOL_M, "position off by {err:e} m: {line} vs {r:?}");
        let scale = 6_378_137.0 * r[3].to_radians().cos();
        assert!(azimuth_ok(v[2], r[5], scale), "azi2 {line} vs {r:?}");
    }
}

#[test]
fn hard_inverse_cases() {
    let lines = data_lines("geodesic-edge-inverse.txt");
    let input: String = lines
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            format!("{} {} {} {}\n", f[0], f[1], f[2], f[3])
        })
        .collect();
    let (code, out) = run("inverse", input);
    assert_eq!(code, 0);
    for (got, line) in out.iter().zip(&lines) {
        let (g, w) = (numbers(got), numbers(line));
        assert!((g[2] - w[6]).abs() <= GEODESIC_TOL_M, "s12: {got} vs {line}");
        assert!(angle_diff(g[0], w[4]).abs() <= AZI_TOL_DEG, "azi1: {got} vs {line}");
        assert!(angle_diff(g[1], w[5]).abs() <= AZI_TOL_DEG, "azi2: {got} vs {line}");
    }
}

#[test]
fn rhumb_inverse_rows() {
    let lines = data_lines("rhumb-inverse.txt");
    let input: String = lines
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            format!("{} {} {} {}\n", f[0], f[1], f[2], f[3])
        })
        .collect();
    let (code, out) = run("rhumb-inverse", input);
    assert_eq!(code, 0);
    assert_eq!(out.len(), 2_000);
    for (got, line) in out.iter().zip(&lines) {
        let (g, w) = (numbers(got), numbers(line));
        assert_eq!(g.len(), 2, "azi12 s12: {got}");
        assert!(angle_diff(g[0], w[4]).abs() <= AZI_TOL_DEG, "azi12: {got} vs {line}");
        assert!((g[1] - w[5]).abs() <= RHUMB_TOL_M, "s12: {got} vs {line}");
    }
}

#[test]
fn rhumb_direct_rows_and_pole_crossings() {
    let lines = data_lines("rhumb-direct.txt");
    let input: String = lines
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            format!("{} {} {} {}\n", f[0], f[1], f[2], f[3])
        })
        .collect();
    let (code, out) = run("rhumb-direct", input);
    // RhumbSolve prints nan for the 57 lines over a pole; groundtrack reports them as bad lines: exit 1.
    assert_eq!(code, 1);
    assert_eq!(out.len(), 2_000);
    let mut poles = 0;
    for (got, line) in out.iter().zip(&lines) {
        let w = numbers(line);
        if w[5].is_nan() {
            assert_eq!(got, "nan nan", "{line}");
            poles += 1;
            continue;
        }
        let g = numbers(got);
        let err = position_error_m(g[0], g[1], w[4], w[5]);
        assert!(err <= RHUMB_TOL_M, "position off by {err:e} m: {got} vs {line}");
    }
    assert_eq!(poles, 57);
}
