//! The pipeline, one way: discover files → load articles → load rules → extract claims →
//! run checks → (render, in main). Each stage lives in its own module; this file wires them.

use std::path::PathBuf;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::article::{Article, DateSource, LoadError};
use crate::checks::{self, Context};
use crate::discover;
use crate::extract::{self, Claim};
use crate::finding::{Finding, Severity};
use crate::rules::{self, LoadedRules};
use crate::suppress;

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub drafts: Vec<PathBuf>,
    pub rules: Vec<PathBuf>,
    pub as_of: Option<Date>,
    pub max_file_bytes: Option<u64>,
    /// Findings recorded in this baseline are not reported.
    pub baseline: Option<PathBuf>,
    /// Show a progress bar on standard error.
    pub progress: bool,
    /// Keep the findings before the baseline in [`Outcome::unbaselined`] (for
    /// `--write-baseline`).
    pub keep_unbaselined: bool,
}

/// Everything a run produced.
pub struct Outcome {
    pub articles: Vec<Article>,
    pub rules: LoadedRules,
    /// The claims, by fact: kept by `load`, let go by `check` once the checks have run.
    pub claims: Vec<Claim>,
    /// How many claims were found.
    pub claim_count: usize,
    pub findings: Vec<Finding>,
    pub input_errors: Vec<LoadError>,
    pub skipped: Vec<LoadError>,
    /// Findings after inline suppression, before a baseline took some away (what
    /// `--write-baseline` records); `None` when no baseline did, as the findings are those.
    pub unbaselined: Option<Vec<Finding>>,
    /// Baseline entries that matched no finding.
    pub stale_baseline: usize,
    /// What the built-in checks kept from each article.
    pub scans: checks::Scans,
    /// Inline suppression comments.
    pub directives: Vec<suppress::Directive>,
    /// How long each step took (for `--stats`).
    pub steps: crate::stats::Steps,
}

impl Outcome {
    /// What the renderers show of it.
    pub fn report(&self) -> crate::render::Report<'_> {
        crate::render::Report {
            articles: &self.articles,
            rules: &self.rules.rules,
            findings: &self.findings,
            claims: self.claim_count,
            rule_errors: &self.rules.errors,
            rule_file_errors: &self.rules.file_errors,
            input_errors: &self.input_errors,
            skipped: &self.skipped,
            stale_baseline: self.stale_baseline,
        }
    }

    /// 0: no error-level finding; 1: error-level findings; 2: an input or rule could not be
    /// read (findings are still reported).
    pub fn exit_code(&self) -> i32 {
        if !self.input_errors.is_empty()
            || !self.rules.errors.is_empty()
            || !self.rules.file_errors.is_empty()
        {
            2
        } else if self.findings.iter().any(|f| f.severity == Severity::Error) {
            1
        } else {
            0
        }
    }
}

/// Loads rules and articles and extracts claims (no checks): `newslint claims`. The texts
/// are let go as in a check: the fact sheet shows where each claim is, as it was noted.
pub fn load(options: &Options) -> Outcome {
    let mut outcome = pipeline(options, false);
    // Each claim noted its line and column while its text was loaded: a file is read again
    // only for a claim that could not.
    let unplaced: std::collections::HashSet<usize> = outcome
        .claims
        .iter()
        .filter(|c| c.place[0] == 0)
        .map(|c| c.article)
        .collect();
    for id in unplaced {
        outcome.articles[id].reload();
    }
    outcome
}

/// Files loaded and scanned together before their results are gathered: at most this many,
/// and about as many as hold `CHUNK_TEXT` bytes of text (a chunk's texts are all in memory
/// while its claims are extracted, and the next chunk is loaded meanwhile), times the
/// chunk scale of the rules (see [`chunk_scale`]).
const CHUNK: usize = 2048;
const CHUNK_TEXT: usize = 8 << 20;
/// The first chunk, before the size of the articles is known.
const FIRST_CHUNK: usize = 8;

