//! Every setting of a planned function derived from its own replayed
//! traffic, each with the reason it has that value: memory, timeout,
//! reserved and provisioned concurrency, architecture, database connections
//! and package on Lambda; concurrency, minimum and maximum instances and
//! timeout on Cloud Run. Then the checks that span the plan: reservations
//! against the account, connections against the database.

pub mod adapter;
pub mod concurrency;
pub mod package;
pub mod timeout;
pub mod warm;

use super::imports::{CodeImports, DatabaseKind};
use super::pricing::{self, Pricing, Usage};
use super::stats::FinishedStats;
use super::{CostOptions, CostReport};
use crate::report::Report;
use concurrency::{AccountCheck, Connections, DatabaseCheck};
use package::Package;
use serde::Serialize;
use timeout::Timeout;
use warm::{WarmChoice, WarmGoal};

/// A derived value and why it is that.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Setting<T> {
    pub value: T,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CloudRunSettings {
    pub concurrency: Setting<u32>,
    pub min_instances: WarmChoice,
    pub max_instances: Setting<u32>,
    pub cpu: Setting<u32>,
    pub timeout_s: Timeout,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunctionSettings {
    pub memory_mb: Setting<u32>,
    pub timeout_s: Timeout,
    pub reserved_concurrency: Setting<u32>,
    pub provisioned_concurrency: WarmChoice,
    pub architecture: Setting<&'static str>,
    pub database: Connections,
    pub package: Package,
    pub cloud_run: CloudRunSettings,
}

/// Plan-wide checks of the functions' settings together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanChecks {
    pub account: AccountCheck,
    pub database: DatabaseCheck,
}

/// What the settings are derived from.
pub struct TuneInput<'a> {
    pub report: &'a Report,
    pub cost: &'a CostReport,
    pub pricing: &'a Pricing,
    pub options: &'a CostOptions,
    pub imports: &'a CodeImports,
    /// Each route's own figures (report order).
    pub route_stats: &'a [FinishedStats],
}

/// The function to tune: its name as `--lambda-report` files name it, its
/// routes (report indices) and its own replay.
pub struct Function<'a> {
    pub slug: &'a str,
    pub routes: &'a [usize],
    pub stats: &'a FinishedStats,
}

/// Memory: a `--lambda-report` of the same name, else the largest its routes
/// need (configured, `--memory-mb`, or estimated from measured footprints).
fn memory(input: &TuneInput<'_>, f: &Function<'_>) -> Setting<u32> {
    if let Some(l) = input
        .cost
        .lambda_functions
        .iter()
        .find(|l| l.function == f.slug)
    {
        return Setting {
            value: l.recommended_memory_mb,
            reason: format!(
                "--lambda-report {}: max memory used p99 {} MB over {} invocations × 1.3, rounded up to 64 MB",
                l.function, l.max_memory_used_p99_mb, l.invocations
            ),
        };
    }
    let largest = f
        .routes
        .iter()
        .map(|&r| &input.cost.routes[r])
        .max_by(|a, b| a.memory_mb.cmp(&b.memory_mb).then(b.id.cmp(&a.id)));
    match largest {
        Some(r) if r.memory_source == "default" => Setting {
            value: r.memory_mb,
            reason: format!(
                "{} MB, the default: no route of it imports a measured heavy package (a --lambda-report file named {}.log would measure it)",
                r.memory_mb, f.slug
            ),
        },
        Some(r) => Setting {
            value: r.memory_mb,
            reason: format!("{} MB for {}: {}", r.memory_mb, r.id, r.memory_source),
        },
        None => Setting {
            value: input.options.memory_mb,
            reason: "the default".to_string(),
        },
    }
}

fn architecture(
    input: &TuneInput<'_>,
    stats: &FinishedStats,
    memory_mb: u32,
    init_us: u64,
) -> Setting<&'static str> {
    let usage = Usage {
        stats,
        month_factor: input.cost.log.month_factor,
        memory_mb,
        init_us,
        api_gateway: input.options.api_gateway,
    };
    let p = input.pricing;
    let x86 = pricing::lambda(&p.lambda_x86, &p.api_gateway_http, &usage).total_usd;
    let arm = pricing::lambda(&p.lambda_arm, &p.api_gateway_http, &usage).total_usd;
    Setting {
        value: "x86_64",
        reason: format!(
            "x86_64, as priced (${x86:.2} a month); arm64 would cost ${arm:.2}{} if every native dependency has an arm64 build",
            if x86 > 0.0 {
                format!(" ({:.0}% less)", (1.0 - arm / x86) * 100.0)
            } else {
                String::new()
            }
        ),
    }
}

