//! How a sweep's lines are told apart without colour: a dash pattern and
//! a marker shape per series, and the key under the chart that shows each
//! with its line's slope.

use yew::prelude::*;

use super::{series_class, Unit};
use crate::sweep::{slope_text, Series};

/// Dash patterns, by series index (the first solid).
pub const DASHES: [&str; 4] = ["none", "12 7", "3 6", "16 6 3 6"];
/// Marker shapes, by series index.
#[derive(Clone, Copy)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}
pub const MARKERS: [Marker; 4] = [Marker::Circle, Marker::Square, Marker::Triangle, Marker::Diamond];

/// A marker of `shape` about `size` pixels across: the SVG element to draw
/// it with (`circle` or `path`) and the path's `d`.
pub fn marker(shape: Marker, size: f64) -> (&'static str, String) {
    let s = size;
    match shape {
        Marker::Circle => ("circle", String::new()),
        Marker::Square => ("path", format!("M{} {}h{}v{}h{}z", -s, -s, 2.0 * s, 2.0 * s, -2.0 * s)),
        Marker::Triangle => ("path", format!("M0 {}L{} {}L{} {}z", -1.3 * s, 1.2 * s, s, -1.2 * s, s)),
        Marker::Diamond => ("path", format!("M0 {}L{} 0L0 {}L{} 0z", -1.4 * s, 1.4 * s, 1.4 * s, -1.4 * s)),
    }
}

/// What the slope counts: "bytes per item" or "allocations per item".
pub fn unit_per(unit: Unit) -> &'static str {
    match unit {
        Unit::Bytes => "bytes per item",
        Unit::Count => "allocations per item",
    }
}

/// Each line's key (its colour, dash and marker) and its slope.
pub fn slopes(series: &[Series], per: &str) -> Html {
    let count = series.len();
    html! {
        <ul id="sweep-slopes" class="sweep-slopes" data-testid="sweep-slopes">
            { for series.iter().enumerate().map(|(i, s)| {
                let (shape, d) = marker(MARKERS[i % MARKERS.len()], 5.0);
                let slope = s.slope.map(|v| format!("{:.3}", (v * 1000.0).round() / 1000.0));
                html! {
                    <li key={s.variant.clone()} data-testid="sweep-slope" data-variant={s.variant.clone()} data-slope={slope}>
                        <svg class={classes!("sweep-key", series_class(i, count))} width="48" height="20" aria-hidden="true">
                            <line x1="2" x2="46" y1="10" y2="10" stroke="currentColor" class="sweep-stroke" stroke-dasharray={DASHES[i % DASHES.len()]} />
                            <svg x="24" y="10" overflow="visible">
                                if shape == "circle" { <circle r="5" fill="currentColor" /> } else { <path d={d} fill="currentColor" /> }
                            </svg>
                        </svg>
                        <strong>{ s.label.clone() }</strong>
                        { ": " }
                        { match s.slope {
                            Some(v) => format!("{} {per}", slope_text(v)),
                            None => "one size only, no slope yet".to_string(),
                        } }
                    </li>
                }
            }) }
        </ul>
    }
}
