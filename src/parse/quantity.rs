//! Quantities with units: distances, durations and angles, converted exactly to the crate's internal units.
//!
//! Conversion factors are exact by definition:
//! - 1 nautical mile = 1852 m (International Extraordinary Hydrographic Conference, Monaco 1929; BIPM, *The
//!   International System of Units*, 9th ed. 2019, table 8).
//! - 1 statute (international) mile = 1760 yd = 1609.344 m, from the yard of 0.9144 m (International Yard and Pound
//!   Agreement, 1959; NIST Handbook 44, appendix C).
//! - 1 min = 60 s, 1 h = 3600 s (BIPM SI Brochure, 9th ed., table 8).
//!
//! "SI" in this module means metres for distances, seconds for durations and, following the crate's convention for
//! angles, degrees.

use std::fmt;

use super::ParseError;
use super::error::short;
use super::number::{Grouping, Number, scan_number, skip_ws};

/// What a quantity measures.
///
/// # Example
/// ```
/// use groundtrack::parse::{Dimension, Unit};
/// assert_eq!(Unit::NauticalMile.dimension(), Dimension::Distance);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// A length: metres inside the crate.
    Distance,
    /// A span of time: seconds inside the crate.
    Duration,
    /// An angle: degrees inside the crate.
    Angle,
}

impl Dimension {
    /// The dimension's name in lower case ("distance", "duration", "angle").
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::Dimension;
    /// assert_eq!(Dimension::Duration.name(), "duration");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Dimension::Distance => "distance",
            Dimension::Duration => "duration",
            Dimension::Angle => "angle",
        }
    }

    /// The units of this dimension, largest last.
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::{Dimension, Unit};
    /// assert_eq!(Dimension::Duration.units(), &[Unit::Second, Unit::Minute, Unit::Hour]);
    /// ```
    pub fn units(&self) -> &'static [Unit] {
        match self {
            Dimension::Distance => &[Unit::Metre, Unit::Kilometre, Unit::StatuteMile, Unit::NauticalMile],
            Dimension::Duration => &[Unit::Second, Unit::Minute, Unit::Hour],
            Dimension::Angle => &[Unit::Degree],
        }
    }

    /// The unit the crate computes in: metre, second or degree.
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::{Dimension, Unit};
    /// assert_eq!(Dimension::Distance.si_unit(), Unit::Metre);
    /// ```
    pub fn si_unit(&self) -> Unit {
        match self {
            Dimension::Distance => Unit::Metre,
            Dimension::Duration => Unit::Second,
            Dimension::Angle => Unit::Degree,
        }
    }

    /// The unit spellings accepted for this dimension, for error messages.
    fn accepted(&self) -> &'static str {
        match self {
            Dimension::Distance => {
                "a distance unit: m, metre(s), meter(s), km, kilometre(s), kilometer(s), nmi, NM, nautical mile(s), \
                 mi, mile(s), statute mile(s)"
            }
            Dimension::Duration => {
                "a duration unit: s, sec, second(s), min, minute(s), h, hr, hour(s) (also \"1 h 5 min\")"
            }
            Dimension::Angle => "an angle unit: deg, °, degree(s), or none (degrees)",
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A unit of distance, duration or angle.
///
/// # Example
/// ```
/// use groundtrack::parse::Unit;
/// assert_eq!(Unit::StatuteMile.to_si(1.0), 1609.344);
/// assert_eq!(Unit::Hour.symbol(), "h");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Metre (SI base unit of length).
    Metre,
    /// Kilometre, 1000 m.
    Kilometre,
    /// International nautical mile, exactly 1852 m.
    NauticalMile,
    /// International statute mile, exactly 1609.344 m.
    StatuteMile,
    /// Second (SI base unit of time).
    Second,
    /// Minute, 60 s.
    Minute,
    /// Hour, 3600 s.
    Hour,
    /// Degree of arc, the crate's unit of angle.
    Degree,
}

