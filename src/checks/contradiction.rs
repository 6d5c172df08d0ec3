//! contradiction: two claims of one fact that cannot both be true for the same time —
//! different values in one article, anywhere for a `stable` fact, or in articles of the
//! same date.

use std::collections::{BTreeMap, HashSet};

use super::support::{claim_location, describe, reference};
use super::{Check, CheckInfo, Context};
use crate::extract::Claim;
use crate::finding::{Finding, Kind, Severity};

pub struct Contradiction;

impl Check for Contradiction {
    fn info(&self) -> CheckInfo {
        CheckInfo {
            id: "contradiction",
            kind: Kind::Contradiction,
            default_severity: Severity::Error,
            summary: "two claims of a fact that cannot both be true",
            explanation: "Reported when two claims of one fact have values that cannot both be \
                true for the same time: two different values in one article, different values \
                of a `stable` fact anywhere in the corpus, or different values in articles of \
                the same date. Compatible values never conflict: overlapping ranges, a bound \
                that admits the other value, or an approximate value within 10%.",
            fact_check: true,
        }
    }

    fn run(&self, ctx: &Context) -> Vec<Finding> {
        let info = self.info();
        let mut findings = Vec::new();
        for (fact, claims) in ctx.claims_by_fact() {
            let resolved: Vec<&Claim> = claims.iter().filter(|c| c.value.is_ok()).collect();
            let mut groups: Vec<(Vec<&Claim>, &str)> = Vec::new();
            if fact.stable {
                groups.push((resolved.clone(), "a stable fact has one value"));
            } else {
                let mut by_article: BTreeMap<(usize, Option<jiff::civil::Date>), Vec<&Claim>> =
                    BTreeMap::new();
                let mut by_date: BTreeMap<jiff::civil::Date, Vec<&Claim>> = BTreeMap::new();
                for c in &resolved {
                    by_article
                        .entry((c.article, c.speaks_for))
                        .or_default()
                        .push(c);
                    if let Some(d) = c.speaks_for {
                        by_date.entry(d).or_default().push(c);
                    }
                }
                for (_, g) in by_article {
                    groups.push((g, "one article gives two values"));
                }
                for (_, g) in by_date {
                    groups.push((g, "articles of the same date give different values"));
                }
            }
            let mut reported: HashSet<(usize, usize)> = HashSet::new();
            for (group, why) in groups {
                let Some(reference) = reference(ctx, &group) else {
                    continue;
                };
                let Ok(ref_value) = &reference.value else {
                    continue;
                };
                for claim in &group {
                    let Ok(value) = &claim.value else { continue };
                    if !ctx.conflicts(value, ref_value)
                        || !reported.insert((claim.article, claim.span.start))
                    {
                        continue;
                    }
                    findings.push(Finding {
                        kind: Kind::Contradiction,
                        rule: fact.id.clone().into(),
                        severity: ctx.severity(&info, Some(fact)),
                        message: format!(
                            "contradiction: {} is {value} here but {ref_value} in {}",
                            describe(fact),
                            ctx.articles[reference.article].display
                        )
                        .into(),
                        locations: vec![
                            claim_location(ctx.articles, claim, "claims "),
                            claim_location(ctx.articles, reference, "claims "),
                        ],
                        notes: std::iter::once(format!(
                            "{why}; {value} and {ref_value} cannot both be true"
                        ))
                        .chain(ctx.conversion_note(ref_value, value))
                        .map(Into::into)
                        .collect(),
                        help: Some(if fact.stable {
                            "correct the article that is wrong; this fact never changes".into()
                        } else {
                            "correct one of the claims, or give the rule a `timeline` if the \
                             value changed"
                                .to_string()
                                .into()
                        }),
                    });
                }
            }
        }
        findings
    }
}
