//! Titled names in a text ("U.S. Commerce Secretary Howard Lutnick"), for the titles check.
//!
//! The grammar is one regex, but running it over every byte of an archive was a fifth of a
//! full run: a mention may start at any capital letter, so the regex engine cannot skip
//! ahead. Every mention holds a title word ("Minister", "President"…), though, written as
//! is. So a literal search finds those words, and the regex runs only in a window around
//! each: from where a mention holding the word could start to the first place no mention
//! can cross. Both ends follow from what the grammar lets a mention contain (see
//! [`title_reach`] and [`mention_bound`]); the mentions found are exactly those the regex
//! finds over the whole text, which a test checks on generated texts.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Input, MatchKind};
use regex::Regex;

/// The titles a mention ends with, as regex fragments: a space stands for any break
/// between words (`\x20` is a space itself).
const TITLES: &[&str] = &[
    "Prime Minister",
    "Deputy Prime Minister",
    "Minister",
    "Secretary",
    "President",
    r"Vice[\x20-]President",
    "Premier",
    "Ambassador",
    "Governor",
    "Senator",
    "Chancellor",
    "Chief of Staff",
    "Director",
    "Chair(?:man|woman|person)?",
    "Leader",
    "Mayor",
    "Commissioner",
    "Trade Representative",
    "Speaker",
    "Attorney General",
    "CEO",
    "Chief Executive",
];

/// Words are separated by spaces or one line break (a wrapped line), never a blank line.
const BREAK: &str = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)";

/// At most this many words before the title word belong to the title ("U.S. Trade").
const TITLE_WORDS: usize = 4;

/// "<Capitalised title phrase ending in a title word> <Capitalised Name, 2–3 words>".
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    let head = TITLES
        .iter()
        .map(|t| t.replace(' ', BREAK))
        .collect::<Vec<_>>()
        .join("|");
    // "U.S." and other initialisms, or a capitalised word (no trailing period: "January."
    // ends a sentence).
    let word = r"(?:(?:[A-Z]\.){2,4}|[A-Z][\p{L}’'&-]*)";
    let name = format!(r"[A-Z][\p{{L}}’'-]+(?:{BREAK}[A-Z][\p{{L}}’'-]+){{1,2}}");
    Regex::new(&format!(
        r"(?P<title>(?:{word}{BREAK}){{0,{TITLE_WORDS}}}?(?:{head})){BREAK}(?P<name>{name})"
    ))
    .expect("title grammar is valid")
});

/// The first word of every title, as written: each mention holds one.
static TITLE_STARTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let starts: Vec<&str> = TITLES
        .iter()
        .map(|t| {
            let end = t
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(t.len());
            &t[..end]
        })
        .collect();
    // The leftmost: no mention holds an earlier one.
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(starts)
        .expect("title words make an automaton")
});

/// A titled name: where its title and its name are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub title: Range<usize>,
    pub name: Range<usize>,
}

/// Every mention in `text` from `from` on, in order: the same as running [`MENTION`] over
/// `&text[from..]`, with offsets into `text`.
pub fn mentions(text: &str, from: usize) -> Vec<Mention> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = from;
    // The end of the window of the last title word: a later word before it has the same.
    let mut end = 0;
    // Made once: a search that reads a mention's parts fills it in.
    let mut groups = MENTION.capture_locations();
    while pos < text.len() {
        let Some(word) = TITLE_STARTS.find(Input::new(text).range(pos..)) else {
            break;
        };
        // No mention starts in pos..start (see `title_reach`), and none that starts in
        // start..end crosses `end`: so the first mention found by searching `text[..end]`
        // from `start` is the first the whole text holds from `pos`, if it starts before
        // `end`. The grammar looks at nothing outside a match, so the cut changes nothing
        // else.
        let start = title_reach(bytes, word.start()).max(pos);
        if word.start() >= end {
            end = mention_bound(bytes, word.start());
        }
        let Some(whole) = MENTION.find_at(&text[..end], start) else {
            pos = end;
            continue;
        };
        let said = &text[whole.range()];
        let known = PARTS.with_borrow(|parts| parts.get(said).copied());
        let Some((title_end, name_start)) = known.or_else(|| {
            // The regex's reading from the mention's start ends where the mention does, so
            // it reads the same in `text[..whole.end()]`, which holds nothing more.
            MENTION.captures_read_at(&mut groups, &text[..whole.end()], whole.start())?;
            let (title, name) = groups.get(1).zip(groups.get(2))?;
            let parts = (title.1 - whole.start(), name.0 - whole.start());
            PARTS.with_borrow_mut(|kept| {
                if kept.len() >= PARTS_KEPT {
                    kept.clear();
                }
                kept.insert(said.into(), parts);
            });
            Some(parts)
        }) else {
            break;
        };
        out.push(Mention {
            title: whole.start()..whole.start() + title_end,
            name: whole.start() + name_start..whole.end(),
        });
        pos = whole.end();
    }
    out
}

