//! Stated figures: a number as a report words it, with the band of true values the wording allows.
//!
//! "about 2,700 km" is not 2,700,000 m: it is any range that rounds to 2,700 km, i.e. 2,650 to 2,750 km. The band
//! comes from the wording:
//! - rounding (the default): half a unit in the last significant digit as written, times a tolerance scale. For a
//!   whole number the last significant digit is the last non-zero one (2,700 -> ±50; 1,180 -> ±5; 550 -> ±5;
//!   1000 -> ±500; 14 min -> ±0.5 min); for a decimal it is the last written digit (0.5 -> ±0.05; 2.50 -> ±0.005,
//!   since a trailing zero after the point is written on purpose).
//! - explicit: "2,700-2,800 km", "2,700 to 2,800 km", "between 2,700 and 2,800 km", "2700 ± 50 km",
//!   "2700 +/- 50 km" (the tolerance scale does not apply to a band the text states).
//! - one-sided: "more than", "over", "at least", "in excess of", ">", ">=" give [value, ∞); "less than", "under",
//!   "up to", "at most", "<", "<=" give [0, value].
//!
//! A hedge ("about", "approx.", "approximately", "some", "around", "roughly", "nearly", "almost", "an estimated",
//! "~") is kept as written in [`StatedFigure::qualifier`]; it does not widen the band by itself (a reader who
//! wants hedged figures read more loosely passes a larger tolerance scale).

use super::ParseError;
use super::number::{Grouping, Number, scan_number, skip_ws};
use super::quantity::{
    Dimension, Unit, check_sign, empty_input, scan_quantity, too_large, unit_after, unit_needed,
};

/// How the band of a stated figure was obtained.
///
/// # Example
/// ```
/// use groundtrack::parse::{parse_figure, BandKind, Dimension};
/// let kind = |s| parse_figure(s, Dimension::Distance, 1.0).unwrap().kind;
/// assert_eq!(kind("about 2,700 km"), BandKind::Rounding);
/// assert_eq!(kind("2,700-2,800 km"), BandKind::Explicit);
/// assert_eq!(kind("at least 2,700 km"), BandKind::AtLeast);
/// assert_eq!(kind("up to 2,700 km"), BandKind::AtMost);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BandKind {
    /// Half a unit in the last significant digit, times the tolerance scale.
    Rounding,
    /// A range or ± stated in the text.
    Explicit,
    /// A lower bound only ("more than 3,000 km"): high is infinite.
    AtLeast,
    /// An upper bound only ("up to 1,000 km"): low is 0.
    AtMost,
}

/// A figure as a report states it, with the interval of true values its wording allows.
///
/// # Example
/// ```
/// use groundtrack::parse::{parse_figure, Dimension, Unit};
/// let f = parse_figure("approx. 3,700 km", Dimension::Distance, 1.0).unwrap();
/// assert_eq!((f.unit, f.nominal, f.low, f.high), (Unit::Kilometre, 3_700_000.0, 3_650_000.0, 3_750_000.0));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct StatedFigure {
    /// The figure as worded (trimmed), e.g. "about 2,700 km".
    pub text: String,
    /// What the figure measures.
    pub dimension: Dimension,
    /// The unit as stated (for "1 h 5 min" the smallest, minutes).
    pub unit: Unit,
    /// The stated value in metres, seconds or degrees (the middle of an explicit range).
    pub nominal: f64,
    /// Lowest value allowed, metres, seconds or degrees (never below 0 for distances and durations; 0 for
    /// [`BandKind::AtMost`]).
    pub low: f64,
    /// Highest value allowed, metres, seconds or degrees (`f64::INFINITY` for [`BandKind::AtLeast`]).
    pub high: f64,
    /// Where the band comes from.
    pub kind: BandKind,
    /// The hedge word as written ("about", "approx.", "~"), if any.
    pub qualifier: Option<String>,
}

impl StatedFigure {
    /// True when `value_si` (metres, seconds or degrees) lies in [low, high].
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::{parse_figure, Dimension};
    /// let f = parse_figure("about 2,700 km", Dimension::Distance, 1.0).unwrap();
    /// assert!(f.contains(2_692_386.870));
    /// assert!(!f.contains(2_760_000.0));
    /// ```
    pub fn contains(&self, value_si: f64) -> bool {
        self.low <= value_si && value_si <= self.high
    }
}

