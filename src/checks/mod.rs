//! Checks: each one a small module behind the [`Check`] trait. Fact checks compare claims;
//! the built-in cross-article checks read the articles themselves. The registry below is the
//! only place that lists them.

mod contradiction;
mod drift;
mod gathered;
mod hygiene;
mod mentions;
mod off_record;
mod places;
mod quotes;
mod regression;
mod spelling;
mod spill;
mod stale;
mod support;
mod terms;
mod text;
mod titles;
mod unresolved;

use std::any::Any;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub use gathered::{Gathered, Store, store_of};

use crate::article::{Article, Placements};
use crate::extract::Claim;
use crate::finding::{Finding, Kind, Severity};
use crate::rules::{Fact, RuleSet};
use crate::values::{Magnitude, Qualifier, Value};

/// What a check is, for `newslint rules` / `explain`, SARIF rule metadata and settings.
#[derive(Clone, Copy, Debug)]
pub struct CheckInfo {
    /// The id used in `checks:` settings and suppression comments.
    pub id: &'static str,
    pub kind: Kind,
    pub default_severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// A paragraph for `newslint explain`.
    pub explanation: &'static str,
    /// True for checks over fact claims (findings carry the fact id as their rule).
    pub fact_check: bool,
}

/// What a check prepared for its scans.
pub type Prepared = Option<Box<dyn Any + Send + Sync>>;

/// A map hashed with a fast hasher, for maps looked up for every mention or use of an
/// archive whose order never reaches the output.
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// A set hashed as [`FastMap`] is.
pub type FastSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;

/// The enabled checks with what each prepared, built once per run.
pub struct ScanPlan {
    checks: Vec<(Box<dyn Check>, bool, Prepared)>,
}

impl ScanPlan {
    pub fn new(rules: &RuleSet) -> ScanPlan {
        ScanPlan {
            checks: all()
                .into_iter()
                .map(|c| {
                    let on = enabled(rules, c.as_ref());
                    let prepared = if on { c.prepare(rules) } else { None };
                    (c, on, prepared)
                })
                .collect(),
        }
    }
}

/// What a check keeps from one article while its text is loaded: findings that need no other
/// article, and compact data for the cross-article phase (the text itself is not kept).
#[derive(Default)]
pub struct Scan {
    pub findings: Vec<Finding>,
    pub data: Option<Box<dyn Any + Send + Sync>>,
}

impl Scan {
    /// A scan that keeps `data` for the cross-article phase (nothing when it is empty). It
    /// is handed to the check's [`Check::gather`], which copies what it keeps into its store:
    /// no need to trim it here.
    pub fn keep<T: Send + Sync + 'static>(data: Vec<T>) -> Scan {
        Scan {
            findings: Vec::new(),
            data: (!data.is_empty()).then(|| Box::new(data) as _),
        }
    }
}

/// The scans of every check over every article: `data[check]` is what the check gathered
/// (see [`Check::gather`]), until the check takes it ([`Context::take_gathered`]).
pub struct Scans {
    pub data: Vec<Mutex<Store>>,
    pub findings: Vec<Finding>,
    /// What each check prepared for its scans (and may have filled in, such as a table of
    /// names the scans refer to by number), in [`all`] order.
    pub prepared: Vec<Prepared>,
    /// Where findings point, as the checks noted it while the texts were loaded (see
    /// [`Context::place`]).
    pub placed: Mutex<Placements>,
}

/// Where the claims of one fact that `found` points at are, as extraction noted it while
/// the text was loaded: an article whose findings all point at such places is shown without
/// reading its file again. `claims` are in order of article and start.
fn claims_placed(claims: &[Claim], found: &[Finding]) -> Placements {
    let mut pointed: Vec<usize> = found
        .iter()
        .flat_map(|f| &f.locations)
        .filter_map(|l| {
            let at = (l.article, l.span.start);
            let first = claims.partition_point(|c| (c.article, c.span.start) < at);
            let mut alike = claims[first..]
                .iter()
                .take_while(|c| (c.article, c.span.start) == at);
            alike.position(|c| c.span == l.span).map(|i| first + i)
        })
        .collect();
    // A claim can be in hundreds of findings (the value the others contradict).
    pointed.sort_unstable();
    pointed.dedup();
    let mut placed = Placements::default();
    placed.reserve_exact(pointed.len());
    for c in pointed.into_iter().map(|i| &claims[i]) {
        let [line, column] = c.place;
        if line > 0 {
            placed.add(
                c.article,
                c.span.start,
                line as usize,
                column as usize,
                &c.raw,
            );
        }
    }
    placed
}

