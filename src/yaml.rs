//! The one place that reads YAML (and JSON, which is read as YAML).
//!
//! serde_yaml turns text into values; it is archived upstream, so nothing else in the crate
//! names it, and swapping in a maintained fork means editing this file only. serde_yaml keeps no
//! positions for values, so a second pass with yaml-rust2's event parser records where every
//! node starts, keyed by its path (`items[3].rule.all[0]`). Validators that find a problem in
//! a value long after parsing ask this index for the line and column to report.
//!
//! Hostile input is refused before it costs much: a size limit first, then serde_yaml's own
//! limits on nesting depth and alias expansion.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::problem::{Pos, Problem, suggest};

pub use serde_yaml::Mapping;
pub use serde_yaml::Value;

/// A parsed document and the positions of its nodes.
#[derive(Debug, Clone)]
pub struct Doc {
    pub file: String,
    pub value: Value,
    spans: HashMap<String, Span>,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    key: Option<Pos>,
    value: Pos,
}

/// Write a value as YAML text.
pub fn to_string(v: &Value) -> String {
    serde_yaml::to_string(v).unwrap_or_default()
}

/// Parse `src`, refusing texts over `max_bytes`.
pub fn parse(file: &str, src: &str, max_bytes: usize) -> Result<Doc, Problem> {
    if src.len() > max_bytes {
        return Err(Problem::at(
            file,
            None,
            format!(
                "the file is {} bytes; at most {max_bytes} are read",
                src.len()
            ),
            "check that this is the right file; split it if it really is this large",
        ));
    }
    if let Some((line, depth)) = too_deep(src) {
        return Err(Problem::at(
            file,
            Some(Pos { line, col: 1 }),
            format!("the text nests {depth} levels deep; at most {MAX_DEPTH} are read"),
            "a real file needs only a few levels; check that this is the right file",
        ));
    }
    let value: Value = serde_yaml::from_str(src).map_err(|e| syntax_problem(file, &e))?;
    let value = if value.is_null() {
        Value::Mapping(Mapping::new())
    } else {
        value
    };
    Ok(Doc {
        file: file.to_string(),
        value,
        spans: index_positions(src),
    })
}

/// Deeper than this is never a real catalog or profile.
pub const MAX_DEPTH: usize = 64;

/// The first line where brackets or indentation nest deeper than [`MAX_DEPTH`], with the depth.
///
/// serde_yaml has a depth limit of its own, but only applies it after libyaml has read the
/// whole text, which for a hundred thousand nested brackets takes most of a minute. This scan
/// is rough (it does not know every quoting rule) and only needs to be: it refuses what no
/// hand-written file does.
fn too_deep(src: &str) -> Option<(usize, usize)> {
    let mut brackets = 0usize;
    for (n, line) in src.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        let mut quote: Option<char> = None;
        for c in line.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') => break,
                (None, '[' | '{') => {
                    brackets += 1;
                    if brackets + indent / 2 > MAX_DEPTH {
                        return Some((n + 1, brackets + indent / 2));
                    }
                }
                (None, ']' | '}') => brackets = brackets.saturating_sub(1),
                _ => {}
            }
        }
        let depth = brackets + indent / 2;
        if depth > MAX_DEPTH {
            return Some((n + 1, depth));
        }
    }
    None
}

fn syntax_problem(file: &str, e: &serde_yaml::Error) -> Problem {
    let pos = e.location().map(|l| Pos {
        line: l.line(),
        col: l.column(),
    });
    let text = e.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text).to_string();
    let fix = if message.contains("recursion limit") {
        "the text nests too deeply; a real file needs only a few levels"
    } else if message.contains("repetition limit") {
        "the text repeats anchors (&) and aliases (*) too often; write the values out instead"
    } else {
        "check the indentation and the `key: value` form on this line and the one before"
    };
    Problem::at(file, pos, format!("not valid YAML: {message}"), fix)
}

impl Doc {
    /// Where the node at `path` starts, or the nearest enclosing node that has a position.
    pub fn pos(&self, path: &str) -> Option<Pos> {
        let mut p = path;
        loop {
            if let Some(s) = self.spans.get(p) {
                return Some(s.value);
            }
            p = parent(p)?;
        }
    }

    /// Where the key of the map entry at `path` is written.
    pub fn key_pos(&self, path: &str) -> Option<Pos> {
        self.spans
            .get(path)
            .and_then(|s| s.key)
            .or_else(|| self.pos(path))
    }

