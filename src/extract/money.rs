//! Amounts of money the grammar finds where the text holds none: "$500" of "J$500" (a
//! dollar not known, which a bare `$` would give the default currency), "2 won" of "Halo 2
//! won the award", "1986 marks" of "1986 marks a turning point". The grammar cannot look
//! around what it matches; these look at the words beside the amount.

use std::ops::Range;

use crate::values::scale_value;

/// Whether the amount at `span` (of the match `whole`) is none of the text's.
pub fn no_amount(text: &str, span: &Range<usize>, whole: &Range<usize>) -> bool {
    unknown_dollars(text, span, whole) || bare_won(text, span) || a_year_and_a_verb(text, span)
}

/// Whether the `$` that starts an amount has letters against it that the grammar does not
/// know for a currency ("J$500", "TT$40", "EC$3"): the dollar is another country's, and the
/// amount, read as a bare `$`, would be given the default currency. Letters the pattern puts
/// there are the pattern's.
fn unknown_dollars(text: &str, span: &Range<usize>, whole: &Range<usize>) -> bool {
    let (Some(before), Some(value)) = (text.get(..span.start), text.get(span.clone())) else {
        return false;
    };
    span.start == whole.start
        && value.starts_with('$')
        && before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// Whether "won" after an amount is the verb: after a whole number with no thousands
/// separator, decimals or scale word ("Halo 2 won the award", "2004 won't be", "no one won
/// more than half"), unless "Korean" says it is the currency. "27,000 won", "6.60 won" and
/// "500 mln won" are amounts.
fn bare_won(text: &str, span: &Range<usize>) -> bool {
    let Some(value) = text.get(span.clone()) else {
        return false;
    };
    let mut words = value.split_whitespace().rev();
    let (Some(won), Some(number)) = (words.next(), words.next()) else {
        return false;
    };
    won.eq_ignore_ascii_case("won")
        && !number.eq_ignore_ascii_case("korean")
        && (number.bytes().all(|b| b.is_ascii_digit())
            || (number.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
                && scale_value(&number.to_ascii_lowercase()).is_none()))
}

/// Whether an amount of money is a year followed by a verb that is also a currency: "1986
/// marks a turning point", "2005 crowns a decade". Only a year-like number (no comma, no
/// decimals, no scale) followed by a determiner is read so: "1.7720 marks the dollar" and
/// "paid 2000 marks" stay amounts.
fn a_year_and_a_verb(text: &str, span: &Range<usize>) -> bool {
    let (Some(value), Some(after)) = (text.get(span.clone()), text.get(span.end..)) else {
        return false;
    };
    let mut words = value.split_whitespace();
    let (Some(number), Some(verb), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let year_like = number.len() == 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && matches!(&number[..2], "18" | "19" | "20" | "21");
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    year_like
        && ["marks", "crowns"]
            .iter()
            .any(|v| verb.eq_ignore_ascii_case(v))
        && [
            "a", "an", "the", "its", "his", "her", "their", "this", "that", "another", "one",
        ]
        .iter()
        .any(|d| next.eq_ignore_ascii_case(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `amount`, found in `text` and matched alone, is none.
    fn none(text: &str, amount: &str) -> bool {
        let start = text.find(amount).unwrap();
        let span = start..start + amount.len();
        no_amount(text, &span, &span)
    }

    #[test]
    fn verbs_and_unknown_dollars_are_no_amounts() {
        assert!(none("Tickets cost J$500.", "$500"));
        assert!(none("Halo 2 won the award.", "2 won"));
        assert!(none("Where no one won more than half.", "one won"));
        assert!(none("In 1986 marks a turning point.", "1986 marks"));
        assert!(none("2005 crowns the decade.", "2005 crowns"));
        // Amounts.
        assert!(!none("It cost $500.", "$500"));
        assert!(!none("It trades at 27,000 won.", "27,000 won"));
        assert!(!none("It raised 500 mln won.", "500 mln won"));
        assert!(!none("It cost 50 South Korean won.", "50 South Korean won"));
        assert!(!none("It was 1.7720 marks the day before.", "1.7720 marks"));
        assert!(!none("He paid 2000 marks for it.", "2000 marks"));
    }

    #[test]
    fn letters_the_pattern_puts_before_the_dollar_are_the_patterns() {
        let text = "Fares rose to TT$40.";
        let start = text.find("$40").unwrap();
        let whole = start - 2..start + 3;
        assert!(!no_amount(text, &(start..start + 3), &whole));
    }
}
