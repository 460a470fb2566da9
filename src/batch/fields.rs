//! The values of a line: splitting into fields, the fast number parser, and distances and azimuths as people
//! write them (also used by the single `direct` command).

use crate::parse::{ParseError, Unit, parse_bearing, parse_quantity};

/// What the fast reader found in the data part of a line (before any `#`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum FastFields {
    /// Exactly four plain, finite decimal numbers.
    Four([f64; 4]),
    /// Nothing but separators.
    Blank,
    /// Anything else: for the full parsers.
    Other,
}

/// Reads four plain decimal numbers separated by ASCII whitespace or commas in one pass, with the `fast-float2`
/// crate (Lemire's algorithm, correctly rounded); NaN, infinities, a fifth value or any other text give
/// [`FastFields::Other`].
pub(crate) fn fast_fields(data: &[u8]) -> FastFields {
    let len = data.len();
    let mut i = skip_separators(data, 0);
    if i >= len {
        return FastFields::Blank;
    }
    let mut out = [0.0f64; 4];
    for slot in &mut out {
        let Some(rest) = data.get(i..) else { return FastFields::Other };
        let (v, n) = match fast_float2::parse_partial::<f64, _>(rest) {
            Ok((v, n)) if n > 0 && v.is_finite() => (v, n),
            _ => return FastFields::Other,
        };
        i += n;
        if data.get(i).is_some_and(|&b| !is_separator(b)) {
            return FastFields::Other;
        }
        *slot = v;
        i = skip_separators(data, i);
    }
    if i < len { FastFields::Other } else { FastFields::Four(out) }
}

fn skip_separators(data: &[u8], mut i: usize) -> usize {
    while data.get(i).is_some_and(|&b| is_separator(b)) {
        i += 1;
    }
    i
}

/// Field separators of batch input: ASCII whitespace and the comma.
pub(crate) fn is_separator(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b',' | b'\r' | b'\x0b' | b'\x0c')
}

/// A plain decimal number (optional sign, digits, point, exponent) as a finite `f64`, by the `fast-float2`
/// crate (Lemire's algorithm, correctly rounded); `None` for anything else, including NaN and infinities.
pub(crate) fn fast_number(field: &[u8]) -> Option<f64> {
    match fast_float2::parse::<f64, _>(field) {
        Ok(v) if v.is_finite() => Some(v),
        _ => None,
    }
}

/// A plain number written as Rust reads it, finite; `None` for anything else.
fn plain_number(text: &str) -> Option<Result<f64, ParseError>> {
    let t = text.trim();
    let v: f64 = t.parse().ok()?;
    if v.is_finite() {
        Some(Ok(v))
    } else {
        let at = text.len() - text.trim_start().len();
        Some(Err(ParseError::at(text, at, format!("\"{t}\" is not a finite number"), "a finite number")))
    }
}

/// Reads a distance and returns it in metres: a plain number (any sign) is in `default_unit`; a quantity with a
/// unit ("1180 km", "1,180 kilometres", "97 nmi") is converted from its unit, and may carry a leading minus sign
/// (a negative distance travels backwards, as GeographicLib's direct problem allows); grouped digits without a
/// unit ("1,180") are in `default_unit`.
///
/// # Errors
/// [`ParseError`] with the column for an empty text, NaN or infinity, an unknown unit or a unit of another
/// dimension, text after the quantity.
///
/// # Example
/// ```
/// use groundtrack::batch::read_distance;
/// use groundtrack::parse::Unit;
/// assert_eq!(read_distance("1180", Unit::Kilometre).unwrap(), 1_180_000.0);
/// assert_eq!(read_distance("97 nmi", Unit::Metre).unwrap(), 97.0 * 1852.0);
/// assert_eq!(read_distance("-2 km", Unit::Metre).unwrap(), -2000.0);
/// assert_eq!(read_distance("1,180", Unit::Kilometre).unwrap(), 1_180_000.0);
/// assert!(read_distance("nan", Unit::Metre).is_err());
/// ```
pub fn read_distance(text: &str, default_unit: Unit) -> Result<f64, ParseError> {
    if let Some(v) = plain_number(text) {
        return v.map(|v| default_unit.to_si(v));
    }
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let (sign, body, body_at) = match trimmed.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (-1.0, rest, text[..lead].chars().count() + 1),
        None => (1.0, trimmed, text[..lead].chars().count()),
    };
    let first = match parse_quantity(body, crate::parse::Dimension::Distance) {
        Ok(q) => return Ok(sign * q.si()),
        Err(e) => e.within(text, body_at),
    };
    // "1,180" without a unit: the default unit.
    let with_unit = format!("{body} {}", default_unit.symbol());
    match parse_quantity(&with_unit, crate::parse::Dimension::Distance) {
        Ok(q) => Ok(sign * q.si()),
        Err(_) => Err(first),
    }
}

/// Reads an azimuth in degrees clockwise from north: a plain number of degrees (any finite value, as
/// GeographicLib's tools accept), or what [`parse_bearing`] reads ("E", "east-northeast", "84 deg", "N84E").
///
/// # Errors
/// [`ParseError`] for NaN, infinity, or text that is no bearing.
///
/// # Example
/// ```
/// use groundtrack::batch::read_azimuth;
/// assert_eq!(read_azimuth("84").unwrap(), 84.0);
/// assert_eq!(read_azimuth("-10").unwrap(), -10.0);
/// assert_eq!(read_azimuth("E").unwrap(), 90.0);
/// assert_eq!(read_azimuth("S10W").unwrap(), 190.0);
/// assert!(read_azimuth("inf").is_err());
/// ```
pub fn read_azimuth(text: &str) -> Result<f64, ParseError> {
    if let Some(v) = plain_number(text) {
        return v;
    }
    Ok(parse_bearing(text)?.azimuth_deg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_four_numbers_in_one_pass() {
        assert_eq!(fast_fields(b"  1.5,\t-2 3e1 ,4 "), FastFields::Four([1.5, -2.0, 30.0, 4.0]));
        assert_eq!(fast_fields(b" ,, \t"), FastFields::Blank);
        assert_eq!(fast_fields(b""), FastFields::Blank);
        for other in [
            &b"1 2 3"[..],
            b"1 2 3 4 5",
            b"1 2 3 4x",
            b"1 2 3 nan",
            b"1 2 inf 4",
            b"1N 2 3 4",
            b"1 2 3 4e999",
            b"1 2 3 .",
        ] {
            assert_eq!(fast_fields(other), FastFields::Other, "{other:?}");
        }
    }

    #[test]
    fn fast_numbers_are_plain_and_finite() {
        assert_eq!(fast_number(b"-33.9"), Some(-33.9));
        assert_eq!(fast_number(b"1e-3"), Some(0.001));
        assert_eq!(fast_number(b"39.2N"), None);
        assert_eq!(fast_number(b"nan"), None);
        assert_eq!(fast_number(b"inf"), None);
        assert_eq!(fast_number(b"1e999"), None);
        assert_eq!(fast_number(b""), None);
    }

    #[test]
    fn distance_errors_point_at_the_fault() {
        let e = read_distance("-5 parsecs", Unit::Metre).unwrap_err();
        assert_eq!(e.input, "-5 parsecs");
        assert!(e.column >= 3, "{e}");
    }
}
