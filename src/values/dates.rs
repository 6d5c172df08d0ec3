//! Years, months and days: absolute forms, and relative ones resolved against the date the
//! claim speaks for, with the tense of the sentence deciding which way a bare month or
//! weekday points.

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::{Magnitude, Qualifier, Value, ValueError};

/// Which way the wording around a value points in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// "through June", "until", "by": a deadline, so not moved into the past.
    Deadline,
    /// "the February 22 agreement", "its March talks": the date names an event the reader
    /// knows, whatever the tense of the sentence ("will act in line with the February 22
    /// agreement"), so it is the nearest such day or month.
    Named,
    Neutral,
}

const FUTURE: &[&str] = &[
    "will",
    "shall",
    "won't",
    "would",
    "upcoming",
    "scheduled",
    "expected",
    "plans",
    "planned",
    "plan",
    "due",
    "going",
    "next",
    "soon",
    "later",
    "coming",
    "intends",
    "aims",
    "preparing",
    "prepares",
    // Timetables are written in the present: "the offer expires April 9", "the board meets
    // Tuesday".
    "starts",
    "begins",
    "opens",
    "closes",
    "expires",
    "meets",
    "resumes",
    "convenes",
    "leaves",
    "departs",
    "arrives",
];

const PAST: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "met",
    "spoke",
    "spoken",
    "told",
    "took",
    "began",
    "held",
    "made",
    "went",
    "came",
    "left",
    "since",
    "ago",
    "earlier",
    "last",
    "previously",
    "saw",
    "gave",
    "won",
    "lost",
    "fell",
    "rose",
    "hit",
    "cut",
    "set off",
    "struck",
    "sought",
    "brought",
    "thought",
    "wrote",
    "ran",
    "got",
    "became",
];

/// The words of [`PAST`] that are adverbs, not verbs.
const PAST_ADVERBS: &[&str] = &["since", "ago", "earlier", "last", "previously"];

const DEADLINE: &[&str] = &["through", "until", "till", "by", "before", "ahead"];

/// Words ending in "-ed" that are not past-tense verbs.
const NOT_PAST: &[&str] = &[
    "need",
    "speed",
    "indeed",
    "embed",
    "seed",
    "feed",
    "bed",
    "red",
    "shed",
    "bred",
    "united",
    "limited",
    "related",
    "based",
    "proposed",
    "expected",
    "scheduled",
    "planned",
];

/// What a word says of time, by its lowercase spelling (see [`MARKERS`]).
#[derive(Clone, Copy)]
enum Marker {
    Tense(Tense),
    NotPast,
}

/// The longest word of the lists: a longer word is in none of them.
const LONGEST_MARKER: usize = 16;

/// The words of the lists above. A word in two of them counts as the first of future,
/// deadline, past ("expected" is future, though it ends in "-ed" as a past tense would).
static MARKERS: LazyLock<HashMap<&'static str, Marker, foldhash::fast::FixedState>> =
    LazyLock::new(|| {
        let mut map = HashMap::default();
        for (list, marker) in [
            (NOT_PAST, Marker::NotPast),
            (PAST, Marker::Tense(Tense::Past)),
            (DEADLINE, Marker::Tense(Tense::Deadline)),
            (FUTURE, Marker::Tense(Tense::Future)),
        ] {
            for word in list {
                debug_assert!(word.len() <= LONGEST_MARKER, "{word}");
                map.insert(*word, marker);
            }
        }
        map
    });

fn classify(word: &str) -> Option<Tense> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    if w.is_empty() {
        return None;
    }
    let ends = |suffix: &str| {
        w.len() >= suffix.len()
            && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    if ends("'ll") {
        return Some(Tense::Future);
    }
    // Lowercased on the stack: this runs on the words around every date claim.
    let mut buf = [0u8; LONGEST_MARKER];
    let marker = buf.get_mut(..w.len()).and_then(|lower| {
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        MARKERS.get(std::str::from_utf8(lower).ok()?)
    });
    match marker {
        Some(Marker::Tense(t)) => Some(*t),
        Some(Marker::NotPast) => None,
        None => (w.len() > 4 && ends("ed")).then_some(Tense::Past),
    }
}

/// What the words around a date without a year say of the year it falls in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wording {
    pub tense: Tense,
    pub written: Written,
}

