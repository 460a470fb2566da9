//! One input line of a batch: blank, comment, or a problem; read by a fast path for plain decimal numbers and,
//! failing that, by the full parsers.

use geo_types::Point;

use super::fields::{FastFields, fast_fields, fast_number, read_azimuth, read_distance};
use super::model::BatchKind;
use crate::geodesy::{GeodesyError, normalize_longitude};
use crate::parse::{ParseError, Unit, parse_coordinate};

/// Most fields a line may have for the slow path's search for the split into values (a coordinate in DMS with
/// separate hemisphere letters, a two-word bearing and a distance with its unit fit well within it).
const MAX_FIELDS: usize = 16;

/// The problem posed by one line, in the crate's units (degrees, metres).
///
/// # Example
/// ```
/// use groundtrack::batch::{BatchKind, ParsedLine, Problem, parse_line};
/// use groundtrack::parse::Unit;
/// let Ok(ParsedLine::Problem { problem, .. }) = parse_line(b"0 0 90 1", BatchKind::Direct, Unit::Kilometre)
/// else { panic!() };
/// assert!(matches!(problem, Problem::Direct { distance_m, .. } if distance_m == 1000.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Problem {
    /// From one point to another (lon, lat degrees).
    Inverse {
        /// First point.
        from: Point<f64>,
        /// Second point.
        to: Point<f64>,
    },
    /// From a point, at an azimuth, for a distance.
    Direct {
        /// Start point.
        from: Point<f64>,
        /// Azimuth at the start, degrees clockwise from north.
        azimuth_deg: f64,
        /// Distance, metres (negative travels backwards).
        distance_m: f64,
    },
}

/// What a line holds.
///
/// # Example
/// ```
/// use groundtrack::batch::{BatchKind, ParsedLine, parse_line};
/// use groundtrack::parse::Unit;
/// assert_eq!(parse_line(b" \t", BatchKind::Inverse, Unit::Metre).unwrap(), ParsedLine::Blank);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum ParsedLine<'a> {
    /// Nothing but whitespace.
    Blank,
    /// A comment: the first non-blank character is `#`.
    Comment,
    /// A problem, with the comment that followed it on the line (from `#` on), if any.
    Problem {
        /// The problem.
        problem: Problem,
        /// `#` and the rest of the line, without a trailing carriage return.
        comment: Option<&'a [u8]>,
    },
}

/// Why a line has no result.
///
/// # Example
/// ```
/// use groundtrack::batch::{BatchKind, LineError, parse_line};
/// use groundtrack::parse::Unit;
/// let e = parse_line(b"1 2 3", BatchKind::Inverse, Unit::Metre).unwrap_err();
/// assert!(matches!(e, LineError::ValueCount { found: 3, .. }));
/// assert_eq!(e.to_string(), "3 value(s) where 4 are expected: lat1 lon1 lat2 lon2");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LineError {
    /// The line is longer than [`super::MAX_LINE_BYTES`].
    #[error("the line is {length} bytes long; lines of at most {max} bytes are read")]
    TooLong {
        /// Length of the line in bytes, without its newline.
        length: u64,
        /// The limit.
        max: usize,
    },
    /// The line is not UTF-8 text.
    #[error("the line is not UTF-8 text (invalid byte at column {column})")]
    NotUtf8 {
        /// 1-based byte column of the first invalid byte.
        column: usize,
    },
    /// Too few or too many values for the kind of problem.
    #[error("{found} value(s) where {expected} are expected: {columns}")]
    ValueCount {
        /// Fields found (separated by spaces, tabs or commas).
        found: usize,
        /// What the kind needs.
        expected: &'static str,
        /// The input columns.
        columns: String,
    },
    /// A value could not be read.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The values can be split into the columns in more than one way that give different problems.
    #[error("ambiguous line: it reads as {0}; put a comma between the values")]
    Ambiguous(String),
    /// The problem has no answer (for example a rhumb line over a pole).
    #[error(transparent)]
    Geodesy(#[from] GeodesyError),
}

