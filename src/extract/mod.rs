//! Extracting claims: every match of every fact pattern in every article, with its value
//! normalized against the date the claim speaks for.

use std::ops::Range;

use jiff::civil::Date;

use crate::article::Article;
use crate::rules::{Fact, RuleSet};
use crate::values::{self, NormalizeContext, Value, ValueError};

mod prefilter;

pub use prefilter::Prefilter;

/// One claim of a fact in an article.
#[derive(Clone, Debug)]
pub struct Claim {
    /// Index of the fact in the rule set.
    pub fact: usize,
    pub article: usize,
    /// Byte range of the value in the article text.
    pub span: Range<usize>,
    /// The raw text of the value.
    pub raw: String,
    pub value: Result<Value, ValueError>,
    /// The value before, from `{was}`, and where it is.
    pub was: Option<Result<Value, ValueError>>,
    pub was_span: Option<Range<usize>>,
    /// The date the claim speaks for: the article's date, or the `{when}` date.
    pub speaks_for: Option<Date>,
    /// True when `speaks_for` came from `{when}` rather than the article date.
    pub dated_by_text: bool,
}

impl Claim {
    pub fn value_text(&self) -> Option<String> {
        self.value.as_ref().ok().map(ToString::to_string)
    }
}

/// The claims in one article.
pub fn extract_article(article: &Article, rules: &RuleSet) -> Vec<Claim> {
    extract_with(article, rules, &Prefilter::new(rules))
}

/// The claims in one article, running only the patterns the prefilter lets through.
pub fn extract_with(article: &Article, rules: &RuleSet, prefilter: &Prefilter) -> Vec<Claim> {
    let mut out = Vec::new();
    let candidates = prefilter.hits(article.body());
    for group in candidates.chunk_by(|a, b| a.0.0 == b.0.0) {
        let index = group[0].0.0;
        let patterns: Vec<(usize, &[usize])> = group
            .iter()
            .map(|(p, hits)| (p.1, hits.as_slice()))
            .collect();
        extract_fact(
            article,
            index,
            &rules.facts[index],
            &patterns,
            &rules.currency,
            &mut out,
        );
    }
    out
}

fn extract_fact(
    article: &Article,
    index: usize,
    fact: &Fact,
    patterns: &[(usize, &[usize])],
    default_currency: &str,
    out: &mut Vec<Claim>,
) {
    let text = article.text.as_str();
    let body = article.body_start;
    // The fact's own currency wins, then the article's source, then the global default.
    let currency = fact
        .currency
        .as_deref()
        .or(article.currency.as_deref())
        .unwrap_or(default_currency);
    let first = out.len();
    let body_text = &text[body..];
    for &(p, hits) in patterns {
        let pattern = &fact.patterns[p];
        for caps in verify(&pattern.regex, body_text, hits, fact.cross_sentences) {
            let Some(m) = caps.name("value") else {
                continue;
            };
            let whole = caps.get(0).map_or(m.range(), |w| w.range());
            if !fact.cross_sentences && crosses_sentence(&text[body..], whole) {
                continue;
            }
            let span = body + m.start()..body + m.end();
            if out[first..].iter().any(|c| overlaps(&c.span, &span)) {
                continue;
            }
            let sentence = sentence_around(text, span.clone(), body);
            let sentence_text = &text[sentence.clone()];
            if fact.exclude.iter().any(|re| re.is_match(sentence_text)) {
                continue;
            }
            let mut speaks_for = article.date;
            let mut dated_by_text = false;
            if let Some(w) = caps.name("when") {
                let ctx = context(
                    article.date,
                    sentence_text,
                    body + w.start() - sentence.start,
                    currency,
                );
                if let Ok(value) = values::normalize(values::ValueType::Date, w.as_str(), &ctx)
                    && let values::Magnitude::Days { start, .. } = value.magnitude
                {
                    speaks_for = Some(start);
                    dated_by_text = true;
                }
            }
            let ctx = context(
                speaks_for,
                sentence_text,
                span.start - sentence.start,
                currency,
            );
            let value = values::normalize(fact.ty, m.as_str(), &ctx);
            let was = caps.name("was").map(|w| {
                let ctx = context(
                    speaks_for,
                    sentence_text,
                    body + w.start() - sentence.start,
                    currency,
                );
                values::normalize(fact.ty, w.as_str(), &ctx)
            });
            out.push(Claim {
                fact: index,
                article: article.id,
                span,
                raw: m.as_str().to_string(),
                value,
                was,
                was_span: caps.name("was").map(|w| body + w.start()..body + w.end()),
                speaks_for,
                dated_by_text,
            });
        }
    }
    out[first..].sort_by_key(|c| c.span.start);
}

