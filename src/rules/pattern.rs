//! Claim patterns: user regexes with typed placeholders.
//!
//! `{value}` expands to the grammar of the fact's type in a named group; `{was}` (the value
//! before) uses the same grammar; `{when}` (the date the claim speaks for) uses the date
//! grammar. A space in a pattern matches any run of whitespace, line breaks included, so a
//! claim wrapped across two lines is still found.

use regex::{Regex, RegexBuilder};

use crate::values::ValueType;

/// Compiled-size limit of one pattern, so a hostile rule cannot exhaust memory.
pub const REGEX_SIZE_LIMIT: usize = 2 * 1024 * 1024;

pub const PLACEHOLDERS: &[&str] = &["value", "was", "when"];

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
    pub regex: Regex,
    /// The pattern with placeholders reduced to one character, for literal extraction.
    pub skeleton: String,
}

/// Expands placeholders and whitespace; errors say what is wrong in the user's terms.
pub fn expand_placeholders(source: &str, ty: ValueType) -> Result<String, String> {
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
                out.push_str(r"\s+");
            }
            '{' if !in_class => {
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
                        let grammar = if p == "when" {
                            ValueType::Date.grammar()
                        } else {
                            ty.grammar()
                        };
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
    if counts[0] == 0 {
        return Err(
            "pattern has no `{value}`: write `{value}` where the value of the fact appears"
                .to_string(),
        );
    }
    Ok(out)
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

/// Compiles a claim pattern for a fact of type `ty`.
pub fn compile_pattern(
    source: &str,
    ty: ValueType,
    case_sensitive: bool,
) -> Result<Pattern, String> {
    let expanded = expand_placeholders(source, ty)?;
    let regex = build(&expanded, case_sensitive)?;
    Ok(Pattern {
        source: source.to_string(),
        regex,
        skeleton: skeleton(source),
    })
}

/// Compiles a pattern without placeholders (`exclude:`), with the same whitespace rule.
pub fn compile_plain(source: &str, case_sensitive: bool) -> Result<Regex, String> {
    let source = source.replace(r"\b", r"(?-u:\b)");
    let expanded = source
        .split(' ')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(r"\s+");
    build(&expanded, case_sensitive)
}

fn build(pattern: &str, case_sensitive: bool) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .case_insensitive(!case_sensitive)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| format!("invalid pattern: {}", regex_error(&e)))
}

/// The regex crate's message, without its multi-line ASCII art.
pub fn regex_error(err: &regex::Error) -> String {
    match err {
        regex::Error::CompiledTooBig(limit) => format!(
            "the pattern is too large once compiled (over the {limit}-byte limit); simplify it"
        ),
        regex::Error::Syntax(text) => {
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
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let p = compile_pattern(r"\d{2} {value}", ValueType::Count, false).unwrap();
        assert!(p.regex.as_str().starts_with(r"\d{2}\s+"));
    }

    #[test]
    fn named_fragments_expand_without_capturing() {
        let p = compile_pattern(
            "{person} said on {weekday} that {value}",
            ValueType::Count,
            false,
        )
        .unwrap();
        let caps = p
            .regex
            .captures("Mark Carney said on Monday that three")
            .unwrap();
        assert_eq!(&caps["value"], "three");
        assert!(
            p.regex
                .captures("mark carney said on Monday that three")
                .is_none()
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

    #[test]
    fn bad_regex_reports_the_regex_error() {
        let err = compile_pattern("(unclosed {value}", ValueType::Count, false).unwrap_err();
        assert!(err.contains("unclosed group"), "{err}");
    }
}
