//! The embedded country polygons and point-in-polygon look-up.

use std::sync::OnceLock;

use geo::{BoundingRect, Contains};
use geo_types::{Coord, MultiPolygon, Point, Polygon, Rect};

use super::LandError;

/// The embedded GeoJSON of Natural Earth 1:50m countries (see `data/land/README.md`).
const EMBEDDED_GEOJSON: &str = include_str!("../../data/land/countries-50m.geojson");

/// One country: its name and its outline (one or more polygons, exterior rings counter-clockwise).
#[derive(Debug, Clone)]
pub struct Country {
    /// Natural Earth's short name ("Japan", "North Korea", "Russia").
    pub name: String,
    /// ISO 3166-1 numeric code as text ("392" for Japan), `None` where Natural Earth gives none.
    pub iso_n3: Option<String>,
    /// The outline in longitude/latitude degrees, within [-180, 180] (pieces cut at the antimeridian).
    pub shape: MultiPolygon<f64>,
    /// Bounding box of each polygon of `shape`, in the same order (for a quick reject).
    parts: Vec<Rect<f64>>,
    /// Bounding box of the whole country.
    bounds: Option<Rect<f64>>,
}

impl Country {
    /// Builds a country from its name, code and outline; the bounding boxes are computed here.
    ///
    /// # Example
    /// ```
    /// use geo_types::{MultiPolygon, Point, polygon};
    /// use groundtrack::land::Country;
    /// let square = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
    /// let c = Country::new("Square", None, MultiPolygon::new(vec![square]));
    /// assert!(c.contains(Point::new(0.5, 0.5)));
    /// assert!(!c.contains(Point::new(1.5, 0.5)));
    /// ```
    pub fn new(name: &str, iso_n3: Option<String>, shape: MultiPolygon<f64>) -> Country {
        let parts = shape.0.iter().filter_map(|p| p.bounding_rect()).collect();
        let bounds = shape.bounding_rect();
        Country { name: name.to_string(), iso_n3, shape, parts, bounds }
    }

    /// Whether the point (lon, lat degrees; longitude reduced to [-180, 180)) lies inside the outline.
    ///
    /// Points exactly on an edge count as outside (they are a measure-zero set at the source's 200-400 m
    /// precision). Longitude is reduced first, so 190 and -170 give the same answer.
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::land::Countries;
    /// let japan = Countries::embedded().unwrap().by_name("Japan").unwrap();
    /// assert!(japan.contains(Point::new(142.0, 43.0))); // central Hokkaido
    /// assert!(!japan.contains(Point::new(135.0, 40.0))); // Sea of Japan
    /// ```
    pub fn contains(&self, p: Point<f64>) -> bool {
        let c = Coord { x: crate::geodesy::normalize_longitude(p.x()), y: p.y() };
        // At longitude -180 the point is also tested as +180: cut pieces of Russia and Fiji end there.
        let alternatives: &[Coord<f64>] =
            if c.x == -180.0 { &[c, Coord { x: 180.0, y: c.y }] } else { std::slice::from_ref(&c) };
        alternatives.iter().any(|c| {
            self.bounds.is_some_and(|b| rect_has(&b, c))
                && self.shape.0.iter().zip(&self.parts).any(|(poly, r)| rect_has(r, c) && poly_has(poly, c))
        })
    }

    /// Bounding box of the whole outline, or `None` for an empty outline.
    ///
    /// # Example
    /// ```
    /// use groundtrack::land::Countries;
    /// let b = Countries::embedded().unwrap().by_name("Japan").unwrap().bounds().unwrap();
    /// assert!(b.min().x > 122.0 && b.max().x < 154.0);
    /// ```
    pub fn bounds(&self) -> Option<Rect<f64>> {
        self.bounds
    }
}

fn rect_has(r: &Rect<f64>, c: &Coord<f64>) -> bool {
    c.x >= r.min().x && c.x <= r.max().x && c.y >= r.min().y && c.y <= r.max().y
}

fn poly_has(poly: &Polygon<f64>, c: &Coord<f64>) -> bool {
    poly.contains(c)
}

/// A set of country outlines.
#[derive(Debug, Clone, Default)]
pub struct Countries {
    countries: Vec<Country>,
}

