//! The `carve` command line: parses arguments and dispatches to one module
//! per command under `commands/`.

mod commands;

use clap::{Parser, Subcommand};
use commands::{bench, cost, explain, graph, lsp, rules, scan};
use std::io::IsTerminal;
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
    Scan(scan::ScanArgs),
    /// Every finding on one route, with source, remedy and call chain.
    Explain(explain::ExplainArgs),
    /// The call graph behind the verdicts, with finding nodes marked.
    Graph(graph::GraphArgs),
    /// List, test and document rules.
    Rules {
        #[command(subcommand)]
        command: rules::RulesCommand,
    },
    /// Language server over stdio: diagnostics, hover, code lens and quick
    /// fixes in any LSP editor (see docs/editors.md).
    Lsp(lsp::LspArgs),
    /// Price each route on Lambda, Azure Functions, Cloud Run and Fargate from access logs.
    Cost(cost::CostCommand),
    /// Propose which routes go to functions, grouped, and what that costs.
    Plan(cost::PlanCommand),
    /// Measure raw tree-sitter parsing and the full scan on the same files.
    Bench(bench::BenchArgs),
}

fn main() -> ExitCode {
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == carve::rules::vet::WORKER_ARG)
    {
        // A query worker vetting user rules (see src/rules/vet.rs).
        return match carve::rules::vet::serve_worker() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("carve query worker: {e}");
                ExitCode::from(2)
            }
        };
    }
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
        if let Some(exe) = commands::worker_exe() {
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

fn run(cli: Cli, color: bool) -> miette::Result<ExitCode> {
    match cli.command {
        Command::Scan(args) => scan::run(args, color),
        Command::Explain(args) => explain::run(args, color),
        Command::Graph(args) => graph::run(args),
        Command::Rules { command } => rules::run(command),
        Command::Lsp(args) => lsp::run(args),
        Command::Cost(args) => cost::run_cost(args),
        Command::Plan(args) => cost::run_plan(args),
        Command::Bench(args) => bench::run(args),
    }
}
