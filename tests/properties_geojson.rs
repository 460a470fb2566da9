//! Property tests of the GeoJSON writer over random paths and rings (proptest, 10,000 cases each): whatever the
//! input, the written FeatureCollection (parsed back from the text `to_geojson_string` produces) has
//!
//! - longitudes in [-180, 180] and latitudes in [-90, 90], at most 7 decimals (RFC 7946 sec. 3.1.1, 11.2);
//! - no segment that jumps across the antimeridian: consecutive positions differ by at most 180 degrees of
//!   longitude, except for a run along a pole (latitude +-90) that closes a polygon around it; the parts of a cut
//!   line meet on the antimeridian (one ends at +-180, the next starts at the opposite edge, same latitude)
//!   (RFC 7946 sec. 3.1.9);
//! - closed polygon rings of at least four positions, exteriors counter-clockwise and holes clockwise in the
//!   lon/lat plane (RFC 7946 sec. 3.1.6), by the shoelace formula.
//!
//! Paths are random vertices with longitudes in [-540, 540] (poles included), joined by geodesics or rhumb lines;
//! rings are random star-shaped rings around a centre, smooth (distances interpolated between up to 12 random
//! control distances; a spike between two straight lon/lat segments near a pole would cross the ring) (vertices at decreasing or increasing azimuth, at random
//! distances), given with unwrapped or with normalised longitudes, near the antimeridian half of the time, and
//! around a pole in a fifth of the cases.

use geo_types::Point;
use groundtrack::geodesy::{EarthModel, Ellipsoid, Rhumb, normalize_longitude};
use groundtrack::output::{feature, feature_collection, path_geometry, ring_geometry, to_geojson_string};
use proptest::prelude::*;
use serde_json::Value;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() }
}

/// The positions of a JSON coordinate array of positions.
fn positions(v: &Value) -> Result<Vec<(f64, f64)>, String> {
    let arr = v.as_array().ok_or("positions are not an array")?;
    arr.iter()
        .map(|p| {
            let lon = p.get(0).and_then(Value::as_f64).ok_or("no longitude")?;
            let lat = p.get(1).and_then(Value::as_f64).ok_or("no latitude")?;
            if p.as_array().is_some_and(|a| a.len() != 2) {
                return Err(format!("position {p} has not two values"));
            }
            Ok((lon, lat))
        })
        .collect()
}

/// Digits after the decimal point in the shortest representation of `v` (what serde_json writes).
fn decimals(v: f64) -> usize {
    let s = format!("{v}");
    s.split_once('.').map_or(0, |(_, f)| f.len())
}

/// Range, precision and no jump across the antimeridian, for one line or ring.
fn check_positions(ps: &[(f64, f64)]) -> Result<(), String> {
    for &(lon, lat) in ps {
        if !((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)) {
            return Err(format!("position ({lon}, {lat}) out of range"));
        }
        if decimals(lon) > 7 || decimals(lat) > 7 {
            return Err(format!("position ({lon}, {lat}) has more than 7 decimals"));
        }
    }
    for w in ps.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let along_pole = y0 == y1 && y0.abs() == 90.0;
        if (x1 - x0).abs() > 180.0 && !along_pole {
            return Err(format!("segment ({x0}, {y0}) -> ({x1}, {y1}) jumps across the antimeridian"));
        }
    }
    Ok(())
}

/// Twice the signed area of a closed ring in the lon/lat plane (positive: counter-clockwise).
fn shoelace(ps: &[(f64, f64)]) -> f64 {
    ps.windows(2).map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1).sum()
}

fn check_polygon(rings: &Value) -> Result<(), String> {
    let rings = rings.as_array().ok_or("polygon is not an array of rings")?;
    if rings.is_empty() {
        return Err("polygon without rings".into());
    }
    for (k, ring) in rings.iter().enumerate() {
        let ps = positions(ring)?;
        check_positions(&ps)?;
        if ps.len() < 4 || ps.first() != ps.last() {
            return Err(format!("ring {k} not closed or shorter than 4 positions: {ps:?}"));
        }
        let area = shoelace(&ps);
        if (k == 0 && area <= 0.0) || (k > 0 && area >= 0.0) {
            return Err(format!("ring {k} has signed area {area}: exteriors must be CCW, holes CW"));
        }
    }
    Ok(())
}

