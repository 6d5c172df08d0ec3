//! What `--stats` prints after the report, on standard error: how much a run read and found,
//! and how long each of its steps took. On an archive this tells which step, and within the
//! checks across articles which check, the time went to.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// The steps of a run as they end, each with the time since the one before.
#[derive(Debug, Clone)]
pub struct Steps {
    started: Instant,
    last: Instant,
    pub list: Vec<Step>,
    /// Bytes of article text read (as decoded).
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub name: &'static str,
    pub took: Duration,
    /// Parts of the step worth naming (the checks across articles, each on its own).
    pub parts: Vec<(&'static str, Duration)>,
}

impl Default for Steps {
    fn default() -> Steps {
        Steps::new()
    }
}

impl Steps {
    /// Starts the clock.
    pub fn new() -> Steps {
        let now = Instant::now();
        Steps {
            started: now,
            last: now,
            list: Vec::new(),
            bytes: 0,
        }
    }

    /// Notes that the step `name` ended now.
    pub fn end(&mut self, name: &'static str) {
        self.end_with(name, Vec::new());
    }

    /// As [`Steps::end`], with the times of its parts.
    pub fn end_with(&mut self, name: &'static str, parts: Vec<(&'static str, Duration)>) {
        let now = Instant::now();
        self.list.push(Step {
            name,
            took: now - self.last,
            parts,
        });
        self.last = now;
    }

    /// Since the clock started.
    pub fn total(&self) -> Duration {
        self.started.elapsed()
    }
}

/// What a run counted, for the first line.
pub struct Counts {
    pub files: usize,
    pub claims: usize,
    pub findings: usize,
}

/// The text `--stats` prints: a line of counts and the whole time, then a line a step.
pub fn render(steps: &Steps, counts: &Counts, total: Duration) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "newslint: {} files ({}), {} claims, {} findings in {}",
        counts.files,
        size(steps.bytes),
        counts.claims,
        counts.findings,
        seconds(total)
    );
    for step in &steps.list {
        let _ = write!(out, "  {:>8}  {}", seconds(step.took), step.name);
        // The slowest parts first, the ones too quick to show left out.
        let mut parts: Vec<&(&str, Duration)> = step
            .parts
            .iter()
            .filter(|(_, took)| *took >= Duration::from_millis(5))
            .collect();
        parts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        if !parts.is_empty() {
            let named: Vec<String> = parts
                .iter()
                .map(|(name, took)| format!("{name} {}", seconds(*took)))
                .collect();
            let _ = write!(out, ": {}", named.join(", "));
        }
        out.push('\n');
    }
    out
}

fn seconds(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn size(bytes: u64) -> String {
    const MB: f64 = 1_000_000.0;
    if bytes as f64 >= 1000.0 * MB {
        format!("{:.2} GB", bytes as f64 / (1000.0 * MB))
    } else if bytes as f64 >= 0.1 * MB {
        format!("{:.1} MB", bytes as f64 / MB)
    } else {
        format!("{:.1} kB", bytes as f64 / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_take_the_time_since_the_one_before_and_add_up_to_at_most_the_whole() {
        let mut steps = Steps::new();
        std::thread::sleep(Duration::from_millis(20));
        steps.end("first");
        steps.end("second");
        std::thread::sleep(Duration::from_millis(10));
        steps.end_with("third", vec![("part", Duration::from_millis(3))]);
        let names: Vec<&str> = steps.list.iter().map(|s| s.name).collect();
        assert_eq!(names, ["first", "second", "third"]);
        assert!(steps.list[0].took >= Duration::from_millis(20));
        assert!(steps.list[2].took >= Duration::from_millis(10));
        let sum: Duration = steps.list.iter().map(|s| s.took).sum();
        assert!(sum <= steps.total());
        assert_eq!(steps.list[2].parts, [("part", Duration::from_millis(3))]);
    }

    #[test]
    fn the_report_names_every_step_and_its_slowest_parts_first() {
        let mut steps = Steps::new();
        steps.bytes = 1_234_567_890;
        steps.list = vec![
            Step {
                name: "files read",
                took: Duration::from_millis(4_520),
                parts: Vec::new(),
            },
            Step {
                name: "checks across articles",
                took: Duration::from_millis(950),
                parts: vec![
                    ("titles", Duration::from_millis(150)),
                    ("quotes", Duration::from_millis(630)),
                    ("stale", Duration::from_millis(1)),
                ],
            },
        ];
        let counts = Counts {
            files: 378_642,
            claims: 2_108,
            findings: 198_751,
        };
        let text = render(&steps, &counts, Duration::from_millis(5_920));
        assert_eq!(
            text,
            "newslint: 378642 files (1.23 GB), 2108 claims, 198751 findings in 5.92 s\n\
             \x20   4.52 s  files read\n\
             \x20   0.95 s  checks across articles: quotes 0.63 s, titles 0.15 s\n"
        );
    }

    #[test]
    fn sizes_are_shown_in_the_unit_that_suits_them() {
        assert_eq!(size(0), "0.0 kB");
        assert_eq!(size(5_300), "5.3 kB");
        assert_eq!(size(12_500_000), "12.5 MB");
        assert_eq!(size(1_000_000_000), "1.00 GB");
    }
}
