//! Per-route traffic figures, streamed: counts, duration and response-size
//! quantiles from an HDR histogram (constant memory, 2 significant digits),
//! the billable duration sums each platform's rounding needs, peak
//! concurrency, and the warm-pool replays.

use super::replay::{Concurrency, Pool, PoolConfig, PoolStats};
use hdrhistogram::Histogram;

/// Platform billing granularity, as the pricing pages state it.
const LAMBDA_ROUND_US: u64 = 1_000;
const AZURE_MIN_US: u64 = 100_000;
/// API Gateway HTTP APIs meter requests in 512 KB increments.
const GATEWAY_UNIT_BYTES: u64 = 512 * 1024;
/// Histogram ranges: a day of duration, 100 GB of response.
const DURATION_HIGH_US: u64 = 86_400 * 1_000_000;
const BYTES_HIGH: u64 = 100 << 30;

#[derive(Debug, Clone)]
pub struct Quantiles {
    hist: Histogram<u64>,
    /// Exact, where the histogram only knows the bucket.
    max: u64,
}

impl Quantiles {
    /// Values from 1 to `high` (larger ones count as `high`), 2 significant
    /// digits: 1% error in a few tens of KB per route.
    pub fn new(high: u64) -> Quantiles {
        Quantiles {
            hist: Histogram::new_with_bounds(1, high, 2)
                .unwrap_or_else(|_| unreachable!("1..high with 2 digits is valid")),
            max: 0,
        }
    }

    pub fn record(&mut self, v: u64) {
        self.record_n(v, 1);
    }

    /// `n` values `v` at once: constant time whatever `n`.
    pub fn record_n(&mut self, v: u64, n: u64) {
        if n == 0 {
            return;
        }
        self.hist.saturating_record_n(v, n);
        self.max = self.max.max(v);
    }

    pub fn quantile(&self, q: f64) -> u64 {
        if self.hist.is_empty() {
            return 0;
        }
        if q >= 1.0 {
            return self.max;
        }
        let v = self.hist.value_at_quantile(q);
        self.hist.median_equivalent(v).min(self.max)
    }
}

/// `requests` requests that start together at `start_us` (within the
/// bucket's resolution), each lasting `duration_us`, carried by `lanes`
/// requests in flight at once: the replays see `lanes` arrivals that each
/// last [`Run::lane_us`], so the work and the pools' memory follow the
/// concurrency, never the count. One logged request is a run of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub start_us: i64,
    pub duration_us: u64,
    pub bytes: u64,
    pub status: u16,
    pub requests: u64,
    pub lanes: u32,
}

impl Run {
    /// How long each lane is busy: its share of the requests back to back.
    pub fn lane_us(&self) -> u64 {
        let lanes = u64::from(self.lanes.max(1));
        if self.requests <= lanes {
            return self.duration_us;
        }
        let busy = u128::from(self.duration_us) * u128::from(self.requests);
        u64::try_from(busy.div_ceil(u128::from(lanes))).unwrap_or(u64::MAX)
    }
}

/// Everything streamed about one route (or one deployable unit's pool).
#[derive(Debug, Clone)]
pub struct RouteStats {
    pub requests: u64,
    pub errors_5xx: u64,
    /// Requests whose log line had no duration: they count with the mean
    /// of the route's known durations so far.
    pub durations_missing: u64,
    pub duration_us: Quantiles,
    pub bytes: Quantiles,
    pub total_duration_us: u64,
    /// Σ duration rounded up to 1 ms (Lambda).
    pub lambda_billed_us: u64,
    /// Σ max(duration, 100 ms) (Azure Functions consumption).
    pub azure_billed_us: u64,
    /// Σ 512 KB request units (API Gateway HTTP API).
    pub gateway_units: u64,
    concurrency: Concurrency,
    lambda: Option<Pool>,
    run: Option<Pool>,
    /// The Lambda and Cloud Run replays again with instances kept warm.
    lambda_warm: Vec<Pool>,
    run_warm: Vec<Pool>,
    quantiles: bool,
}

impl RouteStats {
    /// Figures for a route (every replay) or for a unit of routes, which
    /// needs only some: a replay that is `None` is not run, and without
    /// `quantiles` the histograms stay empty.
    pub fn new(lambda: Option<PoolConfig>, run: Option<PoolConfig>, quantiles: bool) -> RouteStats {
        RouteStats {
            requests: 0,
            errors_5xx: 0,
            durations_missing: 0,
            duration_us: Quantiles::new(DURATION_HIGH_US),
            bytes: Quantiles::new(BYTES_HIGH),
            total_duration_us: 0,
            lambda_billed_us: 0,
            azure_billed_us: 0,
            gateway_units: 0,
            concurrency: Concurrency::default(),
            lambda: lambda.map(Pool::new),
            run: run.map(Pool::new),
            lambda_warm: Vec::new(),
            run_warm: Vec::new(),
            quantiles,
        }
    }

