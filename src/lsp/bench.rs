//! `carve bench --lsp`: the language server's latency from `didChange` to
//! `publishDiagnostics`, measured in-process over `Connection::memory()`
//! (JSON (de)serialization included) on a real workspace. The edit adds a
//! blocker (`time.sleep(5)`) to the first decorated Python handler, then
//! removes it, alternately.

use super::uri;
use crate::discover;
use crate::settings::{self, Flags, SettingsError};
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use lsp_types::notification::{
    DidChangeTextDocument, DidOpenTextDocument, Exit, Initialized, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{Initialize, Request as _, Shutdown};
use serde_json::json;
use std::path::Path;
use std::time::{Duration, Instant};

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum BenchError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Settings(#[from] SettingsError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Discover(#[from] discover::DiscoverError),
    #[error("no decorated Python handler (`@…` then `def …:`) to edit in the workspace")]
    #[diagnostic(code(carve::bench::lsp))]
    NoHandler,
    #[error("adding `time.sleep(5)` to a handler of {0} changed none of its diagnostics")]
    #[diagnostic(code(carve::bench::lsp))]
    NoChange(String),
    #[error("the language server stopped answering: {0}")]
    #[diagnostic(code(carve::bench::lsp))]
    Server(String),
}

pub struct LspBench {
    pub files: usize,
    pub lines: usize,
    /// The file edited, relative to the root.
    pub target: String,
    /// From `initialize` to every first diagnostic published, with an
    /// empty facts cache, then with the cache that first start wrote.
    pub initial_cold: Duration,
    pub initial_warm: Duration,
    /// Per edit: until the edited file's new diagnostics arrived.
    pub to_file: Vec<Duration>,
    /// Per edit: until every changed file was republished.
    pub to_all: Vec<Duration>,
}

/// How long to wait for any one reply before giving up.
const TIMEOUT: Duration = Duration::from_secs(600);

pub fn measure(root: &Path, edits: usize) -> Result<LspBench, BenchError> {
    // URIs are absolute.
    let root = &std::path::absolute(root).map_err(|e| BenchError::Server(e.to_string()))?;
    let settings = settings::load(root.to_path_buf(), &Flags::default())?;
    let ws = discover::discover(&settings.config)?;
    let texts: Vec<(String, String)> = ws
        .files
        .iter()
        .filter_map(|f| {
            let text = discover::load(f, settings.config.max_file_bytes).ok()?;
            Some((f.rel.clone(), text))
        })
        .collect();
    let lines = texts.iter().map(|(_, t)| t.lines().count()).sum();
    let (target, original, edited) = texts
        .iter()
        .find_map(|(rel, text)| Some((rel.clone(), text.clone(), add_sleep(rel, text)?)))
        .ok_or(BenchError::NoHandler)?;
    let uri = uri::from_path(&root.join(&target)).ok_or(BenchError::NoHandler)?;

    // A cache of its own, empty at first: the first start is cold, the
    // second reads every file's facts from it.
    let cache_dir = std::env::temp_dir().join(format!("carve-bench-lsp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache_dir);
    let flags = Flags {
        cache_dir: Some(cache_dir.clone()),
        ..Flags::default()
    };
    let (c, handle, initial_cold) = start(root, &flags)?;
    stop(c, handle)?;
    let (mut c, handle, initial_warm) = start(root, &flags)?;
    let _ = std::fs::remove_dir_all(&cache_dir);
    c.notify(
        DidOpenTextDocument::METHOD,
        json!({ "textDocument": { "uri": uri.as_str(), "languageId": "python", "version": 1, "text": original } }),
    )?;
    c.call("carve/sync", json!(null))?;

    let mut to_file = Vec::new();
    let mut to_all = Vec::new();
    for i in 0..edits.max(1) * 2 {
        let text = if i % 2 == 0 { &edited } else { &original };
        let params = json!({
            "textDocument": { "uri": uri.as_str(), "version": i + 2 },
            "contentChanges": [{ "text": text }],
        });
        let sent = Instant::now();
        c.notify(DidChangeTextDocument::METHOD, params)?;
        // The reply to the sync request follows everything the edit caused.
        let mut publishes = c.call_collect("carve/sync")?.into_iter();
        let (_, at) = publishes
            .find(|(n, _)| {
                n.method == PublishDiagnostics::METHOD && n.params["uri"] == uri.as_str()
            })
            .ok_or_else(|| BenchError::NoChange(target.clone()))?;
        to_file.push(at - sent);
        to_all.push(sent.elapsed());
    }
    stop(c, handle)?;
    Ok(LspBench {
        files: texts.len(),
        lines,
        target,
        initial_cold,
        initial_warm,
        to_file,
        to_all,
    })
}

type ServerThread = std::thread::JoinHandle<Result<super::Ending, super::ServerError>>;

/// Starts a server on `root` and waits for its first diagnostics; returns
/// how long that took.
fn start(root: &Path, flags: &Flags) -> Result<(Client, ServerThread, Duration), BenchError> {
    let (client, server) = Connection::memory();
    let flags = flags.clone();
    let handle = std::thread::spawn(move || super::run(server, flags));
    let mut c = Client {
        conn: client,
        next_id: 0,
    };
    let started = Instant::now();
    let root_uri = uri::from_path(root).ok_or(BenchError::NoHandler)?;
    c.call(
        Initialize::METHOD,
        json!({ "processId": null, "rootUri": root_uri.as_str(), "capabilities": {} }),
    )?;
    c.notify(Initialized::METHOD, json!({}))?;
    c.call("carve/sync", json!(null))?;
    Ok((c, handle, started.elapsed()))
}

fn stop(mut c: Client, handle: ServerThread) -> Result<(), BenchError> {
    c.call(Shutdown::METHOD, json!(null))?;
    c.notify(Exit::METHOD, json!(null))?;
    drop(c);
    handle
        .join()
        .map_err(|_| BenchError::Server("panicked".into()))?
        .map_err(|e| BenchError::Server(e.to_string()))?;
    Ok(())
}

/// `text` with `import time` first and `time.sleep(5)` as the first
/// statement of its first decorated function; None when it has none.
fn add_sleep(rel: &str, text: &str) -> Option<String> {
    if !rel.ends_with(".py") {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let def = (1..lines.len()).find(|&i| {
        lines[i].starts_with("def ") && lines[i].ends_with(':') && lines[i - 1].starts_with('@')
    })?;
    let mut out: Vec<&str> = vec!["import time"];
    out.extend(&lines[..=def]);
    out.push("    time.sleep(5)");
    out.extend(&lines[def + 1..]);
    Some(out.join("\n") + "\n")
}

struct Client {
    conn: Connection,
    next_id: i32,
}

impl Client {
    fn recv(&self) -> Result<Message, BenchError> {
        self.conn
            .receiver
            .recv_timeout(TIMEOUT)
            .map_err(|e| BenchError::Server(e.to_string()))
    }

    fn notify(&self, method: &str, params: serde_json::Value) -> Result<(), BenchError> {
        let n = Notification::new(method.to_string(), params);
        self.conn
            .sender
            .send(n.into())
            .map_err(|e| BenchError::Server(e.to_string()))
    }

    /// Sends a request and waits for its reply, skipping what comes before.
    fn call(&mut self, method: &str, params: serde_json::Value) -> Result<(), BenchError> {
        self.send_request(method, params)?;
        let id = RequestId::from(self.next_id);
        while !matches!(self.recv()?, Message::Response(r) if r.id == id) {}
        Ok(())
    }

    /// Sends a parameterless request and returns the notifications received
    /// before its reply, each with the time it arrived.
    fn call_collect(&mut self, method: &str) -> Result<Vec<(Notification, Instant)>, BenchError> {
        self.send_request(method, json!(null))?;
        let id = RequestId::from(self.next_id);
        let mut out = Vec::new();
        loop {
            match self.recv()? {
                Message::Response(r) if r.id == id => return Ok(out),
                Message::Notification(n) => out.push((n, Instant::now())),
                _ => {}
            }
        }
    }

    fn send_request(&mut self, method: &str, params: serde_json::Value) -> Result<(), BenchError> {
        self.next_id += 1;
        let req = Request::new(RequestId::from(self.next_id), method.to_string(), params);
        self.conn
            .sender
            .send(req.into())
            .map_err(|e| BenchError::Server(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edit_adds_a_sleep_to_the_first_decorated_handler() {
        let text = "from flask import Flask\n\n@app.get('/a')\ndef a():\n    return 1\n";
        assert_eq!(
            add_sleep("app.py", text).as_deref(),
            Some("import time\nfrom flask import Flask\n\n@app.get('/a')\ndef a():\n    time.sleep(5)\n    return 1\n")
        );
        assert_eq!(add_sleep("app.js", text), None);
        assert_eq!(add_sleep("app.py", "def a():\n    pass\n"), None);
    }
}
