//! titles: the same person given different titles across articles ("Trade Minister Dominic
//! LeBlanc" in one, "Intergovernmental Affairs Minister Dominic LeBlanc" in another), and,
//! with a `people:` entry, a title that is not among the accepted ones or has lapsed.

use std::any::Any;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use super::mentions::{Mention as Mentioned, TITLE_WORDS, mentions};
use super::places;
use super::spelling;
use super::text::single_spaced;
use super::{Check, CheckInfo, Context, FastMap, Gathered, Scan};
use crate::finding::{Finding, Kind, Location, Severity};
use crate::rules::RuleSet;
use crate::rules::{AcceptedTitle, Person};

pub struct Titles;

/// Words before a title that say it is not (or no longer) the person's title.
const NOT_CURRENT: &[&str] = &[
    "former", "ex", "late", "then", "outgoing", "acting", "interim",
];

/// Tokens that qualify a title without changing it ("U.S. President" = "President"), and
/// the common nouns a sentence starts with for a company named before it ("Company
/// Chairman Bill Gates").
const QUALIFIERS: &[&str] = &[
    "us",
    "u.s",
    "american",
    "canada",
    "canadian",
    "canada's",
    "mexico",
    "mexican",
    "mexico's",
    "britain",
    "british",
    "uk",
    "u.k",
    "china",
    "chinese",
    "france",
    "french",
    "germany",
    "german",
    "japan",
    "japanese",
    "then-",
    "the",
    "company",
    "firm",
    "airline",
    "automaker",
];

/// A mention as the scan keeps it, for every titled name of every article (12 bytes: an
/// archive holds millions): the person's key and the title as written, as the number of
/// that pair in [`Names::pairs`], and where the title is. The normalized title follows from
/// the written one, and the `people:` entry from the person (see [`Names::entries`]).
struct Scanned {
    pair: u32,
    title_span: Range<u32>,
}

/// In [`Names::entries`], for a person no `people:` entry matched.
const NO_ENTRY: u32 = u32::MAX;

/// A mention as found, before its strings are numbered (borrowed from the text or the
/// rules where they read the same: an archive has millions of mentions).
struct Found<'a> {
    person: Cow<'a, str>,
    written: Cow<'a, str>,
    entry: Option<usize>,
    title_span: Range<usize>,
}

/// What the scans of one run share: the names, and the run's number (see [`SEEN`]), read
/// without taking the lock.
struct Shared {
    run: u64,
    names: Mutex<Names>,
}

impl Shared {
    fn new() -> Shared {
        static RUNS: AtomicU64 = AtomicU64::new(0);
        Shared {
            run: RUNS.fetch_add(1, Ordering::Relaxed),
            names: Mutex::new(Names::new()),
        }
    }
}

/// The strings mentions refer to, each stored once for the whole run.
struct Names {
    /// Looked up twice a mention.
    index: FastMap<Arc<str>, u32>,
    list: Vec<Arc<str>>,
    /// For a person's key, by number: the `people:` entry it matched, or [`NO_ENTRY`]. (A key
    /// is an entry's name only when a mention matched that entry, so a key has one entry.)
    entries: Vec<u32>,
    /// Each (person, title as written) pair mentioned, numbered: far fewer than mentions.
    pair_index: FastMap<(u32, u32), u32>,
    pairs: Vec<(u32, u32)>,
}

impl Names {
    fn new() -> Names {
        Names {
            index: FastMap::default(),
            list: Vec::new(),
            entries: Vec::new(),
            pair_index: FastMap::default(),
            pairs: Vec::new(),
        }
    }

    /// The number of the pair of a person's key (noting the `people:` entry it matched) and
    /// a title as written.
    fn pair(&mut self, key: &str, entry: Option<usize>, written: &str) -> u32 {
        let pair = (self.person(key, entry), self.id(written));
        let next = u32::try_from(self.pairs.len()).unwrap_or(u32::MAX);
        let id = *self.pair_index.entry(pair).or_insert(next);
        if id == next {
            self.pairs.push(pair);
        }
        id
    }

    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.index.get(s) {
            return id;
        }
        let id = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        let shared: Arc<str> = s.into();
        self.list.push(shared.clone());
        self.entries.push(NO_ENTRY);
        self.index.insert(shared, id);
        id
    }

    /// The number of a person's key, noting the `people:` entry it matched.
    fn person(&mut self, key: &str, entry: Option<usize>) -> u32 {
        let id = self.id(key);
        if let (Some(e), Some(slot)) = (
            entry.and_then(|e| u32::try_from(e).ok()),
            self.entries.get_mut(id as usize),
        ) {
            *slot = e;
        }
        id
    }
}

/// A mention's person and title as written, as their pair's number in [`Names`]; `None`
/// for words that are no mention (a title of nationality words only).
type Numbered = Option<u32>;

thread_local! {
    /// The numbers of mentions this thread read before, by their words, for the [`Names`]
    /// of one run (by its number): an archive names the same people with the same titles
    /// over and over, and what a mention is numbered follows from its words alone (the
    /// title and name they split into, and the run's `people:`).
    static SEEN: RefCell<(u64, FastMap<Box<str>, Numbered>)> =
        RefCell::new((u64::MAX, FastMap::default()));
}

/// Mentions kept in [`SEEN`] by each thread at most (it starts over when full).
const SEEN_KEPT: usize = 1 << 12;

/// A mention of an article while it is scanned: numbered already, or to be numbered.
enum Pending<'a> {
    Known(Scanned),
    New(Found<'a>, &'a str),
}

#[derive(Debug, Clone)]
struct Mention<'a> {
    article: usize,
    title_span: Range<usize>,
    /// The title as normalized for comparison.
    title: &'a str,
    /// The title as written.
    written: &'a str,
}

/// Words of titles that name the same thing as another, and that other word. Only words
/// that mean the same wherever a title has them: "Premier" is not "Prime Minister" in
/// Canada's provinces (only a nation's premier is, see [`heads_a_nation`]), nor "Financial
/// Secretary" a "Finance Secretary" in Hong Kong.
const SAME_WORDS: &[(&str, &str)] = &[
    ("farm", "agriculture"),
    ("agricultural", "agriculture"),
    ("economics", "economy"),
    ("external", "foreign"),
    ("deputy", "vice"),
    ("eu", "european"),
    ("e.u", "european"),
    // The U.S. departments news names by their letters: the Department of Agriculture's
    // secretary is the "Agriculture Secretary", Housing and Urban Development's the
    // "Housing Secretary".
    ("usda", "agriculture"),
    ("hud", "housing"),
];

/// Lowercased title without nationality qualifiers and possessives.
fn normalize_title(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_end_matches(['.', ','])
                .replace('’', "'")
                .to_lowercase()
        })
        .collect();
    let mut start = 0;
    while start < words.len() {
        let w = words[start].as_str();
        if QUALIFIERS.contains(&w) || w.ends_with("'s") || places::names_a_nation_alone(w) {
            start += 1;
        } else {
            break;
        }
    }
    // A capital for its government ("Bonn Finance Minister", "West German Finance
    // Minister"): read as its nation's adjective, which is kept (as "Ontario" is kept).
    let mut out: Vec<Cow<str>> = Vec::with_capacity(words.len() - start + 1);
    let mut i = start;
    if let Some(nation) = words.get(i).and_then(|w| places::capital_of(w)) {
        out.push(Cow::Borrowed(nation));
        i += 1;
    }
    // One spelling of each office: "CEO", "Chief Executive" and "Chief Executive Officer"
    // are one; so are British and American spellings ("Defence", "Labour") and the words
    // news writes for the same portfolio ("Farm Minister", "Agriculture Minister").
    while i < words.len() {
        let w = words[i].as_str();
        i += 1;
        if w == "chief" && words.get(i).is_some_and(|n| n == "executive") {
            i += 1 + usize::from(words.get(i + 1).is_some_and(|n| n == "officer"));
            out.push(Cow::Borrowed("ceo"));
        } else if let Some(&(_, same)) = SAME_WORDS.iter().find(|(word, _)| *word == w) {
            out.push(Cow::Borrowed(same));
        } else {
            out.push(spelling::american(w));
        }
    }
    out.join(" ")
}

/// True when `title` normalizes to nothing (only nationality words and possessives): the
/// same as `normalize_title(title).is_empty()`, without making the string for the titles
/// written in ASCII (nearly all).
fn only_qualifiers(title: &str) -> bool {
    if !title.is_ascii() {
        return normalize_title(title).is_empty();
    }
    // As `normalize_title` goes: leading qualifiers are dropped, and what is left is empty
    // only when it is nothing, or one word that was all periods and commas.
    let mut words = title
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches(['.', ',']));
    loop {
        match words.next() {
            None => return true,
            Some(w)
                if QUALIFIERS.iter().any(|q| q.eq_ignore_ascii_case(w))
                    || (w.len() >= 2 && w[w.len() - 2..].eq_ignore_ascii_case("'s"))
                    || places::names_a_nation_alone(w) => {}
            Some(w) => return w.is_empty() && words.next().is_none(),
        }
    }
}

fn clean_name(name: &str) -> Cow<'_, str> {
    // Suffixes compared in place (trimming by a string pattern builds a searcher each call,
    // and this runs for every mention).
    let mut n = name;
    while let Some(rest) = n.strip_suffix("’s") {
        n = rest;
    }
    while let Some(rest) = n.strip_suffix("'s") {
        n = rest;
    }
    single_spaced(n.trim_end_matches(['’', '\'']))
}

