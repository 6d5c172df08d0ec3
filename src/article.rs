//! Loading one article: bytes → text, publication date, body offset and line table.
//!
//! Offsets everywhere in newslint are byte offsets into [`Article::text`], the decoded text of
//! the whole file (front matter included), so a span can always be shown in its file.

use std::ops::Range;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::decode::{self, Decoded};

/// Where an article's publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    FrontMatter,
    /// A leading ` date YYYY-MM-DD` token on the first line, or a `date:` header line.
    DateLine,
    FileName,
    Config,
    AsOf,
}

impl DateSource {
    pub fn describe(self) -> &'static str {
        match self {
            DateSource::FrontMatter => "front matter",
            DateSource::DateLine => "date line",
            DateSource::FileName => "file name",
            DateSource::Config => "configuration",
            DateSource::AsOf => "--as-of",
        }
    }
}

/// One article of the corpus.
#[derive(Debug)]
pub struct Article {
    /// Index in the corpus.
    pub id: usize,
    /// The file, when its path is not written as `display` is (one under the working
    /// directory given whole, or with `\\` separators): an archive holds hundreds of
    /// thousands of records, and the two are nearly always the same. See [`Article::path`].
    path: Option<Box<Path>>,
    /// The path as shown to the user (relative, forward slashes).
    pub display: String,
    pub text: String,
    /// Where the body starts (after front matter, headers or the date token).
    pub body_start: usize,
    pub date: Option<Date>,
    pub date_source: Option<DateSource>,
    /// Front-matter `title:`, or the first line of the body (see [`Article::title`]); in 32
    /// bits, as an archive holds hundreds of thousands of records.
    title: Option<Range<u32>>,
    /// True for files given with `--drafts`.
    pub is_draft: bool,
    /// What most articles do not have (see [`Extras`]); boxed, as an archive holds hundreds
    /// of thousands of records.
    extras: Option<Box<Extras>>,
    /// Computed when first needed: most articles never show a line number.
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// Once the text is released, what findings need of it (see [`Article::pin`]); boxed
    /// because most articles never have any, and an archive holds hundreds of thousands.
    pinned: Option<Box<Pinned>>,
    /// True once the text was released after scanning (see [`Article::release_text`]).
    released: bool,
    /// Size and modification time when read, to notice a file changed before it is shown.
    pub stamp: Option<Stamp>,
}

/// A file's size and modification time as one number: enough to notice that it changed
/// (8 bytes in each of hundreds of thousands of records, rather than 32).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp(std::num::NonZeroU64);

impl Stamp {
    /// The stamp of a file as `meta` describes it; `None` where the system gives no time.
    pub fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        let modified = meta.modified().ok()?;
        let nanos = match modified.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as u64,
            Err(before) => !(before.duration().as_nanos() as u64),
        };
        // Mixed so that a change of size or time, or both, gives another number.
        let mixed = (meta.len().wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ nanos)
            .wrapping_mul(0xff51_afd7_ed55_8ccd);
        Some(Stamp(
            std::num::NonZeroU64::new(mixed).unwrap_or(std::num::NonZeroU64::MIN),
        ))
    }
}

/// An article's rarer attributes.
#[derive(Debug, Default)]
struct Extras {
    /// Front-matter `outlet:`/`source:` value.
    outlet: Option<String>,
    /// What a bare `$` means in this article, from the configuration's `sources:`.
    currency: Option<String>,
    /// The spelling dialect of its source (`en-CA`, `en-US`…), from `sources:`.
    dialect: Option<String>,
    /// Notes about how the file was read (decoding, skipped front matter…).
    notes: Vec<String>,
}

impl Extras {
    /// The extras in `slot`, made on first use.
    fn of(slot: &mut Option<Box<Extras>>) -> &mut Extras {
        slot.get_or_insert_with(Box::default)
    }
}

/// What a released article keeps for the findings that point into it.
#[derive(Debug)]
struct Pinned {
    /// (offset, line, column) of the offsets findings point at, sorted; in 32 bits, as
    /// hundreds of thousands of articles can be shown (files over 4 GiB are not loaded).
    positions: Box<[[u32; 3]]>,
    /// The text of the spans their fingerprints quote, sorted by span.
    texts: Box<[(Range<u32>, Box<str>)]>,
}