/// Everything a check may look at in its cross-article phase. Article texts may have been
/// released by then: use what the scan kept.
pub struct Context<'a> {
    pub articles: &'a [Article],
    pub rules: &'a RuleSet,
    /// Claims sorted by (fact, article, position).
    pub claims: &'a [Claim],
    pub scans: &'a Scans,
}

impl Context<'_> {
    /// What the check `check` prepared for its scans.
    pub fn prepared<T: 'static>(&self, check: &str) -> Option<&T> {
        let index = all().iter().position(|c| c.info().id == check)?;
        self.scans
            .prepared
            .get(index)?
            .as_ref()?
            .downcast_ref::<T>()
    }

    /// True when the check at `index` in [`all`] has gathered data not taken yet.
    fn holds_gathered(&self, index: usize) -> bool {
        self.scans.data.get(index).is_some_and(|store| {
            store
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .is_some()
        })
    }

    /// What the check `check` gathered from its scans, as its own [`Check::gather`] stored it.
    /// Taken, not lent: these are the largest tables of a run, and the check lets go of its
    /// own as soon as it is done with it rather than when every check is (so a check's
    /// cross-article pass finds its data only once).
    pub fn take_gathered<S: 'static>(&self, check: &str) -> Option<Box<S>> {
        let index = all().iter().position(|c| c.info().id == check)?;
        let mut slot = self
            .scans
            .data
            .get(index)?
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match slot.take()?.downcast::<S>() {
            Ok(data) => Some(data),
            // Not what was asked for: left where it was.
            Err(other) => {
                *slot = Some(other);
                None
            }
        }
    }

    /// Hands over where some of the findings' locations are, noted while the texts were
    /// loaded: an article whose findings all point at such places is not read again to
    /// show them.
    pub fn place(&self, found: Placements) {
        self.scans
            .placed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .append(found);
    }

    /// The claims of each fact, in fact order.
    pub fn claims_by_fact(&self) -> impl Iterator<Item = (&Fact, &[Claim])> {
        self.claims
            .chunk_by(|a, b| a.fact == b.fact)
            .map(|group| (&self.rules.facts[group[0].fact], group))
    }

    /// What `check` finds in the claims of each fact, facts side by side, joined in fact
    /// order. No fact's findings depend on another's, and a pack of hundreds of rules has as
    /// many groups to share out. Where the claims the findings point at are is handed over
    /// (see `claims_placed`).
    pub fn each_fact(
        &self,
        check: impl Fn(&Fact, &[Claim]) -> Vec<Finding> + Sync,
    ) -> Vec<Finding> {
        use rayon::prelude::*;
        let facts: Vec<(&Fact, &[Claim])> = self.claims_by_fact().collect();
        let found: Vec<Vec<Finding>> = facts
            .par_iter()
            .map(|&(fact, claims)| {
                let found = check(fact, claims);
                self.place(claims_placed(claims, &found));
                found
            })
            .collect();
        // Made to size: a fact can have hundreds of thousands of findings.
        let mut all = Vec::with_capacity(found.iter().map(Vec::len).sum());
        for mut some in found {
            all.append(&mut some);
        }
        all
    }

    /// True when two values cannot both be true. Amounts in different currencies are
    /// compared only when the configuration gives an exchange rate (`fx:`), after converting
    /// the second into the first's currency, within the configured tolerance.
    pub fn conflicts(&self, a: &Value, b: &Value) -> bool {
        match self.convert(a, b) {
            Some(converted) => {
                let (Magnitude::Money { amount: x, .. }, Magnitude::Money { amount: y, .. }) =
                    (&a.magnitude, &converted.magnitude)
                else {
                    return a.conflicts_with(b);
                };
                if a.qualifier == Qualifier::Exact && converted.qualifier == Qualifier::Exact {
                    let scale = x.abs().max(y.abs());
                    (x - y).abs() > self.rules.fx_tolerance * scale
                } else {
                    a.conflicts_with(&converted)
                }
            }
            None => a.conflicts_with(b),
        }
    }

    /// `b` converted into `a`'s currency, when both are amounts in different currencies
    /// and a rate is configured.
    pub fn convert(&self, a: &Value, b: &Value) -> Option<Value> {
        let (
            Magnitude::Money { currency: ca, .. },
            Magnitude::Money {
                currency: cb,
                amount,
            },
        ) = (&a.magnitude, &b.magnitude)
        else {
            return None;
        };
        if ca == cb {
            return None;
        }
        let rate = self.rules.fx_rate(cb, ca)?;
        Some(Value {
            qualifier: b.qualifier,
            magnitude: Magnitude::Money {
                currency: ca.clone(),
                amount: amount * rate,
            },
        })
    }

    /// A note showing a currency conversion, when one was used to compare `a` and `b`.
    pub fn conversion_note(&self, a: &Value, b: &Value) -> Option<String> {
        let converted = self.convert(a, b)?;
        Some(format!(
            "{b} converted at the configured rate is {converted} (tolerance {}%)",
            self.rules.fx_tolerance * 100.0
        ))
    }

    /// The level of a finding of `info` for `fact`: a check level set in `checks:` wins, then
    /// the fact's own `severity`, then the check's default.
    pub fn severity(&self, info: &CheckInfo, fact: Option<&Fact>) -> Severity {
        severity_for(self.rules, info, fact)
    }
}

