//! Keys, clicks and touches become actions; the lock-down lives here.
//!
//! Nothing a resident can press leaves the kiosk: Ctrl-C, Ctrl-Z, Ctrl-\ and every other
//! Ctrl or Alt combination are ignored (raw mode already stops the terminal from turning them
//! into signals), `q` means nothing, and Esc only goes back a step. Staff press F12 and enter
//! the PIN. While the countdown shows, any key or touch only keeps the visit going, so the
//! touch that stops the countdown does not also press a button under it.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

use super::buttons;
use super::state::{Action, Kiosk, Move, Screen};

/// The action for an event, if any.
pub fn action(k: &Kiosk, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if k.countdown.is_some() {
                return Some(Action::KeepGoing);
            }
            if k.staff.is_some() {
                return staff_key(key);
            }
            key_action(k, key)
        }
        Event::Mouse(m) => mouse(k, m),
        _ => None,
    }
}

/// Whether an event is someone at the kiosk (and so restarts the idle time).
pub fn is_input(ev: &Event) -> bool {
    match ev {
        Event::Key(k) => k.kind != KeyEventKind::Release,
        Event::Mouse(_) | Event::Paste(_) => true,
        _ => false,
    }
}

fn key_action(k: &Kiosk, key: &KeyEvent) -> Option<Action> {
    let locked = KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER;
    if key.modifiers.intersects(locked) {
        return None;
    }
    let welcome = k.visit.screen == Screen::Welcome;
    match key.code {
        KeyCode::F(12) => Some(Action::Staff),
        KeyCode::Enter | KeyCode::Char(' ') if welcome => Some(Action::Start),
        KeyCode::Char(c) if welcome && c.is_ascii_digit() => Some(Action::Start),
        KeyCode::Enter | KeyCode::Char(' ') => Some(Action::Confirm),
        KeyCode::Esc | KeyCode::Backspace if !welcome => Some(Action::Back),
        KeyCode::Char(c) if c.is_ascii_digit() => buttons::for_digit(k, c),
        KeyCode::Up => Some(Action::Move(Move::Up)),
        KeyCode::Down => Some(Action::Move(Move::Down)),
        KeyCode::Left => Some(Action::Move(Move::Left)),
        KeyCode::Right => Some(Action::Move(Move::Right)),
        KeyCode::PageUp => Some(Action::Scroll(-5)),
        KeyCode::PageDown => Some(Action::Scroll(5)),
        _ => None,
    }
}

fn staff_key(key: &KeyEvent) -> Option<Action> {
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    match key.code {
        KeyCode::Char(c) if c.is_ascii_digit() => Some(Action::PinKey(c)),
        KeyCode::Backspace => Some(Action::PinErase),
        KeyCode::Enter => Some(Action::PinSubmit),
        KeyCode::Esc => Some(Action::PinCancel),
        _ => None,
    }
}

fn mouse(k: &Kiosk, m: &MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if k.countdown.is_some() {
                return Some(Action::KeepGoing);
            }
            let at = Position::new(m.column, m.row);
            k.hits
                .iter()
                .rev()
                .find(|h| h.area.contains(at))
                .map(|h| h.action)
        }
        MouseEventKind::ScrollUp if k.staff.is_none() => Some(Action::Scroll(-3)),
        MouseEventKind::ScrollDown if k.staff.is_none() => Some(Action::Scroll(3)),
        _ => None,
    }
}
