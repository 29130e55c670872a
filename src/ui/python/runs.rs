//! Starting runs: the student's program (Run, Ctrl+Enter) and the
//! reference program profiled for Memory by line, each its kind's latest
//! run; a run's steps and end reach the panel only while it is.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::bridge;
use super::editor::{self, SharedRef};
use super::messages::{End, RunRequest, Step};
use super::state::{Action, PanelState};
use crate::page::latest::RunKind;

/// Run Python (the button, Ctrl+Enter, the editor's key): the editor's text,
/// with the time limit and Memory by line's switch. Offline, it does
/// nothing, unless the browser is online again without having said so.
pub fn run(
    shared: &SharedRef,
    state: &UseReducerHandle<PanelState>,
    slug: &AttrValue,
    offline_now: &Rc<RefCell<bool>>,
) -> Callback<()> {
    let (shared, dispatcher, slug, offline_now) =
        (shared.clone(), state.dispatcher(), slug.clone(), offline_now.clone());
    Callback::from(move |_: ()| {
        if *offline_now.borrow() {
            if web_sys::window().is_some_and(|w| w.navigator().on_line()) {
                dispatcher.dispatch(Action::Online);
                bridge::warm();
            }
            return;
        }
        let request = editor::request_now(&shared, &slug);
        let text = request.source.clone();
        start(&shared, RunKind::Student, &request, &dispatcher, Some(Action::Step), Action::Ended);
        dispatcher.dispatch(Action::Queued(text.into()));
    })
}

/// Starts `request`: its steps (if `step`), its end and its profile's end
/// reach the panel as `step`, `ended` and `Profiled` actions while it is
/// the latest of its kind (the runtime stops the run it replaces, whose
/// end then goes nowhere).
pub fn start(
    shared: &SharedRef,
    kind: RunKind,
    request: &RunRequest,
    dispatcher: &UseReducerDispatcher<PanelState>,
    step: Option<fn(Step) -> Action>,
    ended: fn(End) -> Action,
) {
    let wanted = shared.borrow_mut().latest.next(kind);
    let (steps, ends, still) = (dispatcher.clone(), dispatcher.clone(), wanted.clone());
    let (profiles, wanted_profile) = (dispatcher.clone(), wanted.clone());
    bridge::run(
        request,
        move |s| {
            if let (true, Some(step)) = (still.get(), step) {
                steps.dispatch(step(s));
            }
        },
        move |end| {
            if wanted.get() {
                ends.dispatch(ended(end));
            }
        },
        move |end| {
            if let (true, Some(end)) = (wanted_profile.get(), end) {
                profiles.dispatch(Action::Profiled(end));
            }
        },
    );
}

/// The reference program, run without checks, for its lines beside the student's.
pub fn profile_reference(
    shared: &SharedRef,
    state: &UseReducerHandle<PanelState>,
    slug: &AttrValue,
    solution: &AttrValue,
) -> Callback<()> {
    let (shared, dispatcher, slug, solution) = (shared.clone(), state.dispatcher(), slug.clone(), solution.to_string());
    Callback::from(move |_: ()| {
        // Our programs time their steps too: at least a minute.
        let time_limit_seconds = shared.borrow().time_limit.max(60);
        let request = RunRequest {
            slug: slug.to_string(),
            source: solution.clone(),
            time_limit_seconds,
            line_memory: true,
            checks: false,
        };
        start(&shared, RunKind::Reference, &request, &dispatcher, None, Action::ReferenceEnded);
        dispatcher.dispatch(Action::ReferenceQueued);
    })
}
