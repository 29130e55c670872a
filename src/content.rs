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
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub calculator_help: String,
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
    /// JSON, named `<slug>-<hash of its bytes>.json` so it can be cached for
    /// good and a changed text is a new name.
    pub data_file: &'static str,
}

impl Card {
    pub fn group_name(&self) -> Option<&'static str> {
        GROUPS.get(usize::from(self.group).checked_sub(1)?).copied()
    }
}

/// One exercise as the page fetches it (`data/<slug>-<hash>.json`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ExerciseData {
    pub format_version: u32,
    pub slug: String,
    /// `exercise.toml`, Markdown rendered to HTML.
    pub content: Content,
    pub programs: Programs,
}

/// The two programs the page shows, as build.rs read them from the files
/// the same build compiled and recorded, with their colour runs.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Programs {
    /// The Python reference program and what it printed (CPython 3.11).
    pub python: String,
    pub python_output: String,
    /// The module's own source: the very file that is compiled and run.
    pub source: String,
    /// Colour runs of `source` and `python` (see `highlight`).
    pub source_runs: Vec<u32>,
    pub python_runs: Vec<u32>,
}