/// Runs `regex` where it can match: over the sentences around its literal hits (a pattern
/// matches within one sentence), or over the whole text when there are no hits to go by or
/// the fact allows matches across sentences. The regex sees the whole text before each
/// window, so `\b` and the like behave as in a full scan.
fn verify<'t>(
    regex: &regex::Regex,
    text: &'t str,
    hits: &[usize],
    cross_sentences: bool,
) -> Vec<regex::Captures<'t>> {
    // A window costs a sentence search and a regex start per hit: once the windows would
    // cover much of the text, one pass over all of it is cheaper.
    if cross_sentences || hits.is_empty() || hits.len() * WINDOW_COST > text.len() {
        return regex.captures_iter(text).collect();
    }
    let mut windows: Vec<Range<usize>> = Vec::new();
    for &h in hits {
        // Hits are in order: one in the sentence already taken adds nothing.
        if windows.last().is_some_and(|last| h < last.end) {
            continue;
        }
        let w = sentence_around(text, h..h, 0);
        match windows.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => windows.push(w),
        }
    }
    let mut out = Vec::new();
    for w in windows {
        let hay = &text[..w.end];
        let mut pos = w.start;
        while pos <= w.end {
            let Some(caps) = regex.captures_at(hay, pos) else {
                break;
            };
            let whole = caps.get(0).expect("group 0 always matches");
            pos = if whole.end() > whole.start() {
                whole.end()
            } else {
                // An empty match: step past one character.
                hay[whole.end()..]
                    .chars()
                    .next()
                    .map_or(hay.len() + 1, |c| whole.end() + c.len_utf8())
            };
            out.push(caps);
        }
    }
    out
}

/// About what one window costs, in bytes of full-text regex search (measured on news text).
const WINDOW_COST: usize = 1024;

fn context<'a>(
    date: Option<Date>,
    sentence: &'a str,
    value_start: usize,
    currency: &'a str,
) -> NormalizeContext<'a> {
    NormalizeContext {
        article_date: date,
        sentence,
        value_start,
        default_currency: currency,
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The sentence containing `span`: from after the previous sentence end (". " followed by an
/// uppercase letter or a quote, or a blank line) to the next one. Abbreviations such as
/// "U.S." or "Aug." are not sentence ends because a lowercase word or digit follows them
/// often enough; when in doubt the sentence is longer, which only widens the tense window.
pub fn sentence_around(text: &str, span: Range<usize>, floor: usize) -> Range<usize> {
    const MAX: usize = 600;
    let bytes = text.as_bytes();
    let lower = span.start.saturating_sub(MAX).max(floor);
    let mut start = lower;
    let mut i = span.start;
    while i > lower {
        i -= 1;
        if is_sentence_break(bytes, i) {
            start = i + 1;
            break;
        }
    }
    let upper = (span.end + MAX).min(text.len());
    let mut end = upper;
    let mut j = span.end;
    while j < upper {
        if is_sentence_break(bytes, j) {
            end = j + 1;
            break;
        }
        j += 1;
    }
    while start < span.start
        && (!text.is_char_boundary(start) || bytes[start].is_ascii_whitespace())
    {
        start += 1;
    }
    while end > span.end && !text.is_char_boundary(end) {
        end -= 1;
    }
    start..end
}

/// True when a sentence ends strictly inside `range` of `text`.
fn crosses_sentence(text: &str, range: Range<usize>) -> bool {
    let bytes = text.as_bytes();
    let end = range.end.saturating_sub(1);
    (range.start..end).any(|i| is_sentence_break(bytes, i))
}

fn is_sentence_break(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' => bytes.get(i + 1) == Some(&b'\n') || bytes.get(i + 1) == Some(&b'\r'),
        b'.' | b'!' | b'?' => {
            let next = bytes.get(i + 1).copied();
            let after = bytes.get(i + 2).copied();
            matches!(next, Some(b' ') | Some(b'\n'))
                && after.is_some_and(|c| c.is_ascii_uppercase() || c == b'"' || c >= 0x80)
                && !is_abbreviation(bytes, i)
        }
        _ => false,
    }
}

/// "U.S. President", "Mr. Carney", "Sept. 3": a capital after these is not a new sentence.
fn is_abbreviation(bytes: &[u8], dot: usize) -> bool {
    let mut k = dot;
    while k > 0 && bytes[k - 1].is_ascii_alphabetic() {
        k -= 1;
    }
    let word = &bytes[k..dot];
    if word.len() == 1 && word[0].is_ascii_uppercase() {
        return true; // U.S. / D.C. / initials
    }
    const ABBR: &[&[u8]] = &[
        b"Mr", b"Mrs", b"Ms", b"Dr", b"St", b"Jan", b"Feb", b"Mar", b"Apr", b"Aug", b"Sept",
        b"Sep", b"Oct", b"Nov", b"Dec", b"Gov", b"Sen", b"Rep", b"Gen", b"Lt", b"Col", b"No",
        b"Jr", b"Sr", b"Inc", b"Corp", b"Ltd", b"Co", b"vs", b"Prof", b"Hon", b"Ave", b"Mt",
    ];
    ABBR.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_across_a_sentence_end_is_not_a_claim() {
        let text = "He spoke with Trump. Later, on Monday, he left.";
        assert!(crosses_sentence(text, 3..38));
        assert!(!crosses_sentence(text, 21..38));
        assert!(!crosses_sentence("U.S. President Trump", 0..20));
    }

    #[test]
    fn sentence_stops_at_sentence_ends_but_not_abbreviations() {
        let text = "First one. U.S. President Trump met Mr. Carney on Monday. Next.";
        let at = text.find("Monday").unwrap();
        let s = sentence_around(text, at..at + 6, 0);
        assert_eq!(&text[s], "U.S. President Trump met Mr. Carney on Monday.");
    }
}
