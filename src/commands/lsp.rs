//! `carve lsp`: the language server over stdio.

use super::{worker_exe, CacheOpts};
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
    #[command(flatten)]
    cache: CacheOpts,
}

pub fn run(args: LspArgs) -> Result<ExitCode> {
    let flags = Flags {
        rule_dirs: args.rule_dirs,
        include_tests: args.include_tests,
        worker_exe: worker_exe(),
        no_cache: args.cache.no_cache,
        cache_dir: args.cache.dir(),
        ..Flags::default()
    };
    Ok(match carve::lsp::serve_stdio(flags)? {
        carve::lsp::Ending::Clean => ExitCode::SUCCESS,
        carve::lsp::Ending::WithoutShutdown => ExitCode::from(1),
    })
}
