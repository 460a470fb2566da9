//! Writing a file atomically: readers see the old content or the new, never a half-written file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Checks, before any work, that `path` can be written by [`write_atomic`]: a file name (not a directory), in a
/// directory that exists, not a device, pipe or socket, not read-only. A symbolic link is followed.
///
/// Output: the path to write (the link's target for a link) and its directory.
///
/// # Errors
/// [`Error::Io`] naming the path and what is wrong, as [`write_atomic`] would report it.
///
/// # Example
/// ```
/// use groundtrack::output::check_target;
/// let dir = tempfile::tempdir().unwrap();
/// assert!(check_target(&dir.path().join("out.geojson")).is_ok());
/// assert!(check_target(dir.path()).is_err()); // a directory
/// assert!(check_target(&dir.path().join("missing").join("out.geojson")).is_err());
/// ```
pub fn check_target(path: &Path) -> Result<(PathBuf, PathBuf)> {
    // A symbolic link is followed, so that the link stays and its target gets the new content.
    let resolved = follow_links(path)?;
    let path = resolved.as_path();
    if let Ok(meta) = std::fs::metadata(path) {
        let refuse = |why: &str| Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, why.to_string()),
        };
        if !meta.is_file() && !meta.is_dir() {
            return Err(refuse(
                "not a regular file (a device, pipe or socket), which would be replaced; give a file name such as \
                 out.geojson",
            ));
        }
        if meta.is_file() && meta.permissions().readonly() {
            return Err(refuse("the file is read-only; make it writable or choose another name"));
        }
    }
    let io_error =
        |source: std::io::Error| Error::Io { path: path.to_path_buf(), source: cannot_write(source) };
    let dir: PathBuf = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.file_name().is_none() || path.as_os_str().to_string_lossy().ends_with('/') {
        return Err(io_error(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the path names a directory, not a file; give a file name such as out.geojson",
        )));
    }
    if path.is_dir() {
        return Err(io_error(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "this is a directory; give a file name such as out.geojson",
        )));
    }
    if !dir.is_dir() {
        let why = if dir.exists() { "is not a directory" } else { "does not exist" };
        return Err(io_error(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("{} {why}; the file's directory must exist", dir.display()),
        )));
    }
    Ok((resolved.clone(), dir))
}

