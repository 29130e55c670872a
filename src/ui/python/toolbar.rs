//! The panel's controls below the workspace (Run and Stop are in its run
//! bar): replace the text (asking first), open a file, the time limit;
//! and the question asked before replacing.

use yew::prelude::*;

use super::state::Replace;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub time_limit: u32,
    /// The memory limit, in words ("1.00 GiB").
    pub memory_limit: String,
    pub on_replace: Callback<Replace>,
    /// The file input, after the student chose a file.
    pub on_file: Callback<web_sys::HtmlInputElement>,
    pub on_time_limit: Callback<u32>,
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
    let on_limit = {
        let on_time_limit = props.on_time_limit.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let seconds = input.value().trim().parse::<u32>().unwrap_or(30).clamp(1, 600);
            input.set_value(&seconds.to_string());
            on_time_limit.emit(seconds);
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
                <label class="py-limit">{ "Time limit " }
                    <input type="number" min="1" max="600" value={props.time_limit.to_string()} data-testid="python-time-limit" onchange={on_limit} />
                    { " s" }
                </label>
                <label class="py-line-switch">
                    <input type="checkbox" checked={props.line_memory} data-testid="python-line-memory-switch" onchange={on_lines} />
                    { " Memory by line" }
                </label>
            </div>
            <p class="fine py-keys" data-testid="python-keys">{ format!(
                "Ctrl+Enter (Cmd+Enter) runs, from anywhere in this panel. In the editor, Tab indents a selection or at the start \
                 of a line, and elsewhere moves on; Esc then Tab always leaves the editor; Ctrl+Space suggests names. A run stops \
                 after its time limit; memory is limited to {}. Your text is saved in this browser as you type.", props.memory_limit) }</p>
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
