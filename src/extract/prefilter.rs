//! One pass over an article finds which patterns can possibly match: an Aho-Corasick
//! automaton over the required literals of every pattern of every fact. A pattern such as
//! `tariffs? on Canadian steel (?:of|at) {value}` requires "tariff" *and* "Canadian" *and*
//! "steel": it is a candidate only when the article holds all three, and its regex then runs
//! only over the sentences around the one with the fewest hits. Short and very common words
//! ("the", "his", "for") are left out of the automaton unless a pattern has nothing else:
//! they would stop it everywhere. The article is searched once, lowercased, whatever the
//! number of rules.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use regex_syntax::hir::{Hir, HirKind};

use super::SentenceFinder;
use super::sentences::MAX_REACH;
use crate::literals::{Literals, lowered};
use crate::rules::RuleSet;

/// Literals shorter than this are too common to narrow anything down.
const MIN_LITERAL: usize = 3;
/// An alternation with more literals than this is treated as having none.
const MAX_SET: usize = 64;
/// Hits of one literal set in an article above which the set counts as present everywhere
/// (and, when every set of a pattern does, the whole text is scanned), for an article of up
/// to 48 KB; see [`hit_limit`] for longer ones.
const MAX_WINDOWS: usize = 48;

/// (fact index, pattern index)
pub type PatternRef = (usize, usize);

/// A set of literals one of which every match of a pattern contains.
type LiteralSet = Vec<Vec<u8>>;

/// A literal set searched for on its own (outside the automaton), each literal's searcher
/// built once per run.
type FinderSet = Vec<memchr::memmem::Finder<'static>>;

pub struct Prefilter {
    /// One search cache per pattern (`[fact][pattern]`), made on first use and kept for the
    /// run. A pattern runs on one core at a time (see `extract_many`), so one cache is
    /// enough; the regex's own pool would keep one per core that ever ran it, and a cache
    /// costs a few hundred kilobytes whether it is used much or not.
    pub caches: Vec<Vec<std::sync::Mutex<Option<regex_automata::meta::Cache>>>>,
    literals: Literals,
    /// The patterns that have required literals, in order (a pattern's place in this list
    /// is its slot).
    filtered: Vec<Filtered>,
    /// The sets of every filtered pattern, one after the other, as literal indices.
    set_literals: Vec<usize>,
    /// For each literal of the automaton, its owners, as bits over the slots: for each word
    /// of 64 slots that holds one, which of them have the literal in each of their sets, in
    /// `owners[owners_end[literal]..owners_end[literal + 1]]`. A word at a time: a common
    /// word of a large pack belongs to dozens of patterns, which an article then marks
    /// with a few operations rather than one each. In flat lists, as every article looks
    /// up the owners of dozens of literals: a list of lists would take a trip to memory
    /// for each.
    owners: Vec<Owners>,
    owners_end: Vec<usize>,
    /// For each word of 64 slots, the slots whose pattern has no set `s` in the automaton,
    /// for each `s`: those need no hit of it.
    lacking: Vec<[u64; IN_AUTOMATON]>,
    /// For each filtered pattern, its other useful sets (lowercased): looked for only in
    /// the sentences its automaton sets point to.
    others: Vec<Vec<FinderSet>>,
    /// Patterns with no usable required literal: always run over the whole text.
    always: Vec<PatternRef>,
}

/// The owners of a literal among 64 slots: slots `64 * word..` whose set `s` holds the
/// literal, as the bits of `sets[s]`.
#[derive(Clone, Copy)]
struct Owners {
    word: usize,
    sets: [u64; IN_AUTOMATON],
}

/// What the automaton's search knows of a filtered pattern.
struct Filtered {
    pattern: PatternRef,
    /// Its sets in the automaton, as ranges of [`Prefilter::set_literals`] (the first
    /// `count`).
    sets: [Range<usize>; IN_AUTOMATON],
    count: usize,
    /// Whether its fact lets a match run across sentences.
    cross_sentences: bool,
}

impl Filtered {
    fn sets(&self) -> &[Range<usize>] {
        &self.sets[..self.count]
    }
}

/// A set whose shortest literal is shorter than this (or is a very common word) goes into
/// the automaton only when the pattern has nothing better: "the" or "for" would stop it
/// everywhere.
const USEFUL: usize = 4;

/// How many of a pattern's sets (the most selective) go into the automaton, at most. The
/// others are checked only in the sentences those point to: news text is dense with words
/// such as "rate", "since" or "meeting", and every hit of the automaton has a cost. See
/// [`sets_in_automaton`] for when only one goes in.
const IN_AUTOMATON: usize = 2;

