//! The lines a finding points into, as the human output shows them. A line longer than
//! [`WIDTH`] characters (a paragraph on one line, as Markdown and much wire copy hold them)
//! is cut to a window around what the finding points at, with "…" where it was cut, so an
//! excerpt fits a terminal and its underline sits below its text. Line and column numbers
//! stay those of the article.

use std::collections::BTreeMap;
use std::ops::Range;

use codespan_reporting::files::{Error, Files};

/// Characters of an article's line an excerpt shows when the line is longer.
pub const WIDTH: usize = 100;

/// The widest window: a label further along a line from the others than this is not shown
/// on it (its place is given in a note instead).
pub const MAX_WINDOW: usize = 2000;

/// The fewest characters around a window's marks (a wide mark makes a wider window).
const CONTEXT: usize = 30;

/// Marks where a line was cut.
const CUT: &str = "…";

/// An article's text as the excerpts show it, with where its lines start.
pub struct Source {
    text: String,
    starts: Vec<usize>,
}

impl Source {
    /// `text` as it is to be shown (sanitized for the terminal).
    pub fn new(text: String) -> Self {
        // Sanitized, the text has no lone "\r": its lines end as codespan reads them.
        let starts = crate::article::line_starts(&text);
        Source { text, starts }
    }

    /// The index of the line that holds byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Line `index` without its line break.
    fn line(&self, index: usize) -> Range<usize> {
        let start = self.starts[index];
        let mut end = self
            .starts
            .get(index + 1)
            .map_or(self.text.len(), |&next| next - 1);
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// `offset` moved back onto a character boundary within the text (a file that changed
    /// since it was checked may be shorter, or hold other characters there).
    fn boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// The excerpts of one finding: for each article it points into, the lines from its first
/// label to its last, long ones cut. Built in two steps: [`Excerpts::mark`] each label, then
/// [`Excerpts::build`]; it is then what the renderer reads the lines from.
#[derive(Default)]
pub struct Excerpts<'s> {
    files: Vec<Excerpt<'s>>,
}

struct Excerpt<'s> {
    name: String,
    source: &'s Source,
    /// For each line a label starts or ends on, the part of it that must be shown.
    marks: BTreeMap<usize, Range<usize>>,
    /// The index of the first line shown.
    first: usize,
    /// The lines shown, one after the other, each ended by a line break.
    text: String,
    lines: Vec<Shown>,
}

/// One line as shown.
struct Shown {
    /// Where it is in [`Excerpt::text`], without its line break.
    range: Range<usize>,
    /// The offset in the article of its first character shown (after a cut).
    from: usize,
    /// How many bytes of the article it shows.
    len: usize,
    /// How many characters of the article's line were cut before it.
    skipped: usize,
}

impl Shown {
    /// Where the article's text starts in [`Excerpt::text`] (after a "…").
    fn content_start(&self) -> usize {
        self.range.start + if self.skipped > 0 { CUT.len() } else { 0 }
    }
}

impl<'s> Excerpts<'s> {
    /// The id of the article `name` (added the first time).
    pub fn file(&mut self, name: &str, source: &'s Source) -> usize {
        if let Some(id) = self.files.iter().position(|f| f.name == name) {
            return id;
        }
        self.files.push(Excerpt {
            name: name.to_string(),
            source,
            marks: BTreeMap::new(),
            first: 0,
            text: String::new(),
            lines: Vec::new(),
        });
        self.files.len() - 1
    }

    /// Makes room in the excerpt of `file` for a label on `span`. `false` (and nothing
    /// marked) when it would widen a line's window past [`MAX_WINDOW`] characters.
    pub fn mark(&mut self, file: usize, span: Range<usize>) -> bool {
        let excerpt = &mut self.files[file];
        let source = excerpt.source;
        let start = source.boundary(span.start);
        let end = source.boundary(span.end).max(start);
        let (first, last) = (source.line_of(start), source.line_of(end));
        // A label on one line is shown whole; one over several lines, where it starts and
        // where it ends.
        let wanted: Vec<(usize, Range<usize>)> = if first == last {
            vec![(first, start..end)]
        } else {
            vec![(first, start..start), (last, end..end)]
        };
        let widened: Vec<(usize, Range<usize>)> = wanted
            .into_iter()
            .map(|(line, part)| match excerpt.marks.get(&line) {
                Some(had) => (line, had.start.min(part.start)..had.end.max(part.end)),
                None => (line, part),
            })
            .collect();
        if widened
            .iter()
            .any(|(_, part)| source.text[part.clone()].chars().count() > MAX_WINDOW)
        {
            return false;
        }
        excerpt.marks.extend(widened);
        true
    }

