//! Coordinates and vertex lists as navigation warnings (NAVAREA, HYDROPAC, Notices to Mariners) and NOTAMs write
//! them.
//!
//! Accepted for one coordinate (latitude first; hemisphere letters after or before each value):
//! - degrees and decimal minutes joined by a hyphen: "18-19.5N 111-13.5E", "18-19.5N/111-13.5E";
//! - degrees, minutes and seconds joined by hyphens: "25-43-00N 095-52-00W";
//! - packed digits, DDMM[.m] or DDMMSS[.s] for a latitude and DDDMM[.m] or DDDMMSS[.s] for a longitude:
//!   "1819.5N11113.5E", "181930N1111330E", "190400N 1184000E";
//! - packed digits with the letter first, as Chinese NOTAMs write them: "N384229E1113228";
//! - degrees and minutes separated by spaces or by the marks `° ′ ″ ' "` (and the typographic quotes):
//!   "36 05.46N 005 20.70W", "35°44′06″N 124°30′30″E".
//!
//! A vertex list is any number of such coordinates separated by commas, semicolons, slashes, hyphens, new lines,
//! "and", "to" or "then"; "back to start" (as NOTAMs close an area) may end it. A last vertex equal to the first
//! closes the ring and is dropped.
//!
//! What is doubtful but readable gives a [`Warning`]: a vertex without its hemisphere letter takes the letter of
//! its neighbours (previous vertex, else next); a vertex repeated is reported. What cannot be an area is an error:
//! fewer than three distinct vertices, or edges that cross or touch away from their shared vertex (tested in the
//! plane of longitude and latitude with `geo`'s segment intersection, longitudes unwrapped across the
//! antimeridian).
//!
//! Minutes and seconds must be below 60, latitudes at most 90 and longitudes at most 180 degrees. Signs are not
//! accepted: in this notation a hyphen joins degrees to minutes, so a hemisphere letter says which side.

use std::fmt;

use geo::line_intersection::line_intersection;
use geo_types::{Coord, Line, Point};

use super::ParseError;
use crate::geodesy::normalize_longitude;

const EXPECT_COORD: &str = "a coordinate such as \"18-19.5N 111-13.5E\", \"181930N1111330E\", \"N384229E1113228\" \
     or \"25-43-00N 095-52-00W\" (latitude first, hemisphere letters N/S and E/W)";

const EXPECT_LIST: &str = "vertices such as \"18-19.5N 111-13.5E, 18-30N 111-40E, 18-05N 111-50E\" separated by \
     commas, slashes, \"and\" or new lines";

/// A remark on text that was read but looks doubtful: where it is and what was assumed.
///
/// # Example
/// ```
/// use groundtrack::parse::parse_vertex_list;
/// let (_, warnings) =
///     parse_vertex_list("18-19.5N 111-13.5E, 18-30 111-40E, 18-05N 111-50E").unwrap();
/// assert_eq!(warnings.len(), 1);
/// assert_eq!(warnings[0].column, 21);
/// assert!(warnings[0].message.contains("took N"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based character column in the text where the doubtful part starts.
    pub column: usize,
    /// What was doubtful and what was assumed.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

/// How [`format_notam_coordinate`] writes a coordinate.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::parse::{NotamStyle, format_notam_coordinate};
/// let p = Point::new(111.225, 18.325);
/// assert_eq!(format_notam_coordinate(p, NotamStyle::HyphenMinutes), "18-19.50N 111-13.50E");
/// assert_eq!(format_notam_coordinate(p, NotamStyle::PackedSeconds), "181930N1111330E");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotamStyle {
    /// Degrees, a hyphen and minutes to two decimals: "18-19.50N 111-13.50E".
    HyphenMinutes,
    /// Packed degrees, minutes and whole seconds: "181930N1111330E".
    PackedSeconds,
}

/// A latitude or a longitude.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Lat,
    Lon,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Lat => "latitude",
            Role::Lon => "longitude",
        }
    }

    fn of_letter(c: char) -> Role {
        if matches!(c, 'N' | 'S') { Role::Lat } else { Role::Lon }
    }
}

/// A number as written: its digits before and after the point.
#[derive(Debug, Clone, PartialEq)]
struct Num {
    int: String,
    frac: Option<String>,
    start: usize,
}

impl Num {
    fn value(&self) -> f64 {
        let text = match &self.frac {
            Some(f) => format!("{}.{}", self.int, f),
            None => self.int.clone(),
        };
        text.parse().unwrap_or(f64::NAN)
    }

    fn int_value(&self) -> f64 {
        self.int.parse().unwrap_or(f64::NAN)
    }

    /// The written fraction as a value in [0, 1).
    fn frac_value(&self) -> f64 {
        match &self.frac {
            Some(f) => format!("0.{f}").parse().unwrap_or(f64::NAN),
            None => 0.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Num),
    Hemi(char, usize),
    /// A hyphen or a degree, minute or second mark: joins the parts of one value.
    Join,
    /// Spaces and tabs.
    Space,
    /// A comma, semicolon, slash, new line, full stop or a linking word: never inside one value.
    Break,
    /// "back to start": the area closes here.
    Close(usize),
}

fn is_join_mark(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | ':') || super::coordinate::is_angle_mark(c)
}

