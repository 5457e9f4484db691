//! What a route reaches: breadth-first over the call graph from its handler
//! and the hooks that run before it, keeping the shortest chain to each
//! function; and what start-up code reaches, which has already made the
//! once-per-process calls (a singleton's constructor) a route would repeat.

use crate::extract::facts::Pos;
use crate::link::resolve::Resolution;
use crate::link::{CodeNode, Program};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap;
use std::collections::VecDeque;

/// One step of a call chain: a function, where it is defined, where the
/// previous step calls it and how that call was resolved (None for the first
/// step).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub node: CodeNode,
    pub file: usize,
    pub pos: Pos,
    pub called_at: Option<Pos>,
    pub how: Option<Resolution>,
}

/// The step before a node on its shortest chain: the caller, the call's
/// position and how it was resolved.
type Link = (NodeIndex, Pos, Resolution);

/// Shortest-path tree from a set of roots.
pub struct Reached {
    parent: FxHashMap<NodeIndex, Option<Link>>,
}

impl Reached {
    /// Number of calls from a root to `node`.
    pub fn depth(&self, node: NodeIndex) -> usize {
        let mut depth = 0;
        let mut current = self.parent.get(&node).copied().flatten();
        while let Some((n, _, _)) = current {
            depth += 1;
            current = self.parent.get(&n).copied().flatten();
        }
        depth
    }

    pub fn contains(&self, node: NodeIndex) -> bool {
        self.parent.contains_key(&node)
    }

    /// Every node reached, in no particular order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.parent.keys().copied()
    }

    /// Chain from a root to `node`.
    pub fn chain(&self, program: &Program, node: NodeIndex) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut current = Some(node);
        while let Some(n) = current {
            let code = program.graph[n];
            let file = code.file();
            let pos = match code.def() {
                Some(def) => program.files[file].defs[def].pos,
                None => Pos { line: 1, column: 1 },
            };
            let link = self.parent.get(&n).copied().flatten();
            steps.push(Step {
                node: code,
                file,
                pos,
                called_at: link.map(|(_, at, _)| at),
                how: link.map(|(_, _, how)| how),
            });
            current = link.map(|(p, _, _)| p);
        }
        steps.reverse();
        steps
    }
}

/// What a route reaches: from its handler, then the hooks that run before it.
/// A lazy-initialisation call in code start-up already ran (`getInstance()`
/// constructing the singleton at boot) is not repeated by the route, and a
/// GET does not make the calls of a branch that runs on a submitted form.
pub fn reach_route(
    program: &Program,
    route: &crate::link::routes::Route,
    startup: &Reached,
) -> Reached {
    let mut roots = Vec::new();
    roots.extend(route.handler.and_then(|(f, d)| program.def_nodes.get(f, d)));
    for &(f, d) in &route.before {
        roots.extend(program.def_nodes.get(f, d));
        // A class given as a hook (a servlet filter, a guard) runs its methods.
        roots.extend(method_nodes(program, f, d));
    }
    reach_from(program, &roots, Some(startup), submits(route), true)
}

/// Whether the route's requests can submit a form (any method but GET and
/// HEAD): branches such as `if form.validate_on_submit():` run for them.
pub fn submits(route: &crate::link::routes::Route) -> bool {
    !matches!(route.method.as_str(), "GET" | "HEAD")
}

/// What start-up code reaches: each module's top level (import time), the
/// module-level variables whose initial values make calls (`app =
/// create_app()`), and the functions the app starts with (`Main`,
/// `Startup.ConfigureServices`), and the commands that serve routes (the
/// CLI library runs their actions: `Program::serving`). It does not follow
/// a call made only for a command-line option or command that serves no
/// route (`cli_branches`): that is a tool's work.
pub fn startup(program: &Program) -> Reached {
    use crate::extract::facts::DefKind;
    let mut top_level = program.module_nodes.clone();
    for (file, facts) in program.files.iter().enumerate() {
        top_level.extend(
            facts
                .defs
                .iter()
                .enumerate()
                .filter(|(_, d)| (d.kind == DefKind::Variable && d.parent().is_none()) || d.startup)
                .filter_map(|(def, _)| program.def_nodes.get(file, def)),
        );
    }
    top_level.extend(&program.serving.starts);
    reach_from(program, &top_level, None, true, false)
}

/// The graph nodes of the methods of `def` when it is a class (none otherwise).
pub fn method_nodes(program: &Program, file: usize, def: usize) -> Vec<NodeIndex> {
    use crate::extract::facts::DefKind;
    let defs = &program.files[file].defs;
    if defs[def].kind != DefKind::Class {
        return Vec::new();
    }
    (0..defs.len())
        .filter(|&m| defs[m].parent() == Some(def) && defs[m].kind == DefKind::Function)
        .filter_map(|m| program.def_nodes.get(file, m))
        .collect()
}

/// Breadth-first from `roots` in order (handler first), so chains are shortest
/// and ties go to the handler.
pub fn reach_calls(program: &Program, roots: &[NodeIndex]) -> Reached {
    reach_from(program, roots, None, true, true)
}

/// `reach_calls`, leaving out the once-per-process calls made from code that
/// `startup` reaches, the calls made only on a submitted form unless
/// `submits`, and those made only for a command-line tool unless `tools`.
fn reach_from(
    program: &Program,
    roots: &[NodeIndex],
    startup: Option<&Reached>,
    submits: bool,
    tools: bool,
) -> Reached {
    let mut parent: FxHashMap<NodeIndex, Option<Link>> = FxHashMap::default();
    let mut queue = VecDeque::new();
    for &root in roots {
        if parent.insert(root, None).is_none() {
            queue.push_back(root);
        }
    }
    while let Some(node) = queue.pop_front() {
        let mut next: Vec<_> = program
            .graph
            .edges(node)
            .filter(|e| !(e.weight().once && startup.is_some_and(|s| s.contains(node))))
            .filter(|e| submits || !e.weight().on_submit)
            .filter(|e| tools || !e.weight().cli)
            .map(|e| (e.target(), e.weight().at, e.weight().how))
            .collect();
        next.sort_by_key(|(n, at, how)| (*at, *n, *how));
        for (target, at, how) in next {
            if let std::collections::hash_map::Entry::Vacant(slot) = parent.entry(target) {
                slot.insert(Some((node, at, how)));
                queue.push_back(target);
            }
        }
    }
    Reached { parent }
}
