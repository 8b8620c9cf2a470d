//! Drawing the staff interface. Everything here only reads the [`App`]; the pane layout is a
//! pure function of the screen size, so mouse clicks are mapped with the same rectangles that
//! were drawn.

mod browse;
pub mod form;
mod overlays;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::app::{App, Mode};
use super::keys::bindings;
use crate::cli::Lang;

/// The smallest screen the interface draws on.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Where each part of the screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub categories: Rect,
    pub items: Rect,
    pub detail: Rect,
    pub legend: Rect,
    pub status: Rect,
}

/// The layout for a screen of this size.
pub fn areas(area: Rect) -> Areas {
    let [title, main, legend, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let (cat_w, item_w) = if area.width >= 120 {
        (24, 44)
    } else {
        (19, 31)
    };
    let [categories, items, detail] = Layout::horizontal([
        Constraint::Length(cat_w),
        Constraint::Length(item_w),
        Constraint::Min(10),
    ])
    .areas(main);
    Areas {
        title,
        categories,
        items,
        detail,
        legend,
        status,
    }
}

/// The first row shown of a list of `len` rows in `height` rows, keeping `cursor` visible.
pub fn offset(cursor: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        cursor.saturating_sub(height - 1)
    }
}

/// Draw the whole interface.
pub fn draw(f: &mut Frame, app: &App) {
    let lang = app.lang;
    let area = f.area();
    f.render_widget(Block::default().style(app.theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return too_small(f, app, area);
    }
    let a = areas(area);
    match app.mode {
        Mode::Form => form::draw(f, app, area),
        _ => browse::draw(f, app, &a),
    }
    match app.mode {
        Mode::Export => overlays::export(f, app, area),
        Mode::Qr => overlays::qr(f, app, area),
        Mode::Help => overlays::help(f, app, lang, area),
        Mode::Prompt => overlays::prompt(f, app, area),
        _ => {}
    }
    if app.mode != Mode::Qr {
        status_bar(f, app, lang, a.status);
    }
}

fn too_small(f: &mut Frame, app: &App, area: Rect) {
    let text = format!(
        "{}：{}×{}（至少 {MIN_WIDTH}×{MIN_HEIGHT}）",
        app.texts.too_small, area.width, area.height
    );
    f.render_widget(Paragraph::new(text).style(app.theme.warning), area);
}

/// The keys that apply now, from the key table, or the latest message.
fn status_bar(f: &mut Frame, app: &App, lang: Lang, area: Rect) {
    if let Some(m) = &app.message {
        f.render_widget(Paragraph::new(m.as_str()).style(app.theme.warning), area);
        return;
    }
    let mut spans = Vec::new();
    for b in bindings(app.mode).iter().filter(|b| b.bar) {
        spans.push(Span::styled(b.keys_text(), app.theme.key));
        spans.push(Span::styled(
            format!(" {}  ", b.label(lang)),
            app.theme.muted,
        ));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A badge such as 「符合」 in its status style.
pub fn badge<'a>(app: &App, status: crate::verdict::Status) -> Span<'a> {
    use crate::verdict::Status::*;
    let word = match status {
        Eligible => app.texts.badge_eligible,
        Maybe => app.texts.badge_maybe,
        Ineligible => app.texts.badge_ineligible,
    };
    Span::styled(format!("[{word}]"), app.theme.status(status))
}

/// Draw a bordered pane whose border shows focus, and return the area inside it.
pub fn pane(f: &mut Frame, app: &App, area: Rect, title: String, focused: bool) -> Rect {
    let style: Style = if focused {
        app.theme.focus_border
    } else {
        app.theme.border
    };
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.title))
        .border_style(style);
    let inner = block.inner(area);
    f.render_widget(block, area);
    inner
}
