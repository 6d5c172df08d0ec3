//! off-record: a claim that contradicts the rule's `expect` value or the timeline value in
//! force (and is not merely an older timeline value: that is `stale`).

use super::support::{ClaimLocations, describe};
use super::{Check, CheckInfo, Context};
use crate::finding::{Finding, Kind, Severity, Text};

pub struct OffRecord;

impl Check for OffRecord {
    fn info(&self) -> CheckInfo {
        CheckInfo {
            id: "off-record",
            kind: Kind::OffRecord,
            default_severity: Severity::Error,
            summary: "a claim contradicts what the rule records",
            explanation: "Reported when a claim conflicts with the rule's `expect` value, or \
                with the timeline value in force at the claim's date and with every earlier \
                one. A claim in an undated article is reported only if it matches no value \
                the timeline ever had.",
            fact_check: true,
        }
    }

    fn run(&self, ctx: &Context) -> Vec<Finding> {
        let info = self.info();
        let help: Text = "correct the claim, or update the rule's `expect`/`timeline` if the \
                           record is out of date"
            .into();
        ctx.each_fact(|fact, claims| {
            let mut findings = Vec::new();
            // What the findings of this fact say alike is made once and shared.
            let rule: Text = fact.id.as_str().into();
            let severity = ctx.severity(&info, Some(fact));
            let mut locations = ClaimLocations::new("claims ");
            for claim in claims {
                if let Some(f) = previous_value(ctx, &info, fact, claim) {
                    findings.push(f);
                }
                let Ok(value) = &claim.value else { continue };
                let (record, note) = if let Some(expect) = &fact.expect {
                    if !ctx.conflicts(value, expect) {
                        continue;
                    }
                    (
                        expect.to_string(),
                        "the rule expects this value".to_string(),
                    )
                } else if !fact.timeline.is_empty() {
                    match claim.speaks_for {
                        Some(date) => {
                            let Some((k, current)) = fact.in_force(date) else {
                                continue;
                            };
                            if fact.timeline[..=k]
                                .iter()
                                .any(|e| !ctx.conflicts(value, &e.value))
                            {
                                continue; // in force, or stale
                            }
                            (
                                current.value.to_string(),
                                format!(
                                    "the rule's timeline has {} in force since {}",
                                    current.value, current.since
                                ),
                            )
                        }
                        None => {
                            if fact
                                .timeline
                                .iter()
                                .any(|e| !ctx.conflicts(value, &e.value))
                            {
                                continue;
                            }
                            let values: Vec<String> =
                                fact.timeline.iter().map(|e| e.value.to_string()).collect();
                            (
                                values.join(" or "),
                                "the article is undated; the value matches none the timeline \
                                 ever had"
                                    .to_string(),
                            )
                        }
                    }
                } else {
                    continue;
                };
                findings.push(Finding {
                    kind: Kind::OffRecord,
                    rule: rule.clone(),
                    severity,
                    message: format!(
                        "off-record: {} is {value} here, the record says {record}",
                        describe(fact)
                    )
                    .into(),
                    locations: vec![locations.of(ctx.articles, claim)],
                    notes: vec![note.into()],
                    help: Some(help.clone()),
                });
            }
            findings
        })
    }
}

/// `{was}`: the value a claim says was replaced must be the timeline entry before the one in
/// force at the claim's date.
fn previous_value(
    ctx: &Context,
    info: &CheckInfo,
    fact: &crate::rules::Fact,
    claim: &crate::extract::Claim,
) -> Option<Finding> {
    let (Some(said), Some(date)) = (&claim.was, claim.speaks_for) else {
        return None;
    };
    let (Ok(was), span) = (&said.value, &said.span) else {
        return None;
    };
    let (k, current) = fact.in_force(date)?;
    let before = k.checked_sub(1).map(|i| &fact.timeline[i])?;
    if !ctx.conflicts(was, &before.value) {
        return None;
    }
    Some(Finding {
        kind: Kind::OffRecord,
        rule: fact.id.clone().into(),
        severity: ctx.severity(info, Some(fact)),
        message: format!(
            "off-record: {} was {} before {}, not {was}",
            describe(fact),
            before.value,
            current.since
        )
        .into(),
        locations: vec![crate::finding::Location {
            article: claim.article,
            span: span.clone(),
            label: format!("claims the value before was {was}").into(),
            value: Some(was.to_string()),
        }],
        notes: vec![
            format!(
                "the rule's timeline has {} from {} until {} replaced it on {}",
                before.value, before.since, current.value, current.since
            )
            .into(),
        ],
        help: Some("correct the earlier value, or fix the rule's timeline".into()),
    })
}
