//! The YAML rule-file format as written by users: these types are the contract.
//! Positions (`Spanned`) are kept where a later validation error must point into the file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// One rule file (`rules/*.yaml`) or the project configuration (`newslint.yaml`): both
/// accept every key, so a small project can keep everything in one file.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Fact rules.
    #[serde(default)]
    #[schemars(with = "Vec<FactRule>")]
    pub facts: Vec<Spanned<FactRule>>,
    /// People, their aliases and accepted titles (titles check).
    #[serde(default)]
    #[schemars(with = "Vec<PersonRule>")]
    pub people: Vec<Spanned<PersonRule>>,
    /// House-style terms (terms check).
    #[serde(default)]
    #[schemars(with = "Vec<TermRule>")]
    pub terms: Vec<Spanned<TermRule>>,
    /// Scraping and boilerplate debris (hygiene check).
    #[serde(default)]
    pub hygiene: Option<HygieneRule>,
    /// Settings of the built-in checks, by check id.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, CheckSettings>")]
    pub checks: BTreeMap<String, Spanned<CheckSettings>>,
    /// More rule files or folders, relative to this file (newslint.yaml).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub rules: Vec<Spanned<String>>,
    /// What a bare `$` means (ISO code). Default USD.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub currency: Option<Spanned<String>>,
    /// Publication dates for files that carry none, by path relative to this file.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Scalar>")]
    pub dates: BTreeMap<String, Spanned<Scalar>>,
    /// Exchange rates for comparing amounts in different currencies, e.g.
    /// `fx: { USD/CAD: 1.40, tolerance: 5% }` (1 USD = 1.40 CAD).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Scalar>")]
    pub fx: BTreeMap<String, Spanned<Scalar>>,
    /// Defaults per source: which articles (path globs or front-matter `outlet:`/`source:`)
    /// and what a bare `$` means in them.
    #[serde(default)]
    #[schemars(with = "Vec<SourceRule>")]
    pub sources: Vec<Spanned<SourceRule>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceRule {
    /// Path globs, relative to the working directory (`cbc/**`).
    #[serde(default)]
    pub paths: Vec<String>,
    /// Front-matter `outlet:` or `source:` values (case-insensitive).
    #[serde(default)]
    pub outlets: Vec<String>,
    /// ISO code of the currency a bare `$` means in these articles.
    #[serde(default)]
    pub currency: Option<String>,
    /// Spelling dialect of these articles (`en-CA`, `en-US`, `en-GB`), for the terms check.
    #[serde(default)]
    pub dialect: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactRule {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(rename = "type")]
    #[schemars(with = "crate::values::ValueType")]
    pub ty: Spanned<String>,
    #[schemars(with = "Vec<String>")]
    pub patterns: Vec<Spanned<String>>,
    /// Patterns that, when they match in the claim's sentence, drop the claim.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub exclude: Vec<Spanned<String>>,
    /// Patterns that, when they match anywhere in an article (its headline, its dateline,
    /// its front matter), drop every claim of the fact in that article.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub exclude_articles: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<Scalar>")]
    pub expect: Option<Spanned<Scalar>>,
    #[serde(default)]
    #[schemars(with = "Option<Vec<TimelineEntry>>")]
    pub timeline: Option<Vec<Spanned<TimelineEntry>>>,
    #[serde(default)]
    pub stable: Option<bool>,
    #[serde(default)]
    #[schemars(with = "Option<schema_only::Monotonic>")]
    pub monotonic: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<schema_only::Severity>")]
    pub severity: Option<Spanned<String>>,
    /// Patterns are case-insensitive unless this is true.
    #[serde(default)]
    pub case_sensitive: Option<bool>,
    /// A match may run across sentence ends (default false: one sentence).
    #[serde(default)]
    pub cross_sentences: Option<bool>,
    /// What a bare `$` means for this fact.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub currency: Option<Spanned<String>>,
    /// Examples run by `newslint test-rules`.
    #[serde(default)]
    #[schemars(with = "Vec<Example>")]
    pub examples: Vec<Spanned<Example>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    #[schemars(with = "Scalar")]
    pub since: Spanned<Scalar>,
    #[schemars(with = "Scalar")]
    pub value: Spanned<Scalar>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    #[serde(default)]
    pub value: Option<Scalar>,
    #[serde(default)]
    pub matches: Option<bool>,
    /// Article date for resolving relative values in the example.
    #[serde(default)]
    pub date: Option<Scalar>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonRule {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    #[schemars(with = "Vec<TitleRule>")]
    pub titles: Vec<Spanned<TitleRule>>,
}

/// An accepted title: plain text, or a mapping with the dates it held.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum TitleRule {
    Plain(String),
    Dated {
        title: String,
        #[serde(default)]
        since: Option<Scalar>,
        #[serde(default)]
        until: Option<Scalar>,
    },
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermRule {
    pub prefer: String,
    pub instead_of: OneOrMany,
    /// Proper names in which the non-preferred form is correct.
    #[serde(default)]
    pub except: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HygieneRule {
    /// Keep the built-in debris patterns (default true).
    #[serde(default)]
    pub builtin: Option<bool>,
    /// More debris patterns (regexes, case-insensitive, matched against whole lines).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub patterns: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckSettings {
    #[serde(default)]
    pub enabled: Option<bool>,
    #[serde(default)]
    #[schemars(with = "Option<schema_only::Severity>")]
    pub severity: Option<String>,
    /// Check-specific options (for example `min_words` for quotes).
    #[serde(default)]
    pub min_words: Option<usize>,
}

/// A YAML scalar read as text whatever its YAML type (`expect: 2026` is an integer to YAML).
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar(pub String);

impl JsonSchema for Scalar {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Scalar".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A value written as text or a number (`35%`, `2026`, `2025-08-01`).",
            "type": ["string", "number", "integer", "boolean"]
        })
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value (text or number)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Closed sets of words, for the JSON Schema only (the loader reads them as text so that a
/// wrong word gets a diagnostic at its position rather than a generic parse error).
mod schema_only {
    use schemars::JsonSchema;

    #[derive(JsonSchema)]
    #[serde(rename_all = "lowercase")]
    #[allow(dead_code)]
    pub enum Monotonic {
        Increasing,
        Decreasing,
    }

    #[derive(JsonSchema)]
    #[serde(rename_all = "lowercase")]
    #[allow(dead_code)]
    pub enum Severity {
        Error,
        Warning,
        Info,
    }
}
