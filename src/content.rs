//! Exercise text as data: the schema of `exercises/<slug>/exercise.toml`,
//! and the two forms the page receives it in.
//!
//! `build.rs` (which includes this file) parses every `exercise.toml` at
//! build time, renders its Markdown to HTML and writes each exercise as one
//! JSON file ([`ExerciseData`]) that the page fetches when the exercise
//! opens; the catalogue's [`Card`]s are compiled into the page. So the page
//! carries neither the text of thirty exercises nor a TOML parser or a
//! Markdown renderer. Natively, tests parse the same files with
//! [`Content::parse`].
//!
//! The format is versioned; `tests/content/` enforces the authoring rules
//! (see README, "Adding an exercise").

use serde::{Deserialize, Serialize};

/// The only `format_version` this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// One `exercise.toml`. The fields documented as Markdown hold Markdown in
/// the file and HTML on the page (see [`Content::rendered`]).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Content {
    pub format_version: u32,
    pub title: String,
    /// Where it comes from in the course: problem ids (`O1`, `P3`) and lesson
    /// sections (`L-288 §1`).
    pub origin: Vec<String>,
    pub difficulty: Difficulty,
    pub tags: Vec<String>,
    /// Curriculum group, numbered from 1 (see [`GROUPS`]); the catalogue is
    /// grouped by it.
    pub group: u8,
    /// One sentence for the catalogue card.
    pub summary: String,
    /// Markdown: what the student is asked to do.
    pub task: String,
    /// Python the student starts from.
    pub starter: String,
    /// Markdown, revealed one at a time.
    pub hints: Vec<String>,
    /// Markdown shown with the solution (the solution code is `reference.py`).
    pub solution: String,
    /// Markdown: why it works, what Python and Rust each do.
    pub explanation: String,
    /// The line the Python reference program prints last.
    pub expected_output: String,
    /// What the Rust side measures, in one or two sentences of Markdown.
    pub rust_notes: String,
    #[serde(default)]
    pub quiz: Vec<Question>,
    /// True/False statements to predict before running.
    #[serde(default)]
    pub predict: Vec<Prediction>,
    /// Markdown: how to use the exercise's calculator, for an exercise whose
    /// declaration has one (`ExerciseSpec::calculator`).
    // Always written: the page reads its data file as postcard, field by
    // field in order, so no field may be left out when empty.
    #[serde(default)]
    pub calculator_help: String,
    /// `[timing]`: what the Rust variant named by reference.out's timing line
    /// and the Python step it times each do, so the page can say what it
    /// compares, and whether it may print a ratio at all ([`TimedWork`]).
    /// Required exactly when reference.out has a timing line.
    #[serde(default)]
    pub timing: Option<TimedWork>,
}

/// The `[timing]` table of an exercise.toml ("like with like"):
/// one short phrase per side, true to the code, and, when the two cannot do
/// the same work on the same input, one sentence saying why. Plain text.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TimedWork {
    /// What the Rust variant's whole timed body does.
    pub rust: String,
    /// What the Python reference program's timed step does.
    pub python: String,
    /// Why the two do not do the same work; absent when they do.
    #[serde(default)]
    pub differs: Option<String>,
}

/// The longest `rust` or `python` phrase, and the longest `differs` sentence,
/// in characters: the page shows them whole, beside the figures.
pub const PHRASE_MAX_CHARS: usize = 160;
pub const SENTENCE_MAX_CHARS: usize = 280;

impl TimedWork {
    /// Whether the pair claims the same work, so a ratio may be shown.
    pub fn same_work(&self) -> bool {
        self.differs.is_none()
    }

