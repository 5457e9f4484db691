//! `carve bench`: measures, in one run on the same files held in memory,
//! raw tree-sitter parsing and the full analysis (parse + queries + link +
//! assess + report), and reports both throughputs and their ratio; and the
//! whole scan with the cache of facts: cold, warm, one file changed.

use crate::assess;
use crate::discover::{ScanConfig, SourceFile};
use crate::extract::{self, queries::CompiledQueries};
use crate::isolate::Isolation;
use crate::link;
use crate::report::{self, snippets::Sources, Stats};
use crate::rules::RuleSet;
use crate::supervise::Recovery;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::fs::File;
use std::path::Path;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct BenchResult {
    pub files: usize,
    pub bytes: usize,
    pub lines: usize,
    pub routes: usize,
    pub findings: usize,
    pub parse: Duration,
    pub scan: Duration,
    /// Phases of the best scan: extract (parse + queries), link, assess + report.
    pub extract: Duration,
    pub link: Duration,
    pub assess: Duration,
    /// The same scan with files read and extracted in parser worker
    /// processes (crash isolation), workers started within the measurement.
    pub isolated: Option<Duration>,
    /// The scan as a supervised child runs it (in process, each file
    /// journaled for crash recovery): what `carve scan` pays.
    pub supervised: Option<Duration>,
}

impl BenchResult {
    pub fn mb_per_s(&self, d: Duration) -> f64 {
        self.bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9)
    }

    /// A variant's time over the in-process scan's.
    pub fn overhead(&self, variant: Option<Duration>) -> Option<f64> {
        Some(variant?.as_secs_f64() / self.scan.as_secs_f64().max(1e-9))
    }

    /// Full scan throughput as a share of raw parse throughput.
    pub fn ratio(&self) -> f64 {
        self.parse.as_secs_f64() / self.scan.as_secs_f64().max(1e-9)
    }
}

/// Best of `iterations` for each measurement, on sources already read.
pub fn run(
    sources: &[(SourceFile, String)],
    project: &crate::discover::Project,
    rules: &RuleSet,
    queries: &CompiledQueries,
    iterations: usize,
    worker_exe: Option<&Path>,
) -> BenchResult {
    let mut parse = Duration::MAX;
    let mut scan = Duration::MAX;
    let mut routes = 0;
    let mut findings = 0;
    let mut phases = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut isolated = None;
    let mut supervised = None;
    let journal = worker_exe
        .map(|_| std::env::temp_dir().join(format!("carve-bench-journal-{}", std::process::id())));
    let texts: FxHashMap<&str, &str> = sources
        .iter()
        .map(|(file, text)| (file.rel.as_str(), text.as_str()))
        .collect();
    let by_path = |path: &str| texts.get(path).map(|text| Cow::Borrowed(*text));
    for _ in 0..iterations.max(1) {
        let started = Instant::now();
        let parsed: usize = sources
            .par_iter()
            .map_init(tree_sitter::Parser::new, |parser, (file, text)| {
                let ok = parser.set_language(&file.lang.grammar()).is_ok();
                usize::from(ok && parser.parse(text, None).is_some())
            })
            .sum();
        parse = parse.min(started.elapsed());
        debug_assert_eq!(parsed, sources.len());

        let started = Instant::now();
        let facts: Vec<_> = sources
            .par_iter()
            .map_init(tree_sitter::Parser::new, |parser, (file, text)| {
                let lang_queries = queries.for_lang(file.lang)?;
                extract::extract_file(parser, &file.rel, file.lang, text, lang_queries, rules).ok()
            })
            .flatten()
            .collect();
        let extracted = started.elapsed();
        let mut program = link::link_program(facts, rules, project.clone());
        report::snippets::fill(&mut program, &by_path);
        let linked = started.elapsed();
        let assessed = assess::assess_program(&program, rules);
        let report = report::build_report(&program, &assessed, rules, Vec::new(), Stats::default());
        let total = started.elapsed();
        if total < scan {
            scan = total;
            phases = (extracted, linked - extracted, total - linked);
        }
        routes = report.routes.len();
        findings = report.findings.len();

        if let Some(journal) = journal.as_ref().and_then(|p| File::create(p).ok()) {
            // As a supervised scan's child does: read from disk, journal each file.
            let started = Instant::now();
            let recovery = Recovery::with_journal(journal);
            let facts: Vec<_> = sources
                .par_iter()
                .map_init(tree_sitter::Parser::new, |parser, (file, _)| {
                    recovery
                        .extract(parser, file, u64::MAX, queries, rules)
                        .ok()
                })
                .flatten()
                .collect();
            let report = link_to_report(facts, rules, project, &by_path);
            let total = started.elapsed();
            supervised = Some(supervised.map_or(total, |best: Duration| best.min(total)));
            debug_assert_eq!(report.routes.len(), routes);
        }
        if let Some(exe) = worker_exe {
            // Every file in a worker process, workers started within the measurement.
            let started = Instant::now();
            let langs: Vec<_> = sources.iter().map(|(f, _)| f.lang).collect();
            let isolation = Isolation::new(exe, rules, &langs);
            let facts: Vec<_> = sources
                .par_iter()
                .filter_map(|(file, _)| isolation.extract_path(file, u64::MAX).ok())
                .collect();
            let report = link_to_report(facts, rules, project, &by_path);
            let total = started.elapsed();
            isolated = Some(isolated.map_or(total, |best: Duration| best.min(total)));
            debug_assert_eq!(report.routes.len(), routes);
        }
        if let Some(p) = journal.as_ref() {
            let _ = std::fs::remove_file(p);
        }
    }
    BenchResult {
        files: sources.len(),
        bytes: sources.iter().map(|(_, t)| t.len()).sum(),
        lines: sources.iter().map(|(_, t)| t.lines().count()).sum(),
        routes,
        findings,
        parse,
        scan,
        extract: phases.0,
        link: phases.1,
        assess: phases.2,
        isolated,
        supervised,
    }
}

