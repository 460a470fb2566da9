//! Figures, directions and position phrases as launch reports word them.
//!
//! Wordings marked "case" are copied from the project's shared case notes (`shared/cases/2017-08-29-hwasong-12.md`
//! and `2017-09-15-hwasong-12.md`, which cite Jiji Press and the Japan Ministry of Defense); the others are
//! variants of the same style. Expected bands follow from the stated rule by hand: half a unit in the last
//! significant digit (2,700 km -> ±50 km), exact unit definitions (1 nmi = 1852 m, 1 mi = 1609.344 m).

use groundtrack::parse::{
    BandKind, Dimension, LocationSpec, Unit, parse_bearing, parse_figure, parse_location,
    parse_position_phrase,
};

fn band(s: &str, d: Dimension) -> (f64, f64, f64) {
    let f = parse_figure(s, d, 1.0).unwrap_or_else(|e| panic!("{s}: {e}"));
    (f.low, f.nominal, f.high)
}

#[test]
fn case_2017_08_29_figures() {
    use Dimension::*;
    // case: range "about 2,700 km", apogee "about 550 km", flight time about 14 minutes.
    assert_eq!(band("about 2,700 km", Distance), (2_650_000.0, 2_700_000.0, 2_750_000.0));
    assert_eq!(band("about 550 km", Distance), (545_000.0, 550_000.0, 555_000.0));
    assert_eq!(band("about 14 minutes", Duration), (810.0, 840.0, 870.0));
    // The Sunan-to-impact distance computed in shared/cases/reference-values.md (GeodSolve): 2,692,386.870 m.
    let range = parse_figure("about 2,700 km", Distance, 1.0).unwrap();
    assert!(range.contains(2_692_386.870));
    let strict = parse_figure("about 2,700 km", Distance, 0.1).unwrap();
    assert!(!strict.contains(2_692_386.870));
}

#[test]
fn case_2017_09_15_figures() {
    use Dimension::*;
    // case: range "approx. 3,700 km", apogee "approx. 800 km" (ROK JCS: 770 km), about 19 minutes.
    let r = parse_figure("approx. 3,700 km", Distance, 1.0).unwrap();
    assert_eq!((r.low, r.high, r.qualifier.as_deref()), (3_650_000.0, 3_750_000.0, Some("approx.")));
    assert_eq!(band("approx. 800 km", Distance), (750_000.0, 800_000.0, 850_000.0));
    assert_eq!(band("770 km", Distance), (765_000.0, 770_000.0, 775_000.0));
    assert_eq!(band("about 19 minutes", Duration), (1110.0, 1140.0, 1170.0));
    // Two sources as one explicit band.
    assert_eq!(band("770-800 km", Distance), (770_000.0, 785_000.0, 800_000.0));
}

