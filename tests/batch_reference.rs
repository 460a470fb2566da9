//! `groundtrack batch` end to end against independent values: Karney's GeodTest (published geodesics, every 50th
//! line, Zenodo 10.5281/zenodo.32156), hard inverse cases and 2,000 + 2,000 rhumb-line problems solved by
//! GeographicLib 2.1.2's `GeodSolve -i -p 12` and `RhumbSolve -p 12` (tests/data/PROVENANCE.md).
//!
//! The binary prints with `--precision 10` (s12 to 1e-10 m, angles to 1e-15 degree), well below the tolerances.

mod common;

use assert_cmd::Command;
use common::{AZI_TOL_DEG, angle_diff, azimuth_ok, data_lines, geodtest_rows, numbers, position_error_m};

/// Tolerance for WGS84 geodesics (Karney 2013: errors below 15 nm) plus the printed rounding.
const GEODESIC_TOL_M: f64 = 15e-9 + 1e-10;
/// Tolerance for rhumb lines against RhumbSolve (its own error is about 10 nm, `man RhumbSolve`).
const RHUMB_TOL_M: f64 = 20e-9 + 1e-10;

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

/// The batch input made of the whitespace-separated fields `columns` of each of `lines`, in that order.
fn input_of<'a>(lines: impl IntoIterator<Item = &'a str>, columns: [usize; 4]) -> String {
    lines
        .into_iter()
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            format!("{} {} {} {}\n", f[columns[0]], f[columns[1]], f[columns[2]], f[columns[3]])
        })
        .collect()
}

/// Runs `groundtrack batch KIND` on the first four columns of tests/data/NAME; returns the exit code, the output
/// lines and the file's data lines.
fn run_on_file(kind: &str, name: &str) -> (i32, Vec<String>, Vec<String>) {
    let lines = data_lines(name);
    let (code, out) = run(kind, input_of(lines.iter().map(String::as_str), [0, 1, 2, 3]));
    (code, out, lines)
}

#[test]
fn geodtest_inverse() {
    // GeodTest columns: lat1 lon1 azi1 lat2 lon2 azi2 s12 a12 m12 S12, written with their full digits.
    let (code, out) = run("inverse", input_of(common::geodtest_text().lines(), [0, 1, 3, 4]));
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
    let (code, out, lines) = run_on_file("inverse", "geodesic-edge-inverse.txt");
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
    let (code, out, lines) = run_on_file("rhumb-inverse", "rhumb-inverse.txt");
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
    let (code, out, lines) = run_on_file("rhumb-direct", "rhumb-direct.txt");
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
