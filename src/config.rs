//! Where the program keeps its files, and the user's settings.
//!
//! Folders come from the directories crate (XDG on Linux). Tests and kiosks can point them
//! elsewhere with `POLICY_TOOLBOX_CONFIG_DIR` and `POLICY_TOOLBOX_DATA_DIR`. Settings live in
//! `config.yaml` in the config folder; a missing file means defaults, and a broken one means
//! defaults plus a warning the interface shows, never a crash.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::catalog::source::read_text;
use crate::yaml;

/// The folders the program uses.
#[derive(Debug, Clone)]
pub struct Paths {
    pub config: PathBuf,
    pub data: PathBuf,
}

impl Paths {
    /// The user's folders, or the ones named by the environment.
    pub fn discover() -> Self {
        let dirs = directories::ProjectDirs::from("", "", "policy-toolbox");
        let fallback = std::env::temp_dir().join("policy-toolbox");
        let pick = |var: &str, dir: Option<&Path>| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .or(dir.map(Path::to_path_buf))
        };
        Paths {
            config: pick(
                "POLICY_TOOLBOX_CONFIG_DIR",
                dirs.as_ref().map(|d| d.config_dir()),
            )
            .unwrap_or_else(|| fallback.join("config")),
            data: pick(
                "POLICY_TOOLBOX_DATA_DIR",
                dirs.as_ref().map(|d| d.data_dir()),
            )
            .unwrap_or_else(|| fallback.join("data")),
        }
    }

    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.yaml")
    }

    /// Saved household profiles.
    pub fn profiles(&self) -> PathBuf {
        self.data.join("profiles")
    }

    /// Households saved as regression cases.
    pub fn cases(&self) -> PathBuf {
        self.data.join("cases")
    }

    /// Exported lists.
    pub fn lists(&self) -> PathBuf {
        self.data.join("lists")
    }

    /// The log file, written only when `POLICY_TOOLBOX_LOG` is set.
    pub fn log_file(&self) -> PathBuf {
        self.data.join("policy-toolbox.log")
    }
}

/// The colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Default,
    HighContrast,
}

/// Settings from `config.yaml`; every key is optional.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// `zh` or `en`, when not given on the command line.
    pub lang: Option<String>,
    pub theme: ThemeName,
    /// The command that prints the txt list, such as `lp -d receipt`.
    pub print_command: Option<String>,
    /// Kiosk: the hex SHA-256 of the staff PIN (see README).
    pub kiosk_pin_sha256: Option<String>,
    /// Kiosk: seconds of inactivity before everything is wiped.
    pub kiosk_idle_timeout: Option<u64>,
}

/// Settings and, when the file was wrong, the warning to show.
pub fn load_settings(paths: &Paths) -> (Settings, Option<String>) {
    let file = paths.config_file();
    if !file.exists() {
        return (Settings::default(), None);
    }
    let name = file.display().to_string();
    let parsed = read_text(&file, 64 * 1024)
        .map_err(|e| format!("{name}: {e}"))
        .and_then(|text| yaml::parse(&name, &text, 64 * 1024).map_err(|p| p.to_string()))
        .and_then(|doc| {
            doc.decode::<Settings>("", &doc.value)
                .map_err(|p| p.to_string())
        });
    match parsed {
        Ok(s) => (s, None),
        Err(msg) => (
            Settings::default(),
            Some(format!("{msg} (using default settings)")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(dir: &Path) -> Paths {
        Paths {
            config: dir.to_path_buf(),
            data: dir.join("data"),
        }
    }

    #[test]
    fn a_missing_file_means_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            load_settings(&paths(dir.path())),
            (Settings::default(), None)
        );
    }

    #[test]
    fn a_broken_file_means_defaults_and_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.yaml"), "theme: neon\nlang: en\n").unwrap();
        let (s, warning) = load_settings(&paths(dir.path()));
        assert_eq!(s, Settings::default());
        let w = warning.unwrap();
        assert!(
            w.contains("config.yaml:1:") && w.contains("high-contrast"),
            "{w}"
        );
    }

    #[test]
    fn a_good_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let text = "theme: high-contrast\nprint_command: lp -d receipt\n";
        std::fs::write(dir.path().join("config.yaml"), text).unwrap();
        let (s, warning) = load_settings(&paths(dir.path()));
        assert!(warning.is_none());
        assert_eq!(s.theme, ThemeName::HighContrast);
        assert_eq!(s.print_command.as_deref(), Some("lp -d receipt"));
    }
}
