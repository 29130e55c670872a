//! flags-and-sparse-data: `ids` users, a yes/no flag for each, and a score
//! that only `density` in every 1,000 of them have.
//!
//! Two questions, each answered by the right data structure:
//!
//! - **Flags.** A `Vec<bool>` spends a whole byte on each yes/no answer;
//!   a bit set packs 64 of them into one `u64` word. (Python's list of bools
//!   spends a whole pointer on each, which is why its bitmap saves even more.)
//! - **A sparse index.** A dense `Vec<Option<u64>>` keeps a slot for every
//!   id, with or without a score; a `HashMap<u32, u64>` keeps only the ids
//!   that have one, but pays for spare buckets, a control byte per bucket and
//!   the table it rebuilds each time it grows. Which is smaller depends on
//!   the density: move it and watch the `bits` and `map` bars cross.
//!   Two sorted vectors (the ids, and their scores) cost exactly the
//!   entries, found by binary search: smaller than both at every density,
//!   for an index built once and then only read.
//!
//! Every variant reports what its flags and its index cost on their own
//! (the index at its peak, while it was being built).

use std::collections::HashMap;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};
use crate::measure;

/// User `i`'s flag: every third user said yes (as in the Python program).
pub fn opted_in(i: usize) -> bool {
    i % 3 == 0
}

/// Whether user `i` has a score: `per_mille` ids in every 1,000 do, spread
/// out by the Python program's scramble.
pub fn has_score(i: usize, per_mille: u64) -> bool {
    (i as u64 * 7919) % 1000 < per_mille
}

pub fn score(i: usize) -> u64 {
    1000 + 3 * i as u64
}

/// One bit per flag, 64 to a word.
pub struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    pub fn new(len: usize) -> BitSet {
        BitSet { words: vec![0; len.div_ceil(64)] }
    }

    pub fn set(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    pub fn get(&self, i: usize) -> bool {
        (self.words[i / 64] >> (i % 64)) & 1 == 1
    }
}

/// The ids that have a score, in increasing order, and their scores.
pub struct SortedIndex {
    ids: Vec<u32>,
    scores: Vec<u64>,
}

impl SortedIndex {
    /// Counts the entries first, so each vector is allocated once, exactly.
    fn build(ids: usize, per_mille: u64) -> SortedIndex {
        let present = || (0..ids).filter(|&i| has_score(i, per_mille));
        let count = present().count();
        let mut index = SortedIndex { ids: Vec::with_capacity(count), scores: Vec::with_capacity(count) };
        for i in present() {
            index.ids.push(i as u32);
            index.scores.push(score(i));
        }
        index
    }

    pub fn get(&self, id: u32) -> Option<u64> {
        self.ids.binary_search(&id).ok().map(|at| self.scores[at])
    }
}

fn sizes(params: &Params) -> (usize, u64) {
    (params.size("ids"), params.get("density"))
}

fn bool_flags(ids: usize) -> Vec<bool> {
    (0..ids).map(opted_in).collect()
}

fn bit_flags(ids: usize) -> BitSet {
    let mut flags = BitSet::new(ids);
    (0..ids).filter(|&i| opted_in(i)).for_each(|i| flags.set(i));
    flags
}

fn dense_index(ids: usize, per_mille: u64) -> Vec<Option<u64>> {
    let mut index = vec![None; ids];
    (0..ids).filter(|&i| has_score(i, per_mille)).for_each(|i| index[i] = Some(score(i)));
    index
}

fn map_index(ids: usize, per_mille: u64) -> HashMap<u32, u64> {
    // Grown key by key, as a dict comprehension grows.
    (0..ids).filter(|&i| has_score(i, per_mille)).map(|i| (i as u32, score(i))).collect()
}

/// Builds the flags, then the index, reporting what each costs alone.
fn build<F, I>(probe: &mut Probe, flags: impl FnOnce() -> F, index: impl FnOnce() -> I) -> (F, I) {
    let before = measure::live_bytes();
    let flags = flags();
    probe.note("flag bytes", measure::live_bytes() - before);
    let (index, built) = measure::measure(index);
    probe.note("index bytes at peak", built.peak_bytes as i64);
    probe.mark("flags and index built");
    (flags, index)
}

/// Flags set, plus every id's score (0 when it has none), looked up one id
/// at a time through each variant's own structures.
fn checksum(ids: usize, flag: impl Fn(usize) -> bool, score_of: impl Fn(usize) -> Option<u64>) -> u64 {
    (0..ids).map(|i| u64::from(flag(i)) + score_of(i).unwrap_or(0)).sum()
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let (ids, per_mille) = sizes(params);
    let (flags, index) = build(probe, || bool_flags(ids), || dense_index(ids, per_mille));
    checksum(ids, |i| flags[i], |i| index[i])
}

fn bits(params: &Params, probe: &mut Probe) -> u64 {
    let (ids, per_mille) = sizes(params);
    let (flags, index) = build(probe, || bit_flags(ids), || dense_index(ids, per_mille));
    checksum(ids, |i| flags.get(i), |i| index[i])
}