thread_local! {
    /// Mentions already read, by what they say: where the title ends and the name starts,
    /// from the mention's start. An archive names the same people with the same titles over
    /// and over, and telling the parts apart is most of the regex's work (its groups take a
    /// backtracking search; finding the mention does not). The parts follow from the
    /// mention's text alone: the grammar looks at nothing around it.
    static PARTS: RefCell<HashMap<Box<str>, (usize, usize)>> = RefCell::new(HashMap::new());
}

/// Mentions kept in [`PARTS`] by each thread at most (about half a megabyte).
const PARTS_KEPT: usize = 1 << 12;

/// Bytes a title's words can hold besides letters (`\p{L}` beyond ASCII is any byte from
/// 0x80 here, a superset).
fn in_title_word(b: u8) -> bool {
    b.is_ascii_alphabetic() || matches!(b, b'.' | b'\'' | b'&' | b'-') || b >= 0x80
}

fn is_break_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// The earliest place a mention holding the title word at `word` (or a later one) can
/// start. Between a mention's start and its title word lie at most `TITLE_WORDS` words,
/// each followed by one run of spaces; so going back from `word`, the mention cannot start
/// before a byte no title word holds, a run of spaces with a blank line, or more runs of
/// spaces than that.
fn title_reach(bytes: &[u8], word: usize) -> usize {
    let mut i = word;
    let mut runs = 0;
    while i > 0 {
        let b = bytes[i - 1];
        if is_break_byte(b) {
            let mut j = i;
            let mut line_breaks = 0;
            while j > 0 && is_break_byte(bytes[j - 1]) {
                line_breaks += usize::from(bytes[j - 1] == b'\n');
                j -= 1;
            }
            runs += 1;
            if line_breaks > 1 || runs > TITLE_WORDS {
                return i;
            }
            i = j;
        } else if in_title_word(b) {
            i -= 1;
        } else {
            return i;
        }
    }
    0
}

