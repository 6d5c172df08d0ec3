//! The regex grammar behind `{value}` for each type. Fragments use only non-capturing
//! groups and carry their own flags, so they behave the same inside any user pattern.

use std::sync::LazyLock;

const UNITS: &str = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\
thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
const TENS: &str = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
/// Scale words, those of South Asian numbering too: a lakh is 100,000 and a crore ten
/// million ("Rs 500 crore", "2 lakh people"; "1.5 lakh crore" is 1.5 trillion).
/// "Lac" in lower case only: "Lac-Mégantic" and "Lac La Biche" are places.
const SCALES: &str = "hundred|thousand|million|billion|trillion|lakhs?|(?-i:lacs?)|crores?";
const ORDINAL_UNITS: &str = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\
eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth";
const ORDINAL_TENS: &str = "twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|\
eightieth|ninetieth|hundredth|thousandth";

/// Qualifiers in front of a value ("more than", "about"…), longest first.
pub const QUALIFIERS: &str = "more than|greater than|over|above|in excess of|at least|\
no fewer than|no less than|a minimum of|fewer than|less than|under|below|up to|at most|\
no more than|a maximum of|as (?:many|much) as|about|nearly|roughly|almost|around|\
approximately|some|close to|an estimated|just over|just under";

/// Month names, capitalised ("may" and "march" are also verbs) and whole words ("May", not
/// the start of "Mayor" or "Maybe").
pub const MONTHS: &str = "(?-i:(?:January|February|March|April|May|June|July|August|September|\
October|November|December)\\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\\.|\\b))";
/// Weekday names, whole words only: "on Mondays" names no day.
pub const WEEKDAYS: &str = "(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b)";

/// A time of day: "15:00", "3:30 p.m.", "10 a.m.", "9pm" (a stop between hours and minutes
/// only with "a.m."/"p.m.", or it would read prices: "rose 2.50 Monday").
const TIME_OF_DAY: &str =
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])(?:\.[0-5]\d)?\s?[ap]\.?m\.?";
/// Time zones news gives after a time of day (capitals only).
const ZONES: &str = "GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT";

/// Fractions as wire copy and market reports write them: halves to sixty-fourths ("1/2",
/// "15/16"; not "9/11" or "24/7"), or a fraction sign.
const FRACTION: &str = r"\d{1,2}/(?:2|3|4|8|16|32|64)\b|(?u:[½¼¾⅓⅔⅛⅜⅝⅞])";

/// Digits grouped by commas: in thousands ("1,200,000"), or as South Asian copy groups
/// them, in hundreds above the first thousand ("12,00,000" is 1,200,000).
const GROUPED: &str = r"\d{1,2}(?:,\d\d)+,\d{3}|\d{1,3}(?:,\d{3})+";

/// A number in digits: "1,200", "3.5", or with a fraction ("7-1/2", "7 1/2", "7½", "3/4").
/// The forms with a fraction come first: a rate of "7-1/2 pct" is not "2 pct", nor "7".
fn digits() -> String {
    format!(
        r"\d+(?:[\s-](?:{FRACTION})|(?u:[½¼¾⅓⅔⅛⅜⅝⅞]))|{FRACTION}|(?:{GROUPED})(?:\.\d+)?|\d+(?:\.\d+)?"
    )
}

/// A number in words: "thirty-five", "one hundred and twenty", "two thousand", "one and a
/// half million", "a million", "a million and a half", "half a dozen" (or "a half-dozen"),
/// "three quarters of a million". Each word is whole ("tender", "fourth" and "Oneok" hold none). "And" comes only
/// after a scale word, or before "a half": "one and two million" is two numbers, not three
/// million. "Three quarters of a million" comes before "three", which it begins with: the
/// regex takes the first alternative that matches.
fn word_number() -> String {
    let atom = format!("(?:{TENS})(?:-(?:{UNITS}))?|(?:{UNITS})");
    format!(
        r"(?:a|one|three)[ \t\r\n-]quarters?[ \t\r\n]of[ \t\r\n]a[ \t\r\n](?:million|billion|trillion)\b|(?:(?:{atom})\b(?:\s+and\s+a\s+half\b)?|a[ \t\r\n]+(?:{SCALES})\b(?:[ \t\r\n]+and[ \t\r\n]+a[ \t\r\n]+half\b)?)(?:(?:\s+|-)(?:{atom})\b|(?:\s+|-)(?:{SCALES})\b(?:\s+and\s+(?:a[ \t\r\n]+half|{atom})\b)?)*|half\s+a\s+(?:dozen|million|billion)\b|a\s+half[\s-]dozen\b|a\s+dozen|dozens"
    )
}

