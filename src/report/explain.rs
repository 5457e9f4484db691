//! `carve explain`: every finding of one route rendered with miette — the
//! source snippet, the rule, the remedy and the call chain from the handler.

use super::{Report, RouteReport};
use crate::rules::Severity;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The routes whose id matches `wanted` (`GET /users/<id>`; the method may
/// be left out to match every method of the path).
pub fn find_routes<'r>(report: &'r Report, wanted: &str) -> Vec<&'r RouteReport> {
    let wanted = wanted.trim();
    let (method, path) = match wanted.split_once(' ') {
        Some((m, p)) => (Some(m.to_ascii_uppercase()), p.trim()),
        None => (None, wanted),
    };
    // `WS message` finds `WS /message`: event names are shown as paths.
    let slashed = format!("/{}", path.trim_start_matches('/'));
    report
        .routes
        .iter()
        .filter(|r| {
            (r.path == path || r.path == slashed) && method.as_ref().is_none_or(|m| *m == r.method)
        })
        .collect()
}

/// Renders the findings of `route`; `sources` maps file paths to their text.
pub fn render(
    route: &RouteReport,
    sources: &BTreeMap<String, String>,
    color: bool,
    width: usize,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} — {} (score {}), handler {} at {}:{}, framework {}",
        route.method,
        route.path,
        route.verdict.as_str(),
        route.score,
        route.handler,
        route.file,
        route.line,
        route.framework
    );
    if route.cold_start.weight > 0 {
        let _ = writeln!(
            out,
            "cold start weight {}: {}",
            route.cold_start.weight,
            route.cold_start.describe()
        );
    }
    if route.findings.is_empty() {
        let _ = writeln!(
            out,
            "\nNothing blocks this route: it can run as a function."
        );
        return out;
    }
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(width);
    for f in &route.findings {
        let mut help = f.at.help.clone();
        if f.chain.len() > 1 {
            let steps = super::chain_text(&f.chain);
            let _ = write!(help, "\ncall chain: {}", steps);
        }
        if f.cause {
            let _ = write!(
                help,
                "\ncause of another finding on this route: costs nothing itself"
            );
        } else {
            let _ = write!(
                help,
                "\ncost: {} points{}",
                f.cost,
                if f.cost == 0 {
                    " (rule already counted on this route)"
                } else {
                    ""
                }
            );
        }
        let severity = match f.at.severity {
            Severity::Blocker => miette::Severity::Error,
            Severity::Advisory => miette::Severity::Warning,
        };
        let mut diag = MietteDiagnostic::new(format!("{} [{}]", f.at.message, f.at.kind))
            .with_code(f.at.rule.clone())
            .with_severity(severity)
            .with_help(help);
        let report = match sources.get(&f.at.file) {
            Some(text) => {
                let start = byte_offset(text, f.at.line, f.at.column);
                let end = if f.at.end_line == f.at.line {
                    byte_offset(text, f.at.end_line, f.at.end_column).max(start)
                } else {
                    line_end(text, start)
                };
                diag = diag.with_label(LabeledSpan::at(start..end, f.at.kind.as_str()));
                miette::Report::new(diag)
                    .with_source_code(NamedSource::new(&f.at.file, text.clone()))
            }
            None => {
                let note = format!(
                    "{}:{}:{} (source not available)",
                    f.at.file, f.at.line, f.at.column
                );
                miette::Report::new(diag.with_url(note))
            }
        };
        let _ = writeln!(out);
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            let _ = writeln!(out, "{}:{}: {}", f.at.file, f.at.line, f.at.message);
        }
    }
    out
}

/// Byte offset of a 1-based line and character column.
fn byte_offset(text: &str, line: u32, column: u32) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line as usize - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let rest = &text[line_start..];
    let within = rest
        .char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map_or(rest.len(), |(i, _)| i);
    line_start + within
}

fn line_end(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |i| from + i)
}
