//! Reading a time as a report words it: an optional date ("2017-08-29", "29 August 2017", "Aug. 29, 2017"), a
//! clock time ("05:58", "5:58", "0558", "05:58:30", "7:30 p.m.", "7.30pm", "noon") and an optional zone ("JST",
//! "Pyongyang time", "UTC+9", "(+3 GMT)", "+09:00", "Z", "Asia/Pyongyang", "local"), or RFC 3339. Only the
//! wording is read here; [`super::timing`] turns it into an instant.

use jiff::civil::{Date, Time, Weekday};

use super::time_zone::{MAX_OFFSET_S, ZoneMeaning, ZoneTable, iana_zone, offset_text};
use crate::parse::ParseError;

/// What a whole time accepts, for messages.
pub(crate) const TIME_EXPECTED: &str = "a date, a clock time and a zone (\"2017-08-29 05:58 JST\", \"29 August \
     2017 5:58 a.m. local\", \"Aug. 29, 2017 0558 UTC\") or RFC 3339 (\"2017-08-29T05:58:00+09:00\")";

/// What a zone accepts, for messages.
pub(crate) const ZONE_EXPECTED: &str = "a zone: an abbreviation (\"JST\"), a named clock (\"Pyongyang time\"), an \
     offset (\"UTC+9\", \"+09:00\", \"(+3 GMT)\"), an IANA zone (\"Asia/Tokyo\") or \"local\" (data/time-zones.csv \
     lists the names)";

const CLOCK_EXPECTED: &str = "a clock time: \"05:58\", \"5:58\", \"0558\", \"05:58:30\", \"7:30 p.m.\", \"7.30pm\", \
     \"12:21 a.m.\" or \"noon\"";

/// The zone a time is written in.
///
/// # Example
/// ```
/// use groundtrack::report::{WrittenZone, parse_written_time};
/// assert_eq!(parse_written_time("7:30 p.m. local").unwrap().zone, WrittenZone::Local);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WrittenZone {
    /// No zone in the text ("06:06"): the report's or the reference time's zone applies.
    Unstated,
    /// "local": the zone of the report (`time_zone`) or of the place.
    Local,
    /// A fixed offset, seconds east of UTC, with the name to print ("JST", "UTC+09:00").
    Offset {
        /// Seconds east of UTC.
        seconds: i32,
        /// "JST" for an abbreviation of the table, else "UTC+09:00".
        name: String,
    },
    /// An IANA zone: written as such ("Asia/Pyongyang") or a named clock of the table ("Pyongyang time").
    Iana {
        /// The IANA name ("Asia/Pyongyang").
        name: String,
    },
}

/// A time as worded, not yet an instant.
///
/// # Example
/// ```
/// use groundtrack::report::parse_written_time;
/// let w = parse_written_time("12:21 a.m. local").unwrap();
/// assert_eq!((w.date, w.time.to_string(), w.half_unit_ms), (None, "00:21:00".to_string(), 30_000));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenTime {
    /// The calendar date, when written.
    pub date: Option<Date>,
    /// The clock time (24-hour).
    pub time: Time,
    /// Half the last unit written, milliseconds: 30,000 for a minute ("05:58"), 500 for a second ("05:58:30"),
    /// 1,800,000 for an hour ("7 p.m.").
    pub half_unit_ms: i64,
    /// The zone.
    pub zone: WrittenZone,
    /// 0-based character index of the clock time in the text.
    pub time_at: usize,
    /// 0-based character index of the zone in the text (the text's length when there is none).
    pub zone_at: usize,
}

/// A word of the text and where it starts (0-based character index).
#[derive(Debug, Clone)]
struct Word {
    text: String,
    at: usize,
    /// Came out of an RFC 3339 / ISO 8601 "dateTtime" word: an offset may follow the clock without seconds.
    iso: bool,
}

/// Quotes a word for a message: at most 40 characters, control characters escaped.
fn quoted(word: &str) -> String {
    let mut s: String = word.chars().take(40).flat_map(char::escape_default).collect();
    if word.chars().nth(40).is_some() {
        s.push('…');
    }
    format!("\"{s}\"")
}

