//! SARIF 2.1.0 output for GitHub code scanning and other viewers. Every finding is a result
//! whose location is its primary claim; the other claims are related locations, linked from
//! the message. Artifact URIs are paths relative to the working directory (run newslint from
//! the repository root), with `/` separators and percent-encoding.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::{Value, json};

use super::concise::line_col;
use super::pretty::{pretty_at, pretty_vec, write_array};
use super::{Render, Report, Resolved, resolve};
use crate::finding::{Finding, Severity, fingerprint};

pub struct Sarif;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Percent-encodes a relative path for an artifact URI.
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn physical(r: &Resolved) -> Value {
    json!({
        "artifactLocation": { "uri": uri(&r.path) },
        "region": {
            "startLine": r.line,
            "startColumn": r.column,
            "endLine": r.end_line,
            "endColumn": r.end_column.max(1),
        }
    })
}

/// Rule metadata: every fact and every check that has results (or exists).
fn rules(report: &Report) -> (Vec<Value>, BTreeMap<String, usize>) {
    let mut list = Vec::new();
    let mut index = BTreeMap::new();
    for fact in &report.rules.facts {
        let short = if fact.description.is_empty() {
            fact.id.clone()
        } else {
            fact.description.clone()
        };
        index.insert(fact.id.clone(), list.len());
        list.push(json!({
            "id": fact.id,
            "name": fact.id,
            "shortDescription": { "text": short },
            "fullDescription": { "text": format!("{short} (a {} fact, defined in {})", fact.ty.name(), fact.origin.file.display) },
            "help": { "text": format!("Claims of this fact are checked for contradictions, drift, stale and off-record values. Run `newslint explain {}` for its patterns and knowledge.", fact.id) },
            "defaultConfiguration": { "level": level(fact.severity.unwrap_or(Severity::Error)) },
        }));
    }
    for check in crate::checks::all() {
        let info = check.info();
        if info.fact_check || index.contains_key(info.id) {
            continue;
        }
        index.insert(info.id.to_string(), list.len());
        list.push(json!({
            "id": info.id,
            "name": info.id,
            "shortDescription": { "text": info.summary },
            "fullDescription": { "text": info.explanation },
            "help": { "text": info.explanation },
            "defaultConfiguration": { "level": level(info.default_severity) },
        }));
    }
    for finding in report.findings {
        if !index.contains_key(&*finding.rule) {
            index.insert(finding.rule.to_string(), list.len());
            list.push(json!({
                "id": finding.rule,
                "shortDescription": { "text": finding.kind.name() },
                "help": { "text": finding.help.clone().unwrap_or_default() },
            }));
        }
    }
    (list, index)
}

/// Results turned into JSON side by side at a time (as the JSON format does its findings):
/// built as one value, the results of an archive took gigabytes.
const RESULTS_AT_ONCE: usize = 2048;

impl Render for Sarif {
    /// Writes what `serde_json::to_writer_pretty` makes of the whole log (a test holds it
    /// to that), with its results written one by one. Members come in the order of their
    /// names, as `serde_json` keeps an object's.
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        use rayon::prelude::*;
        let (rules, index) = rules(report);
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        out.write_all(b"{\n  \"$schema\": ")?;
        pretty_at(&mut out, 1, &SCHEMA)?;
        out.write_all(b",\n  \"runs\": [\n    {\n      \"columnKind\": \"unicodeCodePoints\",\n      \"invocations\": ")?;
        pretty_at(&mut out, 3, &invocations(report))?;
        out.write_all(b",\n      \"results\": ")?;
        write_array(&mut out, 3, report.findings, RESULTS_AT_ONCE, |batch| {
            batch
                .par_iter()
                .filter_map(|f| sarif_result(report, &index, f))
                .map(|result| pretty_vec(4, &result))
                .collect()
        })?;
        out.write_all(b",\n")?;
        out.write_all(b"      \"tool\": ")?;
        pretty_at(&mut out, 3, &tool(rules))?;
        out.write_all(b"\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n")?;
        out.flush()
    }
}

/// The tool: newslint, and the rules its results name.
fn tool(rules: Vec<Value>) -> Value {
    json!({ "driver": {
        "name": "newslint",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    }})
}

