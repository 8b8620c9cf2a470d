//! The kiosk's building blocks: big bordered buttons, centred text, and sizes that grow with
//! the screen (a terminal cannot enlarge its font, so size comes from space and borders).

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::buttons::Button;
use super::super::state::{Hit, Kiosk};

/// Where drawing puts what a click needs.
#[derive(Debug, Default)]
pub struct Drawn {
    pub hits: Vec<Hit>,
    pub columns: usize,
    /// How far the open page can scroll.
    pub max_scroll: u16,
}

/// The height of a button for a screen of this height: 3 rows on 24, up to 7 on big screens.
pub fn button_height(screen: Rect) -> u16 {
    (screen.height / 8).clamp(3, 7)
}

/// A rectangle of at most `w` × `h`, centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// The content column: the whole width on small screens, at most 160 columns on big ones.
pub fn column(area: Rect) -> Rect {
    let margin = if area.width >= 100 { 4 } else { 1 };
    let w = area.width.saturating_sub(2 * margin).min(160);
    let [c] = Layout::horizontal([Constraint::Length(w)])
        .flex(Flex::Center)
        .areas(area);
    c
}

/// A column of text that stays readable on a wide screen: at most 110 columns.
pub fn readable(area: Rect) -> Rect {
    let [c] = Layout::horizontal([Constraint::Length(area.width.min(110))])
        .flex(Flex::Center)
        .areas(area);
    c
}

/// Draw one button and remember where it is.
pub fn button(f: &mut Frame, k: &Kiosk, b: &Button, area: Rect, focused: bool, d: &mut Drawn) {
    let t = &k.theme;
    let (border, fill, kind) = if focused {
        (t.focus_border, t.selected, BorderType::Thick)
    } else {
        (t.border, t.base, BorderType::Rounded)
    };
    let block = Block::bordered()
        .border_type(kind)
        .border_style(border)
        .style(fill);
    let inner = block.inner(area);
    f.render_widget(Clear, area);
    f.render_widget(block, area);
    let (key_style, label_style) = if focused {
        (fill, fill)
    } else {
        (t.key, t.base.add_modifier(Modifier::BOLD))
    };
    let label = Line::from(vec![
        Span::styled(b.key.label(), key_style),
        Span::styled("  ", fill),
        Span::styled(b.label.clone(), label_style),
    ]);
    let [mid] = Layout::vertical([Constraint::Length(1)])
        .flex(Flex::Center)
        .areas(inner);
    f.render_widget(Paragraph::new(label).alignment(Alignment::Center), mid);
    d.hits.push(Hit {
        area,
        action: b.action,
    });
}

/// A row of equal buttons across `area`.
pub fn bar(f: &mut Frame, k: &Kiosk, buttons: &[Button], area: Rect, d: &mut Drawn) {
    if buttons.is_empty() {
        return;
    }
    let cells = Layout::horizontal(vec![Constraint::Fill(1); buttons.len()])
        .spacing(1)
        .split(area);
    for (b, cell) in buttons.iter().zip(cells.iter()) {
        button(f, k, b, *cell, false, d);
    }
}

/// Centred, wrapped text.
pub fn text<'a>(f: &mut Frame, lines: Vec<Line<'a>>, style: Style, area: Rect) {
    let p = Paragraph::new(lines)
        .style(style)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    f.render_widget(p, area);
}

/// How many rows `s` takes when wrapped at `width` columns.
pub fn rows(s: &str, width: u16) -> u16 {
    let w = UnicodeWidthStr::width(s).max(1);
    w.div_ceil(width.max(1) as usize) as u16
}

/// `s` padded with spaces to `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// `s` cut to `width` columns, with an ellipsis when cut.
pub fn fit(s: &str, width: usize) -> String {
    if UnicodeWidthStr::width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > width {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

/// A framed box over the screen, cleared first; returns its inside.
pub fn modal(f: &mut Frame, k: &Kiosk, area: Rect, title: &str) -> Rect {
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(k.theme.warning)
        .style(k.theme.base)
        .title(Line::styled(format!(" {title} "), k.theme.title).centered());
    let inner = block.inner(area);
    f.render_widget(Clear, area);
    f.render_widget(block, area);
    inner
}