/// Scale words shortened, after digits ("$1.5tn" is a trillion dollars, as British papers
/// write it). An amount of money may also have "cr" for crore ("Rs 500 cr"): after a number
/// alone it is as often a councillor ("Ward 3 Cr Smith").
const SHORT_SCALES: &str = "bn|mn|mln|bln|tn|trn|trln|tln";
const SHORT_SCALES_OF_MONEY: &str = "bn|mn|mln|bln|tn|trn|trln|tln|cr";

/// The scale word that may follow digits ("1.2 billion", "3m", "$1.2-billion" as Canadian
/// papers write it, "1.5 lakh crore", "£20-odd million"), or nothing.
fn scaled(short: &str) -> String {
    format!(
        r"(?:(?:-(?:odd|plus))?(?:-|\s*)(?:{SCALES}|{short})\b(?:(?:\s+|-)crores?\b)?|(?:m|b|k)\b)?"
    )
}

/// Digits or words, with an optional scale word ("1.2 billion", "3 million", "45,000").
fn amount() -> String {
    amount_with(SHORT_SCALES)
}

/// An amount with the short scale words `short`.
fn amount_with(short: &str) -> String {
    format!(
        r"(?:(?:{}){}|\b(?:{}))",
        digits(),
        scaled(short),
        word_number()
    )
}

fn qualifier() -> String {
    format!(r"(?:\b(?:{QUALIFIERS})\s+)?")
}

/// A minus sign, which may start a number, a percentage or an amount: "-0.5%", "−3", "minus
/// 2.3 percent". A "-" only after a space, a bracket or the start of the text (`\B`: not
/// "2-3%" nor "RPI-7.5"). Extraction decides whether a sign so found is one ("plus or minus
/// 3 points" is a margin), and leaves it out of the value where it is not.
const SIGN: &str = r"(?:(?-u:\B)(?:-|(?u:\x{2212}))|\bminus\s+)?";

/// What may follow a value and say it is no exact figure (see `normalize_quantity`):
/// "20-odd", "3,000-plus", "1,000+", "20 or more" and "18 or over" are at least the number
/// written, "40 or fewer" and "5 or under" at most, "15 or so" about it. A "+" only where no
/// digit follows ("2+2" is a sum). "And over" is not read: "rose 5% and over the year fell
/// 2%"; nor is "or better", which is at most the number of a grade ("U.S. no. 2 or better
/// wheat") and at least that of a yield.
const AFTER: &str = r"(?:-(?:odd|plus)\b|\+(?-u:\B)|[ \t\r\n]+or[ \t\r\n]+(?:more|higher|greater|over|above|so|thereabouts|less|fewer|lower|under|below)\b)?";

fn number() -> String {
    format!(r"(?i:{q}{SIGN}{a}{AFTER})", q = qualifier(), a = amount())
}

fn percent() -> String {
    format!(
        r"(?i:{q}{SIGN}(?:{d}|\b(?:{w}))(?:\s?%|[\s-]?per[\s-]?cent\b|[\s-]?percent\b|\s+pct\b){AFTER})",
        q = qualifier(),
        d = digits(),
        w = word_number()
    )
}

/// A count: "twice", "third", "21st", "1,500th", or a number in digits or words, with a
/// scale word or "times" perhaps ("three times", "2.5 times", "1,500", "3 million"). Digits
/// are read whole, as for a number: "1,500 people" is no count of one. (Fractions are left
/// to `number`: a count of "45-7/8" is a price.)
fn count() -> String {
    format!(
        r"(?i:{q}(?:\b(?:once|twice|thrice)\b|\b(?:(?:{TENS})-(?:{ORDINAL_UNITS})|{ORDINAL_TENS}|{ORDINAL_UNITS})\b|\b(?:{GROUPED}|\d+)(?:st|nd|rd|th)\b|(?:\b(?:{GROUPED}|\d+)(?:\.\d+)?{s}|\b(?:{w})){AFTER}(?:\s+times\b)?))",
        q = qualifier(),
        s = scaled(SHORT_SCALES),
        w = word_number()
    )
}

