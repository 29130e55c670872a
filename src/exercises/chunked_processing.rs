//! chunked-processing: work through a stream of records a chunk at a time,
//! so the memory held depends on the chunk size and not on the total.
//!
//! The records come from a generator (`generate`), the stand-in for a file
//! or a database cursor. Each chunk gets the same work (`process_chunk`), so
//! every variant computes the same result, chunk boundaries included.
//!
//! - `naive` collects every record into one `Vec` first, then walks it in
//!   chunks: its peak is the whole data set.
//! - `fresh-chunks` builds a new `Vec` for every chunk, as
//!   `list(islice(stream, size))` does in Python: the peak is one chunk, but
//!   it allocates and frees once per chunk.
//! - `optimized` reserves one buffer of `chunk` records up front and refills
//!   it with `clear()` + `extend()`: the peak is one chunk and there is a
//!   single allocation for the whole run. Since the buffer is reserved at
//!   full size, its peak is exactly `chunk` records, whatever the total.

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// One sensor reading. Plain data, stored inline in the `Vec`: in Rust a
/// record costs its fields and nothing else (no object header, no boxed
/// integers as in a Python tuple of ints).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record {
    pub id: u64,
    pub sensor: u32,
    /// Hundredths of a degree.
    pub reading: u32,
}

/// The source: `n` records, produced one at a time (same formula as the
/// Python program, so the results can be compared).
fn generate(n: u64) -> impl Iterator<Item = Record> {
    (0..n).map(|i| Record { id: i, sensor: (i % 16) as u32, reading: 1500 + ((i * 37) % 1000) as u32 })
}

/// The work done per chunk: the sum of its readings plus its largest one.
/// It depends on where chunks start and end, so equal results also show
/// that every variant cut the stream at the same places.
fn process_chunk(chunk: &[Record]) -> u64 {
    let total: u64 = chunk.iter().map(|r| r.reading as u64).sum();
    let largest = chunk.iter().map(|r| r.reading as u64).max().unwrap_or(0);
    total + largest
}

fn sizes(params: &Params) -> (u64, usize) {
    (params.get("n"), params.size("chunk"))
}

/// Index of the chunk at which to record the "halfway" checkpoint.
fn halfway_chunk(n: u64, chunk: usize) -> u64 {
    n.div_ceil(chunk as u64) / 2
}

/// Everything in memory first, then processed chunk by chunk.
fn collect_all(params: &Params, probe: &mut Probe) -> u64 {
    let (n, chunk) = sizes(params);
    let records: Vec<Record> = generate(n).collect();
    probe.mark("all records collected");
    let mut result = 0;
    for (index, piece) in records.chunks(chunk).enumerate() {
        result += process_chunk(piece);
        if index as u64 == halfway_chunk(n, chunk) {
            probe.mark("halfway");
        }
    }
    probe.mark("all chunks processed");
    result
}

/// A new `Vec` per chunk, dropped at the end of each loop turn.
fn fresh_chunks(params: &Params, probe: &mut Probe) -> u64 {
    let (n, chunk) = sizes(params);
    let mut source = generate(n);
    let mut result = 0;
    let mut index = 0;
    loop {
        let piece: Vec<Record> = source.by_ref().take(chunk).collect();
        if piece.is_empty() {
            break;
        }
        result += process_chunk(&piece);
        mark_progress(probe, index, n, chunk);
        index += 1;
    }
    probe.mark("all chunks processed");
    result
}

/// Checkpoints after the first chunk and at the halfway chunk.
fn mark_progress(probe: &mut Probe, index: u64, n: u64, chunk: usize) {
    if index == 0 {
        probe.mark("first chunk processed");
    } else if index == halfway_chunk(n, chunk) {
        probe.mark("halfway");
    }
}

