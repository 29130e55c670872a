//! Exercise text as data: the schema of `exercises/<slug>/exercise.toml`,
//! parsed from text embedded at compile time.
//!
//! The format is versioned; `tests/content.rs` enforces the authoring rules
//! (see README, "Adding an exercise").

use serde::Deserialize;

use crate::units::grouped;
use crate::exercise::Params;

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
    /// Curriculum group, 1 to 5; the catalogue is grouped by it.
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
    pub params: Vec<ParamSpec>,
    #[serde(default)]
    pub quiz: Vec<Question>,
    /// True/False statements to predict before running.
    #[serde(default)]
    pub predict: Vec<Prediction>,
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
pub struct ParamSpec {
    /// Name used in the URL and by the Rust code (`n`).
    pub name: String,
    /// What it counts, for the form ("points").
    pub label: String,
    pub default: u64,
    pub min: u64,
    pub max: u64,
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
            return Err(format!(
                "format_version is {}, this build reads {FORMAT_VERSION}",
                content.format_version
            ));
        }
        Ok(content)
    }

    /// The declared defaults.
    pub fn default_params(&self) -> Params {
        Params(self.params.iter().map(|p| (p.name.clone(), p.default)).collect())
    }

    /// Every combination of each parameter at its min and max (and the
    /// defaults): the points the registry tests run.
    pub fn boundary_params(&self) -> Vec<Params> {
        let mut all = vec![self.default_params()];
        for corner in 0..(1u32 << self.params.len()) {
            all.push(Params(
                self.params
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.name.clone(), if corner >> i & 1 == 1 { p.max } else { p.min }))
                    .collect(),
            ));
        }
        all
    }
}

/// Reads a parameter value as given by a person or a URL and checks it
/// against its bounds; the error says what was wrong in words.
pub fn parse_param(spec: &ParamSpec, raw: &str) -> Result<u64, String> {
    let cleaned: String = raw.trim().chars().filter(|c| *c != ',' && *c != '_').collect();
    let value: u64 = cleaned.parse().map_err(|_| {
        format!("{} must be a whole number from {}; \"{raw}\" is not one", spec.describe(), spec.range())
    })?;
    spec.check(value)
}

impl ParamSpec {
    /// `value` if it is within the bounds; otherwise why not, in words.
    pub fn check(&self, value: u64) -> Result<u64, String> {
        if value < self.min || value > self.max {
            return Err(format!("{} must be from {}; {value} is out of range", self.describe(), self.range()));
        }
        Ok(value)
    }

    /// "points (n)": what a person reads, and the name a link uses.
    fn describe(&self) -> String {
        format!("{} ({})", self.label, self.name)
    }

    fn range(&self) -> String {
        format!("{} to {}", grouped(self.min as i64), grouped(self.max as i64))
    }
}
