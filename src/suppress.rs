//! Suppression: inline comments in articles and a baseline file.
//!
//! - `<!-- newslint-disable ID ... -->` anywhere in an article suppresses, for that file,
//!   findings whose rule (fact or check id) or kind is one of the ids (none: everything).
//! - `<!-- newslint-disable-next-line ID ... -->` does the same for the next line only.
//! - A baseline (`--write-baseline FILE`, then `--baseline FILE`) records the fingerprints of
//!   the findings a legacy archive already has, so only new ones are reported.
//!
//! A finding is matched by its primary location. A comment that suppresses nothing is
//! reported, so stale suppressions do not pile up.

use std::collections::HashMap;
use std::io;
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::finding::{Finding, Kind, Location, Severity, fingerprint};

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*newslint-disable(?P<next>-next-line)?(?P<ids>(?:\s+[\w.,-]+)*)\s*-->")
        .expect("valid")
});

/// One inline suppression comment.
#[derive(Debug, Clone)]
pub struct Directive {
    pub article: usize,
    pub span: Range<usize>,
    /// Empty: every rule.
    pub ids: Vec<String>,
    /// The byte range of the line it covers; None for the whole file.
    pub covers: Option<Range<usize>>,
    used: bool,
}

/// The suppression comments of one article (found while its text is loaded).
pub fn directives_of(article: &Article) -> Vec<Directive> {
    let text = article.text.as_str();
    if !may_hold_directive(text.as_bytes()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for caps in COMMENT.captures_iter(text) {
        let whole = caps.get(0).expect("match");
        let ids = caps
            .name("ids")
            .map(|m| {
                m.as_str()
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let covers = caps.name("next").map(|_| {
            let start = text[whole.end()..]
                .find('\n')
                .map_or(text.len(), |i| whole.end() + i + 1);
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            start..end
        });
        out.push(Directive {
            article: article.id,
            span: whole.range(),
            ids,
            covers,
            used: false,
        });
    }
    out
}

/// False when `bytes` holds no comment opening followed by the mark, as in most articles.
/// News text seldom holds a `<`: a search for that one byte, run over every article, is
/// several times faster than one for the mark; the mark is looked for only after a comment
/// opens (with its searcher built once: it costs as much to build as to search an article).
fn may_hold_directive(bytes: &[u8]) -> bool {
    static MARK: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"newslint-disable"));
    memchr::memchr_iter(b'<', bytes)
        .find(|&i| bytes[i..].starts_with(b"<!--"))
        .is_some_and(|open| MARK.find(&bytes[open..]).is_some())
}

fn matches(d: &Directive, f: &Finding, at: usize) -> bool {
    (d.ids.is_empty()
        || d.ids
            .iter()
            .any(|id| **id == *f.rule || id == f.kind.name()))
        && d.covers
            .as_ref()
            .is_none_or(|c| c.start <= at && at <= c.end)
}

/// Drops findings suppressed by inline comments and adds one for each unused comment.
pub fn apply_inline(mut dirs: Vec<Directive>, findings: Vec<Finding>) -> Vec<Finding> {
    if dirs.is_empty() {
        return findings;
    }
    // The comments by article, each article's own for the whole file first, then those of a
    // line in the order of their lines: a finding looks only at the comments of its file,
    // and of those of a line, only at the ones of its line (an archive can hold thousands
    // of comments, an article thousands of findings).
    let key = |d: &Directive| (d.article, d.covers.as_ref().map(|c| (c.start, c.end)));
    let mut order: Vec<usize> = (0..dirs.len()).collect();
    order.sort_by_key(|&i| key(&dirs[i]));
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings {
        let Some(p) = f.primary() else {
            kept.push(f);
            continue;
        };
        let (article, at) = (p.article, p.span.start);
        let first = order.partition_point(|&i| dirs[i].article < article);
        let end = first + order[first..].partition_point(|&i| dirs[i].article == article);
        let of_article = &order[first..end];
        let whole_file = of_article.partition_point(|&i| dirs[i].covers.is_none());
        let (file_wide, of_lines) = of_article.split_at(whole_file);
        // A comment covers one line, so the lines of two are the same or apart: those that
        // cover this place are the run of equal lines just before the first that starts
        // after it.
        let after =
            of_lines.partition_point(|&i| dirs[i].covers.as_ref().is_some_and(|c| c.start <= at));
        let covering = of_lines[..after]
            .iter()
            .rev()
            .take_while(|&&i| dirs[i].covers.as_ref().is_some_and(|c| at <= c.end))
            .count();
        let this_line = &of_lines[after - covering..after];
        let mut suppressed = false;
        for &i in file_wide.iter().chain(this_line) {
            if matches(&dirs[i], &f, at) {
                dirs[i].used = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(f);
        }
    }
    for d in dirs.into_iter().filter(|d| !d.used) {
        let what = if d.ids.is_empty() {
            "any finding".to_string()
        } else {
            d.ids.join(", ")
        };
        kept.push(Finding {
            kind: Kind::UnusedSuppression,
            rule: "unused-suppression".into(),
            severity: Severity::Info,
            message: format!(
                "unused-suppression: this comment suppresses {what}{}, but there is none",
                if d.covers.is_some() {
                    " on the next line"
                } else {
                    " in this file"
                }
            )
            .into(),
            locations: vec![Location {
                article: d.article,
                span: d.span,
                label: "suppresses nothing".into(),
                value: None,
            }],
            notes: Vec::new(),
            help: Some("remove the comment, or fix the rule id it names".into()),
        });
    }
    kept
}

/// A baseline as read: the keys of the findings it accepts. (Its file also gives each
/// finding's rule, path and message, for people reading it.)
#[derive(Debug, Default)]
pub struct Baseline {
    keys: Vec<Box<str>>,
}

impl Baseline {
    /// How many findings it accepts.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// One entry of a baseline file.
#[derive(Serialize)]
struct Entry<'a> {
    fingerprint: String,
    rule: &'a str,
    path: &'a str,
    message: &'a str,
}

/// A baseline file as read: of each entry only its key, borrowed from the text where
/// nothing in it is escaped (the file of an archive holds hundreds of thousands).
#[derive(Deserialize)]
struct BaselineFile<'a> {
    #[serde(rename = "version")]
    _version: u32,
    #[serde(borrow)]
    findings: Vec<Key<'a>>,
}

#[derive(Deserialize)]
struct Key<'a> {
    #[serde(borrow)]
    fingerprint: std::borrow::Cow<'a, str>,
}

