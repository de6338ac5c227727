//! `codes`: the spec maintainers' tool for `codes.toml`.
//!
//! Data goes to stdout, talk to stderr. Exit status: 0 success; 1 the input
//! has problems (an invalid spec, a diff at or above `--fail-on`, a file
//! `generate --check` finds out of date, bad bill rows); 2 the command could
//! not run (bad arguments, unreadable files, git failures).

mod commands;
mod io;
mod lang;
mod output;
mod width;

use std::process::ExitCode;

use clap::{ColorChoice, Parser, Subcommand};

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
    let cli = Cli::parse();
    io::set_color(cli.color);
    let result = match &cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Generate(args) => commands::generate::run(args),
        Command::Decode(args) => commands::decode::command(args),
        Command::Synth(args) => commands::synth::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::Import(args) => commands::import::run(args),
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
