//! End to end: machine-readable formats, pre-publication (drafts) mode, suppression and the
//! baseline.

mod common;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn run(args: &[&str], dir: Option<&Path>) -> (i32, String) {
    let out = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(dir.unwrap_or(Path::new(env!("CARGO_MANIFEST_DIR"))))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("output is UTF-8"),
    )
}

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (code, out) = run(&all, None);
    (code, serde_json::from_str(&out).expect("valid JSON"))
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let (code, out) = run(
        &[
            "--format",
            "sarif",
            "seeds/",
            "tests/fixtures/drafts/review-2027.txt",
        ],
        None,
    );
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let run0 = &sarif["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "newslint");
    let rules: Vec<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"cusma-review-year") && rules.contains(&"titles"));
    let results = run0["results"].as_array().unwrap();
    let contradiction = results
        .iter()
        .find(|r| r["ruleId"] == "cusma-review-year" && r["level"] == "error")
        .expect("the contradiction is a result");
    let loc = &contradiction["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "tests/fixtures/drafts/review-2027.txt"
    );
    assert_eq!(loc["region"]["startLine"], 3);
    let related = contradiction["relatedLocations"].as_array().unwrap();
    assert!(
        related[0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .starts_with("seeds/")
    );
    assert!(
        contradiction["message"]["text"]
            .as_str()
            .unwrap()
            .contains("](1)")
    );
    assert!(contradiction["partialFingerprints"]["newslintFingerprint/v1"].is_string());
    assert_eq!(run0["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn json_is_the_documented_object() {
    let (code, v) = json(&["seeds/", "tests/fixtures/drafts/fourth-visit.md"]);
    assert_eq!(code, 1);
    assert_eq!(v["version"], 1);
    let findings = v["findings"].as_array().unwrap();
    let regression = findings.iter().find(|f| f["kind"] == "regression").unwrap();
    assert_eq!(regression["rule"], "carney-washington-visits");
    assert_eq!(regression["severity"], "error");
    let locs = regression["locations"].as_array().unwrap();
    assert_eq!(locs.len(), 2);
    for key in [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "value",
        "article_date",
    ] {
        assert!(locs[0].get(key).is_some(), "location lacks {key}");
    }
    assert_eq!(locs[0]["value"], "3");
    assert_eq!(locs[0]["article_date"], "2025-11-25");
    assert_eq!(locs[1]["path"], "tests/fixtures/drafts/fourth-visit.md");
    assert_eq!(locs[1]["value"], "4");
    let s = &v["summary"];
    assert_eq!(s["files"], 6);
    assert_eq!(s["errors"], 1);
    assert_eq!(s["findings"].as_u64().unwrap() as usize, findings.len());
}

#[test]
fn concise_is_one_line_per_finding() {
    let (_, out) = run(&["--format", "concise", "seeds/"], None);
    let (_, v) = json(&["seeds/"]);
    assert_eq!(out.lines().count(), v["findings"].as_array().unwrap().len());
    assert!(out
        .lines()
        .any(|l| l == "seeds/000_bbb15b061d3f8454.txt:31:52: warning[terms] terms: \"aluminium\" where the house style is \"aluminum\""));
}

#[test]
fn github_commands_cannot_be_forged_by_article_text() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "%0A::set-output name=pwned::1\n::stop-commands::token\r::warning file=x::forged";
    std::fs::write(
        dir.path().join("a, b:c%.md"),
        format!(
            "---\ndate: 2025-10-01\n---\nThe minister said: “We will cut the steel quota by a third this year {evil} and more.”\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        format!(
            "---\ndate: 2025-10-02\n---\nThe minister said: “We will cut the steel quota by a quarter this year {evil} and more.”\n"
        ),
    )
    .unwrap();
    // Undated, with a claim wrapped across a line break.
    std::fs::write(
        dir.path().join("c.md"),
        "Carney is travelling to Washington next\nweek, sources say.\n",
    )
    .unwrap();
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let (_, out) = run(
        &[
            "--format",
            "github",
            "--rules",
            rules.to_str().unwrap(),
            ".",
        ],
        Some(dir.path()),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 2, "{out}");
    for line in &lines {
        assert!(
            line.starts_with("::warning file=")
                || line.starts_with("::error file=")
                || line.starts_with("::notice file="),
            "unexpected line: {line:?}"
        );
        assert!(!line.contains('\r'));
    }
    let quote = lines
        .iter()
        .find(|l| l.contains("title=newslint quotes"))
        .unwrap();
    // `%` in a file name is escaped in message data; with `,` and `:` in properties.
    assert!(quote.contains("a, b:c%25.md"), "{quote}");
    let undated = lines
        .iter()
        .find(|l| l.contains("title=newslint unresolved"))
        .unwrap();
    // The claim "next\nweek" spans a line break, yet stays on one escaped line.
    assert!(undated.contains("next%0Aweek"), "{undated}");
}

#[test]
fn drafts_mode_reports_only_what_involves_the_draft() {
    let (code, v) = json(&[
        "--drafts",
        "tests/fixtures/drafts/call-on-tuesday.md",
        "--",
        "seeds/",
    ]);
    assert_eq!(code, 1);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f["kind"], "contradiction");
    assert_eq!(
        f["locations"][0]["path"],
        "tests/fixtures/drafts/call-on-tuesday.md"
    );
    assert_eq!(f["locations"][1]["path"], "seeds/002_2a1d74c9607f2477.txt");
    // The whole corpus was still read.
    assert_eq!(v["summary"]["files"], 6);
}

