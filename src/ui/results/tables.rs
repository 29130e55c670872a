//! The results' tables: the exact figures of every variant, and the three
//! same-shaped tables of what variants recorded (checkpoints, notes, live
//! objects), drawn by one helper.

use yew::prelude::*;

use super::super::chart::{series_class, Unit};
use crate::exercise::Metric;
use crate::outcome::{RunResult, VariantRun};
use crate::units::{grouped, human_bytes};

/// A table that may be wider than a phone: it scrolls sideways in a region
/// of its own (focusable, so a keyboard can scroll it), never the page.
pub fn scrolling(label: String, table: Html) -> Html {
    html! {
        <div class="table-scroll" role="region" aria-label={label} tabindex="0">{ table }</div>
    }
}

/// Every variant's four figures (and the size it reported, where the
/// exercise charts that): the table the bar chart describes.
pub fn figures(result: &RunResult) -> Html {
    let count = result.variants.len();
    let columns = result.metric.columns();
    scrolling(
        "Exact figures".into(),
        html! {
                <table id="figures-table" class="figures">
                    <caption>{ "Exact figures (bytes unless stated)" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Variant" }</th>
                            { for columns.iter().map(|m| html! { <th scope="col">{ m.heading() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for result.variants.iter().enumerate().map(|(i, v)| html! {
                            <tr key={v.id.clone()}>
                                <th scope="row"><span class={classes!("swatch", series_class(i, count))}></span>{ &v.label }</th>
                                { for columns.iter().map(|m| figure_cell(v, *m)) }
                            </tr>
                        }) }
                    </tbody>
                </table>
        },
    )
}

fn figure_cell(v: &VariantRun, metric: Metric) -> Html {
    let value = metric.of(v);
    let unit = Unit::from(metric);
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

/// A table with a row per thing a variant recorded; nothing if none did.
struct VariantTable {
    testid: &'static str,
    class: &'static str,
    caption: &'static str,
    columns: &'static [&'static str],
    /// Too many columns for a phone: it scrolls in a region of its own.
    wide: bool,
}

impl VariantTable {
    fn render(&self, result: &RunResult, rows: impl Fn(&VariantRun) -> Vec<Html>) -> Html {
        let rows: Vec<Html> = result.variants.iter().flat_map(rows).collect();
        if rows.is_empty() {
            return html! {};
        }
        let table = html! {
            <table class={classes!("figures", self.class)} data-testid={self.testid}>
                <caption>{ self.caption }</caption>
                <thead><tr>{ for self.columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }</tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        };
        if self.wide {
            scrolling(self.caption.into(), table)
        } else {
            table
        }
    }
}

/// Live bytes at the checkpoints variants recorded with `probe.mark`.
pub fn checkpoints(result: &RunResult) -> Html {
    const TABLE: VariantTable = VariantTable {
        testid: "checkpoints",
        class: "checkpoints",
        caption: "Live bytes at each checkpoint of the run",
        columns: &["Variant", "Checkpoint", "Live bytes"],
        wide: false,
    };
    TABLE.render(result, |v| {
        v.marks
            .iter()
            .map(|m| html! {
                <tr>
                    <th scope="row">{ &v.label }</th>
                    <td>{ m.label.as_ref() }</td>
                    <td data-testid="mark" data-variant={v.id.clone()} data-label={m.label.to_string()} data-bytes={m.live_bytes.to_string()}>
                        { grouped(m.live_bytes) }<span class="human">{ human_bytes(m.live_bytes) }</span>
                    </td>
                </tr>
            })
            .collect()
    })
}

/// Figures the variants computed themselves (`probe.note`).
pub fn notes(result: &RunResult) -> Html {
    const TABLE: VariantTable = VariantTable {
        testid: "notes",
        class: "",
        caption: "What each variant reported",
        columns: &["Variant", "Figure", "Value"],
        wide: false,
    };
    TABLE.render(result, |v| {
        v.notes
            .iter()
            .map(|n| html! {
                <tr>
                    <th scope="row">{ &v.label }</th>
                    <td>{ n.label.as_ref() }</td>
                    <td data-testid="note" data-variant={v.id.clone()} data-label={n.label.to_string()} data-value={n.value.to_string()}>{ grouped(n.value) }</td>
                </tr>
            })
            .collect()
    })
}

/// Live values per counted type at each checkpoint: the leak hunter's view.
pub fn live_counts(result: &RunResult) -> Html {
    const TABLE: VariantTable = VariantTable {
        testid: "live-counts",
        class: "",
        caption: "Live objects by type at each checkpoint (created since the run began)",
        columns: &["Variant", "Checkpoint", "Type", "Live", "Created"],
        wide: true,
    };
    TABLE.render(result, |v| {
        v.live_counts
            .iter()
            .flat_map(|c| c.counts.iter().map(move |count| (c, count)))
            .map(|(c, count)| html! {
                <tr data-testid="live-count" data-variant={v.id.clone()} data-label={c.label.to_string()} data-type={count.name.to_string()} data-count={count.live.to_string()}>
                    <th scope="row">{ &v.label }</th>
                    <td>{ c.label.as_ref() }</td>
                    <td><code>{ count.name.as_ref() }</code></td>
                    <td>{ grouped(count.live) }</td>
                    <td>{ grouped(count.created as i64) }</td>
                </tr>
            })
            .collect()
    })
}
