//! Checks: each one a small module behind the [`Check`] trait. Fact checks compare claims;
//! the built-in cross-article checks read the articles themselves. The registry below is the
//! only place that lists them.

mod contradiction;
mod drift;
mod hygiene;
mod off_record;
mod quotes;
mod regression;
mod stale;
mod support;
mod terms;
mod text;
mod titles;
mod unresolved;

use crate::article::Article;
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

/// Everything a check may look at.
pub struct Context<'a> {
    pub articles: &'a [Article],
    pub rules: &'a RuleSet,
    /// Claims sorted by (fact, article, position).
    pub claims: &'a [Claim],
}

impl Context<'_> {
    /// The claims of each fact, in fact order.
    pub fn claims_by_fact(&self) -> impl Iterator<Item = (&Fact, &[Claim])> {
        self.claims
            .chunk_by(|a, b| a.fact == b.fact)
            .map(|group| (&self.rules.facts[group[0].fact], group))
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
        if let Some(s) = self.rules.check_config(info.id).severity {
            return s;
        }
        match fact.and_then(|f| f.severity) {
            Some(s) if info.default_severity >= Severity::Warning => s,
            _ => info.default_severity,
        }
    }
}

pub trait Check: Sync {
    fn info(&self) -> CheckInfo;
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

/// Runs every enabled check and returns findings in a stable order.
pub fn run_all(ctx: &Context) -> Vec<Finding> {
    use rayon::prelude::*;
    let checks = all();
    let mut findings: Vec<Finding> = checks
        .par_iter()
        .filter(|c| ctx.rules.check_config(c.info().id).enabled != Some(false))
        .flat_map_iter(|c| c.run(ctx))
        .collect();
    sort_findings(ctx.articles, &mut findings);
    findings
}

/// Orders findings by primary location (file, position), then kind and rule.
pub fn sort_findings(articles: &[Article], findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            let p = f.primary();
            (
                p.map(|l| articles[l.article].display.clone()),
                p.map(|l| l.span.start),
                f.kind,
                f.rule.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
}
