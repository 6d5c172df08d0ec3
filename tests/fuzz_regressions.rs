//! Replays the inputs kept in `tests/fuzz-regressions/TARGET/` (inputs that once made a fuzz
//! target fail, and inputs written to reach a path) through the target's own code, and runs
//! the corpus target on inputs made here from the sample articles.

mod common;
#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

/// What a target does with an input.
type Target = fn(&[u8]);

/// The targets, by the name of their folder.
const TARGETS: &[(&str, Target)] = &[
    ("rules_load", harness::rules_load),
    ("article_load", harness::article_load),
    ("values_normalize", harness::values_normalize),
    ("corpus_check", |data| {
        harness::corpus_check(data);
    }),
];

#[test]
fn every_kept_input_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut replayed = 0;
    for (name, target) in TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(name)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let data = std::fs::read(&path).unwrap();
            eprintln!("replaying {}", path.display());
            target(&data);
            replayed += 1;
        }
    }
    // The folder is in the repository: an empty replay means it moved.
    assert!(replayed > 0, "no input found under {}", root.display());
}

/// The five sample articles as one corpus input, the last one a draft (the first byte, "C",
/// is odd) and, led by a space, without: the corpus target's own path is taken end to end.
#[test]
fn the_sample_articles_pass_the_corpus_target() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let texts: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let joined = texts.join(&0xFF);
    assert_eq!(joined[0] & 1, 1);
    // What the run found, as the summary of its JSON report has it.
    let summary = |json: Vec<u8>| {
        let report: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let s = &report["summary"];
        (
            s["files"].clone(),
            s["warnings"].clone(),
            s["infos"].clone(),
        )
    };
    let (files, all, _) = summary(harness::corpus_check(&[b" ".as_slice(), &joined].concat()));
    assert_eq!(files, 5);
    // What `newslint seeds/` warns of is found (10 warnings there; the names here date the
    // articles otherwise and more rules are loaded, so the counts differ a little).
    assert!(all.as_u64().unwrap() >= 10, "{all}");
    // With the last one a draft, only what involves it is reported.
    let (files, with_draft, _) = summary(harness::corpus_check(&joined));
    assert_eq!(files, 5);
    assert!(
        (1..all.as_u64().unwrap()).contains(&with_draft.as_u64().unwrap()),
        "{with_draft}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Small corpora of news sentences ([`common::SENTENCES`]; two to four articles, the
    /// first byte choosing
    /// whether the last is a draft) pass the corpus target: checked end to end, no panic,
    /// machine reports that parse, the same report twice.
    #[test]
    fn small_corpora_pass_the_corpus_target(
        articles in proptest::collection::vec(
            proptest::collection::vec(0..common::SENTENCES.len(), 1..12),
            2..5,
        ),
        draft in proptest::prelude::any::<bool>(),
    ) {
        let texts: Vec<Vec<u8>> = articles
            .iter()
            .map(|picks| picks.iter().map(|&i| common::SENTENCES[i]).collect::<String>().into_bytes())
            .collect();
        let data = [vec![if draft { b'#' } else { b' ' }], texts.join(&0xFF)].concat();
        harness::corpus_check(&data);
    }
}
