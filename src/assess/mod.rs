//! assess: for each route, the rule hits it reaches (through calls, imports,
//! or app-wide configuration) with the shortest chain as evidence; then the
//! verdict, score and cold-start weight, and the groups of routes that share
//! state and must move together. Pure: a function of the `Program`.

pub mod reach;
pub mod shared_state;
pub mod verdict;

use crate::extract::facts::{DefKind, Span};
use crate::link::{CodeNode, Program};
use crate::rules::{Reach, RuleSet};
use petgraph::graph::NodeIndex;
use rayon::prelude::*;
use reach::Step;
use rustc_hash::{FxHashMap, FxHashSet};
pub use shared_state::Group;
pub use verdict::Verdict;

/// One finding as it applies to one route.
#[derive(Debug, Clone)]
pub struct RouteFinding {
    /// Index into `Program::hits`.
    pub live_hit: usize,
    /// From the handler (or hook) to the function holding the hit.
    pub chain: Vec<Step>,
    /// Score points this finding cost the route (0 when its rule already did).
    pub cost: u32,
    /// Evidence for another finding (the store a session use relies on): it
    /// neither costs points nor decides the verdict itself.
    pub is_cause: bool,
}

/// The verdict on one route.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub route_idx: usize,
    pub verdict: Verdict,
    pub score: u32,
    pub findings: Vec<RouteFinding>,
    /// Cold-start weight and the heavy packages causing it.
    pub cold_start: u32,
    pub cold_start_packages: Vec<String>,
}

pub struct Assessed {
    pub assessments: Vec<Assessment>,
    pub groups: Vec<Group>,
    /// `judged[live_hit]`: whether the hit is reported at all. A hit in a
    /// function that no route reaches is off the request path: judged only
    /// when its kind matters at start-up and start-up code reaches it.
    pub judged: Vec<bool>,
    /// Reads that are no finding wherever they sit (`state_written_on_route`:
    /// no route writes their state, or their function writes it): left out
    /// by design, not for being off the request path.
    pub idle_reads: FxHashSet<usize>,
}

/// The graph nodes of the methods of the innermost class whose body holds
/// `span`.
fn class_methods(program: &Program, file: usize, span: Span) -> Vec<NodeIndex> {
    let defs = &program.files[file].defs;
    (0..defs.len())
        .filter(|&d| defs[d].kind == DefKind::Class && defs[d].span.get().contains(span))
        .min_by_key(|&d| defs[d].span.get().end - defs[d].span.get().start)
        .map_or_else(Vec::new, |class| reach::method_nodes(program, file, class))
}

