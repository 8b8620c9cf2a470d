//! The staff interface's state and the one place that changes it.
//!
//! Keys and clicks become [`Action`]s (see `keys`), [`App::update`] applies them, and the `ui`
//! module only reads the state to draw it. Verdicts are recomputed whenever the household
//! changes, and the visible item list whenever the category, the query or the filter does;
//! drawing itself never searches or evaluates.

use std::path::PathBuf;

use rayon::prelude::*;

use super::form::{self, Input, Row};
use super::texts::Texts;
use super::theme::Theme;
use crate::cases::Case;
use crate::catalog::Catalog;
use crate::cli::Lang;
use crate::config::{Paths, Settings};
use crate::export::{self, Options, PolicyList, Selection, qr::Qr};
use crate::fsutil::write_atomic;
use crate::profile::Household;
use crate::search::SearchIndex;
use crate::verdict::{Status, assess_item, judge, judged_status};

/// Which screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Search,
    Form,
    List,
    Export,
    Qr,
    Help,
    Prompt,
}

/// Which pane of the browse screen is focused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Categories,
    Items,
    Detail,
}

/// One item's verdict for the household on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessed {
    pub status: Status,
    pub reasons: Vec<String>,
    pub missing: Vec<String>,
}

/// What a text prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    SaveProfile,
    SaveCase,
    OpenProfile,
}

/// A one-line input or a file picker.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// For opening: the files to choose from, and the cursor.
    pub files: Vec<PathBuf>,
    pub cursor: usize,
}

/// The export dialog.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportDialog {
    pub format: usize,
    pub width: usize,
    pub path: String,
    pub path_edited: bool,
    pub with_names: bool,
    /// Set after a refusal to overwrite, until the path changes.
    pub confirm_overwrite: bool,
}

/// The formats offered, in dialog order.
pub const FORMATS: &[&str] = &["html", "txt", "md", "json", "csv"];
/// Receipt widths offered for txt.
pub const WIDTHS: &[usize] = &[80, 48, 32];

/// Every change the interface can make.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    Up,
    Down,
    PageUp,
    PageDown,
    Left,
    Right,
    NextFocus,
    PrevFocus,
    SelectCategory(usize),
    SelectItem(usize),
    SelectRow(usize),
    ScrollDetail(i32),
    StartSearch,
    Type(char),
    Backspace,
    Clear,
    Accept,
    Back,
    ToggleHide,
    ToggleInList,
    OpenList,
    OpenExport,
    ShowQr,
    OpenForm,
    Help,
    AddMember,
    RemoveMember,
    SaveProfile,
    SaveCase,
    OpenProfile,
    NewHousehold,
    Force,
    Print,
    Resize,
}

/// The whole state of the staff interface.
pub struct App {
    pub cat: Catalog,
    pub lang: Lang,
    pub index: SearchIndex,
    pub texts: &'static Texts,
    pub theme: Theme,
    pub paths: Paths,
    pub settings: Settings,
    pub household: Household,
    pub verdicts: Vec<Assessed>,
    /// (eligible, maybe) per category, recomputed with the verdicts.
    counts: Vec<(usize, usize)>,
    pub mode: Mode,
    /// Where Esc returns to from a dialog.
    pub back_to: Mode,
    pub focus: Focus,
    /// 0 = all, 1 = for this household, 2.. = the catalog's categories.
    pub category: usize,
    pub query: String,
    pub hide_ineligible: bool,
    /// Visible items: catalog index and the name characters to highlight.
    pub visible: Vec<(usize, Vec<usize>)>,
    pub cursor: usize,
    pub detail_scroll: u16,
    /// The household's list, as catalog indices in the order added.
    pub list: Vec<usize>,
    pub list_cursor: usize,
    pub form_cursor: usize,
    pub form_option: usize,
    /// Text being typed into the form's current row, if it is a typed row.
    pub form_text: Option<String>,
    pub form_error: Option<String>,
    pub export: ExportDialog,
    pub prompt: Option<Prompt>,
    pub qr: Option<Qr>,
    pub message: Option<String>,
    pub date: String,
    pub quit: bool,
}

