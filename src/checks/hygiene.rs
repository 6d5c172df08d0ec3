//! hygiene: debris left by scraping and CMS templates in one article — "Also Read:" links,
//! newsletter sign-ups, comment-form text, a lone "×", the headline repeated in the body.

use std::sync::LazyLock;

use regex::{RegexSet, RegexSetBuilder};

use super::text::{lines, trim};
use super::{Check, CheckInfo, Context, Scan};
use crate::finding::{Finding, Kind, Location, Severity};
use crate::rules::RuleSet;

pub struct Hygiene;

/// Built-in debris, matched against whole trimmed lines (case-insensitive).
const BUILTIN: &[(&str, &str)] = &[
    (
        r"^(?:also read|read also|read more|see also|related|recommended)\s*:",
        "related-link teaser",
    ),
    (
        r"^(?:sign up|subscribe)\b.{0,80}\bnewsletters?\b",
        "newsletter sign-up",
    ),
    (
        r"^(?:get|receive)\b.{0,60}\bnewsletters?\b.{0,40}$",
        "newsletter sign-up",
    ),
    (r"^leave a (?:reply|comment)$", "comment form"),
    (r"^your email address will not be published", "comment form"),
    (r"^required fields are marked", "comment form"),
    (
        r"^(?:post comment|cancel reply|submit comment)$",
        "comment form",
    ),
    (r"^[×✕✖]$", "stray close button"),
    (
        r"^(?:share this|share on (?:facebook|twitter|x))\b.{0,30}$",
        "share buttons",
    ),
    (r"^click here to\b", "call to action"),
    (r"^advertisement$", "advertisement marker"),
    (r"^follow us on\b", "social-media plug"),
];

/// All built-in patterns in one set: one pass per line finds which (if any) match.
static BUILTIN_SET: LazyLock<Option<RegexSet>> = LazyLock::new(|| {
    RegexSetBuilder::new(BUILTIN.iter().map(|(p, _)| *p))
        .case_insensitive(true)
        .build()
        .ok()
});

/// The first two bytes a line may start with for a built-in pattern to match it (each
/// pattern is anchored at the start of the line): those of the prefixes every match starts
/// with, in every case, as a set of 65,536 bits. Nearly every line of an article is prose
/// that starts otherwise, and one lookup settles it without running the set.
static BUILTIN_STARTS: LazyLock<Box<[u64; 1024]>> = LazyLock::new(|| {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let mut set = Box::new([0u64; 1024]);
    let mut add = |key: usize| set[key / 64] |= 1 << (key % 64);
    for (pattern, _) in BUILTIN {
        let prefixes = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(pattern)
            .ok()
            .map(|hir| {
                // Two bytes is all the set keeps: no more are worked out.
                Extractor::new()
                    .kind(ExtractKind::Prefix)
                    .limit_literal_len(2)
                    .limit_total(1 << 14)
                    .extract(&hir)
            });
        // A pattern whose prefixes are not known, or that may start with anything, may
        // match any line.
        match prefixes.as_ref().and_then(|seq| seq.literals()) {
            Some(literals) if literals.iter().all(|l| !l.as_bytes().is_empty()) => {
                for literal in literals {
                    match *literal.as_bytes() {
                        [first, second, ..] => add(start_key(&[first, second])),
                        [first] => {
                            (0..256).for_each(|second| add(usize::from(first) << 8 | second))
                        }
                        [] => {}
                    }
                }
            }
            _ => return Box::new([u64::MAX; 1024]),
        }
    }
    set
});

/// The key of a line's first two bytes in [`BUILTIN_STARTS`] (a line of one byte has 0 for
/// its second).
fn start_key(line: &[u8]) -> usize {
    usize::from(line.first().copied().unwrap_or(0)) << 8
        | usize::from(line.get(1).copied().unwrap_or(0))
}

/// True when a built-in pattern may match `line` (see [`BUILTIN_STARTS`]).
fn may_be_builtin(line: &str) -> bool {
    let key = start_key(line.as_bytes());
    BUILTIN_STARTS[key / 64] & 1 << (key % 64) != 0
}

