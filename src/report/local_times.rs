//! The clock at each end of the track: the launch and impact instants in UTC and in the local time of each end,
//! the local dates, and the notes on the date line where it matters (the `clock` object of `check --json`).

use geo_types::Point;
use jiff::Timestamp;
use serde::Serialize;

use super::time_zone::{Clock, ClockSource, across_the_date_line, offset_text};
use super::timing::StatedTime;
use crate::geodesy::normalize_longitude;

/// One end of the track in time (`clock.launch`, `clock.impact` in `check --json`).
///
/// # Example
/// ```
/// use groundtrack::places::Gazetteer;
/// use groundtrack::report::{CheckOptions, ReportFile, check_report};
/// let file = ReportFile::load("data/scenarios/2022-04-20-sarmat.toml".as_ref()).unwrap();
/// let r = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
/// let launch = r.clock.unwrap().launch.unwrap();
/// assert_eq!((launch.local.as_str(), launch.utc_offset.as_str()), ("2022-04-20 15:12:00", "+03:00"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EndClock {
    /// The place: its gazetteer name, coordinates, or "best estimate" for an impact given as a phrase.
    pub place: String,
    /// Longitude of the end, degrees (the zone's hemisphere is judged against it).
    pub lon: f64,
    /// The instant in UTC, RFC 3339 ("2017-08-28T20:58:00Z").
    pub utc: String,
    /// The local date and time at this end, "2017-08-29 05:28:00".
    pub local: String,
    /// The local date at this end, "2017-08-29".
    pub local_date: String,
    /// The zone of this end: its IANA name ("Asia/Pyongyang"), or "nautical zone +10 (Etc/GMT-10)" at sea or for
    /// a point the gazetteer has no zone for.
    pub zone: String,
    /// Where that zone comes from: "gazetteer" or "nautical".
    pub zone_source: ClockSource,
    /// The tz database's abbreviation at the instant ("KST", "PDT", "+12"); empty for none.
    pub abbreviation: String,
    /// The zone's offset from UTC at the instant, "+08:30".
    pub utc_offset: String,
    /// The same in seconds, east positive.
    pub utc_offset_s: i32,
    /// The time as the report words it; None when estimated.
    pub stated: Option<String>,
    /// The clock the stated time was read in, with its offset: "JST (UTC+09:00)".
    pub stated_clock: Option<String>,
    /// How the impact time was estimated when the report gives none ("launch + 29.4 min of free flight (boost not
    /// modelled)"); None for a stated time.
    pub estimated: Option<String>,
    /// Whether this end's zone keeps the date of the other side of the date line: its offset is more than 12 hours
    /// from the mean solar time of its longitude (Kiribati's Line Islands, Samoa, the western Aleutians).
    pub across_the_date_line: bool,
}

/// The times at both ends (`clock` in `check --json`; absent when the report gives no launch or impact time).
///
/// # Example
/// ```
/// use groundtrack::places::Gazetteer;
/// use groundtrack::report::{CheckOptions, ReportFile, check_report};
/// let file = ReportFile::load("data/scenarios/2024-09-25-china-icbm.toml".as_ref()).unwrap();
/// let r = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
/// let c = r.clock.unwrap();
/// // 08:44 Beijing time on the 25th is 14:44 on the 24th in the Marquesas (UTC-9:30).
/// assert_eq!(c.launch.unwrap().local_date, "2024-09-25");
/// assert_eq!(c.impact.unwrap().local_date, "2024-09-24");
/// assert!(c.crosses_antimeridian && c.local_dates_differ);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClockSummary {
    /// The launch end, when a launch time is stated.
    pub launch: Option<EndClock>,
    /// The impact end: from `impact_time`, else estimated from the launch time and the arc's flight time.
    pub impact: Option<EndClock>,
    /// Whether the local dates at the two ends differ.
    pub local_dates_differ: bool,
    /// Whether the launch-to-impact geodesic crosses the 180th meridian.
    pub crosses_antimeridian: bool,
    /// Where the date line is not the antimeridian and it matters: the track crosses 180 degrees, or an end keeps
    /// the date of the other side. Empty otherwise.
    pub date_line_notes: Vec<String>,
}

/// What [`clock_summary`] needs to know of one end.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::report::ClockEnd;
/// let at_sea = ClockEnd { name: "best estimate", point: Point::new(157.3, 41.0), zone: None, time: None };
/// assert!(at_sea.zone.is_none()); // the nautical zone of 157.3 E (+10) will be used
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ClockEnd<'a> {
    /// The place's name as printed.
    pub name: &'a str,
    /// The end point (x = longitude, y = latitude, degrees).
    pub point: Point<f64>,
    /// The place's gazetteer zone; None: the nautical zone of the longitude.
    pub zone: Option<&'a Clock>,
    /// The stated time at this end.
    pub time: Option<&'a StatedTime>,
}

