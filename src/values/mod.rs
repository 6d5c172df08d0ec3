//! Typed values: the `{value}` grammar of each fact type, normalization of the raw text a
//! pattern captured into a canonical [`Value`], and the rule for when two values conflict.
//!
//! Every value denotes a set of admissible magnitudes (an exact number, a bound, an
//! approximate band, a range of days). Two values conflict only when those sets are disjoint,
//! so "more than 2,000" never contradicts "2,500" and "next week" never contradicts a day in it.

mod dates;
mod grammar;
mod numbers;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt;

use jiff::civil::Date;

pub use dates::{Tense, tense};
pub use grammar::{
    CURRENCY_SIGNS, CURRENCY_WORDS, MONTHS as MONTH_NAMES, WEEKDAYS as WEEKDAY_NAMES,
};
pub use numbers::{is_currency_code, ordinal_value, parse_amount, scale_value, unit_value};

/// The type a fact rule declares (`type:` in YAML).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ValueType {
    Number,
    Percent,
    Count,
    Money,
    Year,
    Month,
    Date,
}

impl ValueType {
    pub const ALL: [ValueType; 7] = [
        ValueType::Number,
        ValueType::Percent,
        ValueType::Count,
        ValueType::Money,
        ValueType::Year,
        ValueType::Month,
        ValueType::Date,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ValueType::Number => "number",
            ValueType::Percent => "percent",
            ValueType::Count => "count",
            ValueType::Money => "money",
            ValueType::Year => "year",
            ValueType::Month => "month",
            ValueType::Date => "date",
        }
    }

    pub fn from_name(name: &str) -> Option<ValueType> {
        ValueType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The regex fragment that `{value}` expands to. It has no capturing groups and carries
    /// its own case-insensitivity flag, so it behaves the same inside any user pattern.
    pub fn grammar(self) -> &'static str {
        let index = ValueType::ALL.iter().position(|t| *t == self).unwrap_or(0);
        grammar::grammar(index)
    }
}

/// How a value is qualified in the text: "more than", "at least", "about", "up to"…
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    /// about, nearly, roughly: within 10%.
    Approx,
    /// more than
    Gt,
    /// at least
    Ge,
    /// fewer than, less than
    Lt,
    /// up to, at most
    Le,
}

/// A normalized value. `Display` prints the canonical form of BRIEF.md ("35%", ">=40",
/// "USD 1200000000", "2025-12-01/2025-12-07").
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub qualifier: Qualifier,
    pub magnitude: Magnitude,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Magnitude {
    Number(f64),
    Percent(f64),
    Count(f64),
    Money {
        currency: String,
        amount: f64,
    },
    Year(i16),
    Month {
        year: i16,
        month: i8,
    },
    /// A single day has `start == end`.
    Days {
        start: Date,
        end: Date,
    },
}

impl Magnitude {
    /// The quantity below zero (`-0.5%` of `0.5%`); zero, and what is no quantity, stay as
    /// they are.
    fn negated(self) -> Magnitude {
        let flip = |x: f64| if x == 0.0 { x } else { -x };
        match self {
            Magnitude::Number(x) => Magnitude::Number(flip(x)),
            Magnitude::Percent(x) => Magnitude::Percent(flip(x)),
            Magnitude::Money { currency, amount } => Magnitude::Money {
                currency,
                amount: flip(amount),
            },
            other => other,
        }
    }
}

/// What the normalizer knows about where the value was found.
#[derive(Clone, Debug)]
pub struct NormalizeContext<'a> {
    /// The date the article was published (or the date the claim speaks for).
    pub article_date: Option<Date>,
    /// The sentence around the claim, used for tense ("will meet … on Tuesday").
    pub sentence: &'a str,
    /// Byte offset of the raw value inside `sentence`.
    pub value_start: usize,
    /// What a bare `$` means, as an ISO code ("USD").
    pub default_currency: &'a str,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueError {
    /// A relative value ("next year", "Monday") with no date to resolve it against.
    Unresolved(String),
    /// Text the grammar matched but the normalizer could not read.
    Invalid(String),
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::Unresolved(why) | ValueError::Invalid(why) => f.write_str(why),
        }
    }
}

