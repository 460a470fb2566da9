//! The one error type of the parsers: what is wrong, where, and what would be accepted.

/// Text that could not be read as a coordinate, quantity, direction, stated figure or position phrase.
///
/// Every parser of this module returns this error. It names the 1-based character column where the fault starts
/// (counted in Unicode scalar values, so `41°55′` has its `5` in column 4), what is wrong there and what the parser
/// would have accepted instead, so that one message is enough to correct the input.
///
/// Displayed as `{message} at column {column} in "{input}"; expected {expected}`. An input longer than
/// [`EXCERPT_CHARS`] characters is shown as an excerpt around the column with its length (`"…2,70 km e…" (1048576
/// characters)`), and control characters in it are escaped (`\u{0}`), so that the message stays one readable
/// line whatever was pasted.
///
/// # Example
/// ```
/// use groundtrack::parse::parse_coordinate;
/// let e = parse_coordinate("91, 125").unwrap_err();
/// assert_eq!(e.column, 1);
/// assert!(e.to_string().starts_with("latitude 91 is outside [-90, 90] degrees at column 1"));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message} at column {column} in {}; expected {expected}", excerpt(.input, *.column))]
pub struct ParseError {
    /// The whole text that was being read.
    pub input: String,
    /// 1-based character column in `input` where the fault starts (one past the last character for "missing").
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What would be accepted at that place.
    pub expected: String,
}

impl ParseError {
    /// Builds an error at a 0-based character index `at` of `input`.
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::ParseError;
    /// let e = ParseError::at("12 parsecs", 3, "unknown unit \"parsecs\"", "a distance unit");
    /// assert_eq!(e.column, 4);
    /// ```
    pub fn at(input: &str, at: usize, message: impl Into<String>, expected: impl Into<String>) -> Self {
        ParseError {
            input: input.to_string(),
            column: at + 1,
            message: message.into(),
            expected: expected.into(),
        }
    }

    /// Re-anchors an error raised on a part of a longer text: `offset` is the 0-based character index where the
    /// part starts in `whole`.
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::{parse_bearing, ParseError};
    /// let e = parse_bearing("eats").unwrap_err().within("250 km eats of Sinpo", 7);
    /// assert_eq!(e.column, 8);
    /// assert_eq!(e.input, "250 km eats of Sinpo");
    /// ```
    pub fn within(mut self, whole: &str, offset: usize) -> Self {
        self.input = whole.to_string();
        self.column += offset;
        self
    }
}

/// Inputs up to this many characters are shown whole in messages; longer ones as an excerpt around the fault.
pub const EXCERPT_CHARS: usize = 120;

/// A quoted, one-line rendering of `input` for a message: whole when short, else about [`EXCERPT_CHARS`]
/// characters around the 1-based `column` with `…` where it was cut and the input's length; control characters
/// escaped.
fn excerpt(input: &str, column: usize) -> String {
    let n = input.chars().count();
    if n <= EXCERPT_CHARS {
        return format!("\"{}\"", escape_controls(input));
    }
    let half = EXCERPT_CHARS / 2;
    let from = column.saturating_sub(1).saturating_sub(half).min(n.saturating_sub(EXCERPT_CHARS));
    let to = (from + EXCERPT_CHARS).min(n);
    let part: String = input.chars().skip(from).take(to - from).collect();
    format!(
        "\"{}{}{}\" ({n} characters)",
        if from > 0 { "…" } else { "" },
        escape_controls(&part),
        if to < n { "…" } else { "" }
    )
}

/// Escapes control characters (NUL, escape, ...) so that a message prints as one line.
fn escape_controls(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// A word from the input quoted for a message: at most 40 characters (then `…`), control characters escaped.
pub(crate) fn short(word: &str) -> String {
    let mut out: String = word.chars().take(40).collect();
    if word.chars().nth(40).is_some() {
        out.push('…');
    }
    format!("\"{}\"", escape_controls(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_inputs_are_shown_as_excerpts() {
        let input = format!("{}2,70 km{}", "1".repeat(500_000), "x".repeat(500_000));
        let e =
            ParseError::at(&input, 500_001, "a comma after digits must separate thousands", "three digits");
        let shown = e.to_string();
        assert!(shown.len() < 400, "{} bytes", shown.len());
        assert!(
            shown.contains("…") && shown.contains("2,70 km") && shown.contains("(1000007 characters)"),
            "{shown}"
        );
        let e = ParseError::at("a\0b\u{1b}c", 1, "m", "x");
        assert!(e.to_string().contains(r#"in "a\u{0}b\u{1b}c""#), "{e}");
        assert_eq!(short(&"y".repeat(100)), format!("\"{}…\"", "y".repeat(40)));
    }
}
