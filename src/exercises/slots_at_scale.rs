//! slots-at-scale: the attribute-map record against the fixed-layout record,
//! for many records at once and three record shapes.
//!
//! Each shape is a plain struct (the "slotted" layout). The "unslotted"
//! layout stores the very same fields in a `HashMap` from field name to
//! value, one map per record, as an instance `__dict__` would. Field names are
//! `&'static str`, shared by every record, as CPython shares one string per
//! attribute name; values are `f64`, one 8-byte number per field.
//!
//! The parameter `fields` picks the shape, after the course's examples:
//! 3 = a point (x, y, z), 4 = a sensor reading, 5 = a user record. Both
//! variants mark the live bytes when a quarter, half, three quarters and all
//! of the records exist: the struct array is reserved once, so its line is
//! flat, while every map record adds a table of its own.

use std::collections::HashMap;
use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// A record shape: its field names and how to list its values.
pub trait Shape: Sized {
    /// Field names in declaration order.
    const FIELDS: &'static [&'static str];
    /// Record number `i` of a data set (whole numbers only, so sums are exact).
    fn make(i: usize) -> Self;
    /// Calls `visit` with each field's name and value, in `FIELDS` order.
    fn for_each_field(&self, visit: impl FnMut(&'static str, f64));
}

/// Three coordinates, as in the course's 10,000-point example.
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub z: f64,
}

impl Shape for Point {
    const FIELDS: &'static [&'static str] = &["x", "y", "z"];

    fn make(i: usize) -> Point {
        Point { x: i as f64, y: (2 * i) as f64, z: (3 * i) as f64 }
    }

    fn for_each_field(&self, mut visit: impl FnMut(&'static str, f64)) {
        visit("x", self.x);
        visit("y", self.y);
        visit("z", self.z);
    }
}

/// A four-field sensor reading; narrow integer types where they suffice.
pub struct SensorReading {
    pub sensor_id: u32,
    pub timestamp: u64,
    pub value: f64,
    pub status: u8,
}

impl Shape for SensorReading {
    const FIELDS: &'static [&'static str] = &["sensor_id", "timestamp", "value", "status"];

    fn make(i: usize) -> SensorReading {
        SensorReading {
            sensor_id: (i % 100) as u32,
            timestamp: 1_700_000_000 + i as u64,
            value: (i % 1_000) as f64,
            status: (i % 3) as u8,
        }
    }

    fn for_each_field(&self, mut visit: impl FnMut(&'static str, f64)) {
        visit("sensor_id", self.sensor_id as f64);
        visit("timestamp", self.timestamp as f64);
        visit("value", self.value);
        visit("status", self.status as f64);
    }
}

/// A five-field user record.
pub struct UserRecord {
    pub user_id: u64,
    pub age: u8,
    pub score: f32,
    pub logins: u32,
    pub balance: f64,
}

impl Shape for UserRecord {
    const FIELDS: &'static [&'static str] = &["user_id", "age", "score", "logins", "balance"];

    fn make(i: usize) -> UserRecord {
        UserRecord {
            user_id: 100_000 + i as u64,
            age: (18 + i % 60) as u8,
            score: (i % 100) as f32,
            logins: (1_000 + i % 500) as u32,
            balance: i as f64,
        }
    }

    fn for_each_field(&self, mut visit: impl FnMut(&'static str, f64)) {
        visit("user_id", self.user_id as f64);
        visit("age", self.age as f64);
        visit("score", self.score as f64);
        visit("logins", self.logins as f64);
        visit("balance", self.balance);
    }
}

/// A record that keeps its fields in a map of its own, like an unslotted
/// instance: any name can be added later.
pub struct MapRecord {
    pub fields: HashMap<&'static str, f64>,
}

impl MapRecord {
    /// The same record, field by field, moved into a map sized for it.
    pub fn from_shape<S: Shape>(record: &S) -> MapRecord {
        let mut fields = HashMap::with_capacity(S::FIELDS.len());
        record.for_each_field(|name, value| {
            fields.insert(name, value);
        });
        MapRecord { fields }
    }
}

/// The live-bytes checkpoints: after a quarter, half, three quarters and all
/// of the records are built.
const CHECKPOINTS: [(usize, &str); 4] =
    [(1, "a quarter built"), (2, "half built"), (3, "three quarters built"), (4, "all built")];

/// Builds `n` records with `make`, marking the checkpoints as it goes.
/// The vector is reserved up front, so the only growth is the records' own.
fn build_with_marks<T>(n: usize, probe: &mut Probe, make: impl Fn(usize) -> T) -> Vec<T> {
    let mut records = Vec::with_capacity(n);
    let mut next_checkpoint = 0;
    for i in 0..n {
        records.push(make(i));
        while next_checkpoint < CHECKPOINTS.len() && (i + 1) * 4 >= n * CHECKPOINTS[next_checkpoint].0 {
            probe.mark(CHECKPOINTS[next_checkpoint].1);
            next_checkpoint += 1;
        }
    }
    records
}

/// Sum of every field of every record, each field cast to a whole number.
fn checksum_of<S: Shape>(records: &[S]) -> u64 {
    let mut sum = 0u64;
    for record in records {
        record.for_each_field(|_, value| sum += value as u64);
    }
    sum
}

