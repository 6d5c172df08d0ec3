//! Text scanning shared by the built-in checks: quotation spans, words, lines.

use std::borrow::Cow;
use std::ops::Range;

/// Double-quote characters that open and close quotations.
const OPEN: &[char] = &['“', '"', '«'];
const CLOSE: &[char] = &['”', '"', '»'];

/// Spans of quoted text (the inside of “…”, "…", «…», and ‘…’ when it is clearly not an
/// apostrophe), within `range` of `text`. An unclosed quotation runs to the end of its
/// paragraph, or of its line when the next one opens a quotation again, as news style
/// writes a quotation that goes on for several paragraphs.
pub fn quotation_spans(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    // Room for an article's usual quotations, so that the list seldom grows.
    let mut spans = Vec::with_capacity(8);
    let body = &text[range.clone()];
    let bytes = body.as_bytes();
    let mut open: Option<(usize, char)> = None;
    // Every character that matters starts with one of these bytes: `"`, the lead bytes of
    // « » (C2) and of the curly quotes (E2), and a line break while a quotation is open
    // (it may end its paragraph); the rest is skipped without decoding.
    let next = |from: usize, open: bool| {
        let rest = &bytes[from..];
        let quote = memchr::memchr3(b'"', 0xC2, 0xE2, rest);
        let line_break = if open {
            memchr::memchr(b'\n', &rest[..quote.unwrap_or(rest.len())])
        } else {
            None
        };
        line_break.or(quote).map(|k| from + k)
    };
    let mut i = 0;
    while let Some(at) = next(i, open.is_some()) {
        i = at;
        let c = body[i..].chars().next().unwrap_or('\0');
        let at = range.start + i;
        match open {
            None => {
                if OPEN.contains(&c) || (c == '‘' && opens_single(body, i)) {
                    open = Some((at + c.len_utf8(), c));
                }
            }
            Some((start, opener)) => {
                let closes = match opener {
                    '‘' => c == '’' && closes_single(body, i + c.len_utf8()),
                    '"' => c == '"',
                    _ => CLOSE.contains(&c),
                };
                if closes {
                    spans.push(start..at);
                    open = None;
                } else if c == '\n'
                    && (matches!(bytes.get(i + 1), Some(b'\n' | b'\r')) || reopens(body, i + 1))
                {
                    // Paragraph end: an unclosed quotation stops here. So does a line that
                    // opens a quotation again, as a quotation that goes on into the next
                    // paragraph does ("… the jackpot.⏎"It would put …"): else the marks
                    // after it would pair the wrong way, the text between quotations taken
                    // for them.
                    spans.push(start..at);
                    open = None;
                }
            }
        }
        i += c.len_utf8();
    }
    if let Some((start, _)) = open {
        spans.push(start..range.end);
    }
    spans
}

