//! stale: a claim that matches a timeline value already replaced at the claim's date.

use super::support::{claim_location, describe};
use super::{Check, CheckInfo, Context};
use crate::finding::{Finding, Kind, Severity};

pub struct Stale;

impl Check for Stale {
    fn info(&self) -> CheckInfo {
        CheckInfo {
            id: "stale",
            kind: Kind::Stale,
            default_severity: Severity::Error,
            summary: "a claim repeats a value the timeline says was already replaced",
            explanation: "Reported when a fact has a `timeline` and a claim matches an earlier \
                entry of it, although a later entry was already in force at the date the \
                claim speaks for (the article's date, or the date given in the text). Before \
                the first entry of a timeline nothing is known, so nothing is stale.",
            fact_check: true,
        }
    }

    fn run(&self, ctx: &Context) -> Vec<Finding> {
        let info = self.info();
        let mut findings = Vec::new();
        for (fact, claims) in ctx.claims_by_fact() {
            if fact.timeline.is_empty() {
                continue;
            }
            for claim in claims {
                let (Ok(value), Some(date)) = (&claim.value, claim.speaks_for) else {
                    continue;
                };
                let Some((k, current)) = fact.in_force(date) else {
                    continue;
                };
                if !ctx.conflicts(value, &current.value) {
                    continue;
                }
                let Some(old) = fact.timeline[..k]
                    .iter()
                    .rev()
                    .find(|e| !ctx.conflicts(value, &e.value))
                else {
                    continue;
                };
                findings.push(Finding {
                    kind: Kind::Stale,
                    rule: fact.id.clone().into(),
                    severity: ctx.severity(&info, Some(fact)),
                    message: format!(
                        "stale: {} was {} from {}, but {} since {}",
                        describe(fact),
                        old.value,
                        old.since,
                        current.value,
                        current.since
                    )
                    .into(),
                    locations: vec![claim_location(ctx.articles, claim, "claims ")],
                    notes: vec![
                        format!(
                            "the claim speaks for {date}; the rule's timeline has {} in force then",
                            current.value
                        )
                        .into(),
                    ],
                    help: Some(
                        format!(
                            "update the claim to {} (or fix the rule's timeline)",
                            current.value
                        )
                        .into(),
                    ),
                });
            }
        }
        findings
    }
}