pub fn assess_program(program: &Program, rules: &RuleSet) -> Assessed {
    let mut by_node: FxHashMap<NodeIndex, Vec<usize>> = FxHashMap::default();
    let mut module_level: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    let mut app_wide = Vec::new();
    // Hits by (file, line), for routes served by their declaration itself.
    let mut by_line: FxHashMap<(usize, u32), Vec<usize>> = FxHashMap::default();
    let mut by_rule: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let startup = reach::startup(program);
    // The rules with a hit in the program (`route_files_if`).
    let present: FxHashSet<&str> = program
        .hits
        .iter()
        .map(|live| {
            let hit = &program.files[live.file].hits[live.hit];
            rules.rules[hit.rule()].id.as_str()
        })
        .collect();
    for (live_idx, live) in program.hits.iter().enumerate() {
        let hit = &program.files[live.file].hits[live.hit];
        by_rule
            .entry(rules.rules[hit.rule()].id.as_str())
            .or_default()
            .push(live_idx);
        match (rules.rules[hit.rule()].reach, live.via) {
            // Off the request path only: no route carries it.
            (Reach::Calls, _) if rules.rules[hit.rule()].when.off_routes => {}
            (Reach::Calls, _) => {
                by_line
                    .entry((live.file, hit.pos.line))
                    .or_default()
                    .push(live_idx);
                // In a function, or held by a module-level variable (a
                // configured middleware object the route mounts).
                let owner = hit.def().or(hit.holder());
                if let Some(node) = owner.and_then(|def| program.def_nodes.get(live.file, def)) {
                    // Started once by start-up code (`if (!timer) timer =
                    // setInterval(…)` in a function boot calls): no route
                    // starts it again; it stays an application finding.
                    if hit.once() && startup.contains(node) {
                        continue;
                    }
                    by_node.entry(node).or_default().push(live_idx);
                } else if owner.is_none() {
                    // In a class body, outside its methods (an annotation on
                    // the class, a field's initial value): every method of
                    // the class carries it.
                    for node in class_methods(program, live.file, hit.span.get()) {
                        by_node.entry(node).or_default().push(live_idx);
                    }
                }
            }
            (Reach::Modules, _) => module_level.entry(live.file).or_default().push(live_idx),
            // Configuring a named object (a logger): the routes using it,
            // and those running code of the module that holds it.
            (Reach::App, Some(variable)) => {
                for &node in program.variable_users.get(&variable).into_iter().flatten() {
                    by_node.entry(node).or_default().push(live_idx);
                }
                module_level.entry(variable.0).or_default().push(live_idx);
            }
            (Reach::App, None) => app_wide.push((
                live_idx,
                route_files(&rules.rules[hit.rule()].when, &present),
                &rules.rules[hit.rule()].when,
            )),
        }
    }
    // Each route's reach and findings are its own: in parallel.
    let reached_by_route: Vec<reach::Reached> = program
        .routes
        .par_iter()
        .map(|route| reach::reach_route(program, route, &startup))
        .collect();
    // A cause in code some route runs (a variable it mounts, `app.use('/auth',
    // sessionMiddleware, router)`, or a middleware function) is scoped to the
    // routes that reach it; a cause no route reaches (an inline
    // `app.use(session({...}))`, a config file) holds for the whole app.
    let reached_anywhere: FxHashSet<NodeIndex> =
        reached_by_route.iter().flat_map(|r| r.nodes()).collect();
    let reached_by_http: FxHashSet<NodeIndex> = reached_by_route
        .iter()
        .zip(&program.routes)
        .filter(|(_, route)| !route.is_socket())
        .flat_map(|(r, _)| r.nodes())
        .collect();
    // A migration the server runs as it starts: every route's cold start
    // pays it; a command-line tool's (`migrate`) or a route's own is not
    // start-up's.
    app_wide.retain(|&(live_idx, _, _)| {
        let live = &program.hits[live_idx];
        let hit = &program.files[live.file].hits[live.hit];
        !rules.rules[hit.rule()].when.startup_only
            || run_at_startup(program, live.file, hit, &startup, &reached_anywhere)
    });
    // Heavy work the server's own start-up runs (a model loaded in a startup
    // hook): every cold start pays it, whichever route the instance serves.
    let mut paid_at_startup: FxHashSet<usize> = FxHashSet::default();
    for (live_idx, live) in program.hits.iter().enumerate() {
        let hit = &program.files[live.file].hits[live.hit];
        let rule = &rules.rules[hit.rule()];
        if matches!(rule.reach, Reach::Calls | Reach::Modules)
            && rule.kind.paid_by_every_cold_start()
            && !rule.when.off_routes
            && run_at_startup(program, live.file, hit, &startup, &reached_anywhere)
        {
            app_wide.push((live_idx, None, &rule.when));
            paid_at_startup.insert(live_idx);
        }
    }
    let idle_reads = reads_that_are_no_finding(program, rules, &reached_anywhere);
    for lives in by_node.values_mut() {
        lives.retain(|live_hit| !idle_reads.contains(live_hit));
    }
    let scoped_node = |live_hit: usize| -> Option<NodeIndex> {
        let live = &program.hits[live_hit];
        let hit = &program.files[live.file].hits[live.hit];
        hit.def()
            .or(hit.holder())
            .and_then(|owner| program.def_nodes.get(live.file, owner))
            .filter(|node| reached_anywhere.contains(node))
    };
    let assessments: Vec<Assessment> = program
        .routes
        .par_iter()
        .enumerate()
        .map(|(route_idx, route)| {
            let reached = &reached_by_route[route_idx];
            let mut nodes: Vec<NodeIndex> = reached.nodes().collect();
            nodes.sort_unstable();
            let mut findings = Vec::new();
            // The first (shortest-chain) function reached in each module.
            let mut module_entry: FxHashMap<usize, (usize, NodeIndex)> = FxHashMap::default();
            // A GET skips what a branch on a submitted form does.
            let submits = reach::submits(route);
            let runs = |&&live_hit: &&usize| {
                let live = &program.hits[live_hit];
                submits || !program.files[live.file].hits[live.hit].on_submit()
            };
            for &node in &nodes {
                if let Some(lives) = by_node.get(&node) {
                    let chain = reached.chain(program, node);
                    findings.extend(lives.iter().filter(runs).map(|&live_hit| RouteFinding {
                        live_hit,
                        chain: chain.clone(),
                        cost: 0,
                        is_cause: false,
                    }));
                }
                if let code @ CodeNode::Def { .. } = program.graph[node] {
                    let file = code.file();
                    if module_level.contains_key(&file) {
                        let depth = reached.depth(node);
                        let entry = module_entry.entry(file).or_insert((depth, node));
                        if depth < entry.0 {
                            *entry = (depth, node);
                        }
                    }
                }
            }
            let mut entries: Vec<(usize, NodeIndex)> = module_entry
                .into_iter()
                .map(|(file, (_, node))| (file, node))
                .collect();
            entries.sort_unstable();
            for (file, node) in entries {
                let chain = reached.chain(program, node);
                for &live_hit in &module_level[&file] {
                    // Already on the route through a function using it.
                    if !findings.iter().any(|f| f.live_hit == live_hit) {
                        findings.push(RouteFinding {
                            live_hit,
                            chain: chain.clone(),
                            cost: 0,
                            is_cause: false,
                        });
                    }
                }
            }
            let route_path = program.files[route.declared_in].path.as_str();
            for &(live_hit, ref declared_in, when) in &app_wide {
                let file = program.hits[live_hit].file;
                let declared = declared_in
                    .as_ref()
                    .is_none_or(|globs| globs.is_match(route_path));
                let callbacks = &when.route_callbacks;
                let runs = (callbacks.is_empty()
                    || callbacks.iter().any(|c| route.callbacks.contains(c)))
                    && !when
                        .unless_route_without
                        .iter()
                        .any(|m| route.without.contains(m));
                if declared && runs && program.apps.shares(file, route.file) {
                    findings.push(RouteFinding {
                        live_hit,
                        chain: Vec::new(),
                        cost: 0,
                        is_cause: false,
                    });
                }
            }
            // A route with no handler function (a static folder, `r.StaticFS(...)`)
            // is served by its declaration: the hits there are its own.
            if route.handler.is_none() {
                let declared = by_line.get(&(route.file, route.pos.line));
                for &live_hit in declared.into_iter().flatten() {
                    if !findings.iter().any(|f| f.live_hit == live_hit) {
                        findings.push(RouteFinding {
                            live_hit,
                            chain: Vec::new(),
                            cost: 0,
                            is_cause: false,
                        });
                    }
                }
            }
            // A finding that needs another rule's hit (a session use needs a
            // memory store configured) brings that hit along as its cause;
            // without a cause that applies to this route, it does not hold.
            // A cause of this route's project (another app of the
            // repository configures its own stores), reached by it if code
            // holds it.
            let applies = |live_hit: usize| {
                !program.apps.apart(program.hits[live_hit].file, route.file)
                    && scoped_node(live_hit).is_none_or(|node| reached.contains(node))
            };
            let mut causes: Vec<usize> = Vec::new();
            // On the socket endpoint, an HTTP-only finding (an event handler
            // emitting to its clients) gives way to its cause, the socket
            // server, which is then the endpoint's own finding.
            let mut own: Vec<usize> = Vec::new();
            findings.retain(|f| {
                let live = &program.hits[f.live_hit];
                let rule = &rules.rules[program.files[live.file].hits[live.hit].rule()];
                if rule.when.program_has.is_empty() {
                    return !(rule.http_only() && route.is_socket());
                }
                let mut found: Vec<usize> = rule
                    .when
                    .program_has
                    .iter()
                    .flat_map(|id| {
                        by_rule
                            .get(id.as_str())
                            .into_iter()
                            .flatten()
                            .copied()
                            .filter(|&c| applies(c))
                    })
                    .collect();
                // A cause the route runs stands for those in named functions
                // that no route runs (a `session_start()` in a method nothing
                // calls, beside the one the front controller runs).
                if found.iter().any(|&c| scoped_node(c).is_some()) {
                    found.retain(|&c| scoped_node(c).is_some() || !in_named_function(program, c));
                }
                if rule.http_only() && route.is_socket() {
                    own.extend(found);
                    return false;
                }
                let before = causes.len();
                causes.extend(found);
                causes.len() > before
            });
            add_unchained(&mut findings, own, false);
            causes.sort_unstable();
            causes.dedup();
            // Evidence-only rules (weight 0: a store's configuration) show on a
            // route only as the cause of another finding there.
            findings.retain_mut(|f| {
                let live = &program.hits[f.live_hit];
                let is_evidence =
                    rules.rules[program.files[live.file].hits[live.hit].rule()].weight == 0;
                f.is_cause = causes.contains(&f.live_hit);
                !is_evidence || f.is_cause
            });
            add_unchained(&mut findings, causes, true);
            verdict::judge(program, rules, route_idx, findings, &paid_at_startup)
        })
        .collect();
    let groups = shared_state::group_routes(program, rules, &assessments);
    let mut judged = judged_hits(
        program,
        rules,
        &reached_anywhere,
        &reached_by_http,
        &startup,
    );
    for &live_hit in &idle_reads {
        judged[live_hit] = false;
    }
    // What a route shows (a cause included) is judged wherever it sits.
    for finding in assessments.iter().flat_map(|a| &a.findings) {
        judged[finding.live_hit] = true;
    }
    Assessed {
        assessments,
        groups,
        judged,
        idle_reads,
    }
}

