//! terms: house-style consistency across the corpus. `terms:` rules flag a non-preferred
//! spelling or name anywhere; without rules, a small built-in list of spelling pairs
//! (aluminium/aluminum, per cent/percent…) reports the minority spelling when the corpus
//! mixes both. Text inside quotation marks and proper names are left alone.

use std::collections::HashMap;
use std::ops::Range;

use regex::{Regex, RegexBuilder};

use super::text::{inside, quotation_spans};
use super::{Check, CheckInfo, Context};
use crate::article::Article;
use crate::finding::{Finding, Kind, Location, Severity};

pub struct Terms;

/// Spelling pairs the discovery mode knows: (British/Canadian, American) or house variants.
pub const BUILTIN_PAIRS: &[(&str, &str)] = &[
    ("aluminium", "aluminum"),
    ("per cent", "percent"),
    ("labour", "labor"),
    ("travelling", "traveling"),
    ("travelled", "traveled"),
    ("centre", "center"),
    ("defence", "defense"),
    ("favour", "favor"),
    ("honour", "honor"),
    ("neighbour", "neighbor"),
    ("organisation", "organization"),
    ("co-operate", "cooperate"),
    ("co-operation", "cooperation"),
    ("catalogue", "catalog"),
    ("judgement", "judgment"),
];

/// One use of a spelling.
struct Use {
    article: usize,
    span: Range<usize>,
}

fn word_regex(term: &str) -> Option<Regex> {
    let escaped = regex::escape(term).replace(' ', r"\s+");
    RegexBuilder::new(&format!(r"\b{escaped}\b"))
        .case_insensitive(true)
        .build()
        .ok()
}

/// Uses of `re` outside quotations and outside `except` names.
fn uses(
    article: &Article,
    quotes: &[Range<usize>],
    re: &Regex,
    except: &[Regex],
    proper_names: bool,
) -> Vec<Use> {
    let text = article.text.as_str();
    let body = article.body_start;
    let excepted: Vec<Range<usize>> = except
        .iter()
        .flat_map(|e| {
            e.find_iter(&text[body..])
                .map(|m| body + m.start()..body + m.end())
        })
        .collect();
    re.find_iter(&text[body..])
        .map(|m| body + m.start()..body + m.end())
        .filter(|span| !inside(quotes, span.start))
        .filter(|span| {
            !excepted
                .iter()
                .any(|e| e.start <= span.start && span.end <= e.end)
        })
        .filter(|span| !(proper_names && is_proper_name(text, span.clone())))
        .map(|span| Use {
            article: article.id,
            span,
        })
        .collect()
}

/// A capitalised word mid-sentence, or one followed by another capitalised word ("Aluminium
/// Association of Canada"), is part of a name.
fn is_proper_name(text: &str, span: Range<usize>) -> bool {
    if !text[span.clone()].starts_with(char::is_uppercase) {
        return false;
    }
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let sentence_start = before.is_empty()
        || before.ends_with(['.', '!', '?', '\n', '\r', '"', '“', ':', '—'])
        || before.ends_with("\n\n");
    if !sentence_start {
        return true;
    }
    text[span.end..]
        .trim_start_matches([' ', '\t'])
        .starts_with(char::is_uppercase)
}

impl Check for Terms {
    fn info(&self) -> CheckInfo {
        CheckInfo {
            id: "terms",
            kind: Kind::Term,
            default_severity: Severity::Warning,
            summary: "house style: one spelling or name across the corpus",
            explanation: "With `terms:` entries (`prefer`, `instead_of`, `except`), every use of \
                a non-preferred form is reported, except inside quotation marks and inside the \
                listed proper names. Without an entry for a word, a built-in list of spelling \
                pairs (aluminium/aluminum, per cent/percent, labour/labor, centre/center, …) is \
                checked: when the corpus mixes both spellings, the less common one is reported \
                (capitalised names such as \"Aluminium Association of Canada\" are left alone).",
            fact_check: false,
        }
    }

