//! The language server: its `Content-Length` framing alone (fast), and
//! whole sessions — a fixed handshake, then a mutated stream of frames
//! (opens, edits with ranges, hovers, lenses, code actions, shutdown, exit)
//! served by the real server loop until the stream ends.

use carve::lsp::{self, transport, uri};
use carve::settings::Flags;
use crossbeam_channel::unbounded;
use lsp_server::{Connection, Message};
use serde_json::{json, Value};
use std::path::PathBuf;

pub const TOKENS: &[&str] = &[
    "Content-Length: ",
    "Content-Length: 0\r\n\r\n",
    "Content-Length: 99999999999999999999\r\n\r\n",
    "Content-Length: 100000000000\r\n\r\n",
    "Content-Length: -1\r\n\r\n",
    "content-length:7\n\n",
    "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n",
    "\r\n",
    "\r\n\r\n",
    "\n",
    "{\"jsonrpc\":\"2.0\",",
    "\"id\":",
    "null",
    "\"method\":\"exit\"",
    "\"method\":\"shutdown\"",
    "\"line\":4294967295",
    "\"character\":-1",
    "\"version\":-2147483648",
    "\"uri\":\"file:///\"",
    "\"uri\":\"untitled:x\"",
    "\"text\":\"\\ud800\"",
    "\\u0000",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
];
pub const NESTS: &[(&str, &str)] = &[("[", "]"), ("{\"a\":", "}"), ("\"", "\"")];

/// A frame as a client writes it.
fn frame(body: &Value) -> Vec<u8> {
    let body = body.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn request(id: i64, method: &str, params: Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})
}

fn notification(method: &str, params: Value) -> Value {
    json!({"jsonrpc": "2.0", "method": method, "params": params})
}

/// The frames of a session after the handshake, editing `uri`.
fn session_frames(uri: &str, text: &str) -> Vec<Vec<u8>> {
    let doc = json!({"uri": uri});
    let pos = json!({"line": 3, "character": 4});
    let range = json!({"start": {"line": 2, "character": 0}, "end": {"line": 4, "character": 2}});
    vec![
        frame(&notification(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}}),
        )),
        frame(&request(
            1,
            "textDocument/hover",
            json!({"textDocument": doc, "position": pos}),
        )),
        frame(&notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2},
                   "contentChanges": [{"range": range, "text": "cache = {}\ndef f():\n    cache['k'] = 1\n"}]}),
        )),
        frame(&request(
            2,
            "textDocument/codeLens",
            json!({"textDocument": doc}),
        )),
        frame(&request(
            3,
            "textDocument/codeAction",
            json!({"textDocument": doc, "range": range, "context": {"diagnostics": []}}),
        )),
        frame(&notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 1}, "contentChanges": [{"text": ""}]}),
        )),
        frame(&notification(
            "textDocument/didSave",
            json!({"textDocument": doc}),
        )),
        frame(&notification(
            "textDocument/didClose",
            json!({"textDocument": doc}),
        )),
        frame(&request(4, "shutdown", Value::Null)),
        frame(&notification("exit", Value::Null)),
    ]
}

const FLASK: &str = "from flask import Flask, session\napp = Flask(__name__)\nhits = {}\n\n\
                     @app.route('/count')\ndef count():\n    hits['n'] = hits.get('n', 0) + 1\n    \
                     session['seen'] = True\n    return str(hits['n'])\n";

/// Seeds for the framing alone: whole sessions, and each frame on its own.
pub fn corpus() -> Vec<Vec<u8>> {
    let frames = session_frames("file:///tmp/x/app.py", FLASK);
    let mut corpus = vec![frames.concat()];
    corpus.extend(frames);
    corpus
}

/// Feeds `input` to the reader as stdin would; it must end, whatever it holds.
pub fn check_framing(input: &[u8]) -> Result<String, String> {
    let (tx, rx) = unbounded();
    transport::read_messages(std::io::Cursor::new(input), &tx);
    drop(tx);
    let (mut good, mut bad) = (0, 0);
    for msg in rx.iter() {
        match msg {
            Message::Notification(n) if n.method == transport::MALFORMED => bad += 1,
            _ => good += 1,
        }
    }
    if good + bad > input.len() + 1 {
        return Err(format!(
            "{} messages out of {} bytes",
            good + bad,
            input.len()
        ));
    }
    Ok(match (good > 0, bad > 0) {
        (true, true) => "messages and malformed frames",
        (true, false) => "messages only",
        (false, true) => "malformed frames only",
        (false, false) => "nothing",
    }
    .into())
}

pub struct Session {
    pub corpus: Vec<Vec<u8>>,
    handshake: Vec<u8>,
}

impl Session {
    pub fn new() -> Session {
        let root: PathBuf =
            std::env::temp_dir().join(format!("carve-fuzz-lsp-{}", std::process::id()));
        std::fs::create_dir_all(&root).expect("temp dir");
        std::fs::write(root.join("app.py"), FLASK).expect("a source file");
        let root_uri = uri::from_path(&root).expect("root URI");
        let file_uri = uri::from_path(&root.join("app.py")).expect("file URI");
        let mut handshake = frame(&request(
            0,
            "initialize",
            json!({"processId": null, "rootUri": root_uri.as_str(), "capabilities": {},
                   "workspaceFolders": [{"uri": root_uri.as_str(), "name": "fuzz"}]}),
        ));
        handshake.extend(frame(&notification("initialized", json!({}))));
        let frames = session_frames(file_uri.as_str(), FLASK);
        let mut corpus = vec![frames.concat()];
        corpus.extend(frames.iter().map(|f| {
            // One frame, then a clean exit.
            let mut one = f.clone();
            one.extend(frame(&notification("exit", Value::Null)));
            one
        }));
        Session { corpus, handshake }
    }

    /// The handshake, then `input`, served until the stream ends.
    pub fn check(&self, input: &[u8]) -> Result<String, String> {
        let (incoming, from_client) = unbounded::<Message>();
        let (to_client, outgoing) = unbounded::<Message>();
        let mut stream = self.handshake.clone();
        stream.extend_from_slice(input);
        transport::read_messages(std::io::Cursor::new(stream), &incoming);
        drop(incoming);
        let conn = Connection {
            sender: to_client,
            receiver: from_client,
        };
        // An error ends the session (a bad handshake, a closed client):
        // what matters is that it ends, without a panic.
        let ended = lsp::run(conn, Flags::default());
        let replies = outgoing.try_iter().count();
        if replies == 0 {
            return Err("no answer to initialize".into());
        }
        Ok(match ended {
            Ok(lsp::Ending::Clean) => "clean exit",
            Ok(lsp::Ending::WithoutShutdown) => "ended without shutdown",
            Err(_) => "ended on an error",
        }
        .into())
    }
}
