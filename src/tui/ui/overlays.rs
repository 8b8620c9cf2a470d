//! Dialogs and panels drawn over the browse screen: the list panel, export, QR code, help and
//! the one-line prompts.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{badge, offset, pane};
use crate::cli::Lang;
use crate::tui::app::{App, FORMATS, Mode, PromptKind, WIDTHS};
use crate::tui::keys::bindings;

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    r
}

pub fn list_panel(f: &mut Frame, app: &App, area: Rect) {
    let t = app.texts;
    let inner = pane(f, app, area, format!("{} {}", t.list, app.list.len()), true);
    if app.list.is_empty() {
        f.render_widget(
            Paragraph::new(t.list_empty)
                .wrap(Wrap { trim: true })
                .style(app.theme.muted),
            inner,
        );
        return;
    }
    let h = usize::from(inner.height);
    let first = offset(app.list_cursor, h);
    let lines: Vec<Line> = app
        .list
        .iter()
        .enumerate()
        .skip(first)
        .take(h)
        .map(|(row, &i)| {
            let style = if row == app.list_cursor {
                app.theme.selected
            } else {
                app.theme.base
            };
            let item = &app.cat.items[i];
            let phone = &app.cat.lead(item).hotline;
            Line::from(vec![
                badge(app, app.verdicts[i].status),
                Span::styled(format!(" {}  ", item.name), style),
                Span::styled(format!("{} {phone}", item.category), app.theme.muted),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

pub fn export(f: &mut Frame, app: &App, area: Rect) {
    let t = app.texts;
    let r = centered(area, 72, 11);
    f.render_widget(Clear, r);
    let inner = pane(f, app, r, t.export_title.to_string(), true);
    let e = &app.export;
    let formats: Vec<Span> = FORMATS
        .iter()
        .enumerate()
        .flat_map(|(i, name)| {
            let style = if i == e.format {
                app.theme.selected
            } else {
                app.theme.base
            };
            [Span::styled(format!(" {name} "), style), Span::raw(" ")]
        })
        .collect();
    let what = if app.list.is_empty() {
        t.export_what_relevant
    } else {
        t.export_what_list
    };
    let mut lines = vec![
        Line::from(
            [
                vec![Span::styled(
                    format!("{}：", t.export_format),
                    app.theme.key,
                )],
                formats,
            ]
            .concat(),
        ),
        Line::from(vec![
            Span::styled(format!("{}：", t.export_width), app.theme.key),
            Span::raw(format!("{}（txt）", WIDTHS[e.width])),
        ]),
        Line::from(vec![
            Span::styled(format!("{}：", t.export_names), app.theme.key),
            Span::raw(if e.with_names { t.yes } else { t.no }),
        ]),
        Line::from(vec![Span::styled(
            format!("{}：", t.export_path),
            app.theme.key,
        )]),
        Line::styled(format!("{}▏", e.path), app.theme.input),
        Line::styled(format!("→ {what}"), app.theme.muted),
    ];
    if e.confirm_overwrite {
        lines.push(Line::styled(t.exists_force, app.theme.warning));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

pub fn qr(f: &mut Frame, app: &App, area: Rect) {
    f.render_widget(Clear, area);
    let Some(code) = &app.qr else { return };
    // The widest quiet zone that fits, down to one module.
    let fits = |rows: &Vec<String>| {
        rows.len() < usize::from(area.height) && rows[0].chars().count() <= usize::from(area.width)
    };
    let rows = [4, 2, 1]
        .into_iter()
        .map(|m| code.terminal_rows(m))
        .find(fits);
    let mut title = format!("{}  （Esc）", app.texts.qr_title);
    if let Some(note) = &code.shortened {
        title = format!("{title} {note}");
    }
    let mut lines = vec![Line::styled(title, app.theme.title)];
    let Some(rows) = rows else {
        lines.push(Line::styled(app.texts.qr_too_small, app.theme.warning));
        return f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
    };
    let w = rows[0].chars().count() as u16;
    lines.extend(rows.into_iter().map(Line::raw));
    let h = lines.len() as u16;
    let r = centered(area, w.max(40), h);
    f.render_widget(Paragraph::new(lines), r);
}

pub fn help(f: &mut Frame, app: &App, lang: Lang, area: Rect) {
    let r = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    f.render_widget(Clear, r);
    let inner = pane(f, app, r, app.texts.help_title.to_string(), true);
    let t = app.texts;
    let screens = [
        (Mode::Browse, t.mode_browse),
        (Mode::Search, t.mode_search),
        (Mode::Form, t.mode_form),
        (Mode::List, t.mode_list),
        (Mode::Export, t.mode_export),
    ];
    let mut lines = Vec::new();
    for (mode, name) in screens {
        lines.push(Line::styled(name.to_string(), app.theme.title));
        let parts: Vec<Span> = bindings(mode)
            .iter()
            .flat_map(|b| {
                [
                    Span::styled(b.keys_text(), app.theme.key),
                    Span::raw(format!(" {}  ", b.label(lang))),
                ]
            })
            .collect();
        lines.push(Line::from(parts));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(t.legend, app.theme.muted));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

pub fn prompt(f: &mut Frame, app: &App, area: Rect) {
    let Some(p) = &app.prompt else { return };
    let t = app.texts;
    let title = match p.kind {
        PromptKind::SaveProfile => t.save_as,
        PromptKind::SaveCase => t.save_case_as,
        PromptKind::OpenProfile => t.open_title,
    };
    let height = if p.kind == PromptKind::OpenProfile {
        14
    } else {
        5
    };
    let r = centered(area, 64, height);
    f.render_widget(Clear, r);
    let inner = pane(f, app, r, title.to_string(), true);
    let lines: Vec<Line> = if p.kind == PromptKind::OpenProfile {
        if p.files.is_empty() {
            vec![Line::styled(t.open_empty, app.theme.muted)]
        } else {
            let h = usize::from(inner.height);
            p.files
                .iter()
                .enumerate()
                .skip(offset(p.cursor, h))
                .take(h)
                .map(|(i, path)| {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let style = if i == p.cursor {
                        app.theme.selected
                    } else {
                        app.theme.base
                    };
                    Line::styled(name, style)
                })
                .collect()
        }
    } else {
        vec![Line::styled(format!("{}▏", p.text), app.theme.input)]
    };
    f.render_widget(Paragraph::new(lines), inner);
}
