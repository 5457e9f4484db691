//! One module per command (`carve scan`, `explain`, `graph`, `rules`,
//! `lsp`, `cost`/`plan`, `bench`), each taking its parsed arguments; this
//! file holds what several commands share: the scan options, preparing a
//! scan, writing output.

pub mod bench;
pub mod cost;
pub mod explain;
pub mod graph;
pub mod lsp;
pub mod rules;
pub mod scan;

use carve::config::Config;
use carve::discover::{self, ScanConfig};
use carve::embedded;
use carve::report;
use carve::rules::RuleSet;
use carve::settings::{self, Flags};
use clap::Args;
use miette::{miette, IntoDiagnostic, Result, WrapErr};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Args, Clone)]
pub struct ScanOpts {
    /// Extra rule folder (repeatable); `.carve/rules/` in the scanned repo is read too.
    #[arg(long = "rules", value_name = "DIR")]
    pub rule_dirs: Vec<PathBuf>,
    /// Glob of paths to leave out (repeatable), as in .gitignore.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Worker threads (default: one per core; at most 4 per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Skip files larger than this many bytes [default: 2097152].
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
    /// Analyse test files too (tests/, *.test.js, test_*.py, src/test/**, *Tests.cs, …).
    #[arg(long)]
    pub include_tests: bool,
    /// Give a name carve cannot resolve a value (repeatable): a route prefix
    /// written as `{NAME}` in the report, or the environment variable that
    /// sets it. Also `[define]` in `.carve/config.toml`.
    #[arg(long = "define", value_name = "NAME=VALUE", value_parser = carve::defines::parse_flag)]
    pub defines: Vec<(String, String)>,
    #[command(flatten)]
    pub cache: CacheOpts,
}

/// The cache of each file's facts, as `scan` and `lsp` take it.
#[derive(Args, Clone)]
pub struct CacheOpts {
    /// Neither read nor write the cache of each file's facts (`.carve/cache/`).
    #[arg(long)]
    pub no_cache: bool,
    /// Keep the cache in DIR instead of `.carve/cache/` in the scanned folder
    /// or workspace (also `CARVE_CACHE_DIR`).
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    pub cache_dir: Option<PathBuf>,
}

impl CacheOpts {
    /// `--cache-dir`, else `CARVE_CACHE_DIR`.
    pub fn dir(&self) -> Option<PathBuf> {
        self.cache_dir
            .clone()
            .or_else(|| std::env::var_os(CACHE_DIR_ENV).map(PathBuf::from))
    }
}

/// Where to keep the cache when `--cache-dir` is not given.
const CACHE_DIR_ENV: &str = "CARVE_CACHE_DIR";

/// Writes to stdout; a closed pipe (`carve scan | head`) is not an error.
pub fn emit(text: &str) -> Result<()> {
    emit_with(|out| out.write_all(text.as_bytes()))
}

/// Streams to stdout through a buffer what `write` writes; a closed pipe is
/// not an error.
pub fn emit_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e).into_diagnostic(),
        _ => Ok(()),
    }
}

/// Peak resident memory from /proc (Linux), in MB.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The error for a route the scan did not find, listing some it did.
pub fn no_route(report: &report::Report, route: &str, root: &Path) -> miette::Report {
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
pub fn prepare(path: Option<PathBuf>, opts: &ScanOpts) -> Result<(ScanConfig, RuleSet, Config)> {
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
        no_cache: opts.cache.no_cache,
        cache_dir: opts.cache.dir(),
        no_prefilter: std::env::var_os("CARVE_PREFILTER").is_some_and(|v| v == "off"),
        defines: opts.defines.clone(),
    };
    let s = settings::load(root, &flags)?;
    for refused in s.refused {
        eprintln!("{:?}", miette::Report::new(refused));
    }
    Ok((s.config, s.rules, s.repo))
}

/// Opens a regular file; a FIFO, device or socket is refused before it is
/// opened (reading `/dev/zero` or a FIFO would never end).
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
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
pub fn worker_exe() -> Option<PathBuf> {
    if std::env::var_os("CARVE_ISOLATION").is_some_and(|v| v == "off") {
        return None;
    }
    std::env::current_exe().ok()
}

/// Writes the embedded sample app to a temporary folder and returns it. The
/// folder is named after the files' contents, so that another build's copy
/// (with files this one does not have) is never scanned in its place.
pub fn bundled_sample() -> Result<PathBuf> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    embedded::sample_files().for_each(|file| file.hash(&mut hasher));
    let dir = std::env::temp_dir()
        .join(format!(
            "carve-sample-{}-{:016x}",
            env!("CARGO_PKG_VERSION"),
            hasher.finish()
        ))
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
