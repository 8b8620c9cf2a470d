//! What the resident sees at the end: the items, each with one plain line of why, and the
//! same list for the QR code and the printer.
//!
//! A 符合 line names the fewest answers that are enough for it ("因为您说：户口在本区、家里是
//! 低保"), found by leaving out each answer in turn and keeping it only when the item needs
//! it. The evaluator's own reasons are not shown: they would state the exact figures the kiosk
//! never asked for. A 可能符合 line names the question still to settle at the counter.

use rayon::prelude::*;

use super::judge::{judge, reads};
use super::questions::Question;
use super::wizard::{self, Given, Wizard};
use crate::catalog::Catalog;
use crate::cli::Lang;
use crate::export::{self, Options, PolicyList, Selection};
use crate::profile::Household;
use crate::verdict::Status;

/// One item on the results screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Index of the item in the catalog.
    pub item: usize,
    pub status: Status,
    /// The line of why, in the interface language.
    pub why: String,
    /// The same line in Chinese, for the printed list.
    pub why_zh: String,
}

/// The results of one household, in list order: by category, 符合 before 可能符合.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub found: Vec<Found>,
    /// What the resident said, in the interface language.
    pub said: Vec<String>,
}

impl Results {
    pub fn count(&self, s: Status) -> usize {
        self.found.iter().filter(|f| f.status == s).count()
    }
}

/// The results of a finished wizard.
pub fn build(cat: &Catalog, qs: &[Question], wiz: &Wizard, lang: Lang) -> Results {
    let judged = wiz.judgements();
    let mut order = Vec::new();
    for c in &cat.categories {
        for status in [Status::Eligible, Status::Maybe] {
            order.extend(
                (0..judged.len())
                    .filter(|i| judged[*i].status == status && cat.items[*i].category == c.name),
            );
        }
    }
    let found = order
        .into_par_iter()
        .map(|i| {
            let j = &judged[i];
            let (why, why_zh) = match j.status {
                Status::Eligible => eligible_why(cat, qs, &wiz.given, i, lang),
                _ => maybe_why(j.ask.as_deref(), lang),
            };
            Found {
                item: i,
                status: j.status,
                why,
                why_zh,
            }
        })
        .collect();
    let said = wiz
        .given
        .iter()
        .filter_map(|g| qs[g.question].answers[g.answer].said.as_ref())
        .map(|s| s.get(lang).to_string())
        .collect();
    Results { found, said }
}

/// The fewest answers that still make item `i` 符合.
fn needed(cat: &Catalog, qs: &[Question], given: &[Given], i: usize) -> Vec<Given> {
    let item = &cat.items[i];
    let mut keep: Vec<Given> = given
        .iter()
        .copied()
        .filter(|g| reads(item, &qs[g.question].answers[g.answer].claims))
        .collect();
    for g in keep.clone() {
        let without: Vec<Given> = keep.iter().copied().filter(|k| *k != g).collect();
        let model = wizard::model(qs, &without);
        if judge(cat, item, &model).status == Status::Eligible {
            keep = without;
        }
    }
    keep
}

fn eligible_why(
    cat: &Catalog,
    qs: &[Question],
    given: &[Given],
    i: usize,
    lang: Lang,
) -> (String, String) {
    let said: Vec<_> = needed(cat, qs, given, i)
        .into_iter()
        .filter_map(|g| qs[g.question].answers[g.answer].said.as_ref())
        .collect();
    if said.is_empty() {
        let zh = "这一项所有居民都可以申请".to_string();
        let en = "Open to every resident".to_string();
        return pick(lang, en, zh);
    }
    let zh = said.iter().map(|s| s.zh.as_str()).collect::<Vec<_>>();
    let en = said.iter().map(|s| s.en.as_str()).collect::<Vec<_>>();
    pick(
        lang,
        format!("Because you said: {}", en.join("; ")),
        format!("因为您说：{}", zh.join("、")),
    )
}

fn maybe_why(ask: Option<&str>, lang: Lang) -> (String, String) {
    match ask {
        Some(q) => pick(
            lang,
            format!("Still to check: {q}"),
            format!("还要问清楚：{q}"),
        ),
        None => pick(
            lang,
            "Still to check at the counter".to_string(),
            "还要到窗口核对具体情况".to_string(),
        ),
    }
}

/// The line in the interface language and the Chinese line.
fn pick(lang: Lang, en: String, zh: String) -> (String, String) {
    match lang {
        Lang::Zh => (zh.clone(), zh),
        Lang::En => (en, zh),
    }
}

/// The printable list of the results: the export module's list with the kiosk's statuses and
/// lines, and the resident's answers instead of a household summary.
pub fn policy_list(
    cat: &Catalog,
    qs: &[Question],
    wiz: &Wizard,
    r: &Results,
    date: &str,
) -> PolicyList {
    let ids: Vec<String> = r
        .found
        .iter()
        .map(|f| cat.items[f.item].id.clone())
        .collect();
    let mut list = export::build(
        cat,
        &Household::default(),
        &Selection::Items(ids),
        date,
        Options::default(),
    );
    for g in &mut list.groups {
        for e in &mut g.entries {
            let Some(f) = r.found.iter().find(|f| cat.items[f.item].id == e.id) else {
                continue;
            };
            e.status = f.status;
            e.status_text = f.status.zh().to_string();
            let line = vec![f.why_zh.clone()];
            (e.reasons, e.missing) = match f.status {
                Status::Eligible => (line, Vec::new()),
                _ => (Vec::new(), line),
            };
        }
        g.entries.sort_by_key(|e| e.status);
    }
    let said: Vec<&str> = wiz
        .given
        .iter()
        .filter_map(|g| qs[g.question].answers[g.answer].said.as_ref())
        .map(|s| s.zh.as_str())
        .collect();
    list.household = if said.is_empty() {
        vec!["没有回答问题，清单按可能符合列出。".to_string()]
    } else {
        vec![format!("您的回答：{}", said.join("；"))]
    };
    list
}
