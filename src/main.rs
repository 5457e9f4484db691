//! carve's command line: arguments → `ScanConfig` → pipeline → renderer →
//! exit code. The only place besides `discover` that touches files and stdio.

use carve::config::{Config, FailOn};
use carve::cost::logs::{self, Format as LogFormat};
use carve::cost::plan::{self, PlanArgs};
use carve::cost::pricing::Pricing;
use carve::cost::traffic::{self, LogInput};
use carve::cost::{self as costs, CostOptions};
use carve::discover::{self, ScanConfig};
use carve::extract::queries::CompiledQueries;
use carve::report::{self, baseline::Baseline, explain, text::Style};
use carve::rules::{self, fixtures, RuleSet};
use carve::settings::{self, repo_root, Flags};
use carve::{bench, embedded, lang::Lang, scan};
use clap::{Args, Parser, Subcommand, ValueEnum};
use miette::{miette, IntoDiagnostic, Result, WrapErr};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "carve",
    version,
    about = "Which routes of a web monolith can become serverless functions, and what blocks the others"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan a repository: routes with verdict, score and reasons.
    Scan {
        /// Folder or file to scan; a bundled sample app when omitted.
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// A previous JSON report: show only what is new or worse than it.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Exit 1 when the report crosses this line (default: never).
        #[arg(long, value_enum, value_name = "WHEN")]
        fail_on: Option<FailOn>,
        /// Markdown: link locations under this URL (`https://github.com/o/r/blob/SHA`).
        #[arg(long, value_name = "URL")]
        link_base: Option<String>,
        #[command(flatten)]
        opts: ScanOpts,
    },
    /// Every finding on one route, with source, remedy and call chain.
    Explain {
        /// The route: `"GET /users/<int:id>"`, or just the path for all methods.
        route: String,
        /// Folder or file to scan; a bundled sample app when omitted.
        path: Option<PathBuf>,
        #[command(flatten)]
        opts: ScanOpts,
    },
    /// The call graph behind the verdicts, with finding nodes marked.
    Graph {
        /// Folder or file to scan; a bundled sample app when omitted.
        path: Option<PathBuf>,
        /// One route (`"GET /users/:id"`, or a path for all its methods):
        /// every function it reaches. Default: every route, with the calls
        /// that lead to findings.
        #[arg(long)]
        route: Option<String>,
        #[arg(long, value_enum, default_value_t = GraphFormat::Mermaid)]
        format: GraphFormat,
        /// Draw every function the routes reach, not only the paths to findings.
        #[arg(long)]
        all_functions: bool,
        #[command(flatten)]
        opts: ScanOpts,
    },
    /// List, test and document rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Language server over stdio: diagnostics, hover, code lens and quick
    /// fixes in any LSP editor (see docs/editors.md).
    Lsp {
        /// Extra rule folder (repeatable); `.carve/rules/` in the workspace is read too.
        #[arg(long = "rules", value_name = "DIR")]
        rule_dirs: Vec<PathBuf>,
        /// Analyse test files too.
        #[arg(long)]
        include_tests: bool,
    },
    /// Price each route on Lambda, Azure Functions, Cloud Run and Fargate from access logs.
    Cost {
        /// Folder to scan; the bundled sample app when omitted.
        path: Option<PathBuf>,
        #[command(flatten)]
        cost: CostArgs,
        #[command(flatten)]
        opts: ScanOpts,
    },
    /// Propose which routes go to functions, grouped, and what that costs.
    Plan {
        /// Folder to scan; the bundled sample app when omitted.
        path: Option<PathBuf>,
        #[command(flatten)]
        plan: PlanArgs,
        #[command(flatten)]
        cost: CostArgs,
        #[command(flatten)]
        opts: ScanOpts,
    },
    /// Measure raw tree-sitter parsing and the full scan on the same files.
    Bench {
        /// Folder to measure on; a bundled sample app when omitted.
        path: Option<PathBuf>,
        /// Runs of each measurement; the best is kept (with --lsp: edits).
        #[arg(long, default_value_t = 3)]
        iterations: usize,
        /// Measure `carve lsp` instead: from `didChange` to `publishDiagnostics`
        /// when a blocker is added to a Python handler, then removed.
        #[arg(long)]
        lsp: bool,
        #[command(flatten)]
        opts: ScanOpts,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// List the rules: id, kind, languages, severity, weight.
    List {
        #[arg(long = "rules", value_name = "DIR")]
        rule_dirs: Vec<PathBuf>,
    },
    /// Run rules against their fixtures (the built-in pack, or the rules in DIR).
    Test {
        /// A rule folder (`*.toml` with fixtures beside them); the built-in pack when omitted.
        dir: Option<PathBuf>,
    },
    /// Print a rule's documentation.
    Explain {
        /// A rule id, `kind/name` (see `carve rules list`).
        id: String,
    },
    /// Print the rule reference in Markdown (docs/rules.md).
    Doc,
    /// Print a file's syntax tree, to write queries against.
    Tree {
        /// A source file in a supported language.
        file: PathBuf,
    },
}

