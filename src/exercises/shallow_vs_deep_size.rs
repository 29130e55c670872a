//! shallow-vs-deep-size: what `size_of_val` reports, what a value really
//! owns, and a flatter layout for the same numbers.
//!
//! `std::mem::size_of_val(&v)` is Rust's `sys.getsizeof`, only stricter: it
//! is the size of the value itself, where it sits (on the stack, in a field,
//! in a slot of a vector), and nothing it points to. A `Vec<u32>` of a
//! million numbers and an empty one have the same `size_of_val`: three words
//! (pointer, capacity, length).
//!
//! The deep size follows the pointers. The `DeepSize` trait below says, for
//! each type, how many heap bytes it owns: a `Vec` owns its buffer (capacity
//! times element size) plus whatever its elements own, a `String` its
//! capacity in bytes, a `Box` the boxed value plus whatever that owns.
//! Adding the shallow size gives the full cost. The tests check the answer
//! against the counting allocator, byte for byte.
//!
//! The variants hold the same table of `rows` x `row_len` numbers:
//! - `naive`: `Vec<Vec<u32>>`, one heap block per row, each row also paying
//!   a three-word `Vec` header in the outer buffer;
//! - `boxed-rows`: `Vec<Box<[u32]>>`, still one block per row, but a boxed
//!   slice cannot grow, so it needs no capacity: two words per row;
//! - `optimized`: one flat `Vec<u32>`, row `r` at `r * row_len`; one block.
//!
//! Their shallow sizes are a few words each, whatever they hold (the flat
//! table has one word more: it remembers `row_len`), just as Python's list
//! of lists and list of ints have the same `getsizeof`. Each variant notes
//! both sizes of the table it built, so the page shows shallow beside deep.

use std::mem::{size_of, size_of_val};

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

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

/// Rows as boxed slices: fixed length, so no capacity field.
pub struct BoxedRowsTable {
    rows: Vec<Box<[u32]>>,
}

/// Every number in one buffer, row after row.
pub struct FlatTable {
    values: Vec<u32>,
    row_len: usize,
}

impl DeepSize for NestedTable {
    fn heap_size(&self) -> usize {
        self.rows.heap_size()
    }
}

impl DeepSize for BoxedRowsTable {
    fn heap_size(&self) -> usize {
        self.rows.heap_size()
    }
}

impl DeepSize for FlatTable {
    fn heap_size(&self) -> usize {
        self.values.heap_size() + self.row_len.heap_size()
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
}

impl BoxedRowsTable {
    pub fn build(rows: usize, row_len: usize) -> BoxedRowsTable {
        BoxedRowsTable { rows: (0..rows).map(|r| (0..row_len).map(|c| cell(r, c)).collect()).collect() }
    }

    pub fn sum(&self) -> u64 {
        self.rows.iter().flat_map(|row| row.iter()).map(|&v| u64::from(v)).sum()
    }
}

impl FlatTable {
    pub fn build(rows: usize, row_len: usize) -> FlatTable {
        let values = (0..rows).flat_map(|r| (0..row_len).map(move |c| cell(r, c)));
        let mut flat = Vec::with_capacity(rows * row_len);
        flat.extend(values);
        FlatTable { values: flat, row_len }
    }

    pub fn sum(&self) -> u64 {
        self.values.iter().map(|&v| u64::from(v)).sum()
    }
}

/// What the numbers alone take: no layout can hold them in less.
fn numbers_bytes(rows: usize, row_len: usize) -> usize {
    rows * row_len * size_of::<u32>()
}

/// Notes the table's shallow size (`size_of_val`, Rust's `getsizeof`) and
/// its deep size (itself plus everything it owns), side by side.
fn report_sizes<T: DeepSize>(probe: &mut Probe, table: &T, rows: usize, row_len: usize) {
    let (shallow, deep) = (size_of_val(table), table.deep_size());
    debug_assert!(deep >= shallow + numbers_bytes(rows, row_len));
    probe.note(SHALLOW, shallow as i64);
    probe.note(DEEP, deep as i64);
}

/// The labels of the two sizes each variant reports.
const SHALLOW: &str = "shallow size (size_of_val)";
const DEEP: &str = "deep size (itself + heap)";

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let (rows, row_len) = (params.size("rows"), params.size("row_len"));
    let table = NestedTable::build(rows, row_len);
    probe.mark("table built");
    report_sizes(probe, &table, rows, row_len);
    table.sum()
}

