//! One problem found in an input file, with where it is and how to fix it.
//!
//! Every reader (catalog, household profile, later the batch input and config) reports through
//! this type, so the command line prints all of them the same way: `file:line:column: what is
//! wrong`, then an indented line saying how to fix it.

use std::fmt;

/// A place in a text file, 1-based like editors show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// Something wrong in an input file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: String,
    pub pos: Option<Pos>,
    pub message: String,
    pub fix: String,
}

impl Problem {
    /// A problem at a known place.
    pub fn at(
        file: &str,
        pos: Option<Pos>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Problem {
            file: file.to_string(),
            pos,
            message: message.into(),
            fix: fix.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pos {
            Some(p) => write!(f, "{}:{}:{}: {}", self.file, p.line, p.col, self.message)?,
            None => write!(f, "{}: {}", self.file, self.message)?,
        }
        if !self.fix.is_empty() {
            write!(f, "\n    how to fix: {}", self.fix)?;
        }
        Ok(())
    }
}

/// Several problems, shown one after another.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// The nearest of `candidates` to `word`, when it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 2).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// "Did you mean ...?" text for an unknown word, or a list of what is allowed.
pub fn suggest(word: &str, candidates: &[&str]) -> String {
    match nearest(word, candidates.iter().copied()) {
        Some(n) => format!("did you mean `{n}`? Allowed: {}", candidates.join(", ")),
        None => format!("use one of: {}", candidates.join(", ")),
    }
}