/// One buffer, reserved once at its full size and refilled for every chunk.
fn reused_buffer(params: &Params, probe: &mut Probe) -> u64 {
    let (n, chunk) = sizes(params);
    let mut source = generate(n);
    let mut buffer: Vec<Record> = Vec::with_capacity(chunk);
    probe.mark("buffer reserved");
    let mut result = 0;
    let mut index = 0;
    loop {
        // `clear` keeps the capacity; `extend` from a `take` adds at most
        // `chunk` records, so the buffer never reallocates.
        buffer.clear();
        buffer.extend(source.by_ref().take(chunk));
        if buffer.is_empty() {
            break;
        }
        result += process_chunk(&buffer);
        mark_progress(probe, index, n, chunk);
        index += 1;
    }
    probe.mark("all chunks processed");
    result
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "collect everything", run: collect_all },
        Variant { id: "fresh-chunks", label: "a new Vec per chunk", run: fresh_chunks },
        Variant { id: "optimized", label: "one reused buffer", run: reused_buffer },
    ],
    params: &[
        ParamSpec { name: "n", label: "records", default: 200_000, min: 20_000, max: 2_000_000 },
        ParamSpec { name: "chunk", label: "records per chunk", default: 1000, min: 1, max: 10_000 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;

    const RECORD: u64 = size_of::<Record>() as u64;

    #[test]
    fn collecting_everything_holds_every_record() {
        for (n, chunk) in [(20_000, 1_000), (200_000, 1_000), (200_000, 7)] {
            let all = SPEC.run_at(0, &[("n", n), ("chunk", chunk)]);
            assert_eq!(all.measurement.peak_bytes, n * RECORD);
            assert_eq!(all.measurement.allocations, 1);
        }
    }

    #[test]
    fn the_reused_buffer_peak_depends_only_on_the_chunk_size() {
        for chunk in [1, 1_000, 10_000] {
            for n in [20_000, 200_000, 300_001] {
                let reused = SPEC.run_at(2, &[("n", n), ("chunk", chunk)]);
                assert_eq!(reused.measurement.peak_bytes, chunk * RECORD, "n = {n}, chunk = {chunk}");
                assert_eq!(reused.measurement.allocations, 1);
                assert_eq!(reused.measurement.grows, 0);
                assert_eq!(reused.measurement.retained_bytes, 0);
            }
        }
    }

    #[test]
    fn fresh_chunks_hold_one_chunk_but_allocate_once_per_chunk() {
        for (n, chunk) in [(20_000u64, 1_000u64), (200_000, 1_000), (20_001, 1_000), (20_000, 3)] {
            let fresh = SPEC.run_at(1, &[("n", n), ("chunk", chunk)]);
            // A shorter last chunk gets a smaller Vec; the first one is full.
            assert_eq!(fresh.measurement.peak_bytes, chunk * RECORD);
            assert_eq!(fresh.measurement.allocations, n.div_ceil(chunk));
        }
    }

    #[test]
    fn every_variant_gets_the_same_result() {
        for (n, chunk) in [(20_000, 1), (20_000, 1_000), (20_001, 1_000), (200_000, 10_000)] {
            let results: Vec<u64> = (0..3).map(|i| SPEC.run_at(i, &[("n", n), ("chunk", chunk)]).checksum).collect();
            assert!(results.windows(2).all(|w| w[0] == w[1]), "{results:?}");
        }
        // The result the Python program prints for 200,000 records.
        assert_eq!(SPEC.run_at(2, &[("n", 200_000), ("chunk", 1_000)]).checksum, 400_399_800);
    }

    #[test]
    fn marks_show_the_buffer_staying_the_same_size() {
        let reused = SPEC.run_at(2, &[("n", 200_000), ("chunk", 1_000)]);
        let live: Vec<i64> = reused.marks.iter().map(|m| m.live_bytes).collect();
        assert_eq!(reused.marks.len(), 4);
        // Every checkpoint holds the same bytes: the one buffer.
        assert!(live.windows(2).all(|w| w[0] == w[1]), "{live:?}");
    }
}
