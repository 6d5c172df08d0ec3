//! The files newslint writes (`--output`, `--write-baseline`, `init`): written whole under a
//! temporary name beside the file, then renamed over it, so a reader never sees half a file
//! and a failed run leaves the old one as it was. The file replaced keeps its permissions,
//! and a path that is a symbolic link is followed: the file it points to is written and the
//! link stays.
//!
//! A run over an archive takes long enough to be stopped (Ctrl-C, `kill`, a closed
//! terminal) while it writes. The temporary file would then stay beside the report, hidden
//! and as large as it had grown, with a name no later run reuses. So on Unix the temporary
//! files being written are listed, and the first time one is made a thread starts that waits
//! for SIGINT, SIGTERM and SIGHUP: it removes the listed files, then ends the process by the
//! same signal, as it would have ended without the thread (a shell sees a run stopped by
//! Ctrl-C, not one that failed). A signal the run was started with ignored stays ignored.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Whether `path` looks writable, as far as can be told without writing it: it is not a
/// folder, and the folder it goes in is there. A run over an archive checks this before it
/// starts, so that a mistyped path is not found only at its end.
pub fn can_write(path: &Path) -> Result<(), String> {
    let path = followed(path);
    if path.is_dir() {
        return Err("it is a folder".into());
    }
    if path.file_name().is_none() {
        return Err("not a file path".into());
    }
    let dir = folder_of(&path);
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(format!("{} is not a folder", dir.display())),
        Err(err) => Err(format!(
            "the folder {} cannot be used: {err}",
            dir.display()
        )),
    }
}

/// Writes a file atomically: a temporary file beside it, then a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// As [`write_atomic`], with the content written by `write` as it is made (a report on a
/// large archive need not be held in memory whole). Nothing is left behind on an error, nor
/// when the run is stopped by a signal (on Unix).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    let path = &followed(path);
    if path.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a folder",
        ));
    }
    let dir = folder_of(path);
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let pending = Pending::create(&tmp)?;
    // The file replaced keeps its permissions (a report kept private stays private).
    if let Ok(old) = std::fs::metadata(path) {
        let _ = pending.file.set_permissions(old.permissions());
    }
    let written = (|| {
        let mut out = io::BufWriter::with_capacity(1 << 16, &pending.file);
        write(&mut out)?;
        io::Write::flush(&mut out)
    })();
    let renamed = written.and_then(|()| std::fs::rename(&tmp, path));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    drop(pending);
    renamed
}

/// The folder `path` is in (the current one for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The file `path` names once its links are followed (a few deep; a loop of links is left
/// as it is). A rename over a link would replace the link with a file.
fn followed(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..32 {
        let Ok(target) = std::fs::read_link(&path) else {
            break;
        };
        // A relative target is relative to the link's folder.
        path = match path.parent() {
            Some(dir) => dir.join(target),
            None => target,
        };
    }
    path
}

/// The temporary files being written, removed if a signal stops the run.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file on the list of those being written; taken off it when dropped.
struct Pending {
    file: File,
    path: PathBuf,
}

impl Pending {
    /// Creates `path` (truncated if it exists) and lists it. Both happen under the list's
    /// lock, which the signal thread holds from the moment it starts removing files until
    /// the process ends: a file is never made after the removal and left behind.
    fn create(path: &Path) -> io::Result<Pending> {
        watch_signals();
        let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        let file = File::create(path)?;
        pending.push(path.to_path_buf());
        Ok(Pending {
            file,
            path: path.to_path_buf(),
        })
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = pending.iter().position(|p| *p == self.path) {
            pending.swap_remove(i);
        }
    }
}

