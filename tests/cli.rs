//! The command line as a user and a script see it: every command, text and JSON, and bad input.

mod common;

use std::fs;

use common::{path_str, root, run};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let r = run(args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).expect("valid JSON")
}

fn case(name: &str) -> String {
    root()
        .join("tests/households")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn stats_json_has_the_contract_keys() {
    let v = json(&["stats", "--format", "json"]);
    for key in [
        "items",
        "categories",
        "agencies",
        "social_orgs",
        "by_category",
    ] {
        assert!(v.get(key).is_some(), "missing {key}: {v}");
    }
    assert_eq!(v["categories"], 7);
    assert_eq!(v["by_category"].as_object().unwrap().len(), 7);
    let text = run(&["stats"]);
    assert!(text.stdout.contains("救助保障"));
}

#[test]
fn list_filters_and_reports_unknown_names() {
    let all = json(&["list", "--format", "json"]);
    let first = &all[0];
    for key in ["id", "name", "category", "provider", "summary"] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    let some = json(&["list", "--category", "救助保障", "--format", "json"]);
    assert!(
        some.as_array()
            .unwrap()
            .iter()
            .all(|i| i["category"] == "救助保障")
    );
    let by_provider = json(&["list", "--provider", "minzheng", "--format", "json"]);
    assert!(
        by_provider
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["id"] == "dibao")
    );
    let bad = run(&["list", "--category", "救助保障障"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("did you mean `救助保障`"),
        "{}",
        bad.stderr
    );
}

#[test]
fn show_prints_the_plain_page_and_the_verdict() {
    let r = run(&["show", "dibao"]);
    assert_eq!(r.code, 0);
    for part in [
        "最低生活保障",
        "【能得到什么】",
        "【怎么申请】",
        "【要带的材料】",
        "12349",
        "名词解释",
    ] {
        assert!(r.stdout.contains(part), "page lacks {part}:\n{}", r.stdout);
    }
    let v = json(&["show", "dibao", "--format", "json"]);
    assert_eq!(v["id"], "dibao");
    assert!(v["apply"].as_array().unwrap().len() >= 2);
    let with = run(&[
        "show",
        "dibao",
        "--profile",
        &case("01-dibao-father-teen.yaml"),
    ]);
    assert!(with.stdout.contains("【本户情况】符合"), "{}", with.stdout);
    let v = json(&[
        "show",
        "dibao",
        "--profile",
        &case("01-dibao-father-teen.yaml"),
        "--format",
        "json",
    ]);
    assert_eq!(v["verdict"]["status"], "eligible");
    let bad = run(&["show", "diba"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("did you mean `dibao`"),
        "{}",
        bad.stderr
    );
}

#[test]
fn match_orders_results_and_explains() {
    let v = json(&[
        "match",
        "--profile",
        &case("01-dibao-father-teen.yaml"),
        "--format",
        "json",
    ]);
    let results = v["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let rank = |s: &str| {
        ["eligible", "maybe", "ineligible"]
            .iter()
            .position(|x| *x == s)
            .unwrap()
    };
    let ranks: Vec<usize> = results
        .iter()
        .map(|r| rank(r["status"].as_str().unwrap()))
        .collect();
    assert!(
        ranks.windows(2).all(|w| w[0] <= w[1]),
        "not ordered: {ranks:?}"
    );
    for r in results {
        for key in [
            "id", "name", "category", "provider", "status", "reasons", "missing",
        ] {
            assert!(r.get(key).is_some(), "missing {key}");
        }
    }
    let dibao = results.iter().find(|r| r["id"] == "dibao").unwrap();
    assert_eq!(dibao["status"], "eligible");
    assert!(
        dibao["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s.as_str().unwrap().contains("低保"))
    );
}

#[test]
fn an_empty_profile_makes_everything_a_question_not_a_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty.yaml");
    fs::write(&p, "{}\n").unwrap();
    let v = json(&["match", "--profile", path_str(&p), "--format", "json"]);
    let dibao = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "dibao")
        .unwrap()
        .clone();
    assert_eq!(dibao["status"], "maybe");
    assert!(!dibao["missing"].as_array().unwrap().is_empty());
}

#[test]
fn validate_accepts_the_bundled_catalog() {
    let r = run(&["validate"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("no problems"));
    let r = run(&["validate", path_str(&root().join("catalog"))]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

const BROKEN_ITEMS: &str = r#"items:
  - id: one
    name: 第一项
    category: 救助保障
    provider: minzheng
    summary: 一句话。
    description: 说明。
    benefit: {text: 钱, amount: -5}
    who: 人。
    eligibility: {fact: incom, below: 5}
    apply: [去办]
    documents: []
    where: 窗口
    processing: 一天
    basis: 某条例
    keywords: [钱]
    reviewed: "2026-12-01"
  - id: one
    name: 重复
    category: 救助保障
    provider: minzheng
    summary: 一句话。
    description: 说明。
    benefit: {text: 钱}
    who: 人。
    eligibility: {everyone: true}
    apply: [去办]
    documents: []
    where: 窗口
    processing: 一天
    basis: 某条例
    keywords: [钱]
    reviewed: "2026-12-01"
  - id: two
    name: ""
    category: 救助保章
    provider: nobody
    summary: 一句话。
    description: 说明。
    benefit: {text: 钱}
    who: 人。
    eligibility: {member: {fact: age, at_least: {standard: nothing}}}
    apply: [去办]
    documents: []
    where: 窗口
    processing: 一天
    basis: 某条例
    keywords: [钱]
    reviewed: "2026-12-01"
    colour: red
"#;

#[test]
fn a_broken_catalog_lists_every_problem_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("items")).unwrap();
    fs::copy(
        root().join("catalog/catalog.yaml"),
        dir.path().join("catalog.yaml"),
    )
    .unwrap();
    fs::write(dir.path().join("items/a.yaml"), BROKEN_ITEMS).unwrap();
    fs::write(
        dir.path().join("items/b.yaml"),
        "items:\n  - id: x\n   name: bad indent\n",
    )
    .unwrap();
    let r = run(&["validate", path_str(dir.path())]);
    assert_eq!(r.code, 1);
    let a = format!("{}/items/a.yaml", dir.path().display());
    let b = format!("{}/items/b.yaml", dir.path().display());
    let line_of = |needle: &str, nth: usize| {
        let found = BROKEN_ITEMS
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains(needle))
            .nth(nth);
        found
            .map(|(i, _)| i + 1)
            .expect("the needle is in the text")
    };
    let expected = [
        (
            format!("{a}:{}:", line_of("amount: -5", 0)),
            "negative amount",
        ),
        (
            format!("{a}:{}:", line_of("incom", 0)),
            "unknown fact `incom`",
        ),
        (
            format!("{a}:{}:", line_of("id: one", 1)),
            "id `one` is used twice",
        ),
        (
            format!("{a}:{}:5", line_of("colour", 0)),
            "unknown key `colour`",
        ),
        (format!("{b}:3:"), "not valid YAML"),
    ];
    for (place, what) in expected {
        let line = r
            .stderr
            .lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| {
                panic!("no message about {what}:\n{}", r.stderr);
            });
        assert!(
            line.starts_with(&place),
            "{what} should be at {place}, got {line}"
        );
    }
    // The item with an unknown key is decoded no further; its other faults show once it is fixed.
    let fixed = BROKEN_ITEMS.replace("    colour: red\n", "");
    fs::write(dir.path().join("items/a.yaml"), fixed).unwrap();
    let r = run(&["validate", path_str(dir.path())]);
    for what in [
        "`name` is empty",
        "unknown category `救助保章`",
        "unknown provider `nobody`",
        "unknown standard `nothing`",
    ] {
        let line = r.stderr.lines().find(|l| l.contains(what));
        let line = line.unwrap_or_else(|| panic!("no message about {what}:\n{}", r.stderr));
        assert!(line.starts_with(&format!("{a}:")), "{line}");
    }
    assert!(r.stderr.contains("how to fix"));
}

