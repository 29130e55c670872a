//! A timeline of live bytes, recorded at every allocation event while
//! [`record`](super::record_timeline) is active, in a fixed buffer.
//!
//! When the buffer fills, neighbouring points are merged pairwise, keeping
//! the larger value, and each point then stands for twice as many events.
//! Keeping the maximum means the timeline's highest point is always the true
//! peak, however long the run.

use std::cell::Cell;

/// Points kept at most; a run with more events is downsampled to fit.
pub const MAX_POINTS: usize = 1024;

struct Recorder {
    on: Cell<bool>,
    base: Cell<i64>,
    points: [Cell<i64>; MAX_POINTS],
    len: Cell<usize>,
    /// Events per point.
    stride: Cell<u64>,
    /// Events already merged into the last point.
    in_last: Cell<u64>,
    events: Cell<u64>,
}

thread_local! {
    static RECORDER: Recorder = const {
        Recorder {
            on: Cell::new(false),
            base: Cell::new(0),
            points: [const { Cell::new(0) }; MAX_POINTS],
            len: Cell::new(0),
            stride: Cell::new(1),
            in_last: Cell::new(0),
            events: Cell::new(0),
        }
    };
}

/// Called by the allocator after every event with the live bytes now.
pub(super) fn record(now: i64) {
    RECORDER.with(|r| {
        if !r.on.get() {
            return;
        }
        let value = now - r.base.get();
        r.events.set(r.events.get() + 1);
        let len = r.len.get();
        if len > 0 && r.in_last.get() < r.stride.get() {
            let last = &r.points[len - 1];
            last.set(last.get().max(value));
            r.in_last.set(r.in_last.get() + 1);
            return;
        }
        let len = if len == MAX_POINTS {
            for i in 0..MAX_POINTS / 2 {
                let merged = r.points[2 * i].get().max(r.points[2 * i + 1].get());
                r.points[i].set(merged);
            }
            r.stride.set(r.stride.get() * 2);
            MAX_POINTS / 2
        } else {
            len
        };
        r.points[len].set(value);
        r.len.set(len + 1);
        r.in_last.set(1);
    });
}

/// Live bytes over the course of a run, relative to its start.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Timeline {
    /// One value per point: the most bytes held during its events.
    pub points: Vec<i64>,
    /// Allocation events each point stands for.
    pub events_per_point: u64,
    /// Allocation events in the whole run.
    pub events: u64,
}

impl Timeline {
    /// The highest point: equal to the run's peak above its start.
    pub fn peak(&self) -> i64 {
        self.points.iter().copied().max().unwrap_or(0).max(0)
    }
}

pub(super) fn start(current: i64) {
    RECORDER.with(|r| {
        r.base.set(current);
        r.len.set(1);
        r.points[0].set(0);
        r.stride.set(1);
        r.in_last.set(1);
        r.events.set(0);
        r.on.set(true);
    });
}

pub(super) fn stop() -> Timeline {
    let (len, stride, events) = RECORDER.with(|r| {
        r.on.set(false);
        (r.len.get(), r.stride.get(), r.events.get())
    });
    let points = RECORDER.with(|r| r.points[..len].iter().map(Cell::get).collect());
    Timeline { points, events_per_point: stride, events }
}
