//! Running the examples embedded in fact rules: each example text is read as an article
//! (dated by the example's `date:`) and the fact's claims in it are compared with what the
//! example says. A failing example is a rule error pointing at the example in the YAML.

use std::path::Path;

use super::{Fact, RuleError, RuleSet};
use crate::article::{Article, DateSource};
use crate::extract;

/// The outcome of one fact's examples.
pub struct ExampleRun {
    pub total: usize,
    pub errors: Vec<RuleError>,
}

/// Runs the examples of every fact.
pub fn run(rules: &RuleSet) -> ExampleRun {
    let mut total = 0;
    let mut errors = Vec::new();
    if rules.facts.iter().all(|f| f.examples.is_empty()) {
        return ExampleRun { total, errors };
    }
    // The patterns the examples run are built first, side by side: building is most of
    // the time the examples take.
    {
        use rayon::prelude::*;
        rules
            .facts
            .par_iter()
            .filter(|fact| !fact.examples.is_empty())
            .flat_map_iter(|fact| &fact.patterns)
            .for_each(|pattern| {
                // A pattern that cannot be built says so when its example runs.
                let _ = pattern.regex();
            });
    }
    let prefilter = extract::Prefilter::new(rules);
    for (index, fact) in rules.facts.iter().enumerate() {
        for ex in &fact.examples {
            total += 1;
            if let Err(message) = check_one(rules, &prefilter, index, fact, ex) {
                errors.push(RuleError {
                    file: fact.origin.file.clone(),
                    span: ex.span.clone(),
                    message: format!("example of `{}` fails: {message}", fact.id),
                    label: "this example".to_string(),
                    notes: vec![format!("text: {:?}", ex.text)],
                });
            }
        }
    }
    ExampleRun { total, errors }
}

fn check_one(
    rules: &RuleSet,
    prefilter: &extract::Prefilter,
    index: usize,
    fact: &Fact,
    ex: &super::ExampleSpec,
) -> Result<(), String> {
    let mut article = Article::from_bytes(
        0,
        Path::new("example.txt"),
        "example".into(),
        ex.text.as_bytes(),
    )
    .map_err(|e| e.message)?;
    // The example text is all body, whatever it starts with.
    article.body_start = 0;
    if ex.date.is_some() {
        article.date = ex.date;
        article.date_source = Some(DateSource::Config);
    }
    let claims: Vec<_> = extract::extract_with(&article, rules, prefilter)
        .into_iter()
        .filter(|c| c.fact == index)
        .collect();
    let found: Vec<String> = claims
        .iter()
        .map(|c| match &c.value {
            Ok(v) => v.to_string(),
            Err(e) => format!("\"{}\" ({e})", c.raw),
        })
        .collect();
    if !ex.matches {
        return if claims.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "it should not match, but the patterns find {}",
                found.join(", ")
            ))
        };
    }
    if claims.is_empty() {
        return Err(format!(
            "no pattern of `{}` matches it{}",
            fact.id,
            if fact.patterns.is_empty() {
                ""
            } else {
                " (check the wording around {value})"
            }
        ));
    }
    if let Some(expected) = &ex.value {
        let ok = claims.iter().any(|c| {
            c.value
                .as_ref()
                .is_ok_and(|v| v.to_string() == expected.to_string())
        });
        if !ok {
            return Err(format!("expected {expected}, found {}", found.join(", ")));
        }
    }
    Ok(())
}
