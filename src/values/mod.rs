//! Typed values: the `{value}` grammar of each fact type, normalization of the raw text a
//! pattern captured into a canonical [`Value`], and the rule for when two values conflict.
//!
//! Every value denotes a set of admissible magnitudes (an exact number, a bound, an
//! approximate band, a range of days). Two values conflict only when those sets are disjoint,
//! so "more than 2,000" never contradicts "2,500" and "next week" never contradicts a day in it.

use std::fmt;

use jiff::civil::Date;

/// The type a fact rule declares (`type:` in YAML).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
        todo_grammar(self)
    }
}

fn todo_grammar(_ty: ValueType) -> &'static str {
    r"(?i:\d+)"
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
    _ty: ValueType,
    raw: &str,
    _ctx: &NormalizeContext<'_>,
) -> Result<Value, ValueError> {
    Err(ValueError::Invalid(format!("cannot read {raw:?} yet")))
}

impl Value {
    /// Parses a canonical value as written in a rule file (`expect: 35%`, `value: 2026`).
    pub fn parse_canonical(_ty: ValueType, text: &str) -> Result<Value, String> {
        Err(format!("cannot read {text:?} yet"))
    }

    /// True when the two values cannot both be true (their admissible sets are disjoint).
    /// Values of different currencies never conflict.
    pub fn conflicts_with(&self, _other: &Value) -> bool {
        false
    }

    /// True when every admissible magnitude of `self` is below every one of `other`
    /// (used by `monotonic: increasing`).
    pub fn definitely_below(&self, _other: &Value) -> bool {
        false
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.magnitude)
    }
}
