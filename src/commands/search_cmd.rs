//! `search`: items by Chinese, pinyin or everyday words, best first.

use std::fmt::Write as _;

use serde_json::json;

use super::catalog_cmds::json_text;
use crate::catalog::Catalog;
use crate::cli::Format;
use crate::search::SearchIndex;

pub fn run(cat: &Catalog, query: &str, limit: usize, format: Format) -> String {
    let hits = SearchIndex::new(cat).search(query, limit);
    match format {
        Format::Json => {
            let results: Vec<_> = hits
                .iter()
                .map(|h| {
                    let i = &cat.items[h.index];
                    json!({"id": i.id, "name": i.name, "category": i.category, "score": h.score,
                           "highlights": h.highlights})
                })
                .collect();
            json_text(&json!({ "query": query, "results": results }))
        }
        Format::Text => {
            let mut s = String::new();
            for (n, h) in hits.iter().enumerate() {
                let i = &cat.items[h.index];
                let name = marked(&i.name, &h.highlights);
                let _ = writeln!(s, "{:>2}. {name}  [{}] {}", n + 1, i.category, i.id);
            }
            if hits.is_empty() {
                let _ = writeln!(
                    s,
                    "没有找到和「{query}」有关的帮扶项目。换个说法试试，比如：看病、上学、找工作。"
                );
            }
            s
        }
    }
}

/// The name with matched characters in 【】 brackets, for plain terminals.
fn marked(name: &str, lit: &[usize]) -> String {
    let mut out = String::new();
    let mut open = false;
    for (i, c) in name.chars().enumerate() {
        let on = lit.contains(&i);
        if on != open {
            out.push(if on { '【' } else { '】' });
            open = on;
        }
        out.push(c);
    }
    if open {
        out.push('】');
    }
    out
}
