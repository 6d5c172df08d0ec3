//! A minus sign before a number, a percentage or an amount, which the value grammars leave
//! out (they begin at a digit or a word): "growth of -0.5%", "fell to minus 2.3 percent".
//! Read without it, the value is the opposite of what the text says, and agrees with the
//! "0.5%" it contradicts.

use std::ops::Range;

/// Words after which "minus" is a sign ("fell to minus 2.3 percent", "at minus 400 mln
/// stg"). After a name or a noun it is a subtraction ("RPI minus three percent", "LIBOR
/// minus 6-1/2 pct"), which leaves the number as written.
const BEFORE_A_SIGN: &[&str] = &[
    "to", "at", "of", "from", "and", "or", "was", "were", "is", "are", "be", "been", "by", "than",
    "as", "with", "between", "hit", "reached", "touched", "stood", "showed",
];

/// Where a minus sign right before the value at `span` starts, when `{value}` begins the
/// match `whole` (a sign the pattern writes is the pattern's):
/// - "-" or "−" joined to the digits, after a space, a bracket or the start of the text
///   ("growth of -0.5%", "(-1.5%)"; not "2-3%", "RPI-7.5" or a dash "--5");
/// - the word "minus" at the start of the text, after a bracket or a comma, or after a word
///   of [`BEFORE_A_SIGN`]; not in a margin ("plus or minus 3 points", "plus/minus 7.5
///   percent", "plus and minus 20 pct").
pub fn minus_sign_before(text: &str, span: &Range<usize>, whole: &Range<usize>) -> Option<usize> {
    if span.start != whole.start {
        return None;
    }
    let before = text.get(..span.start)?;
    let value = text.get(span.clone())?;
    if let Some(rest) = before.strip_suffix(['-', '\u{2212}']) {
        let opens = rest
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '['));
        let digits = value.starts_with(|c: char| c.is_ascii_digit() || c == '.');
        return (opens && digits).then_some(rest.len());
    }
    let rest = before.trim_end_matches([' ', '\t']);
    if rest.len() == before.len() {
        return None;
    }
    let at = rest.len().checked_sub(5)?;
    let (head, word) = (rest.get(..at)?, rest.get(at..)?);
    if !word.eq_ignore_ascii_case("minus") {
        return None;
    }
    let sign = match head.chars().next_back() {
        None => true,
        Some(c) if c.is_whitespace() => {
            let previous = head.trim_end();
            match previous.chars().next_back() {
                None => true,
                Some('(' | '[' | ',' | ':' | ';') => true,
                Some(c) if c.is_alphabetic() => {
                    let word = previous
                        .rsplit(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    let margin = previous.to_ascii_lowercase();
                    BEFORE_A_SIGN.contains(&word.as_str())
                        && !margin.ends_with("plus or")
                        && !margin.ends_with("plus and")
                }
                Some(_) => false,
            }
        }
        Some(c) => matches!(c, '(' | '['),
    };
    sign.then_some(head.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text from the sign on, for the first `value` of `text`, the match being the
    /// value alone.
    fn signed<'t>(text: &'t str, value: &str) -> Option<&'t str> {
        let start = text.find(value).expect("the value is in the text");
        let span = start..start + value.len();
        minus_sign_before(text, &span, &span).map(|at| &text[at..span.end])
    }

    #[test]
    fn signs_before_values() {
        for (text, value, whole) in [
            ("growth of -0.5% in", "0.5%", "-0.5%"),
            ("-3 at the start", "3", "-3"),
            ("it shrank (-1.5%) again", "1.5%", "-1.5%"),
            ("hit \u{2212}5 overnight", "5", "\u{2212}5"),
            (
                "fell to minus 2.3 percent",
                "2.3 percent",
                "minus 2.3 percent",
            ),
            ("Minus 0.8 pct in West Germany", "0.8 pct", "Minus 0.8 pct"),
            ("in the U.S., minus 0.8 pct", "0.8 pct", "minus 0.8 pct"),
            ("or (minus 10 pct) for", "10 pct", "minus 10 pct"),
        ] {
            assert_eq!(signed(text, value), Some(whole), "{text}");
        }
    }

    #[test]
    fn dashes_ranges_subtractions_and_margins_are_no_sign() {
        for (text, value) in [
            ("rates rose 2-3% and", "3%"),
            ("the RPI-7.5 formula", "7.5"),
            ("shares --5 of them", "5"),
            ("shares - 5 of them", "5"),
            ("an RPI minus three percent formula", "three percent"),
            ("LIBOR minus 6-1/2 pct", "6-1/2 pct"),
            ("a margin of plus or minus 3 points", "3 points"),
            ("a band of plus/minus 7.5 percent", "7.5 percent"),
            ("zones at plus and minus 20 pct", "20 pct"),
            ("from AA-minus about 350 mln dlrs", "about 350 mln dlrs"),
            ("100 minus 3 is", "3 is"),
            ("éminus 3", "3"),
        ] {
            assert_eq!(signed(text, value), None, "{text}");
        }
    }

    #[test]
    fn a_sign_the_pattern_writes_is_the_patterns() {
        let text = "growth of -0.5% in";
        assert_eq!(minus_sign_before(text, &(11..15), &(10..15)), None);
    }
}
