//! The command line: each command and format, exit codes, and errors that
//! point at the offending file and line.

mod common;

use assert_cmd::Command;
use common::{sample, temp_dir};

fn carve() -> Command {
    let mut cmd = Command::cargo_bin("carve").unwrap();
    cmd.env("NO_COLOR", "1")
        .env("CARVE_CACHE_DIR", common::cache_dir());
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn scan_without_a_path_shows_the_bundled_sample() {
    let out = carve().arg("scan").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("GET     /health"), "{text}");
    assert!(text.contains("VERDICT"));
}

/// The README's example is what `cargo run --release -- scan` prints: every
/// line of it but the `…` elisions (and the sample's temporary folder).
#[test]
fn readme_example_output_is_what_scan_prints() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("$ cargo run --release -- scan\n")
        .expect("README example");
    let example = &readme[start..];
    let example = &example[..example.find("```").expect("end of the example")];
    let out = carve().arg("scan").output().unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    let printed: Vec<&str> = printed.lines().collect();
    let mut checked = 0;
    for line in example.lines().skip(1).filter(|l| *l != "…") {
        let expected = line.split(" in /tmp/").next().unwrap_or(line);
        assert!(
            printed.iter().any(|p| p.starts_with(expected)),
            "README line not printed by `carve scan`: {line}"
        );
        checked += 1;
    }
    assert!(checked > 10, "{checked}");
}

#[test]
fn scan_json_is_versioned_and_sorted() {
    let text = stdout(
        carve()
            .args(["scan", "--format", "json"])
            .arg(sample("express")),
    );
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["tool"]["name"], "carve");
    let routes = json["routes"].as_array().unwrap();
    assert!(!routes.is_empty());
    for key in [
        "method",
        "path",
        "file",
        "line",
        "handler",
        "framework",
        "verdict",
        "score",
        "cold_start",
        "findings",
    ] {
        assert!(routes[0].get(key).is_some(), "route has {key}");
    }
    let paths: Vec<&str> = routes.iter().map(|r| r["path"].as_str().unwrap()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    // Same input, same output.
    let again = stdout(
        carve()
            .args(["scan", "--format", "json"])
            .arg(sample("express")),
    );
    let strip = |s: &str| {
        s.lines()
            .filter(|l| !l.contains("duration_ms"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&text), strip(&again));
}

#[test]
fn explain_renders_each_finding_with_its_source() {
    let out = carve()
        .args(["explain", "GET /reports/audit"])
        .arg(sample("flask"))
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("GET /reports/audit"), "{text}");
    assert!(text.contains("sqlite3.connect"), "{text}");
    assert!(text.contains("call chain: audit_log"), "{text}");
}

#[test]
fn explain_of_an_unknown_route_exits_2_and_lists_routes() {
    let out = carve()
        .args(["explain", "GET /nope"])
        .arg(sample("flask"))
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("no route `GET /nope`"), "{err}");
    assert!(err.contains("GET /health"), "{err}");
}

#[test]
fn rules_list_and_test() {
    let text = stdout(carve().args(["rules", "list"]));
    assert!(text.contains("connection-per-request/python-db-connect"));
    carve().args(["rules", "test"]).assert().success();
}

