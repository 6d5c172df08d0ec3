//! regression: a `monotonic` fact whose value goes the wrong way as dates go up.

use super::support::{ClaimLocations, dated_in_order, describe};
use super::{Check, CheckInfo, Context, FastMap};
use crate::extract::Claim;
use crate::finding::{Finding, Kind, Location, Severity, Text};
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
        let help: Text = "one of the two counts is wrong, or an article's date is".into();
        ctx.each_fact(|fact, claims| {
            let mut findings = Vec::new();
            let Some(direction) = fact.monotonic else {
                return Vec::new();
            };
            let dated = dated_in_order(claims);
            // What the findings of this fact say alike is made once and shared: a fact can
            // have hundreds of thousands of findings in an archive.
            let rule: Text = fact.id.as_str().into();
            let severity = ctx.severity(&info, Some(fact));
            let mut locations = ClaimLocations::new("claims ");
            let mut earlier = ClaimLocations::new("earlier claim ");
            // The location of the peak and the messages said against it, by the value
            // claimed as printed: made again when the peak changes.
            let mut against: Option<(&Claim, Location, FastMap<String, Text>)> = None;
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
                    if !wrong {
                        continue;
                    }
                    if against
                        .as_ref()
                        .is_none_or(|(at, ..)| !std::ptr::eq(*at, p))
                    {
                        against = Some((p, earlier.of(ctx.articles, p), FastMap::default()));
                    }
                    let Some((_, peak_location, messages)) = &mut against else {
                        continue;
                    };
                    let location = locations.of(ctx.articles, claim);
                    let printed = location.value.as_deref().unwrap_or_default();
                    let message = match messages.get(printed) {
                        Some(message) => message.clone(),
                        None => {
                            let message: Text = format!(
                                "regression: {} went from {pv} to {v}, but it only {}",
                                describe(fact),
                                match direction {
                                    Monotonic::Increasing => "increases",
                                    Monotonic::Decreasing => "decreases",
                                }
                            )
                            .into();
                            messages.insert(printed.to_string(), message.clone());
                            message
                        }
                    };
                    findings.push(Finding {
                        kind: Kind::Regression,
                        rule: rule.clone(),
                        severity,
                        message,
                        locations: vec![location, peak_location.clone()],
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
                        help: Some(help.clone()),
                    });
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
            findings
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::checks::support::{claim_location, run_on_dated};

    #[test]
    fn findings_against_the_same_peak_share_their_text() {
        let loaded = crate::rules::load_str(
            "r.yaml",
            "facts:\n  - id: visits\n    type: count\n    monotonic: increasing\n    patterns: ['visited {value} times']\n",
        );
        let rules = &loaded.rules;
        // The count climbs to 5, falls back to 3 in three articles (two of the same date),
        // climbs to 8, then falls to 3 again.
        let texts = [
            ("a.md", "2025-01-01", 2),
            ("b.md", "2025-02-01", 5),
            ("c.md", "2025-03-01", 3),
            ("d.md", "2025-03-01", 3),
            ("e.md", "2025-04-01", 3),
            ("f.md", "2025-05-01", 8),
            ("g.md", "2025-06-01", 3),
        ];
        let texts: Vec<(&str, &str, String)> = texts
            .iter()
            .map(|&(path, date, count)| (path, date, format!("She visited {count} times.")))
            .collect();
        let (articles, claims, findings) = run_on_dated(&Regression, rules, &texts);
        assert_eq!(claims.len(), texts.len());
        let pairs: Vec<(usize, usize)> = findings
            .iter()
            .map(|f| (f.locations[0].article, f.locations[1].article))
            .collect();
        assert_eq!(pairs, [(2, 1), (3, 1), (4, 1), (6, 5)]);
        // Each says what a finding made on its own would say.
        for f in &findings {
            let (claim, peak) = (
                &claims[f.locations[0].article],
                &claims[f.locations[1].article],
            );
            assert_eq!(f.locations[0], claim_location(&articles, claim, "claims "));
            assert_eq!(
                f.locations[1],
                claim_location(&articles, peak, "earlier claim ")
            );
            let (v, pv) = (claim.value_text().unwrap(), peak.value_text().unwrap());
            assert_eq!(
                &*f.message,
                format!("regression: visits went from {pv} to {v}, but it only increases")
            );
        }
        let shared = |a: &Text, b: &Text| Arc::ptr_eq(a, b);
        let (c, d, e, g) = (&findings[0], &findings[1], &findings[2], &findings[3]);
        // Against the same peak, the same value shares its message; the same date too, its
        // label. The peak's location is shared until the peak changes.
        assert!(shared(&c.message, &e.message) && !shared(&c.message, &g.message));
        assert!(shared(&c.locations[0].label, &d.locations[0].label));
        assert!(!shared(&c.locations[0].label, &e.locations[0].label));
        assert!(shared(&c.locations[1].label, &e.locations[1].label));
        assert!(!shared(&c.locations[1].label, &g.locations[1].label));
        assert!(shared(&c.rule, &g.rule));
        assert!(shared(c.help.as_ref().unwrap(), g.help.as_ref().unwrap()));
    }
}
