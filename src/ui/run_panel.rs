//! Parameters with their bounds, the Run button, the run's status, and the
//! link that reproduces the run.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::exercise_page::{PageState, Status};
use crate::link;
use crate::units::grouped;

#[derive(Properties, PartialEq)]
pub struct RunPanelProps {
    pub state: PageState,
    pub slug: &'static str,
    pub on_input: Callback<(String, String)>,
    pub on_run: Callback<()>,
}

#[function_component]
pub fn RunPanel(props: &RunPanelProps) -> Html {
    let state = &props.state;
    let errors = state.params().err().unwrap_or_default();
    let running = state.status == Status::Running;
    let copied = use_state(|| false);
    let share = state.params().ok().map(|params| {
        let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
        format!("{origin}/exercise/{}?{}", props.slug, link::write(&params, state.limit_mib))
    });
    let run = {
        let on_run = props.on_run.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_run.emit(());
        })
    };
    let copy = {
        let share = share.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            if let (Some(url), Some(window)) = (share.clone(), web_sys::window()) {
                let _ = window.navigator().clipboard().write_text(&url);
                copied.set(true);
            }
        })
    };
    let (state_name, status_text) = match &state.status {
        Status::Idle => ("idle", "Not run yet. Press Run to measure every variant.".to_string()),
        Status::Running => ("running", "Running in the measuring worker…".to_string()),
        Status::Done => ("done", "Done: the figures below were measured just now.".to_string()),
        Status::Failed(_) => ("failed", "The run failed.".to_string()),
    };
    html! {
        <section class="card run-panel" aria-labelledby="run-heading">
            <h2 id="run-heading">{ "Measure it" }</h2>
            <form onsubmit={run} novalidate=true>
                { for state.specs.iter().zip(&state.inputs).map(|(spec, (name, raw))| {
                    let error = errors.iter().find(|(n, _)| n == name).map(|(_, e)| e.clone());
                    let on_input = props.on_input.clone();
                    let param = name.clone();
                    let oninput = Callback::from(move |event: InputEvent| {
                        let input: HtmlInputElement = event.target_unchecked_into();
                        on_input.emit((param.clone(), input.value()));
                    });
                    let id = format!("param-{name}");
                    html! {
                        <div class="param">
                            <label for={id.clone()}>{ spec.label }</label>
                            <input id={id.clone()} data-testid={id.clone()} type="number" inputmode="numeric"
                                   min={spec.min.to_string()} max={spec.max.to_string()} step="1"
                                   value={raw.clone()} {oninput}
                                   aria-invalid={error.is_some().to_string()}
                                   aria-describedby={format!("{id}-bounds")} />
                            <span class="bounds" id={format!("{id}-bounds")}>
                                { format!("{} to {} (default {})", grouped(spec.min as i64), grouped(spec.max as i64), grouped(spec.default as i64)) }
                            </span>
                            if let Some(error) = error {
                                <p class="error" role="alert" data-testid={format!("param-error-{name}")}>{ error }</p>
                            }
                        </div>
                    }
                }) }
                <div class="actions">
                    <button type="submit" class="primary" data-testid="run-button" disabled={running || !errors.is_empty()}>
                        { if running { "Running…" } else { "Run" } }
                    </button>
                    if share.is_some() {
                        <button type="button" class="secondary" data-testid="copy-link" onclick={copy}>
                            { if *copied { "Link copied" } else { "Copy link to this run" } }
                        </button>
                    }
                </div>
            </form>
            <p class={classes!("status", state_name)} data-testid="run-status" data-state={state_name} aria-live="polite">
                if running { <span class="spinner" aria-hidden="true"></span> }
                { status_text }
            </p>
            if let Status::Failed(message) = &state.status {
                <p class="error" role="alert" data-testid="run-error">{ message }</p>
            }
            if state.limit_mib != link::DEFAULT_LIMIT_MIB {
                <p class="fine" data-testid="limit">{ format!("Memory limit for runs: {} MiB (set by the link).", grouped(state.limit_mib as i64)) }</p>
            }
        </section>
    }
}
