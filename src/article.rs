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
    /// The path as shown to the user (relative, forward slashes). It names the file too,
    /// unless the extras hold another path (see [`Article::path`]).
    pub display: Box<str>,
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
    /// The place of the article's source in the rules' `sources:`, plus one (see
    /// [`Article::source`]). A number rather than the source's currency and dialect: when
    /// `sources:` covers an archive, every record has one, and in two bytes it takes none
    /// (the record has room to spare); a place past 65,534 goes in the extras.
    source: Option<std::num::NonZeroU16>,
    /// Computed when first needed: most articles never show a line number. Boxed, as it
    /// lives only while the text is loaded and the record stays in memory for the run (8
    /// bytes in the record rather than 48).
    line_starts: std::sync::OnceLock<Box<Lines>>,
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
        Some(Stamp::from_size_and_time(meta.len(), meta.modified().ok()?))
    }

    /// The stamp of a file of `len` bytes last changed at `modified`.
    pub fn from_size_and_time(len: u64, modified: std::time::SystemTime) -> Stamp {
        let nanos = match modified.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as u64,
            Err(before) => !(before.duration().as_nanos() as u64),
        };
        // Mixed so that a change of size or time, or both, gives another number.
        let mixed =
            (len.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ nanos).wrapping_mul(0xff51_afd7_ed55_8ccd);
        Stamp(std::num::NonZeroU64::new(mixed).unwrap_or(std::num::NonZeroU64::MIN))
    }
}

/// An article's rarer attributes.
#[derive(Debug, Default)]
struct Extras {
    /// The file, when `display` does not name it from the working directory (a name that
    /// is not UTF-8, or that holds a `\\` where it separates nothing): the two nearly
    /// always name the same file. See [`Article::path`] and `discover::kept_path`.
    path: Option<Box<Path>>,
    /// Front-matter `outlet:`/`source:` value.
    outlet: Option<String>,
    /// The place of the article's source in `sources:`, when too far for
    /// [`Article::source`]'s two bytes.
    source: Option<usize>,
    /// Notes about how the file was read (decoding, skipped front matter…).
    notes: Vec<String>,
}

impl Extras {
    /// The extras in `slot`, made on first use.
    fn of(slot: &mut Option<Box<Extras>>) -> &mut Extras {
        slot.get_or_insert_with(Box::default)
    }