/// The words of `text` as `split_whitespace` gives them, byte by byte when that is the same
/// (ASCII without a vertical tab, which only the Unicode split counts as a space).
fn words(text: &str) -> impl Iterator<Item = &str> {
    let ascii = text.is_ascii() && !text.contains('\x0b');
    let (mut a, mut u) = if ascii {
        (Some(text.split_ascii_whitespace()), None)
    } else {
        (None, Some(text.split_whitespace()))
    };
    std::iter::from_fn(move || match (&mut a, &mut u) {
        (Some(a), _) => a.next(),
        (_, Some(u)) => u.next(),
        _ => None,
    })
}

impl Check for Hygiene {
    fn info(&self) -> CheckInfo {
        CheckInfo {
            id: "hygiene",
            kind: Kind::Hygiene,
            default_severity: Severity::Warning,
            summary: "scraping and CMS debris in an article",
            explanation: "Flags lines that are debris from scraping or CMS templates rather \
                than reporting: \"Also Read:\" teasers, newsletter sign-ups, comment-form text \
                (\"Leave a Reply\", \"Your email address will not be published\"), a lone \"×\", \
                share buttons, and the headline repeated in the body. Add your own line \
                patterns under `hygiene: { patterns: [...] }`; `builtin: false` drops the \
                built-in list.",
            fact_check: false,
        }
    }

    fn run(&self, _ctx: &Context) -> Vec<Finding> {
        // Debris is a property of one article: everything happens in `scan`.
        Vec::new()
    }

    fn scan(&self, reading: &super::Reading, rules: &RuleSet, _: &super::Prepared) -> Scan {
        let article = reading.article;
        let info = self.info();
        let severity = super::severity_for(rules, &info, None);
        let mut findings = Vec::new();
        let text = article.text.as_str();
        let title = article.title().map(|r| &text[r]);
        // What `headline_len` makes of the title, worked out for the first line that starts
        // as the title does (most articles have none).
        let mut headline_len: Option<Option<usize>> = None;
        let title_start = article.title().map(|r| r.start);
        for line in lines(text, article.body_start) {
            let span = trim(text, line);
            if span.is_empty() || span.len() > 400 {
                continue;
            }
            let content = &text[span.clone()];
            let mut what: Option<String> = None;
            // Most lines match nothing: the first byte, or else one anchored yes/no search,
            // settles them.
            if rules.hygiene_builtin
                && may_be_builtin(content)
                && let Some(set) = BUILTIN_SET.as_ref()
                && set.is_match(content)
            {
                what = set
                    .matches(content)
                    .iter()
                    .next()
                    .map(|i| BUILTIN[i].1.to_string());
            }
            if what.is_none() {
                what = rules
                    .hygiene_patterns
                    .iter()
                    .find(|re| re.is_match(content))
                    .map(|re| format!("matches `{}`", re.as_str()));
            }
            // Lines of a very different length cannot repeat the headline: skip the
            // normalization (it allocates) for them.
            let near = |len: usize| content.len() + 8 >= len && content.len() <= 2 * len + 8;
            if what.is_none()
                && Some(span.start) != title_start
                && let Some(title) = title
                && starts_alike(content, title)
                && let Some(len) = *headline_len.get_or_insert_with(|| headline_len_of(title))
                && near(len)
                && same_words(content, title)
            {
                what = Some("headline repeated in the body".to_string());
            }
            let Some(what) = what else { continue };
            let repeated = what.starts_with("headline");
            let mut locations = vec![Location {
                article: article.id,
                span: span.clone(),
                label: what.clone().into(),
                value: None,
            }];
            if repeated && let Some(t) = article.title() {
                locations.push(Location {
                    article: article.id,
                    span: t.clone(),
                    label: "the headline".into(),
                    value: None,
                });
            }
            findings.push(Finding {
                kind: Kind::Hygiene,
                rule: info.id.into(),
                severity,
                message: format!("hygiene: {what} left in the article").into(),
                locations,
                notes: Vec::new(),
                help: Some("delete the line: it is page furniture, not reporting".into()),
            });
        }
        Scan {
            findings,
            data: None,
        }
    }
}

