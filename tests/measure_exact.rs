// Calls the raw allocator directly (`alloc`, `realloc`, `dealloc`) to test it.
#![allow(unsafe_code)]
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

// Exact figures from the measuring core, natively and in the browser.
//
// Every expected byte count is derived from `size_of` (pointers are 4 bytes
// on wasm32 and 8 natively), or from capacities the standard library reports
// while the test runs; no size is typed in. Each test states what bug it
// would catch.
//
// Counters are per thread, so plain `measure` tests run in parallel; the
// site table is process-wide, so tests that open sites hold [`LOCK`].

use std::alloc::{alloc, alloc_zeroed, dealloc, realloc, Layout};
use std::hint::black_box;
use std::mem::size_of;
use std::rc::Rc;
use std::sync::{Mutex, MutexGuard};

use heapwise::exercise::{Params, Probe, Variant, PROBE_CAPACITY};
use heapwise::measure::{
    self, counters, measure, record_timeline, set_limit, site, sites, SiteDiff, SiteStat, Snapshot, MAX_POINTS,
};
use heapwise::run::run_variant;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[global_allocator]
static ALLOC: heapwise::measure::CountingAlloc = heapwise::measure::CountingAlloc::system();

/// Held by every test that opens allocation sites or takes snapshots.
static LOCK: Mutex<()> = Mutex::new(());

/// Takes [`LOCK`] (a test that failed while holding it must not fail the
/// others) and clears the site table, so a test sees only its own blocks.
fn sites_to_myself() -> MutexGuard<'static, ()> {
    let guard = LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    sites::reset();
    guard
}

fn bytes_of<T>() -> u64 {
    size_of::<T>() as u64
}

/// A vector of exactly `bytes` bytes, kept alive by the caller.
fn block(bytes: usize) -> Vec<u8> {
    black_box(Vec::with_capacity(bytes))
}

// ---------------------------------------------------------------------------
// Plain measurements
// ---------------------------------------------------------------------------

/// Catches: wrong sizes recorded, an allocation counted twice, a dealloc not
/// counted, or `measure` itself allocating inside the measurement.
#[test]
fn a_vec_with_capacity_costs_exactly_its_elements() {
    let n: u64 = 100_000;
    let ((), m) = measure(|| {
        let v: Vec<f64> = Vec::with_capacity(n as usize);
        black_box(&v);
    });
    let expected = n * bytes_of::<f64>();
    assert_eq!(m.peak_bytes, expected, "peak of Vec<f64>::with_capacity({n})");
    assert_eq!(m.allocated_bytes, expected, "bytes requested");
    assert_eq!(m.allocations, 1, "one buffer");
    assert_eq!(m.deallocations, 1, "the buffer is freed when the vector drops");
    assert_eq!((m.grows, m.shrinks), (0, 0));
    assert_eq!(m.retained_bytes, 0, "nothing is held once the vector dropped");
}

fn box_costs_its_type<T>(make: impl FnOnce() -> T) {
    let (boxed, m) = measure(|| Box::new(make()));
    let what = std::any::type_name::<T>();
    assert_eq!(m.peak_bytes, bytes_of::<T>(), "peak of Box<{what}>");
    assert_eq!(m.retained_bytes, bytes_of::<T>() as i64, "Box<{what}> kept alive");
    assert_eq!(m.allocations, 1, "Box<{what}> is one allocation");
    drop(black_box(boxed));
}

/// Catches: a box's size taken from anything but its layout (padding and
/// pointer width included: `(u8, u64)` and `String` differ by target).
#[test]
fn a_box_costs_exactly_its_type() {
    box_costs_its_type(|| 7u64);
    box_costs_its_type(|| [3u16; 37]);
    box_costs_its_type(|| (1u8, 2u64));
    // An empty String is three words (pointer, capacity, length) on the heap
    // and allocates no text.
    box_costs_its_type(String::new);
}

/// Catches: string text counted with a terminator or a rounded capacity.
#[test]
fn a_string_from_a_literal_costs_its_length() {
    let text = "memory is measured, never asserted";
    let (s, m) = measure(|| String::from(black_box(text)));
    assert_eq!(s.capacity(), text.len());
    assert_eq!(m.peak_bytes, text.len() as u64);
    assert_eq!(m.allocated_bytes, text.len() as u64);
    assert_eq!(m.retained_bytes, text.len() as i64);
    assert_eq!(m.allocations, 1);
}

