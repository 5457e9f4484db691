//! Markdown for a pull-request comment or a job summary: counts by verdict,
//! the routes worst first, a collapsible section per route with findings,
//! snippets and call chains, and a Mermaid graph of routes and the shared
//! state they touch. It stays under GitHub's comment limit by summarising
//! whole sections, never by cutting one.

use super::{chain_text, Report, RouteReport};
use crate::assess::Verdict;
use crate::graph::mermaid_label as label;
use crate::rules::Severity;
use std::collections::BTreeMap;
use std::fmt::Write;

/// GitHub rejects comments over 65,536 characters; keep a margin for the
/// text a workflow adds around ours.
pub const COMMENT_LIMIT: usize = 60_000;
/// Most shared-state nodes drawn in the graph.
const MAX_STATES: usize = 40;

/// How much detail a rendering carries; tried from the first to the last
/// until the comment fits.
#[derive(Debug, Clone, Copy)]
struct Detail {
    /// Routes listed in the table and given a details section.
    routes: usize,
    snippets: bool,
    chains: bool,
}

const DETAILS: [Detail; 5] = [
    Detail {
        routes: usize::MAX,
        snippets: true,
        chains: true,
    },
    Detail {
        routes: usize::MAX,
        snippets: false,
        chains: true,
    },
    Detail {
        routes: 100,
        snippets: false,
        chains: false,
    },
    Detail {
        routes: 30,
        snippets: false,
        chains: false,
    },
    Detail {
        routes: 10,
        snippets: false,
        chains: false,
    },
];

pub fn render(report: &Report) -> String {
    render_within(report, COMMENT_LIMIT)
}

/// The most detailed rendering that fits in `limit` characters.
pub fn render_within(report: &Report, limit: usize) -> String {
    let mut routes: Vec<&RouteReport> = report.routes.iter().collect();
    // Worst first: verdict, then score, then the route id.
    routes.sort_by(|a, b| (b.verdict, a.score, &a.id).cmp(&(a.verdict, b.score, &b.id)));
    let mut text = String::new();
    for detail in DETAILS {
        text = render_with(report, &routes, detail);
        if text.chars().count() <= limit {
            break;
        }
    }
    text
}

fn icon(v: Verdict) -> &'static str {
    match v {
        Verdict::Function => "🟢",
        Verdict::Refactor => "🟡",
        Verdict::Container => "🔴",
    }
}

fn render_with(report: &Report, routes: &[&RouteReport], detail: Detail) -> String {
    let mut out = String::new();
    let s = &report.summary;
    let _ = writeln!(
        out,
        "## carve: {} routes: {} {} function · {} {} refactor · {} {} container\n",
        s.routes,
        icon(Verdict::Function),
        s.function,
        icon(Verdict::Refactor),
        s.refactor,
        icon(Verdict::Container),
        s.container
    );
    if let Some(diff) = &report.baseline {
        let _ = writeln!(
            out,
            "**Against the baseline: {} new, {} fixed**; {} route(s) worse, {} better, {} new, {} removed.\n",
            diff.new_findings,
            diff.fixed.len(),
            diff.worse_routes.len(),
            diff.better_routes.len(),
            diff.new_routes.len(),
            diff.removed_routes.len()
        );
        for change in &diff.worse_routes {
            let _ = writeln!(
                out,
                "- `{}` got worse: {} → {} {}",
                change.route,
                change.from.as_str(),
                icon(change.to),
                change.to.as_str()
            );
        }
        for fixed in &diff.fixed {
            let _ = writeln!(
                out,
                "- fixed: `{}` at `{}:{}`: {}",
                fixed.rule,
                fixed.file,
                fixed.line,
                escape(&fixed.message)
            );
        }
        if !diff.worse_routes.is_empty() || !diff.fixed.is_empty() {
            out.push('\n');
        }
    }
    let _ = writeln!(
        out,
        "{} findings, {} suppressed, in {} files. `function`: can run as a serverless function as is; `refactor`: only blockers with a known remedy; `container`: needs a long-lived process.\n",
        s.findings, s.suppressed, report.stats.files
    );
    if routes.is_empty() {
        out.push_str(if report.baseline.is_some() {
            "No route is new or worse than the baseline.\n"
        } else {
            "No routes found.\n"
        });
        return out;
    }
    render_table(&mut out, routes, detail);
    render_details(&mut out, routes, detail);
    render_graph(&mut out, report);
    out
}

