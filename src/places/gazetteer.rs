//! Loading, resolving and searching place names.

use std::collections::HashMap;
use std::sync::OnceLock;

use geo_types::Point;

use super::names::{key, loose_key, variants, word_keys};
use super::{Place, PlaceError, PlaceKind};
use crate::geodesy::normalize_longitude;

/// The places csv embedded in the library.
const EMBEDDED_CSV: &str = include_str!("../../data/places.csv");

/// The longest name [`Gazetteer::lookup`] and [`Gazetteer::search`] look at, in characters (the longest name or
/// alias in the data has under 40). Longer text is refused at once: matching it costs time in proportion to its
/// length times the data's, and it is a pasted paragraph rather than a name.
pub const MAX_NAME_CHARS: usize = 200;

/// Suggestions need at least this Jaro-Winkler similarity (of name keys) to be offered.
const SUGGESTION_THRESHOLD: f64 = 0.7;

/// A set of places with name lookup.
///
/// # Example
/// ```
/// use groundtrack::places::Gazetteer;
/// let g = Gazetteer::embedded();
/// assert_eq!(g.lookup("the island of Oshima-Oshima").unwrap().name, "Oshima-Oshima");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Key of every name and alias -> place index (unique by construction).
    exact: HashMap<String, usize>,
    /// Loose key of every name and alias -> place indices.
    loose: HashMap<String, Vec<usize>>,
    /// Set when the embedded data failed to load (never expected; tests load it).
    load_error: Option<PlaceError>,
}

/// One row of the csv as written.
#[derive(Debug, serde::Deserialize)]
struct Row {
    name: String,
    aliases: String,
    lat: f64,
    lon: f64,
    kind: String,
    radius_km: Option<f64>,
    country: String,
    /// Absent in the older 8-column layout.
    #[serde(default)]
    tz: Option<String>,
    source: String,
}

