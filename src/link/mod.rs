//! link: all files' facts → `Program`: the call graph (petgraph) with every
//! edge saying how it was resolved, the routes with their prefixes composed,
//! and the rule hits that hold once program-wide conditions (dependencies,
//! module variables, imports, other rules) are checked.

pub mod apps;
mod bindings;
mod callbacks;
mod calls_holding;
mod cli_branches;
pub mod def_nodes;
mod flags;
mod framework_use;
mod handlers;
mod hook_paths;
pub mod incremental;
mod lifecycle;
mod method_sets;
pub mod modules;
mod overloads;
mod packages;
mod placeholders;
pub mod projects;
pub mod resolve;
mod returned;
pub mod routes;
mod server;
mod shadows;
mod shallow;
mod slots;
mod started_by;
mod tables;
mod templates;

use crate::extract::facts::{saturating_u32, Call, Def, DefKind, FileFacts, Pos, Span};
use crate::rules::{Conditions, RuleSet};
pub use cli_branches::Serving;
pub use def_nodes::DefNodes;
use incremental::Edge;
pub use incremental::{Change, Parts};
use modules::ModuleIndex;
use petgraph::graph::{DiGraph, NodeIndex};
use rayon::prelude::*;
use resolve::{Resolution, Resolver, Symbol};
use routes::Route;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeSet;

/// A node of the call graph: a definition, or a module's top level. In 12
/// bytes (a node per def lives until the report): `file()` and `def()` are
/// the indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CodeNode {
    Def { file: u32, def: u32 },
    Module { file: u32 },
}

impl CodeNode {
    /// The file, as an index into `Program::files`.
    pub fn file(self) -> usize {
        match self {
            CodeNode::Def { file, .. } | CodeNode::Module { file } => file as usize,
        }
    }

    /// The def, as an index into its file's `defs` (None: the module's top level).
    pub fn def(self) -> Option<usize> {
        match self {
            CodeNode::Def { def, .. } => Some(def as usize),
            CodeNode::Module { .. } => None,
        }
    }
}

/// A call edge: where the call is written and how it was resolved.
#[derive(Debug, Clone, Copy)]
pub struct CallEdge {
    pub how: Resolution,
    pub at: Pos,
    /// Made under a lazy-initialisation guard: once per process.
    pub once: bool,
    /// Made only when a form is submitted: not on a GET of the handler.
    pub on_submit: bool,
    /// Made only for a command-line option or command that declares no
    /// route (a tool's work, `cli_branches`): start-up does not follow it.
    pub cli: bool,
}

/// A rule hit that holds program-wide, with the key of the state it touches.
#[derive(Debug, Clone)]
pub struct LiveHit {
    pub file: usize,
    pub hit: usize,
    /// What routes that share this hit's state must move with: `kind:key`.
    pub state_key: Option<String>,
    /// The module-level variable (file, def) an app-wide hit configures
    /// (`through_variable`): it reaches the routes that use it.
    pub via: Option<(usize, usize)>,
}

