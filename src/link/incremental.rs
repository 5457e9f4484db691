//! Incremental linking: what one link keeps for the next (each file's call
//! edges and rule hits that hold, and which other files each file's
//! resolution went through), and which files an edit of one file makes
//! stale. An edit that leaves a file's interface (what other files'
//! resolution reads of it: definitions, exports, fields, tags, bindings,
//! namespace, all without positions) alone re-links that file only, plus,
//! when its imports changed, the files whose resolution went through it.
//! What other files' calls feed into a file's resolution (functions passed
//! to a relay method) is compared whole: when it changed, all files link.

use super::{CallEdge, LiveHit};
use crate::extract::facts::{Def, FileFacts, Import, Pos, ShortSpan};
use petgraph::graph::NodeIndex;

/// A call edge of the graph: (caller, callee, how).
pub type Edge = (NodeIndex, NodeIndex, CallEdge);

/// Per file (settings files included), what its own link produced.
pub struct Parts {
    pub(super) edges: Vec<Vec<Edge>>,
    /// Before the conditions on other rules' hits (`program_has`).
    pub(super) hits: Vec<Vec<LiveHit>>,
    /// The other files whose names this file's resolution looked up.
    pub(super) reads: Vec<Vec<usize>>,
    /// The function values bound through relay methods (`Resolver::relayed`):
    /// written by calls in any file, so when they change all files link again.
    pub(super) relayed: Vec<(String, usize, Option<usize>, String)>,
}

/// How a file changed since the previous link, when its interface did not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Its calls, hits, routes or positions only.
    Body { file: usize },
    /// Its imports too: what other files resolve through it may differ.
    Imports { file: usize },
}

impl Change {
    /// How `new` differs from `old` (file `file`, the same path); None when
    /// its interface changed (a full link is needed).
    pub fn between(file: usize, old: &FileFacts, new: &FileFacts) -> Option<Change> {
        if interface(old) != interface(new) {
            return None;
        }
        let imports = |f: &FileFacts| f.imports.iter().map(bare_import).collect::<Vec<_>>();
        Some(if imports(old) == imports(new) {
            Change::Body { file }
        } else {
            Change::Imports { file }
        })
    }

    /// The files to link again: the changed one and, when its imports
    /// changed, those whose resolution read it; `files` in all.
    pub(super) fn stale(self, parts: &Parts, files: usize) -> Vec<bool> {
        let mut stale = vec![false; files];
        match self {
            Change::Body { file } => stale[file] = true,
            Change::Imports { file } => {
                stale[file] = true;
                for (other, reads) in parts.reads.iter().enumerate() {
                    if reads.contains(&file) {
                        stale[other] = true;
                    }
                }
            }
        }
        stale
    }
}

/// What other files' resolution reads of a file, positions left out.
#[derive(PartialEq)]
struct Interface<'f> {
    path: &'f str,
    lang: crate::lang::Lang,
    entry: bool,
    client: bool,
    namespace: &'f Option<String>,
    defs: Vec<Def>,
    exports: &'f [crate::extract::facts::Export],
    fields: &'f [crate::extract::facts::Field],
    tags: &'f [crate::extract::facts::ClassTag],
    bindings: &'f [crate::extract::facts::FieldBinding],
    relays: &'f [crate::extract::facts::Relay],
}

fn interface(f: &FileFacts) -> Interface<'_> {
    Interface {
        path: &f.path,
        lang: f.lang,
        entry: f.entry,
        client: f.client,
        namespace: &f.namespace,
        defs: f
            .defs
            .iter()
            .map(|d| Def {
                span: ShortSpan::default(),
                name_start: 0,
                pos: Pos::default(),
                ..d.clone()
            })
            .collect(),
        exports: &f.exports,
        fields: &f.fields,
        tags: &f.tags,
        bindings: &f.bindings,
        relays: &f.relays,
    }
}

fn bare_import(i: &Import) -> Import {
    Import {
        pos: Pos::default(),
        start: 0,
        ..i.clone()
    }
}
