//! array-vs-list: the same readings stored as a vector of number objects,
//! and as packed vectors of ever narrower numbers.
//!
//! A Python list of floats is an array of pointers, each to a float object of
//! its own: a header (reference count, type pointer) followed by the double.
//! The Rust stand-in is `Vec<Rc<PyFloat>>`: every element is a pointer to a
//! separate heap block that `Rc` lays out as two counts (strong and weak)
//! followed by the value, the same shape as a PyObject. The type pointer has
//! no counterpart, because Rust knows every value's type at compile time; the
//! weak count takes its place.
//!
//! Python's `array` module stores the raw numbers back to back, like a Rust
//! `Vec` of a primitive type. Type codes and their Rust equivalents:
//!
//! | code | C type             | Rust             |
//! |------|--------------------|------------------|
//! | `b`  | signed char        | `i8`             |
//! | `B`  | unsigned char      | `u8`             |
//! | `h`  | short              | `i16`            |
//! | `H`  | unsigned short     | `u16`            |
//! | `i`  | int                | `i32` (`c_int`)  |
//! | `I`  | unsigned int       | `u32` (`c_uint`) |
//! | `l`  | long               | `c_long`: its width depends on the platform |
//! | `q`  | long long          | `i64`            |
//! | `f`  | float              | `f32`            |
//! | `d`  | double             | `f64`            |
//!
//! The readings are whole numbers of metres between -400 and 8848, so every
//! layout below holds them exactly: `f32` represents every whole number up
//! to 2^24 and `i16` every one from -32768 to 32767. That is what makes the
//! narrowest layout a fair optimisation here: the checksums prove no reading
//! changed. Readings with fractions would not survive `f32` or `i16`.
//!
//! What Rust does not have: no garbage collector and no per-value header on
//! plain numbers; a `Vec<f64>` is nothing but the doubles. The only headers in
//! this module are the ones `Rc` adds on purpose, to model Python objects.
//! The unit tests at the bottom pin every figure down exactly, and also model
//! `[0.0] * n` (one shared object) against zeros computed one by one.

use std::hint::black_box;
use std::rc::Rc;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// A Python-like float object. Behind an `Rc` it gets a header (the counts)
/// and a heap block of its own, like every float in a CPython list.
pub struct PyFloat {
    pub value: f64,
}

/// Reading `i` of a made-up terrain profile, in whole metres. Computed in
/// `u64` because `i * 7919` overflows a 32-bit `usize` on wasm32.
fn elevation(i: usize) -> i16 {
    let step = (i as u64 * 7919) % 9249; // 0..=9248, fits an i16
    step as i16 - 400
}

/// The checksum every variant returns: the sum of the readings as a whole
/// number, reinterpreted as `u64` (a small `n` can give a negative sum).
fn checksum(readings: impl Iterator<Item = i64>) -> u64 {
    readings.sum::<i64>() as u64
}

/// `[float(x) for x in readings]`: a pointer per reading, an object per reading.
fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    // The vector of pointers is allocated first, at its exact final size
    // (the range knows its length), then one block per float object.
    let readings: Vec<Rc<PyFloat>> =
        (0..n).map(|i| Rc::new(PyFloat { value: f64::from(elevation(i)) })).collect();
    let readings = black_box(readings);
    probe.mark("pointers and float objects built");
    checksum(readings.iter().map(|reading| reading.value as i64))
}

/// `array('d', ...)`: the doubles themselves, back to back.
fn doubles(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    let readings: Vec<f64> = (0..n).map(|i| f64::from(elevation(i))).collect();
    let readings = black_box(readings);
    probe.mark("doubles stored");
    checksum(readings.iter().map(|&reading| reading as i64))
}

/// `array('f', ...)`: half the width; exact for these whole numbers.
fn floats(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    let readings: Vec<f32> = (0..n).map(|i| f32::from(elevation(i))).collect();
    let readings = black_box(readings);
    probe.mark("floats stored");
    checksum(readings.iter().map(|&reading| reading as i64))
}