pub struct Program {
    /// How many of `files` are source files; the settings files' facts follow.
    pub sources: usize,
    pub files: Vec<FileFacts>,
    pub graph: DiGraph<CodeNode, CallEdge>,
    /// Node of each def, per file. Module-level variables are nodes too: a
    /// route reaches a configured middleware object it mounts.
    pub def_nodes: DefNodes,
    pub module_nodes: Vec<NodeIndex>,
    pub routes: Vec<Route>,
    pub hits: Vec<LiveHit>,
    /// Hits a `carve: ignore[...]` comment covers: kept out of every route,
    /// listed in the report with their reason.
    pub suppressed: Vec<LiveHit>,
    /// Rule hits in code that never runs on the server (browser code,
    /// scripts no server file imports): not judged, only counted.
    pub hits_outside_server: usize,
    /// The functions using each module-level variable a hit configures
    /// (`LiveHit::via`).
    pub variable_users: FxHashMap<(usize, usize), Vec<NodeIndex>>,
    /// The command-line commands and options that go on to serve routes:
    /// start-up code, unlike the other `@cli` code (a tool's work).
    pub serving: Serving,
    /// Which application each file belongs to (several in one repository).
    pub apps: apps::AppScope,
    pub dependencies: BTreeSet<String>,
    /// (folder, import path) of the project's `go.mod` files.
    pub module_paths: Vec<(String, String)>,
    /// (folder, runtime) where the tree's projects start.
    pub project_roots: Vec<(String, &'static str)>,
}

impl Program {
    /// Whether a hit runs only for a command-line tool: in `@cli` code
    /// that serves no route (`Serving`).
    pub fn for_tool(&self, file: usize, hit: &crate::extract::facts::Hit) -> bool {
        hit.cli() && self.serving.for_tool(&self.files, file, hit.pos)
    }
}

/// Names too common to guess a method by (`obj.get()` is not the only `get`), in any
/// case: Go's `Get` and C#'s `Save` are as common.
#[rustfmt::skip]
const UNGUESSABLE: &[&str] = &[
    "get", "post", "patch", "head", "options", "route", "set", "add", "all", "put", "pop", "run",
    "map", "use", "on", "off", "end", "send", "save", "load", "list", "find", "open", "read",
    "write", "close", "push", "call", "bind", "then", "catch", "emit", "join", "keys", "items",
    "values", "copy", "clear", "update", "delete", "remove", "create", "filter", "first", "query",
    "execute", "commit", "render", "json", "text", "format", "split", "start", "stop", "apply",
    "append", "extend", "insert", "dump", "dumps", "loads", "parse", "init", "next", "sort",
    "count", "index", "exists", "log", "info", "error", "debug", "warn", "status", "redirect",
    "include", "register", "connect", "disconnect", "reload",
];

/// Links once, keeping nothing for a next link: each file's calls are
/// freed as soon as every file's calls are resolved (the program's files
/// have none), and each file's resolved parts as they join the program's.
pub fn link_program(
    files: Vec<FileFacts>,
    rules: &RuleSet,
    project: crate::discover::Project,
) -> Program {
    link_with(files, rules, project, None, false).0
}

/// As `link_program`, keeping every fact and the parts a next link reuses:
/// with the parts the previous link of the same files kept and the one
/// change since, each file the change leaves alone keeps its call edges
/// and live hits. Returns the parts to keep for the next.
pub fn link_incremental(
    files: Vec<FileFacts>,
    rules: &RuleSet,
    project: crate::discover::Project,
    previous: Option<(Parts, Change)>,
) -> (Program, Parts) {
    link_with(files, rules, project, previous, true)
}

/// The link of `link_program` (`keep` false: the parts returned are empty)
/// and of `link_incremental` (`keep` true).
fn link_with(
    files: Vec<FileFacts>,
    rules: &RuleSet,
    project: crate::discover::Project,
    previous: Option<(Parts, Change)>,
    keep: bool,
) -> (Program, Parts) {
    let crate::discover::Project {
        dependencies,
        route_prefixes,
        module_paths,
        project_roots,
        process_files,
        settings_files,
        route_files,
        page_templates,
        defines,
    } = project;
    let mut files = files;
    // A file a Procfile runs starts a process of the app (a worker, a
    // socket server beside the web app): its code is server code.
    for facts in &mut files {
        facts.entry |= process_files.binary_search(&facts.path).is_ok();
    }
    let sources = files.len();
    let settings = crate::config_files::facts(&settings_files, rules);
    // Room for exactly these: the list of every file's facts lives through
    // link, and growing it would double it.
    files.reserve_exact(settings.len() + route_files.len());
    files.extend(settings);
    files.extend(route_files.iter().map(crate::config_routes::facts));
    // Only call resolution reads the calls: held apart from the files, so
    // that a link that keeps nothing frees them while it resolves them.
    let calls: Vec<Vec<Call>> = files
        .iter_mut()
        .map(|f| std::mem::take(&mut f.calls))
        .collect();
    let modules = ModuleIndex::new(&files, &module_paths, &project_roots);
    let resolver = Resolver::new(&files, &calls, &modules);
    let mut graph = DiGraph::with_capacity(
        files.len() + files.iter().map(|f| f.defs.len()).sum::<usize>(),
        0,
    );
    let mut def_nodes = DefNodes::with_capacity(files.len());
    let mut module_nodes = Vec::with_capacity(files.len());
    for (file_idx, facts) in files.iter().enumerate() {
        let file = saturating_u32(file_idx);
        module_nodes.push(graph.add_node(CodeNode::Module { file }));
        let first = NodeIndex::new(graph.node_count());
        for def in 0..facts.defs.len() {
            graph.add_node(CodeNode::Def {
                file,
                def: saturating_u32(def),
            });
        }
        def_nodes.push(first, facts.defs.len());
    }
    let relayed = resolver.relayed();
    let previous = previous.filter(|(p, _)| p.relayed == relayed);
    let kept = kept_parts(previous, files.len());
    let fresh = files.len() - kept.len();
    let unique = UniqueNames::new(&files, &modules.projects);
    let tags = class_tags(&files);
    let variables = through_variables(&resolver, rules, &files);
    let passed = passed_classes(&resolver, &unique, &calls);
    let slots = slots::Slots::new(&files);
    let indexes = CallIndexes {
        unique: &unique,
        passed: &passed,
        slots: &slots,
    };
    // Each file's calls and hits resolve independently: in parallel.
    let ((linked, users), calls): ((Vec<FileParts>, Vec<_>), Vec<Vec<Call>>) = kept
        .into_par_iter()
        .chain(rayon::iter::repeat_n(None, fresh))
        .zip(calls)
        .enumerate()
        .map(|(file_idx, (kept, calls))| {
            let linked = kept.unwrap_or_else(|| {
                let resolve = || {
                    let edges = file_edges(
                        &resolver,
                        &calls,
                        &indexes,
                        &def_nodes,
                        &module_nodes,
                        file_idx,
                    );
                    let hits = file_live_hits(&resolver, rules, &dependencies, &tags, file_idx);
                    (edges, hits)
                };
                // Which files a resolution read matters to a next link only.
                let ((mut edges, mut hits), mut reads) = match keep {
                    true => resolve::recording_reads(resolve),
                    false => (resolve(), Vec::new()),
                };
                // Kept until the program is linked (and by the language
                // server until the next link): no spare room.
                edges.shrink_to_fit();
                hits.shrink_to_fit();
                reads.shrink_to_fit();
                (edges, hits, reads)
            });
            let users = file_variable_users(&resolver, &calls, &def_nodes, &variables, file_idx);
            // A link that keeps nothing frees a file's calls as soon as
            // they are resolved: room for the edges of the files after it.
            ((linked, users), if keep { calls } else { Vec::new() })
        })
        .unzip();
    // Only the calls' and hits' resolution reads these.
    drop(passed);
    drop(slots);
    drop(unique);
    drop(tags);
    crate::heap::give_back_free_pages();
    let per_file = if keep { linked.len() } else { 0 };
    let mut parts = Parts {
        edges: Vec::with_capacity(per_file),
        hits: Vec::with_capacity(per_file),
        reads: Vec::with_capacity(per_file),
        relayed,
    };
    graph.reserve_exact_edges(linked.iter().map(|l| l.0.len()).sum());
    let mut live_hits: Vec<LiveHit> = Vec::with_capacity(linked.iter().map(|l| l.1.len()).sum());
    // A file's edges leave its own nodes, numbered after the previous
    // file's, and each file's are sorted: in file order, the edges are in
    // the order of (caller, callee), with no copy of them all.
    for (own_edges, own_hits, reads) in linked {
        for &(a, b, e) in &own_edges {
            graph.add_edge(a, b, e);
        }
        if keep {
            live_hits.extend_from_slice(&own_hits);
            parts.edges.push(own_edges);
            parts.hits.push(own_hits);
            parts.reads.push(reads);
        } else {
            live_hits.extend(own_hits);
        }
    }
    // Which application uses shared code: through imports and resolved
    // calls, not a guess by name that may cross from one app into another.
    let file_edges = server::FileEdges::new(&resolver, &graph, |e| e.how.is_guess());
    let apps = apps::AppScope::new(&files, &file_edges.sure, &modules.projects);
    let routes = routes::compose_routes(
        &resolver,
        &apps,
        &dependencies,
        &route_prefixes,
        page_templates,
        defines,
        &settings_files,
    );
    let serving = cli_branches::settle(&mut graph, &def_nodes, &routes, resolver.files);
    let server = server::server_files(&files, &file_edges, &routes);
    let live = with_program_has(&resolver, rules, live_hits);
    let live = calls_holding::judged_by_callees(&graph, &def_nodes, &files, rules, live);
    let live = started_by::without_restarted(&graph, &def_nodes, &files, rules, live);
    let live = flags::without_unset_flags(&graph, &def_nodes, &files, &routes, live);
    let (on_server, off_server): (Vec<LiveHit>, Vec<LiveHit>) =
        live.into_iter().partition(|l| server[l.file]);
    let (suppressed, hits): (Vec<LiveHit>, Vec<LiveHit>) = on_server
        .into_iter()
        .partition(|l| resolver.files[l.file].hits[l.hit].suppression().is_some());
    let mut variable_users: FxHashMap<(usize, usize), Vec<NodeIndex>> = FxHashMap::default();
    for (variable, node) in users.into_iter().flatten() {
        variable_users.entry(variable).or_default().push(node);
    }
    for nodes in variable_users.values_mut() {
        nodes.sort_unstable();
        nodes.dedup();
    }
    // A link that keeps its facts gives each file its calls back.
    for (facts, calls) in files.iter_mut().zip(calls) {
        facts.calls = calls;
    }
    let program = Program {
        sources,
        files,
        graph,
        def_nodes,
        module_nodes,
        routes,
        hits,
        suppressed,
        hits_outside_server: off_server.len(),
        variable_users,
        serving,
        apps,
        dependencies,
        module_paths,
        project_roots,
    };
    (program, parts)
}

/// A file's own link: its call edges, its live hits, the files its
/// resolution read.
type FileParts = (Vec<Edge>, Vec<LiveHit>, Vec<usize>);

/// Per file, what the previous link kept for it when the change since
/// leaves it alone (None: the file links again).
type Kept = Option<FileParts>;

/// Each file's `Kept`; empty without a previous link of as many files,
/// where every file links again (no list of one None a file).
fn kept_parts(previous: Option<(Parts, Change)>, files: usize) -> Vec<Kept> {
    let Some((parts, change)) = previous.filter(|(p, _)| p.edges.len() == files) else {
        return Vec::new();
    };
    let stale = change.stale(&parts, files);
    parts
        .edges
        .into_iter()
        .zip(parts.hits)
        .zip(parts.reads)
        .zip(stale)
        .map(|(((edges, hits), reads), stale)| (!stale).then_some((edges, hits, reads)))
        .collect()
}

/// What a call's targets are looked up in besides the resolver: defs by
/// name (guesses), classes passed as values, container factories by key.
struct CallIndexes<'i, 'f> {
    unique: &'i UniqueNames<'f>,
    passed: &'i PassedClasses,
    slots: &'i slots::Slots<'f>,
}

/// The call edges out of `file_idx`'s code: nested definitions, calls and
/// includes.
fn file_edges(
    resolver: &Resolver,
    calls: &[Call],
    indexes: &CallIndexes,
    def_nodes: &DefNodes,
    module_nodes: &[NodeIndex],
    file_idx: usize,
) -> Vec<Edge> {
    let CallIndexes {
        unique,
        passed,
        slots,
    } = indexes;
    let facts = &resolver.files[file_idx];
    let packages = &resolver.modules.packages;
    let mut edges = Vec::new();
    for (def_idx, def) in facts.defs.iter().enumerate() {
        if let (Some(parent), Some(node)) = (def.parent(), def_nodes.get(file_idx, def_idx)) {
            // A container's factory runs where its key is read (`slots`).
            let parent_is_function = facts.defs[parent].kind == DefKind::Function && !def.slot;
            if let (true, Some(parent_node)) = (parent_is_function, def_nodes.get(file_idx, parent))
            {
                edges.push((
                    parent_node,
                    node,
                    CallEdge {
                        how: Resolution::Nested,
                        at: def.pos,
                        once: false,
                        on_submit: false,
                        cli: false,
                    },
                ));
            }
        }
    }
    for call in calls {
        let from = match (call.def(), call.holder()) {
            (Some(def), _) | (None, Some(def)) => def_nodes.get(file_idx, def),
            (None, None) => Some(module_nodes[file_idx]),
        };
        let Some(from) = from else { continue };
        // A name passed as a value is followed only when it resolves for
        // sure: `res.json(user)` must not guess a function named `user`.
        let targets = if call.value {
            passed
                .get(&(file_idx, call.pos))
                .cloned()
                .unwrap_or_default()
        } else if call.is_reference {
            resolve_reference(resolver, file_idx, call.def(), &call.callee)
        } else {
            let mut targets =
                resolve_call(resolver, Some(unique), file_idx, call.def(), &call.callee);
            // A guess stays within the caller's package; a method the
            // framework calls is never guessed.
            targets.retain(|&(f, _, how)| {
                !how.is_guess() || (!call.framework_member && packages.guess_may_reach(file_idx, f))
            });
            if let Some(names) = unique.of(file_idx) {
                targets.extend(
                    callbacks::persistence_hooks(resolver, names, file_idx, &call.callee)
                        .into_iter()
                        .map(|(f, d)| (f, d, Resolution::Lifecycle)),
                );
            }
            targets
        };
        let targets = overloads::with_overloads(resolver, file_idx, call.def(), targets);
        for (target_file, target_def, how) in targets.into_iter().chain(slots.read_by(call)) {
            if let Some(to) = def_nodes.get(target_file, target_def) {
                edges.push((
                    from,
                    to,
                    CallEdge {
                        how,
                        at: call.pos,
                        once: call.once,
                        on_submit: call.on_submit,
                        cli: call.cli,
                    },
                ));
            }
        }
    }
    edges.extend(include_calls(
        resolver,
        file_idx,
        def_nodes,
        module_nodes[file_idx],
    ));
    // Of several calls from one function to another, an unguarded one wins
    // (the key is the whole edge: equal keys are equal edges).
    edges.sort_unstable_by_key(|(a, b, e)| (*a, *b, e.once, e.on_submit, e.cli, e.at, e.how));
    edges.dedup_by_key(|(a, b, _)| (*a, *b));
    edges
}

/// An include runs the included file's top-level code (`Def::file_code`)
/// from the code that holds it: (caller, callee, edge) for each.
fn include_calls(
    resolver: &Resolver,
    file: usize,
    def_nodes: &DefNodes,
    module_node: NodeIndex,
) -> Vec<(NodeIndex, NodeIndex, CallEdge)> {
    let files = resolver.files;
    let mut edges = Vec::new();
    let includes = files[file].imports.iter().enumerate();
    for (import_idx, import) in includes.filter(|(_, i)| i.include) {
        let at = Span {
            start: import.start as usize,
            end: import.start as usize,
        };
        let holder = files[file]
            .defs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.kind == DefKind::Function && d.span.get().contains(at))
            .min_by_key(|(_, d)| d.span.get().end - d.span.get().start)
            .and_then(|(d, _)| def_nodes.get(file, d));
        let from = holder.unwrap_or(module_node);
        for target in resolver.included(file, import_idx) {
            let code = files[target].defs.iter().position(|d| d.file_code);
            if let Some(to) = code.and_then(|d| def_nodes.get(target, d)) {
                let how = Resolution::Import;
                edges.push((
                    from,
                    to,
                    CallEdge {
                        how,
                        at: import.pos,
                        once: false,
                        on_submit: false,
                        cli: false,
                    },
                ));
            }
        }
    }
    edges
}

