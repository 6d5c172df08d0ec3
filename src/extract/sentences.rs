//! Where sentences end, for the two rules that depend on it: a pattern matches within one
//! sentence (unless its fact says otherwise), and a value is read in the light of its
//! sentence (tense, "from … to …").

use std::ops::Range;

/// The sentence containing `span`: from after the previous sentence end (". " followed by an
/// uppercase letter or a quote, or a blank line) to the next one. Abbreviations such as
/// "U.S." or "Aug." are not sentence ends because a lowercase word or digit follows them
/// often enough; when in doubt the sentence is longer, which only widens the tense window.
pub fn sentence_around(text: &str, span: Range<usize>, floor: usize) -> Range<usize> {
    scan_around(text, span, floor).0
}

/// `sentence_around`, and whether the sentence is bounded on both sides by what would bound
/// it from anywhere inside it (sentence ends, the ends of the text): then it is the answer
/// for every place in it. A sentence cut short by `MAX_REACH` or `floor` is not.
fn scan_around(text: &str, span: Range<usize>, floor: usize) -> (Range<usize>, bool) {
    let bytes = text.as_bytes();
    let lower = span.start.saturating_sub(MAX_REACH).max(floor);
    let start = last_break(bytes, lower..span.start).map_or(lower, |i| i + 1);
    let upper = (span.end + MAX_REACH).min(text.len());
    let end = first_break(bytes, span.end..upper).map_or(upper, |j| j + 1);
    // Shorter than the reach, the sentence was not cut short by it (from here or from any
    // place inside it); a floor above zero may have cut it.
    let whole = floor == 0 && end - start < MAX_REACH;
    (trim(text, span, start..end), whole)
}

/// The last sentence end in `range` of `bytes`.
fn last_break(bytes: &[u8], range: Range<usize>) -> Option<usize> {
    let mut end = range.end;
    while let Some(i) = last_may_end(&bytes[range.start..end]) {
        let at = range.start + i;
        if is_sentence_break(bytes, at) {
            return Some(at);
        }
        end = at;
    }
    None
}

/// The first sentence end in `range` of `bytes`.
fn first_break(bytes: &[u8], range: Range<usize>) -> Option<usize> {
    let mut at = range.start;
    while let Some(i) = first_may_end(&bytes[at..range.end]) {
        if is_sentence_break(bytes, at + i) {
            return Some(at + i);
        }
        at += i + 1;
    }
    None
}

/// The first byte of `hay` that may end a sentence, eight bytes at a time.
fn first_may_end(hay: &[u8]) -> Option<usize> {
    let chunks = hay.chunks_exact(8);
    let tail = chunks.remainder();
    for (k, chunk) in chunks.enumerate() {
        if holds_may_end(chunk) {
            return chunk
                .iter()
                .position(|&b| MAY_END[usize::from(b)])
                .map(|i| 8 * k + i);
        }
    }
    let base = hay.len() - tail.len();
    tail.iter()
        .position(|&b| MAY_END[usize::from(b)])
        .map(|i| base + i)
}

/// The last byte of `hay` that may end a sentence, eight bytes at a time.
fn last_may_end(hay: &[u8]) -> Option<usize> {
    let chunks = hay.rchunks_exact(8);
    let head = chunks.remainder();
    for (k, chunk) in chunks.enumerate() {
        if holds_may_end(chunk) {
            let base = hay.len() - 8 * (k + 1);
            return chunk
                .iter()
                .rposition(|&b| MAY_END[usize::from(b)])
                .map(|i| base + i);
        }
    }
    head.iter().rposition(|&b| MAY_END[usize::from(b)])
}

/// True when one of eight bytes may end a sentence: each is compared with the four at once,
/// as a word (a byte equal to one gives a zero byte, which the borrow of a subtraction shows).
fn holds_may_end(eight: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let word = u64::from_ne_bytes(eight.try_into().unwrap_or_default());
    let zero_in = |c: u8| {
        let x = word ^ (ONES * u64::from(c));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    (zero_in(b'.') | zero_in(b'!') | zero_in(b'?') | zero_in(b'\n')) != 0
}

/// The bytes that can end a sentence (see [`is_sentence_break`]). A sentence is looked for
/// about one sentence either way from a place: the scan reads each byte once, for all four,
/// rather than once for the stops and again for the blank lines.
const MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b'\n' as usize] = true;
    table
};

/// How far a sentence reaches on either side of what it is searched around: past this, a
/// "sentence" is a list or a table, and a window of this size is enough. Every sentence
/// found around a place lies within this many bytes of it on either side.
pub const MAX_REACH: usize = 600;

