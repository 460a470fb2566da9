//! Coordinates as people write them: decimal degrees, hemisphere letters, degrees-minutes-seconds.
//!
//! Accepted, in any combination that is not ambiguous:
//! - decimal degrees, latitude first: "39.2239, 125.67", "39.2239 125.67", "-33.9 151.2" (ASCII minus, Unicode
//!   minus U+2212 or plus sign);
//! - hemisphere letters before or after each value: "39.2239N 125.67E", "N39.2239 E125.67", "39.2239 N, 125.67 E";
//!   with letters the order may be swapped ("125.67E 39.22N");
//! - degrees, minutes and seconds with `° ′ ″`, `d ' "`, `º`, typographic quotes `’ ”`, or colons:
//!   "41°55′28″N 143°14′54″E", "41d55'28\"N", "41:55:28N"; or separated by spaces when a hemisphere letter follows
//!   ("41 55 28 N 143 14 54 E"; taken as minutes only if the degrees are whole and the minutes below 60);
//! - scientific notation, which is a number and never East: "1e-3 2E1" is latitude 0.001, longitude 20.
//!
//! Latitudes must lie in [-90, 90]; longitudes in [-540, 540] are accepted and reduced to [-180, 180); minutes and
//! seconds must be below 60.

use geo_types::Point;

use super::ParseError;
use super::error::short;
use super::number::{Grouping, Number, non_finite_at, non_finite_error, scan_number};
use crate::geodesy::normalize_longitude;

const EXPECT_COORD: &str = "a coordinate such as \"39.2239, 125.67\", \"39.2239N 125.67E\" or \
     \"41°55′28″N 143°14′54″E\" (latitude first unless hemisphere letters say otherwise)";

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Number),
    Deg,
    Min,
    Sec,
    Colon,
    Hemi(char),
    Sep,
}

#[derive(Debug, Clone, PartialEq)]
struct Token {
    tok: Tok,
    start: usize,
}

fn is_minute_mark(c: char) -> bool {
    matches!(c, '\'' | '′' | '’' | 'ʹ')
}

fn is_second_mark(c: char) -> bool {
    matches!(c, '"' | '″' | '”' | 'ʺ')
}

fn tokenize(input: &str, chars: &[char]) -> Result<Vec<Token>, ParseError> {
    let mut toks: Vec<Token> = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let start = i;
        let prev_is_num = matches!(toks.last(), Some(Token { tok: Tok::Num(_), .. }));
        let next_alpha = chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
        if let Some((spelling, _)) = non_finite_at(chars, i) {
            return Err(non_finite_error(input, i, &spelling));
        }
        let tok = if c.is_whitespace() {
            i += 1;
            continue;
        } else if c == ',' || c == ';' {
            i += 1;
            Tok::Sep
        } else if matches!(c, '°' | 'º' | '˚') || (matches!(c, 'd' | 'D') && prev_is_num && !next_alpha) {
            i += 1;
            Tok::Deg
        } else if is_minute_mark(c) {
            if chars.get(i + 1).is_some_and(|&n| is_minute_mark(n)) {
                i += 2;
                Tok::Sec
            } else {
                i += 1;
                Tok::Min
            }
        } else if is_second_mark(c) {
            i += 1;
            Tok::Sec
        } else if c == ':' {
            i += 1;
            Tok::Colon
        } else if matches!(c.to_ascii_uppercase(), 'N' | 'S' | 'E' | 'W') && !next_alpha {
            i += 1;
            Tok::Hemi(c.to_ascii_uppercase())
        } else if c.is_ascii_digit() || c == '.' || super::number::is_sign(c) {
            match scan_number(input, chars, i, Grouping::None)? {
                Some(n) => {
                    i = n.end;
                    Tok::Num(n)
                }
                None => {
                    return Err(ParseError::at(
                        input,
                        i,
                        format!("\"{c}\" not followed by a number"),
                        EXPECT_COORD,
                    ));
                }
            }
        } else if c.is_alphabetic() {
            let word: String = chars[i..].iter().take_while(|c| c.is_alphabetic()).collect();
            return Err(ParseError::at(input, i, format!("unexpected text {}", short(&word)), EXPECT_COORD));
        } else {
            return Err(ParseError::at(
                input,
                i,
                format!("unexpected character {}", short(&c.to_string())),
                EXPECT_COORD,
            ));
        };
        toks.push(Token { tok, start });
    }
    Ok(toks)
}

