//! Findings → diagnostics, one list per file, and publishing only the lists
//! that changed since the last time; after an edit, a file whose findings,
//! chains and text are the same keeps the list built before.

use super::analysis::Analysis;
use super::positions::Encoding;
use crate::extract::facts::Pos;
use crate::report::{ChainStep, FindingReport, Place, RouteReport};
use crate::rules::{docs, Severity};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, Uri,
};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::str::FromStr;
use std::sync::Arc;

/// What diagnostics say they come from.
pub const SOURCE: &str = "carve";

/// Related locations listed per diagnostic, at most (a finding on a shared
/// helper can reach hundreds of routes).
const MAX_RELATED: usize = 40;

/// Each file's diagnostics as last built, with a key of what they were
/// built from (the file's findings, the call chains behind them, its text):
/// an edit rebuilds, compares and republishes only the files whose key
/// changed.
#[derive(Default)]
pub struct Published {
    files: BTreeMap<String, FileDiagnostics>,
}

struct FileDiagnostics {
    key: u64,
    list: Arc<Vec<Diagnostic>>,
}

impl Published {
    /// The diagnostics of `rel` (empty when it has none).
    pub fn get(&self, rel: &str) -> &[Diagnostic] {
        self.files.get(rel).map_or(&[][..], |f| f.list.as_slice())
    }

    /// Every file's diagnostics, by relative path.
    pub fn lists(&self) -> BTreeMap<&str, &[Diagnostic]> {
        self.files
            .iter()
            .map(|(rel, f)| (rel.as_str(), f.list.as_slice()))
            .collect()
    }
}

/// The diagnostics of every file with findings, by relative path, built
/// from scratch.
pub fn all(analysis: &Analysis, enc: Encoding) -> BTreeMap<String, Vec<Diagnostic>> {
    build(analysis, enc, &Published::default())
        .files
        .into_iter()
        .map(|(rel, f)| (rel, f.list.to_vec()))
        .collect()
}

/// The diagnostics of every file with findings; a file whose key is the
/// same as in `previous` keeps the list built then.
pub fn build(analysis: &Analysis, enc: Encoding, previous: &Published) -> Published {
    let report = &analysis.output.report;
    let routes: FxHashMap<&str, &RouteReport> =
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
    let mut by_file: BTreeMap<&str, Vec<&FindingReport>> = BTreeMap::new();
    for finding in &report.findings {
        by_file.entry(&finding.at.file).or_default().push(finding);
    }
    let by_file: Vec<(&str, Vec<&FindingReport>)> = by_file.into_iter().collect();
    let files = by_file
        .par_iter()
        .map(|(file, findings)| {
            let key = key(analysis, file, findings, &routes);
            if let Some(kept) = previous.files.get(*file).filter(|f| f.key == key) {
                let list = Arc::clone(&kept.list);
                return (file.to_string(), FileDiagnostics { key, list });
            }
            let list = findings
                .iter()
                .filter_map(|finding| {
                    let href = hrefs.get(finding.at.rule.as_str()).cloned();
                    diagnostic(analysis, enc, finding, href, &routes)
                })
                .collect();
            let list = Arc::new(list);
            (file.to_string(), FileDiagnostics { key, list })
        })
        .collect();
    Published { files }
}

/// A hash of what the diagnostics of `file` are built from: its text, its
/// findings and, per route each affects, the chain to it.
fn key(
    analysis: &Analysis,
    file: &str,
    findings: &[&FindingReport],
    routes: &FxHashMap<&str, &RouteReport>,
) -> u64 {
    let mut h = FxHasher::default();
    analysis.text(file).map(|t| t.as_str()).hash(&mut h);
    for f in findings {
        (&f.at.rule, f.at.severity, &f.at.message, &f.at.help).hash(&mut h);
        (f.at.line, f.at.column, f.at.end_line, f.at.end_column).hash(&mut h);
        for place in &f.also {
            (&place.file, place.line).hash(&mut h);
        }
        for route_id in &f.routes {
            route_id.hash(&mut h);
            for step in chain(routes, route_id, f).into_iter().flatten() {
                (&step.function, &step.file, step.line, step.resolved).hash(&mut h);
            }
        }
    }
    h.finish()
}

