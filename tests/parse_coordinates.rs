//! Coordinates as they appear in reports, fact sheets and gazetteers, including the scientific-notation trap.
//!
//! Expected values are the degrees-minutes-seconds of the written text converted by hand (d + m/60 + s/3600);
//! sources of the written coordinates are named where they come from the shared landmark list.

use groundtrack::parse::parse_coordinate;

fn ll(s: &str) -> (f64, f64) {
    let p = parse_coordinate(s).unwrap_or_else(|e| panic!("{s}: {e}"));
    (p.y(), p.x())
}

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 1e-12 && (a.1 - b.1).abs() < 1e-12
}

#[test]
fn written_forms_of_landmarks() {
    // shared/cases/landmarks.md: Cape Erimo "41 55 28 N, 143 14 54 E (Wikipedia)".
    let erimo = (41.0 + 55.0 / 60.0 + 28.0 / 3600.0, 143.0 + 14.0 / 60.0 + 54.0 / 3600.0);
    for s in [
        "41 55 28 N, 143 14 54 E",
        "41°55′28″N 143°14′54″E",
        "41°55'28\"N, 143°14'54\"E",
        "41d55'28\"N 143d14'54\"E",
        "41:55:28N 143:14:54E",
        "N41°55′28″ E143°14′54″",
        "143°14′54″E 41°55′28″N",
    ] {
        assert!(close(ll(s), erimo), "{s}: {:?}", ll(s));
    }
    // landmarks.md: Andersen AFB "13 34 52 N, 144 55 28 E (FAA)"; the base's fact sheet prints 144 "West".
    let andersen = (13.0 + 34.0 / 60.0 + 52.0 / 3600.0, 144.0 + 55.0 / 60.0 + 28.0 / 3600.0);
    assert!(close(ll("13 34 52 N, 144 55 28 E"), andersen));
    assert!(close(ll("13 34 52 N, 144 55 28 W"), (andersen.0, -andersen.1)));
    // landmarks.md: Anchorage "61 13 N, 149 54 W".
    assert!(close(ll("61 13 N, 149 54 W"), (61.0 + 13.0 / 60.0, -(149.0 + 54.0 / 60.0))));
    // landmarks.md decimal rows.
    assert_eq!(ll("39.22389, 125.67000"), (39.22389, 125.67));
    assert_eq!(ll("34.052234, -118.243685"), (34.052234, -118.243685));
    assert_eq!(ll("21.3069 \u{2212}157.8583"), (21.3069, -157.8583));
}

#[test]
fn decimal_and_hemisphere_forms() {
    for s in [
        "39.2239, 125.67",
        "39.2239 125.67",
        "39.2239N 125.67E",
        "N39.2239 E125.67",
        "39.2239 N, 125.67 E",
        "125.67E 39.2239N",
        "+39.2239, +125.67",
    ] {
        assert_eq!(ll(s), (39.2239, 125.67), "{s}");
    }
}

#[test]
fn scientific_notation_is_a_number_not_east() {
    // GeographicLib's DMS reader takes the 'e' of "1e-3" for East; here it is an exponent.
    assert_eq!(ll("1e-3 2E1"), (0.001, 20.0));
    assert_eq!(ll("3.92239e1, 1.2567e2"), (39.2239, 125.67));
    assert_eq!(ll("3.92239e1N 1.2567e2E"), (39.2239, 125.67));
}

#[test]
fn ranges() {
    assert_eq!(ll("-90, -540"), (-90.0, -180.0));
    assert_eq!(ll("90, 539.5"), (90.0, 179.5));
    assert_eq!(ll("0, 200"), (0.0, -160.0));
    for s in ["90.000000001, 0", "-90.000000001, 0", "0, 540.000001", "0, -541", "91N 0E", "0E 91S"] {
        let e = parse_coordinate(s).unwrap_err();
        assert!(e.message.contains("outside"), "{s}: {e}");
    }
}

#[test]
fn errors_say_where_and_what() {
    for (s, column, in_message) in [
        ("", 1, "empty"),
        ("NaN NaN", 1, "not a finite number"),
        ("39.2, inf", 7, "not a finite number"),
        ("39.2239", 8, "missing"),
        ("39,2239, 125,67", 8, "third value"),
        ("41°61′N 143°E", 4, "below 60"),
        ("41°59′60.5″N 143°E", 7, "below 60"),
        ("39.2N 125.6S", 12, "both values are marked as latitudes"),
        ("-39.2S 125.6E", 6, "sign and the hemisphere"),
        ("Pyongyang", 1, "unexpected text"),
        ("39.2 125.6 #", 12, "unexpected character"),
    ] {
        let e = parse_coordinate(s).unwrap_err();
        assert_eq!(e.column, column, "{s}: {e}");
        assert!(e.message.contains(in_message), "{s}: {e}");
        assert!(e.expected.contains("39.2239"), "{s}: {e}");
    }
}