/// Catches: a growing realloc counted as a fresh allocation, growth left out
/// of `allocated_bytes`, or a realloc counted as a free.
#[test]
fn a_string_grown_by_push_str_counts_each_growth() {
    const PIECES: [&str; 8] = ["a", "bc", "defgh", "ijklmnopqrst", "uvwxyz0123456789", "-", "....", "the end"];
    // Capacities seen after each piece; a fixed array, so recording allocates nothing.
    let ((s, capacities), m) = measure(|| {
        let mut s = String::new();
        let mut capacities = [0usize; PIECES.len()];
        for (piece, seen) in PIECES.iter().zip(capacities.iter_mut()) {
            s.push_str(black_box(piece));
            *seen = s.capacity();
        }
        (s, capacities)
    });
    let mut distinct = capacities.to_vec();
    distinct.dedup();
    let growths = distinct.len() as u64 - 1;
    let final_capacity = *distinct.last().unwrap() as u64;
    assert!(growths >= 2, "the pieces should make the string grow at least twice: {capacities:?}");
    assert_eq!(m.allocations, 1, "only the first piece allocates; capacities {capacities:?}");
    assert_eq!(m.grows, growths, "every later capacity change is a growing realloc: {capacities:?}");
    assert_eq!(m.deallocations, 0, "a realloc is not a free");
    // First allocation plus every increase = the final capacity.
    assert_eq!(m.allocated_bytes, final_capacity, "first block plus each growth: {capacities:?}");
    assert_eq!(m.peak_bytes, final_capacity);
    assert_eq!(m.retained_bytes, final_capacity as i64);
    assert_eq!(s.len(), PIECES.iter().map(|p| p.len()).sum::<usize>());
}

/// Catches: per-element allocations missed or the outer buffer counted at
/// the wrong width.
#[test]
fn a_vec_of_boxes_is_one_buffer_plus_one_block_per_item() {
    let n: u64 = 1_000;
    let (boxes, m) = measure(|| (0..n).map(Box::new).collect::<Vec<Box<u64>>>());
    let expected = n * bytes_of::<u64>() + n * bytes_of::<Box<u64>>();
    assert_eq!(m.allocations, n + 1);
    assert_eq!(m.peak_bytes, expected);
    assert_eq!(m.retained_bytes, expected as i64);
    assert_eq!(m.allocated_bytes, expected);
    // Freeing what existed before the measurement makes retained negative.
    let ((), freed) = measure(|| drop(boxes));
    assert_eq!(freed.deallocations, n + 1);
    assert_eq!(freed.retained_bytes, -(expected as i64));
    assert_eq!(freed.peak_bytes, 0, "freeing never raises the peak");
    assert_eq!(freed.allocations, 0);
}

/// The layout `Rc::new` allocates: two counts, then the value, in C order.
#[repr(C)]
struct RcMirror<T> {
    strong: usize,
    weak: usize,
    value: T,
}

fn rc_costs_counts_and_value<T>(value: T) {
    let what = std::any::type_name::<T>();
    let (rc, m) = measure(|| Rc::new(value));
    assert_eq!(m.peak_bytes, bytes_of::<RcMirror<T>>(), "Rc<{what}>: two usize counts + value, aligned");
    assert_eq!(m.allocations, 1, "Rc<{what}>");
    let (copy, cloned) = measure(|| Rc::clone(&rc));
    assert_eq!(cloned.allocations, 0, "cloning an Rc<{what}> only bumps a count");
    drop((copy, rc));
}

/// Catches: Rc's counts or padding left out of the figure.
#[test]
fn an_rc_costs_two_counts_plus_its_value_with_alignment() {
    // Padding is real: one byte of value still rounds up to a whole word.
    assert!(bytes_of::<RcMirror<u8>>() > 2 * bytes_of::<usize>() + 1);
    rc_costs_counts_and_value(9u8);
    rc_costs_counts_and_value([1u8; 3]);
    rc_costs_counts_and_value(5u64);
    rc_costs_counts_and_value(11u128);
    rc_costs_counts_and_value(String::from("x"));
}

