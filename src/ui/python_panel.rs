//! "Your Python": the student's own program, edited (CodeMirror) and run
//! (Pyodide, in a worker of its own) on the exercise page, checked by the
//! exercise's `check.py`, its memory charted beside the Rust run's.
//!
//! Self-contained: it takes plain props and needs nothing else from the
//! page. Its UI is a wasm module of its own (`src/bin/panel.rs` mounts
//! `super::python_root::PanelRoot`), fetched when an exercise page first shows it, so the
//! catalogue's first load carries none of it; the page hands it a
//! `PanelInput` (`super::python_host`). The Python runtime itself is
//! downloaded only when the panel is opened.

use yew::prelude::*;

use super::progress;
use super::python::bridge;
use super::python::buttons;
use super::python::checks::{Checks, Planned};
use super::python::controls::{controls, Controls};
use super::python::editor::{self, Shared};
use super::python::hooks::{
    use_bridge_events, use_line_marks, use_link_code, use_mark_solved, use_online_retry, use_open_request,
    use_verdict_in_view,
};
use super::python::lines_view::LinesView;
use super::python::memory::Memory;
use super::python::notices::{notices, offline_note};
use super::python::report::{runtime_size, runtime_size_words, runtime_travel_size, Console, Status};
use super::python::runs;
use super::python::saved_line;
use super::python::saving::{use_other_tab, use_recover};
use super::python::share_code;
use super::python::state::{PanelState, Run, Runtime};
use super::python::storage;
use super::python::toolbar::{Confirm, Toolbar};
use crate::page::panel::input::RustPeaks;
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
    /// The step of the task each check verifies (0: none).
    #[prop_or_default]
    pub check_steps: Vec<u32>,
    /// The Rust variants' peaks on this page, if they ran, charted beside.
    #[prop_or_default]
    pub rust: Option<RustPeaks>,
    /// Beside the editor on a wide screen: the task and the hints (the page's own, so one state).
    #[prop_or_default]
    pub brief: Html,
    /// Raised by the page's "Write it in Python" button: open the panel, bring it into view, focus the editor.
    #[prop_or_default]
    pub open_request: u32,
    /// The address's fragment as the page opened (a `#code=` link's program).
    #[prop_or_default]
    pub fragment: AttrValue,
}

