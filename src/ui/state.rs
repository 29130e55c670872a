//! The exercise page's state and the one reducer every change goes through
//! (as in yew's todomvc), plus `make_callback`, which turns an action into
//! a callback, and the results kept in memory so Back shows them again.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::progress::{self, ExerciseProgress};
use crate::content::Content;
use crate::exercise::{ParamSpec, Params};
use crate::link::LinkRequest;
use crate::outcome::RunResult;
use crate::page::sweep::{SweepAction, SweepState};
use crate::page::RunAnswer;

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

/// A callback that dispatches the action `make` builds from its argument:
/// `make_callback(&state, Action::Answer)`.
pub fn make_callback<T: 'static>(
    state: &UseReducerHandle<PageState>,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value: T| dispatcher.dispatch(make(value)))
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
    /// The page as `link` opens it: its values in the inputs, and the last
    /// run with exactly those values if this visit has one (Back, Forward).
    pub fn open(slug: &str, content: Rc<Content>, specs: &'static [ParamSpec], link: &LinkRequest) -> PageState {
        let result = recall(slug, &link.params);
        PageState {
            content,
            specs,
            inputs: link.params.0.iter().map(|(name, value)| (name.clone(), value.to_string())).collect(),
            params: Ok(link.params.clone()),
            limit_mib: link.limit_mib,
            status: if result.is_some() { Status::Restored } else { Status::Idle },
            result,
            progress: progress::load().0.exercises.get(slug).cloned().unwrap_or_default(),
            solution_open: false,
            explanation_open: false,
            sweep: SweepState::new(specs, link.sweep),
            present: link.present,
        }
    }
}

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Input((name, raw)) => {
                if let Some(slot) = next.inputs.iter_mut().find(|(n, _)| *n == name) {
                    slot.1 = raw;
                }
                next.params = parse_inputs(next.specs, &next.inputs);
            }
            Action::Started => {
                next.status = Status::Running;
                // Running commits the predictions made so far, if there are
                // any: with none answered (a `run=1` link opened, or a run
                // before predicting) the answers stay hidden until the
                // student answers or asks to see them.
                if next.progress.predictions.iter().any(Option::is_some) {
                    next.progress.predictions_locked = true;
                }
            }
            // The page stopped waiting (a results file was opened): the run's
            // answer is no longer wanted (`use_start_run`), so this is only a safeguard.
            Action::Finished(_) if next.status != Status::Running => return self,
            Action::Finished(answer) => match answer {
                Ok(result) => {
                    next.status = Status::Done;
                    next.result = Some(result);
                    next.progress.runs += 1;
                }
                Err(message) => next.status = Status::Failed(message),
            },
            Action::Opened(result) => {
                // Its parameters go into the form (and the address bar); a
                // run still under way is no longer waited for (see
                // `hooks::use_start_run`).
                for (name, value) in &result.params.0 {
                    if let Some(slot) = next.inputs.iter_mut().find(|(n, _)| n == name) {
                        slot.1 = value.to_string();
                    }
                }
                // The worker checked the file's values against these very
                // parameters; in their order, as the inputs give them.
                let value = |name: &str| result.params.0.iter().find(|(n, _)| n == name).map(|(_, v)| *v);
                let values: Option<Vec<(String, u64)>> =
                    next.specs.iter().map(|spec| Some((spec.name.to_string(), value(spec.name)?))).collect();
                next.params = match values {
                    Some(values) => Ok(Params(values)),
                    None => parse_inputs(next.specs, &next.inputs),
                };
                next.status = Status::Opened;
                next.result = Some(result);
            }
            Action::RevealHint => {
                next.progress.hints_shown = (next.progress.hints_shown + 1).min(next.content.hints.len())
            }
            Action::ToggleSolution => {
                next.solution_open = !next.solution_open;
                next.progress.solution_seen |= next.solution_open;
            }
            Action::ToggleExplanation => next.explanation_open = !next.explanation_open,
            Action::OpenExplanation => next.explanation_open = true,
            Action::Predict((i, value)) if !next.progress.predictions_locked => {
                next.progress.predictions.resize(next.content.predict.len(), None);
                if i < next.progress.predictions.len() {
                    next.progress.predictions[i] = Some(value);
                }
            }
            Action::Predict(..) => {}
            Action::LockPredictions => next.progress.predictions_locked = true,
            Action::Sweep(action) => next.sweep.apply(action),
            Action::Present(on) => next.present = on,
            Action::Answer((q, choice)) => {
                next.progress.quiz.resize(next.content.quiz.len(), None);
                if q < next.progress.quiz.len() && next.progress.quiz[q].is_none() {
                    next.progress.quiz[q] = Some(choice);
                }
            }
        }
        Rc::new(next)
    }
}

/// How many results are kept for Back and Forward (the newest win).
const REMEMBERED: usize = 24;

thread_local! {
    static RESULTS: RefCell<Vec<Rc<RunResult>>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `result` as the last one for its exercise and parameters.
pub fn remember(result: &Rc<RunResult>) {
    RESULTS.with(|all| {
        let mut all = all.borrow_mut();
        all.retain(|r| !(r.slug == result.slug && r.params == result.params));
        all.push(result.clone());
        let extra = all.len().saturating_sub(REMEMBERED);
        all.drain(..extra);
    });
}

/// The last result of `slug` with exactly `params`, if this page session has one.
pub fn recall(slug: &str, params: &Params) -> Option<Rc<RunResult>> {
    RESULTS.with(|all| all.borrow().iter().rev().find(|r| r.slug == slug && r.params == *params).cloned())
}
