//! quotes: the same quotation rendered differently in two articles — a word dropped, added
//! or changed — shown as a word diff. Quotations are compared after typography (curly and
//! straight quotes, apostrophes, case, spacing) and house style (per cent/percent,
//! U.S./US, co-operate/cooperate, the `terms:` rules) are normalized away, so copy-editing
//! alone never makes a quotation "altered". Two passages sharing a run of at least
//! `min_words` words (default 6) are taken to be the same quotation.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::terms::BUILTIN_PAIRS;
use super::text::{Word, quotation_spans, words};
use super::{Check, CheckInfo, Context};
use crate::finding::{Finding, Kind, Location, Severity};

pub struct Quotes;

pub const DEFAULT_MIN_WORDS: usize = 6;
/// Longer passages are compared on their first words only, to bound the diff.
const MAX_WORDS: usize = 400;

/// Speech introduced by a colon without quotation marks: "…, responding: Who cares?".
static INTRODUCED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:said|says|responding|responded|replied|stated|added|wrote|told\s+\w+(?:\s+\w+)?|asked)\s*:\s*")
        .expect("valid")
});

struct Quotation {
    article: usize,
    span: Range<usize>,
    words: Vec<Word>,
}

fn hash_shingle(words: &[Word]) -> u64 {
    let mut h = DefaultHasher::new();
    for w in words {
        w.norm.hash(&mut h);
    }
    h.finish()
}

/// Token substitutions for house style: (sequence of normalized words, replacement).
fn style_map(ctx: &Context) -> Vec<(Vec<String>, String)> {
    let mut map: Vec<(Vec<String>, String)> = Vec::new();
    let mut add = |from: &str, to: &str| {
        let seq: Vec<String> = from
            .split_whitespace()
            .map(|w| w.to_lowercase().replace('.', ""))
            .collect();
        let to = to.to_lowercase().replace(['.', ' '], "");
        if !seq.is_empty() {
            map.push((seq, to));
        }
    };
    for (a, b) in BUILTIN_PAIRS {
        add(a, b);
        add(b, b);
    }
    for term in &ctx.rules.terms {
        for wrong in &term.instead_of {
            add(wrong, &term.prefer);
        }
        add(&term.prefer, &term.prefer);
    }
    add("per cent", "percent");
    // Longest sequences first so "per cent" wins over "per".
    map.sort_by_key(|(seq, _)| std::cmp::Reverse(seq.len()));
    map
}

fn apply_style(words: Vec<Word>, map: &[(Vec<String>, String)]) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let hit = map.iter().find(|(seq, _)| {
            i + seq.len() <= words.len()
                && seq
                    .iter()
                    .zip(&words[i..])
                    .all(|(s, w)| *s == w.norm.replace('.', ""))
        });
        match hit {
            Some((seq, to)) => {
                let span = words[i].span.start..words[i + seq.len() - 1].span.end;
                out.push(Word {
                    norm: to.clone(),
                    span,
                });
                i += seq.len();
            }
            None => {
                out.push(words[i].clone());
                i += 1;
            }
        }
    }
    out
}

fn collect(ctx: &Context, min_words: usize, style: &[(Vec<String>, String)]) -> Vec<Quotation> {
    let mut out = Vec::new();
    for article in ctx.articles {
        let text = article.text.as_str();
        let body = article.body_start..text.len();
        let mut spans = quotation_spans(text, body.clone());
        for m in INTRODUCED.find_iter(&text[body.clone()]) {
            let start = body.start + m.end();
            if text[start..].starts_with(['“', '"', '‘', '«']) {
                continue; // marked; already found
            }
            let end = text[start..]
                .find("\n\n")
                .or_else(|| text[start..].find("\r\n\r\n"))
                .map_or(text.len(), |i| start + i);
            spans.push(start..end);
        }
        for span in spans {
            let mut ws = words(text, span.clone());
            ws.truncate(MAX_WORDS);
            let ws = apply_style(ws, style);
            if ws.len() >= min_words {
                out.push(Quotation {
                    article: article.id,
                    span,
                    words: ws,
                });
            }
        }
    }
    out
}

