//! What a batch run writes: one row per household and item not yet claimed, and a per-item
//! summary.
//!
//! Rows are formatted here into bytes, so the parallel part of a run can do the formatting
//! and the writer only copies. CSV joins the sentences of `reasons` and `missing` with `；`,
//! which reads naturally in a spreadsheet cell; JSON Lines keeps them as lists. CSV starts with
//! a UTF-8 byte-order mark, as `export` writes it, so spreadsheet programs show the Chinese
//! text; the batch reader skips it, so an output can be read back.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::json;

use crate::catalog::{Catalog, Item};
use crate::verdict::Status;

/// The output formats of `screen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
}

/// The columns of the output, in order; also the keys of each JSON line.
pub const COLUMNS: [&str; 6] = [
    "household_id",
    "item_id",
    "item_name",
    "status",
    "reasons",
    "missing",
];

/// Spreadsheet programs read a CSV file as UTF-8 only when it starts with this mark.
const BOM: char = '\u{feff}';

/// How sentences are joined in one CSV cell.
pub const JOIN: &str = "；";

/// What the output starts with: the CSV header, or nothing for JSON Lines.
pub fn start(format: Format) -> String {
    match format {
        Format::Csv => format!("{BOM}{}\n", COLUMNS.join(",")),
        Format::Jsonl => String::new(),
    }
}

/// Each item's `item_id,item_name` as CSV cells, made once for a run rather than per row.
pub struct ItemCells(Vec<String>);

impl ItemCells {
    pub fn new(cat: &Catalog) -> Self {
        let cells = cat.items.iter().map(|item| {
            let mut s = String::new();
            field(&mut s, &item.id);
            s.push(',');
            field(&mut s, &item.name);
            s
        });
        ItemCells(cells.collect())
    }
}

/// What a row says besides its sentences.
pub struct Row<'a> {
    pub household_id: &'a str,
    /// The household id as a CSV cell, made once for all of its rows.
    pub id_cell: &'a str,
    /// The item's place in the catalog.
    pub index: usize,
    pub item: &'a Item,
    pub status: Status,
}

/// Append one row to `out`: the item's verdict for a household, with its reasons and the
/// questions still open.
pub fn row<'t>(
    format: Format,
    items: &ItemCells,
    r: &Row,
    reasons: impl Iterator<Item = &'t str> + Clone,
    missing: impl Iterator<Item = &'t str> + Clone,
    out: &mut String,
) {
    match format {
        Format::Csv => {
            out.push_str(r.id_cell);
            out.push(',');
            match items.0.get(r.index) {
                Some(cells) => out.push_str(cells),
                None => {
                    field(out, &r.item.id);
                    out.push(',');
                    field(out, &r.item.name);
                }
            }
            out.push(',');
            out.push_str(r.status.key());
            out.push(',');
            joined(out, reasons);
            out.push(',');
            joined(out, missing);
        }
        Format::Jsonl => {
            let line = JsonRow {
                household_id: r.household_id,
                item_id: &r.item.id,
                item_name: &r.item.name,
                status: r.status.key(),
                reasons: reasons.collect(),
                missing: missing.collect(),
            };
            // Plain strings and lists of strings always serialize.
            if let Ok(text) = serde_json::to_string(&line) {
                out.push_str(&text);
            }
        }
    }
    out.push('\n');
}

/// A JSON Lines row; its keys are [`COLUMNS`], in order.
#[derive(Serialize)]
struct JsonRow<'a> {
    household_id: &'a str,
    item_id: &'a str,
    item_name: &'a str,
    status: &'a str,
    reasons: Vec<&'a str>,
    missing: Vec<&'a str>,
}

/// One CSV cell, quoted when it holds a comma, a quote, a line end or edge spaces.
pub fn field(out: &mut String, s: &str) {
    joined(out, std::iter::once(s));
}

