//! JSON output: one stable, documented object (see README, "JSON output"). Field names and
//! meanings only ever grow; `version` changes if one is removed or changes meaning.

use std::io::{self, Write};

use serde::Serialize;

use super::concise::line_col;
use super::pretty::{pretty_at, write_array};
use super::{Render, Report};
use crate::finding::{Finding, Severity, fingerprint};

pub const JSON_VERSION: u32 = 1;

pub struct Json;

/// The object, as documented, but for its findings (written as they are turned into JSON,
/// see [`write_output`]).
struct Output {
    version: u32,
    tool: Tool,
    errors: Vec<JsonError>,
    summary: Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

/// A finding as the JSON output has it. Findings are written by [`write_finding`]; this
/// is what a test holds that writing to (`serde_json` writing it pretty).
#[cfg(test)]
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

#[cfg(test)]
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
        write_output(report, &output(report), out)
    }
}

/// Everything but the findings.
fn output(report: &Report) -> Output {
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
            path: article.display.to_string(),
            line: None,
            column: None,
            message: note.clone(),
        });
    }
    Output {
        version: JSON_VERSION,
        tool: Tool {
            name: "newslint",
            version: env!("CARGO_PKG_VERSION"),
        },
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
    }
}

/// Findings turned into JSON side by side at a time: an archive can have hundreds of
/// thousands, and their JSON all at once would take as much memory again as they do.
const FINDINGS_AT_ONCE: usize = 2048;

/// Writes `output` with the report's findings as `serde_json::to_writer_pretty` writes the
/// whole object (a test holds it to that): field by field, each value written pretty at
/// its depth. The findings, most of the output, are so turned into JSON on every core.
fn write_output(report: &Report, output: &Output, out: &mut dyn Write) -> io::Result<()> {
    use rayon::prelude::*;
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(b"{\n")?;
    field(&mut out, "version", &output.version)?;
    out.write_all(b",\n")?;
    field(&mut out, "tool", &output.tool)?;
    out.write_all(b",\n  \"findings\": ")?;
    write_array(&mut out, 1, report.findings, FINDINGS_AT_ONCE, |batch| {
        batch
            .par_iter()
            .map(|f| {
                let mut json = Vec::with_capacity(1024);
                write_finding(&mut json, report, f)?;
                Ok(json)
            })
            .collect()
    })?;
    out.write_all(b",\n")?;
    field(&mut out, "errors", &output.errors)?;
    out.write_all(b",\n")?;
    field(&mut out, "summary", &output.summary)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// `"key": value` at the first depth of the object.
fn field<T: Serialize>(out: &mut impl Write, key: &str, value: &T) -> io::Result<()> {
    write!(out, "  \"{key}\": ")?;
    pretty_at(out, 1, value)
}

/// One finding as pretty JSON at the depth of the `findings` array's elements (its fields
/// are those of `JsonFinding`), written straight into `out`. Findings are nearly all of
/// the output on an archive (190 MB of it on the 1 GB benchmark corpus): through `serde`'s
/// derived code and the pretty formatter, rendering took 67 of 893 million instructions on
/// the 10 MB corpus, and 49 written here. Values are written as `serde_json` writes them.
// Never inlined: its own entry in a profile is how `bench/instructions` counts rendering
// (it runs on the worker threads, outside the call of `render`).
#[inline(never)]
fn write_finding(out: &mut Vec<u8>, report: &Report, f: &Finding) -> io::Result<()> {
    // The line breaks and indentation (two spaces a level) before the finding's members
    // (level 3), before its locations and notes (4) and before a location's members (5).
    const FIRST: &[u8] = b"\n      ";
    const NEXT: &[u8] = b",\n      ";
    const ELEMENT: &[u8] = b"\n        ";
    const INNER_FIRST: &[u8] = b"\n          ";
    const INNER_NEXT: &[u8] = b",\n          ";
    const ARRAY_END: &[u8] = b"\n      ]";
    out.push(b'{');
    key(out, FIRST, "kind");
    string(out, f.kind.name())?;
    key(out, NEXT, "rule");
    string(out, &f.rule)?;
    key(out, NEXT, "severity");
    string(out, f.severity.name())?;
    key(out, NEXT, "message");
    string(out, &f.message)?;
    key(out, NEXT, "locations");
    array(out, &f.locations, ELEMENT, ARRAY_END, |out, l| {
        let article = &report.articles[l.article];
        let (line, column) = article.line_col(l.span.start);
        let (end_line, end_column) = article.line_col(l.span.end);
        out.push(b'{');
        key(out, INNER_FIRST, "path");
        string(out, &article.display)?;
        for (name, n) in [
            ("line", line),
            ("column", column),
            ("end_line", end_line),
            ("end_column", end_column),
        ] {
            key(out, INNER_NEXT, name);
            scalar(out, &n)?;
        }
        key(out, INNER_NEXT, "value");
        optional(out, l.value.as_deref())?;
        key(out, INNER_NEXT, "article_date");
        match article.date {
            // A date has no character that JSON escapes.
            Some(date) => write!(out, "\"{date}\"")?,
            None => out.extend_from_slice(b"null"),
        }
        key(out, INNER_NEXT, "label");
        string(out, &l.label)?;
        out.extend_from_slice(ELEMENT);
        out.push(b'}');
        Ok(())
    })?;
    key(out, NEXT, "notes");
    array(out, &f.notes, ELEMENT, ARRAY_END, |out, note| {
        string(out, note)
    })?;
    key(out, NEXT, "help");
    optional(out, f.help.as_deref())?;
    key(out, NEXT, "fingerprint");
    string(out, &fingerprint(report.articles, f))?;
    out.extend_from_slice(b"\n    }");
    Ok(())
}

/// `"name": ` after `lead` (a comma or not, a line break and indentation). Names are plain
/// ASCII words: nothing in them is escaped.
fn key(out: &mut Vec<u8>, lead: &[u8], name: &str) {
    out.extend_from_slice(lead);
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\": ");
}