/// Whether the line at `from` starts, after its indent, with a mark that opens a quotation:
/// “, or " before a letter or digit (a " before a space or a stop closes one).
fn reopens(body: &str, from: usize) -> bool {
    let line = body[from..].trim_start_matches([' ', '\t']);
    let mut chars = line.chars();
    match chars.next() {
        Some('“') => true,
        Some('"') => chars.next().is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

/// A ‘ opens a quotation when it follows a space or line start and precedes a letter.
fn opens_single(body: &str, i: usize) -> bool {
    let before = body[..i].chars().next_back();
    let after = body[i + '‘'.len_utf8()..].chars().next();
    before.is_none_or(|b| b.is_whitespace() || b == '(' || b == '“' || b == '"')
        && after.is_some_and(char::is_alphanumeric)
}

/// A ’ closes a quotation when no letter follows it (else it is an apostrophe: don’t).
fn closes_single(body: &str, after: usize) -> bool {
    body[after..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// `text` with each run of whitespace made one space (borrowed when it already is so).
pub fn single_spaced(text: &str) -> Cow<'_, str> {
    let mut last_space = true;
    // Byte by byte when it is all ASCII (nearly always: this runs for every mention).
    let spaced = if text.is_ascii() {
        text.bytes().all(|b| {
            let ok = b == b' ' && !last_space || !b.is_ascii_whitespace() && b != 0x0b;
            last_space = b == b' ';
            ok
        })
    } else {
        text.chars().all(|c| {
            let ok = c == ' ' && !last_space || !c.is_whitespace();
            last_space = c == ' ';
            ok
        })
    } && !last_space;
    if spaced || text.is_empty() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Whether `at` is inside one of `spans`, which come in order and do not overlap (as
/// [`quotation_spans`] gives them): found by halving, as an article of one long line can
/// hold thousands of quotations and thousands of places to look up.
pub fn inside(spans: &[Range<usize>], at: usize) -> bool {
    let after = spans.partition_point(|s| s.start <= at);
    after.checked_sub(1).is_some_and(|k| at < spans[k].end)
}

/// A word with its byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Lowercased, apostrophes straightened, punctuation removed.
    pub norm: String,
    pub span: Range<usize>,
}

/// Words of `text[range]`, normalized for comparison: case, curly/straight apostrophes,
/// dots in abbreviations ("U.S." = "US") and surrounding punctuation do not count.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for_each_token(text, range, |span, raw| {
        normalize_into(raw, &mut buf);
        let norm = buf.trim_matches('-');
        if !norm.is_empty() {
            out.push(Word {
                norm: norm.to_string(),
                span,
            });
        }
    });
    out
}

/// The hash of each normalized word of `text[range]` (the same normalization as [`words`],
/// without allocating a string per word), into `out` (cleared first): a scan over many
/// quotations reuses one list.
pub fn word_hashes_into(text: &str, range: Range<usize>, out: &mut Vec<u64>) {
    out.clear();
    each_word_hash(text, range, |hash, _| out.push(hash));
}

/// As [`word_hashes_into`], into a new list.
#[cfg(test)]
fn word_hashes(text: &str, range: Range<usize>) -> Vec<u64> {
    let mut out = Vec::new();
    word_hashes_into(text, range, &mut out);
    out
}

/// A normalized word as its hash (see [`word_hashes_into`]), with its byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct HashedWord {
    pub hash: u64,
    pub span: Range<usize>,
}

/// The words of `text[range]` as [`words`] finds them, each as its hash with its span.
pub fn hashed_words(text: &str, range: Range<usize>) -> Vec<HashedWord> {
    let mut out = Vec::with_capacity(range.len() / 4 + 1);
    each_word_hash(text, range, |hash, span| {
        out.push(HashedWord { hash, span })
    });
    out
}