/// The chain from `route_id`'s handler to `finding`.
fn chain<'r>(
    routes: &FxHashMap<&str, &'r RouteReport>,
    route_id: &str,
    finding: &FindingReport,
) -> Option<&'r [ChainStep]> {
    let route = routes.get(route_id)?;
    route
        .findings
        .iter()
        .find(|f| {
            f.at.rule == finding.at.rule
                && f.at.file == finding.at.file
                && f.at.line == finding.at.line
                && f.at.column == finding.at.column
        })
        .map(|f| f.chain.as_slice())
}

fn diagnostic(
    analysis: &Analysis,
    enc: Encoding,
    finding: &FindingReport,
    href: Option<Uri>,
    routes: &FxHashMap<&str, &RouteReport>,
) -> Option<Diagnostic> {
    let text = analysis.text(&finding.at.file)?;
    let start = Pos {
        line: finding.at.line,
        column: finding.at.column,
    };
    let end = Pos {
        line: finding.at.end_line,
        column: finding.at.end_column,
    };
    let affects = if finding.routes.is_empty() {
        "no route reaches it".to_string()
    } else {
        format!("affects {}", finding.routes.join(", "))
    };
    Some(Diagnostic {
        range: Range::new(text.to_lsp(start, enc), text.to_lsp(end, enc)),
        severity: Some(match finding.at.severity {
            _ if finding.routes.is_empty() => DiagnosticSeverity::HINT,
            Severity::Blocker => DiagnosticSeverity::WARNING,
            Severity::Advisory => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(finding.at.rule.clone())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: format!(
            "{} ({affects})\nfix: {}",
            finding.at.message, finding.at.help
        ),
        related_information: Some(related(analysis, finding, routes)),
        tags: None,
        data: also_data(finding),
    })
}

/// What a diagnostic carries in its `data`: the other places the finding
/// stands for (relative path, 1-based line), so that the suppression quick
/// fix covers them too, since a comment above one line suppresses only that
/// line's match.
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct AlsoData {
    pub also: Vec<Place>,
}

fn also_data(finding: &FindingReport) -> Option<serde_json::Value> {
    if finding.also.is_empty() {
        return None;
    }
    serde_json::to_value(AlsoData {
        also: finding.also.clone(),
    })
    .ok()
}

/// Each affected route's handler, then the steps of its call chain to the
/// finding; a step shared by several routes is listed once, naming them.
fn related(
    analysis: &Analysis,
    finding: &FindingReport,
    routes: &FxHashMap<&str, &RouteReport>,
) -> Vec<DiagnosticRelatedInformation> {
    // (file, line, what) and its routes, in first-seen order.
    type Step<'a> = ((&'a str, u32, String), Vec<&'a str>);
    let mut steps: Vec<Step> = Vec::new();
    for route_id in &finding.routes {
        let chain = chain(routes, route_id, finding);
        for (i, step) in chain.into_iter().flatten().enumerate() {
            let what = if i == 0 {
                format!("handler `{}`", step.function)
            } else if step.resolved.is_some_and(|r| r.is_guess()) {
                format!("calls `{}` (guessed by name)", step.function)
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
    // The other places the finding stands for come first: they are the
    // finding itself.
    let also = finding.also.iter().filter_map(|place| {
        Some(DiagnosticRelatedInformation {
            location: location(analysis, &place.file, place.line)?,
            message: "also here".to_string(),
        })
    });
    let chain = steps.into_iter().filter_map(|((file, line, what), ids)| {
        let location = location(analysis, file, line)?;
        Some(DiagnosticRelatedInformation {
            location,
            message: format!("{what} ({})", route_list(&ids)),
        })
    });
    also.chain(chain).take(MAX_RELATED).collect()
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
/// new list (empty: clear the file). A file whose key is the same is not
/// compared.
pub fn changed<'a>(old: &'a Published, new: &'a Published) -> Vec<(&'a str, &'a [Diagnostic])> {
    let files: BTreeSet<&String> = old.files.keys().chain(new.files.keys()).collect();
    files
        .into_iter()
        .filter(|f| match (old.files.get(*f), new.files.get(*f)) {
            (Some(a), Some(b)) => a.key != b.key && a.list != b.list,
            _ => true,
        })
        .map(|f| (f.as_str(), new.get(f)))
        .collect()
}
