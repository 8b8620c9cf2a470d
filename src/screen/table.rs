//! A household from its CSV rows, read by the profile parser.
//!
//! The cells are rewritten as the profile format would state them (a number, true or false, a
//! list) and handed to [`profile::from_doc`], so range checks, suggestions and the wording of
//! problems are those of a profile file. Household cells are read one piece per line and
//! member cells one row at a time, so each problem names the line it is on. A household with
//! any problem is left out whole: screening it without one of its members would mislead.

use std::collections::BTreeMap;

use super::csv::{Column, Group, Header, Row};
use super::record::{self, Record, Rejection};
use crate::catalog::Catalog;
use crate::facts::{self, Fact, Kind, Scope};
use crate::problem::Problems;
use crate::profile::{self, Facts, Household, Member};
use crate::yaml::{Doc, Mapping, Value};

/// Read the household in `g`. `blank` is an empty profile document naming the input file.
pub fn household(
    cat: &Catalog,
    header: &Header,
    blank: &Doc,
    g: Group,
) -> Result<Record, Vec<Rejection>> {
    let mut out = g.damaged;
    let Some(id) = g.id.filter(|_| !g.rows.is_empty()) else {
        return Err(out);
    };
    if let Err(msg) = record::check_id(&id) {
        let fix = "give every household a short id, such as H0001";
        out.push(Rejection::new(g.first_line, msg, fix));
    }
    let (facts, received) = household_facts(cat, header, blank, &g.rows, &mut out);
    let members: Vec<Member> = g
        .rows
        .iter()
        .filter_map(|row| member(header, row, blank, &mut out))
        .collect();
    if !out.is_empty() {
        return Err(out);
    }
    let household = Household {
        facts,
        members: (!members.is_empty()).then_some(members),
    };
    Ok(Record {
        id,
        household,
        received,
    })
}

fn household_facts(
    cat: &Catalog,
    header: &Header,
    blank: &Doc,
    rows: &[Row],
    out: &mut Vec<Rejection>,
) -> (Facts, Vec<String>) {
    let mut facts = Facts::default();
    let mut received = Vec::new();
    for (line, mut map) in household_cells(header, rows, out) {
        if let Some(v) = map.remove("received") {
            received = record::received(cat, Some(&v)).unwrap_or_else(|bad| {
                out.extend(bad.into_iter().map(|(m, f)| Rejection::new(line, m, f)));
                Vec::new()
            });
        }
        if let Some(h) = read(blank, line, Value::Mapping(map), out) {
            facts.extend(h.facts);
        }
    }
    (facts, received)
}

/// Run the profile parser on a piece of profile built from the cells of line `line`.
fn read(blank: &Doc, line: u64, value: Value, out: &mut Vec<Rejection>) -> Option<Household> {
    let mut doc = blank.clone();
    doc.value = value;
    match profile::from_doc(&doc, &[]) {
        Ok(h) => Some(h),
        Err(Problems(ps)) => {
            out.extend(
                ps.into_iter()
                    .map(|p| Rejection::new(line, p.message, p.fix)),
            );
            None
        }
    }
}

/// The household columns as profile maps, by the line each value was first written on. A
/// later row may leave a household cell empty or repeat it, not contradict it.
fn household_cells(
    header: &Header,
    rows: &[Row],
    out: &mut Vec<Rejection>,
) -> BTreeMap<u64, Mapping> {
    let mut by_line: BTreeMap<u64, Mapping> = BTreeMap::new();
    for (i, col) in header.columns.iter().enumerate() {
        let fact = match col {
            Column::Household(f) => Some(*f),
            Column::Received => None,
            _ => continue,
        };
        let name = &header.names[i];
        let Some((line, cell)) = agreed(name, rows, i, out) else {
            continue;
        };
        let value = fact.map_or_else(|| list(cell), |f| cell_value(f, cell));
        by_line
            .entry(line)
            .or_default()
            .insert(Value::from(name.as_str()), value);
    }
    by_line
}

