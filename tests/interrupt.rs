//! A run stopped by a signal while it writes a report (Ctrl-C, `kill`, a closed terminal)
//! leaves no temporary file beside it, keeps the old report, and still ends by that signal.
//!
//! The writer runs in a process of its own: this test binary run again for the ignored test
//! below, which writes half a report and waits to be stopped.
#![cfg(unix)]

use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// Where the writer writes, when this binary was started as the writer.
const WRITER_DIR: &str = "NEWSLINT_TEST_WRITER_DIR";
/// A file the writer makes once the report is half written.
const WRITER_STARTED: &str = "NEWSLINT_TEST_WRITER_STARTED";

#[test]
#[ignore = "the writer of the test below, run in a process of its own"]
fn writer_that_waits_to_be_stopped() {
    let (Some(dir), Some(started)) = (
        std::env::var_os(WRITER_DIR),
        std::env::var_os(WRITER_STARTED),
    ) else {
        return;
    };
    let _ = newslint::output_file::write_atomic_with(&Path::new(&dir).join("report.json"), |out| {
        out.write_all(b"{\"findings\": [")?;
        out.flush()?;
        std::fs::write(&started, "")?;
        std::thread::sleep(Duration::from_secs(60));
        Ok(())
    });
}

struct Writer {
    child: Child,
    dir: tempfile::TempDir,
    _elsewhere: tempfile::TempDir,
}

/// Starts the writer over an old report, with `signal` as given (`SIG_DFL` or `SIG_IGN`),
/// and waits until its temporary file is there.
fn start_writer(signal: libc::c_int, disposition: libc::sighandler_t) -> Writer {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("report.json"), "old").unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let started = elsewhere.path().join("started");
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([
            "--ignored",
            "--exact",
            "writer_that_waits_to_be_stopped",
            "--test-threads=1",
            "-q",
        ])
        .env(WRITER_DIR, dir.path())
        .env(WRITER_STARTED, &started)
        .stdout(std::process::Stdio::null());
    // SAFETY: `signal` is async-signal-safe, as code between fork and exec must be. It sets
    // the disposition the test means, whatever this process was started with (a shell's
    // background job starts with SIGINT ignored).
    unsafe {
        command.pre_exec(move || {
            libc::signal(signal, disposition);
            Ok(())
        });
    }
    let child = command.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !started.exists() {
        assert!(Instant::now() < deadline, "the writer never started");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(
        names_in(dir.path()).len(),
        2,
        "the report and its temporary file"
    );
    Writer {
        child,
        dir,
        _elsewhere: elsewhere,
    }
}

fn names_in(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| PathBuf::from(e.unwrap().file_name()))
        .collect();
    names.sort();
    names
}

fn send(child: &Child, signal: libc::c_int) {
    // SAFETY: `kill` only sends a signal to the writer, a child of this process not yet
    // waited for (so its number is not anyone else's).
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
}

#[test]
fn a_report_being_written_is_removed_when_a_signal_stops_the_run() {
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        let mut writer = start_writer(signal, libc::SIG_DFL);
        send(&writer.child, signal);
        let status = writer.child.wait().unwrap();
        assert_eq!(status.signal(), Some(signal), "ended by signal {signal}");
        assert_eq!(names_in(writer.dir.path()), [PathBuf::from("report.json")]);
        assert_eq!(
            std::fs::read_to_string(writer.dir.path().join("report.json")).unwrap(),
            "old"
        );
    }
}

#[test]
fn an_ignored_interrupt_stays_ignored() {
    let mut writer = start_writer(libc::SIGINT, libc::SIG_IGN);
    send(&writer.child, libc::SIGINT);
    // Had it been listened for, the writer would end at once.
    std::thread::sleep(Duration::from_millis(300));
    assert!(writer.child.try_wait().unwrap().is_none(), "still writing");
    send(&writer.child, libc::SIGTERM);
    assert_eq!(writer.child.wait().unwrap().signal(), Some(libc::SIGTERM));
    assert_eq!(names_in(writer.dir.path()), [PathBuf::from("report.json")]);
}
