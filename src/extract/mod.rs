//! Extracting claims: every match of every fact pattern in every article, with its value
//! normalized against the date the claim speaks for.

use std::ops::Range;

use jiff::civil::Date;

use rayon::prelude::*;
use regex_automata::meta::{Cache, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::{Input, PatternID};

use crate::article::Article;
use crate::rules::{Fact, RuleSet};
use crate::values::{self, NormalizeContext, Value, ValueError};

mod compared;
mod days;
mod metres;
mod money;
mod months;
mod names;
mod order;
mod phones;
mod prefilter;
mod ranges;
mod sentences;
mod signs;
mod years;

pub use order::{in_order, permute};

pub use prefilter::{PatternRef, Prefilter, Scan};
pub use sentences::{SentenceFinder, crosses_sentence, sentence_around};

/// One claim of a fact in an article (a pack of hundreds of rules finds millions in an
/// archive, all in memory until the checks have run: what is rare is behind a pointer).
#[derive(Clone, Debug)]
pub struct Claim {
    /// Index of the fact in the rule set.
    pub fact: usize,
    pub article: usize,
    /// Byte range of the value in the article text.
    pub span: Range<usize>,
    /// The raw text of the value.
    pub raw: Box<str>,
    pub value: Result<Value, ValueError>,
    /// The value before, from `{was}`.
    pub was: Option<Box<Was>>,
    /// The date the claim speaks for: the article's date, or the `{when}` date.
    pub speaks_for: Option<Date>,
    /// True when `speaks_for` came from `{when}` rather than the article date.
    pub dated_by_text: bool,
    /// Line and column where the value starts (as [`Article::line_col`] gives them), noted
    /// while the text is loaded so that showing a finding at the claim need not read the
    /// file again; 0 when beyond 32 bits.
    pub place: [u32; 2],
}

/// The value a claim says was replaced (`{was}`), and where it is.
#[derive(Clone, Debug)]
pub struct Was {
    pub value: Result<Value, ValueError>,
    pub span: Range<usize>,
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
    extract_many(&[article], rules, prefilter)
        .pop()
        .unwrap_or_default()
}

/// The claims in each of `articles`, in parallel. Patterns run one after the other over
/// the places every article gives them, rather than article after article over every
/// pattern: with hundreds of rules, a pattern's automaton then stays in the processor's
/// cache while it works (several times faster than taking the articles in turn).
pub fn extract_many(
    articles: &[&Article],
    rules: &RuleSet,
    prefilter: &Prefilter,
) -> Vec<Vec<Claim>> {
    let candidates: Vec<Vec<(PatternRef, Scan)>> = articles
        .par_iter()
        .map(|article| prefilter.candidates(article.body()))
        .collect();
    // (pattern, article, where), by pattern then article.
    let mut jobs: Vec<(PatternRef, usize, &Scan)> = candidates
        .iter()
        .enumerate()
        .flat_map(|(a, list)| list.iter().map(move |(p, scan)| (*p, a, scan)))
        .collect();
    jobs.sort_by_key(|&(p, a, _)| (p, a));
    let per_pattern: Vec<&[(PatternRef, usize, &Scan)]> =
        jobs.chunk_by(|x, y| x.0 == y.0).collect();
    let found: Vec<Vec<(PatternRef, usize, Vec<Found>)>> = per_pattern
        .par_iter()
        .map(|group| {
            let (fact, pattern) = group[0].0;
            // Built here the first time (see `compile_pattern`): one that could fail was
            // built, and rejected, when the rules were loaded.
            let Ok(regex) = rules.facts[fact].patterns[pattern].regex() else {
                return Vec::new();
            };
            // Each pattern's group is one task, so its cache is never waited for.
            let mut cache = prefilter.caches[fact][pattern]
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            let mut matcher =
                Matcher::new(regex, cache.get_or_insert_with(|| regex.create_cache()));
            group
                .iter()
                .filter_map(|&(p, a, scan)| {
                    let found = matcher.run(articles[a].body(), scan);
                    (!found.is_empty()).then_some((p, a, found))
                })
                .collect()
        })
        .collect();
    // Back to articles, each with its matches by pattern.
    let mut per_article: Vec<Vec<(PatternRef, Vec<Found>)>> = vec![Vec::new(); articles.len()];
    for (p, a, matches) in found.into_iter().flatten() {
        per_article[a].push((p, matches));
    }
    per_article
        .into_par_iter()
        .enumerate()
        .map(|(a, matches)| claims_of(articles[a], rules, &matches))
        .collect()
}

/// Turns the matches of each pattern in one article (sorted by pattern) into claims.
fn claims_of(
    article: &Article,
    rules: &RuleSet,
    matches: &[(PatternRef, Vec<Found>)],
) -> Vec<Claim> {
    let mut out = Vec::new();
    // What a bare `$` means here: the article's source says, else the rules' default.
    let default_currency = article
        .source(rules)
        .and_then(|s| s.currency.as_deref())
        .unwrap_or(&rules.currency);
    for group in matches.chunk_by(|a, b| a.0.0 == b.0.0) {
        let index = group[0].0.0;
        extract_fact(
            article,
            index,
            &rules.facts[index],
            group.iter().map(|(_, found)| found.as_slice()),
            default_currency,
            &mut out,
        );
    }
    out
}

fn extract_fact<'f>(
    article: &Article,
    index: usize,
    fact: &Fact,
    patterns: impl Iterator<Item = &'f [Found]>,
    default_currency: &str,
    out: &mut Vec<Claim>,
) {
    let text = article.text.as_str();
    let body = article.body_start;
    // The fact's own currency wins, then the article's (see `claims_of`).
    let currency = fact.currency.as_deref().unwrap_or(default_currency);
    let first = out.len();
    let body_text = &text[body..];
    if fact.exclude_articles.iter().any(|re| re.is_match(text)) {
        return;
    }
    let mut taken = Taken::default();
    for found in patterns {
        for m in found {
            if !fact.cross_sentences && crosses_sentence(body_text, m.whole.clone()) {
                continue;
            }
            let mut span = body + m.value.start..body + m.value.end;
            let whole = body + m.whole.start..body + m.whole.end;
            // A minus sign the grammar read ("-0.5%", "minus 2.3 percent") is the value's
            // where it is one; elsewhere ("plus or minus 3 points") it is left out. The
            // number after it is what is looked at as a piece of something else.
            let mut sign = None;
            if let Some(number) = signs::after_a_sign(text, &span) {
                sign = signs::is_a_sign(text, span.start).then_some(span.start);
                span.start = number;
            }
            if taken.overlaps(&span) || a_piece_of_another_value(fact.ty, text, &span, &whole) {
                continue;
            }
            // A count is never below zero (its grammar reads no sign).
            if fact.ty == values::ValueType::Count && signs::sign_before(text, &span, &whole) {
                continue;
            }
            if let Some(start) = sign {
                span.start = start;
            }
            let sentence = sentence_around(text, span.clone(), body);
            let sentence_text = &text[sentence.clone()];
            if fact.exclude.iter().any(|re| re.is_match(sentence_text)) {
                continue;
            }
            let mut speaks_for = article.date;
            let mut dated_by_text = false;
            if let Some(w) = &m.when {
                let ctx = context(
                    article.date,
                    sentence_text,
                    body + w.start - sentence.start,
                    currency,
                );
                if let Ok(value) =
                    values::normalize(values::ValueType::Date, &body_text[w.clone()], &ctx)
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
            let raw = &text[span.clone()];
            let value = values::normalize(fact.ty, raw, &ctx);
            // "About 10 to 15 people": a qualifier before a range is the range's; so is one
            // after it ("from $3.2 to $3.5 billion or more").
            let range_end = match &value {
                Ok(Value {
                    qualifier,
                    magnitude,
                }) if matches!(
                    qualifier,
                    values::Qualifier::Exact | values::Qualifier::Approx
                ) || values::qualified_after(raw) =>
                {
                    match magnitude {
                        values::Magnitude::Percent(p) => Some((ranges::Kind::Percent, *p)),
                        values::Magnitude::Money { amount, .. } => {
                            Some((ranges::Kind::Money, *amount))
                        }
                        values::Magnitude::Count(n) | values::Magnitude::Number(n) => {
                            Some((ranges::Kind::Count, *n))
                        }
                        _ => None,
                    }
                }
                _ => None,
            };
            // Within its sentence: a "from" or a number of the sentence before is no part
            // of the value's range ("… from $5,000 to $10,000. Rates of 5% to 7% …").
            let in_sentence = span.start - sentence.start..span.end - sentence.start;
            if range_end.is_some_and(|(kind, value)| {
                ranges::end_of_a_range_in_words(sentence_text, &in_sentence, kind, value)
            }) {
                continue;
            }
            let was = m.was.as_ref().map(|w| {
                let ctx = context(
                    speaks_for,
                    sentence_text,
                    body + w.start - sentence.start,
                    currency,
                );
                Box::new(Was {
                    value: values::normalize(fact.ty, &body_text[w.clone()], &ctx),
                    span: body + w.start..body + w.end,
                })
            });
            let (line, column) = article.line_col(span.start);
            let narrow = |n: usize| u32::try_from(n).unwrap_or(0);
            taken.add(span.clone());
            out.push(Claim {
                fact: index,
                article: article.id,
                span,
                raw: raw.into(),
                value,
                was,
                speaks_for,
                dated_by_text,
                place: [narrow(line), narrow(column)],
            });
        }
    }
    out[first..].sort_by_key(|c| c.span.start);
}

/// Whether a value of type `ty` found at `span` (of the match `whole`) is a piece of a
/// larger number, of a word or of a span, which the regex, taking the first value it can,
/// finds on its own: no claim of the value it reads is what the text says.
fn a_piece_of_another_value(
    ty: values::ValueType,
    text: &str,
    span: &Range<usize>,
    whole: &Range<usize>,
) -> bool {
    use values::ValueType as T;
    match ty {
        T::Number | T::Count => {
            inside_a_number(text, span)
                || inside_a_word(text, span, whole)
                || metres::a_distance(text, span, whole)
                || days::day_of_a_date(text, span, whole)
                || phones::in_a_telephone_number(text, span, whole)
                || names::in_a_name(text, span, whole)
        }
        T::Percent => inside_a_number(text, span) || inside_a_word(text, span, whole),
        T::Money => {
            inside_a_number(text, span)
                || inside_a_word(text, span, whole)
                || money::no_amount(text, span, whole)
        }
        T::Year => {
            years::inside_a_number(text, span, whole)
                || phones::in_a_telephone_number(text, span, whole)
        }
        T::Month => months::end_of_a_span(text, span, whole),
        T::Date => false,
    }
}

/// Whether an amount found at `span` is a piece of a larger number or of a range, which the
/// regex (it cannot look behind, and takes the first number it can) may find on its own:
/// "3%" of "2-3%", "$26" of "24-$26", "95 pct" of "85/95 pct", "06 pct" of ".06 pct",
/// "$3" of "$3-3.5 billion". The piece is not what the text says, and a claim of it would
/// make a false finding.
fn inside_a_number(text: &str, span: &Range<usize>) -> bool {
    let Some((before, value, after)) = around(text, span) else {
        return false;
    };
    let digit = |c: char| c.is_ascii_digit();
    if before.ends_with('.') && value.starts_with(digit) {
        return true;
    }
    if value.starts_with(char::is_whitespace) {
        return false;
    }
    // "8%-10%": the first end of a range may carry the unit too.
    let joined = match before.strip_suffix(['-', '–', '/', '.', ',']) {
        Some(joined) => joined.strip_suffix('%').unwrap_or(joined),
        None => before,
    };
    if joined.ends_with(digit) {
        return true;
    }
    // "1 1/2 million" and "1½ million" of a count, whose grammar reads no fraction: the
    // number is more than its digits. (After a fraction, another is the other side of a
    // quote: "6-1/2 3/8 pct".)
    if value.ends_with(digit) && !value.contains('/') && starts_with_a_fraction(after) {
        return true;
    }
    // "$30-$35".
    after.strip_prefix(['-', '–', '/']).is_some_and(|rest| {
        rest.trim_start_matches(|c: char| c == '$' || values::CURRENCY_SIGNS.contains(c))
            .starts_with(digit)
    })
}

/// The text before `span`, in it and after it (None if `span` does not fall on characters).
fn around<'t>(text: &'t str, span: &Range<usize>) -> Option<(&'t str, &'t str, &'t str)> {
    Some((
        text.get(..span.start)?,
        text.get(span.clone())?,
        text.get(span.end..)?,
    ))
}

