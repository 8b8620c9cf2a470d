//! The list as plain text of a given width: 32 columns for 58 mm receipt printers, 48 for
//! 80 mm ones, 80 for a terminal or an A4 page in a monospaced font.

use super::PolicyList;
use super::wrap::wrap;
use crate::verdict::Status;

/// The narrowest width that still reads; anything narrower is raised to it.
pub const MIN_WIDTH: usize = 20;

/// Lay the list out in `width` columns.
pub fn render(list: &PolicyList, width: usize) -> String {
    let w = width.max(MIN_WIDTH);
    let mut out: Vec<String> = Vec::new();
    let rule = "-".repeat(w);
    out.extend(wrap(&list.title, w, "", ""));
    out.extend(wrap(&format!("{} · {}", list.region, list.date), w, "", ""));
    out.extend(wrap(
        &format!("目录版本 {}", list.catalog_version),
        w,
        "",
        "",
    ));
    for line in &list.household {
        out.extend(wrap(line, w, "", "  "));
    }
    out.push(rule.clone());
    if list.is_empty() {
        out.extend(wrap(
            "目前没有找到符合或可能符合的帮扶项目。情况有变化时，欢迎再来问。",
            w,
            "",
            "",
        ));
    }
    let mut n = 0;
    for g in &list.groups {
        out.push(format!("【{}】", g.category));
        for e in &g.entries {
            n += 1;
            out.extend(wrap(
                &format!("{n}. {}（{}）", e.name, e.status_text),
                w,
                "",
                "   ",
            ));
            let field = |out: &mut Vec<String>, label: &str, text: &str| {
                if !text.is_empty() {
                    out.extend(wrap(&format!("{label}：{text}"), w, "   ", "     "));
                }
            };
            let why = if e.status == Status::Eligible {
                "为什么"
            } else {
                "已知"
            };
            for r in &e.reasons {
                field(&mut out, why, r);
            }
            for q in &e.missing {
                field(&mut out, "要问清", q);
            }
            field(&mut out, "能得到", &e.benefit);
            field(&mut out, "金额", e.amount.as_deref().unwrap_or(""));
            field(&mut out, "要带", &e.documents.join("、"));
            field(&mut out, "去哪里", &e.place);
            field(&mut out, "电话", &format!("{} {}", e.phone, e.provider));
            field(&mut out, "时间", &e.hours);
        }
        out.push(String::new());
    }
    out.push(rule);
    out.extend(wrap(
        &format!("不清楚就打 {} 政务服务热线。", list.hotline),
        w,
        "",
        "",
    ));
    out.extend(wrap(&list.note, w, "", ""));
    let mut s = out.join("\n");
    s.push('\n');
    s
}
