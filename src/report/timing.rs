//! Clock times in reports, as instants: RFC 3339; a date, clock time and zone as worded ("2017-08-29 05:58 JST",
//! "2022-04-20 3:12 p.m. Moscow time", "2020-08-04 12:21 a.m. local"); a clock time without date ("06:06 JST")
//! dated by the nearest instant to a reference time; spans of clock times ("06:05 to 06:07").
//!
//! Zones resolve through the tz database bundled in the library ([`super::tz_database`]), at the date of the
//! time: "2017-08-29 05:28 Pyongyang time" is UTC+8:30 (2017-08-28T20:58:00Z) and "2018-05-05 05:28 Pyongyang time"
//! UTC+9 (tz database file `asia`, zone Asia/Pyongyang: 8:30 from 2015-08-15 00:00 until 2018-05-04 23:30).
//! A local clock time that a daylight-saving change skipped (a gap) or repeated (a fold) is an error, never a
//! guess: the message names both offsets and asks for one.

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::AmbiguousOffset;

use super::clock_text::{
    WrittenTime, WrittenZone, ZONE_EXPECTED, parse_written_time, parse_written_window, zone_words,
};
use super::time_zone::{Clock, ClockSource, offset_text};
use crate::parse::ParseError;

/// An instant with the UTC offset it was written in, so that local clock times can be read beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportInstant {
    /// The instant.
    pub timestamp: Timestamp,
    /// The offset from UTC of the clock the report used, seconds (east positive).
    pub offset_s: i64,
}

/// A time of the report read into an instant, with the clock it was read in.
///
/// # Example
/// ```
/// use groundtrack::report::{TimeContext, parse_time};
/// let t = parse_time("2022-04-20 3:12 p.m. Moscow time", &TimeContext::default()).unwrap();
/// assert_eq!((t.clock.name.as_str(), t.offset_s), ("Europe/Moscow", 3 * 3600));
/// assert_eq!(t.timestamp.to_string(), "2022-04-20T12:12:00Z");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatedTime {
    /// As worded.
    pub text: String,
    /// The instant.
    pub timestamp: Timestamp,
    /// The clock the text was read in.
    pub clock: Clock,
    /// That clock's offset from UTC at the instant, seconds east.
    pub offset_s: i32,
    /// Half the last unit written, milliseconds (30,000 for a time to the minute).
    pub half_unit_ms: i64,
}

impl StatedTime {
    /// The instant and offset, as the rest of the check uses them.
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::{TimeContext, parse_time};
    /// let t = parse_time("2017-08-29 05:58 JST", &TimeContext::default()).unwrap();
    /// assert_eq!(t.instant().offset_s, 9 * 3600);
    /// ```
    pub fn instant(&self) -> ReportInstant {
        ReportInstant { timestamp: self.timestamp, offset_s: self.offset_s as i64 }
    }
}

/// What a time needs from the rest of the report to be read.
///
/// # Example
/// ```
/// use groundtrack::report::{Clock, ClockSource, TimeContext, parse_time};
/// let la = Clock::iana("America/Los_Angeles", ClockSource::Gazetteer).unwrap();
/// let ctx = TimeContext { place_zone: Some(&la), place_name: Some("Vandenberg SFB"), ..TimeContext::default() };
/// let t = parse_time("2020-08-04 12:21 a.m. local", &ctx).unwrap();
/// assert_eq!(t.timestamp.to_string(), "2020-08-04T07:21:00Z"); // PDT, UTC-7
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct TimeContext<'a> {
    /// The report's `time_zone`: "local" means it, and a time without zone is read in it.
    pub report_zone: Option<&'a Clock>,
    /// The place the time belongs to (the launch point for `launch_time`), for messages.
    pub place_name: Option<&'a str>,
    /// That place's zone in the gazetteer: "local" means it when the report has no `time_zone`.
    pub place_zone: Option<&'a Clock>,
    /// A time of the same report (the launch time): a clock time without date takes the date that puts it
    /// nearest to this instant, and a clock time without zone takes this time's zone.
    pub reference: Option<&'a StatedTime>,
    /// The report key of the reference, for messages ("launch_time").
    pub reference_key: &'a str,
    /// A clock time without date comes after the reference (an impact after its launch): it takes the first date
    /// that puts it after the reference, not the nearest.
    pub after_reference: bool,
}

