//! The question flow: skipping, going back, 不清楚, and the promise that matters most: the
//! kiosk never says 符合 or 不符合 where the exact household says the opposite.

use std::collections::BTreeMap;

use super::*;
use crate::catalog::{self, Source};
use crate::profile::{FactValue, Household, Member};
use crate::tui::kiosk::questions::{self, income_edges};
use crate::verdict::assess_item;

fn catalog() -> Catalog {
    catalog::load(&Source::bundled()).expect("the bundled catalog loads")
}

fn key_of(qs: &[Question], w: &Wizard) -> Option<&'static str> {
    w.current.map(|q| qs[q].key)
}

fn answer_key(cat: &Catalog, qs: &[Question], w: &mut Wizard, label: &str) {
    let q = w.current.expect("a question is on screen");
    let a = qs[q]
        .answers
        .iter()
        .position(|a| a.label.zh == label)
        .unwrap_or_else(|| panic!("question {} has no answer {label}", qs[q].key));
    w.answer(cat, qs, a);
}

fn not_sure(cat: &Catalog, qs: &[Question], w: &mut Wizard) {
    answer_key(cat, qs, w, "不清楚");
}

#[test]
fn there_are_at_most_ten_questions_and_each_allows_not_sure() {
    let cat = catalog();
    let qs = questions::all(&cat);
    assert!(qs.len() <= 10);
    for q in &qs {
        let last = q.answers.last().unwrap();
        assert_eq!(last.label.zh, "不清楚", "{}", q.key);
        assert!(last.claims.is_empty() && last.said.is_none(), "{}", q.key);
        assert!(q.answers.len() <= 6, "{} has too many answers", q.key);
    }
}

#[test]
fn not_sure_to_everything_leaves_every_item_open_and_never_ineligible() {
    let cat = catalog();
    let qs = questions::all(&cat);
    let mut w = Wizard::start(&cat, &qs);
    assert_eq!(key_of(&qs, &w), Some("hukou"));
    let mut asked = 0;
    while w.current.is_some() {
        let before = w.judgements().to_vec();
        not_sure(&cat, &qs, &mut w);
        assert_eq!(w.judgements(), before.as_slice(), "不清楚 changed a status");
        asked += 1;
    }
    assert_eq!(
        asked,
        qs.len(),
        "with nothing known, every question matters"
    );
    assert!(
        w.judgements().iter().all(|j| j.status == Status::Maybe),
        "不清楚 must never give 符合 or 不符合"
    );
}

#[test]
fn a_dibao_household_is_not_asked_its_income() {
    let cat = catalog();
    let qs = questions::all(&cat);
    let mut w = Wizard::start(&cat, &qs);
    answer_key(&cat, &qs, &mut w, "是");
    assert_eq!(key_of(&qs, &w), Some("status"));
    answer_key(&cat, &qs, &mut w, "是低保");
    // 低保 already proves an income below every band the rules test.
    assert_eq!(key_of(&qs, &w), Some("elder"));
    let income = qs.iter().position(|q| q.key == "income").unwrap();
    assert!(!w.matters(&cat, &qs, income));
}

#[test]
fn a_household_from_elsewhere_is_asked_less() {
    let cat = catalog();
    let qs = questions::all(&cat);
    let mut w = Wizard::start(&cat, &qs);
    answer_key(&cat, &qs, &mut w, "不是");
    answer_key(&cat, &qs, &mut w, "是特困");
    let mut keys = vec![];
    while let Some(k) = key_of(&qs, &w) {
        keys.push(k);
        w.answer(&cat, &qs, 0);
    }
    assert!(!keys.contains(&"income"), "{keys:?}");
    assert!(
        keys.len() < qs.len() - 2,
        "too little was skipped: {keys:?}"
    );
}

