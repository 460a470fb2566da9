//! Issue #7, maps: cut edges not stroked, meridian labels where meridians leave the panel at the top or right,
//! range rings labelled with their radius, labels kept off lines, long source lines wrapped, not cut.

use assert_cmd::Command;

/// Runs `groundtrack ARGS --map FILE.svg` and returns the SVG text.
fn map_of(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.svg");
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--map", path.to_str().unwrap()]);
    // A check that finds the report inconsistent exits 1 and still draws its map.
    let out = Command::cargo_bin("groundtrack").unwrap().args(&all).output().unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    std::fs::read_to_string(&path).unwrap()
}

/// The points of an SVG path `d` of M and L commands, by subpath.
fn subpaths(d: &str) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    let mut i = 0;
    let b = d.as_bytes();
    while i < b.len() {
        let c = b[i] as char;
        if c == 'M' || c == 'L' {
            let j = d[i + 1..].find(['M', 'L', 'Z']).map(|k| i + 1 + k).unwrap_or(d.len());
            let mut it = d[i + 1..j].split_whitespace().map(|v| v.parse::<f64>().unwrap());
            let p = (it.next().unwrap(), it.next().unwrap());
            if c == 'M' && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            cur.push(p);
            i = j;
        } else {
            i += 1;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[test]
fn antarcticas_cut_edge_to_the_pole_is_not_stroked() {
    let svg = map_of(&["ring", "89.5S 0E", "500 km"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let border = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("border") && n.attribute("data-name") == Some("Antarctica"))
        .expect("Antarctica's border");
    let panel =
        doc.descendants().find(|n| n.tag_name().name() == "clipPath").unwrap().first_element_child().unwrap();
    let num = |k: &str| panel.attribute(k).unwrap().parse::<f64>().unwrap();
    let (x0, y0) = (num("x"), num("y"));
    let (x1, y1) = (x0 + num("width"), y0 + num("height"));
    let inside = |p: (f64, f64)| p.0 > x0 && p.0 < x1 && p.1 > y0 && p.1 < y1;
    // The 1:50m coast has vertices a few km apart; the cut from the pole along 180 to the Ross Ice Shelf is
    // over 600 km long (about 575 px here, `M622.0 678.3 L625.8 1254.4` in the issue). (Outside the panel,
    // vertices are thinned and clipped away.)
    let longest = subpaths(border.attribute("d").unwrap())
        .iter()
        .flat_map(|s| {
            s.windows(2)
                .filter(|w| inside(w[0]) && inside(w[1]))
                .map(|w| ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt())
                .collect::<Vec<_>>()
        })
        .fold(0.0, f64::max);
    assert!(longest < 100.0, "a border edge {longest} px long");
}

#[test]
fn meridians_that_miss_the_bottom_are_labelled_at_the_top_or_right() {
    let svg = map_of(&["check", "data/scenarios/2022-04-20-sarmat.toml"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let labels: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("meridian-inside"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .collect();
    for l in ["120°E", "150°E", "180°"] {
        assert!(labels.iter().any(|t| t == l), "{l} missing from {labels:?}");
    }
}

#[test]
fn range_rings_carry_their_radius() {
    let svg = map_of(&["ring", "Sunan", "1000km", "6000km", "13000km"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let labels: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("ring-label"))
        .filter_map(|n| n.text().map(|t| t.trim().to_string()))
        .collect();
    assert_eq!(labels, ["1000 km", "6000 km", "13000 km"]);
}

#[test]
fn a_label_is_not_drawn_through_by_the_track_and_sources_are_wrapped() {
    let svg = map_of(&["check", "data/scenarios/2024-09-25-china-icbm.toml"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let label = doc
        .descendants()
        .find(|n| n.text().map(str::trim) == Some("point of least miss (infeasible)"))
        .expect("the estimate's label");
    let num = |k: &str| label.attribute(k).unwrap().parse::<f64>().unwrap();
    let (x, y) = (num("x"), num("y"));
    let w = 0.55 * 13.0 * "point of least miss (infeasible)".len() as f64;
    let x0 = if label.attribute("text-anchor") == Some("end") { x - w } else { x };
    let (bx0, bx1, by0, by1) = (x0, x0 + w, y - 10.0, y + 2.0);
    let track = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("line") && n.attribute("data-role") == Some("track"))
        .expect("the track");
    for s in subpaths(track.attribute("d").unwrap()) {
        for seg in s.windows(2) {
            for k in 0..=20 {
                let t = k as f64 / 20.0;
                let (px, py) = (seg[0].0 + t * (seg[1].0 - seg[0].0), seg[0].1 + t * (seg[1].1 - seg[0].1));
                assert!(
                    !(px > bx0 && px < bx1 && py > by0 && py < by1),
                    "track point {px} {py} inside the label box {bx0} {by0} {bx1} {by1}"
                );
            }
        }
    }
    // The four sources are long; they are written whole, over several lines.
    assert!(!svg.contains('…'));
    assert!(svg.contains("Islands'") && svg.contains("kilometres."));
}