const QUALIFIERS: &[&str] = &[
    "an estimated",
    "approximately",
    "estimated",
    "roughly",
    "approx.",
    "approx",
    "around",
    "nearly",
    "almost",
    "about",
    "circa",
    "some",
    "ca.",
    "~",
    "≈",
];

const BOUNDS: &[(&str, BandKind)] = &[
    ("in excess of", BandKind::AtLeast),
    ("greater than", BandKind::AtLeast),
    ("no more than", BandKind::AtMost),
    ("no less than", BandKind::AtLeast),
    ("upwards of", BandKind::AtLeast),
    ("more than", BandKind::AtLeast),
    ("fewer than", BandKind::AtMost),
    ("less than", BandKind::AtMost),
    ("at least", BandKind::AtLeast),
    ("at most", BandKind::AtMost),
    ("up to", BandKind::AtMost),
    ("under", BandKind::AtMost),
    ("below", BandKind::AtMost),
    ("above", BandKind::AtLeast),
    ("over", BandKind::AtLeast),
    (">=", BandKind::AtLeast),
    ("≥", BandKind::AtLeast),
    ("<=", BandKind::AtMost),
    ("≤", BandKind::AtMost),
    (">", BandKind::AtLeast),
    ("<", BandKind::AtMost),
];

/// If `phrase` (lower case, words separated by single spaces) is written at character `i`, case-insensitively and
/// with any whitespace between words, returns the index after it. Alphabetic phrases must end at a word boundary.
pub(crate) fn match_phrase(chars: &[char], i: usize, phrase: &str) -> Option<usize> {
    let mut j = i;
    let mut words = phrase.split(' ').peekable();
    while let Some(word) = words.next() {
        for pc in word.chars() {
            let c = chars.get(j)?;
            if !c.to_lowercase().eq(pc.to_lowercase()) {
                return None;
            }
            j += 1;
        }
        if words.peek().is_some() {
            if !chars.get(j).is_some_and(|c| c.is_whitespace()) {
                return None;
            }
            j = skip_ws(chars, j);
        }
    }
    let last_alpha = phrase.chars().last().is_some_and(|c| c.is_alphabetic());
    if last_alpha && chars.get(j).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some(j)
}

fn expected_figure(dimension: Dimension) -> String {
    format!(
        "a {d} such as \"about 2,700 km\", \"more than 3,000 km\", \"2,700-2,800 km\" or \"2700 ± 50 km\"",
        d = dimension
    )
}

/// A number with the unit written after it (if any) and where that unit ends.
type NumberWithUnit = (Number, Option<(Unit, usize)>);

/// Reads the number and optional unit of one end of a range.
fn range_end(
    input: &str,
    chars: &[char],
    i: usize,
    dimension: Dimension,
) -> Result<Option<NumberWithUnit>, ParseError> {
    let j = skip_ws(chars, i);
    let Some(n) = scan_number(input, chars, j, Grouping::Thousands)? else { return Ok(None) };
    if n.signed && dimension != Dimension::Angle {
        return Ok(None);
    }
    let unit = unit_after(input, chars, n.end, dimension)?;
    Ok(Some((n, unit)))
}

