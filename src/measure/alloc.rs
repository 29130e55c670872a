//! The counting global allocator.
//!
//! It wraps another [`GlobalAlloc`] (the system allocator by default) and
//! counts, per thread, every call by kind (alloc, dealloc, grow, shrink) and
//! the bytes each one requested. Nothing here allocates: the counters are
//! `Cell`s in constant-initialised thread locals with no destructor, which the
//! standard library reads without allocating or registering anything.
//!
//! Bytes are the sizes the program *asked for* (`Layout::size`), not what the
//! underlying allocator spends on its own bookkeeping.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use super::sites;

/// Wraps an allocator and counts what passes through it. Install it as the
/// global allocator; then [`super::measure`] sees every allocation:
///
/// ```
/// use heapwise::measure::{measure, CountingAlloc};
///
/// #[global_allocator]
/// static ALLOC: CountingAlloc = CountingAlloc::system();
///
/// fn main() {
///     let (kept, m) = measure(|| vec![0u64; 100]);
///     assert_eq!(m.peak_bytes, 100 * 8);
///     assert_eq!(m.retained_bytes, 800, "the vector is still held");
///     assert_eq!(m.allocations, 1);
///     drop(kept);
/// }
/// ```
pub struct CountingAlloc<A = System> {
    inner: A,
}

impl CountingAlloc<System> {
    /// Counting over the platform's default allocator.
    pub const fn system() -> Self {
        CountingAlloc { inner: System }
    }
}

impl<A> CountingAlloc<A> {
    /// Counting over any other allocator.
    pub const fn new(inner: A) -> Self {
        CountingAlloc { inner }
    }
}

/// Running totals for the current thread. Deltas of these are what
/// [`super::measure`] reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counters {
    /// Bytes currently held (allocated and not yet freed) by this thread.
    /// Signed: a thread may free memory another thread allocated.
    pub current_bytes: i64,
    /// Highest `current_bytes` since the last [`reset_peak`].
    pub peak_bytes: i64,
    pub allocations: u64,
    pub deallocations: u64,
    pub grows: u64,
    pub shrinks: u64,
    /// Bytes requested by fresh allocations.
    pub allocated_bytes: u64,
    /// Bytes added by growing reallocations.
    pub grown_bytes: u64,
    /// Bytes returned by deallocations.
    pub freed_bytes: u64,
    /// Bytes given back by shrinking reallocations.
    pub shrunk_bytes: u64,
    /// Allocations refused because they would pass the [`set_limit`] budget.
    pub refused: u64,
}

struct State {
    current: Cell<i64>,
    peak: Cell<i64>,
    allocations: Cell<u64>,
    deallocations: Cell<u64>,
    grows: Cell<u64>,
    shrinks: Cell<u64>,
    allocated_bytes: Cell<u64>,
    grown_bytes: Cell<u64>,
    freed_bytes: Cell<u64>,
    shrunk_bytes: Cell<u64>,
    refused: Cell<u64>,
    /// Largest `current` allowed; `i64::MAX` when there is no budget.
    limit: Cell<i64>,
}

thread_local! {
    static STATE: State = const {
        State {
            current: Cell::new(0),
            peak: Cell::new(0),
            allocations: Cell::new(0),
            deallocations: Cell::new(0),
            grows: Cell::new(0),
            shrinks: Cell::new(0),
            allocated_bytes: Cell::new(0),
            grown_bytes: Cell::new(0),
            freed_bytes: Cell::new(0),
            shrunk_bytes: Cell::new(0),
            refused: Cell::new(0),
            limit: Cell::new(i64::MAX),
        }
    };
}

fn bump(cell: &Cell<u64>, by: u64) {
    cell.set(cell.get().wrapping_add(by));
}

fn add_current(state: &State, delta: i64) {
    let now = state.current.get() + delta;
    state.current.set(now);
    if now > state.peak.get() {
        state.peak.set(now);
    }
    super::timeline::record(now);
}

/// True if growing the current thread's live bytes by `extra` stays within
/// the budget; counts a refusal otherwise.
fn within_limit(extra: usize) -> bool {
    STATE.with(|s| {
        let ok = s.current.get().saturating_add(extra as i64) <= s.limit.get();
        if !ok {
            bump(&s.refused, 1);
        }
        ok
    })
}

