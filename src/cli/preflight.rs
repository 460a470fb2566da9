//! Checking every output of a run before anything is written, so that a refused run leaves no file behind.

use std::path::{Path, PathBuf};

use groundtrack::map::PictureFormat;

/// Checks the output files (`files`: data, `pictures`: maps and profiles, which must end in .svg or .png) against
/// each other and the input files ([`groundtrack::output::check_outputs`]) before any work.
///
/// # Errors
/// The first output that cannot be written, would overwrite an input or another output, or is a picture with
/// another extension.
pub fn preflight(
    files: &[&Option<PathBuf>],
    pictures: &[&Option<PathBuf>],
    inputs: &[&Path],
) -> groundtrack::Result<()> {
    for path in pictures.iter().filter_map(|p| p.as_ref()) {
        PictureFormat::from_path(path).ok_or_else(|| groundtrack::Error::Invalid {
            what: path.display().to_string(),
            message: "a picture is written as .svg or .png".into(),
        })?;
    }
    let outputs: Vec<&Path> = files.iter().chain(pictures).filter_map(|p| p.as_deref()).collect();
    groundtrack::output::check_outputs(&outputs, inputs)
}