/// Calls `f(hash, span)` for each normalized word of `text[range]`, in order (the span is
/// the word's token in `text`, as [`words`] gives it).
fn each_word_hash(text: &str, range: Range<usize>, mut f: impl FnMut(u64, Range<usize>)) {
    // The tokens of `for_each_token`, each hashed as `hash_normalized` does, in one pass:
    // this runs over every quotation. Most tokens are ASCII letters and digits up to an
    // ASCII separator, hashed as they are read in the tightest loop; the other ASCII tokens
    // are read again with dashes and dropped characters minded; a token with any other
    // character is read to its end by characters and hashed again from them.
    let offset = range.start;
    let slice = &text[range];
    let bytes = slice.as_bytes();
    let n = bytes.len();
    // Whether the character at `i` belongs to a token, and its length.
    let part = |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b < 0x80 {
            (ASCII_CLASS[usize::from(b)] != SEPARATOR, 1)
        } else {
            let c = slice[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric() || matches!(c, '’' | '‘'), c.len_utf8())
        }
    };
    let class_at = |i: usize| BYTE_CLASS[usize::from(bytes[i])];
    let mut i = 0;
    while i < n {
        // Separators between tokens.
        if class_at(i) == SEPARATOR {
            i += 1;
            continue;
        }
        if class_at(i) == NOT_ASCII {
            let (is_part, width) = part(i);
            if !is_part {
                i += width;
                continue;
            }
        }
        let start = i;
        let mut h = WordHash::new();
        // Eight bytes at a time where eight are left: the letters and digits at the start of
        // a group are found by their bits together, not one byte after the other (a loop
        // that stops on its own at every word end, about every sixth byte, mostly guessing
        // wrong when).
        while let Some(group) = bytes.get(i..i + 8) {
            let group = u64::from_le_bytes(group.try_into().unwrap_or([0; 8]));
            let run = leading_letters_and_digits(group);
            h.push_group(group, run);
            i += run;
            if run < 8 {
                break;
            }
        }
        if i + 8 > n {
            while i < n && class_at(i) > NOT_ASCII {
                h.push(class_at(i));
                i += 1;
            }
        }
        if i > start && (i == n || class_at(i) == SEPARATOR) {
            f(h.finish(), offset + start..offset + i);
            continue;
        }
        i = start;
        let (mut h, mut started, mut dashes) = (WordHash::new(), false, 0usize);
        // The token while it is ASCII.
        let mut ascii = true;
        while i < n {
            let b = bytes[i];
            if b >= 0x80 {
                ascii = false;
                break;
            }
            let class = ASCII_CLASS[usize::from(b)];
            if class > OTHER_PART {
                // A letter or digit: its class is its lowercase form. Dashes between word
                // characters are kept, the others trimmed.
                for _ in 0..dashes {
                    h.push(b'-');
                }
                dashes = 0;
                h.push(class);
                started = true;
            } else if class == DASH {
                dashes += usize::from(started);
            } else if class == SEPARATOR {
                break;
            }
            i += 1;
        }
        let word = if ascii {
            started.then(|| h.finish())
        } else {
            // The rest of the token, by characters.
            while i < n {
                let (is_part, width) = part(i);
                if !is_part {
                    break;
                }
                i += width;
            }
            hash_normalized(&slice[start..i])
        };
        if let Some(hash) = word {
            f(hash, offset + start..offset + i);
        }
    }
}

/// What an ASCII byte is to a word: a letter or digit (as its lowercase form), a dash, a
/// character that belongs to a word but is dropped from it (`'` and `.`), or a separator.
const ASCII_CLASS: [u8; 128] = {
    let mut table = [SEPARATOR; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else if c == b'-' {
            DASH
        } else if c == b'\'' || c == b'.' {
            OTHER_PART
        } else {
            SEPARATOR
        };
        b += 1;
    }
    table
};
const SEPARATOR: u8 = 0;
const DASH: u8 = 1;
const OTHER_PART: u8 = 2;

/// [`ASCII_CLASS`] for every byte, with `NOT_ASCII` for those of other characters.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = ASCII_CLASS[b];
        b += 1;
    }
    table
};
const NOT_ASCII: u8 = 3;

/// [`hash_str`] of what [`normalize_into`] makes of `raw`, trimmed of dashes, computed
/// on the fly (`None` when nothing is left).
fn hash_normalized(raw: &str) -> Option<u64> {
    let mut h = WordHash::new();
    let mut started = false;
    let mut dashes = 0usize;
    let feed = |h: &mut WordHash, bytes: &[u8]| bytes.iter().for_each(|&b| h.push(b));
    for c in raw.chars() {
        if c == '-' {
            // Kept only between word characters: leading and trailing dashes are trimmed.
            if started {
                dashes += 1;
            }
            continue;
        }
        let lower = if c.is_ascii() {
            if !c.is_ascii_alphanumeric() {
                continue;
            }
            c.to_ascii_lowercase()
        } else if c.is_alphanumeric() {
            c.to_lowercase().next().unwrap_or(c)
        } else {
            continue;
        };
        for _ in 0..dashes {
            feed(&mut h, b"-");
        }
        dashes = 0;
        let mut utf8 = [0u8; 4];
        feed(&mut h, lower.encode_utf8(&mut utf8).as_bytes());
        started = true;
    }
    started.then(|| h.finish())
}