fn render_table(out: &mut String, routes: &[&RouteReport], detail: Detail) {
    let _ = writeln!(
        out,
        "| route | verdict | score | top reason |\n|---|---|---|---|"
    );
    for r in routes.iter().take(detail.routes) {
        let _ = writeln!(
            out,
            "| `{}` | {} {} | {} | {} |",
            r.id.replace('|', "\\|"),
            icon(r.verdict),
            r.verdict.as_str(),
            r.score,
            r.top_reason.as_deref().map_or("".to_string(), escape)
        );
    }
    let rest = &routes[routes.len().min(detail.routes)..];
    if !rest.is_empty() {
        let mut counts: BTreeMap<Verdict, usize> = BTreeMap::new();
        for r in rest {
            *counts.entry(r.verdict).or_default() += 1;
        }
        let counts: Vec<String> = counts
            .iter()
            .rev()
            .map(|(v, n)| format!("{n} {}", v.as_str()))
            .collect();
        let _ = writeln!(
            out,
            "| … {} more routes ({}) | | | see the JSON or SARIF report |",
            rest.len(),
            counts.join(", ")
        );
    }
    out.push('\n');
}

fn render_details(out: &mut String, routes: &[&RouteReport], detail: Detail) {
    let with_findings: Vec<&&RouteReport> = routes
        .iter()
        .take(detail.routes)
        .filter(|r| !r.findings.is_empty())
        .collect();
    if with_findings.is_empty() {
        return;
    }
    let _ = writeln!(out, "### Why\n");
    for r in with_findings {
        let blockers = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Blocker && !f.cause)
            .count();
        let _ = writeln!(
            out,
            "<details><summary><code>{}</code>: {} {} ({}), {} blocker(s), handler <code>{}</code> at {}:{}</summary>\n",
            html(&r.id),
            icon(r.verdict),
            r.verdict.as_str(),
            r.score,
            blockers,
            html(&r.handler),
            html(&r.file),
            r.line
        );
        for f in &r.findings {
            let tag = match (f.cause, f.new) {
                (true, _) => "cause",
                (false, Some(true)) => "**new**",
                _ => f.severity.as_str(),
            };
            let _ = writeln!(
                out,
                "- {tag} `{}` at `{}:{}` (−{}): {}",
                f.rule,
                f.file,
                f.line,
                f.cost,
                escape(&f.message)
            );
            if detail.snippets && !f.snippet.is_empty() {
                let _ = writeln!(
                    out,
                    "  ```{}\n  {}\n  ```",
                    fence_language(&f.file),
                    f.snippet.replace("```", "`\u{200b}``")
                );
            }
            if detail.chains && f.chain.len() > 1 {
                let _ = writeln!(out, "  via {}", escape(&chain_text(&f.chain)));
            }
            let _ = writeln!(out, "  Remedy: {}", escape(&f.help));
        }
        let _ = writeln!(out, "\n</details>\n");
    }
}

/// Routes and the shared state they touch: state that must move with them.
fn render_graph(out: &mut String, report: &Report) {
    let mut states: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for f in &report.findings {
        if let (Some(state), true) = (&f.state, f.kind.is_shared_state()) {
            if !f.routes.is_empty() {
                states
                    .entry(state)
                    .or_default()
                    .extend(f.routes.iter().map(String::as_str));
            }
        }
    }
    if states.is_empty() {
        return;
    }
    let verdicts: BTreeMap<&str, Verdict> = report
        .routes
        .iter()
        .map(|r| (r.id.as_str(), r.verdict))
        .collect();
    let shown = states.len().min(MAX_STATES);
    let _ = writeln!(out, "### Shared state\n");
    if states.len() > shown {
        let _ = writeln!(
            out,
            "The {shown} first of {} shared states:\n",
            states.len()
        );
    }
    let _ = writeln!(out, "```mermaid\nflowchart LR");
    let mut route_ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, (state, routes)) in states.iter().take(shown).enumerate() {
        let _ = writeln!(out, "  s{i}[(\"{}\")]", label(state));
        let mut routes = routes.clone();
        routes.sort_unstable();
        routes.dedup();
        for route in routes {
            let next = route_ids.len();
            let id = *route_ids.entry(route).or_insert_with(|| {
                let class = verdicts.get(route).map_or("function", |v| v.as_str());
                let _ = writeln!(out, "  r{next}[\"{}\"]:::{class}", label(route));
                next
            });
            let _ = writeln!(out, "  r{id} --> s{i}");
        }
    }
    let _ = writeln!(
        out,
        "  classDef function fill:#d4f7d4,stroke:#2a2\n  classDef refactor fill:#fff3c4,stroke:#b80\n  classDef container fill:#ffd6d6,stroke:#c22\n```\n"
    );
}

/// Text in a table cell or list item: no pipes, no line breaks, no HTML.
fn escape(text: &str) -> String {
    html(text).replace('|', "\\|").replace('\n', " ")
}

fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn fence_language(file: &str) -> &'static str {
    match file.rsplit('.').next() {
        Some("py") => "python",
        Some("ts" | "tsx" | "mts" | "cts") => "ts",
        _ => "js",
    }
}
