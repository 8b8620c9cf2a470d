//! The bundled catalog matches the district's published shape: 93 items from 18 government
//! units and 9 social organisations in seven categories.

use std::collections::BTreeMap;

use policy_toolbox::catalog::{self, ProviderKind, Source};

#[test]
fn the_catalog_has_the_published_counts() {
    let cat = catalog::load(&Source::bundled()).expect("the bundled catalog loads");
    assert_eq!(cat.items.len(), 93);
    assert_eq!(cat.categories.len(), 7);
    let gov = cat
        .providers
        .iter()
        .filter(|p| p.kind == ProviderKind::Government)
        .count();
    let social = cat
        .providers
        .iter()
        .filter(|p| p.kind == ProviderKind::Social)
        .count();
    assert_eq!((gov, social), (18, 9));
    let names: Vec<&str> = cat.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "救助保障",
            "关爱慰藉",
            "技能培训",
            "教育救助",
            "生活改善",
            "医疗补贴",
            "儿童成长"
        ]
    );
}

#[test]
fn every_category_is_substantial_and_every_provider_leads() {
    let cat = catalog::load(&Source::bundled()).expect("the bundled catalog loads");
    let mut per_cat: BTreeMap<&str, usize> = BTreeMap::new();
    for i in &cat.items {
        *per_cat.entry(i.category.as_str()).or_default() += 1;
    }
    for c in &cat.categories {
        let n = per_cat.get(c.name.as_str()).copied().unwrap_or(0);
        assert!(n >= 8, "{} has only {n} items", c.name);
    }
    for p in &cat.providers {
        assert!(
            cat.items.iter().any(|i| i.provider == p.id),
            "{} leads no item",
            p.name
        );
    }
}

#[test]
fn summaries_are_short_and_ids_unique() {
    let cat = catalog::load(&Source::bundled()).expect("the bundled catalog loads");
    for i in &cat.items {
        assert!(
            i.summary.chars().count() <= 40,
            "{}: summary too long",
            i.id
        );
    }
    let mut ids: Vec<&str> = cat.items.iter().map(|i| i.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), cat.items.len());
}
