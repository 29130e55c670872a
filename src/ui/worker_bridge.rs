//! The page's side of the measuring worker: one worker for the whole app,
//! kept warm between runs, replaced when a run kills it.
//!
//! Hand-written on web-sys rather than through yew-agent because the page
//! must notice a trapped worker (out of memory, panic), say so, and start a
//! fresh one; yew-agent's bridges do not surface the worker's `error` event.
//!
//! Every request gets its own answer. Requests wait in a queue and go to the
//! worker one at a time, so when a run kills the worker the bridge knows
//! which one it was: that run is reported, and the runs queued behind it go
//! to the fresh worker. Results files (export and re-open) and calculator
//! answers go the same way: the worker holds their code, the page does not.
//! (A calculation goes ahead of the queue: it takes microseconds, and the
//! student is typing.)

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::exercise::Params;
use crate::export::{FileAnswer, FileJob};
use crate::outcome::RunResult;
use crate::protocol;
use crate::protocol::{Request, RunReply, RunRequest};

/// What the page hears back about a run.
#[derive(Clone, Debug, PartialEq)]
pub enum RunEvent {
    Done(Rc<RunResult>),
    Failed(String),
}

type Listener = Rc<dyn Fn(u32, RunEvent)>;
/// Hears the worker's reply to one job that is not a run (`Err`: the
/// worker could not do it, in words).
type JobDone = Box<dyn FnOnce(Result<RunReply, String>)>;

#[derive(Default)]
struct Bridge {
    worker: Option<Worker>,
    ready: bool,
    /// Requests not yet sent, oldest first.
    waiting: VecDeque<Request>,
    /// The request the worker is running, if any.
    in_flight: Option<Request>,
    /// Who hears about each job that is not a run, by request id.
    jobs: Vec<(u32, JobDone)>,
    /// A panic message that arrived just before the worker died.
    last_crash: Option<String>,
    /// The worker said it is of another build (`protocol::BUILD`): nothing is sent.
    other_build: bool,
    listener: Option<Listener>,
    next_id: u32,
}

thread_local! {
    static BRIDGE: RefCell<Bridge> = RefCell::new(Bridge { next_id: 1, ..Bridge::default() });
}

