//! Rules: finding the rule files, parsing them, validating every fact, and compiling its
//! patterns. A broken fact is reported (pointing into its YAML) and left out; the other
//! facts and files still load.

pub mod examples;
pub mod file;
mod pattern;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use regex::Regex;
use serde_saphyr::Spanned;

pub use pattern::{Pattern, compile_pattern, expand_placeholders};

use crate::finding::Severity;
use crate::values::is_currency_code;
use crate::values::{Value, ValueType};
use file::{FactRule, RuleFile, Scalar};

/// Names of the rule files looked up from the working directory upward.
pub const CONFIG_NAMES: &[&str] = &["newslint.yaml", ".newslint.yaml"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Monotonic {
    Increasing,
    Decreasing,
}

/// Where a rule was defined, for `newslint rules` and diagnostics.
#[derive(Clone, Debug)]
pub struct RuleOrigin {
    pub file: Arc<SourceFile>,
    pub span: Range<usize>,
}

/// A rule file's text, kept for diagnostics that point into it.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub display: String,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct TimelineValue {
    pub since: Date,
    pub value: Value,
}

/// A validated, compiled fact rule.
#[derive(Debug)]
pub struct Fact {
    pub id: String,
    pub description: String,
    pub ty: ValueType,
    pub patterns: Vec<Pattern>,
    pub exclude: Vec<Regex>,
    /// Patterns that leave a whole article out of the fact (another country's rate, another
    /// bank's): a sentence does not always name what its article is about.
    pub exclude_articles: Vec<Regex>,
    pub expect: Option<Value>,
    pub timeline: Vec<TimelineValue>,
    pub stable: bool,
    pub monotonic: Option<Monotonic>,
    pub severity: Option<Severity>,
    pub currency: Option<String>,
    /// Matches may run across sentence ends.
    pub cross_sentences: bool,
    /// Examples in the rule file, run by `newslint test-rules` and every check.
    pub examples: Vec<ExampleSpec>,
    pub origin: RuleOrigin,
}

/// An example embedded in a fact rule.
#[derive(Debug, Clone)]
pub struct ExampleSpec {
    pub text: String,
    /// The canonical value the example must yield.
    pub value: Option<Value>,
    /// False: the text must yield no claim. True (or a value given): at least one.
    pub matches: bool,
    pub date: Option<Date>,
    /// Where the example is in the rule file.
    pub span: Range<usize>,
}

impl Fact {
    /// The timeline entry in force at `date`, if the timeline has begun by then.
    pub fn in_force(&self, date: Date) -> Option<(usize, &TimelineValue)> {
        self.timeline
            .iter()
            .enumerate()
            .rev()
            .find(|(_, entry)| entry.since <= date)
    }
}

/// A person for the titles check.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub titles: Vec<AcceptedTitle>,
}

#[derive(Debug, Clone)]
pub struct AcceptedTitle {
    pub title: String,
    pub since: Option<Date>,
    pub until: Option<Date>,
}

/// A house-style term for the terms check.
#[derive(Debug, Clone)]
pub struct Term {
    pub prefer: String,
    pub instead_of: Vec<String>,
    pub except: Vec<String>,
    /// Compiled once at load: whole-word, case-insensitive.
    pub prefer_re: Option<Regex>,
    pub instead_of_res: Vec<Option<Regex>>,
    pub except_res: Vec<Regex>,
}

/// A whole-word, case-insensitive regex for a term; a space matches any whitespace.
pub fn term_regex(term: &str) -> Option<Regex> {
    let escaped = regex::escape(term).replace(' ', r"\s+");
    // A word boundary only where the term has a word character: `\b` after the dot of
    // "pct." would require a letter to follow it, so such a term never matched.
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let start = if word(term.chars().next()) { r"\b" } else { "" };
    let end = if word(term.chars().next_back()) {
        r"\b"
    } else {
        ""
    };
    regex::RegexBuilder::new(&format!(r"{start}{escaped}{end}"))
        .case_insensitive(true)
        .build()
        .ok()
}

