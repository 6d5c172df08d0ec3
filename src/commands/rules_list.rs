//! `newslint rules`: every fact and built-in check, with its type, source and level.

use std::io::{self, Write};

use crate::checks;
use crate::finding::Severity;
use crate::rules::RuleSet;

pub fn write(rules: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    let mut rows: Vec<[String; 4]> = Vec::new();
    for fact in &rules.facts {
        let (line, _) =
            crate::render::concise::line_col(&fact.origin.file.text, fact.origin.span.start);
        let mut knowledge = Vec::new();
        if fact.stable {
            knowledge.push("stable".to_string());
        }
        if let Some(m) = fact.monotonic {
            knowledge.push(format!("{m:?}").to_lowercase());
        }
        if !fact.timeline.is_empty() {
            knowledge.push(format!("timeline({})", fact.timeline.len()));
        }
        if let Some(e) = &fact.expect {
            knowledge.push(format!("expect {e}"));
        }
        rows.push([
            fact.id.clone(),
            format!(
                "{}{}",
                fact.ty.name(),
                if knowledge.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", knowledge.join(", "))
                }
            ),
            format!("{}:{line}", fact.origin.file.display),
            fact.severity.map_or("default", Severity::name).to_string(),
        ]);
    }
    for check in checks::all() {
        let info = check.info();
        let config = rules.check_config(info.id);
        let level = config.severity.unwrap_or(info.default_severity).name();
        let state = if config.enabled == Some(false) {
            "off"
        } else {
            level
        };
        rows.push([
            info.id.to_string(),
            if info.fact_check {
                "fact check"
            } else {
                "corpus check"
            }
            .to_string(),
            "built-in".to_string(),
            state.to_string(),
        ]);
    }
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
                .max(4)
        })
        .collect();
    writeln!(
        out,
        "{:w0$}  {:w1$}  {:w2$}  LEVEL",
        "ID",
        "TYPE",
        "SOURCE",
        w0 = widths[0],
        w1 = widths[1],
        w2 = widths[2]
    )?;
    for r in &rows {
        writeln!(
            out,
            "{:w0$}  {:w1$}  {:w2$}  {}",
            r[0],
            r[1],
            r[2],
            r[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        )?;
    }
    writeln!(
        out,
        "{} facts, {} built-in checks",
        rules.facts.len(),
        checks::all().len()
    )
}