    fn run(&self, ctx: &Context) -> Vec<Finding> {
        let info = self.info();
        let severity = ctx.severity(&info, None);
        let quotes: Vec<Vec<Range<usize>>> = ctx
            .articles
            .iter()
            .map(|a| quotation_spans(&a.text, a.body_start..a.text.len()))
            .collect();
        let mut findings = Vec::new();
        let mut covered: Vec<String> = Vec::new();

        for term in &ctx.rules.terms {
            let except: Vec<Regex> = term.except.iter().filter_map(|e| word_regex(e)).collect();
            let preferred = word_regex(&term.prefer);
            // One example of the preferred form, found once per term.
            let example = preferred
                .as_ref()
                .and_then(|p| first_use(ctx.articles, &quotes, p, usize::MAX));
            for wrong in &term.instead_of {
                covered.push(wrong.to_lowercase());
                let Some(re) = word_regex(wrong) else {
                    continue;
                };
                for article in ctx.articles {
                    for u in uses(article, &quotes[article.id], &re, &except, false) {
                        findings.push(finding(
                            ctx,
                            &info,
                            severity,
                            &u,
                            &term.prefer,
                            example.clone(),
                            "the house style prefers it (a `terms:` rule)".to_string(),
                        ));
                    }
                }
            }
            covered.push(term.prefer.to_lowercase());
        }

        for (a, b) in BUILTIN_PAIRS {
            if covered.contains(&a.to_string()) || covered.contains(&b.to_string()) {
                continue;
            }
            let (Some(ra), Some(rb)) = (word_regex(a), word_regex(b)) else {
                continue;
            };
            let mut ua = Vec::new();
            let mut ub = Vec::new();
            for article in ctx.articles {
                ua.extend(uses(article, &quotes[article.id], &ra, &[], true));
                ub.extend(uses(article, &quotes[article.id], &rb, &[], true));
            }
            if ua.is_empty() || ub.is_empty() {
                continue;
            }
            // The minority spelling is flagged; on a tie, the one met second.
            let first_a = ua.iter().map(|u| u.article).min();
            let first_b = ub.iter().map(|u| u.article).min();
            let (minority, majority, preferred) =
                if ua.len() < ub.len() || (ua.len() == ub.len() && first_a > first_b) {
                    (ua, ub, *b)
                } else {
                    (ub, ua, *a)
                };
            let articles_with: HashMap<usize, ()> =
                majority.iter().map(|u| (u.article, ())).collect();
            for u in &minority {
                let example = majority
                    .iter()
                    .find(|m| m.article != u.article)
                    .or(majority.first())
                    .map(|m| (m.article, m.span.clone()));
                findings.push(finding(
                    ctx,
                    &info,
                    severity,
                    u,
                    preferred,
                    example,
                    format!(
                        "the corpus writes \"{preferred}\" {} times in {} articles",
                        majority.len(),
                        articles_with.len()
                    ),
                ));
            }
        }
        findings
    }
}

fn first_use(
    articles: &[Article],
    quotes: &[Vec<Range<usize>>],
    re: &Regex,
    not_in: usize,
) -> Option<(usize, Range<usize>)> {
    articles
        .iter()
        .filter(|a| a.id != not_in)
        .find_map(|a| uses(a, &quotes[a.id], re, &[], false).into_iter().next())
        .map(|u| (u.article, u.span))
}

fn finding(
    ctx: &Context,
    info: &CheckInfo,
    severity: Severity,
    u: &Use,
    preferred: &str,
    example: Option<(usize, Range<usize>)>,
    why: String,
) -> Finding {
    let used = ctx.articles[u.article].text[u.span.clone()].to_string();
    let mut locations = vec![Location {
        article: u.article,
        span: u.span.clone(),
        label: format!("write \"{preferred}\""),
        value: None,
    }];
    if let Some((article, span)) = example {
        locations.push(Location {
            article,
            span,
            label: "as here".to_string(),
            value: None,
        });
    }
    Finding {
        kind: Kind::Term,
        rule: info.id.to_string(),
        severity,
        message: format!("terms: \"{used}\" where the house style is \"{preferred}\""),
        locations,
        notes: vec![why],
        help: Some(format!(
            "write \"{preferred}\"; if this is a proper name, list it under `except:` in a \
             `terms:` rule"
        )),
    }
}
