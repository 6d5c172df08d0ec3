//! Helpers for end-to-end tests: run the binary and read its human output back.
#![allow(dead_code)]

use assert_cmd::Command;

/// One diagnostic of the human output.
#[derive(Debug, Clone, PartialEq)]
pub struct Diag {
    pub severity: String,
    pub rule: String,
    pub message: String,
    /// (path, line) of every excerpt, the primary first.
    pub locations: Vec<(String, usize)>,
    pub body: String,
}

impl Diag {
    /// "contradiction", "stale", … (the message up to the first colon).
    pub fn kind(&self) -> &str {
        self.message.split(':').next().unwrap_or("")
    }

    pub fn files(&self) -> Vec<&str> {
        self.locations.iter().map(|(p, _)| p.as_str()).collect()
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub diags: Vec<Diag>,
}

pub fn newslint(args: &[&str]) -> Run {
    let out = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    Run {
        code: out.status.code().unwrap_or(-1),
        diags: parse(&stdout),
        stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Parses codespan's rendering: `severity[rule]: message` headers, `┌─ path:line:col` lines.
pub fn parse(text: &str) -> Vec<Diag> {
    let mut out: Vec<Diag> = Vec::new();
    for line in text.lines() {
        let header = ["error[", "warning[", "note["]
            .iter()
            .find(|p| line.starts_with(**p));
        if let Some(prefix) = header {
            let rest = &line[prefix.len()..];
            if let Some(close) = rest.find("]: ") {
                out.push(Diag {
                    severity: prefix.trim_end_matches('[').to_string(),
                    rule: rest[..close].to_string(),
                    message: rest[close + 3..].to_string(),
                    locations: Vec::new(),
                    body: String::new(),
                });
                continue;
            }
        }
        if let Some(d) = out.last_mut() {
            d.body.push_str(line);
            d.body.push('\n');
            if let Some(at) = line.find("┌─ ") {
                let loc = &line[at + "┌─ ".len()..];
                let mut parts = loc.rsplitn(3, ':');
                let _col = parts.next();
                let line_no = parts.next().and_then(|l| l.parse().ok());
                if let (Some(line_no), Some(path)) = (line_no, parts.next()) {
                    d.locations.push((path.to_string(), line_no));
                }
            }
        }
    }
    out
}

/// Sentences that small corpora are made of in property tests: claims of the shipped facts
/// with other values (a count that may only grow, a date that may drift), a quotation given
/// alike, edited and cut, titled names, both spellings of a word, a suppression comment, and
/// pieces that break text apart.
pub const SENTENCES: &[&str] = &[
    "Trump raised tariffs on Canadian goods to 35%. ",
    "Trump raised tariffs on Canadian goods from 25% to 40%. ",
    "On Aug. 1, the rate rose to 30%. ",
    "It will be his third visit since his election in April. ",
    "Carney made his second trip to Washington in October. ",
    "Carney made his fourth trip to Washington. ",
    "Carney spoke to Trump on Sept. 3, 2025. ",
    "Carney spoke to Trump on Sept. 5, 2025. ",
    "Prime Minister Mark Carney said \"we will not negotiate in public and we will not be rushed\" on Tuesday. ",
    "Carney said \"we will not negotiate in public and we will be rushed\" on Tuesday. ",
    "Carney said: “we will not negotiate in public”. ",
    "Trade Minister Dominic LeBlanc met U.S. Commerce Secretary Howard Lutnick. ",
    "Finance Minister Dominic LeBlanc met Commerce Secretary Howard Lutnick. ",
    "The levy on aluminium rose 5 per cent; the aluminum levy rose 5 percent. ",
    "<!-- newslint-disable-next-line quotes -->\n",
    "---\ndate: 2025-09-03\n---\n",
    "date 2025-11-25 ",
    "\n\n",
    "\r\n",
    "“",
    "\u{a0}",
    // Added later, at the end, so that the recorded failures keep their sentences.
    "The review in 2026/27 follows the January-May period, at 0.2125 pct in 2026. ",
    "Between April and June, 3m people visited 10 to 15 times. ",
];
