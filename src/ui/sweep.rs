//! Sweeps on the page: the range a student asks for, the runs it queues
//! (one worker request per size, through the same bridge a single run
//! uses), their answers as they arrive, and the lines they draw.
//!
//! The sizes and slopes come from `crate::sweep`; this module only keeps
//! track of which answers belong to the sweep on screen. Answers of a
//! cancelled or failed sweep are dropped, and its requests not yet sent
//! are taken back from the bridge.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::chart::{SweepChart, Unit};
use super::download::SweepExport;
use super::hooks::bring_into_view;
use super::state::{Action, PageState};
use super::worker_bridge::{self, RunEvent};
use crate::exercise::{ParamSpec, Params};
use crate::outcome::RunResult;
use crate::sweep::{self, sweepable, Range, MAX_POINTS};
use crate::units::grouped;

/// Where a sweep stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Running,
    Done,
    Cancelled,
    /// The run at `size` failed (out of memory, say); the sizes before it are kept.
    Failed {
        size: u64,
        message: String,
    },
}

/// One sweep: the sizes asked for, the request id of each, and the results
/// received so far, in the order of `sizes`.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepRun {
    pub param: &'static str,
    pub range: Range,
    pub sizes: Vec<u64>,
    pub ids: Vec<u32>,
    pub results: Vec<Rc<RunResult>>,
    pub phase: Phase,
}

/// The sweep part of the page state: the three inputs as typed, and the
/// sweep on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepState {
    /// The swept parameter; `None` when the exercise has nothing to sweep.
    pub spec: Option<ParamSpec>,
    pub from: String,
    pub to: String,
    pub points: String,
    pub run: Option<SweepRun>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Field {
    From,
    To,
    Points,
}

pub enum SweepAction {
    Input((Field, String)),
    Started(SweepRun),
    Cancel,
}

impl SweepState {
    /// The inputs start from the link's sweep, or the default range.
    pub fn new(params: &[ParamSpec], asked: Option<Range>) -> SweepState {
        let spec = sweepable(params).copied();
        let range = asked.or_else(|| spec.as_ref().map(Range::default_for));
        let text = |f: fn(&Range) -> String| range.as_ref().map(f).unwrap_or_default();
        SweepState {
            spec,
            from: text(|r| r.from.to_string()),
            to: text(|r| r.to.to_string()),
            points: text(|r| r.points.to_string()),
            run: None,
        }
    }

    /// The range the inputs describe, or what is wrong with them.
    pub fn range(&self) -> Option<Result<Range, String>> {
        Some(Range::check(self.spec.as_ref()?, &self.from, &self.to, &self.points))
    }

    pub fn running(&self) -> bool {
        self.run.as_ref().is_some_and(|r| r.phase == Phase::Running)
    }

    /// The range of the sweep on screen, for the link.
    pub fn shown(&self) -> Option<Range> {
        self.run.as_ref().map(|r| r.range)
    }

    pub fn apply(&mut self, action: SweepAction) {
        match action {
            SweepAction::Input((field, raw)) => match field {
                Field::From => self.from = raw,
                Field::To => self.to = raw,
                Field::Points => self.points = raw,
            },
            SweepAction::Started(run) => self.run = Some(run),
            SweepAction::Cancel => {
                if let Some(run) = self.run.as_mut().filter(|r| r.phase == Phase::Running) {
                    run.phase = Phase::Cancelled;
                }
            }
        }
    }

    /// Takes the answer to request `id` if it belongs to the sweep (true),
    /// keeping it only while the sweep is running.
    pub fn receive(&mut self, id: u32, event: &RunEvent) -> bool {
        let Some(run) = self.run.as_mut() else { return false };
        let Some(index) = run.ids.iter().position(|&i| i == id) else { return false };
        if run.phase != Phase::Running {
            return true;
        }
        match event {
            RunEvent::Done(result) => {
                run.results.push(result.clone());
                if run.results.len() == run.sizes.len() {
                    run.phase = Phase::Done;
                }
            }
            RunEvent::Failed(message) => run.phase = Phase::Failed { size: run.sizes[index], message: message.clone() },
        }
        true
    }
}

/// The Sweep action: queues one run per size of the range in the inputs,
/// the other parameters as they are, unless a sweep is under way or an
/// input is out of bounds.
#[hook]
pub fn use_start_sweep(state: &UseReducerHandle<PageState>, slug: &'static str) -> Callback<()> {
    let state = state.clone();
    Callback::from(move |_: ()| {
        let sweep = &state.sweep;
        let (Some(spec), Some(Ok(range)), Ok(params)) = (sweep.spec, sweep.range(), state.params()) else { return };
        if sweep.running() {
            return;
        }
        let sizes = range.sizes();
        let limit = Some(state.limit_mib * 1024 * 1024);
        let ids = sizes
            .iter()
            .map(|&size| {
                let values = params.0.iter().map(|(k, v)| (k.clone(), if k == spec.name { size } else { *v }));
                worker_bridge::run(slug, Params(values.collect()), limit)
            })
            .collect();
        let run = SweepRun { param: spec.name, range, sizes, ids, results: Vec::new(), phase: Phase::Running };
        state.dispatch(Action::Sweep(SweepAction::Started(run)));
    })
}

/// Requests of a sweep that stopped (or whose page closed) are taken back
/// from the bridge before the worker gets to them.
#[hook]
pub fn use_sweep_cleanup(sweep: &SweepState) {
    let key = sweep.run.as_ref().map(|r| (r.ids.clone(), r.phase != Phase::Running));
    use_effect_with(key, |key| {
        let ids = key.as_ref().map(|(ids, _)| ids.clone()).unwrap_or_default();
        if key.as_ref().is_some_and(|(_, stopped)| *stopped) {
            ids.iter().for_each(|&id| worker_bridge::forget(id));
        }
        move || ids.iter().for_each(|&id| worker_bridge::forget(id))
    });
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
}

/// The sweep's lines, once at least one size has been measured. When the
/// sweep ends the slopes under the chart are brought into view, and with
/// them the chart above (on a projector it fits with them).
#[function_component]
pub fn SweepResults(props: &SweepResultsProps) -> Html {
    let here = use_node_ref();
    let ended = props.sweep.run.as_ref().map(|r| (r.ids.first().copied(), r.phase != Phase::Running));
    {
        let here = here.clone();
        use_effect_with(ended, move |ended| {
            if ended.is_some_and(|(_, ended)| ended) {
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
            <SweepExport result={first.clone()} {csv} {stem} {sizes} />
        </section>
    }
}