/// The first place from `word` on that no mention can cross: a byte no part of a mention
/// holds (a digit, a comma, a bracket…), or the second line break of a blank line.
fn mention_bound(bytes: &[u8], word: usize) -> usize {
    let mut line_breaks = 0;
    for (i, &b) in bytes.iter().enumerate().skip(word) {
        if b == b'\n' {
            line_breaks += 1;
            if line_breaks > 1 {
                return i;
            }
        } else if is_break_byte(b) {
        } else if in_title_word(b) {
            line_breaks = 0;
        } else {
            return i;
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the regex alone finds over `text[from..]`.
    fn by_regex(text: &str, from: usize) -> Vec<Mention> {
        MENTION
            .captures_iter(&text[from..])
            .map(|c| {
                let (title, name) = (c.name("title").unwrap(), c.name("name").unwrap());
                Mention {
                    title: from + title.start()..from + title.end(),
                    name: from + name.start()..from + name.end(),
                }
            })
            .collect()
    }

    fn shown(text: &str, found: &[Mention]) -> Vec<(String, String)> {
        found
            .iter()
            .map(|m| {
                (
                    text[m.title.clone()].to_string(),
                    text[m.name.clone()].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn the_grammar_is_the_one_written_out() {
        let sp = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)";
        let head = format!(
            r"(?:Prime{sp}Minister|Deputy{sp}Prime{sp}Minister|Minister|Secretary|President|Vice[\x20-]President|Premier|Ambassador|Governor|Senator|Chancellor|Chief{sp}of{sp}Staff|Director|Chair(?:man|woman|person)?|Leader|Mayor|Commissioner|Trade{sp}Representative|Speaker|Attorney{sp}General|CEO|Chief{sp}Executive)"
        );
        let word = r"(?:(?:[A-Z]\.){2,4}|[A-Z][\p{L}’'&-]*)";
        let name = format!(r"[A-Z][\p{{L}}’'-]+(?:{sp}[A-Z][\p{{L}}’'-]+){{1,2}}");
        let written = format!(r"(?P<title>(?:{word}{sp}){{0,4}}?{head}){sp}(?P<name>{name})");
        assert_eq!(MENTION.as_str(), written);
    }

    #[test]
    fn mentions_are_found_with_names() {
        let text =
            "including Trade Minister Dominic LeBlanc and U.S. Commerce Secretary Howard Lutnick.";
        assert_eq!(
            shown(text, &mentions(text, 0)),
            vec![
                ("Trade Minister".to_string(), "Dominic LeBlanc".to_string()),
                (
                    "U.S. Commerce Secretary".to_string(),
                    "Howard Lutnick".to_string()
                )
            ]
        );
    }

    #[test]
    fn a_title_reaches_back_over_its_words_but_not_past_a_blank_line_or_a_comma() {
        let text =
            "Canada, Foreign Affairs Minister Anita Anand said.\n\nPrime\nMinister Mark Carney";
        assert_eq!(
            shown(text, &mentions(text, 0)),
            vec![
                (
                    "Foreign Affairs Minister".to_string(),
                    "Anita Anand".to_string()
                ),
                ("Prime\nMinister".to_string(), "Mark Carney".to_string())
            ]
        );
    }

    #[test]
    fn a_mention_said_again_has_the_same_parts() {
        // The same words as a mention, and as part of longer ones, in several articles.
        let texts = [
            "Prime Minister Mark Carney spoke. Prime Minister Mark Carney left.",
            "Deputy Prime Minister Mark Carney met Trade Minister Dominic LeBlanc.",
            "U.S. Trade Representative Mark Carney and Prime Minister Mark Carney.",
            "Prime Minister Mark Carney spoke. Prime Minister Mark Carney left.",
        ];
        for text in texts {
            assert_eq!(
                shown(text, &mentions(text, 0)),
                shown(text, &by_regex(text, 0))
            );
            assert_eq!(mentions(text, 0), by_regex(text, 0), "{text}");
        }
        let text = texts[2];
        assert_eq!(
            shown(text, &mentions(text, 0)),
            [
                (
                    "U.S. Trade Representative".to_string(),
                    "Mark Carney".to_string()
                ),
                ("Prime Minister".to_string(), "Mark Carney".to_string()),
            ]
        );
    }

    #[test]
    fn the_search_starts_where_it_is_told() {
        let text = "Premier Doug Ford met Mayor Olivia Chow.";
        let from = text.find("met").unwrap();
        assert_eq!(mentions(text, from), by_regex(text, from));
        assert_eq!(mentions(text, from).len(), 1);
    }

    /// Pieces of news text chosen to meet at the edges of windows: title words, names,
    /// initialisms, every kind of break, punctuation, digits and letters beyond ASCII.
    const PIECES: &[&str] = &[
        "Prime",
        "Minister",
        "Deputy",
        "Trade",
        "Representative",
        "Chief",
        "of",
        "Staff",
        "Vice",
        "President",
        "Vice-President",
        "Chairwoman",
        "Chair",
        "CEO",
        "Attorney",
        "General",
        "Mayor",
        "U.S.",
        "A.B.C.D.E.",
        "Foreign",
        "Affairs",
        "Canada's",
        "former",
        "Mark",
        "Carney",
        "Dominic",
        "LeBlanc",
        "O’Brien",
        "Émilie",
        "Côté",
        "D'Arcy",
        "and",
        "the",
        "said",
        "Mr",
        "AT&T",
        "Co-Chair",
        "x",
        "MinisterPresident",
        " ",
        " ",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        " \n ",
        "\n \n",
        ",",
        ".",
        ". ",
        "\"",
        "“",
        "”",
        "(",
        ")",
        ";",
        "2025",
        "-",
        "’",
        "é",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn windows_find_exactly_what_the_whole_text_regex_finds(
            picks in proptest::collection::vec(0..PIECES.len(), 0..60),
            joiners in proptest::collection::vec(0..4usize, 60),
            from_pick in 0..60usize,
        ) {
            let mut text = String::new();
            let mut starts = vec![0];
            for (k, &p) in picks.iter().enumerate() {
                text.push_str(PIECES[p]);
                // Mostly a space between pieces, sometimes nothing.
                if joiners[k] != 0 {
                    text.push(' ');
                }
                starts.push(text.len());
            }
            let from = starts[from_pick % starts.len()];
            let want = by_regex(&text, from);
            prop_assert_eq!(mentions(&text, from), want.clone(), "text: {:?}", text);
            // Again, now that this thread has read every one of these mentions before.
            prop_assert_eq!(mentions(&text, from), want, "again: {:?}", text);
        }
    }
}
