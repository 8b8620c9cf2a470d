//! The eligibility rule language: what a catalog item asks of a household.
//!
//! A rule is written in the catalog as nested YAML maps (see catalog/README.md): a test on one
//! fact (`{fact: age, at_least: 60}`), a status shorthand (`{status: [dibao, tekun]}`), the
//! combinators `all`, `any` and `not`, `member` for "some member who ...", and `everyone` for
//! items open to all. [`compile`] checks a raw rule against the fact table and the catalog's
//! standards and turns it into a [`Rule`]; [`eval`] decides it three-valued and explains why.

pub mod eval;

use serde::Deserialize;

use crate::facts::{self, Fact, Kind, Scope};
use crate::problem::suggest;

/// A rule as written in a catalog file, before checking.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub everyone: Option<bool>,
    pub fact: Option<String>,
    pub is: Option<Scalar>,
    #[serde(rename = "in")]
    pub in_: Option<Vec<Scalar>>,
    pub below: Option<RawTarget>,
    pub at_most: Option<RawTarget>,
    pub at_least: Option<RawTarget>,
    pub above: Option<RawTarget>,
    pub status: Option<OneOrMany>,
    pub all: Option<Vec<RawRule>>,
    pub any: Option<Vec<RawRule>>,
    pub not: Option<Box<RawRule>>,
    pub member: Option<Box<RawRule>>,
    /// A plain question to ask instead of the fact's own when this test is unknown.
    pub ask: Option<String>,
}

/// A plain value in a rule.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Scalar {
    Bool(bool),
    Num(f64),
    Word(String),
}

/// One word or a list of words.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// A number, or a multiple of a named standard.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum RawTarget {
    Fixed(f64),
    Standard(StandardRef),
}

/// `{standard: dibao, times: 2}`: twice the 低保 standard.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardRef {
    pub standard: String,
    #[serde(default = "one")]
    pub times: f64,
}

fn one() -> f64 {
    1.0
}

/// A comparison of a number with a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Below,
    AtMost,
    AtLeast,
    Above,
}

impl Op {
    pub fn holds(self, v: f64, t: f64) -> bool {
        match self {
            Op::Below => v < t,
            Op::AtMost => v <= t,
            Op::AtLeast => v >= t,
            Op::Above => v > t,
        }
    }

    /// How a requirement reads: "低于", "不超过", "不低于", "高于".
    pub fn words(self) -> &'static str {
        match self {
            Op::Below => "低于",
            Op::AtMost => "不超过",
            Op::AtLeast => "不低于",
            Op::Above => "高于",
        }
    }

    fn is_upper(self) -> bool {
        matches!(self, Op::Below | Op::AtMost)
    }
}

/// What a comparison compares with.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Fixed(f64),
    Standard { id: String, times: f64 },
}

/// The test a leaf applies to its fact.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// Equal to the value (for sets: contains it).
    Is(Scalar),
    /// One of the words (for sets: contains any of them).
    In(Vec<String>),
    Cmp(Op, Target),
}

/// A checked rule node.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    Everyone,
    Leaf { fact: &'static Fact, test: Test },
    All(Vec<Rule>),
    Any(Vec<Rule>),
    Not(Box<Rule>),
    Member(Box<Rule>),
}

/// A checked rule node with its optional custom question.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub cond: Cond,
    pub ask: Option<String>,
    /// The same number for every equal condition of a catalog (see [`number`]), so a household
    /// decides each one once; [`UNNUMBERED`] for a rule made outside a catalog.
    pub id: u32,
}

/// The id of a rule that [`number`] has not seen.
pub const UNNUMBERED: u32 = u32::MAX;

/// Give every condition of `rules` (at every depth) an id shared by all conditions equal to
/// it, and return how many different conditions there are.
///
/// The 93 bundled items test the same few things again and again (a local hukou, an older
/// member, an income under a standard), and a batch decides them for every household; with
/// ids, a household decides each distinct condition once and reuses the answer.
pub fn number<'r>(rules: impl IntoIterator<Item = &'r mut Rule>) -> usize {
    let mut seen = std::collections::HashMap::new();
    for rule in rules {
        number_one(rule, &mut seen);
    }
    seen.len()
}

fn number_one(rule: &mut Rule, seen: &mut std::collections::HashMap<String, u32>) {
    match &mut rule.cond {
        Cond::Everyone | Cond::Leaf { .. } => {}
        Cond::All(rs) | Cond::Any(rs) => rs.iter_mut().for_each(|r| number_one(r, seen)),
        Cond::Not(r) | Cond::Member(r) => number_one(r, seen),
    }
    // Parts are numbered first, so equal parts already print alike.
    rule.id = UNNUMBERED;
    let key = format!("{rule:?}");
    let next = u32::try_from(seen.len()).unwrap_or(UNNUMBERED);
    rule.id = *seen.entry(key).or_insert(next);
}

