//! `groundtrack check` prints each end's time in UTC and local time, both local dates and the note on the date
//! line. Expected values come from the tz database's rules, worked by hand:
//! - Asia/Pyongyang was UTC+8:30 from 2015-08-15 to 2018-05-04 (file `asia`), Asia/Tokyo is UTC+9 (JST);
//! - America/Los_Angeles keeps PDT (UTC-7) from the second Sunday of March to the first Sunday of November since
//!   2007 (file `northamerica`, Rule US 2007 onwards), so 4 August 2020 00:21 local = 07:21 UTC and 22 June 2011
//!   06:35 local = 13:35 UTC;
//! - Pacific/Kwajalein is UTC+12 since 1993-08-20 (file `australasia`), so 07:21 UTC is 19:21 there the same day
//!   and 13:35 UTC is 01:35 the next day.
//!
//! The flight from Vandenberg to Kwajalein lasts about half an hour (AP, 2011: "A half-hour later"); the impact's
//! local time is checked only to lie within an hour of launch.

use assert_cmd::Command;
use serde_json::Value;

fn groundtrack() -> Command {
    Command::cargo_bin("groundtrack").unwrap()
}

fn report(text: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
    f
}

fn run(path: &std::path::Path, json: bool) -> String {
    let mut cmd = groundtrack();
    cmd.arg("check").arg(path);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const SEED_BODY: &str = "launch = \"Sunan\"\nimpact = \"about 1,180 km east of Cape Erimo\"\n\
                         overflights = [\"Cape Erimo\"]\n";

#[test]
fn a_time_in_jst_is_shown_in_utc_and_on_pyongyangs_clock() {
    let f = report(&format!("launch_time = \"2017-08-29 05:58 JST\"\n{SEED_BODY}"));
    let text = run(f.path(), false);
    assert!(text.contains("Clock times (UTC, and the local time at each end)"), "{text}");
    // 05:58 at UTC+9 = 20:58 UTC on the 28th = 05:28 at UTC+8:30 on the 29th.
    assert!(text.contains("2017-08-28T20:58:00Z"), "{text}");
    assert!(text.contains("2017-08-29 05:28:00"), "{text}");
    assert!(text.contains("(KST, UTC+08:30; gazetteer)"), "{text}");
    assert!(text.contains("read in JST (UTC+09:00)"), "{text}");

    let v: Value = serde_json::from_str(&run(f.path(), true)).unwrap();
    let l = &v["clock"]["launch"];
    assert_eq!(l["utc"], "2017-08-28T20:58:00Z");
    assert_eq!(l["local"], "2017-08-29 05:28:00");
    assert_eq!(l["local_date"], "2017-08-29");
    assert_eq!(l["zone"], "Asia/Pyongyang");
    assert_eq!(l["zone_source"], "gazetteer");
    assert_eq!(l["utc_offset"], "+08:30");
    assert_eq!(l["utc_offset_s"], 30_600);
    assert_eq!(l["stated"], "2017-08-29 05:58 JST");
    assert_eq!(l["stated_clock"], "JST (UTC+09:00)");
    assert_eq!(v["clock"]["crosses_antimeridian"], false);
}

#[test]
fn local_at_sunan_in_2017_is_utc_plus_8_30() {
    let f = report(&format!("launch_time = \"2017-08-29 5:28 a.m. local\"\n{SEED_BODY}"));
    let v: Value = serde_json::from_str(&run(f.path(), true)).unwrap();
    let l = &v["clock"]["launch"];
    assert_eq!(l["utc"], "2017-08-28T20:58:00Z");
    assert_eq!(l["stated_clock"], "Asia/Pyongyang (UTC+08:30)");
    // With the report's own zone, "local" is that zone: 05:58 in Tokyo is the same instant.
    let f = report(&format!(
        "time_zone = \"Asia/Tokyo\"\nlaunch_time = \"2017-08-29 5:58 a.m. local\"\n{SEED_BODY}"
    ));
    let v: Value = serde_json::from_str(&run(f.path(), true)).unwrap();
    assert_eq!(v["clock"]["launch"]["utc"], "2017-08-28T20:58:00Z");
    assert_eq!(v["clock"]["launch"]["stated_clock"], "Asia/Tokyo (UTC+09:00)");
}

#[test]
fn the_impact_at_sea_is_in_the_nautical_zone() {
    let f =
        report(&format!("launch_time = \"2017-08-29 05:58 JST\"\nimpact_time = \"06:12 JST\"\n{SEED_BODY}"));
    let v: Value = serde_json::from_str(&run(f.path(), true)).unwrap();
    let m = &v["clock"]["impact"];
    // 06:12 JST, dated by the launch: 2017-08-28T21:12:00Z.
    assert_eq!(m["utc"], "2017-08-28T21:12:00Z");
    assert_eq!(m["zone_source"], "nautical");
    let lon = m["lon"].as_f64().unwrap();
    // Nautical zone n covers [15n - 7.5, 15n + 7.5) degrees (Bowditch, ch. 18).
    let n = ((lon + 7.5) / 15.0).floor() as i32;
    assert_eq!(m["utc_offset_s"], n * 3600, "{m}");
    assert!(m["zone"].as_str().unwrap().starts_with("nautical zone +"), "{m}");
}

#[test]
fn minuteman_2020_same_date_on_both_sides_of_the_antimeridian() {
    let path = std::path::Path::new("data/scenarios/2020-08-04-minuteman-iii.toml");
    let v: Value = serde_json::from_str(&run(path, true)).unwrap();
    let c = &v["clock"];
    assert_eq!(c["launch"]["utc"], "2020-08-04T07:21:00Z");
    assert_eq!(c["launch"]["local"], "2020-08-04 00:21:00");
    assert_eq!(c["launch"]["abbreviation"], "PDT");
    assert_eq!(c["launch"]["local_date"], "2020-08-04");
    assert_eq!(c["impact"]["zone"], "Pacific/Kwajalein");
    assert_eq!(c["impact"]["utc_offset"], "+12:00");
    assert_eq!(c["impact"]["local_date"], "2020-08-04");
    let local = c["impact"]["local"].as_str().unwrap();
    assert!(("2020-08-04 19:21:00".."2020-08-04 20:21:00").contains(&local), "{local}");
    assert!(c["impact"]["estimated"].as_str().unwrap().starts_with("launch time + "), "{c}");
    assert_eq!(c["crosses_antimeridian"], true);
    assert_eq!(c["local_dates_differ"], false);
    let notes = c["date_line_notes"].as_array().unwrap();
    assert!(
        notes.iter().any(|n| n.as_str().unwrap().contains("the antimeridian is not the date line")),
        "{c}"
    );

    let text = run(path, false);
    assert!(
        text.contains(
            "local dates: launch 2020-08-04 (America/Los_Angeles), impact 2020-08-04 (Pacific/Kwajalein): the same"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "note: The track crosses the 180th meridian, but the antimeridian is not the date line"
        )
    );
}

#[test]
fn minuteman_2011_local_dates_differ() {
    let path = std::path::Path::new("data/scenarios/2011-06-22-minuteman-iii.toml");
    let v: Value = serde_json::from_str(&run(path, true)).unwrap();
    let c = &v["clock"];
    assert_eq!(c["launch"]["utc"], "2011-06-22T13:35:00Z");
    assert_eq!(c["launch"]["local_date"], "2011-06-22");
    assert_eq!(c["impact"]["local_date"], "2011-06-23");
    assert_eq!(c["local_dates_differ"], true);
    let text = run(path, false);
    assert!(
        text.contains(
            "local dates: launch 2011-06-22 (America/Los_Angeles), impact 2011-06-23 (Pacific/Kwajalein): they differ"
        ),
        "{text}"
    );
}

#[test]
fn the_geojson_carries_the_times() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.geojson");
    groundtrack()
        .args(["check", "data/scenarios/2022-04-20-sarmat.toml", "--geojson"])
        .arg(&out)
        .assert()
        .code(predicates::ord::lt(2));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let launch =
        v["features"].as_array().unwrap().iter().find(|f| f["properties"]["role"] == "launch").unwrap();
    // "3:12 p.m. Moscow time" on 2022-04-20: Europe/Moscow is UTC+3 since 2014-10-26 (tz database, `europe`).
    assert_eq!(launch["properties"]["time_utc"], "2022-04-20T12:12:00Z");
    assert_eq!(launch["properties"]["time_zone"], "Europe/Moscow");
    assert_eq!(launch["properties"]["utc_offset"], "+03:00");
    assert_eq!(launch["properties"]["local_time"], "2022-04-20T15:12:00+03:00");
    let estimate =
        v["features"].as_array().unwrap().iter().find(|f| f["properties"]["role"] == "estimate").unwrap();
    // Kura (Kamchatka) is UTC+12 (Asia/Kamchatka, tz database `europe`): 12:12 UTC is already 00:12 on the 21st
    // there, and the flight only adds to it.
    assert_eq!(estimate["properties"]["time_zone"], "Asia/Kamchatka");
    assert_eq!(estimate["properties"]["local_date"], "2022-04-21");
}

