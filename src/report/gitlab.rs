//! GitLab Code Quality JSON: one issue per finding, so merge requests show
//! new and fixed findings in their widget (GitLab compares fingerprints).

use super::Report;
use crate::rules::Severity;
use serde::Serialize;

#[derive(Serialize)]
struct Issue<'r> {
    #[serde(rename = "type")]
    kind: &'static str,
    description: String,
    check_name: &'r str,
    categories: [&'static str; 1],
    fingerprint: &'r str,
    severity: &'static str,
    location: Location<'r>,
}

#[derive(Serialize)]
struct Location<'r> {
    path: &'r str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
    end: u32,
}

pub fn render(report: &Report) -> String {
    let issues: Vec<Issue> = report
        .findings
        .iter()
        .map(|f| Issue {
            kind: "issue",
            description: match f.routes.len() {
                0 => f.at.message.clone(),
                1..=3 => format!("{} (route {})", f.at.message, f.routes.join(", ")),
                n => format!(
                    "{} (routes {} and {} more)",
                    f.at.message,
                    f.routes[..3].join(", "),
                    n - 3
                ),
            },
            check_name: &f.at.rule,
            categories: ["Performance"],
            fingerprint: &f.at.fingerprint,
            severity: match f.at.severity {
                Severity::Blocker => "major",
                Severity::Advisory => "minor",
            },
            location: Location {
                path: &f.at.file,
                lines: Lines {
                    begin: f.at.line,
                    end: f.at.end_line.max(f.at.line),
                },
            },
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&issues).unwrap_or_default();
    text.push('\n');
    text
}
