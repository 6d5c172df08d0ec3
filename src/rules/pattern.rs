//! Claim patterns: user regexes with typed placeholders.
//!
//! `{value}` expands to the grammar of the fact's type in a named group; `{was}` (the value
//! before) uses the same grammar; `{when}` (the date the claim speaks for) uses the date
//! grammar. A space in a pattern matches any run of whitespace, line breaks included, so a
//! claim wrapped across two lines is still found.
//!
//! The grammars are most of every pattern's size, and a pack holds hundreds of patterns:
//! each grammar is parsed once per run, and a pattern is parsed with a one-character stand-in
//! for it that is then swapped for the grammar's parsed form. The result is the regex that
//! parsing the whole expanded text gives (tests compare the two), for about half the time.
//! The regex itself is built when it is first needed (see [`compile_pattern`]).

use std::sync::OnceLock;

use regex_automata::meta;
use regex_automata::util::syntax;
use regex_syntax::hir::{Capture, Hir, HirKind, Repetition};

use crate::values::ValueType;

/// A compiled claim pattern.
pub type Regex = meta::Regex;

/// Compiled-size limit of one pattern, so a hostile rule cannot exhaust memory.
pub const REGEX_SIZE_LIMIT: usize = 2 * 1024 * 1024;

pub const PLACEHOLDERS: &[&str] = &["value", "was", "when"];

/// Stands for a grammar while a pattern is parsed: a character no news text holds (a Unicode
/// noncharacter), with no case to fold.
const STAND_IN: char = '\u{10FFFD}';

/// Named fragments: shorthands that match but capture nothing, usable any number of times.
pub const FRAGMENTS: &[(&str, &str)] = &[
    // A capitalised name of two or three words ("Mark Carney", "Claudia Sheinbaum Pardo").
    (
        "person",
        r"(?-i:[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,2})",
    ),
    ("month", crate::values::MONTH_NAMES),
    ("weekday", crate::values::WEEKDAY_NAMES),
];

#[derive(Debug, Clone)]
pub struct Pattern {
    /// The pattern as written in the rule file.
    pub source: String,
    /// The pattern with placeholders reduced to one character, for literal extraction.
    pub skeleton: String,
    /// The type and case of the fact, to build the regex from `source`.
    ty: ValueType,
    case_sensitive: bool,
    /// The regex, built the first time an article may hold a match (see [`compile_pattern`]).
    regex: OnceLock<Result<Regex, String>>,
}

impl Pattern {
    /// The compiled regex. Building it cannot fail for a pattern [`compile_pattern`]
    /// accepted (an `Err` would carry the builder's message).
    pub fn regex(&self) -> Result<&Regex, &str> {
        self.regex
            .get_or_init(|| build(&pattern_hir(&self.source, self.ty, self.case_sensitive)?))
            .as_ref()
            .map_err(String::as_str)
    }

    /// Lets go of the compiled regex (a pack of hundreds of rules holds tens of megabytes
    /// of them); [`Pattern::regex`] builds it again if it is asked for later.
    pub fn release_regex(&mut self) {
        self.regex = OnceLock::new();
    }
}

/// Expands placeholders and whitespace; errors say what is wrong in the user's terms.
pub fn expand_placeholders(source: &str, ty: ValueType) -> Result<String, String> {
    expand_with(source, |p| type_of(p, ty).grammar().to_string())
}

/// The type whose grammar a placeholder stands for in a pattern of type `ty`.
fn type_of(placeholder: &str, ty: ValueType) -> ValueType {
    if placeholder == "when" {
        ValueType::Date
    } else {
        ty
    }
}

/// Expands placeholders (each to what `fill` gives for its name) and whitespace.
fn expand_with(source: &str, fill: impl Fn(&str) -> String) -> Result<String, String> {
    let (out, counts) = expand(source, Some(&fill))?;
    if counts[0] == 0 {
        return Err(
            "pattern has no `{value}`: write `{value}` where the value of the fact appears"
                .to_string(),
        );
    }
    Ok(out)
}

