use super::*;

fn v(ty: ValueType, s: &str) -> Value {
    Value::parse_canonical(ty, s).unwrap()
}

#[test]
fn compatible_values_do_not_conflict() {
    let p = |s| v(ValueType::Percent, s);
    assert!(!p("35%").conflicts_with(&p("35%")));
    assert!(p("35%").conflicts_with(&p("25%")));
    assert!(!p("<=25%").conflicts_with(&p("10%")));
    assert!(p("<=25%").conflicts_with(&p("35%")));
    let n = |s| v(ValueType::Number, s);
    assert!(!n(">2000").conflicts_with(&n("2500")));
    assert!(n(">2000").conflicts_with(&n("2000")));
    assert!(!n(">=40").conflicts_with(&n("40")));
    assert!(!n("~300").conflicts_with(&n("310")));
    assert!(n("~300").conflicts_with(&n("400")));
    let d = |s| v(ValueType::Date, s);
    assert!(!d("2025-12-01/2025-12-07").conflicts_with(&d("2025-12-03")));
    assert!(d("2025-12-01/2025-12-07").conflicts_with(&d("2025-12-08")));
    assert!(!d("2025-09-01").conflicts_with(&d("2025-09-01")));
}

#[test]
fn different_currencies_and_kinds_never_conflict() {
    let m = |s| v(ValueType::Money, s);
    assert!(!m("USD 100").conflicts_with(&m("CAD 200")));
    assert!(m("USD 100").conflicts_with(&m("USD 200")));
    assert!(!v(ValueType::Year, "2026").conflicts_with(&v(ValueType::Count, "3")));
}

#[test]
fn definitely_below_respects_bounds() {
    let c = |s| v(ValueType::Count, s);
    assert!(c("2").definitely_below(&c("3")));
    assert!(!c("3").definitely_below(&c("3")));
    assert!(!c(">2").definitely_below(&c("3")));
    assert!(c("<3").definitely_below(&c("3")));
}

#[test]
fn canonical_forms_round_trip() {
    for (ty, s) in [
        (ValueType::Percent, "35%"),
        (ValueType::Percent, "<=25%"),
        (ValueType::Number, "~300"),
        (ValueType::Number, ">=40"),
        (ValueType::Money, "USD 1200000000"),
        (ValueType::Year, "2026"),
        (ValueType::Month, "2025-10"),
        (ValueType::Date, "2025-09-01"),
        (ValueType::Date, "2025-12-01/2025-12-07"),
        (ValueType::Count, "3"),
    ] {
        assert_eq!(v(ty, s).to_string(), s);
    }
    assert_eq!(v(ValueType::Percent, "35 per cent").to_string(), "35%");
    assert_eq!(v(ValueType::Count, "third").to_string(), "3");
    assert!(
        Value::parse_canonical(ValueType::Year, "next year")
            .unwrap_err()
            .contains("relative")
    );
    assert!(Value::parse_canonical(ValueType::Percent, "lots").is_err());
}

#[test]
fn nasty_inputs_never_panic() {
    let ctx = |d| NormalizeContext {
        article_date: d,
        sentence: "",
        value_start: 0,
        default_currency: "USD",
    };
    let inputs = [
        "",
        " ",
        "February 30",
        "99999",
        "Sept. 31, 2025",
        "-",
        "$",
        "C$",
        "1e400",
        "999999999999999999999999 billion",
        "next",
        "last week of",
        "early",
        "mid-",
        "0th",
        "31 February 2025",
        "Monday Monday",
        "é",
        "２０２５",
        "9999-99-99",
        "2025-13-01",
        "hundred hundred thousand",
        "half a",
        "over the",
    ];
    for ty in ValueType::ALL {
        for s in inputs {
            for d in [
                None,
                Some(jiff::civil::date(2025, 1, 1)),
                Some(jiff::civil::date(9999, 12, 31)),
                Some(jiff::civil::date(-9999, 1, 1)),
            ] {
                let _ = normalize(ty, s, &ctx(d));
            }
            let _ = Value::parse_canonical(ty, s);
        }
    }
}

#[test]
fn a_year_beside_a_date_is_read_from_the_words_around_it() {
    use dates::{Wording, Written};
    // The value is the "@" of each sentence.
    let of = |sentence: &str| {
        let at = sentence.find('@').unwrap();
        Wording::of(sentence, at, at + 1).written
    };
    assert_eq!(of("in fiscal 1987/88 ending @ it"), Written::Year(1988));
    assert_eq!(of("in fiscal 1999/00 ending @ it"), Written::Year(2000));
    assert_eq!(of("in fiscal 1987-1988, which ends @"), Written::Year(1988));
    assert_eq!(of("the 1986/87 season, which began @"), Written::Year(1986));
    assert_eq!(of("for fiscal 1987 (ending @)"), Written::Ends(1987));
    // A span of more than one year, a year too far back, no word of end or start, a year
    // of the grammar's range only ("1600 EST"): nothing.
    assert_eq!(of("in 1985/87 ending @"), Written::Nothing);
    assert_eq!(
        of("in 1986/87 when the bank, as it did, ended @"),
        Written::Nothing
    );
    assert_eq!(of("sales in 1986 rose on @"), Written::Nothing);
    assert_eq!(of("fiscal 1988 beginning @"), Written::Nothing);
    assert_eq!(of("a deadline of 1600 EST through @"), Written::Nothing);
    assert_eq!(of("on @ last year"), Written::FromArticle(-1));
    assert_eq!(of("on @, a year ago,"), Written::FromArticle(-1));
    assert_eq!(of("on @ this year"), Written::FromArticle(0));
    assert_eq!(of("on @ next year"), Written::FromArticle(1));
    assert_eq!(of("after @, next year."), Written::FromArticle(1));
    assert_eq!(of("TOKYO, @ - Next year will"), Written::Nothing);
    assert_eq!(of("shut last @ for repairs"), Written::LastOrNext);
    assert_eq!(of("from next @ on"), Written::LastOrNext);
    assert_eq!(of("on @ as planned"), Written::Nothing);
}