/// The first non-empty cell of column `i` and its line; a different value later is a problem.
fn agreed<'r>(
    name: &str,
    rows: &'r [Row],
    i: usize,
    out: &mut Vec<Rejection>,
) -> Option<(u64, &'r str)> {
    let mut first: Option<(u64, &str)> = None;
    for row in rows {
        let cell = row.cells[i].trim();
        match first {
            _ if cell.is_empty() => {}
            None => first = Some((row.line, cell)),
            Some((_, v)) if v == cell => {}
            Some((at, v)) => out.push(Rejection::new(
                row.line,
                format!("`{name}` is `{cell}` here but `{v}` on line {at}"),
                "the rows of one household must agree on its household columns",
            )),
        }
    }
    first
}

/// The member on one row, or `None` when the row states nothing about a member.
fn member(header: &Header, row: &Row, blank: &Doc, out: &mut Vec<Rejection>) -> Option<Member> {
    let mut map = Mapping::new();
    let (mut grade, mut kind) = ("", "");
    for (i, col) in header.columns.iter().enumerate() {
        let cell = row.cells[i].trim();
        let key = || Value::from(header.names[i].as_str());
        match col {
            _ if cell.is_empty() => {}
            Column::Name => {
                map.insert(key(), Value::from(cell));
            }
            Column::Member(fact) => {
                map.insert(key(), cell_value(fact, cell));
            }
            Column::DisabilityGrade => grade = cell,
            Column::DisabilityKind => kind = cell,
            _ => {}
        }
    }
    match disability(grade, kind) {
        Ok(Some(v)) => {
            map.insert(Value::from("disability"), v);
        }
        Ok(None) => {}
        Err((msg, fix)) => out.push(Rejection::new(row.line, msg, fix)),
    }
    if map.is_empty() {
        return None;
    }
    let mut doc = Mapping::new();
    let members = Value::Sequence(vec![Value::Mapping(map)]);
    doc.insert(Value::from("members"), members);
    read(blank, row.line, Value::Mapping(doc), out)?
        .members?
        .pop()
}

/// The profile's `disability` from its two cells: `none`, or a grade and a kind.
fn disability(grade: &str, kind: &str) -> Result<Option<Value>, (String, String)> {
    match (grade, kind) {
        ("", "") => Ok(None),
        ("", "none") => Ok(Some(Value::from("none"))),
        (_, "none") => Err((
            "`disability_kind` is none but `disability_grade` is given".into(),
            "leave disability_grade empty when there is no disability".into(),
        )),
        _ => {
            let mut m = Mapping::new();
            if let (false, Some(f)) = (
                grade.is_empty(),
                facts::find(Scope::Member, "disability_grade"),
            ) {
                m.insert(Value::from("grade"), cell_value(f, grade));
            }
            if !kind.is_empty() {
                m.insert(Value::from("kind"), Value::from(kind));
            }
            Ok(Some(Value::Mapping(m)))
        }
    }
}

/// A cell as a profile would state the fact. What does not fit is passed on as text, so the
/// profile parser words the problem as it does for a profile file.
fn cell_value(fact: &Fact, cell: &str) -> Value {
    match fact.kind {
        Kind::Bool { .. } => match cell.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" | "是" => Value::Bool(true),
            "false" | "no" | "0" | "否" => Value::Bool(false),
            _ => Value::from(cell),
        },
        Kind::Number { .. } => match cell.parse::<f64>() {
            Ok(n) if n.is_finite() => Value::from(n),
            _ => Value::from(cell),
        },
        Kind::Set(_) if cell == "none" => Value::Sequence(Vec::new()),
        Kind::Set(_) => list(cell),
        Kind::Choice(_) | Kind::Text => Value::from(cell),
    }
}

