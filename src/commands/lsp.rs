//! `carve lsp`: the language server over stdio.

use super::{worker_exe, CACHE_DIR_ENV};
use carve::settings::Flags;
use clap::Args;
use miette::Result;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct LspArgs {
    /// Extra rule folder (repeatable); `.carve/rules/` in the workspace is read too.
    #[arg(long = "rules", value_name = "DIR")]
    rule_dirs: Vec<PathBuf>,
    /// Analyse test files too.
    #[arg(long)]
    include_tests: bool,
    /// Neither read nor write the cache of each file's facts (`.carve/cache/`).
    #[arg(long)]
    no_cache: bool,
    /// Keep the cache in DIR instead of `.carve/cache/` in the workspace
    /// (also `CARVE_CACHE_DIR`).
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    cache_dir: Option<PathBuf>,
}

pub fn run(args: LspArgs) -> Result<ExitCode> {
    let flags = Flags {
        rule_dirs: args.rule_dirs,
        include_tests: args.include_tests,
        worker_exe: worker_exe(),
        no_cache: args.no_cache,
        cache_dir: args
            .cache_dir
            .or_else(|| std::env::var_os(CACHE_DIR_ENV).map(PathBuf::from)),
        ..Flags::default()
    };
    Ok(match carve::lsp::serve_stdio(flags)? {
        carve::lsp::Ending::Clean => ExitCode::SUCCESS,
        carve::lsp::Ending::WithoutShutdown => ExitCode::from(1),
    })
}
