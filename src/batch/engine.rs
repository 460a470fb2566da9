//! The streaming engine: a reader thread cuts the input into chunks of lines, a rayon thread pool solves each
//! chunk's lines in parallel, and a writer thread writes the results in input order.
//!
//! At most two chunks wait between the reader and the solver and two between the solver and the writer, so
//! memory stays bounded (a few chunks of at most [`CHUNK_BYTES`] of input and their output) whatever the length
//! of the input.

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use rayon::prelude::*;

use super::format::{BatchFormat, LineFormat};
use super::line::{LineError, ParsedLine, parse_line};
use super::model::{BatchKind, Earth, model};
use super::reader::{Chunk, ChunkReader, MAX_LINE_BYTES};
use crate::geodesy::EarthModel;
use crate::parse::Unit;
use crate::{Error, Result};

/// Most lines in one chunk.
///
/// # Example
/// ```
/// assert!(groundtrack::batch::CHUNK_LINES >= 1024);
/// ```
pub const CHUNK_LINES: usize = 32_768;
/// A chunk ends at the first line end after this many bytes of input.
///
/// # Example
/// ```
/// assert_eq!(groundtrack::batch::CHUNK_BYTES, 2 * 1024 * 1024);
/// ```
pub const CHUNK_BYTES: usize = 2 << 20;
/// Lines handed to one rayon task.
const TASK_LINES: usize = 1024;
/// Longest error message kept for one line, in bytes (the message quotes the line).
const MAX_MESSAGE_BYTES: usize = 400;

/// Everything a batch run needs to know.
///
/// # Example
/// ```
/// use groundtrack::batch::{BatchFormat, BatchKind, BatchOptions};
/// let o = BatchOptions { kind: BatchKind::Direct, format: BatchFormat::Csv, ..BatchOptions::default() };
/// assert_eq!((o.precision, o.unit.symbol()), (3, "m")); // GeodSolve's defaults
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BatchOptions {
    /// The problem each line poses.
    pub kind: BatchKind,
    /// WGS84 (default) or the sphere.
    pub earth: Earth,
    /// Unit of distances that carry none on input, and of distances on output (metres by default, as
    /// GeographicLib's tools).
    pub unit: Unit,
    /// GeographicLib's precision (`-p`): decimals of distances; angles get 5 more (default 3).
    pub precision: usize,
    /// Plain, CSV or JSON lines.
    pub format: BatchFormat,
    /// Angles in degrees, minutes and seconds.
    pub dms: bool,
    /// Write a header line first (this shifts output lines by one against input lines).
    pub header: bool,
    /// Worker threads; 0 uses one per core.
    pub threads: usize,
    /// The input's name for error messages (a path, or `<stdin>`).
    pub input_name: PathBuf,
}

impl Default for BatchOptions {
    fn default() -> Self {
        Self {
            kind: BatchKind::Inverse,
            earth: Earth::Wgs84,
            unit: Unit::Metre,
            precision: 3,
            format: BatchFormat::Plain,
            dms: false,
            header: false,
            threads: 0,
            input_name: PathBuf::from("<stdin>"),
        }
    }
}

/// What a run did.
///
/// # Example
/// ```
/// use groundtrack::batch::{BatchOptions, run_batch};
/// let s = run_batch(&b"0 0 0 1\n\n"[..], std::io::sink(), std::io::sink(), &BatchOptions::default(), None)
///     .unwrap();
/// assert_eq!((s.lines, s.failed), (2, 0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BatchSummary {
    /// Input lines read (including comments and blank lines).
    pub lines: u64,
    /// Lines that had no result (reported on the error stream).
    pub failed: u64,
}

/// The output of one chunk: the result lines and the error messages, in order.
struct Done {
    text: Vec<Vec<u8>>,
    errors: Vec<(u64, String)>,
    lines: u64,
}

