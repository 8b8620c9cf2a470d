//! Batch screening throughput on a generated file of 1,000,000 households.
//!
//! Run with `cargo bench --bench screen`. The households are made up but varied: one to six
//! members of all ages, statuses, incomes, disabilities and schooling, with some facts left
//! unknown as real exports leave them. The file is written to a temporary folder, screened
//! end to end (read, parse, judge all 93 items, format, write) into a CSV file there, and
//! everything is deleted afterwards. Goal: at least 50,000 households a second on two cores.
//!
//! `SCREEN_BENCH_HOUSEHOLDS=N` changes the size; `SCREEN_BENCH_INPUT=csv` generates CSV (one
//! row per member) instead of JSON Lines; `SCREEN_BENCH_FORMAT=jsonl` writes JSON Lines
//! results instead of CSV; `SCREEN_BENCH_OUTPUT=null` discards the results instead of writing
//! them to a file, which measures the screening without the disk.

use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Write};
use std::time::Instant;

use policy_toolbox::catalog::{self, Source};
use policy_toolbox::fsutil;
use policy_toolbox::screen::{self, Format, InputKind, Observer, Rejection};
use serde_json::{Map, Value, json};

fn main() {
    let n: u64 = std::env::var("SCREEN_BENCH_HOUSEHOLDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let csv = std::env::var("SCREEN_BENCH_INPUT").is_ok_and(|v| v == "csv");
    let cat = catalog::load(&Source::bundled()).expect("the bundled catalog loads");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let input = dir.path().join(if csv {
        "households.csv"
    } else {
        "households.jsonl"
    });

    let t = Instant::now();
    generate(&input, n, csv).expect("the input is written");
    let size = fs::metadata(&input).map_or(0, |m| m.len());
    println!(
        "generated {n} households ({:.0} MB) in {:.1} s",
        mb(size),
        t.elapsed().as_secs_f64()
    );

    let to_disk = std::env::var("SCREEN_BENCH_OUTPUT").map_or(true, |v| v != "null");
    let (format, name) = match std::env::var("SCREEN_BENCH_FORMAT").as_deref() {
        Ok("jsonl") => (Format::Jsonl, "results.jsonl"),
        _ => (Format::Csv, "results.csv"),
    };
    let output = dir.path().join(name);
    // Written as `screen -o` writes it: past the page cache, synced and renamed into place.
    let mut file = to_disk.then(|| fsutil::Pending::create(&output, true).expect("output"));
    let mut null = Counted(0);
    let out: &mut dyn Write = match &mut file {
        Some(f) => f,
        None => &mut null,
    };
    let reader = BufReader::with_capacity(1 << 20, File::open(&input).expect("input"));
    let kind = if csv {
        InputKind::Csv
    } else {
        InputKind::Jsonl
    };
    let mut quiet = Quiet(0);
    let t = Instant::now();
    let totals = screen::screen(
        &cat,
        "households",
        reader,
        Some(kind),
        format,
        out,
        &mut quiet,
    )
    .unwrap_or_else(|_| panic!("the generated input screens"));
    if let Some(mut f) = file {
        f.commit().expect("the results are written");
    }
    let secs = t.elapsed().as_secs_f64();
    let written = if to_disk {
        fs::metadata(&output).map_or(0, |m| m.len())
    } else {
        null.0
    };
    println!(
        "screened {} households in {secs:.1} s: {:.0} households a second on {} threads",
        totals.households,
        totals.households as f64 / secs,
        rayon::current_num_threads()
    );
    println!(
        "wrote {} rows ({:.0} MB, {:.1} rows a household); {} rows rejected",
        totals.found,
        mb(written),
        totals.found as f64 / totals.households.max(1) as f64,
        quiet.0
    );
    println!("{}", totals.balance());
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// Discards what is written, counting the bytes.
struct Counted(u64);

impl Write for Counted {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Counts rejections; a generated file should have none.
struct Quiet(u64);

impl Observer for Quiet {
    fn rejected(&mut self, _: &Rejection) -> io::Result<()> {
        self.0 += 1;
        Ok(())
    }
}

/// A small deterministic generator (xorshift), so every run screens the same file.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % sides
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.roll(from.len() as u64) as usize]
    }

    /// True one time in `n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.roll(n) == 0
    }
}

const STATUSES: &[&str] = &[
    "dibao",
    "dibao_edge",
    "tekun",
    "low_income_farmer",
    "expenditure_poverty",
    "hardship_worker",
];
const HOUSING: &[&str] = &["owned", "rented", "public_rental", "dilapidated", "none"];
const HARDSHIP: &[&str] = &["illness", "disaster", "accident", "pandemic", "fire"];
const KINDS: &[&str] = &["physical", "visual", "hearing", "intellectual", "mental"];

