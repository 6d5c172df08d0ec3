//! End to end: writing rules as a newcomer would (README + docs/rules.md), testing them with
//! `newslint test-rules`, and every kind of mistake pointing at the right line of the YAML.

mod common;

use std::path::Path;

use assert_cmd::Command;

fn newslint(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const NEW_RULE: &str = r#"facts:
  - id: canada-51st-state
    description: Which state Trump says Canada would become
    type: count
    patterns:
      - '{value} state'
    exclude:
      - '\bstate visit\b'
    stable: true
    examples:
      - text: "Become the 51st state and you get it for free."
        value: 51
      - text: "Trump’s second state visit to the United Kingdom."
        matches: false
"#;

#[test]
fn a_new_rule_is_written_tested_and_run_on_the_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let rule = dir.path().join("state.yaml");
    std::fs::write(&rule, NEW_RULE).unwrap();
    let r = rule.to_str().unwrap();

    let (code, out) = newslint(repo(), &["test-rules", r]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("2 examples in 1 facts: 2 passed, 0 failed"),
        "{out}"
    );

    let (code, out) = newslint(
        repo(),
        &["claims", "--rules", r, "seeds/", "--format", "json"],
    );
    assert_eq!(code, 0, "{out}");
    let claims: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mine: Vec<(&str, &str)> = claims
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["fact"] == "canada-51st-state")
        .map(|c| (c["path"].as_str().unwrap(), c["value"].as_str().unwrap()))
        .collect();
    assert_eq!(
        mine,
        vec![
            ("seeds/001_3e22afcecaafb256.txt", "51"),
            ("seeds/004_bc91611cf220d0cd.txt", "51"),
            ("seeds/004_bc91611cf220d0cd.txt", "51"),
        ]
    );
    let (code, out) = newslint(repo(), &["--rules", r, "seeds/"]);
    assert!(code == 0 || code == 1, "{out}");
    assert!(
        !out.contains("[canada-51st-state]"),
        "no finding for a consistent fact:\n{out}"
    );

    // A wrong example fails, pointing at the example.
    std::fs::write(&rule, NEW_RULE.replace("value: 51", "value: 50")).unwrap();
    let (code, out) = newslint(repo(), &["test-rules", r]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("expected 50, found 51"), "{out}");
    assert!(out.contains("state.yaml:11:"), "{out}");
    // The normal check reports it as a rule error.
    let (code, _) = newslint(repo(), &["--rules", r, "seeds/"]);
    assert_eq!(code, 2);
}

/// The line (1-based) of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the rule file"));
    text[..at].matches('\n').count() + 1
}

#[test]
fn each_kind_of_mistake_points_at_its_line() {
    let shipped = std::fs::read_to_string(repo().join("rules/canada-us-trade.yaml")).unwrap();
    // (what, replace this, with this, the text on the line the diagnostic must name, message)
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        (
            "bad regex",
            "'review of the (?:trilateral )?",
            "'review of the (?:trilateral ?",
            "'review of the (?:trilateral ?",
            "unclosed group",
        ),
        (
            "missing {value}",
            "(?:in Mexico City )?on {value}'",
            "(?:in Mexico City )?on Thursday'",
            "on Thursday'",
            "no `{value}`",
        ),
        (
            "unknown key",
            "    severity: error\n",
            "    severity: error\n    sevrity: error\n",
            "sevrity",
            "sevrity",
        ),
        (
            "unknown type",
            "type: year\n",
            "type: years\n",
            "type: years",
            "unknown type `years`",
        ),
        (
            "duplicate id",
            "id: carney-trump-meeting-date",
            "id: carney-trump-call-date",
            "id: carney-trump-call-date\n    description: Date of Carney's meeting",
            "duplicate fact id",
        ),
        (
            "bad expect",
            "    type: year\n    stable: true\n",
            "    type: year\n    expect: soon\n    stable: true\n",
            "expect: soon",
            "bad `expect`",
        ),
        (
            "bad timeline value",
            "value: 35% }",
            "value: 35 apples }",
            "35 apples",
            "bad timeline value",
        ),
        (
            "timeline out of order",
            "since: 2025-08-01",
            "since: 2025-01-01",
            "since: 2025-01-01",
            "out of order",
        ),
        (
            "bad severity",
            "    severity: error\n",
            "    severity: fatal\n",
            "severity: fatal",
            "severity must be",
        ),
        (
            "failing example",
            "        value: 2025-12-01/2025-12-07",
            "        value: 2025-12-08",
            "He is considering a trip to Washington next week.",
            "expected 2025-12-08",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (what, from, to, line_text, message) in cases {
        assert!(
            shipped.contains(from),
            "{what}: {from:?} not in the shipped rules"
        );
        let broken = shipped.replacen(from, to, 1);
        let path = dir.path().join("broken.yaml");
        std::fs::write(&path, &broken).unwrap();
        let line = if *what == "duplicate id" {
            // The second definition is the one flagged.
            let first = broken.find("id: carney-trump-call-date").unwrap();
            let second = first
                + 1
                + broken[first + 1..]
                    .find("id: carney-trump-call-date")
                    .unwrap();
            broken[..second].matches('\n').count() + 1
        } else {
            line_of(&broken, line_text)
        };
        let (code, out) = newslint(repo(), &["--rules", path.to_str().unwrap(), "seeds/"]);
        assert_eq!(code, 2, "{what}: exit code\n{out}");
        assert!(
            out.contains(message),
            "{what}: message {message:?} missing\n{out}"
        );
        assert!(
            out.contains(&format!("broken.yaml:{line}:")),
            "{what}: expected a diagnostic at line {line}\n{out}"
        );
        // The other facts still ran: the seeds' claims are still counted.
        assert!(out.contains("5 files, "), "{what}\n{out}");
    }
}

#[test]
fn rules_explain_init_and_schema() {
    let (code, out) = newslint(repo(), &["rules"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("cusma-review-year") && out.contains("year [stable]"));
    assert!(out.contains("rules/canada-us-trade.yaml:"));
    assert!(out.contains("hygiene"));

    let (code, out) = newslint(repo(), &["explain", "us-tariff-rate-canada"]);
    assert_eq!(code, 0);
    assert!(out.contains("since 2025-08-01: 35%"), "{out}");
    assert!(out.contains("{value} matches:"));
    assert!(out.contains("examples:"));
    let (code, out) = newslint(repo(), &["explain", "quotes"]);
    assert_eq!(code, 0);
    assert!(out.contains("min_words"));
    let (code, _) = newslint(repo(), &["explain", "no-such-rule"]);
    assert_eq!(code, 2);

    let dir = tempfile::tempdir().unwrap();
    let (code, out) = newslint(dir.path(), &["init"]);
    assert_eq!(code, 0, "{out}");
    assert!(dir.path().join("newslint.yaml").exists());
    assert!(dir.path().join("rules/example.yaml").exists());
    let (code, out) = newslint(dir.path(), &["test-rules"]);
    assert_eq!(code, 0, "the starter rules pass their own examples: {out}");
    let (code, out) = newslint(dir.path(), &["init"]);
    assert_eq!(code, 2);
    assert!(out.contains("never overwrites"), "{out}");

    let (code, out) = newslint(repo(), &["schema"]);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(schema["properties"]["facts"].is_object());
}
