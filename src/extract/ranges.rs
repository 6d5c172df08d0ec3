//! Percentages and amounts of money that are one end of a range written in words ("10 to
//! 15 percent", "between 3% and 3.5%", "$10 to $15 million", "between $1 billion and $2
//! billion"). No single value stands for such a range, as none does for "2-3%" or "$30-$35"
//! (see `inside_a_number`): a claim of one end would make a false finding against a value
//! inside the range, and "$10" of "$10 to $15 million" is not ten dollars.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// How far around a value the other end of its range is looked for.
const REACH: usize = 48;

/// What kind of value the ends are.
#[derive(Clone, Copy)]
pub enum Kind {
    Percent,
    Money,
}

/// A number as written, with the scale word after it ("15 million", "2.5bn").
const NUMBER: &str =
    r"(\d[\d,]*(?:\.\d+)?)(?:[\s-]*(million|billion|trillion|thousand|bn|mln|bln|m|b|k)\b)?";
const PERCENT: &str = r"\s*(?:%|pct\b|percent\b|per[\s-]cent\b)";
const CURRENCY: &str = r"(?:(?-i:[A-Z]{1,3}|U\.S\.)?\$|[£€¥])";
const CURRENCY_WORD: &str = r"(?:\s+(?:(?:US|U\.S\.|Canadian|American|Australian)\s+)?(?:dollars|dlrs?|euros|pounds|stg|yen)\b)";

/// The other end before the value, of each kind: "10 to ", "2.5 percent to ", "between 3%
/// and ", "$10 to ", with "between" when it comes right before. The number starts after a
/// space or a bracket: "1/4 to 14 pct" has no "4" for an end.
static BEFORE: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    let before = |end: String| {
        Regex::new(&format!(r"(?i)(?:\b(between))?[\s(]{end}\s+(to|and)\s*$"))
            .expect("a valid regex")
    };
    [
        before(format!("{NUMBER}(?:{PERCENT})?")),
        before(format!("{CURRENCY}?{NUMBER}{CURRENCY_WORD}?")),
    ]
});

/// The other end after the value: " to 15%", " and 3.5 percent", " to $15 million".
static AFTER: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    let after =
        |end: String| Regex::new(&format!(r"(?i)^\s+(to|and)\s+{end}")).expect("a valid regex");
    [
        after(format!("{NUMBER}{PERCENT}")),
        // A currency mark or a scale word says the number is an amount of money.
        // (`NUMBER` without its last `?` has its scale word.)
        after(format!(
            "(?:{CURRENCY}{NUMBER}|{scaled}|{NUMBER}{CURRENCY_WORD})",
            scaled = &NUMBER[..NUMBER.len() - 1]
        )),
    ]
});

/// The number a claim is written with, and its scale word.
static WRITTEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){NUMBER}")).expect("a valid regex"));

/// "between" right before the value.
static LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bbetween\s+$").expect("a valid regex"));

/// One end of a range as written: its number and its scale word ("million" and "mln" alike).
#[derive(Debug)]
struct End {
    number: f64,
    scale: Option<char>,
}

impl End {
    /// The first number of `captures` (from `NUMBER`, its groups `at` and `at + 1`).
    fn of(captures: &regex::Captures, at: usize) -> Option<End> {
        let number = captures.get(at)?.as_str().replace(',', "").parse().ok()?;
        let scale = captures
            .get(at + 1)
            .map(|s| match s.as_str().to_ascii_lowercase().as_str() {
                "million" | "mln" | "m" => 'm',
                "billion" | "bn" | "bln" | "b" => 'b',
                "trillion" => 't',
                _ => 'k',
            });
        Some(End { number, scale })
    }
}

