//! Writing one output line per input line: plain (space-separated, as GeographicLib's tools), CSV or JSON lines.

use std::io::Write;

use super::line::LineError;
use super::model::{Answer, BatchKind};
use crate::output::{AngleKind, format_dms, write_fixed};
use crate::parse::Unit;

/// The output format of a batch.
///
/// # Example
/// ```
/// assert_eq!(groundtrack::batch::BatchFormat::default().name(), "plain");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BatchFormat {
    /// Values separated by single spaces, as `GeodSolve` and `RhumbSolve` print them.
    #[default]
    Plain,
    /// Values separated by commas (RFC 4180; no value needs quoting).
    Csv,
    /// One JSON object per line (JSON Lines), keys named as the output columns.
    Json,
}

/// How to write the results of a batch: the columns of `kind`, distances in `unit`, and the precision rule of
/// GeographicLib's tools (`GeodSolve -p`): `precision` decimals for distances, `precision + 5` for angles in
/// decimal degrees, `precision + 1` for the seconds of DMS.
///
/// # Example
/// ```
/// use groundtrack::batch::{BatchFormat, BatchKind, LineFormat};
/// use groundtrack::parse::Unit;
/// let f = LineFormat { kind: BatchKind::RhumbInverse, format: BatchFormat::Plain, unit: Unit::Metre,
///     precision: 0, dms: false };
/// assert_eq!(f.header(), "azi12 s12");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineFormat {
    /// The kind of problem, which fixes the columns.
    pub kind: BatchKind,
    /// Plain, CSV or JSON.
    pub format: BatchFormat,
    /// The unit of distances on output.
    pub unit: Unit,
    /// GeographicLib's precision: decimals of distances (0 to 10; 3 is a millimetre in metres).
    pub precision: usize,
    /// Angles as degrees, minutes and seconds (`41°55′28.0″N`) instead of decimal degrees.
    pub dms: bool,
}

impl LineFormat {
    /// The header line for CSV (`azi1,azi2,s12`) and plain output (`azi1 azi2 s12`), without a newline;
    /// distance columns carry their unit when it is not metres (`s12_km`).
    ///
    /// # Example
    /// ```
    /// use groundtrack::batch::{BatchFormat, BatchKind, LineFormat};
    /// use groundtrack::parse::Unit;
    /// let f = LineFormat { kind: BatchKind::Inverse, format: BatchFormat::Csv, unit: Unit::Kilometre,
    ///     precision: 3, dms: false };
    /// assert_eq!(f.header(), "azi1,azi2,s12_km");
    /// ```
    pub fn header(&self) -> String {
        let names: Vec<String> = self.kind.output_columns().iter().map(|c| self.column_name(c)).collect();
        names.join(if self.format == BatchFormat::Csv { "," } else { " " })
    }

    fn column_name(&self, c: &str) -> String {
        if c == "s12" && self.unit != Unit::Metre {
            format!("s12_{}", self.unit.symbol())
        } else {
            c.to_string()
        }
    }

    fn separator(&self) -> u8 {
        if self.format == BatchFormat::Csv { b',' } else { b' ' }
    }

