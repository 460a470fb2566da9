//! Rasterising SVG to PNG with resvg and the shipped font only.

use std::sync::Arc;

use super::MapError;

/// DejaVu Sans (a Latin subset; Bitstream Vera license, see `data/fonts/README.md`): the only font used.
pub const FONT_DATA: &[u8] = include_bytes!("../../data/fonts/DejaVuSans-subset.ttf");

/// Renders an SVG document to PNG bytes at its own size (1 SVG unit = 1 pixel).
///
/// Text is laid out with [`FONT_DATA`] loaded explicitly into usvg's font database; no system font is read, so
/// the output is the same on every machine.
///
/// # Errors
/// [`MapError::Png`] when the SVG cannot be parsed, has no size, or the PNG cannot be encoded.
///
/// # Example
/// ```
/// use groundtrack::map::svg_to_png;
/// let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">
///   <text x="2" y="15" font-family="DejaVu Sans" font-size="12">km</text></svg>"#;
/// let png = svg_to_png(svg).unwrap();
/// assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
/// assert!(svg_to_png("not svg").is_err());
/// ```
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>, MapError> {
    let mut options = resvg::usvg::Options::default();
    let mut db = resvg::usvg::fontdb::Database::new();
    db.load_font_data(FONT_DATA.to_vec());
    db.set_sans_serif_family(super::style::FONT);
    options.fontdb = Arc::new(db);
    options.font_family = super::style::FONT.to_string();
    let tree = resvg::usvg::Tree::from_str(svg, &options).map_err(|e| MapError::Png(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| MapError::Png(format!("cannot make a {}x{} picture", size.width(), size.height())))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| MapError::Png(e.to_string()))
}
