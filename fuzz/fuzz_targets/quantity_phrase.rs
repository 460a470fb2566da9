//! Fuzz target: quantities, stated figures, bearings, position phrases and their resolution through the embedded
//! gazetteer (the nominal point of a phrase is a geodesic direct problem).
//!
//! The first byte picks the tolerance scale (0 to 25.5); the rest is the text. Any text: no panic; every figure
//! has low <= nominal <= high with no NaN; every bearing lies in [0, 360) with a finite half-width; every resolved
//! point is a real point. Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run quantity_phrase fuzz/seeds/quantity_phrase`.
#![no_main]

use groundtrack::parse::{
    Dimension, parse_bearing, parse_figure, parse_position_phrase, parse_quantity,
};
use groundtrack::places::Gazetteer;
use groundtrack::report::resolve_location;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let scale = f64::from(first) / 10.0;
    for d in [Dimension::Distance, Dimension::Duration, Dimension::Angle] {
        if let Ok(q) = parse_quantity(text, d) {
            assert!(q.value.is_finite() && q.si().is_finite(), "{q:?} from {text:?}");
        }
        if let Ok(f) = parse_figure(text, d, scale) {
            assert!(!f.low.is_nan() && !f.nominal.is_nan() && !f.high.is_nan(), "{f:?}");
            assert!(f.low <= f.nominal && f.nominal <= f.high, "{f:?} from {text:?}");
        }
    }
    if let Ok(b) = parse_bearing(text) {
        assert!((0.0..360.0).contains(&b.azimuth_deg), "{b:?}");
        assert!(b.half_width_deg.is_finite() && b.half_width_deg >= 0.0, "{b:?}");
    }
    if let Ok(p) = parse_position_phrase(text, scale) {
        assert!(p.distance.nominal.is_finite() && !p.place.is_empty(), "{p:?}");
    }
    if let Ok(r) = resolve_location(text, Gazetteer::embedded(), scale) {
        let (x, y) = (r.point.x(), r.point.y());
        assert!(x.is_finite() && (-90.0..=90.0).contains(&y), "{r:?} from {text:?}");
    }
});
