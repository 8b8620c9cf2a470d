//! Each item's status over every household a [`Model`] allows.
//!
//! An item is 符合 only when it is met in every allowed household, 不符合 only when it is met
//! in none, and 可能符合 otherwise, so a coarse answer can never turn into a wrong 不符合.
//! The allowed households are enumerated per item and kept small: for each uncertain fact,
//! candidate values are the ends of its ranges and the item's own thresholds, and values the
//! item's tests cannot tell apart are merged (they are compared by running the real evaluator
//! on each single test). The decision itself is always the shared rule evaluator's: its fast
//! path without reasons for each household, its full form for the question to ask.

use std::collections::BTreeMap;

use super::situation::{Claim, Model, Person, Possible};
use crate::catalog::{Catalog, Item};
use crate::facts::{Fact, Scope};
use crate::profile::{FactValue, Facts, Household, Member};
use crate::rules::eval::{Outcome, Truth, decide, evaluate};
use crate::rules::{Cond, Op, Rule, Target, Test, UNNUMBERED};
use crate::verdict::Status;

/// Above this many evaluations for one item, the item stays 可能符合 rather than slow the
/// screen; no catalog item comes near it.
const MAX_STEPS: usize = 5_000;

/// How far above a threshold the value "just above it" lies.
const JUST_ABOVE: f64 = 0.001;

/// An item's status for the model, and the plain question that would settle a 可能符合.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub status: Status,
    pub ask: Option<String>,
}

/// One test in an item's rule.
struct Leaf<'r> {
    fact: &'static Fact,
    test: &'r Test,
}

/// Where an uncertain value lives.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Owner {
    Household,
    Person(usize),
}

/// A value still open, with the candidates that matter for the item.
struct Slot {
    owner: Owner,
    /// The fact, or `None` for whether an optional person exists at all.
    key: Option<&'static str>,
    values: Vec<FactValue>,
}

impl Slot {
    /// Whether the slot must be chosen before an evaluation means anything.
    fn structural(&self) -> bool {
        matches!(self.key, None | Some("status"))
    }
}

/// Decide one item.
pub fn judge(cat: &Catalog, item: &Item, model: &Model) -> Judgement {
    let mut leaves = Vec::new();
    let mut members = false;
    collect(&item.rule, &mut leaves, &mut members);
    let model = &expand(model, witnesses(&item.rule).max(1));
    let mut slots = slots(cat, model, &leaves, members);
    slots.sort_by_key(|s| !s.structural());
    let mut search = Search {
        cat,
        item,
        model,
        structural: slots.iter().take_while(|s| s.structural()).count(),
        pick: vec![None; slots.len()],
        slots: &slots,
        seen: None,
        steps: 0,
    };
    match search.walk(0) {
        Err(j) => j,
        Ok(()) => match search.seen {
            Some(Truth::Met) => Judgement {
                status: Status::Eligible,
                ask: None,
            },
            Some(Truth::NotMet) => Judgement {
                status: Status::Ineligible,
                ask: None,
            },
            _ => search.maybe(),
        },
    }
}

/// A walk through the allowed households, value by value.
///
/// A household with some open values left unknown is evaluated first; when that already
/// settles the item, no choice of the unknown values can change it (the evaluator only moves
/// from unknown to met or not met as facts become known), so the whole branch is done with
/// one evaluation. Statuses and the existence of optional people are not such values (a
/// status can turn a failed test into a met one), so they are always chosen first.
struct Search<'a> {
    cat: &'a Catalog,
    item: &'a Item,
    model: &'a Model,
    slots: &'a [Slot],
    /// How many slots at the front must be chosen before evaluating.
    structural: usize,
    pick: Vec<Option<usize>>,
    /// The one truth every household evaluated so far gave.
    seen: Option<Truth>,
    steps: usize,
}

impl Search<'_> {
    /// `Err` carries a 可能符合 found on the way.
    fn walk(&mut self, depth: usize) -> Result<(), Judgement> {
        if depth >= self.structural {
            self.steps += 1;
            if self.steps > MAX_STEPS {
                return Err(self.maybe());
            }
            let h = world(self.model, self.slots, &self.pick);
            match decide(&self.item.rule, &h, &self.cat.context) {
                Truth::Unknown if depth == self.slots.len() => {
                    let out = evaluate(&self.item.rule, &h, &self.cat.context);
                    return Err(ask(Status::Maybe, &out));
                }
                Truth::Unknown => {}
                t => return self.settle(t),
            }
        }
        for v in 0..self.slots[depth].values.len() {
            self.pick[depth] = Some(v);
            self.walk(depth + 1)?;
        }
        self.pick[depth] = None;
        Ok(())
    }

    fn settle(&mut self, t: Truth) -> Result<(), Judgement> {
        match self.seen {
            Some(s) if s != t => Err(self.maybe()),
            _ => {
                self.seen = Some(t);
                Ok(())
            }
        }
    }

    /// A 可能符合 because the allowed households disagree: the question is the one the
    /// evaluator asks when the disputed values are left unknown.
    fn maybe(&self) -> Judgement {
        let h = world(self.model, self.slots, &vec![None; self.slots.len()]);
        ask(
            Status::Maybe,
            &evaluate(&self.item.rule, &h, &self.cat.context),
        )
    }
}

