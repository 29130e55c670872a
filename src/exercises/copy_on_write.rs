//! copy-on-write: several views over one table, copied eagerly or only when
//! a view first writes.
//!
//! The caller owns a table (`HashMap<u64, u64>`, the stand-in for a Python
//! dict of settings) and hands it to `wrappers` views. Some of them, the
//! `writers`, change one entry; the rest only read.
//!
//! - `EagerView` clones the table the moment it is created, as a Python
//!   constructor doing `self._data = dict(data)` does. Every view pays for a
//!   full table whether it ever writes or not.
//! - `CowView` holds an `Rc` to the shared table. Reading goes straight
//!   through it. Writing calls `Rc::make_mut`, which clones the table only if
//!   someone else still holds it (the reference count is above one) and then
//!   hands out the view's own, now unshared, copy. The other views keep
//!   pointing at the original, so they never see the write.
//!
//! The caller keeps its own table in both versions, so the eager version
//! ends up with `wrappers + 1` tables and copy-on-write with `writers + 1`.
//!
//! Python has no built-in copy-on-write dict: the flag-and-copy wrapper in
//! the reference program is written by hand, and it cannot ask how many
//! others share the dict the way `Rc::strong_count` can, so it copies on
//! its first write even when it is the last holder. `make_mut` skips the
//! copy in that case.

use std::collections::HashMap;
use std::rc::Rc;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// The shared data: key -> value.
pub type Table = HashMap<u64, u64>;

/// The entry every writer changes, and the value writer `w` stores there.
const WRITTEN_KEY: u64 = 0;
fn written_value(writer: usize) -> u64 {
    1_000_000 + writer as u64
}

/// The caller's table: `entries` keys with values derived from them.
fn build_table(entries: usize) -> Table {
    // The iterator's length is known, so the table is allocated once, at
    // its final size.
    (0..entries as u64).map(|key| (key, key * 3)).collect()
}

/// Sum of a table's values: equal sums across variants show every view ended
/// with the same contents.
fn table_sum(table: &Table) -> u64 {
    table.values().fold(0u64, |sum, value| sum.wrapping_add(*value))
}

/// The checksum: every view's sum and the caller's, plus the number of
/// views that still read the original value of the written key.
fn checksum<'a>(tables: impl Iterator<Item = &'a Table>, source: &Table, readers_unchanged: usize) -> u64 {
    let views = tables.fold(0u64, |sum, table| sum.wrapping_add(table_sum(table)));
    views.wrapping_add(table_sum(source)).wrapping_add(readers_unchanged as u64)
}

/// A view that takes its own copy as soon as it is created.
pub struct EagerView {
    data: Table,
}

impl EagerView {
    pub fn new(source: &Table) -> EagerView {
        EagerView { data: source.clone() }
    }

    pub fn get(&self, key: u64) -> Option<u64> {
        self.data.get(&key).copied()
    }

    pub fn set(&mut self, key: u64, value: u64) {
        self.data.insert(key, value);
    }

    pub fn table(&self) -> &Table {
        &self.data
    }
}

/// A view that shares the table until its first write.
pub struct CowView {
    data: Rc<Table>,
}

impl CowView {
    pub fn new(source: &Rc<Table>) -> CowView {
        // Copies a pointer and bumps the count; the table is not touched.
        CowView { data: Rc::clone(source) }
    }

    pub fn get(&self, key: u64) -> Option<u64> {
        self.data.get(&key).copied()
    }

    pub fn set(&mut self, key: u64, value: u64) {
        // Clones the table here only if another holder still shares it.
        Rc::make_mut(&mut self.data).insert(key, value);
    }

    /// True while this view still reads the very table `source` points to.
    pub fn shares(&self, source: &Rc<Table>) -> bool {
        Rc::ptr_eq(&self.data, source)
    }