/// Sets who hears about finished runs (the exercise page that is open).
pub fn listen(listener: impl Fn(u32, RunEvent) + 'static) {
    BRIDGE.with(|b| b.borrow_mut().listener = Some(Rc::new(listener)));
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

/// Queues a run; returns its id. The reply comes through the listener.
pub fn run(slug: &str, params: Params, limit_bytes: Option<u64>) -> u32 {
    let id = BRIDGE.with(|b| {
        let mut bridge = b.borrow_mut();
        let id = bridge.next_id;
        bridge.next_id += 1;
        bridge.waiting.push_back(Request::Run(RunRequest { id, slug: slug.to_string(), params, limit_bytes }));
        if bridge.worker.is_none() {
            bridge.worker = spawn();
        }
        id
    });
    send_soon();
    id
}

/// Queues a results file to write or read; `done` hears the answer.
pub fn file(job: FileJob, done: impl FnOnce(Result<FileAnswer, String>) + 'static) {
    queue_job(
        |id| Request::File { id, job },
        false,
        Box::new(move |reply| match reply {
            Ok(RunReply::File { answer, .. }) => done(Ok(answer)),
            Ok(_) => done(Err("The measuring worker answered a file with something else.".into())),
            Err(message) => done(Err(message)),
        }),
    );
}

/// Asks exercise `slug`'s calculator about `input`, ahead of waiting runs;
/// a calculation still waiting for the same exercise is replaced (only
/// the latest input matters). `done` hears the answer.
pub fn calculate(slug: &str, input: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    BRIDGE.with(|b| {
        let mut bridge = b.borrow_mut();
        let stale: Vec<u32> = bridge
            .waiting
            .iter()
            .filter(|r| matches!(r, Request::Calculate { slug: s, .. } if s == slug))
            .map(Request::id)
            .collect();
        bridge.waiting.retain(|r| !stale.contains(&r.id()));
        bridge.jobs.retain(|(id, _)| !stale.contains(id));
    });
    let (slug, input) = (slug.to_string(), input.to_string());
    queue_job(
        |id| Request::Calculate { id, slug, input },
        true,
        Box::new(move |reply| match reply {
            Ok(RunReply::Calculated { answer, .. }) => done(answer),
            Ok(_) => done(Err("The measuring worker answered the calculator with something else.".into())),
            Err(message) => done(Err(message)),
        }),
    );
}

/// Queues the request `make(id)` (at the front when `first`), whose reply
/// goes to `done`.
fn queue_job(make: impl FnOnce(u32) -> Request, first: bool, done: JobDone) {
    BRIDGE.with(|b| {
        let mut bridge = b.borrow_mut();
        let id = bridge.next_id;
        bridge.next_id += 1;
        let request = make(id);
        if first {
            bridge.waiting.push_front(request);
        } else {
            bridge.waiting.push_back(request);
        }
        bridge.jobs.push((id, done));
        if bridge.worker.is_none() {
            bridge.worker = spawn();
        }
    });
    send_soon();
}

/// Drops a run that has not been sent yet (its page has closed).
pub fn forget(id: u32) {
    BRIDGE.with(|b| b.borrow_mut().waiting.retain(|r| r.id() != id));
}

/// [`send_next`] once the caller has returned: a request refused at once
/// (a worker of another build, a message that cannot be posted) is then
/// reported after the caller has learnt its id, not before.
fn send_soon() {
    wasm_bindgen_futures::spawn_local(async { send_next() });
}

/// Sends the oldest waiting request if the worker is ready and idle.
fn send_next() {
    let stale: Vec<Request> = BRIDGE.with(|b| {
        let mut bridge = b.borrow_mut();
        if bridge.other_build {
            bridge.waiting.drain(..).collect()
        } else {
            Vec::new()
        }
    });
    for request in stale {
        notify(request.id(), RunEvent::Failed(protocol::OTHER_BUILD.to_string()));
    }
    let refused = BRIDGE.with(|b| {
        let mut bridge = b.borrow_mut();
        if !bridge.ready || bridge.in_flight.is_some() {
            return None;
        }
        let request = bridge.waiting.pop_front()?;
        let worker = bridge.worker.as_ref()?;
        let sent = protocol::encode_request(&request).and_then(|bytes| {
            let array = js_sys::Uint8Array::from(bytes.as_slice());
            worker.post_message(&array).map_err(|e| format!("{e:?}"))
        });
        match sent {
            Ok(()) => {
                bridge.in_flight = Some(request);
                None
            }
            Err(error) => Some((request.id(), error)),
        }
    });
    if let Some((id, error)) = refused {
        notify(id, RunEvent::Failed(format!("The run could not be sent to the measuring worker: {error}.")));
        send_next();
    }
}

/// Tells whoever waits for request `id`: the page's listener for a run,
/// the job's own callback for anything else.
fn notify(id: u32, event: RunEvent) {
    match (take_job(id), event) {
        (Some(done), RunEvent::Failed(message)) => done(Err(message)),
        (Some(done), RunEvent::Done(_)) => done(Err("The measuring worker answered with a run.".into())),
        (None, event) => notify_run(id, event),
    }
}

/// The request a job's reply answers (a file's or a calculator's).
fn job_id(reply: &RunReply) -> Option<u32> {
    match reply {
        RunReply::File { id, .. } | RunReply::Calculated { id, .. } => Some(*id),
        _ => None,
    }
}

fn take_job(id: u32) -> Option<JobDone> {
    BRIDGE.with(|b| {
        let mut bridge = b.borrow_mut();
        let at = bridge.jobs.iter().position(|(job, _)| *job == id)?;
        Some(bridge.jobs.remove(at).1)
    })
}

fn notify_run(id: u32, event: RunEvent) {
    // The listener may queue another run, so it is called with the bridge
    // unborrowed.
    let listener = BRIDGE.with(|b| b.borrow().listener.clone());
    if let Some(listener) = listener {
        listener(id, event);
    }
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

/// The request the worker was running, now finished one way or another.
fn finish() -> Option<Request> {
    BRIDGE.with(|b| b.borrow_mut().in_flight.take())
}

fn on_message(event: MessageEvent) {
    let reply = match event.data().dyn_into::<js_sys::Uint8Array>() {
        Ok(bytes) => protocol::decode::<RunReply>(&bytes.to_vec()),
        Err(other) => Err(other.as_string().unwrap_or_else(|| "not bytes".to_string())),
    };
    match reply {
        // A worker of another build: every run is refused with the reason
        // (by send_next, below), rather than sent to a worker that may read
        // it differently.
        Ok(RunReply::Ready { build }) if build != protocol::BUILD => BRIDGE.with(|b| b.borrow_mut().other_build = true),
        Ok(RunReply::Ready { .. }) => BRIDGE.with(|b| b.borrow_mut().ready = true),
        Ok(RunReply::Done { id, result }) => {
            finish();
            notify(id, RunEvent::Done(Rc::new(result)));
        }
        Ok(RunReply::Refused { id, message }) => {
            // The request in flight is the one refused, whatever id the
            // worker could read from it.
            let id = finish().map_or(id, |request| request.id());
            notify(id, RunEvent::Failed(message));
        }
        Ok(RunReply::Crashed { message }) => BRIDGE.with(|b| b.borrow_mut().last_crash = Some(message)),
        Ok(reply @ (RunReply::File { .. } | RunReply::Calculated { .. })) => {
            finish();
            if let Some(done) = job_id(&reply).and_then(take_job) {
                done(Ok(reply));
            }
        }
        Err(error) => {
            if let Some(request) = finish() {
                notify(request.id(), RunEvent::Failed(format!("The worker sent something unreadable: {error}.")));
            }
        }
    }
    send_next();
}

/// The worker trapped (memory exhausted, or a panic): report the run it was
/// doing, drop the dead worker and start a fresh one, which takes the runs
/// still waiting once it is ready. A worker that died before it was ready
/// (its script failed to load) is not restarted in a loop: every waiting
/// run is reported and the next run tries again.
fn on_error(event: ErrorEvent) {
    event.prevent_default();
    let (was_ready, lost, crash) = BRIDGE.with(|b| {
        let mut bridge = b.borrow_mut();
        if let Some(worker) = bridge.worker.take() {
            worker.terminate();
        }
        let was_ready = std::mem::replace(&mut bridge.ready, false);
        let lost: Vec<Request> = match bridge.in_flight.take() {
            Some(request) => vec![request],
            None if !was_ready => bridge.waiting.drain(..).collect(),
            None => Vec::new(),
        };
        let crash = bridge.last_crash.take();
        if was_ready {
            bridge.worker = spawn();
        }
        (was_ready, lost, crash)
    });
    for request in lost {
        let message = match (&request, was_ready) {
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
        notify(request.id(), RunEvent::Failed(message));
    }
}
