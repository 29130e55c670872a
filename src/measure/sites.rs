//! Allocation sites: labelled scopes that attribute live bytes and blocks to
//! the code that allocated them, the way `tracemalloc` attributes them to a
//! line of Python.
//!
//! While a [`site`] guard is alive on a thread, every block that thread
//! allocates is entered in a fixed-size address table under the guard's
//! label. When a block is freed, from any scope, it is looked up and taken
//! off the site that allocated it, so a snapshot shows what each site still
//! holds. A reallocation moves the block to the site current at that moment,
//! as `tracemalloc` does. The table and the per-site totals are process-wide
//! and guarded by a spin lock (no allocation is possible inside the
//! allocator); take snapshots from one thread at a time.

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use super::Label;

/// How many distinct labels a process may use.
pub const MAX_SITES: usize = 64;
/// How many live blocks the table can follow at once; blocks past this are
/// counted in [`Snapshot::untracked_blocks`] and not attributed.
pub const TABLE_CAPACITY: usize = 1 << TABLE_BITS;
const TABLE_BITS: u32 = 18;

#[derive(Clone, Copy)]
struct Entry {
    ptr: usize,
    size: usize,
    site: u8,
}

const EMPTY: Entry = Entry { ptr: 0, size: 0, site: 0 };

struct Table {
    labels: [Option<&'static str>; MAX_SITES],
    live_bytes: [i64; MAX_SITES],
    live_blocks: [i64; MAX_SITES],
    entries: [Entry; TABLE_CAPACITY],
    untracked: u64,
}

struct Locked {
    busy: AtomicBool,
    table: UnsafeCell<Table>,
}

// SAFETY: `table` is only reached through `with_table`, which holds `busy`
// for the whole access, so no two threads touch it at once.
unsafe impl Sync for Locked {}

static TABLE: Locked = Locked {
    busy: AtomicBool::new(false),
    table: UnsafeCell::new(Table {
        labels: [None; MAX_SITES],
        live_bytes: [0; MAX_SITES],
        live_blocks: [0; MAX_SITES],
        entries: [EMPTY; TABLE_CAPACITY],
        untracked: 0,
    }),
};

/// Number of entries in the table; lets frees skip the lock when it is empty.
static TRACKED: AtomicUsize = AtomicUsize::new(0);

// The site open on this thread (the innermost live guard's index + 1, 0 for
// none) lives in the allocator's own thread-local state
// (`super::alloc::replace_site`), so an allocation learns whether it has a
// site without reading a second thread local.

fn with_table<R>(f: impl FnOnce(&mut Table) -> R) -> R {
    while TABLE.busy.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
        std::hint::spin_loop();
    }
    // SAFETY: `busy` is held, so this is the only reference to the table.
    let result = f(unsafe { &mut *TABLE.table.get() });
    TABLE.busy.store(false, Ordering::Release);
    result
}

/// Blocks in one stretch of `16 << GROUP_BITS` bytes of memory have their
/// home slots in one group of neighbouring slots (one slot per 16 bytes), so
/// blocks allocated one after another are entered one after another, in the
/// same few cache lines, instead of each costing a cache miss somewhere in a
/// table of several MiB.
const GROUP_BITS: u32 = 6;

fn slot_of(ptr: usize) -> usize {
    let ptr = ptr as u64;
    // Fibonacci hashing spreads the stretches over the table: the product's
    // high bits mix every bit of the stretch's address.
    let group = (ptr >> (4 + GROUP_BITS)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - (TABLE_BITS - GROUP_BITS));
    ((group << GROUP_BITS) | ((ptr >> 4) & ((1 << GROUP_BITS) - 1))) as usize
}

impl Table {
    fn find(&self, ptr: usize) -> Option<usize> {
        let mut i = slot_of(ptr);
        loop {
            let e = self.entries[i];
            if e.ptr == 0 {
                return None;
            }
            if e.ptr == ptr {
                return Some(i);
            }
            i = (i + 1) & (TABLE_CAPACITY - 1);
        }
    }