/// Settings of one built-in check from `checks:`.
#[derive(Debug, Clone, Default)]
pub struct CheckConfig {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
    pub min_words: Option<usize>,
}

/// An exchange rate: 1 `from` = `rate` `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct FxRate {
    pub from: String,
    pub to: String,
    pub rate: f64,
}

/// Defaults for a group of articles.
#[derive(Debug, Clone)]
pub struct Source {
    pub paths: globset::GlobSet,
    pub outlets: Vec<String>,
    pub currency: Option<String>,
    pub dialect: Option<String>,
}

/// Everything the rule files say.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub facts: Vec<Fact>,
    pub people: Vec<Person>,
    pub terms: Vec<Term>,
    pub hygiene_builtin: bool,
    pub hygiene_patterns: Vec<Regex>,
    pub checks: BTreeMap<String, CheckConfig>,
    pub currency: String,
    /// Publication dates given in the configuration, by absolute path.
    pub dates: HashMap<PathBuf, Date>,
    pub fx: Vec<FxRate>,
    /// Relative tolerance when comparing converted amounts (0.05 = 5%).
    pub fx_tolerance: f64,
    pub sources: Vec<Source>,
    pub files: Vec<Arc<SourceFile>>,
}

impl RuleSet {
    /// Lets go of every compiled claim pattern: claims are extracted, and the checks after
    /// that read none of them.
    pub fn release_regexes(&mut self) {
        for fact in &mut self.facts {
            for pattern in &mut fact.patterns {
                pattern.release_regex();
            }
        }
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    pub fn check_config(&self, id: &str) -> CheckConfig {
        self.checks.get(id).cloned().unwrap_or_default()
    }

    /// How many `to` one `from` is worth, if the configuration says (either direction).
    pub fn fx_rate(&self, from: &str, to: &str) -> Option<f64> {
        self.fx.iter().find_map(|r| {
            if r.from == from && r.to == to {
                Some(r.rate)
            } else if r.from == to && r.to == from && r.rate != 0.0 {
                Some(1.0 / r.rate)
            } else {
                None
            }
        })
    }

    /// The source whose defaults apply to an article, by its place in [`RuleSet::sources`]
    /// (first match wins).
    pub fn source_for(&self, display_path: &str, outlet: Option<&str>) -> Option<usize> {
        self.sources.iter().position(|s| {
            s.paths.is_match(display_path)
                || outlet.is_some_and(|o| s.outlets.iter().any(|x| x.eq_ignore_ascii_case(o)))
        })
    }
}

/// A problem in a rule file, pointing at a span of its text.
#[derive(Debug, Clone)]
pub struct RuleError {
    pub file: Arc<SourceFile>,
    pub span: Range<usize>,
    pub message: String,
    pub label: String,
    pub notes: Vec<String>,
}

/// A problem with rule files that has no position (a missing path).
#[derive(Debug, Clone)]
pub struct RuleFileError {
    pub path: String,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct LoadedRules {
    pub rules: RuleSet,
    pub errors: Vec<RuleError>,
    pub file_errors: Vec<RuleFileError>,
}

/// Budgets for untrusted YAML (rule files from a pull request, article front matter).
pub fn yaml_options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 64;
    budget.max_nodes = 200_000;
    budget.max_aliases = 1_000;
    budget.max_total_scalar_bytes = 16 * 1024 * 1024;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    options
}

/// Finds the rule files: `--rules` paths when given, else `newslint.yaml`/`.newslint.yaml`
/// from `start` upward, else `start/rules/`.
pub fn locate(explicit: &[PathBuf], start: &Path) -> Result<Vec<PathBuf>, RuleFileError> {
    if !explicit.is_empty() {
        return Ok(explicit.to_vec());
    }
    let mut dir = Some(start);
    while let Some(d) = dir {
        for name in CONFIG_NAMES {
            let candidate = d.join(name);
            if candidate.is_file() {
                return Ok(vec![candidate]);
            }
        }
        dir = d.parent();
    }
    let default = start.join("rules");
    if default.is_dir() {
        return Ok(vec![default]);
    }
    Err(RuleFileError {
        path: "rules/".to_string(),
        message: "no rules found: no newslint.yaml or .newslint.yaml here or above, and no \
                  ./rules/ folder (use --rules PATH, or `newslint init`)"
            .to_string(),
    })
}

/// Loads and validates every rule file under `paths` (files, or folders of .yaml/.yml).
pub fn load(paths: &[PathBuf]) -> LoadedRules {
    let mut loader = Loader::default();
    for path in paths {
        loader.load_path(path, 0);
    }
    loader.finish()
}

/// Loads rules from YAML text (tests, examples).
pub fn load_str(display: &str, text: &str) -> LoadedRules {
    let mut loader = Loader::default();
    loader.load_text(
        PathBuf::from(display),
        display.to_string(),
        text.to_string(),
        0,
    );
    loader.finish()
}

#[derive(Default)]
struct Loader {
    out: LoadedRules,
    seen_ids: HashMap<String, (Arc<SourceFile>, Range<usize>)>,
    currency: Option<String>,
    hygiene_builtin: Option<bool>,
}

impl Loader {
    fn finish(mut self) -> LoadedRules {
        self.out.rules.currency = self.currency.unwrap_or_else(|| "USD".to_string());
        self.out.rules.hygiene_builtin = self.hygiene_builtin.unwrap_or(true);
        if self.out.rules.fx_tolerance == 0.0 {
            self.out.rules.fx_tolerance = 0.05;
        }
        self.out
    }