#[test]
fn the_tense_is_the_nearest_marker_before_the_value_else_after_it() {
    use dates::{Tense, tense};
    // The value is the "@" of each sentence.
    let of = |sentence: &str| {
        let at = sentence.find('@').unwrap();
        tense(sentence, at, at + 1)
    };
    assert_eq!(of("They MET in @ and will meet again."), Tense::Past);
    assert_eq!(of("They will meet, as they met in @."), Tense::Past);
    assert_eq!(of("Talks are set to resume on @."), Tense::Future);
    assert_eq!(of("Talks are SET to resume on @."), Tense::Future);
    // Without "to" after it, "set" says nothing; the marker before it decides.
    assert_eq!(of("Talks were set on @."), Tense::Past);
    // A passive infinitive is not a past event; the marker before it decides.
    assert_eq!(of("The report will be Published in @."), Tense::Future);
    assert_eq!(of("The report is to BE published in @."), Tense::Neutral);
    // So is a passive of an irregular verb.
    assert_eq!(of("The summit will be held on @."), Tense::Future);
    assert_eq!(of("The summit was held on @."), Tense::Past);
    assert_eq!(of("The summit has been held on @."), Tense::Past);
    // An adverb after "be" is no passive: it still tells the tense.
    assert_eq!(of("The vote could be earlier, on @."), Tense::Past);
    assert_eq!(of("They'll vote in @."), Tense::Future);
    assert_eq!(of("Prices rise through @."), Tense::Deadline);
    // Travel in the present, and preparing to, point ahead.
    assert_eq!(
        of("The minister, who leaves for Moscow on @, met"),
        Tense::Future
    );
    assert_eq!(of("when he arrives for talks on @ would be"), Tense::Future);
    assert_eq!(of("Reagan, preparing to depart on @, said"), Tense::Future);
    // Past a word that begins a clause of its own, the words after say nothing.
    assert_eq!(
        of("An announcement late @ that the USDA will lift"),
        Tense::Neutral
    );
    assert_eq!(
        of("for the @ shipment, which has traded above"),
        Tense::Neutral
    );
    assert_eq!(
        of("a deadline of @, but both sides have said"),
        Tense::Neutral
    );
    assert_eq!(of("a decision on @ will follow"), Tense::Future);
    // A date between a determiner and the word it qualifies names an event.
    let named = |s: &str| {
        let at = s.find("Feb. 22").unwrap();
        tense(s, at, at + "Feb. 22".len())
    };
    assert_eq!(named("They will act on the Feb. 22 accord."), Tense::Named);
    assert_eq!(named("It was subject to a Feb. 22 vote."), Tense::Named);
    assert_eq!(named("They will meet on Feb. 22 again."), Tense::Future);
    assert_eq!(named("They will meet the Feb. 22."), Tense::Future);
    assert_eq!(
        named("They will meet the Feb. 22, officials said."),
        Tense::Future
    );
    assert_eq!(named("They will meet thea Feb. 22 accord."), Tense::Future);
    assert_eq!(
        named("RATES FELL IN WEEK TOKYO, Feb. 22 - Rates rose."),
        Tense::Named
    );
    assert_eq!(named("They met, Feb. 22 - a Monday - again."), Tense::Named);
    assert_eq!(named("They met on Feb. 22 - a Monday."), Tense::Past);
    // A schedule's word right before a day: the nearest such day.
    let day = |s: &str| {
        let at = s.find("May 29").unwrap();
        tense(s, at, at + "May 29".len())
    };
    assert_eq!(
        day("It declared a dividend payable May 29 to holders."),
        Tense::Named
    );
    assert_eq!(
        day("Qtly div 5 cts vs 5 cts previously Pay May 29"),
        Tense::Named
    );
    assert_eq!(day("It was cut, effective May 29."), Tense::Named);
    assert_eq!(
        day("Loans were put on a cash basis as of May 29."),
        Tense::Named
    );
    assert_eq!(day("It was paid on May 29."), Tense::Past);
    // "by" an amount is no deadline; "by" a day is one.
    assert_eq!(of("Prices rose by 50 cts on @."), Tense::Past);
    assert_eq!(of("Prices rose by 5.5 pct on @."), Tense::Past);
    assert_eq!(of("Prices rose by @."), Tense::Deadline);
    assert_eq!(of("They aim to act by 2026 or on @."), Tense::Deadline);
    // "by" the one who did it, after a past participle, is no deadline either; unless the
    // participle is one to come, or "by" is right before the day.
    assert_eq!(
        of("That decision, spurred by the suspension of payments on @, cut income."),
        Tense::Past
    );
    assert_eq!(
        of("The case is to be heard by the court on @."),
        Tense::Deadline
    );
    assert_eq!(of("Shares must be surrendered by @."), Tense::Deadline);
    // Timetables in the present.
    assert_eq!(of("The offer expires @ unless extended."), Tense::Future);
    assert_eq!(of("The board meets @."), Tense::Future);
    // A weekday is not a day a reader knows by its name alone.
    assert_eq!(of("They will hold the @ vote."), Tense::Future);
    // After the value: the first marker, deadlines aside.
    assert_eq!(of("In @, until now, prices rose."), Tense::Past);
    assert_eq!(of("In @ the board will vote."), Tense::Future);
    // Only the 14 words nearest the value count before it, and 8 after it.
    let far = "He said one two three four five six seven eight nine ten eleven twelve thirteen @.";
    assert_eq!(of(far), Tense::Past);
    let too_far = "He said one two three four five six seven eight nine ten eleven twelve thirteen fourteen @.";
    assert_eq!(of(too_far), Tense::Neutral);
    assert_eq!(
        of("In @ one two three four five six seven said."),
        Tense::Past
    );
    assert_eq!(
        of("In @ one two three four five six seven eight said."),
        Tense::Neutral
    );
    // Words ending in "-ed" that are not verbs, and short ones, are no markers.
    assert_eq!(of("Indeed, in @."), Tense::Neutral);
    assert_eq!(of("A bed in @."), Tense::Neutral);
    assert_eq!(of("Sums owed in @."), Tense::Neutral);
    assert_eq!(of("Sums settled in @."), Tense::Past);
    assert_eq!(of("A limited run in @."), Tense::Neutral);
    assert_eq!(of("A long-awaited vote in @."), Tense::Past);
    // A word of two lists: "expected" is future, though it ends in "-ed".
    assert_eq!(of("The vote is EXPECTED in @."), Tense::Future);
    assert_eq!(of("The accord, \"negotiated\", ends in @."), Tense::Past);
    // A word longer than any marker is none of them.
    assert_eq!(of("Internationalization in @."), Tense::Neutral);
}

