//! SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one result
//! per finding with the routes it blocks, the handler → finding call chain
//! as a code flow, fingerprints that survive line shifts, and suppressed
//! findings marked as suppressed in source.

use super::{uri_path, FindingReport, Report, RouteFinding, RouteReport};
use crate::rules::{Rule, RuleSet, Severity};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/carve-dev/carve";
/// Most code flows shown per finding; the rest of the routes are named in
/// the message and properties.
const MAX_FLOWS: usize = 10;

pub fn render(report: &Report, rules: &RuleSet) -> String {
    let used: BTreeSet<&str> = report
        .findings
        .iter()
        .map(|f| f.at.rule.as_str())
        .chain(report.suppressed.iter().map(|s| s.rule.as_str()))
        .collect();
    let driver_rules: Vec<&Rule> = used.iter().filter_map(|id| rules.get(id)).collect();
    let index: BTreeMap<&str, usize> = driver_rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    // The route findings behind each finding, for code flows.
    let mut on_routes: BTreeMap<&str, Vec<(&RouteReport, &RouteFinding)>> = BTreeMap::new();
    for route in &report.routes {
        for f in &route.findings {
            on_routes
                .entry(f.at.fingerprint.as_str())
                .or_default()
                .push((route, f));
        }
    }
    let mut results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let routes = on_routes
                .get(f.at.fingerprint.as_str())
                .map_or(&[][..], |v| v);
            finding_result(f, routes, &index, report.baseline.is_some())
        })
        .collect();
    results.extend(report.suppressed.iter().map(|s| {
        json!({
            "ruleId": s.rule,
            "ruleIndex": index.get(s.rule.as_str()),
            "level": "note",
            "message": { "text": s.message },
            "locations": [location(&s.file, s.line, s.column, None, None)],
            "partialFingerprints": { "carve/v1": s.fingerprint },
            "suppressions": [{
                "kind": "inSource",
                "justification": s.reason.clone().unwrap_or_else(|| "no reason given".into()),
            }],
        })
    }));
    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "carve",
                "version": report.tool.version,
                "semanticVersion": report.tool.version,
                "informationUri": INFORMATION_URI,
                "rules": driver_rules.iter().map(|r| rule_descriptor(r)).collect::<Vec<_>>(),
            }},
            "originalUriBaseIds": { "%SRCROOT%": {
                "description": { "text": "The root of the scanned repository." }
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {
                "routes": report.summary.routes,
                "function": report.summary.function,
                "refactor": report.summary.refactor,
                "container": report.summary.container,
            },
        }],
    });
    let mut text = serde_json::to_string_pretty(&sarif).unwrap_or_default();
    text.push('\n');
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Blocker => "error",
        Severity::Advisory => "warning",
    }
}

fn rule_descriptor(rule: &Rule) -> Value {
    let (summary, paragraph) = doc_summary(&rule.doc);
    json!({
        "id": rule.id,
        "name": pascal_case(rule.id.rsplit('/').next().unwrap_or(&rule.id)),
        "shortDescription": { "text": summary },
        "fullDescription": { "text": paragraph },
        "help": {
            "text": rule.help,
            "markdown": format!("**Remedy:** {}\n\n{}", rule.help, rule.doc.trim()),
        },
        "helpUri": format!("{INFORMATION_URI}/blob/main/docs/rules.md#{}", rule.id.replace('/', "")),
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": {
            "tags": ["serverless", rule.kind.as_str(), rule.severity.as_str()],
            "precision": "high",
        },
    })
}

/// `js-db-connect` → `JsDbConnect`, the form SARIF viewers expect of a name.
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A rule's one-line summary and its description: the first section of its
/// documentation (`## What it does`) as plain lines, at most 1,000 characters.
fn doc_summary(doc: &str) -> (String, String) {
    let section: Vec<&str> = doc
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty() || l.starts_with('#'))
        .take_while(|l| !l.starts_with('#'))
        .filter(|l| !l.is_empty())
        .collect();
    let mut description = section.join(" ");
    if let Some((cut, _)) = description.char_indices().nth(1000) {
        description.truncate(cut);
        description.push('…');
    }
    // Up to the end of the first sentence, or the colon that opens a list.
    let end = description
        .char_indices()
        .find(|&(i, c)| {
            let next = description[i + c.len_utf8()..].chars().nth(1);
            (c == ':' && description[i + 1..].starts_with(' '))
                || (c == '.'
                    && description[i + 1..].starts_with(' ')
                    && next.is_some_and(char::is_uppercase))
        })
        .map_or(description.len(), |(i, _)| i);
    let first = description[..end].trim_end_matches(['.', ':']);
    let summary = format!("{first}.");
    (summary, description)
}

