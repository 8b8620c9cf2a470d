//! A text together with its toneless pinyin and initials, for matching typed Latin letters
//! against Chinese.
//!
//! Each Han character contributes its most common reading (`医` → `yi`) to the full string and
//! its first letter to the initials; ASCII letters and digits are kept as they are. Every byte
//! of both strings remembers which character it came from, so a match can light up the Han
//! characters behind it.

use memchr::memmem::Finder;
use pinyin::ToPinyin;

/// A text prepared for pinyin matching.
#[derive(Debug, Clone, Default)]
pub struct Phonetic {
    pub text: String,
    chars: Vec<char>,
    full: String,
    full_owner: Vec<u32>,
    full_start: Vec<bool>,
    initials: String,
    initials_owner: Vec<u32>,
}

/// Where a match landed: the characters it covers and whether it began at the first one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Landing {
    pub chars: Vec<usize>,
    pub at_start: bool,
    /// The match covers the whole text.
    pub whole: bool,
}

impl Phonetic {
    pub fn new(text: &str) -> Self {
        let mut p = Phonetic {
            text: text.to_string(),
            ..Default::default()
        };
        let mut prev_alnum = false;
        for (i, c) in text.chars().enumerate() {
            p.chars.push(c);
            let owner = i as u32;
            if let Some(py) = c.to_pinyin() {
                push(
                    &mut p.full,
                    &mut p.full_owner,
                    &mut p.full_start,
                    py.plain(),
                    owner,
                );
                let first = py.first_letter();
                p.initials.push_str(first);
                p.initials_owner
                    .extend(std::iter::repeat_n(owner, first.len()));
                prev_alnum = false;
            } else if c.is_ascii_alphanumeric() {
                let lower = c.to_ascii_lowercase().to_string();
                let start = !prev_alnum;
                p.full.push_str(&lower);
                p.full_owner.push(owner);
                p.full_start.push(start);
                prev_alnum = true;
            } else {
                prev_alnum = false;
            }
        }
        p
    }

    /// Characters of the text, for highlight positions.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Where the Latin query `q` (lowercase, searched by `f`) matches the full pinyin,
    /// starting at a syllable.
    pub fn full_match(&self, f: &Finder) -> Option<Landing> {
        let len = f.needle().len();
        let pos = f
            .find_iter(self.full.as_bytes())
            .find(|&p| self.full_start[p])?;
        Some(self.landing(&self.full_owner, pos, len, self.full.len()))
    }

    /// Where `q` matches the initials (`yljz` for 医疗救助).
    pub fn initials_match(&self, f: &Finder) -> Option<Landing> {
        let pos = f.find(self.initials.as_bytes())?;
        Some(self.landing(
            &self.initials_owner,
            pos,
            f.needle().len(),
            self.initials.len(),
        ))
    }

    /// Whether the text contains what `f` searches for.
    pub fn contains(&self, f: &Finder) -> bool {
        f.find(self.text.as_bytes()).is_some()
    }

    fn landing(&self, owner: &[u32], pos: usize, len: usize, total: usize) -> Landing {
        let mut chars: Vec<usize> = owner[pos..pos + len].iter().map(|&o| o as usize).collect();
        chars.dedup();
        Landing {
            at_start: pos == 0,
            whole: pos == 0 && len == total,
            chars,
        }
    }

    /// Character positions of the first occurrence of what `f` searches for.
    pub fn find(&self, f: &Finder) -> Option<Vec<usize>> {
        let byte = f.find(self.text.as_bytes())?;
        let start = self.text[..byte].chars().count();
        let len = std::str::from_utf8(f.needle()).map_or(0, |n| n.chars().count());
        Some((start..start + len).collect())
    }
}

fn push(full: &mut String, owner: &mut Vec<u32>, start: &mut Vec<bool>, s: &str, o: u32) {
    full.push_str(s);
    owner.extend(std::iter::repeat_n(o, s.len()));
    start.push(true);
    start.extend(std::iter::repeat_n(false, s.len().saturating_sub(1)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Finder<'_> {
        Finder::new(s)
    }

    #[test]
    fn full_pinyin_matches_at_syllables_only() {
        let p = Phonetic::new("医疗救助");
        assert_eq!(p.full_match(&q("yiliao")).unwrap().chars, vec![0, 1]);
        assert_eq!(p.full_match(&q("jiu")).unwrap().chars, vec![2]);
        assert!(p.full_match(&q("iliao")).is_none());
        assert!(p.full_match(&q("yiliaojiuzhu")).unwrap().whole);
    }

    #[test]
    fn initials_light_up_their_characters() {
        let p = Phonetic::new("最低生活保障（低保）");
        let l = p.initials_match(&q("db")).unwrap();
        assert_eq!(l.chars, vec![7, 8]);
        let p = Phonetic::new("医疗救助");
        assert!(p.initials_match(&q("yljz")).unwrap().whole);
    }

    #[test]
    fn ascii_is_kept_and_found() {
        let p = Phonetic::new("12345 热线");
        assert_eq!(
            p.full_match(&q("12345")).unwrap().chars,
            vec![0, 1, 2, 3, 4]
        );
        assert_eq!(p.find(&q("热线")), Some(vec![6, 7]));
    }
}