fn boxed_rows(params: &Params, probe: &mut Probe) -> u64 {
    let (rows, row_len) = (params.size("rows"), params.size("row_len"));
    let table = BoxedRowsTable::build(rows, row_len);
    probe.mark("table built");
    report_sizes(probe, &table, rows, row_len);
    table.sum()
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let (rows, row_len) = (params.size("rows"), params.size("row_len"));
    let table = FlatTable::build(rows, row_len);
    probe.mark("table built");
    report_sizes(probe, &table, rows, row_len);
    table.sum()
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "Vec of Vecs", run: naive },
        Variant { id: "boxed-rows", label: "Vec of boxed slices", run: boxed_rows },
        Variant { id: "optimized", label: "one flat Vec", run: optimized },
    ],
    params: &[
        ParamSpec { name: "rows", label: "rows", default: 10_000, min: 1, max: 200_000 },
        ParamSpec { name: "row_len", label: "numbers per row", default: 8, min: 1, max: 64 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::Params;
    use crate::run::run_variant;
    use crate::measure::measure;

    const WORD: usize = size_of::<usize>();

    fn params(rows: u64, row_len: u64) -> Params {
        Params::new(&[("rows", rows), ("row_len", row_len)])
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
    fn deep_size_equals_the_allocators_bytes_for_each_table() {
        let (rows, row_len) = (300, 17);
        let (nested, bytes) = measured(|| NestedTable::build(rows, row_len));
        assert_eq!(nested.heap_size(), bytes);
        assert_eq!(bytes, rows * 3 * WORD + rows * row_len * size_of::<u32>());
        let (boxed, bytes) = measured(|| BoxedRowsTable::build(rows, row_len));
        assert_eq!(boxed.heap_size(), bytes);
        assert_eq!(bytes, rows * 2 * WORD + rows * row_len * size_of::<u32>());
        let (flat, bytes) = measured(|| FlatTable::build(rows, row_len));
        assert_eq!(flat.heap_size(), bytes);
        assert_eq!(bytes, rows * row_len * size_of::<u32>());
        assert_eq!(&flat.values[5 * row_len..6 * row_len], &nested.rows[5][..]);
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
    fn peaks_are_exactly_the_deep_sizes() {
        let (rows, row_len) = (1_000u64, 8u64);
        let numbers = rows * row_len * size_of::<u32>() as u64;
        let runs: Vec<_> = SPEC.variants.iter().map(|v| run_variant(v, &params(rows, row_len), false)).collect();
        assert_eq!(runs[0].measurement.peak_bytes, rows * 3 * WORD as u64 + numbers);
        assert_eq!(runs[0].measurement.allocations, rows + 1);
        assert_eq!(runs[1].measurement.peak_bytes, rows * 2 * WORD as u64 + numbers);
        assert_eq!(runs[1].measurement.allocations, rows + 1);
        assert_eq!(runs[2].measurement.peak_bytes, numbers);
        assert_eq!(runs[2].measurement.allocations, 1);
        assert!(runs.iter().all(|r| r.checksum == runs[0].checksum));
        // Each reports the shallow and the deep size of the table it built.
        let note = |i: usize, label: &str| runs[i].notes.iter().find(|n| n.label == label).expect("noted").value as u64;
        let shallow = [size_of::<NestedTable>(), size_of::<BoxedRowsTable>(), size_of::<FlatTable>()];
        for (i, run) in runs.iter().enumerate() {
            assert_eq!(note(i, SHALLOW), shallow[i] as u64);
            assert_eq!(note(i, DEEP), shallow[i] as u64 + run.measurement.peak_bytes);
        }
        assert_eq!(shallow, [3 * WORD, 3 * WORD, 4 * WORD]);
        let expected: u64 = (0..1_000).flat_map(|r| (0..8).map(move |c| u64::from(cell(r, c)))).sum();
        assert_eq!(runs[0].checksum, expected);
    }
}
