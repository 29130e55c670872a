//! generator-vs-list: store every square and then add them up, against
//! adding them up as they are produced.
//!
//! Python's `sum([k * k for k in range(n)])` builds the whole list before
//! `sum` sees its first item; `sum(k * k for k in range(n))` pulls one square
//! at a time from a paused generator. The Rust counterparts:
//!
//! - a list: `collect()` the squares into a `Vec<u64>`, then sum the vector;
//! - a generator: the iterator `(0..n).map(square)` itself. It is a small
//!   value on the stack holding the range's current position (the function
//!   `square` takes no space), it computes nothing until asked, and it never
//!   touches the heap.
//!
//! Honest differences: a `Vec<u64>` stores the numbers themselves, with no
//! per-item object or header, so Rust's "list" is much smaller than
//! CPython's list of pointers to `int` objects. And Python's generator is a
//! heap object with a frame, while Rust's iterator costs no heap at all.
//! The shape is the same: one peak grows with `n`, the other does not.

use std::hint::black_box;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// `k * k` in wrapping `u64` arithmetic. For the largest `n` allowed the
/// squares still fit, but their sum does not: every variant wraps the same
/// way, so the checksums still agree.
fn square(k: usize) -> u64 {
    let k = k as u64;
    k.wrapping_mul(k)
}

/// Adds one square to a running total, wrapping past `u64::MAX`.
fn add(total: u64, value: u64) -> u64 {
    total.wrapping_add(value)
}

/// Like the list comprehension: every square exists before the sum starts.
fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    // `0..n` knows exactly how many items it will yield and `map` passes that
    // on, so `collect` makes one allocation of exactly `n` squares and never
    // has to grow it (unlike a Python list built by appending).
    let squares: Vec<u64> = (0..n).map(square).collect();
    // Stop the optimiser from fusing the two loops and dropping the vector.
    let squares = black_box(squares);
    probe.mark("every square stored");
    squares.iter().copied().fold(0, add)
}

/// Like the generator expression: each square is made, added and forgotten.
fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let n = params.size("n");
    // Nothing is computed here: this only describes the stream. (`black_box`
    // hides each k from the optimiser, which would otherwise replace the
    // whole loop by the formula for a sum of squares: the time the page
    // sets beside CPython's would then be no loop at all.)
    let squares = (0..n).map(|k| square(black_box(k)));
    probe.mark("stream described, nothing computed yet");
    // `fold` asks for one square at a time, like `sum` resuming a generator.
    let total = squares.fold(0, add);
    probe.mark("stream consumed");
    total
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "collect into a Vec, then sum", run: naive },
        Variant { id: "optimized", label: "sum the iterator", run: optimized },
    ],
    params: &[
        ParamSpec { name: "n", label: "numbers", default: 500_000, min: 1, max: 5_000_000 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::{size_of, size_of_val};
    use std::ops::Range;

    use super::*;

    /// The sum of k * k for k in 0..n from the closed form
    /// (n - 1) n (2n - 1) / 6, computed wide and then wrapped to 64 bits.
    fn expected_checksum(n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let n = n as u128;
        ((n - 1) * n * (2 * n - 1) / 6) as u64
    }

    #[test]
    fn the_vector_holds_exactly_n_squares_in_one_allocation() {
        let n = 1_000;
        let list = SPEC.run_at(0, &[("n", n)]);
        let bytes = n * size_of::<u64>() as u64;
        assert_eq!(list.measurement.allocations, 1);
        assert_eq!(list.measurement.peak_bytes, bytes);
        assert_eq!(list.measurement.allocated_bytes, bytes);
        assert_eq!(list.measurement.retained_bytes, 0);
        // Against the stream's first mark, taken when it holds nothing of its
        // own, so anything else a mark counts cancels out.
        let stream = SPEC.run_at(1, &[("n", n)]);
        assert_eq!(list.marks[0].live_bytes - stream.marks[0].live_bytes, bytes as i64);
    }

    #[test]
    fn the_iterator_allocates_nothing() {
        let n = 1_000;
        let stream = SPEC.run_at(1, &[("n", n)]);
        assert_eq!(stream.measurement.allocations, 0);
        assert_eq!(stream.measurement.peak_bytes, 0);
        // Live bytes do not move while the stream is consumed.
        assert_eq!(stream.marks.len(), 2);
        assert_eq!(stream.marks[0].live_bytes, stream.marks[1].live_bytes);
    }

    #[test]
    fn both_compute_the_closed_form_sum() {
        // 4_000_000 is past the point where the sum wraps around 2^64.
        for n in [1, 2, 3, 1_000, 500_000, 4_000_000] {
            let list = SPEC.run_at(0, &[("n", n)]);
            let stream = SPEC.run_at(1, &[("n", n)]);
            assert_eq!(list.checksum, expected_checksum(n), "list, n = {n}");
            assert_eq!(stream.checksum, expected_checksum(n), "stream, n = {n}");
        }
        assert!(expected_checksum(4_000_000) < expected_checksum(3_000_000), "the sum should have wrapped");
    }

    #[test]
    fn the_sum_first_overflows_64_bits_where_the_text_says() {
        // exercise.toml: wrapping matters "from 3,810,779 numbers on".
        let exact_sum = |n: u128| (n - 1) * n * (2 * n - 1) / 6;
        assert!(exact_sum(3_810_778) <= u64::MAX as u128);
        assert!(exact_sum(3_810_779) > u64::MAX as u128);
    }

    #[test]
    fn the_iterator_is_just_a_range_on_the_stack() {
        // The paused "generator": the range's two bounds; `square` is a
        // function item, which occupies no bytes.
        let squares = (0..10usize).map(square);
        assert_eq!(size_of_val(&squares), size_of::<Range<usize>>());
    }
}