/// Why a file could not be loaded as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
    /// Skipped on purpose (binary, too large) rather than failed.
    pub skipped: bool,
}

impl Article {
    /// Builds an article from bytes already read from `path`.
    pub fn from_bytes(
        id: usize,
        path: &Path,
        display: String,
        bytes: &[u8],
    ) -> Result<Article, LoadError> {
        Article::from_vec(id, path.to_path_buf(), display, bytes.to_vec())
    }

    /// Like [`Article::from_bytes`], taking the buffer (UTF-8 text is not copied).
    pub fn from_vec(
        id: usize,
        path: PathBuf,
        display: String,
        bytes: Vec<u8>,
    ) -> Result<Article, LoadError> {
        let Decoded { text, note } = decode::decode_owned(bytes).map_err(|message| LoadError {
            path: display.clone(),
            line: None,
            message,
            skipped: true,
        })?;
        let path = (path.as_os_str() != std::ffi::OsStr::new(&display)).then(|| path.into());
        let mut article = Article {
            id,
            path,
            display,
            line_starts: std::sync::OnceLock::new(),
            pinned: None,
            released: false,
            stamp: None,
            text,
            body_start: 0,
            date: None,
            date_source: None,
            title: None,
            is_draft: false,
            extras: None,
        };
        if let Some(note) = note {
            article.add_note(note);
        }
        article.read_header();
        if article.date.is_none()
            && let Some(date) = date_from_file_name(article.path())
        {
            article.date = Some(date);
            article.date_source = Some(DateSource::FileName);
        }
        if article.title.is_none() {
            article.set_title(first_line(&article.text, article.body_start));
        }
        Ok(article)
    }

    /// The file it was read from.
    pub fn path(&self) -> &Path {
        self.path
            .as_deref()
            .unwrap_or_else(|| Path::new(&self.display))
    }

    /// Front-matter `outlet:`/`source:` value, if any.
    pub fn outlet(&self) -> Option<&str> {
        self.extras.as_ref()?.outlet.as_deref()
    }

    /// What a bare `$` means in this article, from the configuration's `sources:`.
    pub fn currency(&self) -> Option<&str> {
        self.extras.as_ref()?.currency.as_deref()
    }

    /// The spelling dialect of its source (`en-CA`, `en-US`…), from `sources:`.
    pub fn dialect(&self) -> Option<&str> {
        self.extras.as_ref()?.dialect.as_deref()
    }

    /// Sets what `sources:` say of the article's source.
    pub fn set_source(&mut self, currency: Option<String>, dialect: Option<String>) {
        if currency.is_some() || dialect.is_some() {
            let extras = Extras::of(&mut self.extras);
            extras.currency = currency;
            extras.dialect = dialect;
        }
    }

    /// Notes about how the file was read (decoding, skipped front matter…).
    pub fn notes(&self) -> &[String] {
        self.extras.as_ref().map_or(&[], |e| &e.notes)
    }

    pub fn add_note(&mut self, note: String) {
        Extras::of(&mut self.extras).notes.push(note);
    }

    /// Front-matter `title:`, or the first line of the body.
    pub fn title(&self) -> Option<Range<usize>> {
        self.title
            .as_ref()
            .map(|r| r.start as usize..r.end as usize)
    }

    fn set_title(&mut self, title: Option<Range<usize>>) {
        self.title =
            title.and_then(|r| Some(u32::try_from(r.start).ok()?..u32::try_from(r.end).ok()?));
    }