/// The signs of currencies other than the dollar, written before an amount.
pub const CURRENCY_SIGNS: &str = "€£¥₹₩₽₺₪";

/// The codes of South Asian currencies, read before an amount ("INR 300 crore") and after
/// it, in capitals only.
pub const SOUTH_ASIAN_CODES: &str = "INR|PKR|LKR|NPR|BDT";

/// Currency marks before an amount, each followed by an optional space.
/// The letters before `$` are capitals, and a single one is written against it: in "a $5
/// fee" or "A $300 million deal", "a" is no Australian dollar. "Rs" (or "Rs.") is the rupee
/// of India, Pakistan, Sri Lanka and Nepal alike.
fn money_before() -> String {
    format!(
        r"(?-i:\b(?:(?:US|U\.S\.|CA|CAD|CDN|AU|NZ|HK|NT|USD|EUR|GBP)\s?|C|A|S|R))?\$|[{CURRENCY_SIGNS}]|\b(?:USD|CAD|EUR|GBP|JPY|CHF|MXN)|(?-i:\b(?:Rs\.?|{SOUTH_ASIAN_CODES}))"
    )
}
/// Currency words after an amount: dollars, euros, pounds and the codes, then
/// `OTHER_CURRENCIES`. Ranges of amounts read them too ("10 to 15 Swiss francs").
pub static CURRENCY_WORDS: LazyLock<String> = LazyLock::new(money_after);

fn money_after() -> String {
    format!(
        r"(?:(?:US|U\.S\.|Canadian|American|Australian|New\s+Zealand|Hong\s+Kong|Singapore|Taiwan)\s+)?(?:dollars|dlrs?)\b|(?:euros|pounds|pesos|yen|stg)\b|(?:USD|CAD|EUR|GBP)\b|(?-i:(?:{SOUTH_ASIAN_CODES})\b)|{OTHER_CURRENCIES}"
    )
}

/// The other currencies news names after an amount ("480 mln marks", "1.5 billion yuan",
/// "12.5 billion Czech crowns"), with the nation words that tell apart currencies of one
/// name. "Won" alone is also a verb ("Halo 2 won the award"): extraction keeps it only
/// after an amount no verb follows so (see `extract/money.rs`).
pub(super) const OTHER_CURRENCIES: &str = concat!(
    r"(?:(?:Swiss|French|Belgian|Luxembourg)\s+)?francs\b",
    r"|(?:(?:West\s+)?German\s+|Deutsche\s+|Finnish\s+|D-)?marks\b",
    r"|(?:(?:Czech|Slovak|Swedish|Danish|Norwegian)\s+)?crowns\b|kronor\b|kroner\b",
    r"|(?:(?:Indian|Pakistani|Sri\s+Lankan)\s+)?rupees\b",
    r"|(?:(?:Saudi|Qatari)\s+)?riyals?\b",
    r"|(?:(?:Kuwaiti|Iraqi|Jordanian|Bahraini|Tunisian|Algerian|Libyan)\s+)?dinars?\b",
    r"|(?:Mexican|Argentine|Philippine|Chilean|Colombian)\s+pesos\b",
    r"|(?:Egyptian|Lebanese|Syrian)\s+pounds\b|Japanese\s+yen\b",
    r"|(?:Turkish\s+)?lira\b|(?:Italian\s+)?lire\b",
    r"|(?:Chinese\s+)?(?:yuan|renminbi)\b|(?:South\s+)?Korean\s+won\b",
    r"|(?:Dutch\s+)?guilders\b|(?:South\s+African\s+)?rand\b|ringgit\b|baht\b|rupiah\b",
    r"|roubles\b|rubles\b|naira\b|shekels\b|zlotys?\b|forints?\b|pesetas\b|escudos\b|won\b",
    r"|(?:Austrian\s+)?schillings\b|drachmas\b|(?:Irish\s+)?punts\b|dirhams\b"
);

