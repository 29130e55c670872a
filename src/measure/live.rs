//! Live counts by type: how many values of a type exist right now, and how
//! many were ever created. The Rust cousin of counting objects by type in
//! Python (`gc.get_objects()` grouped by `type(o).__name__`), the classic
//! way to find a leak: a type whose live count keeps growing between two
//! checkpoints is the suspect.
//!
//! Counting is opt-in, per type, and costs nothing in the counted value's
//! size:
//!
//! ```
//! use heapwise::measure::live::{Counted, Live, LiveCounter, LiveType};
//!
//! static ORDERS: LiveCounter = LiveCounter::new("Order");
//! static TICKETS: LiveCounter = LiveCounter::new("Ticket");
//!
//! // A guard field...
//! struct Order { id: u64, _live: Live<Order> }
//! impl LiveType for Order {
//!     fn live_counter() -> &'static LiveCounter { &ORDERS }
//! }
//! // ...or a wrapper around a type that has no guard field.
//! struct Ticket(u32);
//! impl LiveType for Ticket {
//!     fn live_counter() -> &'static LiveCounter { &TICKETS }
//! }
//!
//! let order = Order { id: 1, _live: Live::new() };
//! let tickets: Vec<Counted<Ticket>> = (0..3).map(|i| Counted::new(Ticket(i))).collect();
//! assert_eq!((ORDERS.live(), TICKETS.live()), (1, 3));
//! assert_eq!(std::mem::size_of::<Counted<Ticket>>(), std::mem::size_of::<Ticket>());
//! drop(tickets);
//! assert_eq!((TICKETS.live(), TICKETS.created()), (0, 3));
//! # let _ = order.id;
//! ```
//!
//! [`Live<K>`] is zero-sized: it finds its counter through the type `K`, not
//! through a stored pointer, so `size_of::<Counted<T>>() == size_of::<T>()`
//! and the measured bytes of an exercise do not change when counting is on.
//!
//! **Atomic and process-wide.** A counter is a `static` of atomics, shared by
//! every thread; runs are serialised by `run_variant`, so within one run the
//! numbers belong to that run. A counter lists itself in a fixed table of
//! [`MAX_COUNTERS`] slots the first time it counts a creation (no allocation,
//! no lock held while counting). Reading the counts into a buffer that
//! already has room ([`counts_into`]) allocates nothing, so it may run inside
//! a measurement.
//!
//! **Checkpoints.** [`checkpoint`] records every counter's numbers under a
//! label into a fixed per-thread buffer (at most [`MAX_CHECKPOINTS`], nothing
//! allocated); [`begin_checkpoints`] clears it and [`take_checkpoints`] reads
//! it out, both outside the measured code. Creations in a checkpoint are
//! counted from the last `begin_checkpoints`, so counters used by earlier
//! runs do not show up with stale totals.

use std::cell::Cell;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::Label;

/// How many distinct counters a process can list; a counter past this still
/// counts, it just does not appear in [`counts`].
pub const MAX_COUNTERS: usize = 32;
/// How many checkpoints one run can record.
pub const MAX_CHECKPOINTS: usize = 16;

/// `LiveCounter::slot` before the counter is listed.
const UNLISTED: usize = 0;
/// `LiveCounter::slot` while one thread lists it.
const LISTING: usize = usize::MAX;
/// `LiveCounter::slot` when the table was full.
const NO_ROOM: usize = usize::MAX - 1;

/// The numbers for one type. `live` is signed so that a bug (a drop counted
/// twice) shows as a negative number instead of wrapping round.
pub struct LiveCounter {
    name: &'static str,
    live: AtomicI64,
    created: AtomicU64,
    /// Index in `LISTED` + 1 once listed, or one of the states above.
    slot: AtomicUsize,
}

