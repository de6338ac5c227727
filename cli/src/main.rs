//! `codes`: the spec maintainers' tool for `codes.toml`.
//!
//! Data goes to stdout, talk to stderr. Exit status: 0 success; 1 the input
//! has problems (an invalid spec, a diff at or above `--fail-on`, a file
//! `generate --check` finds out of date, bad bill rows); 2 the command could
//! not run (bad arguments, unreadable files, git failures).

mod commands;
mod fetch;
mod io;
mod lang;
mod output;
mod width;

use std::process::ExitCode;

use clap::{ColorChoice, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// Keep the agent operation code spec true to the vendor's table.
#[derive(Debug, Parser)]
#[command(name = "codes", version, about, long_about = None, propagate_version = true)]
#[command(after_help = "A file argument of `-` reads standard input.\n\n\
Exit status: 0 success; 1 the input has problems (invalid spec, diff at or above --fail-on, \
file out of date with generate --check, bad bill rows); 2 the command could not run.")]
struct Cli {
    /// When to colour diagnostics; with `auto`, on a terminal unless NO_COLOR is set, and
    /// whenever CLICOLOR_FORCE is set.
    #[arg(long, global = true, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate a spec; every mistake with file:line:col and a snippet, texts without a
    /// translation as information.
    Check(commands::check::Args),
    /// Generate Rust, SQL, JSON or Markdown from a spec.
    Generate(commands::generate::Args),
    /// Decode agentOprInfo bill files: every row annotated, or a summary.
    Decode(commands::decode::DecodeArgs),
    /// Write a synthetic agentOprInfo bill file of N records, to try decode and the SQL recipes.
    Synth(commands::synth::SynthArgs),
    /// Show what a spec revision changed and its semver impact.
    Diff(commands::diff::Args),
    /// Import the tables of a vendor page as copied, or merge them into a spec.
    Import(commands::import::Args),
    /// Fetch every vendor page of the spec, merge it in and report what the vendor changed.
    Update(commands::update::Args),
    /// Explain an operation code, with its reason and object, from the built-in table.
    Explain(commands::explain::ExplainArgs),
    /// List the codes of a built-in table: operation types (with --reasons, their reasons),
    /// media types, agent types or call directions.
    List(commands::explain::ListArgs),
    /// Print a shell completion script for `codes`.
    Completions(commands::manual::CompletionsArgs),
    /// Print the manual page of `codes` (roff: `codes man | man -l -`), or write every page.
    Man(commands::manual::ManArgs),
}

fn main() -> ExitCode {
    // clap writes its own messages (usage errors, help) before `--color` is
    // parsed: read it first, so that they follow it too.
    let color = color_arg(std::env::args_os().skip(1));
    let matches = Cli::command().color(color).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    io::set_color(cli.color);
    let result = match &cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Generate(args) => commands::generate::run(args),
        Command::Decode(args) => commands::decode::command(args),
        Command::Synth(args) => commands::synth::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::Import(args) => commands::import::run(args),
        Command::Update(args) => commands::update::run(args),
        Command::Explain(args) => commands::explain::explain(args),
        Command::List(args) => commands::explain::list(args),
        Command::Completions(args) => commands::manual::completions(args),
        Command::Man(args) => commands::manual::man(args),
    };
    match result {
        Ok(status) => status.into(),
        Err(error) => {
            io::say!("codes: {error}");
            io::Status::Failed.into()
        }
    }
}

/// The `--color WHEN` (or `--color=WHEN`) among `args`, the last one
/// winning as clap has it; `auto` without one, or with a value clap will
/// refuse. Arguments after `--` are not options.
fn color_arg(args: impl Iterator<Item = std::ffi::OsString>) -> ColorChoice {
    let mut color = ColorChoice::Auto;
    let mut args = args.map(|arg| arg.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "--" => break,
            "--color" => args.next(),
            _ => arg.strip_prefix("--color=").map(str::to_string),
        };
        if let Some(choice) = value.and_then(|value| ColorChoice::from_str(&value, false).ok()) {
            color = choice;
        }
    }
    color
}

#[cfg(test)]
mod tests {
    use super::{ColorChoice, color_arg};

    #[test]
    fn the_color_choice_is_read_before_clap_parses() {
        let color = |args: &[&str]| color_arg(args.iter().map(|arg| arg.into()));
        assert_eq!(color(&["explain", "3"]), ColorChoice::Auto);
        assert_eq!(color(&["--color", "never", "explain"]), ColorChoice::Never);
        assert_eq!(color(&["explain", "--color=always"]), ColorChoice::Always);
        assert_eq!(
            color(&["--color=never", "--color", "always"]),
            ColorChoice::Always
        );
        assert_eq!(color(&["--color", "sometimes"]), ColorChoice::Auto);
        assert_eq!(color(&["diff", "--", "--color=never"]), ColorChoice::Auto);
    }
}
