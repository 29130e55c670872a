//! The measuring core: a counting allocator, measurements of a closure,
//! allocation sites with snapshots and diffs, and a live-bytes timeline.
//!
//! Nothing here knows about exercises or the UI. It works the same natively
//! (tests, benchmarks) and on wasm32 (the browser worker), provided the
//! binary installs [`CountingAlloc`] as its global allocator; without it every
//! figure reads zero.

// The only modules allowed `unsafe` (Cargo.toml denies it elsewhere): a
// global allocator is unsafe by contract, and the site table is read by it.
#[allow(unsafe_code)]
mod alloc;
pub mod live;
#[allow(unsafe_code)]
pub mod sites;
mod timeline;

pub use alloc::{counters, set_limit, Counters, CountingAlloc};
pub use live::{LiveCheckpoint, LiveCount};
pub use sites::{site, SiteDiff, SiteGuard, SiteStat, Snapshot};
pub use timeline::{Timeline, MAX_POINTS};

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A site, type or checkpoint name: borrowed from the code while a run is
/// measured (so recording one allocates nothing), owned once it has crossed
/// to the page. One type serves both sides.
pub type Label = Cow<'static, str>;

/// What one run of a closure did to the heap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measurement {
    /// Most bytes held at once during the run, above what was held before it.
    pub peak_bytes: u64,
    /// Bytes still held when the run returned, relative to its start
    /// (negative if it freed memory that existed before it).
    pub retained_bytes: i64,
    /// Bytes requested in total: fresh allocations plus growth by realloc.
    pub allocated_bytes: u64,
    pub allocations: u64,
    pub deallocations: u64,
    pub grows: u64,
    pub shrinks: u64,
}

impl Measurement {
    fn between(before: &Counters, after: &Counters, peak: i64) -> Measurement {
        Measurement {
            peak_bytes: (peak - before.current_bytes).max(0) as u64,
            retained_bytes: after.current_bytes - before.current_bytes,
            allocated_bytes: (after.allocated_bytes - before.allocated_bytes)
                + (after.grown_bytes - before.grown_bytes),
            allocations: after.allocations - before.allocations,
            deallocations: after.deallocations - before.deallocations,
            grows: after.grows - before.grows,
            shrinks: after.shrinks - before.shrinks,
        }
    }
}

/// Runs `f` and reports what it did to this thread's heap. Measurements
/// nest: an outer one still sees the peak reached inside an inner one.
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, Measurement) {
    let outer_peak = alloc::reset_peak();
    let before = counters();
    let result = f();
    let after = counters();
    alloc::restore_peak(outer_peak);
    (result, Measurement::between(&before, &after, after.peak_bytes))
}

/// Runs `f` and records live bytes at each allocation event; the returned
/// timeline's peak equals the measurement's `peak_bytes`.
pub fn record_timeline<R>(f: impl FnOnce() -> R) -> (R, Measurement, Timeline) {
    timeline::start(counters().current_bytes);
    let (result, measurement) = measure(f);
    // Stopped outside `measure`, so the timeline's own buffer is not counted.
    let timeline = timeline::stop();
    (result, measurement, timeline)
}

/// Bytes this thread holds right now.
pub fn live_bytes() -> i64 {
    counters().current_bytes
}