/// Checks every geometry of a written FeatureCollection.
fn check_written(text: &str) -> Result<(), String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    for f in doc["features"].as_array().ok_or("no features")? {
        let g = &f["geometry"];
        let c = &g["coordinates"];
        match g["type"].as_str() {
            Some("LineString") => check_positions(&positions(c)?)?,
            Some("MultiLineString") => {
                let parts: Vec<Vec<(f64, f64)>> =
                    c.as_array().ok_or("parts")?.iter().map(positions).collect::<Result<_, _>>()?;
                for p in &parts {
                    check_positions(p)?;
                }
                for w in parts.windows(2) {
                    let (end, start) = (w[0].last().ok_or("empty part")?, w[1].first().ok_or("empty part")?);
                    if end.0.abs() != 180.0 || start.0 != -end.0 || start.1 != end.1 {
                        return Err(format!("parts do not meet on the antimeridian: {end:?} then {start:?}"));
                    }
                }
            }
            Some("Polygon") => check_polygon(c)?,
            Some("MultiPolygon") => {
                for p in c.as_array().ok_or("polygons")? {
                    check_polygon(p)?;
                }
            }
            other => return Err(format!("unexpected geometry {other:?}")),
        }
    }
    Ok(())
}

fn vertex() -> impl Strategy<Value = Point<f64>> {
    let lat = prop_oneof![10 => -90.0..=90.0_f64, 1 => prop_oneof![Just(90.0), Just(-90.0), Just(0.0)]];
    let lon = prop_oneof![3 => -540.0..=540.0_f64, 1 => prop_oneof![Just(180.0), Just(-180.0), 179.0..181.0]];
    (lat, lon).prop_map(|(lat, lon)| Point::new(lon, lat))
}

/// `n` distances around a circle, interpolated linearly between control distances spread evenly around it (so the
/// ring has no spikes: the vertices follow a smooth outline, which the straight lon/lat segments then follow too,
/// as `ring_geometry` requires of its input).
fn smooth(controls: &[f64], n: usize) -> Vec<f64> {
    let k = controls.len();
    (0..n)
        .map(|i| {
            let t = i as f64 * k as f64 / n as f64;
            let (j, f) = (t.floor() as usize % k, t.fract());
            controls[j] * (1.0 - f) + controls[(j + 1) % k] * f
        })
        .collect()
}

/// A star-shaped ring: `n` vertices at azimuths 360·i/n from the centre (clockwise when `clockwise`), at the given
/// distances; longitudes unwrapped (consecutive ones within 180 degrees) or normalised.
fn star(centre: Point<f64>, radii_m: &[f64], clockwise: bool, unwrapped: bool) -> Vec<Point<f64>> {
    let g = Ellipsoid::wgs84();
    let n = radii_m.len();
    let mut out: Vec<Point<f64>> = Vec::with_capacity(n);
    for (i, &r) in radii_m.iter().enumerate() {
        let azi = 360.0 * i as f64 / n as f64;
        let p = g.direct(centre, if clockwise { azi } else { -azi }, r).unwrap().point;
        let x = match out.last() {
            Some(prev) if unwrapped => prev.x() + normalize_longitude(p.x() - prev.x()),
            _ => p.x(),
        };
        out.push(Point::new(x, p.y()));
    }
    out
}

