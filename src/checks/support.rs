//! Helpers shared by the fact checks: locations for claims and date wording.

use crate::article::Article;
use crate::extract::Claim;
use crate::finding::Location;

/// A location for a claim, labelled with its value and the date it speaks for.
pub fn claim_location(articles: &[Article], claim: &Claim, label: &str) -> Location {
    let value = claim.value_text();
    let date = date_phrase(articles, claim);
    let label = match &value {
        Some(v) => format!("{label}{v} ({date})"),
        None => format!("{label}{} ({date})", claim.raw),
    };
    Location {
        article: claim.article,
        span: claim.span.clone(),
        label: label.into(),
        value,
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

/// Picks the reference claim of a group: the one most other claims agree with (ties go to
/// the earliest), so the odd one out is what gets flagged. Claims are first grouped by
/// value, so the cost grows with the number of distinct values, not claims squared.
pub fn reference<'a>(ctx: &super::Context, group: &[&'a Claim]) -> Option<&'a Claim> {
    let mut distinct: Vec<(&'a Claim, usize)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for claim in group {
        let Ok(v) = &claim.value else { continue };
        let key = v.to_string();
        match index.get(&key) {
            Some(&i) => distinct[i].1 += 1,
            None => {
                index.insert(key, distinct.len());
                distinct.push((claim, 1));
            }
        }
    }
    let mut best: Option<(&'a Claim, usize)> = None;
    for (candidate, _) in &distinct {
        let Ok(v) = &candidate.value else { continue };
        let support: usize = distinct
            .iter()
            .filter(|(c, _)| c.value.as_ref().is_ok_and(|w| !ctx.conflicts(v, w)))
            .map(|(_, n)| n)
            .sum();
        if best.is_none_or(|(_, s)| support > s) {
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
