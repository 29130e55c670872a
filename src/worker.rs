//! The measuring worker's message loop (wasm32 only).
//!
//! Runs happen here, on the worker's own heap, so the page's allocations
//! never mix with the figures and the page stays responsive. The protocol is
//! `protocol::RunRequest` in, `protocol::RunReply` out, as bytes (`protocol::encode`). A run that panics or exhausts memory traps the
//! worker; the page sees the worker's `error` event and starts a new one.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::protocol;

use crate::protocol::{Request, RunReply};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Sends `reply` as a `Uint8Array` whose buffer moves to the page (no copy).
fn post(reply: &RunReply) {
    match protocol::encode(reply) {
        Ok(bytes) => {
            let array = js_sys::Uint8Array::from(bytes.as_slice());
            let _ = scope().post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()));
        }
        Err(error) => {
            let _ = scope().post_message(&JsValue::from_str(&format!("cannot encode reply: {error}")));
        }
    }
}

// --- The clock runs are timed with (`run::Clock`) ---

thread_local! {
    static PERFORMANCE: Option<web_sys::Performance> = scope().performance();
}

/// `performance.now()` of the worker's global scope, in microseconds (its
/// steps are the browser's: 100 µs in Chromium unless the page is
/// cross-origin isolated, 5 µs then). Allocates nothing on the Rust heap.
fn now_micros() -> f64 {
    PERFORMANCE.with(|performance| performance.as_ref().map_or(f64::NAN, |p| p.now() * 1000.0))
}

// --- end of the clock ---

/// Installs the message handler and tells the page the worker is ready.
pub fn start() {
    // The standard library sets up its hash-key state on the first
    // `RandomState::new()` of a thread, allocating and freeing one byte once.
    // Doing it here keeps that out of the first run, so a run measures the
    // same whether it is the worker's first or its hundredth.
    std::hint::black_box(std::hash::RandomState::new());
    // Reads the clock once, so its first use is not inside a run.
    std::hint::black_box(now_micros());
    std::panic::set_hook(Box::new(|info| {
        // Lift the run's memory budget first: reporting needs a little heap.
        crate::measure::set_limit(None);
        post(&RunReply::Crashed { message: info.to_string() });
    }));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let bytes = event.data().dyn_into::<js_sys::Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
        let reply = match protocol::decode_request(&bytes) {
            Ok(Request::Run(request)) => protocol::answer(&request, Some(now_micros)),
            Ok(Request::File { id, job }) => RunReply::File { id, answer: job.answer() },
            Ok(Request::Calculate { id, slug, input }) => {
                RunReply::Calculated { id, answer: protocol::calculate(&slug, &input) }
            }
            Err(refused) => refused,
        };
        post(&reply);
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&RunReply::Ready { build: protocol::BUILD.to_string() });
}
