//! slots-vs-dict: a point whose fields live in a per-object map, against a
//! point with a fixed layout.
//!
//! A Python instance without `__slots__` keeps its attributes in a dict of
//! its own; the Rust stand-in is a struct holding a `HashMap` from attribute
//! name to value. The names are `&'static str`, shared by every object, as
//! CPython shares one interned string per attribute name. The slotted
//! version is a plain struct: three `f64` fields, nothing else.

use std::collections::HashMap;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// A point that can gain attributes at run time, like an unslotted instance.
pub struct DictPoint {
    attributes: HashMap<&'static str, f64>,
}

impl DictPoint {
    pub fn new(x: f64, y: f64, z: f64) -> DictPoint {
        let mut point = DictPoint { attributes: HashMap::new() };
        point.set("x", x);
        point.set("y", y);
        point.set("z", z);
        point
    }

    pub fn get(&self, name: &str) -> Option<f64> {
        self.attributes.get(name).copied()
    }

    /// Any name is accepted, as `p.colour = ...` is on a dict-backed object.
    pub fn set(&mut self, name: &'static str, value: f64) {
        self.attributes.insert(name, value);
    }
}

/// A point with exactly three fields, like a class with `__slots__`.
/// `point.colour = 1.0` does not compile: "no field `colour` on type
/// `SlottedPoint`", the compile-time twin of Python's AttributeError.
pub struct SlottedPoint {
    pub x: f64,
    pub y: f64,
    pub z: f64,
}

/// Coordinates of point `i`; whole numbers, so sums are exact.
fn coordinates(i: usize) -> (f64, f64, f64) {
    (i as f64, 2.0 * i as f64, 3.0 * i as f64)
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let points: Vec<DictPoint> = (0..params.size("n"))
        .map(|i| {
            let (x, y, z) = coordinates(i);
            DictPoint::new(x, y, z)
        })
        .collect();
    probe.mark("all points built");
    let missing = f64::NAN;
    points
        .iter()
        .map(|p| (p.get("x").unwrap_or(missing) + p.get("y").unwrap_or(missing) + p.get("z").unwrap_or(missing)) as u64)
        .sum()
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let points: Vec<SlottedPoint> = (0..params.size("n"))
        .map(|i| {
            let (x, y, z) = coordinates(i);
            SlottedPoint { x, y, z }
        })
        .collect();
    probe.mark("all points built");
    points.iter().map(|p| (p.x + p.y + p.z) as u64).sum()
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "map of attributes", run: naive },
        Variant { id: "optimized", label: "fixed fields", run: optimized },
    ],
    params: &[
        ParamSpec { name: "n", label: "points", default: 10_000, min: 1, max: 1_000_000 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::exercise::Params;
    use crate::run::run_variant;

    #[test]
    fn slotted_points_cost_exactly_their_fields() {
        let n = 1_000;
        let run = run_variant(&SPEC.variants[1], &Params::new(&[("n", n)]), false);
        assert_eq!(size_of::<SlottedPoint>(), 3 * size_of::<f64>());
        assert_eq!(run.measurement.peak_bytes, n * size_of::<SlottedPoint>() as u64);
        assert_eq!(run.measurement.allocations, 1);
    }

    #[test]
    fn each_dict_point_adds_one_table_allocation() {
        let n = 1_000;
        let run = run_variant(&SPEC.variants[0], &Params::new(&[("n", n)]), false);
        // One Vec of handles, then one hash table per point.
        assert_eq!(run.measurement.allocations, 1 + n);
        assert!(run.measurement.peak_bytes > n * size_of::<DictPoint>() as u64);
    }

    #[test]
    fn a_dict_point_takes_new_attributes() {
        let mut p = DictPoint::new(1.0, 2.0, 3.0);
        p.set("colour", 7.0);
        assert_eq!(p.get("colour"), Some(7.0));
        assert_eq!(p.get("weight"), None);
    }
}