fn tokenize(input: &str, chars: &[char]) -> Result<Vec<Tok>, ParseError> {
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '\n' || c == '\r' {
            toks.push(Tok::Break);
            i += 1;
        } else if c.is_whitespace() {
            if toks.last() != Some(&Tok::Space) {
                toks.push(Tok::Space);
            }
            i += 1;
        } else if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            let start = i;
            let mut int = String::new();
            while let Some(&d) = chars.get(i)
                && d.is_ascii_digit()
            {
                int.push(d);
                i += 1;
            }
            let mut frac = None;
            if chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                i += 1;
                let mut f = String::new();
                while let Some(&d) = chars.get(i)
                    && d.is_ascii_digit()
                {
                    f.push(d);
                    i += 1;
                }
                frac = Some(f);
                if chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                    return Err(ParseError::at(
                        input,
                        i,
                        "a second decimal point in one number",
                        "one decimal point per number (\"05.46\"), and a hyphen or space between degrees and minutes",
                    ));
                }
            }
            if int.is_empty() {
                int.push('0');
            }
            if int.len() > 9 {
                return Err(ParseError::at(input, start, "too many digits for a coordinate", EXPECT_COORD));
            }
            toks.push(Tok::Num(Num { int, frac, start }));
        } else if is_join_mark(c) {
            toks.push(Tok::Join);
            i += 1;
        } else if matches!(c, ',' | ';' | '/' | '.') {
            toks.push(Tok::Break);
            i += 1;
        } else if c.is_alphabetic() {
            let start = i;
            let word: String = chars[i..].iter().take_while(|c| c.is_ascii_alphabetic()).collect();
            if word.is_empty() {
                return Err(ParseError::at(input, i, format!("unexpected character \"{c}\""), EXPECT_COORD));
            }
            let upper = word.to_ascii_uppercase();
            match upper.as_str() {
                "N" | "S" | "E" | "W" => {
                    toks.push(Tok::Hemi(upper.chars().next().unwrap_or('N'), start));
                    i += 1;
                }
                "AND" | "TO" | "THEN" | "THENCE" => {
                    toks.push(Tok::Break);
                    i += word.chars().count();
                }
                "BACK" => {
                    // "back to start", "back to the start", "back to the beginning"
                    let rest: String = chars[i..].iter().collect::<String>().to_ascii_uppercase();
                    let phrases =
                        ["BACK TO THE START", "BACK TO START", "BACK TO THE BEGINNING", "BACK TO BEGINNING"];
                    let Some(p) = phrases.iter().find(|p| {
                        rest.starts_with(*p)
                            && !rest[p.len()..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                    }) else {
                        return Err(ParseError::at(
                            input,
                            i,
                            "unexpected word \"back\"",
                            "\"back to start\" at the end of the list",
                        ));
                    };
                    toks.push(Tok::Close(start));
                    i += p.chars().count();
                }
                _ => {
                    return Err(ParseError::at(
                        input,
                        i,
                        format!("unexpected text \"{word}\""),
                        format!(
                            "{EXPECT_LIST}; only N, S, E, W, \"and\", \"to\" and \"back to start\" as words"
                        ),
                    ));
                }
            }
        } else {
            return Err(ParseError::at(input, i, format!("unexpected character \"{c}\""), EXPECT_COORD));
        }
    }
    Ok(toks)
}

/// One value (a latitude or a longitude) before its role is known.
#[derive(Debug, Clone, PartialEq)]
struct Comp {
    parts: Vec<Num>,
    hemi: Option<(char, usize)>,
    start: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Letters after the numbers: "18-19.5N".
    Trailing,
    /// Letters before the numbers: "N384229".
    Leading,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    None,
    Space,
    Join,
    Break,
}

/// Can `n`, after separator `sep`, continue `cur` as its minutes or seconds? (A value of 60 or more is taken as
/// minutes too, so that the error names it.)
fn continues(cur: &Comp, n: &Num, sep: Sep, style: Style) -> bool {
    let Some(last) = cur.parts.last() else { return false };
    let first_is_degrees = cur.parts.first().is_some_and(|p| p.int.len() <= 3);
    sep != Sep::Break
        && (style == Style::Leading || cur.hemi.is_none())
        && cur.parts.len() < 3
        && first_is_degrees
        && last.frac.is_none()
        && n.int.len() <= 2
}