/// Every counter that has counted something, in order of first use.
static LISTED: [OnceLock<&'static LiveCounter>; MAX_COUNTERS] = [const { OnceLock::new() }; MAX_COUNTERS];

impl LiveCounter {
    /// A counter named after the type it counts; use it as a `static`.
    pub const fn new(name: &'static str) -> LiveCounter {
        LiveCounter { name, live: AtomicI64::new(0), created: AtomicU64::new(0), slot: AtomicUsize::new(UNLISTED) }
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Values alive now: created and not yet dropped.
    pub fn live(&self) -> i64 {
        self.live.load(Ordering::Relaxed)
    }

    /// Values created since the process started.
    pub fn created(&self) -> u64 {
        self.created.load(Ordering::Relaxed)
    }

    /// Counts one creation. [`Live`] calls this; call it by hand only if you
    /// also call [`LiveCounter::note_dropped`] exactly once per value.
    pub fn note_created(&'static self) {
        if self.slot.load(Ordering::Acquire) == UNLISTED {
            self.list();
        }
        self.created.fetch_add(1, Ordering::Relaxed);
        self.live.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts one drop.
    pub fn note_dropped(&self) {
        self.live.fetch_sub(1, Ordering::Relaxed);
    }

    /// Enters this counter in `LISTED`. Only the thread that wins the
    /// compare-exchange lists it; a thread that loses carries on counting.
    fn list(&'static self) {
        if self.slot.compare_exchange(UNLISTED, LISTING, Ordering::Acquire, Ordering::Relaxed).is_err() {
            return;
        }
        // `set` fails on a slot another counter already holds: try the next.
        let state = LISTED.iter().position(|slot| slot.set(self).is_ok()).map_or(NO_ROOM, |index| index + 1);
        self.slot.store(state, Ordering::Release);
    }

    /// This counter's numbers now.
    pub fn count(&self) -> LiveCount {
        LiveCount { name: Label::Borrowed(self.name), live: self.live(), created: self.created() }
    }
}

/// Types whose values are counted: names the counter for the type.
pub trait LiveType {
    fn live_counter() -> &'static LiveCounter;
}

/// A zero-sized guard: counts a creation when made (or cloned) and a drop
/// when dropped. Put one in a struct as a field (`_live: Live<Self>`) and
/// every value of the struct is counted, however it is moved or stored.
pub struct Live<K: LiveType> {
    // `fn() -> K`: no `K` is owned, and the guard stays `Send` and `Sync`.
    kind: PhantomData<fn() -> K>,
}

impl<K: LiveType> Live<K> {
    pub fn new() -> Live<K> {
        K::live_counter().note_created();
        Live { kind: PhantomData }
    }
}

impl<K: LiveType> Default for Live<K> {
    fn default() -> Live<K> {
        Live::new()
    }
}

/// A clone is a new value, so it is counted as a creation.
impl<K: LiveType> Clone for Live<K> {
    fn clone(&self) -> Live<K> {
        Live::new()
    }
}

impl<K: LiveType> Drop for Live<K> {
    fn drop(&mut self) {
        K::live_counter().note_dropped();
    }
}

impl<K: LiveType> std::fmt::Debug for Live<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Live<{}>", K::live_counter().name)
    }
}

/// A value of `T` that is counted while it exists; derefs to the value.
/// For types without a guard field of their own.
#[derive(Clone, Debug)]
pub struct Counted<T: LiveType> {
    value: T,
    _live: Live<T>,
}

impl<T: LiveType> Counted<T> {
    pub fn new(value: T) -> Counted<T> {
        Counted { value, _live: Live::new() }
    }

    /// The value, no longer counted.
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T: LiveType> std::ops::Deref for Counted<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: LiveType> std::ops::DerefMut for Counted<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

/// One counter's numbers at one moment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveCount {
    pub name: Label,
    pub live: i64,
    /// In [`counts`]: since the process started. In a [`LiveCheckpoint`]:
    /// since the last [`begin_checkpoints`].
    pub created: u64,
}

/// Most live first, then by name: the order a leak hunt reads them in.
fn sort_counts(counts: &mut [LiveCount]) {
    // Unstable sort: in place, no scratch buffer.
    counts.sort_unstable_by(|a, b| b.live.cmp(&a.live).then(a.name.cmp(&b.name)));
}

fn listed() -> impl Iterator<Item = (usize, &'static LiveCounter)> {
    LISTED.iter().enumerate().filter_map(|(i, slot)| slot.get().map(|c| (i, *c)))
}

/// Every listed counter, most live first.
pub fn counts() -> Vec<LiveCount> {
    let mut all = Vec::with_capacity(MAX_COUNTERS);
    counts_into(&mut all);
    all
}

/// Like [`counts`], but fills `into`, reusing its buffer: with room for
/// [`MAX_COUNTERS`] rows it allocates nothing, so it can run inside a
/// measurement without changing the figures.
pub fn counts_into(into: &mut Vec<LiveCount>) {
    into.clear();
    into.extend(listed().map(|(_, counter)| counter.count()));
    sort_counts(into);
}

/// The row named `name` in `counts`, if any.
pub fn find<'a>(counts: &'a [LiveCount], name: &str) -> Option<&'a LiveCount> {
    counts.iter().find(|c| c.name == name)
}

/// The leak suspects: every type whose live count grew from `earlier` to
/// `later`, with how much it grew. Allocates nothing.
pub fn growth<'a>(earlier: &'a [LiveCount], later: &'a [LiveCount]) -> impl Iterator<Item = (&'a str, i64)> + 'a {
    later.iter().filter_map(move |now| {
        let before = find(earlier, &now.name).map_or(0, |c| c.live);
        (now.live > before).then_some((now.name.as_ref(), now.live - before))
    })
}

