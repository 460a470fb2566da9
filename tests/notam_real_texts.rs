//! Vertex lists and coordinates from real navigation warnings and NOTAMs, quoted as published.
//!
//! Expected values are the published degrees, minutes and seconds converted by hand arithmetic (d + m/60 + s/3600,
//! written out in each test), and geodesic lengths from GeographicLib's GeodSolve (command next to each value).

use geo_types::Point;
use groundtrack::geodesy::{EarthModel, Ellipsoid};
use groundtrack::parse::{parse_notam_coordinate, parse_vertex_list};

fn dms(d: f64, m: f64, s: f64) -> f64 {
    d + m / 60.0 + s / 3600.0
}

fn assert_point(p: Point<f64>, lat: f64, lon: f64) {
    assert!((p.y() - lat).abs() < 1e-12 && (p.x() - lon).abs() < 1e-12, "{p:?} vs ({lat}, {lon})");
}

/// China, NOTAM A2031/16 for a ballistic test on 2016-08-12, as reprinted by East Pendulum
/// (eastpendulum.com, "essai balistique 12 août 2016"), which describes the area as 2,120 km long and 40 km wide.
#[test]
fn china_notam_a2031_16_packed_with_leading_letters() {
    let text = "N384229E1113228-N390320E1113944-N412940E0865851-N410849E0865118, BACK TO START.";
    let (ring, warnings) = parse_vertex_list(text).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(ring.len(), 4);
    assert_point(ring[0], dms(38.0, 42.0, 29.0), dms(111.0, 32.0, 28.0));
    assert_point(ring[1], dms(39.0, 3.0, 20.0), dms(111.0, 39.0, 44.0));
    assert_point(ring[2], dms(41.0, 29.0, 40.0), dms(86.0, 58.0, 51.0));
    assert_point(ring[3], dms(41.0, 8.0, 49.0), dms(86.0, 51.0, 18.0));
    let e = Ellipsoid::wgs84();
    // GeodSolve -i -p 3 <<< "38.708055555556 111.541111111111 39.055555555556 111.662222222222" -> 39982.838 m
    let width = e.inverse(ring[0], ring[1]).unwrap().distance_m;
    assert!((width - 39_982.838).abs() < 0.01, "{width}");
    // GeodSolve -i -p 3 <<< "41.146944444444 86.855000000000 38.708055555556 111.541111111111" -> 2120345.295 m
    let length = e.inverse(ring[3], ring[0]).unwrap().distance_m;
    assert!((length - 2_120_345.295).abs() < 0.01, "{length}");
}