impl Unit {
    /// The symbol used when printing: "m", "km", "nmi", "mi", "s", "min", "h", "deg".
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::Unit;
    /// assert_eq!(Unit::NauticalMile.symbol(), "nmi");
    /// ```
    pub fn symbol(&self) -> &'static str {
        match self {
            Unit::Metre => "m",
            Unit::Kilometre => "km",
            Unit::NauticalMile => "nmi",
            Unit::StatuteMile => "mi",
            Unit::Second => "s",
            Unit::Minute => "min",
            Unit::Hour => "h",
            Unit::Degree => "deg",
        }
    }

    /// What the unit measures.
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::{Dimension, Unit};
    /// assert_eq!(Unit::Hour.dimension(), Dimension::Duration);
    /// ```
    pub fn dimension(&self) -> Dimension {
        match self {
            Unit::Metre | Unit::Kilometre | Unit::NauticalMile | Unit::StatuteMile => Dimension::Distance,
            Unit::Second | Unit::Minute | Unit::Hour => Dimension::Duration,
            Unit::Degree => Dimension::Angle,
        }
    }

    /// How many metres, seconds or degrees one of this unit is (exact definitions, see the module docs).
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::Unit;
    /// assert_eq!(Unit::StatuteMile.si_factor(), 1609.344);
    /// ```
    pub fn si_factor(&self) -> f64 {
        match self {
            Unit::Metre | Unit::Second | Unit::Degree => 1.0,
            Unit::Kilometre => 1000.0,
            Unit::NauticalMile => 1852.0,
            Unit::StatuteMile => 1609.344,
            Unit::Minute => 60.0,
            Unit::Hour => 3600.0,
        }
    }

    /// Converts `v` of this unit to metres, seconds or degrees.
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::Unit;
    /// assert_eq!(Unit::NauticalMile.to_si(2.0), 3704.0);
    /// assert_eq!(Unit::Minute.to_si(14.0), 840.0);
    /// ```
    pub fn to_si(&self, v: f64) -> f64 {
        v * self.si_factor()
    }

    /// Converts `v` metres, seconds or degrees to this unit.
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::Unit;
    /// assert_eq!(Unit::Kilometre.from_si(2_700_000.0), 2700.0);
    /// ```
    pub fn from_si(&self, v: f64) -> f64 {
        v / self.si_factor()
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// A value with its unit, as stated.
///
/// Displayed as `value symbol` with the shortest digits that read back to the same value.
///
/// # Example
/// ```
/// use groundtrack::parse::{parse_quantity, Dimension, Quantity, Unit};
/// let q = Quantity { value: 97.5, unit: Unit::NauticalMile };
/// assert_eq!(q.to_string(), "97.5 nmi");
/// assert_eq!(parse_quantity(&q.to_string(), Dimension::Distance).unwrap(), q);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    /// The value in `unit`.
    pub value: f64,
    /// The unit the value was stated in.
    pub unit: Unit,
}

impl Quantity {
    /// The value in metres, seconds or degrees.
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::{Quantity, Unit};
    /// assert_eq!(Quantity { value: 1.5, unit: Unit::Kilometre }.si(), 1500.0);
    /// ```
    pub fn si(&self) -> f64 {
        self.unit.to_si(self.value)
    }
}

impl fmt::Display for Quantity {
    /// Prints `value symbol` with the shortest digits that read back to the same value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value, self.unit.symbol())
    }
}

/// Spellings of units, lower case, single words (multi-word names are assembled by [`scan_unit`]).
const UNIT_WORDS: &[(&str, Unit)] = &[
    ("m", Unit::Metre),
    ("metre", Unit::Metre),
    ("metres", Unit::Metre),
    ("meter", Unit::Metre),
    ("meters", Unit::Metre),
    ("km", Unit::Kilometre),
    ("kms", Unit::Kilometre),
    ("kilometre", Unit::Kilometre),
    ("kilometres", Unit::Kilometre),
    ("kilometer", Unit::Kilometre),
    ("kilometers", Unit::Kilometre),
    ("nmi", Unit::NauticalMile),
    ("nm", Unit::NauticalMile),
    ("mi", Unit::StatuteMile),
    ("mile", Unit::StatuteMile),
    ("miles", Unit::StatuteMile),
    ("s", Unit::Second),
    ("sec", Unit::Second),
    ("secs", Unit::Second),
    ("second", Unit::Second),
    ("seconds", Unit::Second),
    ("min", Unit::Minute),
    ("mins", Unit::Minute),
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("h", Unit::Hour),
    ("hr", Unit::Hour),
    ("hrs", Unit::Hour),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("deg", Unit::Degree),
    ("degs", Unit::Degree),
    ("degree", Unit::Degree),
    ("degrees", Unit::Degree),
];