/// Normalizes the raw text captured by `{value}`.
pub fn normalize(
    ty: ValueType,
    raw: &str,
    ctx: &NormalizeContext<'_>,
) -> Result<Value, ValueError> {
    let text = raw.trim();
    if text.is_empty() || text.len() > 200 {
        return Err(ValueError::Invalid("empty or overlong value".to_string()));
    }
    let wording = || {
        let start = ctx.value_start.min(ctx.sentence.len());
        dates::Wording::of(ctx.sentence, start, start + raw.len())
    };
    match ty {
        ValueType::Year => dates::normalize_year(text, ctx.article_date),
        // The tense is read from the sentence only for a value that needs it (a month or day
        // without a year, a weekday): reading it takes longer than the rest.
        ValueType::Month => dates::normalize_month(text, ctx.article_date, wording),
        ValueType::Date => dates::normalize_date(text, ctx.article_date, wording),
        ValueType::Number | ValueType::Percent | ValueType::Count | ValueType::Money => {
            normalize_quantity(ty, text, ctx.default_currency)
        }
    }
}

fn unreadable(raw: &str, ty: ValueType) -> ValueError {
    ValueError::Invalid(format!(
        "\"{raw}\" is not a {} newslint can read",
        ty.name()
    ))
}

fn normalize_quantity(ty: ValueType, text: &str, currency: &str) -> Result<Value, ValueError> {
    // A value wrapped over two lines ("20 per\ncent") reads as on one.
    let spaced = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let (qualifier, rest) = numbers::split_qualifier(&spaced);
    // "-0.5%", "minus 2.3 percent", "minus about 350 mln dlrs": below zero. A count never is.
    let (negative, qualifier, rest) = match numbers::strip_sign(rest) {
        Some(_) if ty == ValueType::Count => return Err(unreadable(text, ty)),
        Some(unsigned) if qualifier == Qualifier::Exact => {
            // "Minus more than 3%" is below -3%.
            let (inner, rest) = numbers::split_qualifier(unsigned);
            let qualifier = match inner {
                Qualifier::Gt => Qualifier::Lt,
                Qualifier::Ge => Qualifier::Le,
                Qualifier::Lt => Qualifier::Gt,
                Qualifier::Le => Qualifier::Ge,
                other => other,
            };
            (true, qualifier, rest)
        }
        Some(unsigned) => (true, qualifier, unsigned),
        None => (false, qualifier, rest),
    };
    // "20-odd people", "3,000-plus", "20 or more": at least the number written ("20-odd" is
    // more than 20 and fewer than 30, but reading it as about 20 would contradict "23"). What
    // follows the number says more than an "about" before it ("some 20 or more").
    let (qualifier, rest) = match qualifier_after(rest) {
        Some((after, number)) if matches!(qualifier, Qualifier::Exact | Qualifier::Approx) => {
            // Of a value below zero, "or more" is more of it: "-3% or more" is -3% or below.
            let after = match after {
                Qualifier::Ge if negative => Qualifier::Le,
                Qualifier::Le if negative => Qualifier::Ge,
                other => other,
            };
            (after, number)
        }
        Some((_, number)) => (qualifier, number),
        None => (qualifier, Cow::Borrowed(rest)),
    };
    let rest = &*rest;
    let lower = rest.to_ascii_lowercase();
    let magnitude = match ty {
        ValueType::Percent => {
            let number = lower
                .trim_end_matches("pct")
                .trim_end_matches("percent")
                .trim_end_matches("per cent")
                .trim_end_matches("per-cent")
                .trim_end_matches('%')
                .trim_end_matches(['-', ' '])
                .trim();
            Magnitude::Percent(numbers::parse_amount(number).ok_or_else(|| unreadable(text, ty))?)
        }
        ValueType::Count => {
            let n = match lower.as_str() {
                "once" => Some(1.0),
                "twice" => Some(2.0),
                "thrice" => Some(3.0),
                _ => {
                    let core = lower.strip_suffix(" times").unwrap_or(&lower).trim();
                    numbers::ordinal_value(core).or_else(|| numbers::parse_amount(core))
                }
            };
            Magnitude::Count(n.ok_or_else(|| unreadable(text, ty))?)
        }
        ValueType::Money => {
            let (code, amount) = numbers::split_currency(rest, currency);
            let amount = numbers::parse_amount(&amount).ok_or_else(|| unreadable(text, ty))?;
            Magnitude::Money {
                currency: code,
                amount,
            }
        }
        _ => Magnitude::Number(numbers::parse_amount(rest).ok_or_else(|| unreadable(text, ty))?),
    };
    let magnitude = if negative {
        magnitude.negated()
    } else {
        magnitude
    };
    // "Dozens" is two dozen or more: "dozens of people" and "30 people" can both be true.
    let qualifier = match qualifier {
        Qualifier::Exact if lower.starts_with("dozens") => Qualifier::Ge,
        other => other,
    };
    Ok(Value {
        qualifier,
        magnitude,
    })
}