/// A problem in a rule: the path inside the rule, what is wrong, how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleError {
    pub path: String,
    pub message: String,
    pub fix: String,
}

/// What a rule may refer to besides the fact table.
pub struct Names<'a> {
    pub standards: &'a [&'a str],
}

/// Check a raw rule; every problem found is returned, each with its path below `path`.
pub fn compile(
    raw: &RawRule,
    path: &str,
    names: &Names,
    errs: &mut Vec<RuleError>,
) -> Option<Rule> {
    compile_in(raw, path, names, false, errs)
}

fn compile_in(
    raw: &RawRule,
    path: &str,
    names: &Names,
    in_member: bool,
    errs: &mut Vec<RuleError>,
) -> Option<Rule> {
    let forms = [
        raw.everyone.is_some(),
        raw.fact.is_some(),
        raw.status.is_some(),
        raw.all.is_some(),
        raw.any.is_some(),
        raw.not.is_some(),
        raw.member.is_some(),
    ];
    if forms.iter().filter(|x| **x).count() != 1 {
        errs.push(RuleError {
            path: path.to_string(),
            message:
                "a condition needs exactly one of: fact, status, all, any, not, member, everyone"
                    .into(),
            fix: "split it into several conditions inside `all:`".into(),
        });
        return None;
    }
    let cond = if let Some(e) = raw.everyone {
        if !e {
            errs.push(err(
                path,
                "`everyone: false` matches nobody",
                "write `everyone: true`",
            ));
        }
        Cond::Everyone
    } else if let Some(s) = &raw.status {
        let words = match s {
            OneOrMany::One(w) => vec![w.clone()],
            OneOrMany::Many(ws) => ws.clone(),
        };
        let fact = facts::find(Scope::Household, "status").expect("status is a fact");
        check_words(fact, &words, &format!("{path}.status"), errs);
        Cond::Leaf {
            fact,
            test: Test::In(words),
        }
    } else if let Some(list) = raw.all.as_ref().or(raw.any.as_ref()) {
        let key = if raw.all.is_some() { "all" } else { "any" };
        if list.is_empty() {
            errs.push(err(
                path,
                &format!("`{key}` has no conditions"),
                "add conditions or remove it",
            ));
        }
        let rules: Vec<Rule> = list
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                compile_in(r, &format!("{path}.{key}[{i}]"), names, in_member, errs)
            })
            .collect();
        if raw.all.is_some() {
            Cond::All(rules)
        } else {
            Cond::Any(rules)
        }
    } else if let Some(inner) = &raw.not {
        Cond::Not(Box::new(compile_in(
            inner,
            &format!("{path}.not"),
            names,
            in_member,
            errs,
        )?))
    } else if let Some(inner) = &raw.member {
        if in_member {
            errs.push(err(
                path,
                "`member` inside `member`",
                "test the member's facts directly",
            ));
        }
        Cond::Member(Box::new(compile_in(
            inner,
            &format!("{path}.member"),
            names,
            true,
            errs,
        )?))
    } else {
        leaf(raw, path, names, in_member, errs)?
    };
    Some(Rule {
        cond,
        ask: raw.ask.clone(),
        id: UNNUMBERED,
    })
}

fn err(path: &str, message: &str, fix: &str) -> RuleError {
    RuleError {
        path: path.to_string(),
        message: message.to_string(),
        fix: fix.to_string(),
    }
}

fn leaf(
    raw: &RawRule,
    path: &str,
    names: &Names,
    in_member: bool,
    errs: &mut Vec<RuleError>,
) -> Option<Cond> {
    let key = raw.fact.as_deref().unwrap_or_default();
    let fact_path = format!("{path}.fact");
    let Some(fact) = find_fact(key, in_member) else {
        let scope = if in_member {
            Scope::Member
        } else {
            Scope::Household
        };
        let mut fix = suggest(key, &facts::keys(scope));
        if !in_member && facts::find(Scope::Member, key).is_some() {
            fix = format!("`{key}` describes a member: put this test inside `member:`");
        }
        errs.push(err(&fact_path, &format!("unknown fact `{key}`"), &fix));
        return None;
    };
    let tests = [
        raw.is.clone().map(Test::Is),
        raw.in_
            .clone()
            .map(|v| Test::In(v.iter().map(scalar_word).collect())),
        target(raw.below.as_ref(), Op::Below),
        target(raw.at_most.as_ref(), Op::AtMost),
        target(raw.at_least.as_ref(), Op::AtLeast),
        target(raw.above.as_ref(), Op::Above),
    ];
    let mut given = tests.into_iter().flatten();
    let (Some(test), None) = (given.next(), given.next()) else {
        let fix = "give exactly one of: is, in, below, at_most, at_least, above";
        errs.push(err(
            path,
            &format!("the test on `{key}` needs exactly one comparison"),
            fix,
        ));
        return None;
    };
    check_test(fact, &test, path, names, errs);
    Some(Cond::Leaf { fact, test })
}

