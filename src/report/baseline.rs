//! baseline: compares a scan with a previous JSON report so that a pull
//! request shows only what it made new or worse, and decides `--fail-on`.
//! Findings are matched by fingerprint, never by line number.

use super::{Report, RouteReport};
use crate::assess::Verdict;
use crate::config::FailOn;
use crate::rules::Severity;
use miette::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use thiserror::Error;

/// What a previous report must hold; other fields are ignored, so any
/// schema-1 report can serve.
#[derive(Debug, Deserialize)]
pub struct Baseline {
    schema_version: u32,
    routes: Vec<BaselineRoute>,
    findings: Vec<BaselineFinding>,
}

#[derive(Debug, Deserialize)]
struct BaselineRoute {
    id: String,
    verdict: Verdict,
    /// The route's findings: a use listed under its cause (`also`) is
    /// known by its fingerprint here.
    #[serde(default)]
    findings: Vec<BaselineRouteFinding>,
}

#[derive(Debug, Deserialize)]
struct BaselineRouteFinding {
    fingerprint: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct BaselineFinding {
    rule: String,
    file: String,
    line: u32,
    message: String,
    fingerprint: Option<String>,
}

#[derive(Debug, Error, Diagnostic)]
pub enum BaselineError {
    #[error("cannot read the baseline {path}: {message}")]
    #[diagnostic(code(carve::baseline))]
    Io { path: String, message: String },
    #[error("the baseline {path} is not a carve JSON report: {message}")]
    #[diagnostic(
        code(carve::baseline),
        help("make one with `carve scan --format json > {path}`")
    )]
    Invalid { path: String, message: String },
    #[error("the baseline {path} has schema version {found}; this carve reads version {expected}")]
    #[diagnostic(code(carve::baseline))]
    Version {
        path: String,
        found: u32,
        expected: u32,
    },
    #[error("the baseline {path} has findings without fingerprints")]
    #[diagnostic(
        code(carve::baseline),
        help("it was made by an older carve; make it again with `carve scan --format json`")
    )]
    NoFingerprints { path: String },
}

impl Baseline {
    pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| BaselineError::Io {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        Baseline::parse(&text, &shown)
    }

    pub fn parse(text: &str, shown: &str) -> Result<Baseline, BaselineError> {
        let baseline: Baseline =
            serde_json::from_str(text).map_err(|e| BaselineError::Invalid {
                path: shown.to_string(),
                message: e.to_string(),
            })?;
        if baseline.schema_version != super::SCHEMA_VERSION {
            return Err(BaselineError::Version {
                path: shown.to_string(),
                found: baseline.schema_version,
                expected: super::SCHEMA_VERSION,
            });
        }
        if baseline.findings.iter().any(|f| f.fingerprint.is_none()) {
            return Err(BaselineError::NoFingerprints {
                path: shown.to_string(),
            });
        }
        Ok(baseline)
    }
}

/// What changed against the baseline; present in the report only when a
/// baseline was given.
#[derive(Debug, Clone, Serialize)]
pub struct BaselineDiff {
    pub baseline: String,
    /// Findings whose fingerprint the baseline does not have.
    pub new_findings: usize,
    /// Baseline findings that are gone.
    pub fixed: Vec<FixedFinding>,
    /// Findings in both.
    pub unchanged_findings: usize,
    /// Routes the baseline does not have.
    pub new_routes: Vec<String>,
    /// Routes whose verdict got worse.
    pub worse_routes: Vec<VerdictChange>,
    /// Routes whose verdict got better.
    pub better_routes: Vec<VerdictChange>,
    /// Baseline routes that are gone.
    pub removed_routes: Vec<String>,
}

