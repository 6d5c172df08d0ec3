//! Every value normalizer: any text, for every type, with or without an article date (near
//! the ends of the calendar too), and the canonical parser, never panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use newslint::values::{NormalizeContext, Value, ValueType, normalize};

/// The `{value}` grammars, compiled once.
static GRAMMARS: LazyLock<Vec<regex::Regex>> = LazyLock::new(|| {
    ValueType::ALL
        .iter()
        .map(|t| regex::Regex::new(t.grammar()).unwrap())
        .collect()
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
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
            let ctx = NormalizeContext { value_start: m.start(), ..ctx.clone() };
            let _ = normalize(ty, m.as_str(), &ctx);
        }
    }
});
