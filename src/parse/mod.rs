//! (module under construction)

/// Errors of this module.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParseError {
    /// Placeholder.
    #[error("{0}")]
    Other(String),
}
