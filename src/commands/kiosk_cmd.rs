//! `kiosk`: the self-service kiosk for residents, on the terminal it is started in.

use std::io::IsTerminal;
use std::time::Duration;

use super::{Failure, Output};
use crate::catalog::Catalog;
use crate::cli::Lang;
use crate::config::{self, Paths};
use crate::tui::kiosk::{self, pin::PinHash};

/// Seconds without use before a visit is wiped, when neither the command line nor the
/// settings say.
pub const DEFAULT_IDLE: u64 = 120;

/// Run the kiosk; settings problems are told on stderr before it starts.
pub fn run(cat: &Catalog, lang: Option<Lang>, idle: Option<u64>) -> Result<Output, Failure> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::Message(
            "the kiosk needs a terminal: run `policy-toolbox kiosk` in a terminal window".into(),
        ));
    }
    let paths = Paths::discover();
    crate::logfile::init(&paths.log_file());
    let (settings, warning) = config::load_settings(&paths);
    if let Some(w) = warning {
        eprintln!("policy-toolbox: {w}");
    }
    if let Some(h) = &settings.kiosk_pin_sha256
        && PinHash::parse(h).is_none()
    {
        eprintln!(
            "policy-toolbox: kiosk_pin_sha256 in {} is not a SHA-256 hex digest; \
             the staff exit is disabled (see README, Kiosk)",
            paths.config_file().display()
        );
    }
    let lang = lang.unwrap_or(match settings.lang.as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    });
    let idle = idle
        .or(settings.kiosk_idle_timeout)
        .unwrap_or(DEFAULT_IDLE)
        .max(2);
    kiosk::run(cat, &settings, lang, Duration::from_secs(idle)).map_err(Failure::Message)?;
    Ok(Output::ok(String::new()))
}