/// The reads of a `state_written_on_route` rule that are no finding: no
/// route writes their state (every write of it, by a `state_written_by`
/// rule, is in code no route reaches: start-up code that fills a table
/// once), or their own function writes it, itself or in a callback (the
/// write is the finding there).
fn reads_that_are_no_finding(
    program: &Program,
    rules: &RuleSet,
    on_routes: &FxHashSet<NodeIndex>,
) -> FxHashSet<usize> {
    let rule_of = |live_hit: usize| {
        let live = &program.hits[live_hit];
        &rules.rules[program.files[live.file].hits[live.hit].rule()]
    };
    let owner = |live_hit: usize| {
        let live = &program.hits[live_hit];
        let hit = &program.files[live.file].hits[live.hit];
        hit.def()
            .or(hit.holder())
            .and_then(|owner| program.def_nodes.get(live.file, owner))
    };
    let reads: Vec<usize> = (0..program.hits.len())
        .filter(|&l| rule_of(l).when.state_written_on_route)
        .collect();
    if reads.is_empty() {
        return FxHashSet::default();
    }
    // (rule, state) -> the functions writing it that a route reaches (file, def).
    let mut writers: FxHashMap<(&str, &str), Vec<(usize, usize)>> = FxHashMap::default();
    for l in 0..program.hits.len() {
        let live = &program.hits[l];
        let def = program.files[live.file].hits[live.hit].def();
        let (Some(key), Some(def)) = (live.state_key.as_deref(), def) else {
            continue;
        };
        if owner(l).is_some_and(|node| on_routes.contains(&node)) {
            writers
                .entry((rule_of(l).id.as_str(), key))
                .or_default()
                .push((live.file, def));
        }
    }
    // Whether `def` is `outer` or a function nested in it (a callback).
    let within = |file: usize, mut def: usize, outer: usize| loop {
        if def == outer {
            return true;
        }
        match program.files[file].defs[def].parent() {
            Some(parent) => def = parent,
            None => return false,
        }
    };
    reads
        .into_iter()
        .filter(|&l| {
            let live = &program.hits[l];
            let key = live.state_key.as_deref().unwrap_or("");
            let read_in = program.files[live.file].hits[live.hit].def();
            let written: Vec<(usize, usize)> = rule_of(l)
                .when
                .state_written_by
                .iter()
                .flat_map(|id| writers.get(&(id.as_str(), key)).into_iter().flatten())
                .copied()
                .collect();
            written.is_empty()
                || read_in.is_some_and(|outer| {
                    written
                        .iter()
                        .any(|&(file, def)| file == live.file && within(file, def, outer))
                })
        })
        .collect()
}

