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

/// The fact sheet of a run: its claims in the order of path, line, column and fact. Rows
/// are made one at a time as they are written: an archive with a pack of hundreds of rules
/// has over a million claims, whose rows all at once took as much memory again as the run.
pub struct Sheet<'a> {
    articles: &'a [Article],
    rules: &'a RuleSet,
    claims: &'a [Claim],
    /// Claims by their place in the sheet.
    order: Vec<u32>,
}

impl<'a> Sheet<'a> {
    pub fn new(articles: &'a [Article], rules: &'a RuleSet, claims: &'a [Claim]) -> Sheet<'a> {
        // Paths and facts are ranked once each, so that sorting compares numbers; the place
        // in the list last keeps the order of claims alike as the run gives it.
        let path_rank = ranks(articles.iter().map(|a| &*a.display));
        let fact_rank = ranks(rules.facts.iter().map(|f| f.id.as_str()));
        let mut keys: Vec<(u32, usize, usize, u32, u32)> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let (line, column) = place(&articles[c.article], c);
                (
                    path_rank[c.article],
                    line,
                    column,
                    fact_rank[c.fact],
                    u32::try_from(i).unwrap_or(u32::MAX),
                )
            })
            .collect();
        keys.sort_unstable();
        Sheet {
            articles,
            rules,
            claims,
            order: keys.into_iter().map(|k| k.4).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The rows, in order.
    pub fn rows(&self) -> impl Iterator<Item = ClaimRow> + '_ {
        self.order
            .iter()
            .filter_map(|&i| self.claims.get(i as usize))
            .map(|c| self.row(c))
    }

    fn row(&self, c: &Claim) -> ClaimRow {
        let article = &self.articles[c.article];
        let fact = &self.rules.facts[c.fact];
        let (line, column) = place(article, c);
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
    }
}

/// Line and column of a claim's value: as noted when its text was loaded, else as its
/// article has them.
fn place(article: &Article, c: &Claim) -> (usize, usize) {
    match c.place {
        [0, _] => article.line_col(c.span.start),
        [line, column] => (line as usize, column as usize),
    }
}

/// The rank of each name among all of them (equal names, equal ranks).
fn ranks<'n>(names: impl Iterator<Item = &'n str>) -> Vec<u32> {
    let names: Vec<&str> = names.collect();
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&i| names[i]);
    let mut rank = vec![0u32; names.len()];
    for pair in order.windows(2) {
        let step = u32::from(names[pair[0]] != names[pair[1]]);
        rank[pair[1]] = rank[pair[0]] + step;
    }
    rank
}

/// Rows turned into JSON side by side at a time.
const ROWS_AT_ONCE: usize = 4096;

/// The rows as `serde_json::to_writer_pretty` writes their list (a test holds it to that),
/// each row made and turned into JSON as its turn comes, on every core.
fn write_json(sheet: &Sheet, out: &mut dyn Write) -> io::Result<()> {
    use rayon::prelude::*;
    crate::render::write_array(out, 0, &sheet.order, ROWS_AT_ONCE, |batch| {
        batch
            .par_iter()
            .filter_map(|&i| sheet.claims.get(i as usize))
            .map(|c| crate::render::pretty_vec(1, &sheet.row(c)))
            .collect()
    })?;
    out.write_all(b"\n")
}

