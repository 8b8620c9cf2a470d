//! The staff interface without a terminal: key sequences go through the same key table and
//! update a person's keys do, and every screen is drawn on a test backend at 80x24 and 120x40
//! and compared with its snapshot (`INSTA_UPDATE=always cargo test --test tui` rewrites them;
//! review the diff).

use std::path::PathBuf;

use policy_toolbox::catalog::{self, Source};
use policy_toolbox::cli::Lang;
use policy_toolbox::config::{Paths, Settings};
use policy_toolbox::tui::app::{App, Focus, Mode};
use policy_toolbox::tui::theme::Theme;
use policy_toolbox::tui::{action_for_event, ui};
use policy_toolbox::verdict::Status;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

fn app_in(lang: Lang, data: PathBuf) -> App {
    let cat = catalog::load(&Source::bundled()).unwrap();
    let paths = Paths {
        config: data.join("config"),
        data,
    };
    let mut app = App::new(cat, lang, Theme::plain(), paths, Settings::default());
    app.date = "2026-12-03".into();
    app
}

fn app() -> App {
    app_in(Lang::Zh, PathBuf::from("/srv/policy-toolbox"))
}

const SIZE: Rect = Rect {
    x: 0,
    y: 0,
    width: 80,
    height: 24,
};

fn key(app: &mut App, code: KeyCode) {
    key_mod(app, code, KeyModifiers::NONE);
}

fn key_mod(app: &mut App, code: KeyCode, m: KeyModifiers) {
    let ev = Event::Key(KeyEvent::new(code, m));
    if let Some(a) = action_for_event(app, &ev, SIZE) {
        app.update(a);
    }
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(app, w, h));
    }
}

/// A household a clerk might enter: 低保, income 800, one member aged 83.
fn fill_household(app: &mut App) {
    key(app, KeyCode::Char('p'));
    assert_eq!(app.mode, Mode::Form);
    key(app, KeyCode::Right); // hukou: local
    for _ in 0..3 {
        key(app, KeyCode::Down);
    }
    key(app, KeyCode::Char(' ')); // status: dibao
    key(app, KeyCode::Down);
    typed(app, "800");
    key_mod(app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    key(app, KeyCode::Down);
    key(app, KeyCode::Down);
    key(app, KeyCode::Down);
    typed(app, "83");
}

#[test]
fn searching_filters_live_and_escape_clears() {
    let mut app = app();
    let all = app.visible.len();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "yljz");
    assert!(app.visible.len() < all);
    let first = &app.cat.items[app.current().unwrap()];
    assert!(first.name.contains("医疗救助"));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.visible.len(), all);
    assert!(app.query.is_empty());
}

#[test]
fn space_adds_and_removes_the_selected_item() {
    let mut app = app();
    key(&mut app, KeyCode::Down);
    let item = app.current().unwrap();
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.list, vec![item]);
    key(&mut app, KeyCode::Char(' '));
    assert!(app.list.is_empty());
}

#[test]
fn the_form_updates_statuses_as_the_clerk_types() {
    let mut app = app();
    let dibao = app.cat.items.iter().position(|i| i.id == "dibao").unwrap();
    assert_eq!(app.verdicts[dibao].status, Status::Maybe);
    fill_household(&mut app);
    assert_eq!(app.verdicts[dibao].status, Status::Eligible);
    let members = app.household.members.as_ref().unwrap();
    assert_eq!(members[0].describe(), "本人（83 岁）");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Browse);
    key(&mut app, KeyCode::Char('x'));
    assert!(
        app.visible
            .iter()
            .all(|(i, _)| app.verdicts[*i].status != Status::Ineligible)
    );
}

#[test]
fn arrows_and_vi_keys_move_alike() {
    let mut a = app();
    let mut b = app();
    key(&mut a, KeyCode::Down);
    key(&mut b, KeyCode::Char('j'));
    assert_eq!(a.cursor, b.cursor);
    key(&mut a, KeyCode::Left);
    key(&mut b, KeyCode::Char('h'));
    assert_eq!((a.focus, b.focus), (Focus::Categories, Focus::Categories));
    key(&mut a, KeyCode::Down);
    assert_eq!(a.category, 1);
}

