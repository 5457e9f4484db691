//! Hostile input, generated in each test (no large files committed): a file
//! that crashes a grammar's C code, FIFOs, absurd thread counts. Each case
//! asserts the exit code, the reason the file was skipped, and that the
//! ordinary routes beside it survive.

mod common;

use assert_cmd::Command;
use common::temp_dir;
use std::fs;
use std::path::Path;

const APP: &str = "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/ok')\ndef ok():\n    return 'ok'\n";

/// Python nested 520 blocks deep with a string inside brackets at the
/// bottom: tree-sitter-python's scanner overflows its 1 KiB serialisation
/// buffer and aborts (`Assertion 'length <= 1024' failed`).
fn crashing_python() -> String {
    let mut s = String::new();
    for i in 0..520 {
        s.push_str(&" ".repeat(i));
        s.push_str("if x:\n");
    }
    s.push_str(&" ".repeat(520));
    s.push_str("y = (\"a\",\n");
    s.push_str(&" ".repeat(520));
    s.push_str("\"b\")\n");
    s
}

fn carve() -> Command {
    let mut cmd = Command::cargo_bin("carve").expect("binary");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn json_scan(dir: &Path, cmd: &mut Command) -> (Option<i32>, serde_json::Value) {
    let out = cmd
        .arg("scan")
        .arg(dir)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    let report = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code(), report)
}

fn skip_reason(report: &serde_json::Value, path: &str) -> String {
    report["skipped"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["path"] == path))
        .and_then(|s| s["reason"].as_str())
        .unwrap_or_else(|| panic!("{path} not skipped: {report}"))
        .to_string()
}

