//! What a Python run answers: `heapwise_check.run_exercise`'s result dict
//! (the package www/python/heapwise_check/), as the page reads it.

use serde::Deserialize;

/// `heapwise_check.run_exercise`'s answer (documented in www/python/heapwise_check/__init__.py).
/// Every key is required: the harness sends them all, and the worker gives
/// a plain run's answer the same shape (python-worker.js `plainResult`), so
/// a key renamed on one side is an error in words ("could not be read:
/// missing field"), never a silent default. Only the `Option`s the page's
/// runtime.js adds (`common`, `checked_stdout`, `profiling`) may be absent.
/// tests/python_results.rs (as the page, serde-wasm-bindgen) and tests/panel_state.rs (serde_json) decode the harness's real answers.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Outcome {
    pub ok: bool,
    pub error: Option<PyError>,
    pub stdout: String,
    pub figures: Vec<Figure>,
    /// Failing first (python/runtime.js orders them for the page).
    pub checks: Vec<Check>,
    /// The words every check failed with, when they all did with the same
    /// (the program did not start, say): said once, the checks' own emptied
    /// (python/runtime.js; not the harness's).
    pub common: Option<Box<str>>,
    pub notes: Vec<String>,
    pub python: String,
    pub pointer_bytes: u32,
    /// Which lines held the memory at the peak (None: not asked for).
    pub line_memory: Option<super::lines::LineMemory>,
    /// What the judged run printed, which the checks read, when the page ran
    /// the program twice (python/runtime.js `combined`): `stdout` is then
    /// the plain run's, the console's.
    pub checked_stdout: Option<String>,
    /// False when the program changed the checker (the harness's
    /// sealing.py): its checks are no verdict. Absent (None) in a run
    /// without checks.
    pub judged: Option<bool>,
    /// True when a profile run follows this verdict (python/runtime.js):
    /// Memory by line and the whole-program figure come with its answer.
    pub profiling: Option<bool>,
}

impl Outcome {
    /// Every check passed, there was at least one, and the program ran to its end.
    pub fn solved(&self) -> bool {
        self.judged != Some(false)
            && self.ok
            && self.error.is_none()
            && !self.checks.is_empty()
            && self.checks.iter().all(|c| c.passed)
    }
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct PyError {
    #[serde(rename = "type")]
    pub kind: String,
    pub message: String,
    pub line: Option<u32>,
    pub traceback: String,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Figure {
    pub label: String,
    pub bytes: f64,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Check {
    pub name: String,
    pub passed: bool,
    pub message: String,
}
