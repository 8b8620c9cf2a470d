//! Keystroke to rendered frame in the staff interface, at the bundled catalog and at a
//! synthetic 10,000-item catalog: the same update and draw a real key press goes through,
//! drawn on a 120x40 test backend. Run with `cargo bench --bench tui`; goal under 16 ms.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use policy_toolbox::catalog::synthetic::synthetic;
use policy_toolbox::catalog::{self, Catalog, Source};
use policy_toolbox::cli::Lang;
use policy_toolbox::config::{Paths, Settings};
use policy_toolbox::tui::app::{Action, App};
use policy_toolbox::tui::theme::Theme;
use policy_toolbox::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(cat: Catalog) -> App {
    let paths = Paths {
        config: PathBuf::from("/nonexistent"),
        data: PathBuf::from("/nonexistent"),
    };
    App::new(cat, Lang::Zh, Theme::plain(), paths, Settings::default())
}

fn measure(label: &str, app: &mut App, term: &mut Terminal<TestBackend>, steps: &[Vec<Action>]) {
    let mut times = Vec::new();
    for _ in 0..20 {
        for seq in steps {
            for a in seq {
                let t = Instant::now();
                app.update(a.clone());
                term.draw(|f| ui::draw(f, black_box(app))).unwrap();
                times.push(t.elapsed());
            }
        }
    }
    times.sort();
    let pick = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "  {label:<26} median {:>7.3} ms   p99 {:>7.3} ms   max {:>7.3} ms  ({} frames)",
        ms(pick(0.5)),
        ms(pick(0.99)),
        ms(*times.last().unwrap()),
        times.len()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let base = catalog::load(&Source::bundled()).expect("the bundled catalog loads");
    let typing: Vec<Action> = "yljz"
        .chars()
        .map(Action::Type)
        .chain([Action::Back])
        .collect();
    let search = vec![[vec![Action::StartSearch], typing].concat()];
    let moves = vec![vec![Action::Down; 10], vec![Action::Up; 10]];
    let form = vec![vec![
        Action::OpenForm,
        Action::Right,
        Action::Down,
        Action::Right,
        Action::Left,
        Action::Up,
        Action::Left,
        Action::Back,
    ]];
    for (label, cat) in [
        ("bundled (93 items)", base.clone()),
        ("10,000 items", synthetic(&base, 10_000)),
    ] {
        let start = Instant::now();
        let mut app = app(cat);
        println!("{label}: state built in {:.1} ms", ms(start.elapsed()));
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        measure("search keystroke", &mut app, &mut term, &search);
        measure("cursor move", &mut app, &mut term, &moves);
        measure("household form edit", &mut app, &mut term, &form);
    }
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        let peak = status
            .lines()
            .find(|l| l.starts_with("VmHWM"))
            .unwrap_or("VmHWM: ?");
        println!(
            "peak memory of this benchmark process: {}",
            peak.trim_start_matches("VmHWM:").trim()
        );
    }
}