fn ask(status: Status, out: &Outcome) -> Judgement {
    Judgement {
        status,
        ask: out.questions.first().cloned(),
    }
}

/// Whether an answer telling `claims` could change the item's status at all: it must tell
/// a fact the rule tests (a status counts for every household test, which it may imply), or
/// tell about people when the rule tests members.
pub fn reads(item: &Item, claims: &[Claim]) -> bool {
    let mut leaves = Vec::new();
    let mut members = false;
    collect(&item.rule, &mut leaves, &mut members);
    let tests = |k: &str| {
        leaves
            .iter()
            .any(|l| l.fact.key == k || (k == "status" && l.fact.scope == Scope::Household))
    };
    claims.iter().any(|c| match c {
        Claim::Household(k, _) => tests(k),
        _ => members,
    })
}

/// How many different members the rule may need at once: one per `member` test that must
/// hold together with others.
fn witnesses(rule: &Rule) -> usize {
    match &rule.cond {
        Cond::Everyone | Cond::Leaf { .. } => 0,
        Cond::All(rs) => rs.iter().map(witnesses).sum(),
        Cond::Any(rs) => rs.iter().map(witnesses).max().unwrap_or(0),
        Cond::Not(r) => witnesses(r),
        Cond::Member(_) => 1,
    }
}

/// The model with each person who stands for several people given `copies` places: the
/// first as sure as the person, the others optional.
fn expand(model: &Model, copies: usize) -> Model {
    let people = model.people.as_ref().map(|ps| {
        ps.iter()
            .flat_map(|p| {
                let n = if p.several { copies } else { 1 };
                (0..n).map(move |i| Person {
                    facts: p.facts.clone(),
                    optional: p.optional || i > 0,
                    several: false,
                })
            })
            .collect()
    });
    Model {
        household: model.household.clone(),
        people,
    }
}

fn collect<'r>(rule: &'r Rule, out: &mut Vec<Leaf<'r>>, members: &mut bool) {
    match &rule.cond {
        Cond::Everyone => {}
        Cond::Leaf { fact, test } => out.push(Leaf { fact, test }),
        Cond::All(rs) | Cond::Any(rs) => rs.iter().for_each(|r| collect(r, out, members)),
        Cond::Not(r) => collect(r, out, members),
        Cond::Member(r) => {
            *members = true;
            collect(r, out, members);
        }
    }
}

/// The open values of the model, each with the candidates this item can tell apart.
fn slots(cat: &Catalog, model: &Model, leaves: &[Leaf], members: bool) -> Vec<Slot> {
    let mut out = Vec::new();
    for (key, p) in &model.household {
        out.extend(slot(cat, Owner::Household, key, p, leaves));
    }
    for (i, person) in model.people.iter().flatten().enumerate() {
        if person.optional && members {
            out.push(Slot {
                owner: Owner::Person(i),
                key: None,
                values: vec![FactValue::Bool(true), FactValue::Bool(false)],
            });
        }
        for (key, p) in &person.facts {
            out.extend(slot(cat, Owner::Person(i), key, p, leaves));
        }
    }
    out
}

fn slot(
    cat: &Catalog,
    owner: Owner,
    key: &'static str,
    p: &Possible,
    leaves: &[Leaf],
) -> Option<Slot> {
    let raw = match p {
        Possible::Is(_) => return None,
        Possible::OneOf(vs) => vs.clone(),
        Possible::Within(ranges) => numbers(cat, key, ranges, leaves),
    };
    let mut values: Vec<FactValue> = Vec::new();
    let mut seen: Vec<Vec<u8>> = Vec::new();
    for v in raw {
        let sig = signature(cat, key, &v, leaves);
        if !seen.contains(&sig) {
            seen.push(sig);
            values.push(v);
        }
    }
    (values.len() > 1).then_some(Slot {
        owner,
        key: Some(key),
        values,
    })
}