/// The length of `title` with its words lowercased and one space apart, when it is a
/// headline that counts as repeated: one of three words or more.
fn headline_len_of(title: &str) -> Option<usize> {
    words(title).nth(2).is_some().then(|| {
        words(title)
            .map(|w| lowercased_len(w) + 1)
            .sum::<usize>()
            .saturating_sub(1)
    })
}

/// False when `line` cannot have the words of `headline`, as their starts tell.
fn starts_alike(line: &str, headline: &str) -> bool {
    // Most lines are told apart by their first letter.
    if let (Some(a), Some(b)) = (line.bytes().next(), headline.bytes().next())
        && a.is_ascii_alphanumeric()
        && b.is_ascii_alphanumeric()
        && !a.eq_ignore_ascii_case(&b)
    {
        return false;
    }
    // Or by their first characters, when the words start there (a paragraph that opens a
    // quotation, “…, against a headline that does not), before any word is lowercased. A
    // first character lowercases on its own (a final Σ has a letter before it): the words
    // differ where the two lowercasings do, unless one is a prefix of the other (İ and i).
    if let (Some(a), Some(b)) = (line.chars().next(), headline.chars().next())
        && a != b
        && !a.is_whitespace()
        && !b.is_whitespace()
        && a.to_lowercase().zip(b.to_lowercase()).any(|(x, y)| x != y)
    {
        return false;
    }
    // Then by their first words, read without going over the whole line first (as
    // `words` does to choose how to split it, and the same words either way).
    if let (Some(a), Some(b)) = (
        line.split_whitespace().next(),
        headline.split_whitespace().next(),
    ) && !same_word(a, b)
    {
        return false;
    }
    true
}

/// True when `line` has the words of `headline`, up to case and spacing.
fn same_words(line: &str, headline: &str) -> bool {
    if !starts_alike(line, headline) {
        return false;
    }
    let (mut mine, mut theirs) = (words(line), words(headline));
    loop {
        match (mine.next(), theirs.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if same_word(a, b) => {}
            _ => return false,
        }
    }
}

/// Two words alike once lowercased: compared in place when both are ASCII (nearly always).
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    // A word's last Σ lowercases to ς only as a whole word: lowercased as strings.
    a.to_lowercase() == b.to_lowercase()
}

