//! slots-vs-dict: a point whose fields live in a per-object map, against a
//! point with a fixed layout, and between them the layout CPython 3.11
//! actually gives an unslotted instance.
//!
//! - `naive`: a struct holding a `HashMap` from attribute name to value, a
//!   table of its own per point with a key beside every value, as Python's
//!   instance dicts were before they shared keys. The names are
//!   `&'static str`, shared by every object, as CPython shares one interned
//!   string per attribute name.
//! - `shared-keys`: the names live once, in a key table the whole class
//!   shares (`PointClass`); each point holds only a small array of values in
//!   the same order. A new name joins the class's table and its value goes
//!   at the end of the point's array. This is CPython 3.11's layout for an
//!   instance nobody asked `__dict__` of: the object, plus a values array.
//! - `optimized`: a plain struct, three `f64` fields, nothing else: what
//!   `__slots__` gives.

use std::cell::RefCell;
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

/// The attribute names every instance of the class shares, in the order
/// each point keeps its values: CPython's shared-key table.
pub struct PointClass {
    keys: RefCell<Vec<&'static str>>,
}

impl PointClass {
    pub fn new() -> PointClass {
        PointClass { keys: RefCell::new(vec!["x", "y", "z"]) }
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.keys.borrow().iter().position(|&key| key == name)
    }
}

impl Default for PointClass {
    fn default() -> Self {
        PointClass::new()
    }
}

/// A point that keeps only values; the names are its class's.
pub struct SharedKeysPoint {
    values: Vec<f64>,
}

impl SharedKeysPoint {
    /// Room for exactly three values, set through the class's keys.
    pub fn new(class: &PointClass, x: f64, y: f64, z: f64) -> SharedKeysPoint {
        let mut point = SharedKeysPoint { values: Vec::with_capacity(3) };
        point.set(class, "x", x);
        point.set(class, "y", y);
        point.set(class, "z", z);
        point
    }

    pub fn get(&self, class: &PointClass, name: &str) -> Option<f64> {
        self.values.get(class.index(name)?).copied()
    }

    /// Any name is accepted: a new one joins the class's keys, and this
    /// point's array grows to hold its value. (Assumes the points of a class
    /// gain attributes in the same order, as CPython's key sharing does.)
    pub fn set(&mut self, class: &PointClass, name: &'static str, value: f64) {
        let index = class.index(name).unwrap_or_else(|| {
            class.keys.borrow_mut().push(name);
            class.keys.borrow().len() - 1
        });
        if index == self.values.len() {
            self.values.push(value);
        } else {
            self.values[index] = value;
        }
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

fn shared_keys(params: &Params, probe: &mut Probe) -> u64 {
    let class = PointClass::new();
    let points: Vec<SharedKeysPoint> = (0..params.size("n"))
        .map(|i| {
            let (x, y, z) = coordinates(i);
            SharedKeysPoint::new(&class, x, y, z)
        })
        .collect();
    probe.mark("all points built");
    let missing = f64::NAN;
    let get = |p: &SharedKeysPoint, name| p.get(&class, name).unwrap_or(missing);
    points.iter().map(|p| (get(p, "x") + get(p, "y") + get(p, "z")) as u64).sum()
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
        Variant { id: "shared-keys", label: "values array, keys shared by the class", run: shared_keys },
        Variant { id: "optimized", label: "fixed fields", run: optimized },
    ],
    params: &[ParamSpec { name: "n", label: "points", default: 10_000, min: 1, max: 1_000_000 }],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;

    #[test]
    fn slotted_points_cost_exactly_their_fields() {
        let n = 1_000;
        let run = SPEC.run_at(2, &[("n", n)]);
        assert_eq!(size_of::<SlottedPoint>(), 3 * size_of::<f64>());
        assert_eq!(run.measurement.peak_bytes, n * size_of::<SlottedPoint>() as u64);
        assert_eq!(run.measurement.allocations, 1);
    }

    #[test]
    fn each_dict_point_adds_one_table_allocation() {
        let n = 1_000;
        let run = SPEC.run_at(0, &[("n", n)]);
        // One Vec of handles, then one hash table per point.
        assert_eq!(run.measurement.allocations, 1 + n);
        assert!(run.measurement.peak_bytes > n * size_of::<DictPoint>() as u64);
    }

    #[test]
    fn a_shared_keys_point_is_a_handle_and_three_values() {
        let n = 1_000u64;
        let run = SPEC.run_at(1, &[("n", n)]);
        // The class's key table was made before the points, and is counted.
        let class = 3 * size_of::<&str>() as u64;
        assert_eq!(size_of::<SharedKeysPoint>(), size_of::<Vec<f64>>());
        let per_point = (size_of::<SharedKeysPoint>() + 3 * size_of::<f64>()) as u64;
        assert_eq!(run.measurement.peak_bytes, class + n * per_point);
        assert_eq!(run.measurement.allocations, 2 + n);
        let naive = SPEC.run_at(0, &[("n", n)]);
        let slotted = SPEC.run_at(2, &[("n", n)]);
        assert!(naive.measurement.peak_bytes > run.measurement.peak_bytes);
        assert!(run.measurement.peak_bytes > slotted.measurement.peak_bytes);
        assert_eq!((naive.checksum, slotted.checksum), (run.checksum, run.checksum));
    }

    #[test]
    fn a_shared_keys_point_takes_new_attributes_through_its_class() {
        let class = PointClass::new();
        let mut points = [SharedKeysPoint::new(&class, 1.0, 2.0, 3.0), SharedKeysPoint::new(&class, 4.0, 5.0, 6.0)];
        points[0].set(&class, "colour", 7.0);
        points[1].set(&class, "colour", 8.0);
        points[1].set(&class, "y", 9.0);
        assert_eq!(class.keys.borrow().len(), 4, "one new name for the whole class");
        assert_eq!(points.map(|p| p.values), [vec![1.0, 2.0, 3.0, 7.0], vec![4.0, 9.0, 6.0, 8.0]]);
        assert_eq!(SharedKeysPoint::new(&class, 1.0, 2.0, 3.0).get(&class, "colour"), None);
    }

    #[test]
    fn a_dict_point_takes_new_attributes() {
        let mut p = DictPoint::new(1.0, 2.0, 3.0);
        p.set("colour", 7.0);
        assert_eq!(p.get("colour"), Some(7.0));
        assert_eq!(p.get("weight"), None);
    }
}
