//! Minus signs before numbers, percentages and amounts: "growth of -0.5%", "fell to minus 2.3
//! percent". The value grammars read a sign where one may stand (see `SIGN` in
//! `values::grammar`); what is written before it decides whether it is one. Read without
//! it, a value is the opposite of what the text says, and agrees with the "0.5%" it
//! contradicts.

use std::ops::Range;

/// Words after which "minus" is a sign ("fell to minus 2.3 percent", "at minus 400 mln
/// stg"). After a name or a noun it is a subtraction ("RPI minus three percent", "LIBOR
/// minus 6-1/2 pct"), which leaves the number as written.
const BEFORE_A_SIGN: &[&str] = &[
    "to", "at", "of", "from", "and", "or", "was", "were", "is", "are", "be", "been", "by", "than",
    "as", "with", "between", "hit", "reached", "touched", "stood", "showed",
];

/// Where the value at `span` starts after a minus sign it begins with ("-", "−", or "minus"
/// and the spaces after it), or None when it begins with none.
pub fn after_a_sign(text: &str, span: &Range<usize>) -> Option<usize> {
    let value = text.get(span.clone())?;
    if let Some(rest) = value.strip_prefix(['-', '\u{2212}']) {
        return Some(span.end - rest.len());
    }
    let word = value.get(..5)?;
    let rest = value[5..].trim_start();
    (word.eq_ignore_ascii_case("minus") && rest.len() < value.len() - 5)
        .then(|| span.end - rest.len())
}

/// Whether a minus sign at `at` ("-", "−" or the word "minus") is one, by what comes before
/// it:
/// - "-" or "−" after a space, a bracket or the start of the text ("growth of -0.5%",
///   "(-1.5%)"; not a dash "--5", nor one space after a number: "10 -15%");
/// - "minus" at the start of the text, after a bracket or a comma, or after a word of
///   [`BEFORE_A_SIGN`]; not in a margin ("plus or minus 3 points", "plus/minus 7.5 percent",
///   "plus and minus 20 pct") nor a subtraction ("RPI minus three percent").
pub fn is_a_sign(text: &str, at: usize) -> bool {
    let (Some(before), Some(sign)) = (text.get(..at), text.get(at..)) else {
        return false;
    };
    if sign.starts_with(['-', '\u{2212}']) {
        // One space between a number and "-": a dash between the ends of a range written
        // loosely ("10 -15%"). Columns of a table stand further apart ("294.2   -4.83").
        let mut back = before.chars().rev();
        return match back.next() {
            None | Some('(' | '[') => true,
            Some(' ') => !back.next().is_some_and(|c| c.is_ascii_digit() || c == '%'),
            Some(c) => c.is_whitespace(),
        };
    }
    match before.chars().next_back() {
        None => true,
        Some('(' | '[') => true,
        Some(c) if c.is_whitespace() => {
            let previous = before.trim_end();
            match previous.chars().next_back() {
                None | Some('(' | '[' | ',' | ':' | ';') => true,
                Some(c) if c.is_alphabetic() => {
                    let word = previous
                        .rsplit(|c: char| !c.is_alphabetic())
                        .next()
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    let lower = previous.to_ascii_lowercase();
                    BEFORE_A_SIGN.contains(&word.as_str())
                        && !lower.ends_with("plus or")
                        && !lower.ends_with("plus and")
                }
                Some(_) => false,
            }
        }
        Some(_) => false,
    }
}

/// Whether a minus sign that is one comes right before the value at `span`, where `{value}`
/// begins the match `whole`: what a count grammar (which reads no sign) leaves before it
/// ("-3 degrees", "minus 3").
pub fn sign_before(text: &str, span: &Range<usize>, whole: &Range<usize>) -> bool {
    if span.start != whole.start {
        return false;
    }
    let Some(before) = text.get(..span.start) else {
        return false;
    };
    if let Some(rest) = before.strip_suffix(['-', '\u{2212}']) {
        return is_a_sign(text, rest.len());
    }
    let trimmed = before.trim_end();
    trimmed.len() < before.len()
        && trimmed.len() >= 5
        && trimmed.is_char_boundary(trimmed.len() - 5)
        && trimmed[trimmed.len() - 5..].eq_ignore_ascii_case("minus")
        && is_a_sign(text, trimmed.len() - 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the sign at the first `sign` of `text` is one.
    fn sign(text: &str, sign: &str) -> bool {
        is_a_sign(text, text.find(sign).expect("the sign is in the text"))
    }

    #[test]
    fn signs_before_values() {
        for (text, at) in [
            ("growth of -0.5% in", "-0.5"),
            ("-3 at the start", "-3"),
            ("it shrank (-1.5%) again", "-1.5"),
            ("hit \u{2212}5 overnight", "\u{2212}5"),
            ("fell to minus 2.3 percent", "minus"),
            ("Minus 0.8 pct in West Germany", "Minus"),
            ("in the U.S., minus 0.8 pct", "minus"),
            ("or (minus 10 pct) for", "minus"),
            ("VAB-Index     294.2\t-4.83  -1.6", "-4.83"),
            ("VAB-Index     294.2\t-4.83  -1.6", "-1.6"),
        ] {
            assert!(sign(text, at), "{text}");
        }
    }

    #[test]
    fn dashes_subtractions_and_margins_are_no_sign() {
        for (text, at) in [
            ("shares --5 of them", "-5"),
            ("rates of 10 -15% were seen", "-15"),
            ("priced at 100 -1/2 pct", "-1/2"),
            ("an RPI minus three percent formula", "minus"),
            ("LIBOR minus 6-1/2 pct", "minus"),
            ("a margin of plus or minus 3 points", "minus"),
            ("a band of plus/minus 7.5 percent", "minus"),
            ("zones at plus and minus 20 pct", "minus"),
            ("from AA-minus about 350 mln dlrs", "minus"),
            ("100 minus 3 is", "minus"),
            ("éminus 3", "minus"),
        ] {
            assert!(!sign(text, at), "{text}");
        }
    }

    #[test]
    fn where_the_value_starts_after_its_sign() {
        let text = "at minus  2.3 percent and -5 and −7 and minus";
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(
            after_a_sign(text, &(at("minus")..at(" and -"))),
            Some(at("2.3"))
        );
        assert_eq!(after_a_sign(text, &(at("-5")..at("-5") + 2)), Some(at("5")));
        assert_eq!(after_a_sign(text, &(at("−7")..at("−7") + 4)), Some(at("7")));
        assert_eq!(after_a_sign(text, &(at("2.3")..at(" and -"))), None);
        // "minus" with nothing after it is no sign of a value.
        assert_eq!(after_a_sign(text, &(text.len() - 5..text.len())), None);
    }

    #[test]
    fn a_sign_before_a_count_counts_only_at_the_start_of_the_match() {
        let text = "it was -3 degrees, minus 4 in all";
        let three = text.find('3').unwrap();
        assert!(sign_before(text, &(three..three + 1), &(three..three + 1)));
        assert!(!sign_before(
            text,
            &(three..three + 1),
            &(three - 1..three + 1)
        ));
        let four = text.find('4').unwrap();
        assert!(sign_before(text, &(four..four + 1), &(four..four + 1)));
    }
}
