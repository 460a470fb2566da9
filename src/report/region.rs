//! The feasible impact region: every point that satisfies all of a report's stated constraints at once.
//!
//! A position phrase ("about 1,180 km east of Cape Erimo") bounds the impact to a *domain*: a distance band
//! around the reference place and a bearing sector. Inside the domain, the other figures cut the region down:
//! the stated range from the launch point, the stated direction at launch, and each overflight place, which the
//! launch-to-impact geodesic must pass within its radius. The region is found on a polar grid around the
//! reference place (every grid point lies on the geodesic from the place at the grid azimuth, so distance and
//! bearing from the place hold by construction), then its edges are refined by bisection.

use std::sync::Arc;

use geo_types::Point;
use geographiclib_rs::{PolygonArea, Winding};

use crate::geodesy::{EarthModel, Ellipsoid, GeodesyError, closest_approach_on_segment};
use crate::land::{AreaOutline, LandError};

/// One constraint on the impact point X.
#[derive(Debug, Clone, PartialEq)]
pub enum Constraint {
    /// The ground distance from `from` to X lies in [low, high] metres (the stated range, from the launch point).
    DistanceFrom {
        /// The figure, for reports ("range").
        label: String,
        /// The point the distance is measured from.
        from: Point<f64>,
        /// Lower bound, metres.
        low: f64,
        /// Upper bound, metres (may be infinite).
        high: f64,
        /// The stated nominal value, metres (for the best-estimate rule).
        nominal: f64,
    },
    /// The azimuth at `from` of the geodesic to X lies within `half_width_deg` of `center_deg` (a stated
    /// direction of flight).
    AzimuthFrom {
        /// The figure, for reports ("direction").
        label: String,
        /// The point the azimuth is taken at.
        from: Point<f64>,
        /// Centre of the sector, degrees clockwise from north.
        center_deg: f64,
        /// Half-width of the sector, degrees.
        half_width_deg: f64,
    },
    /// The geodesic segment from `launch` to X passes within `radius_m` of `place` (a stated overflight).
    PassesNear {
        /// The figure, for reports ("overflight Cape Erimo").
        label: String,
        /// The launch point.
        launch: Point<f64>,
        /// The place flown over.
        place: Point<f64>,
        /// How close counts as over, metres.
        radius_m: f64,
    },
    /// The geodesic segment from `launch` to X crosses an area's outline or passes within `margin_m` of it (a
    /// stated overflight of an area place that has an outline: a peninsula, an island).
    PassesOver {
        /// The figure, for reports ("overflight Oshima Peninsula").
        label: String,
        /// The launch point.
        launch: Point<f64>,
        /// The area's outline.
        area: Arc<AreaOutline>,
        /// How close to the outline still counts as over, metres.
        margin_m: f64,
    },
    /// X lies inside a closed area (a navigation-warning or NOTAM polygon whose edges are geodesics).
    InsideArea {
        /// The figure, for reports ("impact area").
        label: String,
        /// The vertices (lon, lat degrees), not repeated at the end.
        vertices: Vec<Point<f64>>,
    },
}

/// The value of one constraint at a point, and by how much it misses.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ConstraintMiss {
    /// The figure ("range", "direction", "overflight Cape Erimo").
    pub label: String,
    /// The computed value: metres for distances, degrees for azimuths.
    pub value: f64,
    /// Lower end of the accepted band (same unit).
    pub low: f64,
    /// Upper end of the accepted band (same unit).
    pub high: f64,
    /// How far outside the band the value is (0 when inside), same unit.
    pub miss: f64,
    /// "m" or "deg".
    pub unit: &'static str,
}

impl Constraint {
    /// The figure this constraint comes from.
    pub fn label(&self) -> &str {
        match self {
            Constraint::DistanceFrom { label, .. }
            | Constraint::AzimuthFrom { label, .. }
            | Constraint::PassesNear { label, .. }
            | Constraint::PassesOver { label, .. }
            | Constraint::InsideArea { label, .. } => label,
        }
    }

