//! Writing files so that a crash never leaves half of one: write a temporary file in the same
//! folder, flush it to disk, then rename it over the target.

mod direct;

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub use direct::DirectFile;

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

/// A file written as it goes under a temporary name beside its target, and renamed over the
/// target only by [`Pending::commit`]; dropped uncommitted, it is removed.
pub struct Pending {
    target: PathBuf,
    tmp: PathBuf,
    out: Option<Out>,
}

enum Out {
    Buffered(BufWriter<File>),
    Direct(DirectFile),
}

impl Pending {
    /// Start writing `target`. A `large` file (gigabytes of batch results) is written past the
    /// page cache where the system allows it (see [`DirectFile`]).
    pub fn create(target: &Path, large: bool) -> io::Result<Pending> {
        let tmp = temp_path(target);
        let out = if large {
            Out::Direct(DirectFile::create_new(&tmp)?)
        } else {
            let file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
            Out::Buffered(BufWriter::with_capacity(1 << 20, file))
        };
        Ok(Pending {
            target: target.to_path_buf(),
            tmp,
            out: Some(out),
        })
    }

    /// Write what is buffered, flush it to disk and rename the file into place.
    pub fn commit(&mut self) -> io::Result<()> {
        let file = match self.out.take() {
            Some(Out::Buffered(b)) => b.into_inner().map_err(io::IntoInnerError::into_error)?,
            Some(Out::Direct(d)) => d.finish()?,
            None => return Err(io::Error::other("the file was already committed")),
        };
        file.sync_all()?;
        drop(file);
        fs::rename(&self.tmp, &self.target)
    }
}

impl Write for Pending {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match &mut self.out {
            Some(Out::Buffered(b)) => b.write(bytes),
            Some(Out::Direct(d)) => d.write(bytes),
            None => Err(io::Error::other("the file was already committed")),
        }
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match &mut self.out {
            Some(Out::Buffered(b)) => b.write_all(bytes),
            Some(Out::Direct(d)) => d.write_all(bytes),
            None => Err(io::Error::other("the file was already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.out {
            Some(Out::Buffered(b)) => b.flush(),
            Some(Out::Direct(d)) => d.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        // After a commit the temporary name is gone already; otherwise this cleans up.
        self.out = None;
        let _ = fs::remove_file(&self.tmp);
    }
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
