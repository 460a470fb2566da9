//! Position phrases: "about 1,180 km east of Cape Erimo".
//!
//! The form is `[hedge or bound] <number> <unit> [to the] <direction> of [the] <place>`. The distance is a
//! [`StatedFigure`] with its band, the direction a [`Bearing`] with its sector, and the place is kept as written
//! (minus a leading "the") for the gazetteer to resolve.

use super::ParseError;
use super::direction::{Bearing, parse_bearing};
use super::figure::{StatedFigure, match_phrase, scan_figure};
use super::number::skip_ws;
use super::quantity::Dimension;
use crate::geodesy::WGS84_HALF_MERIDIAN_M;

/// A position stated relative to a named place.
///
/// # Example
/// ```
/// use groundtrack::parse::parse_position_phrase;
/// let p = parse_position_phrase("250 km ENE of Sinpo", 1.0).unwrap();
/// assert_eq!((p.distance.nominal, p.bearing.azimuth_deg, p.place.as_str()), (250_000.0, 67.5, "Sinpo"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PositionPhrase {
    /// The whole phrase as written (trimmed).
    pub text: String,
    /// The stated distance from the place, with its band (metres).
    pub distance: StatedFigure,
    /// The stated direction from the place, with its sector.
    pub bearing: Bearing,
    /// The place's name as written, without a leading "the" ("Cape Erimo", "island of Oshima-Oshima").
    pub place: String,
}

const EXPECT_PHRASE: &str = "a phrase such as \"about 1,180 km east of Cape Erimo\" \
     ([about] <number> <unit> [to the] <direction> of [the] <place>)";

/// Removes a leading "the " (any case) from a name.
pub(crate) fn strip_leading_the(name: &str) -> &str {
    let t = name.trim();
    match t.get(..4) {
        Some(head) if head.eq_ignore_ascii_case("the ") => t[4..].trim_start(),
        _ => t,
    }
}

/// Finds the first word "of" (any case, a whole word) at or after character `from`.
fn find_of(chars: &[char], from: usize) -> Option<usize> {
    (from..chars.len()).find(|&k| {
        let before_ok = k == 0 || chars.get(k - 1).is_some_and(|c| c.is_whitespace());
        before_ok && match_phrase(chars, k, "of").is_some()
    })
}

