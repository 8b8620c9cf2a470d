//! Loading and checking a catalog: every problem in every file, not just the first.
//!
//! Each file is parsed on its own and each item decoded on its own, so one broken item does
//! not hide the problems of the next. Cross-file checks (duplicate ids, unknown providers or
//! categories, rules naming unknown facts or standards) run on whatever decoded.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::model::*;
use super::source::{MAX_FILE_BYTES, Source};
use crate::facts::{self, Scope};
use crate::problem::{Problem, Problems, suggest};
use crate::rules::eval::{Context, Implication, NamedAmount};
use crate::rules::{self, Cond, Names, RawRule, RawTarget, Rule};
use crate::text::tidy;
use crate::yaml::{self, Doc};

/// Real national service numbers; a provider's hotline must be one of them.
pub const NATIONAL_HOTLINES: &[&str] = &[
    "12345", "12333", "12349", "12393", "12320", "12338", "12355", "12385", "12348", "12316",
    "12351", "12315", "12366", "12350", "12319", "12356",
];

/// A loaded catalog with the parsed documents, which the plain-language lint reads again.
pub struct Loaded {
    pub catalog: Catalog,
    pub docs: BTreeMap<String, Doc>,
    /// Where each item is: its file and its path inside that file.
    pub item_paths: HashMap<String, (String, String)>,
}

/// Load and check; `Err` holds every problem found.
pub fn load(src: &Source) -> Result<Catalog, Problems> {
    load_full(src).map(|l| l.catalog)
}

/// Load and check, keeping the parsed documents.
pub fn load_full(src: &Source) -> Result<Loaded, Problems> {
    let mut cx = Checker {
        src,
        problems: Vec::new(),
        docs: BTreeMap::new(),
    };
    let frame = cx.frame();
    let glossary = cx.glossary();
    let synonyms = cx.synonyms();
    let (mut items, item_paths) = match &frame {
        Some(f) => cx.items(f),
        None => (Vec::new(), HashMap::new()),
    };
    if !cx.problems.is_empty() {
        return Err(Problems(cx.problems));
    }
    let (frame, mut context) = frame.expect("no problems means the frame loaded");
    context.conditions = crate::rules::number(items.iter_mut().map(|i| &mut i.rule));
    let catalog = Catalog {
        region: frame.region,
        version: frame.version,
        reviewed: frame.reviewed,
        note: frame.note,
        general_hotline: frame.general_hotline,
        standards: frame.standards,
        categories: frame.categories,
        providers: frame.providers,
        towns: frame.towns,
        items,
        glossary,
        synonyms,
        context,
    };
    Ok(Loaded {
        catalog,
        docs: cx.docs,
        item_paths,
    })
}

struct Checker<'a> {
    src: &'a Source,
    problems: Vec<Problem>,
    docs: BTreeMap<String, Doc>,
}

