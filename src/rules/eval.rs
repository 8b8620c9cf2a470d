//! Three-valued evaluation of rules, with reasons a resident can read.
//!
//! Each condition comes out met, not met, or unknown (a fact is missing). Reasons state the
//! household's own facts with the concrete numbers and the member concerned; a test that fails
//! on a number says how far off it is; an unknown test yields the plain question that would
//! settle it. A recognised status (already 低保, say) satisfies the tests it implies.

use std::collections::BTreeMap;
use std::ops::Range;

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
    /// How many different conditions the catalog's rules hold (see [`super::number`]).
    pub conditions: usize,
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
    Judge::once(h, ctx).evaluate(rule)
}

/// Only the truth of `rule`, with no reasons or questions: the fast path when many items are
/// decided at once and only their statuses are shown. It follows exactly the rules of
/// [`evaluate`], which a test checks on every household case.
pub fn decide(rule: &Rule, h: &Household, ctx: &Context) -> Truth {
    Judge::once(h, ctx).decide(rule)
}

/// Decides and explains many rules for one household, deciding each distinct condition of
/// the catalog once (see [`super::number`]): the way to judge a whole catalog.
pub struct Judge<'a> {
    h: &'a Household,
    ctx: &'a Context,
    memo: Memo,
    /// The sentences already written for leaves, by the leaf's memo cell, in `said_text`.
    said: Vec<(usize, Range<usize>)>,
    said_text: String,
    /// What the last explained rule said; its buffers serve the next one.
    acc: Acc,
}

impl<'a> Judge<'a> {
    pub fn new(h: &'a Household, ctx: &'a Context) -> Self {
        let members = h.members.as_ref().map_or(0, Vec::len);
        Judge::with_memo(h, ctx, Memo::new(ctx.conditions, members))
    }

    /// A judge for one rule, which has nothing to remember.
    fn once(h: &'a Household, ctx: &'a Context) -> Self {
        Judge::with_memo(h, ctx, Memo::default())
    }

    fn with_memo(h: &'a Household, ctx: &'a Context, memo: Memo) -> Self {
        Judge {
            h,
            ctx,
            memo,
            said: Vec::new(),
            said_text: String::new(),
            acc: Acc::default(),
        }
    }

    /// The truth of `rule`, as [`decide`] gives it.
    pub fn decide(&mut self, rule: &Rule) -> Truth {
        truth(rule, HOUSEHOLD, true, self)
    }

    /// The truth of `rule` with its reasons and questions, as [`evaluate`] gives it.
    pub fn evaluate(&mut self, rule: &Rule) -> Outcome {
        let truth = self.explain(rule);
        Outcome {
            truth,
            reasons: self.reasons().map(str::to_owned).collect(),
            questions: self.questions().map(str::to_owned).collect(),
        }
    }

    /// The truth of `rule`, explained: the reasons and questions are then read with
    /// [`Judge::reasons`] and [`Judge::questions`], until the next rule is explained. This is
    /// [`Judge::evaluate`] without a string for each sentence.
    pub fn explain(&mut self, rule: &Rule) -> Truth {
        let mut acc = std::mem::take(&mut self.acc);
        acc.clear();
        let truth = explain(rule, HOUSEHOLD, true, self, &mut acc);
        self.acc = acc;
        truth
    }

    /// The reasons of the rule last explained.
    pub fn reasons(&self) -> impl Iterator<Item = &str> + Clone {
        self.acc.reasons.iter().map(|r| &self.acc.text[r.clone()])
    }

    /// The questions of the rule last explained.
    pub fn questions(&self) -> impl Iterator<Item = &str> + Clone {
        self.acc.questions.iter().map(|r| &self.acc.text[r.clone()])
    }
}

/// Whom a condition is asked of: the household, or one of its members.
#[derive(Clone, Copy)]
struct Who<'m> {
    member: Option<&'m Member>,
    /// 0 for the household, `i + 1` for member `i`, [`NOBODY`] for a stand-in member.
    slot: usize,
}