/// Whether the hit sits in a named function or method (not a file's
/// top-level code, a closure or a declaration's value).
fn in_named_function(program: &Program, live_hit: usize) -> bool {
    let live = &program.hits[live_hit];
    let facts = &program.files[live.file];
    facts.hits[live.hit].def().is_some_and(|d| {
        let def = &facts.defs[d];
        def.kind == DefKind::Function && !def.file_code && def.name != "<anonymous>"
    })
}

/// The globs of `route_files` (None: every route), as the rule's loading
/// validated them, with those of `route_files_if` whose rule has a hit in
/// the program (`present`).
fn route_files(
    when: &crate::rules::Conditions,
    present: &FxHashSet<&str>,
) -> Option<globset::GlobSet> {
    if when.route_files.is_empty() {
        return None;
    }
    let mut builder = globset::GlobSetBuilder::new();
    let added = when
        .route_files_if
        .iter()
        .filter(|r| present.contains(r.rule.as_str()))
        .flat_map(|r| &r.files);
    for glob in when.route_files.iter().chain(added) {
        if let Ok(glob) = globset::GlobBuilder::new(glob)
            .literal_separator(true)
            .build()
        {
            builder.add(glob);
        }
    }
    builder.build().ok()
}

/// Adds the hits a route does not show yet, with no chain (app-wide: a
/// cause, or the socket server on its endpoint).
fn add_unchained(findings: &mut Vec<RouteFinding>, mut hits: Vec<usize>, is_cause: bool) {
    hits.sort_unstable();
    hits.dedup();
    for live_hit in hits {
        if !findings.iter().any(|f| f.live_hit == live_hit) {
            findings.push(RouteFinding {
                live_hit,
                chain: Vec::new(),
                cost: 0,
                is_cause,
            });
        }
    }
}