/// The clock a written time is read in.
fn clock_for(w: &WrittenTime, text: &str, ctx: &TimeContext) -> Result<Clock, ParseError> {
    match &w.zone {
        WrittenZone::Offset { seconds, name } => Clock::fixed(name, *seconds, ClockSource::Stated)
            .ok_or_else(|| ParseError::at(text, w.zone_at, "offset out of range", ZONE_EXPECTED)),
        WrittenZone::Iana { name } => Clock::iana(name, ClockSource::Stated)
            .ok_or_else(|| ParseError::at(text, w.zone_at, format!("unknown zone \"{name}\""), ZONE_EXPECTED)),
        WrittenZone::Local => ctx.report_zone.or(ctx.place_zone).cloned().ok_or_else(|| {
            let place = match ctx.place_name {
                Some(p) => format!("the gazetteer has no time zone for \"{p}\""),
                None => "no place gives a zone".to_string(),
            };
            ParseError::at(
                text,
                w.zone_at,
                format!("\"local\" names no zone here: {place} and the report has no `time_zone`"),
                "a report key time_zone = \"Asia/Tokyo\" (an IANA zone, abbreviation or offset), or a zone in the \
                 time itself (\"JST\", \"UTC+9\")",
            )
        }),
        WrittenZone::Unstated => ctx
            .report_zone
            .cloned()
            .or_else(|| ctx.reference.map(|r| r.clock.clone()))
            .ok_or_else(|| {
                ParseError::at(
                    text,
                    w.zone_at,
                    "no time zone after the clock time",
                    format!("{ZONE_EXPECTED}; or a report key time_zone"),
                )
            }),
    }
}

/// The instant of a local date and time on a clock; an error for a time the clock skipped or repeated.
fn local_instant(
    date: Date,
    time: Time,
    clock: &Clock,
    text: &str,
    at: usize,
) -> Result<Timestamp, ParseError> {
    let dt = date.to_datetime(time);
    let shown = format!("{} {}", date, time.strftime("%H:%M"));
    match clock.tz.to_ambiguous_timestamp(dt).offset() {
        AmbiguousOffset::Unambiguous { offset } => offset.to_timestamp(dt).map_err(|e| {
            ParseError::at(text, at, format!("{shown} is out of range ({e})"), "a date from 1 to 9999")
        }),
        AmbiguousOffset::Gap { before, after } => Err(ParseError::at(
            text,
            at,
            format!(
                "{shown} did not exist in {}: the clocks went from UTC{} to UTC{} and skipped it",
                clock.name,
                offset_text(before.seconds()),
                offset_text(after.seconds())
            ),
            format!(
                "a clock time that exists, or an offset that says which clock was meant (\"UTC{}\" or \"UTC{}\")",
                offset_text(before.seconds()),
                offset_text(after.seconds())
            ),
        )),
        AmbiguousOffset::Fold { before, after } => Err(ParseError::at(
            text,
            at,
            format!(
                "{shown} happened twice in {}, first at UTC{} and again at UTC{}",
                clock.name,
                offset_text(before.seconds()),
                offset_text(after.seconds())
            ),
            format!(
                "an offset or abbreviation that says which (\"UTC{}\" or \"UTC{}\")",
                offset_text(before.seconds()),
                offset_text(after.seconds())
            ),
        )),
    }
}

