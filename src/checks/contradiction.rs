//! contradiction: two claims of one fact that cannot both be true for the same time —
//! different values in one article, anywhere for a `stable` fact, or in articles of the
//! same date.

use std::collections::BTreeMap;

use super::support::{ClaimLocations, describe, reference};
use super::{Check, CheckInfo, Context, FastMap, FastSet};
use crate::extract::Claim;
use crate::finding::{Finding, Kind, Severity, Text};

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
        ctx.each_fact(|fact, claims| {
            let mut findings = Vec::new();
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
            // What the findings of this fact say alike is made once and shared: a fact can
            // have hundreds of thousands of findings in an archive.
            let rule: Text = fact.id.as_str().into();
            let severity = ctx.severity(&info, Some(fact));
            let help: Text = if fact.stable {
                "correct the article that is wrong; this fact never changes".into()
            } else {
                "correct one of the claims, or give the rule a `timeline` if the value changed"
                    .into()
            };
            let mut locations = ClaimLocations::new("claims ");
            let mut reported: FastSet<(usize, usize)> = FastSet::default();
            for (group, why) in groups {
                let Some(reference) = reference(ctx, &group) else {
                    continue;
                };
                let Ok(ref_value) = &reference.value else {
                    continue;
                };
                let reference_location = locations.of(ctx.articles, reference);
                // The message and the first note, by the value claimed as printed.
                let mut said: FastMap<String, (Text, Text)> = FastMap::default();
                for claim in &group {
                    let Ok(value) = &claim.value else { continue };
                    if !ctx.conflicts(value, ref_value)
                        || !reported.insert((claim.article, claim.span.start))
                    {
                        continue;
                    }
                    let location = locations.of(ctx.articles, claim);
                    let printed = location.value.as_deref().unwrap_or_default();
                    let (message, note) = match said.get(printed) {
                        Some(texts) => texts.clone(),
                        None => {
                            let texts: (Text, Text) = (
                                format!(
                                    "contradiction: {} is {value} here but {ref_value} in {}",
                                    describe(fact),
                                    ctx.articles[reference.article].display
                                )
                                .into(),
                                format!("{why}; {value} and {ref_value} cannot both be true")
                                    .into(),
                            );
                            said.insert(printed.to_string(), texts.clone());
                            texts
                        }
                    };
                    findings.push(Finding {
                        kind: Kind::Contradiction,
                        rule: rule.clone(),
                        severity,
                        message,
                        locations: vec![location, reference_location.clone()],
                        // A conversion depends on the value itself, not only on how it prints.
                        notes: std::iter::once(note)
                            .chain(ctx.conversion_note(ref_value, value).map(Into::into))
                            .collect(),
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
    use std::sync::Arc;

    use super::*;
    use crate::checks::support::{claim_location, run_on_dated};

    #[test]
    fn findings_that_say_the_same_share_their_text() {
        let loaded = crate::rules::load_str(
            "r.yaml",
            "facts:\n  - id: review\n    type: year\n    stable: true\n    patterns: ['reviewed in {value}']\n",
        );
        let rules = &loaded.rules;
        // Three articles agree on 2026; three say 2027 (two on the same date), one 2028.
        let texts = [
            ("a.md", "2025-01-01", "2026"),
            ("b.md", "2025-01-02", "2026"),
            ("c.md", "2025-01-03", "2026"),
            ("d.md", "2025-02-01", "2027"),
            ("e.md", "2025-02-01", "2027"),
            ("f.md", "2025-03-01", "2027"),
            ("g.md", "2025-03-02", "2028"),
        ];
        let texts: Vec<(&str, &str, String)> = texts
            .iter()
            .map(|&(path, date, year)| (path, date, format!("The pact is reviewed in {year}.")))
            .collect();
        let (articles, claims, findings) = run_on_dated(&Contradiction, rules, &texts);
        assert_eq!(claims.len(), texts.len());
        let flagged: Vec<usize> = findings.iter().map(|f| f.locations[0].article).collect();
        assert_eq!(flagged, [3, 4, 5, 6]);
        // Each says what a finding made on its own would say.
        for f in &findings {
            let claim = &claims[f.locations[0].article];
            assert_eq!(f.locations[0], claim_location(&articles, claim, "claims "));
            assert_eq!(
                f.locations[1],
                claim_location(&articles, &claims[0], "claims ")
            );
            let year = claim.value_text().unwrap();
            assert_eq!(
                &*f.message,
                format!("contradiction: review is {year} here but 2026 in a.md")
            );
            assert_eq!(
                &*f.notes[0],
                format!("a stable fact has one value; {year} and 2026 cannot both be true")
            );
        }
        // The same value shares its message and note; the same value and date, its label.
        let shared = |a: &Text, b: &Text| Arc::ptr_eq(a, b);
        let (d, e, f, g) = (&findings[0], &findings[1], &findings[2], &findings[3]);
        assert!(shared(&d.message, &f.message) && shared(&d.notes[0], &f.notes[0]));
        assert!(!shared(&d.message, &g.message));
        assert!(shared(&d.locations[0].label, &e.locations[0].label));
        assert!(!shared(&d.locations[0].label, &f.locations[0].label));
        assert!(shared(&d.locations[1].label, &g.locations[1].label));
        assert!(
            shared(&d.rule, &g.rule) && shared(d.help.as_ref().unwrap(), g.help.as_ref().unwrap())
        );
    }
}
