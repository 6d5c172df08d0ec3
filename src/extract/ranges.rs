//! Percentages, amounts of money and counts that are one end of a range written in words
//! ("10 to 15 percent", "between 3% and 3.5%", "$10 to $15 million", "between $1 billion
//! and $2 billion", "10 to 15 people", "two or three times"). No single value stands for
//! such a range, as none does for "2-3%" or "$30-$35" (see `inside_a_number`): a claim of
//! one end would make a false finding against a value inside the range, and "$10" of "$10
//! to $15 million" is not ten dollars.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::values::{CURRENCY_SIGNS, CURRENCY_WORDS, ordinal_value, parse_amount, scale_value};

/// How far around a value the other end of its range is looked for.
const REACH: usize = 48;

/// What kind of value the ends are.
#[derive(Clone, Copy)]
pub enum Kind {
    Percent,
    Money,
    /// Counts and plain numbers ("10 to 15 people", "two or three times").
    Count,
}

/// A number as written, with the scale word after it ("15 million", "2.5bn", "1.5 lakh
/// crore").
const NUMBER: &str = r"(\d[\d,]*(?:\.\d+)?(?:[\s-]\d{1,2}/\d{1,2}\b)?)(?:[\s-]*((?:million|billion|trillion|thousand|lakhs?|(?-i:lacs?)|crores?|bn|mln|bln|tn|trn|trln|tln|cr|m|b|k)\b(?:(?:\s+|-)crores?\b)?))?";
const PERCENT: &str = r"\s*(?:%|pct\b|percent\b|per[\s-]cent\b)";
/// A currency mark before an amount ("$", "C$", "€").
fn currency() -> String {
    format!(r"(?:(?-i:[A-Z]{{1,3}}|U\.S\.)?\$|[{CURRENCY_SIGNS}]|(?-i:\bRs\.?\s?))")
}

/// A currency word after an amount, as `money` reads them ("dlrs", "Swiss francs").
fn currency_word() -> String {
    format!(r"(?:\s+(?:{})\b)", *CURRENCY_WORDS)
}
/// A number in digits or in words ("15", "three", "twenty-five", "twice"), with its scale
/// word ("seven million"); `End::of` reads the words, and takes no other word for one.
const SPELLED: &str = r"(\d[\d,]*(?:\.\d+)?(?:[\s-]\d{1,2}/\d{1,2}\b)?|[a-z]+(?:-[a-z]+)?)(?:[\s-]*((?:million|billion|trillion|thousand|lakhs?|(?-i:lacs?)|crores?|bn|mln|bln|tn|trn|trln|tln|cr|m|b|k)\b(?:(?:\s+|-)crores?\b)?))?";

/// The other end before the value, of each kind: "10 to ", "2.5 percent to ", "between 3%
/// and ", "$10 to ", "two or ", with "between" when it comes right before. The number
/// starts after a space, a bracket or a quotation mark ("\"Three to five years"), or at the
/// start of the text: "1/4 to 14 pct" has no "4" for an end. "Or" joins the ends of counts
/// only ("two or three times"; "5% or 6%" is rare, and a choice).
static BEFORE: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    // `mark`: what may stand between the connector and the value.
    let before = |end: String, joins: &str, mark: &str| {
        Regex::new(&format!(
            r#"(?i)(?:\b(between))?(?:^|[\s("“‘]){end}\s+({joins})\s*{mark}$"#
        ))
        .expect("a valid regex")
    };
    let (currency, currency_word) = (currency(), currency_word());
    [
        before(format!("{SPELLED}(?:{PERCENT})?"), "to|and", ""),
        before(
            format!("{currency}?{SPELLED}{currency_word}?"),
            "to|and",
            "",
        ),
        // A plain number read out of an amount ("5,000" of "$5,000 to $10,000") has the
        // amount's currency mark before it.
        before(
            format!("{currency}?{SPELLED}"),
            "to|and|or",
            &format!("{currency}?"),
        ),
    ]
});

