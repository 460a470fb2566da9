//! Readable tables for people (the `comfy-table` crate), in one style across commands.

use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};

/// A new empty table in groundtrack's style: UTF-8 box drawing, no dividers between rows.
///
/// # Example
/// ```
/// let mut t = groundtrack::output::table::new_table();
/// t.set_header(vec!["name", "lat"]);
/// t.add_row(vec!["Sunan", "39.22389"]);
/// assert!(t.to_string().contains("Sunan"));
/// ```
pub fn new_table() -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t
}
