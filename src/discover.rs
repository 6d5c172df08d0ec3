//! Finding the article files under the paths the user gave, and loading them in parallel.

use std::path::{Path, PathBuf};

use crate::article::{Article, LoadError};

mod walk;

/// Extensions read when walking a folder. A file named explicitly is read whatever its name.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];

/// Default size limit for one article file.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The largest file `--max-file-size` can let through: what the checks keep of an article
/// (quotation and title spans) holds offsets in 32 bits.
pub const LARGEST_FILE_BYTES: u64 = u32::MAX as u64;

/// The size limit for one article file: `--max-file-size`, else the default, never over
/// [`LARGEST_FILE_BYTES`].
pub fn size_limit(asked: Option<u64>) -> u64 {
    asked
        .unwrap_or(DEFAULT_MAX_FILE_BYTES)
        .min(LARGEST_FILE_BYTES)
}

#[derive(Debug, Clone, Default)]
pub struct Discovered {
    pub path: PathBuf,
    pub is_draft: bool,
}

/// Walks `paths` (files or folders, recursively), honouring `.gitignore` and `.newslintignore`
/// and skipping hidden files. Returns files sorted by path, and the paths that failed.
pub fn discover(paths: &[PathBuf], is_draft: bool) -> (Vec<Discovered>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // One file, or one folder whose walk gave its files in order, needs no sorting.
    let mut in_order = paths.len() <= 1;
    for root in paths {
        match std::fs::metadata(root) {
            Err(err) => {
                errors.push(LoadError {
                    path: display_path(root),
                    line: None,
                    message: format!("cannot read: {}", io_message(&err)),
                    skipped: false,
                });
                continue;
            }
            Ok(meta) if meta.is_file() => {
                files.push(Discovered {
                    path: root.clone(),
                    is_draft,
                });
                continue;
            }
            Ok(meta) if !meta.is_dir() => {
                // A pipe or a device: a walk would find nothing in it and say nothing, and
                // what was read from it could not be read again to show the excerpts.
                errors.push(LoadError {
                    path: display_path(root),
                    line: None,
                    message: format!("cannot read: {}", not_a_file(&meta.file_type())),
                    skipped: false,
                });
                continue;
            }
            Ok(_) => {}
        }
        let walked = walk::walk(root);
        in_order &= walked.in_order;
        files.extend(
            walked
                .files
                .into_iter()
                .map(|path| Discovered { path, is_draft }),
        );
        errors.extend(walked.errors);
    }
    if !in_order {
        sort_by_path(&mut files);
        files.dedup_by(|a, b| a.path == b.path);
    }
    (files, errors)
}

/// Sorts files in [`Path`] order: by components, so "a/b" comes before "a-b". Comparing
/// `Path`s parses both into components at every comparison; comparing the bytes with the
/// separator ranked lowest gives the same order for the paths a walk produces, without that
/// work or an allocation per path.
pub fn sort_by_path(files: &mut [Discovered]) {
    sort_paths(files, |f| &f.path);
}

/// Sorts `items` by the path each holds, as [`sort_by_path`] sorts files.
fn sort_paths<T: Default + Send + Sync>(items: &mut [T], path: impl Fn(&T) -> &Path + Sync) {
    use rayon::slice::ParallelSliceMut;
    // The paths of a walk share their root, and the rest of most is a few bytes ("0342/
    // 0342686.md"): each is sorted by a number made of the first 16 bytes past what all
    // share, held in the list being sorted, and only paths whose numbers tie are compared
    // whole. (Comparing the paths themselves went to memory for both at every step: a fifth
    // of the walk of an archive.) The numbers order the paths as `path_order` does, ties
    // aside: the separator counts as the lowest byte, and a path that ends first is padded
    // with the lowest. Paths are unique after a walk (duplicates are removed after
    // sorting), so an unstable sort gives the same order.
    fn bytes(path: &Path) -> &[u8] {
        path.as_os_str().as_encoded_bytes()
    }
    let shared = items.first().map_or(0, |first| {
        let first = bytes(path(first));
        items.iter().fold(first.len(), |n, item| {
            n.min(common_prefix(first, bytes(path(item))))
        })
    });
    let key = |item: &T| {
        let rest = bytes(path(item)).get(shared..).unwrap_or_default();
        let mut key = [0u8; 16];
        for (k, &b) in key.iter_mut().zip(rest) {
            *k = rank(b);
        }
        u128::from_be_bytes(key)
    };
    let mut order: Vec<(u128, usize)> = items.iter().map(key).zip(0..).collect();
    order.par_sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| path_order(path(&items[a.1]), path(&items[b.1])))
    });
    let mut taken: Vec<T> = items.iter_mut().map(std::mem::take).collect();
    for (slot, (_, i)) in items.iter_mut().zip(order) {
        *slot = std::mem::take(&mut taken[i]);
    }
}