/// The hash of a normalized word, taken from its bytes eight at a time: each group of eight
/// (little-endian; the last one filled up with zeros, which no normalized word holds) is
/// xored in and multiplied. Stable within a run, which is all it is used for; a word of up
/// to eight bytes, most words, never shares its hash with another.
#[derive(Clone, Copy)]
struct WordHash {
    hash: u64,
    /// The bytes of the group not yet taken in, and how many there are.
    group: u64,
    filled: u32,
}

impl WordHash {
    const START: u64 = 0xcbf2_9ce4_8422_2325;
    const FACTOR: u64 = 0x9e37_79b9_7f4a_7c15;

    fn new() -> WordHash {
        WordHash {
            hash: WordHash::START,
            group: 0,
            filled: 0,
        }
    }

    fn push(&mut self, byte: u8) {
        self.group |= u64::from(byte) << (8 * self.filled);
        self.filled += 1;
        if self.filled == 8 {
            self.take_group();
        }
    }

    /// Pushes the first `run` bytes of `group` (eight bytes of the text, little-endian),
    /// ASCII letters and digits, as their lowercase forms: a whole group at once when the
    /// word's bytes so far are a whole number of groups, as they are wherever this is used.
    fn push_group(&mut self, group: u64, run: usize) {
        // Lowercase: a letter's sixth bit set; a digit has it already.
        let lower = group | splat(0x20);
        if self.filled == 0 {
            if run >= 8 {
                self.group = lower;
                self.take_group();
            } else {
                self.group = lower & ((1u64 << (8 * run)) - 1);
                self.filled = run as u32;
            }
        } else {
            for b in lower.to_le_bytes().into_iter().take(run) {
                self.push(b);
            }
        }
    }

    fn take_group(&mut self) {
        self.hash = (self.hash ^ self.group).wrapping_mul(WordHash::FACTOR);
        self.group = 0;
        self.filled = 0;
    }

    fn finish(mut self) -> u64 {
        if self.filled > 0 {
            self.take_group();
        }
        self.hash
    }
}

/// `byte` in each of the eight bytes of a word.
const fn splat(byte: u8) -> u64 {
    byte as u64 * 0x0101_0101_0101_0101
}

/// How many of the eight bytes of `group` (little-endian: the first byte of the text is the
/// lowest) are, from the first on, ASCII letters and digits.
fn leading_letters_and_digits(group: u64) -> usize {
    const HIGH: u64 = splat(0x80);
    // Each byte's low seven bits: adding to them carries into the byte's high bit only.
    let low = group & !HIGH;
    // The high bit of each byte of `y` (high bits clear) from `from` to `to`.
    let within = |y: u64, from: u8, to: u8| {
        y.wrapping_add(splat(0x80 - from)) & !y.wrapping_add(splat(0x7f - to)) & HIGH
    };
    let ascii = !group & HIGH;
    let digit = within(low, b'0', b'9');
    let letter = within(low | splat(0x20), b'a', b'z');
    let other = !(digit | letter) & HIGH | !ascii & HIGH;
    (other.trailing_zeros() / 8) as usize
}

/// Hashers for maps keyed by word hashes: the key, already a hash, is only mixed (hashing it
/// again with the default hasher cost more than the rest of a lookup).
#[derive(Clone, Copy, Default)]
pub struct WordHashKeys;

impl std::hash::BuildHasher for WordHashKeys {
    type Hasher = WordHashKey;
    fn build_hasher(&self) -> WordHashKey {
        WordHashKey(0)
    }
}

pub struct WordHashKey(u64);

const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

