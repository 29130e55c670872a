//! shallow-vs-deep-size: what `size_of_val` reports for a table of
//! numbers, what the same table really owns, and the one level between
//! them that Python's `sys.getsizeof` counts.
//!
//! `std::mem::size_of_val(&v)` is the shallow size, stricter than
//! `sys.getsizeof`: the size of the value itself, where it sits (on the
//! stack, in a field, in a slot of a vector), and nothing it points to. A
//! `Vec<u32>` of a million numbers and an empty one have the same
//! `size_of_val`: three words (pointer, capacity, length).
//!
//! The deep size follows the pointers. The `DeepSize` trait below says, for
//! each type, how many heap bytes it owns: a `Vec` owns its buffer (capacity
//! times element size) plus whatever its elements own, a `String` its
//! capacity in bytes, a `Box` the boxed value plus whatever that owns.
//! Adding the shallow size gives the full cost. The tests check the answer
//! against the counting allocator, byte for byte.
//!
//! Every variant builds the same table, `rows` rows of `row_len` numbers as
//! a `Vec<Vec<u32>>`, so every variant's peak is the same: the allocator
//! sees one table. What differs is the size each one reports for it (the
//! chart's figure):
//! - `naive` (deep): `DeepSize::deep_size`, the table and everything it owns, equal
//!   to the allocator's bytes plus the table's own three words;
//! - `one-level`: the table and its own buffer of row headers, not the rows'
//!   numbers: what `getsizeof` counts for a Python list of lists (the list
//!   and its array of pointers);
//! - `optimized` (shallow): `size_of_val(&table)`, three words whatever it holds.

use std::mem::{size_of, size_of_val};

use crate::exercise::{ExerciseSpec, Metric, ParamSpec, Params, Probe, Variant};

/// How much memory a value owns, following the pointers it owns.
pub trait DeepSize {
    /// Bytes this value owns on the heap (not counting itself).
    fn heap_size(&self) -> usize;

    /// The whole cost: the value itself plus its heap.
    fn deep_size(&self) -> usize
    where
        Self: Sized,
    {
        size_of::<Self>() + self.heap_size()
    }
}

/// Plain numbers own nothing.
macro_rules! owns_nothing {
    ($($t:ty),*) => { $(impl DeepSize for $t { fn heap_size(&self) -> usize { 0 } })* };
}
owns_nothing!(u8, u16, u32, u64, usize, i32, i64, f32, f64, bool, char);

impl<T: DeepSize> DeepSize for Vec<T> {
    /// The whole buffer, spare capacity included: it is allocated.
    fn heap_size(&self) -> usize {
        self.capacity() * size_of::<T>() + self.iter().map(DeepSize::heap_size).sum::<usize>()
    }
}

impl DeepSize for String {
    fn heap_size(&self) -> usize {
        self.capacity()
    }
}

impl<T: DeepSize> DeepSize for Box<T> {
    fn heap_size(&self) -> usize {
        size_of::<T>() + (**self).heap_size()
    }
}

impl<T: DeepSize> DeepSize for Box<[T]> {
    fn heap_size(&self) -> usize {
        self.len() * size_of::<T>() + self.iter().map(DeepSize::heap_size).sum::<usize>()
    }
}

impl<T: DeepSize> DeepSize for Option<T> {
    fn heap_size(&self) -> usize {
        self.as_ref().map_or(0, DeepSize::heap_size)
    }
}

/// The table as rows that each own their own buffer.
pub struct NestedTable {
    rows: Vec<Vec<u32>>,
}

impl DeepSize for NestedTable {
    fn heap_size(&self) -> usize {
        self.rows.heap_size()
    }
}

/// The number in row `r`, column `c`.
fn cell(r: usize, c: usize) -> u32 {
    (r * 31 + c * 7) as u32 % 1_000
}

impl NestedTable {
    pub fn build(rows: usize, row_len: usize) -> NestedTable {
        // Both iterators know their length, so every buffer is allocated
        // once at its exact size.
        NestedTable { rows: (0..rows).map(|r| (0..row_len).map(|c| cell(r, c)).collect()).collect() }
    }

    pub fn sum(&self) -> u64 {
        self.rows.iter().flatten().map(|&v| u64::from(v)).sum()
    }

    /// The table and its own buffer of row headers, leaving out the rows'
    /// numbers: one level down, as `sys.getsizeof` counts a list of lists.
    pub fn one_level_size(&self) -> usize {
        size_of_val(self) + self.rows.capacity() * size_of::<Vec<u32>>()
    }
}

/// Builds the table every variant measures; the run's checksum is its sum.
fn build(params: &Params, probe: &mut Probe) -> NestedTable {
    let table = NestedTable::build(params.size("rows"), params.size("row_len"));
    probe.mark("table built");
    table
}

fn deep(params: &Params, probe: &mut Probe) -> u64 {
    let table = build(params, probe);
    probe.report(table.deep_size());
    table.sum()
}

fn one_level(params: &Params, probe: &mut Probe) -> u64 {
    let table = build(params, probe);
    probe.report(table.one_level_size());
    table.sum()
}

