//! The browse screen: categories with the household's counts, the item list with status
//! badges and search highlights, and the detail pane with the verdict and the plain page.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Areas, badge, offset, pane};
use crate::export::wrap::wrap;
use crate::page;
use crate::tui::app::{App, Focus, Mode};
use crate::verdict::Status;

pub fn draw(f: &mut Frame, app: &App, a: &Areas) {
    title(f, app, a.title);
    categories(f, app, a.categories);
    if app.mode == Mode::List {
        super::overlays::list_panel(f, app, a.items.union(a.detail));
    } else {
        items(f, app, a.items);
        detail(f, app, a.detail);
    }
    legend(f, app, a.legend);
}

fn title(f: &mut Frame, app: &App, area: Rect) {
    let t = app.texts;
    let mut spans = vec![Span::styled(
        format!("{} · {} ", t.app, app.cat.region),
        app.theme.title,
    )];
    if app.household_known() {
        let (e, m) = app
            .counts()
            .iter()
            .fold((0, 0), |acc, c| (acc.0 + c.0, acc.1 + c.1));
        spans.push(Span::raw(format!(" {}：", t.household)));
        spans.push(Span::styled(
            format!("{} {e}", t.badge_eligible),
            app.theme.eligible,
        ));
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(
            format!("{} {m}", t.badge_maybe),
            app.theme.maybe,
        ));
    } else {
        spans.push(Span::styled(
            format!(" {}", t.household_empty),
            app.theme.muted,
        ));
    }
    spans.push(Span::styled(
        format!("  {} {}", t.list, app.list.len()),
        app.theme.muted,
    ));
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Category rows, each with a small bar: █ per eligible item, ▒ per maybe item.
fn categories(f: &mut Frame, app: &App, area: Rect) {
    let inner = pane(
        f,
        app,
        area,
        app.texts.categories.to_string(),
        app.focus == Focus::Categories,
    );
    let counts = app.counts();
    let relevant: usize = counts.iter().map(|(e, m)| e + m).sum();
    let mut lines = Vec::new();
    for (i, name) in app.category_names().into_iter().enumerate() {
        let selected = i == app.category;
        let style = if selected {
            app.theme.selected
        } else {
            app.theme.base
        };
        let mut spans = vec![Span::styled(format!("{name} "), style)];
        match i {
            0 => spans.push(Span::styled(
                app.cat.items.len().to_string(),
                app.theme.muted,
            )),
            1 => spans.push(Span::styled(relevant.to_string(), app.theme.muted)),
            _ if app.household_known() => {
                let (e, m) = counts[i - 2];
                let room = usize::from(inner.width).saturating_sub(14).clamp(2, 12);
                let (be, bm) = scale(e, m, room);
                spans.push(Span::styled("█".repeat(be), app.theme.eligible));
                spans.push(Span::styled("▒".repeat(bm), app.theme.maybe));
                spans.push(Span::styled(format!("{e}·{m}"), app.theme.muted));
            }
            _ => {}
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// Bar lengths for `e` eligible and `m` maybe items in at most `room` cells.
fn scale(e: usize, m: usize, room: usize) -> (usize, usize) {
    if e + m <= room {
        return (e, m);
    }
    let be = (e * room).div_ceil(e + m).min(room);
    (be, room - be)
}

fn items(f: &mut Frame, app: &App, area: Rect) {
    let t = app.texts;
    let mut head = format!("{} {}", t.items, app.visible.len());
    if app.hide_ineligible {
        head.push_str(&format!(" · {}", t.hidden_ineligible));
    }
    let mut inner = pane(f, app, area, head, app.focus == Focus::Items);
    if app.mode == Mode::Search || !app.query.is_empty() {
        let cursor = if app.mode == Mode::Search { "▏" } else { "" };
        let line = Line::from(vec![
            Span::styled("/ ", app.theme.key),
            Span::styled(format!("{}{cursor}", app.query), app.theme.input),
        ]);
        f.render_widget(Paragraph::new(line), Rect { height: 1, ..inner });
        inner.y += 1;
        inner.height = inner.height.saturating_sub(1);
    }
    if app.visible.is_empty() {
        f.render_widget(
            Paragraph::new(t.no_results)
                .style(app.theme.muted)
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let h = usize::from(inner.height);
    let first = offset(app.cursor, h);
    let lines: Vec<Line> = app
        .visible
        .iter()
        .enumerate()
        .skip(first)
        .take(h)
        .map(|(row, (i, lit))| item_line(app, row, *i, lit))
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

fn item_line<'a>(app: &App, row: usize, i: usize, lit: &[usize]) -> Line<'a> {
    let selected = row == app.cursor;
    let base = if selected {
        app.theme.selected
    } else {
        app.theme.base
    };
    let mut spans = vec![badge(app, app.verdicts[i].status), Span::styled(" ", base)];
    if app.list.contains(&i) {
        spans.push(Span::styled("✓", app.theme.eligible));
    }
    for (k, c) in app.cat.items[i].name.chars().enumerate() {
        let style = if lit.contains(&k) {
            base.patch(app.theme.highlight)
        } else {
            base
        };
        spans.push(Span::styled(c.to_string(), style));
    }
    Line::from(spans)
}

fn detail(f: &mut Frame, app: &App, area: Rect) {
    let inner = pane(
        f,
        app,
        area,
        app.texts.detail.to_string(),
        app.focus == Focus::Detail,
    );
    let Some(i) = app.current() else { return };
    let w = usize::from(inner.width).max(4);
    let item = &app.cat.items[i];
    let v = &app.explain(i);
    let mut lines = vec![Line::from(vec![badge(app, v.status), Span::raw(" ")])];
    wrapped(&mut lines, &item.name, w, app.theme.title, "", "");
    let why = match v.status {
        Status::Eligible => app.texts.why_eligible,
        Status::Maybe => app.texts.why_maybe,
        Status::Ineligible => app.texts.why_ineligible,
    };
    if !v.reasons.is_empty() && app.household_known() {
        lines.push(Line::styled(why, app.theme.status(v.status)));
        for r in &v.reasons {
            wrapped(&mut lines, r, w, app.theme.base, "· ", "  ");
        }
    }
    if !v.missing.is_empty() {
        lines.push(Line::styled(app.texts.to_ask, app.theme.maybe));
        for q in &v.missing {
            wrapped(&mut lines, q, w, app.theme.base, "? ", "  ");
        }
    }
    lines.push(Line::raw(""));
    for text in page::render(&app.cat, item).lines().skip(3) {
        let style = if text.starts_with('【') {
            app.theme.title
        } else {
            app.theme.base
        };
        let body = text.trim_start();
        let indent = &text[..text.len() - body.len()];
        wrapped(&mut lines, body, w, style, indent, indent);
    }
    f.render_widget(Paragraph::new(lines).scroll((app.detail_scroll, 0)), inner);
}

/// Wrap with the export module's rules (Chinese by character, numbers whole, no line starting
/// with closing punctuation) and append as lines in `style`.
fn wrapped(
    lines: &mut Vec<Line<'static>>,
    text: &str,
    w: usize,
    style: Style,
    first: &str,
    rest: &str,
) {
    if text.is_empty() {
        lines.push(Line::raw(""));
        return;
    }
    for l in wrap(text, w, first, rest) {
        lines.push(Line::styled(l, style));
    }
}

fn legend(f: &mut Frame, app: &App, area: Rect) {
    let t = app.texts;
    let line = Line::from(vec![
        badge(app, Status::Eligible),
        Span::raw(" "),
        badge(app, Status::Maybe),
        Span::raw(" "),
        badge(app, Status::Ineligible),
        Span::styled(format!(" {}", t.legend), app.theme.muted),
    ]);
    f.render_widget(Paragraph::new(line), area);
}
