//! `initialize`: the handshake (capabilities, position encoding, workspace
//! root), `$/progress` reports during the first analysis, and registering
//! file watchers for sources, manifests and `.carve/` (config and rules).

use super::positions::Encoding;
use super::ServerError;
use lsp_server::{Connection, ErrorCode, Notification, Request, RequestId, Response};
use lsp_types::notification::{Notification as _, Progress};
use lsp_types::request::{RegisterCapability, Request as _, WorkDoneProgressCreate};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CodeLensOptions,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, InitializeResult, NumberOrString, ProgressParams,
    ProgressParamsValue, Registration, RegistrationParams, SaveOptions, ServerCapabilities,
    ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, WorkDoneProgress, WorkDoneProgressBegin,
    WorkDoneProgressCreateParams, WorkDoneProgressEnd, WorkDoneProgressReport,
};
use std::path::PathBuf;

/// Files whose change the server wants to hear about.
const WATCHED: &[&str] = &[
    "**/*.{py,pyi,js,mjs,cjs,jsx,ts,mts,cts,tsx}",
    "**/{package.json,pyproject.toml,Pipfile,setup.py,requirements*.txt}",
    "**/.carve/**",
];

/// What the handshake settled.
pub struct Start {
    pub root: PathBuf,
    pub encoding: Encoding,
    /// The client shows `$/progress` reports.
    pub progress: bool,
    /// The client accepts file watchers registered by the server.
    pub watch_files: bool,
}

/// Answers `initialize` and waits for `initialized`.
pub fn handshake(conn: &Connection) -> Result<Start, ServerError> {
    let (id, raw) = conn.initialize_start()?;
    let params: InitializeParams = match serde_json::from_value(raw) {
        Ok(p) => p,
        Err(e) => {
            let message = format!("invalid initialize params: {e}");
            let _ = conn.sender.send(
                Response::new_err(id, ErrorCode::InvalidParams as i32, message.clone()).into(),
            );
            return Err(ServerError::Handshake(message));
        }
    };
    let encoding = Encoding::negotiate(&params.capabilities);
    let result = InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "carve".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let value = serde_json::to_value(result).map_err(|e| ServerError::Handshake(e.to_string()))?;
    conn.initialize_finish(id, value)?;
    let caps = &params.capabilities;
    Ok(Start {
        root: root(&params),
        encoding,
        progress: caps
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false),
        watch_files: caps
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false),
    })
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(true),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// The first workspace folder, else the (deprecated) root URI or path, else
/// the current directory.
#[allow(deprecated)]
fn root(params: &InitializeParams) -> PathBuf {
    params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .and_then(|f| super::uri::to_path(&f.uri))
        .or_else(|| params.root_uri.as_ref().and_then(super::uri::to_path))
        .or_else(|| params.root_path.as_ref().map(PathBuf::from))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

/// `$/progress` for the first analysis, when the client shows it.
pub struct ProgressReport {
    token: Option<NumberOrString>,
    begun: bool,
}

impl ProgressReport {
    const TOKEN: &'static str = "carve/analysis";

    pub fn new(enabled: bool) -> ProgressReport {
        ProgressReport {
            token: enabled.then(|| NumberOrString::String(Self::TOKEN.into())),
            begun: false,
        }
    }

    pub fn report(&mut self, conn: &Connection, message: &str, percentage: u32) {
        let Some(token) = self.token.clone() else {
            return;
        };
        let value = if self.begun {
            WorkDoneProgress::Report(WorkDoneProgressReport {
                cancellable: Some(false),
                message: Some(message.into()),
                percentage: Some(percentage),
            })
        } else {
            self.begun = true;
            let create = WorkDoneProgressCreateParams {
                token: token.clone(),
            };
            let _ = conn.sender.send(
                Request::new(
                    RequestId::from(Self::TOKEN.to_string()),
                    WorkDoneProgressCreate::METHOD.into(),
                    create,
                )
                .into(),
            );
            WorkDoneProgress::Begin(WorkDoneProgressBegin {
                title: "carve: analysing the workspace".into(),
                cancellable: Some(false),
                message: Some(message.into()),
                percentage: Some(percentage),
            })
        };
        send_progress(conn, token, value);
    }

    pub fn end(self, conn: &Connection, message: String) {
        if let (Some(token), true) = (self.token, self.begun) {
            let value = WorkDoneProgress::End(WorkDoneProgressEnd {
                message: Some(message),
            });
            send_progress(conn, token, value);
        }
    }
}

fn send_progress(conn: &Connection, token: NumberOrString, value: WorkDoneProgress) {
    let params = ProgressParams {
        token,
        value: ProgressParamsValue::WorkDone(value),
    };
    let _ = conn
        .sender
        .send(Notification::new(Progress::METHOD.into(), params).into());
}

/// Asks the client to report changes to sources, manifests and `.carve/`.
pub fn register_watchers(conn: &Connection) {
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: WATCHED
            .iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String((*glob).into()),
                kind: None,
            })
            .collect(),
    };
    let params = RegistrationParams {
        registrations: vec![Registration {
            id: "carve/watched-files".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        }],
    };
    let _ = conn.sender.send(
        Request::new(
            RequestId::from("carve/register-watchers".to_string()),
            RegisterCapability::METHOD.into(),
            params,
        )
        .into(),
    );
}