/// An article while the checks scan it, with what several checks read of it worked out once.
pub struct Reading<'a> {
    pub article: &'a Article,
    quotations: std::sync::OnceLock<Vec<std::ops::Range<usize>>>,
}

impl<'a> Reading<'a> {
    pub fn new(article: &'a Article) -> Reading<'a> {
        Reading {
            article,
            quotations: std::sync::OnceLock::new(),
        }
    }

    /// The quoted passages of the body, in order (see `text::quotation_spans`).
    pub fn quotations(&self) -> &[std::ops::Range<usize>] {
        self.quotations.get_or_init(|| {
            text::quotation_spans(
                &self.article.text,
                self.article.body_start..self.article.text.len(),
            )
        })
    }
}

pub trait Check: Send + Sync {
    fn info(&self) -> CheckInfo;
    /// Work done once per run before the scans (compiled tables and the like), handed to
    /// every [`Check::scan`] call.
    fn prepare(&self, _rules: &RuleSet) -> Prepared {
        None
    }
    /// The per-article pass, run in parallel while the article's text is loaded.
    fn scan(&self, _reading: &Reading, _rules: &RuleSet, _prepared: &Prepared) -> Scan {
        Scan::default()
    }
    /// Takes what the scan of `article` kept into the check's store for the run (articles
    /// come in order, one at a time). By default each article's data is kept as it is, in a
    /// `Gathered<Box<dyn Any + Send + Sync>>` (see [`Context::take_gathered`]); a check that keeps
    /// data from most articles of an archive stores it more compactly.
    fn gather(&self, store: &mut Store, article: usize, data: Box<dyn Any + Send + Sync>) {
        if let Some(kept) = store_of::<Gathered<Box<dyn Any + Send + Sync>>>(store) {
            kept.push(article, [data]);
        }
    }
    /// The cross-article pass.
    fn run(&self, ctx: &Context) -> Vec<Finding>;
}

/// Every check, in reporting order.
pub fn all() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(contradiction::Contradiction),
        Box::new(stale::Stale),
        Box::new(off_record::OffRecord),
        Box::new(regression::Regression),
        Box::new(drift::Drift),
        Box::new(unresolved::Unresolved),
        Box::new(titles::Titles),
        Box::new(terms::Terms),
        Box::new(quotes::Quotes),
        Box::new(hygiene::Hygiene),
    ]
}

pub fn is_known(id: &str) -> bool {
    all().iter().any(|c| c.info().id == id)
}

pub fn known_ids() -> Vec<&'static str> {
    all().iter().map(|c| c.info().id).collect()
}

/// See [`Context::severity`].
pub fn severity_for(rules: &RuleSet, info: &CheckInfo, fact: Option<&Fact>) -> Severity {
    if let Some(s) = rules.check_config(info.id).severity {
        return s;
    }
    match fact.and_then(|f| f.severity) {
        Some(s) if info.default_severity >= Severity::Warning => s,
        _ => info.default_severity,
    }
}

