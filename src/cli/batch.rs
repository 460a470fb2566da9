//! `groundtrack batch inverse|direct|rhumb-inverse|rhumb-direct [FILE|-]`: one result line per input line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use groundtrack::batch::{BatchFormat, BatchKind, BatchOptions, Earth, run_batch};
use indicatif::{ProgressBar, ProgressStyle};

use super::Outcome;
use super::solve_args::UnitArg;

/// The problem on each line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// lat1 lon1 lat2 lon2 -> azi1 azi2 s12 (as GeodSolve -i).
    Inverse,
    /// lat1 lon1 azi1 s12 -> lat2 lon2 azi2 (as GeodSolve).
    Direct,
    /// lat1 lon1 lat2 lon2 -> azi12 s12 (as RhumbSolve -i, without the area).
    RhumbInverse,
    /// lat1 lon1 azi12 s12 -> lat2 lon2 (as RhumbSolve, without the area).
    RhumbDirect,
}

/// The output format of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormatArg {
    /// Space-separated values, as GeodSolve and RhumbSolve print them.
    Plain,
    /// Comma-separated values.
    Csv,
    /// One JSON object per line.
    Json,
}

/// Arguments of `groundtrack batch`.
#[derive(Debug, Args)]
#[command(
    after_help = "Columns (as GeographicLib's GeodSolve and RhumbSolve):\n  inverse        reads lat1 \
    lon1 lat2 lon2, writes azi1 azi2 s12\n  direct         reads lat1 lon1 azi1 s12,  writes lat2 lon2 azi2\n  \
    rhumb-inverse  reads lat1 lon1 lat2 lon2, writes azi12 s12\n  rhumb-direct   reads lat1 lon1 azi12 s12, \
    writes lat2 lon2\nAngles in degrees (azi2 is the forward azimuth at point 2; PROJ's geod prints the back \
    azimuth), distances s12 in --units (metres by default). Input values are separated by spaces, tabs or \
    commas and take the forms of the single commands: decimal degrees, hemisphere letters (39.2N 125.6E), DMS \
    (41°55′28″N, 41:55:28N), distances with a unit (1180km, \"1180 km\"), compass bearings (E, N84E).\n\n\
    Every input line gives one output line, in order: comment lines (# ...) and blank lines are passed \
    through, a text after # on a data line is appended to its result (plain format). A bad line prints a \
    placeholder (nan in plain, empty values in CSV, {\"line\":N,\"error\":...} in JSON) and a message with its \
    line number on stderr; the run goes on and exits with 1 at the end.\n\nExamples:\n  groundtrack batch \
    inverse pairs.txt > results.txt\n  echo '39.2241 125.67 84 3700 km' | groundtrack batch direct\n  \
    groundtrack batch inverse --format csv --units km --precision 6 - < pairs.txt"
)]
pub struct BatchArgs {
    /// The problem on each line.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// The input file; - or nothing reads standard input.
    #[arg(default_value = "-")]
    pub file: PathBuf,
    /// Unit of distances given without a unit, and of the distance column s12.
    #[arg(long, value_enum, default_value_t = UnitArg::M)]
    pub units: UnitArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = BatchFormatArg::Plain)]
    pub format: BatchFormatArg,
    /// Decimals of distances (0 to 10); angles get 5 more, DMS seconds 1 more (as GeodSolve -p).
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u8).range(0..=10))]
    pub precision: u8,
    /// Print angles as degrees, minutes and seconds (41°55′28.0″N).
    #[arg(long)]
    pub dms: bool,
    /// Great circles (and rhumb lines) on a sphere of radius 6,371,008.8 m instead of the WGS84 ellipsoid.
    #[arg(long)]
    pub sphere: bool,
    /// Print a header line with the column names first (output lines are then one below their input lines).
    #[arg(long)]
    pub header: bool,
    /// Worker threads [default: one per core].
    #[arg(long, value_name = "N", default_value_t = 0, hide_default_value = true)]
    pub threads: usize,
}

/// Runs the batch; exit 1 when some line failed.
pub fn run(args: &BatchArgs) -> groundtrack::Result<Outcome> {
    let options = BatchOptions {
        kind: match args.kind {
            KindArg::Inverse => BatchKind::Inverse,
            KindArg::Direct => BatchKind::Direct,
            KindArg::RhumbInverse => BatchKind::RhumbInverse,
            KindArg::RhumbDirect => BatchKind::RhumbDirect,
        },
        earth: if args.sphere { Earth::Sphere } else { Earth::Wgs84 },
        unit: args.units.unit(),
        precision: usize::from(args.precision),
        format: match args.format {
            BatchFormatArg::Plain => BatchFormat::Plain,
            BatchFormatArg::Csv => BatchFormat::Csv,
            BatchFormatArg::Json => BatchFormat::Json,
        },
        dms: args.dms,
        header: args.header,
        threads: args.threads,
        input_name: if args.file.as_os_str() == "-" { "<stdin>".into() } else { args.file.clone() },
    };
    let summary = if args.file.as_os_str() == "-" {
        run_batch(std::io::stdin(), std::io::stdout(), std::io::stderr(), &options, None)?
    } else {
        let file = std::fs::File::open(&args.file)
            .map_err(|source| groundtrack::Error::Io { path: args.file.clone(), source })?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        if std::io::stderr().is_terminal() && size > 0 {
            let bar = ProgressBar::new(size);
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:40} {percent:>3}% {binary_bytes}/{binary_total_bytes} {eta}",
            ) {
                bar.set_style(style);
            }
            let tick = |bytes: u64| bar.set_position(bytes);
            let errors = BarWriter { bar: bar.clone(), pending: Vec::new() };
            let result = run_batch(file, std::io::stdout(), errors, &options, Some(&tick));
            bar.finish_and_clear();
            result?
        } else {
            run_batch(file, std::io::stdout(), std::io::stderr(), &options, None)?
        }
    };
    Ok(if summary.failed > 0 { Outcome::Failure } else { Outcome::Success })
}

/// Standard error under a progress bar: whole lines are printed above the bar.
struct BarWriter {
    bar: ProgressBar,
    pending: Vec<u8>,
}

impl Write for BarWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if let Some(end) = self.pending.iter().rposition(|&b| b == b'\n') {
            let lines: Vec<u8> = self.pending.drain(..=end).collect();
            self.bar.suspend(|| std::io::stderr().write_all(&lines))?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            self.bar.suspend(|| std::io::stderr().write_all(&rest))?;
        }
        Ok(())
    }
}
