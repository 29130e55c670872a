//! bounded-lru-cache: a cache that keeps everything, against a
//! least-recently-used cache bounded by the estimated bytes of its values.
//!
//! The workload is a stream: `inserts` new keys, each with a value of
//! `value_bytes` bytes, and after every insert a read of one "hot" key
//! (key 0, inserted first). The unbounded cache is a plain `HashMap`; it
//! never forgets anything, so its memory grows with the stream, the classic
//! slow leak of a memoising cache.
//!
//! `ByteBoundedLru` keeps entries in recency order in a doubly linked list
//! whose links are indices into a `Vec` (no pointers, no `unsafe`), with a
//! `HashMap` from key to slot. Reading an entry moves it to the newest end.
//! Storing a value first evicts from the oldest end until the new value fits
//! in the budget. A value larger than the whole budget is refused. The
//! estimate is the value's length, as `sys.getsizeof(value)` is in the
//! Python version: the bookkeeping itself (list slots, index table) is not
//! counted, so the real bytes sit a little above the budget. The chart of
//! live bytes over the stream shows both.
//!
//! With a budget of 10,000 bytes and values of 4,000, two values fit: the
//! third insert evicts the oldest entry. Because the hot key is read after
//! every insert, it is never the oldest when an eviction comes, so it stays.

use std::collections::HashMap;

use crate::exercise::{ExerciseSpec, ParamSpec, Params, Probe, Variant};

/// "No slot": the end of the recency list.
const NONE: usize = usize::MAX;

/// One cached entry, linked to its neighbours in recency order.
struct Node {
    key: u64,
    value: Vec<u8>,
    older: usize,
    newer: usize,
}

/// A least-recently-used cache whose limit is the estimated bytes of its values.
pub struct ByteBoundedLru {
    budget: usize,
    used: usize,
    nodes: Vec<Node>,
    slot_of: HashMap<u64, usize>,
    oldest: usize,
    newest: usize,
    pub evictions: usize,
}

impl ByteBoundedLru {
    pub fn new(budget: usize) -> ByteBoundedLru {
        ByteBoundedLru {
            budget,
            used: 0,
            nodes: Vec::new(),
            slot_of: HashMap::new(),
            oldest: NONE,
            newest: NONE,
            evictions: 0,
        }
    }

    /// The estimated size of a value: its bytes.
    pub fn estimate(value: &[u8]) -> usize {
        value.len()
    }

    /// The value for `key`, which becomes the most recently used.
    pub fn get(&mut self, key: u64) -> Option<&[u8]> {
        let slot = *self.slot_of.get(&key)?;
        self.unlink(slot);
        self.link_newest(slot);
        Some(&self.nodes[slot].value)
    }

    /// Stores `value`, evicting the least recently used entries until it
    /// fits. Returns false, storing nothing, if it could never fit.
    pub fn put(&mut self, key: u64, value: Vec<u8>) -> bool {
        let size = Self::estimate(&value);
        if size > self.budget {
            return false;
        }
        if let Some(&slot) = self.slot_of.get(&key) {
            self.remove(slot); // replaced, not evicted
        }
        while self.used + size > self.budget {
            self.remove(self.oldest);
            self.evictions += 1;
        }
        let slot = self.nodes.len();
        self.nodes.push(Node { key, value, older: NONE, newer: NONE });
        self.slot_of.insert(key, slot);
        self.link_newest(slot);
        self.used += size;
        true
    }

    /// Estimated bytes held: never more than the budget.
    pub fn used(&self) -> usize {
        self.used
    }

    fn unlink(&mut self, slot: usize) {
        let (older, newer) = (self.nodes[slot].older, self.nodes[slot].newer);
        match older {
            NONE => self.oldest = newer,
            o => self.nodes[o].newer = newer,
        }
        match newer {
            NONE => self.newest = older,
            n => self.nodes[n].older = older,
        }
    }

    fn link_newest(&mut self, slot: usize) {
        self.nodes[slot].older = self.newest;
        self.nodes[slot].newer = NONE;
        match self.newest {
            NONE => self.oldest = slot,
            n => self.nodes[n].newer = slot,
        }
        self.newest = slot;
    }

