//! The kiosk without a terminal: keys and clicks go through the same key map and `update` a
//! resident's do, time is passed in by hand, and every screen is drawn on a test backend at
//! 80x24 and 120x40 and compared with its snapshot (`INSTA_UPDATE=always cargo test --test
//! kiosk` rewrites them; review the diff).

use std::time::{Duration, Instant};

use policy_toolbox::catalog::{self, Catalog, Source};
use policy_toolbox::cli::Lang;
use policy_toolbox::tui::kiosk::pin::PinHash;
use policy_toolbox::tui::kiosk::state::{Action, Config, Kiosk, Screen, Visit};
use policy_toolbox::tui::kiosk::{keys, ui};
use policy_toolbox::tui::theme::Theme;
use policy_toolbox::verdict::Status;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// `printf %s 2468 | sha256sum`
const PIN_2468: &str = "a1fb4e703a9ef1fa4936801721ff285a97ac85330856674412e054892afe6972";

const IDLE: Duration = Duration::from_secs(120);

fn catalog() -> Catalog {
    catalog::load(&Source::bundled()).expect("the bundled catalog loads")
}

fn config(lang: Lang) -> Config {
    Config {
        lang,
        pin: None,
        print_command: None,
        idle: IDLE,
    }
}

fn kiosk_with(cat: &Catalog, config: Config, t0: Instant) -> Kiosk<'_> {
    let mut k = Kiosk::new(cat, config, Theme::plain(), t0);
    k.date = "2026-12-03".into();
    k
}

fn kiosk(cat: &Catalog, t0: Instant) -> Kiosk<'_> {
    kiosk_with(cat, config(Lang::Zh), t0)
}

/// Feed one event the way the run loop does.
fn event(k: &mut Kiosk, ev: Event, now: Instant) {
    let action = keys::action(k, &ev);
    if keys::is_input(&ev) {
        k.input(now);
    }
    if let Some(a) = action {
        k.update(a, now);
    }
}

fn key_with(k: &mut Kiosk, code: KeyCode, mods: KeyModifiers, now: Instant) {
    event(k, Event::Key(KeyEvent::new(code, mods)), now);
}

fn key(k: &mut Kiosk, code: KeyCode, now: Instant) {
    key_with(k, code, KeyModifiers::NONE, now);
}

fn digits(k: &mut Kiosk, s: &str, now: Instant) {
    for c in s.chars() {
        key(k, KeyCode::Char(c), now);
    }
}

fn click(k: &mut Kiosk, column: u16, row: u16, now: Instant) {
    let m = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    event(k, Event::Mouse(m), now);
}

/// Draw at a size, keep what clicks need, and return the screen as text.
fn draw(k: &mut Kiosk, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut drawn = ui::Drawn::default();
    term.draw(|f| drawn = ui::draw(f, k)).unwrap();
    k.hits = drawn.hits;
    k.columns = drawn.columns;
    k.max_scroll = drawn.max_scroll;
    term.backend().to_string()
}

fn snapshot(name: &str, k: &mut Kiosk) {
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(k, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
    }
}

fn current_key(k: &Kiosk) -> Option<&'static str> {
    let w = k.visit.wizard.as_ref()?;
    w.current.map(|q| k.qs[q].key)
}

/// A local 低保 household of elders only, one with a grade 1 or 2 disability certificate,
/// nobody ill, nobody at school, nothing sudden: 户口 是, 低保, (income skipped), 老人 有,
/// 孩子 没有, nobody aged 18 to 59, 一级或二级, 都没有, 没有人上学, 没有.
const ANSWERS: &str = "111241352";

#[test]
fn welcome_question_results_page_and_qr_screens() {
    let cat = catalog();
    let t0 = Instant::now();
    let mut k = kiosk(&cat, t0);
    snapshot("welcome", &mut k);
    key(&mut k, KeyCode::Enter, t0);
    snapshot("question_first", &mut k);
    digits(&mut k, "1", t0);
    snapshot("question_status", &mut k);
    digits(&mut k, &ANSWERS[1..], t0);
    assert_eq!(k.visit.screen, Screen::Results, "all questions answered");
    snapshot("results", &mut k);
    key(&mut k, KeyCode::Down, t0);
    key(&mut k, KeyCode::Enter, t0);
    assert_eq!(k.visit.screen, Screen::Page);
    snapshot("page", &mut k);
    key(&mut k, KeyCode::Char('0'), t0);
    key(&mut k, KeyCode::Char('8'), t0);
    assert_eq!(k.visit.screen, Screen::Qr);
    snapshot("qr", &mut k);
}

#[test]
fn english_screens() {
    let cat = catalog();
    let t0 = Instant::now();
    let mut k = kiosk_with(&cat, config(Lang::En), t0);
    snapshot("en_welcome", &mut k);
    key(&mut k, KeyCode::Enter, t0);
    digits(&mut k, "1", t0);
    snapshot("en_question", &mut k);
    digits(&mut k, &ANSWERS[1..], t0);
    snapshot("en_results", &mut k);
}