pub fn write(sheet: &Sheet, format: ClaimsFormat, out: &mut dyn Write) -> io::Result<()> {
    match format {
        ClaimsFormat::Json => write_json(sheet, out),
        ClaimsFormat::Csv => {
            writeln!(out, "fact,type,value,raw,path,line,column,article_date")?;
            for r in sheet.rows() {
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
            // The columns are as wide as their widest cell: one pass to measure, one to write.
            let location = |r: &ClaimRow| format!("{}:{}:{}", r.path, r.line, r.column);
            let (mut w_loc, mut w_fact, mut w_val) = (8, 4, 5);
            for r in sheet.rows() {
                w_loc = w_loc.max(location(&r).chars().count());
                w_fact = w_fact.max(r.fact.len());
                w_val = w_val.max(r.value.as_deref().unwrap_or("?").chars().count());
            }
            writeln!(
                out,
                "{:w_loc$}  {:w_fact$}  {:w_val$}  TEXT",
                "LOCATION", "FACT", "VALUE"
            )?;
            for r in sheet.rows() {
                let raw = crate::render::sanitize_for_terminal(&r.raw.replace(['\n', '\r'], " "));
                writeln!(
                    out,
                    "{:w_loc$}  {:w_fact$}  {:w_val$}  {raw}",
                    location(&r),
                    r.fact,
                    r.value.as_deref().unwrap_or("?"),
                )?;
            }
            writeln!(out, "{} claims", sheet.len())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows as the sheet once made them: all of them in the order of the run, then sorted
    /// (keeping that order among equals) by path, line, column and fact.
    fn sorted_whole(sheet: &Sheet) -> Vec<ClaimRow> {
        let mut rows: Vec<ClaimRow> = sheet.claims.iter().map(|c| sheet.row(c)).collect();
        rows.sort_by(|a, b| {
            (&a.path, a.line, a.column, &a.fact).cmp(&(&b.path, b.line, b.column, &b.fact))
        });
        rows
    }

    #[test]
    fn rows_come_by_path_line_column_and_fact_and_json_as_serde_json_writes_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // Two facts of one pattern, the second named first: each value is a claim of both.
        std::fs::write(
            root.join("rules.yaml"),
            "facts:\n  - id: z-rate\n    type: percent\n    patterns: ['rate of {value}']\n  \
             - id: a-rate\n    type: percent\n    patterns: ['rate of {value}']\n",
        )
        .unwrap();
        // Walked folder by folder ("a" before "a-b"), shown by path ("a-b/" before "a/").
        let articles = root.join("articles");
        for (path, text) in [
            (
                "a/x.md",
                "A rate of 5%.\nThe rate of 7% held, a rate of 9%.\n",
            ),
            ("a-b/x.md", "---\ndate: 2025-01-02\n---\nA rate of 6%.\n"),
            ("b.md", "No claim here.\n"),
        ] {
            let file = articles.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        }
        let outcome = crate::run::load(&crate::run::Options {
            paths: vec![articles],
            rules: vec![root.join("rules.yaml")],
            ..Default::default()
        });
        assert!(outcome.rules.errors.is_empty());
        let json = |sheet: &Sheet| {
            let mut out = Vec::new();
            write(sheet, ClaimsFormat::Json, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let sheet = Sheet::new(&outcome.articles, &outcome.rules.rules, &outcome.claims);
        // Paths as shown, from the folder given on.
        let order: Vec<(String, usize, usize, String)> = sheet
            .rows()
            .map(|r| {
                let from = r.path.rfind("articles/").unwrap_or(0);
                (r.path[from..].to_string(), r.line, r.column, r.fact)
            })
            .collect();
        let at = |path: &str, line, column, fact: &str| {
            (format!("articles/{path}"), line, column, fact.to_string())
        };
        assert_eq!(
            order,
            [
                at("a-b/x.md", 4, 11, "a-rate"),
                at("a-b/x.md", 4, 11, "z-rate"),
                at("a/x.md", 1, 11, "a-rate"),
                at("a/x.md", 1, 11, "z-rate"),
                at("a/x.md", 2, 13, "a-rate"),
                at("a/x.md", 2, 13, "z-rate"),
                at("a/x.md", 2, 32, "a-rate"),
                at("a/x.md", 2, 32, "z-rate"),
            ]
        );
        // The claims as a run gives them, over and over (more rows than are turned into
        // JSON at once), none, and the run's own.
        let many = crate::render::repeated(&outcome.claims, ROWS_AT_ONCE * 2 + 3);
        for claims in [&outcome.claims[..], &many[..], &[]] {
            let sheet = Sheet::new(&outcome.articles, &outcome.rules.rules, claims);
            let want = sorted_whole(&sheet);
            assert_eq!(sheet.len(), want.len());
            assert_eq!(
                json(&sheet),
                serde_json::to_string_pretty(&want).unwrap() + "\n"
            );
        }
    }
}