/// The instant of a clock time on the day (of three: the reference's local date, the day before, the day after)
/// that puts it nearest to the reference instant, so within about 12 hours of it.
fn nearest(
    reference: Timestamp,
    after: bool,
    time: Time,
    clock: &Clock,
    text: &str,
    at: usize,
) -> Result<Timestamp, ParseError> {
    let ref_date = clock.tz.to_datetime(reference).date();
    let ref_offset = clock.offset_at(reference) as i64;
    let mut best: Option<(i64, Date)> = None;
    for d in [ref_date.yesterday().ok(), Some(ref_date), ref_date.tomorrow().ok()].into_iter().flatten() {
        // Rank by the reference's offset; the exact instant is computed for the winner.
        let local_ms = jiff::tz::Offset::UTC
            .to_timestamp(d.to_datetime(time))
            .map_or(i64::MAX / 4, |t| t.as_millisecond());
        let signed = local_ms - ref_offset * 1000 - reference.as_millisecond();
        // After the reference when asked: a date before it (or at it) ranks after every date past it.
        let distance = if after && signed <= 0 { i64::MAX / 2 + signed.abs() } else { signed.abs() };
        if best.is_none_or(|(b, _)| distance < b) {
            best = Some((distance, d));
        }
    }
    let (_, d) = best.ok_or_else(|| ParseError::at(text, at, "no date near the reference", "a date"))?;
    local_instant(d, time, clock, text, at)
}

fn resolve(w: &WrittenTime, text: &str, ctx: &TimeContext) -> Result<StatedTime, ParseError> {
    if w.date.is_none() && ctx.reference.is_none() {
        let key = if ctx.reference_key.is_empty() { "`launch_time`" } else { ctx.reference_key };
        return Err(ParseError::at(
            text,
            w.time_at,
            format!("a clock time without date, and no {key} to take the date from"),
            "a date in front (\"2017-08-29 06:06 JST\") or a `launch_time` or `impact_time` in the report",
        ));
    }
    let clock = clock_for(w, text, ctx)?;
    let timestamp = match (w.date, ctx.reference) {
        (Some(d), _) => local_instant(d, w.time, &clock, text, w.time_at)?,
        (None, Some(r)) => nearest(r.timestamp, ctx.after_reference, w.time, &clock, text, w.time_at)?,
        (None, None) => return Err(ParseError::at(text, w.time_at, "no date", "a date")),
    };
    Ok(StatedTime {
        text: text.to_string(),
        timestamp,
        offset_s: clock.offset_at(timestamp),
        clock,
        half_unit_ms: w.half_unit_ms,
    })
}

/// Reads a time of a report into an instant: RFC 3339, or a date, clock time and zone as worded, or a clock time
/// with zone and no date ("06:12 JST", dated by the nearest instant to `ctx.reference`, so within 12 hours of
/// it). "local" is the report's `time_zone`, else the place's gazetteer zone; a time without zone is read in
/// the report's `time_zone`, else in the reference's clock.
///
/// Output: the instant, the clock it was read in and that clock's offset at the instant.
///
/// # Errors
/// [`ParseError`] naming the text, the column and what is accepted: anything [`super::parse_written_time`]
/// refuses; "local" where no zone is known; no zone at all; no date and no reference; a local time skipped by a
/// daylight-saving change (gap) or repeated by one (fold), with both offsets.
///
/// # Example
/// ```
/// use groundtrack::report::{TimeContext, parse_time};
/// // North Korea's clock was UTC+8:30 from 2015-08-15 to 2018-05-04 (tz database, zone Asia/Pyongyang).
/// let t = parse_time("2017-08-29 05:28 Pyongyang time", &TimeContext::default()).unwrap();
/// assert_eq!(t.timestamp.to_string(), "2017-08-28T20:58:00Z");
/// let t = parse_time("2018-05-05 05:28 Pyongyang time", &TimeContext::default()).unwrap();
/// assert_eq!(t.offset_s, 9 * 3600);
/// ```
pub fn parse_time(text: &str, ctx: &TimeContext) -> Result<StatedTime, ParseError> {
    let w = parse_written_time(text)?;
    resolve(&w, text, ctx)
}

