//! Finding many literals at once, ignoring ASCII case: the shared first pass of fact
//! extraction and of the built-in checks that look for words.
//!
//! The text is lowercased (ASCII only, so byte offsets do not move) into a per-thread buffer
//! and searched case-sensitively for the lowercased literals. Up to a few dozen literals,
//! the vectorized searcher of aho-corasick (Teddy) is used directly, over the literals that
//! start with no other: at the next place one occurs, the literals that start with it are
//! checked there, and restarting one byte further finds every occurrence. On news text this
//! is several times faster than an overlapping search with the full automaton, which steps
//! through every byte. Larger sets use the automaton, as a DFA up to a few thousand
//! literals, stepped through by a loop of our own (see `each_overlapping`).

use std::cell::RefCell;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind, Span, dfa, packed};

pub struct Literals {
    search: Option<Search>,
    count: usize,
}

enum Search {
    Packed {
        /// Over the literals that start with no other literal (see [`packed()`]).
        searcher: packed::Searcher,
        /// For each literal searched, in the searcher's order: its own number, then those
        /// of the other literals that start with it, each with its text.
        starting: Vec<Vec<(usize, Box<[u8]>)>>,
    },
    Dfa(dfa::DFA),
    /// Past a few thousand literals a DFA's table grows too large.
    Nfa(contiguous::NFA),
}

thread_local! {
    static LOWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The lists of `side_by_side`, kept from one text to the next.
    static LATER: std::cell::Cell<Later> = const {
        std::cell::Cell::new(Later {
            hits: Vec::new(),
            marks: Vec::new(),
        })
    };
}

/// What the walks side by side keep until they report it (see `side_by_side`): the hits of
/// each walk but the first, and the places where a walk entered a match state.
#[derive(Default)]
struct Later {
    hits: Vec<Vec<(usize, usize)>>,
    marks: Vec<Mark>,
}

impl Literals {
    /// An automaton over `literals` (ASCII case is ignored; literal `i` is reported as `i`).
    pub fn new<I, S>(literals: I) -> Literals
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        let lowered: Vec<Vec<u8>> = literals
            .into_iter()
            .map(|l| l.as_ref().to_ascii_lowercase())
            .collect();
        let search = if lowered.is_empty() || lowered.iter().any(Vec::is_empty) {
            None
        } else {
            packed(&lowered).or_else(|| automaton(&lowered))
        };
        Literals {
            search,
            count: lowered.len(),
        }
    }

    /// Whether `count` literals are searched with Teddy (fast with few literals, slower with
    /// each one more) rather than walked through as an automaton.
    pub fn packs(count: usize) -> bool {
        count <= PACKED_MAX
    }

    /// False when the automaton could not be built (an empty literal, or too large): callers
    /// must then assume every literal may occur.
    pub fn usable(&self) -> bool {
        self.search.is_some()
    }

    /// Calls `found(literal, start)` for every occurrence of every literal in `text`,
    /// overlapping ones included.
    pub fn each(&self, text: &str, found: impl FnMut(usize, usize)) {
        lowered(text, |lower| self.each_lowered(lower, found));
    }

    /// As `each`, for a text already lowercased by `lowered`.
    pub fn each_lowered(&self, lower: &[u8], mut found: impl FnMut(usize, usize)) {
        match &self.search {
            None => {}
            Some(Search::Dfa(dfa)) => each_overlapping(dfa, lower, found),
            Some(Search::Nfa(nfa)) => each_overlapping(nfa, lower, found),
            Some(Search::Packed { searcher, starting }) => {
                let mut at = 0;
                while let Some(m) = searcher.find_in(lower, Span::from(at..lower.len())) {
                    let rest = &lower[m.start()..];
                    for (k, (literal, text)) in starting[m.pattern().as_usize()].iter().enumerate()
                    {
                        // The first is the literal found.
                        if k == 0 || rest.starts_with(text) {
                            found(*literal, m.start());
                        }
                    }
                    at = m.start() + 1;
                }
            }
        }
    }

    /// Which literals occur in `text` at least once.
    pub fn present(&self, text: &str) -> Vec<bool> {
        let mut out = vec![!self.usable(); self.count];
        self.each(text, |i, _| out[i] = true);
        out
    }
}

