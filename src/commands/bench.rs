//! `carve bench`: raw tree-sitter parsing against the full scan on the
//! same files, in one run; with `--cache`, whole scans with the cache of
//! facts (cold, warm, one file changed); with `--lsp`, the language
//! server's latency.

use super::{bundled_sample, emit, peak_rss_mb, prepare, ScanOpts};
use carve::discover;
use carve::extract::queries::CompiledQueries;
use clap::Args;
use miette::{IntoDiagnostic, Result};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct BenchArgs {
    /// Folder to measure on; a bundled sample app when omitted.
    path: Option<PathBuf>,
    /// Runs of each measurement; the best is kept (with --lsp: edits).
    #[arg(long, default_value_t = 3)]
    iterations: usize,
    /// Measure `carve lsp` instead: from `didChange` to `publishDiagnostics`
    /// when a blocker is added to a Python handler, then removed.
    #[arg(long)]
    lsp: bool,
    /// Measure whole scans with the cache instead: without it, cold, warm
    /// and with one file's entry dropped (a cache in a temporary folder).
    #[arg(long, conflicts_with = "lsp")]
    cache: bool,
    /// Measure the parts of each language's query instead (one thread):
    /// compile time and one cursor walk of each structural file and of the
    /// rules, beside the parse.
    #[arg(long, conflicts_with_all = ["lsp", "cache"])]
    queries: bool,
    /// Measure the native matcher instead (one thread): per language, the
    /// cursor's walk of the patterns it supports against its own walk of
    /// them, beside the parse, and the matches that differ.
    #[arg(long, conflicts_with_all = ["lsp", "cache", "queries"])]
    native: bool,
    #[command(flatten)]
    opts: ScanOpts,
}

