//! Directions as reports word them: compass points, compass words and numeric bearings.
//!
//! A stated direction is not an exact azimuth: "east" covers a sector. The half-width of that sector is the
//! precision of the wording: ±22.5° for the four cardinal and four intercardinal names (N, NE, E, ...), ±11.25° for
//! the eight further names of the 16-point compass (NNE, ENE, ...), and half a unit in the last written digit for a
//! number ("84" is 83.5° to 84.5°).

use super::ParseError;
use super::error::short;
use super::number::{Grouping, is_sign, non_finite_at, non_finite_error, scan_number, skip_ws};
use super::quantity::{Unit, UnitScan, scan_unit};

/// A direction with its tolerance.
///
/// # Example
/// ```
/// use groundtrack::parse::parse_bearing;
/// let b = parse_bearing("ENE").unwrap();
/// assert_eq!((b.azimuth_deg, b.half_width_deg, b.text.as_str()), (67.5, 11.25, "ENE"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Bearing {
    /// Azimuth in degrees clockwise from north, in [0, 360).
    pub azimuth_deg: f64,
    /// Half-width of the sector the wording allows, degrees.
    pub half_width_deg: f64,
    /// The direction as written (trimmed).
    pub text: String,
}

impl Bearing {
    /// True when `azimuth_deg` (any value, reduced modulo 360) lies within the stated sector.
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::parse_bearing;
    /// let east = parse_bearing("east").unwrap();
    /// assert!(east.contains(84.4));
    /// assert!(!east.contains(60.0));
    /// let north = parse_bearing("N").unwrap();
    /// assert!(north.contains(-10.0) && north.contains(350.0));
    /// ```
    pub fn contains(&self, azimuth_deg: f64) -> bool {
        let d = (azimuth_deg - self.azimuth_deg).rem_euclid(360.0);
        let d = if d > 180.0 { 360.0 - d } else { d };
        d <= self.half_width_deg
    }
}

/// The 16 points of the compass, clockwise from north, 22.5° apart.
///
/// # Example
/// ```
/// use groundtrack::parse::COMPASS_POINTS;
/// assert_eq!(COMPASS_POINTS[3], "ENE");
/// ```
pub const COMPASS_POINTS: [&str; 16] =
    ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"];

/// The name of the 16-point compass direction nearest to an azimuth (degrees clockwise from north).
///
/// # Example
/// ```
/// use groundtrack::parse::compass_point;
/// assert_eq!(compass_point(84.4), "E");
/// assert_eq!(compass_point(-22.5), "NNW");
/// assert_eq!(compass_point(f64::NAN), "?");
/// ```
pub fn compass_point(azimuth_deg: f64) -> &'static str {
    if !azimuth_deg.is_finite() {
        return "?";
    }
    let k = (azimuth_deg.rem_euclid(360.0) / 22.5).round() as usize % 16;
    COMPASS_POINTS.get(k).copied().unwrap_or("?")
}

const EXPECT_BEARING: &str = "a compass point (N, NNE, NE, ENE, E, ... NNW), a word such as \"east\", \
     \"east-northeast\", \"northeasterly\" or \"eastward\", degrees such as \"84\" or \"84 deg\", or quadrant \
     notation such as \"N84E\"";

/// Reduces a compass word or abbreviation to its 16-point abbreviation, or `None`.
fn compass_abbreviation(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let lower = lower.trim();
    let lower = lower.strip_prefix("due ").unwrap_or(lower);
    let mut compact: String =
        lower.chars().filter(|c| !matches!(c, '-' | ' ' | '_' | '\u{2010}' | '\u{2011}')).collect();
    for suffix in ["erly", "wards", "ward", "bound"] {
        if let Some(stem) = compact.strip_suffix(suffix)
            && !stem.is_empty()
        {
            compact = stem.to_string();
            break;
        }
    }
    let letters: String =
        if !compact.is_empty() && compact.chars().all(|c| matches!(c, 'n' | 's' | 'e' | 'w')) {
            compact.clone()
        } else {
            let mut rest = compact.as_str();
            let mut out = String::new();
            while !rest.is_empty() {
                let mut matched = false;
                for (word, letter) in [("north", 'n'), ("south", 's'), ("east", 'e'), ("west", 'w')] {
                    if let Some(r) = rest.strip_prefix(word) {
                        out.push(letter);
                        rest = r;
                        matched = true;
                        break;
                    }
                }
                if !matched {
                    return None;
                }
            }
            out
        };
    let upper = letters.to_uppercase();
    COMPASS_POINTS.iter().find(|p| **p == upper).copied()
}

