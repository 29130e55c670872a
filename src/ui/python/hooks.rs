//! The panel's effects on the world outside it: the runtime's events, the
//! code a link carries, another tab's text, the network coming back, and
//! bringing the verdict into view. Each is a hook `PythonPanel` calls once.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::bridge;
use super::editor::{self, SharedRef};
use super::messages::Event;
use super::share_code;
use super::state::{Action, PanelState, Run};

type Dispatcher = UseReducerDispatcher<PanelState>;

/// Calls `listener` for every `name` event of the window while the effect
/// lasts; the returned function removes it.
pub(super) fn on_window<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    name: &'static str,
    listener: impl Fn(E) + 'static,
) -> impl FnOnce() {
    let listener = Closure::<dyn Fn(E)>::new(listener);
    let window = web_sys::window();
    if let Some(window) = &window {
        let _ = window.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    }
    move || {
        if let Some(window) = window {
            let _ = window.remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        drop(listener);
    }
}

/// What the runtime says about itself comes to the panel while it is on
/// the page; when it goes, its runs' ends go nowhere.
#[hook]
pub fn use_bridge_events(dispatcher: Dispatcher, shared: SharedRef) {
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn(JsValue)>::new(move |value: JsValue| match Event::from_js(&value) {
            Ok(event) => dispatcher.dispatch(Action::Event(event)),
            Err(error) => bridge::console_error(&format!("python panel: unreadable event: {error}")),
        });
        bridge::listen(listener.as_ref().unchecked_ref());
        move || {
            bridge::unlisten(listener.as_ref().unchecked_ref());
            shared.borrow_mut().latest.forget();
        }
    });
}

/// Once the editor is there (once per page: the panel does not close):
/// reads the link's code (`#code=`, packed by "Copy link with my code"), and
/// loads it, or asks first when the editor holds the student's own work
/// (not the starter). The fragment is already off the address: the address
/// bar (`ui::hooks::use_address_bar`) writes route and query.
#[hook]
pub fn use_link_code(
    link: Rc<Option<String>>,
    starter: String,
    shared: SharedRef,
    slug: AttrValue,
    state: UseReducerHandle<PanelState>,
    workspace_ref: NodeRef,
) {
    let dispatcher = state.dispatcher();
    use_effect_with(state.editor_ready, move |ready| {
        let editor = shared.borrow().editor.clone();
        if let (true, Some(packed), Some(editor)) = (*ready, (*link).clone(), editor) {
            wasm_bindgen_futures::spawn_local(async move {
                let read = share_code::text_of(editor.unpack_code(&packed)).await;
                if let Some(workspace) = workspace_ref.cast::<web_sys::Element>() {
                    bring_verdict_into_view(&workspace);
                }
                let notice = match read {
                    Ok(code) => {
                        let mine = editor::current_text(&shared);
                        if mine != code && mine.trim() != starter.trim() {
                            dispatcher.dispatch(Action::LinkCode(Some(code)));
                            return;
                        }
                        editor::replace_text(&shared, &slug, &code);
                        "The editor now holds the code from the link. Ctrl+Z (Cmd+Z) in the editor brings back what was there.".to_string()
                    }
                    Err(why) => format!("The code in this link could not be read: {why}. The editor keeps your text."),
                };
                dispatcher.dispatch(Action::Notice(Some(notice)));
            });
        }
    });
}

/// Back online after Python (or the editor) could not load offline: both
/// are asked for again.
#[hook]
pub fn use_online_retry(dispatcher: Dispatcher, offline_now: Rc<RefCell<bool>>) {
    use_effect_with((), move |_| {
        on_window("online", move |_: web_sys::Event| {
            // (An editor that failed to load is mounted again.)
            dispatcher.dispatch(Action::Online);
            if *offline_now.borrow() {
                bridge::warm();
            }
        })
    });
}

/// After a run: the whole workspace when it fits the window (a wide
/// screen), else its run bar, where Run and the verdict are, at the top of
/// the window with the editor's first lines under it (a phone).
pub fn bring_verdict_into_view(workspace: &web_sys::Element) {
    let height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(0.0);
    let target = if workspace.get_bounding_client_rect().height() <= height {
        Some(workspace.clone())
    } else {
        workspace.query_selector(".py-runbar").ok().flatten()
    };
    if let Some(target) = target {
        crate::ui::dom::bring_to_top(&target);
    }
}

/// After a run, its memory by line in the editor's gutter (an edit clears
/// the marks there; a run without figures clears them here), and the line
/// an error stopped at marked, in the editor's view, with its traceback's
/// lines as buttons: `error` (line, message, traceback).
#[hook]
pub fn use_line_marks(
    shared: SharedRef,
    memory: Option<super::lines::LineMemory>,
    error: Option<(u32, String, String)>,
    editor_ready: bool,
) {
    let memory = memory.filter(|m| m.available);
    use_effect_with((memory, error, editor_ready), move |(memory, error, _)| {
        let editor = shared.borrow().editor.clone();
        if let Some(editor) = editor {
            match memory {
                Some(memory) => editor.set_line_memory(&super::lines::gutter_marks(memory)),
                None => editor.set_line_memory(&js_sys::Array::new()),
            }
            let (line, message, traceback) =
                error.as_ref().map_or((0, "", ""), |(l, m, t)| (*l, m.as_str(), t.as_str()));
            editor.show_error(line, message, traceback);
        }
    });
}

/// The page's "Write it in Python" button (`request` counts presses): opens
/// the panel, or brings the open workspace into view with the editor focused.
#[hook]
pub fn use_open_request(request: u32, state: UseReducerHandle<PanelState>, shared: SharedRef, workspace_ref: NodeRef) {
    use_effect_with(request, move |request| {
        if *request > 0 {
            if !state.open {
                state.dispatch(Action::Open);
                bridge::warm();
            } else if let Some(workspace) = workspace_ref.cast::<web_sys::Element>() {
                crate::ui::dom::bring_into_view(&workspace);
                let editor = shared.borrow().editor.clone();
                if let Some(editor) = editor {
                    editor.focus();
                }
            }
        }
    });
}

/// Opened by the student, reopened with saved work (once its editor is
/// there), or a run ended: the workspace comes into view (one window high
/// on a wide screen: task, editor, Run and verdict), or on a phone its run
/// bar with the verdict; focus stays where it was.
#[hook]
pub fn use_verdict_in_view(state: &PanelState, reopened: bool, workspace_ref: NodeRef) {
    let ended = matches!(state.run, Run::Finished(_) | Run::Failed(_) | Run::Stopped(_));
    let opened = state.open && (state.focus_editor || reopened && state.editor_ready);
    use_effect_with((opened, state.latest, ended), move |(opened, _, ended)| {
        if let (true, Some(workspace)) = (*opened || *ended, workspace_ref.cast::<web_sys::Element>()) {
            bring_verdict_into_view(&workspace);
        }
    });
}

/// Every check passing marks the exercise solved in saved progress.
#[hook]
pub fn use_mark_solved(state: &UseReducerHandle<PanelState>, slug: AttrValue) {
    let solved = state.last.as_ref().is_some_and(|o| o.solved());
    let dispatcher = state.dispatcher();
    use_effect_with(solved, move |solved| {
        if *solved {
            dispatcher.dispatch(Action::SolvedSaved(crate::ui::progress::mark_solved(&slug)));
        }
    });
}
