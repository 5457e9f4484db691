//! Shared helpers for the integration tests: scanning a sample in-process.

#![allow(dead_code)]

use carve::discover::ScanConfig;
use carve::report::Report;
use carve::rules::RuleSet;
use std::path::{Path, PathBuf};

/// The go.mod of a Go test app whose commands are urfave/cli commands.
pub const GO_MOD_URFAVE_CLI: &str =
    "module example.com/app\n\ngo 1.22\n\nrequire github.com/urfave/cli/v2 v2.27.1\n";

/// The `composer.json` of a Slim 3 app autoloading `App\` from `src/`.
pub const SLIM_COMPOSER: &str =
    r#"{"require": {"slim/slim": "^3.12"}, "autoload": {"psr-4": {"App\\": "src/"}}}"#;

/// The findings of `rule` on `route`, as `file:line`, sorted.
pub fn rule_hits_on(report: &Report, route: &str, rule: &str) -> Vec<String> {
    let mut found: Vec<String> = report
        .routes
        .iter()
        .find(|r| r.id == route)
        .unwrap_or_else(|| panic!("no route {route}"))
        .findings
        .iter()
        .filter(|f| f.at.rule == rule)
        .map(|f| format!("{}:{}", f.at.file, f.at.line))
        .collect();
    found.sort();
    found
}

pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

pub fn scan_path(root: &Path) -> Report {
    scan_output(root).report
}

/// The whole scan output (program and assessment too), for graph tests.
pub fn scan_output(root: &Path) -> carve::scan::ScanOutput {
    let rules = RuleSet::builtin().expect("built-in rules load");
    let config = ScanConfig::new(root.to_path_buf());
    carve::scan::scan(&config, &rules).expect("scan runs")
}

pub fn scan_sample(name: &str) -> Report {
    scan_path(&sample(name))
}

/// `METHOD path` of every route, in report order.
pub fn route_ids(report: &Report) -> Vec<String> {
    report.routes.iter().map(|r| r.id.clone()).collect()
}

/// The rule ids of the findings on route `id` (`METHOD path`).
pub fn rules_of(report: &Report, id: &str) -> Vec<String> {
    let route = report
        .routes
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no route {id}"));
    route.findings.iter().map(|f| f.at.rule.clone()).collect()
}

/// Whether one of `rules` is `wanted` or, given a kind (`session/`), of it.
pub fn has_rule(rules: &[String], wanted: &str) -> bool {
    rules.iter().any(|r| r.starts_with(wanted))
}

/// The cache folder the tests that run the binary share (`CARVE_CACHE_DIR`),
/// so that scanning a sample writes nothing under samples/.
pub fn cache_dir() -> PathBuf {
    std::env::temp_dir().join("carve-test-cache")
}

/// A unique empty folder under the system temp dir.
pub fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "carve-test-{tag}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes `contents` at `rel` under `dir`, creating the folders on the way.
pub fn write_file(dir: &Path, rel: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create dir");
    }
    std::fs::write(path, contents).expect("write file");
}

/// Writes each (relative path, text) pair under `dir`.
pub fn write_files(dir: &Path, files: &[(&str, &str)]) {
    for (rel, text) in files {
        write_file(dir, rel, text);
    }
}

/// A copy of a sample in a fresh temp folder, to edit in a test.
pub fn copy_sample(name: &str, tag: &str) -> PathBuf {
    let dir = temp_dir(tag);
    copy_tree(&sample(name), &dir);
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}
