//! Parameters with their bounds, the Run button, the run's status, and the
//! link that reproduces the run.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::share::CopyLink;
use super::state::Status;
use crate::exercise::ParamSpec;
use crate::link;
use crate::units::grouped;

#[derive(Properties, PartialEq)]
pub struct RunPanelProps {
    pub specs: &'static [ParamSpec],
    /// Raw text of each parameter input, in declaration order.
    pub inputs: Vec<(String, String)>,
    /// One message per input out of bounds (checked in the page state).
    pub errors: Vec<(String, String)>,
    pub status: Status,
    pub limit_mib: u64,
    /// The link that reruns these parameters; none while one is invalid.
    pub share: Option<AttrValue>,
    pub on_input: Callback<(String, String)>,
    pub on_run: Callback<()>,
    /// Shown beside Run (the Sweep button).
    #[prop_or_default]
    pub beside_run: Html,
    /// Shown at the end of the panel (the sweep's range and progress).
    #[prop_or_default]
    pub after_form: Html,
}

impl Status {
    /// `data-state` of the status line, and what it says.
    fn describe(&self) -> (&'static str, &'static str) {
        match self {
            Status::Idle => ("idle", "Not run yet. Press Run to measure every variant."),
            Status::Running => ("running", "Running in the measuring worker…"),
            Status::Done => ("done", "Done: the figures below were measured just now."),
            Status::Restored => ("restored", "The figures below are from your last run with these parameters."),
            Status::Opened => ("opened", "The figures below are from a results file; Run measures them again here."),
            Status::Failed(_) => ("failed", "The run failed."),
        }
    }
}

#[function_component]
pub fn RunPanel(props: &RunPanelProps) -> Html {
    let errors = &props.errors;
    let running = props.status == Status::Running;
    let run = props.on_run.reform(|event: SubmitEvent| event.prevent_default());
    let (state_name, status_text) = props.status.describe();
    // Said once when a parameter goes out of bounds, not at every keystroke:
    // it names the parameters, not the values.
    let waiting = (!errors.is_empty()).then(|| {
        let names: Vec<&str> = errors.iter().map(|(name, _)| name.as_str()).collect();
        format!("Run waits until {} is within its bounds.", names.join(" and "))
    });
    html! {
        <section class="card run-panel" aria-labelledby="run-heading">
            <h2 id="run-heading">{ "Measure it" }</h2>
            <form onsubmit={run} novalidate=true>
                { for props.specs.iter().zip(&props.inputs).map(|(spec, (name, raw))| {
                    let error = errors.iter().find(|(n, _)| n == name).map(|(_, e)| e.clone());
                    param(spec, name, raw, error, &props.on_input)
                }) }
                <div class="actions">
                    // Not `disabled` while running: a disabled button drops
                    // keyboard focus to <body>. The run action ignores it.
                    <button type="submit" class="primary" data-testid="run-button" disabled={!errors.is_empty()}
                            aria-disabled={running.to_string()}>
                        { if running { "Running…" } else { "Run" } }
                    </button>
                    { props.beside_run.clone() }
                    if let Some(url) = props.share.clone() {
                        <CopyLink {url} />
                    }
                </div>
                <p class="visually-hidden" aria-live="polite">{ waiting.unwrap_or_default() }</p>
            </form>
            <p class={classes!("status", state_name)} data-testid="run-status" data-state={state_name} aria-live="polite">
                if running { <span class="spinner" aria-hidden="true"></span> }
                { status_text }
            </p>
            if let Status::Failed(message) = &props.status {
                <p class="error" role="alert" data-testid="run-error">{ message }</p>
            }
            if props.limit_mib != link::DEFAULT_LIMIT_MIB {
                <p class="fine" data-testid="limit">{ format!("Memory limit for runs: {} MiB (set by the link).", grouped(props.limit_mib as i64)) }</p>
            }
            { props.after_form.clone() }
        </section>
    }
}

fn param(
    spec: &ParamSpec,
    name: &str,
    raw: &str,
    error: Option<String>,
    on_input: &Callback<(String, String)>,
) -> Html {
    let oninput = {
        let (on_input, name) = (on_input.clone(), name.to_string());
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_input.emit((name.clone(), input.value()));
        })
    };
    let id = format!("param-{name}");
    let described = if error.is_some() { format!("{id}-bounds {id}-error") } else { format!("{id}-bounds") };
    html! {
        <div class="param">
            <label for={id.clone()}>{ spec.label }</label>
            <input id={id.clone()} data-testid={id.clone()} type="number" inputmode="numeric"
                   min={spec.min.to_string()} max={spec.max.to_string()} step="1"
                   value={raw.to_string()} {oninput}
                   aria-invalid={error.is_some().to_string()} aria-describedby={described} />
            <span class="bounds" id={format!("{id}-bounds")}>
                { format!("{} to {} (default {})", grouped(spec.min as i64), grouped(spec.max as i64), grouped(spec.default as i64)) }
            </span>
            if let Some(error) = error {
                <p class="error" id={format!("{id}-error")} data-testid={format!("param-error-{name}")}>{ error }</p>
            }
        </div>
    }
}