/// How many times the usual chunk a run with `patterns` claim patterns takes: one for up to
/// 128 patterns, up to four for a pack of hundreds. Each pattern runs over the sentences a
/// whole chunk gives it in one go (see [`extract::extract_many`]); with hundreds of
/// patterns, a chunk of the usual size gives each only a few, and each time its automaton
/// has left the processor's cache. Four times the chunk took about a fifth off the
/// processor time of 300 rules at 1 GB, for up to about 50 MB more at a peak that their
/// claims already make several hundred.
fn chunk_scale(patterns: usize) -> usize {
    patterns.div_ceil(128).clamp(1, 4)
}

/// How many files the next chunk takes, from the text size of those seen so far.
fn next_chunk(files_seen: usize, text_seen: usize, scale: usize) -> usize {
    if files_seen == 0 {
        return FIRST_CHUNK;
    }
    let average = (text_seen / files_seen).max(1);
    (scale * CHUNK_TEXT / average).clamp(1, scale * CHUNK)
}

/// What the per-article pass keeps of one file.
struct Scanned {
    article: Article,
    claims: Vec<Claim>,
    scans: Vec<(usize, checks::Scan)>,
    directives: Vec<suppress::Directive>,
}

/// Discover → load → (per article, in parallel) date, extract claims, scan for the built-in
/// checks, find suppression comments, release the text. Memory then holds what was found,
/// not the corpus.
fn pipeline(options: &Options, with_checks: bool) -> Outcome {
    let mut steps = crate::stats::Steps::new();
    crate::folders::new_pass();
    // The rules are loaded, their examples checked and what the scans need built while the
    // files are found: neither needs the other.
    let ((rules, prefilter, plan), ((mut files, mut input_errors), (drafts, draft_errors))) =
        rayon::join(
            || {
                let mut rules = load_rules(&options.rules);
                // A broken example is a broken rule: report it with the rule errors.
                let examples = rules::examples::run(&rules.rules);
                rules.errors.extend(examples.errors);
                let prefilter = extract::Prefilter::new(&rules.rules);
                let plan = checks::ScanPlan::new(&rules.rules);
                (rules, prefilter, plan)
            },
            || {
                (
                    discover::discover(&options.paths, false),
                    discover::discover(&options.drafts, true),
                )
            },
        );
    steps.end("rules read, files found");
    input_errors.extend(draft_errors);
    // A draft given also as part of the corpus is a draft.
    // (Only a file with a draft's name can be that draft: the others need no system call.)
    if !drafts.is_empty() {
        let draft_names: std::collections::HashSet<_> =
            drafts.iter().filter_map(|d| d.path.file_name()).collect();
        files.retain(|f| {
            !(f.path.file_name().is_some_and(|n| draft_names.contains(n))
                && drafts.iter().any(|d| same_file(&d.path, &f.path)))
        });
    }
    if !drafts.is_empty() {
        files.extend(drafts);
        discover::sort_by_path(&mut files);
    }
    let max = discover::size_limit(options.max_file_bytes);
    let progress = crate::progress::Progress::new(files.len(), options.progress);
    // Sized up front: growing by doubling would briefly hold two copies of the records.
    let mut articles = Vec::with_capacity(files.len());
    // Each chunk's claims, in one list made to size at the end (see [`extract::in_order`]).
    let mut claims: Vec<Vec<Claim>> = Vec::new();
    let mut scans = checks::Scans::new();
    let mut directives = Vec::new();
    let mut skipped = Vec::new();
    // Files go through in chunks: what a chunk keeps is moved out before the next one, so a
    // large archive never holds two copies of every article's record. Loading a chunk and
    // extracting the claims of the one before run at the same time: each step ends waiting
    // for its slowest file, and the other keeps the cores busy meanwhile.
    let load_chunk = |chunk: &mut [discover::Discovered]| -> Vec<Result<Scanned, LoadError>> {
        chunk
            .par_iter_mut()
            .map(|file| {
                // The article takes the path over.
                let result = discover::load_one(std::mem::take(file), max).map(|mut article| {
                    assign_defaults(&mut article, &rules.rules, options);
                    let scans = if with_checks {
                        checks::scan_article(&article, &rules.rules, &plan)
                    } else {
                        Vec::new()
                    };
                    let directives = suppress::directives_of(&article);
                    Scanned {
                        article,
                        claims: Vec::new(),
                        scans,
                        directives,
                    }
                });
                progress.tick();
                result
            })
            .collect()
    };
    let mut finish_chunk = |mut results: Vec<Result<Scanned, LoadError>>| {
        // Claims are extracted for the whole chunk at once (pattern by pattern), then the
        // texts are let go.
        let loaded: Vec<&Article> = results
            .iter()
            .filter_map(|r| r.as_ref().ok().map(|s| &s.article))
            .collect();
        let mut claims_of = extract::extract_many(&loaded, &rules.rules, &prefilter).into_iter();
        for s in results.iter_mut().filter_map(|r| r.as_mut().ok()) {
            s.claims = claims_of.next().unwrap_or_default();
            s.article.release_text();
        }
        let mut chunk_claims = Vec::with_capacity(
            results
                .iter()
                .filter_map(|r| r.as_ref().ok())
                .map(|s| s.claims.len())
                .sum(),
        );
        for result in results {
            match result {
                Ok(mut s) => {
                    // Ids are positions among the articles that loaded.
                    let id = articles.len();
                    s.article.id = id;
                    for c in &mut s.claims {
                        c.article = id;
                    }
                    for (_, scan) in &mut s.scans {
                        for f in &mut scan.findings {
                            for l in &mut f.locations {
                                l.article = id;
                            }
                        }
                    }
                    for d in &mut s.directives {
                        d.article = id;
                    }
                    articles.push(s.article);
                    chunk_claims.extend(s.claims);
                    scans.add(&plan, id, s.scans);
                    directives.extend(s.directives);
                }
                Err(e) if e.skipped => skipped.push(e),
                Err(e) => input_errors.push(e),
            }
        }
        claims.push(chunk_claims);
    };
    let (mut done, mut text_seen) = (0, 0);
    let scale = chunk_scale(rules.rules.facts.iter().map(|f| f.patterns.len()).sum());
    let mut pending: Option<Vec<Result<Scanned, LoadError>>> = None;
    // Chunks are taken off the end of the list turned around, and the list is let go of as
    // it empties: on an archive it is over 10 MB, and loading ends at the run's peak.
    files.reverse();
    while !files.is_empty() || pending.is_some() {
        let n = next_chunk(done, text_seen, scale).min(files.len());
        let mut chunk = files.split_off(files.len() - n);
        chunk.reverse();
        done += n;
        if files.capacity() > 2 * files.len() + 4096 {
            files.shrink_to_fit();
        }
        let previous = pending.take();
        let (loaded, ()) = rayon::join(
            || load_chunk(&mut chunk),
            || {
                if let Some(previous) = previous {
                    finish_chunk(previous);
                }
            },
        );
        text_seen += loaded
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|s| s.article.text.len())
            .sum::<usize>();
        pending = (!loaded.is_empty()).then_some(loaded);
    }
    progress.finish();
    // The list of files and the buffers of the last chunks are free now (see
    // [`crate::memory`]).
    drop(files);
    crate::memory::release();
    let claims = extract::in_order(claims);
    steps.bytes = text_seen as u64;
    steps.end("files read, claims extracted, articles scanned");
    Outcome {
        articles,
        rules,
        claim_count: claims.len(),
        claims,
        findings: Vec::new(),
        input_errors,
        skipped,
        unbaselined: None,
        stale_baseline: 0,
        scans: scans.finish(plan),
        directives,
        steps,
    }
}

