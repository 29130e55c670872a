//! Allocation-site snapshots: per variant, one table with a row per site
//! and a column per snapshot, each cell the bytes held then and the change
//! since the previous snapshot (the diff), so growth reads left to right.

use yew::prelude::*;

use super::tables::scrolling;
use crate::measure::SiteDiff;
use crate::outcome::{RunResult, VariantRun};
use crate::units::{count_of, grouped, signed};

pub fn snapshots(result: &RunResult) -> Html {
    let tables: Vec<Html> = result.variants.iter().filter(|v| !v.snapshots.is_empty()).map(snapshot_table).collect();
    if tables.is_empty() {
        return html! {};
    }
    html! { <div class="snapshots">{ for tables }</div> }
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
    let caption =
        format!("{}: live bytes per allocation site at each snapshot (change since the previous one)", v.label);
    scrolling(
        format!("Allocation sites of {}", v.label),
        html! {
                <table class="figures snapshot-matrix" data-testid="snapshots" data-variant={v.id.clone()}>
                    <caption>{ caption }</caption>
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
                                { for v.snapshots.iter().zip(&diffs).map(|(snap, diff)| {
                                    let (bytes, blocks) = snap.site(label);
                                    let change = diff.iter().find(|d| &d.label == label);
                                    html! {
                                        <td data-testid="site" data-snapshot={snap.label.clone()} data-site={label.clone()}
                                            data-bytes={bytes.to_string()} data-count={blocks.to_string()}
                                            data-bytes-diff={change.map(|d| d.bytes_diff.to_string())}
                                            data-count-diff={change.map(|d| d.blocks_diff.to_string())}>
                                            { grouped(bytes) }
                                            <span class="human">{ count_of(blocks, "block") }</span>
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
        },
    )
}