impl Prefilter {
    pub fn new(rules: &RuleSet) -> Prefilter {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut owners: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut filtered: Vec<Filtered> = Vec::new();
        let mut set_literals = Vec::new();
        let mut others = Vec::new();
        let mut always = Vec::new();
        // Each pattern's useful required sets, the one to go into the automaton first.
        let mut planned: Vec<(PatternRef, Vec<LiteralSet>)> = Vec::new();
        for (f, fact) in rules.facts.iter().enumerate() {
            for (p, pattern) in fact.patterns.iter().enumerate() {
                // Every useful required set counts: a pattern is a candidate only where all
                // of them occur, which rules out most articles for most patterns.
                let mut required = required_sets(&pattern.skeleton);
                required.sort_by_key(|set| std::cmp::Reverse(selectivity(set)));
                let useful = required
                    .iter()
                    .filter(|set| selectivity(set).0 >= USEFUL)
                    .count()
                    .max(1);
                required.truncate(useful);
                if required.is_empty() {
                    always.push((f, p));
                    continue;
                }
                // Words frequent in news go into the automaton only when the pattern has no
                // others, and then only one set of them: they would stop it every few lines.
                required.sort_by_key(|set| (frequent(set), std::cmp::Reverse(selectivity(set))));
                planned.push(((f, p), required));
            }
        }
        let at_most = sets_in_automaton(&planned);
        for ((f, p), mut required) in planned {
            let slot = filtered.len();
            let in_automaton = (1..required.len().min(at_most))
                .take_while(|&s| !frequent(&required[s]))
                .count()
                + 1;
            let rest = required.split_off(in_automaton.min(required.len()));
            others.push(
                rest.into_iter()
                    .map(|set| {
                        set.iter()
                            .map(|l| {
                                memchr::memmem::Finder::new(&l.to_ascii_lowercase()).into_owned()
                            })
                            .collect()
                    })
                    .collect(),
            );
            let mut sets: [Range<usize>; IN_AUTOMATON] = Default::default();
            required.truncate(IN_AUTOMATON);
            let count = required.len();
            for (s, set) in required.into_iter().enumerate() {
                let first = set_literals.len();
                for lit in set {
                    let key = lit.to_ascii_lowercase();
                    let i = *index.entry(key.clone()).or_insert_with(|| {
                        literals.push(key);
                        owners.push(Vec::new());
                        literals.len() - 1
                    });
                    owners[i].push((slot, s));
                    set_literals.push(i);
                }
                sets[s] = first..set_literals.len();
            }
            filtered.push(Filtered {
                pattern: (f, p),
                sets,
                count,
                cross_sentences: rules.facts[f].cross_sentences,
            });
        }
        let literals = Literals::new(&literals);
        if !literals.usable() {
            // Could not build (should not happen): run every pattern over the whole text.
            always.extend(filtered.drain(..).map(|f| f.pattern));
            always.sort_unstable();
            owners.clear();
            set_literals.clear();
        }
        // Each literal's owners grouped by word of 64 slots (they were listed in slot order).
        let mut owners_end = vec![0];
        let mut grouped: Vec<Owners> = Vec::new();
        for list in &owners {
            let first = grouped.len();
            for &(slot, set) in list {
                let word = slot / 64;
                if grouped.len() == first || grouped[grouped.len() - 1].word != word {
                    grouped.push(Owners {
                        word,
                        sets: [0; IN_AUTOMATON],
                    });
                }
                if let Some(last) = grouped.last_mut() {
                    last.sets[set] |= 1 << (slot % 64);
                }
            }
            owners_end.push(grouped.len());
        }
        let mut lacking = vec![[0u64; IN_AUTOMATON]; filtered.len().div_ceil(64)];
        for (slot, f) in filtered.iter().enumerate() {
            for lacks in lacking[slot / 64].iter_mut().skip(f.count) {
                *lacks |= 1 << (slot % 64);
            }
        }
        let caches = rules
            .facts
            .iter()
            .map(|f| f.patterns.iter().map(|_| Default::default()).collect())
            .collect();
        Prefilter {
            caches,
            literals,
            filtered,
            set_literals,
            owners: grouped,
            owners_end,
            lacking,
            others,
            always,
        }
    }

    /// The patterns worth running on `text`, each with where to run it: the sentences
    /// around the hits of its rarest set that also hold a hit of every other set (a match
    /// lies within one sentence and contains one literal of each set), or the whole text
    /// when hits are too many to go by. A pattern with no such sentence is left out.
    /// Sorted by pattern; offsets are bytes of `text`.
    pub fn candidates(&self, text: &str) -> Vec<(PatternRef, Scan)> {
        // Room for the patterns an article usually holds, so that the list seldom grows.
        let mut out: Vec<(PatternRef, Scan)> = Vec::with_capacity(self.always.len() + 8);
        out.extend(self.always.iter().map(|&p| (p, Scan::Whole)));
        if self.filtered.is_empty() {
            return out;
        }
        lowered(text, |lower| self.filter(text, lower, &mut out));
        out.sort_by_key(|(p, _)| *p);
        out.dedup_by_key(|(p, _)| *p);
        out
    }

