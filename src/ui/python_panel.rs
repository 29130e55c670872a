//! "Your Python": the student's own program, edited (CodeMirror) and run
//! (Pyodide, in a worker of its own) on the exercise page, checked by the
//! exercise's `check.py`, its memory charted beside the Rust run's.
//!
//! Self-contained: it takes plain props and needs nothing else from the
//! page. Nothing Python-related is downloaded until the panel is opened.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::progress;
use super::python::bridge::{self, Event};
use super::python::editor::{self, Shared};
use super::python::memory::Memory;
use super::python::report::{Checks, Console, Planned, Status};
use super::python::state::{Action, PanelState, Replace, Runtime};
use super::python::storage;
use super::python::toolbar::{Confirm, Toolbar};
use crate::outcome::RunResult;
use crate::units::human_bytes;

#[derive(Properties, PartialEq)]
pub struct PythonPanelProps {
    pub slug: AttrValue,
    pub starter: AttrValue,
    /// Our solution (the reference program).
    pub solution: AttrValue,
    /// The line the reference program prints last.
    pub expected: AttrValue,
    /// The names of the exercise's checks, listed before the first run.
    #[prop_or_default]
    pub checks: Vec<String>,
    /// The Rust variants' run on this page, if any, charted beside.
    #[prop_or_default]
    pub rust: Option<RunResult>,
}

