//! A student's progress as data: what each exercise page records (hints
//! shown, predictions, quiz answers, runs, solved). `ui::progress` keeps it
//! in the browser's local storage.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub exercises: HashMap<String, ExerciseProgress>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExerciseProgress {
    pub hints_shown: usize,
    pub solution_seen: bool,
    pub runs: u32,
    /// The student's True/False answers to the predict statements.
    pub predictions: Vec<Option<bool>>,
    pub predictions_locked: bool,
    /// Chosen answer per quiz question.
    pub quiz: Vec<Option<usize>>,
    /// Every check of the student's own Python passed (the Python panel).
    pub solved: bool,
}

impl ExerciseProgress {
    pub fn started(&self) -> bool {
        self.runs > 0 || self.hints_shown > 0 || self.solution_seen || self.solved
    }
}
