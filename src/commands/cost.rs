//! `carve cost` and `carve plan`: price each route from access logs, and
//! propose (and optionally emit) a migration plan. Both read the same logs
//! with the same options; the plan adds its own.

use super::{emit, open_regular, prepare, ScanOpts};
use carve::cost::logs::{self, Format as LogFormat};
use carve::cost::plan::{self, PlanArgs};
use carve::cost::pricing::Pricing;
use carve::cost::traffic::{self, LogInput};
use carve::cost::{self as costs, CostOptions};
use carve::scan;
use clap::{Args, ValueEnum};
use miette::{IntoDiagnostic, Result, WrapErr};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct CostCommand {
    /// Folder to scan; the bundled sample app when omitted.
    path: Option<PathBuf>,
    #[command(flatten)]
    cost: CostArgs,
    #[command(flatten)]
    opts: ScanOpts,
}

#[derive(Args)]
pub struct PlanCommand {
    /// Folder to scan; the bundled sample app when omitted.
    path: Option<PathBuf>,
    #[command(flatten)]
    plan: PlanArgs,
    #[command(flatten)]
    cost: CostArgs,
    #[command(flatten)]
    opts: ScanOpts,
}

/// `carve cost`.
pub fn run_cost(args: CostCommand) -> Result<ExitCode> {
    run(args.path, &args.cost, &args.opts, None)
}

/// `carve plan`.
pub fn run_plan(args: PlanCommand) -> Result<ExitCode> {
    run(args.path, &args.cost, &args.opts, Some(&args.plan))
}

#[derive(Args, Clone)]
struct CostArgs {
    /// Access log (repeatable; `.gz` is read as it streams). Several files are merged by time.
    #[arg(
        long = "log",
        value_name = "FILE",
        required_unless_present = "lambda_reports"
    )]
    logs: Vec<PathBuf>,
    /// CloudWatch Lambda REPORT lines of a function in production (text or
    /// `aws logs filter-log-events` JSON; one file per function, named after it): right-sizing.
    #[arg(long = "lambda-report", value_name = "FILE")]
    lambda_reports: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = LogFormatArg::Auto)]
    log_format: LogFormatArg,
    #[arg(long, value_enum, default_value_t = CostFormat::Text)]
    format: CostFormat,
    /// Lambda memory for every route (default: 512 MB, more for routes whose measured heavy
    /// imports need it); `[cost.memory_mb]` in `.carve/config.toml` sets it per route.
    #[arg(long, value_name = "MB")]
    memory_mb: Option<u32>,
    /// Init duration billed and waited for on each cold start, before the measured import time
    /// of the route's heavy packages is added.
    #[arg(long, value_name = "MS", default_value_t = CostOptions::default().init_ms)]
    init_ms: u64,
    /// Seconds a Lambda instance stays warm when idle (published measurements: 5–7 min).
    #[arg(long, value_name = "S", default_value_t = CostOptions::default().lambda_idle_timeout_s)]
    idle_timeout: u64,
    /// Seconds a Cloud Run instance stays warm when idle.
    #[arg(long, value_name = "S", default_value_t = CostOptions::default().cloud_run_idle_timeout_s)]
    cloud_run_idle_timeout: u64,
    /// Concurrent requests per Cloud Run instance.
    #[arg(long, default_value_t = CostOptions::default().cloud_run_concurrency)]
    concurrency: u32,
    /// Put API Gateway (HTTP API) in front of Lambda.
    #[arg(long)]
    api_gateway: bool,
    /// Take each platform's free tier off the totals.
    #[arg(long)]
    free_tier: bool,
    /// A price table overriding the built-in one, section by section (repeatable).
    #[arg(long = "pricing", value_name = "FILE")]
    pricing: Vec<PathBuf>,
    /// The database's connection limit, for routes that connect per request.
    #[arg(long, default_value_t = CostOptions::default().db_max_connections)]
    db_max_connections: u32,
    /// The account's concurrent executions limit.
    #[arg(long, default_value_t = CostOptions::default().account_concurrency)]
    account_concurrency: u32,
    /// Exit 1 when a route's traffic crosses a platform limit.
    #[arg(long, value_enum)]
    fail_on: Option<CostFailOn>,
    /// Length of a time bucket in an aggregate CSV.
    #[arg(long, value_name = "S", default_value_t = CostOptions::default().bucket_seconds)]
    bucket_seconds: u64,
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormatArg {
    Auto,
    Combined,
    Alb,
    Jsonl,
    Aggregate,
}

#[derive(Clone, Copy, ValueEnum)]
enum CostFailOn {
    /// A route whose traffic crosses a platform limit (timeout, payload, concurrency, connections).
    Limit,
}

#[derive(Clone, Copy, ValueEnum)]
enum CostFormat {
    Text,
    Json,
    Markdown,
}