#[test]
fn the_countdown_shows_before_the_wipe_and_a_touch_keeps_the_visit() {
    let cat = catalog();
    let t0 = Instant::now();
    let mut k = kiosk(&cat, t0);
    key(&mut k, KeyCode::Enter, t0);
    digits(&mut k, "11", t0);
    let visit = k.visit.clone();
    k.tick(t0 + IDLE - Duration::from_secs(16));
    assert_eq!(k.countdown, None, "no countdown before the last 15 seconds");
    k.tick(t0 + IDLE - Duration::from_millis(11_500));
    assert_eq!(k.countdown, Some(12));
    snapshot("countdown", &mut k);
    // The touch that stops the countdown presses nothing under it.
    let later = t0 + IDLE - Duration::from_secs(5);
    click(&mut k, 10, 8, later);
    assert_eq!(k.countdown, None);
    assert_eq!(k.visit, visit, "the visit goes on unchanged");
    k.tick(later + IDLE - Duration::from_secs(1));
    assert_eq!(k.visit, visit, "the idle time starts again from the touch");
}

#[test]
fn after_the_idle_time_nothing_of_the_household_remains() {
    let cat = catalog();
    let t0 = Instant::now();
    let mut k = kiosk(&cat, t0);
    key(&mut k, KeyCode::Enter, t0);
    digits(&mut k, ANSWERS, t0);
    assert!(k.visit.results.is_some());
    key(&mut k, KeyCode::Enter, t0);
    assert!(k.next_tick(t0).is_some(), "a visit is being timed");
    k.tick(t0 + IDLE);
    assert_eq!(
        k.visit,
        Visit::default(),
        "the visit is replaced by a fresh one"
    );
    assert!(k.is_fresh() && k.countdown.is_none() && k.staff.is_none());
    assert!(k.policy_list().is_none(), "no list can be built any more");
    assert_eq!(
        k.next_tick(t0 + IDLE),
        None,
        "a fresh kiosk waits without a timer"
    );
    let fresh = kiosk(&cat, t0);
    assert_eq!(k.visit, fresh.visit);
    assert!(draw(&mut k, 80, 24).contains("看看您家能享受哪些帮扶政策"));
}

#[test]
fn restart_wipes_at_once_and_back_from_the_first_question_returns_to_welcome() {
    let cat = catalog();
    let t0 = Instant::now();
    let mut k = kiosk(&cat, t0);
    key(&mut k, KeyCode::Enter, t0);
    digits(&mut k, "12", t0);
    key(&mut k, KeyCode::Char('9'), t0);
    assert!(k.is_fresh());
    key(&mut k, KeyCode::Enter, t0);
    key(&mut k, KeyCode::Esc, t0);
    assert!(
        k.is_fresh(),
        "Esc on the first question goes back to the welcome screen"
    );
}

#[test]
fn back_returns_to_the_last_question_with_its_answer_chosen() {
    let cat = catalog();
    let t0 = Instant::now();
    let mut k = kiosk(&cat, t0);
    key(&mut k, KeyCode::Enter, t0);
    digits(&mut k, "12", t0);
    assert_eq!(current_key(&k), Some("income"));
    key(&mut k, KeyCode::Char('0'), t0);
    assert_eq!(current_key(&k), Some("status"));
    assert_eq!(k.visit.focus, 1, "the answer given before is chosen");
    digits(&mut k, ANSWERS, t0);
    assert_eq!(k.visit.screen, Screen::Results);
    key(&mut k, KeyCode::Backspace, t0);
    assert_eq!(k.visit.screen, Screen::Question);
    assert!(k.visit.results.is_none());
}

#[test]
fn not_sure_everywhere_gives_only_maybe() {
    let cat = catalog();
    let t0 = Instant::now();
    let mut k = kiosk(&cat, t0);
    key(&mut k, KeyCode::Enter, t0);
    let mut asked = 0;
    while k.visit.screen == Screen::Question {
        let q = k.visit.wizard.as_ref().and_then(|w| w.current).unwrap();
        let last = k.qs[q].answers.len();
        digits(&mut k, &last.to_string(), t0);
        asked += 1;
    }
    assert!(asked <= 10);
    let r = k.visit.results.as_ref().unwrap();
    assert_eq!(r.count(Status::Eligible), 0);
    assert_eq!(r.found.len(), cat.items.len(), "nothing is ruled out");
}

#[test]
fn answers_can_be_clicked_and_chosen_with_arrows() {
    let cat = catalog();
    let t0 = Instant::now();
    let mut k = kiosk(&cat, t0);
    draw(&mut k, 80, 24);
    let start = k.hits[0].area;
    click(&mut k, start.x + 2, start.y + 1, t0);
    assert_eq!(k.visit.screen, Screen::Question);
    draw(&mut k, 80, 24);
    let second = k
        .hits
        .iter()
        .find(|h| h.action == Action::Answer(1))
        .unwrap()
        .area;
    click(&mut k, second.x + 1, second.y + 1, t0);
    assert_eq!(current_key(&k), Some("status"));
    draw(&mut k, 80, 24);
    assert_eq!(k.columns, 2, "five answers stand in two columns");
    key(&mut k, KeyCode::Down, t0);
    key(&mut k, KeyCode::Right, t0);
    assert_eq!(k.visit.focus, 3);
    key(&mut k, KeyCode::Enter, t0);
    let w = k.visit.wizard.as_ref().unwrap();
    assert_eq!(w.given[1].answer, 3);
}