#[test]
fn as_of_dates_an_undated_draft() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.md");
    std::fs::write(
        &draft,
        "The CUSMA review begins next year, officials said.\n",
    )
    .unwrap();
    let d = draft.to_str().unwrap();
    let (_, v) = json(&["--drafts", d, "--", "seeds/"]);
    assert_eq!(v["findings"][0]["kind"], "unresolved");
    let (code, v) = json(&["--drafts", d, "--as-of", "2026-02-01", "--", "seeds/"]);
    // "next year" in 2026 is 2027: a contradiction of the stable review year.
    assert_eq!(code, 1);
    assert_eq!(v["findings"][0]["kind"], "contradiction");
    assert_eq!(v["findings"][0]["locations"][0]["value"], "2027");
}

#[test]
fn inline_suppression_and_unused_comments() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("2025-10-15-draft.md");
    std::fs::write(
        &draft,
        "Analysts disagree.\n<!-- newslint-disable-next-line cusma-review-year -->\nThe Canada-U.S.-Mexico Agreement (CUSMA) is up for review in 2027.\n<!-- newslint-disable-next-line titles -->\nNothing here.\n",
    )
    .unwrap();
    let (code, v) = json(&["seeds/", draft.to_str().unwrap()]);
    assert_eq!(code, 0);
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["locations"][0]["path"]
                .as_str()
                .unwrap()
                .ends_with("draft.md")
        })
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["unused-suppression"]);
}

#[test]
fn a_baseline_hides_known_findings_and_survives_edits_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("2025-10-15-draft.md");
    let text = "The Canada-U.S.-Mexico Agreement (CUSMA) is up for review in 2027.\n";
    std::fs::write(&draft, text).unwrap();
    let baseline = dir.path().join("baseline.json");
    let d = draft.to_str().unwrap();
    let b = baseline.to_str().unwrap();
    let (code, _) = run(&["--write-baseline", b, "seeds/", d], None);
    assert_eq!(code, 1);
    assert!(baseline.exists());
    // Lines added above the finding do not break the baseline.
    std::fs::write(&draft, format!("A new first paragraph.\n\n{text}")).unwrap();
    let (code, v) = json(&["--baseline", b, "seeds/", d]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["summary"]["errors"], 0);
    // A new contradiction is reported.
    std::fs::write(
        &draft,
        format!("{text}\nThe agreement is up for review in 2028.\n"),
    )
    .unwrap();
    let (code, _) = json(&["--baseline", b, "seeds/", d]);
    assert_eq!(code, 1);
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.sarif");
    let (code, stdout) = run(
        &[
            "--format",
            "sarif",
            "--output",
            out.to_str().unwrap(),
            "seeds/",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert!(stdout.is_empty());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn an_output_path_that_cannot_be_written_is_told_before_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let (report, baseline) = (path("report.json"), path("baseline.json"));
    let (missing_report, missing_baseline) = (
        path("no such folder/report.json"),
        path("no such folder/baseline.json"),
    );
    let folder = path("");
    for (args, why) in [
        // The baseline would be written before the report: it is not.
        (
            ["--write-baseline", &baseline, "--output", &missing_report],
            "cannot write",
        ),
        (
            ["--write-baseline", &missing_baseline, "--output", &report],
            "cannot write",
        ),
        (
            ["--write-baseline", &baseline, "--output", &folder],
            "it is a folder",
        ),
    ] {
        let out = Command::cargo_bin("newslint")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["--format", "json"])
            .args(args)
            .arg("seeds/")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: cannot write ") && stderr.contains(why),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "nothing else: {stderr}");
        assert!(out.stdout.is_empty());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "{args:?}: nothing written"
        );
    }
}