fn enabled(rules: &RuleSet, check: &dyn Check) -> bool {
    rules.check_config(check.info().id).enabled != Some(false)
}

/// The per-article pass of every enabled check over one article. Findings and data carry
/// the article's id as it is when scanned.
pub fn scan_article(article: &Article, rules: &RuleSet, plan: &ScanPlan) -> Vec<(usize, Scan)> {
    let reading = Reading::new(article);
    // Only scans that found something are kept: most articles keep nothing.
    plan.checks
        .iter()
        .enumerate()
        .filter(|(_, (_, on, _))| *on)
        .map(|(i, (c, _, prepared))| (i, c.scan(&reading, rules, prepared)))
        .filter(|(_, scan)| !scan.findings.is_empty() || scan.data.is_some())
        .collect()
}

impl Default for Scans {
    fn default() -> Scans {
        Scans::new()
    }
}

impl Scans {
    /// No scan yet, with room for every check.
    pub fn new() -> Scans {
        Scans {
            data: (0..all().len()).map(|_| Mutex::new(None)).collect(),
            findings: Vec::new(),
            prepared: Vec::new(),
            placed: Mutex::default(),
        }
    }

    /// Adds the scans of article `article` (each as (check index, scan)); articles come in
    /// order. Taken as each chunk of files is done, so no second list of every article's
    /// scans is ever held.
    pub fn add(&mut self, plan: &ScanPlan, article: usize, list: Vec<(usize, Scan)>) {
        for (i, scan) in list {
            self.findings.extend(scan.findings);
            if let Some(d) = scan.data
                && let (Some(store), Some((check, _, _))) =
                    (self.data.get_mut(i), plan.checks.get(i))
            {
                let store = store
                    .get_mut()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                check.gather(store, article, d);
            }
        }
    }

    /// Takes over what the plan prepared, once every article was added.
    pub fn finish(mut self, plan: ScanPlan) -> Scans {
        self.prepared = plan.checks.into_iter().map(|(_, _, p)| p).collect();
        self
    }
}

/// Runs the cross-article pass of every enabled check; returns all findings (scan findings
/// included) in the order of the checks, the same on every run. They are not sorted here:
/// the caller sorts them once, after suppression has added its own (see [`sort_findings`];
/// it keeps this order among findings alike in place, kind and rule).
pub fn run_all(ctx: &Context) -> Vec<Finding> {
    run_all_timed(ctx).0
}