/// Parses a time with its own date and zone, needing nothing else of the report: RFC 3339
/// ("2017-08-29T05:58:00+09:00"), or a date, clock time and zone ("2017-08-29 05:58 JST", "Aug. 29, 2017 0558
/// UTC", "2017-08-29 5:28 a.m. Asia/Pyongyang").
///
/// # Errors
/// As [`parse_time`]; "local", a missing zone and a missing date are errors here.
///
/// # Example
/// ```
/// use groundtrack::report::parse_instant;
/// let t = parse_instant("2017-08-29T05:58:00+09:00").unwrap();
/// assert_eq!(t.offset_s, 9 * 3600);
/// assert_eq!(t.timestamp.to_string(), "2017-08-28T20:58:00Z");
/// assert_eq!(parse_instant("2017-08-29 05:58 JST").unwrap(), t);
/// ```
pub fn parse_instant(text: &str) -> Result<ReportInstant, ParseError> {
    parse_time(text, &TimeContext::default()).map(|t| t.instant())
}

/// Reads the report's `time_zone`: an IANA zone ("Asia/Tokyo"), an abbreviation or named clock of the table
/// ("JST", "Moscow time") or an offset ("UTC+9").
///
/// # Errors
/// [`ParseError`] for an empty, unknown or ambiguous zone, and for "local" (which would refer to itself).
///
/// # Example
/// ```
/// use groundtrack::report::parse_zone;
/// assert_eq!(parse_zone("asia/tokyo").unwrap().name, "Asia/Tokyo");
/// assert_eq!(parse_zone("UTC+9").unwrap().name, "UTC+09:00");
/// assert!(parse_zone("local").is_err());
/// ```
pub fn parse_zone(text: &str) -> Result<Clock, ParseError> {
    let at = text.chars().count() - text.trim_start().chars().count();
    let expected = "an IANA zone (\"Asia/Tokyo\"), an abbreviation (\"JST\"), a named clock (\"Moscow time\") or \
                    an offset (\"UTC+9\")";
    match zone_words(text)? {
        WrittenZone::Offset { seconds, name } => Clock::fixed(&name, seconds, ClockSource::ReportZone)
            .ok_or_else(|| ParseError::at(text, at, "offset out of range", expected)),
        WrittenZone::Iana { name } => Clock::iana(&name, ClockSource::ReportZone)
            .ok_or_else(|| ParseError::at(text, at, format!("unknown zone \"{name}\""), expected)),
        WrittenZone::Local => {
            Err(ParseError::at(text, at, "\"local\" cannot be the report's own zone", expected))
        }
        WrittenZone::Unstated => Err(ParseError::at(text, at, "empty time zone", expected)),
    }
}

/// A stated clock time or span of clock times, as an interval of instants (seconds since the Unix epoch).
///
/// # Example
/// ```
/// use groundtrack::report::{TimeContext, parse_window};
/// let w = parse_window("2017-08-29 06:06 JST", &TimeContext::default()).unwrap();
/// assert_eq!(w.high_s - w.low_s, 60.0); // a minute: ±30 s
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ClockWindow {
    /// As worded.
    pub text: String,
    /// Earliest instant the wording allows, Unix seconds.
    pub low_s: f64,
    /// Latest instant the wording allows, Unix seconds.
    pub high_s: f64,
}

