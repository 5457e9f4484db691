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
    cmd.env("NO_COLOR", "1")
        .env("CARVE_CACHE_DIR", common::cache_dir());
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

/// Ruby's heredoc scanner keeps a stack of open heredocs and literals:
/// heredocs opened inside heredoc interpolations, many heredocs with long
/// identifiers pending on one line, and deeply nested interpolated strings.
/// None crashes tree-sitter-ruby 0.23.1 (so `grammars/ruby/language.toml`
/// has no guard); each file is read and the route beside it survives.
#[test]
fn ruby_heredoc_and_literal_nesting_does_not_cost_the_scan() {
    let ids: Vec<String> = (0..60)
        .map(|i| format!("H{}{i}", "x".repeat(100)))
        .collect();
    let mut nested = format!("x = <<~{}\n", ids[0]);
    for id in &ids[1..] {
        nested.push_str(&format!("  #{{<<~{id}}}\n"));
    }
    for id in ids[1..].iter().rev() {
        nested.push_str(&format!("  body\n  {id}\n"));
    }
    nested.push_str(&format!("{}\n", ids[0]));
    let mut pending = format!(
        "foo({})\n",
        ids.iter()
            .map(|id| format!("<<~{id}"))
            .collect::<Vec<_>>()
            .join(",\n  ")
    );
    for id in &ids {
        pending.push_str(&format!("t\n{id}\n"));
    }
    let interpolated = format!("x = {}1{}\n", "\"a#{\n".repeat(3000), "\n}\"".repeat(3000));
    for (name, text) in [
        ("nested.rb", nested),
        ("pending.rb", pending),
        ("interpolated.rb", interpolated),
    ] {
        let dir = temp_dir("hostile-ruby");
        fs::write(
            dir.join("app.rb"),
            "require 'sinatra'\nget '/ok' do\n  'ok'\nend\n",
        )
        .unwrap();
        fs::write(dir.join(name), text).unwrap();
        let (code, report) = json_scan(&dir, carve().env("CARVE_GUARDS", "off"));
        assert_eq!(code, Some(0), "{name}: {report}");
        assert_eq!(route_ids(&report), ["GET /ok"], "{name}");
        assert_eq!(report["stats"]["files"], 2, "{name}: {report}");
        let _ = fs::remove_dir_all(dir);
    }
}

mod lsp_crash {
    use super::*;
    use carve::lsp;
    use carve::settings::Flags;
    use lsp_server::{Connection, Message, Notification, Request, RequestId};
    use serde_json::json;
    use std::time::Duration;

    type Server = std::thread::JoinHandle<Result<lsp::Ending, lsp::ServerError>>;

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

    /// A server on `dir` that parses and vets rules in workers, initialised;
    /// with the messages seen until then.
    fn start(dir: &Path) -> (Connection, Server, Vec<Message>) {
        let flags = Flags {
            worker_exe: Some(env!("CARGO_BIN_EXE_carve").into()),
            no_prefilter: true,
            ..Flags::default()
        };
        let (client, server) = Connection::memory();
        let handle = std::thread::spawn(move || lsp::run(server, flags));
        let root = lsp::uri::from_path(dir).expect("uri");
        let seen = call(
            &client,
            1,
            "initialize",
            json!({ "processId": null, "rootUri": root.as_str(), "capabilities": {} }),
        );
        notify(&client, "initialized", json!({}));
        (client, handle, seen)
    }