/// One value of a coordinate: a latitude or a longitude, before we know which.
#[derive(Debug, Clone)]
struct Component {
    /// Signed degrees (sign from a minus sign; the hemisphere is applied later).
    degrees: f64,
    /// The hemisphere letter and its character index.
    hemisphere: Option<(char, usize)>,
    /// Character index where the component starts.
    start: usize,
}

struct Reader<'a> {
    input: &'a str,
    chars_len: usize,
    toks: Vec<Token>,
    p: usize,
}

impl Reader<'_> {
    fn peek(&self, k: usize) -> Option<&Tok> {
        self.toks.get(self.p + k).map(|t| &t.tok)
    }

    /// Character index of the token `k` ahead, or the end of the text.
    fn pos(&self, k: usize) -> usize {
        self.toks.get(self.p + k).map_or(self.chars_len, |t| t.start)
    }

    fn err(&self, at: usize, message: impl Into<String>) -> ParseError {
        ParseError::at(self.input, at, message, EXPECT_COORD)
    }

    fn number_at(&self, k: usize) -> Option<&Number> {
        match self.peek(k) {
            Some(Tok::Num(n)) => Some(n),
            _ => None,
        }
    }

    /// Reads minutes (and seconds) written without marks, separated by spaces: only when the degrees are whole, the
    /// values are below 60 and a hemisphere letter (or, after a prefix letter, the end or a separator) follows.
    fn spaced_dms(&self, deg: &Number, has_prefix: bool) -> usize {
        // Called with the degrees already consumed: token 0 is the candidate minutes.
        if !deg.integer || deg.signed {
            return 0;
        }
        let bare = |k: usize| -> Option<&Number> {
            let n = self.number_at(k)?;
            let marked = matches!(self.peek(k + 1), Some(Tok::Deg | Tok::Min | Tok::Sec | Tok::Colon));
            if marked || n.signed || !(0.0..60.0).contains(&n.value) { None } else { Some(n) }
        };
        let ends_ok = |k: usize| -> bool {
            match self.peek(k) {
                Some(Tok::Hemi(_)) => true,
                Some(Tok::Sep) | None => has_prefix,
                _ => false,
            }
        };
        // Two values (minutes, seconds) or one (minutes); the minutes must be whole if seconds follow.
        if let (Some(m), Some(_)) = (bare(0), bare(1))
            && m.integer
            && ends_ok(2)
        {
            return 2;
        }
        if bare(0).is_some() && ends_ok(1) {
            return 1;
        }
        0
    }

    fn component(&mut self) -> Result<Component, ParseError> {
        let start = self.pos(0);
        let mut hemisphere = None;
        if let Some(Tok::Hemi(h)) = self.peek(0) {
            hemisphere = Some((*h, start));
            self.p += 1;
        }
        let Some(deg) = self.number_at(0).cloned() else {
            let at = self.pos(0);
            return Err(if at >= self.chars_len {
                self.err(at, "a number of degrees is missing")
            } else {
                self.err(at, "expected a number of degrees here")
            });
        };
        self.p += 1;
        let mut minutes: Option<Number> = None;
        let mut seconds: Option<Number> = None;
        match self.peek(0) {
            Some(Tok::Deg) => {
                self.p += 1;
                if let (Some(m), Some(Tok::Min)) = (self.number_at(0).cloned(), self.peek(1)) {
                    minutes = Some(m);
                    self.p += 2;
                    if let (Some(s), Some(Tok::Sec)) = (self.number_at(0).cloned(), self.peek(1)) {
                        seconds = Some(s);
                        self.p += 2;
                    }
                } else if let (Some(_), Some(Tok::Sec)) = (self.number_at(0), self.peek(1)) {
                    return Err(self.err(self.pos(1), "seconds without minutes"));
                }
            }
            Some(Tok::Colon) => {
                self.p += 1;
                let Some(m) = self.number_at(0).cloned() else {
                    return Err(self.err(self.pos(0), "minutes must follow \":\""));
                };
                minutes = Some(m);
                self.p += 1;
                if let Some(Tok::Colon) = self.peek(0) {
                    self.p += 1;
                    let Some(s) = self.number_at(0).cloned() else {
                        return Err(self.err(self.pos(0), "seconds must follow \":\""));
                    };
                    seconds = Some(s);
                    self.p += 1;
                }
            }
            Some(Tok::Min | Tok::Sec) => {
                return Err(self.err(self.pos(0), "a minute or second mark right after the degrees"));
            }
            Some(Tok::Num(_)) => {
                let n = self.spaced_dms(&deg, hemisphere.is_some());
                if n >= 1 {
                    minutes = self.number_at(0).cloned();
                    self.p += 1;
                }
                if n == 2 {
                    seconds = self.number_at(0).cloned();
                    self.p += 1;
                }
            }
            _ => {}
        }
        if hemisphere.is_none()
            && let Some(Tok::Hemi(h)) = self.peek(0)
        {
            hemisphere = Some((*h, self.pos(0)));
            self.p += 1;
        }
        // Checks on the parts.
        for part in [&minutes, &seconds].into_iter().flatten() {
            if part.signed {
                return Err(self.err(part.start, "minutes and seconds cannot carry a sign"));
            }
        }
        if let Some(m) = &minutes {
            if !deg.integer {
                return Err(self.err(deg.start, "degrees must be whole when minutes follow"));
            }
            if m.value >= 60.0 {
                return Err(self.err(m.start, format!("minutes {} must be below 60", m.value)));
            }
        }
        if let Some(s) = &seconds {
            if let Some(m) = &minutes
                && !m.integer
            {
                return Err(self.err(m.start, "minutes must be whole when seconds follow"));
            }
            if s.value >= 60.0 {
                return Err(self.err(s.start, format!("seconds {} must be below 60", s.value)));
            }
        }
        if deg.signed
            && let Some((h, at)) = hemisphere
        {
            return Err(self.err(at, format!("both a sign and the hemisphere letter {h}")));
        }
        let m = minutes.as_ref().map_or(0.0, |m| m.value);
        let s = seconds.as_ref().map_or(0.0, |s| s.value);
        let magnitude = if minutes.is_some() || seconds.is_some() {
            (deg.value.abs() * 3600.0 + m * 60.0 + s) / 3600.0
        } else {
            deg.value.abs()
        };
        let degrees = if deg.negative { -magnitude } else { magnitude };
        Ok(Component { degrees, hemisphere, start })
    }
}

