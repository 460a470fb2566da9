//! Unit slips: the known shapes of a wrong distance figure, tested as hypotheses against the geometry, and the
//! check of a figure's own conversion ("4,000 miles (6,437 km)").
//!
//! The slips tested (exact factors: 1 mi = 1609.344 m, 1 nmi = 1852 m, international definitions; see
//! `crate::parse::Unit`):
//! - a statute-mile figure that was nautical miles, and the reverse;
//! - a mile figure (statute or nautical) that was kilometres, and a kilometre figure that was statute or nautical
//!   miles (the label slipped, the number did not);
//! - a kilometre figure converted from miles with the wrong mile: nautical miles converted as statute
//!   (x 1.609344 where 1.852 was due), or statute as nautical.
//!
//! A hypothesis scales the stated band by the ratio of the factors and fits when the scaled band contains the
//! distance computed from the geometry. It is said as a hypothesis; the verdict on the figure as stated is not
//! changed by it.

use serde::Serialize;

use crate::parse::{BandKind, Dimension, StatedFigure, Unit};

/// Which slip a [`Hypothesis`] assumes.
///
/// # Example
/// ```
/// use groundtrack::report::SlipKind;
/// assert_eq!(SlipKind::MilesWereNautical.factor(), 1852.0 / 1609.344);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SlipKind {
    /// "miles" (statute) that were nautical miles.
    MilesWereNautical,
    /// "nautical miles" that were statute miles.
    NauticalWereStatute,
    /// "miles" (statute) that were kilometres.
    MilesWereKilometres,
    /// "nautical miles" that were kilometres.
    NauticalWereKilometres,
    /// "kilometres" that were statute miles.
    KilometresWereMiles,
    /// "kilometres" that were nautical miles.
    KilometresWereNautical,
    /// Kilometres converted from nautical miles with the statute mile.
    ConvertedNauticalAsStatute,
    /// Kilometres converted from statute miles with the nautical mile.
    ConvertedStatuteAsNautical,
}

impl SlipKind {
    /// The factor by which the slip scaled the true distance: true = stated x factor.
    ///
    /// # Example
    /// ```
    /// use groundtrack::report::SlipKind;
    /// assert_eq!(SlipKind::KilometresWereMiles.factor(), 1.609344);
    /// ```
    pub fn factor(&self) -> f64 {
        let mi = Unit::StatuteMile.si_factor();
        let nmi = Unit::NauticalMile.si_factor();
        let km = Unit::Kilometre.si_factor();
        match self {
            SlipKind::MilesWereNautical | SlipKind::ConvertedNauticalAsStatute => nmi / mi,
            SlipKind::NauticalWereStatute | SlipKind::ConvertedStatuteAsNautical => mi / nmi,
            SlipKind::MilesWereKilometres => km / mi,
            SlipKind::NauticalWereKilometres => km / nmi,
            SlipKind::KilometresWereMiles => mi / km,
            SlipKind::KilometresWereNautical => nmi / km,
        }
    }

    /// The slips that can apply to a figure stated in `unit` (none for metres and non-distances).
    ///
    /// # Example
    /// ```
    /// use groundtrack::parse::Unit;
    /// use groundtrack::report::SlipKind;
    /// assert_eq!(SlipKind::for_unit(Unit::StatuteMile).len(), 2);
    /// assert!(SlipKind::for_unit(Unit::Metre).is_empty());
    /// ```
    pub fn for_unit(unit: Unit) -> &'static [SlipKind] {
        match unit {
            Unit::StatuteMile => &[SlipKind::MilesWereNautical, SlipKind::MilesWereKilometres],
            Unit::NauticalMile => &[SlipKind::NauticalWereStatute, SlipKind::NauticalWereKilometres],
            Unit::Kilometre => &[
                SlipKind::KilometresWereMiles,
                SlipKind::KilometresWereNautical,
                SlipKind::ConvertedNauticalAsStatute,
                SlipKind::ConvertedStatuteAsNautical,
            ],
            _ => &[],
        }
    }

    /// The condition in words ("'miles' means nautical miles").
    fn condition(&self) -> &'static str {
        match self {
            SlipKind::MilesWereNautical => "'miles' means nautical miles",
            SlipKind::NauticalWereStatute => "'nautical miles' means statute miles",
            SlipKind::MilesWereKilometres => "'miles' means kilometres",
            SlipKind::NauticalWereKilometres => "'nautical miles' means kilometres",
            SlipKind::KilometresWereMiles => "'km' means statute miles",
            SlipKind::KilometresWereNautical => "'km' means nautical miles",
            SlipKind::ConvertedNauticalAsStatute => {
                "the km figure was converted from nautical miles as if statute"
            }
            SlipKind::ConvertedStatuteAsNautical => {
                "the km figure was converted from statute miles as if nautical"
            }
        }
    }

    /// The unit the number is read in under the slip, for the sentence.
    fn read_unit(&self) -> &'static str {
        match self {
            SlipKind::MilesWereNautical | SlipKind::KilometresWereNautical => "nmi",
            SlipKind::NauticalWereStatute | SlipKind::KilometresWereMiles => "mi",
            SlipKind::MilesWereKilometres | SlipKind::NauticalWereKilometres => "km",
            SlipKind::ConvertedNauticalAsStatute | SlipKind::ConvertedStatuteAsNautical => "km",
        }
    }
}