/// Reads a position phrase: "about 1,180 km east of Cape Erimo", "approx. 2,200 kilometers east of the Cape
/// Erimo", "some 200 kilometers west of the island of Oshima-Oshima", "250 km ENE of Sinpo", "about 1,180 km to
/// the east of Cape Erimo".
///
/// Inputs: the phrase; `tolerance_scale` for the distance's rounding band (see [`super::parse_figure`]).
/// Output: the distance (metres, with band), the bearing (degrees, with half-width) and the place name as written
/// without a leading "the".
///
/// # Errors
/// [`ParseError`] with the column for: a bad distance (see [`super::parse_figure`]), a distance beyond half a
/// meridian ([`WGS84_HALF_MERIDIAN_M`], 20,003.93 km: no point is farther than that from another), a missing or
/// unknown direction, a missing "of", a missing place name.
///
/// # Example
/// ```
/// use groundtrack::parse::parse_position_phrase;
/// let p = parse_position_phrase("about 1,180 km east of Cape Erimo", 1.0).unwrap();
/// assert_eq!(p.place, "Cape Erimo");
/// assert_eq!((p.distance.low, p.distance.high), (1_175_000.0, 1_185_000.0));
/// assert_eq!((p.bearing.azimuth_deg, p.bearing.half_width_deg), (90.0, 22.5));
/// let q = parse_position_phrase("some 200 kilometers west of the island of Oshima-Oshima", 1.0).unwrap();
/// assert_eq!(q.place, "island of Oshima-Oshima");
/// ```
pub fn parse_position_phrase(s: &str, tolerance_scale: f64) -> Result<PositionPhrase, ParseError> {
    let chars: Vec<char> = s.chars().collect();
    let (distance, after_distance) = scan_figure(s, &chars, 0, Dimension::Distance, tolerance_scale)?;
    if distance.nominal > WGS84_HALF_MERIDIAN_M {
        return Err(ParseError::at(
            s,
            skip_ws(&chars, 0),
            format!(
                "no point lies {} km from another: the farthest any point can be is {:.2} km (half a meridian)",
                distance.nominal / 1000.0,
                WGS84_HALF_MERIDIAN_M / 1000.0
            ),
            format!("a distance of at most {:.2} km", WGS84_HALF_MERIDIAN_M / 1000.0),
        ));
    }
    let mut i = skip_ws(&chars, after_distance);
    // "to the east of", "to east of"
    if let Some(end) = match_phrase(&chars, i, "to") {
        i = skip_ws(&chars, end);
        if let Some(end) = match_phrase(&chars, i, "the") {
            i = skip_ws(&chars, end);
        }
    }
    if i >= chars.len() {
        return Err(ParseError::at(s, i, "the direction is missing", EXPECT_PHRASE));
    }
    let Some(of_at) = find_of(&chars, i) else {
        return Err(ParseError::at(
            s,
            chars.len(),
            "\"of <place>\" is missing after the direction",
            EXPECT_PHRASE,
        ));
    };
    let direction: String = chars[i..of_at].iter().collect();
    if direction.trim().is_empty() {
        return Err(ParseError::at(s, i, "the direction is missing before \"of\"", EXPECT_PHRASE));
    }
    let bearing = parse_bearing(&direction).map_err(|e| e.within(s, i))?;
    let place_start = skip_ws(&chars, of_at + 2);
    let raw_place: String = chars.get(place_start..).map(|c| c.iter().collect()).unwrap_or_default();
    let place = strip_leading_the(raw_place.trim().trim_end_matches(['.', ',', ';']).trim_end());
    if place.is_empty() {
        return Err(ParseError::at(s, place_start, "the place name is missing after \"of\"", EXPECT_PHRASE));
    }
    Ok(PositionPhrase { text: s.trim().to_string(), distance, bearing, place: place.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::BandKind;

    #[test]
    fn report_wordings() {
        let p = parse_position_phrase("approx. 2,200 kilometers east of the Cape Erimo", 1.0).unwrap();
        assert_eq!(p.place, "Cape Erimo");
        assert_eq!(p.distance.nominal, 2_200_000.0);
        assert_eq!(p.distance.qualifier.as_deref(), Some("approx."));
        assert_eq!(p.bearing.text, "east");
        let p = parse_position_phrase("250 km ENE of Sinpo", 1.0).unwrap();
        assert_eq!(
            (p.place.as_str(), p.bearing.azimuth_deg, p.bearing.half_width_deg),
            ("Sinpo", 67.5, 11.25)
        );
        assert_eq!(p.distance.qualifier, None);
        let p = parse_position_phrase("about 1,180 km to the east of Cape Erimo", 1.0).unwrap();
        assert_eq!((p.place.as_str(), p.bearing.azimuth_deg), ("Cape Erimo", 90.0));
        assert_eq!(p.distance.text, "about 1,180 km");
        let p = parse_position_phrase("more than 300 km west of the Oga Peninsula.", 1.0).unwrap();
        assert_eq!(p.distance.kind, BandKind::AtLeast);
        assert_eq!(p.place, "Oga Peninsula");
        let p = parse_position_phrase("about 150 km east-northeast of Of", 1.0).unwrap();
        assert_eq!(p.place, "Of");
        assert_eq!(p.bearing.azimuth_deg, 67.5);
    }

    #[test]
    fn errors_point_into_the_phrase() {
        let e = parse_position_phrase("250 km eats of Sinpo", 1.0).unwrap_err();
        assert_eq!(e.column, 8);
        assert_eq!(e.input, "250 km eats of Sinpo");
        let e = parse_position_phrase("250 km east Sinpo", 1.0).unwrap_err();
        assert!(e.message.contains("of"));
        let e = parse_position_phrase("250 km east of", 1.0).unwrap_err();
        assert!(e.message.contains("place"));
        let e = parse_position_phrase("250 km of Sinpo", 1.0).unwrap_err();
        assert_eq!(e.column, 8);
        let e = parse_position_phrase("250 east of Sinpo", 1.0).unwrap_err();
        assert_eq!(e.column, 5);
        assert!(parse_position_phrase("250 km", 1.0).is_err());
        // Half a meridian is the farthest a point can be (GeodSolve -i -p 9 <<< "90 0 -90 0": 20003931.458625447).
        let e = parse_position_phrase("about 25,000 km east of Sinpo", 1.0).unwrap_err();
        assert_eq!(e.column, 1);
        assert!(e.message.contains("20003.93 km"), "{e}");
        assert!(parse_position_phrase("20,003.93 km east of Sinpo", 1.0).is_ok());
        assert!(parse_position_phrase("20,003.94 km east of Sinpo", 1.0).is_err());
        assert!(parse_position_phrase("10,802 nmi east of Sinpo", 1.0).is_err()); // 20,005.3 km
        assert!(parse_position_phrase("more than 15,000 km east of Sinpo", 1.0).is_ok());
    }
}