/// Splits the text into words at white space and commas; strips parentheses; splits "2017-08-29T05:58:00+09:00"
/// into its date and the rest.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let push = |current: &mut String, start: usize, out: &mut Vec<Word>| {
        if current.is_empty() {
            return;
        }
        let lead = current.chars().take_while(|c| *c == '(').count();
        let word: String = current.chars().skip(lead).collect();
        let word = word.trim_end_matches([')', ';']).to_string();
        current.clear();
        if word.is_empty() {
            return;
        }
        let at = start + lead;
        // "2017-08-29T05:58:00+09:00": the date, then the rest as its own word.
        let chars: Vec<char> = word.chars().collect();
        if chars.len() > 11 && matches!(chars.get(10), Some('T' | 't')) && iso_date(&chars[..10]).is_some() {
            out.push(Word { text: chars[..10].iter().collect(), at, iso: false });
            out.push(Word { text: chars[11..].iter().collect(), at: at + 11, iso: true });
        } else {
            out.push(Word { text: word, at, iso: false });
        }
    };
    for (i, c) in text.chars().enumerate() {
        if c.is_whitespace() || c == ',' {
            push(&mut current, start, &mut out);
            start = i + 1;
        } else {
            if current.is_empty() {
                start = i;
            }
            current.push(c);
        }
    }
    push(&mut current, start, &mut out);
    out
}

/// "2017-08-29" (also with one-digit month or day) as year, month, day.
fn iso_date(chars: &[char]) -> Option<(i16, i8, i8)> {
    let s: String = chars.iter().collect();
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || !(1..=2).contains(&m.len())
        || !(1..=2).contains(&d.len())
        || ![y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}

fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .and_then(|i| i8::try_from(i + 1).ok())
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_lowercase();
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    DAYS.iter()
        .find(|(name, _)| *name == w || (w.len() >= 3 && name.starts_with(&w) && w.len() <= 4))
        .map(|(_, d)| *d)
}

fn day_number(word: &str) -> Option<i8> {
    let w = word.to_lowercase();
    let digits = ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s)).unwrap_or(&w);
    if (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        None
    }
}

fn year_number(word: &str) -> Option<i16> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())).then(|| word.parse().ok()).flatten()
}

/// A date starting at word `i` (after an optional weekday): "2017-08-29", "29 August 2017", "August 29, 2017",
/// "Aug. 29 2017". None when the words there do not have the shape of a date; an error for a date that does not
/// exist or a weekday that does not fit it.
fn date_at(ws: &[Word], i: usize, text: &str) -> Result<Option<(Date, usize)>, ParseError> {
    let word = |k: usize| ws.get(k).map(|w| w.text.as_str());
    let mut k = i;
    let weekday = word(k).and_then(weekday_of);
    if weekday.is_some() {
        k += 1;
    }
    let Some(first) = ws.get(k) else { return Ok(None) };
    let chars: Vec<char> = first.text.chars().collect();
    let (ymd, next) = if let Some(ymd) = iso_date(&chars) {
        (ymd, k + 1)
    } else if let (Some(d), Some(m), Some(y)) =
        (word(k).and_then(day_number), word(k + 1).and_then(month_number), word(k + 2).and_then(year_number))
    {
        ((y, m, d), k + 3)
    } else if let (Some(m), Some(d), Some(y)) =
        (word(k).and_then(month_number), word(k + 1).and_then(day_number), word(k + 2).and_then(year_number))
    {
        ((y, m, d), k + 3)
    } else {
        return Ok(None);
    };
    let (y, m, d) = ymd;
    let date = Date::new(y, m, d).map_err(|_| {
        ParseError::at(
            text,
            first.at,
            format!("there is no date {y:04}-{m:02}-{d:02}"),
            "a date that exists (\"2017-08-29\", \"29 August 2017\", \"August 29, 2017\")",
        )
    })?;
    if let Some(wd) = weekday
        && date.weekday() != wd
    {
        return Err(ParseError::at(
            text,
            ws.get(i).map_or(0, |w| w.at),
            format!("{date} is a {:?}, not a {wd:?}", date.weekday()),
            "the weekday of the date, or no weekday",
        ));
    }
    Ok(Some((date, next)))
}

/// "am" or "pm" for "a.m.", "AM", "p.m", "pm".
fn meridiem(word: &str) -> Option<bool> {
    match word.replace('.', "").to_lowercase().as_str() {
        "am" => Some(false),
        "pm" => Some(true),
        _ => None,
    }
}

