//! Vets the queries of user rules (not the built-in pack) before carve
//! compiles them in process. tree-sitter's query compiler is C code with
//! assertions that some malformed queries reach (a capture after a group
//! that holds only a predicate: `((#eq? @f "x")) @g`), and an assertion
//! aborts the whole process. So each user rule's query is first compiled
//! alone, per language it names, in a worker process (`carve
//! __query-worker`); a rule whose query kills the worker is refused with
//! its file and line and left out, and every other rule is kept. A query
//! that is merely wrong is reported as before, from a compile in process
//! (safe: the worker survived it). The worker announces each query before
//! compiling it, so the one in flight when it dies is the culprit; the
//! worker is then started again on the queries still unchecked.

use super::{RuleError, RuleSet};
use crate::lang::Lang;
use miette::{Diagnostic, NamedSource, SourceSpan};
use std::io::{self, Read, Write};
use std::path::Path;
use thiserror::Error;

/// The first argument that turns the carve binary into a query worker.
pub const WORKER_ARG: &str = "__query-worker";

/// A user rule whose query crashes tree-sitter's query compiler.
#[derive(Debug, Error, Diagnostic)]
#[error("rule {id} left out: its query crashes tree-sitter's query compiler ({how})")]
#[diagnostic(
    code(carve::rule::query_crash),
    severity(Warning),
    help(
        "the compiler said: {said}\nsimplify the pattern around here (a capture or quantifier \
         after a group that holds only a predicate is one such shape); the rest of the scan \
         runs without this rule"
    )
)]
pub struct QueryCrash {
    id: String,
    how: String,
    said: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("this query aborts the compiler for {language}")]
    span: SourceSpan,
    language: String,
}

/// One query to compile: the rule's index in the set and a language.
#[derive(Clone, Copy)]
struct Job {
    rule: usize,
    lang: Lang,
}

/// How the worker's run of some jobs ended.
struct Run {
    /// Per job given, whether it compiled (None: not reached).
    compiled: Vec<Option<bool>>,
    /// The job in flight when the worker died, with how it died and its
    /// last words; None when it finished.
    crashed: Option<(usize, String, String)>,
}

/// Checks the user rules of `rules` in workers of `exe` (the carve binary),
/// removes those whose query crashes the compiler and returns why, one
/// error each. A query that does not compile is an error (`Err`) as it
/// would be at scan time. Nothing to do, and no process, without user rules.
pub fn vet(exe: &Path, rules: &mut RuleSet) -> Result<Vec<RuleError>, RuleError> {
    let mut pending: Vec<Job> = rules
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.source.builtin && r.settings.is_none())
        .flat_map(|(rule, r)| {
            Lang::all()
                .filter(|&l| r.applies_to(l))
                .map(move |lang| Job { rule, lang })
        })
        .collect();
    let mut refused: Vec<(usize, RuleError)> = Vec::new();
    let mut failed: Vec<Job> = Vec::new();
    // Each run checks at least one job or refuses one rule: it ends.
    while !pending.is_empty() {
        let queries: Vec<(Lang, &str)> = pending
            .iter()
            .map(|j| (j.lang, rules.rules[j.rule].query.as_str()))
            .collect();
        let Ok(run) = run_worker(exe, &queries) else {
            // No worker to be had: compile in process, as without vetting.
            break;
        };
        failed.extend(
            pending
                .iter()
                .zip(&run.compiled)
                .filter(|(_, ok)| **ok == Some(false))
                .map(|(j, _)| *j),
        );
        let Some((at, how, said)) = run.crashed else {
            break;
        };
        let culprit = pending[at];
        refused.push((culprit.rule, crash_error(rules, culprit, how, said)));
        pending = pending
            .iter()
            .zip(&run.compiled)
            .filter(|(j, ok)| ok.is_none() && j.rule != culprit.rule)
            .map(|(j, _)| *j)
            .collect();
    }
    // Survived in the worker, so safe to compile here for the message.
    for job in failed {
        let rule = &rules.rules[job.rule];
        if let Err(err) = tree_sitter::Query::new(&job.lang.grammar(), &rule.query) {
            return Err(rule.query_error(job.lang, &err));
        }
    }
    // Every language of these compiled in a worker (none left unchecked
    // for want of one, none refused): no second compile in process.
    for (index, rule) in rules.rules.iter_mut().enumerate() {
        let checked =
            !pending.iter().any(|j| j.rule == index) && !refused.iter().any(|(r, _)| *r == index);
        rule.source.vetted = !rule.source.builtin && rule.settings.is_none() && checked;
    }
    refused.sort_by_key(|(rule, _)| std::cmp::Reverse(*rule));
    let mut errors = Vec::with_capacity(refused.len());
    for (rule, error) in refused {
        rules.rules.remove(rule);
        errors.push(error);
    }
    errors.reverse();
    Ok(errors)
}

fn crash_error(rules: &RuleSet, job: Job, how: String, said: String) -> RuleError {
    let rule = &rules.rules[job.rule];
    let start = rule.source.query_offset.min(rule.source.text.len());
    let end = (start + rule.query.len()).min(rule.source.text.len());
    RuleError::Crash(Box::new(QueryCrash {
        id: rule.id.clone(),
        how,
        said,
        src: NamedSource::new(
            rule.source.path.display().to_string(),
            rule.source.text.to_string(),
        ),
        span: SourceSpan::from(start..end),
        language: job.lang.name().to_string(),
    }))
}

/// Runs one worker on `queries` and reads how far it got.
fn run_worker(exe: &Path, queries: &[(Lang, &str)]) -> io::Result<Run> {
    let input = serde_json::to_vec(queries).map_err(io::Error::other)?;
    let mut child = crate::isolate::spawn_piped(exe, WORKER_ARG)?;
    // The worker reads all of its input before it writes: no deadlock.
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(&input)?;
    }
    let output = child.wait_with_output()?;
    let mut compiled = vec![None; queries.len()];
    let mut started = None;
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let mut words = line.split(' ');
        let Some(at) = words.next().and_then(|w| w.parse::<usize>().ok()) else {
            continue;
        };
        match (words.next(), compiled.get_mut(at)) {
            (None, Some(_)) => started = Some(at),
            (Some(verdict), Some(slot)) => *slot = Some(verdict == "ok"),
            _ => {}
        }
    }
    let crashed = match started {
        Some(at) if compiled[at].is_none() => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let said = stderr
                .lines()
                .rev()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .map(|l| l.find("query.c:").map_or(l, |at| &l[at..]))
                .unwrap_or("nothing")
                .chars()
                .take(300)
                .collect();
            Some((at, crate::isolate::describe_exit(output.status), said))
        }
        _ if output.status.success() => None,
        // Died before its first query: no culprit to name.
        _ => return Err(io::Error::other("query worker failed")),
    };
    Ok(Run { compiled, crashed })
}

/// The worker's side: reads the queries, then compiles each, announcing it
/// first (`N`) and saying how it went after (`N ok` or `N error`). Runs in
/// the `carve __query-worker` process.
pub fn serve_worker() -> io::Result<()> {
    let mut input = Vec::new();
    io::stdin().lock().read_to_end(&mut input)?;
    let queries: Vec<(Lang, String)> = serde_json::from_slice(&input).map_err(io::Error::other)?;
    let mut out = io::stdout().lock();
    for (at, (lang, query)) in queries.iter().enumerate() {
        writeln!(out, "{at}")?;
        out.flush()?;
        let ok = tree_sitter::Query::new(&lang.grammar(), query).is_ok();
        writeln!(out, "{at} {}", if ok { "ok" } else { "error" })?;
        out.flush()?;
    }
    Ok(())
}
