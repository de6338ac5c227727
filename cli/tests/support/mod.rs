//! Running the `codes` binary as a user would.

#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The result of one run: exit code, stdout, stderr.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `codes` with `args` in `dir`, without colour and without a terminal.
pub fn codes_in(dir: &Path, args: &[&str]) -> Run {
    let output: Output = Command::new(env!("CARGO_BIN_EXE_codes"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run codes");
    Run {
        code: output.status.code().expect("exit code"),
        stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
    }
}

/// Runs `codes` with `args` at the repository root.
pub fn codes(args: &[&str]) -> Run {
    codes_in(&repo(), args)
}

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ has a parent")
        .to_path_buf()
}

/// A fresh empty directory for one test, created under a new name of its
/// own (kept after the test, for a look at what went wrong).
pub fn scratch(name: &str) -> PathBuf {
    tempfile::Builder::new()
        .prefix(&format!("codes-cli-test-{name}-"))
        .tempdir()
        .expect("create scratch dir")
        .keep()
}

/// Runs git with `args` in `dir`, as a test user, and asserts it succeeded.
pub fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A fresh git repository for one test, with the repository's `codes.toml`
/// committed.
pub fn git_repo(name: &str) -> PathBuf {
    let dir = scratch(name);
    git(&dir, &["init", "-q"]);
    std::fs::copy(repo().join("codes.toml"), dir.join("codes.toml")).expect("copy codes.toml");
    git(&dir, &["add", "codes.toml"]);
    git(&dir, &["commit", "-q", "-m", "spec"]);
    dir
}