    /// The body text (after front matter and date token).
    pub fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or("")
    }

    /// Frees the text and line table once the article has been scanned, so memory stays
    /// proportional to what was found rather than to the corpus.
    pub fn release_text(&mut self) {
        self.text = String::new();
        self.line_starts = std::sync::OnceLock::new();
        self.released = true;
    }

    /// The text, read back from the file if it was released.
    pub fn current_text(&self) -> std::borrow::Cow<'_, str> {
        if !self.released {
            return std::borrow::Cow::Borrowed(&self.text);
        }
        std::borrow::Cow::Owned(self.read_now().0)
    }

    /// The file's text as it is now (empty when it cannot be read or decoded) and its stamp
    /// (none when it cannot be opened): one open, the size and time asked of the open file.
    fn read_now(&self) -> (String, Option<Stamp>) {
        let Ok(mut handle) = std::fs::File::open(self.path()) else {
            return (String::new(), None);
        };
        let meta = handle.metadata().ok();
        let stamp = meta.as_ref().and_then(Stamp::of);
        let text = crate::discover::read_all(&mut handle, meta.map_or(0, |m| m.len()))
            .ok()
            .and_then(|bytes| decode::decode_owned(bytes).ok())
            .map(|d| d.text)
            .unwrap_or_default();
        (text, stamp)
    }

    /// Reads a released text back (to show excerpts). A file that changed or vanished since
    /// it was checked gets a note, and excerpts are shown from what is there now.
    pub fn reload(&mut self) {
        if !self.released {
            return;
        }
        let (text, now) = self.read_now();
        if self.stamp.is_some() && now != self.stamp {
            self.add_note(
                "the file changed while newslint was running; excerpts show it as it is now"
                    .to_string(),
            );
        }
        self.line_starts = std::sync::OnceLock::new();
        self.text = text;
        self.released = false;
    }

    /// Reads a released text back just long enough to note where `offsets` are and what
    /// `spans` say, then lets it go again: findings can then be shown with lines, columns
    /// and fingerprints while memory holds only what they point at. A file that changed or
    /// vanished meanwhile gets a note, as with [`Article::reload`].
    pub fn pin(&mut self, offsets: &[usize], spans: &[Range<usize>]) {
        if !self.released {
            return;
        }
        self.reload();
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut positions: Vec<[u32; 3]> = offsets
            .iter()
            .map(|&o| {
                let (line, column) = self.line_col(o);
                [narrow(o), narrow(line), narrow(column)]
            })
            .collect();
        positions.sort_unstable();
        positions.dedup();
        let mut texts: Vec<(Range<u32>, Box<str>)> = spans
            .iter()
            .map(|s| {
                (
                    narrow(s.start)..narrow(s.end),
                    self.text.get(s.clone()).unwrap_or("").into(),
                )
            })
            .collect();
        texts.sort_unstable_by_key(|(s, _)| (s.start, s.end));
        texts.dedup_by(|a, b| a.0 == b.0);
        self.release_text();
        self.pinned = Some(Box::new(Pinned {
            positions: positions.into_boxed_slice(),
            texts: texts.into_boxed_slice(),
        }));
    }

    /// The text of `span`: from the text when it is loaded, else from what was pinned.
    pub fn excerpt(&self, span: Range<usize>) -> &str {
        if !self.released {
            return self.text.get(span).unwrap_or("");
        }
        let (Ok(start), Ok(end)) = (u32::try_from(span.start), u32::try_from(span.end)) else {
            return "";
        };
        self.pinned
            .iter()
            .flat_map(|p| p.texts.iter())
            .find(|(s, _)| *s == (start..end))
            .map_or("", |(_, t)| &**t)
    }

    /// 1-based line and column (in characters) of a byte offset. For a released text, only
    /// pinned offsets are known (others give line 1, column 1).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        if self.released {
            let positions = self.pinned.as_ref().map_or(&[][..], |p| &p.positions[..]);
            let Ok(offset) = u32::try_from(offset) else {
                return (1, 1);
            };
            return match positions.binary_search_by_key(&offset, |p| p[0]) {
                Ok(i) => (positions[i][1] as usize, positions[i][2] as usize),
                Err(_) => (1, 1),
            };
        }
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        let line = match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = starts[line];
        let column = self.text[start..floor_char(&self.text, offset)]
            .chars()
            .count()
            + 1;
        (line + 1, column)
    }

    pub fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| line_starts(&self.text))
    }

    fn read_header(&mut self) {
        let text = self.text.as_str();
        if let Some(fm) = front_matter(text) {
            self.body_start = fm.body_start;
            match front_matter_fields(&text[fm.yaml.clone()]) {
                Ok(fields) => {
                    let get = |key: &str| fields.iter().find(|(k, _)| k == key).map(|(_, v)| v);
                    if let Some(value) = get("date") {
                        let raw = value.text();
                        match parse_date_prefix(raw.trim()) {
                            Some(date) => {
                                self.date = Some(date);
                                self.date_source = Some(DateSource::FrontMatter);
                            }
                            None => Extras::of(&mut self.extras).notes.push(format!(
                                "front matter `date: {raw}` is not a YYYY-MM-DD date; ignored"
                            )),
                        }
                    }
                    if let Some(FrontValue::Text(title)) = get("title") {
                        let found = find_in(text, fm.yaml.clone(), title);
                        self.set_title(found);
                    }
                    let outlet = ["outlet", "source"].into_iter().find_map(|k| match get(k) {
                        Some(FrontValue::Text(v)) => Some(v.clone()),
                        _ => None,
                    });
                    if outlet.is_some() {
                        Extras::of(&mut self.extras).outlet = outlet;
                    }
                }
                Err(note) => self.add_note(note),
            }
            return;
        }
        if let Some((date, body_start)) = leading_date_token(text) {
            self.date = Some(date);
            self.date_source = Some(DateSource::DateLine);
            self.body_start = body_start;
            return;
        }
        self.read_header_lines();
    }

    /// `source: …` / `date: …` lines at the top, ended by a blank line (wire exports).
    fn read_header_lines(&mut self) {
        let text = self.text.as_str();
        let mut pos = 0;
        let mut date = None;
        let mut outlet = None;
        let mut seen = 0;
        while pos < text.len() {
            let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
            let line = text[pos..end].trim_end_matches('\r');
            if line.trim().is_empty() {
                if seen > 0 {
                    self.body_start = (end + 1).min(text.len());
                    if let Some(d) = date {
                        self.date = Some(d);
                        self.date_source = Some(DateSource::DateLine);
                    }
                    if outlet.is_some() {
                        Extras::of(&mut self.extras).outlet = outlet;
                    }
                }
                return;
            }
            let Some((key, value)) = line.split_once(':') else {
                return;
            };
            let key = key.trim().to_ascii_lowercase();
            match key.as_str() {
                "date" => date = parse_date_prefix(value.trim()),
                "source" | "outlet" => outlet = Some(value.trim().to_string()),
                "title" | "author" | "byline" | "url" => {}
                _ => return,
            }
            seen += 1;
            pos = end + 1;
        }
    }
}

