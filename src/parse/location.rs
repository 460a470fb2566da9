//! A location as a user or a report gives it: a coordinate, a position phrase or a place name.

use geo_types::Point;

use super::ParseError;
use super::coordinate::parse_coordinate;
use super::number::non_finite_at;
use super::phrase::{PositionPhrase, parse_position_phrase, strip_leading_the};

/// What a location text turned out to be.
///
/// # Example
/// ```
/// use groundtrack::parse::{parse_location, LocationSpec};
/// let LocationSpec::Coordinate(p) = parse_location("41:55:28N 143:14:54E", 1.0).unwrap() else { panic!() };
/// assert!((p.x() - 143.248333).abs() < 1e-6);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum LocationSpec {
    /// Latitude and longitude (x = longitude in [-180, 180), y = latitude, degrees).
    Coordinate(Point<f64>),
    /// A distance and direction from a named place.
    Phrase(PositionPhrase),
    /// A place name for the gazetteer, as written without a leading "the".
    PlaceName(String),
}

/// Characters that can appear in a coordinate and in no place name, phrase or unit.
fn is_coordinate_char(c: char) -> bool {
    c.is_ascii_digit()
        || c.is_whitespace()
        || super::coordinate::is_angle_mark(c)
        || matches!(
            c,
            '.' | ','
                | ';'
                | '+'
                | '-'
                | '\u{2212}'
                | ':'
                | 'd'
                | 'D'
                | 'e'
                | 'E'
                | 'n'
                | 'N'
                | 's'
                | 'S'
                | 'w'
                | 'W'
        )
}

/// Does the text start like a number (digit, sign, decimal point)?
fn starts_numeric(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '+' | '-' | '\u{2212}'))
}

/// Reads a location: a coordinate if the text looks like one, a position phrase if it has the form
/// "`<number> <unit> <direction> of <place>`", otherwise a place name.
///
/// "Looks like a coordinate" means: made only of digits, signs, separators, degree/minute/second marks and the
/// hemisphere letters N, S, E, W (and `d`, `e` for degrees and exponents), with at least one digit; or starting
/// with a digit or sign and not reading as a phrase. Such a text is never taken for a place name: a latitude out of
/// range is an error.
///
/// Inputs: the text; `tolerance_scale` for a phrase's distance band (see [`super::parse_figure`]).
///
/// # Errors
/// [`ParseError`] for an empty text, a control character (NUL, escape, ...), a coordinate-like text that is no
/// valid coordinate, a coordinate or phrase with NaN or infinity in place of a number ("NaN, 0", "about inf km
/// east of Sinpo"), or a text that starts like a phrase (a number and a unit) but is not a valid one.
///
/// # Example
/// ```
/// use groundtrack::parse::{parse_location, LocationSpec};
/// assert!(matches!(parse_location("39.2239, 125.67", 1.0).unwrap(), LocationSpec::Coordinate(_)));
/// assert!(matches!(parse_location("250 km ENE of Sinpo", 1.0).unwrap(), LocationSpec::Phrase(_)));
/// assert_eq!(parse_location("the Oga Peninsula", 1.0).unwrap(), LocationSpec::PlaceName("Oga Peninsula".into()));
/// assert!(parse_location("91, 125", 1.0).is_err());
/// ```
pub fn parse_location(s: &str, tolerance_scale: f64) -> Result<LocationSpec, ParseError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(ParseError::at(
            s,
            0,
            "empty location",
            "a coordinate (\"39.2239, 125.67\"), a phrase (\"250 km ENE of Sinpo\") or a place name",
        ));
    }
    if let Some((at, c)) = s.chars().enumerate().find(|(_, c)| c.is_control() && !c.is_whitespace()) {
        return Err(ParseError::at(
            s,
            at,
            format!("control character {} in a location", c.escape_unicode()),
            "printable text: a coordinate, a phrase or a place name (remove the pasted control character)",
        ));
    }
    if let Some(neutral) = without_non_finite(t) {
        // "NaN, 0" or "about inf km east of Sinpo": a coordinate or a phrase with a number that is not finite,
        // never a place name. The readers report the spelling and its column.
        let coordinate_like =
            neutral.chars().all(is_coordinate_char) && neutral.chars().any(|c| c.is_ascii_digit());
        if coordinate_like {
            return parse_coordinate(s).map(LocationSpec::Coordinate);
        }
        if parse_position_phrase(&neutral, 1.0).is_ok() {
            return parse_position_phrase(s, tolerance_scale).map(LocationSpec::Phrase);
        }
    }
    let coordinate_alphabet = t.chars().all(is_coordinate_char) && t.chars().any(|c| c.is_ascii_digit());
    if coordinate_alphabet {
        return parse_coordinate(s).map(LocationSpec::Coordinate);
    }
    match parse_position_phrase(s, tolerance_scale) {
        Ok(p) => Ok(LocationSpec::Phrase(p)),
        Err(phrase_error) => {
            let first_word_is_hedge = t.split_whitespace().next().is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "about"
                        | "approx."
                        | "approx"
                        | "approximately"
                        | "some"
                        | "around"
                        | "roughly"
                        | "nearly"
                        | "almost"
                        | "~"
                        | "an"
                )
            }) && t.chars().any(|c| c.is_ascii_digit());
            if first_word_is_hedge || (starts_numeric(t) && looks_like_phrase(t)) {
                Err(phrase_error)
            } else if starts_numeric(t) {
                parse_coordinate(s).map(LocationSpec::Coordinate)
            } else {
                Ok(LocationSpec::PlaceName(strip_leading_the(t).to_string()))
            }
        }
    }
}