#[function_component]
pub fn PythonPanel(props: &PythonPanelProps) -> Html {
    let slug = props.slug.clone();
    let starter = props.starter.trim().to_string() + "\n";
    let found = use_memo(slug.clone(), |slug| storage::load(slug));
    let shared = {
        let found = found.clone();
        let starter = starter.clone();
        use_mut_ref(move || Shared::new(found.text.clone().unwrap_or(starter), found.text.clone(), found.can_save))
    };
    // A link with the student's code (`#code=...`, made by "Copy link with
    // my code"), read once when the page opens: the editor opens with it
    // (the runtime waits for Run), asking before it replaces saved work.
    let fragment = props.fragment.clone();
    let link = use_memo((), move |_| fragment.strip_prefix(share_code::FRAGMENT).map(str::to_string));
    let reopened = found.text.is_some() && link.is_none();
    let state = {
        // Saved work opens the editor again, and says so.
        let back = "Your program is back in the editor as this browser saved it; Run Python runs it.";
        let notice = found.notice.clone().or_else(|| reopened.then(|| back.to_string()));
        let open = link.is_some() || reopened;
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

    // What the runtime says about itself comes to this panel while it is on the page.
    use_bridge_events(state.dispatcher(), shared.clone());
    shared.borrow_mut().dispatcher = Some(state.dispatcher());
    let saved_line = shared.borrow().saved_line.clone();

    let run = runs::run(&shared, &state, &slug, &offline_now);
    let Controls {
        profile_reference,
        go_to_line,
        on_line_memory,
        on_replace,
        on_confirm,
        on_cancel,
        on_file,
        on_time_limit,
        download,
        to_rust,
        copy_link,
    } = controls(&shared, &state, &slug, &starter, &props.solution);
    // After a run, its memory by line beside the editor's lines (an edit clears them).
    // An error marks its line in the editor, scrolled into view there, and
    // its traceback's lines are buttons in the editor's error bar.
    let error = state.last.as_ref().and_then(|o| o.error.as_ref());
    let error = error.map(|e| (e.line.unwrap_or(0), e.message.clone(), e.traceback.clone()));
    use_line_marks(
        shared.clone(),
        state.last.as_ref().and_then(|o| o.line_memory.clone()),
        error.clone(),
        state.editor_ready,
    );
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

    // The page's "Write it in Python" button.
    use_open_request(props.open_request, state.clone(), shared.clone(), workspace_ref.clone());
    // Opened by the student, or a run ended: the workspace comes into view.
    use_verdict_in_view(&state, reopened, workspace_ref.clone());
    // Every check passing marks the exercise solved in saved progress.
    use_mark_solved(&state, slug.clone());

    // The editor is there: the link's code, loaded or asked about.
    use_link_code(link.clone(), starter.clone(), shared.clone(), slug.clone(), state.clone(), workspace_ref.clone());
    // Another tab of this page saved different text for the same exercise;
    // newer text from the copy on disk, and texts kept aside, when it opens.
    use_other_tab(slug.clone(), state.dispatcher(), shared.clone());
    use_recover(slug.clone(), found.clone(), shared.clone(), state.dispatcher());
    // Back online after Python (or the editor) could not load offline.
    use_online_retry(state.dispatcher(), offline_now.clone());

    let (open, on_key, run_click, stop_click) = buttons::buttons(&state, &run);
    let busy = state.waiting();
    let offline = matches!(state.runtime, Runtime::Offline(_));
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
                <p data-testid="python-download-size" data-bytes={runtime_size().map(|b| b.to_string())}
                   data-travel-bytes={runtime_travel_size().map(|b| b.to_string())}>
                    { format!("Opening the editor downloads the Python runtime{}.", runtime_size_words()) }
                </p>
                <button class="primary" data-testid="python-open" onclick={open}>{ "Open the Python editor" }</button>
                <Planned names={props.checks.clone()} steps={props.check_steps.clone()} />
            } else {
                <div class="py-workspace" ref={workspace_ref} data-testid="python-workspace">
                    // Beside the editor on a wide screen: the task and the hints, so the
                    // student never scrolls between them and the editor.
                    <div class="py-brief" tabindex="0" role="region" aria-label="The task, beside the editor" data-testid="python-brief">
                        { props.brief.clone() }
                    </div>
                    <div class="py-work">
                        <div class="py-runbar" role="group" aria-label="Run your Python">
                            // aria-disabled, not disabled: a disabled button drops the focus to
                            // <body>, and the student who pressed Run (or Stop) is left nowhere.
                            <button class="primary" data-testid="python-run" onclick={run_click} aria-disabled={(busy || offline).to_string()}>{ "Run Python" }</button>
                            <button class="secondary" data-testid="python-stop" onclick={stop_click} aria-disabled={(!busy).to_string()}>{ "Stop" }</button>
                            <Status panel={(*state).clone()} on_line={go_to_line.clone()} />
                            <button type="button" class="link-button" data-testid="python-to-rust" onclick={to_rust}>{ "Measure in Rust \u{2191}" }</button>
                        </div>
                        { notices(&state, &shared, &slug, &download) }
                        if let Some(what) = state.confirm {
                            <Confirm {what} {on_confirm} {on_cancel} />
                        }
                        <div class="py-editor" data-testid="python-editor" ref={host}></div>
                        if let Some(error) = &state.editor_error { <p class="error">{ error }</p> }
                        else if !state.editor_ready { <p class="fine">{ "Loading the editor\u{2026}" }</p> }
                        else { { saved_line::view(&saved_line, found.can_save) } }
                        <div class={classes!("py-verdict", error.is_some().then_some("py-error"))}>
                            // Focusable: on a wide screen it scrolls in its own box.
                            <div tabindex="0" role="region" aria-label="Checks">
                                if let Some(last) = &state.last {
                                    <Checks outcome={last.clone()} names={props.checks.clone()} steps={props.check_steps.clone()} saved={state.solved_saved.clone()} />
                                } else {
                                    <Planned names={props.checks.clone()} steps={props.check_steps.clone()} cut_short={matches!(state.run, Run::Stopped(_) | Run::Failed(_))} />
                                }
                            </div>
                            <Console chunks={state.console.clone()} dropped={state.console_dropped} />
                        </div>
                    </div>
                </div>
                { offline_note(&state.offline) }
                <Toolbar time_limit={state.time_limit} time_limit_note={state.time_limit_note.clone()} {memory_limit} {on_replace} {on_file} {on_time_limit}
                         line_memory={state.line_memory} {on_line_memory} />
                { share_code::view(&state.share, copy_link, download.clone()) }
                <p class="fine">{ format!("The reference program's last line: {}", props.expected) }</p>
                if state.lines_pending {
                    <p class="fine" role="status" data-testid="python-lines-pending">
                        <span class="spinner" aria-hidden="true"></span>
                        { "Memory by line: solution.py runs once more, traced whole\u{2026}" }
                    </p>
                } else if state.lines_cut {
                    <p class="fine" role="status">{ "Memory by line's run did not finish (stopped, the time limit, or an error); the verdict stands." }</p>
                }
                if let Some(memory) = state.last.as_ref().and_then(|o| o.line_memory.clone()) {
                    <LinesView memory={std::rc::Rc::new(memory)} source={AttrValue::from(state.ran.clone())} reference={state.reference.clone()}
                               reference_source={props.solution.clone()} on_line={go_to_line}
                               on_reference={(!busy && !state.lines_pending).then_some(profile_reference)} />
                }
                if let Some(last) = &state.last {
                    <Memory outcome={last.clone()} rust={props.rust.clone()} />
                }
            }
        </section>
    }
}
