//! What the kiosk's answers say about a household, kept as ranges of possibilities.
//!
//! A resident answers in coarse terms ("家里有 60 岁以上的老人", "收入不到 1,149 元"), and a
//! profile holds exact values. Writing a guessed exact value (age 60, income 1,000) would
//! make some items wrongly 不符合 (an 80+ allowance for a person who is in fact 85), so the
//! kiosk keeps what it was told as [`Claim`]s and builds a [`Model`]: household facts that are
//! known exactly or only within a range, and the people the answers imply, each with an age
//! range. `judge` then decides every item over all households the model allows.
//!
//! People are modelled from two kinds of answer. A group answer ("家里有老人") adds one person
//! for the group; a "someone" answer ("家里有人有残疾证") adds a person of its own, because
//! it may or may not be the same person. An "everyone" answer ("没有人有残疾证") sets the fact
//! on every person. While some age group is not known to be present or absent, one extra
//! person stands for "anyone else", who may not exist at all. Every modelled person is thus a
//! coarser picture of somebody real, which keeps every 符合 and 不符合 sound.

use std::collections::BTreeMap;

use crate::profile::FactValue;

/// The largest age the profile format allows, plus one: the open end of the oldest group.
pub const AGE_END: f64 = 131.0;

/// What an answer says about the value of one fact.
#[derive(Debug, Clone, PartialEq)]
pub enum Possible {
    Is(FactValue),
    OneOf(Vec<FactValue>),
    /// A number in one of these half-open ranges `[from, to)`.
    Within(Vec<(f64, f64)>),
}

/// The age groups the kiosk asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Child,
    Adult,
    Elder,
}

impl Group {
    pub const ALL: [Group; 3] = [Group::Child, Group::Adult, Group::Elder];

    /// The ages of the group, `[from, to)`.
    pub fn ages(self) -> (f64, f64) {
        match self {
            Group::Child => (0.0, 18.0),
            Group::Adult => (18.0, 60.0),
            Group::Elder => (60.0, AGE_END),
        }
    }
}

