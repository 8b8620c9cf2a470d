//! `list`, `show`, `stats` and `validate`: commands about the catalog itself.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Map, Value, json};

use super::{Failure, Output, read_profile};
use crate::catalog::load::load_full;
use crate::catalog::{Catalog, Item, ProviderKind, Source, lint};
use crate::cli::Format;
use crate::page;
use crate::problem::{Problems, nearest};
use crate::verdict::{Verdict, assess_item};

pub fn list(
    cat: &Catalog,
    category: Option<&str>,
    provider: Option<&str>,
    format: Format,
) -> Result<Output, Failure> {
    if let Some(c) = category
        && !cat.categories.iter().any(|x| x.name == c)
    {
        let names: Vec<&str> = cat.categories.iter().map(|x| x.name.as_str()).collect();
        return Err(unknown("category", c, &names));
    }
    let provider_id = match provider {
        Some(p) => Some(
            cat.providers
                .iter()
                .find(|x| x.id == p || x.name == p)
                .map(|x| x.id.as_str())
                .ok_or_else(|| {
                    unknown(
                        "provider",
                        p,
                        &cat.providers
                            .iter()
                            .map(|x| x.id.as_str())
                            .collect::<Vec<_>>(),
                    )
                })?,
        ),
        None => None,
    };
    let items: Vec<&Item> = cat
        .items
        .iter()
        .filter(|i| category.is_none_or(|c| i.category == c))
        .filter(|i| provider_id.is_none_or(|p| i.provider == p))
        .collect();
    let text = match format {
        Format::Json => json_text(&Value::Array(
            items.iter().map(|i| item_brief(cat, i)).collect(),
        )),
        Format::Text => {
            let mut s = String::new();
            for i in &items {
                let _ = writeln!(
                    s,
                    "{:<28} {}  [{}] {}",
                    i.id,
                    i.name,
                    i.category,
                    cat.lead(i).name
                );
            }
            let _ = writeln!(s, "{} 项", items.len());
            s
        }
    };
    Ok(Output::ok(text))
}

fn unknown(what: &str, word: &str, known: &[&str]) -> Failure {
    let hint = match nearest(word, known.iter().copied()) {
        Some(n) => format!("did you mean `{n}`?"),
        None => format!("known: {}", known.join(", ")),
    };
    Failure::Message(format!("unknown {what} `{word}`; {hint}"))
}

/// The contract's short form of an item.
pub fn item_brief(cat: &Catalog, i: &Item) -> Value {
    json!({
        "id": i.id,
        "name": i.name,
        "category": i.category,
        "provider": cat.lead(i).name,
        "provider_id": i.provider,
        "summary": i.summary,
    })
}

pub fn json_text(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("JSON values always serialize");
    s.push('\n');
    s
}

pub fn show(
    cat: &Catalog,
    id: &str,
    profile: Option<&Path>,
    format: Format,
) -> Result<Output, Failure> {
    let item = cat.item(id).ok_or_else(|| {
        let ids: Vec<&str> = cat.items.iter().map(|i| i.id.as_str()).collect();
        unknown("item", id, &ids)
    })?;
    let verdict = match profile {
        Some(p) => {
            let h = read_profile(p)?;
            Some(assess_item(cat, item, &h))
        }
        None => None,
    };
    let text = match format {
        Format::Json => {
            let mut v = item_full(cat, item);
            if let (Some(verdict), Value::Object(m)) = (&verdict, &mut v) {
                m.insert("verdict".into(), verdict_json(cat, verdict));
            }
            json_text(&v)
        }
        Format::Text => {
            let mut s = page::render(cat, item);
            if let Some(v) = &verdict {
                s.push('\n');
                s.push_str(&page::render_verdict(v));
            }
            s
        }
    };
    Ok(Output::ok(text))
}

/// Every field of an item, for `show --format json`.
pub fn item_full(cat: &Catalog, i: &Item) -> Value {
    let lead = cat.lead(i);
    let mut v = item_brief(cat, i);
    let co: Vec<&str> = i
        .co_providers
        .iter()
        .filter_map(|p| cat.provider(p))
        .map(|p| p.name.as_str())
        .collect();
    let extra = json!({
        "co_providers": co,
        "description": i.description,
        "benefit": i.benefit,
        "who": i.who,
        "apply": i.apply,
        "documents": i.documents,
        "where": i.place,
        "phone": lead.hotline,
        "hours": lead.hours,
        "processing": i.processing,
        "basis": i.basis,
        "keywords": i.keywords,
        "reviewed": i.reviewed,
    });
    if let (Value::Object(a), Value::Object(b)) = (&mut v, extra) {
        a.extend(b);
    }
    v
}

/// A verdict in the contract's JSON form.
pub fn verdict_json(cat: &Catalog, v: &Verdict) -> Value {
    let mut m = match item_brief(cat, v.item) {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    m.remove("summary");
    m.insert("status".into(), json!(v.status.key()));
    m.insert("reasons".into(), json!(v.reasons));
    m.insert("missing".into(), json!(v.missing));
    Value::Object(m)
}

pub fn stats(cat: &Catalog, format: Format) -> String {
    let count = |k: ProviderKind| cat.providers.iter().filter(|p| p.kind == k).count();
    let mut by_category = Map::new();
    for c in &cat.categories {
        let n = cat.items.iter().filter(|i| i.category == c.name).count();
        by_category.insert(c.name.clone(), json!(n));
    }
    match format {
        Format::Json => json_text(&json!({
            "items": cat.items.len(),
            "categories": cat.categories.len(),
            "agencies": count(ProviderKind::Government),
            "social_orgs": count(ProviderKind::Social),
            "by_category": by_category,
        })),
        Format::Text => {
            let mut s = format!(
                "{} · 版本 {}\n{} 项帮扶，{} 个类别，{} 家单位，{} 家社会组织\n",
                cat.region,
                cat.version,
                cat.items.len(),
                cat.categories.len(),
                count(ProviderKind::Government),
                count(ProviderKind::Social)
            );
            for (name, n) in &by_category {
                let _ = writeln!(s, "  {name}  {n}");
            }
            s
        }
    }
}

pub fn validate(dir: Option<&Path>) -> Result<Output, Failure> {
    let src = match dir {
        Some(d) => Source::from_dir(d)?,
        None => Source::bundled(),
    };
    let loaded = load_full(&src)?;
    let problems = lint::lint(&loaded);
    if !problems.is_empty() {
        return Err(Failure::Problems(Problems(problems)));
    }
    let c = &loaded.catalog;
    let text = format!(
        "{}: no problems ({} items, {} providers, {} glossary terms)\n",
        src.root,
        c.items.len(),
        c.providers.len(),
        c.glossary.len()
    );
    Ok(Output::ok(text))
}
