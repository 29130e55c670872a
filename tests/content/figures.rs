//! Byte figures in the text, traced to the output that printed them.

use std::collections::{BTreeSet, HashSet};

use heapwise::content::Content;

use super::{one_line, problem};
use heapwise::content::CpythonTiming;

/// Units that make a number a byte figure.
const BYTE_UNITS: [&str; 10] = ["bytes", "byte", "KiB", "MiB", "GiB", "kB", "KB", "MB", "GB", "B"];

/// Words that make an output line one about sizes, besides the units.
const SIZE_WORDS: [&str; 10] = ["bytes", "-byte", "kib", "mib", "size", "peak", "memory", "traced", "held", "per item"];

/// Words that join two figures sharing one unit: "1,024 vs 2,048 bytes".
const RANGE_WORDS: [&str; 7] = ["to", "vs", "vs.", "and", "or", "-", "–"];

/// A number as written in text: its characters and where it ends.
struct NumberToken {
    text: String,
    start: usize,
    end: usize,
}

/// Numbers in `text` (digits, optionally grouped by `,` `.` `_`), leaving
/// out digits that belong to a word such as `f64` or `x86_64`.
fn number_tokens(text: &[char]) -> Vec<NumberToken> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        let in_word = i > 0 && (text[i - 1].is_alphanumeric() || text[i - 1] == '_');
        if !c.is_ascii_digit() || in_word {
            i += 1;
            continue;
        }
        let start = i;
        while i < text.len() && text[i].is_ascii_digit() {
            i += 1;
        }
        while i + 1 < text.len() && matches!(text[i], ',' | '.' | '_') && text[i + 1].is_ascii_digit() {
            i += 1;
            while i < text.len() && text[i].is_ascii_digit() {
                i += 1;
            }
        }
        if i < text.len() && (text[i].is_alphabetic() || text[i] == '_') {
            // "3rd", "0x1F": part of a word after all.
            while i < text.len() && (text[i].is_alphanumeric() || text[i] == '_') {
                i += 1;
            }
            continue;
        }
        tokens.push(NumberToken { text: text[start..i].iter().collect(), start, end: i });
    }
    tokens
}

/// Whether a byte unit follows position `at` (after closing markdown, then
/// spaces, line breaks or one hyphen).
fn unit_follows(text: &[char], mut at: usize) -> bool {
    while at < text.len() && matches!(text[at], '`' | '*' | '_') {
        at += 1;
    }
    if at < text.len() && text[at] == '-' {
        at += 1;
    } else {
        while at < text.len() && text[at].is_whitespace() {
            at += 1;
        }
    }
    BYTE_UNITS.iter().any(|unit| {
        let unit: Vec<char> = unit.chars().collect();
        let end = at + unit.len();
        end <= text.len() && text[at..end] == unit[..] && (end == text.len() || !text[end].is_alphanumeric())
    })
}

/// The byte figures in one paragraph: numbers followed by a byte unit, and
/// the first number of a range that shares the unit ("100 to 200 bytes").
pub fn byte_figures(paragraph: &str) -> Vec<String> {
    let chars: Vec<char> = paragraph.chars().collect();
    let tokens = number_tokens(&chars);
    let mut figures: Vec<String> = Vec::new();
    for (k, token) in tokens.iter().enumerate() {
        if !unit_follows(&chars, token.end) {
            continue;
        }
        if k > 0 {
            let previous = &tokens[k - 1];
            let between: String = chars[previous.end..token.start].iter().collect();
            let joiner = between.trim_matches(|c: char| c.is_whitespace() || matches!(c, '`' | '*' | '_'));
            if RANGE_WORDS.contains(&joiner) && !figures.contains(&previous.text) {
                figures.push(previous.text.clone());
            }
        }
        if !figures.contains(&token.text) {
            figures.push(token.text.clone());
        }
    }
    figures
}

/// Paragraphs: runs of non-blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut all = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().chain([""]) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                all.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    all
}

