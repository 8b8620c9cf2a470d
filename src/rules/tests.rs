//! Table-driven tests of every rule operator and of the three-valued logic.

use std::collections::BTreeMap;

use super::eval::{Context, Implication, NamedAmount, Outcome, Truth, evaluate};
use super::{Cond, Names, RawRule, compile};
use crate::facts::{self, Scope};
use crate::profile::{self, Household};
use crate::yaml;

fn ctx() -> Context {
    let mut standards = BTreeMap::new();
    let dibao = NamedAmount {
        name: "低保标准".into(),
        amount: 1149.0,
        unit: "元".into(),
    };
    standards.insert("dibao".to_string(), dibao);
    let income = facts::find(Scope::Household, "income_per_capita_monthly").unwrap();
    let rule = rule("{fact: income_per_capita_monthly, below: {standard: dibao}}");
    let Cond::Leaf { test, .. } = rule.cond else {
        panic!("a leaf")
    };
    let implied = vec![Implication {
        status: "dibao".into(),
        status_name: "低保".into(),
        fact: income,
        test,
    }];
    Context {
        standards,
        implied,
        conditions: 0,
    }
}

fn rule(src: &str) -> super::Rule {
    let doc = yaml::parse("r.yaml", src, 10_000).unwrap();
    let raw: RawRule = doc.decode("", &doc.value).unwrap();
    let mut errs = Vec::new();
    let r = compile(
        &raw,
        "",
        &Names {
            standards: &["dibao"],
        },
        &mut errs,
    );
    assert!(errs.is_empty(), "{errs:?}");
    r.unwrap()
}

fn household(src: &str) -> Household {
    profile::parse("p.yaml", src).unwrap()
}

fn run(r: &str, h: &str) -> Outcome {
    evaluate(&rule(r), &household(h), &ctx())
}

use Truth::{Met, NotMet, Unknown};

#[test]
fn each_operator_decides_three_ways() {
    let cases: &[(&str, &str, Truth)] = &[
        ("{fact: hukou, is: local}", "hukou: local", Met),
        ("{fact: hukou, is: local}", "hukou: outside", NotMet),
        ("{fact: hukou, is: local}", "{}", Unknown),
        (
            "{fact: housing, in: [rented, none]}",
            "housing: rented",
            Met,
        ),
        (
            "{fact: housing, in: [rented, none]}",
            "housing: owned",
            NotMet,
        ),
        (
            "{fact: income_per_capita_monthly, below: 1000}",
            "income_per_capita_monthly: 999",
            Met,
        ),
        (
            "{fact: income_per_capita_monthly, below: 1000}",
            "income_per_capita_monthly: 1000",
            NotMet,
        ),
        (
            "{fact: income_per_capita_monthly, at_most: 1000}",
            "income_per_capita_monthly: 1000",
            Met,
        ),
        (
            "{fact: income_per_capita_monthly, at_least: 1000}",
            "income_per_capita_monthly: 1000",
            Met,
        ),
        (
            "{fact: income_per_capita_monthly, above: 1000}",
            "income_per_capita_monthly: 1000",
            NotMet,
        ),
        (
            "{fact: income_per_capita_monthly, below: {standard: dibao, times: 2}}",
            "income_per_capita_monthly: 2000",
            Met,
        ),
        ("{status: [dibao, tekun]}", "status: [tekun]", Met),
        ("{status: [dibao, tekun]}", "status: []", NotMet),
        ("{status: dibao}", "{}", Unknown),
        (
            "{fact: hardship, is: disaster}",
            "hardship: [fire, disaster]",
            Met,
        ),
        (
            "{fact: assets_within_limit, is: true}",
            "assets_within_limit: false",
            NotMet,
        ),
        ("{everyone: true}", "{}", Met),
    ];
    for (r, h, want) in cases {
        assert_eq!(run(r, h).truth, *want, "rule {r} on {h}");
    }
}

#[test]
fn all_any_not_follow_three_valued_logic() {
    let all = "{all: [{fact: hukou, is: local}, {fact: area, is: rural}]}";
    let any = "{any: [{fact: hukou, is: local}, {fact: area, is: rural}]}";
    let cases: &[(&str, &str, Truth)] = &[
        (all, "{hukou: local, area: rural}", Met),
        (all, "{hukou: local}", Unknown),
        (all, "{hukou: outside}", NotMet),
        (any, "{hukou: outside, area: rural}", Met),
        (any, "{area: rural}", Met),
        (any, "{hukou: outside}", Unknown),
        (any, "{hukou: outside, area: urban}", NotMet),
        ("{not: {fact: hukou, is: local}}", "hukou: outside", Met),
        ("{not: {fact: hukou, is: local}}", "hukou: local", NotMet),
        ("{not: {fact: hukou, is: local}}", "{}", Unknown),
    ];
    for (r, h, want) in cases {
        assert_eq!(run(r, h).truth, *want, "rule {r} on {h}");
    }
}