proptest! {
    #![proptest_config(config())]

    /// Paths of 1 to 4 vertices joined by geodesics or rhumb lines.
    #[test]
    fn written_paths_stay_on_the_map(
        vertices in prop::collection::vec(vertex(), 1..5),
        rhumb in any::<bool>(),
        deviation_km in 5.0f64..200.0,
    ) {
        let g = if rhumb {
            path_geometry(&Rhumb::wgs84(), &vertices, deviation_km * 1e3)
        } else {
            path_geometry(&Ellipsoid::wgs84(), &vertices, deviation_km * 1e3)
        };
        let g = g.map_err(|e| TestCaseError::fail(format!("{vertices:?}: {e}")))?;
        let text = to_geojson_string(&feature_collection(vec![feature(&g, Default::default())]))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        check_written(&text).map_err(|m| TestCaseError::fail(format!("{vertices:?} (rhumb {rhumb}): {m}")))?;
    }

    /// Rings that bound no pole, near the antimeridian half of the time.
    #[test]
    fn written_rings_are_closed_and_counter_clockwise(
        lat in -60.0f64..60.0,
        lon in prop_oneof![-180.0f64..180.0, 170.0f64..190.0],
        controls_km in prop::collection::vec(50.0f64..1_500.0, 1..12),
        n in 8usize..120,
        clockwise in any::<bool>(),
        unwrapped in any::<bool>(),
    ) {
        let radii: Vec<f64> = smooth(&controls_km, n).iter().map(|r| r * 1e3).collect();
        let ring = star(Point::new(lon, lat), &radii, clockwise, unwrapped);
        let g = ring_geometry(&ring, false, false)
            .map_err(|e| TestCaseError::fail(format!("{ring:?}: {e}")))?;
        let text = to_geojson_string(&feature_collection(vec![feature(&g, Default::default())]))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        check_written(&text).map_err(|m| TestCaseError::fail(format!("centre ({lon}, {lat}): {m}")))?;
    }

    /// Rings around a pole: every vertex farther from the centre than the pole is, so the pole is inside; the
    /// polygon is closed along the pole's latitude.
    #[test]
    fn written_rings_around_a_pole_are_closed_and_counter_clockwise(
        colatitude in 0.5f64..8.0,
        south in any::<bool>(),
        lon in -180.0f64..180.0,
        extra_km in prop::collection::vec(300.0f64..1_500.0, 1..12),
        n in 90usize..180,
        clockwise in any::<bool>(),
        unwrapped in any::<bool>(),
    ) {
        let lat = if south { colatitude - 90.0 } else { 90.0 - colatitude };
        let centre = Point::new(lon, lat);
        let pole = Point::new(0.0, if south { -90.0 } else { 90.0 });
        let to_pole = Ellipsoid::wgs84().inverse(centre, pole).unwrap().distance_m;
        let radii: Vec<f64> = smooth(&extra_km, n).iter().map(|r| to_pole + r * 1e3).collect();
        let ring = star(centre, &radii, clockwise, unwrapped);
        let g = ring_geometry(&ring, !south, south)
            .map_err(|e| TestCaseError::fail(format!("centre ({lon}, {lat}): {e}")))?;
        let text = to_geojson_string(&feature_collection(vec![feature(&g, Default::default())]))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        check_written(&text).map_err(|m| TestCaseError::fail(format!("centre ({lon}, {lat}): {m}")))?;
        let pole_lat = if south { "-90" } else { "90" };
        prop_assert!(text.contains(&format!(",{pole_lat}]")) || text.contains(&format!(",{pole_lat}.0]")),
            "the polygon is not closed along the pole: {}", text.chars().take(300).collect::<String>());
    }
}

/// The checker is not blind: each rule rejects a geometry that breaks it.
#[test]
fn the_checker_rejects_what_it_should() {
    let fc = |geometry: &str| {
        format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{}},"geometry":{geometry}}}]}}"#
        )
    };
    for (bad, why) in [
        (r#"{"type":"LineString","coordinates":[[179.5,47.0],[-179.5,47.4]]}"#, "jumps"),
        (r#"{"type":"LineString","coordinates":[[180.5,47.0],[179.5,47.4]]}"#, "out of range"),
        (r#"{"type":"LineString","coordinates":[[10.12345678,47.0],[11,47.4]]}"#, "7 decimals"),
        (r#"{"type":"MultiLineString","coordinates":[[[170,1],[180,2]],[[-180,3],[-170,4]]]}"#, "meet"),
        (r#"{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}"#, "CCW"),
        (r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#, "closed"),
        (
            r#"{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[2,1],[2,2],[1,2],[1,1]]]}"#,
            "holes CW",
        ),
    ] {
        let err = check_written(&fc(bad)).expect_err(bad);
        assert!(err.contains(why), "{bad}: {err}");
    }
    let good = r#"{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,2],[2,2],[2,1],[1,1]]]}"#;
    check_written(&fc(good)).unwrap();
    let along_pole = r#"{"type":"Polygon","coordinates":[[[-180,80],[-90,80],[0,80],[90,80],[180,80],[180,90],[-180,90],[-180,80]]]}"#;
    check_written(&fc(along_pole)).unwrap();
}
