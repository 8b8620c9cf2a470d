//! Plain-language checks on the texts residents read.
//!
//! A summary fits on one line (40 characters), sentences stay short, vague official phrases
//! that hide which rule applies are refused, and every official word a text uses is explained
//! in the glossary. These run in `validate`, not on every start.

use super::load::Loaded;
use super::model::Item;
use crate::problem::Problem;

/// The longest summary, in characters.
pub const MAX_SUMMARY: usize = 40;
/// The longest sentence, in characters.
pub const MAX_SENTENCE: usize = 40;

/// Phrases that point at a rule without naming it.
pub const VAGUE: &[&str] = &[
    "按有关规定",
    "按照有关规定",
    "相关部门",
    "有关部门",
    "酌情",
    "原则上",
    "视情",
];

/// Official words a resident may not know; each needs a glossary entry when a text uses it.
pub const JARGON: &[&str] = &[
    "低保",
    "低边",
    "特困",
    "刚性支出",
    "支出型",
    "临时救助",
    "公益性岗位",
    "助联体",
    "两项补贴",
    "危房改造",
    "公租房",
    "医疗救助",
    "事实无人抚养",
    "灵活就业",
    "创业担保贷款",
    "慈善信托",
    "就业困难人员",
    "国家助学金",
    "生源地信用助学贷款",
    "送教上门",
    "低收入农户",
    "防止返贫",
    "困难职工",
    "分散供养",
    "集中供养",
    "单人保",
    "渐退",
    "以工代赈",
    "创新券",
    "适老化",
    "托养",
    "家庭医生签约",
    "兜底",
    "孤儿基本生活",
    "困境儿童",
    "新就业形态",
];

/// Every plain-language problem in the catalog's item texts.
pub fn lint(loaded: &Loaded) -> Vec<Problem> {
    let known: Vec<&str> = loaded
        .catalog
        .glossary
        .iter()
        .flat_map(|t| std::iter::once(t.term.as_str()).chain(t.aliases.iter().map(String::as_str)))
        .collect();
    let mut out = Vec::new();
    for item in &loaded.catalog.items {
        let Some((file, path)) = loaded.item_paths.get(&item.id) else {
            continue;
        };
        let Some(doc) = loaded.docs.get(file) else {
            continue;
        };
        for (field, text) in texts(item) {
            let at = format!("{path}.{field}");
            for msg in check_text(&field, text, &known) {
                out.push(doc.problem(&at, format!("{}: {}", item.id, msg.0), msg.1));
            }
        }
    }
    out.extend(lint_synonyms(loaded));
    out
}

/// A synonym that points at a word no item uses finds nothing; say so.
fn lint_synonyms(loaded: &Loaded) -> Vec<Problem> {
    let Some(doc) = loaded.docs.get("synonyms.yaml") else {
        return Vec::new();
    };
    let items = &loaded.catalog.items;
    let used = |w: &str| {
        items.iter().any(|i| {
            i.name.contains(w) || i.summary.contains(w) || i.keywords.iter().any(|k| k.contains(w))
        })
    };
    let mut out = Vec::new();
    for (i, s) in loaded.catalog.synonyms.iter().enumerate() {
        for (j, m) in s.means.iter().enumerate().filter(|(_, m)| !used(m)) {
            out.push(doc.problem(
                &format!("synonyms[{i}].means[{j}]"),
                format!(
                    "「{m}」 (for 「{}」) appears in no item name, summary or keyword",
                    s.say
                ),
                "use a word the items use, or add it to an item's keywords",
            ));
        }
    }
    out
}

fn texts(item: &Item) -> Vec<(String, &str)> {
    let mut v = vec![
        ("summary".to_string(), item.summary.as_str()),
        ("description".to_string(), item.description.as_str()),
        ("who".to_string(), item.who.as_str()),
        ("benefit.text".to_string(), item.benefit.text.as_str()),
    ];
    v.extend(
        item.apply
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("apply[{i}]"), s.as_str())),
    );
    v
}

/// Problems in one text: (what is wrong, how to fix it).
pub fn check_text(field: &str, text: &str, glossary: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let len = text.chars().count();
    if field == "summary" && len > MAX_SUMMARY {
        out.push((
            format!("summary has {len} characters, more than {MAX_SUMMARY}"),
            "say only what the household gets and who can get it".to_string(),
        ));
    }
    for s in sentences(text).filter(|s| s.chars().count() > MAX_SENTENCE) {
        out.push((
            format!("a sentence of {} characters: 「{s}」", s.chars().count()),
            format!("split it into sentences of at most {MAX_SENTENCE} characters"),
        ));
    }
    for v in VAGUE.iter().filter(|v| text.contains(*v)) {
        out.push((
            format!("vague phrase 「{v}」"),
            "name the rule or the office instead".to_string(),
        ));
    }
    for j in JARGON
        .iter()
        .filter(|j| text.contains(*j) && !glossary.iter().any(|g| g.contains(*j)))
    {
        out.push((
            format!("「{j}」 is not explained in the glossary"),
            "add it to a file in catalog/glossary/".to_string(),
        ));
    }
    out
}

fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '！', '？', '；', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lint_finds_each_kind_of_problem() {
        let long = "这".repeat(41);
        assert_eq!(check_text("summary", &long, &[]).len(), 2);
        let vague = check_text("who", "按有关规定办理。", &[]);
        assert!(vague[0].0.contains("按有关规定"));
        let jargon = check_text("who", "低边家庭可以申请。", &[]);
        assert!(jargon[0].0.contains("低边"));
        assert!(check_text("who", "低边家庭可以申请。", &["低边"]).is_empty());
        assert!(check_text("summary", "每月领生活费。", &[]).is_empty());
    }
}