    /// How far a value lies from the stated nominal figure, in units of the band's half-width: the term of the
    /// best-estimate rule. The nominal of an overflight is passing directly over the place (distance 0, scaled
    /// by the radius); of a direction, the sector's centre; of a distance, the stated figure (an open band
    /// scales by the nominal value itself).
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::report::{Constraint, ConstraintMiss};
    /// let c = Constraint::PassesNear {
    ///     label: "overflight".into(), launch: Point::new(0.0, 0.0), place: Point::new(1.0, 0.0), radius_m: 20e3,
    /// };
    /// let m = ConstraintMiss { label: "overflight".into(), value: 10e3, low: 0.0, high: 20e3, miss: 0.0, unit: "m" };
    /// assert_eq!(c.deviation(&m), 0.5);
    /// ```
    pub fn deviation(&self, m: &ConstraintMiss) -> f64 {
        let (nominal, half) = match self {
            Constraint::DistanceFrom { nominal, low, high, .. } => {
                let half = if high.is_finite() { 0.5 * (high - low) } else { nominal.abs() };
                (*nominal, half)
            }
            Constraint::AzimuthFrom { center_deg, half_width_deg, .. } => (*center_deg, *half_width_deg),
            Constraint::PassesNear { radius_m, .. } => (0.0, *radius_m),
            // Inside the area, or over it, is all that is stated: no nominal point within it.
            Constraint::InsideArea { .. } | Constraint::PassesOver { .. } => return 0.0,
        };
        if half > 0.0 { (m.value - nominal) / half } else { 0.0 }
    }

    /// Evaluates the constraint at `x` on the WGS84 ellipsoid.
    ///
    /// Output: the value (metres, or degrees for an azimuth), its band and the miss (0 when satisfied).
    /// A `PassesNear` value is the shortest distance from the place to the launch-to-`x` geodesic segment
    /// (Karney 2013, J. Geodesy 87:43-55, sec. 8, through [`closest_approach_on_segment`]). A `PassesOver` value
    /// is the distance from the segment to the area's outline, 0 when it crosses it ([`AreaOutline::approach`]).
    ///
    /// # Errors
    /// Any error of the geodesic computations (invalid points, a zero-length segment).
    ///
    /// # Example
    /// ```
    /// use geo_types::Point;
    /// use groundtrack::geodesy::Ellipsoid;
    /// use groundtrack::report::Constraint;
    /// let c = Constraint::DistanceFrom {
    ///     label: "range".into(), from: Point::new(0.0, 0.0), low: 100_000.0, high: 200_000.0, nominal: 150e3,
    /// };
    /// let m = c.evaluate(&Ellipsoid::wgs84(), Point::new(1.0, 0.0)).unwrap();
    /// assert_eq!(m.miss, 0.0); // one degree of the equator is 111.3 km
    /// ```
    pub fn evaluate(&self, ellipsoid: &Ellipsoid, x: Point<f64>) -> Result<ConstraintMiss, GeodesyError> {
        let (value, low, high, unit) = match self {
            Constraint::DistanceFrom { from, low, high, .. } => {
                (ellipsoid.inverse(*from, x)?.distance_m, *low, *high, "m")
            }
            Constraint::AzimuthFrom { from, center_deg, half_width_deg, .. } => {
                let azi = ellipsoid.inverse(*from, x)?.azimuth1_deg;
                // Express the azimuth on the branch nearest the sector centre.
                let value = center_deg + angle_difference(azi, *center_deg);
                (value, center_deg - half_width_deg, center_deg + half_width_deg, "deg")
            }
            Constraint::PassesNear { launch, place, radius_m, .. } => {
                // An impact on the launch point leaves no track: the distance is the place's from the launch.
                let d = if ellipsoid.inverse(*launch, x)?.distance_m < 1e-3 {
                    ellipsoid.inverse(*place, *launch)?.distance_m
                } else {
                    closest_approach_on_segment(ellipsoid, *place, *launch, x)?.distance_m
                };
                (d, 0.0, *radius_m, "m")
            }
            Constraint::PassesOver { launch, area, margin_m, .. } => {
                let d = area.approach(ellipsoid, *launch, x).map_err(|e| match e {
                    LandError::Geodesy(g) => g,
                    other => GeodesyError::InvalidArgument(other.to_string()),
                })?;
                (d.distance_m, 0.0, *margin_m, "m")
            }
            Constraint::InsideArea { vertices, .. } => {
                (distance_outside(ellipsoid, vertices, x)?, 0.0, 0.0, "m")
            }
        };
        let miss = band_miss(value, low, high);
        Ok(ConstraintMiss { label: self.label().to_string(), value, low, high, miss, unit })
    }
}

