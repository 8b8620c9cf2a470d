//! Search over the catalog that understands Chinese, pinyin and everyday words.
//!
//! The index is built once per catalog: every item's name, keywords, summary, provider and
//! category, each with its pinyin (see [`phonetic`]), plus the synonyms file turned into a
//! lookup from what residents say to what policies are called. A query is split on spaces and
//! every word must match somewhere; each word scores by where it matched, in the order a person
//! expects: exact name, name prefix, name, keyword or synonym, summary, provider. Scoring only
//! reads the index, so it is cheap enough to run on every keystroke.

pub mod phonetic;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem::Finder;
use rayon::prelude::*;

use crate::catalog::Catalog;
use phonetic::Phonetic;

/// Scores of the tiers; the gaps keep tiers apart whatever the bonus inside a tier.
mod tier {
    pub const NAME_EXACT: u32 = 1000;
    pub const NAME_PINYIN_EXACT: u32 = 950;
    pub const NAME_PREFIX: u32 = 900;
    pub const NAME_PINYIN_PREFIX: u32 = 880;
    pub const NAME: u32 = 800;
    pub const NAME_PINYIN: u32 = 780;
    pub const NAME_FUZZY: u32 = 650;
    /// An everyday word whose policy word is in the name: the item is about that thing.
    pub const SYNONYM_NAME: u32 = 565;
    pub const KEYWORD_EXACT: u32 = 560;
    pub const KEYWORD: u32 = 520;
    pub const SYNONYM_KEYWORD: u32 = 450;
    pub const SUMMARY: u32 = 300;
    pub const SYNONYM_SUMMARY: u32 = 250;
    pub const PROVIDER: u32 = 150;
}

/// From this many items on, scoring runs in parallel.
const PARALLEL_FROM: usize = 2000;

/// One item found: its position in the catalog, its score, and the characters of its name to
/// highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: u32,
    pub highlights: Vec<usize>,
}

struct Entry {
    name: Phonetic,
    keywords: Vec<Phonetic>,
    summary: Phonetic,
    others: Vec<Phonetic>,
}

struct Synonym {
    say: Phonetic,
    means: Vec<String>,
}

/// The search index of one catalog.
pub struct SearchIndex {
    entries: Vec<Entry>,
    synonyms: Vec<Synonym>,
    matcher: SkimMatcherV2,
}

/// One word of a query, with what it may stand for; the finders are built once per query.
struct Word {
    text: String,
    latin: bool,
    finder: Finder<'static>,
    means: Vec<Finder<'static>>,
}

impl SearchIndex {
    /// Build the index; this is the only costly step.
    pub fn new(cat: &Catalog) -> Self {
        let entries = cat
            .items
            .iter()
            .map(|i| Entry {
                name: Phonetic::new(&i.name),
                keywords: i.keywords.iter().map(|k| Phonetic::new(k)).collect(),
                summary: Phonetic::new(&i.summary),
                others: vec![Phonetic::new(&cat.lead(i).name), Phonetic::new(&i.category)],
            })
            .collect();
        let synonyms = cat
            .synonyms
            .iter()
            .map(|s| Synonym {
                say: Phonetic::new(&s.say),
                means: s.means.clone(),
            })
            .collect();
        SearchIndex {
            entries,
            synonyms,
            matcher: SkimMatcherV2::default(),
        }
    }

