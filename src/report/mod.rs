//! report: the `Report` value, built once from the assessed program, and one
//! renderer module per format. The JSON form is a public API: its shape is
//! versioned by `SCHEMA_VERSION`.

pub mod baseline;
pub mod causes;
pub mod explain;
pub mod fingerprint;
pub mod folding;
pub mod gitlab;
pub mod json;
pub mod markdown;
pub mod reuse;
pub mod sarif;
pub mod snippets;
pub mod text;

use crate::assess::{Assessed, Verdict};
use crate::discover::SkippedFile;
use crate::extract::facts::Hit;
use crate::link::resolve::Resolution;
use crate::link::{CodeNode, Program};
use crate::rules::{Kind, Rule, RuleSet, Severity};
use rayon::prelude::*;
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
    /// Where the user gave `value` (`--define`, `.carve/config.toml:7`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub defined: Option<String>,
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

/// What every listed finding says about itself: the rule, where, and why.
/// Route findings and the app's finding list share it (flattened: the JSON
/// fields sit directly on the finding).
#[derive(Debug, Clone, Serialize)]
pub struct Located {
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
    /// Identity across commits: stays the same when unrelated lines move it.
    pub fingerprint: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RouteFinding {
    #[serde(flatten)]
    pub at: Located,
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
    /// The other lines of the same rule on the same state in the same
    /// function, listed as this one finding.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_lines: Vec<u32>,
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
    /// How that call was resolved to this function (`import`, `same-file`,
    /// `member`, …; `unique-name` and `shared-name` are guesses by name);
    /// null for the first step.
    pub resolved: Option<Resolution>,
}

/// A finding listed once, with the routes it affects.
#[derive(Debug, Clone, Serialize)]
pub struct FindingReport {
    #[serde(flatten)]
    pub at: Located,
    pub state: Option<String>,
    pub routes: Vec<String>,
    /// The other places the finding stands for: the other hits of its rule
    /// on the same state in its function, or, for a once-per-application
    /// finding, every import line of a heavy package.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Place>,
}

/// A place in the code.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
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
    /// reaches, of a kind that only matters on a route): left out. Matches
    /// of rules that count only as a cause are not counted.
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
                    let guess = if s.resolved.is_some_and(Resolution::is_guess) {
                        ", guessed by name"
                    } else {
                        ""
                    };
                    format!(
                        "{} ({}:{}, called at {}:{at}{guess})",
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
    stats: Stats,
) -> Report {
    build_report_reusing(program, assessed, rules, skipped, stats, None).0
}

/// As `build_report`; with the previous report of the same files (of which
/// one changed since), the routes and findings whose inputs are the same
/// are moved from it instead of built again (`reuse`). Returns the keys to
/// give with this report next time.
pub fn build_report_reusing(
    program: &Program,
    assessed: &Assessed,
    rules: &RuleSet,
    skipped: Vec<SkippedFile>,
    mut stats: Stats,
    previous: Option<reuse::Previous>,
) -> (Report, reuse::Keys) {
    let changed = previous.as_ref().map(|p| p.changed);
    let (mut reusable_routes, mut reusable_findings) = match previous {
        Some(p) => (
            reuse::Reusable::new(p.routes, &p.keys.routes),
            reuse::Reusable::new(p.findings, &p.keys.findings),
        ),
        None => (reuse::Reusable::none(), reuse::Reusable::none()),
    };
    let prints = fingerprint::fingerprints(program, rules, &program.hits);
    let listings = folding::listings(program, rules, &assessed.judged);
    let route_keys: Vec<reuse::Key> = assessed
        .assessments
        .par_iter()
        .map(|a| reuse::route_key(program, &listings, a, &prints, changed))
        .collect();
    let mut routes: Vec<Option<RouteReport>> = route_keys
        .iter()
        .map(|&key| reusable_routes.take(key))
        .collect();
    routes
        .par_iter_mut()
        .zip(&assessed.assessments)
        .filter(|(slot, _)| slot.is_none())
        .for_each(|(slot, a)| *slot = Some(route_report(program, &listings, a, rules, &prints)));
    let routes: Vec<RouteReport> = routes.into_iter().flatten().collect();
    let mut summary = Summary::default();
    // The routes (indices into `routes`) each live hit affects.
    let mut affected: Vec<Vec<usize>> = vec![Vec::new(); program.hits.len()];
    for (report_idx, a) in assessed.assessments.iter().enumerate() {
        for f in a
            .findings
            .iter()
            .filter(|f| listed_on_route(&listings, a, f.live_hit))
        {
            affected[f.live_hit].push(report_idx);
        }
        match a.verdict {
            Verdict::Function => summary.function += 1,
            Verdict::Refactor => summary.refactor += 1,
            Verdict::Container => summary.container += 1,
        }
    }
    summary.routes = routes.len();
    // A match of a rule that counts only as another finding's cause (a
    // session read, a cache store no code uses) or an idle read is left out
    // by design, not for being off the request path.
    stats.findings_off_request_path = program
        .hits
        .iter()
        .zip(&assessed.judged)
        .enumerate()
        .filter(|(live_idx, (live, judged))| {
            !**judged
                && !assessed.idle_reads.contains(live_idx)
                && !rules.rules[program.files[live.file].hits[live.hit].rule()]
                    .when
                    .only_as_cause
        })
        .count();
    let mut listings = listings;
    causes::fold_uses(program, rules, &assessed.judged, &affected, &mut listings);
    let listed: Vec<usize> = (0..program.hits.len())
        .filter(|&live_idx| assessed.judged[live_idx] && !listings.folded[live_idx])
        .collect();
    // The ids of the routes a listed finding affects, its own then those
    // of the hits folded into it, as gathered (sorted when built).
    let route_ids = |live_idx: usize| {
        let members = listings.leads.get(&live_idx).map_or(&[][..], |m| &m.also);
        std::iter::once(live_idx)
            .chain(members.iter().copied())
            .flat_map(|hit| &affected[hit])
            .map(|&r| routes[r].id.as_str())
    };
    let finding_keys: Vec<reuse::Key> = listed
        .par_iter()
        .map(|&live_idx| {
            let merged = listings.leads.get(&live_idx);
            reuse::finding_key(
                program,
                &prints,
                live_idx,
                merged.map_or(&[][..], |m| &m.also),
                merged.map(|m| &m.states[..]),
                route_ids(live_idx),
                changed,
            )
        })
        .collect();
    let mut findings: Vec<(Option<FindingReport>, u64)> = listed
        .iter()
        .zip(&finding_keys)
        .map(|(_, &key)| (reusable_findings.take(key), key.hash))
        .collect();
    findings
        .par_iter_mut()
        .zip(&listed)
        .filter(|((slot, _), _)| slot.is_none())
        .for_each(|((slot, _), &live_idx)| {
            let merged = listings.leads.get(&live_idx);
            let mut ids: Vec<String> = route_ids(live_idx).map(str::to_string).collect();
            ids.sort();
            ids.dedup();
            *slot = Some(finding_report(
                program, rules, &prints, live_idx, merged, ids,
            ));
        });
    let mut findings: Vec<(FindingReport, u64)> = findings
        .into_iter()
        .filter_map(|(f, key)| Some((f?, key)))
        .collect();
    findings.sort_by(|(a, _), (b, _)| {
        (&a.at.file, a.at.line, a.at.column, &a.at.rule).cmp(&(
            &b.at.file,
            b.at.line,
            b.at.column,
            &b.at.rule,
        ))
    });
    let (findings, finding_keys): (Vec<FindingReport>, Vec<u64>) = findings.into_iter().unzip();
    summary.findings = findings.len();
    let path_of = |file: usize| program.files[file].path.clone();
    let suppressed_prints = fingerprint::fingerprints(program, rules, &program.suppressed);
    let mut suppressed: Vec<SuppressedReport> = program
        .suppressed
        .iter()
        .zip(suppressed_prints)
        .filter_map(|(live, fingerprint)| {
            let hit = &program.files[live.file].hits[live.hit];
            let by = hit.suppression()?;
            Some(SuppressedReport {
                rule: rules.rules[hit.rule()].id.clone(),
                file: path_of(live.file),
                line: hit.pos.line,
                column: hit.pos.column,
                message: hit_message(&rules.rules[hit.rule()], hit),
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
    let keys = reuse::Keys {
        routes: route_keys.iter().map(|k| k.hash).collect(),
        findings: finding_keys,
    };
    let report = Report {
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
    };
    (report, keys)
}

/// The name of a call chain's step: `Class.method`, or `<module path>`.
fn step_name(program: &Program, node: CodeNode) -> String {
    let file = &program.files[node.file()];
    match node.def() {
        Some(def) => file.defs[def].qualified_name(),
        None => format!("<module {}>", file.path),
    }
}

/// Whether the route of assessment `a` lists hit `live` itself: a hit
/// folded into the first of its function is listed by that one when the
/// route has it.
fn listed_on_route(
    listings: &folding::Listings,
    a: &crate::assess::Assessment,
    live: usize,
) -> bool {
    listings
        .function_lead
        .get(&live)
        .is_none_or(|lead| !a.findings.iter().any(|f| f.live_hit == *lead))
}

/// The hits folded within their function into `live` (a route finding's
/// `also_lines`).
fn folded_into(listings: &folding::Listings, live: usize) -> impl Iterator<Item = usize> + '_ {
    listings
        .function_members
        .get(&live)
        .map_or(&[][..], |m| &m[..])
        .iter()
        .copied()
}

/// The report of assessment `a`'s route.
fn route_report(
    program: &Program,
    listings: &folding::Listings,
    a: &crate::assess::Assessment,
    rules: &RuleSet,
    prints: &[String],
) -> RouteReport {
    let path_of = |file: usize| program.files[file].path.clone();
    let route = &program.routes[a.route_idx];
    let findings: Vec<RouteFinding> = a
        .findings
        .iter()
        .filter(|f| listed_on_route(listings, a, f.live_hit))
        .map(|f| {
            let live = &program.hits[f.live_hit];
            let hit = &program.files[live.file].hits[live.hit];
            let rule = &rules.rules[hit.rule()];
            RouteFinding {
                at: located(program, rules, prints, f.live_hit, hit_message(rule, hit)),
                new: None,
                cost: f.cost,
                cause: f.is_cause,
                chain: f
                    .chain
                    .iter()
                    .map(|s| ChainStep {
                        function: step_name(program, s.node),
                        file: path_of(s.file),
                        line: s.pos.line,
                        called_at: s.called_at.map(|p| p.line),
                        resolved: s.how,
                    })
                    .collect(),
                also_lines: also_places(program, f.live_hit, folded_into(listings, f.live_hit))
                    .into_iter()
                    .map(|(_, line)| line)
                    .collect(),
            }
        })
        .collect();
    let (import_ms, unmeasured) =
        crate::footprints::import_ms(&route.framework, &a.cold_start_packages);
    RouteReport {
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
                file: p
                    .at
                    .map(|(f, _)| path_of(f))
                    .or_else(|| p.in_settings.as_ref().map(|(f, _)| f.clone())),
                line: p
                    .at
                    .map(|(_, line)| line)
                    .or_else(|| p.in_settings.as_ref().map(|(_, line)| *line)),
                env: p.env.clone(),
                defined: p.defined.clone(),
            })
            .collect(),
        verdict: a.verdict,
        score: a.score,
        cold_start: ColdStart {
            weight: a.cold_start,
            packages: a.cold_start_packages.clone(),
            import_ms,
            unmeasured,
        },
        top_reason: findings
            .iter()
            .find(|f| !f.cause)
            .map(|f| f.at.message.clone()),
        findings,
    }
}

/// The listed finding of `live_idx`, standing for the hits `merged` folds
/// into it, affecting the routes `routes` (sorted).
fn finding_report(
    program: &Program,
    rules: &RuleSet,
    prints: &[String],
    live_idx: usize,
    merged: Option<&folding::Merged>,
    routes: Vec<String>,
) -> FindingReport {
    let path_of = |file: usize| program.files[file].path.clone();
    let live = &program.hits[live_idx];
    let hit = &program.files[live.file].hits[live.hit];
    let rule = &rules.rules[hit.rule()];
    let message = match merged {
        Some(m) if !m.states.is_empty() => rule.message.replace("{state}", &m.states.join("`, `")),
        _ => hit_message(rule, hit),
    };
    let also = also_places(
        program,
        live_idx,
        merged.map_or(&[][..], |m| &m.also).iter().copied(),
    )
    .into_iter()
    .map(|(file, line)| Place {
        file: path_of(file),
        line,
    })
    .collect();
    FindingReport {
        at: located(program, rules, prints, live_idx, message),
        state: live.state_key.clone(),
        routes,
        also,
    }
}

/// The common part of a listed finding: live hit `live_idx` with `message`.
fn located(
    program: &Program,
    rules: &RuleSet,
    prints: &[String],
    live_idx: usize,
    message: String,
) -> Located {
    let live = &program.hits[live_idx];
    let hit = &program.files[live.file].hits[live.hit];
    let rule = &rules.rules[hit.rule()];
    Located {
        rule: rule.id.clone(),
        kind: rule.kind,
        severity: rule.severity,
        file: program.files[live.file].path.clone(),
        line: hit.pos.line,
        column: hit.pos.column,
        end_line: hit.end.line,
        end_column: hit.end.column,
        message,
        help: rule.help.clone(),
        snippet: hit.snippet().to_string(),
        fingerprint: prints[live_idx].clone(),
    }
}

/// The places (file index, line) of the live hits `members` that a finding
/// led by `lead` stands for, in their order: one per line (two uses on one
/// line are one place to look at, and one suppression comment), never the
/// lead's own line.
fn also_places(
    program: &Program,
    lead: usize,
    members: impl Iterator<Item = usize>,
) -> Vec<(usize, u32)> {
    let line_of = |live: usize| {
        let h = &program.hits[live];
        (h.file, program.files[h.file].hits[h.hit].pos.line)
    };
    let own = line_of(lead);
    let mut places: Vec<(usize, u32)> = Vec::new();
    for place in members.map(line_of) {
        if place != own && !places.contains(&place) {
            places.push(place);
        }
    }
    places
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
