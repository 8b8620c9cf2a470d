//! The household profile form: which rows it shows and how each row edits the household.
//!
//! Rows are derived from the household every time (household facts, then each member's), so
//! adding or removing a member needs no bookkeeping. Choices and yes/no cycle with ←/→ through
//! "unknown" and their values; lists (statuses, hardships) toggle one option at a time; numbers
//! and names are typed. Every change goes straight into the [`Household`], and the verdicts
//! follow on the next draw.

use crate::facts::{self, Fact, Kind, Scope};
use crate::profile::{FactValue, Household, Member};
use crate::text::num;

/// What a row edits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Field {
    /// The heading of a member's block.
    Header,
    Fact(&'static Fact),
    Name,
    /// Disability grade, with "none" meaning no disability at all.
    DisabilityGrade,
    DisabilityKind,
}

/// One row: whose field it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row {
    /// `None` for the household, `Some(i)` for member `i`.
    pub member: Option<usize>,
    pub field: Field,
}

/// Member facts the form shows as the two disability rows instead.
const DISABILITY: &[&str] = &["disabled", "disability_grade", "disability_kind"];

/// The rows for this household, in order.
pub fn rows(h: &Household) -> Vec<Row> {
    let mut rows: Vec<Row> = facts::FACTS
        .iter()
        .filter(|f| f.scope == Scope::Household)
        .map(|f| Row {
            member: None,
            field: Field::Fact(f),
        })
        .collect();
    for i in 0..h.members.as_ref().map_or(0, Vec::len) {
        let m = Some(i);
        rows.push(Row {
            member: m,
            field: Field::Header,
        });
        rows.push(Row {
            member: m,
            field: Field::Name,
        });
        for f in facts::FACTS.iter().filter(|f| f.scope == Scope::Member) {
            match f.key {
                "disabled" => rows.push(Row {
                    member: m,
                    field: Field::DisabilityGrade,
                }),
                "disability_grade" => rows.push(Row {
                    member: m,
                    field: Field::DisabilityKind,
                }),
                k if DISABILITY.contains(&k) => {}
                _ => rows.push(Row {
                    member: m,
                    field: Field::Fact(f),
                }),
            }
        }
    }
    rows
}

/// How a row's value is typed or chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Cycle,
    Toggle,
    Typed,
    None,
}

impl Row {
    pub fn input(&self) -> Input {
        match self.field {
            Field::Header => Input::None,
            Field::Name => Input::Typed,
            Field::DisabilityGrade | Field::DisabilityKind => Input::Cycle,
            Field::Fact(f) => match f.kind {
                Kind::Number { .. } => Input::Typed,
                Kind::Set(_) => Input::Toggle,
                _ => Input::Cycle,
            },
        }
    }

    /// The label shown on the left.
    pub fn label(&self) -> &'static str {
        match self.field {
            Field::Header => "",
            Field::Name => "姓名",
            Field::DisabilityGrade => "残疾等级",
            Field::DisabilityKind => "残疾类别",
            Field::Fact(f) => f.label,
        }
    }
}

fn member(h: &Household, i: Option<usize>) -> Option<&Member> {
    h.members.as_ref()?.get(i?)
}

fn member_mut(h: &mut Household, i: usize) -> Option<&mut Member> {
    h.members.as_mut()?.get_mut(i)
}

/// The current value of a row as the profile states it.
pub fn value(h: &Household, row: &Row) -> Option<FactValue> {
    let key = match row.field {
        Field::Fact(f) => f.key,
        Field::DisabilityGrade => {
            let m = member(h, row.member)?;
            return match (m.get("disabled"), m.get("disability_grade")) {
                (Some(FactValue::Bool(false)), _) => Some(FactValue::Absent),
                (_, Some(v)) => Some(v.clone()),
                (Some(FactValue::Bool(true)), None) => Some(FactValue::Bool(true)),
                _ => None,
            };
        }
        Field::DisabilityKind => "disability_kind",
        Field::Name => return member(h, row.member)?.name.clone().map(FactValue::Word),
        Field::Header => return None,
    };
    match row.member {
        None => h.get(key).cloned(),
        Some(_) => member(h, row.member)?.get(key).cloned(),
    }
}

/// The value as the form shows it.
pub fn shown(h: &Household, row: &Row, unknown: &str, yes: &str, no: &str) -> String {
    let Some(v) = value(h, row) else {
        return unknown.to_string();
    };
    match (row.field, v) {
        (Field::DisabilityGrade, FactValue::Absent) => "无残疾".to_string(),
        (Field::DisabilityGrade, FactValue::Bool(true)) => "有残疾，等级未知".to_string(),
        (_, FactValue::Absent) => "—".to_string(),
        (_, FactValue::Bool(b)) => if b { yes } else { no }.to_string(),
        (Field::DisabilityGrade, FactValue::Num(n)) => format!("{} 级", num(n)),
        (Field::Fact(f), FactValue::Num(n)) => format!("{} {}", num(n), unit(f)),
        (_, FactValue::Num(n)) => num(n),
        (Field::DisabilityKind, FactValue::Word(w)) => word(facts::DISABILITY_KIND, &w),
        (Field::Fact(f), FactValue::Word(w)) => word(f.choices(), &w),
        (_, FactValue::Word(w)) => w,
        (Field::Fact(f), FactValue::Set(s)) if s.is_empty() => if f.key == "status" {
            "无认定"
        } else {
            "无"
        }
        .to_string(),
        (Field::Fact(f), FactValue::Set(s)) => s
            .iter()
            .map(|k| word(f.choices(), k))
            .collect::<Vec<_>>()
            .join("、"),
        (_, FactValue::Set(s)) => s.join("、"),
    }
}