#[test]
fn nothing_a_resident_presses_leaves_the_kiosk() {
    let cat = catalog();
    let t0 = Instant::now();
    let mut k = kiosk(&cat, t0);
    let ctrl = KeyModifiers::CONTROL;
    for c in ['c', 'z', '\\', 'd', 'q'] {
        key_with(&mut k, KeyCode::Char(c), ctrl, t0);
    }
    key(&mut k, KeyCode::Char('q'), t0);
    key(&mut k, KeyCode::Esc, t0);
    assert!(!k.quit && k.is_fresh());
    key(&mut k, KeyCode::Enter, t0);
    key_with(&mut k, KeyCode::Char('c'), ctrl, t0);
    key(&mut k, KeyCode::Char('q'), t0);
    assert!(!k.quit);
    assert_eq!(
        current_key(&k),
        Some("hukou"),
        "q and Ctrl-C change nothing"
    );
}

#[test]
fn staff_leave_with_f12_and_the_pin() {
    let cat = catalog();
    let t0 = Instant::now();
    let hash = PinHash::parse(PIN_2468).unwrap();
    assert!(hash.matches("2468"), "the test hash is the PIN's");
    let cfg = Config {
        pin: Some(hash),
        ..config(Lang::Zh)
    };
    let mut k = kiosk_with(&cat, cfg, t0);
    key(&mut k, KeyCode::F(12), t0);
    assert!(k.staff.is_some());
    digits(&mut k, "24", t0);
    snapshot("pin_prompt", &mut k);
    digits(&mut k, "67", t0);
    key(&mut k, KeyCode::Enter, t0);
    assert!(!k.quit, "a wrong PIN does not let anyone out");
    snapshot("pin_wrong", &mut k);
    key(&mut k, KeyCode::Esc, t0);
    assert!(k.staff.is_none(), "Esc closes the prompt");
    key(&mut k, KeyCode::F(12), t0);
    digits(&mut k, "2468", t0);
    key(&mut k, KeyCode::Enter, t0);
    assert!(k.quit);
}

#[test]
fn without_a_pin_the_staff_exit_is_closed() {
    let cat = catalog();
    let t0 = Instant::now();
    let mut k = kiosk(&cat, t0);
    key(&mut k, KeyCode::F(12), t0);
    snapshot("pin_not_set", &mut k);
    for pin in ["", "0000", "1234"] {
        digits(&mut k, pin, t0);
        key(&mut k, KeyCode::Enter, t0);
        assert!(!k.quit);
    }
}

#[test]
fn printing_sends_the_list_to_the_configured_command() {
    let cat = catalog();
    let t0 = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("printed.txt");
    let cfg = Config {
        print_command: Some(format!("tee {}", out.display())),
        ..config(Lang::Zh)
    };
    let mut k = kiosk_with(&cat, cfg, t0);
    key(&mut k, KeyCode::Enter, t0);
    digits(&mut k, ANSWERS, t0);
    key(&mut k, KeyCode::Char('7'), t0);
    let printed = std::fs::read_to_string(&out).unwrap();
    assert!(printed.contains("帮扶政策清单") && printed.contains("最低生活保障"));
    assert!(printed.contains("您的回答：户口在本区"), "{printed}");
    assert!(draw(&mut k, 80, 24).contains("已经送去打印"));
}

#[test]
fn every_screen_draws_at_any_size() {
    let cat = catalog();
    let t0 = Instant::now();
    let sizes = [
        (20, 5),
        (39, 11),
        (40, 12),
        (41, 13),
        (60, 16),
        (80, 24),
        (250, 80),
    ];
    let mut k = kiosk(&cat, t0);
    let check = |k: &mut Kiosk| {
        for (w, h) in sizes {
            let s = draw(k, w, h);
            assert!(!s.is_empty());
        }
    };
    check(&mut k);
    key(&mut k, KeyCode::Enter, t0);
    check(&mut k);
    digits(&mut k, "1", t0);
    check(&mut k);
    digits(&mut k, &ANSWERS[1..], t0);
    check(&mut k);
    key(&mut k, KeyCode::Enter, t0);
    key(&mut k, KeyCode::PageDown, t0);
    check(&mut k);
    key(&mut k, KeyCode::Char('0'), t0);
    key(&mut k, KeyCode::Char('8'), t0);
    check(&mut k);
    key(&mut k, KeyCode::F(12), t0);
    check(&mut k);
    k.tick(t0 + IDLE - Duration::from_secs(3));
    check(&mut k);
}
