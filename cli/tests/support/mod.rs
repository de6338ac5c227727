//! Running the `codes` binary as a user would.

#![allow(dead_code)] // each test file uses its own part

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A spec with two mistakes: a duplicate code (with a related span) and a
/// keyword as a name (with help).
pub const BROKEN_SPEC: &str = "[source]\nvendor = \"V\"\nproduct = \"P\"\ndocument = \"D\"\n\n\
[[table]]\nname = \"OperationType\"\ntitle = \"T\"\ncaption = \"Table 1\"\npage = \"p\"\n\
updated = \"2023-09-27\"\ncolumns = [\"Code\", \"Description\"]\n\n\
[[table.row]]\ncode = 1\nname = \"Idle\"\ndescription = \"Idle.\"\n\n\
[[table.row]]\ncode = 1\nname = \"match\"\ndescription = \"Busy.\"\n";

/// The result of one run: exit code, stdout, stderr.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// `codes` with `args`, to run in `dir` without colour (`NO_COLOR`).
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_codes"));
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    command
}

/// Runs `command`, which has no terminal, to the end.
pub fn run(command: &mut Command) -> Run {
    finish(command.output().expect("run codes"))
}

fn finish(output: Output) -> Run {
    Run {
        code: output.status.code().expect("exit code"),
        stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
    }
}

/// Runs `codes` with `args` in `dir`, without colour and without a terminal.
pub fn codes_in(dir: &Path, args: &[&str]) -> Run {
    run(&mut command(dir, args))
}

/// Runs `codes` with `args` in `dir`, with `input` on its standard input.
pub fn codes_with_stdin(dir: &Path, args: &[&str], input: &str) -> Run {
    let mut child = command(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run codes");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_owned();
    // Written from a thread: codes may write before it has read it all.
    // A failure to write means codes stopped reading: its output tells why.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let output = child.wait_with_output().expect("wait for codes");
    writer.join().expect("the writer");
    finish(output)
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
/// own: removed when the test passes, kept when it fails (for a look at
/// what went wrong).
pub fn scratch(name: &str) -> Scratch {
    Scratch(Some(
        tempfile::Builder::new()
            .prefix(&format!("codes-cli-test-{name}-"))
            .tempdir()
            .expect("create scratch dir"),
    ))
}

/// A test's own folder; see [`scratch`].
#[derive(Debug)]
pub struct Scratch(Option<tempfile::TempDir>);

impl Scratch {
    fn path(&self) -> &Path {
        self.0
            .as_ref()
            .expect("a scratch folder until dropped")
            .path()
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        self.path()
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        self.path()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // A failing test unwinds through here: keep what it left.
        if std::thread::panicking()
            && let Some(dir) = self.0.take()
        {
            eprintln!("kept for a look: {}", dir.keep().display());
        }
    }
}

/// Runs `program` with `args` in `dir`, asserts it succeeded, and gives
/// its standard output.
pub fn succeed(dir: &Path, program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|error| panic!("run {program}: {error}"));
    assert!(
        output.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 stdout")
}

/// Runs git with `args` in `dir`, as a test user, and asserts it succeeded.
pub fn git(dir: &Path, args: &[&str]) {
    let identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com"];
    succeed(dir, "git", &[&identity[..], args].concat());
}

/// A fresh git repository for one test, with the repository's spec as of
/// the 2023 pages committed as `codes.toml`.
pub fn git_repo(name: &str) -> Scratch {
    let dir = scratch(name);
    git(&dir, &["init", "-q"]);
    // The spec as of the 2023 pages, frozen: what the tests compare their
    // revisions with, whatever a vendor update does to `codes.toml`.
    let frozen = repo().join("tools/tests/fixtures/specs/codes-2023.toml");
    std::fs::copy(frozen, dir.join("codes.toml")).expect("copy the frozen spec");
    git(&dir, &["add", "codes.toml"]);
    git(&dir, &["commit", "-q", "-m", "spec"]);
    dir
}

/// Checks that `actual`, the output of a `codes` command, is the golden file
/// `path` (relative to the repository) the library's tests keep. With
/// `BLESS=1` it writes the file instead, as the library's test does with the
/// same bytes: one `BLESS=1 cargo test --workspace` blesses every golden
/// file, whichever test binary runs first, and the run without `BLESS`
/// checks that the tool and the library agree.
pub fn golden(path: &str, actual: &str, what: &str) {
    let file = repo().join(path);
    if std::env::var_os("BLESS").is_some() {
        codes_codegen::write_if_changed(&file, actual).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(actual == expected, "{what} differs from {path}");
}
