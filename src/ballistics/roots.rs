//! One-dimensional root finding and minimisation for the ballistic solvers.

/// Finds `x` in `[lo, hi]` with `f(x) = 0` by bisection, for `f` increasing there and changing sign; a NaN
/// value of `f` counts as `nan_as` (use +infinity where NaN marks the upper edge of a domain, -infinity for the
/// lower edge).
///
/// Stops when the bracket is no wider than `tol` or after 200 halvings. Returns the midpoint of the last bracket.
pub(crate) fn bisect_increasing(
    mut f: impl FnMut(f64) -> f64,
    mut lo: f64,
    mut hi: f64,
    tol: f64,
    nan_as: f64,
) -> f64 {
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if !(hi - lo > tol) || mid == lo || mid == hi {
            break;
        }
        let v = f(mid);
        let v = if v.is_nan() { nan_as } else { v };
        if v < 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Finds the `x` in `[lo, hi]` where the unimodal `f` is least, by golden-section search (J. Kiefer,
/// *Sequential minimax search for a maximum*, Proc. AMS 4, 1953); NaN counts as +infinity.
///
/// Stops when the bracket is no wider than `tol` or after 200 steps.
pub(crate) fn golden_min(mut f: impl FnMut(f64) -> f64, mut lo: f64, mut hi: f64, tol: f64) -> f64 {
    let g = |v: f64| if v.is_nan() { f64::INFINITY } else { v };
    let inv_phi = (5f64.sqrt() - 1.0) / 2.0;
    let mut x1 = hi - inv_phi * (hi - lo);
    let mut x2 = lo + inv_phi * (hi - lo);
    let (mut f1, mut f2) = (g(f(x1)), g(f(x2)));
    for _ in 0..200 {
        if !(hi - lo > tol) {
            break;
        }
        if f1 <= f2 {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - inv_phi * (hi - lo);
            f1 = g(f(x1));
        } else {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + inv_phi * (hi - lo);
            f2 = g(f(x2));
        }
    }
    0.5 * (lo + hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bisect_finds_square_root() {
        let x = bisect_increasing(|x| x * x - 2.0, 0.0, 2.0, 1e-15, f64::INFINITY);
        assert!((x - 2f64.sqrt()).abs() < 1e-14);
        // NaN past 1.5 counts as above zero.
        let y =
            bisect_increasing(|x| if x > 1.5 { f64::NAN } else { x - 1.2 }, 0.0, 2.0, 1e-15, f64::INFINITY);
        assert!((y - 1.2).abs() < 1e-14);
    }

    #[test]
    fn golden_finds_parabola_minimum() {
        let x = golden_min(|x| (x - 0.3).powi(2), -1.0, 2.0, 1e-10);
        assert!((x - 0.3).abs() < 1e-9);
    }
}