/// Whether the geodesic from `a` to `b` crosses the 180th meridian. Longitude changes monotonically along a
/// geodesic (Karney 2013, J. Geodesy 87:43-55, eq. 6: dλ/ds has the sign of sin α0), by the short way round
/// (|λ12| <= 180 degrees for the shortest line), so it crosses iff lon(a) + λ12 leaves [-180, 180). A geodesic
/// through a pole (λ12 = ±180) is taken not to cross.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::report::crosses_antimeridian;
/// // Vandenberg to Kwajalein.
/// assert!(crosses_antimeridian(Point::new(-120.52, 34.75), Point::new(167.73, 8.72)));
/// // Sunan to Cape Erimo.
/// assert!(!crosses_antimeridian(Point::new(125.67, 39.22), Point::new(143.25, 41.92)));
/// ```
pub fn crosses_antimeridian(a: Point<f64>, b: Point<f64>) -> bool {
    let lon1 = normalize_longitude(a.x());
    let d = normalize_longitude(b.x() - a.x());
    if d.abs() >= 180.0 {
        return false;
    }
    let end = lon1 + d;
    !(-180.0..180.0).contains(&end)
}

fn lon_text(lon: f64) -> String {
    let lon = normalize_longitude(lon);
    format!("{:.1} {}", lon.abs(), if lon < 0.0 { 'W' } else { 'E' })
}

fn end_clock(end: ClockEnd, t: Timestamp, estimated: Option<String>) -> EndClock {
    let zone = end.zone.cloned().unwrap_or_else(|| Clock::nautical(end.point.x()));
    let local = zone.tz.to_datetime(t);
    let offset = zone.offset_at(t);
    EndClock {
        place: end.name.to_string(),
        lon: end.point.x(),
        utc: t.to_string(),
        local: local.strftime("%Y-%m-%d %H:%M:%S").to_string(),
        local_date: local.date().to_string(),
        zone: zone.name.clone(),
        zone_source: zone.source,
        abbreviation: zone.abbreviation_at(t),
        utc_offset: offset_text(offset),
        utc_offset_s: offset,
        stated: end.time.map(|s| s.text.clone()),
        stated_clock: end.time.map(|s| format!("{} (UTC{})", s.clock.name, offset_text(s.offset_s))),
        estimated,
        across_the_date_line: across_the_date_line(end.point.x(), offset),
    }
}

