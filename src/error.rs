//! The library's error type.
//!
//! Every error carries enough context for one readable message: what was wrong, where (file, line, column,
//! field) and, where it helps, what would be accepted. The binary prints it in one place and exits with code 2.

use std::path::PathBuf;

/// Result alias used throughout the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in groundtrack's library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A geodesic or rhumb-line computation was asked something it cannot answer.
    #[error(transparent)]
    Geodesy(#[from] crate::geodesy::GeodesyError),

    /// Text that should hold a coordinate, quantity, direction or phrase could not be read.
    #[error(transparent)]
    Parse(#[from] crate::parse::ParseError),

    /// A place name that the gazetteer does not know, or that is ambiguous.
    #[error(transparent)]
    Place(#[from] crate::places::PlaceError),

    /// A report file that cannot be read or does not follow the schema.
    #[error(transparent)]
    Report(#[from] crate::report::ReportError),

    /// A ballistic problem without a solution or with inputs out of range.
    #[error(transparent)]
    Ballistics(#[from] crate::ballistics::BallisticsError),

    /// The land outlines could not be read, or an overflight could not be computed.
    #[error(transparent)]
    Land(#[from] crate::land::LandError),

    /// A map or profile picture could not be drawn.
    #[error(transparent)]
    Map(#[from] crate::map::MapError),

    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },

    /// A command-line value that is well-formed but unusable (for example a negative spacing).
    #[error("{what}: {message}")]
    Invalid {
        /// Which argument or field.
        what: String,
        /// What is wrong and what would be accepted.
        message: String,
    },
}

impl Error {
    /// The same error said of a file: an [`Error::Invalid`] gets the file's path in front of what it names, so
    /// that a message about "feature 3" or "GeoJSON input" says which file; other errors already name their
    /// source and are returned as they are.
    ///
    /// # Example
    /// ```
    /// let e = groundtrack::Error::Invalid { what: "input".into(), message: "feature 1: bad".into() };
    /// assert_eq!(e.in_file("a.geojson".as_ref()).to_string(), "a.geojson: input: feature 1: bad");
    /// ```
    pub fn in_file(self, path: &std::path::Path) -> Error {
        match self {
            Error::Invalid { what, message } => {
                Error::Invalid { what: path.display().to_string(), message: format!("{what}: {message}") }
            }
            other => other,
        }
    }
}
