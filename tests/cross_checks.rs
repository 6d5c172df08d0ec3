//! End to end: the built-in cross-article checks (titles, terms, quotes, hygiene) on the
//! sample articles and on fixtures built around each check's traps.

mod common;

use common::{Diag, newslint};

const CHECKS: &[&str] = &["titles", "terms", "quotes", "hygiene"];

fn check_findings(diags: &[Diag]) -> Vec<(String, String, usize, String)> {
    diags
        .iter()
        .filter(|d| CHECKS.contains(&d.rule.as_str()))
        .map(|d| {
            (
                d.rule.clone(),
                d.locations[0].0.clone(),
                d.locations[0].1,
                d.locations.get(1).map(|l| l.0.clone()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn seeds_report_exactly_the_expected_style_findings() {
    let run = newslint(&["seeds/"]);
    let s000 = "seeds/000_bbb15b061d3f8454.txt";
    let s001 = "seeds/001_3e22afcecaafb256.txt";
    let s003 = "seeds/003_eb4dc8f604707b45.txt";
    let s004 = "seeds/004_bc91611cf220d0cd.txt";
    let mut expected = vec![
        ("quotes", s000, 3, s003),
        ("terms", s000, 31, s001),
        ("titles", s004, 7, s001),
        ("hygiene", s004, 9, ""),
        ("hygiene", s004, 11, ""),
        ("hygiene", s004, 17, ""),
        ("hygiene", s004, 35, ""),
        ("hygiene", s004, 37, ""),
        ("hygiene", s004, 39, ""),
        ("hygiene", s004, 41, ""),
    ]
    .into_iter()
    .map(|(r, p, l, o)| (r.to_string(), p.to_string(), l, o.to_string()))
    .collect::<Vec<_>>();
    let mut found = check_findings(&run.diags);
    expected.sort();
    found.sort();
    assert_eq!(found, expected, "\n{}", run.stdout);

    let quote = run.diags.iter().find(|d| d.rule == "quotes").unwrap();
    assert!(
        quote.body.contains("dropped: \"I spoke to him.\""),
        "{}",
        quote.body
    );
    let title = run.diags.iter().find(|d| d.rule == "titles").unwrap();
    assert!(
        title
            .message
            .contains("\"Intergovernmental Affairs Minister\"")
    );
    assert!(title.message.contains("\"Trade Minister\""));
    let term = run.diags.iter().find(|d| d.rule == "terms").unwrap();
    assert!(term.message.contains("\"aluminium\""), "{}", term.message);
    // Not the proper name, and not USMCA inside a quotation.
    assert!(!run.stdout.contains("\"Aluminium\" where"));
    assert!(!run.stdout.contains("\"USMCA\" where"));
    let kinds: Vec<&str> = run
        .diags
        .iter()
        .filter(|d| d.rule == "hygiene")
        .map(|d| d.message.as_str())
        .collect();
    assert!(kinds.iter().any(|m| m.contains("headline repeated")));
    assert!(kinds.iter().any(|m| m.contains("newsletter")));
    assert!(kinds.iter().filter(|m| m.contains("comment form")).count() == 2);
}

#[test]
fn traps_former_titles_shared_surnames_typography_and_proper_names() {
    let run = newslint(&["tests/fixtures/checks/traps/"]);
    let found = check_findings(&run.diags);
    // The one real inconsistency: "aluminium sector" among "aluminum" everywhere else.
    assert_eq!(
        found,
        vec![(
            "terms".to_string(),
            "tests/fixtures/checks/traps/2025-10-01-a.md".to_string(),
            7,
            "tests/fixtures/checks/traps/2025-10-02-b.md".to_string()
        )],
        "\n{}",
        run.stdout
    );
    let term = run.diags.iter().find(|d| d.rule == "terms").unwrap();
    assert!(term.body.contains("aluminium sector"), "{}", term.body);
}

#[test]
fn a_title_used_after_it_lapsed_is_stale() {
    let run = newslint(&[
        "--rules",
        "tests/fixtures/checks/stale-title/people.yaml",
        "tests/fixtures/checks/stale-title/",
    ]);
    let titles: Vec<&Diag> = run.diags.iter().filter(|d| d.rule == "titles").collect();
    assert_eq!(titles.len(), 1, "{}", run.stdout);
    assert_eq!(
        titles[0].locations[0].0,
        "tests/fixtures/checks/stale-title/2025-06-01-trade.md"
    );
    assert!(
        titles[0].message.contains("stale title"),
        "{}",
        titles[0].message
    );
    assert!(
        titles[0].body.contains("lapsed on 2025-05-13"),
        "{}",
        titles[0].body
    );
}

#[test]
fn checks_can_be_switched_off_and_relevelled() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newslint.yaml");
    std::fs::write(
        &config,
        "rules: []\nchecks:\n  hygiene: { enabled: false }\n  titles: { severity: error }\n",
    )
    .unwrap();
    let run = newslint(&["--rules", config.to_str().unwrap(), "seeds/"]);
    assert!(
        !run.diags.iter().any(|d| d.rule == "hygiene"),
        "{}",
        run.stdout
    );
    let title = run.diags.iter().find(|d| d.rule == "titles").unwrap();
    assert_eq!(title.severity, "error");
    assert_eq!(run.code, 1);
}

#[test]
fn the_rarer_spelling_is_shown_beside_the_common_one_in_another_article_with_its_counts() {
    let run = newslint(&["tests/fixtures/checks/term-counts/"]);
    let found = check_findings(&run.diags);
    // "percent" once, "per cent" four times in three articles: the one use of "percent" is
    // flagged, shown beside the first "per cent" outside its own article.
    assert_eq!(
        found,
        vec![(
            "terms".to_string(),
            "tests/fixtures/checks/term-counts/a.md".to_string(),
            5,
            "tests/fixtures/checks/term-counts/b.md".to_string()
        )],
        "\n{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("the corpus writes \"per cent\" 4 times in 3 articles"),
        "{}",
        run.stdout
    );
}

/// A passage quoted whole, and with a word ("our") dropped.
const FULL: &str = "“We will not sign a deal that hurts our workers, not now and not ever.”";
const CUT: &str = "“We will not sign a deal that hurts workers, not now and not ever.”";

/// Writes `name` in `dir`: an article dated `date` whose body is `body`.
fn write_article(dir: &std::path::Path, name: &str, date: &str, body: &str) {
    std::fs::write(dir.join(name), format!("---\ndate: {date}\n---\n{body}\n")).unwrap();
}

/// Writes each of `names` in `dir` as [`write_article`] does, all alike.
fn write_articles(
    dir: &std::path::Path,
    names: impl IntoIterator<Item = String>,
    date: &str,
    body: &str,
) {
    for name in names {
        write_article(dir, &name, date, body);
    }
}

/// Writes `a.md` in `dir`: an article that quotes the passage in full, then cut.
fn write_full_then_cut(dir: &std::path::Path) {
    write_article(
        dir,
        "a.md",
        "2025-09-03",
        &format!("She said: {FULL}\n\nLater: {CUT}"),
    );
}

/// The findings of one check (`rule`) of newslint run on `dir` with the shipped rules, and
/// its output.
fn findings_of(dir: &std::path::Path, rule: &str) -> (Vec<Diag>, String) {
    let run = newslint(&[
        "--rules",
        "rules",
        "--max-per-rule",
        "0",
        dir.to_str().unwrap(),
    ]);
    let found = run.diags.into_iter().filter(|d| d.rule == rule).collect();
    (found, run.stdout)
}

/// Each titles finding's person and level, in order of the person.
fn people_and_levels(titles: &[Diag]) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = titles
        .iter()
        .map(|t| {
            let name = t.message.split(" is \"").next().unwrap_or("");
            (
                name.trim_start_matches("titles: ").to_string(),
                t.severity.clone(),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn a_quotation_altered_within_one_article_is_not_a_rendering_of_itself() {
    let dir = tempfile::tempdir().unwrap();
    // One article quotes the passage twice, once with a word dropped: no finding.
    write_full_then_cut(dir.path());
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert!(quotes.is_empty(), "{stdout}");
    // Another article with the cut rendering: now the two articles differ.
    write_article(
        dir.path(),
        "b.md",
        "2025-09-04",
        &format!("She said: {CUT}"),
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert_eq!(quotes.len(), 1, "{stdout}");
    assert!(quotes[0].body.contains("dropped: \"our\""), "{stdout}");
    assert!(
        quotes[0].locations.iter().any(|l| l.0.ends_with("b.md"))
            && quotes[0].locations.iter().any(|l| l.0.ends_with("a.md")),
        "{stdout}"
    );
}

#[test]
fn a_rendering_is_reported_once_against_an_article_that_quotes_the_passage_twice() {
    let dir = tempfile::tempdir().unwrap();
    write_article(
        dir.path(),
        "a.md",
        "2025-09-03",
        &format!("She said: {FULL}\n\nShe said again: {FULL}"),
    );
    write_article(
        dir.path(),
        "b.md",
        "2025-09-04",
        &format!("She said: {CUT}"),
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert_eq!(quotes.len(), 1, "{stdout}");
    // The cut rendering, against the first of the two full ones.
    let (first, other) = (&quotes[0].locations[0], &quotes[0].locations[1]);
    assert!(first.0.ends_with("b.md"), "{stdout}");
    assert!(other.0.ends_with("a.md") && other.1 == 4, "{stdout}");
    // A third article with a rendering of its own is reported as well.
    let other_cut = "“We will not sign a deal that hurts our workers, not now.”";
    write_article(
        dir.path(),
        "c.md",
        "2025-09-05",
        &format!("She said: {other_cut}"),
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert_eq!(quotes.len(), 2, "{stdout}");
}

#[test]
fn a_passage_many_articles_quote_word_for_word_is_one_reading_however_many_they_are() {
    let dir = tempfile::tempdir().unwrap();
    // Three articles quote the passage in full, one cuts a word: one finding, against the
    // first of the three, not one against each.
    write_articles(
        dir.path(),
        (0..3).map(|i| format!("a{i:02}.md")),
        "2025-09-03",
        &format!("She said: {FULL}"),
    );
    write_article(
        dir.path(),
        "b.md",
        "2025-09-04",
        &format!("She said: {CUT}"),
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert_eq!(quotes.len(), 1, "{stdout}");
    assert!(quotes[0].locations[0].0.ends_with("b.md"), "{stdout}");
    assert!(quotes[0].locations[1].0.ends_with("a00.md"), "{stdout}");
    assert!(quotes[0].body.contains("dropped: \"our\""), "{stdout}");
    assert!(
        quotes[0].body.contains("2 other articles quote it as"),
        "{stdout}"
    );
    // Sixty: more quotations than a run of words shared by different ones may have before
    // it is taken for boilerplate; as one reading, the cut is still found, once.
    write_articles(
        dir.path(),
        (3..60).map(|i| format!("a{i:02}.md")),
        "2025-09-03",
        &format!("She said: {FULL}"),
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert_eq!(quotes.len(), 1, "{stdout}");
    assert!(quotes[0].locations[0].0.ends_with("b.md"), "{stdout}");
    assert!(
        quotes[0].body.contains("59 other articles quote it as"),
        "{stdout}"
    );
    // Sixty articles with the cut one: each is told once, against the first full one (the
    // cut one lacks a word, so it is the one told), and no full one against a cut one.
    std::fs::remove_file(dir.path().join("b.md")).unwrap();
    write_articles(
        dir.path(),
        (0..60).map(|i| format!("b{i:02}.md")),
        "2025-09-04",
        &format!("She said: {CUT}"),
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert_eq!(quotes.len(), 60, "{stdout}");
    assert!(
        quotes
            .iter()
            .all(|q| q.locations[0].0.contains("/b") && q.locations[1].0.ends_with("a00.md")),
        "{stdout}"
    );
}

#[test]
fn a_rendering_is_told_against_the_first_other_article_of_each_reading() {
    let dir = tempfile::tempdir().unwrap();
    // The first article gives the passage in full and, later, cut: its own two are no
    // renderings of each other, but the cut one differs from the full one of the next
    // articles, and is told so once, against the first of them.
    write_full_then_cut(dir.path());
    write_articles(
        dir.path(),
        ["b", "c", "d"].map(|name| format!("{name}.md")),
        "2025-09-04",
        &format!("She said: {FULL}"),
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert_eq!(quotes.len(), 1, "{stdout}");
    let (first, other) = (&quotes[0].locations[0], &quotes[0].locations[1]);
    assert!(first.0.ends_with("a.md") && first.1 == 6, "{stdout}");
    assert!(other.0.ends_with("b.md"), "{stdout}");
    assert!(
        quotes[0].body.contains("2 other articles quote it as"),
        "{stdout}"
    );
    // An article that gives only the cut one is told against the first article with the
    // full one, the first article of all.
    write_article(
        dir.path(),
        "e.md",
        "2025-09-05",
        &format!("She said: {CUT}"),
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert_eq!(quotes.len(), 2, "{stdout}");
    let e = quotes
        .iter()
        .find(|q| q.locations[0].0.ends_with("e.md"))
        .expect(&stdout);
    assert!(e.locations[1].0.ends_with("a.md"), "{stdout}");
}

#[test]
fn a_word_changed_in_one_article_is_told_once_whichever_file_comes_first() {
    // Neither rendering lacks words: the one fewer articles give is the one told, once,
    // against the first article of the other, wherever its file comes in the order.
    let changed = FULL.replace("hurts", "harms");
    for (odd, alike) in [("a.md", ["b.md", "c.md"]), ("c.md", ["a.md", "b.md"])] {
        let dir = tempfile::tempdir().unwrap();
        write_articles(
            dir.path(),
            alike.map(String::from),
            "2025-09-03",
            &format!("She said: {FULL}"),
        );
        write_article(
            dir.path(),
            odd,
            "2025-09-03",
            &format!("She said: {changed}"),
        );
        let (quotes, stdout) = findings_of(dir.path(), "quotes");
        assert_eq!(quotes.len(), 1, "{stdout}");
        let (told, against) = (&quotes[0].locations[0].0, &quotes[0].locations[1].0);
        assert!(told.ends_with(odd), "{stdout}");
        assert!(against.ends_with(alike[0]), "{stdout}");
        assert!(
            quotes[0].body.contains("changed: \"hurts\" → \"harms\""),
            "{stdout}"
        );
        assert!(
            quotes[0].body.contains("1 other article quotes it as"),
            "{stdout}"
        );
    }
    // As many give each: the one whose first quotation comes later is told.
    let dir = tempfile::tempdir().unwrap();
    write_article(
        dir.path(),
        "a.md",
        "2025-09-03",
        &format!("She said: {FULL}"),
    );
    write_article(
        dir.path(),
        "b.md",
        "2025-09-03",
        &format!("She said: {changed}"),
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert_eq!(quotes.len(), 1, "{stdout}");
    assert!(quotes[0].locations[0].0.ends_with("b.md"), "{stdout}");
}

#[test]
fn a_run_of_words_many_different_quotations_share_is_boilerplate() {
    // Each variant gives the passage with a word of its own; "a" articles give it in the
    // words of the first variant.
    let write = |dir: &std::path::Path, name: &str, variant: usize| {
        let body = format!(
            "She said: “We will not sign a deal that hurts our w{variant}x, not now and not ever.”"
        );
        write_article(dir, name, "2025-09-03", &body);
    };
    let quotes_in = |dir: &std::path::Path| {
        let (found, stdout) = findings_of(dir, "quotes");
        (found.len(), stdout)
    };
    // A few readings are renderings of one quotation, each told against each other.
    let dir = tempfile::tempdir().unwrap();
    for v in 0..4 {
        write(dir.path(), &format!("v{v:02}.md"), v);
    }
    let (found, stdout) = quotes_in(dir.path());
    assert_eq!(found, 6, "{stdout}");
    // Twenty readings in three articles each: more quotations share the run than a
    // quotation is quoted in alike, as a stock phrase is.
    let dir = tempfile::tempdir().unwrap();
    for v in 0..20 {
        for copy in 0..3 {
            write(dir.path(), &format!("v{v:02}-{copy}.md"), v);
        }
    }
    let (found, stdout) = quotes_in(dir.path());
    assert_eq!(found, 0, "{stdout}");
    // Sixty articles alike and five variants: one quotation, widely quoted. Each variant
    // is told once against the sixty (and against each other variant).
    let dir = tempfile::tempdir().unwrap();
    for a in 0..60 {
        write(dir.path(), &format!("a{a:02}.md"), 0);
    }
    for v in 1..=5 {
        write(dir.path(), &format!("v{v:02}.md"), v);
    }
    let (found, stdout) = quotes_in(dir.path());
    assert_eq!(found, 5 + 10, "{stdout}");
    // With fifty-one variants, the readings are too many to be one quotation.
    for v in 6..=51 {
        write(dir.path(), &format!("v{v:02}.md"), v);
    }
    let (found, stdout) = quotes_in(dir.path());
    assert_eq!(found, 0, "{stdout}");
}

#[test]
fn a_quotation_transcribed_in_another_house_spelling_is_not_a_rendering() {
    let dir = tempfile::tempdir().unwrap();
    // A London desk and a New York desk: British and American spelling, figures and words,
    // a wire copy's short forms.
    write_article(
        dir.path(),
        "london.md",
        "2025-09-03",
        "The minister said: “We realise our neighbours are sceptical, but this programme \
         has always been good for the workers on both sides of the border, and it will cut \
         tariffs by five per cent over two years.”",
    );
    write_article(
        dir.path(),
        "new-york.md",
        "2025-09-03",
        "The minister said: “We realize our neighbors are skeptical, but this program has \
         always been good for the workers on both sides of the border, and it will cut \
         tariffs by 5 pct over 2 years.”",
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert!(quotes.is_empty(), "{stdout}");
    // A third desk changed a word: that is a rendering, and only that word is told.
    write_article(
        dir.path(),
        "wire.md",
        "2025-09-04",
        "The minister said: “We realize our neighbors are skeptical, but this program has \
         always been good for the workers on both sides of the border, and it will lift \
         tariffs by 5 percent over two years.”",
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert_eq!(quotes.len(), 2, "{stdout}");
    for quote in &quotes {
        assert!(quote.locations[0].0.ends_with("wire.md"), "{stdout}");
        assert!(
            quote.body.contains("changed: \"cut\" → \"lift\""),
            "{stdout}"
        );
        for spelling in [
            "realise",
            "neighbours",
            "sceptical",
            "programme",
            "pct",
            "five",
            "2 ",
        ] {
            assert!(!quote.body.contains(&format!("\"{spelling}")), "{stdout}");
        }
    }
}

#[test]
fn the_writers_words_in_brackets_are_not_a_rendering() {
    let dir = tempfile::tempdir().unwrap();
    write_article(
        dir.path(),
        "a.md",
        "2025-09-03",
        "The analyst said: “This is not a candidate to lead the rally, and the company \
         will spend 250 million pounds on new plants over the next five years.”",
    );
    write_article(
        dir.path(),
        "b.md",
        "2025-09-03",
        "The analyst said: “This (Walter) is not a candidate to lead the rally, and the \
         company will spend 250 million [sterling] on new plants over the next five years.”",
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert!(quotes.is_empty(), "{stdout}");
    // A word changed besides is told alone.
    write_article(
        dir.path(),
        "c.md",
        "2025-09-04",
        "The analyst said: “This (Walter) is not a candidate to lead the rally, and the \
         company will spend 250 million [sterling] on new mills over the next five years.”",
    );
    let (quotes, stdout) = findings_of(dir.path(), "quotes");
    assert_eq!(quotes.len(), 2, "{stdout}");
    for quote in &quotes {
        assert!(
            quote.body.contains("changed: \"plants\" → \"mills\""),
            "{stdout}"
        );
        assert!(
            !quote.body.contains("dropped:") && !quote.body.contains("added:"),
            "{stdout}"
        );
    }
}

/// Line and column (in characters, 1-based) of a byte offset, with "\r\n", "\r" and "\n"
/// each ending a line.
fn line_and_column(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let lines = before.replace("\r\n", "\n").replace('\r', "\n");
    let line = lines.matches('\n').count() as u64 + 1;
    let column = lines.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
    (line, column)
}

#[test]
fn terms_findings_point_at_their_lines_and_columns_whatever_the_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "a.md",
            "The rate is 3 percent.\n\nIt was 2 percent, then 4 percent, now 5 percent.\n"
                .to_string(),
        ),
        (
            "b.md",
            "Title\r\n\r\nSales fell 3 per\r\ncent this year, 4 per cent in May.\r\n".to_string(),
        ),
        (
            "c.md",
            "Été\r\r\n« Déjà » — prices rose 3 per cent.\r\nAnd 2 per  cent.\n".to_string(),
        ),
    ];
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let config = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(config.path(), "rules: []\n").unwrap();
    let out = assert_cmd::Command::cargo_bin("newslint")
        .unwrap()
        .args(["--format", "json", "--rules"])
        .arg(config.path())
        .arg(dir.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let mut seen = Vec::new();
    for finding in report["findings"].as_array().unwrap() {
        if finding["rule"] != "terms" {
            continue;
        }
        let here = &finding["locations"][0];
        let path = here["path"].as_str().unwrap();
        let name = std::path::Path::new(path)
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        let text = &files.iter().find(|(n, _)| *n == name).unwrap().1;
        let written = finding["message"]
            .as_str()
            .unwrap()
            .split('"')
            .nth(1)
            .unwrap();
        // The use the finding points at, among those of its file, by its start.
        let (line, column) = (
            here["line"].as_u64().unwrap(),
            here["column"].as_u64().unwrap(),
        );
        let at = |(line, column)| {
            (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .find(|&i| line_and_column(text, i) == (line, column))
                .unwrap()
        };
        let start = at((line, column));
        let end = at((
            here["end_line"].as_u64().unwrap(),
            here["end_column"].as_u64().unwrap(),
        ));
        // The finding spans the use exactly, and names it on one line.
        let used = &text[start..end];
        assert_eq!(
            used.split_whitespace().collect::<Vec<_>>().join(" "),
            written,
            "{name}: {used:?}"
        );
        assert!(
            used.to_ascii_lowercase().starts_with("per") && used.ends_with("cent"),
            "{name}: {used:?}"
        );
        seen.push((
            name.to_string(),
            line,
            column,
            used.replace(['\r', '\n'], " "),
        ));
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            ("b.md", 3, 14, "per  cent"),
            ("b.md", 4, 19, "per cent"),
            ("c.md", 3, 26, "per cent"),
            ("c.md", 4, 7, "per  cent"),
        ]
        .map(|(n, l, c, w)| (n.to_string(), l, c, w.to_string())),
        "{report:#}"
    );
    assert_eq!(report["errors"], serde_json::json!([]), "{report:#}");
}

#[test]
fn titles_read_as_news_writes_them_are_not_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    // Each person below is given one title, or two offices at once, in the ways wire copy
    // writes them: none of them is a finding. The one real inconsistency is LeBlanc's.
    write_article(
        dir.path(),
        "a.md",
        "2025-10-01",
        "Microsoft Chairman and Chief Executive Bill Gates spoke first.\n\n\
         But Trade Minister Dominic LeBlanc said the talks would go on.\n\n\
         The trade figures were weak, Trade and Industry Secretary Ian Lang said, and Trade \
         and Industry Secretary Ian Lang left.\n\n\
         Federal Communications Commission Chairman Reed Hundt agreed, as did South Korea's \
         Finance Minister Chung In-yong and Defence Secretary Caspar Weinberger.\n\n\
         The director of the Federal Bureau of Investigation Director Jane Roe spoke too.\n\n\
         With Chairman Jack Smith at the wheel, the company grew.\n\n\
         Chinese Vice-Premier Tian Jiyun spoke. He and his shadow Chancellor Oliver Letwin \
         agreed. Farm Minister Viktor Khlystun came, as did Assistant Treasury Secretary David \
         Mulford. Vice-Premier Zhu Rongji spoke last.",
    );
    write_article(
        dir.path(),
        "b.md",
        "2025-10-02",
        "Chief Executive Officer Bill Gates said so.\n\n\
         Trade Minister Dominic LeBlanc agreed. Industry Secretary Ian Lang did not.\n\n\
         FCC Chairman Reed Hundt, South Korean Finance Minister Chung In-yong and Defense \
         Secretary Caspar Weinberger met West German Finance Minister Gerhard Stoltenberg.\n\n\
         FBI Director Jane Roe and GM Chairman Jack Smith were there.\n\n\
         Vice Premier Tian Jiyun agreed. Tory Shadow Chancellor Oliver Letwin did not. \
         Agriculture Minister Viktor Khlystun was there, as was Treasury Assistant Secretary \
         David Mulford. Premier Zhu Rongji left.",
    );
    write_article(
        dir.path(),
        "c.md",
        "2025-10-03",
        "Microsoft Chairman Bill Gates and CEO Bill Gates are one man.\n\n\
         Intergovernmental Affairs Minister Dominic LeBlanc spoke.\n\n\
         The bank said Poehl and CDU Finance Minister Gerhard Stoltenberg agreed.",
    );
    let (titles, stdout) = findings_of(dir.path(), "titles");
    assert_eq!(titles.len(), 2, "{stdout}");
    // In the order of their places: b.md, then c.md. A vice-premier is no premier, hyphen
    // or not.
    assert!(
        titles[0].message.contains("Zhu Rongji is \"Premier\"")
            && titles[0].message.contains("but \"Vice-Premier\""),
        "{}",
        titles[0].message
    );
    assert!(
        titles[1]
            .message
            .contains("Dominic LeBlanc is \"Intergovernmental Affairs Minister\"")
            && titles[1].message.contains("but \"Trade Minister\""),
        "{}",
        titles[1].message
    );
}

#[test]
fn titles_are_compared_only_between_articles_near_in_time() {
    let trade = "Trade Minister Dominic LeBlanc spoke.";
    let affairs = "Intergovernmental Affairs Minister Dominic LeBlanc spoke.";
    let undated = |dir: &std::path::Path, name: &str, body: &str| {
        std::fs::write(dir.join(name), format!("{body}\n")).unwrap();
    };
    let count = |dir: &tempfile::TempDir| findings_of(dir.path(), "titles").0.len();
    // Dated, 19 days apart: told.
    let near = tempfile::tempdir().unwrap();
    write_article(near.path(), "a.md", "2025-10-01", trade);
    write_article(near.path(), "b.md", "2025-10-20", affairs);
    assert_eq!(count(&near), 1);
    // Dated, two years apart: the title may have changed.
    let far = tempfile::tempdir().unwrap();
    write_article(far.path(), "a.md", "2023-10-01", trade);
    write_article(far.path(), "b.md", "2025-10-20", affairs);
    assert_eq!(count(&far), 0);
    // Both undated: one batch, told.
    let batch = tempfile::tempdir().unwrap();
    undated(batch.path(), "a.md", trade);
    undated(batch.path(), "b.md", affairs);
    assert_eq!(count(&batch), 1);
    // An undated article against a dated one: how far apart is unknown.
    let mixed = tempfile::tempdir().unwrap();
    write_article(mixed.path(), "a.md", "2025-10-01", trade);
    undated(mixed.path(), "b.md", affairs);
    assert_eq!(count(&mixed), 0);
    // A draft dated with `--as-of` meets the archive around that date.
    let draft = mixed.path().join("b.md");
    for (as_of, expected) in [("2025-10-20", 1), ("2027-01-01", 0)] {
        let run = newslint(&[
            "--rules",
            "rules",
            "--as-of",
            as_of,
            "--drafts",
            draft.to_str().unwrap(),
            mixed.path().to_str().unwrap(),
        ]);
        let titles = run.diags.iter().filter(|d| d.rule == "titles").count();
        assert_eq!(titles, expected, "--as-of {as_of}: {}", run.stdout);
        assert!(!run.stdout.contains("has no date"), "{}", run.stdout);
    }
    // Without it, the report says what the undated draft misses.
    let run = newslint(&[
        "--rules",
        "rules",
        "--drafts",
        draft.to_str().unwrap(),
        mixed.path().to_str().unwrap(),
    ]);
    assert!(
        run.stdout
            .contains("the draft has no date: its relative values are not resolved"),
        "{}",
        run.stdout
    );
}

#[test]
fn three_titles_used_once_each_are_told_alike_whichever_file_comes_first() {
    // Two of the titles agree ("Minister", "China's Foreign Minister"); the third is
    // another office. It is the one told, once, wherever its file comes: with the first
    // file's title as the reference, the two that agree were told against it.
    let sentences = [
        "The talks went on. Vice Foreign Minister Li Zhaoxing spoke.",
        "The talks went on. China's Foreign Minister Li Zhaoxing spoke.",
        "The talks went on. Minister Li Zhaoxing spoke.",
    ];
    for order in [[0, 1, 2], [1, 2, 0], [2, 0, 1]] {
        let dir = tempfile::tempdir().unwrap();
        for (name, &i) in ["a.md", "b.md", "c.md"].iter().zip(&order) {
            write_article(dir.path(), name, "2025-10-01", sentences[i]);
        }
        let (titles, stdout) = findings_of(dir.path(), "titles");
        assert_eq!(titles.len(), 1, "{order:?}: {stdout}");
        assert!(
            titles[0]
                .message
                .contains("Li Zhaoxing is \"Vice Foreign Minister\" here"),
            "{order:?}: {stdout}"
        );
    }
}

#[test]
fn a_nations_premier_is_its_prime_minister_and_a_capital_stands_for_its_government() {
    let dir = tempfile::tempdir().unwrap();
    write_article(
        dir.path(),
        "a.md",
        "2025-10-01",
        "Turkish Premier Turgut Ozal spoke first.\n\n\
         Ontario Premier Doug Ford spoke next.\n\n\
         Seoul Foreign Minister Yoo Chong-ha agreed.\n\n\
         Premier Jane Roe opened the talks.\n\n\
         Tokyo Trade Minister Kim Lee left early.",
    );
    write_article(
        dir.path(),
        "b.md",
        "2025-10-02",
        "Prime Minister Turgut Ozal agreed.\n\n\
         Prime Minister Doug Ford replied.\n\n\
         South Korean Foreign Minister Yoo Chong-ha left.\n\n\
         Prime Minister Jane Roe closed the talks.\n\n\
         Seoul Trade Minister Kim Lee stayed.",
    );
    let (titles, stdout) = findings_of(dir.path(), "titles");
    let mut named: Vec<&str> = titles
        .iter()
        .map(|t| t.message.split(" is \"").next().unwrap_or(""))
        .collect();
    named.sort();
    // A province's premier is not the prime minister; without a nation named, "Premier" and
    // "Prime Minister" stay apart; Tokyo's minister is not Seoul's. Ozal (Turkey's premier)
    // and Yoo (Seoul's minister is South Korea's) are no finding.
    assert_eq!(
        named,
        ["titles: Doug Ford", "titles: Jane Roe", "titles: Kim Lee"],
        "{stdout}"
    );
}

#[test]
fn a_short_name_in_capitals_is_the_name_it_spells_out() {
    let dir = tempfile::tempdir().unwrap();
    write_article(
        dir.path(),
        "a.md",
        "2025-10-01",
        "AOL Chairman Steve Case spoke first.\n\n\
         NYMEX President Rosemary McFadden agreed.\n\n\
         BT Chief Executive Peter Bonfield left.\n\n\
         IBM Chairman Lou Gerstner stayed.",
    );
    write_article(
        dir.path(),
        "b.md",
        "2025-10-02",
        "America Online Chairman Steve Case replied.\n\n\
         New York Mercantile Exchange President Rosemary McFadden spoke.\n\n\
         British Telecom Chief Executive Peter Bonfield came.\n\n\
         Intel Chairman Lou Gerstner spoke.",
    );
    let (titles, stdout) = findings_of(dir.path(), "titles");
    // Only the company that "IBM" does not spell out is another title.
    assert_eq!(titles.len(), 1, "{stdout}");
    assert!(titles[0].message.contains("Lou Gerstner"), "{stdout}");
}

#[test]
fn two_top_offices_of_one_company_are_a_note_as_one_person_often_holds_both() {
    let dir = tempfile::tempdir().unwrap();
    write_article(
        dir.path(),
        "a.md",
        "2025-10-01",
        "GM Chairman Jack Smith spoke first.\n\n\
         Chief Executive Larry Ellison agreed.\n\n\
         Lynch Chairman Mario Gabelli left.\n\n\
         President Robert Lutz stayed.\n\n\
         Apple Chairman Gil Amelio came.",
    );
    write_article(
        dir.path(),
        "b.md",
        "2025-10-02",
        "GM Chief Executive Officer Jack Smith replied.\n\n\
         Oracle Chairman Larry Ellison spoke.\n\n\
         GAMCO Chairman Mario Gabelli came.\n\n\
         Vice President Robert Lutz left.\n\n\
         Intel Chief Executive Gil Amelio spoke.",
    );
    let (titles, stdout) = findings_of(dir.path(), "titles");
    // Chairman and chief executive of one company (or with one side naming none) is a note;
    // two companies, or a vice president against a president, stay warnings.
    assert_eq!(
        people_and_levels(&titles),
        [
            ("Gil Amelio".to_string(), "warning".to_string()),
            ("Jack Smith".to_string(), "note".to_string()),
            ("Larry Ellison".to_string(), "note".to_string()),
            ("Mario Gabelli".to_string(), "warning".to_string()),
            ("Robert Lutz".to_string(), "warning".to_string()),
        ],
        "{stdout}"
    );
    let smith = titles
        .iter()
        .find(|t| t.message.contains("Jack Smith"))
        .unwrap();
    assert!(
        smith.body.contains("one person often holds both"),
        "{}",
        smith.body
    );
    // A level the user sets for the check is every finding's.
    let elsewhere = tempfile::tempdir().unwrap();
    let config = elsewhere.path().join("newslint.yaml");
    std::fs::write(
        &config,
        "rules: []\nchecks:\n  titles: { severity: error }\n",
    )
    .unwrap();
    let run = newslint(&[
        "--rules",
        config.to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    let titles: Vec<Diag> = run
        .diags
        .into_iter()
        .filter(|d| d.rule == "titles")
        .collect();
    assert_eq!(titles.len(), 5, "{}", run.stdout);
    assert!(
        titles.iter().all(|t| t.severity == "error"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_office_of_state_against_a_company_office_stays_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write_article(
        dir.path(),
        "a.md",
        "2025-10-01",
        "Senate Finance Committee Chairman Lloyd Bentsen spoke.\n\n\
         Chairman Xi Jinping spoke.\n\n\
         Federal Reserve Chairman Paul Volcker spoke.",
    );
    write_article(
        dir.path(),
        "b.md",
        "2025-10-02",
        "President Lloyd Bentsen spoke.\n\n\
         President Xi Jinping spoke.\n\n\
         President Paul Volcker spoke.",
    );
    let (titles, stdout) = findings_of(dir.path(), "titles");
    // A committee's or the Fed's chairman, or a chairman and a president with no company
    // named, may be an office of state: each difference stays a warning.
    assert_eq!(titles.len(), 3, "{stdout}");
    assert!(titles.iter().all(|t| t.severity == "warning"), "{stdout}");
}

#[test]
fn a_party_leader_and_a_floor_leader_or_a_short_name_are_notes_and_a_department_letters_agree() {
    let dir = tempfile::tempdir().unwrap();
    write_article(
        dir.path(),
        "a.md",
        "2025-10-01",
        "Senate Majority Leader Robert Byrd spoke.\n\n\
         House Majority Leader Jim Wright spoke.\n\n\
         Senate Majority Leader Bob Dole spoke.\n\n\
         AOL CEO Steve Case spoke.\n\n\
         USDA Secretary Richard Lyng spoke.\n\n\
         HUD Secretary Samuel Pierce spoke.",
    );
    write_article(
        dir.path(),
        "b.md",
        "2025-10-02",
        "Senate Democratic Leader Robert Byrd replied.\n\n\
         House Democratic Leader Jim Wright replied.\n\n\
         Senate Minority Leader Bob Dole replied.\n\n\
         America Online Chairman Steve Case replied.\n\n\
         Agriculture Secretary Richard Lyng replied.\n\n\
         Energy Secretary Samuel Pierce replied.",
    );
    let (titles, stdout) = findings_of(dir.path(), "titles");
    // A Senate party leader is its majority or minority leader: a note. The House's
    // majority leader is not its party's leader, nor a majority leader a minority leader:
    // warnings. USDA's secretary is the Agriculture Secretary; HUD's is not Energy's.
    assert_eq!(
        people_and_levels(&titles),
        [
            ("Bob Dole".to_string(), "warning".to_string()),
            ("Jim Wright".to_string(), "warning".to_string()),
            ("Robert Byrd".to_string(), "note".to_string()),
            ("Samuel Pierce".to_string(), "warning".to_string()),
            ("Steve Case".to_string(), "note".to_string()),
        ],
        "{stdout}"
    );
    let byrd = titles
        .iter()
        .find(|t| t.message.contains("Robert Byrd"))
        .unwrap();
    assert!(
        byrd.body.contains("majority or minority leader"),
        "{}",
        byrd.body
    );
}

#[test]
fn a_central_bank_governor_against_its_president_is_a_note() {
    let dir = tempfile::tempdir().unwrap();
    write_article(
        dir.path(),
        "a.md",
        "1987-03-10",
        "Central Bank Governor Francisco Gros spoke.\n\n\
         Central Bank Deputy Governor Ana Lima spoke.\n\n\
         Fed Governor Wayne Angell spoke.",
    );
    write_article(
        dir.path(),
        "b.md",
        "1987-03-11",
        "Brazilian Central Bank President Francisco Gros replied.\n\n\
         Central Bank President Ana Lima replied.\n\n\
         Fed President Wayne Angell replied.",
    );
    let (titles, stdout) = findings_of(dir.path(), "titles");
    // The head of a central bank is called either; a deputy governor is not its
    // president, nor a Fed governor a Fed president.
    assert_eq!(
        people_and_levels(&titles),
        [
            ("Ana Lima".to_string(), "warning".to_string()),
            ("Francisco Gros".to_string(), "note".to_string()),
            ("Wayne Angell".to_string(), "warning".to_string()),
        ],
        "{stdout}"
    );
}

#[test]
fn a_spelling_broken_over_two_lines_is_named_on_one() {
    let dir = tempfile::tempdir().unwrap();
    write_article(
        dir.path(),
        "a.md",
        "2025-10-01",
        "Prices rose 5 percent, then 3 percent, then 2 percent.",
    );
    write_article(
        dir.path(),
        "b.md",
        "2025-10-02",
        "Exports fell 4 per\ncent in the month, the agency said.",
    );
    let (terms, stdout) = findings_of(dir.path(), "terms");
    assert_eq!(terms.len(), 1, "{stdout}");
    assert!(
        terms[0]
            .message
            .contains("\"per cent\" where the house style is \"percent\""),
        "{}",
        terms[0].message
    );
}

#[test]
fn two_offices_at_once_are_judged_by_the_one_before_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let people = dir.path().join("people.yaml");
    std::fs::write(
        &people,
        "people:\n  - name: Dominic LeBlanc\n    titles:\n      - { title: Trade Minister }\n      \
         - { title: Intergovernmental Affairs Minister, since: 2025-07-01 }\n",
    )
    .unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    write_article(
        &articles,
        "a.md",
        "2025-10-01",
        "Trade Minister and Intergovernmental Affairs Minister Dominic LeBlanc spoke.",
    );
    write_article(
        &articles,
        "b.md",
        "2025-06-01",
        "Trade Minister and Intergovernmental Affairs Minister Dominic LeBlanc spoke.",
    );
    write_article(
        &articles,
        "c.md",
        "2025-10-02",
        "Trade Minister and Finance Minister Dominic LeBlanc spoke.",
    );
    // The trap: the first office may be another person's ("talks between the Finance
    // Minister and Trade Minister Dominic LeBlanc"), so it is not held against LeBlanc.
    write_article(
        &articles,
        "d.md",
        "2025-10-03",
        "Talks between the Finance Minister and Trade Minister Dominic LeBlanc went on.",
    );
    let run = newslint(&[
        "--rules",
        people.to_str().unwrap(),
        articles.to_str().unwrap(),
    ]);
    let mut titles: Vec<(String, &str)> = run
        .diags
        .iter()
        .filter(|d| d.rule == "titles")
        .map(|d| (d.locations[0].0.clone(), d.message.as_str()))
        .collect();
    titles.sort();
    assert_eq!(titles.len(), 2, "{}", run.stdout);
    // Both offices held on its date: no finding for a.md. Before the second began: stale.
    assert!(
        titles[0].0.ends_with("b.md") && titles[0].1.contains("stale title"),
        "{titles:?}"
    );
    // The office right before the name not accepted (and none for d.md).
    assert!(
        titles[1].0.ends_with("c.md") && titles[1].1.contains("is not an accepted title"),
        "{titles:?}"
    );
}
