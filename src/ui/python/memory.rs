//! The figures a Python run measured, charted beside the Rust run's peaks,
//! every bar labelled with what produced it. Each bar is a list item (it
//! reflows on a phone) carrying its exact value in `data-bytes`; its length
//! is an SVG attribute, not a style attribute, which the server's
//! Content-Security-Policy would refuse.

use yew::prelude::*;

use super::outcome::Outcome;
use crate::page::panel::input::RustPeaks;
use crate::units::{grouped, human_bytes};

struct Bar {
    testid: &'static str,
    label: String,
    bytes: i64,
    class: &'static str,
}

#[derive(Properties, PartialEq)]
pub struct MemoryProps {
    pub outcome: Outcome,
    /// The Rust variants' run on this page, if there was one.
    pub rust: Option<RustPeaks>,
}

#[function_component]
pub fn Memory(props: &MemoryProps) -> Html {
    let outcome = &props.outcome;
    let width =
        if outcome.pointer_bytes == 4 { "wasm32".to_string() } else { format!("{}-bit", outcome.pointer_bytes * 8) };
    let yours = format!("your code: CPython {}, {width}, {}-byte pointers", outcome.python, outcome.pointer_bytes);
    let mut bars: Vec<Bar> = outcome
        .figures
        .iter()
        .map(|f| Bar {
            testid: "python-figure",
            label: format!("{} ({yours})", f.label),
            bytes: f.bytes.round() as i64,
            class: "py-bar-python",
        })
        .collect();
    if let Some(rust) = &props.rust {
        let width =
            if rust.pointer_bytes == 4 { "wasm32".to_string() } else { format!("{}-bit", rust.pointer_bytes * 8) };
        bars.extend(rust.variants.iter().map(|(label, peak)| Bar {
            testid: "python-rust-figure",
            label: format!("Rust \u{201c}{label}\u{201d}, peak ({width}, {}-byte pointers)", rust.pointer_bytes),
            bytes: *peak as i64,
            class: "py-bar-rust",
        }));
    }
    if bars.is_empty() {
        return html! {
            <section class="py-memory" aria-labelledby="py-memory-heading">
                <h3 id="py-memory-heading">{ "Memory" }</h3>
                <p class="fine">{ "This run measured no figures." }</p>
            </section>
        };
    }
    let max = bars.iter().map(|b| b.bytes).max().unwrap_or(1).max(1) as f64;
    html! {
        <section class="py-memory" aria-labelledby="py-memory-heading">
            <h3 id="py-memory-heading">{ "Memory" }</h3>
            <p class="fine">
                { "Measured with tracemalloc in the runs of your program" }
                if props.rust.is_some() { { "; the Rust bars are the peaks of the Rust variants you ran above, from the counting allocator" } }
                else { { ". Run the Rust variants to see their peaks here too" } }
                { "." }
            </p>
            <ul class="py-bars">
                { for bars.iter().map(|bar| {
                    let share = (bar.bytes.max(0) as f64 / max * 100.0).max(0.5);
                    html! {
                        <li class={classes!("py-bar", bar.class)} data-testid={bar.testid}
                            data-bytes={bar.bytes.to_string()} data-label={bar.label.clone()}>
                            <span class="py-bar-label">{ &bar.label }</span>
                            <svg class="py-bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                                <rect class="py-bar-fill" x="0" y="0" width={format!("{share:.2}")} height="10" />
                            </svg>
                            <span class="py-bar-value">{ format!("{} ({} bytes)", human_bytes(bar.bytes), grouped(bar.bytes)) }</span>
                        </li>
                    }
                }) }
            </ul>
            <p class="py-why">{ why(outcome.pointer_bytes) }</p>
        </section>
    }
}

/// Why one program gives different figures on different interpreters.
fn why(pointer_bytes: u32) -> String {
    format!(
        "Why these figures differ from the recorded CPython output: here CPython runs compiled to WebAssembly, where a \
         pointer, a reference count and a size field take {pointer_bytes} bytes each, so object headers, list slots and \
         dict entries are smaller than on the 64-bit CPython that recorded it. Layouts also change between versions, and \
         tracemalloc counts only what Python's allocators hand out. The Rust bars measure another program doing the \
         same job: compare the ratios, not the bytes."
    )
}