/// One CSV cell holding `parts` joined with [`JOIN`], written without an intermediate string:
/// a batch writes millions of them.
fn joined<'t>(out: &mut String, parts: impl Iterator<Item = &'t str> + Clone) {
    let special = |s: &str| {
        let b = s.as_bytes();
        memchr::memchr3(b',', b'"', b'\n', b).is_some() || memchr::memchr(b'\r', b).is_some()
    };
    let edge = |s: Option<char>| s.is_some_and(char::is_whitespace);
    let first = parts.clone().next().and_then(|p| p.chars().next());
    let last = parts.clone().last().and_then(|p| p.chars().next_back());
    let quote = edge(first) || edge(last) || parts.clone().any(special);
    if quote {
        out.push('"');
    }
    for (i, part) in parts.enumerate() {
        if i > 0 {
            out.push_str(JOIN);
        }
        if quote && memchr::memchr(b'"', part.as_bytes()).is_some() {
            out.push_str(&part.replace('"', "\"\""));
        } else {
            out.push_str(part);
        }
    }
    if quote {
        out.push('"');
    }
}

/// How many households each item was found for, eligible and maybe, after `received`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    counts: Vec<[u64; 2]>,
}

impl Summary {
    pub fn new(items: usize) -> Self {
        Summary {
            counts: vec![[0; 2]; items],
        }
    }

    /// Count item number `item` (catalog order) for one household.
    pub fn add(&mut self, item: usize, status: Status) {
        let slot = match status {
            Status::Eligible => 0,
            Status::Maybe => 1,
            Status::Ineligible => return,
        };
        if let Some(c) = self.counts.get_mut(item) {
            c[slot] += 1;
        }
    }

    /// (item index, eligible, maybe) for items found for at least one household.
    pub fn found(&self) -> impl Iterator<Item = (usize, u64, u64)> + '_ {
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, c)| c[0] + c[1] > 0)
            .map(|(i, c)| (i, c[0], c[1]))
    }

    /// Every item with its counts, in the output format: CSV with columns item_id, item_name,
    /// eligible, maybe, or JSON Lines with those keys.
    pub fn write(&self, cat: &Catalog, format: Format, w: &mut dyn Write) -> io::Result<()> {
        let mut s = String::new();
        if format == Format::Csv {
            s.push(BOM);
            s.push_str("item_id,item_name,eligible,maybe\n");
        }
        for (item, c) in cat.items.iter().zip(&self.counts) {
            match format {
                Format::Csv => {
                    field(&mut s, &item.id);
                    s.push(',');
                    field(&mut s, &item.name);
                    let _ = writeln!(s, ",{},{}", c[0], c[1]);
                }
                Format::Jsonl => {
                    let line = json!({"item_id": item.id, "item_name": item.name,
                                      "eligible": c[0], "maybe": c[1]});
                    let _ = writeln!(s, "{line}");
                }
            }
        }
        w.write_all(s.as_bytes())
    }

    /// A table for the terminal: the items found, most households first, at most `limit`.
    pub fn table(&self, cat: &Catalog, limit: usize) -> String {
        let mut found: Vec<_> = self.found().collect();
        found.sort_by_key(|&(i, e, m)| (std::cmp::Reverse(e + m), i));
        let mut s = String::from("households per item (eligible / maybe):\n");
        if found.len() > limit {
            let more = found.len() - limit;
            let _ = writeln!(
                s,
                "  (the {limit} most frequent; {more} more in the summary file)"
            );
            found.truncate(limit);
        }
        for (i, e, m) in found {
            let item = &cat.items[i];
            let _ = writeln!(s, "  {:>8} / {:<8} {}  {}", e, m, item.id, item.name);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_needed() {
        let mut s = String::new();
        for cell in ["a", "b,c", "say \"hi\"", " edge", "两行\n文字"] {
            field(&mut s, cell);
            s.push('|');
        }
        assert_eq!(s, "a|\"b,c\"|\"say \"\"hi\"\"\"|\" edge\"|\"两行\n文字\"|");
    }

    #[test]
    fn joined_cells_are_quoted_as_a_whole() {
        let mut s = String::new();
        joined(&mut s, ["甲", "乙"].into_iter());
        s.push('|');
        joined(&mut s, ["a", "b,\"c\""].into_iter());
        s.push('|');
        joined(&mut s, std::iter::empty());
        assert_eq!(s, "甲；乙|\"a；b,\"\"c\"\"\"|");
    }

    #[test]
    fn the_summary_counts_eligible_and_maybe() {
        let mut sum = Summary::new(3);
        sum.add(0, Status::Eligible);
        sum.add(0, Status::Maybe);
        sum.add(2, Status::Maybe);
        sum.add(1, Status::Ineligible);
        assert_eq!(sum.found().collect::<Vec<_>>(), [(0, 1, 1), (2, 0, 1)]);
    }
}
