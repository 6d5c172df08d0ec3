//! JSON output: one stable, documented object (see README, "JSON output"). Field names and
//! meanings only ever grow; `version` changes if one is removed or changes meaning.

use std::io::{self, Write};

use serde::Serialize;

use super::concise::line_col;
use super::{Render, Report, resolve};
use crate::finding::{Finding, Severity, fingerprint};

pub const JSON_VERSION: u32 = 1;

pub struct Json;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    tool: Tool,
    findings: Findings<'a>,
    errors: Vec<JsonError>,
    summary: Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

/// The findings, each turned into its JSON form only as it is written: an archive can have
/// hundreds of thousands, and their JSON forms all at once would take as much memory again
/// as the findings themselves.
struct Findings<'a>(&'a Report<'a>);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        serializer.collect_seq(report.findings.iter().map(|f| json_finding(report, f)))
    }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    kind: &'static str,
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    locations: Vec<JsonLocation>,
    notes: &'a [crate::finding::Text],
    help: Option<&'a str>,
    fingerprint: String,
}

#[derive(Serialize)]
struct JsonLocation {
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    value: Option<String>,
    article_date: Option<String>,
    label: crate::finding::Text,
}

#[derive(Serialize)]
struct JsonError {
    /// `rules` (a rule file), `input` (an article that could not be read), `skipped`
    /// (binary or too large), `note` (read with a caveat, e.g. decoded from Windows-1252).
    kind: &'static str,
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    claims: usize,
    findings: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    /// Inputs and rule files that could not be read.
    problems: usize,
    stale_baseline_entries: usize,
}

impl Render for Json {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut errors = Vec::new();
        for e in report.rule_errors {
            let (line, column) = line_col(&e.file.text, e.span.start);
            errors.push(JsonError {
                kind: "rules",
                path: e.file.display.clone(),
                line: Some(line),
                column: Some(column),
                message: e.message.clone(),
            });
        }
        for e in report.rule_file_errors {
            errors.push(JsonError {
                kind: "rules",
                path: e.path.clone(),
                line: None,
                column: None,
                message: e.message.clone(),
            });
        }
        for (kind, list) in [("input", report.input_errors), ("skipped", report.skipped)] {
            for e in list {
                errors.push(JsonError {
                    kind,
                    path: e.path.clone(),
                    line: e.line,
                    column: None,
                    message: e.message.clone(),
                });
            }
        }
        for (article, note) in report.article_notes() {
            errors.push(JsonError {
                kind: "note",
                path: article.display.clone(),
                line: None,
                column: None,
                message: note.clone(),
            });
        }
        let output = Output {
            version: JSON_VERSION,
            tool: Tool {
                name: "newslint",
                version: env!("CARGO_PKG_VERSION"),
            },
            findings: Findings(report),
            errors,
            summary: Summary {
                files: report.articles.len(),
                claims: report.claims,
                findings: report.findings.len(),
                errors: report.count(Severity::Error),
                warnings: report.count(Severity::Warning),
                infos: report.count(Severity::Info),
                problems: report.rule_errors.len()
                    + report.rule_file_errors.len()
                    + report.input_errors.len(),
                stale_baseline_entries: report.stale_baseline,
            },
        };
        serde_json::to_writer_pretty(&mut *out, &output)?;
        writeln!(out)
    }
}

fn json_finding<'a>(report: &'a Report, f: &'a Finding) -> JsonFinding<'a> {
    JsonFinding {
        kind: f.kind.name(),
        rule: &f.rule,
        severity: f.severity.name(),
        message: &f.message,
        locations: f
            .locations
            .iter()
            .map(|l| {
                let r = resolve(report.articles, l);
                JsonLocation {
                    path: r.path,
                    line: r.line,
                    column: r.column,
                    end_line: r.end_line,
                    end_column: r.end_column,
                    value: r.value,
                    article_date: r.article_date,
                    label: r.label,
                }
            })
            .collect(),
        notes: &f.notes,
        help: f.help.as_deref(),
        fingerprint: fingerprint(report.articles, f),
    }
}