/// One thing an answer tells.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// A household fact.
    Household(&'static str, Possible),
    /// Somebody of this age group lives in the household.
    Present(Group),
    /// Nobody of this age group lives in the household.
    Absent(Group),
    /// Somebody (of the group, when given) has these facts.
    Someone(Option<Group>, Vec<(&'static str, Possible)>),
    /// Everybody (of the group, when given) has this fact.
    Everyone(Option<Group>, &'static str, Possible),
}

/// Facts told about one person.
pub type Told = [(&'static str, Possible)];

/// A person the answers imply.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Person {
    pub facts: BTreeMap<&'static str, Possible>,
    /// Stands for "anyone else", who may not exist.
    pub optional: bool,
    /// Stands for one or more people alike: a group ("家里有老人") may be several people of
    /// different ages, so `judge` gives an item as many of them as its rule can tell apart.
    pub several: bool,
}

/// Every household the answers allow.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Model {
    pub household: BTreeMap<&'static str, Possible>,
    /// `None` while the answers say nothing about who lives in the household.
    pub people: Option<Vec<Person>>,
}

/// Whether each age group is known to be present, known to be absent, or not known.
fn groups(claims: &[&Claim]) -> BTreeMap<Group, bool> {
    let mut known = BTreeMap::new();
    for c in claims {
        match c {
            Claim::Present(g) => known.insert(*g, true),
            Claim::Absent(g) => known.insert(*g, false),
            _ => None,
        };
    }
    known
}

/// Build the model of a list of claims, in the order they were given.
pub fn build(claims: &[&Claim]) -> Model {
    let known = groups(claims);
    let mut household = BTreeMap::new();
    let mut everyone: Vec<(Option<Group>, &'static str, &Possible)> = Vec::new();
    let mut someone: Vec<(Option<Group>, &Told)> = Vec::new();
    for c in claims {
        match c {
            Claim::Household(k, p) => {
                household.insert(*k, p.clone());
            }
            Claim::Everyone(g, k, p) => everyone.push((*g, k, p)),
            Claim::Someone(g, facts) => someone.push((*g, facts)),
            Claim::Present(_) | Claim::Absent(_) => {}
        }
    }
    let told_of_people = !known.is_empty() || !someone.is_empty() || !everyone.is_empty();
    if !told_of_people {
        return Model {
            household,
            people: None,
        };
    }
    let mut people = Vec::new();
    for g in Group::ALL
        .into_iter()
        .filter(|g| known.get(g) == Some(&true))
    {
        let mut p = person(Some(g), &[], &everyone, &known);
        p.several = true;
        people.push(p);
    }
    for (g, facts) in &someone {
        people.push(person(*g, facts, &everyone, &known));
    }
    let unknown: Vec<Group> = Group::ALL
        .into_iter()
        .filter(|g| !known.contains_key(g))
        .collect();
    if !unknown.is_empty() {
        let mut anyone = person(None, &[], &everyone, &known);
        anyone.optional = !people.is_empty();
        anyone.several = true;
        set_ages(&mut anyone, &unknown);
        people.push(anyone);
    }
    Model {
        household,
        people: Some(people),
    }
}

/// A person of a group (or of any group not known to be absent), with their own facts and the
/// "everyone" facts that surely apply to them.
fn person(
    group: Option<Group>,
    own: &Told,
    everyone: &[(Option<Group>, &'static str, &Possible)],
    known: &BTreeMap<Group, bool>,
) -> Person {
    let mut p = Person::default();
    for (g, k, v) in everyone {
        if g.is_none() || *g == group {
            p.facts.insert(*k, (*v).clone());
        }
    }
    for (k, v) in own {
        p.facts.insert(*k, v.clone());
    }
    let groups: Vec<Group> = match group {
        Some(g) => vec![g],
        None => Group::ALL
            .into_iter()
            .filter(|g| known.get(g) != Some(&false))
            .collect(),
    };
    set_ages(&mut p, &groups);
    p
}

/// Give a person the ages of these groups; all three groups together mean "any age", which
/// is left unknown.
fn set_ages(p: &mut Person, groups: &[Group]) {
    if groups.is_empty() || groups.len() == Group::ALL.len() {
        return;
    }
    let ranges = groups.iter().map(|g| g.ages()).collect();
    p.facts.insert("age", Possible::Within(ranges));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ages(p: &Person) -> Option<&Possible> {
        p.facts.get("age")
    }

    #[test]
    fn no_answers_about_people_leave_the_members_unknown() {
        let c = Claim::Household("hukou", Possible::Is(FactValue::Word("local".into())));
        let m = build(&[&c]);
        assert!(m.people.is_none());
        assert_eq!(m.household.len(), 1);
    }

    #[test]
    fn a_present_group_adds_a_person_and_an_optional_anyone_else() {
        let elder = Claim::Present(Group::Elder);
        let m = build(&[&elder]);
        let people = m.people.unwrap();
        assert_eq!(people.len(), 2);
        assert_eq!(
            ages(&people[0]),
            Some(&Possible::Within(vec![(60.0, AGE_END)]))
        );
        assert!(people[1].optional);
        assert_eq!(
            ages(&people[1]),
            Some(&Possible::Within(vec![(0.0, 18.0), (18.0, 60.0)]))
        );
    }

    #[test]
    fn when_every_group_is_known_nobody_else_is_modelled() {
        let claims = [
            Claim::Present(Group::Elder),
            Claim::Absent(Group::Child),
            Claim::Absent(Group::Adult),
        ];
        let refs: Vec<&Claim> = claims.iter().collect();
        let people = build(&refs).people.unwrap();
        assert_eq!(people.len(), 1);
        assert!(!people[0].optional);
    }

    #[test]
    fn everyone_answers_reach_every_person_and_someone_answers_only_their_own() {
        let claims = [
            Claim::Present(Group::Child),
            Claim::Everyone(
                None,
                "illness",
                Possible::Is(FactValue::Word("none".into())),
            ),
            Claim::Someone(
                None,
                vec![("disabled", Possible::Is(FactValue::Bool(true)))],
            ),
        ];
        let refs: Vec<&Claim> = claims.iter().collect();
        let people = build(&refs).people.unwrap();
        assert_eq!(people.len(), 3);
        assert!(people.iter().all(|p| p.facts.contains_key("illness")));
        let disabled = people
            .iter()
            .filter(|p| p.facts.contains_key("disabled"))
            .count();
        assert_eq!(disabled, 1);
        // The person with a disability may be of any age the answers leave open: here all.
        assert_eq!(ages(&people[1]), None);
    }

    #[test]
    fn nobody_else_is_mandatory_when_nobody_is_known() {
        let c = Claim::Absent(Group::Elder);
        let people = build(&[&c]).people.unwrap();
        assert_eq!(people.len(), 1);
        assert!(!people[0].optional);
        assert_eq!(
            ages(&people[0]),
            Some(&Possible::Within(vec![(0.0, 18.0), (18.0, 60.0)]))
        );
    }
}