fn map(params: &Params, probe: &mut Probe) -> u64 {
    let (ids, per_mille) = sizes(params);
    let (flags, index) = build(probe, || bit_flags(ids), || map_index(ids, per_mille));
    checksum(ids, |i| flags.get(i), |i| index.get(&(i as u32)).copied())
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let (ids, per_mille) = sizes(params);
    let (flags, index) = build(probe, || bit_flags(ids), || SortedIndex::build(ids, per_mille));
    checksum(ids, |i| flags.get(i), |i| index.get(i as u32))
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "Vec<bool> + Vec<Option<u64>>", run: naive },
        Variant { id: "bits", label: "bit set + Vec<Option<u64>>", run: bits },
        Variant { id: "map", label: "bit set + HashMap", run: map },
        Variant { id: "optimized", label: "bit set + sorted Vecs", run: optimized },
    ],
    params: &[
        ParamSpec { name: "ids", label: "user ids", default: 50_000, min: 1_000, max: 1_000_000 },
        ParamSpec { name: "density", label: "ids with a score, per 1,000", default: 50, min: 1, max: 1_000 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;
    use crate::outcome::VariantRun;

    fn note(run: &VariantRun, label: &str) -> u64 {
        run.notes.iter().find(|n| n.label == label).expect("variant reports it").value as u64
    }

    /// Ids with a score among the first `ids`.
    fn scored(ids: u64, density: u64) -> u64 {
        (0..ids as usize).filter(|&i| has_score(i, density)).count() as u64
    }

    const IDS: u64 = 10_007;

    #[test]
    fn flags_cost_a_byte_each_as_bools_and_a_bit_each_in_words() {
        let words = IDS.div_ceil(u64::BITS as u64);
        assert_eq!(note(&SPEC.run_at(0, &[("ids", IDS), ("density", 50)]), "flag bytes"), IDS * size_of::<bool>() as u64);
        assert_eq!(note(&SPEC.run_at(1, &[("ids", IDS), ("density", 50)]), "flag bytes"), words * size_of::<u64>() as u64);
    }

    #[test]
    fn the_dense_index_costs_a_slot_per_id_whatever_the_density() {
        for density in [1, 50, 1_000] {
            let run = SPEC.run_at(1, &[("ids", IDS), ("density", density)]);
            let slots = IDS * size_of::<Option<u64>>() as u64;
            assert_eq!(note(&run, "index bytes at peak"), slots, "density {density}");
            let words = IDS.div_ceil(u64::BITS as u64) * size_of::<u64>() as u64;
            assert_eq!(run.measurement.peak_bytes, words + slots);
        }
    }

    #[test]
    fn sorted_vectors_cost_exactly_an_id_and_a_score_per_entry() {
        for density in [1, 50, 1_000] {
            let entry = (size_of::<u32>() + size_of::<u64>()) as u64;
            let run = SPEC.run_at(3, &[("ids", IDS), ("density", density)]);
            assert_eq!(note(&run, "index bytes at peak"), scored(IDS, density) * entry, "density {density}");
            // The bit set, the ids and the scores: three allocations.
            assert_eq!(run.measurement.allocations, 3);
        }
    }

    #[test]
    fn the_map_wins_when_sparse_and_loses_when_dense() {
        let dense = |density| note(&SPEC.run_at(1, &[("ids", IDS), ("density", density)]), "index bytes at peak");
        let map = |density| note(&SPEC.run_at(2, &[("ids", IDS), ("density", density)]), "index bytes at peak");
        assert!(map(10) < dense(10));
        assert!(map(1_000) > dense(1_000));
        // Each entry holds an id and a score, so the map always costs more than the sorted vectors.
        for density in [1, 10, 50, 500, 1_000] {
            assert!(note(&SPEC.run_at(3, &[("ids", IDS), ("density", density)]), "index bytes at peak") < map(density), "density {density}");
        }
    }

    #[test]
    fn every_variant_finds_the_same_flags_and_scores() {
        for density in [1, 137, 1_000] {
            let sums: Vec<u64> = (0..4).map(|v| SPEC.run_at(v, &[("ids", IDS), ("density", density)]).checksum).collect();
            assert_eq!(sums, vec![sums[0]; 4], "density {density}");
        }
        let expected_flags = IDS.div_ceil(3);
        let expected_scores: u64 = (0..IDS as usize).filter(|&i| has_score(i, 1_000)).map(score).sum();
        assert_eq!(SPEC.run_at(0, &[("ids", IDS), ("density", 1_000)]).checksum, expected_flags + expected_scores);
    }

    #[test]
    fn bit_set_and_sorted_index_answer_like_the_simple_forms() {
        let mut set = BitSet::new(130);
        for i in [0, 63, 64, 129] {
            set.set(i);
        }
        let on: Vec<usize> = (0..130).filter(|&i| set.get(i)).collect();
        assert_eq!(on, vec![0, 63, 64, 129]);
        let index = SortedIndex::build(2_000, 50);
        for id in 0..2_000 {
            assert_eq!(index.get(id as u32), has_score(id, 50).then(|| score(id)), "id {id}");
        }
    }
}

