//! `newslint test-rules`: runs the examples embedded in fact rules.

use std::io::{self, Write};

use crate::render::{self, Format, Report};
use crate::rules::{LoadedRules, examples};

/// Runs the examples; returns the exit code (0 all pass, 1 a failure, 2 invalid rules).
pub fn run(loaded: &LoadedRules, color: bool, out: &mut dyn Write) -> io::Result<i32> {
    let result = examples::run(&loaded.rules);
    let mut errors = loaded.errors.clone();
    errors.extend(result.errors.iter().cloned());
    let report = Report {
        articles: &[],
        rules: &loaded.rules,
        findings: &[],
        claims: 0,
        rule_errors: &errors,
        rule_file_errors: &loaded.file_errors,
        input_errors: &[],
        skipped: &[],
        stale_baseline: 0,
    };
    if !errors.is_empty() || !loaded.file_errors.is_empty() {
        // The human renderer prints rule errors; its summary line is not wanted here.
        let mut buffer = Vec::new();
        render::renderer(Format::Human, color).render(&report, &mut buffer)?;
        let text = String::from_utf8_lossy(&buffer);
        let body = text.trim_end().rsplit_once('\n').map_or("", |(b, _)| b);
        writeln!(out, "{body}")?;
    }
    let facts_with = loaded
        .rules
        .facts
        .iter()
        .filter(|f| !f.examples.is_empty())
        .count();
    let without: Vec<&str> = loaded
        .rules
        .facts
        .iter()
        .filter(|f| f.examples.is_empty())
        .map(|f| f.id.as_str())
        .collect();
    writeln!(
        out,
        "{} examples in {} facts: {} passed, {} failed",
        result.total,
        facts_with,
        result.total - result.errors.len(),
        result.errors.len()
    )?;
    if !without.is_empty() {
        writeln!(out, "facts without examples: {}", without.join(", "))?;
    }
    Ok(
        if !loaded.errors.is_empty() || !loaded.file_errors.is_empty() {
            2
        } else if !result.errors.is_empty() {
            1
        } else {
            0
        },
    )
}