#[test]
fn a_skipped_question_could_not_have_changed_anything() {
    let cat = catalog();
    let qs = questions::all(&cat);
    let mut w = Wizard::start(&cat, &qs);
    answer_key(&cat, &qs, &mut w, "是");
    answer_key(&cat, &qs, &mut w, "是低保");
    let income = qs.iter().position(|q| q.key == "income").unwrap();
    let before = w.judgements().to_vec();
    for a in 0..qs[income].answers.len() {
        let mut given = w.given.clone();
        given.push(Given {
            question: income,
            answer: a,
        });
        let model = super::model(&qs, &given);
        for ((item, j), b) in cat.items.iter().zip(&before).zip(&before) {
            if b.status == Status::Maybe {
                assert_eq!(
                    judge(&cat, item, &model).status,
                    Status::Maybe,
                    "{}",
                    item.id
                );
            }
            let _ = j;
        }
    }
}

#[test]
fn back_returns_to_the_previous_question_asked_and_forgets_its_answer() {
    let cat = catalog();
    let qs = questions::all(&cat);
    let mut w = Wizard::start(&cat, &qs);
    assert!(!w.back(), "there is nothing before the first question");
    answer_key(&cat, &qs, &mut w, "是");
    let after_hukou = w.clone();
    answer_key(&cat, &qs, &mut w, "是低保");
    let status_q = after_hukou.current.unwrap();
    assert_ne!(w.current, Some(status_q));
    assert!(w.back());
    assert_eq!(w.current, Some(status_q));
    assert_eq!(w.previous_answer(status_q), None);
    assert_eq!(
        w, after_hukou,
        "going back restores the state before the answer"
    );
    assert!(w.back());
    assert_eq!(key_of(&qs, &w), Some("hukou"));
    assert!(w.given.is_empty());
}

#[test]
fn back_after_a_skip_goes_to_the_question_asked_not_the_one_skipped() {
    let cat = catalog();
    let qs = questions::all(&cat);
    let mut w = Wizard::start(&cat, &qs);
    answer_key(&cat, &qs, &mut w, "是");
    answer_key(&cat, &qs, &mut w, "是低保");
    assert_eq!(key_of(&qs, &w), Some("elder"));
    assert!(w.back());
    assert_eq!(
        key_of(&qs, &w),
        Some("status"),
        "the skipped income question is not shown"
    );
}

#[test]
fn a_dibao_household_with_an_elder_is_eligible_for_items_that_need_only_that() {
    let cat = catalog();
    let qs = questions::all(&cat);
    let mut w = Wizard::start(&cat, &qs);
    answer_key(&cat, &qs, &mut w, "是");
    answer_key(&cat, &qs, &mut w, "是低保");
    let status_of = |w: &Wizard, id: &str| {
        let i = cat.items.iter().position(|i| i.id == id).unwrap();
        w.judgements()[i].status
    };
    assert_eq!(status_of(&w, "dibao-edge"), Status::Ineligible);
    while w.current.is_some() {
        not_sure(&cat, &qs, &mut w);
    }
    assert!(w.judgements().iter().any(|j| j.status == Status::Eligible));
}

/// Keeping what earlier answers settled is at least as precise as judging afresh: a later
/// "someone" answer adds a person whose age group is open, who does not inherit what was said
/// about a whole group ("18 到 59 岁的人都有工作"), so judging afresh may say 可能符合 where
/// the earlier answers had already settled the item.
#[test]
fn refining_agrees_with_judging_afresh_and_is_never_less_precise() {
    let cat = catalog();
    let qs = questions::all(&cat);
    for seed in 0..12 {
        let (_, answers) = random_household(&cat, &qs, seed);
        let w = run(&cat, &qs, &answers);
        let model = wizard_model(&qs, &w);
        for (item, j) in cat.items.iter().zip(w.judgements()) {
            let fresh = judge(&cat, item, &model).status;
            if fresh != Status::Maybe {
                assert_eq!(fresh, j.status, "seed {seed}, {}", item.id);
            }
        }
    }
}

fn wizard_model(qs: &[Question], w: &Wizard) -> Model {
    super::model(qs, &w.given)
}