fn on_alloc(ptr: *mut u8, size: usize) {
    STATE.with(|s| {
        bump(&s.allocations, 1);
        bump(&s.allocated_bytes, size as u64);
        add_current(s, size as i64);
    });
    sites::on_alloc(ptr as usize, size);
}

fn on_dealloc(ptr: *mut u8, size: usize) {
    STATE.with(|s| {
        bump(&s.deallocations, 1);
        bump(&s.freed_bytes, size as u64);
        add_current(s, -(size as i64));
    });
    sites::on_dealloc(ptr as usize);
}

fn on_realloc(old_ptr: *mut u8, old_size: usize, new_ptr: *mut u8, new_size: usize) {
    STATE.with(|s| {
        if new_size >= old_size {
            bump(&s.grows, 1);
            bump(&s.grown_bytes, (new_size - old_size) as u64);
        } else {
            bump(&s.shrinks, 1);
            bump(&s.shrunk_bytes, (old_size - new_size) as u64);
        }
        add_current(s, new_size as i64 - old_size as i64);
    });
    sites::on_realloc(old_ptr as usize, new_ptr as usize, new_size);
}

// SAFETY: every method forwards to `inner` with the caller's arguments
// unchanged and returns its result unchanged, so `inner`'s guarantees hold;
// the bookkeeping around it touches only thread-local cells and the site
// table, never the memory being managed, and never allocates.
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingAlloc<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !within_limit(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: same contract as our caller's; forwarded unchanged.
        let ptr = unsafe { self.inner.alloc(layout) };
        if !ptr.is_null() {
            on_alloc(ptr, layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !within_limit(layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: same contract as our caller's; forwarded unchanged.
        let ptr = unsafe { self.inner.alloc_zeroed(layout) };
        if !ptr.is_null() {
            on_alloc(ptr, layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        on_dealloc(ptr, layout.size());
        // SAFETY: `ptr` was returned by `inner` (all our allocations come
        // from it) with this `layout`, as our caller guarantees.
        unsafe { self.inner.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() && !within_limit(new_size - layout.size()) {
            return std::ptr::null_mut();
        }
        // SAFETY: same contract as our caller's; forwarded unchanged.
        let new_ptr = unsafe { self.inner.realloc(ptr, layout, new_size) };
        if !new_ptr.is_null() {
            on_realloc(ptr, layout.size(), new_ptr, new_size);
        }
        new_ptr
    }
}

/// The current thread's counters.
pub fn counters() -> Counters {
    STATE.with(|s| Counters {
        current_bytes: s.current.get(),
        peak_bytes: s.peak.get(),
        allocations: s.allocations.get(),
        deallocations: s.deallocations.get(),
        grows: s.grows.get(),
        shrinks: s.shrinks.get(),
        allocated_bytes: s.allocated_bytes.get(),
        grown_bytes: s.grown_bytes.get(),
        freed_bytes: s.freed_bytes.get(),
        shrunk_bytes: s.shrunk_bytes.get(),
        refused: s.refused.get(),
    })
}

/// Sets the peak to the current live bytes and returns the old peak.
pub(crate) fn reset_peak() -> i64 {
    STATE.with(|s| s.peak.replace(s.current.get()))
}

/// Raises the peak back to at least `peak` (used when nested measurements end).
pub(crate) fn restore_peak(peak: i64) {
    STATE.with(|s| {
        if peak > s.peak.get() {
            s.peak.set(peak)
        }
    })
}

/// Caps the bytes this thread may hold *above what it holds now*; `None`
/// removes the cap. An allocation past the cap fails as if memory ran out,
/// which in Rust aborts the program: the worker uses this to make a run that
/// exhausts memory fail early and predictably.
pub fn set_limit(extra_bytes: Option<u64>) {
    STATE.with(|s| {
        let limit = match extra_bytes {
            Some(extra) => s.current.get().saturating_add(extra.min(i64::MAX as u64) as i64),
            None => i64::MAX,
        };
        s.limit.set(limit);
    })
}