    /// The rule build.rs and the content checker share: a `[timing]` table
    /// exactly when reference.out has a timing line, each phrase one line of
    /// text, `differs` one sentence. `Err` says what to change.
    pub fn check(table: Option<&TimedWork>, line: Option<&CpythonTiming>) -> Result<(), String> {
        let work = match (table, line) {
            (None, None) => return Ok(()),
            (None, Some(line)) => {
                return Err(format!(
                    "has no [timing] table, but reference.out times variant `{}`: add one with \
                     `rust = \"...\"` (what that variant's body does), `python = \"...\"` (what the timed Python \
                     step does) and, if the two cannot do the same work, `differs = \"...\"` (why, in one sentence)",
                    line.variant
                ))
            }
            (Some(_), None) => {
                return Err("has a [timing] table, but reference.out has no timing line: remove the table, \
                            or time the step and print the line"
                    .to_string())
            }
            (Some(work), Some(_)) => work,
        };
        let one_line = |name: &str, text: &str, max: usize| {
            if text.trim().is_empty() {
                Err(format!("[timing] {name} is empty; say what is timed"))
            } else if text.contains('\n') || text.trim() != text {
                Err(format!("[timing] {name} must be one line without leading or trailing blanks: {text:?}"))
            } else if text.chars().count() > max {
                Err(format!("[timing] {name} is {} characters; keep it within {max}", text.chars().count()))
            } else {
                Ok(())
            }
        };
        one_line("rust", &work.rust, PHRASE_MAX_CHARS)?;
        one_line("python", &work.python, PHRASE_MAX_CHARS)?;
        if let Some(why) = &work.differs {
            one_line("differs", why, SENTENCE_MAX_CHARS)?;
            let body =
                why.strip_suffix('.').ok_or_else(|| format!("[timing] differs must end with a full stop: {why:?}"))?;
            if body.contains(". ") || body.contains(".\t") {
                return Err(format!("[timing] differs must be one sentence: {why:?}"));
            }
        }
        Ok(())
    }
}

/// The curriculum's groups, in course order: `group = 1` is the first. The
/// catalogue shows its sections from this table and the content checker
/// accepts exactly its numbers.
pub const GROUPS: [&str; 5] =
    ["What an object costs", "Compact data", "Lazy and streaming", "Sharing and reuse", "Measuring memory"];

impl Content {
    /// The name of this exercise's curriculum group, if its number is one.
    pub fn group_name(&self) -> Option<&'static str> {
        GROUPS.get(usize::from(self.group).checked_sub(1)?).copied()
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub fn name(self) -> &'static str {
        match self {
            Difficulty::Easy => "Easy",
            Difficulty::Medium => "Medium",
            Difficulty::Hard => "Hard",
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub question: String,
    pub choices: Vec<String>,
    /// Index into `choices`.
    pub answer: usize,
    /// Markdown shown once answered.
    pub why: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Prediction {
    /// A Python expression or claim the student judges True or False.
    pub statement: String,
    pub answer: bool,
    /// Why the reference prints `answer`, in a sentence or two the page
    /// shows under the statement once the answers are shown (its byte
    /// figures, like the explanation's, printed by reference.py).
    pub why: String,
    /// The interpreters on which the reference prints the other answer,
    /// each named as its recording is, `exercises/<slug>/outputs/<name>.out`
    /// without `.out` ("cpython-3.8", "pyodide-3.14"), with one sentence
    /// saying why, with the measured value: `differs = [["cpython-3.8",
    /// "..."]]`. Absent when every interpreter prints `answer`.
    /// `tests/python/interpreters.py --predictions` checks it against the
    /// recordings: a flip must be named here, and a name here must flip.
    /// (Pairs, not a table or a struct: a map's decoder in the page's wasm
    /// cost 2.1 kB of the first load, named fields' 0.5 kB.)
    #[serde(default)]
    pub differs: Option<Vec<(String, String)>>,
}

impl Content {
    pub fn parse(text: &str) -> Result<Content, String> {
        let content: Content = toml::from_str(text).map_err(|e| e.to_string())?;
        if content.format_version != FORMAT_VERSION {
            return Err(format!("format_version is {}, this build reads {FORMAT_VERSION}", content.format_version));
        }
        Ok(content)
    }
}

impl Content {
    /// The same text with every Markdown field passed through `render`
    /// (build.rs renders to HTML with pulldown-cmark). Plain fields (title,
    /// summary, starter, expected output, prediction statements) are kept.
    pub fn rendered(mut self, render: impl Fn(&str) -> String) -> Content {
        for field in [&mut self.task, &mut self.solution, &mut self.explanation, &mut self.rust_notes] {
            *field = render(field);
        }
        self.hints.iter_mut().for_each(|hint| *hint = render(hint));
        for question in &mut self.quiz {
            question.question = render(&question.question);
            question.choices.iter_mut().for_each(|choice| *choice = render(choice));
            question.why = render(&question.why);
        }
        self.predict.iter_mut().for_each(|p| p.why = render(&p.why));
        if !self.calculator_help.is_empty() {
            self.calculator_help = render(&self.calculator_help);
        }
        self
    }
}

/// What the catalogue shows of an exercise, compiled into the page by
/// build.rs (`exercises::CARDS`), with the name of its data file.
#[derive(Debug, PartialEq, Eq)]
pub struct Card {
    pub slug: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub origin: &'static [&'static str],
    pub difficulty: Difficulty,
    pub tags: &'static [&'static str],
    /// Curriculum group, numbered from 1 (see [`GROUPS`]).
    pub group: u8,
    /// `data/<file>` in the bundle: this exercise's [`ExerciseData`] as
    /// postcard bytes, named `<slug>-<hash of its bytes>.bin` so it can be cached for
    /// good and a changed text is a new name.
    pub data_file: &'static str,
}

