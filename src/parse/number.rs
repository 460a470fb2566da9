//! Reading one decimal number as written, keeping how precisely it was written.
//!
//! Shared by the coordinate, quantity, figure and bearing parsers. A number is an optional sign (`+`, `-` or the
//! Unicode minus U+2212), digits with an optional decimal point, and an optional exponent (`1e-3`, `2E1`). An `e`
//! or `E` is part of the number only when a digit (or a sign and a digit) follows it, so `125.67E` ends before its
//! hemisphere letter while `2E1` is twenty: GeographicLib's DMS reader takes that `E` for East, which is the trap
//! this reader avoids.
//!
//! Where a quantity is read, thousands may be grouped with commas (`2,700`) or spaces (`2 700`, also the no-break,
//! thin and narrow no-break spaces). A comma after digits must be followed by exactly three digits: `2,7` is an
//! error, never a decimal comma.

use super::ParseError;

/// A number read from text, with its position and the precision it was written to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    /// The value, sign included.
    pub value: f64,
    /// True when a minus sign was written (so `-0` is known to be negative).
    pub negative: bool,
    /// True when any sign (`+`, `-`, U+2212) was written.
    pub signed: bool,
    /// The place value of the last significant digit: the last written decimal, or for a whole number the last
    /// non-zero digit (2,700 -> 100; 0.5 -> 0.1; 2.50 -> 0.01; 1e3 -> 1000).
    pub ulp: f64,
    /// The place value of the last written digit (2,700 -> 1; 0.5 -> 0.1), for bearings such as "090".
    pub last_digit_ulp: f64,
    /// True when written without a decimal point or exponent.
    pub integer: bool,
    /// 0-based character index of the first character (the sign, if any).
    pub start: usize,
    /// 0-based character index one past the last character.
    pub end: usize,
}

/// Which thousands separators a number may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grouping {
    /// None: a comma or a space ends the number (coordinates, bearings).
    None,
    /// Commas or spaces between groups of three digits (quantities, figures).
    Thousands,
}

const EXPECT_GROUPS: &str =
    "three digits after a thousands separator (\"2,700\", \"2 700\"); write decimals with a point (\"2.7\")";

/// Is `c` a sign character (`+`, `-`, U+2212 minus)?
pub(crate) fn is_sign(c: char) -> bool {
    matches!(c, '+' | '-' | '\u{2212}')
}

/// Is `c` a space that may group thousands?
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{2009}' | '\u{202F}')
}

/// Spreadsheet error values that analysts paste in place of a number (Excel, LibreOffice, Google Sheets).
const SPREADSHEET_ERRORS: &[&str] = &["#N/A", "#NUM!", "#VALUE!", "#DIV/0!", "#REF!", "#NAME?", "#NULL!"];

/// Words that spell a value that is not a finite number (compared in lower case): IEEE 754 NaN and infinity as
/// C, Python, JavaScript, R and spreadsheets print them.
const NON_FINITE_WORDS: &[&str] = &["nan", "snan", "qnan", "inf", "infinity", "infinite"];