#[test]
fn dozens_is_two_dozen_or_more() {
    let ctx = NormalizeContext {
        article_date: None,
        sentence: "",
        value_start: 0,
        default_currency: "USD",
    };
    let count = |raw| normalize(ValueType::Count, raw, &ctx).unwrap();
    assert_eq!(count("dozens").to_string(), ">=24");
    assert_eq!(count("a dozen").to_string(), "12");
    assert_eq!(count("about dozens").to_string(), "~24");
    let thirty = v(ValueType::Count, "30");
    assert!(!count("dozens").conflicts_with(&thirty));
    assert!(count("dozens").conflicts_with(&v(ValueType::Count, "20")));
}

#[test]
fn a_minus_sign_puts_a_quantity_below_zero() {
    let ctx = NormalizeContext {
        article_date: None,
        sentence: "",
        value_start: 0,
        default_currency: "USD",
    };
    let read = |ty, raw| normalize(ty, raw, &ctx).map(|v| v.to_string());
    assert_eq!(read(ValueType::Percent, "-0.5%").unwrap(), "-0.5%");
    assert_eq!(
        read(ValueType::Percent, "minus 2.3 percent").unwrap(),
        "-2.3%"
    );
    assert_eq!(read(ValueType::Percent, "about -3%").unwrap(), "~-3%");
    assert_eq!(
        read(ValueType::Percent, "minus more than 3%").unwrap(),
        "<-3%"
    );
    assert_eq!(read(ValueType::Percent, "more than -3%").unwrap(), ">-3%");
    assert_eq!(
        read(ValueType::Money, "minus about 350 mln dlrs").unwrap(),
        "~USD -350000000"
    );
    assert_eq!(read(ValueType::Number, "\u{2212}2").unwrap(), "-2");
    assert_eq!(
        read(ValueType::Money, "-$5 million").unwrap(),
        "USD -5000000"
    );
    assert_eq!(read(ValueType::Number, "-0").unwrap(), "0");
    // A count is never below zero, and a lone sign is no number.
    assert!(read(ValueType::Count, "-3").is_err());
    assert!(read(ValueType::Number, "-").is_err());
    assert!(read(ValueType::Number, "minus").is_err());
    // Rule files may say so too, and -0.5% and 0.5% disagree.
    let below = v(ValueType::Percent, "-0.5%");
    assert!(below.conflicts_with(&v(ValueType::Percent, "0.5%")));
    assert!(!below.conflicts_with(&v(ValueType::Percent, "~-0.52%")));
}
