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
        self.hist.saturating_record(v);
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
            quantiles,
        }
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
        self.requests += 1;
        if status >= 500 {
            self.errors_5xx += 1;
        }
        if self.quantiles {
            self.duration_us.record(duration_us);
            self.bytes.record(bytes);
        }
        self.total_duration_us += duration_us;
        self.lambda_billed_us += duration_us.div_ceil(LAMBDA_ROUND_US) * LAMBDA_ROUND_US;
        self.azure_billed_us += duration_us.max(AZURE_MIN_US);
        self.gateway_units += bytes.div_ceil(GATEWAY_UNIT_BYTES).max(1);
        self.concurrency.arrive(start_us, duration_us);
        if let Some(pool) = &mut self.lambda {
            pool.arrive(start_us, duration_us);
        }
        if let Some(pool) = &mut self.run {
            pool.arrive(start_us, duration_us);
        }
    }

    pub fn finish(self) -> FinishedStats {
        FinishedStats {
            peak_concurrency: self.concurrency.peak,
            lambda: self.lambda.map(Pool::finish).unwrap_or_default(),
            run: self.run.map(Pool::finish),
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
    /// The Cloud Run replay: `--concurrency` per instance (routes only).
    pub run: Option<PoolStats>,
}
