//! Clock times and time zones against independent sources: the tz database's published rules (quoted below), the
//! machine's own tz database through `zdump` and Python's `zoneinfo` (skipped when missing, unless CI is set), the
//! tz database's `zone1970.tab` for the gazetteer's zones, and the RFC 3339 times the gallery's files held before
//! they were written as worded.

mod common;

use std::process::Command;

use groundtrack::places::Gazetteer;
use groundtrack::report::{
    CheckOptions, ReportFile, TimeContext, ZoneMeaning, ZoneTable, check_report, parse_time, tz_database,
};
use jiff::Timestamp;

fn utc(text: &str) -> String {
    parse_time(text, &TimeContext::default()).unwrap_or_else(|e| panic!("{text}: {e}")).timestamp.to_string()
}

/// The tz database, file `asia` (release 2018e and later):
///
/// ```text
/// # Zone  NAME            STDOFF  RULES   FORMAT  [UNTIL]
/// Zone    Asia/Pyongyang  8:23:00 -       LMT     1908 Apr  1
///                         8:30    -       KST     1912 Jan  1
///                         9:00    -       JST     1945 Aug 24
///                         9:00    -       KST     2015 Aug 15 00:00
///                         8:30    -       KST     2018 May  4 23:30
///                         9:00    -       KST
/// ```
///
/// So 05:28 on 2017-08-29 is UTC+8:30 -> 20:58 UTC on the 28th; 05:28 on 2018-05-05 is UTC+9 -> 20:28 UTC on the
/// 4th; the last UTC+9 minute before the change is 2015-08-14 23:59 -> 14:59 UTC; 2015-08-15 00:00 (UTC+9, the
/// UNTIL) is 15:00 UTC, when the clocks go back to 23:30 at UTC+8:30; 2018-05-04 23:30 (UTC+8:30) is 15:00 UTC,
/// when they go forward to 00:00 at UTC+9.
#[test]
fn north_korea_kept_utc_plus_8_30_from_2015_to_2018() {
    assert_eq!(utc("2017-08-29 05:28 Pyongyang time"), "2017-08-28T20:58:00Z");
    assert_eq!(utc("2017-08-29 5:28 a.m. Asia/Pyongyang"), "2017-08-28T20:58:00Z");
    assert_eq!(utc("2018-05-05 05:28 Pyongyang time"), "2018-05-04T20:28:00Z");
    assert_eq!(utc("2015-08-14 23:29 Pyongyang time"), "2015-08-14T14:29:00Z");
    assert_eq!(utc("2015-08-15 00:00 Pyongyang time"), "2015-08-14T15:30:00Z");
    assert_eq!(utc("2018-05-04 23:29 Pyongyang time"), "2018-05-04T14:59:00Z");
    assert_eq!(utc("2018-05-05 00:00 Pyongyang time"), "2018-05-04T15:00:00Z");
    // Before 2015 and after 2018 the clock was UTC+9 like Tokyo's.
    assert_eq!(utc("2012-12-12 9:49 a.m. Pyongyang time"), utc("2012-12-12 9:49 a.m. JST"));
    assert_eq!(utc("2022-11-18 10:15 a.m. Pyongyang time"), utc("2022-11-18 10:15 a.m. JST"));
}

