//! GitHub Actions workflow commands: `::error file=…,line=…::message`, one per finding.
//!
//! Everything from an article is escaped the way the runner unescapes it (`%`, CR and LF in
//! the message; also `:` and `,` in properties), so no article text can end the command line
//! and start another (`::set-output`, `::stop-commands::`…). GitHub shows only the first
//! ten annotations of each level per step, so errors come first, and what is left out is
//! counted on a plain line at the end (SARIF carries everything).

use std::io::{self, Write};

use super::concise::line_col;
use super::{Render, Report, resolve};
use crate::finding::Severity;

pub struct Github {
    /// Annotations printed per level.
    pub per_level: usize,
}

impl Default for Github {
    fn default() -> Self {
        Github { per_level: 10 }
    }
}

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(level: Severity) -> &'static str {
    match level {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

impl Render for Github {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for e in report.rule_errors {
            let (line, col) = line_col(&e.file.text, e.span.start);
            writeln!(
                out,
                "::error file={},line={line},col={col},title={}::{}",
                escape_property(&e.file.display),
                escape_property("newslint: invalid rule"),
                escape_data(&e.message)
            )?;
        }
        for e in report
            .rule_file_errors
            .iter()
            .map(|e| (&e.path, &e.message))
            .chain(report.input_errors.iter().map(|e| (&e.path, &e.message)))
        {
            writeln!(
                out,
                "::error file={},title={}::{}",
                escape_property(e.0),
                escape_property("newslint: cannot read"),
                escape_data(e.1)
            )?;
        }
        let mut shown = [0usize; 3];
        let mut left_out = 0;
        for level in [Severity::Error, Severity::Warning, Severity::Info] {
            for finding in report.findings.iter().filter(|f| f.severity == level) {
                let Some(primary) = finding.primary() else {
                    continue;
                };
                let slot = &mut shown[level as usize];
                if *slot >= self.per_level {
                    left_out += 1;
                    continue;
                }
                *slot += 1;
                let p = resolve(report.articles, primary);
                let mut message = finding.message.to_string();
                for other in finding.locations.iter().skip(1) {
                    let r = resolve(report.articles, other);
                    message.push_str(&format!("\n{}:{}: {}", r.path, r.line, r.label));
                }
                for note in &finding.notes {
                    message.push_str(&format!("\n{note}"));
                }
                let end_column = if p.end_line == p.line {
                    format!(",endColumn={}", p.end_column)
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "::{} file={},line={},col={},endLine={}{end_column},title={}::{}",
                    command(level),
                    escape_property(&p.path),
                    p.line,
                    p.column,
                    p.end_line,
                    escape_property(&format!(
                        "newslint {} ({})",
                        finding.kind.name(),
                        finding.rule
                    )),
                    escape_data(&message)
                )?;
            }
        }
        if left_out > 0 {
            writeln!(
                out,
                "newslint: {left_out} more findings not annotated (GitHub shows {} per level); see the SARIF report",
                self.per_level
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(
            escape_data("50% done\r\n::set-output name=x::y"),
            "50%25 done%0D%0A::set-output name=x::y"
        );
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