/// The counts recorded by one [`checkpoint`]: counters that hold live
/// values or created some since [`begin_checkpoints`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveCheckpoint {
    pub label: Label,
    pub counts: Vec<LiveCount>,
}

struct Recorder {
    labels: [Cell<&'static str>; MAX_CHECKPOINTS],
    /// `(live, created)` per checkpoint and per `LISTED` slot.
    rows: [[Cell<(i64, u64)>; MAX_COUNTERS]; MAX_CHECKPOINTS],
    len: Cell<usize>,
    /// `created` per slot at `begin_checkpoints`.
    created_before: [Cell<u64>; MAX_COUNTERS],
}

thread_local! {
    static RECORDER: Recorder = const {
        Recorder {
            labels: [const { Cell::new("") }; MAX_CHECKPOINTS],
            rows: [const { [const { Cell::new((0, 0)) }; MAX_COUNTERS] }; MAX_CHECKPOINTS],
            len: Cell::new(0),
            created_before: [const { Cell::new(0) }; MAX_COUNTERS],
        }
    };
}

/// Forgets recorded checkpoints and starts counting creations from now.
pub fn begin_checkpoints() {
    RECORDER.with(|r| {
        r.len.set(0);
        for (slot, before) in r.created_before.iter().enumerate() {
            before.set(LISTED[slot].get().map_or(0, |c| c.created()));
        }
    });
}

/// Records every counter's numbers under `label`, allocating nothing.
/// Returns false, recording nothing, once [`MAX_CHECKPOINTS`] are taken.
pub fn checkpoint(label: &'static str) -> bool {
    RECORDER.with(|r| {
        let index = r.len.get();
        if index == MAX_CHECKPOINTS {
            return false;
        }
        r.labels[index].set(label);
        for (slot, row) in r.rows[index].iter().enumerate() {
            row.set(LISTED[slot].get().map_or((0, 0), |c| (c.live(), c.created())));
        }
        r.len.set(index + 1);
        true
    })
}

/// The checkpoints recorded since [`begin_checkpoints`], in order, and
/// clears them. Allocates: call it outside the measured code.
pub fn take_checkpoints() -> Vec<LiveCheckpoint> {
    let taken = RECORDER.with(|r| {
        (0..r.len.get())
            .map(|index| {
                let mut counts: Vec<LiveCount> = listed()
                    .filter_map(|(slot, counter)| {
                        let (live, created) = r.rows[index][slot].get();
                        // A counter listed after this checkpoint reads (0, 0) here.
                        let created = created.saturating_sub(r.created_before[slot].get());
                        (live != 0 || created != 0).then_some(LiveCount {
                            name: Label::Borrowed(counter.name),
                            live,
                            created,
                        })
                    })
                    .collect();
                sort_counts(&mut counts);
                LiveCheckpoint { label: Label::Borrowed(r.labels[index].get()), counts }
            })
            .collect()
    });
    RECORDER.with(|r| r.len.set(0));
    taken
}

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::measure::measure;

    // Counters are process-wide and tests run in parallel threads, so each
    // test counts its own type with its own counter.

