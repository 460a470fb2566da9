//! One line per report: the gallery view of `groundtrack check --summary`.

use std::path::Path;

use serde::Serialize;

use super::check::{CheckReport, Verdict};

/// A report in one line: its verdict, the figures that fail (with their misses) and the unit-slip hypotheses
/// that would make them consistent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryRow {
    /// The report file.
    pub file: String,
    /// The report's title (empty when the file could not be read).
    pub name: String,
    /// "consistent", "inconsistent" or "error" (bad input).
    pub verdict: String,
    /// The inconsistent figures: "range (misses by 958.8 km)". For an infeasible report, figures that miss by
    /// under 1% of their band's width at the point of least miss are counted in a last entry ("2 more figures
    /// miss by under 1% of the band at the compromise") instead of listed.
    pub failing: Vec<String>,
    /// The hypotheses that fit, as sentences.
    pub hypotheses: Vec<String>,
    /// The error message of a report that could not be checked.
    pub error: Option<String>,
}

/// Summarises the result of checking one report file.
///
/// # Example
/// ```
/// use groundtrack::places::Gazetteer;
/// use groundtrack::report::{CheckOptions, ReportFile, check_report, summary_row};
/// let path = std::path::Path::new("data/scenarios/2017-08-29-hwasong-12.toml");
/// let result = ReportFile::load(path)
///     .map_err(groundtrack::Error::from)
///     .and_then(|f| check_report(&f, Gazetteer::embedded(), &CheckOptions::default()));
/// let row = summary_row(path, &result);
/// assert_eq!(row.verdict, "consistent");
/// assert!(row.failing.is_empty());
/// ```
pub fn summary_row(path: &Path, result: &crate::Result<CheckReport>) -> SummaryRow {
    let file = path.display().to_string();
    match result {
        Err(e) => SummaryRow {
            file,
            name: String::new(),
            verdict: "error".into(),
            failing: Vec::new(),
            hypotheses: Vec::new(),
            error: Some(e.to_string()),
        },
        Ok(r) => {
            let bad = r.checks.iter().filter(|c| c.verdict == Verdict::Inconsistent);
            // At the point of least miss of an infeasible report every figure gives a little: a figure that misses
            // by under 1% of its band's width there is not what conflicts, and is counted, not listed.
            let slight = |c: &&super::check::FigureCheck| {
                !r.region.feasible
                    && match (c.miss, c.low, c.high) {
                        (Some(m), Some(lo), Some(hi)) if hi > lo => m < 0.01 * (hi - lo),
                        _ => false,
                    }
            };
            let n_slight = bad.clone().filter(slight).count();
            let mut failing: Vec<String> = bad
                .clone()
                .filter(|c| !slight(c))
                .map(|c| match c.miss {
                    // Small misses keep three significant digits, so that none reads as "0.0".
                    Some(m) if m > 0.0 && m < 0.1 => {
                        let decimals = (2.0 - m.log10().floor()).clamp(0.0, 12.0) as usize;
                        format!("{} (misses by {m:.decimals$} {})", c.figure, c.unit)
                    }
                    Some(m) => format!("{} (misses by {m:.1} {})", c.figure, c.unit),
                    None => c.figure.clone(),
                })
                .collect();
            if n_slight > 0 {
                failing.push(format!(
                    "{n_slight} more figure{} miss{} by under 1% of the band at the compromise",
                    if n_slight == 1 { "" } else { "s" },
                    if n_slight == 1 { "es" } else { "" }
                ));
            }
            let hypotheses = bad
                .flat_map(|c| c.hypotheses.iter().filter(|h| h.consistent).map(|h| h.text.clone()))
                .collect();
            SummaryRow {
                file,
                name: r.name.clone(),
                verdict: r.verdict.as_str().into(),
                failing,
                hypotheses,
                error: None,
            }
        }
    }
}
