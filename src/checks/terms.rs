//! terms: house-style consistency across the corpus. `terms:` rules flag a non-preferred
//! spelling or name anywhere; without rules, a small built-in list of spelling pairs
//! (aluminium/aluminum, per cent/percent…) reports the minority spelling when the corpus
//! mixes both. Text inside quotation marks and proper names are left alone.

use std::any::Any;
use std::ops::Range;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use regex::Regex;

use super::text::{inside, single_spaced};
use super::{Check, CheckInfo, Context, FastMap, Gathered, Scan};
use crate::article::{Article, Placements};
use crate::finding::{Finding, Kind, Location, Severity, Text};
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

/// Where a use starts (line, column), when the scan noted it.
type At<'a> = Option<&'a [u32; 2]>;

/// Uses with the text as written, and where they are.
type Uses<'a> = Vec<(Use, &'a str, At<'a>)>;

/// Which form a use is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    /// `terms[rule].instead_of[form]`
    Wrong(usize, usize),
    /// `terms[rule].prefer`
    Preferred(usize),
    /// `BUILTIN_PAIRS[pair]`, form 0 or 1
    Pair(usize, usize),
}

/// What the scan keeps of one article: each use as (form, start), the form being its
/// position in [`Plan::forms`], and the text as written of the uses not spelled exactly as
/// their form (most are: they then cost nothing more). A use ends where its text as written
/// does. Kept for every article of an archive until the end of the run, hence 8 bytes a use
/// (offsets fit in 32 bits: larger files are skipped when loaded). The lists are copied into
/// the run's [`Store`] as they are gathered, so they are not trimmed to size here.
struct Scanned {
    uses: Vec<[u32; 2]>,
    /// (index in `uses`, text as written)
    written: Vec<(u32, Box<str>)>,
    /// (index in `uses`, line and column where it starts), for uses on one line: see
    /// [`Plan::seen`] for which uses are placed.
    placed: Vec<(u32, [u32; 2])>,
}

/// What the scans of every article keep, gathered for the run.
#[derive(Default)]
struct Store {
    uses: Gathered<[u32; 2]>,
    written: Gathered<(u32, Box<str>)>,
    placed: Gathered<(u32, [u32; 2])>,
}

impl Store {
    /// Each use, in article order, with its form's key, its text as written and where it
    /// is.
    #[cfg(test)]
    fn each<'a>(
        &'a self,
        rules: &'a RuleSet,
        keys: &'a [Key],
    ) -> impl Iterator<Item = (Key, Use, &'a str, At<'a>)> + 'a {
        self.each_in(rules, keys, 0..usize::MAX)
    }

    /// As `Store::each`, for the articles in `articles` only.
    fn each_in<'a>(
        &'a self,
        rules: &'a RuleSet,
        keys: &'a [Key],
        articles: Range<usize>,
    ) -> impl Iterator<Item = (Key, Use, &'a str, At<'a>)> + 'a {
        let mut written = within(&self.written, articles.clone()).peekable();
        let mut placed = within(&self.placed, articles.clone()).peekable();
        within(&self.uses, articles).flat_map(move |(article, uses)| {
            let texts: &[(u32, Box<str>)] = written
                .next_if(|(a, _)| *a == article)
                .map_or(&[], |(_, texts)| texts);
            let mut texts = texts.iter().peekable();
            let places: &[(u32, [u32; 2])] = placed
                .next_if(|(a, _)| *a == article)
                .map_or(&[], |(_, places)| places);
            let mut places = places.iter().peekable();
            uses.iter().enumerate().map(move |(i, &[form, start])| {
                let key = keys[form as usize];
                let used = match texts.next_if(|(w, _)| *w as usize == i) {
                    Some((_, text)) => &**text,
                    None => form_text(rules, key),
                };
                let at = places.next_if(|(p, _)| *p as usize == i).map(|(_, at)| at);
                let span = start as usize..start as usize + used.len();
                (key, Use { article, span }, used, at)
            })
        })
    }
}

/// The items of the articles in `articles` only.
fn within<T>(list: &Gathered<T>, articles: Range<usize>) -> impl Iterator<Item = (usize, &[T])> {
    let end = articles.end;
    list.each()
        .skip_while(move |(a, _)| *a < articles.start)
        .take_while(move |(a, _)| *a < end)
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

/// The regex of spelling `form` of built-in pair `pair`, compiled the first time an article
/// holds its literal (most archives never use most of the spellings).
fn pair_regex(pair: usize, form: usize) -> Option<&'static Regex> {
    static COMPILED: [[OnceLock<Option<Regex>>; 2]; BUILTIN_PAIRS.len()] =
        [const { [const { OnceLock::new() }, const { OnceLock::new() }] }; BUILTIN_PAIRS.len()];
    let (a, b) = BUILTIN_PAIRS.get(pair)?;
    COMPILED[pair]
        .get(form)?
        .get_or_init(|| term_regex(if form == 0 { a } else { b }))
        .as_ref()
}

