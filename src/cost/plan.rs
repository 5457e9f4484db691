//! `carve plan`: which routes go to functions, grouped into a few deployable
//! functions, and which stay in one container, priced against the
//! all-container and all-functions baselines. Routes of one shared-state
//! group move together; by default one function per module (the router,
//! blueprint or controller file) whose routes are all eligible.
//!
//! Units are chosen from the scan before the logs are read, so each deployed
//! function gets its own warm pool in the replay; a route the traffic then
//! rules out (a limit it crosses) takes its whole function back to the
//! container, whose peak is then bounded by the sum of both peaks.

use super::imports::CodeImports;
use super::pricing::{self, Price, Pricing, Usage};
use super::traffic::{Traffic, UnitSpec};
use super::tune::{self, FunctionSettings, PlanChecks, TuneInput};
use super::{CostOptions, CostReport, LogSummary, TrafficFigures, SCHEMA_VERSION};
use crate::assess::Verdict;
use crate::report::Report;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// One function per route: the classic mistake, priced.
    Route,
    /// One function per router, blueprint or controller (the route's file).
    Module,
    /// One function for every eligible route.
    App,
}

/// `carve plan`'s own options.
#[derive(Debug, Clone, clap::Args)]
pub struct PlanArgs {
    /// One function per route, per module (router/blueprint/controller), or one for the app.
    #[arg(long, value_enum, default_value_t = Granularity::Module)]
    pub granularity: Granularity,
    /// Share of requests allowed to wait for a cold start before instances are kept warm
    /// (provisioned concurrency, Cloud Run min instances): `1%`, `0.5%`.
    #[arg(long, value_name = "PERCENT", default_value = "1%", value_parser = parse_percent)]
    pub cold_start_target: f64,
    /// Write the plan as infrastructure code into DIR: `sam` (template.yaml), `terraform`
    /// (main.tf, variables.tf) or `cloudrun` (one service.yaml per function).
    #[arg(long, num_args = 2, value_names = ["FORMAT", "DIR"])]
    pub emit: Vec<String>,
    /// Let `--emit` overwrite files that exist.
    #[arg(long, requires = "emit")]
    pub force: bool,
}

/// `1%`, `0.5 %` or `1` (percent) as a share: 0.01.
pub fn parse_percent(text: &str) -> Result<f64, String> {
    let number = text.trim().trim_end_matches('%').trim();
    match number.parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p / 100.0),
        _ => Err(format!("`{text}` is not a percentage from 0% to 100%")),
    }
}

/// A set of routes that deploy together, chosen from the scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub name: String,
    pub routes: Vec<usize>,
    /// Every route's scan verdict is `function`.
    pub eligible: bool,
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups the routes: by granularity, then merged along shared state.
pub fn units(report: &Report, granularity: Granularity) -> Vec<Unit> {
    let n = report.routes.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    };
    let key = |i: usize| -> String {
        let r = &report.routes[i];
        match granularity {
            Granularity::Route => r.id.clone(),
            Granularity::Module => r.file.clone(),
            Granularity::App => "app".to_string(),
        }
    };
    let mut first_of: BTreeMap<String, usize> = BTreeMap::new();
    for i in 0..n {
        let first = *first_of.entry(key(i)).or_insert(i);
        union(&mut parent, first, i);
    }
    let index: BTreeMap<&str, usize> = report
        .routes
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    for g in &report.groups {
        let members: Vec<usize> = g
            .routes
            .iter()
            .filter_map(|id| index.get(id.as_str()).copied())
            .collect();
        for w in members.windows(2) {
            union(&mut parent, w[0], w[1]);
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        by_root.entry(find(&mut parent, i)).or_default().push(i);
    }
    by_root
        .into_values()
        .map(|routes| {
            let mut names: Vec<String> = routes.iter().map(|&i| key(i)).collect();
            names.dedup();
            names.sort();
            names.dedup();
            Unit {
                name: names.join(" + "),
                eligible: routes
                    .iter()
                    .all(|&i| report.routes[i].verdict == Verdict::Function),
                routes,
            }
        })
        .collect()
}

/// The units to replay for a plan: the whole app (as `cost` replays it),
/// the container (routes of ineligible units), then each eligible unit.
pub fn replay_units(units: &[Unit], n_routes: usize) -> Vec<UnitSpec> {
    let container: Vec<usize> = units
        .iter()
        .filter(|u| !u.eligible)
        .flat_map(|u| u.routes.iter().copied())
        .collect();
    let peak_only = |routes| UnitSpec {
        routes,
        replay: false,
    };
    let mut out = vec![peak_only((0..n_routes).collect()), peak_only(container)];
    out.extend(units.iter().filter(|u| u.eligible).map(|u| UnitSpec {
        routes: u.routes.clone(),
        replay: true,
    }));
    out
}

