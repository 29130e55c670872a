//! object-pool: buffers allocated for every use, against buffers borrowed
//! from a small pool and handed back.
//!
//! Each round of the workload needs `POOL_SIZE` buffers of `buffer_kib` KiB
//! at the same time, fills them (the stand-in for real work) and is done
//! with them. The naive version asks the allocator for fresh buffers every
//! round and frees them at the end of it. The pooled version asks a `Pool`,
//! which creates a buffer only when it has no spare one and otherwise hands
//! back one that an earlier round released.
//!
//! Peak memory is the same either way: one round's buffers. What the pool
//! saves is the traffic: allocations, and bytes requested over the whole
//! run. That is why this exercise's metric is the number of allocations.
//!
//! A pooled buffer comes back with its previous user's data in it unless the
//! pool wipes it, so `release` runs a reset function on everything it keeps.
//! Every round checks that the buffers it received are all zeros; a dirty
//! buffer would change the checksum, and the two variants would disagree.

use crate::exercise::{ExerciseSpec, Metric, ParamSpec, Params, Probe, Variant};

/// Buffers one round uses at once, and the most the pool keeps.
pub const POOL_SIZE: usize = 5;

/// A pool of reusable `T`s, made by `make` and wiped by `reset`.
/// The closures are type parameters, not boxed, so the pool itself
/// allocates nothing but its free list.
pub struct Pool<T, Make, Reset>
where
    Make: FnMut() -> T,
    Reset: FnMut(&mut T),
{
    free: Vec<T>,
    keep_at_most: usize,
    make: Make,
    reset: Reset,
    /// Items `make` had to produce.
    pub created: usize,
    /// Acquisitions served from the free list.
    pub reused: usize,
    /// Releases, whether the item was kept or dropped.
    pub returned: usize,
}

impl<T, Make, Reset> Pool<T, Make, Reset>
where
    Make: FnMut() -> T,
    Reset: FnMut(&mut T),
{
    pub fn new(keep_at_most: usize, make: Make, reset: Reset) -> Self {
        Pool {
            // Reserved once, so keeping items never grows it.
            free: Vec::with_capacity(keep_at_most),
            keep_at_most,
            make,
            reset,
            created: 0,
            reused: 0,
            returned: 0,
        }
    }

    /// A spare item if there is one, a new one otherwise.
    pub fn acquire(&mut self) -> T {
        match self.free.pop() {
            Some(item) => {
                self.reused += 1;
                item
            }
            None => {
                self.created += 1;
                (self.make)()
            }
        }
    }

    /// Takes an item back. It is wiped before it is kept, so the next user
    /// never sees the last one's data; past `keep_at_most` it is dropped.
    pub fn release(&mut self, mut item: T) {
        self.returned += 1;
        if self.free.len() < self.keep_at_most {
            (self.reset)(&mut item);
            self.free.push(item);
        }
    }
}

/// The byte a round writes into one of its buffers (never 0, so a buffer
/// that was not wiped is easy to spot).
fn fill_byte(round: usize, slot: usize) -> u8 {
    ((round + slot) % 255 + 1) as u8
}

/// What a round does with one buffer: check it arrived clean, fill it,
/// read it back. Returns (sum of the bytes written, whether it was dirty).
fn use_buffer(buffer: &mut [u8], byte: u8) -> (u64, bool) {
    let dirty = buffer.iter().any(|&b| b != 0);
    buffer.fill(byte);
    let sum = buffer.iter().map(|&b| u64::from(b)).sum();
    (sum, dirty)
}

