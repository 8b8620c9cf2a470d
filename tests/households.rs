//! The household suite: every case in tests/households/ must get the statuses it expects, and
//! together the cases must show every item both granted and refused.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use policy_toolbox::cases::{self, Case};
use policy_toolbox::catalog::{self, Catalog, Source};
use policy_toolbox::rules::Cond;
use policy_toolbox::verdict::{Status, assess_item, judge, judged, judged_status, status_of};

fn catalog() -> Catalog {
    catalog::load(&Source::bundled()).expect("the bundled catalog loads")
}

fn all_cases() -> Vec<(String, Case)> {
    common::household_files()
        .into_iter()
        .map(|(p, text)| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let case = cases::parse(&name, &text).unwrap_or_else(|e| panic!("{e}"));
            (name, case)
        })
        .collect()
}

#[test]
fn every_case_gets_the_statuses_it_expects() {
    let cat = catalog();
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (file, case) in all_cases() {
        for (id, want) in &case.expect {
            let Some(item) = cat.item(id) else {
                wrong.push(format!("{file}: no item `{id}` in the catalog"));
                continue;
            };
            let v = assess_item(&cat, item, &case.profile);
            checked += 1;
            if v.status != *want {
                wrong.push(format!(
                    "{file} ({}): {id} expected {}, got {}\n  reasons: {:?}\n  missing: {:?}",
                    case.name,
                    want.key(),
                    v.status.key(),
                    v.reasons,
                    v.missing
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {checked} expectations failed:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_cases_show_every_item_granted_and_refused() {
    let cat = catalog();
    let mut seen: BTreeMap<&str, BTreeSet<Status>> = BTreeMap::new();
    let cases = all_cases();
    for (_, case) in &cases {
        for (id, status) in &case.expect {
            if let Some(item) = cat.item(id) {
                seen.entry(item.id.as_str()).or_default().insert(*status);
            }
        }
    }
    let mut gaps = Vec::new();
    for item in &cat.items {
        let got = seen.get(item.id.as_str()).cloned().unwrap_or_default();
        // An item open to everyone cannot be refused; being granted is all a case can show.
        let open = matches!(item.rule.cond, Cond::Everyone);
        if !got.contains(&Status::Eligible) {
            gaps.push(format!("{}: no case expects it eligible", item.id));
        }
        if !open && !got.contains(&Status::Ineligible) {
            gaps.push(format!("{}: no case expects it ineligible", item.id));
        }
    }
    assert!(gaps.is_empty(), "coverage gaps:\n{}", gaps.join("\n"));
}

#[test]
fn the_fast_status_path_agrees_with_the_full_verdicts() {
    let cat = catalog();
    for (file, case) in all_cases() {
        for item in &cat.items {
            let full = assess_item(&cat, item, &case.profile).status;
            let fast = status_of(&cat, item, &case.profile);
            assert_eq!(full, fast, "{file}: {}", item.id);
        }
    }
}

#[test]
fn a_judge_that_remembers_shared_conditions_agrees_with_judging_each_item_alone() {
    let cat = catalog();
    for (file, case) in all_cases() {
        let h = &case.profile;
        // Backwards and forwards, deciding before explaining, so remembered answers are reused
        // in different orders.
        let mut j = judge(&cat, h);
        for item in cat.items.iter().rev() {
            assert_eq!(
                judged_status(&mut j, item),
                status_of(&cat, item, h),
                "{file}: {}",
                item.id
            );
        }
        for item in &cat.items {
            assert_eq!(
                judged(&mut j, item),
                assess_item(&cat, item, h),
                "{file}: {}",
                item.id
            );
        }
    }
}

#[test]
fn the_suite_has_at_least_forty_households() {
    assert!(
        all_cases().len() >= 40,
        "only {} household cases",
        all_cases().len()
    );
}
