//! Human output: one codespan diagnostic per finding, with excerpts from every article
//! involved, then a one-line summary.

use std::collections::HashMap;
use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{Files, SimpleFiles};
use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
use codespan_reporting::term::{self, Config};

use super::excerpt::{Excerpts, Source};
use super::{Render, Report, sanitize_for_terminal};
use crate::finding::Severity;

pub struct Human {
    pub color: bool,
    /// Findings shown per rule (0: all); the rest are counted in the summary.
    pub max_per_rule: usize,
}

fn cs_severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

impl Render for Human {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        if self.color {
            let mut w = Ansi::new(out);
            render_to(report, self.max_per_rule, &mut w)
        } else {
            let mut w = NoColor::new(out);
            render_to(report, self.max_per_rule, &mut w)
        }
    }
}

fn render_to(report: &Report, max_per_rule: usize, w: &mut dyn WriteColor) -> io::Result<()> {
    let config = Config::default();
    let mut files = SimpleFiles::new();

    // Rule-file problems first: nothing else is trustworthy until they are fixed.
    let mut rule_ids = HashMap::new();
    for err in report.rule_errors {
        let mut notes = err.notes.clone();
        let labels = match long_line(&err.file.text, err.span.clone()) {
            Some(place) => {
                notes.insert(0, format!("at {}:{place}", err.file.display));
                Vec::new()
            }
            None => {
                let id = *rule_ids.entry(err.file.display.clone()).or_insert_with(|| {
                    files.add(
                        err.file.display.clone(),
                        sanitize_for_terminal(&err.file.text),
                    )
                });
                vec![Label::primary(id, err.span.clone()).with_message(&err.label)]
            }
        };
        let d = Diagnostic::error()
            .with_message(&err.message)
            .with_labels(labels)
            .with_notes(notes);
        emit(w, &config, &files, &d)?;
    }
    for err in report.rule_file_errors {
        let d = Diagnostic::<usize>::error().with_message(format!("{}: {}", err.path, err.message));
        emit(w, &config, &files, &d)?;
    }
    for err in report.input_errors {
        let d = Diagnostic::<usize>::error().with_message(format!("{}: {}", err.path, err.message));
        emit(w, &config, &files, &d)?;
    }
    for err in report.skipped {
        let d = Diagnostic::<usize>::note().with_message(format!("{}: {}", err.path, err.message));
        emit(w, &config, &files, &d)?;
    }
    for (article, note) in report.article_notes() {
        let d = Diagnostic::<usize>::note().with_message(format!("{}: {}", article.display, note));
        emit(w, &config, &files, &d)?;
    }

    // Texts are read back for the findings being shown, a few at a time: findings come
    // sorted by file, so a small cache serves most of them. Each is kept as read (to place
    // a label that cannot be shown) and sanitized for the terminal (what the excerpt
    // shows), both done once.
    let mut texts: HashMap<usize, (String, Source)> = HashMap::new();
    let mut shown: HashMap<&str, usize> = HashMap::new();
    let mut omitted = 0;
    for finding in report.findings {
        let n = shown.entry(&*finding.rule).or_insert(0);
        *n += 1;
        if max_per_rule > 0 && *n > max_per_rule {
            omitted += 1;
            continue;
        }
        let mut long_notes = Vec::new();
        if texts.len() > TEXTS_KEPT {
            texts.clear();
        }
        for loc in &finding.locations {
            texts.entry(loc.article).or_insert_with(|| {
                let text = report.articles[loc.article].current_text().into_owned();
                let clean = Source::new(sanitize_for_terminal(&text));
                (text, clean)
            });
        }
        // Every label is marked before the excerpts are laid out: a long line is cut
        // around all the labels on it.
        let mut excerpts = Excerpts::default();
        let mut marked = Vec::new();
        for (i, loc) in finding.locations.iter().enumerate() {
            let article = &report.articles[loc.article];
            let (text, clean) = &texts[&loc.article];
            let id = excerpts.file(&article.display, clean);
            if excerpts.mark(id, loc.span.clone()) {
                marked.push((i, id, loc));
            } else {
                let (place, chars) = place(text, loc.span.start);
                long_notes.push(format!(
                    "{}:{place} (too far along a line of {chars} characters to show with \
                     the rest): {}",
                    article.display,
                    sanitize_for_terminal(&loc.label)
                ));
            }
        }
        excerpts.build();
        let labels: Vec<Label<usize>> = marked
            .into_iter()
            .map(|(i, id, loc)| {
                let range = excerpts.range(id, loc.span.clone());
                let label = if i == 0 {
                    Label::primary(id, range)
                } else {
                    Label::secondary(id, range)
                };
                label.with_message(sanitize_for_terminal(&loc.label))
            })
            .collect();
        let mut notes: Vec<String> = long_notes;
        notes.extend(finding.notes.iter().map(|n| sanitize_for_terminal(n)));
        if let Some(help) = &finding.help {
            notes.push(format!("help: {}", sanitize_for_terminal(help)));
        }
        let d = Diagnostic::new(cs_severity(finding.severity))
            .with_message(sanitize_for_terminal(&finding.message))
            .with_code(&finding.rule)
            .with_labels(labels)
            .with_notes(notes);
        emit(w, &config, &excerpts, &d)?;
    }
    let mut summary = summary_line(report);
    if omitted > 0 {
        summary.push_str(&format!(
            "; {omitted} findings not shown (over {max_per_rule} per rule; --max-per-rule 0 shows all)"
        ));
    }
    writeln!(w, "{summary}")
}

