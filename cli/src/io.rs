//! What every command shares: exit statuses, reading input (`-` is standard
//! input), writing output (quiet on a closed pipe, or stopping there for a
//! command whose output lasts as long as its input; diagnostics coloured
//! per `--color`).

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use anstream::AutoStream;
use codes_codegen::{SourceMap, Spec, SpecError};

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

/// Why a command could not do its job (exit status 2): the message names
/// the file or stream and what went wrong, such as
/// `codes.toml: No such file or directory (os error 2)`.
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
        Failure(format!("{}: {error}", name(path)))
    }
}

/// Sets the colour choice of `--color` for everything written from now on.
/// With `auto`, standard output and error are styled each on a terminal
/// only, never with `NO_COLOR` set, always with `CLICOLOR_FORCE` set.
pub fn set_color(choice: clap::ColorChoice) {
    match choice {
        clap::ColorChoice::Auto => anstream::ColorChoice::Auto,
        clap::ColorChoice::Always => anstream::ColorChoice::Always,
        clap::ColorChoice::Never => anstream::ColorChoice::Never,
    }
    .write_global();
}

/// Standard output or standard error as a command writes to it: a closed
/// pipe ends the output quietly.
///
/// When the reader of a pipe has gone (`codes list | head -3`), this and
/// every later write succeed without writing anything, as `ls | head` does:
/// the command finishes and exits with its own status, and no message
/// about the lost output is printed. A command whose output lasts as long
/// as its input uses [`stdout_until_closed`] instead, and stops.
pub struct Output<W> {
    stream: W,
    closed: bool,
}

impl<W: Write> Output<W> {
    fn new(stream: W) -> Self {
        Output {
            stream,
            closed: false,
        }
    }

    fn quiet_when_closed<T>(&mut self, result: std::io::Result<T>, gone: T) -> std::io::Result<T> {
        match result {
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(gone)
            }
            other => other,
        }
    }
}

impl Output<AutoStream<std::io::StderrLock<'static>>> {
    /// Whether standard error gets colour.
    pub fn styled(&self) -> bool {
        self.stream.current_choice() != anstream::ColorChoice::Never
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.stream.write(buf);
        self.quiet_when_closed(result, buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.stream.flush();
        self.quiet_when_closed(result, ())
    }
}

/// Standard output, for data, written as it is: never styled, and never
/// stripped of the control characters vendor text may hold.
pub fn stdout() -> Output<std::io::StdoutLock<'static>> {
    Output::new(std::io::stdout().lock())
}

/// Standard output for a command whose output lasts as long as its input
/// (`decode` of a month of bills, `synth` of millions of records): when the
/// reader of a pipe has gone (`codes decode bills/ | head`), a write fails
/// with a broken pipe, which [`reader_gone`] recognises, and the command
/// stops there instead of reading on for nobody. Never styled, as
/// [`stdout`].
pub fn stdout_until_closed() -> std::io::StdoutLock<'static> {
    std::io::stdout().lock()
}

/// Whether `error` says that the reader of a pipe has gone: the output of
/// [`stdout_until_closed`] ended.
pub fn reader_gone(error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::BrokenPipe
}

/// Standard error, for talk (diagnostics, summaries, failures): escape
/// codes pass where colour is on and are stripped where it is off.
pub fn stderr() -> Output<AutoStream<std::io::StderrLock<'static>>> {
    Output::new(AutoStream::auto(std::io::stderr().lock()))
}

/// `eprintln!` through [`stderr`]: styled per `--color`, and no panic when
/// standard error is a closed pipe (`codes check 2>&1 | head -1`). A failure
/// to write standard error is ignored: nothing is left to report it to.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!($crate::io::stderr(), $($arg)*);
    }};
}
pub(crate) use say;

/// Runs `write` on standard output and flushes it.
///
/// # Errors
///
/// A [`Failure`] when standard output cannot be written for any reason
/// but a closed pipe.
pub fn with_stdout<T>(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<T>,
) -> Result<T, Failure> {
    let mut out = stdout();
    write(&mut out)
        .and_then(|value| out.flush().map(|()| value))
        .map_err(|error| Failure(format!("standard output: {error}")))
}