/// Source currency, configured dates and `--as-of` for one article.
fn assign_defaults(article: &mut Article, rules: &crate::rules::RuleSet, options: &Options) {
    let outlet = article.take_outlet();
    if let Some(source) = rules.source_for(&article.display, outlet.as_deref()) {
        article.set_source(source);
    }
    if article.date.is_some() {
        return;
    }
    // Resolving the path costs system calls: only when there are dates to look it up in.
    let configured = if rules.dates.is_empty() {
        None
    } else {
        let key = article
            .path()
            .canonicalize()
            .unwrap_or_else(|_| article.path().to_path_buf());
        rules.dates.get(&key).copied()
    };
    if let Some(date) = configured {
        article.date = Some(date);
        article.date_source = Some(DateSource::Config);
    } else if article.is_draft
        && let Some(date) = options.as_of
    {
        article.date = Some(date);
        article.date_source = Some(DateSource::AsOf);
    } else if article.is_draft {
        // What a draft without a date misses against a dated archive, and how to give it one.
        article.add_note(
            "the draft has no date: its relative values are not resolved, and its titles are \
             not compared with those of dated articles (`--as-of DATE` dates it)"
                .into(),
        );
    }
}

/// Finds and loads the rule files (`--rules`, else the default lookup).
pub fn load_rules(explicit: &[PathBuf]) -> LoadedRules {
    let cwd = std::env::current_dir().unwrap_or_default();
    match rules::locate(explicit, &cwd) {
        Ok(paths) => rules::load(&paths),
        Err(err) => LoadedRules {
            file_errors: vec![err],
            ..LoadedRules::default()
        },
    }
}