/// The numbers the program printed as sizes: every number on an output line
/// that speaks of bytes or sizes (a unit, or a word such as "size" or
/// "peak"), as written. The header line (interpreter and pointer width) and
/// lines about anything else (counts, versions, booleans) do not count, so
/// "64" is not traced to "64-bit" nor "100" to "100 points". The timing
/// line is about time, whatever its parameters are called (`value_bytes=`).
pub fn printed_sizes(out: &str) -> HashSet<String> {
    out.lines()
        .skip(1)
        .filter(|line| CpythonTiming::parse(line).is_none())
        .filter(|line| {
            let chars: Vec<char> = line.chars().collect();
            let lower = line.to_lowercase();
            SIZE_WORDS.iter().any(|word| lower.contains(word))
                || number_tokens(&chars).iter().any(|t| unit_follows(&chars, t.end))
        })
        .flat_map(|line| number_tokens(&line.chars().collect::<Vec<_>>()).into_iter().map(|t| t.text))
        .collect()
}

/// The CPython minor version `reference.out` was recorded on, from its
/// header line ("CPython 3.11.7, 64-bit" gives 11).
pub fn recorded_minor(out: &str) -> Option<u32> {
    let header = out.lines().next()?;
    let version = header.strip_prefix("CPython 3.")?;
    version.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

/// Whether a sentence names an interpreter other than the one `reference.out`
/// was recorded on: another CPython 3.x ("3.13", "3.12.1", not followed by
/// "times") or the page's Pyodide. Its figures were measured there, and one
/// recording cannot hold them, so they are not traced to it.
pub fn names_other_interpreter(sentence: &str, recorded_minor: Option<u32>) -> bool {
    if sentence.to_lowercase().contains("pyodide") {
        return true;
    }
    let chars: Vec<char> = sentence.chars().collect();
    number_tokens(&chars).iter().any(|token| {
        let mut parts = token.text.split('.');
        let (Some("3"), Some(minor)) = (parts.next(), parts.next()) else { return false };
        let rest: String = chars[token.end..].iter().collect();
        let ratio = rest.trim_start().starts_with("times");
        !ratio
            && !unit_follows(&chars, token.end)
            && parts.all(|p| !p.is_empty())
            && minor.parse::<u32>().is_ok_and(|m| (6..=30).contains(&m) && Some(m) != recorded_minor)
    })
}

/// Every byte figure in the prose must be printed by the Python program, as
/// written, on a line about sizes (see [`printed_sizes`]), unless its
/// sentence attributes it to the course or names another interpreter (see
/// [`names_other_interpreter`]). (A sentence, not the paragraph: a course
/// claim must not shelter a measured figure beside it.)
pub fn check_figures(slug: &str, c: &Content, out: &str) -> Vec<String> {
    let printed = printed_sizes(out);
    let minor = recorded_minor(out);
    // The task is left out: the sizes it states are what the student is
    // asked to build ("five 1 KiB buffers"), a specification, not a finding.
    let mut fields: Vec<(String, &str)> = vec![
        ("summary".into(), &c.summary),
        ("solution".into(), &c.solution),
        ("explanation".into(), &c.explanation),
        ("rust_notes".into(), &c.rust_notes),
    ];
    for (i, hint) in c.hints.iter().enumerate() {
        fields.push((format!("hints[{i}]"), hint));
    }
    for (i, q) in c.quiz.iter().enumerate() {
        fields.push((format!("quiz[{i}].question"), &q.question));
        for (j, choice) in q.choices.iter().enumerate() {
            fields.push((format!("quiz[{i}].choices[{j}]"), choice));
        }
        fields.push((format!("quiz[{i}].why"), &q.why));
    }
    for (i, p) in c.predict.iter().enumerate() {
        fields.push((format!("predict[{i}].why"), &p.why));
    }
    let mut problems = Vec::new();
    for (field, text) in fields {
        for paragraph in paragraphs(text) {
            let missing: Vec<String> = sentences(&paragraph)
                .into_iter()
                .filter(|sentence| !sentence.to_lowercase().contains("course"))
                .filter(|sentence| !names_other_interpreter(sentence, minor))
                .flat_map(|sentence| {
                    // A pointer's width is the build's, not a measurement of
                    // the program: "a pointer is 4 bytes" needs no tracing.
                    let about_pointers = sentence.to_lowercase().contains("pointer");
                    byte_figures(&sentence).into_iter().filter(move |f| !(about_pointers && (f == "4" || f == "8")))
                })
                .filter(|f| !printed.contains(f))
                .collect();
            if !missing.is_empty() {
                problems.push(problem(
                    slug,
                    &field,
                    format!(
                        "byte figure(s) {} not printed in reference.out as a size (same digits and separators, on a line \
                         that says bytes or what size it is); print them from reference.py, or say in the same \
                         sentence that it is the course's figure, or name the other interpreter it was measured \
                         on. Paragraph: \"{}\"",
                        missing.join(", "),
                        one_line(&paragraph)
                    ),
                ));
            }
        }
    }
    problems
}

/// Splits prose into sentences at `.`, `?`, `!` or `;` followed by white
/// space (so `3.11` and `e.g.x` stay whole).
pub fn sentences(paragraph: &str) -> Vec<String> {
    let mut all = Vec::new();
    let mut current = String::new();
    let mut chars = paragraph.chars().peekable();
    while let Some(ch) = chars.next() {
        current.push(ch);
        if matches!(ch, '.' | '?' | '!' | ';') && chars.peek().is_none_or(|next| next.is_whitespace()) {
            all.push(std::mem::take(&mut current));
        }
    }
    if !current.trim().is_empty() {
        all.push(current);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::*;

    #[test]
    fn byte_figures_are_found_as_written() {
        assert_eq!(byte_figures("It is 1,767,992 bytes."), vec!["1,767,992"]);
        assert_eq!(byte_figures("The peak is **20,166,984 bytes** (19.2 MiB)."), vec!["20,166,984", "19.2"]);
        assert_eq!(byte_figures("a `56`-byte header and 8 B of data, 3 KB,\n4\nKiB"), vec!["56", "8", "3", "4"]);
        assert_eq!(
            byte_figures("from 100 to 200 bytes; 1,767,992 vs 1,362,952 bytes"),
            vec!["100", "200", "1,767,992", "1,362,952"]
        );
        // Not byte figures: other units, numbers inside words, no unit.
        assert_eq!(byte_figures("10,000 points, 64-bit, f64 bytes, 3 Bytes, 2 Bob, 5 by, 7"), Vec::<String>::new());
    }

    #[test]
    fn figures_must_be_printed_unless_they_are_the_courses() {
        let c = good();
        assert_eq!(check_figures("demo", &c, GOOD_OUT), Vec::<String>::new());
        // Same digits, other separators: not verbatim.
        let regrouped = GOOD_OUT.replace("1,024", "1024");
        assert_one(check_figures("demo", &c, &regrouped), "explanation", "1,024");
        // A figure only inside a longer number does not count as printed.
        let longer = GOOD_OUT.replace("tuple: 48 bytes", "tuple: 148 bytes");
        let problems = check_figures("demo", &c, &longer);
        assert_eq!(problems.len(), 2, "solution and explanation both say 48: {problems:#?}");
        assert!(problems[0].contains("Paragraph: \"A tuple of 3 items is 48 bytes.\""), "{}", problems[0]);
        // The course's sentence is exempt; without the word it is not, and a
        // measured figure in the next sentence is still checked.
        let mut c = good();
        c.explanation = c.explanation.replace(
            "The course quotes 9,999 bytes for the list.",
            "The course quotes 9,999 bytes for the list. Here it is 12,345 bytes.",
        );
        assert_one(check_figures("demo", &c, GOOD_OUT), "explanation", "12,345");
        let mut c = good();
        c.explanation = c.explanation.replace("The course quotes", "Some say");
        assert_one(check_figures("demo", &c, GOOD_OUT), "explanation", "9,999");
        // Hints and quiz text are checked too.
        let mut c = good();
        c.hints[0] = "It is about 40 bytes.".into();
        assert_one(check_figures("demo", &c, GOOD_OUT), "hints[0]", "40");
        let mut c = good();
        c.quiz[0].choices[1] = "list (72 bytes)".into();
        assert_one(check_figures("demo", &c, GOOD_OUT), "quiz[0].choices[1]", "72");
        let mut c = good();
        c.predict[0].why = "The empty list is 56 bytes.".into();
        assert_one(check_figures("demo", &c, GOOD_OUT), "predict[0].why", "56");
    }

    #[test]
    fn figures_measured_on_another_interpreter_are_not_traced_to_the_recording() {
        assert_eq!(recorded_minor(GOOD_OUT), Some(11));
        let minor = Some(11);
        for other in [
            "On 3.12 and 3.13 it is 72 bytes.",
            "CPython 3.8.18 prints 80 bytes.",
            "In the page's Pyodide it is 36 bytes.",
        ] {
            assert!(names_other_interpreter(other, minor), "{other}");
        }
        for same in [
            "On CPython 3.11.7 it is 80 bytes.",
            "It took 3.8 times as long and 3.9 KiB.",
            "A ratio of 3.13x, 12 bytes.",
            "No version here, 80 bytes.",
        ] {
            assert!(!names_other_interpreter(same, minor), "{same}");
        }
        let mut c = good();
        c.explanation = c.explanation.replace(
            "The course quotes 9,999 bytes for the list.",
            "CPython 3.9.18 reported 120 bytes for the list. On 3.11 it is 12,345 bytes.",
        );
        assert_one(check_figures("demo", &c, GOOD_OUT), "explanation", "12,345");
    }

    #[test]
    fn only_sizes_printed_as_sizes_trace_a_figure() {
        let out = "CPython 3.11.7, 64-bit\n100 points built\npeak: 2,400\nlist: 56 bytes, 3 items\n";
        let printed = printed_sizes(out);
        for traced in ["2,400", "56", "3"] {
            assert!(printed.contains(traced), "{traced} is on a line about sizes: {printed:?}");
        }
        let timed =
            "timing: variant optimized at n=10, value_bytes=4000: 12.5 us per call, best of 5 (tracemalloc off)";
        assert!(printed_sizes(&format!("{out}{timed}\n")).is_disjoint(&["4000".into(), "12.5".into()].into()));
        for untraced in ["64", "3.11.7", "100"] {
            assert!(!printed.contains(untraced), "{untraced} is not printed as a size: {printed:?}");
        }
        let mut c = good();
        c.solution = "A 64-bit build uses 64 bytes here.".into();
        assert_one(check_figures("demo", &c, GOOD_OUT), "solution", "64");
        c.solution = "On wasm32 a pointer is 4 bytes and natively 8 bytes.".into();
        assert_eq!(check_figures("demo", &c, GOOD_OUT), Vec::<String>::new(), "pointer widths need no tracing");
        c.solution = "On wasm32 a pointer is 4 bytes and a header 12 bytes.".into();
        assert_one(check_figures("demo", &c, GOOD_OUT), "solution", "12");
        c.solution = "The list holds pointers.".into();
        c.task = "Build five 1 KiB buffers.".into();
        assert_eq!(check_figures("demo", &c, GOOD_OUT), Vec::<String>::new(), "the task's sizes are a specification");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n  \nc\n"), vec!["a\nb".to_string(), "c".to_string()]);
        let set: BTreeSet<String> = byte_figures("1 B 1 B").into_iter().collect();
        assert_eq!(set.len(), 1, "a figure is reported once");
    }
}
