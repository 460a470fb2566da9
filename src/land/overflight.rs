//! The stretches of a track over land: sampling on the true line, point in polygon, bisection of each change.

use geo_types::Point;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::{Countries, LandError};
use crate::geodesy::{EarthModel, Ellipsoid, validate_point};

/// Largest distance between two consecutive samples of the track, metres: a piece of land or sea shorter than
/// this along the track can be missed.
pub const DEFAULT_SPACING_M: f64 = 1_000.0;

/// Bisection stops when the change of country is bracketed within this distance along the track, metres; the
/// reported entry or exit is the middle of the bracket, so within half of it of the true crossing of the outline.
pub const DEFAULT_TOLERANCE_M: f64 = 10.0;

/// How finely [`land_stretches`] samples the track.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OverflightOptions {
    /// Largest spacing of the samples along the track, metres (default [`DEFAULT_SPACING_M`]).
    pub spacing_m: f64,
    /// Bracket at which bisection stops, metres (default [`DEFAULT_TOLERANCE_M`]).
    pub tolerance_m: f64,
}

impl Default for OverflightOptions {
    fn default() -> Self {
        OverflightOptions { spacing_m: DEFAULT_SPACING_M, tolerance_m: DEFAULT_TOLERANCE_M }
    }
}

/// One stretch of a track over one country's land.
///
/// Serialised (serde) as `{country, iso_n3, entry: {lat, lon}, exit: {lat, lon}, entry_along_km,
/// exit_along_km, length_km, starts_on_land, ends_on_land, entry_time_s, exit_time_s}` (kilometres as in the
/// rest of the report's JSON; times `null` without a trajectory).
#[derive(Debug, Clone, PartialEq)]
pub struct LandStretch {
    /// The country's name as Natural Earth gives it ("Japan").
    pub country: String,
    /// ISO 3166-1 numeric code, if Natural Earth gives one.
    pub iso_n3: Option<String>,
    /// Where the track comes over this land (lon, lat degrees): a coast or border, or the track's start.
    pub entry: Point<f64>,
    /// Where the track leaves it: a coast or border, or the track's end.
    pub exit: Point<f64>,
    /// Distance along the track from its start to `entry`, metres.
    pub entry_along_m: f64,
    /// Distance along the track from its start to `exit`, metres.
    pub exit_along_m: f64,
    /// The track starts over this land (the entry is the start, not a coastline).
    pub starts_on_land: bool,
    /// The track ends over this land (the exit is the end, not a coastline).
    pub ends_on_land: bool,
    /// Time of the entry, seconds after launch, when a trajectory gave one ([`with_times`]).
    pub entry_time_s: Option<f64>,
    /// Time of the exit, seconds after launch, when a trajectory gave one.
    pub exit_time_s: Option<f64>,
}

impl LandStretch {
    /// Length of the stretch along the track, metres.
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::land::LandStretch;
    /// let s = LandStretch {
    ///     country: "Japan".into(), iso_n3: None,
    ///     entry: Point::new(140.0, 41.8), exit: Point::new(141.0, 42.0),
    ///     entry_along_m: 1_000.0, exit_along_m: 3_500.0,
    ///     starts_on_land: false, ends_on_land: false, entry_time_s: None, exit_time_s: None,
    /// };
    /// assert_eq!(s.length_m(), 2_500.0);
    /// ```
    pub fn length_m(&self) -> f64 {
        self.exit_along_m - self.entry_along_m
    }
}

impl Serialize for LandStretch {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct LatLon {
            lat: f64,
            lon: f64,
        }
        let ll = |p: Point<f64>| LatLon { lat: p.y(), lon: p.x() };
        let mut s = serializer.serialize_struct("LandStretch", 11)?;
        s.serialize_field("country", &self.country)?;
        s.serialize_field("iso_n3", &self.iso_n3)?;
        s.serialize_field("entry", &ll(self.entry))?;
        s.serialize_field("exit", &ll(self.exit))?;
        s.serialize_field("entry_along_km", &(self.entry_along_m / 1000.0))?;
        s.serialize_field("exit_along_km", &(self.exit_along_m / 1000.0))?;
        s.serialize_field("length_km", &(self.length_m() / 1000.0))?;
        s.serialize_field("starts_on_land", &self.starts_on_land)?;
        s.serialize_field("ends_on_land", &self.ends_on_land)?;
        s.serialize_field("entry_time_s", &self.entry_time_s)?;
        s.serialize_field("exit_time_s", &self.exit_time_s)?;
        s.end()
    }
}

/// One sample of the track: which segment, how far along it, the point and the country index there.
#[derive(Debug, Clone, Copy)]
struct Sample {
    segment: usize,
    s_m: f64,
    along_m: f64,
    point: Point<f64>,
    state: Option<usize>,
}

