//! The GitHub Action's script, run as the runner would: a workspace, a step summary file,
//! an outputs file and a list of changed files.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Step {
    code: i32,
    log: String,
    summary: String,
    outputs: String,
    workspace: tempfile::TempDir,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A workspace holding the seeds and `drafts/`, with `changed` listed as the PR's changes.
fn run_step(drafts: &[(&str, &str)], changed: &[&str], fail_on: &str) -> Step {
    let ws = tempfile::tempdir().unwrap();
    let seeds = ws.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    for entry in std::fs::read_dir(repo().join("seeds")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, seeds.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::create_dir_all(ws.path().join("drafts")).unwrap();
    for (name, text) in drafts {
        std::fs::write(ws.path().join(name), text).unwrap();
    }
    let changed_list = ws.path().join("changed.txt");
    std::fs::write(&changed_list, changed.join("\n")).unwrap();
    let summary = ws.path().join("summary.md");
    let outputs = ws.path().join("outputs.txt");
    let out = Command::new("bash")
        .arg(repo().join("scripts/action.sh"))
        .env("GITHUB_WORKSPACE", ws.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_OUTPUT", &outputs)
        .env("NEWSLINT_BIN", env!("CARGO_BIN_EXE_newslint"))
        .env("NEWSLINT_CORPUS", "seeds/")
        .env("NEWSLINT_RULES", repo().join("rules"))
        .env("NEWSLINT_CHANGED_FILES", &changed_list)
        .env("NEWSLINT_FAIL_ON", fail_on)
        .env("NEWSLINT_AS_OF", "2025-10-15")
        .env_remove("NEWSLINT_DRAFTS")
        .output()
        .unwrap();
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    Step {
        code: out.status.code().unwrap_or(-1),
        log: String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr),
        summary: read(&summary),
        outputs: read(&outputs),
        workspace: ws,
    }
}

const BAD_DRAFT: &str = "CUSMA is up for review in 2027, a trade lawyer said.\n\nAlso Read: 10 stocks to buy\n\nIt contains %0A::set-output name=x::y and more.\n";

#[test]
fn the_action_annotates_drafts_writes_sarif_and_a_summary() {
    let step = run_step(
        &[
            ("drafts/review.md", BAD_DRAFT),
            ("drafts/notes.pdf", "binary"),
        ],
        &[
            "drafts/review.md",
            "drafts/notes.pdf",
            "drafts/deleted.md",
            "README.txt",
        ],
        "error",
    );
    assert_eq!(step.code, 1, "{}", step.log);
    // Annotations: one per finding, on the draft only, every line a command or our note.
    let annotations: Vec<&str> = step.log.lines().filter(|l| l.starts_with("::")).collect();
    assert!(
        annotations
            .iter()
            .any(|l| l.starts_with("::error file=drafts/review.md,line=1,")
                && l.contains("title=newslint contradiction (cusma-review-year)")),
        "{}",
        step.log
    );
    assert!(
        annotations
            .iter()
            .any(|l| l.starts_with("::warning file=drafts/review.md,line=3,"))
    );
    assert!(
        annotations
            .iter()
            .all(|l| l.contains("file=drafts/review.md")),
        "{}",
        step.log
    );
    assert!(!step.log.lines().any(|l| l.starts_with("::set-output")));
    // The summary table.
    assert!(step.summary.contains("## newslint"), "{}", step.summary);
    assert!(
        step.summary
            .contains("| Level | Rule | Location | Finding |")
    );
    assert!(
        step.summary
            .contains("| error | `cusma-review-year` | `drafts/review.md:1` |"),
        "{}",
        step.summary
    );
    assert!(
        step.summary.contains("1 draft checked against 6 files"),
        "{}",
        step.summary
    );
    // Outputs and the SARIF file.
    assert!(step.outputs.contains("sarif=newslint.sarif"));
    assert!(step.outputs.contains("errors=1"), "{}", step.outputs);
    assert!(step.outputs.contains("warnings=1"), "{}", step.outputs);
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(step.workspace.path().join("newslint.sarif")).unwrap(),
    )
    .unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
}

#[test]
fn fail_on_levels_and_no_drafts() {
    let warn_only = "Also Read: 10 stocks to buy\n";
    let step = run_step(&[("drafts/w.md", warn_only)], &["drafts/w.md"], "error");
    assert_eq!(step.code, 0, "{}", step.log);
    let step = run_step(&[("drafts/w.md", warn_only)], &["drafts/w.md"], "warning");
    assert_eq!(step.code, 1, "{}", step.log);
    let step = run_step(&[("drafts/r.md", BAD_DRAFT)], &["drafts/r.md"], "never");
    assert_eq!(step.code, 0, "{}", step.log);
    let step = run_step(&[], &["src/main.rs"], "error");
    assert_eq!(step.code, 0, "{}", step.log);
    assert!(step.summary.contains("No changed drafts"));
    let step = run_step(&[], &[], "sometimes");
    assert_eq!(step.code, 2);
}
