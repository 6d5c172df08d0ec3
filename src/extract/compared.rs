//! "Or more" after a number says it is at least that number ("20 pct or more"), unless a
//! "than" follows: in "1.935 or more than 1.200 shares" the words belong to the next
//! number, which the grammar (it cannot look ahead) would otherwise read as exact. So do
//! "or over" and "or above" before a number: "rose 600 crowns or over 25 percent".

use std::ops::Range;

/// The words a comparison after a value may end with (as the grammar reads them) that
/// compare with what follows them through "than".
const COMPARATIVES: [&str; 6] = ["more", "higher", "greater", "less", "fewer", "lower"];

/// Those that compare with a number right after them ("over 25 percent", "below $4").
const PREPOSITIONS: [&str; 4] = ["over", "above", "under", "below"];

/// Where the value at `value` (of the match `whole`) ends when the "or more" it ends with
/// is followed by "than", or the "or over" by a number: at the number before "or". `None` when it keeps its end. Only
/// where the value ends the match: what a pattern puts after `{value}` is the pattern's.
pub fn before_a_comparison(
    text: &str,
    value: &Range<usize>,
    whole: &Range<usize>,
) -> Option<usize> {
    if value.end != whole.end {
        return None;
    }
    let raw = text.get(value.clone())?;
    let word_start = raw
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .len();
    let word = &raw[word_start..];
    let is = |words: &[&str]| words.iter().any(|w| word.eq_ignore_ascii_case(w));
    let (comparative, preposition) = (is(&COMPARATIVES), is(&PREPOSITIONS));
    if !comparative && !preposition {
        return None;
    }
    let before_word = raw[..word_start].trim_end();
    if before_word.len() == word_start {
        return None;
    }
    let or_start = before_word.len().checked_sub(2)?;
    let or = before_word.get(or_start..)?;
    let number = before_word[..or_start].trim_end();
    if !or.eq_ignore_ascii_case("or") || number.len() == or_start || number.is_empty() {
        return None;
    }
    let after = text.get(value.end..)?.trim_start();
    let compared = if preposition {
        after.starts_with(|c: char| c.is_ascii_digit() || "$£€¥".contains(c))
    } else {
        after.get(..4).is_some_and(|than| {
            than.eq_ignore_ascii_case("than")
                && after[4..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    };
    compared.then_some(value.start + number.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, value: &str) -> Option<String> {
        let start = text.find(value).unwrap();
        let span = start..start + value.len();
        before_a_comparison(text, &span, &span).map(|end| text[start..end].to_string())
    }

    #[test]
    fn or_more_than_belongs_to_the_next_number() {
        assert_eq!(
            cut("for 1.935 or more than 1.200 shares", "1.935 or more"),
            Some("1.935".to_string())
        );
        assert_eq!(
            cut("20 pct or\nless than half", "20 pct or\nless"),
            Some("20 pct".to_string())
        );
        assert_eq!(
            cut("$5 billion OR MORE THAN $6 billion", "$5 billion OR MORE"),
            Some("$5 billion".to_string())
        );
        assert_eq!(
            cut("rose 600 crowns or over 25 percent", "600 crowns or over"),
            Some("600 crowns".to_string())
        );
        assert_eq!(
            cut("at 4 dlrs or above $5 a share", "4 dlrs or above"),
            Some("4 dlrs".to_string())
        );
    }

    #[test]
    fn or_more_alone_stays_the_values() {
        assert_eq!(cut("owns 20 pct or more of it", "20 pct or more"), None);
        assert_eq!(cut("owns 20 pct or more", "20 pct or more"), None);
        assert_eq!(cut("20 or more thank-you notes", "20 or more"), None);
        assert_eq!(cut("about 15 or so than", "about 15 or so"), None);
        assert_eq!(cut("adults aged 18 or over were asked", "18 or over"), None);
        // No number before "or": not a comparison the grammar added.
        assert_eq!(cut("more than 5", "more"), None);
    }

    #[test]
    fn words_a_pattern_puts_after_the_value_are_the_patterns() {
        let text = "20 or more than 30 people";
        let value = 0..10;
        assert_eq!(before_a_comparison(text, &value, &(0..25)), None);
    }
}
