//! A household profile: the facts a clerk or a resident gives about one household.
//!
//! The format is the design contract's (YAML or JSON). A missing field means "unknown", never
//! "no": the rules turn unknown facts into questions instead of refusals. Every key and value is
//! checked against the fact table, and all problems in a file are reported together, each with
//! its line and column. The profile is personal data: nothing here writes it anywhere.

use std::fmt;

use crate::facts::{self, Fact, Kind, Scope};
use crate::problem::{Problem, Problems, suggest};
use crate::text::Num;
pub use crate::values::{FactValue, Facts};
use crate::yaml::{self, Doc, Mapping, Value};

/// Profiles are a few hundred bytes; anything near this size is not a profile.
pub const MAX_PROFILE_BYTES: usize = 256 * 1024;

/// One member of the household.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Member {
    pub name: Option<String>,
    pub facts: Facts,
}

/// A household: its own facts and, when given, its members.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Household {
    pub facts: Facts,
    /// `None` when the profile says nothing about members.
    pub members: Option<Vec<Member>>,
}

impl Household {
    pub fn get(&self, key: &str) -> Option<&FactValue> {
        self.facts.get(key)
    }

    /// Whether the household holds a recognised status such as `dibao`.
    pub fn has_status(&self, status: &str) -> Option<bool> {
        match self.facts.of(facts::status()) {
            Some(FactValue::Set(s)) => Some(s.iter().any(|x| x == status)),
            _ => None,
        }
    }
}

impl Member {
    pub fn get(&self, key: &str) -> Option<&FactValue> {
        self.facts.get(key)
    }

    /// How a reason names this person: the name when given, else relation and age.
    pub fn describe(&self) -> String {
        self.described().to_string()
    }

    /// [`Member::describe`] written straight into a formatter.
    pub fn described(&self) -> impl fmt::Display + '_ {
        Described(self)
    }

    /// The name when given, else the relation in plain words.
    pub fn who(&self) -> String {
        self.who_str().to_string()
    }

    /// [`Member::who`] without a copy.
    pub fn who_str(&self) -> &str {
        match (&self.name, self.get("relation")) {
            (Some(n), _) => n,
            (None, Some(FactValue::Word(r))) => relation_word(r, &self.facts),
            _ => "一位家人",
        }
    }
}

struct Described<'a>(&'a Member);

impl fmt::Display for Described<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.0;
        f.write_str(m.who_str())?;
        match m.get("age") {
            Some(FactValue::Num(a)) => write!(f, "（{} 岁）", Num(*a)),
            _ => Ok(()),
        }
    }
}

fn relation_word(rel: &str, facts: &Facts) -> &'static str {
    let old = matches!(facts.get("age"), Some(FactValue::Num(a)) if *a >= 60.0);
    match rel {
        "parent" if old => "家中老人",
        "grandparent" => "家中老人",
        "child" | "grandchild" => "孩子",
        _ => facts::find(Scope::Member, "relation").map_or("家人", |f| f.word(rel)),
    }
}

impl Household {
    /// The household in the profile format, ready to save or to put in a case file.
    pub fn to_value(&self) -> Value {
        let mut map = facts_to_map(&self.facts);
        if let Some(ms) = &self.members {
            let list = ms.iter().map(Member::to_value).collect();
            map.insert("members".into(), Value::Sequence(list));
        }
        Value::Mapping(map)
    }

    /// The household as profile YAML.
    pub fn to_yaml(&self) -> String {
        yaml::to_string(&self.to_value())
    }
}

impl Member {
    fn to_value(&self) -> Value {
        let mut plain = self.facts.clone();
        let disabled = plain.remove("disabled");
        let grade = plain.remove("disability_grade");
        let kind = plain.remove("disability_kind");
        let mut map = Mapping::new();
        if let Some(n) = &self.name {
            map.insert("name".into(), Value::String(n.clone()));
        }
        map.extend(facts_to_map(&plain));
        let disability = match (disabled, grade, kind) {
            (Some(FactValue::Bool(false)), ..) => Some(Value::String("none".into())),
            (Some(FactValue::Bool(true)), g, k) => {
                let mut d = Mapping::new();
                if let Some(FactValue::Num(g)) = g {
                    d.insert("grade".into(), Value::Number((g as u64).into()));
                }
                if let Some(FactValue::Word(k)) = k {
                    d.insert("kind".into(), Value::String(k));
                }
                Some(if d.is_empty() {
                    Value::Bool(true)
                } else {
                    Value::Mapping(d)
                })
            }
            _ => None,
        };
        if let Some(d) = disability {
            map.insert("disability".into(), d);
        }
        Value::Mapping(map)
    }
}