    pub fn table(&self) -> &Table {
        &self.data
    }
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let (entries, wrappers, writers) = (params.size("entries"), params.size("wrappers"), params.size("writers"));
    let source = build_table(entries);
    probe.mark("the caller's table");
    let mut views: Vec<EagerView> = (0..wrappers).map(|_| EagerView::new(&source)).collect();
    probe.mark("views created");
    for (writer, view) in views.iter_mut().take(writers).enumerate() {
        view.set(WRITTEN_KEY, written_value(writer));
        if writer == 0 {
            probe.mark("after the first write");
        }
    }
    probe.mark("after every write");
    let original = source.get(&WRITTEN_KEY).copied();
    let readers_unchanged = views.iter().skip(writers).filter(|view| view.get(WRITTEN_KEY) == original).count();
    checksum(views.iter().map(EagerView::table), &source, readers_unchanged)
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let (entries, wrappers, writers) = (params.size("entries"), params.size("wrappers"), params.size("writers"));
    let source = Rc::new(build_table(entries));
    probe.mark("the caller's table");
    let mut views: Vec<CowView> = (0..wrappers).map(|_| CowView::new(&source)).collect();
    probe.mark("views created");
    for (writer, view) in views.iter_mut().take(writers).enumerate() {
        view.set(WRITTEN_KEY, written_value(writer));
        if writer == 0 {
            probe.mark("after the first write");
        }
    }
    probe.mark("after every write");
    // The readers never wrote, so they still point at the caller's table.
    debug_assert!(views.iter().skip(writers).all(|view| view.shares(&source)));
    let original = source.get(&WRITTEN_KEY).copied();
    let readers_unchanged = views.iter().skip(writers).filter(|view| view.get(WRITTEN_KEY) == original).count();
    checksum(views.iter().map(CowView::table), &source, readers_unchanged)
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "copy on creation", run: naive },
        Variant { id: "optimized", label: "copy on first write", run: optimized },
    ],
    params: &[
        ParamSpec { name: "entries", label: "entries in the table", default: 10_000, min: 100, max: 100_000 },
        ParamSpec { name: "wrappers", label: "views over the table", default: 4, min: 4, max: 32 },
        ParamSpec { name: "writers", label: "views that write", default: 1, min: 1, max: 3 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::measure::measure;

    fn params(entries: u64, wrappers: u64, writers: u64) -> [(&'static str, u64); 3] {
        [("entries", entries), ("wrappers", wrappers), ("writers", writers)]
    }

    /// Bytes of one table allocation for `entries` keys, measured on a clone
    /// (a clone allocates exactly the source's table and nothing else).
    fn one_table_bytes(entries: usize) -> u64 {
        let source = build_table(entries);
        let (copy, m) = measure(|| source.clone());
        assert_eq!(m.allocations, 1);
        assert_eq!(copy.len(), entries);
        m.allocated_bytes
    }

    /// `Rc::new` puts the two counts (strong, weak) in front of the value.
    fn rc_block_bytes() -> u64 {
        (2 * size_of::<usize>() + size_of::<Table>()) as u64
    }

    #[test]
    fn eager_views_hold_one_table_each_plus_the_callers() {
        let (entries, wrappers, writers) = (1_000, 5, 2);
        let table = one_table_bytes(entries as usize);
        let run = SPEC.run_at(0, &params(entries, wrappers, writers));
        let m = run.measurement;
        assert_eq!(m.peak_bytes, (wrappers + 1) * table + wrappers * size_of::<EagerView>() as u64);
        // The caller's table, the Vec of views, one clone per view.
        assert_eq!(m.allocations, 1 + 1 + wrappers);
        // Everything already exists before the first write.
        assert_eq!(run.marks[1].live_bytes, m.peak_bytes as i64);
        assert_eq!(run.marks[2].live_bytes, run.marks[1].live_bytes);
    }

    #[test]
    fn cow_views_copy_only_for_writers() {
        let (entries, wrappers, writers) = (1_000, 5, 2);
        let table = one_table_bytes(entries as usize);
        let run = SPEC.run_at(1, &params(entries, wrappers, writers));
        let m = run.measurement;
        let shared = table + rc_block_bytes();
        let views = wrappers * size_of::<CowView>() as u64;
        assert_eq!(m.peak_bytes, shared + views + writers * shared);
        // The table, its Rc block, the Vec; per writer a new Rc block and table.
        assert_eq!(m.allocations, 3 + 2 * writers);
        // Creating the views copied nothing; the first write copied once.
        assert_eq!(run.marks[1].live_bytes, (shared + views) as i64);
        assert_eq!(run.marks[2].live_bytes, (2 * shared + views) as i64);
    }

    #[test]
    fn a_write_stays_private_to_the_writer() {
        let source = Rc::new(build_table(10));
        let mut writer = CowView::new(&source);
        let reader = CowView::new(&source);
        writer.set(WRITTEN_KEY, 42);
        assert_eq!(writer.get(WRITTEN_KEY), Some(42));
        assert_eq!(reader.get(WRITTEN_KEY), Some(0));
        assert_eq!(source.get(&WRITTEN_KEY), Some(&0));
        assert!(reader.shares(&source));
        assert!(!writer.shares(&source));
        assert_eq!(Rc::strong_count(&source), 2, "the caller and the reader");

        let table = build_table(10);
        let mut eager_writer = EagerView::new(&table);
        let eager_reader = EagerView::new(&table);
        eager_writer.set(WRITTEN_KEY, 42);
        assert_eq!((eager_writer.get(WRITTEN_KEY), eager_reader.get(WRITTEN_KEY)), (Some(42), Some(0)));
    }

    #[test]
    fn the_last_holder_writes_in_place() {
        let mut only = CowView::new(&Rc::new(build_table(100)));
        let (_, m) = measure(|| only.set(WRITTEN_KEY, 7));
        assert_eq!(m.allocations, 0, "nobody else holds the table, so make_mut does not copy");
        assert_eq!(only.get(WRITTEN_KEY), Some(7));
    }

    #[test]
    fn both_variants_agree_and_readers_are_unchanged() {
        let p = params(500, 4, 3);
        let eager = SPEC.run_at(0, &p).checksum;
        let cow = SPEC.run_at(1, &p).checksum;
        assert_eq!(eager, cow);
        // Worked out independently: values k*3 in every table; writers
        // replace key 0's value (0) with their own.
        let base: u64 = (0..500u64).map(|k| k * 3).sum();
        // One reader (4 views, 3 writers) still sees the original value.
        let expected = 5 * base + (0..3).map(written_value).sum::<u64>() + 1;
        assert_eq!(cow, expected);
    }
}
