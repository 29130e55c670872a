//! Accessible SVG charts, sized for a projector.
//!
//! Hand-written: the chart crates that run on wasm draw to a canvas
//! (nothing a screen reader or a test can read) or emit an SVG string with
//! no roles or data attributes. Here every bar is an element carrying its
//! exact value, the SVG has a role and a title, and each chart names the
//! table that holds the same numbers.

use yew::prelude::*;

use crate::units::{grouped, human_bytes};

/// Colour per variant position: the baseline warm, the best cool.
pub fn colour(index: usize, count: usize) -> &'static str {
    const MIDDLE: [&str; 4] = ["#e9a23b", "#3f7cac", "#8e6bb5", "#c76b98"];
    if index == 0 {
        "#c8553d"
    } else if index + 1 == count {
        "#2a9d6f"
    } else {
        MIDDLE[(index - 1) % MIDDLE.len()]
    }
}

/// How a value is written on the chart.
#[derive(Clone, Copy, PartialEq)]
pub enum Unit {
    Bytes,
    Count,
}

impl Unit {
    pub fn format(self, value: i64) -> String {
        match self {
            Unit::Bytes => human_bytes(value),
            Unit::Count => grouped(value),
        }
    }

    /// The exact value as `(data-bytes, data-count)`: one is set, by unit.
    pub fn attributes(self, value: i64) -> (Option<AttrValue>, Option<AttrValue>) {
        let exact = Some(AttrValue::from(value.to_string()));
        match self {
            Unit::Bytes => (exact, None),
            Unit::Count => (None, exact),
        }
    }
}

#[derive(Clone, PartialEq)]
pub struct Bar {
    pub variant: AttrValue,
    pub label: AttrValue,
    pub value: i64,
}

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    pub title: AttrValue,
    /// `data-metric` of every bar (`peak_bytes`, ...).
    pub metric: AttrValue,
    pub unit: Unit,
    pub bars: Vec<Bar>,
    /// id of the table with the same figures.
    pub table_id: AttrValue,
}

const WIDTH: i64 = 960;
const VALUE_WIDTH: i64 = 170;
/// Each row: the variant's name on a line of its own, then its bar, so
/// names of any length fit.
const LABEL_LINE: i64 = 32;
const BAR: i64 = 40;
const ROW: i64 = LABEL_LINE + BAR + 16;

#[function_component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let max = props.bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let span = WIDTH - VALUE_WIDTH;
    let height = ROW * props.bars.len() as i64;
    let title_id = format!("{}-title", props.table_id);
    let count = props.bars.len();
    let bars = props.bars.iter().enumerate().map(|(i, bar)| {
        let y = ROW * i as i64;
        // A value of zero still gets a hairline so the row reads as measured.
        let length = ((bar.value.max(0) as f64 / max as f64) * span as f64).round().max(2.0) as i64;
        let exact = format!("{}: {} ({} exact)", bar.label, props.unit.format(bar.value), grouped(bar.value));
        let (exact_bytes, exact_count) = props.unit.attributes(bar.value);
        let rect = html! {
            <rect data-testid="bar" data-variant={bar.variant.clone()} data-metric={props.metric.clone()}
                  data-bytes={exact_bytes} data-count={exact_count}
                  x="0" y={(y + LABEL_LINE).to_string()}
                  width={length.to_string()} height={BAR.to_string()} rx="4"
                  fill={colour(i, count)}>
                <title>{ exact }</title>
            </rect>
        };
        html! {
            <g key={bar.variant.to_string()}>
                <text x="0" y={(y + LABEL_LINE - 8).to_string()} class="chart-label">{ bar.label.clone() }</text>
                { rect }
                <text x={(length + 12).to_string()} y={(y + LABEL_LINE + BAR / 2 + 9).to_string()} class="chart-value">
                    { props.unit.format(bar.value) }
                </text>
            </g>
        }
    });
    html! {
        <figure class="chart">
            <svg data-testid="chart" role="img" aria-labelledby={title_id.clone()} aria-describedby={props.table_id.clone()}
                 viewBox={format!("0 0 {WIDTH} {height}")} preserveAspectRatio="xMinYMin meet">
                <title id={title_id}>{ props.title.clone() }</title>
                { for bars }
            </svg>
        </figure>
    }
}

