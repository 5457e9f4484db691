//! Document sync: `didOpen`/`didChange`/`didSave`/`didClose` and watched
//! file changes. An edited file is re-extracted from its text in memory; a
//! change to a manifest or to `.carve/` (config, rules) reloads everything.

use super::Server;
use crate::discover;
use lsp_types::{
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileChangeType, Uri,
};

pub fn did_open(server: &mut Server, params: DidOpenTextDocumentParams) {
    let doc = params.text_document;
    if let Some(rel) = relative(server, &doc.uri) {
        server.open.insert(rel.clone(), doc.version);
        update(server, &rel, doc.text.into_bytes());
    }
}

/// Full sync: the last change holds the whole text. A version no newer
/// than the one applied is a stale change (reordered, or replayed by a
/// client): ignored, the newer text stays.
pub fn did_change(server: &mut Server, params: DidChangeTextDocumentParams) {
    let Some(change) = params.content_changes.into_iter().last() else {
        return;
    };
    let Some(rel) = relative(server, &params.text_document.uri) else {
        return;
    };
    let version = params.text_document.version;
    match server.open.get_mut(&rel) {
        Some(applied) if version <= *applied => return,
        Some(applied) => *applied = version,
        // Changed without being opened: track it from here.
        None => {
            server.open.insert(rel.clone(), version);
        }
    }
    update(server, &rel, change.text.into_bytes());
}

pub fn did_save(server: &mut Server, params: DidSaveTextDocumentParams) {
    let Some(rel) = relative(server, &params.text_document.uri) else {
        return;
    };
    // A new file is on disk now: the walk may pick it.
    if let Some(a) = server.analysis.as_mut() {
        a.recheck(&rel);
    }
    if let Some(text) = params.text {
        update(server, &rel, text.into_bytes());
    }
    if is_settings(&rel) {
        server.analyse(&mut |_, _, _| {});
    }
}

/// Back to the file on disk.
pub fn did_close(server: &mut Server, params: DidCloseTextDocumentParams) {
    if let Some(rel) = relative(server, &params.text_document.uri) {
        server.open.remove(&rel);
        reload_from_disk(server, &rel);
    }
}

pub fn did_change_watched(server: &mut Server, params: DidChangeWatchedFilesParams) {
    let mut reload = false;
    for change in params.changes {
        let Some(rel) = relative(server, &change.uri) else {
            continue;
        };
        if change.typ == FileChangeType::CREATED {
            if let Some(a) = server.analysis.as_mut() {
                a.recheck(&rel);
            }
        }
        if is_settings(&rel) {
            reload = true;
        } else if server.open.contains_key(&rel) {
            // The editor's buffer is what is analysed while the file is open.
        } else if change.typ == FileChangeType::DELETED {
            let removed = server.analysis.as_mut().is_some_and(|a| a.remove(&rel));
            if removed {
                server.publish();
            }
        } else {
            reload_from_disk(server, &rel);
        }
    }
    if reload {
        server.analyse(&mut |_, _, _| {});
    }
}

/// `.carve/` (config and rules) and manifests change what every file means.
/// The config, rules and manifests; not the facts cache that `carve scan`
/// writes under `.carve/cache/` (a scan in a terminal is no settings change).
fn is_settings(rel: &str) -> bool {
    let in_carve = rel.starts_with(".carve/") || rel.contains("/.carve/");
    let in_cache = rel.starts_with(".carve/cache/") || rel.contains("/.carve/cache/");
    (in_carve && !in_cache) || discover::is_manifest(rel)
}

fn relative(server: &Server, uri: &Uri) -> Option<String> {
    server.analysis.as_ref()?.relative_uri(uri)
}

fn update(server: &mut Server, rel: &str, text: Vec<u8>) {
    let changed = server
        .analysis
        .as_mut()
        .is_some_and(|a| a.set_text(rel, text));
    if changed {
        server.publish();
    }
}

fn reload_from_disk(server: &mut Server, rel: &str) {
    let Some(analysis) = &server.analysis else {
        return;
    };
    let path = analysis.root.join(rel);
    match std::fs::read(&path) {
        Ok(bytes) => update(server, rel, bytes),
        Err(_) => {
            let removed = server.analysis.as_mut().is_some_and(|a| a.remove(rel));
            if removed {
                server.publish();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_cache_is_no_setting() {
        assert!(super::is_settings(".carve/config.toml"));
        assert!(super::is_settings("api/.carve/rules/x.toml"));
        assert!(super::is_settings("package.json"));
        assert!(!super::is_settings(".carve/cache/ab/cd1234"));
        assert!(!super::is_settings("api/.carve/cache/.gitignore"));
        assert!(!super::is_settings("app.py"));
    }
}
