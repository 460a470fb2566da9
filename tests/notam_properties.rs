//! Property tests of the navigation-warning parsers: no input makes them panic, and what
//! `format_notam_coordinate` writes reads back to within its rounding.

use geo_types::Point;
use groundtrack::parse::{NotamStyle, format_notam_coordinate, parse_notam_coordinate, parse_vertex_list};
use proptest::prelude::*;

fn notamish() -> impl Strategy<Value = String> {
    // Strings built from the characters these texts use, so that the parsers get past their first character.
    proptest::collection::vec(
        prop_oneof![
            Just("0"),
            Just("1"),
            Just("5"),
            Just("9"),
            Just("18"),
            Just("123"),
            Just("1819.5"),
            Just("181930"),
            Just("1111330"),
            Just("."),
            Just("-"),
            Just(" "),
            Just(","),
            Just("/"),
            Just("\n"),
            Just("N"),
            Just("S"),
            Just("E"),
            Just("W"),
            Just("°"),
            Just("’"),
            Just("”"),
            Just(" AND "),
            Just(" BACK TO START"),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,60}") {
        let _ = parse_notam_coordinate(&s);
        let _ = parse_vertex_list(&s);
    }

    #[test]
    fn never_panics_on_notam_like_text(s in notamish()) {
        if let Ok((p, _)) = parse_notam_coordinate(&s) {
            prop_assert!(p.y().abs() <= 90.0 && (-180.0..180.0).contains(&p.x()));
        }
        if let Ok((ring, _)) = parse_vertex_list(&s) {
            prop_assert!(ring.len() >= 3);
            prop_assert!(ring.iter().all(|p| p.y().abs() <= 90.0 && (-180.0..180.0).contains(&p.x())));
        }
    }

    #[test]
    fn hyphen_minutes_round_trip(lat in -90.0f64..=90.0, lon in -180.0f64..180.0) {
        let p = Point::new(lon, lat);
        let text = format_notam_coordinate(p, NotamStyle::HyphenMinutes);
        let (q, w) = parse_notam_coordinate(&text).unwrap();
        prop_assert!(w.is_empty());
        // Minutes are written to 0.01, so each value is within 0.005' (plus float noise).
        let tol = 0.005 / 60.0 + 1e-9;
        prop_assert!((q.y() - lat).abs() <= tol, "{} -> {:?}", text, q);
        let dlon = (q.x() - lon + 540.0).rem_euclid(360.0) - 180.0;
        prop_assert!(dlon.abs() <= tol, "{} -> {:?}", text, q);
    }

    #[test]
    fn packed_seconds_round_trip(lat in -90.0f64..=90.0, lon in -180.0f64..180.0) {
        let p = Point::new(lon, lat);
        let text = format_notam_coordinate(p, NotamStyle::PackedSeconds);
        let (q, _) = parse_notam_coordinate(&text).unwrap();
        let tol = 0.5 / 3600.0 + 1e-9;
        prop_assert!((q.y() - lat).abs() <= tol, "{} -> {:?}", text, q);
        let dlon = (q.x() - lon + 540.0).rem_euclid(360.0) - 180.0;
        prop_assert!(dlon.abs() <= tol, "{} -> {:?}", text, q);
    }

    /// A rectangle written vertex by vertex in either style reads back as the same four corners, in order, also
    /// across the antimeridian.
    #[test]
    fn rectangle_round_trip(
        lat in -80.0f64..79.0,
        lon in -180.0f64..180.0,
        dlat in 0.1f64..1.0,
        dlon in 0.1f64..1.0,
        packed in any::<bool>(),
    ) {
        let style = if packed { NotamStyle::PackedSeconds } else { NotamStyle::HyphenMinutes };
        let corners = [
            Point::new(lon, lat + dlat),
            Point::new(lon + dlon, lat + dlat),
            Point::new(lon + dlon, lat),
            Point::new(lon, lat),
        ];
        let text = corners.iter().map(|c| format_notam_coordinate(*c, style)).collect::<Vec<_>>().join(", ");
        let (ring, warnings) = parse_vertex_list(&text).unwrap();
        prop_assert!(warnings.is_empty());
        prop_assert_eq!(ring.len(), 4);
        for (r, c) in ring.iter().zip(corners.iter()) {
            let dx = (r.x() - c.x() + 540.0).rem_euclid(360.0) - 180.0;
            prop_assert!(dx.abs() < 1.0 / 3600.0 && (r.y() - c.y()).abs() < 1.0 / 3600.0);
        }
        // Swapping two corners makes a bow-tie, which is an error.
        let bowtie = [corners[0], corners[2], corners[1], corners[3]]
            .iter()
            .map(|c| format_notam_coordinate(*c, style))
            .collect::<Vec<_>>()
            .join(" / ");
        prop_assert!(parse_vertex_list(&bowtie).is_err());
    }
}
