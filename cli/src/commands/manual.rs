//! `codes completions SHELL` and `codes man [--out-dir DIR]`: what a package
//! installs beside the binary, from the same definition as `--help`.

use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;

use crate::io::{self, Failure, Status};

/// Arguments of `codes completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    shell: Shell,
}

/// Arguments of `codes man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write every page (`codes.1`, `codes-check.1`, …) into this directory
    /// instead of printing `codes.1`.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
}

/// Prints the completion script for the shell.
pub fn completions(args: &CompletionsArgs) -> Result<Status, Failure> {
    let mut script = Vec::new();
    // Into memory first: clap_complete panics when its writer fails, and
    // standard output may be a closed pipe.
    clap_complete::generate(args.shell, &mut crate::Cli::command(), "codes", &mut script);
    io::with_stdout(|out| out.write_all(&script))?;
    Ok(Status::Success)
}

/// Prints the manual page `codes(1)`, or writes it and one page per
/// subcommand into `--out-dir`, each replaced only when it changed.
pub fn man(args: &ManArgs) -> Result<Status, Failure> {
    // As `clap_mangen::generate_to` builds it, so that subcommands are
    // named `codes-check` and `help` gets no page; its files are written
    // here through `write_if_changed`, whole or not at all.
    let mut command = crate::Cli::command().disable_help_subcommand(true);
    command.build();
    let Some(dir) = &args.out_dir else {
        let page = render(Man::new(command))?;
        io::with_stdout(|out| out.write_all(page.as_bytes()))?;
        return Ok(Status::Success);
    };
    let mut pending = vec![command];
    while let Some(command) = pending.pop() {
        pending.extend(
            command
                .get_subcommands()
                .filter(|subcommand| !subcommand.is_hide_set())
                .cloned(),
        );
        let man = Man::new(command);
        let path = dir.join(man.get_filename());
        io::emit(Some(&path), &render(man)?)?;
    }
    Ok(Status::Success)
}

fn render(man: Man) -> Result<String, Failure> {
    let mut page = Vec::new();
    man.render(&mut page)
        .map_err(|error| Failure(format!("cannot render the manual page: {error}")))?;
    String::from_utf8(page).map_err(|error| Failure(format!("the manual page: {error}")))
}
