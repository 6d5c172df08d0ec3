//! Text scanning shared by the built-in checks: quotation spans, words, lines.

use std::ops::Range;

/// Double-quote characters that open and close quotations.
const OPEN: &[char] = &['“', '"', '«'];
const CLOSE: &[char] = &['”', '"', '»'];

/// Spans of quoted text (the inside of “…”, "…", «…», and ‘…’ when it is clearly not an
/// apostrophe), within `range` of `text`. An unclosed quotation runs to the end of its
/// paragraph, as news style allows for multi-paragraph quotes.
pub fn quotation_spans(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let body = &text[range.clone()];
    let mut open: Option<(usize, char)> = None;
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
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
                } else if c == '\n' && iter.peek().is_some_and(|(_, n)| *n == '\n' || *n == '\r') {
                    // Paragraph end: an unclosed quotation stops here.
                    spans.push(start..at);
                    open = None;
                }
            }
        }
    }
    if let Some((start, _)) = open {
        spans.push(start..range.end);
    }
    spans
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

pub fn inside(spans: &[Range<usize>], at: usize) -> bool {
    spans.iter().any(|s| s.start <= at && at < s.end)
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
    let slice = &text[range.clone()];
    let mut start: Option<usize> = None;
    let flush = |out: &mut Vec<Word>, s: usize, e: usize| {
        let raw = &slice[s..e];
        let norm: String = raw
            .chars()
            .filter_map(|c| match c {
                '’' | '‘' | '`' | '\'' => Some('\''),
                c if c.is_alphanumeric() => Some(c.to_lowercase().next().unwrap_or(c)),
                '-' => Some('-'),
                _ => None,
            })
            .collect();
        let norm = norm.trim_matches(|c| c == '\'' || c == '-').to_string();
        if !norm.is_empty() {
            out.push(Word {
                norm,
                span: range.start + s..range.start + e,
            });
        }
    };
    for (i, c) in slice.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.' | '‘');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                flush(&mut out, s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        flush(&mut out, s, slice.len());
    }
    out
}

/// Lines of `text` from `from`, as byte ranges without their line ending.
pub fn lines(text: &str, from: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = from;
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            out.push(start..i);
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// `range` without leading and trailing whitespace.
pub fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    range.start + lead..(range.end - trail).max(range.start + lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_curly_straight_and_apostrophes() {
        let t = "He said “it’s fine” and \"ok then\" but don’t ‘worry’ now.";
        let spans = quotation_spans(t, 0..t.len());
        let got: Vec<&str> = spans.iter().map(|s| &t[s.clone()]).collect();
        assert_eq!(got, vec!["it’s fine", "ok then", "worry"]);
    }

    #[test]
    fn words_ignore_typography() {
        let a = words("It’s a detail, U.S.", 0..21);
        let b = words("it's a DETAIL U.S.", 0..18);
        let na: Vec<&str> = a.iter().map(|w| w.norm.as_str()).collect();
        let nb: Vec<&str> = b.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(na, nb);
        assert_eq!(na, vec!["it's", "a", "detail", "us"]);
    }
}