/// United States Coast Guard District 8 broadcast notice to mariners BNM 0019-24, space launch from Boca Chica,
/// Texas, 2024-03-14, as reprinted by maritimeconsulting.xyz ("A. HIGH RISK AREA", "B. DEBRIS AREA 1",
/// "C. DEBRIS AREA 2").
#[test]
fn uscg_boca_chica_2024_areas() {
    let high_risk = "25-43-00N 095-52-00W,\n25-37-00N 094-50-00W,\n25-21-00N 093-15-00W,\n25-26-00N 092-48-00W,\n\
        25-58-00N 092-47-00W,\n26-04-00N 093-18-00W,\n26-01-00N 094-13-00W,\n26-02-00N 094-48-00W,\n\
        26-06-00N 095-42-00W,\n26-10-00N 096-30-00W,\n26-10-00N 096-51-00W,\n26-03-00N 097-07-00W,\n\
        26-02-00N 097-12-00W,\n25-57-00N 097-12-00W,\n25-54-00N 097-05-00W,\n25-50-00N 097-00-00W,\n\
        25-48-00N 096-51-00W AND\n25-43-00N 095-52-00W.";
    let (ring, warnings) = parse_vertex_list(high_risk).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    // 18 positions, the last repeating the first to close the area.
    assert_eq!(ring.len(), 17);
    assert_point(ring[0], dms(25.0, 43.0, 0.0), -dms(95.0, 52.0, 0.0));
    assert_point(ring[9], dms(26.0, 10.0, 0.0), -dms(96.0, 30.0, 0.0));
    assert_point(ring[16], dms(25.0, 48.0, 0.0), -dms(96.0, 51.0, 0.0));

    let debris_1 = "25-59-00N 097-11-00W,\n26-03-00N 097-11-00W,\n26-04-00N 097-08-00W,\n26-05-00N 097-04-00W,\n\
        26-06-00N 097-01-00W,\n26-16-00N 096-39-00W,\n26-18-00N 096-37-00W,\n26-24-00N 096-31-00W,\n\
        26-27-00N 096-17-00W,\n26-37-00N 095-18-00W,\n26-39-00N 094-45-00W,\n26-45-00N 093-28-00W,\n\
        26-42-00N 092-18-00W,\n26-41-00N 091-02-00W,\n26-38-00N 090-16-00W,\n26-02-00N 086-23-00W,\n\
        25-33-00N 084-49-00W,\n24-30-00N 082-45-00W,\n23-07-00N 076-51-00W,\n23-20-00N 076-35-00W,\n\
        23-02-00N 075-43-00W,\n22-17-00N 074-33-00W,\n22-13-00N 074-33-00W,\n23-10-00N 078-58-00W,\n\
        23-36-00N 081-02-00W,\n23-42-00N 082-58-00W,\n23-52-00N 083-55-00W,\n23-38-00N 087-03-00W,\n\
        23-52-00N 087-03-00W,\n24-16-00N 084-33-00W,\n25-03-00N 090-41-00W,\n24-39-00N 091-29-00W,\n\
        25-01-00N 092-35-00W,\n24-59-00N 093-26-00W,\n24-49-00N 094-12-00W,\n25-18-00N 094-41-00W,\n\
        24-57-00N 095-24-00W,\n25-24-00N 095-39-00W AND\n25-28-00N 096-30-00W.";
    let (ring, warnings) = parse_vertex_list(debris_1).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(ring.len(), 39);
    assert_point(ring[21], dms(22.0, 17.0, 0.0), -dms(74.0, 33.0, 0.0));

    let debris_2 = "23-45-00N 089-55-00W,\n23-42-00N 089-09-00W,\n23-28-00N 089-00-00W,\n23-22-00N 089-06-00W,\n\
        23-32-00N 089-23-00W AND\n23-33-00N 089-55-00W.";
    let (ring, _) = parse_vertex_list(debris_2).unwrap();
    assert_eq!(ring.len(), 6);
    assert_point(ring[5], dms(23.0, 33.0, 0.0), -dms(89.0, 55.0, 0.0));
}

/// Civil Aviation Authority of the Philippines, NOTAMs B2393/24 and B2391/24 (estimated fall areas of unburned
/// debris of a Chinese launch, 2024-06-29), as listed by the Philippine Daily Inquirer.
#[test]
fn caap_notams_packed_seconds_one_per_line() {
    let b2393 = "190400N 1184000E\n194200N 1184200E\n194000N 1200800E\n185900N 1200500E\n190400N 1184000E";
    let (ring, warnings) = parse_vertex_list(b2393).unwrap();
    assert!(warnings.is_empty());
    assert_eq!(ring.len(), 4);
    assert_point(ring[0], dms(19.0, 4.0, 0.0), dms(118.0, 40.0, 0.0));
    assert_point(ring[2], dms(19.0, 40.0, 0.0), dms(120.0, 8.0, 0.0));
    let b2391 = "184600N 1232400E\n191900N 1232700E\n191300N 1243300E\n184100N 1243000E\n184600N 1232400E";
    let (ring, _) = parse_vertex_list(b2391).unwrap();
    assert_eq!(ring.len(), 4);
    assert_point(ring[3], dms(18.0, 41.0, 0.0), dms(124.0, 30.0, 0.0));
}

