//! Writing to standard output: a broken pipe (`groundtrack ... | head`) ends the program quietly.

use std::io::Write;

/// Writes `text` to standard output.
///
/// # Errors
/// [`groundtrack::Error::Io`] when standard output fails (a broken pipe is recognised by [`is_broken_pipe`]).
pub fn out(text: &str) -> groundtrack::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
        .map_err(|source| groundtrack::Error::Io { path: "<stdout>".into(), source })
}

/// Whether an error is a broken pipe on standard output.
pub fn is_broken_pipe(e: &groundtrack::Error) -> bool {
    matches!(e, groundtrack::Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
}
