//! The GeoJSON of `groundtrack check --geojson`: launch, readings, best estimate, overflight places, tracks and
//! the feasible region as one FeatureCollection (RFC 7946).

use std::path::Path;

use geo_types::Point;
use geojson::{Feature, FeatureCollection};
use serde_json::json;

use super::{
    Properties, feature, feature_collection, path_geometry, point_feature, ring_geometry, write_geojson,
};
use crate::geodesy::{EarthModel, Ellipsoid, Rhumb};
use crate::report::{CheckReport, ReadingKind};

/// The largest distance, metres, between a drawn straight lon/lat segment and the true line it stands for.
pub const MAX_DEVIATION_M: f64 = 1000.0;

fn props(role: &str, name: &str, extra: serde_json::Value) -> Properties {
    let mut p = Properties::new();
    p.insert("role".into(), role.into());
    p.insert("name".into(), name.into());
    if let serde_json::Value::Object(m) = extra {
        p.extend(m);
    }
    p
}

fn line<M: EarthModel>(model: &M, from: Point<f64>, to: Point<f64>, p: Properties) -> crate::Result<Feature> {
    Ok(feature(&path_geometry(model, &[from, to], MAX_DEVIATION_M)?, p))
}

/// Builds the FeatureCollection of a check.
///
/// Features and their `role` property: `launch` (point; with `time_utc`, `local_time`, `local_date`,
/// `time_zone` and `utc_offset` when the report gives a launch time), `reference` (the phrase's reference place), `reading`
/// (each literal reading's impact point, and its line from the reference place: a geodesic or a rhumb line),
/// `estimate` (best estimate, or the point of least miss when infeasible; with the impact's time properties when
/// an impact time is stated or estimated), `overflight` (each place, with its radius), `overflight area` (the
/// outline an area place's overflight is tested against, a Polygon per part, Natural Earth 1:50m, with
/// `margin_km`), `track` (the launch-to-estimate geodesic, and the track of each reading) and `region` (the feasible
/// region as a Polygon or MultiPolygon). Lines are densified to within [`MAX_DEVIATION_M`] of the true line
/// and cut at the antimeridian.
///
/// # Errors
/// [`crate::Error::Geodesy`] if a line cannot be computed.
///
/// # Example
/// ```
/// use groundtrack::places::Gazetteer;
/// use groundtrack::report::{CheckOptions, ReportFile, check_report};
/// let file = ReportFile::load("data/scenarios/2017-08-29-hwasong-12.toml".as_ref()).unwrap();
/// let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
/// let fc = groundtrack::output::check_geojson::feature_collection_of(&report).unwrap();
/// assert!(fc.features.iter().any(|f| f.properties.as_ref().unwrap()["role"] == "region"));
/// ```
pub fn feature_collection_of(r: &CheckReport) -> crate::Result<FeatureCollection> {
    let ellipsoid = Ellipsoid::wgs84();
    let launch = Point::new(r.launch.lon, r.launch.lat);
    let best = Point::new(r.region.best.lon, r.region.best.lat);
    let launch_clock = r.clock.as_ref().and_then(|c| c.launch.as_ref());
    let impact_clock = r.clock.as_ref().and_then(|c| c.impact.as_ref());
    let mut features =
        vec![point_feature(launch, props("launch", &r.launch.name, time_properties(launch_clock)))];
    if let Some(a) = &r.impact_anchor {
        let anchor = Point::new(a.lon, a.lat);
        features.push(point_feature(anchor, props("reference", &a.name, json!({"phrase": r.impact_text}))));
        for rd in &r.readings {
            let p = Point::new(rd.lon, rd.lat);
            let kind = match rd.kind {
                ReadingKind::Geodesic => "geodesic",
                ReadingKind::Rhumb => "rhumb",
            };
            let name = format!("{kind} reading of \"{}\"", r.impact_text);
            let figures = json!({"kind": kind, "range_km": rd.range_km, "overflights": rd.overflights});
            features.push(point_feature(p, props("reading", &name, figures.clone())));
            let from_anchor = props("reading", &format!("{kind} from {}", a.name), json!({"kind": kind}));
            features.push(match rd.kind {
                ReadingKind::Geodesic => line(&ellipsoid, anchor, p, from_anchor)?,
                ReadingKind::Rhumb => line(&Rhumb::wgs84(), anchor, p, from_anchor)?,
            });
            features.push(line(
                &ellipsoid,
                launch,
                p,
                props("track", &format!("track to the {name}"), figures),
            )?);
        }
    }
    let estimate_name = if r.region.feasible { "best estimate" } else { "point of least miss (infeasible)" };
    let figures = json!({"range_km": r.region.best.range_km, "rule": r.region.best.rule, "feasible": r.region.feasible});
    let mut estimate_props = props("estimate", estimate_name, figures.clone());
    if let serde_json::Value::Object(m) = time_properties(impact_clock) {
        estimate_props.extend(m);
    }
    features.push(point_feature(best, estimate_props));
    features.push(line(
        &ellipsoid,
        launch,
        best,
        props("track", &format!("track to the {estimate_name}"), figures),
    )?);
    for o in &r.overflight_places {
        let extra = json!({"radius_km": o.radius_km, "radius_source": o.radius_source,
            "outline_vertices": o.outline_vertices});
        features.push(point_feature(Point::new(o.lon, o.lat), props("overflight", &o.name, extra)));
        if o.outline_vertices.is_some()
            && let Some(area) = crate::land::AreaOutline::embedded(&o.name)?
        {
            let extra = json!({"margin_km": o.radius_km, "source": "Natural Earth 1:50m"});
            for polygon in &area.shape().0 {
                let ring: Vec<Point<f64>> = polygon.exterior().points().collect();
                features.push(feature(
                    &ring_geometry(&ring, false, false)?,
                    props("overflight area", &o.name, extra.clone()),
                ));
            }
        }
    }
    for ring in &r.region.rings {
        let extra = json!({"feasible": true, "area_km2": r.region.area_km2, "verdict": r.verdict});
        let (north, south) = poles_inside(ring);
        let p = props("region", "feasible impact region", extra);
        // A region one grid column wide has no area: draw its outline as a line instead of a polygon.
        features.push(match ring_geometry(ring, north, south) {
            Ok(polygon) => feature(&polygon, p),
            Err(_) => feature(&path_geometry(&ellipsoid, ring, MAX_DEVIATION_M)?, p),
        });
    }
    features.extend(crate::land::stretch_features(&r.land)?);
    Ok(feature_collection(features))
}