#[test]
fn kiritimati_keeps_utc_plus_14_at_157_west() {
    // python3 zoneinfo: 2023-03-01 23:30 Asia/Tokyo = 2023-03-01T14:30Z; 15:00Z in Pacific/Kiritimati is
    // 2023-03-02 05:00 +14:00 (the tz database: Kiritimati has kept +14 since 1995).
    let stated = report(
        "launch_time = \"2023-03-01 23:30 JST\"\nimpact_time = \"05:00 Pacific/Kiritimati\"\nlaunch = \"Cape Erimo\"\n\
         impact = \"1.87 N, 157.40 W\"\n",
    );
    let j: Value = serde_json::from_str(&run(stated.path(), true)).unwrap();
    let impact = &j["clock"]["impact"];
    assert_eq!(impact["utc"], "2023-03-01T15:00:00Z");
    assert_eq!(
        (impact["zone"].as_str(), impact["local_date"].as_str()),
        (Some("Pacific/Kiritimati"), Some("2023-03-02"))
    );
    assert_eq!(impact["across_the_date_line"], true);
    assert_eq!(j["clock"]["local_dates_differ"], true);
    // By name, the gazetteer's zone; no time stated at the impact: still the 2nd of March there.
    let named =
        report("launch_time = \"2023-03-01 23:30 JST\"\nlaunch = \"Cape Erimo\"\nimpact = \"Kiritimati\"\n");
    let j: Value = serde_json::from_str(&run(named.path(), true)).unwrap();
    assert_eq!(j["clock"]["impact"]["local_date"], "2023-03-02");
    // As bare coordinates with no zone, the nautical zone is shown, and a note says the land there may keep
    // another clock.
    let bare = report(
        "launch_time = \"2023-03-01 23:30 JST\"\nlaunch = \"Cape Erimo\"\nimpact = \"1.87 N, 157.40 W\"\n",
    );
    let text = run(bare.path(), false);
    assert!(text.contains("lies on land (Kiribati), where the civil time zone may differ"), "{text}");
}

