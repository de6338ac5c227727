//! Stage 5: the file on disk, written only when its content changed so that
//! Cargo does not rebuild dependants for nothing.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Writes `contents` to `path` unless it already holds exactly that; returns
/// whether it wrote. The new file replaces the old one whole, or not at all,
/// and keeps its permissions.
///
/// The content goes first to a fresh file beside `path`, created for this
/// write only (never through a file or link that was already there), then
/// is renamed over `path`; on failure the fresh file is removed.
///
/// # Errors
///
/// Any error creating `path`'s directory, or creating, writing or renaming
/// the fresh file, such as a directory that is not writable. `path` is then
/// as it was.
pub fn write_if_changed(path: &Path, contents: &str) -> io::Result<bool> {
    if fs::read(path).is_ok_and(|old| old == contents.as_bytes()) {
        return Ok(false);
    }
    if let Some(parent) = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    {
        fs::create_dir_all(parent)?;
    }
    let (temporary, mut file) = create_temporary(path)?;
    let written = file
        .write_all(contents.as_bytes())
        .and_then(|()| match fs::metadata(path) {
            Ok(old) => file.set_permissions(old.permissions()),
            Err(_) => Ok(()),
        })
        .and_then(|()| {
            drop(file);
            fs::rename(&temporary, path)
        });
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written.map(|()| true)
}

/// A new file beside `path` (so that the rename stays on one file system),
/// named `.NAME.PID.N.tmp` and created exclusively: an existing file or
/// symbolic link of that name is never opened. Written by hand rather than
/// with `tempfile`, which would add its dependencies to every build script
/// that runs the generator.
fn create_temporary(path: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let mut attempts = 1;
    loop {
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut temporary = std::ffi::OsString::from(".");
        temporary.push(name);
        temporary.push(format!(".{}.{count}.tmp", std::process::id()));
        let temporary = path.with_file_name(temporary);
        match File::options()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => return Ok((temporary, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempts < 100 => {
                attempts += 1;
            }
            Err(error) => return Err(error),
        }
    }
}
