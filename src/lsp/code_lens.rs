//! `textDocument/codeLens`: above each route handler, the route and its
//! verdict (`GET /users — refactor: 2 blockers`).

use super::analysis::Analysis;
use crate::assess::Verdict;
use crate::report::RouteReport;
use crate::rules::{Needs, RuleSet, Severity};
use lsp_types::{CodeLens, CodeLensParams, Command, Range};

pub fn code_lens(analysis: &Analysis, params: &CodeLensParams) -> Vec<CodeLens> {
    let Some(rel) = analysis.relative_uri(&params.text_document.uri) else {
        return Vec::new();
    };
    let report = &analysis.output.report;
    let mut lenses = Vec::new();
    for site in analysis.route_sites() {
        // Above the handler when it resolved, else above the declaration.
        let (file, line) = site.handler.as_ref().unwrap_or(&site.declared);
        if *file != rel {
            continue;
        }
        let route = &report.routes[site.report_idx];
        let Some(location) = super::diagnostics::location(analysis, file, *line) else {
            continue;
        };
        lenses.push(CodeLens {
            range: Range::new(location.range.start, location.range.start),
            command: Some(Command {
                title: format!(
                    "{} — {}",
                    route.id,
                    verdict_label(route, &analysis.settings.rules)
                ),
                // Display only: nothing runs when it is clicked.
                command: String::new(),
                arguments: None,
            }),
            data: None,
        });
    }
    lenses
}

/// `function`, `refactor: 2 blockers`, `container: long-lived-connection`.
pub fn verdict_label(route: &RouteReport, rules: &RuleSet) -> String {
    let blockers = route
        .findings
        .iter()
        .filter(|f| !f.cause && f.at.severity == Severity::Blocker);
    match route.verdict {
        Verdict::Function => "function".to_string(),
        Verdict::Refactor => {
            let n = blockers.count();
            format!("refactor: {n} blocker{}", if n == 1 { "" } else { "s" })
        }
        Verdict::Container => {
            let mut kinds: Vec<&str> = blockers
                .filter(|f| {
                    rules
                        .get(&f.at.rule)
                        .is_some_and(|r| r.needs == Needs::Container)
                })
                .map(|f| f.at.kind.as_str())
                .collect();
            kinds.dedup();
            format!("container: {}", kinds.join(", "))
        }
    }
}
