//! Numbers with a fixed count of decimals, fast: the text of `format!("{:.N}", v)` without its cost.
//!
//! The batch commands print millions of numbers, and Rust's exact fixed-precision formatting (like C's
//! `printf("%.9f")`) is the largest cost after the geodesic itself. [`write_fixed`] scales the value by a power
//! of ten, rounds it to an integer (with the exact error of the product where it matters) and prints the integer's digits (the `itoa` crate) with a decimal point put
//! in. The scaled product carries a rounding error of at most half a unit in its last place; whenever that error
//! could change the rounded integer (the fraction lies within that error of one half, which includes exact ties)
//! or the product is too large to be exact, the standard library's exact formatter writes the number instead. So
//! the text is always the correctly rounded decimal, identical to `format!("{:.N}", v)`.

use std::io::Write;

/// Powers of ten that are exact in `f64` (10^0 ... 10^22).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
];

/// Scaled values below this (2^30) are rounded from the product alone: its error, at most 2^-23, decides the
/// rounding only within that distance of one half (then the exact formatter decides).
const SMALL_LIMIT: f64 = 1_073_741_824.0;

/// Scaled values from 2^30 to below this (2^63) are rounded with the exact error of the product, and fit a `u64`.
const INTEGER_LIMIT: f64 = 9_223_372_036_854_775_808.0;

/// Appends `v` with exactly `decimals` digits after the decimal point, correctly rounded (ties to even, as the
/// exact decimal value of the double decides), to `out`.
///
/// Input: any `f64`; `decimals` digits after the point (0 gives no point). Output: the same text as
/// `format!("{:.decimals$}", v)` for finite values (a negative value that rounds to zero keeps its minus sign,
/// as there), except that NaN is written `nan` (as GeographicLib's tools write it); infinities are `inf` and
/// `-inf`.
///
/// # Example
/// ```
/// use groundtrack::output::write_fixed;
/// let mut out = Vec::new();
/// write_fixed(&mut out, 72.957401953, 3);
/// out.push(b' ');
/// write_fixed(&mut out, -0.00049, 3);
/// out.push(b' ');
/// write_fixed(&mut out, 0.125, 2); // a tie: ties to even, as format! does
/// assert_eq!(String::from_utf8(out).unwrap(), "72.957 -0.000 0.12");
/// ```
pub fn write_fixed(out: &mut Vec<u8>, v: f64, decimals: usize) {
    if !v.is_finite() {
        out.extend_from_slice(if v.is_nan() {
            b"nan"
        } else if v > 0.0 {
            b"inf"
        } else {
            b"-inf"
        });
        return;
    }
    match scaled_integer(v.abs(), decimals) {
        Some(n) => {
            if v.is_sign_negative() {
                out.push(b'-');
            }
            let mut buf = itoa::Buffer::new();
            let digits = buf.format(n).as_bytes();
            if decimals == 0 {
                out.extend_from_slice(digits);
            } else if digits.len() <= decimals {
                out.extend_from_slice(b"0.");
                out.resize(out.len() + decimals - digits.len(), b'0');
                out.extend_from_slice(digits);
            } else {
                let (int, frac) = digits.split_at(digits.len() - decimals);
                out.extend_from_slice(int);
                out.push(b'.');
                out.extend_from_slice(frac);
            }
        }
        None => {
            // Writing to a Vec cannot fail.
            let _ = write!(out, "{v:.decimals$}");
        }
    }
}

/// The same as [`write_fixed`], returned as a `String`.
///
/// # Example
/// ```
/// use groundtrack::output::fixed;
/// assert_eq!(fixed(1515.548762, 3), "1515.549");
/// assert_eq!(fixed(f64::NAN, 3), "nan");
/// ```
pub fn fixed(v: f64, decimals: usize) -> String {
    let mut out = Vec::with_capacity(24);
    write_fixed(&mut out, v, decimals);
    // Only ASCII digits, signs, points and letters are written.
    String::from_utf8(out).unwrap_or_default()
}

