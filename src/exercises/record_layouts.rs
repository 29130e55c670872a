//! record-layouts: one four-field record (id, x, y, label) in five layouts,
//! ranked by the bytes `n` of them hold.
//!
//! - a map from field name to a tagged value (Python's dict);
//! - a boxed trait object: each record its own heap allocation, reached
//!   through a pointer plus a vtable pointer (Python's instance of a class,
//!   which is a separate object with a pointer to its type);
//! - a struct with named fields, stored inline in one array;
//! - a tuple struct with the same fields unnamed: in Rust the names exist
//!   only at compile time, so its layout is the struct's;
//! - a struct whose label is an `Rc<str>` shared by every record, so the
//!   text exists once. Python gets this sharing for free: every record
//!   refers to the same `str` object, while a Rust `String` field is a copy.

use std::collections::HashMap;
use std::rc::Rc;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// The label every record carries.
pub const LABEL: &str = "sensor";

/// What every layout can answer, so one checksum serves them all.
pub trait Reading {
    fn id(&self) -> u32;
    fn x(&self) -> f64;
    fn y(&self) -> f64;
    fn label(&self) -> &str;
}

/// A field value in the map layout: the tag says which kind it holds.
pub enum Field {
    Int(i64),
    Float(f64),
    Text(String),
}

/// The dict layout: field names to tagged values, one hash table per record.
pub struct MapRecord {
    pub fields: HashMap<&'static str, Field>,
}

impl MapRecord {
    fn new(id: u32, x: f64, y: f64, label: &str) -> MapRecord {
        let mut fields = HashMap::with_capacity(4);
        fields.insert("id", Field::Int(id as i64));
        fields.insert("x", Field::Float(x));
        fields.insert("y", Field::Float(y));
        fields.insert("label", Field::Text(label.to_string()));
        MapRecord { fields }
    }

    fn int(&self, name: &str) -> i64 {
        match self.fields.get(name) {
            Some(Field::Int(value)) => *value,
            _ => panic!("field `{name}` is missing or not an int"),
        }
    }

    fn float(&self, name: &str) -> f64 {
        match self.fields.get(name) {
            Some(Field::Float(value)) => *value,
            _ => panic!("field `{name}` is missing or not a float"),
        }
    }
}

impl Reading for MapRecord {
    fn id(&self) -> u32 {
        self.int("id") as u32
    }
    fn x(&self) -> f64 {
        self.float("x")
    }
    fn y(&self) -> f64 {
        self.float("y")
    }
    fn label(&self) -> &str {
        match self.fields.get("label") {
            Some(Field::Text(text)) => text,
            _ => panic!("field `label` is missing or not text"),
        }
    }
}

/// Named fields, each record owning a copy of its label.
pub struct Record {
    pub id: u32,
    pub x: f64,
    pub y: f64,
    pub label: String,
}

impl Reading for Record {
    fn id(&self) -> u32 {
        self.id
    }
    fn x(&self) -> f64 {
        self.x
    }
    fn y(&self) -> f64 {
        self.y
    }
    fn label(&self) -> &str {
        &self.label
    }
}

/// The same four fields by position: `record.0` is the id.
pub struct TupleRecord(pub u32, pub f64, pub f64, pub String);

impl Reading for TupleRecord {
    fn id(&self) -> u32 {
        self.0
    }
    fn x(&self) -> f64 {
        self.1
    }
    fn y(&self) -> f64 {
        self.2
    }
    fn label(&self) -> &str {
        &self.3
    }
}

/// Named fields; the label is a counted handle to one shared text.
pub struct SharedRecord {
    pub id: u32,
    pub x: f64,
    pub y: f64,
    pub label: Rc<str>,
}

impl Reading for SharedRecord {
    fn id(&self) -> u32 {
        self.id
    }
    fn x(&self) -> f64 {
        self.x
    }
    fn y(&self) -> f64 {
        self.y
    }
    fn label(&self) -> &str {
        &self.label
    }
}

/// The values of record `i`, the same in every layout (and in Python's).
fn values(i: usize) -> (u32, f64, f64) {
    (1_000 + i as u32, i as f64, (2 * i) as f64)
}

/// Sum over all records of id + x + y + label length.
fn checksum<'a, R: Reading + ?Sized + 'a>(records: impl Iterator<Item = &'a R>) -> u64 {
    records.map(|r| r.id() as u64 + r.x() as u64 + r.y() as u64 + r.label().len() as u64).sum()
}

/// Builds `n` records with `make`, in a vector reserved for all of them.
fn build<T>(n: usize, probe: &mut Probe, make: impl FnMut(usize) -> T) -> Vec<T> {
    let mut records = Vec::with_capacity(n);
    records.extend((0..n).map(make));
    probe.mark("all records built");
    records
}

fn map_of_fields(params: &Params, probe: &mut Probe) -> u64 {
    let records = build(params.size("n"), probe, |i| {
        let (id, x, y) = values(i);
        MapRecord::new(id, x, y, LABEL)
    });
    checksum::<MapRecord>(records.iter())
}

fn boxed_trait_object(params: &Params, probe: &mut Probe) -> u64 {
    let records: Vec<Box<dyn Reading>> = build(params.size("n"), probe, |i| {
        let (id, x, y) = values(i);
        Box::new(Record { id, x, y, label: LABEL.to_string() }) as Box<dyn Reading>
    });
    checksum::<dyn Reading>(records.iter().map(|boxed| &**boxed))
}