impl Gazetteer {
    /// The gazetteer of `data/places.csv`, parsed once on first use.
    ///
    /// If the embedded data could not be read (which the test suite rules out), this is an empty gazetteer whose
    /// lookups return the [`PlaceError::Data`] that stopped it.
    ///
    /// # Example
    /// ```
    /// use groundtrack::places::Gazetteer;
    /// let erimo = Gazetteer::embedded().lookup("Erimo-misaki").unwrap();
    /// assert_eq!(erimo.name, "Cape Erimo");
    /// assert!((erimo.point.y() - 41.92444).abs() < 1e-9);
    /// ```
    pub fn embedded() -> &'static Gazetteer {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Gazetteer::from_csv(EMBEDDED_CSV)
                .unwrap_or_else(|e| Gazetteer { load_error: Some(e), ..Gazetteer::default() })
        })
    }

    /// Reads a gazetteer from csv text with the header `name,aliases,lat,lon,kind,radius_km,country,tz,source`
    /// (or the same without `tz`).
    ///
    /// `aliases` are separated by `;`; `lat`/`lon` are WGS84 decimal degrees (latitude in [-90, 90], longitude in
    /// [-180, 180], stored reduced to [-180, 180)); `kind` is launch-site, landmark, area, city or target;
    /// `radius_km` is empty or a positive number (required for areas); `tz` is empty (a sea area: the nautical zone
    /// applies) or an IANA zone of the bundled tz database; `source` must not be empty. Lines starting with `#`
    /// are comments.
    ///
    /// # Errors
    /// [`PlaceError::Data`] with the line for malformed csv, a value out of range, an unknown kind, an area without
    /// radius, an unknown time zone, an empty name or source, or a name or alias that two places share (after
    /// folding case, accents, punctuation and spaces).
    ///
    /// # Example
    /// ```
    /// use groundtrack::places::Gazetteer;
    /// let g = Gazetteer::from_csv(
    ///     "name,aliases,lat,lon,kind,radius_km,country,source\n\
    ///      Cape Erimo,Erimo-misaki,41.92444,143.24833,landmark,20,Japan,Wikipedia\n",
    /// ).unwrap();
    /// assert_eq!(g.lookup("erimo misaki").unwrap().radius_m, Some(20_000.0));
    /// assert!(Gazetteer::from_csv("name,aliases,lat,lon,kind,radius_km,country,source\nX,,95,0,city,,J,s\n").is_err());
    /// ```
    pub fn from_csv(text: &str) -> Result<Gazetteer, PlaceError> {
        let mut reader =
            csv::ReaderBuilder::new().comment(Some(b'#')).trim(csv::Trim::All).from_reader(text.as_bytes());
        let mut g = Gazetteer::default();
        let mut first_line: HashMap<usize, usize> = HashMap::new();
        let headers = reader.headers().map_err(|e| csv_error(&e))?.clone();
        let expected = ["name", "aliases", "lat", "lon", "kind", "radius_km", "country", "tz", "source"];
        let without_tz: Vec<&str> = expected.iter().copied().filter(|c| *c != "tz").collect();
        let got: Vec<&str> = headers.iter().collect();
        if got != expected && got != without_tz {
            return Err(PlaceError::Data {
                line: 1,
                message: format!("the header must be \"{}\"", expected.join(",")),
            });
        }
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(csv_error(&e)),
            }
            let line = record.position().map_or(0, |p| p.line() as usize);
            let row: Row = record.deserialize(Some(&headers)).map_err(|e| {
                let mut err = csv_error(&e);
                if let PlaceError::Data { line: l, .. } = &mut err
                    && *l == 0
                {
                    *l = line;
                }
                err
            })?;
            let place = row_to_place(row, line)?;
            let index = g.places.len();
            first_line.insert(index, line);
            for name in std::iter::once(&place.name).chain(place.aliases.iter()) {
                let k = key(name);
                if k.is_empty() {
                    return Err(PlaceError::Data {
                        line,
                        message: format!("name or alias \"{name}\" has no letters"),
                    });
                }
                if let Some(&other) = g.exact.get(&k)
                    && other != index
                {
                    let other_name = g.places.get(other).map_or("", |p| p.name.as_str());
                    return Err(PlaceError::Data {
                        line,
                        message: format!(
                            "\"{name}\" is also a name of \"{other_name}\" (line {})",
                            first_line.get(&other).copied().unwrap_or(0)
                        ),
                    });
                }
                g.exact.insert(k, index);
                if let Some(l) = loose_key(name) {
                    let entry = g.loose.entry(l).or_default();
                    if !entry.contains(&index) {
                        entry.push(index);
                    }
                }
            }
            g.places.push(place);
        }
        Ok(g)
    }

    /// All places, in file order.
    ///
    /// # Example
    /// ```
    /// use groundtrack::places::Gazetteer;
    /// assert!(Gazetteer::embedded().places().len() >= 25);
    /// ```
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Resolves a name as a report writes it to one place.
    ///
    /// Matching ignores case, accents, punctuation, hyphens and spaces and a leading "the" ("Oshima-Oshima" =
    /// "oshima oshima"); aliases cover other spellings ("Erimo-misaki"). If that fails, generic words are dropped
    /// ("the island of Oshima-Oshima", "Hokkaido's Oshima Peninsula", "Okushiri Island") and the part before a
    /// comma or without a parenthesis is tried ("Cape Erimo, Hokkaido").
    ///
    /// # Errors
    /// [`PlaceError::Unknown`] with up to three closest names; [`PlaceError::Ambiguous`] when only the loose
    /// match applies and it fits several places; [`PlaceError::Data`] if the embedded data failed to load.
    ///
    /// # Example
    /// ```
    /// use groundtrack::places::{Gazetteer, PlaceError};
    /// let g = Gazetteer::embedded();
    /// assert_eq!(g.lookup("the island of Oshima-Oshima").unwrap().name, "Oshima-Oshima");
    /// assert_eq!(g.lookup("Hokkaido's Oshima peninsula").unwrap().name, "Oshima Peninsula");
    /// match g.lookup("Cape Erimp") {
    ///     Err(PlaceError::Unknown { suggestions, .. }) => assert_eq!(suggestions[0], "Cape Erimo"),
    ///     other => panic!("{other:?}"),
    /// }
    /// ```
    pub fn lookup(&self, name: &str) -> Result<&Place, PlaceError> {
        if let Some(e) = &self.load_error {
            return Err(e.clone());
        }
        let length = name.chars().count();
        if length > MAX_NAME_CHARS {
            return Err(PlaceError::TooLong {
                start: name.chars().take(40).collect(),
                length,
                max: MAX_NAME_CHARS,
            });
        }
        for variant in variants(name) {
            if let Some(&i) = self.exact.get(&key(&variant))
                && let Some(p) = self.places.get(i)
            {
                return Ok(p);
            }
        }
        for variant in variants(name) {
            let mut found: Vec<usize> = Vec::new();
            let mut keys = vec![key(&variant)];
            keys.extend(loose_key(&variant));
            for k in &keys {
                if let Some(&i) = self.exact.get(k) {
                    found.push(i);
                }
                if let Some(is) = self.loose.get(k) {
                    found.extend(is.iter().copied());
                }
            }
            found.sort_unstable();
            found.dedup();
            match found.as_slice() {
                [] => {}
                [i] => {
                    if let Some(p) = self.places.get(*i) {
                        return Ok(p);
                    }
                }
                many => {
                    return Err(PlaceError::Ambiguous {
                        name: name.to_string(),
                        candidates: many
                            .iter()
                            .filter_map(|&i| self.places.get(i))
                            .map(|p| p.name.clone())
                            .collect(),
                    });
                }
            }
        }
        let starting = self.starting_with_words(name);
        if starting.len() >= 2 {
            return Err(PlaceError::Ambiguous {
                name: name.to_string(),
                candidates: starting.iter().map(|p| p.name.clone()).collect(),
            });
        }
        Err(PlaceError::Unknown { name: name.to_string(), suggestions: self.suggest(name, 3) })
    }

    /// Places with a name or alias whose first words are the words of `name` ("Oshima" -> Oshima Peninsula,
    /// Oshima-Oshima; "Cape" -> Cape Erimo, Mount Esan (alias Cape Esan), Cape Tappi), in file order.
    fn starting_with_words(&self, name: &str) -> Vec<&Place> {
        let q = word_keys(name);
        if q.is_empty() {
            return Vec::new();
        }
        self.places
            .iter()
            .filter(|p| {
                std::iter::once(&p.name).chain(p.aliases.iter()).any(|a| word_keys(a).starts_with(&q))
            })
            .collect()
    }

    /// Up to `n` place names closest to `name` (Jaro-Winkler similarity of the keys, a name containing the query
    /// counting as close), best first.
    fn suggest(&self, name: &str, n: usize) -> Vec<String> {
        let q = key(name);
        if q.is_empty() {
            return Vec::new();
        }
        let q_loose = loose_key(name).unwrap_or_else(|| q.clone());
        let mut scored: Vec<(f64, &str)> = self
            .places
            .iter()
            .map(|p| {
                let best = std::iter::once(&p.name)
                    .chain(p.aliases.iter())
                    .map(|a| {
                        let k = key(a);
                        let mut s = strsim::jaro_winkler(&q, &k).max(strsim::jaro_winkler(&q_loose, &k));
                        if (q_loose.len() >= 3 && k.contains(&q_loose))
                            || (k.len() >= 4 && q_loose.contains(&k))
                        {
                            s = s.max(0.9);
                        }
                        s
                    })
                    .fold(0.0, f64::max);
                (best, p.name.as_str())
            })
            .filter(|(s, _)| *s >= SUGGESTION_THRESHOLD)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored.into_iter().take(n).map(|(_, name)| name.to_string()).collect()
    }

    /// Places whose name or alias contains the query (ignoring case, accents, punctuation and spaces), or whose
    /// kind or country is the query; if none, places with a similar name. Exact matches first, then prefixes, then
    /// the rest, each in file order. An empty query lists every place.
    ///
    /// # Example
    /// ```
    /// use groundtrack::places::{Gazetteer, PlaceKind};
    /// let g = Gazetteer::embedded();
    /// assert!(g.search("erimo").iter().any(|p| p.name == "Cape Erimo"));
    /// assert!(g.search("launch-site").iter().all(|p| p.kind == PlaceKind::LaunchSite));
    /// assert_eq!(g.search("").len(), g.places().len());
    /// ```
    pub fn search(&self, query: &str) -> Vec<&Place> {
        if query.chars().count() > MAX_NAME_CHARS {
            return Vec::new();
        }
        let q = key(query);
        if q.is_empty() {
            return self.places.iter().collect();
        }
        let mut ranked: Vec<(u8, usize)> = Vec::new();
        for (i, p) in self.places.iter().enumerate() {
            let keys: Vec<String> =
                std::iter::once(&p.name).chain(p.aliases.iter()).map(|a| key(a)).collect();
            let rank = if keys.contains(&q) {
                Some(0)
            } else if keys.iter().any(|k| k.starts_with(&q)) {
                Some(1)
            } else if keys.iter().any(|k| k.contains(&q)) {
                Some(2)
            } else if key(p.kind.as_str()) == q || key(&p.country) == q {
                Some(3)
            } else {
                None
            };
            if let Some(r) = rank {
                ranked.push((r, i));
            }
        }
        if ranked.is_empty() {
            let similar = self.suggest(query, 5);
            return self.places.iter().filter(|p| similar.contains(&p.name)).collect();
        }
        ranked.sort();
        ranked.into_iter().filter_map(|(_, i)| self.places.get(i)).collect()
    }
}