/// Fingerprints with an occurrence number, so two identical findings in one file are two
/// entries.
fn keyed(articles: &[Article], findings: &[Finding]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    findings
        .iter()
        .map(|f| with_occurrence(&mut seen, fingerprint(articles, f)))
        .collect()
}

/// `fp` numbered by how many times `seen` has had it.
fn with_occurrence(seen: &mut HashMap<String, usize>, fp: String) -> String {
    let n = seen.entry(fp.clone()).or_insert(0);
    *n += 1;
    format!("{fp}-{n}")
}

/// Entries turned into JSON side by side at a time.
const ENTRIES_AT_ONCE: usize = 2048;

/// Writes the baseline of `findings` as `serde_json::to_writer_pretty` writes the whole file
/// (a test holds it to that), its entries made and turned into JSON a batch at a time: an
/// archive's baseline holds hundreds of thousands.
pub fn write_baseline(
    articles: &[Article],
    findings: &[Finding],
    out: &mut dyn io::Write,
) -> io::Result<()> {
    use rayon::prelude::*;
    out.write_all(b"{\n  \"version\": 1,\n  \"findings\": ")?;
    let mut seen: HashMap<String, usize> = HashMap::new();
    crate::render::write_array(out, 1, findings, ENTRIES_AT_ONCE, |batch| {
        // Numbered in order, then turned into JSON on every core.
        let prints: Vec<String> = batch.par_iter().map(|f| fingerprint(articles, f)).collect();
        let keys: Vec<String> = prints
            .into_iter()
            .map(|fp| with_occurrence(&mut seen, fp))
            .collect();
        batch
            .par_iter()
            .zip(keys)
            .map(|(f, fingerprint)| {
                let entry = Entry {
                    fingerprint,
                    rule: &f.rule,
                    path: f.primary().map_or("", |p| &*articles[p.article].display),
                    message: &f.message,
                };
                crate::render::pretty_vec(2, &entry)
            })
            .collect()
    })?;
    out.write_all(b"\n}")
}

/// Why a baseline file could not be used, and where in it (1-based line), when known.
#[derive(Debug, PartialEq)]
pub struct BaselineError {
    pub line: Option<usize>,
    pub message: String,
}

pub fn read_baseline(path: &Path) -> Result<Baseline, BaselineError> {
    let text = std::fs::read_to_string(path).map_err(|e| BaselineError {
        line: None,
        message: format!("cannot read baseline: {}", crate::discover::io_message(&e)),
    })?;
    parse_baseline(&text).map_err(|e| {
        // serde_json ends its message with the place, which is given here in words.
        let text = e.to_string();
        let what = text.rfind(" at line ").map_or(&text[..], |i| &text[..i]);
        let (line, place) = match e.line() {
            0 => (None, String::new()),
            line => (Some(line), format!(" (line {line}, column {})", e.column())),
        };
        BaselineError {
            line,
            message: format!("not a newslint baseline: {what}{place}"),
        }
    })
}

