//! `carve lsp` in-process: a client over `Connection::memory()` talks to the
//! server running in a thread on a sample app, handler by handler.

mod common;

use carve::lsp::{self, uri};
use carve::settings::Flags;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument, Exit,
    Initialized, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, CodeLensRequest, HoverRequest, Initialize, Request as _, Shutdown,
};
use lsp_types::{
    CodeActionContext, CodeActionOrCommand, CodeActionParams, CodeLensParams, Diagnostic,
    DiagnosticSeverity, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, FileChangeType, FileEvent,
    HoverContents, HoverParams, NumberOrString, Position, PublishDiagnosticsParams, Range,
    TextDocumentContentChangeEvent, TextDocumentIdentifier, TextDocumentItem,
    TextDocumentPositionParams, Uri, VersionedTextDocumentIdentifier,
};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a test waits for the server before failing instead of hanging.
const TIMEOUT: Duration = Duration::from_secs(60);

struct Client {
    conn: Connection,
    server: JoinHandle<Result<lsp::Ending, lsp::ServerError>>,
    root: PathBuf,
    next_id: i32,
    /// Every notification received, in order.
    notifications: Vec<Notification>,
    initialize_result: serde_json::Value,
}

impl Client {
    /// Starts a server on `root`; `utf8` offers the UTF-8 position encoding.
    fn start(root: &Path, utf8: bool) -> Client {
        // The tests' shared cache: nothing is written under samples/.
        let flags = Flags {
            cache_dir: Some(common::cache_dir()),
            ..Flags::default()
        };
        Client::start_with(root, utf8, flags)
    }

    fn start_with(root: &Path, utf8: bool, flags: Flags) -> Client {
        let (client, server) = Connection::memory();
        let handle = std::thread::spawn(move || lsp::run(server, flags));
        let encodings = if utf8 {
            json!(["utf-8", "utf-16"])
        } else {
            json!(["utf-16"])
        };
        let root_uri = uri::from_path(root).expect("root URI");
        let mut c = Client {
            conn: client,
            server: handle,
            root: root.to_path_buf(),
            next_id: 0,
            notifications: Vec::new(),
            initialize_result: json!(null),
        };
        let params = json!({
            "processId": null,
            "rootUri": root_uri.as_str(),
            "capabilities": {
                "general": { "positionEncodings": encodings },
                "window": { "workDoneProgress": true },
                "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } },
            },
            "workspaceFolders": [{ "uri": root_uri.as_str(), "name": "sample" }],
        });
        let response = c.call(Initialize::METHOD, params);
        c.initialize_result = response.result.expect("initialize result");
        c.notify::<Initialized>(json!({}));
        c
    }

    fn uri(&self, rel: &str) -> Uri {
        uri::from_path(&self.root.join(rel)).expect("file URI")
    }

    /// Sends a request and waits for its response, keeping the
    /// notifications that arrive before it.
    fn call(&mut self, method: &str, params: serde_json::Value) -> Response {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let req = Request::new(id.clone(), method.to_string(), params);
        self.conn.sender.send(req.into()).expect("server alive");
        loop {
            match self.conn.receiver.recv_timeout(TIMEOUT).expect("a reply") {
                Message::Response(r) if r.id == id => return r,
                Message::Notification(n) => self.notifications.push(n),
                // Server → client requests (progress tokens, watchers).
                _ => {}
            }
        }
    }

    fn request<R: lsp_types::request::Request>(&mut self, params: R::Params) -> R::Result {
        let response = self.call(R::METHOD, serde_json::to_value(params).expect("params"));
        assert!(
            response.error.is_none(),
            "{} failed: {:?}",
            R::METHOD,
            response.error
        );
        serde_json::from_value(response.result.unwrap_or_default()).expect("a typed result")
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: impl serde::Serialize) {
        self.notify_raw(N::METHOD, params);
    }

