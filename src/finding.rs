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
    /// An inline `newslint-disable` comment that suppressed nothing.
    UnusedSuppression,
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
            Kind::UnusedSuppression => "unused-suppression",
        }
    }
}

/// Text of a finding. Shared, not copied, where many findings say the same (an archive can
/// flag the same spelling a hundred thousand times, with the same message, note and help).
pub type Text = std::sync::Arc<str>;

/// One place a finding points at: a span of an article, with what it says there.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// Index of the article in the corpus.
    pub article: usize,
    /// Byte range in the article's text.
    pub span: Range<usize>,
    /// Short label shown under the excerpt.
    pub label: Text,
    /// The normalized value claimed here, if this location is a claim.
    pub value: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    /// The fact id, or the built-in check id.
    pub rule: Text,
    pub severity: Severity,
    pub message: Text,
    /// The first location is the primary one.
    pub locations: Vec<Location>,
    /// Extra lines shown after the excerpts (values, dates, a word diff).
    pub notes: Vec<Text>,
    /// How to resolve it.
    pub help: Option<Text>,
}

impl Finding {
    pub fn primary(&self) -> Option<&Location> {
        self.locations.first()
    }
}

/// A finding's identity across runs: its rule, kind, file and the text it points at (not
/// line numbers, so edits elsewhere in the file keep it), plus the value claimed. Stable
/// across platforms and versions (FNV-1a, not the standard library's hasher).
pub fn fingerprint(articles: &[crate::article::Article], finding: &Finding) -> String {
    let mut h = Fnv::default();
    h.write(finding.rule.as_bytes());
    h.write(finding.kind.name().as_bytes());
    if let Some(p) = finding.primary() {
        let article = &articles[p.article];
        h.write(article.display.as_bytes());
        let excerpt = article.excerpt(p.span.clone());
        for word in excerpt.split_whitespace() {
            h.write(word.as_bytes());
        }
        h.write(p.value.as_deref().unwrap_or("").as_bytes());
    }
    format!("{:016x}", h.0)
}

struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes.iter().chain(std::iter::once(&0xff)) {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}
