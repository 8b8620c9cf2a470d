//! The kiosk's state and the one `update` that changes it.
//!
//! Everything a resident entered lives in [`Visit`]; wiping (重新开始, or the idle timeout)
//! replaces it with a fresh one, so no answer, result or list outlives the visit. What
//! outlives it is only the configuration and the count of wrong staff PINs.

use std::time::{Duration, Instant};

use ratatui::layout::Rect;

use super::pin::{self, PinHash};
use super::questions::{self, Question};
use super::results::{self, Results};
use super::texts::{Texts, texts};
use super::wizard::Wizard;
use crate::catalog::Catalog;
use crate::cli::Lang;
use crate::export;
use crate::tui::theme::Theme;

/// The longest countdown before a wipe; shorter when the idle time is short.
pub const COUNTDOWN: Duration = Duration::from_secs(15);

/// The receipt width of a printed list: 58 mm printers, which 80 mm ones also print.
pub const PRINT_WIDTH: usize = 32;

/// What the kiosk was started with.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub lang: Lang,
    pub pin: Option<PinHash>,
    pub print_command: Option<String>,
    /// Inactivity before everything is wiped.
    pub idle: Duration,
}

/// Which screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    #[default]
    Welcome,
    Question,
    Results,
    Page,
    Qr,
}

/// A message after printing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    Printed,
    PrintFailed,
}

/// One resident's visit: everything that is wiped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Visit {
    pub screen: Screen,
    pub wizard: Option<Wizard>,
    pub results: Option<Results>,
    /// The focused answer on a question, or the chosen item on the results.
    pub focus: usize,
    /// The item (index into the results) whose page is open.
    pub page: usize,
    pub scroll: u16,
    pub note: Option<Note>,
}

/// A way the focus moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    Left,
    Right,
}

/// Everything a key, a click or a timer can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Start,
    Answer(usize),
    Move(Move),
    Confirm,
    Back,
    Restart,
    Open(usize),
    ShowQr,
    Print,
    Scroll(i16),
    Staff,
    PinKey(char),
    PinErase,
    PinSubmit,
    PinCancel,
    KeepGoing,
}

/// A clickable region of the last frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub area: Rect,
    pub action: Action,
}

/// The kiosk.
pub struct Kiosk<'a> {
    pub cat: &'a Catalog,
    pub qs: Vec<Question>,
    pub config: Config,
    pub texts: &'static Texts,
    pub theme: Theme,
    pub visit: Visit,
    /// The date on printed lists and in the QR code.
    pub date: String,
    /// The staff PIN prompt, while open.
    pub staff: Option<pin::Entry>,
    pub guard: pin::Guard,
    /// Seconds left before the wipe, while the countdown shows.
    pub countdown: Option<u64>,
    pub last_input: Instant,
    /// Clickable regions and the answer grid's columns, from the last frame.
    pub hits: Vec<Hit>,
    pub columns: usize,
    pub max_scroll: u16,
    pub quit: bool,
}

impl<'a> Kiosk<'a> {
    pub fn new(cat: &'a Catalog, config: Config, theme: Theme, now: Instant) -> Self {
        Kiosk {
            cat,
            qs: questions::all(cat),
            texts: texts(config.lang),
            config,
            theme,
            visit: Visit::default(),
            date: crate::text::today(),
            staff: None,
            guard: pin::Guard::default(),
            countdown: None,
            last_input: now,
            hits: Vec::new(),
            columns: 1,
            max_scroll: 0,
            quit: false,
        }
    }

    /// Nothing of a resident is held: the welcome screen as it starts.
    pub fn is_fresh(&self) -> bool {
        self.visit == Visit::default() && self.staff.is_none()
    }

    /// Forget the visit and show the welcome screen.
    pub fn wipe(&mut self) {
        self.visit = Visit::default();
        self.staff = None;
        self.countdown = None;
        log::info!("kiosk: visit wiped");
    }

