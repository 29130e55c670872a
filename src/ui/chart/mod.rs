//! Accessible charts, sized for a projector and readable on a phone.
//!
//! Hand-written: the chart crates that run on wasm draw to a canvas
//! (nothing a screen reader or a test can read) or emit an SVG string with
//! no roles or data attributes. Here every bar is an element carrying its
//! exact value, the SVG has a role and a title, and each chart names the
//! table that holds the same numbers. Text is never scaled down with the
//! drawing: it is set in CSS pixels, so it stays legible at 375 px.
//!
//! Colours live in www/style.css only (`--series-*`): an element gets the
//! class of its series and paints with `currentColor`.

mod bars;
mod lines;
mod sweep_key;
mod sweep_table;
mod timeline;

pub use bars::{Bar, BarChart};
pub use lines::SweepChart;
pub use timeline::{Line, LineChart};

use yew::prelude::*;

use crate::exercise::Metric;
use crate::units::{grouped, human_bytes};

/// The CSS class of a variant's colour by its position: the baseline warm,
/// the best cool, the ones between from a small palette.
pub fn series_class(index: usize, count: usize) -> &'static str {
    const MIDDLE: [&str; 4] = ["series-1", "series-2", "series-3", "series-4"];
    if index == 0 {
        "series-base"
    } else if index + 1 == count {
        "series-best"
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

impl From<Metric> for Unit {
    fn from(metric: Metric) -> Unit {
        if metric.is_bytes() {
            Unit::Bytes
        } else {
            Unit::Count
        }
    }
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