/// From the sentence's start, skips whitespace; keeps both ends on character boundaries.
fn trim(text: &str, span: Range<usize>, sentence: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let (mut start, mut end) = (sentence.start, sentence.end);
    while start < span.start
        && (!text.is_char_boundary(start) || bytes[start].is_ascii_whitespace())
    {
        start += 1;
    }
    while end > span.end && !text.is_char_boundary(end) {
        end -= 1;
    }
    start..end
}

/// Every sentence end of a text, found in one pass: the sentence around each of many places
/// is then two binary searches away.
pub struct SentenceEnds {
    /// Offsets of the bytes that end a sentence, in order.
    ends: Vec<usize>,
}

impl SentenceEnds {
    pub fn new(text: &str) -> SentenceEnds {
        let bytes = text.as_bytes();
        let mut ends: Vec<usize> = memchr::memchr3_iter(b'.', b'!', b'?', bytes)
            .chain(memchr::memchr_iter(b'\n', bytes))
            .filter(|&i| is_sentence_break(bytes, i))
            .collect();
        ends.sort_unstable();
        SentenceEnds { ends }
    }

    /// The same as `sentence_around(text, at..at, 0)`, for the `text` this was made from.
    pub fn around(&self, text: &str, at: usize) -> Range<usize> {
        let lower = at.saturating_sub(MAX_REACH);
        let first_after = self.ends.partition_point(|&i| i < at);
        let start = match first_after.checked_sub(1).map(|k| self.ends[k]) {
            Some(i) if i >= lower => i + 1,
            _ => lower,
        };
        let upper = (at + MAX_REACH).min(text.len());
        let end = match self.ends.get(first_after) {
            Some(&j) if j < upper => j + 1,
            _ => upper,
        };
        trim(text, at..at, start..end)
    }
}

/// The most sentences a [`SentenceFinder`] keeps from its scans.
const MAX_KNOWN: usize = 1024;

/// The sentences around places of one text: found by scanning around each place while
/// they are few, through an index of every sentence end once they are many.
pub struct SentenceFinder<'t> {
    text: &'t str,
    ends: Option<SentenceEnds>,
    /// Bytes of the sentences found by scanning so far.
    scanned: usize,
    /// Sentences found by scanning that are the answer for every place in them, in order
    /// and disjoint: with hundreds of rules, many patterns ask about the same sentences.
    known: Vec<Range<usize>>,
}