    /// The code lenses of `dir/app.py` (request 2), and every message seen.
    fn app_lenses(client: &Connection, dir: &Path) -> (serde_json::Value, Vec<Message>) {
        let app = lsp::uri::from_path(&dir.join("app.py")).expect("uri");
        let replies = call(
            client,
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
        (lenses, replies)
    }

    fn stop(client: &Connection, handle: Server) {
        call(client, 3, "shutdown", json!(null));
        notify(client, "exit", json!(null));
        assert!(handle.join().expect("no panic").is_ok());
    }

    #[test]
    fn the_language_server_survives_a_grammar_crash() {
        std::env::set_var("CARVE_GUARDS", "off");
        let dir = temp_dir("hostile-lsp-crash");
        fs::write(dir.join("app.py"), APP).unwrap();
        let (client, handle, _) = start(&dir);
        let deep = lsp::uri::from_path(&dir.join("deep.py")).expect("uri");
        notify(
            &client,
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": deep.as_str(), "languageId": "python",
                    "version": 1, "text": crashing_python() } }),
        );
        // Still answering, with the crashed buffer left out and the routes kept.
        let (lenses, _) = app_lenses(&client, &dir);
        assert!(lenses.to_string().contains("function"), "{lenses}");
        stop(&client, handle);
    }

    #[test]
    fn the_language_server_survives_a_rule_that_crashes_the_query_compiler() {
        let dir = temp_dir("hostile-lsp-rule-crash");
        fs::write(dir.join("app.py"), APP).unwrap();
        fs::create_dir_all(dir.join(".carve/rules")).unwrap();
        fs::write(dir.join(".carve/rules/bad.toml"), crashing_rule()).unwrap();
        let (client, handle, mut seen) = start(&dir);
        let (lenses, replies) = app_lenses(&client, &dir);
        seen.extend(replies);
        let said = |needle: &str| {
            seen.iter().any(|m| {
                matches!(m, Message::Notification(n)
                    if n.method == "window/showMessage" && n.params.to_string().contains(needle))
            })
        };
        assert!(said("long-running/crashing left out"), "{seen:?}");
        assert!(said("bad.toml:9:"), "{seen:?}");
        assert!(lenses.to_string().contains("function"), "{lenses}");
        stop(&client, handle);
        let _ = fs::remove_dir_all(dir);
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

    /// Found by the fuzz harness (tests/fuzz): an empty body panicked the
    /// reader thread, and the server went deaf.
    #[test]
    fn an_empty_body_is_malformed_not_a_panic() {
        let input = format!("Content-Length: 0\r\n\r\n{}", frame(VALID));
        assert_eq!(methods(input.as_bytes()), [MALFORMED, "initialized"]);
        let nested = format!(
            "Content-Length: 47\r\n\r\n{{\"jContent-Length: 0\r\n\r\nsonrpc\":\"2.0\"}}{}",
            frame(VALID)
        );
        let got = methods(nested.as_bytes());
        assert_eq!(
            got.last().map(String::as_str),
            Some("initialized"),
            "{got:?}"
        );
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
    let summary = carve::cost::logs::read_lines("nul.log", reader, None, |_| Ok(()));
    assert_eq!(summary.lines, 2);
    assert_eq!(summary.malformed, 1);
    assert_eq!(summary.bytes, (8 << 20) + rest.len() as u64);
    let reason = &summary.malformed_first[0].reason;
    assert!(reason.starts_with("longer than 1048576 bytes"), "{reason}");
    // With no newline at all: the same, at the end of input.
    let reader = std::io::BufReader::new(std::io::repeat(b'x').take(3 << 20));
    let summary = carve::cost::logs::read_lines("x.log", reader, None, |_| Ok(()));
    assert_eq!((summary.lines, summary.malformed), (1, 1));
}

/// `carve cost DIR --log LOG --format json` on the Flask app beside it.
fn cost_json(name: &str, log: &str) -> serde_json::Value {
    let dir = temp_dir(name);
    fs::write(dir.join("app.py"), APP).unwrap();
    let log_path = dir.join("traffic.log");
    fs::write(&log_path, log).unwrap();
    let out = carve()
        .timeout(HANG_GUARD)
        .arg("cost")
        .arg(&dir)
        .arg("--log")
        .arg(&log_path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn cost_route<'a>(cost: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    cost["routes"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["id"] == id))
        .unwrap_or_else(|| panic!("{id} not priced: {cost}"))
}

/// The malformed lines of the first log: (line, reason).
fn bad_lines(cost: &serde_json::Value) -> Vec<(u64, String)> {
    cost["log"]["files"][0]["malformed_first"]
        .as_array()
        .map(|v| {
            v.iter()
                .map(|b| {
                    (
                        b["line"].as_u64().unwrap_or(0),
                        b["reason"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn an_aggregate_row_is_replayed_in_constant_memory_and_absurd_rows_are_refused() {
    // 50 million requests in one minute (833k a second, 10 ms each): counted
    // exactly, replayed as a few runs. Expanded, this was 1.6 GB of requests.
    let csv = "bucket,method,path,count,total_ms,max_ms\n\
               2026-11-01 10:00:00,GET,/ok,50000000,500000000,10\n\
               2026-11-01 10:01:00,GET,/ok,1000000000000,1000000000000,1\n\
               2026-11-01 10:02:00,GET,/ok,1,-5,5\n\
               2026-11-01 10:03:00,GET,/ok,10,500,50\n";
    let cost = cost_json("hostile-agg", csv);
    let route = cost_route(&cost, "GET /ok");
    assert_eq!(route["requests"], 50_000_010u64, "{route}");
    let bad = bad_lines(&cost);
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert_eq!(bad[0].0, 3);
    assert!(
        bad[0].1.contains("requests a second on one route"),
        "{bad:?}"
    );
    assert_eq!(bad[1], (4, "total_ms is negative".to_string()));
}

#[test]
fn an_aggregate_row_costs_bounded_work_whatever_its_count() {
    use carve::cost::logs::AggregateRow;
    use carve::cost::traffic::spread_row;
    for count in [1u64, 65, 66, 1_000_000, 60_000_000] {
        let row = AggregateRow {
            bucket_us: 0,
            method: "GET".into(),
            path: "/ok".into(),
            count,
            total_us: count * 20_000,
            max_us: 20_000,
        };
        let hits = spread_row(&row, 60_000_000, 0).expect("plausible");
        assert!(hits.len() <= 65, "{count}: {} hits", hits.len());
        assert_eq!(hits.iter().map(|h| h.requests).sum::<u64>(), count);
        // Lanes follow what is in flight (count × 20 ms / 60 s), not the count.
        let lanes: u64 = hits.iter().map(|h| u64::from(h.lanes)).max().unwrap_or(0);
        assert!(
            lanes <= (count * 20_000).div_ceil(60_000_000) + 1,
            "{count}: {lanes}"
        );
    }
}

#[test]
fn aggregate_rows_of_one_route_and_bucket_are_priced_as_their_sum() {
    // Two paths of one route in one bucket, split over three rows, and the
    // same traffic as one row: the rows are merged before the replay.
    let header = "bucket,method,path,count,total_ms,max_ms\n";
    let split = format!(
        "{header}2026-11-01 10:00:00,GET,/ok,100,2000,50\n\
         2026-11-01 10:00:00,GET,/ok?x=1,200,3000,80\n\
         2026-11-01 10:00:00,GET,/ok,1,10,10\n\
         2026-11-01 10:01:00,GET,/ok,5,50,10\n"
    );
    let merged = format!(
        "{header}2026-11-01 10:00:00,GET,/ok,301,5010,80\n\
         2026-11-01 10:01:00,GET,/ok,5,50,10\n"
    );
    let split = cost_json("hostile-agg-split", &split);
    let merged = cost_json("hostile-agg-merged", &merged);
    assert_eq!(cost_route(&split, "GET /ok")["requests"], 306);
    assert_eq!(split["routes"], merged["routes"]);
}

#[test]
fn thousands_of_aggregate_rows_of_one_route_and_bucket_finish() {
    // Each row is within the per-row bound; replayed one by one they added
    // up (this took 16 s). Merged, the replay is one row's.
    let mut csv = String::from("bucket,method,path,count,total_ms,max_ms\n");
    for _ in 0..8_000 {
        csv.push_str("2026-11-01 10:00:00,GET,/ok,4400,220000,90\n");
    }
    let cost = cost_json("hostile-agg-rows", &csv);
    let route = cost_route(&cost, "GET /ok");
    assert_eq!(route["requests"], 8_000u64 * 4_400, "{route}");
    assert!(bad_lines(&cost).is_empty());
}

fn combined_line(time: &str, path: &str, duration_us: u64) -> String {
    format!(r#"10.0.0.1 - - [{time} +0000] "GET {path} HTTP/1.1" 200 100 "-" "ua" {duration_us}"#)
}

#[test]
fn absurd_timestamps_are_outliers_and_a_wrong_span_is_said() {
    let mut log = vec![combined_line("01/Jan/0001:00:00:00", "/ok", 1000)];
    for m in 0..50 {
        log.push(combined_line(
            &format!("01/Nov/2026:10:{m:02}:00"),
            "/ok",
            1000,
        ));
    }
    log.push(combined_line("31/Dec/9999:23:59:59", "/ok", 1000));
    let cost = cost_json("hostile-years", &(log.join("\n") + "\n"));
    let bad = bad_lines(&cost);
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert_eq!(bad[0].0, 1);
    assert!(
        bad[0]
            .1
            .contains("0001-01-01T00:00:00Z is outside 1995–2099"),
        "{bad:?}"
    );
    assert_eq!(bad[1].0, 52);
    assert!(bad[1].1.contains("9999-12-31"), "{bad:?}");
    assert_eq!(cost_route(&cost, "GET /ok")["requests"], 50);
    let span = cost["log"]["span_hours"].as_f64().unwrap_or(f64::NAN);
    assert!((span - 49.0 / 60.0).abs() < 1e-6, "{span}");

    // Plausible years, but one stray line a year later: the span is said.
    let mut log: Vec<String> = (0..50)
        .map(|m| combined_line(&format!("01/Nov/2026:10:{m:02}:00"), "/ok", 1000))
        .collect();
    log.push(combined_line("01/Nov/2027:10:00:00", "/ok", 1000));
    let cost = cost_json("hostile-gap", &(log.join("\n") + "\n"));
    let warnings = cost["log"]["warnings"].to_string();
    assert!(
        warnings.contains(
            "without a single request (from 2026-11-01T10:49:00Z to 2027-11-01T10:00:00Z)"
        ),
        "{warnings}"
    );
}

#[test]
fn durations_past_any_platform_limit_are_malformed() {
    let log = [
        combined_line("01/Nov/2026:10:00:00", "/ok", 1000),
        // `%D` microseconds: 10^8 s.
        combined_line("01/Nov/2026:10:00:01", "/ok", 99_999_999_999_999),
        combined_line("01/Nov/2026:10:00:02", "/ok", 3_600_000_000),
    ];
    let cost = cost_json("hostile-durations", &(log.join("\n") + "\n"));
    let bad = bad_lines(&cost);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].0, 2);
    assert!(bad[0].1.contains("longer than a day"), "{bad:?}");
    // An hour is long, but some platform serves it (Cloud Run): priced.
    assert_eq!(cost_route(&cost, "GET /ok")["requests"], 2);
}

#[test]
fn unmatched_counts_past_the_memory_bound_are_marked_estimates() {
    // Letters only, so that folding numbers keeps them apart.
    let word = |mut i: usize| {
        let mut w = String::new();
        loop {
            w.push(char::from(b'a' + (i % 26) as u8));
            i /= 26;
            if i == 0 {
                break w;
            }
        }
    };
    let mut log: Vec<String> = (0..100)
        .map(|i| combined_line(&format!("01/Nov/2026:10:{:02}:00", i % 60), "/hot", 1000))
        .collect();
    log.extend(
        (0..2000).map(|i| combined_line("01/Nov/2026:11:00:00", &format!("/zz/{}", word(i)), 1000)),
    );
    log.push(combined_line("01/Nov/2026:11:00:00", "/ok", 1000));
    let cost = cost_json("hostile-unmatched", &(log.join("\n") + "\n"));
    let top = cost["log"]["top_unmatched"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(top.len(), 10, "{top:?}");
    // Never evicted: exact, and not marked.
    assert_eq!(top[0]["request"], "GET /hot");
    assert_eq!(top[0]["count"], 100);
    assert!(top[0].get("estimated").is_none(), "{top:?}");
    // Each seen once, shown with what evicted paths left them: marked.
    for u in &top[1..] {
        assert_eq!(u["estimated"], true, "{u}");
    }
    assert_eq!(cost["log"]["unmatched"], 2100);
    let dir = temp_dir("hostile-unmatched-text");
    fs::write(dir.join("app.py"), APP).unwrap();
    fs::write(dir.join("t.log"), log.join("\n") + "\n").unwrap();
    let out = carve()
        .timeout(HANG_GUARD)
        .arg("cost")
        .arg(&dir)
        .arg("--log")
        .arg(dir.join("t.log"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("     100  GET /hot\n"), "{text}");
    assert!(
        text.lines()
            .filter(|l| l.contains("GET /zz/"))
            .all(|l| l.trim_start().starts_with('≈')),
        "{text}"
    );

    // Under the bound every count is exact.
    let log: Vec<String> = (0..20)
        .map(|i| combined_line("01/Nov/2026:11:00:00", &format!("/zz/{}", word(i)), 1000))
        .collect();
    let cost = cost_json("hostile-unmatched-exact", &(log.join("\n") + "\n"));
    let top = cost["log"]["top_unmatched"].to_string();
    assert!(!top.contains("estimated"), "{top}");
}

#[test]
fn counts_of_one_read_in_the_singular() {
    let dir = temp_dir("hostile-plural");
    fs::write(dir.join("app.py"), APP).unwrap();
    let out = carve().arg("scan").arg(&dir).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "carve 1 route: 1 function, 0 refactor, 0 container; 0 findings; 1 file scanned"
        ),
        "{text}"
    );
}

#[test]
fn a_nul_byte_anywhere_makes_a_file_binary() {
    let dir = temp_dir("hostile-late-nul");
    fs::write(dir.join("app.py"), APP).unwrap();
    // Well past the first 8 KB that used to be the only bytes looked at.
    let late = format!("{APP}{}\0\0\n", "# comment\n".repeat(2_000));
    fs::write(dir.join("late.py"), late).unwrap();
    let (code, report) = json_scan(&dir, &mut carve());
    assert_eq!(code, Some(0));
    assert_eq!(skip_reason(&report, "late.py"), "binary");
    assert_eq!(route_ids(&report), ["GET /ok"]);
    assert_eq!(report["stats"]["parse_errors"], 0, "{report}");
}

#[test]
fn control_characters_in_file_names_are_escaped_in_the_text_report() {
    let dir = temp_dir("hostile-file-name");
    let app = "from flask import Flask\napp = Flask(__name__)\nCACHE = {}\n\n@app.get('/ok')\ndef ok():\n    CACHE['k'] = 1\n    return 'ok'\n";
    fs::write(dir.join("a\x1b[31mred\nx.py"), app).unwrap();
    let out = carve().arg("scan").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.contains('\x1b'),
        "a raw escape reached the terminal: {text:?}"
    );
    assert!(text.contains(r"a\u{1b}[31mred\nx.py:7:5"), "{text}");
    // JSON keeps the real name: consumers get the bytes, escaped by JSON.
    let (_, report) = json_scan(&dir, &mut carve());
    assert_eq!(report["findings"][0]["file"], "a\x1b[31mred\nx.py");
}

#[test]
fn rules_tree_names_a_missing_file() {
    let out = carve()
        .args(["rules", "tree", "no/such/file.py"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/file.py"), "{err}");
}

/// `depth` functions nested in each other, each writing the module's object.
fn nested_js(depth: usize) -> String {
    let mut s = String::from(
        "const express = require('express');\nconst app = express();\nconst state = {};\napp.get('/ok', (req, res) => res.send('ok'));\n",
    );
    for i in 0..depth {
        s.push_str(&format!("function f{i}() {{\nstate.k{i} = {i};\n"));
    }
    s.push_str(&"}\n".repeat(depth));
    s
}

#[test]
fn a_thousand_nested_functions_are_analysed_in_full() {
    // Each write looked for an enclosing `if` by walking up with
    // `Node::parent`, which tree-sitter answers from the root down: cubic
    // in depth (78 s at this depth). Now a single descent per write.
    let dir = temp_dir("hostile-nested-js");
    fs::write(dir.join("app.js"), nested_js(1_000)).unwrap();
    let (code, report) = json_scan(&dir, &mut carve());
    assert_eq!(code, Some(0));
    assert_eq!(route_ids(&report), ["GET /ok"]);
    assert_eq!(report["stats"]["files_partial"], serde_json::json!([]));
    assert_eq!(
        report["stats"]["findings_off_request_path"], 1000,
        "{}",
        report["stats"]
    );
}

#[test]
fn a_long_chain_of_mounts_is_analysed_in_full() {
    // `Router().use(r0).use(r1)…`: each mount looks for what the chain is
    // assigned to, walking up the chain. By `Node::parent` (a descent from
    // the root per step) that was cubic in the chain's length; now one
    // descent per mount.
    let n = 200;
    let mut s = String::from("const express = require('express');\nconst app = express();\n");
    for i in 0..n {
        s.push_str(&format!("const r{i} = express.Router();\n"));
    }
    s.push_str("const api = express.Router()\n");
    for i in 0..n {
        s.push_str(&format!("  .use(r{i})\n"));
    }
    s.push_str(";\nr0.get('/ok', (req, res) => res.send('ok'));\napp.use('/api', api);\n");
    let dir = temp_dir("hostile-chain");
    fs::write(dir.join("app.js"), s).unwrap();
    let (code, report) = json_scan(&dir, &mut carve());
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(route_ids(&report), ["GET /api/ok"], "{report}");
    assert_eq!(report["stats"]["files_partial"], serde_json::json!([]));
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn thousands_of_routes_in_one_file_are_all_found() {
    // Name lookups scanned every definition of the file: quadratic in the
    // routes of one file (16k routes: 24 s against 3.5 s in 16 files).
    let dir = temp_dir("hostile-many-routes");
    let mut s = String::from("const express = require('express');\nconst app = express();\n");
    for i in 0..4_000 {
        s.push_str(&format!(
            "function h{i}(req, res) {{ helper{i}(); res.send('{i}'); }}\nfunction helper{i}() {{ return {i}; }}\napp.get('/r{i}', h{i});\n"
        ));
    }
    fs::write(dir.join("app.js"), s).unwrap();
    let (code, report) = json_scan(&dir, &mut carve());
    assert_eq!(code, Some(0));
    let routes = report["routes"].as_array().expect("routes");
    assert_eq!(routes.len(), 4_000);
    let last = routes
        .iter()
        .find(|r| r["id"] == "GET /r3999")
        .expect("last route");
    assert_eq!(last["handler"], "h3999");
}

/// PHP that pushes the grammar: thousands of nesting levels (functions,
/// arrays, `if` blocks around heredocs), heredocs with unterminated
/// interpolations, `?>`/`<?php`/`<?=` tag soup between HTML, and a 1 MiB
/// file of 30 000 routes. Nothing aborts, every file is read, and the
/// ordinary route beside them and the huge file's routes are all found.
#[test]
fn hostile_php_is_read_without_losing_the_routes() {
    let dir = temp_dir("hostile-php");
    let write = |name: &str, text: String| fs::write(dir.join(name), text).unwrap();
    write(
        "routes.php",
        "<?php\nRoute::get('/ok', fn () => 1);\n".into(),
    );
    write(
        "deep_functions.php",
        format!(
            "<?php\n{}echo 1;\n{}",
            "function f() {\n".repeat(3000),
            "}\n".repeat(3000)
        ),
    );
    write(
        "deep_arrays.php",
        format!(
            "<?php\n$x = {}1{};\n",
            "[\n".repeat(5000),
            "]\n".repeat(5000)
        ),
    );
    write(
        "deep_heredoc.php",
        format!(
            "<?php\n{}$x = <<<EOT\n{{$a}}\nEOT;\n{}$s = <<<EOT\n{}\nEOT;\n$n = <<<'NOW'\n ?> <?php NOW\nNOW;\n",
            "if ($a) {\n".repeat(4000),
            "}\n".repeat(4000),
            "{$a[\n".repeat(3000)
        ),
    );
    write(
        "mix.php",
        format!(
            "{}{}",
            "<div><?php if ($a): ?>\n<b><?= $x ?></b>\n<?php else: ?>\n".repeat(3000),
            "<?php endif; ?>\n".repeat(3000)
        ),
    );
    write("tags.php", "?>\n<?php\n<?=\n".repeat(10000));
    let many: String = (0..30_000)
        .map(|i| format!("Route::get('/r{i}', [C::class, 'm']);\n"))
        .collect();
    write("many_routes.php", format!("<?php\n{many}"));
    let (code, report) = json_scan(&dir, &mut carve());
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(
        report["skipped"],
        serde_json::json!([]),
        "{}",
        report["skipped"]
    );
    assert_eq!(report["stats"]["files"], 7);
    let ids = route_ids(&report);
    assert!(ids.contains(&"GET /ok".to_string()), "{ids:?}");
    assert!(ids.contains(&"GET /r29999".to_string()));
    assert_eq!(ids.len(), 30_001);
}

/// Scans `ok` (a file with the ordinary route `ok_route`) beside hostile
/// `files` of the same language, one of them `many` routes named `/r{i}`
/// (a mutated file's routes are named otherwise):
/// exit 0, nothing skipped (each is analysed), every route kept. Returns
/// the report.
fn hostile_language(
    tag: &str,
    ok: (&str, &str),
    ok_route: &str,
    files: &[(&str, String)],
    many: usize,
) -> serde_json::Value {
    let dir = temp_dir(tag);
    fs::write(dir.join(ok.0), ok.1).unwrap();
    for (name, text) in files {
        fs::write(dir.join(name), text).unwrap();
    }
    let (code, report) = json_scan(&dir, &mut carve());
    assert_eq!(code, Some(0), "{tag}: {report}");
    assert_eq!(report["skipped"], serde_json::json!([]), "{tag}");
    assert_eq!(report["stats"]["files"], 1 + files.len(), "{tag}: {report}");
    // None cut short by the time or facts budget: the limits are generous
    // enough for every hostile file here, in a debug build too.
    assert_eq!(
        report["stats"]["files_partial"],
        serde_json::json!([]),
        "{tag}"
    );
    let ids = route_ids(&report);
    assert!(ids.contains(&ok_route.to_string()), "{tag}: {ids:?}");
    let numbered = |id: &&String| {
        id.rsplit_once("/r")
            .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    assert_eq!(ids.iter().filter(numbered).count(), many, "{tag}");
    assert!(
        ids.iter()
            .any(|id| id.ends_with(&format!("/r{}", many - 1))),
        "{tag}"
    );
    let _ = fs::remove_dir_all(dir);
    report
}

/// `text` with every `step`-th byte range of 7 bytes replaced by junk, as
/// the fuzzer's mutations do: unbalanced brackets, quotes, a NUL-free mess.
fn mutated(text: &str, step: usize) -> String {
    let mut out = String::new();
    for (i, chunk) in text.as_bytes().chunks(step).enumerate() {
        let chunk = String::from_utf8_lossy(chunk);
        if i % 2 == 1 && chunk.len() > 7 {
            out.push_str(["{ \"(", "}}) @", "\"\"\" [", "/* ", "$\"{"][i % 5]);
            out.push_str(&chunk[7.min(chunk.len())..]);
        } else {
            out.push_str(&chunk);
        }
    }
    out
}

#[test]
fn hostile_java_is_read_without_losing_the_routes() {
    let ok = "@RestController\nclass OkController {\n  @GetMapping(\"/ok\")\n  public String ok() { return \"ok\"; }\n}\n";
    let many: String = (0..5_000)
        .map(|i| format!("  @GetMapping(\"/r{i}\")\n  public String r{i}() {{ return \"r\"; }}\n"))
        .collect();
    let files = [
        (
            "Deep.java",
            format!(
                "class Deep {{\n void f() {{\n{}int x = 1;\n{} }}\n}}\n",
                "{\n".repeat(5_000),
                "}\n".repeat(5_000)
            ),
        ),
        // Classes nested 200 deep, a route in the innermost: its router is
        // found by one walk up, not one `parent()` per level. (Past about
        // 400 levels the query budget marks the file partial.)
        (
            "Nested.java",
            format!(
                "@RestController\nclass N0 {{\n{}  @GetMapping(\"/nested\")\n  public String n() {{ return \"n\"; }}\n{}}}\n",
                (1..200).map(|i| format!("@RestController\nstatic class N{i} {{\n")).collect::<String>(),
                "}\n".repeat(199)
            ),
        ),
        (
            "Literal.java",
            format!(
                "class Literal {{\n  String s = \"\"\"\n{}\"\"\";\n  String t = {};\n}}\n",
                "a line of text in a text block\n".repeat(20_000),
                (0..3_000).map(|i| format!("\"p{i}\"")).collect::<Vec<_>>().join(" +\n")
            ),
        ),
        ("Mutated.java", mutated(&format!("@RestController\nclass M {{\n{}}}\n", &many[..4_000].replace("/r", "/m")), 23)),
        (
            "Many.java",
            format!("@RestController\nclass ManyController {{\n{many}}}\n"),
        ),
    ];
    let report = hostile_language(
        "hostile-java",
        ("OkController.java", ok),
        "GET /ok",
        &files,
        5_000,
    );
    assert!(route_ids(&report).contains(&"GET /nested".to_string()));
}

#[test]
fn hostile_csharp_is_read_without_losing_the_routes() {
    let ok = "[ApiController]\npublic class OkController : ControllerBase {\n  [HttpGet(\"/ok\")]\n  public string Ok() => \"ok\";\n}\n";
    let many: String = (0..5_000)
        .map(|i| format!("  [HttpGet(\"/r{i}\")]\n  public string R{i}() => \"r\";\n"))
        .collect();
    let files = [
        (
            "Deep.cs",
            format!(
                "class Deep {{\n void F() {{\n{}int x = 1;\n{} }}\n}}\n",
                "{\n".repeat(5_000),
                "}\n".repeat(5_000)
            ),
        ),
        // Interpolated strings nested in each other: the scanner class that
        // has crashed tree-sitter-c-sharp before.
        (
            "Interpolated.cs",
            format!(
                "class I {{\n string s = {}x{};\n}}\n",
                "$\"a{\n".repeat(2_000),
                "\n}\"".repeat(2_000)
            ),
        ),
        (
            "Literal.cs",
            format!(
                "class Literal {{\n  string s = @\"\n{}\";\n  string t = \"\"\"\n{}\"\"\";\n}}\n",
                "a line of a verbatim string\n".repeat(20_000),
                "a raw string line\n".repeat(20_000)
            ),
        ),
        (
            "Mutated.cs",
            mutated(
                &format!(
                    "[ApiController]\npublic class M : ControllerBase {{\n{}}}\n",
                    &many[..4_000].replace("/r", "/m")
                ),
                23,
            ),
        ),
        (
            "Many.cs",
            format!("[ApiController]\npublic class ManyController : ControllerBase {{\n{many}}}\n"),
        ),
    ];
    hostile_language(
        "hostile-csharp",
        ("OkController.cs", ok),
        "GET /ok",
        &files,
        5_000,
    );
}

#[test]
fn hostile_go_is_read_without_losing_the_routes() {
    let ok = "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.HandleFunc(\"/ok\", ok)\n}\n\nfunc ok(w http.ResponseWriter, r *http.Request) {}\n";
    let many: String = (0..5_000)
        .map(|i| format!("\thttp.HandleFunc(\"/r{i}\", ok)\n"))
        .collect();
    let files = [
        (
            "deep.go",
            format!(
                "package main\n\nfunc deep() {{\n{}x := 1\n{}}}\n",
                "{\n".repeat(5_000),
                "}\n".repeat(5_000)
            ),
        ),
        (
            "literal.go",
            format!(
                "package main\n\nvar s = `\n{}`\n",
                "a line of a raw string\n".repeat(20_000)
            ),
        ),
        (
            "mutated.go",
            mutated(
                &format!(
                    "package main\n\nfunc m() {{\n{}}}\n",
                    &many[..4_000].replace("/r", "/m")
                ),
                23,
            ),
        ),
        (
            "many.go",
            format!("package main\n\nimport \"net/http\"\n\nfunc routes() {{\n{many}}}\n"),
        ),
    ];
    hostile_language("hostile-go", ("main.go", ok), "ANY /ok", &files, 5_000);
}

// Config and rule errors: each names its file, line and column.

/// `carve scan DIR` on the Flask app with `files` beside it: (exit code, stderr).
fn scan_with(tag: &str, files: &[(&str, &str)], args: &[&str]) -> (Option<i32>, String) {
    let dir = temp_dir(tag);
    fs::write(dir.join("app.py"), APP).expect("write");
    for (rel, text) in files {
        let path = dir.join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
    let out = carve()
        .arg("scan")
        .arg(&dir)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn a_bad_glob_in_the_config_points_at_its_line_not_at_the_flag() {
    let config = "[scan]\nexclude = [\"legacy/**\", \"src/{a,b\"]\n";
    let (code, err) = scan_with(
        "hostile-config-glob",
        &[(".carve/config.toml", config)],
        &[],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(".carve/config.toml:2:25]"), "{err}");
    assert!(
        err.contains("bad exclude glob: unclosed alternate group"),
        "{err}"
    );
    assert!(!err.contains("--exclude") && !err.contains("'!"), "{err}");
}

/// Found by the fuzzer: thousands of nested `{}` overflowed the glob
/// compiler's stack (exit 134, every result lost).
#[test]
fn globs_nested_thousands_deep_are_refused_not_a_crash() {
    let deep = format!("l{}a{}", "{".repeat(15_000), "}".repeat(15_000));
    let config = format!("[scan]\nexclude = [\"{deep}\"]\n");
    let (code, err) = scan_with(
        "hostile-config-deep-glob",
        &[(".carve/config.toml", &config)],
        &[],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(".carve/config.toml:2:12]"), "{err}");
    assert!(err.contains("nested more than 32 deep"), "{err}");
    let (code, err) = scan_with("hostile-flag-deep-glob", &[], &["--exclude", &deep]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("bad --exclude pattern") && err.contains("nested more than 32 deep"),
        "{err}"
    );
    assert!(
        err.len() < 2_000,
        "the pattern is shown whole: {} bytes",
        err.len()
    );
}

#[test]
fn every_error_of_a_config_is_reported_at_its_line() {
    let config = "[scan]\ninclude_tests = \"yes\"\nmax_file_size = -1\n\n[rules]\n\
                  disable = [\"session\", 1]\n\n[report]\nfail_on = \"sometimes\"\n\n[scna]\nx = 1\n";
    let (code, err) = scan_with(
        "hostile-config-errors",
        &[(".carve/config.toml", config)],
        &[],
    );
    assert_eq!(code, Some(2), "{err}");
    for (at, message) in [
        ("2:17", "invalid type: string \"yes\", expected a boolean"),
        ("3:17", "invalid value: integer `-1`, expected u64"),
        ("6:23", "invalid type: integer `1`, expected a string"),
        ("9:11", "unknown variant `sometimes`"),
        ("11:2", "unknown field `scna`"),
    ] {
        assert!(
            err.contains(&format!(".carve/config.toml:{at}]")),
            "{at}: {err}"
        );
        assert!(err.contains(message), "{message}: {err}");
    }
    // In the order of the file.
    let first = err.find("expected a boolean").expect("first");
    let last = err.find("unknown field `scna`").expect("last");
    assert!(first < last, "{err}");
}

#[test]
fn a_config_that_is_a_folder_is_an_error_with_its_path() {
    let dir = temp_dir("hostile-config-folder");
    fs::write(dir.join("app.py"), APP).expect("write");
    fs::create_dir_all(dir.join(".carve/config.toml")).expect("mkdir");
    let out = carve().arg("scan").arg(&dir).output().expect("runs");
    // miette wraps long lines.
    let err = String::from_utf8_lossy(&out.stderr).replace("\n  | ", " ");
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(".carve/config.toml: a folder, not a file"),
        "{err}"
    );
}

/// A user rule as `.carve/rules/NAME.toml` would hold it, with `field`
/// written as `value`.
fn user_rule(id: &str, weight: &str, message: &str) -> String {
    format!(
        "id = \"{id}\"\nkind = \"long-running\"\nlanguages = [\"python\"]\nseverity = \"blocker\"\n\
         weight = {weight}\nmessage = \"{message}\"\nhelp = \"remove it\"\ndoc = \"team rule\"\n\
         query = '(call function: (identifier) @f (#eq? @f \"legacy_ping\")) @hit'\n"
    )
}

#[test]
fn rule_errors_point_at_their_line_and_column() {
    let ok = user_rule("long-running/legacy-ping", "10", "legacy ping");
    let (code, err) = scan_with("hostile-rule-ok", &[(".carve/rules/ping.toml", &ok)], &[]);
    assert_eq!(code, Some(0), "{err}");
    for (tag, rule, at, message) in [
        (
            "weight",
            user_rule("long-running/legacy-ping", "1000", "legacy ping"),
            "5:10",
            "weight 1000 is over 100",
        ),
        (
            "placeholder",
            user_rule(
                "long-running/legacy-ping",
                "10",
                "legacy {nope} ping in {state}",
            ),
            "6:19",
            "unknown placeholder `{nope}` in the message",
        ),
        (
            "duplicate",
            user_rule("long-running/python-sleep", "10", "sleeps"),
            "1:6",
            "rule id long-running/python-sleep is defined twice",
        ),
        // tree-sitter's query compiler aborts on this shape (found by the
        // fuzzer): refused with its line before it reaches the compiler.
        (
            "field-predicate",
            user_rule("long-running/legacy-ping", "10", "legacy ping").replace(
                "function: (identifier) @f",
                "function: (#set! route.method \"GET\")",
            ),
            "9:16",
            "a field name must be followed by a node, not a predicate",
        ),
    ] {
        let (code, err) = scan_with(
            &format!("hostile-rule-{tag}"),
            &[(".carve/rules/bad.toml", &rule)],
            &[],
        );
        assert_eq!(code, Some(2), "{tag}: {err}");
        assert!(err.contains(&format!("bad.toml:{at}]")), "{tag}: {err}");
        assert!(err.contains(message), "{tag}: {err}");
    }
}

/// A query that aborts tree-sitter's query compiler (`query.c:2959:
/// Assertion 'step_index < steps.size' failed`): a capture after a group
/// that holds only a predicate. Found by the fuzzer in mutated rule files.
const CRASHING_QUERY: &str = "(call function: (identifier) @f ((#eq? @f \"x\")) @g) @hit";

/// A route that calls `legacy_ping()`, which `user_rule` finds.
const PING_APP: &str = "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/ping')\ndef ping():\n    legacy_ping()\n    return 'ok'\n";

fn crashing_rule() -> String {
    user_rule("long-running/crashing", "10", "crashes").replace(
        "(call function: (identifier) @f (#eq? @f \"legacy_ping\")) @hit",
        CRASHING_QUERY,
    )
}

#[test]
fn a_rule_query_that_crashes_the_compiler_is_refused_not_the_scan() {
    let dir = temp_dir("hostile-rule-crash");
    fs::write(dir.join("app.py"), APP).unwrap();
    fs::write(dir.join("ping.py"), PING_APP).unwrap();
    fs::create_dir_all(dir.join(".carve/rules")).unwrap();
    fs::write(dir.join(".carve/rules/bad.toml"), crashing_rule()).unwrap();
    let ping = user_rule("long-running/legacy-ping", "10", "legacy ping");
    fs::write(dir.join(".carve/rules/ping.toml"), ping).unwrap();
    let out = carve()
        .env("CARVE_PREFILTER", "off")
        .args(["scan", "--no-cache", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // Refused with its file and line, and why.
    assert!(err.contains("bad.toml:9:"), "{err}");
    assert!(
        err.contains("rule long-running/crashing left out: its query crashes tree-sitter's query compiler (SIGABRT)"),
        "{err}"
    );
    assert!(err.contains("query.c:"), "{err}");
    // Every other rule and result kept.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(route_ids(&report), ["GET /ok", "GET /ping"], "{report}");
    assert!(
        report.to_string().contains("long-running/legacy-ping"),
        "{report}"
    );
    assert!(!report.to_string().contains("long-running/crashing"));
    // `carve rules test` of the folder refuses it too, as a failure.
    let out = carve()
        .args(["rules", "test"])
        .arg(dir.join(".carve/rules"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("long-running/crashing left out"), "{err}");
    let _ = fs::remove_dir_all(dir);
}

/// Vetting marks the user rules it compiled in a worker, so the scan does not
/// hand them to tree-sitter's query compiler a second time; a refused rule
/// is gone and a built-in one is never marked.
#[test]
fn vetting_marks_the_rules_compiled_in_a_worker() {
    use carve::rules::{parse_rule, vet, RuleSet};
    let exe = Path::new(env!("CARGO_BIN_EXE_carve"));
    let ping = user_rule("long-running/legacy-ping", "10", "legacy ping");
    let mut rules = RuleSet::builtin().unwrap();
    let builtin = rules.rules.len();
    for (name, text) in [("ping.toml", ping), ("bad.toml", crashing_rule())] {
        rules
            .rules
            .push(parse_rule(Path::new(name), &text).unwrap());
    }
    assert!(rules.rules.iter().all(|r| !r.source.vetted));
    let refused = vet::vet(exe, &mut rules).unwrap();
    assert_eq!(refused.len(), 1);
    let vetted: Vec<&str> = rules
        .rules
        .iter()
        .filter(|r| r.source.vetted)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(vetted, ["long-running/legacy-ping"]);
    assert_eq!(rules.rules.len(), builtin + 1);
}

/// `carve scan /` must not walk `/proc`, `/sys` or other mounts: folders on
/// another file system than the root are skipped with that reason. `/dev`
/// holds such mounts on Linux (`/dev/pts`, `/dev/shm`), and no source.
#[cfg(target_os = "linux")]
#[test]
fn other_file_systems_are_not_walked() {
    use std::os::unix::fs::MetadataExt;
    let Ok(dev) = fs::metadata("/dev") else {
        return;
    };
    let mounts: Vec<String> = fs::read_dir("/dev")
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| e.metadata().is_ok_and(|m| m.dev() != dev.dev()))
        .map(|e| format!("{}/", e.file_name().to_string_lossy()))
        .collect();
    let out = carve()
        .args(["scan", "/dev", "--format", "json", "--no-cache"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let skipped: Vec<(String, String)> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap_or("").to_string(),
                s["reason"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    for mount in &mounts {
        assert!(
            skipped
                .iter()
                .any(|(p, r)| p == mount && r.contains("another file system")),
            "{mount} not reported: {skipped:?}"
        );
    }
    // Nothing under a mount was walked.
    assert!(!skipped
        .iter()
        .any(|(p, _)| mounts.iter().any(|m| p.starts_with(m.as_str()) && p != m)));
}
