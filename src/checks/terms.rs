//! terms: house-style consistency across the corpus. `terms:` rules flag a non-preferred
//! spelling or name anywhere; without rules, a small built-in list of spelling pairs
//! (aluminium/aluminum, per cent/percent…) reports the minority spelling when the corpus
//! mixes both. Text inside quotation marks and proper names are left alone.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use std::sync::LazyLock;

use regex::Regex;

use super::text::inside;
use super::{Check, CheckInfo, Context, Scan};
use crate::article::Article;
use crate::finding::{Finding, Kind, Location, Severity};
use crate::literals::Literals;
use crate::rules::{RuleSet, term_regex};

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
#[derive(Clone)]
struct Use {
    article: usize,
    span: Range<usize>,
}

/// Uses with the text as written.
type Uses<'a> = Vec<(Use, &'a str)>;

/// Which form a use is of.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    /// `terms[rule].instead_of[form]`
    Wrong(usize, usize),
    /// `terms[rule].prefer`
    Preferred(usize),
    /// `BUILTIN_PAIRS[pair]`, form 0 or 1
    Pair(usize, usize),
}

/// What the scan keeps: each use with its key, and the text as written when it is not
/// spelled exactly as the term (most uses are: they then cost no allocation).
struct Scanned {
    key: Key,
    span: Range<usize>,
    used: Option<Box<str>>,
}

/// The spelling of a term form, as the rule or the built-in pair gives it.
fn form_text(rules: &RuleSet, key: Key) -> &str {
    match key {
        Key::Wrong(i, j) => &rules.terms[i].instead_of[j],
        Key::Preferred(i) => &rules.terms[i].prefer,
        Key::Pair(k, 0) => BUILTIN_PAIRS[k].0,
        Key::Pair(k, _) => BUILTIN_PAIRS[k].1,
    }
}

/// For each built-in pair: true when a `terms:` rule covers one of its spellings (the rule
/// then decides, not the pair).
fn skipped_pairs(rules: &RuleSet) -> Vec<bool> {
    let covered: Vec<String> = rules
        .terms
        .iter()
        .flat_map(|t| t.instead_of.iter().chain(std::iter::once(&t.prefer)))
        .map(|w| w.to_lowercase())
        .collect();
    BUILTIN_PAIRS
        .iter()
        .map(|(a, b)| covered.iter().any(|c| c == a || c == b))
        .collect()
}