impl BaselineDiff {
    /// `2 new, 1 fixed; 1 route(s) worse, 0 better, 0 new, 0 removed`.
    pub fn counts(&self) -> String {
        format!(
            "{} new, {} fixed; {} route(s) worse, {} better, {} new, {} removed",
            self.new_findings,
            self.fixed.len(),
            self.worse_routes.len(),
            self.better_routes.len(),
            self.new_routes.len(),
            self.removed_routes.len()
        )
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FixedFinding {
    pub rule: String,
    pub file: String,
    /// The line in the baseline.
    pub line: u32,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct VerdictChange {
    pub route: String,
    pub from: Verdict,
    pub to: Verdict,
}

/// Keeps only what is new or worse: new findings, and routes that are new,
/// got a worse verdict, or have a new finding (with all their findings, the
/// new ones marked). The summary still counts the whole scan.
pub fn apply(report: &mut Report, baseline: &Baseline, shown: &str) {
    let before: BTreeSet<&str> = baseline
        .findings
        .iter()
        .filter_map(|f| f.fingerprint.as_deref())
        .chain(
            baseline
                .routes
                .iter()
                .flat_map(|r| &r.findings)
                .filter_map(|f| f.fingerprint.as_deref()),
        )
        .collect();
    let now: BTreeSet<String> = report
        .findings
        .iter()
        .map(|f| f.at.fingerprint.clone())
        .collect();
    let verdicts: BTreeMap<&str, Verdict> = baseline
        .routes
        .iter()
        .map(|r| (r.id.as_str(), r.verdict))
        .collect();
    let mut diff = BaselineDiff {
        baseline: shown.to_string(),
        new_findings: 0,
        fixed: baseline
            .findings
            .iter()
            .filter(|f| f.fingerprint.as_ref().is_some_and(|p| !now.contains(p)))
            .map(|f| FixedFinding {
                rule: f.rule.clone(),
                file: f.file.clone(),
                line: f.line,
                message: f.message.clone(),
            })
            .collect(),
        unchanged_findings: 0,
        new_routes: Vec::new(),
        worse_routes: Vec::new(),
        better_routes: Vec::new(),
        removed_routes: Vec::new(),
    };
    let current: BTreeSet<&str> = report.routes.iter().map(|r| r.id.as_str()).collect();
    diff.removed_routes = verdicts
        .keys()
        .filter(|id| !current.contains(*id))
        .map(|id| id.to_string())
        .collect();
    for route in &mut report.routes {
        for f in &mut route.findings {
            f.new = Some(!before.contains(f.at.fingerprint.as_str()));
        }
        match verdicts.get(route.id.as_str()) {
            None => diff.new_routes.push(route.id.clone()),
            Some(&from) if from < route.verdict => diff.worse_routes.push(VerdictChange {
                route: route.id.clone(),
                from,
                to: route.verdict,
            }),
            Some(&from) if from > route.verdict => diff.better_routes.push(VerdictChange {
                route: route.id.clone(),
                from,
                to: route.verdict,
            }),
            Some(_) => {}
        }
    }
    let (new, old): (Vec<_>, Vec<_>) = std::mem::take(&mut report.findings)
        .into_iter()
        .partition(|f| !before.contains(f.at.fingerprint.as_str()));
    diff.new_findings = new.len();
    diff.unchanged_findings = old.len();
    report.findings = new;
    let worse: BTreeSet<&str> = diff.worse_routes.iter().map(|c| c.route.as_str()).collect();
    let fresh: BTreeSet<&str> = diff.new_routes.iter().map(String::as_str).collect();
    let keep = |r: &RouteReport| {
        fresh.contains(r.id.as_str())
            || worse.contains(r.id.as_str())
            || r.findings.iter().any(|f| f.new == Some(true))
    };
    let kept: Vec<RouteReport> = report.routes.iter().filter(|r| keep(r)).cloned().collect();
    report.routes = kept;
    report.baseline = Some(diff);
}

/// Why the report crosses `fail_on`, if it does. With a baseline the report
/// holds only what is new or worse, so only that can fail.
pub fn crossed(report: &Report, fail_on: FailOn) -> Option<String> {
    let routes_at = |v: Verdict| report.routes.iter().filter(|r| r.verdict >= v).count();
    let (count, what) = match fail_on {
        FailOn::New => match &report.baseline {
            Some(diff) => {
                let new_routes = report
                    .routes
                    .iter()
                    .filter(|r| r.verdict > Verdict::Function && diff.new_routes.contains(&r.id))
                    .count();
                let parts: Vec<String> = [
                    (diff.new_findings, "new finding(s)"),
                    (diff.worse_routes.len(), "route(s) with a worse verdict"),
                    (new_routes, "new route(s) that are not functions"),
                ]
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, what)| format!("{n} {what}"))
                .collect();
                return (!parts.is_empty())
                    .then(|| format!("{} against the baseline", parts.join(", ")));
            }
            None => (
                report.findings.len(),
                "finding(s), with no baseline to compare",
            ),
        },
        FailOn::Refactor => (
            routes_at(Verdict::Refactor),
            "route(s) need a refactor or a container",
        ),
        FailOn::Container => (routes_at(Verdict::Container), "route(s) need a container"),
        FailOn::Blocker => (
            report
                .routes
                .iter()
                .flat_map(|r| &r.findings)
                .filter(|f| f.at.severity == Severity::Blocker && !f.cause)
                .count(),
            "blocker(s) on routes",
        ),
    };
    (count > 0).then(|| format!("{count} {what}"))
}