#[derive(Args, Clone)]
struct ScanOpts {
    /// Extra rule folder (repeatable); `.carve/rules/` in the scanned repo is read too.
    #[arg(long = "rules", value_name = "DIR")]
    rule_dirs: Vec<PathBuf>,
    /// Glob of paths to leave out (repeatable), as in .gitignore.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Worker threads (default: one per core; at most 4 per core).
    #[arg(long)]
    threads: Option<usize>,
    /// Skip files larger than this many bytes [default: 2097152].
    #[arg(long, value_name = "BYTES")]
    max_file_size: Option<u64>,
    /// Analyse test files too (tests/, *.test.js, test_*.py, src/test/**, *Tests.cs, …).
    #[arg(long)]
    include_tests: bool,
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

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// A pull-request comment or job summary.
    Markdown,
    /// GitLab Code Quality.
    Gitlab,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    Mermaid,
    Dot,
}

fn main() -> ExitCode {
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == carve::isolate::WORKER_ARG)
    {
        // A parser worker of another carve process (see src/isolate.rs).
        return match carve::isolate::serve_worker() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("carve worker: {e}");
                ExitCode::from(2)
            }
        };
    }
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(
            miette::MietteHandlerOpts::new()
                .terminal_links(false)
                .color(color)
                .unicode(color)
                .width(100)
                .build(),
        )
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let scans = matches!(
        cli.command,
        Command::Scan { .. }
            | Command::Explain { .. }
            | Command::Graph { .. }
            | Command::Cost { .. }
            | Command::Plan { .. }
    );
    if scans && std::env::var_os(carve::supervise::JOURNAL_ENV).is_none() {
        if let Some(exe) = worker_exe() {
            // Run as a supervised child: a parser crash costs one file.
            let args: Vec<_> = std::env::args_os().skip(1).collect();
            match carve::supervise::supervise(&exe, &args) {
                Ok(code) => return code,
                Err(e) => {
                    eprintln!("carve: cannot supervise the scan ({e}); scanning unsupervised")
                }
            }
        }
    }
    match run(cli, color) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{err:?}");
            ExitCode::from(2)
        }
    }
}

/// Writes to stdout; a closed pipe (`carve scan | head`) is not an error.
fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e).into_diagnostic(),
        _ => Ok(()),
    }
}

