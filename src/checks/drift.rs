//! drift: a fact's value changes between articles of different dates and the rule has no
//! timeline (or expected value) that explains it.

use super::support::{ClaimLocations, dated_in_order, describe, reference};
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
            // Each date is compared with the date before by the value its claims agree on
            // most (see `reference`): articles of one date that differ are a contradiction,
            // and which of them stood for the date must not depend on the order of the files.
            let mut previous: Option<&Claim> = None;
            for group in dated.chunk_by(|a, b| a.speaks_for == b.speaks_for) {
                let Some(claim) = reference(ctx, group) else {
                    continue;
                };
                let Some(prev) = previous.replace(claim) else {
                    continue;
                };
                let (Ok(v), Ok(pv)) = (&claim.value, &prev.value) else {
                    continue;
                };
                if !ctx.conflicts(v, pv) {
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
            }
            findings
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::support::run_on_dated;

    /// The drift findings of articles given as (date, count), named in their order.
    fn drifts(articles: &[(&str, u32)]) -> Vec<String> {
        let loaded = crate::rules::load_str(
            "r.yaml",
            "facts:\n  - id: jobs\n    type: count\n    patterns: ['cut {value} jobs']\n",
        );
        let names = ["a.md", "b.md", "c.md", "d.md"];
        let texts: Vec<(&str, &str, String)> = (names.iter().zip(articles))
            .map(|(name, &(date, n))| (*name, date, format!("The plant cut {n} jobs.")))
            .collect();
        let (_, _, findings) = run_on_dated(&Drift, &loaded.rules, &texts);
        findings.iter().map(|f| f.message.to_string()).collect()
    }

    #[test]
    fn each_date_stands_by_the_value_its_articles_agree_on_in_any_order() {
        // Two articles of the first date differ (a contradiction); the next date agrees with
        // the one two articles of the first date give: no drift, whichever file comes first.
        for first_date in [[120, 90, 120], [90, 120, 120]] {
            let mut articles: Vec<(&str, u32)> =
                first_date.iter().map(|&n| ("2025-01-01", n)).collect();
            articles.push(("2025-01-02", 120));
            let found = drifts(&articles);
            assert!(found.is_empty(), "{first_date:?}: {found:?}");
        }
        // As many give each: the same one stands for the date in either order (the value
        // that prints first, "120"), so the next date's 120 is no drift in either.
        let one = drifts(&[("2025-01-01", 90), ("2025-01-01", 120), ("2025-01-02", 120)]);
        let other = drifts(&[("2025-01-01", 120), ("2025-01-01", 90), ("2025-01-02", 120)]);
        assert!(one.is_empty() && other.is_empty(), "{one:?} {other:?}");
        // A change between dates is drift.
        let found = drifts(&[("2025-01-01", 90), ("2025-01-02", 120)]);
        assert_eq!(found, ["drift: jobs changed from 90 to 120"]);
    }
}
