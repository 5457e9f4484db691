//! Pull-request reports: fingerprints that survive line shifts, baselines,
//! `--fail-on`, inline suppressions, `.carve/config.toml`, the Markdown size
//! limit, and `carve graph`.

mod common;

use assert_cmd::Command;
use carve::report::markdown;
use common::{copy_sample, scan_sample};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn carve() -> Command {
    let mut cmd = Command::cargo_bin("carve").expect("binary");
    cmd.env("NO_COLOR", "1")
        .env("CARVE_CACHE_DIR", common::cache_dir());
    cmd
}

fn json_scan(root: &Path, extra: &[&str]) -> (Value, i32) {
    let out = carve()
        .args(["scan", "--format", "json"])
        .arg(root)
        .args(extra)
        .output()
        .expect("runs");
    let json = serde_json::from_slice(&out.stdout).expect("json report");
    (json, out.status.code().unwrap_or(-1))
}

fn fingerprints(report: &Value) -> BTreeSet<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["fingerprint"].as_str().expect("fingerprint").to_string())
        .collect()
}

fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).expect("read");
    std::fs::write(path, f(text)).expect("write");
}

const LRU_RULE: &str = "in-memory-cache/python-lru-cache";

fn finding<'a>(report: &'a Value, rule: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} finding"))
}

#[test]
fn a_shifted_line_keeps_its_fingerprint() {
    let dir = copy_sample("flask", "shift");
    let (before, _) = json_scan(&dir, &[]);
    edit(&dir.join("inventory/pricing.py"), |t| {
        t.replacen(
            "import functools\n",
            "import functools\n\n# a comment\n\n\n",
            1,
        )
    });
    let (after, _) = json_scan(&dir, &[]);
    let (old, new) = (finding(&before, LRU_RULE), finding(&after, LRU_RULE));
    assert_eq!(new["line"].as_u64(), old["line"].as_u64().map(|l| l + 4));
    assert_eq!(old["fingerprint"], new["fingerprint"]);
    assert_eq!(fingerprints(&before), fingerprints(&after));
}

#[test]
fn fingerprints_are_unique_and_change_with_the_code() {
    let report = scan_sample("express");
    let all: BTreeSet<&str> = report
        .findings
        .iter()
        .map(|f| f.at.fingerprint.as_str())
        .collect();
    assert_eq!(all.len(), report.findings.len());
    let dir = copy_sample("flask", "fp-change");
    let (before, _) = json_scan(&dir, &[]);
    edit(&dir.join("inventory/pricing.py"), |t| {
        t.replace("lru_cache(maxsize=1)", "lru_cache(maxsize=8)")
    });
    let (after, _) = json_scan(&dir, &[]);
    assert_ne!(
        finding(&before, LRU_RULE)["fingerprint"],
        finding(&after, LRU_RULE)["fingerprint"]
    );
}

#[test]
fn a_baseline_of_the_same_tree_has_nothing_new() {
    let dir = copy_sample("express", "baseline-same");
    let (report, _) = json_scan(&dir, &[]);
    let baseline = dir.join("baseline.json");
    std::fs::write(&baseline, report.to_string()).expect("write baseline");
    let out = carve()
        .args([
            "scan",
            "--format",
            "markdown",
            "--fail-on",
            "new",
            "--baseline",
        ])
        .arg(&baseline)
        .arg(&dir)
        .assert()
        .code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("**Against the baseline:** 0 new, 0 fixed;"),
        "{text}"
    );
    assert!(
        text.contains("No route is new or worse than the baseline."),
        "{text}"
    );
    let (json, code) = json_scan(&dir, &["--baseline", baseline.to_str().expect("utf-8")]);
    assert_eq!(code, 0);
    assert_eq!(json["baseline"]["new_findings"], 0);
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_new_blocker_is_new_and_fails_the_check() {
    let dir = copy_sample("express", "baseline-new");
    let (report, _) = json_scan(&dir, &[]);
    let baseline = dir.join("baseline.json");
    std::fs::write(&baseline, report.to_string()).expect("write baseline");
    // A health check that now sleeps, and a fixed session store.
    edit(&dir.join("app.js"), |t| {
        t.replacen(
            "app.get('/health', (req, res) => {",
            "app.get('/health', async (req, res) => {\n  await new Promise((r) => setTimeout(r, 5000));",
            1,
        )
    });
    let (json, code) = json_scan(
        &dir,
        &[
            "--baseline",
            baseline.to_str().expect("utf-8"),
            "--fail-on",
            "new",
        ],
    );
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(
        json["baseline"]["new_findings"], 1,
        "{:#}",
        json["baseline"]
    );
    let worse = &json["baseline"]["worse_routes"][0];
    assert_eq!(worse["route"], "GET /health");
    assert_eq!(
        (worse["from"].as_str(), worse["to"].as_str()),
        (Some("function"), Some("refactor"))
    );
    let routes = json["routes"].as_array().expect("routes");
    assert_eq!(routes.len(), 1, "only what got worse");
    assert_eq!(routes[0]["findings"][0]["new"], true);
}

