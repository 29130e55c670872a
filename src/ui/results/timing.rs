//! How long each variant took in this browser, and, where the reference
//! program timed a step under CPython, the two times side by side
//! with what each side timed (exercise.toml's `[timing]`). A ratio
//! is shown only when the two do the same work; otherwise the page says why
//! not. Every figure is measured: the Rust times by the worker's clock in
//! this run (`VariantRun::micros`), the CPython time by the reference
//! program on the machine that recorded `reference.out` (its timing line,
//! read by build.rs into the data file).

use yew::prelude::*;

use super::super::chart::series_class;
use super::super::router::root_url;
use crate::content::{CpythonRecord, TimedWork};
use crate::link;
use crate::outcome::{RunResult, VariantRun};
use crate::units::{capitalise, grouped, human_micros, human_ratio};

#[derive(Properties)]
pub struct TimingProps {
    pub result: std::rc::Rc<RunResult>,
    pub cpython: Option<CpythonRecord>,
    /// What each side timed; no ratio without it.
    pub work: Option<TimedWork>,
}

/// A new run is a new result, even when its figures equal the last one's:
/// `RunResult`'s equality leaves the times out (they differ from run to
/// run), so comparing by value kept the first run's times on screen after
/// every later Run at the same parameters (issue 30 item 4).
impl PartialEq for TimingProps {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.result, &other.result) && self.cpython == other.cpython && self.work == other.work
    }
}

/// A time the worker's clock measured: finite and above its step.
fn measured(v: &VariantRun) -> Option<f64> {
    v.micros.filter(|m| m.is_finite() && *m > 0.0)
}

/// Whether this page is cross-origin isolated: if not, browsers round
/// `performance.now()` (and the worker's clock with it) to coarse steps.
fn isolated() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"crossOriginIsolated".into()).ok().and_then(|v| v.as_bool()) == Some(true)
}

/// Below this, a time read in a non-isolated page's coarse steps is rough.
const ROUGH_BELOW_MICROS: f64 = 10_000.0;

/// `n = 10,000, chunk = 1,000`.
fn shown_params(params: &[(String, u64)]) -> String {
    params.iter().map(|(name, value)| format!("{name} = {}", grouped(*value as i64))).collect::<Vec<_>>().join(", ")
}

#[function_component]
pub fn Timing(props: &TimingProps) -> Html {
    let result = &props.result;
    // A run read back from a file has no times (the file holds none).
    if result.variants.iter().all(|v| v.micros.is_none()) {
        return html! {};
    }
    let count = result.variants.len();
    let rough = !isolated() && result.variants.iter().any(|v| v.micros.is_some_and(|m| m < ROUGH_BELOW_MICROS));
    let times = html! {
        <div class="times" data-testid="timing">
            <p class="fine">
                { "Time each variant's code took in this browser, counting allocations." }
                if rough {
                    { " Times under 10 ms are rough: this page is not cross-origin isolated, so the browser rounds its clock (to 0.1 ms in Chromium)." }
                }
            </p>
            <ul>
                { for result.variants.iter().enumerate().map(|(i, v)| html! {
                    <li key={v.id.clone()} data-testid="variant-time" data-variant={v.id.clone()}
                        data-micros={v.micros.filter(|m| m.is_finite()).map(|m| m.to_string())}>
                        <span class={classes!("swatch", series_class(i, count))}></span>
                        { format!("{}: ", v.label) }
                        if let Some(micros) = measured(v) {
                            { "ran in " }<strong>{ human_micros(micros) }</strong>
                        } else {
                            { "too quick for this browser's clock (it read 0 µs)" }
                        }
                    </li>
                }) }
            </ul>
        </div>
    };
    let record = props.cpython.as_ref();
    let timed = record.and_then(|r| Some((r, r.timing.as_ref()?)));
    let Some((record, timing)) = timed else { return times };
    let Some(variant) = result.variants.iter().find(|v| v.id == timing.variant) else { return times };
    let cpython = human_micros(timing.micros);
    let recorded = format!(
        "the reference program's timed step took {cpython} per call under {} (best of {}, tracemalloc off), \
         recorded with reference.out on the machine that recorded it",
        record.interpreter, timing.best_of
    );
    let work = props.work.as_ref();
    // What each side timed, in the exercise's own words.
    let timed_work = work.map(|work| {
        html! {
            <span class="timed" data-testid="timed-work">
                { "Timed in Rust: " }<span data-testid="timed-rust">{ work.rust.clone() }</span>
                { "; in Python: " }<span data-testid="timed-python">{ work.python.clone() }</span>{ ". " }
            </span>
        }
    });
    let same_work = work.is_some_and(TimedWork::same_work);
    let comparison = if timing.same_params(&result.params.0) {
        let rust = measured(variant);
        let ratio = rust.filter(|_| same_work).map(|rust| timing.micros / rust);
        let heading = if same_work { "The same work in CPython" } else { "Other work in CPython, so no ratio" };
        html! {
            <p class="compare" data-testid="cpython-comparison" data-variant={variant.id.clone()}
               data-same-work={same_work.to_string()}
               data-cpython-micros={timing.micros.to_string()} data-rust-micros={rust.map(|r| r.to_string())}
               data-ratio={ratio.map(|r| r.to_string())}>
                <strong>{ format!("{heading} ({}): ", shown_params(&timing.params)) }</strong>
                { format!("{recorded}. ") }
                { timed_work.clone() }
                if !same_work {
                    <span data-testid="differs">{ work.and_then(|w| w.differs.clone()).unwrap_or_default() }</span>{ " " }
                    if let Some(rust) = rust {
                        { format!("{} took {} in this run, here, counting allocations.", capitalise(&variant.label), human_micros(rust)) }
                    }
                } else if let (Some(rust), Some(ratio)) = (rust, ratio) {
                    { format!("{} took {} in this run, here, counting allocations: ", capitalise(&variant.label), human_micros(rust)) }
                    // Said the way round that reads as a multiple, not "0.04x as long".
                    if ratio >= 1.0 {
                        { "CPython took " }<strong>{ format!("{} as long", human_ratio(ratio)) }</strong>
                    } else {
                        { "this run took " }<strong>{ format!("{} as long as CPython", human_ratio(1.0 / ratio)) }</strong>
                    }
                    { ". The two times come from different machines unless you also run the reference program here: \
                       the Python panel below prints its own timing line (under Pyodide)." }
                } else {
                    { format!("{} was too quick for this browser's clock to time, so there is no ratio.", capitalise(&variant.label)) }
                }
            </p>
        }
    } else {
        let params = crate::exercise::Params(timing.params.clone());
        let request = link::LinkRequest { autorun: true, ..link::LinkRequest::to(params, link::DEFAULT_LIMIT_MIB) };
        let href = link::absolute(&root_url(), &result.slug, &request);
        html! {
            <p class="compare" data-testid="cpython-elsewhere" data-variant={variant.id.clone()}
               data-same-work={same_work.to_string()}>
                { format!("At {}, for {}: {recorded}. ", shown_params(&timing.params), variant.label) }
                { timed_work.clone() }
                <a href={href} data-testid="run-at-recorded-size">{ "Run at the recorded size" }</a>
                { " to set this browser's time beside it." }
            </p>
        }
    };
    html! { <>{ times }{ comparison }</> }
}
