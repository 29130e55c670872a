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

// Points are kept as raw live bytes and made relative to `base` by `stop`
// (the larger of two raw values is the larger relative one). The last point
// is still open: its value stays in `open`, outside the array, and `room`
// counts down the events it may still take, so most events cost a
// decrement and a `max`.
struct Recorder {
    base: Cell<i64>,
    /// Closed points; the open one is `open`, at index `len - 1`.
    points: [Cell<i64>; MAX_POINTS],
    /// Points in all, the open one included.
    len: Cell<usize>,
    /// The most live bytes among the open point's events so far.
    open: Cell<i64>,
    /// Events the open point can still take before a new point starts.
    room: Cell<u64>,
    /// Events per point.
    stride: Cell<u64>,
    events: Cell<u64>,
}

thread_local! {
    static RECORDER: Recorder = const {
        Recorder {
            base: Cell::new(0),
            points: [const { Cell::new(0) }; MAX_POINTS],
            len: Cell::new(0),
            open: Cell::new(0),
            room: Cell::new(0),
            stride: Cell::new(1),
            events: Cell::new(0),
        }
    };
}

/// Called by the allocator after every event, while a timeline records
/// (`super::alloc::set_timeline`), with the live bytes now.
#[inline]
pub(super) fn record(now: i64) {
    RECORDER.with(|r| {
        r.events.set(r.events.get() + 1);
        let room = r.room.get();
        if room > 0 {
            r.room.set(room - 1);
            r.open.set(r.open.get().max(now));
        } else {
            next_point(r, now);
        }
    });
}

/// Closes the open point and opens one with this event; when the buffer is
/// full, first merges neighbouring points pairwise, keeping the larger.
#[cold]
fn next_point(r: &Recorder, now: i64) {
    let mut len = r.len.get();
    r.points[len - 1].set(r.open.get());
    if len == MAX_POINTS {
        for i in 0..MAX_POINTS / 2 {
            let merged = r.points[2 * i].get().max(r.points[2 * i + 1].get());
            r.points[i].set(merged);
        }
        r.stride.set(r.stride.get() * 2);
        len = MAX_POINTS / 2;
    }
    r.len.set(len + 1);
    r.open.set(now);
    r.room.set(r.stride.get() - 1);
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
        // One point, 0 above the start, standing for one event and full.
        r.base.set(current);
        r.len.set(1);
        r.open.set(current);
        r.stride.set(1);
        r.room.set(0);
        r.events.set(0);
    });
    super::alloc::set_timeline(true);
}

pub(super) fn stop() -> Timeline {
    super::alloc::set_timeline(false);
    let (len, stride, events) = RECORDER.with(|r| {
        if let Some(last) = r.len.get().checked_sub(1) {
            r.points[last].set(r.open.get());
        }
        (r.len.get(), r.stride.get(), r.events.get())
    });
    let points = RECORDER.with(|r| r.points[..len].iter().map(|p| p.get() - r.base.get()).collect());
    Timeline { points, events_per_point: stride, events }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Catches: a point closed or opened one event early or late, the open
    /// point lost at a merge or at `stop`, or values left raw, across many
    /// doublings of the stride. The oracle is the timeline's definition:
    /// point `k` is the largest of values `k*stride .. (k+1)*stride`, where
    /// value 0 is the start and value `i` the live bytes after event `i`.
    #[test]
    fn points_are_the_largest_value_of_each_stride_of_events() {
        let base = 1_000;
        // Live bytes that wander up and down, from a small generator.
        let mut seed = 0x2545_F491_4F6C_DD1D_u64;
        let values: Vec<i64> = (0..100_003)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                base + (seed % 5_000) as i64 - 2_500
            })
            .collect();
        start(base);
        // Called directly, not through the allocator: recording allocates nothing.
        for &now in &values {
            record(now);
        }
        let timeline = stop();

        let relative: Vec<i64> = std::iter::once(0).chain(values.iter().map(|v| v - base)).collect();
        let mut stride = 1;
        while relative.len() > MAX_POINTS * stride {
            stride *= 2;
        }
        let expected: Vec<i64> = relative.chunks(stride).map(|c| *c.iter().max().unwrap()).collect();
        assert_eq!(timeline.events, values.len() as u64);
        assert_eq!(timeline.events_per_point, stride as u64);
        assert_eq!(timeline.points, expected);
    }
}