fn unit(f: &Fact) -> &'static str {
    match f.kind {
        Kind::Number { unit, .. } => unit,
        _ => "",
    }
}

fn word(choices: &[facts::Choice], key: &str) -> String {
    choices
        .iter()
        .find(|c| c.key == key)
        .map_or(key, |c| c.zh)
        .to_string()
}

/// Store `v` (or unknown for `None`) in the row's place.
fn store(h: &mut Household, row: &Row, key: &'static str, v: Option<FactValue>) {
    let facts = match row.member {
        None => &mut h.facts,
        Some(i) => match member_mut(h, i) {
            Some(m) => &mut m.facts,
            None => return,
        },
    };
    match v {
        Some(v) => facts.insert(key, v),
        None => facts.remove(key),
    };
}

/// The values a cycling row steps through, `None` being unknown.
fn steps(h: &Household, row: &Row, towns: &[String]) -> Vec<Option<FactValue>> {
    let mut out = vec![None];
    match row.field {
        Field::DisabilityGrade => {
            out.push(Some(FactValue::Absent));
            out.extend((1..=4).map(|g| Some(FactValue::Num(f64::from(g)))));
        }
        Field::DisabilityKind => {
            out.extend(
                facts::DISABILITY_KIND
                    .iter()
                    .map(|c| Some(FactValue::Word(c.key.into()))),
            );
        }
        Field::Fact(f) => match f.kind {
            Kind::Bool { .. } => {
                out.extend([Some(FactValue::Bool(true)), Some(FactValue::Bool(false))])
            }
            Kind::Choice(cs) => out.extend(cs.iter().map(|c| Some(FactValue::Word(c.key.into())))),
            Kind::Text => out.extend(towns.iter().map(|t| Some(FactValue::Word(t.clone())))),
            _ => {}
        },
        _ => {}
    }
    let _ = h;
    out
}

/// Step a cycling row forward (`dir` > 0) or back.
pub fn cycle(h: &mut Household, row: &Row, dir: i32, towns: &[String]) {
    let options = steps(h, row, towns);
    if options.len() < 2 {
        return;
    }
    let now = value(h, row);
    let at = options.iter().position(|o| *o == now).unwrap_or(0);
    let n = options.len() as i32;
    let next = options[(at as i32 + dir).rem_euclid(n) as usize].clone();
    match row.field {
        Field::DisabilityGrade => set_grade(h, row, next),
        Field::DisabilityKind => store(h, row, "disability_kind", next),
        Field::Fact(f) => store(h, row, f.key, next),
        _ => {}
    }
}

fn set_grade(h: &mut Household, row: &Row, v: Option<FactValue>) {
    let (disabled, grade, kind) = match v {
        None => (None, None, None),
        Some(FactValue::Absent) => (
            Some(FactValue::Bool(false)),
            Some(FactValue::Absent),
            Some(FactValue::Absent),
        ),
        Some(g) => {
            let kind = member(h, row.member)
                .and_then(|m| m.get("disability_kind").cloned())
                .filter(|k| *k != FactValue::Absent);
            (Some(FactValue::Bool(true)), Some(g), kind)
        }
    };
    store(h, row, "disabled", disabled);
    store(h, row, "disability_grade", grade);
    store(h, row, "disability_kind", kind);
}

/// Turn one option of a list row on or off; an unknown list becomes a known one.
pub fn toggle(h: &mut Household, row: &Row, option: usize) {
    let Field::Fact(f) = row.field else { return };
    let Some(choice) = f.choices().get(option) else {
        return;
    };
    let mut set = match value(h, row) {
        Some(FactValue::Set(s)) => s,
        _ => Vec::new(),
    };
    if let Some(at) = set.iter().position(|k| k == choice.key) {
        set.remove(at);
    } else {
        set.push(choice.key.to_string());
    }
    store(h, row, f.key, Some(FactValue::Set(set)));
}

/// Make the row unknown again.
pub fn clear(h: &mut Household, row: &Row) {
    match row.field {
        Field::DisabilityGrade => set_grade(h, row, None),
        Field::DisabilityKind => store(h, row, "disability_kind", None),
        Field::Fact(f) => store(h, row, f.key, None),
        Field::Name => {
            if let Some(m) = row.member.and_then(|i| member_mut(h, i)) {
                m.name = None;
            }
        }
        Field::Header => {}
    }
}