/// Reads a clock time or span as a report words it ("06:06", "about 06:06", "06:05 to 06:07", "06:05-06:07 JST",
/// "2017-08-29 06:06 local", RFC 3339), widened by the rounding of the last unit written (±30 s for a minute,
/// ±0.5 s for a second). Times are read as by [`parse_time`] in `ctx`; a zone or date written at one end of a
/// span holds for both.
///
/// # Errors
/// As [`parse_time`], and a span that ends before it starts.
///
/// # Example
/// ```
/// use groundtrack::report::{TimeContext, parse_time, parse_window};
/// let launch = parse_time("2017-08-29 05:58 JST", &TimeContext::default()).unwrap();
/// let ctx = TimeContext { reference: Some(&launch), ..TimeContext::default() };
/// let w = parse_window("06:05 to 06:07", &ctx).unwrap();
/// let t0 = launch.timestamp.as_second() as f64;
/// assert_eq!((w.low_s - t0, w.high_s - t0), (6.5 * 60.0, 9.5 * 60.0));
/// ```
pub fn parse_window(text: &str, ctx: &TimeContext) -> Result<ClockWindow, ParseError> {
    let (a, b) = parse_written_window(text)?;
    let first = resolve(&a, text, ctx)?;
    let last = resolve(&b, text, ctx)?;
    let low_s = (first.timestamp.as_millisecond() - first.half_unit_ms) as f64 / 1000.0;
    let high_s = (last.timestamp.as_millisecond() + last.half_unit_ms) as f64 / 1000.0;
    if last.timestamp < first.timestamp {
        return Err(ParseError::at(
            text,
            b.time_at,
            format!("the span ends ({}) before it starts ({})", last.timestamp, first.timestamp),
            "a later time at the end of the span",
        ));
    }
    Ok(ClockWindow { text: text.to_string(), low_s, high_s })
}