fn is_filler(word: &str) -> bool {
    matches!(word.trim_end_matches('.').to_lowercase().as_str(), "h" | "hr" | "hrs" | "hours" | "o'clock")
}

/// A clock time starting at word `i`: returns the time, half its last unit (ms), the next word and a zone glued
/// to the clock ("05:58:00+09:00", "05:58Z") as a word of its own.
fn clock_at(ws: &[Word], i: usize, text: &str) -> Result<(Time, i64, usize, Option<Word>), ParseError> {
    let Some(w) = ws.get(i) else {
        let at = text.chars().count();
        return Err(ParseError::at(text, at, "no clock time", CLOCK_EXPECTED));
    };
    let bad = |message: String| ParseError::at(text, w.at, message, CLOCK_EXPECTED);
    let lower = w.text.to_lowercase();
    let next_lower = ws.get(i + 1).map(|n| n.text.to_lowercase());
    if lower == "noon" || (lower == "12" && next_lower.as_deref() == Some("noon")) {
        let next = if lower == "noon" { i + 1 } else { i + 2 };
        return Ok((Time::constant(12, 0, 0, 0), 30_000, next, None));
    }
    if lower == "midnight" {
        return Ok((Time::constant(0, 0, 0, 0), 30_000, i + 1, None));
    }
    let core_len = w.text.chars().take_while(|c| c.is_ascii_digit() || *c == ':' || *c == '.').count();
    let core: String = w.text.chars().take(core_len).collect();
    let core = core.trim_end_matches('.');
    let core_len = core.chars().count();
    let rest: String = w.text.chars().skip(core_len).collect();
    if core.is_empty() {
        return Err(bad(format!("cannot read {} as a date or a clock time", quoted(&w.text))));
    }
    let parts: Vec<&str> = core.split(':').collect();
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let number =
        |p: &str| p.parse::<i64>().map_err(|_| bad(format!("cannot read {} as a clock time", quoted(core))));
    // (hour, minute, second, millisecond, half unit ms, hour only)
    let (h, m, s, ms, half, hour_only) = match parts.as_slice() {
        [one] if one.contains('.') => {
            let (a, b) = one.split_once('.').unwrap_or((one, ""));
            if !(digits(a) && a.len() <= 2 && digits(b) && b.len() == 2) {
                return Err(bad(format!("cannot read {} as a clock time", quoted(core))));
            }
            (number(a)?, number(b)?, 0, 0, 30_000, false)
        }
        [one] if digits(one) && one.len() == 4 => {
            (number(&one[..2])?, number(&one[2..])?, 0, 0, 30_000, false)
        }
        [one] if digits(one) && one.len() <= 2 => (number(one)?, 0, 0, 0, 1_800_000, true),
        [a, b] if digits(a) && a.len() <= 2 && digits(b) && b.len() == 2 => {
            (number(a)?, number(b)?, 0, 0, 30_000, false)
        }
        [a, b, c] if digits(a) && a.len() <= 2 && digits(b) && b.len() == 2 => {
            let (sec, frac) = c.split_once('.').unwrap_or((c, ""));
            if !(digits(sec) && sec.len() == 2 && (frac.is_empty() || digits(frac))) {
                return Err(bad(format!("cannot read {} as a clock time", quoted(core))));
            }
            let ms = if frac.is_empty() {
                0
            } else {
                let three: String = frac.chars().chain("000".chars()).take(3).collect();
                number(&three)?
            };
            (number(a)?, number(b)?, number(sec)?, ms, 500, false)
        }
        _ => return Err(bad(format!("cannot read {} as a date or a clock time", quoted(core)))),
    };
    let mut next = i + 1;
    let mut glued_zone = None;
    let mut pm = None;
    let rest_at = w.at + core_len;
    if !(rest.is_empty() || rest == "." || is_filler(&rest)) {
        if let Some(p) = meridiem(&rest) {
            pm = Some(p);
        } else if rest.starts_with(['+', '-']) || rest.eq_ignore_ascii_case("z") {
            // RFC 3339 puts the offset right after the seconds; a clock without seconds and a "-" after it is a
            // span ("06:05-06:07"), read by the window parser.
            if !(w.iso || parts.len() == 3) {
                return Err(ParseError::at(
                    text,
                    rest_at,
                    format!("cannot read {} after the clock time", quoted(&rest)),
                    "an offset glued to the clock only after seconds (\"05:58:00+09:00\"), else a space before \
                     the zone (\"05:58 UTC+9\")",
                ));
            }
            glued_zone = Some(Word { text: rest.clone(), at: rest_at, iso: false });
        } else if !rest.starts_with(char::is_alphabetic) {
            return Err(bad(format!("cannot read {} as a date or a clock time", quoted(&w.text))));
        } else {
            return Err(ParseError::at(
                text,
                rest_at,
                format!("cannot read {} after the clock time", quoted(&rest)),
                "a.m. or p.m., or a space before the zone (\"7:30 p.m. JST\")",
            ));
        }
    }
    if pm.is_none()
        && glued_zone.is_none()
        && let Some(p) = ws.get(next).and_then(|n| meridiem(&n.text))
    {
        pm = Some(p);
        next += 1;
    }
    let h = match pm {
        Some(p) => {
            if !(1..=12).contains(&h) {
                return Err(bad(format!(
                    "hour {h} with {}: a 12-hour clock runs from 12 (midnight or noon) through 11",
                    if p { "p.m." } else { "a.m." }
                )));
            }
            h % 12 + if p { 12 } else { 0 }
        }
        None if hour_only => {
            return Err(bad(format!(
                "{} is a bare number: a clock time needs minutes (\"{h:02}:00\") or a.m./p.m. (\"{h} p.m.\")",
                quoted(core)
            )));
        }
        None => h,
    };
    if h > 23 || m > 59 || s > 59 {
        return Err(bad(format!(
            "{} is not a clock time (hours 0-23, minutes and seconds 0-59)",
            quoted(&w.text)
        )));
    }
    let time = Time::new(h as i8, m as i8, s as i8, (ms * 1_000_000) as i32)
        .map_err(|e| bad(format!("{} is not a clock time ({e})", quoted(&w.text))))?;
    while ws.get(next).is_some_and(|n| is_filler(&n.text)) {
        next += 1;
    }
    Ok((time, half, next, glued_zone))
}