/// Which hits are judged: everything at module level (it runs at import),
/// everything a route reaches, and what start-up code reaches when its kind
/// (or its rule, `at_startup`) matters there. A program without routes is judged whole. A rule that
/// counts only as a cause (`only_as_cause`), or only with another rule's
/// hit that applies to the route (`program_has`: an uploaded file is on
/// disk only behind multer's disk storage), is judged only where a route
/// shows it (`assess_program` marks those).
fn judged_hits(
    program: &Program,
    rules: &RuleSet,
    on_routes: &FxHashSet<NodeIndex>,
    on_http_routes: &FxHashSet<NodeIndex>,
    at_startup: &reach::Reached,
) -> Vec<bool> {
    if program.routes.is_empty() {
        return vec![true; program.hits.len()];
    }
    program
        .hits
        .iter()
        .map(|live| {
            let hit = &program.files[live.file].hits[live.hit];
            let rule = &rules.rules[hit.rule()];
            let node = hit
                .def()
                .and_then(|def| program.def_nodes.get(live.file, def));
            if rule.when.only_as_cause || !rule.when.program_has.is_empty() {
                return false;
            }
            match (rule.reach, node) {
                // A rule that says it matters at start-up (an endless
                // ticker loop started at boot) counts there too.
                // Judged wherever no route reaches it, start-up or not (a
                // task's loop that only a library's runner starts).
                (Reach::Calls, Some(node)) if rule.when.off_routes => !on_routes.contains(&node),
                // A hit in code run only for a command-line option (an
                // `--init` branch) is a tool's work, not start-up's.
                (Reach::Calls, Some(node)) if rule.http_only() => {
                    on_http_routes.contains(&node)
                        || (rule.when.at_startup
                            && !program.for_tool(live.file, hit)
                            && at_startup.contains(node))
                }
                (Reach::Calls, Some(node)) => {
                    on_routes.contains(&node)
                        || ((rule.kind.matters_at_startup() || rule.when.at_startup)
                            && !program.for_tool(live.file, hit)
                            && at_startup.contains(node))
                }
                (Reach::App, _) if rule.when.startup_only => {
                    run_at_startup(program, live.file, hit, at_startup, on_routes)
                }
                _ => true,
            }
        })
        .collect()
}

/// Whether the server's own start-up runs the hit: start-up code reaches its
/// function outside a command-line branch (a `migrate` command is a tool)
/// and no route does (start-up reaches the handlers it registers: an admin
/// route that migrates is the route's work).
fn run_at_startup(
    program: &Program,
    file: usize,
    hit: &crate::extract::facts::Hit,
    at_startup: &reach::Reached,
    on_routes: &FxHashSet<NodeIndex>,
) -> bool {
    !program.for_tool(file, hit)
        && hit
            .def()
            .and_then(|def| program.def_nodes.get(file, def))
            .is_some_and(|node| at_startup.contains(node) && !on_routes.contains(&node))
}
