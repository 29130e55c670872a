//! Sorting the short lists the page sorts (a chart's lines, the
//! catalogue's filter choices, a struct's fields), by insertion.
//!
//! Why not `slice::sort_by`: the standard library's sorts are generated
//! anew for every element type and comparison, 3 to 5 KB of WebAssembly
//! each, and the page had nine of them in its first load (about 43 KB of
//! code before wasm-opt). These lists hold at most a few hundred items, so
//! insertion's n² comparisons cost nothing a person could notice, and each
//! use adds a few hundred bytes. Stable: equal items keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `items` by the key `key` gives each, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_items_in_order() {
        // A small deterministic generator: every length up to 40, many orders.
        let mut seed = 0x2545_f491_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in 0..40 {
            for _ in 0..25 {
                let items: Vec<(u64, usize)> = (0..len).map(|i| (next() % 7, i)).collect();
                let (mut ours, mut std) = (items.clone(), items);
                sort_by_key(&mut ours, |&(key, _)| key);
                std.sort_by_key(|&(key, _)| key);
                assert_eq!(ours, std, "stable: equal keys keep their positions");
            }
        }
        let mut floats = [2.5, -1.0, 2.5, 0.0];
        sort_by(&mut floats, f64::total_cmp);
        assert_eq!(floats, [-1.0, 0.0, 2.5, 2.5]);
    }
}
