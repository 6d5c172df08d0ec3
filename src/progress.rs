//! A progress line on standard error for long runs: only on a terminal, and only when asked
//! (the CLI turns it off for machine formats and `--quiet`).

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

pub struct Progress {
    total: usize,
    done: AtomicUsize,
    enabled: bool,
    started: Instant,
}

impl Progress {
    pub fn new(total: usize, wanted: bool) -> Progress {
        Progress {
            total,
            done: AtomicUsize::new(0),
            // Short runs finish before a bar would help.
            enabled: wanted && total >= 500 && std::io::stderr().is_terminal(),
            started: Instant::now(),
        }
    }

    pub fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.enabled && (done.is_multiple_of(256) || done == self.total) {
            let width = 30;
            let filled = done * width / self.total.max(1);
            let secs = self.started.elapsed().as_secs_f64();
            let _ = write!(
                std::io::stderr(),
                "\r[{}{}] {done}/{} files  {secs:.1}s",
                "=".repeat(filled),
                " ".repeat(width - filled),
                self.total
            );
        }
    }

    pub fn finish(&self) {
        if self.enabled {
            let _ = write!(std::io::stderr(), "\r{}\r", " ".repeat(60));
        }
    }
}
