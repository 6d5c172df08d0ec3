//! Distances of athletics and swimming: "the 400m hurdles", "the women's 100m", "the world
//! 10,000m champion", "she cleared 4.45m". Sport copy writes metres as digits with "m"
//! against them, which the grammar reads as millions, as business copy means them ("3m
//! users"). The words beside the number tell the two apart; where they do not ("over the
//! final 400m"), the number stays read as millions.

use std::ops::Range;

/// Whether the number or count at `span` (of the match `whole`), digits with "m" against
/// them, is a distance in metres. Only an edge of the value that is also an edge of the
/// match is looked at: words a pattern puts beside `{value}` are the pattern's.
pub fn a_distance(text: &str, span: &Range<usize>, whole: &Range<usize>) -> bool {
    let Some((before, value, after)) = super::around(text, span) else {
        return false;
    };
    let Some(digits) = value.strip_suffix('m') else {
        return false;
    };
    if !digits.starts_with(|c: char| c.is_ascii_digit())
        || !digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return false;
    }
    let word_after = after
        .trim_start()
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
        .next()
        .unwrap_or("");
    let is = |word: &str, list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    let mut words_before = before
        .trim_end()
        .rsplit(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '’'));
    let word_before = words_before.next().unwrap_or("");
    // "A season's best of 7.95m at", "a leap of 6.43m - a personal best": what follows is
    // no noun ("the best of 3m applicants").
    let measured = word_before.eq_ignore_ascii_case("of")
        && span.end == whole.end
        && (word_after.is_empty() || is(word_after, CLAUSE_GOES_ON))
        && words_before
            .find(|w| !w.is_empty())
            .is_some_and(|w| MEASURED.iter().any(|m| w.eq_ignore_ascii_case(m)));
    // "Won silver in the 100m.", "came fourth in the 1500m and", "the 800m and 1500m": an
    // event named alone, with no noun after it ("the 1.4m cash machines" is millions).
    let named = word_before.eq_ignore_ascii_case("the")
        && span.end == whole.end
        && (after.trim_end().is_empty()
            || after.starts_with(['.', ',', ';', ':', '!', '?', ')'])
            || is(word_after, &["at", "in"])
            || (is(word_after, &["and", "or"])
                && after.trim_start()[word_after.len()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())));
    // Right against the number only: "£400m" is money, whatever follows.
    let marked = before.ends_with(['£', '$', '€', '¥', ';']);
    !marked
        && ((span.end == whole.end && is(word_after, EVENTS_AFTER))
            || (span.start == whole.start
                && before.ends_with(char::is_whitespace)
                && (is(word_before, MARKS_BEFORE) || measured || named)))
}

/// Words after a distance that name the event or what was won in it.
const EVENTS_AFTER: &[&str] = &[
    "hurdles",
    "hurdle",
    "hurdler",
    "hurdlers",
    "freestyle",
    "backstroke",
    "breaststroke",
    "butterfly",
    "medley",
    "relay",
    "relays",
    "steeplechase",
    "final",
    "finals",
    "semi-final",
    "semi-finals",
    "semifinal",
    "heat",
    "heats",
    "race",
    "races",
    "runner",
    "runners",
    "sprint",
    "sprinter",
    "sprinters",
    "champion",
    "champions",
    "championship",
    "championships",
    "title",
    "titles",
    "crown",
    "gold",
    "silver",
    "bronze",
    "medal",
    "medals",
    "medallist",
    "medalist",
    // Not "records": "the band has sold 30m records" is millions.
    "record",
    "specialist",
    "qualifying",
];

/// Words before a distance that say which race it is, or that a jump or a throw reached it.
const MARKS_BEFORE: &[&str] = &[
    "men's",
    "women's",
    "men’s",
    "women’s",
    "olympic",
    "world",
    "indoor",
    "outdoor",
    "european",
    "commonwealth",
    "cleared",
    "jumped",
    "leapt",
    "vaulted",
    "threw",
    "landed",
];

/// Words after a measure that leave it one: the clause goes on.
const CLAUSE_GOES_ON: &[&str] = &[
    "at", "in", "to", "on", "for", "and", "with", "while", "as", "but", "-",
];

/// What a jump or a throw measures, before "of" and a distance.
const MEASURED: &[&str] = &[
    "best",
    "leap",
    "jump",
    "throw",
    "clearance",
    "vault",
    "mark",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn races_jumps_and_throws_are_distances() {
        crate::extract::assert_marked(
            a_distance,
            true,
            &[
                "She won the [[400m]] hurdles.",
                "He is the Olympic [[10,000m]] champion.",
                "It was the women's [[100m]] in Athens.",
                "She reached the [[800m]] final.",
                "He cleared [[5.45m]] at the first attempt.",
                "She set a season's best of [[7.95m]] in Birmingham.",
                "She was stripped of her world [[100m]] and 200m titles.",
                "Her [[200m]] freestyle time was a record.",
                "The [[1500m]] record still stands.",
                // The event named alone: "the" before, no noun after.
                "She won the [[400m]] in Athens.",
                "Thanou won silver in the [[100m]].",
                "She came fourth in the [[1500m]], behind Holmes.",
                "She was picked for both the [[800m]] and 1500m.",
            ],
        );
    }

    #[test]
    fn millions_stay_millions() {
        crate::extract::assert_marked(
            a_distance,
            false,
            &[
                "The service has [[3m]] users.",
                "It paid £[[400m]] for the champion.",
                "The site had [[2.5m]] visits, a record.",
                "He earns [[5m]] a year.",
                "Prices rose [[3.5]] in the final.",
                "It will buy the first [[300m]] vaccines.",
                "It has a value of [[3m]] at best.",
                "She was the best of [[3m]] applicants.",
                "The band has sold [[30m]] records.",
                "It runs many of the [[1.4m]] cash machines.",
                "Sales were up from the [[2m]] a year earlier.",
                "It counts the [[3m]] and more to come.",
            ],
        );
    }

    #[test]
    fn a_patterns_own_words_are_the_patterns() {
        let text = "the 400m hurdles";
        let span = 4..8;
        assert!(a_distance(text, &span, &span));
        // The pattern `the {value}` ends at the value: the word after is the text's.
        assert!(a_distance(text, &span, &(0..8)));
        // The pattern `{value} hurdles` holds the word after: it is the pattern's.
        assert!(!a_distance(text, &span, &(4..text.len())));
        assert!(!a_distance(text, &span, &(0..text.len())));
        // A word before that says which race, outside the match, is the text's.
        let text = "the women's 100m in Athens";
        let span = 12..16;
        assert!(a_distance(text, &span, &span));
        assert!(!a_distance(text, &span, &(4..16)));
    }
}