impl std::hash::Hasher for WordHashKey {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Not used for u64 keys; correct for any other.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }

    fn write_u64(&mut self, n: u64) {
        // Spreads the bits of the key over the whole hash (table slots use the low bits).
        let n = self.0 ^ n;
        self.0 = (n ^ (n >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    }
}

/// The hash of a normalized word (see [`WordHash`]).
pub fn hash_str(s: &str) -> u64 {
    let mut h = WordHash::new();
    s.bytes().for_each(|b| h.push(b));
    h.finish()
}

fn normalize_into(raw: &str, buf: &mut String) {
    buf.clear();
    for c in raw.chars() {
        match c {
            // Apostrophes are typography (and often lost in exports): "there's" = "theres".
            '’' | '‘' | '`' | '\'' => {}
            c if c.is_alphanumeric() => buf.extend(c.to_lowercase().take(1)),
            '-' => buf.push('-'),
            _ => {}
        }
    }
}

/// Calls `f(span, raw)` for each run of word characters in `text[range]`.
fn for_each_token(text: &str, range: Range<usize>, mut f: impl FnMut(Range<usize>, &str)) {
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (part, width) = if b < 0x80 {
            (
                b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'-' | b'.'),
                1,
            )
        } else {
            let c = slice[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric() || matches!(c, '’' | '‘'), c.len_utf8())
        };
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                f(range.start + s..range.start + i, &slice[s..i]);
                start = None;
            }
            _ => {}
        }
        i += width;
    }
    if let Some(s) = start {
        f(range.start + s..range.end, &slice[s..]);
    }
}

/// Lines of `text` from `from`, as byte ranges without their line ending.
pub fn lines(text: &str, from: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    // Line ends found with a vectorized search: this runs over every article.
    let mut ends = memchr::memchr2_iter(b'\n', b'\r', bytes.get(from..).unwrap_or_default());
    let mut start = from;
    std::iter::from_fn(move || {
        for at in ends.by_ref() {
            let i = from + at;
            if i < start {
                // The "\n" of a "\r\n" already taken.
                continue;
            }
            let line = start..i;
            start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            return Some(line);
        }
        // The last line, when it has no line end.
        (start < text.len()).then(|| {
            let line = start..text.len();
            start = text.len();
            line
        })
    })
}