/// The other end after the value: " to 15%", " and 3.5 percent", " to $15 million", " or
/// three".
static AFTER: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    let after =
        |end: String| Regex::new(&format!(r"(?i)^\s+(to|and)\s+{end}")).expect("a valid regex");
    let (currency, currency_word) = (currency(), currency_word());
    [
        after(format!("{SPELLED}{PERCENT}")),
        // A currency mark or a scale word says the number is an amount of money.
        // (`SPELLED` without its last `?` has its scale word.)
        after(format!(
            "(?:{currency}{NUMBER}|{scaled}|{SPELLED}{currency_word})",
            scaled = &SPELLED[..SPELLED.len() - 1]
        )),
        // "10 to 15 percent" and "10 to 15 dollars" hold no count of ten either, nor
        // "$10 to $15" a number.
        Regex::new(&format!(r"(?i)^\s+(to|and|or)\s+{currency}?{SPELLED}")).expect("a valid regex"),
    ]
});

/// The number a claim is written with, and its scale word: in digits, else in words.
static WRITTEN: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    [NUMBER, SPELLED].map(|n| Regex::new(&format!("(?i){n}")).expect("a valid regex"))
});

/// The number `raw` is written with ("15 million", "about seven billion"), and its scale.
fn written(raw: &str) -> Option<End> {
    if let Some(c) = WRITTEN[0].captures(raw) {
        return End::of(&c, 1);
    }
    WRITTEN[1].captures_iter(raw).find_map(|c| End::of(&c, 1))
}

/// A count in words ("three", "twenty-five", "twice"), or None for any other word.
fn count_in_words(word: &str) -> Option<f64> {
    match word.to_ascii_lowercase().as_str() {
        "once" => Some(1.0),
        "twice" => Some(2.0),
        "thrice" => Some(3.0),
        other if other.starts_with(|c: char| c.is_ascii_alphabetic()) => parse_amount(other),
        _ => None,
    }
}

/// "between" right before the value (and its currency mark, for a number read out of an
/// amount).
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\bbetween\s+{}?$", currency())).expect("a valid regex")
});

/// One end of a range as written: its number and its scale word ("million" and "mln" alike),
/// and whether it is an ordinal in words ("third").
#[derive(Debug)]
struct End {
    number: f64,
    /// What the scale word multiplies by.
    scale: Option<f64>,
    ordinal: bool,
}

impl End {
    /// The first number of `captures` (from `NUMBER` or `SPELLED`, its groups `at` and
    /// `at + 1`).
    fn of(captures: &regex::Captures, at: usize) -> Option<End> {
        let written = captures.get(at)?.as_str();
        let (number, ordinal) = match written.replace(',', "").parse() {
            Ok(number) => (number, false),
            // "6-3/8": digits with a fraction.
            Err(_) if written.starts_with(|c: char| c.is_ascii_digit()) => {
                (parse_amount(written)?, false)
            }
            Err(_) => match count_in_words(written) {
                Some(number) => (number, false),
                None => (ordinal_value(written)?, true),
            },
        };
        let scale = captures
            .get(at + 1)
            .and_then(|s| scale_value(&s.as_str().to_ascii_lowercase()));
        Some(End {
            number,
            scale,
            ordinal,
        })
    }
}

/// Whether the value at `span` of `text` (written with no qualifier or with "about";
/// `value` is what it was read as) is one end of a range in words. "X to Y" is a range when
/// no "from" comes before them, X is below Y and Y at most ten times X (see `ends`), and
/// both have one scale word (or X none: "$10 to $15 million"). "Rose from 45 to 15 percent",
/// "from less than 10 percent to as much as 40 percent", "rose 0.6 pct to 53.6 pct", "by
/// 1/4 to 14 pct" and "fell 555 mln dlrs to 32.42 billion dlrs" are changes, each end a
/// value of its own, and so is an amount or a count after a verb of change ("reserves rose
/// 83 mln dlrs to 502 mln", "shares rose 4 to 35"). "X and Y" is a range after "between";
/// "X or Y" is one for counts ("two or three times").
pub fn end_of_a_range_in_words(text: &str, span: &Range<usize>, kind: Kind, value: f64) -> bool {
    // A percentage or a count in words ("two pct", "three times") is its value.
    let in_words = || {
        matches!(kind, Kind::Percent | Kind::Count).then_some(End {
            number: value,
            scale: None,
            ordinal: false,
        })
    };
    let before = tail(text, span.start);
    let after = head(text, span.end);
    // Most values have no connector beside them: the regexes below are not worth running.
    let (joined_before, joined_after) = (
        ends_with_a_connector(before),
        starts_with_a_connector(after),
    );
    if !joined_before && !joined_after {
        return false;
    }
    let Some(mine) = text.get(span.clone()).and_then(written).or_else(in_words) else {
        return false;
    };
    if joined_before
        && let Some(c) = BEFORE[kind as usize].captures(before)
        && let Some(other) = End::of(&c, 2)
    {
        let connector = c.get(c.len() - 1).map_or("", |m| m.as_str());
        let range = if connector.eq_ignore_ascii_case("and") {
            c.get(1).is_some()
        } else {
            let lead = &before[..c.get(2).map_or(0, |n| n.start())];
            !tells_a_change(kind, lead, after) && ends(kind, &other, &mine, lead)
        };
        if range {
            return true;
        }
    }
    if joined_after && let Some(c) = AFTER[kind as usize].captures(after) {
        // The number is in the form that matched.
        let other = End::of(&c, 2)
            .or_else(|| End::of(&c, 4))
            .or_else(|| End::of(&c, 6));
        let Some(other) = other else { return false };
        let after_high = &after[c.get(0).map_or(after.len(), |m| m.end())..];
        return if c[1].eq_ignore_ascii_case("and") {
            LEAD.is_match(before)
        } else {
            !tells_a_change(kind, before, after_high) && ends(kind, &mine, &other, before)
        };
    }
    false
}

