//! A sweep as a table: every point, exactly, one row per size and one
//! column per variant (what the chart draws, for reading and for tests).

use yew::prelude::*;

use super::Unit;
use crate::sweep::Series;
use crate::units::{grouped, human_bytes};

/// Every point, exactly: one row per size, one column per variant.
pub fn table(series: &[Series], unit: Unit, size_label: &str) -> Html {
    let mut sizes: Vec<u64> = series.iter().flat_map(|s| s.points.iter().map(|&(size, _)| size)).collect();
    crate::short_sort::sort_by_key(&mut sizes, |&size| size);
    sizes.dedup();
    let rows = sizes.iter().map(|&size| {
        html! {
            <tr key={size}>
                <th scope="row">{ grouped(size as i64) }</th>
                { for series.iter().map(|s| match s.points.iter().find(|&&(at, _)| at == size) {
                    Some(&(_, value)) => {
                        let (bytes, count) = unit.attributes(value);
                        html! {
                            <td data-testid="sweep-cell" data-variant={s.variant.clone()} data-size={size.to_string()} data-bytes={bytes} data-count={count}>
                                { grouped(value) }
                                if unit == Unit::Bytes && value.abs() >= 1024 { <span class="human">{ human_bytes(value) }</span> }
                            </td>
                        }
                    }
                    None => html! { <td>{ "not measured" }</td> },
                }) }
            </tr>
        }
    });
    html! {
        <details class="timeline-data sweep-data" open=true>
            <summary>{ "The sweep as a table" }</summary>
            <div class="table-scroll" role="region" aria-label="The sweep as a table" tabindex="0">
                <table id="sweep-table" class="figures" data-testid="sweep-table">
                    <caption>{ format!("Every point of the sweep ({})", if unit == Unit::Bytes { "bytes" } else { "allocations" }) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ crate::units::capitalise(size_label) }</th>
                            { for series.iter().map(|s| html! { <th scope="col">{ s.label.clone() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </details>
    }
}
