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

// Field order: what every call touches first, so it shares a cache line.
struct State {
    current: Cell<i64>,
    peak: Cell<i64>,
    /// Largest `current` allowed; `i64::MAX` when there is no budget.
    limit: Cell<i64>,
    /// What else must see each event, so that a plain call tests one byte:
    /// the open site's index + 1 in the low bits (0: no site open on this
    /// thread), and [`TIMELINE`] while a timeline records.
    hooks: Cell<u8>,
    allocations: Cell<u64>,
    allocated_bytes: Cell<u64>,
    deallocations: Cell<u64>,
    freed_bytes: Cell<u64>,
    grows: Cell<u64>,
    grown_bytes: Cell<u64>,
    shrinks: Cell<u64>,
    shrunk_bytes: Cell<u64>,
    refused: Cell<u64>,
}

/// The bit of `State::hooks` that says a timeline records.
const TIMELINE: u8 = 0x80;
/// The bits of `State::hooks` that hold the open site's index + 1.
const SITE: u8 = !TIMELINE;
const _: () = assert!(sites::MAX_SITES <= SITE as usize, "a site index + 1 must fit below the TIMELINE bit");

thread_local! {
    static STATE: State = const {
        State {
            current: Cell::new(0),
            peak: Cell::new(0),
            limit: Cell::new(i64::MAX),
            hooks: Cell::new(0),
            allocations: Cell::new(0),
            allocated_bytes: Cell::new(0),
            deallocations: Cell::new(0),
            freed_bytes: Cell::new(0),
            grows: Cell::new(0),
            grown_bytes: Cell::new(0),
            shrinks: Cell::new(0),
            shrunk_bytes: Cell::new(0),
            refused: Cell::new(0),
        }
    };
}

#[inline(always)]
fn bump(cell: &Cell<u64>, by: u64) {
    cell.set(cell.get().wrapping_add(by));
}

// The hot path: each allocator call reads the thread-local state once, and
// the budget check computes the live bytes the call would leave, which are
// then stored as they are. Sites and the timeline are reached through one
// test of `hooks` (plus, for frees, one relaxed load saying whether any
// block is traced at all).
impl State {
    /// Live bytes after adding `extra`, if that stays within the budget;
    /// counts a refusal otherwise.
    #[inline(always)]
    fn admit(&self, extra: usize) -> Option<i64> {
        let now = self.current.get().saturating_add(extra as i64);
        if now <= self.limit.get() {
            Some(now)
        } else {
            self.refuse();
            None
        }
    }

    #[cold]
    fn refuse(&self) {
        bump(&self.refused, 1);
    }

    /// Sets the live bytes to `now`, raising the peak with them.
    #[inline(always)]
    fn rise_to(&self, now: i64) {
        self.current.set(now);
        self.peak.set(self.peak.get().max(now));
    }

    /// Lowers the live bytes by `size`. The peak needs no test: `current`
    /// never exceeds it (every rise raises it, `reset_peak` sets it to
    /// `current`, `restore_peak` only raises it).
    #[inline(always)]
    fn fall_by(&self, size: usize) -> i64 {
        let now = self.current.get() - size as i64;
        self.current.set(now);
        debug_assert!(now <= self.peak.get());
        now
    }

    #[inline(always)]
    fn on_alloc(&self, ptr: *mut u8, size: usize, now: i64) {
        bump(&self.allocations, 1);
        bump(&self.allocated_bytes, size as u64);
        self.rise_to(now);
        let hooks = self.hooks.get();
        if hooks != 0 {
            alloc_hooks(hooks, ptr, size, now);
        }
    }

    #[inline(always)]
    fn on_dealloc(&self, ptr: *mut u8, size: usize) {
        bump(&self.deallocations, 1);
        bump(&self.freed_bytes, size as u64);
        let now = self.fall_by(size);
        if self.hooks.get() & TIMELINE != 0 {
            record(now);
        }
        sites::on_dealloc(ptr as usize);
    }

