//! The embedded country outlines: complete, oriented as RFC 7946 asks, and placing known points right.

use geo::Winding;
use geo_types::Point;
use groundtrack::land::Countries;

#[test]
fn the_embedded_file_holds_every_natural_earth_country() {
    let all = Countries::embedded().unwrap();
    // world-atlas 2.0.2 countries-50m.json has 241 geometries in objects.countries:
    // python3 -c "import json; print(len(json.load(open('countries-50m.json'))['objects']['countries']['geometries']))"
    assert_eq!(all.countries().len(), 241);
    for c in all.countries() {
        assert!(!c.shape.0.is_empty(), "{}", c.name);
    }
}

#[test]
fn rings_are_rewound_for_geojson() {
    // RFC 7946 sec. 3.1.6: exterior rings counter-clockwise, holes clockwise (world-atlas has them the other way).
    for c in Countries::embedded().unwrap().countries() {
        for p in &c.shape.0 {
            assert!(p.exterior().is_ccw(), "{} exterior", c.name);
            for hole in p.interiors() {
                assert!(hole.is_cw(), "{} hole", c.name);
            }
            for coord in p.exterior().0.iter() {
                assert!(coord.x.abs() <= 180.0 && coord.y.abs() <= 90.0, "{}", c.name);
            }
        }
    }
}

#[test]
fn known_places_fall_in_their_country() {
    let all = Countries::embedded().unwrap();
    // Coordinates from data/places.csv and shared/cases/landmarks.md (Wikipedia, city halls).
    let cases = [
        ((125.67, 39.22389), Some("North Korea")), // Sunan
        ((140.30, 41.85), Some("Japan")),          // Oshima Peninsula (gazetteer centre)
        ((141.3544, 43.0621), Some("Japan")),      // Sapporo
        ((140.74694, 40.82278), Some("Japan")),    // Aomori, Honshu
        ((127.67917, 26.21222), Some("Japan")),    // Naha, Okinawa
        ((139.0, 41.0), None),                     // Sea of Japan west of the Tsugaru Strait
        ((140.5, 41.5), None),                     // Tsugaru Strait
        ((2.3522, 48.8566), Some("France")),       // Paris
        ((-179.5, 68.0), Some("Russia")),          // Chukotka east of the antimeridian cut
        ((179.5, 68.0), Some("Russia")),           // and west of it
        ((0.0, -85.0), Some("Antarctica")),        // inland Antarctica, closed along the pole
        ((178.0, -17.8), Some("Fiji")),            // Viti Levu
    ];
    for ((lon, lat), want) in cases {
        let got = all.country_at(Point::new(lon, lat)).map(|c| c.name.as_str());
        assert_eq!(got, want, "{lat} {lon}");
    }
}

#[test]
fn a_malformed_file_is_an_error() {
    assert!(Countries::from_geojson("not json").is_err());
    let no_name = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
        "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#;
    assert!(Countries::from_geojson(no_name).is_err());
    let point = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"P"},
        "geometry":{"type":"Point","coordinates":[0,0]}}]}"#;
    assert!(Countries::from_geojson(point).is_err());
    let out_of_range = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"X"},
        "geometry":{"type":"Polygon","coordinates":[[[0,0],[200,0],[1,1],[0,0]]]}}]}"#;
    assert!(Countries::from_geojson(out_of_range).is_err());
}