#[test]
fn mouse_clicks_select_and_the_wheel_scrolls() {
    let mut app = app();
    let a = ui::areas(SIZE);
    let click = |x, y| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    let act = action_for_event(&app, &click(a.items.x + 3, a.items.y + 4), SIZE).unwrap();
    app.update(act);
    assert_eq!(app.cursor, 3);
    let act = action_for_event(&app, &click(a.categories.x + 2, a.categories.y + 3), SIZE).unwrap();
    app.update(act);
    assert_eq!(app.category, 2);
    assert!(
        app.visible
            .iter()
            .all(|(i, _)| app.cat.items[*i].category == "救助保障")
    );
    let wheel = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: a.items.x + 2,
        row: a.items.y + 2,
        modifiers: KeyModifiers::NONE,
    });
    let act = action_for_event(&app, &wheel, SIZE).unwrap();
    app.update(act);
    assert_eq!(app.cursor, 1);
}

#[test]
fn export_writes_the_list_to_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(Lang::Zh, dir.path().to_path_buf());
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(app.mode, Mode::Export);
    key(&mut app, KeyCode::Right); // txt
    key(&mut app, KeyCode::Enter);
    let file = dir.path().join("lists").join("帮扶政策清单-2026-12-03.txt");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("帮扶政策清单"));
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Enter);
    assert!(
        app.export.confirm_overwrite,
        "a second export asks before replacing"
    );
    key_mod(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn households_are_saved_only_when_asked_and_load_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(Lang::Zh, dir.path().to_path_buf());
    fill_household(&mut app);
    assert!(
        !dir.path().join("profiles").exists(),
        "nothing is written unasked"
    );
    key_mod(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    key(&mut app, KeyCode::Enter);
    let saved = dir
        .path()
        .join("profiles")
        .join("household-2026-12-03.yaml");
    assert!(saved.exists(), "{:?}", app.message);
    let household = app.household.clone();
    key_mod(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert!(!app.household_known());
    key_mod(&mut app, KeyCode::Char('o'), KeyModifiers::CONTROL);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.household, household);
    key_mod(&mut app, KeyCode::Char('t'), KeyModifiers::CONTROL);
    typed(&mut app, "八十三岁低保老人");
    key(&mut app, KeyCode::Enter);
    let case_file = dir.path().join("cases").join("八十三岁低保老人.yaml");
    let text = std::fs::read_to_string(case_file).unwrap();
    let case = policy_toolbox::cases::parse("case.yaml", &text).unwrap();
    assert_eq!(case.expect.len(), app.cat.items.len());
    assert!(
        case.expect
            .contains(&("dibao".to_string(), Status::Eligible))
    );
}

#[test]
fn snapshots_of_every_screen() {
    let mut app = app();
    snap("browse_empty_household", &app);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "看病");
    snap("search", &app);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    fill_household(&mut app);
    snap("form", &app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    snap("browse_with_household", &app);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('b'));
    snap("list", &app);
    key(&mut app, KeyCode::Char('e'));
    snap("export", &app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('r'));
    snap("qr", &app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('?'));
    snap("help", &app);
    key(&mut app, KeyCode::Esc);
    insta::assert_snapshot!("too_small", screen(&app, 50, 12));
}

#[test]
fn english_interface_strings() {
    let app = app_in(Lang::En, PathBuf::from("/srv/policy-toolbox"));
    let s = screen(&app, 80, 24);
    assert!(s.contains("Categories") && s.contains("search"), "{s}");
    assert!(s.contains("最低生活保障"), "catalog texts stay as written");
}

#[test]
fn resizing_to_any_size_never_panics() {
    let app = app();
    for w in [1, 10, 40, 59, 60, 61, 80, 200] {
        for h in [1, 5, 15, 16, 24, 60] {
            screen(&app, w, h);
        }
    }
}