    fn is_empty(&self) -> bool {
        self.path.is_none()
            && self.outlet.is_none()
            && self.source.is_none()
            && self.notes.is_empty()
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

/// Spans of articles whose place and text the checks noted while the texts were loaded:
/// an article whose findings point only at such spans is pinned without reading its file
/// again (an archive can have a finding in every other file).
#[derive(Debug, Default)]
pub struct Placements {
    spans: Vec<Placed>,
    /// What the spans say, each text once.
    texts: Vec<crate::finding::Text>,
    text_ids: crate::checks::FastMap<Box<str>, u32>,
}

/// One noted span: where it starts (line and column, as [`Article::line_col`] gives them)
/// and what it says, a text on one line (where it ends follows). 20 bytes: an archive can
/// have hundreds of thousands.
#[derive(Clone, Copy, Debug)]
struct Placed {
    article: u32,
    start: u32,
    line: u32,
    column: u32,
    text: u32,
}

impl Placements {
    /// Notes that `text` starts at `start`, on `line` and `column`, in `article`. Nothing
    /// is noted for a text over more than one line, or a number beyond 32 bits.
    pub fn add(&mut self, article: usize, start: usize, line: usize, column: usize, text: &str) {
        if text.contains(['\n', '\r']) {
            return;
        }
        // Most spans say what the one before said.
        let last = self.spans.last().map(|p| p.text);
        let known = last.filter(|&id| *self.texts[id as usize] == *text);
        let Some(text) = known.or_else(|| self.text_id(text)) else {
            return;
        };
        let narrow = |n: usize| u32::try_from(n).ok();
        if let (Some(article), Some(start), Some(line), Some(column)) =
            (narrow(article), narrow(start), narrow(line), narrow(column))
            && start
                .checked_add(self.texts[text as usize].len() as u32)
                .is_some()
        {
            self.spans.push(Placed {
                article,
                start,
                line,
                column,
                text,
            });
        }
    }

    /// Room for `n` more spans.
    pub fn reserve_exact(&mut self, n: usize) {
        self.spans.reserve_exact(n);
    }

    /// The number of `text` among the texts, added if new (none past 32 bits).
    fn text_id(&mut self, text: &str) -> Option<u32> {
        if let Some(&id) = self.text_ids.get(text) {
            return Some(id);
        }
        let id = u32::try_from(self.texts.len()).ok()?;
        self.texts.push(text.into());
        self.text_ids.insert(text.into(), id);
        Some(id)
    }

    /// Takes in what `other` noted.
    pub fn append(&mut self, other: Placements) {
        if self.spans.is_empty() && self.texts.is_empty() {
            // Taken as it is, rather than copied: it can be a large list.
            *self = other;
            return;
        }
        // Each of its texts is looked up once, not once for each span that says it.
        let ids: Vec<Option<u32>> = other.texts.iter().map(|t| self.text_id(t)).collect();
        self.spans.reserve(other.spans.len());
        for p in other.spans {
            if let Some(text) = ids[p.text as usize] {
                self.spans.push(Placed { text, ..p });
            }
        }
    }

    /// Puts the spans in article order, for [`Placements::of`].
    pub fn sort(&mut self) {
        self.spans.sort_unstable_by_key(|p| p.article);
        self.text_ids = crate::checks::FastMap::default();
    }

    /// The spans noted in `article` (once sorted).
    pub fn of(&self, article: usize) -> PlacedIn<'_> {
        let from = self
            .spans
            .partition_point(|p| (p.article as usize) < article);
        let to = self
            .spans
            .partition_point(|p| p.article as usize <= article);
        PlacedIn {
            spans: &self.spans[from..to],
            texts: &self.texts,
        }
    }
}

/// The noted spans of one article.
#[derive(Clone, Copy)]
pub struct PlacedIn<'a> {
    spans: &'a [Placed],
    texts: &'a [crate::finding::Text],
}

