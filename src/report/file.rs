//! The report file: a launch report as stated, in TOML.
//!
//! ```toml
//! name = "2017-08-29 Hwasong-12 over Hokkaido"
//! launch_time = "2017-08-29 05:58 JST"          # optional: RFC 3339, or date, clock time and zone as worded
//! impact_time = "06:12 JST"                     # optional; without date: the date nearest the launch time
//! time_zone = "Asia/Tokyo"                      # optional: what "local" means, and the zone of zone-less times
//! sources = ["Jiji Press, 2017-08-29"]
//! launch = "Sunan"                              # place name, coordinates or position phrase
//! overflights = ["Oshima Peninsula", "Cape Erimo"]
//! impact = "about 1,180 km east of Cape Erimo"
//!
//! [stated]                                      # every key optional
//! range = "about 2,700 km"
//! apogee = "about 550 km"
//! flight_time = "about 14 min"
//! direction = "east"                            # initial azimuth at the launch point
//!
//! impact_area = "35-44-06N 124-30-30E, 35-44-07N 124-54-23E, 34-58-43N 124-56-11E, 34-58-36N 124-32-32E"
//!                                               # optional: a navigation-warning area (also launch_area)
//!
//! [[overflight_times]]                          # optional, any number
//! place = "Cape Erimo"
//! time = "06:05 to 06:07"                       # in the zone of impact_time / launch_time unless one is written
//! ```
//!
//! Unknown keys, duplicate keys and wrong types are errors naming the key and its line and column.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::error::{ReportError, SourcePosition};

/// A value from the file with its place in the file.
pub type Located<T> = Spanned<T>;

/// A launch report as stated in a report file. Strings are kept as worded; they are parsed when the report is
/// checked, so that every fault can name its field and position.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFile {
    /// A title for the report.
    pub name: Option<Located<String>>,
    /// Launch time: RFC 3339 ("2017-08-29T05:58:00+09:00") or a date, clock time and zone as worded
    /// ("2017-08-29 05:58 JST", "2020-08-04 12:21 a.m. local", "2022-04-20 3:12 p.m. Moscow time"); "local" is
    /// `time_zone`, else the launch place's gazetteer zone.
    pub launch_time: Option<Located<String>>,
    /// Impact time, as `launch_time`; a clock time without date ("06:12 JST") takes the date nearest the launch
    /// time, and one without zone the launch time's zone. "local" is `time_zone`, else the impact place's zone.
    pub impact_time: Option<Located<String>>,
    /// The report's own zone (an IANA zone "Asia/Tokyo", an abbreviation "JST", a named clock or an offset): what
    /// "local" means in every time of the report, and the zone of times written without one.
    pub time_zone: Option<Located<String>>,
    /// Where the figures come from (free text, one entry per source).
    #[serde(default)]
    pub sources: Vec<Located<String>>,
    /// Free-text notes, kept and printed.
    #[serde(default)]
    pub notes: Vec<Located<String>>,
    /// The launch point: a place name, coordinates or a position phrase.
    pub launch: Located<String>,
    /// Places the missile is stated to have flown over, in order of flight.
    #[serde(default)]
    pub overflights: Vec<Located<String>>,
    /// The impact: a place name, coordinates or a position phrase ("about 1,180 km east of Cape Erimo").
    pub impact: Located<String>,
    /// A closed area the impact must lie in: navigation-warning or NOTAM vertices, as one string
    /// ("35-44-06N 124-30-30E, 35-44-07N 124-54-23E, ...") or a list of vertex strings.
    pub impact_area: Option<Located<AreaSpec>>,
    /// A closed area the launch point must lie in, written as `impact_area`.
    pub launch_area: Option<Located<AreaSpec>>,
    /// The figures stated in the report.
    #[serde(default)]
    pub stated: StatedFigures,
    /// Clock times at which the missile was reported over places (`[[overflight_times]]` tables).
    #[serde(default)]
    pub overflight_times: Vec<OverflightTime>,
    /// The file this report was read from, for error messages (not part of the TOML).
    #[serde(skip)]
    pub path: PathBuf,
    /// The file's text, for turning byte spans into lines and columns (not part of the TOML).
    #[serde(skip)]
    pub text: String,
}

