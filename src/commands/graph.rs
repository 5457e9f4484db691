//! `carve graph`: the call graph behind the verdicts, as Mermaid or DOT.

use super::{emit, no_route, prepare, ScanOpts};
use carve::report::explain;
use carve::scan;
use clap::{Args, ValueEnum};
use miette::Result;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct GraphArgs {
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
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    Mermaid,
    Dot,
}

pub fn run(args: GraphArgs) -> Result<ExitCode> {
    let (config, rules, _) = prepare(args.path, &args.opts)?;
    let output = scan::scan(&config, &rules)?;
    let routes = &output.report.routes;
    let selected: Vec<usize> = match &args.route {
        None => (0..routes.len()).collect(),
        Some(wanted) => {
            let found: Vec<&str> = explain::find_routes(&output.report, wanted)
                .iter()
                .map(|r| r.id.as_str())
                .collect();
            if found.is_empty() {
                return Err(no_route(&output.report, wanted, &config.root));
            }
            (0..routes.len())
                .filter(|&i| found.contains(&routes[i].id.as_str()))
                .collect()
        }
    };
    let view = carve::graph::View::build(
        &output,
        &rules,
        &selected,
        args.all_functions || args.route.is_some(),
    );
    emit(&match args.format {
        GraphFormat::Mermaid => view.to_mermaid(),
        GraphFormat::Dot => view.to_dot(),
    })?;
    Ok(ExitCode::SUCCESS)
}