    /// The same document seen from the node at `prefix`: paths below it lose the prefix.
    /// Used for a profile nested inside a household case.
    pub fn rebased(&self, prefix: &str, value: Value) -> Doc {
        let spans = self
            .spans
            .iter()
            .filter_map(|(k, v)| {
                let rest = k.strip_prefix(prefix)?;
                let rest = rest.strip_prefix('.').unwrap_or(rest);
                (rest.is_empty() || !k[prefix.len()..].starts_with(char::is_alphanumeric))
                    .then(|| (rest.to_string(), *v))
            })
            .collect();
        Doc {
            file: self.file.clone(),
            value,
            spans,
        }
    }

    /// A problem located at `path`.
    pub fn problem(
        &self,
        path: &str,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Problem {
        Problem::at(&self.file, self.pos(path), message, fix)
    }

    /// Deserialize the node `value` found at `path` into `T`, reporting the exact field that
    /// does not fit.
    pub fn decode<T: DeserializeOwned>(&self, path: &str, value: &Value) -> Result<T, Problem> {
        serde_path_to_error::deserialize(value.clone()).map_err(|e| {
            let inner = join(path, &e.path().to_string());
            self.decode_problem(&inner, &e.into_inner().to_string())
        })
    }

    fn decode_problem(&self, path: &str, msg: &str) -> Problem {
        if let Some((word, allowed)) = unknown_name(msg, "unknown field") {
            let full = if last(path) == word {
                path.to_string()
            } else {
                join(path, &word)
            };
            let p = self.key_pos(&full);
            let fix = suggest(
                &word,
                &allowed.iter().map(String::as_str).collect::<Vec<_>>(),
            );
            return Problem::at(&self.file, p, format!("unknown key `{word}`"), fix);
        }
        if let Some((word, allowed)) = unknown_name(msg, "unknown variant") {
            let fix = suggest(
                &word,
                &allowed.iter().map(String::as_str).collect::<Vec<_>>(),
            );
            return self.problem(
                path,
                format!("unknown value `{word}` for `{}`", last(path)),
                fix,
            );
        }
        if let Some(field) = msg
            .strip_prefix("missing field `")
            .and_then(|r| r.split('`').next())
        {
            return self.problem(
                path,
                format!("missing key `{field}`"),
                format!("add `{field}:` here; see catalog/README.md for what it holds"),
            );
        }
        if let Some(found) = msg.strip_prefix("invalid type: ") {
            let (found, wanted) = found
                .split_once(", expected ")
                .unwrap_or((found, "another kind"));
            let fix = if wanted.contains("string") {
                "put the value in quotes, like \"12345\""
            } else {
                "compare this value with the format described in catalog/README.md"
            };
            let msg = format!("`{}` should be {wanted}, not {found}", near(path));
            return self.problem(path, msg, fix);
        }
        let fix = "compare this value with the format described in catalog/README.md";
        self.problem(path, format!("`{}`: {msg}", near(path)), fix)
    }
}

/// Pull the name and the allowed list out of serde's "unknown field `x`, expected one of `a`,
/// `b`" messages. Serde has written them this way for many years; if the wording changes,
/// the message is still shown, only without a suggestion.
fn unknown_name(msg: &str, lead: &str) -> Option<(String, Vec<String>)> {
    let rest = msg.strip_prefix(lead)?.trim_start().strip_prefix('`')?;
    let (word, tail) = rest.split_once('`')?;
    let allowed = tail
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((word.to_string(), allowed))
}

/// `a.b` joined with `c` or `[2]`; the serde_path_to_error root `.` counts as nothing.
pub fn join(base: &str, rest: &str) -> String {
    let rest = rest.trim_start_matches('.');
    if rest.is_empty() || rest == "?" {
        base.to_string()
    } else if base.is_empty() {
        rest.to_string()
    } else if rest.starts_with('[') {
        format!("{base}{rest}")
    } else {
        format!("{base}.{rest}")
    }
}

fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

/// The last named part of a path, with the index after it: `keywords[5]`.
fn near(path: &str) -> &str {
    let cut = path.rfind('.').map_or(0, |i| i + 1);
    &path[cut..]
}

fn last(path: &str) -> &str {
    let cut = path.rfind(['.', '[']).map_or(0, |i| i + 1);
    path[cut..].trim_end_matches(']')
}

/// Record the start of every node by path. Errors here are ignored: serde_yaml has already
/// accepted the text, and a missing position only makes a message less precise.
fn index_positions(src: &str) -> HashMap<String, Span> {
    let mut idx = Indexer::default();
    let _ = Parser::new_from_str(src).load(&mut idx, false);
    idx.spans
}

#[derive(Default)]
struct Indexer {
    spans: HashMap<String, Span>,
    stack: Vec<Frame>,
}

enum Frame {
    Seq {
        path: String,
        next: usize,
    },
    Map {
        path: String,
        key: Option<(String, Pos)>,
        keys: usize,
    },
}

fn pos_of(m: Marker) -> Pos {
    Pos {
        line: m.line(),
        col: m.col() + 1,
    }
}

impl Indexer {
    /// Path for the node that starts now, or `None` when it is a mapping key.
    fn claim(&mut self) -> Option<(String, Option<Pos>)> {
        match self.stack.last_mut() {
            None => Some((String::new(), None)),
            Some(Frame::Seq { path, next }) => {
                *next += 1;
                Some((format!("{path}[{}]", *next - 1), None))
            }
            Some(Frame::Map { path, key, .. }) => {
                key.take().map(|(k, kp)| (join(path, &k), Some(kp)))
            }
        }
    }

