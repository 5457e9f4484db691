//! Snapshots of every sample's full JSON report (routes, findings with call
//! chains, verdicts, groups, skipped files) and of its text, SARIF, Markdown
//! and GitLab renderings. The
//! JSON snapshots double as the schema contract: review any change to them.

mod common;

use carve::graph::View;
use carve::report::text::{self, Style};
use carve::report::{explain, gitlab, markdown, sarif, Report};
use carve::rules::RuleSet;
use common::{sample, scan_output};
use std::collections::BTreeMap;

fn snapshot(name: &str) -> Report {
    let output = scan_output(&sample(name));
    let report = output.report.clone();
    insta::with_settings!({ snapshot_suffix => name, prepend_module_to_snapshot => false }, {
        insta::assert_json_snapshot!("report", report, { ".stats.duration_ms" => "[duration]", ".stats.rules" => "[rules]" });
        insta::assert_snapshot!("text", text::render(&report, Style { color: false }));
        let rules = RuleSet::builtin().expect("built-in rules load");
        insta::assert_snapshot!("sarif", sarif::render(&report, &rules));
        insta::assert_snapshot!("markdown", markdown::render(&report, None));
        insta::assert_snapshot!("gitlab", gitlab::render(&report));
        let all: Vec<usize> = (0..report.routes.len()).collect();
        let graph = View::build(&output, &rules, &all, false);
        insta::assert_snapshot!("graph-mermaid", graph.to_mermaid());
        insta::assert_snapshot!("graph-dot", graph.to_dot());
    });
    report
}

/// The `carve explain` rendering of one route, sources read from the sample.
fn explain_snapshot(name: &str, report: &Report, route: &str) {
    let routes = explain::find_routes(report, route);
    assert_eq!(routes.len(), 1, "{route} in {name}");
    let mut sources = BTreeMap::new();
    for f in &routes[0].findings {
        let text = std::fs::read_to_string(sample(name).join(&f.at.file)).unwrap();
        sources.insert(f.at.file.clone(), text);
    }
    let rendered = explain::render(routes[0], &sources, false, 100);
    insta::with_settings!({ snapshot_suffix => name, prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("explain", rendered);
    });
}

#[test]
fn flask() {
    let report = snapshot("flask");
    explain_snapshot("flask", &report, "POST /api/items");
}

#[test]
fn fastapi() {
    snapshot("fastapi");
}

#[test]
fn django() {
    snapshot("django");
}

#[test]
fn express() {
    let report = snapshot("express");
    explain_snapshot("express", &report, "GET /api/orders");
}

#[test]
fn nestjs() {
    snapshot("nestjs");
}

#[test]
fn nextjs() {
    snapshot("nextjs");
}

#[test]
fn koa() {
    snapshot("koa");
}

#[test]
fn fastify() {
    snapshot("fastify");
}

#[test]
fn spring() {
    let report = snapshot("spring");
    explain_snapshot("spring", &report, "POST /shop/api/orders");
}

#[test]
fn spring_kotlin() {
    let report = snapshot("spring-kotlin");
    explain_snapshot("spring-kotlin", &report, "POST /kshop/api/orders");
}

#[test]
fn jaxrs() {
    snapshot("jaxrs");
}

#[test]
fn gin() {
    let report = snapshot("gin");
    explain_snapshot("gin", &report, "POST /api/v1/orders");
}

#[test]
fn chi() {
    let report = snapshot("chi");
    explain_snapshot("chi", &report, "POST /api/search");
}

#[test]
fn aspnetcore() {
    let report = snapshot("aspnetcore");
    explain_snapshot("aspnetcore", &report, "POST /api/Orders");
}

#[test]
fn laravel() {
    let report = snapshot("laravel");
    explain_snapshot("laravel", &report, "POST /api/v1/orders");
}

#[test]
fn slim() {
    snapshot("slim");
}

#[test]
fn sinatra() {
    snapshot("sinatra");
}

#[test]
fn grape() {
    snapshot("grape");
}

#[test]
fn rails() {
    let report = snapshot("rails");
    explain_snapshot("rails", &report, "GET /admin/report");
}

/// Compiling only the rules whose literals occur in the files changes no
/// report: every sample scanned with and without the prefilter.
#[test]
fn the_prefilter_changes_no_report() {
    let rules = RuleSet::builtin().expect("built-in rules load");
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut names: Vec<_> = std::fs::read_dir(&samples)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert!(names.len() > 10);
    for name in names {
        let json = |prefilter: bool| {
            let mut config = carve::discover::ScanConfig::new(sample(&name));
            config.prefilter = prefilter;
            let mut report = carve::scan::scan(&config, &rules).unwrap().report;
            report.stats.duration_ms = 0;
            serde_json::to_string_pretty(&report).unwrap()
        };
        let with = json(true);
        assert!(with.contains("\"findings\""), "{name}");
        assert_eq!(with, json(false), "{name}");
    }
}
