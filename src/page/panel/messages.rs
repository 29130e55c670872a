//! What a Python run asks for and what the runtime answers: the runtime's
//! own events, one run's steps and how it ended (`ui::python::messages`
//! reads them from python-bridge.js's plain objects; `ui::python::bridge`
//! sends and listens).

use super::outcome::Outcome;

/// Every file a run needs (`files` of them) is in the service worker's
/// cache, or could not be put there.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Kept {
    pub stored: bool,
    pub files: u32,
}

/// What the runtime says about itself, to the open panel (`pythonListen`).
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Progress {
        loaded: f64,
        total: f64,
    },
    Ready {
        python: String,
        pointer_bytes: u32,
    },
    /// A worker was thrown away (Stop, the time limit, a runtime that
    /// broke) and no fresh one is ready yet.
    Starting,
    /// `offline`: for want of the network, with files this browser has not stored.
    LoadFailed {
        message: String,
        offline: bool,
    },
    /// Every file a run needs was put in the offline cache (or not: why).
    Offline {
        kept: Kept,
        message: Option<String>,
    },
}

/// What one run asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRequest {
    /// The exercise whose checks judge it.
    pub slug: String,
    pub source: String,
    pub time_limit_seconds: u32,
    /// Memory by line: the harness samples which lines hold memory.
    pub line_memory: bool,
    /// False: no checks (the reference program, profiled for comparison).
    pub checks: bool,
}

/// A step of one run, told to that run's own callback, in this order.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// It is executing.
    Started,
    /// What its plain run printed, in batches.
    Output { stderr: bool, text: String },
    /// The plain run ended (its output is in the console); the judged run
    /// (checks, Memory by line) runs next in a fresh interpreter.
    Checking,
}

/// How one run ended, told once.
#[derive(Clone, Debug, PartialEq)]
pub enum End {
    Result(Box<Outcome>),
    /// It could not complete; `fatal`: its runtime died (the message says a
    /// fresh one is starting).
    Failed {
        message: String,
        fatal: bool,
    },
    /// Stopped as asked (or another run took its place), or after the time
    /// limit (`Some(seconds)`). (Checks still running after theirs end as
    /// `Failed`, in the runtime's words: the program itself ran in time.)
    Stopped {
        time_limit: Option<f64>,
    },
}