/// If a spelling of a value that is not a finite number starts at character `i`, returns it and the index one
/// past it. Recognised, in any case and with an optional sign: `NaN`, `sNaN`, `qNaN`, `nan(...)`, `inf`,
/// `infinity`, `∞`, the MSVC forms `1.#INF`, `1.#IND`, `1.#QNAN`, and the spreadsheet error values `#N/A`,
/// `#NUM!`, `#VALUE!`, `#DIV/0!`, `#REF!`, `#NAME?`, `#NULL!`. A word must end at a word boundary ("nanometre"
/// and "Infanta" are not matched), and must not continue a word ("Sunan" is not matched at its "nan").
pub(crate) fn non_finite_at(chars: &[char], i: usize) -> Option<(String, usize)> {
    if i > 0 && chars.get(i - 1).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let text = |end: usize| chars.get(i..end).map(|c| c.iter().collect::<String>()).unwrap_or_default();
    let mut j = i;
    if chars.get(j).is_some_and(|&c| is_sign(c)) {
        j += 1;
    }
    if chars.get(j) == Some(&'∞') {
        return Some((text(j + 1), j + 1));
    }
    // MSVC: 1.#INF, -1.#IND, 1.#QNAN.
    let digits = chars.get(j..).map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
    if digits > 0 && chars.get(j + digits) == Some(&'.') && chars.get(j + digits + 1) == Some(&'#') {
        let w = j + digits + 2;
        let len = chars.get(w..).map_or(0, |r| r.iter().take_while(|c| c.is_ascii_alphanumeric()).count());
        if len > 0 {
            return Some((text(w + len), w + len));
        }
    }
    if j == i && chars.get(i) == Some(&'#') {
        for e in SPREADSHEET_ERRORS {
            let n = e.chars().count();
            if chars
                .get(i..i + n)
                .is_some_and(|w| w.iter().zip(e.chars()).all(|(a, b)| a.eq_ignore_ascii_case(&b)))
            {
                return Some((text(i + n), i + n));
            }
        }
    }
    // The longest word is 8 letters: looking at 16 keeps this cheap on long words.
    let len = chars.get(j..).map_or(0, |r| r.iter().take(16).take_while(|c| c.is_alphabetic()).count());
    let word: String = chars.get(j..j + len).map(|w| w.iter().collect::<String>()).unwrap_or_default();
    let lower = word.to_lowercase();
    if len == 0 || !NON_FINITE_WORDS.contains(&lower.as_str()) {
        return None;
    }
    let mut end = j + len;
    if lower.ends_with("nan") && chars.get(end) == Some(&'(') {
        // nan(0x7ff8...) or nan(ind): the payload, up to the closing parenthesis.
        if let Some(close) = chars.get(end..).and_then(|r| r.iter().take(64).position(|&c| c == ')')) {
            end += close + 1;
        }
    }
    if chars.get(end).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some((text(end), end))
}

/// The error for a spelling of NaN, infinity or a spreadsheet error value at character index `at`.
pub(crate) fn non_finite_error(input: &str, at: usize, spelling: &str) -> ParseError {
    let what = if spelling.starts_with('#') { "a spreadsheet error value" } else { "not a finite number" };
    ParseError::at(
        input,
        at,
        format!("\"{spelling}\" is {what}"),
        "a finite number written with digits, such as \"39.2239\" or \"2,700\"",
    )
}

