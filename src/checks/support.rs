//! Helpers shared by the fact checks: locations for claims and date wording.

use jiff::civil::Date;

use super::FastMap;
use crate::article::Article;
use crate::extract::Claim;
use crate::finding::{Location, Text};

/// A location for one claim, labelled with its value and the date it speaks for, made on
/// its own: what [`ClaimLocations`] gives, which the tests hold it to.
#[cfg(test)]
pub fn claim_location(articles: &[Article], claim: &Claim, label: &str) -> Location {
    let value = claim.value_text();
    let label = claim_label(articles, claim, label, value.as_deref());
    Location {
        article: claim.article,
        span: claim.span.clone(),
        label: label.into(),
        value,
    }
}

/// "claims 25% (article of 2025-09-03)": `prefix`, the value as printed (else as written),
/// and the date.
fn claim_label(articles: &[Article], claim: &Claim, prefix: &str, value: Option<&str>) -> String {
    let date = date_phrase(articles, claim);
    format!("{prefix}{} ({date})", value.unwrap_or(&claim.raw))
}

/// Locations for the claims of findings, each labelled with its value and the date it speaks
/// for ("claims 25% (article of 2025-09-03)"), one label shared by the claims that give the
/// same value for the same date: a fact can have hundreds of thousands of findings in an
/// archive, and most of their labels read the same.
pub struct ClaimLocations {
    prefix: &'static str,
    /// By the date a claim speaks for (and whether the text gave it), then by value: all a
    /// label says. Should `date_phrase` come to read the article too, the key must hold it.
    labels: FastMap<(Option<Date>, bool), FastMap<String, Text>>,
}

impl ClaimLocations {
    pub fn new(prefix: &'static str) -> ClaimLocations {
        ClaimLocations {
            prefix,
            labels: FastMap::default(),
        }
    }

    /// The location of `claim`, its label starting with the prefix.
    pub fn of(&mut self, articles: &[Article], claim: &Claim) -> Location {
        let value = claim.value_text();
        // A claim without a value is labelled with what it says: those labels are not kept.
        let label = match &value {
            Some(v) => {
                let labels = self
                    .labels
                    .entry((claim.speaks_for, claim.dated_by_text))
                    .or_default();
                match labels.get(v.as_str()) {
                    Some(label) => label.clone(),
                    None => {
                        let label: Text = claim_label(articles, claim, self.prefix, Some(v)).into();
                        labels.insert(v.clone(), label.clone());
                        label
                    }
                }
            }
            None => claim_label(articles, claim, self.prefix, None).into(),
        };
        Location {
            article: claim.article,
            span: claim.span.clone(),
            label,
            value,
        }
    }
}

/// "article of 2025-09-03", "speaks for 2025-08-01", or "undated article".
pub fn date_phrase(articles: &[Article], claim: &Claim) -> String {
    match (claim.speaks_for, claim.dated_by_text) {
        (Some(d), true) => format!("speaks for {d}"),
        (Some(d), false) => format!("article of {d}"),
        (None, _) => {
            let _ = articles;
            "undated article".to_string()
        }
    }
}

/// Up to this many distinct values, a claim's value is compared with each of them before
/// it is printed to be looked up.
const FEW_VALUES: usize = 16;

/// Picks the reference claim of a group: the one most other claims agree with, so the odd
/// one out is what gets flagged. Of values as well supported, in one article the one it
/// gives first; across articles the one that prints first (claimed earliest), not the one
/// of the first file, which would make what is flagged depend on the order of the files
/// (an article giving 2 and 4, another 2 and another 4 on the same date: two findings with
/// the first file's, three with the others'). Claims are first grouped by value, so the
/// cost grows with the number of distinct values, not claims squared.
pub fn reference<'a>(ctx: &super::Context, group: &[&'a Claim]) -> Option<&'a Claim> {
    let mut distinct: Vec<(&'a Claim, usize)> = Vec::new();
    let mut index: FastMap<String, usize> = FastMap::default();
    for claim in group {
        let Ok(v) = &claim.value else { continue };
        // Equal values print the same: while the values seen are few, one equal to this one
        // is found without printing it (printing a number exactly is most of this loop).
        let seen = (distinct.len() <= FEW_VALUES)
            .then(|| {
                distinct
                    .iter()
                    .position(|(c, _)| c.value.as_ref().is_ok_and(|w| w == v))
            })
            .flatten();
        if let Some(i) = seen {
            distinct[i].1 += 1;
            continue;
        }
        let key = v.to_string();
        match index.get(&key) {
            Some(&i) => distinct[i].1 += 1,
            None => {
                index.insert(key, distinct.len());
                distinct.push((claim, 1));
            }
        }
    }
    let one_article = group.windows(2).all(|w| w[0].article == w[1].article);
    let mut best: Option<(&'a Claim, usize)> = None;
    for (candidate, _) in &distinct {
        let Ok(v) = &candidate.value else { continue };
        let support: usize = distinct
            .iter()
            .filter(|(c, _)| c.value.as_ref().is_ok_and(|w| !ctx.conflicts(v, w)))
            .map(|(_, n)| n)
            .sum();
        let printed_first = |other: &Claim| {
            other
                .value
                .as_ref()
                .is_ok_and(|w| v.to_string() < w.to_string())
        };
        if best
            .is_none_or(|(b, s)| support > s || (support == s && !one_article && printed_first(b)))
        {
            best = Some((candidate, support));
        }
    }
    best.map(|(c, _)| c)
}

/// The fact's description, or its id when it has none.
pub fn describe(fact: &crate::rules::Fact) -> String {
    if fact.description.is_empty() {
        fact.id.clone()
    } else {
        fact.description.clone()
    }
}

/// The resolved claims that have a date, ordered by that date (then article, position).
pub fn dated_in_order(claims: &[Claim]) -> Vec<&Claim> {
    let mut dated: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.value.is_ok() && c.speaks_for.is_some())
        .collect();
    dated.sort_by_key(|c| (c.speaks_for, c.article, c.span.start));
    dated
}