impl PlacedIn<'_> {
    /// Nothing noted.
    pub const NONE: PlacedIn<'static> = PlacedIn {
        spans: &[],
        texts: &[],
    };

    /// What pinning `offsets` and `spans` keeps, when the noted spans tell all of it.
    fn pinned(&self, offsets: &[usize], spans: &[Range<usize>]) -> Option<Pinned> {
        if self.spans.is_empty() {
            return None;
        }
        let text = |p: &Placed| &*self.texts[p.text as usize];
        // Each span as (start, end, line, column at the start, column at the end).
        let mut known: Vec<[u32; 5]> = self
            .spans
            .iter()
            .map(|p| {
                let said = text(p);
                let end = p.start + said.len() as u32;
                let end_column = p.column.saturating_add(said.chars().count() as u32);
                [p.start, end, p.line, p.column, end_column]
            })
            .collect();
        known.sort_unstable();
        let mut ends: Vec<[u32; 3]> = known.iter().map(|k| [k[1], k[2], k[4]]).collect();
        ends.sort_unstable();
        let mut positions = offsets
            .iter()
            .map(|&o| {
                let o = u32::try_from(o).ok()?;
                if let Ok(i) = known.binary_search_by_key(&o, |k| k[0]) {
                    return Some([o, known[i][2], known[i][3]]);
                }
                let i = ends.binary_search_by_key(&o, |e| e[0]).ok()?;
                Some(ends[i])
            })
            .collect::<Option<Vec<[u32; 3]>>>()?;
        positions.sort_unstable();
        positions.dedup();
        let mut by_span: Vec<&Placed> = self.spans.iter().collect();
        by_span.sort_unstable_by_key(|p| (p.start, text(p).len()));
        let mut texts = spans
            .iter()
            .map(|s| {
                let span = u32::try_from(s.start).ok()?..u32::try_from(s.end).ok()?;
                let i = by_span
                    .binary_search_by_key(&(span.start, s.len()), |p| (p.start, text(p).len()))
                    .ok()?;
                Some((span, Box::from(text(by_span[i]))))
            })
            .collect::<Option<Vec<_>>>()?;
        texts.sort_unstable_by_key(|(s, _)| (s.start, s.end));
        texts.dedup_by(|a, b| a.0 == b.0);
        Some(Pinned {
            positions: positions.into_boxed_slice(),
            texts: texts.into_boxed_slice(),
        })
    }
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
        let apart = path.as_os_str() != std::ffi::OsStr::new(&display);
        let mut article = Article {
            id,
            display: display.into_boxed_str(),
            line_starts: std::sync::OnceLock::new(),
            pinned: None,
            released: false,
            stamp: None,
            source: None,
            text,
            body_start: 0,
            date: None,
            date_source: None,
            title: None,
            is_draft: false,
            extras: None,
        };
        if apart {
            Extras::of(&mut article.extras).path = Some(path.into());
        }
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
        self.extras
            .as_ref()
            .and_then(|e| e.path.as_deref())
            .unwrap_or_else(|| Path::new(&*self.display))
    }

    /// Front-matter `outlet:`/`source:` value, if any (until [`Article::take_outlet`]).
    pub fn outlet(&self) -> Option<&str> {
        self.extras.as_ref()?.outlet.as_deref()
    }

    /// Takes the front-matter `outlet:`/`source:` value out of the record. It serves only to
    /// find the article's source as it is loaded, and an archive holds hundreds of thousands
    /// of records, many from services that name themselves in every file's header (kept,
    /// it took 160 bytes of each: 114 MB of 711,353 files of real news).
    pub fn take_outlet(&mut self) -> Option<String> {
        let extras = self.extras.as_mut()?;
        let outlet = extras.outlet.take();
        if extras.is_empty() {
            self.extras = None;
        }
        outlet
    }

    /// The article's source in `rules` (`sources:`), whose currency is what a bare `$`
    /// means in it and whose dialect its spellings are compared within.
    pub fn source<'r>(&self, rules: &'r crate::rules::RuleSet) -> Option<&'r crate::rules::Source> {
        rules.sources.get(self.source_index()?)
    }

    /// The place of the article's source in `sources:`, as [`Article::set_source`] noted it.
    pub fn source_index(&self) -> Option<usize> {
        match self.source {
            Some(plus_one) => Some(usize::from(plus_one.get()) - 1),
            None => self.extras.as_ref()?.source,
        }
    }

    /// Notes that the article's source is `sources:` entry `index`.
    pub fn set_source(&mut self, index: usize) {
        match index
            .checked_add(1)
            .and_then(|n| u16::try_from(n).ok())
            .and_then(std::num::NonZeroU16::new)
        {
            Some(plus_one) => {
                self.source = Some(plus_one);
                if let Some(extras) = self.extras.as_mut() {
                    extras.source = None;
                }
            }
            None => {
                self.source = None;
                Extras::of(&mut self.extras).source = Some(index);
            }
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
        let Ok(mut handle) = crate::folders::open(self.path()) else {
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
        self.note_if_changed(now);
        self.line_starts = std::sync::OnceLock::new();
        self.text = text;
        self.released = false;
    }

    /// A note when the file's stamp is no longer the one it had when it was checked (`now`
    /// is `None` when it cannot be opened any more).
    fn note_if_changed(&mut self, now: Option<Stamp>) {
        if self.stamp.is_some() && now != self.stamp {
            self.add_note(
                "the file changed while newslint was running; excerpts show it as it is now"
                    .to_string(),
            );
        }
    }

    /// Reads a released text back just long enough to note where `offsets` are and what
    /// `spans` say, then lets it go again: findings can then be shown with lines, columns
    /// and fingerprints while memory holds only what they point at. A file that changed or
    /// vanished meanwhile gets a note, as with [`Article::reload`].
    ///
    /// When `placed` (spans of this article a check noted while the text was loaded)
    /// already tells all of it, the file is not read again, only looked at to notice a
    /// change.
    pub fn pin(&mut self, offsets: &[usize], spans: &[Range<usize>], placed: PlacedIn) {
        if !self.released {
            return;
        }
        if let Some(pinned) = placed.pinned(offsets, spans) {
            let now = crate::folders::size_and_time(self.path())
                .ok()
                .map(|(len, time)| Stamp::from_size_and_time(len, time));
            self.note_if_changed(now);
            self.pinned = Some(Box::new(pinned));
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
        // Sorted by span: found by halving (an article can have thousands of findings).
        let texts = self.pinned.as_ref().map_or(&[][..], |p| &p.texts[..]);
        texts
            .binary_search_by_key(&(start, end), |(s, _)| (s.start, s.end))
            .map_or("", |i| &*texts[i].1)
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
        self.lines().line_col(&self.text, offset)
    }

    fn lines(&self) -> &Lines {
        self.line_starts
            .get_or_init(|| Box::new(Lines::of(&self.text)))
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

/// The first line of `text[from..]` with words on it: not a blank line, nor one that is an
/// HTML comment (a suppression comment above the headline is not the headline).
fn first_line(text: &str, mut from: usize) -> Option<Range<usize>> {
    loop {
        let rest = &text[from..];
        let skip = rest.len() - rest.trim_start().len();
        let start = from + skip;
        let end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| start + i);
        let line = text[start..end].trim_end();
        if line.is_empty() {
            return None;
        }
        let comment = line.starts_with("<!--") && line.find("-->") == Some(line.len() - 3);
        if !comment {
            return Some(start..start + line.len());
        }
        from = end;
    }
}

fn first_line_of(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

/// Where each line of `text` starts (after `\n`, `\r\n` or a lone `\r`).
pub fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    // Room for lines of news copy's length, so that the list seldom grows.
    let mut starts = Vec::with_capacity(bytes.len() / 48 + 8);
    starts.push(0);
    // A vectorized search for the line-ending bytes: this runs over every file shown.
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
            starts.push(i + 1);
        }
    }
    starts
}

/// Bytes between the marks of a long line (see [`Lines`]).
const MARK_BYTES: usize = 4096;

/// The lines of a text, for line and column numbers (both from 1, the column in
/// characters). A column is counted from the start of its line, or in a line longer than
/// `MARK_BYTES`, from the nearest of the marks noted every `MARK_BYTES` bytes of it:
/// else each column in a text of one long line would cost the length of the line, and a
/// line of megabytes with thousands of findings would take the square of it.
#[derive(Debug)]
pub struct Lines {
    starts: Vec<usize>,
    /// In order, for each mark: its byte offset (a character boundary) and how many
    /// characters its line has before it.
    marks: Vec<[usize; 2]>,
}

impl Lines {
    pub fn of(text: &str) -> Lines {
        Lines::marked(text, MARK_BYTES)
    }

    /// With a mark every `every` bytes of long lines (at least 4, the longest character).
    fn marked(text: &str, every: usize) -> Lines {
        let every = every.max(4);
        let starts = line_starts(text);
        let mut marks = Vec::new();
        let ends = starts.iter().skip(1).copied().chain([text.len()]);
        for (&start, end) in starts.iter().zip(ends) {
            let (mut at, mut chars) = (start, 0);
            while end - at > every {
                let next = floor_char(text, at + every);
                chars += text[at..next].chars().count();
                at = next;
                marks.push([at, chars]);
            }
        }
        Lines { starts, marks }
    }

    /// The line and column of `offset` in `text` (the text these lines are of).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
        let end = floor_char(text, offset);
        // The last mark at or before the offset, if it is on this line.
        let mark = self.marks.partition_point(|m| m[0] <= end);
        let (from, before) = match mark.checked_sub(1).map(|k| self.marks[k]) {
            Some([at, chars]) if at >= start => (at, chars),
            _ => (start, 0),
        };
        let column = before + text[from.min(end)..end].chars().count() + 1;
        (line + 1, column)
    }
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
    fn the_outlet_once_taken_leaves_the_record_and_the_notes_stay() {
        let mut a = load("r.txt", "source: Reuters\ndate: 1987-04-01\n\nTITLE\nBody");
        assert_eq!(a.take_outlet().as_deref(), Some("Reuters"));
        assert_eq!(a.outlet(), None);
        assert_eq!(a.take_outlet(), None);
        // Nothing else was kept apart: the record holds nothing more for it.
        assert!(a.extras.is_none());
        let mut a = load("x.md", "---\noutlet: CBC News\ndate: soon\n---\nBody\n");
        assert_eq!(a.take_outlet().as_deref(), Some("CBC News"));
        assert!(
            a.notes()[0].contains("not a YYYY-MM-DD date"),
            "{:?}",
            a.notes()
        );
        a.set_source(2);
        assert_eq!(a.source_index(), Some(2));
    }

    #[test]
    fn a_source_is_noted_in_the_record_or_past_its_room_in_the_extras() {
        let mut a = load("a.md", "Body\n");
        assert_eq!(a.source_index(), None);
        // Each set over the one before, whichever place that took.
        for index in [0, 1, 65_534, 65_535, 1 << 20, 7, usize::MAX, 65_533] {
            a.set_source(index);
            assert_eq!(a.source_index(), Some(index), "{index}");
            // Only a place the record cannot hold is kept in the extras.
            let in_extras = a.extras.as_ref().and_then(|e| e.source);
            assert_eq!(in_extras.is_some(), index >= 65_535, "{index}");
        }
    }

    /// Every article's record stays in memory for the whole run (711,353 of them for 1 GB of
    /// real news): what it holds is counted. 160 bytes until the path kept apart moved to the
    /// extras, the text's line table behind a box and the shown path into a boxed string;
    /// the source's place took no room. Measured on 64-bit targets (elsewhere pointers are
    /// smaller).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_record_takes_120_bytes() {
        assert_eq!(std::mem::size_of::<Article>(), 120);
    }

    /// `text` written to `a.md` in a new temporary folder (removed when the first is dropped).
    fn written(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn pinned_positions_and_excerpts_outlive_the_text() {
        let text = "Title\nThe rate is 25%.\nÉté: 35%.\n";
        let (dir, path) = written(text);
        let mut a = Article::from_vec(0, path.clone(), "a.md".into(), text.into()).unwrap();
        let first = text.find("25%").unwrap();
        let second = text.find("35%").unwrap();
        let want = (a.line_col(first), a.line_col(second));
        a.release_text();
        let quoted = first..first + 3;
        a.pin(
            &[first, second],
            std::slice::from_ref(&quoted),
            PlacedIn::NONE,
        );
        assert!(a.text.is_empty());
        assert_eq!((a.line_col(first), a.line_col(second)), want);
        assert_eq!(want.1, (3, 6)); // columns count characters: "Été: " is five
        assert_eq!(a.excerpt(first..first + 3), "25%");
        assert!(a.notes().is_empty());
        // A file that changed since it was checked is noted.
        let mut b = Article::from_vec(1, path.clone(), "a.md".into(), text.into()).unwrap();
        b.stamp = Stamp::of(&std::fs::metadata(dir.path()).unwrap());
        b.release_text();
        b.pin(&[first], &[], PlacedIn::NONE);
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
    fn what_was_placed_pins_as_reading_the_file_again_would() {
        let text = "Title\r\nÉté: per\r\ncent.\rThe labour 25%, Été.\n";
        let (_dir, path) = written(text);
        let load = |id| {
            let mut a = Article::from_vec(id, path.clone(), "a.md".into(), text.into()).unwrap();
            a.stamp = Stamp::of(&std::fs::metadata(&path).unwrap());
            a.release_text();
            a
        };
        let at = |word: &str| text.find(word).unwrap()..text.find(word).unwrap() + word.len();
        let ete = text.rfind("Été").unwrap()..text.rfind("Été").unwrap() + "Été".len();
        let spans = [at("Été"), at("labour"), ete];
        let per_cent = at("per\r\ncent");
        // Noted as a check notes them, from the loaded text (the line break of the last
        // makes it unnoted).
        let loaded = Article::from_vec(9, path.clone(), "a.md".into(), text.into()).unwrap();
        let mut placed = Placements::default();
        for s in spans.iter().chain([&per_cent]) {
            let (line, column) = loaded.line_col(s.start);
            placed.add(1, s.start, line, column, &text[s.clone()]);
        }
        placed.sort();
        assert_eq!((placed.spans.len(), placed.texts.len()), (3, 2));
        let offsets: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
        let (mut read, mut noted) = (load(0), load(1));
        read.pin(&offsets, &spans, PlacedIn::NONE);
        noted.pin(&offsets, &spans, placed.of(1));
        assert_eq!(format!("{:?}", noted.pinned), format!("{:?}", read.pinned));
        let shown = |a: &Article, s: &Range<usize>| (a.line_col(s.start), a.line_col(s.end));
        assert_eq!(shown(&noted, &spans[0]), ((2, 1), (2, 4)));
        assert_eq!(shown(&noted, &spans[2]), ((4, 17), (4, 20)));
        assert_eq!(noted.excerpt(spans[1].clone()), "labour");
        assert!(noted.notes().is_empty());
        // Another article's spans are not this one's.
        assert!(placed.of(0).spans.is_empty() && placed.of(2).spans.is_empty());
        // Once the file changed, only what was noted is shown as it was checked: a span
        // that was not (over two lines) is read from the file as it is now.
        let (mut changed, mut reread) = (load(3), load(4));
        std::fs::write(&path, "changed").unwrap();
        changed.pin(&offsets, &spans, placed.of(1));
        assert!(
            changed.notes()[0].contains("changed"),
            "{:?}",
            changed.notes()
        );
        assert_eq!(shown(&changed, &spans[1]), shown(&read, &spans[1]));
        reread.pin(&[spans[0].start, per_cent.start], &[], placed.of(1));
        assert_eq!(reread.line_col(spans[0].start), (1, 8));
    }

    #[test]
    fn placements_appended_are_those_added_to_one() {
        let spans = [
            (0, 5, 1, 6, "25%"),
            (0, 9, 1, 10, "labour"),
            (1, 3, 2, 1, "25%"),
            (2, 0, 1, 1, "Été"),
            (2, 7, 1, 5, "labour"),
            (3, 1, 1, 2, "30%"),
        ];
        let resolved = |p: &Placements| -> Vec<(u32, u32, u32, u32, String)> {
            p.spans
                .iter()
                .map(|s| {
                    (
                        s.article,
                        s.start,
                        s.line,
                        s.column,
                        p.texts[s.text as usize].to_string(),
                    )
                })
                .collect()
        };
        let mut one = Placements::default();
        for &(a, start, line, column, text) in &spans {
            one.add(a, start, line, column, text);
        }
        for split in 0..=spans.len() {
            let (mut first, mut second) = (Placements::default(), Placements::default());
            for &(a, start, line, column, text) in &spans[..split] {
                first.add(a, start, line, column, text);
            }
            for &(a, start, line, column, text) in &spans[split..] {
                second.add(a, start, line, column, text);
            }
            first.append(second);
            assert_eq!(resolved(&first), resolved(&one), "split at {split}");
            // Each text is kept once.
            assert_eq!(first.texts.len(), 4, "split at {split}");
        }
    }

    #[test]
    fn the_path_is_kept_apart_only_when_it_is_not_written_as_shown() {
        let text = "Title\nThe rate is 25%.\n";
        let (_dir, path) = written(text);
        let shown = path.to_str().unwrap().to_string();
        let same = Article::from_vec(0, path.clone(), shown.clone(), text.into()).unwrap();
        assert!(same.extras.is_none());
        let apart = Article::from_vec(1, path.clone(), "a.md".into(), text.into()).unwrap();
        assert!(apart.extras.as_ref().is_some_and(|e| e.path.is_some()));
        for mut a in [same, apart] {
            assert_eq!(a.path(), path);
            // Released texts are read back from the file, whichever way it is kept.
            a.release_text();
            a.pin(&[6], &[], PlacedIn::NONE);
            assert_eq!(a.line_col(6), (2, 1));
            assert!(a.notes().is_empty(), "{:?}", a.notes());
        }
    }

    #[test]
    fn a_path_kept_apart_stays_when_the_outlet_is_taken() {
        // The path kept apart shares the extras with the outlet: taking the outlet as the
        // source is looked up must not drop it, or the file would be read back by the path
        // shown, which does not name it.
        let text = "source: Reuters\n\nTitle\nThe rate is 25%.\n";
        let (_dir, path) = written(text);
        let mut a = Article::from_vec(0, path.clone(), "a.md".into(), text.into()).unwrap();
        assert_eq!(a.take_outlet().as_deref(), Some("Reuters"));
        assert_eq!(a.path(), path);
        a.release_text();
        a.pin(&[a.body_start + 6], &[], PlacedIn::NONE);
        assert_eq!(a.line_col(a.body_start + 6).0, 4);
        assert!(a.notes().is_empty(), "{:?}", a.notes());
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

    #[test]
    fn the_headline_is_the_first_line_with_words_not_a_comment() {
        let title = |text: &str| {
            let a =
                Article::from_bytes(0, Path::new("a.md"), "a.md".into(), text.as_bytes()).unwrap();
            a.title().map(|r| a.text[r].to_string())
        };
        let headline = Some("Trump raises tariffs".to_string());
        assert_eq!(title("Trump raises tariffs\nBody.\n"), headline);
        assert_eq!(
            title("<!-- newslint-disable terms -->\n\n  Trump raises tariffs\r\nBody.\n"),
            headline
        );
        assert_eq!(
            title("<!-- a -->\n<!-- newslint-disable-next-line hygiene -->\nTrump raises tariffs"),
            headline
        );
        // A line with words between two comments is a line with words.
        assert_eq!(
            title("<!-- a --> Tariffs <!-- b -->\n"),
            Some("<!-- a --> Tariffs <!-- b -->".to_string())
        );
        assert_eq!(title("<!-- only a comment -->\n\n"), None);
        assert_eq!(title(""), None);
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

        /// Counted from the marks of long lines, a column is what counting from the start of
        /// its line gives, at every offset (inside a character too), wherever the marks fall.
        #[test]
        fn columns_from_marks_are_columns_from_the_line_start(
            text in "[ab\r\né€🙂]{0,60}",
            every in 4usize..12,
        ) {
            let starts = line_starts(&text);
            let lines = Lines::marked(&text, every);
            for offset in 0..=text.len() + 2 {
                let clamped = floor_char(&text, offset.min(text.len()));
                let line = starts.iter().rposition(|&s| s <= clamped).unwrap();
                let column = text[starts[line]..clamped].chars().count() + 1;
                proptest::prop_assert_eq!(lines.line_col(&text, offset), (line + 1, column));
            }
            // A line longer than the spacing has marks, and only such a line.
            let longest = starts
                .iter()
                .zip(starts.iter().skip(1).chain([&text.len()]))
                .map(|(a, b)| b - a)
                .max()
                .unwrap_or(0);
            proptest::prop_assert_eq!(!lines.marks.is_empty(), longest > every);
        }
    }
}
