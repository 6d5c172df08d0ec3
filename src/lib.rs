//! newslint: claim-consistency checking for news writing.
//!
//! The pipeline flows one way, one module per stage:
//! [`discover`] → [`article`] (with [`decode`]) → [`rules`] → [`extract`] (using [`values`])
//! → [`checks`] → [`render`]. [`run`] wires the stages together.
//!
//! Values are normalized against the date a claim speaks for:
//!
//! ```
//! use newslint::values::{NormalizeContext, ValueType, normalize};
//!
//! let sentence = "CUSMA, meanwhile, is up for review next year.";
//! let ctx = NormalizeContext {
//!     article_date: Some(jiff::civil::date(2025, 9, 3)),
//!     sentence,
//!     value_start: sentence.find("next year").unwrap(),
//!     default_currency: "USD",
//! };
//! let value = normalize(ValueType::Year, "next year", &ctx).unwrap();
//! assert_eq!(value.to_string(), "2026");
//! ```

pub mod article;
pub mod checks;
pub mod claims_output;
pub mod commands;
pub mod decode;
pub mod discover;
pub mod extract;
pub mod finding;
pub mod folders;
pub mod literals;
pub mod memory;
pub mod output_file;
pub mod progress;
pub mod render;
pub mod rules;
pub mod run;
pub mod stats;
pub mod suppress;
pub mod values;