#[derive(Clone, PartialEq)]
pub struct Line {
    pub variant: AttrValue,
    pub label: AttrValue,
    /// Live bytes per point; every point covers `events_per_point` events.
    pub points: Vec<i64>,
    pub events_per_point: u64,
    pub events: u64,
}

#[derive(Properties, PartialEq)]
pub struct LineChartProps {
    pub title: AttrValue,
    pub lines: Vec<Line>,
}

const PLOT_LEFT: f64 = 120.0;
const PLOT_TOP: f64 = 20.0;
const PLOT_WIDTH: f64 = 820.0;
const PLOT_HEIGHT: f64 = 300.0;

/// Live bytes over allocation events, one line per variant, each peak marked.
#[function_component]
pub fn LineChart(props: &LineChartProps) -> Html {
    let max_bytes = props.lines.iter().flat_map(|l| l.points.iter().copied()).max().unwrap_or(0).max(1) as f64;
    let max_events = props.lines.iter().map(|l| l.events.max(1)).max().unwrap_or(1) as f64;
    let x = |event: f64| PLOT_LEFT + event / max_events * PLOT_WIDTH;
    let y = |bytes: f64| PLOT_TOP + PLOT_HEIGHT - bytes.max(0.0) / max_bytes * PLOT_HEIGHT;
    let count = props.lines.len();
    let lines = props.lines.iter().enumerate().map(|(i, line)| {
        let path: Vec<String> = line
            .points
            .iter()
            .enumerate()
            .map(|(p, bytes)| format!("{:.1},{:.1}", x((p as u64 * line.events_per_point) as f64), y(*bytes as f64)))
            .collect();
        let (peak_index, peak) = line
            .points
            .iter()
            .copied()
            .enumerate()
            .max_by_key(|(_, v)| *v)
            .unwrap_or((0, 0));
        let (px, py) = (x((peak_index as u64 * line.events_per_point) as f64), y(peak as f64));
        html! {
            <g key={line.variant.to_string()} data-testid="timeline" data-variant={line.variant.clone()} data-peak-bytes={peak.to_string()}>
                <polyline points={path.join(" ")} fill="none" stroke={colour(i, count)} stroke-width="4" stroke-linejoin="round" />
                <circle cx={format!("{px:.1}")} cy={format!("{py:.1}")} r="8" fill={colour(i, count)}>
                    <title>{ format!("{} peak: {} ({} bytes)", line.label, human_bytes(peak), grouped(peak)) }</title>
                </circle>
                <text x={format!("{:.1}", (px + 12.0).min(PLOT_LEFT + PLOT_WIDTH - 160.0))} y={format!("{:.1}", (py - 12.0).max(PLOT_TOP + 16.0) + 22.0 * i as f64)} class="chart-value">
                    { format!("{} peak {}", line.label, human_bytes(peak)) }
                </text>
            </g>
        }
    });
    let ticks = (0..=4).map(|t| {
        let bytes = max_bytes * t as f64 / 4.0;
        html! {
            <g key={t}>
                <line x1={PLOT_LEFT.to_string()} x2={(PLOT_LEFT + PLOT_WIDTH).to_string()} y1={format!("{:.1}", y(bytes))} y2={format!("{:.1}", y(bytes))} class="grid" />
                <text x={(PLOT_LEFT - 10.0).to_string()} y={format!("{:.1}", y(bytes) + 7.0)} text-anchor="end" class="axis">{ human_bytes(bytes.round() as i64) }</text>
            </g>
        }
    });
    html! {
        <figure class="chart">
            <svg role="img" aria-label={props.title.clone()} viewBox="0 0 960 370" preserveAspectRatio="xMinYMin meet">
                <title>{ props.title.clone() }</title>
                { for ticks }
                { for lines }
                <text x={(PLOT_LEFT + PLOT_WIDTH / 2.0).to_string()} y="360" text-anchor="middle" class="axis">
                    { format!("allocation events (0 to {})", grouped(max_events as i64)) }
                </text>
            </svg>
        </figure>
    }
}