/// A number (or anything else), as `serde_json` writes it.
fn scalar<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::from)
}

/// A string as `serde_json` writes it: as it is between quotes when nothing in it needs
/// escaping (paths, messages and labels nearly always), else through `serde_json`.
fn string(out: &mut Vec<u8>, text: &str) -> io::Result<()> {
    if escaped(text.as_bytes()) {
        return scalar(out, text);
    }
    out.push(b'"');
    out.extend_from_slice(text.as_bytes());
    out.push(b'"');
    Ok(())
}

/// Whether JSON escapes a byte of `text` (a control character, a quote or a backslash),
/// looked at eight bytes at a time.
fn escaped(text: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // Nonzero when a byte of `x` is below `n` (at most 0x80), and only then.
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH != 0;
    let has = |x: u64, b: u8| below(x ^ (ONES * u64::from(b)), 1);
    let mut chunks = text.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(word);
        if below(x, 0x20) || has(x, b'"') || has(x, b'\\') {
            return true;
        }
    }
    (chunks.remainder().iter()).any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// A string, or null.
fn optional(out: &mut Vec<u8>, text: Option<&str>) -> io::Result<()> {
    match text {
        Some(text) => string(out, text),
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// An array, each element on a line of its own after `element` (the line break and
/// indentation), then `end`; `[]` when empty.
fn array<T>(
    out: &mut Vec<u8>,
    items: &[T],
    element: &[u8],
    end: &[u8],
    mut each: impl FnMut(&mut Vec<u8>, &T) -> io::Result<()>,
) -> io::Result<()> {
    if items.is_empty() {
        out.extend_from_slice(b"[]");
        return Ok(());
    }
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(element);
        each(out, item)?;
    }
    out.extend_from_slice(end);
    Ok(())
}

#[cfg(test)]
fn json_finding<'a>(report: &'a Report, f: &'a Finding) -> JsonFinding<'a> {
    use super::resolve;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The object as `serde_json` writes it pretty in one go.
    #[derive(Serialize)]
    struct Whole<'a> {
        version: u32,
        tool: &'a Tool,
        findings: Vec<JsonFinding<'a>>,
        errors: &'a [JsonError],
        summary: &'a Summary,
    }

    fn written(report: &Report) -> (String, String) {
        let mut out = Vec::new();
        Json.render(report, &mut out).unwrap();
        let output = output(report);
        let whole = Whole {
            version: output.version,
            tool: &output.tool,
            findings: report
                .findings
                .iter()
                .map(|f| json_finding(report, f))
                .collect(),
            errors: &output.errors,
            summary: &output.summary,
        };
        let mut want = serde_json::to_vec_pretty(&whole).unwrap();
        want.push(b'\n');
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(want).unwrap(),
        )
    }

    proptest::proptest! {
        /// Eight bytes at a time, the test for what JSON escapes finds what one byte at a
        /// time finds, wherever it is.
        #[test]
        fn escaped_bytes_are_found_eight_at_a_time(
            text in proptest::collection::vec(
                // Each byte JSON escapes, its neighbours, and bytes beyond ASCII.
                proptest::sample::select(vec![
                    0u8, 0x1f, 0x20, b'"', b'\\', b'a', 0x7f, 0x80, 0xc3, 0xff, 0xdc,
                ]),
                0..40,
            )
        ) {
            let one_by_one = text.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
            proptest::prop_assert_eq!(escaped(&text), one_by_one);
        }
    }

    #[test]
    fn the_object_is_written_as_serde_json_writes_it_whole() {
        // With an input error, for an entry under `errors`.
        let mut outcome = super::super::sample_run();
        // An article with no date, for `"article_date": null`.
        let undated = outcome.findings[0].locations[0].article;
        outcome.articles[undated].date = None;
        let report = outcome.report();
        // More findings than are turned into JSON at once, with notes, values and escapes.
        let many = super::super::repeated(&outcome.findings, FINDINGS_AT_ONCE * 2 + 3);
        // Findings are written by hand: they are held to what `serde_json` makes of every
        // field when empty or missing, and of strings that each hold one kind of thing JSON
        // escapes (or none).
        let (bare, strange) = super::super::odd_findings(&outcome.findings[0]);
        let odd_ones = [bare, strange];
        for findings in [&outcome.findings[..], &many[..], &[], &odd_ones[..]] {
            let report = Report { findings, ..report };
            let (got, want) = written(&report);
            assert_eq!(got, want);
        }
    }
}