/// A byte of a path as [`path_order`] ranks it: a separator below any other byte.
fn rank(c: u8) -> u8 {
    if std::path::is_separator(char::from(c)) {
        0
    } else {
        c
    }
}

fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    let (a, b) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    // Only the first byte that differs decides; paths from one walk share long prefixes,
    // which are skipped eight bytes at a time.
    let same = common_prefix(a, b);
    match (a.get(same), b.get(same)) {
        (Some(&x), Some(&y)) => rank(x).cmp(&rank(y)),
        _ => a.len().cmp(&b.len()),
    }
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n && a[i..i + 8] == b[i..i + 8] {
        i += 8;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// Whether the file name of `path` ends with an extension of [`ARTICLE_EXTENSIONS`], in
/// any case, as `Path::extension` reads it. Read from the bytes: asked of every file of a
/// walk, `Path::extension` parsed the path's components from the end each time.
fn has_article_extension(path: &Path) -> bool {
    let bytes = path.as_os_str().as_encoded_bytes();
    let is_separator = |b: &u8| std::path::is_separator(char::from(*b));
    let end = bytes.len() - bytes.iter().rev().take_while(|b| is_separator(b)).count();
    let name = bytes[..end].rsplit(is_separator).next().unwrap_or_default();
    if name == b"." {
        // "x.md/.": a path a walk does not give; `Path` reads past the dot.
        return path
            .extension()
            .is_some_and(|e| is_article_extension(e.as_encoded_bytes()));
    }
    match name.iter().rposition(|&b| b == b'.') {
        // A name that only starts with a dot (".md") has none.
        Some(dot) if dot > 0 => is_article_extension(&name[dot + 1..]),
        _ => false,
    }
}

fn is_article_extension(extension: &[u8]) -> bool {
    ARTICLE_EXTENSIONS
        .iter()
        .any(|x| x.as_bytes().eq_ignore_ascii_case(extension))
}

/// Reads and loads one discovered file.
pub fn load_one(file: Discovered, max_bytes: u64) -> Result<Article, LoadError> {
    let display = display_path(&file.path);
    let fail = |message: String, skipped: bool| LoadError {
        path: display.clone(),
        line: None,
        message,
        skipped,
    };
    // One open: the size and time come from the open file, not a second path lookup.
    let cannot_read = |e: std::io::Error| fail(format!("cannot read: {}", io_message(&e)), false);
    let mut handle = crate::folders::open(&file.path).map_err(cannot_read)?;
    let meta = handle.metadata().map_err(cannot_read)?;
    if meta.len() > max_bytes {
        return Err(fail(
            format!(
                "{} bytes is over the size limit of {} bytes (--max-file-size); skipped",
                meta.len(),
                max_bytes
            ),
            true,
        ));
    }
    let bytes = read_all(&mut handle, meta.len()).map_err(cannot_read)?;
    let path = kept_path(file.path, &display);
    let mut article = Article::from_vec(0, path, display, bytes)?;
    article.is_draft = file.is_draft;
    article.stamp = crate::article::Stamp::of(&meta);
    Ok(article)
}

/// Reads a file whose size is known. A file's own `read_to_end` would ask the system for the
/// size and position again (two more calls per file, a tenth of the time of a large walk):
/// through `take` it only reads, into room made beforehand and not cleared first. A file
/// that grew meanwhile is still read to its end.
pub(crate) fn read_all(handle: &mut std::fs::File, len: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    // One byte more than the size, so that the end of the file is seen without growing.
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
    if read_once(handle, &mut bytes)? && bytes.len() as u64 == len {
        return Ok(bytes);
    }
    handle.take(u64::MAX).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// One read into the room of `bytes`; true when it filled less than that room, which for a
/// file on disk means it reached the end (a read gives less than it is asked for only at
/// the end of such a file). Read to its end this way, a file whose size was known takes one
/// call to read rather than two: the second would only find the end (400,000 calls on an
/// archive of 1 GB). Anything else (more than the size, less than it, or a system that
/// reads in parts) is read on by the caller until a read finds nothing.
#[cfg(unix)]
fn read_once(handle: &std::fs::File, bytes: &mut Vec<u8>) -> std::io::Result<bool> {
    loop {
        match rustix::io::read(handle, rustix::buffer::spare_capacity(bytes)) {
            Ok(_) => return Ok(bytes.len() < bytes.capacity()),
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

#[cfg(not(unix))]
fn read_once(_: &std::fs::File, _: &mut Vec<u8>) -> std::io::Result<bool> {
    Ok(false)
}

/// The working directory, asked once (it is a system call).
static CWD: std::sync::LazyLock<Option<PathBuf>> =
    std::sync::LazyLock::new(|| std::env::current_dir().ok());

/// A path as shown in output: relative when under the working directory, `/` separators.
pub fn display_path(path: &Path) -> String {
    let rel = CWD
        .as_ref()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    let lossy = rel.to_string_lossy();
    let s = if lossy.contains('\\') {
        std::borrow::Cow::Owned(lossy.replace('\\', "/"))
    } else {
        lossy
    };
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

/// The path an article keeps of its file: `display` itself when it names the same file
/// from the working directory (given as `.` or as `$PWD/archive`, a folder's files are shown
/// without that start). The article then holds one string instead of two, which over an
/// archive of hundreds of thousands of files is tens of megabytes.
fn kept_path(path: PathBuf, display: &str) -> PathBuf {
    let written = path.as_os_str().as_encoded_bytes();
    if written == display.as_bytes() {
        return path;
    }
    // As a rule the path is the folder given, a separator and the name shown: compared as
    // bytes, as parsing two paths for every file of an archive takes a noticeable time.
    let under = |folder: &[u8]| {
        written
            .strip_prefix(folder)
            .and_then(|rest| rest.strip_prefix(std::path::MAIN_SEPARATOR_STR.as_bytes()))
            .is_some_and(|rest| rest == display.as_bytes())
    };
    let same = if path.is_absolute() {
        CWD.as_ref().is_some_and(|cwd| {
            under(cwd.as_os_str().as_encoded_bytes()) || cwd.join(display) == path
        })
    } else {
        under(b".") || Path::new(".").join(display) == path
    };
    if same { PathBuf::from(display) } else { path }
}

/// An I/O error as the run reports it: the common ones in plain words.
/// Why a path named on the command line that is neither a file nor a folder is not read.
fn not_a_file(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "it is a pipe, not a file (articles are read again to show excerpts)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "it is a device, not a file";
        }
        if kind.is_socket() {
            return "it is a socket, not a file";
        }
    }
    let _ = kind;
    "it is neither a file nor a folder"
}

pub(crate) fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_limit_never_lets_through_a_file_offsets_cannot_address() {
        assert_eq!(size_limit(None), DEFAULT_MAX_FILE_BYTES);
        assert_eq!(size_limit(Some(1000)), 1000);
        assert_eq!(size_limit(Some(u64::MAX)), u64::from(u32::MAX));
    }

    #[test]
    fn a_file_is_read_whole_whatever_size_it_was_said_to_have() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        let text = "x".repeat(10_000);
        std::fs::write(&path, &text).unwrap();
        for said in [10_000, 0, 9_999, 10_001, 20_000] {
            let mut handle = std::fs::File::open(&path).unwrap();
            assert_eq!(
                read_all(&mut handle, said).unwrap(),
                text.as_bytes(),
                "{said}"
            );
        }
    }

    #[test]
    fn a_file_under_the_working_directory_keeps_one_name_and_is_read_back_by_it() {
        let cwd = std::env::current_dir().unwrap();
        let seed = "seeds/000_bbb15b061d3f8454.txt";
        // Given as `$PWD/seeds`, as `./seeds` and as `seeds`: shown and kept the same way.
        for given in [
            cwd.join(seed),
            Path::new(".").join(seed),
            PathBuf::from(seed),
        ] {
            let display = display_path(&given);
            assert_eq!(display, seed);
            assert_eq!(kept_path(given.clone(), &display), Path::new(seed));
            let mut article = load_one(
                Discovered {
                    path: given.clone(),
                    is_draft: false,
                },
                DEFAULT_MAX_FILE_BYTES,
            )
            .unwrap();
            assert_eq!(article.path(), Path::new(seed), "{}", given.display());
            let text = article.text.clone();
            article.release_text();
            assert_eq!(article.current_text(), text);
        }
        // Elsewhere, or named differently from how it is shown: the path is kept as given.
        let elsewhere = Path::new("/nowhere/under/here.md");
        assert_eq!(
            kept_path(elsewhere.to_path_buf(), "/nowhere/under/here.md"),
            elsewhere
        );
        assert_eq!(kept_path(cwd.join("a/b.md"), "a/c.md"), cwd.join("a/b.md"));
        assert_eq!(
            kept_path(PathBuf::from("./a.md"), "b.md"),
            Path::new("./a.md")
        );
    }

    #[test]
    fn an_article_extension_is_read_as_path_extension_reads_it() {
        let by_path = |path: &Path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        };
        let mut checked = 0;
        for folder in ["", "/", "a/", "/tmp/x.md/", "./", "../", "a.b/", ".md/"] {
            for name in [
                "a.md",
                "a.MD",
                "a.Md",
                "b.txt",
                "c.markdown",
                "d.text",
                "e.mdx",
                "f.md.bak",
                "g.tar.md",
                ".md",
                ".txt",
                "..md",
                "h.",
                "i",
                ".",
                "..",
                "j..md",
                "k.md/",
                "l.md//",
                "é.md",
                "m.tex",
                "n.txt~",
                "md",
                "o.m",
                "",
            ] {
                let path = PathBuf::from(format!("{folder}{name}"));
                assert_eq!(
                    has_article_extension(&path),
                    by_path(&path),
                    "{}",
                    path.display()
                );
                checked += 1;
            }
        }
        assert_eq!(checked, 200);
    }

    #[test]
    fn the_walk_sorts_files_as_paths_sort() {
        // Shared roots of several lengths, paths that tie on their first 16 bytes past
        // them, separators against lower bytes ("a/b" before "a-b"), and duplicates.
        let mut names: Vec<String> = Vec::new();
        for root in ["/r/corpus/", "/r/", ""] {
            for rest in [
                "0342/0342686.md",
                "0342/0342300.md",
                "0342-x/1.md",
                "0342/0342686.md.bak/x.md",
                "0342.md",
                "aaaaaaaaaaaaaaaa/x.md",
                "aaaaaaaaaaaaaaaa-y.md",
                "aaaaaaaaaaaaaaaaa.md",
                "aaaaaaaaaaaaaaaa/y.md",
                "A.md",
                "é/1.md",
                "0342/0342686.md",
            ] {
                names.push(format!("{root}{rest}"));
            }
            let mut files: Vec<Discovered> = names
                .iter()
                .rev()
                .map(|n| Discovered {
                    path: PathBuf::from(n),
                    is_draft: false,
                })
                .collect();
            sort_by_path(&mut files);
            let mut want: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
            want.sort();
            let got: Vec<PathBuf> = files.into_iter().map(|f| f.path).collect();
            assert_eq!(got, want, "{root}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_path_has_the_extension_path_reads(path in "[a./Mdx~é-]{0,14}") {
            let path = PathBuf::from(path);
            let by_path = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)));
            proptest::prop_assert_eq!(has_article_extension(&path), by_path, "{:?}", path);
        }

        #[test]
        fn any_paths_sort_as_paths_do(
            root in "(/r/corpus/|/r/|)",
            rests in proptest::collection::vec("[ab/.-]{0,20}", 0..40),
        ) {
            // Short alphabets and lengths past 16 bytes: ties on the keys, separators
            // against lower bytes, shared prefixes of every length.
            let names: Vec<String> = rests.iter().map(|r| format!("{root}{r}")).collect();
            let mut files: Vec<Discovered> = names
                .iter()
                .map(|n| Discovered { path: PathBuf::from(n), is_draft: false })
                .collect();
            sort_by_path(&mut files);
            let got: Vec<PathBuf> = files.into_iter().map(|f| f.path).collect();
            let mut want: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
            want.sort_by(|a, b| path_order(a, b));
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn path_keys_sort_as_paths_do() {
        let names = [
            "a/b.md",
            "a-b.md",
            "a/b/c.md",
            "a.md",
            "A.md",
            "a/.hidden.md",
            "b/a.md",
            "/abs/x.md",
            "./a.md",
            "../up.md",
            "a/b-c.md",
            "a/b.c.md",
            "é.md",
            "a0/x.md",
            "corpus/d01/article-00001.md",
            "corpus/d01/article-00001.md.bak/x.md",
            "corpus/d01-x/article-00001.md",
            "corpus/d01/article-00002.md",
            "corpus/d01",
        ];
        let mut by_path: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
        by_path.sort();
        let mut by_key = by_path.clone();
        by_key.reverse();
        by_key.sort_by(|a, b| path_order(a, b));
        assert_eq!(by_key, by_path);
    }
}