/// Catches: peak confused with retained, the peak not taken at the maximum,
/// or the zeroed-allocation path (`vec![0; n]`) not counted.
#[test]
fn peak_and_retained_are_different_figures() {
    const MIB: usize = 1 << 20;
    const KEPT: usize = 10;
    // The big block is gone before the small one arrives.
    let (kept, m) = measure(|| {
        let big = vec![0u8; MIB];
        black_box(&big);
        drop(big);
        block(KEPT)
    });
    assert_eq!(m.peak_bytes, MIB as u64);
    assert_eq!(m.retained_bytes, KEPT as i64);
    assert!(m.peak_bytes >= m.retained_bytes as u64);
    assert_eq!((m.allocations, m.deallocations), (2, 1));
    drop(kept);
    // The small block is held while the big one exists: both count.
    let (kept, m) = measure(|| {
        let small = block(KEPT);
        let big = vec![0u8; MIB];
        black_box(&big);
        small
    });
    assert_eq!(m.peak_bytes, (MIB + KEPT) as u64);
    assert_eq!(m.retained_bytes, KEPT as i64);
    drop(kept);
}

/// Catches: grows and shrinks swapped or counted as allocations and frees,
/// and the byte totals of each kind.
#[test]
fn every_kind_of_event_is_counted_apart() {
    let item = bytes_of::<u32>();
    let before = counters();
    let ((grown, shrunk), m) = measure(|| {
        let mut v: Vec<u32> = Vec::with_capacity(4);
        v.extend([1, 2, 3, 4, 5]);
        let grown = v.capacity();
        v.shrink_to_fit();
        let shrunk = v.capacity();
        black_box(&v);
        (grown as u64, shrunk as u64)
    });
    let after = counters();
    assert_eq!(shrunk, 5);
    assert!(grown > 5, "pushing past capacity 4 grows the buffer");
    assert_eq!(m.allocations, 1, "with_capacity");
    assert_eq!(m.grows, 1, "the fifth push");
    assert_eq!(m.shrinks, 1, "shrink_to_fit");
    assert_eq!(m.deallocations, 1, "the drop");
    assert_eq!(m.allocated_bytes, grown * item, "4 items allocated, then grown to {grown}");
    assert_eq!(m.peak_bytes, grown * item);
    assert_eq!(m.retained_bytes, 0);
    assert_eq!(after.allocated_bytes - before.allocated_bytes, 4 * item);
    assert_eq!(after.grown_bytes - before.grown_bytes, (grown - 4) * item);
    assert_eq!(after.shrunk_bytes - before.shrunk_bytes, (grown - shrunk) * item);
    assert_eq!(after.freed_bytes - before.freed_bytes, shrunk * item);
}

/// Catches: an inner measurement resetting the outer peak, or the outer
/// peak leaking into the inner figure.
#[test]
fn nested_measurements_see_each_other_correctly() {
    const OUTER: usize = 1_000;
    const INNER: usize = 5_000;
    // The outer run holds OUTER while the inner run peaks at INNER.
    let (inner, outer) = measure(|| {
        let held = block(OUTER);
        let ((), inner) = measure(|| drop(block(INNER)));
        drop(held);
        inner
    });
    assert_eq!(inner.peak_bytes, INNER as u64, "inner peak is relative to the inner start");
    assert_eq!(inner.retained_bytes, 0);
    assert_eq!(outer.peak_bytes, (OUTER + INNER) as u64, "outer peak includes the inner peak");
    assert_eq!(outer.allocations, 1 + inner.allocations);

    // The outer run peaks *before* the inner one starts, higher than it.
    const EARLY: usize = 10_000;
    const LATE: usize = 100;
    let ((inner, kept), outer) = measure(|| {
        drop(block(EARLY));
        let (kept, inner) = measure(|| block(LATE));
        (inner, kept)
    });
    assert_eq!(inner.peak_bytes, LATE as u64, "the outer run's earlier peak is not the inner run's");
    assert_eq!(inner.retained_bytes, LATE as i64);
    assert_eq!(outer.peak_bytes, EARLY as u64, "the inner run must not erase the outer peak");
    assert_eq!(outer.retained_bytes, LATE as i64);
    drop(kept);
}

/// Catches: zero-sized values reaching the allocator, or `measure` counting
/// anything of its own.
#[test]
fn zero_sized_values_allocate_nothing() {
    let (values, m) = measure(|| {
        let mut units: Vec<()> = Vec::with_capacity(1_000);
        units.extend(std::iter::repeat_n((), 1_000));
        let unit_box = Box::new(());
        let empty_array = Box::new([0u64; 0]);
        let empty_vec: Vec<u64> = Vec::new();
        let empty_string = String::new();
        black_box((units, unit_box, empty_array, empty_vec, empty_string))
    });
    assert_eq!(values.0.len(), 1_000);
    assert_eq!(m, measure::Measurement::default(), "nothing at all is recorded");
}

