//! The measured outcome of a run: headline, chart, exact figures, and
//! whatever else the run recorded (checkpoints, timeline, site snapshots).
//! Every number here comes from the `RunResult` the worker just sent.

use yew::prelude::*;

use super::chart::{colour, Bar, BarChart, Line, LineChart, Unit};
use crate::exercise::Metric;
use crate::measure::SiteDiff;
use crate::run::RunResult;
use crate::run::VariantRun;
use crate::units::{grouped, human_bytes, human_ratio, ratio};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub result: RunResult,
}

/// Column heading of each figure in the table.
fn heading(metric: Metric) -> &'static str {
    match metric {
        Metric::PeakBytes => "Peak",
        Metric::RetainedBytes => "Held at end",
        Metric::AllocatedBytes => "Allocated in total",
        Metric::Allocations => "Allocations",
    }
}

fn unit_of(metric: Metric) -> Unit {
    if metric.is_bytes() {
        Unit::Bytes
    } else {
        Unit::Count
    }
}

#[function_component]
pub fn Results(props: &ResultsProps) -> Html {
    let result = &props.result;
    let key = result.metric.key();
    let unit = unit_of(result.metric);
    let bars: Vec<Bar> = result
        .variants
        .iter()
        .map(|v| Bar {
            variant: v.id.clone().into(),
            label: v.label.clone().into(),
            value: result.metric.of(&v.measurement),
        })
        .collect();
    let headline = headline(result);
    let agree = result.checksums_agree();
    html! {
        <section class="results" aria-live="polite">
            <p class="headline" data-testid="headline">{ headline }</p>
            <BarChart title={format!("{} per variant, measured", capitalise(result.metric.name()))}
                      metric={key} {unit} {bars} table_id="figures-table" />
            <FiguresTable variants={result.variants.clone()} />
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
            <Checkpoints variants={result.variants.clone()} />
            <Notes variants={result.variants.clone()} />
            <LiveCounts variants={result.variants.clone()} />
            <Timelines variants={result.variants.clone()} />
            <Snapshots variants={result.variants.clone()} />
        </section>
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

fn headline(result: &RunResult) -> String {
    let (Some(first), Some(last)) = (result.variants.first(), result.variants.last()) else {
        return "No variants ran.".into();
    };
    let metric = result.metric;
    let (base, best) = (metric.of(&first.measurement), metric.of(&last.measurement));
    let unit = unit_of(metric);
    let what = metric.name();
    match ratio(base, best) {
        Some(r) if r > 1.0 => format!(
            "{}: {} {what}, {} fewer than {} ({}).",
            capitalise(&last.label),
            unit.format(best),
            human_ratio(r),
            first.label,
            unit.format(base)
        ),
        _ if best <= 0 && base > 0 => format!(
            "{}: no heap at all ({what}), against {} for {}.",
            capitalise(&last.label),
            unit.format(base),
            first.label
        ),
        _ => format!(
            "{}: {} {what}; {}: {}.",
            capitalise(&last.label),
            unit.format(best),
            first.label,
            unit.format(base)
        ),
    }
}

#[derive(Properties, PartialEq)]
struct VariantsProps {
    variants: Vec<VariantRun>,
}

#[function_component]
fn FiguresTable(props: &VariantsProps) -> Html {
    html! {
        <table id="figures-table" class="figures">
            <caption>{ "Exact figures (bytes unless stated)" }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Variant" }</th>
                    { for Metric::ALL.iter().map(|m| html! { <th scope="col">{ heading(*m) }</th> }) }
                </tr>
            </thead>
            <tbody>
                { for props.variants.iter().enumerate().map(|(i, v)| html! {
                    <tr key={v.id.clone()}>
                        <th scope="row"><span class="swatch" style={format!("background:{}", colour(i, props.variants.len()))}></span>{ &v.label }</th>
                        { for Metric::ALL.iter().map(|m| figure_cell(v, *m)) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn figure_cell(v: &VariantRun, metric: Metric) -> Html {
    let value = metric.of(&v.measurement);
    let unit = unit_of(metric);
    let (bytes, count) = unit.attributes(value);
    html! {
        <td data-testid="figure" data-variant={v.id.clone()} data-metric={metric.key()} data-bytes={bytes} data-count={count}>
            <span class="exact">{ grouped(value) }</span>
            if unit == Unit::Bytes && value.abs() >= 1024 {
                <span class="human">{ human_bytes(value) }</span>
            }
        </td>
    }
}

/// Live bytes at the checkpoints variants recorded with `probe.mark`.
#[function_component]
fn Checkpoints(props: &VariantsProps) -> Html {
    let with_marks: Vec<&VariantRun> = props.variants.iter().filter(|v| !v.marks.is_empty()).collect();
    if with_marks.is_empty() {
        return html! {};
    }
    html! {
        <table class="figures checkpoints" data-testid="checkpoints">
            <caption>{ "Live bytes at each checkpoint of the run" }</caption>
            <thead><tr><th scope="col">{ "Variant" }</th><th scope="col">{ "Checkpoint" }</th><th scope="col">{ "Live bytes" }</th></tr></thead>
            <tbody>
                { for with_marks.iter().flat_map(|v| v.marks.iter().map(move |m| html! {
                    <tr>
                        <th scope="row">{ &v.label }</th>
                        <td>{ m.label.as_ref() }</td>
                        <td data-testid="mark" data-variant={v.id.clone()} data-label={m.label.to_string()} data-bytes={m.live_bytes.to_string()}>
                            { grouped(m.live_bytes) }<span class="human">{ human_bytes(m.live_bytes) }</span>
                        </td>
                    </tr>
                })) }
            </tbody>
        </table>
    }
}

/// Figures the variants computed themselves (`probe.note`).
#[function_component]
fn Notes(props: &VariantsProps) -> Html {
    let with_notes: Vec<&VariantRun> = props.variants.iter().filter(|v| !v.notes.is_empty()).collect();
    if with_notes.is_empty() {
        return html! {};
    }
    html! {
        <table class="figures" data-testid="notes">
            <caption>{ "What each variant reported" }</caption>
            <thead><tr><th scope="col">{ "Variant" }</th><th scope="col">{ "Figure" }</th><th scope="col">{ "Value" }</th></tr></thead>
            <tbody>
                { for with_notes.iter().flat_map(|v| v.notes.iter().map(move |n| html! {
                    <tr>
                        <th scope="row">{ &v.label }</th>
                        <td>{ n.label.as_ref() }</td>
                        <td data-testid="note" data-variant={v.id.clone()} data-label={n.label.to_string()} data-value={n.value.to_string()}>{ grouped(n.value) }</td>
                    </tr>
                })) }
            </tbody>
        </table>
    }
}

/// Live values per counted type at each checkpoint: the leak hunter's view.
#[function_component]
fn LiveCounts(props: &VariantsProps) -> Html {
    let with_counts: Vec<&VariantRun> = props.variants.iter().filter(|v| !v.live_counts.is_empty()).collect();
    if with_counts.is_empty() {
        return html! {};
    }
    html! {
        <table class="figures" data-testid="live-counts">
            <caption>{ "Live objects by type at each checkpoint (created since the run began)" }</caption>
            <thead><tr><th scope="col">{ "Variant" }</th><th scope="col">{ "Checkpoint" }</th><th scope="col">{ "Type" }</th><th scope="col">{ "Live" }</th><th scope="col">{ "Created" }</th></tr></thead>
            <tbody>
                { for with_counts.iter().flat_map(|v| v.live_counts.iter().flat_map(move |c| c.counts.iter().map(move |count| html! {
                    <tr data-testid="live-count" data-variant={v.id.clone()} data-label={c.label.to_string()} data-type={count.name.to_string()} data-count={count.live.to_string()}>
                        <th scope="row">{ &v.label }</th>
                        <td>{ c.label.as_ref() }</td>
                        <td><code>{ count.name.as_ref() }</code></td>
                        <td>{ grouped(count.live) }</td>
                        <td>{ grouped(count.created as i64) }</td>
                    </tr>
                }))) }
            </tbody>
        </table>
    }
}

/// Live bytes over the run, for exercises that record a timeline.
#[function_component]
fn Timelines(props: &VariantsProps) -> Html {
    let lines: Vec<Line> = props
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

/// Allocation-site snapshots: per variant, one table with a row per site
/// and a column per snapshot, each cell the bytes held then and the change
/// since the previous snapshot (the diff), so growth reads left to right.
#[function_component]
fn Snapshots(props: &VariantsProps) -> Html {
    let with_snapshots: Vec<&VariantRun> = props.variants.iter().filter(|v| !v.snapshots.is_empty()).collect();
    if with_snapshots.is_empty() {
        return html! {};
    }
    html! {
        <div class="snapshots">
            { for with_snapshots.iter().map(|v| snapshot_table(v)) }
        </div>
    }
}

fn snapshot_table(v: &VariantRun) -> Html {
    let last = v.snapshots.last().expect("filtered to variants with snapshots");
    // Rows: biggest in the last snapshot first, then sites that emptied.
    let mut labels: Vec<String> = last.sites.iter().map(|s| s.label.to_string()).collect();
    for snap in &v.snapshots {
        for site in &snap.sites {
            if !labels.iter().any(|l| *l == site.label) {
                labels.push(site.label.to_string());
            }
        }
    }
    let diffs: Vec<Vec<SiteDiff>> = v
        .snapshots
        .iter()
        .enumerate()
        .map(|(i, snap)| if i == 0 { Vec::new() } else { snap.diff(&v.snapshots[i - 1]) })
        .collect();
    html! {
        <table class="figures snapshot-matrix" data-testid="snapshots" data-variant={v.id.clone()}>
            <caption>{ format!("{}: live bytes per allocation site at each snapshot (change since the previous one)", v.label) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Site" }</th>
                    { for v.snapshots.iter().map(|snap| html! { <th scope="col">{ snap.label.as_ref() }</th> }) }
                </tr>
            </thead>
            <tbody>
                { for labels.iter().map(|label| html! {
                    <tr>
                        <th scope="row"><code>{ label }</code></th>
                        { for v.snapshots.iter().enumerate().map(|(i, snap)| {
                            let (bytes, blocks) = snap.site(label);
                            let change = diffs[i].iter().find(|d| &d.label == label);
                            html! {
                                <td data-testid="site" data-snapshot={snap.label.clone()} data-site={label.clone()}
                                    data-bytes={bytes.to_string()} data-count={blocks.to_string()}
                                    data-bytes-diff={change.map(|d| d.bytes_diff.to_string())}
                                    data-count-diff={change.map(|d| d.blocks_diff.to_string())}>
                                    { grouped(bytes) }
                                    <span class="human">{ format!("{} block{}", grouped(blocks), if blocks == 1 { "" } else { "s" }) }</span>
                                    if let Some(d) = change {
                                        <span class={classes!("change", if d.bytes_diff > 0 { "grew" } else { "shrank" })}>
                                            { format!("{} B, {} blocks", signed(d.bytes_diff), signed(d.blocks_diff)) }
                                        </span>
                                    }
                                </td>
                            }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn signed(value: i64) -> String {
    if value > 0 {
        format!("+{}", grouped(value))
    } else {
        grouped(value)
    }
}