fn shallow(params: &Params, probe: &mut Probe) -> u64 {
    let table = build(params, probe);
    probe.report(size_of_val(&table));
    table.sum()
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "deep: the table and all it owns", run: deep },
        Variant { id: "one-level", label: "one level, as getsizeof counts", run: one_level },
        Variant { id: "optimized", label: "shallow: size_of_val(&table)", run: shallow },
    ],
    params: &[
        ParamSpec { name: "rows", label: "rows", default: 10_000, min: 1, max: 200_000 },
        ParamSpec { name: "row_len", label: "numbers per row", default: 8, min: 1, max: 64 },
    ],
    metric: Metric::ReportedBytes,
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::measure;

    const WORD: usize = size_of::<usize>();

    fn params(rows: u64, row_len: u64) -> [(&'static str, u64); 2] {
        [("rows", rows), ("row_len", row_len)]
    }

    /// Builds a value under measurement and returns it with the bytes it
    /// still holds: what the allocator says the value owns.
    fn measured<T>(build: impl FnOnce() -> T) -> (T, usize) {
        let (value, m) = measure(build);
        (value, m.retained_bytes as usize)
    }

    #[test]
    fn shallow_sizes_ignore_the_contents() {
        let big: Vec<u32> = vec![7; 100_000];
        let empty: Vec<u32> = Vec::new();
        let nested = NestedTable::build(1_000, 10);
        assert_eq!(size_of_val(&big), 3 * WORD);
        assert_eq!(size_of_val(&empty), size_of_val(&big));
        assert_eq!(size_of_val(&nested), size_of_val(&big));
        assert_eq!(size_of_val(&String::from("x").repeat(10_000)), 3 * WORD);
    }

    #[test]
    fn deep_size_equals_the_allocators_bytes() {
        let (rows, row_len) = (300, 17);
        let (nested, bytes) = measured(|| NestedTable::build(rows, row_len));
        assert_eq!(nested.heap_size(), bytes);
        assert_eq!(bytes, rows * 3 * WORD + rows * row_len * size_of::<u32>());
        let (boxed, bytes) =
            measured(|| (0..rows).map(|r| (0..row_len).map(|c| cell(r, c)).collect()).collect::<Vec<Box<[u32]>>>());
        assert_eq!(boxed.heap_size(), bytes);
        assert_eq!(bytes, rows * 2 * WORD + rows * row_len * size_of::<u32>());
    }

    #[test]
    fn deep_size_counts_spare_capacity_too() {
        let (grown, bytes) = measured(|| {
            let mut v: Vec<u64> = Vec::new();
            v.extend((0..1_000).filter(|x| x % 3 == 0)); // grows in steps: capacity > len
            v
        });
        assert!(grown.capacity() > grown.len());
        assert_eq!(grown.heap_size(), bytes);
        assert_eq!(grown.deep_size(), 3 * WORD + bytes);
    }

    /// A type of our own, mixing every kind of owning pointer.
    struct Address {
        street: String,
        number: u32,
    }

    struct Person {
        name: String,
        scores: Vec<u32>,
        address: Box<Address>,
        nicknames: Vec<String>,
        previous: Option<Box<Address>>,
    }

    impl DeepSize for Address {
        fn heap_size(&self) -> usize {
            self.street.heap_size() + self.number.heap_size()
        }
    }

    impl DeepSize for Person {
        fn heap_size(&self) -> usize {
            self.name.heap_size()
                + self.scores.heap_size()
                + self.address.heap_size()
                + self.nicknames.heap_size()
                + self.previous.heap_size()
        }
    }

    #[test]
    fn deep_size_follows_strings_boxes_and_nested_vectors() {
        let (people, bytes) = measured(|| {
            (0..50)
                .map(|i| Person {
                    name: format!("person number {i}"),
                    scores: (0..i).collect(),
                    address: Box::new(Address { street: "Main Street".repeat(i as usize % 4 + 1), number: i }),
                    nicknames: (0..i % 3).map(|k| format!("nick{k}")).collect(),
                    previous: (i % 2 == 0).then(|| Box::new(Address { street: String::from("Old Road"), number: 1 })),
                })
                .collect::<Vec<Person>>()
        });
        assert_eq!(people.heap_size(), bytes);
        assert!(people.deep_size() > 50 * size_of::<Person>());
    }

    #[test]
    fn every_variant_holds_the_same_table_and_reports_its_own_size() {
        for (rows, row_len) in [(1u64, 1u64), (1_000, 8), (10_000, 8), (200_000, 64)] {
            let numbers = rows * row_len * size_of::<u32>() as u64;
            let held = rows * 3 * WORD as u64 + numbers;
            let runs: Vec<_> = SPEC.variants.iter().map(|v| SPEC.run_at(v.id, &params(rows, row_len))).collect();
            for run in &runs {
                // One heap block for the row headers, one per row, each at its exact size.
                assert_eq!(run.measurement.peak_bytes, held);
                assert_eq!(run.marks[0].live_bytes as u64, held);
                assert_eq!(run.measurement.allocations, rows + 1);
                assert_eq!(run.measurement.retained_bytes, 0);
                assert_eq!(run.checksum, runs[0].checksum);
            }
            let reported: Vec<i64> = runs.iter().map(|r| Metric::ReportedBytes.of(r)).collect();
            let table = size_of::<NestedTable>() as u64;
            assert_eq!(table, 3 * WORD as u64);
            // deep: itself plus all the allocator holds; one level: itself
            // plus the headers' buffer; shallow: itself.
            assert_eq!(reported, [(table + held) as i64, (table + rows * 3 * WORD as u64) as i64, table as i64]);
        }
        let expected: u64 = (0..1_000).flat_map(|r| (0..8).map(move |c| u64::from(cell(r, c)))).sum();
        assert_eq!(SPEC.run_at(2, &params(1_000, 8)).checksum, expected);
    }
}
