//! object-overhead: what one value costs, and what a million of them cost
//! as separate objects or stored inline.
//!
//! Every CPython object starts with a header: a reference count and a
//! pointer to its type. A list of ints is an array of pointers, each leading
//! to an int object of its own, except for the ints from -5 to 256, which
//! CPython creates once and shares.
//!
//! Rust values have no header. An `i64` is its eight bytes wherever it
//! lives, and a struct is its fields plus alignment padding. To model
//! Python's list, the naive variant gives each int a reference-counted heap
//! block, `Rc<PyValue>`: the block holds two counts (strong and weak) where
//! CPython has one, and `PyValue`'s enum tag says what kind of value it is,
//! the job of CPython's type pointer. Like CPython, the variant takes the
//! ints from -5 to 256 from a cache that it builds first (CPython builds its
//! cache at start-up, before any program runs; here it is part of the
//! measurement and marked separately). `boxed` keeps one pointer and one heap
//! block per int but drops the counts and the tag, and `optimized` stores the
//! ints inline, as `array("q")` does.
//!
//! The naive variant also notes the sizes of common Rust values in the very
//! build that runs (`size_of` at run time): on wasm32 a pointer and a
//! `usize` are 4 bytes, natively 8. Rust has no tracing garbage collector:
//! an `Rc` block is freed when its strong count drops to zero, which is how
//! CPython frees most objects too.

use std::alloc::Layout;
use std::collections::HashMap;
use std::hint::black_box;
use std::mem::size_of;
use std::rc::Rc;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// A Python-like value: the tag records its kind, as a PyObject's type
/// pointer does, because the kind is known only at run time. This exercise
/// builds ints only; the other kinds are what make the tag necessary.
#[allow(dead_code)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PyValue {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
}

/// The smallest and largest int CPython keeps in its small-int cache.
pub const SMALL_INTS: std::ops::RangeInclusive<i64> = -5..=256;

/// One shared object per small int, like CPython's `small_ints` array.
pub struct SmallInts {
    objects: Vec<Rc<PyValue>>,
}

impl SmallInts {
    pub fn new() -> SmallInts {
        SmallInts { objects: SMALL_INTS.map(|value| Rc::new(PyValue::Int(value))).collect() }
    }

    /// An int object for `value`: the shared one when the cache has it (a
    /// clone of the handle, which only bumps its count), else a new block.
    pub fn int(&self, value: i64) -> Rc<PyValue> {
        if SMALL_INTS.contains(&value) {
            Rc::clone(&self.objects[(value - SMALL_INTS.start()) as usize])
        } else {
            Rc::new(PyValue::Int(value))
        }
    }
}

/// Bytes of the heap block `Rc::new(value)` allocates: the two counts, then
/// the value at its alignment, padded to the block's alignment.
pub fn rc_block_bytes<T>() -> usize {
    let counts = Layout::new::<[usize; 2]>();
    let (block, _value_offset) = counts.extend(Layout::new::<T>()).expect("a small layout");
    block.pad_to_align().size()
}

