//! CSV batch input: one row per member, household columns repeated, grouped by `household_id`.
//!
//! Spreadsheets export this shape. A row is one line: a quoted cell may hold commas but not a
//! line end, which is what lets a broken quote spoil one row instead of the rest of the file.
//! The rows of a household must be consecutive, so a household is complete when the next id
//! starts and the file can be read as a stream; an id that comes back later is a duplicate.
//! Turning a household's cells into a profile is left to [`super::table`].

use super::lines::{Damage, Line};
use super::record::Rejection;
use crate::facts::{self, Fact, Scope};
use crate::problem::suggest;

/// No household has this many members; more rows under one id are a mistake in the export.
pub const MAX_ROWS_PER_HOUSEHOLD: usize = 200;

/// What a column of the header holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Column {
    Id,
    Received,
    Household(&'static Fact),
    Name,
    DisabilityGrade,
    DisabilityKind,
    Member(&'static Fact),
}

/// The header row: the name and meaning of each column.
#[derive(Debug, Clone)]
pub struct Header {
    pub names: Vec<String>,
    pub columns: Vec<Column>,
    id: usize,
}

fn column(name: &str) -> Option<Column> {
    match name {
        "household_id" => Some(Column::Id),
        "received" => Some(Column::Received),
        "name" => Some(Column::Name),
        "disability_grade" => Some(Column::DisabilityGrade),
        "disability_kind" => Some(Column::DisabilityKind),
        "disabled" => None,
        _ => facts::find(Scope::Household, name)
            .map(Column::Household)
            .or_else(|| facts::find(Scope::Member, name).map(Column::Member)),
    }
}

/// Every column name a header may use, household columns first.
pub fn column_names() -> Vec<&'static str> {
    let mut names = vec!["household_id", "received"];
    names.extend(facts::keys(Scope::Household));
    names.push("name");
    let member = facts::keys(Scope::Member);
    names.extend(member.into_iter().filter(|k| *k != "disabled"));
    names
}

/// Read the header line. Its problems stop the run: no row can be read without it.
pub fn header(line: &Line) -> Result<Header, Vec<Rejection>> {
    let n = line.number;
    let text = line.text.as_ref().map_err(|d| vec![damaged(n, d)])?;
    let names: Vec<String> = split(text)
        .map_err(|(col, msg)| vec![broken_quote(n, col, msg)])?
        .into_iter()
        .map(|s| s.trim().to_string())
        .collect();
    let mut columns = Vec::new();
    let mut out = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            let msg = format!("column `{name}` appears twice");
            out.push(Rejection::new(n, msg, "keep one of them"));
        }
        match column(name) {
            Some(c) => columns.push(c),
            None => {
                let fix = suggest(name, &column_names());
                out.push(Rejection::new(n, format!("unknown column `{name}`"), fix));
            }
        }
    }
    let id = columns.iter().position(|c| *c == Column::Id);
    if id.is_none() {
        let fix = "the first line names the columns; household_id must be one of them";
        out.push(Rejection::new(n, "no `household_id` column", fix));
    }
    match id {
        Some(id) if out.is_empty() => Ok(Header { names, columns, id }),
        _ => Err(out),
    }
}

fn damaged(line: u64, d: &Damage) -> Rejection {
    let (msg, fix) = d.describe();
    Rejection::new(line, msg, fix)
}

fn broken_quote(line: u64, col: usize, msg: String) -> Rejection {
    let fix = "close the quote, or write \"\" for a quote inside a quoted cell";
    Rejection {
        col: Some(col),
        ..Rejection::new(line, msg, fix)
    }
}

/// The cells of one CSV line. A quoted cell may hold commas and `""` for a quote; the error
/// gives the column (in characters, 1-based) where the line stops making sense.
pub fn split(line: &str) -> Result<Vec<String>, (usize, String)> {
    let mut cells = Vec::new();
    let mut chars = line.chars().enumerate().peekable();
    loop {
        let mut cell = String::new();
        if let Some((start, _)) = chars.next_if(|&(_, c)| c == '"') {
            loop {
                match chars.next() {
                    None => return Err((start + 1, "a quote opened here is never closed".into())),
                    Some((_, '"')) if chars.next_if(|&(_, c)| c == '"').is_some() => {
                        cell.push('"');
                    }
                    Some((_, '"')) => break,
                    Some((_, c)) => cell.push(c),
                }
            }
            if let Some((at, _)) = chars.next_if(|&(_, c)| c != ',') {
                return Err((at + 1, "text after a closing quote".into()));
            }
        } else {
            while let Some((_, c)) = chars.next_if(|&(_, c)| c != ',') {
                cell.push(c);
            }
        }
        cells.push(cell);
        if chars.next().is_none() {
            return Ok(cells);
        }
    }
}

