//! newslint: claim-consistency checking for news writing.
pub mod values;
