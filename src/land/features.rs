//! Land stretches as GeoJSON features (role `land`), for maps and exports.

use geojson::Feature;
use serde_json::json;

use super::LandStretch;
use crate::geodesy::Ellipsoid;
use crate::output::{Properties, feature, path_geometry};

/// One LineString feature per stretch, along the geodesic from entry to exit (densified to within 1 km and cut
/// at the antimeridian, as every groundtrack line), with properties `role` = `land`, `name` = the country,
/// `iso_n3`, `entry_along_km`, `exit_along_km`, `length_km`, `entry_time_s`, `exit_time_s`.
///
/// # Errors
/// [`crate::Error::Geodesy`] if a line cannot be computed.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::land::{overflights, stretch_features};
/// let s = overflights(Point::new(125.67, 39.22389), Point::new(157.51, 42.07)).unwrap();
/// let f = stretch_features(&s).unwrap();
/// assert_eq!(f.len(), s.len());
/// assert_eq!(f[1].property("name").unwrap(), "Japan");
/// assert_eq!(f[1].property("role").unwrap(), "land");
/// ```
pub fn stretch_features(stretches: &[LandStretch]) -> crate::Result<Vec<Feature>> {
    let e = Ellipsoid::wgs84();
    stretches
        .iter()
        .map(|s| {
            let mut p = Properties::new();
            p.insert("role".into(), "land".into());
            p.insert("name".into(), s.country.clone().into());
            p.insert("iso_n3".into(), json!(s.iso_n3));
            p.insert("entry_along_km".into(), json!(s.entry_along_m / 1000.0));
            p.insert("exit_along_km".into(), json!(s.exit_along_m / 1000.0));
            p.insert("length_km".into(), json!(s.length_m() / 1000.0));
            p.insert("entry_time_s".into(), json!(s.entry_time_s));
            p.insert("exit_time_s".into(), json!(s.exit_time_s));
            Ok(feature(&path_geometry(&e, &[s.entry, s.exit], 1000.0)?, p))
        })
        .collect()
}
