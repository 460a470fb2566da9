//! Helpers shared by the reference tests: reading the test data (tests/data, provenance in PROVENANCE.md) and
//! comparing positions and azimuths with the tolerances of Karney 2013 (J. Geodesy 87:43-55).
#![allow(dead_code)]

use std::io::Read;

pub mod external_geojson;

/// Largest radius of curvature of WGS84 (a^2 / b, at the poles), metres: converting an angle difference to
/// metres with it over-estimates the distance, so the tolerances below are conservative.
pub const R_MAX: f64 = 6_399_593.626;
/// Tolerance for WGS84 geodesics (Karney 2013: errors below 15 nm).
pub const GEODESIC_TOL_M: f64 = 15e-9;
/// Tolerance for azimuths, degrees.
pub const AZI_TOL_DEG: f64 = 1e-9;

/// a - b for angles in degrees, reduced to [-180, 180] (compares azimuths and longitudes modulo 360).
pub fn angle_diff(a: f64, b: f64) -> f64 {
    let d = (a - b) % 360.0;
    if d > 180.0 {
        d - 360.0
    } else if d < -180.0 {
        d + 360.0
    } else {
        d
    }
}

/// Distance in metres between two nearby positions (degrees), over-estimated with the largest radius of
/// curvature; longitudes compared modulo 360.
pub fn position_error_m(lat: f64, lon: f64, lat_ref: f64, lon_ref: f64) -> f64 {
    let dlat = (lat - lat_ref).to_radians() * R_MAX;
    let dlon = angle_diff(lon, lon_ref).to_radians() * R_MAX * lat_ref.to_radians().cos();
    dlat.hypot(dlon)
}

pub fn numbers(line: &str) -> Vec<f64> {
    line.split_whitespace().map(|x| x.parse::<f64>().unwrap_or_else(|_| panic!("bad number {x:?}"))).collect()
}

/// The non-comment lines of a test data file.
pub fn data_lines(name: &str) -> Vec<String> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(str::to_owned).collect()
}

/// An azimuth error is acceptable if it is within 1e-9 degrees, or if the displacement it stands for is
/// within 15 nm: `scale_m` is the length that turns an azimuth error (radians) into a position error. This
/// matters in two kinds of case, where 1e-9 degrees asks for more than the problem's condition allows:
/// - inverse problem: rotating a geodesic at one end by d moves the other end by m12 d (m12 = reduced
///   length, GeodTest column 9). On short lines the end points, read from 18-digit decimals into doubles,
///   are themselves uncertain by ~1 nm, which is 4e-9 degrees of azimuth on a 14 m line. Where m12 = 0 (the
///   end points are conjugate, for example lat2 = -lat1 at a12 = 180 degrees) the azimuth is not unique at
///   all and any azimuth passes: this is the "azimuth undefined" case.
///   The second test is looser than 1e-9 degrees only where |m12| < 860 m; for a typical line (m12 of
///   thousands of km) it is far stricter. In GeodTest-short 1,530 values of azi1 differ by more than 1e-9
///   degrees, all on such lines (the file's short and nearly antipodal ones).
/// - direct problem near a pole: the meridian there turns by delta / (a cos(lat2)) when the point moves by
///   delta, so a 3 nm position error at 70 m from the pole is 2e-9 degrees of azi2.
pub fn azimuth_ok(got: f64, want: f64, scale_m: f64) -> bool {
    let d = angle_diff(got, want).abs();
    d <= AZI_TOL_DEG || d.to_radians() * scale_m.abs() <= GEODESIC_TOL_M
}

/// The text of GeodTest-short (gzip in tests/data), its digits as published.
pub fn geodtest_text() -> String {
    let path = format!("{}/tests/data/GeodTest-short.dat.gz", env!("CARGO_MANIFEST_DIR"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut text).expect("GeodTest-short.dat.gz is gzip text");
    text
}

/// The rows of GeodTest-short. Columns: lat1 lon1 azi1 lat2 lon2 azi2 s12 a12 m12 S12.
pub fn geodtest_rows() -> Vec<Vec<f64>> {
    let rows: Vec<Vec<f64>> = geodtest_text().lines().map(numbers).collect();
    assert_eq!(rows.len(), 10_000, "GeodTest-short has 10,000 geodesics");
    rows
}

/// Whether a command runs and exits 0 (used to see whether an external tool is installed).
pub fn runs(program: &str, args: &[&str]) -> bool {
    std::process::Command::new(program).args(args).output().map(|o| o.status.success()).unwrap_or(false)
}

/// Reports a missing external tool: a failure under CI (the tool must be installed there), else a clearly
/// printed skip, written to stderr directly so the test harness does not swallow it.
pub fn skip_or_fail(test: &str, why: &str) {
    use std::io::Write;
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!("{test}: {why}; CI is set, so this tool must be installed");
    }
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}
