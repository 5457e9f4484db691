//! Bad input never panics and never loses results: binary, invalid UTF-8,
//! minified, huge and malformed files and symlinks out of the root are each
//! reported with a reason, and the good files are still analysed.

mod common;

use carve::discover::ScanConfig;
use carve::rules::RuleSet;
use common::{temp_dir, write_file};
use std::fs;

#[test]
fn every_bad_file_is_reported_and_good_results_are_kept() {
    let dir = temp_dir("bad-input");
    write_file(
        &dir,
        "app.py",
        b"from flask import Flask\napp = Flask(__name__)\n\n@app.get('/ok')\ndef ok():\n    return 'ok'\n",
    );
    write_file(
        &dir,
        "broken.py",
        b"def broken(:\n    return (\n\n@app.get('/also')\ndef also():\n    return 1\n",
    );
    write_file(&dir, "blob.py", b"\x00\x01\x02binary\x00");
    write_file(&dir, "latin1.py", b"name = '\xe9t\xe9'\n");
    // UTF-16 with a byte-order mark is decoded and analysed.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("from flask import Flask\nw = Flask(__name__)\n@w.get('/wide')\ndef wide():\n    return 1\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    write_file(&dir, "wide.py", &utf16);
    let minified = format!("var a={};\n", "x".repeat(8_000));
    write_file(&dir, "static/app.min.js", minified.as_bytes());
    let huge = "x = 1\n".repeat(10_000);
    write_file(&dir, "huge.py", huge.as_bytes());
    write_file(
        &dir,
        "deep.py",
        format!("x = {}1{}\n", "(".repeat(5_000), ")".repeat(5_000)).as_bytes(),
    );
    // Thousands of nested calls, one per line: analysed, or cut at the work
    // budget, its route kept either way. (Since the walks share one listing
    // and reuse ancestor answers, 6,000 levels sit near the budget: the
    // test build reads them whole, a release scan alone too, and a release
    // test run has cut them.)
    let nested = format!(
        "from flask import Flask\ndeep = Flask(__name__)\n@deep.get('/deep')\ndef deep_view():\n    return 1\nv = {}0{}\n",
        "f(\n".repeat(6_000),
        ")\n".repeat(6_000)
    );
    write_file(&dir, "nested.py", nested.as_bytes());
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc", dir.join("outside")).unwrap();

    let rules = RuleSet::builtin().unwrap();
    let mut config = ScanConfig::new(dir.clone());
    config.max_file_bytes = 40_000;
    let report = carve::scan::scan(&config, &rules).unwrap().report;

    let reason = |path: &str| {
        report
            .skipped
            .iter()
            .find(|s| s.path == path)
            .map(|s| s.reason.clone())
            .unwrap_or_else(|| panic!("{path} not reported as skipped: {:?}", report.skipped))
    };
    assert_eq!(reason("blob.py"), "binary");
    assert_eq!(reason("latin1.py"), "not UTF-8");
    assert_eq!(reason("static/app.min.js"), "minified");
    assert!(reason("huge.py").starts_with("too large"));
    #[cfg(unix)]
    assert_eq!(reason("outside"), "symlink (not followed)");

    let ids: Vec<&str> = report.routes.iter().map(|r| r.id.as_str()).collect();
    assert!(ids.contains(&"GET /ok"), "{ids:?}");
    assert!(ids.contains(&"GET /wide"), "{ids:?}");
    assert!(ids.contains(&"GET /deep"), "{ids:?}");
    // Only nested.py can be cut short.
    assert!(
        report.stats.files_partial.iter().all(|f| f == "nested.py"),
        "{:?}",
        report.stats
    );
    assert!(report
        .stats
        .files_with_parse_errors
        .contains(&"broken.py".to_string()));
    assert!(report.stats.parse_errors > 0);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_file_of_too_many_facts_is_cut_short_and_named() {
    // A generated file of flat code (a size limit raised for it): the
    // query's work budget lets it through, the facts' budget in bytes stops
    // it. The route before the cut is kept; the report names the file in
    // JSON and in text.
    let dir = temp_dir("bad-input-dense");
    let dense = format!(
        "const express = require('express');\nconst app = express();\napp.get('/early', (req, res) => res.send(f0()));\nfunction f0() {{\n{}}}\n",
        "b(c);\n".repeat(1_000_000)
    );
    write_file(&dir, "dense.js", dense.as_bytes());
    write_file(
        &dir,
        "app.py",
        b"from flask import Flask\napp = Flask(__name__)\n\n@app.get('/ok')\ndef ok():\n    return 'ok'\n",
    );
    let rules = RuleSet::builtin().unwrap();
    let mut config = ScanConfig::new(dir.clone());
    config.max_file_bytes = 8 << 20;
    let report = carve::scan::scan(&config, &rules).unwrap().report;
    assert_eq!(
        report.stats.files_partial,
        ["dense.js"],
        "{:?}",
        report.stats
    );
    let ids: Vec<&str> = report.routes.iter().map(|r| r.id.as_str()).collect();
    assert!(ids.contains(&"GET /early"), "{ids:?}");
    assert!(ids.contains(&"GET /ok"), "{ids:?}");
    let text = carve::report::text::render(&report, carve::report::text::Style { color: false });
    assert!(
        text.contains("1 file is too deeply nested or too dense to analyse in full (results kept up to that point): dense.js"),
        "{text}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_root_is_an_error_not_a_panic() {
    let rules = RuleSet::builtin().unwrap();
    let config = ScanConfig::new("/definitely/not/here".into());
    assert!(carve::scan::scan(&config, &rules).is_err());
}

#[test]
fn hostile_go_input_is_survived_and_good_routes_are_kept() {
    let dir = temp_dir("bad-go-input");
    write_file(
        &dir,
        "main.go",
        b"package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.HandleFunc(\"GET /ok\", ok)\n}\n\nfunc ok(w http.ResponseWriter, r *http.Request) {}\n",
    );
    // Thousands of nested function literals and parentheses.
    let deep = format!(
        "package main\n\nvar v = {}0{}\n\nvar f = {}{}\n",
        "(".repeat(5_000),
        ")".repeat(5_000),
        "func() { ".repeat(3_000),
        "}".repeat(3_000)
    );
    write_file(&dir, "deep.go", deep.as_bytes());
    // A huge string literal and a huge composite literal.
    let huge = format!(
        "package main\n\nconst big = \"{}\"\n\nvar nums = []int{{{}}}\n",
        "x".repeat(30_000),
        "1, ".repeat(3_000)
    );
    write_file(&dir, "huge.go", huge.as_bytes());
    // A raw string that never ends, and a route declared after it.
    write_file(
        &dir,
        "raw.go",
        b"package main\n\nimport \"net/http\"\n\nconst q = `SELECT *\nFROM t\n\nfunc init() {\n\thttp.HandleFunc(\"GET /lost\", ok)\n}\n",
    );
    write_file(
        &dir,
        "broken.go",
        b"package main\n\nfunc (h *) ( {\n\thttp.HandleFunc(\n",
    );

    assert_survived(&dir, &["raw.go", "broken.go"]);
}

#[test]
fn hostile_kotlin_input_is_survived_and_good_routes_are_kept() {
    let dir = temp_dir("bad-kotlin-input");
    write_file(
        &dir,
        "src/main/kotlin/app/Ok.kt",
        b"package app\n\n@RestController\nclass Ok {\n    @GetMapping(\"/ok\")\n    fun ok() = \"ok\"\n}\n",
    );
    // Thousands of nested lambdas and parentheses, and a deep string template.
    let deep = format!(
        "package app\n\nval v = {}0{}\n\nval f = {}{}\n\nval s = \"{}x{}\"\n",
        "(".repeat(5_000),
        ")".repeat(5_000),
        "run { ".repeat(3_000),
        "}".repeat(3_000),
        "${\"".repeat(500),
        "\"}".repeat(500)
    );
    write_file(&dir, "src/main/kotlin/app/Deep.kt", deep.as_bytes());
    // A huge string literal and a huge collection literal in an annotation.
    let huge = format!(
        "package app\n\nconst val BIG = \"{}\"\n\n@RestController\nclass Huge {{\n    @GetMapping([{}\"/h\"])\n    fun h() = BIG\n}}\n",
        "x".repeat(30_000),
        "\"/a\", ".repeat(3_000)
    );
    write_file(&dir, "src/main/kotlin/app/Huge.kt", huge.as_bytes());
    // A raw string that never ends, and a route declared after it.
    write_file(
        &dir,
        "src/main/kotlin/app/Raw.kt",
        b"package app\n\nval q = \"\"\"SELECT *\nFROM t\n\n@RestController\nclass Lost {\n    @GetMapping(\"/lost\")\n    fun lost() = q\n}\n",
    );
    write_file(
        &dir,
        "src/main/kotlin/app/Broken.kt",
        b"package app\n\nclass ( : {\n    @GetMapping(\n    fun\n",
    );

    assert_survived(&dir, &["src/main/kotlin/app/Broken.kt"]);
}

/// Scans `dir`, then removes it: `GET /ok` is kept, `GET /lost` (declared
/// inside an unterminated raw string) is text, and each of `broken` is
/// named among the files with parse errors.
fn assert_survived(dir: &std::path::Path, broken: &[&str]) {
    let rules = RuleSet::builtin().unwrap();
    let report = carve::scan::scan(&ScanConfig::new(dir.to_path_buf()), &rules)
        .unwrap()
        .report;
    let ids: Vec<&str> = report.routes.iter().map(|r| r.id.as_str()).collect();
    assert!(ids.contains(&"GET /ok"), "{ids:?}");
    assert!(!ids.contains(&"GET /lost"), "{ids:?}");
    let errors = &report.stats.files_with_parse_errors;
    for file in broken {
        assert!(errors.contains(&file.to_string()), "{file}: {errors:?}");
    }
    let _ = fs::remove_dir_all(dir);
}
