//! Turning what a report says about a place into geometry: a point, or a point with a region around it.

use std::sync::Arc;

use geo_types::Point;

use crate::geodesy::{EarthModel, Ellipsoid};
use crate::land::AreaOutline;
use crate::parse::{LocationSpec, PositionPhrase, parse_location};
use crate::places::{Gazetteer, PlaceKind};

/// How close a track must pass to a place that has no radius in the gazetteer (or to bare coordinates) to count
/// as flying over it, metres. Chosen as the order of a missile's altitude over the overflight stretch and of the
/// coordinate uncertainty of a named landmark; reports print the radius they used.
pub const DEFAULT_OVERFLIGHT_RADIUS_M: f64 = 25_000.0;

/// How close a track must pass to the outline of an area place (when it does not cross it) to count as flying
/// over the area, metres: the accuracy of the outline itself. Natural Earth's 1:50m coastlines are stored on a
/// grid of about 300 m by 190 m and generalised for a 1:50,000,000 map (0.5 mm on the map is 25 km on the
/// ground, so small capes and bays are smoothed away); 2 km forgives the cape a generalised coast has lost.
pub const AREA_OVERFLIGHT_MARGIN_M: f64 = 2_000.0;

/// A location from a report, resolved to a point.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedLocation {
    /// The text as worded in the report.
    pub text: String,
    /// A display name: the gazetteer name, the coordinates, or the phrase.
    pub name: String,
    /// The point (lon, lat degrees). For a position phrase, its nominal point: the geodesic from the place at the
    /// phrase's nominal azimuth and distance.
    pub point: Point<f64>,
    /// The phrase, when the location was given as one ("about 1,180 km east of Cape Erimo").
    pub phrase: Option<ResolvedPhrase>,
}

/// A position phrase with its reference place resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedPhrase {
    /// The parsed phrase (distance band, bearing sector, place name as written).
    pub phrase: PositionPhrase,
    /// The gazetteer name of the reference place.
    pub anchor_name: String,
    /// The reference place's point.
    pub anchor: Point<f64>,
}

/// The impact as a report states it.
pub type ImpactSpec = ResolvedLocation;

/// A place the missile is stated to have flown over, with the radius that counts as "over".
#[derive(Debug, Clone, PartialEq)]
pub struct Overflight {
    /// The text as worded.
    pub text: String,
    /// Gazetteer name or coordinates.
    pub name: String,
    /// The place's point.
    pub point: Point<f64>,
    /// How close the track must pass, metres.
    pub radius_m: f64,
    /// Where the radius comes from: "gazetteer", "default", or "outline" for an area place tested against its
    /// outline (the radius is then [`AREA_OVERFLIGHT_MARGIN_M`] around the outline).
    pub radius_source: &'static str,
    /// The area's outline, for an area place that has one (`data/land/areas.geojson`): the track must cross it
    /// or pass within `radius_m` of it.
    pub outline: Option<Arc<AreaOutline>>,
}

/// Resolves a location as a report words it: coordinates, a gazetteer name, or a position phrase.
///
/// Input: the text, the gazetteer, the tolerance scale for the phrase's distance band.
/// Output: a [`ResolvedLocation`]; for a phrase, the nominal point and the phrase with its anchor resolved.
///
/// # Errors
/// [`crate::Error::Parse`] for text that is neither, [`crate::Error::Place`] for an unknown place,
/// [`crate::Error::Geodesy`] if the nominal point cannot be computed.
///
/// # Example
/// ```
/// use groundtrack::places::Gazetteer;
/// use groundtrack::report::resolve_location;
/// let r = resolve_location("about 1,180 km east of Cape Erimo", Gazetteer::embedded(), 1.0).unwrap();
/// // GeodSolve: from 41.92444 143.24833 at azimuth 90 for 1180 km ends near 41.05 N 157.35 E.
/// assert!((r.point.y() - 41.05).abs() < 0.01 && (r.point.x() - 157.35).abs() < 0.01);
/// ```
pub fn resolve_location(
    text: &str,
    gazetteer: &Gazetteer,
    tolerance_scale: f64,
) -> crate::Result<ResolvedLocation> {
    match parse_location(text, tolerance_scale)? {
        LocationSpec::Coordinate(point) => Ok(ResolvedLocation {
            text: text.to_string(),
            name: format!("{:.5}, {:.5}", point.y(), point.x()),
            point,
            phrase: None,
        }),
        LocationSpec::PlaceName(name) => {
            let place = gazetteer.lookup(&name)?;
            Ok(ResolvedLocation {
                text: text.to_string(),
                name: place.name.clone(),
                point: place.point,
                phrase: None,
            })
        }
        LocationSpec::Phrase(phrase) => {
            let place = gazetteer.lookup(&phrase.place)?;
            let nominal = Ellipsoid::wgs84().direct(
                place.point,
                phrase.bearing.azimuth_deg,
                phrase.distance.nominal,
            )?;
            Ok(ResolvedLocation {
                text: text.to_string(),
                name: phrase.text.clone(),
                point: nominal.point,
                phrase: Some(ResolvedPhrase { phrase, anchor_name: place.name.clone(), anchor: place.point }),
            })
        }
    }
}

/// Resolves an overflight place: a gazetteer area place with an outline (tested against the outline, within
/// [`AREA_OVERFLIGHT_MARGIN_M`]), any other gazetteer name (with its radius, or the default) or coordinates (with
/// the default radius). A position phrase is resolved to its nominal point.
///
/// # Errors
/// As [`resolve_location`]; [`crate::Error::Land`] if the embedded outlines cannot be read.
///
/// # Example
/// ```
/// use groundtrack::places::Gazetteer;
/// use groundtrack::report::resolve_overflight;
/// let o = resolve_overflight("Cape Erimo", Gazetteer::embedded(), 1.0).unwrap();
/// assert_eq!((o.radius_m, o.radius_source), (20_000.0, "gazetteer"));
/// let a = resolve_overflight("the Oshima Peninsula", Gazetteer::embedded(), 1.0).unwrap();
/// assert_eq!(a.radius_source, "outline");
/// assert!(a.outline.is_some());
/// ```
pub fn resolve_overflight(
    text: &str,
    gazetteer: &Gazetteer,
    tolerance_scale: f64,
) -> crate::Result<Overflight> {
    if let Ok(LocationSpec::PlaceName(name)) = parse_location(text, tolerance_scale) {
        let place = gazetteer.lookup(&name)?;
        let outline = match place.kind {
            PlaceKind::Area => AreaOutline::embedded(&place.name)?,
            _ => None,
        };
        let (radius_m, radius_source) = match (&outline, place.radius_m) {
            (Some(_), _) => (AREA_OVERFLIGHT_MARGIN_M, "outline"),
            (None, Some(r)) => (r, "gazetteer"),
            (None, None) => (DEFAULT_OVERFLIGHT_RADIUS_M, "default"),
        };
        return Ok(Overflight {
            text: text.to_string(),
            name: place.name.clone(),
            point: place.point,
            radius_m,
            radius_source,
            outline,
        });
    }
    let loc = resolve_location(text, gazetteer, tolerance_scale)?;
    Ok(Overflight {
        text: text.to_string(),
        name: loc.name,
        point: loc.point,
        radius_m: DEFAULT_OVERFLIGHT_RADIUS_M,
        radius_source: "default",
        outline: None,
    })
}