/// Reads a coordinate and returns it as a point (x = longitude in [-180, 180), y = latitude, degrees).
///
/// See the module documentation for the forms accepted. Order is latitude then longitude unless hemisphere
/// letters say otherwise.
///
/// # Errors
/// [`ParseError`] with the column and the forms accepted, for: an empty text, anything that is not a number,
/// separator, mark or hemisphere letter (also "NaN" and "inf"), a missing or a third value, two latitudes or two
/// longitudes by their letters, a sign together with a hemisphere letter, minutes or seconds of 60 or more,
/// fractional degrees before minutes, a latitude outside [-90, 90] (also 90.000000001), a longitude outside
/// [-540, 540].
///
/// # Example
/// ```
/// use groundtrack::parse::parse_coordinate;
/// let p = parse_coordinate("39.2239N 125.67E").unwrap();
/// assert_eq!((p.y(), p.x()), (39.2239, 125.67));
/// let trap = parse_coordinate("1e-3 2E1").unwrap(); // scientific notation, not East
/// assert_eq!((trap.y(), trap.x()), (0.001, 20.0));
/// assert_eq!(parse_coordinate("10, 190").unwrap().x(), -170.0);
/// assert_eq!(parse_coordinate("39.2239 , 125.67E x").unwrap_err().column, 19);
/// ```
pub fn parse_coordinate(s: &str) -> Result<Point<f64>, ParseError> {
    let chars: Vec<char> = s.chars().collect();
    let toks = tokenize(s, &chars)?;
    if toks.is_empty() {
        return Err(ParseError::at(s, 0, "empty coordinate", EXPECT_COORD));
    }
    let mut r = Reader { input: s, chars_len: chars.len(), toks, p: 0 };
    if let Some(Tok::Sep) = r.peek(0) {
        return Err(r.err(r.pos(0), "a separator before the first value"));
    }
    let first = r.component()?;
    if let Some(Tok::Sep) = r.peek(0) {
        r.p += 1;
    }
    if r.peek(0).is_none() {
        return Err(r.err(r.pos(0), "the second value (longitude) is missing"));
    }
    if let Some(Tok::Sep) = r.peek(0) {
        return Err(r.err(r.pos(0), "two separators in a row"));
    }
    let second = r.component()?;
    if r.peek(0).is_some() {
        let at = r.pos(0);
        let message = match (r.peek(0), r.peek(1)) {
            (Some(Tok::Num(_)), _) | (Some(Tok::Sep), Some(Tok::Num(_))) => {
                "a third value (a decimal comma? write decimals with a point)"
            }
            _ => "unexpected text after the longitude",
        };
        return Err(r.err(at, message));
    }
    let is_lat = |h: char| matches!(h, 'N' | 'S');
    let (lat, lon) = match (first.hemisphere, second.hemisphere) {
        (Some((a, _)), Some((b, at))) => {
            if is_lat(a) == is_lat(b) {
                let which = if is_lat(a) { "latitudes (N/S)" } else { "longitudes (E/W)" };
                return Err(r.err(at, format!("both values are marked as {which}")));
            }
            if is_lat(a) { (first, second) } else { (second, first) }
        }
        (Some((a, _)), None) => {
            if is_lat(a) {
                (first, second)
            } else {
                (second, first)
            }
        }
        (None, Some((b, _))) => {
            if is_lat(b) {
                (second, first)
            } else {
                (first, second)
            }
        }
        (None, None) => (first, second),
    };
    let signed = |c: &Component| match c.hemisphere {
        Some(('S' | 'W', _)) => -c.degrees,
        _ => c.degrees,
    };
    let lat_deg = signed(&lat);
    let lon_deg = signed(&lon);
    if !(-90.0..=90.0).contains(&lat_deg) {
        return Err(ParseError::at(
            s,
            lat.start,
            format!("latitude {lat_deg} is outside [-90, 90] degrees"),
            format!("a latitude from -90 to 90 (90 S to 90 N); {EXPECT_COORD}"),
        ));
    }
    if !(-540.0..=540.0).contains(&lon_deg) {
        return Err(ParseError::at(
            s,
            lon.start,
            format!("longitude {lon_deg} is outside [-540, 540] degrees"),
            "a longitude from -540 to 540 (reduced to [-180, 180))",
        ));
    }
    Ok(Point::new(normalize_longitude(lon_deg), lat_deg))
}

