//! The most requested paths that match no route, counted in bounded memory
//! and constant time per request, however many distinct paths a log holds.

use rustc_hash::FxHashMap;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Distinct unmatched paths tracked at once (space-saving counter).
const CAPACITY: usize = 512;

/// A bounded top-k counter (Metwally et al.'s space-saving): exact while
/// fewer than `CAPACITY` distinct paths are seen; past that, a new path takes
/// the place of the least counted one (the first by name among equals) and
/// inherits its count as its possible overcount, so such counts are upper
/// bounds and say so.
///
/// The least counted path is found through a min-heap holding one entry per
/// tracked path with the count it had when pushed. Counts only grow, so an
/// entry is at most its path's count: the first entry whose count is still
/// current is the true minimum, and an entry found stale is pushed again with
/// its current count. A request to a tracked path is one hash lookup.
#[derive(Debug, Default)]
pub struct TopCounter {
    /// Path → (count, how much of it may belong to evicted paths).
    counts: FxHashMap<Box<str>, (u64, u64)>,
    /// (count when pushed, path), one per tracked path.
    least: BinaryHeap<Reverse<(u64, Box<str>)>>,
}

impl TopCounter {
    pub fn add(&mut self, key: &str, n: u64) {
        self.add_with_error(key, n, 0);
    }

    fn add_with_error(&mut self, key: &str, n: u64, error: u64) {
        if let Some(c) = self.counts.get_mut(key) {
            c.0 += n;
            c.1 += error;
            return;
        }
        if self.counts.len() < CAPACITY {
            self.insert(key, n, error);
            return;
        }
        if let Some(min_count) = self.evict_least() {
            self.insert(key, min_count + n, min_count + error);
        }
    }

    fn insert(&mut self, key: &str, count: u64, error: u64) {
        let key: Box<str> = key.into();
        self.least.push(Reverse((count, key.clone())));
        self.counts.insert(key, (count, error));
    }

    /// Drops the least counted path and returns its count.
    fn evict_least(&mut self) -> Option<u64> {
        while let Some(Reverse((pushed, key))) = self.least.pop() {
            let Some(&(count, _)) = self.counts.get(&key) else {
                continue;
            };
            if count == pushed {
                self.counts.remove(&key);
                return Some(count);
            }
            self.least.push(Reverse((count, key)));
        }
        None
    }

    pub fn merge(&mut self, other: TopCounter) {
        for (k, (c, e)) in other.counts {
            self.add_with_error(&k, c, e);
        }
    }

    pub fn top(&self, n: usize) -> Vec<Unmatched> {
        let mut v: Vec<_> = self
            .counts
            .iter()
            .map(|(k, &(count, error))| Unmatched {
                request: k.to_string(),
                count,
                estimated: error > 0,
            })
            .collect();
        v.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.request.cmp(&b.request))
        });
        v.truncate(n);
        v
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Unmatched {
    /// `METHOD /path`, numbers folded to `{n}`.
    pub request: String,
    pub count: u64,
    /// The count is an upper bound: more distinct paths were seen than are
    /// kept, and some of it may belong to paths no longer tracked.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The counter as first written: a scan of every tracked path for the
    /// least counted one, first by name among equals.
    #[derive(Default)]
    struct Reference {
        counts: HashMap<String, (u64, u64)>,
    }

    impl Reference {
        fn add(&mut self, key: &str, n: u64, error: u64) {
            if let Some(c) = self.counts.get_mut(key) {
                c.0 += n;
                c.1 += error;
                return;
            }
            if self.counts.len() < CAPACITY {
                self.counts.insert(key.to_string(), (n, error));
                return;
            }
            let (min_key, min_count) = self
                .counts
                .iter()
                .min_by(|a, b| a.1 .0.cmp(&b.1 .0).then_with(|| a.0.cmp(b.0)))
                .map(|(k, c)| (k.clone(), c.0))
                .unwrap();
            self.counts.remove(&min_key);
            self.counts
                .insert(key.to_string(), (min_count + n, min_count + error));
        }

        fn sorted(&self) -> Vec<(String, u64, u64)> {
            let mut v: Vec<_> = self
                .counts
                .iter()
                .map(|(k, &(c, e))| (k.clone(), c, e))
                .collect();
            v.sort();
            v
        }
    }

    fn sorted(t: &TopCounter) -> Vec<(String, u64, u64)> {
        let mut v: Vec<_> = t
            .counts
            .iter()
            .map(|(k, &(c, e))| (k.to_string(), c, e))
            .collect();
        v.sort();
        v
    }

    /// Paths drawn from a skewed distribution over `distinct` names, with
    /// counts of 1 to 3 (aggregate rows count more than one request).
    fn stream(seed: u64, len: usize, distinct: u64) -> Vec<(String, u64)> {
        let mut x = seed;
        (0..len)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let r = x >> 33;
                // Squaring skews the draw toward small ids: a few hot paths.
                let id = (r % distinct) * (r % distinct) / distinct;
                (format!("GET /p/{id}"), 1 + (x >> 20) % 3)
            })
            .collect()
    }

    #[test]
    fn tracks_exactly_the_paths_and_counts_of_the_plain_scan() {
        for (seed, distinct) in [(1, 100), (2, 600), (3, 5_000), (4, 100_000)] {
            let mut fast = TopCounter::default();
            let mut slow = Reference::default();
            for (key, n) in stream(seed, 40_000, distinct) {
                fast.add(&key, n);
                slow.add(&key, n, 0);
            }
            assert_eq!(sorted(&fast), slow.sorted(), "{distinct} distinct paths");
        }
    }

    #[test]
    fn merging_counters_matches_the_plain_scan() {
        let mut slow = Reference::default();
        let mut merged = TopCounter::default();
        for seed in [5, 6, 7] {
            let mut part = TopCounter::default();
            let mut part_slow = Reference::default();
            for (key, n) in stream(seed, 20_000, 3_000) {
                part.add(&key, n);
                part_slow.add(&key, n, 0);
            }
            assert_eq!(sorted(&part), part_slow.sorted());
            // Merged in the fast counter's own order, into both.
            for (k, &(c, e)) in &part.counts {
                slow.add(k, c, e);
            }
            merged.merge(part);
        }
        assert_eq!(sorted(&merged), slow.sorted());
    }

    #[test]
    fn exact_under_the_bound_and_marked_past_it() {
        let mut t = TopCounter::default();
        for _ in 0..5 {
            t.add("GET /hot", 1);
        }
        for i in 0..CAPACITY * 2 {
            t.add(&format!("GET /cold/{i}"), 1);
        }
        let top = t.top(3);
        assert_eq!(top[0].request, "GET /hot");
        assert_eq!(top[0].count, 5);
        assert!(!top[0].estimated);
        assert!(top[1..].iter().all(|u| u.estimated), "{top:?}");
    }
}