/// A year written beside a date that has none of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    Nothing,
    /// "last May 19", "next January 1": the tense says which way, however near the day.
    LastOrNext,
    /// "July 28 last year" (-1), "April 19 this year" (0), "next year" (1), "a year ago".
    FromArticle(i16),
    /// The year of a span of two the date ends or begins: "fiscal 1987/88 ending March 31"
    /// (1988), "the 1986/87 season, which began June 1" (1986).
    Year(i16),
    /// The year the date ends: "fiscal 1987 ending June 30". A fiscal year named by one
    /// year may end early in the next ("fiscal 1986 ending March 31" in Japan ends in March
    /// 1987), so this holds only for a day from April on.
    Ends(i16),
}

impl Wording {
    /// The wording of the value at `start..end` of `sentence`.
    pub fn of(sentence: &str, start: usize, end: usize) -> Wording {
        Wording {
            tense: tense(sentence, start, end),
            written: written(sentence, start, end),
        }
    }
}

/// How many words may stand between a span of years and the date that ends or begins it
/// ("1986/87 year ending March 31", "fiscal 1987 (March 31)").
const SPAN_WORDS: usize = 4;

fn written(sentence: &str, start: usize, end: usize) -> Written {
    const ENDS: &[&str] = &["ending", "ended", "end", "ends", "through"];
    const BEGINS: &[&str] = &[
        "beginning",
        "began",
        "begins",
        "starting",
        "started",
        "starts",
    ];
    let is = |w: &str, list: &[&str]| list.iter().any(|l| w.eq_ignore_ascii_case(l));
    let before = sentence.get(..start.min(sentence.len())).unwrap_or("");
    let after = sentence.get(end.min(sentence.len())..).unwrap_or("");
    // "March 31, next year"; but not "WASHINGTON, June 16 - Next year is …", a dateline.
    let after = after.trim_start();
    let mut next = after
        .strip_prefix(',')
        .unwrap_or(after)
        .split_whitespace()
        .map(bare_word);
    let (a, b, c) = (
        next.next().unwrap_or(""),
        next.next().unwrap_or(""),
        next.next().unwrap_or(""),
    );
    if is(b, &["year"]) {
        if is(a, &["last"]) || (is(a, &["a", "one"]) && is(c, &["ago"])) {
            return Written::FromArticle(-1);
        }
        if is(a, &["this"]) {
            return Written::FromArticle(0);
        }
        if is(a, &["next"]) {
            return Written::FromArticle(1);
        }
    }
    let mut words = before.split_whitespace().rev().map(bare_word).peekable();
    if words.peek().is_some_and(|w| is(w, &["last", "next"])) {
        return Written::LastOrNext;
    }
    // The words between the span and the date say whether the date ends or begins it.
    let mut ends = None;
    for word in words.take(SPAN_WORDS + 1) {
        if is(word, ENDS) {
            ends = Some(true);
        } else if is(word, BEGINS) {
            ends = Some(false);
        }
        if let Some((first, second)) = span_of_years(word) {
            return match (ends, second) {
                (Some(true), Some(second)) => Written::Year(second),
                (Some(false), Some(_)) => Written::Year(first),
                // A fiscal year named by one year may begin in the year before ("fiscal
                // 1988 beginning October 1"): only its end is read.
                (Some(true), None) => Written::Ends(first),
                _ => Written::Nothing,
            };
        }
    }
    Written::Nothing
}

/// A word without the punctuation around it.
fn bare_word(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_ascii_alphanumeric())
}

/// "1987" → (1987, None); "1987/88", "1987-88", "1987/1988" → (1987, Some(1988)).
fn span_of_years(word: &str) -> Option<(i16, Option<i16>)> {
    let (first, second) = match word.split_once(['/', '-']) {
        Some((a, b)) => (a, Some(b)),
        None => (word, None),
    };
    let first = parse_year(first).filter(|y| (1800..=2199).contains(y))?;
    let second = match second {
        None => None,
        Some(b) if b.len() == 2 && b.bytes().all(|c| c.is_ascii_digit()) => {
            let b: i16 = b.parse().ok()?;
            let y = first - first % 100 + b;
            Some(if y > first { y } else { y + 100 })
        }
        Some(b) => Some(parse_year(b)?),
    };
    // Only a span of one year, as fiscal years and seasons are.
    second
        .is_none_or(|s| s == first + 1)
        .then_some((first, second))
}

/// Words that begin a clause of its own after a value: its tense is not the value's.
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "while", "because", "although", "but",
];

/// How many words before the value, and after it, may give its tense.
const WORDS_BEFORE: usize = 14;
const WORDS_AFTER: usize = 8;