/// An offset written as "+9", "+09", "-0930", "+09:00", "+5:45" (after the sign).
fn offset_digits(sign: i32, d: &str) -> Option<Result<i32, String>> {
    let (h, m) = match d.split_once(':') {
        Some((h, m)) => (h, m),
        None if d.len() == 4 => (d.get(..2)?, d.get(2..)?),
        None => (d, "0"),
    };
    let ok = |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !(ok(h) && ok(m)) {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    let s = sign * (h * 3600 + m * 60);
    Some(if m >= 60 {
        Err(format!("minutes {m} in an offset"))
    } else if s.abs() > MAX_OFFSET_S {
        Err(format!("offset {} is outside -14:00 to +14:00, the offsets in use", offset_text(s)))
    } else {
        Ok(s)
    })
}

/// "UTC+9", "GMT+3", "UTC + 08:30", "+09:00", "+3 GMT": seconds east, an error for a malformed or
/// out-of-range offset, None when the text is not an offset at all.
fn offset_phrase(text: &str) -> Option<Result<i32, String>> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    let t = t.replace('\u{2212}', "-");
    let body = ["utc", "gmt", "ut"].iter().find_map(|p| t.strip_prefix(p)).unwrap_or(&t);
    let (sign, rest) = match body.as_bytes().first() {
        Some(b'+') => (1, &body[1..]),
        Some(b'-') => (-1, &body[1..]),
        _ => return None,
    };
    let rest = ["utc", "gmt", "ut"].iter().find_map(|p| rest.strip_suffix(p)).unwrap_or(rest);
    Some(
        offset_digits(sign, rest)
            .unwrap_or_else(|| Err(format!("cannot read {} as an offset", quoted(text)))),
    )
}