/// Functions by name, to guess a call no import explains (keyed by the
/// defs' own names, not copies), per runtime and project: a guess never
/// crosses from one into another (a Kotlin call is no JavaScript
/// function's, one service's call no other service's, whatever the name).
struct UniqueNames<'f> {
    /// The names of each (runtime, project)'s defs.
    scopes: Vec<NameScope<'f>>,
    /// Each file's (runtime, project), as an index into `scopes`.
    scope_of: Vec<u32>,
}

/// The defs of one runtime and project, by name.
struct NameScope<'f> {
    functions: ByName<'f>,
    methods: ByName<'f>,
    /// Classes by their name folded as a variable holding one is named
    /// (`UptimeCalculator` → `uptimecalculator`, as `uptime_calculator`).
    classes: FxHashMap<String, Vec<(usize, usize)>>,
    /// The actions some class's callbacks list (`create!` for `after_create`):
    /// only a call of one of these may run callbacks.
    callback_actions: FxHashSet<&'f str>,
    /// Every class's last name (`Admin::User` → `user`), folded.
    class_names: FxHashSet<String>,
}

impl<'f> UniqueNames<'f> {
    fn new(files: &'f [FileFacts], projects: &projects::Projects) -> Self {
        let key = |file: usize| (files[file].lang.runtime(), projects.of(file));
        let mut keys: Vec<(&str, Option<usize>)> = (0..files.len()).map(key).collect();
        keys.sort_unstable();
        keys.dedup();
        let scope_of: Vec<u32> = (0..files.len())
            .map(|file| keys.binary_search(&key(file)).map_or(0, |at| at as u32))
            .collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
        for (file, &scope) in scope_of.iter().enumerate() {
            members[scope as usize].push(file);
        }
        let scopes = members
            .iter()
            .map(|own| NameScope::new(files, own))
            .collect();
        UniqueNames { scopes, scope_of }
    }

    /// The names a call in `file` may be guessed to.
    fn of(&self, file: usize) -> Option<&NameScope<'f>> {
        self.scopes.get(*self.scope_of.get(file)? as usize)
    }
}

impl<'f> NameScope<'f> {
    /// The names of the defs of `own`, files in order.
    fn new(files: &'f [FileFacts], own: &[usize]) -> Self {
        let mut classes: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
        let mut callback_actions = FxHashSet::default();
        let mut class_names = FxHashSet::default();
        for &file_idx in own {
            for (def_idx, def) in files[file_idx].defs.iter().enumerate() {
                if def.kind == DefKind::Class && !def.declared_only {
                    classes
                        .entry(receiver_key(&def.name))
                        .or_default()
                        .push((file_idx, def_idx));
                    let last = def.name.rsplit("::").next().unwrap_or(&def.name);
                    class_names.insert(receiver_key(last));
                    for callback in def.callbacks() {
                        callback_actions.extend(callback.only.iter().map(String::as_str));
                    }
                }
            }
        }
        NameScope {
            functions: ByName::of(files, own, false),
            methods: ByName::of(files, own, true),
            classes,
            callback_actions,
            class_names,
        }
    }

    /// The one class whose name folds to `key`: the only one, or else the
    /// only one not nested in another definition (a variable `todo` names
    /// `Todo`, not a migration's own `class Todo` inside it).
    fn class_keyed(&self, files: &[FileFacts], key: &str) -> Option<(usize, usize)> {
        match self.classes.get(key)?.as_slice() {
            [one] => Some(*one),
            many => {
                let mut outer = many
                    .iter()
                    .filter(|&&(f, c)| files[f].defs[c].parent().is_none());
                match (outer.next(), outer.next()) {
                    (Some(&one), None) => Some(one),
                    _ => None,
                }
            }
        }
    }

    /// Whether `receiver` is written as a class name (`PTY`, `Net::HTTP`)
    /// that no class of the program has.
    fn is_library_class(&self, receiver: &str) -> bool {
        let last = receiver.rsplit("::").next().unwrap_or(receiver);
        last.starts_with(|c: char| c.is_ascii_uppercase())
            && !self.class_names.contains(&receiver_key(last))
    }

    /// The method `name` of the one class named like `receiver` (not
    /// `this`/`self`), declared in it or inherited.
    fn receiver_class(
        &self,
        resolver: &Resolver,
        receiver: &str,
        name: &str,
    ) -> Option<(usize, usize)> {
        if matches!(receiver, "this" | "self" | "cls") {
            return None;
        }
        let (file, class) =
            receiver_words(receiver).find_map(|key| self.class_keyed(resolver.files, &key))?;
        let class_name = &resolver.files[file].defs[class].name;
        resolver
            .member(file, class_name, name)
            .or_else(|| inherited_method(resolver, file, class, name))
            .filter(|&(f, m)| resolver.files[f].defs[m].kind == DefKind::Function)
    }
}