    fn filter(&self, text: &str, lower: &[u8], out: &mut Vec<(PatternRef, Scan)>) {
        HITS.with(|hits| {
            let mut hits = hits.borrow_mut();
            hits.find(&self.literals, self.literal_count(), lower);
            if !hits.positions.is_empty() {
                let candidates = self.candidate_slots(&mut hits);
                self.filter_hits(text, lower, &hits, &candidates, out);
                // Given back for its room.
                hits.slots = candidates;
            }
        });
    }

    /// How many literals the automaton holds.
    fn literal_count(&self) -> usize {
        self.owners_end.len() - 1
    }

    /// The owners of `literal`, a word of slots at a time.
    fn owners_of(&self, literal: usize) -> &[Owners] {
        match (
            self.owners_end.get(literal),
            self.owners_end.get(literal + 1),
        ) {
            (Some(&start), Some(&end)) => &self.owners[start..end],
            _ => &[],
        }
    }

    /// The slots of the filtered patterns each of whose sets has a hit in the text, in
    /// order. Only the patterns of the literals found are looked at: with hundreds of rules,
    /// an article holds the words of few. The list is `hits.slots`, taken.
    fn candidate_slots(&self, hits: &mut Hits) -> Vec<usize> {
        let Hits {
            present,
            slots,
            found_sets,
            touched,
            ..
        } = hits;
        let words = self.lacking.len();
        if found_sets.len() != words {
            found_sets.clear();
            found_sets.resize(words, [0; IN_AUTOMATON]);
            touched.clear();
            touched.resize(words.div_ceil(64), 0);
        }
        let (found_sets, touched) = (found_sets.as_mut_slice(), touched.as_mut_slice());
        // Which slots have each of their sets found, a word of slots at a time; and which
        // words have any, so that the slots come out in order without being sorted.
        for &literal in present.iter() {
            for owners in self.owners_of(literal) {
                let found = &mut found_sets[owners.word];
                for (found, owned) in found.iter_mut().zip(owners.sets) {
                    *found |= owned;
                }
                touched[owners.word / 64] |= 1 << (owners.word % 64);
            }
        }
        slots.clear();
        for (high, flags) in touched.iter_mut().enumerate() {
            let mut rest = std::mem::take(flags);
            while rest != 0 {
                let word = high * 64 + rest.trailing_zeros() as usize;
                rest &= rest - 1;
                let found = std::mem::take(&mut found_sets[word]);
                let mut all = found
                    .iter()
                    .zip(self.lacking[word])
                    .fold(u64::MAX, |all, (found, lacking)| all & (found | lacking));
                while all != 0 {
                    slots.push(word * 64 + all.trailing_zeros() as usize);
                    all &= all - 1;
                }
            }
        }
        std::mem::take(slots)
    }

    fn filter_hits(
        &self,
        text: &str,
        lower: &[u8],
        hits: &Hits,
        candidates: &[usize],
        out: &mut Vec<(PatternRef, Scan)>,
    ) {
        let mut sentences = SentenceFinder::new(text);
        let limit = hit_limit(text.len());
        // The hits of each set of a pattern, in order; `None` when there are too many to go
        // by. One list for all the patterns (dozens in an article, with hundreds of rules).
        let mut of_set: Vec<Option<Cow<[usize]>>> = Vec::with_capacity(IN_AUTOMATON + 2);
        for &slot in candidates {
            let Filtered {
                pattern,
                cross_sentences,
                ..
            } = self.filtered[slot];
            if cross_sentences {
                out.push((pattern, Scan::Whole));
                continue;
            }
            of_set.clear();
            of_set.extend(
                (self.filtered[slot].sets())
                    .iter()
                    .map(|set| hits.of_set(&self.set_literals[set.clone()], limit)),
            );
            // When the automaton's words are everywhere in this text, the pattern's other
            // words may still narrow it down: find them too.
            let others_found = of_set.iter().all(Option::is_none);
            if others_found {
                of_set.extend(
                    self.others[slot]
                        .iter()
                        .map(|set| find_all(lower, set, limit)),
                );
            }
            let Some(rarest) = (0..of_set.len())
                .filter_map(|s| Some((s, of_set[s].as_ref()?.len())))
                .min_by_key(|&(_, n)| n)
                .map(|(s, _)| s)
            else {
                out.push((pattern, Scan::Whole));
                continue;
            };
            let windows = windows(&mut sentences, rarest, &of_set, |w| {
                if others_found {
                    return true;
                }
                let sentence = &lower[w];
                self.others[slot]
                    .iter()
                    .all(|set| set.iter().any(|l| l.find(sentence).is_some()))
            });
            if windows.is_empty() {
                continue;
            }
            // A window costs a sentence search and a regex start: once the windows would
            // cover much of the text, one pass over all of it is cheaper.
            if windows.len() * WINDOW_COST > text.len() {
                out.push((pattern, Scan::Whole));
            } else {
                out.push((pattern, Scan::Windows(windows)));
            }
        }
    }
}