/// round(a * 10^decimals) as an integer when the fast computation is provably the correctly rounded one;
/// `None` when the exact formatter must decide (very large values, more than 22 decimals, an exact tie, or a
/// small value too close to a tie to tell).
fn scaled_integer(a: f64, decimals: usize) -> Option<u64> {
    let p = *POW10.get(decimals)?;
    let y = a * p;
    // a is finite and not negative, so y is too or is +inf (which fails this test).
    if y >= INTEGER_LIMIT {
        return None;
    }
    // Truncation is floor for 0 <= y < 2^63, and y - floor(y) is exact (Sterbenz's lemma for y >= 1).
    let n = y as u64;
    let floor = n as f64;
    let frac = y - floor;
    if y < SMALL_LIMIT {
        // y differs from the exact product a * 10^d by at most half an ulp of y, at most y * 2^-53.
        let bound = y * f64::EPSILON; // twice the largest error
        if (frac - 0.5).abs() <= bound {
            return None;
        }
        return Some(if frac > 0.5 { n + 1 } else { n });
    }
    // The exact product is y + e, with e the rounding error of the product, itself a double (Dekker 1971,
    // Numer. Math. 18:224-242, TwoProduct), so round(a * 10^d) = floor + round(frac + e).
    let e = product_error(a, p, y);
    if frac == 0.0 {
        // y is an integer (always from 2^52 on, where e may exceed one half): add round(e).
        let whole = e.round();
        if (e - whole).abs() == 0.5 {
            return None; // an exact tie: the exact formatter rounds it to even
        }
        return if whole >= 0.0 { n.checked_add(whole as u64) } else { n.checked_sub((-whole) as u64) };
    }
    // Below 2^52, |e| <= ulp(y) / 2 <= 1/4: frac + e is below one half when frac is, and otherwise its sign
    // against one half is that of (frac - 1/2) + e, computed exactly in sign (frac - 1/2 is exact by Sterbenz).
    if frac < 0.25 {
        return Some(n);
    }
    let s = (frac - 0.5) + e;
    if s > 0.0 {
        Some(n + 1)
    } else if s < 0.0 {
        Some(n)
    } else {
        None
    }
}

/// The exact rounding error of the product `p = a * b`: a * b = p + e exactly (T. J. Dekker, *A floating-point
/// technique for extending the available precision*, Numer. Math. 18:224-242, 1971, algorithm "mul12", with
/// Veltkamp's splitting). Valid when no partial product overflows or underflows, which holds for the magnitudes
/// passed here (a * b between 2^30 and 2^63, b at most 10^22).
fn product_error(a: f64, b: f64, p: f64) -> f64 {
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    ((ah * bh - p) + ah * bl + al * bh) + al * bl
}

/// Veltkamp's splitting of a double into two halves of 26 significant bits each: a = hi + lo exactly.
fn split(a: f64) -> (f64, f64) {
    const FACTOR: f64 = 134_217_729.0; // 2^27 + 1
    let c = FACTOR * a;
    let hi = c - (c - a);
    (hi, a - hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_std(v: f64, d: usize) {
        let got = fixed(v, d);
        let want = format!("{v:.d$}");
        assert_eq!(got, want, "value {v:e}, {d} decimals");
    }

    #[test]
    fn matches_the_standard_formatter_on_awkward_values() {
        let values = [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -2.5,
            0.125,
            0.375,
            1e-9,
            -1e-9,
            4.9999999995,
            0.0049999999999,
            179.999999995,
            -179.999999995,
            89.99999999949999,
            1e15,
            4.5e15,
            1e22,
            1.2345678901234567e-5,
            20_003_931.458_625_447,
            0.1,
            0.7,
            1.0 / 3.0,
            f64::MIN_POSITIVE,
            5e-324,
            f64::MAX,
        ];
        for &v in &values {
            for d in 0..=17 {
                same_as_std(v, d);
                same_as_std(-v, d);
            }
        }
    }

    #[test]
    fn matches_the_standard_formatter_on_many_values() {
        // A simple deterministic generator (64-bit LCG, Knuth's MMIX constants) spreading values over the
        // magnitudes the batch commands print.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let mantissa = (state >> 11) as f64 / (1u64 << 53) as f64;
            let exp = ((state >> 3) % 14) as i32 - 6;
            let v = (mantissa - 0.5) * 10f64.powi(exp);
            let d = (state % 17) as usize;
            same_as_std(v, d);
        }
    }

    #[test]
    fn the_exact_formatter_is_rarely_needed() {
        // Azimuths at 14 decimals and distances at 9 (GeodSolve -p 9) take the fast path.
        let mut state: u64 = 7;
        let mut slow = 0;
        for _ in 0..100_000 {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let u = (state >> 11) as f64 / (1u64 << 53) as f64;
            slow += usize::from(scaled_integer(180.0 * u, 14).is_none());
            slow += usize::from(scaled_integer(2.0e7 * u, 9).is_none());
        }
        assert!(slow < 10, "{slow} of 200000 values needed the exact formatter");
    }

    #[test]
    fn non_finite_values() {
        assert_eq!(fixed(f64::INFINITY, 2), "inf");
        assert_eq!(fixed(f64::NEG_INFINITY, 2), "-inf");
        assert_eq!(fixed(-f64::NAN, 2), "nan");
    }
}
