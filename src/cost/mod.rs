//! `carve cost` and `carve plan`: the scan's routes priced from the team's own
//! access logs. [`logs`] reads each format, [`matcher`] maps requests to
//! routes, [`traffic`] streams and merges the files into per-route
//! [`stats`] and warm-pool [`replay`]s, [`pricing`] turns those into monthly
//! prices, [`limits`] checks the platform limits the traffic crosses,
//! [`plan`] groups eligible routes into deployable functions,
//! [`tune`] derives each function's deployment settings from its replay
//! (with what [`imports`] finds its routes import), [`lambda_report`]
//! right-sizes functions already in production, [`render`] writes text,
//! JSON and Markdown, and [`emit`] the plan as SAM, Terraform or Cloud Run
//! configuration.

pub mod emit;
pub mod imports;
pub mod lambda_report;
pub mod limits;
pub mod logs;
pub mod matcher;
pub mod memory;
pub mod plan;
pub mod pricing;
pub mod render;
pub mod replay;
pub mod stats;
pub mod traffic;
pub mod tune;
pub mod unmatched;

use crate::assess::Verdict;
use crate::report::Report;
use limits::{LimitHit, Limits};
use pricing::{Price, Pricing, Usage};
use replay::PoolConfig;
use serde::Serialize;
use stats::FinishedStats;
use std::collections::BTreeMap;
use traffic::{Traffic, TrafficConfig};

/// Bump when the JSON shape of `cost` or `plan` changes.
pub const SCHEMA_VERSION: u32 = 2;

/// A stretch without any request longer than this, over half the span, is
/// said: the span looks wrong.
const LONG_GAP_US: u64 = 24 * 3_600_000_000;
/// Under this span the monthly figures are an extrapolation from too little.
const SHORT_SPAN_US: u64 = 3_600 * 1_000_000;

/// What `cost` assumes; every figure is computed from these.
#[derive(Debug, Clone, Serialize)]
pub struct CostOptions {
    pub month_hours: f64,
    /// Lambda memory for every route unless set per route.
    pub memory_mb: u32,
    /// Where `memory_mb` comes from: `--memory-mb` or the default.
    pub memory_source: &'static str,
    /// Per-route memory (`"GET /x"` → MB), from `.carve/config.toml`.
    pub memory_per_route: BTreeMap<String, u32>,
    pub init_ms: u64,
    pub lambda_idle_timeout_s: u64,
    pub cloud_run_idle_timeout_s: u64,
    pub cloud_run_concurrency: u32,
    pub api_gateway: bool,
    pub free_tier: bool,
    pub account_concurrency: u32,
    pub db_max_connections: u32,
    pub bucket_seconds: u64,
    /// For requests logged without a duration, before the route has one.
    pub default_duration_ms: u64,
    /// `plan`: the share of requests allowed to wait for a cold start before
    /// instances are kept warm (`--cold-start-target`).
    pub cold_start_target: f64,
}

impl Default for CostOptions {
    fn default() -> Self {
        CostOptions {
            month_hours: pricing::HOURS_PER_MONTH,
            memory_mb: 512,
            memory_source: "default",
            memory_per_route: BTreeMap::new(),
            init_ms: 400,
            lambda_idle_timeout_s: 360,
            cloud_run_idle_timeout_s: 900,
            cloud_run_concurrency: 80,
            api_gateway: false,
            free_tier: false,
            account_concurrency: 1000,
            db_max_connections: 100,
            bucket_seconds: 60,
            default_duration_ms: 100,
            cold_start_target: 0.01,
        }
    }
}

