//! The stated facts of one household or one member, stored by their place in the fact table.
//!
//! Evaluating a catalog looks facts up thousands of times per household, and a batch screens
//! hundreds of thousands of households, so a lookup is an index into a short vector rather than
//! a search by name. The name-based methods remain for the form, the kiosk and the tests, which
//! read like a map keyed by the fact's profile key.

use crate::facts::{FACTS, Fact};

/// The value of one fact as the profile states it.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    Bool(bool),
    Num(f64),
    Word(String),
    Set(Vec<String>),
    /// Known not to apply: the grade of a disability when there is none.
    Absent,
}

/// Stated facts, one slot per entry of [`FACTS`]; an empty slot is unknown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facts {
    slots: Vec<Option<FactValue>>,
}

impl Facts {
    /// The stated value of `fact`: the fast lookup the rules use.
    pub fn of(&self, fact: &Fact) -> Option<&FactValue> {
        self.at(fact.index())
    }

    /// The stated value of the fact with this profile key.
    pub fn get(&self, key: &str) -> Option<&FactValue> {
        self.at(slot(key)?)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// State a fact, returning what was stated before. Keys come from the fact table; a key
    /// that is not there is a programming error and is ignored in release builds.
    pub fn insert(&mut self, key: &'static str, value: FactValue) -> Option<FactValue> {
        let Some(i) = slot(key) else {
            debug_assert!(false, "`{key}` is not in the fact table");
            return None;
        };
        if self.slots.len() <= i {
            self.slots.resize(i + 1, None);
        }
        self.slots[i].replace(value)
    }

    /// Forget a fact, returning what was stated.
    pub fn remove(&mut self, key: &str) -> Option<FactValue> {
        let i = slot(key)?;
        self.slots.get_mut(i).and_then(Option::take)
    }

    pub fn is_empty(&self) -> bool {
        self.slots.iter().all(Option::is_none)
    }

    /// The stated facts with their keys, in the order of the fact table.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &FactValue)> {
        FACTS
            .iter()
            .zip(&self.slots)
            .filter_map(|(f, v)| v.as_ref().map(|v| (f.key, v)))
    }

    fn at(&self, i: usize) -> Option<&FactValue> {
        self.slots.get(i).and_then(Option::as_ref)
    }
}

impl FromIterator<(&'static str, FactValue)> for Facts {
    fn from_iter<I: IntoIterator<Item = (&'static str, FactValue)>>(iter: I) -> Self {
        let mut facts = Facts::default();
        for (k, v) in iter {
            facts.insert(k, v);
        }
        facts
    }
}

impl Extend<(&'static str, FactValue)> for Facts {
    fn extend<I: IntoIterator<Item = (&'static str, FactValue)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl IntoIterator for Facts {
    type Item = (&'static str, FactValue);
    type IntoIter = Box<dyn Iterator<Item = Self::Item>>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(
            FACTS
                .iter()
                .zip(self.slots)
                .filter_map(|(f, v)| v.map(|v| (f.key, v))),
        )
    }
}

/// The place of the fact with this key in [`FACTS`]. Keys are unique across both scopes.
fn slot(key: &str) -> Option<usize> {
    FACTS.iter().position(|f| f.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{self, Scope};

    #[test]
    fn facts_are_found_by_key_and_by_fact() {
        let mut f = Facts::default();
        assert!(f.is_empty());
        assert_eq!(f.insert("age", FactValue::Num(70.0)), None);
        f.insert("hukou", FactValue::Word("local".into()));
        let age = facts::find(Scope::Member, "age").unwrap();
        assert_eq!(f.of(age), Some(&FactValue::Num(70.0)));
        assert_eq!(f.get("hukou"), Some(&FactValue::Word("local".into())));
        assert_eq!(f.get("area"), None);
        // Table order: household facts come first.
        let keys: Vec<_> = f.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["hukou", "age"]);
        assert_eq!(f.remove("age"), Some(FactValue::Num(70.0)));
        assert!(!f.contains_key("age"));
    }

    #[test]
    fn a_copied_fact_still_finds_its_slot() {
        let age = *facts::find(Scope::Member, "age").unwrap();
        let f: Facts = [("age", FactValue::Num(9.0))].into_iter().collect();
        assert_eq!(f.of(&age), Some(&FactValue::Num(9.0)));
    }

    #[test]
    fn every_fact_knows_its_place() {
        for (i, f) in FACTS.iter().enumerate() {
            assert_eq!(f.index(), i, "{}", f.key);
        }
    }
}