/// How far `value` lies outside [`low`, `high`] (0 inside). Round-off is forgiven: a value within 1e-9 of the
/// band (relative to its size, plus 1e-9 absolute) counts as inside, so that a computed 300.00000000000045 km
/// meets "up to 300 km".
///
/// # Example
/// ```
/// use groundtrack::report::band_miss;
/// assert_eq!(band_miss(300.000_000_000_000_45, 0.0, 300.0), 0.0);
/// assert_eq!(band_miss(310.0, 0.0, 300.0), 10.0);
/// assert_eq!(band_miss(5.0, 10.0, f64::INFINITY), 5.0);
/// ```
pub fn band_miss(value: f64, low: f64, high: f64) -> f64 {
    let tol = 1e-9 * (1.0 + value.abs());
    if value < low - tol {
        low - value
    } else if value > high + tol {
        value - high
    } else {
        0.0
    }
}

/// `a - b` reduced to (-180, 180] degrees.
fn angle_difference(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(360.0);
    if d > 180.0 { d - 360.0 } else { d }
}

/// The domain a position phrase allows: a distance band and a bearing sector around a reference place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhraseDomain {
    /// The reference place ("Cape Erimo").
    pub anchor: Point<f64>,
    /// Nominal distance, metres.
    pub distance_nominal_m: f64,
    /// Distance band, metres.
    pub distance_low_m: f64,
    /// Distance band, metres.
    pub distance_high_m: f64,
    /// Nominal azimuth from the anchor, degrees.
    pub azimuth_deg: f64,
    /// Half-width of the bearing sector, degrees.
    pub half_width_deg: f64,
}

/// How finely the region is searched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionOptions {
    /// Azimuth step of the polar grid, degrees.
    pub azimuth_step_deg: f64,
    /// Number of distance samples across the distance band.
    pub distance_samples: usize,
    /// Bisection steps when refining an edge of the region.
    pub refine_steps: usize,
}

impl Default for RegionOptions {
    fn default() -> Self {
        Self { azimuth_step_deg: 0.05, distance_samples: 9, refine_steps: 12 }
    }
}

/// The outcome of the search for points that satisfy every constraint.
#[derive(Debug, Clone, PartialEq)]
pub struct FeasibleRegion {
    /// Whether any point satisfies every constraint.
    pub feasible: bool,
    /// The region's outline as closed rings (first vertex repeated), one per connected part; empty when
    /// infeasible. Vertices are (lon, lat) degrees with longitudes unwrapped along the ring.
    pub rings: Vec<Vec<Point<f64>>>,
    /// The region's area on the ellipsoid, square metres (Karney 2013, sec. 6, through `PolygonArea`).
    pub area_m2: f64,
    /// The best estimate when feasible; otherwise the point that misses the constraints by the least in all.
    pub best: Point<f64>,
    /// The rule that picked `best`.
    pub best_rule: &'static str,
    /// Every constraint evaluated at `best`.
    pub at_best: Vec<ConstraintMiss>,
    /// Smallest and largest range from the launch point over the region, metres (None when infeasible).
    pub range_band_m: Option<(f64, f64)>,
    /// South, west, north, east bounds of the region in degrees (west/east unwrapped so that west <= east).
    pub bounds: Option<[f64; 4]>,
    /// How many candidate points were evaluated.
    pub evaluated: usize,
}

/// The rule for the best estimate of a feasible region.
pub const BEST_RULE_FEASIBLE: &str = "the feasible point nearest the stated nominal figures: least squares of \
     each figure's deviation in units of its band half-width (distance and bearing from the reference place, \
     range, direction, and each overflight taken as passing directly over the place)";
/// The rule for the compromise point of an infeasible region.
pub const BEST_RULE_INFEASIBLE: &str = "no point satisfies every constraint: the point with the least total miss \
     (sum of misses in metres, bearing misses taken as arc length at that distance)";

