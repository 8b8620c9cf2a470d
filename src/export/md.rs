//! The list as Markdown, for messaging apps and documents.

use std::fmt::Write as _;

use super::PolicyList;
use crate::verdict::Status;

/// Characters Markdown would read as formatting, escaped so texts show as written.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn render(list: &PolicyList) -> String {
    let mut s = format!("# {}\n\n", list.title);
    let _ = writeln!(
        s,
        "{} · {} · 目录版本 {}\n",
        esc(&list.region),
        list.date,
        esc(&list.catalog_version)
    );
    for line in &list.household {
        let _ = writeln!(s, "> {}", esc(line));
    }
    s.push('\n');
    if list.is_empty() {
        s.push_str("目前没有找到符合或可能符合的帮扶项目。\n\n");
    }
    for g in &list.groups {
        let _ = writeln!(s, "## {}\n", esc(&g.category));
        for e in &g.entries {
            let _ = writeln!(s, "### {}（{}）\n", esc(&e.name), e.status_text);
            let why = if e.status == Status::Eligible {
                "为什么符合"
            } else {
                "已经知道"
            };
            for r in &e.reasons {
                let _ = writeln!(s, "- {why}：{}", esc(r));
            }
            for q in &e.missing {
                let _ = writeln!(s, "- 还要问清：{}", esc(q));
            }
            let _ = writeln!(s, "- 能得到：{}", esc(&e.benefit));
            if let Some(a) = &e.amount {
                let _ = writeln!(s, "- 金额：{}", esc(a));
            }
            if !e.documents.is_empty() {
                let _ = writeln!(s, "- 要带：{}", esc(&e.documents.join("、")));
            }
            let _ = writeln!(s, "- 去哪里：{}", esc(&e.place));
            let _ = writeln!(
                s,
                "- 电话：{}（{}，{}）\n",
                e.phone,
                esc(&e.provider),
                esc(&e.hours)
            );
        }
    }
    let _ = writeln!(
        s,
        "---\n\n不清楚就打 **{}** 政务服务热线。\n\n{}",
        list.hotline,
        esc(&list.note)
    );
    s
}