    fn insert(&mut self, ptr: usize, size: usize, site: u8) {
        // Keep one slot free so lookups always meet an empty slot.
        if TRACKED.load(Ordering::Relaxed) + 1 >= TABLE_CAPACITY {
            self.untracked += 1;
            return;
        }
        let mut i = slot_of(ptr);
        while self.entries[i].ptr != 0 {
            i = (i + 1) & (TABLE_CAPACITY - 1);
        }
        self.entries[i] = Entry { ptr, size, site };
        TRACKED.fetch_add(1, Ordering::Relaxed);
        let s = site as usize - 1;
        self.live_bytes[s] += size as i64;
        self.live_blocks[s] += 1;
    }

    /// Removes the entry for `ptr`, if any, and takes it off its site.
    fn remove(&mut self, ptr: usize) {
        let Some(mut hole) = self.find(ptr) else { return };
        let gone = self.entries[hole];
        let s = gone.site as usize - 1;
        self.live_bytes[s] -= gone.size as i64;
        self.live_blocks[s] -= 1;
        // Backward-shift deletion keeps linear probing chains unbroken.
        let mut i = hole;
        loop {
            i = (i + 1) & (TABLE_CAPACITY - 1);
            let e = self.entries[i];
            if e.ptr == 0 {
                break;
            }
            let home = slot_of(e.ptr);
            let dist_hole = hole.wrapping_sub(home) & (TABLE_CAPACITY - 1);
            let dist_here = i.wrapping_sub(home) & (TABLE_CAPACITY - 1);
            if dist_hole < dist_here {
                self.entries[hole] = e;
                hole = i;
            }
        }
        self.entries[hole] = EMPTY;
        TRACKED.fetch_sub(1, Ordering::Relaxed);
    }
}

/// A block allocated while `site` (index + 1, never 0) is open.
pub(super) fn on_alloc(ptr: usize, size: usize, site: u8) {
    with_table(|t| t.insert(ptr, size, site));
}

/// A block about to be freed: one relaxed load when nothing is traced.
#[inline(always)]
pub(super) fn on_dealloc(ptr: usize) {
    if TRACKED.load(Ordering::Relaxed) != 0 {
        forget(ptr);
    }
}

#[inline(never)]
fn forget(ptr: usize) {
    with_table(|t| t.remove(ptr));
}

/// A block moved by a reallocation while `site` (index + 1, 0 for none) is
/// open.
#[inline(always)]
pub(super) fn on_realloc(old_ptr: usize, new_ptr: usize, new_size: usize, site: u8) {
    if site != 0 || TRACKED.load(Ordering::Relaxed) != 0 {
        moved(old_ptr, new_ptr, new_size, site);
    }
}

#[inline(never)]
fn moved(old_ptr: usize, new_ptr: usize, new_size: usize, site: u8) {
    with_table(|t| {
        t.remove(old_ptr);
        if site != 0 {
            t.insert(new_ptr, new_size, site);
        }
    });
}

/// While alive, attributes this thread's allocations to `label`.
#[must_use = "the site ends when the guard is dropped"]
pub struct SiteGuard {
    previous: u8,
}

impl Drop for SiteGuard {
    fn drop(&mut self) {
        super::alloc::replace_site(self.previous);
    }
}

/// Opens an allocation site. Guards nest; the innermost one wins.
///
/// # Panics
/// If more than [`MAX_SITES`] distinct labels are used in one process.
pub fn site(label: &'static str) -> SiteGuard {
    let index = with_table(|t| {
        let mut free = None;
        for (i, slot) in t.labels.iter().enumerate() {
            match slot {
                Some(l) if *l == label => return Some(i),
                None if free.is_none() => free = Some(i),
                _ => {}
            }
        }
        let i = free?;
        t.labels[i] = Some(label);
        Some(i)
    })
    .unwrap_or_else(|| panic!("more than {MAX_SITES} allocation-site labels"));
    let previous = super::alloc::replace_site(index as u8 + 1);
    SiteGuard { previous }
}

/// Runs `f` with no site current, so bookkeeping allocations are not traced.
fn untraced<R>(f: impl FnOnce() -> R) -> R {
    let previous = super::alloc::replace_site(0);
    let result = f();
    super::alloc::replace_site(previous);
    result
}

/// What one site holds at the moment of a snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteStat {
    pub label: Label,
    pub bytes: i64,
    pub blocks: i64,
}

