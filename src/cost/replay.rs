//! Replaying request start times and durations against a pool of warm
//! instances, as a function platform runs them: a request takes a free slot
//! on a busy instance (Cloud Run packs up to `concurrency` requests on one),
//! else the most recently freed warm instance, else a new instance starts
//! (a cold start, whose init time the request waits for). An instance idle
//! longer than `idle_us` is gone. Requests must arrive in start order.
//! Instances kept warm (Lambda provisioned concurrency, Cloud Run minimum
//! instances) exist from the start, are taken first and never idle out.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, VecDeque};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PoolConfig {
    /// Requests one instance serves at once (Lambda 1, Cloud Run 80).
    pub concurrency: u32,
    pub idle_us: u64,
    pub init_us: u64,
    /// Billable busy periods are rounded up to this (Cloud Run: 100 ms).
    pub round_us: u64,
}

/// What the replay counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PoolStats {
    pub requests: u64,
    pub cold_starts: u64,
    /// Time instances spent serving at least one request (init included),
    /// each busy period rounded up to `round_us`.
    pub busy_us: u64,
    /// Time from each instance's start to its shutdown after idling.
    pub lifetime_us: u64,
    pub peak_instances: u32,
    /// Instances kept warm from the start (never retired, never cold).
    pub warm: u32,
    /// The part of `busy_us` spent on the warm instances.
    pub warm_busy_us: u64,
}

#[derive(Debug, Clone, Copy)]
struct Instance {
    active: u32,
    busy_since: i64,
    born: i64,
}

#[derive(Debug, Clone)]
pub struct Pool {
    config: PoolConfig,
    /// (end, instance) of every request in flight.
    ends: BinaryHeap<Reverse<(i64, u32)>>,
    instances: Vec<Instance>,
    /// Warm idle instances by the time they became idle, oldest first.
    idle: VecDeque<(i64, u32)>,
    /// Instances serving some requests with a free slot.
    partial: BTreeSet<u32>,
    /// Kept-warm instances (ids `0..warm`) serving nothing.
    warm_free: Vec<u32>,
    free_ids: Vec<u32>,
    live: u32,
    stats: PoolStats,
}

impl Pool {
    pub fn new(config: PoolConfig) -> Pool {
        Pool::with_warm(config, 0)
    }

    /// A pool with `warm` instances initialised before the first request.
    pub fn with_warm(config: PoolConfig, warm: u32) -> Pool {
        let ready = Instance {
            active: 0,
            busy_since: 0,
            born: 0,
        };
        Pool {
            config: PoolConfig {
                concurrency: config.concurrency.max(1),
                ..config
            },
            ends: BinaryHeap::new(),
            instances: vec![ready; warm as usize],
            idle: VecDeque::new(),
            partial: BTreeSet::new(),
            warm_free: (0..warm).rev().collect(),
            free_ids: Vec::new(),
            live: warm,
            stats: PoolStats {
                warm,
                peak_instances: warm,
                ..PoolStats::default()
            },
        }
    }

    fn round(&self, us: i64) -> u64 {
        let us = us.max(0) as u64;
        let r = self.config.round_us.max(1);
        us.div_ceil(r) * r
    }

    /// Frees the slots of requests that ended by `t` and shuts down
    /// instances idle for longer than the idle timeout.
    fn advance(&mut self, t: i64) {
        while let Some(&Reverse((end, id))) = self.ends.peek() {
            if end > t {
                break;
            }
            self.ends.pop();
            let inst = &mut self.instances[id as usize];
            inst.active -= 1;
            if inst.active == 0 {
                let since = inst.busy_since;
                let busy = self.round(end - since);
                self.stats.busy_us += busy;
                self.partial.remove(&id);
                if id < self.stats.warm {
                    self.stats.warm_busy_us += busy;
                    self.warm_free.push(id);
                } else {
                    self.idle.push_back((end, id));
                }
            } else {
                self.partial.insert(id);
            }
        }
        let idle = self.config.idle_us as i64;
        while let Some(&(free_at, id)) = self.idle.front() {
            if free_at.saturating_add(idle) >= t {
                break;
            }
            self.idle.pop_front();
            self.retire(id, free_at + idle);
        }
    }

    fn retire(&mut self, id: u32, at: i64) {
        let born = self.instances[id as usize].born;
        self.stats.lifetime_us += (at - born).max(0) as u64;
        self.free_ids.push(id);
        self.live -= 1;
    }

    /// One request starting at `t` that runs `duration_us`; true when it
    /// waited for a cold start.
    pub fn arrive(&mut self, t: i64, duration_us: u64) -> bool {
        self.advance(t);
        self.stats.requests += 1;
        let (id, cold) = if let Some(&id) = self.partial.last() {
            (id, false)
        } else if let Some(id) = self.warm_free.pop() {
            self.instances[id as usize].busy_since = t;
            (id, false)
        } else if let Some((_, id)) = self.idle.pop_back() {
            self.instances[id as usize].busy_since = t;
            (id, false)
        } else {
            let inst = Instance {
                active: 0,
                busy_since: t,
                born: t,
            };
            let id = match self.free_ids.pop() {
                Some(id) => {
                    self.instances[id as usize] = inst;
                    id
                }
                None => {
                    self.instances.push(inst);
                    (self.instances.len() - 1) as u32
                }
            };
            self.live += 1;
            self.stats.cold_starts += 1;
            self.stats.peak_instances = self.stats.peak_instances.max(self.live);
            (id, true)
        };
        let inst = &mut self.instances[id as usize];
        inst.active += 1;
        if inst.active < self.config.concurrency {
            self.partial.insert(id);
        } else {
            self.partial.remove(&id);
        }
        let init = if cold { self.config.init_us } else { 0 };
        let end = t.saturating_add((duration_us + init) as i64);
        self.ends.push(Reverse((end, id)));
        cold
    }

