//! The catalog as the rest of the program sees it, and the shapes of its YAML files.
//!
//! The `*File` and `Raw*` types mirror the files in `catalog/` one to one (see
//! catalog/README.md for the format); [`Catalog`] and [`Item`] are the checked result that
//! search, matching and export work on.

use serde::{Deserialize, Serialize};

use crate::rules::eval::Context;
use crate::rules::{RawRule, RawTarget, Rule};

/// `catalog.yaml`: everything but the items.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    pub region: String,
    pub version: String,
    pub reviewed: String,
    #[serde(default)]
    pub note: String,
    pub general_hotline: String,
    pub standards: Vec<Standard>,
    pub categories: Vec<Category>,
    pub statuses: Vec<StatusDef>,
    pub providers: Vec<Provider>,
    #[serde(default)]
    pub towns: Vec<String>,
}

/// A named amount that rules and benefits refer to, with the date it took effect.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    pub id: String,
    pub name: String,
    pub amount: f64,
    pub unit: String,
    pub effective: String,
    pub source: String,
    #[serde(default)]
    pub illustrative: bool,
}

/// One of the seven categories.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub name: String,
    pub about: String,
}

/// A recognised status (低保, 特困 ...) and what holding it proves.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusDef {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub implies: Vec<RawRule>,
}

/// Whether a provider is a government unit or a social organisation.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    Government,
    Social,
}

/// A unit or organisation that provides items.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub kind: ProviderKind,
    pub address: String,
    pub hours: String,
    pub hotline: String,
    #[serde(default)]
    pub about: String,
}

/// `items/*.yaml`: a list of items.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemsFile {
    pub items: Vec<crate::yaml::Value>,
}

/// An item as written in its file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: String,
    pub name: String,
    pub category: String,
    pub provider: String,
    #[serde(default)]
    pub co_providers: Vec<String>,
    pub summary: String,
    pub description: String,
    pub benefit: RawBenefit,
    pub who: String,
    pub eligibility: RawRule,
    pub apply: Vec<String>,
    pub documents: Vec<String>,
    #[serde(rename = "where")]
    pub place: String,
    pub processing: String,
    pub basis: String,
    pub keywords: Vec<String>,
    pub reviewed: String,
}

/// What a household gets, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBenefit {
    pub text: String,
    pub amount: Option<RawTarget>,
    pub unit: Option<String>,
    pub period: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
}

/// What a household gets, checked: `amount` is resolved to yuan when it names a standard.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Benefit {
    pub text: String,
    pub amount: Option<f64>,
    pub unit: Option<String>,
    pub period: Option<String>,
    pub illustrative: bool,
}

/// `glossary.yaml`: plain explanations of official words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    pub terms: Vec<Term>,
}

/// One glossary entry.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub explain: String,
}

/// `synonyms.yaml`: everyday words mapped to the words the catalog uses.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymsFile {
    pub synonyms: Vec<Synonym>,
}

/// One everyday word and the catalog words it should find.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Synonym {
    pub say: String,
    pub means: Vec<String>,
}

/// A checked catalog item.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub name: String,
    pub category: String,
    pub provider: String,
    pub co_providers: Vec<String>,
    pub summary: String,
    pub description: String,
    pub benefit: Benefit,
    pub who: String,
    pub rule: Rule,
    pub apply: Vec<String>,
    pub documents: Vec<String>,
    pub place: String,
    pub processing: String,
    pub basis: String,
    pub keywords: Vec<String>,
    pub reviewed: String,
    /// The file it came from, relative to the catalog folder.
    pub file: String,
}

/// The whole checked catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub region: String,
    pub version: String,
    pub reviewed: String,
    pub note: String,
    pub general_hotline: String,
    pub standards: Vec<Standard>,
    pub categories: Vec<Category>,
    pub providers: Vec<Provider>,
    pub towns: Vec<String>,
    pub items: Vec<Item>,
    pub glossary: Vec<Term>,
    pub synonyms: Vec<Synonym>,
    /// What rules need to be evaluated: standards and status implications.
    pub context: Context,
}

impl Catalog {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    /// The lead provider of an item; every checked item has one.
    pub fn lead(&self, item: &Item) -> &Provider {
        self.provider(&item.provider)
            .expect("validated items name a known provider")
    }
}
