//! Errors of report files, with the file, line, column and field of the fault.

use std::fmt;
use std::path::PathBuf;

/// Where in a report file a fault lies: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourcePosition {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl SourcePosition {
    /// The line and column of byte offset `offset` in `text` (clamped to the text's length and to a character
    /// boundary).
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::SourcePosition;
    /// let p = SourcePosition::of_offset("a = 1\nbb = 2\n", 8);
    /// assert_eq!((p.line, p.column), (2, 3));
    /// ```
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Self { line, column }
    }
}

impl fmt::Display for SourcePosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Why a report file could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReportError {
    /// The file could not be read (missing, a directory, no permission).
    #[error("{path}: cannot read the report file: {message}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's message.
        message: String,
    },
    /// The file is empty or holds only white space and comments.
    #[error("{path}: the report file is empty; expected TOML with at least `launch` and `impact`")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is not UTF-8 text (a binary file, or another encoding).
    #[error("{path}:{position}: the report file is not UTF-8 text (invalid byte); save it as UTF-8 TOML")]
    NotText {
        /// The file.
        path: PathBuf,
        /// Where the first invalid byte is.
        position: SourcePosition,
    },
    /// The file contains a NUL byte: valid UTF-8, but no text file has one (a binary file, or UTF-16 text).
    #[error(
        "{path}:{position}: the report file contains a NUL byte (a binary file, or UTF-16 text?); save it as UTF-8 TOML"
    )]
    NulByte {
        /// The file.
        path: PathBuf,
        /// Where the first NUL byte is.
        position: SourcePosition,
    },
    /// TOML syntax error, unknown key, missing key, wrong type or duplicate key.
    #[error("{path}:{position}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Where the fault is.
        position: SourcePosition,
        /// The TOML parser's description, tidied.
        message: String,
    },
    /// A field whose value is well-formed TOML but cannot be read as what it should hold (a coordinate, a
    /// place, a phrase, a figure, a time).
    #[error("{path}:{position}: field `{field}`: {message}")]
    Field {
        /// The file.
        path: PathBuf,
        /// Where the value starts.
        position: SourcePosition,
        /// The key, as a dotted path (`stated.range`, `overflights[1]`).
        field: String,
        /// What is wrong and what would be accepted.
        message: String,
    },
}
