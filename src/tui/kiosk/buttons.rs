//! The buttons of each screen with their keys: one table that both the key map and the drawing
//! read, so a button always shows the key that works.
//!
//! Number keys are the kiosk's main keys, since a keypad is what a service-hall terminal has:
//! 1 to 6 pick answers, 0 goes back, 9 starts over, 8 shows the QR code, 7 prints.

use super::state::{Action, Kiosk, Screen};

/// The key a button answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Digit(char),
    Enter,
    Esc,
    Up,
    Down,
}

impl Key {
    /// How the key is written on the button.
    pub fn label(self) -> String {
        match self {
            Key::Digit(c) => c.to_string(),
            Key::Enter => "↵".to_string(),
            Key::Esc => "Esc".to_string(),
            Key::Up => "↑".to_string(),
            Key::Down => "↓".to_string(),
        }
    }
}

/// One button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub key: Key,
    pub label: String,
    pub action: Action,
}

fn button(key: Key, label: &str, action: Action) -> Button {
    Button {
        key,
        label: label.to_string(),
        action,
    }
}

/// The answers of the question on screen, keyed 1, 2, 3 ...
pub fn answers(k: &Kiosk) -> Vec<Button> {
    let Some(q) = k.visit.wizard.as_ref().and_then(|w| w.current) else {
        return Vec::new();
    };
    let digits = ['1', '2', '3', '4', '5', '6', '7', '8'];
    k.qs[q]
        .answers
        .iter()
        .zip(digits)
        .enumerate()
        .map(|(i, (a, d))| button(Key::Digit(d), a.label.get(k.config.lang), Action::Answer(i)))
        .collect()
}

/// The row of buttons at the bottom of the screen.
pub fn bar(k: &Kiosk) -> Vec<Button> {
    let t = k.texts;
    let back = button(Key::Digit('0'), t.back, Action::Back);
    let restart = button(Key::Digit('9'), t.restart, Action::Restart);
    let printing = k.config.print_command.is_some();
    let print = button(Key::Digit('7'), t.print, Action::Print);
    match k.visit.screen {
        Screen::Welcome => vec![button(Key::Enter, t.start, Action::Start)],
        Screen::Question => vec![back, restart],
        Screen::Results => {
            let found = k
                .visit
                .results
                .as_ref()
                .is_some_and(|r| !r.found.is_empty());
            let mut out = Vec::new();
            if found {
                out.push(button(Key::Enter, t.open, Action::Confirm));
                out.push(button(Key::Digit('8'), t.qr, Action::ShowQr));
                if printing {
                    out.push(print);
                }
            }
            out.extend([back, restart]);
            out
        }
        Screen::Page => vec![
            button(Key::Up, t.page_up, Action::Scroll(-5)),
            button(Key::Down, t.page_down, Action::Scroll(5)),
            back,
            restart,
        ],
        Screen::Qr if printing => vec![print, back, restart],
        Screen::Qr => vec![back, restart],
    }
}

/// The action of a number key on this screen.
pub fn for_digit(k: &Kiosk, c: char) -> Option<Action> {
    answers(k)
        .into_iter()
        .chain(bar(k))
        .find(|b| b.key == Key::Digit(c))
        .map(|b| b.action)
}
