//! A number written in words with a capital, inside a sentence and before a word with a
//! capital, is a piece of a name: "analysts at First Boston", "the Six Nations", "the Third
//! World", "the Three Gorges dam", "BBC Five Live". The `count` and `number` types read
//! "First" and "Six" as 1 and 6 wherever they are; a claim of one would be a claim of nothing.
//! A headline with a capital on every word ("Fed Cuts Rate By Two Points") writes its numbers
//! so: the word before the number, in lower case, is what tells a name in running text.

use std::ops::Range;

use super::ranges::{head, tail};

/// Whether the number in words at `span` (of the match `whole`) is a piece of a name: it
/// starts with a capital and goes on in lower case ("Six", "First", "Twenty-Five"), the word
/// before it is in lower case (or in capitals, an acronym), and a word with a capital follows
/// it. A word the pattern puts after `{value}` is the pattern's.
pub fn in_a_name(text: &str, span: &Range<usize>, whole: &Range<usize>) -> bool {
    let Some(value) = text.get(span.clone()) else {
        return false;
    };
    let b = value.as_bytes();
    let capitalized = b.len() >= 2
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_lowercase()
        && b.iter().all(|c| c.is_ascii_alphabetic() || *c == b'-');
    if !capitalized || span.end != whole.end {
        return false;
    }
    // The next word, after one space or a hyphen: "First Boston", "Seven-Up".
    let after = head(text, span.end).as_bytes();
    let name_follows = matches!(after, [b' ' | b'-', first, ..] if first.is_ascii_uppercase());
    // The word before, after spaces on the same line, is in lower case or in capitals
    // ("BBC Five Live"), not capitalized as a headline's words are.
    let tail = tail(text, span.start);
    let before = tail.trim_end_matches(' ');
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or_default();
    let running_text = word.chars().next().is_some_and(char::is_lowercase)
        || (word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase()));
    name_follows && before.len() < tail.len() && running_text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_names_are_found() {
        crate::extract::assert_marked(
            in_a_name,
            true,
            &[
                "said analysts at [[First]] Boston Corp.",
                "England won the [[Six]] Nations title.",
                "debt of the [[Third]] World rose.",
                "work on the [[Three]] Gorges dam.",
                "he told BBC [[Five]] Live on Sunday.",
                "a unit of [[Seven]] Network Ltd",
                "said Jim Smith of [[First]] Call, which tracks forecasts.",
                "the bid for [[Seven]]-Up Co",
            ],
        );
    }

    #[test]
    fn other_numbers_in_words_stay_numbers() {
        crate::extract::assert_marked(
            in_a_name,
            false,
            &[
                // A headline with a capital on every word.
                "Fed Cuts Rate By [[Two]] Points",
                // The start of a sentence, of a line, of a quotation.
                "[[Three]] Democrats voted against it.",
                "It failed. [[Five]] Americans were hurt.",
                "the film \"[[Three]] Kings\" opened.",
                // No capital after it, or none on it.
                "the Group of [[Seven]] met.",
                "the Group of [[Seven]], in Paris.",
                "it killed [[five]] Americans.",
                "it sold [[SIX]] MILLION copies.",
            ],
        );
    }

    #[test]
    fn a_word_the_pattern_holds_is_the_patterns() {
        // `{value} Nations`: the word after is the pattern's.
        let text = "England won the Six Nations title.";
        let span = text.find("Six").unwrap()..text.find(" Nations").unwrap();
        let whole = span.start..span.end + " Nations".len();
        assert!(!in_a_name(text, &span, &whole));
        assert!(in_a_name(text, &span, &span));
    }
}
