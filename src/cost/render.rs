//! `cost` and `plan` as text, JSON and Markdown (with a Mermaid diagram of
//! the proposed deployment). Money is rounded to cents only here.

use super::plan::{PlanReport, PlannedFunction};
use super::{CostReport, LogSummary};
use crate::graph::mermaid_label;
use std::fmt::Write;

fn usd(v: f64) -> String {
    if v >= 100.0 {
        format!("${v:.0}")
    } else {
        format!("${v:.2}")
    }
}

fn count(v: f64) -> String {
    if v >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if v >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else {
        format!("{v:.0}")
    }
}

fn ms(v: f64) -> String {
    if v >= 1000.0 {
        format!("{:.1}s", v / 1000.0)
    } else {
        format!("{v:.0}ms")
    }
}

/// The cost table's columns: text header, Markdown header.
const COLUMNS: [(&str, &str); 13] = [
    ("ROUTE", "route"),
    ("VERDICT", "verdict"),
    ("REQ/MO", "req/month"),
    ("P50", "p50"),
    ("P99", "p99"),
    ("PEAK", "peak"),
    ("COLD%", "cold starts"),
    ("LAMBDA", "Lambda x86"),
    ("ARM", "Lambda Arm"),
    ("AZURE", "Azure"),
    ("RUN REQ", "Cloud Run (req)"),
    ("RUN INST", "Cloud Run (inst)"),
    ("FARGATE", "Fargate"),
];

fn price_cells(p: &super::Prices) -> [String; 6] {
    p.each().map(|price| usd(price.total_usd))
}

fn route_cells(r: &super::RouteCost) -> [String; 13] {
    let t = &r.traffic;
    let [a, b, c, d, e, f] = price_cells(&r.prices);
    [
        r.id.clone(),
        r.traffic_verdict.as_str().to_string(),
        count(t.requests_per_month),
        ms(t.duration.p50_ms),
        ms(t.duration.p99_ms),
        t.peak_concurrency.to_string(),
        format!("{:.1}%", t.lambda_cold_start_share * 100.0),
        a,
        b,
        c,
        d,
        e,
        f,
    ]
}

fn total_cells(c: &CostReport, label: &str) -> [String; 13] {
    let [a, b, p, d, e, f] = price_cells(&c.totals.prices);
    [
        label.to_string(),
        String::new(),
        count(c.totals.requests_per_month),
        String::new(),
        String::new(),
        c.totals.peak_concurrency.to_string(),
        String::new(),
        a,
        b,
        p,
        d,
        e,
        f,
    ]
}

/// A text row: the first two columns left-aligned, the rest right-aligned.
fn text_row(cells: &[String; 13], widths: &[usize; 13]) -> String {
    let mut line = String::new();
    for (i, (cell, &w)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            line.push_str("  ");
        }
        if i < 2 {
            let _ = write!(line, "{cell:<w$}");
        } else {
            let _ = write!(line, "{cell:>w$}");
        }
    }
    line.trim_end().to_string() + "\n"
}