/// The full automaton over `literals`. Up to a few thousand literals (a pack of hundreds of
/// rules) it is built as a DFA: an overlapping search then takes one table lookup per byte,
/// where an NFA follows failure links, and the whole search is about a third faster; the
/// table takes a few megabytes at most. No prefilter: hundreds of literals start with most
/// letters, so it would seldom skip far, and it makes the start state one more place to stop.
fn automaton(literals: &[Vec<u8>]) -> Option<Search> {
    const MAX_DFA: usize = 4096;
    if literals.len() <= MAX_DFA {
        dfa::Builder::new()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(literals)
            .ok()
            .map(Search::Dfa)
    } else {
        contiguous::Builder::new()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(literals)
            .ok()
            .map(Search::Nfa)
    }
}

/// Calls `found(literal, start)` for every occurrence of every literal of `automaton` in
/// `hay`, in order of where they end, as the crate's overlapping iterator does. That
/// iterator keeps its place in memory between bytes (about 21 instructions a byte on news
/// text); the loops below keep it in registers (about 13).
///
/// Each step of an automaton waits for the table lookup of the step before, so one walk
/// through a text leaves most of the core idle. Texts of some length are cut into parts
/// walked side by side (four, or two for a shorter text): each walk but the first starts
/// far enough before its part to see every literal that ends in it, and keeps its hits
/// until the walks before it have reported theirs.
fn each_overlapping<A: Automaton>(automaton: &A, hay: &[u8], mut found: impl FnMut(usize, usize)) {
    /// Below this many bytes a part, splitting the text saves less than it costs.
    const SPLIT: usize = 128;
    let Ok(start) = automaton.start_state(Anchored::No) else {
        return;
    };
    let overlap = automaton.max_pattern_len().saturating_sub(1);
    let worth = |walks: usize| hay.len() / walks >= SPLIT.max(overlap + 1);
    if worth(4) {
        side_by_side::<A, 4>(automaton, hay, start, overlap, &mut found);
    } else if worth(2) {
        side_by_side::<A, 2>(automaton, hay, start, overlap, &mut found);
    } else {
        walk(automaton, hay, 0, start, &mut found);
    }
}

/// [`each_overlapping`] in `N` walks side by side (each part longer than `overlap`).
fn side_by_side<A: Automaton, const N: usize>(
    automaton: &A,
    hay: &[u8],
    start: StateID,
    overlap: usize,
    found: &mut impl FnMut(usize, usize),
) {
    let part = hay.len() / N;
    // Walk `k` reports the hits that end in `bounds(k).start + 1..=bounds(k).end`, reading
    // from `from[k]`.
    let bounds = |k: usize| {
        k * part..if k + 1 == N {
            hay.len()
        } else {
            (k + 1) * part
        }
    };
    let from: [usize; N] = std::array::from_fn(|k| (k * part).saturating_sub(overlap));
    // The walks go side by side for as many bytes as the shortest reads (the first).
    let together = part;
    let Later {
        hits: mut later,
        mut marks,
    } = LATER.take();
    later.resize_with(N - 1, Vec::new);
    later.iter_mut().for_each(Vec::clear);
    marks.clear();
    // Walk `k`'s state `state`, entered on reading the byte before `end`: its hits reported
    // (the first walk's) or kept (the others'); false when it is the dead state.
    let mut report_of = |k: usize, state: StateID, end: usize| -> bool {
        let reported = match k {
            0 => report(automaton, state, end, found),
            _ if end > bounds(k).start => report(automaton, state, end, &mut |literal, start| {
                later[k - 1].push((literal, start));
            }),
            // What it has read so far is the part before's, whose walk reports it.
            _ if automaton.is_dead(state) => Err(()),
            _ => Ok(()),
        };
        reported.is_ok()
    };
    let (read, states, stopped) =
        step_walks(automaton, hay, &from, [start; N], together, &mut marks);
    for &(k, at, state) in &marks {
        report_of(k, state, from[k] + at);
    }
    // A walk that died reads no further; the others go on from where they all stopped.
    let mut done = [false; N];
    if stopped {
        for k in 0..N {
            done[k] = !report_of(k, states[k], from[k] + read);
        }
    }
    // Each walk reads the rest of its part on its own.
    for k in 0..N {
        if done[k] {
            continue;
        }
        let (hay, at) = (&hay[..bounds(k).end], from[k] + read);
        if k == 0 {
            walk(automaton, hay, at, states[0], found);
        } else {
            let keep = &mut later[k - 1];
            let mut keep = |literal, start| keep.push((literal, start));
            walk_from(automaton, hay, at, states[k], bounds(k).start, &mut keep);
        }
    }
    for &(literal, start) in later.iter().flatten() {
        found(literal, start);
    }
    // Kept unless one text made them large.
    if later.iter().all(|hits| hits.capacity() <= 1 << 16) && marks.capacity() <= 1 << 16 {
        LATER.set(Later { hits: later, marks });
    }
}