/// Whether the words before the first end (`lead`) tell a change: "from" among them, or
/// for an amount or a count, a verb of change right before it (the amount a figure changed
/// by). A percentage after such a verb is as often a range ("sales fell 20 percent to 25
/// percent").
fn tells_a_change(kind: Kind, lead: &str, after_high: &str) -> bool {
    has_from(lead)
        || (matches!(kind, Kind::Money | Kind::Count)
            && (after_a_change(lead) || changed_to_a_price(lead, after_high)))
}

/// Verbs of change that wire copy puts before the amount a figure changed by ("reserves
/// rose 83 mln dlrs to 502 mln", "rising 0.05 to 0.415").
const CHANGED: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "rising",
    "fell",
    "fall",
    "falls",
    "falling",
    "increased",
    "decreased",
    "climbed",
    "climbing",
    "dropped",
    "dropping",
    "declined",
    "declining",
    "jumped",
    "jumping",
    "gained",
    "gaining",
    "grew",
    "growing",
    "widened",
    "narrowed",
    "slipped",
    "slipping",
    "eased",
    "easing",
    "surged",
    "surging",
    "plunged",
    "plunging",
    "up",
    "down",
];

/// Verbs of market reports that a range of changes follows as often ("soared 15 to 18
/// cents", "added 150 to 200 yuan") as a change and the price it came to ("lost 2.20 to
/// 20.80 on heavy trading", "was off 3/8 to 3-1/2."): a change only where no unit follows
/// the second number.
const CHANGED_TO_A_PRICE: &[&str] = &[
    "off", "lost", "added", "shed", "advanced", "slid", "tumbled", "soared", "rallied", "dipped",
    "fallen", "risen",
];

/// Words that may follow a price a change came to, where a range would have its unit.
const AFTER_A_PRICE: &[&str] = &[
    "on", "in", "as", "at", "with", "after", "before", "and", "while", "from", "for", "but", "or",
    "to", "a", "an", "the", "by", "its", "since", "when", "amid", "despite",
];

/// Whether `lead` ends with a verb of `CHANGED_TO_A_PRICE` and `after` (the text after the
/// second number) holds no unit.
fn changed_to_a_price(lead: &str, after: &str) -> bool {
    let last = last_words(lead).next().unwrap_or("");
    if !CHANGED_TO_A_PRICE
        .iter()
        .any(|c| last.eq_ignore_ascii_case(c))
    {
        return false;
    }
    let rest = after.trim_start();
    let word = &rest[..rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len())];
    word.is_empty() || AFTER_A_PRICE.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether `text` ends with a verb of change. After "by", how far apart the ends are
/// tells (see `ends`).
fn after_a_change(text: &str) -> bool {
    let last = last_words(text).next().unwrap_or("");
    CHANGED.iter().any(|c| last.eq_ignore_ascii_case(c))
}

/// Whether one of the last words of `before` starts with a connector of ends ("to", "and",
/// "or"), as `BEFORE` wants it: a currency mark may follow it, apart or not ("5,000 to US$",
/// "toUS$"). A cheap test that every match of `BEFORE` passes.
fn ends_with_a_connector(before: &str) -> bool {
    last_words(before).take(3).any(|word| {
        ["to", "and", "or"].iter().any(|c| {
            word.get(..c.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(c))
        })
    })
}