/// The matches of `re` in the body of `article` (offsets into its text), as a search of the
/// whole body finds them: over the whole body, or only around the `pieces` (sorted) where
/// the spelling's literal occurs, each of which a match holds.
fn matches(
    article: &Article,
    re: &Regex,
    around: Option<(&Literal, &[Range<usize>])>,
) -> Vec<Range<usize>> {
    let text = article.text.as_str();
    let body = article.body_start;
    let Some((literal, pieces)) = around else {
        return re
            .find_iter(&text[body..])
            .map(|m| body + m.start()..body + m.end())
            .collect();
    };
    let mut out: Vec<Range<usize>> = Vec::with_capacity(pieces.len());
    // Windows may overlap: a match is kept once, and never one overlapping the one before
    // (as a search of the whole body would not find it).
    let mut keep = |span: Range<usize>| {
        if out.last().is_none_or(|last| last.end <= span.start) {
            out.push(span);
        }
    };
    for piece in pieces {
        let reading = match &literal.spelling {
            Some(spelling) => spelling.read(text, body, piece.clone()),
            None => Read::Unsure,
        };
        match reading {
            Read::Match(span) => keep(span),
            Read::NoMatch => {}
            Read::Unsure => {
                let w = window(
                    text,
                    body,
                    text.len(),
                    piece.clone(),
                    literal.before,
                    literal.after,
                );
                // The body up to the window's end, so that the regex sees what precedes
                // the window (a window ends before a space or at the end of the text, where
                // a word ends either way).
                let hay = &text[body..w.end];
                let mut at = w.start - body;
                while let Some(m) = re.find_at(hay, at) {
                    keep(body + m.start()..body + m.end());
                    at = m.end().max(at + 1);
                    while !hay.is_char_boundary(at) {
                        at += 1;
                    }
                    if at > hay.len() {
                        break;
                    }
                }
            }
        }
    }
    out
}

thread_local! {
    /// Where each spelling's literal is in the article being scanned (see [`Terms`]'s scan).
    static PIECES: std::cell::Cell<Vec<Vec<Range<usize>>>> = const { std::cell::Cell::new(Vec::new()) };
}

/// What reading a spelling in place around its literal found.
#[derive(Debug, PartialEq)]
enum Read {
    Match(Range<usize>),
    NoMatch,
    /// Characters beyond ASCII where the spelling's words are, which Unicode case rules
    /// might make them (the regex decides).
    Unsure,
}

/// A spelling that can be read in place around its literal, without its regex: ASCII
/// words one space apart (as `term_regex` makes them: each space any run of white space,
/// ASCII case ignored, a word boundary at an end that is a word character).
#[derive(Debug)]
struct Spelling {
    /// Lowercased.
    words: Vec<Vec<u8>>,
    /// Which word the literal is.
    at: usize,
    bound_start: bool,
    bound_end: bool,
}

impl Spelling {
    fn new(term: &str, at: usize) -> Option<Spelling> {
        let words: Vec<Vec<u8>> = term
            .split(' ')
            .map(|w| w.as_bytes().to_ascii_lowercase())
            .collect();
        let plain = term.is_ascii()
            && words
                .iter()
                .all(|w| !w.is_empty() && !w.iter().any(u8::is_ascii_whitespace))
            && !term.contains('\x0b');
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        (plain && at < words.len()).then(|| Spelling {
            words,
            at,
            bound_start: word(term.chars().next()),
            bound_end: word(term.chars().next_back()),
        })
    }

    /// The match holding the literal at `piece` (found ignoring ASCII case) as the word
    /// [`Spelling::at`], reading `text[lo..]`.
    fn read(&self, text: &str, lo: usize, piece: Range<usize>) -> Read {
        let bytes = text.as_bytes();
        let is_word = |c: char| regex_syntax::try_is_word_character(c).unwrap_or(true);
        // Words case folding could make of characters beyond ASCII: up to three bytes a letter.
        let unsure = |region: Range<usize>| !bytes[region].is_ascii();
        let mut start = piece.start;
        for word in self.words[..self.at].iter().rev() {
            let gap = text[lo..start]
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_whitespace())
                .last()
                .map_or(start, |(i, _)| lo + i);
            if gap == start {
                return Read::NoMatch;
            }
            let Some(from) = gap.checked_sub(word.len()).filter(|&f| f >= lo) else {
                return Read::NoMatch;
            };
            if !bytes[from..gap].eq_ignore_ascii_case(word) {
                let near = gap.saturating_sub(3 * word.len()).max(lo);
                return if unsure(near..gap) {
                    Read::Unsure
                } else {
                    Read::NoMatch
                };
            }
            start = from;
        }
        let mut end = piece.end;
        for word in &self.words[self.at + 1..] {
            let gap = text[end..]
                .char_indices()
                .take_while(|(_, c)| c.is_whitespace())
                .last()
                .map_or(end, |(i, c)| end + i + c.len_utf8());
            if gap == end {
                return Read::NoMatch;
            }
            let to = gap + word.len();
            if to > bytes.len() || !bytes[gap..to].eq_ignore_ascii_case(word) {
                let near = (gap + 3 * word.len()).min(bytes.len());
                return if unsure(gap..near) {
                    Read::Unsure
                } else {
                    Read::NoMatch
                };
            }
            end = to;
        }
        if self.bound_start && text[lo..start].chars().next_back().is_some_and(is_word) {
            return Read::NoMatch;
        }
        if self.bound_end && text[end..].chars().next().is_some_and(is_word) {
            return Read::NoMatch;
        }
        Read::Match(start..end)
    }
}

