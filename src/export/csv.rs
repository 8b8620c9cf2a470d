//! The list as CSV, one row per item, UTF-8 with a byte-order mark so that spreadsheet
//! programs open the Chinese text correctly.

use super::PolicyList;

/// The header row, in English for scripts.
pub const HEADER: &[&str] = &[
    "category",
    "status",
    "id",
    "name",
    "reasons",
    "missing",
    "benefit",
    "amount",
    "documents",
    "where",
    "provider",
    "phone",
    "hours",
];

/// Quote a field the way RFC 4180 does: always, with inner quotes doubled.
pub fn field(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

pub fn render(list: &PolicyList) -> String {
    let mut s = String::from("\u{feff}");
    push_row(&mut s, HEADER.iter().map(|h| h.to_string()));
    for (g, e) in list.entries() {
        let row = [
            g.category.clone(),
            e.status.key().to_string(),
            e.id.clone(),
            e.name.clone(),
            e.reasons.join("；"),
            e.missing.join("；"),
            e.benefit.clone(),
            e.amount.clone().unwrap_or_default(),
            e.documents.join("、"),
            e.place.clone(),
            e.provider.clone(),
            e.phone.clone(),
            e.hours.clone(),
        ];
        push_row(&mut s, row.into_iter());
    }
    s
}

fn push_row(s: &mut String, cells: impl Iterator<Item = String>) {
    let row: Vec<String> = cells.map(|c| field(&c)).collect();
    s.push_str(&row.join(","));
    s.push_str("\r\n");
}