/// A unit read from text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum UnitScan {
    /// A known unit ending before character index `end`.
    Known(Unit, usize),
    /// A word that is no unit: the word and where it ends.
    Unknown(String, usize),
    /// No word at all (end of text, a digit, punctuation).
    Nothing,
}

fn read_word(chars: &[char], mut i: usize) -> (String, usize) {
    let mut w = String::new();
    while let Some(&c) = chars.get(i)
        && c.is_alphabetic()
    {
        w.push(c);
        i += 1;
    }
    (w, i)
}

/// Reads a unit starting at character `i` (no leading whitespace skipped).
pub(crate) fn scan_unit(chars: &[char], i: usize) -> UnitScan {
    match chars.get(i) {
        Some('°' | 'º' | '˚') => return UnitScan::Known(Unit::Degree, i + 1),
        Some(c) if c.is_alphabetic() => {}
        _ => return UnitScan::Nothing,
    }
    let (word, mut end) = read_word(chars, i);
    let lower = word.to_lowercase();
    if lower == "nautical" || lower == "statute" {
        let j = match chars.get(end) {
            Some('-') => end + 1,
            _ => skip_ws(chars, end),
        };
        let (next, next_end) = read_word(chars, j);
        let next = next.to_lowercase();
        if next == "mile" || next == "miles" {
            let unit = if lower == "nautical" { Unit::NauticalMile } else { Unit::StatuteMile };
            return UnitScan::Known(unit, next_end);
        }
        return UnitScan::Unknown(word, end);
    }
    // "M" alone is ambiguous (metre? mile? mega?): only lower-case "m" is the metre.
    if word == "M" {
        return UnitScan::Unknown(word, end);
    }
    match UNIT_WORDS.iter().find(|(name, _)| *name == lower) {
        Some(&(_, unit)) => {
            // An abbreviation may carry a full stop ("14 min.", "approx. 2,200 km.").
            if chars.get(end) == Some(&'.') && !chars.get(end + 1).is_some_and(|c| c.is_ascii_digit()) {
                end += 1;
            }
            UnitScan::Known(unit, end)
        }
        None => UnitScan::Unknown(word, end),
    }
}

/// A quantity read from part of a text, with the precision of its last stated part.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuantityScan {
    /// Value and unit; for compound durations ("1 h 5 min") the smallest unit stated.
    pub quantity: Quantity,
    /// Place value of the last significant digit of the last part, in `quantity.unit`.
    pub ulp: f64,
    /// Character index one past the quantity.
    pub end: usize,
}

/// Checks the sign of a value of `dimension` read as `n`.
pub(crate) fn check_sign(input: &str, n: &Number, dimension: Dimension) -> Result<(), ParseError> {
    if dimension != Dimension::Angle && n.negative {
        return Err(ParseError::at(
            input,
            n.start,
            format!("a {} cannot be negative", dimension.name()),
            format!("a {} of zero or more", dimension.name()),
        ));
    }
    Ok(())
}

/// Reads the unit after a number that ends at `number_end`, skipping whitespace between them.
///
/// `Ok(Some)` for a unit of `dimension`; `Ok(None)` when no unit word follows; `Err` for a unit of another
/// dimension or an unknown unit word.
pub(crate) fn unit_after(
    input: &str,
    chars: &[char],
    number_end: usize,
    dimension: Dimension,
) -> Result<Option<(Unit, usize)>, ParseError> {
    let j = skip_ws(chars, number_end);
    match scan_unit(chars, j) {
        UnitScan::Known(unit, end) => {
            if unit.dimension() != dimension {
                return Err(ParseError::at(
                    input,
                    j,
                    format!("\"{}\" is a {} unit, not a {} unit", unit.symbol(), unit.dimension(), dimension),
                    dimension.accepted(),
                ));
            }
            Ok(Some((unit, end)))
        }
        UnitScan::Unknown(word, _) if dimension != Dimension::Angle => {
            Err(ParseError::at(input, j, format!("unknown unit {}", short(&word)), dimension.accepted()))
        }
        _ => Ok(None),
    }
}