/// As [`run_all`], with how long each check's pass took (for `--stats`). The checks with
/// gathered data run one after the other, the others beside them.
pub fn run_all_timed(ctx: &Context) -> (Vec<Finding>, Vec<(&'static str, Duration)>) {
    use rayon::prelude::*;
    let timed = |c: &dyn Check| {
        let started = Instant::now();
        let found = c.run(ctx);
        (found, (c.info().id, started.elapsed()))
    };
    let (gathered, others): (Vec<_>, Vec<_>) = all()
        .into_iter()
        .enumerate()
        .filter(|(_, c)| enabled(ctx.rules, c.as_ref()))
        .partition(|(i, _)| ctx.holds_gathered(*i));
    // The checks with gathered data run one after the other, each letting go of its data
    // when done: side by side, the tables each builds from its data would all be in memory
    // at once with all of the data. The others run beside them. The terms pass runs last:
    // on an archive it makes the most findings (a minority spelling used hundreds of
    // thousands of times), which would otherwise be held while the quotes pass builds its
    // index, the largest table of the run. (The order of the findings does not depend on
    // it: they are sorted by place, kind and rule, and no two checks share a rule.)
    let mut gathered = gathered;
    gathered.sort_by_key(|(_, c)| c.info().id == "terms");
    let ((mut findings, mut times), (rest, other_times)) = rayon::join(
        || {
            // Appended with room for exactly what comes: a check can find hundreds of
            // thousands of things, and a list grown by doubling holds up to twice that.
            let mut times = Vec::with_capacity(gathered.len());
            let all = gathered.iter().fold(Vec::new(), |mut all, (_, c)| {
                let (mut found, time) = timed(c.as_ref());
                times.push(time);
                all.reserve_exact(found.len());
                all.append(&mut found);
                // The check let go of its tables: the next one builds its own.
                crate::memory::release();
                all
            });
            (all, times)
        },
        || {
            let each: Vec<(Vec<Finding>, (&'static str, Duration))> =
                others.par_iter().map(|(_, c)| timed(c.as_ref())).collect();
            let times = each.iter().map(|(_, time)| *time).collect::<Vec<_>>();
            (
                each.into_iter()
                    .flat_map(|(found, _)| found)
                    .collect::<Vec<_>>(),
                times,
            )
        },
    );
    findings.reserve_exact(rest.len() + ctx.scans.findings.len());
    findings.extend(rest);
    findings.extend(ctx.scans.findings.iter().cloned());
    times.extend(other_times);
    (findings, times)
}

/// Orders findings by primary location (file, position), then kind and rule.
pub fn sort_findings(articles: &[Article], findings: &mut [Finding]) {
    use rayon::prelude::*;
    // A run over an archive can sort hundreds of thousands of findings. They are put in
    // order by small keys, then each is moved once: moving findings (over a hundred bytes
    // each) at every step of a sort, and looking up their paths' ranks and comparing their
    // rules' names at every comparison, took most of the step. Paths and rules are ranked
    // once each.
    let rank = display_ranks(articles);
    let mut rule_rank: FastMap<&str, usize> = FastMap::default();
    for f in findings.iter() {
        rule_rank.entry(&f.rule).or_default();
    }
    let mut rules: Vec<&str> = rule_rank.keys().copied().collect();
    rules.sort_unstable();
    for (i, rule) in rules.iter().enumerate() {
        rule_rank.insert(rule, i);
    }
    // A finding without a location comes before those with one (`None` before `Some`); the
    // place in the list last keeps the order among findings alike (a stable sort).
    let mut keys: Vec<(usize, usize, Kind, usize, usize)> = findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let p = f.primary();
            (
                p.map_or(0, |l| rank[l.article] + 1),
                p.map_or(0, |l| l.span.start + 1),
                f.kind,
                rule_rank[&*f.rule],
                i,
            )
        })
        .collect();
    drop(rule_rank);
    keys.par_sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|k| k.4).collect();
    crate::extract::permute(findings, order);
}

