//! A large made-up catalog for benchmarks and stress tests.
//!
//! Province-wide catalogs hold thousands of items. This builds one of any size from the bundled
//! items by varying names, ids and keywords with place names and numbers, so search and
//! rendering can be measured at that scale without shipping fake data.

use super::model::Catalog;

const PLACES: &[&str] = &[
    "鹿城", "龙湾", "瓯海", "洞头", "乐清", "瑞安", "永嘉", "平阳", "苍南", "文成", "泰顺", "龙港",
];

/// A catalog of `n` items derived from `base` (which must have at least one item).
pub fn synthetic(base: &Catalog, n: usize) -> Catalog {
    let mut cat = base.clone();
    cat.items = (0..n)
        .map(|k| {
            let src = &base.items[k % base.items.len()];
            let place = PLACES[(k / base.items.len()) % PLACES.len()];
            let mut item = src.clone();
            item.id = format!("{}-{k}", src.id);
            item.name = format!("{place}{}（第 {} 批）", src.name, k / base.items.len() + 1);
            item.keywords.push(format!("{place}{}", k % 97));
            item
        })
        .collect();
    cat
}