fn facts_to_map(facts: &Facts) -> Mapping {
    // Keys in the order of the fact table, as a person reads a profile.
    let mut map = Mapping::new();
    for f in facts::FACTS {
        let Some(v) = facts.of(f) else { continue };
        let value = match v {
            FactValue::Bool(b) => Value::Bool(*b),
            FactValue::Num(n) if n.fract() == 0.0 => Value::Number((*n as i64).into()),
            FactValue::Num(n) => Value::Number((*n).into()),
            FactValue::Word(w) => Value::String(w.clone()),
            FactValue::Set(s) => {
                Value::Sequence(s.iter().map(|w| Value::String(w.clone())).collect())
            }
            FactValue::Absent => continue,
        };
        map.insert(f.key.into(), value);
    }
    map
}

/// Member keys that are not facts of their own.
const MEMBER_EXTRA: &[&str] = &["name", "disability"];
/// Member facts that the profile writes inside `disability`.
pub(crate) const DISABILITY_PARTS: &[&str] = &["disabled", "disability_grade", "disability_kind"];

/// Read a profile from text; `file` names it in messages.
pub fn parse(file: &str, src: &str) -> Result<Household, Problems> {
    let doc = yaml::parse(file, src, MAX_PROFILE_BYTES).map_err(|p| Problems(vec![p]))?;
    from_doc(&doc, &[])
}

/// Read a profile from a parsed document, allowing the extra top-level keys named (the batch
/// input adds `household_id` and `received`).
pub fn from_doc(doc: &Doc, extra: &[&str]) -> Result<Household, Problems> {
    let mut out = Vec::new();
    let Some(map) = doc.value.as_mapping() else {
        let p = doc.problem(
            "",
            "a profile must be a set of `key: value` lines",
            EXAMPLE_FIX,
        );
        return Err(Problems(vec![p]));
    };
    let household = read_household(doc, map, extra, &mut out);
    if out.is_empty() {
        Ok(household)
    } else {
        Err(Problems(out))
    }
}

const EXAMPLE_FIX: &str = "start from an example in tests/households/ or the README";

fn read_household(doc: &Doc, map: &Mapping, extra: &[&str], out: &mut Vec<Problem>) -> Household {
    let mut h = Household::default();
    for (k, v) in map {
        let Some(key) = key_str(doc, "", k, out) else {
            continue;
        };
        if key == "members" {
            h.members = read_members(doc, v, out);
        } else if extra.contains(&key) {
            continue;
        } else if let Some(fact) = facts::find(Scope::Household, key) {
            if let Some(val) = read_value(doc, || key, fact, v, out) {
                h.facts.insert(fact.key, val);
            }
        } else {
            let mut known = facts::keys(Scope::Household);
            known.push("members");
            known.extend(extra);
            out.push(unknown_key(doc, key, key, &known));
        }
    }
    h
}

fn key_str<'a>(doc: &Doc, base: &str, k: &'a Value, out: &mut Vec<Problem>) -> Option<&'a str> {
    let s = k.as_str();
    if s.is_none() {
        out.push(doc.problem(base, "a key must be a word", "write keys as plain words"));
    }
    s
}

fn unknown_key(doc: &Doc, path: &str, key: &str, known: &[&str]) -> Problem {
    Problem::at(
        &doc.file,
        doc.key_pos(path),
        format!("unknown key `{key}`"),
        suggest(key, known),
    )
}

fn read_members(doc: &Doc, v: &Value, out: &mut Vec<Problem>) -> Option<Vec<Member>> {
    if v.is_null() {
        return None;
    }
    let Some(seq) = v.as_sequence() else {
        let fix = "write members as a list, one `- relation: ...` entry per person";
        out.push(doc.problem("members", "`members` must be a list", fix));
        return None;
    };
    let members = seq
        .iter()
        .enumerate()
        .map(|(i, m)| read_member(doc, i, m, out))
        .collect();
    Some(members)
}

