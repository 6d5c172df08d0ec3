use super::*;

/// Loads `yaml` and returns (line, message) of each error.
fn errors(yaml: &str) -> Vec<(usize, String)> {
    let loaded = load_str("rules.yaml", yaml);
    loaded
        .errors
        .iter()
        .map(|e| (line_col(&e.file.text, e.span.start).0, e.message.clone()))
        .collect()
}

const GOOD: &str = "facts:
  - id: review-year
    description: CUSMA review year
    type: year
    stable: true
    patterns:
      - 'up for review in {value}'
";

#[test]
fn a_valid_fact_loads() {
    let loaded = load_str("rules.yaml", GOOD);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let fact = &loaded.rules.facts[0];
    assert_eq!(fact.id, "review-year");
    assert_eq!(fact.ty, ValueType::Year);
    assert!(fact.stable);
    assert_eq!(fact.patterns.len(), 1);
}

#[test]
fn bad_regex_points_at_the_pattern_line() {
    let yaml = GOOD.replace("'up for review in {value}'", "'up (for review in {value}'");
    let errs = errors(&yaml);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, 7);
    assert!(errs[0].1.contains("invalid pattern"), "{errs:?}");
    assert!(errs[0].1.contains("unclosed group"), "{errs:?}");
}

#[test]
fn missing_value_placeholder_points_at_the_pattern() {
    let yaml = GOOD.replace("{value}", "2026");
    let errs = errors(&yaml);
    assert_eq!(errs[0].0, 7);
    assert!(errs[0].1.contains("no `{value}`"), "{errs:?}");
}

#[test]
fn unknown_key_points_at_the_key() {
    let yaml = GOOD.replace(
        "    stable: true\n",
        "    stable: true\n    expected: 2026\n",
    );
    let errs = errors(&yaml);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, 6, "{errs:?}");
    assert!(errs[0].1.contains("expected"), "{errs:?}");
}

#[test]
fn unknown_type_points_at_the_type() {
    let yaml = GOOD.replace("type: year", "type: yearly");
    let errs = errors(&yaml);
    assert_eq!(errs[0].0, 4);
    assert!(errs[0].1.contains("unknown type `yearly`"), "{errs:?}");
}

#[test]
fn duplicate_id_points_at_the_second_definition() {
    let yaml = format!("{GOOD}{}", &GOOD["facts:\n".len()..]);
    let errs = errors(&yaml);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, 8);
    assert!(errs[0].1.contains("duplicate fact id `review-year`"));
}

#[test]
fn timeline_out_of_order_and_bad_dates_are_reported() {
    let yaml = "facts:
  - id: rate
    type: percent
    patterns: ['rate of {value}']
    timeline:
      - { since: 2025-08-01, value: 35% }
      - { since: 2025-03-04, value: 25% }
      - { since: someday, value: 25% }
";
    let errs = errors(yaml);
    let lines: Vec<usize> = errs.iter().map(|e| e.0).collect();
    assert!(lines.contains(&7), "{errs:?}");
    assert!(
        errs.iter().any(|e| e.1.contains("out of order")),
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.0 == 8 && e.1.contains("someday")),
        "{errs:?}"
    );
}

#[test]
fn invalid_yaml_is_reported_with_its_line() {
    let errs = errors("facts:\n  - id: x\n    type: [unclosed\n");
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].1.starts_with("invalid rule file"), "{errs:?}");
    assert!(errs[0].0 >= 3, "{errs:?}");
}

#[test]
fn empty_and_comment_only_files_are_fine() {
    assert!(errors("").is_empty());
    assert!(errors("# nothing yet\n").is_empty());
}

#[test]
fn a_file_that_is_not_a_mapping_is_an_error() {
    let errs = errors("- just\n- a list\n");
    assert_eq!(errs.len(), 1, "{errs:?}");
}

#[test]
fn one_broken_fact_does_not_drop_the_others() {
    let yaml = format!("{GOOD}  - id: other\n    type: count\n    patterns: ['(bad {{value}}']\n");
    let loaded = load_str("rules.yaml", &yaml);
    assert_eq!(loaded.errors.len(), 1);
    assert_eq!(loaded.rules.facts.len(), 1);
    assert_eq!(loaded.rules.facts[0].id, "review-year");
}

#[test]
fn alias_bombs_and_deep_nesting_are_refused_quickly() {
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..12 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("l{}", i - 1)
        };
        bomb.push_str(&format!(
            "l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
    }
    assert_eq!(errors(&bomb).len(), 1);
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(errors(&deep).len(), 1);
}

#[test]
fn oversized_regex_is_refused_with_a_clear_message() {
    let yaml =
        "facts:\n  - id: big\n    type: count\n    patterns: ['(?:\\w{1000}){1000} {value}']\n";
    let errs = errors(yaml);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].1.contains("too large"), "{errs:?}");
}

#[test]
fn integer_scalars_are_read_as_text() {
    let yaml =
        "facts:\n  - id: y\n    type: year\n    expect: 2026\n    patterns: ['in {value}']\n";
    let loaded = load_str("rules.yaml", yaml);
    // The value itself is checked by Value::parse_canonical; here only that the integer
    // reached it as text rather than failing to deserialize.
    assert!(
        loaded
            .errors
            .iter()
            .all(|e| !e.message.contains("invalid rule file")),
        "{:?}",
        loaded.errors
    );
}