/// Reads one line (without its newline) as a problem of `kind`.
///
/// Plain decimal numbers take a fast path (the `fast-float2` parser): four numbers, latitude in [-90, 90],
/// longitude in [-540, 540] (reduced to [-180, 180), as [`parse_coordinate`] does), azimuth and distance any
/// finite value, distance in `default_unit`. Anything else (hemisphere letters, DMS, units, compass bearings,
/// values separated by spaces inside a coordinate) is read by the full parsers: [`parse_coordinate`] for each
/// point, [`read_azimuth`] and [`read_distance`], trying every split of the fields into the columns and
/// accepting the one that reads (or several that read alike). Both paths give the same problem for the same
/// numbers. A `#` starts a comment, to the end of the line.
///
/// # Errors
/// [`LineError`]: not UTF-8, a wrong count of values, a value that does not read (with its column in the
/// line), or an ambiguous split.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::batch::{BatchKind, ParsedLine, Problem, parse_line};
/// use groundtrack::parse::Unit;
/// let fast = parse_line(b"39.2241 125.67 41.9236 143.2494", BatchKind::Inverse, Unit::Metre).unwrap();
/// let slow = parse_line(b"39.2241N 125.67E, 41.9236N 143.2494E # Erimo", BatchKind::Inverse, Unit::Metre)
///     .unwrap();
/// let want = Problem::Inverse { from: Point::new(125.67, 39.2241), to: Point::new(143.2494, 41.9236) };
/// assert_eq!(fast, ParsedLine::Problem { problem: want, comment: None });
/// assert_eq!(slow, ParsedLine::Problem { problem: want, comment: Some(&b"# Erimo"[..]) });
/// let d = parse_line(b"39.2241 125.67 E 1180 km", BatchKind::Direct, Unit::Metre).unwrap();
/// let ParsedLine::Problem { problem: Problem::Direct { azimuth_deg, distance_m, .. }, .. } = d else { panic!() };
/// assert_eq!((azimuth_deg, distance_m), (90.0, 1_180_000.0));
/// assert!(parse_line(b"91 0 0 0", BatchKind::Inverse, Unit::Metre).is_err());
/// assert_eq!(parse_line(b"  # note", BatchKind::Inverse, Unit::Metre).unwrap(), ParsedLine::Comment);
/// ```
pub fn parse_line(line: &[u8], kind: BatchKind, default_unit: Unit) -> Result<ParsedLine<'_>, LineError> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let (data, comment) = match memchr::memchr(b'#', line) {
        Some(i) => (&line[..i], Some(&line[i..])),
        None => (line, None),
    };
    let problem = match fast_fields(data) {
        FastFields::Blank => {
            return Ok(if comment.is_some() { ParsedLine::Comment } else { ParsedLine::Blank });
        }
        FastFields::Four(v) => match fast_problem(v, kind, default_unit) {
            Some(p) => p,
            None => slow_path(data, kind, default_unit)?,
        },
        FastFields::Other => slow_path(data, kind, default_unit)?,
    };
    Ok(ParsedLine::Problem { problem, comment })
}

/// The problem from four plain numbers in range, or `None` to let the slow path read (or reject) the line.
fn fast_problem(v: [f64; 4], kind: BatchKind, unit: Unit) -> Option<Problem> {
    let from = fast_point(v[0], v[1])?;
    Some(if kind.is_inverse() {
        Problem::Inverse { from, to: fast_point(v[2], v[3])? }
    } else {
        Problem::Direct { from, azimuth_deg: v[2], distance_m: unit.to_si(v[3]) }
    })
}

/// A point from plain decimal latitude and longitude, with the ranges and reduction of [`parse_coordinate`].
fn fast_point(lat: f64, lon: f64) -> Option<Point<f64>> {
    if !((-90.0..=90.0).contains(&lat) && (-540.0..=540.0).contains(&lon)) {
        return None;
    }
    // normalize_longitude is the identity on [-180, 180) except at zero (-0 becomes +0); skip its remainder.
    let lon = if lon != 0.0 && (-180.0..180.0).contains(&lon) { lon } else { normalize_longitude(lon) };
    Some(Point::new(lon, lat))
}

