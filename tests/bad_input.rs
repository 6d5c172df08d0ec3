//! Bad and hostile input: each case beside a good article, asserting the message names the
//! file (and line), the good article is still checked, and the exit status follows the rule:
//! 2 when an input could not be read or a rule file is invalid (findings still printed);
//! files skipped on purpose (binary, over the size limit) and files read with a caveat
//! (decoded from Windows-1252, front matter ignored) are notes and do not change it.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A folder holding one good, dated article whose claim contradicts the shipped rules'
/// review year, so "still checked" is visible as a finding.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.md"),
        "---\ndate: 2025-10-15\n---\nThe CUSMA is up for review in 2026, officials said.\n",
    )
    .unwrap();
    dir
}

struct Run {
    code: i32,
    out: String,
}

fn newslint(dir: &Path, args: &[&str]) -> Run {
    let rules = repo().join("rules");
    let mut all = vec!["--rules", rules.to_str().unwrap(), "--color", "never"];
    all.extend_from_slice(args);
    let out = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(dir)
        .args(&all)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr),
    }
}

fn json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let rules = repo().join("rules");
    let mut full = vec!["--rules", rules.to_str().unwrap()];
    full.extend(all);
    let out = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(dir)
        .args(&full)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).expect("machine output is valid JSON");
    (out.status.code().unwrap_or(-1), v)
}

fn files_checked(out: &str) -> usize {
    let last = out
        .lines()
        .rev()
        .find(|l| l.contains(" files, ") || l.contains(" file, "))
        .unwrap();
    last.split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn invalid_utf8_and_windows_1252_are_decoded_with_a_note() {
    let dir = corpus();
    // Windows-1252 curly quotes and an accented name, plus a claim.
    std::fs::write(
        dir.path().join("2025-10-15-cms.txt"),
        b"Ottawa\x92s minister, Jos\xe9 Martin, said the review \x93is up for review in 2027\x94 in a CMS export.\nThe CUSMA is up for review in 2027.\n",
    )
    .unwrap();
    let run = newslint(dir.path(), &["."]);
    assert_eq!(run.code, 1, "{}", run.out);
    assert!(
        run.out
            .contains("2025-10-15-cms.txt: not valid UTF-8; decoded as windows-1252"),
        "{}",
        run.out
    );
    assert!(
        run.out.contains("error[cusma-review-year]"),
        "the decoded file is checked:\n{}",
        run.out
    );
    assert!(
        run.out.contains("┌─ 2025-10-15-cms.txt:2:31"),
        "{}",
        run.out
    );
    assert_eq!(files_checked(&run.out), 2);
}

#[test]
fn utf8_cut_inside_a_character_stays_utf8() {
    let dir = corpus();
    // A UTF-8 export cut short inside its last character ("—" is three bytes).
    let mut bytes = "The minister said “the CUSMA is up for review in 2027” in Québec.\n—"
        .as_bytes()
        .to_vec();
    bytes.truncate(bytes.len() - 1);
    std::fs::write(dir.path().join("2025-10-15-cut.md"), bytes).unwrap();
    let run = newslint(dir.path(), &["."]);
    assert_eq!(run.code, 1, "{}", run.out);
    assert!(
        run.out.contains(
            "2025-10-15-cut.md: not valid UTF-8 in 1 place; read as UTF-8, with U+FFFD for what is not"
        ),
        "{}",
        run.out
    );
    // Checked, its quotes and accents read as written rather than garbled by a guess.
    assert!(run.out.contains("error[cusma-review-year]"), "{}", run.out);
    assert!(
        run.out
            .contains("│ The minister said “the CUSMA is up for review in 2027” in Québec."),
        "{}",
        run.out
    );
}

#[test]
fn boms_and_utf16_are_read_with_correct_positions() {
    let dir = corpus();
    let text = "The CUSMA is up for review in 2027.\n";
    let mut utf8 = b"\xEF\xBB\xBF".to_vec();
    utf8.extend_from_slice(text.as_bytes());
    std::fs::write(dir.path().join("2025-10-15-bom8.txt"), utf8).unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("2025-10-15-bom16le.txt"), le).unwrap();
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    std::fs::write(dir.path().join("2025-10-15-bom16be.txt"), be).unwrap();
    let mut locs = claim_positions(dir.path());
    locs.retain(|l| l.0 != "good.md");
    locs.sort();
    assert_eq!(
        locs,
        vec![
            (
                "2025-10-15-bom16be.txt".to_string(),
                1,
                31,
                "2027".to_string()
            ),
            (
                "2025-10-15-bom16le.txt".to_string(),
                1,
                31,
                "2027".to_string()
            ),
            ("2025-10-15-bom8.txt".to_string(), 1, 31, "2027".to_string()),
        ]
    );
}

