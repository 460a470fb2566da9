//! Fuzz target: the coordinate parser and the location reader that routes text to it.
//!
//! Any text: no panic, and every coordinate returned is a real point (finite, latitude in [-90, 90], longitude
//! in [-180, 180)). Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run coordinate fuzz/seeds/coordinate`.
#![no_main]

use groundtrack::parse::{LocationSpec, parse_coordinate, parse_location};
use libfuzzer_sys::fuzz_target;

fn assert_point(p: geo_types::Point<f64>, text: &str) {
    assert!(p.y().is_finite() && (-90.0..=90.0).contains(&p.y()), "latitude {} from {text:?}", p.y());
    assert!(p.x().is_finite() && (-180.0..180.0).contains(&p.x()), "longitude {} from {text:?}", p.x());
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match parse_coordinate(text) {
        Ok(p) => assert_point(p, text),
        Err(e) => assert!(e.column >= 1 && !e.expected.is_empty(), "{e:?}"),
    }
    if let Ok(LocationSpec::Coordinate(p)) = parse_location(text, 1.0) {
        assert_point(p, text);
    }
});
