//! Renderers: each output format is its own module behind [`Render`].

pub mod human;

use std::io::{self, Write};

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
            .flat_map(|a| a.notes.iter().map(move |n| (a, n)))
    }
}

pub trait Render {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

/// The output formats of `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
}

pub fn renderer(format: Format, color: bool) -> Box<dyn Render> {
    match format {
        Format::Human => Box::new(human::Human { color }),
    }
}

/// Replaces control characters (ESC, BEL, C1 controls…) with `?` of the same byte length,
/// so excerpts cannot drive a terminal and byte offsets stay valid.
pub fn sanitize_for_terminal(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' && c != '\r' {
                "?".repeat(c.len_utf8())
            } else if c == '\u{202E}' || c == '\u{202D}' || c == '\u{2066}' || c == '\u{2067}' {
                // Bidirectional overrides could reorder what the editor sees.
                "?".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
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