/// Reads a stated figure starting at character `start`; returns it and the index one past it.
pub(crate) fn scan_figure(
    input: &str,
    chars: &[char],
    start: usize,
    dimension: Dimension,
    tolerance_scale: f64,
) -> Result<(StatedFigure, usize), ParseError> {
    if !(tolerance_scale.is_finite() && tolerance_scale >= 0.0) {
        return Err(ParseError::at(
            input,
            start,
            format!("tolerance scale {tolerance_scale} is not usable"),
            "a finite tolerance scale of 0 or more (1 = half a unit in the last digit)",
        ));
    }
    let text_start = skip_ws(chars, start);
    let mut i = text_start;
    let mut qualifier: Option<String> = None;
    let mut bound: Option<BandKind> = None;
    let mut between = false;
    // Hedge and bound, in either order ("up to about 1,000 km", "about more than" is odd but harmless).
    for _ in 0..2 {
        i = skip_ws(chars, i);
        if qualifier.is_none()
            && let Some(end) = QUALIFIERS.iter().find_map(|q| match_phrase(chars, i, q))
        {
            qualifier = Some(chars[i..end].iter().collect());
            i = end;
            continue;
        }
        if bound.is_none()
            && !between
            && let Some((kind, end)) =
                BOUNDS.iter().find_map(|(b, k)| match_phrase(chars, i, b).map(|e| (*k, e)))
        {
            bound = Some(kind);
            i = end;
            continue;
        }
        if bound.is_none()
            && !between
            && let Some(end) = match_phrase(chars, i, "between")
        {
            between = true;
            i = end;
            continue;
        }
    }
    i = skip_ws(chars, i);
    if i >= chars.len() {
        return Err(if text_start >= chars.len() {
            empty_input(input, expected_figure(dimension))
        } else {
            ParseError::at(
                input,
                i,
                format!("the number of the {} is missing", dimension),
                expected_figure(dimension),
            )
        });
    }
    let Some(first) = scan_number(input, chars, i, Grouping::Thousands)? else {
        return Err(ParseError::at(input, i, "not a number", expected_figure(dimension)));
    };
    check_sign(input, &first, dimension)?;
    // "2,700 to 2,800 km", "between 2,700 and 2,800 km": a connector, not an unknown unit.
    let next = skip_ws(chars, first.end);
    let first_unit =
        if match_phrase(chars, next, "to").is_some() || match_phrase(chars, next, "and").is_some() {
            None
        } else {
            unit_after(input, chars, first.end, dimension)?
        };
    let after_first = first_unit.map_or(first.end, |(_, e)| e);

    // Explicit range: "A-B", "A to B", "between A and B"; or "A ± d", "A +/- d".
    let j = skip_ws(chars, after_first);
    let range_sep = if between {
        match_phrase(chars, j, "and")
    } else {
        match chars.get(j) {
            Some('-' | '–' | '—') => Some(j + 1),
            _ => match_phrase(chars, j, "to"),
        }
    };
    if let Some(sep_end) = range_sep
        && let Some((second, second_unit)) = range_end(input, chars, sep_end, dimension)?
    {
        let unit = match (first_unit, second_unit) {
            (_, Some((u, _))) | (Some((u, _)), None) => u,
            (None, None) if dimension == Dimension::Angle => Unit::Degree,
            (None, None) => return Err(unit_needed(input, skip_ws(chars, second.end), dimension)),
        };
        let first_unit_only = first_unit.map_or(unit, |(u, _)| u);
        let end = second_unit.map_or(second.end, |(_, e)| e);
        let a = first_unit_only.to_si(first.value);
        let b = unit.to_si(second.value);
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let figure = StatedFigure {
            text: chars[text_start..end].iter().collect::<String>().trim().to_string(),
            dimension,
            unit,
            nominal: (low + high) / 2.0,
            low,
            high,
            kind: BandKind::Explicit,
            qualifier,
        };
        finite_band(input, text_start, &figure)?;
        return Ok((figure, end));
    }
    if between {
        return Err(ParseError::at(
            input,
            j,
            "\"between\" needs \"and\" and a second number",
            "\"between 2,700 and 2,800 km\"",
        ));
    }
    let pm_end = match chars.get(j) {
        Some('±') => Some(j + 1),
        _ => match_phrase(chars, j, "+/-").or_else(|| match_phrase(chars, j, "+-")),
    };
    if let Some(pm_end) = pm_end {
        let Some((delta, delta_unit)) = range_end(input, chars, pm_end, dimension)? else {
            return Err(ParseError::at(
                input,
                skip_ws(chars, pm_end),
                "a number must follow ±",
                expected_figure(dimension),
            ));
        };
        let unit = match (first_unit, delta_unit) {
            (Some((u, _)), _) | (None, Some((u, _))) => u,
            (None, None) if dimension == Dimension::Angle => Unit::Degree,
            (None, None) => return Err(unit_needed(input, skip_ws(chars, delta.end), dimension)),
        };
        let delta_si = delta_unit.map_or(unit, |(u, _)| u).to_si(delta.value);
        let end = delta_unit.map_or(delta.end, |(_, e)| e);
        let nominal = unit.to_si(first.value);
        let mut low = nominal - delta_si;
        if dimension != Dimension::Angle {
            low = low.max(0.0);
        }
        let figure = StatedFigure {
            text: chars[text_start..end].iter().collect::<String>().trim().to_string(),
            dimension,
            unit,
            nominal,
            low,
            high: nominal + delta_si,
            kind: BandKind::Explicit,
            qualifier,
        };
        finite_band(input, text_start, &figure)?;
        return Ok((figure, end));
    }

    // A single value, possibly compound ("1 h 5 min").
    if first_unit.is_none() && dimension != Dimension::Angle {
        return Err(unit_needed(input, skip_ws(chars, first.end), dimension));
    }
    let q = scan_quantity(input, chars, i, dimension)?;
    let nominal = q.quantity.si();
    let (low, high, kind) = match bound {
        Some(BandKind::AtLeast) => (nominal, f64::INFINITY, BandKind::AtLeast),
        Some(BandKind::AtMost) => (0f64.min(nominal), nominal, BandKind::AtMost),
        _ => {
            let half = q.quantity.unit.to_si(q.ulp / 2.0 * tolerance_scale);
            let mut low = nominal - half;
            if dimension != Dimension::Angle {
                low = low.max(0.0);
            }
            (low, nominal + half, BandKind::Rounding)
        }
    };
    let figure = StatedFigure {
        text: chars[text_start..q.end].iter().collect::<String>().trim().to_string(),
        dimension,
        unit: q.quantity.unit,
        nominal,
        low,
        high,
        kind,
        qualifier,
    };
    finite_band(input, text_start, &figure)?;
    Ok((figure, q.end))
}