/// Each article's place in the order of the paths shown (the same place for the same path).
/// Articles usually come in that order already, as they were found.
fn display_ranks(articles: &[Article]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    if !articles.windows(2).all(|w| w[0].display <= w[1].display) {
        order.sort_by(|&a, &b| articles[a].display.cmp(&articles[b].display));
    }
    let mut rank = vec![0; articles.len()];
    for pair in order.windows(2) {
        let step = usize::from(articles[pair[0]].display != articles[pair[1]].display);
        rank[pair[1]] = rank[pair[0]] + step;
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The claims of `articles`, in the order a run gives them (fact, article, start).
    fn claims_in_order(articles: &[Article], rules: &RuleSet) -> Vec<Claim> {
        let mut claims: Vec<Claim> = articles
            .iter()
            .flat_map(|a| crate::extract::extract_article(a, rules))
            .collect();
        claims.sort_by_key(|c| (c.fact, c.article, c.span.start));
        claims
    }

    #[test]
    fn each_fact_joins_what_it_finds_in_fact_order() {
        let facts: String = (0..12)
            .map(|i| {
                format!("  - id: f{i}\n    type: count\n    patterns: ['f{i} has {{value}}']\n")
            })
            .collect();
        let loaded = crate::rules::load_str("r.yaml", &format!("facts:\n{facts}"));
        let rules = &loaded.rules;
        // Each article names the facts in another order.
        let articles: Vec<Article> = (0..5)
            .map(|a| {
                let text: String = (0..12)
                    .map(|i| format!("f{} has {a} things. ", (i * 5 + a) % 12))
                    .collect();
                Article::from_bytes(
                    a,
                    std::path::Path::new("a.md"),
                    "a.md".into(),
                    text.as_bytes(),
                )
                .unwrap()
            })
            .collect();
        let claims = claims_in_order(&articles, rules);
        let scans = Scans::new();
        let ctx = Context {
            articles: &articles,
            rules,
            claims: &claims,
            scans: &scans,
        };
        let found = ctx.each_fact(|fact, claims| {
            claims
                .iter()
                .map(|c| Finding {
                    kind: Kind::Contradiction,
                    rule: fact.id.as_str().into(),
                    severity: Severity::Error,
                    message: c.raw.to_string().into(),
                    locations: Vec::new(),
                    notes: Vec::new(),
                    help: None,
                })
                .collect()
        });
        let said: Vec<(String, String)> = found
            .iter()
            .map(|f| (f.rule.to_string(), f.message.to_string()))
            .collect();
        let expected: Vec<(String, String)> = claims
            .iter()
            .map(|c| (format!("f{}", c.fact), c.raw.to_string()))
            .collect();
        assert_eq!(said.len(), 60);
        assert_eq!(said, expected);
    }

    #[test]
    fn findings_at_claims_are_shown_without_reading_their_files_again() {
        let loaded = crate::rules::load_str(
            "r.yaml",
            "facts:\n  - id: review\n    type: year\n    stable: true\n    patterns: ['reviewed in {value}']\n  - id: rate\n    type: percent\n    stable: true\n    patterns: ['rate of {value}']\n",
        );
        let rules = &loaded.rules;
        let dir = tempfile::tempdir().unwrap();
        let bodies = [
            "Été: the pact is reviewed in 2026, at a rate of 25%.",
            "Later.\nThe pact is reviewed in 2027; ça, a rate of 30%.",
            // A value over a line break is not noted: its file must be read again.
            "A rate of 35\n%.",
        ];
        for (i, body) in bodies.iter().enumerate() {
            let text = format!("---\ndate: 2025-01-0{}\n---\n{body}\n", i + 1);
            std::fs::write(dir.path().join(format!("{i}.md")), text).unwrap();
        }
        let (files, errors) = crate::discover::discover(&[dir.path().to_path_buf()], false);
        assert!(errors.is_empty());
        let mut articles: Vec<Article> = files
            .into_iter()
            .enumerate()
            .map(|(id, f)| {
                let mut article = crate::discover::load_one(f, u64::MAX).unwrap();
                article.id = id;
                article
            })
            .collect();
        let claims = claims_in_order(&articles, rules);
        // Where each claim is, and what it says, while the texts are loaded.
        type Shown = ((usize, usize), (usize, usize), String);
        let seen: Vec<Shown> = claims
            .iter()
            .map(|c| {
                let a = &articles[c.article];
                let text = a.text[c.span.clone()].to_string();
                (a.line_col(c.span.start), a.line_col(c.span.end), text)
            })
            .collect();
        articles.iter_mut().for_each(Article::release_text);
        let scans = Scans::new();
        let ctx = Context {
            articles: &articles,
            rules,
            claims: &claims,
            scans: &scans,
        };
        let findings = contradiction::Contradiction.run(&ctx);
        // Each claim of each fact is in a finding: 2026 against 2027, and the three rates.
        assert_eq!(findings.len(), 3);
        let mut placed = scans.placed.into_inner().unwrap();
        placed.sort();
        // The files are gone: what is shown can only come from what was noted.
        dir.close().unwrap();
        let (claims, seen) = (&claims, &seen);
        for (id, article) in articles.iter_mut().enumerate() {
            let at: Vec<usize> = (0..claims.len())
                .filter(|&i| claims[i].article == id)
                .collect();
            let offsets: Vec<usize> = at
                .iter()
                .flat_map(|&i| [claims[i].span.start, claims[i].span.end])
                .collect();
            let spans: Vec<std::ops::Range<usize>> =
                at.iter().map(|&i| claims[i].span.clone()).collect();
            article.pin(&offsets, &spans, placed.of(id));
            assert!(
                article.notes()[0].contains("changed"),
                "{:?}",
                article.notes()
            );
            for &i in &at {
                let c = &claims[i];
                let shown = (
                    article.line_col(c.span.start),
                    article.line_col(c.span.end),
                    article.excerpt(c.span.clone()).to_string(),
                );
                if id == 2 {
                    // Read again, from a file no longer there.
                    assert_eq!(shown, ((1, 1), (1, 1), String::new()));
                } else {
                    assert_eq!(shown, seen[i]);
                }
            }
        }
        assert_eq!(seen[1].0, (5, 25));
    }

    proptest::proptest! {
        #[test]
        fn findings_are_ordered_by_the_path_shown_then_place_kind_and_rule(
            paths in proptest::collection::vec(proptest::sample::select(&["a.md", "b.md", "a/b.md", "a-b.md", "B.md"][..]), 1..6),
            found in proptest::collection::vec((0usize..6, 0usize..4, proptest::bool::ANY, proptest::sample::select(&["r1", "r2"][..]), proptest::bool::ANY), 0..24),
        ) {
            let articles: Vec<Article> = paths
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    Article::from_bytes(i, std::path::Path::new(p), (*p).into(), b"text").unwrap()
                })
                .collect();
            let mut findings: Vec<Finding> = found
                .iter()
                .enumerate()
                .map(|(i, &(a, start, drift, rule, located))| Finding {
                    kind: if drift { Kind::Drift } else { Kind::Contradiction },
                    rule: rule.into(),
                    severity: Severity::Error,
                    // Each its own, so that the order among findings alike shows.
                    message: i.to_string().into(),
                    locations: if located {
                        vec![crate::finding::Location {
                            article: a % articles.len(),
                            span: start..start + 1,
                            label: "".into(),
                            value: None,
                        }]
                    } else {
                        Vec::new()
                    },
                    notes: Vec::new(),
                    help: None,
                })
                .collect();
            let mut expected = findings.clone();
            expected.sort_by_key(|f| {
                let p = f.primary();
                (
                    p.map(|l| articles[l.article].display.clone()),
                    p.map(|l| l.span.start),
                    f.kind,
                    f.rule.clone(),
                )
            });
            sort_findings(&articles, &mut findings);
            proptest::prop_assert_eq!(findings, expected);
        }
    }

    /// A check that keeps data but has no store of its own.
    struct Plain;

    impl Check for Plain {
        fn info(&self) -> CheckInfo {
            CheckInfo {
                id: "plain",
                kind: Kind::Hygiene,
                default_severity: Severity::Info,
                summary: "",
                explanation: "",
                fact_check: false,
            }
        }

        fn run(&self, _ctx: &Context) -> Vec<Finding> {
            Vec::new()
        }
    }

    #[test]
    fn gathered_data_is_taken_once_and_only_as_the_type_stored() {
        let mut scans = Scans::new();
        let quotes = all().iter().position(|c| c.info().id == "quotes").unwrap();
        *scans.data[quotes].get_mut().unwrap() = Some(Box::new(7u32));
        let rules = RuleSet::default();
        let ctx = Context {
            articles: &[],
            rules: &rules,
            claims: &[],
            scans: &scans,
        };
        assert!(ctx.holds_gathered(quotes));
        assert_eq!(ctx.take_gathered::<u64>("quotes"), None);
        assert!(ctx.holds_gathered(quotes));
        assert_eq!(ctx.take_gathered::<u32>("quotes").as_deref(), Some(&7));
        // Taken: the check lets go of it when done, and nothing is left behind.
        assert!(!ctx.holds_gathered(quotes));
        assert_eq!(ctx.take_gathered::<u32>("quotes"), None);
        assert_eq!(ctx.take_gathered::<u32>("no such check"), None);
    }

    #[test]
    fn the_default_gather_keeps_each_articles_data_as_it_is() {
        let mut store: Store = None;
        for (article, words) in [(2usize, vec!["a", "b"]), (5, vec!["c"])] {
            let Some(data) = Scan::keep(words).data else {
                panic!("kept data");
            };
            Plain.gather(&mut store, article, data);
        }
        // An article that keeps nothing adds nothing.
        assert!(Scan::keep(Vec::<u8>::new()).data.is_none());
        let store = store.expect("a store was made");
        let kept = store
            .downcast_ref::<Gathered<Box<dyn Any + Send + Sync>>>()
            .expect("the default store");
        let got: Vec<(usize, Vec<&str>)> = kept
            .each()
            .map(|(article, data)| {
                let words = data[0].downcast_ref::<Vec<&str>>().expect("as kept");
                (article, words.clone())
            })
            .collect();
        assert_eq!(got, vec![(2, vec!["a", "b"]), (5, vec!["c"])]);
    }
}
