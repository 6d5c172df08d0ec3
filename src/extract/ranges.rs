//! Percentages that are one end of a range written in words ("10 to 15 percent", "2.5% to
//! 3%", "between 3% and 3.5%"). No single value stands for such a range, as none does for
//! "2-3%" (see `inside_a_number`): a claim of one end would make a false finding against a
//! value inside the range.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// How far around a value the other end of its range is looked for.
const REACH: usize = 48;

/// The other end before the value: "10 to ", "2.5 percent to ", "between 3% and ", with the
/// word before it ("from", "between") when there is one. The number starts after a space or
/// a bracket: "1/4 to 14 pct" has no "4" for an end.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(from|between))?[\s(](\d+(?:\.\d+)?)\s*(?:%|pct\b|percent\b|per[\s-]cent\b)?\s+(to|and)\s*$",
    )
    .expect("a valid regex")
});

/// The other end after the value: " to 15%", " and 3.5 percent".
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(to|and)\s+(\d+(?:\.\d+)?)\s*(?:%|pct\b|percent\b|per[\s-]cent\b)")
        .expect("a valid regex")
});

/// "between" right before the value.
static LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(between)\s+$").expect("a valid regex"));

/// Whether the percentage `value` at `span` of `text` (written with no qualifier) is one end
/// of a range in words. "X to Y" is a range when X is below Y and Y at most ten times X, and
/// no "from" comes before them: "rose from 45 to 15 percent", "from less than 10 percent to
/// as much as 40 percent", "rose 0.6 pct to 53.6 pct" and "by 1/4 to 14 pct" are changes,
/// each end a value of its own. "X and Y" is a range after "between".
pub fn end_of_a_range_in_words(text: &str, span: &Range<usize>, value: f64) -> bool {
    let before = tail(text, span.start);
    let after = head(text, span.end);
    if let Some(c) = BEFORE.captures(before) {
        let word = c.get(1).map(|w| w.as_str().to_ascii_lowercase());
        let other: f64 = c[2].parse().unwrap_or(f64::NAN);
        let range = match c[3].to_ascii_lowercase().as_str() {
            "and" => word.as_deref() == Some("between"),
            _ => !has_from(&before[..c.get(2).map_or(0, |n| n.start())]) && in_order(other, value),
        };
        if range {
            return true;
        }
    }
    if let Some(c) = AFTER.captures(after) {
        let other: f64 = c[2].parse().unwrap_or(f64::NAN);
        let lead = LEAD.captures(before).map(|c| c[1].to_ascii_lowercase());
        return match c[1].to_ascii_lowercase().as_str() {
            "and" => lead.as_deref() == Some("between"),
            _ => !has_from(before) && in_order(value, other),
        };
    }
    false
}

/// Whether "from" is among the words of `text` ("from less than 10 percent to as much as
/// 40 percent" is a change).
fn has_from(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.eq_ignore_ascii_case("from"))
}

/// Two ends of one range: the first below the second, of one order of magnitude.
fn in_order(low: f64, high: f64) -> bool {
    low < high && high <= 10.0 * low
}

/// Up to `REACH` bytes of `text` before `at`, from a character boundary.
fn tail(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(REACH);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

/// Up to `REACH` bytes of `text` after `at`, to a character boundary.
fn head(text: &str, at: usize) -> &str {
    let mut end = (at + REACH).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the percentage written `[[so]]` in `sentence` is an end of a range.
    fn end(sentence: &str) -> bool {
        let start = sentence.find("[[").unwrap();
        let text = sentence.replace("[[", "").replace("]]", "");
        let end = sentence.find("]]").unwrap() - 2;
        let number: String = text[start..end]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        end_of_a_range_in_words(&text, &(start..end), number.parse().unwrap())
    }

    #[test]
    fn ends_of_ranges_in_words() {
        for sentence in [
            "Discounts of 10 to [[15 percent]] apply.",
            "Growth of [[2.5 percent]] to 3 percent is seen.",
            "Growth of 2.5 percent to [[3 percent]] is seen.",
            "Growth at between [[3%]] and 3.5% next year.",
            "Growth at between 3% and [[3.5%]] next year.",
            "Rents rise by 15 percent to[[20 percent]].",
            "Discounts of 20 to [[90 percent]].",
        ] {
            assert!(end(sentence), "{sentence}");
        }
    }

    #[test]
    fn changes_and_lists_are_values_of_their_own() {
        for sentence in [
            // Changes: after "from", or too far apart for one range, or going down.
            "The stake fell from 45 percent to [[15 percent]].",
            "The stake fell from [[45 percent]] to 15 percent.",
            "Turnout rose [[0.6 pct]] to 53.6 pct.",
            "Turnout rose 0.6 pct to [[53.6 pct]].",
            "It was cut by 39% to [[34%]].",
            "Rates rose by 1/4 to [[14 pct]].",
            "Its share went from less than 10 percent to [[40 percent]].",
            "Its share went from [[10 percent]] to 40 percent.",
            // Two values, not a range.
            "Unemployment was [[5%]] and 6% in the two regions.",
            "Unemployment was 5% and [[6%]] in the two regions.",
            // Numbers that are not ends.
            "Rates rose to [[7 percent]] in 2024.",
            "In 2010 to 2012, [[7 percent]] more came.",
        ] {
            assert!(!end(sentence), "{sentence}");
        }
    }
}
