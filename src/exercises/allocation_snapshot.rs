//! allocation-snapshot: who holds the memory? Build three structures, each
//! inside its own allocation site, take a snapshot while all of them are
//! alive, and read the sites biggest first, as `tracemalloc`'s
//! `statistics("lineno")` lists Python lines.
//!
//! The workload follows the course: `n` random ten-letter words, a map of
//! the squares of `0..n/2`, and a set of `4n/5` random floats (stored as
//! their `u64` bits, since `f64` is not `Hash`/`Eq` in Rust). A site is a
//! labelled scope (`let _site = site("words")`): every block allocated while
//! the guard lives is charged to that label until it is freed.
//!
//! The snapshot then suggests what to change. `naive` keeps one heap block
//! per word, a hash map and a hash set; `optimized` keeps the same data in
//! four flat buffers: every word's letters in one `String` with an offset
//! table, the squares in a `Vec` indexed by the key (the keys are exactly
//! `0..n/2`, so a map is not needed), and the floats in a sorted `Vec`
//! searched by bisection. Both answer the same questions with the same
//! checksum; the snapshots show where the bytes went.

use std::collections::{HashMap, HashSet};

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};
use crate::measure::site;

/// Letters per word, as in the Python program.
pub const WORD_LEN: usize = 10;
const SEED: u64 = 2024;

/// How many words, squares and floats a run builds for parameter `n`.
pub fn workload_sizes(params: &Params) -> (usize, usize, usize) {
    let words = params.size("n");
    (words, words / 2, words * 4 / 5)
}