/// The name of an input in messages: `<stdin>` for `-`, else the path.
pub fn name(path: &Path) -> String {
    match is_stdin(path) {
        true => "<stdin>".to_string(),
        false => path.display().to_string(),
    }
}

/// Whether `path` is `-`, standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads a text file, or standard input for `-`, naming it in the error.
///
/// # Errors
///
/// A [`Failure`] when the file cannot be read or is not UTF-8, or when `-`
/// is given a second time (standard input can be read only once).
pub fn read(path: &Path) -> Result<String, Failure> {
    if !is_stdin(path) {
        return std::fs::read_to_string(path).map_err(|error| Failure::io(path, &error));
    }
    claim_stdin()?;
    std::io::read_to_string(std::io::stdin()).map_err(|error| Failure::io(path, &error))
}

/// The bytes of `path` (`-`: standard input, once), for a reader that
/// decodes them itself (a saved page may declare its charset).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    if !is_stdin(path) {
        return std::fs::read(path).map_err(|error| Failure::io(path, &error));
    }
    claim_stdin()?;
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
        .map_err(|error| Failure::io(path, &error))?;
    Ok(bytes)
}

/// Standard input can be read only once.
fn claim_stdin() -> Result<(), Failure> {
    static STDIN_READ: AtomicBool = AtomicBool::new(false);
    match STDIN_READ.swap(true, Ordering::Relaxed) {
        true => Err(Failure(
            "<stdin>: standard input can be read only once: give `-` for one input only".into(),
        )),
        false => Ok(()),
    }
}

/// A spec read and validated; its diagnostics are printed on failure.
pub enum Loaded<T = Spec> {
    /// The spec is valid.
    Valid(T),
    /// The spec has mistakes, already printed to stderr.
    Invalid,
}

impl<T> Loaded<T> {
    /// The valid spec mapped by `f`.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Loaded<U> {
        match self {
            Loaded::Valid(spec) => Loaded::Valid(f(spec)),
            Loaded::Invalid => Loaded::Invalid,
        }
    }
}

/// Reads and validates the spec at `path` (`-`: standard input), printing
/// its diagnostics to stderr when it is invalid.
///
/// # Errors
///
/// A [`Failure`] when the spec cannot be read (see [`read`]).
pub fn load_spec(path: &Path) -> Result<Loaded, Failure> {
    let text = read(path)?;
    Ok(parse_spec(&name(path), &text))
}

/// Validates spec `text` named `name`, printing its diagnostics to stderr,
/// then how many there are, when it is invalid.
pub fn parse_spec(name: &str, text: &str) -> Loaded {
    parse_spec_with_sources(name, text).map(|(spec, _)| spec)
}

/// [`parse_spec`], with where the spec's items are in `text`.
pub fn parse_spec_with_sources(name: &str, text: &str) -> Loaded<(Spec, SourceMap)> {
    match Spec::from_toml_with_sources(name, text) {
        Ok(validated) => Loaded::Valid(validated),
        Err(error) => {
            print_diagnostics(&error);
            say_count(&error);
            Loaded::Invalid
        }
    }
}

/// Prints every diagnostic of `error` to stderr, rustc-style.
pub fn print_diagnostics(error: &SpecError) {
    let mut err = stderr();
    let rendered = codes_tools::report::render(error, err.styled());
    // As with `say!`, a failure to write standard error is not reported.
    let _ = err.write_all(rendered.as_bytes());
}

/// Says on stderr how many mistakes a spec has: `codes.toml: 2 errors`.
pub fn say_count(error: &SpecError) {
    let count = error.diagnostics().len();
    let plural = if count == 1 { "" } else { "s" };
    say!("{}: {count} error{plural}", error.path());
}

/// Writes `contents` to `out`, or to stdout without one or for `-`. A file
/// is replaced whole or not at all.
///
/// # Errors
///
/// A [`Failure`] naming the file, or standard output, that could not be
/// written.
pub fn emit(out: Option<&PathBuf>, contents: &str) -> Result<(), Failure> {
    match out {
        Some(path) if !is_stdin(path) => codes_codegen::write_if_changed(path, contents)
            .map(|_| ())
            .map_err(|error| Failure::io(path, &error)),
        _ => with_stdout(|out| out.write_all(contents.as_bytes())),
    }
}