    fn notify_raw(&self, method: &str, params: impl serde::Serialize) {
        let n = Notification::new(method.to_string(), params);
        self.conn.sender.send(n.into()).expect("server alive");
    }

    /// Waits until the server has handled everything sent so far (replies
    /// come in order, after the notifications they caused).
    fn sync(&mut self) {
        let _ = self.call("carve/sync", json!(null));
    }

    /// Every publishDiagnostics, in order.
    fn published(&self) -> Vec<PublishDiagnosticsParams> {
        self.notifications
            .iter()
            .filter(|n| n.method == PublishDiagnostics::METHOD)
            .map(|n| serde_json::from_value(n.params.clone()).expect("diagnostics params"))
            .collect()
    }

    /// The latest diagnostics of `rel` (empty when never published).
    fn diagnostics(&mut self, rel: &str) -> Vec<Diagnostic> {
        self.sync();
        let uri = self.uri(rel);
        self.published()
            .into_iter()
            .rev()
            .find(|p| p.uri == uri)
            .map(|p| p.diagnostics)
            .unwrap_or_default()
    }

    fn open(&self, rel: &str, text: &str) {
        self.notify::<DidOpenTextDocument>(DidOpenTextDocumentParams {
            text_document: TextDocumentItem::new(self.uri(rel), "python".into(), 1, text.into()),
        });
    }

    fn change(&self, rel: &str, version: i32, text: &str) {
        self.notify::<DidChangeTextDocument>(DidChangeTextDocumentParams {
            text_document: VersionedTextDocumentIdentifier::new(self.uri(rel), version),
            content_changes: vec![TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: text.into(),
            }],
        });
    }

    fn hover_text(&mut self, rel: &str, line: u32) -> Option<String> {
        let hover = self.request::<HoverRequest>(HoverParams {
            text_document_position_params: TextDocumentPositionParams::new(
                TextDocumentIdentifier::new(self.uri(rel)),
                Position::new(line, 4),
            ),
            work_done_progress_params: Default::default(),
        })?;
        match hover.contents {
            HoverContents::Markup(m) => Some(m.value),
            other => panic!("hover is not Markdown: {other:?}"),
        }
    }

    /// shutdown, exit, and the server thread ends on its own.
    fn stop(mut self) {
        let response = self.call(Shutdown::METHOD, json!(null));
        assert!(response.error.is_none(), "{:?}", response.error);
        self.notify::<Exit>(json!(null));
        let deadline = std::time::Instant::now() + TIMEOUT;
        while !self.server.is_finished() {
            assert!(std::time::Instant::now() < deadline, "server hangs on exit");
            std::thread::sleep(Duration::from_millis(10));
        }
        let result = self.server.join().expect("server thread does not panic");
        assert!(
            matches!(result, Ok(lsp::Ending::Clean)),
            "server ends cleanly: {result:?}"
        );
    }
}

fn code(d: &Diagnostic) -> &str {
    match &d.code {
        Some(NumberOrString::String(s)) => s,
        other => panic!("diagnostic without a rule id: {other:?}"),
    }
}

fn flask() -> PathBuf {
    common::sample("flask")
}