/// (path, line, column, value) of every claim, from `newslint claims --format json`.
fn claim_positions(dir: &Path) -> Vec<(String, u64, u64, String)> {
    let rules = repo().join("rules");
    let out = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(dir)
        .args([
            "claims",
            "--rules",
            rules.to_str().unwrap(),
            "--format",
            "json",
            ".",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["path"].as_str().unwrap().to_string(),
                c["line"].as_u64().unwrap(),
                c["column"].as_u64().unwrap(),
                c["value"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect()
}

#[test]
fn crlf_and_lone_cr_keep_line_numbers_in_every_format() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("2025-10-15-crlf.txt"),
        "The CUSMA is up for review in 2026.\r\nSecond line.\r\nThe CUSMA is up for review in 2027.\r\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("2025-10-15-cr.txt"),
        "The CUSMA is up for review in 2026.\rSecond line.\rThird.\rThe CUSMA is up for review in 2027.\r",
    )
    .unwrap();
    let (_, v) = json(dir.path(), &["."]);
    let mut lines: Vec<(String, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "cusma-review-year")
        .map(|f| {
            (
                f["locations"][0]["path"].as_str().unwrap().to_string(),
                f["locations"][0]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    lines.sort();
    assert_eq!(
        lines,
        vec![
            ("2025-10-15-cr.txt".to_string(), 4),
            ("2025-10-15-crlf.txt".to_string(), 3)
        ]
    );
    let concise = newslint(dir.path(), &["--format", "concise", "."]).out;
    assert!(
        concise.contains("2025-10-15-crlf.txt:3:31: error[cusma-review-year]"),
        "{concise}"
    );
    assert!(
        concise.contains("2025-10-15-cr.txt:4:31: error[cusma-review-year]"),
        "{concise}"
    );
    let github = newslint(dir.path(), &["--format", "github", "."]).out;
    assert!(
        github.contains("file=2025-10-15-cr.txt,line=4,col=31,"),
        "{github}"
    );
    let sarif: Value =
        serde_json::from_str(&newslint(dir.path(), &["--format", "sarif", "."]).out).unwrap();
    let regions: Vec<u64> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"] == "cusma-review-year")
        .map(|r| {
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(regions.len(), 2);
    assert!(regions.contains(&3) && regions.contains(&4));
    let human = newslint(dir.path(), &["."]).out;
    assert!(human.contains("┌─ 2025-10-15-cr.txt:4:31"), "{human}");
}

#[test]
fn binary_empty_and_oversized_files_are_skipped_with_a_note() {
    let dir = corpus();
    std::fs::write(dir.path().join("scan.txt"), b"%PDF-1.7\n\x00\x01\x02binary").unwrap();
    std::fs::write(dir.path().join("empty.md"), b"").unwrap();
    std::fs::write(dir.path().join("huge.txt"), "word ".repeat(1000)).unwrap();
    let run = newslint(dir.path(), &["--max-file-size", "2000", "."]);
    assert_eq!(run.code, 0, "{}", run.out);
    assert!(
        run.out
            .contains("scan.txt: binary file (NUL bytes); skipped"),
        "{}",
        run.out
    );
    assert!(
        run.out.contains(
            "huge.txt: 5000 bytes is over the size limit of 2000 bytes (--max-file-size); skipped"
        ),
        "{}",
        run.out
    );
    // good.md and empty.md are checked.
    assert_eq!(files_checked(&run.out), 2, "{}", run.out);
    assert!(run.out.contains("2 files skipped"), "{}", run.out);
}

#[test]
fn a_very_long_line_is_checked() {
    let dir = corpus();
    let line = format!(
        "{} The CUSMA is up for review in 2027.\n",
        "filler words ".repeat(80_000)
    );
    std::fs::write(dir.path().join("2025-10-15-long.txt"), &line).unwrap();
    let long: Vec<_> = claim_positions(dir.path())
        .into_iter()
        .filter(|c| c.0 == "2025-10-15-long.txt")
        .collect();
    assert_eq!(
        long,
        vec![(
            "2025-10-15-long.txt".to_string(),
            1,
            80_000 * 13 + 32,
            "2027".to_string()
        )]
    );
    let run = newslint(dir.path(), &["."]);
    assert_eq!(run.code, 1);
    // The excerpt is the end of the line, cut before; the place is the place in the file.
    assert!(run.out.len() < 20_000, "the long line was printed");
    assert!(
        run.out.contains("2025-10-15-long.txt:1:1040032\n"),
        "{}",
        run.out
    );
    assert!(
        run.out
            .contains("1 │ …words filler words filler words filler words filler words  The CUSMA is up for review in 2027.\n"),
        "{}",
        run.out
    );
}

/// Two claims of one long line, too far apart for one excerpt: the first is shown cut
/// around it, the other is placed in a note.
#[test]
fn claims_far_apart_on_a_long_line_are_shown_and_placed() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!(
        "The CUSMA is up for review in 2026. {}The CUSMA is up for review in 2027.\n",
        "filler words ".repeat(400)
    );
    std::fs::write(dir.path().join("2025-10-15-far.txt"), &line).unwrap();
    let run = newslint(dir.path(), &["."]);
    assert_eq!(run.code, 1, "{}", run.out);
    assert!(
        run.out.contains("┌─ 2025-10-15-far.txt:1:5267\n"),
        "{}",
        run.out
    );
    assert!(
        run.out
            .contains("1 │ …words filler words filler words filler words filler words The CUSMA is up for review in 2027.\n"),
        "{}",
        run.out
    );
    assert!(
        run.out.contains(
            "= 2025-10-15-far.txt:1:31 (too far along a line of 5271 characters to show with the rest): claims 2026"
        ),
        "{}",
        run.out
    );
}

#[test]
fn a_baseline_that_cannot_be_read_is_an_error_and_nothing_is_suppressed() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("other.md"),
        "---\ndate: 2025-10-16\n---\nThe CUSMA is up for review in 2027, officials said.\n",
    )
    .unwrap();
    let (code, plain) = json(dir.path(), &["."]);
    assert_eq!(code, 1, "a contradiction between the two articles");
    let findings = plain["findings"].as_array().unwrap().len();
    assert!(findings > 0);
    std::fs::write(
        dir.path().join("bad.json"),
        "{\n  \"version\": 1,\n  \"findings\": [oops]\n}\n",
    )
    .unwrap();
    for (baseline, line, message) in [
        (
            "gone.json",
            Value::Null,
            "cannot read baseline: no such file or directory",
        ),
        (
            "bad.json",
            Value::from(3),
            "not a newslint baseline: expected value (line 3, column 16)",
        ),
    ] {
        let (code, report) = json(dir.path(), &["--baseline", baseline, "."]);
        assert_eq!(code, 2, "{baseline}");
        assert_eq!(
            report["findings"].as_array().unwrap().len(),
            findings,
            "{baseline}"
        );
        let errors = report["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0]["kind"], "input");
        assert_eq!(errors[0]["path"], baseline);
        assert_eq!(errors[0]["line"], line);
        assert_eq!(errors[0]["message"], message);
        let human = newslint(dir.path(), &["--baseline", baseline, "."]);
        assert_eq!(human.code, 2);
        assert!(
            human
                .out
                .contains(&format!("error: {baseline}: {message}\n")),
            "{}",
            human.out
        );
    }
}

#[test]
fn missing_paths_unreadable_files_and_symlinks_are_errors_that_do_not_stop_the_run() {
    let dir = corpus();
    let run = newslint(dir.path(), &[".", "no/such/folder"]);
    assert_eq!(run.code, 2, "{}", run.out);
    assert!(
        run.out
            .contains("error: no/such/folder: cannot read: no such file or directory"),
        "{}",
        run.out
    );
    assert_eq!(files_checked(&run.out), 1);

    #[cfg(unix)]
    {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        symlink(&sub, sub.join("loop")).unwrap();
        symlink(dir.path().join("gone.md"), dir.path().join("dangling.md")).unwrap();
        let run = newslint(dir.path(), &["."]);
        assert_eq!(run.code, 2, "{}", run.out);
        assert!(
            run.out.contains("sub/loop: symlink loop back to"),
            "{}",
            run.out
        );
        assert!(
            run.out
                .contains("dangling.md: cannot read: no such file or directory"),
            "{}",
            run.out
        );
        assert_eq!(files_checked(&run.out), 1, "{}", run.out);
        std::fs::remove_file(sub.join("loop")).unwrap();
        std::fs::remove_file(dir.path().join("dangling.md")).unwrap();

        let secret = dir.path().join("secret.md");
        std::fs::write(&secret, "The CUSMA is up for review in 2027.\n").unwrap();
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&secret).is_ok() {
            println!(
                "note: running as a user who can read mode-000 files (root); permission case not asserted"
            );
        } else {
            let run = newslint(dir.path(), &["."]);
            assert_eq!(run.code, 2, "{}", run.out);
            assert!(
                run.out
                    .contains("secret.md: cannot read: permission denied"),
                "{}",
                run.out
            );
            assert_eq!(files_checked(&run.out), 1);
        }
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn a_pipe_or_device_named_as_an_article_is_an_error_not_a_silent_nothing() {
    // A pipe would be read once and could not be read again for its excerpts (nor, with no
    // writer, be opened without waiting forever); a walk finds no file in either.
    let dir = corpus();
    let pipe = dir.path().join("draft.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let run = newslint(dir.path(), &["good.md", "draft.md", "/dev/null"]);
    assert_eq!(run.code, 2, "{}", run.out);
    assert!(
        run.out
            .contains("error: draft.md: cannot read: it is a pipe"),
        "{}",
        run.out
    );
    assert!(
        run.out
            .contains("error: /dev/null: cannot read: it is a device"),
        "{}",
        run.out
    );
    assert_eq!(files_checked(&run.out), 1, "{}", run.out);
    // Inside a folder, such entries are not articles and are passed over, as before.
    let run = newslint(dir.path(), &["."]);
    assert_eq!(run.code, 0, "{}", run.out);
    assert!(!run.out.contains("draft.md"), "{}", run.out);
    assert_eq!(files_checked(&run.out), 1, "{}", run.out);
}

#[test]
fn broken_front_matter_is_noted_and_the_article_still_checked() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("2025-10-15-a.md"),
        "---\ndate: [unclosed\n---\nThe CUSMA is up for review in 2027.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("2025-10-15-b.md"),
        "---\n- a list\n---\nText.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.md"),
        "---\ndate: next tuesday\n---\nText.\n",
    )
    .unwrap();
    let run = newslint(dir.path(), &["."]);
    assert_eq!(run.code, 1, "{}", run.out);
    assert!(
        run.out
            .contains("2025-10-15-a.md: front matter is not valid YAML"),
        "{}",
        run.out
    );
    assert!(
        run.out
            .contains("2025-10-15-b.md: front matter is not a mapping; ignored"),
        "{}",
        run.out
    );
    assert!(
        run.out
            .contains("c.md: front matter `date: next tuesday` is not a YYYY-MM-DD date; ignored"),
        "{}",
        run.out
    );
    // The article with broken front matter is still checked, dated by its file name.
    assert!(run.out.contains("┌─ 2025-10-15-a.md:4:"), "{}", run.out);
    assert_eq!(files_checked(&run.out), 4);
}

/// Writes a rule file beside the shipped ones and runs on the good corpus.
fn with_rule_file(yaml: &str) -> Run {
    let dir = corpus();
    let rules_dir = dir.path().join("rules");
    std::fs::create_dir(&rules_dir).unwrap();
    for entry in std::fs::read_dir(repo().join("rules")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, rules_dir.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(rules_dir.join("zz-bad.yaml"), yaml).unwrap();
    let out = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(dir.path())
        .args(["--color", "never", "--rules", "rules", "good.md"])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr),
    }
}

#[test]
fn bad_rule_files_are_reported_and_the_other_rules_still_run() {
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..12 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("l{}", i - 1)
        };
        bomb.push_str(&format!("l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    let deep = format!("facts: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let cases: Vec<(&str, String, Option<usize>, &str)> = vec![
        ("not a mapping", "- one\n- two\n".into(), Some(1), "invalid rule file"),
        ("invalid YAML", "facts:\n  - id: x\n    type: [unclosed\n".into(), None, "invalid rule file"),
        ("alias bomb", bomb, None, "invalid rule file"),
        ("deep nesting", deep, None, "invalid rule file"),
        ("regex too large", "facts:\n  - id: big\n    type: count\n    patterns: ['(?:\\w{1000}){1000} {value}']\n".into(), Some(4), "too large"),
        ("value twice", "facts:\n  - id: two\n    type: count\n    patterns:\n      - '{value} or {value}'\n".into(), Some(5), "used twice"),
        ("timeline out of order", "facts:\n  - id: t\n    type: percent\n    patterns: ['rate of {value}']\n    timeline:\n      - { since: 2025-08-01, value: 35% }\n      - { since: 2025-03-04, value: 25% }\n".into(), Some(7), "out of order"),
    ];
    for (what, yaml, line, message) in cases {
        let started = std::time::Instant::now();
        let run = with_rule_file(&yaml);
        assert_eq!(run.code, 2, "{what}\n{}", run.out);
        assert!(
            run.out.contains(message),
            "{what}: {message:?}\n{}",
            run.out
        );
        assert!(
            run.out.contains("zz-bad.yaml"),
            "{what}: names the file\n{}",
            run.out
        );
        if let Some(line) = line {
            assert!(
                run.out.contains(&format!("zz-bad.yaml:{line}:")),
                "{what}: line {line}\n{}",
                run.out
            );
        }
        // The shipped rules still ran on the good article (a claim was extracted).
        assert!(run.out.contains("1 file, 1 claim"), "{what}\n{}", run.out);
        assert!(started.elapsed().as_secs() < 20, "{what} took too long");
    }
    // An empty rule file is fine.
    let run = with_rule_file("");
    assert_eq!(run.code, 0, "{}", run.out);
}

#[test]
fn a_catastrophic_looking_regex_runs_in_linear_time() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("a.md"),
        format!("{}!\n", "a".repeat(50_000)),
    )
    .unwrap();
    let rule = dir.path().join("r.yaml");
    std::fs::write(
        &rule,
        "facts:\n  - id: evil\n    type: count\n    patterns: ['(a+)+$ {value}']\n",
    )
    .unwrap();
    let out = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(dir.path())
        .args(["--rules", "r.yaml", "."])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn machine_output_stays_valid_and_terminal_output_inert_whatever_the_text() {
    let dir = corpus();
    std::fs::write(
        dir.path().join("2025-10-15-esc.md"),
        "Evil \u{1b}[2J\u{1b}]0;title\u{7} text \u{202e}reversed\u{202c} and \"quotes\" \\ backslash.\nThe CUSMA is up for review in \u{1b}[31m2027.\n\nThe CUSMA is up for review in 2027.\n",
    )
    .unwrap();
    let (code, v) = json(dir.path(), &["."]);
    assert_eq!(code, 1);
    assert!(!v["findings"].as_array().unwrap().is_empty());
    let human = newslint(dir.path(), &["."]).out;
    assert!(
        !human.contains('\u{1b}'),
        "escape sequences reach the terminal"
    );
    assert!(!human.contains('\u{7}'));
    assert!(!human.contains('\u{202e}'));
    let sarif = newslint(dir.path(), &["--format", "sarif", "."]).out;
    let _: Value = serde_json::from_str(&sarif).expect("valid SARIF JSON");
}

#[test]
fn newslint_never_writes_to_what_it_reads() {
    let dir = corpus();
    let before: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();
    let rules_before = std::fs::read(repo().join("rules/canada-us-trade.yaml")).unwrap();
    let _ = newslint(dir.path(), &["--write-baseline", "base.json", "."]);
    let _ = newslint(
        dir.path(),
        &["--format", "sarif", "--output", "out.sarif", "."],
    );
    for (p, b) in before {
        assert_eq!(std::fs::read(&p).unwrap(), b, "{} changed", p.display());
    }
    assert_eq!(
        std::fs::read(repo().join("rules/canada-us-trade.yaml")).unwrap(),
        rules_before
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.contains(".tmp-")),
        "temporary files left: {names:?}"
    );
}