const HOUSEHOLD: Who<'static> = Who {
    member: None,
    slot: 0,
};

/// The slot of the stand-in member asked about when the members are not known.
const NOBODY: usize = usize::MAX;

/// The truths already found for one household, by condition id, person and `want`.
#[derive(Default)]
struct Memo {
    conditions: usize,
    people: usize,
    cells: Vec<Option<Truth>>,
}

impl Memo {
    fn new(conditions: usize, members: usize) -> Self {
        let people = members + 1;
        Memo {
            conditions,
            people,
            cells: vec![None; conditions.saturating_mul(people).saturating_mul(2)],
        }
    }

    /// Where the truth of condition `id` for `who` is kept; `None` when it is not kept.
    fn cell(&self, id: u32, who: Who, want: bool) -> Option<usize> {
        let id = id as usize;
        // Within both bounds, the cell is within the cells allocated for them.
        (id < self.conditions && who.slot < self.people)
            .then(|| (id * self.people + who.slot) * 2 + usize::from(want))
    }
}

/// The reasons and questions of one evaluation, gathered in the order they are found. A
/// sentence is kept once, where it first appears. All of them are written into one buffer.
#[derive(Default)]
struct Acc {
    text: String,
    reasons: Vec<Range<usize>>,
    questions: Vec<Range<usize>>,
    /// Questions raised so far, counting those already present.
    asked: usize,
}

impl Acc {
    fn clear(&mut self) {
        self.text.clear();
        self.reasons.clear();
        self.questions.clear();
        self.asked = 0;
    }

    /// Add the reason `write` appends to the text, unless it was given already.
    fn reason(&mut self, write: impl FnOnce(&mut String)) {
        let start = self.text.len();
        write(&mut self.text);
        let new = &self.text[start..];
        if self.reasons.iter().any(|r| &self.text[r.clone()] == new) {
            self.text.truncate(start);
        } else {
            self.reasons.push(start..self.text.len());
        }
    }

    fn question(&mut self, q: &str) {
        self.asked += 1;
        if !self.questions.iter().any(|r| &self.text[r.clone()] == q) {
            let start = self.text.len();
            self.text.push_str(q);
            self.questions.push(start..self.text.len());
        }
    }
}

/// Explain `rule` into `acc` and return its truth.
///
/// Each part of a combination is first decided without text ([`truth`]); only the parts that
/// settle the whole are then explained, since the text of the others would be thrown away.
/// An `all` that fails gives every failing part; an `any` that holds gives its first holding
/// part; a combination left open gives its open parts (and, for `all`, the met ones too).
fn explain(rule: &Rule, who: Who, want: bool, j: &mut Judge, acc: &mut Acc) -> Truth {
    let asked_from = acc.questions.len();
    let truth = match &rule.cond {
        Cond::Everyone => {
            acc.reason(|s| s.push_str("这一项对所有居民开放"));
            Truth::Met
        }
        Cond::Leaf { fact, test } => explain_leaf(rule.id, fact, test, who, want, j, acc),
        Cond::All(rules) => {
            let parts = rules.iter().map(|r| (r, who));
            explain_parts(parts, want, j, acc, Truth::NotMet, Truth::Met)
        }
        Cond::Any(rules) => {
            let parts = rules.iter().map(|r| (r, who));
            explain_parts(parts, want, j, acc, Truth::Met, Truth::NotMet)
        }
        Cond::Not(inner) => negate(explain(inner, who, !want, j, acc)),
        Cond::Member(inner) => explain_member(inner, want, j, acc),
    };
    if let (Some(q), Truth::Unknown) = (&rule.ask, truth) {
        // The rule's own question replaces the questions of its parts.
        acc.questions.truncate(asked_from);
        acc.question(q);
    }
    truth
}

fn negate(t: Truth) -> Truth {
    match t {
        Truth::Met => Truth::NotMet,
        Truth::NotMet => Truth::Met,
        Truth::Unknown => Truth::Unknown,
    }
}