/// The tense nearest the value: the closest marker before it in the sentence, else the
/// closest one after it.
pub fn tense(sentence: &str, value_start: usize, value_end: usize) -> Tense {
    let start = value_start.min(sentence.len());
    let before = sentence.get(..start).unwrap_or("");
    if names_an_event(sentence, start, value_end) {
        return Tense::Named;
    }
    if after_a_schedule_word(before, sentence.get(start..value_end).unwrap_or("")) {
        return Tense::Named;
    }
    if after_now(before) {
        return Tense::Future;
    }
    // The words before the value, nearest first; `next` is the word that follows each.
    let mut words = before.split_whitespace().rev().peekable();
    let mut next: Option<&str> = None;
    for _ in 0..WORDS_BEFORE {
        let Some(word) = words.next() else { break };
        // "is set to meet": future, though "set" alone is also a past tense.
        if word.eq_ignore_ascii_case("set") && next == Some("to") {
            return Tense::Future;
        }
        // "raised by 50 cts", "rose by 5 pct": "by" an amount, not by a day; "spurred by
        // the suspension of payments on": "by" the one who did it, after a past participle
        // (not one that is to come: "is to be heard by the court on").
        if word.eq_ignore_ascii_case("by")
            && (next.is_some_and(is_amount) || (next.is_some() && by_an_agent(words.clone())))
        {
            next = Some(word);
            continue;
        }
        if let Some(t) = classify(word) {
            // "to be published", "will be held": a passive after "be", not a past event. (The
            // adverbs of the past list are no participles: "could be earlier" keeps them.)
            let passive = t == Tense::Past
                && !PAST_ADVERBS.iter().any(|a| {
                    word.trim_matches(|c: char| !c.is_alphanumeric())
                        .eq_ignore_ascii_case(a)
                })
                && words.peek().is_some_and(|w| w.eq_ignore_ascii_case("be"));
            if !passive {
                return t;
            }
        }
        next = Some(word);
    }
    let after = sentence.get(value_end.min(sentence.len())..).unwrap_or("");
    for word in after.split_whitespace().take(WORDS_AFTER) {
        // "An announcement late Friday that the USDA will lift …": a clause of its own.
        let bare = bare_word(word);
        if CLAUSE_WORDS.iter().any(|c| bare.eq_ignore_ascii_case(c)) {
            break;
        }
        if let Some(t) = classify(word) {
            // A deadline word after the value says nothing about the value itself.
            if t != Tense::Deadline {
                return t;
            }
        }
    }
    Tense::Neutral
}

/// Whether a schedule's word comes right before a day: dividend notices' "payable May 29",
/// "record April 17", "Pay Jan 19", and "effective June 17", "as of March 31". Such a day
/// is near the article's date, before or after it, whatever was declared or said: the
/// nearest such day.
fn after_a_schedule_word(before: &str, value: &str) -> bool {
    let is = |w: &str, list: &[&str]| list.iter().any(|l| w.eq_ignore_ascii_case(l));
    let mut words = before.split_whitespace().rev();
    value.contains(|c: char| c.is_ascii_digit())
        && words.next().is_some_and(|last| {
            is(last, &["pay", "payable", "record", "effective"])
                || (is(last, &["of"]) && words.next().is_some_and(|w| is(w, &["as"])))
        })
}

/// Whether the value is the end of a stretch from now: "shipped between now and June",
/// "between now and the end of February", "from now until March 1". It lies ahead of the
/// article's date whatever the tense of the saying ("the forecaster said rainfall between
/// now and June is not less than average").
fn after_now(before: &str) -> bool {
    let is = |w: Option<&str>, list: &[&str]| {
        w.is_some_and(|w| list.iter().any(|l| w.eq_ignore_ascii_case(l)))
    };
    let mut words = before.split_whitespace().rev().map(bare_word);
    let mut joiner = words.next();
    // "… and the end of June", "… until the middle of March".
    if is(joiner, &["of"]) {
        if !is(words.next(), &["end", "middle", "start", "beginning"])
            || !is(words.next(), &["the"])
        {
            return false;
        }
        joiner = words.next();
    }
    is(joiner, &["and", "until", "till", "through", "to"]) && is(words.next(), &["now"])
}