fn group(input: &str, toks: &[Tok]) -> Result<(Vec<Comp>, Option<usize>), ParseError> {
    let style = match toks.iter().find(|t| matches!(t, Tok::Num(_) | Tok::Hemi(..))) {
        Some(Tok::Hemi(..)) => Style::Leading,
        _ => Style::Trailing,
    };
    let mut comps: Vec<Comp> = Vec::new();
    let mut cur: Option<Comp> = None;
    let mut sep = Sep::None;
    let mut closed: Option<usize> = None;
    for t in toks {
        if let Some(at) = closed
            && !matches!(t, Tok::Break | Tok::Space)
        {
            return Err(ParseError::at(
                input,
                at,
                "text after \"back to start\"",
                "\"back to start\" only at the end of the list",
            ));
        }
        match t {
            Tok::Num(n) => {
                match cur.as_mut() {
                    Some(c) if c.parts.is_empty() => c.parts.push(n.clone()),
                    Some(c) if continues(c, n, sep, style) => c.parts.push(n.clone()),
                    _ => {
                        if let Some(c) = cur.take() {
                            comps.push(c);
                        }
                        cur = Some(Comp { parts: vec![n.clone()], hemi: None, start: n.start });
                    }
                }
                sep = Sep::None;
            }
            Tok::Hemi(h, at) => {
                match style {
                    Style::Trailing => match cur.take() {
                        Some(mut c) if c.hemi.is_none() => {
                            c.hemi = Some((*h, *at));
                            comps.push(c);
                        }
                        other => {
                            if let Some(c) = other {
                                comps.push(c);
                            }
                            return Err(ParseError::at(
                                input,
                                *at,
                                format!("hemisphere letter {h} without a number before it"),
                                "the letter after its value (\"18-19.5N\"), as in the rest of the text",
                            ));
                        }
                    },
                    Style::Leading => {
                        if let Some(c) = cur.take() {
                            if c.parts.is_empty() {
                                return Err(ParseError::at(
                                    input,
                                    *at,
                                    format!("hemisphere letter {h} right after another letter"),
                                    "a number after each letter (\"N384229E1113228\")",
                                ));
                            }
                            comps.push(c);
                        }
                        cur = Some(Comp { parts: Vec::new(), hemi: Some((*h, *at)), start: *at });
                    }
                }
                sep = Sep::None;
            }
            Tok::Join => {
                if sep != Sep::Break {
                    sep = Sep::Join;
                }
            }
            Tok::Space => {
                if sep == Sep::None {
                    sep = Sep::Space;
                }
            }
            Tok::Break => {
                if let Some(c) = cur.take() {
                    if c.parts.is_empty() {
                        return Err(missing_number(input, &c));
                    }
                    comps.push(c);
                }
                sep = Sep::Break;
            }
            Tok::Close(at) => {
                if let Some(c) = cur.take() {
                    if c.parts.is_empty() {
                        return Err(missing_number(input, &c));
                    }
                    comps.push(c);
                }
                closed = Some(*at);
                sep = Sep::Break;
            }
        }
    }
    if let Some(c) = cur.take() {
        if c.parts.is_empty() {
            return Err(missing_number(input, &c));
        }
        comps.push(c);
    }
    Ok((comps, closed))
}

fn missing_number(input: &str, c: &Comp) -> ParseError {
    let (h, at) = c.hemi.unwrap_or(('?', c.start));
    ParseError::at(input, at, format!("hemisphere letter {h} without a number after it"), EXPECT_COORD)
}

/// The unsigned value of a component in degrees, read as a latitude or a longitude.
fn component_degrees(input: &str, c: &Comp, role: Role) -> Result<f64, ParseError> {
    let max = if role == Role::Lat { 90.0 } else { 180.0 };
    let (deg, min, sec, at) = if c.parts.len() == 1 && c.parts[0].int.len() >= 4 {
        let p = &c.parts[0];
        let d = p.int.as_str();
        let deg_width = match (role, d.len()) {
            (Role::Lat, 4 | 6) | (Role::Lon, 4 | 6) => 2,
            (Role::Lon, 5 | 7) => 3,
            _ => {
                return Err(ParseError::at(
                    input,
                    p.start,
                    format!("{} packed digits do not make a {}", d.len(), role.name()),
                    match role {
                        Role::Lat => "a packed latitude as DDMM or DDMMSS (\"1819.5N\", \"181930N\")",
                        Role::Lon => "a packed longitude as DDDMM or DDDMMSS (\"11113.5E\", \"1111330E\")",
                    },
                ));
            }
        };
        let num = |s: &str| s.parse::<f64>().unwrap_or(f64::NAN);
        let deg = num(&d[..deg_width]);
        let rest = &d[deg_width..];
        let frac = p.frac_value();
        if rest.len() == 2 {
            (deg, num(rest) + frac, 0.0, p.start)
        } else {
            (deg, num(&rest[..2]), num(&rest[2..]) + frac, p.start)
        }
    } else {
        let get = |k: usize| c.parts.get(k);
        let p0 =
            get(0).ok_or_else(|| ParseError::at(input, c.start, "a value without a number", EXPECT_COORD))?;
        if p0.int.len() > 3 {
            return Err(ParseError::at(
                input,
                p0.start,
                format!("{} digits of degrees", p0.int.len()),
                "at most three digits of degrees, or packed digits alone (\"181930N\")",
            ));
        }
        let deg = if c.parts.len() == 1 { p0.value() } else { p0.int_value() };
        let min = get(1).map_or(0.0, |p| if c.parts.len() == 2 { p.value() } else { p.int_value() });
        let sec = get(2).map_or(0.0, |p| p.value());
        (deg, min, sec, p0.start)
    };
    let part_at = |k: usize| c.parts.get(k).map_or(at, |p| p.start);
    if !(min.is_finite() && min < 60.0) {
        return Err(ParseError::at(
            input,
            if c.parts.len() > 1 { part_at(1) } else { at },
            format!("minutes {min} are not below 60"),
            EXPECT_COORD,
        ));
    }
    if !(sec.is_finite() && sec < 60.0) {
        return Err(ParseError::at(
            input,
            if c.parts.len() > 2 { part_at(2) } else { at },
            format!("seconds {sec} are not below 60"),
            EXPECT_COORD,
        ));
    }
    let value = deg + min / 60.0 + sec / 3600.0;
    if !(value.is_finite() && value <= max) {
        return Err(ParseError::at(
            input,
            at,
            format!("{} {value} is beyond {max} degrees", role.name()),
            format!("a {} of at most {max} degrees with a hemisphere letter", role.name()),
        ));
    }
    Ok(value)
}

/// One vertex with its components in (latitude, longitude) order.
#[derive(Debug, Clone)]
struct RawVertex {
    lat: Comp,
    lon: Comp,
    start: usize,
}