#[test]
fn more_report_figures() {
    use Dimension::*;
    assert_eq!(band("some 1,000 km", Distance), (500_000.0, 1_000_000.0, 1_500_000.0));
    assert_eq!(band("roughly 4,500 km", Distance), (4_450_000.0, 4_500_000.0, 4_550_000.0));
    assert_eq!(band("about 970 km", Distance), (965_000.0, 970_000.0, 975_000.0));
    assert_eq!(band("an estimated 6,000 km", Distance), (5_500_000.0, 6_000_000.0, 6_500_000.0));
    assert_eq!(band("nearly 1,000 km", Distance), (500_000.0, 1_000_000.0, 1_500_000.0));
    assert_eq!(band("around 400 nautical miles", Distance), (350.0 * 1852.0, 400.0 * 1852.0, 450.0 * 1852.0));
    assert_eq!(band("~620 miles", Distance), (615.0 * 1609.344, 620.0 * 1609.344, 625.0 * 1609.344));
    assert_eq!(band("about 53 minutes", Duration), (3150.0, 3180.0, 3210.0));
    assert_eq!(band("about 1 h 6 min", Duration), (3930.0, 3960.0, 3990.0));
    assert_eq!(band("more than 1 hour", Duration), (3600.0, 3600.0, f64::INFINITY));
    assert_eq!(band("over 6,000 km", Distance), (6_000_000.0, 6_000_000.0, f64::INFINITY));
    assert_eq!(band("up to 1,500 km", Distance), (0.0, 1_500_000.0, 1_500_000.0));
    assert_eq!(band("less than 100 km", Distance), (0.0, 100_000.0, 100_000.0));
    assert_eq!(band("2,700 to 2,800 km", Distance), (2_700_000.0, 2_750_000.0, 2_800_000.0));
    assert_eq!(band("2700 +/- 50 km", Distance), (2_650_000.0, 2_700_000.0, 2_750_000.0));
    let (lo, nominal, hi) = band("about 36.8 deg", Angle);
    assert!((lo - 36.75).abs() < 1e-12 && nominal == 36.8 && (hi - 36.85).abs() < 1e-12);
    let f = parse_figure("In excess of 3,000 km", Distance, 1.0).unwrap();
    assert_eq!((f.kind, f.unit), (BandKind::AtLeast, Unit::Kilometre));
    assert_eq!(f.text, "In excess of 3,000 km");
}

#[test]
fn case_directions() {
    // case 2017-08-29: "east"; case 2017-09-15: "east-northeasterly".
    let e = parse_bearing("east").unwrap();
    assert_eq!((e.azimuth_deg, e.half_width_deg), (90.0, 22.5));
    let ene = parse_bearing("east-northeasterly").unwrap();
    assert_eq!((ene.azimuth_deg, ene.half_width_deg), (67.5, 11.25));
    // reference-values.md: extending Sunan-Erimo to 3,700 km ends at about 84.4 deg from the cape, outside ENE
    // (56.25..78.75) but inside "east" (67.5..112.5).
    assert!(!ene.contains(84.4) && e.contains(84.4));
    for (w, az) in [
        ("northeasterly", 45.0),
        ("North-Northeast", 22.5),
        ("east northeast", 67.5),
        ("eastward", 90.0),
        ("ESE", 112.5),
        ("southwest", 225.0),
        ("WNW", 292.5),
        ("N84E", 84.0),
        ("84 deg", 84.0),
    ] {
        assert_eq!(parse_bearing(w).unwrap().azimuth_deg, az, "{w}");
    }
}

#[test]
fn case_phrases() {
    // case 2017-08-29 (Jiji Press): "about 1,180 km east of Cape Erimo".
    let p = parse_position_phrase("about 1,180 km east of Cape Erimo", 1.0).unwrap();
    assert_eq!(p.place, "Cape Erimo");
    assert_eq!(
        (p.distance.low, p.distance.nominal, p.distance.high),
        (1_175_000.0, 1_180_000.0, 1_185_000.0)
    );
    assert_eq!(p.distance.qualifier.as_deref(), Some("about"));
    assert_eq!((p.bearing.azimuth_deg, p.bearing.half_width_deg), (90.0, 22.5));
    assert_eq!(p.text, "about 1,180 km east of Cape Erimo");
    // case 2017-09-15 (Japan MoD): "approx. 2,200 kilometers east of the Cape Erimo".
    let p = parse_position_phrase("approx. 2,200 kilometers east of the Cape Erimo", 1.0).unwrap();
    assert_eq!(p.place, "Cape Erimo");
    assert_eq!((p.distance.low, p.distance.high), (2_150_000.0, 2_250_000.0));
    assert_eq!(p.distance.unit, Unit::Kilometre);
    // The wire report of the same day: "about 2,000 km".
    let w = parse_position_phrase("about 2,000 km east of Cape Erimo", 1.0).unwrap();
    assert_eq!((w.distance.low, w.distance.high), (1_500_000.0, 2_500_000.0));
}