/// The canonical name for a mention: a `people:` entry whose name or alias matches, else
/// the name as written.
fn person_key<'a>(name: Cow<'a, str>, people: &'a [Person]) -> (Cow<'a, str>, Option<usize>) {
    for (i, p) in people.iter().enumerate() {
        if p.name.eq_ignore_ascii_case(&name)
            || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(&name))
        {
            return (Cow::Borrowed(p.name.as_str()), Some(i));
        }
    }
    (name, None)
}

impl Check for Titles {
    fn info(&self) -> CheckInfo {
        CheckInfo {
            id: "titles",
            kind: Kind::Title,
            default_severity: Severity::Warning,
            summary: "one person, different titles across articles",
            explanation: "Finds \"<title> <Person Name>\" mentions (\"Trade Minister Dominic \
                LeBlanc\", \"U.S. Commerce Secretary Howard Lutnick\") and reports a person who \
                carries different titles in different articles. Nationality words and \
                possessives do not make a title different (\"U.S. President\" = \"President\", \
                \"Italian Prime Minister\" = \"Socialist Prime Minister\"), \
                nor do initials, a short name in capitals (\"AOL\" for \"America Online\"), \
                short forms, \"CEO\" for \"Chief Executive\", a U.S. department's letters \
                (\"USDA\" for \"Agriculture\"), British \
                and American spellings or a capital for its nation (\"Seoul Foreign \
                Minister\"); a nation's premier is its prime minister (\"Turkish Premier\"), \
                a province's is not; someone given two offices at once (\"Chairman and Chief \
                Executive\") may be given either elsewhere, as may a senator who chairs or \
                leads in the Senate (\"Senator\", \"Senate Finance Committee Chairman\"); two \
                top offices of one \
                company (\"GM Chairman\", \"GM CEO\") are a note rather than a warning, as \
                one person often holds both, and so are a party's leader and a floor leader in \
                the Senate (\"Senate Democratic Leader\", \"Senate Majority Leader\") and a central \
                bank's governor and president; a title that cannot be told from \
                the words around it (\"Bank of Canada Governor\", \"said Kohl and Finance \
                Minister\") is left out; \"former\", \"ex-\" and \"then-\" titles are ignored; people are told apart by \
                full name, so two people sharing a surname never clash. Articles more than \
                90 days apart are not compared, nor a dated article with an undated one \
                (undated ones are compared with each other; `--as-of` dates drafts). A \
                `people:` entry adds \
                aliases and the accepted titles, each optionally with `since`/`until` dates: a \
                title outside the accepted list, or used after it lapsed, is reported.",
            fact_check: false,
        }
    }

    fn prepare(&self, _rules: &RuleSet) -> super::Prepared {
        Some(Box::new(Shared::new()))
    }

    fn scan(&self, reading: &super::Reading, rules: &RuleSet, prepared: &super::Prepared) -> Scan {
        let Some(names) = prepared.as_ref().and_then(|p| p.downcast_ref::<Shared>()) else {
            return Scan::default();
        };
        let article = reading.article;
        let text = article.text.as_str();
        let body = article.body_start;
        let (run, names) = (names.run, &names.names);
        // Offsets are kept in 32 bits (files over 4 GiB are skipped when loaded).
        let narrow = |span: &Range<usize>| {
            Some(u32::try_from(span.start).ok()?..u32::try_from(span.end).ok()?)
        };
        let mut pending: Vec<Pending> = Vec::new();
        SEEN.with_borrow_mut(|(seen_run, seen)| {
            if *seen_run != run {
                seen.clear();
                *seen_run = run;
            }
            for mention in mentions(text, body) {
                let Some(start) = title_start(text, &mention) else {
                    continue;
                };
                let title_span = start..mention.title.end;
                let (title, name) = (&text[title_span.clone()], &text[mention.name.clone()]);
                if preceded_by_not_current(text, title_span.start, title) {
                    continue;
                }
                let said = &text[title_span.start..mention.name.end];
                if let Some(&numbered) = seen.get(said) {
                    if let (Some(pair), Some(title_span)) = (numbered, narrow(&title_span)) {
                        pending.push(Pending::Known(Scanned { pair, title_span }));
                    }
                    continue;
                }
                let written = single_spaced(title);
                if only_qualifiers(&written) {
                    seen.insert(said.into(), None);
                    continue;
                }
                let (person, entry) = person_key(clean_name(name), &rules.people);
                let found = Found {
                    person,
                    written,
                    entry,
                    title_span,
                };
                pending.push(Pending::New(found, said));
            }
        });
        if pending.is_empty() {
            return Scan::default();
        }
        // One lock per article with new mentions, not per mention.
        let mut numbered: Vec<(&str, Numbered)> = Vec::new();
        let mut names = pending
            .iter()
            .any(|p| matches!(p, Pending::New(..)))
            .then(|| names.lock().unwrap_or_else(|e| e.into_inner()));
        let kept: Vec<Scanned> = pending
            .into_iter()
            .filter_map(|p| match p {
                Pending::Known(scanned) => Some(scanned),
                Pending::New(f, said) => {
                    let names = names.as_mut()?;
                    let pair = names.pair(&f.person, f.entry, &f.written);
                    numbered.push((said, Some(pair)));
                    Some(Scanned {
                        pair,
                        title_span: narrow(&f.title_span)?,
                    })
                }
            })
            .collect();
        drop(names);
        SEEN.with_borrow_mut(|(_, seen)| {
            if seen.len() + numbered.len() > SEEN_KEPT {
                seen.clear();
            }
            seen.extend(numbered.into_iter().map(|(said, n)| (said.into(), n)));
        });
        Scan::keep(kept)
    }

    fn gather(&self, store: &mut super::Store, article: usize, data: Box<dyn Any + Send + Sync>) {
        if let (Some(store), Ok(kept)) = (
            super::store_of::<Gathered<Scanned>>(store),
            data.downcast::<Vec<Scanned>>(),
        ) {
            store.push(article, *kept);
        }
    }

    fn run(&self, ctx: &Context) -> Vec<Finding> {
        let info = self.info();
        let severity = ctx.severity(&info, None);
        let people = &ctx.rules.people;
        let Some(Shared { names, .. }) = ctx.prepared::<Shared>(info.id) else {
            return Vec::new();
        };
        let names = names.lock().unwrap_or_else(|e| e.into_inner());
        let name = |id: u32| &*names.list[id as usize];
        let person_of = |s: &Scanned| names.pairs[s.pair as usize].0;
        let written_of = |s: &Scanned| names.pairs[s.pair as usize].1;
        // Each title as written, normalized (the others of the list are names, never looked
        // up this way).
        let titles: Vec<String> = names.list.iter().map(|n| normalize_title(n)).collect();
        // Every mention as (person, article, scan), grouped by person in the order of their
        // names; a person's mentions are written out only while that person is checked (an
        // archive holds millions).
        let mut rank = vec![0u32; names.list.len()];
        let mut by_name: Vec<u32> = (0..names.list.len() as u32).collect();
        by_name.sort_by_key(|&id| name(id));
        for (r, &id) in by_name.iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        // Mentions grouped by person in name order, in article order within a person: a
        // counting sort over the gathered mentions (two passes, 12 bytes a mention).
        let store = ctx.take_gathered::<Gathered<Scanned>>(info.id);
        let each = || {
            store
                .as_deref()
                .into_iter()
                .flat_map(Gathered::each)
                .flat_map(|(article, scanned)| scanned.iter().map(move |s| (article, s)))
        };
        let mut starts = vec![0usize; names.list.len() + 1];
        for (_, s) in each() {
            starts[rank[person_of(s) as usize] as usize + 1] += 1;
        }
        for r in 0..names.list.len() {
            starts[r + 1] += starts[r];
        }
        // Each mention as its article and its position in the store (8 bytes a mention),
        // looked up again as its person is checked.
        let positions = store.as_deref().map(Gathered::positions);
        let mut next = starts.clone();
        let mut all: Vec<[u32; 2]> = vec![[0; 2]; starts[names.list.len()]];
        for (position, (article, s)) in each().enumerate() {
            let slot = &mut next[rank[person_of(s) as usize] as usize];
            // Article ids fit in 32 bits (the store keeps them so), and there are fewer
            // than four billion mentions (the store holds 12 bytes of each).
            all[*slot] = [article as u32, position as u32];
            *slot += 1;
        }
        drop(next);
        let mention_at = |[article, position]: [u32; 2]| {
            let s = positions.as_ref()?.get(position as usize)?;
            Some((article as usize, s))
        };
        // Each person is checked on its own: the people are shared out among the cores (this
        // pass runs after the others, which would leave a core idle), their findings kept in
        // the order of the people.
        use rayon::prelude::*;
        let groups: Vec<&[[u32; 2]]> = starts.windows(2).map(|w| &all[w[0]..w[1]]).collect();
        let findings: Vec<Finding> = groups
            .par_iter()
            .flat_map_iter(|group| {
                let mut findings = Vec::new();
                let Some((_, first)) = group.first().and_then(|&p| mention_at(p)) else {
                    return findings;
                };
                let person = person_of(first);
                let mentions: Vec<Mention> = group
                    .iter()
                    .filter_map(|&p| {
                        let (article, s) = mention_at(p)?;
                        Some(Mention {
                            article,
                            title_span: s.title_span.start as usize..s.title_span.end as usize,
                            title: &titles[written_of(s) as usize],
                            written: name(written_of(s)),
                        })
                    })
                    .collect();
                // The entry the person's first mention matched (they all match the same one).
                let entry = names
                    .entries
                    .get(person as usize)
                    .copied()
                    .unwrap_or(NO_ENTRY);
                match people.get(entry as usize) {
                    Some(p) if entry != NO_ENTRY && !p.titles.is_empty() => {
                        accepted_titles(ctx, &info, severity, p, &mentions, &mut findings)
                    }
                    _ => discovered(ctx, &info, severity, name(person), &mentions, &mut findings),
                }
                findings
            })
            .collect();
        findings
    }
}