#[test]
fn fail_on_levels() {
    let flask = common::sample("flask");
    let express = common::sample("express");
    carve()
        .arg("scan")
        .arg(&flask)
        .args(["--fail-on", "container"])
        .assert()
        .code(1);
    carve()
        .arg("scan")
        .arg(&flask)
        .args(["--fail-on", "blocker"])
        .assert()
        .code(1);
    carve()
        .arg("scan")
        .arg(&express)
        .args(["--fail-on", "refactor"])
        .assert()
        .code(1);
    // The Next.js sample has function routes only in its `pages/api/health`.
    let dir = common::temp_dir("fail-on-clean");
    std::fs::write(
        dir.join("app.py"),
        "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/ok')\ndef ok():\n    return 'ok'\n",
    )
    .expect("write");
    for level in ["new", "refactor", "container", "blocker"] {
        carve()
            .arg("scan")
            .arg(&dir)
            .args(["--fail-on", level])
            .assert()
            .code(0);
    }
    carve()
        .arg("scan")
        .arg(&dir)
        .args(["--fail-on", "sometimes"])
        .assert()
        .code(2);
}

#[test]
fn a_suppression_comment_turns_a_finding_off_and_keeps_its_reason() {
    let dir = copy_sample("flask", "suppress");
    let (before, _) = json_scan(&dir, &[]);
    edit(&dir.join("inventory/pricing.py"), |t| {
        t.replacen(
            "@functools.lru_cache(maxsize=1)",
            "# carve: ignore[python-lru-cache] rates change daily; a stale copy is fine\n@functools.lru_cache(maxsize=1)",
            1,
        )
        .replacen("def convert(", "# carve: ignore[python-lru-cach] a typo\ndef convert(", 1)
    });
    let (after, _) = json_scan(&dir, &[]);
    let gone = |r: &Value| {
        r["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .all(|f| f["rule"] != LRU_RULE)
    };
    assert!(!gone(&before));
    assert!(gone(&after));
    assert_eq!(after["summary"]["suppressed"], 1);
    let s = &after["suppressed"][0];
    assert_eq!(s["rule"], LRU_RULE);
    assert_eq!(s["reason"], "rates change daily; a stale copy is fine");
    assert_eq!(s["file"], "inventory/pricing.py");
    let unused = &after["unused_suppressions"];
    assert_eq!(unused.as_array().map(Vec::len), Some(1), "{unused:#}");
    assert_eq!(unused[0]["names"][0], "python-lru-cach");
    assert_eq!(unused[0]["line"], 16);
    let score = |r: &Value, id: &str| {
        r["routes"]
            .as_array()
            .expect("routes")
            .iter()
            .find(|x| x["id"] == id)
            .and_then(|x| x["score"].as_u64())
    };
    let route = "GET /api/items/<int:item_id>/price";
    assert!(
        score(&after, route) > score(&before, route),
        "the route no longer pays for it"
    );
    let sarif = carve()
        .args(["scan", "--format", "sarif"])
        .arg(&dir)
        .output()
        .expect("runs");
    let sarif: Value = serde_json::from_slice(&sarif.stdout).expect("sarif");
    let suppressed: Vec<&Value> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(
        suppressed[0]["suppressions"][0]["justification"],
        "rates change daily; a stale copy is fine"
    );
}

#[test]
fn config_disables_rules_and_overrides_severity() {
    let dir = copy_sample("flask", "config");
    std::fs::create_dir_all(dir.join(".carve")).expect("mkdir");
    std::fs::write(
        dir.join(".carve/config.toml"),
        "[rules]\ndisable = [\"python-lru-cache\"]\nseverity = { session = \"advisory\" }\n\n[report]\nfail_on = \"container\"\n",
    )
    .expect("write");
    let (json, code) = json_scan(&dir, &[]);
    assert_eq!(code, 1, "fail_on from the config");
    let findings = json["findings"].as_array().expect("findings");
    assert!(findings.iter().all(|f| f["rule"] != LRU_RULE));
    let sessions: Vec<&Value> = findings.iter().filter(|f| f["kind"] == "session").collect();
    assert!(!sessions.is_empty());
    assert!(sessions.iter().all(|f| f["severity"] == "advisory"));
}

#[test]
fn config_errors_point_at_the_line() {
    let dir = copy_sample("flask", "config-bad");
    std::fs::create_dir_all(dir.join(".carve")).expect("mkdir");
    std::fs::write(
        dir.join(".carve/config.toml"),
        "[scan]\nexclude = []\n\n[rules]\ndisabled = [\"x\"]\n",
    )
    .expect("write");
    let out = carve().arg("scan").arg(&dir).assert().code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("unknown field `disabled`"), "{err}");
    assert!(err.contains("config.toml:5:1"), "{err}");
    std::fs::write(
        dir.join(".carve/config.toml"),
        "[rules]\ndisable = [\"no-such-rule\"]\n",
    )
    .expect("write");
    let out = carve().arg("scan").arg(&dir).assert().code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("no rule or kind `no-such-rule`"), "{err}");
    assert!(err.contains("config.toml:2:12"), "{err}");
}