pub fn run(args: BenchArgs) -> Result<ExitCode> {
    if args.lsp {
        let root = match args.path {
            Some(p) => p,
            None => bundled_sample()?,
        };
        emit(&lsp_table(&carve::lsp::bench::measure(
            &root,
            args.iterations,
        )?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let (config, rules, _) = prepare(args.path, &args.opts)?;
    if args.cache {
        let dir = std::env::temp_dir().join(format!("carve-bench-cache-{}", std::process::id()));
        let result = carve::bench::cache(&config, &rules, &dir, args.iterations)?;
        emit(&cache_table(&result))?;
        return Ok(ExitCode::SUCCESS);
    }
    let ws = discover::discover(&config)?;
    let sources: Vec<_> = ws
        .files
        .iter()
        .filter_map(|f| Some((f.clone(), discover::load(f, config.max_file_bytes).ok()?)))
        .collect();
    let langs: Vec<_> = sources.iter().map(|(f, _)| f.lang).collect();
    // As `carve scan` does: only the rules whose literals occur somewhere.
    let started = std::time::Instant::now();
    let filter = carve::prefilter::Prefilter::new(&rules);
    let found = filter.found_in(sources.iter().map(|(f, t)| (f.lang, t.as_str())));
    let active = match config.prefilter {
        true => filter.active(&rules, &found),
        false => vec![true; rules.rules.len()],
    };
    let prefilter = started.elapsed();
    let keep = |lang, sets: &[Vec<String>]| !config.prefilter || filter.keeps(&found, lang, sets);
    if args.native {
        let texts: Vec<_> = sources.iter().map(|(f, t)| (f.lang, t.as_str())).collect();
        let costs =
            carve::extract::matcher::cost::measure(&texts, &rules, &active, &keep, args.iterations);
        emit(&carve::extract::matcher::cost::table(&costs))?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.queries {
        let texts: Vec<_> = sources.iter().map(|(f, t)| (f.lang, t.as_str())).collect();
        let rare = |lang, one_in| match config.prefilter {
            true => filter.rare_one_in(&found, lang, one_in),
            false => Vec::new(),
        };
        let costs =
            carve::query_cost::measure(&texts, &rules, &active, &keep, &rare, args.iterations);
        emit(&carve::query_cost::table(&costs))?;
        return Ok(ExitCode::SUCCESS);
    }
    let started = std::time::Instant::now();
    let rare = |lang| match config.prefilter {
        true => filter.rare(&found, lang),
        false => Vec::new(),
    };
    let queries = CompiledQueries::compile_active(&rules, &langs, &active, &keep, &rare)?;
    let compile = started.elapsed();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.unwrap_or(0))
        .build()
        .into_diagnostic()?;
    let threads = pool.current_num_threads();
    let result = pool.install(|| {
        carve::bench::run(
            &sources,
            &ws.project(),
            &rules,
            &queries,
            args.iterations,
            config.worker_exe.as_deref(),
        )
    });
    let rss = peak_rss_mb();
    // What a user's scan pays: the compilation is not in the scan's ratio.
    let end_to_end = prefilter + compile + result.scan;
    emit(&format!(
        "files {}  lines {}  bytes {}  routes {}  findings {}  threads {threads}\n\
                 raw tree-sitter parse  {:>8.1} ms  {:>7.1} MB/s\n\
                 full carve scan        {:>8.1} ms  {:>7.1} MB/s\n\
                   extract {:.1} ms, link {:.1} ms, assess+report {:.1} ms\n\
                 scan / parse throughput  {:.0}%\n\
                 {}\
                 before both: prefilter {:.1} ms ({} of {} rules kept), query compilation {:.1} ms\n\
                 end to end (prefilter + compilation + scan) {:>8.1} ms, parse / end to end {:.0}%\n\
                 peak RSS {}\n",
        result.files,
        result.lines,
        result.bytes,
        result.routes,
        result.findings,
        result.parse.as_secs_f64() * 1e3,
        result.mb_per_s(result.parse),
        result.scan.as_secs_f64() * 1e3,
        result.mb_per_s(result.scan),
        result.extract.as_secs_f64() * 1e3,
        result.link.as_secs_f64() * 1e3,
        result.assess.as_secs_f64() * 1e3,
        result.ratio() * 100.0,
        [
            ("supervised scan (journaled)", result.supervised),
            ("every file in a parser worker", result.isolated),
        ]
        .iter()
        .filter_map(|(name, d)| Some(format!(
            "{name:<30} {:>8.1} ms  {:.3}× the in-process scan\n",
            (*d)?.as_secs_f64() * 1e3,
            result.overhead(*d)?
        )))
        .collect::<String>(),
        prefilter.as_secs_f64() * 1e3,
        active.iter().filter(|a| **a).count(),
        rules.rules.len(),
        compile.as_secs_f64() * 1e3,
        end_to_end.as_secs_f64() * 1e3,
        result.parse.as_secs_f64() / end_to_end.as_secs_f64().max(1e-9) * 100.0,
        rss.map_or("unknown".to_string(), |mb| format!("{mb:.0} MB")),
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The LSP latency figures: median, 90th percentile and worst per edit.
fn lsp_table(b: &carve::lsp::bench::LspBench) -> String {
    let stats = |d: &[std::time::Duration]| {
        let mut ms: Vec<f64> = d.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        ms.sort_by(f64::total_cmp);
        let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
        format!(
            "median {:>7.1} ms  p90 {:>7.1} ms  max {:>7.1} ms",
            at(0.5),
            at(0.9),
            at(1.0)
        )
    };
    format!(
        "files {}  lines {}  edited {}  edits {}\n\
         initialize → all diagnostics  {:>8.1} ms cold (empty cache)  {:>8.1} ms warm (from the cache)\n\
         didChange → its file's diagnostics  {}\n\
         didChange → all republished         {}\n\
         peak RSS {}\n",
        b.files,
        b.lines,
        b.target,
        b.to_file.len(),
        b.initial_cold.as_secs_f64() * 1e3,
        b.initial_warm.as_secs_f64() * 1e3,
        stats(&b.to_file),
        stats(&b.to_all),
        peak_rss_mb().map_or("unknown".to_string(), |mb| format!("{mb:.0} MB")),
    )
}

/// The cache figures: each whole scan's best time and the warm speed-up.
fn cache_table(b: &carve::bench::CacheBench) -> String {
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    format!(
        "scan without cache      {:>8.1} ms\n\
         cold (empty cache)      {:>8.1} ms  {:.2}× the scan without cache\n\
         warm (nothing changed)  {:>8.1} ms  {:.1}× faster than cold\n\
         one file changed        {:>8.1} ms  {:.1}× faster than cold\n\
         cache {} entries, {:.1} MB on disk\n",
        ms(b.uncached),
        ms(b.cold),
        b.cold.as_secs_f64() / b.uncached.as_secs_f64().max(1e-9),
        ms(b.warm),
        b.warm_speedup(),
        ms(b.one_changed),
        b.cold.as_secs_f64() / b.one_changed.as_secs_f64().max(1e-9),
        b.entries,
        b.bytes as f64 / 1e6,
    )
}