/// Whether words after the number of `raw` qualify it ("20 or more", "3,000-plus"): such a
/// value can still end a range ("from $3.2 to $3.5 billion or more").
pub fn qualified_after(raw: &str) -> bool {
    let spaced = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    qualifier_after(&spaced).is_some()
}

/// The qualifier that words after a number give it, and the number without them (as the
/// grammar's `AFTER` reads them, the spaces made single). "-odd" and "-plus" may come
/// before a scale word too: "£20-odd million".
fn qualifier_after(text: &str) -> Option<(Qualifier, Cow<'_, str>)> {
    const AFTER: [(&str, Qualifier); 15] = [
        ("-odd", Qualifier::Ge),
        ("-plus", Qualifier::Ge),
        ("+", Qualifier::Ge),
        (" or more", Qualifier::Ge),
        (" or higher", Qualifier::Ge),
        (" or greater", Qualifier::Ge),
        (" or over", Qualifier::Ge),
        (" or above", Qualifier::Ge),
        (" or so", Qualifier::Approx),
        (" or thereabouts", Qualifier::Approx),
        (" or less", Qualifier::Le),
        (" or fewer", Qualifier::Le),
        (" or lower", Qualifier::Le),
        (" or under", Qualifier::Le),
        (" or below", Qualifier::Le),
    ];
    let at_the_end = AFTER.iter().find_map(|&(suffix, qualifier)| {
        let cut = text.len().checked_sub(suffix.len())?;
        (text.is_char_boundary(cut) && text[cut..].eq_ignore_ascii_case(suffix))
            .then(|| (qualifier, Cow::Borrowed(text[..cut].trim_end())))
    });
    // Found without lowering a copy of the text: every amount read comes here.
    at_the_end.or_else(|| {
        ["-odd", "-plus"].iter().find_map(|mark| {
            let at = text
                .as_bytes()
                .windows(mark.len())
                .position(|w| w.eq_ignore_ascii_case(mark.as_bytes()))?;
            let end = at + mark.len();
            text[end..].starts_with([' ', '-']).then(|| {
                let number = format!("{}{}", &text[..at], &text[end..]);
                (Qualifier::Ge, Cow::Owned(number))
            })
        })
    })
}

/// A closed or open interval on the real line: (low, low_open, high, high_open).
type Interval = (f64, bool, f64, bool);

