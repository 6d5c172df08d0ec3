//! Finding many literals at once, ignoring ASCII case: the shared first pass of fact
//! extraction and of the built-in checks that look for words.
//!
//! The text is lowercased (ASCII only, so byte offsets do not move) into a per-thread buffer
//! and searched case-sensitively for the lowercased literals. Up to a few dozen literals,
//! the vectorized searcher of aho-corasick (Teddy) is used directly: it finds the longest
//! literal at the next place any occurs, and literals that are prefixes of it occur there
//! too, so restarting one byte further finds every occurrence. On news text this is several
//! times faster than an overlapping search with the full automaton, which steps through
//! every byte. Larger sets use the automaton, as a DFA up to a few thousand literals.

use std::cell::RefCell;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, Span, packed};

pub struct Literals {
    search: Option<Search>,
    count: usize,
}

enum Search {
    Packed {
        searcher: packed::Searcher,
        /// For each literal, the other literals that are prefixes of it (or equal to it).
        prefixes: Vec<Vec<usize>>,
    },
    Automaton(AhoCorasick),
}

thread_local! {
    static LOWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
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
            Some(Search::Automaton(ac)) => {
                for m in ac.find_overlapping_iter(lower) {
                    found(m.pattern().as_usize(), m.start());
                }
            }
            Some(Search::Packed { searcher, prefixes }) => {
                let mut at = 0;
                while let Some(m) = searcher.find_in(lower, Span::from(at..lower.len())) {
                    let longest = m.pattern().as_usize();
                    found(longest, m.start());
                    for &shorter in &prefixes[longest] {
                        found(shorter, m.start());
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
/// where the default automaton for that many literals (an NFA) follows failure links, and
/// the whole search is about a third faster; the table takes a few megabytes at most.
fn automaton(literals: &[Vec<u8>]) -> Option<Search> {
    const MAX_DFA: usize = 4096;
    let kind = (literals.len() <= MAX_DFA).then_some(AhoCorasickKind::DFA);
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .kind(kind)
        .build(literals)
        .ok()
        .map(Search::Automaton)
}

/// The vectorized searcher over `literals`, when there are few enough for it.
fn packed(literals: &[Vec<u8>]) -> Option<Search> {
    // Past this, Teddy's buckets fill up and it is no faster than the automaton.
    const MAX: usize = 64;
    if literals.len() > MAX {
        return None;
    }
    let searcher = packed::Config::new()
        .match_kind(packed::MatchKind::LeftmostLongest)
        .builder()
        .extend(literals)
        .build()?;
    let prefixes = literals
        .iter()
        .enumerate()
        .map(|(i, long)| {
            (0..literals.len())
                .filter(|&j| j != i && long.starts_with(&literals[j]))
                .collect()
        })
        .collect();
    Some(Search::Packed { searcher, prefixes })
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
        assert!(matches!(lits.search, Some(Search::Automaton(_))));
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
}
