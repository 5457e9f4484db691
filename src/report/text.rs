//! Text renderer: a table of routes, the findings of each route with their
//! call chains, the shared-state groups, and what was skipped.

use super::{Report, RouteReport};
use crate::assess::Verdict;
use crate::rules::{Kind, Severity};
use std::borrow::Cow;
use std::fmt::Write;

/// ANSI colour, on only when asked (a TTY without `NO_COLOR`).
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn verdict(self, v: Verdict, width: usize) -> String {
        let text = format!("{:<width$}", v.as_str());
        match v {
            Verdict::Function => self.paint("32", &text),
            Verdict::Refactor => self.paint("33", &text),
            Verdict::Container => self.paint("31", &text),
        }
    }

    fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
}

const MAX_REASON: usize = 60;

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

/// `1 file`, `2 files`: the count with the word that agrees with it.
fn plural(n: impl TryInto<u64> + Copy + std::fmt::Display, one: &str, many: &str) -> String {
    let is_one = n.try_into().is_ok_and(|n: u64| n == 1);
    format!("{n} {}", if is_one { one } else { many })
}

pub fn render(report: &Report, style: Style) -> String {
    let report = &terminal_safe(report);
    let mut out = String::new();
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} {}: {} function, {} refactor, {} container; {}; {} scanned",
        style.bold("carve"),
        plural(s.routes, "route", "routes"),
        s.function,
        s.refactor,
        s.container,
        plural(s.findings, "finding", "findings"),
        plural(report.stats.files, "file", "files")
    );
    if s.suppressed > 0 {
        let _ = writeln!(
            out,
            "{} findings suppressed by `carve: ignore` comments ({} without a reason)",
            s.suppressed,
            report
                .suppressed
                .iter()
                .filter(|x| x.reason.is_none())
                .count()
        );
    }
    for u in &report.unused_suppressions {
        let _ = writeln!(
            out,
            "warning: {}:{}: `carve: ignore[{}]` suppresses nothing (stale, or a misspelt rule id)",
            u.file,
            u.line,
            u.names.join(", ")
        );
    }
    if let Some(diff) = &report.baseline {
        let _ = writeln!(out, "against {}: {}", diff.baseline, diff.counts());
    }
    if report.routes.is_empty() && report.baseline.is_some() {
        let _ = writeln!(out, "\nNo route is new or worse than the baseline.");
    } else if report.routes.is_empty() {
        let _ = writeln!(out, "\nNo routes found.");
    } else {
        render_table(&mut out, &report.routes, style);
        render_route_findings(&mut out, &report.routes, style);
    }
    // Code no route reaches: long-lived servers and background work still
    // need a process of their own; the rest is listed in the JSON.
    let (process, other): (Vec<_>, Vec<_>) = report
        .findings
        .iter()
        .filter(|f| f.routes.is_empty())
        .partition(|f| {
            f.at.severity == Severity::Blocker
                && matches!(
                    f.at.kind,
                    Kind::LongLivedConnection | Kind::BackgroundWork | Kind::LongRunning
                )
        });
    if !process.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            style.bold("Outside any route: long-lived work that needs a process of its own")
        );
        for f in process {
            let _ = writeln!(
                out,
                "  {}:{}:{} {} {}",
                f.at.file, f.at.line, f.at.column, f.at.rule, f.at.message
            );
        }
    }
    if !other.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            style.dim(&format!(
                "{} in code no route reaches (see --format json)",
                plural(other.len(), "more finding is", "more findings are")
            ))
        );
    }
    if !report.groups.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            style.bold("Routes that share state (move them together)")
        );
        for (i, g) in report.groups.iter().enumerate() {
            let _ = writeln!(out, "  group {}: {}", i + 1, g.routes.join(", "));
            for state in &g.state {
                let _ = writeln!(out, "    {}", style.dim(&format!("shares {state}")));
            }
        }
    }
    render_skipped(&mut out, report, style);
    out
}

