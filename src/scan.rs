//! The pipeline, end to end: discover → extract (parallel, one parse per
//! file) → link → assess → report. Used by every command that scans.

use crate::assess::{self, Assessed};
use crate::cache::Cache;
use crate::discover::{self, ScanConfig, SkippedFile, SourceFile, Workspace};
use crate::extract::{self, facts::FileFacts, queries::CompiledQueries};
use crate::lang::Lang;
use crate::link::{self, Program};
use crate::report::{self, snippets::Sources, Report, Stats};
use crate::rules::RuleSet;
use crate::supervise::Recovery;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

/// Everything a scan computed, for renderers that need more than the report.
pub struct ScanOutput {
    pub report: Report,
    pub program: Program,
    pub assessed: Assessed,
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ScanError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Discover(#[from] discover::DiscoverError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Queries(#[from] extract::queries::QueryBuildError),
    #[error("cannot start {threads} worker threads: {message}")]
    #[diagnostic(code(carve::threads))]
    Threads { threads: usize, message: String },
}

/// One file's facts from its text, read from disk or held by an editor.
pub fn extract_source(
    parser: &mut tree_sitter::Parser,
    file: &SourceFile,
    source: &str,
    queries: &CompiledQueries,
    rules: &RuleSet,
) -> Result<FileFacts, SkippedFile> {
    if let Some(reason) = crate::guard::refuse(file.lang, source) {
        return Err(SkippedFile {
            path: file.rel.clone(),
            reason,
        });
    }
    let lang_queries = queries.for_lang(file.lang).ok_or_else(|| SkippedFile {
        path: file.rel.clone(),
        reason: "no queries for its language".into(),
    })?;
    extract::extract_file(parser, &file.rel, file.lang, source, lang_queries, rules).map_err(|e| {
        SkippedFile {
            path: file.rel.clone(),
            reason: e.to_string(),
        }
    })
}

/// Reads one file's text; a file that cannot be read (or is binary,
/// minified, too large) is returned as skipped.
pub fn load(file: &SourceFile, max_file_bytes: u64) -> Result<String, SkippedFile> {
    discover::load(file, max_file_bytes).map_err(|e| SkippedFile {
        path: file.rel.clone(),
        reason: e.to_string(),
    })
}

/// Parses and extracts every file in parallel; files that cannot be read
/// or parsed are returned as skipped, never dropped.
/// `recovery` journals each file for the supervisor and sends the files
/// it names to worker processes (see `supervise`); with `prefilter`, only
/// the rules that can match in the files extracted are compiled (see
/// `prefilter`). With a `cache`, a file
/// whose entry is found is neither parsed nor sent anywhere: the queries
/// are compiled only for the languages of the files that missed.
/// The files are extracted one language after the other, each language's
/// queries compiled while the previous language's files are extracted and
/// dropped once its own are: a scan holds two languages' compiled queries
/// at most, not every language's until the last file, and the pages of
/// one language's grammar tables in its resident set, not seven's.
pub fn extract_all(
    ws: &Workspace,
    rules: &RuleSet,
    max_file_bytes: u64,
    prefilter: bool,
    recovery: &Recovery,
    cache: Option<&Cache>,
) -> Result<(Vec<FileFacts>, Vec<SkippedFile>), ScanError> {
    let mut results: Vec<Option<Result<FileFacts, SkippedFile>>> = match cache {
        Some(cache) => ws
            .files
            .par_iter()
            .map(|file| lookup(cache, file, max_file_bytes))
            .collect(),
        None => ws.files.iter().map(|_| None).collect(),
    };
    // The files that missed, by language, as indices into `ws.files`.
    let mut by_lang: BTreeMap<Lang, Vec<usize>> = BTreeMap::new();
    for (index, file) in ws.files.iter().enumerate() {
        if results[index].is_none() {
            by_lang.entry(file.lang).or_default().push(index);
        }
    }
    let compile = compiler(ws, &by_lang, rules, max_file_bytes, prefilter);
    let groups: Vec<(Lang, Vec<usize>)> = by_lang.into_iter().collect();
    let mut next = groups.first().map(|(lang, _)| compile(*lang)).transpose()?;
    for (at, (_, files)) in groups.iter().enumerate() {
        let Some(queries) = next.take() else { break };
        let (extracted, following) = rayon::join(
            || {
                files
                    .par_iter()
                    .map_init(tree_sitter::Parser::new, |parser, &index| {
                        let file = &ws.files[index];
                        (
                            index,
                            extract_missed(
                                parser,
                                file,
                                max_file_bytes,
                                &queries,
                                rules,
                                recovery,
                                cache,
                            ),
                        )
                    })
                    .collect::<Vec<_>>()
            },
            || {
                groups
                    .get(at + 1)
                    .map(|(lang, _)| compile(*lang))
                    .transpose()
            },
        );
        drop(queries);
        // The grammar just read is read no more: its tables leave the
        // resident set (the next language's are mapped as it parses).
        crate::heap::forget_binary_pages();
        next = following?;
        for (index, result) in extracted {
            results[index] = Some(result);
        }
    }
    crate::extract::matcher::forget_built_regexes();
    if let Some(cache) = cache {
        cache.prune();
    }
    let mut skipped = Vec::new();
    for slot in &mut results {
        if let Some(Err(_)) = slot {
            skipped.extend(slot.take().and_then(Result::err));
        }
    }
    // Collected in the room of `results` (a `filter_map` over its own
    // `into_iter` reuses the buffer, as its records are the same size): a
    // second list of every file's facts beside the first would be
    // megabytes at the end of extraction.
    let facts = results
        .into_iter()
        .filter_map(|slot| slot.and_then(Result::ok))
        .collect();
    Ok((facts, skipped))
}

/// What compiles one language's queries for the files `by_lang` holds:
/// with `prefilter`, only the rules and patterns whose literals occur in
/// those files (a file's facts never depend on the rules it leaves out),
/// the rules rare among them in a query of their own.
fn compiler<'a>(
    ws: &'a Workspace,
    by_lang: &BTreeMap<Lang, Vec<usize>>,
    rules: &'a RuleSet,
    max_file_bytes: u64,
    prefilter: bool,
) -> impl Fn(Lang) -> Result<CompiledQueries, ScanError> + Sync + 'a {
    let filtered = (prefilter && !by_lang.is_empty()).then(|| {
        let missed: Vec<SourceFile> = by_lang
            .values()
            .flatten()
            .map(|&index| ws.files[index].clone())
            .collect();
        let prefilter = crate::prefilter::Prefilter::new(rules);
        let found = prefilter.found_in_files(&missed, max_file_bytes);
        let active = prefilter.active(rules, &found);
        (prefilter, found, active)
    });
    move |lang| {
        Ok(match &filtered {
            Some((prefilter, found, active)) => CompiledQueries::compile_active(
                rules,
                &[lang],
                active,
                &|lang, sets| prefilter.keeps(found, lang, sets),
                &|lang| prefilter.rare(found, lang),
            )?,
            None => CompiledQueries::compile_for(rules, &[lang])?,
        })
    }
}