fn location(
    file: &str,
    line: u32,
    column: u32,
    end: Option<(u32, u32)>,
    snippet: Option<&str>,
) -> Value {
    let mut region = json!({ "startLine": line, "startColumn": column });
    if let Some((end_line, end_column)) = end {
        region["endLine"] = json!(end_line);
        region["endColumn"] = json!(end_column);
    }
    if let Some(text) = snippet {
        region["snippet"] = json!({ "text": text });
    }
    json!({ "physicalLocation": {
        "artifactLocation": { "uri": uri_path(file), "uriBaseId": "%SRCROOT%" },
        "region": region,
    }})
}

/// A thread-flow step: a location with what happens there.
fn flow_step(mut location: Value, message: &str) -> Value {
    location["message"] = json!({ "text": message });
    json!({ "location": location })
}

fn finding_result(
    f: &FindingReport,
    on_routes: &[(&RouteReport, &RouteFinding)],
    index: &BTreeMap<&str, usize>,
    with_baseline: bool,
) -> Value {
    let blocks = match f.routes.len() {
        0 => "No route reaches it.".to_string(),
        1..=5 => format!("Affects {}.", f.routes.join(", ")),
        n => format!(
            "Affects {}, and {} more routes.",
            f.routes[..5].join(", "),
            n - 5
        ),
    };
    // The other places the finding stands for, then the routes it affects.
    let also = f.also.iter().map(|place| {
        let mut loc = location(&place.file, place.line, 1, None, None);
        loc["message"] = json!({ "text": "also here" });
        loc
    });
    let routes = on_routes.iter().map(|(route, _)| {
        let mut loc = location(&route.file, route.line, 1, None, None);
        loc["message"] = json!({ "text": format!("route {} ({})", route.id, route.handler) });
        loc
    });
    let related: Vec<Value> = also
        .chain(routes)
        .enumerate()
        .map(|(i, mut loc)| {
            loc["id"] = json!(i);
            loc
        })
        .collect();
    let flows: Vec<Value> = on_routes
        .iter()
        .filter(|(_, rf)| !rf.chain.is_empty())
        .take(MAX_FLOWS)
        .map(|(route, rf)| {
            let mut steps: Vec<Value> = rf
                .chain
                .iter()
                .enumerate()
                .map(|(i, step)| {
                    let what = match (i, step.called_at) {
                        (0, _) => format!("{} handles {}", step.function, route.id),
                        (_, Some(at)) if step.resolved.is_some_and(|r| r.is_guess()) => {
                            format!("{} (called at line {at}, guessed by name)", step.function)
                        }
                        (_, Some(at)) => format!("{} (called at line {at})", step.function),
                        _ => step.function.clone(),
                    };
                    flow_step(location(&step.file, step.line, 1, None, None), &what)
                })
                .collect();
            steps.push(flow_step(
                location(&rf.at.file, rf.at.line, rf.at.column, None, None),
                &rf.at.message,
            ));
            json!({
                "message": { "text": format!("{} → {}", route.id, rf.at.rule) },
                "threadFlows": [{ "locations": steps }],
            })
        })
        .collect();
    let mut result = json!({
        "ruleId": f.at.rule,
        "ruleIndex": index.get(f.at.rule.as_str()),
        // Server code that no route reaches (a scheduler started at boot)
        // matters less than a finding on a route: a note.
        "level": if f.routes.is_empty() { "note" } else { level(f.at.severity) },
        "message": { "text": format!("{}. {blocks}", f.at.message) },
        "locations": [location(&f.at.file, f.at.line, f.at.column, Some((f.at.end_line, f.at.end_column)), Some(&f.at.snippet))],
        "partialFingerprints": { "carve/v1": f.at.fingerprint },
        "properties": { "routes": f.routes, "kind": f.at.kind.as_str(), "remedy": f.at.help },
    });
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    if !flows.is_empty() {
        result["codeFlows"] = json!(flows);
    }
    if with_baseline {
        result["baselineState"] = json!("new");
    }
    result
}

#[cfg(test)]
mod tests {
    use super::pascal_case;

    #[test]
    fn rule_descriptions_come_from_the_first_section() {
        let (short, full) = super::doc_summary(
            "## What it does\nFinds threads:\n\n- `Thread(...)`;\n- pools.\n\n## Why is this bad\nIt stops.\n",
        );
        assert_eq!(short, "Finds threads.");
        assert_eq!(full, "Finds threads: - `Thread(...)`; - pools.");
    }

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(pascal_case("js-db-connect"), "JsDbConnect");
    }
}
