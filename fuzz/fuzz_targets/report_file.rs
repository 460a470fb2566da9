//! Fuzz target: the report file loader (bytes -> UTF-8 check -> TOML -> schema), then the resolution of the
//! launch and impact fields it returns.
//!
//! Any bytes: no panic; an error names a line and column inside the file; a loaded report's fields resolve or
//! fail with a message. Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run report_file fuzz/seeds/report_file`.
#![no_main]

use groundtrack::places::Gazetteer;
use groundtrack::report::{ReportError, ReportFile, resolve_location};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match ReportFile::from_bytes("fuzz.toml".as_ref(), data) {
        Ok(report) => {
            let _ = report.title();
            for field in [&report.launch, &report.impact] {
                let position = report.position_of(field);
                assert!(position.line >= 1 && position.column >= 1);
                let _ = resolve_location(field.get_ref(), Gazetteer::embedded(), 1.0);
            }
        }
        Err(e) => {
            let lines = data.split(|&b| b == b'\n').count();
            if let ReportError::Syntax { position, .. }
            | ReportError::NotText { position, .. }
            | ReportError::NulByte { position, .. } = &e
            {
                assert!(position.line >= 1 && position.line <= lines, "{e:?}");
            }
            assert!(!e.to_string().is_empty());
        }
    }
});