/// Whether the value at `span` of `text` (written with no qualifier; `value` is what it
/// was read as) is one end of a range in words. "X to Y" is a range when no "from" comes
/// before them, X is below Y and Y at most ten times X, and both have one scale word (or X
/// none: "$10 to $15 million"; amounts of money need one). "Rose from 45 to 15 percent",
/// "from less than 10 percent to as much as 40 percent", "rose 0.6 pct to 53.6 pct", "by
/// 1/4 to 14 pct" and "fell 555 mln dlrs to 32.42 billion dlrs" are changes, each end a
/// value of its own, and so is an amount after a verb of change ("reserves rose 83 mln
/// dlrs to 502 mln"). "X and Y" is a range after "between".
pub fn end_of_a_range_in_words(text: &str, span: &Range<usize>, kind: Kind, value: f64) -> bool {
    // A percentage in words ("two pct") is its value.
    let in_words = || {
        matches!(kind, Kind::Percent).then_some(End {
            number: value,
            scale: None,
        })
    };
    let Some(mine) = text
        .get(span.clone())
        .and_then(|raw| WRITTEN.captures(raw))
        .and_then(|c| End::of(&c, 1))
        .or_else(in_words)
    else {
        return false;
    };
    let before = tail(text, span.start);
    let after = head(text, span.end);
    if let Some(c) = BEFORE[kind as usize].captures(before)
        && let Some(other) = End::of(&c, 2)
    {
        let connector = c.get(c.len() - 1).map_or("", |m| m.as_str());
        let range = if connector.eq_ignore_ascii_case("and") {
            c.get(1).is_some()
        } else {
            let lead = &before[..c.get(2).map_or(0, |n| n.start())];
            !tells_a_change(kind, lead) && ends(kind, &other, &mine)
        };
        if range {
            return true;
        }
    }
    if let Some(c) = AFTER[kind as usize].captures(after) {
        // The number is in the form that matched.
        let other = End::of(&c, 2)
            .or_else(|| End::of(&c, 4))
            .or_else(|| End::of(&c, 6));
        let Some(other) = other else { return false };
        return if c[1].eq_ignore_ascii_case("and") {
            LEAD.is_match(before)
        } else {
            !tells_a_change(kind, before) && ends(kind, &mine, &other)
        };
    }
    false
}

/// Whether the words before the first end (`lead`) tell a change: "from" among them, or
/// for an amount, a verb of change right before it (the amount a figure changed by). A
/// percentage after such a verb is as often a range ("sales fell 20 percent to 25
/// percent").
fn tells_a_change(kind: Kind, lead: &str) -> bool {
    has_from(lead) || (matches!(kind, Kind::Money) && after_a_change(lead))
}

/// Verbs of change that wire copy puts before the amount a figure changed by ("reserves
/// rose 83 mln dlrs to 502 mln").
const CHANGED: &[&str] = &[
    "rose",
    "fell",
    "increased",
    "decreased",
    "climbed",
    "dropped",
    "declined",
    "jumped",
    "gained",
    "grew",
    "widened",
    "narrowed",
    "slipped",
    "eased",
    "surged",
    "plunged",
    "up",
    "down",
];

/// Whether `text` ends with a verb of change, and "by" perhaps.
fn after_a_change(text: &str) -> bool {
    let mut words = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev();
    let last = words.next().unwrap_or("");
    let verb = if last.eq_ignore_ascii_case("by") {
        words.next().unwrap_or("")
    } else {
        last
    };
    CHANGED.iter().any(|c| verb.eq_ignore_ascii_case(c))
}

/// Whether "from" is among the words of `text` ("from less than 10 percent to as much as
/// 40 percent" is a change), other than after "range" ("ranging from 3.9 pct to 5.15 pct"
/// is a range).
fn has_from(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        w.eq_ignore_ascii_case("from")
            && !i
                .checked_sub(1)
                .is_some_and(|p| words[p].to_ascii_lowercase().starts_with("rang"))
    })
}

/// Two ends of one range: the first below the second, of one order of magnitude and one
/// scale (the first may leave it to the second). Amounts of money need the scale: "rose $2
/// to $18 a barrel" is a change of price, "$10 to $15 million" a range.
fn ends(kind: Kind, low: &End, high: &End) -> bool {
    let scaled = matches!(kind, Kind::Percent) || high.scale.is_some();
    scaled
        && (low.scale == high.scale || low.scale.is_none())
        && low.number < high.number
        && high.number <= 10.0 * low.number
}

