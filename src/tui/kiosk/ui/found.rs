//! The results (by category, 符合 first, each with its line of why) and an item's plain page.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::super::results::Found;
use super::super::state::{Action, Hit, Kiosk};
use super::widgets::{self, Drawn};
use crate::page;
use crate::verdict::Status;

/// The results list.
pub fn results(f: &mut Frame, k: &Kiosk, area: Rect, d: &mut Drawn) {
    let Some(r) = &k.visit.results else { return };
    let t = k.texts;
    let [head, _, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let counts = t
        .results_counts
        .replace("{e}", &r.count(Status::Eligible).to_string())
        .replace("{m}", &r.count(Status::Maybe).to_string());
    let line = Line::from(vec![
        Span::styled(t.results_title, k.theme.title),
        Span::raw("    "),
        Span::styled(counts, k.theme.highlight),
    ]);
    f.render_widget(Paragraph::new(line), head);
    if r.found.is_empty() {
        widgets::text(f, vec![Line::from(t.results_none)], k.theme.base, list);
        return;
    }
    let rows = rows(k, &r.found, list.width as usize);
    let offset = offset(&rows, k.visit.focus, list.height as usize);
    for (n, (line, item)) in rows.into_iter().skip(offset).enumerate() {
        if n >= list.height as usize {
            break;
        }
        let at = Rect::new(list.x, list.y + n as u16, list.width, 1);
        f.render_widget(Paragraph::new(line), at);
        if let Some(i) = item {
            d.hits.push(Hit {
                area: at,
                action: Action::Open(i),
            });
        }
    }
}

/// The lines of the list, each with the result it belongs to (none for a category heading).
fn rows(k: &Kiosk, found: &[Found], width: usize) -> Vec<(Line<'static>, Option<usize>)> {
    let mut out = Vec::new();
    let mut category = "";
    for (i, f) in found.iter().enumerate() {
        let item = &k.cat.items[f.item];
        if item.category != category {
            category = &item.category;
            out.push((Line::styled(format!("【{category}】"), k.theme.title), None));
        }
        let chosen = i == k.visit.focus;
        let badge = widgets::pad(k.texts.status(f.status), badge_width(k));
        let name_style = if chosen {
            k.theme.selected
        } else {
            k.theme.base
        };
        let marker = if chosen { "▶ " } else { "  " };
        let name = widgets::fit(&item.name, width.saturating_sub(12));
        out.push((
            Line::from(vec![
                Span::styled(marker, k.theme.key),
                Span::styled(badge, k.theme.status(f.status)),
                Span::raw(" "),
                Span::styled(name, name_style),
            ]),
            Some(i),
        ));
        let why = widgets::fit(&f.why, width.saturating_sub(6));
        out.push((Line::styled(format!("      {why}"), k.theme.muted), Some(i)));
    }
    out
}

/// The width of the widest status badge.
fn badge_width(k: &Kiosk) -> usize {
    let t = k.texts;
    UnicodeWidthStr::width(t.eligible).max(UnicodeWidthStr::width(t.maybe))
}

/// The first line shown, so that the chosen result (and its heading) is in view.
fn offset(rows: &[(Line, Option<usize>)], focus: usize, height: usize) -> usize {
    let first = rows
        .iter()
        .position(|(_, i)| *i == Some(focus))
        .unwrap_or(0);
    let last = first + 1;
    if last < height {
        0
    } else {
        (last + 1 - height).min(first.saturating_sub(1))
    }
}

/// The page lines of the open item: the household's status and why, then the plain page.
fn page_lines(k: &Kiosk) -> Vec<Line<'static>> {
    let Some(f) = k
        .visit
        .results
        .as_ref()
        .and_then(|r| r.found.get(k.visit.page))
    else {
        return Vec::new();
    };
    let item = &k.cat.items[f.item];
    let mut lines = vec![
        Line::from(vec![
            Span::styled(k.texts.your_status, k.theme.title),
            Span::styled(k.texts.status(f.status), k.theme.status(f.status)),
        ]),
        Line::from(format!("  {}", f.why)),
        Line::from(""),
    ];
    for (n, l) in page::render(k.cat, item).lines().enumerate() {
        let style = if n == 0 || l.starts_with('【') {
            k.theme.title
        } else {
            k.theme.base
        };
        lines.push(Line::styled(l.to_string(), style));
    }
    lines
}

/// How far the page can scroll in an area of this size.
pub fn page_max_scroll(k: &Kiosk, area: Rect) -> u16 {
    let total: u16 = page_lines(k)
        .iter()
        .map(|l| widgets::rows(&l.to_string(), area.width))
        .sum();
    total.saturating_sub(area.height)
}

/// The plain page of the open item.
pub fn page(f: &mut Frame, k: &Kiosk, area: Rect) {
    let scroll = k.visit.scroll.min(page_max_scroll(k, area));
    let p = Paragraph::new(page_lines(k))
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0));
    f.render_widget(p, area);
}