/// Extracts a file the cache did not hold (and stores its facts there).
fn extract_missed(
    parser: &mut tree_sitter::Parser,
    file: &SourceFile,
    max_file_bytes: u64,
    queries: &CompiledQueries,
    rules: &RuleSet,
    recovery: &Recovery,
    cache: Option<&Cache>,
) -> Result<FileFacts, SkippedFile> {
    match cache {
        Some(cache) => {
            let source = load(file, max_file_bytes)?;
            let facts = recovery.extract_text(parser, file, &source, queries, rules)?;
            cache.put(&cache.key(file, &source), &facts);
            Ok(facts)
        }
        None => recovery.extract(parser, file, max_file_bytes, queries, rules),
    }
}

/// A file's cached facts, or why it cannot be read; None when it must be
/// extracted.
fn lookup(
    cache: &Cache,
    file: &SourceFile,
    max_file_bytes: u64,
) -> Option<Result<FileFacts, SkippedFile>> {
    match load(file, max_file_bytes) {
        Ok(source) => cache.get(&cache.key(file, &source)).map(Ok),
        Err(skipped) => Some(Err(skipped)),
    }
}

pub fn scan(config: &ScanConfig, rules: &RuleSet) -> Result<ScanOutput, ScanError> {
    let started = Instant::now();
    crate::heap::map_large_blocks();
    let threads = config.threads.map_or(0, crate::settings::cap_threads);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| ScanError::Threads {
            threads,
            message: e.to_string(),
        })?;
    pool.install(|| {
        let ws = discover::discover(config)?;
        let langs: Vec<_> = ws.files.iter().map(|f| f.lang).collect();
        let recovery = Recovery::from_env(config.worker_exe.as_deref(), rules, &langs);
        let cache = config
            .cache_dir
            .as_deref()
            .and_then(|dir| Cache::open(dir, rules));
        let (mut facts, mut skipped) = extract_all(
            &ws,
            rules,
            config.max_file_bytes,
            config.prefilter,
            &recovery,
            cache.as_ref(),
        )?;
        drop_shipped_reads(&mut facts, &ws);
        skipped.extend(ws.skipped.iter().cloned());
        skipped.sort();
        let files: FxHashMap<&str, &SourceFile> =
            ws.files.iter().map(|f| (f.rel.as_str(), f)).collect();
        let sources = |path: &str| {
            let file = files.get(path)?;
            load(file, config.max_file_bytes).ok().map(Cow::Owned)
        };
        Ok(analyse(
            facts,
            rules,
            ws.project(),
            skipped,
            started,
            &sources,
        ))
    })
}