/// Folds the rounds' results into one number; a dirty buffer adds a large
/// penalty, so a leak would show up as a checksum mismatch.
fn checksum(sum: u64, dirty_buffers: u64) -> u64 {
    sum.wrapping_add(dirty_buffers << 40)
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let (rounds, buffer_bytes) = (params.size("rounds"), params.size("buffer_kib") * 1024);
    let (mut sum, mut dirty) = (0u64, 0u64);
    for round in 0..rounds {
        // Fresh, zeroed buffers from the allocator; freed at the end of the round.
        let mut buffers: [Vec<u8>; POOL_SIZE] = std::array::from_fn(|_| vec![0u8; buffer_bytes]);
        if round == 0 {
            probe.mark("first round's buffers in use");
        }
        for (slot, buffer) in buffers.iter_mut().enumerate() {
            let (bytes, was_dirty) = use_buffer(buffer, fill_byte(round, slot));
            sum += bytes;
            dirty += u64::from(was_dirty);
        }
        drop(buffers);
        if round == 0 {
            probe.mark("after the first round");
        }
    }
    probe.mark("after the last round");
    checksum(sum, dirty)
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let (rounds, buffer_bytes) = (params.size("rounds"), params.size("buffer_kib") * 1024);
    let mut pool = Pool::new(POOL_SIZE, || vec![0u8; buffer_bytes], |buffer: &mut Vec<u8>| buffer.fill(0));
    let (mut sum, mut dirty) = (0u64, 0u64);
    for round in 0..rounds {
        let mut buffers: [Vec<u8>; POOL_SIZE] = std::array::from_fn(|_| pool.acquire());
        if round == 0 {
            probe.mark("first round's buffers in use");
        }
        for (slot, buffer) in buffers.iter_mut().enumerate() {
            let (bytes, was_dirty) = use_buffer(buffer, fill_byte(round, slot));
            sum += bytes;
            dirty += u64::from(was_dirty);
        }
        for buffer in buffers {
            pool.release(buffer);
        }
        if round == 0 {
            // The pool keeps the buffers: memory stays held between rounds.
            probe.mark("after the first round");
        }
    }
    probe.mark("after the last round");
    checksum(sum, dirty)
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "allocate per use", run: naive },
        Variant { id: "optimized", label: "reuse from a pool", run: optimized },
    ],
    params: &[
        ParamSpec { name: "rounds", label: "rounds", default: 100, min: 2, max: 2000 },
        ParamSpec { name: "buffer_kib", label: "KiB per buffer", default: 1, min: 1, max: 16 },
    ],
    metric: Metric::Allocations,
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use std::mem::size_of;

    use super::*;

    fn params(rounds: u64, buffer_kib: u64) -> [(&'static str, u64); 2] {
        [("rounds", rounds), ("buffer_kib", buffer_kib)]
    }

    #[test]
    fn allocating_per_use_costs_every_buffer_every_round() {
        let (rounds, kib) = (100u64, 2u64);
        let buffer = kib * 1024;
        let pool = POOL_SIZE as u64;
        let run = SPEC.run_at(0, &params(rounds, kib));
        let m = run.measurement;
        assert_eq!(m.allocations, rounds * pool);
        assert_eq!(m.allocated_bytes, rounds * pool * buffer);
        assert_eq!(m.peak_bytes, pool * buffer, "one round's buffers at a time");
        assert_eq!(m.retained_bytes, 0);
        assert_eq!(run.marks[1].live_bytes, 0, "freed at the end of each round");
    }

    #[test]
    fn the_pool_allocates_once_per_buffer_it_keeps() {
        let (rounds, kib) = (100u64, 2u64);
        let buffer = kib * 1024;
        let pool = POOL_SIZE as u64;
        let free_list = pool * size_of::<Vec<u8>>() as u64;
        let run = SPEC.run_at(1, &params(rounds, kib));
        let m = run.measurement;
        assert_eq!(m.allocations, 1 + pool, "the free list, then each buffer once");
        assert_eq!(m.allocated_bytes, free_list + pool * buffer);
        assert_eq!(m.peak_bytes, free_list + pool * buffer);
        assert_eq!(m.retained_bytes, 0, "the pool is dropped with the run");
        assert_eq!(run.marks[1].live_bytes, (free_list + pool * buffer) as i64, "kept between rounds");
    }

    #[test]
    fn counts_match_the_course_for_one_use_at_a_time() {
        let mut pool = Pool::new(POOL_SIZE, || vec![0u8; 1024], |b: &mut Vec<u8>| b.fill(0));
        for _ in 0..1_000 {
            let buffer = pool.acquire();
            pool.release(buffer);
        }
        assert_eq!((pool.created, pool.reused, pool.returned), (1, 999, 1_000));
    }

    #[test]
    fn counts_for_rounds_of_five() {
        let mut pool = Pool::new(POOL_SIZE, || vec![0u8; 16], |b: &mut Vec<u8>| b.fill(0));
        for _ in 0..100 {
            let buffers: [Vec<u8>; POOL_SIZE] = std::array::from_fn(|_| pool.acquire());
            buffers.into_iter().for_each(|b| pool.release(b));
        }
        assert_eq!((pool.created, pool.reused, pool.returned), (5, 495, 500));
    }

    #[test]
    fn old_data_never_reaches_the_next_user() {
        let mut pool = Pool::new(POOL_SIZE, || vec![0u8; 64], |b: &mut Vec<u8>| b.fill(0));
        let mut buffer = pool.acquire();
        buffer[..6].copy_from_slice(b"secret");
        let address = buffer.as_ptr();
        pool.release(buffer);
        let again = pool.acquire();
        assert_eq!(again.as_ptr(), address, "the same buffer came back");
        assert!(again.iter().all(|&b| b == 0), "and it was wiped");
    }

    #[test]
    fn a_pool_without_reset_would_leak_and_the_checksum_would_show_it() {
        let mut pool = Pool::new(1, || vec![0u8; 8], |_: &mut Vec<u8>| {});
        let mut buffer = pool.acquire();
        let (_, dirty_first) = use_buffer(&mut buffer, 9);
        pool.release(buffer);
        let mut again = pool.acquire();
        let (_, dirty_second) = use_buffer(&mut again, 9);
        assert!(!dirty_first && dirty_second);
        assert_ne!(checksum(0, 1), checksum(0, 0));
    }

    #[test]
    fn extra_items_past_the_limit_are_dropped() {
        let mut pool = Pool::new(2, || vec![0u8; 8], |b: &mut Vec<u8>| b.fill(0));
        let three: [Vec<u8>; 3] = std::array::from_fn(|_| pool.acquire());
        three.into_iter().for_each(|b| pool.release(b));
        assert_eq!(pool.free.len(), 2);
        assert_eq!(pool.returned, 3);
    }

    #[test]
    fn both_variants_compute_the_same_sum() {
        let p = params(7, 1);
        let a = SPEC.run_at(0, &p).checksum;
        let b = SPEC.run_at(1, &p).checksum;
        assert_eq!(a, b);
        let expected: u64 = (0..7).flat_map(|r| (0..POOL_SIZE).map(move |s| 1024 * u64::from(fill_byte(r, s)))).sum();
        assert_eq!(a, expected);
    }
}
