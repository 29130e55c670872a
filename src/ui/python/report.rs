//! What the panel reports: the status line (with the download's progress)
//! and the console. (An error's lines, as buttons, are the editor's: its
//! error bar, python/editor.js. The checks are in `checks.rs`.)

use yew::prelude::*;

use super::outcome::{Outcome, PyError};
use super::state::{PanelState, Run, Runtime};
use crate::units::human_bytes;

/// `data-state` of the status line and the sentence under it.
fn status(state: &PanelState) -> (&'static str, String) {
    // The bytes go beside the progress bar, not here: this line is a live
    // region, and it should not be read out twenty times a second.
    let loading = |what: &str| match &state.runtime {
        Runtime::Loading { total, .. } if *total == 0.0 => format!("{what}: starting a fresh Python runtime\u{2026}"),
        Runtime::Loading { loaded, total } if loaded >= total => format!("{what}: downloaded, starting it\u{2026}"),
        _ => format!("{what}\u{2026}"),
    };
    match &state.run {
        Run::Queued if !matches!(state.runtime, Runtime::Ready { .. }) => {
            ("loading", loading("Loading Python, then your program runs"))
        }
        Run::Queued | Run::Running => {
            ("running", format!("Running solution.py (time limit {} s)\u{2026}", state.time_limit))
        }
        Run::Checking => (
            "checking",
            format!(
                "Checking: solution.py runs again in a fresh Python, with the checks (time limit {} s)\u{2026}",
                crate::page::panel::state::checks_time_limit(state.time_limit)
            ),
        ),
        Run::Finished(outcome) => match &outcome.error {
            Some(error) => ("error", error_sentence(error)),
            None => ("done", finished_sentence(outcome)),
        },
        Run::Failed(message) => ("error", message.clone()),
        Run::Stopped(message) => ("stopped", message.clone()),
        Run::None => match &state.runtime {
            Runtime::Cold if !state.warmed => (
                "idle",
                format!("Python is not downloaded yet: Run Python downloads it first{}.", runtime_size_words()),
            ),
            Runtime::Cold | Runtime::Loading { .. } => ("loading", loading("Loading Python")),
            Runtime::Ready { python, .. } => {
                ("done", format!("Python {python} is ready: press Run Python or Ctrl+Enter."))
            }
            Runtime::Failed(message) | Runtime::Offline(message) => ("error", message.clone()),
        },
    }
}

/// What the Python runtime's files weigh in bytes, unpacked (as kept, and
/// as the progress bar counts them): the sum python/manifest.json lists,
/// stamped into index.html at build time (scripts/stamp-python-size.mjs),
/// so the page can say it before asking for any Python file.
pub fn runtime_size() -> Option<u64> {
    meta_bytes("heapwise-python-bytes")
}

/// What the first Python download sends over the network: the same files
/// as brotli, stamped beside the unpacked size.
pub fn runtime_travel_size() -> Option<u64> {
    meta_bytes("heapwise-python-travel-bytes")
}

fn meta_bytes(name: &str) -> Option<u64> {
    let document = web_sys::window()?.document()?;
    let meta = document.query_selector(&format!("meta[name={name}]")).ok()??;
    meta.get_attribute("content")?.parse().ok()
}

/// " (5.30 MiB to download, 23.2 MiB unpacked, once; then kept in this
/// browser, also for offline use)", or "" when the build did not say.
pub fn runtime_size_words() -> String {
    let Some(bytes) = runtime_size() else { return String::new() };
    let sizes = match runtime_travel_size() {
        Some(travel) if travel < bytes => {
            format!("{} to download, {} unpacked", human_bytes(travel as i64), human_bytes(bytes as i64))
        }
        _ => human_bytes(bytes as i64),
    };
    format!(" ({sizes}, once; then kept in this browser, also for offline use)")
}

fn finished_sentence(outcome: &Outcome) -> String {
    if outcome.judged == Some(false) {
        return "Your program ran to the end but changed the checker, so it was not judged (see Checks for what it changed).".to_string();
    }
    let passed = outcome.checks.iter().filter(|c| c.passed).count();
    match outcome.checks.len() {
        0 => "Your program ran to the end.".to_string(),
        n if passed == n => format!("Your program ran to the end and passed all {n} checks."),
        n => {
            let failing = n - passed;
            let still = if failing == 1 { "1 still fails".to_string() } else { format!("{failing} still fail") };
            format!("Your program ran to the end; {passed} of {n} checks passed, {still} (see Checks).")
        }
    }
}