impl Countries {
    /// The embedded Natural Earth 1:50m countries (241 outlines), parsed once on first use.
    ///
    /// # Errors
    /// [`LandError::Data`] if the embedded file cannot be read (a build defect; the test suite reads it).
    ///
    /// # Example
    /// ```
    /// use groundtrack::land::Countries;
    /// let all = Countries::embedded().unwrap();
    /// assert!(all.countries().len() > 200);
    /// assert!(all.by_name("North Korea").is_some());
    /// ```
    pub fn embedded() -> Result<&'static Countries, LandError> {
        static EMBEDDED: OnceLock<Result<Countries, LandError>> = OnceLock::new();
        EMBEDDED.get_or_init(|| Countries::from_geojson(EMBEDDED_GEOJSON)).as_ref().map_err(Clone::clone)
    }

    /// Reads country outlines from a GeoJSON FeatureCollection whose features have a Polygon or MultiPolygon
    /// geometry and a `name` property (and optionally `iso_n3`), as written by `scripts/convert_countries.py`.
    ///
    /// # Errors
    /// [`LandError::Data`] naming the feature for text that is not a FeatureCollection, a feature without a
    /// name, or a geometry that is not a (Multi)Polygon of finite coordinates within [-180, 180] × [-90, 90].
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::land::Countries;
    /// let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Square"},
    ///   "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}}]}"#;
    /// let c = Countries::from_geojson(text).unwrap();
    /// assert_eq!(c.country_at(Point::new(0.5, 0.5)).unwrap().name, "Square");
    /// assert!(Countries::from_geojson("{}").is_err());
    /// ```
    pub fn from_geojson(text: &str) -> Result<Countries, LandError> {
        let fc: geojson::FeatureCollection =
            text.parse().map_err(|e| LandError::Data(format!("not a GeoJSON FeatureCollection: {e}")))?;
        let mut countries = Vec::with_capacity(fc.features.len());
        for (i, f) in fc.features.iter().enumerate() {
            let name = f
                .property("name")
                .and_then(|v| v.as_str())
                .ok_or_else(|| LandError::Data(format!("feature {i} has no name")))?;
            let iso_n3 = f.property("iso_n3").and_then(|v| v.as_str()).map(str::to_string);
            let geometry =
                f.geometry.as_ref().ok_or_else(|| LandError::Data(format!("{name}: no geometry")))?;
            let shape: MultiPolygon<f64> = match geo_types::Geometry::<f64>::try_from(geometry.clone()) {
                Ok(geo_types::Geometry::Polygon(p)) => MultiPolygon::new(vec![p]),
                Ok(geo_types::Geometry::MultiPolygon(m)) => m,
                Ok(_) => return Err(LandError::Data(format!("{name}: not a Polygon or MultiPolygon"))),
                Err(e) => return Err(LandError::Data(format!("{name}: {e}"))),
            };
            let bad = shape
                .0
                .iter()
                .flat_map(|p| p.exterior().0.iter().chain(p.interiors().iter().flat_map(|r| r.0.iter())))
                .find(|c| !(c.x.is_finite() && c.y.is_finite() && c.x.abs() <= 180.0 && c.y.abs() <= 90.0));
            if let Some(c) = bad {
                return Err(LandError::Data(format!(
                    "{name}: position [{}, {}] is not a longitude in [-180, 180] and latitude in [-90, 90]",
                    c.x, c.y
                )));
            }
            countries.push(Country::new(name, iso_n3, shape));
        }
        Ok(Countries { countries })
    }

    /// A set of the given outlines, in that order.
    ///
    /// # Example
    /// ```
    /// use geo_types::{MultiPolygon, Point, polygon};
    /// use groundtrack::land::{Countries, Country};
    /// let square = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
    /// let set = Countries::from_list(vec![Country::new("Square", None, MultiPolygon::new(vec![square]))]);
    /// assert_eq!(set.country_at(Point::new(0.5, 0.5)).unwrap().name, "Square");
    /// ```
    pub fn from_list(countries: Vec<Country>) -> Countries {
        Countries { countries }
    }

    /// All outlines, in the file's order (sorted by name for the embedded file).
    ///
    /// # Example
    /// ```
    /// use groundtrack::land::Countries;
    /// assert!(Countries::embedded().unwrap().countries().iter().any(|c| c.name == "Japan"));
    /// ```
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The country of that exact name (case-sensitive), if any.
    ///
    /// # Example
    /// ```
    /// use groundtrack::land::Countries;
    /// assert_eq!(Countries::embedded().unwrap().by_name("Japan").unwrap().iso_n3.as_deref(), Some("392"));
    /// ```
    pub fn by_name(&self, name: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.name == name)
    }

    /// The country whose outline contains the point (lon, lat degrees), or `None` over the sea.
    ///
    /// Bounding boxes of countries and of their polygons are tested first, then the polygon itself (crossing
    /// number, `geo`'s `Contains`). Where two outlines overlap (disputed areas) the first in file order wins.
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::land::Countries;
    /// let all = Countries::embedded().unwrap();
    /// assert_eq!(all.country_at(Point::new(125.67, 39.22389)).unwrap().name, "North Korea"); // Sunan
    /// assert!(all.country_at(Point::new(150.0, 40.0)).is_none()); // the Pacific
    /// ```
    pub fn country_at(&self, p: Point<f64>) -> Option<&Country> {
        self.countries.iter().find(|c| c.contains(p))
    }
}