/// Whether the words before a "by", nearest first, make it the "by" of a passive in the
/// past: a past participle ("spurred", "approved"), not after "be", "is" or "are".
fn by_an_agent<'w>(mut before: impl Iterator<Item = &'w str>) -> bool {
    let participle = before
        .next()
        .is_some_and(|w| classify(w) == Some(Tense::Past));
    let to_come = before.next().is_some_and(|w| {
        ["be", "is", "are"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
    });
    participle && !to_come
}

/// Whether `word` is an amount rather than a day or a year: "50", "5.5", "1,200" (a year
/// of four digits, "2026", is not one).
fn is_amount(word: &str) -> bool {
    let w = word.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    w.starts_with(|c: char| c.is_ascii_digit()) && parse_year(w).is_none()
}

/// Determiners before a date that modifies a noun: "the February 22 agreement".
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our"];

/// Whether the value is a month or a day of one, between a determiner and a word it
/// modifies ("the February 22 Paris agreement", "their March talks"), or the date of a
/// dateline ("WASHINGTON, March 4 - "), whose tense is the headline's before it.
fn names_an_event(sentence: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(value), Some(after)) = (
        sentence.get(..start),
        sentence.get(start..end),
        sentence.get(end..),
    ) else {
        return false;
    };
    let month_first = || {
        value
            .split_whitespace()
            .next()
            .is_some_and(|w| month_number(w).is_some())
    };
    if before.trim_end().ends_with(',')
        && [" - ", " -- ", " — ", " – "]
            .iter()
            .any(|dash| after.starts_with(dash))
        && month_first()
    {
        return true;
    }
    let determiner = before
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .filter(|_| before.ends_with(char::is_whitespace));
    determiner.is_some_and(|d| DETERMINERS.iter().any(|w| d.eq_ignore_ascii_case(w)))
        && month_first()
        && after.starts_with(char::is_whitespace)
        && after.trim_start().starts_with(|c: char| c.is_alphabetic())
}

/// Of the same day or month a year apart, the one nearest `base` (`offset` gives each
/// candidate's distance from it); on a tie, the one in `base`'s year.
fn nearest_year(year: i16, offset: impl Fn(i16) -> Option<i64>) -> i16 {
    [year, year - 1, year + 1]
        .into_iter()
        .filter_map(|y| offset(y).map(|d| (d.abs(), y)))
        .min_by_key(|&(distance, y)| (distance, y != year))
        .map_or(year, |(_, y)| y)
}

fn need_date(raw: &str, date: Option<Date>) -> Result<Date, ValueError> {
    date.ok_or_else(|| {
        ValueError::Unresolved(format!("\"{raw}\" is relative and the article has no date"))
    })
}

fn days(start: Date, end: Date) -> Value {
    Value {
        qualifier: Qualifier::Exact,
        magnitude: Magnitude::Days { start, end },
    }
}

fn invalid(raw: &str) -> ValueError {
    ValueError::Invalid(format!("\"{raw}\" is not a date newslint can read"))
}

pub fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if let Some(i) = NAMES.iter().position(|n| *n == w) {
        return Some(i as i8 + 1);
    }
    if w == "sept" {
        return Some(9);
    }
    if w.len() == 3 {
        return NAMES
            .iter()
            .position(|n| n.starts_with(&w))
            .map(|i| i as i8 + 1);
    }
    None
}

fn weekday(word: &str) -> Option<Weekday> {
    match word.to_ascii_lowercase().as_str() {
        "monday" => Some(Weekday::Monday),
        "tuesday" => Some(Weekday::Tuesday),
        "wednesday" => Some(Weekday::Wednesday),
        "thursday" => Some(Weekday::Thursday),
        "friday" => Some(Weekday::Friday),
        "saturday" => Some(Weekday::Saturday),
        "sunday" => Some(Weekday::Sunday),
        _ => None,
    }
}

