//! Renderers: each output format is its own module behind [`Render`].

pub mod concise;
mod excerpt;
pub mod github;
pub mod human;
pub mod json;
pub mod markdown;
mod pretty;
pub mod sarif;

use std::io::{self, Write};

pub use pretty::{pretty_at, pretty_vec, write_array};

use crate::article::{Article, LoadError};
use crate::finding::{Finding, Severity};
use crate::rules::{RuleError, RuleFileError, RuleSet};

/// Everything a run produced, as renderers see it.
pub struct Report<'a> {
    pub articles: &'a [Article],
    pub rules: &'a RuleSet,
    pub findings: &'a [Finding],
    pub claims: usize,
    pub rule_errors: &'a [RuleError],
    pub rule_file_errors: &'a [RuleFileError],
    /// Files that could not be read.
    pub input_errors: &'a [LoadError],
    /// Files skipped on purpose (binary, too large).
    pub skipped: &'a [LoadError],
    /// Baseline entries that matched no finding (fixed since the baseline was written).
    pub stale_baseline: usize,
}

impl Report<'_> {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Notes about how articles were read (decoding, ignored front matter).
    pub fn article_notes(&self) -> impl Iterator<Item = (&Article, &String)> {
        self.articles
            .iter()
            .flat_map(|a| a.notes().iter().map(move |n| (a, n)))
    }
}

pub trait Render {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

/// The output formats of `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with excerpts from every article involved.
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// A stable JSON object (see README, "JSON output").
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// A Markdown findings table (for a job summary).
    Markdown,
}

pub fn renderer(format: Format, color: bool) -> Box<dyn Render> {
    renderer_with(format, color, 0)
}

/// A renderer; `max_per_rule` limits the findings the human format shows per rule.
pub fn renderer_with(format: Format, color: bool, max_per_rule: usize) -> Box<dyn Render> {
    match format {
        Format::Human => Box::new(human::Human {
            color,
            max_per_rule,
        }),
        Format::Concise => Box::new(concise::Concise),
        Format::Json => Box::new(json::Json),
        Format::Sarif => Box::new(sarif::Sarif),
        Format::Github => Box::new(github::Github::default()),
        Format::Markdown => Box::new(markdown::Markdown::default()),
    }
}

/// A location resolved to what machine formats print.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub path: String,
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub end_line: usize,
    /// 1-based, in characters, exclusive (the column after the last character).
    pub end_column: usize,
    pub value: Option<String>,
    pub article_date: Option<String>,
    pub label: crate::finding::Text,
}

pub fn resolve(articles: &[Article], loc: &crate::finding::Location) -> Resolved {
    let article = &articles[loc.article];
    let (line, column) = article.line_col(loc.span.start);
    let (end_line, end_column) = article.line_col(loc.span.end);
    Resolved {
        path: article.display.to_string(),
        line,
        column,
        end_line,
        end_column,
        value: loc.value.clone(),
        article_date: article.date.map(|d| d.to_string()),
        label: loc.label.clone(),
    }
}

/// One line of text: control characters and line breaks become spaces.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Replaces control characters (ESC, BEL, C1 controls…) with `?` of the same byte length,
/// so excerpts cannot drive a terminal and byte offsets stay valid. A lone `\r` (old Mac line
/// ending) becomes `\n`, so excerpt line numbers agree with the other formats.
pub fn sanitize_for_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() != Some(&'\n') => out.push('\n'),
            '\n' | '\t' | '\r' => out.push(c),
            // Bidirectional overrides could reorder what the editor sees.
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                out.push_str(&"?".repeat(c.len_utf8()))
            }
            c if c.is_control() => out.push_str(&"?".repeat(c.len_utf8())),
            c => out.push(c),
        }
    }
    out
}

/// A run over the seeds and the draft fixtures with the shipped rules, and a path that cannot
/// be read: findings of most kinds, and an input error (for the machine formats' tests).
#[cfg(test)]
pub(crate) fn sample_run() -> crate::run::Outcome {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let outcome = crate::run::check(&crate::run::Options {
        paths: vec![
            root.join("seeds"),
            root.join("tests/fixtures/drafts"),
            root.join("no such file.md"),
        ],
        rules: vec![root.join("rules")],
        ..Default::default()
    });
    assert!(outcome.findings.len() > 10 && !outcome.input_errors.is_empty());
    outcome
}

/// `items` over and over, `count` of them: more than a writer turns into JSON at once.
#[cfg(test)]
pub(crate) fn repeated<T: Clone>(items: &[T], count: usize) -> Vec<T> {
    items.iter().cycle().take(count).cloned().collect()
}

/// Two findings made from `like` for the writers' tests: one with no location, note or
/// help, and one whose every string holds one kind of thing JSON escapes (or none).
#[cfg(test)]
pub(crate) fn odd_findings(like: &Finding) -> (Finding, Finding) {
    let mut bare = like.clone();
    bare.locations.clear();
    bare.notes.clear();
    bare.help = None;
    let mut strange = like.clone();
    strange.rule = "tab\there".into();
    strange.message = "a \"quoted\" word".into();
    strange.notes = vec!["line\nbreak".into(), "".into(), "bell\u{7}".into()];
    strange.help = Some("back\\slash".into());
    for l in &mut strange.locations {
        l.label = "del\u{7f}, é€ 🙂".into();
        l.value = Some("nul\u{0}".to_string());
    }
    (bare, strange)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizing_keeps_byte_offsets() {
        let text = "a\u{1b}[31mred\u{9b}x\u{202E}";
        let clean = sanitize_for_terminal(text);
        assert_eq!(clean.len(), text.len());
        assert!(!clean.contains('\u{1b}'));
        assert_eq!(clean, "a?[31mred??x???");
    }
}
