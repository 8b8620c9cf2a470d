//! The welcome screen and the question screens.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;

use super::super::buttons;
use super::super::state::Kiosk;
use super::widgets::{self, Drawn};

/// One sentence in plain words and one big button.
pub fn welcome(f: &mut Frame, k: &Kiosk, area: Rect, d: &mut Drawn) {
    let t = k.texts;
    let title_h = widgets::rows(t.welcome_title, area.width);
    let lines_h: u16 = t
        .welcome_lines
        .iter()
        .map(|l| widgets::rows(l, area.width))
        .sum();
    let start_h = (area.height / 4).clamp(3, 9);
    let gap = if area.height >= 30 { 2 } else { 1 };
    let [title, _, lines, _, start, _, privacy] = Layout::vertical([
        Constraint::Length(title_h),
        Constraint::Length(gap),
        Constraint::Length(lines_h),
        Constraint::Length(gap),
        Constraint::Length(start_h),
        Constraint::Length(gap),
        Constraint::Length(2),
    ])
    .flex(Flex::Center)
    .areas(area);
    widgets::text(f, vec![Line::from(t.welcome_title)], k.theme.title, title);
    let body = t.welcome_lines.iter().map(|l| Line::from(*l)).collect();
    widgets::text(f, body, k.theme.base, lines);
    let start_w = (area.width / 2).clamp(24, 60);
    let cell = widgets::centered(start, start_w, start_h);
    if let Some(b) = buttons::bar(k).first() {
        widgets::button(f, k, b, cell, true, d);
    }
    widgets::text(f, vec![Line::from(t.privacy)], k.theme.muted, privacy);
}

/// How many columns of answers fit: two when there are many and the screen is wide enough.
pub fn columns(answers: usize, width: u16) -> usize {
    if answers >= 4 && width >= 60 { 2 } else { 1 }
}

/// One question and its answers as a grid of big buttons, the block centred on the screen.
pub fn question(f: &mut Frame, k: &Kiosk, area: Rect, d: &mut Drawn) {
    let Some(q) = k.visit.wizard.as_ref().and_then(|w| w.current) else {
        return;
    };
    let text = k.qs[q].text.get(k.config.lang);
    let text_h = widgets::rows(text, area.width.saturating_sub(4));
    let answers = buttons::answers(k);
    let cols = columns(answers.len(), area.width);
    d.columns = cols;
    let rows = answers.len().div_ceil(cols).max(1) as u16;
    let gap = if area.height >= 30 { 2 } else { 1 };
    let room = area.height.saturating_sub(text_h + gap) / rows;
    let cell_h = room.saturating_sub(1).clamp(3, 9);
    let grid_h = rows * cell_h + rows - 1;
    let [question, _, grid] = Layout::vertical([
        Constraint::Length(text_h),
        Constraint::Length(gap),
        Constraint::Length(grid_h),
    ])
    .flex(Flex::Center)
    .areas(area);
    widgets::text(f, vec![Line::from(text)], k.theme.title, question);
    let row_areas = Layout::vertical(vec![Constraint::Length(cell_h); rows as usize])
        .spacing(1)
        .split(grid);
    for (r, row) in row_areas.iter().enumerate() {
        let cells = Layout::horizontal(vec![Constraint::Fill(1); cols])
            .spacing(2)
            .split(*row);
        for (c, cell) in cells.iter().enumerate() {
            let i = r * cols + c;
            if let Some(b) = answers.get(i) {
                widgets::button(f, k, b, *cell, i == k.visit.focus, d);
            }
        }
    }
}