/// The length of `word` lowercased.
fn lowercased_len(word: &str) -> usize {
    if word.is_ascii() {
        word.len()
    } else {
        word.to_lowercase().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_passed_over_by_its_start_matches_no_builtin_pattern() {
        let set = BUILTIN_SET.as_ref().unwrap();
        // The prefilter lets through what the patterns can match, in any case.
        for line in [
            "Also Read: more",
            "ALSO READ:",
            "read more:",
            "Related:",
            "Sign up for our newsletter",
            "Get the newsletter today",
            "Leave a Reply",
            "Your email address will not be published",
            "Required fields are marked *",
            "Post Comment",
            "×",
            "✕",
            "✖",
            "Share this",
            "Click here to",
            "ADVERTISEMENT",
            "Follow us on X",
            "ſee also:",
        ] {
            assert!(set.is_match(line), "{line}");
            assert!(may_be_builtin(line), "{line}");
        }
        // And it keeps out most prose.
        for line in [
            "The minister said",
            "Trade talks resume",
            "(Reuters) -",
            "2025 was",
            "Still, they said",
            "“We will”",
            "A",
            "",
        ] {
            assert!(!may_be_builtin(line), "{line}");
        }
        let kept = BUILTIN_STARTS.iter().map(|w| w.count_ones()).sum::<u32>();
        assert!(kept < 2000, "{kept}");
    }

    proptest::proptest! {
        /// Telling lines apart by their starts never misses a line with the headline's words
        /// (compared here the plain way: split at whitespace, lowercased as strings).
        #[test]
        fn lines_told_apart_by_their_starts_have_other_words(
            line in proptest::collection::vec(
                proptest::sample::select(vec![
                    "“", "\"", "C", "c", "Σ", "σ", "ς", "İ", "i", "\u{307}", "x", " ", "\t",
                    "\u{a0}", "É", "é", "K", "\u{212a}", "k", "ǅ", "ǆ",
                ]),
                0..6,
            ),
            headline in proptest::collection::vec(
                proptest::sample::select(vec![
                    "“", "C", "c", "Σ", "σ", "İ", "i", "\u{307}", "x", " ", "\u{a0}", "É", "K",
                    "\u{212a}", "k", "ǅ", "ǆ",
                ]),
                0..6,
            ),
        ) {
            let (line, headline) = (line.concat(), headline.concat());
            let plain = |t: &str| t.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
            if plain(&line) == plain(&headline) {
                proptest::prop_assert!(starts_alike(&line, &headline), "{:?} {:?}", line, headline);
            }
        }
    }

    #[test]
    fn first_characters_that_lowercase_alike_do_not_tell_lines_apart() {
        // İ lowercases to i and a combining dot; the Kelvin sign to k; ǅ to ǆ.
        for (line, headline) in [("i\u{307}x y", "İx y"), ("\u{212a}m", "km"), ("ǆa", "ǅa")] {
            assert!(starts_alike(line, headline), "{line:?} {headline:?}");
            assert!(starts_alike(headline, line), "{headline:?} {line:?}");
        }
        assert!(!starts_alike("“We will”", "Canada and Mexico"));
        assert!(!starts_alike("Σx", "ςx"));
    }

    #[test]
    fn words_are_split_as_split_whitespace_splits_them() {
        for text in ["a  b\tc\n", " x\x0by ", "été à\u{a0}Montréal", "", "  "] {
            assert_eq!(
                words(text).collect::<Vec<_>>(),
                text.split_whitespace().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    /// The lines the scan reports as repeating the headline, with the default rules.
    fn repeated_headlines(text: &str) -> Vec<String> {
        let article = crate::article::Article::from_bytes(
            0,
            std::path::Path::new("a.txt"),
            "a.txt".into(),
            text.as_bytes(),
        )
        .unwrap();
        let rules = crate::rules::load_str("rules.yaml", "facts: []\n").rules;
        let scan = Hygiene.scan(&super::super::Reading::new(&article), &rules, &None);
        scan.findings
            .iter()
            .filter(|f| f.message.contains("headline repeated"))
            .map(|f| text[f.locations[0].span.clone()].to_string())
            .collect()
    }

    #[test]
    fn only_a_headline_of_three_words_or_more_is_repeated_and_not_where_it_stands() {
        let text = "Mexico and Canada sign\n\nThe deal was signed.\n\n\
            mexico AND canada  sign\n\n“Mexico and Canada sign” was the word.\n";
        assert_eq!(repeated_headlines(text), ["mexico AND canada  sign"]);
        // A line starting as the headline does, and longer.
        let text = "Mexico and Canada sign\n\nMexico and Canada sign a deal on steel today.\n";
        assert!(repeated_headlines(text).is_empty());
        // Two words are no headline to repeat.
        assert!(repeated_headlines("Deal signed\n\nDeal signed\n").is_empty());
    }

    #[test]
    fn a_line_repeats_the_headline_up_to_case_and_spacing() {
        let headline = "Canada  and Mexico REACH a Deal";
        assert!(same_words("canada and mexico reach a deal", headline));
        assert!(same_words(" Canada and\tMexico reach a DEAL ", headline));
        assert!(!same_words(
            "Canada and Mexico reach a deal today",
            headline
        ));
        assert!(!same_words("Canada and Mexico reach a", headline));
        assert!(!same_words("Canada or Mexico reach a deal", headline));
        // Beyond ASCII, words are lowercased as strings.
        assert!(same_words("ÉTÉ À MONTRÉAL", "été à Montréal"));
        // A capital sigma ending a word lowercases to the final form.
        assert!(same_words("ΟΔΟΣ", "οδο\u{3c2}"));
        assert!(!same_words("ΟΔΟΣ", "οδο\u{3c3}"));
        assert_eq!(lowercased_len("İstanbul"), "İstanbul".to_lowercase().len());
        assert_eq!(lowercased_len("Deal"), 4);
    }
}
