//! Concise output: one line per finding, `path:line:col: severity[rule] message`, for grep
//! and editors' quickfix lists. Problems reading inputs come first, in the same shape.

use std::io::{self, Write};

use super::{Render, Report, one_line, resolve};

pub struct Concise;

impl Render for Concise {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for err in report.rule_errors {
            let (line, col) = line_col(&err.file.text, err.span.start);
            writeln!(
                out,
                "{}:{line}:{col}: error[rules] {}",
                err.file.display,
                one_line(&err.message)
            )?;
        }
        for err in report.rule_file_errors {
            writeln!(out, "{}: error[rules] {}", err.path, one_line(&err.message))?;
        }
        for err in report.input_errors {
            writeln!(out, "{}: error[input] {}", err.path, one_line(&err.message))?;
        }
        for finding in report.findings {
            let Some(primary) = finding.primary() else {
                continue;
            };
            let r = resolve(report.articles, primary);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                r.path,
                r.line,
                r.column,
                finding.severity.name(),
                finding.rule,
                one_line(&finding.message)
            )?;
        }
        Ok(())
    }
}

/// 1-based line and character column of a byte offset in a rule file.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