/// Whether `after` starts with a connector of ends between spaces, as `AFTER` wants it.
fn starts_with_a_connector(after: &str) -> bool {
    let rest = after.trim_start();
    if rest.len() == after.len() {
        return false;
    }
    let end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    is_a_connector(&rest[..end]) && rest[end..].starts_with(char::is_whitespace)
}

fn is_a_connector(word: &str) -> bool {
    ["to", "and", "or"]
        .iter()
        .any(|c| word.eq_ignore_ascii_case(c))
}

/// The words of `text`, last first.
fn last_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
}

/// Whether "from" is among the words of `text` ("from less than 10 percent to as much as
/// 40 percent" is a change), other than after a verb of spread, maybe with an adverb
/// between ("ranging from 3.9 pct to 5.15 pct", "varied from 100 mln to 150 mln", "range
/// anywhere from $4 billion to $12 billion" are ranges).
fn has_from(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let spread = |w: &str| {
        let w = w.to_ascii_lowercase();
        ["rang", "vari", "vary"].iter().any(|s| w.starts_with(s))
    };
    let adverb = |w: &str| {
        let w = w.to_ascii_lowercase();
        w.ends_with("ly") || w == "anywhere" || w == "somewhere"
    };
    // The words before a "from" are looked at only for a "from".
    let after_spread = |i: usize| match i {
        0 => false,
        1 => spread(words[0]),
        _ => spread(words[i - 1]) || (adverb(words[i - 1]) && spread(words[i - 2])),
    };
    words
        .iter()
        .enumerate()
        .any(|(i, w)| w.eq_ignore_ascii_case("from") && !after_spread(i))
}

/// Two ends of one range: the first below the second, of one order of magnitude and one
/// scale (the first may leave it to the second). After "by" (`lead` ends with it), and for
/// amounts of money without a scale word, the second is at most twice the first: "cut
/// profits by $600 million to $650 million" and "$30 to $35 a share" are ranges, "raised its
/// reserve by 110 mln dlrs to 386 mln" is a change and the figure it came to, and so is
/// "jumped as much as $5 to $30" (a verb of change says so too). An ordinal pairs only with
/// an ordinal: "his third or fourth visit" is a range, "up by a fifth to 21 million" is not.
fn ends(kind: Kind, low: &End, high: &End, lead: &str) -> bool {
    let by = last_words(lead)
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("by"));
    let unscaled_money = matches!(kind, Kind::Money) && high.scale.is_none();
    let reach = if by || unscaled_money { 2.0 } else { 10.0 };
    (low.scale == high.scale || low.scale.is_none())
        && low.ordinal == high.ordinal
        && low.number < high.number
        && high.number <= reach * low.number
}