/// A test sentence with its value marked `[[so]]`: the sentence unmarked, and where the
/// value is in it.
#[cfg(test)]
fn marked(sentence: &str) -> (String, Range<usize>) {
    let start = sentence.find("[[").expect("a value marked [[so]]");
    let end = sentence.find("]]").expect("a value marked [[so]]") - 2;
    (sentence.replace("[[", "").replace("]]", ""), start..end)
}

/// Asserts that `check` says `expected` of the value marked `[[so]]` in each of `sentences`,
/// the match being the value alone (the pattern `{value}`).
#[cfg(test)]
fn assert_marked(
    check: fn(&str, &Range<usize>, &Range<usize>) -> bool,
    expected: bool,
    sentences: &[&str],
) {
    for sentence in sentences {
        let (text, span) = marked(sentence);
        assert_eq!(check(&text, &span, &span), expected, "{sentence}");
    }
}

/// Whether digits found at `span` are glued to letters that make them part of a word: a
/// letter before them ("G7", "A340", "MP3", "Q4"), or after them an ordinal's ending ("4TH
/// QTR", where a number is looked for; a count reads "4TH" whole) or a plural's ("the
/// 1980s", "two 747s"). The regex, which takes the first digits it can, finds them. Letters
/// the pattern itself puts there (`Q{value}`) are the pattern's: only an edge of the value
/// that is an edge of the match (`whole`) is looked at. Letters with a capital after the
/// digits make them part of a name ("3Com", "3G"), unless they are a unit ("80GB", "37C");
/// a unit in lower case ("207p") leaves them a number too.
fn inside_a_word(text: &str, span: &Range<usize>, whole: &Range<usize>) -> bool {
    let Some((before, value, after)) = around(text, span) else {
        return false;
    };
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    if span.start == whole.start
        && digit(value.chars().next())
        && (before.chars().next_back().is_some_and(char::is_alphabetic)
            || (after_a_designation(before) && !grouped_or_decimal(value)))
    {
        return true;
    }
    if span.end != whole.end {
        return false;
    }
    // A number in words joined to a word after it: "one-fifth", "two-thirds", "a two-year
    // deal". The words make one word, which is no number. (A unit joined so, as in "100
    // pct-owned" or "a 30 dlr-a-share offer", leaves the value whole.)
    let last_word = value
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let joined = || {
        let mut rest = after.chars();
        rest.next() == Some('-') && rest.next().is_some_and(char::is_alphabetic)
    };
    if !value.contains(|c: char| c.is_ascii_digit())
        && crate::values::parse_amount(last_word).is_some()
    {
        return joined();
    }
    // So is an ordinal: "fourth-quarter profit", "the second-largest bank", "a 10th-century
    // church" hold no count.
    let last_token = value.rsplit(char::is_whitespace).next().unwrap_or("");
    if joined() && crate::values::ordinal_value(last_token).is_some() {
        return true;
    }
    if !digit(value.chars().next_back()) {
        return false;
    }
    let letters = &after[..after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len())];
    ["s", "st", "nd", "rd", "th"]
        .iter()
        .any(|end| letters.eq_ignore_ascii_case(end))
        || (letters.contains(char::is_uppercase) && !UNITS_WITH_CAPITALS.contains(&letters))
}