// ---------------------------------------------------------------------------
// Allocation sites
// ---------------------------------------------------------------------------

fn stat(label: &'static str, bytes: usize, blocks: i64) -> SiteStat {
    SiteStat { label: label.into(), bytes: bytes as i64, blocks }
}

/// Catches: the outer site winning, a dropped guard not restoring the one
/// around it, or allocations outside every site being attributed.
#[test]
fn nested_sites_attribute_to_the_innermost() {
    let _lock = sites_to_myself();
    let kept = {
        let _outer = site("exact/outer");
        let first = block(100);
        let inner_block = {
            let _inner = site("exact/inner");
            block(200)
        };
        let after_inner = block(50);
        (first, inner_block, after_inner)
    };
    let untraced = block(77);
    let snap = sites::snapshot();
    assert_eq!(snap.sites, vec![stat("exact/inner", 200, 1), stat("exact/outer", 150, 2)]);
    assert_eq!(snap.untracked_blocks, 0);
    drop((kept, untraced));
    assert_eq!(sites::snapshot().sites, vec![], "freed blocks leave their sites");
}

/// Catches: a free charged to the site current when freeing, or not taken
/// off at all.
#[test]
fn a_free_is_taken_off_the_site_that_allocated() {
    let _lock = sites_to_myself();
    let (big, small) = {
        let _a = site("exact/alloc-here");
        (block(300), block(100))
    };
    {
        let _b = site("exact/free-there");
        drop(big);
    }
    assert_eq!(sites::snapshot().sites, vec![stat("exact/alloc-here", 100, 1)]);
    drop(small); // outside every site
    assert_eq!(sites::snapshot().sites, vec![]);
}

/// Catches: a reallocated block left on its first site or counted twice
/// (`tracemalloc` attributes the block to where it was last resized).
#[test]
fn a_realloc_moves_the_block_to_the_current_site() {
    let _lock = sites_to_myself();
    let mut v = {
        let _first = site("exact/first-home");
        block(16)
    };
    let grown_to = {
        let _second = site("exact/second-home");
        v.reserve_exact(64);
        v.capacity()
    };
    assert_eq!(sites::snapshot().sites, vec![stat("exact/second-home", grown_to, 1)]);
    // Shrinking outside any site: the block is no longer traced anywhere.
    v.shrink_to(8);
    assert_eq!(sites::snapshot().sites, vec![]);
    drop(v);
}

/// Catches: unsorted snapshots, wrong per-site totals, sites that hold
/// nothing still listed, and `top`/`bytes_of` disagreeing with the list.
#[test]
fn a_snapshot_lists_exact_totals_biggest_first() {
    let _lock = sites_to_myself();
    let kept = {
        let mut kept = Vec::with_capacity(8);
        {
            let _s = site("exact/small");
            kept.push(block(10));
        }
        {
            let _s = site("exact/big");
            kept.push(block(600));
            kept.push(block(400));
        }
        {
            let _s = site("exact/middle");
            kept.push(block(30));
            kept.push(block(40));
            kept.push(block(30));
        }
        {
            let _s = site("exact/emptied");
            drop(block(999));
        }
        kept
    };
    let snap = sites::snapshot();
    assert_eq!(snap.sites, vec![stat("exact/big", 1_000, 2), stat("exact/middle", 100, 3), stat("exact/small", 10, 1)]);
    assert_eq!(snap.top(2), &snap.sites[..2]);
    assert_eq!(snap.top(10).len(), 3);
    assert_eq!(snap.bytes_of("exact/middle"), 100);
    assert_eq!(snap.bytes_of("exact/emptied"), 0);
    drop(kept);
}

