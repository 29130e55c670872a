//! What the page asks the worker to run, how the worker runs it, and what
//! comes back: plain data, sent across the worker boundary as postcard
//! bytes (see [`encode`] and [`decode`]).

use serde::{Deserialize, Serialize};

use crate::exercise::{Metric, Params, Probe, Variant};
use crate::exercises;
use crate::export::{FileAnswer, FileJob};
use crate::measure::{self, live, sites, Label, LiveCheckpoint, Measurement, Snapshot, Timeline};

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
}

impl Request {
    pub fn id(&self) -> u32 {
        match self {
            Request::Run(run) => run.id,
            Request::File { id, .. } => *id,
        }
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
pub struct RunResult {
    pub slug: String,
    pub params: Params,
    pub metric: Metric,
    /// One per variant, in the exercise's order (baseline first).
    pub variants: Vec<VariantRun>,
    /// `size_of::<usize>()` in the build that ran: 4 on wasm32, 8 natively.
    pub pointer_bytes: u32,
}

impl RunResult {
    /// True when every variant computed the same checksum.
    pub fn checksums_agree(&self) -> bool {
        self.variants.windows(2).all(|w| w[0].checksum == w[1].checksum)
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
}

/// Runs every variant of `slug` with `params`, after checking them against
/// the exercise's declared parameters, timed by this build's [`HOST_CLOCK`].
pub fn execute(slug: &str, params: &Params) -> Result<RunResult, String> {
    execute_timed(slug, params, HOST_CLOCK)
}

/// [`execute`], each variant timed with `clock` (none: not timed).
pub fn execute_timed(slug: &str, params: &Params, clock: Option<Clock>) -> Result<RunResult, String> {
    let entry = exercises::find(slug).ok_or_else(|| format!("there is no exercise called \"{slug}\""))?;
    let spec = entry.spec;
    spec.validate(params)?;
    Ok(RunResult {
        slug: slug.to_string(),
        params: params.clone(),
        metric: spec.metric,
        variants: spec.variants.iter().map(|v| run_variant_timed(v, params, spec.records_timeline, clock)).collect(),
        pointer_bytes: std::mem::size_of::<usize>() as u32,
    })
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

/// A clock for timing runs: microseconds since some fixed moment. The host
/// supplies it, so this module stays free of platform APIs: the measuring
/// worker reads `performance.now()` of its global scope, native builds
/// [`std::time::Instant`] ([`HOST_CLOCK`]). It is read inside the measured
/// window, so it must not allocate.
pub type Clock = fn() -> f64;

/// The clock [`execute`] and [`run_variant`] use: `Instant` natively; none
/// on wasm32, where only the worker has one and passes it to [`answer`].
#[cfg(not(target_arch = "wasm32"))]
pub const HOST_CLOCK: Option<Clock> = Some(native_micros);
#[cfg(target_arch = "wasm32")]
pub const HOST_CLOCK: Option<Clock> = None;

/// Microseconds since this process first asked (`Instant` does not allocate).
#[cfg(not(target_arch = "wasm32"))]
fn native_micros() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1e6
}

/// A request or reply as the bytes that cross the worker boundary.
///
/// postcard: every field in declaration order, integers as varints (u64
/// figures and checksums whole, past 2^53), no field names. Both sides are
/// this crate, built from the same source, so the layout always agrees.
/// Reading JS objects instead (serde-wasm-bindgen) costs a trip through JS
/// for every field, and was 2.8 KB more of the page's first load (README).
pub fn encode<T: Serialize>(message: &T) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(message).map_err(|e| e.to_string())
}

/// Reads what [`encode`] wrote.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
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
        postcard::take_from_bytes::<u32>(bytes).map_err(|e| refuse(0, format!("unreadable request: {e}")))?;
    let (build, rest) =
        postcard::take_from_bytes::<&str>(rest).map_err(|e| refuse(id, format!("unreadable request: {e}")))?;
    if build != BUILD {
        return Err(refuse(id, OTHER_BUILD.to_string()));
    }
    let request: Request = decode(rest).map_err(|e| refuse(id, format!("unreadable request: {e}")))?;
    if request.id() != id {
        return Err(refuse(id, format!("a request labelled {id} holds request {}", request.id())));
    }
    Ok(request)
}

/// A checkpoint recorded during a run: live bytes relative to its start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub label: Label,
    pub live_bytes: i64,
}

/// A figure a variant reported with [`Probe::note`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub label: Label,
    pub value: i64,
}

/// The outcome of running one variant. Two runs compare equal when every
/// figure but the wall time does (see the `PartialEq` below).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct VariantRun {
    pub id: String,
    pub label: String,
    pub checksum: u64,
    pub measurement: Measurement,
    pub marks: Vec<Mark>,
    pub notes: Vec<Note>,
    /// Allocation-site snapshots, each under the label the variant gave it.
    pub snapshots: Vec<Snapshot>,
    pub live_counts: Vec<LiveCheckpoint>,
    /// Live bytes over the run, when the exercise records one.
    pub timeline: Option<Timeline>,
    /// Wall time of the variant's body in microseconds, by the clock the
    /// run was given, with the counting allocator counting every allocation
    /// (and recording the timeline, if any). `None` when not timed: no
    /// clock, or a run read back from an exported file, which has no time.
    pub micros: Option<f64>,
}