    fn load_path(&mut self, path: &Path, depth: usize) {
        if depth > 8 {
            return;
        }
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
                Ok(rd) => rd
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| {
                        p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml")
                    })
                    .collect(),
                Err(err) => {
                    self.file_error(path, format!("cannot read rules folder: {err}"));
                    return;
                }
            };
            entries.sort();
            if entries.is_empty() {
                self.file_error(path, "no .yaml rule files in this folder".to_string());
            }
            for entry in entries {
                self.load_path(&entry, depth + 1);
            }
            return;
        }
        let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if self.out.rules.files.iter().any(|f| f.path == canonical) {
            return;
        }
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    let display = crate::discover::display_path(path);
                    self.load_text(canonical, display, text, depth)
                }
                Err(_) => self.file_error(path, "rule file is not valid UTF-8".to_string()),
            },
            Err(err) => self.file_error(path, format!("cannot read rule file: {err}")),
        }
    }

    fn file_error(&mut self, path: &Path, message: String) {
        self.out.file_errors.push(RuleFileError {
            path: crate::discover::display_path(path),
            message,
        });
    }

    fn load_text(&mut self, path: PathBuf, display: String, text: String, depth: usize) {
        let file = Arc::new(SourceFile {
            path,
            display,
            text,
        });
        self.out.rules.files.push(file.clone());
        let parsed: RuleFile = if file.text.trim().is_empty() {
            RuleFile::default()
        } else {
            match serde_saphyr::from_str_with_options(&file.text, yaml_options()) {
                Ok(Some(parsed)) => parsed,
                Ok(None) => RuleFile::default(),
                Err(err) => {
                    self.yaml_error(&file, &err);
                    return;
                }
            }
        };
        self.take(&file, parsed, depth);
    }

    fn yaml_error(&mut self, file: &Arc<SourceFile>, err: &serde_saphyr::Error) {
        let span = err
            .location()
            .map(|loc| location_span(&file.text, &loc))
            .unwrap_or(0..0);
        let full = err.to_string();
        let message = full
            .lines()
            .next()
            .unwrap_or("invalid YAML")
            .trim()
            .to_string();
        let message = strip_location_suffix(&message);
        self.out.errors.push(RuleError {
            file: file.clone(),
            span,
            message: format!("invalid rule file: {message}"),
            label: "here".to_string(),
            notes: vec![
                "rule files hold `facts:`, `people:`, `terms:`, `hygiene:`, `checks:`, \
                 `rules:`, `currency:`, `dates:`, `sources:` and `fx:`; see docs/rules.md"
                    .to_string(),
            ],
        });
    }

    fn error(&mut self, file: &Arc<SourceFile>, span: Range<usize>, message: String, label: &str) {
        self.out.errors.push(RuleError {
            file: file.clone(),
            span,
            message,
            label: label.to_string(),
            notes: Vec::new(),
        });
    }

    fn take(&mut self, file: &Arc<SourceFile>, parsed: RuleFile, depth: usize) {
        if let Some(currency) = parsed.currency {
            self.currency = Some(currency.value.to_ascii_uppercase());
        }
        // Compiling the value grammars is most of the time a large pack takes to load: the
        // patterns are compiled on every core first, and reported in order below.
        let compiled: Vec<Vec<Result<Pattern, String>>> = {
            use rayon::prelude::*;
            parsed
                .facts
                .par_iter()
                .map(|fact| {
                    let raw = &fact.value;
                    let Some(ty) = ValueType::from_name(raw.ty.value.trim()) else {
                        return Vec::new();
                    };
                    let case_sensitive = raw.case_sensitive.unwrap_or(false);
                    raw.patterns
                        .par_iter()
                        .map(|p| compile_pattern(&p.value, ty, case_sensitive))
                        .collect()
                })
                .collect()
        };
        for (fact, compiled) in parsed.facts.into_iter().zip(compiled) {
            let span = spanned_range(&file.text, &fact);
            if let Some(fact) = self.fact(file, fact.value, span, compiled) {
                self.out.rules.facts.push(fact);
            }
        }
        for person in parsed.people {
            let person = person.value;
            let mut titles = Vec::new();
            for title in person.titles {
                let span = spanned_range(&file.text, &title);
                match title.value {
                    file::TitleRule::Plain(title) => titles.push(AcceptedTitle {
                        title,
                        since: None,
                        until: None,
                    }),
                    file::TitleRule::Dated {
                        title,
                        since,
                        until,
                    } => {
                        let since = self.optional_date(file, span.clone(), since, "since");
                        let until = self.optional_date(file, span, until, "until");
                        titles.push(AcceptedTitle {
                            title,
                            since,
                            until,
                        })
                    }
                }
            }
            self.out.rules.people.push(Person {
                name: person.name,
                aliases: person.aliases,
                titles,
            });
        }
        for term in parsed.terms {
            let term = term.value;
            let instead_of = term.instead_of.to_vec();
            self.out.rules.terms.push(Term {
                prefer_re: term_regex(&term.prefer),
                instead_of_res: instead_of.iter().map(|w| term_regex(w)).collect(),
                except_res: term.except.iter().filter_map(|e| term_regex(e)).collect(),
                prefer: term.prefer,
                instead_of,
                except: term.except,
            });
        }
        if let Some(hygiene) = parsed.hygiene {
            if let Some(builtin) = hygiene.builtin {
                self.hygiene_builtin = Some(builtin);
            }
            for pattern in hygiene.patterns {
                let span = spanned_range(&file.text, &pattern);
                match regex::RegexBuilder::new(&pattern.value)
                    .case_insensitive(true)
                    .size_limit(pattern::REGEX_SIZE_LIMIT)
                    .build()
                {
                    Ok(re) => self.out.rules.hygiene_patterns.push(re),
                    Err(err) => self.error(
                        file,
                        span,
                        format!("invalid hygiene pattern: {}", pattern::regex_error(&err)),
                        "this pattern",
                    ),
                }
            }
        }
        for (id, settings) in parsed.checks {
            let span = spanned_range(&file.text, &settings);
            if !crate::checks::is_known(&id) {
                self.error(
                    file,
                    span.clone(),
                    format!(
                        "unknown check `{id}` (known: {})",
                        crate::checks::known_ids().join(", ")
                    ),
                    "this check",
                );
                continue;
            }
            let settings = settings.value;
            let severity = match settings.severity.as_deref().map(Severity::from_name) {
                Some(None) => {
                    self.error(
                        file,
                        span,
                        "severity must be error, warning or info".to_string(),
                        "here",
                    );
                    None
                }
                Some(s) => s,
                None => None,
            };
            self.out.rules.checks.insert(
                id,
                CheckConfig {
                    enabled: settings.enabled,
                    severity,
                    min_words: settings.min_words,
                },
            );
        }
        let base = file
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        for (path, date) in parsed.dates {
            let span = spanned_range(&file.text, &date);
            match crate::article::parse_date_prefix(date.value.0.trim()) {
                Some(d) => {
                    let full = base.join(&path);
                    let full = full.canonicalize().unwrap_or(full);
                    self.out.rules.dates.insert(full, d);
                }
                None => self.error(
                    file,
                    span,
                    format!("`{}` is not a YYYY-MM-DD date", date.value.0),
                    "here",
                ),
            }
        }
        for (key, value) in parsed.fx {
            let span = spanned_range(&file.text, &value);
            let text = value.value.0.trim();
            if key == "tolerance" {
                let number = text.trim_end_matches('%').trim().parse::<f64>();
                match number {
                    Ok(n) if (0.0..100.0).contains(&n) => self.out.rules.fx_tolerance = n / 100.0,
                    _ => self.error(
                        file,
                        span,
                        format!("fx tolerance must be a percentage such as `5%`, not `{text}`"),
                        "here",
                    ),
                }
                continue;
            }
            let pair = key
                .split_once('/')
                .map(|(a, b)| (a.trim().to_ascii_uppercase(), b.trim().to_ascii_uppercase()));
            match (pair, text.parse::<f64>()) {
                (Some((from, to)), Ok(rate))
                    if is_currency_code(&from)
                        && is_currency_code(&to)
                        && rate > 0.0
                        && rate.is_finite() =>
                {
                    self.out.rules.fx.push(FxRate { from, to, rate })
                }
                _ => self.error(
                    file,
                    span,
                    format!(
                        "fx entries look like `USD/CAD: 1.40` (1 USD = 1.40 CAD), or name a currency \
                         kept by its name (`FRANCS/CHF: 1`); `{key}: {text}` is not one"
                    ),
                    "here",
                ),
            }
        }
        for source in parsed.sources {
            let span = spanned_range(&file.text, &source);
            let source = source.value;
            let mut builder = globset::GlobSetBuilder::new();
            let mut ok = true;
            for glob in &source.paths {
                match globset::Glob::new(glob) {
                    Ok(g) => {
                        builder.add(g);
                    }
                    Err(err) => {
                        ok = false;
                        self.error(
                            file,
                            span.clone(),
                            format!("bad path glob `{glob}`: {err}"),
                            "in this source",
                        );
                    }
                }
            }
            let Ok(paths) = builder.build() else { continue };
            if ok {
                self.out.rules.sources.push(Source {
                    paths,
                    outlets: source.outlets,
                    currency: source.currency.map(|c| c.to_ascii_uppercase()),
                    dialect: source.dialect,
                });
            }
        }
        for include in parsed.rules {
            let target = base.join(&include.value);
            if !target.exists() {
                let span = spanned_range(&file.text, &include);
                self.error(
                    file,
                    span,
                    format!("rule path `{}` does not exist", include.value),
                    "this path",
                );
                continue;
            }
            self.load_path(&target, depth + 1);
        }
    }

    fn optional_date(
        &mut self,
        file: &Arc<SourceFile>,
        span: Range<usize>,
        value: Option<Scalar>,
        key: &str,
    ) -> Option<Date> {
        let value = value?;
        let date = crate::article::parse_date_prefix(value.0.trim());
        if date.is_none() {
            self.error(
                file,
                span,
                format!("`{key}: {}` is not a YYYY-MM-DD date", value.0),
                "here",
            );
        }
        date
    }

    /// Validates one fact; every error is reported, and the fact is dropped if any.
    fn fact(
        &mut self,
        file: &Arc<SourceFile>,
        raw: FactRule,
        span: Range<usize>,
        compiled: Vec<Result<Pattern, String>>,
    ) -> Option<Fact> {
        let before = self.out.errors.len();
        let id = raw.id.value.trim().to_string();
        let id_span = spanned_range(&file.text, &raw.id);
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        {
            self.error(
                file,
                id_span.clone(),
                format!("fact id `{id}` must be non-empty letters, digits, `-`, `_` or `.`"),
                "this id",
            );
        }
        if let Some((other_file, other_span)) = self.seen_ids.get(&id).cloned() {
            let (line, _) = line_col(&other_file.text, other_span.start);
            self.out.errors.push(RuleError {
                file: file.clone(),
                span: id_span.clone(),
                message: format!("duplicate fact id `{id}`"),
                label: "defined again here".to_string(),
                notes: vec![format!(
                    "first defined in {} at line {line}; fact ids are unique across all rule files",
                    other_file.display
                )],
            });
        } else {
            self.seen_ids.insert(id.clone(), (file.clone(), id_span));
        }
        let ty_span = spanned_range(&file.text, &raw.ty);
        let ty = ValueType::from_name(raw.ty.value.trim());
        if ty.is_none() {
            let names: Vec<&str> = ValueType::ALL.iter().map(|t| t.name()).collect();
            self.error(
                file,
                ty_span,
                format!(
                    "unknown type `{}` (expected one of: {})",
                    raw.ty.value,
                    names.join(", ")
                ),
                "this type",
            );
        }
        let case_sensitive = raw.case_sensitive.unwrap_or(false);
        let mut patterns = Vec::new();
        if raw.patterns.is_empty() {
            self.error(
                file,
                span.clone(),
                format!("fact `{id}` has no patterns"),
                "this fact",
            );
        }
        if ty.is_some() {
            for (p, result) in raw.patterns.iter().zip(compiled) {
                let p_span = spanned_range(&file.text, p);
                match result {
                    Ok(pattern) => patterns.push(pattern),
                    Err(message) => self.error(file, p_span, message, "this pattern"),
                }
            }
        }
        let mut plain = |list: &[Spanned<String>]| {
            let mut compiled = Vec::new();
            for p in list {
                let p_span = spanned_range(&file.text, p);
                match pattern::compile_plain(&p.value, case_sensitive) {
                    Ok(re) => compiled.push(re),
                    Err(message) => self.error(file, p_span, message, "this pattern"),
                }
            }
            compiled
        };
        let exclude = plain(&raw.exclude);
        let exclude_articles = plain(&raw.exclude_articles);
        let mut expect = None;
        if let (Some(e), Some(ty)) = (&raw.expect, ty) {
            match Value::parse_canonical(ty, e.value.0.trim()) {
                Ok(v) => expect = Some(v),
                Err(message) => self.error(
                    file,
                    spanned_range(&file.text, e),
                    format!("bad `expect` value for a {} fact: {message}", ty.name()),
                    "this value",
                ),
            }
        }
        let mut timeline: Vec<TimelineValue> = Vec::new();
        if let Some(entries) = &raw.timeline {
            if raw.expect.is_some() {
                self.error(
                    file,
                    span.clone(),
                    "use either `expect` or `timeline`, not both".to_string(),
                    "this fact",
                );
            }
            for entry in entries {
                let since_span = spanned_range(&file.text, &entry.value.since);
                let since = crate::article::parse_date_prefix(entry.value.since.value.0.trim());
                if since.is_none() {
                    self.error(
                        file,
                        since_span.clone(),
                        format!(
                            "timeline `since: {}` is not a YYYY-MM-DD date",
                            entry.value.since.value.0
                        ),
                        "this date",
                    );
                }
                let value = ty.and_then(|ty| {
                    match Value::parse_canonical(ty, entry.value.value.value.0.trim()) {
                        Ok(v) => Some(v),
                        Err(message) => {
                            self.error(
                                file,
                                spanned_range(&file.text, &entry.value.value),
                                format!("bad timeline value for a {} fact: {message}", ty.name()),
                                "this value",
                            );
                            None
                        }
                    }
                });
                if let (Some(since), Some(value)) = (since, value) {
                    if let Some(last) = timeline.last()
                        && last.since >= since
                    {
                        self.error(
                            file,
                            since_span,
                            format!(
                                "timeline out of order: {since} does not come after {}",
                                last.since
                            ),
                            "this date",
                        );
                    }
                    timeline.push(TimelineValue { since, value });
                }
            }
        }
        let monotonic = match &raw.monotonic {
            None => None,
            Some(m) => match m.value.trim() {
                "increasing" => Some(Monotonic::Increasing),
                "decreasing" => Some(Monotonic::Decreasing),
                other => {
                    self.error(
                        file,
                        spanned_range(&file.text, m),
                        format!("monotonic must be `increasing` or `decreasing`, not `{other}`"),
                        "here",
                    );
                    None
                }
            },
        };
        let severity = match &raw.severity {
            None => None,
            Some(s) => match Severity::from_name(s.value.trim()) {
                Some(sev) => Some(sev),
                None => {
                    self.error(
                        file,
                        spanned_range(&file.text, s),
                        format!("severity must be error, warning or info, not `{}`", s.value),
                        "here",
                    );
                    None
                }
            },
        };
        let mut examples = Vec::new();
        for ex in &raw.examples {
            let ex_span = spanned_range(&file.text, ex);
            let date = match &ex.value.date {
                None => None,
                Some(d) => match crate::article::parse_date_prefix(d.0.trim()) {
                    Some(d) => Some(d),
                    None => {
                        self.error(
                            file,
                            ex_span.clone(),
                            format!("example `date: {}` is not a YYYY-MM-DD date", d.0),
                            "this example",
                        );
                        None
                    }
                },
            };
            let value = match (&ex.value.value, ty) {
                (Some(v), Some(ty)) => match Value::parse_canonical(ty, v.0.trim()) {
                    Ok(v) => Some(v),
                    Err(message) => {
                        self.error(
                            file,
                            ex_span.clone(),
                            format!("bad example value for a {} fact: {message}", ty.name()),
                            "this example",
                        );
                        None
                    }
                },
                _ => None,
            };
            if ex.value.matches == Some(false) && ex.value.value.is_some() {
                self.error(
                    file,
                    ex_span.clone(),
                    "an example with `matches: false` cannot also give a `value`".to_string(),
                    "this example",
                );
            }
            examples.push(ExampleSpec {
                text: ex.value.text.clone(),
                value,
                matches: ex.value.matches.unwrap_or(true),
                date,
                span: ex_span,
            });
        }
        if self.out.errors.len() > before {
            return None;
        }
        Some(Fact {
            id,
            description: raw.description.unwrap_or_default(),
            ty: ty?,
            patterns,
            exclude,
            exclude_articles,
            expect,
            timeline,
            stable: raw.stable.unwrap_or(false),
            monotonic,
            severity,
            currency: raw.currency.map(|c| c.value.to_ascii_uppercase()),
            cross_sentences: raw.cross_sentences.unwrap_or(false),
            examples,
            origin: RuleOrigin {
                file: file.clone(),
                span,
            },
        })
    }
}

/// The byte range of a spanned YAML node.
pub fn spanned_range<T>(text: &str, spanned: &Spanned<T>) -> Range<usize> {
    location_span(text, &spanned.referenced)
}

fn location_span(text: &str, loc: &serde_saphyr::Location) -> Range<usize> {
    let span = loc.span();
    let start = match span.byte_offset() {
        Some(b) => b as usize,
        None => offset_of_line_col(text, loc.line() as usize, loc.column() as usize),
    };
    let start = start.min(text.len());
    let len = span.byte_len().map(|l| l as usize).unwrap_or_else(|| {
        // Scanner errors may have no length: underline to the end of the line.
        text[start..].find('\n').unwrap_or(text.len() - start)
    });
    let mut end = (start + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = start;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    start..end.max(start)
}

fn offset_of_line_col(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(column.saturating_sub(1))
                    .map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// serde-saphyr appends " at line X column Y"; codespan shows the position itself.
fn strip_location_suffix(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].trim_end_matches(',').to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests;
