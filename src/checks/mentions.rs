//! Titled names in a text ("U.S. Commerce Secretary Howard Lutnick"), for the titles check.
//!
//! A mention is "`<up to four capitalised words> <title> <Name Name [Name]>`". The grammar is
//! that of one regex (written out in the tests, which hold the scanner to it), but the scan
//! does not run a regex: a mention may start at any capital letter, so a regex engine
//! cannot skip ahead, and telling the title from the name takes its slowest, backtracking
//! search. Instead, a literal search finds the title words ("Minister", "President"…),
//! which every mention holds as written, and a mention holding one can only start a few
//! words before it ([`title_reach`]). From each place there, [`Reader`] reads the grammar
//! by hand, trying the alternatives in the order the regex prefers them, so it finds
//! exactly the mentions, and the parts, that the regex finds.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Input, MatchKind, Span, packed};

/// How the words of a title are joined.
#[derive(Clone, Copy)]
enum Join {
    /// Any break between words ([`Reader::after_break`]).
    Break,
    /// One space or a hyphen ("Vice President", "Vice-President").
    SpaceOrHyphen,
}

/// The titles a mention ends with, in the order the regex's alternation has them: at one
/// place, the first of them that a name follows is the one read.
const TITLES: &[(&[&str], Join)] = &[
    (&["Prime", "Minister"], Join::Break),
    (&["Deputy", "Prime", "Minister"], Join::Break),
    (&["Minister"], Join::Break),
    (&["Secretary"], Join::Break),
    (&["President"], Join::Break),
    (&["Vice", "President"], Join::SpaceOrHyphen),
    (&["Premier"], Join::Break),
    (&["Ambassador"], Join::Break),
    (&["Governor"], Join::Break),
    (&["Senator"], Join::Break),
    (&["Chancellor"], Join::Break),
    (&["Chief", "of", "Staff"], Join::Break),
    (&["Director"], Join::Break),
    (&["Chairman"], Join::Break),
    (&["Chairwoman"], Join::Break),
    (&["Chairperson"], Join::Break),
    (&["Chair"], Join::Break),
    (&["Leader"], Join::Break),
    (&["Mayor"], Join::Break),
    (&["Commissioner"], Join::Break),
    (&["Trade", "Representative"], Join::Break),
    (&["Speaker"], Join::Break),
    (&["Attorney", "General"], Join::Break),
    (&["CEO"], Join::Break),
    // Before the shorter title: "Officer" would otherwise be read as the name's first word.
    (&["Chief", "Executive", "Officer"], Join::Break),
    (&["Chief", "Executive"], Join::Break),
];

// The titles starting with a letter are kept as a set of bits.
const _: () = assert!(TITLES.len() <= 32);

/// At most this many words before the title word belong to the title ("U.S. Trade").
pub const TITLE_WORDS: usize = 4;

/// The first word of every title, as written: each mention holds one. No word is a prefix
/// of another, so the first found at a place is the only one there.
fn title_starts() -> Vec<&'static str> {
    let mut starts: Vec<&str> = TITLES.iter().map(|(words, _)| words[0]).collect();
    starts.sort_unstable();
    // A word found as part of another ("Chair" in "Chairman") is enough.
    starts.dedup_by(|longer, shorter| longer.starts_with(*shorter));
    starts
}