/// Catches: wrong signs, missing vanished sites, unchanged sites listed, or
/// an unsorted diff.
#[test]
fn a_diff_is_exact_in_both_directions() {
    let _lock = sites_to_myself();
    let item = size_of::<Vec<u8>>() as i64;
    // `vec![x]` allocates the holder with room for one item, in the site.
    let mut grows = {
        let _s = site("exact/grows");
        vec![block(100)]
    };
    let vanishes = {
        let _s = site("exact/vanishes");
        block(200)
    };
    let steady = {
        let _s = site("exact/steady");
        block(70)
    };
    let before = sites::snapshot();
    assert_eq!(before.bytes_of("exact/grows"), 100 + item);
    drop(vanishes);
    {
        let _s = site("exact/grows");
        grows.reserve_exact(4); // reallocates the holder, in the same site
        grows.push(block(30));
    }
    let holder_growth = (grows.capacity() as i64 - 1) * item;
    let appears = {
        let _s = site("exact/appears");
        block(50)
    };
    let after = sites::snapshot();
    let grows_diff = SiteDiff {
        label: "exact/grows".into(),
        bytes: 130 + grows.capacity() as i64 * item,
        bytes_diff: 30 + holder_growth,
        blocks: 3,
        blocks_diff: 1,
    };
    let appears_diff = SiteDiff { label: "exact/appears".into(), bytes: 50, bytes_diff: 50, blocks: 1, blocks_diff: 1 };
    let vanishes_diff =
        SiteDiff { label: "exact/vanishes".into(), bytes: 0, bytes_diff: -200, blocks: 0, blocks_diff: -1 };
    // Largest growth first (which of the two growths is larger depends on
    // the pointer width), shrinkage last; `steady` did not change.
    let mut expected = vec![grows_diff, appears_diff];
    expected.sort_by_key(|d| std::cmp::Reverse(d.bytes_diff));
    expected.push(vanishes_diff);
    assert_eq!(after.diff(&before), expected);
    assert_eq!(before.diff(&before), vec![], "a snapshot does not differ from itself");
    drop((grows, steady, appears));
}

/// Catches: `snapshot_into` allocating inside a measurement (it runs in
/// `Probe::snapshot`), and snapshots attributing their own buffer to a site.
#[test]
fn taking_a_snapshot_costs_nothing_when_it_has_room() {
    let _lock = sites_to_myself();
    let mut roomy = Snapshot { sites: Vec::with_capacity(sites::MAX_SITES), ..Snapshot::default() };
    let _s = site("exact/snapshotted");
    let kept = block(123);
    let ((), m) = measure(|| sites::snapshot_into(&mut roomy));
    assert_eq!(roomy.sites, vec![stat("exact/snapshotted", 123, 1)]);
    assert_eq!(m, measure::Measurement::default(), "snapshot_into with capacity must not allocate");
    // The same call without room does allocate, and this measurement sees it:
    // the assertion above would catch an allocation.
    let mut cramped = Snapshot::default();
    let ((), m) = measure(|| sites::snapshot_into(&mut cramped));
    assert!(m.allocations >= 1, "growing the empty buffer is an allocation");
    // Neither snapshot's buffer is charged to the open site.
    let fresh = sites::snapshot();
    assert_eq!(fresh.sites, vec![stat("exact/snapshotted", 123, 1)]);
    drop((kept, cramped, roomy, fresh));
}

// ---------------------------------------------------------------------------
// Timeline
// ---------------------------------------------------------------------------

/// Catches: points off by one event, values not relative to the start, or
/// events miscounted, on a run short enough to keep every event.
#[test]
fn a_short_timeline_has_one_point_per_event() {
    let held_before = block(5_000); // the timeline is relative to its start
    let ((), m, timeline) = record_timeline(|| {
        let a = block(100);
        let b = block(200);
        let c = block(300);
        drop(a);
        drop(b);
        drop(c);
    });
    assert_eq!(timeline.points, vec![0, 100, 300, 600, 500, 300, 0]);
    assert_eq!(timeline.events, 6);
    assert_eq!(timeline.events_per_point, 1);
    assert_eq!(timeline.peak(), 600);
    assert_eq!(m.peak_bytes, 600);
    drop(held_before);
}