/// The zone of the words after the clock time.
fn zone_of(ws: &[Word], text: &str) -> Result<WrittenZone, ParseError> {
    let Some(first) = ws.first() else { return Ok(WrittenZone::Unstated) };
    let joined = ws.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
    let bad = |message: String, expected: &str| ParseError::at(text, first.at, message, expected);
    let lower = joined.to_lowercase();
    if matches!(lower.as_str(), "local" | "local time" | "lt") {
        return Ok(WrittenZone::Local);
    }
    if let Some(r) = offset_phrase(&joined) {
        let seconds =
            r.map_err(|m| bad(m, "an offset from -14:00 to +14:00: \"UTC+9\", \"+09:00\", \"UTC-09:30\""))?;
        return Ok(WrittenZone::Offset { seconds, name: format!("UTC{}", offset_text(seconds)) });
    }
    if joined.contains('/') {
        return match iana_zone(&joined).and_then(|z| z.iana_name().map(String::from)) {
            Some(name) => Ok(WrittenZone::Iana { name }),
            None => Err(bad(
                format!("unknown IANA time zone {}", quoted(&joined)),
                "an IANA zone of the tz database such as \"Asia/Pyongyang\" or \"America/Los_Angeles\"",
            )),
        };
    }
    let table = ZoneTable::embedded();
    match table.lookup(&joined).as_slice() {
        [one] => Ok(match &one.meaning {
            ZoneMeaning::Offset(s) => WrittenZone::Offset { seconds: *s, name: one.name.clone() },
            ZoneMeaning::Iana(name) => WrittenZone::Iana { name: name.clone() },
        }),
        [] => {
            let suggestions = table.suggest(&joined);
            let hint = if suggestions.is_empty() {
                String::new()
            } else {
                format!(" (did you mean {}?)", suggestions.join(", "))
            };
            let load = table.load_error().map_or(String::new(), |e| format!(" [{e}]"));
            Err(bad(format!("unknown time zone {}{hint}{load}", quoted(&joined)), ZONE_EXPECTED))
        }
        many => {
            let meanings: Vec<String> =
                many.iter().map(|r| format!("{} ({})", r.description, r.meaning_text())).collect();
            let offsets: Vec<String> = many.iter().map(|r| format!("\"{}\"", r.meaning_text())).collect();
            let zones: Vec<String> =
                many.iter().filter_map(|r| r.checked_in.as_ref()).map(|z| format!("\"{z}\"")).collect();
            Err(bad(
                format!("ambiguous time zone {}: {}", quoted(&joined), meanings.join(", or ")),
                &format!(
                    "an offset ({}) or an IANA zone ({}) that says which",
                    offsets.join(", "),
                    zones.join(", ")
                ),
            ))
        }
    }
}

/// Reads a zone alone ("JST", "UTC+9", "Asia/Tokyo", "local"), as after a clock time.
pub(crate) fn zone_words(text: &str) -> Result<WrittenZone, ParseError> {
    zone_of(&words(text), text)
}

