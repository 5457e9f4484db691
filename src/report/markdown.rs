//! Markdown for a pull-request comment or a job summary: counts by verdict,
//! the routes worst first, a collapsible section per route with findings,
//! snippets and call chains, and a Mermaid graph of routes and the shared
//! state they touch. It stays under GitHub's comment limit by summarising
//! whole sections, never by cutting one.

use super::{chain_text, Report, RouteReport};
use crate::assess::Verdict;
use crate::graph::{mermaid_classes, mermaid_label as label};
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
    /// Whether routes with the `function` verdict get a row of their own.
    function_rows: bool,
    snippets: bool,
    chains: bool,
}

const DETAILS: [Detail; 7] = [
    Detail {
        routes: usize::MAX,
        function_rows: true,
        snippets: true,
        chains: true,
    },
    Detail {
        routes: usize::MAX,
        function_rows: true,
        snippets: false,
        chains: true,
    },
    Detail {
        routes: usize::MAX,
        function_rows: false,
        snippets: false,
        chains: true,
    },
    Detail {
        routes: usize::MAX,
        function_rows: false,
        snippets: false,
        chains: false,
    },
    Detail {
        routes: 100,
        function_rows: false,
        snippets: false,
        chains: false,
    },
    Detail {
        routes: 30,
        function_rows: false,
        snippets: false,
        chains: false,
    },
    Detail {
        routes: 10,
        function_rows: false,
        snippets: false,
        chains: false,
    },
];

/// `link_base` (`https://github.com/o/r/blob/<sha>`) makes every location
/// a link to its line.
pub fn render(report: &Report, link_base: Option<&str>) -> String {
    render_within(report, COMMENT_LIMIT, link_base)
}

/// Writes `file:line`, as a link when a base URL is known.
#[derive(Clone, Copy)]
struct Locator<'a>(Option<&'a str>);

impl Locator<'_> {
    fn url(self, file: &str, line: u32) -> Option<String> {
        self.0.map(|base| {
            let path = super::uri_path(file);
            format!("{}/{path}#L{line}", base.trim_end_matches('/'))
        })
    }

    /// For Markdown text.
    fn md(self, file: &str, line: u32) -> String {
        match self.url(file, line) {
            Some(url) => format!("[`{file}:{line}`]({url})"),
            None => format!("`{file}:{line}`"),
        }
    }

    /// For HTML (inside `<summary>`).
    fn html(self, file: &str, line: u32) -> String {
        match self.url(file, line) {
            Some(url) => format!("<a href=\"{}\">{}:{line}</a>", html(&url), html(file)),
            None => format!("{}:{line}", html(file)),
        }
    }
}

/// The most detailed rendering that fits in `limit` characters.
pub fn render_within(report: &Report, limit: usize, link_base: Option<&str>) -> String {
    let at = Locator(link_base);
    let mut routes: Vec<&RouteReport> = report.routes.iter().collect();
    // Worst first: verdict, then score, then the route id.
    routes.sort_by(|a, b| (b.verdict, a.score, &a.id).cmp(&(a.verdict, b.score, &b.id)));
    let mut text = String::new();
    for detail in DETAILS {
        text = render_with(report, &routes, detail, at);
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

fn render_with(report: &Report, routes: &[&RouteReport], detail: Detail, at: Locator) -> String {
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
        let _ = writeln!(out, "**Against the baseline:** {}.\n", diff.counts());
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
                "- fixed: `{}` at `{}:{}` (in the baseline): {}",
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
    let (mut listed, mut rest) = (Vec::new(), Vec::new());
    for (i, &r) in routes.iter().enumerate() {
        if i < detail.routes && (detail.function_rows || r.verdict != Verdict::Function) {
            listed.push(r);
        } else {
            rest.push(r);
        }
    }
    render_table(&mut out, &listed, &rest);
    render_details(&mut out, &listed, detail, at);
    render_graph(&mut out, report);
    out
}

fn render_table(out: &mut String, listed: &[&RouteReport], rest: &[&RouteReport]) {
    let _ = writeln!(
        out,
        "| route | verdict | score | top reason |\n|---|---|---|---|"
    );
    for r in listed {
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

fn render_details(out: &mut String, listed: &[&RouteReport], detail: Detail, at: Locator) {
    let with_findings: Vec<&&RouteReport> =
        listed.iter().filter(|r| !r.findings.is_empty()).collect();
    if with_findings.is_empty() {
        return;
    }
    let _ = writeln!(out, "### Why\n");
    for r in with_findings {
        let blockers = r
            .findings
            .iter()
            .filter(|f| f.at.severity == Severity::Blocker && !f.cause)
            .count();
        let _ = writeln!(
            out,
            "<details><summary><code>{}</code>: {} {} ({}), {} blocker(s), handler <code>{}</code> at {}</summary>\n",
            html(&r.id),
            icon(r.verdict),
            r.verdict.as_str(),
            r.score,
            blockers,
            html(&r.handler),
            at.html(&r.file, r.line)
        );
        for f in &r.findings {
            let tag = match (f.cause, f.new) {
                (true, _) => "cause",
                (false, Some(true)) => "**new**",
                _ => f.at.severity.as_str(),
            };
            let _ = writeln!(
                out,
                "- {tag} `{}` at {} (−{}): {}",
                f.at.rule,
                at.md(&f.at.file, f.at.line),
                f.cost,
                escape(&f.at.message)
            );
            if detail.snippets && !f.at.snippet.is_empty() {
                let _ = writeln!(
                    out,
                    "  ```{}\n  {}\n  ```",
                    fence_language(&f.at.file),
                    f.at.snippet.replace("```", "`\u{200b}``")
                );
            }
            if detail.chains && f.chain.len() > 1 {
                let _ = writeln!(out, "  via {}", escape(&chain_text(&f.chain)));
            }
        }
        let _ = writeln!(out, "\n</details>\n");
    }
    // Each rule's remedy once, not once per finding.
    let remedies: BTreeMap<&str, &str> = listed
        .iter()
        .flat_map(|r| &r.findings)
        .map(|f| (f.at.rule.as_str(), f.at.help.as_str()))
        .collect();
    let _ = writeln!(out, "### Remedies\n");
    for (rule, help) in remedies {
        let _ = writeln!(out, "- `{rule}`: {}", escape(help));
    }
    out.push('\n');
}

/// Routes and the shared state they touch: state that must move with them.
fn render_graph(out: &mut String, report: &Report) {
    let mut states: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for f in &report.findings {
        if let (Some(state), true) = (&f.state, f.at.kind.is_shared_state()) {
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
    out.push_str(&mermaid_classes(&["function", "refactor", "container"]));
    out.push_str("```\n\n");
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
    crate::lang::Lang::from_path(std::path::Path::new(file)).map_or("", |l| l.fence())
}