/// The built-in pairs, compiled once.
static PAIR_RES: LazyLock<Vec<[Option<Regex>; 2]>> = LazyLock::new(|| {
    BUILTIN_PAIRS
        .iter()
        .map(|(a, b)| [term_regex(a), term_regex(b)])
        .collect()
});

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
    let mut excepted: Option<Vec<Range<usize>>> = None;
    re.find_iter(&text[body..])
        .map(|m| body + m.start()..body + m.end())
        // A whole word: a term ending in punctuation ("U.S.") has no `\b` to stop it there,
        // so it must not run on into a longer one ("U.S.A.").
        .filter(|span| {
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            !word(text[..span.start].chars().next_back()) && !word(text[span.end..].chars().next())
        })
        .filter(|span| !inside(quotes, span.start))
        .filter(|span| {
            // The exceptions are looked for only once the term is found.
            let excepted = excepted.get_or_insert_with(|| {
                except
                    .iter()
                    .flat_map(|e| {
                        e.find_iter(&text[body..])
                            .map(|m| body + m.start()..body + m.end())
                    })
                    .collect()
            });
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

/// What the scans share: which built-in pairs a rule overrides, and one automaton over a
/// literal of every spelling, so that an article runs only the regexes of the spellings it
/// can contain.
struct Plan {
    skip: Vec<bool>,
    literals: Literals,
    /// For each spelling, in [`Plan::forms`] order: its literal, or `None` (always run).
    form_literal: Vec<Option<usize>>,
}

impl Plan {
    fn new(rules: &RuleSet) -> Plan {
        let mut words: Vec<String> = Vec::new();
        let form_literal = Plan::forms(rules)
            .map(|(_, term)| {
                let lit = term_literal(term)?;
                Some(words.iter().position(|w| *w == lit).unwrap_or_else(|| {
                    words.push(lit);
                    words.len() - 1
                }))
            })
            .collect();
        Plan {
            skip: skipped_pairs(rules),
            literals: Literals::new(&words),
            form_literal,
        }
    }

    /// Every spelling a scan looks for, with its key.
    fn forms(rules: &RuleSet) -> impl Iterator<Item = (Key, &str)> {
        let from_rules = rules.terms.iter().enumerate().flat_map(|(i, t)| {
            t.instead_of
                .iter()
                .enumerate()
                .map(move |(j, w)| (Key::Wrong(i, j), w.as_str()))
                .chain(std::iter::once((Key::Preferred(i), t.prefer.as_str())))
        });
        let builtin = BUILTIN_PAIRS
            .iter()
            .enumerate()
            .flat_map(|(k, (a, b))| [(Key::Pair(k, 0), *a), (Key::Pair(k, 1), *b)]);
        from_rules.chain(builtin)
    }
}

/// The longest space-free ASCII piece of a term (lowercased): every match of the term's
/// regex contains it, ignoring ASCII case. `None` when the term has no such piece.
fn term_literal(term: &str) -> Option<String> {
    term.split_whitespace()
        .filter(|w| w.is_ascii())
        .max_by_key(|w| w.len())
        .map(str::to_ascii_lowercase)
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

    fn prepare(&self, rules: &RuleSet) -> super::Prepared {
        Some(Box::new(Plan::new(rules)))
    }

    fn scan(&self, reading: &super::Reading, rules: &RuleSet, prepared: &super::Prepared) -> Scan {
        let article = reading.article;
        let computed;
        let plan = match prepared.as_ref().and_then(|p| p.downcast_ref::<Plan>()) {
            Some(plan) => plan,
            None => {
                computed = Plan::new(rules);
                &computed
            }
        };
        let present = plan.literals.present(article.body());
        let mut found = Vec::new();
        for ((key, _), literal) in Plan::forms(rules).zip(&plan.form_literal) {
            if literal.is_some_and(|l| !present[l]) {
                continue;
            }
            let uses = match key {
                Key::Wrong(i, j) => {
                    let term = &rules.terms[i];
                    let Some(re) = &term.instead_of_res[j] else {
                        continue;
                    };
                    uses(article, reading.quotations(), re, &term.except_res, false)
                }
                Key::Preferred(i) => {
                    let Some(re) = &rules.terms[i].prefer_re else {
                        continue;
                    };
                    // One example of the preferred form is enough.
                    let mut first = uses(article, reading.quotations(), re, &[], false);
                    first.truncate(1);
                    first
                }
                Key::Pair(k, form) => {
                    if plan.skip[k] {
                        continue;
                    }
                    let Some(re) = &PAIR_RES[k][form] else {
                        continue;
                    };
                    uses(article, reading.quotations(), re, &[], true)
                }
            };
            let form = form_text(rules, key);
            for u in uses {
                let written = &article.text[u.span.clone()];
                found.push(Scanned {
                    key,
                    used: (written != form).then(|| written.into()),
                    span: u.span,
                });
            }
        }
        Scan::keep(found)
    }

    fn run(&self, ctx: &Context) -> Vec<Finding> {
        let info = self.info();
        let severity = ctx.severity(&info, None);
        let mut by_key: HashMap<Key, Uses> = HashMap::new();
        // Spelling pairs are compared within one dialect: an en-CA outlet writing
        // "aluminium" beside an en-US one writing "aluminum" is not inconsistent.
        let mut by_dialect: HashMap<(Key, Option<&str>), Uses> = HashMap::new();
        for (article, scanned) in ctx.scanned::<Vec<Scanned>>(info.id) {
            let dialect = ctx.articles[article].dialect.as_deref();
            for s in scanned {
                let used = s.used.as_deref().unwrap_or(form_text(ctx.rules, s.key));
                if let Key::Pair(..) = s.key {
                    by_dialect.entry((s.key, dialect)).or_default().push((
                        Use {
                            article,
                            span: s.span.clone(),
                        },
                        used,
                    ));
                    continue;
                }
                by_key.entry(s.key).or_default().push((
                    Use {
                        article,
                        span: s.span.clone(),
                    },
                    used,
                ));
            }
        }
        let mut findings = Vec::new();
        for (i, term) in ctx.rules.terms.iter().enumerate() {
            let example = by_key
                .get(&Key::Preferred(i))
                .and_then(|v| v.first())
                .map(|(u, _)| (u.article, u.span.clone()));
            for j in 0..term.instead_of.len() {
                for (u, used) in by_key.get(&Key::Wrong(i, j)).into_iter().flatten() {
                    findings.push(finding(
                        &info,
                        severity,
                        u,
                        used,
                        &term.prefer,
                        example.clone(),
                        "the house style prefers it (a `terms:` rule)".to_string(),
                    ));
                }
            }
        }
        let mut dialects: Vec<Option<&str>> = by_dialect.keys().map(|(_, d)| *d).collect();
        dialects.sort();
        dialects.dedup();
        for ((k, (a, b)), dialect) in BUILTIN_PAIRS
            .iter()
            .enumerate()
            .flat_map(|p| dialects.iter().map(move |d| (p, *d)))
        {
            let (Some(ua), Some(ub)) = (
                by_dialect.get(&(Key::Pair(k, 0), dialect)),
                by_dialect.get(&(Key::Pair(k, 1), dialect)),
            ) else {
                continue;
            };
            // The minority spelling is flagged; on a tie, the one met second.
            let first_a = ua.iter().map(|u| u.0.article).min();
            let first_b = ub.iter().map(|u| u.0.article).min();
            let (minority, majority, preferred) =
                if ua.len() < ub.len() || (ua.len() == ub.len() && first_a > first_b) {
                    (ua, ub, *b)
                } else {
                    (ub, ua, *a)
                };
            let articles_with: HashSet<usize> = majority.iter().map(|u| u.0.article).collect();
            for (u, used) in minority {
                let example = majority
                    .iter()
                    .find(|m| m.0.article != u.article)
                    .or(majority.first())
                    .map(|m| (m.0.article, m.0.span.clone()));
                findings.push(finding(
                    &info,
                    severity,
                    u,
                    used,
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

fn finding(
    info: &CheckInfo,
    severity: Severity,
    u: &Use,
    used: &str,
    preferred: &str,
    example: Option<(usize, Range<usize>)>,
    why: String,
) -> Finding {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The uses the scan keeps, as written.
    fn scanned(rules: &RuleSet, text: &str) -> Vec<(Key, String)> {
        let article = Article::from_bytes(
            0,
            std::path::Path::new("a.md"),
            "a.md".into(),
            text.as_bytes(),
        )
        .unwrap();
        let prepared = Terms.prepare(rules);
        let scan = Terms.scan(&super::super::Reading::new(&article), rules, &prepared);
        let Some(data) = scan.data else {
            return Vec::new();
        };
        let found = data.downcast_ref::<Vec<Scanned>>().unwrap();
        found
            .iter()
            .map(|s| (s.key, text[s.span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn the_literal_pass_lets_every_case_and_spacing_through() {
        let rules = crate::rules::load_str(
            "r.yaml",
            "terms:\n  - prefer: per cent\n    instead_of: [percent, pct.]\n",
        )
        .rules;
        assert_eq!(term_literal("per cent").as_deref(), Some("cent"));
        let got = scanned(
            &rules,
            "Title\n\nUp 5 PERCENT, then 6 Pct. and 7 per\n   Cent.\n",
        );
        let written: Vec<&str> = got.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(written, vec!["PERCENT", "Pct.", "per\n   Cent"]);
        // A term ending in a dot is a whole word too: not the start of "pct.5".
        assert!(scanned(&rules, "Title\n\nUp pct.5 today.\n").is_empty());
        // A spelling the article cannot contain is not looked for, and nothing is found.
        assert!(scanned(&rules, "Title\n\nNo such word here.\n").is_empty());
    }
}