/// One finding as a SARIF result; `None` for a finding without a location.
fn sarif_result(
    report: &Report,
    index: &BTreeMap<String, usize>,
    finding: &Finding,
) -> Option<Value> {
    let primary = finding.primary()?;
    let p = resolve(report.articles, primary);
    // The other locations, each a related location that the message links to.
    let others: Vec<Resolved> = (finding.locations.iter().skip(1))
        .map(|l| resolve(report.articles, l))
        .collect();
    let related: Vec<Value> = (others.iter().enumerate())
        .map(|(i, r)| {
            json!({
                "id": i + 1,
                "physicalLocation": physical(r),
                "message": { "text": r.label },
            })
        })
        .collect();
    let mut text = finding.message.to_string();
    if !others.is_empty() {
        let links: Vec<String> = (others.iter().enumerate())
            .map(|(i, r)| format!("[{}:{}]({})", r.path.replace(['[', ']'], ""), r.line, i + 1))
            .collect();
        text.push_str(&format!(" (see {})", links.join(", ")));
    }
    for note in &finding.notes {
        text.push_str(&format!("\n{note}"));
    }
    if let Some(help) = &finding.help {
        text.push_str(&format!("\nhelp: {help}"));
    }
    let mut result = json!({
        "ruleId": finding.rule,
        "level": level(finding.severity),
        "kind": "fail",
        "message": { "text": text },
        "locations": [{ "physicalLocation": physical(&p) }],
        "partialFingerprints": { "newslintFingerprint/v1": fingerprint(report.articles, finding) },
        "properties": { "newslintKind": finding.kind.name() },
    });
    if let Some(i) = index.get(&*finding.rule) {
        result["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    Some(result)
}

/// The one invocation: whether it went well, and what could not be read.
fn invocations(report: &Report) -> Value {
    let mut notifications = Vec::new();
    for e in report.rule_errors {
        let (line, col) = line_col(&e.file.text, e.span.start);
        notifications.push(json!({
            "level": "error",
            "message": { "text": e.message },
            "locations": [{ "physicalLocation": {
                "artifactLocation": { "uri": uri(&e.file.display) },
                "region": { "startLine": line, "startColumn": col }
            }}],
        }));
    }
    let unreadable = report
        .rule_file_errors
        .iter()
        .map(|e| ("error", &e.path, &e.message))
        .chain(
            report
                .input_errors
                .iter()
                .map(|e| ("error", &e.path, &e.message)),
        )
        .chain(report.skipped.iter().map(|e| ("note", &e.path, &e.message)));
    for (level, path, message) in unreadable {
        notifications
            .push(json!({ "level": level, "message": { "text": format!("{path}: {message}") } }));
    }
    let ok = report.rule_errors.is_empty()
        && report.rule_file_errors.is_empty()
        && report.input_errors.is_empty();
    json!([{
        "executionSuccessful": ok,
        "toolExecutionNotifications": notifications,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The log as `serde_json` writes it pretty in one go.
    fn whole(report: &Report) -> String {
        let (rules, index) = rules(report);
        let results: Vec<Value> = report
            .findings
            .iter()
            .filter_map(|f| sarif_result(report, &index, f))
            .collect();
        let log = json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": tool(rules),
                "invocations": invocations(report),
                "columnKind": "unicodeCodePoints",
                "results": results,
            }]
        });
        serde_json::to_string_pretty(&log).unwrap() + "\n"
    }

    #[test]
    fn the_log_is_written_as_serde_json_writes_it_whole() {
        // With an input error, for a notification.
        let outcome = super::super::sample_run();
        let report = outcome.report();
        // More results than are turned into JSON at once.
        let many = super::super::repeated(&outcome.findings, RESULTS_AT_ONCE * 2 + 3);
        // A finding with no location has no result; one with strings JSON escapes.
        let (bare, strange) = super::super::odd_findings(&outcome.findings[0]);
        let odd_ones = [bare.clone(), strange, bare];
        for findings in [
            &outcome.findings[..],
            &many[..],
            &[],
            &odd_ones[..1],
            &odd_ones[..],
        ] {
            let report = Report { findings, ..report };
            let mut out = Vec::new();
            Sarif.render(&report, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole(&report));
        }
    }
}