impl Card {
    pub fn group_name(&self) -> Option<&'static str> {
        GROUPS.get(usize::from(self.group).checked_sub(1)?).copied()
    }
}

/// One exercise as the page fetches it: `data/<slug>-<hash>.bin`, postcard
/// bytes (`ExerciseData::read`), as small to read as the page's code can make it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ExerciseData {
    pub format_version: u32,
    pub slug: String,
    /// `exercise.toml`, Markdown rendered to HTML.
    pub content: Content,
    pub programs: Programs,
}

impl ExerciseData {
    /// A data file's bytes read back: postcard, as build.rs writes them
    /// (the data's own codec, not the measuring worker's protocol). Its
    /// error by name (`{:?}`): postcard's sentences for every error it has
    /// were 795 B of the page's wasm.
    pub fn read(bytes: &[u8]) -> Result<ExerciseData, String> {
        postcard::from_bytes(bytes).map_err(|e| format!("{e:?}"))
    }
}

/// The two programs the page shows, as build.rs read them from the files
/// the same build compiled and recorded, with their colour runs.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Programs {
    /// The Python reference program and what it printed (CPython 3.11).
    pub python: String,
    pub python_output: String,
    /// What `python_output` records of CPython: the interpreter and the
    /// reference program's own timing of its optimized step, read by
    /// build.rs ([`CpythonRecord::read`]) so the page can compare a Rust run with it.
    pub cpython: CpythonRecord,
    /// The module's own source: the very file that is compiled and run.
    pub source: String,
    /// Colour runs of `source` and `python` (see `highlight`).
    pub source_runs: Vec<u32>,
    pub python_runs: Vec<u32>,
    /// The names of the checks in `check.py`, in the order they run
    /// ([`planned_checks`], [`names_and_steps`]): the page lists them with
    /// their steps before the first run, so the student knows what "done"
    /// means, and labels a run's results with their steps.
    pub checks: Vec<String>,
    /// The step each of `checks` verifies (0: none named).
    pub check_steps: Vec<u32>,
    /// The reference program's recordings on every interpreter, lined up
    /// with `python_output` and each difference explained: HTML made by
    /// build.rs from `outputs/` (src/recordings.rs), so the page carries
    /// no code to compare them.
    pub recordings: String,
}

/// One check as `check.py` declares it: `@check("name", step=N)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedCheck {
    pub name: String,
    /// The numbered step of the task the check verifies (1-based); `None`
    /// when the decorator names none, which the content test refuses for
    /// an exercise ([`task_steps`]).
    pub step: Option<u32>,
}

/// The checks' names and steps, in check.py's order (the order they run
/// in, so the list before a run and a run's results agree), as the page
/// lists them, labelling each step where it starts. Plain vectors, not a
/// list of structs: the page's wasm decodes them with code it has already
/// (a struct's decoder cost about 1 kB of the first load).
pub fn names_and_steps(checks: Vec<PlannedCheck>) -> (Vec<String>, Vec<u32>) {
    checks.into_iter().map(|c| (c.name, c.step.unwrap_or(0))).unzip()
}

/// The numbers of the task's steps, in order: every line that starts, at
/// its first column, with a number, a full stop and a space (`3. With
/// tracemalloc, ...`).
pub fn task_steps(task: &str) -> Vec<u32> {
    task.lines()
        .filter_map(|line| {
            let (number, rest) = line.split_once(". ")?;
            (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty())
                .then(|| number.parse().ok())
                .flatten()
        })
        .collect()
}