fn plain_struct(params: &Params, probe: &mut Probe) -> u64 {
    let records = build(params.size("n"), probe, |i| {
        let (id, x, y) = values(i);
        Record { id, x, y, label: LABEL.to_string() }
    });
    checksum::<Record>(records.iter())
}

fn tuple_struct(params: &Params, probe: &mut Probe) -> u64 {
    let records = build(params.size("n"), probe, |i| {
        let (id, x, y) = values(i);
        TupleRecord(id, x, y, LABEL.to_string())
    });
    checksum::<TupleRecord>(records.iter())
}

fn shared_label(params: &Params, probe: &mut Probe) -> u64 {
    // One allocation holds the text and its counts; each record clones the
    // handle, which only increments the count.
    let label: Rc<str> = Rc::from(LABEL);
    let records = build(params.size("n"), probe, |i| {
        let (id, x, y) = values(i);
        SharedRecord { id, x, y, label: Rc::clone(&label) }
    });
    checksum::<SharedRecord>(records.iter())
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "map of fields", run: map_of_fields },
        Variant { id: "boxed-trait-object", label: "Box<dyn Reading>", run: boxed_trait_object },
        Variant { id: "struct", label: "struct", run: plain_struct },
        Variant { id: "tuple-struct", label: "tuple struct", run: tuple_struct },
        Variant { id: "optimized", label: "struct, shared Rc<str> label", run: shared_label },
    ],
    params: &[
        ParamSpec { name: "n", label: "records", default: 50_000, min: 1000, max: 200_000 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::alloc::Layout;
    use std::mem::size_of;

    use super::*;
    use crate::outcome::VariantRun;

    /// Bytes of the one shared label: two counts, then the text, padded to
    /// the counts' alignment.
    fn shared_label_bytes() -> u64 {
        let counts = Layout::new::<[usize; 2]>();
        let (layout, _) = counts.extend(Layout::array::<u8>(LABEL.len()).unwrap()).unwrap();
        layout.pad_to_align().size() as u64
    }

    const N: u64 = 2_000;

    #[test]
    fn a_struct_costs_its_size_plus_a_label_copy() {
        let run = SPEC.run_at("struct", &[("n", N)]);
        assert_eq!(run.measurement.peak_bytes, N * (size_of::<Record>() + LABEL.len()) as u64);
        assert_eq!(run.measurement.allocations, 1 + N);
        assert_eq!(run.marks[0].live_bytes, run.measurement.peak_bytes as i64);
    }

    #[test]
    fn a_tuple_struct_is_laid_out_like_the_struct() {
        assert_eq!(size_of::<TupleRecord>(), size_of::<Record>());
        let tuple = SPEC.run_at("tuple-struct", &[("n", N)]);
        assert_eq!(tuple.measurement.peak_bytes, N * (size_of::<TupleRecord>() + LABEL.len()) as u64);
        assert_eq!(tuple.measurement, SPEC.run_at("struct", &[("n", N)]).measurement);
    }

    #[test]
    fn a_boxed_record_adds_a_fat_pointer_and_an_allocation() {
        assert_eq!(size_of::<Box<dyn Reading>>(), 2 * size_of::<usize>());
        let run = SPEC.run_at("boxed-trait-object", &[("n", N)]);
        let per_record = size_of::<Box<dyn Reading>>() + size_of::<Record>() + LABEL.len();
        assert_eq!(run.measurement.peak_bytes, N * per_record as u64);
        assert_eq!(run.measurement.allocations, 1 + 2 * N);
    }

    #[test]
    fn a_shared_label_is_allocated_once() {
        let run = SPEC.run_at("optimized", &[("n", N)]);
        assert_eq!(run.measurement.peak_bytes, N * size_of::<SharedRecord>() as u64 + shared_label_bytes());
        assert_eq!(run.measurement.allocations, 2);
        assert!(size_of::<Rc<str>>() < size_of::<String>());
    }

    #[test]
    fn the_shared_label_is_strictly_smallest_and_checksums_agree() {
        for n in [1_000, N] {
            let runs: Vec<VariantRun> = SPEC.variants.iter().map(|v| SPEC.run_at(v.id, &[("n", n)])).collect();
            let best = runs.last().unwrap();
            for other in &runs[..runs.len() - 1] {
                assert_eq!(other.checksum, best.checksum, "{}", other.id);
                assert!(best.measurement.peak_bytes < other.measurement.peak_bytes, "{} at n = {n}", other.id);
            }
            // The map layout is the largest of all.
            let map = &runs[0];
            assert!(runs[1..].iter().all(|r| r.measurement.peak_bytes < map.measurement.peak_bytes));
        }
    }

    #[test]
    fn every_layout_reads_the_same_record() {
        let (id, x, y) = values(3);
        let layouts: [Box<dyn Reading>; 4] = [
            Box::new(MapRecord::new(id, x, y, LABEL)),
            Box::new(Record { id, x, y, label: LABEL.to_string() }),
            Box::new(TupleRecord(id, x, y, LABEL.to_string())),
            Box::new(SharedRecord { id, x, y, label: Rc::from(LABEL) }),
        ];
        for r in &layouts {
            assert_eq!((r.id(), r.x(), r.y(), r.label()), (1_003, 3.0, 6.0, LABEL));
        }
    }
}