/// Defs by name, as (name, file, def) sorted by name and in file order
/// within a name, searched by halving: one block of 24 bytes a def, where a
/// table of a list per name took a block per name (most names have one def).
struct ByName<'f>(Vec<(&'f str, u32, u32)>);

impl<'f> ByName<'f> {
    /// The named functions of the files `own` (in order) that are methods
    /// (`methods`) or not.
    fn of(files: &'f [FileFacts], own: &[usize], methods: bool) -> Self {
        // A member of an object a function builds is called through that
        // object, as a method is.
        let wanted = |def: &Def| {
            def.kind == DefKind::Function
                && def.name != "<anonymous>"
                && !def.slot
                && (def.class.is_some() || (def.member && def.parent().is_some())) == methods
        };
        let defs = |&file: &usize| {
            let named = files[file]
                .defs
                .iter()
                .enumerate()
                .filter(move |(_, d)| wanted(d));
            named.map(move |(def, d)| (d.name.as_str(), file as u32, def as u32))
        };
        // Counted first: the list is made at its size, not grown.
        let count = own.iter().flat_map(defs).count();
        let mut named = Vec::with_capacity(count);
        named.extend(own.iter().flat_map(defs));
        // Stable: a name's defs stay in file order.
        named.sort_by(|a, b| a.0.cmp(b.0));
        ByName(named)
    }

    /// The defs named `name`, as (file, def).
    fn get(&self, name: &str) -> impl ExactSizeIterator<Item = (usize, usize)> + Clone + '_ {
        let start = self.0.partition_point(|e| e.0 < name);
        let len = self.0[start..].partition_point(|e| e.0 == name);
        self.0[start..start + len]
            .iter()
            .map(|&(_, file, def)| (file as usize, def as usize))
    }

    /// The one def named `name`.
    fn only(&self, name: &str) -> Option<(usize, usize)> {
        let mut defs = self.get(name);
        match (defs.next(), defs.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }
}

/// A class or variable name folded for comparison: lower case, no `_`,
/// no `$` (PHP), no `@` (a Ruby instance variable).
fn receiver_key(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '_' | '$' | '@'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The keys a receiver may name its class by: the whole name, then its
/// trailing words (`gem_resource`, `fetchResource` → `resource`), longest
/// first.
fn receiver_words(receiver: &str) -> impl Iterator<Item = String> + '_ {
    let name = receiver.trim_start_matches(['@', '$']);
    let starts = name.char_indices().filter(|&(i, c)| {
        i > 0 && (c.is_ascii_uppercase() || name[..i].ends_with('_')) && c != '_'
    });
    std::iter::once(receiver_key(name)).chain(
        starts
            .map(|(i, _)| receiver_key(&name[i..]))
            .filter(|key| key.len() >= 4),
    )
}

/// Where a name passed as a value points: a function, or a module-level
/// variable (`multer({ storage })` makes `upload` reach `storage`). Only
/// sure resolutions: a reference is never guessed.
fn resolve_reference(
    resolver: &Resolver,
    file: usize,
    caller: Option<usize>,
    name: &str,
) -> Vec<(usize, usize, Resolution)> {
    if resolver.files[file].root_is_local(caller, name) {
        return Vec::new();
    }
    match resolver.resolve(file, name) {
        Some((Symbol::Def(f, d), how)) if resolver.files[f].defs[d].kind == DefKind::Variable => {
            return vec![(f, d, how)];
        }
        // A module handed over whole (`import * as routes` spread into a
        // dispatch table): whoever holds it can call any of its functions.
        Some((Symbol::Module(m), how)) => {
            return resolver.files[m]
                .defs
                .iter()
                .enumerate()
                .filter(|(_, d)| d.kind == DefKind::Function && d.parent().is_none())
                .map(|(d, _)| (m, d, how))
                .collect();
        }
        _ => {}
    }
    resolve_call(resolver, None, file, caller, name)
}