/// One unit-slip reading of a stated distance, tested against the distance computed from the geometry.
///
/// Serialised as `{kind, text, value, unit, miss, relative_miss, consistent}`.
///
/// # Example
/// ```
/// use groundtrack::parse::{Dimension, parse_figure};
/// use groundtrack::report::unit_slip_hypotheses;
/// let f = parse_figure("4,000 miles", Dimension::Distance, 1.0).unwrap();
/// let h = &unit_slip_hypotheses(&f, 7_380_000.0)[0];
/// assert_eq!((h.value, h.unit.as_str()), (7_408.0, "km"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hypothesis {
    /// Which slip.
    pub kind: SlipKind,
    /// The hypothesis in words: "consistent if 'miles' means nautical miles: 4,000 nmi = 7,408 km, 0.4% from the
    /// geometry".
    pub text: String,
    /// The figure's nominal value under the slip, in `unit`.
    pub value: f64,
    /// "km".
    pub unit: String,
    /// |value - computed|, in `unit`.
    pub miss: f64,
    /// (value - computed) / computed.
    pub relative_miss: f64,
    /// Whether the figure's band, scaled by the slip, contains the computed distance.
    pub consistent: bool,
}

/// Formats `x` with thousands separators and at most `decimals` decimals, trailing zeros dropped.
fn group_thousands(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (s.clone(), String::new()),
    };
    let mut grouped = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    if frac.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}.{frac}") }
}

/// The stated number(s) in their own unit: "4,000" or "2,700-2,800".
fn stated_number(f: &StatedFigure) -> String {
    let k = f.unit.si_factor();
    match f.kind {
        BandKind::Explicit => format!("{}-{}", group_thousands(f.low / k, 3), group_thousands(f.high / k, 3)),
        _ => group_thousands(f.nominal / k, 3),
    }
}

/// Tests every unit slip that can apply to a stated distance against the distance computed from the geometry.
///
/// Inputs: the stated figure (a distance in statute miles, nautical miles or kilometres; other units and other
/// dimensions give no hypotheses) and the computed distance, metres (finite and positive, else no hypotheses).
/// Output: one [`Hypothesis`] per slip of [`SlipKind::for_unit`], in that order, each saying whether the figure's
/// band scaled by [`SlipKind::factor`] contains the computed distance.
///
/// # Example
/// ```
/// use groundtrack::parse::{Dimension, parse_figure};
/// use groundtrack::report::test_unit_slips;
/// let f = parse_figure("about 4,200 miles", Dimension::Distance, 1.0).unwrap();
/// // `echo "34.7 -120.6 8.72 167.73" | GeodSolve -i -p 3` (Vandenberg to Kwajalein): 7790956.890 m.
/// let all = test_unit_slips(&f, 7_790_957.0);
/// assert_eq!(all.len(), 2);
/// assert!(all[0].consistent && !all[1].consistent);
/// ```
pub fn test_unit_slips(stated: &StatedFigure, computed_m: f64) -> Vec<Hypothesis> {
    if stated.dimension != Dimension::Distance || !(computed_m.is_finite() && computed_m > 0.0) {
        return Vec::new();
    }
    let computed_km = computed_m / 1000.0;
    SlipKind::for_unit(stated.unit)
        .iter()
        .map(|&kind| {
            let f = kind.factor();
            let value = stated.nominal * f / 1000.0;
            let consistent = stated.low * f <= computed_m && computed_m <= stated.high * f;
            let relative_miss = (value - computed_km) / computed_km;
            let text = format!(
                "{} if {}: {} {} = {} km, {}% from the geometry",
                if consistent { "consistent" } else { "not consistent" },
                kind.condition(),
                stated_number(stated),
                kind.read_unit(),
                group_thousands(value, if value < 100.0 { 1 } else { 0 }),
                group_thousands(relative_miss.abs() * 100.0, 1),
            );
            Hypothesis {
                kind,
                text,
                value: (value * 10.0).round() / 10.0,
                unit: "km".into(),
                miss: (value - computed_km).abs(),
                relative_miss,
                consistent,
            }
        })
        .collect()
}

