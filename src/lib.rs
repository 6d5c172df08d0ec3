//! newslint: claim-consistency checking for news writing.
//!
//! The pipeline flows one way, one module per stage:
//! [`discover`] → [`article`] (with [`decode`]) → [`rules`] → [`extract`] (using [`values`])
//! → [`checks`] → [`render`]. [`run`] wires the stages together.

pub mod article;
pub mod checks;
pub mod claims_output;
pub mod commands;
pub mod decode;
pub mod discover;
pub mod extract;
pub mod finding;
pub mod render;
pub mod rules;
pub mod run;
pub mod suppress;
pub mod values;