/// The `[stated]` table: figures as worded in the report, all optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedFigures {
    /// Ground range from launch to impact ("about 2,700 km").
    pub range: Option<Located<String>>,
    /// Apogee altitude ("about 550 km").
    pub apogee: Option<Located<String>>,
    /// Flight time ("about 14 min").
    pub flight_time: Option<Located<String>>,
    /// Direction of flight at launch ("east", "east-northeasterly", "84 deg").
    pub direction: Option<Located<String>>,
}

/// An area as written in a report file: one string of vertices, or a list of vertex strings.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum AreaSpec {
    /// "18-19.5N 111-13.5E, 18-19.5N 112-00.0E, ..."
    Text(String),
    /// ["18-19.5N 111-13.5E", "18-19.5N 112-00.0E", ...]
    Vertices(Vec<String>),
}

impl AreaSpec {
    /// The vertices as one string, list entries joined by new lines.
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::AreaSpec;
    /// let a = AreaSpec::Vertices(vec!["1N 1E".into(), "1N 2E".into()]);
    /// assert_eq!(a.text(), "1N 1E\n1N 2E");
    /// ```
    pub fn text(&self) -> String {
        match self {
            AreaSpec::Text(t) => t.clone(),
            AreaSpec::Vertices(v) => v.join("\n"),
        }
    }
}

/// One `[[overflight_times]]` table: a place and the clock time (or span) at which the missile was over it:
/// "06:06", "06:05 to 06:07" (in the zone of the report's impact or launch time, dated by the nearest instant to
/// it), "06:05 to 06:07 JST", "07:04 local" (the place's gazetteer zone) or RFC 3339.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverflightTime {
    /// The place, as in `overflights`.
    pub place: Located<String>,
    /// The clock time or span.
    pub time: Located<String>,
}

impl ReportFile {
    /// Reads and parses a report file.
    ///
    /// Input: a path to a UTF-8 TOML file (a leading byte-order mark is accepted).
    /// Output: the report as stated, not yet resolved.
    ///
    /// # Errors
    /// [`ReportError::Read`] if the file cannot be read, [`ReportError::NotText`] for bytes that are not UTF-8,
    /// [`ReportError::NulByte`] for a NUL byte,
    /// [`ReportError::Empty`] for an empty file, [`ReportError::Syntax`] for TOML errors, unknown, duplicate or
    /// missing keys and wrong types, each with the line and column.
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::ReportFile;
    /// let r = ReportFile::load("data/scenarios/2017-08-29-hwasong-12.toml".as_ref()).unwrap();
    /// assert_eq!(r.launch.get_ref(), "Sunan");
    /// ```
    pub fn load(path: &Path) -> Result<Self, ReportError> {
        let bytes = std::fs::read(path)
            .map_err(|e| ReportError::Read { path: path.to_path_buf(), message: e.to_string() })?;
        Self::from_bytes(path, &bytes)
    }