/// Up to `REACH` bytes of `text` before `at`, from a character boundary.
fn tail(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(REACH);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

/// Up to `REACH` bytes of `text` after `at`, to a character boundary.
fn head(text: &str, at: usize) -> &str {
    let mut end = (at + REACH).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the value written `[[so]]` in `sentence` is an end of a range.
    fn end(kind: Kind, sentence: &str) -> bool {
        let start = sentence.find("[[").unwrap();
        let text = sentence.replace("[[", "").replace("]]", "");
        let end = sentence.find("]]").unwrap() - 2;
        end_of_a_range_in_words(&text, &(start..end), kind, f64::NAN)
    }

    #[test]
    fn ends_of_ranges_in_words() {
        for sentence in [
            "Discounts of 10 to [[15 percent]] apply.",
            "Growth of [[2.5 percent]] to 3 percent is seen.",
            "Growth of 2.5 percent to [[3 percent]] is seen.",
            "Growth at between [[3%]] and 3.5% next year.",
            "Growth at between 3% and [[3.5%]] next year.",
            "Rents rise by 15 percent to[[20 percent]].",
            "Discounts of 20 to [[90 percent]].",
            "Yields ranging from 3.9 pct to [[5.15 pct]] were seen.",
            "Yields ranged from [[3.9 pct]] to 5.15 pct.",
        ] {
            assert!(end(Kind::Percent, sentence), "{sentence}");
        }
        for sentence in [
            "The deal is worth [[$10]] to $15 million.",
            "The deal is worth $10 to [[$15 million]].",
            "The deal is worth [[$10]] to 15 million dollars.",
            "It costs between [[$1 billion]] and $2 billion.",
            "It costs between $1 billion and [[$2 billion]].",
            "Sales of 1 to [[2 billion dlrs]] were seen.",
            "The buyout cost [[$3 billion]] to $4 billion.",
            "Bids range from [[$2 million]] to $3 million.",
            "A charge of [[US$300 mln]] to US$400 mln is seen.",
        ] {
            assert!(end(Kind::Money, sentence), "{sentence}");
        }
    }

    #[test]
    fn changes_and_lists_are_values_of_their_own() {
        for sentence in [
            // Changes: after "from", or too far apart for one range, or going down.
            "The stake fell from 45 percent to [[15 percent]].",
            "The stake fell from [[45 percent]] to 15 percent.",
            "Turnout rose [[0.6 pct]] to 53.6 pct.",
            "Turnout rose 0.6 pct to [[53.6 pct]].",
            "It was cut by 39% to [[34%]].",
            "Rates rose by 1/4 to [[14 pct]].",
            "Its share went from less than 10 percent to [[40 percent]].",
            "Its share went from [[10 percent]] to 40 percent.",
            // Two values, not a range.
            "Unemployment was [[5%]] and 6% in the two regions.",
            "Unemployment was 5% and [[6%]] in the two regions.",
            // Numbers that are not ends.
            "Rates rose to [[7 percent]] in 2024.",
            "In 2010 to 2012, [[7 percent]] more came.",
        ] {
            assert!(!end(Kind::Percent, sentence), "{sentence}");
        }
        for sentence in [
            "Reserves fell [[555 mln dlrs]] to 32.42 billion dlrs.",
            "Reserves fell 555 mln dlrs to [[32.42 billion dlrs]].",
            "Debt rose by [[$19bn]] to $419.3bn.",
            "Profit rose from [[$3 million]] to $4 million.",
            "Profit rose from $3 million to [[$4 million]].",
            "It paid [[$500,000]] to $2 million each.",
            "Crude rose [[$2]] to $18 a barrel.",
            "Reserves rose [[83 mln dlrs]] to 502 mln.",
            "Reserves rose 83 mln dlrs to [[502 mln dlrs]].",
            "The deficit grew by [[$11.1 billion]] to $58.6 billion.",
            "It paid [[$5 million]] and $6 million in two years.",
        ] {
            assert!(!end(Kind::Money, sentence), "{sentence}");
        }
    }
}
