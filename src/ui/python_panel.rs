//! "Your Python": the student's own program, edited (CodeMirror) and run
//! (Pyodide, in a worker of its own) on the exercise page, checked by the
//! exercise's `check.py`, its memory charted beside the Rust run's.
//!
//! Self-contained: it takes plain props and needs nothing else from the
//! page. Nothing Python-related is downloaded until the panel is opened.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::progress;
use super::python::bridge::{self, Kept};
use super::python::editor::{self, Shared};
use super::python::hooks::{self, use_bridge_events, use_link_code, use_online_retry, use_other_tab};
use super::python::lines::{self, LinesView};
use super::python::memory::Memory;
use super::python::notices::notices;
use super::python::report::{runtime_size, runtime_size_words, Checks, Console, Planned, Status};
use super::python::share_code;
use super::python::state::{Action, PanelState, Replace, Run, Runtime};
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
    /// Beside the editor on a wide screen: the task and the hints (the page's own, so one state).
    #[prop_or_default]
    pub brief: Html,
    /// Raised by the page's "Write it in Python" button: open the panel, bring it into view, focus the editor.
    #[prop_or_default]
    pub open_request: u32,
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
    // A link with the student's code (`#code=...`, made by "Copy link with
    // my code"), read once when the page opens: the editor opens with it
    // (the runtime waits for Run), asking before it replaces saved work.
    let link = use_memo((), |_| {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        hash.strip_prefix(share_code::FRAGMENT).map(str::to_string)
    });
    let state = {
        let (notice, open) = (found.notice.clone(), link.is_some());
        use_reducer(move || {
            let now = bridge::snapshot();
            let kept = now.kept();
            let runtime = match (now.ready, now.python, now.pointer_bytes) {
                (true, Some(python), Some(pointer_bytes)) => Runtime::Ready { python, pointer_bytes },
                _ => Runtime::Cold,
            };
            PanelState::new(runtime, notice, open, kept)
        })
    };
    // Offline without the runtime's files: Run (button or Ctrl+Enter, also
    // from the editor, whose key binding was made at mount) does nothing.
    let offline_now = use_mut_ref(|| false);
    *offline_now.borrow_mut() = matches!(state.runtime, Runtime::Offline(_));
    let solved_before =
        use_memo(slug.clone(), |slug| progress::load().0.exercises.get(slug.as_str()).is_some_and(|p| p.solved));
    let host = use_node_ref();
    let workspace_ref = use_node_ref();

    // Events from the bridge come to this panel while it is on the page.
    use_bridge_events(state.dispatcher());

    let run = {
        let (shared, dispatcher, slug, offline_now) =
            (shared.clone(), state.dispatcher(), slug.clone(), offline_now.clone());
        Callback::from(move |_: ()| {
            if *offline_now.borrow() {
                // Back online without the browser saying so: try again.
                if web_sys::window().is_some_and(|w| w.navigator().on_line()) {
                    dispatcher.dispatch(Action::Online);
                    bridge::warm();
                }
                return;
            }
            let text = editor::current_text(&shared);
            let (limit, line_memory) = {
                let s = shared.borrow();
                (s.time_limit, s.line_memory)
            };
            let id = bridge::run(&slug, &text, f64::from(limit), line_memory, true);
            dispatcher.dispatch(Action::Queued(id, text.into()));
        })
    };
    // The reference program, run without checks, for its lines beside the student's.
    let profile_reference = {
        let (shared, dispatcher, slug, solution) =
            (shared.clone(), state.dispatcher(), slug.clone(), props.solution.to_string());
        Callback::from(move |_: ()| {
            // Our programs time their steps too: at least a minute.
            let limit = shared.borrow().time_limit.max(60);
            let id = bridge::run(&slug, &solution, f64::from(limit), true, false);
            dispatcher.dispatch(Action::ReferenceQueued(id));
        })
    };
    // After a run, its memory by line beside the editor's lines (an edit clears them).
    {
        let shared = shared.clone();
        let memory = state.last.as_ref().and_then(|o| o.line_memory.clone()).filter(|m| m.available);
        use_effect_with((memory, state.editor_ready), move |(memory, _)| {
            let editor = shared.borrow().editor.clone();
            if let Some(editor) = editor {
                match memory {
                    Some(memory) => editor.set_line_memory(&lines::gutter_marks(memory)),
                    None => editor.set_line_memory(&js_sys::Array::new()),
                }
            }
        });
    }
    let go_to_line = {
        let shared = shared.clone();
        Callback::from(move |n: u32| {
            let editor = shared.borrow().editor.clone();
            if let Some(editor) = editor {
                editor.go_to_line(n);
            }
        })
    };
    let on_line_memory = {
        let (shared, state) = (shared.clone(), state.clone());
        Callback::from(move |on: bool| {
            shared.borrow_mut().line_memory = on;
            state.dispatch(Action::LineMemory(on));
        })
    };

    // The editor mounts once the panel is open, and goes with the panel.
    {
        let (host, shared, slug, dispatcher, run, focus) =
            (host.clone(), shared.clone(), slug.clone(), state.dispatcher(), run.clone(), state.focus_editor);
        use_effect_with((state.open, state.editor_tries), move |(open, _)| {
            if *open {
                editor::mount(&host, &shared, slug, dispatcher, run, focus);
            }
            move || editor::unmount(&shared)
        });
    }

    // The editor is there: the link's code, loaded or asked about.
    use_link_code(link.clone(), starter.clone(), shared.clone(), slug.clone(), state.clone(), workspace_ref.clone());
    // Another tab of this page saved different text for the same exercise.
    use_other_tab(slug.clone(), state.dispatcher(), shared.clone());
    // Back online after Python (or the editor) could not load offline.
    use_online_retry(state.dispatcher(), offline_now.clone());

    // The page's "Write it in Python" button.
    {
        let (state, shared, workspace_ref) = (state.clone(), shared.clone(), workspace_ref.clone());
        use_effect_with(props.open_request, move |request| {
            if *request > 0 {
                if !state.open {
                    state.dispatch(Action::Open);
                    bridge::warm();
                } else if let Some(workspace) = workspace_ref.cast::<web_sys::Element>() {
                    super::hooks::bring_into_view(&workspace);
                    let editor = shared.borrow().editor.clone();
                    if let Some(editor) = editor {
                        editor.focus();
                    }
                }
            }
        });
    }
    // Opened by the student, or a run ended: the workspace comes into view
    // (one window high on a wide screen: task, editor, Run and verdict), or
    // on a phone its run bar with the verdict; focus stays where it was.
    {
        let workspace_ref = workspace_ref.clone();
        let ended = matches!(state.run, Run::Finished(_) | Run::Failed(_) | Run::Stopped(_));
        use_effect_with((state.open && state.focus_editor, state.latest, ended), move |(opened, _, ended)| {
            if let (true, Some(workspace)) = (*opened || *ended, workspace_ref.cast::<web_sys::Element>()) {
                hooks::bring_verdict_into_view(&workspace);
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
    // The text as it is now, as a file: what the student keeps when the
    // browser will not store it.
    let download = {
        let (shared, slug, state) = (shared.clone(), slug.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let text = editor::current_text(&shared);
            if let Err(error) = super::download::download_text(&text, "text/x-python", &format!("{slug}.py")) {
                state.dispatch(Action::Notice(Some(error)));
            }
        })
    };

    // The Rust side is a click away: focus (and so scroll to) its Run button.
    let to_rust = Callback::from(|_: MouseEvent| {
        let run = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=run-button]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(run) = run {
            let _ = run.focus();
        }
    });
    let copy_link = {
        let (shared, dispatcher, slug) = (shared.clone(), state.dispatcher(), slug.clone());
        Callback::from(move |_: MouseEvent| {
            let editor = shared.borrow().editor.clone();
            let (text, dispatcher, slug) = (editor::current_text(&shared), dispatcher.clone(), slug.clone());
            if let Some(editor) = editor {
                wasm_bindgen_futures::spawn_local(async move {
                    dispatcher.dispatch(Action::Share(share_code::copy_link(editor, &slug, &text).await))
                });
            }
        })
    };

    let busy = state.current().is_some();
    let offline = matches!(state.runtime, Runtime::Offline(_));
    let run_click = {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| {
            if !busy {
                run.emit(())
            }
        })
    };
    let stop_click = Callback::from(move |_: MouseEvent| {
        if busy {
            bridge::stop()
        }
    });
    let memory_limit = human_bytes(bridge::snapshot().memory_limit as i64);

    html! {
        <section class={classes!("card", "python-panel", (!state.open).then_some("closed"))} data-testid="python-panel"
                 aria-labelledby="python-heading" onkeydown={on_key} onclick={(!state.open).then(|| open.clone())}>
            <div class="py-head">
                <h2 id="python-heading">{ "Your Python" }</h2>
                if *solved_before { <span class="badge py-solved-badge">{ "✓ solved before" }</span> }
            </div>
            if !state.open {
                <p>{ "Write your own solution and run it here, in this page, with CPython compiled to WebAssembly (Pyodide). Checks tell you whether it does what the task asks, and the memory it measured is charted beside the Rust run." }</p>
                <p data-testid="python-download-size" data-bytes={runtime_size().map(|b| b.to_string())}>
                    { format!("Opening the editor downloads the Python runtime{}.", runtime_size_words()) }
                </p>
                <button class="primary" data-testid="python-open" onclick={open}>{ "Open the Python editor" }</button>
                <Planned names={props.checks.clone()} />
            } else {
                <div class="py-workspace" ref={workspace_ref} data-testid="python-workspace">
                    // Beside the editor on a wide screen: the task and the hints, so the
                    // student never scrolls between them and the editor (issue 19).
                    <div class="py-brief" tabindex="0" role="region" aria-label="The task, beside the editor" data-testid="python-brief">
                        { props.brief.clone() }
                    </div>
                    <div class="py-work">
                        <div class="py-runbar" role="group" aria-label="Run your Python">
                            // aria-disabled, not disabled: a disabled button drops the focus to
                            // <body>, and the student who pressed Run (or Stop) is left nowhere.
                            <button class="primary" data-testid="python-run" onclick={run_click} aria-disabled={(busy || offline).to_string()}>{ "Run Python" }</button>
                            <button class="secondary" data-testid="python-stop" onclick={stop_click} aria-disabled={(!busy).to_string()}>{ "Stop" }</button>
                            <Status panel={(*state).clone()} />
                            <button type="button" class="link-button" data-testid="python-to-rust" onclick={to_rust}>{ "Measure in Rust \u{2191}" }</button>
                        </div>
                        { notices(&state, &shared, &slug, &download) }
                        if let Some(what) = state.confirm {
                            <Confirm {what} {on_confirm} {on_cancel} />
                        }
                        <div class="py-editor" data-testid="python-editor" ref={host}></div>
                        if let Some(error) = &state.editor_error { <p class="error">{ error }</p> }
                        else if !state.editor_ready { <p class="fine">{ "Loading the editor\u{2026}" }</p> }
                        <div class="py-verdict">
                            // Focusable: on a wide screen it scrolls in its own box.
                            <div tabindex="0" role="region" aria-label="Checks">
                                if let Some(last) = &state.last {
                                    <Checks outcome={last.clone()} saved={state.solved_saved.clone()} />
                                } else {
                                    <Planned names={props.checks.clone()} />
                                }
                            </div>
                            <Console chunks={state.console.clone()} dropped={state.console_dropped} />
                        </div>
                    </div>
                </div>
                { offline_note(&state.offline) }
                <Toolbar time_limit={state.time_limit} {memory_limit} {on_replace} {on_file} {on_time_limit}
                         line_memory={state.line_memory} {on_line_memory} />
                { share_code::view(&state.share, copy_link, download.clone()) }
                <p class="fine">{ format!("The reference program's last line: {}", props.expected) }</p>
                if let Some(memory) = state.last.as_ref().and_then(|o| o.line_memory.clone()) {
                    <LinesView memory={std::rc::Rc::new(memory)} source={state.ran.clone()} reference={state.reference.clone()}
                               reference_source={props.solution.clone()} on_line={go_to_line}
                               on_reference={(!busy).then_some(profile_reference)} />
                }
                if let Some(last) = &state.last {
                    <Memory outcome={last.clone()} rust={props.rust.clone()} />
                }
            }
        </section>
    }
}

/// Whether Python is kept for offline use, once the download has ended.
fn offline_note(offline: &Option<(Kept, Option<String>)>) -> Html {
    let text = match offline {
        Some((Kept { stored: true, files }, _)) => {
            format!(
                "Python is kept in this browser for offline use ({files} files): Run Python works without the network."
            )
        }
        Some((Kept { stored: false, .. }, why)) => format!(
            "Python is not kept for offline use here{}: Run Python needs the network.",
            why.as_ref().map_or(String::new(), |why| format!(" ({why})"))
        ),
        None => return Html::default(),
    };
    html! { <p class="fine" data-testid="python-offline" data-stored={offline.as_ref().map(|(k, _)| k.stored.to_string())}>{ text }</p> }
}
