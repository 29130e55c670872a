//! string-interning: `n` entries whose names come from five categories,
//! stored three ways.
//!
//! - a `String` per entry: every entry owns a copy of its text, as every
//!   string read from a file is its own object in Python;
//! - an `Rc<str>` per entry, handed out by a pool that keeps one shared text
//!   per distinct name: equal names are the same allocation, as
//!   `sys.intern` makes equal strings the same object;
//! - a symbol table that stores each distinct name once and hands out a
//!   `u32` id: an entry is four bytes, and comparing two entries compares
//!   two numbers.
//!
//! Both tables look names up by scanning a short vector: with five names that
//! is all a table needs (a large one would add a hash map from name to id).

use std::rc::Rc;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// The distinct names the entries are drawn from.
pub const CATEGORIES: [&str; 5] = ["electronics", "books", "clothing", "garden", "toys"];

/// The name of entry `i`: the categories in turn. The mix does not change
/// what the shared and symbol variants hold, only the naive total of text.
pub fn category_of(i: usize) -> &'static str {
    CATEGORIES[i % CATEGORIES.len()]
}

/// A pool of shared names: asking twice for equal text gives two handles
/// to one allocation.
#[derive(Default)]
pub struct SharedPool {
    names: Vec<Rc<str>>,
}

impl SharedPool {
    pub fn intern(&mut self, name: &str) -> Rc<str> {
        if let Some(existing) = self.names.iter().find(|known| &***known == name) {
            return Rc::clone(existing);
        }
        let shared: Rc<str> = Rc::from(name);
        self.names.push(Rc::clone(&shared));
        shared
    }
}

/// Python's `a is b` for two shared names: the same allocation, not merely
/// equal text.
pub fn same_object(a: &Rc<str>, b: &Rc<str>) -> bool {
    Rc::ptr_eq(a, b)
}

/// Python's `a is b` for two owned strings: the same text buffer.
pub fn same_buffer(a: &str, b: &str) -> bool {
    std::ptr::eq(a.as_ptr(), b.as_ptr())
}

/// A name's id in a [`SymbolTable`]. Equal ids mean equal names, and the
/// comparison is one integer compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Symbol(u32);

/// Stores each distinct name once and numbers them. Names are never removed:
/// any id handed out must stay resolvable, so the table keeps every name for
/// as long as it lives.
#[derive(Default)]
pub struct SymbolTable {
    names: Vec<Box<str>>,
}

impl SymbolTable {
    pub fn intern(&mut self, name: &str) -> Symbol {
        if let Some(index) = self.names.iter().position(|known| &**known == name) {
            return Symbol(index as u32);
        }
        self.names.push(Box::from(name));
        Symbol((self.names.len() - 1) as u32)
    }

    pub fn resolve(&self, symbol: Symbol) -> &str {
        &self.names[symbol.0 as usize]
    }
}

/// Adds up each entry's length and first byte, so all variants can be
/// compared on what they store.
fn checksum<'a>(names: impl Iterator<Item = &'a str>) -> u64 {
    names.map(|name| name.len() as u64 + name.as_bytes()[0] as u64).sum()
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    let mut entries: Vec<String> = Vec::with_capacity(n);
    for i in 0..n {
        entries.push(category_of(i).to_string());
    }
    probe.mark("all entries stored");
    // Entries 0 and 5 hold the same name, yet each owns its own copy.
    if let (Some(a), Some(b)) = (entries.first(), entries.get(CATEGORIES.len())) {
        assert!(a == b && !same_buffer(a, b));
    }
    checksum(entries.iter().map(String::as_str))
}

