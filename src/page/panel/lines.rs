//! Memory by line as the harness sends it (`_LineMemory` in
//! www/python/heapwise_check/line_memory.py): which lines held the traced
//! memory at the peak, and the reference program's profile as the panel
//! knows it. `ui::python::lines` draws them.

use serde::Deserialize;

/// `run_exercise(...)["line_memory"]`: every key is required (a run where
/// Memory by line was not available answers them all, empty), so a key
/// renamed on one side fails to decode instead of reading as 0.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct LineMemory {
    pub available: bool,
    /// Why there are no figures, or why they stop early.
    pub why: Option<String>,
    /// The most bytes traced at any moment (exact: tracemalloc's peak between samples).
    pub peak_bytes: f64,
    /// Bytes traced when the snapshot below was taken.
    pub snapshot_bytes: f64,
    /// The line about to run when it was taken (None: at the end, or where the program stopped tracing).
    pub snapshot_line: Option<u32>,
    /// Bytes of blocks allocated outside the program's file (libraries, the interpreter).
    pub other_bytes: f64,
    /// How many times the program started tracemalloc itself.
    pub windows: u32,
    pub lines: Vec<LineRow>,
    /// (milliseconds since the program started, bytes traced).
    pub timeline: Vec<(f64, f64)>,
    pub samples: u32,
    pub snapshots: u32,
    pub sampling_ms: f64,
    /// Each step of the task the exercise names (its STEPS), at its most:
    /// (the line holding most of it, 0 for none; bytes of the lines doing it
    /// at one snapshot). Pairs, as `timeline`: a decoder of its own would cost
    /// the first load more.
    pub steps: Vec<(f64, f64)>,
    /// The steps' names, in the same order.
    pub step_labels: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct LineRow {
    pub line: u32,
    pub bytes: f64,
    pub count: f64,
    pub end_bytes: Option<f64>,
    pub end_count: Option<f64>,
}

/// The reference program's profile, as the panel knows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Reference {
    Idle,
    Running,
    Done(std::rc::Rc<LineMemory>),
    Failed(String),
}
