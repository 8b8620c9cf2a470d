//! Everything the interface waits for, on one channel: keys, mouse and resizes from the
//! terminal, and termination signals. The loop blocks on this channel and redraws only after
//! something arrives; the kiosk's countdown is the only timer, and it is a timeout on the same
//! wait.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use ratatui::crossterm::event::{self, Event as TermEvent};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

/// One thing that happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Input(TermEvent),
    /// SIGTERM or SIGHUP: leave cleanly.
    Terminate,
}

/// Start the reader threads and return the channel they feed.
pub fn start() -> Receiver<Event> {
    let (tx, rx) = mpsc::channel();
    let input = tx.clone();
    thread::spawn(move || read_terminal(&input));
    thread::spawn(move || watch_signals(&tx));
    rx
}

fn read_terminal(tx: &Sender<Event>) {
    while let Ok(e) = event::read() {
        if tx.send(Event::Input(e)).is_err() {
            return;
        }
    }
}

fn watch_signals(tx: &Sender<Event>) {
    let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP]) else {
        return;
    };
    for _ in signals.forever() {
        if tx.send(Event::Terminate).is_err() {
            return;
        }
    }
}