fn csv_error(e: &csv::Error) -> PlaceError {
    let line = e.position().map_or(0, |p| p.line() as usize);
    let message = match e.kind() {
        csv::ErrorKind::Deserialize { err, .. } => {
            let field = err.field().map_or(String::new(), |f| format!(" (column {})", f + 1));
            format!("{}{field}", err.kind())
        }
        _ => e.to_string(),
    };
    PlaceError::Data { line, message }
}

fn row_to_place(row: Row, line: usize) -> Result<Place, PlaceError> {
    let data = |message: String| PlaceError::Data { line, message };
    if row.name.is_empty() {
        return Err(data("empty name".into()));
    }
    if !(row.lat.is_finite() && (-90.0..=90.0).contains(&row.lat)) {
        return Err(data(format!("latitude {} of \"{}\" is outside [-90, 90]", row.lat, row.name)));
    }
    if !(row.lon.is_finite() && (-180.0..=180.0).contains(&row.lon)) {
        return Err(data(format!("longitude {} of \"{}\" is outside [-180, 180]", row.lon, row.name)));
    }
    let kind: PlaceKind = row.kind.parse().map_err(|m: String| data(format!("{m} (\"{}\")", row.name)))?;
    if let Some(r) = row.radius_km
        && !(r.is_finite() && r > 0.0)
    {
        return Err(data(format!("radius_km {r} of \"{}\" must be a positive number", row.name)));
    }
    if kind == PlaceKind::Area && row.radius_km.is_none() {
        return Err(data(format!("area \"{}\" needs a radius_km", row.name)));
    }
    if row.source.is_empty() {
        return Err(data(format!("\"{}\" has no source", row.name)));
    }
    let time_zone = match row.tz.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(z) => match jiff::tz::TimeZoneDatabase::bundled().get(z) {
            Ok(tz) => Some(tz.iana_name().unwrap_or(z).to_string()),
            Err(_) => {
                return Err(data(format!(
                    "tz \"{z}\" of \"{}\" is not an IANA zone of the tz database",
                    row.name
                )));
            }
        },
    };
    let aliases: Vec<String> =
        row.aliases.split(';').map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect();
    Ok(Place {
        name: row.name,
        aliases,
        point: Point::new(normalize_longitude(row.lon), row.lat),
        kind,
        radius_m: row.radius_km.map(|r| r * 1000.0),
        country: row.country,
        time_zone,
        source: row.source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "name,aliases,lat,lon,kind,radius_km,country,source\n";

    fn load(rows: &str) -> Result<Gazetteer, PlaceError> {
        Gazetteer::from_csv(&format!("{HEADER}{rows}"))
    }

    #[test]
    fn data_errors_name_the_line() {
        let ok = "A,,1,2,city,,X,src\n";
        for (bad, line) in [
            ("B,,95,0,city,,X,src\n", 3),
            ("B,,0,181,city,,X,src\n", 3),
            ("B,,0,0,volcano,,X,src\n", 3),
            ("B,,0,0,area,,X,src\n", 3),
            ("B,,0,0,city,-1,X,src\n", 3),
            ("B,,0,0,city,,X,\n", 3),
            ("B,a,0,0,city,,X,src\n", 3),
            ("B,,zero,0,city,,X,src\n", 3),
            ("B,,0,0,city,,X\n", 3),
            ("B,,NaN,0,city,,X,src\n", 3),
        ] {
            match load(&format!("{ok}{bad}")) {
                Err(PlaceError::Data { line: l, message }) => assert_eq!(l, line, "{bad}: {message}"),
                other => panic!("{bad}: {other:?}"),
            }
        }
        // A name clash after folding: "a" is the key of place A.
        assert!(matches!(
            load("A,,1,2,city,,X,src\nB,A,0,0,city,,X,src\n"),
            Err(PlaceError::Data { line: 3, .. })
        ));
        assert!(matches!(Gazetteer::from_csv("name,lat\nA,1\n"), Err(PlaceError::Data { line: 1, .. })));
    }

    #[test]
    fn comments_and_longitudes() {
        let g = load("# a comment\nA,,1,180,city,,X,src\n").unwrap();
        assert_eq!(g.places()[0].point.x(), -180.0);
        assert_eq!(g.places().len(), 1);
    }

    #[test]
    fn time_zone_column() {
        let h = "name,aliases,lat,lon,kind,radius_km,country,tz,source\n";
        let g = Gazetteer::from_csv(&format!("{h}A,,1,2,city,,X,asia/tokyo,src\nB,,1,2,area,50,X,,src\n"))
            .unwrap();
        assert_eq!(g.places()[0].time_zone.as_deref(), Some("Asia/Tokyo"));
        assert_eq!(g.places()[1].time_zone, None);
        match Gazetteer::from_csv(&format!("{h}A,,1,2,city,,X,Asia/Atlantis,src\n")) {
            Err(PlaceError::Data { line: 2, message }) => {
                assert!(message.contains("Asia/Atlantis"), "{message}")
            }
            other => panic!("{other:?}"),
        }
        // The 8-column layout without tz still loads.
        assert_eq!(load("A,,1,2,city,,X,src\n").unwrap().places()[0].time_zone, None);
    }

    #[test]
    fn ambiguous_loose_match() {
        let g = load(
            "Oshima Peninsula,,41.85,140.3,area,60,Japan,s\nOshima Island,,34.7,139.4,area,8,Japan,s\n\
                      Oshima City,,33.9,132.2,city,,Japan,s\n",
        )
        .unwrap();
        match g.lookup("Oshima") {
            Err(PlaceError::Ambiguous { candidates, .. }) => {
                assert_eq!(candidates, vec!["Oshima Island".to_string(), "Oshima City".to_string()])
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(g.lookup("oshima island").unwrap().name, "Oshima Island");
    }

    #[test]
    fn first_words_of_several_places_are_ambiguous() {
        let g = Gazetteer::embedded();
        match g.lookup("Oshima") {
            Err(PlaceError::Ambiguous { candidates, .. }) => {
                assert_eq!(candidates, vec!["Oshima Peninsula".to_string(), "Oshima-Oshima".to_string()])
            }
            other => panic!("{other:?}"),
        }
        let e = g.lookup("the Cape").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("ambiguous place \"the Cape\": could be Cape Erimo or Mount Esan or Cape Tappi"),
            "{e}"
        );
        // One place starting with the words is not resolved by it: still unknown, with suggestions.
        assert!(matches!(g.lookup("Okushiri Isl"), Err(PlaceError::Unknown { .. })));
    }

    #[test]
    fn pasted_paragraphs_are_refused_at_once() {
        let g = Gazetteer::embedded();
        let long = format!("Cape Erimo {}", "and then some ".repeat(100_000));
        match g.lookup(&long) {
            Err(PlaceError::TooLong { length, max, start }) => {
                assert_eq!((length, max, start.chars().count()), (long.chars().count(), MAX_NAME_CHARS, 40));
            }
            other => panic!("{other:?}"),
        }
        assert!(g.lookup(&"x".repeat(MAX_NAME_CHARS)).is_err());
        assert!(g.search(&long).is_empty());
    }

    #[test]
    fn unknown_display() {
        let e =
            PlaceError::Unknown { name: "X".into(), suggestions: vec!["A".into(), "B".into(), "C".into()] };
        assert_eq!(
            e.to_string(),
            "unknown place \"X\"; did you mean: A, B, C? (`groundtrack places` lists them)"
        );
        let e = PlaceError::Unknown { name: "X".into(), suggestions: vec![] };
        assert_eq!(e.to_string(), "unknown place \"X\" (`groundtrack places` lists them)");
    }
}