/// Finds the feasible impact region inside a phrase's domain.
///
/// Inputs: the domain (anchor, distance band, bearing sector), the constraints on the impact point (range,
/// launch direction, overflights), the launch point (for the band of ranges over the region) and the search
/// options.
/// Output: the [`FeasibleRegion`].
///
/// # Errors
/// [`GeodesyError`] from the geodesic computations (for example a constraint with an invalid point).
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::report::{Constraint, PhraseDomain, RegionOptions, feasible_region};
/// // 1,000 +/- 5 km east (+/- 22.5 deg) of (0, 0), and at most 50 km from (9 E, 0): only the part of the band
/// // near the equator is feasible (1,000 km along the equator ends at 8.983 E: GeodSolve).
/// let domain = PhraseDomain {
///     anchor: Point::new(0.0, 0.0), distance_nominal_m: 1.0e6, distance_low_m: 995e3,
///     distance_high_m: 1005e3, azimuth_deg: 90.0, half_width_deg: 22.5,
/// };
/// let c = vec![Constraint::DistanceFrom {
///     label: "range".into(), from: Point::new(9.0, 0.0), low: 0.0, high: 50e3, nominal: 0.0,
/// }];
/// let region = feasible_region(&domain, &c, None, &RegionOptions::default()).unwrap();
/// assert!(region.feasible);
/// assert!(region.best.y().abs() < 0.5 && (region.best.x() - 8.98).abs() < 0.1);
/// ```
pub fn feasible_region(
    domain: &PhraseDomain,
    constraints: &[Constraint],
    launch: Option<Point<f64>>,
    options: &RegionOptions,
) -> Result<FeasibleRegion, GeodesyError> {
    let search = RegionSearch { ellipsoid: Ellipsoid::wgs84(), domain, constraints, options };
    search.run(launch)
}

struct RegionSearch<'a> {
    ellipsoid: Ellipsoid,
    domain: &'a PhraseDomain,
    constraints: &'a [Constraint],
    options: &'a RegionOptions,
}

/// One column of the polar grid: an azimuth from the anchor and the feasible distance interval along it.
#[derive(Debug, Clone, Copy)]
struct Column {
    azimuth: f64,
    interval: Option<(f64, f64)>,
}

