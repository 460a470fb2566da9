//! Launch reports: the report file as stated, the constraints it puts on the impact point, the feasible impact
//! region, and the figure-by-figure verdicts of `groundtrack check`.

mod check;
mod error;
mod file;
mod region;
mod resolve;

pub use check::{
    CheckOptions, CheckReport, FigureCheck, LaunchInfo, OverflightApproach, Reading, ReadingKind,
    RegionSummary, Verdict, check_report,
};
pub use error::{ReportError, SourcePosition};
pub use file::{ReportFile, StatedFigures};
pub use region::{
    BEST_RULE_FEASIBLE, BEST_RULE_INFEASIBLE, Constraint, ConstraintMiss, FeasibleRegion, PhraseDomain,
    RegionOptions, feasible_region,
};
pub use resolve::{
    DEFAULT_OVERFLIGHT_RADIUS_M, ImpactSpec, Overflight, ResolvedLocation, ResolvedPhrase, resolve_location,
    resolve_overflight,
};