/// The full check.
pub fn check(options: &Options) -> Outcome {
    let mut outcome = pipeline(options, true);
    // The compiled patterns, the claims and what the scans kept serve up to the checks
    // across articles: they are let go before the findings are pinned, the other large step
    // of a run (with hundreds of rules, the patterns alone take tens of megabytes and an
    // archive's claims hundreds).
    outcome.rules.rules.release_regexes();
    let mut scans = std::mem::take(&mut outcome.scans);
    let ctx = Context {
        articles: &outcome.articles,
        rules: &outcome.rules.rules,
        claims: &outcome.claims,
        scans: &scans,
    };
    // Each step that goes over the files opens their folders anew (see `folders`).
    crate::folders::new_pass();
    let (mut findings, times) = checks::run_all_timed(&ctx);
    outcome.steps.end_with("checks across articles", times);
    let mut placed = std::mem::take(&mut scans.placed)
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    drop(scans);
    outcome.claims = Vec::new();
    crate::memory::release();
    findings = suppress::apply_inline(std::mem::take(&mut outcome.directives), findings);
    if !options.drafts.is_empty() {
        findings = only_drafts(&outcome.articles, findings);
    }
    // Only the articles a finding points into are read again, one at a time, to note the
    // lines and columns and the quoted text the output needs.
    let mut wanted = pins_by_article(&findings).into_iter().peekable();
    placed.sort();
    let mut shown: Vec<(usize, &mut Article, Pins)> = Vec::new();
    for (id, article) in outcome.articles.iter_mut().enumerate() {
        if let Some((_, pins)) = wanted.next_if(|(wanted, _)| *wanted == id) {
            shown.push((id, article, pins));
        }
    }
    crate::folders::new_pass();
    shown
        .par_iter_mut()
        .for_each(|(id, article, (offsets, spans))| article.pin(offsets, spans, placed.of(*id)));
    drop(shown);
    drop(placed);
    crate::memory::release();
    outcome.steps.end("files with findings looked at again");
    checks::sort_findings(&outcome.articles, &mut findings);
    if let Some(path) = &options.baseline {
        match suppress::read_baseline(path) {
            Ok(baseline) => {
                if options.keep_unbaselined {
                    outcome.unbaselined = Some(findings.clone());
                }
                let (kept, stale) =
                    suppress::apply_baseline(&outcome.articles, findings, &baseline);
                findings = kept;
                outcome.stale_baseline = stale;
            }
            Err(err) => outcome.input_errors.push(LoadError {
                path: discover::display_path(path),
                line: err.line,
                message: err.message,
                skipped: false,
            }),
        }
    }
    outcome.findings = findings;
    outcome.steps.end("findings sorted");
    // Showing the findings reads files again.
    crate::folders::new_pass();
    outcome
}