/// Drops the hits that only read a file the scanned tree ships (its
/// source files and the files discovery skipped): data deployed with the
/// code (`extract::shipped`).
fn drop_shipped_reads(facts: &mut [FileFacts], ws: &Workspace) {
    if facts
        .iter()
        .all(|f| f.hits.iter().all(|h| h.shipped().is_none()))
    {
        return;
    }
    let tree: BTreeSet<&str> = ws
        .files
        .iter()
        .map(|f| f.rel.as_str())
        .chain(ws.skipped.iter().map(|s| s.path.as_str()))
        .collect();
    crate::extract::shipped::drop_shipped_reads(facts, &tree);
}

/// Link → assess → report on facts already extracted, once (a whole
/// scan's): nothing is kept for a next analysis, so what only link reads
/// is dropped as soon as the program is linked, and the report is built
/// in the room it leaves. `sources` gives the files' texts again for the
/// snippets of the hits the report lists (`report::snippets`).
pub fn analyse(
    facts: Vec<FileFacts>,
    rules: &RuleSet,
    project: crate::discover::Project,
    skipped: Vec<SkippedFile>,
    started: Instant,
    sources: &Sources,
) -> ScanOutput {
    let stats = stats_of(&facts, rules);
    crate::extract::name::forget_all();
    crate::heap::give_back_free_pages();
    crate::heap::forget_binary_pages();
    let mut program = link::link_program(facts, rules, project);
    for file in &mut program.files {
        file.drop_link_only();
    }
    crate::heap::give_back_free_pages();
    assess_and_report(program, rules, skipped, stats, started, None, sources).0
}

/// What an analysis keeps for the next one (the language server's, after
/// an edit): the link's parts and the report's keys.
pub struct Kept {
    pub link: link::Parts,
    pub report: report::reuse::Keys,
}

/// What the next analysis may reuse of the previous: the link's parts and
/// the one change since (`link::link_incremental`), the report's parts
/// (`report::build_report_reusing`).
#[derive(Default)]
pub struct Previous {
    pub link: Option<(link::Parts, link::Change)>,
    pub report: Option<report::reuse::Previous>,
}

/// As `analyse`, reusing what `previous` holds; returns what to keep for
/// the next (the language server's, which keeps every fact for its next
/// link).
pub fn analyse_incremental(
    facts: Vec<FileFacts>,
    rules: &RuleSet,
    project: crate::discover::Project,
    skipped: Vec<SkippedFile>,
    started: Instant,
    previous: Previous,
    sources: &Sources,
) -> (ScanOutput, Kept) {
    let stats = stats_of(&facts, rules);
    let (program, parts) = link::link_incremental(facts, rules, project, previous.link);
    let (output, keys) = assess_and_report(
        program,
        rules,
        skipped,
        stats,
        started,
        previous.report,
        sources,
    );
    let kept = Kept {
        link: parts,
        report: keys,
    };
    (output, kept)
}

/// The report's statistics of the facts extracted (before linking).
fn stats_of(facts: &[FileFacts], rules: &RuleSet) -> Stats {
    Stats {
        files: facts.len(),
        bytes: facts.iter().map(|f| f.bytes).sum(),
        lines: facts.iter().map(|f| f.lines).sum(),
        parse_errors: facts.iter().map(|f| f.parse_errors).sum(),
        files_with_parse_errors: facts
            .iter()
            .filter(|f| f.parse_errors > 0)
            .map(|f| f.path.clone())
            .collect(),
        files_partial: facts
            .iter()
            .filter(|f| f.partial)
            .map(|f| f.path.clone())
            .collect(),
        findings_outside_server: 0,
        findings_off_request_path: 0,
        rules: rules.rules.len(),
        duration_ms: 0,
    }
}

/// Assess and report on a linked program, reusing what `previous` holds of
/// the last report; returns the report's keys for the next.
fn assess_and_report(
    mut program: Program,
    rules: &RuleSet,
    skipped: Vec<SkippedFile>,
    mut stats: Stats,
    started: Instant,
    previous: Option<report::reuse::Previous>,
    sources: &Sources,
) -> (ScanOutput, report::reuse::Keys) {
    stats.findings_outside_server = program.hits_outside_server;
    report::snippets::fill(&mut program, sources);
    let assessed = assess::assess_program(&program, rules);
    stats.duration_ms = started.elapsed().as_millis() as u64;
    let (report, keys) =
        report::build_report_reusing(&program, &assessed, rules, skipped, stats, previous);
    let output = ScanOutput {
        report,
        program,
        assessed,
    };
    (output, keys)
}