struct FrontMatter {
    yaml: Range<usize>,
    body_start: usize,
}

/// `---` on the first line, YAML, then a `---` (or `...`) line.
fn front_matter(text: &str) -> Option<FrontMatter> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let mut pos = first_end + 1;
    while pos <= text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..end].trim_end();
        if line == "---" || line == "..." {
            return Some(FrontMatter {
                yaml: first_end + 1..pos,
                body_start: (end + 1).min(text.len()),
            });
        }
        if end == text.len() {
            break;
        }
        pos = end + 1;
    }
    None
}

/// ` date 2025-09-03 Prime Minister …`: the token and the spaces around it are not body.
fn leading_date_token(text: &str) -> Option<(Date, usize)> {
    let trimmed = text.trim_start_matches([' ', '\t']);
    let rest = trimmed.strip_prefix("date")?;
    let after = rest.trim_start_matches([' ', '\t']);
    if after.len() == rest.len() {
        return None;
    }
    let date = parse_date_prefix(after.get(..10)?)?;
    if after[10..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace())
    {
        return None;
    }
    let start = text.len() - after.len() + 10;
    let body_start =
        start + (text[start..].len() - text[start..].trim_start_matches([' ', '\t']).len());
    Some((date, body_start))
}

fn date_from_file_name(path: &Path) -> Option<Date> {
    let name = path.file_name()?.to_str()?;
    let date = parse_date_prefix(name.get(..10)?)?;
    match name[10..].chars().next() {
        None => Some(date),
        Some(c) if !c.is_ascii_digit() => Some(date),
        _ => None,
    }
}

/// Parses `YYYY-MM-DD` (optionally followed by a time, ignored).
pub fn parse_date_prefix(s: &str) -> Option<Date> {
    let head = s.get(..10)?;
    let b = head.as_bytes();
    let digits = |r: Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    if s[10..].chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    head.parse::<Date>().ok()
}

/// A front-matter value: a string, or another scalar as YAML writes it (a number, `true`).
enum FrontValue {
    Text(String),
    Other(String),
}

impl FrontValue {
    fn text(&self) -> &str {
        match self {
            FrontValue::Text(s) | FrontValue::Other(s) => s,
        }
    }
}