fn maps<S: Shape>(n: usize, probe: &mut Probe) -> u64 {
    let records = build_with_marks(n, probe, |i| MapRecord::from_shape(&S::make(i)));
    // Read back by name, as attribute access on an unslotted instance does.
    records
        .iter()
        .map(|record| S::FIELDS.iter().map(|name| record.fields[name] as u64).sum::<u64>())
        .sum()
}

fn structs<S: Shape>(n: usize, probe: &mut Probe) -> u64 {
    let records = build_with_marks(n, probe, S::make);
    checksum_of(&records)
}

// The `fields` parameter picks the shape; the records are generic over it.

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    match params.get("fields") {
        3 => maps::<Point>(n, probe),
        4 => maps::<SensorReading>(n, probe),
        5 => maps::<UserRecord>(n, probe),
        other => panic!("`fields` must be 3, 4 or 5, not {other}"),
    }
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    match params.get("fields") {
        3 => structs::<Point>(n, probe),
        4 => structs::<SensorReading>(n, probe),
        5 => structs::<UserRecord>(n, probe),
        other => panic!("`fields` must be 3, 4 or 5, not {other}"),
    }
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "map per record", run: naive },
        Variant { id: "optimized", label: "plain struct", run: optimized },
    ],
    params: &[
        ParamSpec { name: "n", label: "records", default: 200_000, min: 1000, max: 1_000_000 },
        ParamSpec { name: "fields", label: "fields per record (3 point, 4 reading, 5 user)", default: 5, min: 3, max: 5 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;

    /// Bytes one fixed-layout record takes for a given `fields` value; the
    /// struct variant's peak is exactly `n` times this.
    fn struct_bytes(fields: u64) -> usize {
        match fields {
            3 => size_of::<Point>(),
            4 => size_of::<SensorReading>(),
            5 => size_of::<UserRecord>(),
            other => panic!("`fields` must be 3, 4 or 5, not {other}"),
        }
    }

    #[test]
    fn struct_records_cost_exactly_their_size() {
        let n = 4_000;
        for fields in 3..=5 {
            let run = SPEC.run_at(1, &[("n", n), ("fields", fields)]);
            let expected = n * struct_bytes(fields) as u64;
            assert_eq!(run.measurement.peak_bytes, expected, "fields = {fields}");
            assert_eq!(run.measurement.allocations, 1, "fields = {fields}");
            assert_eq!(run.measurement.retained_bytes, 0, "fields = {fields}");
            // Reserved once: every checkpoint sees the whole array already.
            assert_eq!(run.marks.len(), 4);
            assert!(run.marks.iter().all(|m| m.live_bytes == expected as i64), "{:?}", run.marks);
        }
    }

    #[test]
    fn shapes_are_the_size_of_their_fields_plus_padding() {
        assert_eq!(size_of::<Point>(), 3 * size_of::<f64>());
        // Largest field first after reordering; the u8 leaves padding.
        let reading_fields = size_of::<u32>() + size_of::<u64>() + size_of::<f64>() + size_of::<u8>();
        assert!(size_of::<SensorReading>() >= reading_fields);
        assert_eq!(size_of::<SensorReading>() % std::mem::align_of::<SensorReading>(), 0);
        assert_eq!(size_of::<SensorReading>(), reading_fields.next_multiple_of(std::mem::align_of::<u64>()));
    }

    #[test]
    fn map_records_grow_with_every_record() {
        let n = 4_000;
        let run = SPEC.run_at(0, &[("n", n), ("fields", 3)]);
        // One vector of handles, then exactly one table per record.
        assert_eq!(run.measurement.allocations, 1 + n);
        let marks: Vec<i64> = run.marks.iter().map(|m| m.live_bytes).collect();
        assert!(marks.windows(2).all(|w| w[0] < w[1]), "{marks:?}");
        // Every table is the same size, so each quarter adds the same bytes:
        // a quarter of the records' tables, n / 4 of them.
        let quarter = marks[1] - marks[0];
        assert_eq!(marks[2] - marks[1], quarter);
        assert_eq!(marks[3] - marks[2], quarter);
        assert_eq!(quarter % (n as i64 / 4), 0, "{marks:?}");
        // The reserved handles, then n / 4 more equal tables per quarter.
        let handles = (n * size_of::<MapRecord>() as u64) as i64;
        assert_eq!(marks[0], handles + quarter);
        assert_eq!(run.measurement.peak_bytes as i64, marks[3]);
    }

    #[test]
    fn both_layouts_hold_the_same_values() {
        for fields in 3..=5 {
            assert_eq!(SPEC.run_at(0, &[("n", 1_000), ("fields", fields)]).checksum, SPEC.run_at(1, &[("n", 1_000), ("fields", fields)]).checksum);
        }
        let user = UserRecord::make(7);
        let map = MapRecord::from_shape(&user);
        assert_eq!(map.fields.len(), UserRecord::FIELDS.len());
        assert_eq!(map.fields["user_id"], 100_007.0);
        assert_eq!(map.fields["age"], 25.0);
    }
}
