//! JSON Lines batch input: one household profile per line, with its `household_id`.
//!
//! JSON is YAML, so each line goes through the same profile checks as a profile file, and its
//! problems read the same, with the column inside the line. The one addition is the batch keys
//! (see [`super::record`]). A line is judged on its own: a bad line never affects the others.
//!
//! The YAML reader also records the position of every node, which costs more than the rest of
//! reading a line; a batch of a million lines needs positions only for its few bad lines. So a
//! line is first read straight into a record ([`super::quick_json`]), then, when that reader does
//! not find it plainly right, as plain JSON without positions, and only when that line has a
//! problem is it read again by the YAML reader, so the message is exactly the one a profile
//! file gets.

use super::quick_json as quick;
use super::record::{self, BATCH_KEYS, Record, Rejection};
use crate::catalog::Catalog;
use crate::profile::{self, MAX_PROFILE_BYTES};
use crate::yaml::{self, Doc, Value};

/// What one line gave: the household, or why it was left out. The id is kept whenever it can
/// be read, so that a later line with the same id is still caught as a duplicate.
#[derive(Debug)]
pub struct Parsed {
    pub id: Option<String>,
    pub result: Result<Record, Vec<Rejection>>,
}

/// Read the profile on line `line` of the input named `input`. `blank` is an empty profile
/// document naming the input.
pub fn parse_line(cat: &Catalog, blank: &Doc, line: u64, text: &str) -> Parsed {
    if let Some(record) = quick::read(cat, text) {
        return Parsed {
            id: Some(record.id.clone()),
            result: Ok(record),
        };
    }
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        let mut doc = blank.clone();
        doc.value = value;
        let fast = read(cat, &doc, line);
        if fast.result.is_ok() {
            return fast;
        }
    }
    match yaml::parse(&blank.file, text, MAX_PROFILE_BYTES) {
        Ok(doc) => read(cat, &doc, line),
        Err(p) => rejected(None, vec![Rejection::from_problem(line, p)]),
    }
}

/// The record in a parsed line, or every problem with it.
fn read(cat: &Catalog, doc: &Doc, line: u64) -> Parsed {
    let Some(map) = doc.value.as_mapping() else {
        let r = Rejection::new(
            line,
            "a line must hold one JSON object, {\"household_id\": ..., ...}",
            "write each household as one JSON object on one line",
        );
        return rejected(None, vec![r]);
    };
    let mut out = Vec::new();
    let id = match record::household_id(map.get("household_id")) {
        Ok(id) => Some(id),
        Err((msg, fix)) => {
            out.push(Rejection::new(line, msg, fix));
            None
        }
    };
    let received = record::received(cat, map.get("received")).unwrap_or_else(|bad| {
        out.extend(bad.into_iter().map(|(m, f)| Rejection::new(line, m, f)));
        Vec::new()
    });
    let household = profile::from_doc(doc, BATCH_KEYS).map_err(|ps| {
        out.extend(ps.0.into_iter().map(|p| Rejection::from_problem(line, p)));
    });
    match (id, household) {
        (Some(id), Ok(household)) if out.is_empty() => Parsed {
            id: Some(id.clone()),
            result: Ok(Record {
                id,
                household,
                received,
            }),
        },
        (id, _) => rejected(id, out),
    }
}