    /// Takes the entry in `slot` out; its value is freed here. The last node
    /// moves into the hole, so the slots stay packed and are reused.
    fn remove(&mut self, slot: usize) {
        self.unlink(slot);
        let gone = self.nodes.swap_remove(slot);
        self.slot_of.remove(&gone.key);
        self.used -= Self::estimate(&gone.value);
        if slot < self.nodes.len() {
            // Point the moved node's neighbours and index entry at its new slot.
            let (key, older, newer) = (self.nodes[slot].key, self.nodes[slot].older, self.nodes[slot].newer);
            self.slot_of.insert(key, slot);
            match older {
                NONE => self.oldest = slot,
                o => self.nodes[o].newer = slot,
            }
            match newer {
                NONE => self.newest = slot,
                n => self.nodes[n].older = slot,
            }
        }
    }
}

/// The key every step reads back.
const HOT_KEY: u64 = 0;

/// The value stored under `key`: `len` copies of a byte derived from the key.
fn value_for(key: u64, len: usize) -> Vec<u8> {
    vec![(key % 251 + 1) as u8; len]
}

/// What one read contributes to the checksum: a miss contributes nothing,
/// so the variants agree only if every read of the hot key hits.
fn read_score(value: Option<&[u8]>) -> u64 {
    value.map_or(0, |v| v.len() as u64 + u64::from(v[0]))
}

fn naive(params: &Params, probe: &mut Probe) -> u64 {
    let (inserts, value_bytes) = (params.get("inserts"), params.size("value_bytes"));
    let mut cache: HashMap<u64, Vec<u8>> = HashMap::new();
    let mut score = 0u64;
    for key in 0..inserts {
        cache.insert(key, value_for(key, value_bytes));
        score += read_score(cache.get(&HOT_KEY).map(Vec::as_slice));
        if key == inserts / 2 {
            probe.mark("halfway through the stream");
        }
    }
    probe.mark("end of the stream");
    score
}

fn optimized(params: &Params, probe: &mut Probe) -> u64 {
    let (inserts, value_bytes) = (params.get("inserts"), params.size("value_bytes"));
    let mut cache = ByteBoundedLru::new(params.size("budget"));
    let mut score = 0u64;
    for key in 0..inserts {
        cache.put(key, value_for(key, value_bytes));
        debug_assert!(cache.used() <= params.size("budget"));
        score += read_score(cache.get(HOT_KEY));
        if key == inserts / 2 {
            probe.mark("halfway through the stream");
        }
    }
    probe.mark("end of the stream");
    score
}

