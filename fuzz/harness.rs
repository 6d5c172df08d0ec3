//! What each fuzz target does with its input. The targets in `fuzz_targets/` hand their
//! bytes to these functions, and `tests/fuzz_regressions.rs` replays the inputs kept in
//! `tests/fuzz-regressions/TARGET/` through the same functions in every test run.
// Each target uses one of the functions.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::sync::LazyLock;

use newslint::values::{NormalizeContext, Value, ValueType, normalize};

/// Rule files are untrusted in a pull request: loading any text must not panic, and
/// running the examples of whatever loaded must not either.
pub fn rules_load(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let loaded = newslint::rules::load_str("fuzz.yaml", text);
        let _ = newslint::rules::examples::run(&loaded.rules);
    }
}

/// The rules an article is read with: a fact of each common shape, a term, a person.
const ARTICLE_RULES: &str = "facts:\n  - id: d\n    type: date\n    patterns: ['on {value}']\n  - id: p\n    type: percent\n    patterns: ['to {value}']\n  - id: m\n    type: money\n    patterns: ['{value}']\nterms:\n  - prefer: per cent\n    instead_of: [percent, NAFTA 2.0, U.S.]\n    except: [Percent Group]\npeople:\n  - name: Mark Carney\n    aliases: [Carney]\n";

static RULES: LazyLock<newslint::rules::LoadedRules> =
    LazyLock::new(|| newslint::rules::load_str("fuzz.yaml", ARTICLE_RULES));

static PLAN: LazyLock<newslint::checks::ScanPlan> =
    LazyLock::new(|| newslint::checks::ScanPlan::new(&RULES.rules));

/// Articles: any bytes (front matter, date line, header lines, encodings) load without a
/// panic, every offset maps to a line and column, claims can be extracted and every
/// built-in check can scan them.
pub fn article_load(data: &[u8]) {
    let Ok(article) = newslint::article::Article::from_bytes(
        0,
        Path::new("2025-09-03-fuzz.md"),
        "fuzz.md".into(),
        data,
    ) else {
        return;
    };
    let mut last = (0, 0);
    // Offsets spread over the text (every one would make each run quadratic).
    let step = (article.text.len() / 64).max(1);
    for offset in (0..=article.text.len()).step_by(step) {
        let lc = article.line_col(offset);
        assert!(lc >= (1, 1));
        assert!(lc.0 >= last.0);
        last = lc;
    }
    let _ = newslint::extract::extract_article(&article, &RULES.rules);
    let _ = newslint::suppress::directives_of(&article);
    let _ = newslint::checks::scan_article(&article, &RULES.rules, &PLAN);
    let _ = newslint::render::sanitize_for_terminal(&article.text);
}

/// The `{value}` grammars, compiled once.
static GRAMMARS: LazyLock<Vec<regex::Regex>> = LazyLock::new(|| {
    ValueType::ALL
        .iter()
        .map(|t| regex::Regex::new(t.grammar()).unwrap())
        .collect()
});

/// Every value normalizer: any text, for every type, with or without an article date (near
/// the ends of the calendar too), and the canonical parser, never panic.
pub fn values_normalize(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The first character picks the article date; the rest is the sentence.
    let mut chars = text.chars();
    let pick = chars.next().map_or(0, |c| c as u32);
    let sentence = chars.as_str();
    let dates = [
        None,
        Some(jiff::civil::date(2025, 9, 3)),
        Some(jiff::civil::date(-9999, 1, 1)),
        Some(jiff::civil::date(9999, 12, 31)),
        Some(jiff::civil::date(2024, 2, 29)),
    ];
    let date = dates[pick as usize % dates.len()];
    for (i, ty) in ValueType::ALL.into_iter().enumerate() {
        let ctx = NormalizeContext {
            article_date: date,
            sentence,
            value_start: (pick as usize) % (sentence.len() + 1),
            default_currency: "USD",
        };
        if let Ok(v) = normalize(ty, sentence, &ctx) {
            let _ = v.to_string();
            let _ = v.conflicts_with(&v);
        }
        let _ = Value::parse_canonical(ty, sentence);
        // Through the grammar too: whatever `{value}` matches must normalize without panic.
        for m in GRAMMARS[i].find_iter(sentence) {
            let ctx = NormalizeContext {
                value_start: m.start(),
                ..ctx.clone()
            };
            let _ = normalize(ty, m.as_str(), &ctx);
        }
    }
}

