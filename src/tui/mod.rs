//! The terminal interfaces: the staff screens and the self-service kiosk.
//!
//! Both share the terminal guard, the event channel and the theme; each keeps its own state,
//! key table and drawing. Domain calls (verdicts, search, export) go through the same modules
//! the command line uses.

pub mod app;
pub mod events;
pub mod form;
pub mod keys;
pub mod kiosk;
pub mod terminal;
pub mod texts;
pub mod theme;
pub mod ui;

use std::time::Instant;

use ratatui::crossterm::event::{Event as TermEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::catalog::Catalog;
use crate::cli::Lang;
use crate::config::{self, Paths};
use app::{Action, App, Mode};
use events::Event;
use terminal::Session;
use theme::Theme;

/// Build the staff interface's state for a catalog, with the user's settings.
pub fn staff_app(cat: Catalog, lang: Option<Lang>) -> (App, Lang, Option<String>) {
    let paths = Paths::discover();
    crate::logfile::init(&paths.log_file());
    let (settings, warning) = config::load_settings(&paths);
    let lang = lang.unwrap_or(match settings.lang.as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    });
    let theme = Theme::pick(settings.theme, Theme::no_color_env());
    let app = App::new(cat, lang, theme, paths, settings);
    (app, lang, warning)
}

/// Run the staff interface until the clerk quits or the process is told to stop.
pub fn run_staff(cat: Catalog, lang: Option<Lang>) -> Result<(), String> {
    let (mut app, _, warning) = staff_app(cat, lang);
    app.message = warning;
    log::info!("staff interface started");
    let mut session = Session::enter().map_err(|e| format!("cannot open the terminal: {e}"))?;
    let rx = events::start();
    // The end-to-end tests check that a panic restores the terminal; this is how they cause one.
    let panic_after_draw = std::env::var_os("POLICY_TOOLBOX_TEST_PANIC").is_some();
    loop {
        let started = Instant::now();
        session
            .term
            .draw(|f| ui::draw(f, &app))
            .map_err(|e| format!("cannot draw: {e}"))?;
        log::debug!("frame drawn in {:?}", started.elapsed());
        assert!(
            !panic_after_draw,
            "panic requested by POLICY_TOOLBOX_TEST_PANIC"
        );
        let Ok(event) = rx.recv() else { break };
        let size = session
            .term
            .size()
            .map(|s| Rect::new(0, 0, s.width, s.height))
            .unwrap_or_default();
        match event {
            Event::Terminate => break,
            Event::Input(e) => {
                if let Some(action) = action_for_event(&app, &e, size) {
                    app.update(action);
                }
            }
        }
        if app.quit {
            break;
        }
    }
    drop(session);
    log::info!("staff interface closed");
    Ok(())
}

/// The action for a terminal event: keys through the key table, clicks through the layout.
pub fn action_for_event(app: &App, e: &TermEvent, size: Rect) -> Option<Action> {
    match e {
        TermEvent::Key(k) => keys::action_for(app, *k),
        TermEvent::Mouse(m) => mouse(app, m, size),
        TermEvent::Resize(..) => Some(Action::Resize),
        _ => None,
    }
}

fn mouse(app: &App, m: &MouseEvent, size: Rect) -> Option<Action> {
    let at = Position {
        x: m.column,
        y: m.row,
    };
    let a = ui::areas(size);
    match m.kind {
        MouseEventKind::ScrollUp => Some(if a.detail.contains(at) {
            Action::ScrollDetail(-3)
        } else {
            Action::Up
        }),
        MouseEventKind::ScrollDown => Some(if a.detail.contains(at) {
            Action::ScrollDetail(3)
        } else {
            Action::Down
        }),
        MouseEventKind::Down(MouseButton::Left) => click(app, at, size),
        _ => None,
    }
}

fn click(app: &App, at: Position, size: Rect) -> Option<Action> {
    let a = ui::areas(size);
    let row_in = |r: Rect| usize::from(at.y.saturating_sub(r.y + 1));
    match app.mode {
        Mode::Browse | Mode::Search if a.categories.contains(at) => {
            Some(Action::SelectCategory(row_in(a.categories)))
        }
        Mode::Browse | Mode::Search if a.items.contains(at) => {
            let search_line = usize::from(app.mode == Mode::Search || !app.query.is_empty());
            let inner_h = usize::from(a.items.height.saturating_sub(2)) - search_line;
            let row = row_in(a.items).checked_sub(search_line)?;
            Some(Action::SelectItem(ui::offset(app.cursor, inner_h) + row))
        }
        Mode::Form => {
            let r = ui::form::rows_area(size);
            if !r.contains(at) {
                return None;
            }
            let row = usize::from(at.y - r.y);
            Some(Action::SelectRow(
                ui::offset(app.form_cursor, usize::from(r.height)) + row,
            ))
        }
        _ => None,
    }
}
