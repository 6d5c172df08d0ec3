//! stale: a claim that matches a timeline value already replaced at the claim's date.

use jiff::civil::Date;

use super::support::{ClaimLocations, describe};
use super::{Check, CheckInfo, Context, FastMap};
use crate::finding::{Finding, Kind, Severity, Text};

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
        ctx.each_fact(|fact, claims| {
            let mut findings = Vec::new();
            if fact.timeline.is_empty() {
                return Vec::new();
            }
            // What the findings of this fact say alike is made once and shared: every claim
            // of an archive that repeats a replaced value is one.
            let rule: Text = fact.id.as_str().into();
            let severity = ctx.severity(&info, Some(fact));
            let mut locations = ClaimLocations::new("claims ");
            // By the entry in force: its help; with the entry repeated, the message; with the
            // date spoken for, the note.
            let mut helps: FastMap<usize, Text> = FastMap::default();
            let mut messages: FastMap<(usize, usize), Text> = FastMap::default();
            let mut notes: FastMap<(usize, Date), Text> = FastMap::default();
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
                let Some(j) = fact.timeline[..k]
                    .iter()
                    .rposition(|e| !ctx.conflicts(value, &e.value))
                else {
                    continue;
                };
                let old = &fact.timeline[j];
                let message = messages.entry((j, k)).or_insert_with(|| {
                    format!(
                        "stale: {} was {} from {}, but {} since {}",
                        describe(fact),
                        old.value,
                        old.since,
                        current.value,
                        current.since
                    )
                    .into()
                });
                let note = notes.entry((k, date)).or_insert_with(|| {
                    format!(
                        "the claim speaks for {date}; the rule's timeline has {} in force then",
                        current.value
                    )
                    .into()
                });
                let help = helps.entry(k).or_insert_with(|| {
                    format!(
                        "update the claim to {} (or fix the rule's timeline)",
                        current.value
                    )
                    .into()
                });
                findings.push(Finding {
                    kind: Kind::Stale,
                    rule: rule.clone(),
                    severity,
                    message: message.clone(),
                    locations: vec![locations.of(ctx.articles, claim)],
                    notes: vec![note.clone()],
                    help: Some(help.clone()),
                });
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
    fn stale_claims_of_one_replaced_value_share_their_text() {
        let loaded = crate::rules::load_str(
            "r.yaml",
            "facts:\n  - id: toll\n    type: percent\n    patterns: ['a toll of {value}']\n    timeline:\n      - {since: 2024-01-01, value: 10%}\n      - {since: 2025-01-01, value: 25%}\n",
        );
        let texts: Vec<(&str, &str, String)> = [
            ("a.md", "2025-02-01", "10%"),
            ("b.md", "2025-02-01", "10%"),
            ("c.md", "2025-03-01", "10%"),
            ("d.md", "2025-03-01", "25%"),
            ("e.md", "2024-06-01", "10%"),
        ]
        .iter()
        .map(|&(path, date, toll)| (path, date, format!("They pay a toll of {toll}.")))
        .collect();
        let (articles, claims, findings) = run_on_dated(&Stale, &loaded.rules, &texts);
        assert_eq!(claims.len(), texts.len());
        let flagged: Vec<usize> = findings.iter().map(|f| f.locations[0].article).collect();
        assert_eq!(flagged, [0, 1, 2]);
        for f in &findings {
            let claim = &claims[f.locations[0].article];
            assert_eq!(f.locations[0], claim_location(&articles, claim, "claims "));
            assert_eq!(
                &*f.message,
                "stale: toll was 10% from 2024-01-01, but 25% since 2025-01-01"
            );
            assert_eq!(
                &*f.notes[0],
                format!(
                    "the claim speaks for {}; the rule's timeline has 25% in force then",
                    claim.speaks_for.unwrap()
                )
            );
            assert_eq!(
                f.help.as_deref(),
                Some("update the claim to 25% (or fix the rule's timeline)")
            );
        }
        let shared = |a: &Text, b: &Text| Arc::ptr_eq(a, b);
        let (a, b, c) = (&findings[0], &findings[1], &findings[2]);
        assert!(shared(&a.message, &c.message) && shared(&a.rule, &c.rule));
        assert!(shared(a.help.as_ref().unwrap(), c.help.as_ref().unwrap()));
        // The same date shares its note and label; another date does not.
        assert!(shared(&a.notes[0], &b.notes[0]) && !shared(&a.notes[0], &c.notes[0]));
        assert!(shared(&a.locations[0].label, &b.locations[0].label));
        assert!(!shared(&a.locations[0].label, &c.locations[0].label));
    }
}
