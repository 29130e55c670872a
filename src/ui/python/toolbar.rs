//! The panel's controls below the workspace (Run and Stop are in its run
//! bar): replace the text (asking first), open a file, the time limit;
//! and the question asked before replacing.

use yew::prelude::*;

use super::bridge::{self, TimeLimit};
use super::state::Replace;

/// Under the time-limit field while it holds what it took
/// (tests/python/panel.test.mjs checks it against python/panel.js's rule).
pub const LIMIT_RULE: &str = "The time limit is a whole number of seconds from 1 to 600.";

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub time_limit: u32,
    /// The memory limit, in words ("1.00 GiB").
    pub memory_limit: String,
    pub on_replace: Callback<Replace>,
    /// The file input, after the student chose a file.
    pub on_file: Callback<web_sys::HtmlInputElement>,
    pub on_time_limit: Callback<TimeLimit>,
    /// What the field did with a value it did not take, until the next change.
    pub time_limit_note: Option<String>,
    pub line_memory: bool,
    pub on_line_memory: Callback<bool>,
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let on_file = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_file.emit(input);
            }
        })
    };
    // Not a controlled field (`value=`): Yew would put the limit back on
    // every render of the panel (a download's progress, a save), over what
    // the student is typing. Set when the limit changes, and by `on_limit`.
    let limit_field = use_node_ref();
    {
        let limit_field = limit_field.clone();
        use_effect_with(props.time_limit, move |seconds| {
            if let Some(input) = limit_field.cast::<web_sys::HtmlInputElement>() {
                input.set_value(&seconds.to_string());
            }
        });
    }
    let on_limit = {
        let (on_time_limit, current) = (props.on_time_limit.clone(), props.time_limit);
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let read = bridge::panel("readTimeLimit", &input.value().into(), &current.into());
            let on_time_limit = on_time_limit.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = match wasm_bindgen_futures::JsFuture::from(read).await {
                    Ok(read) => TimeLimit {
                        seconds: bridge::field(&read, "seconds").as_f64().map_or(current, |s| s as u32),
                        note: bridge::field(&read, "note").as_string(),
                    },
                    Err(why) => TimeLimit { seconds: current, note: why.as_string() },
                };
                input.set_value(&read.seconds.to_string());
                on_time_limit.emit(read);
            });
        })
    };
    let on_lines = {
        let on_line_memory = props.on_line_memory.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_line_memory.emit(input.checked());
            }
        })
    };
    let replace = |what: Replace| props.on_replace.reform(move |_: MouseEvent| what);
    html! {
        <>
            <div class="py-toolbar" role="group" aria-label="Edit your Python">
                <button class="secondary" data-testid="python-reset" onclick={replace(Replace::Starter)}>{ "Reset to starter" }</button>
                <button class="secondary" data-testid="python-load-solution" onclick={replace(Replace::Solution)}>{ "Load the solution" }</button>
                <label class="py-file">{ "Open a .py file" }
                    <input type="file" accept=".py,text/x-python,text/plain" data-testid="python-open-file" class="visually-hidden" onchange={on_file} />
                </label>
                // Text, not type=number: a number field hands over "" for what it
                // cannot parse, and the note must quote what was typed.
                <label class="py-limit">{ "Time limit " }
                    <input type="text" inputmode="numeric" size="4" ref={limit_field} data-testid="python-time-limit"
                           aria-describedby="py-limit-rule" onchange={on_limit} />
                    { " s" }
                </label>
                <label class="py-line-switch">
                    <input type="checkbox" checked={props.line_memory} data-testid="python-line-memory-switch" onchange={on_lines} />
                    { " Memory by line" }
                </label>
            </div>
            <p class="fine" id="py-limit-rule" data-testid="python-time-limit-note" role="status">
                { props.time_limit_note.clone().unwrap_or_else(|| LIMIT_RULE.into()) }
            </p>
            // One sentence for keyboards, one for touch screens; the style sheet shows the one that fits.
            <p class="fine py-keys" data-testid="python-keys">
                <span class="py-keys-desk">{ "Ctrl+Enter (Cmd+Enter) runs, from anywhere in this panel. In the editor, Tab indents a \
                    selection or at the start of a line, and elsewhere moves on; Esc then Tab always leaves the editor; Ctrl+Space \
                    suggests names. " }</span>
                <span class="py-keys-touch">{ "Tap Run Python to run the program; with a keyboard attached, Ctrl+Enter runs too. " }</span>
                { format!("A run stops after its time limit; memory is limited to {}.", props.memory_limit) }</p>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub what: Replace,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
}

/// Asked before the editor's text is replaced.
#[function_component]
pub fn Confirm(props: &ConfirmProps) -> Html {
    let question = match props.what {
        Replace::Starter => {
            "Replace your text with the starter code? You can bring yours back with Ctrl+Z (Cmd+Z) in the editor."
        }
        Replace::Solution => {
            "Replace your text with our solution? You can bring yours back with Ctrl+Z (Cmd+Z) in the editor."
        }
    };
    html! {
        <div class="notice py-confirm" role="alertdialog" aria-labelledby="py-confirm-text">
            <p id="py-confirm-text">{ question }</p>
            <button class="primary" data-testid="python-confirm" onclick={props.on_confirm.reform(|_: MouseEvent| ())}>{ "Replace my text" }</button>
            <button class="secondary" data-testid="python-cancel" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ "Keep my text" }</button>
        </div>
    }
}
