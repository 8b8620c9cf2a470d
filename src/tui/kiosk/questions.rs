//! The kiosk's ten questions, as data.
//!
//! Each question is one plain sentence with a few answers; each answer says what it tells in
//! [`Claim`]s, and "不清楚" (always the last answer) tells nothing, so it can only leave items
//! 可能符合. The order puts the questions that settle the most items first (户口 and existing
//! statuses decide half the catalog). Income bands come from the catalog's standards, so next
//! year's 低保 standard moves the bands too.
//!
//! Facts the kiosk does not ask (housing, orphans, care needs ...) stay unknown; the results
//! name them as the question still to settle at the counter.

use super::situation::{Claim, Group, Possible};
use crate::catalog::Catalog;
use crate::cli::Lang;
use crate::profile::FactValue;
use crate::text::num;

/// A text in both interface languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub zh: String,
    pub en: String,
}

impl Words {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

fn w(zh: &str, en: &str) -> Words {
    Words {
        zh: zh.to_string(),
        en: en.to_string(),
    }
}

/// One answer to a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub label: Words,
    /// What the resident said, as a reason reads it ("户口在本区"); `None` for 不清楚.
    pub said: Option<Words>,
    pub claims: Vec<Claim>,
}

/// One question and its answers, 不清楚 last.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub key: &'static str,
    pub text: Words,
    pub answers: Vec<Answer>,
}

fn answer(label: Words, said: Words, claims: Vec<Claim>) -> Answer {
    Answer {
        label,
        said: Some(said),
        claims,
    }
}

fn not_sure() -> Answer {
    Answer {
        label: w("不清楚", "Not sure"),
        said: None,
        claims: Vec::new(),
    }
}

fn word(s: &str) -> FactValue {
    FactValue::Word(s.to_string())
}

fn set(words: &[&str]) -> FactValue {
    FactValue::Set(words.iter().map(|s| s.to_string()).collect())
}

fn is(v: FactValue) -> Possible {
    Possible::Is(v)
}

fn one_of(words: &[&str]) -> Possible {
    Possible::OneOf(words.iter().map(|s| word(s)).collect())
}

/// Every question, in the order they are asked.
pub fn all(cat: &Catalog) -> Vec<Question> {
    vec![
        hukou(),
        status(),
        income(cat),
        group(Group::Elder),
        group(Group::Child),
        work(),
        disability(),
        illness(),
        school(),
        hardship(),
    ]
}

fn hukou() -> Question {
    let local = |v: &str| vec![Claim::Household("hukou", is(word(v)))];
    Question {
        key: "hukou",
        text: w(
            "您家的户口在本区吗？",
            "Is your household's hukou (residence registration) in this district?",
        ),
        answers: vec![
            answer(
                w("是", "Yes"),
                w("户口在本区", "hukou in this district"),
                local("local"),
            ),
            answer(
                w("不是", "No"),
                w("户口不在本区", "hukou elsewhere"),
                local("outside"),
            ),
            not_sure(),
        ],
    }
}

/// Statuses the status question does not name; a household may hold them besides.
const OTHER_STATUSES: [&str; 3] = [
    "low_income_farmer",
    "expenditure_poverty",
    "hardship_worker",
];

/// `named` plus any combination of the other statuses.
fn statuses_with(named: Option<&str>) -> Possible {
    let mut out = Vec::new();
    for bits in 0..(1u8 << OTHER_STATUSES.len()) {
        let mut s: Vec<&str> = named.into_iter().collect();
        s.extend(
            OTHER_STATUSES
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, x)| *x),
        );
        out.push(set(&s));
    }
    Possible::OneOf(out)
}

fn status() -> Question {
    let has = |named: Option<&str>| vec![Claim::Household("status", statuses_with(named))];
    Question {
        key: "status",
        text: w(
            "家里已经是低保、低边或特困家庭了吗？",
            "Is your household already recognised as 低保, 低边 or 特困?",
        ),
        answers: vec![
            answer(
                w("是低保", "低保 (minimum living allowance)"),
                w("家里是低保", "a 低保 household"),
                has(Some("dibao")),
            ),
            answer(
                w("是低边", "低边 (near the 低保 line)"),
                w("家里是低边", "a 低边 household"),
                has(Some("dibao_edge")),
            ),
            answer(
                w("是特困", "特困 (extreme hardship)"),
                w("家里是特困", "a 特困 household"),
                has(Some("tekun")),
            ),
            answer(
                w("都不是", "None of these"),
                w("不是低保、低边或特困", "not 低保, 低边 or 特困"),
                has(None),
            ),
            not_sure(),
        ],
    }
}

