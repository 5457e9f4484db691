//! Prices as data: `pricing/*.toml` (embedded; each section names its
//! source, region and date), overridden section by section by `--pricing
//! FILE`; and the monthly price of a route or unit on each platform from its
//! replayed traffic. Free tiers are per account, so they apply to totals only.

use super::stats::FinishedStats;
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// One platform's list prices. Unused fields stay zero.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Rate {
    pub source: String,
    pub region: String,
    pub date: String,
    pub per_million_requests: f64,
    pub per_gb_second: f64,
    pub per_vcpu_second: f64,
    pub per_gib_second: f64,
    pub per_vcpu_hour: f64,
    pub per_gb_hour: f64,
    pub vcpu: f64,
    pub memory_gb: f64,
    pub requests_per_task: f64,
    pub free_requests: f64,
    pub free_gb_seconds: f64,
    pub free_vcpu_seconds: f64,
    pub free_gib_seconds: f64,
    /// Lambda provisioned concurrency: per GB-s configured, all month.
    pub provisioned_per_gb_second: f64,
    /// Lambda duration on provisioned instances, per GB-s.
    pub provisioned_duration_per_gb_second: f64,
    /// Cloud Run minimum instances while idle, per vCPU-s and GiB-s.
    pub idle_per_vcpu_second: f64,
    pub idle_per_gib_second: f64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PricingFile {
    lambda_x86: Option<Rate>,
    lambda_arm: Option<Rate>,
    api_gateway_http: Option<Rate>,
    azure_functions: Option<Rate>,
    cloud_run_request: Option<Rate>,
    cloud_run_instance: Option<Rate>,
    fargate: Option<Rate>,
}

/// Every platform's prices.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Pricing {
    pub lambda_x86: Rate,
    pub lambda_arm: Rate,
    pub api_gateway_http: Rate,
    pub azure_functions: Rate,
    pub cloud_run_request: Rate,
    pub cloud_run_instance: Rate,
    pub fargate: Rate,
}

/// A price table that does not parse, pointing at the line.
#[derive(Debug, Error, Diagnostic)]
#[error("invalid pricing file {path}: {message}")]
#[diagnostic(code(carve::pricing::invalid))]
pub struct InvalidPricing {
    path: String,
    message: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("here")]
    span: Option<SourceSpan>,
}

#[derive(Debug, Error, Diagnostic)]
pub enum PricingError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<InvalidPricing>),
    #[error("no price for `{0}`: the pricing files leave it out")]
    #[diagnostic(code(carve::pricing::missing))]
    Missing(&'static str),
}

impl Pricing {
    /// The built-in tables, then each override `(path, text)` in order.
    pub fn load(overrides: &[(String, String)]) -> Result<Pricing, PricingError> {
        let mut merged = PricingFile::default();
        let builtin = crate::embedded::PRICING_FILES
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()));
        for (path, text) in builtin.chain(overrides.iter().cloned()) {
            let file: PricingFile = toml::from_str(&text).map_err(|e| {
                PricingError::Invalid(Box::new(InvalidPricing {
                    path: path.clone(),
                    message: e.message().to_string(),
                    span: e.span().map(SourceSpan::from),
                    src: NamedSource::new(path.clone(), text.clone()),
                }))
            })?;
            macro_rules! take {
                ($($f:ident),*) => {$( if file.$f.is_some() { merged.$f = file.$f; } )*};
            }
            take!(
                lambda_x86,
                lambda_arm,
                api_gateway_http,
                azure_functions,
                cloud_run_request,
                cloud_run_instance,
                fargate
            );
        }
        macro_rules! need {
            ($($f:ident),*) => {
                Pricing { $( $f: merged.$f.ok_or(PricingError::Missing(stringify!($f)))?, )* }
            };
        }
        Ok(need!(
            lambda_x86,
            lambda_arm,
            api_gateway_http,
            azure_functions,
            cloud_run_request,
            cloud_run_instance,
            fargate
        ))
    }
}

/// A monthly price split into its parts (USD).
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Price {
    pub requests_usd: f64,
    pub compute_usd: f64,
    /// Cold-start init time, where billed apart from compute.
    pub init_usd: f64,
    pub gateway_usd: f64,
    pub total_usd: f64,
}

impl Price {
    fn new(requests_usd: f64, compute_usd: f64, init_usd: f64, gateway_usd: f64) -> Price {
        Price {
            requests_usd,
            compute_usd,
            init_usd,
            gateway_usd,
            total_usd: requests_usd + compute_usd + init_usd + gateway_usd,
        }
    }

    pub fn add(&self, other: &Price) -> Price {
        Price::new(
            self.requests_usd + other.requests_usd,
            self.compute_usd + other.compute_usd,
            self.init_usd + other.init_usd,
            self.gateway_usd + other.gateway_usd,
        )
    }

    /// Less a free tier worth `requests_usd` and `compute_usd` a month.
    pub fn less_free(&self, free_requests_usd: f64, free_compute_usd: f64) -> Price {
        let compute = self.compute_usd + self.init_usd;
        let compute_left = (compute - free_compute_usd).max(0.0);
        let init_share = if compute > 0.0 {
            self.init_usd / compute
        } else {
            0.0
        };
        Price::new(
            (self.requests_usd - free_requests_usd).max(0.0),
            compute_left * (1.0 - init_share),
            compute_left * init_share,
            self.gateway_usd,
        )
    }
}