/// Gibraltar Broadcasting Corporation, 2020-06-17, a Royal Navy exercise area: degrees and decimal minutes
/// separated by a space. The second position is printed "36.05.58N", a typo the parser must reject with its
/// column rather than guess.
#[test]
fn gbc_gibraltar_2020_space_separated_minutes_and_a_typo() {
    let (p, _) = parse_notam_coordinate("36 05.46N 005 20.70W").unwrap();
    assert_point(p, 36.0 + 5.46 / 60.0, -(5.0 + 20.70 / 60.0));
    let as_published =
        "36 05.46N 005 20.70W\n36.05.58N 005 16.10W\n36.03.96N 005 16.10W\n36.03.97N 005 20.70W";
    let e = parse_vertex_list(as_published).unwrap_err();
    assert!(e.message.contains("second decimal point"), "{e}");
    // Line 2 starts at character index 21; "36.05" takes five characters, the second point is index 26.
    assert_eq!(e.column, 27);
}

/// North Korea's first-stage splashdown area for the Unha-3 launch of December 2012, notified to the IMO, as
/// allthingsnuclear.org reprinted Yonhap's coordinates: "the vertices of the splashdown rectangles in north latitude
/// and east longitude coordinates".
#[test]
fn unha_3_first_stage_rectangle_as_printed() {
    let as_printed = "35° 44’06 “/ 124° 30’30”\n35° 44’07 “/ 124° 54’23”\n34° 58’36 “/ 124° 32’32 ”\n\
                      34° 58’43” / 124° 56’11 ”";
    // No hemisphere letters anywhere: the parser will not assume them.
    let e = parse_vertex_list(as_printed).unwrap_err();
    assert!(e.message.contains("no latitude has a hemisphere letter"), "{e}");
    // With the letters the prose gives, on the first vertex only: the others take them, with warnings; but the
    // corners are listed NW, NE, SW, SE, so the ring's edges cross.
    let lettered = "35° 44’06 “N/ 124° 30’30”E\n35° 44’07 “/ 124° 54’23”\n34° 58’36 “/ 124° 32’32 ”\n\
                    34° 58’43” / 124° 56’11 ”";
    let e = parse_vertex_list(lettered).unwrap_err();
    assert!(e.message.contains("crosses"), "{e}");
    // Around the rectangle (NW, NE, SE, SW) it is an area.
    let ring_order = "35-44-06N 124-30-30E, 35-44-07N 124-54-23E, 34-58-43N 124-56-11E, 34-58-36N 124-32-32E";
    let (ring, warnings) = parse_vertex_list(ring_order).unwrap();
    assert!(warnings.is_empty());
    assert_point(ring[2], dms(34.0, 58.0, 43.0), dms(124.0, 56.0, 11.0));
    let (ring, warnings) =
        parse_vertex_list("35° 44’06 “N/ 124° 30’30”E\n35° 44’07 “/ 124° 54’23”\n34° 58’43” / 124° 56’11 ”\n34° 58’36 “/ 124° 32’32 ”")
            .unwrap();
    assert_eq!(ring.len(), 4);
    assert_eq!(warnings.len(), 6, "{warnings:?}");
    assert_point(ring[1], dms(35.0, 44.0, 7.0), dms(124.0, 54.0, 23.0));
}

#[test]
fn a_lone_hemisphere_letter_gets_a_typo_warning() {
    // The Unha-3 notified area (2012-12-12) with one W typed for E: a triangle across 110 degrees of longitude.
    let (_, w) = groundtrack::parse::parse_vertex_list(
        "35-44-06N 124-30-30W, 35-44-07N 124-54-23E, 34-58-43N 124-56-11E",
    )
    .unwrap();
    assert!(
        w.iter().any(|w| w.column == 1
            && w.message.contains("only one marked W")
            && w.message.contains("typo for E")),
        "{w:?}"
    );
    // A small area truly across the equator keeps its lone vertex near the line: no warning.
    let (_, w) = groundtrack::parse::parse_vertex_list("0-30N 10E, 0-30N 11E, 0-30S 10-30E").unwrap();
    assert!(w.iter().all(|w| !w.message.contains("typo")), "{w:?}");
    // The area as notified: no warning.
    let (_, w) = groundtrack::parse::parse_vertex_list(
        "35-44-06N 124-30-30E, 35-44-07N 124-54-23E, 34-58-43N 124-56-11E",
    )
    .unwrap();
    assert!(w.is_empty(), "{w:?}");
}
