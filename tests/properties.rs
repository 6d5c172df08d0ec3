//! Properties over arbitrary input, run in the normal test suite (the fuzz targets in fuzz/
//! explore the same ground for longer).

use std::path::Path;

use newslint::article::Article;
use newslint::values::{NormalizeContext, ValueType, normalize};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any bytes load (or are refused with a message) without panicking, and every offset
    /// maps to a line and column that never go backwards.
    #[test]
    fn article_loading_and_positions(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(article) = Article::from_bytes(0, Path::new("2025-09-03-p.md"), "p.md".into(), &bytes) {
            let mut last = (0, 0);
            for offset in 0..=article.text.len() {
                let lc = article.line_col(offset);
                prop_assert!(lc.0 >= 1 && lc.1 >= 1);
                prop_assert!(lc >= last || lc.0 > last.0);
                last = lc;
            }
            prop_assert!(article.body_start <= article.text.len());
        }
    }

    /// Mixed line endings: the line of an offset is the number of line breaks before it
    /// plus one, counting "\r\n" once.
    #[test]
    fn lines_count_every_ending_once(parts in proptest::collection::vec(("[a-z]{1,8}", 0..3usize), 1..20)) {
        let mut text = String::new();
        let mut breaks = Vec::new();
        for (words, ending) in &parts {
            text.push_str(words);
            breaks.push(text.len());
            text.push_str(["\n", "\r\n", "\r"][*ending]);
        }
        let article = Article::from_bytes(0, Path::new("x.txt"), "x.txt".into(), text.as_bytes()).unwrap();
        for (i, at) in breaks.iter().enumerate() {
            prop_assert_eq!(article.line_col(*at).0, i + 1);
        }
    }

    /// Rule files of any text never panic the loader.
    #[test]
    fn rule_loading_never_panics(text in "\\PC{0,300}") {
        let _ = newslint::rules::load_str("p.yaml", &text);
    }

    /// Terminal sanitizing keeps byte offsets and removes control characters.
    #[test]
    fn sanitizing_keeps_length(text in "\\PC{0,200}|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}a-z]{0,100}") {
        let clean = newslint::render::sanitize_for_terminal(&text);
        prop_assert_eq!(clean.len(), text.len());
        prop_assert!(!clean.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r'));
    }

    /// The scans of the built-in checks never panic on text made of the pieces they read
    /// with care: titles after "of", "and" and "&", sentence words, names wrapped over
    /// lines, quotation marks opened again on a new line, letters beyond ASCII.
    #[test]
    fn the_scans_of_the_checks_never_panic(
        picks in proptest::collection::vec(0..SCAN_PIECES.len(), 0..80),
        spaced in proptest::collection::vec(any::<bool>(), 80),
    ) {
        let mut text = String::from("---\ndate: 2025-09-03\n---\n");
        for (k, &p) in picks.iter().enumerate() {
            text.push_str(SCAN_PIECES[p]);
            if spaced[k] {
                text.push(' ');
            }
        }
        let rules = newslint::rules::RuleSet::default();
        let plan = newslint::checks::ScanPlan::new(&rules);
        if let Ok(article) = Article::from_bytes(0, Path::new("a.md"), "a.md".into(), text.as_bytes()) {
            let _ = newslint::checks::scan_article(&article, &rules, &plan);
        }
    }

    /// Normalizing any text as any type, with or without a date, never panics.
    #[test]
    fn normalizers_never_panic(text in "\\PC{0,60}", year in 1i16..9999, day in 0i64..365) {
        let date = jiff::civil::date(year, 1, 1).checked_add(jiff::Span::new().days(day)).ok();
        for ty in ValueType::ALL {
            for d in [None, date] {
                let ctx = NormalizeContext { article_date: d, sentence: &text, value_start: 0, default_currency: "USD" };
                let _ = normalize(ty, &text, &ctx);
            }
        }
    }
}

/// The property above runs the scans for real: on a text with a titled name, a quotation
/// and both spellings of a word, each of the scans keeps something.
#[test]
fn the_scans_of_the_property_run() {
    let text = "---\ndate: 2025-09-03\n---\nTrade Minister Dominic LeBlanc said \"we will meet \
                again next week and talk\" about aluminium and aluminum.\n";
    let rules = newslint::rules::RuleSet::default();
    let plan = newslint::checks::ScanPlan::new(&rules);
    let article =
        Article::from_bytes(0, Path::new("a.md"), "a.md".into(), text.as_bytes()).unwrap();
    let kept = newslint::checks::scan_article(&article, &rules, &plan);
    assert!(kept.len() >= 3, "{}", kept.len());
}

/// Pieces of news text for [`the_scans_of_the_checks_never_panic`].
const SCAN_PIECES: &[&str] = &[
    "Minister",
    "Chairman",
    "Chief",
    "Executive",
    "Officer",
    "and",
    "of",
    "&",
    "But",
    "Trade",
    "trade",
    "Bank",
    "Canada",
    "Governor",
    "Mark",
    "Carney",
    "Ó",
    "Émilie",
    "U.S.",
    "Dec.",
    "per",
    "cent",
    "percent",
    "Labor",
    "labour",
    "Organization",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "\n",
    "\n\n",
    "\r\n",
    "  ",
    ".",
    ",",
    "—",
    "(",
    "Yesterday",
    "said:",
    "#",
    "ALUMINUM",
    "aluminium",
    "x\u{301}",
    "ǅ",
    "\u{a0}",
];
