//! The gazetteer: launch sites, landmarks, areas, cities and what-if targets with sourced coordinates.
//!
//! The data is `data/places.csv`, embedded in the binary (see `data/PLACES-SOURCES.md` for its columns, the radius
//! policy and the sources). [`Gazetteer::lookup`] resolves the names reports use ("Cape Erimo", "the island of
//! Oshima-Oshima", "Hokkaido's Oshima Peninsula", "Erimo-misaki") to one [`Place`], or says which names come
//! closest.

mod gazetteer;
mod names;

pub use gazetteer::{Gazetteer, MAX_NAME_CHARS};

use std::fmt;

use geo_types::Point;

/// What kind of place a row of the gazetteer is.
///
/// # Example
/// ```
/// use groundtrack::places::{Gazetteer, PlaceKind};
/// assert_eq!(Gazetteer::embedded().lookup("Sinpo").unwrap().kind, PlaceKind::LaunchSite);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A launch site or launch area (a point; the track starts there).
    LaunchSite,
    /// A small feature such as a cape, mountain or airport; "over it" means within its small radius.
    Landmark,
    /// An extended area (peninsula, island, region) given as a centre and a radius.
    Area,
    /// A city (centre point and a nominal radius).
    City,
    /// A what-if target (a point).
    Target,
}

impl PlaceKind {
    /// All kinds, in the order used in listings.
    ///
    /// # Example
    /// ```
    /// use groundtrack::places::PlaceKind;
    /// assert_eq!(PlaceKind::ALL.len(), 5);
    /// ```
    pub const ALL: [PlaceKind; 5] =
        [PlaceKind::LaunchSite, PlaceKind::Landmark, PlaceKind::Area, PlaceKind::City, PlaceKind::Target];

    /// The spelling used in `data/places.csv`: "launch-site", "landmark", "area", "city", "target".
    ///
    /// # Example
    /// ```
    /// use groundtrack::places::PlaceKind;
    /// assert_eq!(PlaceKind::LaunchSite.as_str(), "launch-site");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            PlaceKind::LaunchSite => "launch-site",
            PlaceKind::Landmark => "landmark",
            PlaceKind::Area => "area",
            PlaceKind::City => "city",
            PlaceKind::Target => "target",
        }
    }

    /// Reads the csv spelling (case-insensitive; "launch site" and "launch_site" also accepted).
    ///
    /// # Example
    /// ```
    /// use groundtrack::places::PlaceKind;
    /// assert_eq!(PlaceKind::parse("Area"), Some(PlaceKind::Area));
    /// assert_eq!(PlaceKind::parse("volcano"), None);
    /// ```
    pub fn parse(s: &str) -> Option<PlaceKind> {
        let norm: String =
            s.trim().to_lowercase().chars().map(|c| if c == ' ' || c == '_' { '-' } else { c }).collect();
        PlaceKind::ALL.into_iter().find(|k| k.as_str() == norm)
    }
}

impl fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for PlaceKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PlaceKind::parse(s).ok_or_else(|| {
            format!("unknown kind \"{s}\"; expected one of launch-site, landmark, area, city, target")
        })
    }
}

/// One place of the gazetteer.
///
/// # Example
/// ```
/// use groundtrack::places::Gazetteer;
/// let p = Gazetteer::embedded().lookup("Okushiri Island").unwrap();
/// assert_eq!((p.point.y(), p.point.x()), (42.14917, 139.46722));
/// assert_eq!(p.radius_m, Some(14_000.0));
/// assert_eq!(p.country, "Japan");
/// assert_eq!(p.time_zone.as_deref(), Some("Asia/Tokyo"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The canonical name.
    pub name: String,
    /// Other names and spellings that resolve to this place.
    pub aliases: Vec<String>,
    /// The coordinate (x = longitude in [-180, 180), y = latitude, degrees, WGS84).
    pub point: Point<f64>,
    /// What kind of place this is.
    pub kind: PlaceKind,
    /// How close (metres) a track must pass to count as over the place; `None` for points (launch sites,
    /// targets).
    pub radius_m: Option<f64>,
    /// Country or territory.
    pub country: String,
    /// The IANA time zone of the place ("Asia/Pyongyang"), from the tz database's `zone1970.tab`; None for a sea
    /// area, where the nautical zone of the longitude applies.
    pub time_zone: Option<String>,
    /// Where the coordinate comes from.
    pub source: String,
}

/// A place name that cannot be resolved, or gazetteer data that cannot be read.
///
/// # Example
/// ```
/// use groundtrack::places::{Gazetteer, PlaceError};
/// let e = Gazetteer::embedded().lookup("Okushri").unwrap_err();
/// assert!(matches!(&e, PlaceError::Unknown { suggestions, .. } if suggestions[0] == "Okushiri Island"));
/// assert!(e.to_string().starts_with("unknown place \"Okushri\"; did you mean: Okushiri Island"));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlaceError {
    /// No place has this name or alias.
    #[error("unknown place \"{name}\"{}(`groundtrack places` lists them)", did_you_mean(.suggestions))]
    Unknown {
        /// The name asked for.
        name: String,
        /// Up to three closest names, best first.
        suggestions: Vec<String>,
    },
    /// The name (after dropping generic words) fits more than one place.
    #[error("ambiguous place \"{name}\": could be {}; give the full name", candidates.join(" or "))]
    Ambiguous {
        /// The name asked for.
        name: String,
        /// The canonical names it could mean.
        candidates: Vec<String>,
    },
    /// A name longer than [`MAX_NAME_CHARS`] characters: a pasted paragraph, not a place name.
    #[error(
        "a place name of {length} characters is too long (at most {max}); it starts \"{}…\"",
        start.escape_debug()
    )]
    TooLong {
        /// The first 40 characters.
        start: String,
        /// Its length in characters.
        length: usize,
        /// The longest name accepted.
        max: usize,
    },
    /// A row of the places csv that cannot be used.
    #[error("places data, line {line}: {message}")]
    Data {
        /// 1-based line of the csv text.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        " ".to_string()
    } else {
        format!("; did you mean: {}? ", suggestions.join(", "))
    }
}