    /// Parses a report from the bytes of a file; `path` is used in error messages only.
    ///
    /// # Errors
    /// As [`ReportFile::load`], without [`ReportError::Read`].
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::ReportFile;
    /// let err = ReportFile::from_bytes("r.toml".as_ref(), b"launch = \"Sunan\"\nimpakt = \"x\"\n").unwrap_err();
    /// assert!(err.to_string().starts_with("r.toml:2:1: "));
    /// ```
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Self, ReportError> {
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let valid = &bytes[..e.valid_up_to()];
                // The valid prefix is UTF-8 by construction.
                let prefix = String::from_utf8_lossy(valid);
                let position = SourcePosition::of_offset(&prefix, prefix.len());
                return Err(ReportError::NotText { path: path.to_path_buf(), position });
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Some(offset) = text.find('\0') {
            return Err(ReportError::NulByte {
                path: path.to_path_buf(),
                position: SourcePosition::of_offset(text, offset),
            });
        }
        if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
            return Err(ReportError::Empty { path: path.to_path_buf() });
        }
        let mut report: ReportFile = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            ReportError::Syntax {
                path: path.to_path_buf(),
                position: SourcePosition::of_offset(text, offset),
                message: tidy_toml_message(text, offset, e.message()),
            }
        })?;
        report.path = path.to_path_buf();
        report.text = text.to_string();
        Ok(report)
    }

    /// The line and column where a located value starts.
    pub fn position_of<T>(&self, value: &Located<T>) -> SourcePosition {
        SourcePosition::of_offset(&self.text, value.span().start)
    }

    /// Builds the error for a field whose value cannot be used.
    pub fn field_error<T>(&self, field: &str, value: &Located<T>, message: impl Into<String>) -> ReportError {
        ReportError::Field {
            path: self.path.clone(),
            position: self.position_of(value),
            field: field.to_string(),
            message: message.into(),
        }
    }

    /// The report's title: `name`, or the file name when the report has none.
    pub fn title(&self) -> String {
        match &self.name {
            Some(n) => n.get_ref().clone(),
            None => self.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
        }
    }
}

/// Makes the TOML parser's message one line that names the key (as a dotted path such as `stated.range`) and
/// speaks of TOML's types rather than of our Rust types; long quoted text in it is shortened.
fn tidy_toml_message(text: &str, offset: usize, message: &str) -> String {
    let m = shorten_quoted(&message.trim().replace('\n', " "));
    let m = m
        .replace("struct StatedFigures", "a table (`[stated]`)")
        .replace("struct OverflightTime", "a table (`[[overflight_times]]`)")
        .replace("struct ReportFile", "a table")
        .replace("untagged enum AreaSpec", "a string of vertices or an array of vertex strings")
        .replace("a sequence", "an array");
    let (table, key) = context_at(text, offset);
    let path = |k: &str| match &table {
        Some(t) => format!("{t}.{k}"),
        None => k.to_string(),
    };
    let in_table = table.as_ref().map_or(String::new(), |t| format!(" in `[{t}]`"));
    if m.starts_with("duplicate key") {
        return match key {
            Some(k) => format!("duplicate key `{}`: each key may be set only once", path(&k)),
            None => format!("{m}{in_table}: each key and table may be set only once"),
        };
    }
    if m.starts_with("invalid type") || m.starts_with("invalid value") {
        let value = text.get(offset..).unwrap_or("").trim_start();
        let m = if m.starts_with("invalid type: map") && value.starts_with(|c: char| c.is_ascii_digit()) {
            m.replacen("invalid type: map", "invalid type: a TOML date-time", 1)
                + " (write the time as a string in quotes: \"2017-08-29T05:58:00+09:00\")"
        } else if m.starts_with("invalid type: map") {
            m.replacen("invalid type: map", "invalid type: a table", 1)
        } else {
            m
        };
        return match key {
            Some(k) => format!("key `{}`: {m}", path(&k)),
            None => m,
        };
    }
    if m.starts_with("missing field") {
        return match table {
            Some(t) => format!("{m} in `[{t}]`"),
            None => format!("{m} (a report needs `launch` and `impact`)"),
        };
    }
    if m.starts_with("unknown field") {
        let misplaced = ["range", "apogee", "flight_time", "direction"]
            .iter()
            .any(|f| table.is_none() && m.starts_with(&format!("unknown field `{f}`")));
        let hint = if misplaced { " (stated figures go under a `[stated]` table)" } else { "" };
        return format!("{m}{in_table}{hint}");
    }
    m
}