    /// Appends the result line of `answer`, with the comment that followed the input (plain output appends it
    /// after a space, as `GeodSolve --comment-delimiter` does; JSON adds a `comment` key; CSV drops it), and a
    /// newline.
    ///
    /// # Example
    /// ```
    /// use groundtrack::batch::{Answer, BatchFormat, BatchKind, LineFormat};
    /// use groundtrack::geodesy::InverseSolution;
    /// use groundtrack::parse::Unit;
    /// let f = LineFormat { kind: BatchKind::Inverse, format: BatchFormat::Plain, unit: Unit::Metre,
    ///     precision: 3, dms: false };
    /// let a = Answer::Inverse(InverseSolution { distance_m: 1515548.7624, azimuth1_deg: 72.957401953,
    ///     azimuth2_deg: 86.2 });
    /// let mut out = Vec::new();
    /// f.write_answer(&mut out, &a, Some(b"# Erimo"));
    /// assert_eq!(out, b"72.95740195 86.20000000 1515548.762 # Erimo\n");
    /// ```
    pub fn write_answer(&self, out: &mut Vec<u8>, answer: &Answer, comment: Option<&[u8]>) {
        let values: [(Value, &str); 3];
        let n = match (self.kind, answer) {
            (BatchKind::Inverse, Answer::Inverse(s)) => {
                values = [
                    (Value::Angle(s.azimuth1_deg, AngleKind::Azimuth), "azi1"),
                    (Value::Angle(s.azimuth2_deg, AngleKind::Azimuth), "azi2"),
                    (Value::Distance(s.distance_m), "s12"),
                ];
                3
            }
            (BatchKind::RhumbInverse, Answer::Inverse(s)) => {
                values = [
                    (Value::Angle(s.azimuth1_deg, AngleKind::Azimuth), "azi12"),
                    (Value::Distance(s.distance_m), "s12"),
                    (Value::Distance(0.0), ""),
                ];
                2
            }
            (_, Answer::Direct(s)) => {
                values = [
                    (Value::Angle(s.point.y(), AngleKind::Latitude), "lat2"),
                    (Value::Angle(s.point.x(), AngleKind::Longitude), "lon2"),
                    (Value::Angle(s.azimuth2_deg, AngleKind::Azimuth), "azi2"),
                ];
                if self.kind == BatchKind::RhumbDirect { 2 } else { 3 }
            }
            (_, Answer::Inverse(s)) => {
                // An inverse answer for a direct kind does not occur; write it as an inverse line.
                values = [
                    (Value::Angle(s.azimuth1_deg, AngleKind::Azimuth), "azi1"),
                    (Value::Angle(s.azimuth2_deg, AngleKind::Azimuth), "azi2"),
                    (Value::Distance(s.distance_m), "s12"),
                ];
                3
            }
        };
        let values = values.get(..n).unwrap_or(&values);
        if self.format == BatchFormat::Json {
            out.push(b'{');
            for (i, (v, name)) in values.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.push(b'"');
                out.extend_from_slice(self.column_name(name).as_bytes());
                out.extend_from_slice(b"\":");
                self.write_value(out, *v, true);
            }
            if let Some(c) = comment {
                out.extend_from_slice(b",\"comment\":");
                write_json_string(out, &String::from_utf8_lossy(c));
            }
            out.extend_from_slice(b"}\n");
            return;
        }
        for (i, (v, _)) in values.iter().enumerate() {
            if i > 0 {
                out.push(self.separator());
            }
            self.write_value(out, *v, false);
        }
        if let (Some(c), BatchFormat::Plain) = (comment, self.format) {
            out.push(b' ');
            out.extend_from_slice(c);
        }
        out.push(b'\n');
    }

    fn write_value(&self, out: &mut Vec<u8>, v: Value, json: bool) {
        match v {
            Value::Distance(m) => {
                let x = self.unit.from_si(m);
                if json && !x.is_finite() {
                    out.extend_from_slice(b"null");
                } else {
                    write_fixed(out, x, self.precision);
                }
            }
            Value::Angle(deg, kind) => {
                if json && !deg.is_finite() {
                    out.extend_from_slice(b"null");
                } else if self.dms {
                    let text = format_dms(deg, kind, self.precision + 1);
                    if json {
                        write_json_string(out, &text);
                    } else {
                        out.extend_from_slice(text.as_bytes());
                    }
                } else {
                    write_fixed(out, deg, self.precision + 5);
                }
            }
        }
    }

    /// Appends the placeholder line that stands for a bad line, and a newline: `nan` in every column (plain),
    /// empty values (CSV), or `{"line":N,"error":"..."}` (JSON).
    ///
    /// # Example
    /// ```
    /// use groundtrack::batch::{BatchFormat, BatchKind, LineError, LineFormat};
    /// use groundtrack::parse::Unit;
    /// let mut f = LineFormat { kind: BatchKind::Direct, format: BatchFormat::Plain, unit: Unit::Metre,
    ///     precision: 3, dms: false };
    /// let e = LineError::NotUtf8 { column: 3 };
    /// let mut out = Vec::new();
    /// f.write_placeholder(&mut out, 7, &e);
    /// f.format = BatchFormat::Csv;
    /// f.write_placeholder(&mut out, 7, &e);
    /// assert_eq!(out, b"nan nan nan\n,,\n");
    /// ```
    pub fn write_placeholder(&self, out: &mut Vec<u8>, line: u64, error: &LineError) {
        let n = self.kind.output_columns().len();
        match self.format {
            BatchFormat::Plain => {
                for i in 0..n {
                    if i > 0 {
                        out.push(b' ');
                    }
                    out.extend_from_slice(b"nan");
                }
            }
            BatchFormat::Csv => out.resize(out.len() + n - 1, b','),
            BatchFormat::Json => {
                let _ = write!(out, "{{\"line\":{line},\"error\":");
                write_json_string(out, &error.to_string());
                out.push(b'}');
            }
        }
        out.push(b'\n');
    }

    /// Appends a comment line as it was (plain and CSV) or as `{"comment":"..."}` (JSON), and a newline.
    ///
    /// # Example
    /// ```
    /// use groundtrack::batch::{BatchFormat, BatchKind, LineFormat};
    /// use groundtrack::parse::Unit;
    /// let f = LineFormat { kind: BatchKind::Inverse, format: BatchFormat::Json, unit: Unit::Metre,
    ///     precision: 3, dms: false };
    /// let mut out = Vec::new();
    /// f.write_comment(&mut out, b"# from Sinpo");
    /// assert_eq!(out, b"{\"comment\":\"# from Sinpo\"}\n");
    /// ```
    pub fn write_comment(&self, out: &mut Vec<u8>, line: &[u8]) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if self.format == BatchFormat::Json {
            out.extend_from_slice(b"{\"comment\":");
            write_json_string(out, String::from_utf8_lossy(line).trim());
            out.push(b'}');
        } else {
            out.extend_from_slice(line);
        }
        out.push(b'\n');
    }
}

/// One output value before formatting.
#[derive(Debug, Clone, Copy)]
enum Value {
    /// A distance in metres.
    Distance(f64),
    /// An angle in degrees.
    Angle(f64, AngleKind),
}

/// A JSON string literal (quotes and escapes by `serde_json`).
fn write_json_string(out: &mut Vec<u8>, s: &str) {
    match serde_json::to_string(s) {
        Ok(q) => out.extend_from_slice(q.as_bytes()),
        Err(_) => out.extend_from_slice(b"\"\""),
    }
}
