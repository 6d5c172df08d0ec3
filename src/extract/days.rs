//! The day of a date is no number: "March 30", "30 March", "June 8th". The date grammar
//! reads the date whole; a `number` or `count` claim of its day ("LONDON, March 30 -", a
//! wire dateline) would be a claim of nothing that a fact of numbers could still match.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::ranges::{head, tail};
use crate::values::MONTH_NAMES;

/// A month's name right before the day: "March ", "Sept. ".
static MONTH_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:{MONTH_NAMES})\s+$")).expect("a valid regex"));

/// A month's name right after the day: " March", " of March". Not a percentage: "in March
/// 12 pct more" is no day.
static MONTH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s+(?:of\s+)?(?:{MONTH_NAMES})")).expect("a valid regex")
});

/// Whether the number or count at `span` (of the match `whole`) is the day of a date. Only
/// an edge of the value that is also an edge of the match is looked at: a month a pattern
/// puts beside `{value}` is the pattern's.
pub fn day_of_a_date(text: &str, span: &Range<usize>, whole: &Range<usize>) -> bool {
    let Some(value) = text.get(span.clone()) else {
        return false;
    };
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|end| value.strip_suffix(end))
        .unwrap_or(value);
    let a_day = (1..=2).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    if !a_day {
        return false;
    }
    let after = head(text, span.end);
    let a_percentage = {
        let rest = after.trim_start().to_ascii_lowercase();
        ["%", "pct", "percent", "per cent"]
            .iter()
            .any(|mark| rest.starts_with(mark))
    };
    !a_percentage
        && ((span.start == whole.start && MONTH_BEFORE.is_match(tail(text, span.start)))
            || (span.end == whole.end && MONTH_AFTER.is_match(after)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_of_dates_are_found() {
        crate::extract::assert_marked(
            day_of_a_date,
            true,
            &[
                "LONDON, March [[30]] - Shares rose.",
                "It closed on [[30]] March.",
                "It closed on Sept. [[3]], 1987.",
                "It ends on the [[8th]] of June.",
                "It ends June [[8th]].",
            ],
        );
    }

    #[test]
    fn other_numbers_are_no_days() {
        crate::extract::assert_marked(
            day_of_a_date,
            false,
            &[
                "Sales in March [[12]] pct above.",
                "Sales in March rose [[12]] points.",
                "It has [[32]] March dates.",
                "It paid [[30]] marks.",
                "In March [[300]] people came.",
                "Sales in February [[30]]% higher.",
            ],
        );
    }

    #[test]
    fn a_month_the_pattern_holds_is_the_patterns() {
        let text = "March 30";
        assert!(!day_of_a_date(text, &(6..8), &(0..8)));
        let text = "30 March";
        assert!(!day_of_a_date(text, &(0..2), &(0..8)));
    }
}
