//! The time parsers never panic: on arbitrary text, and on text made of the pieces they read (dates, clock
//! times, a.m./p.m., zones, offsets, spans), in every reading context (proptest, 5,000 cases each). Whatever they
//! accept, they accept with an instant whose offset is within ±14 hours, and they refuse with a message that says
//! what is accepted.

use groundtrack::report::{
    Clock, ClockSource, TimeContext, parse_time, parse_window, parse_written_time, parse_written_window,
    parse_zone,
};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 5_000, failure_persistence: None, ..ProptestConfig::default() }
}

const PIECES: &[&str] = &[
    "2017-08-29",
    "2018-05-04",
    "2015-08-14",
    "2021-03-14",
    "2021-11-07",
    "9999-12-31",
    "0001-01-01",
    "29",
    "August",
    "Aug.",
    "Sept",
    "2017",
    "Tuesday,",
    "Mon",
    "on ",
    "at ",
    "T",
    "05:58",
    "5:58",
    "0558",
    "05:58:30",
    "05:58:00.5",
    "23:45",
    "2:30",
    "1:30",
    "00:00",
    "24:00",
    "12",
    "7",
    "7.30",
    "pm",
    "p.m.",
    "a.m.",
    "AM",
    "noon",
    "midnight",
    "hrs",
    "JST",
    "KST",
    "PYT",
    "CST",
    "IST",
    "PST",
    "ChST",
    "Pyongyang time",
    "Moscow time",
    "local",
    "UTC",
    "GMT",
    "Z",
    "+",
    "-",
    "\u{2212}",
    "+09:00",
    "+0930",
    "UTC+9",
    "GMT-14",
    "UTC+15",
    "(+3 GMT)",
    "Asia/Pyongyang",
    "America/Los_Angeles",
    "Etc/GMT-14",
    "/",
    " to ",
    "-",
    "\u{2013}",
    " and ",
    "about ",
    "between ",
    " ",
    " ",
    ",",
    "(",
    ")",
    ".",
    ":",
    "0",
    "9",
    "99",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..12).prop_map(|v| v.concat())
}

fn check_all(text: &str) {
    let pyongyang = Clock::iana("Asia/Pyongyang", ClockSource::Gazetteer).unwrap();
    let tokyo = Clock::fixed("JST", 9 * 3600, ClockSource::ReportZone).unwrap();
    let _ = parse_written_time(text);
    let _ = parse_written_window(text);
    let _ = parse_zone(text);
    let reference = parse_time("2017-08-29 05:58 JST", &TimeContext::default()).unwrap();
    let contexts = [
        TimeContext::default(),
        TimeContext { place_zone: Some(&pyongyang), place_name: Some("Sunan"), ..TimeContext::default() },
        TimeContext { report_zone: Some(&tokyo), reference: Some(&reference), ..TimeContext::default() },
    ];
    for ctx in &contexts {
        match parse_time(text, ctx) {
            Ok(t) => assert!(t.offset_s.abs() <= 14 * 3600, "{text:?}: {t:?}"),
            Err(e) => assert!(e.to_string().contains("; expected "), "{text:?}: {e}"),
        }
        match parse_window(text, ctx) {
            Ok(w) => assert!(w.low_s <= w.high_s, "{text:?}: {w:?}"),
            Err(e) => assert!(e.to_string().contains("; expected "), "{text:?}: {e}"),
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_all(&text);
    }

    #[test]
    fn time_like_text_never_panics(text in pieces()) {
        check_all(&text);
    }
}