/// The times of both ends: each instant in UTC and in the zone of its end (the gazetteer's zone of the place,
/// else the nautical zone of its longitude), the local dates, and notes where the date line is not the
/// antimeridian and it matters: when the track crosses the 180th meridian (the date then changes by the zones of
/// the two ends, not at the meridian) and for an end whose zone keeps the date of the other side of the date line
/// ([`super::across_the_date_line`]).
///
/// Inputs: the two ends; an estimated impact instant with how it was estimated, used when the impact end has no
/// stated time. Output: None when neither end has a time.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::report::{Clock, ClockEnd, ClockSource, TimeContext, clock_summary, parse_time};
/// let la = Clock::iana("America/Los_Angeles", ClockSource::Gazetteer).unwrap();
/// let kwaj = Clock::iana("Pacific/Kwajalein", ClockSource::Gazetteer).unwrap();
/// let t = parse_time("2011-06-22 6:35 a.m. PDT", &TimeContext::default()).unwrap();
/// let launch = ClockEnd { name: "Vandenberg SFB", point: Point::new(-120.52, 34.75), zone: Some(&la), time: Some(&t) };
/// let impact = ClockEnd { name: "Kwajalein Atoll", point: Point::new(167.73, 8.72), zone: Some(&kwaj), time: None };
/// let s = clock_summary(launch, impact, Some((t.timestamp, "launch".into()))).unwrap();
/// assert_eq!(s.launch.unwrap().local_date, "2011-06-22");
/// assert_eq!(s.impact.unwrap().local_date, "2011-06-23");
/// assert!(s.crosses_antimeridian && s.local_dates_differ);
/// ```
pub fn clock_summary(
    launch: ClockEnd,
    impact: ClockEnd,
    estimated_impact: Option<(Timestamp, String)>,
) -> Option<ClockSummary> {
    let l = launch.time.map(|t| end_clock(launch, t.timestamp, None));
    let m = match (impact.time, estimated_impact) {
        (Some(t), _) => Some(end_clock(impact, t.timestamp, None)),
        (None, Some((t, how))) => Some(end_clock(impact, t, Some(how))),
        (None, None) => None,
    };
    if l.is_none() && m.is_none() {
        return None;
    }
    let crosses = crosses_antimeridian(launch.point, impact.point);
    let differ = matches!((&l, &m), (Some(a), Some(b)) if a.local_date != b.local_date);
    let mut notes = Vec::new();
    if crosses {
        let dates = match (&l, &m) {
            (Some(a), Some(b)) => format!(
                " (launch date {} in {}, UTC{}; impact date {} in {}, UTC{}{})",
                a.local_date,
                a.zone,
                a.utc_offset,
                b.local_date,
                b.zone,
                b.utc_offset,
                if differ { "" } else { ": the same date on both sides of the meridian" }
            ),
            _ => String::new(),
        };
        notes.push(format!(
            "The track crosses the 180th meridian, but the antimeridian is not the date line: the local date \
             changes by the time zones of the places, not at the meridian{dates}."
        ));
    }
    for (end, c) in [("launch", &l), ("impact", &m)] {
        if let Some(c) = c.as_ref().filter(|c| c.across_the_date_line) {
            let solar = (normalize_longitude(c.lon) / 15.0 * 3600.0).round() as i32;
            notes.push(format!(
                "The {end} end, {} at {}, keeps UTC{} ({}) although its mean solar time is UTC{}: it lies on the \
                 other side of the date line from its meridian, so the antimeridian is not the date line here.",
                c.place,
                lon_text(c.lon),
                c.utc_offset,
                c.zone,
                offset_text(solar)
            ));
        }
    }
    Some(ClockSummary {
        launch: l,
        impact: m,
        local_dates_differ: differ,
        crosses_antimeridian: crosses,
        date_line_notes: notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ClockSource, TimeContext, parse_time};

    fn clock(name: &str) -> Clock {
        Clock::iana(name, ClockSource::Gazetteer).unwrap()
    }

    #[test]
    fn antimeridian_crossings() {
        assert!(crosses_antimeridian(Point::new(179.0, 0.0), Point::new(-179.0, 0.0)));
        assert!(crosses_antimeridian(Point::new(-179.0, 0.0), Point::new(179.0, 0.0)));
        assert!(!crosses_antimeridian(Point::new(-179.0, 0.0), Point::new(-170.0, 0.0)));
        assert!(!crosses_antimeridian(Point::new(10.0, 0.0), Point::new(-10.0, 0.0)));
        // Hainan (109.5 E) to the Marquesas (139.4 W): eastwards across 180.
        assert!(crosses_antimeridian(Point::new(109.5, 19.0), Point::new(-139.39, -9.45)));
    }

    /// Kiritimati (Line Islands, 157.4 W) keeps UTC+14 (tz database, australasia: Pacific/Kiritimati, +14 since
    /// 1994-12-31): a launch from Honolulu (UTC-10) to there crosses no meridian of 180 degrees, yet the dates
    /// differ by a day.
    #[test]
    fn an_end_across_the_date_line_gets_its_note() {
        let hnl = clock("Pacific/Honolulu");
        let kiri = clock("Pacific/Kiritimati");
        let t = parse_time("2020-08-04 10:00 HST", &TimeContext::default()).unwrap();
        let s = clock_summary(
            ClockEnd {
                name: "Honolulu",
                point: Point::new(-157.86, 21.31),
                zone: Some(&hnl),
                time: Some(&t),
            },
            ClockEnd {
                name: "Kiritimati",
                point: Point::new(-157.4, 1.87),
                zone: Some(&kiri),
                time: Some(&t),
            },
            None,
        )
        .unwrap();
        assert!(!s.crosses_antimeridian);
        assert!(s.local_dates_differ);
        let (a, b) = (s.launch.unwrap(), s.impact.unwrap());
        // 10:00 HST = 20:00 UTC = 10:00 the next day at UTC+14.
        assert_eq!((a.local.as_str(), b.local.as_str()), ("2020-08-04 10:00:00", "2020-08-05 10:00:00"));
        assert!(b.across_the_date_line && !a.across_the_date_line);
        assert_eq!(s.date_line_notes.len(), 1, "{:?}", s.date_line_notes);
        assert!(
            s.date_line_notes[0].contains("Kiritimati at 157.4 W, keeps UTC+14:00"),
            "{:?}",
            s.date_line_notes
        );
    }

    #[test]
    fn nautical_zone_at_sea() {
        let t = parse_time("2017-08-29 06:12 JST", &TimeContext::default()).unwrap();
        let s = clock_summary(
            ClockEnd { name: "Sunan", point: Point::new(125.67, 39.22), zone: None, time: None },
            ClockEnd { name: "best estimate", point: Point::new(157.3, 42.0), zone: None, time: Some(&t) },
            None,
        )
        .unwrap();
        let m = s.impact.unwrap();
        assert_eq!(m.zone, "nautical zone +10 (Etc/GMT-10)");
        assert_eq!(m.zone_source, ClockSource::Nautical);
        // 06:12 JST = 21:12 UTC = 07:12 at UTC+10.
        assert_eq!(m.local, "2017-08-29 07:12:00");
        assert!(s.launch.is_none() && s.date_line_notes.is_empty());
    }
}