/// The top-level scalar fields of a front matter block (empty for an empty document), or
/// the note to record when it cannot be read.
fn front_matter_fields(yaml: &str) -> Result<Vec<(String, FrontValue)>, String> {
    if let Some(fields) = simple_front_matter(yaml) {
        return Ok(fields);
    }
    match serde_saphyr::from_str_with_options::<serde_json::Value>(
        yaml,
        crate::rules::yaml_options(),
    ) {
        Ok(serde_json::Value::Object(map)) => Ok(map
            .into_iter()
            .filter_map(|(k, v)| match v {
                serde_json::Value::String(s) => Some((k, FrontValue::Text(s))),
                serde_json::Value::Array(_) | serde_json::Value::Object(_) => None,
                other => Some((k, FrontValue::Other(other.to_string()))),
            })
            .collect()),
        Ok(serde_json::Value::Null) => Ok(Vec::new()),
        Ok(_) => Err("front matter is not a mapping; ignored".to_string()),
        Err(err) => Err(format!(
            "front matter is not valid YAML ({}); ignored",
            first_line_of(&err.to_string())
        )),
    }
}

/// The common case read without a YAML parser: every line `key: value`, each value a
/// quoted string without escapes, a plain word-led string, or a date. Anything else (nested
/// values, comments, escapes, numbers, booleans, repeated keys) returns `None` and goes to
/// the YAML parser, so both paths read every file the same way.
fn simple_front_matter(yaml: &str) -> Option<Vec<(String, FrontValue)>> {
    let mut fields: Vec<(String, FrontValue)> = Vec::new();
    for line in yaml.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        let (key, value) = split_once_pair(line, b':', b' ')?;
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            || fields.iter().any(|(k, _)| k == key)
        {
            return None;
        }
        let value = value.trim_start();
        let text = if let Some(inner) = value.strip_prefix('"') {
            let inner = inner.strip_suffix('"')?;
            if inner.contains(['"', '\\']) {
                return None;
            }
            inner
        } else if let Some(inner) = value.strip_prefix('\'') {
            let inner = inner.strip_suffix('\'')?;
            if inner.contains('\'') {
                return None;
            }
            inner
        } else {
            let first = value.chars().next()?;
            let plain = first.is_alphabetic()
                && split_once_pair(value, b':', b' ').is_none()
                && split_once_pair(value, b' ', b'#').is_none();
            let date = parse_date_prefix(value).is_some() && value.len() == 10;
            let reserved = matches!(
                value.to_ascii_lowercase().as_str(),
                "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
            );
            if !(plain || date) || reserved || value.contains(['\t', '\r']) {
                return None;
            }
            value
        };
        fields.push((key.to_string(), FrontValue::Text(text.to_string())));
    }
    Some(fields)
}

/// `text.split_once` at the first `a` followed by `b` (two ASCII bytes): the same as
/// splitting at that two-byte string, without building a string searcher (this runs for
/// every line of every front matter).
fn split_once_pair(text: &str, a: u8, b: u8) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let at = memchr::memchr_iter(a, bytes).find(|&i| bytes.get(i + 1) == Some(&b))?;
    Some((&text[..at], &text[at + 2..]))
}

fn find_in(text: &str, within: Range<usize>, needle: &str) -> Option<Range<usize>> {
    // A front matter is short: compared in place rather than with a string searcher.
    let hay = text.get(within.clone())?.as_bytes();
    let at = if needle.is_empty() {
        0
    } else {
        hay.windows(needle.len())
            .position(|w| w == needle.as_bytes())?
    };
    Some(within.start + at..within.start + at + needle.len())
}

fn first_line(text: &str, from: usize) -> Option<Range<usize>> {
    let rest = &text[from..];
    let skip = rest.len() - rest.trim_start().len();
    let start = from + skip;
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    let line = text[start..end].trim_end();
    (!line.is_empty()).then(|| start..start + line.len())
}

fn first_line_of(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

/// Line starts for `\n`, `\r\n` and lone `\r` endings.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    // A vectorized search for the line-ending bytes: this runs over every file shown.
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
            starts.push(i + 1);
        }
    }
    starts
}

