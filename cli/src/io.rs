//! What every command shares: exit statuses, reading specs, writing output.

use std::fmt;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codes_codegen::Spec;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// It did its job.
    Success = 0,
    /// It did its job and found problems in the input.
    Problems = 1,
    /// It could not do its job.
    Failed = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status as u8)
    }
}

/// Why a command could not do its job (exit status 2).
#[derive(Debug)]
pub struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Failure {
    /// A failure reading or writing `path`.
    pub fn io(path: &Path, error: &std::io::Error) -> Self {
        Failure(format!("{}: {error}", path.display()))
    }
}

/// Whether stderr gets colour: only on a terminal, never with `NO_COLOR`.
pub fn stderr_styled() -> bool {
    std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

/// Reads a text file, naming it in the error.
pub fn read(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|error| Failure::io(path, &error))
}

/// A spec read and validated; its diagnostics are printed on failure.
pub enum Loaded {
    /// The spec is valid.
    Valid(Spec),
    /// The spec has mistakes, already printed to stderr.
    Invalid,
}

/// Reads and validates the spec at `path`, printing diagnostics to stderr.
pub fn load_spec(path: &Path) -> Result<Loaded, Failure> {
    let text = read(path)?;
    Ok(parse_spec(&path.display().to_string(), &text))
}

/// Validates spec `text` named `name`, printing diagnostics to stderr.
pub fn parse_spec(name: &str, text: &str) -> Loaded {
    match Spec::from_toml(name, text) {
        Ok(spec) => Loaded::Valid(spec),
        Err(error) => {
            eprint!("{}", codes_tools::report::render(&error, stderr_styled()));
            let count = error.diagnostics().len();
            eprintln!("{name}: {count} error{}", if count == 1 { "" } else { "s" });
            Loaded::Invalid
        }
    }
}

/// Writes `contents` to `out`, or to stdout without one. A file is replaced
/// whole or not at all.
pub fn emit(out: Option<&PathBuf>, contents: &str) -> Result<(), Failure> {
    match out {
        Some(path) => codes_codegen::write_if_changed(path, contents)
            .map(|_| ())
            .map_err(|error| Failure::io(path, &error)),
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(contents.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|error| Failure(format!("stdout: {error}")))
        }
    }
}