/// Candidate numbers within ranges: each range's start, and each threshold of the item's
/// tests on the fact together with the value just above it.
fn numbers(cat: &Catalog, key: &str, ranges: &[(f64, f64)], leaves: &[Leaf]) -> Vec<FactValue> {
    let mut points: Vec<f64> = Vec::new();
    for l in leaves.iter().filter(|l| l.fact.key == key) {
        if let Test::Cmp(op, t) = l.test
            && let Some(x) = resolve(cat, t)
        {
            points.push(x);
            if matches!(op, Op::AtMost | Op::Above) {
                points.push(x + JUST_ABOVE);
            }
        }
    }
    let mut out: Vec<f64> = Vec::new();
    for (from, to) in ranges {
        out.push(*from);
        out.extend(points.iter().filter(|x| *x > from && *x < to));
    }
    out.sort_by(f64::total_cmp);
    out.dedup();
    out.into_iter().map(FactValue::Num).collect()
}

fn resolve(cat: &Catalog, t: &Target) -> Option<f64> {
    match t {
        Target::Fixed(n) => Some(*n),
        Target::Standard { id, times } => cat.context.standards.get(id).map(|s| s.amount * times),
    }
}

/// How the item's tests see a value: the evaluator's verdict on each single test that reads
/// the fact, and for a status, on each household test the status may imply.
fn signature(cat: &Catalog, key: &str, v: &FactValue, leaves: &[Leaf]) -> Vec<u8> {
    let mut sig = Vec::new();
    for l in leaves {
        let status = (key == "status").then_some(v);
        if l.fact.key == key {
            sig.push(single(cat, l, Some(v), None));
        } else if status.is_some() && l.fact.scope == Scope::Household {
            sig.push(single(cat, l, None, status));
        }
    }
    sig
}

/// The evaluator's verdict on one test, with the fact set to `value` and the household's
/// status set to `status`.
fn single(cat: &Catalog, l: &Leaf, value: Option<&FactValue>, status: Option<&FactValue>) -> u8 {
    let leaf = Rule {
        cond: Cond::Leaf {
            fact: l.fact,
            test: l.test.clone(),
        },
        ask: None,
        id: UNNUMBERED,
    };
    let mut h = Household::default();
    if let Some(s) = status {
        h.facts.insert("status", s.clone());
    }
    let rule = match (l.fact.scope, value) {
        (Scope::Member, v) => {
            let mut m = Member::default();
            if let Some(v) = v {
                m.facts.insert(l.fact.key, v.clone());
            }
            h.members = Some(vec![m]);
            Rule {
                cond: Cond::Member(Box::new(leaf)),
                ask: None,
                id: UNNUMBERED,
            }
        }
        (Scope::Household, v) => {
            if let Some(v) = v {
                h.facts.insert(l.fact.key, v.clone());
            }
            leaf
        }
    };
    match decide(&rule, &h, &cat.context) {
        Truth::Met => 1,
        Truth::NotMet => 2,
        Truth::Unknown => 3,
    }
}

/// The household for one choice of open values; an open value not chosen is left unknown.
fn world(model: &Model, slots: &[Slot], pick: &[Option<usize>]) -> Household {
    let chosen = |owner: Owner, key: Option<&str>| {
        slots
            .iter()
            .zip(pick)
            .find(|(s, _)| s.owner == owner && s.key == key)
            .map(|(s, i)| i.and_then(|i| s.values.get(i)))
    };
    let mut h = Household {
        facts: fixed(&model.household, |k| chosen(Owner::Household, Some(k))),
        members: None,
    };
    let Some(people) = &model.people else {
        return h;
    };
    let mut members = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let owner = Owner::Person(i);
        if chosen(owner, None).flatten() == Some(&FactValue::Bool(false)) {
            continue;
        }
        members.push(Member {
            name: None,
            facts: fixed(&p.facts, |k| chosen(owner, Some(k))),
        });
    }
    h.members = Some(members);
    h
}

/// Facts with their value in this world: the chosen candidate of an open fact (none when the
/// slot is left empty on purpose), or the one value of a settled fact.
fn fixed<'v>(
    facts: &BTreeMap<&'static str, Possible>,
    chosen: impl Fn(&'static str) -> Option<Option<&'v FactValue>>,
) -> Facts {
    let mut out = Facts::default();
    for (k, p) in facts {
        let v = match chosen(k) {
            Some(v) => v.cloned(),
            None => match p {
                Possible::Is(v) => Some(v.clone()),
                Possible::OneOf(vs) => vs.first().cloned(),
                Possible::Within(r) => r.first().map(|(from, _)| FactValue::Num(*from)),
            },
        };
        if let Some(v) = v {
            out.insert(k, v);
        }
    }
    out
}