fn floor_char(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_byte_splits_and_searches_read_as_the_string_ones() {
        for text in [
            "title: a: b",
            "a:b: c",
            "é: x",
            ":",
            ": ",
            "no pair",
            "x #y",
            "a  # b",
            "",
        ] {
            assert_eq!(
                split_once_pair(text, b':', b' '),
                text.split_once(": "),
                "{text:?}"
            );
            assert_eq!(
                split_once_pair(text, b' ', b'#'),
                text.split_once(" #"),
                "{text:?}"
            );
        }
        let text = "---\ntitle: Été à Montréal\n---\nÉté à Montréal";
        for needle in ["Été à Montréal", "à", "---", "absent", ""] {
            let want = text[..30].find(needle).map(|at| at..at + needle.len());
            assert_eq!(find_in(text, 0..30, needle), want, "{needle:?}");
        }
    }

    fn load(name: &str, text: &str) -> Article {
        Article::from_bytes(0, Path::new(name), name.to_string(), text.as_bytes()).unwrap()
    }

    #[test]
    fn seed_date_token_is_read_and_body_continues_on_the_line() {
        let a = load("x.txt", " date 2025-09-03 Prime Minister Mark Carney says");
        assert_eq!(a.date, Some(jiff::civil::date(2025, 9, 3)));
        assert_eq!(a.date_source, Some(DateSource::DateLine));
        assert_eq!(a.body(), "Prime Minister Mark Carney says");
    }

    #[test]
    fn front_matter_date_wins_and_body_follows_it() {
        let a = load(
            "2024-01-01-x.md",
            "---\ndate: 2025-10-05\ntitle: Hello\n---\nBody text.\n",
        );
        assert_eq!(a.date, Some(jiff::civil::date(2025, 10, 5)));
        assert_eq!(a.date_source, Some(DateSource::FrontMatter));
        assert_eq!(a.body(), "Body text.\n");
        assert_eq!(&a.text[a.title().unwrap()], "Hello");
    }

    #[test]
    fn front_matter_read_without_the_parser_reads_as_the_parser_does() {
        let slow = |yaml: &str| -> Vec<(String, String, bool)> {
            let value: serde_json::Value =
                serde_saphyr::from_str_with_options(yaml, crate::rules::yaml_options()).unwrap();
            let serde_json::Value::Object(map) = value else {
                return Vec::new();
            };
            map.into_iter()
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => (k, s, true),
                    other => (k, other.to_string(), false),
                })
                .collect()
        };
        let fast = |yaml: &str| -> Option<Vec<(String, String, bool)>> {
            simple_front_matter(yaml).map(|fields| {
                fields
                    .into_iter()
                    .map(|(k, v)| match v {
                        FrontValue::Text(s) => (k, s, true),
                        FrontValue::Other(s) => (k, s, false),
                    })
                    .collect()
            })
        };
        let read = [
            "title: \"Jobs at risk: autos\"\ndate: 2026-11-11\n",
            "title: Plain words, with commas\noutlet: 'CBC News'\n",
            "date: 2025-09-03\nsource: Reuters\n\n",
            "title: Émile speaks\n",
        ];
        for yaml in read {
            let mut want = slow(yaml);
            want.sort();
            let mut got = fast(yaml).unwrap_or_else(|| panic!("not read fast: {yaml:?}"));
            got.sort();
            assert_eq!(got, want, "{yaml:?}");
        }
        // Left to the parser: typed scalars, escapes, nesting, comments, repeated keys.
        for yaml in [
            "title: 123\n",
            "title: yes\n",
            "title: \"a\\tb\"\n",
            "tags:\n  - a\n",
            "# comment\ntitle: x\n",
            "title: a\ntitle: b\n",
            "title: a # note\n",
            "date: 2025-09-03T10:00:00Z\n",
        ] {
            assert!(fast(yaml).is_none(), "{yaml:?}");
        }
    }

    #[test]
    fn bad_front_matter_date_is_noted_and_file_name_date_used() {
        let a = load("2024-01-02_x.md", "---\ndate: soon\n---\nBody\n");
        assert_eq!(a.date, Some(jiff::civil::date(2024, 1, 2)));
        assert!(
            a.notes()[0].contains("not a YYYY-MM-DD date"),
            "{:?}",
            a.notes()
        );
    }

    #[test]
    fn header_lines_of_wire_exports_give_the_date() {
        let a = load("r.txt", "source: Reuters\ndate: 1987-04-01\n\nTITLE\nBody");
        assert_eq!(a.date, Some(jiff::civil::date(1987, 4, 1)));
        assert_eq!(a.body(), "TITLE\nBody");
        assert_eq!(a.outlet(), Some("Reuters"));
    }

    #[test]
    fn pinned_positions_and_excerpts_outlive_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        let text = "Title\nThe rate is 25%.\nÉté: 35%.\n";
        std::fs::write(&path, text).unwrap();
        let mut a = Article::from_vec(0, path.clone(), "a.md".into(), text.into()).unwrap();
        let first = text.find("25%").unwrap();
        let second = text.find("35%").unwrap();
        let want = (a.line_col(first), a.line_col(second));
        a.release_text();
        let quoted = first..first + 3;
        a.pin(&[first, second], std::slice::from_ref(&quoted));
        assert!(a.text.is_empty());
        assert_eq!((a.line_col(first), a.line_col(second)), want);
        assert_eq!(want.1, (3, 6)); // columns count characters: "Été: " is five
        assert_eq!(a.excerpt(first..first + 3), "25%");
        assert!(a.notes().is_empty());
        // A file that changed since it was checked is noted.
        let mut b = Article::from_vec(1, path.clone(), "a.md".into(), text.into()).unwrap();
        b.stamp = Stamp::of(&std::fs::metadata(dir.path()).unwrap());
        b.release_text();
        b.pin(&[first], &[]);
        assert!(b.notes()[0].contains("changed"), "{:?}", b.notes());
        // The file as it was when read: no note, and the text read back is the file's.
        let mut c = Article::from_vec(2, path.clone(), "a.md".into(), text.into()).unwrap();
        c.stamp = Stamp::of(&std::fs::metadata(&path).unwrap());
        c.release_text();
        assert_eq!(c.current_text(), text);
        c.reload();
        assert_eq!((c.text.as_str(), c.notes().len()), (text, 0));
        // A file gone since: noted, and nothing to show.
        c.release_text();
        std::fs::remove_file(&path).unwrap();
        c.reload();
        assert!(c.text.is_empty());
        assert!(c.notes()[0].contains("changed"), "{:?}", c.notes());
    }

    #[test]
    fn the_path_is_kept_apart_only_when_it_is_not_written_as_shown() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        let text = "Title\nThe rate is 25%.\n";
        std::fs::write(&path, text).unwrap();
        let shown = path.to_str().unwrap().to_string();
        let same = Article::from_vec(0, path.clone(), shown.clone(), text.into()).unwrap();
        assert!(same.path.is_none());
        let apart = Article::from_vec(1, path.clone(), "a.md".into(), text.into()).unwrap();
        assert!(apart.path.is_some());
        for mut a in [same, apart] {
            assert_eq!(a.path(), path);
            // Released texts are read back from the file, whichever way it is kept.
            a.release_text();
            a.pin(&[6], &[]);
            assert_eq!(a.line_col(6), (2, 1));
            assert!(a.notes().is_empty(), "{:?}", a.notes());
        }
    }

    #[test]
    fn undated_is_fine() {
        let a = load("x.txt", "Canada's Prime Minister\nMore");
        assert_eq!(a.date, None);
        assert_eq!(&a.text[a.title().unwrap()], "Canada's Prime Minister");
    }

    #[test]
    fn line_and_column_count_characters_and_all_line_endings() {
        let a = load("x.txt", "é a\r\nb\rc\nd");
        assert_eq!(a.line_col(0), (1, 1));
        assert_eq!(a.line_col(3), (1, 3)); // 'a' after a 2-byte é
        assert_eq!(a.line_col(6), (2, 1));
        assert_eq!(a.line_col(8), (3, 1));
        assert_eq!(a.line_col(10), (4, 1));
    }

    proptest::proptest! {
        #[test]
        fn a_line_starts_after_every_line_ending(text in "[a\r\n]{0,40}") {
            // "\r\n" is one ending; a lone "\r" and a lone "\n" are one each.
            let bytes = text.as_bytes();
            let mut want = vec![0];
            for i in 0..bytes.len() {
                if bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    want.push(i + 1);
                }
            }
            proptest::prop_assert_eq!(line_starts(&text), want);
        }
    }
}
