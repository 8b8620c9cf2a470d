//! Entry point: parse the command line, run the command, print, and pick the exit status.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use policy_toolbox::cli::Cli;
use policy_toolbox::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(out) => {
            print_stdout(&out.stdout);
            if out.failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(failure) => {
            let _ = writeln!(io::stderr(), "{failure}");
            ExitCode::from(1)
        }
    }
}

/// Print, treating a closed pipe (`| head`) as a normal end rather than an error.
fn print_stdout(text: &str) {
    let mut out = io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