fn route_ids(report: &serde_json::Value) -> Vec<String> {
    report["routes"]
        .as_array()
        .map(|r| {
            r.iter()
                .filter_map(|r| r["id"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_grammar_crash_costs_one_file_not_the_scan() {
    let dir = temp_dir("hostile-crash");
    fs::write(dir.join("app.py"), APP).unwrap();
    fs::write(dir.join("deep.py"), crashing_python()).unwrap();
    // Guards off: the file reaches the parser and really aborts it.
    let (code, report) = json_scan(&dir, carve().env("CARVE_GUARDS", "off"));
    assert_eq!(code, Some(0), "{report}");
    let reason = skip_reason(&report, "deep.py");
    assert!(reason.starts_with("parser crashed (SIGABRT)"), "{reason}");
    assert!(reason.contains("length <= 1024"), "{reason}");
    assert_eq!(route_ids(&report), ["GET /ok"]);
    assert_eq!(report["stats"]["files"], 1);
}

#[test]
fn the_indentation_guard_skips_what_python_itself_refuses() {
    let dir = temp_dir("hostile-guard");
    fs::write(dir.join("app.py"), APP).unwrap();
    fs::write(dir.join("deep.py"), crashing_python()).unwrap();
    let (code, report) = json_scan(&dir, carve().env_remove("CARVE_GUARDS"));
    assert_eq!(code, Some(0));
    assert_eq!(
        skip_reason(&report, "deep.py"),
        "indented more than 100 levels (Python's own limit)"
    );
    assert_eq!(route_ids(&report), ["GET /ok"]);
}

mod lsp_crash {
    use super::*;
    use carve::lsp;
    use carve::settings::Flags;
    use lsp_server::{Connection, Message, Notification, Request, RequestId};
    use serde_json::json;
    use std::time::Duration;

    fn call(conn: &Connection, id: i32, method: &str, params: serde_json::Value) -> Vec<Message> {
        let id = RequestId::from(id);
        let req = Request::new(id.clone(), method.to_string(), params);
        conn.sender.send(req.into()).expect("server alive");
        let mut seen = Vec::new();
        loop {
            let msg = conn
                .receiver
                .recv_timeout(Duration::from_secs(60))
                .expect("a reply");
            if matches!(&msg, Message::Response(r) if r.id == id) {
                seen.push(msg);
                return seen;
            }
            seen.push(msg);
        }
    }

    fn notify(conn: &Connection, method: &str, params: serde_json::Value) {
        let n = Notification::new(method.to_string(), params);
        conn.sender.send(n.into()).expect("server alive");
    }

    #[test]
    fn the_language_server_survives_a_grammar_crash() {
        std::env::set_var("CARVE_GUARDS", "off");
        let dir = temp_dir("hostile-lsp-crash");
        fs::write(dir.join("app.py"), APP).unwrap();
        let flags = Flags {
            worker_exe: Some(env!("CARGO_BIN_EXE_carve").into()),
            ..Flags::default()
        };
        let (client, server) = Connection::memory();
        let handle = std::thread::spawn(move || lsp::run(server, flags));
        let root = lsp::uri::from_path(&dir).expect("uri");
        call(
            &client,
            1,
            "initialize",
            json!({ "processId": null, "rootUri": root.as_str(), "capabilities": {} }),
        );
        notify(&client, "initialized", json!({}));
        let deep = lsp::uri::from_path(&dir.join("deep.py")).expect("uri");
        notify(
            &client,
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": deep.as_str(), "languageId": "python",
                    "version": 1, "text": crashing_python() } }),
        );
        // Still answering, with the crashed buffer left out and the routes kept.
        let app = lsp::uri::from_path(&dir.join("app.py")).expect("uri");
        let replies = call(
            &client,
            2,
            "textDocument/codeLens",
            json!({ "textDocument": { "uri": app.as_str() } }),
        );
        let lenses = replies
            .iter()
            .find_map(|m| match m {
                Message::Response(r) if r.id == RequestId::from(2) => r.result.clone(),
                _ => None,
            })
            .expect("code lenses");
        assert!(lenses.to_string().contains("function"), "{lenses}");
        call(&client, 3, "shutdown", json!(null));
        notify(&client, "exit", json!(null));
        assert!(handle.join().expect("no panic").is_ok());
    }
}

/// A hung carve fails the test instead of hanging it.
const HANG_GUARD: std::time::Duration = std::time::Duration::from_secs(120);

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn fifos_are_skipped_not_read() {
    let dir = temp_dir("hostile-fifo");
    fs::write(dir.join("app.py"), APP).unwrap();
    mkfifo(&dir.join("x.py"));
    mkfifo(&dir.join("package.json"));
    let (code, report) = json_scan(&dir, carve().timeout(HANG_GUARD));
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(skip_reason(&report, "x.py"), "not a regular file (a FIFO)");
    assert_eq!(
        skip_reason(&report, "package.json"),
        "not a regular file (a FIFO)"
    );
    assert_eq!(route_ids(&report), ["GET /ok"]);

    // Given as the path itself: a usage error naming it.
    let out = carve()
        .timeout(HANG_GUARD)
        .arg("scan")
        .arg(dir.join("x.py"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a regular file (a FIFO)"), "{stderr}");

    // As a log: refused before it is opened.
    let out = carve()
        .timeout(HANG_GUARD)
        .arg("cost")
        .arg(&dir)
        .arg("--log")
        .arg(dir.join("x.py"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a regular file (a FIFO)"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn devices_are_refused_as_logs() {
    let dir = temp_dir("hostile-dev-log");
    fs::write(dir.join("app.py"), APP).unwrap();
    let out = carve()
        .timeout(HANG_GUARD)
        .arg("cost")
        .arg(&dir)
        .args(["--log", "/dev/zero"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a regular file (a device)"), "{stderr}");
}

#[test]
fn absurd_thread_counts_are_capped_and_said() {
    let dir = temp_dir("hostile-threads");
    fs::write(dir.join("app.py"), APP).unwrap();
    let out = carve()
        .timeout(HANG_GUARD)
        .arg("scan")
        .arg(&dir)
        .args(["--threads", "100000", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let cap = carve::settings::max_threads();
    assert!(
        stderr.contains(&format!("--threads 100000 capped at {cap} (4 per core)")),
        "{stderr}"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(route_ids(&report), ["GET /ok"]);
    assert_eq!(carve::settings::cap_threads(100_000), cap);
    assert_eq!(carve::settings::cap_threads(1), 1);
}

mod lsp_framing {
    use super::*;
    use carve::lsp::transport::{read_messages, MALFORMED};
    use lsp_server::Message;

    const VALID: &str = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn methods(input: &[u8]) -> Vec<String> {
        let (incoming, from_reader) = crossbeam_channel::unbounded();
        read_messages(input, &incoming);
        from_reader
            .try_iter()
            .map(|m| match m {
                Message::Notification(n) => n.method,
                other => panic!("unexpected {other:?}"),
            })
            .collect()
    }

    #[test]
    fn huge_content_lengths_are_refused_without_allocating() {
        for length in [
            "100000000000",
            "18446744073709551615",
            "99999999999999999999999",
        ] {
            let input = format!("Content-Length: {length}\r\n\r\n{}", frame(VALID));
            assert_eq!(
                methods(input.as_bytes()),
                [MALFORMED, "initialized"],
                "{length}"
            );
        }
    }

    #[test]
    fn a_length_shorter_than_its_body_resynchronises_on_the_next_header() {
        // Counted in characters instead of bytes, or simply wrong.
        let body = r#"{"jsonrpc":"2.0","method":"initialized","params":{"é":"ü"}}"#;
        let input = format!(
            "Content-Length: {}\r\n\r\n{body}{}",
            body.chars().count(),
            frame(VALID)
        );
        assert_eq!(methods(input.as_bytes()), [MALFORMED, "initialized"]);
    }

    #[test]
    fn a_length_longer_than_its_body_gives_back_the_next_frame() {
        let input = format!(
            "Content-Length: {}\r\n\r\n{VALID}{}",
            VALID.len() + 30,
            frame(VALID)
        );
        assert_eq!(methods(input.as_bytes()), [MALFORMED, "initialized"]);
    }

    #[test]
    fn a_header_line_with_no_end_is_bounded_and_skipped() {
        let mut input = vec![b'x'; 1 << 20];
        input.extend_from_slice(b"\r\n\r\n");
        input.extend_from_slice(frame(VALID).as_bytes());
        assert_eq!(methods(&input), [MALFORMED, "initialized"]);
    }

    fn lsp_exit_code(with_shutdown: bool) -> Option<i32> {
        let dir = temp_dir(&format!("hostile-lsp-exit-{with_shutdown}"));
        fs::write(dir.join("app.py"), APP).unwrap();
        let root = carve::lsp::uri::from_path(&dir).expect("uri");
        let init = format!(
            r#"{{"jsonrpc":"2.0","id":1,"method":"initialize","params":{{"processId":null,"rootUri":"{}","capabilities":{{}}}}}}"#,
            root.as_str()
        );
        let mut input = frame(&init) + &frame(VALID);
        if with_shutdown {
            input += &frame(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#);
        }
        input += &frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let out = carve()
            .timeout(HANG_GUARD)
            .arg("lsp")
            .write_stdin(input)
            .output()
            .unwrap();
        out.status.code()
    }

    #[test]
    fn exit_without_shutdown_exits_1() {
        assert_eq!(lsp_exit_code(false), Some(1));
        assert_eq!(lsp_exit_code(true), Some(0));
    }
}

#[test]
fn a_log_line_with_no_newline_is_skipped_not_buffered() {
    use std::io::Read;
    // 8 MiB of NUL bytes, then an ordinary line: one malformed line, then the next.
    let blob = std::io::repeat(0).take(8 << 20);
    let rest: &[u8] = b"\n# a comment\n";
    let reader = std::io::BufReader::with_capacity(1 << 16, blob.chain(rest));
    let summary = carve::cost::logs::read_lines("nul.log", reader, None, |_| {});
    assert_eq!(summary.lines, 2);
    assert_eq!(summary.malformed, 1);
    assert_eq!(summary.bytes, (8 << 20) + rest.len() as u64);
    let reason = &summary.malformed_first[0].reason;
    assert!(reason.starts_with("longer than 1048576 bytes"), "{reason}");
    // With no newline at all: the same, at the end of input.
    let reader = std::io::BufReader::new(std::io::repeat(b'x').take(3 << 20));
    let summary = carve::cost::logs::read_lines("x.log", reader, None, |_| {});
    assert_eq!((summary.lines, summary.malformed), (1, 1));
}
