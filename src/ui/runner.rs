//! The page's side of the measuring worker: one worker for the whole app,
//! kept warm between runs, replaced when a run kills it.
//!
//! Hand-written on web-sys rather than through yew-agent because the page
//! must notice a trapped worker (out of memory, panic), say so, and start a
//! fresh one; yew-agent's bridges do not surface the worker's `error` event.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::run::{RunReply, RunRequest, RunResult};
use crate::units::grouped;

/// What the page hears back about a run.
#[derive(Clone, Debug, PartialEq)]
pub enum RunEvent {
    Done(RunResult),
    Failed(String),
}

type Listener = Box<dyn Fn(u32, RunEvent)>;

struct Bridge {
    worker: Option<Worker>,
    ready: bool,
    /// Requests sent before the worker said it was ready.
    queued: Vec<RunRequest>,
    /// The request the worker is running, if any.
    in_flight: Option<RunRequest>,
    /// A panic message that arrived just before the worker died.
    last_crash: Option<String>,
    listener: Option<Listener>,
    next_id: u32,
}

thread_local! {
    static BRIDGE: RefCell<Bridge> = RefCell::new(Bridge {
        worker: None,
        ready: false,
        queued: Vec::new(),
        in_flight: None,
        last_crash: None,
        listener: None,
        next_id: 1,
    });
}

/// Sets who hears about finished runs (the exercise page that is open).
pub fn listen(listener: impl Fn(u32, RunEvent) + 'static) {
    BRIDGE.with(|b| b.borrow_mut().listener = Some(Box::new(listener)));
}

/// Starts the worker early so the first run does not wait for it to load.
pub fn warm_up() {
    BRIDGE.with(|b| {
        let mut bridge = b.borrow_mut();
        if bridge.worker.is_none() {
            bridge.worker = spawn();
        }
    });
}

/// Sends a run; returns its id. The reply comes through the listener.
pub fn run(slug: &str, params: crate::exercise::Params, limit_bytes: Option<u64>) -> u32 {
    BRIDGE.with(|b| {
        let mut bridge = b.borrow_mut();
        let id = bridge.next_id;
        bridge.next_id += 1;
        let request = RunRequest { id, slug: slug.to_string(), params, limit_bytes };
        if bridge.worker.is_none() {
            bridge.worker = spawn();
        }
        if bridge.ready {
            send(&mut bridge, request);
        } else {
            bridge.queued.push(request);
        }
        id
    })
}

fn send(bridge: &mut Bridge, request: RunRequest) {
    let Some(worker) = &bridge.worker else { return };
    match request.serialize(&crate::run::serializer()) {
        Ok(value) => {
            if worker.post_message(&value).is_ok() {
                bridge.in_flight = Some(request);
            }
        }
        Err(error) => notify(request.id, RunEvent::Failed(format!("could not send the run: {error}"))),
    }
}

fn notify(id: u32, event: RunEvent) {
    // The listener may start another run, so it is called with the bridge
    // unborrowed.
    let listener = BRIDGE.with(|b| b.borrow_mut().listener.take());
    if let Some(listener) = &listener {
        listener(id, event);
    }
    BRIDGE.with(|b| {
        let mut bridge = b.borrow_mut();
        if bridge.listener.is_none() {
            bridge.listener = listener;
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

fn on_message(event: MessageEvent) {
    let reply: RunReply = match serde_wasm_bindgen::from_value(event.data()) {
        Ok(reply) => reply,
        Err(error) => {
            let id = BRIDGE.with(|b| b.borrow_mut().in_flight.take().map_or(0, |r| r.id));
            notify(id, RunEvent::Failed(format!("the worker sent something unreadable: {error}")));
            return;
        }
    };
    match reply {
        RunReply::Ready => BRIDGE.with(|b| {
            let mut bridge = b.borrow_mut();
            bridge.ready = true;
            // Only the newest queued request matters: older ones were
            // superseded before the worker could take them.
            if let Some(request) = bridge.queued.pop() {
                bridge.queued.clear();
                send(&mut bridge, request);
            }
        }),
        RunReply::Done { id, result } => {
            BRIDGE.with(|b| b.borrow_mut().in_flight = None);
            notify(id, RunEvent::Done(result));
        }
        RunReply::Refused { id, message } => {
            BRIDGE.with(|b| b.borrow_mut().in_flight = None);
            notify(id, RunEvent::Failed(message));
        }
        RunReply::Crashed { message } => BRIDGE.with(|b| b.borrow_mut().last_crash = Some(message)),
    }
}

/// The worker trapped (memory exhausted, or a panic): report the run it was
/// doing, drop the dead worker and start a fresh one. A worker that died
/// before it was ready (its script failed to load) is not restarted in a
/// loop: the queued run is reported and the next run tries again.
fn on_error(event: ErrorEvent) {
    event.prevent_default();
    let (was_ready, lost, crash) = BRIDGE.with(|b| {
        let mut bridge = b.borrow_mut();
        if let Some(worker) = bridge.worker.take() {
            worker.terminate();
        }
        let was_ready = std::mem::replace(&mut bridge.ready, false);
        let lost = bridge.in_flight.take().or_else(|| bridge.queued.pop());
        bridge.queued.clear();
        let crash = bridge.last_crash.take();
        if was_ready {
            bridge.worker = spawn();
        }
        (was_ready, lost, crash)
    });
    let Some(request) = lost else { return };
    if !was_ready {
        let message =
            format!("The measuring worker could not start ({}). Reload the page to try again.", event.message());
        notify(request.id, RunEvent::Failed(message));
        return;
    }
    let params = request
        .params
        .0
        .iter()
        .map(|(name, value)| format!("{name} = {}", grouped(*value as i64)))
        .collect::<Vec<_>>()
        .join(", ");
    let message = match crash {
        Some(panic) => {
            format!("The run ({params}) stopped with an error: {panic}. The measuring worker was restarted.")
        }
        None => {
            let limit = request
                .limit_bytes
                .map(|bytes| format!("the limit of {} MiB", grouped((bytes / (1024 * 1024)) as i64)))
                .unwrap_or_else(|| "what the browser would give".to_string());
            format!(
                "The run ({params}) ran out of memory: it asked for more than {limit}. \
                 The measuring worker was restarted; try smaller parameters."
            )
        }
    };
    notify(request.id, RunEvent::Failed(message));
}