/// The unit slips that make a stated distance consistent with the geometry, closest first.
///
/// Inputs and slips as [`test_unit_slips`]; output only the hypotheses whose scaled band contains the computed
/// distance, sorted by |relative miss|. Meant for a figure whose verdict as stated is inconsistent; the caller
/// keeps that verdict and lists these beside it.
///
/// # Example
/// ```
/// use groundtrack::parse::{Dimension, parse_figure};
/// use groundtrack::report::unit_slip_hypotheses;
/// // "4,000 miles" against 7,380 km: consistent if the miles were nautical (7,408 km).
/// let f = parse_figure("4,000 miles", Dimension::Distance, 1.0).unwrap();
/// let h = unit_slip_hypotheses(&f, 7_380_000.0);
/// assert_eq!(h.len(), 1);
/// assert_eq!(
///     h[0].text,
///     "consistent if 'miles' means nautical miles: 4,000 nmi = 7,408 km, 0.4% from the geometry"
/// );
/// ```
pub fn unit_slip_hypotheses(stated: &StatedFigure, computed_m: f64) -> Vec<Hypothesis> {
    let mut fits: Vec<Hypothesis> =
        test_unit_slips(stated, computed_m).into_iter().filter(|h| h.consistent).collect();
    fits.sort_by(|a, b| a.relative_miss.abs().total_cmp(&b.relative_miss.abs()));
    fits
}

/// One reading of a stated conversion: which unit each figure is taken in, and whether the numbers agree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConversionReading {
    /// The unit the first figure is read in ("mi", "nmi", "km", "m").
    pub from_unit: String,
    /// The unit the conversion is read in.
    pub to_unit: String,
    /// Whether this is the reading of the units as labelled.
    pub as_labelled: bool,
    /// The first figure's nominal number converted to `to_unit`.
    pub expected: f64,
    /// The conversion's number as stated.
    pub stated: f64,
    /// (stated - expected) / expected.
    pub relative_error: f64,
    /// The conversion's own rounding band contains `expected`: the conversion is right to the digits printed.
    pub exact: bool,
    /// The bands of the two figures overlap once converted: right within the rounding of the first figure.
    pub within_rounding: bool,
}

/// The check of a figure's own conversion, reading each mile-labelled figure both as statute and as nautical
/// miles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConversionCheck {
    /// The two figures as worded, "4,000 miles (6,437 km)".
    pub text: String,
    /// Whether the conversion is right as labelled (exact or within rounding).
    pub correct_as_labelled: bool,
    /// Every reading tested; the one as labelled first.
    pub readings: Vec<ConversionReading>,
    /// One sentence: "6,437 km is 4,000 mi converted with the statute mile (exact); with the nautical mile it
    /// would be 7,408 km".
    pub summary: String,
}

fn mile_readings(u: Unit) -> Vec<(Unit, bool)> {
    match u {
        Unit::StatuteMile => vec![(Unit::StatuteMile, true), (Unit::NauticalMile, false)],
        Unit::NauticalMile => vec![(Unit::NauticalMile, true), (Unit::StatuteMile, false)],
        other => vec![(other, true)],
    }
}

fn mile_name(u: Unit) -> &'static str {
    match u {
        Unit::StatuteMile => "the statute mile",
        Unit::NauticalMile => "the nautical mile",
        _ => "the units as labelled",
    }
}