/// One row that could be read, with its line number.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
}

/// The rows of one household, or a row that could not be given to any.
#[derive(Debug, Default)]
pub struct Group {
    pub id: Option<String>,
    pub first_line: u64,
    pub last_line: u64,
    /// Rows taken, readable or not.
    pub count: u64,
    pub rows: Vec<Row>,
    /// Rows of this household that could not be read; any of them leaves the household out.
    pub damaged: Vec<Rejection>,
}

impl Group {
    fn new(id: Option<String>) -> Self {
        Group {
            id,
            ..Group::default()
        }
    }

    fn add(&mut self, line: u64, row: Result<Row, Rejection>) {
        if self.count == 0 {
            self.first_line = line;
        }
        self.last_line = line;
        self.count += 1;
        match row {
            Err(why) => self.damaged.push(why),
            Ok(row) if self.rows.len() < MAX_ROWS_PER_HOUSEHOLD => self.rows.push(row),
            Ok(_) if self.count == MAX_ROWS_PER_HOUSEHOLD as u64 + 1 => {
                let msg = format!("more than {MAX_ROWS_PER_HOUSEHOLD} rows for one household");
                let fix = "check the household_id column: each household needs its own id";
                self.damaged.push(Rejection::new(line, msg, fix));
            }
            Ok(_) => {}
        }
    }
}

/// Gathers consecutive rows with the same id into households, as the lines stream past.
pub struct Grouper {
    header: Header,
    current: Option<Group>,
    /// Unreadable rows with no id, held until the next row shows whose they probably are.
    pending: Vec<(u64, Rejection)>,
}

impl Grouper {
    pub fn new(header: Header) -> Self {
        Grouper {
            header,
            current: None,
            pending: Vec::new(),
        }
    }

    #[cfg(test)]
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// Take one line; households it completes go to `done`. False for a line that holds no
    /// row: blank, or commas only.
    pub fn push(&mut self, line: &Line, done: &mut Vec<Group>) -> bool {
        let Some((id, row)) = self.classify(line) else {
            return false;
        };
        let Some(id) = id else {
            let why = row.err().unwrap_or_else(|| no_id(line.number));
            self.pending.push((line.number, why));
            return true;
        };
        let same = self
            .current
            .as_ref()
            .is_some_and(|g| g.id.as_deref() == Some(id.as_str()));
        if !same {
            self.flush_pending(done);
            done.extend(self.current.take());
        }
        let group = self.current.get_or_insert_with(|| Group::new(Some(id)));
        // An unreadable row between two rows of one household is most likely one of its own.
        for (n, why) in self.pending.drain(..) {
            group.add(n, Err(why));
        }
        group.add(line.number, row);
        true
    }

    /// The last household, and any unreadable rows after it.
    pub fn finish(&mut self, done: &mut Vec<Group>) {
        done.extend(self.current.take());
        self.flush_pending(done);
    }

    fn flush_pending(&mut self, done: &mut Vec<Group>) {
        for (n, why) in self.pending.drain(..) {
            let mut g = Group::new(None);
            g.add(n, Err(why));
            done.push(g);
        }
    }

