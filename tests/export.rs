//! The household's list in every format: golden files for two households, receipt widths,
//! the QR code read back by a decoder, and safe writing of files.
//!
//! After an intended change of output, regenerate the golden files with
//! `UPDATE_GOLDEN=1 cargo test --test export` and read the diff before committing it.

mod common;

use std::fs;
use std::path::PathBuf;

use common::{path_str, root, run};
use policy_toolbox::cases;
use policy_toolbox::catalog::{self, Catalog, Source};
use policy_toolbox::export::{self, Options, PolicyList, Selection, qr, wrap::width};

const CASES: &[&str] = &["01-dibao-father-teen", "a-01-edge-family-son-paralysed"];
const FORMATS: &[&str] = &["html", "txt", "md", "json", "csv"];
const DATE: &str = "2026-12-03";

fn case_path(name: &str) -> PathBuf {
    root().join("tests/households").join(format!("{name}.yaml"))
}

fn list_for(cat: &Catalog, name: &str) -> PolicyList {
    let text = fs::read_to_string(case_path(name)).unwrap();
    let case = cases::parse(name, &text).unwrap();
    export::build(
        cat,
        &case.profile,
        &Selection::Relevant,
        DATE,
        Options::default(),
    )
}

fn catalog() -> Catalog {
    catalog::load(&Source::bundled()).unwrap()
}