/// The check the harness runs after every exercise's own checks
/// (`BYTES_RULE` in www/python/heapwise_check/loading.py): every figure in
/// bytes the program printed is one it measured. build.rs adds it last to
/// every exercise's planned checks, so the page lists it from the data.
pub const BYTES_RULE: &str = "every figure in bytes it prints is one it measured";

/// The checks a `check.py` defines, in order: the string literal of every
/// `@check("...")` line (single or double quotes, the escapes `\\`, `\"`
/// and `\'`) and the step it names, `@check("...", step=N)`. A decorator
/// the page cannot read this way is an error, so its list cannot silently
/// miss a check or misplace one.
pub fn planned_checks(source: &str) -> Result<Vec<PlannedCheck>, String> {
    let mut checks: Vec<PlannedCheck> = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let Some(rest) = line.trim_start().strip_prefix("@check(") else { continue };
        let bad = || {
            format!(
                "line {}: `{}` does not read `@check(\"name\", step=N)` with a plain string literal and a step number",
                number + 1,
                line.trim()
            )
        };
        let mut chars = rest.chars();
        let quote = chars.next().filter(|q| *q == '"' || *q == '\'').ok_or_else(bad)?;
        let mut name = String::new();
        loop {
            match chars.next().ok_or_else(bad)? {
                '\\' => match chars.next().ok_or_else(bad)? {
                    c @ ('\\' | '"' | '\'') => name.push(c),
                    _ => return Err(bad()),
                },
                c if c == quote => break,
                c => name.push(c),
            }
        }
        let step = match chars.as_str().trim() {
            ")" => None,
            tail => {
                let digits = tail
                    .strip_prefix(',')
                    .map(str::trim_start)
                    .and_then(|t| t.strip_prefix("step"))
                    .map(str::trim_start)
                    .and_then(|t| t.strip_prefix('='))
                    .and_then(|t| t.strip_suffix(')'))
                    .map(str::trim)
                    .ok_or_else(bad)?;
                let step: u32 = digits.parse().map_err(|_| bad())?;
                if step == 0 || digits.starts_with('0') {
                    return Err(bad());
                }
                Some(step)
            }
        };
        if checks.iter().any(|c| c.name == name) {
            return Err(format!("line {}: a second check called {name:?}", number + 1));
        }
        checks.push(PlannedCheck { name, step });
    }
    Ok(checks)
}

/// The one line of `reference.out` in which the reference program timed its
/// optimized step itself (README, "Rust against CPython on the same work"):
///
/// `timing: variant optimized at n=500000: 18234.5 us per call, best of 5 (tracemalloc off)`
///
/// It names the Rust variant that does the same job and the parameters at
/// which the Rust does the same amount of work, so the page can set them
/// and compare its own measured time with this recorded one.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CpythonTiming {
    /// The `id` of the Rust variant (`SPEC.variants`) doing the same job.
    pub variant: String,
    /// Every parameter the Rust exercise declares, in the line's order.
    pub params: Vec<(String, u64)>,
    /// Microseconds per call under CPython, the best of `best_of` repeats,
    /// to one decimal as printed.
    pub micros: f64,
    pub best_of: u32,
}

/// What every `timing:` line reads, for messages.
pub const TIMING_FORM: &str =
    "timing: variant <id> at <param>=<int>[, <param>=<int>...]: <micros> us per call, best of <k> (tracemalloc off)";

impl CpythonTiming {
    /// Reads one line of the form [`TIMING_FORM`] (exactly: one decimal in
    /// the micros, lowercase names, integers without separators), or `None`.
    pub fn parse(line: &str) -> Option<CpythonTiming> {
        let all = |text: &str, ok: fn(char) -> bool| !text.is_empty() && text.chars().all(ok);
        let digits = |text: &str| all(text, |c| c.is_ascii_digit());
        let body = line.strip_prefix("timing: variant ")?.strip_suffix(" (tracemalloc off)")?;
        let (variant, rest) = body.split_once(" at ")?;
        let (params, figures) = rest.split_once(": ")?;
        let (micros, best_of) = figures.split_once(" us per call, best of ")?;
        if !all(variant, |c| matches!(c, 'a'..='z' | '0'..='9' | '-')) || !digits(best_of) {
            return None;
        }
        let (whole, tenths) = micros.split_once('.')?;
        if !digits(whole) || tenths.len() != 1 || !digits(tenths) {
            return None;
        }
        let params = params
            .split(", ")
            .map(|pair| {
                let (name, value) = pair.split_once('=')?;
                let name_ok = all(name, |c| matches!(c, 'a'..='z' | '0'..='9' | '_'));
                (name_ok && digits(value)).then(|| Some((name.to_string(), value.parse::<u64>().ok()?)))?
            })
            .collect::<Option<Vec<_>>>()?;
        Some(CpythonTiming {
            variant: variant.to_string(),
            params,
            micros: micros.parse().ok()?,
            best_of: best_of.parse().ok()?,
        })
    }