    /// Lays out the lines shown, once every label is marked.
    pub fn build(&mut self) {
        for excerpt in &mut self.files {
            let (Some((&first, _)), Some((&last, _))) = (
                excerpt.marks.first_key_value(),
                excerpt.marks.last_key_value(),
            ) else {
                continue;
            };
            excerpt.first = first;
            for index in first..=last {
                let line = excerpt.source.line(index);
                let window = window(
                    &excerpt.source.text,
                    line.clone(),
                    excerpt.marks.get(&index).cloned(),
                );
                let text = &excerpt.source.text;
                let skipped = text[line.start..window.start].chars().count();
                let start = excerpt.text.len();
                if skipped > 0 {
                    excerpt.text.push_str(CUT);
                }
                excerpt.text.push_str(&text[window.clone()]);
                if window.end < line.end {
                    excerpt.text.push_str(CUT);
                }
                excerpt.lines.push(Shown {
                    range: start..excerpt.text.len(),
                    from: window.start,
                    len: window.len(),
                    skipped,
                });
                excerpt.text.push('\n');
            }
        }
    }

    /// Where `span` of the article is in the excerpt of `file`.
    pub fn range(&self, file: usize, span: Range<usize>) -> Range<usize> {
        let excerpt = &self.files[file];
        let at = |offset: usize| {
            let offset = excerpt.source.boundary(offset);
            let index = excerpt.source.line_of(offset).saturating_sub(excerpt.first);
            let Some(line) = excerpt
                .lines
                .get(index.min(excerpt.lines.len().saturating_sub(1)))
            else {
                return 0;
            };
            let inside = offset.clamp(line.from, line.from + line.len) - line.from;
            line.content_start() + inside
        };
        let start = at(span.start);
        start..at(span.end).max(start)
    }
}

/// The part of `line` to show: all of it when it is at most [`WIDTH`] characters; otherwise
/// about [`WIDTH`] characters around `marked` (all of it, and some context), from the line's start
/// when nothing on it is marked. Cuts fall between words when one is near.
fn window(text: &str, line: Range<usize>, marked: Option<Range<usize>>) -> Range<usize> {
    if text[line.clone()].chars().nth(WIDTH).is_none() {
        return line;
    }
    // A mark past the line's last character (on a "\r" before its break) is at its end.
    let marked = marked.map_or(line.start..line.start, |m| {
        m.start.clamp(line.start, line.end)..m.end.clamp(line.start, line.end)
    });
    // What is marked, with some context on either side however wide it is.
    let spare = WIDTH
        .saturating_sub(text[marked.clone()].chars().count())
        .max(CONTEXT);
    let (mut start, before) = back(text, line.start, marked.start, spare / 2);
    let (mut end, after) = ahead(text, line.end, marked.end, spare - before);
    if after < spare - before {
        start = back(text, line.start, start, spare - before - after).0;
    }
    // Between words: a cut within a few characters of a space moves to it.
    const NEAR: usize = 12;
    if start > line.start {
        let reach = ahead(text, marked.start, start, NEAR).0;
        if let Some(space) = text[start..reach].find(' ') {
            start += space + 1;
        }
    }
    if end < line.end {
        let reach = back(text, marked.end, end, NEAR).0;
        if let Some(space) = text[reach..end].rfind(' ') {
            end = reach + space;
        }
    }
    start..end
}

/// The offset `n` characters before `from`, not before `floor`, and how many it moved.
fn back(text: &str, floor: usize, from: usize, n: usize) -> (usize, usize) {
    match text[floor..from].char_indices().rev().take(n).last() {
        Some((i, _)) => (floor + i, text[floor + i..from].chars().count()),
        None => (from, 0),
    }
}

/// The offset `n` characters after `from`, not after `ceiling`, and how many it moved.
fn ahead(text: &str, ceiling: usize, from: usize, n: usize) -> (usize, usize) {
    let mut moved = 0;
    let mut at = from;
    for c in text[from..ceiling].chars().take(n) {
        at += c.len_utf8();
        moved += 1;
    }
    (at, moved)
}

