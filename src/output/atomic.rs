//! Writing a file atomically: readers see the old content or the new, never a half-written file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

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