/// The income band edges: the 低保 standard, twice it, and the district's average income.
pub fn income_edges(cat: &Catalog) -> Vec<f64> {
    let std = |id: &str| cat.context.standards.get(id).map(|s| s.amount);
    let mut edges: Vec<f64> = [
        std("dibao"),
        std("dibao").map(|x| x * 2.0),
        std("disposable_income"),
    ]
    .into_iter()
    .flatten()
    .collect();
    edges.sort_by(f64::total_cmp);
    edges.dedup();
    edges
}

fn income(cat: &Catalog) -> Question {
    let edges = income_edges(cat);
    let mut answers = Vec::new();
    let mut from = 0.0;
    for (i, to) in edges.iter().chain([&f64::INFINITY]).enumerate() {
        let (zh, en) = if i == 0 {
            (
                format!("不到 {} 元", num(*to)),
                format!("Under {} yuan", num(*to)),
            )
        } else if to.is_finite() {
            (
                format!("{} 到 {} 元", num(from), num(*to)),
                format!("{} to {} yuan", num(from), num(*to)),
            )
        } else {
            (
                format!("{} 元或更多", num(from)),
                format!("{} yuan or more", num(from)),
            )
        };
        let upper = if to.is_finite() { *to } else { 10_000_001.0 };
        answers.push(answer(
            w(&zh, &en),
            w(
                &format!("每人每月收入{zh}"),
                &format!("income per person per month: {en}"),
            ),
            vec![Claim::Household(
                "income_per_capita_monthly",
                Possible::Within(vec![(from, upper)]),
            )],
        ));
        from = *to;
    }
    answers.push(not_sure());
    Question {
        key: "income",
        text: w(
            "全家收入平均到每个人，每月大约有多少？",
            "Your household's income divided by the number of people: about how much per month?",
        ),
        answers,
    }
}

fn group(g: Group) -> Question {
    let (key, text, yes, no) = match g {
        Group::Elder => (
            "elder",
            w(
                "家里有 60 岁以上的老人吗？",
                "Does anyone aged 60 or over live in your household?",
            ),
            w("家里有 60 岁以上的老人", "someone aged 60 or over at home"),
            w("家里没有 60 岁以上的老人", "nobody aged 60 or over"),
        ),
        Group::Child | Group::Adult => (
            "child",
            w(
                "家里有不满 18 岁的孩子吗？",
                "Are there children under 18 in your household?",
            ),
            w("家里有不满 18 岁的孩子", "children under 18 at home"),
            w("家里没有不满 18 岁的孩子", "no children under 18"),
        ),
    };
    Question {
        key,
        text,
        answers: vec![
            answer(w("有", "Yes"), yes, vec![Claim::Present(g)]),
            answer(w("没有", "No"), no, vec![Claim::Absent(g)]),
            not_sure(),
        ],
    }
}

fn work() -> Question {
    let adult = Some(Group::Adult);
    let someone = |p: Possible| {
        vec![
            Claim::Present(Group::Adult),
            Claim::Someone(adult, vec![("employment", p)]),
        ]
    };
    let working = [
        "employed",
        "flexible",
        "platform",
        "self_employed",
        "farmer",
    ];
    Question {
        key: "work",
        text: w(
            "家里 18 到 59 岁的人，现在有工作吗？",
            "Do the people aged 18 to 59 in your household have work?",
        ),
        answers: vec![
            answer(
                w("有人没工作，正在找", "Someone has no job and is looking"),
                w(
                    "家里有人没工作、正在找工作",
                    "someone is out of work and looking",
                ),
                someone(is(word("unemployed"))),
            ),
            answer(
                w("有人在家，不出去工作", "Someone stays home, not working"),
                w("家里有人在家不工作", "someone stays home, not working"),
                someone(one_of(&["none", "retired"])),
            ),
            answer(
                w("都有工作或在种地", "All work or farm"),
                w("18 到 59 岁的人都有工作", "everyone aged 18 to 59 works"),
                vec![
                    Claim::Present(Group::Adult),
                    Claim::Everyone(adult, "employment", one_of(&working)),
                ],
            ),
            answer(
                w("家里没有这个年纪的人", "Nobody of that age"),
                w("家里没有 18 到 59 岁的人", "nobody aged 18 to 59"),
                vec![Claim::Absent(Group::Adult)],
            ),
            not_sure(),
        ],
    }
}