fn parse_year(word: &str) -> Option<i16> {
    let w = word.trim_end_matches([',', '.']);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse::<i16>().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

fn parse_day(word: &str) -> Option<i8> {
    let w = word.trim_end_matches([',', '.']);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(
        suffix.to_ascii_lowercase().as_str(),
        "" | "st" | "nd" | "rd" | "th"
    ) {
        return None;
    }
    digits.parse::<i8>().ok().filter(|d| (1..=31).contains(d))
}

fn shift(date: Date, span: jiff::Span) -> Result<Date, ValueError> {
    date.checked_add(span)
        .map_err(|_| ValueError::Invalid("date out of range".to_string()))
}

fn monday_of(date: Date) -> Result<Date, ValueError> {
    let back = date.weekday().to_monday_zero_offset() as i64;
    shift(date, (-back).days())
}

fn month_range(year: i16, month: i8) -> Result<(Date, Date), ValueError> {
    let start = Date::new(year, month, 1).map_err(|_| ValueError::Invalid("bad month".into()))?;
    let end = start.last_of_month();
    Ok((start, end))
}

/// Year and month for a month named without a year, moved by tense.
fn resolve_month(
    month: i8,
    base: Date,
    wording: impl FnOnce() -> Wording,
    modifier: Option<&str>,
) -> (i16, i8) {
    let y = base.year();
    let m = base.month();
    let year = match modifier {
        Some("last") => {
            if month < m {
                y
            } else {
                y - 1
            }
        }
        Some("next") => {
            if month > m {
                y
            } else {
                y + 1
            }
        }
        Some("this") => y,
        _ => year_of(y, month, wording(), NEAR_MONTHS, |year| {
            Some((i64::from(year) * 12 + i64::from(month)) - (i64::from(y) * 12 + i64::from(m)))
        }),
    };
    (year, month)
}

/// How near the article's date (in days) a day written without a year is the nearest such
/// day, whatever the tense: "payable May 29" in a report of May 1 that said what was
/// declared, "the summit in Venice on June 8" in a preview of June 2 that said what was
/// hoped. The tense is read from the nearest marker, and so near the article's date that
/// marker is more often about something else (the saying, a deadline) than about the day.
/// Measured on 1987 wire copy (see the README, "Accuracy on real wire copy"): of the days
/// this moves, more than 8 in 10 were right in every band up to 90 days away; from 90 to
/// 120 days, 6 in 10, so farther away the tense decides.
const NEAR_DAYS: i64 = 90;
/// As [`NEAR_DAYS`], for a month: the one before the article's, or the one after.
const NEAR_MONTHS: i64 = 2;

/// The year of a day or month written without one. `offset(year)` is how far it would fall
/// from the article's date (in days or months) in `year`; `month` is its month.
fn year_of(
    base_year: i16,
    month: i8,
    wording: Wording,
    near: i64,
    offset: impl Fn(i16) -> Option<i64>,
) -> i16 {
    match wording.written {
        Written::Year(year) => return year,
        Written::Ends(year) if month >= 4 => return year,
        Written::FromArticle(years) => return base_year + years,
        Written::LastOrNext => {}
        Written::Ends(_) | Written::Nothing => {
            let nearest = nearest_year(base_year, &offset);
            if offset(nearest).is_some_and(|gap| gap.abs() <= near) {
                return nearest;
            }
        }
    }
    let later = offset(base_year).unwrap_or(0);
    match wording.tense {
        Tense::Past if later > 0 => base_year - 1,
        Tense::Future | Tense::Deadline if later < 0 => base_year + 1,
        Tense::Named => nearest_year(base_year, offset),
        _ => base_year,
    }
}

/// A day in a month named without a year ("August 26"): see [`year_of`].
fn resolve_day(month: i8, day: i8, base: Date, wording: Wording) -> Result<Date, ValueError> {
    let calendar = || ValueError::Invalid(format!("{month}/{day} is not a day of the calendar"));
    Date::new(base.year(), month, day).map_err(|_| calendar())?;
    let year = year_of(base.year(), month, wording, NEAR_DAYS, |year| {
        let day = Date::new(year, month, day).ok()?;
        Some(i64::from(base.until(day).ok()?.get_days()))
    });
    Date::new(year, month, day).map_err(|_| calendar())
}

/// The words of a date after the time of day written before a weekday ("15:00 GMT
/// Saturday", "10 a.m. Tuesday"): the time says nothing of the day.
fn after_time_of_day(ws: &[String]) -> &[String] {
    let is_time = |w: &str| {
        let w = w.trim_end_matches('.');
        let (clock, meridiem) = match w.find(|c: char| c.is_ascii_alphabetic()) {
            Some(at) => (&w[..at], Some(&w[at..])),
            None => (w, None),
        };
        !clock.is_empty()
            && clock
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
            && clock.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && meridiem.is_none_or(is_meridiem)
    };
    let mut at = 0;
    if ws.first().is_some_and(|w| is_time(w)) {
        at = 1;
        if ws
            .get(at)
            .is_some_and(|w| is_meridiem(w.trim_end_matches('.')))
        {
            at += 1;
        }
        if ws.get(at).is_some_and(|w| ZONES.contains(&w.as_str())) {
            at += 1;
        }
    }
    match ws.get(at) {
        Some(w) if at > 0 && weekday(w).is_some() => &ws[at..],
        _ => ws,
    }
}

/// "am", "p.m" and the like (the last stop trimmed).
fn is_meridiem(w: &str) -> bool {
    matches!(w, "am" | "pm" | "a.m" | "p.m")
}

/// Time zones after a time of day, as [`words`] gives them (lower case).
const ZONES: &[&str] = &[
    "gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
    "et", "pt",
];

fn words(raw: &str) -> Vec<String> {
    raw.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2013}')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches(',').to_string())
        .collect()
}