#[test]
fn every_format_matches_its_golden_file() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for case in CASES {
        for format in FORMATS {
            let r = run(&[
                "export",
                "--profile",
                path_str(&case_path(case)),
                "--format",
                format,
                "--date",
                DATE,
            ]);
            assert_eq!(r.code, 0, "{case} {format}: {}", r.stderr);
            let golden = root().join("tests/golden").join(format!("{case}.{format}"));
            if update {
                fs::write(&golden, &r.stdout).unwrap();
            } else if fs::read_to_string(&golden).ok().as_deref() != Some(r.stdout.as_str()) {
                stale.push(golden.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "output differs from (or lacks) golden files:\n{}",
        stale.join("\n")
    );
}

#[test]
fn lists_hold_what_a_resident_needs() {
    let cat = catalog();
    let list = list_for(&cat, CASES[0]);
    assert!(!list.is_empty());
    let statuses: Vec<_> = list.entries().map(|(_, e)| e.status).collect();
    assert!(statuses.iter().all(|s| s.key() != "ineligible"));
    let mut sorted = statuses.clone();
    sorted.sort();
    assert!(list.groups.iter().all(|g| !g.entries.is_empty()));
    let md = export::md::render(&list);
    for part in [
        "帮扶政策清单",
        "最低生活保障",
        "12349",
        "12345",
        "经办部门审核",
    ] {
        assert!(md.contains(part), "the list lacks {part}");
    }
    let csv = export::csv::render(&list);
    assert!(
        csv.starts_with('\u{feff}'),
        "CSV starts with a byte-order mark"
    );
    assert_eq!(csv.lines().count(), list.len() + 1);
    let html = export::html::render(&list, &qr::for_list(&list));
    for part in ["<svg", "break-inside: avoid", "@page", "Noto Sans CJK SC"] {
        assert!(html.contains(part), "the page lacks {part}");
    }
    assert!(!html.contains("http://") || html.matches("http://").all(|_| html.contains("xmlns")));
}

#[test]
fn names_appear_only_when_asked() {
    let cat = catalog();
    let src = "members:\n  - {relation: self, name: 王阿姨, age: 45}\n";
    let h = policy_toolbox::profile::parse("p.yaml", src).unwrap();
    let plain = export::build(&cat, &h, &Selection::Relevant, DATE, Options::default());
    assert!(!export::to_json(&plain).contains("王阿姨"));
    let named = export::build(
        &cat,
        &h,
        &Selection::Relevant,
        DATE,
        Options { with_names: true },
    );
    assert!(export::to_json(&named).contains("王阿姨"));
}

#[test]
fn receipts_fit_their_width_and_cut_nothing() {
    let cat = catalog();
    for case in CASES {
        let list = list_for(&cat, case);
        for w in [32, 48, 80] {
            let text = export::txt::render(&list, w);
            for line in text.lines() {
                assert!(
                    width(line) <= w,
                    "{case} at {w}: {line:?} is {} wide",
                    width(line)
                );
            }
            let flat: String = text.split_whitespace().collect();
            for (_, e) in list.entries() {
                let name: String = e.name.split_whitespace().collect();
                assert!(flat.contains(&name), "{case} at {w}: {} was cut", e.name);
                assert!(
                    text.contains(&e.phone),
                    "{case} at {w}: phone {} was split",
                    e.phone
                );
                for d in &e.documents {
                    let d: String = d.split_whitespace().collect();
                    assert!(flat.contains(&d), "{case} at {w}: document {d} was cut");
                }
            }
            for number in ["8:30-12:00", "13:30-17:30"] {
                assert!(text.contains(number), "{case} at {w}: {number} was split");
            }
        }
    }
}

fn decode(code: &qr::Qr) -> String {
    let (size, dark) = code.modules();
    let grid = rqrr::SimpleGrid::from_func(size, |x, y| dark[y * size + x]);
    let (_, text) = rqrr::Grid::new(grid).decode().expect("the code decodes");
    text
}

#[test]
fn the_qr_code_decodes_to_the_list() {
    let cat = catalog();
    for case in CASES {
        let list = list_for(&cat, case);
        let code = qr::for_list(&list);
        let text = decode(&code);
        assert_eq!(text, code.payload);
        let (_, first) = list.entries().next().unwrap();
        assert!(text.contains(&first.name), "{text}");
        assert!(text.contains("12345"));
    }
}

#[test]
fn a_long_list_is_shortened_and_says_so() {
    let cat = catalog();
    let ids: Vec<String> = cat.items.iter().map(|i| i.id.clone()).collect();
    let h = policy_toolbox::profile::parse("p.yaml", "{}").unwrap();
    let list = export::build(&cat, &h, &Selection::Items(ids), DATE, Options::default());
    let code = qr::for_list(&list);
    let note = code
        .shortened
        .clone()
        .expect("93 items do not fit one code");
    assert!(note.contains("纸质清单"));
    let text = decode(&code);
    assert!(text.contains("另有"), "{text}");
    assert!(code.half_blocks().lines().count() > 10);
}

#[test]
fn export_refuses_to_overwrite_and_writes_whole_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("list.md");
    let profile = case_path(CASES[0]);
    let args = |extra: &[&str]| {
        let mut a = vec![
            "export",
            "--profile",
            path_str(&profile),
            "--format",
            "md",
            "-o",
        ];
        a.push(path_str(&out));
        a.extend_from_slice(extra);
        a.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let call = |extra: &[&str]| {
        let a = args(extra);
        run(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    assert_eq!(call(&[]).code, 0);
    let first = fs::read_to_string(&out).unwrap();
    assert!(first.contains("帮扶政策清单"));
    fs::write(&out, "keep me").unwrap();
    let refused = call(&[]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("--force"), "{}", refused.stderr);
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");
    assert_eq!(call(&["--force"]).code, 0);
    assert_eq!(fs::read_to_string(&out).unwrap(), first);
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary files are left: {names:?}");
    let bad = run(&[
        "export",
        "--profile",
        path_str(&profile),
        "--format",
        "md",
        "-o",
        "/nonexistent/dir/x.md",
    ]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("/nonexistent/dir"), "{}", bad.stderr);
}

#[test]
fn printing_without_a_printer_is_a_clear_message() {
    let profile = case_path(CASES[0]);
    let r = run(&[
        "export",
        "--profile",
        path_str(&profile),
        "--print",
        "--print-command",
        "no-such-printer-cmd",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("no print command `no-such-printer-cmd`"),
        "{}",
        r.stderr
    );
    let dir = tempfile::tempdir().unwrap();
    let sink = dir.path().join("printed.txt");
    let cmd = format!("tee {}", path_str(&sink));
    let r = run(&[
        "export",
        "--profile",
        path_str(&profile),
        "--print",
        "--width",
        "32",
        "--print-command",
        &cmd,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let printed = fs::read_to_string(&sink).unwrap();
    assert!(printed.contains("帮扶政策清单"));
    assert!(printed.lines().all(|l| width(l) <= 32));
}
