//! The benchmark's own scripts (bench/): the rule packs and corpora they generate are what
//! every performance figure rests on, so they are held to what their descriptions promise,
//! and newslint is run on what they write.
//!
//! They are Python: without `python3` these tests say so and pass, unless
//! `NEWSLINT_BENCH_TESTS=require` (as in CI), when they fail.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `python3`, or `None` (after saying so) when it is missing and not required.
fn python() -> Option<Command> {
    let found = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some(Command::new("python3"));
    }
    assert!(
        std::env::var("NEWSLINT_BENCH_TESTS").as_deref() != Ok("require"),
        "python3 is required by the bench script tests (NEWSLINT_BENCH_TESTS=require)"
    );
    eprintln!("python3 not found: bench script test not run");
    None
}

/// Runs `bench/SCRIPT ARGS` and returns its standard output; panics with its standard error
/// if it fails.
fn script(python: &mut Command, name: &str, args: &[&str]) -> String {
    let out = python
        .arg(root().join("bench").join(name))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "bench/{name} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn newslint(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    out
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The fact ids of a rule pack, in order, as newslint lists them.
fn fact_ids(pack: &Path) -> Vec<String> {
    let (code, out, err) = newslint(&["rules", "--rules", path_str(pack)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.is_empty(),
        "newslint had something to say about the pack: {err}"
    );
    out.lines()
        .skip(1)
        .filter(|l| !l.contains("built-in"))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect()
}

#[test]
fn rule_packs_are_seeded_nested_and_load_without_errors() {
    let Some(_) = python() else { return };
    let dir = TempDir::new().unwrap();
    let pack = |n: &str, name: &str, extra: &[&str]| {
        let path = dir.path().join(name);
        let mut args = vec![n, path_str(&path)];
        args.extend_from_slice(extra);
        script(&mut python().unwrap(), "gen_rules.py", &args);
        path
    };
    let p10 = pack("10", "p10.yaml", &["--knowledge"]);
    let p300 = pack("300", "p300.yaml", &["--knowledge"]);
    let again = pack("300", "again.yaml", &["--knowledge"]);
    let other_seed = pack("300", "seed2.yaml", &["--knowledge", "--seed", "2"]);
    let plain = pack("300", "plain.yaml", &[]);
    let read = |p: &Path| std::fs::read_to_string(p).unwrap();

    assert_eq!(
        read(&p300),
        read(&again),
        "the same seed gives the same pack"
    );
    assert_ne!(read(&p300), read(&other_seed));

    // Every pattern of every fact is accepted (a pattern newslint rejected would drop its
    // fact, and the pack would time fewer rules than it says).
    let ids10 = fact_ids(&p10);
    let ids300 = fact_ids(&p300);
    assert_eq!(ids10.len(), 10);
    assert_eq!(ids300.len(), 300);
    assert_eq!(
        ids300
            .iter()
            .collect::<std::collections::HashSet<_>>()
            .len(),
        300,
        "fact ids are unique"
    );
    // The pack of 10 is the first 10 facts of the pack of 300, so both time one corpus.
    assert_eq!(ids10, ids300[..10]);
    assert_eq!(fact_ids(&plain), ids300);
    // `--knowledge` adds timelines and expected values, and only those.
    let knows = |text: &str| text.matches("timeline:").count() + text.matches("expect:").count();
    assert!(knows(&read(&p300)) > 0);
    assert_eq!(knows(&read(&plain)), 0);
}

/// The text of each quotation, between curly or straight quotation marks.
fn quotations(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['\u{201c}', '"']) {
        let close = if rest[open..].starts_with('"') {
            '"'
        } else {
            '\u{201d}'
        };
        let inside = &rest[open + close.len_utf8()..];
        let Some(end) = inside.find(close) else { break };
        out.push(&inside[..end]);
        rest = &inside[end + close.len_utf8()..];
    }
    out
}

/// Asserts that a JSON report holds findings of each of `kinds`.
fn has_findings_of(report: &Value, kinds: &[&str]) {
    let found: std::collections::HashSet<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    for kind in kinds {
        assert!(found.contains(kind), "no {kind} finding: {found:?}");
    }
}

/// How many quotations of eight words or more occur in more than one article.
fn repeated_quotations(corpus: &BTreeMap<PathBuf, Vec<u8>>) -> usize {
    let mut quoted: BTreeMap<&str, usize> = BTreeMap::new();
    for text in corpus.values() {
        let mut seen = std::collections::HashSet::new();
        for quotation in quotations(std::str::from_utf8(text).unwrap()) {
            if quotation.split_whitespace().count() >= 8 && seen.insert(quotation) {
                *quoted.entry(quotation).or_insert(0) += 1;
            }
        }
    }
    quoted.values().filter(|&&n| n > 1).count()
}

#[test]
fn a_corpus_is_seeded_shaped_like_news_and_holds_claims_to_check() {
    let Some(_) = python() else { return };
    let dir = TempDir::new().unwrap();
    let corpus = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        let mut args = vec![path_str(&out), "--size", "200000"];
        args.extend_from_slice(extra);
        script(&mut python().unwrap(), "gen_corpus.py", &args);
        files(&out)
    };
    let one = corpus("one", &["--jobs", "1"]);
    let two = corpus("two", &["--jobs", "2"]);
    let seed2 = corpus("seed2", &["--jobs", "1", "--seed", "2"]);
    assert!(one == two, "the output does not depend on --jobs");
    assert!(one != seed2, "another seed gives another corpus");

    // At least the size asked for; the last batch of articles, sized from their average
    // length, may go a little over.
    let bytes: usize = one.values().map(Vec::len).sum();
    assert!(
        (200_000..220_000).contains(&bytes),
        "about the size asked for: {bytes} bytes"
    );
    // Dated articles of both kinds: front matter in .md, a leading date token in .txt.
    let mut kinds = BTreeMap::new();
    for (path, text) in &one {
        let text = std::str::from_utf8(text).unwrap();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let dated = match ext {
            "md" => text.starts_with("---\n") && text.contains("\ndate: 20"),
            "txt" => text.starts_with(" date 20"),
            _ => false,
        };
        assert!(dated, "{}: not a dated article:\n{text}", path.display());
        *kinds.entry(ext.to_string()).or_insert(0) += 1;
    }
    assert_eq!(kinds.len(), 2, "{kinds:?}");

    // Articles on one story repeat its quotation, as wire copy does: the quotes check has
    // something to compare.
    assert!(repeated_quotations(&one) > 0, "no quotation is repeated");

    // newslint finds claims of many facts, contradictions among them (about 4% of claims
    // are written wrong), and titled names to compare.
    let pack = dir.path().join("p300.yaml");
    script(
        &mut python().unwrap(),
        "gen_rules.py",
        &["300", path_str(&pack), "--knowledge"],
    );
    let (code, out, err) = newslint(&[
        "--rules",
        path_str(&pack),
        "--format",
        "json",
        path_str(&dir.path().join("one")),
    ]);
    assert_eq!(code, 1, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert!(report["errors"].as_array().unwrap().is_empty(), "{out}");
    assert_eq!(report["summary"]["files"], one.len());
    let claims = report["summary"]["claims"].as_u64().unwrap();
    assert!(claims as usize > one.len(), "{claims} claims");
    has_findings_of(&report, &["contradiction", "titles"]);
    let facts_claimed = |corpus: &Path| -> std::collections::HashSet<String> {
        let (code, out, err) = newslint(&[
            "claims",
            "--format",
            "json",
            "--rules",
            path_str(&pack),
            path_str(corpus),
        ]);
        assert_eq!(code, 0, "{err}");
        let claims: Value = serde_json::from_str(&out).unwrap();
        claims
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["fact"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(facts_claimed(&dir.path().join("one")).len() > 100);

    // `--rules 10`: the claims are of the first 10 facts only.
    corpus("ten", &["--rules", "10"]);
    let ids = fact_ids(&pack);
    let claimed = facts_claimed(&dir.path().join("ten"));
    assert!(!claimed.is_empty());
    assert!(
        claimed.iter().all(|id| ids[..10].contains(id)),
        "{claimed:?}"
    );
}

/// Per MiB of text: title words, "per cent" and "percent", words of five spelling pairs,
/// quotation marks (the counts of docs/performance.md, which the real-news sample has at
/// 195, 306, 129 and 2,688).
fn densities(corpus: &BTreeMap<PathBuf, Vec<u8>>) -> [f64; 4] {
    let patterns = [
        r"\b(Minister|Secretary|President|Premier|Ambassador|Governor|Senator|Chancellor|\
         Director|Chairman|Chairwoman|Chairperson|Chair|Leader|Mayor|Commissioner|Speaker|CEO)\b",
        r"(?i)per\s+cent|percent",
        r"(?i)\btravel(l?)(ing|ed)\b|\balumini?um\b|\blabou?r\b|\bcent(re|er)\b|\bdefen[cs]e\b",
        r#"["“”]"#,
    ];
    let mib = corpus.values().map(Vec::len).sum::<usize>() as f64 / f64::from(1 << 20);
    patterns.map(|p| {
        let re = regex::Regex::new(p).unwrap();
        let n: usize = corpus
            .values()
            .map(|t| re.find_iter(std::str::from_utf8(t).unwrap()).count())
            .sum();
        n as f64 / mib
    })
}

#[test]
fn at_news_density_what_the_checks_read_is_as_frequent_as_in_real_news() {
    let Some(_) = python() else { return };
    let dir = TempDir::new().unwrap();
    let corpus = |name: &str, density: &str| {
        let out = dir.path().join(name);
        let args = [path_str(&out), "--size", "2M", "--density", density];
        script(&mut python().unwrap(), "gen_corpus.py", &args);
        files(&out)
    };
    let news = densities(&corpus("news", "news"));
    let stress = densities(&corpus("stress", "stress"));
    // Within a fifth or so of the real-news sample; the default several times denser.
    let real = [195.0, 306.0, 129.0, 2688.0];
    for (i, what) in [
        "title words",
        "per cent",
        "spelling pairs",
        "quotation marks",
    ]
    .iter()
    .enumerate()
    {
        let ratio = news[i] / real[i];
        assert!(
            (0.75..1.35).contains(&ratio),
            "{what}: {:.0} a MiB at news density, {:.0} in real news",
            news[i],
            real[i]
        );
        assert!(
            stress[i] > 1.5 * news[i],
            "{what}: {stress:?} against {news:?}"
        );
    }
    // Claims, contradictions and repeated quotations are still there to find, fewer.
    let pack = dir.path().join("p300.yaml");
    script(
        &mut python().unwrap(),
        "gen_rules.py",
        &["300", path_str(&pack), "--knowledge"],
    );
    let report = |corpus: &str| -> Value {
        let (code, out, err) = newslint(&[
            "--rules",
            path_str(&pack),
            "--format",
            "json",
            path_str(&dir.path().join(corpus)),
        ]);
        assert_eq!(code, 1, "{err}");
        serde_json::from_str(&out).unwrap()
    };
    let (news, stress) = (report("news"), report("stress"));
    let claims = |r: &Value| {
        r["summary"]["claims"].as_f64().unwrap() / r["summary"]["files"].as_f64().unwrap()
    };
    assert!(
        (0.5..1.5).contains(&claims(&news)) && claims(&stress) > 2.0 * claims(&news),
        "claims an article: {} at news density, {} by default",
        claims(&news),
        claims(&stress)
    );
    has_findings_of(&news, &["contradiction", "terms", "titles"]);
    let news_texts = files(&dir.path().join("news"));
    assert!(
        repeated_quotations(&news_texts) > 0,
        "no quotation is repeated"
    );
}

#[test]
fn replicating_copies_real_articles_under_new_names_up_to_the_size() {
    let Some(mut python) = python() else { return };
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("copy");
    let seeds = root().join("seeds");
    script(
        &mut python,
        "gen_corpus.py",
        &[
            path_str(&out),
            "--size",
            "40000",
            "--replicate",
            path_str(&seeds),
        ],
    );
    let originals = files(&seeds);
    let copies = files(&out);
    let bytes: usize = copies.values().map(Vec::len).sum();
    let largest = originals.values().map(Vec::len).max().unwrap();
    assert!((40_000..40_000 + largest).contains(&bytes), "{bytes} bytes");
    // Every original is copied, round-robin, and every copy is one of them byte for byte.
    assert!(copies.len() > 2 * originals.len());
    let mut times = BTreeMap::new();
    for text in copies.values() {
        let (name, _) = originals
            .iter()
            .find(|(_, original)| *original == text)
            .expect("a copy of an original");
        *times.entry(name.clone()).or_insert(0) += 1;
    }
    assert_eq!(times.len(), originals.len());
    let (fewest, most) = (times.values().min(), times.values().max());
    assert!(most.unwrap() - fewest.unwrap() <= 1, "{times:?}");
}

/// Rows as bench/run writes them: size, bytes, files, pack, command, then the best time,
/// peak RSS in KB, KB read from disk, user and system seconds (missing in older rows).
const ROWS: &str = "\
100M\t100000000\t1000\t-\trg -F tariff (floor)\t0.200 8192 0 0.10 0.30
100M\t100000000\t1000\tshipped\tnewslint facts only\t0.300 40960 0 0.40 0.20
100M\t100000000\t1000\tshipped\tnewslint all checks\t0.900 102400 0 1.50 0.30
100M\t100000000\t1000\tshipped\trg each pattern (19 runs, summed)\t5.00 11264 0 3.71 6.56
100M\t100000000\t1000\t10\tnewslint facts only\t0.400 40960 0
100M\t100000000\t1000\t300\tnewslint facts only\t>120 307200 0
1G\t1000000000\t10000\t-\trg -F tariff (floor)\t1.000 8192 2048 1.00 2.00
1G\t1000000000\t10000\tshipped\tnewslint facts only\t3.300 131072 0 4.00 2.00
1G\t1000000000\t10000\tshipped\tnewslint all checks\tfailed 0 0
";

/// Ratios timed in turn: size, target, limit, the ratio of each round, rounds timed again
/// and rounds that still read from disk.
const TURNS: &str = "\
1G\tshipped rules, facts only ≤ 2 × floor\t2\t1.9 2.6 2.0 2.1\t1\t0
";

#[test]
fn the_table_gives_each_ratio_and_says_which_targets_are_met() {
    let Some(mut python) = python() else { return };
    let dir = TempDir::new().unwrap();
    let rows = dir.path().join("rows.tsv");
    let turns = dir.path().join("turns.tsv");
    std::fs::write(&rows, ROWS).unwrap();
    std::fs::write(&turns, TURNS).unwrap();
    let table = script(
        &mut python,
        "table.py",
        &[path_str(&rows), path_str(&turns)],
    );
    let lines: Vec<&str> = table.lines().collect();
    let has = |line: &str| {
        assert!(lines.contains(&line), "no line {line:?} in:\n{table}");
    };
    // Rows: MB/s, processor time ("-" where a row has none), RSS in MB, ratio to the floor;
    // a timeout is a lower bound, a failure has no figures.
    has("| newslint facts only | shipped | 0.300 | 333 | 0.40 + 0.20 | 40 | 1.5 |");
    has("| newslint facts only | 10 | 0.400 | 250 | - | 40 | 2.0 |");
    has("| newslint facts only | 300 | >120 | <0.8 | - | 300 | >600.0 |");
    has("| newslint all checks | shipped | failed | - | - | - | - |");
    // A floor that read from disk is marked, and its ratios still given.
    has("| rg -F tariff (floor) | - | 1.000 * | 1000 | 1.00 + 2.00 | 8 | 1.0 |");
    has(
        "\\* rg -F tariff (floor) (- rules): the time includes reading 2.0 MB from disk, not only from the page cache",
    );
    // Targets, each with its ratio.
    has("- met: shipped rules, facts only ≤ 2 × floor: 1.5 ×");
    has("- NOT met: shipped rules, all checks ≤ 4 × floor: 4.5 ×");
    has("- met: shipped rules, facts only < rg each pattern: 0.1 ×");
    has("- met: shipped rules, all checks < rg each pattern: 0.2 ×");
    has("- NOT met: 300 rules ≤ 1.5 × 10 rules, facts only: >300.0 ×");
    has("- met: peak RSS ≤ 256 MB, shipped rules, facts only: 40 MB");
    has("- met: peak RSS ≤ 256 MB, shipped rules, all checks: 100 MB");
    has("- NOT met: shipped rules, facts only ≤ 2 × floor: 3.3 ×");
    has("- met: peak RSS ≤ 256 MB, shipped rules, facts only: 128 MB");
    // The median of the rounds in turn decides (here over 2 although two rounds are not),
    // with their range.
    has(
        "- NOT met: shipped rules, facts only ≤ 2 × floor, 4 rounds in turn: median 2.05 × \
         (1.90–2.60); 1 timed again after a run read from disk",
    );
    // A failed run decides no target.
    assert!(!table.contains("all checks ≤ 4 × floor: -"), "{table}");
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains("all checks ≤ 4 × floor"))
            .count(),
        1,
        "{table}"
    );
    // Seconds per MB: 3.3 s for 1,000 MB against 0.3 s for 100.
    has("Time per MB at 1G vs 100M (shipped, facts only): +10% (met: within 25%)");
}

#[test]
fn the_order_script_counts_the_findings_with_the_files_in_order_and_reversed() {
    let Some(mut python) = python() else { return };
    let work = tempfile::tempdir().unwrap();
    let out = script(
        &mut python,
        "order",
        &[
            path_str(&root().join("seeds")),
            "--newslint",
            env!("CARGO_BIN_EXE_newslint"),
            "--work",
            path_str(work.path()),
        ],
    );
    // The sample articles: 16 findings, the same in both orders, per rule and level.
    assert!(
        out.starts_with("5 files; findings 16 in order, 16 in reverse order"),
        "{out}"
    );
    assert!(out.contains("| titles | warning |"), "{out}");
    assert!(!out.contains("differs"), "{out}");
    // The renamed copies are removed afterwards.
    assert!(!work.path().join("reversed").exists());
}

/// The pack of 1987 wire facts (README, "Accuracy on real wire copy") loads, and the
/// examples written in it, in the wire's forms ("7-1/2 pct", "300 mln dlrs", "the
/// February 22 Paris agreement"), read as the pack says.
#[test]
fn the_accuracy_pack_loads_and_its_examples_read_as_written() {
    let pack = root().join("bench/accuracy/reuters-1987.yaml");
    let (code, out, err) = newslint(&["test-rules", path_str(&pack)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("22 examples in 15 facts: 22 passed, 0 failed"),
        "{out}"
    );
}

/// The script that compares two fact sheets counts the changes, and the days read a year
/// off, of the same claims read by two builds.
#[test]
fn the_compare_script_counts_what_changed_between_two_fact_sheets() {
    let Some(mut python) = python() else { return };
    let work = tempfile::tempdir().unwrap();
    let article = work.path().join("a.txt");
    std::fs::write(
        &article,
        "date: 1987-06-02\n\nThe summit in Venice on June 8.\n",
    )
    .unwrap();
    let header = "fact,type,value,raw,path,line,column,article_date\n";
    let row = |value: &str, column: u32| {
        format!(
            "every-date,date,{value},June 8,{},3,{column},1987-06-02\n",
            path_str(&article)
        )
    };
    let old = work.path().join("old.csv");
    let new = work.path().join("new.csv");
    std::fs::write(
        &old,
        format!("{header}{}{}", row("1986-06-08", 25), row("1987-06-08", 40)),
    )
    .unwrap();
    std::fs::write(&new, format!("{header}{}", row("1987-06-08", 25))).unwrap();
    let out = script(
        &mut python,
        "accuracy/compare.py",
        &[path_str(&old), path_str(&new), "--sample", "5"],
    );
    assert!(
        out.starts_with("2 claims before, 1 after: 1 changed, 0 new, 1 gone"),
        "{out}"
    );
    assert!(
        out.contains("before: of 2 days written without a year, 1 fall 300 to 400"),
        "{out}"
    );
    assert!(
        out.contains("after: of 1 days written without a year, 0 fall 300 to 400"),
        "{out}"
    );
    assert!(out.contains("changed, by fact: every-date 1\n"), "{out}");
    assert!(out.contains("gone, by fact: every-date 1\n"), "{out}");
    assert!(out.contains("'June 8': 1986-06-08 -> 1987-06-08"), "{out}");
    assert!(out.contains("The summit in Venice on June 8."), "{out}");
}
