//! What a run reports does not depend on the order its files come in (the order of their
//! names): the same checks find as many things, at the same levels, however the articles
//! of a corpus are named.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

/// How many findings each rule reports at each level, running the shipped rules on `dir`.
fn counts(dir: &Path) -> BTreeMap<(String, &'static str), usize> {
    let options = newslint::run::Options {
        paths: vec![dir.to_path_buf()],
        drafts: Vec::new(),
        rules: vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")],
        as_of: None,
        max_file_bytes: None,
        baseline: None,
        progress: false,
        keep_unbaselined: false,
    };
    let outcome = newslint::run::check(&options);
    let mut counts = BTreeMap::new();
    for f in &outcome.findings {
        *counts
            .entry((f.rule.to_string(), f.severity.name()))
            .or_default() += 1;
    }
    counts
}

/// The dates the articles of a corpus are given.
const DATES: [&str; 3] = ["2025-03-01", "2025-08-05", "2025-10-01"];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]

    /// Two to five articles of news sentences ([`common::SENTENCES`]), each dated, written
    /// once with names in the order of the articles and once in the reverse order.
    #[test]
    fn the_findings_do_not_depend_on_the_order_of_the_files(
        articles in proptest::collection::vec(
            (proptest::collection::vec(0..common::SENTENCES.len(), 1..10), 0..DATES.len()),
            2..6,
        ),
    ) {
        let (forward, backward) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let n = articles.len();
        for (i, (picks, date)) in articles.iter().enumerate() {
            let body: String = picks.iter().map(|&p| common::SENTENCES[p]).collect();
            let text = format!("---\ndate: {}\n---\n{body}\n", DATES[*date]);
            std::fs::write(forward.path().join(format!("a{i}.md")), &text).unwrap();
            std::fs::write(backward.path().join(format!("a{}.md", n - 1 - i)), &text).unwrap();
        }
        proptest::prop_assert_eq!(counts(forward.path()), counts(backward.path()));
    }
}

/// The property above compares runs that report things: on a corpus made of every
/// sentence, most checks find something.
#[test]
fn the_sentences_of_the_property_make_findings_of_several_checks() {
    let dir = tempfile::tempdir().unwrap();
    for (i, date) in DATES.iter().enumerate() {
        let body: String = common::SENTENCES
            .iter()
            .skip(i)
            .step_by(2)
            .copied()
            .collect();
        let text = format!("---\ndate: {date}\n---\n{body}\n");
        std::fs::write(dir.path().join(format!("a{i}.md")), text).unwrap();
    }
    let found = counts(dir.path());
    let rules: std::collections::BTreeSet<&str> =
        found.keys().map(|(rule, _)| rule.as_str()).collect();
    assert!(rules.len() >= 4, "{found:?}");
}

/// Three articles of one date: one gives two values of a fact, the others one each. The
/// same two claims are flagged whichever file comes first (with the first file's value as
/// the reference on a tie, one order gave two findings and the other three).
#[test]
fn a_tie_between_two_values_is_settled_alike_in_any_order() {
    let texts = [
        "Carney made his second trip to Washington in October. Carney made his fourth trip to Washington.",
        "Carney made his second trip to Washington in October.",
        "Carney made his fourth trip to Washington.",
    ];
    let mut found = Vec::new();
    for names in [["a.md", "b.md", "c.md"], ["c.md", "b.md", "a.md"]] {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in names.iter().zip(texts) {
            let text = format!("---\ndate: 2025-08-05\n---\n{text}\n");
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        found.push(counts(dir.path()));
    }
    let key = ("carney-washington-visits".to_string(), "error");
    assert_eq!(found[0].get(&key), Some(&2), "{found:?}");
    assert_eq!(found[0], found[1]);
}
