//! The per-article scans of the built-in checks (titles, terms, quotes, hygiene), each on
//! its own and all together, on one core over texts already in memory: how fast each reads
//! news text, without the files, the claims or the passes across articles. Timed rather
//! than counted (`bench/instructions` counts): branches mispredicted and multiplications
//! waited on cost time that instruction counts do not show.
//!
//!     cargo bench --bench scans
//!
//! The articles are the first 4,000 of `NEWSLINT_BENCH_CORPUS`, or else of the 10 MB
//! synthetic corpus of `bench/run` (in /tmp/newslint-bench, made if missing or stale).

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newslint::article::Article;
use newslint::checks::{self, ScanPlan};
use newslint::discover;

const ARTICLES: usize = 4_000;
const CHECKS: [&str; 4] = ["titles", "terms", "quotes", "hygiene"];

fn corpus() -> PathBuf {
    if let Some(dir) = std::env::var_os("NEWSLINT_BENCH_CORPUS") {
        return PathBuf::from(dir);
    }
    // The corpus of `bench/run`, made again when the generator changed since
    // (`bench/fresh_corpus.py`).
    let dir = PathBuf::from("/tmp/newslint-bench/corpus-10M");
    let generator = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/fresh_corpus.py");
    let status = Command::new("python3")
        .arg(generator)
        .arg(&dir)
        .args(["--size", "10M"])
        .status()
        .expect("python3 runs the corpus generator");
    assert!(status.success(), "bench/fresh_corpus.py failed");
    dir
}

fn articles(dir: &Path) -> Vec<Article> {
    let (files, errors) = discover::discover(&[dir.to_path_buf()], false);
    assert!(errors.is_empty(), "{dir:?}: {errors:?}");
    let max = discover::size_limit(None);
    files
        .into_iter()
        .take(ARTICLES)
        .filter_map(|file| discover::load_one(file, max).ok())
        .collect()
}

/// The shipped rules, with every built-in check but `only` turned off (all of them on
/// without `only`).
fn rules(only: Option<&str>) -> newslint::rules::LoadedRules {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("rules")];
    if let Some(only) = only {
        let config: String = CHECKS
            .iter()
            .filter(|c| **c != only)
            .map(|c| format!("  {c}: {{ enabled: false }}\n"))
            .collect();
        let path = std::env::temp_dir().join(format!("newslint-bench-only-{only}.yaml"));
        std::fs::write(&path, format!("checks:\n{config}")).expect("temporary rule file");
        paths.push(path);
    }
    let loaded = newslint::run::load_rules(&paths);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded
}

fn scans(c: &mut Criterion) {
    let articles = articles(&corpus());
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("scans");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    for only in CHECKS.map(Some).into_iter().chain([None]) {
        let loaded = rules(only);
        let plan = ScanPlan::new(&loaded.rules);
        group.bench_function(only.unwrap_or("all"), |b| {
            b.iter(|| {
                articles
                    .iter()
                    .map(|a| checks::scan_article(a, &loaded.rules, &plan).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, scans);
criterion_main!(benches);
