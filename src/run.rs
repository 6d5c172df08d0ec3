//! The pipeline, one way: discover files → load articles → load rules → extract claims →
//! run checks → (render, in main). Each stage lives in its own module; this file wires them.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::article::{Article, DateSource, LoadError};
use crate::checks::{self, Context};
use crate::discover;
use crate::extract::{self, Claim};
use crate::finding::{Finding, Severity};
use crate::rules::{self, LoadedRules};
use crate::suppress;

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub drafts: Vec<PathBuf>,
    pub rules: Vec<PathBuf>,
    pub as_of: Option<Date>,
    pub max_file_bytes: Option<u64>,
    /// Findings recorded in this baseline are not reported.
    pub baseline: Option<PathBuf>,
}

/// Everything a run produced.
pub struct Outcome {
    pub articles: Vec<Article>,
    pub rules: LoadedRules,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    pub input_errors: Vec<LoadError>,
    pub skipped: Vec<LoadError>,
    /// Findings after inline suppression, before the baseline (what `--write-baseline`
    /// records).
    pub unbaselined: Vec<Finding>,
    /// Baseline entries that matched no finding.
    pub stale_baseline: usize,
}

impl Outcome {
    /// 0: no error-level finding; 1: error-level findings; 2: an input or rule could not be
    /// read (findings are still reported).
    pub fn exit_code(&self) -> i32 {
        if !self.input_errors.is_empty()
            || !self.rules.errors.is_empty()
            || !self.rules.file_errors.is_empty()
        {
            2
        } else if self.findings.iter().any(|f| f.severity == Severity::Error) {
            1
        } else {
            0
        }
    }
}

/// Loads rules and articles and extracts claims (no checks): `newslint claims`.
pub fn load(options: &Options) -> Outcome {
    let mut rules = load_rules(&options.rules);
    // A broken example is a broken rule: report it with the rule errors.
    let examples = rules::examples::run(&rules.rules);
    rules.errors.extend(examples.errors);
    let (mut files, mut input_errors) = discover::discover(&options.paths, false);
    let (drafts, draft_errors) = discover::discover(&options.drafts, true);
    input_errors.extend(draft_errors);
    // A draft given also as part of the corpus is a draft.
    files.retain(|f| !drafts.iter().any(|d| same_file(&d.path, &f.path)));
    files.extend(drafts);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let max = options
        .max_file_bytes
        .unwrap_or(discover::DEFAULT_MAX_FILE_BYTES);
    let (mut articles, errors, skipped) = discover::load_all(&files, max);
    input_errors.extend(errors);
    for article in &mut articles {
        if let Some(source) = rules
            .rules
            .source_for(&article.display, article.outlet.as_deref())
        {
            article.currency = source.currency.clone();
        }
        if article.date.is_some() {
            continue;
        }
        let key = article
            .path
            .canonicalize()
            .unwrap_or_else(|_| article.path.clone());
        if let Some(date) = rules.rules.dates.get(&key) {
            article.date = Some(*date);
            article.date_source = Some(DateSource::Config);
        } else if article.is_draft
            && let Some(date) = options.as_of
        {
            article.date = Some(date);
            article.date_source = Some(DateSource::AsOf);
        }
    }
    let claims = extract::extract_all(&articles, &rules.rules);
    Outcome {
        articles,
        rules,
        claims,
        findings: Vec::new(),
        input_errors,
        skipped,
        unbaselined: Vec::new(),
        stale_baseline: 0,
    }
}

/// Finds and loads the rule files (`--rules`, else the default lookup).
pub fn load_rules(explicit: &[PathBuf]) -> LoadedRules {
    let cwd = std::env::current_dir().unwrap_or_default();
    match rules::locate(explicit, &cwd) {
        Ok(paths) => rules::load(&paths),
        Err(err) => LoadedRules {
            file_errors: vec![err],
            ..LoadedRules::default()
        },
    }
}

/// The full check.
pub fn check(options: &Options) -> Outcome {
    let mut outcome = load(options);
    let ctx = Context {
        articles: &outcome.articles,
        rules: &outcome.rules.rules,
        claims: &outcome.claims,
    };
    let mut findings = checks::run_all(&ctx);
    findings = suppress::apply_inline(&outcome.articles, findings);
    if !options.drafts.is_empty() {
        findings = only_drafts(&outcome.articles, findings);
    }
    checks::sort_findings(&outcome.articles, &mut findings);
    outcome.unbaselined = findings.clone();
    if let Some(path) = &options.baseline {
        match suppress::read_baseline(path) {
            Ok(baseline) => {
                let (kept, stale) =
                    suppress::apply_baseline(&outcome.articles, findings, &baseline);
                findings = kept;
                outcome.stale_baseline = stale;
            }
            Err(message) => outcome.input_errors.push(LoadError {
                path: discover::display_path(path),
                line: None,
                message,
                skipped: false,
            }),
        }
    }
    outcome.findings = findings;
    outcome
}

/// Keeps findings that involve a draft, with the draft's location first.
fn only_drafts(articles: &[Article], findings: Vec<Finding>) -> Vec<Finding> {
    findings
        .into_iter()
        .filter_map(|mut f| {
            let first_draft = f
                .locations
                .iter()
                .position(|l| articles[l.article].is_draft)?;
            if first_draft != 0 {
                let loc = f.locations.remove(first_draft);
                f.locations.insert(0, loc);
            }
            Some(f)
        })
        .collect()
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}