    /// The timing line of a whole `reference.out`: `Ok(None)` if it has
    /// none, an error naming the line if a line starting `timing:` does not
    /// read as one, or if there are two.
    pub fn find(reference_out: &str) -> Result<Option<CpythonTiming>, String> {
        let mut found: Option<(usize, CpythonTiming)> = None;
        for (index, line) in reference_out.lines().enumerate() {
            if !line.starts_with("timing:") {
                continue;
            }
            let number = index + 1;
            let Some(timing) = CpythonTiming::parse(line) else {
                return Err(format!("line {number}, {line:?}, does not read `{TIMING_FORM}`"));
            };
            if let Some((first, _)) = found {
                return Err(format!("lines {first} and {number} are both timing lines; there must be one"));
            }
            found = Some((number, timing));
        }
        Ok(found.map(|(_, timing)| timing))
    }

    /// Whether a run with `params` (name, value; any order) did the work
    /// this timing was recorded at: the same names with the same values.
    pub fn same_params(&self, params: &[(String, u64)]) -> bool {
        // Both ways round, so a repeated name cannot make two lists look alike.
        let within = |a: &[(String, u64)], b: &[(String, u64)]| a.iter().all(|p| b.contains(p));
        self.params.len() == params.len() && within(&self.params, params) && within(params, &self.params)
    }

    /// The line again, as the reference program printed it.
    pub fn line(&self) -> String {
        let params: Vec<String> = self.params.iter().map(|(name, value)| format!("{name}={value}")).collect();
        format!(
            "timing: variant {} at {}: {:.1} us per call, best of {} (tracemalloc off)",
            self.variant,
            params.join(", "),
            self.micros,
            self.best_of
        )
    }
}

/// What `reference.out` records of the CPython run beside its output: the
/// interpreter (its first line, `CPython 3.11.7, 64-bit`) and the timing
/// line, once every reference program prints one.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CpythonRecord {
    pub interpreter: String,
    pub timing: Option<CpythonTiming>,
}

impl CpythonRecord {
    /// Reads a whole `reference.out`; an error if its timing line is malformed or doubled.
    pub fn read(reference_out: &str) -> Result<CpythonRecord, String> {
        let interpreter = reference_out.lines().next().unwrap_or_default().to_string();
        Ok(CpythonRecord { interpreter, timing: CpythonTiming::find(reference_out)? })
    }
}

#[cfg(test)]
mod timing_tests {
    use super::*;

    const LINE: &str = "timing: variant optimized at n=500000: 18234.5 us per call, best of 5 (tracemalloc off)";

    #[test]
    fn the_spec_example_reads_and_prints_back() {
        let timing = CpythonTiming::parse(LINE).expect("the spec's example");
        assert_eq!(timing.variant, "optimized");
        assert_eq!(timing.params, vec![("n".to_string(), 500_000)]);
        assert_eq!(timing.micros, 18234.5);
        assert_eq!(timing.best_of, 5);
        assert_eq!(timing.line(), LINE);
        assert!(timing.same_params(&[("n".to_string(), 500_000)]));
        assert!(!timing.same_params(&[("n".to_string(), 500_001)]));
        assert!(!timing.same_params(&[("n".to_string(), 500_000), ("m".to_string(), 1)]));
        assert!(!timing.same_params(&[]));
        let two =
            "timing: variant memory-view at size_kib=256, chunk_2=64: 0.0 us per call, best of 12 (tracemalloc off)";
        let timing = CpythonTiming::parse(two).expect("two parameters");
        assert_eq!(timing.variant, "memory-view");
        assert_eq!(timing.params, vec![("size_kib".to_string(), 256), ("chunk_2".to_string(), 64)]);
        assert_eq!((timing.micros, timing.best_of), (0.0, 12));
        assert_eq!(timing.line(), two);
        assert!(timing.same_params(&[("chunk_2".to_string(), 64), ("size_kib".to_string(), 256)]));
    }

