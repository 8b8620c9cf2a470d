//! Three-valued evaluation of rules, with reasons a resident can read.
//!
//! Each condition comes out met, not met, or unknown (a fact is missing). Reasons state the
//! household's own facts with the concrete numbers and the member concerned; a test that fails
//! on a number says how far off it is; an unknown test yields the plain question that would
//! settle it. A recognised status (already 低保, say) satisfies the tests it implies.

use std::collections::BTreeMap;

use super::{Cond, Op, Rule, Scalar, Target, Test, entails};
use crate::facts::{Fact, Kind, Scope};
use crate::profile::{FactValue, Household, Member};
use crate::text::Num;

/// `write!` into a `String`, which cannot fail.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {{
        let _ = std::fmt::Write::write_fmt($out, format_args!($($arg)*));
    }};
}

/// Met, not met, or unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    Met,
    NotMet,
    Unknown,
}

/// The result of a condition: its truth, the reasons, and the questions still open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub truth: Truth,
    pub reasons: Vec<String>,
    pub questions: Vec<String>,
}

impl Outcome {
    fn new(truth: Truth) -> Self {
        Outcome {
            truth,
            reasons: Vec::new(),
            questions: Vec::new(),
        }
    }

    fn reason(truth: Truth, text: String) -> Self {
        Outcome {
            truth,
            reasons: vec![text],
            questions: Vec::new(),
        }
    }

    fn absorb(&mut self, other: Outcome) {
        push_new(&mut self.reasons, other.reasons);
        push_new(&mut self.questions, other.questions);
    }
}

fn push_new(into: &mut Vec<String>, from: Vec<String>) {
    for s in from {
        if !into.contains(&s) {
            into.push(s);
        }
    }
}

/// A named amount a rule can compare with, such as the 低保 standard.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedAmount {
    pub name: String,
    pub amount: f64,
    pub unit: String,
}

/// What a status implies about one household fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Implication {
    pub status: String,
    pub status_name: String,
    pub fact: &'static Fact,
    pub test: Test,
}

/// Everything evaluation needs from the catalog.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    pub standards: BTreeMap<String, NamedAmount>,
    pub implied: Vec<Implication>,
}

impl Context {
    fn resolve(&self, t: &Target) -> Option<f64> {
        match t {
            Target::Fixed(n) => Some(*n),
            Target::Standard { id, times } => self.standards.get(id).map(|s| s.amount * times),
        }
    }

    /// "低保标准的 2 倍（2,298 元）" or "60 岁", appended to `out`.
    fn describe(&self, out: &mut String, t: &Target, unit: &str) {
        match t {
            Target::Fixed(n) => put!(out, "{} {unit}", Num(*n)),
            Target::Standard { id, times } => {
                let Some(s) = self.standards.get(id) else {
                    out.push_str(id);
                    return;
                };
                let value = Num(s.amount * times);
                if (*times - 1.0).abs() < f64::EPSILON {
                    put!(out, "{}（{value} {unit}）", s.name);
                } else {
                    put!(out, "{}的 {} 倍（{value} {unit}）", s.name, Num(*times));
                }
            }
        }
    }
}

/// Decide `rule` for a household.
pub fn evaluate(rule: &Rule, h: &Household, ctx: &Context) -> Outcome {
    eval(rule, h, None, true, ctx)
}

fn eval(rule: &Rule, h: &Household, m: Option<&Member>, want: bool, ctx: &Context) -> Outcome {
    let mut out = match &rule.cond {
        Cond::Everyone => Outcome::reason(Truth::Met, "这一项对所有居民开放".to_string()),
        Cond::Leaf { fact, test } => leaf(fact, test, h, m, want, ctx),
        Cond::All(rules) => all(rules, h, m, want, ctx),
        Cond::Any(rules) => any(rules, h, m, want, ctx),
        Cond::Not(inner) => negate(eval(inner, h, m, !want, ctx)),
        Cond::Member(inner) => some_member(inner, h, want, ctx),
    };
    if let (Some(q), Truth::Unknown) = (&rule.ask, out.truth) {
        out.questions = vec![q.clone()];
    }
    out
}

fn negate(mut o: Outcome) -> Outcome {
    o.truth = match o.truth {
        Truth::Met => Truth::NotMet,
        Truth::NotMet => Truth::Met,
        Truth::Unknown => Truth::Unknown,
    };
    o
}

