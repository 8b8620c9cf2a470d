//! The household profile form, with the live result beside it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{badge, offset, pane};
use crate::profile::FactValue;
use crate::tui::app::App;
use crate::tui::form::{self, Field, Input, Row};
use crate::verdict::Status;

/// Where the form's rows are drawn, for mouse clicks.
pub fn rows_area(area: Rect) -> Rect {
    let [_, main, _, _] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [left, _] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Min(20)]).areas(main);
    Rect {
        x: left.x + 1,
        y: left.y + 1,
        width: left.width.saturating_sub(2),
        height: left.height.saturating_sub(2),
    }
}

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    let [title, main, hint, _] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Min(20)]).areas(main);
    let t = app.texts;
    f.render_widget(
        Paragraph::new(Span::styled(
            format!("{} · {}", t.app, t.form_title),
            app.theme.title,
        )),
        title,
    );
    let inner = pane(f, app, left, t.form_title.to_string(), true);
    rows(f, app, inner);
    live(f, app, right);
    let note = app
        .form_error
        .clone()
        .unwrap_or_else(|| t.form_hint.to_string());
    let style = if app.form_error.is_some() {
        app.theme.warning
    } else {
        app.theme.muted
    };
    f.render_widget(Paragraph::new(note).style(style), hint);
}

fn rows(f: &mut Frame, app: &App, area: Rect) {
    let rows = app.form_rows();
    let h = usize::from(area.height);
    let first = offset(app.form_cursor, h);
    let mut lines: Vec<Line> = Vec::new();
    for (n, row) in rows.iter().enumerate().skip(first).take(h) {
        lines.push(row_line(app, row, n == app.form_cursor));
    }
    if app.household.members.is_none() && lines.len() < h {
        lines.push(Line::styled(
            format!("— {} —", app.texts.form_no_members),
            app.theme.muted,
        ));
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn row_line<'a>(app: &App, row: &Row, current: bool) -> Line<'a> {
    let t = app.texts;
    if row.field == Field::Header {
        let i = row.member.unwrap_or(0);
        let who = app
            .household
            .members
            .as_ref()
            .and_then(|m| m.get(i))
            .map(|m| m.describe())
            .unwrap_or_default();
        let style = if current {
            app.theme.selected
        } else {
            app.theme.title
        };
        return Line::styled(format!("— {} {}：{who} —", t.form_member, i + 1), style);
    }
    let label_style = if current {
        app.theme.selected
    } else {
        app.theme.muted
    };
    let mut spans = vec![
        Span::styled(pad(row.label(), 14), label_style),
        Span::raw(" "),
    ];
    match row.input() {
        Input::Toggle if current => spans.extend(options(app, row)),
        Input::Typed if current => {
            let text = app
                .form_text
                .clone()
                .unwrap_or_else(|| form::typed_text(&app.household, row));
            spans.push(Span::styled(format!("{text}▏"), app.theme.input));
            if row.field == Field::Name {
                spans.push(Span::styled(format!("  {}", t.name), app.theme.muted));
            }
        }
        _ => {
            let value = form::shown(&app.household, row, t.unknown, t.yes, t.no);
            let style = if form::value(&app.household, row).is_none() {
                app.theme.muted
            } else {
                app.theme.base
            };
            let arrows = if current && row.input() == Input::Cycle {
                ("◀ ", " ▶")
            } else {
                ("", "")
            };
            spans.push(Span::styled(
                format!("{}{value}{}", arrows.0, arrows.1),
                style,
            ));
        }
    }
    Line::from(spans)
}

/// `s` padded with spaces to `width` display columns.
fn pad(s: &str, width: usize) -> String {
    let w = crate::export::wrap::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// A list row being edited: its options from the one before the cursor on, each with a tick
/// when chosen and the one under the cursor highlighted.
fn options<'a>(app: &App, row: &Row) -> Vec<Span<'a>> {
    let Field::Fact(fact) = row.field else {
        return Vec::new();
    };
    let chosen = match form::value(&app.household, row) {
        Some(FactValue::Set(s)) => Some(s),
        _ => None,
    };
    let mut spans = Vec::new();
    if chosen.is_none() {
        spans.push(Span::styled(
            format!("{} ", app.texts.unknown),
            app.theme.muted,
        ));
    }
    let from = app.form_option.saturating_sub(1);
    if from > 0 {
        spans.push(Span::styled("◀ ", app.theme.muted));
    }
    for (k, c) in fact.choices().iter().enumerate().skip(from) {
        let on = chosen
            .as_ref()
            .is_some_and(|s| s.iter().any(|x| x == c.key));
        let mark = if on { "☑" } else { "☐" };
        let mut style = if on {
            app.theme.eligible
        } else {
            app.theme.base
        };
        if k == app.form_option {
            style = app.theme.selected;
        }
        spans.push(Span::styled(format!("{mark}{}", c.zh), style));
        spans.push(Span::raw(" "));
    }
    spans
}

/// The live result: how many items fit, and which, updating as the clerk types.
fn live(f: &mut Frame, app: &App, area: Rect) {
    let inner = pane(f, app, area, app.texts.live.to_string(), false);
    let count = |s: Status| app.verdicts.iter().filter(|v| v.status == s).count();
    let mut lines = vec![Line::from(vec![
        badge(app, Status::Eligible),
        Span::raw(format!("{} ", count(Status::Eligible))),
        badge(app, Status::Maybe),
        Span::raw(format!("{} ", count(Status::Maybe))),
        badge(app, Status::Ineligible),
        Span::raw(count(Status::Ineligible).to_string()),
    ])];
    // Only as many rows as fit: at province scale thousands of items may match.
    let room = usize::from(inner.height).saturating_sub(1);
    let shown = [Status::Eligible, Status::Maybe]
        .into_iter()
        .flat_map(|status| {
            app.cat
                .items
                .iter()
                .zip(&app.verdicts)
                .filter(move |(_, v)| v.status == status)
        });
    for (item, v) in shown.take(room) {
        lines.push(Line::from(vec![
            badge(app, v.status),
            Span::raw(format!(" {}", item.name)),
        ]));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
