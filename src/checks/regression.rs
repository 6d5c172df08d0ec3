//! regression: a `monotonic` fact whose value goes the wrong way as dates go up.

use super::support::{claim_location, dated_in_order, describe};
use super::{Check, CheckInfo, Context};
use crate::extract::Claim;
use crate::finding::{Finding, Kind, Severity};
use crate::rules::Monotonic;

pub struct Regression;

impl Check for Regression {
    fn info(&self) -> CheckInfo {
        CheckInfo {
            id: "regression",
            kind: Kind::Regression,
            default_severity: Severity::Error,
            summary: "a monotonic value goes the wrong way over time",
            explanation: "For facts marked `monotonic: increasing` (visit counts, tolls) a \
                claim whose value is below a claim of an earlier date is reported, and the \
                reverse for `decreasing`. Claims are ordered by the date they speak for; \
                undated claims cannot be ordered and are not compared.",
            fact_check: true,
        }
    }

    fn run(&self, ctx: &Context) -> Vec<Finding> {
        let info = self.info();
        let mut findings = Vec::new();
        for (fact, claims) in ctx.claims_by_fact() {
            let Some(direction) = fact.monotonic else {
                continue;
            };
            let dated = dated_in_order(claims);
            // `peak` is the most extreme claim of a strictly earlier date.
            let mut peak: Option<&Claim> = None;
            let mut pending: Option<&Claim> = None;
            let mut i = 0;
            while i < dated.len() {
                let date = dated[i].speaks_for;
                let start = i;
                while i < dated.len() && dated[i].speaks_for == date {
                    i += 1;
                }
                for claim in &dated[start..i] {
                    let Some(p) = peak else { continue };
                    let (Ok(v), Ok(pv)) = (&claim.value, &p.value) else {
                        continue;
                    };
                    let wrong = match direction {
                        Monotonic::Increasing => v.definitely_below(pv),
                        Monotonic::Decreasing => pv.definitely_below(v),
                    };
                    if wrong {
                        findings.push(Finding {
                            kind: Kind::Regression,
                            rule: fact.id.clone().into(),
                            severity: ctx.severity(&info, Some(fact)),
                            message: format!(
                                "regression: {} went from {pv} to {v}, but it only {}",
                                describe(fact),
                                match direction {
                                    Monotonic::Increasing => "increases",
                                    Monotonic::Decreasing => "decreases",
                                }
                            )
                            .into(),
                            locations: vec![
                                claim_location(ctx.articles, claim, "claims "),
                                claim_location(ctx.articles, p, "earlier claim "),
                            ],
                            notes: vec![
                                format!(
                                    "{} is dated {} and {} is dated {}",
                                    ctx.articles[p.article].display,
                                    p.speaks_for.map(|d| d.to_string()).unwrap_or_default(),
                                    ctx.articles[claim.article].display,
                                    claim.speaks_for.map(|d| d.to_string()).unwrap_or_default(),
                                )
                                .into(),
                            ],
                            help: Some(
                                "one of the two counts is wrong, or an article's date is".into(),
                            ),
                        });
                    }
                }
                for claim in &dated[start..i] {
                    let better = match (pending.map(|p| &p.value), &claim.value) {
                        (None, _) => true,
                        (Some(Ok(pv)), Ok(v)) => match direction {
                            Monotonic::Increasing => pv.definitely_below(v),
                            Monotonic::Decreasing => v.definitely_below(pv),
                        },
                        _ => false,
                    };
                    if better {
                        pending = Some(claim);
                    }
                }
                peak = pending;
            }
        }
        findings
    }
}
