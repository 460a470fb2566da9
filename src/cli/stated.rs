//! Figure arguments worded as reports word them ("about 4,475 km", "more than 3,000 km", "approx. 53 min"): the
//! nominal value is used, and a note says so.

use groundtrack::Result;
use groundtrack::parse::{BandKind, Dimension, StatedFigure, parse_figure};

use super::fly::invalid;

/// A value in its unit as stated (followed by `per`, e.g. "/s" for a speed), without trailing zeros ("4475 km").
fn in_unit(f: &StatedFigure, si: f64, per: &str) -> String {
    let s = format!("{:.6}", si / f.unit.si_factor());
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s} {}{per}", f.unit.symbol())
}

/// The note for a worded figure given as `flag` (as written: `text`), or `None` for a plain number and unit: the
/// nominal used and the band the wording allows. `per` follows every unit ("/s" for the distance part of a
/// speed).
pub fn figure_note(flag: &str, text: &str, f: &StatedFigure, per: &str) -> Option<String> {
    if f.qualifier.is_none() && f.kind == BandKind::Rounding {
        return None;
    }
    let band = match f.kind {
        BandKind::AtLeast => format!("{} or more", in_unit(f, f.low, per)),
        BandKind::AtMost => format!("up to {}", in_unit(f, f.high, per)),
        BandKind::Rounding | BandKind::Explicit => {
            format!("{} to {}", in_unit(f, f.low, per), in_unit(f, f.high, per))
        }
    };
    Some(format!(
        "{flag} \"{}\": the nominal {} was used (the wording allows {band})",
        text.trim(),
        in_unit(f, f.nominal, per)
    ))
}

/// Reads the argument `flag` as a stated figure of `dimension` (`groundtrack::parse::parse_figure`, tolerance
/// scale 1) and returns its nominal value in metres, seconds or degrees. When the wording says more than a
/// plain number and unit (a hedge such as "about", a bound such as "more than", an explicit range), the note of
/// [`figure_note`] is pushed to `notes`.
///
/// # Errors
/// `Error::Invalid` naming the flag, with the parser's message (column and what would be accepted).
pub fn figure_arg(flag: &str, text: &str, dimension: Dimension, notes: &mut Vec<String>) -> Result<f64> {
    let f = parse_figure(text, dimension, 1.0).map_err(|e| invalid(flag, e))?;
    notes.extend(figure_note(flag, text, &f, ""));
    Ok(f.nominal)
}

/// Reads an optional figure argument (0 when absent); see [`figure_arg`].
///
/// # Errors
/// As [`figure_arg`].
pub fn optional_figure_arg(
    flag: &str,
    text: Option<&str>,
    dimension: Dimension,
    notes: &mut Vec<String>,
) -> Result<f64> {
    text.map_or(Ok(0.0), |t| figure_arg(flag, t, dimension, notes))
}

/// The free-flight time of a flight time stated from launch to re-entry (as reports and `check` read it):
/// `time_s - boost_time_s`. With a boost time, a note spells out the subtraction.
///
/// # Errors
/// `Error::Invalid` naming `--time` when the time is not longer than the boost time.
pub fn free_flight_time(time_s: f64, boost_time_s: f64, notes: &mut Vec<String>) -> Result<f64> {
    let free = time_s - boost_time_s;
    if free.is_nan() || free <= 0.0 {
        return Err(invalid(
            "--time",
            format!(
                "the flight time {time_s} s from launch is not longer than the boost time {boost_time_s} s \
                 (--boost-time), which leaves no free flight; expected a time longer than the boost"
            ),
        ));
    }
    if boost_time_s > 0.0 {
        notes.push(format!(
            "--time is the time from launch to re-entry (as check reads a stated flight time): free flight \
             {free} s = {time_s} s less the boost time of {boost_time_s} s"
        ));
    }
    Ok(free)
}