/// The text with every spelling of NaN or infinity (see [`non_finite_at`]) replaced by `0`, or `None` when it
/// has none.
fn without_non_finite(t: &str) -> Option<String> {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    let mut found = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if let Some((_, end)) = non_finite_at(&chars, i) {
            out.push('0');
            found = true;
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    found.then_some(out)
}

/// A text starting with a number is a phrase attempt when a distance unit follows the number.
fn looks_like_phrase(t: &str) -> bool {
    super::parse_quantity(
        &t.split_whitespace().take(2).collect::<Vec<_>>().join(" "),
        super::Dimension::Distance,
    )
    .is_ok()
        || t.split_whitespace().any(|w| w.eq_ignore_ascii_case("of"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let LocationSpec::Coordinate(p) = parse_location("41°55′28″N 143°14′54″E", 1.0).unwrap()
        else {
            panic!("not a coordinate")
        };
        assert!((p.y() - (41.0 + 55.0 / 60.0 + 28.0 / 3600.0)).abs() < 1e-12);
        assert!(matches!(parse_location("N39.2239 E125.67", 1.0).unwrap(), LocationSpec::Coordinate(_)));
        assert!(matches!(
            parse_location("about 1,180 km east of Cape Erimo", 1.0).unwrap(),
            LocationSpec::Phrase(_)
        ));
        assert_eq!(parse_location("Cape Erimo", 1.0).unwrap(), LocationSpec::PlaceName("Cape Erimo".into()));
        assert_eq!(parse_location("Sewden", 1.0).unwrap(), LocationSpec::PlaceName("Sewden".into()));
    }

    #[test]
    fn coordinate_like_errors_are_not_place_names() {
        assert!(parse_location("91, 125", 1.0).is_err());
        assert!(parse_location("90.000000001 0", 1.0).is_err());
        assert!(parse_location("39.2, 125.6x", 1.0).is_err());
        assert!(parse_location("41°75′N 143°E", 1.0).is_err());
        // A phrase attempt with a bad direction reports the direction, not an unknown place.
        let e = parse_location("250 km eats of Sinpo", 1.0).unwrap_err();
        assert_eq!(e.column, 8);
        assert!(parse_location("about 1,180 km east", 1.0).is_err());
        assert!(parse_location("", 1.0).is_err());
    }

    #[test]
    fn non_finite_numbers_are_not_place_names() {
        for (s, col) in [
            ("NaN, 0", 1),
            ("nan N 0 E", 1),
            ("0, -Infinity", 4),
            ("39.2 N, inf E", 9),
            ("0, ∞", 4),
            ("NaN", 1),
            ("1.#INF, 0", 1),
            ("#N/A", 1),
            ("about NaN km east of Cape Erimo", 7),
            ("inf km east of Sinpo", 1),
        ] {
            let e = parse_location(s, 1.0).unwrap_err();
            assert!(e.message.contains("finite") || e.message.contains("spreadsheet"), "{s}: {e}");
            assert_eq!(e.column, col, "{s}: {e}");
        }
        // A place whose name has such a word is still a place name.
        assert_eq!(parse_location("Nan River", 1.0).unwrap(), LocationSpec::PlaceName("Nan River".into()));
        assert_eq!(parse_location("Sunan", 1.0).unwrap(), LocationSpec::PlaceName("Sunan".into()));
    }

    #[test]
    fn control_characters_are_refused() {
        for (s, col) in [("Cape\0 Erimo", 5), ("\u{1b}[31mSunan", 1), ("39.2, 125.6\u{7f}", 12)] {
            let e = parse_location(s, 1.0).unwrap_err();
            assert_eq!(e.column, col, "{s:?}: {e}");
            assert!(e.message.contains("control character"), "{e}");
        }
        assert!(parse_location("Cape\tErimo", 1.0).is_ok());
    }
}