/// Answer every question asked the way `answers` says.
fn run(cat: &Catalog, qs: &[Question], answers: &BTreeMap<&str, usize>) -> Wizard {
    let mut w = Wizard::start(cat, qs);
    while let Some(q) = w.current {
        w.answer(cat, qs, answers[qs[q].key]);
    }
    w
}

#[test]
fn the_kiosk_never_contradicts_the_exact_household() {
    let cat = catalog();
    let qs = questions::all(&cat);
    for seed in 0..60 {
        let (h, answers) = random_household(&cat, &qs, seed);
        let w = run(&cat, &qs, &answers);
        for (item, j) in cat.items.iter().zip(w.judgements()) {
            let exact = assess_item(&cat, item, &h).status;
            let clash = matches!(
                (j.status, exact),
                (Status::Eligible, Status::Ineligible) | (Status::Ineligible, Status::Eligible)
            );
            assert!(
                !clash,
                "seed {seed}, {}: kiosk {:?}, exact {:?}\n{h:#?}\n{answers:?}",
                item.id, j.status, exact
            );
        }
    }
}

/// A small deterministic random source.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.roll(xs.len())]
    }
}

fn word(s: &str) -> FactValue {
    FactValue::Word(s.to_string())
}

fn random_member(d: &mut Dice) -> Member {
    let mut m = Member::default();
    let age = [d.roll(18), 18 + d.roll(42), 60 + d.roll(40)][d.roll(3)] as f64;
    m.facts.insert("age", FactValue::Num(age));
    let jobs = [
        "employed",
        "unemployed",
        "flexible",
        "platform",
        "self_employed",
        "farmer",
        "retired",
        "none",
    ];
    m.facts.insert("employment", word(d.pick(&jobs)));
    if d.roll(4) == 0 {
        m.facts.insert("disabled", FactValue::Bool(true));
        let grade = 1 + d.roll(4);
        m.facts
            .insert("disability_grade", FactValue::Num(grade as f64));
        let kinds = ["physical", "visual", "intellectual", "mental", "multiple"];
        m.facts.insert("disability_kind", word(d.pick(&kinds)));
    } else {
        m.facts.insert("disabled", FactValue::Bool(false));
        m.facts.insert("disability_grade", FactValue::Absent);
        m.facts.insert("disability_kind", FactValue::Absent);
    }
    m.facts.insert(
        "illness",
        word(d.pick(&["serious", "chronic", "none", "none"])),
    );
    let school = match age as u32 {
        3..=5 => "preschool",
        6..=11 => "primary",
        12..=14 => "junior",
        15..=17 => d.pick(&["senior", "vocational", "none"]),
        18..=24 => d.pick(&["university", "none"]),
        _ => "none",
    };
    m.facts.insert("student", word(school));
    for (k, v) in [("sex", ["female", "male"]), ("relation", ["self", "child"])] {
        if d.roll(2) == 0 {
            m.facts.insert(k, word(d.pick(&v)));
        }
    }
    for k in [
        "care_needs",
        "orphan",
        "lives_alone",
        "veteran",
        "social_insurance",
    ] {
        if d.roll(2) == 0 {
            m.facts.insert(k, FactValue::Bool(d.roll(2) == 0));
        }
    }
    m
}

