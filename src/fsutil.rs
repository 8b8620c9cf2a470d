//! Writing files so that a crash never leaves half of one: write a temporary file in the same
//! folder, flush it to disk, then rename it over the target.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Write `bytes` to `path` atomically. Without `force`, an existing file is left alone and the
/// error says how to replace it.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    if path.is_dir() {
        return Err(format!("{} is a folder; give a file name", path.display()));
    }
    if path.exists() && !force {
        return Err(format!(
            "{} already exists; use --force to replace it, or choose another name",
            path.display()
        ));
    }
    let tmp = temp_path(path);
    let result = write_new(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        let folder = parent(path);
        format!(
            "cannot write {} (in {}): {e}",
            path.display(),
            folder.display()
        )
    })
}

fn write_new(tmp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(tmp)?;
    f.write_all(bytes)?;
    f.sync_all()
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A hidden name beside `path`, unique to this process.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or("out".into(), |n| n.to_string_lossy().into_owned());
    parent(path).join(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_refuses_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, b"one", false).unwrap();
        let err = write_atomic(&p, b"two", false).unwrap_err();
        assert!(err.contains("--force"));
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"two", true).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        let leftovers = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn an_unwritable_place_is_a_message() {
        let err = write_atomic(Path::new("/nonexistent/folder/a.txt"), b"x", false).unwrap_err();
        assert!(err.contains("/nonexistent/folder"), "{err}");
    }
}