pub fn normalize_year(raw: &str, date: Option<Date>) -> Result<Value, ValueError> {
    let lower = raw.trim().to_ascii_lowercase();
    let ws = words(&lower);
    let year_value = |y: i16| Value {
        qualifier: Qualifier::Exact,
        magnitude: Magnitude::Year(y),
    };
    if let Some(y) = ws.first().and_then(|w| parse_year(w)) {
        return Ok(year_value(y));
    }
    let base = need_date(raw, date)?;
    let y = base.year();
    let offset: i16 = if ws.last().map(String::as_str) == Some("ago") {
        let n = ws
            .first()
            .and_then(|w| count_word(w))
            .ok_or_else(|| invalid(raw))?;
        -n
    } else if ws.first().map(String::as_str) == Some("in") {
        ws.get(1)
            .and_then(|w| count_word(w))
            .ok_or_else(|| invalid(raw))?
    } else if ws
        .iter()
        .any(|w| matches!(w.as_str(), "next" | "coming" | "following"))
    {
        1
    } else if ws
        .iter()
        .any(|w| matches!(w.as_str(), "last" | "previous" | "past"))
    {
        -1
    } else if ws.iter().any(|w| w == "this") {
        0
    } else {
        return Err(invalid(raw));
    };
    Ok(year_value(y + offset))
}

fn count_word(w: &str) -> Option<i16> {
    if let Ok(n) = w.parse::<i16>() {
        return (n < 1000).then_some(n);
    }
    match w {
        "a" | "one" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        "seven" => Some(7),
        "eight" => Some(8),
        "nine" => Some(9),
        "ten" => Some(10),
        _ => None,
    }
}

pub fn normalize_month(
    raw: &str,
    date: Option<Date>,
    wording: impl FnOnce() -> Wording,
) -> Result<Value, ValueError> {
    let ws = words(&raw.trim().to_ascii_lowercase());
    let month_value = |year: i16, month: i8| Value {
        qualifier: Qualifier::Exact,
        magnitude: Magnitude::Month { year, month },
    };
    // 2025-10
    let w = raw.trim();
    if w.len() == 7
        && w.as_bytes()[4] == b'-'
        && let (Some(y), Ok(m)) = (parse_year(&w[..4]), w[5..].parse::<i8>())
        && (1..=12).contains(&m)
    {
        return Ok(month_value(y, m));
    }
    if ws.len() == 2 && ws[1] == "month" {
        let base = need_date(raw, date)?;
        let delta = match ws[0].as_str() {
            "last" => -1,
            "next" => 1,
            "this" => 0,
            _ => return Err(invalid(raw)),
        };
        let d = shift(base.first_of_month(), delta.months())?;
        return Ok(month_value(d.year(), d.month()));
    }
    let (modifier, rest) = match ws.first().map(String::as_str) {
        Some(m @ ("last" | "next" | "this")) => (Some(m), &ws[1..]),
        _ => (None, &ws[..]),
    };
    let month = rest
        .first()
        .and_then(|w| month_number(w))
        .ok_or_else(|| invalid(raw))?;
    let explicit = rest
        .iter()
        .skip(1)
        .filter(|w| *w != "of")
        .find_map(|w| parse_year(w));
    if let Some(y) = explicit {
        return Ok(month_value(y, month));
    }
    let base = need_date(raw, date)?;
    let (y, m) = resolve_month(month, base, wording, modifier);
    Ok(month_value(y, m))
}