/// Starts, once, the thread that cleans up after a stopping signal (see the module's notes).
#[cfg(unix)]
fn watch_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        let watched: Vec<i32> = [SIGINT, SIGTERM, SIGHUP]
            .into_iter()
            .filter(|&signal| !ignored(signal))
            .collect();
        let Ok(mut signals) = signal_hook::iterator::Signals::new(&watched) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("newslint-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // Held until the process ends (see `Pending::create`).
                    let pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
                    for path in pending.iter() {
                        let _ = std::fs::remove_file(path);
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    // Only if the signal could not end the process: the shell's number for it.
                    std::process::exit(128 + signal);
                }
            });
    });
}

#[cfg(not(unix))]
fn watch_signals() {}

/// Whether `signal` is ignored, as a background job's SIGINT is: listening for it would make
/// the run stoppable where it was meant not to be.
#[cfg(unix)]
fn ignored(signal: i32) -> bool {
    // SAFETY: with a null new action, `sigaction` only writes the current one into `old`,
    // a zeroed `sigaction` owned here.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old) == 0
            && old.sa_sigaction == libc::SIG_IGN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_keeps_the_old_file_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        let failed = write_atomic_with(&path, |out| {
            out.write_all(b"half a rep")?;
            Err(io::Error::other("renderer failed"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_atomic_with(&path, |out| out.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert!(!listed_under(dir.path()));
    }

    #[test]
    fn a_file_that_cannot_be_made_is_an_error_and_not_listed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no such folder").join("report.json");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(!listed_under(dir.path()));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_kept_and_the_file_it_points_to_written() {
        let dir = tempfile::tempdir().unwrap();
        let reports = dir.path().join("reports");
        std::fs::create_dir(&reports).unwrap();
        std::fs::write(reports.join("today.json"), "old").unwrap();
        // A relative link to a relative link; and one whose file is not there yet.
        std::os::unix::fs::symlink("reports/today.json", dir.path().join("latest.json")).unwrap();
        std::os::unix::fs::symlink("latest.json", dir.path().join("report.json")).unwrap();
        std::os::unix::fs::symlink("reports/new.json", dir.path().join("next.json")).unwrap();
        write_atomic(&dir.path().join("report.json"), b"new").unwrap();
        write_atomic(&dir.path().join("next.json"), b"next").unwrap();
        for link in ["report.json", "latest.json", "next.json"] {
            let meta = std::fs::symlink_metadata(dir.path().join(link)).unwrap();
            assert!(meta.file_type().is_symlink(), "{link} is still a link");
        }
        assert_eq!(
            std::fs::read_to_string(reports.join("today.json")).unwrap(),
            "new"
        );
        assert_eq!(
            std::fs::read_to_string(reports.join("new.json")).unwrap(),
            "next"
        );
        assert_eq!(
            std::fs::read_dir(&reports).unwrap().count(),
            2,
            "no file left beside"
        );
        // A loop of links: written over the link rather than not at all.
        std::os::unix::fs::symlink("b", dir.path().join("a")).unwrap();
        std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
        write_atomic(&dir.path().join("a"), b"loop").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a")).unwrap(),
            "loop"
        );
    }

    #[test]
    fn a_path_that_cannot_be_written_is_told_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("file");
        std::fs::write(&file, "x").unwrap();
        assert_eq!(can_write(&dir.path().join("report.json")), Ok(()));
        assert_eq!(can_write(&file), Ok(()), "an old report is replaced");
        assert_eq!(can_write(dir.path()), Err("it is a folder".into()));
        for (path, why) in [
            (
                dir.path().join("no such folder/report.json"),
                "cannot be used",
            ),
            (file.join("report.json"), "is not a folder"),
        ] {
            let err = can_write(&path).unwrap_err();
            assert!(err.contains(why), "{err}");
        }
        let err = write_atomic(dir.path(), b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::IsADirectory);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_replaced_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        for mode in [0o600, 0o640] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            write_atomic(&path, b"new").unwrap();
            let now = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(now, mode);
        }
    }

    /// Whether a temporary file in `dir` is still on the list (other tests may be writing
    /// elsewhere at the same time).
    fn listed_under(dir: &Path) -> bool {
        let pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        pending.iter().any(|p| p.starts_with(dir))
    }
}
