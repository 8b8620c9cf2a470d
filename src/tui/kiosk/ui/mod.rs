//! Drawing the kiosk. Everything here only reads the [`Kiosk`]; what a click needs (the
//! rectangles of the buttons just drawn, and the columns of the answer grid) comes back as
//! [`Drawn`] for the loop to keep.
//!
//! Every screen has the same frame: a title line, the screen's body, a row of big buttons and
//! a line saying how to use it. The countdown and the staff PIN prompt are drawn over it.

mod ask;
mod code;
mod found;
mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub use widgets::Drawn;

use super::buttons;
use super::pin::Refused;
use super::state::{Action, Kiosk, Note, Screen};

/// The smallest screen the kiosk draws on.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Draw the whole screen.
pub fn draw(f: &mut Frame, k: &Kiosk) -> Drawn {
    let area = f.area();
    let mut d = Drawn {
        columns: 1,
        ..Drawn::default()
    };
    f.render_widget(Block::new().style(k.theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        widgets::text(
            f,
            vec![Line::from(k.texts.too_small)],
            k.theme.warning,
            area,
        );
        return d;
    }
    if k.visit.screen == Screen::Qr {
        code::qr(f, k, area, &mut d);
        overlays(f, k, area, &mut d);
        return d;
    }
    let bar_h = widgets::button_height(area);
    let [top, body, bar, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(bar_h),
        Constraint::Length(1),
    ])
    .areas(area);
    title(f, k, top);
    // The welcome screen has its one button in the middle, so it takes the bar's room too.
    let body = if k.visit.screen == Screen::Welcome {
        widgets::column(body.union(bar))
    } else {
        widgets::column(body)
    };
    match k.visit.screen {
        Screen::Welcome => ask::welcome(f, k, body, &mut d),
        Screen::Question => ask::question(f, k, body, &mut d),
        Screen::Results => found::results(f, k, body, &mut d),
        Screen::Page => {
            let text = widgets::readable(body);
            found::page(f, k, text);
            d.max_scroll = found::page_max_scroll(k, text);
        }
        Screen::Qr => {}
    }
    if k.visit.screen != Screen::Welcome {
        widgets::bar(f, k, &buttons::bar(k), widgets::column(bar), &mut d);
    }
    hint_line(f, k, hint);
    overlays(f, k, area, &mut d);
    d
}

/// The countdown, or the staff prompt, over the screen; the prompt takes every click.
fn overlays(f: &mut Frame, k: &Kiosk, area: Rect, d: &mut Drawn) {
    if let Some(s) = k.countdown {
        countdown(f, k, area, s);
    } else if k.staff.is_some() {
        d.hits.clear();
        staff(f, k, area, d);
    }
}

fn title(f: &mut Frame, k: &Kiosk, area: Rect) {
    let progress = match (k.visit.screen, &k.visit.wizard) {
        (Screen::Question, Some(w)) => k
            .texts
            .question_of
            .replace("{n}", &w.asked().to_string())
            .replace("{max}", &k.qs.len().to_string()),
        _ => String::new(),
    };
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(30)]).areas(area);
    let style = k.theme.title;
    f.render_widget(
        Paragraph::new(format!(" {}", k.texts.app)).style(style),
        left,
    );
    f.render_widget(
        Paragraph::new(format!("{progress} "))
            .style(style)
            .right_aligned(),
        right,
    );
}

fn hint_line(f: &mut Frame, k: &Kiosk, area: Rect) {
    let t = k.texts;
    let line = match (k.visit.note, k.visit.screen) {
        (Some(Note::Printed), _) => Line::styled(t.printed, k.theme.eligible),
        (Some(Note::PrintFailed), _) => Line::styled(t.print_failed, k.theme.warning),
        (None, Screen::Question) => Line::styled(t.hint_question, k.theme.muted),
        (None, Screen::Results) => Line::styled(t.hint_results, k.theme.muted),
        (None, Screen::Page) => Line::styled(t.hint_page, k.theme.muted),
        (None, Screen::Welcome | Screen::Qr) => Line::default(),
    };
    f.render_widget(Paragraph::new(line).centered(), area);
}

fn countdown(f: &mut Frame, k: &Kiosk, screen: Rect, seconds: u64) {
    let t = k.texts;
    let area = widgets::centered(screen, 64, 11);
    let inner = widgets::modal(f, k, area, t.countdown_title);
    let [msg, _, button] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(3),
    ])
    .areas(inner);
    let text = t.countdown.replace("{s}", &seconds.to_string());
    widgets::text(
        f,
        vec![Line::from(""), Line::from(text)],
        k.theme.warning,
        msg,
    );
    let keep = buttons::Button {
        key: buttons::Key::Enter,
        label: t.keep_going.to_string(),
        action: Action::KeepGoing,
    };
    let mut ignored = Drawn::default();
    let cell = widgets::centered(button, 30, 3);
    widgets::button(f, k, &keep, cell, true, &mut ignored);
}

fn staff(f: &mut Frame, k: &Kiosk, screen: Rect, d: &mut Drawn) {
    let t = k.texts;
    let Some(entry) = &k.staff else { return };
    let area = widgets::centered(screen, 64, 12);
    let inner = widgets::modal(f, k, area, t.staff_title);
    let [msg, field, note, cancel] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(3),
    ])
    .areas(inner);
    if k.config.pin.is_none() {
        widgets::text(
            f,
            vec![Line::from(t.staff_no_pin)],
            k.theme.warning,
            msg.union(note),
        );
    } else {
        widgets::text(f, vec![Line::from(t.staff_prompt)], k.theme.base, msg);
        let dots = "● ".repeat(entry.digits.len());
        let shown = Line::from(Span::styled(format!(" {dots}_ "), k.theme.input));
        f.render_widget(Paragraph::new(shown).centered(), field);
        let why = match entry.refused {
            Some(Refused::Locked) => t.staff_locked,
            Some(Refused::Wrong) => t.staff_wrong,
            None => "",
        };
        widgets::text(f, vec![Line::from(why)], k.theme.warning, note);
    }
    let b = buttons::Button {
        key: buttons::Key::Esc,
        label: t.cancel.to_string(),
        action: Action::PinCancel,
    };
    let cell = widgets::centered(cancel, 24, 3);
    widgets::button(f, k, &b, cell, false, d);
}
