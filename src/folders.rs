//! Opening and looking at files by their name within a folder kept open.
//!
//! An archive is hundreds of thousands of files in a few hundred folders, and each is opened
//! once to be read and looked at once more when its findings are pinned. Given a whole path,
//! the system walks every folder of it again for each file; given the name within a folder
//! already open, it looks up one name. Each thread keeps the last folder it used open, and
//! the files go by in the order of their paths, so the folder is nearly always the one kept.
//! A folder kept is used only within the pass that opened it (see [`new_pass`]): a folder
//! removed and made again under the same name is another folder.

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// Which pass over the files this is: folders kept open in an earlier one are opened again.
static PASS: AtomicU64 = AtomicU64::new(0);

/// Starts a new pass over the files: the folders the threads keep open are not used again.
pub fn new_pass() {
    PASS.fetch_add(1, Ordering::Relaxed);
}

#[cfg(unix)]
mod kept {
    use std::cell::RefCell;
    use std::ffi::OsStr;
    use std::fs::File;
    use std::io;
    use std::os::fd::OwnedFd;
    use std::path::{Path, PathBuf};

    use rustix::fs::{AtFlags, CWD, Mode, OFlags};

    thread_local! {
        /// The folder this thread opened a file of last, its handle, and the pass.
        static FOLDER: RefCell<Option<(PathBuf, OwnedFd, u64)>> = const { RefCell::new(None) };
    }

    /// Calls `f` with the handle of the folder of `path` (the working directory for a bare
    /// name) and the file's name in it; `None` when the path does not end with a name or its
    /// folder cannot be opened (the caller then goes by the whole path, which reports why).
    fn within<R>(
        path: &Path,
        f: impl FnOnce(rustix::fd::BorrowedFd<'_>, &OsStr) -> rustix::io::Result<R>,
    ) -> Option<io::Result<R>> {
        let name = path.file_name()?;
        let folder = path.parent().unwrap_or(Path::new(""));
        if folder.as_os_str().is_empty() {
            return Some(f(CWD, name).map_err(io::Error::from));
        }
        let pass = super::PASS.load(std::sync::atomic::Ordering::Relaxed);
        FOLDER.with_borrow_mut(|kept| {
            if kept
                .as_ref()
                .is_none_or(|(p, _, of)| *of != pass || p != folder)
            {
                // Let go first: a folder that cannot be opened is not kept either.
                *kept = None;
                let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
                let fd = rustix::fs::open(folder, flags, Mode::empty()).ok()?;
                *kept = Some((folder.to_path_buf(), fd, pass));
            }
            let (_, fd, _) = kept.as_ref()?;
            use std::os::fd::AsFd;
            Some(f(fd.as_fd(), name).map_err(io::Error::from))
        })
    }

    pub fn open(path: &Path) -> io::Result<File> {
        let flags = OFlags::RDONLY | OFlags::CLOEXEC;
        match within(path, |folder, name| {
            rustix::fs::openat(folder, name, flags, Mode::empty())
        }) {
            Some(opened) => opened.map(File::from),
            None => File::open(path),
        }
    }

    /// The size and the time of last change of the file at `path`.
    pub fn size_and_time(path: &Path) -> io::Result<(u64, std::time::SystemTime)> {
        let stat = match within(path, |folder, name| {
            rustix::fs::statat(folder, name, AtFlags::empty())
        }) {
            Some(stat) => stat?,
            None => {
                let meta = std::fs::metadata(path)?;
                return Ok((meta.len(), meta.modified()?));
            }
        };
        // Checked: a time the system cannot represent is an error, never a panic.
        let since = |seconds: i64, nanos: u32| {
            let epoch = std::time::UNIX_EPOCH;
            let whole = std::time::Duration::from_secs(seconds.unsigned_abs());
            let at = if seconds >= 0 {
                epoch.checked_add(whole)
            } else {
                epoch.checked_sub(whole)
            };
            at?.checked_add(std::time::Duration::from_nanos(u64::from(nanos)))
        };
        let time = since(stat.st_mtime as i64, stat.st_mtime_nsec as u32)
            .ok_or_else(|| io::Error::other("the file's time is out of range"))?;
        Ok((stat.st_size as u64, time))
    }
}

/// Opens the file at `path` for reading.
pub fn open(path: &Path) -> io::Result<File> {
    #[cfg(unix)]
    {
        kept::open(path)
    }
    #[cfg(not(unix))]
    {
        File::open(path)
    }
}

/// The size of the file at `path` and when it last changed, as its metadata tells them.
pub fn size_and_time(path: &Path) -> io::Result<(u64, std::time::SystemTime)> {
    #[cfg(unix)]
    {
        kept::size_and_time(path)
    }
    #[cfg(not(unix))]
    {
        let meta = std::fs::metadata(path)?;
        Ok((meta.len(), meta.modified()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &Path) -> io::Result<String> {
        let mut text = String::new();
        io::Read::read_to_string(&mut open(path)?, &mut text)?;
        Ok(text)
    }

    #[test]
    fn files_of_several_folders_read_as_by_their_whole_paths() {
        let dir = tempfile::tempdir().unwrap();
        for (folder, name, text) in [
            ("a", "1.md", "one"),
            ("b", "1.md", "two"),
            ("a", "2.md", "three"),
        ] {
            std::fs::create_dir_all(dir.path().join(folder)).unwrap();
            std::fs::write(dir.path().join(folder).join(name), text).unwrap();
        }
        // Back and forth between the folders, as two threads' shares may go.
        for (folder, name, text) in [
            ("a", "1.md", "one"),
            ("b", "1.md", "two"),
            ("a", "2.md", "three"),
            ("a", "1.md", "one"),
        ] {
            assert_eq!(read(&dir.path().join(folder).join(name)).unwrap(), text);
        }
        // A bare name is in the working directory (the package's, under `cargo test`).
        assert!(read(Path::new("Cargo.toml")).unwrap().contains("[package]"));
    }

    #[test]
    fn what_is_missing_is_an_error_of_its_kind() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("here.md"), "x").unwrap();
        let missing = [
            dir.path().join("gone.md"),
            dir.path().join("no-such-folder/a.md"),
        ];
        for path in missing {
            assert_eq!(
                open(&path).unwrap_err().kind(),
                io::ErrorKind::NotFound,
                "{path:?}"
            );
            assert_eq!(
                size_and_time(&path).unwrap_err().kind(),
                io::ErrorKind::NotFound
            );
        }
        // A file where a folder is expected is not one.
        assert!(open(&dir.path().join("here.md/a.md")).is_err());
        assert_eq!(read(&dir.path().join("here.md")).unwrap(), "x");
    }

    #[test]
    fn size_and_time_are_those_of_the_file_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "twelve bytes").unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(
            size_and_time(&path).unwrap(),
            (12, meta.modified().unwrap())
        );
    }

    #[test]
    fn a_folder_made_again_under_its_name_is_read_in_the_next_pass() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("f");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("a.md"), "old").unwrap();
        assert_eq!(read(&folder.join("a.md")).unwrap(), "old");
        std::fs::remove_dir_all(&folder).unwrap();
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("a.md"), "new").unwrap();
        new_pass();
        assert_eq!(read(&folder.join("a.md")).unwrap(), "new");
    }
}
