//! Months that are one end of a span of months: "January-September", "the October/December
//! quarter", "Apr/May shipment", "between October and December". No single month stands for
//! the span (a month value is one month), and a claim of its first month would contradict
//! a claim of "September" made elsewhere. "From April to June" stays two claims, as "from"
//! does for every kind of value: "the vote moved from April to June" is a change.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::ranges::{head, tail};
use crate::values::MONTH_NAMES;

/// A month's name, and "Jly", which wire copy writes for July.
fn month() -> String {
    format!(r"(?:{MONTH_NAMES}|(?-i:Jly)\b)")
}

/// Another month joined before the value by a dash or a slash: "April-", "Apr/", "Oct - ".
static JOINED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"{}\s?[-–/]\s?$", month())).expect("a valid regex"));

/// Another month joined after the value: "-September", "/May", " - Dec".
static JOINED_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s?[-–/]\s?{}", month())).expect("a valid regex"));

/// "between October and " before the second month (a year may follow the first).
static BETWEEN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\bbetween\s+{}(?:\s+\d{{4}})?\s+and\s+$",
        month()
    ))
    .expect("a valid regex")
});

/// "between " right before the first month, and " and December" after it.
static BETWEEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bbetween\s+$").expect("a valid regex"));
static AND_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s+and\s+{}", month())).expect("a valid regex"));

/// Whether the month at `span` (of the match `whole`) is one end of a span of months. A
/// month joined to another by a dash or a slash is looked at only at an edge of the match,
/// as what a pattern puts beside `{value}` is the pattern's.
pub fn end_of_a_span(text: &str, span: &Range<usize>, whole: &Range<usize>) -> bool {
    // "Last month" and "2025-10" are no month's name.
    let named = text
        .get(span.clone())
        .is_some_and(|month| month.starts_with(|c: char| c.is_ascii_uppercase()));
    if !named {
        return false;
    }
    let (tail, head) = (tail(text, span.start), head(text, span.end));
    (span.start == whole.start && JOINED_BEFORE.is_match(tail))
        || (span.end == whole.end && JOINED_AFTER.is_match(head))
        || BETWEEN_BEFORE.is_match(tail)
        || (BETWEEN.is_match(tail) && AND_AFTER.is_match(head))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the month `month` of `text` is an end of a span, the match being the month
    /// alone.
    fn ends(text: &str, month: &str) -> bool {
        let start = text.find(month).expect("the month is in the text");
        let span = start..start + month.len();
        end_of_a_span(text, &span, &span)
    }

    #[test]
    fn months_joined_to_months_are_no_claim() {
        for (text, month) in [
            ("growth in January-September rose", "January"),
            ("growth in January-September rose", "September"),
            ("GNP growth in October/December, while", "October"),
            ("barley for April/May shipment", "May"),
            ("mid-crop (April-Sept) harvests", "Sept"),
            ("the Jun/Jly spread", "Jun"),
            ("during the August - October period", "August"),
            ("sales between October and December fell", "October"),
            ("sales between October and December fell", "December"),
            ("between April 1988 and June 1993", "June"),
        ] {
            assert!(ends(text, month), "{month} in {text:?}");
        }
    }

    #[test]
    fn months_on_their_own_or_in_a_change_are_claims() {
        for (text, month) in [
            ("The summit is in June.", "June"),
            ("It ran from April to June.", "April"),
            ("It ran from April to June.", "June"),
            ("in April or in May - must be the best", "May"),
            ("ROME, March 3 - Socialist Prime Minister", "March"),
            ("sales in March and April rose", "March"),
            ("between them, April was best", "April"),
        ] {
            assert!(!ends(text, month), "{month} in {text:?}");
        }
        // A name that is no month's.
        let text = "last month-April";
        assert!(!end_of_a_span(text, &(0..10), &(0..10)));
    }

    #[test]
    fn what_the_pattern_puts_beside_the_month_is_the_patterns() {
        let text = "the April/May shipment";
        let span = 4..9;
        assert!(!end_of_a_span(text, &span, &(4..13)));
        assert!(end_of_a_span(text, &span, &span));
    }
}
