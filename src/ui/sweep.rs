//! Sweeps on the page: the runs a sweep queues (one worker request per
//! size, through the same bridge a single run uses, each answering through
//! its own callback into `page::sweep`), the controls, and the lines they
//! draw. A cancelled or failed sweep's requests are taken back from the
//! bridge, and an answer still coming is kept for Back but not drawn.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::chart::{SweepChart, Unit};
use super::dom::bring_into_view;
use super::download::SweepExport;
use super::hooks::Asked;
use super::state::{remember, Action, PageState};
use super::worker_bridge;
use crate::exercise::Params;
use crate::outcome::RunResult;
use crate::page::sweep::{Field, Phase, SweepAction, SweepRun, SweepState};
use crate::sweep::{self, MAX_POINTS};
use crate::units::grouped;

/// The Sweep action: queues one run per size of the range in the inputs,
/// the other parameters as they are, unless a sweep is under way or an
/// input is out of bounds. When the sweep stops (done, cancelled, failed,
/// or its page closed) its runs not sent yet are taken back from the
/// bridge, and answers still coming are kept for Back but not drawn.
#[hook]
pub fn use_start_sweep(state: &UseReducerHandle<PageState>, slug: &'static str) -> Callback<()> {
    let asked = use_mut_ref(|| None::<Asked>);
    {
        let asked = asked.clone();
        use_effect_with(state.sweep.running(), move |&running| {
            move || {
                if let Some(asked) = running.then(|| asked.borrow_mut().take()).flatten() {
                    asked.drop_answer();
                }
            }
        });
    }
    let state = state.clone();
    Callback::from(move |_: ()| {
        let sweep = &state.sweep;
        let (Some(spec), Some(Ok(range)), Ok(params)) = (sweep.spec, sweep.range(), state.params.clone()) else {
            return;
        };
        if sweep.running() {
            return;
        }
        let sizes = range.sizes();
        let limit = Some(state.limit_mib * 1024 * 1024);
        let wanted = Rc::new(Cell::new(true));
        let ids = sizes
            .iter()
            .enumerate()
            .map(|(index, &size)| {
                let values = params.0.iter().map(|(k, v)| (k.clone(), if k == spec.name { size } else { *v }));
                let (dispatcher, still_wanted) = (state.dispatcher(), wanted.clone());
                worker_bridge::run(slug, Params(values.collect()), limit, move |answer| {
                    if let Ok(result) = &answer {
                        remember(result);
                    }
                    if still_wanted.get() {
                        dispatcher.dispatch(Action::Sweep(SweepAction::Answered((index, answer))));
                    }
                })
            })
            .collect();
        *asked.borrow_mut() = Some(Asked { ids, wanted });
        let run = SweepRun { param: spec.name, range, sizes, results: Vec::new(), phase: Phase::Running };
        state.dispatch(Action::Sweep(SweepAction::Started(run)));
    })
}

#[derive(Properties, PartialEq)]
pub struct SweepControlsProps {
    pub sweep: SweepState,
    /// The other parameters are valid (a sweep holds them fixed).
    pub params_ok: bool,
    pub on_action: Callback<SweepAction>,
    pub on_sweep: Callback<()>,
}

/// The Sweep button, for beside Run: it submits the sweep's own form.
#[function_component]
pub fn SweepButton(props: &SweepControlsProps) -> Html {
    let valid = matches!(props.sweep.range(), Some(Ok(_))) && props.params_ok;
    let running = props.sweep.running();
    html! {
        <button type="submit" form="sweep-form" class="secondary sweep-button" data-testid="sweep-button"
                disabled={!valid} aria-disabled={running.to_string()}>
            { if running { "Sweeping…" } else { "Sweep" } }
        </button>
    }
}

