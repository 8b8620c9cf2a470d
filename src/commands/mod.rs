//! What each subcommand does: read inputs, call the domain, print.
//!
//! Commands return their output as a string or a [`Failure`]; `main` prints and picks the exit
//! status, so no command prints half its output before failing.

mod catalog_cmds;
mod export_cmd;
mod kiosk_cmd;
mod match_cmd;
mod screen_cmd;
mod search_cmd;

use std::path::Path;

use crate::cases;
use crate::catalog::{self, Catalog, Source};
use crate::cli::{Cli, Command, Lang};
use crate::problem::{Problem, Problems};
use crate::profile::{Household, MAX_PROFILE_BYTES};

/// Why a command could not do its work; printed on stderr, exit status 1.
#[derive(Debug)]
pub enum Failure {
    Problems(Problems),
    Message(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Problems(p) => write!(f, "{p}"),
            Failure::Message(m) => write!(f, "{m}"),
        }
    }
}

impl From<Problems> for Failure {
    fn from(p: Problems) -> Self {
        Failure::Problems(p)
    }
}

/// What a command produced: text for stdout, and whether the run counts as a failure (exit 1)
/// even though it printed normally, as `validate` does when it finds problems.
pub struct Output {
    pub stdout: String,
    pub failed: bool,
}

impl Output {
    fn ok(stdout: String) -> Self {
        Output {
            stdout,
            failed: false,
        }
    }
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> Result<Output, Failure> {
    let Some(command) = cli.command else {
        return staff_interface(cli.catalog.as_deref(), cli.lang);
    };
    match command {
        Command::Validate { dir } => catalog_cmds::validate(dir.or(cli.catalog).as_deref()),
        Command::Kiosk { idle_timeout } => {
            let cat = load_catalog(cli.catalog.as_deref())?;
            kiosk_cmd::run(&cat, cli.lang, idle_timeout)
        }
        other => {
            let cat = load_catalog(cli.catalog.as_deref())?;
            dispatch(&cat, other)
        }
    }
}

fn dispatch(cat: &Catalog, command: Command) -> Result<Output, Failure> {
    match command {
        Command::List {
            category,
            provider,
            format,
        } => catalog_cmds::list(cat, category.as_deref(), provider.as_deref(), format),
        Command::Show {
            id,
            profile,
            format,
        } => catalog_cmds::show(cat, &id, profile.as_deref(), format),
        Command::Stats { format } => Ok(Output::ok(catalog_cmds::stats(cat, format))),
        Command::Match { profile, format } => match_cmd::run(cat, &profile, format),
        c @ Command::Export { .. } => export_cmd::run(cat, c),
        c @ Command::Screen { .. } => screen_cmd::run(cat, c),
        Command::Search {
            query,
            limit,
            format,
        } => Ok(Output::ok(search_cmd::run(cat, &query, limit, format))),
        Command::Validate { .. } => unreachable!("validate is handled before the catalog loads"),
        Command::Kiosk { .. } => unreachable!("the kiosk is handled in `run`, where --lang is"),
    }
}

/// The staff interface when a person is at a terminal; the usage hint otherwise.
fn staff_interface(dir: Option<&Path>, lang: Option<Lang>) -> Result<Output, Failure> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Ok(Output::ok(usage_hint()));
    }
    let cat = load_catalog(dir)?;
    crate::tui::run_staff(cat, lang).map_err(Failure::Message)?;
    Ok(Output::ok(String::new()))
}

fn usage_hint() -> String {
    "policy-toolbox: 帮扶政策工具箱\n\
     Run it in a terminal for the staff interface, or use a command:\n\
     \x20 policy-toolbox list                       every item\n\
     \x20 policy-toolbox show dibao                 the plain page of one item\n\
     \x20 policy-toolbox match --profile FILE       every item's verdict for a household\n\
     \x20 policy-toolbox search 看病               find items (Chinese, pinyin, everyday words)\n\
     \x20 policy-toolbox stats | validate           counts | check the catalog\n\
     Run `policy-toolbox --help` for everything.\n"
        .to_string()
}

/// The bundled catalog, or the one in `dir`.
pub fn load_catalog(dir: Option<&Path>) -> Result<Catalog, Failure> {
    let src = match dir {
        Some(d) => Source::from_dir(d)?,
        None => Source::bundled(),
    };
    Ok(catalog::load(&src)?)
}

/// Read and check a household profile file.
pub fn read_profile(path: &Path) -> Result<Household, Failure> {
    let name = path.display().to_string();
    let text = catalog::source::read_text(path, MAX_PROFILE_BYTES as u64).map_err(|msg| {
        let fix = "give the path of a profile file (YAML or JSON); see the README for the format";
        Failure::Problems(Problems(vec![Problem::at(&name, None, msg, fix)]))
    })?;
    Ok(cases::parse_household(&name, &text)?)
}
