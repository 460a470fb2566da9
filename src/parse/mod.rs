//! Reading what people and reports write: coordinates, quantities with units, compass directions, stated figures
//! with their tolerance bands, and position phrases ("about 1,180 km east of Cape Erimo").
//!
//! One file per concept:
//! - [`parse_coordinate`] (coordinate.rs): decimal degrees, hemisphere letters, degrees-minutes-seconds.
//! - [`parse_quantity`], [`Unit`], [`Dimension`] (quantity.rs): distances, durations and angles with exact unit
//!   conversions.
//! - [`parse_bearing`] (direction.rs): compass points and words, numeric and quadrant bearings, with the sector the
//!   wording allows.
//! - [`parse_figure`] (figure.rs): hedged, rounded, ranged and one-sided figures with their band of true values;
//!   [`parse_figure_with_conversion`] (conversion.rs): a figure with its own conversion, "4,000 miles (6,437 km)".
//! - [`parse_position_phrase`] (phrase.rs) and [`parse_location`] (location.rs).
//! - [`parse_notam_coordinate`], [`parse_vertex_list`] (notam.rs): coordinates and areas as navigation warnings and
//!   NOTAMs write them ("18-19.5N 111-13.5E", "181930N1111330E"), with [`Warning`]s for what was assumed.
//!
//! Every error is a [`ParseError`] naming the column where the fault starts, what is wrong and what would be
//! accepted. No input makes these functions panic.

mod conversion;
mod coordinate;
mod direction;
mod error;
mod figure;
mod location;
mod notam;
mod number;
mod phrase;
mod quantity;

pub use conversion::parse_figure_with_conversion;
pub use coordinate::parse_coordinate;
pub use direction::{Bearing, COMPASS_POINTS, compass_point, parse_bearing};
pub use error::{EXCERPT_CHARS, ParseError};
pub use figure::{BandKind, StatedFigure, parse_figure};
pub use location::{LocationSpec, parse_location};
pub use notam::{NotamStyle, Warning, format_notam_coordinate, parse_notam_coordinate, parse_vertex_list};
pub use phrase::{PositionPhrase, parse_position_phrase};
pub use quantity::{Dimension, Quantity, Unit, parse_distance_m, parse_duration_s, parse_quantity};
