//! One pass over an article finds which patterns can possibly match: an Aho-Corasick
//! automaton over the required literals of every pattern of every fact. A pattern such as
//! `tariffs? on Canadian steel (?:of|at) {value}` requires "tariff" *and* "Canadian" *and*
//! "steel": it is a candidate only when the article holds all three, and its regex then runs
//! only over the sentences around the rarest of them. The cost of a scan therefore grows
//! with the text, and barely with the number of rules.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::{Hir, HirKind};

use crate::rules::RuleSet;

/// Literals shorter than this are too common to narrow anything down.
const MIN_LITERAL: usize = 3;
/// An alternation with more literals than this is treated as having none.
const MAX_SET: usize = 64;
/// Literal hits per pattern and article above which the whole text is scanned instead.
const MAX_WINDOWS: usize = 48;

/// (fact index, pattern index)
pub type PatternRef = (usize, usize);

/// A set of literals one of which every match of a pattern contains.
type LiteralSet = Vec<Vec<u8>>;

pub struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// For each literal of the automaton: (pattern, which of its required sets).
    owners: Vec<Vec<(PatternRef, usize)>>,
    /// How many required sets each filtered pattern has.
    sets: HashMap<PatternRef, usize>,
    /// Patterns with no usable required literal: always run over the whole text.
    always: Vec<PatternRef>,
}

impl Prefilter {
    pub fn new(rules: &RuleSet) -> Prefilter {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut owners: Vec<Vec<(PatternRef, usize)>> = Vec::new();
        let mut sets = HashMap::new();
        let mut always = Vec::new();
        for (f, fact) in rules.facts.iter().enumerate() {
            for (p, pattern) in fact.patterns.iter().enumerate() {
                let required = required_sets(&pattern.skeleton);
                if required.is_empty() {
                    always.push((f, p));
                    continue;
                }
                sets.insert((f, p), required.len());
                for (s, set) in required.into_iter().enumerate() {
                    for lit in set {
                        let key = lit.to_ascii_lowercase();
                        let i = *index.entry(key).or_insert_with(|| {
                            literals.push(lit);
                            owners.push(Vec::new());
                            literals.len() - 1
                        });
                        owners[i].push(((f, p), s));
                    }
                }
            }
        }
        let automaton = if literals.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&literals)
                .ok()
        };
        if automaton.is_none() {
            // Could not build (should not happen): fall back to running every pattern.
            always = (0..rules.facts.len())
                .flat_map(|f| (0..rules.facts[f].patterns.len()).map(move |p| (f, p)))
                .collect();
            owners.clear();
            sets.clear();
        }
        Prefilter {
            automaton,
            owners,
            sets,
            always,
        }
    }

    /// The patterns worth running on `text`, each with where its rarest required literal
    /// occurs (byte offsets; empty: scan the whole text). Sorted by pattern.
    pub fn hits(&self, text: &str) -> Vec<(PatternRef, Vec<usize>)> {
        let mut out: Vec<(PatternRef, Vec<usize>)> =
            self.always.iter().map(|&p| (p, Vec::new())).collect();
        if let Some(ac) = &self.automaton {
            let mut per_literal: Vec<Vec<usize>> = vec![Vec::new(); self.owners.len()];
            let mut any = false;
            for m in ac.find_overlapping_iter(text) {
                let positions = &mut per_literal[m.pattern().as_usize()];
                // Past a few dozen hits a window per hit costs more than one full scan;
                // one more than the limit marks "many".
                if positions.len() <= MAX_WINDOWS {
                    positions.push(m.start());
                }
                any = true;
            }
            if any {
                // For each pattern and each of its required sets, the positions seen.
                let mut seen: HashMap<PatternRef, Vec<Vec<usize>>> = HashMap::new();
                for (literal, positions) in per_literal.iter().enumerate() {
                    if positions.is_empty() {
                        continue;
                    }
                    for &(pattern, set) in &self.owners[literal] {
                        let slots = seen
                            .entry(pattern)
                            .or_insert_with(|| vec![Vec::new(); self.sets[&pattern]]);
                        slots[set].extend(positions);
                    }
                }
                for (pattern, slots) in seen {
                    // Every required set must be present somewhere in the text.
                    if slots.iter().any(Vec::is_empty) {
                        continue;
                    }
                    let mut rarest = slots.into_iter().min_by_key(Vec::len).unwrap_or_default();
                    if rarest.len() > MAX_WINDOWS {
                        rarest.clear();
                    } else {
                        rarest.sort_unstable();
                        rarest.dedup();
                    }
                    out.push((pattern, rarest));
                }
            }
        }
        out.sort_by_key(|(p, _)| *p);
        out.dedup_by_key(|(p, _)| *p);
        out
    }
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

    #[test]
    fn a_pattern_needs_all_its_sets_to_be_a_candidate() {
        let rules = crate::rules::load_str(
            "r.yaml",
            "facts:\n  - id: t\n    type: percent\n    patterns: ['tariffs? on Canadian steel of {value}']\n",
        );
        let pf = Prefilter::new(&rules.rules);
        assert!(pf.hits("tariffs on Mexican steel").is_empty());
        assert_eq!(pf.hits("Tariffs on CANADIAN steel of 25%").len(), 1);
    }
}