/// Catches: downsampling that loses the peak (a single spike of one event in
/// thousands), points merged across the wrong boundaries or left stale,
/// miscounted events, or a buffer that outgrows `MAX_POINTS`.
///
/// The oracle is the timeline's definition: the values are the live bytes
/// at the start and after each event; with `stride` events per point, point
/// `k` is the largest of values `k*stride .. (k+1)*stride`, and `stride` is
/// the smallest power of two that fits all values into `MAX_POINTS` points.
#[test]
fn a_long_timeline_keeps_the_exact_peak() {
    let n: u64 = 2_000;
    const SPIKE: usize = 1 << 20;
    let ((), m, timeline) = record_timeline(|| {
        let mut boxes: Vec<Box<u64>> = Vec::with_capacity(2 * n as usize);
        boxes.extend((0..n).map(Box::new));
        drop(black_box(vec![1u8; SPIKE])); // two events: the peak, then back down
        boxes.extend((n..2 * n).map(Box::new));
        black_box(&boxes);
    });

    // Live bytes after each event of the workload above, in order.
    let holder = (2 * n * bytes_of::<Box<u64>>()) as i64;
    let item = bytes_of::<u64>() as i64;
    let n = n as i64;
    let mut values = vec![0, holder];
    values.extend((1..=n).map(|k| holder + k * item));
    values.extend([holder + n * item + SPIKE as i64, holder + n * item]);
    values.extend((n + 1..=2 * n).map(|k| holder + k * item));
    values.extend((1..=2 * n).map(|k| holder + (2 * n - k) * item)); // each box, in order
    values.push(0); // the holder
    let events = values.len() as u64 - 1;
    let mut stride = 1;
    while values.len() > MAX_POINTS * stride {
        stride *= 2;
    }
    let expected_points: Vec<i64> = values.chunks(stride).map(|c| *c.iter().max().unwrap()).collect();
    let expected_peak = holder + n * item + SPIKE as i64;

    assert!(events > MAX_POINTS as u64, "the run must force downsampling");
    assert_eq!(timeline.events, events);
    assert_eq!(timeline.events, m.allocations + m.deallocations + m.grows + m.shrinks);
    assert_eq!(m.peak_bytes, expected_peak as u64);
    assert_eq!(timeline.peak(), expected_peak, "the timeline peak is the measured peak");
    assert_eq!(timeline.events_per_point, stride as u64);
    assert!(timeline.points.len() <= MAX_POINTS);
    assert_eq!(timeline.points, expected_points);
}

// ---------------------------------------------------------------------------
// Probe: marks and snapshots recorded by a variant under `run_variant`
// ---------------------------------------------------------------------------

const PROBED: usize = 4_096;

fn marks_around_one_block(_: &Params, probe: &mut Probe) -> u64 {
    probe.mark("start");
    let held = block(PROBED);
    probe.mark("one block held");
    drop(held);
    probe.mark("freed");
    7
}

/// Catches: marks offset by the probe's own buffers (they must read 0 at the
/// start of a run), marks that allocate, or a timeline that disagrees.
#[test]
fn marks_are_live_bytes_relative_to_the_run_start() {
    let _lock = sites_to_myself(); // run_variant clears the site table
    let variant = Variant { id: "probe", label: "probe", run: marks_around_one_block };
    let held_before = block(10_000);
    let run = run_variant(&variant, &Params::default(), true);
    let marks: Vec<(&str, i64)> = run.marks.iter().map(|m| (m.label.as_ref(), m.live_bytes)).collect();
    assert_eq!(marks, vec![("start", 0), ("one block held", PROBED as i64), ("freed", 0)]);
    assert_eq!(run.checksum, 7);
    assert_eq!(run.measurement.allocations, 1, "marking allocates nothing");
    assert_eq!(run.measurement.peak_bytes, PROBED as u64);
    let timeline = run.timeline.expect("asked for a timeline");
    assert_eq!(timeline.points, vec![0, PROBED as i64, 0]);
    drop(held_before);
}

fn fill_the_probe(_: &Params, probe: &mut Probe) -> u64 {
    let _site = site("exact/probed");
    let held = block(PROBED);
    for i in 0..PROBE_CAPACITY {
        probe.mark("mark");
        probe.snapshot("snapshot");
        probe.note("note", i as i64);
    }
    drop(held);
    0
}

