//! `carve plan --emit`: the plan as infrastructure code, one module per
//! format ([`sam`], [`terraform`], [`cloudrun`]). Rendering is pure (files as
//! data, deterministic, each value commented with its reason); [`write`]
//! puts them in a folder and never replaces a file without `--force`.

pub mod cloudrun;
pub mod gateway;
pub mod sam;
pub mod terraform;

use super::plan::{PlanReport, PlannedFunction};
use miette::Diagnostic;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmitFormat {
    Sam,
    Terraform,
    CloudRun,
}

impl EmitFormat {
    pub const NAMES: &'static str = "sam, terraform, cloudrun";

    pub fn parse(name: &str) -> Option<EmitFormat> {
        match name.to_ascii_lowercase().as_str() {
            "sam" => Some(EmitFormat::Sam),
            "terraform" | "tf" => Some(EmitFormat::Terraform),
            "cloudrun" | "cloud-run" => Some(EmitFormat::CloudRun),
            _ => None,
        }
    }
}

/// What the files need besides the plan.
#[derive(Debug, Clone)]
pub struct EmitContext {
    /// The app's folder, relative to the output folder, `/`-separated.
    pub code_dir: String,
    /// A name for the stack, API and services: the app folder's name.
    pub app_name: String,
}

/// One file to write, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmittedFile {
    pub path: String,
    pub text: String,
}

pub fn render(format: EmitFormat, plan: &PlanReport, ctx: &EmitContext) -> Vec<EmittedFile> {
    match format {
        EmitFormat::Sam => sam::render(plan, ctx),
        EmitFormat::Terraform => terraform::render(plan, ctx),
        EmitFormat::CloudRun => cloudrun::render(plan, ctx),
    }
}

#[derive(Debug, Error, Diagnostic)]
pub enum EmitError {
    #[error("`{0}` is not an emit format")]
    #[diagnostic(
        code(carve::emit::format),
        help("--emit FORMAT DIR, FORMAT one of {}", EmitFormat::NAMES)
    )]
    Format(String),
    #[error("{} exists: carve plan --emit does not overwrite it", .0.display())]
    #[diagnostic(
        code(carve::emit::exists),
        help("move it away, choose another folder, or pass --force to replace it")
    )]
    Exists(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    #[diagnostic(code(carve::emit::write))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// `--emit FORMAT DIR` as given (none, or the two values).
pub fn parse_args(values: &[String]) -> Result<Option<(EmitFormat, PathBuf)>, EmitError> {
    match values {
        [format, dir] => EmitFormat::parse(format)
            .map(|f| Some((f, PathBuf::from(dir))))
            .ok_or_else(|| EmitError::Format(format.clone())),
        _ => Ok(None),
    }
}

/// An absolute path without `..`, as far as it exists (then as written).
fn absolute(path: &Path) -> PathBuf {
    let mut missing = Vec::new();
    let mut existing = path.to_path_buf();
    loop {
        if let Ok(found) = existing.canonicalize() {
            return missing.iter().rev().fold(found, |p, part| p.join(part));
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                missing.push(name.to_os_string());
                existing = if parent.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    parent.to_path_buf()
                };
            }
            _ => return path.to_path_buf(),
        }
    }
}

/// `to` relative to the folder `from`, `/`-separated.
pub fn relative(from: &Path, to: &Path) -> String {
    let (from, to) = (absolute(from), absolute(to));
    let (a, b): (Vec<_>, Vec<_>) = (from.components().collect(), to.components().collect());
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); a.len() - common];
    parts.extend(
        b[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().to_string()),
    );
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// Renders the plan as `format` for the app at `root` and writes it into
/// `dir`: the paths written.
pub fn emit(
    format: EmitFormat,
    plan: &PlanReport,
    root: &Path,
    dir: &Path,
    force: bool,
) -> Result<Vec<PathBuf>, EmitError> {
    let app_name = absolute(root)
        .file_name()
        .map_or("app".to_string(), |n| n.to_string_lossy().to_string());
    let ctx = EmitContext {
        code_dir: relative(dir, root),
        app_name,
    };
    write(dir, &render(format, plan, &ctx), force)
}

