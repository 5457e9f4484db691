//! Hits that wait for a flag of their class (`if ($this->cache)`, a field
//! off by default that only some methods of the class turn on: see
//! `extract::flags`): they run only in a program that calls one of those
//! methods (or routes a request to one). A flag nothing turns on guards
//! code that never runs.

use super::routes::Route;
use super::{CallEdge, CodeNode, DefNodes, LiveHit};
use crate::extract::facts::FileFacts;
use petgraph::graph::DiGraph;
use petgraph::Direction;
use std::collections::HashSet;

/// `live` less the hits whose flag no method the program calls turns on.
pub fn without_unset_flags(
    graph: &DiGraph<CodeNode, CallEdge>,
    def_nodes: &DefNodes,
    files: &[FileFacts],
    routes: &[Route],
    mut live: Vec<LiveHit>,
) -> Vec<LiveHit> {
    // The routes' handlers, collected on the first flagged hit (most scans
    // have none).
    let mut handlers: Option<HashSet<(usize, usize)>> = None;
    live.retain(|l| {
        let extra = files[l.file].hits[l.hit].extra.as_deref();
        let Some(setters) = extra.and_then(|e| e.flag_setters.as_deref()) else {
            return true;
        };
        let handlers =
            handlers.get_or_insert_with(|| routes.iter().filter_map(|r| r.handler).collect());
        setters.iter().any(|&def| {
            let def = def as usize;
            handlers.contains(&(l.file, def))
                || def_nodes.get(l.file, def).is_some_and(|node| {
                    graph
                        .edges_directed(node, Direction::Incoming)
                        .next()
                        .is_some()
                })
        })
    });
    live
}
