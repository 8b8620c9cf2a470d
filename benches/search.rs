//! Search latency at the bundled catalog and at a synthetic 10,000-item catalog.
//!
//! Run with `cargo bench --bench search`. Each query runs many times on one thread; the report
//! gives the median and the 99th percentile per query kind. Goals: p99 under 1 ms at the
//! bundled size, under 16 ms (one frame) at 10,000 items.

use std::hint::black_box;
use std::time::{Duration, Instant};

use policy_toolbox::catalog::synthetic::synthetic;
use policy_toolbox::catalog::{self, Source};
use policy_toolbox::search::SearchIndex;

const QUERIES: &[(&str, &[&str])] = &[
    ("short", &["医", "低保", "看病", "房子"]),
    (
        "long",
        &[
            "最低生活保障",
            "困难家庭 医疗 救助 补贴",
            "高校毕业生 就业 见习 补贴",
        ],
    ),
    ("pinyin", &["yiliao", "yljz", "dibao", "jiuye", "医疗 jz"]),
    ("no match", &["zzzzqqq", "火星移民补贴", "xyzxyz abc"]),
];

fn main() {
    let base = catalog::load(&Source::bundled()).expect("the bundled catalog loads");
    for (label, cat) in [
        ("bundled", base.clone()),
        ("10,000 items", synthetic(&base, 10_000)),
    ] {
        let start = Instant::now();
        let index = SearchIndex::new(&cat);
        println!(
            "{label}: {} items, index built in {:.1} ms",
            cat.items.len(),
            ms(start.elapsed())
        );
        let rounds = if cat.items.len() > 1000 { 60 } else { 2000 };
        for (kind, queries) in QUERIES {
            let mut times = Vec::new();
            for _ in 0..rounds {
                for q in *queries {
                    let t = Instant::now();
                    black_box(index.search(black_box(q), 50));
                    times.push(t.elapsed());
                }
            }
            times.sort();
            let pick = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
            println!(
                "  {kind:<9} median {:>8.3} ms   p99 {:>8.3} ms   ({} runs)",
                ms(pick(0.5)),
                ms(pick(0.99)),
                times.len()
            );
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