pub fn normalize_date(
    raw: &str,
    date: Option<Date>,
    wording: impl FnOnce() -> Wording,
) -> Result<Value, ValueError> {
    let trimmed = raw.trim();
    let lower = trimmed.to_ascii_lowercase();
    // 2025-09-03
    if lower.len() == 10 && lower.as_bytes()[4] == b'-' && lower.as_bytes()[7] == b'-' {
        let d: Date = lower.parse().map_err(|_| invalid(raw))?;
        return Ok(days(d, d));
    }
    let ws = words(&lower);
    let ws = after_time_of_day(&ws);
    let first = ws.first().map(String::as_str).unwrap_or("");
    match first {
        "yesterday" | "today" | "tonight" | "tomorrow" => {
            let base = need_date(raw, date)?;
            let delta = match first {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            let d = shift(base, delta.days())?;
            return Ok(days(d, d));
        }
        "earlier" | "later" => {
            let base = need_date(raw, date)?;
            let (start, end) = if ws.last().map(String::as_str) == Some("week") {
                let mon = monday_of(base)?;
                (mon, shift(mon, 6.days())?)
            } else {
                (base.first_of_month(), base.last_of_month())
            };
            return if first == "earlier" {
                let end = shift(base, (-1).days())?;
                Ok(days(start, end.max(start)))
            } else {
                let begin = shift(base, 1.days())?;
                Ok(days(begin.min(end), end))
            };
        }
        "early" | "mid" | "late" => {
            let rest: Vec<&str> = ws[1..].iter().map(String::as_str).collect();
            let (modifier, rest) = match rest.first().copied() {
                Some(m @ ("last" | "next" | "this")) => (Some(m), &rest[1..]),
                _ => (None, &rest[..]),
            };
            let month = rest
                .first()
                .and_then(|w| month_number(w))
                .ok_or_else(|| invalid(raw))?;
            let (year, month) = match rest.get(1).and_then(|w| parse_year(w)) {
                Some(y) => (y, month),
                None => resolve_month(month, need_date(raw, date)?, wording, modifier),
            };
            let (start, end) = month_range(year, month)?;
            let (a, b) = match first {
                "early" => (1, 10),
                "mid" => (11, 20),
                _ => (21, end.day()),
            };
            let s = Date::new(year, month, a).map_err(|_| invalid(raw))?;
            let e = Date::new(year, month, b).map_err(|_| invalid(raw))?;
            let _ = start;
            return Ok(days(s, e));
        }
        _ => {}
    }
    if lower.contains("week") {
        let base = need_date(raw, date)?;
        let is_weekend = lower.contains("weekend");
        let mon = monday_of(base)?;
        let week_delta: i64 = if lower.starts_with("over the") {
            // The most recent weekend, or the one the article falls in.
            let wd = base.weekday();
            if wd == Weekday::Saturday || wd == Weekday::Sunday {
                0
            } else {
                -1
            }
        } else if ws
            .iter()
            .any(|w| matches!(w.as_str(), "next" | "coming" | "following"))
        {
            1
        } else if ws
            .iter()
            .any(|w| matches!(w.as_str(), "last" | "past" | "previous"))
        {
            -1
        } else {
            0
        };
        let week_start = shift(mon, (7 * week_delta).days())?;
        return if is_weekend {
            Ok(days(
                shift(week_start, 5.days())?,
                shift(week_start, 6.days())?,
            ))
        } else {
            Ok(days(week_start, shift(week_start, 6.days())?))
        };
    }
    // Weekdays: "Monday", "last Friday", "next Monday", "this past Sunday", "Monday evening".
    let (modifier, rest): (Option<&str>, &[String]) = match (
        ws.first().map(String::as_str),
        ws.get(1).map(String::as_str),
    ) {
        (Some("this"), Some("past")) => (Some("past"), &ws[2..]),
        (Some("this"), Some("coming")) => (Some("coming"), &ws[2..]),
        (Some(m @ ("last" | "next" | "this")), _) => (Some(m), &ws[1..]),
        _ => (None, ws),
    };
    if let Some(wd) = rest.first().and_then(|w| weekday(w)) {
        let base = need_date(raw, date)?;
        let mon = monday_of(base)?;
        let offset = wd.to_monday_zero_offset() as i64;
        let today = base.weekday().to_monday_zero_offset() as i64;
        let d = match modifier {
            Some("next") => shift(mon, (7 + offset).days())?,
            Some("last") => shift(mon, (offset - 7).days())?,
            Some("this") => shift(mon, offset.days())?,
            Some("coming") => shift(base, ((offset - today).rem_euclid(7)).days())?,
            Some("past") => shift(base, (-((today - offset).rem_euclid(7))).days())?,
            _ => match wording().tense {
                Tense::Future | Tense::Deadline => {
                    shift(base, ((offset - today).rem_euclid(7)).days())?
                }
                _ => shift(base, (-((today - offset).rem_euclid(7))).days())?,
            },
        };
        return Ok(days(d, d));
    }
    if let Some(span) = day_span(&lower) {
        return span.resolve(raw, date, wording);
    }
    // "August 26", "Aug. 26, 2025", "26 August 2025", "3rd of September".
    let tokens: Vec<&str> = ws
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "of")
        .collect();
    let (month, day, year) = match tokens.as_slice() {
        [m, d, rest @ ..] if month_number(m).is_some() && parse_day(d).is_some() => (
            month_number(m),
            parse_day(d),
            rest.first().and_then(|y| parse_year(y)),
        ),
        [d, m, rest @ ..] if parse_day(d).is_some() && month_number(m).is_some() => (
            month_number(m),
            parse_day(d),
            rest.first().and_then(|y| parse_year(y)),
        ),
        _ => (None, None, None),
    };
    let (Some(month), Some(day)) = (month, day) else {
        return Err(invalid(raw));
    };
    let d = match year {
        Some(y) => Date::new(y, month, day).map_err(|_| invalid(raw))?,
        None => resolve_day(month, day, need_date(raw, date)?, wording())?,
    };
    Ok(days(d, d))
}