fn md_row(cells: &[String; 13]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

pub fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

fn log_text(log: &LogSummary, out: &mut String) {
    let _ = writeln!(
        out,
        "Logs: {} file(s), {} requests matched, {} unmatched; {} → {} ({:.1} h, × {:.2} to a month)",
        log.files.len(),
        log.matched,
        log.unmatched,
        log.first.as_deref().unwrap_or("-"),
        log.last.as_deref().unwrap_or("-"),
        log.span_hours,
        log.month_factor
    );
    for f in &log.files {
        let _ = writeln!(
            out,
            "  {}: {}, {} lines, {} requests, {} malformed{}",
            f.path,
            f.format.map_or("unknown format", |x| x.as_str()),
            f.lines,
            f.records,
            f.malformed,
            f.malformed_first
                .iter()
                .map(|b| format!(" (line {}: {})", b.line, b.reason))
                .collect::<String>()
        );
    }
    for w in &log.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    if !log.top_unmatched.is_empty() {
        let _ = writeln!(out, "Top unmatched requests:");
        for u in &log.top_unmatched {
            let count = if u.estimated {
                format!("≈{}", u.count)
            } else {
                u.count.to_string()
            };
            let _ = writeln!(out, "  {count:>8}  {}", u.request);
        }
    }
}

pub fn cost_text(c: &CostReport) -> String {
    let mut out = String::new();
    let w = c
        .routes
        .iter()
        .map(|r| r.id.len())
        .max()
        .unwrap_or(5)
        .max(5);
    let widths = [w, 9, 8, 6, 6, 5, 6, 9, 9, 9, 9, 9, 9];
    out.push_str(&text_row(
        &COLUMNS.map(|(text, _)| text.to_string()),
        &widths,
    ));
    for r in &c.routes {
        out.push_str(&text_row(&route_cells(r), &widths));
        for l in &r.limits {
            let _ = writeln!(out, "{:<w$}  ↳ {}: {}", "", l.limit, l.message);
        }
    }
    out.push_str(&text_row(&total_cells(c, "TOTAL per month"), &widths));
    out.push('\n');
    log_text(&c.log, &mut out);
    out.push('\n');
    sizing_text(c, &mut out);
    out.push_str(&assumptions_text(c));
    out
}

/// `--lambda-report`: one line per function in production.
fn sizing_text(c: &CostReport, out: &mut String) {
    if c.lambda_functions.is_empty() {
        return;
    }
    let _ = writeln!(out, "Lambda functions in production (--lambda-report):");
    for f in &c.lambda_functions {
        let _ = writeln!(
            out,
            "  {}: {} invocations, {} MB configured, max used p99 {} MB (max {}), duration p50 {} p99 {}, {} cold starts (init p50 {}) → {} MB, saving {} per million invocations{}; {}",
            f.function,
            f.invocations,
            f.memory_size_mb,
            f.max_memory_used_p99_mb,
            f.max_memory_used_max_mb,
            ms(f.duration_p50_ms),
            ms(f.duration_p99_ms),
            f.cold_starts,
            ms(f.init_duration_p50_ms),
            f.recommended_memory_mb,
            usd(f.saving_per_million_usd),
            f.monthly_saving_usd.map_or(String::new(), |m| format!(", {} a month", usd(m))),
            f.note
        );
    }
    out.push('\n');
}

fn assumptions_text(c: &CostReport) -> String {
    let a = &c.assumptions;
    format!(
        "Assumed: {} MB per function ({}{}), {} ms init on each cold start, Lambda idle timeout {} s and concurrency 1, \
         Cloud Run idle {} s and concurrency {} (1 vCPU), Fargate tasks of {} vCPU/{} GB for {} concurrent requests, \
         month = {} h, API Gateway {}, free tiers {}. Prices: {} {}, {} {}, {} {}, {} {} (`--pricing FILE` to override).\n",
        a.memory_mb,
        a.memory_source,
        if a.memory_per_route.is_empty() { "" } else { ", some routes set in config" },
        a.init_ms,
        a.lambda_idle_timeout_s,
        a.cloud_run_idle_timeout_s,
        a.cloud_run_concurrency,
        c.pricing.fargate.vcpu,
        c.pricing.fargate.memory_gb,
        c.pricing.fargate.requests_per_task,
        a.month_hours,
        if a.api_gateway { "HTTP API in front of Lambda" } else { "not included (--api-gateway)" },
        if a.free_tier { "taken off the totals" } else { "not included (--free-tier)" },
        c.pricing.lambda_x86.region,
        c.pricing.lambda_x86.date,
        c.pricing.azure_functions.region,
        c.pricing.azure_functions.date,
        c.pricing.cloud_run_request.region,
        c.pricing.cloud_run_request.date,
        c.pricing.fargate.region,
        c.pricing.fargate.date,
    )
}

pub fn cost_markdown(c: &CostReport) -> String {
    let mut out = String::from("## carve cost\n\n");
    out.push_str(&md_row(&COLUMNS.map(|(_, md)| md.to_string())));
    out.push_str("|---|---|");
    out.push_str(&"---:|".repeat(COLUMNS.len() - 2));
    out.push('\n');
    for r in &c.routes {
        let mut cells = route_cells(r);
        cells[0] = format!("`{}`", cells[0]);
        out.push_str(&md_row(&cells));
    }
    out.push_str(&md_row(&total_cells(c, "**total**")));
    out.push('\n');
    for r in &c.routes {
        for l in &r.limits {
            let _ = writeln!(out, "- `{}` — {}: {}", r.id, l.limit, l.message);
        }
    }
    if !c.lambda_functions.is_empty() {
        out.push('\n');
        sizing_text(c, &mut out);
    }
    let _ = writeln!(out, "\n{}", assumptions_text(c));
    out
}

/// One sentence: the proposal against keeping everything in one container.
fn verdict_line(p: &PlanReport) -> String {
    let b = &p.baselines;
    let diff = b.proposal.total_usd - b.all_container.total_usd;
    if p.functions.is_empty() {
        "No route can move yet: every unit holds a route that must stay (below).".to_string()
    } else if diff.abs() < 0.005 {
        "The proposal costs the same as keeping everything in one container.".to_string()
    } else if diff < 0.0 {
        format!(
            "The proposal saves {} a month against keeping everything in one container.",
            usd(-diff)
        )
    } else {
        format!(
            "The proposal costs {} a month more than keeping everything in one container: the container still runs, and the functions add to it.",
            usd(diff)
        )
    }
}

/// A function's settings as (setting, value, why) rows.
fn settings_rows(f: &PlannedFunction) -> Vec<(&'static str, String, String)> {
    let s = &f.settings;
    let run = &s.cloud_run;
    let warm = |v: u32| {
        if v == 0 {
            "none".to_string()
        } else {
            v.to_string()
        }
    };
    let connections = if s.database.per_instance == 0 {
        "none".to_string()
    } else {
        format!("up to {}", s.database.at_reserved)
    };
    vec![
        (
            "memory",
            format!("{} MB", s.memory_mb.value),
            s.memory_mb.reason.clone(),
        ),
        (
            "timeout",
            format!("{} s", s.timeout_s.value),
            s.timeout_s.reason.clone(),
        ),
        (
            "reserved concurrency",
            s.reserved_concurrency.value.to_string(),
            s.reserved_concurrency.reason.clone(),
        ),
        (
            "provisioned concurrency",
            warm(s.provisioned_concurrency.value),
            s.provisioned_concurrency.reason.clone(),
        ),
        (
            "architecture",
            s.architecture.value.to_string(),
            s.architecture.reason.clone(),
        ),
        ("db connections", connections, s.database.reason.clone()),
        (
            "package",
            s.package.adapter.name.to_string(),
            format!("{}; {}", s.package.adapter.reason, s.package.reason),
        ),
        (
            "Cloud Run min instances",
            warm(run.min_instances.value),
            run.min_instances.reason.clone(),
        ),
        (
            "Cloud Run instances",
            format!(
                "max {}, {} requests each",
                run.max_instances.value, run.concurrency.value
            ),
            format!("{}; {}", run.max_instances.reason, run.concurrency.reason),
        ),
        (
            "Cloud Run timeout",
            format!("{} s", run.timeout_s.value),
            run.timeout_s.reason.clone(),
        ),
    ]
}

/// A function's monthly price (`unit` after it), with what its
/// provisioned concurrency adds.
fn function_price(f: &PlannedFunction, unit: &str) -> String {
    let price = format!("{}{unit}", usd(f.price.total_usd));
    if f.provisioned_usd.abs() < 0.005 {
        price
    } else {
        format!(
            "{price} (incl. {} provisioned concurrency)",
            usd(f.provisioned_usd)
        )
    }
}

/// The warm-instance replays of a function, one line each platform.
fn warm_curve(f: &PlannedFunction) -> Vec<(&'static str, String)> {
    let s = &f.settings;
    [
        ("provisioned", &s.provisioned_concurrency),
        ("min instances", &s.cloud_run.min_instances),
    ]
    .into_iter()
    .map(|(label, choice)| {
        let points: Vec<String> = choice
            .curve
            .iter()
            .map(|p| {
                format!(
                    "{} → {} cold ({:.1}%){}",
                    p.instances,
                    count(p.cold_starts_per_month),
                    p.cold_start_share * 100.0,
                    if p.instances == 0 {
                        String::new()
                    } else {
                        format!(
                            " {}{}",
                            if p.extra_usd_per_month < 0.0 {
                                "-"
                            } else {
                                "+"
                            },
                            usd(p.extra_usd_per_month.abs())
                        )
                    }
                )
            })
            .collect();
        (label, points.join(", "))
    })
    .collect()
}

fn checks_lines(p: &PlanReport) -> [String; 2] {
    let mark = |fits: bool| if fits { "fits" } else { "DOES NOT FIT" };
    [
        format!(
            "account concurrency ({}): {}",
            mark(p.checks.account.fits),
            p.checks.account.message
        ),
        format!(
            "database connections ({}): {}",
            mark(p.checks.database.fits),
            p.checks.database.message
        ),
    ]
}

pub fn plan_text(p: &PlanReport) -> String {
    let mut out = String::new();
    let b = &p.baselines;
    let _ = writeln!(
        out,
        "Proposal ({:?} granularity): {} function(s) + {} ({} routes), {} a month\n  all in one container: {}   every route its own function: {}\n",
        p.granularity,
        p.functions.len(),
        if p.container.routes.is_empty() { "no container".to_string() } else { format!("one container of {} Fargate task(s)", p.container.fargate_tasks) },
        p.container.routes.len(),
        usd(b.proposal.total_usd),
        usd(b.all_container.total_usd),
        usd(b.all_functions.total_usd),
    );
    let _ = writeln!(out, "{}\n", verdict_line(p));
    for f in &p.functions {
        let _ = writeln!(
            out,
            "function {}  ({} MB, {} req/month, {} cold starts/month = {:.1}%, {}; one per route: {} cold starts, {})",
            f.name,
            f.memory_mb,
            count(f.traffic.requests_per_month),
            count(f.traffic.lambda_cold_starts_per_month),
            f.traffic.lambda_cold_start_share * 100.0,
            function_price(f, " a month"),
            count(f.lambda_cold_starts_per_month_if_one_per_route),
            usd(f.price_if_one_per_route.total_usd),
        );
        for r in &f.routes {
            let _ = writeln!(out, "  {r}");
        }
        for (setting, value, why) in settings_rows(f) {
            let _ = writeln!(out, "  {setting:<27} {value:<14} {why}");
        }
        for (label, curve) in warm_curve(f) {
            let _ = writeln!(out, "  {:<42} {curve}", format!("warm replay ({label})"));
        }
    }
    if !p.functions.is_empty() {
        for line in checks_lines(p) {
            let _ = writeln!(out, "{line}");
        }
    }
    if !p.container.routes.is_empty() {
        let _ = writeln!(
            out,
            "container  (peak {} concurrent, {} Fargate task(s), {} a month)",
            p.container.peak_concurrency,
            p.container.fargate_tasks,
            usd(p.container.price.total_usd)
        );
        for h in &p.container.held_back {
            let _ = writeln!(out, "  {}  — {}", h.route, h.reason);
        }
    }
    out.push('\n');
    log_text(&p.log, &mut out);
    out
}

fn mermaid_id(prefix: &str, i: usize) -> String {
    format!("{prefix}{i}")
}

pub fn plan_markdown(p: &PlanReport) -> String {
    let b = &p.baselines;
    let mut out = format!(
        "## carve plan\n\n| deployment | monthly cost |\n|---|---:|\n| **this proposal** ({} functions + container) | {} |\n| all in one container (Fargate) | {} |\n| every route its own function (Lambda) | {} |\n\n",
        p.functions.len(),
        usd(b.proposal.total_usd),
        usd(b.all_container.total_usd),
        usd(b.all_functions.total_usd)
    );
    let _ = writeln!(out, "{}\n", verdict_line(p));
    out.push_str("| unit | routes | req/month | cold starts/month | cost | one function per route |\n|---|---|---:|---:|---:|---:|\n");
    for f in &p.functions {
        let _ = writeln!(
            out,
            "| function `{}` | {} | {} | {} ({:.1}%) | {} | {} cold starts, {} |",
            f.name,
            f.routes
                .iter()
                .map(|r| format!("`{r}`"))
                .collect::<Vec<_>>()
                .join("<br>"),
            count(f.traffic.requests_per_month),
            count(f.traffic.lambda_cold_starts_per_month),
            f.traffic.lambda_cold_start_share * 100.0,
            function_price(f, ""),
            count(f.lambda_cold_starts_per_month_if_one_per_route),
            usd(f.price_if_one_per_route.total_usd),
        );
    }
    if !p.container.routes.is_empty() {
        let _ = writeln!(
            out,
            "| container ({} Fargate task(s), peak {} concurrent) | {} routes, below | | | {} | |",
            p.container.fargate_tasks,
            p.container.peak_concurrency,
            p.container.routes.len(),
            usd(p.container.price.total_usd),
        );
        out.push_str("\n### Staying in the container\n\n");
        for h in &p.container.held_back {
            let _ = writeln!(out, "- `{}` — {}", h.route, h.reason);
        }
    }
    for f in &p.functions {
        let _ = writeln!(
            out,
            "\n### Function `{}` ({})\n\n| setting | value | why |\n|---|---|---|",
            f.name, f.slug
        );
        for (setting, value, why) in settings_rows(f) {
            let _ = writeln!(out, "| {setting} | {value} | {} |", why.replace('|', "\\|"));
        }
        for (label, curve) in warm_curve(f) {
            let _ = writeln!(out, "| warm replay ({label}) | | {curve} |");
        }
    }
    if !p.functions.is_empty() {
        out.push('\n');
        for line in checks_lines(p) {
            let _ = writeln!(out, "- {line}");
        }
    }
    out.push_str("\n```mermaid\nflowchart LR\n  client([clients]) --> gw{{router}}\n");
    for (i, f) in p.functions.iter().enumerate() {
        let _ = writeln!(
            out,
            "  gw --> {}[\"λ {}<br>{} routes, {}\"]",
            mermaid_id("f", i),
            mermaid_label(&f.name),
            f.routes.len(),
            usd(f.price.total_usd)
        );
    }
    if !p.container.routes.is_empty() {
        let _ = writeln!(
            out,
            "  gw --> c0[(\"container<br>{} routes, {}\")]",
            p.container.routes.len(),
            usd(p.container.price.total_usd)
        );
    }
    out.push_str("```\n");
    out
}