fn rejected(id: Option<String>, why: Vec<Rejection>) -> Parsed {
    Parsed {
        id,
        result: Err(why),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{self, Source};
    use crate::yaml::Value;

    fn cat() -> Catalog {
        catalog::load(&Source::bundled()).unwrap()
    }

    fn parse_line(cat: &Catalog, input: &str, line: u64, text: &str) -> Parsed {
        super::parse_line(cat, &yaml::parse(input, "{}", 16).unwrap(), line, text)
    }

    #[test]
    fn a_good_line_is_a_record() {
        let line = r#"{"household_id": "H1", "hukou": "local", "received": ["dibao"]}"#;
        let p = parse_line(&cat(), "in.jsonl", 3, line);
        let r = p.result.unwrap();
        assert_eq!(
            (r.id.as_str(), r.received.as_slice()),
            ("H1", &["dibao".to_string()][..])
        );
    }

    #[test]
    fn problems_name_the_line_and_column() {
        let line = r#"{"household_id": 7, "hukuo": "local", "received": ["dibaoo"]}"#;
        let p = parse_line(&cat(), "in.jsonl", 12, line);
        assert_eq!(p.id.as_deref(), Some("7"));
        let why = p.result.unwrap_err();
        let text: Vec<String> = why
            .iter()
            .map(|r| r.display("in.jsonl").to_string())
            .collect();
        assert!(
            text.iter().any(|t| t.contains("did you mean `dibao`")),
            "{text:?}"
        );
        let key = text
            .iter()
            .find(|t| t.contains("unknown key `hukuo`"))
            .unwrap();
        assert!(key.starts_with("in.jsonl:12:21: "), "{key}");
    }

    #[test]
    fn plain_json_reads_as_the_yaml_reader_reads_it() {
        let cat = cat();
        let lines = [
            r#"{"household_id": "H1", "income_per_capita_monthly": 900.5, "status": []}"#,
            r#"{"household_id": 12, "members": [{"name": "王\"阿姨\"", "disability": "none"}]}"#,
            r#"{"household_id": 3, "members": [{"disability": {"grade": 2, "kind": "mental"}}]}"#,
        ];
        for line in lines {
            let doc = yaml::parse("in", line, 1000).unwrap();
            let slow = read(&cat, &doc, 1).result.unwrap();
            assert_eq!(
                parse_line(&cat, "in", 1, line).result.unwrap(),
                slow,
                "{line}"
            );
        }
    }

    /// The full reader's record for a line (JSON read as YAML, with positions).
    fn full(cat: &Catalog, line: &str) -> Option<Record> {
        let doc = yaml::parse("in", line, MAX_PROFILE_BYTES).ok()?;
        read(cat, &doc, 1).result.ok()
    }

    #[test]
    fn the_quick_reader_reads_every_suite_household_as_the_full_reader_does() {
        let cat = cat();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/households");
        let mut read_quickly = 0;
        for (i, entry) in std::fs::read_dir(dir).unwrap().enumerate() {
            let path = entry.unwrap().path();
            let src = std::fs::read_to_string(&path).unwrap();
            let h = crate::cases::parse_household("case", &src).unwrap();
            let mut value = h.to_value();
            let map = value.as_mapping_mut().unwrap();
            map.insert("household_id".into(), format!(" H{i} ").into());
            map.insert("received".into(), vec![Value::from("dibao")].into());
            let line = serde_json::to_string(&value).unwrap();
            let quick = quick::read(&cat, &line);
            assert_eq!(quick, full(&cat, &line), "{}", path.display());
            read_quickly += usize::from(quick.is_some());
        }
        assert!(read_quickly >= 40, "{read_quickly}");
    }

    #[test]
    fn the_quick_reader_leaves_every_doubtful_line_to_the_full_reader() {
        let cat = cat();
        let good = [
            r#"{"household_id": 7, "status": "dibao", "received": "dibao", "members": null}"#,
            r#"{"household_id": "H\u0031", "town": "娄桥街道", "hardship": []}"#,
            r#"{"household_id": "H1", "members": [{"disability": true, "name": null}]}"#,
            r#"{"household_id": "H1", "members": [{"disability": false, "age": 0}]}"#,
            r#"{"household_id": "H1", "members": [{"disability": "no", "student": null}]}"#,
        ];
        for line in good {
            let quick = quick::read(&cat, line);
            assert!(quick.is_some(), "{line}");
            assert_eq!(quick, full(&cat, line), "{line}");
        }
        let doubtful = [
            r#"{"hukou": "local"}"#,
            r#"{"household_id": "", "hukou": "local"}"#,
            r#"{"household_id": 1.5}"#,
            r#"{"household_id": "H1", "hukuo": "local"}"#,
            r#"{"household_id": "H1", "hukou": "locale"}"#,
            r#"{"household_id": "H1", "hukou": "local", "hukou": "outside"}"#,
            r#"{"household_id": "H1", "received": ["dibaoo"]}"#,
            r#"{"household_id": "H1", "received": [1]}"#,
            r#"{"household_id": "H1", "income_per_capita_monthly": -1}"#,
            r#"{"household_id": "H1", "income_per_capita_monthly": "900"}"#,
            r#"{"household_id": "H1", "status": ["dibao", "rich"]}"#,
            r#"{"household_id": "H1", "members": {"age": 3}}"#,
            r#"{"household_id": "H1", "members": [{"age": 131}]}"#,
            r#"{"household_id": "H1", "members": [{"disabled": true}]}"#,
            r#"{"household_id": "H1", "members": [{"disability": "yes"}]}"#,
            r#"{"household_id": "H1", "members": [{"disability": {"grade": 5}}]}"#,
            r#"{"household_id": "H1", "members": [{"name": "  "}]}"#,
            r#"{"household_id": "H1", "members": [{"age": 3, "age": 4}]}"#,
            r#"{"household_id": "H1"} trailing"#,
            r#"{"household_id": "H1""#,
        ];
        for line in doubtful {
            assert_eq!(quick::read(&cat, line), None, "{line}");
        }
    }

    #[test]
    fn a_record_needs_an_id_and_an_object() {
        let p = parse_line(&cat(), "in", 1, r#"{"hukou": "local"}"#);
        assert!(
            p.result.unwrap_err()[0]
                .message
                .contains("no `household_id`")
        );
        let p = parse_line(&cat(), "in", 1, r#"[1, 2]"#);
        assert!(p.result.unwrap_err()[0].message.contains("one JSON object"));
        let p = parse_line(&cat(), "in", 1, r#"{"household_id": "H1", "hukou": "lo"#);
        assert!(p.result.unwrap_err()[0].message.contains("not valid YAML"));
    }
}
