//! Lines of a batch file, read with bounded memory and numbered the way an editor shows them.
//!
//! A batch input can be gigabytes, come from a spreadsheet in another encoding, or end halfway
//! through a line. This reader hands out one line at a time and never holds more than
//! `max` bytes of one: a longer line is skipped to its end and reported, not buffered. Bytes
//! that are not UTF-8 and over-long lines become a [`Damage`] for that line only, so the lines
//! after it are still read. What a line means is left to the JSONL and CSV readers.

use std::io::{self, BufRead};

use memchr::memchr;

/// One physical line, without its line end.
#[derive(Debug)]
pub struct Line {
    /// 1-based, counting every line of the file, blank ones and the CSV header included.
    pub number: u64,
    pub text: Result<String, Damage>,
    /// False for a last line that stops without a line end: perhaps the file was cut short.
    pub ended: bool,
}

/// Why a line could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    TooLong { bytes: u64, max: usize },
    NotUtf8 { offset: usize, lossy: String },
}

impl Damage {
    /// The message and the fix, in the words of every other problem report.
    pub fn describe(&self) -> (String, String) {
        match self {
            Damage::TooLong { bytes, max } => (
                format!("the line is {bytes} bytes; at most {max} are read"),
                "one line holds one household; check that this is the right file".into(),
            ),
            Damage::NotUtf8 { offset, .. } => (
                format!(
                    "the line is not UTF-8 text (first bad byte at column {})",
                    offset + 1
                ),
                "save the file as UTF-8 (in Excel: 另存为 \"CSV UTF-8\")".into(),
            ),
        }
    }
}

/// Reads numbered lines from `inner`, at most `max` bytes each.
pub struct Lines<R> {
    inner: R,
    max: usize,
    number: u64,
    consumed: u64,
    buf: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    /// Start reading; a UTF-8 byte order mark at the very start (Excel writes one) is skipped.
    pub fn new(mut inner: R, max: usize) -> io::Result<Self> {
        let bom = fill(&mut inner)?.starts_with(b"\xEF\xBB\xBF");
        if bom {
            inner.consume(3);
        }
        Ok(Lines {
            inner,
            max,
            number: 0,
            consumed: if bom { 3 } else { 0 },
            buf: Vec::new(),
        })
    }

    /// The first byte that is not white space, without consuming anything; `None` when the
    /// text is empty so far. Looks only at what the reader has buffered.
    pub fn peek_start(&mut self) -> io::Result<Option<u8>> {
        let buf = fill(&mut self.inner)?;
        Ok(buf.iter().copied().find(|b| !b.is_ascii_whitespace()))
    }

    /// Bytes consumed so far, for progress.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    /// The next line, or `None` at the end of the text.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        self.buf.clear();
        let mut total = 0u64;
        let mut too_long = false;
        let mut ended = false;
        loop {
            let avail = fill(&mut self.inner)?;
            if avail.is_empty() {
                break;
            }
            let (take, found) = match memchr(b'\n', avail) {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            total += take as u64;
            if !too_long && self.buf.len() + take > self.max + 2 {
                too_long = true;
                self.buf = Vec::new();
            }
            if !too_long {
                self.buf.extend_from_slice(&avail[..take]);
            }
            self.inner.consume(take);
            if found {
                ended = true;
                break;
            }
        }
        if total == 0 {
            return Ok(None);
        }
        self.consumed += total;
        self.number += 1;
        let text = if too_long {
            Err(Damage::TooLong {
                bytes: total,
                max: self.max,
            })
        } else {
            decode(trim_end(&self.buf))
        };
        Ok(Some(Line {
            number: self.number,
            text,
            ended,
        }))
    }
}

fn trim_end(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    bytes.strip_suffix(b"\r").unwrap_or(bytes)
}

fn decode(bytes: &[u8]) -> Result<String, Damage> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(Damage::NotUtf8 {
            offset: e.valid_up_to(),
            lossy: String::from_utf8_lossy(bytes).into_owned(),
        }),
    }
}

/// The reader's buffer, refilled if empty; a read that a signal interrupted is repeated, as
/// `std::io::Read::read_to_end` does.
fn fill<R: BufRead>(r: &mut R) -> io::Result<&[u8]> {
    loop {
        match r.fill_buf() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
            Ok(_) => break,
        }
    }
    r.fill_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(src: &[u8], max: usize) -> Vec<Line> {
        let mut lines = Lines::new(src, max).unwrap();
        let mut out = Vec::new();
        while let Some(l) = lines.next_line().unwrap() {
            out.push(l);
        }
        out
    }

    #[test]
    fn lines_are_numbered_and_trimmed() {
        let got = all(b"\xEF\xBB\xBFa\r\n\nb", 100);
        let texts: Vec<_> = got.iter().map(|l| l.text.clone().unwrap()).collect();
        assert_eq!(texts, ["a", "", "b"]);
        assert_eq!(got[2].number, 3);
        assert!(got[0].ended && !got[2].ended);
    }

    #[test]
    fn long_and_broken_lines_are_damage_not_the_end() {
        let mut src = vec![b'x'; 5000];
        src.extend_from_slice(b"\nok\n\xFF\xFEbad\nlast\n");
        let got = all(&src, 100);
        assert!(matches!(
            got[0].text,
            Err(Damage::TooLong { bytes: 5001, .. })
        ));
        assert_eq!(got[1].text.as_deref().ok(), Some("ok"));
        assert!(matches!(
            got[2].text,
            Err(Damage::NotUtf8 { offset: 0, .. })
        ));
        assert_eq!(got[3].text.as_deref().ok(), Some("last"));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn an_empty_text_has_no_lines() {
        assert!(all(b"", 10).is_empty());
    }
}