fn error_sentence(error: &PyError) -> String {
    let (head, tail) = error_words(error);
    match error.line {
        Some(line) => format!("{head} on line {line}{tail}"),
        None => format!("{head}{tail}"),
    }
}

/// An error's sentence around its place: "Your program stopped with
/// TypeError" and " of solution.py: ..." go either side of "on line 29",
/// which the status line makes a button to that line.
fn error_words(error: &PyError) -> (String, String) {
    let file = if error.line.is_some() { " of solution.py" } else { "" };
    if error.kind == "MemoryError" {
        ("Your program ran out of memory".to_string(), format!("{file} (MemoryError): it asked for more than the memory limit. The runtime has been replaced; your text is kept."))
    } else {
        (format!("Your program stopped with {}", error.kind), format!("{file}: {}", error.message))
    }
}

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub panel: PanelState,
    /// Puts the editor's cursor on a line and scrolls it into view.
    pub on_line: Callback<u32>,
}

#[function_component]
pub fn Status(props: &StatusProps) -> Html {
    let panel = &props.panel;
    let (state, text) = status(panel);
    let progress = match (&panel.runtime, &panel.run) {
        (Runtime::Loading { loaded, total }, Run::None | Run::Queued) if *total > 0.0 => Some((*loaded, *total)),
        _ => None,
    };
    let error = match &panel.run {
        Run::Finished(outcome) => outcome.error.as_ref(),
        _ => None,
    };
    let error_line = error.and_then(|e| e.line);
    // "line 29" in the sentence is a button to line 29 in the editor.
    let text = match (error, error_line) {
        (Some(error), Some(line)) => {
            let (head, tail) = error_words(error);
            let on_line = props.on_line.clone();
            html! { <>
                { head }{ " on " }
                <button type="button" class="link-button" data-testid="python-status-line"
                        onclick={move |_| on_line.emit(line)}>{ format!("line {line}") }</button>
                { tail }
            </> }
        }
        _ => html! { { text } },
    };
    // Green only when every check passed; a run that ended with checks
    // failing is a partial result, shown as such.
    let verdict = match &panel.run {
        Run::Finished(outcome) if outcome.error.is_none() && !outcome.checks.is_empty() => {
            if outcome.solved() {
                "solved"
            } else if outcome.judged == Some(false) {
                "not-judged"
            } else {
                "partial"
            }
        }
        _ => "",
    };
    html! {
        <div class={classes!("py-status", state, (!verdict.is_empty()).then_some(verdict))}>
            <p data-testid="python-status" data-state={state} data-verdict={verdict} role="status" aria-live="polite"
               data-line={error_line.map(|l| l.to_string())} data-run={panel.latest.map(|r| r.to_string())}>
                if matches!(state, "loading" | "running" | "checking") { <span class="spinner" aria-hidden="true"></span> }
                { text }
            </p>
            if let Some((loaded, total)) = progress {
                <progress data-testid="python-progress" max={total.to_string()} value={loaded.to_string()}
                          aria-label="Python runtime downloaded"></progress>
                <p class="fine py-bytes">{ format!("{} of {} downloaded (once: later visits use the browser's cache)", human_bytes(loaded as i64), human_bytes(total as i64)) }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub chunks: Vec<(bool, String)>,
    pub dropped: usize,
}

#[function_component]
pub fn Console(props: &ConsoleProps) -> Html {
    let empty = props.chunks.iter().all(|(_, t)| t.is_empty());
    html! {
        <pre class="py-console" data-testid="python-console" tabindex="0" aria-label="Output of your program" aria-live="off">
            if props.dropped > 0 {
                <span class="py-dropped">{ format!("[{} earlier characters not shown]\n", props.dropped) }</span>
            }
            if empty { <span class="py-placeholder">{ "What your program prints appears here." }</span> }
            { for props.chunks.iter().map(|(stderr, text)| html! { <span class={classes!(stderr.then_some("py-stderr"))}>{ text }</span> }) }
        </pre>
    }
}
