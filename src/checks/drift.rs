//! drift: a fact's value changes between articles of different dates and the rule has no
//! timeline (or expected value) that explains it.

use super::support::{ClaimLocations, dated_in_order, describe};
use super::{Check, CheckInfo, Context};
use crate::extract::Claim;
use crate::finding::{Finding, Kind, Severity, Text};

pub struct Drift;

impl Check for Drift {
    fn info(&self) -> CheckInfo {
        CheckInfo {
            id: "drift",
            kind: Kind::Drift,
            default_severity: Severity::Warning,
            summary: "a value changes across articles and no timeline explains it",
            explanation: "Reported when claims of a fact differ between articles of different \
                dates and the rule has neither a `timeline` nor an `expect` value (those facts \
                get `stale` and `off-record` instead), and is neither `stable` (that is a \
                contradiction) nor `monotonic` in the direction of the change. Maybe the fact \
                changed, maybe an article is wrong: record the change in the rule's timeline or \
                correct the article.",
            fact_check: true,
        }
    }

    fn run(&self, ctx: &Context) -> Vec<Finding> {
        let info = self.info();
        ctx.each_fact(|fact, claims| {
            let mut findings = Vec::new();
            if fact.stable
                || fact.monotonic.is_some()
                || !fact.timeline.is_empty()
                || fact.expect.is_some()
            {
                return Vec::new();
            }
            let dated = dated_in_order(claims);
            // What the findings of this fact say alike is made once and shared.
            let rule: Text = fact.id.as_str().into();
            let severity = ctx.severity(&info, Some(fact)).min(Severity::Warning);
            let note: Text = "the rule has no timeline saying when the value changed".into();
            let help: Text = format!(
                "if the value really changed, add `timeline:` entries to `{}`; otherwise \
                 correct the article that is wrong",
                fact.id
            )
            .into();
            let (mut now, mut before) =
                (ClaimLocations::new("now "), ClaimLocations::new("before "));
            let mut current: Option<&Claim> = None;
            for claim in dated {
                let Some(prev) = current else {
                    current = Some(claim);
                    continue;
                };
                let (Ok(v), Ok(pv)) = (&claim.value, &prev.value) else {
                    continue;
                };
                if claim.speaks_for == prev.speaks_for || !ctx.conflicts(v, pv) {
                    current = Some(claim);
                    continue;
                }
                let expected_direction = match fact.monotonic {
                    Some(crate::rules::Monotonic::Increasing) => pv.definitely_below(v),
                    Some(crate::rules::Monotonic::Decreasing) => v.definitely_below(pv),
                    None => false,
                };
                if !expected_direction {
                    findings.push(Finding {
                        kind: Kind::Drift,
                        rule: rule.clone(),
                        severity,
                        message: format!("drift: {} changed from {pv} to {v}", describe(fact))
                            .into(),
                        locations: vec![now.of(ctx.articles, claim), before.of(ctx.articles, prev)],
                        notes: vec![note.clone()],
                        help: Some(help.clone()),
                    });
                }
                current = Some(claim);
            }
            findings
        })
    }
}
