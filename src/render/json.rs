//! JSON output: one stable, documented object (see README, "JSON output"). Field names and
//! meanings only ever grow; `version` changes if one is removed or changes meaning.

use std::io::{self, Write};

use serde::Serialize;

use super::concise::line_col;
use super::{Render, Report, resolve};
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
            path: article.display.clone(),
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
    out.write_all(b",\n  \"findings\": [")?;
    let mut first = true;
    for batch in report.findings.chunks(FINDINGS_AT_ONCE) {
        let written: Vec<io::Result<Vec<u8>>> = batch
            .par_iter()
            .map(|f| {
                let mut json = Vec::with_capacity(1024);
                pretty_at(&mut json, 2, &json_finding(report, f))?;
                Ok(json)
            })
            .collect();
        for json in written {
            out.write_all(if first { b"\n    " } else { b",\n    " })?;
            out.write_all(&json?)?;
            first = false;
        }
    }
    out.write_all(if first { b"],\n" } else { b"\n  ],\n" })?;
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

/// `value` as pretty JSON whose first line is already indented to `depth`.
fn pretty_at<T: Serialize>(out: &mut impl Write, depth: usize, value: &T) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(
        out,
        Pretty {
            depth,
            has_value: false,
        },
    );
    value.serialize(&mut serializer)?;
    Ok(())
}

/// The layout of `serde_json`'s pretty printer (two spaces a level, one member or element a
/// line, `[]` and `{}` when empty), from a given depth.
struct Pretty {
    depth: usize,
    /// Whether the array or object being written has a member yet.
    has_value: bool,
}

impl Pretty {
    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(out, b"\n")?;
        }
        out.write_all(bracket)
    }

    fn new_line<W: ?Sized + Write>(&self, out: &mut W, lead: &[u8]) -> io::Result<()> {
        out.write_all(lead)?;
        for _ in 0..self.depth {
            out.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, if first { b"\n" } else { b",\n" })
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.new_line(out, if first { b"\n" } else { b",\n" })
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
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

    #[test]
    fn the_object_is_written_as_serde_json_writes_it_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let outcome = crate::run::check(&crate::run::Options {
            // And a path that cannot be read, for an entry under `errors`.
            paths: vec![
                root.join("seeds"),
                root.join("tests/fixtures/drafts"),
                root.join("no such file.md"),
            ],
            rules: vec![root.join("rules")],
            ..Default::default()
        });
        let report = outcome.report();
        // More findings than are turned into JSON at once, with notes, values and escapes.
        let many: Vec<Finding> = outcome
            .findings
            .iter()
            .cycle()
            .take(FINDINGS_AT_ONCE * 2 + 3)
            .cloned()
            .collect();
        assert!(outcome.findings.len() > 10 && !outcome.input_errors.is_empty());
        for findings in [&outcome.findings[..], &many[..], &[]] {
            let report = Report { findings, ..report };
            let (got, want) = written(&report);
            assert_eq!(got, want);
        }
    }
}