/// Records `size_of` of common Rust values in this build, for the page's table.
fn note_sizes(probe: &mut Probe) {
    let sizes: [(&'static str, usize); 14] = [
        ("size_of::<i64>()", size_of::<i64>()),
        ("size_of::<f64>()", size_of::<f64>()),
        ("size_of::<bool>()", size_of::<bool>()),
        ("size_of::<char>()", size_of::<char>()),
        ("size_of::<String>()", size_of::<String>()),
        ("size_of::<Vec<i64>>()", size_of::<Vec<i64>>()),
        ("size_of::<HashMap<i64, i64>>()", size_of::<HashMap<i64, i64>>()),
        ("size_of::<Box<i64>>()", size_of::<Box<i64>>()),
        ("size_of::<Rc<i64>>()", size_of::<Rc<i64>>()),
        ("size_of::<Option<Box<i64>>>()", size_of::<Option<Box<i64>>>()),
        ("size_of::<Option<i64>>()", size_of::<Option<i64>>()),
        ("size_of::<PyValue>()", size_of::<PyValue>()),
        ("heap block of Rc::new(PyValue)", rc_block_bytes::<PyValue>()),
        ("heap block of Rc::new(0i64)", rc_block_bytes::<i64>()),
    ];
    for (label, bytes) in sizes {
        probe.note(label, bytes as i64);
    }
}

/// The ints every variant stores: `0` to `n - 1`, like `range(n)`.
fn values(params: &Params) -> impl Iterator<Item = i64> {
    0..params.get("n") as i64
}

/// The checksum every variant returns: the sum of the ints.
fn checksum(ints: impl Iterator<Item = i64>) -> u64 {
    ints.fold(0u64, |sum, value| sum.wrapping_add(value as u64))
}

/// `list(range(n))`: a pointer per int, an object per int outside the cache.
fn naive(params: &Params, probe: &mut Probe) -> u64 {
    note_sizes(probe);
    let cache = SmallInts::new();
    probe.mark("small-int cache built");
    let list: Vec<Rc<PyValue>> = values(params).map(|value| cache.int(value)).collect();
    let list = black_box(list);
    probe.mark("list of int objects built");
    checksum(list.iter().map(|object| match **object {
        PyValue::Int(value) => value,
        _ => unreachable!("the list holds ints only"),
    }))
}

/// A pointer and a heap block per int, without counts or a tag.
fn boxed(params: &Params, probe: &mut Probe) -> u64 {
    let list: Vec<Box<i64>> = values(params).map(Box::new).collect();
    let list = black_box(list);
    probe.mark("boxed ints built");
    checksum(list.iter().map(|value| **value))
}

/// `array("q", range(n))`: the values themselves, back to back.
fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let packed: Vec<i64> = values(params).collect();
    let packed = black_box(packed);
    probe.mark("packed ints stored");
    checksum(packed.iter().copied())
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "int objects: Vec<Rc<PyValue>>", run: naive },
        Variant { id: "boxed", label: "boxed ints: Vec<Box<i64>>", run: boxed },
        Variant { id: "optimized", label: "packed: Vec<i64>", run: optimized },
    ],
    params: &[ParamSpec { name: "n", label: "ints", default: 1_000_000, min: 1, max: 1_000_000 }],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {

    use super::*;
    use crate::exercises::test_layouts::RcBlock;
    use crate::measure::measure;
    use crate::outcome::VariantRun;

    fn cached_count() -> usize {
        SMALL_INTS.count()
    }

    #[test]
    fn an_rc_block_is_two_counts_and_the_value() {
        assert_eq!(rc_block_bytes::<PyValue>(), size_of::<RcBlock<PyValue>>());
        assert_eq!(rc_block_bytes::<i64>(), size_of::<RcBlock<i64>>());
        let (object, cost) = measure(|| Rc::new(PyValue::Int(1_000)));
        assert_eq!(cost.allocations, 1);
        assert_eq!(cost.peak_bytes as usize, rc_block_bytes::<PyValue>());
        drop(object);
        // The handle is one pointer; the counts live in the block.
        assert_eq!(size_of::<Rc<PyValue>>(), size_of::<usize>());
    }

    #[test]
    fn the_cache_shares_small_ints_and_only_those() {
        let cache = SmallInts::new();
        for value in [-5, 0, 256] {
            assert!(Rc::ptr_eq(&cache.int(value), &cache.int(value)), "{value} is cached");
        }
        for value in [-6, 257, 1_000] {
            assert!(!Rc::ptr_eq(&cache.int(value), &cache.int(value)), "{value} is not cached");
            assert_eq!(*cache.int(value), PyValue::Int(value));
        }
    }

    #[test]
    fn int_objects_cost_a_pointer_and_a_block_each_beyond_the_cache() {
        let n = 10_000u64;
        let objects = SPEC.run_at("naive", &[("n", n)]);
        let cache_bytes = cached_count() * (size_of::<Rc<PyValue>>() + rc_block_bytes::<PyValue>());
        let fresh = n as usize - (*SMALL_INTS.end() as usize + 1); // 0..=256 come from the cache
        let list_bytes = n as usize * size_of::<Rc<PyValue>>() + fresh * rc_block_bytes::<PyValue>();
        assert_eq!(objects.marks[0].live_bytes as usize, cache_bytes);
        assert_eq!(objects.measurement.peak_bytes as usize, cache_bytes + list_bytes);
        assert_eq!(objects.measurement.allocations as usize, 1 + cached_count() + 1 + fresh);
        assert_eq!(objects.measurement.retained_bytes, 0);
    }

    #[test]
    fn boxes_and_packed_ints_cost_exactly_their_layouts() {
        let n = 10_000u64;
        let boxes = SPEC.run_at("boxed", &[("n", n)]);
        assert_eq!(boxes.measurement.peak_bytes as usize, n as usize * (size_of::<Box<i64>>() + size_of::<i64>()));
        assert_eq!(boxes.measurement.allocations, 1 + n);
        let packed = SPEC.run_at("optimized", &[("n", n)]);
        assert_eq!(packed.measurement.peak_bytes as usize, n as usize * size_of::<i64>());
        assert_eq!(packed.measurement.allocations, 1);
    }

    #[test]
    fn the_naive_run_notes_this_builds_sizes() {
        let objects = SPEC.run_at("naive", &[("n", 1)]);
        let note = |label: &str| objects.notes.iter().find(|n| n.label.as_ref() == label).map(|n| n.value);
        assert_eq!(note("size_of::<i64>()"), Some(size_of::<i64>() as i64));
        assert_eq!(note("size_of::<String>()"), Some(3 * size_of::<usize>() as i64));
        assert_eq!(note("size_of::<Option<Box<i64>>>()"), Some(size_of::<usize>() as i64), "the null niche");
        assert_eq!(note("heap block of Rc::new(PyValue)"), Some(size_of::<RcBlock<PyValue>>() as i64));
        assert!(objects.notes.len() <= crate::exercise::PROBE_CAPACITY);
    }

    #[test]
    fn every_variant_sums_the_same_ints_and_packing_wins() {
        for n in [1, 257, 258, 5_000] {
            let runs: Vec<VariantRun> = SPEC.variants.iter().map(|v| SPEC.run_at(v.id, &[("n", n)])).collect();
            let expected = (0..n).sum::<u64>();
            assert!(runs.iter().all(|r| r.checksum == expected), "n = {n}");
            let peaks: Vec<u64> = runs.iter().map(|r| r.measurement.peak_bytes).collect();
            assert!(peaks[2] < peaks[1] && peaks[2] < peaks[0], "n = {n}: {peaks:?}");
        }
    }
}
