//! Output formats: GeoJSON (RFC 7946) and others.
pub mod check_text;