/// Catches: snapshots, marks or notes that allocate inside the measurement (up to
/// `PROBE_CAPACITY` of each), and snapshot records that lose sites.
#[test]
fn a_full_probe_costs_the_run_nothing() {
    let _lock = sites_to_myself();
    let variant = Variant { id: "probe", label: "probe", run: fill_the_probe };
    let run = run_variant(&variant, &Params::default(), false);
    assert_eq!(run.measurement.allocations, 1, "only the variant's own block");
    assert_eq!(run.measurement.peak_bytes, PROBED as u64);
    assert_eq!(run.marks.len(), PROBE_CAPACITY);
    assert!(run.marks.iter().all(|m| m.live_bytes == PROBED as i64), "{:?}", run.marks);
    assert_eq!(run.snapshots.len(), PROBE_CAPACITY);
    assert_eq!(run.notes.iter().map(|n| n.value).collect::<Vec<_>>(), (0..PROBE_CAPACITY as i64).collect::<Vec<_>>());
    let row = SiteStat { label: "exact/probed".into(), bytes: PROBED as i64, blocks: 1 };
    assert!(run.snapshots.iter().all(|s| s.sites == [row.clone()] && s.untracked_blocks == 0), "{:?}", run.snapshots);
    assert_eq!(sites::snapshot().sites, vec![], "run_variant leaves the site table empty");
}

// ---------------------------------------------------------------------------
// Budget
// ---------------------------------------------------------------------------

/// Removes the budget even if an assertion fails.
struct NoLimitOnDrop;

impl Drop for NoLimitOnDrop {
    fn drop(&mut self) {
        set_limit(None);
    }
}

/// Catches: a budget not enforced (on alloc, alloc_zeroed or a growing
/// realloc), off by one, not cumulative, not lifted, or refusals not
/// counted. Uses the raw allocator API: a `Vec` would abort the process on
/// refusal. Every call under the budget only stores its result; the checks
/// run after the budget is lifted, so a failing assertion can allocate.
#[test]
fn a_limit_refuses_allocations_past_it() {
    const BUDGET: usize = 1_000;
    const PART: usize = 600;
    let over = Layout::from_size_align(BUDGET + 1, 8).unwrap();
    let part = Layout::from_size_align(PART, 8).unwrap();
    let one_too_many = Layout::from_size_align(BUDGET - PART + 1, 8).unwrap();
    let to_the_byte = Layout::from_size_align(BUDGET - PART, 8).unwrap();
    let grown_layout = Layout::from_size_align(BUDGET + 1, 8).unwrap();
    let refused_before = counters().refused;
    let unlimit = NoLimitOnDrop;

    set_limit(Some(BUDGET as u64));
    // SAFETY (this block): every layout has a non-zero size; results are only
    // compared with null here, and whatever was granted is freed below with
    // the layout it was allocated or reallocated with.
    let (over_ptr, over_measured) = measure(|| unsafe { alloc(over) });
    let zeroed_ptr = unsafe { alloc_zeroed(over) };
    let held = unsafe { alloc(part) };
    let too_many_ptr = unsafe { alloc(one_too_many) };
    let exact_ptr = unsafe { alloc(to_the_byte) };
    let grown_ptr = if held.is_null() { held } else { unsafe { realloc(held, part, grown_layout.size()) } };
    let refused_under_budget = counters().refused - refused_before;
    set_limit(None);
    drop(unlimit);

    // SAFETY: each non-null pointer is live and freed once, with its layout;
    // `held` was consumed by a successful realloc, or is still live if it failed.
    let lifted_ptr = unsafe {
        for (p, layout) in
            [(over_ptr, over), (zeroed_ptr, over), (too_many_ptr, one_too_many), (exact_ptr, to_the_byte)]
        {
            if !p.is_null() {
                dealloc(p, layout);
            }
        }
        if !grown_ptr.is_null() {
            dealloc(grown_ptr, grown_layout);
        } else if !held.is_null() {
            dealloc(held, part);
        }
        let p = alloc(over);
        if !p.is_null() {
            dealloc(p, over);
        }
        p
    };

    assert!(over_ptr.is_null(), "one byte past the budget must be refused");
    assert_eq!(over_measured, measure::Measurement::default(), "a refused allocation is not an allocation");
    assert!(zeroed_ptr.is_null(), "alloc_zeroed obeys the budget too");
    assert!(!held.is_null(), "{PART} of {BUDGET} bytes fits");
    assert!(too_many_ptr.is_null(), "the budget is cumulative: {PART} held + {} more passes it", one_too_many.size());
    assert!(!exact_ptr.is_null(), "{PART} held + {} more is exactly the budget, which is allowed", to_the_byte.size());
    assert!(grown_ptr.is_null(), "a realloc past the budget is refused (and keeps the old block)");
    assert_eq!(refused_under_budget, 4, "each refusal is counted once");
    assert!(!lifted_ptr.is_null(), "no budget after set_limit(None)");
    assert_eq!(counters().refused - refused_before, 4, "nothing refused once the budget is lifted");
}