impl CostOptions {
    /// How to read and replay the logs for the routes of `report`.
    pub fn traffic_config(&self, format: Option<logs::Format>, report: &Report) -> TrafficConfig {
        let init_us = self.init_ms * 1000;
        TrafficConfig {
            format,
            bucket_us: self.bucket_seconds.max(1) * 1_000_000,
            lambda: PoolConfig {
                concurrency: 1,
                idle_us: self.lambda_idle_timeout_s * 1_000_000,
                init_us,
                round_us: 1_000,
            },
            run: PoolConfig {
                concurrency: self.cloud_run_concurrency,
                idle_us: self.cloud_run_idle_timeout_s * 1_000_000,
                init_us,
                round_us: 100_000,
            },
            default_duration_us: self.default_duration_ms * 1000,
            route_init_us: report
                .routes
                .iter()
                .map(|r| memory::size_route(r, self).init_ms * 1000)
                .collect(),
            warm_counts: tune::warm::WARM_COUNTS.to_vec(),
        }
    }

    fn limits(&self) -> Limits {
        Limits {
            account_concurrency: self.account_concurrency,
            db_max_connections: self.db_max_connections,
        }
    }
}

/// Every platform's monthly price for one route or unit.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Prices {
    pub lambda_x86: Price,
    pub lambda_arm: Price,
    pub azure_functions: Price,
    pub cloud_run_request: Price,
    pub cloud_run_instance: Price,
    pub fargate: Price,
}

impl Prices {
    /// Each platform's price, in the order the reports show them.
    pub fn each(&self) -> [&Price; 6] {
        [
            &self.lambda_x86,
            &self.lambda_arm,
            &self.azure_functions,
            &self.cloud_run_request,
            &self.cloud_run_instance,
            &self.fargate,
        ]
    }