pub static SPEC: ExerciseSpec = ExerciseSpec {
    variants: &[
        Variant { id: "naive", label: "unbounded map", run: naive },
        Variant { id: "optimized", label: "LRU within a byte budget", run: optimized },
    ],
    params: &[
        ParamSpec { name: "inserts", label: "inserts in the stream", default: 1000, min: 100, max: 20_000 },
        ParamSpec { name: "value_bytes", label: "bytes per value", default: 4000, min: 1000, max: 5000 },
        ParamSpec { name: "budget", label: "budget in bytes", default: 10_000, min: 10_000, max: 50_000 },
    ],
    records_timeline: true,
    ..ExerciseSpec::DEFAULT
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::measure;

    /// Keys from least to most recently used, following the links.
    fn keys(cache: &ByteBoundedLru) -> Vec<u64> {
        let mut keys = Vec::new();
        let mut slot = cache.oldest;
        while slot != NONE {
            keys.push(cache.nodes[slot].key);
            slot = cache.nodes[slot].newer;
        }
        keys
    }

    #[test]
    fn two_values_of_4000_fit_in_10000_so_the_third_insert_evicts_the_oldest() {
        let mut cache = ByteBoundedLru::new(10_000);
        assert!(cache.put(1, value_for(1, 4_000)));
        assert!(cache.put(2, value_for(2, 4_000)));
        assert_eq!((keys(&cache), cache.evictions, cache.used()), (vec![1, 2], 0, 8_000));
        assert!(cache.put(3, value_for(3, 4_000)));
        assert_eq!((keys(&cache), cache.evictions, cache.used()), (vec![2, 3], 1, 8_000));
    }

    #[test]
    fn a_recently_read_key_survives_the_next_eviction() {
        let mut cache = ByteBoundedLru::new(10_000);
        cache.put(1, value_for(1, 4_000));
        cache.put(2, value_for(2, 4_000));
        assert!(cache.get(1).is_some());
        cache.put(3, value_for(3, 4_000));
        assert_eq!(keys(&cache), vec![1, 3], "2 was the least recently used");
        assert!(cache.get(2).is_none());
    }

    #[test]
    fn eviction_goes_on_until_the_new_value_fits() {
        let mut cache = ByteBoundedLru::new(10_000);
        for key in 1..=5 {
            cache.put(key, value_for(key, 2_000));
        }
        assert_eq!(cache.used(), 10_000, "exactly at the budget is allowed");
        cache.put(6, value_for(6, 7_000));
        // 10,000 + 7,000 is over by 7,000: four 2,000-byte entries must go.
        assert_eq!((keys(&cache), cache.evictions, cache.used()), (vec![5, 6], 4, 9_000));
        assert!(!cache.put(7, value_for(7, 10_001)), "larger than the budget: refused");
        assert_eq!(keys(&cache), vec![5, 6], "and nothing was evicted for it");
    }

    #[test]
    fn replacing_a_key_frees_its_old_value() {
        let mut cache = ByteBoundedLru::new(10_000);
        cache.put(1, value_for(1, 3_000));
        cache.put(2, value_for(2, 3_000));
        cache.put(1, value_for(9, 5_000));
        assert_eq!((keys(&cache), cache.used(), cache.evictions), (vec![2, 1], 8_000, 0));
        assert_eq!(cache.get(1).map(|v| (v.len(), v[0])), Some((5_000, 10)));
    }

    #[test]
    fn the_links_stay_consistent_after_many_moves() {
        let mut cache = ByteBoundedLru::new(1_000);
        for key in 0..500u64 {
            cache.put(key, value_for(key, 100 + (key as usize * 37) % 200));
            let hit = cache.get(key / 2).is_some();
            assert!(cache.used() <= 1_000);
            let forward = keys(&cache);
            assert_eq!(forward.len(), cache.nodes.len(), "every slot is on the list once");
            for (slot, node) in cache.nodes.iter().enumerate() {
                assert_eq!(cache.slot_of[&node.key], slot);
            }
            // Walking back from the newest visits the same keys in reverse.
            let mut backward = Vec::new();
            let mut slot = cache.newest;
            while slot != NONE {
                backward.push(cache.nodes[slot].key);
                slot = cache.nodes[slot].older;
            }
            backward.reverse();
            assert_eq!(backward, forward);
            if hit {
                assert_eq!(forward.last(), Some(&(key / 2)), "a read makes a key the newest");
            }
        }
    }

    #[test]
    fn in_steady_state_an_insert_allocates_one_value_and_frees_one() {
        let value_bytes = 4_000;
        let mut cache = ByteBoundedLru::new(10_000);
        for key in 0..1_000 {
            cache.put(key, value_for(key, value_bytes));
            cache.get(HOT_KEY);
        }
        let (_, m) = measure(|| {
            for key in 1_000..1_100 {
                cache.put(key, value_for(key, value_bytes));
                cache.get(HOT_KEY);
            }
        });
        assert_eq!(m.allocations, 100);
        assert_eq!(m.deallocations, 100);
        assert_eq!(m.allocated_bytes, 100 * value_bytes as u64);
        assert_eq!(m.retained_bytes, 0);
        assert_eq!(keys(&cache), vec![1_099, HOT_KEY]);
    }

    #[test]
    fn the_unbounded_map_holds_every_value() {
        let (inserts, value_bytes) = (1_000u64, 4_000u64);
        let p = [("inserts", inserts), ("value_bytes", value_bytes), ("budget", 10_000)];
        let naive = SPEC.run_at(0, &p);
        let bounded = SPEC.run_at(1, &p);
        // The values alone; the table comes on top.
        assert!(naive.measurement.peak_bytes > inserts * value_bytes);
        // Two values kept, one more in flight while an insert evicts,
        // and a little bookkeeping (a few slots and a small index).
        assert!(bounded.measurement.peak_bytes >= 3 * value_bytes);
        assert!(bounded.measurement.peak_bytes < 3 * value_bytes + 1_000);
        assert_eq!(naive.checksum, bounded.checksum);
        assert_eq!(bounded.checksum, inserts * (value_bytes + 1), "every hot read hit: length + byte 1");
        assert_eq!(bounded.measurement.retained_bytes, 0);
    }
}
