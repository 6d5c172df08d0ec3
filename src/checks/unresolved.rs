//! unresolved: a relative value ("next year", "Monday") that cannot be resolved because the
//! article has no date, or a value the normalizer could not read.

use super::support::describe;
use super::{Check, CheckInfo, Context};
use crate::finding::{Finding, Kind, Location, Severity};
use crate::values::ValueError;

pub struct Unresolved;

impl Check for Unresolved {
    fn info(&self) -> CheckInfo {
        CheckInfo {
            id: "unresolved",
            kind: Kind::Unresolved,
            default_severity: Severity::Info,
            summary: "a relative value in an undated article cannot be checked",
            explanation: "A claim such as \"next year\" or \"on Monday\" needs the article's \
                publication date. When the article has none (no front matter `date:`, no \
                leading `date YYYY-MM-DD`, no YYYY-MM-DD file-name prefix, no `dates:` entry in \
                the configuration and no --as-of), the claim is listed here instead of being \
                guessed, and no other check uses it.",
            fact_check: true,
        }
    }

    fn run(&self, ctx: &Context) -> Vec<Finding> {
        let info = self.info();
        let mut findings = Vec::new();
        for (fact, claims) in ctx.claims_by_fact() {
            for claim in claims {
                let Err(err) = &claim.value else { continue };
                let (message, help, label) = match err {
                    ValueError::Unresolved(why) => (
                        format!(
                            "unresolved: \"{}\" ({}) cannot be resolved: {why}",
                            claim.raw,
                            describe(fact)
                        ),
                        "date the article (front matter `date:`, a leading `date YYYY-MM-DD`, \
                         a YYYY-MM-DD file-name prefix, or --as-of for drafts)",
                        "relative to what?",
                    ),
                    ValueError::Invalid(why) => (
                        format!(
                            "unresolved: \"{}\" ({}) could not be read: {why}",
                            claim.raw,
                            describe(fact)
                        ),
                        "rephrase the value, or narrow the rule's pattern",
                        "not a value newslint can read",
                    ),
                };
                findings.push(Finding {
                    kind: Kind::Unresolved,
                    rule: fact.id.clone().into(),
                    severity: ctx.severity(&info, None),
                    message: message.into(),
                    locations: vec![Location {
                        article: claim.article,
                        span: claim.span.clone(),
                        label: label.into(),
                        value: None,
                    }],
                    notes: Vec::new(),
                    help: Some(help.into()),
                });
            }
        }
        findings
    }
}