/// Writes `files` under `dir` (made if missing). Without `force`, nothing is
/// written when any of them exists. Returns the paths written.
pub fn write(dir: &Path, files: &[EmittedFile], force: bool) -> Result<Vec<PathBuf>, EmitError> {
    let paths: Vec<PathBuf> = files.iter().map(|f| dir.join(&f.path)).collect();
    if !force {
        if let Some(existing) = paths.iter().find(|p| p.symlink_metadata().is_ok()) {
            return Err(EmitError::Exists(existing.clone()));
        }
    }
    for (file, path) in files.iter().zip(&paths) {
        let io = |source| EmitError::Write {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(path, &file.text).map_err(io)?;
    }
    Ok(paths)
}

/// A reason as comment lines of at most ~100 columns, each starting with
/// `indent` and `prefix` (`# `).
pub fn comment(indent: &str, prefix: &str, text: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + word.len() > 96 {
            out.push_str(&format!("{indent}{prefix}{line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&format!("{indent}{prefix}{line}\n"));
    }
    out
}

/// One sentence on a function: its routes, traffic, cold starts and price.
pub fn summary(f: &PlannedFunction) -> String {
    format!(
        "function {} ({} routes): {} requests a month, {:.1}% of them cold without warm instances, ${:.2} a month.",
        f.name,
        f.routes.len(),
        f.traffic.requests_per_month.round(),
        f.traffic.lambda_cold_start_share * 100.0,
        f.price.total_usd
    )
}

/// `base`, or `base` + `sep` + 2, 3, … when `taken` has it; then taken.
pub fn unique(taken: &mut Vec<String>, base: String, sep: &str) -> String {
    let mut name = base.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{base}{sep}{n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// The header every format starts with: what the plan is built from.
pub fn header(plan: &PlanReport, prefix: &str, what: &str) -> String {
    let log = &plan.log;
    let text = format!(
        "Generated by `carve plan --emit {what}` (schema {}): {} function(s), {} route(s) staying in the container. \
         Every value below is derived from {} requests logged from {} to {} ({:.1} h, × {:.2} to a month), \
         and the comment above it says how. Regenerate rather than edit: rerun with --force.",
        plan.schema_version,
        plan.functions.len(),
        plan.container.routes.len(),
        log.matched,
        log.first.as_deref().unwrap_or("-"),
        log.last.as_deref().unwrap_or("-"),
        log.span_hours,
        log.month_factor,
    );
    comment("", prefix, &text)
}

/// The header of a Lambda format: then how to deploy, and the plan-wide
/// checks of reservations and connections.
pub fn lambda_header(plan: &PlanReport, what: &str, deploy: &str) -> String {
    let mut out = header(plan, "# ", what);
    for text in [
        deploy,
        &plan.checks.account.message,
        &plan.checks.database.message,
    ] {
        out.push_str(&comment("", "# ", text));
    }
    out
}

/// The routes that stay in the container, as comment lines.
pub fn container_comment(plan: &PlanReport, indent: &str, prefix: &str) -> String {
    if plan.container.routes.is_empty() {
        return comment(indent, prefix, "No route stays in a container.");
    }
    let c = &plan.container;
    let mut out = comment(
        indent,
        prefix,
        &format!(
            "Staying in the container ({} route(s), peak {} concurrent, {} Fargate task(s) of the plan's price table): \
             keep serving them from the current deployment, and send the API's other paths there.",
            c.routes.len(),
            c.peak_concurrency,
            c.fargate_tasks
        ),
    );
    for h in &c.held_back {
        out.push_str(&comment(
            indent,
            prefix,
            &format!("- {} — {}", h.route, h.reason),
        ));
    }
    out
}
