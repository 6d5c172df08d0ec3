//! Prints what the benchmark (bench/run) needs to know from newslint itself, so that other
//! tools are given exactly the regexes newslint runs.
//!
//! `grammar_dump` prints JSON: the `{value}` grammar of each type, the ids of the built-in
//! checks that are not fact checks (disabled for a facts-only run), and whether canonical
//! values in rule files can be read yet (timelines and `expect:` need that).
//!
//! `grammar_dump RULES...` loads the rule files as newslint does and prints every expanded
//! claim pattern of every loaded fact, one per line, with `(?i)` in front unless the fact is
//! case-sensitive. Rule errors go to stderr with the number of facts dropped.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use newslint::checks;
use newslint::rules::{self, file::RuleFile};
use newslint::values::{Value, ValueType};

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if args.is_empty() {
        print_info();
        return ExitCode::SUCCESS;
    }
    match print_patterns(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

fn print_info() {
    let grammars: serde_json::Map<String, serde_json::Value> = ValueType::ALL
        .iter()
        .map(|t| (t.name().to_string(), t.grammar().into()))
        .collect();
    let other_checks: Vec<&str> = checks::all()
        .iter()
        .map(|c| c.info())
        .filter(|i| !i.fact_check)
        .map(|i| i.id)
        .collect();
    let canonical = Value::parse_canonical(ValueType::Percent, "35%").is_ok()
        && Value::parse_canonical(ValueType::Count, "3").is_ok();
    let info = serde_json::json!({
        "grammars": grammars,
        "other_checks": other_checks,
        "canonical_values": canonical,
    });
    println!("{info:#}");
}

fn print_patterns(paths: &[PathBuf]) -> Result<(), String> {
    let loaded = rules::load(paths);
    for err in &loaded.file_errors {
        eprintln!("rule file {}: {}", err.path, err.message);
    }
    for err in &loaded.errors {
        eprintln!("rule error in {}: {}", err.file.display, err.message);
    }
    // Case sensitivity is not kept on the compiled fact, so read it from the files again.
    let mut case_sensitive: HashMap<String, bool> = HashMap::new();
    for file in &loaded.rules.files {
        let parsed: Option<RuleFile> =
            serde_saphyr::from_str_with_options(&file.text, rules::yaml_options())
                .map_err(|e| format!("{}: {e}", file.display))?;
        for fact in parsed.into_iter().flat_map(|f| f.facts) {
            let fact = fact.value;
            case_sensitive.insert(
                fact.id.value.trim().to_string(),
                fact.case_sensitive.unwrap_or(false),
            );
        }
    }
    let declared = case_sensitive.len();
    let kept = loaded.rules.facts.len();
    if kept < declared {
        eprintln!("note: {kept} of {declared} facts loaded; the others have rule errors");
    }
    for fact in &loaded.rules.facts {
        let flag = if case_sensitive.get(&fact.id).copied().unwrap_or(false) {
            ""
        } else {
            "(?i)"
        };
        for pattern in &fact.patterns {
            // Loaded, so it expands.
            let expanded = rules::expand_placeholders(&pattern.source, fact.ty)
                .map_err(|e| format!("{}: {e}", fact.id))?;
            println!("{flag}{expanded}");
        }
    }
    Ok(())
}