/// The table header in force at byte `offset` of a TOML text (`stated`, `[overflight_times]` for an array of
/// tables), and the key of the `key = value` line at or above it within that table.
fn context_at(text: &str, offset: usize) -> (Option<String>, Option<String>) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Include the whole line of the offset.
    let line_end = text.get(end..).and_then(|r| r.find('\n')).map_or(text.len(), |i| end + i);
    let mut key = None;
    for line in text.get(..line_end).unwrap_or("").lines().rev() {
        let l = line.trim_start();
        if l.starts_with('[') {
            let name = l.trim_start_matches('[').split(']').next().unwrap_or("").trim();
            let table = if l.starts_with("[[") { format!("[{name}]") } else { name.to_string() };
            return (Some(table), key);
        }
        if key.is_none()
            && let Some((k, _)) = l.split_once('=')
        {
            let k = k.trim().trim_matches('"');
            if !k.is_empty() && !k.starts_with('#') && !k.contains(' ') {
                key = Some(k.to_string());
            }
        }
    }
    (None, key)
}

/// Shortens text in backquotes or double quotes longer than 60 characters to its first 60 and `…`.
fn shorten_quoted(m: &str) -> String {
    let mut out = String::with_capacity(m.len().min(1000));
    let mut quote: Option<char> = None;
    let mut run = 0usize;
    for c in m.chars() {
        match quote {
            Some(q) if c == q => {
                if run > 60 {
                    out.push('…');
                }
                out.push(c);
                quote = None;
            }
            Some(_) => {
                run += 1;
                if run <= 60 {
                    out.push(c);
                }
            }
            None => {
                if c == '`' || c == '"' {
                    quote = Some(c);
                    run = 0;
                }
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(toml: &str) -> String {
        ReportFile::from_bytes("r.toml".as_ref(), toml.as_bytes()).unwrap_err().to_string()
    }

    const HEAD: &str = "launch = \"Sunan\"\nimpact = \"Cape Erimo\"\n";

    #[test]
    fn messages_name_the_key() {
        let m = message(&format!("{HEAD}[stated]\nrange = \"1 km\"\nrange = \"2 km\"\n"));
        assert_eq!(m, "r.toml:5:1: duplicate key `stated.range`: each key may be set only once");
        let m = message(&format!("{HEAD}[stated]\nrange = 2700\n"));
        assert_eq!(m, "r.toml:4:9: key `stated.range`: invalid type: integer `2700`, expected a string");
        let m = message(&format!("{HEAD}overflights = [\"Cape Erimo\",\n 5]\n"));
        assert!(m.starts_with("r.toml:4:2: key `overflights`: invalid type: integer `5`"), "{m}");
        let m = message(&format!("{HEAD}launch_time = 2017-08-29T05:58:00+09:00\n"));
        assert!(m.starts_with("r.toml:3:15: key `launch_time`: invalid type: a TOML date-time"), "{m}");
        assert!(m.contains("in quotes"), "{m}");
        let m = message(&format!("{HEAD}stated = \"x\"\n"));
        assert!(m.ends_with("expected a table (`[stated]`)"), "{m}");
        assert!(!m.contains("struct"), "{m}");
        let m = message(&format!("{HEAD}[[overflight_times]]\nplace = \"Cape Erimo\"\n"));
        assert_eq!(m, "r.toml:3:1: missing field `time` in `[[overflight_times]]`");
        let m = message(&format!("{HEAD}[stated]\nfoo = 1\n"));
        assert!(m.starts_with("r.toml:4:1: unknown field `foo`") && m.ends_with(" in `[stated]`"), "{m}");
        let m = message("launch = \"Sunan\"\n");
        assert!(m.ends_with("missing field `impact` (a report needs `launch` and `impact`)"), "{m}");
    }

    #[test]
    fn long_keys_and_nul_bytes() {
        let m = message(&format!("{HEAD}{} = 1\n", "k".repeat(100_000)));
        assert!(m.len() < 300, "{} bytes", m.len());
        assert!(m.contains("…"), "{m}");
        let m = message(&format!("{HEAD}name = \"a\0b\"\n"));
        assert!(m.starts_with("r.toml:3:10: the report file contains a NUL byte"), "{m}");
    }
}