/// Words separated by `;`, `；` or `|`.
fn list(cell: &str) -> Value {
    let words = cell
        .split([';', '；', '|'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(Value::from)
        .collect();
    Value::Sequence(words)
}

#[cfg(test)]
mod tests {
    use super::super::csv::{Grouper, header};
    use super::super::lines::Line;
    use super::*;
    use crate::catalog::{self, Source};
    use crate::profile::FactValue;
    use crate::yaml;

    fn read_csv(text: &str) -> Vec<Result<Record, Vec<Rejection>>> {
        let cat = catalog::load(&Source::bundled()).unwrap();
        let blank = yaml::parse("in.csv", "{}", 16).unwrap();
        let (header, groups) = groups(text);
        groups
            .into_iter()
            .map(|grp| household(&cat, &header, &blank, grp))
            .collect()
    }

    fn groups(text: &str) -> (Header, Vec<Group>) {
        let lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, t)| Line {
                number: i as u64 + 1,
                text: Ok(t.to_string()),
                ended: true,
            })
            .collect();
        let mut g = Grouper::new(header(&lines[0]).unwrap());
        let mut done = Vec::new();
        for l in &lines[1..] {
            g.push(l, &mut done);
        }
        g.finish(&mut done);
        (g.header().clone(), done)
    }

    #[test]
    fn the_quick_reader_agrees_with_the_full_reader() {
        let cat = catalog::load(&Source::bundled()).unwrap();
        let blank = yaml::parse("in.csv", "{}", 16).unwrap();
        let text = "household_id,hukou,status,hardship,received,assets_within_limit,\
                    relation,name,age,disability_grade,disability_kind,care_needs,student\n\
                    H1,local,dibao;tekun,none,dibao|med-aid,yes,self,王 芳,70,,none,否,\n\
                    H1,,,,,,child,,9,2,intellectual,TRUE,primary\n\
                    H1,local,,,,,,,,,,,\n\
                    H2,outside,,illness,,0,spouse,,41,,,,none\n\
                    H3,,,,,,,,,,physical,,\n\
                    H4,local,,,,,,,,,,,\n\
                    H5,local,dibao,,dibao,1,self,,200,,,,\n\
                    H6,local,rich,,,,self,,40,,,,\n\
                    H7,local,,,nothing,,self,,40,,,,\n\
                    H8,local,,,,maybe,self,,40,,,,\n\
                    H9,local,,,,,self,,40,3,none,,\n\
                    H10,local,,,,,self,,40,,,,\n\
                    H10,outside,,,,,child,,4,,,,\n";
        let (header, groups) = groups(text);
        let mut quick = 0;
        for g in groups {
            let id = g.id.clone();
            let fast = super::super::quick_csv::read(&cat, &header, &g);
            let full = household(&cat, &header, &blank, g).ok();
            assert_eq!(fast, full, "{id:?}");
            quick += usize::from(fast.is_some());
        }
        // H1 to H4 are right; H5 to H10 each have a problem for the full reader to report.
        assert_eq!(quick, 4);
    }

    #[test]
    fn cells_become_facts() {
        let got = read_csv(
            "household_id,hukou,status,received,relation,age,\
             disability_grade,disability_kind,care_needs\n\
             H1,local,dibao;tekun,dibao,self,70,,none,否\n\
             H1,,,,child,9,2,intellectual,TRUE\n",
        );
        let r = got[0].as_ref().unwrap();
        let set = FactValue::Set(vec!["dibao".into(), "tekun".into()]);
        assert_eq!(r.household.get("status"), Some(&set));
        assert_eq!(r.received, ["dibao"]);
        let m = r.household.members.as_ref().unwrap();
        assert_eq!(m[0].get("disability_grade"), Some(&FactValue::Absent));
        assert_eq!(m[1].get("disability_grade"), Some(&FactValue::Num(2.0)));
        assert_eq!(m[1].get("care_needs"), Some(&FactValue::Bool(true)));
    }

    #[test]
    fn problems_name_their_row() {
        let got = read_csv(
            "household_id,hukou,income_per_capita_monthly,relation,age\n\
             H1,local,900,self,40\n\
             H1,local,1200,child,abc\n\
             H2,locall,,self,30\n",
        );
        let why = got[0].as_ref().unwrap_err();
        let text: Vec<_> = why
            .iter()
            .map(|r| r.display("in.csv").to_string())
            .collect();
        assert!(text[0].starts_with("in.csv:3: `income_per_capita_monthly` is `1200` here"));
        assert!(
            text[1].starts_with("in.csv:3: `age` must be a number"),
            "{text:?}"
        );
        let why = got[1].as_ref().unwrap_err();
        assert!(
            why[0]
                .display("in.csv")
                .to_string()
                .contains("did you mean `local`")
        );
    }

    #[test]
    fn a_household_without_member_cells_has_unknown_members() {
        let got = read_csv("household_id,hukou,age\nH1,outside,\n");
        assert!(got[0].as_ref().unwrap().household.members.is_none());
    }
}