/// What a price is computed from.
#[derive(Debug, Clone, Copy)]
pub struct Usage<'a> {
    pub stats: &'a FinishedStats,
    /// Log span → month: 730 h / span.
    pub month_factor: f64,
    pub memory_mb: u32,
    pub init_us: u64,
    pub api_gateway: bool,
}

impl Usage<'_> {
    fn per_month(&self, x: f64) -> f64 {
        x * self.month_factor
    }

    fn gb(&self) -> f64 {
        f64::from(self.memory_mb) / 1024.0
    }

    fn requests(&self, rate: &Rate) -> f64 {
        self.per_month(self.stats.requests as f64) * rate.per_million_requests / 1e6
    }
}

/// AWS Lambda: requests, GB-s of duration rounded up to 1 ms, and GB-s of
/// INIT on each cold start; API Gateway HTTP API in front when asked.
pub fn lambda(rate: &Rate, gateway: &Rate, u: &Usage<'_>) -> Price {
    let gb_s = |us: f64| u.per_month(us / 1e6) * u.gb() * rate.per_gb_second;
    Price::new(
        u.requests(rate),
        gb_s(u.stats.lambda_billed_us as f64),
        gb_s(u.stats.lambda.cold_starts as f64 * u.init_us as f64),
        if u.api_gateway {
            u.per_month(u.stats.gateway_units as f64) * gateway.per_million_requests / 1e6
        } else {
            0.0
        },
    )
}

/// Azure Functions consumption: executions, and GB-s with memory rounded
/// up to 128 MB and each execution at least 100 ms.
pub fn azure(rate: &Rate, u: &Usage<'_>) -> Price {
    let gb = f64::from(u.memory_mb.div_ceil(128) * 128) / 1024.0;
    let compute = u.per_month(u.stats.azure_billed_us as f64 / 1e6) * gb * rate.per_gb_second;
    Price::new(u.requests(rate), compute, 0.0, 0.0)
}

/// Cloud Run, request-based: instance time while serving (init included,
/// shared by the requests an instance serves at once), plus requests.
pub fn cloud_run_request(rate: &Rate, u: &Usage<'_>) -> Price {
    let per_s = rate.vcpu * rate.per_vcpu_second + u.gb() * rate.per_gib_second;
    let busy_us = u.stats.run.map_or(0, |r| r.busy_us);
    let compute = u.per_month(busy_us as f64 / 1e6) * per_s;
    Price::new(u.requests(rate), compute, 0.0, 0.0)
}

/// Cloud Run, instance-based: every instance's whole lifetime, idle included.
pub fn cloud_run_instance(rate: &Rate, u: &Usage<'_>) -> Price {
    let per_s = rate.vcpu * rate.per_vcpu_second + u.gb() * rate.per_gib_second;
    let lifetime_us = u.stats.run.map_or(0, |r| r.lifetime_us);
    let compute = u.per_month(lifetime_us as f64 / 1e6) * per_s;
    Price::new(0.0, compute, 0.0, 0.0)
}

pub const HOURS_PER_MONTH: f64 = 730.0;

/// Fargate tasks always on, enough for the peak concurrency (at least one).
pub fn fargate_tasks(rate: &Rate, peak_concurrency: u32) -> u32 {
    let per_task = rate.requests_per_task.max(1.0);
    ((f64::from(peak_concurrency) / per_task).ceil() as u32).max(1)
}

pub fn fargate(rate: &Rate, peak_concurrency: u32) -> Price {
    let tasks = f64::from(fargate_tasks(rate, peak_concurrency));
    let per_hour = rate.vcpu * rate.per_vcpu_hour + rate.memory_gb * rate.per_gb_hour;
    Price::new(0.0, tasks * per_hour * HOURS_PER_MONTH, 0.0, 0.0)
}

/// The monthly value of a platform's free tier: (requests, compute).
pub fn free_tier(rate: &Rate) -> (f64, f64) {
    (
        rate.free_requests * rate.per_million_requests / 1e6,
        rate.free_gb_seconds * rate.per_gb_second
            + rate.free_vcpu_seconds * rate.per_vcpu_second
            + rate.free_gib_seconds * rate.per_gib_second,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tables_load_and_say_where_they_come_from() {
        let p = Pricing::load(&[]).expect("built-in pricing loads");
        for rate in [
            &p.lambda_x86,
            &p.lambda_arm,
            &p.api_gateway_http,
            &p.azure_functions,
            &p.cloud_run_request,
            &p.cloud_run_instance,
            &p.fargate,
        ] {
            assert!(rate.source.starts_with("https://"), "{rate:?}");
            assert!(!rate.region.is_empty() && !rate.date.is_empty());
        }
    }

    #[test]
    fn an_override_replaces_one_section() {
        let text = "[fargate]\nsource = \"mine\"\nregion = \"eu-west-1\"\ndate = \"2026-01-01\"\nper_vcpu_hour = 1.0\nvcpu = 1.0\nrequests_per_task = 10\n";
        let p = Pricing::load(&[("mine.toml".into(), text.into())]).expect("loads");
        assert_eq!(p.fargate.per_vcpu_hour, 1.0);
        assert_eq!(fargate(&p.fargate, 25).total_usd, 3.0 * 730.0);
        assert!(p.lambda_x86.per_gb_second > 0.0);
        let bad = Pricing::load(&[("bad.toml".into(), "[fargate]\nper_cpu = 1\n".into())]);
        assert!(matches!(bad, Err(PricingError::Invalid(_))));
    }
}
