//! The list as one self-contained HTML page for printing on A4: no external files, a Chinese
//! font stack, large type for reading at arm's length, and no item split across pages.

use std::fmt::Write as _;

use super::PolicyList;
use super::qr::Qr;
use crate::verdict::Status;

const STYLE: &str = r#"
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  "WenQuanYi Micro Hei", "Heiti SC", sans-serif; font-size: 14pt; line-height: 1.6;
  color: #000; background: #fff; max-width: 182mm; margin: 0 auto; }
h1 { font-size: 22pt; margin: 0 0 4pt; }
h2 { font-size: 17pt; border-bottom: 2pt solid #000; margin: 18pt 0 6pt; break-after: avoid; }
h3 { font-size: 15pt; margin: 0 0 4pt; }
.meta { color: #333; margin: 0 0 8pt; }
.household { border: 1pt solid #000; padding: 6pt 10pt; margin: 8pt 0; }
.household p { margin: 2pt 0; }
.item { border: 1pt solid #666; border-radius: 4pt; padding: 8pt 10pt; margin: 0 0 10pt;
  break-inside: avoid; page-break-inside: avoid; }
.badge { display: inline-block; padding: 0 6pt; border: 1.5pt solid #000; font-weight: bold; }
.eligible .badge { background: #000; color: #fff; }
dl { margin: 4pt 0 0; display: grid; grid-template-columns: 5.5em 1fr; gap: 2pt 8pt; }
dt { font-weight: bold; }
dd { margin: 0; }
ul { margin: 0; padding-left: 1.2em; }
.qr { display: flex; gap: 12pt; align-items: center; margin: 14pt 0; break-inside: avoid; }
.foot { border-top: 2pt solid #000; margin-top: 14pt; padding-top: 6pt; }
@media print { a { color: #000; text-decoration: none; } }
"#;

/// Escape text for HTML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn render(list: &PolicyList, qr: &Qr) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{} {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&list.title),
        esc(&list.date)
    );
    let _ = writeln!(s, "<h1>{}</h1>", esc(&list.title));
    let _ = writeln!(
        s,
        "<p class=\"meta\">{} · {} · 目录版本 {}</p>",
        esc(&list.region),
        esc(&list.date),
        esc(&list.catalog_version)
    );
    s.push_str("<div class=\"household\">\n");
    for line in &list.household {
        let _ = writeln!(s, "<p>{}</p>", esc(line));
    }
    s.push_str("</div>\n");
    if list.is_empty() {
        s.push_str("<p>目前没有找到符合或可能符合的帮扶项目。情况有变化时，欢迎再来问。</p>\n");
    }
    for g in &list.groups {
        let _ = writeln!(s, "<h2>{}</h2>", esc(&g.category));
        for e in &g.entries {
            item(&mut s, e);
        }
    }
    let _ = writeln!(
        s,
        "<div class=\"qr\">{}<p>用手机扫一扫，把这份清单存到手机上。",
        qr.svg(40)
    );
    if let Some(note) = &qr.shortened {
        let _ = write!(s, "<br>{}", esc(note));
    }
    s.push_str("</p></div>\n");
    let _ = writeln!(
        s,
        "<div class=\"foot\"><p>不清楚就打 <b>{}</b> 政务服务热线。</p><p>{}</p></div>",
        esc(&list.hotline),
        esc(&list.note)
    );
    s.push_str("</body>\n</html>\n");
    s
}

fn item(s: &mut String, e: &super::Entry) {
    let class = e.status.key();
    let _ = writeln!(
        s,
        "<section class=\"item {class}\">\n<h3>{} <span class=\"badge\">{}</span></h3>\n<dl>",
        esc(&e.name),
        esc(&e.status_text)
    );
    let why = if e.status == Status::Eligible {
        "为什么"
    } else {
        "已经知道"
    };
    list_row(s, why, &e.reasons);
    list_row(s, "还要问清", &e.missing);
    row(s, "能得到", &e.benefit);
    if let Some(a) = &e.amount {
        row(s, "金额", a);
    }
    if !e.documents.is_empty() {
        row(s, "要带", &e.documents.join("、"));
    }
    row(s, "去哪里", &e.place);
    row(s, "电话", &format!("{}（{}）", e.phone, e.provider));
    row(s, "时间", &e.hours);
    s.push_str("</dl>\n</section>\n");
}

fn row(s: &mut String, label: &str, text: &str) {
    let _ = writeln!(s, "<dt>{label}</dt><dd>{}</dd>", esc(text));
}

fn list_row(s: &mut String, label: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = write!(s, "<dt>{label}</dt><dd><ul>");
    for i in items {
        let _ = write!(s, "<li>{}</li>", esc(i));
    }
    s.push_str("</ul></dd>\n");
}
