//! Search as residents use it: their own words, pinyin, initials and mixed queries must bring
//! the right items to the top three; ranking and highlights follow what a person expects.

mod common;

use policy_toolbox::catalog::{self, Catalog, Source};
use policy_toolbox::search::SearchIndex;

fn setup() -> (Catalog, SearchIndex) {
    let cat = catalog::load(&Source::bundled()).expect("the bundled catalog loads");
    let index = SearchIndex::new(&cat);
    (cat, index)
}

fn top(cat: &Catalog, index: &SearchIndex, q: &str, n: usize) -> Vec<String> {
    index
        .search(q, n)
        .iter()
        .map(|h| cat.items[h.index].id.clone())
        .collect()
}

/// What a resident types, and an item that must be among the first three results.
const TABLE: &[(&str, &str)] = &[
    ("看病", "med-aid"),
    ("住院", "med-mental-inpatient"),
    ("吃药", "health-mental-meds"),
    ("体检", "health-free-checkup"),
    ("低保", "dibao"),
    ("dibao", "dibao"),
    ("yljz", "med-aid"),
    ("yiliao", "med-aid"),
    ("医疗 jz", "med-aid"),
    ("上学", "edu-senior-grant"),
    ("学费", "edu-senior-tuition"),
    ("大学", "edu-university-aid"),
    ("幼儿园", "edu-preschool-fee"),
    ("没工作", "job-difficulty-aid"),
    ("找工作", "job-public-post"),
    ("失业", "job-difficulty-aid"),
    ("开店", "biz-startup-loan"),
    ("贷款", "biz-startup-loan"),
    ("送外卖", "job-new-form-service"),
    ("房子", "housing-public-rental"),
    ("租房", "housing-rent-subsidy"),
    ("房子漏雨", "housing-rural-repair"),
    ("危房", "housing-rural-repair"),
    ("老人", "care-elder-pairing"),
    ("独居", "care-elder-pairing"),
    ("吃饭", "elder-meal-aid"),
    ("孩子", "child-unsupported"),
    ("孤儿", "child-orphan"),
    ("留守", "child-left-behind"),
    ("自闭症", "child-bluelight"),
    ("孤独症", "child-rehab"),
    ("轮椅", "disab-assistive-devices"),
    ("canji", "disab-assistive-devices"),
    ("台风", "aid-disaster"),
    ("火灾", "temp-aid-emergency"),
    ("打官司", "care-legal-aid"),
    ("讨薪", "care-legal-aid"),
    ("宝妈", "women-jobs-training"),
    ("心理", "care-social-worker"),
    ("退伍", "aid-veteran"),
    ("特困", "tekun-support"),
    ("lsjz", "temp-aid-emergency"),
    ("gongzufang", "housing-public-rental"),
    ("jiuye", "job-difficulty-aid"),
    ("红十字", "med-redcross-illness"),
    ("疫情", "aid-pandemic-300"),
    ("520", "care-summer-winter"),
];

#[test]
fn residents_words_find_the_right_items() {
    let (cat, index) = setup();
    assert!(TABLE.len() >= 40);
    let mut wrong = Vec::new();
    for (q, want) in TABLE {
        assert!(cat.item(want).is_some(), "{want} is not in the catalog");
        let got = top(&cat, &index, q, 3);
        if !got.iter().any(|id| id == want) {
            wrong.push(format!(
                "{q}: expected {want} in the top three, got {got:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn ranking_follows_name_then_keyword_then_summary() {
    let (cat, index) = setup();
    let exact = index.search("法律援助", 5);
    assert_eq!(cat.items[exact[0].index].id, "care-legal-aid");
    assert!(exact[0].score >= 1000, "an exact name scores highest");
    // A name that starts with the word beats one that only contains it.
    let hits = index.search("临时救助", 10);
    let first = &cat.items[hits[0].index];
    assert!(first.name.starts_with("临时救助"));
    // Among equal scores the catalog order holds.
    let same: Vec<usize> = hits
        .iter()
        .filter(|h| h.score == hits[0].score)
        .map(|h| h.index)
        .collect();
    assert!(
        same.windows(2).all(|w| w[0] < w[1]),
        "ties keep catalog order"
    );
    // A word found only in summaries ranks below one found in names.
    let scores: Vec<u32> = index.search("医疗", 50).iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn every_word_must_match_and_empty_lists_everything() {
    let (cat, index) = setup();
    let all = index.search("", 1000);
    assert_eq!(all.len(), cat.items.len());
    assert!(
        all.iter().enumerate().all(|(i, h)| h.index == i),
        "catalog order"
    );
    let both = index.search("医疗 残疾", 100);
    assert!(!both.is_empty());
    let one = index.search("医疗", 100).len();
    assert!(both.len() < one, "a second word narrows the results");
    assert!(index.search("zzzzqqq", 10).is_empty());
    assert!(index.search("医疗 zzzzqqq", 10).is_empty());
}

#[test]
fn highlights_light_up_the_matched_characters() {
    let (cat, index) = setup();
    let lit = |q: &str, id: &str| {
        let h = index
            .search(q, 100)
            .into_iter()
            .find(|h| cat.items[h.index].id == id);
        let h = h.unwrap_or_else(|| panic!("{q} finds {id}"));
        let name: Vec<char> = cat.items[h.index].name.chars().collect();
        h.highlights.iter().map(|&i| name[i]).collect::<String>()
    };
    assert_eq!(lit("医疗", "med-aid"), "医疗");
    assert_eq!(lit("yiliao", "med-aid"), "医疗");
    assert_eq!(lit("yljz", "med-aid"), "医疗救助");
    assert_eq!(lit("医疗 jz", "med-aid"), "医疗救助");
    assert_eq!(lit("看病", "med-aid"), "医疗救助");
    assert_eq!(lit("gongzufang", "housing-public-rental"), "公租房");
}

#[test]
fn the_synonyms_file_speaks_for_residents() {
    let (cat, _) = setup();
    assert!(
        cat.synonyms.len() >= 60,
        "only {} synonyms",
        cat.synonyms.len()
    );
    for say in ["看病", "上学", "没工作", "房子", "老人", "孩子"] {
        assert!(
            cat.synonyms.iter().any(|s| s.say == say),
            "no entry for {say}"
        );
    }
}

#[test]
fn the_command_prints_the_contract_json() {
    let r = common::run(&["search", "yljz", "--limit", "2", "--format", "json"]);
    assert_eq!(r.code, 0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["query"], "yljz");
    let results = v["results"].as_array().unwrap();
    assert!(!results.is_empty() && results.len() <= 2);
    for key in ["id", "name", "category", "score"] {
        assert!(results[0].get(key).is_some(), "missing {key}");
    }
    let none = common::run(&["search", "zzzzqqq"]);
    assert_eq!(none.code, 0);
    assert!(none.stdout.contains("没有找到"));
}