/// An amount with its currency before or after it. The amount is written twice, not once
/// per currency form: it is most of the grammar, and the compiled size of every money
/// pattern (and the work of finding what it captured) grows with it. The forms before an
/// amount share it without changing which match is preferred; so do those after it, as no
/// currency word can be read as part of an amount (a test compares it with one amount per
/// form).
fn money() -> String {
    let a = amount_with(SHORT_SCALES_OF_MONEY);
    format!(
        r"(?i:{q}{SIGN}(?:(?:{before})\s?{a}|{a}\s+(?:{after})){AFTER})",
        q = qualifier(),
        before = money_before(),
        after = money_after(),
    )
}

fn year() -> String {
    r"(?i:\b(?:1[89]\d\d|20\d\d|21\d\d)\b|\b(?:next|last|this|the\s+(?:next|last|coming|previous|past|following))\s+year\b|\bin\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years\b|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years?\s+ago\b)".to_string()
}

fn month() -> String {
    format!(
        r"(?i:\b(?:next|last|this)\s+month\b|\b(?:last|next|this)\s+{MONTHS}(?:\s+\d{{4}})?|\b{MONTHS}(?:,?\s+(?:of\s+)?(?:1[89]|20|21)\d\d\b)?|\b(?:1[89]|20|21)\d\d-(?:0[1-9]|1[0-2])\b)"
    )
}

fn date() -> String {
    let day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
    let year = r"(?:1[89]|20|21)\d\d";
    let part = r"(?:\s+(?:morning|afternoon|evening|night))?";
    // A time of day before a weekday, as wire copy writes it ("10 a.m. Tuesday", "15:00 GMT
    // Saturday"): part of the date as written.
    let at = format!(r"(?:\b(?:{TIME_OF_DAY})\s+(?:(?-i:{ZONES})\s+)?)?");
    // Days from one to another, with a dash and no space around it ("June 8-10", "8-10 June",
    // "June 30-July 2"): wire datelines put a spaced dash after the day ("NEW YORK, Oct 20 -
    // Sept 30 profits rose"). Before the single days, which they begin with.
    let dash = "(?u:[-\u{2013}])";
    let spans = format!(
        r"\b{MONTHS}\s+{day}{dash}(?:{MONTHS}\s+)?{day}\b(?:,?\s+{year}\b)?|\b{day}(?:\s+(?:of\s+)?{MONTHS})?{dash}{day}\s+(?:of\s+)?{MONTHS}(?:,?\s+{year}\b)?"
    );
    format!(
        r"(?i:\b\d{{4}}-\d{{2}}-\d{{2}}\b|{spans}|\b{MONTHS}\s+{day}\b(?:,?\s+{year}\b)?|\b{day}\s+(?:of\s+)?{MONTHS}(?:,?\s+{year}\b)?|\b(?:early|mid|late)[\s-](?:last\s+|next\s+|this\s+)?{MONTHS}(?:\s+{year}\b)?|\b(?:earlier|later)\s+this\s+(?:month|week)\b|\bover\s+the\s+weekend\b|\b(?:the\s+)?(?:last|next|this|past|coming|previous|following)\s+(?:week|weekend)\b|\b(?:this\s+past|this\s+coming|last|next|this)\s+{WEEKDAYS}{part}|{at}\b{WEEKDAYS}{part}|\b(?:yesterday|today|tomorrow|tonight)\b)"
    )
}

/// The grammars are matched with ASCII rules where Unicode ones add nothing but size: word
/// boundaries (a Unicode `\b` makes the regex engine give up its fast DFA on any text holding
/// a curly quote or an accent), digits (the values are read as ASCII digits) and case
/// (number words and qualifiers are ASCII). Whitespace stays Unicode, so a no-break space
/// still separates a number from its unit. This halves the compiled size of a pattern,
/// which counts with hundreds of rules.
fn ascii_rules(grammar: String) -> String {
    grammar
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]")
        .replace("(?i:", "(?i-u:")
        .replace(r"\s", r"(?u:\s)")
        .replace(r"[(?u:\s)-]", r"(?u:[\s-])")
        .replace(
            &format!("[{CURRENCY_SIGNS}]"),
            &format!("(?u:[{CURRENCY_SIGNS}])"),
        )
}

static GRAMMARS: LazyLock<[String; 7]> = LazyLock::new(|| {
    [
        number(),
        percent(),
        count(),
        money(),
        year(),
        month(),
        date(),
    ]
    .map(ascii_rules)
});

