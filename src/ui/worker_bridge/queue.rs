//! The bridge's state: the worker, the requests waiting with their
//! callbacks, the one in flight, and sending the next when the worker is
//! ready and idle. A callback is always called with the bridge unborrowed,
//! since it may queue another request.

use std::cell::RefCell;
use std::collections::VecDeque;

use web_sys::Worker;

use crate::protocol::{self, Request, RunReply};

/// Hears the worker's reply to one request (`Err`: the worker could not
/// do it, in words).
pub type Done = Box<dyn FnOnce(Result<RunReply, String>)>;

/// A request and who hears its answer.
pub struct Pending {
    pub request: Request,
    done: Done,
}

impl Pending {
    /// Tells whoever waits for this request.
    pub fn answer(self, reply: Result<RunReply, String>) {
        (self.done)(reply);
    }
}

#[derive(Default)]
pub struct Bridge {
    pub worker: Option<Worker>,
    pub ready: bool,
    /// Requests not yet sent, oldest first.
    pub waiting: VecDeque<Pending>,
    /// The request the worker is running, if any: the next reply answers it.
    pub in_flight: Option<Pending>,
    /// A panic message that arrived just before the worker died.
    pub last_crash: Option<String>,
    /// The worker said it is of another build (`protocol::BUILD`): nothing is sent.
    pub other_build: bool,
    next_id: u32,
}

thread_local! {
    static BRIDGE: RefCell<Bridge> = RefCell::new(Bridge { next_id: 1, ..Bridge::default() });
}

/// `f` with the bridge borrowed (never call a callback inside it).
pub fn with<R>(f: impl FnOnce(&mut Bridge) -> R) -> R {
    BRIDGE.with(|b| f(&mut b.borrow_mut()))
}

/// Queues the request `make(id)`, at the front when `first`; returns its id.
pub fn push(make: impl FnOnce(u32) -> Request, first: bool, done: Done) -> u32 {
    with(|bridge| {
        let id = bridge.next_id;
        bridge.next_id += 1;
        let pending = Pending { request: make(id), done };
        if first {
            bridge.waiting.push_front(pending);
        } else {
            bridge.waiting.push_back(pending);
        }
        id
    })
}

/// Drops the waiting requests `stale` picks, unanswered.
pub fn drop_waiting(stale: impl Fn(&Request) -> bool) {
    with(|bridge| bridge.waiting.retain(|p| !stale(&p.request)));
}

/// The request the worker was running, now finished one way or another.
pub fn finish() -> Option<Pending> {
    with(|bridge| bridge.in_flight.take())
}

/// [`send_next`] once the caller has returned: a request refused at once
/// (a worker of another build, a message that cannot be posted) is then
/// reported after the caller has learnt its id, not before.
pub fn send_soon() {
    wasm_bindgen_futures::spawn_local(async { send_next() });
}

/// Sends the oldest waiting request if the worker is ready and idle.
pub fn send_next() {
    let stale: Vec<Pending> =
        with(|bridge| if bridge.other_build { bridge.waiting.drain(..).collect() } else { Vec::new() });
    for pending in stale {
        pending.answer(Err(protocol::OTHER_BUILD.to_string()));
    }
    let refused = with(|bridge| {
        if !bridge.ready || bridge.in_flight.is_some() {
            return None;
        }
        let pending = bridge.waiting.pop_front()?;
        let Some(worker) = bridge.worker.as_ref() else {
            bridge.waiting.push_front(pending);
            return None;
        };
        let sent = protocol::encode_request(&pending.request).and_then(|bytes| {
            let array = js_sys::Uint8Array::from(bytes.as_slice());
            worker.post_message(&array).map_err(|e| format!("{e:?}"))
        });
        match sent {
            Ok(()) => {
                bridge.in_flight = Some(pending);
                None
            }
            Err(error) => Some((pending, error)),
        }
    });
    if let Some((pending, error)) = refused {
        pending.answer(Err(format!("The run could not be sent to the measuring worker: {error}.")));
        send_next();
    }
}
