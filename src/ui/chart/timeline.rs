//! Live bytes over a run, one line per variant, each peak marked.
//!
//! The drawing stretches to the width it is given (no text inside it, so
//! nothing is clipped or shrunk); the axis labels, the peaks and a table of
//! the same data are HTML around it. The table is the chart's text
//! alternative (`aria-describedby`).

use yew::prelude::*;

use super::series_class;
use crate::units::{grouped, human_bytes};

#[derive(Clone, PartialEq)]
pub struct Line {
    pub variant: AttrValue,
    pub label: AttrValue,
    /// Live bytes per point; every point covers `events_per_point` events.
    pub points: Vec<i64>,
    pub events_per_point: u64,
    pub events: u64,
}

impl Line {
    /// The highest point and the event it starts at.
    fn peak(&self) -> (u64, i64) {
        let (index, bytes) = self.points.iter().copied().enumerate().max_by_key(|(_, v)| *v).unwrap_or((0, 0));
        (index as u64 * self.events_per_point, bytes)
    }

    /// The most bytes held during events `from..to`, if the run got that far.
    fn highest_between(&self, from: u64, to: u64) -> Option<i64> {
        let covers = |p: &usize| {
            let start = *p as u64 * self.events_per_point;
            start < to && start + self.events_per_point.max(1) > from
        };
        (0..self.points.len()).filter(covers).map(|p| self.points[p]).max()
    }
}

#[derive(Properties, PartialEq)]
pub struct LineChartProps {
    pub title: AttrValue,
    pub lines: Vec<Line>,
}

/// The drawing's own units; it is stretched to the box CSS gives it.
const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 400.0;
/// Rows of the table: the run in tenths.
const PARTS: u64 = 10;

#[function_component]
pub fn LineChart(props: &LineChartProps) -> Html {
    let max_bytes = props.lines.iter().flat_map(|l| l.points.iter().copied()).max().unwrap_or(0).max(1) as f64;
    let max_events = props.lines.iter().map(|l| l.events.max(1)).max().unwrap_or(1);
    let x = |event: u64| event as f64 / max_events as f64 * WIDTH;
    let y = |bytes: i64| HEIGHT - bytes.max(0) as f64 / max_bytes * HEIGHT;
    let count = props.lines.len();
    let lines = props.lines.iter().enumerate().map(|(i, line)| {
        let path: Vec<String> = (0..line.points.len())
            .map(|p| format!("{:.1},{:.1}", x(p as u64 * line.events_per_point), y(line.points[p])))
            .collect();
        let (at, peak) = line.peak();
        let (px, py) = (format!("{:.1}", x(at)), format!("{:.1}", y(peak)));
        html! {
            <g key={line.variant.to_string()} class={series_class(i, count)} data-testid="timeline"
               data-variant={line.variant.clone()} data-peak-bytes={peak.to_string()}>
                <polyline points={path.join(" ")} fill="none" stroke="currentColor" stroke-width="3"
                          stroke-linejoin="round" vector-effect="non-scaling-stroke" />
                // A round-capped line of no length is a dot that stays round
                // however the drawing is stretched.
                <line x1={px.clone()} y1={py.clone()} x2={px} y2={py} stroke="currentColor" stroke-width="14"
                      stroke-linecap="round" vector-effect="non-scaling-stroke">
                    <title>{ format!("{} peak: {} ({} bytes)", line.label, human_bytes(peak), grouped(peak)) }</title>
                </line>
            </g>
        }
    });
    let grid = (0..=4).map(|t| {
        let at = format!("{:.1}", HEIGHT * t as f64 / 4.0);
        html! { <line key={t} x1="0" x2={WIDTH.to_string()} y1={at.clone()} y2={at} class="grid" vector-effect="non-scaling-stroke" /> }
    });
    let ticks =
        (0..=4).rev().map(|t| html! { <span>{ human_bytes((max_bytes * t as f64 / 4.0).round() as i64) }</span> });
    html! {
        <figure class="chart timeline">
            <div class="timeline-plot">
                <div class="timeline-axis" aria-hidden="true">{ for ticks }</div>
                <svg role="img" aria-labelledby="timeline-title" aria-describedby="timeline-peaks timeline-table"
                     viewBox={format!("0 0 {WIDTH} {HEIGHT}")} preserveAspectRatio="none">
                    <title id="timeline-title">{ props.title.clone() }</title>
                    { for grid }
                    { for lines }
                </svg>
            </div>
            <p class="timeline-caption">{ format!("Allocation events, 0 to {}, left to right", grouped(max_events as i64)) }</p>
            { peaks(&props.lines) }
            { tenths(&props.lines, max_events) }
        </figure>
    }
}

/// The legend: each variant's colour, its peak and when it came.
fn peaks(lines: &[Line]) -> Html {
    html! {
        <table id="timeline-peaks" class="figures" data-testid="timeline-peaks">
            <caption>{ "Peak of each line" }</caption>
            <thead><tr><th scope="col">{ "Variant" }</th><th scope="col">{ "Peak (bytes)" }</th><th scope="col">{ "At allocation event" }</th></tr></thead>
            <tbody>
                { for lines.iter().enumerate().map(|(i, line)| {
                    let (at, peak) = line.peak();
                    html! {
                        <tr key={line.variant.to_string()}>
                            <th scope="row"><span class={classes!("swatch", series_class(i, lines.len()))}></span>{ line.label.clone() }</th>
                            <td data-bytes={peak.to_string()}>{ grouped(peak) }<span class="human">{ human_bytes(peak) }</span></td>
                            <td>{ grouped(at as i64) }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// The chart as numbers: the most bytes each variant held in each tenth of
/// the run.
fn tenths(lines: &[Line], max_events: u64) -> Html {
    // Row `part` covers events `from..to`; the last one includes the end.
    let bound = |part: u64| if part == PARTS { max_events + 1 } else { max_events * part / PARTS };
    let rows = (0..PARTS).map(|part| {
        let (from, to) = (bound(part), bound(part + 1));
        html! {
            <tr key={part}>
                <th scope="row">{ format!("{} to {}", grouped(from as i64), grouped(to as i64 - 1)) }</th>
                { for lines.iter().map(|line| match line.highest_between(from, to) {
                    Some(bytes) => html! { <td data-bytes={bytes.to_string()}>{ human_bytes(bytes) }</td> },
                    None => html! { <td>{ "ended" }</td> },
                }) }
            </tr>
        }
    });
    html! {
        <details class="timeline-data">
            <summary>{ "The timeline as a table" }</summary>
            <div class="table-scroll" role="region" aria-label="The timeline as a table" tabindex="0">
                <table id="timeline-table" class="figures" data-testid="timeline-table">
                    <caption>{ "Most live bytes in each tenth of the run, by allocation event" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Events" }</th>
                            { for lines.iter().map(|line| html! { <th scope="col">{ line.label.clone() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </details>
    }
}