/// Reads one time as a report words it. See the module documentation for the forms; the date may also stand
/// after the clock and zone ("05:58 JST on 29 August 2017"), and a weekday may stand before the date (checked).
///
/// Output: the date (if written), the clock time, its rounding and the zone as written.
///
/// # Errors
/// [`ParseError`] with the column: empty text, a word that is neither date nor clock, a clock time out of range
/// ("25:06", "13 p.m."), a date that does not exist, a weekday that does not fit, an unknown or ambiguous zone
/// ("CST": US Central, China or Cuba), an offset beyond ±14:00.
///
/// # Example
/// ```
/// use groundtrack::report::{WrittenZone, parse_written_time};
/// let w = parse_written_time("Aug. 29, 2017, 5:58 a.m. JST").unwrap();
/// assert_eq!(w.date.unwrap().to_string(), "2017-08-29");
/// assert_eq!(w.time.to_string(), "05:58:00");
/// assert_eq!(w.zone, WrittenZone::Offset { seconds: 9 * 3600, name: "JST".into() });
/// let w = parse_written_time("23:40 (+3 GMT)").unwrap();
/// assert_eq!(w.zone, WrittenZone::Offset { seconds: 3 * 3600, name: "UTC+03:00".into() });
/// assert!(parse_written_time("05:58 CST").unwrap_err().to_string().contains("ambiguous"));
/// ```
pub fn parse_written_time(text: &str) -> Result<WrittenTime, ParseError> {
    let ws = words(text);
    if ws.is_empty() {
        return Err(ParseError::at(text, 0, "empty time", TIME_EXPECTED));
    }
    let (mut date, mut i) = match date_at(&ws, 0, text)? {
        Some((d, next)) => (Some(d), next),
        None => (None, 0),
    };
    // "on" between a date and the clock is not allowed; "at" is: "29 August 2017 at 05:58 JST".
    if date.is_some() && ws.get(i).is_some_and(|w| w.text.eq_ignore_ascii_case("at")) {
        i += 1;
    }
    let time_at = ws.get(i).map_or(0, |w| w.at);
    let (time, half_unit_ms, i, glued) = clock_at(&ws, i, text).map_err(|e| {
        if date.is_none() && i == 0 { ParseError { expected: TIME_EXPECTED.to_string(), ..e } } else { e }
    })?;
    let mut end = ws.len();
    if date.is_none() {
        for j in i..ws.len() {
            let k = if ws.get(j).is_some_and(|w| w.text.eq_ignore_ascii_case("on")) { j + 1 } else { j };
            if let Some((d, next)) = date_at(&ws, k, text)?
                && next == ws.len()
            {
                date = Some(d);
                end = j;
                break;
            }
        }
    }
    let after: &[Word] = ws.get(i..end).unwrap_or(&[]);
    let zone_words: Vec<Word> = match glued {
        Some(g) => {
            if let Some(extra) = after.first() {
                return Err(ParseError::at(
                    text,
                    extra.at,
                    format!("{} after the offset {}", quoted(&extra.text), quoted(&g.text)),
                    "one zone: nothing after an RFC 3339 offset but a date",
                ));
            }
            vec![g]
        }
        None => after.to_vec(),
    };
    let zone_at = zone_words.first().map_or(text.chars().count(), |w| w.at);
    let zone = zone_of(&zone_words, text)?;
    Ok(WrittenTime { date, time, half_unit_ms, zone, time_at, zone_at })
}

/// Reads a span of clock times ("06:05 to 06:07", "06:05-06:07", "between 06:05 and 06:07 JST",
/// "2017-08-29 06:05 to 06:07 JST") or one time ("about 06:06"), after words of approximation ("about",
/// "around", "approx.", "at", "from"). The zone written at the end applies to both ends, the date written at the
/// start likewise.
///
/// Output: the first and last times (the same for one time).
///
/// # Errors
/// As [`parse_written_time`], on either end.
///
/// # Example
/// ```
/// use groundtrack::report::parse_written_window;
/// let (a, b) = parse_written_window("from around 07:04 to 07:06 JST").unwrap();
/// assert_eq!((a.time.to_string(), b.time.to_string()), ("07:04:00".into(), "07:06:00".into()));
/// assert_eq!(a.zone, b.zone);
/// ```
pub fn parse_written_window(text: &str) -> Result<(WrittenTime, WrittenTime), ParseError> {
    // Skip words of approximation, keeping the character offset for columns.
    let mut skip = 0usize;
    loop {
        let rest: String = text.chars().skip(skip).collect();
        let trimmed = rest.trim_start();
        let lead = rest.chars().count() - trimmed.chars().count();
        let lower = trimmed.to_lowercase();
        let q =
            ["about ", "around ", "approx. ", "approximately ", "at ", "from ", "between ", "ca. ", "some "]
                .iter()
                .find(|q| lower.starts_with(**q));
        match q {
            Some(q) => skip += lead + q.chars().count(),
            None => {
                skip += lead;
                break;
            }
        }
    }
    let body: String = text.chars().skip(skip).collect();
    let anchor = |e: ParseError| e.within(text, skip);
    let single = parse_written_time(&body);
    if let Ok(w) = &single {
        return Ok((w.clone(), w.clone()));
    }
    let Some((cut, len)) = span_separator(&body) else {
        return Err(anchor(
            single.err().unwrap_or_else(|| ParseError::at(&body, 0, "empty time", TIME_EXPECTED)),
        ));
    };
    let first: String = body.chars().take(cut).collect();
    let second: String = body.chars().skip(cut + len).collect();
    let mut a = parse_written_time(&first).map_err(anchor)?;
    let mut b = parse_written_time(&second).map_err(|e| e.within(text, skip + cut + len))?;
    a.time_at += skip;
    a.zone_at += skip;
    b.time_at += skip + cut + len;
    b.zone_at += skip + cut + len;
    if a.date.is_none() {
        a.date = b.date;
    }
    if b.date.is_none() {
        b.date = a.date;
    }
    if a.zone == WrittenZone::Unstated {
        a.zone = b.zone.clone();
        a.zone_at = b.zone_at;
    }
    if b.zone == WrittenZone::Unstated {
        b.zone = a.zone.clone();
        b.zone_at = a.zone_at;
    }
    Ok((a, b))
}