/// The time properties of an end (empty without a time): `time_utc` (RFC 3339), `local_time` (RFC 3339 with the
/// end's offset, "2017-08-29T05:28:00+08:30"), `local_date`,
/// `time_zone` (IANA name or nautical zone), `utc_offset` ("+08:30") and, for an impact time estimated from the
/// launch time, `time_estimated` (how).
fn time_properties(e: Option<&crate::report::EndClock>) -> serde_json::Value {
    match e {
        None => json!({}),
        Some(e) => {
            let mut v = json!({
                "time_utc": e.utc,
                // RFC 3339 with the local offset: GIS readers (GDAL) take it as a date-time and keep it as is.
                "local_time": format!("{}{}", e.local.replacen(' ', "T", 1), e.utc_offset),
                "local_date": e.local_date,
                "time_zone": e.zone,
                "utc_offset": e.utc_offset,
            });
            if let (Some(how), serde_json::Value::Object(m)) = (&e.estimated, &mut v) {
                m.insert("time_estimated".into(), how.clone().into());
            }
            v
        }
    }
}

/// Which pole a region's outline ring contains: none when the ring does not go around the earth's axis (its
/// longitude changes by 0 in total, the changes between vertices taken the short way round); otherwise the pole
/// the ring comes closer to (a feasible region lies within half a meridian of its reference place, so it never
/// holds both poles, and a ring around the axis bounds the cap on the side of the pole it approaches).
fn poles_inside(ring: &[Point<f64>]) -> (bool, bool) {
    let total: f64 = ring
        .iter()
        .zip(ring.iter().cycle().skip(1))
        .map(|(a, b)| crate::geodesy::normalize_longitude(b.x() - a.x()))
        .sum();
    if (total / 360.0).round() == 0.0 {
        return (false, false);
    }
    let (lo, hi) = ring.iter().fold((90f64, -90f64), |(lo, hi), p| (lo.min(p.y()), hi.max(p.y())));
    if hi >= -lo { (true, false) } else { (false, true) }
}

/// Writes the FeatureCollection of a check to `path`, atomically (temporary file, then rename).
///
/// # Errors
/// [`crate::Error::Io`] naming the path if it cannot be written; [`crate::Error::Geodesy`] as
/// [`feature_collection_of`].
///
/// # Example
/// ```
/// use groundtrack::places::Gazetteer;
/// use groundtrack::report::{CheckOptions, ReportFile, check_report};
/// let file = ReportFile::load("data/scenarios/2017-08-29-hwasong-12.toml".as_ref()).unwrap();
/// let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
/// let dir = tempfile::tempdir().unwrap();
/// groundtrack::output::check_geojson::write(&dir.path().join("check.geojson"), &report).unwrap();
/// ```
pub fn write(path: &Path, r: &CheckReport) -> crate::Result<()> {
    write_geojson(path, &feature_collection_of(r)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_around_a_pole_are_recognised() {
        let cap = |lat: f64| -> Vec<Point<f64>> {
            (0..36).map(|i| Point::new(-170.0 + 10.0 * i as f64, lat)).collect()
        };
        assert_eq!(poles_inside(&cap(80.0)), (true, false));
        assert_eq!(poles_inside(&cap(-75.0)), (false, true));
        let mut reversed = cap(80.0);
        reversed.reverse();
        assert_eq!(poles_inside(&reversed), (true, false));
        let square = [
            Point::new(170.0, 0.0),
            Point::new(190.0, 0.0),
            Point::new(190.0, 10.0),
            Point::new(170.0, 10.0),
        ];
        assert_eq!(poles_inside(&square), (false, false));
    }

    /// Regression: a feasible region around the North Pole ("about 5,000 km north of Cape Erimo": 4,500 to
    /// 5,500 km, past the pole) made `check --geojson` fail with "a ring that goes once around the earth's axis
    /// contains exactly one pole".
    #[test]
    fn a_region_around_the_pole_is_written() {
        use crate::places::Gazetteer;
        use crate::report::{CheckOptions, ReportFile, check_report};
        let text = "launch = \"Sunan\"\nimpact = \"about 5,000 km north of Cape Erimo\"\n";
        let file = ReportFile::from_bytes("pole.toml".as_ref(), text.as_bytes()).unwrap();
        let report = check_report(&file, Gazetteer::embedded(), &CheckOptions::default()).unwrap();
        let fc = feature_collection_of(&report).unwrap();
        let region = fc.features.iter().find(|f| f.properties.as_ref().unwrap()["role"] == "region").unwrap();
        let json = serde_json::to_string(region).unwrap();
        assert!(json.contains(",90.0]"), "the polygon is closed along the pole: {json}");
    }
}
