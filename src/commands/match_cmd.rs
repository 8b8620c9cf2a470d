//! `match`: every item's verdict for one household.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::json;

use super::catalog_cmds::{json_text, verdict_json};
use super::{Failure, Output, read_profile};
use crate::catalog::Catalog;
use crate::cli::Format;
use crate::verdict::{Status, assess};

pub fn run(cat: &Catalog, profile: &Path, format: Format) -> Result<Output, Failure> {
    let h = read_profile(profile)?;
    let verdicts = assess(cat, &h);
    let text = match format {
        Format::Json => {
            let results: Vec<_> = verdicts.iter().map(|v| verdict_json(cat, v)).collect();
            json_text(&json!({ "results": results }))
        }
        Format::Text => {
            let mut s = String::new();
            for status in [Status::Eligible, Status::Maybe, Status::Ineligible] {
                let group: Vec<_> = verdicts.iter().filter(|v| v.status == status).collect();
                let _ = writeln!(s, "== {}（{} 项）==", status.zh(), group.len());
                for v in group {
                    let _ = writeln!(s, "{}  [{}] {}", v.item.name, v.item.category, v.item.id);
                    for r in &v.reasons {
                        let _ = writeln!(s, "    · {r}");
                    }
                    for q in &v.missing {
                        let _ = writeln!(s, "    ? {q}");
                    }
                }
                s.push('\n');
            }
            s
        }
    };
    Ok(Output::ok(text))
}
