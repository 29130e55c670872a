//! The exercise page's state and the one reducer every change goes through
//! (as in yew's todomvc), without the page: `ui::state` is yew's
//! `Reducible` over it, and reads what a page opens with (the progress
//! saved in this browser, a result kept for Back) before it calls
//! [`PageState::new`]. Unit-tested natively (tests/page_state.rs).

use std::rc::Rc;

use super::progress::ExerciseProgress;
use super::sweep::{SweepAction, SweepState};
use super::RunAnswer;
use crate::content::Content;
use crate::exercise::{ParamSpec, Params};
use crate::link::LinkRequest;
use crate::outcome::RunResult;

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    Running,
    Done,
    /// Showing the result of an earlier run with the same parameters.
    Restored,
    /// Showing the results of a file the student opened (an export).
    Opened,
    Failed(String),
}

#[derive(Clone, PartialEq)]
pub struct PageState {
    pub content: Rc<Content>,
    /// The exercise's declared parameters.
    pub specs: &'static [ParamSpec],
    /// Raw text of each parameter input, in declaration order.
    pub inputs: Vec<(String, String)>,
    /// The inputs checked against their bounds, once per change: the
    /// values, or one message per input out of bounds.
    pub params: Result<Params, Vec<(String, String)>>,
    pub limit_mib: u64,
    pub status: Status,
    pub result: Option<Rc<RunResult>>,
    pub progress: ExerciseProgress,
    pub solution_open: bool,
    pub explanation_open: bool,
    /// The sweep's inputs and the sweep on screen (`page/sweep.rs`).
    pub sweep: SweepState,
    /// Presentation mode (`ui/present.rs`).
    pub present: bool,
}

pub enum Action {
    Input((String, String)),
    Started,
    /// The answer to the run this page waits for (`hooks::use_start_run`).
    Finished(RunAnswer),
    RevealHint,
    ToggleSolution,
    ToggleExplanation,
    /// Opened (not toggled): the predictions' "why" link.
    OpenExplanation,
    Predict((usize, bool)),
    LockPredictions,
    Answer((usize, usize)),
    /// A run read from an exported file (`ui/open_results.rs`), shown as a run.
    Opened(Rc<RunResult>),
    Sweep(SweepAction),
    Present(bool),
}

/// Each input checked against its bounds: the values, or one message per bad input.
fn parse_inputs(specs: &[ParamSpec], inputs: &[(String, String)]) -> Result<Params, Vec<(String, String)>> {
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for (spec, (_, raw)) in specs.iter().zip(inputs) {
        match spec.parse(raw) {
            Ok(v) => values.push((spec.name.to_string(), v)),
            Err(e) => errors.push((spec.name.to_string(), e)),
        }
    }
    if errors.is_empty() {
        Ok(Params(values))
    } else {
        Err(errors)
    }
}

impl PageState {
    /// The page as `link` opens it: its values in the inputs, `result` (the
    /// last run with exactly those values, if this visit has one: Back,
    /// Forward) and the progress saved for this exercise.
    pub fn new(
        content: Rc<Content>,
        specs: &'static [ParamSpec],
        link: &LinkRequest,
        result: Option<Rc<RunResult>>,
        progress: ExerciseProgress,
    ) -> PageState {
        PageState {
            content,
            specs,
            inputs: link.params.0.iter().map(|(name, value)| (name.clone(), value.to_string())).collect(),
            params: Ok(link.params.clone()),
            limit_mib: link.limit_mib,
            status: if result.is_some() { Status::Restored } else { Status::Idle },
            result,
            progress,
            solution_open: false,
            explanation_open: false,
            sweep: SweepState::new(specs, link.sweep),
            present: link.present,
        }
    }

    /// The one reducer: every change of the page goes through here. False
    /// when the action was not taken (a run's answer no longer waited for),
    /// so the page need not be drawn again.
    pub fn update(&mut self, action: Action) -> bool {
        match action {
            Action::Input((name, raw)) => {
                if let Some(slot) = self.inputs.iter_mut().find(|(n, _)| *n == name) {
                    slot.1 = raw;
                }
                self.params = parse_inputs(self.specs, &self.inputs);
            }
            Action::Started => {
                self.status = Status::Running;
                // Running commits the predictions made so far, if there are
                // any: with none answered (a `run=1` link opened, or a run
                // before predicting) the answers stay hidden until the
                // student answers or asks to see them.
                if self.progress.predictions.iter().any(Option::is_some) {
                    self.progress.predictions_locked = true;
                }
            }
            // The page stopped waiting (a results file was opened): the run's
            // answer is no longer wanted (`use_start_run`), so this is only a safeguard.
            Action::Finished(_) if self.status != Status::Running => return false,
            Action::Finished(answer) => match answer {
                Ok(result) => {
                    self.status = Status::Done;
                    self.result = Some(result);
                    self.progress.runs += 1;
                }
                Err(message) => self.status = Status::Failed(message),
            },
            Action::Opened(result) => {
                // Its parameters go into the form (and the address bar); a
                // run still under way is no longer waited for (see
                // `hooks::use_start_run`).
                for (name, value) in &result.params.0 {
                    if let Some(slot) = self.inputs.iter_mut().find(|(n, _)| n == name) {
                        slot.1 = value.to_string();
                    }
                }
                // The worker checked the file's values against these very
                // parameters; in their order, as the inputs give them.
                let value = |name: &str| result.params.0.iter().find(|(n, _)| n == name).map(|(_, v)| *v);
                let values: Option<Vec<(String, u64)>> =
                    self.specs.iter().map(|spec| Some((spec.name.to_string(), value(spec.name)?))).collect();
                self.params = match values {
                    Some(values) => Ok(Params(values)),
                    None => parse_inputs(self.specs, &self.inputs),
                };
                self.status = Status::Opened;
                self.result = Some(result);
            }
            Action::RevealHint => {
                self.progress.hints_shown = (self.progress.hints_shown + 1).min(self.content.hints.len())
            }
            Action::ToggleSolution => {
                self.solution_open = !self.solution_open;
                self.progress.solution_seen |= self.solution_open;
            }
            Action::ToggleExplanation => self.explanation_open = !self.explanation_open,
            Action::OpenExplanation => self.explanation_open = true,
            Action::Predict((i, value)) if !self.progress.predictions_locked => {
                self.progress.predictions.resize(self.content.predict.len(), None);
                if i < self.progress.predictions.len() {
                    self.progress.predictions[i] = Some(value);
                }
            }
            Action::Predict(..) => {}
            Action::LockPredictions => self.progress.predictions_locked = true,
            Action::Sweep(action) => self.sweep.apply(action),
            Action::Present(on) => self.present = on,
            Action::Answer((q, choice)) => {
                self.progress.quiz.resize(self.content.quiz.len(), None);
                if q < self.progress.quiz.len() && self.progress.quiz[q].is_none() {
                    self.progress.quiz[q] = Some(choice);
                }
            }
        }
        true
    }
}