fn all(rules: &[Rule], h: &Household, m: Option<&Member>, want: bool, ctx: &Context) -> Outcome {
    let parts: Vec<_> = rules.iter().map(|r| (r, m)).collect();
    explain(&parts, h, want, ctx, Truth::NotMet, Truth::Met)
}

fn any(rules: &[Rule], h: &Household, m: Option<&Member>, want: bool, ctx: &Context) -> Outcome {
    let parts: Vec<_> = rules.iter().map(|r| (r, m)).collect();
    explain(&parts, h, want, ctx, Truth::Met, Truth::NotMet)
}

/// Decide every part without text, then explain only the parts [`combine`] keeps: the text of
/// the others would be built and thrown away, which is most of the cost of a verdict.
fn explain(
    parts: &[(&Rule, Option<&Member>)],
    h: &Household,
    want: bool,
    ctx: &Context,
    decisive: Truth,
    rest: Truth,
) -> Outcome {
    let truths: Vec<Truth> = parts
        .iter()
        .map(|(r, m)| truth(r, h, *m, want, ctx))
        .collect();
    let first = truths.iter().position(|t| *t == decisive);
    let unknown = truths.contains(&Truth::Unknown);
    let keep = |i: usize, t: Truth| match first {
        Some(f) if decisive == Truth::Met => i == f,
        Some(_) => t == decisive,
        None => !(unknown && rest == Truth::NotMet && t == Truth::NotMet),
    };
    let kept = parts
        .iter()
        .zip(truths)
        .enumerate()
        .filter(|&(i, (_, t))| keep(i, t))
        .map(|(_, ((r, m), _))| eval(r, h, *m, want, ctx))
        .collect();
    combine(kept, decisive, rest)
}

/// `decisive` settles the whole when any part has it (NotMet for all, Met for any); otherwise
/// unknown parts leave it unknown, and only when every part is `rest` is the whole `rest`.
fn combine(parts: Vec<Outcome>, decisive: Truth, rest: Truth) -> Outcome {
    if parts.iter().any(|p| p.truth == decisive) {
        let mut out = Outcome::new(decisive);
        let settle = parts.into_iter().filter(|p| p.truth == decisive);
        // For `any`, the first branch that holds is the reason; for `all`, every failure is.
        if decisive == Truth::Met {
            settle.take(1).for_each(|p| out.absorb(p));
        } else {
            settle.for_each(|p| out.absorb(p));
        }
        return out;
    }
    let unknown = parts.iter().any(|p| p.truth == Truth::Unknown);
    let mut out = Outcome::new(if unknown { Truth::Unknown } else { rest });
    for p in parts {
        // An `any` still open keeps only its questions: its failed branches are not reasons.
        if unknown && rest == Truth::NotMet && p.truth == Truth::NotMet {
            continue;
        }
        out.absorb(p);
    }
    out
}

fn some_member(inner: &Rule, h: &Household, want: bool, ctx: &Context) -> Outcome {
    let members = match &h.members {
        Some(ms) if !ms.is_empty() => ms,
        _ => {
            let mut o = eval(inner, h, Some(&Member::default()), want, ctx);
            o.truth = Truth::Unknown;
            o.reasons.clear();
            if o.questions.is_empty() {
                o.questions.push("家里有哪些人？各多大年纪？".to_string());
            }
            return o;
        }
    };
    let parts: Vec<_> = members.iter().map(|m| (inner, Some(m))).collect();
    explain(&parts, h, want, ctx, Truth::Met, Truth::NotMet)
}

fn leaf(
    fact: &Fact,
    test: &Test,
    h: &Household,
    m: Option<&Member>,
    want: bool,
    ctx: &Context,
) -> Outcome {
    let plain = stated(fact, test, h, m, want, ctx);
    if plain.truth != Truth::Met
        && want
        && fact.scope == Scope::Household
        && let Some(o) = implied(fact, test, h, ctx)
    {
        return o;
    }
    plain
}

/// A leaf decided from the profile's own statement of the fact.
fn stated(
    fact: &Fact,
    test: &Test,
    h: &Household,
    m: Option<&Member>,
    want: bool,
    ctx: &Context,
) -> Outcome {
    let value = value_of(fact, h, m);
    let Some(value) = value else {
        return Outcome {
            truth: Truth::Unknown,
            reasons: vec![],
            questions: vec![fact.question.into()],
        };
    };
    let mut text = String::with_capacity(96);
    let holds = state(&mut text, fact, test, value, m, ctx);
    let truth = if holds { Truth::Met } else { Truth::NotMet };
    if holds != want {
        text.push('（');
        requirement(&mut text, fact, test, want, value, ctx);
        text.push('）');
    }
    Outcome::reason(truth, text)
}