/// Reads a numeric bearing "84", "84.5 deg", "84°" or quadrant notation "N84E" from the whole text.
fn numeric_bearing(s: &str, chars: &[char], start: usize) -> Result<Option<(f64, f64)>, ParseError> {
    let mut i = start;
    let quadrant_from = match chars.get(i) {
        Some('N' | 'n') => Some(0.0),
        Some('S' | 's') => Some(180.0),
        _ => None,
    };
    let is_quadrant = quadrant_from.is_some() && {
        let j = skip_ws(chars, i + 1);
        chars.get(j).is_some_and(|c| c.is_ascii_digit() || *c == '.')
    };
    if is_quadrant {
        i = skip_ws(chars, i + 1);
    } else if !chars.get(i).is_some_and(|c| c.is_ascii_digit() || *c == '.' || is_sign(*c)) {
        return Ok(None);
    }
    let Some(n) = scan_number(s, chars, i, Grouping::None)? else {
        return Err(ParseError::at(s, i, "not a number", EXPECT_BEARING));
    };
    let mut end = skip_ws(chars, n.end);
    if let UnitScan::Known(unit, unit_end) = scan_unit(chars, end) {
        if unit != Unit::Degree {
            return Err(ParseError::at(
                s,
                end,
                format!("\"{}\" is not an angle unit", unit.symbol()),
                EXPECT_BEARING,
            ));
        }
        end = skip_ws(chars, unit_end);
    }
    let half = n.last_digit_ulp / 2.0;
    if let Some(base) = quadrant_from {
        if !is_quadrant {
            return Ok(None);
        }
        let east = match chars.get(end) {
            Some('E' | 'e') => true,
            Some('W' | 'w') => false,
            _ => {
                return Err(ParseError::at(
                    s,
                    end,
                    "quadrant bearing without E or W",
                    "E or W, as in \"N84E\"",
                ));
            }
        };
        if n.signed || !(0.0..=90.0).contains(&n.value) {
            return Err(ParseError::at(
                s,
                n.start,
                format!("quadrant angle {} is outside [0, 90] degrees", n.value),
                "an angle from 0 to 90 between N/S and E/W, as in \"N84E\"",
            ));
        }
        let az = match (base == 0.0, east) {
            (true, true) => n.value,
            (true, false) => 360.0 - n.value,
            (false, true) => 180.0 - n.value,
            (false, false) => 180.0 + n.value,
        };
        end = skip_ws(chars, end + 1);
        if end < chars.len() {
            return Err(ParseError::at(s, end, "unexpected text after the bearing", EXPECT_BEARING));
        }
        return Ok(Some((az.rem_euclid(360.0), half)));
    }
    if end < chars.len() {
        return Err(ParseError::at(s, end, "unexpected text after the bearing", EXPECT_BEARING));
    }
    if !(0.0..=360.0).contains(&n.value) {
        return Err(ParseError::at(
            s,
            n.start,
            format!("bearing {} is outside [0, 360] degrees", n.value),
            "degrees clockwise from north, 0 to 360",
        ));
    }
    Ok(Some((n.value.rem_euclid(360.0), half)))
}