#[derive(Debug, Clone, Serialize)]
pub struct PlannedFunction {
    pub name: String,
    /// The name in emitted files and `--lambda-report` file names:
    /// `routes/users.js` → `routes-users`.
    pub slug: String,
    pub routes: Vec<String>,
    pub memory_mb: u32,
    #[serde(flatten)]
    pub traffic: TrafficFigures,
    /// Lambda (x86) for this function: one warm pool for all its routes,
    /// with its provisioned concurrency (in `compute_usd`).
    pub price: Price,
    /// What the recommended provisioned concurrency adds (less what it saves).
    pub provisioned_usd: f64,
    /// The same routes deployed one function per route.
    pub lambda_cold_starts_per_month_if_one_per_route: f64,
    pub price_if_one_per_route: Price,
    /// Every deployment setting, derived from this function's replay.
    pub settings: FunctionSettings,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeldBack {
    pub route: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlannedContainer {
    pub routes: Vec<String>,
    pub held_back: Vec<HeldBack>,
    pub peak_concurrency: u32,
    pub fargate_tasks: u32,
    pub price: Price,
}

#[derive(Debug, Clone, Serialize)]
pub struct Baselines {
    /// Every route in one Fargate service sized to the app's peak.
    pub all_container: Price,
    /// Every route its own Lambda function, whatever its verdict.
    pub all_functions: Price,
    /// This plan: the functions plus the container.
    pub proposal: Price,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanReport {
    pub schema_version: u32,
    pub granularity: Granularity,
    pub assumptions: CostOptions,
    pub log: LogSummary,
    pub functions: Vec<PlannedFunction>,
    pub container: PlannedContainer,
    pub baselines: Baselines,
    /// The functions' reservations and connections together.
    pub checks: PlanChecks,
}

/// Everything a plan is built from.
pub struct PlanInput<'a> {
    pub report: &'a Report,
    /// As [`units`] made them; replayed as [`replay_units`] made them.
    pub units: &'a [Unit],
    pub traffic: &'a Traffic,
    pub cost: &'a CostReport,
    pub pricing: &'a Pricing,
    pub options: &'a CostOptions,
    pub granularity: Granularity,
    /// What each route's code imports (empty when not known).
    pub imports: &'a CodeImports,
}

/// Extensions left out of a function's slug.
const SOURCE_EXTENSIONS: &[&str] = &[
    ".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".mts", ".cts",
];
const SLUG_MAX: usize = 40;

/// A unit's name as a file or resource name: lower case letters, digits and
/// single dashes, starting with a letter; `taken` makes it unique.
pub fn slug(name: &str, taken: &[String]) -> String {
    let mut words: Vec<String> = Vec::new();
    for part in name.split(" + ") {
        let part = SOURCE_EXTENSIONS
            .iter()
            .find_map(|e| part.strip_suffix(e))
            .unwrap_or(part);
        words.extend(
            part.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase),
        );
    }
    let mut base = words.join("-");
    if !base.starts_with(|c: char| c.is_ascii_lowercase()) {
        base = format!("fn-{base}");
    }
    base.truncate(SLUG_MAX);
    let base = base.trim_end_matches('-').to_string();
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// Builds the plan from the scan, the units replayed (as [`replay_units`]
/// made them) and the per-route costs.
pub fn build_plan(input: &PlanInput<'_>) -> PlanReport {
    let PlanInput {
        report,
        units,
        traffic,
        cost,
        pricing,
        options,
        granularity,
        imports,
    } = *input;
    let tune_input = TuneInput {
        report,
        cost,
        pricing,
        options,
        imports,
        route_stats: &traffic.routes,
    };
    let month = cost.log.month_factor;
    let mut slugs: Vec<String> = Vec::new();
    let mut functions = Vec::new();
    let mut container_routes: Vec<usize> = Vec::new();
    let mut held_back = Vec::new();
    let mut extra_peak = 0;
    let eligible: Vec<&Unit> = units.iter().filter(|u| u.eligible).collect();
    for (u, unit) in eligible.iter().enumerate() {
        let stats = &traffic.units[2 + u];
        let crossing: Vec<&str> = unit
            .routes
            .iter()
            .filter(|&&r| cost.routes[r].traffic_verdict != Verdict::Function)
            .map(|&r| cost.routes[r].id.as_str())
            .collect();
        if !crossing.is_empty() {
            for &r in &unit.routes {
                let c = &cost.routes[r];
                let reason = match c.limits.first() {
                    Some(l) if c.traffic_verdict != Verdict::Function => l.message.clone(),
                    _ => format!(
                        "moves with {} (a limit its traffic crosses)",
                        crossing.join(", ")
                    ),
                };
                held_back.push(HeldBack {
                    route: c.id.clone(),
                    reason,
                });
                container_routes.push(r);
            }
            extra_peak += stats.peak_concurrency;
            continue;
        }
        let slug = slug(&unit.name, &slugs);
        slugs.push(slug.clone());
        let settings = tune::tune_function(
            &tune_input,
            &tune::Function {
                slug: &slug,
                routes: &unit.routes,
                stats,
            },
        );
        let memory_mb = settings.memory_mb.value;
        let chosen = &settings.provisioned_concurrency;
        let provisioned_usd = chosen
            .curve
            .iter()
            .find(|p| p.instances == chosen.value)
            .map_or(0.0, |p| p.extra_usd_per_month);
        let init_ms = unit
            .routes
            .iter()
            .map(|&r| cost.routes[r].init_ms)
            .max()
            .unwrap_or(options.init_ms);
        let usage = Usage {
            stats,
            month_factor: month,
            memory_mb,
            init_us: init_ms * 1000,
            api_gateway: options.api_gateway,
        };
        let per_route = unit.routes.iter().fold(Price::default(), |acc, &r| {
            acc.add(&cost.routes[r].prices.lambda_x86)
        });
        functions.push(PlannedFunction {
            name: unit.name.clone(),
            slug,
            settings,
            routes: unit
                .routes
                .iter()
                .map(|&r| cost.routes[r].id.clone())
                .collect(),
            memory_mb,
            traffic: TrafficFigures::of(stats, month, pricing),
            price: pricing::lambda(&pricing.lambda_x86, &pricing.api_gateway_http, &usage).add(
                &Price {
                    compute_usd: provisioned_usd,
                    total_usd: provisioned_usd,
                    ..Price::default()
                },
            ),
            provisioned_usd,
            lambda_cold_starts_per_month_if_one_per_route: unit
                .routes
                .iter()
                .map(|&r| cost.routes[r].traffic.lambda_cold_starts_per_month)
                .sum(),
            price_if_one_per_route: per_route,
        });
    }
    for unit in units.iter().filter(|u| !u.eligible) {
        let blockers: Vec<&str> = unit
            .routes
            .iter()
            .filter(|&&r| report.routes[r].verdict != Verdict::Function)
            .map(|&r| report.routes[r].id.as_str())
            .collect();
        for &r in &unit.routes {
            let route = &report.routes[r];
            let reason = if route.verdict != Verdict::Function {
                format!(
                    "{}: {}",
                    route.verdict.as_str(),
                    route.top_reason.clone().unwrap_or_default()
                )
            } else {
                format!("eligible, but deploys with {}", blockers.join(", "))
            };
            held_back.push(HeldBack {
                route: route.id.clone(),
                reason,
            });
            container_routes.push(r);
        }
    }
    container_routes.sort_unstable();
    held_back.sort_by(|a, b| a.route.cmp(&b.route));
    let whole = &traffic.units[0];
    let container_stats = &traffic.units[1];
    let peak = container_stats.peak_concurrency + extra_peak;
    let container_price = if container_routes.is_empty() {
        Price::default()
    } else {
        pricing::fargate(&pricing.fargate, peak)
    };
    let proposal = functions
        .iter()
        .fold(container_price, |acc, f| acc.add(&f.price));
    let all_functions = cost
        .routes
        .iter()
        .fold(Price::default(), |acc, r| acc.add(&r.prices.lambda_x86));
    let checks = tune::check_plan(
        &mut functions
            .iter_mut()
            .map(|f| (f.name.as_str(), &mut f.settings))
            .collect::<Vec<_>>(),
        options,
    );
    PlanReport {
        checks,
        schema_version: SCHEMA_VERSION,
        granularity,
        assumptions: options.clone(),
        log: cost.log.clone(),
        functions,
        container: PlannedContainer {
            routes: container_routes
                .iter()
                .map(|&r| cost.routes[r].id.clone())
                .collect(),
            held_back,
            peak_concurrency: peak,
            fargate_tasks: if container_routes.is_empty() {
                0
            } else {
                pricing::fargate_tasks(&pricing.fargate, peak)
            },
            price: container_price,
        },
        baselines: Baselines {
            all_container: pricing::fargate(&pricing.fargate, whole.peak_concurrency),
            all_functions,
            proposal,
        },
    }
}