#[function_component]
pub fn PythonPanel(props: &PythonPanelProps) -> Html {
    let slug = props.slug.clone();
    let starter = props.starter.trim().to_string() + "\n";
    let found = use_memo(slug.clone(), |slug| storage::load(slug));
    let shared = {
        let found = found.clone();
        let starter = starter.clone();
        use_mut_ref(move || Shared::new(found.text.clone().unwrap_or(starter), found.can_save))
    };
    let state = {
        let notice = found.notice.clone();
        use_reducer(move || {
            let now = bridge::snapshot();
            let runtime = match (now.ready, now.python, now.pointer_bytes) {
                (true, Some(python), Some(pointer_bytes)) => Runtime::Ready { python, pointer_bytes },
                _ => Runtime::Cold,
            };
            PanelState::new(runtime, notice)
        })
    };
    let solved_before =
        use_memo(slug.clone(), |slug| progress::load().0.exercises.get(slug.as_str()).is_some_and(|p| p.solved));
    let host = use_node_ref();

    // Events from the bridge come to this panel while it is on the page.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn(JsValue)>::new(move |value: JsValue| match Event::from_js(value) {
                Ok(event) => dispatcher.dispatch(Action::Event(event)),
                Err(error) => bridge::console_error(&format!("python panel: unreadable event: {error}")),
            });
            bridge::listen(listener.as_ref().unchecked_ref());
            move || bridge::unlisten(listener.as_ref().unchecked_ref())
        });
    }

    let run = {
        let (shared, dispatcher, slug) = (shared.clone(), state.dispatcher(), slug.clone());
        Callback::from(move |_: ()| {
            let text = editor::current_text(&shared);
            let limit = shared.borrow().time_limit;
            let id = bridge::run(&slug, &text, f64::from(limit));
            dispatcher.dispatch(Action::Queued(id));
        })
    };

    // The editor mounts once the panel is open, and goes with the panel.
    {
        let (host, shared, slug, dispatcher, run) =
            (host.clone(), shared.clone(), slug.clone(), state.dispatcher(), run.clone());
        use_effect_with(state.open, move |open| {
            if *open {
                editor::mount(&host, &shared, slug, dispatcher, run);
            }
            move || editor::unmount(&shared)
        });
    }

    // Another tab of this page saved different text for the same exercise:
    // say so, and let the student choose (loading theirs is one undoable
    // change, so Ctrl+Z brings this tab's text back; keeping this tab's
    // saves it, and the other tab is told in turn).
    {
        let (dispatcher, shared) = (state.dispatcher(), shared.clone());
        use_effect_with(slug.clone(), move |slug| {
            let key = storage::key(slug);
            let listener = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                if event.key().as_deref() != Some(key.as_str()) {
                    return;
                }
                let theirs = event.new_value().as_deref().and_then(storage::text_of);
                if let Some(theirs) = theirs {
                    if theirs != editor::current_text(&shared) {
                        dispatcher.dispatch(Action::OtherTab(Some(theirs)));
                    }
                }
            });
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(window) = window {
                    let _ = window.remove_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
                }
                drop(listener);
            }
        });
    }

    // Every check passing marks the exercise solved in saved progress.
    {
        let slug = slug.clone();
        let solved = state.last.as_ref().is_some_and(|o| o.solved());
        let dispatcher = state.dispatcher();
        use_effect_with(solved, move |solved| {
            if *solved {
                dispatcher.dispatch(Action::SolvedSaved(progress::mark_solved(&slug)));
            }
        });
    }

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
    // Replacing the text asks first, unless nothing would change.
    let target = {
        let (starter, solution) = (starter.clone(), props.solution.to_string());
        move |what: Replace| match what {
            Replace::Starter => starter.clone(),
            Replace::Solution => solution.clone(),
        }
    };
    let on_replace = {
        let (shared, state, target) = (shared.clone(), state.clone(), target.clone());
        Callback::from(move |what: Replace| {
            if editor::current_text(&shared) != target(what) {
                state.dispatch(Action::Ask(Some(what)));
            }
        })
    };
    let on_confirm = {
        let (shared, state, slug) = (shared.clone(), state.clone(), slug.clone());
        Callback::from(move |_: ()| {
            let Some(what) = state.confirm else { return };
            editor::replace_text(&shared, &slug, &target(what));
            let name = if what == Replace::Starter { "the starter code" } else { "our solution" };
            state.dispatch(Action::Ask(None));
            state.dispatch(Action::Notice(Some(format!(
                "The editor now holds {name}. Ctrl+Z (Cmd+Z) in the editor brings your text back."
            ))));
        })
    };
    let on_cancel = {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Action::Ask(None)))
    };
    let on_file = {
        let (shared, slug, dispatcher) = (shared.clone(), slug.clone(), state.dispatcher());
        Callback::from(move |input: web_sys::HtmlInputElement| {
            editor::open_file(&input, &shared, slug.clone(), dispatcher.clone())
        })
    };
    let on_time_limit = {
        let (shared, state) = (shared.clone(), state.clone());
        Callback::from(move |seconds: u32| {
            shared.borrow_mut().time_limit = seconds;
            state.dispatch(Action::TimeLimit(seconds));
        })
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Notice(None)))
    };
    let load_theirs = {
        let (shared, slug, state) = (shared.clone(), slug.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(theirs) = &state.other_tab {
                editor::replace_text(&shared, &slug, theirs);
            }
            state.dispatch(Action::OtherTab(None));
        })
    };
    let keep_mine = {
        let (shared, slug, state) = (shared.clone(), slug.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let mine = editor::current_text(&shared);
            if let Err(why) = storage::save(&slug, &mine) {
                state.dispatch(Action::Unsaved(Some(why)));
            }
            state.dispatch(Action::OtherTab(None));
        })
    };
    // The text as it is now, as a file: what the student keeps when the
    // browser will not store it.
    let download = {
        let (shared, slug, state) = (shared.clone(), slug.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let text = editor::current_text(&shared);
            if let Err(error) = super::export::download_text(&text, "text/x-python", &format!("{slug}.py")) {
                state.dispatch(Action::Notice(Some(error)));
            }
        })
    };

    let busy = state.current().is_some();
    let memory_limit = human_bytes(bridge::snapshot().memory_limit as i64);

    html! {
        <section class={classes!("card", "python-panel", (!state.open).then_some("closed"))} data-testid="python-panel"
                 aria-labelledby="python-heading" onkeydown={on_key} onclick={(!state.open).then(|| open.clone())}>
            <div class="py-head">
                <h2 id="python-heading">{ "Your Python" }</h2>
                if *solved_before { <span class="badge py-solved-badge">{ "✓ solved before" }</span> }
            </div>
            if !state.open {
                <p>{ "Write your own solution and run it here, in this page, with CPython compiled to WebAssembly (Pyodide). Checks tell you whether it does what the task asks, and the memory it measured is charted beside the Rust run. Opening the editor downloads the Python runtime once." }</p>
                <button class="primary" data-testid="python-open" onclick={open}>{ "Open the Python editor" }</button>
                <Planned names={props.checks.clone()} />
            } else {
                if let Some(why) = &state.unsaved {
                    <div class="notice warning" role="alert" data-testid="python-unsaved">
                        <p>{ format!("Your text is not saved: {why}. It stays in this tab while the page is open; download it to keep it.") }</p>
                        <button class="secondary" data-testid="python-download-unsaved" onclick={download.clone()}>{ "Download solution.py" }</button>
                    </div>
                }
                if state.other_tab.is_some() {
                    <div class="notice warning" role="alert" data-testid="python-other-tab">
                        <p>{ "This exercise's text was changed in another tab. Which text do you want here? Loading the other tab's text can be undone with Ctrl+Z." }</p>
                        <button class="secondary" data-testid="python-load-other-tab" onclick={load_theirs}>{ "Load the other tab's text" }</button>
                        <button class="secondary" data-testid="python-keep-this-tab" onclick={keep_mine}>{ "Keep this tab's text" }</button>
                        <button class="secondary" onclick={download.clone()}>{ "Download this tab's text" }</button>
                    </div>
                }
                if let Some(text) = &state.notice {
                    <div class="notice" role="alert" data-testid="python-notice">
                        <p>{ text }</p>
                        <button class="secondary" onclick={dismiss}>{ "Dismiss" }</button>
                    </div>
                }
                <Toolbar {busy} time_limit={state.time_limit} {memory_limit} on_run={run.clone()} on_stop={Callback::from(|_| bridge::stop())}
                         {on_replace} {on_file} {on_time_limit} />
                if let Some(what) = state.confirm {
                    <Confirm {what} {on_confirm} {on_cancel} />
                }
                <div class="py-grid">
                    <div class="py-editor-wrap">
                        <div class="py-editor" data-testid="python-editor" ref={host}></div>
                        if let Some(error) = &state.editor_error { <p class="error">{ error }</p> }
                        else if !state.editor_ready { <p class="fine">{ "Loading the editor\u{2026}" }</p> }
                    </div>
                    <div class="py-side">
                        <Status panel={(*state).clone()} />
                        <Console chunks={state.console.clone()} dropped={state.console_dropped} />
                        <p class="fine">{ format!("The reference program's last line: {}", props.expected) }</p>
                    </div>
                </div>
                if let Some(last) = &state.last {
                    <div class="py-results">
                        <Checks outcome={last.clone()} saved={state.solved_saved.clone()} />
                        <Memory outcome={last.clone()} rust={props.rust.clone()} />
                    </div>
                } else {
                    <Planned names={props.checks.clone()} />
                }
            }
        </section>
    }
}
