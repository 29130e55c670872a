//! A sweep: bytes (or allocations) against size, one line per variant, the
//! sizes on a log scale, with each line's slope (what one more item costs).
//!
//! Sizes are placed in percent of the width and figures in pixels of a
//! fixed height, so text is never stretched and the labels at the lines'
//! ends can be kept apart. Lines differ by colour, dash pattern and marker
//! shape, and each is named at its end; every marker carries its exact
//! figure (`data-bytes` or `data-count`) and size (`data-size`), and the
//! table below lists every point (`sweep_key`, `sweep_table`).

use yew::prelude::*;

use super::sweep_key::{marker, slopes, unit_per, DASHES, MARKERS};
use super::sweep_table::table;
use super::{series_class, Unit};
use crate::sweep::{axis_ticks as ticks, tick_label as tick, LogAxis, Series};
use crate::units::grouped;

#[derive(Properties, PartialEq)]
pub struct SweepChartProps {
    pub title: AttrValue,
    pub unit: Unit,
    /// What the size counts ("points").
    pub size_label: AttrValue,
    pub series: Vec<Series>,
    /// Taller drawing, for presentation mode.
    #[prop_or_default]
    pub tall: bool,
}

/// Vertical room each end label needs, in pixels (fits 32 px type).
const LABEL_STEP: f64 = 38.0;