/// Checks every output of one run before anything is written, so that a refused run leaves no file behind: each
/// output passes [`check_target`], no output is one of the inputs (which it would overwrite), and no two outputs
/// are the same file.
///
/// # Errors
/// [`Error::Io`] from [`check_target`]; [`Error::Invalid`] naming the output that is also an input or another
/// output.
///
/// # Example
/// ```
/// use groundtrack::output::check_outputs;
/// let dir = tempfile::tempdir().unwrap();
/// let report = dir.path().join("r.toml");
/// std::fs::write(&report, "launch = \"Sunan\"").unwrap();
/// let out = dir.path().join("r.geojson");
/// assert!(check_outputs(&[out.as_path()], &[report.as_path()]).is_ok());
/// let e = check_outputs(&[report.as_path()], &[report.as_path()]).unwrap_err();
/// assert!(e.to_string().contains("is also an input"), "{e}");
/// assert!(check_outputs(&[out.as_path(), out.as_path()], &[]).is_err());
/// ```
pub fn check_outputs(outputs: &[&Path], inputs: &[&Path]) -> Result<()> {
    let identity = |p: &Path| -> Option<PathBuf> {
        let (resolved, dir) = check_target(p).ok()?;
        Some(dir.canonicalize().ok()?.join(resolved.file_name()?))
    };
    let inputs: Vec<PathBuf> = inputs.iter().filter_map(|p| p.canonicalize().ok()).collect();
    let mut seen: Vec<PathBuf> = Vec::new();
    for out in outputs {
        check_target(out)?;
        let Some(id) = identity(out) else { continue };
        let clash = |what: &str| Error::Invalid {
            what: out.display().to_string(),
            message: format!("{what}, which would be overwritten; choose another output name"),
        };
        if inputs.contains(&id) {
            return Err(clash("this output is also an input"));
        }
        if seen.contains(&id) {
            return Err(clash("this output is given twice"));
        }
        seen.push(id);
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically: into a new temporary file in the same directory, flushed to disk
/// (`fsync`), then renamed over `path` (a rename within one file system replaces the target in one step, POSIX
/// `rename(2)`).
///
/// Inputs: the target path (its directory must exist); the complete new content.
/// Output: nothing; afterwards `path` holds exactly `bytes`. An existing target keeps its permissions; a new
/// file gets the usual permissions for new files (read-write for the owner, read for others, less the umask).
///
/// On any error the target is untouched and the temporary file is removed. The directory itself is synced after
/// the rename on a best-effort basis (the new content is already in place when that runs, so a failure there is
/// not reported).
///
/// # Errors
/// [`Error::Io`] naming `path` when the directory does not exist or is not writable, the disk is full, or the
/// rename fails (for example when `path` is a directory).
///
/// # Example
/// ```
/// use groundtrack::output::write_atomic;
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("track.geojson");
/// write_atomic(&path, b"old").unwrap();
/// write_atomic(&path, b"new").unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), b"new");
/// assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1); // no temporary file left
/// let missing = dir.path().join("no-such-dir").join("x.geojson");
/// let err = write_atomic(&missing, b"x").unwrap_err();
/// assert!(err.to_string().ends_with("no-such-dir does not exist; the file's directory must exist"));
/// assert!(!err.to_string().contains("at path")); // the temporary file's name is not the user's business
/// ```
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let (resolved, dir) = check_target(path)?;
    let path = resolved.as_path();
    let io_error =
        |source: std::io::Error| Error::Io { path: path.to_path_buf(), source: cannot_write(source) };
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!(".{file_name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    let existing_permissions = std::fs::metadata(path).ok().filter(|m| m.is_file()).map(|m| m.permissions());
    #[cfg(unix)]
    let new_file_permissions = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o666) // filtered by the umask at creation, like any new file
    };
    #[cfg(unix)]
    builder.permissions(new_file_permissions);
    // The temporary file is removed when `tmp` is dropped on any early return below.
    let mut tmp = builder.tempfile_in(&dir).map_err(io_error)?;
    tmp.write_all(bytes).map_err(io_error)?;
    tmp.flush().map_err(io_error)?;
    if let Some(perms) = existing_permissions {
        tmp.as_file().set_permissions(perms).map_err(io_error)?;
    }
    tmp.as_file().sync_all().map_err(io_error)?;
    tmp.persist(path).map_err(|e| io_error(e.error))?; // the PersistError drops (and removes) the file
    sync_directory(&dir);
    Ok(())
}

/// The error with the words "cannot write the file" and without the temporary file's name (which `tempfile`
/// adds, and which means nothing to the user: the message names the target path).
fn cannot_write(e: std::io::Error) -> std::io::Error {
    let kind = e.kind();
    // tempfile wraps the operating system's error together with the temporary path ("... at path \"...\""):
    // keep only the former.
    let text = e.to_string();
    let os = text.split(" at path \"").next().unwrap_or(&text);
    std::io::Error::new(kind, format!("cannot write the file: {os}"))
}

/// Flushes a directory's entries to disk so that a rename in it survives a crash (best effort: some platforms
/// and file systems do not allow opening or syncing a directory).
fn sync_directory(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Follows symbolic links from `path` to the file they name (which may not exist yet), at most 40 links deep as
/// the operating system does.
fn follow_links(path: &Path) -> Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        if !std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink()) {
            return Ok(current);
        }
        let target =
            std::fs::read_link(&current).map_err(|source| Error::Io { path: current.clone(), source })?;
        current = match current.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    Err(Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "too many levels of symbolic links"),
    })
}