#[test]
fn diagnostics_for_every_file_with_findings_after_progress() {
    let report = common::scan_sample("flask");
    let mut c = Client::start(&flask(), true);
    assert_eq!(
        c.initialize_result["capabilities"]["positionEncoding"],
        "utf-8"
    );
    c.sync();
    // $/progress: begin, reports, end with the summary.
    let kinds: Vec<String> = c
        .notifications
        .iter()
        .filter(|n| n.method == "$/progress")
        .map(|n| n.params["value"]["kind"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(kinds.first().map(String::as_str), Some("begin"));
    assert_eq!(kinds.last().map(String::as_str), Some("end"));
    assert!(kinds.len() >= 3, "{kinds:?}");

    // One publication per file with findings, as many diagnostics as findings.
    let published = c.published();
    let mut files: Vec<String> = report.findings.iter().map(|f| f.at.file.clone()).collect();
    files.dedup();
    assert_eq!(published.len(), files.len());
    let n_diags: usize = published.iter().map(|p| p.diagnostics.len()).sum();
    assert_eq!(n_diags, report.findings.len());

    // The session use in auth.py:12:15 blocks many routes.
    let auth = c.diagnostics("inventory/auth.py");
    let session = auth
        .iter()
        .find(|d| code(d) == "session/python-server-session-used")
        .expect("the session diagnostic");
    assert_eq!(session.range.start, Position::new(11, 14));
    assert_eq!(session.severity, Some(DiagnosticSeverity::WARNING));
    assert_eq!(session.source.as_deref(), Some("carve"));
    assert_eq!(
        session
            .code_description
            .as_ref()
            .map(|c| c.href.as_str().to_string()),
        Some(
            "https://github.com/carve-dev/carve/blob/main/docs/rules.md#sessionpython-server-session-used"
                .to_string()
        )
    );
    assert!(session
        .message
        .contains("uses the Flask session (`user_id`)"));
    assert!(
        session.message.contains("GET /health"),
        "{}",
        session.message
    );
    assert!(session.message.contains("fix: Move the session"));
    let related = session.related_information.as_ref().expect("related info");
    let hook = related
        .iter()
        .find(|r| {
            r.message
                .starts_with("handler `load_request_context` (DELETE /catalog/entries/<int:entry_id>, GET /api/countries, ")
        })
        .unwrap_or_else(|| panic!("the hook before GET /health in {related:#?}"));
    assert!(hook.message.ends_with(" more)"), "{}", hook.message);
    assert_eq!(hook.location.uri, c.uri("inventory/__init__.py"));
    assert_eq!(hook.location.range.start.line, 36);
    assert!(related
        .iter()
        .any(|r| r.message.starts_with("calls `current_user` (")
            && r.location.uri == c.uri("inventory/auth.py")
            && r.location.range.start.line == 9));

    // An advisory is information, not a warning.
    let pricing = c.diagnostics("inventory/pricing.py");
    let lru = pricing
        .iter()
        .find(|d| code(d) == "in-memory-cache/python-lru-cache")
        .expect("the lru_cache diagnostic");
    assert_eq!(lru.severity, Some(DiagnosticSeverity::INFORMATION));
    c.stop();
}

/// Each file's diagnostics, as published last.
fn latest(c: &Client) -> std::collections::BTreeMap<String, Vec<Diagnostic>> {
    c.published()
        .into_iter()
        .map(|p| (p.uri.as_str().to_string(), p.diagnostics))
        .collect()
}

#[test]
fn the_first_analysis_reads_and_writes_the_facts_cache_unless_told_not_to() {
    let cache = common::temp_dir("lsp-cache");
    let with_cache = || Flags {
        cache_dir: Some(cache.clone()),
        ..Flags::default()
    };
    let entries = || std::fs::read_dir(&cache).map_or(0, |d| d.count());
    let mut cold = Client::start_with(&flask(), true, with_cache());
    cold.sync();
    let cold_diagnostics = latest(&cold);
    cold.stop();
    let written = entries();
    assert!(written > 10, "{written} entries");
    // The second start reads them: the same diagnostics, no entry added.
    let mut warm = Client::start_with(&flask(), true, with_cache());
    warm.sync();
    assert_eq!(latest(&warm), cold_diagnostics);
    warm.stop();
    assert_eq!(entries(), written);
    let _ = std::fs::remove_dir_all(&cache);

    let root = common::copy_sample("flask", "lsp-no-cache");
    let no_cache = Flags {
        no_cache: true,
        ..Flags::default()
    };
    let mut c = Client::start_with(&root, true, no_cache);
    c.sync();
    assert_eq!(latest(&c).len(), cold_diagnostics.len());
    c.stop();
    assert!(!root.join(".carve").exists(), "no_cache writes nothing");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn hover_on_a_handler_shows_route_verdict_score_reasons_and_cold_start() {
    let mut c = Client::start(&flask(), false);
    // `def get(self):` of ItemAPI, api.py:22.
    let text = c.hover_text("inventory/api.py", 21).expect("a hover");
    assert!(
        text.starts_with("**GET /api/items** — refactor: 1 blocker (score 70/100)"),
        "{text}"
    );
    assert!(text.contains("handler `ItemAPI.get`"), "{text}");
    assert!(text.contains("Top reasons:\n- −30 `session/python-server-session-used`"));
    assert!(text.contains("Cold-start weight: "), "{text}");
    // Not a handler: no hover.
    assert_eq!(c.hover_text("inventory/api.py", 13), None);
    // A file outside the workspace, or unknown: no hover, no error.
    assert_eq!(c.hover_text("no/such/file.py", 0), None);
    c.stop();
}

#[test]
fn code_lens_above_each_handler_with_its_verdict() {
    let mut c = Client::start(&flask(), false);
    let lenses = c
        .request::<CodeLensRequest>(CodeLensParams {
            text_document: TextDocumentIdentifier::new(c.uri("inventory/reports.py")),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
        .expect("lenses");
    let titles: Vec<(u32, String)> = lenses
        .iter()
        .map(|l| {
            let cmd = l.command.as_ref().expect("a title");
            (l.range.start.line, cmd.title.clone())
        })
        .collect();
    let expected = [
        "GET /reports/audit — refactor: 2 blockers",
        "POST /reports/export — refactor: 2 blockers",
        "POST /reports/thumbnails — container: long-running",
    ];
    for want in expected {
        assert!(
            titles.iter().any(|(_, t)| t == want),
            "no lens `{want}` in {titles:?}"
        );
    }
    c.stop();
}

#[test]
fn code_action_inserts_a_suppression_the_scan_honours() {
    let mut c = Client::start(&flask(), false);
    let rel = "inventory/events.py";
    let original = std::fs::read_to_string(flask().join(rel)).expect("sample");
    c.open(rel, &original);
    let diags = c.diagnostics(rel);
    let target = diags
        .iter()
        .find(|d| code(d) == "global-state/python-module-mutation")
        .expect("a module mutation")
        .clone();
    let actions = c
        .request::<CodeActionRequest>(CodeActionParams {
            text_document: TextDocumentIdentifier::new(c.uri(rel)),
            range: target.range,
            context: CodeActionContext {
                diagnostics: vec![target.clone()],
                only: None,
                trigger_kind: None,
            },
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
        .expect("actions");
    let [CodeActionOrCommand::CodeAction(action)] = &actions[..] else {
        panic!("one quick fix expected: {actions:?}");
    };
    // `RECENT_ITEMS` is appended to and trimmed in one function: one finding
    // at the append, the trim its other place; the fix suppresses both.
    assert_eq!(
        action.title,
        "Suppress `global-state/python-module-mutation` here and at its other place (carve: ignore)"
    );
    let changes = action.edit.as_ref().and_then(|e| e.changes.as_ref());
    let edits = changes.and_then(|ch| ch.get(&c.uri(rel))).cloned();
    let mut edits = edits.expect("an edit of this file");
    assert_eq!(edits.len(), 2, "{edits:?}");
    let line = target.range.start.line;
    assert_eq!(
        edits[0].range,
        Range::new(Position::new(line, 0), Position::new(line, 0))
    );
    let trim_line = original
        .lines()
        .position(|l| l.contains("del RECENT_ITEMS[0]"))
        .expect("the trim") as u32;
    assert_eq!(edits[1].range.start, Position::new(trim_line, 0));
    for edit in &edits {
        let at = edit.range.start.line as usize;
        let indent: String = original
            .lines()
            .nth(at)
            .unwrap_or("")
            .chars()
            .take_while(|ch| ch.is_whitespace())
            .collect();
        assert_eq!(
            edit.new_text,
            format!(
                "{indent}# carve: ignore[global-state/python-module-mutation] TODO: why this is safe here\n"
            )
        );
    }

    // Applied in the editor (bottom up), the suppressions remove that diagnostic.
    let mut lines: Vec<&str> = original.lines().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.range.start.line));
    for edit in &edits {
        lines.insert(
            edit.range.start.line as usize,
            edit.new_text.trim_end_matches('\n'),
        );
    }
    let edited = lines.join("\n") + "\n";
    c.change(rel, 2, &edited);
    let after = c.diagnostics(rel);
    assert_eq!(after.len(), diags.len() - 1, "{after:?}");
    assert!(!after
        .iter()
        .any(|d| code(d) == "global-state/python-module-mutation"));
    c.stop();
}

fn file_uri(path: &Path) -> Uri {
    uri::from_path(path).expect("file URI")
}

#[test]
fn edits_add_and_remove_a_blocker_incrementally() {
    let mut c = Client::start(&flask(), false);
    c.sync();
    let before = c.published().len();
    let rel = "inventory/api.py";
    let original = std::fs::read_to_string(flask().join(rel)).expect("sample");
    c.open(rel, &original);
    // Opening with the text on disk changes nothing: nothing republished.
    c.sync();
    assert_eq!(c.published().len(), before);
    let hover_before = c.hover_text(rel, 21).expect("hover");
    assert!(hover_before.contains("score 70/100"));

    // Same line count: only api.py's own diagnostics may change.
    let with_sleep = original
        .replacen("import threading\n", "import threading, time\n", 1)
        .replacen(
            "        status = request.args",
            "        time.sleep(5); status = request.args",
            1,
        );
    assert_ne!(with_sleep, original);
    c.change(rel, 2, &with_sleep);
    let diags = c.diagnostics(rel);
    let sleep = diags
        .iter()
        .find(|d| code(d) == "long-running/python-sleep")
        .unwrap_or_else(|| panic!("the new sleep is reported: {diags:#?}"));
    assert_eq!(sleep.range.start, Position::new(22, 8));
    assert!(
        sleep.message.contains("GET /api/items"),
        "{}",
        sleep.message
    );
    // Only api.py changed: nothing else was republished.
    let republished: Vec<Uri> = c.published()[before..]
        .iter()
        .map(|p| p.uri.clone())
        .collect();
    assert_eq!(republished, vec![c.uri(rel)]);
    let hover = c.hover_text(rel, 21).expect("hover");
    assert!(
        hover.contains("refactor: 2 blockers (score 50/100)"),
        "{hover}"
    );

    c.change(rel, 3, &original);
    let diags = c.diagnostics(rel);
    assert!(!diags.iter().any(|d| code(d) == "long-running/python-sleep"));
    assert_eq!(c.hover_text(rel, 21), Some(hover_before));

    // Edits sent faster than they are analysed: the last text wins.
    c.change(rel, 4, &with_sleep);
    c.change(rel, 5, &original);
    c.change(rel, 6, &with_sleep);
    let diags = c.diagnostics(rel);
    assert!(diags.iter().any(|d| code(d) == "long-running/python-sleep"));
    c.change(rel, 7, &original);
    let diags = c.diagnostics(rel);
    assert!(!diags.iter().any(|d| code(d) == "long-running/python-sleep"));

    // Closing goes back to the disk's text, which is the original: no change.
    let n = c.published().len();
    c.notify::<DidCloseTextDocument>(DidCloseTextDocumentParams {
        text_document: TextDocumentIdentifier::new(c.uri(rel)),
    });
    c.sync();
    assert_eq!(c.published().len(), n);
    c.stop();
}

/// A one-file Flask app whose session use sits after non-ASCII text.
fn unicode_app(tag: &str) -> PathBuf {
    let dir = common::temp_dir(tag);
    std::fs::write(dir.join("requirements.txt"), "flask\nflask-session\n").expect("write");
    std::fs::write(
        dir.join("app.py"),
        "from flask import Flask, session\n\
         from flask_session import Session\n\
         app = Flask(__name__)\n\
         app.config['SESSION_TYPE'] = 'filesystem'\n\
         Session(app)\n\
         \n\
         @app.get('/me')\n\
         def me():\n\
         \x20   note = 'héllo 😀'; uid = session['user_id']\n\
         \x20   return {'uid': uid, 'note': note}\n",
    )
    .expect("write");
    dir
}

#[test]
fn columns_are_utf16_by_default_and_utf8_when_negotiated() {
    let dir = unicode_app("lsp-utf");
    let session_start = |c: &mut Client| {
        c.diagnostics("app.py")
            .into_iter()
            .find(|d| code(d) == "session/python-server-session-used")
            .expect("the session use")
            .range
    };
    let mut utf16 = Client::start(&dir, false);
    assert_eq!(
        utf16.initialize_result["capabilities"]["positionEncoding"],
        "utf-16"
    );
    // `    note = 'héllo 😀'; uid = ` is 28 characters: é is one UTF-16 unit
    // (two UTF-8 bytes), 😀 two units (four bytes).
    let range = session_start(&mut utf16);
    assert_eq!(range.start, Position::new(8, 29));
    utf16.stop();
    let mut utf8 = Client::start(&dir, true);
    let range = session_start(&mut utf8);
    assert_eq!(range.start, Position::new(8, 32));
    utf8.stop();
}

#[test]
fn config_and_rule_changes_reload_without_restart() {
    let dir = unicode_app("lsp-reload");
    let mut c = Client::start(&dir, false);
    assert!(c
        .diagnostics("app.py")
        .iter()
        .any(|d| code(d) == "session/python-server-session-used"));
    std::fs::create_dir_all(dir.join(".carve")).expect("mkdir");
    let config = dir.join(".carve").join("config.toml");
    std::fs::write(&config, "[rules]\ndisable = [\"session\"]\n").expect("write");
    c.notify::<DidChangeWatchedFiles>(DidChangeWatchedFilesParams {
        changes: vec![FileEvent::new(file_uri(&config), FileChangeType::CREATED)],
    });
    assert!(c.diagnostics("app.py").is_empty());

    // A broken config is reported and the last analysis kept.
    std::fs::write(&config, "[rules]\nnope = 1\n").expect("write");
    c.notify::<DidChangeWatchedFiles>(DidChangeWatchedFilesParams {
        changes: vec![FileEvent::new(file_uri(&config), FileChangeType::CHANGED)],
    });
    c.sync();
    let shown = c
        .notifications
        .iter()
        .rfind(|n| n.method == "window/showMessage")
        .expect("an error message");
    assert!(shown.params["message"]
        .as_str()
        .unwrap_or("")
        .contains("config.toml"));

    std::fs::remove_file(&config).expect("rm");
    c.notify::<DidChangeWatchedFiles>(DidChangeWatchedFilesParams {
        changes: vec![FileEvent::new(file_uri(&config), FileChangeType::DELETED)],
    });
    assert!(c
        .diagnostics("app.py")
        .iter()
        .any(|d| code(d) == "session/python-server-session-used"));
    c.stop();
}

#[test]
fn bad_requests_and_broken_files_do_not_stop_the_server() {
    let dir = unicode_app("lsp-robust");
    let mut c = Client::start(&dir, false);
    // Unknown method: an error reply, the server goes on.
    let r = c.call("carve/nope", json!({}));
    assert_eq!(
        r.error.map(|e| e.code),
        Some(ErrorCode::MethodNotFound as i32)
    );
    // Params of the wrong shape.
    let r = c.call(HoverRequest::METHOD, json!({ "textDocument": 3 }));
    assert_eq!(
        r.error.map(|e| e.code),
        Some(ErrorCode::InvalidParams as i32)
    );
    // Unknown notifications and malformed notification params are ignored.
    c.notify::<DidOpenTextDocument>(json!({ "bogus": true }));
    c.notify_raw("carve/whatever", json!(1));
    // A file that does not parse as Python, and one that is binary.
    c.open("app.py", "def (((:\n  session[\n\u{0}\u{0}");
    c.sync();
    c.open("garbage.py", "@@@ )))) def class ::: \"\"\"");
    assert!(c.diagnostics("garbage.py").is_empty());
    // Requests on files the server does not know.
    let lenses = c
        .request::<CodeLensRequest>(CodeLensParams {
            text_document: TextDocumentIdentifier::new(c.uri("missing.py")),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
        .expect("lenses");
    assert!(lenses.is_empty());
    // Still serving: the original text brings the diagnostic back.
    let text = std::fs::read_to_string(dir.join("app.py")).expect("read");
    c.change("app.py", 2, &text);
    assert!(c
        .diagnostics("app.py")
        .iter()
        .any(|d| code(d) == "session/python-server-session-used"));
    c.stop();
}

#[test]
fn malformed_frames_are_skipped_by_the_stdio_reader() {
    let valid = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
    let not_rpc = r#"{"jsonrpc":"2.0","id":[1,2],"method":7}"#;
    let input = format!(
        "Content-Length: 5\r\n\r\n{{oops\
         garbage\r\n\r\n\
         Content-Length: {}\r\n\r\n{not_rpc}\
         Content-Length: {}\r\n\r\n{valid}",
        not_rpc.len(),
        valid.len()
    );
    let (incoming, from_reader) = crossbeam_channel::unbounded();
    lsp::transport::read_messages(input.as_bytes(), &incoming);
    let got: Vec<Message> = from_reader.try_iter().collect();
    let methods: Vec<&str> = got
        .iter()
        .map(|m| match m {
            Message::Notification(n) => n.method.as_str(),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        methods,
        [
            lsp::transport::MALFORMED,
            lsp::transport::MALFORMED,
            lsp::transport::MALFORMED,
            "initialized"
        ]
    );
}

#[test]
fn malformed_input_is_logged_to_the_client() {
    let dir = unicode_app("lsp-malformed");
    let mut c = Client::start(&dir, false);
    c.notify_raw(lsp::transport::MALFORMED, json!("no Content-Length"));
    c.sync();
    let logged = c
        .notifications
        .iter()
        .rfind(|n| n.method == "window/logMessage")
        .expect("a log message");
    assert_eq!(
        logged.params["message"],
        "carve: skipped a malformed message: no Content-Length"
    );
    c.stop();
}

#[test]
fn exit_without_shutdown_and_a_dropped_client_end_the_server() {
    let dir = unicode_app("lsp-exit");
    let c = Client::start(&dir, false);
    c.notify::<Exit>(json!(null));
    let result = c.server.join().expect("no panic");
    assert_eq!(result.ok(), Some(lsp::Ending::WithoutShutdown));

    let c = Client::start(&dir, false);
    let Client { conn, server, .. } = c;
    drop(conn);
    assert_eq!(
        server.join().expect("no panic").ok(),
        Some(lsp::Ending::WithoutShutdown)
    );
}

#[test]
fn watched_files_created_changed_and_deleted_on_disk() {
    let dir = unicode_app("lsp-watch");
    let mut c = Client::start(&dir, false);
    c.sync();
    let extra = dir.join("jobs.py");
    std::fs::write(
        &extra,
        "import time\nfrom app import app\n\n@app.get('/job')\ndef job():\n    time.sleep(30)\n    return 'done'\n",
    )
    .expect("write");
    c.notify::<DidChangeWatchedFiles>(DidChangeWatchedFilesParams {
        changes: vec![FileEvent::new(file_uri(&extra), FileChangeType::CREATED)],
    });
    let diags = c.diagnostics("jobs.py");
    assert_eq!(
        diags.iter().map(code).collect::<Vec<_>>(),
        ["long-running/python-sleep"]
    );
    assert_eq!(diags[0].range.start, Position::new(5, 4));

    std::fs::write(&extra, "def job():\n    return 'done'\n").expect("write");
    c.notify::<DidChangeWatchedFiles>(DidChangeWatchedFilesParams {
        changes: vec![FileEvent::new(file_uri(&extra), FileChangeType::CHANGED)],
    });
    assert!(c.diagnostics("jobs.py").is_empty());

    // Server code again: a route's handler (a file no route or entry reaches is not judged).
    std::fs::write(
        &extra,
        "import time\nfrom app import app\n\n@app.get('/job')\ndef job():\n    time.sleep(30)\n",
    )
    .expect("write");
    c.notify::<DidChangeWatchedFiles>(DidChangeWatchedFilesParams {
        changes: vec![FileEvent::new(file_uri(&extra), FileChangeType::CHANGED)],
    });
    assert_eq!(c.diagnostics("jobs.py").len(), 1);
    std::fs::remove_file(&extra).expect("rm");
    c.notify::<DidChangeWatchedFiles>(DidChangeWatchedFilesParams {
        changes: vec![FileEvent::new(file_uri(&extra), FileChangeType::DELETED)],
    });
    assert!(c.diagnostics("jobs.py").is_empty());
    c.stop();
}

#[test]
fn files_the_scan_leaves_out_stay_out_and_new_buffers_join_before_they_are_saved() {
    let dir = unicode_app("lsp-new-file");
    let mut c = Client::start(&dir, false);
    let blocker =
        "import time\nfrom app import app\n\n@app.get('/wait')\ndef wait():\n    time.sleep(30)\n";
    // Test files are not analysed (as in `carve scan`), whatever the editor sends.
    c.open("test_app.py", blocker);
    c.change("test_app.py", 2, &format!("{blocker}\n"));
    assert!(c.diagnostics("test_app.py").is_empty());
    // A buffer not yet saved is analysed like a saved one (issue 14)…
    c.open("fresh.py", blocker);
    assert_eq!(
        c.diagnostics("fresh.py")
            .iter()
            .map(code)
            .collect::<Vec<_>>(),
        ["long-running/python-sleep"]
    );
    // …and stays so once written.
    std::fs::write(dir.join("fresh.py"), blocker).expect("write");
    c.notify::<lsp_types::notification::DidSaveTextDocument>(
        lsp_types::DidSaveTextDocumentParams {
            text_document: TextDocumentIdentifier::new(c.uri("fresh.py")),
            text: Some(blocker.into()),
        },
    );
    let diags = c.diagnostics("fresh.py");
    assert_eq!(
        diags.iter().map(code).collect::<Vec<_>>(),
        ["long-running/python-sleep"]
    );
    c.stop();
}

#[test]
fn a_new_unsaved_buffer_gets_diagnostics_and_stale_changes_are_ignored() {
    let mut c = Client::start(&flask(), false);
    c.sync();
    let rel = "inventory/unsaved_new.py";
    assert!(!flask().join(rel).exists());
    let with_sleep = "import time\nfrom flask import Flask\napp = Flask(__name__)\n\n\
                      @app.get('/unsaved')\ndef unsaved():\n    time.sleep(5)\n    return 'ok'\n";
    let without = with_sleep.replace("    time.sleep(5)\n", "");
    // Opened, never saved: analysed like a file on disk.
    c.open(rel, with_sleep);
    let diags = c.diagnostics(rel);
    assert!(
        diags.iter().any(|d| code(d) == "long-running/python-sleep"),
        "{diags:#?}"
    );
    c.change(rel, 3, &without);
    assert!(c.diagnostics(rel).is_empty());
    // Version 2 arrives after 3: stale, ignored.
    c.change(rel, 2, with_sleep);
    assert!(c.diagnostics(rel).is_empty());
    c.change(rel, 4, with_sleep);
    assert!(c
        .diagnostics(rel)
        .iter()
        .any(|d| code(d) == "long-running/python-sleep"));
    c.stop();
}