/// A household with every fact the kiosk asks, and the answers that describe it.
fn random_household(
    cat: &Catalog,
    qs: &[Question],
    seed: u64,
) -> (Household, BTreeMap<&'static str, usize>) {
    let mut d = Dice(seed * 7919 + 17);
    let mut h = Household::default();
    h.facts
        .insert("hukou", word(d.pick(&["local", "local", "outside"])));
    let named = d.pick(&["dibao", "dibao_edge", "tekun", "", "", ""]);
    let mut status: Vec<String> = Vec::new();
    if !named.is_empty() {
        status.push(named.to_string());
    }
    if d.roll(4) == 0 {
        status.push(
            d.pick(&["low_income_farmer", "hardship_worker"])
                .to_string(),
        );
    }
    h.facts.insert("status", FactValue::Set(status.clone()));
    let income = [300.0, 1500.0, 3000.0, 8000.0][d.roll(4)];
    h.facts
        .insert("income_per_capita_monthly", FactValue::Num(income));
    let hardship = ["illness", "fire", "pandemic", ""][d.roll(4)];
    let hardship: Vec<String> = [hardship]
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.to_string())
        .collect();
    h.facts.insert("hardship", FactValue::Set(hardship.clone()));
    for (k, v) in [
        ("area", ["urban", "rural"]),
        ("housing", ["owned", "rented"]),
    ] {
        if d.roll(2) == 0 {
            h.facts.insert(k, word(d.pick(&v)));
        }
    }
    for k in [
        "assets_within_limit",
        "has_able_supporter",
        "high_necessary_spending",
    ] {
        if d.roll(2) == 0 {
            h.facts.insert(k, FactValue::Bool(d.roll(2) == 0));
        }
    }
    let members: Vec<Member> = (0..1 + d.roll(4)).map(|_| random_member(&mut d)).collect();
    let answers = describe(cat, qs, &h, &members, &status, income, &hardship);
    h.members = Some(members);
    (h, answers)
}

fn num(m: &Member, k: &str) -> f64 {
    match m.get(k) {
        Some(FactValue::Num(n)) => *n,
        _ => -1.0,
    }
}

fn is_word(m: &Member, k: &str, ws: &[&str]) -> bool {
    matches!(m.get(k), Some(FactValue::Word(w)) if ws.contains(&w.as_str()))
}

/// The answers a truthful resident gives for this household.
fn describe(
    cat: &Catalog,
    qs: &[Question],
    h: &Household,
    ms: &[Member],
    status: &[String],
    income: f64,
    hardship: &[String],
) -> BTreeMap<&'static str, usize> {
    let mut a = BTreeMap::new();
    let local = h.get("hukou") == Some(&word("local"));
    a.insert("hukou", usize::from(!local));
    let has = |s: &str| status.iter().any(|x| x == s);
    let st = ["dibao", "dibao_edge", "tekun"].iter().position(|s| has(s));
    a.insert("status", st.unwrap_or(3));
    let band = income_edges(cat).iter().filter(|e| income >= **e).count();
    a.insert("income", band);
    let any = |f: &dyn Fn(&Member) -> bool| ms.iter().any(f);
    a.insert("elder", usize::from(!any(&|m| num(m, "age") >= 60.0)));
    a.insert("child", usize::from(!any(&|m| num(m, "age") < 18.0)));
    let adult = |m: &Member| (18.0..60.0).contains(&num(m, "age"));
    let work = if !any(&adult) {
        3
    } else if any(&|m| adult(m) && is_word(m, "employment", &["unemployed"])) {
        0
    } else if any(&|m| adult(m) && is_word(m, "employment", &["none", "retired"])) {
        1
    } else {
        2
    };
    a.insert("work", work);
    let grade = |m: &Member| num(m, "disability_grade");
    let disability = if any(&|m| (1.0..=2.0).contains(&grade(m))) {
        0
    } else if any(&|m| grade(m) >= 3.0) {
        1
    } else {
        3
    };
    a.insert("disability", disability);
    let illness = if any(&|m| is_word(m, "illness", &["serious"])) {
        0
    } else if any(&|m| is_word(m, "illness", &["chronic"])) {
        1
    } else {
        2
    };
    a.insert("illness", illness);
    let school = [
        &["preschool"][..],
        &["primary", "junior"],
        &["senior", "vocational"],
        &["university"],
    ]
    .iter()
    .position(|ws| any(&|m| is_word(m, "student", ws)))
    .unwrap_or(4);
    a.insert("school", school);
    a.insert(
        "hardship",
        usize::from(hardship.iter().all(|s| s == "pandemic")),
    );
    assert_eq!(a.len(), qs.len(), "every question has an answer");
    a
}