fn shared(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    let mut pool = SharedPool::default();
    let mut entries: Vec<Rc<str>> = Vec::with_capacity(n);
    for i in 0..n {
        entries.push(pool.intern(category_of(i)));
    }
    probe.mark("all entries stored");
    // Entries 0 and 5 hold the same name: one allocation, two handles.
    if let (Some(a), Some(b)) = (entries.first(), entries.get(CATEGORIES.len())) {
        assert!(same_object(a, b));
    }
    checksum(entries.iter().map(|name| &**name))
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    let mut table = SymbolTable::default();
    let mut entries: Vec<Symbol> = Vec::with_capacity(n);
    for i in 0..n {
        entries.push(table.intern(category_of(i)));
    }
    probe.mark("all entries stored");
    // Entries 0 and 5 hold the same name: the same id.
    if let (Some(a), Some(b)) = (entries.first(), entries.get(CATEGORIES.len())) {
        assert_eq!(a, b);
    }
    checksum(entries.iter().map(|symbol| table.resolve(*symbol)))
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "String per entry", run: naive },
        Variant { id: "shared", label: "shared Rc<str>", run: shared },
        Variant { id: "optimized", label: "u32 symbol ids", run: optimized },
    ],
    params: &[
        ParamSpec { name: "n", label: "entries", default: 50_000, min: 1000, max: 1_000_000 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::alloc::Layout;
    use std::mem::size_of;

    use super::*;

    /// Total text of the first `n` entries.
    fn text_bytes(n: usize) -> u64 {
        (0..n).map(|i| category_of(i).len() as u64).sum()
    }

    /// A table vector that grew by pushes to five elements: capacity 4, then 8.
    fn table_vector_bytes<T>() -> u64 {
        8 * size_of::<T>() as u64
    }

    /// One `Rc<str>` allocation: two counts, then the text, padded.
    fn rc_str_bytes(text: &str) -> u64 {
        let counts = Layout::new::<[usize; 2]>();
        let (layout, _) = counts.extend(Layout::array::<u8>(text.len()).unwrap()).unwrap();
        layout.pad_to_align().size() as u64
    }

    const N: u64 = 5_003;

    #[test]
    fn a_string_per_entry_costs_a_header_and_a_copy_each() {
        let run = SPEC.run_at(0, &[("n", N)]);
        assert_eq!(run.measurement.peak_bytes, N * size_of::<String>() as u64 + text_bytes(N as usize));
        assert_eq!(run.marks[0].live_bytes, run.measurement.peak_bytes as i64);
        assert_eq!(run.measurement.allocations, 1 + N);
    }

    #[test]
    fn shared_names_cost_a_handle_each_and_one_text_per_name() {
        let run = SPEC.run_at(1, &[("n", N)]);
        let texts: u64 = CATEGORIES.iter().map(|name| rc_str_bytes(name)).sum();
        let expected = N * size_of::<Rc<str>>() as u64 + table_vector_bytes::<Rc<str>>() + texts;
        assert_eq!(run.measurement.peak_bytes, expected);
        // The entries, the pool's vector, and one text per distinct name.
        assert_eq!(run.measurement.allocations, 1 + 1 + CATEGORIES.len() as u64);
    }

    #[test]
    fn symbols_cost_four_bytes_each_plus_the_table() {
        assert_eq!(size_of::<Symbol>(), size_of::<u32>());
        let run = SPEC.run_at(2, &[("n", N)]);
        let texts: u64 = CATEGORIES.iter().map(|name| name.len() as u64).sum();
        let expected = N * size_of::<Symbol>() as u64 + table_vector_bytes::<Box<str>>() + texts;
        assert_eq!(run.measurement.peak_bytes, expected);
    }

    #[test]
    fn every_variant_stores_the_same_names() {
        let sums: Vec<u64> = (0..3).map(|v| SPEC.run_at(v, &[("n", 1_000)]).checksum).collect();
        assert_eq!(sums, vec![sums[0]; 3]);
        assert!(SPEC.run_at(2, &[("n", 1_000)]).measurement.peak_bytes < SPEC.run_at(1, &[("n", 1_000)]).measurement.peak_bytes);
        assert!(SPEC.run_at(1, &[("n", 1_000)]).measurement.peak_bytes < SPEC.run_at(0, &[("n", 1_000)]).measurement.peak_bytes);
    }

    #[test]
    fn interned_names_are_identical_not_just_equal() {
        // Two equal strings built separately: equal text, different buffers.
        let a = String::from("garden");
        let b = ["gar", "den"].concat();
        assert_eq!(a, b);
        assert!(!same_buffer(&a, &b));

        let mut pool = SharedPool::default();
        let (shared_a, shared_b) = (pool.intern(&a), pool.intern(&b));
        assert!(same_object(&shared_a, &shared_b));
        assert!(!same_object(&shared_a, &pool.intern("toys")));

        let mut table = SymbolTable::default();
        let (id_a, id_b) = (table.intern(&a), table.intern(&b));
        assert_eq!(id_a, id_b);
        assert_ne!(id_a, table.intern("toys"));
        assert_eq!(table.resolve(id_a), "garden");
        assert_eq!(table.names.len(), 2);
    }
}
