//! live-monitor: watch live bytes while a job runs, phase by phase, and
//! count live values by type at each phase boundary.
//!
//! A sampling monitor in Python wakes up every few milliseconds and reads
//! the traced memory, so it can miss a short spike. Here the measuring
//! allocator records live bytes at *every* allocation event (merging
//! neighbouring points, keeping the larger, once there are too many to
//! draw), so the timeline's highest point is the true peak. The page draws
//! it as a line chart with the peak and the phase marks on it.
//!
//! The job has three phases: build `n` records of `SAMPLES` readings each,
//! scale each record's readings by its largest one, and sum the scaled
//! readings into `GROUPS` totals. `naive` holds every phase's input until
//! the job ends; `optimized` releases each record as soon as its scaled copy
//! exists, and each scaled copy as soon as it is summed, so the peak is one
//! phase's data instead of all of it. Each record type carries a zero-sized
//! `Live<…>` guard, so the live counts at each mark show which type is
//! still held.

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};
use crate::measure::live::{Live, LiveCounter, LiveType};

/// Readings per record.
pub const SAMPLES: usize = 8;
/// Totals the last phase produces.
pub const GROUPS: usize = 100;

static RECORDS: LiveCounter = LiveCounter::new("Record");
static SCALED: LiveCounter = LiveCounter::new("Scaled");

/// What the first phase builds: an id and its raw readings.
pub struct Record {
    id: u64,
    samples: Vec<f64>,
    _live: Live<Record>,
}

impl LiveType for Record {
    fn live_counter() -> &'static LiveCounter {
        &RECORDS
    }
}

/// What the second phase makes of a record: readings scaled to at most 1.
pub struct Scaled {
    id: u64,
    values: Vec<f64>,
    _live: Live<Scaled>,
}

impl LiveType for Scaled {
    fn live_counter() -> &'static LiveCounter {
        &SCALED
    }
}

/// Phase 1: `n` records, each with an exactly sized `Vec` of readings.
fn build(n: usize) -> Vec<Record> {
    let mut records = Vec::with_capacity(n);
    records.extend((0..n as u64).map(|id| Record {
        id,
        samples: (0..SAMPLES as u64).map(|j| ((id + j) % 97) as f64).collect(),
        _live: Live::new(),
    }));
    records
}

/// Phase 2, for one record: a new, scaled copy of its readings.
fn scale(record: &Record) -> Scaled {
    let top = record.samples.iter().copied().fold(0.0, f64::max);
    let top = if top == 0.0 { 1.0 } else { top };
    Scaled { id: record.id, values: record.samples.iter().map(|s| s / top).collect(), _live: Live::new() }
}

/// Phase 3, for one scaled record: adds its readings to its group's total.
fn add_to(totals: &mut [f64], scaled: &Scaled) {
    totals[scaled.id as usize % GROUPS] += scaled.values.iter().sum::<f64>();
}

/// The answer: the totals' exact bits, so the variants must agree to the bit.
fn checksum(totals: &[f64]) -> u64 {
    totals.iter().fold(0u64, |acc, t| acc.rotate_left(7) ^ t.to_bits())
}

/// Marks the phase on the timeline and records the live counts there.
fn phase_done(probe: &mut Probe, label: &'static str) {
    probe.mark(label);
    probe.count_live(label);
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let records = build(params.size("n"));
    phase_done(probe, "built");

    let scaled: Vec<Scaled> = records.iter().map(scale).collect();
    phase_done(probe, "scaled");

    let mut totals = vec![0.0; GROUPS];
    scaled.iter().for_each(|s| add_to(&mut totals, s));
    phase_done(probe, "summed");

    // `records` and `scaled` are dropped only here, when the job returns.
    checksum(&totals)
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let records = build(params.size("n"));
    phase_done(probe, "built");

    let mut scaled = Vec::with_capacity(records.len());
    // `for record in records` takes each record by value: it is dropped at
    // the end of its iteration, right after its scaled copy is made.
    for record in records {
        scaled.push(scale(&record));
    }
    phase_done(probe, "scaled");

    let mut totals = vec![0.0; GROUPS];
    for s in scaled {
        add_to(&mut totals, &s);
    }
    phase_done(probe, "summed");

    checksum(&totals)
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "hold every phase's input", run: naive },
        Variant { id: "optimized", label: "free each input as it is used", run: optimized },
    ],
    params: &[
        ParamSpec { name: "n", label: "records", default: 50_000, min: 1000, max: 200_000 },
    ],
    records_timeline: true,
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::measure::LiveCheckpoint;

    /// Bytes of one record or one scaled record: the struct and its readings.
    fn record_bytes() -> usize {
        size_of::<Record>() + SAMPLES * size_of::<f64>()
    }
    fn scaled_bytes() -> usize {
        size_of::<Scaled>() + SAMPLES * size_of::<f64>()
    }

    fn live_at(checkpoint: &LiveCheckpoint, name: &str) -> i64 {
        checkpoint.counts.iter().find(|count| count.name == name).map_or(0, |count| count.live)
    }

    #[test]
    fn holding_everything_peaks_at_all_phases_together() {
        let n = 1_000;
        let r = SPEC.run_at(0, &[("n", n as u64)]);
        let checkpoints = r.live_counts.clone();
        let totals = GROUPS * size_of::<f64>();
        let peak = n * (record_bytes() + scaled_bytes()) + totals;
        assert_eq!(r.measurement.peak_bytes, peak as u64);
        let marks: Vec<i64> = r.marks.iter().map(|m| m.live_bytes).collect();
        assert_eq!(marks, [(n * record_bytes()) as i64, (n * (record_bytes() + scaled_bytes())) as i64, peak as i64]);
        assert_eq!(r.timeline.as_ref().expect("a timeline").peak(), peak as i64);
        let live: Vec<(i64, i64)> = checkpoints.iter().map(|c| (live_at(c, "Record"), live_at(c, "Scaled"))).collect();
        let n = n as i64;
        assert_eq!(live, [(n, 0), (n, n), (n, n)]);
    }

    #[test]
    fn freeing_as_it_goes_peaks_at_one_phase_and_one_readings_buffer() {
        let n = 1_000;
        let r = SPEC.run_at(1, &[("n", n as u64)]);
        let checkpoints = r.live_counts.clone();
        let readings = SAMPLES * size_of::<f64>();
        // During scaling: every record, the scaled Vec reserved up front, and
        // one new readings buffer made before its record is dropped.
        let peak = n * record_bytes() + n * size_of::<Scaled>() + readings;
        assert_eq!(r.measurement.peak_bytes, peak as u64);
        let after_scaling = n * scaled_bytes();
        let after_summing = GROUPS * size_of::<f64>();
        let marks: Vec<i64> = r.marks.iter().map(|m| m.live_bytes).collect();
        assert_eq!(marks, [(n * record_bytes()) as i64, after_scaling as i64, after_summing as i64]);
        assert_eq!(r.timeline.as_ref().expect("a timeline").peak(), peak as i64);
        let live: Vec<(i64, i64)> = checkpoints.iter().map(|c| (live_at(c, "Record"), live_at(c, "Scaled"))).collect();
        assert_eq!(live, [(n as i64, 0), (0, n as i64), (0, 0)]);
    }
}
