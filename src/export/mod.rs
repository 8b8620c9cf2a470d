//! The household's policy list (帮扶政策清单) and its formats.
//!
//! [`build`] turns a catalog, a household and a selection of items into one [`PolicyList`];
//! each format module only lays that list out: `html` for printing on A4, `txt` for receipt
//! printers and plain terminals, `md` for messaging apps, `json` and `csv` for other programs,
//! and `qr` for the code a resident scans to carry the list on a phone.

pub mod csv;
pub mod html;
pub mod md;
pub mod print;
pub mod qr;
pub mod summary;
pub mod txt;
pub mod wrap;

use serde::Serialize;

use crate::catalog::{Catalog, Item};
use crate::page::amount_line;
use crate::profile::Household;
use crate::verdict::{Status, Verdict, assess, assess_item};

/// The list's title.
pub const TITLE: &str = "帮扶政策清单";

/// The closing note every list carries.
pub const NOTE: &str = "本清单根据您提供的情况和政策目录自动整理，金额以目录为准，\
     标注“示例金额”的以当年公布的标准为准。能否享受，以经办部门审核为准。";

/// The household's list, ready for any format.
#[derive(Debug, Clone, Serialize)]
pub struct PolicyList {
    pub title: String,
    pub date: String,
    pub region: String,
    pub catalog_version: String,
    /// Short lines describing the household, without names unless asked for.
    pub household: Vec<String>,
    pub groups: Vec<Group>,
    pub hotline: String,
    pub note: String,
}

/// The items of one category.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub category: String,
    pub entries: Vec<Entry>,
}

/// One item on the list with everything a resident needs to act on it.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub status: Status,
    pub status_text: String,
    pub reasons: Vec<String>,
    pub missing: Vec<String>,
    pub benefit: String,
    pub amount: Option<String>,
    pub documents: Vec<String>,
    pub place: String,
    pub provider: String,
    pub phone: String,
    pub hours: String,
}

/// Which items go on the list.
#[derive(Debug, Clone, Default)]
pub enum Selection {
    /// Every eligible and maybe item.
    #[default]
    Relevant,
    /// These ids, in this order of preference (still grouped by category).
    Items(Vec<String>),
}

/// What the list says about the household.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub with_names: bool,
}

impl PolicyList {
    /// Every entry, in list order.
    pub fn entries(&self) -> impl Iterator<Item = (&Group, &Entry)> {
        self.groups
            .iter()
            .flat_map(|g| g.entries.iter().map(move |e| (g, e)))
    }

    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.entries.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Build the list. Unknown ids in a selection are the caller's to check.
pub fn build(
    cat: &Catalog,
    h: &Household,
    selection: &Selection,
    date: &str,
    opts: Options,
) -> PolicyList {
    // Reasons name members by name when one is given; a list without names must not.
    let anonymous;
    let h = if opts.with_names {
        h
    } else {
        anonymous = without_names(h);
        &anonymous
    };
    let verdicts: Vec<Verdict> = match selection {
        Selection::Relevant => assess(cat, h)
            .into_iter()
            .filter(|v| v.status != Status::Ineligible)
            .collect(),
        Selection::Items(ids) => {
            let mut v: Vec<Verdict> = ids
                .iter()
                .filter_map(|id| cat.item(id))
                .map(|i| assess_item(cat, i, h))
                .collect();
            v.sort_by_key(|v| v.status);
            v
        }
    };
    let groups = cat
        .categories
        .iter()
        .map(|c| Group {
            category: c.name.clone(),
            entries: verdicts
                .iter()
                .filter(|v| v.item.category == c.name)
                .map(|v| entry(cat, v))
                .collect(),
        })
        .filter(|g| !g.entries.is_empty())
        .collect();
    PolicyList {
        title: TITLE.to_string(),
        date: date.to_string(),
        region: cat.region.clone(),
        catalog_version: cat.version.clone(),
        household: summary::describe(h),
        groups,
        hotline: cat.general_hotline.clone(),
        note: NOTE.to_string(),
    }
}

fn without_names(h: &Household) -> Household {
    let mut h = h.clone();
    for m in h.members.iter_mut().flatten() {
        m.name = None;
    }
    h
}

fn entry(cat: &Catalog, v: &Verdict) -> Entry {
    let item: &Item = v.item;
    let lead = cat.lead(item);
    Entry {
        id: item.id.clone(),
        name: item.name.clone(),
        status: v.status,
        status_text: v.status.zh().to_string(),
        reasons: v.reasons.clone(),
        missing: v.missing.clone(),
        benefit: item.benefit.text.clone(),
        amount: amount_line(item),
        documents: item.documents.clone(),
        place: item.place.clone(),
        provider: lead.name.clone(),
        phone: lead.hotline.clone(),
        hours: lead.hours.clone(),
    }
}

/// The list as pretty JSON.
pub fn to_json(list: &PolicyList) -> String {
    let mut s = serde_json::to_string_pretty(list).expect("the list always serializes");
    s.push('\n');
    s
}