#[test]
fn phrase_variants() {
    for (s, dist, az, place) in [
        (
            "some 200 kilometers west of the island of Oshima-Oshima",
            200_000.0,
            270.0,
            "island of Oshima-Oshima",
        ),
        ("250 km ENE of Sinpo", 250_000.0, 67.5, "Sinpo"),
        ("about 1,180 km to the east of Cape Erimo", 1_180_000.0, 90.0, "Cape Erimo"),
        ("about 150 km west of Okushiri Island", 150_000.0, 270.0, "Okushiri Island"),
        ("approximately 300 km west of the Oga Peninsula", 300_000.0, 270.0, "Oga Peninsula"),
        ("about 200 km west of Hokkaido's Oshima Peninsula", 200_000.0, 270.0, "Hokkaido's Oshima Peninsula"),
        ("roughly 2,000 km east of Cape Erimo, Hokkaido", 2_000_000.0, 90.0, "Cape Erimo, Hokkaido"),
        ("about 250 km north-northwest of Cape Tappi", 250_000.0, 337.5, "Cape Tappi"),
        ("some 130 nautical miles east-southeast of Wonsan", 130.0 * 1852.0, 112.5, "Wonsan"),
        ("1,000 km to east of Misawa", 1_000_000.0, 90.0, "Misawa"),
        ("About 350 km N84E of Kusong", 350_000.0, 84.0, "Kusong"),
    ] {
        let p = parse_position_phrase(s, 1.0).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!((p.distance.nominal, p.bearing.azimuth_deg, p.place.as_str()), (dist, az, place), "{s}");
    }
}

#[test]
fn phrase_errors_say_where_and_what() {
    for (s, column, in_message) in [
        ("about 1,180 km eest of Cape Erimo", 16, "unknown direction"),
        ("about 1,180 east of Cape Erimo", 13, "unknown unit"),
        ("about 1,18 km east of Cape Erimo", 8, "thousands"),
        ("about 1,180 km east Cape Erimo", 31, "of <place>"),
        ("about 1,180 km east of", 23, "place name is missing"),
        ("about 1,180 km of Cape Erimo", 16, "direction is missing"),
    ] {
        let e = parse_position_phrase(s, 1.0).unwrap_err();
        assert_eq!(e.column, column, "{s}: {e}");
        assert!(e.message.contains(in_message), "{s}: {e}");
        assert_eq!(e.input, s);
        assert!(!e.expected.is_empty());
        assert!(e.to_string().contains(&format!("at column {column} in \"{s}\"; expected ")), "{e}");
    }
}

#[test]
fn locations() {
    assert!(matches!(parse_location("39.2239, 125.67", 1.0), Ok(LocationSpec::Coordinate(_))));
    assert!(matches!(parse_location("41°55′28″N 143°14′54″E", 1.0), Ok(LocationSpec::Coordinate(_))));
    assert!(matches!(parse_location("about 1,180 km east of Cape Erimo", 1.0), Ok(LocationSpec::Phrase(_))));
    assert_eq!(parse_location("the Cape Erimo", 1.0).unwrap(), LocationSpec::PlaceName("Cape Erimo".into()));
    assert_eq!(
        parse_location("Hokkaido's Oshima Peninsula", 1.0).unwrap(),
        LocationSpec::PlaceName("Hokkaido's Oshima Peninsula".into())
    );
    assert_eq!(parse_location("Sunan", 1.0).unwrap(), LocationSpec::PlaceName("Sunan".into()));
    // Coordinate-looking text with an impossible latitude is an error, never a place name.
    for s in ["91, 125", "90.000000001 0", "-91S 0E", "95N 125E"] {
        assert!(parse_location(s, 1.0).is_err(), "{s}");
    }
    // A figure-led text that is no valid phrase reports the phrase's fault.
    let e = parse_location("250 km eats of Sinpo", 1.0).unwrap_err();
    assert!(e.message.contains("unknown direction"), "{e}");
}