#[test]
fn a_broken_rule_exits_2_pointing_at_its_line() {
    let dir = temp_dir("broken-rule");
    std::fs::write(
        dir.join("bad.toml"),
        "id = \"session/bad\"\nkind = \"session\"\nlanguages = [\"python\"]\nseverity = \"blocker\"\nweight = 5\nmessage = \"m\"\nhelp = \"h\"\ndoc = \"d\"\nquery = '(call function: (nosuchnode))'\n",
    )
    .unwrap();
    let out = carve()
        .args(["scan", "--rules"])
        .arg(&dir)
        .arg(sample("flask"))
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("bad.toml:9:"), "{err}");
    assert!(err.contains("session/bad"), "{err}");

    std::fs::write(
        dir.join("bad.toml"),
        "id = \"session/bad\"\nkind = \"sessions\"\n",
    )
    .unwrap();
    let out = carve()
        .args(["rules", "list", "--rules"])
        .arg(&dir)
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("bad.toml:2:"), "{err}");
    // The message may wrap: compare without the frame.
    let flat: String = err
        .replace(['|', '│'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains("unknown variant `sessions`"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_2() {
    carve().args(["scan", "--format", "yaml"]).assert().code(2);
    carve()
        .args(["scan", "/definitely/not/here"])
        .assert()
        .code(2);
}

#[test]
fn rules_tree_prints_a_syntax_tree() {
    let text = stdout(
        carve()
            .args(["rules", "tree"])
            .arg(sample("flask").join("wsgi.py")),
    );
    assert!(text.starts_with("(module [0:0 - "), "{text}");
    assert!(text.lines().count() > 10, "one node per line: {text}");
}

#[test]
fn exclude_and_carveignore_leave_files_out() {
    let all = stdout(
        carve()
            .args(["scan", "--format", "json"])
            .arg(sample("express")),
    );
    let some = stdout(
        carve()
            .args([
                "scan",
                "--format",
                "json",
                "--exclude",
                "routes/admin.js",
                "--threads",
                "1",
            ])
            .arg(sample("express")),
    );
    let count = |text: &str| {
        let json: serde_json::Value = serde_json::from_str(text).unwrap();
        json["routes"].as_array().unwrap().len()
    };
    assert_eq!(
        count(&all),
        count(&some) + 3,
        "the three /admin routes are gone"
    );

    let dir = temp_dir("carveignore");
    std::fs::write(
        dir.join("app.py"),
        "from flask import Flask\napp = Flask(__name__)\n@app.get('/a')\ndef a():\n    return 1\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("legacy")).unwrap();
    std::fs::write(dir.join("legacy/old.py"), "from flask import Flask\nold = Flask(__name__)\n@old.get('/old')\ndef o():\n    return 1\n").unwrap();
    std::fs::write(dir.join(".carveignore"), "legacy/\n").unwrap();
    let text = stdout(carve().args(["scan", "--format", "json"]).arg(&dir));
    assert!(text.contains("\"GET /a\""), "{text}");
    assert!(!text.contains("/old"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("carve"))
        .env("CARVE_CACHE_DIR", common::cache_dir())
        .args(["scan", "--format", "json"])
        .arg(sample("express"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: carve writes into a closed pipe.
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "exit {status:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn repository_rules_in_dot_carve_are_loaded() {
    let dir = temp_dir("repo-rules");
    std::fs::create_dir_all(dir.join(".carve/rules")).unwrap();
    std::fs::write(
        dir.join("app.py"),
        "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/ping')\ndef ping():\n    return legacy_ping()\n\ndef legacy_ping():\n    return 'pong'\n",
    )
    .unwrap();
    std::fs::write(
        dir.join(".carve/rules/legacy.toml"),
        "id = \"long-running/legacy-ping\"\nkind = \"long-running\"\nlanguages = [\"python\"]\nseverity = \"blocker\"\nweight = 10\nmessage = \"legacy ping\"\nhelp = \"remove it\"\ndoc = \"team rule\"\nquery = '(call function: (identifier) @f (#eq? @f \"legacy_ping\")) @hit'\n",
    )
    .unwrap();
    let text = stdout(carve().args(["scan", "--format", "json"]).arg(&dir));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let route = &json["routes"][0];
    assert_eq!(route["id"], "GET /ping");
    assert_eq!(route["findings"][0]["rule"], "long-running/legacy-ping");
    assert_eq!(route["verdict"], "container");

    std::fs::write(
        dir.join(".carve/rules/legacy.toml"),
        "id = \"long-running/x\"\ncolour = 1\n",
    )
    .unwrap();
    let out = carve().arg("scan").arg(&dir).assert().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("legacy.toml:2:"), "{err}");
    assert!(err.contains("unknown field `colour`"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