#[test]
fn markdown_summarises_to_fit_and_never_cuts_the_table() {
    let mut report = scan_sample("express");
    let template = report.routes.clone();
    for i in 0..200 {
        for r in &template {
            let mut copy = r.clone();
            copy.id = format!("{} {i}", r.id);
            report.routes.push(copy);
        }
    }
    let full = markdown::render_within(&report, usize::MAX, None);
    assert!(full.chars().count() > markdown::COMMENT_LIMIT);
    let fitted = markdown::render(&report, None);
    assert!(
        fitted.chars().count() <= markdown::COMMENT_LIMIT,
        "{}",
        fitted.len()
    );
    assert!(fitted.contains("more routes ("), "the rest is summarised");
    // Every table row is whole: four cells.
    for line in fitted.lines().filter(|l| l.starts_with("| `")) {
        assert_eq!(line.matches(" | ").count(), 3, "{line}");
    }
}

#[test]
fn markdown_links_locations_to_their_lines() {
    let out = carve()
        .args([
            "scan",
            "--format",
            "markdown",
            "--link-base",
            "https://example.com/o/r/blob/abc/",
        ])
        .arg(common::sample("nextjs"))
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("[`lib/audit.ts:11`](https://example.com/o/r/blob/abc/lib/audit.ts#L11)"),
        "{text}"
    );
    assert!(
        text.contains("<a href=\"https://example.com/o/r/blob/abc/app/api/orders/%5BorderId%5D/route.ts#L34\">"),
        "{text}"
    );
}

#[test]
fn graph_marks_findings_in_mermaid_and_dot() {
    let root = common::sample("express");
    let out = carve().args(["graph"]).arg(&root).assert().success();
    let mermaid = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(mermaid.starts_with("flowchart LR"));
    assert!(
        mermaid.contains("[\"GET /api/orders\"]:::refactor"),
        "{mermaid}"
    );
    assert!(
        mermaid.contains(
            "{{\"connection-per-request/js-db-connect<br/>services/legacyDb.js:6\"}}:::blocker"
        ),
        "{mermaid}"
    );
    let out = carve()
        .args(["graph", "--format", "dot", "--route", "GET /api/orders"])
        .arg(&root)
        .assert()
        .success();
    let dot = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(dot.starts_with("digraph carve {"));
    assert!(
        dot.contains("label=\"findRecent\\nservices/orderRepository.js:4\""),
        "{dot}"
    );
    assert!(!dot.contains("POST /api/orders"), "one route only");
    carve()
        .args(["graph", "--route", "GET /nope"])
        .arg(&root)
        .assert()
        .code(2);
}

/// Each step of a chain says how its call was resolved; a step found by
/// name alone (the only method of that name in the program) is a guess, and
/// the text report says so.
#[test]
fn a_chain_says_how_each_call_resolved() {
    let dir = common::temp_dir("resolved");
    common::write_files(
        &dir,
        &[
            (
                "app.py",
                "from flask import Flask\nfrom jobs import queue_for\n\napp = Flask(__name__)\n\n\n@app.post('/export')\ndef export():\n    runner = queue_for('export')\n    runner.run_export()\n    return 'ok'\n",
            ),
            (
                "jobs.py",
                "def queue_for(name):\n    return name\n",
            ),
            (
                "workers.py",
                "import time\n\n\nclass ExportRunner:\n    def run_export(self):\n        time.sleep(60)\n",
            ),
        ],
    );
    let (report, _) = json_scan(&dir, &["--no-cache"]);
    let route = report["routes"]
        .as_array()
        .expect("routes")
        .iter()
        .find(|r| r["id"] == "POST /export")
        .expect("POST /export");
    let sleep = route["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["file"] == "workers.py")
        .expect("the sleep in workers.py reaches the route");
    let steps: Vec<(&str, &Value)> = sleep["chain"]
        .as_array()
        .expect("chain")
        .iter()
        .map(|s| (s["function"].as_str().expect("function"), &s["resolved"]))
        .collect();
    assert_eq!(
        steps,
        vec![
            ("export", &Value::Null),
            ("ExportRunner.run_export", &Value::from("unique-name")),
        ]
    );
    let text = carve()
        .args(["scan", "--no-cache"])
        .arg(&dir)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("called at app.py:10, guessed by name)"),
        "{text}"
    );
}