impl App {
    pub fn new(cat: Catalog, lang: Lang, theme: Theme, paths: Paths, settings: Settings) -> Self {
        let index = SearchIndex::new(&cat);
        let export = ExportDialog {
            format: 0,
            width: 0,
            path: String::new(),
            path_edited: false,
            with_names: false,
            confirm_overwrite: false,
        };
        let mut app = App {
            cat,
            lang,
            index,
            texts: super::texts::texts(lang),
            theme,
            paths,
            settings,
            household: Household::default(),
            verdicts: Vec::new(),
            counts: Vec::new(),
            mode: Mode::Browse,
            back_to: Mode::Browse,
            focus: Focus::Items,
            category: 0,
            query: String::new(),
            hide_ineligible: false,
            visible: Vec::new(),
            cursor: 0,
            detail_scroll: 0,
            list: Vec::new(),
            list_cursor: 0,
            form_cursor: 0,
            form_option: 0,
            form_text: None,
            form_error: None,
            export,
            prompt: None,
            qr: None,
            message: None,
            date: crate::text::today(),
            quit: false,
        };
        app.reassess();
        app
    }

    /// The full verdict on item `i`, with its reasons and questions. The bulk verdicts hold
    /// statuses only; reasons are worked out for the item a person is looking at.
    pub fn explain(&self, i: usize) -> Assessed {
        let v = assess_item(&self.cat, &self.cat.items[i], &self.household);
        Assessed {
            status: v.status,
            reasons: v.reasons,
            missing: v.missing,
        }
    }

    /// Category names in the left pane, with 全部 and 适合本户 first.
    pub fn category_names(&self) -> Vec<String> {
        let mut v = vec![
            self.texts.all.to_string(),
            self.texts.fits_household.to_string(),
        ];
        v.extend(self.cat.categories.iter().map(|c| c.name.clone()));
        v
    }

    /// The catalog index of the item under the cursor.
    pub fn current(&self) -> Option<usize> {
        self.visible.get(self.cursor).map(|(i, _)| *i)
    }

    /// Counts of (eligible, maybe) items per catalog category, kept by [`App::reassess`].
    pub fn counts(&self) -> &[(usize, usize)] {
        &self.counts
    }

    /// Whether anything about the household has been entered.
    pub fn household_known(&self) -> bool {
        !self.household.facts.is_empty() || self.household.members.is_some()
    }

    /// Recompute every verdict, in parallel: at province scale this is the costly step of a
    /// keystroke in the form.
    fn reassess(&mut self) {
        let (cat, h) = (&self.cat, &self.household);
        self.verdicts = cat
            .items
            .par_iter()
            .map_init(
                || judge(cat, h),
                |j, i| Assessed {
                    status: judged_status(j, i),
                    reasons: vec![],
                    missing: vec![],
                },
            )
            .collect();
        self.counts = vec![(0, 0); cat.categories.len()];
        for (item, v) in cat.items.iter().zip(&self.verdicts) {
            let Some(c) = cat.categories.iter().position(|c| c.name == item.category) else {
                continue;
            };
            match v.status {
                Status::Eligible => self.counts[c].0 += 1,
                Status::Maybe => self.counts[c].1 += 1,
                Status::Ineligible => {}
            }
        }
        self.refilter();
    }