/// The implication of a status the household holds that settles `test` on `fact`, if any.
fn implication<'a>(
    fact: &Fact,
    test: &Test,
    h: &Household,
    ctx: &'a Context,
) -> Option<&'a Implication> {
    ctx.implied.iter().find(|i| {
        i.fact.index() == fact.index()
            && h.has_status(&i.status) == Some(true)
            && entails(&i.test, test, |t| ctx.resolve(t))
    })
}

fn implied(fact: &Fact, test: &Test, h: &Household, ctx: &Context) -> Option<Outcome> {
    let imp = implication(fact, test, h, ctx)?;
    let mut text = format!("已认定为{}，说明", imp.status_name);
    requirement_text(&mut text, fact, &imp.test, ctx);
    Some(Outcome::reason(Truth::Met, text))
}

/// Only the truth of `rule`, with no reasons or questions: the fast path when many items are
/// decided at once and only their statuses are shown. It follows exactly the rules of
/// [`evaluate`], which a test checks on every household case.
pub fn decide(rule: &Rule, h: &Household, ctx: &Context) -> Truth {
    truth(rule, h, None, true, ctx)
}

fn truth(rule: &Rule, h: &Household, m: Option<&Member>, want: bool, ctx: &Context) -> Truth {
    let fold = |parts: &mut dyn Iterator<Item = Truth>, decisive: Truth, rest: Truth| {
        let mut unknown = false;
        for t in parts {
            if t == decisive {
                return decisive;
            }
            unknown |= t == Truth::Unknown;
        }
        if unknown { Truth::Unknown } else { rest }
    };
    match &rule.cond {
        Cond::Everyone => Truth::Met,
        Cond::Leaf { fact, test } => leaf_truth(fact, test, h, m, want, ctx),
        Cond::All(rs) => fold(
            &mut rs.iter().map(|r| truth(r, h, m, want, ctx)),
            Truth::NotMet,
            Truth::Met,
        ),
        Cond::Any(rs) => fold(
            &mut rs.iter().map(|r| truth(r, h, m, want, ctx)),
            Truth::Met,
            Truth::NotMet,
        ),
        Cond::Not(r) => match truth(r, h, m, !want, ctx) {
            Truth::Met => Truth::NotMet,
            Truth::NotMet => Truth::Met,
            Truth::Unknown => Truth::Unknown,
        },
        Cond::Member(r) => match &h.members {
            Some(ms) if !ms.is_empty() => fold(
                &mut ms.iter().map(|m| truth(r, h, Some(m), want, ctx)),
                Truth::Met,
                Truth::NotMet,
            ),
            _ => Truth::Unknown,
        },
    }
}

fn leaf_truth(
    fact: &Fact,
    test: &Test,
    h: &Household,
    m: Option<&Member>,
    want: bool,
    ctx: &Context,
) -> Truth {
    let value = value_of(fact, h, m);
    let plain = match value {
        None => Truth::Unknown,
        Some(v) if holds(test, v, ctx) => Truth::Met,
        Some(_) => Truth::NotMet,
    };
    let implied = || implication(fact, test, h, ctx).is_some();
    if plain != Truth::Met && want && fact.scope == Scope::Household && implied() {
        return Truth::Met;
    }
    plain
}

/// The stated value of a fact: the member's own for member facts, else the household's.
fn value_of<'a>(fact: &Fact, h: &'a Household, m: Option<&'a Member>) -> Option<&'a FactValue> {
    match (fact.scope, m) {
        (Scope::Member, Some(m)) => m.facts.of(fact),
        (Scope::Member, None) => None,
        (Scope::Household, _) => h.facts.of(fact),
    }
}

/// Whether the test holds for a stated value.
fn holds(test: &Test, value: &FactValue, ctx: &Context) -> bool {
    match (value, test) {
        (FactValue::Absent, _) => false,
        (FactValue::Num(v), Test::Cmp(op, t)) => op.holds(*v, ctx.resolve(t).unwrap_or(f64::NAN)),
        (FactValue::Bool(b), Test::Is(Scalar::Bool(w))) => b == w,
        (FactValue::Word(v), _) => word_holds(v, test),
        (FactValue::Set(vs), _) => vs.iter().any(|v| word_holds(v, test)),
        _ => false,
    }
}

