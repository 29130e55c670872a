//! The page's side of the measuring worker: one worker for the whole app,
//! kept warm between runs, replaced when a run kills it.
//!
//! Hand-written on web-sys rather than through yew-agent because the page
//! must notice a trapped worker (out of memory, panic), say so, and start a
//! fresh one; yew-agent's bridges do not surface the worker's `error` event.
//!
//! Every request carries its own callback, which hears its answer once
//! (unless [`forget`] takes the request back before it is sent): a run's
//! result, a results file, a calculator's answer, or why not in words. Requests wait in a queue (`queue.rs`) and go to the worker one at
//! a time, so the reply that comes back answers the request in flight, and
//! when a run kills the worker (`lifecycle.rs`) the bridge knows which one
//! it was: that run is reported, and those queued behind it go to the fresh
//! worker. (A calculation goes ahead of the queue: it takes microseconds,
//! and the student is typing.)

mod lifecycle;
mod queue;

use std::rc::Rc;

use crate::exercise::Params;
use crate::export::{FileAnswer, FileJob};
use crate::protocol::{Request, RunReply, RunRequest};

/// What a run's callback hears: the result, or why there is none, in words.
pub use crate::page::RunAnswer;

/// Starts the worker early so the first run does not wait for it to load.
pub fn warm_up() {
    lifecycle::ensure_worker();
}

/// Queues a run; `done` hears its answer, never before this returns. The
/// id is for [`forget`].
pub fn run(slug: &str, params: Params, limit_bytes: Option<u64>, done: impl FnOnce(RunAnswer) + 'static) -> u32 {
    let slug = slug.to_string();
    queue(
        |id| Request::Run(RunRequest { id, slug, params, limit_bytes }),
        false,
        Box::new(move |reply| match reply {
            Ok(RunReply::Done { result, .. }) => done(Ok(Rc::new(result))),
            Ok(_) => done(Err("The measuring worker answered the run with something else.".into())),
            Err(message) => done(Err(message)),
        }),
    )
}

/// Queues a results file to write or read; `done` hears the answer.
pub fn file(job: FileJob, done: impl FnOnce(Result<FileAnswer, String>) + 'static) {
    queue(
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
/// a calculation still waiting for the same exercise is dropped (only the
/// latest input matters). `done` hears the answer.
pub fn calculate(slug: &str, input: &str, done: impl FnOnce(Result<String, String>) + 'static) {
    queue::drop_waiting(|request| matches!(request, Request::Calculate { slug: s, .. } if s == slug));
    let (slug, input) = (slug.to_string(), input.to_string());
    queue(
        |id| Request::Calculate { id, slug, input },
        true,
        Box::new(move |reply| match reply {
            Ok(RunReply::Calculated { answer, .. }) => done(answer),
            Ok(_) => done(Err("The measuring worker answered the calculator with something else.".into())),
            Err(message) => done(Err(message)),
        }),
    );
}

/// Drops request `id` if it has not been sent yet (its page closed, or a
/// sweep stopped): its callback is never called. A request the worker is
/// running still answers.
pub fn forget(id: u32) {
    queue::drop_waiting(|request| request.id() == id);
}

/// Queues the request `make(id)` (at the front when `first`) with the
/// callback that hears its reply, starts the worker if there is none, and
/// sends once the caller has returned; returns the id.
fn queue(make: impl FnOnce(u32) -> Request, first: bool, done: queue::Done) -> u32 {
    let id = queue::push(make, first, done);
    lifecycle::ensure_worker();
    queue::send_soon();
    id
}