/// Reads a clock time or span in the fixed offset of `reference` ("06:06" near the reference instant, "06:05 to
/// 06:07", or anything [`parse_window`] reads with a zone of its own). A clock time is dated by the nearest
/// instant to the reference.
///
/// # Errors
/// As [`parse_window`].
///
/// # Example
/// ```
/// use groundtrack::report::{parse_clock_window, parse_instant};
/// let launch = parse_instant("2017-08-29T05:58:00+09:00").unwrap();
/// let w = parse_clock_window("06:05 to 06:07", &launch).unwrap();
/// let launch_s = launch.timestamp.as_second() as f64;
/// assert_eq!((w.low_s - launch_s, w.high_s - launch_s), (6.5 * 60.0, 9.5 * 60.0));
/// ```
pub fn parse_clock_window(text: &str, reference: &ReportInstant) -> Result<ClockWindow, ParseError> {
    let offset = i32::try_from(reference.offset_s).unwrap_or(0);
    let clock = Clock::fixed(&format!("UTC{}", offset_text(offset)), offset, ClockSource::Stated)
        .or_else(|| Clock::fixed("UTC", 0, ClockSource::Stated));
    let Some(clock) = clock else {
        return Err(ParseError::at(text, 0, "no clock for the reference", "a reference time"));
    };
    let stated = StatedTime {
        text: String::new(),
        timestamp: reference.timestamp,
        offset_s: offset,
        clock,
        half_unit_ms: 0,
    };
    parse_window(text, &TimeContext { reference: Some(&stated), ..TimeContext::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str, ctx: &TimeContext) -> String {
        parse_time(text, ctx).unwrap_or_else(|e| panic!("{text}: {e}")).timestamp.to_string()
    }

    /// North Korea's clock, from the tz database's `asia` file:
    ///   Zone Asia/Pyongyang ... 9:00 - KST 2015 Aug 15 00:00
    ///                            8:30 - KST 2018 May  4 23:30
    ///                            9:00 - KST
    /// so 2015-08-15 00:00 (UTC+9) = 2015-08-14T15:00Z starts UTC+8:30 (the clocks go back to 23:30), and
    /// 2018-05-04 23:30 (UTC+8:30) = 2018-05-04T15:00Z ends it (the clocks go forward to 00:00 on the 5th).
    #[test]
    fn pyongyang_time_follows_the_tz_database() {
        let c = TimeContext::default();
        assert_eq!(utc("2017-08-29 05:28 Pyongyang time", &c), "2017-08-28T20:58:00Z");
        assert_eq!(utc("2018-05-05 05:28 Pyongyang time", &c), "2018-05-04T20:28:00Z");
        assert_eq!(utc("2015-08-14 23:29 Asia/Pyongyang", &c), "2015-08-14T14:29:00Z");
        assert_eq!(utc("2015-08-15 00:00 Asia/Pyongyang", &c), "2015-08-14T15:30:00Z");
        assert_eq!(utc("2018-05-04 23:29 Asia/Pyongyang", &c), "2018-05-04T14:59:00Z");
        // 23:30 to 23:59 on 2018-05-04 were skipped: the clocks went from 23:30 (UTC+8:30) to 00:00 (UTC+9).
        let e = parse_time("2018-05-04 23:45 Asia/Pyongyang", &c).unwrap_err();
        assert!(e.to_string().contains("did not exist in Asia/Pyongyang"), "{e}");
        assert!(e.to_string().contains("UTC+08:30") && e.to_string().contains("UTC+09:00"), "{e}");
        // At 2015-08-15 00:00 (UTC+9) the clocks went back to 2015-08-14 23:30 (UTC+8:30): 23:30 to 23:59 on the
        // 14th happened twice.
        let e = parse_time("2015-08-14 23:45 Asia/Pyongyang", &c).unwrap_err();
        assert!(e.to_string().contains("happened twice"), "{e}");
    }

    #[test]
    fn local_and_unstated_zones() {
        let sunan = Clock::iana("Asia/Pyongyang", ClockSource::Gazetteer).unwrap();
        let tokyo = Clock::iana("Asia/Tokyo", ClockSource::ReportZone).unwrap();
        let at_sunan =
            TimeContext { place_zone: Some(&sunan), place_name: Some("Sunan"), ..Default::default() };
        assert_eq!(utc("2017-08-29 5:28 a.m. local", &at_sunan), "2017-08-28T20:58:00Z");
        let with_report_zone = TimeContext { report_zone: Some(&tokyo), ..at_sunan };
        assert_eq!(utc("2017-08-29 5:58 a.m. local", &with_report_zone), "2017-08-28T20:58:00Z");
        assert_eq!(utc("2017-08-29 5:58 a.m.", &with_report_zone), "2017-08-28T20:58:00Z");
        let e = parse_time("2017-08-29 5:58 a.m. local", &TimeContext::default()).unwrap_err();
        assert!(e.to_string().contains("time_zone"), "{e}");
        let e = parse_time("2017-08-29 5:58", &TimeContext::default()).unwrap_err();
        assert_eq!(e.column, 16, "{e}");
        assert!(e.to_string().contains("no time zone"), "{e}");
    }

    #[test]
    fn clock_times_without_date_take_the_nearest_day() {
        let launch = parse_time("2017-08-29 23:50 JST", &TimeContext::default()).unwrap();
        let ctx = TimeContext { reference: Some(&launch), ..Default::default() };
        assert_eq!(utc("00:20 JST", &ctx), "2017-08-29T15:20:00Z"); // the next day, 30 min later
        assert_eq!(utc("23:55", &ctx), "2017-08-29T14:55:00Z"); // the reference's clock
        assert_eq!(utc("14:50 UTC", &ctx), "2017-08-29T14:50:00Z");
        let e = parse_time("06:06 JST", &TimeContext::default()).unwrap_err();
        assert!(e.to_string().contains("without date"), "{e}");
    }

    #[test]
    fn spans() {
        let launch = parse_time("2017-08-29 05:58 JST", &TimeContext::default()).unwrap();
        let ctx = TimeContext { reference: Some(&launch), ..Default::default() };
        let t0 = launch.timestamp.as_second() as f64;
        let w = parse_window("06:05:30 to 06:06:30 JST", &ctx).unwrap();
        assert_eq!((w.low_s - t0, w.high_s - t0), (449.5, 510.5));
        let e = parse_window("06:07 to 06:05", &ctx).unwrap_err();
        assert!(e.to_string().contains("ends"), "{e}");
        assert_eq!(e.column, 10);
    }
}
