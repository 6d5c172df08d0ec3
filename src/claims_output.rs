//! `newslint claims`: the fact sheet of every claim extracted, as a table, JSON or CSV.

use std::io::{self, Write};

use serde::Serialize;

use crate::article::Article;
use crate::extract::Claim;
use crate::rules::RuleSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ClaimsFormat {
    Table,
    Json,
    Csv,
}

/// One row of the fact sheet (also the JSON object of `--format json`).
#[derive(Debug, Serialize)]
pub struct ClaimRow {
    pub fact: String,
    #[serde(rename = "type")]
    pub ty: String,
    /// Canonical value, or null when it could not be resolved.
    pub value: Option<String>,
    pub raw: String,
    pub path: String,
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub article_date: Option<String>,
    /// The date the claim speaks for, when the text gives one (`{when}`).
    pub speaks_for: Option<String>,
    /// Why the value is null.
    pub unresolved: Option<String>,
}

pub fn rows(articles: &[Article], rules: &RuleSet, claims: &[Claim]) -> Vec<ClaimRow> {
    let mut rows: Vec<ClaimRow> = claims
        .iter()
        .map(|c| {
            let article = &articles[c.article];
            let fact = &rules.facts[c.fact];
            let (line, column) = match c.place {
                [0, _] => article.line_col(c.span.start),
                [line, column] => (line as usize, column as usize),
            };
            ClaimRow {
                fact: fact.id.clone(),
                ty: fact.ty.name().to_string(),
                value: c.value_text(),
                raw: c.raw.to_string(),
                path: article.display.to_string(),
                line,
                column,
                article_date: article.date.map(|d| d.to_string()),
                speaks_for: c
                    .dated_by_text
                    .then(|| c.speaks_for.map(|d| d.to_string()))
                    .flatten(),
                unresolved: c.value.as_ref().err().map(ToString::to_string),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        (&a.path, a.line, a.column, &a.fact).cmp(&(&b.path, b.line, b.column, &b.fact))
    });
    rows
}

pub fn write(rows: &[ClaimRow], format: ClaimsFormat, out: &mut dyn Write) -> io::Result<()> {
    match format {
        ClaimsFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)
        }
        ClaimsFormat::Csv => {
            writeln!(out, "fact,type,value,raw,path,line,column,article_date")?;
            for r in rows {
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{}",
                    csv(&r.fact),
                    csv(&r.ty),
                    csv(r.value.as_deref().unwrap_or("")),
                    csv(&r.raw),
                    csv(&r.path),
                    r.line,
                    r.column,
                    csv(r.article_date.as_deref().unwrap_or(""))
                )?;
            }
            Ok(())
        }
        ClaimsFormat::Table => {
            let loc: Vec<String> = rows
                .iter()
                .map(|r| format!("{}:{}:{}", r.path, r.line, r.column))
                .collect();
            let w_loc = loc
                .iter()
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
                .max(8);
            let w_fact = rows.iter().map(|r| r.fact.len()).max().unwrap_or(0).max(4);
            let w_val = rows
                .iter()
                .map(|r| r.value.as_deref().unwrap_or("?").chars().count())
                .max()
                .unwrap_or(0)
                .max(5);
            writeln!(
                out,
                "{:w_loc$}  {:w_fact$}  {:w_val$}  TEXT",
                "LOCATION", "FACT", "VALUE"
            )?;
            for (r, l) in rows.iter().zip(&loc) {
                let raw = crate::render::sanitize_for_terminal(&r.raw.replace(['\n', '\r'], " "));
                writeln!(
                    out,
                    "{l:w_loc$}  {:w_fact$}  {:w_val$}  {raw}",
                    r.fact,
                    r.value.as_deref().unwrap_or("?"),
                )?;
            }
            writeln!(out, "{} claims", rows.len())
        }
    }
}

/// Quotes a CSV field when needed (RFC 4180).
fn csv(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