impl Value {
    /// Parses a canonical value as written in a rule file (`expect: 35%`, `value: 2026`);
    /// natural forms that need no date ("35 per cent", "third") are accepted too.
    pub fn parse_canonical(ty: ValueType, text: &str) -> Result<Value, String> {
        let text = text.trim();
        let (qualifier, rest) = match text {
            t if t.starts_with(">=") => (Qualifier::Ge, &t[2..]),
            t if t.starts_with("<=") => (Qualifier::Le, &t[2..]),
            t if t.starts_with('>') => (Qualifier::Gt, &t[1..]),
            t if t.starts_with('<') => (Qualifier::Lt, &t[1..]),
            t if t.starts_with('~') => (Qualifier::Approx, &t[1..]),
            t => (Qualifier::Exact, t),
        };
        let rest = rest.trim();
        let direct = match ty {
            ValueType::Date => dates::parse_range(rest),
            ValueType::Money => rest.split_once(' ').and_then(|(code, amount)| {
                // Three letters, or a name kept as its code (`FRANCS`), as claims print them.
                let valid = code.bytes().all(|b| b.is_ascii_uppercase()) && is_currency_code(code);
                let amount = amount
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|a| a.is_finite())?;
                valid
                    .then(|| Magnitude::Money {
                        currency: code.to_string(),
                        amount,
                    })
                    .map(|magnitude| Value {
                        qualifier,
                        magnitude,
                    })
            }),
            _ => None,
        };
        if let Some(v) = direct {
            return Ok(v);
        }
        let ctx = NormalizeContext {
            article_date: None,
            sentence: rest,
            value_start: 0,
            default_currency: "USD",
        };
        match normalize(ty, rest, &ctx) {
            Ok(mut v) => {
                if qualifier != Qualifier::Exact {
                    v.qualifier = qualifier;
                }
                Ok(v)
            }
            Err(ValueError::Unresolved(_)) => Err(format!(
                "`{text}` is relative; a rule needs an absolute {} such as {}",
                ty.name(),
                example(ty)
            )),
            Err(ValueError::Invalid(_)) => Err(format!(
                "`{text}` is not a {}; write it like {}",
                ty.name(),
                example(ty)
            )),
        }
    }

    /// The admissible set as an interval, on a scale shared by values of one kind.
    fn interval(&self) -> Interval {
        let (lo, hi) = match &self.magnitude {
            Magnitude::Number(x) | Magnitude::Percent(x) | Magnitude::Count(x) => (*x, *x),
            Magnitude::Money { amount, .. } => (*amount, *amount),
            Magnitude::Year(y) => (*y as f64, *y as f64),
            Magnitude::Month { year, month } => {
                let m = *year as f64 * 12.0 + *month as f64;
                (m, m)
            }
            Magnitude::Days { start, end } => (day_number(*start), day_number(*end)),
        };
        match self.qualifier {
            Qualifier::Exact => (lo, false, hi, false),
            Qualifier::Approx => {
                let (a, b) = (lo * 0.9, hi * 1.1);
                (a.min(b), false, a.max(b), false)
            }
            Qualifier::Gt => (lo, true, f64::INFINITY, true),
            Qualifier::Ge => (lo, false, f64::INFINITY, true),
            Qualifier::Lt => (f64::NEG_INFINITY, true, hi, true),
            Qualifier::Le => (f64::NEG_INFINITY, true, hi, false),
        }
    }

    /// Values of one kind share a scale; others are never compared.
    fn same_kind(&self, other: &Value) -> bool {
        match (&self.magnitude, &other.magnitude) {
            (Magnitude::Money { currency: a, .. }, Magnitude::Money { currency: b, .. }) => a == b,
            (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
        }
    }

    /// True when the two values cannot both be true (their admissible sets are disjoint).
    /// Values of different currencies never conflict.
    pub fn conflicts_with(&self, other: &Value) -> bool {
        if !self.same_kind(other) {
            return false;
        }
        let (a_lo, a_lo_open, a_hi, a_hi_open) = self.interval();
        let (b_lo, b_lo_open, b_hi, b_hi_open) = other.interval();
        below(a_hi, a_hi_open, b_lo, b_lo_open) || below(b_hi, b_hi_open, a_lo, a_lo_open)
    }

    /// True when every admissible magnitude of `self` is below every one of `other`
    /// (used by `monotonic: increasing`).
    pub fn definitely_below(&self, other: &Value) -> bool {
        if !self.same_kind(other) {
            return false;
        }
        let (_, _, a_hi, a_hi_open) = self.interval();
        let (b_lo, b_lo_open, _, _) = other.interval();
        below(a_hi, a_hi_open, b_lo, b_lo_open)
    }
}

/// True when an interval ending at `hi` lies entirely below one starting at `lo`.
fn below(hi: f64, hi_open: bool, lo: f64, lo_open: bool) -> bool {
    // Tolerance for rounding in parsed decimals ("1.2 billion"), relative to the values.
    let scale = [hi, lo]
        .iter()
        .filter(|x| x.is_finite())
        .fold(1.0_f64, |m, x| m.max(x.abs()));
    let eps = 1e-9 * scale;
    if hi_open || lo_open {
        hi <= lo + eps
    } else {
        hi < lo - eps
    }
}

fn day_number(d: Date) -> f64 {
    // Days since 0000-01-01 is enough for ordering and disjointness.
    let y = d.year() as f64;
    y * 372.0 + (d.month() as f64) * 31.0 + d.day() as f64
}

fn example(ty: ValueType) -> &'static str {
    match ty {
        ValueType::Number => "`1200`, `>2000` or `~300`",
        ValueType::Percent => "`35%`",
        ValueType::Count => "`3`",
        ValueType::Money => "`USD 1200000000`",
        ValueType::Year => "`2026`",
        ValueType::Month => "`2025-10`",
        ValueType::Date => "`2025-09-01` or `2025-12-01/2025-12-07`",
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Qualifier::Exact => "",
            Qualifier::Approx => "~",
            Qualifier::Gt => ">",
            Qualifier::Ge => ">=",
            Qualifier::Lt => "<",
            Qualifier::Le => "<=",
        })
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.qualifier)?;
        match &self.magnitude {
            Magnitude::Number(x) | Magnitude::Count(x) => f.write_str(&numbers::format_number(*x)),
            Magnitude::Percent(x) => write!(f, "{}%", numbers::format_number(*x)),
            Magnitude::Money { currency, amount } => {
                write!(f, "{currency} {}", numbers::format_number(*amount))
            }
            Magnitude::Year(y) => write!(f, "{y}"),
            Magnitude::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Magnitude::Days { start, end } if start == end => write!(f, "{start}"),
            Magnitude::Days { start, end } => write!(f, "{start}/{end}"),
        }
    }
}