fn disability() -> Question {
    let with_grade = |grades: &[f64]| {
        let mut facts = vec![("disabled", is(FactValue::Bool(true)))];
        if !grades.is_empty() {
            let g = grades.iter().map(|g| FactValue::Num(*g)).collect();
            facts.push(("disability_grade", Possible::OneOf(g)));
        }
        vec![Claim::Someone(None, facts)]
    };
    let nobody = vec![
        Claim::Everyone(None, "disabled", is(FactValue::Bool(false))),
        Claim::Everyone(None, "disability_grade", is(FactValue::Absent)),
        Claim::Everyone(None, "disability_kind", is(FactValue::Absent)),
    ];
    Question {
        key: "disability",
        text: w(
            "家里有人有残疾证吗？",
            "Does anyone in your household hold a disability certificate?",
        ),
        answers: vec![
            answer(
                w("有，一级或二级", "Yes, grade 1 or 2"),
                w(
                    "家里有人有一级或二级残疾证",
                    "someone holds a grade 1 or 2 certificate",
                ),
                with_grade(&[1.0, 2.0]),
            ),
            answer(
                w("有，三级或四级", "Yes, grade 3 or 4"),
                w(
                    "家里有人有三级或四级残疾证",
                    "someone holds a grade 3 or 4 certificate",
                ),
                with_grade(&[3.0, 4.0]),
            ),
            answer(
                w("有，不记得几级", "Yes, grade not known"),
                w("家里有人有残疾证", "someone holds a disability certificate"),
                with_grade(&[]),
            ),
            answer(
                w("没有", "No"),
                w(
                    "家里没有人有残疾证",
                    "nobody holds a disability certificate",
                ),
                nobody,
            ),
            not_sure(),
        ],
    }
}

fn illness() -> Question {
    let someone = |v: &str| vec![Claim::Someone(None, vec![("illness", is(word(v)))])];
    Question {
        key: "illness",
        text: w(
            "家里有人得了重病或慢性病吗？",
            "Does anyone in your household have a serious or long-term illness?",
        ),
        answers: vec![
            answer(
                w(
                    "有人得了重病（如癌症、尿毒症）",
                    "A serious illness (cancer, kidney failure)",
                ),
                w("家里有人得了重病", "someone has a serious illness"),
                someone("serious"),
            ),
            answer(
                w(
                    "有人有慢性病（如高血压、糖尿病）",
                    "A long-term illness (diabetes ...)",
                ),
                w("家里有人有慢性病", "someone has a long-term illness"),
                someone("chronic"),
            ),
            answer(
                w("都没有", "No"),
                w(
                    "家里没有人得重病或慢性病",
                    "nobody is seriously or chronically ill",
                ),
                vec![Claim::Everyone(None, "illness", is(word("none")))],
            ),
            not_sure(),
        ],
    }
}

fn school() -> Question {
    let child = Some(Group::Child);
    let pupil = |g: Option<Group>, p: Possible| vec![Claim::Someone(g, vec![("student", p)])];
    Question {
        key: "school",
        text: w(
            "家里有人在上学吗？上的是什么学校？",
            "Is anyone in your household at school? Which kind?",
        ),
        answers: vec![
            answer(
                w("上幼儿园", "Kindergarten"),
                w("家里有孩子上幼儿园", "a child in kindergarten"),
                pupil(child, is(word("preschool"))),
            ),
            answer(
                w("上小学或初中", "Primary or middle school"),
                w(
                    "家里有孩子上小学或初中",
                    "a child in primary or middle school",
                ),
                pupil(child, one_of(&["primary", "junior"])),
            ),
            answer(
                w("上高中或中职", "High school or vocational school"),
                w(
                    "家里有人上高中或中职",
                    "someone in high or vocational school",
                ),
                pupil(None, one_of(&["senior", "vocational"])),
            ),
            answer(
                w("上大学", "University or college"),
                w("家里有人上大学", "someone at university"),
                pupil(None, is(word("university"))),
            ),
            answer(
                w("没有人上学", "Nobody"),
                w("家里没有人上学", "nobody at school"),
                vec![Claim::Everyone(None, "student", is(word("none")))],
            ),
            not_sure(),
        ],
    }
}

/// The sudden hardships the question names; a pandemic is not named and stays possible.
const SUDDEN: [&str; 4] = ["illness", "accident", "disaster", "fire"];

fn hardship() -> Question {
    let mut some = Vec::new();
    for bits in 1..(1u8 << SUDDEN.len()) {
        let mut s: Vec<&str> = (0..SUDDEN.len())
            .filter(|i| bits & (1 << i) != 0)
            .map(|i| SUDDEN[i])
            .collect();
        some.push(set(&s));
        s.push("pandemic");
        some.push(set(&s));
    }
    let none = Possible::OneOf(vec![set(&[]), set(&["pandemic"])]);
    Question {
        key: "hardship",
        text: w(
            "最近一年，家里有没有遇到突然的大事，比如重病、意外、灾害、火灾？",
            "In the past year, was your household hit by something sudden: \
             serious illness, an accident, a disaster or a fire?",
        ),
        answers: vec![
            answer(
                w("有", "Yes"),
                w("最近遇到了突然的大事", "something sudden happened recently"),
                vec![Claim::Household("hardship", Possible::OneOf(some))],
            ),
            answer(
                w("没有", "No"),
                w("最近没有遇到突然的大事", "nothing sudden happened recently"),
                vec![Claim::Household("hardship", none)],
            ),
            not_sure(),
        ],
    }
}