/// The search for the title words: the vectorized searcher on its own, as there are few
/// (the full automaton, which wraps it, adds a few hundred instructions to every call, and
/// a scan calls it once for every title word in the text); the automaton only where the
/// searcher cannot be built.
enum TitleStarts {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

static TITLE_STARTS: LazyLock<TitleStarts> = LazyLock::new(|| {
    let starts = title_starts();
    match packed::Config::new()
        .match_kind(packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(&starts)
        .build()
    {
        Some(searcher) => TitleStarts::Packed(searcher),
        None => TitleStarts::Automaton(
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(starts)
                .expect("title words make an automaton"),
        ),
    }
});

impl TitleStarts {
    /// Where the first title word in `text[from..]` starts.
    fn find(&self, text: &str, from: usize) -> Option<usize> {
        match self {
            TitleStarts::Packed(searcher) => searcher
                .find_in(text, Span::from(from..text.len()))
                .map(|m| m.start()),
            TitleStarts::Automaton(automaton) => automaton
                .find(Input::new(text).range(from..))
                .map(|m| m.start()),
        }
    }
}

/// A titled name: where its title and its name are, and where the title word starts
/// within the title (after the words before it: "U.S. Trade" of "U.S. Trade Representative").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub title: Range<usize>,
    pub head: usize,
    pub name: Range<usize>,
}

/// Every mention in `text` from `from` on, in order, with offsets into `text`.
pub fn mentions(text: &str, from: usize) -> Vec<Mention> {
    let bytes = text.as_bytes();
    let reader = Reader { text, bytes };
    // Room for an article's usual mentions, so that the list seldom grows.
    let mut out = Vec::with_capacity(8);
    let mut pos = from;
    while pos < text.len() {
        let Some(word) = TITLE_STARTS.find(text, pos) else {
            break;
        };
        // No mention starts in pos..start (see `title_reach`), so one that starts in
        // start..=word is the first the text holds from `pos`. Without one, the next
        // mention holds a later title word, and starts after this one.
        let start = title_reach(bytes, word).max(pos);
        match (start..=word)
            .filter(|&s| bytes[s].is_ascii_uppercase())
            .find_map(|s| reader.mention_at(s))
        {
            Some(m) => {
                pos = m.name.end;
                out.push(m);
            }
            None => pos = word + 1,
        }
    }
    out
}

/// Reads the grammar of a mention at a given place of a text.
struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
}