/// The error for a number of `dimension` without a unit, at character index `at`.
pub(crate) fn unit_needed(input: &str, at: usize, dimension: Dimension) -> ParseError {
    ParseError::at(
        input,
        at,
        format!("a unit is needed after the number ({})", dimension),
        dimension.accepted(),
    )
}

/// Reads a quantity of `dimension` starting at character `start` (leading whitespace allowed): a number, its unit
/// and, for compound values such as "1 h 5 min", further number-unit pairs in falling units.
///
/// A bare number is accepted only for angles (degrees). Stops before anything that does not continue the quantity.
pub(crate) fn scan_quantity(
    input: &str,
    chars: &[char],
    start: usize,
    dimension: Dimension,
) -> Result<QuantityScan, ParseError> {
    let i = skip_ws(chars, start);
    let Some(n) = scan_number(input, chars, i, Grouping::Thousands)? else {
        return Err(if i >= chars.len() {
            ParseError::at(
                input,
                i,
                format!("a {} is missing", dimension),
                format!("a number and {}", dimension.accepted()),
            )
        } else {
            ParseError::at(
                input,
                i,
                "not a number",
                format!("a number such as \"2,700\" or \"14.5\" followed by {}", dimension.accepted()),
            )
        });
    };
    check_sign(input, &n, dimension)?;
    let Some((unit, unit_end)) = unit_after(input, chars, n.end, dimension)? else {
        if dimension == Dimension::Angle {
            return Ok(QuantityScan {
                quantity: Quantity { value: n.value, unit: Unit::Degree },
                ulp: n.ulp,
                end: n.end,
            });
        }
        return Err(unit_needed(input, skip_ws(chars, n.end), dimension));
    };
    let mut total_si = unit.to_si(n.value);
    let mut last_unit = unit;
    let mut last_ulp = n.ulp;
    let mut end = unit_end;
    // Compound values: "1 h 5 min", "1 h 5 min 30 s".
    loop {
        let j = skip_ws(chars, end);
        let Ok(Some(m)) = scan_number(input, chars, j, Grouping::Thousands) else { break };
        if m.signed {
            break;
        }
        let k = skip_ws(chars, m.end);
        let UnitScan::Known(next_unit, next_end) = scan_unit(chars, k) else { break };
        if next_unit.dimension() != dimension || next_unit.si_factor() >= last_unit.si_factor() {
            break;
        }
        total_si += next_unit.to_si(m.value);
        last_unit = next_unit;
        last_ulp = m.ulp;
        end = next_end;
    }
    if !total_si.is_finite() {
        return Err(too_large(input, i, dimension));
    }
    let value = if last_unit == unit { n.value } else { last_unit.from_si(total_si) };
    Ok(QuantityScan { quantity: Quantity { value, unit: last_unit }, ulp: last_ulp, end })
}

/// The error for a value that is finite as written but not once converted to metres or seconds ("1e308 h").
pub(crate) fn too_large(input: &str, at: usize, dimension: Dimension) -> ParseError {
    ParseError::at(
        input,
        at,
        format!("the {dimension} is too large to compute with"),
        format!("a {dimension} below about 1.8e308 {}", dimension.si_unit().symbol()),
    )
}

/// The error for an empty text.
pub(crate) fn empty_input(input: &str, expected: impl Into<String>) -> ParseError {
    ParseError::at(input, 0, "empty input", expected)
}