/// For the tests of the fact checks: articles of the given paths, dates and bodies, the
/// claims `rules` find in them, and what `check` reports of those claims.
#[cfg(test)]
pub fn run_on_dated(
    check: &dyn super::Check,
    rules: &crate::rules::RuleSet,
    texts: &[(&str, &str, String)],
) -> (Vec<Article>, Vec<Claim>, Vec<crate::finding::Finding>) {
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, (path, date, body))| {
            let text = format!("---\ndate: {date}\n---\n{body}\n");
            Article::from_bytes(
                i,
                std::path::Path::new(path),
                (*path).into(),
                text.as_bytes(),
            )
            .unwrap()
        })
        .collect();
    let claims: Vec<Claim> = articles
        .iter()
        .flat_map(|a| crate::extract::extract_article(a, rules))
        .collect();
    let scans = super::Scans::new();
    let ctx = super::Context {
        articles: &articles,
        rules,
        claims: &claims,
        scans: &scans,
    };
    let findings = check.run(&ctx);
    (articles, claims, findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::{Magnitude, Qualifier, Value};

    fn claim(i: usize, percent: f64) -> Claim {
        Claim {
            fact: 0,
            article: i,
            span: 0..3,
            raw: format!("{percent}%").into(),
            value: Ok(Value {
                qualifier: Qualifier::Exact,
                magnitude: Magnitude::Percent(percent),
            }),
            was: None,
            speaks_for: None,
            dated_by_text: false,
            place: [1, 1],
        }
    }

    /// The reference among claims of these percentages: which one (by index).
    fn reference_of(percents: &[f64]) -> usize {
        let loaded = crate::rules::load_str(
            "r.yaml",
            "facts:\n  - id: t\n    type: percent\n    patterns: ['rate of {value}']\n",
        );
        let scans = super::super::Scans::new();
        let ctx = super::super::Context {
            articles: &[],
            rules: &loaded.rules,
            claims: &[],
            scans: &scans,
        };
        let claims: Vec<Claim> = percents
            .iter()
            .enumerate()
            .map(|(i, &p)| claim(i, p))
            .collect();
        let group: Vec<&Claim> = claims.iter().collect();
        reference(&ctx, &group).unwrap().article
    }

    #[test]
    fn the_reference_is_the_value_most_claims_agree_with() {
        assert_eq!(reference_of(&[25.0, 35.0, 25.0, 35.0, 35.0]), 1);
        // Values that print the same count as one, whether compared or printed.
        assert_eq!(
            reference_of(&[25.0, 25.0, 35.0, 35.000_000_1, 35.000_000_2]),
            2
        );
    }

    #[test]
    fn many_distinct_values_are_grouped_as_printed() {
        // More distinct values than are compared one by one: the rest are looked up by
        // their printed form, and the near-equal ones still count together.
        let mut percents: Vec<f64> = (0..40).map(|i| 50.0 + f64::from(i)).collect();
        percents.extend([35.0, 35.000_000_1, 35.000_000_2]);
        assert_eq!(reference_of(&percents), 40);
    }
    #[test]
    fn shared_locations_are_those_made_one_by_one() {
        let articles: Vec<Article> = (0..2)
            .map(|i| {
                let name = format!("a{i}.md");
                Article::from_bytes(i, std::path::Path::new(&name), name.clone(), b"text").unwrap()
            })
            .collect();
        let day = |d: i8| Some(jiff::civil::date(2025, 1, d));
        let mut claims = Vec::new();
        for (article, percent, speaks_for, dated_by_text) in [
            (0, 25.0, day(1), false),
            (1, 25.0, day(1), false),
            (1, 25.0, day(1), true),
            (0, 25.0, day(2), false),
            (0, 30.0, day(1), false),
            (1, 25.0, None, false),
            (0, 25.0, None, true),
        ] {
            claims.push(Claim {
                speaks_for,
                dated_by_text,
                ..claim(article, percent)
            });
        }
        // Claims without a value are labelled with what they say.
        for raw in ["next year", "soon"] {
            claims.push(Claim {
                raw: raw.into(),
                value: Err(crate::values::ValueError::Unresolved(raw.into())),
                ..claim(0, 0.0)
            });
        }
        let mut shared = ClaimLocations::new("claims ");
        for _ in 0..2 {
            for c in &claims {
                assert_eq!(
                    shared.of(&articles, c),
                    claim_location(&articles, c, "claims ")
                );
            }
        }
    }
}