/// The sweep's range, its progress and Cancel.
#[function_component]
pub fn SweepControls(props: &SweepControlsProps) -> Html {
    let Some(spec) = props.sweep.spec else { return html! {} };
    let sweep = &props.sweep;
    let error = sweep.range().and_then(Result::err);
    let submit = props.on_sweep.reform(|event: SubmitEvent| event.prevent_default());
    let field = |which: Field, id: &'static str, label: String, value: &str, min: u64, max: u64| {
        let on_action = props.on_action.clone();
        let oninput = Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_action.emit(SweepAction::Input((which, input.value())));
        });
        html! {
            <div class="sweep-field">
                <label for={id}>{ label }</label>
                <input {id} data-testid={id} type="number" inputmode="numeric" min={min.to_string()} max={max.to_string()}
                       step="1" value={value.to_string()} {oninput} aria-invalid={error.is_some().to_string()}
                       aria-describedby={if error.is_some() { "sweep-bounds sweep-error" } else { "sweep-bounds" }} />
            </div>
        }
    };
    let low = spec.min.max(1);
    let cancel = props.on_action.reform(|_: MouseEvent| SweepAction::Cancel);
    html! {
        <form id="sweep-form" class="sweep-controls" onsubmit={submit} novalidate=true>
            <fieldset>
                <legend>{ format!("Sweep {} ({}) over sizes", spec.label, spec.name) }</legend>
                <div class="sweep-fields">
                    { field(Field::From, "sweep-from", "From".into(), &sweep.from, low, spec.max) }
                    { field(Field::To, "sweep-to", "To".into(), &sweep.to, low, spec.max) }
                    { field(Field::Points, "sweep-points", "Sizes".into(), &sweep.points, 2, MAX_POINTS as u64) }
                </div>
                <p class="bounds" id="sweep-bounds">
                    { format!("Sizes from {} to {}, log-spaced; 2 to {MAX_POINTS} of them.", grouped(low as i64), grouped(spec.max as i64)) }
                </p>
                if let Some(error) = error {
                    <p class="error" id="sweep-error" data-testid="sweep-error">{ error }</p>
                }
            </fieldset>
            { progress(sweep.run.as_ref(), spec.name) }
            if sweep.running() {
                <button type="button" class="secondary" data-testid="sweep-cancel" onclick={cancel}>{ "Cancel sweep" }</button>
            }
        </form>
    }
}

/// "3 of 6 sizes measured", and how the sweep ended.
fn progress(run: Option<&SweepRun>, name: &str) -> Html {
    let Some(run) = run else { return html! {} };
    let (done, total) = (run.results.len(), run.sizes.len());
    let (state, text) = match &run.phase {
        Phase::Running => ("running", format!("Sweeping: {done} of {total} sizes measured…")),
        Phase::Done => ("done", format!("Swept {total} sizes.")),
        Phase::Cancelled => {
            ("cancelled", format!("Sweep cancelled after {done} of {total} sizes; those points are kept."))
        }
        Phase::Failed { size, message } => (
            "failed",
            format!(
                "The sweep stopped at {name} = {}: {message} The {done} sizes before it are kept.",
                grouped(*size as i64)
            ),
        ),
    };
    html! {
        <p class={classes!("status", "sweep-status", state)} data-testid="sweep-status" data-state={state}
           data-done={done.to_string()} data-total={total.to_string()} role="status">
            if run.phase == Phase::Running { <span class="spinner" aria-hidden="true"></span> }
            { text }
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct SweepResultsProps {
    pub sweep: SweepState,
    pub tall: bool,
    /// The page's memory limit, for the link the exported chart carries.
    pub limit_mib: u64,
}

/// The sweep's lines, once at least one size has been measured. When the
/// sweep ends the slopes under the chart are brought into view, and with
/// them the chart above (on a projector it fits with them).
#[function_component]
pub fn SweepResults(props: &SweepResultsProps) -> Html {
    let here = use_node_ref();
    let ended = props.sweep.run.as_ref().map(|r| r.phase != Phase::Running);
    {
        let here = here.clone();
        use_effect_with(ended, move |ended| {
            if *ended == Some(true) {
                if let Some(section) = here.cast::<web_sys::Element>() {
                    bring_into_view(&section.query_selector(".sweep-slopes").ok().flatten().unwrap_or(section));
                }
            }
        });
    }
    let (Some(run), Some(spec)) = (props.sweep.run.as_ref(), props.sweep.spec) else { return html! {} };
    let Some(first) = run.results.first() else { return html! {} };
    let metric = first.metric;
    let results: Vec<&RunResult> = run.results.iter().map(|r| &**r).collect();
    let series = sweep::series(run.param, metric, &results);
    let unit = if metric.is_bytes() { "bytes" } else { "allocations" };
    let csv = sweep::csv(spec.label, unit, &series);
    let stem = format!("heapwise-{}-sweep-{}{}-{}", first.slug, spec.name, run.range.from, run.range.to);
    let sizes = format!(
        "{} = {} to {}, {} sizes",
        spec.name,
        grouped(run.range.from as i64),
        grouped(run.range.to as i64),
        run.results.len()
    );
    html! {
        <section class="results sweep-results" data-testid="sweep-results" aria-labelledby="sweep-heading" ref={here}>
            <h2 id="sweep-heading">{ format!("{} against {}", crate::units::capitalise(metric.name()), spec.label) }</h2>
            <SweepChart title={format!("{} against {} ({})", metric.chart_title(), spec.label, spec.name)}
                        unit={Unit::from(metric)} size_label={spec.label} {series} tall={props.tall} />
            <SweepExport result={first.clone()} {csv} {stem} {sizes} limit_mib={props.limit_mib} />
        </section>
    }
}