impl Reader<'_> {
    /// The mention starting at `s`, if one does: up to [`TITLE_WORDS`] words, as few as
    /// will do, then the first title that a name follows. The title may be joined by a
    /// hyphen to a capitalised word before it, which belongs to it ("Vice-Premier",
    /// "Co-Chairman"): read apart, "Vice-Premier Qian Qichen" would be a premier.
    fn mention_at(&self, s: usize) -> Option<Mention> {
        let mut at = s;
        for words in 0..=TITLE_WORDS {
            // The word at `at` is read once, for a title joined to it and for the next word.
            let mut word = None;
            let found = self.title_then_name(at).or_else(|| {
                let (end, hyphen) = self.word_run(at)?;
                word = Some(end);
                self.title_then_name(hyphen? + 1)
            });
            if let Some((title_end, name)) = found {
                return Some(Mention {
                    title: s..title_end,
                    head: at,
                    name,
                });
            }
            if words == TITLE_WORDS {
                break;
            }
            at = self.title_word(at, word)?;
        }
        None
    }

    /// The run of a word's characters at `at` when a capital starts it: where it ends (as
    /// [`Reader::word_chars_end`] has it in a title), and the first hyphen when only
    /// letters (`\p{L}`) come before it.
    fn word_run(&self, at: usize) -> Option<(usize, Option<usize>)> {
        if !self.bytes.get(at)?.is_ascii_uppercase() {
            return None;
        }
        let mut i = at + 1;
        let mut letters = true;
        let mut hyphen = None;
        while let Some(&b) = self.bytes.get(i) {
            if b < 0x80 {
                if b.is_ascii_alphabetic() {
                    i += 1;
                    continue;
                }
                if !matches!(b, b'\'' | b'-' | b'&') {
                    break;
                }
                if b == b'-' && letters {
                    hyphen = Some(i);
                }
                letters = false;
                i += 1;
                continue;
            }
            match self.text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if c == '’' || is_letter(c) => {
                    letters &= c != '’';
                    i += c.len_utf8();
                }
                _ => break,
            }
        }
        Some((i, hyphen))
    }

    /// The first title at `at` (in [`TITLES`] order) that a break and a name follow: where
    /// the title ends, and the name.
    fn title_then_name(&self, at: usize) -> Option<(usize, Range<usize>)> {
        // The titles that start with this capital, as a set of positions in TITLES.
        static BY_CAPITAL: LazyLock<[u32; 26]> = LazyLock::new(|| {
            let mut sets = [0u32; 26];
            for (i, (words, _)) in TITLES.iter().enumerate() {
                sets[usize::from(words[0].as_bytes()[0] - b'A')] |= 1 << i;
            }
            sets
        });
        let first = *self.bytes.get(at)?;
        let mut set = if first.is_ascii_uppercase() {
            BY_CAPITAL[usize::from(first - b'A')]
        } else {
            0
        };
        std::iter::from_fn(|| {
            let i = set.trailing_zeros() as usize;
            set &= set.checked_sub(1)?;
            Some(TITLES[i])
        })
        .find_map(|(words, join)| {
            let end = self.title_end(at, words, join)?;
            let name = self.after_break(end)?;
            Some((end, name..self.name_end(name)?))
        })
    }

    /// Where the title `words` ends when it is written at `at`.
    fn title_end(&self, at: usize, words: &[&str], join: Join) -> Option<usize> {
        let mut i = at;
        for (k, word) in words.iter().enumerate() {
            if k > 0 {
                i = match join {
                    Join::Break => self.after_break(i)?,
                    Join::SpaceOrHyphen => {
                        matches!(self.bytes.get(i), Some(b' ' | b'-')).then_some(i + 1)?
                    }
                };
            }
            if !self.bytes.get(i..)?.starts_with(word.as_bytes()) {
                return None;
            }
            i += word.len();
        }
        Some(i)
    }

    /// A word of a title before the title word, and the break after it: where the next
    /// word starts. An initialism of two to four letters ("U.S."), or a capital followed by
    /// letters, apostrophes, ampersands and hyphens. `end` is where the run of the word's
    /// characters ends, when it was read already.
    fn title_word(&self, at: usize, end: Option<usize>) -> Option<usize> {
        let b = self.bytes;
        if !b.get(at)?.is_ascii_uppercase() {
            return None;
        }
        if b.get(at + 1) == Some(&b'.') {
            // Only an initialism can go on from here; as many letters as it may have (a
            // shorter one would be followed by a letter, not a break).
            let mut i = at;
            let mut pairs = 0;
            while pairs < 4
                && b.get(i).is_some_and(u8::is_ascii_uppercase)
                && b.get(i + 1) == Some(&b'.')
            {
                pairs += 1;
                i += 2;
            }
            return if pairs >= 2 {
                self.after_break(i)
            } else {
                None
            };
        }
        // The word runs as far as its characters do: a break must follow.
        self.after_break(end.unwrap_or_else(|| self.word_chars_end(at + 1, true)))
    }

    /// The end of a name word at `at`: a capital and at least one letter, apostrophe or
    /// hyphen, as many as there are.
    fn name_word_end(&self, at: usize) -> Option<usize> {
        if !self.bytes.get(at)?.is_ascii_uppercase() {
            return None;
        }
        let end = self.word_chars_end(at + 1, false);
        (end > at + 1).then_some(end)
    }

    /// The end of a name of two or three words at `at` (three when a third follows).
    fn name_end(&self, at: usize) -> Option<usize> {
        let second = self.after_break(self.name_word_end(at)?)?;
        let second_end = self.name_word_end(second)?;
        let third = self
            .after_break(second_end)
            .and_then(|third| self.name_word_end(third));
        Some(third.unwrap_or(second_end))
    }

    /// The end of the run of word characters from `at`: letters (`\p{L}`), ’, ' and -, and
    /// & in a title word.
    fn word_chars_end(&self, at: usize, ampersand: bool) -> usize {
        let mut i = at;
        while let Some(&b) = self.bytes.get(i) {
            if b < 0x80 {
                if b.is_ascii_alphabetic() || b == b'\'' || b == b'-' || (ampersand && b == b'&') {
                    i += 1;
                    continue;
                }
                break;
            }
            match self.text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if c == '’' || is_letter(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        i
    }

    /// Where the next word starts when a break between words is at `at`: spaces and tabs,
    /// with at most one line break among them (never a blank line). The break takes all
    /// the spacing there is, since a word starts with a letter.
    fn after_break(&self, at: usize) -> Option<usize> {
        let b = self.bytes;
        let mut end = at;
        while b.get(end).is_some_and(|&c| is_break_byte(c)) {
            end += 1;
        }
        let run = &b[at..end];
        if run.is_empty() {
            return None;
        }
        // `[ \t]+`, or `[ \t]*\r?\n[ \t]*`.
        let blank = |s: &[u8]| s.iter().all(|&c| c == b' ' || c == b'\t');
        match run.iter().position(|&c| c == b'\r' || c == b'\n') {
            None => Some(end),
            Some(i) => {
                let rest = &run[i..];
                let rest = rest.strip_prefix(b"\r").unwrap_or(rest);
                blank(rest.strip_prefix(b"\n")?).then_some(end)
            }
        }
    }
}

/// True for a letter (Unicode general category L, as the regex class `\p{L}`).
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    static LETTERS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
        use regex_syntax::hir::{Class, HirKind};
        match regex_syntax::Parser::new()
            .parse(r"\p{L}")
            .map(|h| h.into_kind())
        {
            Ok(HirKind::Class(Class::Unicode(class))) => class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect(),
            _ => Vec::new(),
        }
    });
    LETTERS
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    /// The grammar of a mention as one regex: the scanner must find what it finds, with the
    /// same parts. A break between words is spaces, or one line break among them.
    static MENTION: LazyLock<Regex> = LazyLock::new(|| {
        let sp = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)";
        let head = format!(
            r"(?:[A-Z]\p{{L}}*-)?(?:Prime{sp}Minister|Deputy{sp}Prime{sp}Minister|Minister|Secretary|President|Vice[\x20-]President|Premier|Ambassador|Governor|Senator|Chancellor|Chief{sp}of{sp}Staff|Director|Chair(?:man|woman|person)?|Leader|Mayor|Commissioner|Trade{sp}Representative|Speaker|Attorney{sp}General|CEO|Chief{sp}Executive{sp}Officer|Chief{sp}Executive)"
        );
        // An initialism, or a capitalised word (no trailing period: "January." ends a
        // sentence).
        let word = r"(?:(?:[A-Z]\.){2,4}|[A-Z][\p{L}’'&-]*)";
        let name = format!(r"[A-Z][\p{{L}}’'-]+(?:{sp}[A-Z][\p{{L}}’'-]+){{1,2}}");
        Regex::new(&format!(
            r"(?P<title>(?:{word}{sp}){{0,4}}?(?P<head>{head})){sp}(?P<name>{name})"
        ))
        .unwrap()
    });

    /// What the regex alone finds over `text[from..]`.
    fn by_regex(text: &str, from: usize) -> Vec<Mention> {
        MENTION
            .captures_iter(&text[from..])
            .map(|c| {
                let (title, name) = (c.name("title").unwrap(), c.name("name").unwrap());
                Mention {
                    title: from + title.start()..from + title.end(),
                    head: from + c.name("head").unwrap().start(),
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
    fn officer_ends_the_title_rather_than_starting_the_name() {
        let text = "Microsoft Chief Executive Officer Bill Gates and Chief Executive Jane Fraser.";
        let found = mentions(text, 0);
        assert_eq!(
            shown(text, &found),
            vec![
                (
                    "Microsoft Chief Executive Officer".to_string(),
                    "Bill Gates".to_string()
                ),
                ("Chief Executive".to_string(), "Jane Fraser".to_string())
            ]
        );
        // Where the title word starts, after the words before it.
        assert_eq!(found[0].head, text.find("Chief").unwrap());
        assert_eq!(found, by_regex(text, 0));
    }

    #[test]
    fn a_word_joined_to_the_title_by_a_hyphen_is_part_of_it() {
        let text = "said Chinese Vice-Premier Qian Qichen. Co-Chairman Bill Gates and \
                    then-President George Bush.";
        let found = mentions(text, 0);
        assert_eq!(
            shown(text, &found),
            vec![
                (
                    "Chinese Vice-Premier".to_string(),
                    "Qian Qichen".to_string()
                ),
                ("Co-Chairman".to_string(), "Bill Gates".to_string()),
                // Only a capitalised word joins a title.
                ("President".to_string(), "George Bush".to_string()),
            ]
        );
        assert_eq!(found[0].head, text.find("Vice").unwrap());
        assert_eq!(found, by_regex(text, 0));
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
    fn the_vectorized_search_finds_the_title_words_the_automaton_finds() {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(title_starts())
            .unwrap();
        let text = "Chairman Li met the Chair, Prime Minister Carney, CEO Jane Fraser, \
                    a Vice-President and Deputy Prime Minister Chrystia Freeland; \
                    Ministers, Senators and the Attorney General. Chief of Staff.";
        for from in 0..text.len() {
            let want = automaton
                .find(Input::new(text).range(from..))
                .map(|m| m.start());
            assert_eq!(TITLE_STARTS.find(text, from), want, "from {from}");
        }
        assert!(matches!(*TITLE_STARTS, TitleStarts::Packed(_)));
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
        "Vice-Premier",
        "Ex-",
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
        "Chairs",
        "Chairperson",
        "Vice President",
        "Vice  President",
        "Chief Executive",
        "Officer",
        "xTrade",
        "McDonald",
        "U.S.A.B.",
        "J.",
        "\r",
        "\u{a0}",
        "ǅ",
        "ʰ",
        "Ⅻ",
        "e\u{301}",
        "Ω",
        "&",
        "'",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
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