impl<'a> Files<'a> for Excerpts<'_> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.files.get(id).ok_or(Error::FileMissing)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.files.get(id).ok_or(Error::FileMissing)?.text)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        let excerpt = self.files.get(id).ok_or(Error::FileMissing)?;
        Ok(excerpt
            .lines
            .partition_point(|l| l.range.start <= byte_index)
            .saturating_sub(1))
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, Error> {
        let excerpt = self.files.get(id).ok_or(Error::FileMissing)?;
        Ok(excerpt.first + line_index + 1)
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let excerpt = self.files.get(id).ok_or(Error::FileMissing)?;
        let line = excerpt.lines.get(line_index).ok_or(Error::LineTooLarge {
            given: line_index,
            max: excerpt.lines.len().saturating_sub(1),
        })?;
        let start = line.content_start();
        let byte_index = byte_index.clamp(start, start + line.len);
        Ok(line.skipped + excerpt.text[start..byte_index].chars().count() + 1)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let excerpt = self.files.get(id).ok_or(Error::FileMissing)?;
        let line = excerpt.lines.get(line_index).ok_or(Error::LineTooLarge {
            given: line_index,
            max: excerpt.lines.len().saturating_sub(1),
        })?;
        // With its line break, as codespan's own files give it.
        Ok(line.range.start..line.range.end + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codespan_reporting::diagnostic::{Diagnostic, Label};
    use codespan_reporting::term::{self, Config, termcolor::NoColor};

    /// The human rendering of a note with a label on each of `spans` of `text` (in
    /// `a.md`), and which spans were shown.
    fn render(text: &str, spans: &[Range<usize>]) -> (String, Vec<bool>) {
        let source = Source::new(text.to_string());
        let mut excerpts = Excerpts::default();
        let id = excerpts.file("a.md", &source);
        let shown: Vec<bool> = spans.iter().map(|s| excerpts.mark(id, s.clone())).collect();
        excerpts.build();
        let labels = spans
            .iter()
            .zip(&shown)
            .filter(|(_, shown)| **shown)
            .enumerate()
            .map(|(i, (span, _))| {
                let range = excerpts.range(id, span.clone());
                if i == 0 {
                    Label::primary(id, range)
                } else {
                    Label::secondary(id, range)
                }
            })
            .collect();
        let d = Diagnostic::note().with_message("m").with_labels(labels);
        let mut out = NoColor::new(Vec::new());
        term::emit_to_write_style(&mut out, &Config::default(), &excerpts, &d).unwrap();
        (String::from_utf8(out.into_inner()).unwrap(), shown)
    }

    /// The source line shown above the first underline, and the characters above its marks.
    fn underlined(out: &str) -> (String, String) {
        let lines: Vec<&str> = out.lines().collect();
        let under = lines
            .iter()
            .position(|l| l.contains(['^', '-']) && l.contains("│ "))
            .expect(out);
        let after_bar = |l: &str| {
            l.split_once("│ ")
                .map_or(String::new(), |(_, r)| r.to_string())
        };
        let text: Vec<char> = after_bar(lines[under - 1]).chars().collect();
        let marks = after_bar(lines[under]);
        let above = marks
            .chars()
            .enumerate()
            .filter(|(_, c)| matches!(c, '^' | '-'))
            .map(|(i, _)| text.get(i).copied().unwrap_or('?'))
            .collect();
        (text.into_iter().collect(), above)
    }

    fn at(text: &str, word: &str) -> Range<usize> {
        let start = text.find(word).unwrap();
        start..start + word.len()
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let text = "A short line says 25% here.\nAnd another.\n";
        let (out, _) = render(text, &[at(text, "25%")]);
        assert!(out.contains("1 │ A short line says 25% here.\n"), "{out}");
        assert!(out.contains("┌─ a.md:1:19\n"), "{out}");
    }

    #[test]
    fn a_long_line_is_cut_between_words_around_its_label() {
        let text = format!(
            "Title\n{} The rate is 25% now. {}\n",
            "Filler words go here.".repeat(20),
            "More words follow it.".repeat(20)
        );
        let span = at(&text, "25%");
        let (out, _) = render(&text, std::slice::from_ref(&span));
        let (line, above) = underlined(&out);
        assert_eq!(above, "25%");
        assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
        let inner = line.trim_matches('…');
        assert!(text.contains(inner), "{inner}");
        // Whole words at both cuts, and about as wide as an excerpt may be.
        let (before, after) = (
            text.find(inner).unwrap(),
            text.find(inner).unwrap() + inner.len(),
        );
        assert!(matches!(&text[before - 1..before], " " | "."), "{line}");
        assert!(matches!(&text[after..after + 1], " " | "."), "{line}");
        assert!(
            (WIDTH - 24..=WIDTH).contains(&inner.chars().count()),
            "{line}"
        );
        // The place is the place in the article.
        let column = span.start - text.find('\n').unwrap();
        assert!(out.contains(&format!("┌─ a.md:2:{column}\n")), "{out}");
    }

    #[test]
    fn a_label_near_either_end_of_a_long_line_is_cut_on_one_side() {
        let text = format!("25% first. {}\n", "word ".repeat(100));
        let (out, _) = render(&text, &[at(&text, "25%")]);
        let (line, above) = underlined(&out);
        assert_eq!(above, "25%");
        assert!(
            line.starts_with("25% first.") && line.ends_with('…'),
            "{line}"
        );
        let text = format!("{}and 30% last.\r\nNext line.\n", "word ".repeat(100));
        let (out, _) = render(&text, &[at(&text, "30%")]);
        let (line, above) = underlined(&out);
        assert_eq!(above, "30%");
        assert!(
            line.starts_with('…') && line.ends_with("30% last."),
            "{line}"
        );
        // The room not needed after the label is used before it.
        assert!(line.chars().count() > WIDTH - 24, "{line}");
    }

    #[test]
    fn labels_on_one_long_line_share_its_window_up_to_a_limit() {
        let text = format!(
            "{}Ottawa says 25% {}but Washington says 30% {}\n",
            "a ".repeat(200),
            "b ".repeat(150),
            "c ".repeat(200)
        );
        let (out, shown) = render(&text, &[at(&text, "25%"), at(&text, "30%")]);
        assert_eq!(shown, [true, true]);
        assert!(out.contains("^^^") && out.contains("---"), "{out}");
        let (line, _) = underlined(&out);
        assert!(line.contains("Ottawa says 25%") && line.contains("Washington says 30%"));
        // Too far apart for one window: the second is not marked.
        let text = format!("25% {} 30%\n", "x".repeat(MAX_WINDOW + 10));
        let (_, shown) = render(&text, &[at(&text, "25%"), at(&text, "30%")]);
        assert_eq!(shown, [true, false]);
    }

    #[test]
    fn a_label_over_lines_is_shown_where_it_starts_and_ends() {
        let text = format!(
            "{} “We will\nsee,” she said. {}\n",
            "w ".repeat(100),
            "z ".repeat(100)
        );
        let span = text.find('“').unwrap()..text.find('”').unwrap() + '”'.len_utf8();
        let (out, _) = render(&text, &[span]);
        assert!(out.contains("┌─ a.md:1:202\n"), "{out}");
        assert!(out.contains(" w w  “We will\n"), "{out}");
        assert!(out.contains("│ │ see,” she said. z z"), "{out}");
    }

    #[test]
    fn spans_beyond_a_shortened_file_do_not_break_the_excerpt() {
        // A file that changed since it was checked: shorter, or with other characters.
        for text in ["", "é", "short\n", "ab\r\n"] {
            let (out, _) = render(text, &[1..3, 10..12, Range { start: 2, end: 1 }]);
            assert!(out.contains("a.md"), "{out}");
        }
    }

    proptest::proptest! {
        /// Any text (as sanitized for the terminal) and any spans, inside characters and
        /// past the end too, render without a panic.
        #[test]
        fn any_text_and_spans_render(
            text in "(?s).{0,400}",
            long in 0usize..3,
            spans in proptest::collection::vec((0usize..2000, 0usize..300), 1..5),
        ) {
            let text = crate::render::sanitize_for_terminal(&format!("{text}{}", "x y ".repeat(long * 60)));
            let spans: Vec<Range<usize>> = spans.into_iter().map(|(s, n)| s..s + n).collect();
            let (out, _) = render(&text, &spans);
            proptest::prop_assert!(out.starts_with("note: m"), "{}", out);
        }

        /// Whatever the lines and wherever the label, the characters above its marks are
        /// the label's, the place is its place in the article, and a line is at most about
        /// as wide as an excerpt may be.
        #[test]
        fn the_marks_sit_under_the_label(
            lines in proptest::collection::vec("[a-zé“” .]{0,300}", 1..4),
            crlf: bool,
            pick: usize,
            from: usize,
            len in 1usize..40,
        ) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            let index = pick % lines.len();
            let line = &lines[index];
            let chars: Vec<(usize, char)> = line.char_indices().collect();
            proptest::prop_assume!(!chars.is_empty());
            let first = from % chars.len();
            let last = (first + len).min(chars.len());
            let line_start: usize = lines[..index].iter().map(|l| l.len() + if crlf { 2 } else { 1 }).sum();
            let start = line_start + chars[first].0;
            let end = line_start + chars.get(last).map_or(line.len(), |c| c.0);
            let (out, _) = render(&text, std::slice::from_ref(&(start..end)));
            let (shown, above) = underlined(&out);
            proptest::prop_assert_eq!(&above, &text[start..end], "{}", out);
            let header = format!("┌─ a.md:{}:{}\n", index + 1, first + 1);
            proptest::prop_assert!(out.contains(&header), "{}", out);
            proptest::prop_assert!(shown.chars().count() <= WIDTH.max(last - first + CONTEXT) + 2, "{}", out);
            proptest::prop_assert!(line.contains(shown.trim_matches('…')), "{}", out);
        }
    }
}