    #[test]
    fn every_departure_from_the_form_is_refused() {
        for bad in [
            "",
            "timing: variant optimized at n=500000: 18234.5 us per call, best of 5",
            "timing: variant optimized at n=500000: 18234.5 us per call, best of 5 (tracemalloc off) ",
            " timing: variant optimized at n=500000: 18234.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant Optimized at n=500000: 18234.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant opt imized at n=500000: 18234.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant  at n=500000: 18234.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at : 18234.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=500_000: 18234.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=500,000: 18234.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=-5: 18234.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at N=5: 18234.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=5,m=6: 18234.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=5, : 18234.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=99999999999999999999: 1.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=500000: 18234 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=500000: 18234.50 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=500000: .5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=500000: 1e3.5 us per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=500000: 18234.5 ms per call, best of 5 (tracemalloc off)",
            "timing: variant optimized at n=500000: 18234.5 us per call, best of five (tracemalloc off)",
            "timing: variant optimized at n=500000: 18234.5 us per call, best of  5 (tracemalloc off)",
            "timing: variant optimized at n=500000: 18234.5 us per call, best of 5 (tracemalloc on)",
        ] {
            assert_eq!(CpythonTiming::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_reference_out_has_at_most_one_well_formed_timing_line() {
        let out = format!("CPython 3.11.7, 64-bit\nsome output\n{LINE}\nlast line: True\n");
        let record = CpythonRecord::read(&out).unwrap();
        assert_eq!(record.interpreter, "CPython 3.11.7, 64-bit");
        assert_eq!(record.timing, CpythonTiming::parse(LINE));
        assert!(record.timing.is_some());

        let none = CpythonRecord::read("CPython 3.11.7, 64-bit\ntimings are not printed here\n").unwrap();
        assert_eq!(none.timing, None);

        let twice = format!("CPython 3.11.7, 64-bit\n{LINE}\nx\n{LINE}\nlast\n");
        let error = CpythonTiming::find(&twice).unwrap_err();
        assert_eq!(error, "lines 2 and 4 are both timing lines; there must be one");

        let malformed = "CPython 3.11.7, 64-bit\ntiming: 18 ms\nlast\n";
        let error = CpythonRecord::read(malformed).unwrap_err();
        assert!(error.starts_with("line 2, \"timing: 18 ms\", does not read `timing: variant <id>"), "{error}");
    }
}

#[cfg(test)]
mod timed_work_tests {
    use super::*;

    const LINE: &str = "timing: variant optimized at n=10: 12.5 us per call, best of 5 (tracemalloc off)";

    fn work(differs: Option<&str>) -> TimedWork {
        TimedWork {
            rust: "builds n points and sums them".to_string(),
            python: "builds n slotted points and sums them".to_string(),
            differs: differs.map(str::to_string),
        }
    }

    #[test]
    fn a_table_goes_with_a_timing_line_and_only_with_one() {
        let line = CpythonTiming::parse(LINE).unwrap();
        assert_eq!(TimedWork::check(Some(&work(None)), Some(&line)), Ok(()));
        assert!(work(None).same_work());
        let differs = work(Some("The Rust variant also builds its input."));
        assert_eq!(TimedWork::check(Some(&differs), Some(&line)), Ok(()));
        assert!(!differs.same_work());
        assert_eq!(TimedWork::check(None, None), Ok(()));
        let missing = TimedWork::check(None, Some(&line)).unwrap_err();
        assert!(missing.contains("no [timing] table") && missing.contains("`optimized`"), "{missing}");
        let stray = TimedWork::check(Some(&work(None)), None).unwrap_err();
        assert!(stray.contains("no timing line"), "{stray}");
    }

    #[test]
    fn phrases_are_one_line_and_differs_one_sentence() {
        let line = CpythonTiming::parse(LINE).unwrap();
        let check = |work: TimedWork| TimedWork::check(Some(&work), Some(&line)).unwrap_err();
        assert!(check(TimedWork { rust: " ".to_string(), ..work(None) }).contains("rust is empty"));
        assert!(check(TimedWork { python: String::new(), ..work(None) }).contains("python is empty"));
        assert!(check(TimedWork { rust: "two\nlines".to_string(), ..work(None) }).contains("one line"));
        assert!(check(TimedWork { python: "x ".to_string(), ..work(None) }).contains("trailing blanks"));
        let long = "x".repeat(PHRASE_MAX_CHARS + 1);
        assert!(check(TimedWork { rust: long, ..work(None) }).contains("keep it within"));
        assert!(check(work(Some(""))).contains("differs is empty"));
        assert!(check(work(Some("No full stop"))).contains("full stop"));
        assert!(check(work(Some("One sentence. And another."))).contains("one sentence"));
    }

    #[test]
    fn the_table_reads_from_toml_and_may_be_left_out() {
        #[derive(Deserialize)]
        struct Only {
            #[serde(default)]
            timing: Option<TimedWork>,
        }
        let read = |text: &str| toml::from_str::<Only>(text).map(|o| o.timing);
        let same = read("[timing]\nrust = \"a\"\npython = \"b\"\n").unwrap().unwrap();
        assert_eq!((same.rust.as_str(), same.python.as_str(), same.differs), ("a", "b", None));
        let differs = read("[timing]\nrust = \"a\"\npython = \"b\"\ndiffers = \"Why.\"\n").unwrap().unwrap();
        assert_eq!(differs.differs.as_deref(), Some("Why."));
        assert_eq!(read("").unwrap(), None);
        assert!(read("[timing]\nrust = \"a\"\n").is_err(), "python is required");
        assert!(read("[timing]\nrust = \"a\"\npython = \"b\"\nratio = 3\n").is_err(), "unknown keys are refused");
    }
}

#[cfg(test)]
mod planned_checks_tests {
    use super::{names_and_steps, planned_checks, task_steps, PlannedCheck, BYTES_RULE};

    #[test]
    fn the_bytes_rule_is_named_as_the_harness_names_it() {
        let loading = include_str!("../www/python/heapwise_check/loading.py");
        assert!(
            loading.contains(&format!("\nBYTES_RULE = \"{BYTES_RULE}\"\n")),
            "BYTES_RULE differs from www/python/heapwise_check/loading.py"
        );
    }

    fn planned(name: &str, step: Option<u32>) -> PlannedCheck {
        PlannedCheck { name: name.to_string(), step }
    }

    #[test]
    fn reads_every_check_in_order_with_its_step() {
        let source = "from heapwise_check import check\n\n@check(\"first one\", step=2)\ndef _(p):\n    pass\n\n    @check('say \\'hi\\' and \\\\' ,  step = 11 )\ndef _(p):\n    pass\n@check(\"no step\")\n";
        assert_eq!(
            planned_checks(source).unwrap(),
            vec![planned("first one", Some(2)), planned("say 'hi' and \\", Some(11)), planned("no step", None)]
        );
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(planned_checks("@check(NAME)\n").unwrap_err().contains("line 1"));
        assert!(planned_checks("@check(f\"x\")\n").is_err());
        assert!(planned_checks("@check(\"a\" + b)\n").is_err());
        assert!(planned_checks("@check(\"unclosed)\n").is_err());
        assert!(planned_checks("@check(\"a\", step=0)\n").is_err());
        assert!(planned_checks("@check(\"a\", step=02)\n").is_err());
        assert!(planned_checks("@check(\"a\", step=TWO)\n").is_err());
        assert!(planned_checks("@check(\"a\", 2)\n").is_err());
        assert!(planned_checks("@check(\"a\", step=2\n").is_err());
        assert!(planned_checks("@check(\"a\")\n@check(\"a\", step=1)\n").unwrap_err().contains("second check"));
        assert_eq!(planned_checks("# @check(\"in a comment\")\nx = 1\n").unwrap(), Vec::new());
    }

    #[test]
    fn checks_are_listed_in_their_running_order_with_steps() {
        let plan = vec![planned("b", Some(2)), planned("a", Some(1)), planned("c", Some(2)), planned("free", None)];
        let (names, steps) = names_and_steps(plan);
        assert_eq!(names, ["b", "a", "c", "free"]);
        assert_eq!(steps, [2, 1, 2, 0]);
    }

    #[test]
    fn a_tasks_steps_are_its_numbered_lines() {
        let task = "Intro 1. not a step.\n\n1. Write it.\n2. Measure\n   it, 3. not this.\n10. Last.\n  4. indented, not a step\n5.no space\n";
        assert_eq!(task_steps(task), vec![1, 2, 10]);
    }
}
