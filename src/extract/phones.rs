//! Digits of a telephone number are no number: the line that ends a wire story, "London
//! Newsroom +44 171 542 6784", gave four numbers and four counts, and "Toronto Bureau (416)
//! 941-8100" an area code (the digits joined by a hyphen are already a piece of a number).
//! A fact of numbers could match them, and a claim of one would be a claim of nothing.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::ranges::{head, tail};

/// A telephone number: a country code after "+" (perhaps with the area code, "+7095") and
/// one to five groups of digits apart ("+44 171 542 6784", "+44 (0)20 7542 1234", "+852
/// 2843 6368"), or an area code in brackets and a number of two groups ("(416) 941-8100",
/// "(0171) 542 7717"). Not after a digit or a "+" (a sum, "2+2 3"), but after a letter
/// ("Tel+44 171 542 7706"); not followed by a word character.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9+])(?P<phone>\+\d{1,5}(?:[ -]?\(0\)[ -]?\d{1,8}|[ -]\d{1,8})(?:[ -]\d{1,8}){0,4}|\(\d{2,5}\) ?\d{3,4}[-. ]\d{3,4})(?:$|[^\w])",
    )
    .expect("a valid regex")
});

/// Whether the digits at `span` (of the match `whole`) are a piece of a telephone number
/// that runs past the match: digits a pattern puts beside `{value}` are the pattern's.
pub fn in_a_telephone_number(text: &str, span: &Range<usize>, whole: &Range<usize>) -> bool {
    let Some(value) = text.get(span.clone()) else {
        return false;
    };
    let before = tail(text, span.start);
    // Most numbers have no "+" or "(" just before them: the regex runs only where one is.
    if value.is_empty()
        || !value.bytes().all(|b| b.is_ascii_digit())
        || memchr::memchr2(b'+', b'(', before.as_bytes()).is_none()
    {
        return false;
    }
    let start = span.start - before.len();
    let window = &text[start..span.end + head(text, span.end).len()];
    PHONE.captures_iter(window).any(|c| {
        let Some(phone) = c.name("phone") else {
            return false;
        };
        let found = start + phone.start()..start + phone.end();
        found.start <= span.start
            && span.end <= found.end
            && (found.start < whole.start || whole.end < found.end)
            && (!phone.as_str().starts_with('+') || international_length(phone.as_str()))
    })
}

/// Whether a number written with "+" has as many digits as a telephone number has, eight to
/// fifteen without the "(0)" dialled at home: "+5 10 15" is no telephone number.
fn international_length(phone: &str) -> bool {
    let digits = phone.replace("(0)", "");
    let n = digits.bytes().filter(u8::is_ascii_digit).count();
    (8..=15).contains(&n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_of_telephone_numbers_are_found() {
        crate::extract::assert_marked(
            in_a_telephone_number,
            true,
            &[
                "-- London Newsroom +[[44]] 171 542 6784",
                "-- London Newsroom +44 [[171]] 542 6784",
                "-- London Newsroom +44 171 542 [[6784]]",
                "Call +44 (0)20 7542 [[1234]].",
                "Call +44 (0)[[20]] 7542 1234.",
                "-- Hong Kong newsroom +852 [[2843]] 6368",
                "-- Hong Kong newsroom +852-[[2843]]-6368",
                "((Reuters Toronto Bureau ([[416]]) 941-8100))",
                "Paris bureau (01) 4221 [[5452]]",
                "-- Air Cargo Newsroom Tel+44 171 542 [[7706]] Fax+44 171 542 5017",
                "-- London newsroom +44 171 [[5427717]]",
                "--Moscow Newsroom, +7095 [[941]] 8520 ($1 = 5,597 roubles)",
                "- Abidjan newsroom +225 [[219090]]",
            ],
        );
    }

    #[test]
    fn other_numbers_are_no_telephone_numbers() {
        crate::extract::assert_marked(
            in_a_telephone_number,
            false,
            &[
                "Shares closed +5 10 [[15]] points up.",
                "It rose 2+2 [[3]] 4 5 6 7 8 9 times.",
                "The index gained +[[12.5]] points.",
                "The index gained +[[12]] points to 2,345.",
                "Sales (1986) were [[123]] mln.",
                "Net profit [[141]] mln (up 12 pct).",
                "The bid (about [[500]] mln dlrs) was raised.",
                "The pact (signed in [[1987]]) holds.",
                "Group A (3) [[123]] 4567.",
            ],
        );
    }

    #[test]
    fn digits_the_pattern_holds_are_the_patterns() {
        // `Newsroom \+44 171 542 {value}`: the whole telephone number is in the match.
        let text = "London Newsroom +44 171 542 6784";
        let span = text.find("6784").unwrap()..text.len();
        let whole = text.find("+44").unwrap()..text.len();
        assert!(!in_a_telephone_number(text, &span, &whole));
        assert!(in_a_telephone_number(text, &span, &span));
    }
}