/// The text a typed row starts from.
pub fn typed_text(h: &Household, row: &Row) -> String {
    match value(h, row) {
        Some(FactValue::Num(n)) => num(n).replace(',', ""),
        Some(FactValue::Word(w)) => w,
        _ => String::new(),
    }
}

/// Apply typed text; `Err` says why a number is not accepted (the value becomes unknown).
pub fn apply_typed(h: &mut Household, row: &Row, text: &str) -> Result<(), String> {
    match row.field {
        Field::Name => {
            if let Some(m) = row.member.and_then(|i| member_mut(h, i)) {
                let t = text.trim();
                m.name = (!t.is_empty()).then(|| t.to_string());
            }
            Ok(())
        }
        Field::Fact(f) => {
            let Kind::Number { min, max, unit } = f.kind else {
                return Ok(());
            };
            if text.trim().is_empty() {
                store(h, row, f.key, None);
                return Ok(());
            }
            match text.trim().parse::<f64>() {
                Ok(n) if (min..=max).contains(&n) => {
                    store(h, row, f.key, Some(FactValue::Num(n)));
                    Ok(())
                }
                _ => {
                    store(h, row, f.key, None);
                    Err(format!(
                        "{}：请输入 {} 到 {} {unit} 之间的数",
                        f.label,
                        num(min),
                        num(max)
                    ))
                }
            }
        }
        _ => Ok(()),
    }
}

/// Add a member: the first is the applicant, later ones start with an unknown relation.
pub fn add_member(h: &mut Household) -> usize {
    let members = h.members.get_or_insert_with(Vec::new);
    let mut m = Member::default();
    if members.is_empty() {
        m.facts.insert("relation", FactValue::Word("self".into()));
    }
    members.push(m);
    members.len() - 1
}

/// Remove member `i`; the last one removed leaves members unknown again.
pub fn remove_member(h: &mut Household, i: usize) {
    if let Some(ms) = h.members.as_mut() {
        if i < ms.len() {
            ms.remove(i);
        }
        if ms.is_empty() {
            h.members = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row_of(h: &Household, member: Option<usize>, label: &str) -> Row {
        *rows(h)
            .iter()
            .find(|r| r.member == member && r.label() == label)
            .unwrap()
    }

    #[test]
    fn choices_cycle_through_unknown() {
        let mut h = Household::default();
        let r = row_of(&h, None, "户籍");
        cycle(&mut h, &r, 1, &[]);
        assert_eq!(h.get("hukou"), Some(&FactValue::Word("local".into())));
        cycle(&mut h, &r, 1, &[]);
        assert_eq!(h.get("hukou"), Some(&FactValue::Word("outside".into())));
        cycle(&mut h, &r, 1, &[]);
        assert_eq!(h.get("hukou"), None);
        cycle(&mut h, &r, -1, &[]);
        assert_eq!(h.get("hukou"), Some(&FactValue::Word("outside".into())));
    }

    #[test]
    fn numbers_are_checked_as_typed() {
        let mut h = Household::default();
        let r = row_of(&h, None, "家庭人均月收入");
        assert!(apply_typed(&mut h, &r, "900").is_ok());
        assert_eq!(
            h.get("income_per_capita_monthly"),
            Some(&FactValue::Num(900.0))
        );
        assert!(apply_typed(&mut h, &r, "-5").is_err());
        assert_eq!(h.get("income_per_capita_monthly"), None);
    }

    #[test]
    fn members_and_disability() {
        let mut h = Household::default();
        let i = add_member(&mut h);
        let grade = row_of(&h, Some(i), "残疾等级");
        cycle(&mut h, &grade, 1, &[]);
        let m = &h.members.as_ref().unwrap()[0];
        assert_eq!(m.get("disabled"), Some(&FactValue::Bool(false)));
        cycle(&mut h, &grade, 1, &[]);
        let m = &h.members.as_ref().unwrap()[0];
        assert_eq!(m.get("disability_grade"), Some(&FactValue::Num(1.0)));
        assert_eq!(m.get("disabled"), Some(&FactValue::Bool(true)));
        let age = row_of(&h, Some(i), "年龄");
        apply_typed(&mut h, &age, "83").unwrap();
        assert_eq!(h.members.as_ref().unwrap()[0].describe(), "本人（83 岁）");
        remove_member(&mut h, 0);
        assert!(h.members.is_none());
    }

    #[test]
    fn lists_toggle_options() {
        let mut h = Household::default();
        let r = row_of(&h, None, "已有的困难认定");
        toggle(&mut h, &r, 0);
        assert_eq!(h.get("status"), Some(&FactValue::Set(vec!["dibao".into()])));
        toggle(&mut h, &r, 0);
        assert_eq!(h.get("status"), Some(&FactValue::Set(vec![])));
        clear(&mut h, &r);
        assert_eq!(h.get("status"), None);
    }
}