    #[inline(always)]
    fn on_realloc(&self, old_ptr: *mut u8, old_size: usize, new_ptr: *mut u8, new_size: usize, now: i64) {
        if new_size >= old_size {
            bump(&self.grows, 1);
            bump(&self.grown_bytes, (new_size - old_size) as u64);
            self.rise_to(now);
        } else {
            bump(&self.shrinks, 1);
            bump(&self.shrunk_bytes, (old_size - new_size) as u64);
            self.current.set(now);
        }
        let hooks = self.hooks.get();
        if hooks & TIMELINE != 0 {
            record(now);
        }
        sites::on_realloc(old_ptr as usize, new_ptr as usize, new_size, hooks & SITE);
    }
}

/// An allocation while a site is open or a timeline records.
#[inline(never)]
fn alloc_hooks(hooks: u8, ptr: *mut u8, size: usize, now: i64) {
    if hooks & TIMELINE != 0 {
        super::timeline::record(now);
    }
    let site = hooks & SITE;
    if site != 0 {
        sites::on_alloc(ptr as usize, size, site);
    }
}

/// The timeline's point for one event, out of line: it runs only while a
/// timeline records.
#[inline(never)]
fn record(now: i64) {
    super::timeline::record(now);
}

// SAFETY: every method forwards to `inner` with the caller's arguments
// unchanged and returns its result unchanged (or null, before calling
// `inner`, when the budget refuses), so `inner`'s guarantees hold; the
// bookkeeping around it touches only thread-local cells and the site table,
// never the memory being managed, and never allocates.
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingAlloc<A> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        STATE.with(|s| {
            let Some(now) = s.admit(layout.size()) else { return std::ptr::null_mut() };
            // SAFETY: same contract as our caller's; forwarded unchanged.
            let ptr = unsafe { self.inner.alloc(layout) };
            if !ptr.is_null() {
                s.on_alloc(ptr, layout.size(), now);
            }
            ptr
        })
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        STATE.with(|s| {
            let Some(now) = s.admit(layout.size()) else { return std::ptr::null_mut() };
            // SAFETY: same contract as our caller's; forwarded unchanged.
            let ptr = unsafe { self.inner.alloc_zeroed(layout) };
            if !ptr.is_null() {
                s.on_alloc(ptr, layout.size(), now);
            }
            ptr
        })
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // Counted (and taken off its site) before the block is freed, so no
        // other thread can be handed the same address while it is traced.
        STATE.with(|s| s.on_dealloc(ptr, layout.size()));
        // SAFETY: `ptr` was returned by `inner` (all our allocations come
        // from it) with this `layout`, as our caller guarantees.
        unsafe { self.inner.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        STATE.with(|s| {
            let old_size = layout.size();
            let now = if new_size > old_size {
                let Some(now) = s.admit(new_size - old_size) else { return std::ptr::null_mut() };
                now
            } else {
                s.current.get() - (old_size - new_size) as i64
            };
            // SAFETY: same contract as our caller's; forwarded unchanged.
            let new_ptr = unsafe { self.inner.realloc(ptr, layout, new_size) };
            if !new_ptr.is_null() {
                s.on_realloc(ptr, old_size, new_ptr, new_size, now);
            }
            new_ptr
        })
    }
}

/// The open site's index + 1 (0: none) becomes `site`; returns the one
/// before.
pub(super) fn replace_site(site: u8) -> u8 {
    debug_assert!(site & TIMELINE == 0);
    STATE.with(|s| {
        let hooks = s.hooks.get();
        s.hooks.set((hooks & TIMELINE) | site);
        hooks & SITE
    })
}

/// Starts or stops sending every event to the timeline.
pub(super) fn set_timeline(on: bool) {
    STATE.with(|s| {
        let hooks = s.hooks.get() & SITE;
        s.hooks.set(if on { hooks | TIMELINE } else { hooks });
    })
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