    /// Items matching every word of `query`, best first; an empty query lists everything in
    /// catalog order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let words: Vec<Word> = query.split_whitespace().map(|w| self.word(w)).collect();
        if words.is_empty() {
            let all = (0..self.entries.len()).take(limit);
            return all
                .map(|index| Hit {
                    index,
                    score: 0,
                    highlights: Vec::new(),
                })
                .collect();
        }
        let hit = |(index, e): (usize, &Entry)| {
            self.score(&words, e).map(|(score, highlights)| Hit {
                index,
                score,
                highlights,
            })
        };
        // Large catalogs are scored on every core; the result is in catalog order either way.
        let mut hits: Vec<Hit> = if self.entries.len() >= PARALLEL_FROM {
            self.entries
                .par_iter()
                .enumerate()
                .filter_map(hit)
                .collect()
        } else {
            self.entries.iter().enumerate().filter_map(hit).collect()
        };
        // A stable sort keeps catalog order among equal scores.
        hits.sort_by_key(|h| std::cmp::Reverse(h.score));
        hits.truncate(limit);
        hits
    }

    fn word(&self, w: &str) -> Word {
        let text = w.to_lowercase();
        let latin = text.chars().all(|c| c.is_ascii_alphanumeric());
        let means = self
            .synonyms
            .iter()
            .filter(|s| {
                s.say.text == text
                    || (latin && text.len() >= 2 && pinyin_whole(&s.say, &Finder::new(&text)))
            })
            .flat_map(|s| {
                s.means
                    .iter()
                    .map(|m| Finder::new(m.as_bytes()).into_owned())
            })
            .collect();
        let finder = Finder::new(text.as_bytes()).into_owned();
        Word {
            text,
            latin,
            finder,
            means,
        }
    }

    fn score(&self, words: &[Word], e: &Entry) -> Option<(u32, Vec<usize>)> {
        let mut total = 0;
        let mut lit = Vec::new();
        for w in words {
            let (s, h) = self.score_word(w, e)?;
            total += s;
            lit.extend(h);
        }
        lit.sort_unstable();
        lit.dedup();
        Some((total, lit))
    }

    fn score_word(&self, w: &Word, e: &Entry) -> Option<(u32, Vec<usize>)> {
        let found = if w.latin {
            latin_in_name(w, &e.name)
        } else {
            han_in_name(w, &e.name)
        };
        if found.is_some() {
            return found;
        }
        if !w.latin
            && let Some(f) = self.fuzzy_name(w, &e.name)
        {
            return Some(f);
        }
        let tiers = [
            keywords(w, &e.keywords),
            synonyms(w, e),
            text_tier(w, &e.summary, tier::SUMMARY),
            e.others
                .iter()
                .find_map(|o| text_tier(w, o, tier::PROVIDER)),
        ];
        tiers.into_iter().flatten().max_by_key(|(score, _)| *score)
    }

    fn fuzzy_name(&self, w: &Word, name: &Phonetic) -> Option<(u32, Vec<usize>)> {
        if w.text.chars().count() < 2 || !w.text.chars().all(|c| name.text.contains(c)) {
            return None;
        }
        let (score, idx) = self.matcher.fuzzy_indices(&name.text, &w.text)?;
        let bonus = u32::try_from(score.clamp(0, 99)).unwrap_or(0);
        Some((tier::NAME_FUZZY + bonus, idx))
    }
}

fn pinyin_whole(p: &Phonetic, q: &Finder) -> bool {
    p.full_match(q).is_some_and(|l| l.whole) || p.initials_match(q).is_some_and(|l| l.whole)
}

fn han_in_name(w: &Word, name: &Phonetic) -> Option<(u32, Vec<usize>)> {
    let at = name.find(&w.finder)?;
    let score = if name.text == w.text {
        tier::NAME_EXACT
    } else if at.first() == Some(&0) {
        tier::NAME_PREFIX
    } else {
        tier::NAME
    };
    Some((score, at))
}

fn latin_in_name(w: &Word, name: &Phonetic) -> Option<(u32, Vec<usize>)> {
    let full = name.full_match(&w.finder);
    let initials = if w.text.len() >= 2 {
        name.initials_match(&w.finder)
    } else {
        None
    };
    let best = [full, initials]
        .into_iter()
        .flatten()
        .max_by_key(|l| (l.whole, l.at_start))?;
    let score = match (best.whole, best.at_start) {
        (true, _) => tier::NAME_PINYIN_EXACT,
        (_, true) => tier::NAME_PINYIN_PREFIX,
        _ => tier::NAME_PINYIN,
    };
    Some((score, best.chars))
}

fn matches_text(w: &Word, p: &Phonetic) -> bool {
    if w.latin {
        p.full_match(&w.finder).is_some()
            || (w.text.len() >= 2 && p.initials_match(&w.finder).is_some_and(|l| l.whole))
    } else {
        p.contains(&w.finder)
    }
}

fn keywords(w: &Word, kws: &[Phonetic]) -> Option<(u32, Vec<usize>)> {
    if kws
        .iter()
        .any(|k| k.text == w.text || (w.latin && pinyin_whole(k, &w.finder)))
    {
        return Some((tier::KEYWORD_EXACT, Vec::new()));
    }
    kws.iter()
        .any(|k| matches_text(w, k))
        .then(|| (tier::KEYWORD, Vec::new()))
}

fn synonyms(w: &Word, e: &Entry) -> Option<(u32, Vec<usize>)> {
    // Earlier `means` words are the closer meanings, so they rank a little higher.
    if let Some((rank, at)) = w
        .means
        .iter()
        .enumerate()
        .find_map(|(r, m)| Some((r, e.name.find(m)?)))
    {
        return Some((tier::SYNONYM_NAME - rank.min(4) as u32, at));
    }
    let in_keywords = w
        .means
        .iter()
        .any(|m| e.keywords.iter().any(|k| k.contains(m)));
    if in_keywords {
        return Some((tier::SYNONYM_KEYWORD, Vec::new()));
    }
    w.means
        .iter()
        .any(|m| e.summary.contains(m))
        .then(|| (tier::SYNONYM_SUMMARY, Vec::new()))
}

fn text_tier(w: &Word, p: &Phonetic, score: u32) -> Option<(u32, Vec<usize>)> {
    // Short Latin words match too much running text to mean anything outside names.
    if w.latin && w.text.len() < 3 {
        return None;
    }
    matches_text(w, p).then(|| (score, Vec::new()))
}
