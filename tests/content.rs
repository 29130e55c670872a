#![cfg(not(target_arch = "wasm32"))]
//! The content checker: every exercise's text, Python reference program and
//! Rust module follow the authoring rules (README, "Adding an exercise").
//!
//! Rustlings-style: every problem in every exercise is collected, then the
//! test fails once with the whole list, each line saying which exercise,
//! which field, and what to do about it.
//!
//! Each rule is a small function over plain inputs (parsed `Content`, file
//! text, lists of names) returning problems; the unit tests at the bottom
//! feed them broken inputs to show every rule can fail.

use std::collections::{BTreeSet, HashSet};
use std::fmt::Display;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use heapwise::content::{Content, FORMAT_VERSION};
use heapwise::exercises::REGISTRY;

#[global_allocator]
static ALLOC: heapwise::measure::CountingAlloc = heapwise::measure::CountingAlloc::system();

/// How long one `python3 reference.py` may take.
const PYTHON_TIMEOUT: Duration = Duration::from_secs(60);

/// Units that make a number a byte figure.
const BYTE_UNITS: [&str; 10] = ["bytes", "byte", "KiB", "MiB", "GiB", "kB", "KB", "MB", "GB", "B"];

/// Words that join two figures sharing one unit: "1,024 vs 2,048 bytes".
const RANGE_WORDS: [&str; 7] = ["to", "vs", "vs.", "and", "or", "-", "–"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One finding, in the form every message takes.
fn problem(exercise: &str, field: &str, what_to_do: impl Display) -> String {
    format!("[{exercise}] {field}: {what_to_do}")
}

/// `src/exercises/<module>.rs` for a slug.
fn module_path(slug: &str) -> String {
    format!("src/exercises/{}.rs", slug.replace('-', "_"))
}

fn is_lowercase_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some('a'..='z')) && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
}

fn is_lowercase_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| !part.is_empty() && part.chars().all(|c| matches!(c, 'a'..='z' | '0'..='9')))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

/// Folders on disk against the registry: one folder per entry, named as the
/// slug, no slug twice.
fn check_registry(folders: &[String], registered: &[(&str, &str)]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for &(slug, folder) in registered {
        if !seen.insert(slug) {
            problems.push(problem(
                slug,
                "registry",
                "the slug is registered twice in src/exercises/mod.rs; remove one entry",
            ));
        }
        if folder != slug {
            problems.push(problem(
                slug,
                "registry",
                format!("its folder is \"{folder}\"; the folder under exercises/ must be named exactly as the slug"),
            ));
        }
        if !folders.iter().any(|f| f == folder) {
            problems.push(problem(slug, "registry", format!("registered, but exercises/{folder}/ does not exist")));
        }
    }
    for folder in folders {
        if !registered.iter().any(|&(_, f)| f == folder) {
            problems.push(problem(
                folder,
                "registry",
                format!(
                    "exercises/{folder}/ exists but is not registered: add `mod ...;` and `entry!(..., \"{folder}\")` \
                     to src/exercises/mod.rs, or remove the folder"
                ),
            ));
        }
    }
    problems
}

/// The source shown on the page must be the module that is compiled.
fn check_source(slug: &str, module_text: Option<&str>, shown: &str) -> Vec<String> {
    let path = module_path(slug);
    match module_text {
        None => {
            vec![problem(slug, "source", format!("{path} does not exist; the module must be named after the slug"))]
        }
        Some(text) if text != shown => vec![problem(
            slug,
            "source",
            format!(
                "source() does not return the text of {path}; make it `include_str!(\"{}\")` \
                 (if you just edited the file, rebuild and rerun)",
                &path[14..]
            ),
        )],
        Some(_) => Vec::new(),
    }
}