fn pair(input: &str, comps: Vec<Comp>, warnings: &mut Vec<Warning>) -> Result<Vec<RawVertex>, ParseError> {
    if comps.len() % 2 == 1 {
        let last = comps.last().map_or(input.chars().count(), |c| c.start);
        return Err(ParseError::at(
            input,
            last,
            "a value without its partner: the values do not pair into latitude and longitude",
            "each vertex as a latitude and a longitude",
        ));
    }
    let mut out = Vec::new();
    let mut it = comps.into_iter();
    while let (Some(a), Some(b)) = (it.next(), it.next()) {
        let ra = a.hemi.map(|(h, _)| Role::of_letter(h));
        let rb = b.hemi.map(|(h, _)| Role::of_letter(h));
        let start = a.start.min(b.start);
        match (ra, rb) {
            (Some(Role::Lon), Some(Role::Lat)) | (Some(Role::Lon), None) | (None, Some(Role::Lat)) => {
                warnings.push(Warning {
                    column: start + 1,
                    message: "longitude written before latitude; read by its hemisphere letter".into(),
                });
                out.push(RawVertex { lat: b, lon: a, start });
            }
            (Some(x), Some(y)) if x == y => {
                return Err(ParseError::at(
                    input,
                    b.start,
                    format!("two {}s in one vertex", x.name()),
                    "a latitude (N/S) and a longitude (E/W) in each vertex",
                ));
            }
            _ => out.push(RawVertex { lat: a, lon: b, start }),
        }
    }
    Ok(out)
}

