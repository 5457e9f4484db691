//! Code behind a command-line option or command: a branch of start-up code
//! that tests one (`case c.IsSet("gen-keys"): return …`, `if
//! (optionInit.HasValue()) { …; return 0; }`) or a CLI command's action
//! (`Action: genKeysAction`), captured `@cli` in `entries.scm` (a region of
//! its file, `FileFacts::cli_regions`). Its calls are a tool's work (writing
//! key files, copying a settings file), which start-up does not follow:
//! unless the region goes on to declare routes (the `serve` command, the
//! legacy action that falls through to serving). Then the whole region is
//! the server's start-up, every call and hit in it judged as such (the
//! scheduler and the SSH server a `start` command runs beside the HTTP
//! server), while the other commands stay tools.

use super::routes::Route;
use super::{CallEdge, CodeNode, DefNodes};
use crate::extract::facts::{FileFacts, Pos};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rustc_hash::FxHashSet;

/// The `@cli` regions that serve: those with a call that goes on to declare
/// routes, and the code they are written in.
#[derive(Debug, Default)]
pub struct Serving {
    /// (file, index into its `cli_regions`).
    regions: FxHashSet<(usize, usize)>,
    /// The functions holding a serving region: start-up runs them, called
    /// or not (the action of `var CmdStart = cli.Command{Action: func(…)
    /// {…}}` is reached by no call: the CLI library runs it).
    pub starts: Vec<NodeIndex>,
}

impl Serving {
    /// Whether code of `file` starting at `at` (inside a `@cli` region) runs
    /// only for a tool: a region holding it serves no route (an option
    /// branch of a serving command that returns is still a tool).
    pub fn for_tool(&self, files: &[FileFacts], file: usize, at: Pos) -> bool {
        let mut held = holding(&files[file], at).peekable();
        held.peek().is_none() || held.any(|region| !self.regions.contains(&(file, region)))
    }
}

/// The `@cli` regions of `facts` that hold code starting at `at`.
fn holding(facts: &FileFacts, at: Pos) -> impl Iterator<Item = usize> + '_ {
    // Sorted by start: the regions after `at` hold nothing of it.
    let before = facts.cli_regions.partition_point(|r| r.start <= at);
    (0..before).filter(move |&r| facts.cli_regions[r].holds(at))
}

/// Finds the serving regions (a call in them reaches the handler or a hook
/// of a route) and clears `cli` on every edge they hold: those commands
/// serve, and everything they call is start-up.
pub fn settle(
    graph: &mut DiGraph<CodeNode, CallEdge>,
    def_nodes: &DefNodes,
    routes: &[Route],
    files: &[FileFacts],
) -> Serving {
    let mut serving = Serving::default();
    if !graph.edge_weights().any(|e| e.cli) {
        return serving;
    }
    let mut serves = vec![false; graph.node_count()];
    // The code that declares a route names its handler and hooks: whatever
    // reaches them declares routes (a tool calling a handler itself would
    // pass too, and keep its findings as before).
    let mut stack: Vec<NodeIndex> = routes
        .iter()
        .flat_map(|route| route.handler.iter().chain(&route.before))
        .filter_map(|&(file, def)| def_nodes.get(file, def))
        .collect();
    while let Some(node) = stack.pop() {
        if std::mem::replace(&mut serves[node.index()], true) {
            continue;
        }
        stack.extend(
            graph
                .edges_directed(node, Direction::Incoming)
                .map(|e| e.source())
                .filter(|caller| !serves[caller.index()]),
        );
    }
    for edge in graph.edge_references() {
        if edge.weight().cli && serves[edge.target().index()] {
            let file = graph[edge.source()].file();
            let held = holding(&files[file], edge.weight().at);
            serving.regions.extend(held.map(|region| (file, region)));
            serving.starts.push(edge.source());
        }
    }
    serving.starts.sort_unstable();
    serving.starts.dedup();
    let started: Vec<_> = graph
        .edge_references()
        .filter(|e| {
            e.weight().cli
                && (serves[e.target().index()]
                    || !serving.for_tool(files, graph[e.source()].file(), e.weight().at))
        })
        .map(|e| e.id())
        .collect();
    for id in started {
        graph[id].cli = false;
    }
    serving
}
