//! Clock times in reports: RFC 3339 instants and local clock times ("06:06", "06:05 to 06:07") read in the zone
//! of the report's launch or impact time.

use jiff::Timestamp;

/// An instant with the UTC offset it was written in, so that local clock times can be read beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportInstant {
    /// The instant.
    pub timestamp: Timestamp,
    /// The offset from UTC of the clock the report used, seconds (east positive).
    pub offset_s: i64,
}

/// Parses an RFC 3339 time with an explicit offset ("2017-08-29T05:58:00+09:00", or "...Z" for UTC).
///
/// # Errors
/// A message naming what is wrong and what is accepted.
///
/// # Example
/// ```
/// use groundtrack::report::parse_instant;
/// let t = parse_instant("2017-08-29T05:58:00+09:00").unwrap();
/// assert_eq!(t.offset_s, 9 * 3600);
/// assert_eq!(t.timestamp.to_string(), "2017-08-28T20:58:00Z");
/// ```
pub fn parse_instant(text: &str) -> Result<ReportInstant, String> {
    let t = text.trim();
    let expected = "expected an RFC 3339 time with offset, e.g. \"2017-08-29T05:58:00+09:00\"";
    let timestamp: Timestamp = t.parse().map_err(|e| format!("not a time ({e}); {expected}"))?;
    let offset_s = if t.ends_with('Z') || t.ends_with('z') {
        0
    } else {
        let tail = t.get(t.len().saturating_sub(6)..).unwrap_or("");
        let sign = match tail.as_bytes().first() {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => return Err(format!("no UTC offset at the end; {expected}")),
        };
        let hours: i64 =
            tail.get(1..3).and_then(|h| h.parse().ok()).ok_or(format!("bad offset; {expected}"))?;
        let minutes: i64 =
            tail.get(4..6).and_then(|m| m.parse().ok()).ok_or(format!("bad offset; {expected}"))?;
        sign * (hours * 3600 + minutes * 60)
    };
    Ok(ReportInstant { timestamp, offset_s })
}

/// A stated clock time or span of clock times, as an interval of instants (seconds since the Unix epoch).
#[derive(Debug, Clone, PartialEq)]
pub struct ClockWindow {
    /// As worded.
    pub text: String,
    /// Earliest instant the wording allows, Unix seconds.
    pub low_s: f64,
    /// Latest instant the wording allows, Unix seconds.
    pub high_s: f64,
}

/// Reads a clock time as a report words it, in the zone of `reference`: "06:06" (a minute: ±30 s),
/// "06:06:30" (±0.5 s), "about 06:06", "06:05 to 06:07", "06:05-06:07", or an RFC 3339 time. A clock time
/// earlier than the reference by more than 12 hours is taken on the next day.
///
/// # Errors
/// A message naming what is wrong and what is accepted.
///
/// # Example
/// ```
/// use groundtrack::report::{parse_clock_window, parse_instant};
/// let launch = parse_instant("2017-08-29T05:58:00+09:00").unwrap();
/// let w = parse_clock_window("06:05 to 06:07", &launch).unwrap();
/// let launch_s = launch.timestamp.as_second() as f64;
/// assert_eq!((w.low_s - launch_s, w.high_s - launch_s), (6.5 * 60.0, 9.5 * 60.0));
/// ```
pub fn parse_clock_window(text: &str, reference: &ReportInstant) -> Result<ClockWindow, String> {
    let mut t = text.trim();
    for q in ["about ", "around ", "approx. ", "approximately ", "at ", "from "] {
        if let Some(rest) = t.strip_prefix(q) {
            t = rest.trim_start();
        }
    }
    if let Ok(instant) = parse_instant(t) {
        let s = instant.timestamp.as_second() as f64;
        return Ok(ClockWindow { text: text.to_string(), low_s: s - 0.5, high_s: s + 0.5 });
    }
    let parts: Vec<&str> = t.split(" to ").flat_map(|p| p.split(['-', '\u{2013}'])).collect();
    let (first, last) = match parts.as_slice() {
        [one] => (*one, *one),
        [a, b] => (*a, *b),
        _ => {
            return Err(format!(
                "cannot read \"{text}\" as a clock time; expected \"06:06\" or \"06:05 to 06:07\""
            ));
        }
    };
    let (lo, lo_half) = clock_seconds(first.trim(), text, reference)?;
    let (hi, half) = clock_seconds(last.trim(), text, reference)?;
    if hi < lo {
        return Err(format!("\"{text}\": the span ends before it starts"));
    }
    Ok(ClockWindow { text: text.to_string(), low_s: lo - lo_half, high_s: hi + half })
}

/// The instant of a local clock time "HH:MM[:SS]" near `reference`, and half its last unit (rounding band).
fn clock_seconds(part: &str, whole: &str, reference: &ReportInstant) -> Result<(f64, f64), String> {
    let err = || format!("cannot read \"{part}\" in \"{whole}\" as a clock time; expected HH:MM or HH:MM:SS");
    let fields: Vec<&str> = part.split(':').collect();
    if !(2..=3).contains(&fields.len())
        || fields.iter().any(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(err());
    }
    let nums: Vec<i64> =
        fields.iter().map(|f| f.parse::<i64>().map_err(|_| err())).collect::<Result<_, _>>()?;
    let (h, m, s) = (nums[0], nums[1], nums.get(2).copied().unwrap_or(0));
    if h > 23 || m > 59 || s > 59 {
        return Err(err());
    }
    let half = if fields.len() == 3 { 0.5 } else { 30.0 };
    let local_ref = reference.timestamp.as_second() + reference.offset_s;
    let day_start = local_ref.div_euclid(86_400) * 86_400;
    let mut local = day_start + h * 3600 + m * 60 + s;
    if local < local_ref - 12 * 3600 {
        local += 86_400;
    } else if local > local_ref + 12 * 3600 {
        local -= 86_400;
    }
    Ok(((local - reference.offset_s) as f64, half))
}