    pub fn of(pricing: &Pricing, usage: &Usage<'_>) -> Prices {
        Prices {
            lambda_x86: pricing::lambda(&pricing.lambda_x86, &pricing.api_gateway_http, usage),
            lambda_arm: pricing::lambda(&pricing.lambda_arm, &pricing.api_gateway_http, usage),
            azure_functions: pricing::azure(&pricing.azure_functions, usage),
            cloud_run_request: pricing::cloud_run_request(&pricing.cloud_run_request, usage),
            cloud_run_instance: pricing::cloud_run_instance(&pricing.cloud_run_instance, usage),
            fargate: pricing::fargate(&pricing.fargate, usage.stats.peak_concurrency),
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Durations {
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Durations {
    fn of(stats: &FinishedStats) -> Durations {
        let ms = |q| stats.duration_us.quantile(q) as f64 / 1000.0;
        Durations {
            p50_ms: ms(0.5),
            p95_ms: ms(0.95),
            p99_ms: ms(0.99),
            max_ms: ms(1.0),
        }
    }
}

/// Traffic figures shared by a route and a deployable unit.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TrafficFigures {
    pub requests: u64,
    pub requests_per_month: f64,
    pub errors_5xx: u64,
    pub durations_missing: u64,
    pub duration: Durations,
    pub response_bytes_p99: u64,
    pub peak_concurrency: u32,
    pub lambda_cold_starts: u64,
    pub lambda_cold_starts_per_month: f64,
    /// Share of requests that waited for a Lambda cold start.
    pub lambda_cold_start_share: f64,
    pub lambda_peak_instances: u32,
    /// Routes only: a deployed function is priced on Lambda.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud_run_cold_starts_per_month: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud_run_peak_instances: Option<u32>,
    pub fargate_tasks: u32,
}

impl TrafficFigures {
    pub fn of(stats: &FinishedStats, month_factor: f64, pricing: &Pricing) -> TrafficFigures {
        let share = if stats.requests == 0 {
            0.0
        } else {
            stats.lambda.cold_starts as f64 / stats.requests as f64
        };
        TrafficFigures {
            requests: stats.requests,
            requests_per_month: stats.requests as f64 * month_factor,
            errors_5xx: stats.errors_5xx,
            durations_missing: stats.durations_missing,
            duration: Durations::of(stats),
            response_bytes_p99: stats.bytes.quantile(0.99),
            peak_concurrency: stats.peak_concurrency,
            lambda_cold_starts: stats.lambda.cold_starts,
            lambda_cold_starts_per_month: stats.lambda.cold_starts as f64 * month_factor,
            lambda_cold_start_share: share,
            lambda_peak_instances: stats.lambda.peak_instances,
            cloud_run_cold_starts_per_month: stats.run.map(|r| r.cold_starts as f64 * month_factor),
            cloud_run_peak_instances: stats.run.map(|r| r.peak_instances),
            fargate_tasks: pricing::fargate_tasks(&pricing.fargate, stats.peak_concurrency),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RouteCost {
    pub id: String,
    pub file: String,
    /// The scan's verdict.
    pub verdict: Verdict,
    /// Made stricter by the limits the traffic crosses.
    pub traffic_verdict: Verdict,
    pub memory_mb: u32,
    pub memory_source: String,
    /// `--init-ms` plus the measured import time of the route's heavy packages.
    pub init_ms: u64,
    #[serde(flatten)]
    pub traffic: TrafficFigures,
    pub prices: Prices,
    pub limits: Vec<LimitHit>,
}

/// What the logs were and what they covered.
#[derive(Debug, Clone, Serialize)]
pub struct LogSummary {
    pub files: Vec<logs::FileSummary>,
    pub first: Option<String>,
    pub last: Option<String>,
    pub span_hours: f64,
    /// 730 h / span: what one log request counts for in a month.
    pub month_factor: f64,
    pub matched: u64,
    pub unmatched: u64,
    pub top_unmatched: Vec<unmatched::Unmatched>,
    /// Requests further out of order than the 5 min reorder window.
    pub late: u64,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    /// Sum over routes, each its own function or service; Fargate is one
    /// service sized to the whole app's peak. Free tier applied if asked.
    pub prices: Prices,
    pub requests_per_month: f64,
    pub peak_concurrency: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct CostReport {
    pub schema_version: u32,
    pub assumptions: CostOptions,
    pub pricing: Pricing,
    pub log: LogSummary,
    pub routes: Vec<RouteCost>,
    pub totals: Totals,
    /// Functions already in production, from `--lambda-report` (x86 prices).
    pub lambda_functions: Vec<lambda_report::FunctionSizing>,
}

impl LogSummary {
    pub fn of(traffic: &Traffic, month_hours: f64) -> LogSummary {
        let span_us = traffic.span_us();
        let month_factor = if span_us == 0 {
            0.0
        } else {
            month_hours * 3_600e6 / span_us as f64
        };
        let mut warnings = Vec::new();
        if traffic.matched > 0 && span_us < SHORT_SPAN_US {
            warnings.push(format!(
                "the logs span {:.0} min: monthly figures extrapolate from under an hour",
                span_us as f64 / 60e6
            ));
        }
        // Most of the span one stretch without a request: a stray timestamp
        // or missing logs, and every monthly figure divides by the whole span.
        if let Some((from, to)) = traffic.largest_gap {
            let gap = to.saturating_sub(from).max(0) as u64;
            if gap > LONG_GAP_US && gap > span_us / 2 {
                warnings.push(format!(
                    "the logs span {:.0} h, {:.0} h of it without a single request (from {} to {}): a wrong timestamp or missing logs? Monthly figures divide by the whole span",
                    span_us as f64 / 3_600e6,
                    gap as f64 / 3_600e6,
                    logs::format_time(from),
                    logs::format_time(to)
                ));
            }
        }
        if traffic.matched == 0 {
            warnings.push(
                "no request matched a route of the scan: see the top unmatched paths".to_string(),
            );
        }
        for f in &traffic.files {
            if f.records == 0 {
                warnings.push(format!("{}: no request read", f.path));
            }
            if f.other_format_lines > 0 {
                warnings.push(format!(
                    "{}: mixed formats, {} lines of another format than {}",
                    f.path,
                    f.other_format_lines,
                    f.format.map_or("unknown", |x| x.as_str())
                ));
            }
            if let Some(stopped) = &f.stopped {
                warnings.push(format!("{}: {stopped}", f.path));
            }
        }
        LogSummary {
            files: traffic.files.clone(),
            first: traffic.first_us.map(logs::format_time),
            last: traffic.last_us.map(logs::format_time),
            span_hours: span_us as f64 / 3_600e6,
            month_factor,
            matched: traffic.matched,
            unmatched: traffic.unmatched,
            top_unmatched: traffic.top_unmatched.clone(),
            late: traffic.late,
            warnings,
        }
    }
}

/// The routes of a scan as (method, path), for the matcher.
pub fn route_keys(report: &Report) -> Vec<(&str, &str)> {
    report
        .routes
        .iter()
        .map(|r| (r.method.as_str(), r.path.as_str()))
        .collect()
}

/// The units `cost` reads with: the whole app, for its peak concurrency.
pub fn cost_units(n_routes: usize) -> Vec<traffic::UnitSpec> {
    vec![traffic::UnitSpec {
        routes: (0..n_routes).collect(),
        replay: false,
    }]
}

/// Prices every route from `traffic` (read with `units[0]` = all routes).
pub fn build_cost(
    report: &Report,
    traffic: &Traffic,
    pricing: &Pricing,
    options: &CostOptions,
) -> CostReport {
    let log = LogSummary::of(traffic, options.month_hours);
    let limits = options.limits();
    let mut routes = Vec::new();
    let mut sum = Prices::default();
    for (route, stats) in report.routes.iter().zip(&traffic.routes) {
        let memory::Sizing {
            memory_mb,
            memory_source,
            init_ms,
        } = memory::size_route(route, options);
        let usage = Usage {
            stats,
            month_factor: log.month_factor,
            memory_mb,
            init_us: init_ms * 1000,
            api_gateway: options.api_gateway,
        };
        let prices = Prices::of(pricing, &usage);
        sum = add_prices(&sum, &prices);
        let hits = limits::check(route, stats, &limits);
        routes.push(RouteCost {
            id: route.id.clone(),
            file: route.file.clone(),
            verdict: route.verdict,
            traffic_verdict: limits::adjust(route.verdict, &hits),
            memory_mb,
            memory_source,
            init_ms,
            traffic: TrafficFigures::of(stats, log.month_factor, pricing),
            prices,
            limits: hits,
        });
    }
    let whole = traffic.units.first();
    let peak = whole.map_or(0, |u| u.peak_concurrency);
    sum.fargate = pricing::fargate(&pricing.fargate, peak);
    if options.free_tier {
        sum = less_free_tiers(&sum, pricing);
    }
    CostReport {
        schema_version: SCHEMA_VERSION,
        assumptions: options.clone(),
        pricing: pricing.clone(),
        totals: Totals {
            prices: sum,
            requests_per_month: routes.iter().map(|r| r.traffic.requests_per_month).sum(),
            peak_concurrency: peak,
        },
        log,
        routes,
        lambda_functions: Vec::new(),
    }
}

pub fn add_prices(a: &Prices, b: &Prices) -> Prices {
    Prices {
        lambda_x86: a.lambda_x86.add(&b.lambda_x86),
        lambda_arm: a.lambda_arm.add(&b.lambda_arm),
        azure_functions: a.azure_functions.add(&b.azure_functions),
        cloud_run_request: a.cloud_run_request.add(&b.cloud_run_request),
        cloud_run_instance: a.cloud_run_instance.add(&b.cloud_run_instance),
        fargate: a.fargate.add(&b.fargate),
    }
}

/// Account-wide free tiers, taken off the totals.
pub fn less_free_tiers(p: &Prices, pricing: &Pricing) -> Prices {
    let less = |price: &Price, rate| {
        let (req, compute) = pricing::free_tier(rate);
        price.less_free(req, compute)
    };
    Prices {
        lambda_x86: less(&p.lambda_x86, &pricing.lambda_x86),
        lambda_arm: less(&p.lambda_arm, &pricing.lambda_arm),
        azure_functions: less(&p.azure_functions, &pricing.azure_functions),
        cloud_run_request: less(&p.cloud_run_request, &pricing.cloud_run_request),
        cloud_run_instance: less(&p.cloud_run_instance, &pricing.cloud_run_instance),
        fargate: p.fargate,
    }
}