    /// Recompute the visible list; the cursor stays on the same item when it is still shown.
    pub fn refilter(&mut self) {
        let keep = self.current();
        let hits = self.index.search(&self.query, usize::MAX);
        let category = self
            .category
            .checked_sub(2)
            .and_then(|c| self.cat.categories.get(c));
        self.visible = hits
            .into_iter()
            .filter(|h| {
                let item = &self.cat.items[h.index];
                let status = self.verdicts[h.index].status;
                let in_cat = match (self.category, category) {
                    (1, _) => status != Status::Ineligible,
                    (_, Some(c)) => item.category == c.name,
                    _ => true,
                };
                in_cat && !(self.hide_ineligible && status == Status::Ineligible)
            })
            .map(|h| (h.index, h.highlights))
            .collect();
        if self.category == 1 && self.query.is_empty() {
            let v = &self.verdicts;
            self.visible.sort_by_key(|(i, _)| v[*i].status);
        }
        self.cursor = keep
            .and_then(|k| self.visible.iter().position(|(i, _)| *i == k))
            .unwrap_or(0);
        self.detail_scroll = 0;
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize) {
            self.message = None;
        }
        match self.mode {
            Mode::Browse | Mode::Search => self.update_browse(action),
            Mode::Form => self.update_form(action),
            Mode::List => self.update_list(action),
            Mode::Export => self.update_export(action),
            Mode::Qr | Mode::Help => self.update_overlay(action),
            Mode::Prompt => self.update_prompt(action),
        }
    }

    fn update_browse(&mut self, action: Action) {
        if self.mode == Mode::Search {
            match action {
                Action::Type(c) => {
                    self.query.push(c);
                    return self.refilter();
                }
                Action::Backspace => {
                    self.query.pop();
                    return self.refilter();
                }
                Action::Back => {
                    self.query.clear();
                    self.mode = Mode::Browse;
                    return self.refilter();
                }
                Action::Accept => {
                    self.mode = Mode::Browse;
                    self.focus = Focus::Items;
                    return;
                }
                _ => {}
            }
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Up => self.move_in_focus(-1),
            Action::Down => self.move_in_focus(1),
            Action::PageUp => self.move_in_focus(-10),
            Action::PageDown => self.move_in_focus(10),
            Action::Left | Action::PrevFocus => self.shift_focus(-1),
            Action::Right | Action::NextFocus => self.shift_focus(1),
            Action::SelectCategory(c) => self.set_category(c),
            Action::SelectItem(row) if row < self.visible.len() => {
                self.cursor = row;
                self.detail_scroll = 0;
                self.focus = Focus::Items;
            }
            Action::ScrollDetail(d) => self.scroll_detail(d),
            Action::StartSearch => self.mode = Mode::Search,
            Action::Back if !self.query.is_empty() => {
                self.query.clear();
                self.refilter();
            }
            Action::ToggleHide => {
                self.hide_ineligible = !self.hide_ineligible;
                self.refilter();
            }
            Action::ToggleInList => self.toggle_in_list(),
            Action::OpenList => self.mode = Mode::List,
            Action::OpenExport => self.open_export(),
            Action::ShowQr => self.show_qr(Mode::Browse),
            Action::OpenForm => self.mode = Mode::Form,
            Action::Help => self.overlay(Mode::Help),
            Action::OpenProfile => self.open_profile_picker(),
            _ => {}
        }
    }

    fn move_in_focus(&mut self, d: i32) {
        match self.focus {
            Focus::Categories => {
                let n = self.category_names().len();
                self.set_category(step(self.category, d, n));
            }
            Focus::Items => {
                self.cursor = step(self.cursor, d, self.visible.len());
                self.detail_scroll = 0;
            }
            Focus::Detail => self.scroll_detail(d),
        }
    }

    fn scroll_detail(&mut self, d: i32) {
        self.detail_scroll = (i32::from(self.detail_scroll) + d).clamp(0, 500) as u16;
    }

    fn shift_focus(&mut self, d: i32) {
        let order = [Focus::Categories, Focus::Items, Focus::Detail];
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(1);
        self.focus = order[(at as i32 + d).clamp(0, 2) as usize];
    }

    fn set_category(&mut self, c: usize) {
        if c < self.category_names().len() {
            self.category = c;
            self.cursor = 0;
            self.refilter();
            self.cursor = 0;
        }
    }

    fn toggle_in_list(&mut self) {
        let Some(i) = self.current() else { return };
        if let Some(at) = self.list.iter().position(|x| *x == i) {
            self.list.remove(at);
            self.message = Some(self.texts.removed.to_string());
        } else {
            self.list.push(i);
            self.message = Some(self.texts.added.to_string());
        }
    }

    fn overlay(&mut self, mode: Mode) {
        self.back_to = self.mode;
        self.mode = mode;
    }

    fn update_overlay(&mut self, action: Action) {
        match action {
            Action::Back | Action::Help | Action::ShowQr | Action::Accept => {
                self.mode = self.back_to
            }
            Action::Quit => self.mode = self.back_to,
            _ => {}
        }
    }

    /// The list as it would be exported: the chosen items, or every relevant one.
    pub fn policy_list(&self) -> PolicyList {
        let selection = if self.list.is_empty() {
            Selection::Relevant
        } else {
            Selection::Items(
                self.list
                    .iter()
                    .map(|i| self.cat.items[*i].id.clone())
                    .collect(),
            )
        };
        let opts = Options {
            with_names: self.export.with_names,
        };
        export::build(&self.cat, &self.household, &selection, &self.date, opts)
    }

    fn show_qr(&mut self, from: Mode) {
        self.qr = Some(export::qr::for_list(&self.policy_list()));
        self.back_to = from;
        self.mode = Mode::Qr;
    }

    fn update_list(&mut self, action: Action) {
        let n = self.list.len();
        match action {
            Action::Up => self.list_cursor = step(self.list_cursor, -1, n),
            Action::Down => self.list_cursor = step(self.list_cursor, 1, n),
            Action::ToggleInList | Action::Backspace if n > 0 => {
                self.list.remove(self.list_cursor.min(n - 1));
                self.list_cursor = self.list_cursor.min(self.list.len().saturating_sub(1));
            }
            Action::OpenExport => self.open_export(),
            Action::ShowQr => self.show_qr(Mode::List),
            Action::Back | Action::OpenList => self.mode = Mode::Browse,
            Action::Quit => self.quit = true,
            Action::Help => self.overlay(Mode::Help),
            _ => {}
        }
    }

    fn default_path(&self) -> String {
        let ext = FORMATS[self.export.format];
        self.paths
            .lists()
            .join(format!("帮扶政策清单-{}.{ext}", self.date))
            .display()
            .to_string()
    }

    fn open_export(&mut self) {
        if !self.export.path_edited {
            self.export.path = self.default_path();
        }
        self.export.confirm_overwrite = false;
        self.back_to = if self.mode == Mode::List {
            Mode::List
        } else {
            Mode::Browse
        };
        self.mode = Mode::Export;
    }

    fn update_export(&mut self, action: Action) {
        let e = &mut self.export;
        match action {
            Action::Left | Action::Right => {
                let d = if action == Action::Left { -1 } else { 1 };
                e.format = step_wrap(e.format, d, FORMATS.len());
                e.confirm_overwrite = false;
                if !e.path_edited {
                    self.export.path = self.default_path();
                }
            }
            Action::Up | Action::Down => e.width = step_wrap(e.width, 1, WIDTHS.len()),
            Action::ToggleHide | Action::ToggleInList => e.with_names = !e.with_names,
            Action::Type(c) => {
                e.path.push(c);
                e.path_edited = true;
                e.confirm_overwrite = false;
            }
            Action::Backspace => {
                e.path.pop();
                e.path_edited = true;
                e.confirm_overwrite = false;
            }
            Action::Accept => self.write_export(false),
            Action::Force if e.confirm_overwrite => self.write_export(true),
            Action::Print => self.print_list(),
            Action::ShowQr => self.show_qr(Mode::Export),
            Action::Back | Action::Quit => self.mode = self.back_to,
            _ => {}
        }
    }

    fn write_export(&mut self, force: bool) {
        let list = self.policy_list();
        let format = FORMATS[self.export.format];
        let text = match format {
            "html" => export::html::render(&list, &export::qr::for_list(&list)),
            "txt" => export::txt::render(&list, WIDTHS[self.export.width]),
            "md" => export::md::render(&list),
            "json" => export::to_json(&list),
            _ => export::csv::render(&list),
        };
        let path = PathBuf::from(self.export.path.trim());
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        match write_atomic(&path, text.as_bytes(), force) {
            Ok(()) => {
                log::info!("export written ({format})");
                self.message = Some(format!("{}：{}", self.texts.written, path.display()));
                self.mode = self.back_to;
            }
            Err(_) if path.exists() && !force => {
                self.export.confirm_overwrite = true;
                self.message = Some(self.texts.exists_force.to_string());
            }
            Err(e) => self.message = Some(e),
        }
    }

    fn print_list(&mut self) {
        let text = export::txt::render(&self.policy_list(), WIDTHS[self.export.width]);
        let result = export::print::send_to_printer(&text, self.settings.print_command.clone());
        self.message = Some(match result {
            Ok(()) => self.texts.printed.to_string(),
            Err(e) => e,
        });
    }

    // The profile form.

    /// The form's rows for the current household.
    pub fn form_rows(&self) -> Vec<Row> {
        form::rows(&self.household)
    }

    fn update_form(&mut self, action: Action) {
        let rows = self.form_rows();
        let Some(row) = rows.get(self.form_cursor).copied() else {
            self.form_cursor = 0;
            return;
        };
        let changed_before = self.household.clone();
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::SelectRow(_) => {
                self.form_cursor = match action {
                    Action::SelectRow(r) => r.min(rows.len() - 1),
                    Action::Up => step(self.form_cursor, -1, rows.len()),
                    Action::Down => step(self.form_cursor, 1, rows.len()),
                    Action::PageUp => step(self.form_cursor, -10, rows.len()),
                    _ => step(self.form_cursor, 10, rows.len()),
                };
                self.form_option = 0;
                self.form_text = None;
                self.form_error = None;
            }
            Action::Left | Action::Right => {
                let d = if action == Action::Left { -1 } else { 1 };
                match row.input() {
                    Input::Cycle => form::cycle(&mut self.household, &row, d, &self.cat.towns),
                    Input::Toggle => {
                        let n = form_choices(&row);
                        self.form_option = step_wrap(self.form_option, d, n.max(1));
                    }
                    _ => {}
                }
            }
            Action::Accept | Action::ToggleInList => match row.input() {
                Input::Cycle => form::cycle(&mut self.household, &row, 1, &self.cat.towns),
                Input::Toggle => form::toggle(&mut self.household, &row, self.form_option),
                _ => {}
            },
            Action::Type(c) if row.input() == Input::Typed => {
                let mut t = self
                    .form_text
                    .take()
                    .unwrap_or_else(|| form::typed_text(&self.household, &row));
                t.push(c);
                self.apply_typed(&row, t);
            }
            Action::Backspace if row.input() == Input::Typed => {
                let mut t = self
                    .form_text
                    .take()
                    .unwrap_or_else(|| form::typed_text(&self.household, &row));
                t.pop();
                self.apply_typed(&row, t);
            }
            Action::Clear | Action::Backspace => {
                form::clear(&mut self.household, &row);
                self.form_text = None;
            }
            Action::AddMember => {
                let i = form::add_member(&mut self.household);
                let rows = self.form_rows();
                self.form_cursor = rows.iter().position(|r| r.member == Some(i)).unwrap_or(0);
            }
            Action::RemoveMember => {
                if let Some(i) = row.member {
                    form::remove_member(&mut self.household, i);
                    self.form_cursor = self.form_cursor.min(self.form_rows().len() - 1);
                }
            }
            Action::NewHousehold => {
                self.household = Household::default();
                self.form_cursor = 0;
            }
            Action::SaveProfile => self.start_prompt(PromptKind::SaveProfile),
            Action::SaveCase => self.start_prompt(PromptKind::SaveCase),
            Action::OpenProfile => self.open_profile_picker(),
            Action::Help => self.overlay(Mode::Help),
            Action::Back | Action::OpenForm => self.mode = Mode::Browse,
            Action::Quit => self.quit = true,
            _ => {}
        }
        if self.household != changed_before {
            self.reassess();
        }
    }

    fn apply_typed(&mut self, row: &Row, text: String) {
        self.form_error = form::apply_typed(&mut self.household, row, &text).err();
        self.form_text = Some(text);
    }

    // Prompts: saving and opening profiles and cases.

    fn start_prompt(&mut self, kind: PromptKind) {
        let text = match kind {
            PromptKind::SaveProfile => format!("household-{}", self.date),
            _ => String::new(),
        };
        self.prompt = Some(Prompt {
            kind,
            text,
            files: Vec::new(),
            cursor: 0,
        });
        self.back_to = self.mode;
        self.mode = Mode::Prompt;
    }

    fn open_profile_picker(&mut self) {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.paths.profiles())
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        self.prompt = Some(Prompt {
            kind: PromptKind::OpenProfile,
            text: String::new(),
            files,
            cursor: 0,
        });
        self.back_to = self.mode;
        self.mode = Mode::Prompt;
    }

    fn update_prompt(&mut self, action: Action) {
        let Some(p) = self.prompt.as_mut() else {
            self.mode = self.back_to;
            return;
        };
        match action {
            Action::Type(c) if p.kind != PromptKind::OpenProfile => p.text.push(c),
            Action::Backspace => {
                p.text.pop();
            }
            Action::Up => p.cursor = step(p.cursor, -1, p.files.len()),
            Action::Down => p.cursor = step(p.cursor, 1, p.files.len()),
            Action::SelectRow(r) if r < p.files.len() => p.cursor = r,
            Action::Accept => {
                let p = self.prompt.take().expect("checked above");
                self.mode = self.back_to;
                self.finish_prompt(p);
            }
            Action::Back | Action::Quit => {
                self.prompt = None;
                self.mode = self.back_to;
            }
            _ => {}
        }
    }

    fn finish_prompt(&mut self, p: Prompt) {
        let result = match p.kind {
            PromptKind::SaveProfile => self.save_profile(&p.text),
            PromptKind::SaveCase => self.save_case(&p.text),
            PromptKind::OpenProfile => self.load_profile(p.files.get(p.cursor)),
        };
        self.message = Some(result.unwrap_or_else(|e| e));
    }

    fn save_profile(&self, name: &str) -> Result<String, String> {
        let file = safe_name(name).ok_or("请输入文件名")?;
        let dir = self.paths.profiles();
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join(format!("{file}.yaml"));
        write_atomic(&path, self.household.to_yaml().as_bytes(), true)?;
        log::info!("profile saved on request");
        Ok(format!("{}：{}", self.texts.saved, path.display()))
    }

    fn save_case(&self, name: &str) -> Result<String, String> {
        let title = name.trim();
        if title.is_empty() {
            return Err("请用一句话描述这户人家".into());
        }
        let expect = self
            .cat
            .items
            .iter()
            .zip(&self.verdicts)
            .map(|(i, v)| (i.id.clone(), v.status))
            .collect();
        let case = Case {
            name: title.to_string(),
            note: None,
            profile: self.household.clone(),
            expect,
        };
        let dir = self.paths.cases();
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let file = safe_name(title).unwrap_or_else(|| "case".into());
        let path = dir.join(format!("{file}.yaml"));
        write_atomic(&path, case.to_yaml().as_bytes(), true)?;
        log::info!("case saved on request");
        Ok(format!("{}：{}", self.texts.written, path.display()))
    }

    fn load_profile(&mut self, path: Option<&PathBuf>) -> Result<String, String> {
        let path = path.ok_or(self.texts.open_empty)?;
        let name = path.display().to_string();
        let text =
            crate::catalog::source::read_text(path, crate::profile::MAX_PROFILE_BYTES as u64)
                .map_err(|e| format!("{name}: {e}"))?;
        let h = crate::cases::parse_household(&name, &text).map_err(|p| p.to_string())?;
        self.household = h;
        self.form_cursor = 0;
        self.reassess();
        Ok(format!("{}：{name}", self.texts.loaded))
    }
}

/// The number of options of a toggled row.
fn form_choices(row: &Row) -> usize {
    match row.field {
        form::Field::Fact(f) => f.choices().len(),
        _ => 0,
    }
}

/// A file name from what a person typed: letters, digits, Chinese, - and _.
fn safe_name(s: &str) -> Option<String> {
    let t: String = s
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let t = t.trim_matches('-').to_string();
    (!t.is_empty()).then_some(t)
}

/// Move `at` by `d` within `0..n`, stopping at the ends.
pub fn step(at: usize, d: i32, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    (at as i64 + i64::from(d)).clamp(0, n as i64 - 1) as usize
}

/// Move `at` by `d` within `0..n`, wrapping around.
pub fn step_wrap(at: usize, d: i32, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    (at as i64 + i64::from(d)).rem_euclid(n as i64) as usize
}