/// SplitMix64: a small, fast generator with a fixed seed, so every variant
/// sees the same words and floats.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn letter(&mut self) -> char {
        (b'a' + (self.next_u64() % 26) as u8) as char
    }

    /// A float in [0, 1), like Python's `random.random()`.
    fn unit_float(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Folds bytes into a running value (order matters, as in a hash).
fn fold_bytes(acc: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(acc, |acc, &b| acc.wrapping_mul(31).wrapping_add(b as u64))
}

/// Floats to look up in the set: the first one the workload stored (after
/// its words, the generator's next value) and one it never drew.
fn membership_probes(params: &Params) -> impl Iterator<Item = u64> {
    let (word_count, _, _) = workload_sizes(params);
    let mut rng = Rng(SEED);
    (0..word_count * WORD_LEN).for_each(|_| {
        rng.letter();
    });
    let stored = rng.unit_float().to_bits();
    let never_drawn = 2.0f64.to_bits();
    [stored, never_drawn].into_iter()
}

/// What every variant must agree on: the words in order, the square of every
/// key looked up one by one, and the set's size, bits and membership tests.
struct Answers {
    words: u64,
    squares: u64,
    distinct_floats: u64,
    float_bits: u64,
    members_found: u64,
}

impl Answers {
    fn checksum(&self) -> u64 {
        self.words
            ^ self.squares.rotate_left(17)
            ^ self.distinct_floats.rotate_left(34)
            ^ self.float_bits.rotate_left(51)
            ^ self.members_found
    }
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let (word_count, square_count, float_count) = workload_sizes(params);
    let mut rng = Rng(SEED);

    let words: Vec<String> = {
        let _site = site("words");
        (0..word_count)
            .map(|_| {
                let mut word = String::with_capacity(WORD_LEN);
                (0..WORD_LEN).for_each(|_| word.push(rng.letter()));
                word
            })
            .collect()
    };
    probe.mark("words built");
    let squares: HashMap<u64, u64> = {
        let _site = site("squares");
        (0..square_count as u64).map(|k| (k, k * k)).collect()
    };
    probe.mark("squares built");
    let floats: HashSet<u64> = {
        let _site = site("floats");
        (0..float_count).map(|_| rng.unit_float().to_bits()).collect()
    };
    probe.mark("floats built");
    // Everything is alive here: the snapshot sees all three sites.
    probe.snapshot("all three built");

    Answers {
        words: words.iter().fold(0, |acc, w| fold_bytes(acc, w.as_bytes())),
        squares: (0..square_count as u64).fold(0, |acc, k| acc.wrapping_add(squares[&k])),
        distinct_floats: floats.len() as u64,
        float_bits: floats.iter().fold(0, |acc, bits| acc ^ bits),
        members_found: membership_probes(params).filter(|bits| floats.contains(bits)).count() as u64,
    }
    .checksum()
}

/// Every word's letters in one buffer; word `i` is `text[starts[i]..starts[i + 1]]`.
/// The offsets let words have any length; here all have `WORD_LEN` letters,
/// so `i * WORD_LEN` would do, and the offsets could go too.
struct WordTable {
    text: String,
    starts: Vec<u32>,
}

impl WordTable {
    fn word(&self, i: usize) -> &str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let (word_count, square_count, float_count) = workload_sizes(params);
    let mut rng = Rng(SEED);

    let words = {
        let _site = site("words");
        let mut table = WordTable {
            text: String::with_capacity(word_count * WORD_LEN),
            starts: Vec::with_capacity(word_count + 1),
        };
        table.starts.push(0);
        for _ in 0..word_count {
            (0..WORD_LEN).for_each(|_| table.text.push(rng.letter()));
            table.starts.push(table.text.len() as u32);
        }
        table
    };
    probe.mark("words built");
    let squares: Vec<u64> = {
        let _site = site("squares");
        // The key is the index: keys are exactly 0..square_count.
        (0..square_count as u64).map(|k| k * k).collect()
    };
    probe.mark("squares built");
    let floats: Vec<u64> = {
        let _site = site("floats");
        let mut bits: Vec<u64> = (0..float_count).map(|_| rng.unit_float().to_bits()).collect();
        // In place, no scratch buffer; then duplicates sit side by side.
        bits.sort_unstable();
        bits.dedup();
        bits
    };
    probe.mark("floats built");
    probe.snapshot("all three built");

    Answers {
        words: (0..word_count).fold(0, |acc, i| fold_bytes(acc, words.word(i).as_bytes())),
        squares: (0..square_count).fold(0, |acc, k| acc.wrapping_add(squares[k])),
        distinct_floats: floats.len() as u64,
        float_bits: floats.iter().fold(0, |acc, bits| acc ^ bits),
        members_found: membership_probes(params).filter(|bits| floats.binary_search(bits).is_ok()).count() as u64,
    }
    .checksum()
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "a block per word, hash map, hash set", run: naive },
        Variant { id: "optimized", label: "one text buffer, dense array, sorted array", run: optimized },
    ],
    params: &[
        ParamSpec { name: "n", label: "words", default: 100_000, min: 1000, max: 200_000 },
    ],
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;

    #[test]
    fn flat_buffers_cost_exactly_their_elements() {
        let n = 1_000;
        let (words, squares, floats) = workload_sizes(&Params::new(&[("n", n)]));
        let r = SPEC.run_at(1, &[("n", n)]);
        let text = words * WORD_LEN;
        let offsets = (words + 1) * size_of::<u32>();
        let expected = text + offsets + squares * size_of::<u64>() + floats * size_of::<u64>();
        assert_eq!(r.measurement.peak_bytes, expected as u64);
        assert_eq!(r.measurement.allocations, 4);
        let snapshot = &r.snapshots[0];
        assert_eq!(snapshot.site("words"), ((text + offsets) as i64, 2));
        assert_eq!(snapshot.site("squares"), ((squares * size_of::<u64>()) as i64, 1));
        assert_eq!(snapshot.site("floats"), ((floats * size_of::<u64>()) as i64, 1));
    }

    #[test]
    fn a_block_per_word_shows_in_the_snapshot() {
        let n = 2_000;
        let r = SPEC.run_at(0, &[("n", n)]);
        let words = n as usize;
        let snapshot = &r.snapshots[0];
        assert_eq!(snapshot.label, "all three built");
        // The Vec of handles plus one WORD_LEN-byte block per word.
        let word_bytes = words * size_of::<String>() + words * WORD_LEN;
        assert_eq!(snapshot.site("words"), (word_bytes as i64, words as i64 + 1));
        // Each hash table is one block, however many entries it holds.
        assert_eq!(snapshot.site("squares").1, 1);
        assert_eq!(snapshot.site("floats").1, 1);
        assert!(snapshot.sites.windows(2).all(|w| w[0].bytes >= w[1].bytes), "biggest first");
        assert_eq!(snapshot.untracked_blocks, 0);
    }

    #[test]
    fn top_site_of_the_course_workload_is_over_100_kb() {
        let r = SPEC.run_at(0, &[("n", 100_000)]);
        assert!(r.snapshots[0].sites[0].bytes > 100 * 1024);
    }

    #[test]
    fn the_first_probe_is_a_stored_float_and_the_second_is_not() {
        let params = Params::new(&[("n", 1_000)]);
        let (words, _, floats) = workload_sizes(&params);
        let mut rng = Rng(SEED);
        (0..words * WORD_LEN).for_each(|_| {
            rng.letter();
        });
        let stored: Vec<u64> = (0..floats).map(|_| rng.unit_float().to_bits()).collect();
        let probes: Vec<u64> = membership_probes(&params).collect();
        assert_eq!(probes[0], stored[0]);
        assert!(!stored.contains(&probes[1]));
    }

    #[test]
    fn the_generator_repeats_and_floats_are_in_range() {
        let mut a = Rng(SEED);
        let mut b = Rng(SEED);
        assert_eq!(a.next_u64(), b.next_u64());
        assert!((0..1000).all(|_| (0.0..1.0).contains(&a.unit_float())));
        assert!((0..1000).all(|_| b.letter().is_ascii_lowercase()));
    }
}
