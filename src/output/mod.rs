//! Output formats: GeoJSON (RFC 7946) and others.
