//! A quick reader for CSV households that are plainly right.
//!
//! The full reader ([`super::table`]) rewrites each household's cells as a profile document and
//! runs the profile parser on it, so that a problem reads as it would in a profile file. That
//! costs more than judging the household. This reader turns the cells straight into facts with
//! the same checks; anything doubtful gives `None`, and the full reader then reads the
//! household again and says exactly what is wrong.

use super::csv::{Column, Group, Header, Row};
use super::record::{self, Record};
use crate::catalog::Catalog;
use crate::facts::{self, Fact, Kind, Scope};
use crate::profile::{FactValue, Facts, Household, Member};

/// The household in `g`, when all of its rows are plainly right.
pub fn read(cat: &Catalog, header: &Header, g: &Group) -> Option<Record> {
    if !g.damaged.is_empty() || g.rows.is_empty() {
        return None;
    }
    let id = g.id.clone()?;
    record::check_id(&id).ok()?;
    let mut facts = Facts::default();
    let mut received = Vec::new();
    for (i, col) in header.columns.iter().enumerate() {
        match col {
            Column::Household(fact) => {
                if let Some(cell) = agreed(&g.rows, i)? {
                    facts.insert(fact.key, value(fact, cell)?);
                }
            }
            Column::Received => {
                for item in agreed(&g.rows, i)?.map(words).into_iter().flatten() {
                    cat.item(item)?;
                    received.push(item.to_string());
                }
            }
            _ => {}
        }
    }
    let mut members = Vec::new();
    for row in &g.rows {
        if let Some(m) = member(header, row)? {
            members.push(m);
        }
    }
    Some(Record {
        id,
        household: Household {
            facts,
            members: (!members.is_empty()).then_some(members),
        },
        received,
    })
}

/// The one value the rows give column `i`: `Some(None)` when every cell is empty, `None` when
/// two rows disagree.
fn agreed(rows: &[Row], i: usize) -> Option<Option<&str>> {
    let mut first = None;
    for row in rows {
        let cell = row.cells.get(i)?.trim();
        match first {
            _ if cell.is_empty() => {}
            None => first = Some(cell),
            Some(v) if v == cell => {}
            Some(_) => return None,
        }
    }
    Some(first)
}

/// The member on a row (`Ok(None)` when the row says nothing about one), or `None` when a
/// cell does not fit.
fn member(header: &Header, row: &Row) -> Option<Option<Member>> {
    let mut m = Member::default();
    let mut said = false;
    let (mut grade, mut kind) = ("", "");
    for (i, col) in header.columns.iter().enumerate() {
        let cell = row.cells.get(i)?.trim();
        if cell.is_empty() {
            continue;
        }
        match col {
            Column::Name => m.name = Some(cell.to_string()),
            Column::Member(fact) => {
                m.facts.insert(fact.key, value(fact, cell)?);
            }
            Column::DisabilityGrade => grade = cell,
            Column::DisabilityKind => kind = cell,
            _ => continue,
        }
        said = true;
    }
    match (grade, kind) {
        ("", "") => {}
        ("", "none") => {
            m.facts.insert("disabled", FactValue::Bool(false));
            m.facts.insert("disability_grade", FactValue::Absent);
            m.facts.insert("disability_kind", FactValue::Absent);
        }
        (_, "none") => return None,
        _ => {
            m.facts.insert("disabled", FactValue::Bool(true));
            for (key, cell) in [("disability_grade", grade), ("disability_kind", kind)] {
                if !cell.is_empty() {
                    let fact = facts::find(Scope::Member, key)?;
                    m.facts.insert(fact.key, value(fact, cell)?);
                }
            }
        }
    }
    Some(said.then_some(m))
}

/// A cell as the value of `fact`, when it is one.
fn value(fact: &Fact, cell: &str) -> Option<FactValue> {
    let word = |w: &str| {
        fact.choices()
            .iter()
            .any(|c| c.key == w)
            .then(|| w.to_string())
    };
    match fact.kind {
        Kind::Bool { .. } => {
            let is = |words: [&str; 4]| words.iter().any(|w| w.eq_ignore_ascii_case(cell));
            if is(["true", "yes", "1", "是"]) {
                Some(FactValue::Bool(true))
            } else if is(["false", "no", "0", "否"]) {
                Some(FactValue::Bool(false))
            } else {
                None
            }
        }
        Kind::Number { min, max, .. } => {
            let n = cell.parse::<f64>().ok()?;
            (n.is_finite() && (min..=max).contains(&n)).then_some(FactValue::Num(n))
        }
        Kind::Set(_) if cell == "none" => Some(FactValue::Set(Vec::new())),
        Kind::Set(_) => words(cell)
            .map(word)
            .collect::<Option<Vec<_>>>()
            .map(FactValue::Set),
        Kind::Choice(_) => word(cell).map(FactValue::Word),
        Kind::Text => Some(FactValue::Word(cell.to_string())),
    }
}

/// Words separated by `;`, `；` or `|`.
fn words(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', '；', '|'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
}