/// Link → assess → report on extracted facts, as the scan does after extraction.
fn link_to_report(
    facts: Vec<extract::facts::FileFacts>,
    rules: &RuleSet,
    project: &crate::discover::Project,
    sources: &Sources,
) -> report::Report {
    let mut program = link::link_program(facts, rules, project.clone());
    report::snippets::fill(&mut program, sources);
    let assessed = assess::assess_program(&program, rules);
    report::build_report(&program, &assessed, rules, Vec::new(), Stats::default())
}

/// Whole scans (discover to report, in process) with the cache of facts.
#[derive(Debug, Clone)]
pub struct CacheBench {
    /// Without a cache, as `--no-cache` runs.
    pub uncached: Duration,
    /// An empty cache: every file extracted and written.
    pub cold: Duration,
    /// Nothing changed: every file read from the cache.
    pub warm: Duration,
    /// One file's entry gone, as when that file changed: it alone is
    /// re-read, re-parsed (its language's queries compiled) and rewritten.
    pub one_changed: Duration,
    /// Entries and their total size on disk after the warm scan.
    pub entries: usize,
    pub bytes: u64,
}

impl CacheBench {
    /// How many times faster a warm scan is than a cold one.
    pub fn warm_speedup(&self) -> f64 {
        self.cold.as_secs_f64() / self.warm.as_secs_f64().max(1e-9)
    }
}

/// Best of `iterations` of each scan with the cache in `dir` (emptied
/// first, removed at the end). `config`'s own cache folder is not used.
pub fn cache(
    config: &ScanConfig,
    rules: &RuleSet,
    dir: &Path,
    iterations: usize,
) -> Result<CacheBench, crate::scan::ScanError> {
    let mut uncached_config = config.clone();
    uncached_config.cache_dir = None;
    let mut cached_config = config.clone();
    cached_config.cache_dir = Some(dir.to_path_buf());
    let time = |config: &ScanConfig| -> Result<Duration, crate::scan::ScanError> {
        let started = Instant::now();
        crate::scan::scan(config, rules)?;
        Ok(started.elapsed())
    };
    let mut best = CacheBench {
        uncached: Duration::MAX,
        cold: Duration::MAX,
        warm: Duration::MAX,
        one_changed: Duration::MAX,
        entries: 0,
        bytes: 0,
    };
    for _ in 0..iterations.max(1) {
        best.uncached = best.uncached.min(time(&uncached_config)?);
        let _ = std::fs::remove_dir_all(dir);
        best.cold = best.cold.min(time(&cached_config)?);
        best.warm = best.warm.min(time(&cached_config)?);
        if let Some(entry) = entries(dir).into_iter().next() {
            let _ = std::fs::remove_file(entry);
        }
        best.one_changed = best.one_changed.min(time(&cached_config)?);
    }
    let entries = entries(dir);
    best.entries = entries.len();
    best.bytes = entries
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let _ = std::fs::remove_dir_all(dir);
    Ok(best)
}

/// The cache entries in `dir`, sorted.
fn entries(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}
