//! Exercise text as data: the schema of `exercises/<slug>/exercise.toml`,
//! parsed from text embedded at compile time.
//!
//! The format is versioned; `tests/content.rs` enforces the authoring rules
//! (see README, "Adding an exercise").

use serde::Deserialize;

/// The only `format_version` this build reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, Deserialize, PartialEq)]
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

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
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

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub question: String,
    pub choices: Vec<String>,
    /// Index into `choices`.
    pub answer: usize,
    /// Markdown shown once answered.
    pub why: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
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
