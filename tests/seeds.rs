//! End to end: the shipped rule pack on the sample articles, alone and with each draft that
//! contradicts them.

mod common;

use common::{Diag, newslint};

const FACT_KINDS: &[&str] = &[
    "contradiction",
    "drift",
    "stale",
    "off-record",
    "regression",
    "unresolved",
];

fn fact_findings(diags: &[Diag]) -> Vec<&Diag> {
    diags
        .iter()
        .filter(|d| FACT_KINDS.contains(&d.kind()))
        .collect()
}

#[test]
fn seeds_alone_have_no_contradiction_drift_or_regression() {
    let run = newslint(&["seeds/"]);
    assert!(
        run.code == 0 || run.code == 1,
        "exit {}\n{}",
        run.code,
        run.stdout
    );
    let found: Vec<(String, String, String, usize)> = fact_findings(&run.diags)
        .iter()
        .map(|d| {
            (
                d.kind().to_string(),
                d.rule.clone(),
                d.locations[0].0.clone(),
                d.locations[0].1,
            )
        })
        .collect();
    let expected: Vec<(String, String, String, usize)> = [
        (
            "carney-g20-remark-date",
            "seeds/000_bbb15b061d3f8454.txt",
            3,
        ),
        (
            "carney-washington-trip-date",
            "seeds/000_bbb15b061d3f8454.txt",
            11,
        ),
        ("lutnick-meeting-date", "seeds/001_3e22afcecaafb256.txt", 3),
        (
            "carney-sheinbaum-meeting-date",
            "seeds/001_3e22afcecaafb256.txt",
            6,
        ),
        (
            "carney-trump-meeting-date",
            "seeds/004_bc91611cf220d0cd.txt",
            5,
        ),
        ("cusma-review-year", "seeds/004_bc91611cf220d0cd.txt", 21),
    ]
    .iter()
    .map(|(rule, path, line)| {
        (
            "unresolved".to_string(),
            rule.to_string(),
            path.to_string(),
            *line,
        )
    })
    .collect();
    assert_eq!(found, expected, "\n{}", run.stdout);
    assert!(
        run.diags
            .iter()
            .filter(|d| FACT_KINDS.contains(&d.kind()))
            .all(|d| d.severity == "note")
    );
}