/// `decisive` settles the whole when any part has it (NotMet for all, Met for any); otherwise
/// unknown parts leave it unknown, and only when every part is `rest` is the whole `rest`.
fn explain_parts<'r, 'm>(
    parts: impl Iterator<Item = (&'r Rule, Who<'m>)> + Clone,
    want: bool,
    j: &mut Judge,
    acc: &mut Acc,
    decisive: Truth,
    rest: Truth,
) -> Truth {
    // Most combinations have a handful of parts; their truths stay on the stack.
    const INLINE: usize = 16;
    let mut inline = [Truth::Unknown; INLINE];
    let mut spilled = Vec::new();
    let mut n = 0;
    for (r, who) in parts.clone() {
        let t = truth(r, who, want, j);
        if n < INLINE {
            inline[n] = t;
        } else {
            if spilled.is_empty() {
                spilled.extend_from_slice(&inline);
            }
            spilled.push(t);
        }
        n += 1;
    }
    let truths: &[Truth] = if n <= INLINE { &inline[..n] } else { &spilled };
    let first = truths.iter().position(|t| *t == decisive);
    let unknown = truths.contains(&Truth::Unknown);
    let keep = |i: usize, t: Truth| match first {
        Some(f) if decisive == Truth::Met => i == f,
        Some(_) => t == decisive,
        // An `any` still open keeps only its questions: its failed branches are not reasons.
        None => !(unknown && rest == Truth::NotMet && t == Truth::NotMet),
    };
    for (i, (r, who)) in parts.enumerate() {
        if keep(i, truths[i]) {
            let t = explain(r, who, want, j, acc);
            debug_assert_eq!(t, truths[i], "explaining agrees with deciding");
        }
    }
    match (first, unknown) {
        (Some(_), _) => decisive,
        (None, true) => Truth::Unknown,
        (None, false) => rest,
    }
}

/// `inner` asked of each member in turn.
fn each_member<'r, 'm>(
    inner: &'r Rule,
    ms: &'m [Member],
) -> impl Iterator<Item = (&'r Rule, Who<'m>)> + Clone {
    ms.iter().enumerate().map(move |(i, m)| {
        let who = Who {
            member: Some(m),
            slot: i + 1,
        };
        (inner, who)
    })
}

fn explain_member(inner: &Rule, want: bool, j: &mut Judge, acc: &mut Acc) -> Truth {
    let h = j.h;
    match &h.members {
        Some(ms) if !ms.is_empty() => explain_parts(
            each_member(inner, ms),
            want,
            j,
            acc,
            Truth::Met,
            Truth::NotMet,
        ),
        _ => {
            // Nobody is known: only the questions about a member are worth keeping.
            let (said, asked) = (acc.reasons.len(), acc.asked);
            let nobody = Member::default();
            let who = Who {
                member: Some(&nobody),
                slot: NOBODY,
            };
            explain(inner, who, want, j, acc);
            acc.reasons.truncate(said);
            if acc.asked == asked {
                acc.question("家里有哪些人？各多大年纪？");
            }
            Truth::Unknown
        }
    }
}

/// A leaf: the profile's own statement of the fact, or a status that implies it.
fn explain_leaf(
    id: u32,
    fact: &Fact,
    test: &Test,
    who: Who,
    want: bool,
    j: &mut Judge,
    acc: &mut Acc,
) -> Truth {
    let (h, ctx, m) = (j.h, j.ctx, who.member);
    let value = value_of(fact, h, m);
    let plain = match value {
        None => Truth::Unknown,
        Some(v) if holds(test, v, ctx) => Truth::Met,
        Some(_) => Truth::NotMet,
    };
    let implied = (plain != Truth::Met && want && fact.scope == Scope::Household)
        .then(|| implication(fact, test, h, ctx))
        .flatten();
    if implied.is_none() && value.is_none() {
        acc.question(fact.question);
        return Truth::Unknown;
    }
    // The same test of the same person reads the same in every item that asks it.
    let cell = j.memo.cell(id, who, want);
    acc.reason(|s| {
        if let Some((_, said)) = cell.and_then(|c| j.said.iter().find(|(at, _)| *at == c)) {
            s.push_str(&j.said_text[said.clone()]);
            return;
        }
        let start = s.len();
        match (implied, value) {
            (Some(imp), _) => {
                put!(s, "已认定为{}，说明", imp.status_name);
                requirement_text(s, fact, &imp.test, ctx);
            }
            (None, Some(value)) => {
                let holds = state(s, fact, test, value, m, ctx);
                if holds != want {
                    s.push('（');
                    requirement(s, fact, test, want, value, ctx);
                    s.push('）');
                }
            }
            (None, None) => {}
        }
        if let Some(c) = cell {
            let at = j.said_text.len();
            j.said_text.push_str(&s[start..]);
            j.said.push((c, at..j.said_text.len()));
        }
    });
    if implied.is_some() { Truth::Met } else { plain }
}

