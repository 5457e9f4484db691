//! Findings → diagnostics, one list per file, and publishing only the lists
//! that changed since the last time.

use super::analysis::Analysis;
use super::positions::Encoding;
use crate::extract::facts::Pos;
use crate::report::{FindingReport, RouteReport};
use crate::rules::{docs, Severity};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, Uri,
};
use rayon::prelude::*;
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
    let hrefs: BTreeMap<&str, Uri> = analysis
        .settings
        .rules
        .rules
        .iter()
        .filter_map(|r| {
            let href = format!("{}#{}", docs::REFERENCE_URL, docs::anchor(&r.id));
            Some((r.id.as_str(), Uri::from_str(&href).ok()?))
        })
        .collect();
    let diagnostics: Vec<(&str, Diagnostic)> = report
        .findings
        .par_iter()
        .filter_map(|finding| {
            let href = hrefs.get(finding.rule.as_str()).cloned();
            let d = diagnostic(analysis, enc, finding, href, &routes)?;
            Some((finding.file.as_str(), d))
        })
        .collect();
    let mut out: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
    for (file, d) in diagnostics {
        out.entry(file.to_string()).or_default().push(d);
    }
    out
}

fn diagnostic(
    analysis: &Analysis,
    enc: Encoding,
    finding: &FindingReport,
    href: Option<Uri>,
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
    Some(Diagnostic {
        range: Range::new(text.to_lsp(start, enc), text.to_lsp(end, enc)),
        severity: Some(match finding.severity {
            _ if finding.routes.is_empty() => DiagnosticSeverity::HINT,
            Severity::Blocker => DiagnosticSeverity::WARNING,
            Severity::Advisory => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(finding.rule.clone())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: format!("{} ({affects})\nfix: {}", finding.message, finding.help),
        related_information: Some(related(analysis, finding, routes)),
        tags: None,
        data: None,
    })
}

/// Each affected route's handler, then the steps of its call chain to the
/// finding; a step shared by several routes is listed once, naming them.
fn related(
    analysis: &Analysis,
    finding: &FindingReport,
    routes: &BTreeMap<&str, &RouteReport>,
) -> Vec<DiagnosticRelatedInformation> {
    // (file, line, what) and its routes, in first-seen order.
    type Step<'a> = ((&'a str, u32, String), Vec<&'a str>);
    let mut steps: Vec<Step> = Vec::new();
    for route_id in &finding.routes {
        let chain = routes.get(route_id.as_str()).and_then(|route| {
            route
                .findings
                .iter()
                .find(|f| {
                    f.rule == finding.rule
                        && f.file == finding.file
                        && f.line == finding.line
                        && f.column == finding.column
                })
                .map(|f| &f.chain)
        });
        for (i, step) in chain.into_iter().flatten().enumerate() {
            let what = if i == 0 {
                format!("handler `{}`", step.function)
            } else {
                format!("calls `{}`", step.function)
            };
            let key = (step.file.as_str(), step.line, what);
            match steps.iter_mut().find(|(k, _)| *k == key) {
                Some((_, ids)) => ids.push(route_id),
                None => steps.push((key, vec![route_id])),
            }
        }
    }
    steps
        .into_iter()
        .take(MAX_RELATED)
        .filter_map(|((file, line, what), ids)| {
            let location = location(analysis, file, line)?;
            Some(DiagnosticRelatedInformation {
                location,
                message: format!("{what} ({})", route_list(&ids)),
            })
        })
        .collect()
}

/// `GET /a, GET /b, GET /c and 4 more`.
fn route_list(ids: &[&str]) -> String {
    const SHOWN: usize = 3;
    let mut text = ids[..ids.len().min(SHOWN)].join(", ");
    if ids.len() > SHOWN {
        text.push_str(&format!(" and {} more", ids.len() - SHOWN));
    }
    text
}

/// The start of a 1-based `line` in the file at `rel` (column 0 in every
/// encoding: no text needed).
pub fn location(analysis: &Analysis, rel: &str, line: u32) -> Option<Location> {
    let uri = analysis.uri(rel)?.clone();
    let start = Position::new(line.saturating_sub(1), 0);
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