/// Reads a whole text as a quantity of `dimension`: "2,700 km", "1,180 kilometres", "14 minutes", "1 h 5 min",
/// "97 nmi", "30 deg", "30°".
///
/// Input: the text. Output: the value in the stated unit (compound durations in their smallest unit, "1 h 5 min"
/// is 65 min). Thousands may be grouped by commas or spaces; a comma followed by anything but three digits is an
/// error, never a decimal comma.
///
/// # Errors
/// [`ParseError`] with the column for: empty text, no number, a negative distance or duration, a missing unit
/// (except for angles, which default to degrees), an unknown unit, a unit of another dimension, text after the
/// quantity.
///
/// # Example
/// ```
/// use groundtrack::parse::{parse_quantity, Dimension, Unit};
/// let q = parse_quantity("2,700 km", Dimension::Distance).unwrap();
/// assert_eq!((q.value, q.unit), (2700.0, Unit::Kilometre));
/// assert_eq!(q.si(), 2_700_000.0);
/// assert_eq!(parse_quantity("1 h 5 min", Dimension::Duration).unwrap().si(), 3900.0);
/// let e = parse_quantity("2700", Dimension::Distance).unwrap_err();
/// assert!(e.message.contains("unit is needed"));
/// ```
pub fn parse_quantity(s: &str, dimension: Dimension) -> Result<Quantity, ParseError> {
    let chars: Vec<char> = s.chars().collect();
    let start = skip_ws(&chars, 0);
    if start >= chars.len() {
        return Err(empty_input(s, format!("a {} such as \"2,700 km\"", dimension)));
    }
    let scan = scan_quantity(s, &chars, start, dimension)?;
    let rest = skip_ws(&chars, scan.end);
    if rest < chars.len() {
        return Err(ParseError::at(
            s,
            rest,
            format!("unexpected text after the {}", dimension),
            "nothing more after the unit",
        ));
    }
    Ok(scan.quantity)
}

/// Reads a distance and returns it in metres: `parse_quantity(s, Dimension::Distance)?.si()`.
///
/// # Errors
/// As [`parse_quantity`].
///
/// # Example
/// ```
/// use groundtrack::parse::parse_distance_m;
/// assert_eq!(parse_distance_m("1 nmi").unwrap(), 1852.0);
/// assert_eq!(parse_distance_m("1 mile").unwrap(), 1609.344);
/// ```
pub fn parse_distance_m(s: &str) -> Result<f64, ParseError> {
    Ok(parse_quantity(s, Dimension::Distance)?.si())
}