impl RegionSearch<'_> {
    fn point(&self, azimuth: f64, distance: f64) -> Result<Point<f64>, GeodesyError> {
        Ok(self.ellipsoid.direct(self.domain.anchor, azimuth, distance)?.point)
    }

    fn total_miss(&self, x: Point<f64>) -> Result<f64, GeodesyError> {
        let mut total = 0.0;
        for c in self.constraints {
            let m = c.evaluate(&self.ellipsoid, x)?;
            total += if m.unit == "deg" {
                let d = self.ellipsoid.inverse(constraint_origin(c), x)?.distance_m;
                m.miss.to_radians() * d
            } else {
                m.miss
            };
        }
        Ok(total)
    }

    fn feasible_at(&self, azimuth: f64, distance: f64) -> Result<bool, GeodesyError> {
        let x = self.point(azimuth, distance)?;
        for c in self.constraints {
            if c.evaluate(&self.ellipsoid, x)?.miss > 0.0 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn distances(&self) -> Vec<f64> {
        let (lo, hi) = (self.domain.distance_low_m, self.domain.distance_high_m);
        let n = self.options.distance_samples.max(2);
        (0..n).map(|i| lo + (hi - lo) * i as f64 / (n - 1) as f64).collect()
    }

    /// Bisects between a feasible and an infeasible parameter value.
    fn bisect(
        &self,
        mut good: f64,
        mut bad: f64,
        feasible: impl Fn(f64) -> Result<bool, GeodesyError>,
    ) -> Result<f64, GeodesyError> {
        for _ in 0..self.options.refine_steps {
            let mid = 0.5 * (good + bad);
            if feasible(mid)? {
                good = mid;
            } else {
                bad = mid;
            }
        }
        Ok(good)
    }

    /// The feasible distance interval along one azimuth (the hull of the feasible samples, edges refined).
    fn column(&self, azimuth: f64, counter: &mut usize) -> Result<Column, GeodesyError> {
        let ds = self.distances();
        let mut flags = Vec::with_capacity(ds.len());
        for &d in &ds {
            flags.push(self.feasible_at(azimuth, d)?);
            *counter += 1;
        }
        let (Some(first), Some(last)) = (flags.iter().position(|&f| f), flags.iter().rposition(|&f| f))
        else {
            return Ok(Column { azimuth, interval: None });
        };
        let at = |d: f64| self.feasible_at(azimuth, d);
        let low = if first == 0 { ds[0] } else { self.bisect(ds[first], ds[first - 1], at)? };
        let high = if last + 1 == ds.len() { ds[last] } else { self.bisect(ds[last], ds[last + 1], at)? };
        Ok(Column { azimuth, interval: Some((low, high)) })
    }

    fn run(&self, launch: Option<Point<f64>>) -> Result<FeasibleRegion, GeodesyError> {
        let d = self.domain;
        let span = 2.0 * d.half_width_deg;
        let n = ((span / self.options.azimuth_step_deg).ceil() as usize).max(1);
        let mut evaluated = 0;
        let mut columns = Vec::with_capacity(n + 1);
        for i in 0..=n {
            let azimuth = d.azimuth_deg - d.half_width_deg + span * i as f64 / n as f64;
            columns.push(self.column(azimuth, &mut evaluated)?);
        }
        // Refine the azimuth edges of each run of feasible columns.
        let mut runs: Vec<Vec<Column>> = Vec::new();
        let mut current: Vec<Column> = Vec::new();
        for (i, col) in columns.iter().enumerate() {
            if col.interval.is_some() {
                if current.is_empty() && i > 0 {
                    let edge =
                        self.refine_edge(columns[i].azimuth, columns[i - 1].azimuth, &mut evaluated)?;
                    current.push(edge);
                }
                current.push(*col);
            } else if !current.is_empty() {
                let edge = self.refine_edge(columns[i - 1].azimuth, col.azimuth, &mut evaluated)?;
                current.push(edge);
                runs.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            runs.push(current);
        }
        if runs.is_empty() {
            return self.compromise(evaluated);
        }
        self.summarise(&runs, launch, evaluated)
    }

    /// The last feasible column between a feasible azimuth `good` and an infeasible one `bad`.
    fn refine_edge(&self, good: f64, bad: f64, counter: &mut usize) -> Result<Column, GeodesyError> {
        let any = |az: f64| -> Result<bool, GeodesyError> {
            for dd in self.distances() {
                if self.feasible_at(az, dd)? {
                    return Ok(true);
                }
            }
            Ok(false)
        };
        let az = self.bisect(good, bad, any)?;
        *counter += self.options.refine_steps * self.options.distance_samples;
        let col = self.column(az, counter)?;
        // The bisection guarantees a feasible sample at `az`; fall back to the known feasible column otherwise.
        if col.interval.is_some() { Ok(col) } else { self.column(good, counter) }
    }

    fn summarise(
        &self,
        runs: &[Vec<Column>],
        launch: Option<Point<f64>>,
        evaluated: usize,
    ) -> Result<FeasibleRegion, GeodesyError> {
        let d = self.domain;
        let d_half = 0.5 * (d.distance_high_m - d.distance_low_m);
        let mut rings = Vec::new();
        let mut area = 0.0;
        let mut best: Option<(f64, Point<f64>)> = None;
        let mut range_band = (f64::INFINITY, f64::NEG_INFINITY);
        let mut bounds = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for run in runs {
            let mut inner = Vec::new();
            let mut outer = Vec::new();
            for col in run {
                let Some((lo, hi)) = col.interval else { continue };
                inner.push(self.point(col.azimuth, lo)?);
                outer.push(self.point(col.azimuth, hi)?);
                let n = self.options.distance_samples.max(2);
                for k in 0..n {
                    let dist = lo + (hi - lo) * k as f64 / (n - 1) as f64;
                    let x = self.point(col.azimuth, dist)?;
                    let mut score = sq((dist - d.distance_nominal_m) / d_half.max(1.0))
                        + sq(angle_difference(col.azimuth, d.azimuth_deg) / d.half_width_deg.max(1e-9));
                    for c in self.constraints {
                        score += sq(c.deviation(&c.evaluate(&self.ellipsoid, x)?));
                    }
                    if let Some(launch) = launch {
                        let r = self.ellipsoid.inverse(launch, x)?.distance_m;
                        range_band = (range_band.0.min(r), range_band.1.max(r));
                    }
                    if best.is_none_or(|(s, _)| score < s) {
                        best = Some((score, x));
                    }
                }
            }
            let mut ring: Vec<Point<f64>> = inner;
            ring.extend(outer.into_iter().rev());
            if let Some(&first) = ring.first() {
                ring.push(first);
            }
            let ring = unwrap_longitudes(&ring);
            for p in &ring {
                bounds =
                    [bounds[0].min(p.y()), bounds[1].min(p.x()), bounds[2].max(p.y()), bounds[3].max(p.x())];
            }
            area += ring_area(&self.ellipsoid, &ring);
            rings.push(ring);
        }
        let Some((_, best)) = best else { return self.compromise(evaluated) };
        let at_best = self.evaluate_all(best)?;
        Ok(FeasibleRegion {
            feasible: true,
            rings,
            area_m2: area,
            best,
            best_rule: BEST_RULE_FEASIBLE,
            at_best,
            range_band_m: launch.map(|_| range_band),
            bounds: Some(bounds),
            evaluated,
        })
    }

    fn evaluate_all(&self, x: Point<f64>) -> Result<Vec<ConstraintMiss>, GeodesyError> {
        self.constraints.iter().map(|c| c.evaluate(&self.ellipsoid, x)).collect()
    }

    /// No feasible point: find the point of least total miss on a wider grid, then refine by pattern search.
    fn compromise(&self, mut evaluated: usize) -> Result<FeasibleRegion, GeodesyError> {
        let d = self.domain;
        let lo = 0.5 * d.distance_low_m;
        let hi = (1.5 * d.distance_high_m).min(19_900_000.0);
        let (mut best_az, mut best_d, mut best_miss) = (d.azimuth_deg, d.distance_nominal_m, f64::INFINITY);
        let (n_az, n_d) = (180, 40);
        for i in 0..n_az {
            let az = d.azimuth_deg - 90.0 + 180.0 * i as f64 / (n_az - 1) as f64;
            for k in 0..n_d {
                let dist = lo + (hi - lo) * k as f64 / (n_d - 1) as f64;
                let miss = self.total_miss(self.point(az, dist)?)? + self.domain_miss(az, dist);
                evaluated += 1;
                if miss < best_miss {
                    (best_az, best_d, best_miss) = (az, dist, miss);
                }
            }
        }
        // Pattern search: halve the steps until they are below a metre.
        let (mut step_az, mut step_d) = (1.0, (hi - lo) / n_d as f64);
        while step_d > 1.0 || step_az * best_d.to_radians() > 1.0 {
            let mut improved = false;
            for (da, dd) in [(step_az, 0.0), (-step_az, 0.0), (0.0, step_d), (0.0, -step_d)] {
                let (az, dist) = (best_az + da, (best_d + dd).max(0.0));
                let miss = self.total_miss(self.point(az, dist)?)? + self.domain_miss(az, dist);
                evaluated += 1;
                if miss < best_miss {
                    (best_az, best_d, best_miss) = (az, dist, miss);
                    improved = true;
                }
            }
            if !improved {
                step_az *= 0.5;
                step_d *= 0.5;
            }
        }
        let best = self.point(best_az, best_d)?;
        Ok(FeasibleRegion {
            feasible: false,
            rings: Vec::new(),
            area_m2: 0.0,
            best,
            best_rule: BEST_RULE_INFEASIBLE,
            at_best: self.evaluate_all(best)?,
            range_band_m: None,
            bounds: None,
            evaluated,
        })
    }

    /// How far (metres) a polar grid point lies outside the phrase's own distance band and sector.
    fn domain_miss(&self, azimuth: f64, distance: f64) -> f64 {
        let d = self.domain;
        let dist_miss = (d.distance_low_m - distance).max(distance - d.distance_high_m).max(0.0);
        let az_miss = (angle_difference(azimuth, d.azimuth_deg).abs() - d.half_width_deg).max(0.0);
        dist_miss + az_miss.to_radians() * distance
    }
}

fn constraint_origin(c: &Constraint) -> Point<f64> {
    match c {
        Constraint::DistanceFrom { from, .. } | Constraint::AzimuthFrom { from, .. } => *from,
        Constraint::PassesNear { launch, .. } | Constraint::PassesOver { launch, .. } => *launch,
        Constraint::InsideArea { vertices, .. } => vertices.first().copied().unwrap_or(Point::new(0.0, 0.0)),
    }
}

/// How far `x` lies outside a closed area, metres: 0 inside; otherwise the shortest distance to its boundary,
/// whose edges are geodesics (closest approach to each edge, Karney 2013, sec. 8).
///
/// Inside is decided in longitude and latitude, with longitudes unwrapped about the first vertex (the areas of
/// navigation warnings are small, so their geodesic edges and the straight lon/lat edges differ by far less
/// than their size).
///
/// # Errors
/// Those of [`closest_approach_on_segment`].
///
/// # Example
/// ```
/// use geo_types::Point;
/// use groundtrack::geodesy::Ellipsoid;
/// use groundtrack::report::distance_outside;
/// let square = [Point::new(0.0, 0.0), Point::new(1.0, 0.0), Point::new(1.0, 1.0), Point::new(0.0, 1.0)];
/// let e = Ellipsoid::wgs84();
/// assert_eq!(distance_outside(&e, &square, Point::new(0.5, 0.5)).unwrap(), 0.0);
/// // One degree of the equator south of the square: 110,574.389 m (GeodSolve -i 0 0.5 -1 0.5).
/// assert!((distance_outside(&e, &square, Point::new(0.5, -1.0)).unwrap() - 110_574.389).abs() < 0.01);
/// ```
pub fn distance_outside(
    ellipsoid: &Ellipsoid,
    vertices: &[Point<f64>],
    x: Point<f64>,
) -> Result<f64, GeodesyError> {
    use geo::Contains;
    let Some(first) = vertices.first() else { return Ok(0.0) };
    let unwrap = |p: &Point<f64>| (first.x() + angle_difference(p.x(), first.x()), p.y());
    let ring: Vec<(f64, f64)> = vertices.iter().map(unwrap).collect();
    let polygon = geo::Polygon::new(geo::LineString::from(ring), vec![]);
    if polygon.contains(&geo::Point::from(unwrap(&x))) {
        return Ok(0.0);
    }
    let mut best = f64::INFINITY;
    for (i, a) in vertices.iter().enumerate() {
        let b = vertices[(i + 1) % vertices.len()];
        if *a != b {
            best = best.min(closest_approach_on_segment(ellipsoid, x, *a, b)?.distance_m);
        }
    }
    Ok(best)
}

fn sq(x: f64) -> f64 {
    x * x
}

/// Makes consecutive longitudes differ by at most 180 degrees, so that a ring that crosses the antimeridian
/// stays continuous.
fn unwrap_longitudes(ring: &[Point<f64>]) -> Vec<Point<f64>> {
    let mut out: Vec<Point<f64>> = Vec::with_capacity(ring.len());
    for p in ring {
        let lon = match out.last() {
            Some(prev) => prev.x() + angle_difference(p.x(), prev.x()),
            None => p.x(),
        };
        out.push(Point::new(lon, p.y()));
    }
    out
}

/// Area of a closed ring of geodesic edges on the ellipsoid, square metres (absolute value).
fn ring_area(ellipsoid: &Ellipsoid, ring: &[Point<f64>]) -> f64 {
    let mut pa = PolygonArea::new(ellipsoid.geodesic(), Winding::CounterClockwise);
    // The closing vertex repeats the first: PolygonArea closes the ring itself.
    for p in &ring[..ring.len().saturating_sub(1)] {
        pa.add_point(p.y(), p.x());
    }
    let (_perimeter, area, _count) = pa.compute(true);
    area.abs()
}
