//! Batch screening as the office runs it: both input and output formats, bad rows in the
//! middle of a file, and results that equal `match` for every household of the suite.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{households, path_str, run};
use policy_toolbox::cases;
use policy_toolbox::catalog::{self, Source};
use policy_toolbox::profile::{FactValue, Household};
use policy_toolbox::screen::{JOIN, column_names};
use policy_toolbox::yaml;
use serde_json::{Value, json};

/// The suite's cases: file stem (used as household id), profile as JSON, parsed household.
fn suite() -> Vec<(String, Value, Household)> {
    common::household_files()
        .into_iter()
        .map(|(p, text)| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            let case = cases::parse(&id, &text).unwrap_or_else(|e| panic!("{e}"));
            let doc = yaml::parse(&id, &text, 1 << 20).unwrap();
            let profile = serde_json::to_value(&doc.value["profile"]).unwrap();
            (id, profile, case.profile)
        })
        .collect()
}

/// What `match --format json` says about each case: its eligible and maybe items, in order,
/// as (item id, item name, status, reasons, missing).
fn match_results() -> BTreeMap<String, Vec<Row>> {
    let mut all = BTreeMap::new();
    for (id, _, _) in suite() {
        let file = households().join(format!("{id}.yaml"));
        let r = run(&["match", "--profile", path_str(&file), "--format", "json"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        let rows = v["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["status"] != "ineligible")
            .map(|x| Row {
                item: str_of(&x["id"]),
                name: str_of(&x["name"]),
                status: str_of(&x["status"]),
                reasons: list_of(&x["reasons"]),
                missing: list_of(&x["missing"]),
            })
            .collect();
        all.insert(id, rows);
    }
    all
}

#[derive(Debug, Clone, PartialEq)]
struct Row {
    item: String,
    name: String,
    status: String,
    reasons: Vec<String>,
    missing: Vec<String>,
}

fn str_of(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

fn list_of(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(str_of).collect())
        .unwrap_or_default()
}

fn jsonl_input(received: &BTreeMap<&str, &str>) -> String {
    let mut text = String::new();
    for (id, profile, _) in suite() {
        let mut record = profile.as_object().cloned().unwrap_or_default();
        record.insert("household_id".into(), json!(id));
        if let Some(item) = received.get(id.as_str()) {
            record.insert("received".into(), json!([item]));
        }
        text.push_str(&Value::Object(record).to_string());
        text.push('\n');
    }
    text
}

/// One row per member: the household's cells, then the member's. The CSV columns are those
/// the batch format documents, all of them.
fn csv_input() -> String {
    let columns = column_names();
    let mut text = columns.join(",") + "\n";
    for (id, _, h) in suite() {
        let members = h.members.clone().unwrap_or_default();
        let rows = members.len().max(1);
        for i in 0..rows {
            let m = members.get(i);
            let cells: Vec<String> = columns
                .iter()
                .map(|col| match *col {
                    "household_id" => id.clone(),
                    "received" => String::new(),
                    "name" => m.and_then(|m| m.name.clone()).unwrap_or_default(),
                    "disability_kind" => match m.and_then(|m| m.get("disabled")) {
                        Some(FactValue::Bool(false)) => "none".into(),
                        _ => cell(m.and_then(|m| m.get("disability_kind"))),
                    },
                    key => cell(h.get(key).or_else(|| m.and_then(|m| m.get(key)))),
                })
                .map(|c| quote(&c))
                .collect();
            text.push_str(&cells.join(","));
            text.push('\n');
        }
    }
    text
}

fn cell(v: Option<&FactValue>) -> String {
    match v {
        None | Some(FactValue::Absent) => String::new(),
        Some(FactValue::Bool(b)) => b.to_string(),
        Some(FactValue::Num(n)) => n.to_string(),
        Some(FactValue::Word(w)) => w.clone(),
        Some(FactValue::Set(s)) if s.is_empty() => "none".into(),
        Some(FactValue::Set(s)) => s.join(";"),
    }
}

fn quote(s: &str) -> String {
    if s.contains([',', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A CSV text as rows of cells; quoted cells may hold commas, quotes and line ends.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let (mut row, mut cell) = (Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

/// Output rows by household id, from either output format.
fn by_household(text: &str, jsonl: bool) -> BTreeMap<String, Vec<Row>> {
    let mut out: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    if jsonl {
        for line in text.lines() {
            let v: Value = serde_json::from_str(line).expect("every output line is JSON");
            out.entry(str_of(&v["household_id"]))
                .or_default()
                .push(Row {
                    item: str_of(&v["item_id"]),
                    name: str_of(&v["item_name"]),
                    status: str_of(&v["status"]),
                    reasons: list_of(&v["reasons"]),
                    missing: list_of(&v["missing"]),
                });
        }
        return out;
    }
    let rows = read_csv(text);
    assert_eq!(
        rows[0],
        [
            "household_id",
            "item_id",
            "item_name",
            "status",
            "reasons",
            "missing"
        ]
    );
    let split = |s: &str| -> Vec<String> {
        if s.is_empty() {
            Vec::new()
        } else {
            s.split(JOIN).map(str::to_string).collect()
        }
    };
    for r in &rows[1..] {
        out.entry(r[0].clone()).or_default().push(Row {
            item: r[1].clone(),
            name: r[2].clone(),
            status: r[3].clone(),
            reasons: split(&r[4]),
            missing: split(&r[5]),
        });
    }
    out
}

fn screen(dir: &Path, input: &str, text: &[u8], args: &[&str]) -> common::Run {
    let path = dir.join(input);
    fs::write(&path, text).unwrap();
    let mut all = vec!["screen", path_str(&path)];
    all.extend(args);
    run(&all)
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn both_formats_give_what_match_gives_for_every_household_of_the_suite() {
    let want = match_results();
    let dir = tempfile::tempdir().unwrap();
    let inputs = [
        ("in.jsonl", jsonl_input(&BTreeMap::new())),
        ("in.csv", csv_input()),
    ];
    for (input, text) in &inputs {
        for format in ["csv", "jsonl"] {
            let out = dir.path().join(format!("{input}.out.{format}"));
            let args = ["--format", format, "-o", path_str(&out)];
            let r = screen(dir.path(), input, text.as_bytes(), &args);
            assert_eq!(r.code, 0, "{input} → {format}: {}", r.stderr);
            let got = by_household(&read(&out), format == "jsonl");
            for (id, rows) in &want {
                let none = Vec::new();
                let got_rows = got.get(id).unwrap_or(&none);
                assert_eq!(got_rows, rows, "{input} → {format}: household {id}");
            }
            let n = want.len();
            let balance = format!("households screened {n}");
            assert!(r.stderr.contains(&balance), "{}", r.stderr);
            assert_eq!(read(&beside(&out, ".errors.txt")), "");
        }
    }
}

fn beside(p: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", p.display()))
}

#[test]
fn received_items_are_left_out_and_the_summary_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let first = suite()[0].0.clone();
    let text = jsonl_input(&BTreeMap::from([(first.as_str(), "dibao")]));
    let out = dir.path().join("out.csv");
    let r = screen(
        dir.path(),
        "in.jsonl",
        text.as_bytes(),
        &["-o", path_str(&out)],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let got = by_household(&read(&out), false);
    assert!(!got[&first].iter().any(|row| row.item == "dibao"));
    assert!(
        match_results()[&first]
            .iter()
            .any(|row| row.item == "dibao")
    );
    let summary = read_csv(&read(&beside(&out, ".summary.csv")));
    assert_eq!(summary[0], ["item_id", "item_name", "eligible", "maybe"]);
    let cat = catalog::load(&Source::bundled()).unwrap();
    assert_eq!(
        summary.len(),
        1 + cat.items.len(),
        "one row per catalog item"
    );
    for row in &summary[1..] {
        let rows: Vec<&Row> = got
            .values()
            .flatten()
            .filter(|x| x.item == row[0])
            .collect();
        let eligible = rows.iter().filter(|x| x.status == "eligible").count();
        assert_eq!(row[2], eligible.to_string(), "{}", row[0]);
        assert_eq!(row[3], (rows.len() - eligible).to_string(), "{}", row[0]);
    }
}

/// The problems of an errors file, each with its indented "how to fix" line.
fn entries(text: &str) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for line in text.lines() {
        match all.last_mut() {
            Some(last) if line.starts_with(' ') => last.push_str(line),
            _ => all.push(line.to_string()),
        }
    }
    all
}

const GOOD: &str = r#"{"household_id": "G1", "hukou": "local", "status": ["dibao"]}"#;

#[test]
fn bad_json_lines_are_reported_and_skipped_and_every_row_is_counted() {
    let mut text = Vec::new();
    for line in [
        GOOD,
        r#"{"household_id": "B2", "members": [{"age": "forty"}]}"#,
        "",
        r#"{"household_id": "B4", "hukuo": "local"}"#,
        r#"{"household_id": "G1", "hukou": "outside"}"#,
        r#"{"hukou": "local"}"#,
        r#"{"household_id": "G2", "hukou": "outside", "received": ["dibao"]}"#,
        r#"{"household_id": "B8", "received": ["dibaoo"]}"#,
    ] {
        text.extend_from_slice(line.as_bytes());
        text.push(b'\n');
    }
    text.extend_from_slice(b"{\"household_id\": \"B9\", \"hukou\": \"\xff\xfe\"}\n");
    text.extend_from_slice(
        format!(
            "{{\"household_id\": \"B10\", \"town\": \"{}\"}}\n",
            "x".repeat(300_000)
        )
        .as_bytes(),
    );
    text.extend_from_slice(br#"{"household_id": "G3", "area": "rural"}"#);
    text.push(b'\n');
    text.extend_from_slice(br#"{"household_id": "B12", "hukou": "lo"#);

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let r = screen(
        dir.path(),
        "in.jsonl",
        &text,
        &["--format", "jsonl", "-o", path_str(&out)],
    );
    assert_eq!(r.code, 1, "rows were left out: {}", r.stderr);
    let errors = read(&beside(&out, ".errors.txt"));
    for (line, what) in [
        (2, "`age` must be a number"),
        (4, "unknown key `hukuo`"),
        (5, "household_id `G1` already appeared on line 1"),
        (6, "no `household_id`"),
        (8, "did you mean `dibao`"),
        (9, "not UTF-8"),
        (10, "at most 262144 are read"),
        (12, "not valid YAML"),
        (12, "the last line has no line end"),
    ] {
        let found = entries(&errors)
            .iter()
            .any(|l| l.contains(&format!("/in.jsonl:{line}:")) && l.contains(what));
        assert!(found, "line {line}: {what}\n{errors}");
        assert!(r.stderr.contains(what), "stderr lacks {what}");
    }
    let got = by_household(&read(&out), true);
    assert_eq!(got.keys().collect::<Vec<_>>(), ["G1", "G2", "G3"]);
    assert!(
        r.stderr
            .contains("rows read 11 = households screened 3 + rows rejected 8"),
        "{}",
        r.stderr
    );
}

#[test]
fn bad_csv_rows_are_reported_and_their_households_skipped() {
    let text = "\u{feff}household_id,hukou,income_per_capita_monthly,relation,name,age\r\n\
        H1,local,900,self,\"王, 阿姨\",45\r\n\
        H1,,,child,,9\r\n\
        H2,local,,self,,forty\r\n\
        H2,local,,spouse,,40\r\n\
        H3,local,,self,\"broken,50\r\n\
        H4,outside,800,self,,30\r\n\
        H4,outside,1200,child,,3\r\n\
        H1,local,,self,,45\r\n\
        H5,local,,self,,70\r\n\
        H6,local,,self";
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let r = screen(
        dir.path(),
        "in.csv",
        text.as_bytes(),
        &["-o", path_str(&out)],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let errors = read(&beside(&out, ".errors.txt"));
    for (line, what) in [
        (4, "`age` must be a number"),
        (
            4,
            "household `H2` is left out: all 2 of its rows, lines 4-5",
        ),
        (6, "a quote opened here is never closed"),
        (8, "`income_per_capita_monthly` is `1200` here"),
        (9, "household_id `H1` already appeared on line 2"),
        (11, "the row has 4 cells; the header has 6"),
    ] {
        let found = entries(&errors)
            .iter()
            .any(|l| l.contains(&format!("/in.csv:{line}:")) && l.contains(what));
        assert!(found, "line {line}: {what}\n{errors}");
    }
    assert!(errors.contains("cut short"), "{errors}");
    let got = by_household(&read(&out), false);
    assert_eq!(got.keys().collect::<Vec<_>>(), ["H1", "H5"]);
    let balance = "rows read 10 = rows screened 3 (households screened 2) + rows rejected 7";
    assert!(r.stderr.contains(balance), "{}", r.stderr);
}

#[test]
fn an_unknown_column_stops_the_run_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let text = "household_id,hukou,agee\nH1,local,4\n";
    let r = screen(
        dir.path(),
        "in.csv",
        text.as_bytes(),
        &["-o", path_str(&out)],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("in.csv:1: unknown column `agee`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("did you mean `age`"), "{}", r.stderr);
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "only the input remains: {left:?}");
}

#[test]
fn output_is_replaced_only_with_force_and_never_over_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    fs::write(&out, "keep me").unwrap();
    let line = format!("{GOOD}\n");
    let r = screen(
        dir.path(),
        "in.jsonl",
        line.as_bytes(),
        &["-o", path_str(&out)],
    );
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(read(&out), "keep me");
    let r = screen(
        dir.path(),
        "in.jsonl",
        line.as_bytes(),
        &["-o", path_str(&out), "--force"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(read(&out).starts_with("\u{feff}household_id,item_id"));
    let input = dir.path().join("in.jsonl");
    let r = run(&[
        "screen",
        path_str(&input),
        "-o",
        path_str(&input),
        "--force",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("is the input file"), "{}", r.stderr);
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn without_output_file_results_go_to_stdout_and_problems_to_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{GOOD}\n{{\"household_id\": \"X\", \"age\": 3}}\n");
    let r = screen(
        dir.path(),
        "in.jsonl",
        text.as_bytes(),
        &["--format", "jsonl"],
    );
    assert_eq!(r.code, 1);
    assert!(by_household(&r.stdout, true).contains_key("G1"));
    assert!(r.stderr.contains("/in.jsonl:2:"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("rows read 2 = households screened 1 + rows rejected 1")
    );
}

#[test]
fn empty_and_odd_inputs_are_handled_politely() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("empty.csv", &b""[..]),
        ("blank.jsonl", b"\n\n  \n"),
        ("header-only.csv", b"household_id,age\n"),
    ] {
        let r = screen(dir.path(), name, text, &[]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        assert!(r.stderr.contains("rows read 0 ="), "{name}: {}", r.stderr);
    }
    let r = screen(dir.path(), "bin.dat", b"\x00\x01\xff{{{\n\xc3", &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let r = run(&["screen", path_str(dir.path())]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("is a folder"), "{}", r.stderr);
    let r = run(&["screen", "no/such/file.jsonl"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("cannot read"), "{}", r.stderr);
}