/// Whether `before` ends with capitals and a hyphen that make the digits after them a name,
/// as "G7" is: "G-7", "F-16", "DC-10", "M-1" (a money supply), "A-1" (a rating). Lower case
/// ("mid-2020", "under-21") is a word of the sentence.
fn after_a_designation(before: &str) -> bool {
    let Some(letters) = before.strip_suffix('-') else {
        return false;
    };
    let name = letters.len()
        - letters
            .trim_end_matches(|c: char| c.is_ascii_uppercase())
            .len();
    let start = letters.len() - name;
    (1..=6).contains(&name)
        && !letters[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// Whether the digits `value` starts with are grouped or have decimals: a name has neither,
/// where "RPI-7.5" (a price cap of inflation less 7.5 percent) and the footnote mark of
/// "X-2,059,300 tonnes" are before a figure.
fn grouped_or_decimal(value: &str) -> bool {
    let digits = value.len() - value.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut rest = value[digits..].chars();
    matches!(rest.next(), Some('.' | ',')) && rest.next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether `text` starts with a fraction: a fraction sign, or a space and halves to
/// sixty-fourths as the number grammar reads them (" 1/2", " 15/16").
fn starts_with_a_fraction(text: &str) -> bool {
    if text.starts_with(|c: char| "½¼¾⅓⅔⅛⅜⅝⅞".contains(c)) {
        return true;
    }
    let Some(rest) = text.strip_prefix(' ') else {
        return false;
    };
    let top = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let Some(bottom) = rest[top..].strip_prefix('/') else {
        return false;
    };
    let digits = bottom.len()
        - bottom
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    (1..=2).contains(&top) && ["2", "3", "4", "8", "16", "32", "64"].contains(&&bottom[..digits])
}

/// Units written against digits with a capital letter in them ("6GB", "14Mbps", "37C",
/// "2100GMT"). Other letters with a capital make the digits part of a name: "3Com", "7Up",
/// "3G", "3D", "12A", "7E7", "4WD". Letters in lower case after digits are nearly always a
/// unit ("207p", "912km", "6.46secs") or a missing space, and leave the digits a number.
const UNITS_WITH_CAPITALS: &[&str] = &[
    "KB", "MB", "GB", "TB", "Kb", "Mb", "Gb", "Tb", "Kbps", "Mbps", "Gbps", "MBps", "Hz", "kHz",
    "MHz", "GHz", "W", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "V", "kV", "mAh", "dB", "C",
    "F", "L", "GMT", "BST", "UTC", "CET", "EST", "EDT", "PST", "PDT", "AM", "PM", "BC", "AD",
    "BCE", "CE", "MTH", "MTHS",
];

/// The values of the claims a fact has so far in an article, so that a match overlapping
/// one (of an earlier pattern, or earlier in the text) is left out: in a list while there
/// are few, in a set by place once there are many (a file can hold thousands of claims of
/// one fact, and looking through a list for each would take the square of that).
#[derive(Default)]
struct Taken {
    few: Vec<Range<usize>>,
    /// (start, end) of each value. None overlaps another, so the one that starts last
    /// before a span ends also ends last: the only one that can overlap it.
    many: std::collections::BTreeSet<(usize, usize)>,
}

/// Values a fact takes in an article before they go in a set.
const FEW_TAKEN: usize = 32;

impl Taken {
    fn overlaps(&self, span: &Range<usize>) -> bool {
        if self.many.is_empty() {
            return self.few.iter().any(|c| overlaps(c, span));
        }
        self.many
            .range(..(span.end, 0))
            .next_back()
            .is_some_and(|&(start, end)| overlaps(&(start..end), span))
    }

    fn add(&mut self, span: Range<usize>) {
        if self.many.is_empty() && self.few.len() < FEW_TAKEN {
            self.few.push(span);
            return;
        }
        self.many
            .extend(self.few.drain(..).map(|s| (s.start, s.end)));
        self.many.insert((span.start, span.end));
    }
}

/// One match of a pattern: byte ranges in the article body.
#[derive(Clone, Debug)]
struct Found {
    whole: Range<usize>,
    value: Range<usize>,
    when: Option<Range<usize>>,
    was: Option<Range<usize>>,
}

/// Runs one pattern's regex, reusing its capture slots from one search to the next.
struct Matcher<'r> {
    regex: &'r Regex,
    cache: &'r mut Cache,
    captures: Captures,
    value: Option<usize>,
    when: Option<usize>,
    was: Option<usize>,
}

impl<'r> Matcher<'r> {
    fn new(regex: &'r Regex, cache: &'r mut Cache) -> Matcher<'r> {
        let group = |name: &str| regex.group_info().to_index(PatternID::ZERO, name);
        Matcher {
            regex,
            cache,
            captures: regex.create_captures(),
            value: group("value"),
            when: group("when"),
            was: group("was"),
        }
    }

    /// The matches in `text` where the prefilter says the regex can match. The regex sees
    /// the whole text before each window, so `\b` and the like behave as in a full scan.
    fn run(&mut self, text: &str, scan: &Scan) -> Vec<Found> {
        let all = 0..text.len();
        let windows = match scan {
            Scan::Whole => std::slice::from_ref(&all),
            Scan::Windows(windows) => windows.as_slice(),
        };
        let mut out = Vec::new();
        for w in windows {
            let hay = &text[..w.end];
            let mut pos = w.start;
            while pos <= w.end {
                self.regex.search_captures_with(
                    self.cache,
                    &Input::new(hay).span(pos..hay.len()),
                    &mut self.captures,
                );
                let Some(m) = self.captures.get_match() else {
                    break;
                };
                pos = if m.end() > m.start() {
                    m.end()
                } else {
                    // An empty match: step past one character.
                    hay[m.end()..]
                        .chars()
                        .next()
                        .map_or(hay.len() + 1, |c| m.end() + c.len_utf8())
                };
                let group = |i: Option<usize>| {
                    i.and_then(|i| self.captures.get_group(i))
                        .map(|s| s.start..s.end)
                };
                if let Some(mut value) = group(self.value) {
                    let mut whole = m.range();
                    // "1.935 or more than 1.200": the "more" is the next number's, which
                    // the search then finds.
                    if let Some(end) = compared::before_a_comparison(text, &value, &whole) {
                        value.end = end;
                        whole.end = end;
                        pos = end;
                    }
                    out.push(Found {
                        whole,
                        value,
                        when: group(self.when),
                        was: group(self.was),
                    });
                }
            }
        }
        out
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_ascii_digits_and_words_whatever_the_spacing() {
        let rules = crate::rules::load_str(
            "r.yaml",
            "facts:\n  - id: t\n    type: percent\n    patterns: ['tariff of {value}']\n",
        );
        let claims = |text: &str| -> Vec<(String, Option<String>)> {
            let article = Article::from_bytes(
                0,
                std::path::Path::new("a.txt"),
                "a".into(),
                text.as_bytes(),
            )
            .unwrap();
            extract_article(&article, &rules.rules)
                .iter()
                .map(|c| (c.raw.to_string(), c.value_text()))
                .collect()
        };
        // A no-break space between number and sign is still whitespace.
        assert_eq!(
            claims("A tariff of 25\u{a0}%."),
            [("25\u{a0}%".to_string(), Some("25%".to_string()))]
        );
        assert_eq!(
            claims("A tariff of TWENTY-FIVE PER CENT.")[0].0,
            "TWENTY-FIVE PER CENT"
        );
        // Digits of other scripts are not read as numbers, so they are not claims.
        assert!(claims("A tariff of \u{662}\u{665}%.").is_empty());
    }

    #[test]
    fn a_claim_notes_the_line_and_column_where_its_value_starts() {
        let rules = crate::rules::load_str(
            "r.yaml",
            "facts:\n  - id: t\n    type: percent\n    patterns: ['tariff of {value}']\n",
        );
        // Front matter, line breaks of each kind, and characters of several bytes before
        // a value on the same line.
        let text = "---\ndate: 2025-01-02\n---\nA tariff of 5%.\r\nÉté, a tariff of 25%.\rThe \
                    tariff of\n30%; la tariff of 40%.\n";
        let article = Article::from_bytes(
            0,
            std::path::Path::new("a.md"),
            "a.md".into(),
            text.as_bytes(),
        )
        .unwrap();
        let claims = extract_article(&article, &rules.rules);
        let places: Vec<(&str, [u32; 2])> = claims.iter().map(|c| (&*c.raw, c.place)).collect();
        assert_eq!(
            places,
            [
                ("5%", [4, 13]),
                ("25%", [5, 18]),
                ("30%", [7, 1]),
                ("40%", [7, 19])
            ]
        );
        for c in &claims {
            let (line, column) = article.line_col(c.span.start);
            assert_eq!(c.place, [line as u32, column as u32]);
        }
    }

    #[test]
    fn many_articles_at_once_give_what_each_gives_alone() {
        let rules = crate::rules::load_str(
            "r.yaml",
            "facts:\n  - id: t\n    type: percent\n    patterns: ['tariffs? on steel of {value}', '{value} tariffs? on steel']\n  - id: v\n    type: count\n    patterns: ['visited Ottawa {value}']\n",
        );
        let texts = [
            "Tariffs on steel of 25% remain. He visited Ottawa twice. A 10% tariff on steel.",
            "Nothing here.",
            "She visited Ottawa 3 times; tariffs on steel of 30 per cent followed.",
        ];
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                Article::from_bytes(i, std::path::Path::new("a.txt"), "a".into(), t.as_bytes())
                    .unwrap()
            })
            .collect();
        let refs: Vec<&Article> = articles.iter().collect();
        let prefilter = Prefilter::new(&rules.rules);
        let together = extract_many(&refs, &rules.rules, &prefilter);
        let summary = |claims: &[Claim]| -> Vec<(usize, String)> {
            claims.iter().map(|c| (c.fact, c.raw.to_string())).collect()
        };
        for (article, claims) in articles.iter().zip(&together) {
            let alone = extract_with(article, &rules.rules, &prefilter);
            assert_eq!(summary(claims), summary(&alone));
        }
        assert_eq!(
            summary(&together[0]),
            [
                (0, "25%".to_string()),
                (0, "10%".to_string()),
                (1, "twice".to_string())
            ]
        );
        assert!(together[1].is_empty());
        assert_eq!(
            summary(&together[2]),
            [(0, "30 per cent".to_string()), (1, "3 times".to_string())]
        );
    }

    /// In text whose sentence ends are not found (a list, a table), the window around a hit
    /// is cut `MAX_REACH` bytes from it: a claim at a later hit inside that window, running
    /// past its end, is read whole, not cut short ("1.08 mln tonnes" read as 1.08).
    #[test]
    fn a_claim_across_the_end_of_a_cut_window_is_read_whole() {
        let rules = crate::rules::load_str(
            "r.yaml",
            "facts:\n  - id: t\n    type: number\n    patterns: ['{value} (?:tonnes|mln)']\n",
        );
        let prefix = "output rose to 5 tonnes in 1985 and ";
        let suffix = "then 1.08 mln tonnes in 1987 and more";
        // The first window ends inside the second "tonnes".
        let end = prefix.find("tonnes").unwrap() + sentences::MAX_REACH;
        let filler_len = end - prefix.len() - suffix.find("tonnes").unwrap() - 3;
        let filler = "word ".repeat(filler_len / 5 + 1)[..filler_len].to_string();
        // Padded so that windows cost less than the whole text.
        let text = format!(
            "{prefix}{filler}{suffix}\n\n{}",
            "Nothing else. ".repeat(300)
        );
        let article = Article::from_bytes(
            0,
            std::path::Path::new("a.txt"),
            "a".into(),
            text.as_bytes(),
        )
        .unwrap();
        let prefilter = Prefilter::new(&rules.rules);
        let scans = prefilter.candidates(article.body());
        assert!(
            matches!(&scans[..], [(_, Scan::Windows(_))]),
            "the test needs windows"
        );
        let values: Vec<String> = extract_article(&article, &rules.rules)
            .iter()
            .filter_map(|c| c.value_text())
            .collect();
        assert_eq!(values, ["5", "1080000"]);
    }

    proptest::proptest! {
        /// Kept in a list or in a set, the values taken tell the same overlaps: spans added
        /// only where they overlap none taken, as extraction adds them, empty ones too.
        #[test]
        fn taken_values_tell_overlaps_as_a_list_of_them_does(
            spans in proptest::collection::vec((0usize..200, 0usize..6), 0..150),
        ) {
            let mut taken = Taken::default();
            let mut list: Vec<Range<usize>> = Vec::new();
            for (start, len) in spans {
                let span = start..start + len;
                let any = list.iter().any(|c| overlaps(c, &span));
                proptest::prop_assert_eq!(taken.overlaps(&span), any, "{:?} {:?}", span, list);
                if !any {
                    taken.add(span.clone());
                    list.push(span);
                }
            }
        }
    }
}
