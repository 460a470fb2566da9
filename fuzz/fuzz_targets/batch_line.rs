//! Fuzz target: the batch line parser on any bytes, for both problem kinds and every default unit.
//! Never a panic; a parsed problem has valid points and finite numbers; a solved problem answers with finite
//! numbers or a clear error (the rhumb line through a pole).
#![no_main]

use groundtrack::batch::{BatchKind, ParsedLine, Problem, parse_line};
use groundtrack::parse::Unit;
use libfuzzer_sys::fuzz_target;

fn on_map(p: geo_types::Point<f64>) -> bool {
    p.y().is_finite() && (-90.0..=90.0).contains(&p.y()) && p.x().is_finite()
}

fuzz_target!(|data: &[u8]| {
    for kind in [BatchKind::Inverse, BatchKind::Direct, BatchKind::RhumbInverse, BatchKind::RhumbDirect] {
        for unit in [Unit::Metre, Unit::Kilometre, Unit::NauticalMile] {
            if let Ok(ParsedLine::Problem { problem, .. }) = parse_line(data, kind, unit) {
                match problem {
                    Problem::Inverse { from, to } => assert!(on_map(from) && on_map(to)),
                    Problem::Direct { from, azimuth_deg, distance_m } => {
                        assert!(on_map(from) && azimuth_deg.is_finite() && distance_m.is_finite())
                    }
                }
            }
        }
    }
});