/// One walk through `hay[at..]` from `state`, reporting every hit.
fn walk<A: Automaton>(
    automaton: &A,
    hay: &[u8],
    at: usize,
    state: StateID,
    found: &mut impl FnMut(usize, usize),
) {
    walk_from(automaton, hay, at, state, 0, found);
}

/// One walk through `hay[at..]` from `state`, reporting the hits that end after `after`.
fn walk_from<A: Automaton>(
    automaton: &A,
    hay: &[u8],
    mut at: usize,
    mut state: StateID,
    after: usize,
    found: &mut impl FnMut(usize, usize),
) {
    while at < hay.len() {
        (at, state) = step_to_special(automaton, hay, at, state);
        if at > after && report(automaton, state, at, found).is_err() {
            return;
        }
    }
}

/// Reports the hits of `state`, entered on reading the byte before `end`, when it is a
/// match state; `Err` when it is the dead state (nothing more can match).
fn report<A: Automaton>(
    automaton: &A,
    state: StateID,
    end: usize,
    found: &mut impl FnMut(usize, usize),
) -> Result<(), ()> {
    if !automaton.is_special(state) {
        return Ok(());
    }
    if automaton.is_dead(state) {
        return Err(());
    }
    if automaton.is_match(state) {
        for i in 0..automaton.match_len(state) {
            let literal = automaton.match_pattern(state, i);
            found(literal.as_usize(), end - automaton.pattern_len(literal));
        }
    }
    Ok(())
}

/// Where a walk entered a match state: (walk, bytes it had read, state).
type Mark = (usize, usize, StateID);

/// Steps `N` walks side by side from `states`, walk `k` through `hay[from[k]..]`, until each
/// has read `len` bytes or any enters the dead state: returns how many each has read, their
/// states then, and whether a walk is dead. Where a walk enters a match
/// state, (walk, bytes read, state) goes into `marks`, and the walks go on: stopping them
/// all for each hit of any of them would cost more than the hits. Not inlined, so that the
/// loop keeps its values in registers.
#[inline(never)]
fn step_walks<A: Automaton, const N: usize>(
    automaton: &A,
    hay: &[u8],
    from: &[usize; N],
    mut states: [StateID; N],
    len: usize,
    marks: &mut Vec<Mark>,
) -> (usize, [StateID; N], bool) {
    let parts: [&[u8]; N] = std::array::from_fn(|k| &hay[from[k]..from[k] + len]);
    let mut read = 0;
    while read < len {
        for k in 0..N {
            states[k] = automaton.next_state(Anchored::No, states[k], parts[k][read]);
        }
        read += 1;
        if states.iter().any(|&s| automaton.is_special(s)) {
            if states.iter().any(|&s| automaton.is_dead(s)) {
                return (read, states, true);
            }
            for (k, &state) in states.iter().enumerate() {
                if automaton.is_special(state) {
                    marks.push((k, read, state));
                }
            }
        }
    }
    (read, states, false)
}