/// How many sets of each pattern go into the automaton. A small automaton is searched with
/// Teddy, whose speed falls with each literal it holds (on news text, 1.8 GB/s with the 24
/// literals of two sets of the shipped rules, 2.1 GB/s with the 17 of one): then only each
/// pattern's first set goes in, and its others are looked for in the sentences that set
/// points to. A large automaton is walked byte by byte at the same cost whatever it holds,
/// so a second set narrows the candidates for nothing.
fn sets_in_automaton(planned: &[(PatternRef, Vec<LiteralSet>)]) -> usize {
    let first: std::collections::HashSet<Vec<u8>> = planned
        .iter()
        .filter_map(|(_, required)| required.first())
        .flatten()
        .map(|l| l.to_ascii_lowercase())
        .collect();
    if Literals::packs(first.len()) {
        1
    } else {
        IN_AUTOMATON
    }
}

/// Where each literal occurs in one text.
#[derive(Default)]
struct Hits {
    /// Start offsets, grouped by literal and in order within each literal.
    positions: Vec<usize>,
    /// The literals found, in order.
    present: Vec<usize>,
    /// For each literal of the automaton, where its offsets are in `positions`: (0, 0) for
    /// a literal not found. Only the entries of `present` are ever set, and they are set
    /// back before the next text: an article costs what it holds, not what the rules do.
    spans: Vec<(usize, usize)>,
    /// (literal, start) as the search reports them: kept between articles with the rest,
    /// as every article needs them.
    found: Vec<(usize, usize)>,
    /// Used by [`Prefilter::candidate_slots`] and kept for the same reason: the slots of
    /// the candidates; for each word of 64 slots, which have each of their sets found; one
    /// bit for each word, set when any of its slots has a set found. (The bits are all 0
    /// between texts.)
    slots: Vec<usize>,
    found_sets: Vec<[u64; IN_AUTOMATON]>,
    touched: Vec<u64>,
}

thread_local! {
    /// Each thread's lists of hits, reused from one article to the next.
    static HITS: std::cell::RefCell<Hits> = std::cell::RefCell::new(Hits::default());
}

impl Hits {
    fn find(&mut self, literals: &Literals, count: usize, lower: &[u8]) {
        let Hits {
            positions,
            present,
            spans,
            found,
            ..
        } = self;
        for &literal in present.iter() {
            if let Some(span) = spans.get_mut(literal) {
                *span = (0, 0);
            }
        }
        present.clear();
        if spans.len() != count {
            spans.clear();
            spans.resize(count, (0, 0));
        }
        found.clear();
        literals.each_lowered(lower, |literal, start| found.push((literal, start)));
        // A counting sort by literal, over the literals found: the automaton reports each
        // literal's hits in order, and this keeps that order. Each span's end first counts
        // its literal's hits.
        for &(literal, _) in found.iter() {
            let span = &mut spans[literal];
            if span.1 == 0 {
                present.push(literal);
            }
            span.1 += 1;
        }
        present.sort_unstable();
        let mut at = 0;
        for &literal in present.iter() {
            let n = spans[literal].1;
            spans[literal] = (at, at);
            at += n;
        }
        positions.clear();
        positions.resize(found.len(), 0);
        for &(literal, start) in found.iter() {
            let span = &mut spans[literal];
            positions[span.1] = start;
            span.1 += 1;
        }
    }

    fn of(&self, literal: usize) -> &[usize] {
        let (start, end) = self.spans.get(literal).copied().unwrap_or((0, 0));
        &self.positions[start..end]
    }

    /// The hits of any literal of `set`, in order, unless there are more than `limit`.
    fn of_set(&self, set: &[usize], limit: usize) -> Option<Cow<'_, [usize]>> {
        let found = match set {
            [one] => Cow::Borrowed(self.of(*one)),
            // One literal over the limit puts the set over it: nothing to merge.
            _ if set.iter().any(|&l| self.of(l).len() > limit) => return None,
            _ => {
                let mut all: Vec<usize> = set.iter().flat_map(|&l| self.of(l)).copied().collect();
                all.sort_unstable();
                all.dedup();
                Cow::Owned(all)
            }
        };
        (found.len() <= limit).then_some(found)
    }
}

/// The hits of any literal of `set` (lowercased) in `lower`, in order, unless there are more
/// than `limit`.
fn find_all(lower: &[u8], set: &FinderSet, limit: usize) -> Option<Cow<'static, [usize]>> {
    let mut all = Vec::new();
    for literal in set {
        for at in literal.find_iter(lower) {
            if all.len() == limit {
                return None;
            }
            all.push(at);
        }
    }
    all.sort_unstable();
    all.dedup();
    Some(Cow::Owned(all))
}

/// Where a pattern's regex runs in one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scan {
    Whole,
    /// Disjoint byte ranges, in order.
    Windows(Vec<Range<usize>>),
}

