//! Entering and leaving the full-screen terminal, and making sure it is always left.
//!
//! The terminal is restored on every way out: a normal quit (the [`Session`] guard drops), an
//! error (same), a panic (the hook restores before the panic message prints), and SIGTERM or
//! SIGHUP (turned into an event by `events`, so the loop ends and the guard drops).

use std::io::{self, Stdout};
use std::sync::Once;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// The full-screen terminal; dropping it restores the terminal.
pub struct Session {
    pub term: Term,
}

static HOOK: Once = Once::new();

impl Session {
    /// Switch to raw mode and the alternate screen with mouse capture.
    pub fn enter() -> io::Result<Self> {
        install_panic_hook();
        enable_raw_mode()?;
        let mut out = io::stdout();
        if let Err(e) = execute!(out, EnterAlternateScreen, EnableMouseCapture, cursor::Hide) {
            restore();
            return Err(e);
        }
        let term = Terminal::new(CrosstermBackend::new(out)).inspect_err(|_| restore())?;
        Ok(Session { term })
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Undo everything [`Session::enter`] did; safe to call more than once.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
