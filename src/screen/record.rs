//! One household of a batch file, and the reasons a row of it was left out.
//!
//! A batch record is a household profile plus the two keys a batch adds: `household_id`, which
//! names the household in the output, and `received`, the items it already gets. Both input
//! formats check those two keys here and hand the rest to the profile parser, so a batch row
//! is judged exactly as a single profile file would be.

use std::fmt;

use crate::catalog::Catalog;
use crate::problem::{Problem, nearest};
use crate::profile::Household;
use crate::yaml::Value;

/// The keys a batch record adds to the profile format.
pub const BATCH_KEYS: &[&str] = &["household_id", "received"];

/// Longer ids are not ids; they would also make every output row long.
pub const MAX_ID_CHARS: usize = 100;

/// A household ready to screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub household: Household,
    /// Ids of catalog items the household already gets, checked against the catalog.
    pub received: Vec<String>,
}

/// Why (part of) a row was not screened: a place in the input, what is wrong and the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub line: u64,
    pub col: Option<usize>,
    pub message: String,
    pub fix: String,
}

impl Rejection {
    pub fn new(line: u64, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Rejection {
            line,
            col: None,
            message: message.into(),
            fix: fix.into(),
        }
    }

    /// A problem the YAML or profile reader found in a one-line text, moved to `line`.
    pub fn from_problem(line: u64, p: Problem) -> Self {
        Rejection {
            line,
            col: p.pos.map(|pos| pos.col),
            message: p.message,
            fix: p.fix,
        }
    }

    /// How it reads in messages: `INPUT:LINE[:COL]: message`, then the fix.
    pub fn display<'a>(&'a self, input: &'a str) -> impl fmt::Display + 'a {
        Shown(input, self)
    }
}

struct Shown<'a>(&'a str, &'a Rejection);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Shown(input, r) = self;
        match r.col {
            Some(col) => write!(f, "{input}:{}:{col}: {}", r.line, r.message)?,
            None => write!(f, "{input}:{}: {}", r.line, r.message)?,
        }
        if !r.fix.is_empty() {
            write!(f, "\n    how to fix: {}", r.fix)?;
        }
        Ok(())
    }
}

/// A household id as output shows it: trimmed text, or a whole number written as one.
pub fn household_id(v: Option<&Value>) -> Result<String, (String, String)> {
    let fix = "give every household a short id, such as \"household_id\": \"H0001\"";
    let text = match v {
        None | Some(Value::Null) => {
            return Err(("the record has no `household_id`".into(), fix.into()));
        }
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) if n.is_u64() || n.is_i64() => n.to_string(),
        Some(_) => {
            return Err((
                "`household_id` must be text or a whole number".into(),
                fix.into(),
            ));
        }
    };
    check_id(&text)
        .map(|()| text)
        .map_err(|m| (m, fix.to_string()))
}

/// Whether a household id is usable: not empty, not too long, no control characters.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        Err("`household_id` is empty".into())
    } else if id.chars().count() > MAX_ID_CHARS {
        Err(format!(
            "`household_id` is longer than {MAX_ID_CHARS} characters"
        ))
    } else if id.chars().any(char::is_control) {
        Err("`household_id` contains control characters".into())
    } else {
        Ok(())
    }
}

/// The ids in `received`: a list of item ids (or one id), each one the catalog knows.
pub fn received(cat: &Catalog, v: Option<&Value>) -> Result<Vec<String>, Vec<(String, String)>> {
    let items: Vec<&Value> = match v {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Sequence(s)) => s.iter().collect(),
        Some(other) => vec![other],
    };
    let mut ids = Vec::new();
    let mut bad = Vec::new();
    for item in items {
        match item.as_str().map(str::trim) {
            Some(id) if cat.item(id).is_some() => ids.push(id.to_string()),
            Some(id) => bad.push(unknown_item(cat, id)),
            None => bad.push((
                "`received` must list item ids".into(),
                "write the ids of items the household already gets, such as [dibao]".into(),
            )),
        }
    }
    if bad.is_empty() { Ok(ids) } else { Err(bad) }
}

fn unknown_item(cat: &Catalog, id: &str) -> (String, String) {
    let ids = cat.items.iter().map(|i| i.id.as_str());
    let fix = match nearest(id, ids) {
        Some(n) => format!("did you mean `{n}`? `policy-toolbox list` shows every item id"),
        None => "use the item ids shown by `policy-toolbox list`".to_string(),
    };
    (
        format!("`received` names `{id}`, which is not an item of the catalog"),
        fix,
    )
}

/// An id cut to a length that keeps a message on one line.
pub fn short(id: &str) -> String {
    const KEEP: usize = 40;
    if id.chars().count() <= KEEP {
        id.to_string()
    } else {
        let cut: String = id.chars().take(KEEP).collect();
        format!("{cut}…")
    }
}