/// About what one window costs, in bytes of full-text regex search (measured on news text).
const WINDOW_COST: usize = 1024;

/// How many hits of one set an article of `len` bytes may have and still be gone through
/// sentence by sentence: [`MAX_WINDOWS`], and in a longer article one a [`WINDOW_COST`] of
/// text, as many as its windows may number before one pass over it is cheaper. A fixed
/// limit would send every pattern of a large pack over the whole of a long file (a day of
/// the wire in one file) whose every set has a few dozen hits somewhere in it.
fn hit_limit(len: usize) -> usize {
    MAX_WINDOWS.max(len / WINDOW_COST)
}

/// The sentences around the hits of set `rarest` that hold a hit of every other set (sets
/// with too many hits to list count as present everywhere) and that `also` accepts, merged
/// where they touch.
fn windows(
    sentences: &mut SentenceFinder,
    rarest: usize,
    hits: &[Option<Cow<[usize]>>],
    also: impl Fn(Range<usize>) -> bool,
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for &h in hits[rarest].as_deref().unwrap_or_default() {
        // Hits are in order: one in the sentence already taken adds nothing, unless that
        // "sentence" was cut `MAX_REACH` bytes from an earlier hit (a list, a table, or text
        // whose sentence ends are not found): a claim at this hit may run past its end.
        let mut around = None;
        if let Some(last) = out.last()
            && h < last.end
        {
            let sentence = sentences.around(h);
            if sentence.end <= last.end {
                continue;
            }
            around = Some(sentence);
        }
        // A sentence lies within `MAX_REACH` bytes of a place in it: when a set has no hit
        // that near, it has none in the sentence either, which need not be found (with
        // hundreds of rules, most patterns whose words all occur in an article have them
        // in different sentences).
        let near = hits.iter().enumerate().all(|(s, set)| {
            s == rarest
                || set.as_ref().is_none_or(|positions| {
                    let first = positions.partition_point(|&p| p + MAX_REACH < h);
                    positions.get(first).is_some_and(|&p| p < h + MAX_REACH)
                })
        });
        if !near {
            continue;
        }
        let w = around.unwrap_or_else(|| sentences.around(h));
        let all_inside = hits.iter().enumerate().all(|(s, set)| {
            s == rarest
                || set.as_ref().is_none_or(|positions| {
                    let first = positions.partition_point(|&p| p < w.start);
                    positions.get(first).is_some_and(|&p| p < w.end)
                })
        });
        if !all_inside || !also(w.clone()) {
            continue;
        }
        match out.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => out.push(w),
        }
    }
    out
}

/// How well a literal set narrows the text down: the length of its shortest literal, and
/// nothing for a very common word; on a tie, the smaller set.
fn selectivity(set: &LiteralSet) -> (usize, usize) {
    const COMMON: &[&[u8]] = &[
        b"the", b"and", b"for", b"with", b"from", b"that", b"this", b"was", b"his", b"her", b"has",
        b"have", b"had", b"are", b"not", b"but", b"its", b"said", b"says", b"they", b"their",
        b"will", b"would", b"been", b"were", b"which", b"about", b"after", b"also", b"more",
        b"than", b"into", b"over", b"year", b"years", b"new", b"one", b"two",
    ];
    let shortest = set
        .iter()
        .map(|l| {
            if COMMON.iter().any(|c| c.eq_ignore_ascii_case(l)) {
                0
            } else {
                l.len()
            }
        })
        .min()
        .unwrap_or(0);
    (shortest, usize::MAX - set.len())
}

/// True when a literal of `set` is a word that news text uses every few lines. (A guess that
/// only decides which words the automaton looks for first: any choice finds the same claims.)
fn frequent(set: &LiteralSet) -> bool {
    const FREQUENT: &[&[u8]] = &[
        b"agreement",
        b"announced",
        b"billion",
        b"business",
        b"called",
        b"cent",
        b"city",
        b"companies",
        b"company",
        b"country",
        b"deal",
        b"economy",
        b"election",
        b"exports",
        b"first",
        b"goods",
        b"government",
        b"head",
        b"house",
        b"imports",
        b"increased",
        b"last",
        b"leader",
        b"market",
        b"meet",
        b"meeting",
        b"million",
        b"minister",
        b"month",
        b"national",
        b"next",
        b"office",
        b"official",
        b"officials",
        b"percent",
        b"people",
        b"plan",
        b"police",
        b"president",
        b"price",
        b"prices",
        b"products",
        b"public",
        b"question",
        b"rate",
        b"rates",
        b"review",
        b"rose",
        b"secretary",
        b"since",
        b"spoke",
        b"state",
        b"states",
        b"talks",
        b"time",
        b"times",
        b"told",
        b"trade",
        b"travel",
        b"trip",
        b"visit",
        b"week",
        b"went",
        b"white",
        b"world",
    ];
    set.iter()
        .any(|l| FREQUENT.iter().any(|f| f.eq_ignore_ascii_case(l)))
}

