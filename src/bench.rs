//! `carve bench`: measures, in one run on the same files held in memory,
//! raw tree-sitter parsing and the full analysis (parse + queries + link +
//! assess + report), and reports both throughputs and their ratio.

use crate::assess;
use crate::discover::SourceFile;
use crate::extract::{self, queries::CompiledQueries};
use crate::link;
use crate::report::{self, Stats};
use crate::rules::RuleSet;
use rayon::prelude::*;
use std::collections::BTreeSet;
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
}

impl BenchResult {
    pub fn mb_per_s(&self, d: Duration) -> f64 {
        self.bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9)
    }

    /// Full scan throughput as a share of raw parse throughput.
    pub fn ratio(&self) -> f64 {
        self.parse.as_secs_f64() / self.scan.as_secs_f64().max(1e-9)
    }
}

/// Best of `iterations` for each measurement, on sources already read.
pub fn run(
    sources: &[(SourceFile, String)],
    dependencies: &BTreeSet<String>,
    rules: &RuleSet,
    queries: &CompiledQueries,
    iterations: usize,
) -> BenchResult {
    let mut parse = Duration::MAX;
    let mut scan = Duration::MAX;
    let mut routes = 0;
    let mut findings = 0;
    let mut phases = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
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
        let program = link::link_program(facts, rules, dependencies.clone());
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
    }
}