/// The same transitions in the machine's tz database, as `zdump -v` prints them:
/// `Asia/Pyongyang  Fri Aug 14 15:00:00 2015 UT = Fri Aug 14 23:30:00 2015 KST isdst=0 gmtoff=30600`.
#[test]
fn the_bundled_database_agrees_with_zdump() {
    if !common::runs("zdump", &["-v", "-c", "2015,2016", "UTC"]) {
        common::skip_or_fail("the_bundled_database_agrees_with_zdump", "zdump is not installed");
        return;
    }
    let out = Command::new("zdump").args(["-v", "-c", "2015,2019", "Asia/Pyongyang"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let tz = tz_database().get("Asia/Pyongyang").unwrap();
    let mut seen = 0;
    for line in text.lines().filter(|l| l.contains(" UT = ")) {
        // "Asia/Pyongyang  Fri Aug 14 15:00:00 2015 UT = ... gmtoff=30600"
        let ut =
            line.split(" UT = ").next().unwrap().split_whitespace().skip(1).collect::<Vec<_>>().join(" ");
        let t = jiff::fmt::strtime::parse("%a %b %d %H:%M:%S %Y", &ut).unwrap().to_datetime().unwrap();
        let t = jiff::tz::Offset::UTC.to_timestamp(t).unwrap();
        let gmtoff: i32 = line.rsplit("gmtoff=").next().unwrap().trim().parse().unwrap();
        assert_eq!(tz.to_offset(t).seconds(), gmtoff, "{line}");
        seen += 1;
    }
    assert!(seen >= 4, "zdump printed {seen} transitions:\n{text}");
}

/// Local times of the gallery and of the tests, converted by Python's `zoneinfo` (the machine's tz database).
#[test]
fn local_times_agree_with_python_zoneinfo() {
    let cases = [
        ("2017-08-29 05:28", "Asia/Pyongyang"),
        ("2018-05-05 05:28", "Asia/Pyongyang"),
        ("2012-12-12 09:49", "Asia/Pyongyang"),
        ("2011-06-22 06:35", "America/Los_Angeles"),
        ("2020-08-04 00:21", "America/Los_Angeles"),
        ("2021-01-15 00:21", "America/Los_Angeles"),
        ("2022-04-20 15:12", "Europe/Moscow"),
        ("2012-04-20 15:12", "Europe/Moscow"),
        ("2024-09-25 08:44", "Asia/Shanghai"),
        ("2020-08-04 19:21", "Pacific/Kwajalein"),
        ("2024-09-24 14:44", "Pacific/Marquesas"),
        ("2020-08-05 10:00", "Pacific/Kiritimati"),
    ];
    let script = "import sys, datetime, zoneinfo\n\
                  for line in sys.stdin:\n\
                  \x20   t, z = line.rstrip('\\n').split('|')\n\
                  \x20   d = datetime.datetime.strptime(t, '%Y-%m-%d %H:%M').replace(tzinfo=zoneinfo.ZoneInfo(z))\n\
                  \x20   print(d.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'))\n";
    if !common::runs("python3", &["-c", "import zoneinfo; zoneinfo.ZoneInfo('Asia/Pyongyang')"]) {
        common::skip_or_fail(
            "local_times_agree_with_python_zoneinfo",
            "python3 with zoneinfo is not installed",
        );
        return;
    }
    let input: String = cases.iter().map(|(t, z)| format!("{t}|{z}\n")).collect();
    let lines = python_lines(script, &input);
    assert_eq!(lines.len(), cases.len(), "{lines:?}");
    for ((t, z), python) in cases.iter().zip(&lines) {
        assert_eq!(&utc(&format!("{t} {z}")), python, "{t} {z}");
    }
}

/// All (abbreviation, offset) pairs a zone uses from 2000 to 2030, from the bundled tz database's transitions.
fn uses(zone: &str) -> Vec<(String, i32)> {
    let tz = tz_database().get(zone).unwrap();
    let start: Timestamp = "2000-01-01T00:00:00Z".parse().unwrap();
    let end: Timestamp = "2030-01-01T00:00:00Z".parse().unwrap();
    let first = tz.to_offset_info(start);
    let mut out = vec![(first.abbreviation().to_string(), first.offset().seconds())];
    for t in tz.following(start).take_while(|t| t.timestamp() < end) {
        out.push((t.abbreviation().to_string(), t.offset().seconds()));
    }
    out.sort();
    out.dedup();
    out
}

/// Every abbreviation of data/time-zones.csv is what the tz database says: used with that offset in the zone the
/// row names; an abbreviation on one row has no other offset anywhere in the database from 2000 to 2030 (so
/// "PST", used by America/Los_Angeles at -8 and by Asia/Manila at +8, must be, and is, ambiguous).
#[test]
fn the_zone_table_follows_the_tz_database() {
    let table = ZoneTable::embedded();
    assert_eq!(table.load_error(), None);
    let mut all: Vec<(String, i32, String)> = Vec::new();
    for zone in tz_database().available() {
        let name = zone.as_str().to_string();
        if name.starts_with("Etc/")
            || !name.contains('/')
            || name.starts_with("posix")
            || name.starts_with("right")
        {
            continue;
        }
        for (a, o) in uses(&name) {
            all.push((a, o, name.clone()));
        }
    }
    assert!(all.len() > 500, "{} uses", all.len());
    for row in table.rows() {
        let Some(zone) = &row.checked_in else { continue };
        let abbreviation = row.name.as_str();
        let used = uses(zone);
        match &row.meaning {
            ZoneMeaning::Offset(s) => {
                let full_name = abbreviation.contains(' ');
                if !full_name {
                    assert!(
                        used.contains(&(abbreviation.to_string(), *s)),
                        "{abbreviation} at {s} s is not used by {zone}: {used:?}"
                    );
                } else {
                    assert!(used.iter().any(|(_, o)| o == s), "{abbreviation}: {zone} never has offset {s}");
                }
                if !full_name && table.lookup(abbreviation).len() == 1 {
                    let others: Vec<_> = all.iter().filter(|(a, o, _)| a == abbreviation && o != s).collect();
                    assert!(others.is_empty(), "{abbreviation} is ambiguous in the tz database: {others:?}");
                }
            }
            ZoneMeaning::Iana(iana) => {
                assert_eq!(iana, zone, "{abbreviation}");
                if !abbreviation.contains(' ') {
                    assert!(used.iter().any(|(a, _)| a == abbreviation), "{abbreviation} not used by {zone}");
                }
            }
        }
    }
    // Each meaning of an ambiguous abbreviation is a use in the database.
    for name in ["CST", "CDT", "PST", "IST"] {
        let rows = table.lookup(name);
        assert!(rows.len() >= 2, "{name}");
        for r in rows {
            let ZoneMeaning::Offset(s) = r.meaning else { panic!("{name}") };
            assert!(all.iter().any(|(a, o, _)| a == name && *o == s), "{name} {s}");
        }
    }
}

/// The table's abbreviations as Python's `zoneinfo` (the machine's tz database) sees them: the zone of each row
/// shows that abbreviation with that offset at some date from 2000 to 2030 (sampled every 10 days).
#[test]
fn the_zone_table_agrees_with_python_zoneinfo() {
    if !common::runs("python3", &["-c", "import zoneinfo; zoneinfo.ZoneInfo('Asia/Tokyo')"]) {
        common::skip_or_fail(
            "the_zone_table_agrees_with_python_zoneinfo",
            "python3 with zoneinfo is not installed",
        );
        return;
    }
    let script = "import sys, datetime as d, zoneinfo\n\
                  for line in sys.stdin:\n\
                  \x20   a, z = line.rstrip('\\n').split('|')\n\
                  \x20   tz = zoneinfo.ZoneInfo(z); t = d.datetime(2000, 1, 1, tzinfo=d.timezone.utc); s = set()\n\
                  \x20   while t.year < 2030:\n\
                  \x20       l = t.astimezone(tz); s.add((l.tzname(), int(l.utcoffset().total_seconds()))); t += d.timedelta(days=10)\n\
                  \x20   print(' '.join(str(o) for (n, o) in sorted(s) if n == a))\n";
    let rows: Vec<_> = ZoneTable::embedded()
        .rows()
        .iter()
        .filter(|r| {
            r.checked_in.is_some() && !r.name.contains(' ') && matches!(r.meaning, ZoneMeaning::Offset(_))
        })
        .collect();
    let input: String =
        rows.iter().map(|r| format!("{}|{}\n", r.name, r.checked_in.as_deref().unwrap_or(""))).collect();
    let lines = python_lines(script, &input);
    assert_eq!(lines.len(), rows.len());
    for (r, line) in rows.iter().zip(&lines) {
        let ZoneMeaning::Offset(s) = r.meaning else { continue };
        let offsets: Vec<i32> = line.split_whitespace().map(|o| o.parse().unwrap()).collect();
        assert!(offsets.contains(&s), "{} in {:?}: python sees offsets {offsets:?}", r.name, r.checked_in);
    }
}

/// Every place of the gazetteer has a zone, and it is a zone of the tz database's zone1970.tab (the machine's
/// copy, /usr/share/zoneinfo/zone1970.tab).
#[test]
fn gazetteer_zones_are_in_zone1970_tab() {
    let places = Gazetteer::embedded().places();
    assert!(places.iter().all(|p| p.time_zone.is_some()), "every place of the gazetteer is on land");
    let Ok(tab) = std::fs::read_to_string("/usr/share/zoneinfo/zone1970.tab") else {
        common::skip_or_fail(
            "gazetteer_zones_are_in_zone1970_tab",
            "/usr/share/zoneinfo/zone1970.tab is missing",
        );
        return;
    };
    let zones: Vec<&str> =
        tab.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').nth(2)).collect();
    for p in places {
        let z = p.time_zone.as_deref().unwrap();
        assert!(zones.contains(&z), "{}: {z} is not in zone1970.tab", p.name);
    }
    // The zones where they are known without a table: zone1970.tab's rows for the countries.
    let zone_of = |n: &str| Gazetteer::embedded().lookup(n).unwrap().time_zone.clone().unwrap();
    assert_eq!(zone_of("Sunan"), "Asia/Pyongyang");
    assert_eq!(zone_of("Vandenberg SFB"), "America/Los_Angeles");
    assert_eq!(zone_of("Kwajalein Atoll"), "Pacific/Kwajalein");
    assert_eq!(zone_of("Kura test range"), "Asia/Kamchatka");
}

/// The gallery's times, written as worded, are the instants its files held before in RFC 3339 (hand-normalised
/// from the same sources, at commit 0ad9336).
#[test]
fn the_gallery_keeps_its_instants() {
    let before = [
        ("2009-04-05-unha-2-first-stage", "2009-04-05T11:30:00+09:00", Some("2009-04-05T11:37:00+09:00")),
        ("2011-06-22-minuteman-iii", "2011-06-22T06:35:00-07:00", None),
        ("2012-12-12-unha-3-first-stage", "2012-12-12T09:49:00+09:00", None),
        ("2017-08-29-hwasong-12", "2017-08-29T05:58:00+09:00", Some("2017-08-29T06:12:00+09:00")),
        ("2017-09-15-hwasong-12", "2017-09-15T06:57:00+09:00", Some("2017-09-15T07:16:00+09:00")),
        ("2017-11-29-hwasong-15", "2017-11-29T03:18:00+09:00", Some("2017-11-29T04:11:00+09:00")),
        ("2020-08-04-minuteman-iii", "2020-08-04T00:21:00-07:00", None),
        ("2022-04-20-sarmat", "2022-04-20T15:12:00+03:00", None),
        ("2022-11-18-hwasong-17", "2022-11-18T10:15:00+09:00", None),
        ("2022-11-18-hwasong-17-upi", "2022-11-18T10:15:00+09:00", None),
        ("2024-09-25-china-icbm", "2024-09-25T08:44:00+08:00", None),
    ];
    for (name, launch, impact) in before {
        let path = format!("data/scenarios/{name}.toml");
        let file = ReportFile::load(path.as_ref()).unwrap();
        let r = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
        let clock = r.clock.unwrap_or_else(|| panic!("{name}: no clock"));
        let want = |t: &str| t.parse::<Timestamp>().unwrap().to_string();
        assert_eq!(clock.launch.unwrap().utc, want(launch), "{name}");
        if let Some(m) = impact {
            let m_clock = clock.impact.unwrap();
            assert_eq!(m_clock.utc, want(m), "{name}");
            assert_eq!(m_clock.estimated, None, "{name}");
        }
    }
}

/// The synthetic report with the launch on Pyongyang's clock (tests/data/reports/pyongyang-time-2017.toml):
/// "local" at Sunan in 2017 is UTC+8:30, so the launch is 20:58 UTC and the clock times give 14 minutes of flight
/// (06:12 JST = 21:12 UTC); read at UTC+9 they would give 44 minutes and the check would fail.
#[test]
fn a_north_korean_local_time_in_2017_is_utc_plus_8_30() {
    let path = "tests/data/reports/pyongyang-time-2017.toml";
    let file = ReportFile::load(path.as_ref()).unwrap();
    let r = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
    let launch = r.clock.as_ref().unwrap().launch.as_ref().unwrap();
    assert_eq!(launch.utc, "2017-08-28T20:58:00Z");
    assert_eq!((launch.local.as_str(), launch.utc_offset.as_str()), ("2017-08-29 05:28:00", "+08:30"));
    assert_eq!(launch.zone, "Asia/Pyongyang");
    let by_clock = r.checks.iter().find(|c| c.figure == "flight time (clock times)").unwrap();
    assert_eq!(by_clock.stated, "14 min from the launch and impact clock times");
    assert_eq!(r.verdict, groundtrack::report::Verdict::Consistent);

    // The same wording a year later, after North Korea went back to UTC+9: the launch is 30 minutes earlier in
    // UTC, the flight 44 minutes, and the flight times no longer fit.
    let text = std::fs::read_to_string(path).unwrap().replace("2017-08-29 5:28", "2018-08-29 5:28");
    let text = text.replace("impact_time = \"06:12 JST\"", "impact_time = \"2018-08-29 06:12 JST\"");
    let file = ReportFile::from_bytes("r.toml".as_ref(), text.as_bytes()).unwrap();
    let r = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
    let launch = r.clock.as_ref().unwrap().launch.as_ref().unwrap();
    assert_eq!(launch.utc, "2018-08-28T20:28:00Z");
    let by_clock = r.checks.iter().find(|c| c.figure == "flight time (clock times)").unwrap();
    assert_eq!(by_clock.stated, "44 min from the launch and impact clock times");
    assert_eq!(by_clock.verdict, groundtrack::report::Verdict::Inconsistent);
}

/// The lines a python3 script prints for the given standard input.
fn python_lines(script: &str, input: &str) -> Vec<String> {
    use std::io::Write;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).lines().map(String::from).collect()
}
