//! slices-and-copies: four everyday jobs over `n` readings and an `n`-byte
//! packet, done by copying and by borrowing.
//!
//! 1. Add up the first half of the readings: `to_vec()` of the slice, as
//!    Python's `readings[:k]` builds a new list, or the borrowed slice
//!    itself (`&readings[..k]`), which is what `islice` walks.
//! 2. Add up two batches: `concat` them into a new vector, as `a + b` does,
//!    or `chain` the two slices, as `itertools.chain` does.
//! 3. Keep the first matches above a limit: collect every match and then
//!    copy the first few, as `[x for x in r if x > limit][:k]` does, or
//!    `filter` and `take` so the scan stops at the last match wanted.
//! 4. Checksum a packet's body after its header: copy the body out, as
//!    `packet[16:]` copies bytes, or borrow `&packet[16..]`, which is what a
//!    `memoryview` slice is: a pointer and a length into the same buffer.
//!
//! Both variants build the same readings and packet first, so both bars
//! include them; the copying variant drops each copy when its job is done,
//! as Python frees a temporary list, so its peak is the data plus its
//! largest copy. The timeline shows one spike per copy.
//!
//! Python checks at run time what Rust checks at compile time: a
//! `bytearray` with a live `memoryview` refuses to change size
//! (`BufferError`), and a `Vec` with a live borrow cannot be pushed to at
//! all: the borrow checker rejects the program.

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// Bytes of the packet's header, skipped by the checksum.
pub const HEADER: usize = 16;
/// Readings above this are matches (about one in ten).
pub const LIMIT: u32 = 91_000;
/// How many matches job 3 keeps.
pub const FIRST_MATCHES: usize = 1_000;

/// Reading `i`, by the Python program's formula.
pub fn reading(i: usize) -> u32 {
    1_000 + ((i as u64 * 7919) % 100_000) as u32
}

/// The data both variants start from.
struct Data {
    readings: Vec<u32>,
    packet: Vec<u8>,
}

fn data(params: &Params, probe: &mut Probe) -> Data {
    let n = params.size("n");
    let data = Data { readings: (0..n).map(reading).collect(), packet: (0..n).map(|i| i as u8).collect() };
    probe.mark("readings and packet built");
    data
}

fn sum<'a>(values: impl IntoIterator<Item = &'a u32>) -> u64 {
    values.into_iter().map(|&v| u64::from(v)).sum()
}

/// A simple checksum of the bytes (position-weighted, so order matters).
fn body_checksum(body: &[u8]) -> u64 {
    body.iter().enumerate().map(|(i, &b)| (i as u64 + 1) * u64::from(b)).sum()
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let Data { readings, packet } = data(params, probe);
    let (yesterday, today) = readings.split_at(readings.len() / 2);

    let first_half: Vec<u32> = yesterday.to_vec();
    probe.mark("first half copied");
    let first = sum(&first_half);
    drop(first_half);

    let both: Vec<u32> = [yesterday, today].concat();
    probe.mark("batches joined");
    let total = sum(&both);
    drop(both);

    let matches: Vec<u32> = readings.iter().copied().filter(|&r| r > LIMIT).collect();
    let first_matches: Vec<u32> = matches[..FIRST_MATCHES.min(matches.len())].to_vec();
    probe.mark("all matches collected, first ones copied");
    drop(matches);
    let kept = sum(&first_matches);
    drop(first_matches);

    let body: Vec<u8> = packet[HEADER.min(packet.len())..].to_vec();
    probe.mark("packet body copied");
    let checksum = body_checksum(&body);

    first + total + kept + checksum
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let Data { readings, packet } = data(params, probe);
    let (yesterday, today) = readings.split_at(readings.len() / 2);

    let first = sum(yesterday);
    let total = sum(yesterday.iter().chain(today));
    let kept = sum(readings.iter().filter(|&&r| r > LIMIT).take(FIRST_MATCHES));
    let body: &[u8] = &packet[HEADER.min(packet.len())..];
    probe.mark("all four jobs done, nothing copied");
    let checksum = body_checksum(body);

    first + total + kept + checksum
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "to_vec, concat, collect", run: naive },
        Variant { id: "optimized", label: "borrowed slices, chain, filter, take", run: optimized },
    ],
    params: &[
        ParamSpec { name: "n", label: "readings and packet bytes", default: 200_000, min: 1_000, max: 4_000_000 },
    ],
    records_timeline: true,
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::outcome::VariantRun;

    fn data_bytes(n: u64) -> u64 {
        n * size_of::<u32>() as u64 + n * size_of::<u8>() as u64
    }

    fn marks(run: &VariantRun) -> Vec<i64> {
        run.marks.iter().map(|m| m.live_bytes).collect()
    }

    const N: u64 = 100_003;

    #[test]
    fn borrowing_adds_nothing_to_the_data() {
        let run = SPEC.run_at(1, &[("n", N)]);
        assert_eq!(run.measurement.peak_bytes, data_bytes(N));
        assert_eq!(marks(&run), vec![data_bytes(N) as i64; 2]);
        // The readings and the packet: two allocations in all.
        assert_eq!(run.measurement.allocations, 2);
    }

    #[test]
    fn each_copy_holds_what_it_copied_until_it_is_dropped() {
        let run = SPEC.run_at(0, &[("n", N)]);
        let per_reading = size_of::<u32>() as u64;
        let half = N / 2 * per_reading;
        let joined = N * per_reading;
        // `collect` from a filter cannot know the count, so the vector starts
        // at four readings and doubles when full.
        let matches = (0..N as usize).filter(|&i| reading(i) > LIMIT).count() as u64;
        let collected = matches.next_power_of_two().max(4) * per_reading;
        let first_ones = FIRST_MATCHES as u64 * per_reading;
        let body = N - HEADER as u64;
        let data = data_bytes(N);
        let expected = [data, data + half, data + joined, data + collected + first_ones, data + body];
        assert_eq!(marks(&run), expected.map(|bytes| bytes as i64));
        // The largest copy alive at once is the joined batches.
        assert_eq!(run.measurement.peak_bytes, data_bytes(N) + joined);
    }

    #[test]
    fn both_ways_compute_the_same_and_borrowing_peaks_lower() {
        for n in [1_000, N, 1_000_000] {
            let (copying, borrowing) = (SPEC.run_at(0, &[("n", n)]), SPEC.run_at(1, &[("n", n)]));
            assert_eq!(copying.checksum, borrowing.checksum, "n = {n}");
            assert!(borrowing.measurement.peak_bytes < copying.measurement.peak_bytes);
        }
    }

    #[test]
    fn a_borrowed_slice_points_into_the_same_buffer() {
        let packet: Vec<u8> = (0..64).collect();
        let body = &packet[HEADER..];
        assert!(std::ptr::eq(body.as_ptr(), packet[HEADER..].as_ptr()));
        let copy = packet[HEADER..].to_vec();
        assert_eq!(copy, body);
        assert!(!std::ptr::eq(copy.as_ptr(), body.as_ptr()));
        // A borrow is a pointer and a length, whatever it covers.
        assert_eq!(size_of::<&[u8]>(), 2 * size_of::<usize>());
    }
}

