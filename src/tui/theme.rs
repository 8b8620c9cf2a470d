//! Named styles for every part of the interface. Widgets ask for `theme.eligible`, never for
//! a colour, so `NO_COLOR` and the high-contrast theme swap this table and nothing else.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;
use crate::verdict::Status;

/// Every style the interface uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub border: Style,
    pub focus_border: Style,
    pub selected: Style,
    pub highlight: Style,
    pub muted: Style,
    pub eligible: Style,
    pub maybe: Style,
    pub ineligible: Style,
    pub key: Style,
    pub warning: Style,
    pub input: Style,
}

impl Theme {
    /// The theme for the settings and the environment (`NO_COLOR` wins).
    pub fn pick(name: ThemeName, no_color: bool) -> Self {
        if no_color {
            return Self::plain();
        }
        match name {
            ThemeName::Default => Self::default_colors(),
            ThemeName::HighContrast => Self::high_contrast(),
        }
    }

    /// Whether `NO_COLOR` is set to anything non-empty.
    pub fn no_color_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    fn default_colors() -> Self {
        let bold = Modifier::BOLD;
        Theme {
            base: Style::default(),
            title: Style::default().add_modifier(bold).fg(Color::Cyan),
            border: Style::default().fg(Color::DarkGray),
            focus_border: Style::default().fg(Color::Cyan),
            selected: Style::default()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(bold),
            highlight: Style::default().fg(Color::Yellow).add_modifier(bold),
            muted: Style::default().fg(Color::DarkGray),
            eligible: Style::default().fg(Color::Green).add_modifier(bold),
            maybe: Style::default().fg(Color::Yellow),
            ineligible: Style::default().fg(Color::Red),
            key: Style::default().fg(Color::Cyan).add_modifier(bold),
            warning: Style::default().fg(Color::Red).add_modifier(bold),
            input: Style::default().fg(Color::White).bg(Color::DarkGray),
        }
    }

    fn high_contrast() -> Self {
        let bold = Modifier::BOLD;
        let on_black = Style::default().bg(Color::Black).fg(Color::White);
        Theme {
            base: on_black,
            title: on_black.fg(Color::LightYellow).add_modifier(bold),
            border: on_black,
            focus_border: on_black.fg(Color::LightYellow).add_modifier(bold),
            selected: Style::default()
                .bg(Color::LightYellow)
                .fg(Color::Black)
                .add_modifier(bold),
            highlight: on_black
                .fg(Color::LightCyan)
                .add_modifier(bold | Modifier::UNDERLINED),
            muted: on_black,
            eligible: on_black.fg(Color::LightGreen).add_modifier(bold),
            maybe: on_black.fg(Color::LightYellow).add_modifier(bold),
            ineligible: on_black.fg(Color::LightRed).add_modifier(bold),
            key: on_black.fg(Color::LightCyan).add_modifier(bold),
            warning: on_black.fg(Color::LightRed).add_modifier(bold),
            input: Style::default().bg(Color::White).fg(Color::Black),
        }
    }

    /// No colours at all: emphasis by bold, underline and reverse only.
    pub fn plain() -> Self {
        let s = Style::default();
        Theme {
            base: s,
            title: s.add_modifier(Modifier::BOLD),
            border: s,
            focus_border: s.add_modifier(Modifier::BOLD),
            selected: s.add_modifier(Modifier::REVERSED),
            highlight: s.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            muted: s,
            eligible: s.add_modifier(Modifier::BOLD),
            maybe: s,
            ineligible: s.add_modifier(Modifier::DIM),
            key: s.add_modifier(Modifier::BOLD),
            warning: s.add_modifier(Modifier::BOLD),
            input: s.add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The style of a status badge.
    pub fn status(&self, s: Status) -> Style {
        match s {
            Status::Eligible => self.eligible,
            Status::Maybe => self.maybe,
            Status::Ineligible => self.ineligible,
        }
    }
}