/// Whether the test holds; a neutral sentence stating the fact is appended to `out`.
fn state(
    out: &mut String,
    fact: &Fact,
    test: &Test,
    value: &FactValue,
    m: Option<&Member>,
    ctx: &Context,
) -> bool {
    // The member as a reason names them, written only by the sentences that name them.
    let who = |out: &mut String| {
        if let Some(m) = m {
            put!(out, "{}", m.described());
        }
    };
    match (value, test) {
        (FactValue::Absent, _) => {
            who(out);
            put!(out, "{}：无", fact.label);
            false
        }
        (FactValue::Num(v), Test::Cmp(op, t)) => {
            let target = ctx.resolve(t).unwrap_or(f64::NAN);
            let rel = if *v < target {
                "低于"
            } else if *v > target {
                "高于"
            } else {
                "等于"
            };
            let unit = unit(fact);
            match m {
                Some(m) if fact.key == "age" => {
                    put!(out, "{} {} 岁，{rel} ", m.who_str(), Num(*v));
                }
                _ => {
                    who(out);
                    let gap = if matches!(t, Target::Fixed(_)) {
                        " "
                    } else {
                        ""
                    };
                    put!(out, "{} {} {unit}，{rel}{gap}", fact.label, Num(*v));
                }
            }
            ctx.describe(out, t, unit);
            op.holds(*v, target)
        }
        (FactValue::Bool(b), Test::Is(Scalar::Bool(w))) => {
            who(out);
            out.push_str(bool_word(fact, *b));
            b == w
        }
        (FactValue::Word(v), _) => {
            who(out);
            put!(out, "{}：{}", fact.label, word(fact, v));
            word_holds(v, test)
        }
        (FactValue::Set(vs), _) => {
            put!(out, "{}：", fact.label);
            if vs.is_empty() {
                out.push('无');
            }
            for (i, v) in vs.iter().enumerate() {
                if i > 0 {
                    out.push('、');
                }
                out.push_str(word(fact, v));
            }
            vs.iter().any(|v| word_holds(v, test))
        }
        _ => {
            who(out);
            put!(out, "{}：与规则不相符", fact.label);
            false
        }
    }
}

fn word_holds(v: &str, test: &Test) -> bool {
    match test {
        Test::Is(Scalar::Word(w)) => v == w,
        Test::In(ws) => ws.iter().any(|w| w == v),
        _ => false,
    }
}

fn word<'a>(fact: &Fact, key: &'a str) -> &'a str {
    let zh = fact.word(key);
    if zh.is_empty() { key } else { zh }
}

fn bool_word(fact: &Fact, b: bool) -> &'static str {
    match fact.kind {
        Kind::Bool { yes, no } => {
            if b {
                yes
            } else {
                no
            }
        }
        _ => "",
    }
}

fn unit(fact: &Fact) -> &'static str {
    match fact.kind {
        Kind::Number { unit, .. } => unit,
        _ => "",
    }
}

/// What the item asks, and for numbers how far off the household is, appended to `out`.
fn requirement(
    out: &mut String,
    fact: &Fact,
    test: &Test,
    want: bool,
    value: &FactValue,
    ctx: &Context,
) {
    out.push_str(if want {
        "本项要求"
    } else {
        "本项不适用于："
    });
    requirement_text(out, fact, test, ctx);
    if let (FactValue::Num(v), Test::Cmp(_, t), true) = (value, test, want) {
        let target = ctx.resolve(t).unwrap_or(*v);
        let way = if fact.key == "age" {
            "相差"
        } else if *v > target {
            "超出"
        } else {
            "还差"
        };
        put!(out, "，{way} {} {}", Num((target - v).abs()), unit(fact));
    }
}

/// What a test asks, in words, appended to `out`.
fn requirement_text(out: &mut String, fact: &Fact, test: &Test, ctx: &Context) {
    match test {
        Test::Cmp(op, t) => {
            put!(out, "{}{}", fact.label, op_words(*op));
            ctx.describe(out, t, unit(fact));
        }
        Test::Is(Scalar::Bool(b)) => out.push_str(bool_word(fact, *b)),
        Test::Is(Scalar::Word(w)) => put!(out, "{}：{}", fact.label, word(fact, w)),
        Test::In(ws) => {
            put!(out, "{}：", fact.label);
            for (i, w) in ws.iter().enumerate() {
                if i > 0 {
                    out.push('或');
                }
                out.push_str(word(fact, w));
            }
        }
        Test::Is(Scalar::Num(n)) => put!(out, "{}：{}", fact.label, Num(*n)),
    }
}

fn op_words(op: Op) -> &'static str {
    op.words()
}