impl<'t> SentenceFinder<'t> {
    pub fn new(text: &'t str) -> SentenceFinder<'t> {
        SentenceFinder {
            text,
            ends: None,
            scanned: 0,
            // Room for the few sentences most articles ask about.
            known: Vec::with_capacity(8),
        }
    }

    /// The same as `sentence_around(text, at..at, 0)`.
    pub fn around(&mut self, at: usize) -> Range<usize> {
        // A scan reads about one sentence; the index reads the whole text and checks every
        // period and line break in it. Built only once the sentences scanned add up to the
        // text, the scans before it read about as much as it does (and most articles, with a
        // few places to look at, never need it).
        let next = self.known.partition_point(|s| s.start <= at);
        if let Some(sentence) = next.checked_sub(1).map(|k| &self.known[k])
            && at < sentence.end
        {
            return sentence.clone();
        }
        if self.ends.is_none() && self.scanned < self.text.len() {
            let (sentence, whole) = scan_around(self.text, at..at, 0);
            self.scanned += sentence.len().max(1);
            // Trimming moved the start past leading spaces only up to `at`: when it stopped
            // on one (at a space), places after it would be trimmed further.
            let settled = self.text.is_char_boundary(sentence.start)
                && (self.text.as_bytes())
                    .get(sentence.start)
                    .is_some_and(|b| !b.is_ascii_whitespace());
            // Kept in order by inserting, whose cost grows with the list: in a long file
            // (a day of the wire in one) the list stops growing, and the scans' bytes soon
            // add up to the index.
            if whole && settled && !sentence.is_empty() && self.known.len() < MAX_KNOWN {
                self.known.insert(next, sentence.clone());
            }
            return sentence;
        }
        self.ends
            .get_or_insert_with(|| SentenceEnds::new(self.text))
            .around(self.text, at)
    }
}

/// True when a sentence ends strictly inside `range` of `text`.
pub fn crosses_sentence(text: &str, range: Range<usize>) -> bool {
    let bytes = text.as_bytes();
    let end = range.end.saturating_sub(1);
    (range.start..end).any(|i| is_sentence_break(bytes, i))
}

/// The most spaces and line breaks read between a sentence's end and the next word.
const MAX_GAP: usize = 16;

fn is_sentence_break(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' => bytes.get(i + 1) == Some(&b'\n') || bytes.get(i + 1) == Some(&b'\r'),
        b'.' | b'!' | b'?' => {
            // The next word comes after a space or a line break, and maybe more of them: wire
            // copy indents its paragraphs ("available.\n    On Friday, …").
            let rest = bytes.get(i + 1..).unwrap_or_default();
            let gap = rest
                .iter()
                .take(MAX_GAP)
                .take_while(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t'))
                .count();
            gap > 0
                && rest
                    .get(gap)
                    .is_some_and(|&c| c.is_ascii_uppercase() || c == b'"' || c >= 0x80)
                && !is_abbreviation(bytes, i)
        }
        _ => false,
    }
}

/// "U.S. President", "Mr. Carney", "Sept. 3": a capital after these is not a new sentence.
fn is_abbreviation(bytes: &[u8], dot: usize) -> bool {
    let mut k = dot;
    while k > 0 && dot - k <= 4 && bytes[k - 1].is_ascii_alphabetic() {
        k -= 1;
    }
    let word = &bytes[k..dot];
    // No abbreviation below is longer than four letters.
    if word.len() > 4 {
        return false;
    }
    if word.len() == 1 && word[0].is_ascii_uppercase() {
        return true; // U.S. / D.C. / initials
    }
    // "10 a.m. Tuesday", "3 p.m. EDT Monday": a time of day before its weekday (before
    // anything else, "a.m." may well end a sentence).
    if word == b"m" && k >= 2 && bytes[k - 1] == b'.' && matches!(bytes[k - 2], b'a' | b'p') {
        let mut next = bytes.get(dot + 2..).unwrap_or_default();
        // A time zone between ("EDT"): capitals, then a space.
        let zone = next.iter().take_while(|b| b.is_ascii_uppercase()).count();
        if (2..=4).contains(&zone) && next.get(zone) == Some(&b' ') {
            next = &next[zone + 1..];
        }
        return [
            &b"Monday"[..],
            b"Tuesday",
            b"Wednesday",
            b"Thursday",
            b"Friday",
            b"Saturday",
            b"Sunday",
        ]
        .iter()
        .any(|day| next.starts_with(day));
    }
    // Matched as one pattern (by length, then bytes) rather than a list: this runs for every
    // period followed by a capital.
    matches!(
        word,
        b"Mr"
            | b"Mrs"
            | b"Ms"
            | b"Dr"
            | b"St"
            | b"Jan"
            | b"Feb"
            | b"Mar"
            | b"Apr"
            | b"Aug"
            | b"Sept"
            | b"Sep"
            | b"Oct"
            | b"Nov"
            | b"Dec"
            | b"Gov"
            | b"Sen"
            | b"Rep"
            | b"Gen"
            | b"Lt"
            | b"Col"
            | b"No"
            | b"Jr"
            | b"Sr"
            | b"Inc"
            | b"Corp"
            | b"Ltd"
            | b"Co"
            | b"vs"
            | b"Prof"
            | b"Hon"
            | b"Ave"
            | b"Mt"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_across_a_sentence_end_is_not_a_claim() {
        let text = "He spoke with Trump. Later, on Monday, he left.";
        assert!(crosses_sentence(text, 3..38));
        assert!(!crosses_sentence(text, 21..38));
        assert!(!crosses_sentence("U.S. President Trump", 0..20));
    }

    #[test]
    fn a_time_of_day_before_its_weekday_ends_no_sentence() {
        let text = "The vote is at 10 a.m. Tuesday. It starts at 9 p.m. The count follows \
                    at 3 p.m. EDT Monday.";
        let at = text.find("10").unwrap();
        assert!(!crosses_sentence(text, at..at + 15));
        let at = text.find("3 p.m.").unwrap();
        assert!(!crosses_sentence(text, at..at + 17));
        let at = text.find("9 p.m.").unwrap();
        assert!(crosses_sentence(text, at..at + 10));
    }

    #[test]
    fn sentence_stops_at_sentence_ends_but_not_abbreviations() {
        let text = "First one. U.S. President Trump met Mr. Carney on Monday. Next.";
        let at = text.find("Monday").unwrap();
        let s = sentence_around(text, at..at + 6, 0);
        assert_eq!(&text[s], "U.S. President Trump met Mr. Carney on Monday.");
    }

    #[test]
    fn a_sentence_ends_before_an_indented_paragraph_or_a_windows_line_end() {
        // Wire copy indents its paragraphs; a file may end its lines with CR LF.
        let text = "Drugs are available.\n    On Friday, the agency approved it.";
        let at = text.find("Friday").unwrap();
        assert_eq!(
            &text[sentence_around(text, at..at, 0)],
            "On Friday, the agency approved it."
        );
        let text = "Drugs are available.\r\nOn Friday, it was approved.";
        let at = text.find("Friday").unwrap();
        assert_eq!(
            &text[sentence_around(text, at..at, 0)],
            "On Friday, it was approved."
        );
        // Not before a small letter, however far.
        let text = "It cost 5 p.\n    per share.";
        assert!(!crosses_sentence(text, 0..text.len()));
    }

    #[test]
    fn the_index_of_sentence_ends_finds_the_same_sentences() {
        let text = format!(
            "First one. U.S. President Trump met Mr. Carney on Monday! Why? Because.\n\nA list: {}\nEnd. été. Done",
            "item, ".repeat(150)
        );
        let ends = SentenceEnds::new(&text);
        // The finder scans first and builds the index part of the way through.
        let mut finder = SentenceFinder::new(&text);
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let scanned = sentence_around(&text, at..at, 0);
            assert_eq!(ends.around(&text, at), scanned, "at {at}");
            assert_eq!(finder.around(at), scanned, "finder at {at}");
        }
        assert!(finder.ends.is_some(), "the index was built");
        let mut few = SentenceFinder::new(&text);
        few.around(3);
        assert!(few.ends.is_none(), "one place is scanned around");
    }

    proptest::proptest! {
        /// The scan reads from a place to the nearest sentence ends either way; the index
        /// finds every end of the text on its own. Texts of the bytes that can end a
        /// sentence, and of what decides whether they do.
        #[test]
        fn a_scan_from_any_place_finds_the_sentence_the_index_finds(
            text in "[.!?\n\r aAm1é\"]{0,80}"
        ) {
            let ends = SentenceEnds::new(&text);
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                proptest::prop_assert_eq!(
                    sentence_around(&text, at..at, 0),
                    ends.around(&text, at),
                    "at {}", at
                );
            }
        }
    }

