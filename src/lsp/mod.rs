//! `carve lsp`: a language server over stdio (`lsp-server` + `lsp-types`,
//! synchronous, as rust-analyzer and ruff). This module holds the server
//! state and the message loop; each LSP method has its own file.
//!
//! On `initialize` the workspace folder is analysed once; after that an
//! edited file is re-extracted from its text alone, the program re-linked
//! and re-assessed, and only the diagnostics that changed are republished.

pub mod analysis;
pub mod bench;
pub mod code_action;
pub mod code_lens;
pub mod diagnostics;
pub mod documents;
pub mod extraction;
pub mod hover;
pub mod initialize;
pub mod positions;
pub mod transport;
pub mod uri;

use crate::settings::Flags;
use analysis::Analysis;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response, ResponseError};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, LogMessage, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, CodeLensRequest, HoverRequest, Request as _};
use lsp_types::{LogMessageParams, MessageType, PublishDiagnosticsParams, ShowMessageParams};
use positions::Encoding;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::{BTreeMap, VecDeque};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ServerError {
    #[error("language server protocol error: {0}")]
    #[diagnostic(code(carve::lsp::protocol))]
    Protocol(#[from] lsp_server::ProtocolError),
    #[error("language server output failed: {0}")]
    #[diagnostic(code(carve::lsp::io))]
    Io(#[from] std::io::Error),
    #[error("language server handshake failed: {0}")]
    #[diagnostic(code(carve::lsp::protocol))]
    Handshake(String),
    #[error("the language server's output thread panicked")]
    #[diagnostic(code(carve::lsp::io))]
    Writer,
}

/// The server's state between messages.
pub struct Server {
    conn: Connection,
    root: PathBuf,
    flags: Flags,
    enc: Encoding,
    /// None until the first analysis succeeds (a broken config stops it).
    analysis: Option<Analysis>,
    /// What the client was last sent, by relative path.
    published: diagnostics::Published,
    /// Files open in the editor (their buffer, not the disk, is analysed),
    /// with the version of the text last applied.
    open: BTreeMap<String, i32>,
}

/// How the server ended. The process exits 0 only after `shutdown` then
/// `exit`, 1 otherwise (LSP specification, `exit` notification).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `shutdown` was received before `exit` or the end of input.
    Clean,
    /// `exit` (or the end of input) came without `shutdown`.
    WithoutShutdown,
}

/// Serves over stdin/stdout until `exit` or end of input.
pub fn serve_stdio(flags: Flags) -> Result<Ending, ServerError> {
    let (conn, writer) = transport::stdio();
    let result = run(conn, flags);
    // The connection is dropped by now: the writer drains and ends.
    writer.join().map_err(|_| ServerError::Writer)??;
    result
}

/// Runs the server on `conn`: the handshake, the first analysis, then the
/// loop. Returns after `exit` or when the client disconnects.
pub fn run(conn: Connection, flags: Flags) -> Result<Ending, ServerError> {
    let start = initialize::handshake(&conn)?;
    let mut server = Server {
        conn,
        root: start.root,
        flags,
        enc: start.encoding,
        analysis: None,
        published: diagnostics::Published::default(),
        open: BTreeMap::new(),
    };
    let mut progress = initialize::ProgressReport::new(start.progress);
    server.analyse(&mut |conn, msg, pct| progress.report(conn, msg, pct));
    let summary = server.analysis.as_ref().map_or_else(
        || "not analysed".to_string(),
        |a| {
            let s = &a.output.report.summary;
            format!("{} routes, {} findings", s.routes, s.findings)
        },
    );
    progress.end(&server.conn, summary);
    if start.watch_files {
        initialize::register_watchers(&server.conn);
    }
    Ok(if server.main_loop() {
        Ending::Clean
    } else {
        Ending::WithoutShutdown
    })
}

impl Server {
    /// Serves until `exit` or the end of input; true when `shutdown` came first.
    fn main_loop(&mut self) -> bool {
        let mut shut_down = false;
        let mut queued = VecDeque::new();
        loop {
            if queued.is_empty() {
                let Ok(msg) = self.conn.receiver.recv() else {
                    return shut_down;
                };
                queued.push_back(msg);
                queued.extend(self.conn.receiver.try_iter());
            }
            let Some(msg) = queued.pop_front() else {
                continue;
            };
            if superseded(&msg, &queued) {
                continue;
            }
            match msg {
                Message::Request(req) if req.method == "shutdown" => {
                    shut_down = true;
                    self.send(Response::new_ok(req.id, ()));
                }
                Message::Request(req) if shut_down => self.send(Response::new_err(
                    req.id,
                    ErrorCode::InvalidRequest as i32,
                    "the server is shutting down".into(),
                )),
                Message::Request(req) => {
                    let response = self.handle_request(req);
                    self.send(response);
                }
                Message::Notification(n) if n.method == "exit" => return shut_down,
                Message::Notification(n) => self.handle_notification(n),
                Message::Response(_) => {}
            }
        }
    }

    fn handle_request(&mut self, req: Request) -> Response {
        let result = match req.method.as_str() {
            HoverRequest::METHOD => params::<HoverRequest>(&req)
                .and_then(|p| reply(self.analysis.as_ref().and_then(|a| hover::hover(a, &p)))),
            CodeLensRequest::METHOD => params::<CodeLensRequest>(&req)
                .and_then(|p| reply(self.analysis.as_ref().map(|a| code_lens::code_lens(a, &p)))),
            CodeActionRequest::METHOD => params::<CodeActionRequest>(&req).and_then(|p| {
                let published = self
                    .analysis
                    .as_ref()
                    .and_then(|a| a.relative_uri(&p.text_document.uri))
                    .map_or(&[][..], |rel| self.published.get(&rel));
                reply(
                    self.analysis
                        .as_ref()
                        .map(|a| code_action::code_actions(a, published, &p)),
                )
            }),
            method => Err(ResponseError {
                code: ErrorCode::MethodNotFound as i32,
                message: format!("carve does not handle `{method}`"),
                data: None,
            }),
        };
        match result {
            Ok(value) => Response {
                id: req.id,
                result: Some(value),
                error: None,
            },
            Err(error) => Response {
                id: req.id,
                result: None,
                error: Some(error),
            },
        }
    }

    fn handle_notification(&mut self, n: Notification) {
        let handled = match n.method.as_str() {
            DidOpenTextDocument::METHOD => notice(&n).map(|p| documents::did_open(self, p)),
            DidChangeTextDocument::METHOD => notice(&n).map(|p| documents::did_change(self, p)),
            DidSaveTextDocument::METHOD => notice(&n).map(|p| documents::did_save(self, p)),
            DidCloseTextDocument::METHOD => notice(&n).map(|p| documents::did_close(self, p)),
            DidChangeWatchedFiles::METHOD => {
                notice(&n).map(|p| documents::did_change_watched(self, p))
            }
            transport::MALFORMED => {
                let why = n.params.as_str().unwrap_or("unreadable input");
                let params = LogMessageParams {
                    typ: MessageType::ERROR,
                    message: format!("carve: skipped a malformed message: {why}"),
                };
                self.send(Notification::new(LogMessage::METHOD.into(), params));
                Ok(())
            }
            // Other notifications ($/cancelRequest, $/setTrace, …) need nothing.
            _ => Ok(()),
        };
        if let Err(e) = handled {
            self.show(
                MessageType::WARNING,
                &format!("carve: ignored `{}`: {e}", n.method),
            );
        }
    }

    /// (Re)analyses the whole workspace (start, config or rule change) and
    /// publishes what changed. A broken config keeps the previous analysis
    /// and says why.
    fn analyse(&mut self, progress: &mut dyn FnMut(&Connection, &str, u32)) {
        let conn = &self.conn;
        let loaded = Analysis::load(&self.root, &self.flags, &mut |msg, pct| {
            progress(conn, msg, pct)
        });
        match loaded {
            Ok(mut analysis) => {
                // Open buffers win over the disk.
                if let Some(old) = &self.analysis {
                    for rel in self.open.keys() {
                        if let Some(text) = old.text(rel) {
                            analysis.set_text(rel, text.as_str().as_bytes().to_vec());
                        }
                    }
                }
                // User rules left out: the scan goes on without them.
                for refused in &analysis.settings.refused {
                    let mut text = String::new();
                    let handler = miette::GraphicalReportHandler::new_themed(
                        miette::GraphicalTheme::unicode_nocolor(),
                    );
                    let _ = handler.render_report(&mut text, refused);
                    self.show(MessageType::WARNING, &format!("carve: {text}"));
                }
                self.analysis = Some(analysis);
                self.publish();
                if let Some(analysis) = self.analysis.as_mut() {
                    analysis.prepare_edits();
                }
            }
            Err(err) => {
                let report = miette::Report::new(err);
                self.show(
                    MessageType::ERROR,
                    &format!("carve: cannot analyse {}: {report:?}", self.root.display()),
                );
            }
        }
    }

    /// Sends the diagnostics that differ from what the client has.
    fn publish(&mut self) {
        let Some(analysis) = &self.analysis else {
            return;
        };
        let current = diagnostics::build(analysis, self.enc, &self.published);
        for (rel, diags) in diagnostics::changed(&self.published, &current) {
            // A deleted file has no URI left in the analysis.
            let uri = analysis.uri(rel).cloned();
            let Some(uri) = uri.or_else(|| uri::from_path(&analysis.root.join(rel))) else {
                continue;
            };
            let params = PublishDiagnosticsParams::new(uri, diags.to_vec(), None);
            self.send(Notification::new(PublishDiagnostics::METHOD.into(), params));
        }
        drop_later(std::mem::replace(&mut self.published, current));
    }

    fn show(&self, typ: MessageType, message: &str) {
        let params = ShowMessageParams {
            typ,
            message: message.to_string(),
        };
        self.send(Notification::new(ShowMessage::METHOD.into(), params));
    }

    /// A closed connection ends the loop on its own: nothing to do here.
    fn send(&self, msg: impl Into<Message>) {
        let _ = self.conn.sender.send(msg.into());
    }
}

/// Frees `value` on another thread: the previous program and diagnostics
/// of a large workspace take tens of milliseconds to free, which the client
/// need not wait for.
pub(crate) fn drop_later<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// A full-text `didChange` that a later queued one for the same document
/// replaces: while an edit is analysed, the keystrokes typed meanwhile are
/// analysed once, at their last text.
fn superseded(msg: &Message, queued: &VecDeque<Message>) -> bool {
    let uri_of_change = |m: &Message| match m {
        Message::Notification(n) if n.method == DidChangeTextDocument::METHOD => {
            n.params["textDocument"]["uri"].as_str().map(str::to_owned)
        }
        _ => None,
    };
    let Some(uri) = uri_of_change(msg) else {
        return false;
    };
    queued
        .iter()
        .any(|later| uri_of_change(later).as_deref() == Some(uri.as_str()))
}

fn params<R: lsp_types::request::Request>(req: &Request) -> Result<R::Params, ResponseError>
where
    R::Params: DeserializeOwned,
{
    serde_json::from_value(req.params.clone()).map_err(|e| ResponseError {
        code: ErrorCode::InvalidParams as i32,
        message: format!("invalid params for `{}`: {e}", req.method),
        data: None,
    })
}

fn notice<P: DeserializeOwned>(n: &Notification) -> Result<P, serde_json::Error> {
    serde_json::from_value(n.params.clone())
}

fn reply(value: impl Serialize) -> Result<serde_json::Value, ResponseError> {
    serde_json::to_value(value).map_err(|e| ResponseError {
        code: ErrorCode::InternalError as i32,
        message: e.to_string(),
        data: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn change(uri: &str) -> Message {
        Notification::new(
            DidChangeTextDocument::METHOD.into(),
            json!({ "textDocument": { "uri": uri, "version": 1 }, "contentChanges": [] }),
        )
        .into()
    }

    #[test]
    fn only_the_last_queued_change_of_a_document_is_analysed() {
        let hover = Message::from(Request::new(
            1.into(),
            "textDocument/hover".into(),
            json!({}),
        ));
        let queued = VecDeque::from([
            hover.clone(),
            change("file:///b.py"),
            change("file:///a.py"),
        ]);
        assert!(superseded(&change("file:///a.py"), &queued));
        assert!(!superseded(&change("file:///c.py"), &queued));
        assert!(!superseded(&hover, &queued));
        assert!(!superseded(&change("file:///a.py"), &VecDeque::new()));
    }
}