/// Live bytes and blocks per site, biggest first, under a label saying when
/// it was taken (empty for an unlabelled [`snapshot`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub label: Label,
    pub sites: Vec<SiteStat>,
    /// Blocks allocated inside a site while the table was full.
    pub untracked_blocks: u64,
}

/// How one site changed between two snapshots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteDiff {
    pub label: Label,
    pub bytes: i64,
    pub bytes_diff: i64,
    pub blocks: i64,
    pub blocks_diff: i64,
}

/// Takes a snapshot of every site that holds something.
pub fn snapshot() -> Snapshot {
    let mut snap = untraced(|| Snapshot { sites: Vec::with_capacity(MAX_SITES), ..Snapshot::default() });
    snapshot_into(&mut snap);
    snap
}

/// Like [`snapshot`], but fills `into`, reusing its buffer: with room for
/// [`MAX_SITES`] rows it allocates nothing, so it can run inside a
/// measurement without changing the figures.
pub fn snapshot_into(into: &mut Snapshot) {
    let mut copy = [(None::<&'static str>, 0i64, 0i64); MAX_SITES];
    let untracked = with_table(|t| {
        for (i, slot) in copy.iter_mut().enumerate() {
            *slot = (t.labels[i], t.live_bytes[i], t.live_blocks[i]);
        }
        t.untracked
    });
    untraced(|| {
        into.sites.clear();
        into.sites.extend(copy.iter().filter_map(|&(label, bytes, blocks)| {
            let label = label?;
            (bytes != 0 || blocks != 0).then_some(SiteStat { label: Label::Borrowed(label), bytes, blocks })
        }));
        // Unstable sort: in place, no scratch buffer.
        into.sites.sort_unstable_by(|a, b| b.bytes.cmp(&a.bytes).then(a.label.cmp(&b.label)));
        into.untracked_blocks = untracked;
    })
}

/// Forgets every traced block and zeroes every site (labels stay registered).
pub fn reset() {
    with_table(|t| {
        // The table is large; when nothing is tracked it is already empty.
        if TRACKED.load(Ordering::Relaxed) != 0 {
            t.entries.fill(EMPTY);
        }
        t.live_bytes = [0; MAX_SITES];
        t.live_blocks = [0; MAX_SITES];
        t.untracked = 0;
        TRACKED.store(0, Ordering::Relaxed);
    });
}

impl Snapshot {
    /// The `n` biggest sites.
    pub fn top(&self, n: usize) -> &[SiteStat] {
        &self.sites[..n.min(self.sites.len())]
    }

    /// Bytes held by `label`, 0 if it holds nothing.
    pub fn bytes_of(&self, label: &str) -> i64 {
        self.sites.iter().find(|s| s.label == label).map_or(0, |s| s.bytes)
    }

    /// Bytes and blocks held by `label`, zeros if it holds nothing.
    pub fn site(&self, label: &str) -> (i64, i64) {
        self.sites.iter().find(|s| s.label == label).map_or((0, 0), |s| (s.bytes, s.blocks))
    }

    /// Per-site change from `earlier` to `self`: every site present in
    /// either snapshot unless unchanged, largest growth first (ties by label).
    pub fn diff(&self, earlier: &Snapshot) -> Vec<SiteDiff> {
        untraced(|| {
            let mut labels: Vec<&Label> = self.sites.iter().chain(&earlier.sites).map(|s| &s.label).collect();
            // At most 2 × MAX_SITES: one insertion sort, not std's (whose
            // code the page would carry for this one call; see short_sort).
            crate::short_sort::sort_by(&mut labels, |a, b| a.cmp(b));
            labels.dedup();
            let mut diffs: Vec<SiteDiff> = labels
                .into_iter()
                .map(|label| {
                    let (bytes, blocks) = self.site(label);
                    let (old_bytes, old_blocks) = earlier.site(label);
                    SiteDiff {
                        label: label.clone(),
                        bytes,
                        bytes_diff: bytes - old_bytes,
                        blocks,
                        blocks_diff: blocks - old_blocks,
                    }
                })
                .filter(|d| d.bytes_diff != 0 || d.blocks_diff != 0)
                .collect();
            crate::short_sort::sort_by(&mut diffs, |a, b| {
                b.bytes_diff.cmp(&a.bytes_diff).then_with(|| a.label.cmp(&b.label))
            });
            diffs
        })
    }
}