#[test]
fn seeds_fact_sheet_has_the_expected_values() {
    let out = assert_cmd::Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["claims", "seeds/", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let claims: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows: Vec<(String, Option<String>, String, u64)> = claims
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["fact"].as_str().unwrap().to_string(),
                c["value"].as_str().map(str::to_string),
                c["path"].as_str().unwrap().to_string(),
                c["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let has = |fact: &str, value: Option<&str>, path: &str| {
        rows.iter()
            .any(|(f, v, p, _)| f == fact && v.as_deref() == value && p.ends_with(path))
    };
    // The review year: "in 2026" (000), "next year" in an article of 2025-09-03 (002), "in 2026" (003).
    assert!(has(
        "cusma-review-year",
        Some("2026"),
        "000_bbb15b061d3f8454.txt"
    ));
    assert!(has(
        "cusma-review-year",
        Some("2026"),
        "002_2a1d74c9607f2477.txt"
    ));
    assert!(has(
        "cusma-review-year",
        Some("2026"),
        "003_eb4dc8f604707b45.txt"
    ));
    // "his third visit since his election" and "his second White House visit" are two facts.
    assert!(has(
        "carney-washington-visits",
        Some("3"),
        "003_eb4dc8f604707b45.txt"
    ));
    assert!(has(
        "carney-white-house-visits",
        Some("2"),
        "004_bc91611cf220d0cd.txt"
    ));
    assert!(has(
        "carney-trump-call-date",
        Some("2025-09-01"),
        "002_2a1d74c9607f2477.txt"
    ));
    assert!(has(
        "carney-washington-trip-date",
        Some("2025-12-01/2025-12-07"),
        "003_eb4dc8f604707b45.txt"
    ));
    assert!(has(
        "us-tariff-rate-canada",
        Some("35%"),
        "004_bc91611cf220d0cd.txt"
    ));
    let first = &claims[0];
    for key in [
        "fact",
        "type",
        "value",
        "raw",
        "path",
        "line",
        "column",
        "article_date",
    ] {
        assert!(first.get(key).is_some(), "claims JSON lacks `{key}`");
    }
}

/// Runs seeds/ plus one draft; returns the fact findings that are not `unresolved`.
fn with_draft(draft: &str) -> (i32, Vec<Diag>, String) {
    let run = newslint(&["seeds/", draft]);
    let found = fact_findings(&run.diags)
        .into_iter()
        .filter(|d| d.kind() != "unresolved")
        .cloned()
        .collect();
    (run.code, found, run.stdout)
}

#[test]
fn a_25_percent_rate_after_august_is_stale() {
    let draft = "tests/fixtures/drafts/2025-09-20-tariff-still-25.md";
    let (code, found, out) = with_draft(draft);
    assert_eq!(code, 1, "{out}");
    assert_eq!(found.len(), 1, "{out}");
    let d = &found[0];
    assert_eq!(
        (d.kind(), d.rule.as_str(), d.severity.as_str()),
        ("stale", "us-tariff-rate-canada", "error")
    );
    assert_eq!(d.locations, vec![(draft.to_string(), 7)]);
    assert!(
        d.message
            .contains("was 25% from 2025-03-04, but 35% since 2025-08-01"),
        "{}",
        d.message
    );
}

#[test]
fn a_fourth_visit_before_the_third_is_a_regression() {
    let draft = "tests/fixtures/drafts/fourth-visit.md";
    let (code, found, out) = with_draft(draft);
    assert_eq!(code, 1, "{out}");
    assert_eq!(found.len(), 1, "{out}");
    let d = &found[0];
    assert_eq!(
        (d.kind(), d.rule.as_str()),
        ("regression", "carney-washington-visits")
    );
    assert_eq!(
        d.locations,
        vec![
            ("seeds/003_eb4dc8f604707b45.txt".to_string(), 9),
            (draft.to_string(), 5)
        ]
    );
    assert!(d.message.contains("went from 4 to 3"), "{}", d.message);
}

#[test]
fn a_review_in_2027_contradicts_the_stable_review_year() {
    let draft = "tests/fixtures/drafts/review-2027.txt";
    let (code, found, out) = with_draft(draft);
    assert_eq!(code, 1, "{out}");
    assert_eq!(found.len(), 1, "{out}");
    let d = &found[0];
    assert_eq!(
        (d.kind(), d.rule.as_str()),
        ("contradiction", "cusma-review-year")
    );
    assert_eq!(d.locations[0], (draft.to_string(), 3));
    assert!(d.files()[1].starts_with("seeds/"), "{out}");
    assert!(d.message.contains("is 2027 here but 2026"), "{}", d.message);
}

#[test]
fn a_call_on_tuesday_contradicts_monday_in_an_article_of_the_same_date() {
    let draft = "tests/fixtures/drafts/call-on-tuesday.md";
    let (code, found, out) = with_draft(draft);
    assert_eq!(code, 1, "{out}");
    assert_eq!(found.len(), 1, "{out}");
    let d = &found[0];
    assert_eq!(
        (d.kind(), d.rule.as_str()),
        ("contradiction", "carney-trump-call-date")
    );
    assert_eq!(
        d.locations,
        vec![
            (draft.to_string(), 5),
            ("seeds/002_2a1d74c9607f2477.txt".to_string(), 1)
        ]
    );
    assert!(
        d.message.contains("2025-09-02 here but 2025-09-01"),
        "{}",
        d.message
    );
}

#[test]
fn without_color_on_a_pipe_and_never_with_no_color() {
    let run = newslint(&["seeds/"]);
    assert!(!run.stdout.contains('\u{1b}'));
    let out = assert_cmd::Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--color", "always", "seeds/"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn summary_line_counts_files_claims_and_findings() {
    let run = newslint(&["seeds/"]);
    let last = run.stdout.lines().last().unwrap();
    assert!(last.starts_with("5 files, 16 claims: "), "{last}");
}

/// The traps: drafts that agree with the seeds in other words — a rate that held at its own
/// date, a weekday pointing at the same call from the next day, "next year" and "2026" for
/// the review, the same visit count a few days later, "35 per cent" for 35% — produce no
/// contradiction, drift, stale, off-record or regression.
#[test]
fn consistent_drafts_raise_nothing() {
    let dir = "tests/fixtures/consistent/";
    let run = newslint(&["seeds/", dir]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let wrong: Vec<&Diag> = fact_findings(&run.diags)
        .into_iter()
        .filter(|d| d.kind() != "unresolved")
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
    // The drafts' claims were read (so "nothing" is not "nothing found").
    let last = run.stdout.lines().last().unwrap();
    assert!(last.starts_with("10 files, 22 claims: 0 errors"), "{last}");
}

/// The seeds keep a paragraph a line; an excerpt shows about 100 characters of it around the
/// claim, cut between words, and the place is still the place in the article.
#[test]
fn excerpts_of_long_lines_are_cut_around_what_they_point_at() {
    let run = newslint(&["seeds/"]);
    let excerpts: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| {
            l.split_once(" │ ")
                .filter(|(n, _)| n.trim().parse::<usize>().is_ok())
        })
        .map(|(_, text)| text)
        .collect();
    assert!(excerpts.len() > 10, "{}", run.stdout);
    for text in &excerpts {
        assert!(text.chars().count() <= 102, "{text}");
    }
    assert!(excerpts.iter().any(|t| t.starts_with('…')));
    let terms = run.diags.iter().find(|d| d.rule == "terms").unwrap();
    assert!(
        terms.body.contains(
            "31 │ …is particularly important for Canada's aluminium producers, who have had to bear initial…\n   │                                         ^^^^^^^^^ write \"aluminum\""
        ),
        "{}",
        terms.body
    );
    assert!(
        terms
            .body
            .contains("┌─ seeds/000_bbb15b061d3f8454.txt:31:52\n")
    );
}
