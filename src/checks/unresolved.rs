//! unresolved: a relative value ("next year", "Monday") that cannot be resolved because the
//! article has no date, or a value the normalizer could not read.

use super::support::describe;
use super::{Check, CheckInfo, Context};
use crate::finding::{Finding, Kind, Location, Severity, Text};
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
        let severity = ctx.severity(&info, None);
        // Made once and shared by the findings (an archive of undated articles can have
        // thousands of relative dates): the help and label of each kind.
        let unresolved: (Text, Text) = (
            "date the article (front matter `date:`, a leading `date YYYY-MM-DD`, a \
             YYYY-MM-DD file-name prefix, or --as-of for drafts)"
                .into(),
            "relative to what?".into(),
        );
        let invalid: (Text, Text) = (
            "rephrase the value, or narrow the rule's pattern".into(),
            "not a value newslint can read".into(),
        );
        ctx.each_fact(|fact, claims| {
            let mut findings = Vec::new();
            let rule: Text = fact.id.as_str().into();
            for claim in claims {
                let Err(err) = &claim.value else { continue };
                let (message, (help, label)) = match err {
                    ValueError::Unresolved(why) => (
                        format!(
                            "unresolved: \"{}\" ({}) cannot be resolved: {why}",
                            claim.raw,
                            describe(fact)
                        ),
                        &unresolved,
                    ),
                    ValueError::Invalid(why) => (
                        format!(
                            "unresolved: \"{}\" ({}) could not be read: {why}",
                            claim.raw,
                            describe(fact)
                        ),
                        &invalid,
                    ),
                };
                findings.push(Finding {
                    kind: Kind::Unresolved,
                    rule: rule.clone(),
                    severity,
                    message: message.into(),
                    locations: vec![Location {
                        article: claim.article,
                        span: claim.span.clone(),
                        label: label.clone(),
                        value: None,
                    }],
                    notes: Vec::new(),
                    help: Some(help.clone()),
                });
            }
            findings
        })
    }
}