fn household(d: &mut Dice, id: u64) -> Map<String, Value> {
    let mut h = Map::new();
    h.insert("household_id".into(), json!(format!("H{id:07}")));
    h.insert(
        "hukou".into(),
        json!(if d.one_in(6) { "outside" } else { "local" }),
    );
    h.insert(
        "area".into(),
        json!(if d.one_in(3) { "rural" } else { "urban" }),
    );
    if !d.one_in(3) {
        let status: Vec<&str> = (0..d.roll(2) + 1).map(|_| d.pick(STATUSES)).collect();
        let mut status = status;
        status.dedup();
        h.insert("status".into(), json!(status));
    }
    if !d.one_in(5) {
        h.insert(
            "income_per_capita_monthly".into(),
            json!(200 + d.roll(4000)),
        );
    }
    h.insert("housing".into(), json!(d.pick(HOUSING)));
    if d.one_in(4) {
        h.insert("hardship".into(), json!([d.pick(HARDSHIP)]));
    }
    for key in [
        "assets_within_limit",
        "has_able_supporter",
        "high_necessary_spending",
    ] {
        if !d.one_in(3) {
            h.insert(key.into(), json!(d.one_in(2)));
        }
    }
    if d.one_in(5) {
        h.insert(
            "received".into(),
            json!([d.pick(&["dibao", "med-aid", "edu-senior-grant"])]),
        );
    }
    let members = (0..d.roll(6) + 1).map(|i| member(d, i)).collect();
    h.insert("members".into(), Value::Array(members));
    h
}

fn member(d: &mut Dice, i: u64) -> Value {
    let age = match i {
        0 => 18 + d.roll(75),
        _ => d.roll(95),
    };
    let relation = match i {
        0 => "self",
        _ if age < 18 => "child",
        _ if age > 65 => "parent",
        _ => d.pick(&["spouse", "sibling", "other"]),
    };
    let mut m = Map::new();
    m.insert("relation".into(), json!(relation));
    m.insert("age".into(), json!(age));
    m.insert("sex".into(), json!(d.pick(&["female", "male"])));
    if age >= 16 {
        let work = [
            "employed",
            "unemployed",
            "flexible",
            "platform",
            "farmer",
            "retired",
            "none",
        ];
        m.insert("employment".into(), json!(d.pick(&work)));
        m.insert("social_insurance".into(), json!(d.one_in(2)));
    }
    let disability = if d.one_in(8) {
        json!({"grade": d.roll(4) + 1, "kind": d.pick(KINDS)})
    } else {
        json!("none")
    };
    m.insert("disability".into(), disability);
    m.insert(
        "illness".into(),
        json!(d.pick(&["none", "none", "chronic", "serious"])),
    );
    let student = match age {
        3..=5 => "preschool",
        6..=11 => "primary",
        12..=14 => "junior",
        15..=17 => "senior",
        18..=21 if d.one_in(2) => "university",
        _ => "none",
    };
    m.insert("student".into(), json!(student));
    for key in ["care_needs", "veteran", "pregnant", "lives_alone"] {
        if !d.one_in(4) {
            m.insert(key.into(), json!(d.one_in(10)));
        }
    }
    Value::Object(m)
}

fn generate(path: &std::path::Path, n: u64, csv: bool) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let mut d = Dice(0x9E37_79B9_7F4A_7C15);
    if csv {
        writeln!(out, "{}", CSV_COLUMNS.join(","))?;
    }
    for id in 0..n {
        let h = household(&mut d, id);
        if csv {
            write_csv(&mut out, &h)?;
        } else {
            serde_json::to_writer(&mut out, &h)?;
            out.write_all(b"\n")?;
        }
    }
    // On disk before the clock starts, so the run does not share the disk with this file.
    out.into_inner().map_err(io::Error::other)?.sync_all()
}

const CSV_COLUMNS: &[&str] = &[
    "household_id",
    "hukou",
    "area",
    "status",
    "income_per_capita_monthly",
    "housing",
    "hardship",
    "assets_within_limit",
    "has_able_supporter",
    "high_necessary_spending",
    "received",
    "relation",
    "age",
    "sex",
    "employment",
    "social_insurance",
    "disability_grade",
    "disability_kind",
    "illness",
    "student",
    "care_needs",
    "veteran",
    "pregnant",
    "lives_alone",
];

/// One row per member: the household's cells, then the member's.
fn write_csv(out: &mut impl Write, h: &Map<String, Value>) -> io::Result<()> {
    let members = h["members"].as_array().cloned().unwrap_or_default();
    for m in &members {
        let cells: Vec<String> = CSV_COLUMNS
            .iter()
            .map(|col| match *col {
                "disability_grade" => cell(m["disability"].get("grade")),
                "disability_kind" => match &m["disability"] {
                    Value::String(s) => s.clone(),
                    other => cell(other.get("kind")),
                },
                c => cell(h.get(c).or_else(|| m.get(c))),
            })
            .collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => {
            let words: Vec<String> = a.iter().map(|x| cell(Some(x))).collect();
            words.join(";")
        }
        Some(other) => other.to_string(),
    }
}