fn emit<'f>(
    w: &mut dyn WriteColor,
    config: &Config,
    files: &'f impl Files<'f, FileId = usize>,
    d: &Diagnostic<usize>,
) -> io::Result<()> {
    term::emit_to_write_style(w, config, files, d).map_err(io::Error::other)
}

/// Article texts kept between findings.
const TEXTS_KEPT: usize = 32;

/// Lines longer than this are not shown as excerpts (a minified file, a 2 MB log line):
/// the place is given in a note instead.
const MAX_EXCERPT_LINE: usize = 2000;

/// `Some("line:column (a line of N characters, not shown)")` when `span` sits on a line too
/// long to show.
fn long_line(text: &str, span: std::ops::Range<usize>) -> Option<String> {
    let start = span.start.min(text.len());
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    (line_end - line_start > MAX_EXCERPT_LINE).then(|| {
        let (place, chars) = place(text, start);
        format!("{place} (a line of {chars} characters, not shown)")
    })
}

/// "line:column" of byte `offset` of `text`, and how many characters its line has.
fn place(text: &str, offset: usize) -> (String, usize) {
    let mut start = offset.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    let before = &text[..line_start];
    let line = before.matches('\n').count() + before.matches('\r').count()
        - before.matches("\r\n").count()
        + 1;
    let column = text[line_start..start].chars().count() + 1;
    (
        format!("{line}:{column}"),
        text[line_start..line_end].chars().count(),
    )
}

/// "5 files, 17 claims: 1 error, 4 warnings, 9 notes".
pub fn summary_line(report: &Report) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let mut line = format!(
        "{}, {}: {}, {}, {}",
        plural(report.articles.len(), "file"),
        plural(report.claims, "claim"),
        plural(report.count(Severity::Error), "error"),
        plural(report.count(Severity::Warning), "warning"),
        plural(report.count(Severity::Info), "note"),
    );
    let problems =
        report.rule_errors.len() + report.rule_file_errors.len() + report.input_errors.len();
    if problems > 0 {
        line.push_str(&format!(
            "; {} could not be read",
            plural(problems, "input")
        ));
    }
    if !report.skipped.is_empty() {
        line.push_str(&format!(
            "; {} skipped",
            plural(report.skipped.len(), "file")
        ));
    }
    line
}
