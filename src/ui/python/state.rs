//! The panel's state as yew's `Reducible`: the state and its one reducer
//! are `page::panel::state`, compiled natively and unit-tested there
//! (tests/panel_state.rs).

use std::rc::Rc;

use yew::prelude::*;

pub use crate::page::panel::state::{Action, OtherText, PanelState, Replace, Run, Runtime};

impl Reducible for PanelState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.update(action);
        Rc::new(next)
    }
}