/// What a shown article must keep once its text is gone: the offsets findings point at,
/// and the spans their fingerprints quote.
type Pins = (Vec<usize>, Vec<std::ops::Range<usize>>);

/// The pins of each article the findings point into, in the order of the articles. Sorted
/// into groups rather than gathered in a map: a run over an archive has hundreds of
/// thousands of findings.
fn pins_by_article(findings: &[Finding]) -> Vec<(usize, Pins)> {
    // (article, span, whether it is its finding's first location)
    let mut marks: Vec<(usize, std::ops::Range<usize>, bool)> = findings
        .iter()
        .flat_map(|f| {
            (f.locations.iter().enumerate()).map(|(i, l)| (l.article, l.span.clone(), i == 0))
        })
        .collect();
    marks.par_sort_unstable_by_key(|(article, _, _)| *article);
    marks
        .chunk_by(|a, b| a.0 == b.0)
        .map(|group| {
            let offsets = group
                .iter()
                .flat_map(|(_, s, _)| [s.start, s.end])
                .collect();
            let spans = (group.iter().filter(|(_, _, first)| *first))
                .map(|(_, s, _)| s.clone())
                .collect();
            (group[0].0, (offsets, spans))
        })
        .collect()
}

/// Keeps findings that involve a draft, with the draft's location first.
fn only_drafts(articles: &[Article], mut findings: Vec<Finding>) -> Vec<Finding> {
    // Put in order by their first place before the draft's comes first, so that findings
    // alike at one place of a draft stay in the order of the places they came from (the
    // run's final sort keeps the order of findings it sees as alike).
    checks::sort_findings(articles, &mut findings);
    findings
        .into_iter()
        .filter_map(|mut f| {
            let first_draft = f
                .locations
                .iter()
                .position(|l| articles[l.article].is_draft)?;
            if first_draft != 0 {
                let loc = f.locations.remove(first_draft);
                f.locations.insert(0, loc);
            }
            Some(f)
        })
        .collect()
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_alike_at_a_draft_keep_the_order_of_their_other_places() {
        let article = |id: usize, name: &str, draft: bool| {
            let mut a =
                Article::from_bytes(id, std::path::Path::new(name), name.into(), b"t").unwrap();
            a.is_draft = draft;
            a
        };
        let articles = [
            article(0, "a.md", false),
            article(1, "b.md", false),
            article(2, "draft.md", true),
        ];
        let at = |article: usize| crate::finding::Location {
            article,
            span: 0..1,
            label: "".into(),
            value: None,
        };
        let finding = |other: usize| Finding {
            kind: crate::finding::Kind::Title,
            rule: "titles".into(),
            severity: Severity::Warning,
            message: format!("against {other}").into(),
            locations: vec![at(other), at(2)],
            notes: Vec::new(),
            help: None,
        };
        // Made in the order b.md, a.md; both end up first at the same place of the draft.
        let mut kept = only_drafts(&articles, vec![finding(1), finding(0)]);
        checks::sort_findings(&articles, &mut kept);
        let others: Vec<usize> = kept.iter().map(|f| f.locations[1].article).collect();
        assert_eq!(others, [0, 1]);
        assert!(kept.iter().all(|f| f.locations[0].article == 2));
    }

    #[test]
    fn pins_are_grouped_by_article_in_order_with_the_spans_of_first_locations() {
        let at = |article: usize, span: std::ops::Range<usize>| crate::finding::Location {
            article,
            span,
            label: "".into(),
            value: None,
        };
        let finding = |locations| Finding {
            kind: crate::finding::Kind::Term,
            rule: "terms".into(),
            severity: Severity::Warning,
            message: "".into(),
            locations,
            notes: Vec::new(),
            help: None,
        };
        let findings = [
            finding(vec![at(7, 10..14), at(2, 0..3)]),
            finding(vec![at(2, 5..9), at(7, 10..14)]),
            finding(vec![at(7, 30..31)]),
        ];
        let mut pins = pins_by_article(&findings);
        for (_, (offsets, spans)) in &mut pins {
            offsets.sort_unstable();
            spans.sort_unstable_by_key(|s| (s.start, s.end));
        }
        assert_eq!(
            pins,
            [
                (
                    2,
                    (vec![0, 3, 5, 9], vec![std::ops::Range { start: 5, end: 9 }])
                ),
                (7, (vec![10, 10, 14, 14, 30, 31], vec![10..14, 30..31])),
            ]
        );
        assert!(pins_by_article(&[]).is_empty());
    }

    #[test]
    fn the_fact_sheet_shows_claims_where_they_were_without_reading_files_again() {
        let dir = tempfile::tempdir().unwrap();
        let rules = dir.path().join("rules.yaml");
        std::fs::write(
            &rules,
            "facts:\n  - id: rate\n    type: percent\n    patterns: ['rate of {value}']\n",
        )
        .unwrap();
        let articles = dir.path().join("articles");
        std::fs::create_dir(&articles).unwrap();
        std::fs::write(
            articles.join("a.md"),
            "Title\r\nÉté: a rate of 25%.\nA rate of 30%, a rate of\n35%.\n",
        )
        .unwrap();
        // A value over a line break is placed where it starts.
        std::fs::write(articles.join("b.md"), "Title\nA rate of 40\n%.\n").unwrap();
        let outcome = load(&Options {
            paths: vec![articles.clone()],
            drafts: Vec::new(),
            rules: vec![rules],
            as_of: None,
            max_file_bytes: None,
            baseline: None,
            progress: false,
            keep_unbaselined: false,
        });
        let held: Vec<(&str, bool)> = outcome
            .articles
            .iter()
            .map(|a| (&*a.display, a.text.is_empty()))
            .collect();
        // Neither file was read again.
        assert_eq!(held.len(), 2);
        assert!(held.iter().all(|(_, released)| *released), "{held:?}");
        let sheet = crate::claims_output::Sheet::new(
            &outcome.articles,
            &outcome.rules.rules,
            &outcome.claims,
        );
        let rows: Vec<_> = sheet.rows().collect();
        let at: Vec<(&str, usize, usize)> = rows
            .iter()
            .map(|r| (r.raw.as_str(), r.line, r.column))
            .collect();
        assert_eq!(
            at,
            [
                ("25%", 2, 16),
                ("30%", 3, 11),
                ("35%", 4, 1),
                ("40\n%", 2, 11)
            ]
        );
    }

    #[test]
    fn chunks_hold_about_the_same_amount_of_text() {
        assert_eq!(next_chunk(0, 0, 1), FIRST_CHUNK);
        // News-sized articles: the chunk is as long as it may be.
        assert_eq!(next_chunk(10_000, 10_000 * 3_000, 1), CHUNK);
        // Articles of a megabyte: 8 at a time.
        assert_eq!(next_chunk(64, 64 << 20, 1), 8);
        // Very large files, or files that did not load: never less than one.
        assert_eq!(next_chunk(10, 10 << 30, 1), 1);
        assert_eq!(next_chunk(10, 0, 1), CHUNK);
        // A larger scale takes that many times the files and the text.
        assert_eq!(next_chunk(0, 0, 4), FIRST_CHUNK);
        assert_eq!(next_chunk(10_000, 10_000 * 3_000, 4), 4 * CHUNK);
        assert_eq!(next_chunk(64, 64 << 20, 4), 32);
    }

    #[test]
    fn only_packs_of_hundreds_of_patterns_take_larger_chunks() {
        // The shipped rules (a few dozen patterns) and a pack of 100 rules keep the usual
        // chunk; 300 rules (482 patterns) take four times it, and no pack more.
        assert_eq!(chunk_scale(0), 1);
        assert_eq!(chunk_scale(18), 1);
        assert_eq!(chunk_scale(128), 1);
        assert_eq!(chunk_scale(160), 2);
        assert_eq!(chunk_scale(482), 4);
        assert_eq!(chunk_scale(5000), 4);
    }
}
