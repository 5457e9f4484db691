//! report: the `Report` value, built once from the assessed program, and one
//! renderer module per format. The JSON form is a public API: its shape is
//! versioned by `SCHEMA_VERSION`.

pub mod baseline;
pub mod causes;
pub mod explain;
pub mod fingerprint;
pub mod gitlab;
pub mod json;
pub mod markdown;
pub mod per_app;
pub mod sarif;
pub mod text;

use crate::assess::{Assessed, Verdict};
use crate::discover::SkippedFile;
use crate::extract::facts::Hit;
use crate::link::{CodeNode, Program};
use crate::rules::{Kind, Rule, RuleSet, Severity};
use serde::Serialize;

/// Bump when the JSON shape changes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub summary: Summary,
    pub routes: Vec<RouteReport>,
    pub findings: Vec<FindingReport>,
    pub groups: Vec<GroupReport>,
    pub suppressed: Vec<SuppressedReport>,
    /// `carve: ignore` comments that suppressed nothing (stale or misspelt).
    pub unused_suppressions: Vec<UnusedSuppressionReport>,
    /// Only with `--baseline`: what changed against it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<baseline::BaselineDiff>,
    pub skipped: Vec<SkippedFile>,
    pub stats: Stats,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub routes: usize,
    pub function: usize,
    pub refactor: usize,
    pub container: usize,
    pub findings: usize,
    pub suppressed: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct RouteReport {
    /// `METHOD /path`, what `carve explain` takes.
    pub id: String,
    pub method: String,
    pub path: String,
    pub framework: String,
    pub file: String,
    pub line: u32,
    pub handler: String,
    pub verdict: Verdict,
    pub score: u32,
    pub cold_start: ColdStart,
    /// The heaviest blocker's message, or the heaviest advisory's.
    pub top_reason: Option<String>,
    pub findings: Vec<RouteFinding>,
    /// Prefixes of the path written as names (`settings.API_V1_STR`), with
    /// where each value came from; absent when every prefix is a literal.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prefixes: Vec<PrefixSource>,
}