/// Checks a figure's own conversion ("4,000 miles (6,437 km)"): is the second number the first converted, and
/// with which mile?
///
/// Inputs: the figure and its conversion as read by [`crate::parse::parse_figure_with_conversion`] (distances or
/// durations; the check is arithmetic on the numbers as written). Each figure labelled in miles is read both as
/// statute (1609.344 m) and nautical (1852 m) miles.
///
/// Output: every reading with the expected number, the relative error, `exact` (the conversion's rounding band
/// contains the first figure's nominal value converted) and `within_rounding` (the two bands overlap), and a
/// summary sentence.
///
/// # Example
/// ```
/// use groundtrack::parse::{Dimension, parse_figure_with_conversion};
/// use groundtrack::report::check_conversion;
/// let (f, c) = parse_figure_with_conversion("4,000 miles (6,437 km)", Dimension::Distance, 1.0).unwrap();
/// let check = check_conversion(&f, &c.unwrap());
/// assert!(check.correct_as_labelled);
/// assert!(check.readings[0].exact); // statute: 4,000 x 1.609344 = 6,437.4 km
/// assert!(!check.readings[1].within_rounding); // nautical: 7,408 km
/// ```
pub fn check_conversion(figure: &StatedFigure, conversion: &StatedFigure) -> ConversionCheck {
    let mut readings = Vec::new();
    for (fu, f_lab) in mile_readings(figure.unit) {
        for (cu, c_lab) in mile_readings(conversion.unit) {
            // Numbers as written, then read in the units of this reading.
            let x = figure.nominal / figure.unit.si_factor();
            let (xl, xh) = (figure.low / figure.unit.si_factor(), figure.high / figure.unit.si_factor());
            let y = conversion.nominal / conversion.unit.si_factor();
            let (yl, yh) =
                (conversion.low / conversion.unit.si_factor(), conversion.high / conversion.unit.si_factor());
            let ratio = fu.si_factor() / cu.si_factor();
            let expected = x * ratio;
            let exact = yl - 1e-9 * y.abs() <= expected && expected <= yh + 1e-9 * y.abs();
            let within_rounding = xl * ratio <= yh && yl <= xh * ratio;
            readings.push(ConversionReading {
                from_unit: fu.symbol().into(),
                to_unit: cu.symbol().into(),
                as_labelled: f_lab && c_lab,
                expected,
                stated: y,
                relative_error: if expected != 0.0 { (y - expected) / expected } else { f64::NAN },
                exact,
                within_rounding,
            });
        }
    }
    let labelled = readings.iter().find(|r| r.as_labelled);
    let correct_as_labelled = labelled.is_some_and(|r| r.exact || r.within_rounding);
    let mile_figure =
        if figure.unit != conversion.unit && matches!(figure.unit, Unit::StatuteMile | Unit::NauticalMile) {
            Some((figure, true))
        } else if matches!(conversion.unit, Unit::StatuteMile | Unit::NauticalMile) {
            Some((conversion, false))
        } else {
            None
        };
    let describe = |r: &ConversionReading| -> String {
        if r.exact {
            "exact".to_string()
        } else if r.within_rounding {
            format!("within rounding, {}% off", group_thousands(r.relative_error.abs() * 100.0, 1))
        } else {
            format!("{}% off", group_thousands(r.relative_error.abs() * 100.0, 1))
        }
    };
    let conv_text = format!(
        "{} {}",
        group_thousands(readings.first().map_or(0.0, |r| r.stated), 3),
        conversion.unit.symbol()
    );
    let fig_text = format!("{} {}", stated_number(figure), figure.unit.symbol());
    let summary = match (labelled, mile_figure) {
        (Some(l), Some(_)) => {
            let others: Vec<String> = readings
                .iter()
                .filter(|r| !r.as_labelled)
                .map(|r| {
                    format!(
                        "read with {} it would be {} {} ({})",
                        if r.from_unit != l.from_unit {
                            mile_name(if r.from_unit == "nmi" {
                                Unit::NauticalMile
                            } else {
                                Unit::StatuteMile
                            })
                        } else {
                            mile_name(if r.to_unit == "nmi" { Unit::NauticalMile } else { Unit::StatuteMile })
                        },
                        group_thousands(r.expected, 1),
                        r.to_unit,
                        describe(r)
                    )
                })
                .collect();
            format!(
                "{conv_text} as a conversion of {fig_text}: {} as labelled ({}); {}",
                if correct_as_labelled { "right" } else { "wrong" },
                describe(l),
                others.join("; ")
            )
        }
        (Some(l), None) => format!(
            "{conv_text} as a conversion of {fig_text}: {} ({})",
            if correct_as_labelled { "right" } else { "wrong" },
            describe(l)
        ),
        (None, _) => String::new(),
    };
    ConversionCheck {
        text: format!("{} ({})", figure.text, conversion.text),
        correct_as_labelled,
        readings,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_figure, parse_figure_with_conversion};

    fn fig(s: &str) -> StatedFigure {
        parse_figure(s, Dimension::Distance, 1.0).unwrap()
    }

    #[test]
    fn factors_are_exact_ratios() {
        // 1852 / 1609.344 and its inverse, from the definitions (BIPM; NIST HB44).
        assert_eq!(SlipKind::MilesWereNautical.factor(), 1852.0 / 1609.344);
        assert_eq!(SlipKind::ConvertedStatuteAsNautical.factor(), 1609.344 / 1852.0);
        assert_eq!(SlipKind::MilesWereKilometres.factor(), 1000.0 / 1609.344);
        assert_eq!(SlipKind::KilometresWereNautical.factor(), 1.852);
    }

    #[test]
    fn kilometre_figure_labelled_miles() {
        // "1,050 miles" (1,045-1,055 mi) for a 1,050 km flight: consistent only if the miles were kilometres.
        let h = unit_slip_hypotheses(&fig("about 1,050 miles"), 1_050_000.0);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].kind, SlipKind::MilesWereKilometres);
        assert_eq!(h[0].value, 1050.0);
        // "about 1,000 miles" rounds to +-500 mi: wide enough for several readings at once.
        assert_eq!(unit_slip_hypotheses(&fig("about 1,000 miles"), 1_000_000.0).len(), 2);
    }

    #[test]
    fn conversion_with_the_wrong_mile() {
        // 4,200 nmi converted as statute: 4,200 x 1.609344 = 6,759.2 km printed, 7,778.4 km true.
        let h = unit_slip_hypotheses(&fig("6,759 km"), 7_778_400.0);
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].kind, SlipKind::ConvertedNauticalAsStatute);
        // The figure as stated is far off; nothing fits a distance no slip explains.
        assert!(unit_slip_hypotheses(&fig("6,759 km"), 5_000_000.0).is_empty());
        assert!(test_unit_slips(&fig("6,759 km"), f64::NAN).is_empty());
        assert!(test_unit_slips(&fig("6,759 m"), 6_759.0).is_empty());
    }

    #[test]
    fn sentences() {
        let all = test_unit_slips(&fig("2,700-2,800 nmi"), 5_092_000.0);
        assert_eq!(all[0].kind, SlipKind::NauticalWereStatute);
        assert!(
            all[0].text.starts_with("not consistent if 'nautical miles' means statute miles: 2,700-2,800 mi")
        );
        assert_eq!(group_thousands(1234567.891, 2), "1,234,567.89");
        assert_eq!(group_thousands(0.04, 1), "0");
        assert_eq!(group_thousands(999.96, 1), "1,000");
    }

    #[test]
    fn conversions_as_wire_services_print_them() {
        let check = |s: &str| {
            let (f, c) = parse_figure_with_conversion(s, Dimension::Distance, 1.0).unwrap();
            check_conversion(&f, &c.unwrap())
        };
        // AP, 2020-08-04: 4,200 mi x 1.609344 = 6,759.2448 km.
        let c = check("4,200 miles (6,759 kilometres)");
        assert!(c.correct_as_labelled && c.readings[0].exact);
        assert!(!c.readings[1].within_rounding);
        assert!(c.summary.contains("nautical mile it would be 7,778.4 km"), "{}", c.summary);
        // AP, 2011-06-22: "(6,750 kilometers)": not exact, but within the rounding of "4,200".
        let c = check("4,200 miles (6,750 kilometers)");
        assert!(!c.readings[0].exact && c.readings[0].within_rounding);
        assert!(c.correct_as_labelled);
        // A conversion made with the nautical mile but labelled statute.
        let c = check("4,000 miles (7,408 km)");
        assert!(!c.correct_as_labelled);
        assert!(c.readings[1].exact);
        // Both in miles.
        let c = check("4,000 nmi (4,603 miles)");
        assert_eq!(c.readings.len(), 4);
        assert!(c.correct_as_labelled);
        // No mile at all.
        let c = check("6,437 km (6,437,000 m)");
        assert_eq!(c.readings.len(), 1);
        assert!(c.readings[0].exact);
    }
}