    /// Someone touched the kiosk.
    pub fn input(&mut self, now: Instant) {
        self.last_input = now;
        self.countdown = None;
    }

    /// How long the countdown lasts: 15 s, or half the idle time when that is shorter.
    pub fn countdown_length(&self) -> Duration {
        COUNTDOWN.min(self.config.idle / 2)
    }

    /// Time passed: show the countdown, or wipe when the idle time is over.
    pub fn tick(&mut self, now: Instant) {
        if self.is_fresh() {
            self.countdown = None;
            return;
        }
        let idle = now.saturating_duration_since(self.last_input);
        if idle >= self.config.idle {
            self.wipe();
            return;
        }
        let left = self.config.idle - idle;
        self.countdown =
            (left <= self.countdown_length()).then(|| left.as_secs_f64().ceil() as u64);
    }

    /// How long until the next tick matters: the countdown starting, its number changing, or
    /// the wipe. `None` when there is nothing to wipe.
    pub fn next_tick(&self, now: Instant) -> Option<Duration> {
        if self.is_fresh() {
            return None;
        }
        let idle = now.saturating_duration_since(self.last_input);
        let left = self.config.idle.saturating_sub(idle);
        let length = self.countdown_length();
        if left > length {
            return Some(left - length);
        }
        let into_second = left - Duration::from_secs(left.as_secs());
        let wait = if into_second.is_zero() {
            Duration::from_secs(1).min(left)
        } else {
            into_second
        };
        Some(wait + Duration::from_millis(5))
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action, now: Instant) {
        self.visit.note = None;
        match action {
            Action::Start => self.start(),
            Action::Answer(a) => self.answer(a),
            Action::Move(m) => self.move_focus(m),
            Action::Confirm => self.confirm(),
            Action::Back => self.back(),
            Action::Restart => self.wipe(),
            Action::Open(i) => self.open(i),
            Action::ShowQr if self.visit.results.is_some() => self.visit.screen = Screen::Qr,
            Action::ShowQr => {}
            Action::Print => self.print(),
            Action::Scroll(d) => self.scroll(d),
            Action::Staff => self.staff = Some(pin::Entry::default()),
            Action::PinKey(_) | Action::PinErase | Action::PinSubmit | Action::PinCancel => {
                self.pin(action, now)
            }
            Action::KeepGoing => self.countdown = None,
        }
    }

    fn start(&mut self) {
        let wizard = Wizard::start(self.cat, &self.qs);
        self.visit = Visit {
            screen: Screen::Question,
            wizard: Some(wizard),
            ..Visit::default()
        };
        log::info!("kiosk: questions started");
        self.after_answer();
    }

    fn answer(&mut self, a: usize) {
        let Some(w) = self.visit.wizard.as_mut() else {
            return;
        };
        w.answer(self.cat, &self.qs, a);
        self.after_answer();
    }

    /// Show the next question, or the results when none is left.
    fn after_answer(&mut self) {
        let Some(w) = &self.visit.wizard else { return };
        match w.current {
            Some(q) => {
                self.visit.focus = w.previous_answer(q).unwrap_or(0);
                self.visit.screen = Screen::Question;
            }
            None => {
                let r = results::build(self.cat, &self.qs, w, self.config.lang);
                log::info!("kiosk: results shown");
                self.visit.results = Some(r);
                self.visit.focus = 0;
                self.visit.screen = Screen::Results;
            }
        }
    }

    fn confirm(&mut self) {
        match self.visit.screen {
            Screen::Welcome => self.start(),
            Screen::Question => self.answer(self.visit.focus),
            Screen::Results => self.open(self.visit.focus),
            Screen::Page | Screen::Qr => {}
        }
    }

    fn back(&mut self) {
        match self.visit.screen {
            Screen::Welcome => {}
            Screen::Question | Screen::Results => self.back_a_question(),
            Screen::Page | Screen::Qr => self.visit.screen = Screen::Results,
        }
    }