/// Reads problems line by line from `input`, solves them, and writes one result line per input line to
/// `output` in input order; a bad line gets a placeholder line on `output` and a message
/// `groundtrack: <input>:<line>: <reason>` on `errors`, and the run goes on.
///
/// Inputs: the input (any reader; read by a separate thread), the output and error streams, the options, and an
/// optional progress callback called with the number of input bytes consumed so far (from the reader thread).
/// Output: the count of lines and of failed lines.
///
/// # Errors
/// [`Error::Invalid`] for a precision above 10 or a thread pool that cannot be built; [`Error::Io`] when
/// reading the input or writing the output fails (a broken pipe on the output among them).
///
/// # Example
/// ```
/// use groundtrack::batch::{BatchOptions, BatchKind, run_batch};
/// let input = b"# Sunan to Cape Erimo\n39.2241 125.67 41.9236 143.2494\n\n91 0 0 0\n";
/// let (mut out, mut err) = (Vec::new(), Vec::new());
/// let summary = run_batch(&input[..], &mut out, &mut err, &BatchOptions::default(), None).unwrap();
/// assert_eq!((summary.lines, summary.failed), (4, 1));
/// let out = String::from_utf8(out).unwrap();
/// let lines: Vec<&str> = out.lines().collect();
/// // GeodSolve -i <<< "39.2241 125.67 41.9236 143.2494" gives 72.95740195 84.44683400 1515548.762.
/// assert_eq!(lines, ["# Sunan to Cape Erimo", "72.95740195 84.44683400 1515548.762", "", "nan nan nan"]);
/// assert!(String::from_utf8(err).unwrap().starts_with("groundtrack: <stdin>:4: latitude 91"));
/// ```
pub fn run_batch<R, W, E>(
    input: R,
    output: W,
    errors: E,
    options: &BatchOptions,
    progress: Option<&(dyn Fn(u64) + Sync)>,
) -> Result<BatchSummary>
where
    R: Read + Send,
    W: Write + Send,
    E: Write + Send,
{
    if options.precision > 10 {
        return Err(Error::Invalid {
            what: "--precision".into(),
            message: format!("must be 0 to 10 (decimals of distances), got {}", options.precision),
        });
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|e| Error::Invalid { what: "--threads".into(), message: e.to_string() })?;
    let format = LineFormat {
        kind: options.kind,
        format: options.format,
        unit: options.unit,
        precision: options.precision,
        dms: options.dms,
    };
    let earth_model = model(options.earth, options.kind.line_kind());
    let input_name = options.input_name.clone();
    let header = options.header.then(|| format.header());

    let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(2);
    let (done_tx, done_rx) = sync_channel::<Done>(2);
    std::thread::scope(|scope| {
        let name = input_name.as_path();
        let reader = scope.spawn(move || read_chunks(input, chunk_tx, progress));
        let writer = scope.spawn(move || write_results(output, errors, done_rx, header, name));
        let solve = |chunk: Chunk| solve_chunk(&chunk, &format, earth_model.as_ref());
        for chunk in chunk_rx.iter() {
            let done = pool.install(|| solve(chunk));
            if done_tx.send(done).is_err() {
                break; // the writer stopped (its error is returned below)
            }
        }
        drop(chunk_rx);
        drop(done_tx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(Error::Io { path: "<stdout>".into(), source: panic_error("writer") }));
        let read = reader.join().unwrap_or_else(|_| Err(panic_error("reader")));
        let name = &options.input_name;
        let read = read.map_err(|source| Error::Io { path: name.clone(), source });
        // A failed write (a closed pipe) explains a stopped reader; report it first.
        let summary = written?;
        read?;
        Ok(summary)
    })
}

fn panic_error(what: &str) -> std::io::Error {
    std::io::Error::other(format!("the batch {what} thread stopped unexpectedly"))
}

/// The reader thread: chunks to the solver until the input ends or the solver hangs up.
fn read_chunks<R: Read>(
    input: R,
    tx: SyncSender<Chunk>,
    progress: Option<&(dyn Fn(u64) + Sync)>,
) -> std::io::Result<()> {
    let mut reader = ChunkReader::new(BufReader::with_capacity(1 << 18, input));
    while let Some(chunk) = reader.next_chunk(CHUNK_LINES, CHUNK_BYTES)? {
        if tx.send(chunk).is_err() {
            break;
        }
        if let Some(p) = progress {
            p(reader.bytes_read());
        }
    }
    Ok(())
}

