//! Finding many literals at once, ignoring ASCII case: the shared first pass of fact
//! extraction and of the built-in checks that look for words.
//!
//! The text is lowercased (ASCII only, so byte offsets do not move) into a per-thread buffer
//! and searched with a case-sensitive Aho-Corasick automaton over the lowercased literals.
//! An automaton built ASCII-case-insensitive cannot use a vectorized prefilter and walks
//! every byte; a case-sensitive one skips through text with none of the literals' bytes.

use std::cell::RefCell;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub struct Literals {
    automaton: Option<AhoCorasick>,
    count: usize,
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
        let automaton = if lowered.is_empty() || lowered.iter().any(Vec::is_empty) {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&lowered)
                .ok()
        };
        Literals {
            automaton,
            count: lowered.len(),
        }
    }

    /// False when the automaton could not be built (an empty literal, or too large): callers
    /// must then assume every literal may occur.
    pub fn usable(&self) -> bool {
        self.automaton.is_some()
    }

    /// Calls `found(literal, start)` for every occurrence of every literal in `text`,
    /// overlapping ones included.
    pub fn each(&self, text: &str, found: impl FnMut(usize, usize)) {
        lowered(text, |lower| self.each_lowered(lower, found));
    }

    /// As `each`, for a text already lowercased by `lowered`.
    pub fn each_lowered(&self, lower: &[u8], mut found: impl FnMut(usize, usize)) {
        let Some(ac) = &self.automaton else {
            return;
        };
        for m in ac.find_overlapping_iter(lower) {
            found(m.pattern().as_usize(), m.start());
        }
    }

    /// Which literals occur in `text` at least once.
    pub fn present(&self, text: &str) -> Vec<bool> {
        let mut out = vec![!self.usable(); self.count];
        self.each(text, |i, _| out[i] = true);
        out
    }
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
}