/// The sets of literals a match of `pattern` must contain (one of each set), when they can
/// be found. Parsed without case-insensitivity so that literal text stays literal; the
/// automaton matches ASCII case-insensitively, so it finds a superset of what the regex can
/// match. Non-ASCII literals are left out (the automaton cannot fold their case).
fn required_sets(pattern: &str) -> Vec<LiteralSet> {
    let Ok(hir) = regex_syntax::ParserBuilder::new()
        .case_insensitive(false)
        .build()
        .parse(pattern)
    else {
        return Vec::new();
    };
    let mut sets = Vec::new();
    collect(&hir, &mut sets);
    sets.retain(|set| set.iter().all(|l| l.len() >= MIN_LITERAL && l.is_ascii()));
    sets
}

/// Adds the required sets of `hir` (a concatenation contributes each of its parts).
fn collect(hir: &Hir, sets: &mut Vec<LiteralSet>) {
    match hir.kind() {
        HirKind::Concat(children) => {
            for child in children {
                collect(child, sets);
            }
        }
        HirKind::Capture(cap) => collect(&cap.sub, sets),
        HirKind::Repetition(rep) if rep.min >= 1 => collect(&rep.sub, sets),
        _ => {
            if let Some(set) = one_of(hir) {
                sets.push(set);
            }
        }
    }
}

/// The literals one of which `hir` always matches, if it is that simple.
fn one_of(hir: &Hir) -> Option<LiteralSet> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(vec![lit.0.to_vec()]),
        HirKind::Capture(cap) => one_of(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => one_of(&rep.sub),
        HirKind::Alternation(alts) => {
            let mut set = Vec::new();
            for alt in alts {
                set.extend(best_of(alt)?);
                if set.len() > MAX_SET {
                    return None;
                }
            }
            set.sort();
            set.dedup();
            Some(set)
        }
        HirKind::Concat(_) => best_of(hir),
        _ => None,
    }
}