/// Refuses a band that overflowed in conversion ("1e308 km" is finite in km, not in metres): nominal and low
/// must be finite, and high too unless the figure is a lower bound.
fn finite_band(input: &str, at: usize, f: &StatedFigure) -> Result<(), ParseError> {
    let high_ok = f.high.is_finite() || f.kind == BandKind::AtLeast;
    if f.nominal.is_finite() && f.low.is_finite() && high_ok {
        Ok(())
    } else {
        Err(too_large(input, at, f.dimension))
    }
}

/// Reads a figure as a report states it and the interval of values its wording allows.
///
/// Inputs: the text ("about 2,700 km", "approx. 800 km", "more than 3,000 km", "2,700-2,800 km", "2700 ± 50 km",
/// "about 14 minutes"); the dimension expected; `tolerance_scale`, the multiple of half a unit in the last
/// significant digit that a rounded figure may be off by (1 = strict rounding).
///
/// Output: nominal, low and high in metres, seconds or degrees, the unit as stated, the band kind and the hedge
/// word. See the module documentation for the rules.
///
/// # Errors
/// [`ParseError`] with the column for: empty text, no number, a missing or wrong unit, a comma that is not a
/// thousands separator, a negative distance or duration, a tolerance scale that is negative or not finite, text
/// after the figure.
///
/// # Example
/// ```
/// use groundtrack::parse::{parse_figure, BandKind, Dimension};
/// let f = parse_figure("about 2,700 km", Dimension::Distance, 1.0).unwrap();
/// assert_eq!((f.nominal, f.low, f.high), (2_700_000.0, 2_650_000.0, 2_750_000.0));
/// assert_eq!(f.qualifier.as_deref(), Some("about"));
/// let g = parse_figure("more than 3,000 km", Dimension::Distance, 1.0).unwrap();
/// assert_eq!((g.kind, g.low, g.high), (BandKind::AtLeast, 3_000_000.0, f64::INFINITY));
/// let t = parse_figure("about 14 minutes", Dimension::Duration, 1.0).unwrap();
/// assert_eq!((t.low, t.high), (810.0, 870.0));
/// ```
pub fn parse_figure(s: &str, dimension: Dimension, tolerance_scale: f64) -> Result<StatedFigure, ParseError> {
    let chars: Vec<char> = s.chars().collect();
    let (figure, end) = scan_figure(s, &chars, 0, dimension, tolerance_scale)?;
    let rest = skip_ws(&chars, end);
    if rest < chars.len() {
        return Err(ParseError::at(
            s,
            rest,
            format!("unexpected text after the {}", dimension),
            "nothing more after the figure",
        ));
    }
    Ok(figure)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(s: &str, d: Dimension) -> StatedFigure {
        parse_figure(s, d, 1.0).unwrap()
    }

    fn band(s: &str, d: Dimension) -> (f64, f64, f64) {
        let f = fig(s, d);
        (f.low, f.nominal, f.high)
    }

    #[test]
    fn rounding_bands() {
        use Dimension::*;
        assert_eq!(band("about 2,700 km", Distance), (2_650_000.0, 2_700_000.0, 2_750_000.0));
        assert_eq!(band("about 1,180 km", Distance), (1_175_000.0, 1_180_000.0, 1_185_000.0));
        assert_eq!(band("about 550 km", Distance), (545_000.0, 550_000.0, 555_000.0));
        assert_eq!(band("approx. 2,200 kilometers", Distance), (2_150_000.0, 2_200_000.0, 2_250_000.0));
        assert_eq!(band("1000 km", Distance), (500_000.0, 1_000_000.0, 1_500_000.0));
        assert_eq!(band("0.5 km", Distance), (450.0, 500.0, 550.0));
        assert_eq!(band("about 14 minutes", Duration), (810.0, 840.0, 870.0));
        assert_eq!(band("32 deg", Angle), (31.5, 32.0, 32.5));
        assert_eq!(band("30 deg", Angle), (25.0, 30.0, 35.0));
        let f = fig("approx. 3,700 km", Distance);
        assert_eq!(f.kind, BandKind::Rounding);
        assert_eq!(f.unit, Unit::Kilometre);
        assert_eq!(f.text, "approx. 3,700 km");
        assert_eq!(f.qualifier.as_deref(), Some("approx."));
    }

    #[test]
    fn tolerance_scale_multiplies() {
        let f = parse_figure("about 2,700 km", Dimension::Distance, 2.0).unwrap();
        assert_eq!((f.low, f.high), (2_600_000.0, 2_800_000.0));
        let z = parse_figure("about 2,700 km", Dimension::Distance, 0.0).unwrap();
        assert_eq!((z.low, z.high), (2_700_000.0, 2_700_000.0));
        // A wide band never goes below zero for a distance.
        let w = parse_figure("1000 m", Dimension::Distance, 3.0).unwrap();
        assert_eq!(w.low, 0.0);
        assert!(parse_figure("1 km", Dimension::Distance, -1.0).is_err());
        assert!(parse_figure("1 km", Dimension::Distance, f64::NAN).is_err());
    }

    #[test]
    fn qualifiers() {
        for q in [
            "about",
            "approx.",
            "approx",
            "approximately",
            "some",
            "around",
            "roughly",
            "nearly",
            "almost",
            "an estimated",
            "~",
            "About",
            "APPROXIMATELY",
        ] {
            let f = fig(&format!("{q} 2,700 km"), Dimension::Distance);
            assert_eq!(f.qualifier.as_deref(), Some(q), "{q}");
            assert_eq!(f.nominal, 2_700_000.0);
            assert_eq!(f.kind, BandKind::Rounding);
        }
        assert_eq!(fig("~2700 km", Dimension::Distance).qualifier.as_deref(), Some("~"));
        assert_eq!(fig("2700 km", Dimension::Distance).qualifier, None);
        // A word that only starts like a hedge is not one.
        assert!(parse_figure("abouts 2 km", Dimension::Distance, 1.0).is_err());
    }

    #[test]
    fn bounds() {
        use BandKind::*;
        for (s, kind) in [
            ("more than 3,000 km", AtLeast),
            ("over 3,000 km", AtLeast),
            ("at least 3,000 km", AtLeast),
            ("in excess of 3,000 km", AtLeast),
            ("> 3,000 km", AtLeast),
            (">3000 km", AtLeast),
            (">= 3000 km", AtLeast),
            ("less than 3,000 km", AtMost),
            ("under 3,000 km", AtMost),
            ("up to 3,000 km", AtMost),
            ("at most 3,000 km", AtMost),
            ("< 3000 km", AtMost),
            ("<= 3000 km", AtMost),
        ] {
            let f = fig(s, Dimension::Distance);
            assert_eq!(f.kind, kind, "{s}");
            assert_eq!(f.nominal, 3_000_000.0, "{s}");
            if kind == AtLeast {
                assert_eq!((f.low, f.high), (3_000_000.0, f64::INFINITY), "{s}");
            } else {
                assert_eq!((f.low, f.high), (0.0, 3_000_000.0), "{s}");
            }
        }
        let f = fig("up to about 1,000 km", Dimension::Distance);
        assert_eq!((f.kind, f.qualifier.as_deref()), (AtMost, Some("about")));
    }

    #[test]
    fn explicit_ranges() {
        use Dimension::*;
        for s in [
            "2,700-2,800 km",
            "2,700 - 2,800 km",
            "2,700–2,800 km",
            "2,700 to 2,800 km",
            "2,700 km to 2,800 km",
            "between 2,700 and 2,800 km",
        ] {
            let f = fig(s, Distance);
            assert_eq!(f.kind, BandKind::Explicit, "{s}");
            assert_eq!((f.low, f.nominal, f.high), (2_700_000.0, 2_750_000.0, 2_800_000.0), "{s}");
        }
        for s in ["2700 ± 50 km", "2700 +/- 50 km", "2700 km ± 50 km", "2700km±50"] {
            let f = fig(s, Distance);
            assert_eq!(f.kind, BandKind::Explicit, "{s}");
            assert_eq!((f.low, f.nominal, f.high), (2_650_000.0, 2_700_000.0, 2_750_000.0), "{s}");
        }
        let f = fig("770 to 800 km", Distance);
        assert_eq!((f.low, f.high), (770_000.0, 800_000.0));
        let t = fig("about 13-14 min", Duration);
        assert_eq!((t.low, t.high, t.qualifier.as_deref()), (780.0, 840.0, Some("about")));
        // Mixed units: the first end in its own unit.
        let m = fig("500 m to 1 km", Distance);
        assert_eq!((m.low, m.high, m.unit), (500.0, 1000.0, Unit::Kilometre));
    }

    #[test]
    fn errors() {
        let e = parse_figure("about 2,700", Dimension::Distance, 1.0).unwrap_err();
        assert!(e.message.contains("unit is needed"), "{e}");
        assert_eq!(e.column, 12);
        let e = parse_figure("about 2,70 km", Dimension::Distance, 1.0).unwrap_err();
        assert_eq!(e.column, 8);
        let e = parse_figure("about", Dimension::Distance, 1.0).unwrap_err();
        assert_eq!(e.column, 6);
        let e = parse_figure("about km", Dimension::Distance, 1.0).unwrap_err();
        assert_eq!(e.column, 7);
        assert!(parse_figure("", Dimension::Distance, 1.0).is_err());
        assert!(parse_figure("2,700-2,800", Dimension::Distance, 1.0).is_err());
        assert!(parse_figure("between 2,700 km", Dimension::Distance, 1.0).is_err());
        assert!(parse_figure("2700 ± km", Dimension::Distance, 1.0).is_err());
        for s in ["1e308 km", "about 1e308 km", "1 km to 1e308 km", "1 km ± 1e308 km", "1e307 m"] {
            let scale = if s == "1e307 m" { 100.0 } else { 1.0 };
            let e = parse_figure(s, Dimension::Distance, scale).unwrap_err();
            assert!(e.message.contains("too large"), "{s}: {e}");
        }
        assert!(parse_figure("more than 1e306 km", Dimension::Distance, 1.0).is_err());
        for s in ["about NaN km", "approx. inf km", "more than ∞ km", "2,700 to infinity km", "#NUM! km"] {
            let e = parse_figure(s, Dimension::Distance, 1.0).unwrap_err();
            assert!(e.message.contains("finite") || e.message.contains("spreadsheet"), "{s}: {e}");
        }
        let e = parse_figure("2,700 km east", Dimension::Distance, 1.0).unwrap_err();
        assert_eq!(e.column, 10);
    }
}