/// Whether the title at `start` of `text` is not a current one: its first word, or the word
/// before it, is "former", "ex-", "then-" and the like. Compared in place: this runs for
/// every mention.
fn preceded_by_not_current(text: &str, start: usize, title: &str) -> bool {
    let title = title.trim_start();
    let before = text[..start].trim_end();
    let same = |a: &[u8], w: &str| a.eq_ignore_ascii_case(w.as_bytes());
    // Ends of ASCII words matched in place fall on character boundaries.
    let space_or_end = |rest: &str| rest.chars().next().is_none_or(char::is_whitespace);
    let space_or_start = |head: &str| head.chars().next_back().is_none_or(char::is_whitespace);
    let (t, b) = (title.as_bytes(), before.as_bytes());
    // Every word of the list has two letters or more: a title that starts with none of
    // their first two and a word before it that ends with none of their last two (or a
    // hyphen) are told at once, as most are ("the President").
    let lower = |two: &[u8]| [two[0].to_ascii_lowercase(), two[1].to_ascii_lowercase()];
    let may_start = t.len() >= 2
        && NOT_CURRENT
            .iter()
            .any(|w| w.as_bytes()[..2] == lower(&t[..2]));
    let may_end = b.ends_with(b"-")
        || (b.len() >= 2
            && NOT_CURRENT
                .iter()
                .any(|w| w.as_bytes()[w.len() - 2..] == lower(&b[b.len() - 2..])));
    if !may_start && !may_end {
        return false;
    }
    NOT_CURRENT.iter().any(|w| {
        let n = w.len();
        // The title's own first word: "Former Minister", "ex-President".
        let first = t.len() >= n
            && same(&t[..n], w)
            && (t.get(n) == Some(&b'-') || space_or_end(&title[n..]));
        // The word right before the title: "former", "then-", "the then-".
        let last =
            b.len() >= n && same(&b[b.len() - n..], w) && space_or_start(&before[..b.len() - n]);
        let hyphened =
            b.len() > n && b.ends_with(b"-") && same(&b[b.len() - 1 - n..b.len() - 1], w);
        first || last || hyphened
    })
}

/// Words that begin a sentence and never a title. A mention is read from the first capital
/// within reach of its title word, which may be the sentence's ("But Finance Minister …",
/// "Yesterday British Farm Minister …"). Compared without case. ("Then" is not here: as the
/// title's first word it says the title is a past one, see [`NOT_CURRENT`].) In order.
const SENTENCE_WORDS: &[&str] = &[
    "after",
    "also",
    "although",
    "and",
    "april",
    "as",
    "at",
    "august",
    "because",
    "before",
    "both",
    "but",
    "by",
    "december",
    "during",
    "earlier",
    "either",
    "february",
    "for",
    "friday",
    "from",
    "however",
    "if",
    "in",
    "january",
    "july",
    "june",
    "last",
    "later",
    "march",
    "meanwhile",
    "monday",
    "neither",
    "nor",
    "november",
    "now",
    "october",
    "on",
    "once",
    "or",
    "saturday",
    "september",
    "since",
    "so",
    "sunday",
    "though",
    "thursday",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "tuesday",
    "unless",
    "until",
    "wednesday",
    "when",
    "whereas",
    "while",
    "with",
    "without",
    "yesterday",
    "yet",
];

/// Whether `word` is one of [`SENTENCE_WORDS`], in any case. This runs for every mention
/// at the start of a sentence: the words are compared as numbers, their bytes in order.
fn is_sentence_word(word: &str) -> bool {
    static KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| {
        let mut keys: Vec<u128> = SENTENCE_WORDS.iter().filter_map(|w| word_key(w)).collect();
        keys.sort_unstable();
        keys
    });
    word_key(word).is_some_and(|key| KEYS.binary_search(&key).is_ok())
}

/// A word of two to sixteen ASCII letters, lowercased, as a number: its bytes from the
/// highest down.
fn word_key(word: &str) -> Option<u128> {
    if !(2..=16).contains(&word.len()) {
        return None;
    }
    let mut key = 0u128;
    for (i, b) in word.bytes().enumerate() {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        key |= u128::from(b.to_ascii_lowercase()) << (8 * (15 - i));
    }
    Some(key)
}

/// The words a title ends with (the last word of each title the scan reads).
const HEAD_WORDS: &[&str] = &[
    "minister",
    "secretary",
    "president",
    "premier",
    "ambassador",
    "governor",
    "senator",
    "chancellor",
    "staff",
    "director",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "leader",
    "mayor",
    "commissioner",
    "representative",
    "speaker",
    "general",
    "ceo",
    "executive",
    "officer",
];