/// The grammar of a type, by its index in `ValueType::ALL`.
pub fn grammar(index: usize) -> &'static str {
    &GRAMMARS[index]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Money written with the amount once per currency form, as seven alternatives.
    fn money_one_amount_per_form() -> String {
        let a = amount_with(SHORT_SCALES_OF_MONEY);
        format!(
            r"(?i:{q}{SIGN}(?:(?-i:\b(?:(?:US|U\.S\.|CA|CAD|CDN|AU|NZ|HK|NT|USD|EUR|GBP)\s?|C|A|S|R))?\$\s?{a}|[{CURRENCY_SIGNS}]\s?{a}|\b(?:USD|CAD|EUR|GBP|JPY|CHF|MXN)\s?{a}|(?-i:\b(?:Rs\.?|{SOUTH_ASIAN_CODES}))\s?{a}|{a}\s+(?:(?:US|U\.S\.|Canadian|American|Australian|New\s+Zealand|Hong\s+Kong|Singapore|Taiwan)\s+)?(?:dollars|dlrs?)\b|{a}\s+(?:euros|pounds|pesos|yen|stg)\b|{a}\s+(?:USD|CAD|EUR|GBP)\b|{a}\s+(?-i:(?:{SOUTH_ASIAN_CODES})\b)|{a}\s+(?:{OTHER_CURRENCIES})))",
            q = qualifier(),
        )
    }

    const MONEY_WORDS: &[&str] = &[
        "$",
        "US$",
        "US",
        "U.S.",
        "C$",
        "CA",
        "A",
        "€",
        "£",
        "₹",
        "S$",
        "NT$",
        "¥",
        "USD",
        "CAD",
        "GBP",
        "MXN",
        "Rs",
        "Rs.",
        "INR",
        "PKR",
        "5",
        "12,34,567",
        "1,200",
        "3.5",
        "45,000.75",
        "two",
        "twenty-five",
        "hundred",
        "and",
        "million",
        "lakh",
        "lac",
        "Lac",
        "crore",
        "cr",
        "-crore",
        "tn",
        "trn",
        "bn",
        "m",
        "k",
        "dozens",
        "a dozen",
        "a",
        "-billion",
        "dollars",
        "dlrs",
        "dlr",
        "stg",
        "mln",
        "7-1/2",
        "3/4",
        "½",
        "Canadian",
        "American",
        "euros",
        "pounds",
        "yen",
        "Swiss francs",
        "marks",
        "Czech",
        "crowns",
        "yuan",
        "Korean won",
        "won",
        "rand",
        "about",
        "more than",
        "up to",
        "tariff",
        "-",
        ",",
    ];

    proptest::proptest! {
        #[test]
        fn money_with_the_amount_shared_matches_as_one_amount_per_form(
            words in proptest::collection::vec(
                (proptest::sample::select(MONEY_WORDS), proptest::sample::select(&[" ", "", "  ", "\u{a0}"][..])),
                1..10,
            )
        ) {
            let text: String = words.iter().flat_map(|(w, sep)| [*w, *sep]).collect();
            let shared = regex::Regex::new(&GRAMMARS[3]).unwrap();
            let each = regex::Regex::new(&ascii_rules(money_one_amount_per_form())).unwrap();
            let spans = |re: &regex::Regex| re.find_iter(&text).map(|m| m.range()).collect::<Vec<_>>();
            proptest::prop_assert_eq!(spans(&shared), spans(&each), "{:?}", text);
        }
    }

    #[test]
    fn money_with_a_sign_matches_as_one_amount_per_form() {
        let shared = regex::Regex::new(&GRAMMARS[3]).unwrap();
        let each = regex::Regex::new(&ascii_rules(money_one_amount_per_form())).unwrap();
        for text in [
            "-5  dollars ",
            "minus $5 million",
            "x -$3 and 2-$4",
            "about -5 dlrs",
        ] {
            let spans =
                |re: &regex::Regex| re.find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
            assert_eq!(spans(&shared), spans(&each), "{text:?}");
            assert!(shared.find(text).is_some(), "{text:?}");
        }
    }

    #[test]
    fn money_shares_its_amount() {
        let amounts = GRAMMARS[3]
            .matches(&ascii_rules(amount_with(SHORT_SCALES_OF_MONEY)))
            .count();
        assert_eq!(amounts, 2);
    }
}
