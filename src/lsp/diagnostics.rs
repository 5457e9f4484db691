//! Findings → diagnostics, one list per file, and publishing only the lists
//! that changed since the last time.

use super::analysis::Analysis;
use super::positions::{to_lsp, Encoding};
use super::uri;
use crate::extract::facts::Pos;
use crate::report::{FindingReport, RouteReport};
use crate::rules::{docs, Severity};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Range, Uri,
};
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

/// What diagnostics say they come from.
pub const SOURCE: &str = "carve";

/// Related locations listed per diagnostic, at most (a finding on a shared
/// helper can reach hundreds of routes).
const MAX_RELATED: usize = 40;

/// The diagnostics of every file with findings, by relative path.
pub fn all(analysis: &Analysis, enc: Encoding) -> BTreeMap<String, Vec<Diagnostic>> {
    let report = &analysis.output.report;
    let routes: BTreeMap<&str, &RouteReport> =
        report.routes.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut out: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
    for finding in &report.findings {
        if let Some(d) = diagnostic(analysis, enc, finding, &routes) {
            out.entry(finding.file.clone()).or_default().push(d);
        }
    }
    out
}

fn diagnostic(
    analysis: &Analysis,
    enc: Encoding,
    finding: &FindingReport,
    routes: &BTreeMap<&str, &RouteReport>,
) -> Option<Diagnostic> {
    let text = analysis.text(&finding.file)?;
    let start = Pos {
        line: finding.line,
        column: finding.column,
    };
    let end = Pos {
        line: finding.end_line,
        column: finding.end_column,
    };
    let affects = if finding.routes.is_empty() {
        "no route reaches it".to_string()
    } else {
        format!("affects {}", finding.routes.join(", "))
    };
    let href = Uri::from_str(&format!(
        "{}#{}",
        docs::REFERENCE_URL,
        docs::anchor(&finding.rule)
    ))
    .ok();
    Some(Diagnostic {
        range: Range::new(to_lsp(text, start, enc), to_lsp(text, end, enc)),
        severity: Some(match finding.severity {
            Severity::Blocker => DiagnosticSeverity::WARNING,
            Severity::Advisory => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(finding.rule.clone())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: format!("{} ({affects})\nfix: {}", finding.message, finding.help),
        related_information: Some(related(analysis, enc, finding, routes)),
        tags: None,
        data: None,
    })
}

/// Each affected route's handler, then the steps of its call chain to the
/// finding.
fn related(
    analysis: &Analysis,
    enc: Encoding,
    finding: &FindingReport,
    routes: &BTreeMap<&str, &RouteReport>,
) -> Vec<DiagnosticRelatedInformation> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for route_id in &finding.routes {
        let Some(route) = routes.get(route_id.as_str()) else {
            continue;
        };
        let Some(chain) = route
            .findings
            .iter()
            .find(|f| {
                f.rule == finding.rule
                    && f.file == finding.file
                    && f.line == finding.line
                    && f.column == finding.column
            })
            .map(|f| &f.chain)
        else {
            continue;
        };
        for (i, step) in chain.iter().enumerate() {
            let message = if i == 0 {
                format!("{route_id}: handler `{}`", step.function)
            } else {
                format!("{route_id}: calls `{}`", step.function)
            };
            if out.len() < MAX_RELATED && seen.insert((step.file.clone(), step.line, i == 0)) {
                if let Some(location) = location(analysis, enc, &step.file, step.line) {
                    out.push(DiagnosticRelatedInformation { location, message });
                }
            }
        }
    }
    out
}

/// The start of `line` in the file at `rel`.
pub fn location(analysis: &Analysis, enc: Encoding, rel: &str, line: u32) -> Option<Location> {
    let uri = uri::from_path(&analysis.root.join(rel))?;
    let start = match analysis.text(rel) {
        Some(text) => to_lsp(text, Pos { line, column: 1 }, enc),
        None => lsp_types::Position::new(line.saturating_sub(1), 0),
    };
    Some(Location::new(uri, Range::new(start, start)))
}

/// The files whose diagnostics differ between `old` and `new`, with their
/// new list (empty: clear the file).
pub fn changed<'a>(
    old: &'a BTreeMap<String, Vec<Diagnostic>>,
    new: &'a BTreeMap<String, Vec<Diagnostic>>,
) -> Vec<(&'a str, &'a [Diagnostic])> {
    let files: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    files
        .into_iter()
        .filter(|f| old.get(*f) != new.get(*f))
        .map(|f| (f.as_str(), new.get(f).map_or(&[][..], Vec::as_slice)))
        .collect()
}