/// Every setting of one function.
pub fn tune_function(input: &TuneInput<'_>, f: &Function<'_>) -> FunctionSettings {
    let stats = f.stats;
    let memory_mb = memory(input, f);
    let init_ms = f
        .routes
        .iter()
        .map(|&r| input.cost.routes[r].init_ms)
        .max()
        .unwrap_or(input.options.init_ms);
    let routes: Vec<(&str, &FinishedStats)> = f
        .routes
        .iter()
        .map(|&r| (input.report.routes[r].id.as_str(), &input.route_stats[r]))
        .collect();
    let month = warm::month(input.cost.log.month_factor, input.options.month_hours);
    let goal = WarmGoal {
        target: input.options.cold_start_target,
        container_usd: pricing::fargate(&input.pricing.fargate, stats.peak_concurrency).total_usd,
    };
    let [provisioned_cost, min_instances_cost] = warm::costs(input.pricing, memory_mb.value, month);
    let provisioned = warm::choose(
        &stats.lambda,
        &stats.lambda_warm,
        &provisioned_cost,
        month,
        goal,
    );
    let run = stats.run.unwrap_or_default();
    let min_instances = warm::choose(&run, &stats.run_warm, &min_instances_cost, month, goal);
    let reserved = concurrency::reserved(stats.peak_concurrency, provisioned.value);
    let imports = input
        .imports
        .of(f.routes.iter().map(|&r| input.report.routes[r].id.as_str()));
    let peak_instances = stats
        .lambda_warm
        .iter()
        .find(|w| w.warm == provisioned.value)
        .map_or(stats.lambda.peak_instances, |w| w.peak_instances);
    let databases: Vec<DatabaseKind> = imports.databases.keys().copied().collect();
    let run_peak = run.peak_instances.max(min_instances.value);
    let max_instances = (f64::from(run_peak) * concurrency::HEADROOM).ceil() as u32;
    let concurrency_run = input.options.cloud_run_concurrency;
    FunctionSettings {
        timeout_s: timeout::timeout(stats, &routes, timeout::LAMBDA_CAP_S, timeout::LAMBDA_CAP),
        architecture: architecture(input, stats, memory_mb.value, init_ms * 1000),
        database: concurrency::connections(databases, peak_instances, reserved.value),
        package: package::package(
            &f.routes
                .iter()
                .map(|&r| &input.report.routes[r])
                .collect::<Vec<_>>(),
            &input.report.routes,
            &imports,
            input.imports.declared,
        ),
        cloud_run: CloudRunSettings {
            concurrency: Setting {
                value: concurrency_run,
                reason: format!(
                    "{concurrency_run} requests at once per instance (--concurrency), as replayed"
                ),
            },
            max_instances: Setting {
                value: max_instances.max(1),
                reason: format!(
                    "peak of {run_peak} instance(s) in the replay × {} headroom",
                    concurrency::HEADROOM
                ),
            },
            cpu: Setting {
                value: 1,
                reason: "1 vCPU, as priced".to_string(),
            },
            timeout_s: timeout::timeout(
                stats,
                &routes,
                timeout::CLOUD_RUN_CAP_S,
                timeout::CLOUD_RUN_CAP,
            ),
            min_instances,
        },
        reserved_concurrency: reserved,
        provisioned_concurrency: provisioned,
        memory_mb,
    }
}

/// The checks across functions (`(name, settings)`); a function whose
/// connections do not fit says so in its own reason too.
pub fn check_plan(
    functions: &mut [(&str, &mut FunctionSettings)],
    options: &CostOptions,
) -> PlanChecks {
    let reserved: Vec<(&str, u32)> = functions
        .iter()
        .map(|(n, s)| (*n, s.reserved_concurrency.value))
        .collect();
    let account = concurrency::check_account(&reserved, options.account_concurrency);
    let connections: Vec<(&str, &Connections)> =
        functions.iter().map(|(n, s)| (*n, &s.database)).collect();
    let database = concurrency::check_database(&connections, options.db_max_connections);
    if !database.fits {
        for (_, s) in functions
            .iter_mut()
            .filter(|(_, s)| s.database.per_instance > 0)
        {
            s.database.reason.push_str(&format!(
                "; with the other functions, past the database's {} connections: behind RDS Proxy or PgBouncer",
                options.db_max_connections
            ));
        }
    }
    PlanChecks { account, database }
}