fn read_member(doc: &Doc, i: usize, v: &Value, out: &mut Vec<Problem>) -> Member {
    let base = format!("members[{i}]");
    let mut m = Member::default();
    let Some(map) = v.as_mapping() else {
        let fix = "write each member as `- {relation: self, age: 45}`";
        out.push(doc.problem(&base, "a member must be a set of `key: value` pairs", fix));
        return m;
    };
    for (k, v) in map {
        let Some(key) = key_str(doc, &base, k, out) else {
            continue;
        };
        let path = || format!("{base}.{key}");
        match key {
            "name" => m.name = read_name(doc, &path(), v, out),
            "disability" => read_disability(doc, &path(), v, &mut m, out),
            _ => match facts::find(Scope::Member, key)
                .filter(|f| !DISABILITY_PARTS.contains(&f.key))
            {
                Some(fact) => {
                    if let Some(val) = read_value(doc, path, fact, v, out) {
                        m.facts.insert(fact.key, val);
                    }
                }
                None => out.push(unknown_key(doc, &path(), key, &member_keys())),
            },
        }
    }
    m
}

fn member_keys() -> Vec<&'static str> {
    let mut keys: Vec<_> = facts::keys(Scope::Member)
        .into_iter()
        .filter(|k| !DISABILITY_PARTS.contains(k))
        .collect();
    keys.extend(MEMBER_EXTRA);
    keys
}

fn read_name(doc: &Doc, path: &str, v: &Value, out: &mut Vec<Problem>) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => {
            out.push(doc.problem(
                path,
                "`name` must be text",
                "write the name, or leave it out",
            ));
            None
        }
    }
}

fn read_disability(doc: &Doc, path: &str, v: &Value, m: &mut Member, out: &mut Vec<Problem>) {
    let none = matches!(v, Value::Bool(false)) || matches!(v.as_str(), Some("none" | "no"));
    if v.is_null() {
        return;
    }
    if none {
        m.facts.insert("disabled", FactValue::Bool(false));
        m.facts.insert("disability_grade", FactValue::Absent);
        m.facts.insert("disability_kind", FactValue::Absent);
        return;
    }
    m.facts.insert("disabled", FactValue::Bool(true));
    if matches!(v, Value::Bool(true)) {
        return;
    }
    let Some(map) = v.as_mapping() else {
        let fix = "write `disability: {grade: 2, kind: physical}`, or `disability: none`";
        out.push(doc.problem(path, "`disability` must be `none` or a grade and kind", fix));
        return;
    };
    for (k, val) in map {
        let Some(key) = key_str(doc, path, k, out) else {
            continue;
        };
        let sub = format!("{path}.{key}");
        let fact_key = match key {
            "grade" => "disability_grade",
            "kind" => "disability_kind",
            _ => {
                out.push(unknown_key(doc, &sub, key, &["grade", "kind"]));
                continue;
            }
        };
        let fact = facts::find(Scope::Member, fact_key).expect("disability facts are in the table");
        if let Some(x) = read_value(doc, || sub, fact, val, out) {
            m.facts.insert(fact.key, x);
        }
    }
}

/// Check one value against its fact; `None` (with a problem pushed) when it does not fit, and
/// `None` without a problem when it is null, which means unknown.
fn read_value<P: AsRef<str>>(
    doc: &Doc,
    path: impl FnOnce() -> P,
    fact: &Fact,
    v: &Value,
    out: &mut Vec<Problem>,
) -> Option<FactValue> {
    if v.is_null() {
        return None;
    }
    let result = match fact.kind {
        Kind::Bool { .. } => v.as_bool().map(FactValue::Bool).ok_or_else(|| {
            (
                format!("`{}` must be true or false", fact.key),
                "write true or false".to_string(),
            )
        }),
        Kind::Number { min, max, unit } => read_number(fact, v, min, max, unit),
        Kind::Choice(_) => read_word(fact, v).map(FactValue::Word),
        Kind::Set(_) => read_set(fact, v),
        Kind::Text => v
            .as_str()
            .map(|s| FactValue::Word(s.to_string()))
            .ok_or_else(|| {
                (
                    format!("`{}` must be text", fact.key),
                    "write it as text".to_string(),
                )
            }),
    };
    result
        .map_err(|(msg, fix)| out.push(doc.problem(path().as_ref(), msg, fix)))
        .ok()
}

