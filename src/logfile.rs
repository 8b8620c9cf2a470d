//! A small logger that appends to a file in the data folder, and only when
//! `POLICY_TOOLBOX_LOG` is set (to `info` or `debug`). Nothing is ever logged to the screen,
//! and callers log events ("profile form opened", "export written"), never household facts.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

struct FileLogger {
    file: Mutex<File>,
    level: log::LevelFilter,
}

impl log::Log for FileLogger {
    fn enabled(&self, m: &log::Metadata) -> bool {
        m.level() <= self.level
    }

    fn log(&self, r: &log::Record) {
        if !self.enabled(r.metadata()) {
            return;
        }
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        if let Ok(mut f) = self.file.lock() {
            let _ = writeln!(f, "{secs} {} {}: {}", r.level(), r.target(), r.args());
        }
    }

    fn flush(&self) {
        if let Ok(mut f) = self.file.lock() {
            let _ = f.flush();
        }
    }
}

/// Start logging to `path` when the environment asks for it; otherwise do nothing.
pub fn init(path: &Path) {
    let level = match std::env::var("POLICY_TOOLBOX_LOG").as_deref() {
        Ok("debug") => log::LevelFilter::Debug,
        Ok("info" | "1") => log::LevelFilter::Info,
        _ => return,
    };
    if let Some(dir) = path.parent() {
        let _ = fs::create_dir_all(dir);
    }
    let Ok(file) = OpenOptions::new().create(true).append(true).open(path) else {
        return;
    };
    let logger = Box::new(FileLogger {
        file: Mutex::new(file),
        level,
    });
    if log::set_boxed_logger(logger).is_ok() {
        log::set_max_level(level);
    }
}
