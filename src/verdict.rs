//! The household's verdict on each item: 符合, 可能符合 or 不符合, with reasons and questions.
//!
//! This is the one call the command line, the terminal UI, export and batch screening share.

use serde::Serialize;

use crate::catalog::{Catalog, Item};
use crate::profile::Household;
use crate::rules::eval::{Judge, Outcome, Truth, decide, evaluate};

/// An item's status for a household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Eligible,
    Maybe,
    Ineligible,
}

impl Status {
    /// The word residents see: 符合, 可能符合, 不符合.
    pub fn zh(self) -> &'static str {
        match self {
            Status::Eligible => "符合",
            Status::Maybe => "可能符合",
            Status::Ineligible => "不符合",
        }
    }

    /// The contract's word: eligible, maybe, ineligible.
    pub fn key(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::Maybe => "maybe",
            Status::Ineligible => "ineligible",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        [Status::Eligible, Status::Maybe, Status::Ineligible]
            .into_iter()
            .find(|x| x.key() == s)
    }
}

/// One item's verdict for one household.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict<'a> {
    pub item: &'a Item,
    pub status: Status,
    /// Plain sentences: why it applies, or why not and how far off.
    pub reasons: Vec<String>,
    /// Plain questions that would settle a 可能符合.
    pub missing: Vec<String>,
}

/// The verdict on one item.
pub fn assess_item<'a>(cat: &Catalog, item: &'a Item, h: &Household) -> Verdict<'a> {
    verdict(item, evaluate(&item.rule, h, &cat.context))
}

/// Only the status of an item, without reasons: the same answer as [`assess_item`], computed
/// without building any text.
pub fn status_of(cat: &Catalog, item: &Item, h: &Household) -> Status {
    status_of_truth(decide(&item.rule, h, &cat.context))
}

/// A judge of many items for one household, which decides each condition the items share
/// once. Use it with [`judged`] and [`judged_status`] to go through a whole catalog.
pub fn judge<'h>(cat: &'h Catalog, h: &'h Household) -> Judge<'h> {
    Judge::new(h, &cat.context)
}

/// [`assess_item`] by a judge of the household.
pub fn judged<'a>(j: &mut Judge, item: &'a Item) -> Verdict<'a> {
    verdict(item, j.evaluate(&item.rule))
}

/// [`status_of`] by a judge of the household.
pub fn judged_status(j: &mut Judge, item: &Item) -> Status {
    status_of_truth(j.decide(&item.rule))
}

/// The status a rule's truth gives an item.
pub fn status_of_truth(t: Truth) -> Status {
    match t {
        Truth::Met => Status::Eligible,
        Truth::NotMet => Status::Ineligible,
        Truth::Unknown => Status::Maybe,
    }
}

fn verdict(item: &Item, out: Outcome) -> Verdict<'_> {
    let status = status_of_truth(out.truth);
    let missing = if status == Status::Maybe {
        out.questions
    } else {
        Vec::new()
    };
    Verdict {
        item,
        status,
        reasons: out.reasons,
        missing,
    }
}

/// Verdicts on every item: eligible first, then maybe, then ineligible, each in catalog order.
pub fn assess<'a>(cat: &'a Catalog, h: &Household) -> Vec<Verdict<'a>> {
    let mut j = judge(cat, h);
    let mut all: Vec<Verdict> = cat.items.iter().map(|i| judged(&mut j, i)).collect();
    all.sort_by_key(|v| v.status);
    all
}