/// An edit between two renderings, as ranges of word indices in each.
#[derive(Debug)]
struct Edit {
    a: Range<usize>,
    b: Range<usize>,
}

/// Word-level diff of `a` and `b` restricted to the stretch both renderings cover (from the
/// first to the last shared word): a shorter excerpt of a longer quotation is not an edit.
fn diff(a: &[Word], b: &[Word]) -> Vec<Edit> {
    let n = a.len();
    let m = b.len();
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i].norm == b[j].norm {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i].norm == b[j].norm {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let mut edits = Vec::new();
    for w in pairs.windows(2) {
        let ((i0, j0), (i1, j1)) = (w[0], w[1]);
        if i1 > i0 + 1 || j1 > j0 + 1 {
            edits.push(Edit {
                a: i0 + 1..i1,
                b: j0 + 1..j1,
            });
        }
    }
    edits
}

fn phrase(text: &str, ws: &[Word], r: Range<usize>) -> String {
    if r.is_empty() {
        return String::new();
    }
    text[ws[r.start].span.start..ws[r.end - 1].span.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Check for Quotes {
    fn info(&self) -> CheckInfo {
        CheckInfo {
            id: "quotes",
            kind: Kind::Quote,
            default_severity: Severity::Warning,
            summary: "the same quotation rendered differently in two articles",
            explanation: "Collects quotations (in curly or straight quotation marks, and speech \
                after \"said:\" or \"responding:\" without marks) and pairs those of different \
                articles that share a run of at least `min_words` words (6 unless set under \
                `checks: { quotes: { min_words: N } }`). Within the stretch both cover, any \
                word dropped, added or changed is reported with a word diff. Case, curly or \
                straight quotes and apostrophes, spacing, and house-style spellings known to \
                the terms check do not count as changes.",
            fact_check: false,
        }
    }

    fn run(&self, ctx: &Context) -> Vec<Finding> {
        let info = self.info();
        let severity = ctx.severity(&info, None);
        let min_words = ctx
            .rules
            .check_config(info.id)
            .min_words
            .unwrap_or(DEFAULT_MIN_WORDS)
            .max(2);
        let style = style_map(ctx);
        let quotes = collect(ctx, min_words, &style);
        // Index quotations by hashed shingles so only passages sharing a run are compared.
        let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
        for (qi, q) in quotes.iter().enumerate() {
            let mut seen = HashSet::new();
            for sh in q.words.windows(min_words) {
                let h = hash_shingle(sh);
                if seen.insert(h) {
                    index.entry(h).or_default().push(qi);
                }
            }
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut seen_pairs = HashSet::new();
        for bucket in index.values() {
            // A run shared by very many quotations is boilerplate, not one quotation.
            if bucket.len() > 50 {
                continue;
            }
            for (x, &a) in bucket.iter().enumerate() {
                for &b in &bucket[x + 1..] {
                    if quotes[a].article != quotes[b].article
                        && seen_pairs.insert((a.min(b), a.max(b)))
                    {
                        pairs.push((a.min(b), a.max(b)));
                    }
                }
            }
        }
        pairs.sort_unstable();
        let mut findings = Vec::new();
        for (a, b) in pairs {
            let (qa, qb) = (&quotes[a], &quotes[b]);
            let edits = diff(&qa.words, &qb.words);
            if edits.is_empty() {
                continue;
            }
            // The rendering that lacks words is the primary; on a tie, the later article.
            let dropped_a: usize = edits.iter().map(|e| e.b.len()).sum();
            let dropped_b: usize = edits.iter().map(|e| e.a.len()).sum();
            let (p, o, flip) =
                if dropped_a > dropped_b || (dropped_a == dropped_b && qa.article > qb.article) {
                    (qa, qb, false)
                } else {
                    (qb, qa, true)
                };
            let pt = ctx.articles[p.article].text.as_str();
            let ot = ctx.articles[o.article].text.as_str();
            let mut notes = Vec::new();
            for e in &edits {
                let (mine, theirs) = if flip { (&e.b, &e.a) } else { (&e.a, &e.b) };
                let here = phrase(pt, &p.words, mine.clone());
                let there = phrase(ot, &o.words, theirs.clone());
                notes.push(match (here.is_empty(), there.is_empty()) {
                    (true, false) => format!("dropped: \"{there}\""),
                    (false, true) => format!("added: \"{here}\""),
                    _ => format!("changed: \"{there}\" → \"{here}\""),
                });
            }
            notes.push(format!(
                "word diff against {}: {}",
                ctx.articles[o.article].display,
                word_diff(ot, &o.words, pt, &p.words, &edits, flip)
            ));
            findings.push(Finding {
                kind: Kind::Quote,
                rule: info.id.to_string(),
                severity,
                message: format!(
                    "quotes: this quotation reads differently in {}",
                    ctx.articles[o.article].display
                ),
                locations: vec![
                    Location {
                        article: p.article,
                        span: p.span.clone(),
                        label: "rendered like this".to_string(),
                        value: None,
                    },
                    Location {
                        article: o.article,
                        span: o.span.clone(),
                        label: "and like this".to_string(),
                        value: None,
                    },
                ],
                notes,
                help: Some(
                    "check the quotation against the recording or transcript and make both \
                     articles match it; mark a deliberate cut with an ellipsis"
                        .to_string(),
                ),
            });
        }
        findings
    }
}

/// The other rendering with `[-dropped-]` and `{+added+}` marks, over the shared stretch.
fn word_diff(ot: &str, ow: &[Word], pt: &str, pw: &[Word], edits: &[Edit], flip: bool) -> String {
    let side = |e: &Edit| {
        if flip {
            (e.a.clone(), e.b.clone())
        } else {
            (e.b.clone(), e.a.clone())
        }
    };
    let first = edits
        .first()
        .map(|e| side(e).0.start.saturating_sub(4))
        .unwrap_or(0);
    let last = edits
        .last()
        .map(|e| (side(e).0.end + 4).min(ow.len()))
        .unwrap_or(ow.len());
    let mut out = Vec::new();
    let mut i = first;
    let mut k = 0;
    while i < last {
        if let Some(e) = edits.get(k) {
            let (theirs, mine) = side(e);
            if i == theirs.start {
                if !theirs.is_empty() {
                    out.push(format!("[-{}-]", phrase(ot, ow, theirs.clone())));
                }
                if !mine.is_empty() {
                    out.push(format!("{{+{}+}}", phrase(pt, pw, mine)));
                }
                i = theirs.end.max(i);
                k += 1;
                if theirs.is_empty() {
                    // Pure addition: nothing of theirs consumed at this position.
                    out.push(phrase(ot, ow, i..i + 1));
                    i += 1;
                }
                continue;
            }
        }
        out.push(phrase(ot, ow, i..i + 1));
        i += 1;
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<Word> {
        words(s, 0..s.len())
    }

    #[test]
    fn a_dropped_sentence_is_one_edit() {
        let a = w("It's a detail. I'll speak to him again when it matters.");
        let b = w("It’s a detail. I spoke to him. I’ll speak to him again when it matters.");
        let edits = diff(&a, &b);
        assert_eq!(edits.len(), 1);
        assert!(edits[0].a.is_empty());
        assert_eq!(edits[0].b, 3..7);
    }

    #[test]
    fn typography_alone_is_no_edit() {
        let a = w("“We’re just doing our best and hoping for the best.”");
        let b = w("\"We're just doing our best and hoping for the best.\"");
        assert!(diff(&a, &b).is_empty());
    }

    #[test]
    fn a_shorter_excerpt_is_not_an_edit() {
        let a = w("we shall see how the talks go in the spring");
        let b = w("I think we shall see how the talks go in the spring and after");
        assert!(diff(&a, &b).is_empty());
    }
}
