//! Stage 5: the file on disk, written only when its content changed so that
//! Cargo does not rebuild dependants for nothing.

use std::io;
use std::path::Path;

/// Writes `contents` to `path` unless it already holds exactly that; returns
/// whether it wrote. The new file replaces the old one whole, or not at all.
pub fn write_if_changed(path: &Path, contents: &str) -> io::Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == contents.as_bytes()) {
        return Ok(false);
    }
    if let Some(parent) = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)?;
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    std::fs::write(&temporary, contents)?;
    std::fs::rename(&temporary, path)?;
    Ok(true)
}