    fn node(&mut self, mark: Marker, scalar: Option<&str>) -> Option<String> {
        match self.claim() {
            Some((path, key)) => {
                self.spans.insert(
                    path.clone(),
                    Span {
                        key,
                        value: pos_of(mark),
                    },
                );
                Some(path)
            }
            None => {
                let Some(Frame::Map { path, key, keys }) = self.stack.last_mut() else {
                    return None;
                };
                *key = Some((scalar.unwrap_or("?").to_string(), pos_of(mark)));
                // A block mapping's start event points past its first key; the key is where
                // a reader sees the mapping begin.
                if *keys == 0
                    && let Some(span) = self.spans.get_mut(path.as_str())
                {
                    span.value = pos_of(mark);
                }
                *keys += 1;
                None
            }
        }
    }
}

impl MarkedEventReceiver for Indexer {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(s, ..) => {
                self.node(mark, Some(&s));
            }
            Event::Alias(_) => {
                self.node(mark, None);
            }
            Event::SequenceStart(..) => {
                let path = self.node(mark, None).unwrap_or_else(|| "?".into());
                self.stack.push(Frame::Seq { path, next: 0 });
            }
            Event::MappingStart(..) => {
                let path = self.node(mark, None).unwrap_or_else(|| "?".into());
                self.stack.push(Frame::Map {
                    path,
                    key: None,
                    keys: 0,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_follow_paths() {
        let src = "a: 1\nitems:\n  - id: x\n    rule:\n      all: [1, 2]\n";
        let doc = parse("t.yaml", src, 1000).unwrap();
        assert_eq!(doc.pos("a"), Some(Pos { line: 1, col: 4 }));
        assert_eq!(doc.key_pos("items[0].id"), Some(Pos { line: 3, col: 5 }));
        assert_eq!(
            doc.pos("items[0].rule.all[1]"),
            Some(Pos { line: 5, col: 16 })
        );
        assert_eq!(doc.pos("items[0].nothing"), Some(Pos { line: 3, col: 5 }));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse("t.yaml", "a: 1\nb: [1, 2\nc: 3\n", 1000).unwrap_err();
        assert!(err.pos.is_some(), "{err}");
        assert!(err.message.contains("not valid YAML"));
    }

    #[test]
    fn oversized_and_hostile_texts_are_refused() {
        assert!(
            parse("t", &"a".repeat(2000), 1000)
                .unwrap_err()
                .message
                .contains("bytes")
        );
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse("t", &deep, 1 << 20).is_err());
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            };
            bomb +=
                &format!("b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n");
        }
        assert!(parse("t", &bomb, 1 << 20).is_err());
    }

    #[test]
    fn unknown_field_messages_suggest() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct S {
            name: String,
            summary: String,
        }
        let doc = parse("t.yaml", "name: a\nsumary: b\n", 1000).unwrap();
        let err = doc.decode::<S>("", &doc.value).unwrap_err();
        assert_eq!(err.pos, Some(Pos { line: 2, col: 1 }));
        assert!(err.fix.contains("`summary`"), "{err}");
    }
}
