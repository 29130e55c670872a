//! The panel's own buttons: Open (a click anywhere on the closed panel),
//! Ctrl+Enter from anywhere in it, Run and Stop.

use yew::prelude::*;

use super::bridge;
use super::messages::End;
use super::state::{Action, PanelState};

/// The panel's Open (a click anywhere on the closed panel), Ctrl+Enter,
/// Run and Stop.
pub fn buttons(
    state: &UseReducerHandle<PanelState>,
    run: &Callback<()>,
) -> (Callback<MouseEvent>, Callback<KeyboardEvent>, Callback<MouseEvent>, Callback<MouseEvent>) {
    let open = {
        let (state, open_now) = (state.clone(), state.open);
        Callback::from(move |_: MouseEvent| {
            if !open_now {
                state.dispatch(Action::Open);
                bridge::warm();
            }
        })
    };
    let on_key = {
        let run = run.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) && !e.default_prevented() {
                e.prevent_default();
                run.emit(());
            }
        })
    };
    let busy = state.waiting();
    let run_click = {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| {
            if !busy {
                run.emit(())
            }
        })
    };
    // The panel stops waiting at once, whatever the runtime is doing (the
    // run's own end, stopped, then finds no run waiting).
    let stop_click = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if state.waiting() {
                bridge::stop();
                state.dispatch(Action::Ended(End::Stopped { time_limit: None }));
            }
        })
    };
    (open, on_key, run_click, stop_click)
}