/// Reads a direction: a 16-point compass abbreviation ("ENE"), a compass word in any case, with hyphens or spaces
/// and an optional "-erly", "-ward(s)" or "due" ("east", "east-northeast", "east northeast", "east-northeasterly",
/// "northeasterly", "eastward", "due east"), degrees clockwise from north ("84", "84 deg", "84°"), or quadrant
/// notation ("N84E" = 84°, "S10W" = 190°).
///
/// Output: the azimuth in [0, 360) degrees and the half-width the wording allows (±22.5° for the 4 cardinal and 4
/// intercardinal names, ±11.25° for the other 8 names of the 16-point compass, half a unit in the last written digit
/// for numbers).
///
/// # Errors
/// [`ParseError`] for an empty text, an unknown word, a bearing outside [0, 360], a quadrant angle outside
/// [0, 90], or text after the bearing.
///
/// # Example
/// ```
/// use groundtrack::parse::parse_bearing;
/// let b = parse_bearing("east-northeasterly").unwrap();
/// assert_eq!((b.azimuth_deg, b.half_width_deg), (67.5, 11.25));
/// assert_eq!(parse_bearing("E").unwrap().half_width_deg, 22.5);
/// let n = parse_bearing("84").unwrap();
/// assert_eq!((n.azimuth_deg, n.half_width_deg), (84.0, 0.5));
/// assert_eq!(parse_bearing("N84W").unwrap().azimuth_deg, 276.0);
/// ```
pub fn parse_bearing(s: &str) -> Result<Bearing, ParseError> {
    let chars: Vec<char> = s.chars().collect();
    let start = skip_ws(&chars, 0);
    if start >= chars.len() {
        return Err(ParseError::at(s, 0, "empty direction", EXPECT_BEARING));
    }
    if let Some((spelling, _)) = non_finite_at(&chars, start) {
        return Err(non_finite_error(s, start, &spelling));
    }
    let text = s.trim().to_string();
    if let Some((azimuth_deg, half_width_deg)) = numeric_bearing(s, &chars, start)? {
        return Ok(Bearing { azimuth_deg, half_width_deg, text });
    }
    match compass_abbreviation(&text) {
        Some(point) => {
            let k = COMPASS_POINTS.iter().position(|p| *p == point).unwrap_or(0);
            let azimuth_deg = 22.5 * k as f64;
            let half_width_deg = if k % 2 == 0 { 22.5 } else { 11.25 };
            Ok(Bearing { azimuth_deg, half_width_deg, text })
        }
        None => Err(ParseError::at(s, start, format!("unknown direction {}", short(&text)), EXPECT_BEARING)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn az(s: &str) -> (f64, f64) {
        let b = parse_bearing(s).unwrap();
        (b.azimuth_deg, b.half_width_deg)
    }

    #[test]
    fn all_sixteen_points() {
        for (k, p) in COMPASS_POINTS.iter().enumerate() {
            let (a, h) = az(p);
            assert_eq!(a, 22.5 * k as f64, "{p}");
            assert_eq!(h, if p.len() == 3 { 11.25 } else { 22.5 }, "{p}");
            assert_eq!(az(&p.to_lowercase()).0, a);
        }
    }

    #[test]
    fn words() {
        assert_eq!(az("north"), (0.0, 22.5));
        assert_eq!(az("East"), (90.0, 22.5));
        assert_eq!(az("south-west"), (225.0, 22.5));
        assert_eq!(az("northeast"), (45.0, 22.5));
        assert_eq!(az("north east"), (45.0, 22.5));
        assert_eq!(az("east-northeast"), (67.5, 11.25));
        assert_eq!(az("east northeast"), (67.5, 11.25));
        assert_eq!(az("east-north-east"), (67.5, 11.25));
        assert_eq!(az("east-northeasterly"), (67.5, 11.25));
        assert_eq!(az("northeasterly"), (45.0, 22.5));
        assert_eq!(az("easterly"), (90.0, 22.5));
        assert_eq!(az("northerly"), (0.0, 22.5));
        assert_eq!(az("eastward"), (90.0, 22.5));
        assert_eq!(az("eastwards"), (90.0, 22.5));
        assert_eq!(az("due east"), (90.0, 22.5));
        assert_eq!(az("NORTH-NORTHWEST"), (337.5, 11.25));
    }

    #[test]
    fn numbers_and_quadrants() {
        assert_eq!(az("84"), (84.0, 0.5));
        assert_eq!(az("84 deg"), (84.0, 0.5));
        assert_eq!(az("84°"), (84.0, 0.5));
        assert_eq!(az("84.5 degrees"), (84.5, 0.05));
        assert_eq!(az("090"), (90.0, 0.5));
        assert_eq!(az("360"), (0.0, 0.5));
        assert_eq!(az("N84E"), (84.0, 0.5));
        assert_eq!(az("N 84 E"), (84.0, 0.5));
        assert_eq!(az("S10E"), (170.0, 0.5));
        assert_eq!(az("S10W"), (190.0, 0.5));
        assert_eq!(az("N84W"), (276.0, 0.5));
        assert_eq!(az("N84°E"), (84.0, 0.5));
    }

    #[test]
    fn errors() {
        let e = parse_bearing("eats").unwrap_err();
        assert_eq!(e.column, 1);
        assert!(e.message.contains("unknown direction"));
        assert!(e.expected.contains("ENE"));
        assert!(parse_bearing("").is_err());
        assert!(parse_bearing("eastnorth").is_err());
        assert!(parse_bearing("NNNE").is_err());
        assert_eq!(parse_bearing("400").unwrap_err().column, 1);
        assert!(parse_bearing("-5").is_err());
        assert!(parse_bearing("N95E").is_err());
        assert!(parse_bearing("N84").is_err());
        assert_eq!(parse_bearing("84 km").unwrap_err().column, 4);
        assert_eq!(parse_bearing("84 x").unwrap_err().column, 4);
        for s in ["nan", "NaN", "-inf", "Infinity", "∞", "1.#IND", "#VALUE!"] {
            let e = parse_bearing(s).unwrap_err();
            assert!(e.message.contains("finite") || e.message.contains("spreadsheet"), "{s}: {e}");
        }
        assert!(parse_bearing("erly").is_err());
    }

    #[test]
    fn sector_test() {
        let b = parse_bearing("ENE").unwrap();
        assert!(b.contains(56.25) && b.contains(78.75));
        assert!(!b.contains(56.0) && !b.contains(79.0));
    }
}