/// `carve cost`, or `carve plan` with its options.
fn run(
    path: Option<PathBuf>,
    args: &CostArgs,
    opts: &ScanOpts,
    plan_args: Option<&PlanArgs>,
) -> Result<ExitCode> {
    let emit_to = plan_args
        .map(|p| costs::emit::parse_args(&p.emit))
        .transpose()?
        .flatten();
    let (config, rules, repo) = prepare(path, opts)?;
    let scanned = scan::scan(&config, &rules)?;
    let report = scanned.report;
    let ids: Vec<&str> = report.routes.iter().map(|r| r.id.as_str()).collect();
    let memory_per_route = repo.cost_memory(&ids)?;
    let mut overrides = Vec::new();
    for file in &args.pricing {
        let text = open_regular(file)
            .and_then(std::io::read_to_string)
            .into_diagnostic()
            .wrap_err_with(|| format!("reading the price table {}", file.display()))?;
        overrides.push((file.display().to_string(), text));
    }
    let pricing = Pricing::load(&overrides)?;
    let defaults = CostOptions::default();
    let options = CostOptions {
        memory_mb: args.memory_mb.unwrap_or(defaults.memory_mb),
        memory_source: if args.memory_mb.is_some() {
            "--memory-mb"
        } else {
            defaults.memory_source
        },
        init_ms: args.init_ms,
        lambda_idle_timeout_s: args.idle_timeout,
        cloud_run_idle_timeout_s: args.cloud_run_idle_timeout,
        cloud_run_concurrency: args.concurrency.max(1),
        api_gateway: args.api_gateway,
        free_tier: args.free_tier,
        account_concurrency: args.account_concurrency,
        db_max_connections: args.db_max_connections,
        bucket_seconds: args.bucket_seconds.max(1),
        memory_per_route,
        cold_start_target: plan_args.map_or(defaults.cold_start_target, |p| p.cold_start_target),
        ..defaults
    };
    let format = match args.log_format {
        LogFormatArg::Auto => None,
        LogFormatArg::Combined => Some(LogFormat::Combined),
        LogFormatArg::Alb => Some(LogFormat::Alb),
        LogFormatArg::Jsonl => Some(LogFormat::Jsonl),
        LogFormatArg::Aggregate => Some(LogFormat::Aggregate),
    };
    let mut inputs = Vec::new();
    for file in &args.logs {
        let reader = open_regular(file)
            .and_then(|f| logs::decompress(std::io::BufReader::with_capacity(1 << 18, f)))
            .into_diagnostic()
            .wrap_err_with(|| format!("opening the log {}", file.display()))?;
        inputs.push(LogInput {
            name: file.display().to_string(),
            reader,
        });
    }
    let routes = costs::route_keys(&report);
    let granularity = plan_args.map(|p| p.granularity);
    let units = granularity.map(|g| plan::units(&report, g));
    let replay = match &units {
        Some(units) => plan::replay_units(units, routes.len()),
        None => costs::cost_units(routes.len()),
    };
    let traffic = traffic::read_traffic(
        inputs,
        &routes,
        &replay,
        &options.traffic_config(format, &report),
    );
    let mut cost = costs::build_cost(&report, &traffic, &pricing, &options);
    for file in &args.lambda_reports {
        let reader = open_regular(file)
            .and_then(|f| logs::decompress(std::io::BufReader::new(f)))
            .into_diagnostic()
            .wrap_err_with(|| format!("opening the Lambda report {}", file.display()))?;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let name = name.split('.').next().unwrap_or_default();
        cost.lambda_functions
            .push(costs::lambda_report::read_function(
                name,
                reader,
                &pricing.lambda_x86,
                options.month_hours,
            ));
    }
    let text = match (granularity, &units) {
        (Some(g), Some(units)) => {
            let plan = plan::build_plan(&plan::PlanInput {
                report: &report,
                units,
                traffic: &traffic,
                cost: &cost,
                pricing: &pricing,
                options: &options,
                granularity: g,
                imports: &costs::imports::route_imports(&scanned.program),
            });
            if let Some((format, dir)) = &emit_to {
                let force = plan_args.is_some_and(|p| p.force);
                for written in costs::emit::emit(*format, &plan, &config.root, dir, force)? {
                    eprintln!("wrote {}", written.display());
                }
            }
            match args.format {
                CostFormat::Text => costs::render::plan_text(&plan),
                CostFormat::Json => costs::render::json(&plan),
                CostFormat::Markdown => costs::render::plan_markdown(&plan),
            }
        }
        _ => match args.format {
            CostFormat::Text => costs::render::cost_text(&cost),
            CostFormat::Json => costs::render::json(&cost),
            CostFormat::Markdown => costs::render::cost_markdown(&cost),
        },
    };
    emit(&text)?;
    let crossed = cost.routes.iter().any(|r| !r.limits.is_empty());
    Ok(match args.fail_on {
        Some(CostFailOn::Limit) if crossed => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    })
}