fn run(cli: Cli, color: bool) -> Result<ExitCode> {
    match cli.command {
        Command::Scan {
            path,
            format,
            baseline,
            fail_on,
            link_base,
            opts,
        } => {
            let (config, rules, repo) = prepare(path, &opts)?;
            let mut output = scan::scan(&config, &rules)?;
            let baseline_path = baseline.or_else(|| {
                repo.report
                    .baseline
                    .as_ref()
                    .map(|b| repo_root(&config.root).join(b))
            });
            if let Some(path) = baseline_path {
                let base = Baseline::read(&path)?;
                report::baseline::apply(&mut output.report, &base, &path.display().to_string());
            }
            let report = &output.report;
            let text = match format {
                Format::Text => report::text::render(report, Style { color }),
                Format::Json => report::json::render(report),
                Format::Sarif => report::sarif::render(report, &rules),
                Format::Markdown => report::markdown::render(report, link_base.as_deref()),
                Format::Gitlab => report::gitlab::render(report),
            };
            emit(&text)?;
            match fail_on
                .or(repo.report.fail_on)
                .and_then(|when| report::baseline::crossed(report, when))
            {
                Some(why) => {
                    eprintln!("carve: failing: {why}");
                    Ok(ExitCode::from(1))
                }
                None => Ok(ExitCode::SUCCESS),
            }
        }
        Command::Graph {
            path,
            route,
            format,
            all_functions,
            opts,
        } => {
            let (config, rules, _) = prepare(path, &opts)?;
            let output = scan::scan(&config, &rules)?;
            let selected: Vec<usize> = match &route {
                None => (0..output.report.routes.len()).collect(),
                Some(wanted) => {
                    let found: Vec<&str> = explain::find_routes(&output.report, wanted)
                        .iter()
                        .map(|r| r.id.as_str())
                        .collect();
                    if found.is_empty() {
                        return Err(no_route(&output.report, wanted, &config.root));
                    }
                    (0..output.report.routes.len())
                        .filter(|&i| found.contains(&output.report.routes[i].id.as_str()))
                        .collect()
                }
            };
            let view = carve::graph::View::build(
                &output,
                &rules,
                &selected,
                all_functions || route.is_some(),
            );
            emit(&match format {
                GraphFormat::Mermaid => view.to_mermaid(),
                GraphFormat::Dot => view.to_dot(),
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { route, path, opts } => {
            let (config, rules, _) = prepare(path, &opts)?;
            let output = scan::scan(&config, &rules)?;
            let found = explain::find_routes(&output.report, &route);
            if found.is_empty() {
                return Err(no_route(&output.report, &route, &config.root));
            }
            let root = repo_root(&config.root);
            let mut text = String::new();
            for r in found {
                let mut sources = BTreeMap::new();
                for f in &r.findings {
                    // Read as the scan did (UTF-16 files are decoded too).
                    let text = std::fs::read(root.join(&f.file))
                        .ok()
                        .and_then(|bytes| discover::check_source(bytes).ok());
                    if let Some(text) = text {
                        sources.insert(f.file.clone(), text);
                    }
                }
                text.push_str(&explain::render(r, &sources, color, 100));
                text.push('\n');
            }
            emit(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { command } => run_rules(command),
        Command::Lsp {
            rule_dirs,
            include_tests,
        } => {
            let flags = Flags {
                rule_dirs,
                include_tests,
                worker_exe: worker_exe(),
                ..Flags::default()
            };
            Ok(match carve::lsp::serve_stdio(flags)? {
                carve::lsp::Ending::Clean => ExitCode::SUCCESS,
                carve::lsp::Ending::WithoutShutdown => ExitCode::from(1),
            })
        }
        Command::Bench {
            path,
            iterations,
            lsp: true,
            ..
        } => {
            let root = match path {
                Some(p) => p,
                None => bundled_sample()?,
            };
            emit(&lsp_bench_table(&carve::lsp::bench::measure(
                &root, iterations,
            )?))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Cost { path, cost, opts } => run_cost(path, &cost, &opts, None),
        Command::Plan {
            path,
            plan,
            cost,
            opts,
        } => run_cost(path, &cost, &opts, Some(&plan)),
        Command::Bench {
            path,
            iterations,
            opts,
            ..
        } => {
            let (config, rules, _) = prepare(path, &opts)?;
            let ws = discover::discover(&config)?;
            let sources: Vec<_> = ws
                .files
                .iter()
                .filter_map(|f| Some((f.clone(), discover::load(f, config.max_file_bytes).ok()?)))
                .collect();
            let langs: Vec<_> = sources.iter().map(|(f, _)| f.lang).collect();
            let queries = CompiledQueries::compile_for(&rules, &langs)?;
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(config.threads.unwrap_or(0))
                .build()
                .into_diagnostic()?;
            let threads = pool.current_num_threads();
            let result = pool.install(|| {
                bench::run(
                    &sources,
                    &ws.project(),
                    &rules,
                    &queries,
                    iterations,
                    config.worker_exe.as_deref(),
                )
            });
            let rss = peak_rss_mb();
            emit(&format!(
                "files {}  lines {}  bytes {}  routes {}  findings {}  threads {threads}\n\
                 raw tree-sitter parse  {:>8.1} ms  {:>7.1} MB/s\n\
                 full carve scan        {:>8.1} ms  {:>7.1} MB/s\n\
                   extract {:.1} ms, link {:.1} ms, assess+report {:.1} ms\n\
                 scan / parse throughput  {:.0}%\n\
                 {}\
                 peak RSS {}\n",
                result.files,
                result.lines,
                result.bytes,
                result.routes,
                result.findings,
                result.parse.as_secs_f64() * 1e3,
                result.mb_per_s(result.parse),
                result.scan.as_secs_f64() * 1e3,
                result.mb_per_s(result.scan),
                result.extract.as_secs_f64() * 1e3,
                result.link.as_secs_f64() * 1e3,
                result.assess.as_secs_f64() * 1e3,
                result.ratio() * 100.0,
                [
                    ("supervised scan (journaled)", result.supervised),
                    ("every file in a parser worker", result.isolated),
                ]
                .iter()
                .filter_map(|(name, d)| Some(format!(
                    "{name:<30} {:>8.1} ms  {:.3}× the in-process scan\n",
                    (*d)?.as_secs_f64() * 1e3,
                    result.overhead(*d)?
                )))
                .collect::<String>(),
                rss.map_or("unknown".to_string(), |mb| format!("{mb:.0} MB")),
            ))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The LSP latency figures: median, 90th percentile and worst per edit.
fn lsp_bench_table(b: &carve::lsp::bench::LspBench) -> String {
    let stats = |d: &[std::time::Duration]| {
        let mut ms: Vec<f64> = d.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        ms.sort_by(f64::total_cmp);
        let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
        format!(
            "median {:>7.1} ms  p90 {:>7.1} ms  max {:>7.1} ms",
            at(0.5),
            at(0.9),
            at(1.0)
        )
    };
    format!(
        "files {}  lines {}  edited {}  edits {}\n\
         initialize → all diagnostics  {:>8.1} ms\n\
         didChange → its file's diagnostics  {}\n\
         didChange → all republished         {}\n\
         peak RSS {}\n",
        b.files,
        b.lines,
        b.target,
        b.to_file.len(),
        b.initial.as_secs_f64() * 1e3,
        stats(&b.to_file),
        stats(&b.to_all),
        peak_rss_mb().map_or("unknown".to_string(), |mb| format!("{mb:.0} MB")),
    )
}

/// `carve cost`, or `carve plan` with its options.
fn run_cost(
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

/// Peak resident memory from /proc (Linux), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The error for a route the scan did not find, listing some it did.
fn no_route(report: &report::Report, route: &str, root: &Path) -> miette::Report {
    let known: Vec<_> = report
        .routes
        .iter()
        .map(|r| r.id.as_str())
        .take(20)
        .collect();
    miette!(
        help = format!("routes found: {}", known.join(", ")),
        "no route `{route}` in {}",
        root.display()
    )
}

/// The scan settings, rules and repository config for a command: flags
/// first, then `.carve/config.toml`, then defaults.
fn prepare(path: Option<PathBuf>, opts: &ScanOpts) -> Result<(ScanConfig, RuleSet, Config)> {
    let root = match path {
        Some(p) => p,
        None => bundled_sample()?,
    };
    if let Some(n) = opts.threads.filter(|&n| n > settings::max_threads()) {
        eprintln!(
            "carve: --threads {n} capped at {} ({} per core)",
            settings::max_threads(),
            settings::MAX_THREADS_PER_CORE
        );
    }
    let flags = Flags {
        rule_dirs: opts.rule_dirs.clone(),
        exclude: opts.exclude.clone(),
        threads: opts.threads,
        max_file_size: opts.max_file_size,
        include_tests: opts.include_tests,
        worker_exe: worker_exe(),
    };
    let s = settings::load(root, &flags)?;
    Ok((s.config, s.rules, s.repo))
}

/// Opens a regular file; a FIFO, device or socket is refused before it is
/// opened (reading `/dev/zero` or a FIFO would never end).
fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other(discover::not_regular(
            &meta.file_type(),
        )));
    }
    std::fs::File::open(path)
}

/// This binary, to run parser workers of (crash isolation); None when
/// `CARVE_ISOLATION=off` or the executable cannot be found.
fn worker_exe() -> Option<PathBuf> {
    if std::env::var_os("CARVE_ISOLATION").is_some_and(|v| v == "off") {
        return None;
    }
    std::env::current_exe().ok()
}

/// Writes the embedded sample app to a temporary folder and returns it.
fn bundled_sample() -> Result<PathBuf> {
    let dir = std::env::temp_dir()
        .join(format!("carve-sample-{}", env!("CARGO_PKG_VERSION")))
        .join("express");
    for (rel, text) in embedded::sample_files() {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).into_diagnostic()?;
        }
        std::fs::write(&path, text)
            .into_diagnostic()
            .wrap_err_with(|| format!("writing the bundled sample to {}", path.display()))?;
    }
    eprintln!(
        "No path given: scanning the bundled sample app (Express) in {}",
        dir.display()
    );
    Ok(dir)
}

fn run_rules(command: RulesCommand) -> Result<ExitCode> {
    match command {
        RulesCommand::List { rule_dirs } => {
            let mut rules = RuleSet::builtin()?;
            for dir in &rule_dirs {
                rules.add_dir(dir)?;
            }
            let w = rules.rules.iter().map(|r| r.id.len()).max().unwrap_or(10);
            let mut text = format!(
                "{:<w$}  {:<22}  {:<28}  {:<8}  WEIGHT\n",
                "RULE", "KIND", "LANGUAGES", "SEVERITY"
            );
            for r in &rules.rules {
                text.push_str(&format!(
                    "{:<w$}  {:<22}  {:<28}  {:<8}  {}\n",
                    r.id,
                    r.kind.as_str(),
                    r.languages.join(","),
                    r.severity.as_str(),
                    r.weight
                ));
            }
            emit(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Test { dir } => {
            let (rules, fixture_files) = match dir {
                None => {
                    let files: Vec<(String, String)> = embedded::BUILTIN_RULE_FILES
                        .iter()
                        .map(|(p, t)| (p.to_string(), t.to_string()))
                        .collect();
                    (RuleSet::builtin()?, files)
                }
                Some(dir) => {
                    let mut rules = RuleSet::default();
                    rules.add_dir(&dir)?;
                    (rules, read_fixtures(&dir)?)
                }
            };
            let results = fixtures::test_rules(&rules, &fixture_files);
            let mut text = String::new();
            let mut failed = 0;
            for r in &results {
                if r.mismatches.is_empty() {
                    text.push_str(&format!(
                        "ok    {} ({} fixtures, {} expected hits)\n",
                        r.rule, r.fixtures, r.expectations
                    ));
                } else {
                    failed += 1;
                    text.push_str(&format!("FAIL  {}\n", r.rule));
                    for m in &r.mismatches {
                        text.push_str(&format!("      {}:{}: {}\n", m.file, m.line, m.message));
                    }
                }
            }
            text.push_str(&format!(
                "{} passed, {} failed\n",
                results.len() - failed,
                failed
            ));
            emit(&text)?;
            Ok(if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        RulesCommand::Explain { id } => {
            let rules = RuleSet::builtin()?;
            let rule = rules.get(&id).ok_or_else(|| {
                miette!(
                    help = "`carve rules list` shows every rule",
                    "no rule `{id}`"
                )
            })?;
            emit(&format!(
                "{}  ({}, {}, weight {})\n\n{}\n\nmessage: {}\nhelp: {}\n",
                rule.id,
                rule.kind,
                rule.severity.as_str(),
                rule.weight,
                rule.doc.trim(),
                rule.message,
                rule.help
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Doc => {
            emit(&rules::docs::render_reference(&RuleSet::builtin()?))?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Tree { file } => {
            let lang = Lang::from_path(&file)
                .ok_or_else(|| miette!("{}: not a supported language", file.display()))?;
            let text = std::fs::read_to_string(&file).into_diagnostic()?;
            let mut parser = tree_sitter::Parser::new();
            parser.set_language(&lang.grammar()).into_diagnostic()?;
            let tree = parser
                .parse(&text, None)
                .ok_or_else(|| miette!("could not parse {}", file.display()))?;
            emit(&(tree.root_node().to_sexp() + "\n"))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Every non-TOML file under `dir`, as (path, text), for fixtures.
fn read_fixtures(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).into_diagnostic()?.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e != "toml") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    out.push((path.to_string_lossy().to_string(), text));
                }
            }
        }
    }
    out.sort();
    Ok(out)
}