/// Up to `REACH` bytes of `text` before `at`, from a character boundary.
pub(super) fn tail(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(REACH);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

/// Up to `REACH` bytes of `text` after `at`, to a character boundary.
pub(super) fn head(text: &str, at: usize) -> &str {
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
        let (text, span) = crate::extract::marked(sentence);
        // What a count in words is read as ("three times" is 3).
        let raw = &text[span.clone()];
        let value = count_in_words(raw.trim_end_matches(" times")).unwrap_or(f64::NAN);
        end_of_a_range_in_words(&text, &span, kind, value)
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
            "Bids could range anywhere from $4 billion to [[$6 billion]].",
            "Estimates varied widely from [[500 mln dlrs]] to 700 mln dlrs.",
            "Profits varied from A$163.8 million to [[A$190 million]].",
            "A charge of [[US$300 mln]] to US$400 mln is seen.",
            // In words, and after "by" when the ends are close.
            "It is worth between three and [[four billion dlrs]].",
            "It will slash profits by [[$600 million]] to $650 million.",
            "It will slash profits by $600 million to [[$650 million]].",
            // Without a scale word, when close.
            "Shares were priced at [[$30]] to $35 each.",
            "Shares were priced at $30 to [[$35]] each.",
            "Earnings of between [[$1.30]] and $1.40 a share.",
        ] {
            assert!(end(Kind::Money, sentence), "{sentence}");
        }
        assert!(end(
            Kind::Percent,
            "Inflation of between three and [[four percent]] is seen."
        ));
        for sentence in [
            "Between [[20]] and 30 people were hurt.",
            "Between 20 and [[30]] people were hurt.",
            "Some 10 to [[15]] people died.",
            "It took [[two]] to three weeks.",
            "It took two to [[three weeks]].",
            "It happened two to [[three times]].",
            "[[Three]] or four visits were made.",
            "Three or [[four]] visits were made.",
            "They met once or [[twice]].",
            "It was his [[third]] or fourth visit.",
            "It was his third or [[fourth]] visit.",
            "It has 15,000 to [[20,000]] cars.",
            "It will take [[12]] to 18 months.",
            "It will take 1 to [[2 million]] doses.",
            "Growth of [[10]] to 15 percent.",
            "Costs will decline by [[30]] to 40 billion dlrs.",
            "Fares rose by [[two]] to three dollars.",
        ] {
            assert!(end(Kind::Count, sentence), "{sentence}");
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
            "Its share rose sharply from [[10 percent]] to 15 percent.",
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
            "Tyco was up, and it went [[$4.50]] to $11.50 today.",
            "Tyco jumped [[$4.50]] to $11.50.",
            "Reserves rose [[83 mln dlrs]] to 502 mln.",
            "Reserves rose 83 mln dlrs to [[502 mln dlrs]].",
            "The deficit grew by [[$11.1 billion]] to $58.6 billion.",
            "It paid [[$5 million]] and $6 million in two years.",
            // After "by", ends far apart are a change and the figure it came to.
            "It raised its reserve by [[110 mln dlrs]] to 386 mln dlrs.",
            "It raised its reserve by 110 mln dlrs to [[386 mln dlrs]].",
            "Qantas raised its target by [[A$100 million]] to A$430 million.",
            "Spending rose by around a fifth to [[21 million stg]].",
        ] {
            assert!(!end(Kind::Money, sentence), "{sentence}");
        }
        for sentence in [
            "It raised its stake by [[10 percent]] to 33 percent.",
            "Germany and France clocked up eight and [[six percent]].",
        ] {
            assert!(!end(Kind::Percent, sentence), "{sentence}");
        }
        for sentence in [
            "The toll rose from 10 to [[15]].",
            "The toll rose from [[10]] to 15.",
            "Shares rose [[4]] to 35.",
            "Shares rose 4 to [[35]].",
            "Gold Inc. led, rising [[0.05]] to 0.415.",
            "He made [[5]] visits and 6 calls.",
            "The index rose 10 to [[1,500]].",
            "Ten to [[three]] is the score.",
            "The vote was one to [[the]] other.",
            "The team won [[4]] to 1.",
            "Three to [[four-fifths]] of them left.",
            "Rates of one third to [[20]] points were set.",
        ] {
            assert!(!end(Kind::Count, sentence), "{sentence}");
        }
    }

    /// Text around values: a lead, a number with its unit, a connector and a currency mark,
    /// each with spaces or none, and sometimes something else in its place.
    fn pieces() -> impl proptest::strategy::Strategy<Value = String> {
        let one = |options: &[&'static str]| proptest::sample::select(options.to_vec());
        (
            one(&["", "between ", "from ", "(", "\u{201c}", "x"]),
            one(&["", "$", "US$", "U.S.$", "Rs. ", "€"]),
            one(&["10", "3.5", "2,000", "three", "toe"]),
            one(&[
                "", " million", "bn", " crore", "%", " pct", " dollars", " francs",
            ]),
            one(&[" ", "  ", "\u{a0}", "", ","]),
            one(&["to", "To", "and", "AND", "or", "nor", "a"]),
            one(&[" ", "", "\u{2009}", "."]),
            one(&[
                "", "$", "US$", "U.S.$", "C$", "Rs.", "€", "15", "15%", "four",
            ]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h)| [a, b, c, d, e, f, g, h].concat())
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// The cheap tests let through every text the regexes match.
        #[test]
        fn the_connector_tests_pass_whatever_the_regexes_match(text in pieces()) {
            for kind in [Kind::Percent, Kind::Money, Kind::Count] {
                if BEFORE[kind as usize].is_match(&text) {
                    proptest::prop_assert!(ends_with_a_connector(&text), "{text:?}");
                }
                // What follows a value: the text from its connector on.
                let after = &text[text.find(char::is_whitespace).unwrap_or(0)..];
                if AFTER[kind as usize].is_match(after) {
                    proptest::prop_assert!(starts_with_a_connector(after), "{after:?}");
                }
            }
        }
    }
}
