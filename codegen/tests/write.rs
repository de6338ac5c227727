//! The build script leaves its output alone when nothing changed: same bytes,
//! same modification time, so Cargo rebuilds nothing downstream.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use codes_codegen::{Config, write_if_changed};

/// A fresh directory of this test's own under the system's temporary one.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("codes-codegen-{test}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create a scratch directory");
    dir
}

/// Dates `path` an hour back, so that a rewrite could not keep its time.
fn backdate(path: &Path) -> SystemTime {
    let past = SystemTime::now() - Duration::from_secs(3600);
    File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(past))
        .expect("set the modification time");
    modified(path)
}

fn modified(path: &Path) -> SystemTime {
    fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .expect("a modification time")
}

#[test]
fn write_if_changed_keeps_an_unchanged_file_untouched() {
    let dir = scratch("write");
    let path = dir.join("nested/codes.rs");
    assert!(write_if_changed(&path, "one").expect("first write"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "one");
    let before = backdate(&path);

    assert!(!write_if_changed(&path, "one").expect("same content"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "one");
    assert_eq!(modified(&path), before);

    assert!(write_if_changed(&path, "two").expect("new content"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "two");
    assert_ne!(modified(&path), before);
    assert_eq!(
        entries(&dir.join("nested")),
        ["codes.rs"],
        "no file left beside"
    );
    fs::remove_dir_all(dir).unwrap();
}

/// The names in `dir`, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read the directory")
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn write_if_changed_never_writes_through_a_file_or_link_beside_the_target() {
    use std::os::unix::fs::{PermissionsExt, symlink};

    let dir = scratch("write-beside");
    let path = dir.join("codes.rs");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    fs::write(dir.join("victim"), "precious").unwrap();
    symlink(dir.join("victim"), dir.join("codes.rs.tmp")).unwrap();
    symlink(dir.join("victim"), dir.join(".codes.rs.tmp")).unwrap();

    assert!(write_if_changed(&path, "new").expect("write"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    assert_eq!(fs::read_to_string(dir.join("victim")).unwrap(), "precious");
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640,
        "the replaced file keeps its permissions"
    );
    assert_eq!(
        entries(&dir),
        [".codes.rs.tmp", "codes.rs", "codes.rs.tmp", "victim"]
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn write_if_changed_leaves_nothing_behind_when_it_fails() {
    let dir = scratch("write-fails");
    // A directory that is not empty cannot be replaced by a file.
    let path = dir.join("codes.rs");
    fs::create_dir_all(path.join("inside")).unwrap();
    write_if_changed(&path, "new").expect_err("a directory is in the way");
    assert_eq!(entries(&dir), ["codes.rs"]);
    assert_eq!(entries(&path), ["inside"]);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn running_twice_leaves_the_generated_file_untouched() {
    let dir = scratch("run");
    let spec = dir.join("codes.toml");
    fs::write(&spec, include_str!("../../codes.toml")).unwrap();
    let out_file = dir.join("out/codes.rs");
    let config = Config::new().spec(&spec).out_file(&out_file);

    assert_eq!(config.run().expect("first run"), out_file);
    let generated = fs::read_to_string(&out_file).unwrap();
    let before = backdate(&out_file);

    assert_eq!(config.run().expect("second run"), out_file);
    assert_eq!(fs::read_to_string(&out_file).unwrap(), generated);
    assert_eq!(modified(&out_file), before);
    fs::remove_dir_all(dir).unwrap();
}
