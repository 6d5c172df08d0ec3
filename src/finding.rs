//! Findings: what a check reports. Every renderer works from these.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn from_name(name: &str) -> Option<Severity> {
        match name {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" | "note" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// What kind of problem a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Contradiction,
    Drift,
    Stale,
    OffRecord,
    Regression,
    Unresolved,
    Title,
    Term,
    Quote,
    Hygiene,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Contradiction => "contradiction",
            Kind::Drift => "drift",
            Kind::Stale => "stale",
            Kind::OffRecord => "off-record",
            Kind::Regression => "regression",
            Kind::Unresolved => "unresolved",
            Kind::Title => "titles",
            Kind::Term => "terms",
            Kind::Quote => "quotes",
            Kind::Hygiene => "hygiene",
        }
    }
}

/// One place a finding points at: a span of an article, with what it says there.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// Index of the article in the corpus.
    pub article: usize,
    /// Byte range in the article's text.
    pub span: Range<usize>,
    /// Short label shown under the excerpt.
    pub label: String,
    /// The normalized value claimed here, if this location is a claim.
    pub value: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    /// The fact id, or the built-in check id.
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The first location is the primary one.
    pub locations: Vec<Location>,
    /// Extra lines shown after the excerpts (values, dates, a word diff).
    pub notes: Vec<String>,
    /// How to resolve it.
    pub help: Option<String>,
}

impl Finding {
    pub fn primary(&self) -> Option<&Location> {
        self.locations.first()
    }
}