#[test]
fn stats_go_to_standard_error_and_leave_the_report_as_it_is() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let with = |extra: &[&str]| {
        Command::cargo_bin("newslint")
            .unwrap()
            .current_dir(root)
            .args(["--format", "json", "seeds/"])
            .args(extra)
            .output()
            .unwrap()
    };
    let plain = with(&[]);
    let stats = with(&["--stats"]);
    assert_eq!(stats.status.code(), plain.status.code());
    assert_eq!(stats.stdout, plain.stdout, "the report does not change");
    assert!(
        plain.stderr.is_empty(),
        "nothing on standard error without --stats"
    );
    let report: Value = serde_json::from_slice(&stats.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap().len();
    let files = std::fs::read_dir(root.join("seeds")).unwrap().count();
    let bytes: u64 = std::fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    let text = String::from_utf8(stats.stderr).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // The counts are the run's: every file, its claims and its findings.
    let claims = report["summary"]["claims"].as_u64().unwrap();
    let first = format!(
        "newslint: {files} files ({:.1} kB), {claims} claims, {findings} findings in ",
        bytes as f64 / 1000.0
    );
    assert!(lines[0].starts_with(&first), "{text}");
    let steps: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split_once(" s  ").expect("time, then the step").1)
        .collect();
    let names: Vec<&str> = steps.iter().map(|s| s.split(':').next().unwrap()).collect();
    assert_eq!(
        names,
        [
            "rules read, files found",
            "files read, claims extracted, articles scanned",
            "checks across articles",
            "files with findings looked at again",
            "findings sorted",
            "report written",
        ],
        "{text}"
    );
}

#[test]
fn the_report_is_the_same_with_any_number_of_threads() {
    // Many articles in several folders (the seeds and the fixtures, copied again and
    // again), so that the files go through in more than one chunk and the checks across
    // articles have much to compare.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let mut sources: Vec<std::path::PathBuf> = walkdir(&root.join("seeds"));
    sources.extend(walkdir(&root.join("tests/fixtures")));
    sources.sort();
    assert!(sources.len() > 20, "{sources:?}");
    for copy in 0..12 {
        let folder = dir.path().join(format!("desk-{copy:02}"));
        std::fs::create_dir_all(&folder).unwrap();
        for (i, source) in sources.iter().enumerate() {
            let text = std::fs::read_to_string(source).unwrap_or_default();
            let name = format!("{i:03}-{}", source.file_name().unwrap().to_string_lossy());
            std::fs::write(folder.join(name), text).unwrap();
        }
    }
    let corpus = dir.path().to_str().unwrap();
    let with = |threads: &str| {
        let (code, out) = run(
            &[
                "--threads",
                threads,
                "--rules",
                "rules",
                "--format",
                "json",
                corpus,
            ],
            None,
        );
        (code, out)
    };
    let one = with("1");
    let report: Value = serde_json::from_str(&one.1).unwrap();
    assert!(
        report["findings"].as_array().unwrap().len() > 100,
        "{}",
        one.1
    );
    for threads in ["3", "0"] {
        assert_eq!(with(threads), one, "--threads {threads}");
    }
    let (code, _) = run(&["-j", "2", "--format", "json", "seeds/"], None);
    let (plain, _) = run(&["--format", "json", "seeds/"], None);
    assert_eq!(code, plain);
    // Not a number, or more than the limit: a usage error.
    for bad in ["x", "513", "-1"] {
        let (code, _) = run(&["--threads", bad, "seeds/"], None);
        assert_eq!(code, 2, "--threads {bad}");
    }
}

/// The files under `dir`, at any depth.
fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "txt") {
                files.push(path);
            }
        }
    }
    files
}
