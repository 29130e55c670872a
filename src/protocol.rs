//! The measuring worker's protocol: what the page asks ([`Request`]), what
//! the worker answers ([`RunReply`]), and the bytes that cross the worker
//! boundary ([`encode_request`], [`decode_request`], [`encode`], [`decode`]),
//! stamped with the [`BUILD`] both sides were compiled in. Above the runner
//! (`run`) and the results file (`export`), whose jobs it carries.

use serde::{Deserialize, Serialize};

use crate::exercise::Params;
use crate::export::{FileAnswer, FileJob};
use crate::outcome::RunResult;
use crate::run::{execute_timed, Clock};

/// What the page sends the measuring worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    Run(RunRequest),
    /// Work on a results file (`crate::export`): the worker carries the
    /// file format's code, so the page's first load does not.
    File {
        id: u32,
        job: FileJob,
    },
    /// An answer from an exercise's calculator (`exercise::Calculator`) for
    /// what the student typed: the worker carries the calculators' code.
    Calculate {
        id: u32,
        slug: String,
        input: String,
    },
}

impl Request {
    pub fn id(&self) -> u32 {
        match self {
            Request::Run(run) => run.id,
            Request::File { id, .. } | Request::Calculate { id, .. } => *id,
        }
    }
}

/// What the calculator of exercise `slug` answers for `input`.
pub fn calculate(slug: &str, input: &str) -> Result<String, String> {
    match crate::exercises::find(slug).and_then(|entry| entry.spec.calculator.as_ref()) {
        Some(calculator) => (calculator.compute)(input),
        None => Err(format!("The exercise \"{slug}\" has no calculator.")),
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRequest {
    /// Chosen by the page to match replies to requests.
    pub id: u32,
    pub slug: String,
    pub params: Params,
    /// Most bytes a run may hold; past it the run fails as out of memory.
    pub limit_bytes: Option<u64>,
}

impl RunRequest {
    /// Why this run killed the measuring worker, in words: the panic it
    /// reported, or else it ran out of memory.
    pub fn failure(&self, panic: Option<&str>) -> String {
        let params = self
            .params
            .0
            .iter()
            .map(|(name, value)| format!("{name} = {}", crate::units::grouped(*value as i64)))
            .collect::<Vec<_>>()
            .join(", ");
        if let Some(panic) = panic {
            return format!("The run ({params}) stopped with an error: {panic}. The measuring worker was restarted.");
        }
        let limit = self
            .limit_bytes
            .map(|bytes| format!("the limit of {} MiB", crate::units::grouped((bytes / (1024 * 1024)) as i64)))
            .unwrap_or_else(|| "what the browser would give".to_string());
        format!(
            "The run ({params}) ran out of memory: it asked for more than {limit}. \
             The measuring worker was restarted; try smaller parameters."
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RunReply {
    /// The worker has loaded and is listening; sent once, first, with the
    /// [`BUILD`] it was compiled in. (Keep it the first variant, its build
    /// the first field: a page of any build can read it.)
    Ready {
        build: String,
    },
    Done {
        id: u32,
        result: RunResult,
    },
    /// The request was refused before running (unknown exercise, bad params).
    Refused {
        id: u32,
        message: String,
    },
    /// The run panicked; the worker is about to stop and must be replaced.
    Crashed {
        message: String,
    },
    /// A results file written or read.
    File {
        id: u32,
        answer: FileAnswer,
    },
    /// A calculator's answer (`Err`: why there is none, in words).
    Calculated {
        id: u32,
        answer: Result<String, String>,
    },
}

/// Answers one request; what the worker does with each message, timing
/// each variant with the worker's `clock`.
pub fn answer(request: &RunRequest, clock: Option<Clock>) -> RunReply {
    crate::measure::set_limit(request.limit_bytes);
    let reply = match execute_timed(&request.slug, &request.params, clock) {
        Ok(result) => RunReply::Done { id: request.id, result },
        Err(message) => RunReply::Refused { id: request.id, message },
    };
    crate::measure::set_limit(None);
    reply
}

/// A request or reply as the bytes that cross the worker boundary.
///
/// postcard: every field in declaration order, integers as varints (u64
/// figures and checksums whole, past 2^53), no field names. Both sides are
/// this crate, built from the same source, so the layout always agrees.
/// Reading JS objects instead (serde-wasm-bindgen) costs a trip through JS
/// for every field, and was 2.8 KB more of the page's first load (README).
pub fn encode<T: Serialize>(message: &T) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(message).map_err(|e| format!("{e:?}"))
}

/// Reads what [`encode`] wrote. Errors are named (`{:?}`), not postcard's
/// sentences, which would put all of them in the page's wasm (795 B raw).
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("{e:?}"))
}

/// This build's identity (computed by build.rs from the sources): the page
/// and the measuring worker each carry it, and refuse to work with the
/// other when they differ, as they do for a page left open across a deploy.
pub const BUILD: &str = env!("HEAPWISE_BUILD");

/// What the page or the worker says when their builds differ.
pub const OTHER_BUILD: &str = "This page and its measuring worker come from different versions of Heapwise (the \
     site was updated while the page was open). Reload the page to use the new version; your Python text is kept.";

/// A request as it crosses to the worker: its id first, then the sender's
/// [`BUILD`], then the request; so a worker can always say which request it
/// refuses, even one of another build that it cannot read.
pub fn encode_request(request: &Request) -> Result<Vec<u8>, String> {
    encode(&(request.id(), BUILD, request))
}

/// Reads what [`encode_request`] wrote; a request that cannot be run comes
/// back as the reply that refuses it (with its id when even that is readable:
/// 0 otherwise).
pub fn decode_request(bytes: &[u8]) -> Result<Request, RunReply> {
    let refuse = |id: u32, message: String| RunReply::Refused { id, message };
    let (id, rest) =
        postcard::take_from_bytes::<u32>(bytes).map_err(|e| refuse(0, format!("unreadable request: {e:?}")))?;
    let (build, rest) =
        postcard::take_from_bytes::<&str>(rest).map_err(|e| refuse(id, format!("unreadable request: {e:?}")))?;
    if build != BUILD {
        return Err(refuse(id, OTHER_BUILD.to_string()));
    }
    let request: Request = decode(rest).map_err(|e| refuse(id, format!("unreadable request: {e}")))?;
    if request.id() != id {
        return Err(refuse(id, format!("a request labelled {id} holds request {}", request.id())));
    }
    Ok(request)
}

#[cfg(test)]
mod protocol_tests {
    use super::*;

    fn request(id: u32) -> Request {
        Request::Run(RunRequest {
            id,
            slug: "slots-vs-dict".into(),
            params: Params(vec![("n".into(), 10)]),
            limit_bytes: None,
        })
    }

    #[test]
    fn a_request_of_this_build_reads_back() {
        let bytes = encode_request(&request(7)).unwrap();
        assert_eq!(decode_request(&bytes), Ok(request(7)));
    }

    #[test]
    fn a_request_of_another_build_is_refused_by_its_id() {
        let bytes = encode(&(9u32, "another build", request(9))).unwrap();
        assert_eq!(decode_request(&bytes), Err(RunReply::Refused { id: 9, message: OTHER_BUILD.to_string() }));
    }

    #[test]
    fn an_unreadable_request_is_refused_with_what_can_be_read() {
        // Its id and build, then bytes that are no request.
        let mut bytes = encode(&(12u32, BUILD)).unwrap();
        bytes.extend([0xff, 0xff, 0xff]);
        assert!(matches!(decode_request(&bytes), Err(RunReply::Refused { id: 12, .. })));
        assert!(matches!(decode_request(&[]), Err(RunReply::Refused { id: 0, .. })));
        // A request filed under another id.
        let mislabelled = encode(&(3u32, BUILD, request(4))).unwrap();
        assert!(matches!(decode_request(&mislabelled), Err(RunReply::Refused { id: 3, .. })));
    }

    #[test]
    fn ready_is_readable_whatever_else_changes() {
        // Ready stays variant 0 with the build first, so any page reads it.
        let bytes = encode(&RunReply::Ready { build: BUILD.to_string() }).unwrap();
        assert_eq!(bytes[0], 0);
        assert_eq!(decode::<RunReply>(&bytes), Ok(RunReply::Ready { build: BUILD.to_string() }));
    }

    #[test]
    fn every_calculator_answers_through_the_worker_protocol() {
        let mut asked = 0;
        for entry in crate::exercises::REGISTRY {
            let Some(calculator) = entry.spec.calculator.as_ref() else { continue };
            asked += 1;
            let request =
                Request::Calculate { id: 3, slug: entry.slug.to_string(), input: calculator.example.to_string() };
            let bytes = encode_request(&request).unwrap();
            let Ok(Request::Calculate { slug, input, .. }) = decode_request(&bytes) else { panic!("{}", entry.slug) };
            let answer = calculate(&slug, &input);
            assert_eq!(answer, (calculator.compute)(calculator.example), "{}", entry.slug);
            assert!(answer.is_ok(), "{}: its own example is refused: {answer:?}", entry.slug);
            let reply = RunReply::Calculated { id: 3, answer };
            assert_eq!(decode::<RunReply>(&encode(&reply).unwrap()), Ok(reply));
        }
        assert!(asked >= 2, "field-order-and-padding and struct-packing have calculators");
        assert!(calculate("slots-vs-dict", "u8").unwrap_err().contains("has no calculator"));
        assert!(calculate("no-such-exercise", "u8").is_err());
    }
}
