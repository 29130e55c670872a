//! The measured outcome of a run: headline, chart, exact figures, and
//! whatever else the run recorded (checkpoints, notes, live objects,
//! timeline, site snapshots). Every number here comes from the `RunResult`
//! the worker sent, shared by `Rc`: nothing is copied to render it.

mod snapshots;
mod tables;
mod timing;

use std::rc::Rc;

use yew::prelude::*;

use super::chart::{Bar, BarChart, Line, LineChart, Unit};
use crate::content::{CpythonRecord, TimedWork};
use crate::outcome::headline;
use crate::outcome::RunResult;

/// Props of every part of the results: the run, compared by identity, and
/// what reference.out records of CPython (to compare times with).
#[derive(Properties)]
pub struct ResultProps {
    pub result: Rc<RunResult>,
    #[prop_or_default]
    pub cpython: Option<CpythonRecord>,
    /// The page's memory limit, for the link a results file carries.
    pub limit_mib: u64,
    /// What each side of the CPython comparison timed (exercise.toml's `[timing]`).
    #[prop_or_default]
    pub work: Option<TimedWork>,
}

impl PartialEq for ResultProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.result, &other.result)
            && self.cpython == other.cpython
            && self.limit_mib == other.limit_mib
            && self.work == other.work
    }
}

#[function_component]
pub fn Results(props: &ResultProps) -> Html {
    let result = &props.result;
    let bars: Vec<Bar> = result
        .variants
        .iter()
        .map(|v| Bar { variant: v.id.clone().into(), label: v.label.clone().into(), value: result.metric.of(v) })
        .collect();
    let agree = result.checksums_agree();
    html! {
        <section class="results" aria-live="polite">
            <p class="headline" data-testid="headline">{ headline(result) }</p>
            <BarChart title={result.metric.chart_title()} metric={result.metric.key()} unit={Unit::from(result.metric)}
                      {bars} table_id="figures-table" />
            <super::download::ExportButtons result={result.clone()} limit_mib={props.limit_mib} />
            { tables::figures(result) }
            <p class={classes!("checksums", if agree { "ok" } else { "bad" })}
               data-testid="checksums-agree" data-agree={agree.to_string()}>
                if agree {
                    { format!("✓ Every variant computed the same result (checksum {}).", result.variants.first().map_or(0, |v| v.checksum)) }
                } else {
                    { "✗ The variants computed different results: the comparison is not fair. Checksums: " }
                    { result.variants.iter().map(|v| format!("{} {}", v.label, v.checksum)).collect::<Vec<_>>().join(", ") }
                }
            </p>
            <p class="fine" data-testid="pointer-bytes" data-value={result.pointer_bytes.to_string()}>
                { format!(
                    "Measured in this browser on wasm32, where a pointer and a usize are {} bytes (size_of::<usize>() in the build that ran; \
                     a 64-bit native build has wider ones). Bytes are what the code asked the allocator for, counted by the instrumented allocator.",
                    result.pointer_bytes
                ) }
            </p>
            <timing::Timing result={result.clone()} cpython={props.cpython.clone()} work={props.work.clone()} />
            { tables::checkpoints(result) }
            { tables::notes(result) }
            { tables::live_counts(result) }
            { timelines(result) }
            { snapshots::snapshots(result) }
        </section>
    }
}

/// Live bytes over the run, for exercises that record a timeline.
fn timelines(result: &RunResult) -> Html {
    let lines: Vec<Line> = result
        .variants
        .iter()
        .filter_map(|v| {
            let t = v.timeline.as_ref()?;
            Some(Line {
                variant: v.id.clone().into(),
                label: v.label.clone().into(),
                points: t.points.clone(),
                events_per_point: t.events_per_point,
                events: t.events,
            })
        })
        .collect();
    if lines.is_empty() {
        return html! {};
    }
    html! { <LineChart title="Live bytes during the run, peak marked" {lines} /> }
}