/// `array('h', ...)`: the narrowest type that holds every reading exactly.
fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    let readings: Vec<i16> = (0..n).map(elevation).collect();
    let readings = black_box(readings);
    probe.mark("shorts stored");
    checksum(readings.iter().map(|&reading| i64::from(reading)))
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "list of float objects: Vec<Rc<PyFloat>>", run: naive },
        Variant { id: "f64", label: "array('d'): Vec<f64>", run: doubles },
        Variant { id: "f32", label: "array('f'): Vec<f32>", run: floats },
        Variant { id: "optimized", label: "array('h'): Vec<i16>", run: optimized },
    ],
    params: &[
        ParamSpec { name: "n", label: "readings", default: 100_000, min: 1, max: 2_000_000 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::alloc::Layout;
    use std::cell::Cell;
    use std::mem::size_of;

    use super::*;
    use crate::exercises::test_layouts::RcBlock;
    use crate::measure::measure;

    /// `[0.0] * n` in Rust terms: one float object and `n` pointers to it.
    /// `vec![x; n]` clones the `Rc`, which only bumps its count: the object
    /// is shared, as every slot of the Python list refers to the same `0.0`.
    #[allow(clippy::rc_clone_in_vec_init)] // sharing one object is the point
    fn shared_zeros(n: usize) -> Vec<Rc<PyFloat>> {
        vec![Rc::new(PyFloat { value: 0.0 }); n]
    }

    /// `[float(i - i) for i in range(n)]` in Rust terms: equal values, but a
    /// fresh object for each, as CPython creates a new float per result.
    /// Each `Rc::new` is a new allocation, whatever the value.
    fn computed_zeros(n: usize) -> Vec<Rc<PyFloat>> {
        (0..n).map(|_| Rc::new(PyFloat { value: 0.0 })).collect()
    }

    /// Bytes of one `Rc<PyFloat>` heap block by layout arithmetic: two
    /// `usize` counts, then the value at its alignment, then padding up to
    /// the block's alignment.
    fn rc_block_bytes() -> u64 {
        let counts = Layout::new::<[Cell<usize>; 2]>();
        let (block, _value_offset) = counts.extend(Layout::new::<PyFloat>()).unwrap();
        block.pad_to_align().size() as u64
    }

    #[test]
    fn the_mirror_struct_matches_the_layout_arithmetic_and_a_real_rc() {
        assert_eq!(size_of::<RcBlock<PyFloat>>() as u64, rc_block_bytes());
        let (object, one_rc) = measure(|| Rc::new(PyFloat { value: 1.5 }));
        assert_eq!(one_rc.allocations, 1);
        assert_eq!(one_rc.peak_bytes, size_of::<RcBlock<PyFloat>>() as u64);
        drop(object);
    }

    #[test]
    fn a_list_of_float_objects_costs_a_pointer_and_a_block_per_reading() {
        let n = 1_000;
        let list = SPEC.run_at(0, &[("n", n)]);
        let per_reading = size_of::<Rc<PyFloat>>() as u64 + size_of::<RcBlock<PyFloat>>() as u64;
        assert_eq!(size_of::<Rc<PyFloat>>(), size_of::<usize>());
        assert_eq!(list.measurement.allocations, 1 + n);
        assert_eq!(list.measurement.peak_bytes, n * per_reading);
        assert_eq!(list.measurement.retained_bytes, 0);
    }

    #[test]
    fn packed_vectors_cost_exactly_their_items() {
        let n = 1_000;
        let widths = [size_of::<f64>(), size_of::<f32>(), size_of::<i16>()];
        for (variant, width) in (1..4).zip(widths) {
            let packed = SPEC.run_at(variant, &[("n", n)]);
            assert_eq!(packed.measurement.allocations, 1, "variant {variant}");
            assert_eq!(packed.measurement.peak_bytes, n * width as u64, "variant {variant}");
        }
    }

    #[test]
    fn every_layout_holds_the_same_readings() {
        for n in [1, 2, 9_249, 100_000, 2_000_000] {
            let expected = checksum((0..n as usize).map(|i| i64::from(elevation(i))));
            for variant in 0..4 {
                assert_eq!(SPEC.run_at(variant, &[("n", n)]).checksum, expected, "variant {variant}, n = {n}");
            }
        }
        // The same sum the Python program prints for its 100,000 readings.
        assert_eq!(SPEC.run_at(3, &[("n", 100_000)]).checksum, 422_419_295);
    }

    #[test]
    fn readings_stay_in_range_and_survive_f32() {
        for i in 0..100_000 {
            let reading = elevation(i);
            assert!((-400..=8848).contains(&reading));
            assert_eq!(f32::from(reading) as i16, reading);
        }
    }

    #[test]
    fn copies_of_zero_share_one_object() {
        let n = 1_000;
        let (zeros, cost) = measure(|| shared_zeros(n));
        assert_eq!(cost.allocations, 2);
        assert_eq!(cost.peak_bytes as usize, size_of::<RcBlock<PyFloat>>() + n * size_of::<Rc<PyFloat>>());
        assert_eq!(Rc::strong_count(&zeros[0]), n);
        assert!(zeros.iter().all(|zero| Rc::ptr_eq(zero, &zeros[0])));
        drop(zeros);

        let (fresh, cost) = measure(|| computed_zeros(n));
        assert_eq!(cost.allocations as usize, 1 + n);
        assert!(!Rc::ptr_eq(&fresh[0], &fresh[1]));
    }
}