/// The rules a corpus is checked with: the project's shipped rules, and a few of other
/// shapes (a date, a count with its earlier value, a year, a month, a term, a person).
const CORPUS_RULES: &[(&str, &str)] = &[
    (
        "canada-us-trade.yaml",
        include_str!("../rules/canada-us-trade.yaml"),
    ),
    ("style.yaml", include_str!("../rules/style.yaml")),
    (
        "more.yaml",
        "facts:\n  - id: meeting\n    type: date\n    patterns: ['meet on {value}']\n  - id: visits\n    type: count\n    patterns: ['visited {value} times', 'visits rose from {was} to {value}']\n  - id: review\n    type: year\n    patterns: ['in {value}', '{value} period']\n  - id: season\n    type: month\n    patterns: ['in {value}', '{value} period']\nterms:\n  - prefer: per cent\n    instead_of: [percent]\npeople:\n  - name: Mark Carney\n    aliases: [Carney]\n",
    ),
];

/// Separates the articles of a corpus input (a byte that is never part of UTF-8 text).
const SEPARATOR: u8 = 0xFF;

/// A corpus: the input split at each 0xFF byte into up to eight articles, dated a day apart
/// by their names (Markdown and plain text in turn), checked end to end with every built-in check: files found and loaded,
/// claims extracted, checks run across the articles, findings pinned to lines (the files
/// read again) and rendered in every format. When the first byte is odd, the last article
/// is a draft checked against the others. Nothing panics, the JSON and SARIF reports
/// parse, and a second run reports the same. Returns the JSON report.
pub fn corpus_check(data: &[u8]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let articles = dir.path().join("articles");
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(&articles).expect("a folder");
    std::fs::create_dir_all(&rules).expect("a folder");
    for (name, text) in CORPUS_RULES {
        std::fs::write(rules.join(name), text).expect("a rule file");
    }
    let pieces: Vec<&[u8]> = data.split(|&b| b == SEPARATOR).take(8).collect();
    let with_draft = data.first().is_some_and(|b| b & 1 == 1) && pieces.len() > 1;
    let mut drafts = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        let kind = if i % 2 == 0 { "md" } else { "txt" };
        let name = format!("2025-03-{:02}-a{i}.{kind}", i + 1);
        let path = if with_draft && i == pieces.len() - 1 {
            let path = dir.path().join(name);
            drafts.push(path.clone());
            path
        } else {
            articles.join(name)
        };
        std::fs::write(&path, piece).expect("an article");
    }
    let options = newslint::run::Options {
        paths: vec![articles],
        drafts,
        rules: vec![rules],
        as_of: Some(jiff::civil::date(2025, 3, 20)),
        max_file_bytes: None,
        baseline: None,
        progress: false,
        keep_unbaselined: false,
    };
    let mut first = report(&options);
    assert!(first == report(&options), "a second run reported otherwise");
    first.swap_remove(0)
}

/// Every format's report of one run (the JSON one first).
fn report(options: &newslint::run::Options) -> Vec<Vec<u8>> {
    use newslint::render::Format;
    let outcome = newslint::run::check(options);
    let report = outcome.report();
    let formats = [
        Format::Json,
        Format::Sarif,
        Format::Human,
        Format::Concise,
        Format::Github,
        Format::Markdown,
    ];
    let out: Vec<Vec<u8>> = formats
        .iter()
        .map(|&format| {
            let mut out = Vec::new();
            newslint::render::renderer_with(format, format == Format::Human, 2)
                .render(&report, &mut out)
                .expect("a report written to memory");
            out
        })
        .collect();
    for machine in &out[..2] {
        if let Err(err) = serde_json::from_slice::<serde_json::Value>(machine) {
            let mut stderr = std::io::stderr();
            let _ = stderr.write_all(machine);
            panic!("a machine report that is not JSON: {err}");
        }
    }
    out
}