/// `range` without leading and trailing whitespace.
pub fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    // Most lines start and end with a visible ASCII character: nothing to trim.
    if let (Some(first), Some(last)) = (s.bytes().next(), s.bytes().next_back())
        && first.is_ascii_graphic()
        && last.is_ascii_graphic()
    {
        return range;
    }
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    range.start + lead..(range.end - trail).max(range.start + lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_at_every_kind_of_line_end() {
        let text = "a\nbb\r\nccc\rd\n\r\n\n\re";
        let got: Vec<&str> = lines(text, 0).map(|r| &text[r]).collect();
        assert_eq!(got, ["a", "bb", "ccc", "d", "", "", "", "e"]);
        let got: Vec<&str> = lines(text, 2).map(|r| &text[r]).collect();
        assert_eq!(got, ["bb", "ccc", "d", "", "", "", "e"]);
        assert!(lines("ends\n", 0).count() == 1 && lines("x", 5).next().is_none());
    }

    #[test]
    fn quotations_curly_straight_and_apostrophes() {
        let t = "He said “it’s fine” and \"ok then\" but don’t ‘worry’ now.";
        let spans = quotation_spans(t, 0..t.len());
        let got: Vec<&str> = spans.iter().map(|s| &t[s.clone()]).collect();
        assert_eq!(got, vec!["it’s fine", "ok then", "worry"]);
    }

    #[test]
    fn a_quotation_that_goes_on_into_the_next_paragraph_leaves_the_marks_after_it_paired() {
        // One paragraph a line, the first with no closing mark as it goes on in the next.
        let t = "\"This is unusual. We risk our money big time.\n\
                 \"It would put a red flag on it.\"\n\
                 \"That's a big bite,\" Taylor said.\n\
                 Willson noted Placer could afford it.\n\
                 He said \"it's worth more\" after that.";
        let spans = quotation_spans(t, 0..t.len());
        let got: Vec<&str> = spans.iter().map(|s| &t[s.clone()]).collect();
        assert_eq!(
            got,
            [
                "This is unusual. We risk our money big time.",
                "It would put a red flag on it.",
                "That's a big bite,",
                "it's worth more"
            ]
        );
        // Wrapped at a fixed width, a quotation goes on over its line breaks; a line that
        // starts with the closing mark closes it.
        let t = "He said \"we will\n  look at it\nagain\" on Monday, and \"we\n\" left.";
        let spans = quotation_spans(t, 0..t.len());
        let got: Vec<&str> = spans.iter().map(|s| &t[s.clone()]).collect();
        assert_eq!(got, ["we will\n  look at it\nagain", "we\n"]);
    }

    /// The quotations found by looking at every byte (how `quotation_spans` once read).
    fn quotations_byte_by_byte(body: &str) -> Vec<Range<usize>> {
        let (bytes, mut spans, mut open) = (body.as_bytes(), Vec::new(), None);
        let mut i = 0;
        while i < bytes.len() {
            let c = body[i..].chars().next().unwrap();
            match open {
                None if OPEN.contains(&c) || (c == '‘' && opens_single(body, i)) => {
                    open = Some((i + c.len_utf8(), c));
                }
                None => {}
                Some((start, opener)) => {
                    let closes = match opener {
                        '‘' => c == '’' && closes_single(body, i + c.len_utf8()),
                        '"' => c == '"',
                        _ => CLOSE.contains(&c),
                    };
                    let paragraph_end = c == '\n'
                        && (matches!(bytes.get(i + 1), Some(b'\n' | b'\r'))
                            || reopens(body, i + 1));
                    if closes || paragraph_end {
                        spans.push(start..i);
                        open = None;
                    }
                }
            }
            i += c.len_utf8();
        }
        if let Some((start, _)) = open {
            spans.push(start..body.len());
        }
        spans
    }

    proptest::proptest! {
        #[test]
        fn skipping_to_the_bytes_that_matter_finds_the_same_quotations(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", " ", "word", "\n", "\n\n", "\r", "\"", "“", "”", "‘", "’", "«", "»",
                    "é", "—", "\u{a0}", "(", "it’s", "don't",
                ]),
                0..60,
            )
        ) {
            let body: String = parts.concat();
            proptest::prop_assert_eq!(
                quotation_spans(&body, 0..body.len()),
                quotations_byte_by_byte(&body)
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn word_hashes_hash_each_token_as_a_word(text in "[aZz09 .,'’‘é—”“\n%-]{0,30}") {
            let mut want = Vec::new();
            for_each_token(&text, 0..text.len(), |_, raw| want.extend(hash_normalized(raw)));
            proptest::prop_assert_eq!(word_hashes(&text, 0..text.len()), want);
        }
    }

    #[test]
    fn the_ascii_classes_are_those_of_the_tokens_and_the_words() {
        for b in 0..128u8 {
            let class = ASCII_CLASS[usize::from(b)];
            let part = b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'-' | b'.');
            assert_eq!(class != SEPARATOR, part, "byte {b}");
            if b.is_ascii_alphanumeric() {
                assert_eq!(class, b.to_ascii_lowercase(), "byte {b}");
            }
        }
    }

    #[test]
    fn word_hashes_are_the_hashes_of_the_words() {
        let t = "-Ça va- l’été, U.S. co-op --- 3.5% “Ünïcode” naïve-";
        let want: Vec<u64> = words(t, 0..t.len())
            .iter()
            .map(|w| hash_str(&w.norm))
            .collect();
        assert_eq!(word_hashes(t, 0..t.len()), want);
        assert_eq!(want.len(), 8);
    }

    proptest::proptest! {
        /// Long words and runs of them, across the groups of eight bytes the hashing reads.
        #[test]
        fn long_words_hash_as_their_normalized_forms(
            text in "([A-Za-z0-9]{0,19}[ .,'’é—”“\n%-]{0,2}){0,6}",
            skip in 0..12usize,
        ) {
            let (hashed, want) = hashed_and_words_hashed(&text, skip);
            proptest::prop_assert_eq!(hashed, want);
        }

        #[test]
        fn letters_and_digits_are_told_in_a_group_as_one_by_one(group: [u8; 8]) {
            let one_by_one = group.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            proptest::prop_assert_eq!(
                leading_letters_and_digits(u64::from_le_bytes(group)),
                one_by_one
            );
        }

        #[test]
        fn hashed_words_are_the_words_hashed(text in "[aZz09 .,'’‘é—”“\n%-]{0,30}", skip in 0..4usize) {
            let (hashed, want) = hashed_and_words_hashed(&text, skip);
            proptest::prop_assert_eq!(hashed, want);
        }
    }

    /// From the `skip`th character of `text` on: its hashed words, and its words each hashed
    /// from its normalized form.
    fn hashed_and_words_hashed(text: &str, skip: usize) -> (Vec<HashedWord>, Vec<HashedWord>) {
        let from = text.char_indices().nth(skip).map_or(text.len(), |(i, _)| i);
        let want = words(text, from..text.len())
            .into_iter()
            .map(|w| HashedWord {
                hash: hash_str(&w.norm),
                span: w.span,
            })
            .collect();
        (hashed_words(text, from..text.len()), want)
    }

    #[test]
    fn a_group_pushed_after_some_bytes_hashes_as_its_bytes_one_by_one() {
        // The scan pushes groups only at a word's start or after whole groups; any other
        // place must still give the hash of the bytes in order.
        let group = u64::from_le_bytes(*b"ABCDEFGH");
        for before in 0..10 {
            for run in 0..=8 {
                let mut whole = WordHash::new();
                let mut one_by_one = WordHash::new();
                for _ in 0..before {
                    whole.push(b'x');
                    one_by_one.push(b'x');
                }
                whole.push_group(group, run);
                b"abcdefgh"[..run].iter().for_each(|&b| one_by_one.push(b));
                assert_eq!(whole.finish(), one_by_one.finish(), "{before} {run}");
            }
        }
    }

    #[test]
    fn words_of_up_to_eight_bytes_have_hashes_of_their_own() {
        let words = [
            "a", "b", "ab", "ba", "abcdefgh", "abcdefg", "bcdefgha", "0", "00", "a0",
        ];
        let mut hashes: Vec<u64> = words.iter().map(|w| hash_str(w)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), words.len());
        // Case does not count, in a group read whole or byte by byte.
        assert_eq!(
            hash_str("organization"),
            word_hashes("ORGANIZATION", 0..12)[0]
        );
    }

    #[test]
    fn words_ignore_typography() {
        let a = words("It’s a detail, U.S.", 0..21);
        let b = words("it's a DETAIL U.S.", 0..18);
        let na: Vec<&str> = a.iter().map(|w| w.norm.as_str()).collect();
        let nb: Vec<&str> = b.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(na, nb);
        assert_eq!(na, vec!["its", "a", "detail", "us"]);
    }

    proptest::proptest! {
        /// What `inside` is given: the quotations of any text come in order and do not
        /// overlap (else a use inside a quotation could be reported as one outside it).
        #[test]
        fn quotations_come_in_order_and_apart(
            text in "[a \n\"“”‘’«»]{0,60}",
            from in 0usize..8,
        ) {
            let from = (0..=from.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let spans = quotation_spans(&text, from..text.len());
            for s in &spans {
                proptest::prop_assert!(from <= s.start && s.start <= s.end && s.end <= text.len());
            }
            for pair in spans.windows(2) {
                proptest::prop_assert!(pair[0].end <= pair[1].start, "{:?}", spans);
            }
        }

        /// Found by halving, a place is inside the spans when one of them holds it.
        #[test]
        fn inside_finds_what_a_look_at_every_span_finds(
            gaps in proptest::collection::vec((0usize..4, 0usize..4), 0..12),
        ) {
            // Spans in order, none overlapping, some empty, some touching.
            let mut spans = Vec::new();
            let mut at = 0;
            for (gap, len) in gaps {
                spans.push(at + gap..at + gap + len);
                at += gap + len;
            }
            for place in 0..at + 3 {
                let any = spans.iter().any(|s| s.start <= place && place < s.end);
                proptest::prop_assert_eq!(inside(&spans, place), any);
            }
        }
    }
}