/// The word of `text` that ends where `end` is, after the spaces and tabs before `end`, and
/// where it starts.
fn word_before(text: &str, end: usize) -> Option<(&str, usize)> {
    let bytes = text.as_bytes();
    let mut end = end;
    while end > 0 && matches!(bytes[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    // After an ASCII byte, or at the start: on a character boundary.
    let mut start = end;
    while start > 0 && !bytes[start - 1].is_ascii_whitespace() {
        start -= 1;
    }
    (start < end).then(|| (&text[start..end], start))
}

/// Whether `text` holds `word` in lower case as a word of its own.
fn written_in_lower_case(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word {
        return false;
    }
    let bytes = text.as_bytes();
    let letter_at = |i: usize| text[i..].chars().next().is_some_and(char::is_alphabetic);
    let letter_before = |i: usize| {
        text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
    };
    memchr::memmem::find_iter(bytes, lower.as_bytes()).any(|at| {
        !letter_before(at) && (at + lower.len() == bytes.len() || !letter_at(at + lower.len()))
    })
}

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Where the title of `m` starts, once the words read with it that are not part of it are
/// set right; `None` when what the title is cannot be told, and the mention is better left
/// out than compared:
/// - words that begin the sentence are left out ([`SENTENCE_WORDS`]) at the start of one;
/// - after "and" that follows a title word, the mention holds two offices ("Microsoft
///   Chairman and Chief Executive Bill Gates"): the title takes in the first, with the
///   capitalized words before it;
/// - after "and" that follows another capitalized word, that word is part of the title
///   when the article also writes it in lower case (a portfolio of two: "Trade and Industry
///   Secretary", in an article that speaks of trade). Otherwise it may be a name ("said
///   Kohl and Finance Minister …") as well as a portfolio: `None`;
/// - after "of" or "&" that follow a capitalized word, the words read are the tail of a
///   longer name ("Bank of Canada Governor", "Cable & Wireless Plc Chief Executive"), which
///   another article may write whole or as its initials: `None`.
fn title_start(text: &str, m: &Mentioned) -> Option<usize> {
    let start = m.title.start;
    // After a letter or digit that cannot end "of" or "and", the title is in the middle of
    // a sentence and follows no connector: told by one byte, as most mentions are.
    let bytes = text.as_bytes();
    let mut end = start;
    while end > 0 && matches!(bytes[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    if end > 0 && bytes[end - 1].is_ascii_alphanumeric() && !matches!(bytes[end - 1], b'f' | b'd') {
        // A word in lower case that makes the title another office belongs to it ("his
        // shadow Chancellor"): "under" before a title is a preposition ("under Prime
        // Minister …").
        if bytes[end - 1].is_ascii_lowercase()
            && let Some((word, at)) = word_before(text, start)
            && word != "under"
            && DIFFERENT_OFFICE.contains(&word)
        {
            return Some(at);
        }
        return Some(start);
    }
    let (connector, at) = match word_before(text, start) {
        // A word that begins the sentence stands at the start of the text, of a line or
        // after the end of a sentence (told first: this runs for every mention).
        None => return Some(after_sentence_words(text, m)),
        Some((w, _)) if ends_a_sentence(w) => {
            return Some(after_sentence_words(text, m));
        }
        Some((connector @ ("of" | "&" | "and"), at)) => (connector, at),
        Some(_) => return Some(start),
    };
    let Some((word, word_at)) = word_before(text, at).filter(|(w, _)| capitalized(w)) else {
        return Some(start);
    };
    match connector {
        "of" | "&" => None,
        "and" if HEAD_WORDS.iter().any(|h| h.eq_ignore_ascii_case(word)) => {
            // The first office's own words: capitalized ones before it, as a title has.
            let mut first = word_at;
            for _ in 0..TITLE_WORDS {
                match word_before(text, first) {
                    Some((w, at))
                        if capitalized(w)
                            && !is_sentence_word(w)
                            && !w.ends_with([',', '.', ';', ':']) =>
                    {
                        first = at
                    }
                    _ => break,
                }
            }
            Some(first)
        }
        // "in November and Chinese Defence Minister …", "Paris, and Trade Minister …".
        "and" if is_sentence_word(word) || !word.chars().all(char::is_alphabetic) => Some(start),
        "and" => written_in_lower_case(text, word).then_some(word_at),
        _ => Some(start),
    }
}

/// Whether the word `w` ends with a mark after which a sentence starts (or an opening one).
fn ends_a_sentence(w: &str) -> bool {
    match w.as_bytes().last() {
        Some(b'.' | b'!' | b'?' | b':' | b';' | b'"' | b'(') => true,
        // The last byte of '“', '”' and '—'.
        Some(0x9c | 0x9d | 0x94) => w.ends_with(['“', '”', '—']),
        _ => false,
    }
}

/// Where the title of `m` starts once the words that begin the sentence are left out.
fn after_sentence_words(text: &str, m: &Mentioned) -> usize {
    let bytes = text.as_bytes();
    let mut start = m.title.start;
    while start < m.head {
        // Words before the title word are followed by spaces, tabs or a line break.
        let end = bytes[start..m.head]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(m.head, |i| start + i);
        if !is_sentence_word(&text[start..end]) {
            break;
        }
        start = end;
        while start < m.head && bytes[start].is_ascii_whitespace() {
            start += 1;
        }
    }
    start
}

/// Modifiers that make a longer title a different office ("Deputy Prime Minister").
const DIFFERENT_OFFICE: &[&str] = &[
    "deputy",
    "vice",
    "assistant",
    "associate",
    "acting",
    "interim",
    "junior",
    "shadow",
    "under",
];

/// Two titles agree when one is the other with more detail ("Governor" and "CNB Governor",
/// "Federal Reserve Governor" and "Federal Reserve Board Governor"): same head word, the
/// shorter one's words all in the longer in order, and no extra word naming another office.
/// A word of the shorter may stand for several of the longer as their initials ("FCC
/// Chairman", "Federal Communications Commission Chairman"), and a place's possessive for
/// its adjective ("South Korea's", "South Korean").
fn compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let short: Vec<&str> = short.split_whitespace().collect();
    let long: Vec<&str> = long.split_whitespace().collect();
    if short.last() != long.last() {
        return false;
    }
    in_order(&short, &long) || in_any_order(&short, &long)
}

/// [`compatible`] with the words of `short` read in `long` in their order.
fn in_order(short: &[&str], long: &[&str]) -> bool {
    let (mut i, mut j) = (0, 0);
    while j < long.len() {
        if let Some(s) = short.get(i) {
            if same_word(s, long[j]) {
                (i, j) = (i + 1, j + 1);
                continue;
            }
            if let Some(n) = initials_of(s, &long[j..]) {
                (i, j) = (i + 1, j + n);
                continue;
            }
        }
        if DIFFERENT_OFFICE.contains(&long[j]) {
            return false;
        }
        j += 1;
    }
    i == short.len()
}

/// [`compatible`] with the words of `short` read in `long` in any order ("Assistant
/// Treasury Secretary", "Treasury Assistant Secretary"), each word once and as written.
fn in_any_order(short: &[&str], long: &[&str]) -> bool {
    if short.len() > long.len() {
        return false;
    }
    let mut unread: Vec<&str> = long.to_vec();
    for word in short {
        match unread.iter().position(|w| w == word) {
            Some(i) => {
                unread.swap_remove(i);
            }
            None => return false,
        }
    }
    !unread.iter().any(|w| DIFFERENT_OFFICE.contains(w))
}

/// Whether two words of normalized titles say the same: the same word, a place's
/// possessive and its adjective ("korea's" and "korean", "china's" and "chinese"), or a
/// word and its first three or four letters ("fed" and "federal").
fn same_word(a: &str, b: &str) -> bool {
    let place_of = |possessive: &str, other: &str| {
        let Some(place) = possessive.strip_suffix("'s") else {
            return false;
        };
        // All of the place's name but its last letter starts the adjective, which is at
        // most three letters longer.
        let stem = place.char_indices().last().map_or("", |(i, _)| &place[..i]);
        stem.len() >= 3
            && other.starts_with(stem)
            && (place.len()..=place.len() + 3).contains(&other.len())
    };
    // A word cut short ("Fed" for "Federal").
    let cut = |short: &str, long: &str| {
        (3..=4).contains(&short.len())
            && long.len() > short.len()
            && long.starts_with(short)
            && short.bytes().all(|b| b.is_ascii_lowercase())
    };
    a == b || place_of(a, b) || place_of(b, a) || cut(a, b) || cut(b, a)
}

/// Words of a name left out of its initials.
const NOT_INITIALS: &[&str] = &["of", "and", "&", "the", "for"];

/// How many of `words` the letters of `short` are the initials of ("sec" of "securities and
/// exchange commission"), when they are.
fn initials_of(short: &str, words: &[&str]) -> Option<usize> {
    if !(2..=6).contains(&short.len()) || !short.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut j = 0;
    for letter in short.bytes() {
        while words.get(j).is_some_and(|w| NOT_INITIALS.contains(w)) {
            j += 1;
        }
        if words.get(j)?.as_bytes().first() != Some(&letter) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// The offices a normalized title names: each of those it joins with "and" when each ends
/// with a title word ("chairman and ceo"); else the title itself ("trade and industry
/// secretary" is one office).
fn offices(title: &str) -> Vec<&str> {
    let parts: Vec<&str> = title.split(" and ").collect();
    let each_an_office = parts.iter().all(|p| {
        p.rsplit(' ')
            .next()
            .is_some_and(|w| HEAD_WORDS.contains(&w))
    });
    if parts.len() > 1 && each_an_office {
        parts
    } else {
        vec![title]
    }
}

/// Whether `office` is one that only a senator holds, in the Senate ("senate finance
/// committee chairman", "senate majority leader"), and `senator` is a senator's title
/// ("texas democratic senator"): the person holds both at once, and may be given either.
fn in_the_senate(senator: &str, office: &str) -> bool {
    let mut words = office.split(' ');
    senator.rsplit(' ').next() == Some("senator")
        && words.next_back().is_some_and(|w| {
            matches!(
                w,
                "chairman" | "chairwoman" | "chairperson" | "chair" | "leader"
            )
        })
        && words.any(|w| w == "senate")
}

/// Words that name a party's leader in a chamber, and those that name its floor leader.
const PARTY_WORDS: &[&str] = &["democratic", "democrat", "republican", "gop"];
const FLOOR_WORDS: &[&str] = &["majority", "minority"];

/// Whether `party` and `floor` may be one office written two ways: the leader of a party
/// in the U.S. Senate is its majority or minority leader ("Senate Democratic Leader" and
/// "Senate Majority Leader"), as the party then was; which one, the text does not tell
/// (Dole, the Republican leader in 1987, was called the majority leader after his party
/// lost the Senate). In the House, the majority's leader is the Speaker, so only the
/// minority leader is a party's leader there. The titles say the same but for one party
/// word in one and one of "majority" and "minority" in the other, at the same place.
fn party_and_floor_leader(party: &str, floor: &str) -> bool {
    let (p, f): (Vec<&str>, Vec<&str>) = (party.split(' ').collect(), floor.split(' ').collect());
    let in_the_house = p.contains(&"house");
    p.len() == f.len()
        && p.last() == Some(&"leader")
        && f.last() == Some(&"leader")
        && p.iter()
            .zip(&f)
            .filter(|(a, b)| a != b)
            .map(|(a, b)| {
                PARTY_WORDS.contains(a)
                    && FLOOR_WORDS.contains(b)
                    && !(in_the_house && *b == "majority")
            })
            .eq([true])
}

/// Whether `a` and `b` may name the head of one central bank, who is its governor in some
/// countries and its president in others ("Central Bank Governor", "Brazilian Central Bank
/// President"): both name a central bank, one ends with "governor" and the other with
/// "president", and with that word swapped they agree (by `agree`). Not "Deputy Governor"
/// against "President", nor a bank not called central ("Fed Governor" and "Fed President"
/// are two offices).
fn heads_of_one_central_bank(a: &str, b: &str, agree: impl Fn(&str, &str) -> bool) -> bool {
    let central_bank = |t: &str| {
        let words: Vec<&str> = t.split(' ').collect();
        words.windows(2).any(|w| w == ["central", "bank"])
    };
    let swapped = |t: &str, from: &str, to: &str| {
        t.strip_suffix(from)
            .filter(|before| before.ends_with(' '))
            .map(|before| format!("{before}{to}"))
    };
    central_bank(a)
        && central_bank(b)
        && [("governor", "president"), ("president", "governor")]
            .iter()
            .any(|&(from, to)| {
                b.ends_with(to) && swapped(a, from, to).is_some_and(|a| agree(&a, b))
            })
}

/// The offices at the top of a company that one person often holds together ("Chairman and
/// Chief Executive", "President and Chief Operating Officer"), as normalized titles end with
/// them; the longer first.
const HELD_TOGETHER: &[&str] = &[
    "chief operating officer",
    "executive chairman",
    "managing director",
    "chairperson",
    "chairwoman",
    "chairman",
    "president",
    "chair",
    "ceo",
    "coo",
];

/// A normalized title that ends with an office of [`HELD_TOGETHER`], split into what comes
/// before it (the company, if named) and the office. Not when a word before the office makes
/// it another one ("vice president", "deputy chairman").
fn top_office(title: &str) -> Option<(&str, &str)> {
    let office = HELD_TOGETHER.iter().find(|o| {
        title
            .strip_suffix(**o)
            .is_some_and(|before| before.is_empty() || before.ends_with(' '))
    })?;
    let before = title[..title.len() - office.len()].trim_end();
    let modified = before
        .rsplit(' ')
        .next()
        .is_some_and(|w| DIFFERENT_OFFICE.contains(&w) || w == "executive");
    (!modified).then_some((before, *office))
}

/// Words of a public body: a title holding one is an office of state, not of a company
/// ("Senate Finance Committee Chairman", "Federal Reserve Chairman").
const PUBLIC_BODY: &[&str] = &[
    "senate",
    "house",
    "committee",
    "subcommittee",
    "congress",
    "congressional",
    "parliament",
    "parliamentary",
    "assembly",
    "party",
    "council",
    "commission",
    "government",
    "federal",
    "fed",
    "reserve",
    "state",
    "ministry",
    "cabinet",
    "republic",
    "national",
    "city",
    "county",
    "court",
];

/// Offices only a company has: with one of them, a title naming no company is still one.
const ONLY_IN_A_COMPANY: &[&str] = &[
    "ceo",
    "coo",
    "chief operating officer",
    "managing director",
    "executive chairman",
];

/// Whether two titles that do not agree are two top offices of one company, which one person
/// may hold at once ("GM Chairman" and "GM CEO", "Chief Executive" and "Apple Chairman"): the
/// first, given the second's office, agrees with the second (by `agree`, which knows how a
/// company is written). Not an office of state ("Senate Finance Committee Chairman"), nor
/// "President" against "Chairman" with no company named, which may be a head of state's.
fn held_together(a: &str, b: &str, agree: impl Fn(&str, &str) -> bool) -> bool {
    let (Some((company, office)), Some((other_company, other))) = (top_office(a), top_office(b))
    else {
        return false;
    };
    let public = |t: &str| t.split(' ').any(|w| PUBLIC_BODY.contains(&w));
    let of_a_company = !company.is_empty()
        || !other_company.is_empty()
        || ONLY_IN_A_COMPANY.contains(&office)
        || ONLY_IN_A_COMPANY.contains(&other);
    office != other
        && of_a_company
        && !public(a)
        && !public(b)
        && agree([company, other].join(" ").trim_start(), b)
}

/// Whether a title as written is a nation's premier or prime minister: the word before
/// "Premier" or "Prime Minister" names a nation ("Turkish Premier", "Lebanon's Prime
/// Minister", "Soviet Premier").
fn heads_a_nation(written: &str) -> bool {
    // Asked of every mention of a person who is given a premier's title: read in place.
    let ends = |text: &str, end: &str| {
        text.len() >= end.len()
            && text.is_char_boundary(text.len() - end.len())
            && text[text.len() - end.len()..].eq_ignore_ascii_case(end)
    };
    let written = written.trim_end_matches(['.', ',']);
    let office = ["premier", "prime minister"]
        .into_iter()
        .find(|office| ends(written, office));
    let Some(office) = office else {
        return false;
    };
    let before = written[..written.len() - office.len()].trim_end_matches([' ', '-']);
    if before.len() == written.len() - office.len() {
        // Not a word of its own ("Vicepremier").
        return false;
    }
    let mut words = before.rsplit([' ', '-']).map(|w| {
        w.trim_end_matches(['.', ','])
            .replace('’', "'")
            .to_lowercase()
    });
    let word = words.next().unwrap_or_default();
    // "Western Australia Premier": a state named by its nation's name.
    let state = words
        .next()
        .is_some_and(|before| places::is_state(&before, &word));
    places::is_nation(&word) && !state
}

/// `long` (a title as written) with a run of its capitalised words replaced by a short name
/// in capitals that `short` holds and that spells them out ("AOL" for "America Online",
/// "NYMEX" for "New York Mercantile Exchange", "BT" for "British Telecom"), if it holds one.
fn short_name_for(short: &str, long: &str) -> Option<String> {
    let words: Vec<&str> = long.split_whitespace().collect();
    short
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            (2..=6).contains(&w.len())
                && w.bytes().all(|b| b.is_ascii_uppercase())
                && !QUALIFIERS.contains(&w.to_ascii_lowercase().as_str())
        })
        .find_map(|name| {
            (0..words.len()).find_map(|start| {
                // A name starts with a capitalised word.
                if !words[start].starts_with(|c: char| c.is_ascii_uppercase()) {
                    return None;
                }
                let n = spelled_out(name.as_bytes(), &words[start..])?;
                let mut out: Vec<&str> = words[..start].to_vec();
                out.push(name);
                out.extend(&words[start + n..]);
                Some(out.join(" "))
            })
        })
}

/// How many of `words` the capitals `letters` spell out, when two or more: each word gives
/// its first letter (a capital) and perhaps one more of its letters after it ("Online" gives
/// "OL" to "AOL", "Exchange" "EX" to "NYMEX"); "of", "and" and the like in lower case are
/// passed over.
fn spelled_out(letters: &[u8], words: &[&str]) -> Option<usize> {
    fn from(letters: &[u8], words: &[&str]) -> Option<usize> {
        let Some((&first, rest)) = letters.split_first() else {
            return Some(0);
        };
        let (word, others) = words.split_first()?;
        if NOT_INITIALS.contains(word) {
            return from(letters, others).map(|n| n + 1);
        }
        let bytes = word.as_bytes();
        if bytes.first() != Some(&first) {
            return None;
        }
        from(rest, others).map(|n| n + 1).or_else(|| {
            let (&second, after) = rest.split_first()?;
            bytes[1..]
                .iter()
                .any(|b| b.to_ascii_uppercase() == second)
                .then(|| from(after, others).map(|n| n + 1))
                .flatten()
        })
    }
    from(letters, words).filter(|&n| n >= 2)
}

/// Whether `word` is one of the words of a normalized title.
fn has_word(title: &str, word: &str) -> bool {
    title.split(' ').any(|w| w == word)
}

/// A normalized title with "premier" read as "prime minister" ("vice premier" is then
/// "vice prime minister", as "deputy prime minister" is).
fn premier_as_prime_minister(title: &str) -> String {
    title
        .split(' ')
        .map(|w| if w == "premier" { "prime minister" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Mentions more than this many days apart are not compared: titles change over time.
const WINDOW_DAYS: i32 = 90;

/// Whether two mentions are near enough in time to compare. Undated articles are compared
/// with each other (a folder of drafts, one batch), but not with dated ones: how far apart
/// those are is unknown, and an archive spans years (a minister of 1987 is a party leader in
/// 2005). `--as-of` dates drafts, which then meet the archive around that date.
fn close_in_time(ctx: &Context, a: &Mention, b: &Mention) -> bool {
    match (ctx.articles[a.article].date, ctx.articles[b.article].date) {
        (Some(x), Some(y)) => (x - y).get_days().abs() <= WINDOW_DAYS,
        (None, None) => true,
        _ => false,
    }
}

/// Without accepted titles: titles that differ between articles.
fn discovered(
    ctx: &Context,
    info: &CheckInfo,
    severity: Severity,
    name: &str,
    mentions: &[Mention],
    findings: &mut Vec<Finding>,
) {
    let mut by_title: BTreeMap<&str, Vec<&Mention>> = BTreeMap::new();
    for m in mentions {
        by_title.entry(m.title).or_default().push(m);
    }
    if by_title.len() < 2 {
        return;
    }
    // Titles are compared across articles only (one writer's choice within one article is
    // left alone): see the `r.article != m.article` below.
    // A person given two offices at once somewhere ("Chairman and Chief Executive") may be
    // given either one elsewhere.
    let held: Vec<Vec<&str>> = by_title
        .keys()
        .map(|t| offices(t))
        .filter(|o| o.len() > 1)
        .collect();
    let either = |x: &[&str], y: &[&str]| x.iter().any(|p| y.iter().any(|q| compatible(p, q)));
    let agree_as_written = |a: &str, b: &str| {
        in_the_senate(a, b) || in_the_senate(b, a) || {
            let (a, b) = (offices(a), offices(b));
            either(&a, &b) || held.iter().any(|h| either(&a, h) && either(&b, h))
        }
    };
    // The premier of a nation is its prime minister ("Turkish Premier", "Greek Prime
    // Minister"); a province's is not ("Ontario Premier"). Once any article names this
    // person's nation before either word, the two are one office for them.
    // (Looked at only for a premier not otherwise agreed with.)
    let national = std::cell::OnceCell::new();
    let agree_as_read = |a: &str, b: &str| {
        agree_as_written(a, b)
            || ((has_word(a, "premier") || has_word(b, "premier"))
                && *national.get_or_init(|| mentions.iter().any(|m| heads_a_nation(m.written)))
                && agree_as_written(&premier_as_prime_minister(a), &premier_as_prime_minister(b)))
    };
    // A short name in capitals for the words the other title spells out ("AOL Chairman",
    // "America Online Chairman"): read in the titles as written, where capitals tell a
    // short name from a word. (Only for titles not otherwise agreed with.)
    // The same reading tells two top offices of one company ("AOL CEO", "America Online
    // Chairman").
    let written_of = |t: &str| by_title.get(t).and_then(|ms| ms.first()).map(|m| m.written);
    let with_short_names = |a: &str, b: &str, same: &dyn Fn(&str, &str) -> bool| {
        same(a, b)
            || [(a, b), (b, a)].iter().any(|&(short, long)| {
                let (Some(short_written), Some(long_written)) =
                    (written_of(short), written_of(long))
                else {
                    return false;
                };
                short_name_for(short_written, long_written)
                    .is_some_and(|shortened| same(short, &normalize_title(&shortened)))
            })
    };
    let agree = |a: &str, b: &str| with_short_names(a, b, &agree_as_read);
    // Titles that may both be right at once are a note, with why (see [`held_together`],
    // [`party_and_floor_leader`] and [`heads_of_one_central_bank`]).
    let why_both_may_hold = |a: &str, b: &str| {
        if with_short_names(a, b, &|x, y| held_together(x, y, agree_as_read)) {
            Some("one person often holds both of these offices")
        } else if party_and_floor_leader(a, b) || party_and_floor_leader(b, a) {
            Some(
                "a party's leader in the Senate is its majority or minority leader, as the party then was",
            )
        } else if heads_of_one_central_bank(a, b, agree_as_read) {
            Some("a central bank's head is its governor in some countries, its president in others")
        } else {
            None
        }
    };
    // The most used title is the reference. Of titles used as often, the one the others
    // agree with most (by their mentions), then the one met first: so that which titles are
    // reported does not depend on the order of the files ("Vice Foreign Minister",
    // "Minister" and "Chinese Foreign Minister", once each, are one finding whichever
    // article comes first; with the first as the reference they were two).
    let most = by_title.values().map(Vec::len).max().unwrap_or(0);
    let support = |t: &str| -> usize {
        (by_title.iter())
            .filter(|(u, _)| **u != t && agree(t, u))
            .map(|(_, ms)| ms.len())
            .sum()
    };
    let reference = (by_title.iter())
        .filter(|(_, ms)| ms.len() == most)
        .map(|(t, ms)| (*t, ms))
        .max_by_key(|(t, ms)| (support(t), std::cmp::Reverse(ms[0].article)))
        .map(|(t, ms)| (t, ms.clone()))
        .expect("at least two titles");
    // A user's level for the check applies to every finding; by default, two top offices of
    // one company are a note, not a warning: one person often holds both.
    let configured = ctx.rules.check_config(info.id).severity.is_some();
    for (title, ms) in &by_title {
        if agree(title, reference.0) {
            continue;
        }
        let together = why_both_may_hold(title, reference.0);
        // The first mention of this title close in time to a mention of the reference.
        let Some((primary, other)) = ms.iter().find_map(|m| {
            reference
                .1
                .iter()
                .find(|r| r.article != m.article && close_in_time(ctx, m, r))
                .map(|r| (*m, *r))
        }) else {
            continue;
        };
        let mut notes = vec![
            format!(
                "{name} is given {} different titles in the corpus",
                by_title.len()
            )
            .into(),
        ];
        let help = if let Some(why) = together {
            notes.push(why.into());
            format!("if {name} holds both, list them in a `people:` entry; else use one title")
        } else {
            format!("use one title for {name}, or list the accepted ones in a `people:` entry")
        };
        findings.push(Finding {
            kind: Kind::Title,
            rule: info.id.into(),
            severity: if together.is_some() && !configured {
                Severity::Info
            } else {
                severity
            },
            message: format!(
                "titles: {name} is \"{}\" here but \"{}\" in {}",
                primary.written, other.written, ctx.articles[other.article].display
            )
            .into(),
            locations: vec![
                Location {
                    article: primary.article,
                    span: primary.title_span.clone(),
                    label: format!("\"{}\"", primary.written).into(),
                    value: None,
                },
                Location {
                    article: other.article,
                    span: other.title_span.clone(),
                    label: format!("\"{}\"", other.written).into(),
                    value: None,
                },
            ],
            notes,
            help: Some(help.into()),
        });
    }
}

/// With accepted titles: every mention must use one of them, within its dates.
fn accepted_titles(
    ctx: &Context,
    info: &CheckInfo,
    severity: Severity,
    person: &Person,
    mentions: &[Mention],
    findings: &mut Vec<Finding>,
) {
    let accepted: Vec<String> = person
        .titles
        .iter()
        .map(|t| normalize_title(&t.title))
        .collect();
    for m in mentions {
        let date = ctx.articles[m.article].date;
        // The office named right before the name must be accepted and held on the article's
        // date. Of two joined by "and", the first may be another person's ("talks between
        // the Finance Minister and Prime Minister Mark Carney"), so it is not held against
        // this one.
        let office = offices(m.title).pop().unwrap_or(m.title);
        let matching: Vec<&AcceptedTitle> = (person.titles.iter().zip(&accepted))
            .filter(|(_, normalized)| *normalized == office)
            .map(|(t, _)| t)
            .collect();
        let (message, note) = if matching.is_empty() {
            let list: Vec<&str> = person.titles.iter().map(|t| t.title.as_str()).collect();
            (
                format!(
                    "titles: \"{}\" is not an accepted title of {}",
                    m.written, person.name
                ),
                format!("accepted: {}", list.join("; ")),
            )
        } else if let Some(d) = date
            && !matching
                .iter()
                .any(|t| t.since.is_none_or(|s| s <= d) && t.until.is_none_or(|u| d <= u))
        {
            let t = matching[0];
            let when = match (t.since, t.until) {
                (_, Some(u)) if d > u => format!("it lapsed on {u}"),
                (Some(s), _) => format!("it began on {s}"),
                _ => "it was not held then".to_string(),
            };
            (
                format!(
                    "titles: stale title: {} was not \"{}\" on {d}",
                    person.name, m.written
                ),
                when,
            )
        } else {
            continue;
        };
        findings.push(Finding {
            kind: Kind::Title,
            rule: info.id.into(),
            severity,
            message: message.into(),
            locations: vec![Location {
                article: m.article,
                span: m.title_span.clone(),
                label: format!("\"{}\"", m.written).into(),
                value: None,
            }],
            notes: vec![note.into()],
            help: Some(
                format!(
                    "use an accepted title for {}, or add this one to the `people:` entry",
                    person.name
                )
                .into(),
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `preceded_by_not_current` as it was first written, by words split off: the one in
    /// use compares in place and must agree with it.
    fn preceded_by_not_current_by_words(text: &str, start: usize, title: &str) -> bool {
        let first = title.split_whitespace().next().unwrap_or("").as_bytes();
        let last = text[..start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .as_bytes();
        let same = |a: &[u8], w: &str| a.eq_ignore_ascii_case(w.as_bytes());
        NOT_CURRENT.iter().any(|w| {
            let n = w.len();
            same(first, w)
                || (first.len() > n && first[n] == b'-' && same(&first[..n], w))
                || same(last, w)
                || (last.len() > n
                    && last.ends_with(b"-")
                    && same(&last[last.len() - 1 - n..last.len() - 1], w))
        })
    }

    proptest::proptest! {
        #[test]
        fn a_title_not_current_is_told_in_place_as_by_words(
            before in proptest::collection::vec(
                proptest::sample::select(vec![
                    "former", "Former", "ex", "EX-", "then-", "the", "late", "Acting", "interim",
                    "outgoing", "x", "-", " ", "  ", "\u{a0}", "\n", "é", "ſ", "then", "formerly",
                ]),
                0..6,
            ),
            title in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Former", "ex-", "Ex", "then", "Then-", "Minister", "President", " ", "\u{a0}",
                    "é", "-", "formerly", "acting",
                ]),
                0..4,
            ),
        ) {
            let (before, title) = (before.concat(), title.concat());
            let text = format!("{before}{title} Jane Doe");
            let start = before.len();
            proptest::prop_assert_eq!(
                preceded_by_not_current(&text, start, &title),
                preceded_by_not_current_by_words(&text, start, &title),
                "{:?}",
                text
            );
        }
    }

    /// What a scan of `text` kept, as (person, title as written, title span), read through
    /// the run's names.
    fn scanned(prepared: &super::super::Prepared, text: &str) -> Vec<(String, String, Range<u32>)> {
        let article = crate::article::Article::from_bytes(
            0,
            std::path::Path::new("a.md"),
            "a.md".into(),
            text.as_bytes(),
        )
        .unwrap();
        let scan = Titles.scan(
            &super::super::Reading::new(&article),
            &RuleSet::default(),
            prepared,
        );
        let names = prepared
            .as_ref()
            .and_then(|p| p.downcast_ref::<Shared>())
            .unwrap()
            .names
            .lock()
            .unwrap();
        let kept = scan.data.map(|d| d.downcast::<Vec<Scanned>>().unwrap());
        kept.into_iter()
            .flat_map(|k| k.into_iter())
            .map(|s| {
                let (person, written) = names.pairs[s.pair as usize];
                (
                    names.list[person as usize].to_string(),
                    names.list[written as usize].to_string(),
                    s.title_span,
                )
            })
            .collect()
    }

    #[test]
    fn a_mention_read_again_is_numbered_as_the_first_time_in_each_run() {
        let a = "Title\n\nTrade Minister Dominic LeBlanc met Premier Doug Ford. Trade Minister \
                 Dominic LeBlanc left; U.S. Trade Representative Jamieson Greer stayed.";
        let b = "Title\n\nMayor Olivia Chow spoke. British Premier Doug Ford too.";
        let mut first: Option<Vec<(String, String, Range<u32>)>> = None;
        // Each run numbers names anew, in another order: what a thread kept of one run
        // must not be read as the next one's numbers.
        for order in [[a, b], [b, a]] {
            let prepared = Titles.prepare(&RuleSet::default());
            for text in order.iter().chain(order.iter()) {
                let got = scanned(&prepared, text);
                if *text == a {
                    let want = first.get_or_insert_with(|| got.clone());
                    assert_eq!(&got, want);
                }
            }
        }
        let got = first.unwrap();
        let people: Vec<&str> = got.iter().map(|(p, _, _)| p.as_str()).collect();
        assert_eq!(
            people,
            [
                "Dominic LeBlanc",
                "Doug Ford",
                "Dominic LeBlanc",
                "Jamieson Greer"
            ]
        );
        assert_eq!(got[3].1, "U.S. Trade Representative");
    }

    #[test]
    fn a_name_loses_its_possessive_and_extra_spaces() {
        for (written, clean) in [
            ("Mark Carney", "Mark Carney"),
            ("Mark Carney’s", "Mark Carney"),
            ("Mark  Carney's", "Mark Carney"),
            ("Chris Jones'", "Chris Jones"),
            ("Chris Jones’", "Chris Jones"),
            ("Ann Marie’s’s", "Ann Marie"),
            ("Lois Ross", "Lois Ross"),
        ] {
            assert_eq!(clean_name(written), clean, "{written}");
        }
    }

    #[test]
    fn nationality_and_possessives_do_not_change_a_title() {
        assert_eq!(normalize_title("U.S. President"), "president");
        assert_eq!(normalize_title("US President"), "president");
        assert_eq!(normalize_title("Canada's Prime Minister"), "prime minister");
        assert_eq!(normalize_title("Trade Minister"), "trade minister");
    }

    #[test]
    fn a_senator_with_an_office_in_the_senate_holds_both() {
        assert!(in_the_senate(
            "democratic senator",
            "senate finance committee chairman"
        ));
        assert!(in_the_senate("senator", "senate majority leader"));
        // Not the Senate's, or not only a senator's.
        assert!(!in_the_senate("senator", "committee chairman"));
        assert!(!in_the_senate("senator", "banking chairman"));
        assert!(!in_the_senate(
            "senator",
            "senate banking committee staff director"
        ));
        assert!(!in_the_senate("governor", "senate majority leader"));
        assert!(!in_the_senate("senate majority leader", "senator"));
    }

    #[test]
    fn a_central_bank_governor_may_be_its_president() {
        let agree = |a: &str, b: &str| compatible(&normalize_title(a), &normalize_title(b));
        let heads = |a: &str, b: &str| {
            heads_of_one_central_bank(&normalize_title(a), &normalize_title(b), agree)
        };
        assert!(heads(
            "Central Bank Governor",
            "Brazilian Central Bank President"
        ));
        assert!(heads(
            "Brazilian Central Bank President",
            "Central Bank Governor"
        ));
        assert!(heads(
            "Central Bank President",
            "Brazil's Central Bank Governor"
        ));
        // Another office, another bank, or not a central bank's.
        assert!(!heads(
            "Central Bank Deputy Governor",
            "Central Bank President"
        ));
        assert!(!heads(
            "Central Bank Governor",
            "Central Bank Vice President"
        ));
        assert!(!heads("Fed Governor", "Fed President"));
        assert!(!heads("Bank Governor", "Bank President"));
        assert!(!heads("Central Bank Governor", "Central Bank Governor"));
        assert!(!heads("Central Bank Governor", "Finance Minister"));
    }

    #[test]
    fn a_party_leader_in_a_chamber_is_its_floor_leader() {
        assert!(party_and_floor_leader(
            "senate democratic leader",
            "senate majority leader"
        ));
        assert!(party_and_floor_leader(
            "house republican leader",
            "house minority leader"
        ));
        assert!(party_and_floor_leader(
            "democratic leader",
            "majority leader"
        ));
        // The House's majority leader is not its majority's leader (the Speaker is).
        assert!(!party_and_floor_leader(
            "house democratic leader",
            "house majority leader"
        ));
        // Another chamber, another word, or more than the one word apart.
        assert!(!party_and_floor_leader(
            "house democratic leader",
            "senate majority leader"
        ));
        assert!(!party_and_floor_leader(
            "senate democratic leader",
            "senate assistant majority leader"
        ));
        assert!(!party_and_floor_leader(
            "senate democratic whip",
            "senate majority whip"
        ));
        assert!(!party_and_floor_leader(
            "senate majority leader",
            "senate minority leader"
        ));
        assert!(!party_and_floor_leader(
            "senate labour leader",
            "senate majority leader"
        ));
        // The party word goes in the first.
        assert!(!party_and_floor_leader(
            "senate majority leader",
            "senate democratic leader"
        ));
    }

    #[test]
    fn any_nation_named_first_is_a_nationality() {
        assert_eq!(normalize_title("Italian Prime Minister"), "prime minister");
        assert_eq!(
            normalize_title("Greek Foreign Minister"),
            "foreign minister"
        );
        assert!(compatible(
            &normalize_title("Italian Prime Minister"),
            &normalize_title("Socialist Prime Minister")
        ));
        // A name of several words, a state, a capital and a continent stay.
        assert_eq!(
            normalize_title("South African President"),
            "south african president"
        );
        assert_eq!(
            normalize_title("Western Australia Premier"),
            "western australia premier"
        );
        assert_eq!(
            normalize_title("Tokyo Trade Minister"),
            "japanese trade minister"
        );
        assert_eq!(
            normalize_title("African Development Bank President"),
            "african development bank president"
        );
        assert!(only_qualifiers("Italian"));
        assert!(!only_qualifiers("African"));
    }

    #[test]
    fn a_capital_reads_as_its_nation() {
        assert_eq!(
            normalize_title("Bonn Finance Minister"),
            normalize_title("West German Finance Minister")
        );
        assert_eq!(
            normalize_title("Seoul Foreign Minister"),
            "south korean foreign minister"
        );
        // Kept, not dropped as "Japanese" is: Tokyo's minister is not Seoul's.
        assert_eq!(
            normalize_title("Tokyo Trade Minister"),
            "japanese trade minister"
        );
        assert!(compatible("trade minister", "japanese trade minister"));
        assert!(!compatible(
            &normalize_title("Tokyo Trade Minister"),
            &normalize_title("Seoul Trade Minister")
        ));
        // Only before the office: a city's own office keeps its name.
        assert_eq!(normalize_title("Toronto Mayor"), "toronto mayor");
    }

    #[test]
    fn a_short_name_in_capitals_stands_for_the_words_it_spells_out() {
        for (short, long, shortened) in [
            ("AOL Chairman", "America Online Chairman", "AOL Chairman"),
            (
                "NYMEX President",
                "New York Mercantile Exchange President",
                "NYMEX President",
            ),
            (
                "BT Chief Executive",
                "British Telecom Chief Executive",
                "BT Chief Executive",
            ),
            (
                "SEC Chairman",
                "Securities and Exchange Commission Chairman",
                "SEC Chairman",
            ),
        ] {
            assert_eq!(
                short_name_for(short, long).as_deref(),
                Some(shortened),
                "{short}"
            );
        }
        for (short, long) in [
            // Not spelled out, or not a short name in capitals.
            ("IBM Chairman", "Intel Chairman"),
            ("Trade Secretary", "Treasury Department Secretary"),
            ("AOL Chairman", "Apple Chairman"),
            // A nationality word is no company's short name.
            ("US Secretary", "Under Secretary"),
            // One word is not spelled out by a short name.
            ("BA Chairman", "Barclays Chairman"),
        ] {
            assert_eq!(short_name_for(short, long), None, "{short} / {long}");
        }
    }

    #[test]
    fn a_premier_heads_a_nation_when_a_nation_is_named_before_it() {
        for written in [
            "Turkish Premier",
            "Greek Prime Minister",
            "Lebanon's Prime Minister",
            "Soviet Premier",
            "South Korean Prime Minister",
            "South African Prime Minister",
            "Australian Prime Minister",
        ] {
            assert!(heads_a_nation(written), "{written}");
        }
        for written in [
            "Premier",
            "Prime Minister",
            "Ontario Premier",
            "Chinese Vice Premier",
            "Turkish Deputy Prime Minister",
            "Turkish Foreign Minister",
            "Western Australia Premier",
            "South Australian Premier",
        ] {
            assert!(!heads_a_nation(written), "{written}");
        }
        assert_eq!(
            premier_as_prime_minister("vice premier"),
            "vice prime minister"
        );
        assert_eq!(premier_as_prime_minister("premier"), "prime minister");
        assert_eq!(
            premier_as_prime_minister("premiership chairman"),
            "premiership chairman"
        );
    }

    #[test]
    fn the_shortcuts_of_the_scan_agree_with_the_full_forms() {
        for title in [
            "U.S. President",
            "Canada's",
            "U.S. Canada's",
            "The U.S",
            "then- Federal",
            "British",
            "Mexico's Economy Minister",
            "US-China",
            ".",
            "U.S. .",
            ". ,",
            "",
            "Canada’s",
            "Économie",
            "JAPANESE",
            "Britain's, French.",
            "Company",
            "Airline Chairman",
        ] {
            assert_eq!(
                only_qualifiers(title),
                normalize_title(title).is_empty(),
                "{title:?}"
            );
        }
        for text in [
            "Prime Minister",
            "Prime  Minister",
            "Prime\nMinister",
            " Prime Minister",
            "Prime Minister ",
            "Prime\tMinister",
            "Prime\x0bMinister",
            "Prime\x0cMinister",
            "Prime\u{a0}Minister",
            "Mélanie Joly",
            "",
            " ",
        ] {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let got = single_spaced(text);
            assert_eq!(got, joined, "{text:?}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), text == joined, "{text:?}");
        }
    }

    #[test]
    fn more_detail_is_not_a_different_title() {
        assert!(compatible("governor", "cnb governor"));
        assert!(compatible("minister", "trade minister"));
        assert!(compatible(
            "federal reserve governor",
            "federal reserve board governor"
        ));
        assert_eq!(
            normalize_title("Vice-President"),
            normalize_title("Vice President")
        );
        assert!(!compatible(
            "trade minister",
            "intergovernmental affairs minister"
        ));
        assert!(!compatible("prime minister", "deputy prime minister"));
    }

    /// The title `title_start` gives the one mention of `text`, as written (`None` when the
    /// mention is left out).
    fn title_read(text: &str) -> Option<&str> {
        let found = mentions(text, 0);
        assert_eq!(found.len(), 1, "{text}");
        let m = &found[0];
        title_start(text, m).map(|start| &text[start..m.title.end])
    }

    #[test]
    fn a_title_is_read_without_the_sentence_and_with_its_portfolio_and_offices() {
        for (text, title) in [
            // Words that begin the sentence.
            (
                "But Finance Minister Jane Doe said.",
                Some("Finance Minister"),
            ),
            (
                "Yesterday British Farm Minister Michael Jopling said.",
                Some("British Farm Minister"),
            ),
            ("With Chairman Jack Smith at the wheel.", Some("Chairman")),
            (
                "Then Finance Minister Jane Doe said.",
                Some("Then Finance Minister"),
            ),
            // Two offices at once.
            (
                "said Microsoft Chairman and Chief Executive Bill Gates.",
                Some("Microsoft Chairman and Chief Executive"),
            ),
            // A portfolio of two, in an article that speaks of trade.
            (
                "On trade, Trade and Industry Secretary Ian Lang said.",
                Some("Trade and Industry Secretary"),
            ),
            // A name, or a portfolio in an article that never says "trade": left out.
            ("said Kohl and Finance Minister Gerhard Stoltenberg.", None),
            ("said Trade and Industry Secretary Ian Lang.", None),
            // The tail of a longer name: left out.
            ("the Bank of Canada Governor Tiff Macklem", None),
            ("Cable & Wireless Plc Chief Executive Richard Brown", None),
            // Neither a name nor a portfolio before "and", nor a name before "of".
            (
                "in November and Chinese Defence Minister Chi Haotian",
                Some("Chinese Defence Minister"),
            ),
            (
                "the resignation of Finance Minister Jane Doe",
                Some("Finance Minister"),
            ),
            ("Trade Minister Dominic LeBlanc", Some("Trade Minister")),
            // A word in lower case that makes another office is part of it; a preposition
            // is not ("under").
            (
                "He and his shadow Chancellor Oliver Letwin agree.",
                Some("shadow Chancellor"),
            ),
            (
                "the acting Chief Executive Jane Fraser",
                Some("acting Chief Executive"),
            ),
            (
                "talks under Prime Minister Mark Carney",
                Some("Prime Minister"),
            ),
        ] {
            assert_eq!(title_read(text), title, "{text}");
        }
    }

    #[test]
    fn sentence_words_are_looked_up_in_order_in_any_case() {
        assert!(SENTENCE_WORDS.windows(2).all(|w| w[0] < w[1]));
        for w in SENTENCE_WORDS {
            assert!((2..=16).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()));
            assert!(
                is_sentence_word(w) && is_sentence_word(&w.to_uppercase()),
                "{w}"
            );
        }
        assert!(word_key("ab") < word_key("abc") && word_key("abc") < word_key("abd"));
        assert_eq!(word_key("But"), word_key("bUT"));
        for w in [
            "Trade",
            "Minister",
            "Butterfingers-and",
            "Yesterday's",
            "",
            "B",
            "Butter",
            "Yesterdays",
            "Ünder",
        ] {
            assert!(!is_sentence_word(w), "{w}");
        }
    }

    #[test]
    fn one_office_written_several_ways_is_one_title() {
        for (a, b) in [
            ("CEO", "Chief Executive"),
            ("Chief Executive Officer", "CEO"),
            ("Defence Secretary", "Defense Secretary"),
            ("Labour Minister", "Labor Minister"),
            ("Farm Minister", "Agriculture Minister"),
            ("French Agricultural Minister", "Agriculture Minister"),
            ("Economics Minister", "Economy Minister"),
            ("External Trade Minister", "Foreign Trade Minister"),
            ("Bundesbank Deputy President", "Bundesbank Vice-President"),
            ("EU Trade Commissioner", "European Trade Commissioner"),
            ("USDA Secretary", "U.S. Agriculture Secretary"),
            ("HUD Secretary", "Housing Secretary"),
            ("Company Chairman", "Chairman"),
            ("Airline Chairman", "Chairman"),
        ] {
            assert_eq!(normalize_title(a), normalize_title(b), "{a} / {b}");
        }
        // Words that name other offices in some places stay apart.
        for (a, b) in [
            ("Premier", "Prime Minister"),
            ("Financial Secretary", "Finance Secretary"),
            ("Trade Minister", "Foreign Minister"),
        ] {
            assert_ne!(normalize_title(a), normalize_title(b), "{a} / {b}");
        }
        for (a, b) in [
            ("fcc chairman", "federal communications commission chairman"),
            (
                "sec chairman",
                "securities and exchange commission chairman",
            ),
            (
                "south korea's finance minister",
                "south korean finance minister",
            ),
            ("china's foreign minister", "chinese foreign minister"),
            ("fed chairman", "federal reserve board chairman"),
            ("microsoft ceo", "ceo"),
            // The same words in another order.
            (
                "assistant treasury secretary",
                "treasury assistant secretary",
            ),
            (
                "assistant u.s treasury secretary",
                "treasury assistant secretary",
            ),
            ("vice foreign minister", "foreign vice minister"),
        ] {
            assert!(compatible(a, b), "{a} / {b}");
            assert!(compatible(b, a), "{b} / {a}");
        }
        // Traps: other offices, and look-alikes that are not initials or short forms.
        for (a, b) in [
            ("trade minister", "intergovernmental affairs minister"),
            ("finance minister", "foreign minister"),
            ("ec agriculture commissioner", "ec farm commissioner"),
            (
                "fcc chairman",
                "federal communications commission vice chairman",
            ),
            ("fed chairman", "finance committee chairman"),
            ("korea's finance minister", "kenyan finance minister"),
            ("ceo", "chairman"),
            // In any order, a word of another office still makes another office.
            ("treasury secretary", "under treasury secretary"),
            ("assistant secretary", "secretary under assistant"),
            // "Economic" is no "Economy": a minister of economic development is another.
            (
                &normalize_title("Economic Development Minister"),
                &normalize_title("Economy Minister"),
            ),
            ("trade minister", "minister trade vice"),
        ] {
            assert!(!compatible(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn the_top_offices_of_a_company_are_read_off_the_end_of_a_title() {
        assert_eq!(top_office("gm ceo"), Some(("gm", "ceo")));
        assert_eq!(top_office("president"), Some(("", "president")));
        assert_eq!(
            top_office("senate finance committee chairman"),
            Some(("senate finance committee", "chairman"))
        );
        assert_eq!(
            top_office("lukoil executive chairman"),
            Some(("lukoil", "executive chairman"))
        );
        assert_eq!(
            top_office("mci chief operating officer"),
            Some(("mci", "chief operating officer"))
        );
        // Another office, or a word that only ends like one.
        for other in [
            "vice president",
            "executive vice president",
            "vice chairman",
            "acting ceo",
            "trade minister",
            "subchairman",
            "ceo designate",
        ] {
            assert_eq!(top_office(other), None, "{other}");
        }
        let same = |a: &str, b: &str| compatible(a, b);
        assert!(held_together("gm ceo", "gm chairman", same));
        assert!(held_together("ceo", "apple chairman", same));
        assert!(held_together("apple chairman", "ceo", same));
        assert!(held_together(
            "mcdonnell douglas ceo",
            "mcdonnell president",
            same
        ));
        // Two companies, one office twice, or an office and its deputy.
        assert!(!held_together("apple chairman", "intel ceo", same));
        assert!(!held_together("lynch chairman", "gamco chairman", same));
        assert!(!held_together("president", "vice president", same));
        assert!(!held_together("chairman", "trade minister", same));
    }

    #[test]
    fn offices_of_state_and_a_bare_president_are_not_a_companys() {
        let same = |a: &str, b: &str| compatible(a, b);
        assert!(held_together("ceo", "chairman", same));
        assert!(held_together("president", "ford chairman", same));
        for (a, b) in [
            ("president", "senate finance committee chairman"),
            ("president", "federal reserve chairman"),
            ("president", "chairman"),
            ("chairman", "president"),
            ("party chairman", "ceo"),
        ] {
            assert!(!held_together(a, b, same), "{a} / {b}");
        }
    }

    #[test]
    fn a_person_who_holds_two_offices_may_be_given_either() {
        assert_eq!(
            offices("microsoft chairman and ceo"),
            ["microsoft chairman", "ceo"]
        );
        // A portfolio of two is one office.
        assert_eq!(
            offices("trade and industry secretary"),
            ["trade and industry secretary"]
        );
    }
}