#[test]
fn a_missing_catalog_folder_is_one_clear_message() {
    let r = run(&["--catalog", "/nonexistent/folder", "list"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no catalog.yaml"), "{}", r.stderr);
}

fn bad_profile(name: &str, text: &str, expect: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    fs::write(&p, text).unwrap();
    let r = run(&["match", "--profile", path_str(&p)]);
    assert_eq!(r.code, 1, "{name} should be refused");
    for e in expect {
        assert!(
            r.stderr.contains(e),
            "{name}: expected {e} in:\n{}",
            r.stderr
        );
    }
    assert!(r.stderr.contains(name), "the message names the file");
}

#[test]
fn bad_profiles_name_the_field_and_the_range() {
    bad_profile(
        "typo.yaml",
        "hukou: local\nincom: 5\n",
        &["2:1", "unknown key `incom`"],
    );
    bad_profile(
        "age.yaml",
        "members:\n  - {age: 131}\n",
        &["`age` is 131", "0-130"],
    );
    bad_profile("age2.yaml", "members:\n  - {age: -1}\n", &["`age` is -1"]);
    bad_profile(
        "grade.yaml",
        "members:\n  - {disability: {grade: 5}}\n",
        &["1-4"],
    );
    bad_profile(
        "income.json",
        r#"{"income_per_capita_monthly": -100}"#,
        &["income_per_capita_monthly"],
    );
    bad_profile(
        "status.yaml",
        "status: [dibaoo]\n",
        &["did you mean `dibao`"],
    );
    bad_profile("list.yaml", "- a\n- b\n", &["key: value"]);
    bad_profile("syntax.yaml", "hukou: [local\n", &["not valid YAML"]);
}

#[test]
fn hostile_profiles_are_refused_quickly() {
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..10 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("b{}", i - 1)
        };
        let refs = vec![format!("*{prev}"); 10].join(", ");
        bomb += &format!("b{i}: &b{i} [{refs}]\n");
    }
    bad_profile("bomb.yaml", &bomb, &["bomb.yaml"]);
    let deep = format!("hukou: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    bad_profile("deep.yaml", &deep, &["deep.yaml"]);
    let big = format!("# {}\nhukou: local\n", "x".repeat(50 * 1024 * 1024));
    bad_profile("big.yaml", &big, &["bytes"]);
    let missing = run(&["match", "--profile", "/nonexistent/profile.yaml"]);
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("/nonexistent/profile.yaml"));
}

#[test]
fn no_command_prints_a_hint_and_wrong_usage_exits_2() {
    let r = run(&[]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("policy-toolbox show"));
    assert_eq!(run(&["frobnicate"]).code, 2);
    assert_eq!(run(&["match"]).code, 2);
}
