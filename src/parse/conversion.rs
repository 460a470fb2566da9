//! A stated figure that carries its own conversion: "4,000 miles (6,437 km)", "about 4,200 miles (6,759
//! kilometers)", "11,547 km (7,200 miles)", "1,000 km or 620 miles".
//!
//! Wire services convert the figure of their source and print both. Both are kept as worded; whether the
//! conversion is right, and with which mile, is judged by `groundtrack::report::check_conversion`.

use super::ParseError;
use super::figure::{StatedFigure, match_phrase, scan_figure};
use super::number::skip_ws;
use super::quantity::Dimension;

const EXPECT: &str = "a figure with an optional conversion in brackets, such as \"4,000 miles (6,437 km)\" or \
     \"about 4,200 miles (6,759 kilometers)\"";

/// Reads a stated figure and, if the text gives one, its conversion into another unit.
///
/// Inputs: the text ("4,000 miles (6,437 km)", "about 4,200 miles (6,759 kilometers)", "1,000 km or 620 miles",
/// or a plain figure); the dimension expected; the tolerance scale of [`super::parse_figure`] (applied to both
/// figures).
///
/// Output: the figure as first written, and the conversion (None for a plain figure). Each is a
/// [`StatedFigure`] with its own rounding band: "(6,437 km)" allows 6,436.5 to 6,437.5 km.
///
/// # Errors
/// [`ParseError`] with the column for anything [`super::parse_figure`] rejects in either figure, a bracket that is
/// not closed, an empty bracket, and text after the conversion.
///
/// # Example
/// ```
/// use groundtrack::parse::{Dimension, Unit, parse_figure_with_conversion};
/// let (f, c) = parse_figure_with_conversion("4,000 miles (6,437 km)", Dimension::Distance, 1.0).unwrap();
/// assert_eq!((f.unit, f.nominal), (Unit::StatuteMile, 4_000.0 * 1609.344));
/// let c = c.unwrap();
/// assert_eq!((c.unit, c.nominal, c.low, c.high), (Unit::Kilometre, 6_437_000.0, 6_436_500.0, 6_437_500.0));
/// let (g, none) = parse_figure_with_conversion("about 2,700 km", Dimension::Distance, 1.0).unwrap();
/// assert!(none.is_none() && g.nominal == 2_700_000.0);
/// ```
pub fn parse_figure_with_conversion(
    s: &str,
    dimension: Dimension,
    tolerance_scale: f64,
) -> Result<(StatedFigure, Option<StatedFigure>), ParseError> {
    let chars: Vec<char> = s.chars().collect();
    let (first, end) = scan_figure(s, &chars, 0, dimension, tolerance_scale)?;
    let i = skip_ws(&chars, end);
    if i >= chars.len() {
        return Ok((first, None));
    }
    let (second, after) = match chars.get(i) {
        Some(&open @ ('(' | '[')) => {
            let closer = if open == '(' { ')' } else { ']' };
            let inner = skip_ws(&chars, i + 1);
            if chars.get(inner) == Some(&closer) {
                return Err(ParseError::at(s, inner, "an empty bracket", EXPECT));
            }
            let (second, e) = scan_figure(s, &chars, i + 1, dimension, tolerance_scale)?;
            let j = skip_ws(&chars, e);
            if chars.get(j) != Some(&closer) {
                return Err(ParseError::at(
                    s,
                    j,
                    format!("the bracket is not closed with \"{closer}\""),
                    EXPECT,
                ));
            }
            (second, j + 1)
        }
        _ => match match_phrase(&chars, i, "or") {
            Some(e) => scan_figure(s, &chars, e, dimension, tolerance_scale)?,
            None => {
                return Err(ParseError::at(s, i, format!("unexpected text after the {dimension}"), EXPECT));
            }
        },
    };
    let rest = skip_ws(&chars, after);
    if rest < chars.len() {
        return Err(ParseError::at(s, rest, "unexpected text after the conversion", EXPECT));
    }
    Ok((first, Some(second)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Unit;

    #[test]
    fn forms() {
        let (f, c) =
            parse_figure_with_conversion("about 4,200 miles (6,759 kilometers)", Dimension::Distance, 1.0)
                .unwrap();
        assert_eq!(f.qualifier.as_deref(), Some("about"));
        assert_eq!(f.unit, Unit::StatuteMile);
        let c = c.unwrap();
        assert_eq!(c.text, "6,759 kilometers");
        assert_eq!(c.nominal, 6_759_000.0);
        let (f, c) =
            parse_figure_with_conversion("11,547 km ( 7,200 miles )", Dimension::Distance, 1.0).unwrap();
        assert_eq!((f.unit, c.unwrap().unit), (Unit::Kilometre, Unit::StatuteMile));
        let (_, c) = parse_figure_with_conversion("1,000 km or 620 miles", Dimension::Distance, 1.0).unwrap();
        assert_eq!(c.unwrap().nominal, 620.0 * 1609.344);
        let (_, c) = parse_figure_with_conversion("4,200 nmi [7,778 km]", Dimension::Distance, 1.0).unwrap();
        assert_eq!(c.unwrap().unit, Unit::Kilometre);
    }

    #[test]
    fn errors() {
        let e = parse_figure_with_conversion("4,000 miles (6,437 km", Dimension::Distance, 1.0).unwrap_err();
        assert!(e.message.contains("not closed"), "{e}");
        assert_eq!(e.column, 22);
        let e = parse_figure_with_conversion("4,000 miles ()", Dimension::Distance, 1.0).unwrap_err();
        assert!(e.message.contains("empty"), "{e}");
        let e = parse_figure_with_conversion("4,000 miles (6,437 km) east", Dimension::Distance, 1.0)
            .unwrap_err();
        assert_eq!(e.column, 24);
        assert!(parse_figure_with_conversion("4,000 miles (6,437)", Dimension::Distance, 1.0).is_err());
        assert!(parse_figure_with_conversion("4,000 miles east", Dimension::Distance, 1.0).is_err());
        assert!(parse_figure_with_conversion("", Dimension::Distance, 1.0).is_err());
    }
}