/// The text fields of a line: (char offset, text) of each.
fn text_fields(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && super::fields::is_separator(bytes[i]) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !super::fields::is_separator(bytes[i]) {
            i += 1;
        }
        if i > start {
            out.push((start, i));
        }
    }
    out
}

/// A span of fields of the line, as written (with its separators), and its char offset in the line.
struct Part<'a> {
    text: &'a str,
    at: usize,
}

fn part<'a>(text: &'a str, fields: &[(usize, usize)], from: usize, to: usize) -> Part<'a> {
    let start = fields.get(from).map_or(0, |f| f.0);
    let end = fields.get(to.wrapping_sub(1)).map_or(start, |f| f.1);
    Part { text: text.get(start..end).unwrap_or(""), at: text.get(..start).map_or(0, |s| s.chars().count()) }
}

fn coordinate(line: &str, p: &Part<'_>) -> Result<Point<f64>, ParseError> {
    parse_coordinate(p.text).map_err(|e| e.within(line, p.at))
}

/// The full parsers, trying each split of the fields into the columns.
fn slow_path(data: &[u8], kind: BatchKind, unit: Unit) -> Result<Problem, LineError> {
    let text = std::str::from_utf8(data).map_err(|e| LineError::NotUtf8 { column: e.valid_up_to() + 1 })?;
    let fields = text_fields(text);
    let n = fields.len();
    let columns = kind.input_columns().join(" ");
    let count_error = |expected| LineError::ValueCount { found: n, expected, columns: columns.clone() };
    if n > MAX_FIELDS {
        return Err(count_error("at most 16 fields"));
    }
    let all_plain = fields.iter().all(|&(a, b)| data.get(a..b).and_then(fast_number).is_some());
    if (all_plain && n != 4) || n < 2 || (!kind.is_inverse() && n < 3) {
        return Err(count_error("4"));
    }
    if kind.is_inverse() { inverse_split(text, &fields) } else { direct_split(text, &fields, unit) }
}

/// Chooses among the problems that the splits produced: one, or several equal ones; else ambiguous.
fn choose(found: Vec<Problem>) -> Option<Result<Problem, LineError>> {
    let first = *found.first()?;
    if found.iter().all(|p| *p == first) {
        return Some(Ok(first));
    }
    let readings: Vec<String> = found.iter().map(describe).collect();
    Some(Err(LineError::Ambiguous(readings.join(" or "))))
}

fn describe(p: &Problem) -> String {
    match p {
        Problem::Inverse { from, to } => {
            format!("({}, {}) to ({}, {})", from.y(), from.x(), to.y(), to.x())
        }
        Problem::Direct { from, azimuth_deg, distance_m } => {
            format!("({}, {}) azimuth {azimuth_deg} distance {distance_m} m", from.y(), from.x())
        }
    }
}

fn inverse_split(text: &str, fields: &[(usize, usize)]) -> Result<Problem, LineError> {
    let n = fields.len();
    let mut found = Vec::new();
    let mut best_error: Option<ParseError> = None;
    for k in 1..n {
        let first = coordinate(text, &part(text, fields, 0, k));
        match first {
            Ok(from) => match coordinate(text, &part(text, fields, k, n)) {
                Ok(to) => found.push(Problem::Inverse { from, to }),
                // The second point's error, after the longest first point that read.
                Err(e) => best_error = Some(e),
            },
            Err(e) => {
                if k == (n / 2).max(1) && best_error.is_none() {
                    best_error = Some(e);
                }
            }
        }
    }
    match choose(found) {
        Some(r) => r,
        None => Err(best_error
            .map(LineError::Parse)
            .unwrap_or_else(|| LineError::Ambiguous("no split into two points".into()))),
    }
}

