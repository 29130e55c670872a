//! The exercise page's state as yew's `Reducible`: the state and its one
//! reducer are `page::exercise`, compiled natively and unit-tested there
//! (tests/page_state.rs). Here: what a page opens with (the progress saved
//! in this browser, the results kept in memory so Back shows them again)
//! and `make_callback`, which turns an action into a callback.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::progress;
use crate::content::Content;
use crate::exercise::{ParamSpec, Params};
use crate::link::LinkRequest;
use crate::outcome::RunResult;
pub use crate::page::exercise::{Action, PageState, Status};

/// A callback that dispatches the action `make` builds from its argument:
/// `make_callback(&state, Action::Answer)`.
pub fn make_callback<T: 'static>(
    state: &UseReducerHandle<PageState>,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatcher = state.dispatcher();
    Callback::from(move |value: T| dispatcher.dispatch(make(value)))
}

/// The page as `link` opens it, with the progress saved for `slug` and
/// the last run with exactly the link's values if this visit has one.
pub fn open(slug: &str, content: Rc<Content>, specs: &'static [ParamSpec], link: &LinkRequest) -> PageState {
    let saved = progress::load().0.exercises.get(slug).cloned().unwrap_or_default();
    PageState::new(content, specs, link, recall(slug, &link.params), saved)
}

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if next.update(action) {
            Rc::new(next)
        } else {
            self
        }
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