#[test]
fn member_conditions_name_the_member() {
    let r = "{member: {all: [{fact: age, at_least: 80}, {fact: lives_alone, is: true}]}}";
    let o = run(
        r,
        "members: [{relation: self, age: 45}, {relation: parent, age: 83, lives_alone: true}]",
    );
    assert_eq!(o.truth, Met);
    assert!(
        o.reasons.iter().any(|s| s.contains("家中老人（83 岁）")),
        "{o:?}"
    );
    let o = run(
        r,
        "members: [{relation: self, age: 45, lives_alone: false}]",
    );
    assert_eq!(o.truth, NotMet);
    assert!(
        o.reasons
            .iter()
            .any(|s| s.contains("本人 45 岁，低于 80 岁") && s.contains("相差 35 岁")),
        "{o:?}"
    );
    let o = run(r, "members: [{relation: parent, age: 83}]");
    assert_eq!(o.truth, Unknown);
    assert_eq!(o.questions, vec!["家里老人是一个人住吗？".to_string()]);
    let o = run(r, "{}");
    assert_eq!(o.truth, Unknown);
    assert!(!o.questions.is_empty());
}

#[test]
fn reasons_carry_numbers_and_near_misses() {
    let r = "{fact: income_per_capita_monthly, below: {standard: dibao, times: 2}}";
    let o = run(r, "income_per_capita_monthly: 1800");
    assert_eq!(
        o.reasons,
        vec!["家庭人均月收入 1,800 元，低于低保标准的 2 倍（2,298 元）"]
    );
    let o = run(r, "income_per_capita_monthly: 2500");
    assert_eq!(o.truth, NotMet);
    assert!(o.reasons[0].contains("超出 202 元"), "{:?}", o.reasons);
}

#[test]
fn a_status_satisfies_what_it_implies() {
    let r = "{fact: income_per_capita_monthly, below: {standard: dibao, times: 2}}";
    let o = run(r, "status: [dibao]");
    assert_eq!(o.truth, Met);
    assert!(o.reasons[0].starts_with("已认定为低保"), "{:?}", o.reasons);
    let o = run(
        "{fact: income_per_capita_monthly, below: 500}",
        "status: [dibao]",
    );
    assert_eq!(o.truth, Unknown, "低保 does not prove income below 500");
}

#[test]
fn custom_questions_replace_the_fact_question() {
    let r = "{fact: assets_within_limit, is: true, ask: 家里存款超过 5 万元吗？}";
    assert_eq!(
        run(r, "{}").questions,
        vec!["家里存款超过 5 万元吗？".to_string()]
    );
}

#[test]
fn compile_reports_unknown_names() {
    let bad = [
        ("{fact: incom, below: 5}", "unknown fact `incom`"),
        (
            "{fact: age, at_least: 60}",
            "put this test inside `member:`",
        ),
        ("{fact: hukou, is: locl}", "no value `locl`"),
        (
            "{fact: income_per_capita_monthly, below: {standard: dibo}}",
            "unknown standard",
        ),
        ("{fact: income_per_capita_monthly, below: -1}", "negative"),
        ("{fact: hukou, is: local, area: rural}", "unknown field"),
        ("{fact: hukou}", "exactly one comparison"),
        ("{all: []}", "no conditions"),
    ];
    for (src, want) in bad {
        let doc = yaml::parse("r.yaml", src, 10_000).unwrap();
        let text = match doc.decode::<RawRule>("", &doc.value) {
            Err(p) => p.to_string(),
            Ok(raw) => {
                let mut errs = Vec::new();
                compile(
                    &raw,
                    "",
                    &Names {
                        standards: &["dibao"],
                    },
                    &mut errs,
                );
                format!("{errs:?}")
            }
        };
        assert!(
            text.contains(want) || text.contains("unknown key"),
            "{src}: {text}"
        );
    }
}

#[test]
fn equal_conditions_share_a_number() {
    let mut rules = [
        rule("{all: [{fact: hukou, is: local}, {member: {fact: age, at_least: 60}}]}"),
        rule("{any: [{member: {fact: age, at_least: 60}}, {fact: hukou, is: local}]}"),
        rule("{member: {fact: age, at_least: 61}}"),
    ];
    let distinct = super::number(rules.iter_mut());
    let ids = |r: &super::Rule| -> Vec<u32> {
        match &r.cond {
            Cond::All(parts) | Cond::Any(parts) => parts.iter().map(|p| p.id).collect(),
            _ => vec![r.id],
        }
    };
    let (a, b) = (ids(&rules[0]), ids(&rules[1]));
    // The same two parts in the other order, under a different combination.
    assert_eq!((a[0], a[1]), (b[1], b[0]));
    assert_ne!(rules[0].id, rules[1].id);
    assert_ne!(ids(&rules[2])[0], a[1], "61 is not 60");
    // hukou, age 60, member age 60, all, any, age 61, member age 61.
    assert_eq!(distinct, 7);
}