fn render_table(out: &mut String, routes: &[RouteReport], style: Style) {
    let w_method = routes
        .iter()
        .map(|r| r.method.len())
        .max()
        .unwrap_or(6)
        .max(6);
    let w_path = routes
        .iter()
        .map(|r| r.path.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 60);
    let _ = writeln!(
        out,
        "\n{:<w_method$}  {:<w_path$}  {:<9}  {:>5}  TOP REASON",
        "METHOD", "PATH", "VERDICT", "SCORE"
    );
    for r in routes {
        let reason = r.top_reason.as_deref().unwrap_or("-");
        let _ = writeln!(
            out,
            "{:<w_method$}  {:<w_path$}  {}  {:>5}  {}",
            r.method,
            truncate(&r.path, 60),
            style.verdict(r.verdict, 9),
            r.score,
            truncate(reason, MAX_REASON)
        );
    }
}

/// Most routes share their findings with others (a session read by a hook,
/// a helper every handler calls): routes with the same findings and verdict
/// are listed together, with the findings once.
fn render_route_findings(out: &mut String, routes: &[RouteReport], style: Style) {
    let mut groups: Vec<(Vec<&RouteReport>, String)> = Vec::new();
    for r in routes.iter().filter(|r| !r.findings.is_empty()) {
        let key = format!(
            "{:?}|{}|{}|{:?}",
            r.verdict,
            r.score,
            r.findings
                .iter()
                .map(|f| format!(
                    "{}@{}:{}:{}:{}",
                    f.at.rule, f.at.file, f.at.line, f.at.column, f.cause
                ))
                .collect::<Vec<_>>()
                .join(","),
            r.cold_start.packages
        );
        match groups.iter_mut().find(|(_, k)| *k == key) {
            Some((members, _)) => members.push(r),
            None => groups.push((vec![r], key)),
        }
    }
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", style.bold("Findings by route"));
    // Each rule's remedy is printed once, the first time it appears.
    let mut helped: Vec<&str> = Vec::new();
    for (members, _) in &groups {
        let r = members[0];
        let _ = writeln!(
            out,
            "\n{} {}  {} (score {}) — {} at {}:{}",
            style.bold(&r.method),
            style.bold(&r.path),
            style.verdict(r.verdict, 0),
            r.score,
            r.handler,
            r.file,
            r.line
        );
        if members.len() > 1 {
            let others: Vec<&str> = members[1..].iter().map(|m| m.id.as_str()).collect();
            let _ = writeln!(
                out,
                "  {}",
                style.dim(&format!(
                    "same findings on {} more: {}",
                    others.len(),
                    others.join(", ")
                ))
            );
        }
        if r.cold_start.weight > 0 {
            let _ = writeln!(
                out,
                "  cold start weight {} ({})",
                r.cold_start.weight,
                r.cold_start.describe()
            );
        }
        for f in &r.findings {
            let cost = if f.cause {
                "cause".to_string()
            } else if f.cost > 0 {
                format!("-{}", f.cost)
            } else {
                "±0".to_string()
            };
            let _ = writeln!(
                out,
                "  {:>5} {:<8} {} {}:{}:{} {}",
                cost,
                f.at.severity.as_str(),
                f.at.rule,
                f.at.file,
                f.at.line,
                f.at.column,
                f.at.message
            );
            if !f.also_lines.is_empty() {
                let lines: Vec<String> = f.also_lines.iter().map(u32::to_string).collect();
                let _ = writeln!(
                    out,
                    "        {}",
                    style.dim(&format!(
                        "also at {} {}",
                        if lines.len() == 1 { "line" } else { "lines" },
                        lines.join(", ")
                    ))
                );
            }
            if f.chain.len() > 1 {
                let chain = super::chain_text(&f.chain);
                let _ = writeln!(out, "        {}", style.dim(&format!("via {}", chain)));
            }
            if !helped.contains(&f.at.rule.as_str()) {
                helped.push(&f.at.rule);
                let _ = writeln!(
                    out,
                    "        {}",
                    style.dim(&format!("help: {}", f.at.help))
                );
            }
        }
    }
}