    /// The row's household id (when it can be made out) and the row, or why it is unreadable.
    fn classify(&self, line: &Line) -> Option<(Option<String>, Result<Row, Rejection>)> {
        let n = line.number;
        let text = match &line.text {
            Ok(t) => t,
            Err(d) => {
                let id = match d {
                    Damage::NotUtf8 { lossy, .. } => self.rough_id(lossy),
                    Damage::TooLong { .. } => None,
                };
                return Some((id, Err(damaged(n, d))));
            }
        };
        let cells = match split(text) {
            Ok(cells) => cells,
            Err((col, msg)) => return Some((self.rough_id(text), Err(broken_quote(n, col, msg)))),
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            return None;
        }
        let id = cells
            .get(self.header.id)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        let want = self.header.columns.len();
        if cells.len() != want {
            let msg = format!("the row has {} cells; the header has {want}", cells.len());
            let fix = if line.ended {
                "give every row one cell per column, empty cells included"
            } else {
                "the last line has no line end: the file may have been cut short"
            };
            return Some((id, Err(Rejection::new(n, msg, fix))));
        }
        Some((id, Ok(Row { line: n, cells })))
    }

    /// The id cell of a line that could not be split properly, when the damage comes after it.
    fn rough_id(&self, text: &str) -> Option<String> {
        let cell = text.split(',').nth(self.header.id)?.trim();
        let cell = cell
            .strip_prefix('"')
            .and_then(|c| c.strip_suffix('"'))
            .unwrap_or(cell)
            .trim();
        (!cell.is_empty() && !cell.contains('"')).then(|| cell.to_string())
    }
}

fn no_id(line: u64) -> Rejection {
    let fix = "write the household_id on every row of the household";
    Rejection::new(line, "the row has no household_id", fix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(number: u64, text: &str) -> Line {
        Line {
            number,
            text: Ok(text.to_string()),
            ended: true,
        }
    }

    #[test]
    fn cells_split_on_commas_outside_quotes() {
        assert_eq!(
            split("a,\"b,c\",\"d\"\"e\",").unwrap(),
            ["a", "b,c", "d\"e", ""]
        );
        assert_eq!(split("").unwrap(), [""]);
        assert_eq!(split("a,\"bc").unwrap_err().0, 3);
        assert_eq!(split("\"a\"b,c").unwrap_err().0, 4);
    }

    #[test]
    fn the_header_names_known_columns() {
        let h = header(&line(1, "household_id,hukou,age,disability_kind")).unwrap();
        assert_eq!(h.columns.len(), 4);
        let bad = header(&line(1, "hukou,agee,age,age")).unwrap_err();
        let text: Vec<_> = bad
            .iter()
            .map(|r| r.display("in.csv").to_string())
            .collect();
        assert!(
            text.iter().any(|t| t.contains("did you mean `age`")),
            "{text:?}"
        );
        assert!(text.iter().any(|t| t.contains("appears twice")), "{text:?}");
        assert!(
            text.iter().any(|t| t.contains("no `household_id`")),
            "{text:?}"
        );
    }

    fn groups(lines: &[&str]) -> Vec<Group> {
        let mut g = Grouper::new(header(&line(1, "household_id,age")).unwrap());
        let mut done = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            g.push(&line(i as u64 + 2, l), &mut done);
        }
        g.finish(&mut done);
        done
    }

    #[test]
    fn consecutive_rows_make_a_household() {
        let got = groups(&["H1,40", "H1,12", "", ",", "H2,70"]);
        let shape: Vec<_> = got.iter().map(|g| (g.id.clone(), g.count)).collect();
        assert_eq!(shape, [(Some("H1".into()), 2), (Some("H2".into()), 1)]);
        assert_eq!((got[0].first_line, got[0].last_line), (2, 3));
    }

    #[test]
    fn an_unreadable_row_spoils_the_household_it_sits_in() {
        let got = groups(&["H1,40", "\"broken,12", "H1,12", "H2,\"7", "H3,1"]);
        assert_eq!(got[0].count, 3);
        assert_eq!(got[0].damaged.len(), 1);
        assert_eq!(got[1].id.as_deref(), Some("H2"));
        assert_eq!(got[1].damaged.len(), 1);
        assert_eq!(got[2].id.as_deref(), Some("H3"));
        assert!(got[2].damaged.is_empty());
    }

    #[test]
    fn a_short_last_line_says_the_file_may_be_cut() {
        let mut g = Grouper::new(header(&line(1, "household_id,age,sex")).unwrap());
        let mut done = Vec::new();
        let cut = Line {
            ended: false,
            ..line(2, "H1,4")
        };
        g.push(&cut, &mut done);
        g.finish(&mut done);
        assert!(done[0].damaged[0].fix.contains("cut short"));
    }
}
