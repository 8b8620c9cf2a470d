//! Where catalog files come from: the copy compiled into the binary, or a folder on disk.
//!
//! Both give the same list of (relative path, text) pairs, so loading and validation never
//! know which one they read.

use std::fs;
use std::path::{Path, PathBuf};

use crate::problem::{Problem, Problems};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_catalog.rs"));
}

/// Catalog files are hand-written; anything over this is not one.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// The text of every catalog file, by path relative to the catalog folder.
#[derive(Debug, Clone)]
pub struct Source {
    /// How messages name the folder: `catalog` for the bundled copy, else the path given.
    pub root: String,
    pub files: Vec<(String, String)>,
}

impl Source {
    /// The catalog compiled into the binary.
    pub fn bundled() -> Self {
        let files = embedded::FILES
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect();
        Source {
            root: "catalog".to_string(),
            files,
        }
    }

    /// Every `.yaml` file under `dir`.
    pub fn from_dir(dir: &Path) -> Result<Self, Problems> {
        let root = dir.display().to_string();
        if !dir.join("catalog.yaml").is_file() {
            let p = Problem::at(
                &root,
                None,
                "no catalog.yaml in this folder",
                "point --catalog at the folder that holds catalog.yaml and items/",
            );
            return Err(Problems(vec![p]));
        }
        let mut paths = Vec::new();
        collect(dir, &mut paths);
        paths.sort();
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for p in paths {
            let rel = p
                .strip_prefix(dir)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            match read_limited(&p) {
                Ok(text) => files.push((rel, text)),
                Err(msg) => problems.push(Problem::at(&p.display().to_string(), None, msg, "")),
            }
        }
        if problems.is_empty() {
            Ok(Source { root, files })
        } else {
            Err(Problems(problems))
        }
    }

    /// How messages name a file of this source.
    pub fn display(&self, rel: &str) -> String {
        format!("{}/{rel}", self.root.trim_end_matches('/'))
    }

    pub fn get(&self, rel: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|(p, _)| p == rel)
            .map(|(_, t)| t.as_str())
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
}

/// Read a text file of at most [`MAX_FILE_BYTES`], with a plain message when it cannot be.
pub fn read_limited(path: &Path) -> Result<String, String> {
    read_text(path, MAX_FILE_BYTES as u64)
}

/// Read a UTF-8 file no larger than `max` bytes, checking the size before reading it all.
pub fn read_text(path: &Path, max: u64) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.len() > max {
        return Err(format!(
            "the file is {} bytes; at most {max} are read",
            meta.len()
        ));
    }
    let bytes = fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (first bad byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}