/// Reads a duration and returns it in seconds: `parse_quantity(s, Dimension::Duration)?.si()`.
///
/// # Errors
/// As [`parse_quantity`].
///
/// # Example
/// ```
/// use groundtrack::parse::parse_duration_s;
/// assert_eq!(parse_duration_s("14 minutes").unwrap(), 840.0);
/// ```
pub fn parse_duration_s(s: &str) -> Result<f64, ParseError> {
    Ok(parse_quantity(s, Dimension::Duration)?.si())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str, d: Dimension) -> Quantity {
        parse_quantity(s, d).unwrap()
    }

    #[test]
    fn distance_spellings() {
        for (s, si) in [
            ("550 m", 550.0),
            ("550 metres", 550.0),
            ("550 meters", 550.0),
            ("1 metre", 1.0),
            ("2,700 km", 2_700_000.0),
            ("2 700 km", 2_700_000.0),
            ("2700km", 2_700_000.0),
            ("1,180 kilometres", 1_180_000.0),
            ("1,180 kilometers", 1_180_000.0),
            ("1 kilometre", 1000.0),
            ("10 nmi", 18_520.0),
            ("10 NM", 18_520.0),
            ("10 nautical miles", 18_520.0),
            ("1 nautical mile", 1852.0),
            ("1 nautical-mile", 1852.0),
            ("10 mi", 16_093.44),
            ("1 mile", 1609.344),
            ("10 miles", 16_093.44),
            ("1 statute mile", 1609.344),
            ("2 statute miles", 3218.688),
            ("2,200 KM", 2_200_000.0),
        ] {
            assert_eq!(q(s, Dimension::Distance).si(), si, "{s}");
        }
    }

    #[test]
    fn duration_spellings() {
        for (s, si) in [
            ("30 s", 30.0),
            ("30 sec", 30.0),
            ("1 second", 1.0),
            ("30 seconds", 30.0),
            ("14 min", 840.0),
            ("14 min.", 840.0),
            ("14 minutes", 840.0),
            ("1 minute", 60.0),
            ("2 h", 7200.0),
            ("2 hr", 7200.0),
            ("2 hours", 7200.0),
            ("1 hour", 3600.0),
            ("1 h 5 min", 3900.0),
            ("1 h 5 min 30 s", 3930.0),
            ("2 min 30 s", 150.0),
        ] {
            assert_eq!(q(s, Dimension::Duration).si(), si, "{s}");
        }
        let c = q("1 h 5 min", Dimension::Duration);
        assert_eq!((c.value, c.unit), (65.0, Unit::Minute));
    }

    #[test]
    fn angles_default_to_degrees() {
        assert_eq!(q("30", Dimension::Angle), Quantity { value: 30.0, unit: Unit::Degree });
        assert_eq!(q("30°", Dimension::Angle).value, 30.0);
        assert_eq!(q("30 deg", Dimension::Angle).value, 30.0);
        assert_eq!(q("30 degrees", Dimension::Angle).value, 30.0);
        assert_eq!(q("-5 deg", Dimension::Angle).value, -5.0);
    }

    #[test]
    fn errors_name_column_and_expectation() {
        let e = parse_quantity("2700", Dimension::Distance).unwrap_err();
        assert_eq!(e.column, 5);
        assert!(e.message.contains("unit is needed"));
        assert!(e.expected.contains("km"));
        let e = parse_quantity("12 parsecs", Dimension::Distance).unwrap_err();
        assert_eq!((e.column, e.message.as_str()), (4, "unknown unit \"parsecs\""));
        let e = parse_quantity("12 km", Dimension::Duration).unwrap_err();
        assert_eq!(e.column, 4);
        assert!(e.message.contains("distance unit, not a duration unit"));
        let e = parse_quantity("2,7 km", Dimension::Distance).unwrap_err();
        assert_eq!(e.column, 2);
        let e = parse_quantity("-3 km", Dimension::Distance).unwrap_err();
        assert_eq!(e.column, 1);
        let e = parse_quantity("3 km east", Dimension::Distance).unwrap_err();
        assert_eq!(e.column, 6);
        assert!(parse_quantity("", Dimension::Distance).is_err());
        assert!(parse_quantity("   ", Dimension::Distance).is_err());
        assert!(parse_quantity("NaN km", Dimension::Distance).is_err());
        assert!(parse_quantity("inf km", Dimension::Distance).is_err());
        assert!(parse_quantity("1e400 km", Dimension::Distance).is_err());
        assert!(parse_quantity("5 M", Dimension::Distance).is_err());
        // Finite as written, infinite in metres or seconds.
        let e = parse_quantity("1e308 h", Dimension::Duration).unwrap_err();
        assert!(e.message.contains("too large"), "{e}");
        assert!(parse_quantity("1 h 1e308 min", Dimension::Duration).is_err());
        for s in ["NaN km", "-inf km", "∞ km", "1.#INF km", "#N/A"] {
            let e = parse_quantity(s, Dimension::Distance).unwrap_err();
            assert_eq!(e.column, 1, "{s}");
            assert!(e.message.contains("finite") || e.message.contains("spreadsheet"), "{s}: {e}");
        }
    }

    #[test]
    fn exact_definitions() {
        // International nautical mile (1929) and international mile (1959): exact in metres.
        assert_eq!(Unit::NauticalMile.to_si(1.0), 1852.0);
        assert_eq!(Unit::StatuteMile.to_si(1.0), 0.9144 * 1760.0);
        assert_eq!(Unit::Hour.to_si(1.0), 3600.0);
        for u in [Unit::Metre, Unit::Kilometre, Unit::Second, Unit::Minute, Unit::Hour] {
            assert_eq!(u.from_si(u.to_si(7.0)), 7.0);
        }
    }
}
