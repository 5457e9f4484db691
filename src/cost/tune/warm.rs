//! Instances kept warm: Lambda provisioned concurrency and Cloud Run minimum
//! instances. Each deployed function's log is replayed with 0, 1, 2, … warm
//! instances ([`WARM_COUNTS`]); each count gives the cold starts left and
//! what the warm instances add to the monthly bill, and the smallest count
//! that meets the cold-start target is recommended, unless it costs more
//! than an always-on container would, or none is needed.

use super::super::pricing::{Pricing, Rate};
use super::super::replay::PoolStats;
use serde::Serialize;

/// Warm-instance counts each function is replayed with, besides none.
pub const WARM_COUNTS: [u32; 13] = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32];

/// One replay with `instances` kept warm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WarmPoint {
    pub instances: u32,
    pub cold_starts_per_month: f64,
    /// Share of requests that waited for a cold start.
    pub cold_start_share: f64,
    /// Against no warm instance.
    pub cold_starts_avoided_per_month: f64,
    /// What the warm instances add to the monthly bill (less what they save).
    pub extra_usd_per_month: f64,
}

/// The recommended count, why, and the replays it was chosen from: none,
/// then counts up to the first that leaves no cold start.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WarmChoice {
    pub value: u32,
    pub reason: String,
    pub curve: Vec<WarmPoint>,
}

/// Per month: the log's span → 730 h, and a month's seconds.
#[derive(Debug, Clone, Copy)]
pub struct Month {
    pub factor: f64,
    pub seconds: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    /// Provisioned concurrency: the configured GB-s all month, duration on
    /// the provisioned instances at their lower rate, on-demand duration
    /// (init included) for the rest.
    Lambda,
    /// Minimum instances (request-based billing): busy instance time at the
    /// active rate, the minimum instances' idle time at the idle rate.
    CloudRun,
}

/// What keeping instances warm costs on one platform.
pub struct WarmCost<'a> {
    pub platform: Platform,
    pub rate: &'a Rate,
    pub memory_mb: u32,
    pub month: Month,
}

impl WarmCost<'_> {
    /// What the `warm` replay costs beyond the plain one (`base`), per month.
    pub fn extra_usd(&self, base: &PoolStats, warm: &PoolStats) -> f64 {
        let (r, m) = (self.rate, self.month);
        let gb = f64::from(self.memory_mb) / 1024.0;
        let warm_s = f64::from(warm.warm) * m.seconds;
        let per_month = |us: f64| us / 1e6 * m.factor;
        match self.platform {
            Platform::Lambda => {
                let on_demand = (warm.busy_us - warm.warm_busy_us) as f64 * r.per_gb_second;
                let provisioned = warm.warm_busy_us as f64 * r.provisioned_duration_per_gb_second;
                let before = base.busy_us as f64 * r.per_gb_second;
                per_month(on_demand + provisioned - before) * gb
                    + warm_s * gb * r.provisioned_per_gb_second
            }
            Platform::CloudRun => {
                let active = r.vcpu * r.per_vcpu_second + gb * r.per_gib_second;
                let idle = r.vcpu * r.idle_per_vcpu_second + gb * r.idle_per_gib_second;
                let busy = per_month(warm.busy_us as f64 - base.busy_us as f64);
                let idle_s = (warm_s - per_month(warm.warm_busy_us as f64)).max(0.0);
                busy * active + idle_s * idle
            }
        }
    }
}

/// What decides: the share of requests allowed to wait for a cold start, and
/// the monthly price past which warm instances do not pay (an always-on
/// container for the same routes).
#[derive(Debug, Clone, Copy)]
pub struct WarmGoal {
    pub target: f64,
    pub container_usd: f64,
}

fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p > 0.0 && p < 0.1 {
        format!("{p:.2}%")
    } else {
        format!("{p:.1}%")
    }
}

/// The curve of `warm` replays (in [`WARM_COUNTS`] order) against `base`,
/// and the count to keep warm.
pub fn choose(
    base: &PoolStats,
    warm: &[PoolStats],
    cost: &WarmCost<'_>,
    month: Month,
    goal: WarmGoal,
) -> WarmChoice {
    let requests = base.requests.max(1) as f64;
    let point = |stats: &PoolStats| WarmPoint {
        instances: stats.warm,
        cold_starts_per_month: stats.cold_starts as f64 * month.factor,
        cold_start_share: stats.cold_starts as f64 / requests,
        cold_starts_avoided_per_month: base.cold_starts.saturating_sub(stats.cold_starts) as f64
            * month.factor,
        extra_usd_per_month: if stats.warm == 0 {
            0.0
        } else {
            cost.extra_usd(base, stats)
        },
    };
    let mut curve = vec![point(base)];
    for stats in warm {
        if curve.last().is_some_and(|p| p.cold_starts_per_month == 0.0) {
            break;
        }
        curve.push(point(stats));
    }
    let target = format!("≤ {} (--cold-start-target)", percent(goal.target));
    let none = &curve[0];
    let (value, reason) = if base.requests == 0 {
        (0, "no request in the logs".to_string())
    } else if none.cold_start_share <= goal.target {
        (
            0,
            format!(
                "none: {} of requests wait for a cold start without it, within the target ({target})",
                percent(none.cold_start_share)
            ),
        )
    } else {
        match curve.iter().find(|p| p.cold_start_share <= goal.target) {
            Some(p) if p.extra_usd_per_month > goal.container_usd => (
                0,
                format!(
                    "none: {} warm would bring cold starts from {} to {} of requests, but for ${:.2} a month, more than an always-on container for these routes (${:.2}): it does not pay",
                    p.instances,
                    percent(none.cold_start_share),
                    percent(p.cold_start_share),
                    p.extra_usd_per_month,
                    goal.container_usd
                ),
            ),
            Some(p) => (
                p.instances,
                format!(
                    "{} warm: cold starts from {} to {} of requests (target {target}), {:.0} fewer a month, for {}${:.2} a month",
                    p.instances,
                    percent(none.cold_start_share),
                    percent(p.cold_start_share),
                    p.cold_starts_avoided_per_month,
                    if p.extra_usd_per_month < 0.0 { "-" } else { "+" },
                    p.extra_usd_per_month.abs()
                ),
            ),
            None => {
                let last = curve.last().unwrap_or(none);
                (
                    0,
                    format!(
                        "none: even {} warm leave {} of requests cold (target {target}): the bursts outgrow any warm pool",
                        last.instances,
                        percent(last.cold_start_share)
                    ),
                )
            }
        }
    };
    WarmChoice {
        value,
        reason,
        curve,
    }
}

/// The month of `pricing`-independent figures: factor and seconds.
pub fn month(factor: f64, month_hours: f64) -> Month {
    Month {
        factor,
        seconds: month_hours * 3600.0,
    }
}

/// Lambda's and Cloud Run's warm pricing for a function of `memory_mb`.
pub fn costs(pricing: &Pricing, memory_mb: u32, month: Month) -> [WarmCost<'_>; 2] {
    let cost = |platform, rate| WarmCost {
        platform,
        rate,
        memory_mb,
        month,
    };
    [
        cost(Platform::Lambda, &pricing.lambda_x86),
        cost(Platform::CloudRun, &pricing.cloud_run_request),
    ]
}
