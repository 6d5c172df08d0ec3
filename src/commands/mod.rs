//! Subcommands other than the check itself: each in its own file.

pub mod explain;
pub mod init;
pub mod rules_list;
pub mod schema;
pub mod test_rules;

use std::io::Write;

use crate::render::{self, Format, Report};
use crate::rules::LoadedRules;

/// Prints rule-file problems (human format) to `out`; true if there were any.
pub fn print_rule_problems(loaded: &LoadedRules, out: &mut dyn Write) -> bool {
    if loaded.errors.is_empty() && loaded.file_errors.is_empty() {
        return false;
    }
    let report = Report {
        articles: &[],
        rules: &loaded.rules,
        findings: &[],
        claims: 0,
        rule_errors: &loaded.errors,
        rule_file_errors: &loaded.file_errors,
        input_errors: &[],
        skipped: &[],
        stale_baseline: 0,
    };
    let _ = render::renderer(Format::Human, false).render(&report, out);
    true
}