/// Expands whitespace, and placeholders when there is a `fill` (a pattern without them,
/// as `exclude:` is, keeps braces as they are), counting each placeholder.
fn expand(
    source: &str,
    fill: Option<&dyn Fn(&str) -> String>,
) -> Result<(String, [usize; 3]), String> {
    let mut out = String::with_capacity(source.len() * 2);
    let mut counts = [0usize; 3];
    let mut in_class = false;
    let mut chars = source.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => match chars.next() {
                // ASCII word boundaries keep the fast DFA on text with curly quotes or
                // accents (a Unicode `\b` makes the engine fall back to a slower one).
                Some((_, b @ ('b' | 'B'))) if !in_class => {
                    out.push_str(&format!("(?-u:\\{b})"));
                }
                Some((_, next)) => {
                    out.push(c);
                    out.push(next);
                }
                None => out.push(c),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` right after `[` or `[^` is a literal.
                if let Some(&(_, '^')) = chars.peek() {
                    out.push('^');
                    chars.next();
                }
                if let Some(&(_, ']')) = chars.peek() {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            ' ' if !in_class => {
                while let Some(&(_, ' ')) = chars.peek() {
                    chars.next();
                }
                // A quantifier after the space is the space's: "hong ?kong" is "hong kong"
                // or "hongkong" (`\s+?` would be a lazy run of one space or more).
                let rest = chars.peek().map_or("", |&(j, _)| &source[j..]);
                let quantified = rest.starts_with(['?', '*', '+'])
                    || rest
                        .strip_prefix('{')
                        .is_some_and(|r| r.starts_with(|d: char| d.is_ascii_digit()));
                out.push_str(if quantified { r"(?:\s+)" } else { r"\s+" });
            }
            '{' if !in_class && fill.is_some() => {
                let rest = &source[i + 1..];
                let name = PLACEHOLDERS
                    .iter()
                    .position(|p| rest.starts_with(p) && rest[p.len()..].starts_with('}'));
                let fragment = FRAGMENTS
                    .iter()
                    .find(|(f, _)| rest.starts_with(f) && rest[f.len()..].starts_with('}'));
                if let (None, Some((f, text))) = (name, fragment) {
                    out.push_str(text);
                    for _ in 0..f.len() + 1 {
                        chars.next();
                    }
                    continue;
                }
                match name {
                    Some(k) => {
                        let p = PLACEHOLDERS[k];
                        counts[k] += 1;
                        if counts[k] > 1 {
                            return Err(format!(
                                "`{{{p}}}` is used twice in one pattern; a pattern captures one {p}"
                            ));
                        }
                        let grammar = fill.map(|fill| fill(p)).unwrap_or_default();
                        out.push_str(&format!("(?P<{p}>{grammar})"));
                        for _ in 0..p.len() + 1 {
                            chars.next();
                        }
                    }
                    None => out.push(c),
                }
            }
            _ => out.push(c),
        }
    }
    Ok((out, counts))
}

/// The pattern with every placeholder reduced to "one character": what literal
/// extraction needs, without the size of the value grammars.
pub fn skeleton(source: &str) -> String {
    let mut s = source.to_string();
    for p in PLACEHOLDERS {
        s = s.replace(&format!("{{{p}}}"), "(?:.)");
    }
    for (f, _) in FRAGMENTS {
        s = s.replace(&format!("{{{f}}}"), "(?:.)");
    }
    // Spaces become `\s+` as in the real expansion; the grammar type does not matter here.
    expand_placeholders(&format!("{s} {{value}}"), ValueType::Count)
        .map(|e| {
            let tail = format!(r"\s+(?P<value>{})", ValueType::Count.grammar());
            e.strip_suffix(&tail).map(str::to_string).unwrap_or(e)
        })
        .unwrap_or_default()
}

/// Checks a claim pattern for a fact of type `ty`, and compiles it when it may be too large.
///
/// In a pack of hundreds of rules, most patterns find nothing in a given corpus: their
/// regex is built on first use, so a rule costs next to nothing until an article may hold
/// its claim. Every error is still found here: parsing reports the syntax, and a pattern
/// that could exceed the size limit (see `size_bound`) is built now, so one that is
/// deferred always builds.
pub fn compile_pattern(
    source: &str,
    ty: ValueType,
    case_sensitive: bool,
) -> Result<Pattern, String> {
    let bound = load_bound(source, ty, case_sensitive)?;
    let regex = OnceLock::new();
    if bound > REGEX_SIZE_LIMIT {
        let _ = regex.set(Ok(build(&pattern_hir(source, ty, case_sensitive)?)?));
    }
    Ok(Pattern {
        source: source.to_string(),
        skeleton: skeleton(source),
        ty,
        case_sensitive,
        regex,
    })
}

/// The [`size_bound`] of a claim pattern, from its own parsed text and the bounds of the
/// grammars (counted once per run), without building the whole pattern.
fn load_bound(source: &str, ty: ValueType, case_sensitive: bool) -> Result<usize, String> {
    if has_inline_flags(source) {
        return Ok(size_bound(
            &pattern_hir(source, ty, case_sensitive)?,
            &|_| None,
        ));
    }
    let stand_in = whole_words(parse(
        &expand_with(source, |_| STAND_IN.to_string())?,
        case_sensitive,
    )?);
    Ok(size_bound(&stand_in, &|name| {
        grammar_bound(type_of(name, ty), case_sensitive)
    }))
}

/// The parsed form of a claim pattern, grammars included.
fn pattern_hir(source: &str, ty: ValueType, case_sensitive: bool) -> Result<Hir, String> {
    // Errors in the user's terms (no `{value}`, a placeholder twice) come from the expansion,
    // whichever is made.
    if has_inline_flags(source) {
        // A flag such as `(?x)` set in the pattern would apply to the grammar too: parse the
        // whole expansion, as written.
        Ok(whole_words(parse(
            &expand_placeholders(source, ty)?,
            case_sensitive,
        )?))
    } else {
        let stand_in = expand_with(source, |_| STAND_IN.to_string())?;
        Ok(splice(
            whole_words(parse(&stand_in, case_sensitive)?),
            &|name| grammar_hir(type_of(name, ty), case_sensitive),
        ))
    }
}

/// `hir`, matching whole words at its edges: a pattern that begins with a letter or a digit
/// begins a word ("his second visit" does not match inside "this second visit", nor "EC's"
/// inside "OPEC's"), and one that ends with one ends a word ("(?:EC|Community)" does not
/// match the start of "economic"). An edge that may be punctuation, a space or a
/// placeholder (whose grammar has its own boundaries) is left as written. ASCII boundaries:
/// a Unicode one would keep the regex engine off its fast DFA on any text with an accent.
fn whole_words(hir: Hir) -> Hir {
    use regex_syntax::hir::Look;
    let starts = edge_of(&hir, Edge::Start) == EdgeKind::Word;
    let ends = edge_of(&hir, Edge::End) == EdgeKind::Word;
    if !starts && !ends {
        return hir;
    }
    let mut parts = Vec::with_capacity(3);
    if starts {
        parts.push(Hir::look(Look::WordAscii));
    }
    parts.push(hir);
    if ends {
        parts.push(Hir::look(Look::WordAscii));
    }
    Hir::concat(parts)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

/// What every match of a part of a pattern has at one edge.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum EdgeKind {
    /// An ASCII word character (a letter, a digit, `_`).
    Word,
    /// Nothing (the part may match the empty text), or else a word character.
    MaybeEmpty,
    /// Anything else: punctuation, a space, a placeholder's grammar.
    Other,
}

fn edge_of(hir: &Hir, edge: Edge) -> EdgeKind {
    use regex_syntax::hir::Class;
    // Case folding adds the long s and the Kelvin sign to "s" and "k": still a word's letter.
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '\u{17F}' || c == '\u{212A}';
    let kind = |is_word: bool| {
        if is_word {
            EdgeKind::Word
        } else {
            EdgeKind::Other
        }
    };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => EdgeKind::MaybeEmpty,
        HirKind::Literal(lit) => {
            let text = String::from_utf8_lossy(&lit.0);
            let c = match edge {
                Edge::Start => text.chars().next(),
                Edge::End => text.chars().next_back(),
            };
            kind(c.is_some_and(word))
        }
        HirKind::Class(Class::Unicode(class)) => kind(
            class
                .ranges()
                .iter()
                .all(|r| (r.start()..=r.end()).all(word)),
        ),
        HirKind::Class(Class::Bytes(class)) => kind(
            class
                .ranges()
                .iter()
                .all(|r| (r.start()..=r.end()).all(|b| word(char::from(b)))),
        ),
        HirKind::Capture(cap) => match cap.name.as_deref() {
            Some(name) if PLACEHOLDERS.contains(&name) => EdgeKind::Other,
            _ => edge_of(&cap.sub, edge),
        },
        HirKind::Repetition(rep) => match edge_of(&rep.sub, edge) {
            EdgeKind::Word if rep.min == 0 => EdgeKind::MaybeEmpty,
            other => other,
        },
        HirKind::Alternation(branches) => {
            let kinds = branches.iter().map(|b| edge_of(b, edge));
            kinds.fold(EdgeKind::Word, |acc, k| match (acc, k) {
                (EdgeKind::Other, _) | (_, EdgeKind::Other) => EdgeKind::Other,
                (EdgeKind::MaybeEmpty, _) | (_, EdgeKind::MaybeEmpty) => EdgeKind::MaybeEmpty,
                _ => EdgeKind::Word,
            })
        }
        HirKind::Concat(items) => {
            // From the edge inwards, parts that may match nothing are passed over (when they
            // do match, they must begin with a word character too); the first that must
            // match something decides.
            let mut items: Box<dyn Iterator<Item = &Hir>> = match edge {
                Edge::Start => Box::new(items.iter()),
                Edge::End => Box::new(items.iter().rev()),
            };
            items
                .find_map(|item| match edge_of(item, edge) {
                    EdgeKind::MaybeEmpty => None,
                    decided => Some(decided),
                })
                .unwrap_or(EdgeKind::MaybeEmpty)
        }
    }
}

/// An upper bound on the memory (in bytes) the regex engine's compiler takes for `hir`,
/// forwards or in reverse, as it counts it against the size limit: every state it could
/// make, at more than the size of one, with the transitions of each byte range. A UTF-8
/// class is counted by the byte sequences that encode it. Repetitions multiply their part.
/// `grammar` gives the bound of the grammar a placeholder group stands in for.
fn size_bound(hir: &Hir, grammar: &dyn Fn(&str) -> Option<usize>) -> usize {
    // The unanchored prefix, the match state and the group bookkeeping of a whole regex.
    bound(hir, grammar).saturating_add(16 * STATE)
}

// Generous: a compiled state is smaller than this, with its transitions and links.
const STATE: usize = 40;
const TRANSITION: usize = 12;

fn bound(hir: &Hir, grammar: &dyn Fn(&str) -> Option<usize>) -> usize {
    use regex_syntax::hir::Class;
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => STATE,
        HirKind::Literal(lit) => STATE * (lit.0.len() + 1),
        HirKind::Class(Class::Bytes(class)) => STATE * 2 + TRANSITION * class.ranges().len(),
        HirKind::Class(Class::Unicode(class)) => {
            let mut total = STATE * 2;
            for range in class.ranges() {
                for seq in regex_syntax::utf8::Utf8Sequences::new(range.start(), range.end()) {
                    total = total.saturating_add((STATE + TRANSITION) * (seq.len() + 1));
                }
            }
            total
        }
        HirKind::Repetition(rep) => {
            let copies = rep.max.unwrap_or(rep.min).max(rep.min) as usize + 1;
            (bound(&rep.sub, grammar) + STATE).saturating_mul(copies)
        }
        HirKind::Capture(cap) => {
            let stand_in = matches!(cap.sub.kind(), HirKind::Literal(lit)
                if *lit.0 == *STAND_IN.encode_utf8(&mut [0; 4]).as_bytes());
            let placeholder = cap.name.as_deref().filter(|_| stand_in);
            STATE * 2
                + placeholder
                    .and_then(grammar)
                    .unwrap_or_else(|| bound(&cap.sub, grammar))
        }
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs
            .iter()
            .map(|sub| bound(sub, grammar))
            .fold(STATE * 2, |sum, b| sum.saturating_add(b + STATE)),
    }
}

/// The bound of the grammar of `ty` (see [`size_bound`]), counted once per run.
fn grammar_bound(ty: ValueType, case_sensitive: bool) -> Option<usize> {
    static BOUNDS: [[OnceLock<Option<usize>>; 2]; ValueType::ALL.len()] =
        [const { [const { OnceLock::new() }, const { OnceLock::new() }] }; ValueType::ALL.len()];
    let index = ValueType::ALL.iter().position(|t| *t == ty)?;
    *BOUNDS[index][usize::from(case_sensitive)]
        .get_or_init(|| grammar_hir(ty, case_sensitive).map(|hir| bound(&hir, &|_| None)))
}

/// Compiles a pattern without placeholders (`exclude:`), with the same whitespace rule.
pub fn compile_plain(source: &str, case_sensitive: bool) -> Result<regex::Regex, String> {
    if let Some(p) = PLACEHOLDERS
        .iter()
        .find(|p| source.contains(&format!("{{{p}}}")))
    {
        return Err(format!(
            "`{{{p}}}` stands for nothing here: an exclusion is matched as written (write the \
             words or a regex such as `\\d+`)"
        ));
    }
    let (expanded, _) = expand(source.trim_matches(' '), None)?;
    regex::RegexBuilder::new(&expanded)
        .case_insensitive(!case_sensitive)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| format!("invalid pattern: {}", regex_error(&e)))
}

/// True when `source` sets a flag inline (`(?i)`, `(?x:…)`): any `(?` that does not open a
/// plain or named group.
fn has_inline_flags(source: &str) -> bool {
    source
        .match_indices("(?")
        .any(|(i, _)| !matches!(source.as_bytes().get(i + 2), Some(b':' | b'P' | b'<')))
}

fn parse(pattern: &str, case_sensitive: bool) -> Result<Hir, String> {
    let config = syntax::Config::new().case_insensitive(!case_sensitive);
    syntax::parse_with(pattern, &config)
        .map_err(|e| format!("invalid pattern: {}", syntax_message(&e.to_string())))
}

/// The regex engine's own literal prefilters are turned off: the run's prefilter already
/// sends each pattern only to the sentences that hold its words, and those prefilters (one of
/// which compiles the grammar a second time, in reverse) were a third of the compile time of
/// a pack of 300 rules, for no measurable gain in search time.
fn build(hir: &Hir) -> Result<Regex, String> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                .auto_prefilter(false),
        )
        .build_from_hir(hir)
        .map_err(|e| {
            let message = match e.size_limit() {
                Some(limit) => too_big(limit),
                None => syntax_message(&e.to_string()),
            };
            format!("invalid pattern: {message}")
        })
}

/// The parsed grammar of `ty`, parsed once per run for each case setting.
fn grammar_hir(ty: ValueType, case_sensitive: bool) -> Option<Hir> {
    static PARSED: [[OnceLock<Option<Hir>>; 2]; ValueType::ALL.len()] =
        [const { [const { OnceLock::new() }, const { OnceLock::new() }] }; ValueType::ALL.len()];
    let index = ValueType::ALL.iter().position(|t| *t == ty)?;
    PARSED[index][usize::from(case_sensitive)]
        .get_or_init(|| parse(ty.grammar(), case_sensitive).ok())
        .clone()
}

/// `hir` with the stand-in of each placeholder group replaced by what `grammar` gives for the
/// group's name. Rebuilt with the parser's own constructors, so every node is as parsing the
/// expanded text would have made it.
fn splice(hir: Hir, grammar: &dyn Fn(&str) -> Option<Hir>) -> Hir {
    let stand_in = Hir::literal(STAND_IN.to_string().into_bytes());
    match hir.into_kind() {
        HirKind::Capture(cap) => {
            let sub = match cap.name.as_deref() {
                Some(name) if PLACEHOLDERS.contains(&name) && *cap.sub == stand_in => {
                    grammar(name).unwrap_or(*cap.sub)
                }
                _ => splice(*cap.sub, grammar),
            };
            Hir::capture(Capture {
                sub: Box::new(sub),
                ..cap
            })
        }
        HirKind::Concat(subs) => {
            Hir::concat(subs.into_iter().map(|h| splice(h, grammar)).collect())
        }
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.into_iter().map(|h| splice(h, grammar)).collect())
        }
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            sub: Box::new(splice(*rep.sub, grammar)),
            ..rep
        }),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Look(look) => Hir::look(look),
    }
}

fn too_big(limit: usize) -> String {
    format!("the pattern is too large once compiled (over the {limit}-byte limit); simplify it")
}

/// The last `error:` line of a parser message, without its multi-line ASCII art.
fn syntax_message(text: &str) -> String {
    let last = text
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .map(|l| l.trim_start().trim_start_matches("error:").trim());
    match last {
        Some(msg) => msg.to_string(),
        None => text.lines().last().unwrap_or("syntax error").to_string(),
    }
}

/// The regex crate's message, without its multi-line ASCII art.
pub fn regex_error(err: &regex::Error) -> String {
    match err {
        regex::Error::CompiledTooBig(limit) => too_big(*limit),
        regex::Error::Syntax(text) => syntax_message(text),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_released_pattern_is_built_again_when_asked_for() {
        let mut loaded = crate::rules::load_str(
            "rules.yaml",
            "facts:\n  - id: y\n    type: year\n    patterns: ['up for review in {value}']\n",
        );
        let finds = |rules: &crate::rules::RuleSet| {
            let regex = rules.facts[0].patterns[0].regex().unwrap();
            regex.is_match("The deal is up for review in 2026.")
        };
        assert!(finds(&loaded.rules));
        loaded.rules.release_regexes();
        assert!(loaded.rules.facts[0].patterns[0].regex.get().is_none());
        assert!(finds(&loaded.rules));
    }

    #[test]
    fn value_is_expanded_once_into_a_named_group() {
        let p = expand_placeholders("to {value}", ValueType::Percent).unwrap();
        assert!(p.starts_with(r"to\s+(?P<value>"), "{p}");
    }

    #[test]
    fn missing_and_doubled_value_are_errors() {
        assert!(
            expand_placeholders("tariffs", ValueType::Percent)
                .unwrap_err()
                .contains("no `{value}`")
        );
        assert!(
            expand_placeholders("{value} or {value}", ValueType::Percent)
                .unwrap_err()
                .contains("used twice")
        );
    }

    #[test]
    fn spaces_inside_classes_and_escapes_are_kept() {
        let p = expand_placeholders(r"[a ]\ x {value}", ValueType::Count).unwrap();
        assert!(p.starts_with(r"[a ]\ x\s+(?P<value>"), "{p}");
    }

    #[test]
    fn repetition_braces_are_not_placeholders() {
        let p = expand_placeholders(r"\d{2} {value}", ValueType::Count).unwrap();
        assert!(p.starts_with(r"\d{2}\s+"), "{p}");
        let p = compile_pattern(r"\d{2} {value}", ValueType::Count, false).unwrap();
        assert_eq!(value_in(p.regex().unwrap(), "ref 42 seven"), Some("seven"));
    }

    /// The text of the `value` group of the first match.
    fn value_in<'h>(regex: &Regex, text: &'h str) -> Option<&'h str> {
        let mut caps = regex.create_captures();
        regex.captures(text, &mut caps);
        caps.get_group_by_name("value").map(|s| &text[s.range()])
    }

    #[test]
    fn a_pattern_matches_whole_words_at_its_edges() {
        let edges = |source: &str| {
            let hir = parse(
                &expand_placeholders(source, ValueType::Count).unwrap(),
                false,
            );
            let hir = hir.unwrap();
            (edge_of(&hir, Edge::Start), edge_of(&hir, Edge::End))
        };
        use EdgeKind::{MaybeEmpty, Other, Word};
        assert_eq!(edges("his {value} visit"), (Word, Word));
        assert_eq!(edges("{value} visits"), (Other, Word));
        assert_eq!(edges("(?:the )?tariffs on {value}"), (Word, Other));
        assert_eq!(edges("(?:\"|“)quoted {value}"), (Other, Other));
        assert_eq!(edges("{value} tariffs?"), (Other, Word));
        assert_eq!(edges("{value} visit(?:s|ed)?"), (Other, Word));
        // `\w` is Unicode: it may end in an accented letter, which an ASCII boundary would
        // not take for one.
        assert_eq!(edges("{value} Canad\\w*"), (Other, Other));
        assert_eq!(edges("École {value}"), (Other, Other));
        assert_eq!(edges("[A-Z]\\w+ said {value}"), (Word, Other));
        assert_eq!(edges("\\bsaid {value}"), (Word, Other));
        assert_eq!(edges("(?:a )?(?:b )?{value}"), (Other, Other));
        let hir = parse("(?:a )?(?:b )?", false).unwrap();
        assert_eq!(edge_of(&hir, Edge::Start), MaybeEmpty);

        let claim = |source: &str, text: &'static str| {
            let p = compile_pattern(source, ValueType::Count, false).unwrap();
            value_in(p.regex().unwrap(), text)
        };
        assert_eq!(claim("his {value} visit", "this second visit"), None);
        assert_eq!(
            claim("his {value} visit", "his second visit"),
            Some("second")
        );
        assert_eq!(claim("his {value} visit", "on his second visits"), None);
        assert_eq!(claim("EC's {value} members", "OPEC's 13 members"), None);
        assert_eq!(
            claim("{value}-nation (?:EC|bloc)", "seven-nation economic"),
            None
        );
        assert_eq!(
            claim("{value}-nation (?:EC|bloc)", "12-nation EC."),
            Some("12")
        );
        // Case folding keeps the edges: "(?i)s" also folds to the long s.
        assert_eq!(
            claim("Senate's {value} votes", "the SENATE's 3 votes"),
            Some("3")
        );
    }

    /// The parsed form of every pattern, built the fast way, must be what parsing the whole
    /// expansion gives: the same regex, whatever the type, the placeholders and the case.
    #[test]
    fn spliced_grammars_give_the_regex_the_whole_expansion_gives() {
        let sources = [
            "{value} tariffs on Canadian steel",
            "(?:tariffs?|duty|duties|levy) on Canadian steel (?:of|at|to) {value}",
            "met (?:with )?Prime Minister {person} in Beijing on {value}",
            "rose from {was} to {value}",
            "as of {when}, (?P<who>\\w+) (?:had|has) {value}",
            "(?:{value} (?:and|or) )+ visits",
            "visited (?:Paris|Rome) {value}|{value} visits? to Paris",
            "[a ]\\ x {value}\\b",
            "(?:a|b)?{value}",
            "{value}",
        ];
        for ty in ValueType::ALL {
            for source in sources {
                if expand_placeholders(source, ty).is_err() {
                    continue;
                }
                for case_sensitive in [false, true] {
                    let stand_in = expand_with(source, |_| STAND_IN.to_string()).unwrap();
                    let spliced = splice(parse(&stand_in, case_sensitive).unwrap(), &|name| {
                        grammar_hir(type_of(name, ty), case_sensitive)
                    });
                    let whole =
                        parse(&expand_placeholders(source, ty).unwrap(), case_sensitive).unwrap();
                    assert_eq!(spliced, whole, "{source} ({ty:?}, {case_sensitive})");
                    // Word edges are the same, read before or after the grammars go in.
                    let edged = splice(
                        whole_words(parse(&stand_in, case_sensitive).unwrap()),
                        &|name| grammar_hir(type_of(name, ty), case_sensitive),
                    );
                    assert_eq!(edged, whole_words(whole), "{source} ({ty:?})");
                }
            }
        }
    }

    #[test]
    fn inline_flags_are_noticed() {
        assert!(has_inline_flags("(?x) a {value}"));
        assert!(has_inline_flags("(?-i:Paris) {value}"));
        assert!(!has_inline_flags("(?:a|b) (?P<who>x) (?<y>z) {value}"));
        // A flag that would change the grammar is honoured, as when it is parsed whole.
        // (Verbose mode drops the space of the "more than" qualifier.)
        let p = compile_pattern("(?x)visits {value}", ValueType::Count, false).unwrap();
        assert_eq!(
            value_in(p.regex().unwrap(), "visits morethan 3"),
            Some("morethan 3")
        );
    }

    #[test]
    fn named_fragments_expand_without_capturing() {
        let p = compile_pattern(
            "{person} said on {weekday} that {value}",
            ValueType::Count,
            false,
        )
        .unwrap();
        assert_eq!(
            value_in(p.regex().unwrap(), "Mark Carney said on Monday that three"),
            Some("three")
        );
        assert!(
            !p.regex()
                .unwrap()
                .is_match("mark carney said on Monday that three")
        );
    }

    #[test]
    fn the_skeleton_keeps_literals_and_drops_grammars() {
        assert_eq!(
            skeleton("tariffs on {value} goods"),
            r"tariffs\s+on\s+(?:.)\s+goods"
        );
    }

    #[test]
    fn a_space_matches_a_line_break() {
        let re = compile_plain("previous rate", false).unwrap();
        assert!(re.is_match("the previous\n  rate"));
    }

    /// "hong ?kong" is written for "Hong Kong" and "Hongkong": the quantifier is the
    /// space's, in claim patterns and in exclusions alike.
    #[test]
    fn a_quantifier_after_a_space_makes_the_space_optional() {
        let re = compile_plain("hong ?kong", false).unwrap();
        for text in ["Hongkong Bank", "Hong Kong", "hong\n kong"] {
            assert!(re.is_match(text), "{text}");
        }
        let re = compile_plain("ab *c", false).unwrap();
        assert!(re.is_match("abc") && re.is_match("ab  c"));
        let re = compile_plain("a {2}b", false).unwrap();
        assert!(re.is_match("a \tb") && !re.is_match("a b"));
        let p = compile_pattern("hong ?kong rate of {value}", ValueType::Percent, false).unwrap();
        assert_eq!(
            value_in(p.regex().unwrap(), "hongkong rate of 5 pct"),
            Some("5 pct")
        );
        // A placeholder after a space is no quantifier.
        let p = expand_placeholders("rate of {value}", ValueType::Count).unwrap();
        assert!(p.starts_with(r"rate\s+of\s+(?P<value>"), "{p}");
    }

    #[test]
    fn a_placeholder_in_an_exclusion_is_an_error_that_says_so() {
        let err = compile_plain("the previous {value}", false).unwrap_err();
        assert!(
            err.starts_with("`{value}` stands for nothing here"),
            "{err}"
        );
    }

    #[test]
    fn spaces_inside_classes_and_escapes_are_kept_in_exclusions() {
        let re = compile_plain(r"[^ ]+ said", false).unwrap();
        assert_eq!(re.as_str(), r"[^ ]+\s+said");
        assert!(compile_plain(r"a\ b", false).unwrap().is_match("a b"));
        assert!(compile_plain(r"\d{2} x", false).unwrap().is_match("12 x"));
    }

    #[test]
    fn a_pattern_too_large_to_compile_says_so() {
        let err = compile_pattern(r"\w{500} {value}", ValueType::Count, false).unwrap_err();
        assert!(err.contains("too large once compiled"), "{err}");
    }

    /// The smallest size limit under which the regex engine builds `hir`.
    fn needed(hir: &Hir) -> usize {
        let builds = |limit: usize| {
            meta::Builder::new()
                .configure(
                    meta::Config::new()
                        .nfa_size_limit(Some(limit))
                        .auto_prefilter(false),
                )
                .build_from_hir(hir)
                .is_ok()
        };
        let (mut fails, mut works) = (0usize, 64 << 20);
        while fails + 1 < works {
            let mid = (fails + works) / 2;
            if builds(mid) {
                works = mid
            } else {
                fails = mid
            }
        }
        works
    }

    #[test]
    fn every_grammar_is_built_on_first_use_and_within_its_bound() {
        for ty in ValueType::ALL {
            let source = "tariffs on Canadian steel (?:of|at) {value}";
            let p = compile_pattern(source, ty, false).unwrap();
            assert!(p.regex.get().is_none(), "{ty:?} was built at load");
            let hir = pattern_hir(source, ty, false).unwrap();
            let (bound, needed) = (size_bound(&hir, &|_| None), needed(&hir));
            // Counting the grammar apart gives the same bound.
            assert_eq!(load_bound(source, ty, false), Ok(bound));
            // Close enough that a pattern of any type is built only when first used.
            assert!(
                needed <= bound && bound < REGEX_SIZE_LIMIT,
                "{ty:?}: {needed} {bound}"
            );
            let value = value_in(p.regex().unwrap(), "tariffs on Canadian steel of 25%");
            if ty == ValueType::Percent {
                assert_eq!(value, Some("25%"));
            }
        }
    }

    /// Parts of patterns: literals, Unicode classes, counted repetitions, alternations.
    const PIECES: &[&str] = &[
        "tariffs",
        "on",
        "Canadian",
        "\\w",
        "\\w+",
        "\\p{L}{2,4}",
        "[à-ÿ]",
        "\\d{1,3}",
        "(?:of|at|to)",
        "(?:a|b|c|dé)?",
        "[^x]",
        ".",
        "\\S+",
        "(?:\\w|\\d){3,9}",
        "\\b",
        "(\\p{Lu}\\p{Ll}+)",
        "(?i:ÉTÉ)",
        "(?:x{2}){2,}",
        "\\w{30}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// A deferred pattern must build later: the compiler never needs more than the bound.
        #[test]
        fn the_size_bound_is_never_below_what_the_compiler_needs(
            picks in proptest::collection::vec(0..PIECES.len(), 1..8),
            at in 0usize..8,
            ty in 0..ValueType::ALL.len(),
            case_sensitive: bool,
        ) {
            let mut parts: Vec<&str> = picks.iter().map(|&i| PIECES[i]).collect();
            parts.insert(at.min(parts.len()), "{value}");
            let source = parts.join(" ");
            let hir = pattern_hir(&source, ValueType::ALL[ty], case_sensitive).unwrap();
            let bound = load_bound(&source, ValueType::ALL[ty], case_sensitive).unwrap();
            let works = meta::Builder::new()
                .configure(
                    meta::Config::new()
                        .nfa_size_limit(Some(bound))
                        .auto_prefilter(false),
                )
                .build_from_hir(&hir)
                .is_ok();
            proptest::prop_assert!(works, "{} needs more than its bound {}", source, bound);
        }
    }

    #[test]
    fn a_pattern_over_its_bound_is_built_at_load() {
        // Large, but under the limit: built (and checked) when the rules load.
        let p = compile_pattern(r"\w{20} {value}", ValueType::Count, false).unwrap();
        assert!(p.regex.get().is_some());
        assert!(
            p.regex()
                .unwrap()
                .is_match(&format!("{} three", "é".repeat(20)))
        );
    }

    #[test]
    fn bad_regex_reports_the_regex_error() {
        let err = compile_pattern("(unclosed {value}", ValueType::Count, false).unwrap_err();
        assert!(err.contains("unclosed group"), "{err}");
    }
}
