//! The sweep part of the exercise page's state: the range as typed, and
//! the sweep on screen with its answers as they arrive (each run of a
//! sweep answers through its own callback, `ui/sweep.rs`). Pure data: the
//! sizes and slopes themselves come from `crate::sweep`.

use std::rc::Rc;

use super::RunAnswer;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::{Metric, Params};

    const N: ParamSpec = ParamSpec { name: "n", label: "points", default: 1_000, min: 10, max: 1_000_000 };

    fn result(n: u64) -> Rc<RunResult> {
        Rc::new(RunResult {
            slug: "slots-vs-dict".to_string(),
            params: Params::new(&[("n", n)]),
            metric: Metric::PeakBytes,
            variants: Vec::new(),
            pointer_bytes: 8,
        })
    }

    fn started(sizes: &[u64]) -> SweepState {
        let mut state = SweepState::new(&[N], None);
        let range = state.range().expect("n can be swept").expect("the default range is valid");
        state.apply(SweepAction::Started(SweepRun {
            param: N.name,
            range,
            sizes: sizes.to_vec(),
            results: Vec::new(),
            phase: Phase::Running,
        }));
        state
    }

    #[test]
    fn the_inputs_start_from_the_link_or_the_default_range() {
        let default = SweepState::new(&[N], None);
        assert_eq!(default.range(), Some(Ok(Range::default_for(&N))));
        let asked = Range { from: 100, to: 10_000, points: 5 };
        let linked = SweepState::new(&[N], Some(asked));
        assert_eq!((linked.from.as_str(), linked.to.as_str(), linked.points.as_str()), ("100", "10000", "5"));
        assert_eq!(linked.range(), Some(Ok(asked)));
        // Nothing to sweep: no range, empty inputs.
        let fixed = ParamSpec { max: 20, ..N };
        let none = SweepState::new(&[fixed], None);
        assert_eq!((none.range(), none.from.as_str()), (None, ""));
    }

    #[test]
    fn typing_changes_one_field_and_a_bad_one_says_why() {
        let mut state = SweepState::new(&[N], None);
        state.apply(SweepAction::Input((Field::To, "10,000".to_string())));
        state.apply(SweepAction::Input((Field::Points, "3".to_string())));
        state.apply(SweepAction::Input((Field::From, "100".to_string())));
        assert_eq!(state.range(), Some(Ok(Range { from: 100, to: 10_000, points: 3 })));
        state.apply(SweepAction::Input((Field::From, "ten".to_string())));
        assert!(matches!(state.range(), Some(Err(message)) if !message.is_empty()));
    }

    #[test]
    fn answers_fill_the_sweep_in_order_and_the_last_one_ends_it() {
        let mut state = started(&[10, 100, 1_000]);
        assert!(state.running());
        state.apply(SweepAction::Answered((0, Ok(result(10)))));
        state.apply(SweepAction::Answered((1, Ok(result(100)))));
        assert!(state.running());
        state.apply(SweepAction::Answered((2, Ok(result(1_000)))));
        let run = state.run.as_ref().expect("a sweep on screen");
        assert_eq!(run.phase, Phase::Done);
        assert_eq!(run.results.iter().map(|r| r.params.0[0].1).collect::<Vec<_>>(), [10, 100, 1_000]);
        assert!(!state.running());
        assert_eq!(state.shown(), Some(run.range));
    }

    #[test]
    fn a_failed_size_ends_the_sweep_and_keeps_the_sizes_before_it() {
        let mut state = started(&[10, 100, 1_000]);
        state.apply(SweepAction::Answered((0, Ok(result(10)))));
        state.apply(SweepAction::Answered((1, Err("out of memory".to_string()))));
        let run = state.run.as_ref().expect("a sweep on screen");
        assert_eq!(run.phase, Phase::Failed { size: 100, message: "out of memory".to_string() });
        assert_eq!(run.results.len(), 1);
        // An answer after the end changes nothing.
        state.apply(SweepAction::Answered((2, Ok(result(1_000)))));
        assert_eq!(state.run.as_ref().map(|r| r.results.len()), Some(1));
    }

    #[test]
    fn a_cancelled_sweep_takes_no_more_answers_and_a_finished_one_stays_done() {
        let mut state = started(&[10, 100]);
        state.apply(SweepAction::Cancel);
        state.apply(SweepAction::Answered((0, Ok(result(10)))));
        let run = state.run.as_ref().expect("a sweep on screen");
        assert_eq!((run.phase.clone(), run.results.len()), (Phase::Cancelled, 0));

        let mut done = started(&[10]);
        done.apply(SweepAction::Answered((0, Ok(result(10)))));
        done.apply(SweepAction::Cancel);
        assert_eq!(done.run.map(|r| r.phase), Some(Phase::Done));
    }
}
