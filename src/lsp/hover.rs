//! `textDocument/hover` on a route's declaration or its handler's `def`
//! line: method and path, verdict, score, top reasons, cold-start weight.

use super::analysis::Analysis;
use super::code_lens::verdict_label;
use crate::report::RouteReport;
use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};
use std::fmt::Write;

/// Reasons listed per route, at most.
const TOP_REASONS: usize = 3;

pub fn hover(analysis: &Analysis, params: &HoverParams) -> Option<Hover> {
    let at = &params.text_document_position_params;
    let rel = analysis.relative_uri(&at.text_document.uri)?;
    let line = at.position.line + 1;
    let report = &analysis.output.report;
    let mut text = String::new();
    for site in analysis.route_sites() {
        let here = |(file, l): &(String, u32)| *file == rel && *l == line;
        if here(&site.declared) || site.handler.as_ref().is_some_and(here) {
            if !text.is_empty() {
                text.push_str("\n---\n\n");
            }
            describe(&mut text, &report.routes[site.report_idx], analysis);
        }
    }
    (!text.is_empty()).then_some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: None,
    })
}

fn describe(out: &mut String, route: &RouteReport, analysis: &Analysis) {
    let _ = writeln!(
        out,
        "**{} {}** — {} (score {}/100)\n",
        route.method,
        route.path,
        verdict_label(route, &analysis.settings.rules),
        route.score
    );
    let _ = writeln!(
        out,
        "handler `{}` · {} · {}:{}\n",
        route.handler, route.framework, route.file, route.line
    );
    let mut reasons: Vec<_> = route.findings.iter().filter(|f| !f.cause).collect();
    reasons.sort_by_key(|f| std::cmp::Reverse(f.cost));
    if !reasons.is_empty() {
        let _ = writeln!(out, "Top reasons:");
        for f in reasons.iter().take(TOP_REASONS) {
            let _ = writeln!(
                out,
                "- −{} `{}` {} ({}:{})",
                f.cost, f.at.rule, f.at.message, f.at.file, f.at.line
            );
        }
        if reasons.len() > TOP_REASONS {
            let _ = writeln!(out, "- … and {} more", reasons.len() - TOP_REASONS);
        }
        out.push('\n');
    }
    let _ = write!(out, "Cold-start weight: {}", route.cold_start.weight);
    if !route.cold_start.packages.is_empty() {
        let _ = write!(out, " ({})", route.cold_start.describe());
    }
    out.push('\n');
}
