//! One pass over an article finds which patterns can possibly match: an Aho-Corasick
//! automaton over a required literal of every pattern of every fact. Only those patterns'
//! regexes then run. The cost of a scan therefore grows with the text, and barely with the
//! number of rules.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::{Hir, HirKind};

use crate::rules::RuleSet;

/// Literals shorter than this are too common to narrow anything down.
const MIN_LITERAL: usize = 3;
/// An alternation with more literals than this is treated as having none.
const MAX_SET: usize = 64;

/// (fact index, pattern index)
pub type PatternRef = (usize, usize);

pub struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// For each literal of the automaton, the patterns that require it.
    owners: Vec<Vec<PatternRef>>,
    /// Patterns with no usable required literal: always run.
    always: Vec<PatternRef>,
    total: usize,
}

impl Prefilter {
    pub fn new(rules: &RuleSet) -> Prefilter {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<PatternRef>> = Vec::new();
        let mut always = Vec::new();
        let mut total = 0;
        for (f, fact) in rules.facts.iter().enumerate() {
            for (p, pattern) in fact.patterns.iter().enumerate() {
                total += 1;
                match required_literals(pattern.regex.as_str()) {
                    Some(set) => {
                        for lit in set {
                            match literals.iter().position(|l| l.eq_ignore_ascii_case(&lit)) {
                                Some(i) => owners[i].push((f, p)),
                                None => {
                                    literals.push(lit);
                                    owners.push(vec![(f, p)]);
                                }
                            }
                        }
                    }
                    None => always.push((f, p)),
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
        }
        Prefilter {
            automaton,
            owners,
            always,
            total,
        }
    }

    /// The patterns worth running on `text`, sorted.
    pub fn candidates(&self, text: &str) -> Vec<PatternRef> {
        let mut out = self.always.clone();
        if let Some(ac) = &self.automaton {
            let mut seen = vec![false; self.owners.len()];
            let mut remaining = self.owners.len();
            for m in ac.find_overlapping_iter(text) {
                let id = m.pattern().as_usize();
                if !seen[id] {
                    seen[id] = true;
                    out.extend_from_slice(&self.owners[id]);
                    remaining -= 1;
                    if remaining == 0 {
                        break;
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// How many patterns have a literal (for diagnostics and tests).
    pub fn coverage(&self) -> (usize, usize) {
        (self.total - self.always.len(), self.total)
    }
}

/// A set of literals one of which appears in every match of `pattern`, if one can be found.
/// Parsed without case-insensitivity so that literal text stays literal; the automaton
/// matches ASCII case-insensitively, so it finds a superset of what the regex can match.
fn required_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(false)
        .build()
        .parse(pattern)
        .ok()?;
    let set = required(&hir)?;
    // Non-ASCII literals cannot be matched case-insensitively by the automaton.
    if set.iter().any(|l| !l.is_ascii()) {
        return None;
    }
    Some(set)
}

fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(vec![lit.0.to_vec()]),
        HirKind::Capture(cap) => required(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Alternation(alts) => {
            let mut set = Vec::new();
            for alt in alts {
                set.extend(required(alt)?);
                if set.len() > MAX_SET {
                    return None;
                }
            }
            set.sort();
            set.dedup();
            Some(set)
        }
        HirKind::Concat(children) => children
            .iter()
            .filter_map(required)
            .filter(|set| set.iter().all(|l| l.len() >= MIN_LITERAL))
            .max_by_key(|set| {
                (
                    set.iter().map(Vec::len).min().unwrap_or(0),
                    usize::MAX - set.len(),
                )
            }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(p: &str) -> Option<Vec<String>> {
        required_literals(p).map(|s| {
            s.into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect()
        })
    }

    #[test]
    fn picks_the_longest_required_literal() {
        assert_eq!(
            lits(r"tariffs?\s+on\s+Canad\w*\s+to\s+(?P<value>\d+)"),
            Some(vec!["tariff".into()])
        );
    }

    #[test]
    fn alternations_give_a_set() {
        assert_eq!(
            lits(r"(?:visit|trip)\s+to\s+Washington"),
            Some(vec!["Washington".into()])
        );
        assert_eq!(
            lits(r"(?:CUSMA|USMCA)\s+review"),
            Some(vec!["review".into()])
        );
        assert_eq!(
            lits(r"(?:CUSMA|USMCA)\s+(?P<v>\d+)"),
            Some(vec!["CUSMA".into(), "USMCA".into()])
        );
    }

    #[test]
    fn optional_parts_are_not_required() {
        assert_eq!(lits(r"(?:tariff)?(?P<value>\d+)"), None);
        assert_eq!(lits(r"(?P<value>\d+)"), None);
    }
}