    /// Also replays each platform (of those replayed) once per count of
    /// instances kept warm in `counts`.
    pub fn with_warm(
        mut self,
        lambda: Option<PoolConfig>,
        run: Option<PoolConfig>,
        counts: &[u32],
    ) -> RouteStats {
        let ladder = |config: Option<PoolConfig>| -> Vec<Pool> {
            config.map_or_else(Vec::new, |c| {
                counts.iter().map(|&k| Pool::with_warm(c, k)).collect()
            })
        };
        self.lambda_warm = ladder(lambda);
        self.run_warm = ladder(run);
        self
    }

    /// The duration to use for a request whose log has none.
    pub fn fill_duration(&mut self, default_us: u64) -> u64 {
        self.durations_missing += 1;
        let known = self.requests - (self.durations_missing - 1);
        self.total_duration_us
            .checked_div(known)
            .unwrap_or(default_us)
    }

    pub fn record(&mut self, start_us: i64, duration_us: u64, bytes: u64, status: u16) {
        self.record_run(&Run {
            start_us,
            duration_us,
            bytes,
            status,
            requests: 1,
            lanes: 1,
        });
    }

    /// A run of requests (one, or an aggregate row's share of a bucket) in
    /// time independent of its count: see [`Run`].
    pub fn record_run(&mut self, run: &Run) {
        let n = run.requests;
        if n == 0 {
            return;
        }
        let d = run.duration_us;
        self.requests += n;
        if run.status >= 500 {
            self.errors_5xx += n;
        }
        if self.quantiles {
            self.duration_us.record_n(d, n);
            self.bytes.record_n(run.bytes, n);
        }
        let sum = |each: u64| each.saturating_mul(n);
        self.total_duration_us = self.total_duration_us.saturating_add(sum(d));
        self.lambda_billed_us = self
            .lambda_billed_us
            .saturating_add(sum(d.div_ceil(LAMBDA_ROUND_US) * LAMBDA_ROUND_US));
        self.azure_billed_us = self
            .azure_billed_us
            .saturating_add(sum(d.max(AZURE_MIN_US)));
        self.gateway_units = self
            .gateway_units
            .saturating_add(sum(run.bytes.div_ceil(GATEWAY_UNIT_BYTES).max(1)));
        let lane_us = run.lane_us();
        self.concurrency.arrive_n(run.start_us, lane_us, run.lanes);
        let pools = self
            .lambda
            .iter_mut()
            .chain(&mut self.run)
            .chain(&mut self.lambda_warm)
            .chain(&mut self.run_warm);
        for pool in pools {
            pool.arrive_lanes(run.start_us, lane_us, run.lanes, n);
        }
    }

    pub fn finish(self) -> FinishedStats {
        FinishedStats {
            peak_concurrency: self.concurrency.peak,
            lambda: self.lambda.map(Pool::finish).unwrap_or_default(),
            run: self.run.map(Pool::finish),
            lambda_warm: self.lambda_warm.into_iter().map(Pool::finish).collect(),
            run_warm: self.run_warm.into_iter().map(Pool::finish).collect(),
            requests: self.requests,
            errors_5xx: self.errors_5xx,
            durations_missing: self.durations_missing,
            duration_us: self.duration_us,
            bytes: self.bytes,
            total_duration_us: self.total_duration_us,
            lambda_billed_us: self.lambda_billed_us,
            azure_billed_us: self.azure_billed_us,
            gateway_units: self.gateway_units,
        }
    }
}

/// A route's or unit's figures once the log is read.
#[derive(Debug, Clone)]
pub struct FinishedStats {
    pub requests: u64,
    pub errors_5xx: u64,
    pub durations_missing: u64,
    pub duration_us: Quantiles,
    pub bytes: Quantiles,
    pub total_duration_us: u64,
    pub lambda_billed_us: u64,
    pub azure_billed_us: u64,
    pub gateway_units: u64,
    pub peak_concurrency: u32,
    /// The Lambda replay: concurrency 1 per instance.
    pub lambda: PoolStats,
    /// The Cloud Run replay: `--concurrency` per instance.
    pub run: Option<PoolStats>,
    /// Deployed functions only: the Lambda and Cloud Run replays with
    /// instances kept warm, one per count asked (see [`PoolStats::warm`]).
    pub lambda_warm: Vec<PoolStats>,
    pub run_warm: Vec<PoolStats>,
}