/// Variant ids: unique, lowercase-kebab, `naive` first and `optimized` last.
fn check_variant_ids(slug: &str, ids: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    if ids.len() < 2 {
        problems.push(problem(
            slug,
            "variants",
            format!("has {} variant(s); write at least `naive` and `optimized`", ids.len()),
        ));
    }
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            problems.push(problem(slug, "variants", format!("the id `{id}` is used twice; ids must be unique")));
        }
        if !is_lowercase_kebab(id) {
            problems.push(problem(
                slug,
                "variants",
                format!("the id `{id}` must be lowercase-kebab (like `two-pass`)"),
            ));
        }
    }
    if ids.first().is_some_and(|&id| id != "naive") {
        problems.push(problem(
            slug,
            "variants",
            format!("the first variant is `{}`; the baseline must come first with id `naive`", ids[0]),
        ));
    }
    if ids.len() >= 2 && ids.last().is_some_and(|&id| id != "optimized") {
        problems.push(problem(
            slug,
            "variants",
            format!("the last variant is `{}`; the best must come last with id `optimized`", ids[ids.len() - 1]),
        ));
    }
    problems
}

/// Required text present, hints and group in range.
fn check_text_fields(slug: &str, c: &Content) -> Vec<String> {
    let mut problems = Vec::new();
    if c.format_version != FORMAT_VERSION {
        problems.push(problem(slug, "format_version", format!("is {}; set it to {FORMAT_VERSION}", c.format_version)));
    }
    let texts = [
        ("title", &c.title),
        ("summary", &c.summary),
        ("task", &c.task),
        ("starter", &c.starter),
        ("solution", &c.solution),
        ("explanation", &c.explanation),
        ("rust_notes", &c.rust_notes),
        ("expected_output", &c.expected_output),
    ];
    for (field, text) in texts {
        if text.trim().is_empty() {
            problems.push(problem(slug, field, "is empty; write it"));
        }
    }
    for (field, list) in [("origin", &c.origin), ("tags", &c.tags)] {
        if list.is_empty() {
            problems.push(problem(slug, field, "is empty; give at least one"));
        }
        if list.iter().any(|s| s.trim().is_empty()) {
            problems.push(problem(slug, field, "has an empty entry; remove it"));
        }
    }
    if !(1..=4).contains(&c.hints.len()) {
        problems.push(problem(slug, "hints", format!("has {} hints; give 1 to 4", c.hints.len())));
    }
    for (i, hint) in c.hints.iter().enumerate() {
        if hint.trim().is_empty() {
            problems.push(problem(slug, &format!("hints[{i}]"), "is empty; write it or remove it"));
        }
    }
    if !(1..=5).contains(&c.group) {
        problems.push(problem(slug, "group", format!("is {}; use the curriculum group, 1 to 5", c.group)));
    }
    problems
}

/// Parameter names unique lowercase identifiers, min <= default <= max.
fn check_params(slug: &str, c: &Content) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for p in &c.params {
        let field = format!("params.{}", p.name);
        if !seen.insert(p.name.as_str()) {
            problems.push(problem(slug, &field, "is declared twice; parameter names must be unique"));
        }
        if !is_lowercase_identifier(&p.name) {
            problems.push(problem(slug, &field, "the name must be a lowercase identifier (like `n` or `chunk_size`)"));
        }
        if p.label.trim().is_empty() {
            problems.push(problem(slug, &field, "label is empty; say what it counts (\"points\")"));
        }
        if !(p.min <= p.default && p.default <= p.max) {
            problems.push(problem(
                slug,
                &field,
                format!("needs min <= default <= max, has min {} default {} max {}", p.min, p.default, p.max),
            ));
        }
    }
    problems
}

/// Quiz questions answerable: two or more choices, answer among them, a why.
fn check_quiz(slug: &str, c: &Content) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, q) in c.quiz.iter().enumerate() {
        let field = format!("quiz[{i}]");
        if q.question.trim().is_empty() {
            problems.push(problem(slug, &field, "the question is empty"));
        }
        if q.choices.len() < 2 {
            problems.push(problem(slug, &field, format!("has {} choice(s); give at least 2", q.choices.len())));
        }
        if q.choices.iter().any(|choice| choice.trim().is_empty()) {
            problems.push(problem(slug, &field, "has an empty choice"));
        }
        if q.answer >= q.choices.len() {
            problems.push(problem(
                slug,
                &field,
                format!("answer = {} but choices are numbered 0 to {}", q.answer, q.choices.len().saturating_sub(1)),
            ));
        }
        if q.why.trim().is_empty() {
            problems.push(problem(slug, &field, "`why` is empty; explain the answer"));
        }
    }
    problems
}

