//! Angles as degrees, minutes and seconds (`--dms`): `41°55′28.0″N`, `143°14′54.0″E`, `072°57′26.6″`.
//!
//! The text reads back through [`crate::parse::parse_coordinate`] (latitudes and longitudes) and is whitespace
//! free, so a batch output line keeps one field per value.

/// What an angle is, which decides its hemisphere letters and the width of its degrees.
///
/// # Example
/// ```
/// use groundtrack::output::{AngleKind, format_dms};
/// assert_eq!(format_dms(-0.5, AngleKind::Longitude, 0), "000°30′00″W");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AngleKind {
    /// A latitude: two-digit degrees and N or S.
    Latitude,
    /// A longitude: three-digit degrees and E or W.
    Longitude,
    /// An azimuth or other signed angle: three-digit degrees and a minus sign when negative.
    Azimuth,
}

/// Formats an angle in degrees as degrees, minutes and seconds with `second_decimals` digits after the point of
/// the seconds, rounded once (so 59.96″ with one decimal carries into the minutes, never printing 60.0″).
///
/// Inputs: the angle in degrees, its kind, the decimals of the seconds (GeographicLib's tools use the output
/// precision plus one; at most 12 are honoured, beyond which a double has no more digits to give).
/// Output: `DD°MM′SS.s″H` with the prime and double prime (U+2032, U+2033), zero-padded minutes and seconds.
/// A NaN or infinite angle is written `nan` / `inf` / `-inf`.
///
/// # Example
/// ```
/// use groundtrack::output::{AngleKind, format_dms};
/// assert_eq!(format_dms(41.924444, AngleKind::Latitude, 1), "41°55′28.0″N");
/// assert_eq!(format_dms(-73.778889, AngleKind::Longitude, 1), "073°46′44.0″W");
/// assert_eq!(format_dms(-3.5, AngleKind::Azimuth, 0), "-003°30′00″");
/// assert_eq!(format_dms(10.999_999, AngleKind::Latitude, 1), "11°00′00.0″N");
/// ```
pub fn format_dms(degrees: f64, kind: AngleKind, second_decimals: usize) -> String {
    if !degrees.is_finite() {
        return super::fixed(degrees, 0);
    }
    let k = second_decimals.min(12);
    let scale = 10f64.powi(k as i32);
    // Whole units of 10^-k seconds; exact below 2^53 (|degrees| <= 540 and k <= 8), the nearest double above.
    let units = (degrees.abs() * 3600.0 * scale).round();
    let per_minute = 60.0 * scale;
    let per_degree = 3600.0 * scale;
    let d = (units / per_degree).floor();
    let rem = units - d * per_degree;
    let m = (rem / per_minute).floor();
    let s_units = rem - m * per_minute;
    let seconds = s_units / scale;
    let sec_width = if k == 0 { 2 } else { k + 3 };
    let deg_width = if kind == AngleKind::Latitude { 2 } else { 3 };
    let body = format!("{d:0deg_width$.0}°{m:02.0}′{seconds:0sec_width$.k$}″");
    let negative = degrees < 0.0 && units > 0.0;
    match kind {
        AngleKind::Latitude => format!("{body}{}", if negative { 'S' } else { 'N' }),
        AngleKind::Longitude => format!("{body}{}", if negative { 'W' } else { 'E' }),
        AngleKind::Azimuth => {
            if negative {
                format!("-{body}")
            } else {
                body
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_coordinate;

    #[test]
    fn reads_back_through_the_coordinate_parser() {
        for &(lat, lon) in
            &[(41.924444, 143.248333), (-33.8688, 151.2093), (0.0, -0.5), (-89.99999, 179.99999)]
        {
            let text = format!(
                "{} {}",
                format_dms(lat, AngleKind::Latitude, 3),
                format_dms(lon, AngleKind::Longitude, 3)
            );
            let p = parse_coordinate(&text).unwrap();
            // 0.0005 arc second is 1.4e-7 degree.
            assert!((p.y() - lat).abs() < 1.5e-7 && (p.x() - lon).abs() < 1.5e-7, "{text}");
        }
    }

    #[test]
    fn carries_rounded_seconds() {
        assert_eq!(format_dms(0.999_999_9, AngleKind::Azimuth, 2), "001°00′00.00″");
        assert_eq!(format_dms(59.0 / 60.0 + 59.96 / 3600.0, AngleKind::Azimuth, 1), "001°00′00.0″");
        assert_eq!(format_dms(-0.000_000_01, AngleKind::Latitude, 1), "00°00′00.0″N");
    }

    #[test]
    fn non_finite() {
        assert_eq!(format_dms(f64::NAN, AngleKind::Azimuth, 1), "nan");
    }
}
