//! `carve scan`: routes with verdict, score and reasons, in the chosen
//! format, against an optional baseline, with an optional failing line.

use super::{emit, emit_with, prepare, ScanOpts};
use carve::config::FailOn;
use carve::report::{self, baseline::Baseline, text::Style};
use carve::scan;
use carve::settings::repo_root;
use clap::{Args, ValueEnum};
use miette::Result;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ScanArgs {
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

pub fn run(args: ScanArgs, color: bool) -> Result<ExitCode> {
    let (config, rules, repo) = prepare(args.path, &args.opts)?;
    let mut output = scan::scan(&config, &rules)?;
    let baseline_path = args.baseline.or_else(|| {
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
    match args.format {
        Format::Text => emit(&report::text::render(report, Style { color })),
        Format::Json => emit_with(|out| report::json::write(report, out)),
        Format::Sarif => emit(&report::sarif::render(report, &rules)),
        Format::Markdown => emit(&report::markdown::render(report, args.link_base.as_deref())),
        Format::Gitlab => emit(&report::gitlab::render(report)),
    }?;
    match args
        .fail_on
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
