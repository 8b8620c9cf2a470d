//! A quick reader for JSON lines that are plainly right.
//!
//! Reading a line through a document (a map of values, each key its own string) costs more
//! than judging the household, and almost every line of an export is fine. This reader goes
//! from the JSON text straight to a [`Record`], with the same checks as the profile reader:
//! known keys, each key once, values of the right type within range. It only says whether a
//! line is plainly right; anything else (a problem, or a form it does not know) gives `None`,
//! and the full reader then reads the line again and says exactly what is wrong.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::record::{self, Record};
use crate::catalog::Catalog;
use crate::facts::{self, Fact, Kind, Scope};
use crate::profile::{DISABILITY_PARTS, FactValue, Facts, Household, Member};

/// The record on a line, when the line is plainly right.
pub fn read(cat: &Catalog, text: &str) -> Option<Record> {
    let mut de = serde_json::Deserializer::from_str(text);
    let record = RecordSeed(cat).deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(record)
}

/// Any failure: the message is never shown, since the full reader explains it.
fn no<E: de::Error>() -> E {
    E::custom("not plainly right")
}

/// Keys seen so far in one object, so that a repeated key is refused as the full reader does.
#[derive(Default)]
struct Seen(u64);

impl Seen {
    /// Mark bit `bit`; false when it was marked already.
    fn first(&mut self, bit: usize) -> bool {
        let mask = 1u64.checked_shl(bit as u32).unwrap_or(0);
        let new = mask != 0 && self.0 & mask == 0;
        self.0 |= mask;
        new
    }
}

/// Bits of [`Seen`] for keys that are not facts; facts use their table index.
const ID: usize = 60;
const RECEIVED: usize = 61;
const MEMBERS: usize = 62;
const NAME: usize = 60;
const DISABILITY: usize = 61;

struct RecordSeed<'c>(&'c Catalog);

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Record;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Record, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Record;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a household record")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
        let cat = self.0;
        let mut seen = Seen::default();
        let mut id = None;
        let mut received = Vec::new();
        let mut household = Household::default();
        while let Some(key) = map.next_key::<Cow<str>>()? {
            match key.as_ref() {
                "household_id" if seen.first(ID) => id = Some(map.next_value_seed(IdSeed)?),
                "received" if seen.first(RECEIVED) => {
                    for item in map.next_value::<Option<OneOrMany>>()?.unwrap_or_default().0 {
                        let item = item.trim();
                        if cat.item(item).is_none() {
                            return Err(no());
                        }
                        received.push(item.to_string());
                    }
                }
                "members" if seen.first(MEMBERS) => {
                    household.members = map.next_value_seed(MembersSeed)?;
                }
                key => {
                    let fact = facts::find(Scope::Household, key).ok_or_else(no)?;
                    if !seen.first(fact.index()) {
                        return Err(no());
                    }
                    if let Some(v) = map.next_value_seed(ValueSeed(fact))? {
                        household.facts.insert(fact.key, v);
                    }
                }
            }
        }
        let id = id.ok_or_else(no)?;
        record::check_id(&id).map_err(|_| no())?;
        Ok(Record {
            id,
            household,
            received,
        })
    }
}

/// A household id: text, or a whole number written as one.
struct IdSeed;

impl<'de> DeserializeSeed<'de> for IdSeed {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(self)
    }
}

impl Visitor<'_> for IdSeed {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a household id")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<String, E> {
        Ok(s.trim().to_string())
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<String, E> {
        Ok(n.to_string())
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<String, E> {
        Ok(n.to_string())
    }
}

/// A list of words, or one word.
#[derive(Default)]
struct OneOrMany(Vec<String>);

impl<'de> de::Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(WordsVisitor)
    }
}

struct WordsVisitor;

impl<'de> Visitor<'de> for WordsVisitor {
    type Value = OneOrMany;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("words")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<OneOrMany, E> {
        Ok(OneOrMany(vec![s.to_string()]))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
        let mut words = Vec::new();
        while let Some(w) = seq.next_element::<Cow<str>>()? {
            words.push(w.into_owned());
        }
        Ok(OneOrMany(words))
    }
}

struct MembersSeed;

impl<'de> DeserializeSeed<'de> for MembersSeed {
    type Value = Option<Vec<Member>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for MembersSeed {
    type Value = Option<Vec<Member>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of members")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut members = Vec::new();
        while let Some(m) = seq.next_element_seed(MemberSeed)? {
            members.push(m);
        }
        Ok(Some(members))
    }
}

