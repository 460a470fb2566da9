//! Reading what people and reports write: coordinates, quantities with units, compass directions, stated figures
//! with their tolerance bands, and position phrases ("about 1,180 km east of Cape Erimo").
//!
//! One file per concept:
//! - [`parse_coordinate`] (coordinate.rs): decimal degrees, hemisphere letters, degrees-minutes-seconds.
//! - [`parse_quantity`], [`Unit`], [`Dimension`] (quantity.rs): distances, durations and angles with exact unit
//!   conversions.
//! - [`parse_bearing`] (direction.rs): compass points and words, numeric and quadrant bearings, with the sector the
//!   wording allows.
//! - [`parse_figure`] (figure.rs): hedged, rounded, ranged and one-sided figures with their band of true values.
//! - [`parse_position_phrase`] (phrase.rs) and [`parse_location`] (location.rs).
//!
//! Every error is a [`ParseError`] naming the column where the fault starts, what is wrong and what would be
//! accepted. No input makes these functions panic.

mod coordinate;
mod direction;
mod error;
mod figure;
mod location;
mod number;
mod phrase;
mod quantity;

pub use coordinate::parse_coordinate;
pub use direction::{Bearing, COMPASS_POINTS, compass_point, parse_bearing};
pub use error::{EXCERPT_CHARS, ParseError};
pub use figure::{BandKind, StatedFigure, parse_figure};
pub use location::{LocationSpec, parse_location};
pub use phrase::{PositionPhrase, parse_position_phrase};
pub use quantity::{Dimension, Quantity, Unit, parse_distance_m, parse_duration_s, parse_quantity};