/// Where a call goes: zero or more (file, def, how).
fn resolve_call(
    resolver: &Resolver,
    unique: Option<&UniqueNames>,
    file: usize,
    caller: Option<usize>,
    callee: &str,
) -> Vec<(usize, usize, Resolution)> {
    let facts = &resolver.files[file];
    let parts: Vec<&str> = callee.split('.').collect();
    // `Song::create(...)`, `$song->delete()`: the ORM's base class saves or
    // removes a model of the program, which runs its lifecycle hooks.
    let hooks = lifecycle::on_model_call(resolver, file, &parts);
    if !hooks.is_empty() {
        return hooks
            .into_iter()
            .map(|(f, d)| (f, d, Resolution::Lifecycle))
            .collect();
    }
    let targets_of = |symbol: Symbol, how: Resolution| -> Vec<(usize, usize, Resolution)> {
        match symbol {
            Symbol::Def(f, d) => {
                let def = &resolver.files[f].defs[d];
                match def.kind {
                    // `apper.SaveConfig()` with `apper Apper`: the interface's
                    // method and the one type implementing it.
                    DefKind::Function => with_implementation(resolver, f, d, how),
                    DefKind::Class => {
                        let mut out = vec![(f, d, how)];
                        let lang = resolver.files[f].lang;
                        out.extend(
                            resolver.files[f]
                                .defs
                                .iter()
                                .enumerate()
                                .filter(|(_, m)| {
                                    m.class.as_deref() == Some(def.name.as_str())
                                        && lang.is_constructor(&m.name, &def.name)
                                })
                                .map(|(m, _)| (f, m, how)),
                        );
                        out.extend(
                            lifecycle::hooks_of(resolver, f, d)
                                .into_iter()
                                .map(|(hf, hd)| (hf, hd, Resolution::Lifecycle)),
                        );
                        out
                    }
                    DefKind::Variable => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    };
    // self.method() / this.method() / cls.method()
    if matches!(parts[0], "self" | "this" | "cls") && parts.len() >= 2 {
        let class = caller.and_then(|c| enclosing_class(facts, c));
        if let Some(class) = class {
            if parts.len() == 2 {
                if let Some((f, m)) = resolver.member(file, class, parts[1]) {
                    return vec![(f, m, Resolution::Member)];
                }
                let class_def = facts
                    .defs
                    .iter()
                    .position(|d| d.kind == DefKind::Class && d.name == class);
                if let Some((f, m)) =
                    class_def.and_then(|c| inherited_method(resolver, file, c, parts[1]))
                {
                    return vec![(f, m, Resolution::Member)];
                }
                let bound = bound_values(resolver, class, parts[1]);
                if !bound.is_empty() {
                    return bound;
                }
            }
            // this.users.find(), this.repo.Docs.Create(): through the
            // declared types of the fields.
            if parts.len() >= 3 {
                if let Some(found) = through_field(resolver, file, class, &parts[1..]) {
                    return found;
                }
            }
        }
        let found = on_call_result(resolver, unique, file, caller, &parts);
        if !found.is_empty() {
            return found;
        }
        return guess_method(resolver, unique, file, &parts);
    }
    // current_app.events.subscribe(): an attribute start-up code sets on the
    // application object, to the method of each type assigned to it.
    if parts.len() >= 3 && facts.lang.is_app_object(parts[0]) {
        let found = app_attribute(resolver, &parts[1..]);
        if !found.is_empty() {
            return found;
        }
    }
    // A parameter or local variable of the caller is no module-level name
    // (unless the language keeps variables apart: PHP's `$foo` and `foo()`).
    let shadows = parts.len() > 1 || facts.lang.locals_shadow_calls();
    if shadows && caller.is_some_and(|c| facts.is_local(c, parts[0])) {
        if let Some(found) = shadowed_package_member(resolver, file, &parts) {
            return found;
        }
        let found = on_call_result(resolver, unique, file, caller, &parts);
        if !found.is_empty() {
            return found;
        }
        return if parts.len() > 1 {
            guess_method(resolver, unique, file, &parts)
        } else {
            Vec::new()
        };
    }
    // orders.find() in a method: a field of the class, written without
    // `this.` (Java, C#).
    if parts.len() == 2 {
        let class = caller.and_then(|c| enclosing_class(facts, c));
        if let Some(found) = class.and_then(|class| through_field(resolver, file, class, &parts)) {
            return found;
        }
    }
    if let Some((symbol, how)) = resolver.resolve(file, callee) {
        return match (symbol, &parts[..]) {
            // A value typed by a library interface (`UserDetailsService s;
            // s.load(…)`, read `UserDetailsService.load`) runs the one class
            // of the program implementing it.
            (Symbol::External(_), [interface, method]) => {
                implementing_member(resolver, interface, method)
            }
            (symbol, _) => targets_of(symbol, how),
        };
    }
    // sleep(3) in a method: another method of the class (Java, C#).
    if parts.len() == 1 {
        if let Some(class) = caller.and_then(|c| enclosing_class(facts, c)) {
            if let Some(m) = facts
                .members(class, parts[0])
                .find(|&m| facts.defs[m].kind == DefKind::Function)
            {
                return vec![(file, m, Resolution::Member)];
            }
            // A method of a base class or of a mixed-in module.
            let class_def = caller.and_then(|c| {
                let mut up = facts.defs[c].parent();
                while let Some(p) = up.filter(|&p| facts.defs[p].kind != DefKind::Class) {
                    up = facts.defs[p].parent();
                }
                up
            });
            if let Some((f, m)) =
                class_def.and_then(|c| inherited_method(resolver, file, c, parts[0]))
            {
                return vec![(f, m, Resolution::Member)];
            }
        }
    }
    if parts.len() == 1 {
        return unique
            .and_then(|u| u.of(file)?.functions.only(parts[0]))
            .map(|(f, d)| vec![(f, d, Resolution::UniqueName)])
            .unwrap_or_default();
    }
    // obj.method(): unless obj is an external package's object.
    if let Some((Symbol::External(_), _)) = resolver.resolve(file, parts[0]) {
        return Vec::new();
    }
    // worker(…).restart: a method of what a method of the class returns.
    if let (Some(caller), [name, method]) = (caller, &parts[..]) {
        if let Some(found) = returned::on_returned(resolver, file, caller, name, method) {
            return found;
        }
    }
    // Factory::make(…)->run(): a method of the class `make` returns.
    if let [class, factory, method] = parts[..] {
        if let Some((f, m)) = returned::on_factory_result(resolver, file, class, factory, method) {
            return targets_of(Symbol::Def(f, m), Resolution::Member);
        }
    }
    let found = on_call_result(resolver, unique, file, caller, &parts);
    if !found.is_empty() {
        return found;
    }
    guess_method(resolver, unique, file, &parts)
}

/// `this.pages.getCachePage.cache`, read from a local kept from a call
/// (`$page = $this->pages->getCachePage($url); $page->cache()`): the method
/// of the class that each function the call reaches declares it returns. A
/// call reached by a guess gives a guess.
fn on_call_result(
    resolver: &Resolver,
    unique: Option<&UniqueNames>,
    file: usize,
    caller: Option<usize>,
    parts: &[&str],
) -> Vec<(usize, usize, Resolution)> {
    let Some((method, call)) = parts.split_last() else {
        return Vec::new();
    };
    if call.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (f, d, how) in resolve_call(resolver, unique, file, caller, &call.join(".")) {
        if let Some((mf, m)) = returned::method_of_result(resolver, f, d, method) {
            let how = if how.is_guess() {
                how
            } else {
                Resolution::Member
            };
            out.extend(with_implementation(resolver, mf, m, how));
        }
    }
    out.sort_unstable_by_key(|&(f, d, _)| (f, d));
    out.dedup_by_key(|e| (e.0, e.1));
    out
}

/// The targets of every class passed as a value, by (file, position of the
/// value), found before the calls are resolved: they read the calls of the
/// function the class is passed to, which a one-shot link frees as it goes.
type PassedClasses = FxHashMap<(usize, Pos), Vec<(usize, usize, Resolution)>>;

fn passed_classes(resolver: &Resolver, unique: &UniqueNames, calls: &[Vec<Call>]) -> PassedClasses {
    calls
        .iter()
        .enumerate()
        .flat_map(|(file, own)| {
            own.iter().filter(|c| c.value).map(move |value| {
                (
                    (file, value.pos),
                    passed_class_targets(resolver, unique, calls, file, value),
                )
            })
        })
        .filter(|(_, targets)| !targets.is_empty())
        .collect()
}

/// A class passed as a value (`protected(GemPusher)` in `serve_add_gem`):
/// the methods the called function calls on its parameters
/// (`servable.serve(self)` in `protected`) are the class's, run for this
/// caller, so the edges go from the caller (not from the shared helper, which
/// other callers give other classes).
fn passed_class_targets(
    resolver: &Resolver,
    unique: &UniqueNames,
    calls: &[Vec<Call>],
    file: usize,
    value: &Call,
) -> Vec<(usize, usize, Resolution)> {
    // The call the class is an argument of: the nearest before it on its line.
    let Some(outer) = calls[file]
        .iter()
        .filter(|c| !c.is_reference && c.def == value.def && c.pos.line == value.pos.line)
        .filter(|c| c.pos.column < value.pos.column)
        .max_by_key(|c| c.pos.column)
    else {
        return Vec::new();
    };
    let Some((Symbol::Def(cf, cd), _)) = resolver.resolve(file, &value.callee) else {
        return Vec::new();
    };
    let class = &resolver.files[cf].defs[cd];
    if class.kind != DefKind::Class {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (f, d, _) in resolve_call(resolver, Some(unique), file, value.def(), &outer.callee) {
        let called = &resolver.files[f];
        if called.defs[d].kind != DefKind::Function {
            continue;
        }
        let on_parameters = calls[f]
            .iter()
            .filter(|c| !c.is_reference && c.def() == Some(d))
            .filter_map(|c| match c.callee.split('.').collect::<Vec<_>>()[..] {
                [local, method] if called.is_local(d, local) => Some(method),
                _ => None,
            });
        for method in on_parameters {
            out.extend(
                resolver.files[cf]
                    .members(&class.name, method)
                    .filter(|&m| resolver.files[cf].defs[m].kind == DefKind::Function)
                    .map(|m| (cf, m, Resolution::Bound)),
            );
        }
    }
    out.sort_unstable_by_key(|&(f, m, _)| (f, m));
    out.dedup_by_key(|e| (e.0, e.1));
    out
}

/// `self.notify()` through a field of `class` that holds a function: the
/// functions the program binds to it where it builds the struct.
fn bound_values(resolver: &Resolver, class: &str, field: &str) -> Vec<(usize, usize, Resolution)> {
    resolver
        .bindings(class, field)
        .iter()
        .flat_map(|bound| resolve_reference(resolver, bound.file, bound.def, &bound.value))
        .filter(|&(f, d, _)| resolver.files[f].defs[d].kind == DefKind::Function)
        .map(|(f, d, _)| (f, d, Resolution::Bound))
        .collect()
}

/// `field.method()` on a field of `class` with a declared type, or
/// `field.inner.method()` through the declared types of a chain of fields
/// (`repo *AllRepos`, then `AllRepos.Docs *DocumentRepository`): the method
/// of the last type, or, for an interface's method, of the one class in the
/// program that implements the interface; none for a library's type.
/// `path`: the fields, then the method.
fn through_field(
    resolver: &Resolver,
    file: usize,
    class: &str,
    path: &[&str],
) -> Option<Vec<(usize, usize, Resolution)>> {
    let (field, rest) = path.split_first()?;
    if rest.is_empty() {
        return None;
    }
    // The field's type is written where the field is declared; a field
    // assigned objects of several classes runs the method of each of them
    // (`Binding`: which one depends on the run).
    let (field_file, types) = resolver.field_types(file, class, field)?;
    let several = types.len() > 1;
    let how = if several {
        Resolution::Binding
    } else {
        Resolution::Member
    };
    let mut out = Vec::new();
    let mut resolved = false;
    for field in types {
        let typed = format!("{}.{}", field.type_name, rest.join("."));
        match resolver.resolve(field_file, &typed) {
            Some((Symbol::Def(f, d), _)) => out.extend(with_implementation(resolver, f, d, how)),
            // A library's type (`sess *simplesessions.Manager`): its method
            // is the library's, not one of the program's of the same name.
            Some((Symbol::External(_), _)) => {}
            Some((Symbol::Module(_), _)) | None => continue,
        }
        resolved = true;
    }
    if several {
        out.sort_unstable_by_key(|&(f, d, _)| (f, d));
        out.dedup_by_key(|e| (e.0, e.1));
    }
    resolved.then_some(out)
}

/// `events.subscribe` on the application object (`current_app.events`):
/// the method of each type start-up code assigns to the attribute
/// (`app.events = RedisEvents()`), as that assignment's file names it.
/// `path`: the attribute, then the method.
fn app_attribute(resolver: &Resolver, path: &[&str]) -> Vec<(usize, usize, Resolution)> {
    let Some((attribute, rest)) = path.split_first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &(file, field) in resolver.app_attribute(attribute) {
        let typed = format!("{}.{}", field.type_name, rest.join("."));
        if let Some((Symbol::Def(f, d), _)) = resolver.resolve(file, &typed) {
            if resolver.files[f].defs[d].kind == DefKind::Function {
                out.extend(with_implementation(
                    resolver,
                    f,
                    d,
                    Resolution::AppAttribute,
                ));
            }
        }
    }
    out.sort_unstable_by_key(|&(f, d, _)| (f, d));
    out.dedup_by_key(|e| (e.0, e.1));
    out
}

/// The method `def` of `file` reached `how`, and, when it is only declared
/// (an interface's), the one method implementing it. The declaration stays
/// a target: its annotations (`@Async` on an interface method) hold for
/// every implementation.
fn with_implementation(
    resolver: &Resolver,
    file: usize,
    def: usize,
    how: Resolution,
) -> Vec<(usize, usize, Resolution)> {
    let mut out = vec![(file, def, how)];
    if resolver.files[file].defs[def].declared_only {
        out.extend(implementation(resolver, file, def));
    }
    out
}

/// The method implementing the declared-only method `def` of `file`: in the
/// one class of the program that names its interface as a base (of
/// several, the registered one or each bound one: `implementing_member`),
/// or, in a language whose types implement interfaces implicitly, in the
/// one type whose methods cover the interface's.
fn implementation(resolver: &Resolver, file: usize, def: usize) -> Vec<(usize, usize, Resolution)> {
    let files = resolver.files;
    let declared = &files[file].defs[def];
    let Some(interface) = declared.class.as_deref() else {
        return Vec::new();
    };
    if !files[file].lang.implicit_interfaces() {
        return implementing_member(resolver, interface, &declared.name);
    }
    method_set_implementation(resolver, file, interface, &declared.name)
        .map(|(f, m)| vec![(f, m, Resolution::MethodSet)])
        .unwrap_or_default()
}

/// The method `method` of the one type of the program whose methods cover
/// those the interface `interface` (declared in `file`) declares.
fn method_set_implementation(
    resolver: &Resolver,
    file: usize,
    interface: &str,
    method: &str,
) -> Option<(usize, usize)> {
    let files = resolver.files;
    let wanted: Vec<&str> = files[file]
        .defs
        .iter()
        .filter(|d| d.class.as_deref() == Some(interface) && d.declared_only)
        .map(|d| d.name.as_str())
        .collect();
    let (f, name) = resolver.only_type_with(files[file].lang, &wanted)?;
    resolver.member(f, name, method)
}

/// The method `method` of the one class of the program that names
/// `interface` as a base; of several, of the one the program registers as
/// the interface's implementation (`AddScoped<IService, CachedService>()`,
/// tagged `registered`), else of each one it binds or picks at run time
/// (`bindings`).
fn implementing_member(
    resolver: &Resolver,
    interface: &str,
    method: &str,
) -> Vec<(usize, usize, Resolution)> {
    let direct = resolver.implementers(interface);
    // The subclasses of an abstract implementer count when the program
    // binds one of them (`LocalStreamerAdapter`, abstract, bound by default
    // to `PhpStreamerAdapter`).
    let below = resolver.implementers_below(interface);
    let all: Vec<(usize, &str)>;
    let classes = if below
        .iter()
        .any(|(_, c)| resolver.bound(c) != (false, false))
    {
        all = [direct, &below].concat();
        &all[..]
    } else {
        direct
    };
    let member = |&(file, class): &(usize, &str), how| {
        let m = resolver.files[file].members(class, method).next()?;
        Some((file, m, how))
    };
    match classes {
        [only] => member(only, Resolution::Implementation)
            .into_iter()
            .collect(),
        [_, _, ..] => {
            let mut chosen = classes.iter().filter(|(_, c)| resolver.registered(c));
            match (chosen.next(), chosen.next()) {
                (Some(only), None) => member(only, Resolution::Implementation)
                    .into_iter()
                    .collect(),
                (None, _) => {
                    let (bound, how) = bindings::bound(resolver, classes);
                    bound.into_iter().filter_map(|c| member(c, how)).collect()
                }
                (Some(_), Some(_)) => Vec::new(),
            }
        }
        [] => Vec::new(),
    }
}

/// The method `name` of the bases of class `class` (superclasses, mixed-in
/// modules), nearest first.
pub(crate) fn inherited_method(
    resolver: &Resolver,
    file: usize,
    class: usize,
    name: &str,
) -> Option<(usize, usize)> {
    callbacks::class_chain(resolver, file, class)
        .into_iter()
        .skip(1)
        .find_map(|(f, c)| callbacks::method_of(&resolver.files[f], c, name).map(|m| (f, m)))
}

/// The simple name of a base type as written: `a.b.Repo<T>` → `Repo`.
pub(crate) fn base_type_name(base: &str) -> &str {
    let base = base.split('<').next().unwrap_or(base).trim();
    base.rsplit('.').next().unwrap_or(base)
}

/// A local named like the package of its own type (`var bounce
/// *bounce.Manager`), its call written through that type
/// (`bounce.Manager.Run`, as extraction rewrites a typed local): the
/// method of the package's class, when the second part is a class of the
/// package the first part imports. Any other local's call is no such member.
fn shadowed_package_member(
    resolver: &Resolver,
    file: usize,
    parts: &[&str],
) -> Option<Vec<(usize, usize, Resolution)>> {
    let [package, class, member] = parts else {
        return None;
    };
    let (Symbol::Def(f, c), _) = resolver.resolve(file, &format!("{package}.{class}"))? else {
        return None;
    };
    let defs = &resolver.files[f].defs;
    if defs[c].kind != DefKind::Class {
        return None;
    }
    let (mf, m) = resolver.member(f, &defs[c].name, member)?;
    (resolver.files[mf].defs[m].kind == DefKind::Function)
        .then(|| vec![(mf, m, Resolution::Member)])
}

/// `obj.method()` where nothing says what `obj` holds: the method of the
/// one class named like the receiver (`monitor.start()` → `Monitor.start`,
/// `this.metrics.update()` → `Metrics.update`), else the only method of
/// that name, unless the name is too common. Both are guesses.
fn guess_method(
    resolver: &Resolver,
    unique: Option<&UniqueNames>,
    file: usize,
    parts: &[&str],
) -> Vec<(usize, usize, Resolution)> {
    let Some(unique) = unique.and_then(|u| u.of(file)) else {
        return Vec::new();
    };
    let name = parts.last().copied().unwrap_or("");
    let receiver = parts.len().checked_sub(2).map(|i| parts[i]);
    if let Some(found) = receiver.and_then(|r| unique.receiver_class(resolver, r, name)) {
        return vec![(found.0, found.1, Resolution::UniqueName)];
    }
    // A class the program does not define (`PTY.spawn`): a library's.
    if receiver.is_some_and(|r| unique.is_library_class(r)) {
        return Vec::new();
    }
    if name.len() < 4 || UNGUESSABLE.iter().any(|u| u.eq_ignore_ascii_case(name)) {
        return Vec::new();
    }
    if let Some((f, d)) = unique.methods.only(name) {
        return vec![(f, d, Resolution::UniqueName)];
    }
    let candidates = unique.methods.get(name);
    receiver.map_or_else(Vec::new, |r| family_methods(resolver, r, candidates))
}

/// Most methods one call may be guessed to go to.
const MAX_FAMILY: usize = 6;

/// A call through a value of a class the program picks at run time
/// (`@gem_source = env["source"].new(self)`, `@gem_source.serve_gem`):
/// the methods of that name, when every one is in a class and the classes
/// share a base the program defines, named like the receiver (the base, a
/// class or module around it: `GemSource::Base`). Each is followed, marked
/// `SharedName`: a guess.
fn family_methods(
    resolver: &Resolver,
    receiver: &str,
    candidates: impl ExactSizeIterator<Item = (usize, usize)> + Clone,
) -> Vec<(usize, usize, Resolution)> {
    if !(2..=MAX_FAMILY).contains(&candidates.len()) {
        return Vec::new();
    }
    let mut common: Option<Vec<(usize, usize)>> = None;
    for (f, m) in candidates.clone() {
        let facts = &resolver.files[f];
        let Some(class) = facts.defs[m]
            .parent()
            .filter(|&p| facts.defs[p].kind == DefKind::Class)
        else {
            return Vec::new();
        };
        let chain = callbacks::class_chain(resolver, f, class);
        common = Some(match common {
            None => chain,
            Some(before) => before.into_iter().filter(|c| chain.contains(c)).collect(),
        });
    }
    let key = receiver_key(receiver);
    let named = common.unwrap_or_default().into_iter().any(|(f, c)| {
        let defs = &resolver.files[f].defs;
        std::iter::successors(Some(c), |&d| defs[d].parent())
            .filter(|&d| defs[d].kind == DefKind::Class)
            .any(|d| receiver_key(&defs[d].name) == key)
    });
    if !named {
        return Vec::new();
    }
    candidates
        .map(|(f, m)| (f, m, Resolution::SharedName))
        .collect()
}

/// The method `def` is or is nested in: the nearest def with a class.
fn enclosing_method(facts: &FileFacts, mut def: usize) -> Option<&Def> {
    loop {
        let d = &facts.defs[def];
        if d.class.is_some() {
            return Some(d);
        }
        def = d.parent()?;
    }
}

/// The class of the innermost method written around `at`.
fn class_at(facts: &FileFacts, at: Span) -> Option<&str> {
    facts
        .defs
        .iter()
        .filter(|d| d.class.is_some() && d.span.get().contains(at))
        .min_by_key(|d| d.span.get().end - d.span.get().start)?
        .class
        .as_deref()
}

/// The class of a method, looking through nested functions.
fn enclosing_class(facts: &FileFacts, def: usize) -> Option<&str> {
    enclosing_method(facts, def)?.class.as_deref()
}

/// Classes the program tags (`AddSingleton<T>()`): (tag, class).
fn class_tags(files: &[FileFacts]) -> BTreeSet<(&str, &str)> {
    files
        .iter()
        .flat_map(|f| &f.tags)
        .map(|t| (t.tag.as_str(), t.class.as_str()))
        .collect()
}

/// `live` less the hits whose rule needs another rule to fire somewhere
/// in the program (`program_has`, `program_has_all`) when none does (or not to: `program_has_none`), and the reads whose rule
/// needs another rule to write the same state (`state_written_by`) when
/// none does, or not to write it (`state_not_written_by`) when one does. Applied to all files' hits together: an incremental link
/// keeps each file's hits from before these conditions.
fn with_program_has(resolver: &Resolver, rules: &RuleSet, mut live: Vec<LiveHit>) -> Vec<LiveHit> {
    // The ids of the rules with an unsuppressed hit in `live`.
    let present_in = |live: &[LiveHit]| -> BTreeSet<&str> {
        live.iter()
            .filter(|l| resolver.files[l.file].hits[l.hit].suppression().is_none())
            .map(|l| {
                rules.rules[resolver.files[l.file].hits[l.hit].rule()]
                    .id
                    .as_str()
            })
            .collect()
    };
    let present = present_in(&live);
    live.retain(|l| {
        let when = &rules.rules[resolver.files[l.file].hits[l.hit].rule()].when;
        let needed = &when.program_has;
        (needed.is_empty() || needed.iter().any(|id| present.contains(id.as_str())))
            && when
                .program_has_all
                .iter()
                .all(|id| present.contains(id.as_str()))
    });
    // `program_has_none` looks at the rules that still fire once those
    // conditions hold (a default that a confirmed finding replaces).
    let present = present_in(&live);
    live.retain(|l| {
        let when = &rules.rules[resolver.files[l.file].hits[l.hit].rule()].when;
        !when
            .program_has_none
            .iter()
            .any(|id| present.contains(id.as_str()))
    });
    // Reads that count only where another rule writes the same state
    // outside a constructor (or only where none does): (rule id, state written).
    let when_of = |l: &LiveHit| &rules.rules[resolver.files[l.file].hits[l.hit].rule()].when;
    if live.iter().all(|l| {
        let when = when_of(l);
        when.state_written_by.is_empty() && when.state_not_written_by.is_empty()
    }) {
        return live;
    }
    // A state is compared without its kind: a memo's map (an in-memory
    // cache) is the map another rule's write makes global state.
    let unkinded =
        |key: &'_ str| -> String { key.split_once(':').map_or(key, |(_, k)| k).to_string() };
    let written: BTreeSet<(&str, String)> = live
        .iter()
        .filter(|l| {
            let hit = &resolver.files[l.file].hits[l.hit];
            !hit.def()
                .is_some_and(|d| in_constructor(&resolver.files[l.file], d))
        })
        .filter_map(|l| {
            let rule = &rules.rules[resolver.files[l.file].hits[l.hit].rule()];
            Some((rule.id.as_str(), unkinded(l.state_key.as_deref()?)))
        })
        .collect();
    let written_by = |writers: &[String], key: Option<&str>| {
        key.is_some_and(|key| {
            let key = unkinded(key);
            writers
                .iter()
                .any(|id| written.contains(&(id.as_str(), key.clone())))
        })
    };
    let keep: Vec<bool> = live
        .iter()
        .map(|l| {
            let when = when_of(l);
            let key = l.state_key.as_deref();
            (when.state_written_by.is_empty() || written_by(&when.state_written_by, key))
                && !written_by(&when.state_not_written_by, key)
        })
        .collect();
    let mut keep = keep.into_iter();
    live.retain(|_| keep.next().unwrap_or(true));
    live
}

/// Whether `def` is (inside) a constructor of its class.
fn in_constructor(facts: &FileFacts, def: usize) -> bool {
    enclosing_method(facts, def).is_some_and(|d| {
        d.class
            .as_deref()
            .is_some_and(|class| facts.lang.is_constructor(&d.name, class))
    })
}

/// The hits of `file` whose rule's conditions on the program hold, before
/// the conditions on other rules' hits (`program_has`, `state_written_by`).
fn file_live_hits(
    resolver: &Resolver,
    rules: &RuleSet,
    dependencies: &BTreeSet<String>,
    tags: &BTreeSet<(&str, &str)>,
    file_idx: usize,
) -> Vec<LiveHit> {
    let facts = &resolver.files[file_idx];
    let mut out = Vec::new();
    for (hit_idx, hit) in facts.hits.iter().enumerate() {
        let rule = &rules.rules[hit.rule()];
        let class = hit.def().and_then(|d| match facts.defs[d].kind {
            DefKind::Class => Some(facts.defs[d].name.as_str()),
            _ => enclosing_class(facts, d),
        });
        let tagged = |tag: &String| class.is_some_and(|c| tags.contains(&(tag.as_str(), c)));
        if rule.when.class_tag.as_ref().is_some_and(|t| !tagged(t))
            || rule.when.not_class_tag.as_ref().is_some_and(tagged)
        {
            continue;
        }
        if !rule.when.dependencies.is_empty()
            && !rule
                .when
                .dependencies
                .iter()
                .any(|d| dependencies.contains(&crate::discover::normalize_dependency(d)))
        {
            continue;
        }
        let has = |d: &String| dependencies.contains(&crate::discover::normalize_dependency(d));
        if rule.when.without_dependencies.iter().any(has) {
            continue;
        }
        // Keys are built by `concat`: one allocation of the exact size, no
        // formatting machinery (one a hit).
        let kind = rule.kind.as_str();
        let mut state_key = hit.state.as_ref().map(|s| [kind, ":", s.as_str()].concat());
        // A field is shared by the routes that use it: `kind:file:Class.field`
        // (unless the rule names what is shared, a cache key).
        if let (None, Some(_), Some(field), Some(class)) =
            (&hit.state, &rule.when.field, &hit.target, class)
        {
            let field = field.strip_prefix("this.").unwrap_or(field);
            // `Registry.items` written in a method of `Registry`.
            let field = field
                .strip_prefix(class)
                .and_then(|f| f.strip_prefix('.'))
                .unwrap_or(field);
            state_key = Some([kind, ":", facts.path.as_str(), ":", class, ".", field].concat());
        }
        if facts.hit_names_local(hit, &rule.when) {
            continue;
        }
        if rule.when.module_variable.is_some() {
            let Some(target) = &hit.target else { continue };
            match module_variable(resolver, file_idx, target, &rule.when, hit.def()) {
                Some(key) => state_key = Some([kind, ":", key.as_str()].concat()),
                None => continue,
            }
        }
        if rule.when.calls_async.is_some()
            && !hit
                .target
                .as_deref()
                .is_some_and(|callee| declared_async(resolver, file_idx, callee))
        {
            continue;
        }
        if !rule.when.imported_from.is_empty() {
            let Some(bound) = &hit.bound else { continue };
            let name = bound.split(['[', '(']).next().unwrap_or(bound);
            if !imported_from(resolver, file_idx, name, &rule.when.imported_from, 0) {
                continue;
            }
        }
        let via = hit_variable(resolver, rule, file_idx, hit);
        out.push(LiveHit {
            file: file_idx,
            hit: hit_idx,
            state_key,
            via,
        });
    }
    out
}

/// Whether `name`, used in `file`, is imported from one of `modules`, or
/// names a class of the program that subclasses one (`class
/// EmailThread(Thread)` with `from threading import Thread`), up to a few
/// classes deep.
fn imported_from(
    resolver: &Resolver,
    file: usize,
    name: &str,
    modules: &[String],
    depth: usize,
) -> bool {
    let root = name.split('.').next().unwrap_or(name);
    // `concurrent.futures.X` is bound by `import concurrent.futures`.
    let symbol = resolver
        .resolve(file, name)
        .or_else(|| resolver.resolve(file, root));
    match symbol {
        Some((Symbol::External(module), _)) => modules
            .iter()
            .any(|m| crate::extract::module_matches(&module, m)),
        Some((Symbol::Def(f, d), _))
            if depth < 3 && resolver.files[f].defs[d].kind == DefKind::Class =>
        {
            resolver.files[f].defs[d]
                .bases()
                .iter()
                .any(|base| imported_from(resolver, f, base, modules, depth + 1))
        }
        _ => false,
    }
}

/// The module-level variable `name`, used in `caller` of `file`, refers to.
fn variable_def(
    resolver: &Resolver,
    file: usize,
    caller: Option<usize>,
    name: &str,
) -> Option<(usize, usize)> {
    if resolver.files[file].root_is_local(caller, name) {
        return None;
    }
    // A module imported whole stands for its default export
    // (`const logger = require('./logger')` with `module.exports = logger`).
    let symbol = match resolver.resolve(file, name)?.0 {
        Symbol::Module(m) => resolver.module_default(m),
        symbol => symbol,
    };
    match symbol {
        Symbol::Def(f, d) if resolver.files[f].defs[d].kind == DefKind::Variable => Some((f, d)),
        _ => None,
    }
}

/// The module-level variable a hit names when its rule reaches only the
/// users of that variable (`through_variable`: a file handler on the named
/// logger `audit`).
fn hit_variable(
    resolver: &Resolver,
    rule: &crate::rules::Rule,
    file: usize,
    hit: &crate::extract::facts::Hit,
) -> Option<(usize, usize)> {
    rule.when
        .through_variable
        .as_ref()
        .and(hit.target.as_deref())
        .and_then(|name| variable_def(resolver, file, hit.def(), name))
}

/// Every variable some hit reaches the program through (`hit_variable`),
/// known before the calls are resolved (and, in a one-shot link, freed).
fn through_variables(
    resolver: &Resolver,
    rules: &RuleSet,
    files: &[FileFacts],
) -> FxHashSet<(usize, usize)> {
    files
        .iter()
        .enumerate()
        .flat_map(|(file, facts)| {
            facts
                .hits
                .iter()
                .filter_map(move |hit| hit_variable(resolver, &rules.rules[hit.rule()], file, hit))
        })
        .collect()
}

/// The functions of `file` that call a method of (or pass on) one of
/// `variables`, wherever it is imported: `audit.info(…)` uses `audit`.
fn file_variable_users(
    resolver: &Resolver,
    calls: &[Call],
    def_nodes: &DefNodes,
    variables: &FxHashSet<(usize, usize)>,
    file: usize,
) -> Vec<((usize, usize), NodeIndex)> {
    if variables.is_empty() {
        return Vec::new();
    }
    calls
        .iter()
        .filter_map(|call| {
            let def = call.def()?;
            let root = call.callee.split('.').next().unwrap_or_default();
            let variable = variable_def(resolver, file, Some(def), root)
                .filter(|variable| variables.contains(variable))?;
            Some((variable, def_nodes.get(file, def)?))
        })
        .collect()
}

/// Whether `name`, called in `file`, is a function of the program declared
/// `async` (the `async` annotation the language's definitions query sets),
/// not a method: a class's methods are left to the rules on objects.
fn declared_async(resolver: &Resolver, file: usize, name: &str) -> bool {
    let Some((Symbol::Def(f, d), _)) = resolver.resolve(file, name) else {
        return false;
    };
    let def = &resolver.files[f].defs[d];
    def.kind == DefKind::Function
        && def.class.is_none()
        && def.annotations().iter().any(|a| a == "async")
}

/// `file:name` of the mutable module-level variable `name` refers to, or
/// of a class-level one (a static field, a singleton bean's field) of the
/// class the write is in (`counts.put(…)`, `this.cache.put(…)`).
fn module_variable(
    resolver: &Resolver,
    file: usize,
    name: &str,
    when: &Conditions,
    writer: Option<usize>,
) -> Option<String> {
    let facts = &resolver.files[file];
    let name = name.strip_prefix("this.").unwrap_or(name);
    let root = name.split(['.', '[']).next().unwrap_or(name);
    let class_level = || {
        let class = writer.and_then(|w| enclosing_class(facts, w))?;
        facts
            .members(class, root)
            .find(|&d| facts.defs[d].kind == DefKind::Variable)
    };
    let symbol = resolver
        .resolve(file, root)
        .or_else(|| class_level().map(|d| (Symbol::Def(file, d), Resolution::SameFile)));
    match symbol? {
        (Symbol::Def(f, d), _) => {
            let def = &resolver.files[f].defs[d];
            let init_ok = when.initialized_by.is_empty()
                || def.init().is_some_and(|init| {
                    when.initialized_by.iter().any(|wanted| {
                        init == wanted
                            || init
                                .strip_suffix(wanted.as_str())
                                .is_some_and(|p| p.ends_with('.'))
                    })
                });
            let class_level = def
                .parent()
                .is_some_and(|p| resolver.files[f].defs[p].kind == DefKind::Class);
            (def.kind == DefKind::Variable
                && (def.mutable || !when.mutable)
                && (def.parent().is_none() || class_level)
                && init_ok)
                .then(|| format!("{}:{}", resolver.files[f].path, def.name))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::receiver_words;

    #[test]
    fn a_receiver_names_its_class_whole_then_by_its_last_words() {
        let words = |r: &str| receiver_words(r).collect::<Vec<_>>();
        assert_eq!(words("gem_resource"), ["gemresource", "resource"]);
        assert_eq!(words("@fetchResource"), ["fetchresource", "resource"]);
        assert_eq!(
            words("$user_repo_item"),
            ["userrepoitem", "repoitem", "item"]
        );
        // ok: words shorter than four letters name no class by themselves
        assert_eq!(words("gemstash_env"), ["gemstashenv"]);
        assert_eq!(words("db"), ["db"]);
    }
}
