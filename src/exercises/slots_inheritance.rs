//! slots-inheritance: a base that keeps its field in a map makes every type
//! built on it pay for the map, however lean their own fields are; fixing the
//! base fixes all of them.
//!
//! In Python, a slotted `User` whose base class declares no `__slots__`
//! still gets a `__dict__`, and the base's `__init__` stores `created` in it.
//! Rust has no inheritance; the nearest shape is a struct that embeds a base
//! struct. Here two "subclasses", `User` and `Order`, embed a base that comes
//! in three versions, and nothing else changes between the variants:
//!
//! - `MapBase`, the bug: `created` lives in a `HashMap` from attribute name
//!   to value, one hash table per object, like the instance dict;
//! - `LazyMapBase`: `created` is a field, and room for extra attributes is an
//!   `Option<Box<HashMap>>`, empty until something is stored: one pointer per
//!   object;
//! - `FieldBase`, the fix: `created` is a plain field, like
//!   `__slots__ = ("created",)` in the base.
//!
//! What differs from Python: Rust decides the layout at compile time and has
//! no per-object header, so the fixed structs cost exactly their fields. A
//! one-entry `HashMap` is also bigger than the compact values array CPython
//! 3.11 keeps for a small instance dict, so the gap between the bars is wider
//! than the one between Python's peaks.

use std::collections::HashMap;
use std::hint::black_box;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// What every version of the base offers its "subclasses".
pub trait Base {
    fn new(created: f64) -> Self;
    fn created(&self) -> f64;
    /// An attribute the base does not declare, like `getattr(obj, name, None)`:
    /// only a base with a map can hold one.
    fn extra(&self, name: &str) -> Option<f64>;
}

/// The bug: the base's attribute lives in a per-object map, which would also
/// take any misspelt name, as a `__dict__` does.
pub struct MapBase {
    attributes: HashMap<&'static str, f64>,
}

impl Base for MapBase {
    fn new(created: f64) -> MapBase {
        let mut attributes = HashMap::new();
        attributes.insert("created", created);
        MapBase { attributes }
    }

    fn created(&self) -> f64 {
        self.attributes.get("created").copied().unwrap_or(f64::NAN)
    }

    fn extra(&self, name: &str) -> Option<f64> {
        self.attributes.get(name).copied()
    }
}

/// A field for `created`, and room for attributes added at run time that
/// costs one pointer until the first one arrives.
pub struct LazyMapBase {
    created: f64,
    // Boxed on purpose: one pointer until used, where a `HashMap` inline is several words.
    #[allow(clippy::box_collection)]
    extras: Option<Box<HashMap<&'static str, f64>>>,
}

impl Base for LazyMapBase {
    fn new(created: f64) -> LazyMapBase {
        LazyMapBase { created, extras: None }
    }

    fn created(&self) -> f64 {
        self.created
    }

    fn extra(&self, name: &str) -> Option<f64> {
        self.extras.as_ref().and_then(|map| map.get(name).copied())
    }
}

/// The fix: the base declares its one field, like `__slots__ = ("created",)`.
pub struct FieldBase {
    created: f64,
}

impl Base for FieldBase {
    fn new(created: f64) -> FieldBase {
        FieldBase { created }
    }

    fn created(&self) -> f64 {
        self.created
    }

    fn extra(&self, _name: &str) -> Option<f64> {
        None
    }
}

/// A "subclass": its own fields plus whatever the base brings.
pub struct User<B> {
    pub base: B,
    pub user_id: u64,
    pub score: f64,
}

/// A second "subclass" of the same base.
pub struct Order<B> {
    pub base: B,
    pub order_id: u64,
    pub total: f64,
}

/// The timestamp record `i` was created at, a whole number of seconds.
fn created(i: usize) -> f64 {
    1_700_000_000.0 + i as f64
}

/// Builds `n` users and `n` orders on base `B` and sums every field.
fn users_and_orders<B: Base>(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    let users: Vec<User<B>> =
        (0..n).map(|i| User { base: B::new(created(i)), user_id: i as u64, score: (i % 100) as f64 }).collect();
    let orders: Vec<Order<B>> =
        (0..n).map(|i| Order { base: B::new(created(i)), order_id: (n + i) as u64, total: (i % 7) as f64 }).collect();
    let (users, orders) = black_box((users, orders));
    probe.mark("users and orders built");
    // Each user is also asked for a `nickname` nobody set: None from every base.
    let nickname = |u: &User<B>| u.base.extra("nickname").unwrap_or(0.0) as u64;
    let user_sum = users
        .iter()
        .fold(0u64, |sum, u| sum.wrapping_add(u.user_id + u.score as u64 + u.base.created() as u64 + nickname(u)));
    let order_sum =
        orders.iter().fold(0u64, |sum, o| sum.wrapping_add(o.order_id + o.total as u64 + o.base.created() as u64));
    user_sum.wrapping_add(order_sum)
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    users_and_orders::<MapBase>(params, probe)
}