/// What reference.out must contain: the header line, `expected_output`
/// last, and one `<statement>: True|False` line per prediction.
fn check_recorded_output(slug: &str, c: &Content, out: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let lines: Vec<&str> = out.lines().collect();
    let first = lines.first().copied().unwrap_or("");
    if !(first.starts_with("CPython 3.11") && first.contains("64-bit")) {
        problems.push(problem(
            slug,
            "reference.out",
            format!(
                "the first line is {first:?}; it must be the header printed by \
                 `print(f\"CPython {{platform.python_version()}}, {{struct.calcsize('P') * 8}}-bit\")` under 64-bit CPython 3.11"
            ),
        ));
    }
    let last = lines.last().copied().unwrap_or("");
    if last != c.expected_output {
        problems.push(problem(
            slug,
            "expected_output",
            format!("is {:?} but the last line of reference.out is {last:?}; they must be equal", c.expected_output),
        ));
    }
    for p in &c.predict {
        let field = format!("predict \"{}\"", p.statement);
        let wanted = format!("{}: {}", p.statement, if p.answer { "True" } else { "False" });
        let opposite = format!("{}: {}", p.statement, if p.answer { "False" } else { "True" });
        if lines.contains(&wanted.as_str()) {
            continue;
        }
        if lines.contains(&opposite.as_str()) {
            problems.push(problem(
                slug,
                &field,
                format!("answer = {} but reference.out prints `{opposite}`; fix the answer or the program", p.answer),
            ));
        } else {
            problems.push(problem(
                slug,
                &field,
                format!("reference.out has no line `{wanted}`; the program must print the statement verbatim, then `: True` or `: False`"),
            ));
        }
    }
    problems
}

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
fn byte_figures(paragraph: &str) -> Vec<String> {
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
fn paragraphs(text: &str) -> Vec<String> {
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

/// Every byte figure in the prose must be printed by the Python program, as
/// written, unless its sentence attributes it to the course. (A sentence, not
/// the paragraph: a course claim must not shelter a measured figure beside it.)
fn check_figures(slug: &str, c: &Content, out: &str) -> Vec<String> {
    let out_chars: Vec<char> = out.chars().collect();
    let printed: HashSet<String> = number_tokens(&out_chars).into_iter().map(|t| t.text).collect();
    let mut fields: Vec<(String, &str)> = vec![
        ("summary".into(), &c.summary),
        ("task".into(), &c.task),
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
    let mut problems = Vec::new();
    for (field, text) in fields {
        for paragraph in paragraphs(text) {
            let missing: Vec<String> = sentences(&paragraph)
                .into_iter()
                .filter(|sentence| !sentence.to_lowercase().contains("course"))
                .flat_map(|sentence| byte_figures(&sentence))
                .filter(|f| !printed.contains(f))
                .collect();
            if !missing.is_empty() {
                problems.push(problem(
                    slug,
                    &field,
                    format!(
                        "byte figure(s) {} not printed in reference.out (same digits and separators); print them from \
                         reference.py, or say in the same sentence that it is the course's figure. Paragraph: \"{}\"",
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
fn sentences(paragraph: &str) -> Vec<String> {
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

/// Runs `python3 reference.py` in `dir`; its stdout, or why it failed.
fn run_reference(dir: &Path, timeout: Duration) -> Result<String, String> {
    if !dir.join("reference.py").is_file() {
        return Err("reference.py does not exist; write the Python reference program".into());
    }
    let mut child = Command::new("python3")
        .arg("reference.py")
        .current_dir(dir)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start python3: {e}"))?;
    // Read both pipes while waiting, so a chatty program cannot block.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "python3 reference.py ran longer than {} s; keep it under ~5 s",
                    timeout.as_secs()
                ));
            }
            Ok(None) => thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("could not wait for python3: {e}")),
        }
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    if !status.success() {
        let tail: Vec<&str> = stderr.lines().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
        return Err(format!("python3 reference.py failed ({status}):\n      {}", tail.join("\n      ")));
    }
    Ok(stdout)
}

/// The program's output must equal the recording byte for byte.
fn compare_output(slug: &str, recorded: &str, printed: &str) -> Vec<String> {
    if recorded == printed {
        return Vec::new();
    }
    let fix = "if the new output is right, re-record it: `python3 reference.py > reference.out`";
    let (old, new): (Vec<&str>, Vec<&str>) = (recorded.lines().collect(), printed.lines().collect());
    let detail = match (0..old.len().max(new.len())).find(|&i| old.get(i) != new.get(i)) {
        Some(i) => {
            let show = |line: Option<&&str>| line.map_or("(no such line)".to_string(), |l| l.to_string());
            format!(
                "line {}:\n      - {}   (reference.out)\n      + {}   (python3 reference.py)",
                i + 1,
                show(old.get(i)),
                show(new.get(i))
            )
        }
        None => "the lines are equal but the bytes are not (line endings or the final newline)".to_string(),
    };
    vec![problem(
        slug,
        "reference.out",
        format!("differs from what reference.py prints now, first at {detail}\n      {fix}"),
    )]
}

// ---------------------------------------------------------------------------
// The check over the real exercises
// ---------------------------------------------------------------------------

fn folders_under(dir: &Path) -> Vec<String> {
    let mut folders: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    folders.sort();
    folders
}

fn fail_with(problems: &[String]) {
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().enumerate().map(|(i, p)| format!("{:>3}. {p}", i + 1)).collect();
        panic!("\n{} content problem(s):\n{}\n", problems.len(), list.join("\n"));
    }
}

#[test]
fn every_exercise_follows_the_content_rules() {
    let root = root();
    let exercises_dir = root.join("exercises");
    let mut problems = Vec::new();

    let registered: Vec<(&str, &str)> = REGISTRY.iter().map(|e| (e.exercise.slug(), e.folder)).collect();
    problems.extend(check_registry(&folders_under(&exercises_dir), &registered));

    // The Python programs are the slow part: run them all at once.
    let runs: Vec<Result<String, String>> = thread::scope(|scope| {
        let handles: Vec<_> = REGISTRY
            .iter()
            .map(|entry| {
                let dir = exercises_dir.join(entry.folder);
                scope.spawn(move || run_reference(&dir, PYTHON_TIMEOUT))
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("python runner thread")).collect()
    });

    for (entry, run) in REGISTRY.iter().zip(runs) {
        let slug = entry.exercise.slug();
        let dir = exercises_dir.join(entry.folder);

        let module_text = std::fs::read_to_string(root.join(module_path(slug))).ok();
        problems.extend(check_source(slug, module_text.as_deref(), entry.exercise.source()));
        let ids: Vec<&str> = entry.exercise.variants().iter().map(|v| v.id).collect();
        problems.extend(check_variant_ids(slug, &ids));

        let content = match Content::parse(entry.toml) {
            Ok(content) => Some(content),
            Err(e) => {
                problems.push(problem(slug, "exercise.toml", format!("does not parse: {}", one_line(&e))));
                None
            }
        };
        if let Some(c) = &content {
            problems.extend(check_text_fields(slug, c));
            problems.extend(check_params(slug, c));
            problems.extend(check_quiz(slug, c));
        }

        let recorded = std::fs::read_to_string(dir.join("reference.out"));
        match (&recorded, &content) {
            (Err(_), _) => problems.push(problem(
                slug,
                "reference.out",
                "does not exist; record it with `python3 reference.py > reference.out`",
            )),
            (Ok(out), Some(c)) => {
                problems.extend(check_recorded_output(slug, c, out));
                problems.extend(check_figures(slug, c, out));
            }
            (Ok(_), None) => {}
        }
        match (run, &recorded) {
            (Err(e), _) => problems.push(problem(slug, "reference.py", e)),
            (Ok(printed), Ok(out)) => problems.extend(compare_output(slug, out, &printed)),
            (Ok(_), Err(_)) => {}
        }
    }
    fail_with(&problems);
}

// ---------------------------------------------------------------------------
// The checker's own tests: each rule fails on a broken input
// ---------------------------------------------------------------------------

const GOOD: &str = r##"
format_version = 1
title = "Tuples vs lists"
origin = ["O9"]
difficulty = "Medium"
tags = ["tuples"]
group = 2
summary = "Compare a tuple with a list."
expected_output = "tuple is smaller: True"
task = "Print the sizes."
starter = "# TODO"
hints = ["Use sys.getsizeof."]
solution = "A tuple of 3 items is 48 bytes."
explanation = """
Measured here: the list is 1,024 bytes and the tuple 48 bytes.

The course quotes 9,999 bytes for the list.
"""
rust_notes = "Two vectors."

[[params]]
name = "n"
label = "items"
default = 10
min = 1
max = 100

[[quiz]]
question = "Which is smaller?"
choices = ["tuple", "list"]
answer = 0
why = "No spare room."

[[predict]]
statement = "sys.getsizeof(()) < sys.getsizeof([])"
answer = true
"##;

const GOOD_OUT: &str = "CPython 3.11.7, 64-bit\n\
    tuple: 48 bytes, list: 1,024 bytes\n\
    sys.getsizeof(()) < sys.getsizeof([]): True\n\
    tuple is smaller: True\n";

fn good() -> Content {
    Content::parse(GOOD).expect("the good example parses")
}

fn all_problems(c: &Content, out: &str) -> Vec<String> {
    let mut all = check_text_fields("demo", c);
    all.extend(check_params("demo", c));
    all.extend(check_quiz("demo", c));
    all.extend(check_recorded_output("demo", c, out));
    all.extend(check_figures("demo", c, out));
    all
}

/// Asserts exactly one problem, mentioning the exercise, `field` and `hint`.
fn assert_one(problems: Vec<String>, field: &str, hint: &str) {
    assert_eq!(problems.len(), 1, "expected one problem about {field}, got {problems:#?}");
    let p = &problems[0];
    assert!(p.contains("[demo]") && p.contains(field) && p.contains(hint), "unhelpful message: {p}");
}

#[test]
fn the_good_example_has_no_problems() {
    assert_eq!(all_problems(&good(), GOOD_OUT), Vec::<String>::new());
    assert_eq!(check_variant_ids("demo", &["naive", "two-pass", "optimized"]), Vec::<String>::new());
    assert_eq!(check_source("demo", Some("fn main() {}"), "fn main() {}"), Vec::<String>::new());
    assert_eq!(compare_output("demo", GOOD_OUT, GOOD_OUT), Vec::<String>::new());
}

#[test]
fn empty_and_out_of_range_fields_are_reported() {
    let mut c = good();
    c.title = "  ".into();
    assert_one(check_text_fields("demo", &c), "title", "empty");
    let mut c = good();
    c.tags.clear();
    assert_one(check_text_fields("demo", &c), "tags", "at least one");
    let mut c = good();
    c.hints = vec!["a".into(); 5];
    assert_one(check_text_fields("demo", &c), "hints", "1 to 4");
    let mut c = good();
    c.hints.clear();
    assert_one(check_text_fields("demo", &c), "hints", "1 to 4");
    let mut c = good();
    c.hints.push("".into());
    assert_one(check_text_fields("demo", &c), "hints[1]", "empty");
    let mut c = good();
    c.group = 6;
    assert_one(check_text_fields("demo", &c), "group", "1 to 5");
    let mut c = good();
    c.format_version = 2;
    assert_one(check_text_fields("demo", &c), "format_version", "set it to 1");
    assert!(Content::parse(&GOOD.replace("format_version = 1", "format_version = 2")).is_err());
    assert!(Content::parse(&GOOD.replace("\"Medium\"", "\"Moderate\"")).is_err(), "difficulty must parse");
}

#[test]
fn bad_params_are_reported() {
    let mut c = good();
    c.params[0].default = 101;
    assert_one(check_params("demo", &c), "params.n", "min <= default <= max");
    let mut c = good();
    c.params[0].min = 11;
    assert_one(check_params("demo", &c), "params.n", "min <= default <= max");
    let mut c = good();
    c.params.push(c.params[0].clone());
    assert_one(check_params("demo", &c), "params.n", "twice");
    let mut c = good();
    c.params[0].name = "Chunk-Size".into();
    assert_one(check_params("demo", &c), "params.Chunk-Size", "lowercase identifier");
}

#[test]
fn bad_quizzes_are_reported() {
    let mut c = good();
    c.quiz[0].choices.truncate(1);
    c.quiz[0].answer = 0;
    assert_one(check_quiz("demo", &c), "quiz[0]", "at least 2");
    let mut c = good();
    c.quiz[0].answer = 2;
    assert_one(check_quiz("demo", &c), "quiz[0]", "numbered 0 to 1");
    let mut c = good();
    c.quiz[0].why = " ".into();
    assert_one(check_quiz("demo", &c), "quiz[0]", "why");
}

#[test]
fn bad_variant_ids_are_reported() {
    assert_one(check_variant_ids("demo", &["baseline", "optimized"]), "variants", "`naive`");
    assert_one(check_variant_ids("demo", &["naive", "fast"]), "variants", "`optimized`");
    assert_one(check_variant_ids("demo", &["naive", "Two_Pass", "optimized"]), "variants", "kebab");
    assert_one(check_variant_ids("demo", &["naive", "optimized", "optimized"]), "variants", "twice");
    assert!(!check_variant_ids("demo", &["naive"]).is_empty(), "one variant is not a comparison");
}

#[test]
fn registry_and_source_mismatches_are_reported() {
    let folders = vec!["a".to_string(), "b".to_string()];
    assert_eq!(check_registry(&folders, &[("a", "a"), ("b", "b")]), Vec::<String>::new());
    let unregistered = check_registry(&folders, &[("a", "a")]);
    assert!(unregistered.len() == 1 && unregistered[0].contains("[b]") && unregistered[0].contains("not registered"));
    let no_folder = check_registry(&folders, &[("a", "a"), ("b", "b"), ("c", "c")]);
    assert!(no_folder.len() == 1 && no_folder[0].contains("exercises/c/ does not exist"));
    let twice = check_registry(&folders, &[("a", "a"), ("a", "a"), ("b", "b")]);
    assert!(twice.len() == 1 && twice[0].contains("twice"));
    let misnamed = check_registry(&folders, &[("a", "a"), ("bee", "b")]);
    assert!(misnamed.iter().any(|p| p.contains("[bee]") && p.contains("exactly as the slug")), "{misnamed:?}");

    assert_one(check_source("demo", None, "x"), "source", "src/exercises/demo.rs does not exist");
    let stale = check_source("my-demo", Some("new text"), "old text");
    assert!(stale.len() == 1 && stale[0].contains("include_str!(\"my_demo.rs\")"), "{stale:?}");
}

#[test]
fn recorded_output_rules_are_enforced() {
    let c = good();
    let no_header = GOOD_OUT.replacen("CPython 3.11.7, 64-bit", "Python 3.11.7", 1);
    assert_one(check_recorded_output("demo", &c, &no_header), "reference.out", "first line");
    let other_version = GOOD_OUT.replacen("3.11.7", "3.12.1", 1);
    assert_one(check_recorded_output("demo", &c, &other_version), "reference.out", "CPython 3.11");
    let thirty_two = GOOD_OUT.replacen("64-bit", "32-bit", 1);
    assert_one(check_recorded_output("demo", &c, &thirty_two), "reference.out", "64-bit");
    let other_last = format!("{GOOD_OUT}done\n");
    assert_one(check_recorded_output("demo", &c, &other_last), "expected_output", "\"done\"");
    let wrong_prediction = GOOD_OUT.replace("[]): True", "[]): False");
    assert_one(check_recorded_output("demo", &c, &wrong_prediction), "predict", "answer = true");
    let no_prediction = GOOD_OUT.replace("sys.getsizeof(()) < sys.getsizeof([]): True\n", "");
    assert_one(check_recorded_output("demo", &c, &no_prediction), "predict", "has no line");
}

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
    c.explanation = c.explanation.replace("The course quotes 9,999 bytes for the list.", "The course quotes 9,999 bytes for the list. Here it is 12,345 bytes.");
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
}

#[test]
fn output_differences_show_the_first_differing_line() {
    let changed = GOOD_OUT.replace("1,024", "1,032");
    let p = compare_output("demo", GOOD_OUT, &changed);
    assert_eq!(p.len(), 1);
    assert!(p[0].contains("line 2") && p[0].contains("- tuple: 48 bytes, list: 1,024 bytes"), "{}", p[0]);
    assert!(p[0].contains("+ tuple: 48 bytes, list: 1,032 bytes"), "{}", p[0]);
    let shorter: String = GOOD_OUT.lines().take(3).map(|l| format!("{l}\n")).collect();
    let p = compare_output("demo", GOOD_OUT, &shorter);
    assert!(p[0].contains("line 4") && p[0].contains("+ (no such line)"), "{}", p[0]);
    let p = compare_output("demo", GOOD_OUT, GOOD_OUT.trim_end());
    assert!(p[0].contains("final newline"), "{}", p[0]);
}

/// A scratch folder holding one `reference.py`, removed afterwards.
struct Scratch(PathBuf);

impl Scratch {
    fn with_program(name: &str, program: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("heapwise-content-check-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("reference.py"), program).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_python_runner_reports_failures_and_timeouts() {
    let ok = Scratch::with_program("ok", "import os\nprint(os.path.basename(os.getcwd()))\nprint('done')\n");
    let expected = format!("{}\ndone\n", ok.0.file_name().unwrap().to_string_lossy());
    assert_eq!(run_reference(&ok.0, PYTHON_TIMEOUT), Ok(expected), "runs in the exercise folder");

    let failing = Scratch::with_program("failing", "print('partial')\nraise SystemExit('broken on purpose')\n");
    let err = run_reference(&failing.0, PYTHON_TIMEOUT).unwrap_err();
    assert!(err.contains("failed") && err.contains("broken on purpose"), "{err}");

    let slow = Scratch::with_program("slow", "import time\ntime.sleep(30)\n");
    let started = Instant::now();
    let err = run_reference(&slow.0, Duration::from_secs(1)).unwrap_err();
    assert!(err.contains("longer than 1 s"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(10), "the slow program was killed");

    let missing = Scratch::with_program("missing", "");
    std::fs::remove_file(missing.0.join("reference.py")).unwrap();
    assert!(run_reference(&missing.0, PYTHON_TIMEOUT).unwrap_err().contains("does not exist"));

    let chatty = Scratch::with_program(
        "chatty",
        "import sys\nfor i in range(200000):\n    print(i)\n    print(i, file=sys.stderr)\n",
    );
    let printed = run_reference(&chatty.0, PYTHON_TIMEOUT).expect("large output does not block");
    assert_eq!(printed.lines().count(), 200_000);
}

#[test]
fn paragraphs_split_on_blank_lines() {
    assert_eq!(paragraphs("a\nb\n\n  \nc\n"), vec!["a\nb".to_string(), "c".to_string()]);
    let set: BTreeSet<String> = byte_figures("1 B 1 B").into_iter().collect();
    assert_eq!(set.len(), 1, "a figure is reported once");
}
