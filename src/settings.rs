//! settings: what one command scans and with which rules — flags first, then
//! the repository's `.carve/config.toml`, then defaults. Shared by the CLI
//! and the language server (which reloads it when the config or rules change).

use crate::config::{Config, ConfigError};
use crate::discover::ScanConfig;
use crate::rules::{RuleError, RuleSet};
use std::path::{Path, PathBuf};

/// The scan options a command line (or an editor) can give.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub rule_dirs: Vec<PathBuf>,
    pub exclude: Vec<String>,
    pub threads: Option<usize>,
    pub max_file_size: Option<u64>,
    pub include_tests: bool,
    /// Parse in worker processes of this executable (see `isolate`).
    pub worker_exe: Option<PathBuf>,
    /// Neither read nor write the cache of extracted facts.
    pub no_cache: bool,
    /// Keep the cache here instead of `.carve/cache/` in the repository.
    pub cache_dir: Option<PathBuf>,
    /// Leave out the rules that cannot match (see `prefilter`); on unless
    /// `CARVE_PREFILTER=off`.
    pub no_prefilter: bool,
    /// `--define NAME=VALUE`, in order: each replaces the config's value.
    pub defines: Vec<(String, String)>,
}

/// Scan settings, rules and the repository config they came from.
pub struct Settings {
    pub config: ScanConfig,
    pub rules: RuleSet,
    pub repo: Config,
    /// User rules left out because their query crashes tree-sitter's
    /// query compiler (`rules::vet`), one error each to show as a warning.
    pub refused: Vec<RuleError>,
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum SettingsError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rules(#[from] RuleError),
}

/// Worker threads beyond this many per core only cost memory and start-up.
pub const MAX_THREADS_PER_CORE: usize = 4;

/// The most worker threads a scan starts: `MAX_THREADS_PER_CORE` per core.
pub fn max_threads() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.saturating_mul(MAX_THREADS_PER_CORE)
}

/// A requested thread count, capped at `max_threads()`.
pub fn cap_threads(requested: usize) -> usize {
    requested.min(max_threads())
}

/// The folder whose `.carve/` applies: the scanned folder, or a scanned
/// file's folder.
pub fn repo_root(root: &Path) -> PathBuf {
    if root.is_file() {
        root.parent().map(Path::to_path_buf).unwrap_or_default()
    } else {
        root.to_path_buf()
    }
}

/// Rules: the built-in pack, the repo's `.carve/rules/`, the config's rule
/// folders, then `flags.rule_dirs`; then the config's disables and severities.
pub fn load(root: PathBuf, flags: &Flags) -> Result<Settings, SettingsError> {
    let repo_dir = repo_root(&root);
    let repo = Config::load(&repo_dir)?;
    let mut rules = RuleSet::builtin()?;
    let repo_rules = repo_dir.join(".carve").join("rules");
    if repo_rules.is_dir() {
        rules.add_dir(&repo_rules)?;
    }
    let rule_dirs: Vec<PathBuf> = repo
        .scan
        .rules
        .iter()
        .map(|d| repo_dir.join(d))
        .chain(flags.rule_dirs.iter().cloned())
        .collect();
    for dir in &rule_dirs {
        rules.add_dir(dir)?;
    }
    repo.apply_to_rules(&mut rules)?;
    // Without a worker executable (`CARVE_ISOLATION=off`) nothing is vetted.
    let refused = match &flags.worker_exe {
        Some(exe) => crate::rules::vet::vet(exe, &mut rules)?,
        None => Vec::new(),
    };
    let mut config = ScanConfig::new(root);
    config.exclude = repo.exclude().chain(&flags.exclude).cloned().collect();
    config.rule_dirs = rule_dirs;
    config.threads = flags.threads.map(cap_threads);
    config.worker_exe = flags.worker_exe.clone();
    config.prefilter = !flags.no_prefilter;
    config.max_file_bytes = flags
        .max_file_size
        .or(repo.scan.max_file_size)
        .unwrap_or(ScanConfig::DEFAULT_MAX_FILE_BYTES);
    config.include_tests = flags.include_tests || repo.scan.include_tests.unwrap_or(false);
    config.cache_dir = cache_dir(&repo_dir, &repo, flags);
    config.defines = repo.defines();
    for (name, value) in &flags.defines {
        config
            .defines
            .insert(name.clone(), value.clone(), "--define".into());
    }
    Ok(Settings {
        config,
        rules,
        repo,
        refused,
    })
}

/// Where a repository's cache is kept unless told otherwise.
pub const DEFAULT_CACHE_DIR: &str = ".carve/cache";

/// The cache folder: `--cache-dir`, else the config's `cache_dir`
/// (relative to the repository), else `.carve/cache/`; None with
/// `--no-cache` or the config's `cache = false`.
fn cache_dir(repo_dir: &Path, repo: &Config, flags: &Flags) -> Option<PathBuf> {
    if flags.no_cache {
        return None;
    }
    if let Some(dir) = &flags.cache_dir {
        return Some(dir.clone());
    }
    if repo.scan.cache == Some(false) {
        return None;
    }
    let dir = repo
        .scan
        .cache_dir
        .as_deref()
        .unwrap_or(Path::new(DEFAULT_CACHE_DIR));
    Some(repo_dir.join(dir))
}
