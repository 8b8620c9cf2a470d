//! The self-service kiosk: a resident answers a few plain questions and sees the help their
//! household may get.
//!
//! `policy-toolbox kiosk` runs on a shared terminal in a service hall. It starts on a welcome
//! screen, asks at most ten questions one per screen (`questions`, `wizard`), and shows the
//! items by category with one line of why (`results`), each item's plain page, the list's QR
//! code and, when a print command is configured, a printout. Nothing is written to disk; an
//! idle visit is wiped after a visible countdown. The program cannot be left from the keyboard
//! except by staff with the PIN (`keys`, `pin`).
//!
//! The loop follows the rest of the interface: events become actions (`keys`), one `update`
//! changes the state (`state`), and drawing only reads it (`ui`). The countdown is the only
//! timer: a timeout on the wait for the next event.

pub mod buttons;
pub mod judge;
pub mod keys;
pub mod pin;
pub mod questions;
pub mod results;
pub mod situation;
pub mod state;
pub mod texts;
pub mod ui;
pub mod wizard;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGINT, SIGQUIT, SIGTSTP};

use super::events::{self, Event};
use super::terminal::Session;
use super::theme::Theme;
use crate::catalog::Catalog;
use crate::cli::Lang;
use crate::config::{Settings, ThemeName};
use pin::PinHash;
use state::{Config, Kiosk};

/// Run the kiosk until staff leave with the PIN or the process is told to stop.
pub fn run(cat: &Catalog, settings: &Settings, lang: Lang, idle: Duration) -> Result<(), String> {
    let config = Config {
        lang,
        pin: settings
            .kiosk_pin_sha256
            .as_deref()
            .and_then(PinHash::parse),
        print_command: settings.print_command.clone(),
        idle,
    };
    // The kiosk is always high-contrast; NO_COLOR still wins.
    let theme = Theme::pick(ThemeName::HighContrast, Theme::no_color_env());
    let mut kiosk = Kiosk::new(cat, config, theme, Instant::now());
    ignore_stop_signals();
    log::info!("kiosk started");
    let mut session = Session::enter().map_err(|e| format!("cannot open the terminal: {e}"))?;
    let rx = events::start();
    loop {
        let mut drawn = ui::Drawn::default();
        session
            .term
            .draw(|f| drawn = ui::draw(f, &kiosk))
            .map_err(|e| format!("cannot draw: {e}"))?;
        kiosk.hits = drawn.hits;
        kiosk.columns = drawn.columns;
        kiosk.max_scroll = drawn.max_scroll;
        let event = match kiosk.next_tick(Instant::now()) {
            Some(wait) => match rx.recv_timeout(wait) {
                Ok(e) => Some(e),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => break,
            },
            None => match rx.recv() {
                Ok(e) => Some(e),
                Err(_) => break,
            },
        };
        let now = Instant::now();
        match event {
            None => kiosk.tick(now),
            Some(Event::Terminate) => break,
            Some(Event::Input(ev)) => {
                let action = keys::action(&kiosk, &ev);
                if keys::is_input(&ev) {
                    kiosk.input(now);
                }
                if let Some(a) = action {
                    kiosk.update(a, now);
                }
            }
        }
        if kiosk.quit {
            break;
        }
    }
    log::info!("kiosk stopped");
    Ok(())
}

/// Interrupt, quit and stop signals do nothing while the kiosk runs. Raw mode already keeps
/// the keyboard from sending them; this also covers a terminal or a program that sends them
/// some other way. SIGTERM and SIGHUP still end the kiosk cleanly (see `events`).
fn ignore_stop_signals() {
    let ignored = Arc::new(AtomicBool::new(false));
    for sig in [SIGINT, SIGQUIT, SIGTSTP] {
        let _ = signal_hook::flag::register(sig, Arc::clone(&ignored));
    }
}