fn render_skipped(out: &mut String, report: &Report, style: Style) {
    let stats = &report.stats;
    if stats.parse_errors > 0 {
        let _ = writeln!(
            out,
            "\n{} in {} (results kept where the code parsed): {}",
            plural(stats.parse_errors, "syntax error", "syntax errors"),
            plural(stats.files_with_parse_errors.len(), "file", "files"),
            stats.files_with_parse_errors.join(", ")
        );
    }
    if !stats.files_partial.is_empty() {
        let _ = writeln!(
            out,
            "\n{} too deeply nested or too dense to analyse in full (results kept up to that point): {}",
            plural(stats.files_partial.len(), "file is", "files are"),
            stats.files_partial.join(", ")
        );
    }
    let not_judged: Vec<String> = [
        (
            stats.findings_outside_server,
            "in code that does not run on the server (browser code, scripts no server file imports)",
        ),
        (stats.findings_off_request_path, "in server code off the request path"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|&(n, what)| format!("{n} rule match{} {what}", if n == 1 { "" } else { "es" }))
    .collect();
    if !not_judged.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            style.dim(&format!("Not judged: {}", not_judged.join("; ")))
        );
    }
    let analysed: Vec<_> = report
        .skipped
        .iter()
        .filter(|s| s.reason != "unsupported language")
        .collect();
    let unsupported = report.skipped.len() - analysed.len();
    if !analysed.is_empty() {
        let _ = writeln!(out, "\n{}", style.bold("Not analysed"));
        for s in analysed {
            let _ = writeln!(out, "  {}: {}", s.path, s.reason);
        }
    }
    if unsupported > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            style.dim(&format!(
                "{unsupported} other files are not in a supported language (see --format json)"
            ))
        );
    }
}

/// The report with every control character in text that came from the
/// scanned code or its file names (`\x1b[31m`, a newline in a file name)
/// escaped, so that a terminal neither runs it nor splits a line on it.
fn terminal_safe(report: &Report) -> Cow<'_, Report> {
    let mut clean = report.clone();
    let mut changed = false;
    let mut fix = |text: &mut String| {
        if text.chars().any(char::is_control) {
            *text = text
                .chars()
                .map(|c| {
                    if c.is_control() {
                        c.escape_default().to_string()
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            changed = true;
        }
    };
    for r in &mut clean.routes {
        for text in [
            &mut r.id,
            &mut r.method,
            &mut r.path,
            &mut r.file,
            &mut r.handler,
        ] {
            fix(text);
        }
        if let Some(reason) = &mut r.top_reason {
            fix(reason);
        }
        for f in &mut r.findings {
            for text in [&mut f.at.file, &mut f.at.message, &mut f.at.help] {
                fix(text);
            }
            for step in &mut f.chain {
                fix(&mut step.function);
                fix(&mut step.file);
            }
        }
    }
    for f in &mut clean.findings {
        fix(&mut f.at.file);
        fix(&mut f.at.message);
    }
    for u in &mut clean.unused_suppressions {
        fix(&mut u.file);
        u.names.iter_mut().for_each(&mut fix);
    }
    for g in &mut clean.groups {
        g.routes.iter_mut().for_each(&mut fix);
        g.state.iter_mut().for_each(&mut fix);
    }
    for s in &mut clean.skipped {
        fix(&mut s.path);
        fix(&mut s.reason);
    }
    clean
        .stats
        .files_with_parse_errors
        .iter_mut()
        .for_each(&mut fix);
    clean.stats.files_partial.iter_mut().for_each(&mut fix);
    if changed {
        Cow::Owned(clean)
    } else {
        Cow::Borrowed(report)
    }
}
