//! Unit-slip hypotheses and conversion checks on figures from real reports, against geodesic distances from
//! GeographicLib's GeodSolve between the gazetteer's points (command next to each value).

use groundtrack::parse::{Dimension, parse_figure, parse_figure_with_conversion};
use groundtrack::report::{SlipKind, check_conversion, test_unit_slips, unit_slip_hypotheses};

/// Vandenberg SFB (34.751330, -120.52023) to Kwajalein Atoll (8.717, 167.733), the rows of data/places.csv:
/// `echo "34.751330 -120.52023 8.717 167.733" | GeodSolve -i -p 3` -> 7798466.794 m.
const VANDENBERG_KWAJALEIN_M: f64 = 7_798_466.794;

/// AP, 2020-08-04: "its three reentry vehicles travelled 4,200 miles (6,759 kilometres) to the Kwajalein Atoll".
#[test]
fn minuteman_2020_miles_were_nautical() {
    let (miles, km) =
        parse_figure_with_conversion("4,200 miles (6,759 kilometres)", Dimension::Distance, 1.0).unwrap();
    let km = km.unwrap();
    // As stated, neither figure fits the geodesic: 4,200 mi rounds to 6,679-6,840 km.
    assert!(!miles.contains(VANDENBERG_KWAJALEIN_M) && !km.contains(VANDENBERG_KWAJALEIN_M));
    // The AP converted with the statute mile, to the kilometre: 4,200 x 1.609344 = 6,759.2448.
    let conversion = check_conversion(&miles, &km);
    assert!(conversion.correct_as_labelled && conversion.readings[0].exact);
    // The slip that fits: the miles were nautical. 4,200 nmi = 7,778.4 km, 0.3% short of 7,798.5 km.
    let h = unit_slip_hypotheses(&miles, VANDENBERG_KWAJALEIN_M);
    assert_eq!(h.len(), 1, "{h:?}");
    assert_eq!(h[0].kind, SlipKind::MilesWereNautical);
    assert_eq!(h[0].value, 7_778.4);
    assert_eq!(
        h[0].text,
        "consistent if 'miles' means nautical miles: 4,200 nmi = 7,778 km, 0.3% from the geometry"
    );
    // And the kilometre figure is the same slip seen from the other side: nautical miles converted as statute.
    let hk = unit_slip_hypotheses(&km, VANDENBERG_KWAJALEIN_M);
    assert!(hk.iter().all(|h| h.kind != SlipKind::KilometresWereMiles));
    // 6,759 km x 1852/1609.344 = 7,778.1 km: outside the +-0.5 km band of "6,759" scaled (7,777.5-7,778.7 km)
    // by 20 km, so the strict reading of the conversion does not fit; the rounded mile figure does.
    assert!(hk.is_empty(), "{hk:?}");
}

/// AP, 2011-06-22: "successfully reached its target 4,200 miles (6,750 kilometers) away".
#[test]
fn minuteman_2011_conversion_within_rounding_only() {
    let (miles, km) =
        parse_figure_with_conversion("4,200 miles (6,750 kilometers)", Dimension::Distance, 1.0).unwrap();
    let c = check_conversion(&miles, &km.unwrap());
    // 4,200 x 1.609344 = 6,759.2 km is outside "6,750" (6,745-6,755) but inside the rounding of "4,200".
    assert!(!c.readings[0].exact && c.readings[0].within_rounding);
    assert!(c.correct_as_labelled);
    assert!(
        c.summary.starts_with("6,750 km as a conversion of 4,200 mi: right as labelled"),
        "{}",
        c.summary
    );
}

/// Long War Journal, 2017-06-18: "an estimated 650 kilometers from Kermanshah, Iran, to Deir ez-Zor, Syria".
/// `echo "34.33694 47.09111 35.333 40.150" | GeodSolve -i -p 3` -> 644310.582 m.
#[test]
fn kermanshah_deir_ez_zor_no_slip_explains_a_rounding_miss() {
    let f = parse_figure("an estimated 650 kilometers", Dimension::Distance, 1.0).unwrap();
    assert!(!f.contains(644_310.582));
    let all = test_unit_slips(&f, 644_310.582);
    assert_eq!(all.len(), 4);
    assert!(all.iter().all(|h| !h.consistent), "{all:?}");
}

/// UPI, 2022-11-17 dateline: "The missile traveled approximately 620 miles" (the JCS said about 1,000 km).
/// A kilometre figure converted correctly to statute miles: no slip, and read as kilometres it would not fit.
#[test]
fn upi_620_miles_is_a_right_conversion_of_1000_km() {
    let (km, miles) = parse_figure_with_conversion("1,000 km (620 miles)", Dimension::Distance, 1.0).unwrap();
    let c = check_conversion(&km, &miles.unwrap());
    // 1,000 km = 621.4 statute miles: "620" (615-625 mi, rounding to the last non-zero digit) contains it.
    assert!(c.readings[0].exact, "{:?}", c.readings);
    // As nautical miles 1,000 km = 540 nmi: not the number printed. ("1,000" rounds to +-500 km, so the bands
    // still overlap: within_rounding is true for both readings, and only `exact` tells them apart.)
    assert!(!c.readings[1].exact && c.readings[1].within_rounding);
    assert!((c.readings[1].expected - 1_000_000.0 / 1852.0).abs() < 1e-9);
}
