//! Household cases: a profile plus the statuses a caseworker expects for named items.
//!
//! The files in `tests/households/` are the regression suite of the catalog; the terminal UI
//! can save the household on screen as one. A case file is also accepted wherever a profile
//! is, so `match --profile tests/households/x.yaml` shows what the case is about.

use crate::problem::{Problem, Problems};
use crate::profile::{self, Household, MAX_PROFILE_BYTES};
use crate::verdict::Status;
use crate::yaml::{self, Doc, Value};

/// A household case.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub name: String,
    pub note: Option<String>,
    pub profile: Household,
    /// Item id and expected status, in file order.
    pub expect: Vec<(String, Status)>,
}

const CASE_KEYS: &[&str] = &["name", "note", "profile", "expect"];

/// Whether a parsed document is a case (it has a `profile` key) rather than a bare profile.
pub fn is_case(doc: &Doc) -> bool {
    doc.value
        .as_mapping()
        .is_some_and(|m| m.contains_key("profile"))
}

/// Read a profile file that may be a bare profile or a case.
pub fn parse_household(file: &str, src: &str) -> Result<Household, Problems> {
    let doc = yaml::parse(file, src, MAX_PROFILE_BYTES).map_err(|p| Problems(vec![p]))?;
    if is_case(&doc) {
        from_doc(&doc).map(|c| c.profile)
    } else {
        profile::from_doc(&doc, &[])
    }
}

/// Read a case file.
pub fn parse(file: &str, src: &str) -> Result<Case, Problems> {
    let doc = yaml::parse(file, src, MAX_PROFILE_BYTES).map_err(|p| Problems(vec![p]))?;
    from_doc(&doc)
}

impl Case {
    /// The case as YAML, in the same shape the suite reads.
    pub fn to_yaml(&self) -> String {
        let mut map = yaml::Mapping::new();
        map.insert("name".into(), Value::String(self.name.clone()));
        if let Some(n) = &self.note {
            map.insert("note".into(), Value::String(n.clone()));
        }
        map.insert("profile".into(), self.profile.to_value());
        let mut expect = yaml::Mapping::new();
        for (id, s) in &self.expect {
            expect.insert(
                Value::String(id.clone()),
                Value::String(s.key().to_string()),
            );
        }
        map.insert("expect".into(), Value::Mapping(expect));
        yaml::to_string(&Value::Mapping(map))
    }
}

fn from_doc(doc: &Doc) -> Result<Case, Problems> {
    let mut out = Vec::new();
    let map = doc.value.as_mapping().cloned().unwrap_or_default();
    for k in map
        .keys()
        .filter_map(Value::as_str)
        .filter(|k| !CASE_KEYS.contains(k))
    {
        let fix = crate::problem::suggest(k, CASE_KEYS);
        out.push(Problem::at(
            &doc.file,
            doc.key_pos(k),
            format!("unknown key `{k}`"),
            fix,
        ));
    }
    let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
    let name = text("name").unwrap_or_else(|| {
        out.push(doc.problem(
            "",
            "a case needs a `name`",
            "add `name:` with a short description",
        ));
        String::new()
    });
    let sub = doc.rebased(
        "profile",
        map.get("profile").cloned().unwrap_or(Value::Null),
    );
    let profile = match profile::from_doc(&sub, &[]) {
        Ok(h) => Some(h),
        Err(p) => {
            out.extend(p.0);
            None
        }
    };
    let expect = read_expect(doc, map.get("expect"), &mut out);
    match profile {
        Some(profile) if out.is_empty() => Ok(Case {
            name,
            note: text("note"),
            profile,
            expect,
        }),
        _ => Err(Problems(out)),
    }
}

fn read_expect(doc: &Doc, v: Option<&Value>, out: &mut Vec<Problem>) -> Vec<(String, Status)> {
    let Some(map) = v.and_then(Value::as_mapping) else {
        let fix = "add `expect:` with lines like `dibao: eligible`";
        out.push(doc.problem("", "a case needs an `expect` map", fix));
        return Vec::new();
    };
    let mut list = Vec::new();
    for (k, v) in map {
        let (Some(id), Some(word)) = (k.as_str(), v.as_str()) else {
            continue;
        };
        match Status::parse(word) {
            Some(s) => list.push((id.to_string(), s)),
            None => out.push(doc.problem(
                &format!("expect.{id}"),
                format!("`{word}` is not a status"),
                "write eligible, maybe or ineligible",
            )),
        }
    }
    list
}