/// The uses among `spans` (matches of a term) that count: whole words outside quotations
/// and outside `except` names.
fn uses(
    article: &Article,
    quotes: &[Range<usize>],
    spans: Vec<Range<usize>>,
    except: &[Regex],
    proper_names: bool,
) -> Vec<Use> {
    let text = article.text.as_str();
    let body = article.body_start;
    let mut excepted: Option<Vec<Range<usize>>> = None;
    spans
        .into_iter()
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

/// The part of `text[lo..hi]` that a match of a term holding the piece at `piece` can lie
/// in: from the start of the run of non-spaces holding the piece back over `before` more
/// runs of spaces and the words before them, and from its end on over `after` more (a
/// term's words are one `\s+` apart, as `\s` goes: Unicode white space). It ends before
/// a space, or at `hi`.
fn window(
    text: &str,
    lo: usize,
    hi: usize,
    piece: Range<usize>,
    before: usize,
    after: usize,
) -> Range<usize> {
    let start = last_within(text[lo..piece.start].char_indices().rev(), before)
        .map_or(piece.start, |(i, _)| lo + i);
    let end = last_within(text[piece.end..hi].char_indices(), after)
        .map_or(piece.end, |(i, c)| piece.end + i + c.len_utf8());
    start..end
}

/// The last of `chars` (read outward from a word, either way) before the `runs + 1`-th run
/// of white space begins; `None` when the first is already there.
fn last_within(chars: impl Iterator<Item = (usize, char)>, runs: usize) -> Option<(usize, char)> {
    let (mut breaks, mut in_space, mut last) = (0, false, None);
    for (i, c) in chars {
        let space = c.is_whitespace();
        if space && !in_space {
            breaks += 1;
            if breaks > runs {
                break;
            }
        }
        in_space = space;
        last = Some((i, c));
    }
    last
}

/// Whether `text` holds "ſ" or the Kelvin sign, which Unicode case rules make an "s" and a
/// "k" (see [`Terms`]'s scan). One pass for both, on bytes that English text seldom holds:
/// "ſ" is C5 BF, and the Kelvin sign E2 84 AA (E2 alone starts every curly quote).
fn may_fold(text: &[u8]) -> bool {
    memchr::memchr2_iter(0xc5, 0x84, text).any(|i| match text[i] {
        0xc5 => text.get(i + 1) == Some(&0xbf),
        _ => i > 0 && text[i - 1] == 0xe2 && text.get(i + 1) == Some(&0xaa),
    })
}

/// What the scans share: which built-in pairs a rule overrides, and one automaton over a
/// literal of every spelling. A spelling is looked for only around the places its literal
/// occurs, which on news text is a small part of it ("per cent" around each "cent").
struct Plan {
    skip: Vec<bool>,
    /// Every spelling's key, in [`Plan::forms`] order (listed once, not for each article).
    keys: Vec<Key>,
    literals: Literals,
    /// For each spelling, in [`Plan::forms`] order: how it is found around its literal, or
    /// `None` (searched for in the whole body).
    form_literal: Vec<Option<Literal>>,
    /// For each literal, its length and the spellings that hold it.
    literal_forms: Vec<(usize, Vec<usize>)>,
    /// For each spelling of a built-in pair, the other one's place in [`Plan::forms`].
    partner: Vec<Option<usize>>,
    /// How many uses of each spelling the scans found so far. A scan notes where the uses
    /// it keeps are (so that their files need not be read again to show them) only for
    /// those likely to be reported: every wrong form of a rule, and a pair's spelling while
    /// it is not the more common of the two. Which is more common shows early, but only a
    /// guess is needed: a finding without a noted place is shown by reading its file again.
    seen: Vec<AtomicUsize>,
}

impl Plan {
    fn new(rules: &RuleSet) -> Plan {
        let mut words: Vec<String> = Vec::new();
        let mut literal_forms: Vec<(usize, Vec<usize>)> = Vec::new();
        let form_literal = Plan::forms(rules)
            .enumerate()
            .map(|(form, (_, term))| {
                let (lit, before, after) = term_literal(term)?;
                let i = words.iter().position(|w| *w == lit).unwrap_or_else(|| {
                    literal_forms.push((lit.len(), Vec::new()));
                    words.push(lit);
                    words.len() - 1
                });
                literal_forms[i].1.push(form);
                Some(Literal {
                    before,
                    after,
                    spelling: Spelling::new(term, before),
                })
            })
            .collect();
        let keys: Vec<Key> = Plan::forms(rules).map(|(key, _)| key).collect();
        let partner = keys
            .iter()
            .map(|key| match *key {
                Key::Pair(k, form) => keys.iter().position(|&o| o == Key::Pair(k, 1 - form)),
                _ => None,
            })
            .collect();
        Plan {
            skip: skipped_pairs(rules),
            seen: keys.iter().map(|_| AtomicUsize::new(0)).collect(),
            keys,
            literals: Literals::new(&words),
            form_literal,
            literal_forms,
            partner,
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

/// How a spelling is found around its literal.
struct Literal {
    /// How many of the spelling's words come before and after it.
    before: usize,
    after: usize,
    /// The spelling read in place, when it can be.
    spelling: Option<Spelling>,
}

/// The longest space-free ASCII piece of a term (lowercased), with how many of the term's
/// pieces come before and after it: every match of the term's regex contains the piece,
/// ignoring ASCII case. `None` when the term has no such piece.
fn term_literal(term: &str) -> Option<(String, usize, usize)> {
    let pieces: Vec<&str> = term.split_whitespace().collect();
    // The first of the longest.
    let (at, piece) = pieces
        .iter()
        .enumerate()
        .filter(|(_, w)| w.is_ascii())
        .rev()
        .max_by_key(|(_, w)| w.len())?;
    Some((piece.to_ascii_lowercase(), at, pieces.len() - at - 1))
}

/// A capitalised word mid-sentence, or one followed by another capitalised word ("Aluminium
/// Association of Canada"), is part of a name.
///
/// Text wrapped at a fixed width breaks its lines mid-sentence ("the International
/// Coffee\nOrganization", "the U.S. Defense\nDepartment"): a word at the start of a line
/// starts a sentence only after a blank line, a heading, or a line that ends with neither a
/// word nor a comma (a full stop), and the next word may stand on the next line. An
/// initialism ("U.S.") does not end the sentence before it.
fn is_proper_name(text: &str, span: Range<usize>) -> bool {
    if !text[span.clone()].starts_with(char::is_uppercase) {
        return false;
    }
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let prior = before.trim_end_matches([' ', '\t', '\r', '\n']);
    let sentence_start = if prior.len() == before.len() {
        prior.is_empty()
            || (prior.ends_with(['.', '!', '?', '"', '“', ':', '—'])
                && !ends_with_initialism(prior))
    } else {
        // At the start of a line: after a blank line, a line that ends a sentence or a
        // heading (Markdown's, or a wire headline in capitals).
        let blank_line = line_breaks(&before[prior.len()..]) > 1;
        let line = &prior[prior.rfind(['\n', '\r']).map_or(0, |i| i + 1)..];
        let heading = line.trim_start().starts_with('#') || !line.chars().any(char::is_lowercase);
        blank_line || heading || !prior.ends_with(|c: char| c.is_alphanumeric() || c == ',')
    };
    if !sentence_start {
        return true;
    }
    let after = &text[span.end..];
    let next = after.trim_start_matches([' ', '\t', '\r', '\n']);
    line_breaks(&after[..after.len() - next.len()]) <= 1 && next.starts_with(char::is_uppercase)
}

/// How many line breaks `gap` holds, "\r\n" counted once.
fn line_breaks(gap: &str) -> usize {
    gap.matches('\n').count() + gap.matches('\r').count() - gap.matches("\r\n").count()
}

/// Whether `text` ends with an initialism of two letters or more, each with its full stop
/// ("U.S.", "U.K.").
fn ends_with_initialism(text: &str) -> bool {
    let b = text.as_bytes();
    let mut letters = 0;
    let mut i = b.len();
    while i >= 2 && b[i - 1] == b'.' && b[i - 2].is_ascii_uppercase() {
        letters += 1;
        i -= 2;
    }
    letters >= 2 && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
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
        // Each spelling's matches: around its literal where it has one.
        // Under Unicode case rules "ſ" is an "s" and the Kelvin sign a "k", which the
        // literal search (ASCII case only) does not know: an article holding either is
        // searched whole, as every spelling's regex finds them.
        let folds = may_fold(article.body().as_bytes());
        // The lists of places are the thread's, reused from one article to the next.
        let mut pieces = PIECES.take();
        pieces.resize_with(plan.keys.len(), Vec::new);
        pieces.iter_mut().for_each(Vec::clear);
        let body = article.body_start;
        plan.literals.each(article.body(), |literal, at| {
            let (len, holders) = &plan.literal_forms[literal];
            for &form in holders {
                pieces[form].push(body + at..body + at + len);
            }
        });
        let mut found: Vec<[u32; 2]> = Vec::new();
        let mut written: Vec<(u32, Box<str>)> = Vec::new();
        let mut placed: Vec<(u32, [u32; 2])> = Vec::new();
        for (form, &key) in plan.keys.iter().enumerate() {
            // Around the places of the literal, which come in order.
            let windows = match &plan.form_literal[form] {
                _ if folds => None,
                Some(_) if pieces[form].is_empty() => continue,
                Some(literal) => Some((literal, pieces[form].as_slice())),
                None => None,
            };
            let uses = match key {
                Key::Wrong(i, j) => {
                    let term = &rules.terms[i];
                    let Some(re) = &term.instead_of_res[j] else {
                        continue;
                    };
                    let spans = matches(article, re, windows);
                    uses(
                        article,
                        reading.quotations(),
                        spans,
                        &term.except_res,
                        false,
                    )
                }
                Key::Preferred(i) => {
                    let Some(re) = &rules.terms[i].prefer_re else {
                        continue;
                    };
                    // One example of the preferred form is enough.
                    let spans = matches(article, re, windows);
                    let mut first = uses(article, reading.quotations(), spans, &[], false);
                    first.truncate(1);
                    first
                }
                Key::Pair(k, form) => {
                    if plan.skip[k] {
                        continue;
                    }
                    let Some(re) = pair_regex(k, form) else {
                        continue;
                    };
                    let spans = matches(article, re, windows);
                    uses(article, reading.quotations(), spans, &[], true)
                }
            };
            let spelled = form_text(rules, key);
            let place = match key {
                Key::Wrong(..) => true,
                Key::Preferred(_) => false,
                Key::Pair(..) => plan.partner[form].is_some_and(|other| {
                    plan.seen[form].load(Relaxed) <= plan.seen[other].load(Relaxed)
                }),
            };
            plan.seen[form].fetch_add(uses.len(), Relaxed);
            let at = |offset: usize| {
                let (line, column) = article.line_col(offset);
                Some([u32::try_from(line).ok()?, u32::try_from(column).ok()?])
            };
            for u in uses {
                let (Ok(start), Ok(_), Ok(form)) = (
                    u32::try_from(u.span.start),
                    u32::try_from(u.span.end),
                    u32::try_from(form),
                ) else {
                    continue;
                };
                let text = &article.text[u.span.clone()];
                if text != spelled {
                    written.push((found.len() as u32, text.into()));
                }
                if place
                    && !text.contains(['\n', '\r'])
                    && let Some(start) = at(u.span.start)
                {
                    placed.push((found.len() as u32, start));
                }
                found.push([form, start]);
            }
        }
        // A list grown large by one article (a spelling's literal a hundred thousand times
        // over) is let go rather than kept with the thread for the rest of the run.
        for list in &mut pieces {
            if list.capacity() > 1 << 12 {
                *list = Vec::new();
            }
        }
        PIECES.set(pieces);
        if found.is_empty() {
            return Scan::default();
        }
        Scan {
            findings: Vec::new(),
            data: Some(Box::new(Scanned {
                uses: found,
                written,
                placed,
            })),
        }
    }

    fn gather(&self, store: &mut super::Store, article: usize, data: Box<dyn Any + Send + Sync>) {
        if let (Some(store), Ok(scanned)) =
            (super::store_of::<Store>(store), data.downcast::<Scanned>())
        {
            let Scanned {
                uses,
                written,
                placed,
            } = *scanned;
            store.uses.push(article, uses);
            store.written.push(article, written);
            store.placed.push(article, placed);
        }
    }

    fn run(&self, ctx: &Context) -> Vec<Finding> {
        let info = self.info();
        let severity = ctx.severity(&info, None);
        let keys: Vec<Key> = Plan::forms(ctx.rules).map(|(key, _)| key).collect();
        let store = ctx.take_gathered::<Store>(info.id);
        // The uses are walked in two halves of the articles side by side (an archive has
        // millions), and what each half found joined in order.
        let half = ctx.articles.len() / 2;
        let (rules, keys, gathered) = (ctx.rules, &keys, store.as_deref());
        let each_use = move |articles: Range<usize>| {
            gathered
                .into_iter()
                .flat_map(move |store| store.each_in(rules, keys, articles.clone()))
        };
        // Where the findings point, when the scans noted it.
        let mut placed = Placements::default();
        let place = |placed: &mut Placements, u: &Use, used: &str, at: At| {
            if let Some(&[line, column]) = at {
                let (line, column) = (line as usize, column as usize);
                placed.add(u.article, u.span.start, line, column, used);
            }
        };
        // Rule terms: every use of a wrong form, and the first of the preferred one.
        // Spelling pairs are compared within one dialect: an en-CA outlet writing
        // "aluminium" beside an en-US one writing "aluminum" is not inconsistent. The
        // common spelling's uses are only counted (an archive holds millions of them); the
        // other's are listed in a second pass.
        let dialect = |article: usize| {
            let source = ctx.articles[article].source(ctx.rules)?;
            source.dialect.as_deref()
        };
        let walk = |articles: Range<usize>| {
            let mut by_key: FastMap<Key, Uses> = FastMap::default();
            let mut tallies: FastMap<(Key, Option<&str>), Tally> = FastMap::default();
            for (key, u, used, at) in each_use(articles) {
                match key {
                    Key::Pair(..) => tallies.entry((key, dialect(u.article))).or_default().add(u),
                    Key::Preferred(_) if by_key.contains_key(&key) => {}
                    _ => by_key.entry(key).or_default().push((u, used, at)),
                }
            }
            (by_key, tallies)
        };
        let ((mut by_key, mut tallies), (later_by_key, later_tallies)) =
            rayon::join(|| walk(0..half), || walk(half..usize::MAX));
        for (key, later) in later_by_key {
            let uses = by_key.entry(key).or_default();
            // Only the first use of a preferred form is kept.
            if !matches!(key, Key::Preferred(_)) || uses.is_empty() {
                uses.extend(later);
            }
        }
        for (group, later) in later_tallies {
            let tally = tallies.entry(group).or_default();
            *tally = std::mem::take(tally).then(later);
        }
        let mut findings = Vec::new();
        for (i, term) in ctx.rules.terms.iter().enumerate() {
            let example = by_key
                .get(&Key::Preferred(i))
                .and_then(|v| v.first())
                .map(|(u, ..)| (u.article, u.span.clone()));
            let mut say = Say::new(
                &info,
                severity,
                &term.prefer,
                "the house style prefers it (a `terms:` rule)".to_string(),
            );
            for j in 0..term.instead_of.len() {
                for (u, used, at) in by_key.get(&Key::Wrong(i, j)).into_iter().flatten() {
                    findings.push(say.finding(u, used, example.clone()));
                    place(&mut placed, u, used, *at);
                }
            }
        }
        let mut dialects: Vec<Option<&str>> = tallies.keys().map(|(_, d)| *d).collect();
        dialects.sort();
        dialects.dedup();
        // Which spelling of each pair is the less common one, in each dialect: the minority
        // spelling is flagged; on a tie, the one met second.
        let mut minority: FastMap<(Key, Option<&str>), (usize, &Tally, &str)> = FastMap::default();
        for (k, (a, b)) in BUILTIN_PAIRS.iter().enumerate() {
            for &dialect in &dialects {
                let (Some(ta), Some(tb)) = (
                    tallies.get(&(Key::Pair(k, 0), dialect)),
                    tallies.get(&(Key::Pair(k, 1), dialect)),
                ) else {
                    continue;
                };
                let first = |t: &Tally| t.first.as_ref().map(|u| u.article);
                let (flagged, majority, preferred) =
                    if ta.uses < tb.uses || (ta.uses == tb.uses && first(ta) > first(tb)) {
                        (Key::Pair(k, 0), tb, *b)
                    } else {
                        (Key::Pair(k, 1), ta, *a)
                    };
                minority.insert((flagged, dialect), (k, majority, preferred));
            }
        }
        let walk = |articles: Range<usize>| {
            let mut flagged: FastMap<(Key, Option<&str>), Uses> = FastMap::default();
            for (key, u, used, at) in each_use(articles) {
                if let Key::Pair(..) = key {
                    let group = (key, dialect(u.article));
                    if minority.contains_key(&group) {
                        flagged.entry(group).or_default().push((u, used, at));
                    }
                }
            }
            flagged
        };
        let mut flagged: FastMap<(Key, Option<&str>), Uses> = FastMap::default();
        if !minority.is_empty() {
            let later;
            (flagged, later) = rayon::join(|| walk(0..half), || walk(half..usize::MAX));
            for (group, uses) in later {
                flagged.entry(group).or_default().extend(uses);
            }
        }
        let mut order: Vec<_> = minority.iter().collect();
        order.sort_by_key(|((_, dialect), (k, ..))| (*k, *dialect));
        // An archive can have a hundred thousand of these: room for exactly as many, and
        // each group's list let go once its findings are made.
        findings.reserve_exact(flagged.values().map(Vec::len).sum());
        let noted = flagged.values().flatten().filter(|(.., at)| at.is_some());
        placed.reserve_exact(noted.count());
        for (group, &(_, majority, preferred)) in order {
            let mut say = Say::new(
                &info,
                severity,
                preferred,
                format!(
                    "the corpus writes \"{preferred}\" {} times in {} articles",
                    majority.uses, majority.articles
                ),
            );
            for (u, used, at) in flagged.remove(group).into_iter().flatten() {
                findings.push(say.finding(&u, used, majority.example_for(u.article)));
                place(&mut placed, &u, used, at);
            }
        }
        ctx.place(placed);
        findings
    }
}

/// The uses of one spelling of a pair in one dialect, counted as they come in article order.
#[derive(Default)]
struct Tally {
    uses: usize,
    articles: usize,
    last_article: usize,
    /// The first use, and the first in another article than it.
    first: Option<Use>,
    other: Option<Use>,
}

impl Tally {
    fn add(&mut self, u: Use) {
        self.uses += 1;
        if self.uses == 1 || u.article != self.last_article {
            self.articles += 1;
            self.last_article = u.article;
        }
        match &self.first {
            None => self.first = Some(u),
            Some(first) if self.other.is_none() && u.article != first.article => {
                self.other = Some(u);
            }
            Some(_) => {}
        }
    }

    /// This tally followed by `later`, the tally of later articles only.
    fn then(self, later: Tally) -> Tally {
        if self.uses == 0 {
            return later;
        }
        if later.uses == 0 {
            return self;
        }
        Tally {
            uses: self.uses + later.uses,
            articles: self.articles + later.articles,
            last_article: later.last_article,
            // The first of the later uses is in another article than the first.
            other: self.other.or(later.first),
            first: self.first,
        }
    }

    /// The use to show beside one in `article`: the first in another article, or the first.
    fn example_for(&self, article: usize) -> Option<(usize, Range<usize>)> {
        let first = self.first.as_ref()?;
        let shown = match &self.other {
            Some(other) if first.article == article => other,
            _ => first,
        };
        Some((shown.article, shown.span.clone()))
    }
}

/// What the findings about one preferred spelling say: made once and shared by all of them
/// (a spelling can be flagged a hundred thousand times in an archive).
struct Say {
    severity: Severity,
    preferred: String,
    rule: Text,
    label: Text,
    as_here: Text,
    why: Text,
    help: Text,
    /// The message for the last spelling flagged, as written.
    message: Option<(String, Text)>,
}

impl Say {
    fn new(info: &CheckInfo, severity: Severity, preferred: &str, why: String) -> Say {
        Say {
            severity,
            preferred: preferred.to_string(),
            rule: info.id.into(),
            label: format!("write \"{preferred}\"").into(),
            as_here: "as here".into(),
            why: why.into(),
            help: format!(
                "write \"{preferred}\"; if this is a proper name, list it under `except:` in a \
                 `terms:` rule"
            )
            .into(),
            message: None,
        }
    }

    fn finding(&mut self, u: &Use, used: &str, example: Option<(usize, Range<usize>)>) -> Finding {
        let message = match &self.message {
            Some((written, message)) if written == used => message.clone(),
            _ => {
                // As one line: a spelling of two words may be broken over two.
                let message: Text = format!(
                    "terms: \"{}\" where the house style is \"{}\"",
                    single_spaced(used),
                    self.preferred
                )
                .into();
                self.message = Some((used.to_string(), message.clone()));
                message
            }
        };
        // Room for exactly two: pushing onto a list of one would make room for four, and an
        // archive can have a hundred thousand of these findings.
        let mut locations = Vec::with_capacity(2);
        locations.push(Location {
            article: u.article,
            span: u.span.clone(),
            label: self.label.clone(),
            value: None,
        });
        if let Some((article, span)) = example {
            locations.push(Location {
                article,
                span,
                label: self.as_here.clone(),
                value: None,
            });
        }
        Finding {
            kind: Kind::Term,
            rule: self.rule.clone(),
            severity: self.severity,
            message,
            locations,
            notes: vec![self.why.clone()],
            help: Some(self.help.clone()),
        }
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
        let mut store = None;
        Terms.gather(&mut store, 0, data);
        let store = store.unwrap();
        let keys: Vec<Key> = Plan::forms(rules).map(|(key, _)| key).collect();
        store
            .downcast_ref::<Store>()
            .unwrap()
            .each(rules, &keys)
            .map(|(key, u, used, at)| {
                assert_eq!(used, &text[u.span.clone()]);
                // Where a use was placed is where the article has it.
                if let Some(&[line, column]) = at {
                    let want = article.line_col(u.span.start);
                    assert_eq!((line as usize, column as usize), want, "{used:?}");
                }
                (key, used.to_string())
            })
            .collect()
    }

    #[test]
    fn a_window_reaches_over_the_words_of_the_spelling_around_its_literal() {
        // A no-break space is white space too, as `\s` has it.
        let text = "x  per \n cent.\u{a0}more and more";
        let piece = text.find("cent").unwrap();
        let piece = piece..piece + 4;
        let shown = |w: Range<usize>| &text[w];
        assert_eq!(
            shown(window(text, 0, text.len(), piece.clone(), 1, 0)),
            "per \n cent."
        );
        assert_eq!(
            shown(window(text, 0, text.len(), piece.clone(), 0, 0)),
            "cent."
        );
        assert_eq!(
            shown(window(text, 0, text.len(), piece.clone(), 2, 1)),
            "x  per \n cent.\u{a0}more"
        );
        // Not past the bounds it is given.
        let (lo, hi) = (text.find("per").unwrap(), text.find('\u{a0}').unwrap());
        assert_eq!(shown(window(text, lo, hi, piece, 3, 3)), "per \n cent.");
    }

    proptest::proptest! {
        #[test]
        fn searching_around_the_literals_finds_what_a_search_of_the_body_finds(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "per", "cent", "Per", "CENT", "percent", "per cent", " ", "  ", "\n", "\n\n",
                    "\t", "\u{a0}", "x", "é", ".", ",", "“", "”", "NAFTA", "2.0", "nafta 2.0",
                    "co-operate", "Co", "-", "operate", "U.S.", "US", "_", "\u{301}", "organisation",
                    "organiſation", "ORGANISATION", "\u{212a}", "k", "ſ", "s", "defence", "DEFENCE",
                ]),
                0..40,
            )
        ) {
            let rules = crate::rules::load_str(
                "r.yaml",
                "terms:\n  - prefer: CUSMA\n    instead_of: [NAFTA 2.0, U.S., per  cent]\n",
            )
            .rules;
            let text = format!("Title\n\n{}", parts.concat());
            let article = Article::from_bytes(0, std::path::Path::new("a.md"), "a.md".into(), text.as_bytes()).unwrap();
            let plan = Plan::new(&rules);
            let forms: Vec<(Key, &str)> = Plan::forms(&rules).collect();
            let body = article.body_start;
            for (form, &(key, _)) in forms.iter().enumerate() {
                let re = match key {
                    Key::Wrong(i, j) => rules.terms[i].instead_of_res[j].clone(),
                    Key::Preferred(i) => rules.terms[i].prefer_re.clone(),
                    Key::Pair(k, f) => pair_regex(k, f).cloned(),
                };
                let (Some(re), Some(literal)) = (re, &plan.form_literal[form]) else {
                    continue;
                };
                let mut pieces = Vec::new();
                plan.literals.each(article.body(), |l, at| {
                    if plan.literal_forms[l].1.contains(&form) {
                        pieces.push(body + at..body + at + plan.literal_forms[l].0);
                    }
                });
                let whole = matches(&article, &re, None);
                if text.contains(['ſ', '\u{212a}']) {
                    // The literal search misses a spelling written so: such an article is
                    // searched whole (see `Terms::scan`).
                    continue;
                }
                // Read in place where it can be, and by the regex in windows.
                proptest::prop_assert_eq!(
                    &matches(&article, &re, Some((literal, &pieces))),
                    &whole,
                    "{:?} in {:?}", forms[form].1, text
                );
                let by_regex = Literal { spelling: None, ..*literal };
                proptest::prop_assert_eq!(
                    &matches(&article, &re, Some((&by_regex, &pieces))),
                    &whole,
                    "{:?} in {:?}, by the regex", forms[form].1, text
                );
            }
        }
    }

    #[test]
    fn a_long_article_is_scanned_whole_and_its_lists_are_not_kept() {
        let rules = RuleSet::default();
        let text = "The rate rose 5 per cent.\n".repeat(6_000);
        let found = scanned(&rules, &text);
        assert_eq!(found.len(), 6_000);
        assert!(found.iter().all(|(_, used)| used == "per cent"));
        // The thread's lists of places are back, none of them as large as this article's.
        let pieces = PIECES.take();
        assert!(!pieces.is_empty());
        assert!(pieces.iter().all(|list| list.capacity() <= 1 << 12));
        // Scanned again, with the lists the thread kept: the same uses.
        PIECES.set(pieces);
        assert_eq!(scanned(&rules, &text), found);
    }

    proptest::proptest! {
        #[test]
        fn a_tally_of_two_halves_is_the_tally_of_the_whole(
            mut articles in proptest::collection::vec(0usize..6, 0..12),
            half in 0usize..7,
        ) {
            // Uses come in article order, each at its own place.
            articles.sort_unstable();
            let uses = (articles.iter().enumerate())
                .map(|(i, &article)| Use { article, span: i..i + 1 });
            let tally = |uses: &mut dyn Iterator<Item = Use>| {
                let mut t = Tally::default();
                uses.for_each(|u| t.add(u));
                t
            };
            let whole = tally(&mut uses.clone());
            let first = tally(&mut uses.clone().filter(|u| u.article < half));
            let joined = first.then(tally(&mut uses.filter(|u| u.article >= half)));
            let seen = |t: &Tally| {
                let at = |u: &Option<Use>| u.as_ref().map(|u| (u.article, u.span.clone()));
                (t.uses, t.articles, (t.uses > 0).then_some(t.last_article), at(&t.first), at(&t.other))
            };
            proptest::prop_assert_eq!(seen(&joined), seen(&whole));
        }

        #[test]
        fn letters_that_fold_to_ascii_are_noticed_among_their_byte_neighbours(
            parts in proptest::collection::vec(
                // Characters sharing bytes with "ſ" (C5 BF) and the Kelvin sign (E2 84 AA).
                proptest::sample::select(vec![
                    "ſ", "\u{212a}", "K", "s", "Ä", "ń", "ê", "ª", "¿", "“", "ℓ", "Ł", "a", " ",
                ]),
                0..12,
            )
        ) {
            let text = parts.concat();
            let want = text.contains('ſ') || text.contains('\u{212a}');
            proptest::prop_assert_eq!(may_fold(text.as_bytes()), want, "{:?}", text);
        }
    }

    #[test]
    fn a_name_wrapped_across_lines_is_still_a_name() {
        // Whether `word`, where it first stands in `text`, is part of a name.
        let name = |text: &str, word: &str| {
            let at = text.find(word).unwrap();
            is_proper_name(text, at..at + word.len())
        };
        for (text, word, proper) in [
            // Wrapped at a fixed width, mid-sentence.
            (
                "the International Coffee\nOrganization (ICO) met",
                "Organization",
                true,
            ),
            ("the U.S. Defense\nDepartment said", "Defense", true),
            ("sold by the\nLabor Department", "Labor", true),
            ("he said, with\n  Aluminum Co of America", "Aluminum", true),
            // An initialism is not the end of a sentence.
            ("talks with U.S. Defense officials", "Defense", true),
            // The start of a sentence, a paragraph or a line after a heading.
            ("It rose.\nLabor leaders said", "Labor", false),
            ("It rose.\n    Labor leaders said", "Labor", false),
            ("the talks\n\nLabor leaders said", "Labor", false),
            ("Costs rose. Defense lawyers said", "Defense", false),
            ("Defense lawyers said", "Defense", false),
            ("# Prices\nAluminum rose", "Aluminum", false),
            ("ALUMINUM PRICES RISE\nAluminum rose", "Aluminum", false),
            ("the talks\r\rLabor leaders said", "Labor", false),
            ("the talks\r\n\r\nLabor leaders said", "Labor", false),
            (
                "the International Coffee\r\nOrganization (ICO) met",
                "Organization",
                true,
            ),
            // A sentence's first word with a name after it, across one line break only.
            (
                "It rose. Aluminum\nAssociation members said",
                "Aluminum",
                true,
            ),
            (
                "It rose. Aluminum\n\nAssociation members said",
                "Aluminum",
                false,
            ),
            // Lower case is never a name.
            ("the U.S. defense budget", "defense", false),
        ] {
            assert_eq!(name(text, word), proper, "{text:?}");
        }
        assert!(ends_with_initialism("the U.S."));
        assert!(!ends_with_initialism("rose."));
        assert!(!ends_with_initialism("in A."));
        assert!(!ends_with_initialism("XU.S."));
    }

    #[test]
    fn a_spelling_with_a_letter_that_folds_to_ascii_is_found() {
        let rules = crate::rules::load_str(
            "r.yaml",
            "terms:\n  - prefer: organization\n    instead_of: [organisation]\n",
        )
        .rules;
        let got = scanned(&rules, "Title\n\nThe organiſation and the \u{212a}ey.\n");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_spelling_is_read_in_place_or_left_to_its_regex() {
        let spelling = Spelling::new("per cent", 1).unwrap();
        let read = |text: &str| {
            let at = text.to_ascii_lowercase().rfind("cent").unwrap();
            spelling.read(text, 0, at..at + 4)
        };
        assert_eq!(read("a PER \n Cent."), Read::Match(2..12));
        assert_eq!(read("a xper cent"), Read::NoMatch);
        assert_eq!(read("a percent"), Read::NoMatch);
        assert_eq!(read("a per centime"), Read::NoMatch);
        // "ſ" folds to "s" under Unicode case rules: the regex decides.
        assert_eq!(
            Spelling::new("cent sales", 0)
                .unwrap()
                .read("1 cent ſales", 0, 2..6),
            Read::Unsure
        );
        // Terms a space-separated reading does not describe go to the regex.
        assert!(Spelling::new("per  cent", 2).is_none());
        assert!(Spelling::new("été", 0).is_none());
    }

    #[test]
    fn the_literal_pass_lets_every_case_and_spacing_through() {
        let rules = crate::rules::load_str(
            "r.yaml",
            "terms:\n  - prefer: per cent\n    instead_of: [percent, pct.]\n",
        )
        .rules;
        assert_eq!(term_literal("per cent"), Some(("cent".to_string(), 1, 0)));
        assert_eq!(term_literal("NAFTA 2.0"), Some(("nafta".to_string(), 0, 1)));
        assert_eq!(term_literal("été"), None);
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