/// Where a span's two times meet: " to ", " until ", " and ", an en or em dash, or a hyphen between two clock
/// times ("06:05-06:07"). Character index and length of the separator.
fn span_separator(body: &str) -> Option<(usize, usize)> {
    let lower = body.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    for sep in [" to ", " until ", " till ", " and ", "\u{2013}", "\u{2014}"] {
        if let Some(b) = lower.find(sep) {
            let at = lower[..b].chars().count();
            return Some((at, sep.chars().count()));
        }
    }
    // A hyphen with a clock time ("HH:MM", "7.30pm", "7 p.m.") on its left and a digit on its right.
    for (i, c) in chars.iter().enumerate() {
        if *c != '-' {
            continue;
        }
        let left: String = chars[..i].iter().collect();
        let right: String = chars[i + 1..].iter().collect();
        let last = left.split_whitespace().last().unwrap_or("");
        let clockish =
            last.contains(':') || meridiem(last).is_some() || last.ends_with("am") || last.ends_with("pm");
        if clockish && right.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            return Some((i, 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> WrittenTime {
        parse_written_time(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn hm(w: &WrittenTime) -> String {
        w.time.to_string()
    }

    #[test]
    fn clock_forms() {
        for (text, want) in [
            ("05:58 JST", "05:58:00"),
            ("5:58 JST", "05:58:00"),
            ("0558 JST", "05:58:00"),
            ("05:58:30 JST", "05:58:30"),
            ("7:30 p.m. local", "19:30:00"),
            ("7:30 pm local", "19:30:00"),
            ("7.30pm local", "19:30:00"),
            ("7:30PM local", "19:30:00"),
            ("12:21 a.m. local", "00:21:00"),
            ("12:05 p.m. local", "12:05:00"),
            ("7 p.m. local", "19:00:00"),
            ("noon local", "12:00:00"),
            ("12 noon local", "12:00:00"),
            ("midnight UTC", "00:00:00"),
            ("0730 GMT", "07:30:00"),
            ("0730 hrs GMT", "07:30:00"),
            ("05:58:00.250 UTC", "05:58:00.25"),
        ] {
            assert_eq!(hm(&t(text)), want, "{text}");
        }
        assert_eq!(t("05:58 JST").half_unit_ms, 30_000);
        assert_eq!(t("05:58:30 JST").half_unit_ms, 500);
        assert_eq!(t("7 p.m. JST").half_unit_ms, 1_800_000);
    }

    #[test]
    fn date_forms() {
        for text in [
            "2017-08-29 05:58 JST",
            "29 August 2017 05:58 JST",
            "29 Aug 2017 05:58 JST",
            "August 29, 2017 05:58 JST",
            "Aug. 29, 2017, 05:58 JST",
            "Tuesday, August 29, 2017 05:58 JST",
            "Tue. 29 Aug. 2017 at 05:58 JST",
            "05:58 JST on 29 August 2017",
            "05:58 JST, Aug. 29, 2017",
            "2017-08-29T05:58:00+09:00",
            "2017-08-29T05:58+09:00",
        ] {
            let w = t(text);
            assert_eq!(w.date.map(|d| d.to_string()), Some("2017-08-29".into()), "{text}");
            assert_eq!(hm(&w), "05:58:00", "{text}");
            assert_eq!(w.zone, WrittenZone::Offset { seconds: 32_400, name: w.zone_name() }, "{text}");
        }
    }

    impl WrittenTime {
        fn zone_name(&self) -> String {
            match &self.zone {
                WrittenZone::Offset { name, .. } => name.clone(),
                _ => String::new(),
            }
        }
    }

    #[test]
    fn zone_forms() {
        let offset = |text: &str| match t(text).zone {
            WrittenZone::Offset { seconds, .. } => seconds,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(offset("23:40 (+3 GMT)"), 3 * 3600);
        assert_eq!(offset("23:40 GMT+3"), 3 * 3600);
        assert_eq!(offset("23:40 UTC+08:30"), 8 * 3600 + 1800);
        assert_eq!(offset("23:40 UTC + 0830"), 8 * 3600 + 1800);
        assert_eq!(offset("23:40 +09:00"), 9 * 3600);
        assert_eq!(offset("23:40 UTC-9:30"), -(9 * 3600 + 1800));
        assert_eq!(offset("23:40 Z"), 0);
        assert_eq!(offset("23:40 (JST)"), 9 * 3600);
        assert_eq!(offset("23:40 jst"), 9 * 3600);
        assert_eq!(offset("05:58:00Z"), 0);
        assert_eq!(t("06:06").zone, WrittenZone::Unstated);
        assert_eq!(t("7:30 p.m. local").zone, WrittenZone::Local);
        assert_eq!(t("7:30 p.m. local time").zone, WrittenZone::Local);
        assert_eq!(t("3:12 p.m. Moscow time").zone, WrittenZone::Iana { name: "Europe/Moscow".into() });
        assert_eq!(t("05:28 asia/pyongyang").zone, WrittenZone::Iana { name: "Asia/Pyongyang".into() });
        assert_eq!(t("05:28 PYT").zone, WrittenZone::Iana { name: "Asia/Pyongyang".into() });
    }

    #[test]
    fn errors_name_the_text_the_fault_and_what_is_accepted() {
        for (text, column, fault) in [
            ("", 1, "empty time"),
            ("25:06", 1, "is not a clock time"),
            ("13 p.m. JST", 1, "hour 13 with p.m."),
            ("05:58 CST", 7, "ambiguous time zone \"CST\""),
            ("05:58 IST", 7, "India Standard Time (UTC+05:30)"),
            ("05:58 PST", 7, "Philippine Standard Time"),
            ("05:58 XYZ", 7, "unknown time zone \"XYZ\""),
            ("05:58 Mosow time", 7, "did you mean Moscow time"),
            ("05:58 Asia/Atlantis", 7, "unknown IANA time zone"),
            ("05:58 UTC+15", 7, "outside -14:00 to +14:00"),
            ("05:58 UTC+9:75", 7, "minutes 75"),
            ("2017-02-30 05:58 JST", 1, "there is no date 2017-02-30"),
            ("Monday, 29 August 2017 05:58 JST", 1, "2017-08-29 is a Tuesday, not a Monday"),
            ("29/08/2017 05:58", 1, "cannot read \"29/08/2017\""),
            ("5 JST", 1, "bare number"),
            ("05:58xyz JST", 6, "cannot read \"xyz\" after the clock time"),
        ] {
            let e = parse_written_time(text).unwrap_err();
            assert_eq!(e.column, column, "{text}: {e}");
            assert!(e.to_string().contains(fault), "{text}: {e}");
            assert!(e.to_string().contains("; expected "), "{text}: {e}");
        }
        let e = parse_written_time("05:58 CST").unwrap_err();
        assert!(
            e.expected.contains("\"America/Chicago\"") && e.expected.contains("\"Asia/Shanghai\""),
            "{e}"
        );
    }

    #[test]
    fn windows() {
        let pair = |text: &str| {
            let (a, b) = parse_written_window(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            (hm(&a), hm(&b), a.zone, b.zone, a.date, b.date)
        };
        let (a, b, za, zb, _, _) = pair("06:05 to 06:07");
        assert_eq!(
            (a.as_str(), b.as_str(), &za, &zb),
            ("06:05:00", "06:07:00", &WrittenZone::Unstated, &WrittenZone::Unstated)
        );
        assert_eq!(pair("06:05-06:07").1, "06:07:00");
        assert_eq!(pair("06:05 \u{2013} 06:07").1, "06:07:00");
        let (_, _, za, zb, da, db) = pair("2017-08-29 06:05 to 06:07 JST");
        assert_eq!(za, zb);
        assert_eq!(da, db);
        assert!(da.is_some());
        assert_eq!(pair("about 06:06").0, "06:06:00");
        assert_eq!(pair("between 7:04 p.m. and 7:06 p.m. local").1, "19:06:00");
        let e = parse_written_window("06:05 to 26:07").unwrap_err();
        assert_eq!(e.column, 10, "{e}");
        assert_eq!(e.input, "06:05 to 26:07");
    }
}