    #[test]
    fn sentences_found_before_answer_for_any_place_in_them() {
        // Places asked in a scattered order, as patterns ask them: each answer must be what
        // a scan from that place finds, whether it comes from a sentence found before, a
        // scan, or the index. Runs of spaces, a sentence longer than the reach, text beyond
        // ASCII and a text ending without a stop are where a remembered sentence could be
        // wrong.
        let text = format!(
            "Lead one.   Mr. Carney   met  U.S. officials!  Why?\n\n  Après «été». Ok. {}. Then\n\n{} tail",
            "word ".repeat(130),
            "x".repeat(700)
        );
        let places: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut order = places.clone();
        // A fixed shuffle: stride through the places.
        order.sort_by_key(|&i| (i * 7919) % 1013);
        let mut finder = SentenceFinder::new(&text);
        for &at in &order {
            assert_eq!(
                finder.around(at),
                sentence_around(&text, at..at, 0),
                "at {at}"
            );
        }
        // What the prefilter counts on: a sentence lies within the reach of every place in it.
        for &at in &places {
            let s = sentence_around(&text, at..at, 0);
            assert!(
                s.start + MAX_REACH >= at && s.end <= at + MAX_REACH,
                "at {at}: {s:?}"
            );
        }
        assert!(!finder.known.is_empty(), "sentences were remembered");
        assert!(
            finder.known.windows(2).all(|w| w[0].end <= w[1].start),
            "remembered sentences are in order and disjoint"
        );
    }

    #[test]
    fn a_long_text_remembers_a_bounded_number_of_sentences() {
        // A day of the wire in one file: more sentences asked about than are remembered,
        // and the answers are still those of a scan, before the index and after it.
        let text = (0..3 * MAX_KNOWN)
            .map(|i| format!("Sentence {i} says little. "))
            .collect::<String>();
        let starts: Vec<usize> = text.match_indices("Sentence").map(|(i, _)| i).collect();
        let mut order: Vec<usize> = (0..starts.len()).collect();
        order.sort_by_key(|&i| (i * 7919) % 3067);
        let mut finder = SentenceFinder::new(&text);
        for &i in order.iter().chain(&order) {
            let at = starts[i] + 3;
            assert_eq!(
                finder.around(at),
                sentence_around(&text, at..at, 0),
                "at {at}"
            );
            assert!(finder.known.len() <= MAX_KNOWN);
        }
        assert_eq!(finder.known.len(), MAX_KNOWN);
        assert!(finder.ends.is_some(), "the scans added up to the index");
    }
}