/// The writer thread: result lines to the output and messages to the error stream, chunk after chunk.
fn write_results<W: Write, E: Write>(
    output: W,
    mut errors: E,
    rx: Receiver<Done>,
    header: Option<String>,
    input_name: &std::path::Path,
) -> Result<BatchSummary> {
    let out_error = |source| Error::Io { path: "<stdout>".into(), source };
    let err_error = |source| Error::Io { path: "<stderr>".into(), source };
    let mut out = BufWriter::with_capacity(1 << 18, output);
    if let Some(h) = header {
        out.write_all(h.as_bytes()).and_then(|_| out.write_all(b"\n")).map_err(out_error)?;
    }
    let mut summary = BatchSummary::default();
    let name = input_name.display();
    for done in rx.iter() {
        for piece in &done.text {
            out.write_all(piece).map_err(out_error)?;
        }
        if !done.errors.is_empty() {
            // Results first, so that a reader of both streams sees the placeholder before its message.
            out.flush().map_err(out_error)?;
            for (line, message) in &done.errors {
                writeln!(errors, "groundtrack: {name}:{line}: {message}").map_err(err_error)?;
            }
        }
        summary.lines += done.lines;
        summary.failed += done.errors.len() as u64;
    }
    out.flush().map_err(out_error)?;
    errors.flush().map_err(err_error)?;
    Ok(summary)
}

/// The output lines of one task and its (line number, message) errors.
type Piece = (Vec<u8>, Vec<(u64, String)>);

/// Solves the lines of a chunk in parallel tasks of [`TASK_LINES`] lines; the pieces stay in order.
fn solve_chunk(chunk: &Chunk, format: &LineFormat, model: &(dyn EarthModel + Send + Sync)) -> Done {
    let pieces: Vec<Piece> = chunk
        .lines
        .par_chunks(TASK_LINES)
        .enumerate()
        .map(|(t, spans)| {
            let mut out = Vec::with_capacity(spans.len() * 48);
            let mut errors = Vec::new();
            let first = chunk.first_line + (t * TASK_LINES) as u64;
            for (i, span) in spans.iter().enumerate() {
                let line_no = first + i as u64;
                let text = chunk.data.get(span.start..span.end).unwrap_or(&[]);
                let result = if span.too_long > 0 {
                    Err(LineError::TooLong { length: span.too_long, max: MAX_LINE_BYTES })
                } else {
                    solve_line(text, format, model, &mut out)
                };
                if let Err(e) = result {
                    format.write_placeholder(&mut out, line_no, &e);
                    errors.push((line_no, truncate(e.to_string())));
                }
            }
            (out, errors)
        })
        .collect();
    let mut done = Done { text: Vec::with_capacity(pieces.len()), errors: Vec::new(), lines: 0 };
    done.lines = chunk.lines.len() as u64;
    for (text, errors) in pieces {
        done.text.push(text);
        done.errors.extend(errors);
    }
    done
}

/// Parses and solves one line, appending its output line; an error leaves `out` untouched.
fn solve_line(
    text: &[u8],
    format: &LineFormat,
    model: &(dyn EarthModel + Send + Sync),
    out: &mut Vec<u8>,
) -> std::result::Result<(), LineError> {
    match parse_line(text, format.kind, format.unit)? {
        ParsedLine::Blank => out.push(b'\n'),
        ParsedLine::Comment => format.write_comment(out, text),
        ParsedLine::Problem { problem, comment } => {
            let answer = problem.solve(model)?;
            format.write_answer(out, &answer, comment);
        }
    }
    Ok(())
}

/// Cuts a message to [`MAX_MESSAGE_BYTES`] at a character boundary.
fn truncate(mut s: String) -> String {
    if s.len() > MAX_MESSAGE_BYTES {
        let mut cut = MAX_MESSAGE_BYTES;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s.push_str("...");
    }
    s
}

impl BatchFormat {
    /// The format's name as `--format` takes it.
    ///
    /// # Example
    /// ```
    /// assert_eq!(groundtrack::batch::BatchFormat::Json.name(), "json");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            BatchFormat::Plain => "plain",
            BatchFormat::Csv => "csv",
            BatchFormat::Json => "json",
        }
    }
}