/// Steps `automaton` from `state` through `hay[at..]` until it enters a special state (a
/// match, or the dead state) or `hay` ends: returns the offset after the last byte read and
/// the state then. Not inlined, so that the loop has no call in it and keeps its values in
/// registers.
#[inline(never)]
fn step_to_special<A: Automaton>(
    automaton: &A,
    hay: &[u8],
    mut at: usize,
    mut state: StateID,
) -> (usize, StateID) {
    for &byte in &hay[at..] {
        state = automaton.next_state(Anchored::No, state, byte);
        at += 1;
        if automaton.is_special(state) {
            break;
        }
    }
    (at, state)
}

/// Past this many literals, Teddy's buckets fill up and it is no faster than the automaton.
const PACKED_MAX: usize = 64;

/// The vectorized searcher over `literals`, when there are few enough for it.
///
/// Only the literals that start with no other literal are searched (of two alike, the
/// first): where one of them occurs, the literals starting with it are checked in place.
/// Each place then holds at most one literal searched, and the set is smaller; past 32
/// literals Teddy takes half as many bytes at a step, so "cent" standing for "centre" and
/// "center" can keep a set under that line.
fn packed(literals: &[Vec<u8>]) -> Option<Search> {
    if !Literals::packs(literals.len()) {
        return None;
    }
    // The literal each one is checked under: the shortest (then first) that it starts with.
    let under: Vec<usize> = literals
        .iter()
        .map(|long| {
            (0..literals.len())
                .filter(|&j| long.starts_with(&literals[j]))
                .min_by_key(|&j| (literals[j].len(), j))
                .expect("a literal starts with itself")
        })
        .collect();
    let searched: Vec<usize> = (0..literals.len()).filter(|&i| under[i] == i).collect();
    let searcher = packed::Config::new()
        .match_kind(packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(searched.iter().map(|&i| &literals[i]))
        .build()?;
    let starting = searched
        .iter()
        .map(|&s| {
            std::iter::once(s)
                .chain((0..literals.len()).filter(|&i| i != s && under[i] == s))
                .map(|i| (i, literals[i].clone().into_boxed_slice()))
                .collect()
        })
        .collect();
    Some(Search::Packed { searcher, starting })
}

/// Calls `f` with `text` lowercased (ASCII only: offsets do not move), in a buffer reused by
/// the thread. `f` must not call `lowered` (or `each`) itself.
pub fn lowered<R>(text: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    LOWER.with(|buffer| {
        let mut lower = buffer.borrow_mut();
        lower.clear();
        lower.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
        let out = f(lower.as_slice());
        // A very large article should not keep its copy alive for the whole run.
        if lower.capacity() > 1 << 20 {
            *lower = Vec::new();
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_overlapping_literals_in_any_ascii_case() {
        let lits = Literals::new(["tariff", "tariffs", "riff", "Steel"]);
        let mut got = Vec::new();
        lits.each("TARIFFS on STEEL", |i, at| got.push((i, at)));
        got.sort();
        assert_eq!(got, vec![(0, 0), (1, 0), (2, 2), (3, 11)]);
    }

    #[test]
    fn offsets_are_those_of_the_original_text() {
        let lits = Literals::new(["canad"]);
        let text = "Le “Canada” — CANADIAN";
        let mut got = Vec::new();
        lits.each(text, |_, at| got.push(at));
        assert_eq!(got.len(), 2);
        assert!(
            got.iter()
                .all(|&at| text[at..].to_lowercase().starts_with("canad"))
        );
    }

    #[test]
    fn an_empty_literal_makes_every_literal_possible() {
        let lits = Literals::new(["", "x"]);
        assert!(!lits.usable());
        assert_eq!(lits.present("nothing"), vec![true, true]);
    }

    #[test]
    fn the_vectorized_search_finds_what_the_automaton_finds() {
        let words = [
            "levy", "vying", "levying", "levies", "ies", "tariff", "tariffs", "riff", "canad",
            "canada", "canadian", "ada", "tariff", "on", "one", "ne",
        ];
        let lowered: Vec<Vec<u8>> = words.iter().map(|w| w.as_bytes().to_vec()).collect();
        let packed = Literals {
            search: packed(&lowered),
            count: lowered.len(),
        };
        assert!(matches!(packed.search, Some(Search::Packed { .. })));
        let automaton = Literals {
            search: automaton(&lowered),
            count: lowered.len(),
        };
        let text = "Levying levies on Canadian tariffs: one Canada, one levy, \
                    nonevying riffs; TARIFFTARIFFS canadacanadian.";
        let all = |l: &Literals| {
            let mut got = Vec::new();
            l.each(text, |i, at| got.push((i, at)));
            got.sort();
            got
        };
        let found = all(&packed);
        assert_eq!(found, all(&automaton));
        assert!(found.len() > 30);
    }

    #[test]
    fn a_large_set_finds_every_overlapping_hit() {
        // Over the vectorized searcher's limit: the automaton must report nested and
        // overlapping literals as the small set's searcher does.
        let mut words: Vec<String> = (0..100).map(|i| format!("zq{i:03}x")).collect();
        words.extend(
            [
                "tariff", "tariffs", "riff", "iff", "canadian", "canada", "ada",
            ]
            .map(String::from),
        );
        let lits = Literals::new(&words);
        assert!(matches!(lits.search, Some(Search::Dfa(_))));
        let mut got = Vec::new();
        lits.each("TARIFFS on Canadian zq042x Canada", |i, at| {
            got.push((words[i].as_str(), at))
        });
        got.sort_by_key(|&(w, at)| (at, w));
        assert_eq!(
            got,
            [
                ("tariff", 0),
                ("tariffs", 0),
                ("riff", 2),
                ("iff", 3),
                ("canadian", 11),
                ("zq042x", 20),
                ("canada", 27),
                ("ada", 30),
            ]
        );
    }

    #[test]
    fn the_automaton_loop_reports_what_the_crate_iterator_reports_in_its_order() {
        let words = [
            "tariff", "tariffs", "riff", "iff", "f", "canadian", "canada", "ada", "a", "levy",
            "levying", "vying", "on", "one", "ne", "e",
        ];
        let text = b"tariffs on canadian levying; canadacanadian tariffstariff one levy nonevying";
        let oracle: Vec<(usize, usize)> = aho_corasick::AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(words)
            .unwrap()
            .find_overlapping_iter(text.as_slice())
            .map(|m| (m.pattern().as_usize(), m.start()))
            .collect();
        assert!(oracle.len() > 40);
        let dfa = dfa::Builder::new().prefilter(false).build(words).unwrap();
        let nfa = contiguous::Builder::new()
            .prefilter(false)
            .build(words)
            .unwrap();
        // With a prefilter the start state is special too: the loop must step past it.
        let with_prefilter = dfa::Builder::new().prefilter(true).build(words).unwrap();
        for got in [
            collect(|f| each_overlapping(&dfa, text, f)),
            collect(|f| each_overlapping(&nfa, text, f)),
            collect(|f| each_overlapping(&with_prefilter, text, f)),
        ] {
            assert_eq!(got, oracle);
        }
    }

    #[test]
    fn literals_starting_with_another_are_checked_in_place_not_searched() {
        // Thirty-three literals, as the built-in spellings and a rule's make: three start
        // with another ("cent" of "centre" and "center", "catalog" of "catalogue"), and one
        // is there twice. The searcher takes twenty-nine, under the 32 past which it slows.
        let mut words = vec!["cent", "centre", "center", "catalog", "catalogue", "cent"];
        words.extend([
            "aluminium",
            "aluminum",
            "percent",
            "labour",
            "labor",
            "travelling",
            "traveling",
            "travelled",
            "traveled",
            "defence",
            "defense",
            "favour",
            "favor",
            "honour",
            "honor",
            "neighbour",
            "neighbor",
            "organisation",
            "organization",
            "co-operate",
            "cooperate",
            "usmca",
        ]);
        words.extend([
            "co-operation",
            "cooperation",
            "judgement",
            "judgment",
            "cusma",
        ]);
        assert_eq!(words.len(), 33);
        let lits = Literals::new(&words);
        let Some(Search::Packed { starting, .. }) = &lits.search else {
            panic!("not the vectorized searcher");
        };
        assert_eq!(starting.len(), 29);
        let mut got = Vec::new();
        lits.each("Per cent, CENTRES; the catalogue centers.", |i, at| {
            got.push((words[i], at))
        });
        got.sort();
        let want = [
            ("catalog", 23),
            ("catalogue", 23),
            ("cent", 4),
            ("cent", 4),
            ("cent", 10),
            ("cent", 10),
            ("cent", 33),
            ("cent", 33),
            ("center", 33),
            ("centre", 10),
        ];
        // Each of the two "cent" is reported under its own number.
        assert_eq!(got, want);
        let mut numbers = Vec::new();
        lits.each("cent", |i, _| numbers.push(i));
        numbers.sort();
        assert_eq!(numbers, [0, 5]);
    }

    proptest::proptest! {
        /// Whatever literals start with which, in any order and with repeats, the
        /// vectorized searcher reports every occurrence of every one, as the automaton does.
        #[test]
        fn the_vectorized_search_finds_every_literal_whatever_starts_with_what(
            picks in proptest::collection::vec(0usize..12, 1..20),
            pieces in proptest::collection::vec(0usize..12, 0..200),
        ) {
            let pool = [
                "tar", "tari", "tariff", "tariffs", "riff", "iff", "cent", "centre", "center",
                "per cent", "ff", "s ta",
            ];
            let words: Vec<&str> = picks.iter().map(|&i| pool[i]).collect();
            let text: String = pieces.iter().map(|&i| [pool[i], " "].concat()).collect();
            let lowered: Vec<Vec<u8>> = words.iter().map(|w| w.as_bytes().to_vec()).collect();
            let packed = Literals { search: packed(&lowered), count: lowered.len() };
            proptest::prop_assume!(matches!(packed.search, Some(Search::Packed { .. })));
            let automaton = Literals { search: automaton(&lowered), count: lowered.len() };
            let all = |l: &Literals| {
                let mut got = Vec::new();
                l.each(&text.to_uppercase(), |i, at| got.push((i, at)));
                got.sort();
                got
            };
            proptest::prop_assert_eq!(all(&packed), all(&automaton));
        }
    }

    proptest::proptest! {
        /// Long texts are walked in parts side by side: literals across the bounds, at
        /// their edges and nested in each other must come out as one walk finds them, in its
        /// order.
        #[test]
        fn walks_side_by_side_find_what_one_walk_finds(
            pieces in proptest::collection::vec(0usize..13, 0..800),
            long in 1usize..40,
        ) {
            // A literal as long as a good part of the text: the halves overlap by its length.
            let longest = "tariffs ".repeat(long).trim_end().to_string();
            let fragments = [
                "tariff", "tariffs", "riff", "s", " ", "canad", "a", "ian", "x", "levy", "ing", "vy",
                &longest,
            ];
            let text: String = pieces.iter().map(|&p| fragments[p]).collect();
            let mut words: Vec<String> = [
                "tariff", "tariffs", "riff", "canadian", "canada", "ada", "a", "levying", "vying",
                "s t",
            ]
            .iter()
            .map(|w| w.to_string())
            .collect();
            words.push(longest.clone());
            let oracle: Vec<(usize, usize)> = aho_corasick::AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&words)
                .unwrap()
                .find_overlapping_iter(text.as_bytes())
                .map(|m| (m.pattern().as_usize(), m.start()))
                .collect();
            let dfa = dfa::Builder::new().prefilter(false).build(&words).unwrap();
            let nfa = contiguous::Builder::new().prefilter(false).build(&words).unwrap();
            proptest::prop_assert_eq!(&collect(|f| each_overlapping(&dfa, text.as_bytes(), f)), &oracle);
            proptest::prop_assert_eq!(&collect(|f| each_overlapping(&nfa, text.as_bytes(), f)), &oracle);
        }
    }

    fn collect(run: impl FnOnce(&mut dyn FnMut(usize, usize))) -> Vec<(usize, usize)> {
        let mut got = Vec::new();
        run(&mut |literal, at| got.push((literal, at)));
        got
    }
}
