//! The key table: which key does what on which screen. Key handling, the status bar and the
//! help screen all read this one table, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{Action, App, Mode};
use super::form::Input;
use crate::cli::Lang;

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

/// One line of the table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub zh: &'static str,
    pub en: &'static str,
    /// Shown in the status bar (the help screen shows every binding).
    pub bar: bool,
}

impl Binding {
    pub fn label(&self, lang: Lang) -> &'static str {
        if lang == Lang::En { self.en } else { self.zh }
    }

    /// How the keys are written: "↑/k", "Ctrl-S".
    pub fn keys_text(&self) -> String {
        self.keys
            .iter()
            .map(|k| key_name(*k))
            .collect::<Vec<_>>()
            .join("/")
    }
}

fn key_name(k: Key) -> String {
    match k {
        Key::Char(' ') => "Space".into(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::Code(code) => match code {
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        },
    }
}

use Key::{Char, Code, Ctrl};

const fn b(
    keys: &'static [Key],
    action: Action,
    zh: &'static str,
    en: &'static str,
    bar: bool,
) -> Binding {
    Binding {
        keys,
        action,
        zh,
        en,
        bar,
    }
}

const UP: &[Key] = &[Code(KeyCode::Up), Char('k')];
const DOWN: &[Key] = &[Code(KeyCode::Down), Char('j')];

/// The bindings of one screen.
pub fn bindings(mode: Mode) -> Vec<Binding> {
    match mode {
        Mode::Browse => vec![
            b(&[Char('/')], Action::StartSearch, "搜索", "search", true),
            b(UP, Action::Up, "上", "up", false),
            b(DOWN, Action::Down, "下", "down", false),
            b(
                &[Code(KeyCode::Left), Char('h'), Code(KeyCode::BackTab)],
                Action::PrevFocus,
                "左栏",
                "left pane",
                false,
            ),
            b(
                &[
                    Code(KeyCode::Right),
                    Char('l'),
                    Code(KeyCode::Tab),
                    Code(KeyCode::Enter),
                ],
                Action::NextFocus,
                "右栏",
                "right pane",
                false,
            ),
            b(
                &[Code(KeyCode::PageUp)],
                Action::PageUp,
                "上页",
                "page up",
                false,
            ),
            b(
                &[Code(KeyCode::PageDown)],
                Action::PageDown,
                "下页",
                "page down",
                false,
            ),
            b(
                &[Char(' ')],
                Action::ToggleInList,
                "加入/移出清单",
                "add/remove",
                true,
            ),
            b(
                &[Char('p')],
                Action::OpenForm,
                "填本户情况",
                "household",
                true,
            ),
            b(&[Char('b')], Action::OpenList, "看清单", "list", true),
            b(&[Char('e')], Action::OpenExport, "导出", "export", true),
            b(&[Char('r')], Action::ShowQr, "二维码", "QR", true),
            b(
                &[Char('x')],
                Action::ToggleHide,
                "隐藏不符合",
                "hide ineligible",
                true,
            ),
            b(
                &[Char('o')],
                Action::OpenProfile,
                "打开本户",
                "open household",
                false,
            ),
            b(
                &[Code(KeyCode::Esc)],
                Action::Back,
                "清除搜索",
                "clear search",
                false,
            ),
            b(&[Char('?')], Action::Help, "帮助", "help", true),
            b(&[Char('q'), Ctrl('c')], Action::Quit, "退出", "quit", true),
        ],
        Mode::Search => vec![
            b(
                &[Code(KeyCode::Enter)],
                Action::Accept,
                "确定",
                "done",
                true,
            ),
            b(&[Code(KeyCode::Esc)], Action::Back, "清除", "clear", true),
            b(&[Code(KeyCode::Up)], Action::Up, "上", "up", true),
            b(&[Code(KeyCode::Down)], Action::Down, "下", "down", true),
            b(
                &[Code(KeyCode::Backspace)],
                Action::Backspace,
                "删字",
                "delete",
                false,
            ),
            b(&[Ctrl('c')], Action::Quit, "退出", "quit", false),
        ],
        Mode::Form => vec![
            b(UP, Action::Up, "上", "up", false),
            b(DOWN, Action::Down, "下", "down", false),
            b(
                &[Code(KeyCode::Left), Code(KeyCode::Right)],
                Action::Right,
                "改选项",
                "change",
                true,
            ),
            b(
                &[Code(KeyCode::Enter), Char(' ')],
                Action::Accept,
                "选中/切换",
                "toggle",
                true,
            ),
            b(
                &[Code(KeyCode::Delete)],
                Action::Clear,
                "改回未知",
                "unknown",
                true,
            ),
            b(
                &[Ctrl('n')],
                Action::AddMember,
                "加成员",
                "add member",
                true,
            ),
            b(
                &[Ctrl('d')],
                Action::RemoveMember,
                "删成员",
                "remove member",
                true,
            ),
            b(&[Ctrl('s')], Action::SaveProfile, "保存", "save", true),
            b(&[Ctrl('o')], Action::OpenProfile, "打开", "open", false),
            b(
                &[Ctrl('t')],
                Action::SaveCase,
                "存为测试用例",
                "save as case",
                false,
            ),
            b(
                &[Ctrl('r')],
                Action::NewHousehold,
                "清空重填",
                "new household",
                false,
            ),
            b(&[Code(KeyCode::F(1))], Action::Help, "帮助", "help", true),
            b(&[Code(KeyCode::Esc)], Action::Back, "返回", "back", true),
            b(&[Ctrl('c')], Action::Quit, "退出", "quit", false),
        ],
        Mode::List => vec![
            b(UP, Action::Up, "上", "up", false),
            b(DOWN, Action::Down, "下", "down", false),
            b(
                &[Char(' '), Code(KeyCode::Delete)],
                Action::ToggleInList,
                "移出清单",
                "remove",
                true,
            ),
            b(&[Char('e')], Action::OpenExport, "导出", "export", true),
            b(&[Char('r')], Action::ShowQr, "二维码", "QR", true),
            b(
                &[Code(KeyCode::Esc), Char('b')],
                Action::Back,
                "返回",
                "back",
                true,
            ),
            b(&[Char('?')], Action::Help, "帮助", "help", false),
            b(&[Char('q'), Ctrl('c')], Action::Quit, "退出", "quit", false),
        ],
        Mode::Export => vec![
            b(
                &[Code(KeyCode::Left)],
                Action::Left,
                "格式",
                "format",
                false,
            ),
            b(
                &[Code(KeyCode::Right)],
                Action::Right,
                "格式",
                "format",
                true,
            ),
            b(
                &[Code(KeyCode::Up), Code(KeyCode::Down)],
                Action::Down,
                "宽度",
                "width",
                true,
            ),
            b(
                &[Code(KeyCode::Tab)],
                Action::ToggleHide,
                "姓名",
                "names",
                true,
            ),
            b(
                &[Code(KeyCode::Enter)],
                Action::Accept,
                "保存",
                "save",
                true,
            ),
            b(&[Ctrl('f')], Action::Force, "覆盖", "replace", false),
            b(&[Ctrl('p')], Action::Print, "打印", "print", true),
            b(
                &[Code(KeyCode::Backspace)],
                Action::Backspace,
                "删字",
                "delete",
                false,
            ),
            b(
                &[Code(KeyCode::Esc), Ctrl('c')],
                Action::Back,
                "取消",
                "cancel",
                true,
            ),
        ],
        Mode::Qr | Mode::Help => vec![b(
            &[Code(KeyCode::Esc), Code(KeyCode::Enter), Char('q')],
            Action::Back,
            "返回",
            "back",
            true,
        )],
        Mode::Prompt => vec![
            b(&[Code(KeyCode::Enter)], Action::Accept, "确定", "ok", true),
            b(
                &[Code(KeyCode::Esc), Ctrl('c')],
                Action::Back,
                "取消",
                "cancel",
                true,
            ),
            b(&[Code(KeyCode::Up)], Action::Up, "上", "up", false),
            b(&[Code(KeyCode::Down)], Action::Down, "下", "down", false),
            b(
                &[Code(KeyCode::Backspace)],
                Action::Backspace,
                "删字",
                "delete",
                false,
            ),
        ],
    }
}

/// Whether printable keys type text on this screen right now.
fn typing(app: &App) -> bool {
    match app.mode {
        Mode::Search | Mode::Export => true,
        Mode::Prompt => app
            .prompt
            .as_ref()
            .is_some_and(|p| p.kind != super::app::PromptKind::OpenProfile),
        Mode::Form => app
            .form_rows()
            .get(app.form_cursor)
            .is_some_and(|r| r.input() == Input::Typed),
        _ => false,
    }
}

/// The action for a key press on the current screen, if any.
pub fn action_for(app: &App, ev: KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let key = match ev.code {
        KeyCode::Char(c) if ctrl => Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Char(c),
        code => Code(code),
    };
    let text = typing(app);
    if let (true, Char(c)) = (text, key) {
        return Some(Action::Type(c));
    }
    if app.mode == Mode::Form && key == Code(KeyCode::Left) {
        return Some(Action::Left);
    }
    bindings(app.mode)
        .into_iter()
        .find(|b| b.keys.contains(&key))
        .map(|b| b.action)
}