fn direct_split(text: &str, fields: &[(usize, usize)], unit: Unit) -> Result<Problem, LineError> {
    let n = fields.len();
    let mut found = Vec::new();
    // Errors by how far the reading got: 0 the point, 1 the azimuth, 2 the distance.
    let mut errors: [Option<ParseError>; 3] = [None, None, None];
    let natural_k = 2.min(n - 2);
    for k in 1..n - 1 {
        let from = match coordinate(text, &part(text, fields, 0, k)) {
            Ok(p) => p,
            Err(e) => {
                if k == natural_k {
                    errors[0] = Some(e);
                }
                continue;
            }
        };
        for j in k + 1..n {
            let az = part(text, fields, k, j);
            let azimuth_deg = match read_azimuth(az.text) {
                Ok(a) => a,
                Err(e) => {
                    if j == k + 1 && errors[1].is_none() {
                        errors[1] = Some(e.within(text, az.at));
                    }
                    continue;
                }
            };
            let d = part(text, fields, j, n);
            match read_distance(d.text, unit) {
                Ok(distance_m) => found.push(Problem::Direct { from, azimuth_deg, distance_m }),
                Err(e) => {
                    if errors[2].is_none() {
                        errors[2] = Some(e.within(text, d.at));
                    }
                }
            }
        }
    }
    match choose(found) {
        Some(r) => r,
        None => {
            let [e0, e1, e2] = errors;
            Err(e2.or(e1).or(e0).map(LineError::Parse).unwrap_or_else(|| {
                LineError::Ambiguous("no split into a point, an azimuth and a distance".into())
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(line: &str, kind: BatchKind) -> Problem {
        match parse_line(line.as_bytes(), kind, Unit::Metre) {
            Ok(ParsedLine::Problem { problem, .. }) => problem,
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn fast_and_slow_paths_agree() {
        // The same numbers, once plain (fast path) and once with a letter that forces the slow path.
        let fast = problem("-33.5 190.25 10 -20", BatchKind::Inverse);
        let slow = problem("33.5S 190.25 10 -20", BatchKind::Inverse);
        assert_eq!(fast, slow);
        let fast = problem("40.5 -73.25 84 3700000", BatchKind::Direct);
        let slow = problem("40.5 -73.25 84 3700 km", BatchKind::Direct);
        assert_eq!(fast, slow);
    }

    #[test]
    fn dms_and_hemispheres_with_spaces() {
        let p = problem("40:38:23N 073:46:44W 01:21:33N 103:59:22E", BatchKind::Inverse);
        let Problem::Inverse { from, to } = p else { panic!() };
        assert!((from.y() - (40.0 + 38.0 / 60.0 + 23.0 / 3600.0)).abs() < 1e-12);
        assert!((to.x() - (103.0 + 59.0 / 60.0 + 22.0 / 3600.0)).abs() < 1e-12);
        let q = problem("40 38 23 N 073 46 44 W 01 21 33 N 103 59 22 E", BatchKind::Inverse);
        assert_eq!(p, q);
    }

    #[test]
    fn errors_carry_columns_in_the_whole_line() {
        let e = parse_line(b"10 20 30 4x0", BatchKind::Inverse, Unit::Metre).unwrap_err();
        let LineError::Parse(pe) = e else { panic!("{e:?}") };
        assert_eq!(pe.input, "10 20 30 4x0");
        assert!(pe.column >= 10, "{pe}");
    }

    #[test]
    fn bad_lines_are_errors_not_panics() {
        for line in [
            &b"nan 0 0 0"[..],
            b"0 inf 0 0",
            b"0 0 0",
            b"0 0 0 0 0",
            b"\xff\xfe 0 0 0",
            b"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17",
            b"91 0 0 0",
            b"0 0 0 1e400",
        ] {
            assert!(parse_line(line, BatchKind::Inverse, Unit::Metre).is_err(), "{line:?}");
        }
        for line in [&b"nan 0 0 0"[..], b"0 0 x 5", b"0 0 5", b"0 0 5 inf"] {
            assert!(parse_line(line, BatchKind::Direct, Unit::Metre).is_err(), "{line:?}");
        }
    }
}
