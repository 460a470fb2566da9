//! The one error type of the parsers: what is wrong, where, and what would be accepted.

/// Text that could not be read as a coordinate, quantity, direction, stated figure or position phrase.
///
/// Every parser of this module returns this error. It names the 1-based character column where the fault starts
/// (counted in Unicode scalar values, so `41°55′` has its `5` in column 4), what is wrong there and what the parser
/// would have accepted instead, so that one message is enough to correct the input.
///
/// Displayed as `{message} at column {column} in "{input}"; expected {expected}`.
///
/// # Example
/// ```
/// use groundtrack::parse::parse_coordinate;
/// let e = parse_coordinate("91, 125").unwrap_err();
/// assert_eq!(e.column, 1);
/// assert!(e.to_string().starts_with("latitude 91 is outside [-90, 90] degrees at column 1"));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message} at column {column} in \"{input}\"; expected {expected}")]
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
