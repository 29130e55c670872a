//! One horizontal bar per variant. The SVG has no viewBox: bar lengths are
//! percentages of its width and text is in CSS pixels, so nothing shrinks
//! on a narrow screen.

use yew::prelude::*;

use super::{series_class, Unit};
use crate::units::grouped;

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

/// The longest bar, in percent of the width: the rest holds its value.
const LONGEST: f64 = 70.0;
/// Each row: the variant's name on a line of its own, then its bar, so
/// names of any length fit.
const LABEL_LINE: i64 = 28;
const BAR: i64 = 34;
const ROW: i64 = LABEL_LINE + BAR + 14;

#[function_component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let max = props.bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW * props.bars.len() as i64;
    let title_id = format!("{}-title", props.table_id);
    let count = props.bars.len();
    let bars = props.bars.iter().enumerate().map(|(i, bar)| {
        let y = ROW * i as i64;
        // A value of zero still gets a sliver so the row reads as measured.
        let length = (bar.value.max(0) as f64 / max as f64 * LONGEST).max(0.4);
        let exact = format!("{}: {} ({} exact)", bar.label, props.unit.format(bar.value), grouped(bar.value));
        let (exact_bytes, exact_count) = props.unit.attributes(bar.value);
        html! {
            <g key={bar.variant.to_string()} class={series_class(i, count)}>
                <text x="0" y={(y + LABEL_LINE - 8).to_string()} class="chart-label">{ bar.label.clone() }</text>
                <rect data-testid="bar" data-variant={bar.variant.clone()} data-metric={props.metric.clone()}
                      data-bytes={exact_bytes} data-count={exact_count}
                      x="0" y={(y + LABEL_LINE).to_string()}
                      width={format!("{length:.2}%")} height={BAR.to_string()} rx="4" fill="currentColor">
                    <title>{ exact }</title>
                </rect>
                // A nested SVG starts where the bar ends, so its text sits a
                // fixed number of pixels after the bar at any width.
                <svg x={format!("{length:.2}%")} y={(y + LABEL_LINE).to_string()} height={BAR.to_string()} overflow="visible">
                    <text x="10" y={(BAR / 2).to_string()} dominant-baseline="central" class="chart-value">
                        { props.unit.format(bar.value) }
                    </text>
                </svg>
            </g>
        }
    });
    html! {
        <figure class="chart">
            <svg data-testid="chart" role="img" aria-labelledby={title_id.clone()} aria-describedby={props.table_id.clone()}
                 width="100%" height={height.to_string()}>
                <title id={title_id}>{ props.title.clone() }</title>
                { for bars }
            </svg>
        </figure>
    }
}