    /// `lanes` requests in flight from `t`, each `duration_us`, that stand
    /// for `requests` requests (an aggregate row's share of its bucket).
    pub fn arrive_lanes(&mut self, t: i64, duration_us: u64, lanes: u32, requests: u64) {
        for _ in 0..lanes {
            self.arrive(t, duration_us);
        }
        self.stats.requests = self.stats.requests - u64::from(lanes) + requests;
    }

    /// Lets every request finish and every instance idle out.
    pub fn finish(mut self) -> PoolStats {
        self.advance(i64::MAX);
        while let Some((free_at, id)) = self.idle.pop_front() {
            self.retire(id, free_at.saturating_add(self.config.idle_us as i64));
        }
        self.stats
    }
}

/// The most requests in flight at once.
#[derive(Debug, Clone, Default)]
pub struct Concurrency {
    /// (end, how many requests end then).
    ends: BinaryHeap<Reverse<(i64, u32)>>,
    in_flight: u64,
    pub peak: u32,
}

impl Concurrency {
    pub fn arrive(&mut self, t: i64, duration_us: u64) {
        self.arrive_n(t, duration_us, 1);
    }

    /// `n` requests from `t`, in one heap entry.
    pub fn arrive_n(&mut self, t: i64, duration_us: u64, n: u32) {
        while let Some(&Reverse((end, k))) = self.ends.peek() {
            if end > t {
                break;
            }
            self.ends.pop();
            self.in_flight -= u64::from(k);
        }
        let end = t.saturating_add(i64::try_from(duration_us).unwrap_or(i64::MAX));
        self.ends.push(Reverse((end, n)));
        self.in_flight += u64::from(n);
        self.peak = self
            .peak
            .max(u32::try_from(self.in_flight).unwrap_or(u32::MAX));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: i64 = 1_000_000;

    fn lambda(idle_s: u64) -> Pool {
        Pool::new(PoolConfig {
            concurrency: 1,
            idle_us: idle_s * 1_000_000,
            init_us: 0,
            round_us: 1,
        })
    }

    #[test]
    fn gaps_just_under_and_over_the_idle_timeout() {
        let mut p = lambda(300);
        assert!(p.arrive(0, 1_000_000));
        // Free at 1 s; idle until 301 s is still warm.
        assert!(!p.arrive(301 * S, 1_000_000));
        // Free at 302 s; 302 s + 300 s + 1 µs is past the timeout.
        assert!(p.arrive(602 * S + 1, 1_000_000));
        let stats = p.finish();
        assert_eq!(
            (stats.requests, stats.cold_starts, stats.peak_instances),
            (3, 2, 1)
        );
    }

    #[test]
    fn a_burst_needs_one_instance_per_request_on_lambda() {
        let mut p = lambda(300);
        for i in 0..5 {
            p.arrive(i * 1000, 500_000);
        }
        // All five have finished: the next five reuse them.
        for i in 0..5 {
            assert!(!p.arrive(S + i * 1000, 500_000));
        }
        let stats = p.finish();
        assert_eq!((stats.cold_starts, stats.peak_instances), (5, 5));
    }

    #[test]
    fn cloud_run_packs_a_burst_on_few_instances() {
        let mut p = Pool::new(PoolConfig {
            concurrency: 80,
            idle_us: 900 * 1_000_000,
            init_us: 0,
            round_us: 100_000,
        });
        for i in 0..200 {
            p.arrive(i, 1_000_000);
        }
        let stats = p.finish();
        assert_eq!((stats.cold_starts, stats.peak_instances), (3, 3));
        // Each instance is busy from its first request to its last end,
        // rounded up to 100 ms.
        assert_eq!(stats.busy_us, 3 * 1_100_000);
        // Lifetime adds the 15 idle minutes.
        assert_eq!(stats.lifetime_us, 3 * 900 * S as u64 + 3_000_197);
    }

    #[test]
    fn cold_start_init_delays_the_instance() {
        let mut p = Pool::new(PoolConfig {
            concurrency: 1,
            idle_us: 60 * 1_000_000,
            init_us: 500_000,
            round_us: 1,
        });
        assert!(p.arrive(0, 100_000));
        // Still initialising plus running until 0.6 s: a second instance.
        assert!(p.arrive(550_000, 100_000));
        assert!(!p.arrive(700_000, 100_000));
        assert_eq!(p.finish().cold_starts, 2);
    }

    #[test]
    fn peak_concurrency() {
        let mut c = Concurrency::default();
        c.arrive(0, 10);
        c.arrive(5, 10);
        c.arrive(10, 10);
        c.arrive(15, 10);
        assert_eq!(c.peak, 2);
    }
}