/// Days from one to another as written: "June 8-10", "8-10 June", "June 30-July 2, 1987".
struct DaySpan {
    from: (i8, i8),
    to: (i8, i8),
    year: Option<i16>,
}

/// The span of days `lower` writes, if it is one.
fn day_span(lower: &str) -> Option<DaySpan> {
    let (left, right) = lower.split_once(['-', '\u{2013}'])?;
    let tokens = |s: &'_ str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| w.trim_end_matches([',', '.']).to_string())
            .filter(|w| !w.is_empty() && w != "of")
            .collect()
    };
    let (left, right) = (tokens(left), tokens(right));
    let month = |w: &String| month_number(w);
    let day = |w: &String| parse_day(w);
    let (from_month, from_day) = match left.as_slice() {
        [m, d] if month(m).is_some() => (month(m), day(d)?),
        [d, m] if month(m).is_some() => (month(m), day(d)?),
        [d] => (None, day(d)?),
        _ => return None,
    };
    let (to_month, to_day, rest) = match right.as_slice() {
        [m, d, rest @ ..] if month(m).is_some() => (month(m), day(d)?, rest),
        [d, m, rest @ ..] if month(m).is_some() => (month(m), day(d)?, rest),
        [d, rest @ ..] => (None, day(d)?, rest),
        _ => return None,
    };
    let year = match rest {
        [] => None,
        [y] => Some(parse_year(y)?),
        _ => return None,
    };
    let from = (from_month.or(to_month)?, from_day);
    let to = (to_month.or(from_month)?, to_day);
    if to > from || into_next_year(from, to) {
        return Some(DaySpan { from, to, year });
    }
    // One that ends before it begins is no span: a price in a table ("Nov/Jan 6-3/4") or a
    // score before a date ("won 2-1 June 3"). It is the day read before spans were: the one
    // the month is written beside.
    let day = if from_month.is_some() { from } else { to };
    Some(DaySpan {
        from: day,
        to: day,
        year,
    })
}

/// A span from December into January ("Dec 30-Jan 2").
fn into_next_year(from: (i8, i8), to: (i8, i8)) -> bool {
    from.0 == 12 && to.0 == 1
}

impl DaySpan {
    /// The days, in the year written after the last day or the one the first day is read
    /// in (as a day of its own would be). A span from December into January ends in the
    /// year after it begins.
    fn resolve(
        &self,
        raw: &str,
        date: Option<Date>,
        wording: impl FnOnce() -> Wording,
    ) -> Result<Value, ValueError> {
        let (from, to) = (self.from, self.to);
        let into_next_year = into_next_year(from, to);
        let start = match self.year {
            Some(y) => {
                let y = if into_next_year { y - 1 } else { y };
                Date::new(y, from.0, from.1).map_err(|_| invalid(raw))?
            }
            None => resolve_day(from.0, from.1, need_date(raw, date)?, wording())?,
        };
        let end_year = if into_next_year {
            start.year() + 1
        } else {
            start.year()
        };
        let end = Date::new(end_year, to.0, to.1).map_err(|_| invalid(raw))?;
        Ok(days(start, end))
    }
}

/// Ranges written in canonical form: `2025-12-01/2025-12-07`.
pub fn parse_range(text: &str) -> Option<Value> {
    let (a, b) = text.split_once('/')?;
    let a: Date = a.trim().parse().ok()?;
    let b: Date = b.trim().parse().ok()?;
    (a <= b).then(|| days(a, b))
}
