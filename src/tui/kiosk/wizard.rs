//! The question flow: which question comes next, going back, and the statuses so far.
//!
//! The skip rule is exact rather than guessed: a question is asked only when one of its
//! answers would settle at least one item that is still 可能符合 (each answer is tried and
//! every open item judged again). An item already 符合 or 不符合 stays so whatever comes
//! later, because later answers only narrow the households the model allows. So a household
//! outside the district is not asked about its income, and one that is already 特困 is not
//! asked questions that only 特困 settles.
//!
//! Going back returns to the previous question actually asked and forgets its answer and every
//! answer after it; the statuses before each answer are kept, so going back costs nothing.

use rayon::prelude::*;

use super::judge::{Judgement, judge, reads};
use super::questions::Question;
use super::situation::{self, Claim, Model};
use crate::catalog::Catalog;
use crate::verdict::Status;

/// The answer given to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Given {
    pub question: usize,
    pub answer: usize,
}

/// Where the resident is in the questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Wizard {
    /// The answers in the order given; the questions asked are exactly these plus `current`.
    pub given: Vec<Given>,
    /// The question on screen; `None` when there is nothing left worth asking.
    pub current: Option<usize>,
    /// Every item's judgement after the answers so far, and before each answer.
    judged: Vec<Vec<Judgement>>,
}

impl Wizard {
    /// Start at the first question worth asking.
    pub fn start(cat: &Catalog, qs: &[Question]) -> Self {
        let model = model(qs, &[]);
        let judged = cat
            .items
            .par_iter()
            .map(|i| judge(cat, i, &model))
            .collect();
        let mut w = Wizard {
            given: Vec::new(),
            current: None,
            judged: vec![judged],
        };
        w.current = w.next_from(cat, qs, 0);
        w
    }

    /// Every item's judgement after the answers so far.
    pub fn judgements(&self) -> &[Judgement] {
        self.judged.last().map_or(&[], Vec::as_slice)
    }

    /// Answer the current question; nothing happens when there is none or `answer` is not one
    /// of its answers.
    pub fn answer(&mut self, cat: &Catalog, qs: &[Question], answer: usize) {
        let Some(q) = self.current else { return };
        if answer >= qs[q].answers.len() {
            return;
        }
        self.given.push(Given {
            question: q,
            answer,
        });
        let model = model(qs, &self.given);
        let next: Vec<Judgement> = cat
            .items
            .par_iter()
            .zip(self.judgements())
            .map(|(item, j)| refine(cat, item, &model, j))
            .collect();
        self.judged.push(next);
        self.current = self.next_from(cat, qs, q + 1);
    }

    /// Go back to the previous question asked, forgetting its answer; `false` when the current
    /// question is the first one asked.
    pub fn back(&mut self) -> bool {
        let Some(last) = self.given.pop() else {
            return false;
        };
        self.judged.pop();
        self.current = Some(last.question);
        true
    }

    /// The answer given to a question before, for showing it preselected after going back.
    pub fn previous_answer(&self, q: usize) -> Option<usize> {
        self.given
            .iter()
            .find(|g| g.question == q)
            .map(|g| g.answer)
    }

    /// How many questions have been asked, the current one included.
    pub fn asked(&self) -> usize {
        self.given.len() + usize::from(self.current.is_some())
    }

    /// The first question from `from` on that could still change a status.
    fn next_from(&self, cat: &Catalog, qs: &[Question], from: usize) -> Option<usize> {
        (from..qs.len()).find(|q| self.matters(cat, qs, *q))
    }

    /// Whether some answer to question `q` would settle an item still 可能符合.
    pub fn matters(&self, cat: &Catalog, qs: &[Question], q: usize) -> bool {
        let open: Vec<usize> = self
            .judgements()
            .iter()
            .enumerate()
            .filter(|(_, j)| j.status == Status::Maybe)
            .map(|(i, _)| i)
            .collect();
        qs[q].answers.iter().enumerate().any(|(a, ans)| {
            if ans.claims.is_empty() {
                return false;
            }
            let mut given = self.given.clone();
            given.push(Given {
                question: q,
                answer: a,
            });
            let model = model(qs, &given);
            open.par_iter().any(|i| {
                let item = &cat.items[*i];
                reads(item, &ans.claims) && judge(cat, item, &model).status != Status::Maybe
            })
        })
    }
}

/// A settled item stays settled; an open one is judged again.
fn refine(cat: &Catalog, item: &crate::catalog::Item, model: &Model, j: &Judgement) -> Judgement {
    if j.status == Status::Maybe {
        judge(cat, item, model)
    } else {
        j.clone()
    }
}

/// The claims of the answers given, in order.
pub fn claims<'q>(qs: &'q [Question], given: &[Given]) -> Vec<&'q Claim> {
    given
        .iter()
        .flat_map(|g| qs[g.question].answers[g.answer].claims.iter())
        .collect()
}

/// The model of the answers given.
pub fn model(qs: &[Question], given: &[Given]) -> Model {
    situation::build(&claims(qs, given))
}

#[cfg(test)]
mod tests;