#[test]
fn an_impact_time_without_date_comes_after_the_launch() {
    // python3 zoneinfo: 2011-06-22 06:35 America/Los_Angeles = 13:35Z. "18:35 PDT" taken on the same day is
    // 2011-06-23T01:35Z, 12 h after launch (the nearest day would tie); "01:05 local" at Kwajalein (UTC+12) on
    // the 23rd would be 2011-06-22T13:05Z, before the launch, so it is the 24th: 2011-06-23T13:05Z.
    for (impact_time, utc) in [("18:35 PDT", "2011-06-23T01:35:00Z"), ("01:05 local", "2011-06-23T13:05:00Z")]
    {
        let r = report(&format!(
            "launch = \"Vandenberg\"\nimpact = \"Kwajalein Atoll\"\nlaunch_time = \"2011-06-22 6:35 a.m. local\"\n\
             impact_time = \"{impact_time}\"\n"
        ));
        let j: Value = serde_json::from_str(&run(r.path(), true)).unwrap();
        assert_eq!(j["clock"]["impact"]["utc"], utc, "{impact_time}");
    }
}

#[test]
fn an_abbreviation_out_of_season_is_read_as_written_with_a_note() {
    // python3 zoneinfo: America/New_York at 2017-08-29 10:58Z is EDT (UTC-4); America/Los_Angeles at
    // 2017-01-15 12:58Z is PST (UTC-8). "EST" in August and "PDT" in January are read as written, with a note.
    for (time, utc, note) in [
        (
            "2017-08-29 05:58 EST",
            "2017-08-29T10:58:00Z",
            "EST was not the clock of America/New_York on 2017-08-29: EDT",
        ),
        (
            "2017-01-15 05:58 PDT",
            "2017-01-15T12:58:00Z",
            "PDT was not the clock of America/Los_Angeles on 2017-01-15: PST",
        ),
    ] {
        let r = report(&format!("launch = \"Sunan\"\nimpact = \"Cape Erimo\"\nlaunch_time = \"{time}\"\n"));
        let j: Value = serde_json::from_str(&run(r.path(), true)).unwrap();
        assert_eq!(j["clock"]["launch"]["utc"], utc, "{time}");
        assert!(
            j["notes"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().starts_with(note)),
            "{time}: {}",
            j["notes"]
        );
    }
    // In season: no note.
    let r = report("launch = \"Sunan\"\nimpact = \"Cape Erimo\"\nlaunch_time = \"2017-08-29 05:58 EDT\"\n");
    assert!(!run(r.path(), false).contains("was not the clock of"));
}