fn read_number(
    fact: &Fact,
    v: &Value,
    min: f64,
    max: f64,
    unit: &str,
) -> Result<FactValue, (String, String)> {
    let Some(n) = v.as_f64() else {
        return Err((
            format!("`{}` must be a number", fact.key),
            format!("write a number of {unit}"),
        ));
    };
    if !(min..=max).contains(&n) {
        let msg = format!(
            "`{}` is {n}, outside the allowed range {min}-{max} {unit}",
            fact.key
        );
        return Err((msg, format!("write a value from {min} to {max}")));
    }
    Ok(FactValue::Num(n))
}

fn read_word(fact: &Fact, v: &Value) -> Result<String, (String, String)> {
    if let Some(s) = v.as_str()
        && fact.choices().iter().any(|c| c.key == s)
    {
        return Ok(s.to_string());
    }
    let keys: Vec<&str> = fact.choices().iter().map(|c| c.key).collect();
    match v.as_str() {
        Some(s) => Err((format!("`{}` cannot be `{s}`", fact.key), suggest(s, &keys))),
        None => Err((
            format!("`{}` must be one word", fact.key),
            suggest("", &keys),
        )),
    }
}

fn read_set(fact: &Fact, v: &Value) -> Result<FactValue, (String, String)> {
    let items: Vec<&Value> = match v {
        Value::Sequence(s) => s.iter().collect(),
        other => vec![other],
    };
    let words = items
        .into_iter()
        .map(|x| read_word(fact, x))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(FactValue::Set(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_are_unknown() {
        let h = parse("p.yaml", "hukou: local\n").unwrap();
        assert_eq!(h.get("hukou"), Some(&FactValue::Word("local".into())));
        assert_eq!(h.get("income_per_capita_monthly"), None);
        assert!(h.members.is_none());
    }

    #[test]
    fn members_and_disability() {
        let src = "members:
  - {relation: self, age: 45, disability: {grade: 2, kind: physical}}
  - {relation: child, age: 9, disability: none}
";
        let h = parse("p.yaml", src).unwrap();
        let m = h.members.unwrap();
        assert_eq!(m[0].get("disability_grade"), Some(&FactValue::Num(2.0)));
        assert_eq!(m[1].get("disabled"), Some(&FactValue::Bool(false)));
        assert_eq!(m[1].get("disability_grade"), Some(&FactValue::Absent));
        assert_eq!(m[0].describe(), "本人（45 岁）");
    }

    #[test]
    fn every_problem_is_reported_with_its_place() {
        let src = "hukuo: local
income_per_capita_monthly: -5
members:
  - age: 140
    disability: {grade: 7}
    sex: woman
";
        let err = parse("p.yaml", src).unwrap_err();
        let text = err.to_string();
        assert_eq!(err.0.len(), 5, "{text}");
        assert!(text.contains("p.yaml:1:1: unknown key `hukuo`"), "{text}");
        assert!(text.contains("did you mean `hukou`"), "{text}");
        assert!(text.contains("p.yaml:2:28"), "{text}");
        assert!(text.contains("0-130"), "{text}");
        assert!(text.contains("1-4"), "{text}");
        assert!(
            text.contains("did you mean `female`") || text.contains("female"),
            "{text}"
        );
    }

    #[test]
    fn profiles_survive_a_round_trip() {
        let src = "hukou: local
status: [dibao]
income_per_capita_monthly: 900.5
members:
  - {relation: self, name: 王阿姨, age: 45, disability: {grade: 2, kind: physical}}
  - {relation: child, age: 9, disability: none}
";
        let h = parse("p.yaml", src).unwrap();
        let again = parse("p.yaml", &h.to_yaml()).unwrap();
        assert_eq!(h, again);
    }

    #[test]
    fn json_profiles_are_read() {
        let h = parse("p.json", r#"{"hukou": "outside", "members": [{"age": 3}]}"#).unwrap();
        assert_eq!(h.members.unwrap().len(), 1);
    }
}
