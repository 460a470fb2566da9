//! Launch reports: the report file as stated, the constraints it puts on the impact point, the feasible impact
//! region, and the figure-by-figure verdicts of `groundtrack check`.

mod check;
mod clock_text;
mod error;
mod file;
mod hypotheses;
mod local_times;
mod overflight;
mod region;
mod resolve;
mod summary;
mod time_zone;
mod timing;
mod trajectory;

pub use check::{
    CheckOptions, CheckReport, FigureCheck, LaunchInfo, MIN_TRACK_M, Reading, ReadingKind, RegionSummary,
    Verdict, check_report,
};
pub use clock_text::{WrittenTime, WrittenZone, parse_written_time, parse_written_window};
pub use error::{ReportError, SourcePosition};
pub use file::{AreaSpec, OverflightTime, ReportFile, StatedFigures};
pub use hypotheses::{
    ConversionCheck, ConversionReading, Hypothesis, SlipKind, check_conversion, test_unit_slips,
    unit_slip_hypotheses,
};
pub use local_times::{ClockEnd, ClockSummary, EndClock, clock_summary, crosses_antimeridian};
pub use overflight::{OverflightApproach, overflight_approach};
pub use region::{
    BEST_RULE_FEASIBLE, BEST_RULE_INFEASIBLE, Constraint, ConstraintMiss, FeasibleRegion, PhraseDomain,
    RegionOptions, band_miss, distance_outside, feasible_region,
};
pub use resolve::{
    AREA_OVERFLIGHT_MARGIN_M, DEFAULT_OVERFLIGHT_RADIUS_M, ImpactSpec, Overflight, ResolvedLocation,
    ResolvedPhrase, resolve_location, resolve_overflight,
};
pub use summary::{SummaryRow, summary_row};
pub use time_zone::{
    Clock, ClockSource, MAX_OFFSET_S, ZoneMeaning, ZoneName, ZoneTable, across_the_date_line, iana_zone,
    nautical_zone_hours, offset_text, tz_database,
};
pub use timing::{
    ClockWindow, ReportInstant, StatedTime, TimeContext, parse_clock_window, parse_instant, parse_time,
    parse_window, parse_zone,
};
pub use trajectory::{
    MAX_UNMODELLED_BOOST_S, OverflightTiming, TrajectoryInputs, TrajectorySummary, check_trajectory,
};