    static WIDGETS: LiveCounter = LiveCounter::new("Widget");
    struct Widget {
        size: u64,
        _live: Live<Widget>,
    }
    impl LiveType for Widget {
        fn live_counter() -> &'static LiveCounter {
            &WIDGETS
        }
    }

    #[test]
    fn guards_count_creations_clones_and_drops() {
        let make = |size| Widget { size, _live: Live::new() };
        let a = make(1);
        let b = make(2);
        let c = make(3);
        assert_eq!((WIDGETS.live(), WIDGETS.created()), (3, 3));
        drop(b);
        assert_eq!((WIDGETS.live(), WIDGETS.created()), (2, 3));
        let clone = a._live.clone();
        assert_eq!((WIDGETS.live(), WIDGETS.created()), (3, 4));
        assert_eq!(a.size + c.size, 4);
        drop((a, c, clone));
        assert_eq!((WIDGETS.live(), WIDGETS.created()), (0, 4));
        let row = find(&counts(), "Widget").cloned();
        assert_eq!(row, Some(LiveCount { name: "Widget".into(), live: 0, created: 4 }));
    }

    static GADGETS: LiveCounter = LiveCounter::new("Gadget");
    #[derive(Clone, Debug)]
    struct Gadget([u64; 3]);
    impl LiveType for Gadget {
        fn live_counter() -> &'static LiveCounter {
            &GADGETS
        }
    }

    #[test]
    fn counting_adds_no_bytes_to_the_value() {
        assert_eq!(size_of::<Live<Gadget>>(), 0);
        assert_eq!(size_of::<Counted<Gadget>>(), size_of::<Gadget>());
        assert_eq!(size_of::<Widget>(), size_of::<u64>());
        let n = 100u64;
        let (gadgets, m) = measure(|| (0..n).map(|i| Counted::new(Gadget([i; 3]))).collect::<Vec<_>>());
        assert_eq!(m.peak_bytes, n * size_of::<Gadget>() as u64);
        assert_eq!(GADGETS.live(), n as i64);
        let copy = gadgets[7].clone();
        assert_eq!(GADGETS.live(), n as i64 + 1);
        // Unwrapped, the value is no longer counted.
        let plain: Gadget = copy.into_inner();
        assert_eq!(plain.0, [7; 3]);
        assert_eq!(GADGETS.live(), n as i64);
        drop(gadgets);
        assert_eq!((GADGETS.live(), GADGETS.created()), (0, n + 1));
    }

    static SPROCKETS: LiveCounter = LiveCounter::new("Sprocket");
    struct Sprocket;
    impl LiveType for Sprocket {
        fn live_counter() -> &'static LiveCounter {
            &SPROCKETS
        }
    }

    #[test]
    fn reading_counts_into_a_buffer_with_room_allocates_nothing() {
        let _one = Counted::new(Sprocket);
        let mut buffer = Vec::with_capacity(MAX_COUNTERS);
        let ((), m) = measure(|| counts_into(&mut buffer));
        assert_eq!((m.allocations, m.allocated_bytes, m.grows), (0, 0, 0));
        assert_eq!(find(&buffer, "Sprocket").map(|c| c.live), Some(1));
        // Most live first.
        assert!(buffer.windows(2).all(|w| w[0].live >= w[1].live));
    }

    static COGS: LiveCounter = LiveCounter::new("Cog");
    static GEARS: LiveCounter = LiveCounter::new("Gear");
    struct Cog;
    impl LiveType for Cog {
        fn live_counter() -> &'static LiveCounter {
            &COGS
        }
    }
    struct Gear;
    impl LiveType for Gear {
        fn live_counter() -> &'static LiveCounter {
            &GEARS
        }
    }

    #[test]
    fn checkpoints_record_live_and_created_since_begin_without_allocating() {
        // Creations before `begin_checkpoints` are not reported as created.
        drop(Counted::new(Cog));
        begin_checkpoints();
        let cogs: Vec<_> = (0..5).map(|_| Counted::new(Cog)).collect();
        let gears: Vec<_> = (0..2).map(|_| Counted::new(Gear)).collect();
        let (recorded, m) = measure(|| checkpoint("built"));
        assert!(recorded);
        assert_eq!(m.allocations, 0);
        drop(cogs);
        checkpoint("cogs dropped");
        drop(gears);
        let taken = take_checkpoints();
        assert_eq!(taken.len(), 2);
        assert_eq!(taken[0].label, "built");
        assert_eq!(find(&taken[0].counts, "Cog").cloned(), Some(LiveCount { name: "Cog".into(), live: 5, created: 5 }));
        assert_eq!(
            find(&taken[0].counts, "Gear").cloned(),
            Some(LiveCount { name: "Gear".into(), live: 2, created: 2 })
        );
        assert_eq!(taken[1].label, "cogs dropped");
        assert_eq!(find(&taken[1].counts, "Cog").cloned(), Some(LiveCount { name: "Cog".into(), live: 0, created: 5 }));
        assert_eq!(find(&taken[1].counts, "Gear").map(|c| c.live), Some(2));
        assert!(take_checkpoints().is_empty(), "taking clears");
    }

    #[test]
    fn checkpoints_stop_at_capacity() {
        begin_checkpoints();
        for _ in 0..MAX_CHECKPOINTS {
            assert!(checkpoint("full"));
        }
        assert!(!checkpoint("one too many"));
        assert_eq!(take_checkpoints().len(), MAX_CHECKPOINTS);
    }

    #[test]
    fn growth_names_the_types_that_grew() {
        let earlier = [
            LiveCount { name: "Report".into(), live: 10, created: 10 },
            LiveCount { name: "Buffer".into(), live: 4, created: 9 },
        ];
        let later = [
            LiveCount { name: "Report".into(), live: 110, created: 110 },
            LiveCount { name: "Buffer".into(), live: 3, created: 12 },
            LiveCount { name: "Session".into(), live: 2, created: 2 },
        ];
        let suspects: Vec<_> = growth(&earlier, &later).collect();
        assert_eq!(suspects, vec![("Report", 100), ("Session", 2)]);
    }
}