/// A prefix written as a name and its value: a constant, a settings default,
/// the default of an environment variable, or unresolved (`value` null; the
/// path shows `{name}`).
#[derive(Debug, Clone, Serialize)]
pub struct PrefixSource {
    pub name: String,
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The environment variable that overrides `value` at run time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub env: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ColdStart {
    pub weight: u32,
    pub packages: Vec<String>,
    /// Measured import time of those packages (`data/footprints.toml`).
    pub import_ms: u32,
    /// Packages with no measurement: their import time is not in `import_ms`.
    pub unmeasured: Vec<String>,
}

impl ColdStart {
    /// `numpy, pandas; +441 ms measured import time`.
    pub fn describe(&self) -> String {
        let mut text = self.packages.join(", ");
        if self.import_ms > 0 {
            text.push_str(&format!("; +{} ms measured import time", self.import_ms));
        }
        if !self.unmeasured.is_empty() {
            text.push_str(&format!(
                "; import time not measured for {}",
                self.unmeasured.join(", ")
            ));
        }
        text
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RouteFinding {
    pub rule: String,
    pub kind: Kind,
    pub severity: Severity,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub message: String,
    pub help: String,
    /// The finding's source line, trimmed.
    pub snippet: String,
    /// Identity across commits (see `FindingReport::fingerprint`).
    pub fingerprint: String,
    /// Only with `--baseline`: whether the baseline lacks this finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<bool>,
    /// Score points this finding cost the route.
    pub cost: u32,
    /// Evidence for another finding of the route (the session store behind a
    /// session use): it costs nothing and does not decide the verdict.
    pub cause: bool,
    /// From the handler to the function holding the finding.
    pub chain: Vec<ChainStep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainStep {
    pub function: String,
    pub file: String,
    /// Where the function is defined.
    pub line: u32,
    /// Where the previous step calls it (in the previous step's file); null
    /// for the first step.
    pub called_at: Option<u32>,
}

/// A finding listed once, with the routes it affects.
#[derive(Debug, Clone, Serialize)]
pub struct FindingReport {
    pub rule: String,
    pub kind: Kind,
    pub severity: Severity,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub message: String,
    pub help: String,
    pub snippet: String,
    /// Identity across commits: stays the same when unrelated lines move it.
    pub fingerprint: String,
    pub state: Option<String>,
    pub routes: Vec<String>,
    /// The other places a once-per-application finding stands for (every
    /// import line of a heavy package).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Place>,
}

/// A place in the code.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub file: String,
    pub line: u32,
}

/// A `carve: ignore[...]` comment that covered no finding.
#[derive(Debug, Clone, Serialize)]
pub struct UnusedSuppressionReport {
    pub file: String,
    pub line: u32,
    pub names: Vec<String>,
}

/// A finding that a `carve: ignore[...]` comment turned off.
#[derive(Debug, Clone, Serialize)]
pub struct SuppressedReport {
    pub rule: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub fingerprint: String,
    /// The comment's reason; null when it gave none.
    pub reason: Option<String>,
    /// The line of the comment.
    pub comment_line: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupReport {
    /// The state the routes share: `global-state:app/state.py:VISITS`.
    pub state: Vec<String>,
    pub routes: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub files: usize,
    pub bytes: usize,
    pub lines: usize,
    pub parse_errors: usize,
    pub files_with_parse_errors: Vec<String>,
    /// Files whose analysis stopped at its work budget (deeply nested code):
    /// their results are partial.
    pub files_partial: Vec<String>,
    /// Rule hits in code that never runs on the server (browser code,
    /// scripts no server file imports): left out of the report.
    pub findings_outside_server: usize,
    /// Rule hits in server code off the request path (a function no route
    /// reaches, of a kind that only matters on a route): left out.
    pub findings_off_request_path: usize,
    pub rules: usize,
    pub duration_ms: u64,
}

/// A call chain in one line: `list (a.js:9) → find (b.js:4, called at a.js:12)`.
pub fn chain_text(chain: &[ChainStep]) -> String {
    chain
        .iter()
        .enumerate()
        .map(
            |(i, s)| match (s.called_at, i.checked_sub(1).map(|p| &chain[p])) {
                (Some(at), Some(caller)) => {
                    format!(
                        "{} ({}:{}, called at {}:{at})",
                        s.function, s.file, s.line, caller.file
                    )
                }
                _ => format!("{} ({}:{})", s.function, s.file, s.line),
            },
        )
        .collect::<Vec<_>>()
        .join(" → ")
}

/// A relative path as an RFC 3986 URI reference: every byte but unreserved
/// characters and `/` percent-encoded (`[id].ts` → `%5Bid%5D.ts`).
pub fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The message of a hit, with `{state}` and `{target}` filled in.
pub fn hit_message(rule: &Rule, hit: &Hit) -> String {
    let mut msg = rule.message.clone();
    if let Some(state) = &hit.state {
        msg = msg.replace("{state}", state);
    }
    if let Some(target) = &hit.target {
        msg = msg.replace("{target}", target);
    }
    msg
}

/// Builds the report. `skipped` and `stats` come from the scan driver.
pub fn build_report(
    program: &Program,
    assessed: &Assessed,
    rules: &RuleSet,
    skipped: Vec<SkippedFile>,
    mut stats: Stats,
) -> Report {
    let path_of = |file: usize| program.files[file].path.clone();
    let step_name = |node: CodeNode| match node {
        CodeNode::Def { file, def } => program.files[file].defs[def].qualified_name(),
        CodeNode::Module { file } => format!("<module {}>", program.files[file].path),
    };
    let prints = fingerprint::fingerprints(program, rules, &program.hits);
    let mut routes = Vec::new();
    let mut affected: Vec<Vec<String>> = vec![Vec::new(); program.hits.len()];
    let mut summary = Summary::default();
    for a in &assessed.assessments {
        let route = &program.routes[a.route_idx];
        let findings: Vec<RouteFinding> = a
            .findings
            .iter()
            .map(|f| {
                let live = &program.hits[f.live_hit];
                let hit = &program.files[live.file].hits[live.hit];
                let rule = &rules.rules[hit.rule];
                affected[f.live_hit].push(route.id());
                RouteFinding {
                    rule: rule.id.clone(),
                    kind: rule.kind,
                    severity: rule.severity,
                    file: path_of(live.file),
                    line: hit.pos.line,
                    column: hit.pos.column,
                    end_line: hit.end.line,
                    end_column: hit.end.column,
                    message: hit_message(rule, hit),
                    help: rule.help.clone(),
                    snippet: hit.snippet.clone(),
                    fingerprint: prints[f.live_hit].clone(),
                    new: None,
                    cost: f.cost,
                    cause: f.is_cause,
                    chain: f
                        .chain
                        .iter()
                        .map(|s| ChainStep {
                            function: step_name(s.node),
                            file: path_of(s.file),
                            line: s.pos.line,
                            called_at: s.called_at.map(|p| p.line),
                        })
                        .collect(),
                }
            })
            .collect();
        match a.verdict {
            Verdict::Function => summary.function += 1,
            Verdict::Refactor => summary.refactor += 1,
            Verdict::Container => summary.container += 1,
        }
        routes.push(RouteReport {
            id: route.id(),
            method: route.method.clone(),
            path: route.path.clone(),
            framework: route.framework.clone(),
            file: path_of(route.file),
            line: route.pos.line,
            handler: route.handler_name.clone(),
            prefixes: route
                .prefixes
                .iter()
                .map(|p| PrefixSource {
                    name: p.name.clone(),
                    value: p.value.clone(),
                    file: p.at.map(|(f, _)| path_of(f)),
                    line: p.at.map(|(_, line)| line),
                    env: p.env.clone(),
                })
                .collect(),
            verdict: a.verdict,
            score: a.score,
            cold_start: {
                let (import_ms, unmeasured) =
                    crate::footprints::import_ms(&route.framework, &a.cold_start_packages);
                ColdStart {
                    weight: a.cold_start,
                    packages: a.cold_start_packages.clone(),
                    import_ms,
                    unmeasured,
                }
            },
            top_reason: findings
                .iter()
                .find(|f| !f.cause)
                .map(|f| f.message.clone()),
            findings,
        });
    }
    summary.routes = routes.len();
    stats.findings_off_request_path = assessed.judged.iter().filter(|&&j| !j).count();
    let mut listings = per_app::listings(program, rules, &assessed.judged);
    causes::fold_uses(program, rules, &assessed.judged, &affected, &mut listings);
    let mut findings: Vec<FindingReport> = program
        .hits
        .iter()
        .enumerate()
        .filter(|&(live_idx, _)| assessed.judged[live_idx] && !listings.folded[live_idx])
        .map(|(live_idx, live)| {
            let hit = &program.files[live.file].hits[live.hit];
            let rule = &rules.rules[hit.rule];
            let merged = listings.leads.get(&live_idx);
            let members = merged.map_or(&[][..], |m| &m.also);
            let mut routes = std::mem::take(&mut affected[live_idx]);
            for &other in members {
                routes.extend(affected[other].iter().cloned());
            }
            routes.sort();
            routes.dedup();
            let message = match merged {
                Some(m) if !m.states.is_empty() => {
                    rule.message.replace("{state}", &m.states.join("`, `"))
                }
                _ => hit_message(rule, hit),
            };
            let also = members
                .iter()
                .map(|&other| {
                    let o = &program.hits[other];
                    Place {
                        file: path_of(o.file),
                        line: program.files[o.file].hits[o.hit].pos.line,
                    }
                })
                .collect();
            FindingReport {
                rule: rule.id.clone(),
                kind: rule.kind,
                severity: rule.severity,
                file: path_of(live.file),
                line: hit.pos.line,
                column: hit.pos.column,
                end_line: hit.end.line,
                end_column: hit.end.column,
                message,
                help: rule.help.clone(),
                snippet: hit.snippet.clone(),
                fingerprint: prints[live_idx].clone(),
                state: live.state_key.clone(),
                routes,
                also,
            }
        })
        .collect();
    findings.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.rule).cmp(&(&b.file, b.line, b.column, &b.rule))
    });
    summary.findings = findings.len();
    let suppressed_prints = fingerprint::fingerprints(program, rules, &program.suppressed);
    let mut suppressed: Vec<SuppressedReport> = program
        .suppressed
        .iter()
        .zip(suppressed_prints)
        .filter_map(|(live, fingerprint)| {
            let hit = &program.files[live.file].hits[live.hit];
            let by = hit.suppressed.as_ref()?;
            Some(SuppressedReport {
                rule: rules.rules[hit.rule].id.clone(),
                file: path_of(live.file),
                line: hit.pos.line,
                column: hit.pos.column,
                message: hit_message(&rules.rules[hit.rule], hit),
                fingerprint,
                reason: by.reason.clone(),
                comment_line: by.line,
            })
        })
        .collect();
    suppressed.sort_by(|a, b| (&a.file, a.line, &a.rule).cmp(&(&b.file, b.line, &b.rule)));
    summary.suppressed = suppressed.len();
    let groups = assessed
        .groups
        .iter()
        .map(|g| GroupReport {
            state: g.state.clone(),
            routes: g.routes.iter().map(|&r| program.routes[r].id()).collect(),
        })
        .collect();
    Report {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "carve".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        },
        summary,
        routes,
        findings,
        groups,
        suppressed,
        unused_suppressions: program
            .files
            .iter()
            .flat_map(|f| {
                f.unused_suppressions
                    .iter()
                    .map(|u| UnusedSuppressionReport {
                        file: f.path.clone(),
                        line: u.line,
                        names: u.names.clone(),
                    })
            })
            .collect(),
        baseline: None,
        skipped,
        stats,
    }
}

#[cfg(test)]
mod tests {
    use super::uri_path;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            uri_path("app/api/[id]/route.ts"),
            "app/api/%5Bid%5D/route.ts"
        );
        assert_eq!(uri_path("a b/é.py"), "a%20b/%C3%A9.py");
        assert_eq!(uri_path("src/(shop)/app.js"), "src/%28shop%29/app.js");
    }
}
