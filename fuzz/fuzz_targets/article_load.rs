//! Articles: any bytes (front matter, date line, header lines, encodings) load without a
//! panic, every offset maps to a line and column, claims can be extracted and every
//! built-in check can scan them.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static RULES: LazyLock<newslint::rules::LoadedRules> = LazyLock::new(|| {
    newslint::rules::load_str(
        "fuzz.yaml",
        "facts:\n  - id: d\n    type: date\n    patterns: ['on {value}']\n  - id: p\n    type: percent\n    patterns: ['to {value}']\n  - id: m\n    type: money\n    patterns: ['{value}']\nterms:\n  - prefer: per cent\n    instead_of: [percent, NAFTA 2.0, U.S.]\n    except: [Percent Group]\npeople:\n  - name: Mark Carney\n    aliases: [Carney]\n",
    )
});

static PLAN: LazyLock<newslint::checks::ScanPlan> =
    LazyLock::new(|| newslint::checks::ScanPlan::new(&RULES.rules));

fuzz_target!(|data: &[u8]| {
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
});