/// The marks written after degrees, minutes and seconds of an angle, in the forms reports and warnings use:
/// degree signs (°, the masculine ordinal º, the ring ˚), primes and the apostrophes and quotes typed for them
/// (' ′ ’ ʹ ‘), double primes and their stand-ins (" ″ ” “ ʺ).
pub(crate) fn is_angle_mark(c: char) -> bool {
    matches!(c, '°' | 'º' | '˚' | '\'' | '′' | '’' | 'ʹ' | '‘' | '"' | '″' | '”' | '“' | 'ʺ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ll(s: &str) -> (f64, f64) {
        let p = parse_coordinate(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        (p.y(), p.x())
    }

    fn dms(d: f64, m: f64, s: f64) -> f64 {
        d + m / 60.0 + s / 3600.0
    }

    #[test]
    fn decimal_forms() {
        for s in
            ["39.2239, 125.67", "39.2239 125.67", "39.2239,125.67", "39.2239; 125.67", "+39.2239 +125.67"]
        {
            assert_eq!(ll(s), (39.2239, 125.67), "{s}");
        }
        assert_eq!(ll("-33.9 151.2"), (-33.9, 151.2));
        assert_eq!(ll("\u{2212}33.9, \u{2212}151.2"), (-33.9, -151.2));
    }

    #[test]
    fn hemisphere_letters() {
        for s in [
            "39.2239N 125.67E",
            "N39.2239 E125.67",
            "39.2239 N, 125.67 E",
            "N 39.2239, E 125.67",
            "125.67E 39.2239N",
            "E125.67 N39.2239",
            "39.2239n 125.67e",
            "39.2239N125.67E",
            "39.2239 125.67E",
            "125.67E, 39.2239",
        ] {
            assert_eq!(ll(s), (39.2239, 125.67), "{s}");
        }
        assert_eq!(ll("33.9S 151.2W"), (-33.9, -151.2));
        assert_eq!(ll("13.58111 N, 144.92444 E"), (13.58111, 144.92444));
    }

    #[test]
    fn degrees_minutes_seconds() {
        let erimo = (dms(41.0, 55.0, 28.0), dms(143.0, 14.0, 54.0));
        for s in [
            "41°55′28″N 143°14′54″E",
            "41°55'28\"N 143°14'54\"E",
            "41d55'28\"N 143d14'54\"E",
            "41:55:28N 143:14:54E",
            "41 55 28 N 143 14 54 E",
            "41 55 28N, 143 14 54E",
            "N41°55′28″ E143°14′54″",
            "41° 55′ 28″ N, 143° 14′ 54″ E",
            "41º55’28”N 143º14’54”E",
            "41°55'28''N 143°14'54''E",
        ] {
            let (lat, lon) = ll(s);
            assert!((lat - erimo.0).abs() < 1e-12 && (lon - erimo.1).abs() < 1e-12, "{s}: {lat} {lon}");
        }
        let (lat, lon) = ll("41°55.5′N 143°14.9′E");
        assert!((lat - 41.925).abs() < 1e-12 && (lon - (143.0 + 14.9 / 60.0)).abs() < 1e-12);
        let (lat, lon) = ll("42 08 57 N, 139 28 02 E");
        assert!((lat - dms(42.0, 8.0, 57.0)).abs() < 1e-12 && (lon - dms(139.0, 28.0, 2.0)).abs() < 1e-12);
        let (lat, _) = ll("33°52′S 151°12′E");
        assert!((lat + dms(33.0, 52.0, 0.0)).abs() < 1e-12);
        assert_eq!(ll("-0:30 0"), (-0.5, 0.0));
        assert_eq!(ll("39.5° 125.5°"), (39.5, 125.5));
        // Spaced numbers are not minutes unless a letter says so, or when 60 or more.
        assert_eq!(ll("39 125 E"), (39.0, 125.0));
    }

    #[test]
    fn scientific_notation_is_not_east() {
        assert_eq!(ll("1e-3 2E1"), (0.001, 20.0));
        assert_eq!(ll("1E1, 2e+1"), (10.0, 20.0));
        assert_eq!(ll("1e1E 2e1N"), (20.0, 10.0));
    }

    #[test]
    fn ranges_and_normalisation() {
        assert_eq!(ll("90, 0"), (90.0, 0.0));
        assert_eq!(ll("-90, 0"), (-90.0, 0.0));
        assert_eq!(ll("0, 180"), (0.0, -180.0));
        assert_eq!(ll("0, 540"), (0.0, -180.0));
        assert_eq!(ll("0, -540"), (0.0, -180.0));
        assert_eq!(ll("0, 190"), (0.0, -170.0));
        assert_eq!(ll("0, 359"), (0.0, -1.0));
        let e = parse_coordinate("90.000000001, 0").unwrap_err();
        assert_eq!(e.column, 1);
        assert!(e.message.contains("latitude"));
        assert!(parse_coordinate("-90.5, 0").is_err());
        assert!(parse_coordinate("91N 0E").is_err());
        assert!(parse_coordinate("0, 540.0001").is_err());
        let e = parse_coordinate("0 E, 95 N").unwrap_err();
        assert_eq!(e.column, 6);
    }

    #[test]
    fn errors() {
        let cases: &[(&str, usize)] = &[
            ("", 1),
            ("   ", 1),
            ("NaN, 0", 1),
            ("0, inf", 4),
            ("abc", 1),
            ("39.2239", 8),
            ("39.2239,", 9),
            ("39.2239 125.67 3", 16),
            ("39,2239, 125,67", 8),
            ("39.2N 125.6N", 12),
            ("39.2E 125.6W", 12),
            ("-39.2S 125.6E", 6),
            ("41°60′N 143°E", 4),
            ("41°59′60″N 143°E", 7),
            ("41.5°30′N 143°E", 1),
            ("41:30.5:10N 143E", 4),
            ("41′N 143E", 3),
            (", 39 125", 1),
            ("39,, 125", 4),
            ("39 # 125", 4),
            ("39 - 125", 4),
            ("39 125 x", 8),
            ("1e400 0", 1),
        ];
        for &(s, col) in cases {
            let e = parse_coordinate(s).err().unwrap_or_else(|| panic!("{s} should fail"));
            assert_eq!(e.column, col, "{s}: {e}");
            assert!(!e.expected.is_empty());
        }
    }
}