struct MemberSeed;

impl<'de> DeserializeSeed<'de> for MemberSeed {
    type Value = Member;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Member, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for MemberSeed {
    type Value = Member;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a member")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Member, A::Error> {
        let mut seen = Seen::default();
        let mut m = Member::default();
        while let Some(key) = map.next_key::<Cow<str>>()? {
            match key.as_ref() {
                "name" if seen.first(NAME) => {
                    m.name = match map.next_value::<Option<Cow<str>>>()? {
                        None => None,
                        Some(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                        Some(_) => return Err(no()),
                    }
                }
                "disability" if seen.first(DISABILITY) => {
                    map.next_value_seed(DisabilitySeed(&mut m.facts))?;
                }
                key => {
                    let fact = facts::find(Scope::Member, key)
                        .filter(|f| !DISABILITY_PARTS.contains(&f.key))
                        .ok_or_else(no)?;
                    if !seen.first(fact.index()) {
                        return Err(no());
                    }
                    if let Some(v) = map.next_value_seed(ValueSeed(fact))? {
                        m.facts.insert(fact.key, v);
                    }
                }
            }
        }
        Ok(m)
    }
}

/// `disability`: `none` (or `no`, `false`), `true`, or `{grade, kind}`; null is unknown.
struct DisabilitySeed<'f>(&'f mut Facts);

impl<'de> DeserializeSeed<'de> for DisabilitySeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl DisabilitySeed<'_> {
    fn none(self) {
        self.0.insert("disabled", FactValue::Bool(false));
        self.0.insert("disability_grade", FactValue::Absent);
        self.0.insert("disability_kind", FactValue::Absent);
    }
}

impl<'de> Visitor<'de> for DisabilitySeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a disability")
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<(), E> {
        if b {
            self.0.insert("disabled", FactValue::Bool(true));
        } else {
            self.none();
        }
        Ok(())
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        match s {
            "none" | "no" => {
                self.none();
                Ok(())
            }
            _ => Err(no()),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.0.insert("disabled", FactValue::Bool(true));
        let mut seen = Seen::default();
        while let Some(key) = map.next_key::<Cow<str>>()? {
            let fact_key = match key.as_ref() {
                "grade" => "disability_grade",
                "kind" => "disability_kind",
                _ => return Err(no()),
            };
            let fact = facts::find(Scope::Member, fact_key).ok_or_else(no)?;
            if !seen.first(fact.index()) {
                return Err(no());
            }
            if let Some(v) = map.next_value_seed(ValueSeed(fact))? {
                self.0.insert(fact.key, v);
            }
        }
        Ok(())
    }
}

/// One fact's value, checked against the fact table; null is unknown.
struct ValueSeed(&'static Fact);

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Option<FactValue>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl ValueSeed {
    fn word(&self, s: &str) -> Option<String> {
        let known = self.0.choices().iter().any(|c| c.key == s);
        known.then(|| s.to_string())
    }

    fn number<E: de::Error>(self, n: f64) -> Result<Option<FactValue>, E> {
        match self.0.kind {
            Kind::Number { min, max, .. } if (min..=max).contains(&n) => {
                Ok(Some(FactValue::Num(n)))
            }
            _ => Err(no()),
        }
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Option<FactValue>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a fact's value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Self::Value, E> {
        match self.0.kind {
            Kind::Bool { .. } => Ok(Some(FactValue::Bool(b))),
            _ => Err(no()),
        }
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        self.number(n as f64)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        self.number(n as f64)
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Self::Value, E> {
        self.number(n)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        match self.0.kind {
            Kind::Text => Ok(Some(FactValue::Word(s.to_string()))),
            Kind::Choice(_) => self
                .word(s)
                .map(|w| Some(FactValue::Word(w)))
                .ok_or_else(no),
            Kind::Set(_) => self
                .word(s)
                .map(|w| Some(FactValue::Set(vec![w])))
                .ok_or_else(no),
            _ => Err(no()),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        if !matches!(self.0.kind, Kind::Set(_)) {
            // Drain the list so the error is the only outcome.
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Err(no());
        }
        let mut words = Vec::new();
        while let Some(w) = seq.next_element::<Cow<str>>()? {
            words.push(self.word(&w).ok_or_else(no)?);
        }
        Ok(Some(FactValue::Set(words)))
    }
}