fn parse_baseline(text: &str) -> serde_json::Result<Baseline> {
    let file: BaselineFile = serde_json::from_str(text)?;
    Ok(Baseline {
        keys: file
            .findings
            .into_iter()
            .map(|k| k.fingerprint.into())
            .collect(),
    })
}

/// Drops findings recorded in the baseline; returns the kept findings and how many baseline
/// entries matched nothing.
pub fn apply_baseline(
    articles: &[Article],
    findings: Vec<Finding>,
    baseline: &Baseline,
) -> (Vec<Finding>, usize) {
    let keys = keyed(articles, &findings);
    let mut known: HashMap<&str, bool> = baseline.keys.iter().map(|k| (&**k, false)).collect();
    let mut kept = Vec::new();
    for (f, key) in findings.into_iter().zip(keys) {
        match known.get_mut(key.as_str()) {
            Some(used) => *used = true,
            None => kept.push(f),
        }
    }
    let stale = known.values().filter(|used| !**used).count();
    (kept, stale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::from_bytes(0, Path::new("a.md"), "a.md".into(), text.as_bytes()).unwrap()
    }

    fn finding(rule: &str, span: Range<usize>) -> Finding {
        Finding {
            kind: Kind::Hygiene,
            rule: rule.into(),
            severity: Severity::Warning,
            message: "m".into(),
            locations: vec![Location {
                article: 0,
                span,
                label: "".into(),
                value: None,
            }],
            notes: vec![],
            help: None,
        }
    }

    #[test]
    fn next_line_and_file_comments() {
        let text = "<!-- newslint-disable-next-line hygiene -->\nAlso Read: x\nAlso Read: y\n";
        let a = article(text);
        let l2 = text.find("Also Read: x").unwrap();
        let l3 = text.find("Also Read: y").unwrap();
        let kept = apply_inline(
            directives_of(&a),
            vec![
                finding("hygiene", l2..l2 + 4),
                finding("hygiene", l3..l3 + 4),
            ],
        );
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].locations[0].span.start, l3);

        let text = "<!-- newslint-disable terms -->\nAlso Read: x\n";
        let a = article(text);
        let kept = apply_inline(directives_of(&a), vec![finding("hygiene", 33..37)]);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[1].kind, Kind::UnusedSuppression);
    }

    #[test]
    fn a_comment_is_found_after_other_angle_brackets_and_comments() {
        let text = "a < b, <b>bold</b> <!-- a note --> <!--newslint-disable terms-->\n";
        assert_eq!(directives_of(&article(text)).len(), 1);
        // The mark without a comment opening before it is not a directive.
        assert!(!may_hold_directive(b"newslint-disable <!-- -->"));
        assert!(may_hold_directive(b"<!-- newslint-disable --> <!--"));
        assert!(directives_of(&article("newslint-disable terms -->\n")).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn every_text_with_a_comment_passes_the_first_search(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<", "<!--", "<!-", "!--", " ", "newslint-disable", "newslint-", "-->", "x",
                    "<!-- newslint-disable x -->",
                ]),
                0..12,
            )
        ) {
            let text = parts.concat();
            if COMMENT.is_match(&text) {
                proptest::prop_assert!(may_hold_directive(text.as_bytes()), "{}", text);
            }
        }
    }

    /// The baseline file `write_baseline` makes of `findings`.
    fn baseline_text(articles: &[Article], findings: &[Finding]) -> String {
        let mut out = Vec::new();
        write_baseline(articles, findings, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_baseline_is_written_as_serde_json_writes_it_whole_and_read_back() {
        #[derive(Serialize)]
        struct Whole<'a> {
            version: u32,
            findings: Vec<Entry<'a>>,
        }
        let articles = vec![article("Also Read: x\nAlso Read: x\nAlso Read: \"y\"\n")];
        let one = finding("hygiene", 0..12);
        let mut strange = finding("tab\there", 26..41);
        strange.message = "a \"quoted\" word, a back\\slash".into();
        // The same finding many times over, past a batch: each time numbered on.
        let many: Vec<Finding> = [one.clone(), finding("hygiene", 13..25), strange.clone()]
            .into_iter()
            .cycle()
            .take(ENTRIES_AT_ONCE * 2 + 5)
            .collect();
        let mut no_place = one.clone();
        no_place.locations.clear();
        for findings in [&[][..], &[one, strange, no_place][..], &many[..]] {
            let keys = keyed(&articles, findings);
            let whole = Whole {
                version: 1,
                findings: findings
                    .iter()
                    .zip(&keys)
                    .map(|(f, key)| Entry {
                        fingerprint: key.clone(),
                        rule: &f.rule,
                        path: f.primary().map_or("", |p| &*articles[p.article].display),
                        message: &f.message,
                    })
                    .collect(),
            };
            let text = baseline_text(&articles, findings);
            assert_eq!(text, serde_json::to_string_pretty(&whole).unwrap());
            let read = parse_baseline(&text).unwrap();
            let read: Vec<&str> = read.keys.iter().map(|k| &**k).collect();
            assert_eq!(read, keys);
        }
        // A key with an escape in it is read as what it says.
        let read = parse_baseline(
            r#"{"version": 1, "findings": [{"fingerprint": "a\"b\u00e9-1", "rule": "r"}]}"#,
        )
        .unwrap();
        assert_eq!(&*read.keys[0], "a\"b\u{e9}-1");
        assert!(parse_baseline(r#"{"findings": []}"#).is_err());
    }

    #[test]
    fn baseline_matches_by_text_not_line() {
        let a = vec![article("Also Read: x\n")];
        let f = vec![finding("hygiene", 0..12)];
        let base = parse_baseline(&baseline_text(&a, &f)).unwrap();
        let moved = vec![article("New first line.\n\nAlso Read: x\n")];
        let (kept, stale) = apply_baseline(&moved, vec![finding("hygiene", 17..29)], &base);
        assert!(kept.is_empty());
        assert_eq!(stale, 0);
        let (kept, stale) = apply_baseline(&moved, vec![], &base);
        assert!(kept.is_empty());
        assert_eq!(stale, 1);
    }

    /// What `apply_inline` gives, found by looking at every comment for every finding.
    fn apply_inline_by_look(mut dirs: Vec<Directive>, findings: Vec<Finding>) -> Vec<Finding> {
        let mut kept = Vec::new();
        for f in findings {
            let Some(p) = f.primary() else {
                kept.push(f);
                continue;
            };
            let mut suppressed = false;
            for d in dirs.iter_mut().filter(|d| d.article == p.article) {
                if matches(d, &f, p.span.start) {
                    d.used = true;
                    suppressed = true;
                }
            }
            if !suppressed {
                kept.push(f);
            }
        }
        let unused: Vec<Directive> = dirs.into_iter().filter(|d| !d.used).collect();
        let mut with_unused = apply_inline(unused, Vec::new());
        kept.append(&mut with_unused);
        kept
    }

    proptest::proptest! {
        /// Comments for whole files and for lines, of several articles, some on the same
        /// line, some naming rules and some not: the findings kept and the comments found
        /// unused are those a look at every comment for every finding gives.
        #[test]
        fn inline_comments_apply_as_a_look_at_each_of_them_would(
            comments in proptest::collection::vec(
                (0usize..3, proptest::option::of(0usize..6), 0usize..3), 0..30),
            places in proptest::collection::vec((0usize..3, 0usize..70, 0usize..3), 0..40),
        ) {
            // Articles of six lines of ten bytes: line k is k * 11 .. k * 11 + 10, its
            // line break at k * 11 + 10.
            let ids = [vec![], vec!["a".to_string()], vec!["b".to_string(), "hygiene".to_string()]];
            let dirs: Vec<Directive> = comments
                .iter()
                .enumerate()
                .map(|(n, &(article, line, named))| Directive {
                    article,
                    span: n..n + 1,
                    ids: ids[named].clone(),
                    covers: line.map(|k| k * 11..k * 11 + 10),
                    used: false,
                })
                .collect();
            let rules = ["a", "b", "c"];
            let findings: Vec<Finding> = places
                .iter()
                .map(|&(article, at, rule)| {
                    let mut f = finding(rules[rule], at..at + 1);
                    f.locations[0].article = article;
                    f
                })
                .collect();
            let shown = |found: Vec<Finding>| -> Vec<(String, usize, usize)> {
                found
                    .iter()
                    .map(|f| {
                        let p = f.primary().unwrap();
                        (f.rule.to_string(), p.article, p.span.start)
                    })
                    .collect()
            };
            proptest::prop_assert_eq!(
                shown(apply_inline(dirs.clone(), findings.clone())),
                shown(apply_inline_by_look(dirs, findings))
            );
        }
    }
}
