//! Four digits that the year grammar finds inside another number: "2125" of "0.2125 pct",
//! "1997" of an index at "1997.5", "1800" of the telephone number "61-2 9373-1800". They
//! are no year at all. Years joined to years stay years, each a value of its own, as in
//! TimeML's annotations of news ("the pandemic of 2009-2010"; see `tests/te3-platinum.tsv`).
//! The first year of "the expedition of 1957-58" and of "fiscal 1986/87" stays a year too
//! (the second, in two digits, is not read).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Whether the year at `span` (of the match `whole`) is a piece of a number. Only an edge
/// of the year that is also an edge of the match is looked at: what a pattern puts beside
/// `{value}` is the pattern's.
pub fn inside_a_number(text: &str, span: &Range<usize>, whole: &Range<usize>) -> bool {
    let Some((before, year, after)) = super::around(text, span) else {
        return false;
    };
    // "Next year" and "three years ago" have no digits to join.
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    (span.start == whole.start && joined_before(before))
        || (span.end == whole.end && joined_after(after))
}

/// "0." of "0.2125"; "9373-" of "9373-1800" and "26.1288/" of a rate quoted "26.1288/1812",
/// digits that are no year joined by a dash or a slash. A day before a slash is a date's
/// ("March 8/1994"), which holds its year whole.
fn joined_before(before: &str) -> bool {
    let Some(joiner) = before.chars().next_back() else {
        return false;
    };
    let digits = &before[..before.len() - joiner.len_utf8()];
    let run = digits.len() - digits.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if run == 0 {
        return false;
    }
    match joiner {
        '.' => true,
        '-' | '–' | '/' => {
            let start = digits.len() - run;
            let decimals = digits[..start].ends_with(['.', ',']);
            (decimals || !is_year(&digits[start..])) && !DAY_AND_SLASH.is_match(before)
        }
        _ => false,
    }
}

/// ".5" of "1997.5"; "-322" of "1800-322-1994": digits joined after the year that make no
/// second year ("-58", "/87", "-6", "-2010") and no month and day of an ISO date ("-07-01").
fn joined_after(after: &str) -> bool {
    let mut chars = after.chars();
    let Some(joiner) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    let run = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match joiner {
        '.' => run > 0,
        '-' | '–' | '/' => run == 3 || run > 4,
        _ => false,
    }
}

/// Four digits that can be a year before another ("1644-1911", "2009-2010"); the year
/// grammar itself takes fewer, from 1800 on.
fn is_year(digits: &str) -> bool {
    digits.len() == 4 && digits.starts_with(['1', '2'])
}

static DAY_AND_SLASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z]\.?\s+\d{1,2}/$").expect("a valid regex"));

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the first `year` of `text` is a piece of a number, the match being the year
    /// alone.
    fn inside(text: &str, year: &str) -> bool {
        let start = text.find(year).expect("the year is in the text");
        let span = start..start + year.len();
        inside_a_number(text, &span, &span)
    }

    #[test]
    fn four_digits_inside_another_number_are_no_year() {
        for (text, year) in [
            ("0.2125 pct per annum", "2125"),
            ("it rose to 1997.5 from", "1997"),
            ("AVERAGE FOR SALE 2014.93 (1994.94)", "1994"),
            ("Sydney Newsroom 61-2 9373-1800", "1800"),
            ("Sydney Newsroom 61-2 373-1800", "1800"),
            ("call 1800-322-1994 now", "1800"),
            ("Rates of 26.1288/1812 were quoted", "1812"),
        ] {
            assert!(inside(text, year), "{year} in {text:?}");
        }
    }

    #[test]
    fn years_joined_to_years_and_dates_are_years() {
        for (text, year) in [
            ("the agreement is reviewed in 2026.", "2026"),
            ("the pandemic of 2009-2010, when", "2009"),
            ("the pandemic of 2009-2010, when", "2010"),
            ("Qing dynasty (1644-1911) temples", "1911"),
            ("the expedition of 1957-58, which", "1957"),
            ("a dividend for 1986/87, a spokesman said", "1986"),
            ("the 2005-6 budget", "2005"),
            ("growth stopping in 1987/1988, one said", "1988"),
            ("in 2026-07-01 filings", "2026"),
            ("Sept. 3, 1987, said", "1987"),
            ("WIG 20,760.3 (March 8/1994)", "1994"),
            ("mid-1997", "1997"),
            ("1987 - a year of change", "1987"),
        ] {
            assert!(!inside(text, year), "{year} in {text:?}");
        }
    }

    #[test]
    fn what_the_pattern_puts_beside_the_year_is_the_patterns() {
        let text = "an index of 1997.5 points";
        let span = 12..16;
        // The match runs on past the year: ".5" is the pattern's.
        assert!(!inside_a_number(text, &span, &(12..18)));
        assert!(inside_a_number(text, &span, &span));
        // "Next year" has no digits to join.
        let text = "next year.5";
        assert!(!inside_a_number(text, &(0..9), &(0..9)));
    }
}
