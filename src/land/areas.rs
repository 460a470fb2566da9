//! Outlines of the gazetteer's area places (peninsulas, islands), for overflight tests by polygon.

use std::sync::OnceLock;

use geo_types::Point;

use super::{Countries, LandError, LandStretch, OverflightOptions, land_stretches};
use crate::geodesy::EarthModel;

/// The embedded area outlines (see `data/land/README.md` and `scripts/make_areas.py`).
const EMBEDDED_AREAS: &str = include_str!("../../data/land/areas.geojson");

impl Countries {
    /// The outlines of the gazetteer's area places that have one, named as in `data/places.csv`: Hokkaido,
    /// Okushiri Island, Okinawa Island, Miyako Island (Japan's 1:50m island polygons) and the Oshima Peninsula
    /// (Hokkaido south-west of the Suttsu-Oshamambe line). Outlines may overlap (the peninsula lies in
    /// Hokkaido), so test them one at a time ([`area_stretches`]), not with [`Countries::country_at`].
    ///
    /// # Errors
    /// [`LandError::Data`] if the embedded file cannot be read (a build defect; the tests read it).
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::land::Countries;
    /// let areas = Countries::areas().unwrap();
    /// assert!(areas.by_name("Oshima Peninsula").unwrap().contains(Point::new(140.3, 41.85)));
    /// assert!(!areas.by_name("Oshima Peninsula").unwrap().contains(Point::new(141.35, 43.06))); // Sapporo
    /// ```
    pub fn areas() -> Result<&'static Countries, LandError> {
        static AREAS: OnceLock<Result<Countries, LandError>> = OnceLock::new();
        AREAS.get_or_init(|| Countries::from_geojson(EMBEDDED_AREAS)).as_ref().map_err(Clone::clone)
    }

    /// A set holding only the outline of that name, if there is one.
    ///
    /// # Example
    /// ```
    /// use groundtrack::land::Countries;
    /// let japan = Countries::embedded().unwrap().only("Japan").unwrap();
    /// assert_eq!(japan.countries().len(), 1);
    /// assert!(Countries::embedded().unwrap().only("Atlantis").is_none());
    /// ```
    pub fn only(&self, name: &str) -> Option<Countries> {
        self.by_name(name).map(|c| Countries::from_list(vec![c.clone()]))
    }
}

/// The stretches of a track over one area place's outline, or `None` when the area has no outline (the caller
/// then falls back on the place's radius).
///
/// Inputs: as [`land_stretches`], and the area's gazetteer name (exact, as in `data/places.csv`). Output: the
/// stretches over that outline, each named after the area; an empty list when the track misses it. Method and
/// accuracy as [`land_stretches`].
///
/// # Errors
/// As [`land_stretches`]; [`LandError::Data`] if the embedded outlines cannot be read.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::land::{OverflightOptions, area_stretches};
/// let track = [Point::new(125.67, 39.22389), Point::new(157.51, 42.07)];
/// let o = OverflightOptions::default();
/// let over = area_stretches(&Ellipsoid::wgs84(), &track, "Oshima Peninsula", &o).unwrap().unwrap();
/// assert_eq!(over.len(), 2);
/// assert!(area_stretches(&Ellipsoid::wgs84(), &track, "Tohoku", &o).unwrap().is_none());
/// ```
pub fn area_stretches<M: EarthModel + ?Sized>(
    model: &M,
    vertices: &[Point<f64>],
    area: &str,
    options: &OverflightOptions,
) -> Result<Option<Vec<LandStretch>>, LandError> {
    let Some(outline) = Countries::areas()?.only(area) else {
        return Ok(None);
    };
    land_stretches(model, vertices, &outline, options).map(Some)
}
