//! The sweep part of the exercise page's state: the range as typed, and
//! the sweep on screen with its answers as they arrive (each run of a
//! sweep answers through its own callback, `ui/sweep.rs`). Pure data: the
//! sizes and slopes themselves come from `crate::sweep`.

use std::rc::Rc;

use super::worker_bridge::RunAnswer;
use crate::exercise::ParamSpec;
use crate::outcome::RunResult;
use crate::sweep::{sweepable, Range};

/// Where a sweep stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Running,
    Done,
    Cancelled,
    /// The run at `size` failed (out of memory, say); the sizes before it are kept.
    Failed {
        size: u64,
        message: String,
    },
}

/// One sweep: the sizes asked for and the results received so far, in the
/// order of `sizes`.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepRun {
    pub param: &'static str,
    pub range: Range,
    pub sizes: Vec<u64>,
    pub results: Vec<Rc<RunResult>>,
    pub phase: Phase,
}

/// The sweep part of the page state: the three inputs as typed, and the
/// sweep on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepState {
    /// The swept parameter; `None` when the exercise has nothing to sweep.
    pub spec: Option<ParamSpec>,
    pub from: String,
    pub to: String,
    pub points: String,
    pub run: Option<SweepRun>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Field {
    From,
    To,
    Points,
}

pub enum SweepAction {
    Input((Field, String)),
    Started(SweepRun),
    Cancel,
    /// The answer for the size at this index of the sweep on screen.
    Answered((usize, RunAnswer)),
}

impl SweepState {
    /// The inputs start from the link's sweep, or the default range.
    pub fn new(params: &[ParamSpec], asked: Option<Range>) -> SweepState {
        let spec = sweepable(params).copied();
        let range = asked.or_else(|| spec.as_ref().map(Range::default_for));
        let text = |f: fn(&Range) -> String| range.as_ref().map(f).unwrap_or_default();
        SweepState {
            spec,
            from: text(|r| r.from.to_string()),
            to: text(|r| r.to.to_string()),
            points: text(|r| r.points.to_string()),
            run: None,
        }
    }

    /// The range the inputs describe, or what is wrong with them.
    pub fn range(&self) -> Option<Result<Range, String>> {
        Some(Range::check(self.spec.as_ref()?, &self.from, &self.to, &self.points))
    }

    pub fn running(&self) -> bool {
        self.run.as_ref().is_some_and(|r| r.phase == Phase::Running)
    }

    /// The range of the sweep on screen, for the link.
    pub fn shown(&self) -> Option<Range> {
        self.run.as_ref().map(|r| r.range)
    }

    pub fn apply(&mut self, action: SweepAction) {
        match action {
            SweepAction::Input((field, raw)) => match field {
                Field::From => self.from = raw,
                Field::To => self.to = raw,
                Field::Points => self.points = raw,
            },
            SweepAction::Started(run) => self.run = Some(run),
            SweepAction::Cancel => {
                if let Some(run) = self.run.as_mut().filter(|r| r.phase == Phase::Running) {
                    run.phase = Phase::Cancelled;
                }
            }
            // Kept only while the sweep runs (a stopped sweep no longer wants
            // its answers, `use_start_sweep`, so this is only a safeguard).
            SweepAction::Answered((index, answer)) => {
                let Some(run) = self.run.as_mut().filter(|r| r.phase == Phase::Running) else { return };
                match answer {
                    Ok(result) => {
                        run.results.push(result);
                        if run.results.len() == run.sizes.len() {
                            run.phase = Phase::Done;
                        }
                    }
                    Err(message) => run.phase = Phase::Failed { size: run.sizes[index], message },
                }
            }
        }
    }
}