/// For an alternative: its most selective required set (longest shortest literal).
fn best_of(hir: &Hir) -> Option<LiteralSet> {
    let mut sets = Vec::new();
    collect(hir, &mut sets);
    sets.into_iter()
        .filter(|set| set.iter().all(|l| l.len() >= MIN_LITERAL))
        .max_by_key(|set| {
            (
                set.iter().map(Vec::len).min().unwrap_or(0),
                usize::MAX - set.len(),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentence_around;

    fn sets(p: &str) -> Vec<Vec<String>> {
        required_sets(p)
            .into_iter()
            .map(|s| {
                s.into_iter()
                    .map(|l| String::from_utf8(l).unwrap())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn common_words_are_not_required_when_a_pattern_has_better() {
        let rules = crate::rules::load_str(
            "r.yaml",
            "facts:\n  - id: y\n    type: year\n    patterns: ['his review in {value}', 'the {value}']\n",
        );
        let pf = Prefilter::new(&rules.rules);
        // "his" is not needed for the first pattern; "the" is all the second one has.
        let hits = pf.candidates("Review in 2026 of THE plan");
        let patterns: Vec<usize> = hits.iter().map(|(p, _)| p.1).collect();
        assert_eq!(patterns, vec![0, 1]);
        assert!(pf.candidates("a plan").is_empty());
    }

    #[test]
    fn every_required_word_is_a_set() {
        assert_eq!(
            sets(r"tariffs?\s+on\s+Canad\w*\s+to\s+(?P<value>\d+)"),
            vec![vec!["tariff".to_string()], vec!["Canad".to_string()]]
        );
    }

    #[test]
    fn alternations_give_one_set() {
        assert_eq!(
            sets(r"(?:visit|trip)\s+to\s+Washington"),
            vec![
                vec!["trip".to_string(), "visit".to_string()],
                vec!["Washington".to_string()]
            ]
        );
        assert_eq!(
            sets(r"(?:CUSMA|USMCA)\s+(?P<v>\d+)"),
            vec![vec!["CUSMA".to_string(), "USMCA".to_string()]]
        );
    }

    #[test]
    fn optional_parts_are_not_required() {
        assert!(sets(r"(?:tariff)?(?P<value>\d+)").is_empty());
        assert!(sets(r"(?P<value>\d+)").is_empty());
    }

    /// A prefilter over one percent fact with `pattern`.
    fn percent_fact(pattern: &str) -> Prefilter {
        let rules = crate::rules::load_str(
            "r.yaml",
            &format!("facts:\n  - id: t\n    type: percent\n    patterns: ['{pattern}']\n"),
        );
        Prefilter::new(&rules.rules)
    }

    /// The text of the windows of the one pattern `pf` finds in `text`, which is padded so
    /// that windows are cheaper than the whole text.
    fn sentences_of(pf: &Prefilter, text: &str) -> Vec<String> {
        let text = format!("{text} {}", "Nothing else. ".repeat(100));
        let found = pf.candidates(&text);
        let [(_, Scan::Windows(windows))] = &found[..] else {
            panic!("expected one pattern with windows, got {found:?}");
        };
        windows
            .iter()
            .map(|w| text[w.clone()].to_string())
            .collect()
    }

    #[test]
    fn a_pattern_needs_all_its_useful_sets_to_be_a_candidate() {
        let pf = percent_fact("tariffs? on Canadian steel of {value}");
        assert!(pf.candidates("tariffs on Mexican steel").is_empty());
        assert_eq!(pf.candidates("Tariffs on CANADIAN steel of 25%").len(), 1);
    }

    #[test]
    fn a_pattern_runs_only_on_sentences_holding_all_its_words() {
        let pf = percent_fact("tariffs? on Canadian steel of {value}");
        // Every word is in the text, but never all in one sentence.
        let apart = "Tariffs went up. Canadian mills make steel. Nothing else.";
        assert!(pf.candidates(apart).is_empty());
        assert_eq!(
            sentences_of(&pf, "Prices rose. Tariffs on Canadian steel of 25% stay."),
            ["Tariffs on Canadian steel of 25% stay."]
        );
    }

    #[test]
    fn words_left_out_of_the_automaton_are_still_required_in_the_sentence() {
        // Four required words: one goes into the automaton, three are checked in the
        // sentence.
        let pf = percent_fact("levies on Canadian lumber exports of {value}");
        let filler = "Nothing else. ".repeat(100);
        let missing = format!("Levies on Canadian lumber of 5%. Exports grew. {filler}");
        assert!(pf.candidates(&missing).is_empty());
        assert_eq!(
            sentences_of(&pf, "Levies on Canadian lumber exports of 5%."),
            ["Levies on Canadian lumber exports of 5%."]
        );
    }

    #[test]
    fn when_the_automaton_words_are_everywhere_the_other_words_narrow_it_down() {
        let pf = percent_fact("levies on Canadian lumber exports of {value}");
        // "exports" (the automaton's), "canadian" and "levies" are everywhere.
        let common = "Canadian exports and levies rose. ".repeat(60);
        let text = format!("{common}Levies on Canadian lumber exports of 5%. {common}");
        assert_eq!(
            sentences_of(&pf, &text),
            ["Levies on Canadian lumber exports of 5%."]
        );
    }

    #[test]
    fn a_long_text_is_gone_through_sentence_by_sentence() {
        // Every word of the pattern has far more than `MAX_WINDOWS` hits, spread over a long
        // text (a day of the wire in one file), but one sentence in a kilobyte holds them
        // all: those sentences, not the whole text, are where the regex runs.
        let pf = percent_fact("tariffs? on Canadian steel of {value}");
        let story = format!(
            "Tariffs on Canadian steel of 25% stay. {}Canadian mills make steel. ",
            "Nothing else happened. ".repeat(80)
        );
        let text = story.repeat(200);
        let found = pf.candidates(&text);
        let [(_, Scan::Windows(windows))] = &found[..] else {
            panic!("expected windows, got {found:?}");
        };
        assert_eq!(windows.len(), 200);
        assert!(
            windows
                .iter()
                .all(|w| &text[w.clone()] == "Tariffs on Canadian steel of 25% stay.")
        );
        // In a short text, hits as many make the whole text cheaper to go through.
        let short = "Tariffs on Canadian steel of 25% stay. ".repeat(60);
        assert_eq!(pf.candidates(&short)[0].1, Scan::Whole);
    }

    /// A prefilter over seventy facts with words of their own: past Teddy's limit.
    fn seventy_facts() -> Prefilter {
        let facts: String = (0..70)
            .map(|i| {
                format!(
                    "  - id: f{i}\n    type: percent\n    \
                     patterns: ['levies on lumber{i} exports{i} of {{value}}']\n"
                )
            })
            .collect();
        let rules = crate::rules::load_str("r.yaml", &format!("facts:\n{facts}"));
        assert!(rules.errors.is_empty(), "{:?}", rules.errors);
        Prefilter::new(&rules.rules)
    }

    proptest::proptest! {
        /// A thread's lists are reused from one article to the next: whatever came before,
        /// each literal's hits are those the search reports, and the candidates are the
        /// patterns each of whose automaton sets has a hit (here more than 64 patterns, with
        /// sets of one literal and of several).
        #[test]
        fn candidates_are_the_patterns_whose_sets_all_have_hits_whatever_came_before(
            texts in proptest::collection::vec(
                proptest::collection::vec((0usize..6, 0usize..75), 0..40),
                1..6,
            ),
        ) {
            let facts: String = (0..70)
                .map(|i| {
                    format!(
                        "  - id: f{i}\n    type: percent\n    patterns: ['(?:levies|duties) \
                         on lumber{i} (?:exports{i}|shipments{i}) of {{value}}']\n"
                    )
                })
                .collect();
            let rules = crate::rules::load_str("r.yaml", &format!("facts:\n{facts}"));
            proptest::prop_assert!(rules.errors.is_empty());
            let pf = Prefilter::new(&rules.rules);
            proptest::prop_assert!(pf.filtered.len() > 64);
            let mut hits = Hits::default();
            for words in texts {
                let text: Vec<String> = words
                    .iter()
                    .map(|&(kind, i)| match kind {
                        0 => format!("lumber{i}"),
                        1 => format!("EXPORTS{i}"),
                        2 => format!("shipments{i}"),
                        3 => "levies".to_string(),
                        4 => "Duties".to_string(),
                        _ => "of the".to_string(),
                    })
                    .collect();
                let lower = text.join(" ").to_ascii_lowercase();
                let mut want: Vec<Vec<usize>> = vec![Vec::new(); pf.literal_count()];
                pf.literals.each_lowered(lower.as_bytes(), |l, at| want[l].push(at));
                want.iter_mut().for_each(|at| at.sort_unstable());
                hits.find(&pf.literals, pf.literal_count(), lower.as_bytes());
                for (literal, at) in want.iter().enumerate() {
                    proptest::prop_assert_eq!(hits.of(literal), at.as_slice());
                }
                let expected: Vec<usize> = (0..pf.filtered.len())
                    .filter(|&slot| {
                        pf.filtered[slot].sets().iter().all(|set| {
                            pf.set_literals[set.clone()].iter().any(|&l| !want[l].is_empty())
                        })
                    })
                    .collect();
                let got = pf.candidate_slots(&mut hits);
                proptest::prop_assert_eq!(&got, &expected);
                hits.slots = got;
            }
        }
    }

    #[test]
    fn a_second_set_goes_into_the_automaton_only_when_it_is_walked_byte_by_byte() {
        // One fact: few literals, searched with Teddy.
        let pf = percent_fact("levies on Canadian lumber exports of {value}");
        assert!(Literals::packs(pf.literal_count()));
        assert_eq!(pf.filtered[0].sets().len(), 1);
        assert_eq!(pf.others[0].len(), 3);
        let pf = seventy_facts();
        assert_eq!(pf.filtered.len(), 70);
        assert!(!Literals::packs(pf.literal_count()));
        assert!(pf.filtered.iter().all(|f| f.sets().len() == 2));
        assert!(pf.others.iter().all(|others| others.len() == 1));
        // Still a candidate only where all three words are.
        let text = "Levies on lumber7 exports7 of 5%.";
        assert_eq!(pf.candidates(text).len(), 1);
        assert!(
            pf.candidates("Levies on lumber7 exports8 of 5%.")
                .is_empty()
        );
    }

    #[test]
    fn words_in_one_sentence_are_found_together_up_to_the_reach_of_a_sentence() {
        // Two sets in the automaton, so each place of one is checked for the other nearby
        // before its sentence is found.
        let pf = seventy_facts();
        assert!(pf.filtered.iter().all(|f| f.sets().len() == 2));
        // One sentence with no end in it, cut by the reach: a candidate where the sentence
        // found around "exports7" (the more selective word, looked around first) holds
        // "lumber7": when they are less than `MAX_REACH` bytes apart, or exactly that far
        // with "exports7" after.
        let orders = [("Lumber7", "exports7"), ("Exports7", "lumber7")];
        for ((first, second), apart) in orders
            .into_iter()
            .flat_map(|o| [40, 300, MAX_REACH - 1, MAX_REACH, MAX_REACH + 1, 900].map(|d| (o, d)))
        {
            let filler = "x ".repeat(apart);
            let text = format!(
                "{first} {}levies {second} of 5%.",
                &filler[..apart - first.len() - 8]
            );
            let (a, b) = (text.find(first).unwrap(), text.find(second).unwrap());
            assert_eq!(b - a, apart);
            let (exports, lumber) = if first == "Exports7" { (a, b) } else { (b, a) };
            let together = sentence_around(&text, exports..exports, 0).contains(&lumber);
            assert_eq!(
                pf.candidates(&text).len(),
                usize::from(together),
                "{first} and {second} {apart} bytes apart"
            );
            assert_eq!(
                together,
                apart < MAX_REACH || (apart == MAX_REACH && exports > lumber)
            );
        }
    }

    #[test]
    fn only_one_set_of_frequent_words_goes_into_the_automaton() {
        let pf = percent_fact("rate (?:rose|went) to {value}");
        assert_eq!(pf.filtered[0].sets().len(), 1);
        assert_eq!(pf.others[0].len(), 1);
        let filler = "Nothing else. ".repeat(100);
        let apart = format!("The rate was low. Prices rose to 5%. {filler}");
        assert!(pf.candidates(&apart).is_empty());
        assert_eq!(
            sentences_of(&pf, "The rate rose to 5%."),
            ["The rate rose to 5%."]
        );
    }
}
