//! Properties of the parsers over many generated inputs (proptest, 10,000 cases each).
//!
//! - No parser panics on arbitrary text, nor on text made of the characters it reads.
//! - Formatting a value and reading it back gives the value: exactly for decimal coordinates (Rust's `{}` and
//!   `{:e}` print the shortest digits that round-trip, and the reader converts digits with correct rounding) and
//!   quantities; to 1e-12 degree for degrees-minutes-seconds, whose expected value is d + m/60 + s/3600 of the
//!   generated parts.

use groundtrack::parse::{
    Dimension, Quantity, Unit, parse_bearing, parse_coordinate, parse_figure, parse_location,
    parse_position_phrase, parse_quantity,
};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() }
}

/// Pieces of coordinate text, joined at random to reach deep into the reader.
const COORD_PIECES: &[&str] = &[
    "0", "1", "2", "4", "5", "9", "39", "125", "59", "60", "90", "180", ".", ".5", "N", "S", "E", "W", "n",
    "e", "d", "°", "º", "′", "″", "'", "\"", "’", "”", ":", ",", ";", " ", "+", "-", "\u{2212}", "e-3", "E1",
    "nan", "inf",
];
/// Pieces of figure and phrase text.
const FIGURE_PIECES: &[&str] = &[
    "about ",
    "approx. ",
    "some ",
    "more than ",
    "up to ",
    "between ",
    "~",
    ">",
    "<",
    ">=",
    "0",
    "1",
    "2,700",
    "1,180",
    "14",
    "0.5",
    "2 700",
    ",",
    ", ",
    " ",
    ".",
    "±",
    "+/-",
    "-",
    "–",
    " to ",
    " and ",
    "km",
    " km",
    " m",
    " nmi",
    " miles",
    " min",
    " h",
    " s",
    " deg",
    "°",
    " kilometers",
    " of ",
    " east",
    " ENE",
    " to the ",
    "the ",
    "Cape Erimo",
    "e3",
    "nan",
];

/// A string of 0 to `max` pieces.
fn pieces(set: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(set), 0..=max).prop_map(|v| v.concat())
}

const UNITS: [Unit; 8] = [
    Unit::Metre,
    Unit::Kilometre,
    Unit::NauticalMile,
    Unit::StatuteMile,
    Unit::Second,
    Unit::Minute,
    Unit::Hour,
    Unit::Degree,
];

/// Long spellings accepted for each unit (the symbol is tested separately).
fn long_name(u: Unit) -> &'static str {
    match u {
        Unit::Metre => "metres",
        Unit::Kilometre => "kilometers",
        Unit::NauticalMile => "nautical miles",
        Unit::StatuteMile => "statute miles",
        Unit::Second => "seconds",
        Unit::Minute => "minutes",
        Unit::Hour => "hours",
        Unit::Degree => "degrees",
    }
}

/// Groups the integer part of a non-negative decimal with commas: 1234567.5 -> "1,234,567.5".
fn with_commas(v: f64) -> String {
    let s = format!("{v}");
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn coordinate_never_panics(s in any::<String>()) {
        let _ = parse_coordinate(&s);
    }

    #[test]
    fn coordinate_never_panics_on_its_alphabet(s in pieces(COORD_PIECES, 16)) {
        if let Ok(p) = parse_coordinate(&s) {
            prop_assert!((-90.0..=90.0).contains(&p.y()));
            prop_assert!((-180.0..180.0).contains(&p.x()));
        }
    }

    #[test]
    fn decimal_round_trip(lat in -90.0f64..=90.0, lon in -180.0f64..180.0) {
        for text in [format!("{lat}, {lon}"), format!("{lat} {lon}"), format!("{lat:e} {lon:e}")] {
            let p = parse_coordinate(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!((p.y(), p.x()), (lat, lon), "{}", text);
        }
        let h = format!(
            "{}{} {}{}",
            lat.abs(), if lat < 0.0 { 'S' } else { 'N' }, lon.abs(), if lon < 0.0 { 'W' } else { 'E' }
        );
        let p = parse_coordinate(&h).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!((p.y().abs(), p.x().abs()), (lat.abs(), lon.abs()), "{}", h);
    }

    #[test]
    fn dms_round_trip(
        lat_d in 0u32..90, lat_m in 0u32..60, lat_us in 0u32..60_000_000, south in any::<bool>(),
        lon_d in 0u32..180, lon_m in 0u32..60, lon_us in 0u32..60_000_000, west in any::<bool>(),
        style in 0usize..3,
    ) {
        let lat_s = f64::from(lat_us) / 1e6;
        let lon_s = f64::from(lon_us) / 1e6;
        let (h1, h2) = (if south { 'S' } else { 'N' }, if west { 'W' } else { 'E' });
        let text = match style {
            0 => format!("{lat_d}°{lat_m}′{lat_s:.6}″{h1} {lon_d}°{lon_m}′{lon_s:.6}″{h2}"),
            1 => format!("{lat_d}d{lat_m}'{lat_s:.6}\"{h1}, {lon_d}d{lon_m}'{lon_s:.6}\"{h2}"),
            _ => format!("{lat_d}:{lat_m}:{lat_s:.6}{h1} {lon_d}:{lon_m}:{lon_s:.6}{h2}"),
        };
        let sign = |neg: bool| if neg { -1.0 } else { 1.0 };
        let lat = sign(south) * (f64::from(lat_d) + f64::from(lat_m) / 60.0 + lat_s / 3600.0);
        let lon = sign(west) * (f64::from(lon_d) + f64::from(lon_m) / 60.0 + lon_s / 3600.0);
        let p = parse_coordinate(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!((p.y() - lat).abs() < 1e-12, "{} -> {}", text, p.y());
        prop_assert!((p.x() - lon).abs() < 1e-12, "{} -> {}", text, p.x());
    }

    #[test]
    fn quantity_round_trip(v in 0.0f64..1e12, k in 0usize..8) {
        let unit = UNITS[k];
        let q = Quantity { value: v, unit };
        for text in [q.to_string(), format!("{v} {}", long_name(unit)), format!("{} {}", with_commas(v), unit.symbol())] {
            let back = parse_quantity(&text, unit.dimension()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, q, "{}", text);
        }
    }

    #[test]
    fn figure_never_panics(s in any::<String>(), scale in -1.0f64..10.0) {
        let _ = parse_figure(&s, Dimension::Distance, scale);
        let _ = parse_position_phrase(&s, scale);
        let _ = parse_location(&s, scale);
        let _ = parse_bearing(&s);
    }

    #[test]
    fn figure_bands_are_ordered(s in pieces(FIGURE_PIECES, 10), scale in 0.0f64..10.0) {
        for d in [Dimension::Distance, Dimension::Duration, Dimension::Angle] {
            if let Ok(f) = parse_figure(&s, d, scale) {
                prop_assert!(f.low <= f.nominal && f.nominal <= f.high, "{}: {:?}", s, f);
                prop_assert!(!f.low.is_nan() && !f.high.is_nan());
            }
        }
        let _ = parse_position_phrase(&s, scale);
        let _ = parse_location(&s, scale);
    }
}