fn find_fact(key: &str, in_member: bool) -> Option<&'static Fact> {
    let member = if in_member {
        facts::find(Scope::Member, key)
    } else {
        None
    };
    member.or_else(|| facts::find(Scope::Household, key))
}

fn scalar_word(s: &Scalar) -> String {
    match s {
        Scalar::Bool(b) => b.to_string(),
        Scalar::Num(n) => n.to_string(),
        Scalar::Word(w) => w.clone(),
    }
}

fn target(t: Option<&RawTarget>, op: Op) -> Option<Test> {
    let t = match t? {
        RawTarget::Fixed(n) => Target::Fixed(*n),
        RawTarget::Standard(s) => Target::Standard {
            id: s.standard.clone(),
            times: s.times,
        },
    };
    Some(Test::Cmp(op, t))
}

fn check_words(fact: &Fact, words: &[String], path: &str, errs: &mut Vec<RuleError>) {
    let keys: Vec<&str> = fact.choices().iter().map(|c| c.key).collect();
    for w in words.iter().filter(|w| !keys.contains(&w.as_str())) {
        errs.push(err(
            path,
            &format!("`{}` has no value `{w}`", fact.key),
            &suggest(w, &keys),
        ));
    }
}

fn check_test(fact: &Fact, test: &Test, path: &str, names: &Names, errs: &mut Vec<RuleError>) {
    match (fact.kind, test) {
        (Kind::Bool { .. }, Test::Is(Scalar::Bool(_))) => {}
        (Kind::Bool { .. }, _) => errs.push(err(
            path,
            &format!("`{}` is yes or no", fact.key),
            "write `is: true` or `is: false`",
        )),
        (Kind::Number { .. }, Test::Cmp(_, t)) => check_target(t, path, names, errs),
        (Kind::Number { .. }, _) => {
            errs.push(err(
                path,
                &format!("`{}` is a number", fact.key),
                "compare it with below, at_most, at_least or above",
            ));
        }
        (Kind::Choice(_) | Kind::Set(_), Test::Is(Scalar::Word(w))) => {
            check_words(fact, std::slice::from_ref(w), path, errs)
        }
        (Kind::Choice(_) | Kind::Set(_), Test::In(ws)) => check_words(fact, ws, path, errs),
        (Kind::Text, Test::Is(Scalar::Word(_)) | Test::In(_)) => {}
        _ => errs.push(err(
            path,
            &format!("this test does not fit `{}`", fact.key),
            "use `is:` or `in:` with its allowed words",
        )),
    }
}

fn check_target(t: &Target, path: &str, names: &Names, errs: &mut Vec<RuleError>) {
    match t {
        Target::Fixed(n) if *n < 0.0 => errs.push(err(
            path,
            "a negative number in a rule",
            "use a number of 0 or more",
        )),
        Target::Standard { id, times } => {
            if !names.standards.contains(&id.as_str()) {
                errs.push(err(
                    path,
                    &format!("unknown standard `{id}`"),
                    &suggest(id, names.standards),
                ));
            }
            if *times <= 0.0 {
                errs.push(err(
                    path,
                    "`times` must be more than 0",
                    "write for example `times: 2`",
                ));
            }
        }
        Target::Fixed(_) => {}
    }
}

/// Whether knowing `implied` about a fact settles `wanted` about the same fact as met.
pub fn entails(implied: &Test, wanted: &Test, resolve: impl Fn(&Target) -> Option<f64>) -> bool {
    match (implied, wanted) {
        (Test::Is(a), Test::Is(b)) => a == b,
        (Test::Is(Scalar::Word(a)), Test::In(bs)) => bs.contains(a),
        (Test::Cmp(o1, t1), Test::Cmp(o2, t2)) => {
            let (Some(a), Some(b)) = (resolve(t1), resolve(t2)) else {
                return false;
            };
            match (o1.is_upper(), o2.is_upper()) {
                (true, true) => a < b || (a == b && (*o2 == Op::AtMost || *o1 == Op::Below)),
                (false, false) => a > b || (a == b && (*o2 == Op::AtLeast || *o1 == Op::Above)),
                _ => false,
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests;