/// Fills missing hemisphere letters of one role from the neighbouring vertices.
fn infer_letters(
    input: &str,
    vertices: &[RawVertex],
    role: Role,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<char>, ParseError> {
    let comp = |v: &RawVertex| -> Comp { if role == Role::Lat { v.lat.clone() } else { v.lon.clone() } };
    let letters: Vec<Option<char>> = vertices.iter().map(|v| comp(v).hemi.map(|(h, _)| h)).collect();
    if letters.iter().all(Option::is_none) {
        let at = vertices.first().map_or(0, |v| comp(v).start);
        return Err(ParseError::at(
            input,
            at,
            format!("no {} has a hemisphere letter", role.name()),
            match role {
                Role::Lat => "N or S after each latitude (\"18-19.5N\"), at least on one vertex",
                Role::Lon => "E or W after each longitude (\"111-13.5E\"), at least on one vertex",
            },
        ));
    }
    let mut out = Vec::with_capacity(letters.len());
    for (k, l) in letters.iter().enumerate() {
        if let Some(h) = l {
            out.push(*h);
            continue;
        }
        let prev = letters[..k].iter().rev().flatten().next();
        let next = letters[k + 1..].iter().flatten().next();
        let c = comp(&vertices[k]);
        let h = match (prev, next) {
            (Some(p), Some(n)) if p != n => {
                return Err(ParseError::at(
                    input,
                    c.start,
                    format!(
                        "this {} has no hemisphere letter and its neighbours disagree ({p} and {n})",
                        role.name()
                    ),
                    "a hemisphere letter on this value",
                ));
            }
            (Some(p), _) => *p,
            (None, Some(n)) => *n,
            (None, None) => unreachable_letter(),
        };
        warnings.push(Warning {
            column: c.start + 1,
            message: format!(
                "vertex {} has no hemisphere letter on its {}; took {h} from its neighbours",
                k + 1,
                role.name()
            ),
        });
        out.push(h);
    }
    Ok(out)
}

/// Never reached: at least one letter exists when this is called. Returns a harmless default rather than
/// panicking.
fn unreachable_letter() -> char {
    'N'
}

fn to_points(
    input: &str,
    vertices: &[RawVertex],
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Point<f64>>, ParseError> {
    let lat_letters = infer_letters(input, vertices, Role::Lat, warnings)?;
    let lon_letters = infer_letters(input, vertices, Role::Lon, warnings)?;
    let mut points = Vec::with_capacity(vertices.len());
    for (k, v) in vertices.iter().enumerate() {
        let lat = component_degrees(input, &v.lat, Role::Lat)?;
        let lon = component_degrees(input, &v.lon, Role::Lon)?;
        let lat = if lat_letters.get(k) == Some(&'S') { -lat } else { lat };
        let lon = if lon_letters.get(k) == Some(&'W') { -lon } else { lon };
        points.push(Point::new(normalize_longitude(lon), lat));
    }
    Ok(points)
}

/// Reads one coordinate as navigation warnings and NOTAMs write it.
///
/// Input: text such as "18-19.5N 111-13.5E", "18-19.5N/111-13.5E", "1819.5N11113.5E", "181930N1111330E",
/// "N384229E1113228" or "25-43-00N 095-52-00W" (see the module documentation for the full list).
/// Output: the point (x = longitude in [-180, 180), y = latitude, degrees) and any warnings (a longitude written
/// before the latitude).
///
/// # Errors
/// [`ParseError`] with the column for: empty text, an unexpected character or word, a hemisphere letter without
/// its number, a value without a hemisphere letter (a single coordinate has no neighbours to lend one), minutes or
/// seconds of 60 or more, a latitude beyond 90 or longitude beyond 180 degrees, packed digits of the wrong length,
/// and more or fewer than one latitude and one longitude.
///
/// # Example
/// ```
/// use groundtrack::parse::parse_notam_coordinate;
/// let (p, w) = parse_notam_coordinate("18-19.5N 111-13.5E").unwrap();
/// assert!((p.y() - 18.325).abs() < 1e-12 && (p.x() - 111.225).abs() < 1e-12);
/// assert!(w.is_empty());
/// let (q, _) = parse_notam_coordinate("N384229E1113228").unwrap();
/// assert!((q.y() - (38.0 + 42.0 / 60.0 + 29.0 / 3600.0)).abs() < 1e-12);
/// assert!(parse_notam_coordinate("18-19.5 111-13.5E").is_err());
/// ```
pub fn parse_notam_coordinate(s: &str) -> Result<(Point<f64>, Vec<Warning>), ParseError> {
    let chars: Vec<char> = s.chars().collect();
    let toks = tokenize(s, &chars)?;
    let (comps, closed) = group(s, &toks)?;
    if let Some(at) = closed {
        return Err(ParseError::at(s, at, "\"back to start\" in a single coordinate", EXPECT_COORD));
    }
    if comps.is_empty() {
        return Err(ParseError::at(s, chars.len(), "no coordinate", EXPECT_COORD));
    }
    if comps.len() != 2 {
        let at = comps.get(2).map_or(comps.first().map_or(0, |c| c.start), |c| c.start);
        return Err(ParseError::at(
            s,
            if comps.len() > 2 { at } else { chars.len() },
            format!("{} values where one latitude and one longitude were expected", comps.len()),
            EXPECT_COORD,
        ));
    }
    let mut warnings = Vec::new();
    let vertices = pair(s, comps, &mut warnings)?;
    for v in &vertices {
        for (c, role) in [(&v.lat, Role::Lat), (&v.lon, Role::Lon)] {
            if c.hemi.is_none() {
                return Err(ParseError::at(
                    s,
                    c.start,
                    format!("the {} has no hemisphere letter", role.name()),
                    match role {
                        Role::Lat => "N or S with the latitude (\"18-19.5N\")",
                        Role::Lon => "E or W with the longitude (\"111-13.5E\")",
                    },
                ));
            }
        }
    }
    let points = to_points(s, &vertices, &mut warnings)?;
    match points.first() {
        Some(p) => Ok((*p, warnings)),
        None => Err(ParseError::at(s, 0, "no coordinate", EXPECT_COORD)),
    }
}

/// Longitude difference b - a wrapped to [-180, 180).
fn wrap_diff(a: f64, b: f64) -> f64 {
    (b - a + 180.0).rem_euclid(360.0) - 180.0
}

/// Reads a closed area as a list of vertices, as navigation warnings and NOTAMs write it.
///
/// Input: vertices in any style of [`parse_notam_coordinate`], separated by commas, semicolons, slashes, hyphens,
/// new lines, "and", "to" or "then", optionally ending with "back to start". Example (HYDROPAC style):
/// "18-19.5N 111-13.5E, 18-30.0N 111-40.0E, 18-05.0N 111-50.0E AND 18-19.5N 111-13.5E".
///
/// Output: the ring's vertices in order (x = longitude in [-180, 180), y = latitude, degrees), without a closing
/// repeat of the first vertex, and the warnings: a vertex without a hemisphere letter takes the letter of its
/// neighbours (previous vertex first); a repeated vertex is reported (a consecutive repeat is dropped); a longitude
/// written before its latitude is reported.
///
/// # Errors
/// [`ParseError`] with the column for anything [`parse_notam_coordinate`] rejects, for values that do not pair into
/// vertices, for a list where no vertex has a hemisphere letter for latitude (or for longitude), for neighbours that
/// disagree about a missing letter, for fewer than three distinct vertices, and for a ring whose edges cross or
/// touch other than at their shared vertex (edges are straight in longitude and latitude; the error names the two
/// edges by their first vertices).
///
/// # Example
/// ```
/// use groundtrack::parse::parse_vertex_list;
/// // NOAA/NGA-style warning for a Boca Chica launch, 2024-03-14 (debris area 2), as published.
/// let text = "23-45-00N 089-55-00W, 23-42-00N 089-09-00W, 23-28-00N 089-00-00W,\n\
///             23-22-00N 089-06-00W, 23-32-00N 089-23-00W AND 23-33-00N 089-55-00W.";
/// let (ring, warnings) = parse_vertex_list(text).unwrap();
/// assert_eq!(ring.len(), 6);
/// assert!(warnings.is_empty());
/// assert!((ring[0].y() - 23.75).abs() < 1e-12 && (ring[0].x() + (89.0 + 55.0 / 60.0)).abs() < 1e-12);
/// // Corners listed across the diagonals make edges that cross: an error.
/// assert!(parse_vertex_list("35N 124E, 35N 125E, 34N 124E, 34N 125E").is_err());
/// ```
pub fn parse_vertex_list(s: &str) -> Result<(Vec<Point<f64>>, Vec<Warning>), ParseError> {
    let chars: Vec<char> = s.chars().collect();
    let toks = tokenize(s, &chars)?;
    let (comps, _closed) = group(s, &toks)?;
    if comps.is_empty() {
        return Err(ParseError::at(s, chars.len(), "no vertices", EXPECT_LIST));
    }
    let mut warnings = Vec::new();
    let raw = pair(s, comps, &mut warnings)?;
    let points = to_points(s, &raw, &mut warnings)?;
    let same =
        |a: &Point<f64>, b: &Point<f64>| (a.y() - b.y()).abs() < 1e-9 && wrap_diff(a.x(), b.x()).abs() < 1e-9;
    // A closing repeat of the first vertex is how many warnings close an area: drop it silently.
    let mut ring: Vec<(Point<f64>, usize)> =
        points.iter().copied().zip(raw.iter().map(|v| v.start)).collect();
    if ring.len() >= 2
        && let (Some(first), Some(last)) = (ring.first(), ring.last())
        && same(&first.0, &last.0)
    {
        ring.pop();
    }
    let mut kept: Vec<(Point<f64>, usize)> = Vec::with_capacity(ring.len());
    for (k, (p, at)) in ring.iter().enumerate() {
        if let Some(j) = kept.iter().position(|(q, _)| same(p, q)) {
            let consecutive = kept.last().is_some_and(|(q, _)| same(p, q));
            warnings.push(Warning {
                column: at + 1,
                message: format!(
                    "vertex {} repeats vertex {}{}",
                    k + 1,
                    j + 1,
                    if consecutive { "; the repeat is dropped" } else { "" }
                ),
            });
            if consecutive {
                continue;
            }
        }
        kept.push((*p, *at));
    }
    let distinct = {
        let mut d: Vec<Point<f64>> = Vec::new();
        for (p, _) in &kept {
            if !d.iter().any(|q| same(p, q)) {
                d.push(*p);
            }
        }
        d.len()
    };
    if distinct < 3 {
        return Err(ParseError::at(
            s,
            chars.len(),
            format!("{distinct} distinct vertices cannot enclose an area"),
            format!("at least three distinct vertices: {EXPECT_LIST}"),
        ));
    }
    let lone = lone_hemisphere(&kept);
    if let Some(w) = &lone {
        warnings.push(w.clone());
    }
    check_simple(s, &kept).map_err(|e| match &lone {
        Some(w) => ParseError { message: format!("{} ({})", e.message, w.message), ..e },
        None => e,
    })?;
    Ok((kept.into_iter().map(|(p, _)| p).collect(), warnings))
}

/// A coordinate axis for [`lone_hemisphere`]: the line it is measured from, the coordinate, and its letters
/// (negative, positive).
type HemisphereAxis = (&'static str, fn(&Point<f64>) -> f64, [&'static str; 2]);

/// Latitude from the equator (S, N) and longitude from the prime meridian (W, E).
const HEMISPHERE_AXES: [HemisphereAxis; 2] =
    [("equator", |p| p.y(), ["S", "N"]), ("prime meridian", |p| p.x(), ["W", "E"])];

/// A vertex whose hemisphere letter alone differs from all the others', at about the same distance from the
/// equator (or the prime meridian) as they are: the shape of a typed N for S or E for W. A true area across the
/// equator or a meridian has its lone vertex close to the line, or several vertices on each side.
fn lone_hemisphere(ring: &[(Point<f64>, usize)]) -> Option<Warning> {
    if ring.len() < 3 {
        return None;
    }
    for (line, value, letters) in HEMISPHERE_AXES {
        let negative: Vec<usize> = (0..ring.len()).filter(|&k| value(&ring[k].0) < 0.0).collect();
        let lone = match negative.len() {
            1 => negative[0],
            n if n + 1 == ring.len() => (0..ring.len()).find(|k| !negative.contains(k))?,
            _ => continue,
        };
        let magnitude = value(&ring[lone].0).abs();
        let others: Vec<f64> =
            (0..ring.len()).filter(|&k| k != lone).map(|k| value(&ring[k].0).abs()).collect();
        let (lo, hi) = others.iter().fold((f64::INFINITY, 0.0f64), |(a, b), &v| (a.min(v), b.max(v)));
        if magnitude >= 1.0 && magnitude >= lo - 5.0 && magnitude <= hi + 5.0 {
            let (mine, theirs) =
                if value(&ring[lone].0) < 0.0 { (letters[0], letters[1]) } else { (letters[1], letters[0]) };
            return Some(Warning {
                column: ring[lone].1 + 1,
                message: format!(
                    "vertex {} is the only one marked {mine} (the others are {theirs}) though it is about as far \
                     from the {line} as they are: a typo for {theirs}?",
                    lone + 1
                ),
            });
        }
    }
    None
}

/// Errors if two edges of the ring cross or touch other than at a shared vertex, or if the ring has no area.
fn check_simple(input: &str, ring: &[(Point<f64>, usize)]) -> Result<(), ParseError> {
    // Unwrap longitudes so that a ring across the antimeridian is continuous in the plane.
    let mut xy: Vec<Coord<f64>> = Vec::with_capacity(ring.len());
    for (p, _) in ring {
        let x = match xy.last() {
            Some(prev) => prev.x + wrap_diff(prev.x, p.x()),
            None => p.x(),
        };
        xy.push(Coord { x, y: p.y() });
    }
    let n = xy.len();
    let edge = |k: usize| Line::new(xy[k], xy[(k + 1) % n]);
    for a in 0..n {
        for b in (a + 1)..n {
            let adjacent = b == a + 1 || (a == 0 && b == n - 1);
            let hit = line_intersection(edge(a), edge(b));
            let bad = match hit {
                None => false,
                Some(geo::LineIntersection::SinglePoint { intersection, .. }) => {
                    if adjacent {
                        // Adjacent edges share one vertex; meeting anywhere else would need them collinear.
                        let shared = if b == a + 1 { xy[b] } else { xy[0] };
                        (intersection.x - shared.x).abs() > 1e-12 || (intersection.y - shared.y).abs() > 1e-12
                    } else {
                        true
                    }
                }
                Some(geo::LineIntersection::Collinear { .. }) => true,
            };
            if bad {
                let at = ring.get(b).map_or(0, |r| r.1);
                return Err(ParseError::at(
                    input,
                    at,
                    format!(
                        "the edge from vertex {} to {} crosses or touches the edge from vertex {} to {}",
                        a + 1,
                        (a + 1) % n + 1,
                        b + 1,
                        (b + 1) % n + 1
                    ),
                    "vertices in order around the area, so that no two edges cross",
                ));
            }
        }
    }
    let twice_area: f64 = (0..n).map(|k| xy[k].x * xy[(k + 1) % n].y - xy[(k + 1) % n].x * xy[k].y).sum();
    if twice_area.abs() < 1e-12 {
        return Err(ParseError::at(
            input,
            ring.first().map_or(0, |r| r.1),
            "the vertices lie on one line and enclose no area",
            "at least three vertices not on one line",
        ));
    }
    Ok(())
}

/// Splits `v` degrees (v >= 0) into whole degrees, whole minutes and seconds rounded to `sec_decimals`, carrying
/// 60 s into a minute and 60 min into a degree.
fn split_dms(v: f64, sec_decimals: i32) -> (u32, u32, f64) {
    let scale = 10f64.powi(sec_decimals);
    let total = (v * 3600.0 * scale).round() / scale;
    let deg = (total / 3600.0).floor();
    let rem = total - deg * 3600.0;
    let min = (rem / 60.0).floor();
    let sec = rem - min * 60.0;
    (deg as u32, min as u32, sec.max(0.0))
}

/// Writes a coordinate as navigation warnings do, for display and for round trips through
/// [`parse_notam_coordinate`].
///
/// Input: a point (x = longitude, y = latitude, degrees; non-finite values are written as 0) and a style.
/// Output: "18-19.50N 111-13.50E" ([`NotamStyle::HyphenMinutes`], minutes rounded to 0.01, i.e. 18.5 m) or
/// "181930N1111330E" ([`NotamStyle::PackedSeconds`], seconds rounded to whole, 31 m).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::parse::{NotamStyle, format_notam_coordinate, parse_notam_coordinate};
/// let p = Point::new(-95.8667, 25.7167);
/// let text = format_notam_coordinate(p, NotamStyle::PackedSeconds);
/// assert_eq!(text, "254300N0955200W");
/// let (q, _) = parse_notam_coordinate(&text).unwrap();
/// assert!((q.x() - p.x()).abs() < 1.0 / 3600.0 && (q.y() - p.y()).abs() < 1.0 / 3600.0);
/// ```
pub fn format_notam_coordinate(p: Point<f64>, style: NotamStyle) -> String {
    let lat = if p.y().is_finite() { p.y().clamp(-90.0, 90.0) } else { 0.0 };
    let lon = if p.x().is_finite() { normalize_longitude(p.x()) } else { 0.0 };
    let ns = if lat < 0.0 { 'S' } else { 'N' };
    let ew = if lon < 0.0 { 'W' } else { 'E' };
    match style {
        NotamStyle::HyphenMinutes => {
            let part = |v: f64, width: usize| {
                let hundredths = (v.abs() * 6000.0).round() as u64;
                let deg = hundredths / 6000;
                let min = (hundredths % 6000) as f64 / 100.0;
                format!("{deg:0width$}-{min:05.2}")
            };
            format!("{}{ns} {}{ew}", part(lat, 2), part(lon, 3))
        }
        NotamStyle::PackedSeconds => {
            let (ld, lm, ls) = split_dms(lat.abs(), 0);
            let (od, om, os) = split_dms(lon.abs(), 0);
            format!("{ld:02}{lm:02}{:02}{ns}{od:03}{om:02}{:02}{ew}", ls as u32, os as u32)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coord(s: &str) -> (f64, f64) {
        let (p, _) = parse_notam_coordinate(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        (p.y(), p.x())
    }

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-12 && (a.1 - b.1).abs() < 1e-12
    }

    #[test]
    fn styles_of_one_coordinate() {
        let want = (18.0 + 19.5 / 60.0, 111.0 + 13.5 / 60.0);
        for s in [
            "18-19.5N 111-13.5E",
            "18-19.5N/111-13.5E",
            "18-19.5N, 111-13.5E",
            "1819.5N11113.5E",
            "181930N1111330E",
            "181930N 1111330E",
            "N181930 E1111330",
            "N1819.5E11113.5",
            "18 19.5N 111 13.5E",
            "18°19.5′N 111°13.5′E",
            "18°19′30″N 111°13′30″E",
            "18-19-30N 111-13-30E",
            "18-19.5n 111-13.5e",
        ] {
            assert!(close(coord(s), want), "{s}: {:?}", coord(s));
        }
    }

    #[test]
    fn hemispheres_and_widths() {
        assert!(close(coord("25-43-00N 095-52-00W"), (25.0 + 43.0 / 60.0, -(95.0 + 52.0 / 60.0))));
        assert!(close(coord("12-30S 045-15W"), (-12.5, -45.25)));
        assert!(close(coord("0930S 13930W"), (-9.5, -139.5)));
        // Longitude with two-digit degrees packed in four or six digits.
        assert!(close(coord("3530N 9552W"), (35.5, -(95.0 + 52.0 / 60.0))));
        assert!(close(coord("353000N 955200W"), (35.5, -(95.0 + 52.0 / 60.0))));
        // Degrees only.
        assert!(close(coord("35N 124E"), (35.0, 124.0)));
        assert!(close(coord("35.5N 124.25E"), (35.5, 124.25)));
        // Longitude first is read by its letters, with a warning.
        let (p, w) = parse_notam_coordinate("111-13.5E 18-19.5N").unwrap();
        assert!((p.y() - 18.325).abs() < 1e-12);
        assert_eq!(w.len(), 1);
        // 180 E becomes -180 (the crate's longitude range is [-180, 180)).
        assert!(close(coord("10N 180E"), (10.0, -180.0)));
    }

    #[test]
    fn errors_name_the_column() {
        let e = parse_notam_coordinate("18-60.0N 111-13.5E").unwrap_err();
        assert!(e.message.contains("minutes"), "{e}");
        assert_eq!(e.column, 4);
        let e = parse_notam_coordinate("1860N 111-13.5E").unwrap_err();
        assert_eq!(e.column, 1);
        let e = parse_notam_coordinate("18-10-75N 111-13.5E").unwrap_err();
        assert!(e.message.contains("seconds 75"), "{e}");
        assert_eq!(e.column, 7);
        let e = parse_notam_coordinate("91-00N 111-13.5E").unwrap_err();
        assert!(e.message.contains("beyond 90"), "{e}");
        let e = parse_notam_coordinate("18-19.5N 181-00E").unwrap_err();
        assert!(e.message.contains("beyond 180"), "{e}");
        assert_eq!(e.column, 10);
        let e = parse_notam_coordinate("18-19.5N 111-13.5N").unwrap_err();
        assert!(e.message.contains("two latitudes"), "{e}");
        let e = parse_notam_coordinate("18-19.5N 111-13.5").unwrap_err();
        assert!(e.message.contains("no hemisphere letter"), "{e}");
        assert_eq!(e.column, 10);
        let e = parse_notam_coordinate("18-19.5N BOUNDED").unwrap_err();
        assert_eq!(e.column, 10);
        let e = parse_notam_coordinate("36.05.58N 005-20.70W").unwrap_err();
        assert!(e.message.contains("second decimal point"), "{e}");
        assert_eq!(e.column, 6);
        let e = parse_notam_coordinate("18193N 1111330E").unwrap_err();
        assert!(e.message.contains("packed"), "{e}");
        assert!(parse_notam_coordinate("").is_err());
        assert!(parse_notam_coordinate("N E").is_err());
        assert!(parse_notam_coordinate("18N").is_err());
        assert!(parse_notam_coordinate("18N 111E 19N").is_err());
        assert!(parse_notam_coordinate("18N 111E back to start").is_err());
    }

    #[test]
    fn lists_infer_letters_and_warn() {
        let (ring, w) =
            parse_vertex_list("18-19.5N 111-13.5E, 18-30.0 111-40.0E, 18-05.0N 111-50.0").unwrap();
        assert_eq!(ring.len(), 3);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].message.contains("vertex 2") && w[0].message.contains("took N"));
        assert!(w[1].message.contains("vertex 3") && w[1].message.contains("took E"));
        // A list with no latitude letter at all is an error.
        assert!(parse_vertex_list("18-19.5 111-13.5E, 18-30 111-40E, 18-05 111-50E").is_err());
        // Neighbours that disagree.
        let e = parse_vertex_list("01-00N 111E, 00-30 112E, 01-00S 111-30E").unwrap_err();
        assert!(e.message.contains("disagree"), "{e}");
    }

    #[test]
    fn repeats_and_closing() {
        let text = "10N 100E, 10N 101E, 11N 101E, 10N 100E";
        let (ring, w) = parse_vertex_list(text).unwrap();
        assert_eq!(ring.len(), 3);
        assert!(w.is_empty());
        let (ring, w) = parse_vertex_list("10N 100E, 10N 101E, 10N 101E, 11N 101E").unwrap();
        assert_eq!(ring.len(), 3);
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("repeats vertex 2"));
        let (_, w) = parse_vertex_list("10N 100E-10N 101E-11N 101E, BACK TO START.").unwrap();
        assert!(w.is_empty());
        assert!(parse_vertex_list("10N 100E, 10N 101E").is_err());
        assert!(parse_vertex_list("10N 100E, 10N 101E, 10N 100E").is_err());
        assert!(parse_vertex_list("10N 100E, 10N 101E, 10N 102E").is_err());
    }

    #[test]
    fn crossing_edges_are_errors_also_across_the_antimeridian() {
        let e = parse_vertex_list("10N 100E, 11N 101E, 11N 100E, 10N 101E").unwrap_err();
        assert!(e.message.contains("crosses"), "{e}");
        // A square across 180: fine in order, a bow-tie out of order.
        assert!(parse_vertex_list("10N 179E, 10N 179W, 11N 179W, 11N 179E").is_ok());
        assert!(parse_vertex_list("10N 179E, 11N 179W, 10N 179W, 11N 179E").is_err());
    }

    #[test]
    fn format_round_trip_examples() {
        let p = Point::new(-139.38889, -9.45444);
        let (q, _) = parse_notam_coordinate(&format_notam_coordinate(p, NotamStyle::HyphenMinutes)).unwrap();
        assert!((q.x() - p.x()).abs() <= 0.005 / 60.0 + 1e-12);
        assert_eq!(
            format_notam_coordinate(Point::new(0.0, 0.0), NotamStyle::PackedSeconds),
            "000000N0000000E"
        );
        // 59.9999 minutes rounds up into the next degree, not to "60".
        assert_eq!(
            format_notam_coordinate(Point::new(10.99999999, 9.99999999), NotamStyle::HyphenMinutes),
            "10-00.00N 011-00.00E"
        );
    }
}
