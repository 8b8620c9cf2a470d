//! Writing a large file past the page cache (`O_DIRECT` on Linux).
//!
//! A batch of a million households writes about 6.5 GB. On the development machine, writing
//! that much through the page cache costs about 16 s of kernel time (`dd` measures the same),
//! more than the screening itself; written straight to the disk it costs half a second, and the
//! office computer's cache keeps what it held. A direct write must start, end and lie in memory
//! on block boundaries, so the bytes are gathered in an aligned buffer and written in whole
//! blocks; the last block is padded and the file then cut back to its true length. Where the
//! system or the file system does not take direct writes, the file is written the usual way.

use std::fs::{File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Direct writes are aligned to this many bytes, a multiple of every usual block size.
const BLOCK: usize = 4096;

/// Bytes gathered before each write.
const BUFFER: usize = 4 << 20;

/// A new file written in large aligned blocks, directly to the disk when possible.
pub struct DirectFile {
    file: File,
    path: PathBuf,
    /// `BUFFER + BLOCK` bytes, so that an aligned window of `BUFFER` bytes fits at `start`.
    buf: Vec<u8>,
    start: usize,
    /// Bytes waiting in the window.
    len: usize,
    /// Bytes already in the file.
    written: u64,
    direct: bool,
}

impl DirectFile {
    /// Create `path`, which must not exist yet.
    pub fn create_new(path: &Path) -> io::Result<Self> {
        let (file, direct) = open(path)?;
        Ok(Self::with(file, path, direct))
    }

    fn with(file: File, path: &Path, direct: bool) -> Self {
        let buf = vec![0u8; BUFFER + BLOCK];
        let start = buf.as_ptr().align_offset(BLOCK).min(BLOCK);
        DirectFile {
            file,
            path: path.to_path_buf(),
            buf,
            start,
            len: 0,
            written: 0,
            direct,
        }
    }

    /// Whether the file is being written past the page cache.
    pub fn is_direct(&self) -> bool {
        self.direct
    }

    /// Write what is left and cut the file to its length; the file is returned for syncing.
    pub fn finish(mut self) -> io::Result<File> {
        let tail = self.len;
        if tail > 0 {
            let padded = if self.direct {
                tail.div_ceil(BLOCK) * BLOCK
            } else {
                tail
            };
            self.buf[self.start + tail..self.start + padded].fill(0);
            self.write_window(padded)?;
            let length = self.written - (padded - tail) as u64;
            self.file.set_len(length)?;
            self.written = length;
        }
        Ok(self.file)
    }

    /// Write the first `n` bytes of the window (whole blocks, except at the very end).
    fn write_window(&mut self, n: usize) -> io::Result<()> {
        let window = self.start..self.start + n;
        match self.file.write_all(&self.buf[window.clone()]) {
            Err(e) if self.direct && e.kind() == io::ErrorKind::InvalidInput => {
                // Refused after all: go on the usual way from where the file ends.
                self.file = plain(&self.path, false)?;
                self.file.seek(SeekFrom::Start(self.written))?;
                self.direct = false;
                self.file.write_all(&self.buf[window])?;
            }
            other => other?,
        }
        self.written += n as u64;
        self.len = 0;
        Ok(())
    }
}

impl Write for DirectFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let room = BUFFER - self.len;
        let n = bytes.len().min(room);
        let at = self.start + self.len;
        self.buf[at..at + n].copy_from_slice(&bytes[..n]);
        self.len += n;
        if self.len == BUFFER {
            self.write_window(BUFFER)?;
        }
        Ok(n)
    }

    /// Bytes short of a whole block stay in the buffer until [`DirectFile::finish`]: a direct
    /// write cannot end in the middle of a block.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A new file, and whether it takes direct writes.
#[cfg(target_os = "linux")]
fn open(path: &Path) -> io::Result<(File, bool)> {
    use std::os::unix::fs::OpenOptionsExt;
    let direct = OpenOptions::new()
        .write(true)
        .create_new(true)
        .custom_flags(libc::O_DIRECT)
        .open(path);
    match direct {
        Ok(f) => Ok((f, true)),
        // Some file systems (tmpfs on older kernels) refuse direct writes, sometimes after
        // making the file; the name is new, so it is simply opened again as a plain file.
        Err(e) if e.kind() == io::ErrorKind::InvalidInput => Ok((plain(path, true)?, false)),
        Err(e) => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn open(path: &Path) -> io::Result<(File, bool)> {
    let f = OpenOptions::new().write(true).create_new(true).open(path)?;
    Ok((f, false))
}

/// The file opened for ordinary writing; `fresh` empties it first.
fn plain(path: &Path, fresh: bool) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(fresh)
        .open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(n: usize) -> Vec<u8> {
        (0..n).map(|i| (i * 7 % 251) as u8).collect()
    }

    fn roundtrip(make: impl Fn(&Path) -> DirectFile) {
        let dir = tempfile::tempdir().unwrap();
        let sizes = [
            0,
            1,
            BLOCK - 1,
            BLOCK,
            BLOCK + 1,
            BUFFER,
            BUFFER + 3 * BLOCK + 17,
        ];
        for (i, size) in sizes.into_iter().enumerate() {
            let path = dir.path().join(format!("f{i}"));
            let data = bytes(size);
            let mut f = make(&path);
            // Uneven pieces, as rows arrive.
            for piece in data.chunks(1000 + i * 333) {
                f.write_all(piece).unwrap();
            }
            f.flush().unwrap();
            f.finish().unwrap().sync_all().unwrap();
            assert_eq!(std::fs::read(&path).unwrap(), data, "{size} bytes");
        }
    }

    #[test]
    fn what_is_written_is_read_back_exactly() {
        roundtrip(|p| DirectFile::create_new(p).unwrap());
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn a_refused_direct_write_goes_on_the_usual_way() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let mut f = DirectFile::create_new(&path).unwrap();
        // A window that is not block-aligned is refused by every file system that takes
        // direct writes; the writer must go on without losing a byte.
        f.start = (f.start + 1) % BLOCK;
        let data = bytes(BUFFER + 5);
        f.write_all(&data).unwrap();
        assert!(!f.is_direct());
        f.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), data);
    }

    #[test]
    fn the_usual_way_gives_the_same_file() {
        roundtrip(|p| DirectFile::with(plain(p, true).unwrap(), p, false));
    }

    #[test]
    fn an_existing_file_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("there");
        std::fs::write(&path, "keep").unwrap();
        assert!(DirectFile::create_new(&path).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep");
    }
}
