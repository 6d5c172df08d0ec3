//! Markdown output: a findings table for a GitHub job summary (`$GITHUB_STEP_SUMMARY`) or a
//! pull-request comment.

use std::io::{self, Write};

use super::{Render, Report, one_line, resolve};
use crate::finding::Severity;

pub struct Markdown {
    /// Rows shown before the table is cut (the rest are counted).
    pub max_rows: usize,
    /// Annotations GitHub shows per level and step, to say how many were left out.
    pub annotations_per_level: usize,
}

impl Default for Markdown {
    fn default() -> Self {
        Markdown {
            max_rows: 200,
            annotations_per_level: 10,
        }
    }
}

/// A table cell: one line, with `|` and markup-sensitive characters escaped.
fn cell(s: &str) -> String {
    one_line(s)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl Render for Markdown {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let (e, w, i) = (
            report.count(Severity::Error),
            report.count(Severity::Warning),
            report.count(Severity::Info),
        );
        writeln!(out, "## newslint\n")?;
        let drafts = report.articles.iter().filter(|a| a.is_draft).count();
        let scope = if drafts > 0 {
            format!(
                "{drafts} draft{} checked against {} files",
                if drafts == 1 { "" } else { "s" },
                report.articles.len()
            )
        } else {
            format!("{} files", report.articles.len())
        };
        writeln!(
            out,
            "**{e} error{}, {w} warning{}, {i} note{}** in {scope} ({} claims).\n",
            if e == 1 { "" } else { "s" },
            if w == 1 { "" } else { "s" },
            if i == 1 { "" } else { "s" },
            report.claims
        )?;
        let problems: Vec<String> = report
            .rule_errors
            .iter()
            .map(|r| format!("{}: {}", r.file.display, r.message))
            .chain(
                report
                    .rule_file_errors
                    .iter()
                    .map(|r| format!("{}: {}", r.path, r.message)),
            )
            .chain(
                report
                    .input_errors
                    .iter()
                    .map(|r| format!("{}: {}", r.path, r.message)),
            )
            .collect();
        if !problems.is_empty() {
            writeln!(out, "**Could not read:**\n")?;
            for p in &problems {
                writeln!(out, "- {}", cell(p))?;
            }
            writeln!(out)?;
        }
        if report.findings.is_empty() {
            return writeln!(out, "No findings.");
        }
        writeln!(out, "| Level | Rule | Location | Finding |")?;
        writeln!(out, "| --- | --- | --- | --- |")?;
        for f in report.findings.iter().take(self.max_rows) {
            let loc = f
                .primary()
                .map(|p| {
                    let r = resolve(report.articles, p);
                    format!("`{}:{}`", r.path.replace('`', "'"), r.line)
                })
                .unwrap_or_default();
            writeln!(
                out,
                "| {} | `{}` | {} | {} |",
                f.severity.name(),
                f.rule.replace('`', "'"),
                loc,
                cell(&f.message)
            )?;
        }
        if report.findings.len() > self.max_rows {
            writeln!(
                out,
                "\n{} more findings are not listed here.",
                report.findings.len() - self.max_rows
            )?;
        }
        let left_out: usize = [e, w, i]
            .iter()
            .map(|n| n.saturating_sub(self.annotations_per_level))
            .sum();
        if left_out > 0 {
            writeln!(
                out,
                "\nGitHub shows at most {} annotations of each level per step: {left_out} \
                 finding{} {} not annotated on the diff. Every finding is in the SARIF report.",
                self.annotations_per_level,
                if left_out == 1 { "" } else { "s" },
                if left_out == 1 { "was" } else { "were" }
            )?;
        }
        Ok(())
    }
}