/// The implication of a status the household holds that settles `test` on `fact`, if any.
fn implication<'a>(
    fact: &Fact,
    test: &Test,
    h: &Household,
    ctx: &'a Context,
) -> Option<&'a Implication> {
    let Some(FactValue::Set(held)) = h.facts.of(crate::facts::status()) else {
        return None;
    };
    if held.is_empty() {
        return None;
    }
    ctx.implied.iter().find(|i| {
        i.fact.index() == fact.index()
            && held.contains(&i.status)
            && entails(&i.test, test, |t| ctx.resolve(t))
    })
}

/// The truth of `rule` for `who`, without text, remembered for the household.
///
/// The look-up is inlined into the callers: about half the calls find a remembered answer.
#[inline(always)]
fn truth(rule: &Rule, who: Who, want: bool, j: &mut Judge) -> Truth {
    let cell = j.memo.cell(rule.id, who, want);
    match cell.and_then(|c| j.memo.cells.get(c).copied().flatten()) {
        Some(t) => t,
        None => decide_anew(rule, who, want, j, cell),
    }
}

#[inline(never)]
fn decide_anew(rule: &Rule, who: Who, want: bool, j: &mut Judge, cell: Option<usize>) -> Truth {
    let t = match &rule.cond {
        Cond::Everyone => Truth::Met,
        Cond::Leaf { fact, test } => leaf_truth(fact, test, who.member, want, j.h, j.ctx),
        Cond::All(rs) => {
            let parts = rs.iter().map(|r| (r, who));
            settle(parts, want, j, Truth::NotMet, Truth::Met)
        }
        Cond::Any(rs) => {
            let parts = rs.iter().map(|r| (r, who));
            settle(parts, want, j, Truth::Met, Truth::NotMet)
        }
        Cond::Not(r) => negate(truth(r, who, !want, j)),
        Cond::Member(r) => {
            let h = j.h;
            match &h.members {
                Some(ms) if !ms.is_empty() => {
                    settle(each_member(r, ms), want, j, Truth::Met, Truth::NotMet)
                }
                _ => Truth::Unknown,
            }
        }
    };
    remember(j, cell, t)
}

/// The parts in order until one is `decisive`, which settles the whole; otherwise unknown when
/// a part is, and `rest` when every part is.
fn settle<'r, 'm>(
    parts: impl Iterator<Item = (&'r Rule, Who<'m>)>,
    want: bool,
    j: &mut Judge,
    decisive: Truth,
    rest: Truth,
) -> Truth {
    let mut open = false;
    for (r, who) in parts {
        match truth(r, who, want, j) {
            t if t == decisive => return decisive,
            Truth::Unknown => open = true,
            _ => {}
        }
    }
    if open { Truth::Unknown } else { rest }
}

fn remember(j: &mut Judge, cell: Option<usize>, t: Truth) -> Truth {
    if let Some(slot) = cell.and_then(|c| j.memo.cells.get_mut(c)) {
        *slot = Some(t);
    }
    t
}

fn leaf_truth(
    fact: &Fact,
    test: &Test,
    m: Option<&Member>,
    want: bool,
    h: &Household,
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