#[function_component]
pub fn SweepChart(props: &SweepChartProps) -> Html {
    let height: f64 = if props.tall { 380.0 } else { 260.0 };
    let unit = props.unit;
    let all = || props.series.iter().flat_map(|s| s.points.iter().copied());
    let low = all().map(|(size, _)| size).min().unwrap_or(1).max(1);
    let high = all().map(|(size, _)| size).max().unwrap_or(1).max(low);
    let top = all().map(|(_, v)| v).max().unwrap_or(0).max(1) as f64;
    // The vertical scale: log (the default, like the sizes: a line of so
    // many bytes per item is straight, and lines of different costs are
    // parallel) or linear, as the student chooses.
    let log_y = use_state_eq(|| true);
    // Bytes by powers of two, in the page's binary units; counts by tens.
    let low_value = all().map(|(_, v)| v).filter(|&v| v > 0).min().unwrap_or(1);
    let axis =
        if unit == Unit::Bytes { LogAxis::binary(low_value, top as i64) } else { LogAxis::new(low_value, top as i64) };
    let below_zero = *log_y && all().any(|(_, v)| v <= 0);
    let x = |size: u64| {
        if high == low {
            50.0
        } else {
            ((size.max(1) as f64).ln() - (low as f64).ln()) / ((high as f64).ln() - (low as f64).ln()) * 100.0
        }
    };
    let y = |value: i64| {
        if *log_y {
            height - axis.fraction(value) * height
        } else {
            height - value.max(0) as f64 / top * height
        }
    };
    let count = props.series.len();
    let per = unit_per(unit);

    // End labels, top line first, each at least LABEL_STEP below the one above.
    let mut order: Vec<usize> = (0..count).filter(|&i| !props.series[i].points.is_empty()).collect();
    let end_y = |i: usize| props.series[i].points.last().map_or(height, |&(_, v)| y(v));
    crate::short_sort::sort_by(&mut order, |&a, &b| end_y(a).total_cmp(&end_y(b)));
    let mut label_y = vec![0.0; count];
    let mut previous = f64::NEG_INFINITY;
    for &i in &order {
        let at = (end_y(i) - 14.0).max(previous + LABEL_STEP);
        label_y[i] = at;
        previous = at;
    }

    let lines = props.series.iter().enumerate().map(|(i, s)| {
        let dash = DASHES[i % DASHES.len()];
        let (shape, d) = marker(MARKERS[i % MARKERS.len()], 6.0);
        let segments = s.points.windows(2).map(|w| {
            let ((a, va), (b, vb)) = (w[0], w[1]);
            html! {
                <line x1={format!("{:.2}%", x(a))} y1={format!("{:.1}", y(va))} x2={format!("{:.2}%", x(b))} y2={format!("{:.1}", y(vb))}
                      stroke="currentColor" class="sweep-stroke" stroke-dasharray={dash} stroke-linecap="round" />
            }
        });
        let points = s.points.iter().map(|&(size, value)| {
            let (bytes, count) = unit.attributes(value);
            let title = format!("{} at {} {}: {} ({} exact)", s.label, grouped(size as i64), props.size_label, unit.format(value), grouped(value));
            let attributes = html! { <title>{ title }</title> };
            html! {
                <svg x={format!("{:.2}%", x(size))} y={format!("{:.1}", y(value))} overflow="visible" class="sweep-marker">
                    if shape == "circle" {
                        <circle r="6" cx="0" cy="0" fill="currentColor" data-testid="sweep-point" data-variant={s.variant.clone()}
                                data-size={size.to_string()} data-bytes={bytes} data-count={count}>{ attributes }</circle>
                    } else {
                        <path d={d.clone()} fill="currentColor" data-testid="sweep-point" data-variant={s.variant.clone()}
                              data-size={size.to_string()} data-bytes={bytes} data-count={count}>{ attributes }</path>
                    }
                </svg>
            }
        });
        let end = s.points.last().map(|&(size, _)| {
            html! {
                <svg x={format!("{:.2}%", x(size))} y={format!("{:.1}", label_y[i])} overflow="visible">
                    <text x="-10" y="0" text-anchor="end" class="chart-label sweep-end-label">{ s.label.clone() }</text>
                </svg>
            }
        });
        html! {
            <g key={s.variant.clone()} class={series_class(i, count)} data-testid="sweep-line" data-variant={s.variant.clone()}>
                { for segments }
                { for points }
                { for end }
            </g>
        }
    });
    // Labels top first, evenly spaced (the axis beside the SVG spreads them).
    let y_labels: Vec<String> = if *log_y {
        axis.labelled().into_iter().map(|power| axis.label(power)).collect()
    } else {
        (0..=4).rev().map(|t| unit.format((top * t as f64 / 4.0).round() as i64)).collect()
    };
    let gaps = y_labels.len().saturating_sub(1).max(1) as f64;
    let grid = (0..y_labels.len()).map(|t| {
        let at = format!("{:.1}", height * t as f64 / gaps);
        html! { <line key={t} x1="0" x2="100%" y1={at.clone()} y2={at} class="grid" /> }
    });
    let y_ticks = y_labels.iter().map(|label| html! { <span>{ label.clone() }</span> });
    let scale_button = |log: bool, text: &'static str| {
        let pressed = *log_y == log;
        let log_y = log_y.clone();
        html! {
            <button type="button" class="secondary" aria-pressed={pressed.to_string()}
                    data-testid={if log { "sweep-scale-log" } else { "sweep-scale-linear" }}
                    onclick={Callback::from(move |_: MouseEvent| log_y.set(log))}>{ text }</button>
        }
    };
    let x_ticks = ticks(low, high).into_iter().map(|size| {
        let anchor = match x(size) {
            p if p < 1.0 => "start",
            p if p > 99.0 => "end",
            _ => "middle",
        };
        html! {
            <svg key={size} x={format!("{:.2}%", x(size))} y={format!("{height:.0}")} overflow="visible">
                <line x1="0" x2="0" y1="0" y2="8" class="axis-tick" />
                <text x="0" y="34" text-anchor={anchor} class="chart-value sweep-tick">{ tick(size) }</text>
            </svg>
        }
    });
    html! {
        <figure class="chart sweep-chart">
            <div class="sweep-scale" role="group" aria-label="Vertical scale">
                <span class="export-label">{ "Vertical scale:" }</span>
                { scale_button(true, "Log") }
                { scale_button(false, "Linear") }
            </div>
            // Its height is in style.css (the CSP allows no style attribute):
            // 260 px, or 380 px when `tall`; the y axis spans exactly that.
            <div class={classes!("sweep-plot", props.tall.then_some("tall"))}>
                <div class="timeline-axis sweep-axis" aria-hidden="true">{ for y_ticks }</div>
                <svg data-testid="sweep-chart" role="img" aria-labelledby="sweep-title" aria-describedby="sweep-slopes sweep-table"
                     width="100%" height={format!("{:.0}", height + 44.0)} data-y-scale={if *log_y { "log" } else { "linear" }}>
                    <title id="sweep-title">{ props.title.clone() }</title>
                    { for grid }
                    { for x_ticks }
                    { for lines }
                </svg>
            </div>
            <p class="timeline-caption sweep-caption">
                { format!("{} (log scale); {}", props.size_label,
                          if *log_y { "both axes log scale" } else { "vertical axis linear" }) }
                if below_zero { { ", points of 0 drawn on the bottom edge" } }
            </p>
            { slopes(&props.series, per) }
            { table(&props.series, unit, &props.size_label) }
        </figure>
    }
}