impl Checker<'_> {
    fn parse(&mut self, rel: &str) -> Option<Doc> {
        let text = self.src.get(rel)?;
        match yaml::parse(&self.src.display(rel), text, MAX_FILE_BYTES) {
            Ok(doc) => {
                self.docs.insert(rel.to_string(), doc.clone());
                Some(doc)
            }
            Err(p) => {
                self.problems.push(p);
                None
            }
        }
    }

    fn frame(&mut self) -> Option<(CatalogFile, Context)> {
        if self.src.get("catalog.yaml").is_none() {
            let fix = "create catalog.yaml with region, standards, categories, statuses, providers";
            self.problems.push(Problem::at(
                &self.src.display("catalog.yaml"),
                None,
                "missing",
                fix,
            ));
            return None;
        }
        let doc = self.parse("catalog.yaml")?;
        let frame: CatalogFile = self.decode(&doc, "", &doc.value)?;
        self.check_frame(&doc, &frame);
        let context = self.context(&doc, &frame);
        Some((frame, context))
    }

    fn decode<T: serde::de::DeserializeOwned>(
        &mut self,
        doc: &Doc,
        path: &str,
        v: &yaml::Value,
    ) -> Option<T> {
        doc.decode(path, v).map_err(|p| self.problems.push(p)).ok()
    }

    fn check_frame(&mut self, doc: &Doc, f: &CatalogFile) {
        self.texts(doc, "", &[("region", &f.region), ("version", &f.version)]);
        self.date(doc, "reviewed", &f.reviewed);
        let ids: Vec<&str> = f.standards.iter().map(|s| s.id.as_str()).collect();
        self.unique(doc, "standards", "id", &ids);
        for (i, s) in f.standards.iter().enumerate() {
            let base = format!("standards[{i}]");
            self.texts(
                doc,
                &base,
                &[
                    ("id", &s.id),
                    ("name", &s.name),
                    ("unit", &s.unit),
                    ("source", &s.source),
                ],
            );
            self.date(doc, &format!("{base}.effective"), &s.effective);
            if s.amount < 0.0 {
                self.push(
                    doc,
                    &format!("{base}.amount"),
                    "a negative amount",
                    "write the amount as 0 or more",
                );
            }
        }
        let cats: Vec<&str> = f.categories.iter().map(|c| c.name.as_str()).collect();
        self.unique(doc, "categories", "name", &cats);
        let pids: Vec<&str> = f.providers.iter().map(|p| p.id.as_str()).collect();
        self.unique(doc, "providers", "id", &pids);
        for (i, p) in f.providers.iter().enumerate() {
            let base = format!("providers[{i}]");
            let fields = [
                ("id", &p.id),
                ("name", &p.name),
                ("address", &p.address),
                ("hours", &p.hours),
            ];
            self.texts(doc, &base, &fields);
            if !NATIONAL_HOTLINES.contains(&p.hotline.as_str()) {
                let fix = format!(
                    "use a real national service number: {}",
                    NATIONAL_HOTLINES.join(", ")
                );
                self.push(
                    doc,
                    &format!("{base}.hotline"),
                    format!("`{}` is not a known national hotline", p.hotline),
                    fix,
                );
            }
        }
    }

    fn context(&mut self, doc: &Doc, f: &CatalogFile) -> Context {
        let standards = f
            .standards
            .iter()
            .map(|s| {
                let unit = s.unit.split('/').next().unwrap_or(&s.unit).to_string();
                (
                    s.id.clone(),
                    NamedAmount {
                        name: s.name.clone(),
                        amount: s.amount,
                        unit,
                    },
                )
            })
            .collect();
        let names: Vec<&str> = f.standards.iter().map(|s| s.id.as_str()).collect();
        let status_keys: Vec<&str> = facts::STATUS.iter().map(|c| c.key).collect();
        let mut implied = Vec::new();
        for (i, st) in f.statuses.iter().enumerate() {
            let base = format!("statuses[{i}]");
            if !status_keys.contains(&st.id.as_str()) {
                self.push(
                    doc,
                    &format!("{base}.id"),
                    format!("unknown status `{}`", st.id),
                    suggest(&st.id, &status_keys),
                );
            }
            for (j, raw) in st.implies.iter().enumerate() {
                let path = format!("{base}.implies[{j}]");
                let Some(rule) = self.rule(doc, &path, raw, &names) else {
                    continue;
                };
                match rule.cond {
                    Cond::Leaf { fact, test } if fact.scope == Scope::Household => {
                        implied.push(Implication {
                            status: st.id.clone(),
                            status_name: st.name.clone(),
                            fact,
                            test,
                        })
                    }
                    _ => self.push(
                        doc,
                        &path,
                        "a status can only imply a test on one household fact",
                        "write `{fact: ..., is: ...}` or a comparison",
                    ),
                }
            }
        }
        Context {
            standards,
            implied,
            conditions: 0,
        }
    }

    fn rule(&mut self, doc: &Doc, path: &str, raw: &RawRule, standards: &[&str]) -> Option<Rule> {
        let mut errs = Vec::new();
        let rule = rules::compile(raw, path, &Names { standards }, &mut errs);
        for e in &errs {
            self.push(doc, &e.path, e.message.clone(), e.fix.clone());
        }
        if errs.is_empty() { rule } else { None }
    }

    fn glossary(&mut self) -> Vec<Term> {
        let files: Vec<String> = self
            .src
            .files
            .iter()
            .map(|(p, _)| p.clone())
            .filter(|p| p.starts_with("glossary/"))
            .collect();
        let mut terms: Vec<Term> = Vec::new();
        let mut seen: HashMap<String, String> = HashMap::new();
        for rel in files {
            let Some(doc) = self.parse(&rel) else {
                continue;
            };
            let Some(file) = self.decode::<GlossaryFile>(&doc, "", &doc.value) else {
                continue;
            };
            for (i, t) in file.terms.into_iter().enumerate() {
                let base = format!("terms[{i}]");
                self.texts(&doc, &base, &[("term", &t.term), ("explain", &t.explain)]);
                if let Some(first) = seen.insert(t.term.clone(), doc.file.clone()) {
                    self.push(
                        &doc,
                        &format!("{base}.term"),
                        format!("`{}` is explained twice (also in {first})", t.term),
                        "keep one entry",
                    );
                }
                terms.push(t);
            }
        }
        terms
    }

    fn synonyms(&mut self) -> Vec<Synonym> {
        let Some(doc) = self.parse("synonyms.yaml") else {
            return Vec::new();
        };
        let Some(file) = self.decode::<SynonymsFile>(&doc, "", &doc.value) else {
            return Vec::new();
        };
        let mut seen = HashSet::new();
        for (i, s) in file.synonyms.iter().enumerate() {
            let base = format!("synonyms[{i}]");
            self.texts(&doc, &base, &[("say", &s.say)]);
            if s.means.is_empty() || s.means.iter().any(|m| m.trim().is_empty()) {
                let fix = "list the catalog words this everyday word should find";
                self.push(&doc, &format!("{base}.means"), "`means` needs words", fix);
            }
            if !seen.insert(s.say.as_str()) {
                let msg = format!("`{}` appears twice", s.say);
                self.push(&doc, &format!("{base}.say"), msg, "merge the two entries");
            }
        }
        file.synonyms
    }

    fn items(
        &mut self,
        (frame, ctx): &(CatalogFile, Context),
    ) -> (Vec<Item>, HashMap<String, (String, String)>) {
        let files: Vec<String> = self
            .src
            .files
            .iter()
            .map(|(p, _)| p.clone())
            .filter(|p| p.starts_with("items/"))
            .collect();
        let mut items = Vec::new();
        let mut paths: HashMap<String, (String, String)> = HashMap::new();
        let refs = Refs::new(frame, ctx);
        for rel in files {
            let Some(doc) = self.parse(&rel) else {
                continue;
            };
            let Some(file) = self.decode::<ItemsFile>(&doc, "", &doc.value) else {
                continue;
            };
            for (i, v) in file.items.iter().enumerate() {
                let path = format!("items[{i}]");
                let Some(raw) = self.decode::<RawItem>(&doc, &path, v) else {
                    continue;
                };
                if let Some((f, _)) = paths.get(&raw.id) {
                    let msg = format!(
                        "id `{}` is used twice (first in {})",
                        raw.id,
                        self.src.display(f)
                    );
                    self.push(&doc, &format!("{path}.id"), msg, "give this item a new id");
                    continue;
                }
                paths.insert(raw.id.clone(), (rel.clone(), path.clone()));
                if let Some(item) = self.item(&doc, &rel, &path, raw, &refs) {
                    items.push(item);
                }
            }
        }
        (items, paths)
    }

    fn item(
        &mut self,
        doc: &Doc,
        rel: &str,
        path: &str,
        raw: RawItem,
        refs: &Refs,
    ) -> Option<Item> {
        let before = self.problems.len();
        self.check_item(doc, path, &raw, refs);
        let rule = self.rule(
            doc,
            &format!("{path}.eligibility"),
            &raw.eligibility,
            &refs.standards,
        );
        let amount = raw.benefit.amount.as_ref().map(|a| match a {
            RawTarget::Fixed(n) => *n,
            RawTarget::Standard(s) => refs.amount(&s.standard) * s.times,
        });
        if amount.is_some_and(|a| a < 0.0) {
            self.push(
                doc,
                &format!("{path}.benefit.amount"),
                "a negative amount",
                "write the amount as 0 or more",
            );
        }
        if self.problems.len() > before {
            return None;
        }
        Some(Item {
            id: raw.id,
            name: raw.name,
            category: raw.category,
            provider: raw.provider,
            co_providers: raw.co_providers,
            summary: raw.summary,
            description: tidy(&raw.description),
            benefit: Benefit {
                text: tidy(&raw.benefit.text),
                amount,
                unit: raw.benefit.unit,
                period: raw.benefit.period,
                illustrative: raw.benefit.illustrative,
            },
            who: tidy(&raw.who),
            rule: rule?,
            apply: raw.apply,
            documents: raw.documents,
            place: raw.place,
            processing: raw.processing,
            basis: raw.basis,
            keywords: raw.keywords,
            reviewed: raw.reviewed,
            file: rel.to_string(),
        })
    }

    fn check_item(&mut self, doc: &Doc, path: &str, raw: &RawItem, refs: &Refs) {
        let at = |k: &str| format!("{path}.{k}");
        if raw.id.is_empty()
            || !raw
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            self.push(
                doc,
                &at("id"),
                format!("id `{}` has characters other than a-z, 0-9 and -", raw.id),
                "write the id in lowercase letters, digits and -",
            );
        }
        let texts = [
            ("name", &raw.name),
            ("summary", &raw.summary),
            ("description", &raw.description),
            ("who", &raw.who),
            ("where", &raw.place),
            ("processing", &raw.processing),
            ("basis", &raw.basis),
        ];
        self.texts(doc, path, &texts);
        self.texts(doc, &at("benefit"), &[("text", &raw.benefit.text)]);
        self.date(doc, &at("reviewed"), &raw.reviewed);
        if !refs.categories.contains(&raw.category.as_str()) {
            self.push(
                doc,
                &at("category"),
                format!("unknown category `{}`", raw.category),
                suggest(&raw.category, &refs.categories),
            );
        }
        let providers = std::iter::once((at("provider"), &raw.provider)).chain(
            raw.co_providers
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("{path}.co_providers[{i}]"), p)),
        );
        for (p, id) in providers {
            if !refs.providers.contains(&id.as_str()) {
                self.push(
                    doc,
                    &p,
                    format!("unknown provider `{id}`"),
                    suggest(id, &refs.providers),
                );
            }
        }
        for (key, list) in [("apply", &raw.apply), ("keywords", &raw.keywords)] {
            if list.is_empty() {
                self.push(
                    doc,
                    &at(key),
                    format!("`{key}` is empty"),
                    "add at least one entry",
                );
            }
        }
        for (key, list) in [
            ("apply", &raw.apply),
            ("documents", &raw.documents),
            ("keywords", &raw.keywords),
        ] {
            for (i, s) in list.iter().enumerate() {
                if s.trim().is_empty() {
                    self.push(
                        doc,
                        &format!("{path}.{key}[{i}]"),
                        "an empty entry",
                        "write it or remove the line",
                    );
                }
            }
        }
    }

    fn texts(&mut self, doc: &Doc, base: &str, fields: &[(&str, &String)]) {
        for (k, v) in fields {
            if v.trim().is_empty() {
                self.push(
                    doc,
                    &yaml::join(base, k),
                    format!("`{k}` is empty"),
                    format!("write the {k}"),
                );
            }
        }
    }

    fn date(&mut self, doc: &Doc, path: &str, s: &str) {
        if !is_date(s) {
            self.push(
                doc,
                path,
                format!("`{s}` is not a date"),
                "write the date as \"YYYY-MM-DD\", in quotes",
            );
        }
    }

    fn unique(&mut self, doc: &Doc, list: &str, key: &str, values: &[&str]) {
        let mut seen = HashSet::new();
        for (i, v) in values.iter().enumerate() {
            if !seen.insert(*v) {
                self.push(
                    doc,
                    &format!("{list}[{i}].{key}"),
                    format!("`{v}` appears twice in `{list}`"),
                    "remove or rename one",
                );
            }
        }
    }

    fn push(&mut self, doc: &Doc, path: &str, message: impl Into<String>, fix: impl Into<String>) {
        self.problems.push(doc.problem(path, message, fix));
    }
}

/// The names items may refer to.
struct Refs<'a> {
    categories: Vec<&'a str>,
    providers: Vec<&'a str>,
    standards: Vec<&'a str>,
    ctx: &'a Context,
}

impl<'a> Refs<'a> {
    fn new(f: &'a CatalogFile, ctx: &'a Context) -> Self {
        Refs {
            categories: f.categories.iter().map(|c| c.name.as_str()).collect(),
            providers: f.providers.iter().map(|p| p.id.as_str()).collect(),
            standards: f.standards.iter().map(|s| s.id.as_str()).collect(),
            ctx,
        }
    }

    fn amount(&self, id: &str) -> f64 {
        self.ctx.standards.get(id).map_or(0.0, |s| s.amount)
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let num = |t: &str, len: usize| {
        (t.len() == len && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (num(y, 4), num(m, 2), num(d, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}