/// Index of the first non-whitespace character at or after `i`.
pub(crate) fn skip_ws(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

fn is_digit_at(chars: &[char], i: usize) -> bool {
    chars.get(i).is_some_and(|c| c.is_ascii_digit())
}

/// True when exactly three ASCII digits start at `i` and no further digit follows them.
fn three_digits_at(chars: &[char], i: usize) -> bool {
    is_digit_at(chars, i)
        && is_digit_at(chars, i + 1)
        && is_digit_at(chars, i + 2)
        && !is_digit_at(chars, i + 3)
}

/// 10^k as exactly as f64 allows (exact for |k| <= 22, correctly rounded division below 1).
pub(crate) fn pow10(k: i32) -> f64 {
    if k >= 0 { 10f64.powi(k) } else { 1.0 / 10f64.powi(-k) }
}

/// Reads a number starting exactly at character `start` of `chars` (the characters of `input`).
///
/// Returns `Ok(None)` when no number starts there (also for a lone sign), `Err` for a malformed one (a comma not
/// followed by three digits, a value too large for f64) and for a spelling of NaN or infinity ([`non_finite_at`]).
pub(crate) fn scan_number(
    input: &str,
    chars: &[char],
    start: usize,
    grouping: Grouping,
) -> Result<Option<Number>, ParseError> {
    if let Some((spelling, _)) = non_finite_at(chars, start) {
        return Err(non_finite_error(input, start, &spelling));
    }
    let mut i = start;
    let mut negative = false;
    let mut signed = false;
    if let Some(&c) = chars.get(i)
        && is_sign(c)
    {
        signed = true;
        negative = c != '+';
        i += 1;
    }
    let mut int_digits = String::new();
    while let Some(&c) = chars.get(i)
        && c.is_ascii_digit()
    {
        int_digits.push(c);
        i += 1;
    }
    if grouping == Grouping::Thousands && !int_digits.is_empty() {
        let mut separator: Option<char> = None;
        let first_group_len = int_digits.len();
        while let Some(&c) = chars.get(i) {
            let is_comma = c == ',';
            if !(is_comma || is_group_space(c)) {
                break;
            }
            if separator.is_some_and(|s| s != c) {
                break;
            }
            if !three_digits_at(chars, i + 1) {
                if is_comma {
                    return Err(ParseError::at(
                        input,
                        i,
                        "a comma after digits must separate thousands",
                        EXPECT_GROUPS,
                    ));
                }
                break;
            }
            if first_group_len > 3 {
                if is_comma {
                    return Err(ParseError::at(
                        input,
                        i,
                        "a thousands separator after more than three digits",
                        EXPECT_GROUPS,
                    ));
                }
                break;
            }
            separator = Some(c);
            for k in 1..=3 {
                if let Some(&d) = chars.get(i + k) {
                    int_digits.push(d);
                }
            }
            i += 4;
        }
    }
    let mut frac_digits = String::new();
    let mut integer = true;
    if chars.get(i) == Some(&'.') && is_digit_at(chars, i + 1) {
        integer = false;
        i += 1;
        while let Some(&c) = chars.get(i)
            && c.is_ascii_digit()
        {
            frac_digits.push(c);
            i += 1;
        }
    }
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Ok(None);
    }
    let mut exponent: i32 = 0;
    let mut exp_text = String::new();
    if let Some(&e) = chars.get(i)
        && (e == 'e' || e == 'E')
    {
        let mut j = i + 1;
        let mut exp_negative = false;
        if let Some(&s) = chars.get(j)
            && is_sign(s)
        {
            exp_negative = s != '+';
            j += 1;
        }
        if is_digit_at(chars, j) {
            integer = false;
            while let Some(&c) = chars.get(j)
                && c.is_ascii_digit()
            {
                exp_text.push(c);
                j += 1;
            }
            // Saturate absurd exponents; the value then overflows or underflows and is caught below.
            let magnitude: i32 = exp_text.parse().unwrap_or(9999).min(9999);
            exponent = if exp_negative { -magnitude } else { magnitude };
            i = j;
        }
    }
    let literal = format!(
        "{}{}.{}e{}",
        if negative { "-" } else { "" },
        if int_digits.is_empty() { "0" } else { &int_digits },
        if frac_digits.is_empty() { "0" } else { &frac_digits },
        exponent
    );
    let value: f64 = literal.parse().map_err(|_| {
        ParseError::at(input, start, "not a number", "digits with an optional decimal point and exponent")
    })?;
    if !value.is_finite() {
        return Err(ParseError::at(
            input,
            start,
            "number too large",
            "a finite number (at most about 1.8e308)",
        ));
    }
    let frac_len = i32::try_from(frac_digits.len()).unwrap_or(i32::MAX);
    let (ulp_exp, last_exp) = if frac_len > 0 {
        (exponent.saturating_sub(frac_len), exponent.saturating_sub(frac_len))
    } else {
        let trailing_zeros = int_digits.chars().rev().take_while(|&c| c == '0').count();
        let significant_zeros = if trailing_zeros == int_digits.len() {
            trailing_zeros.saturating_sub(1)
        } else {
            trailing_zeros
        };
        (exponent.saturating_add(i32::try_from(significant_zeros).unwrap_or(0)), exponent)
    };
    Ok(Some(Number {
        value,
        negative,
        signed,
        ulp: pow10(ulp_exp),
        last_digit_ulp: pow10(last_exp),
        integer,
        start,
        end: i,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(s: &str, g: Grouping) -> Option<Number> {
        let chars: Vec<char> = s.chars().collect();
        scan_number(s, &chars, 0, g).unwrap()
    }

    #[test]
    fn plain_and_signed() {
        let n = scan("39.2239", Grouping::None).unwrap();
        assert_eq!(n.value, 39.2239);
        assert_eq!(n.end, 7);
        assert!(!n.integer);
        let n = scan("\u{2212}12.5", Grouping::None).unwrap();
        assert_eq!(n.value, -12.5);
        assert!(n.negative && n.signed);
        let n = scan("+7", Grouping::None).unwrap();
        assert_eq!(n.value, 7.0);
        assert!(!n.negative && n.signed);
        assert!(scan("-", Grouping::None).is_none());
        assert!(scan("x1", Grouping::None).is_none());
        assert_eq!(scan(".5", Grouping::None).unwrap().value, 0.5);
    }

    #[test]
    fn exponent_is_not_east() {
        let n = scan("1e-3", Grouping::None).unwrap();
        assert_eq!(n.value, 0.001);
        let n = scan("2E1 ", Grouping::None).unwrap();
        assert_eq!(n.value, 20.0);
        assert_eq!(n.end, 3);
        // An E that no digit follows is left for the hemisphere reader.
        let n = scan("125.67E", Grouping::None).unwrap();
        assert_eq!(n.value, 125.67);
        assert_eq!(n.end, 6);
        let n = scan("3e+2x", Grouping::None).unwrap();
        assert_eq!(n.value, 300.0);
    }

    #[test]
    fn thousands_groups() {
        assert_eq!(scan("2,700 km", Grouping::Thousands).unwrap().value, 2700.0);
        assert_eq!(scan("2 700 km", Grouping::Thousands).unwrap().value, 2700.0);
        assert_eq!(scan("2\u{2009}700", Grouping::Thousands).unwrap().value, 2700.0);
        assert_eq!(scan("1,234,567.5", Grouping::Thousands).unwrap().value, 1_234_567.5);
        // Without grouping the comma ends the number.
        assert_eq!(scan("2,700", Grouping::None).unwrap().value, 2.0);
        // A space not followed by exactly three digits ends the number.
        assert_eq!(scan("14 min", Grouping::Thousands).unwrap().value, 14.0);
        assert_eq!(scan("2700 500", Grouping::Thousands).unwrap().value, 2700.0);
        let chars: Vec<char> = "2,7 km".chars().collect();
        let e = scan_number("2,7 km", &chars, 0, Grouping::Thousands).unwrap_err();
        assert_eq!(e.column, 2);
        let chars: Vec<char> = "2700,000".chars().collect();
        assert!(scan_number("2700,000", &chars, 0, Grouping::Thousands).is_err());
        let chars: Vec<char> = "2,7000".chars().collect();
        assert!(scan_number("2,7000", &chars, 0, Grouping::Thousands).is_err());
    }

    #[test]
    fn precision_as_written() {
        assert_eq!(scan("2,700", Grouping::Thousands).unwrap().ulp, 100.0);
        assert_eq!(scan("1,180", Grouping::Thousands).unwrap().ulp, 10.0);
        assert_eq!(scan("1000", Grouping::Thousands).unwrap().ulp, 1000.0);
        assert_eq!(scan("14", Grouping::Thousands).unwrap().ulp, 1.0);
        assert_eq!(scan("0.5", Grouping::Thousands).unwrap().ulp, 0.1);
        assert_eq!(scan("2.50", Grouping::Thousands).unwrap().ulp, 0.01);
        assert_eq!(scan("0", Grouping::Thousands).unwrap().ulp, 1.0);
        assert_eq!(scan("1e3", Grouping::Thousands).unwrap().ulp, 1000.0);
        assert_eq!(scan("090", Grouping::None).unwrap().last_digit_ulp, 1.0);
        assert_eq!(scan("84.5", Grouping::None).unwrap().last_digit_ulp, 0.1);
    }

    #[test]
    fn non_finite_spellings() {
        for s in [
            "NaN",
            "nan",
            "NAN",
            "-nan",
            "+NaN",
            "\u{2212}nan",
            "sNaN",
            "qnan",
            "nan(0x7ff8)",
            "inf",
            "-inf",
            "+Inf",
            "INF",
            "Infinity",
            "-infinity",
            "∞",
            "-∞",
            "1.#INF",
            "-1.#IND",
            "1.#QNAN",
            "#N/A",
            "#num!",
            "#DIV/0!",
            "#VALUE!",
            "#REF!",
            "#NAME?",
            "#NULL!",
        ] {
            let chars: Vec<char> = s.chars().collect();
            let (spelling, end) = non_finite_at(&chars, 0).unwrap_or_else(|| panic!("{s} not recognised"));
            assert_eq!((spelling.as_str(), end), (s, chars.len()), "{s}");
            let e = scan_number(s, &chars, 0, Grouping::Thousands).unwrap_err();
            assert_eq!(e.column, 1, "{s}");
            assert!(
                e.message.contains("not a finite number") || e.message.contains("spreadsheet"),
                "{s}: {e}"
            );
        }
        for s in ["nanometre", "Infanta", "nano", "n", "#hashtag", "1.5", "Nan River"] {
            let chars: Vec<char> = s.chars().collect();
            let found = non_finite_at(&chars, 0).map(|(w, _)| w);
            assert!(found.is_none() || s == "Nan River", "{s}: {found:?}");
        }
        let chars: Vec<char> = "Sunan".chars().collect();
        assert_eq!(non_finite_at(&chars, 2), None);
    }

    #[test]
    fn overflow_is_an_error() {
        let chars: Vec<char> = "1e400".chars().collect();
        assert!(scan_number("1e400", &chars, 0, Grouping::None).is_err());
        let chars: Vec<char> = "1e99999999999".chars().collect();
        assert!(scan_number("1e99999999999", &chars, 0, Grouping::None).is_err());
    }
}
