//! `carve explain`: every finding on one route, with its source lines,
//! remedy and call chain.

use super::{emit, no_route, prepare, ScanOpts};
use carve::discover;
use carve::report::explain;
use carve::scan;
use carve::settings::repo_root;
use clap::Args;
use miette::Result;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ExplainArgs {
    /// The route: `"GET /users/<int:id>"`, or just the path for all methods.
    route: String,
    /// Folder or file to scan; a bundled sample app when omitted.
    path: Option<PathBuf>,
    #[command(flatten)]
    opts: ScanOpts,
}

pub fn run(args: ExplainArgs, color: bool) -> Result<ExitCode> {
    let (config, rules, _) = prepare(args.path, &args.opts)?;
    let output = scan::scan(&config, &rules)?;
    let found = explain::find_routes(&output.report, &args.route);
    if found.is_empty() {
        return Err(no_route(&output.report, &args.route, &config.root));
    }
    let root = repo_root(&config.root);
    let mut text = String::new();
    for r in found {
        let mut sources = BTreeMap::new();
        for f in &r.findings {
            // Read as the scan did (UTF-16 files are decoded too).
            let text = std::fs::read(root.join(&f.at.file))
                .ok()
                .and_then(|bytes| discover::check_source(bytes).ok());
            if let Some(text) = text {
                sources.insert(f.at.file.clone(), text);
            }
        }
        text.push_str(&explain::render(r, &sources, color, 100));
        text.push('\n');
    }
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
