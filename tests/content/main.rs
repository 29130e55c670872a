//! The content checker: every exercise's text, Python reference program and
//! checks follow the authoring rules (README, "Adding an exercise").
//!
//! Rustlings-style: every problem in every exercise is collected, then the
//! test fails once with the whole list, each line saying which exercise,
//! which field, and what to do about it.
//!
//! Each rule is a small function over plain inputs (parsed `Content`, file
//! text, lists of names) returning problems, tested on broken inputs beside
//! it: `rules` (fields, quiz, parameters, registry), `figures` (every byte
//! figure in the text traced to the output that printed it) and `python`
//! (running the reference programs and comparing their output).
#![cfg(not(target_arch = "wasm32"))]

mod figures;
#[cfg(test)]
mod fixtures;
mod python;
mod rules;

use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::thread;

use heapwise::content::Content;
use heapwise::exercises::REGISTRY;
use heapwise::recordings::{Comparison, Notes};

use figures::check_figures;
use python::{compare_output, run_reference, run_starter, PYTHON_TIMEOUT};
use rules::*;

#[global_allocator]
static ALLOC: heapwise::measure::CountingAlloc = heapwise::measure::CountingAlloc::system();

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One finding, in the form every message takes.
fn problem(exercise: &str, field: &str, what_to_do: impl Display) -> String {
    format!("[{exercise}] {field}: {what_to_do}")
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

/// What running a Python program gave: its output, or why it failed.
type Outcome = Result<String, String>;

/// Every line of reference.out that another interpreter prints otherwise
/// (timing lines aside) has a note in `outputs/why.toml` saying why, every
/// note explains a line that differs, and every interpreter the program does
/// not run on is explained (the page shows them side by side: src/recordings.rs).
#[test]
fn every_recording_difference_is_explained() {
    let mut problems = Vec::new();
    for entry in REGISTRY {
        let dir = root().join("exercises").join(entry.slug);
        let read = |path: &Path| std::fs::read_to_string(path).unwrap_or_default();
        let mut recordings = Vec::new();
        for file in std::fs::read_dir(dir.join("outputs"))
            .map(|d| d.filter_map(Result::ok).collect())
            .unwrap_or_else(|_| Vec::new())
        {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "out") {
                let name = path.file_stem().unwrap().to_string_lossy().into_owned();
                recordings.push((name, read(&path)));
            }
        }
        let comparison = Comparison::new(&read(&dir.join("reference.out")), recordings);
        let notes_path = dir.join("outputs/why.toml");
        let notes = match Notes::parse(&read(&notes_path)) {
            Ok(notes) => notes,
            Err(e) => {
                problems.push(problem(entry.slug, "outputs/why.toml", format!("does not parse: {}", one_line(&e))));
                continue;
            }
        };
        problems.extend(comparison.problems(&notes).into_iter().map(|p| problem(entry.slug, "outputs/why.toml", p)));
    }
    fail_with(&problems);
}

#[test]
fn every_exercise_follows_the_content_rules() {
    let exercises_dir = root().join("exercises");
    let mut problems = Vec::new();

    let slugs: Vec<&str> = REGISTRY.iter().map(|e| e.slug).collect();
    problems.extend(check_registry(&folders_under(&exercises_dir), &slugs));

    let contents: Vec<Option<Content>> = REGISTRY
        .iter()
        .map(|entry| match heapwise::exercises::text_of(entry.slug).map(|text| Content::parse(text.toml)) {
            None => None, // check_registry has said the folder is missing
            Some(Ok(content)) => Some(content),
            Some(Err(e)) => {
                problems.push(problem(entry.slug, "exercise.toml", format!("does not parse: {}", one_line(&e))));
                None
            }
        })
        .collect();

    // The Python programs are the slow part: run them a few at a time, one
    // worker thread per core, each taking the next exercise.
    let jobs: Vec<(std::path::PathBuf, Option<String>)> = REGISTRY
        .iter()
        .zip(&contents)
        .map(|(entry, content)| (exercises_dir.join(entry.slug), content.as_ref().map(|c| c.starter.clone())))
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = thread::available_parallelism().map_or(2, |n| n.get());
    let mut runs: Vec<(usize, (Outcome, Option<Outcome>))> = thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((dir, starter)) = jobs.get(i) else { return done };
                        let reference = run_reference(dir, PYTHON_TIMEOUT);
                        done.push((i, (reference, starter.as_ref().map(|s| run_starter(dir, s, PYTHON_TIMEOUT)))));
                    }
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("python runner thread")).collect()
    });
    runs.sort_by_key(|(i, _)| *i);
    let runs: Vec<(Outcome, Option<Outcome>)> = runs.into_iter().map(|(_, run)| run).collect();

    let keys: Vec<(usize, usize)> =
        contents.iter().flatten().flat_map(|c| c.quiz.iter().map(|q| (q.answer, q.choices.len()))).collect();
    problems.extend(check_quiz_spread(&keys));

    for ((entry, content), (run, starter_run)) in REGISTRY.iter().zip(&contents).zip(runs) {
        let slug = entry.slug;
        let dir = exercises_dir.join(slug);

        let present: Vec<String> = std::fs::read_dir(&dir)
            .map(|files| files.filter_map(Result::ok).map(|f| f.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        problems.extend(check_files(slug, &present.iter().map(String::as_str).collect::<Vec<_>>()));
        let ids: Vec<&str> = entry.spec.variants.iter().map(|v| v.id).collect();
        problems.extend(check_variant_ids(slug, &ids));
        problems.extend(check_params(slug, entry.spec.params));

        if let Some(c) = content {
            problems.extend(check_text_fields(slug, c));
            problems.extend(check_quiz(slug, c));
            problems.extend(check_predictions(slug, c));
            problems.extend(check_calculator_help(slug, c, entry.spec.calculator.is_some()));
            if let Ok(check_py) = std::fs::read_to_string(dir.join("check.py")) {
                problems.extend(check_steps(slug, &c.task, &check_py));
            }
        }
        if let Some(Err(e)) = starter_run {
            problems.push(problem(slug, "starter", format!("must run as given, without changes: {e}")));
        }

        let recorded = std::fs::read_to_string(dir.join("reference.out"));
        if let (Ok(out), Some(c)) = (&recorded, content) {
            problems.extend(check_recorded_output(slug, c, out));
            problems.extend(check_timing_line(slug, out, &ids, entry.spec.params));
            problems.extend(check_timed_work(slug, c, out));
            problems.extend(check_figures(slug, c, out));
        }
        match (run, &recorded) {
            (Err(e), _) => problems.push(problem(slug, "reference.py", e)),
            (Ok(printed), Ok(out)) => problems.extend(compare_output(slug, out, &printed)),
            (Ok(_), Err(_)) => {}
        }
    }
    fail_with(&problems);
}
