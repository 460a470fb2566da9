//! The frame of a map: extent in projected metres, the pixel transform, and the longitude/latitude box in view.

use geo_types::Point;

use super::Projection;

/// Pixel layout and the transform from projected metres to pixels (y down).
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub proj: Projection,
    /// Extent in projected metres: west, south, east, north.
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    /// Pixels per metre.
    pub k: f64,
    /// The map panel in pixels.
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// Longitude/latitude box in view; longitudes unwrapped around the centre (may pass ±180).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ViewBounds {
    pub lon_min: f64,
    pub lon_max: f64,
    pub lat_min: f64,
    pub lat_max: f64,
}

impl Frame {
    /// Fits the projected points into a panel `width` pixels wide, with `margin` (a fraction of the span) on
    /// each side; the panel's height follows the extent's shape within [0.55, 1.0] of the width.
    pub fn fit(
        proj: Projection,
        points: &[(f64, f64)],
        left: f64,
        top: f64,
        width: f64,
        margin: f64,
    ) -> Frame {
        let finite = points.iter().filter(|(x, y)| x.is_finite() && y.is_finite());
        let (mut x0, mut y0, mut x1, mut y1) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        let mut any = false;
        for &(x, y) in finite {
            if !any {
                (x0, y0, x1, y1) = (x, y, x, y);
                any = true;
            }
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        // At least 200 km across, so a single point still gets a map around it.
        let min_span = 200_000.0;
        let (cx, cy) = (0.5 * (x0 + x1), 0.5 * (y0 + y1));
        let mut w = (x1 - x0).max(min_span) * (1.0 + 2.0 * margin);
        let mut h = (y1 - y0).max(min_span) * (1.0 + 2.0 * margin);
        let aspect = (h / w).clamp(0.55, 1.0);
        let height = (width * aspect).round();
        if h / w < aspect {
            h = w * aspect;
        } else {
            w = h / aspect;
        }
        Frame {
            proj,
            x0: cx - 0.5 * w,
            y0: cy - 0.5 * h,
            x1: cx + 0.5 * w,
            y1: cy + 0.5 * h,
            k: width / w,
            left,
            top,
            width,
            height,
        }
    }

    /// Projected metres to pixels.
    pub fn px(&self, x: f64, y: f64) -> (f64, f64) {
        (self.left + (x - self.x0) * self.k, self.top + (self.y1 - y) * self.k)
    }

    /// A point (lon, lat degrees) to pixels, `None` where it cannot be projected.
    pub fn project(&self, p: Point<f64>) -> Option<(f64, f64)> {
        self.proj.forward(p).map(|(x, y)| self.px(x, y))
    }

    /// The longitude/latitude box that the panel shows, from its border (64 samples a side) and the poles.
    pub fn view_bounds(&self) -> ViewBounds {
        let lon_c = self.proj.center().x();
        let mut b = ViewBounds { lon_min: f64::MAX, lon_max: f64::MIN, lat_min: 90.0, lat_max: -90.0 };
        let n = 64;
        let mut border = Vec::with_capacity(4 * n);
        for i in 0..n {
            let t = i as f64 / n as f64;
            border.push((self.x0 + t * (self.x1 - self.x0), self.y0));
            border.push((self.x1, self.y0 + t * (self.y1 - self.y0)));
            border.push((self.x1 - t * (self.x1 - self.x0), self.y1));
            border.push((self.x0, self.y1 - t * (self.y1 - self.y0)));
        }
        for (x, y) in border {
            if let Some(p) = self.proj.reverse(x, y) {
                let lon = lon_c + crate::geodesy::normalize_longitude(p.x() - lon_c);
                b.lon_min = b.lon_min.min(lon);
                b.lon_max = b.lon_max.max(lon);
                b.lat_min = b.lat_min.min(p.y());
                b.lat_max = b.lat_max.max(p.y());
            } else {
                // Beyond the reach of the projection (the far side): show everything.
                return ViewBounds {
                    lon_min: lon_c - 180.0,
                    lon_max: lon_c + 180.0,
                    lat_min: -90.0,
                    lat_max: 90.0,
                };
            }
        }
        for pole in [90.0, -90.0] {
            let inside = |(x, y): (f64, f64)| x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1;
            if self.proj.forward(Point::new(lon_c, pole)).is_some_and(inside) {
                b.lon_min = lon_c - 180.0;
                b.lon_max = lon_c + 180.0;
                if pole > 0.0 { b.lat_max = 90.0 } else { b.lat_min = -90.0 }
            }
        }
        // A degree of slack for the border's sampling.
        ViewBounds {
            lon_min: b.lon_min - 1.0,
            lon_max: b.lon_max + 1.0,
            lat_min: (b.lat_min - 1.0).max(-90.0),
            lat_max: (b.lat_max + 1.0).min(90.0),
        }
    }
}

impl ViewBounds {
    /// Whether a lon/lat box (longitudes in [-180, 180]) overlaps the view, trying shifts of ±360.
    pub fn overlaps(&self, lon_min: f64, lat_min: f64, lon_max: f64, lat_max: f64) -> bool {
        if lat_max < self.lat_min || lat_min > self.lat_max {
            return false;
        }
        [-360.0, 0.0, 360.0].iter().any(|s| lon_max + s >= self.lon_min && lon_min + s <= self.lon_max)
    }
}