/// Every field but `micros`: a time differs from run to run, the figures
/// do not, and tests compare runs by their figures.
impl PartialEq for VariantRun {
    fn eq(&self, other: &Self) -> bool {
        // Destructured, so a new field cannot be left out of the comparison.
        let VariantRun { id, label, checksum, measurement, marks, notes, snapshots, live_counts, timeline, micros: _ } =
            self;
        (id, label, checksum, measurement, marks, notes, snapshots, live_counts, timeline)
            == (
                &other.id,
                &other.label,
                &other.checksum,
                &other.measurement,
                &other.marks,
                &other.notes,
                &other.snapshots,
                &other.live_counts,
                &other.timeline,
            )
    }
}

impl Eq for VariantRun {}

/// Runs one variant under measurement, with a timeline if asked for, timed
/// by this build's [`HOST_CLOCK`].
pub fn run_variant(variant: &Variant, params: &Params, with_timeline: bool) -> VariantRun {
    run_variant_timed(variant, params, with_timeline, HOST_CLOCK)
}

/// [`run_variant`] timed with `clock`: the clock is read just before and
/// just after the variant's body, inside the measured window.
/// Allocation sites are cleared first, so snapshots show this run only.
pub fn run_variant_timed(variant: &Variant, params: &Params, with_timeline: bool, clock: Option<Clock>) -> VariantRun {
    // Sites are process-wide: one run at a time, even when tests run in
    // parallel threads. A run that panicked leaves nothing behind to fix.
    static ONE_RUN_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _only_run = ONE_RUN_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    sites::reset();
    let mut probe = Probe::start();
    let mut micros = None;
    let body = || {
        let start = clock.map(|now| now());
        let checksum = std::hint::black_box((variant.run)(params, &mut probe));
        micros = clock.zip(start).map(|(now, start)| now() - start);
        checksum
    };
    let (checksum, measurement, timeline) = if with_timeline {
        let (checksum, measurement, timeline) = measure::record_timeline(body);
        (checksum, measurement, Some(timeline))
    } else {
        let (checksum, measurement) = measure::measure(body);
        (checksum, measurement, None)
    };
    sites::reset();
    VariantRun {
        id: variant.id.to_string(),
        label: variant.label.to_string(),
        checksum,
        measurement,
        marks: probe.marks,
        notes: probe.notes,
        snapshots: probe.snapshots,
        live_counts: live::take_checkpoints(),
        timeline,
        micros,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_of_every_exercise_is_timed_and_the_time_is_no_figure() {
        for entry in exercises::REGISTRY {
            let params = entry.spec.default_params();
            let run = execute(entry.slug, &params).expect("runs at its defaults");
            for v in &run.variants {
                let micros = v.micros.unwrap_or_else(|| panic!("{} {}: not timed", entry.slug, v.id));
                assert!(micros.is_finite() && micros >= 0.0, "{} {}: {micros}", entry.slug, v.id);
            }
            // A time does not make two runs of the same figures differ.
            let mut other = run.clone();
            other.variants.iter_mut().for_each(|v| v.micros = Some(v.micros.unwrap_or_default() + 1.0));
            assert_eq!(other, run, "{}", entry.slug);
            other.variants[0].checksum ^= 1;
            assert_ne!(other, run, "{}", entry.slug);
        }
        // Without a clock nothing is timed.
        let untimed = execute_timed("slots-vs-dict", &Params::new(&[("n", 1000)]), None).unwrap();
        assert!(untimed.variants.iter().all(|v| v.micros.is_none()));
        // The time is the variant's body: a body that waits 2 ms takes 2 ms at least.
        fn slow(_: &Params, _: &mut Probe) -> u64 {
            std::thread::sleep(std::time::Duration::from_millis(2));
            7
        }
        let variant = Variant { id: "slow", label: "slow", run: slow };
        let run = run_variant(&variant, &Params::default(), false);
        assert!(run.micros.unwrap() >= 2_000.0, "{:?}", run.micros);
        assert!(run.micros.unwrap() > 0.0);
    }

    #[test]
    fn a_dead_run_is_explained_with_its_own_parameters() {
        let params = Params(vec![("n".into(), 1_000_000), ("fields".into(), 5)]);
        let request = RunRequest { id: 7, slug: "slots-at-scale".into(), params, limit_bytes: Some(160 << 20) };
        assert_eq!(
            request.failure(None),
            "The run (n = 1,000,000, fields = 5) ran out of memory: it asked for more than the limit of 160 MiB. \
             The measuring worker was restarted; try smaller parameters."
        );
        assert_eq!(
            request.failure(Some("index out of bounds")),
            "The run (n = 1,000,000, fields = 5) stopped with an error: index out of bounds. \
             The measuring worker was restarted."
        );
        let unlimited = RunRequest { limit_bytes: None, ..request };
        assert!(unlimited.failure(None).contains("more than what the browser would give"));
    }
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
}
