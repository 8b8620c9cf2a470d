//! The plain page of one item, and the household's verdict under it, as text.
//!
//! The page answers a resident's questions in the order they ask them: what is it, what do I
//! get, can I apply, how, with what papers, where, how long. Official words on the page are
//! explained at the bottom from the glossary.

use std::fmt::Write as _;

use crate::catalog::{Catalog, Item};
use crate::text::num;
use crate::verdict::{Status, Verdict};

/// Shown after an example figure.
pub const ILLUSTRATIVE_NOTE: &str = "（示例金额，以当年公布标准为准）";

/// The amount line of a benefit: "1,149 元/人/月 · 每月（示例金额…）", or `None` without one.
pub fn amount_line(item: &Item) -> Option<String> {
    let b = &item.benefit;
    let amount = b.amount?;
    let mut s = format!("{} {}", num(amount), b.unit.as_deref().unwrap_or("元"));
    if let Some(p) = &b.period {
        let _ = write!(s, " · {p}");
    }
    if b.illustrative {
        s.push_str(ILLUSTRATIVE_NOTE);
    }
    Some(s)
}

/// The full plain page of an item.
pub fn render(cat: &Catalog, item: &Item) -> String {
    let lead = cat.lead(item);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}\n{} · {}{}\n",
        item.name,
        item.category,
        lead.name,
        co(cat, item)
    );
    let _ = writeln!(s, "{}\n", item.summary);
    section(&mut s, "是什么", &[&item.description]);
    let mut get = vec![item.benefit.text.clone()];
    get.extend(amount_line(item).map(|a| format!("金额：{a}")));
    section(&mut s, "能得到什么", &get);
    section(&mut s, "谁可以申请", &[&item.who]);
    let steps: Vec<String> = item
        .apply
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{}. {a}", i + 1))
        .collect();
    section(&mut s, "怎么申请", &steps);
    let docs: Vec<String> = if item.documents.is_empty() {
        vec!["不用带材料。".to_string()]
    } else {
        item.documents.iter().map(|d| format!("· {d}")).collect()
    };
    section(&mut s, "要带的材料", &docs);
    let place = vec![
        item.place.clone(),
        format!("电话 {} · {}", lead.hotline, lead.hours),
    ];
    section(&mut s, "去哪里办", &place);
    section(&mut s, "多久办好", &[&item.processing]);
    section(&mut s, "政策依据", &[&item.basis]);
    let terms = glossary_for(cat, &s);
    if !terms.is_empty() {
        section(&mut s, "名词解释", &terms);
    }
    let _ = writeln!(s, "最后核对：{}", item.reviewed);
    s
}

fn co(cat: &Catalog, item: &Item) -> String {
    let names: Vec<&str> = item
        .co_providers
        .iter()
        .filter_map(|p| cat.provider(p))
        .map(|p| p.name.as_str())
        .collect();
    if names.is_empty() {
        String::new()
    } else {
        format!("（协办：{}）", names.join("、"))
    }
}

fn section<T: AsRef<str>>(s: &mut String, title: &str, lines: &[T]) {
    let _ = writeln!(s, "【{title}】");
    for l in lines {
        let _ = writeln!(s, "  {}", l.as_ref());
    }
    s.push('\n');
}

/// Glossary entries whose term or alias appears in `text`.
pub fn glossary_for(cat: &Catalog, text: &str) -> Vec<String> {
    cat.glossary
        .iter()
        .filter(|t| text.contains(&t.term) || t.aliases.iter().any(|a| text.contains(a.as_str())))
        .map(|t| format!("{}：{}", t.term, t.explain))
        .collect()
}

/// The household's verdict on an item, as a block under its page.
pub fn render_verdict(v: &Verdict) -> String {
    let mut s = format!("【本户情况】{}\n", v.status.zh());
    let lead = match v.status {
        Status::Eligible => "为什么符合：",
        Status::Maybe => "已经知道的：",
        Status::Ineligible => "为什么不符合：",
    };
    if !v.reasons.is_empty() {
        let _ = writeln!(s, "  {lead}");
        for r in &v.reasons {
            let _ = writeln!(s, "  · {r}");
        }
    }
    if !v.missing.is_empty() {
        let _ = writeln!(s, "  还需要问清楚：");
        for q in &v.missing {
            let _ = writeln!(s, "  · {q}");
        }
    }
    s
}
