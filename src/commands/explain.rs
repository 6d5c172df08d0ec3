//! `newslint explain ID`: what a fact or a built-in check is and how it is checked.

use std::io::{self, Write};

use crate::checks;
use crate::rules::RuleSet;

/// Writes the explanation; false when no fact or check has this id.
pub fn write(rules: &RuleSet, id: &str, out: &mut dyn Write) -> io::Result<bool> {
    if let Some(fact) = rules.fact(id) {
        let (line, _) =
            crate::render::concise::line_col(&fact.origin.file.text, fact.origin.span.start);
        writeln!(out, "{} — fact", fact.id)?;
        if !fact.description.is_empty() {
            writeln!(out, "  {}", fact.description)?;
        }
        writeln!(out, "\ndefined in {}:{line}", fact.origin.file.display)?;
        writeln!(out, "type: {}", fact.ty.name())?;
        writeln!(out, "  {{value}} matches: {}", fact.ty.grammar())?;
        writeln!(
            out,
            "\npatterns ({}whole words at their edges):",
            if fact.cross_sentences {
                ""
            } else {
                "each within one sentence, "
            }
        )?;
        for p in &fact.patterns {
            writeln!(out, "  {}", p.source)?;
        }
        exclusions(
            out,
            "exclude (a claim is dropped when its sentence matches)",
            &fact.exclude,
        )?;
        exclusions(
            out,
            "exclude_articles (no claim is read from an article that matches)",
            &fact.exclude_articles,
        )?;
        writeln!(out, "\nknowledge:")?;
        match (&fact.expect, fact.timeline.is_empty()) {
            (Some(e), _) => writeln!(out, "  expected value: {e}")?,
            (None, false) => {
                writeln!(
                    out,
                    "  timeline (claims before {} are only cross-checked):",
                    fact.timeline[0].since
                )?;
                for t in &fact.timeline {
                    writeln!(out, "    since {}: {}", t.since, t.value)?;
                }
            }
            (None, true) => writeln!(out, "  none recorded: claims are only cross-checked")?,
        }
        writeln!(
            out,
            "  stable: {}",
            if fact.stable {
                "yes — different values anywhere are contradictions"
            } else {
                "no"
            }
        )?;
        if let Some(m) = fact.monotonic {
            writeln!(out, "  monotonic: {}", format!("{m:?}").to_lowercase())?;
        }
        if let Some(s) = fact.severity {
            writeln!(out, "  severity: {}", s.name())?;
        }
        if !fact.examples.is_empty() {
            writeln!(out, "\nexamples:")?;
            for ex in &fact.examples {
                let expect = match (&ex.value, ex.matches) {
                    (Some(v), _) => format!("→ {v}"),
                    (None, true) => "→ matches".to_string(),
                    (None, false) => "→ no claim".to_string(),
                };
                let date = ex.date.map(|d| format!(" (dated {d})")).unwrap_or_default();
                writeln!(out, "  {:?}{date} {expect}", ex.text)?;
            }
        }
        return Ok(true);
    }
    if let Some(check) = checks::all().into_iter().find(|c| c.info().id == id) {
        let info = check.info();
        writeln!(
            out,
            "{} — built-in {}",
            info.id,
            if info.fact_check {
                "fact check"
            } else {
                "check"
            }
        )?;
        writeln!(out, "  {}\n", info.summary)?;
        writeln!(out, "{}\n", info.explanation)?;
        writeln!(out, "default level: {}", info.default_severity.name())?;
        writeln!(
            out,
            "configure in newslint.yaml:  checks: {{ {}: {{ enabled: false }} }}  or  {{ severity: error }}",
            info.id
        )?;
        return Ok(true);
    }
    Ok(false)
}

/// A fact's exclusion patterns under `heading`, if it has any.
fn exclusions(out: &mut dyn Write, heading: &str, patterns: &[regex::Regex]) -> io::Result<()> {
    if !patterns.is_empty() {
        writeln!(out, "{heading}:")?;
        for p in patterns {
            writeln!(out, "  {}", p.as_str())?;
        }
    }
    Ok(())
}
