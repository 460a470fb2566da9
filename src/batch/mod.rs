//! Batch processing: one geodesic or rhumb-line problem per input line, streamed, in parallel, in order.
//!
//! `groundtrack batch inverse|direct|rhumb-inverse|rhumb-direct` is a drop-in replacement for GeographicLib's
//! `GeodSolve` and `RhumbSolve` (C. F. F. Karney, <https://geographiclib.sourceforge.io/C++/doc/>): the same
//! columns, the same units and the same precision rule.
//!
//! | kind | reads | writes |
//! |---|---|---|
//! | inverse | `lat1 lon1 lat2 lon2` | `azi1 azi2 s12` (as `GeodSolve -i`) |
//! | direct | `lat1 lon1 azi1 s12` | `lat2 lon2 azi2` (as `GeodSolve`) |
//! | rhumb-inverse | `lat1 lon1 lat2 lon2` | `azi12 s12` (as `RhumbSolve -i`, without the area S12) |
//! | rhumb-direct | `lat1 lon1 azi12 s12` | `lat2 lon2` (as `RhumbSolve`, without the area S12) |
//!
//! azi2 is the forward azimuth at the second point, as in GeographicLib (PROJ's `geod` prints the back azimuth,
//! azi2 ± 180). Distances are metres unless a unit is chosen, angles degrees.
//!
//! The pieces, one file each:
//! - [`parse_line`] (line.rs): a fast path for plain decimal numbers, falling back to the full parsers of
//!   [`crate::parse`] (hemisphere letters, DMS, units, compass bearings) for anything else;
//! - [`LineFormat`] (format.rs): plain, CSV or JSON-lines output with fixed precision
//!   ([`crate::output::write_fixed`]);
//! - [`run_batch`] (engine.rs): the streaming engine (bounded memory, chunks processed on a rayon thread pool,
//!   written in input order, a bad line reported and replaced by a placeholder).

mod engine;
mod fields;
mod format;
mod line;
mod model;
mod reader;

pub use engine::{BatchOptions, BatchSummary, CHUNK_BYTES, CHUNK_LINES, run_batch};
pub use fields::{read_azimuth, read_distance};
pub use format::{BatchFormat, LineFormat};
pub use line::{LineError, ParsedLine, Problem, parse_line};
pub use model::{Answer, BatchKind, Earth, LineKind, model};
pub use reader::MAX_LINE_BYTES;