    /// Return to the last question answered; before the first, to the welcome screen.
    fn back_a_question(&mut self) {
        let Some(w) = self.visit.wizard.as_mut() else {
            return;
        };
        let previous = w.given.last().map(|g| (g.question, g.answer));
        if !w.back() {
            self.wipe();
            return;
        }
        self.visit.results = None;
        self.visit.screen = Screen::Question;
        self.visit.focus = previous.map_or(0, |(_, a)| a);
    }

    fn answers_on_screen(&self) -> usize {
        let q = self.visit.wizard.as_ref().and_then(|w| w.current);
        q.map_or(0, |q| self.qs[q].answers.len())
    }

    fn results_len(&self) -> usize {
        self.visit.results.as_ref().map_or(0, |r| r.found.len())
    }

    fn move_focus(&mut self, m: Move) {
        match self.visit.screen {
            Screen::Question => {
                let n = self.answers_on_screen();
                let step = match m {
                    Move::Up => -(self.columns.max(1) as isize),
                    Move::Down => self.columns.max(1) as isize,
                    Move::Left => -1,
                    Move::Right => 1,
                };
                let to = self.visit.focus as isize + step;
                if (0..n as isize).contains(&to) {
                    self.visit.focus = to as usize;
                }
            }
            Screen::Results | Screen::Page => match m {
                Move::Up | Move::Left => self.scroll(-1),
                Move::Down | Move::Right => self.scroll(1),
            },
            Screen::Welcome | Screen::Qr => {}
        }
    }

    fn scroll(&mut self, d: i16) {
        match self.visit.screen {
            Screen::Results => {
                let last = self.results_len().saturating_sub(1) as isize;
                let to = (self.visit.focus as isize + d as isize).clamp(0, last.max(0));
                self.visit.focus = to as usize;
            }
            Screen::Page => {
                let to = self.visit.scroll.saturating_add_signed(d);
                self.visit.scroll = to.min(self.max_scroll);
            }
            _ => {}
        }
    }

    fn open(&mut self, i: usize) {
        if i < self.results_len() {
            self.visit.focus = i;
            self.visit.page = i;
            self.visit.scroll = 0;
            self.visit.screen = Screen::Page;
        }
    }

    /// The printable list of the results, built when it is needed and not kept.
    pub fn policy_list(&self) -> Option<export::PolicyList> {
        let w = self.visit.wizard.as_ref()?;
        let r = self.visit.results.as_ref()?;
        Some(results::policy_list(self.cat, &self.qs, w, r, &self.date))
    }

    fn print(&mut self) {
        let Some(command) = self.config.print_command.clone() else {
            return;
        };
        let Some(list) = self.policy_list() else {
            return;
        };
        let text = export::txt::render(&list, PRINT_WIDTH);
        let sent = export::print::send_to_printer(&text, Some(command));
        // The printer's message may repeat the command line; it is not shown to residents.
        log::info!("kiosk: list printed: {}", sent.is_ok());
        self.visit.note = Some(if sent.is_ok() {
            Note::Printed
        } else {
            Note::PrintFailed
        });
    }

    fn pin(&mut self, action: Action, now: Instant) {
        let Some(entry) = self.staff.as_mut() else {
            return;
        };
        match action {
            Action::PinKey(c) if entry.digits.len() < pin::MAX_LEN => {
                entry.digits.push(c);
                entry.refused = None;
            }
            Action::PinErase => {
                entry.digits.pop();
            }
            Action::PinSubmit => {
                let digits = std::mem::take(&mut entry.digits);
                if self.guard.check(self.config.pin.as_ref(), &digits, now) {
                    log::info!("kiosk: staff exit");
                    self.quit = true;
                } else if self.guard.locked(now) {
                    entry.refused = Some(pin::Refused::Locked);
                } else {
                    entry.refused = Some(pin::Refused::Wrong);
                }
            }
            Action::PinCancel => self.staff = None,
            _ => {}
        }
    }
}
