//! lazy-pipeline: read records, keep the active ones, reshape them, add up
//! a field. Eagerly, with a full collection after every stage, or lazily,
//! with one iterator chain that hands a single record down the pipeline.
//!
//! A Python record here is a dict; the Rust stand-in is a `Record` that looks
//! its fields up by name at run time. It stores them as a short list of
//! `(name, value)` pairs in a heap block of its own, so every record costs a
//! separate allocation, as every dict does. (A `HashMap` would add the cost
//! of its hash table; slots-vs-dict measures that. A list of pairs keeps the
//! byte count easy to predict: exactly one block of `fields` pairs.)
//!
//! The eager variant mirrors the Python lists one for one:
//! - `records`: every input record (the source materialised);
//! - `active`: references to the active ones, as a Python list holds
//!   references to the same dicts rather than copies;
//! - `reshaped`: a new, smaller record for each active one.
//!
//! All three are alive together when the sum runs. The lazy variant chains
//! `map`, `filter`, `map` and `sum`: each record is built, tested, reshaped,
//! added and dropped before the next one exists, so the peak is one input
//! record plus one reshaped record, whatever the number of records.

use std::hint::black_box;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// One named field. Names are `&'static str`, shared by every record, as
/// CPython shares one interned string per key.
pub type Field = (&'static str, i64);

/// A record whose fields are found by name, like a dict.
pub struct Record {
    fields: Vec<Field>,
}

impl Record {
    /// The value of field `name`.
    ///
    /// # Panics
    /// If the record has no such field (a `KeyError` in Python).
    pub fn get(&self, name: &str) -> i64 {
        self.fields
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| *value)
            .unwrap_or_else(|| panic!("record has no field `{name}`"))
    }
}

/// A deterministic value between 0 and 999 for record `i` (the Python
/// program uses the same formula, so the totals can be compared).
fn value_of(i: u64) -> i64 {
    ((i * 7919) % 1000) as i64
}

/// The source: record `i`, as a reader would produce it. Even ids are active.
fn read_record(i: u64) -> Record {
    // `vec![...]` allocates exactly three fields. `black_box` keeps the
    // optimiser from deleting an allocation whose contents it can predict.
    black_box(Record { fields: vec![("id", i as i64), ("active", (i % 2 == 0) as i64), ("value", value_of(i))] })
}

fn is_active(record: &Record) -> bool {
    record.get("active") == 1
}

/// A new, smaller record: two fields instead of three.
fn reshape(record: &Record) -> Record {
    black_box(Record { fields: vec![("id", record.get("id")), ("score", record.get("value") * 2 + 1)] })
}

fn score(record: &Record) -> u64 {
    record.get("score") as u64
}

/// Three collections, each complete before the next stage starts.
fn eager(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.get("n");
    let records: Vec<Record> = (0..n).map(read_record).collect();
    probe.mark("all records read");
    let active: Vec<&Record> = records.iter().filter(|r| is_active(r)).collect();
    probe.mark("active records listed");
    let reshaped: Vec<Record> = active.iter().map(|r| reshape(r)).collect();
    probe.mark("active records reshaped");
    reshaped.iter().map(score).sum()
}

/// One chain: nothing is collected, each record lives for one step.
/// The stages have the same names as the eager ones, but each is only an
/// iterator describing the work; `sum` at the end pulls records through.
fn lazy(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.get("n");
    let records = (0..n).map(read_record);
    let active = records.filter(is_active);
    let reshaped = active.map(|record| reshape(&record));
    let total = reshaped.map(|record| score(&record)).sum();
    probe.mark("chain finished");
    total
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "three collected Vecs", run: eager },
        Variant { id: "optimized", label: "one iterator chain", run: lazy },
    ],
    params: &[
        ParamSpec { name: "n", label: "records", default: 50_000, min: 1, max: 1_000_000 },
    ],
    records_timeline: true,
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;

    /// Capacity a `Vec` reaches when collected from an iterator of unknown
    /// length (a `filter`): it starts at 4 and doubles when full.
    fn grown_capacity(len: u64) -> u64 {
        if len == 0 {
            0
        } else {
            len.next_power_of_two().max(4)
        }
    }

    #[test]
    fn lazy_peak_is_one_input_record_and_one_reshaped_record() {
        let field = size_of::<Field>() as u64;
        for n in [1, 2, 1_000, 50_000] {
            let lazy = SPEC.run_at(1, &[("n", n)]);
            assert_eq!(lazy.measurement.peak_bytes, 3 * field + 2 * field, "n = {n}");
            assert_eq!(lazy.measurement.retained_bytes, 0);
        }
    }

    #[test]
    fn eager_peak_is_all_three_collections() {
        let record = size_of::<Record>() as u64;
        let field = size_of::<Field>() as u64;
        let reference = size_of::<&Record>() as u64;
        for n in [1u64, 7, 1_000, 50_000] {
            let active = n.div_ceil(2);
            let expected =
                n * (record + 3 * field) + grown_capacity(active) * reference + active * (record + 2 * field);
            let eager = SPEC.run_at(0, &[("n", n)]);
            assert_eq!(eager.measurement.peak_bytes, expected, "n = {n}");
            // One block per record, one per reshaped record, and the three
            // Vec buffers; the `active` buffer grows by reallocation.
            assert_eq!(eager.measurement.allocations, n + active + 3);
        }
    }

    #[test]
    fn both_give_the_same_total() {
        for n in [1, 2, 3, 999, 50_000] {
            assert_eq!(SPEC.run_at(0, &[("n", n)]).checksum, SPEC.run_at(1, &[("n", n)]).checksum, "n = {n}");
        }
        // The total the Python program prints for 50,000 records.
        assert_eq!(SPEC.run_at(1, &[("n", 50_000)]).checksum, 24_975_000);
    }

    #[test]
    fn a_record_finds_fields_by_name() {
        let record = read_record(4);
        assert_eq!(record.get("id"), 4);
        assert_eq!(record.get("active"), 1);
        assert!(!is_active(&read_record(5)));
        assert_eq!(reshape(&record).get("score"), value_of(4) * 2 + 1);
    }
}
