//! The measuring worker's life: started once, its replies handed to the
//! request in flight, and a worker that traps (memory exhausted, a panic)
//! replaced by a fresh one.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use super::queue::{self, Pending};
use crate::protocol::{self, Request, RunReply};

/// Starts the worker unless there is one.
pub fn ensure_worker() {
    queue::with(|bridge| {
        if bridge.worker.is_none() {
            bridge.worker = spawn();
        }
    });
}

fn spawn() -> Option<Worker> {
    // Trunk builds the worker as a classic script beside index.html, with a
    // loader (data-loader-shim) that fetches and starts its wasm; the
    // URL is resolved against the document's <base>, so deep routes work.
    let worker = Worker::new("worker_loader.js").ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(on_error);
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Some(worker)
}

/// A reply answers the request in flight (requests go one at a time);
/// `Ready` says whether the worker is of this build.
fn on_message(event: MessageEvent) {
    let reply = match event.data().dyn_into::<js_sys::Uint8Array>() {
        Ok(bytes) => protocol::decode::<RunReply>(&bytes.to_vec()),
        Err(other) => Err(other.as_string().unwrap_or_else(|| "not bytes".to_string())),
    };
    let answered = match reply {
        // A worker of another build: every request is refused with the
        // reason (by send_next), rather than sent to a worker that may read
        // it differently.
        Ok(RunReply::Ready { build }) if build != protocol::BUILD => {
            queue::with(|bridge| bridge.other_build = true);
            None
        }
        Ok(RunReply::Ready { .. }) => {
            queue::with(|bridge| bridge.ready = true);
            None
        }
        Ok(RunReply::Crashed { message }) => {
            queue::with(|bridge| bridge.last_crash = Some(message));
            None
        }
        // Whatever id the worker could read from it, the request in flight
        // is the one refused.
        Ok(RunReply::Refused { message, .. }) => queue::finish().map(|p| (p, Err(message))),
        Ok(reply) => queue::finish().map(|p| (p, Ok(reply))),
        Err(error) => queue::finish().map(|p| (p, Err(format!("The worker sent something unreadable: {error}.")))),
    };
    if let Some((pending, reply)) = answered {
        pending.answer(reply);
    }
    queue::send_next();
}

/// The worker trapped (memory exhausted, or a panic): report the request it
/// was doing, drop the dead worker and start a fresh one, which takes the
/// requests still waiting once it is ready. A worker that died before it
/// was ready (its script failed to load) is not restarted in a loop: every
/// waiting request is reported and the next one tries again.
fn on_error(event: ErrorEvent) {
    event.prevent_default();
    let (was_ready, lost, crash) = queue::with(|bridge| {
        if let Some(worker) = bridge.worker.take() {
            worker.terminate();
        }
        let was_ready = std::mem::replace(&mut bridge.ready, false);
        let lost: Vec<Pending> = match bridge.in_flight.take() {
            Some(pending) => vec![pending],
            None if !was_ready => bridge.waiting.drain(..).collect(),
            None => Vec::new(),
        };
        let crash = bridge.last_crash.take();
        if was_ready {
            bridge.worker = spawn();
        }
        (was_ready, lost, crash)
    });
    for pending in lost {
        let message = match (&pending.request, was_ready) {
            (_, false) => {
                format!("The measuring worker could not start ({}). Reload the page to try again.", event.message())
            }
            (Request::Run(run), true) => run.failure(crash.as_deref()),
            (Request::File { .. }, true) => {
                "The measuring worker stopped while it handled the file; it has been restarted, so try again.".into()
            }
            (Request::Calculate { .. }, true) => {
                "The measuring worker stopped while it computed this; it has been restarted, so type again.".into()
            }
        };
        pending.answer(Err(message));
    }
}