fn lazy_map(params: &Params, probe: &mut Probe) -> u64 {
    users_and_orders::<LazyMapBase>(params, probe)
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    users_and_orders::<FieldBase>(params, probe)
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "base keeps a map of attributes", run: naive },
        Variant { id: "lazy-map", label: "base leaves room for a map", run: lazy_map },
        Variant { id: "optimized", label: "base with a plain field", run: optimized },
    ],
    params: &[ParamSpec { name: "n", label: "users", default: 10_000, min: 1, max: 200_000 }],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::measure::measure;
    use crate::outcome::VariantRun;

    /// Both vectors, each exactly `n` long: the only heap of the fixed variants.
    fn vectors<B>(n: u64) -> u64 {
        n * (size_of::<User<B>>() + size_of::<Order<B>>()) as u64
    }

    #[test]
    fn the_fixed_base_costs_exactly_the_fields() {
        assert_eq!(size_of::<FieldBase>(), size_of::<f64>());
        let n = 2_000;
        let fixed = SPEC.run_at("optimized", &[("n", n)]);
        assert_eq!(fixed.measurement.peak_bytes, vectors::<FieldBase>(n));
        assert_eq!(fixed.measurement.allocations, 2);
    }

    #[test]
    fn room_for_a_map_costs_a_pointer_per_object_and_no_heap() {
        // `Option<Box<_>>` is one pointer: a null pointer stands for `None`.
        assert_eq!(size_of::<Option<Box<HashMap<&str, f64>>>>(), size_of::<usize>());
        let n = 2_000;
        let lazy = SPEC.run_at("lazy-map", &[("n", n)]);
        assert_eq!(lazy.measurement.peak_bytes, vectors::<LazyMapBase>(n));
        assert_eq!(lazy.measurement.allocations, 2);
        assert!(lazy.measurement.peak_bytes > SPEC.run_at("optimized", &[("n", n)]).measurement.peak_bytes);
    }

    #[test]
    fn the_map_in_the_base_adds_a_table_to_every_user_and_every_order() {
        let (one, table) = measure(|| MapBase::new(1.0));
        assert_eq!(table.allocations, 1);
        drop(one);
        let n = 2_000;
        let buggy = SPEC.run_at("naive", &[("n", n)]);
        assert_eq!(buggy.measurement.allocations, 2 + 2 * n);
        assert_eq!(buggy.measurement.peak_bytes, vectors::<MapBase>(n) + 2 * n * table.peak_bytes);
    }

    #[test]
    fn every_base_gives_the_same_sums() {
        for n in [1, 7, 1_000] {
            let runs: Vec<VariantRun> = SPEC.variants.iter().map(|v| SPEC.run_at(v.id, &[("n", n)])).collect();
            assert!(runs.iter().all(|r| r.checksum == runs[0].checksum), "n = {n}");
            assert!(runs[2].measurement.peak_bytes < runs[1].measurement.peak_bytes);
            assert!(runs[1].measurement.peak_bytes < runs[0].measurement.peak_bytes);
        }
    }

    #[test]
    fn only_the_map_bases_accept_a_new_attribute() {
        let mut map_base = MapBase::new(5.0);
        map_base.attributes.insert("emial", 1.0); // a misspelt name goes in silently
        assert_eq!((map_base.created(), map_base.extra("emial")), (5.0, Some(1.0)));
        let mut lazy = LazyMapBase::new(5.0);
        assert!(lazy.extras.is_none());
        lazy.extras.get_or_insert_with(Box::default).insert("nickname", 2.0); // the map appears on first use
        assert_eq!(lazy.extra("nickname"), Some(2.0));
        // `FieldBase { created: 5.0 }.emial = 1.0` does not compile: no such field.
        assert_eq!((FieldBase::new(5.0).created(), FieldBase::new(5.0).extra("emial")), (5.0, None));
    }
}