/// A segment of the track: start vertex, azimuth there, length and distance of its start from the track's start.
#[derive(Debug, Clone, Copy)]
struct Segment {
    from: Point<f64>,
    azimuth_deg: f64,
    length_m: f64,
    start_along_m: f64,
}

/// The stretches of a track over land, in the order flown.
///
/// Inputs: the model whose line joins consecutive vertices (the [`Ellipsoid`] for a ground track); the vertices
/// (lon, lat degrees, at least one); the country outlines ([`Countries::embedded`]); the sampling options.
/// Output: one [`LandStretch`] per uninterrupted stretch over one country (two islands of one country give two
/// stretches; crossing a land border ends one stretch where the next begins).
///
/// Method: each segment is sampled at equal steps of at most `spacing_m` by the direct problem from its start
/// (points on the true line, never accumulated), each sample is tested with [`Countries::country_at`] in
/// longitude/latitude (where Natural Earth's edges are straight), and between two samples whose country differs
/// the change is bisected along the line until bracketed within `tolerance_m`; the middle of the bracket is
/// reported. Accuracy: within `tolerance_m / 2` of the outline along the track, and the outline itself is good to
/// a few hundred metres (1:50m); stretches of land or sea shorter than `spacing_m` may be missed, and when two
/// changes fall between the same two samples only the first is found.
///
/// # Errors
/// [`LandError::Invalid`] for no vertices or a spacing or tolerance that is not a positive finite distance;
/// [`LandError::Geodesy`] for a bad vertex or a line the model cannot compute.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::land::{Countries, OverflightOptions, land_stretches};
/// // Along the 43rd parallel's geodesic from the Sea of Japan across Hokkaido into the Pacific.
/// let track = [Point::new(139.0, 43.0), Point::new(146.5, 43.0)];
/// let all = Countries::embedded().unwrap();
/// let s = land_stretches(&Ellipsoid::wgs84(), &track, all, &OverflightOptions::default()).unwrap();
/// assert!(s.iter().any(|s| s.country == "Japan" && s.length_m() > 300_000.0));
/// ```
pub fn land_stretches<M: EarthModel + ?Sized>(
    model: &M,
    vertices: &[Point<f64>],
    countries: &Countries,
    options: &OverflightOptions,
) -> Result<Vec<LandStretch>, LandError> {
    for (what, v) in [("spacing", options.spacing_m), ("tolerance", options.tolerance_m)] {
        if !(v.is_finite() && v > 0.0) {
            return Err(LandError::Invalid {
                what,
                message: format!("must be a positive distance, got {v} m"),
            });
        }
    }
    let Some(&first) = vertices.first() else {
        return Err(LandError::Invalid { what: "track", message: "has no vertices".into() });
    };
    for v in vertices {
        validate_point(*v)?;
    }
    let segments = segments_of(model, vertices)?;
    let samples = sample(model, &segments, first, countries, options.spacing_m)?;
    let all = countries.countries();
    let mut out: Vec<LandStretch> = Vec::new();
    let mut open: Option<(usize, Point<f64>, f64, bool)> = None;
    if let Some(Sample { state: Some(c), point, .. }) = samples.first() {
        open = Some((*c, *point, 0.0, true));
    }
    for pair in samples.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.state == b.state {
            continue;
        }
        let seg = segments.get(b.segment).copied().ok_or_else(|| LandError::Invalid {
            what: "track",
            message: "internal: sample outside the track".into(),
        })?;
        let lo_s = if a.segment == b.segment { a.s_m } else { 0.0 };
        let (s_m, point, state) = bisect(model, &seg, countries, lo_s, b.s_m, a.state, options.tolerance_m)?;
        let along_m = seg.start_along_m + s_m;
        if let Some((c, entry, entry_along_m, starts)) = open.take() {
            out.push(stretch(all, c, entry, point, entry_along_m, along_m, starts, false));
        }
        // A third country met inside the bracket replaces b's: its entry is the point found.
        let entered = if state != a.state { state } else { b.state };
        if let Some(c) = entered {
            open = Some((c, point, along_m, false));
        }
    }
    if let (Some((c, entry, entry_along_m, starts)), Some(last)) = (open, samples.last()) {
        out.push(stretch(all, c, entry, last.point, entry_along_m, last.along_m, starts, true));
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn stretch(
    all: &[super::Country],
    c: usize,
    entry: Point<f64>,
    exit: Point<f64>,
    entry_along_m: f64,
    exit_along_m: f64,
    starts_on_land: bool,
    ends_on_land: bool,
) -> LandStretch {
    let (country, iso_n3) = all.get(c).map(|c| (c.name.clone(), c.iso_n3.clone())).unwrap_or_default();
    LandStretch {
        country,
        iso_n3,
        entry,
        exit,
        entry_along_m,
        exit_along_m,
        starts_on_land,
        ends_on_land,
        entry_time_s: None,
        exit_time_s: None,
    }
}

fn segments_of<M: EarthModel + ?Sized>(
    model: &M,
    vertices: &[Point<f64>],
) -> Result<Vec<Segment>, LandError> {
    let mut out = Vec::with_capacity(vertices.len().saturating_sub(1));
    let mut along = 0.0;
    for pair in vertices.windows(2) {
        let inv = model.inverse(pair[0], pair[1])?;
        out.push(Segment {
            from: pair[0],
            azimuth_deg: inv.azimuth1_deg,
            length_m: inv.distance_m,
            start_along_m: along,
        });
        along += inv.distance_m;
    }
    Ok(out)
}

fn index_at(countries: &Countries, p: Point<f64>) -> Option<usize> {
    countries.countries().iter().position(|c| c.contains(p))
}

fn sample<M: EarthModel + ?Sized>(
    model: &M,
    segments: &[Segment],
    first: Point<f64>,
    countries: &Countries,
    spacing_m: f64,
) -> Result<Vec<Sample>, LandError> {
    let mut out =
        vec![Sample { segment: 0, s_m: 0.0, along_m: 0.0, point: first, state: index_at(countries, first) }];
    for (k, seg) in segments.iter().enumerate() {
        let n = ((seg.length_m / spacing_m).ceil() as usize).max(1);
        for i in 1..=n {
            let s_m = seg.length_m * (i as f64) / (n as f64);
            let point = model.direct(seg.from, seg.azimuth_deg, s_m)?.point;
            out.push(Sample {
                segment: k,
                s_m,
                along_m: seg.start_along_m + s_m,
                point,
                state: index_at(countries, point),
            });
        }
    }
    Ok(out)
}

/// Bisects the first change away from `state_lo` between distances `lo` and `hi` along one segment.
fn bisect<M: EarthModel + ?Sized>(
    model: &M,
    seg: &Segment,
    countries: &Countries,
    mut lo: f64,
    mut hi: f64,
    state_lo: Option<usize>,
    tolerance_m: f64,
) -> Result<(f64, Point<f64>, Option<usize>), LandError> {
    let mut state_hi = index_at(countries, model.direct(seg.from, seg.azimuth_deg, hi)?.point);
    while hi - lo > tolerance_m {
        let mid = 0.5 * (lo + hi);
        let state = index_at(countries, model.direct(seg.from, seg.azimuth_deg, mid)?.point);
        if state == state_lo {
            lo = mid;
        } else {
            hi = mid;
            state_hi = state;
        }
    }
    let s = 0.5 * (lo + hi);
    Ok((s, model.direct(seg.from, seg.azimuth_deg, s)?.point, state_hi))
}

/// The land stretches of the geodesic from `launch` to `impact` on the WGS84 ellipsoid, over the embedded
/// Natural Earth 1:50m countries, with the default sampling ([`DEFAULT_SPACING_M`], [`DEFAULT_TOLERANCE_M`]).
///
/// Inputs: two points (lon, lat degrees). Output: as [`land_stretches`].
///
/// # Errors
/// [`LandError::Geodesy`] for a bad point; [`LandError::Data`] if the embedded outlines cannot be read.
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::land::overflights;
/// // Sunan to about 1,180 km east of Cape Erimo: North Korea at launch, then Japan (Hokkaido).
/// let s = overflights(Point::new(125.67, 39.22389), Point::new(157.51, 42.07)).unwrap();
/// assert_eq!(s[0].country, "North Korea");
/// assert!(s[0].starts_on_land);
/// assert!(s.iter().any(|s| s.country == "Japan"));
/// ```
pub fn overflights(launch: Point<f64>, impact: Point<f64>) -> Result<Vec<LandStretch>, LandError> {
    land_stretches(
        &Ellipsoid::wgs84(),
        &[launch, impact],
        Countries::embedded()?,
        &OverflightOptions::default(),
    )
}

/// Fills in entry and exit times from a trajectory.
///
/// Inputs: the stretches; `time_at`, the time in seconds after launch at which the trajectory's ground point
/// is a given distance (metres) along the track, or `None` where the trajectory does not say (a stretch keeps
/// `None` there).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::land::{overflights, with_times};
/// let mut s = overflights(Point::new(125.67, 39.22389), Point::new(157.51, 42.07)).unwrap();
/// // A made-up constant ground speed of 3 km/s.
/// with_times(&mut s, |along_m| Some(along_m / 3_000.0));
/// assert_eq!(s[0].entry_time_s, Some(0.0));
/// assert!(s[1].entry_time_s.unwrap() > 100.0);
/// ```
pub fn with_times(stretches: &mut [LandStretch], time_at: impl Fn(f64) -> Option<f64>) {
    for s in stretches {
        s.entry_time_s = time_at(s.entry_along_m).filter(|t| t.is_finite());
        s.exit_time_s = time_at(s.exit_along_m).filter(|t| t.is_finite());
    }
}
