//! extract: one file's bytes → `FileFacts`. Parses once, runs the combined
//! query of its language once, turns captures into facts, and drops the tree.
//! A pure function of (path, bytes, rules): the unit of caching and of
//! parallelism. Capture names are the contract with `grammars/*/*.scm`:
//! `def.*`, `call.*`, `import.*`, `export.*`, `route.*`, `router.*`, `mount.*`,
//! `field.*`, `bind.*` (a function value bound to a struct's field where a
//! value is built: `@bind.class`, `@bind.field`, `@bind.value`),
//! `local.*`, `namespace.*`, `tag.*` (a class the program marks:
//! `@tag.class` with `#set! tag "singleton"`), `entry` (on a function: it runs
//! at start-up), `client`; `@import.prefix` is the shared prefix of a grouped
//! import (`use A\{B, C}`), joined to `@import.module` by `#set! import.join`;
//! `scope.*` (a block whose routes' handlers take a
//! module, `@scope.module`, or whose path-named routes are actions of a
//! class, `@scope.handler`, through `#set! scope.template`), `callback.*` (a
//! method of a class run around its actions: `@callback.name`,
//! `@callback.only`, `@callback.except`, `@callback.kind` (its actions from
//! `callback_actions`), `#set! callback.skip_prefix`, `#set! callback.template`);
//! rule patterns use `@hit`, `@state` and their own names.
//! Methods declared outside their type (Go) name it with `@def.owner` and
//! their receiver variable with `@def.self`; `@local.name` with `@local.type`
//! gives a local its type (a function whose `@def.returns` is known: what it
//! returns), and names written through either are rewritten
//! (`receivers`). `#set! import.kind "package"`: the import binds the name
//! its path ends with; `#set! import.kind "file"`: the file runs where it is
//! included (`Import::include`), a string with interpolations naming every
//! file it matches (`*` for each). `#set! def.file_code`: the function is
//! the file's own top-level code, which an include calls. `#set! route.handler_factory`: a call written as a
//! handler is the handler (its result handles the route);
//! `#set! route.method_in_path`: a path may start with its method
//! (`"GET /items/{id}"`); `#set! mount.parent_router`: the mount holds only
//! when its parent is a known router (a function called with a router);
//! `#set! route.positional` / `mount.positional` (`"parent"`: the parent
//! only): a call written as a router (`v1.Group("/users")` as an argument,
//! `r.Group("/u").Use(mw)` in a chain) is a router named by its place;
//! `#set! route.path_suffix`: appended to the path (`/*filepath`);
//! `@def.returns`: the type a function returns;
//! `#set! route.drop "(.:format)"`: text removed from the route's path (a
//! suffix the framework implies on every route).

mod ancestry;
mod bounded_loops;
mod branches;
mod cli_flags;
mod closures;
mod deadline;
mod def_extra;
pub mod facts;
mod fields;
mod flags;
pub mod inner_start;
mod kinds;
mod lazy_init;
mod loop_routes;
mod loops;
pub mod matcher;
mod members;
pub mod name;
mod overrides;
pub mod parse;
mod path_builders;
pub mod queries;
pub mod rare_list;
mod read_through;
mod receivers;
mod routes;
mod self_values;
pub mod shipped;
pub mod suppress;
mod text;
mod values;

pub use routes::regex_path;
use routes::{dedup_mounts, merge_routes};
use suppress::Suppressions;
pub use text::{camelize, singular};

use crate::lang::Lang;
use crate::rules::{Kind, RuleSet, Scope};
use facts::*;
use queries::{LangQueries, PatternOwner, PatternQuery};
use text::{apply_template, names_in, string_values, unquote, LineIndex};
use tree_sitter::{Node, Parser, QueryCursor, StreamingIterator, Tree};

/// The query time a file of `bytes` may use: 2 s, and 1 s per 100 KB (about
/// 20 times what ordinary code of that size needs on one core). The figures
/// are the release build's; an unoptimised build (the tests' `cargo test`)
/// runs 5 to 10 times slower, so its limit is ten times longer: which files
/// a scan cuts short must not depend on how carve was compiled.
fn time_limit(bytes: usize) -> std::time::Duration {
    let unoptimised = if cfg!(debug_assertions) { 10 } else { 1 };
    std::time::Duration::from_millis((2_000 + bytes as u64 / 100) * unoptimised)
}

/// Progress ticks every file may use, whatever its size.
const BASE_TICKS: u64 = 2_000;

/// Bytes of facts (the records themselves, see [`FileFacts::record_bytes`])
/// every file may hold, whatever its size.
const BASE_FACT_BYTES: usize = 1 << 20;
/// Bytes of facts allowed per byte of source: no file of the 33 applications
/// of `bench/accuracy` reaches it, nor a file of 30,000 routes in 1 MB (about
/// ten); a generated file of a call per short line does.
const FACT_BYTES_PER_BYTE: usize = 32;
/// Bytes of facts no file may pass, however large.
const MAX_FACT_BYTES: usize = 64 << 20;

/// The bytes of facts a file of `bytes` may hold before its extraction stops.
fn fact_budget(bytes: usize) -> usize {
    BASE_FACT_BYTES
        .saturating_add(bytes.saturating_mul(FACT_BYTES_PER_BYTE))
        .min(MAX_FACT_BYTES)
}

/// HTTP methods a declaration can name in a word (`RequestMethod.PUT`, `OnPostAsync`).
const HTTP_VERBS: &[&str] = &["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/// The router name of a module's own URL list (Django `urlpatterns`).
pub const MODULE_ROUTER: &str = "<module>";

/// Parses `source` and extracts its facts. `path` is relative to the root.
/// Parsing and the queries each get `time_limit` of the file's size.
pub fn extract_file(
    parser: &mut Parser,
    path: &str,
    lang: Lang,
    source: &str,
    queries: &LangQueries,
    rules: &RuleSet,
) -> Result<FileFacts, parse::ParseError> {
    parser
        .set_language(&lang.grammar())
        .map_err(|_| parse::ParseError::Failed)?;
    let tree = parse::parse_within(parser, source, time_limit(source.len()))?;
    let facts = Extraction::new(path, lang, source, queries, rules).run(&tree);
    Ok(facts)
}

/// The `#set!` properties of a pattern.
#[derive(Clone, Copy)]
struct Props<'q>(&'q [tree_sitter::QueryProperty]);

impl<'q> Props<'q> {
    /// The value of `key` (`""` when set without a value).
    fn get(self, key: &str) -> Option<&'q str> {
        self.0
            .iter()
            .find(|p| &*p.key == key)
            .map(|p| p.value.as_deref().unwrap_or(""))
    }
}

/// The node of the first capture named `name` in a match.
fn capture<'t>(caps: &[Captured<'t>], name: &str) -> Option<Node<'t>> {
    caps.iter().find(|c| c.name == name).map(|c| c.node)
}

/// A capture's node and text, kept while the tree is alive.
struct Captured<'t> {
    name: &'t str,
    node: Node<'t>,
}

/// Raw facts collected from matches, resolved against defs once all are in.
#[derive(Default)]
struct Pending {
    methods_for: Vec<(usize, Vec<String>)>,
    bases_for: Vec<(usize, String)>,
    /// (def node start, name node start, is the handler capture a def)
    route_handlers: Vec<Vec<(usize, Span, String)>>,
    /// (name start, name) of functions given to each route's handler factory
    route_wrapped: Vec<Vec<(usize, String)>>,
    /// Where each of `facts.routers` is named (its name's first byte).
    router_starts: Vec<usize>,
    hits: Vec<RawHit>,
    calls: Vec<(usize, Call)>,
    /// (name start, detail, url path) of viewset extra actions
    actions_for: Vec<(usize, Option<bool>, Option<String>)>,
    /// (byte, name, is a `global` declaration)
    locals: Vec<(usize, String, bool)>,
    /// (byte, name, type, is static, is the application object's)
    fields: Vec<(usize, String, String, bool, bool)>,
    /// Spans of `@entry` and `@startup` captures: a function captured so runs at start-up.
    entries: Vec<Span>,
    /// Spans of `@cli` captures: code run only for a command-line option or command.
    cli: Vec<Span>,
    /// `@cli` branches that test a variable, and the flags that bind one.
    flags: cli_flags::FlagModes,
    /// (name start, pieces) of variables initialised by a concatenation
    concats: Vec<(usize, Prefix)>,
    /// (target start, annotation name) of annotated functions
    annotations_for: Vec<(usize, String)>,
    /// (target start, pointcut) of pointcut declarations
    pointcuts_for: Vec<(usize, String)>,
    /// (target start, listener class) of classes naming lifecycle listeners
    listeners_for: Vec<(usize, String)>,
    /// (name start, type, receiver name) of methods declared outside their
    /// type (`func (h *Handler) List()`).
    owners: Vec<(usize, String, Option<String>)>,
    /// (byte, variable, type) of locals whose type is known.
    typed_locals: Vec<(usize, String, String)>,
    /// (byte, variable) of assignments ending a type given before
    /// (`@local.rebound`).
    rebound_locals: Vec<(usize, String)>,
    /// (route span, action) of routes handled by their scope's class
    handler_from_path: Vec<(Span, String)>,
    /// (block, handler module prefix, default handler class) of scopes
    scopes: Vec<(Span, Option<String>, Option<String>)>,
    /// (byte, callback) of callbacks declared in class bodies
    callbacks: Vec<(usize, Callback)>,
    /// (value start, struct, field, value) of function values bound to fields
    bindings: Vec<(usize, String, String, String)>,
    /// (byte, name) of fields off by default that only their class can
    /// set (`protected $cache = false;`): `@flag.off`.
    flags_off: Vec<(usize, String)>,
    /// (byte, name) of each write of an instance field (`$this->cache =
    /// true`): `@flag.set`.
    flag_sets: Vec<(usize, String)>,
    /// (method name start, method, field) of methods that keep the function
    /// they are given in a field
    relays: Vec<(usize, String, String)>,
    /// (byte, variable, expression) of variables that hold an element of
    /// what an expression holds (`for _, cb := range c.callbacks`)
    elements: Vec<(usize, String, String)>,
    /// Loops over literal collections, for the routes declared in them.
    loops: Vec<loop_routes::LoopBinding>,
    /// Spans of routes that only a loop's variable gives a path.
    loop_only: Vec<Span>,
    /// Where nesting is shallow (`@shallow`), and how.
    shallow: Vec<(Span, Shallow)>,
    /// (scope, excluded, patterns) of path limits chained on hook
    /// registrations (`@hook_paths`).
    hook_paths: Vec<(Span, bool, Vec<String>)>,
}

impl Pending {
    /// The size of the records held (their strings' text not counted), for
    /// the facts budget: O(1). What belongs to routes is not counted, as in
    /// [`FileFacts::record_bytes`].
    fn record_bytes(&self) -> usize {
        use std::mem::size_of_val;
        size_of_val(&*self.methods_for)
            + size_of_val(&*self.bases_for)
            + size_of_val(&*self.hits)
            + size_of_val(&*self.calls)
            + size_of_val(&*self.actions_for)
            + size_of_val(&*self.locals)
            + size_of_val(&*self.fields)
            + size_of_val(&*self.entries)
            + size_of_val(&*self.cli)
            + self.flags.record_bytes()
            + size_of_val(&*self.concats)
            + size_of_val(&*self.annotations_for)
            + size_of_val(&*self.pointcuts_for)
            + size_of_val(&*self.listeners_for)
            + size_of_val(&*self.owners)
            + size_of_val(&*self.typed_locals)
            + size_of_val(&*self.rebound_locals)
            + size_of_val(&*self.handler_from_path)
            + size_of_val(&*self.scopes)
            + size_of_val(&*self.callbacks)
            + size_of_val(&*self.bindings)
            + size_of_val(&*self.relays)
            + size_of_val(&*self.elements)
            + size_of_val(&*self.hook_paths)
    }
}

struct RawHit {
    rule: usize,
    span: Span,
    pos: Pos,
    end: Pos,
    state: Option<String>,
    target: Option<String>,
    bound: Option<String>,
    /// Text of the capture named by the rule's `field` condition.
    field: Option<String>,
    /// Text of the capture named by the rule's `self_call` condition.
    self_call: Option<String>,
    once: bool,
    on_submit: bool,
    /// The file the hit only reads (`unless_shipped_read`).
    shipped: Option<Box<str>>,
    /// The instance field an enclosing `if` tests bare (`if ($this->cache)`).
    guard_flag: Option<String>,
}

/// What the query walks of one file may use (see `Extraction::run`).
struct Budget {
    ticks: u64,
    limit: u64,
    facts: usize,
    facts_full: bool,
    deadline: deadline::Deadline,
}

impl Budget {
    fn exhausted(&self) -> bool {
        self.ticks > self.limit || self.facts_full
    }
}

struct Extraction<'s> {
    source: &'s str,
    lines: LineIndex,
    queries: &'s LangQueries,
    rules: &'s RuleSet,
    facts: FileFacts,
    pending: Pending,
    /// What each scope binds each name to, found once (`values`).
    bindings: values::Bindings<'s>,
    /// The path to the node last asked about, for the next (`ancestry`).
    ancestry: std::cell::RefCell<ancestry::Ancestry<'s>>,
    /// The grammar's ids of the fields read for every match.
    fields: fields::Fields,
    /// The classes of the grammar's node kinds (`kinds`).
    kinds: &'static kinds::KindClasses,
    /// Each function's memo guards, found once (`lazy_init`).
    memo_guards: lazy_init::MemoGuards,
    /// What each class's members hold, found once (`self_values`).
    class_members: self_values::ClassMembers<'s>,
    /// The branch conditions found last (`branches`).
    last_conditions: branches::LastConditions<'s>,
}

impl<'s> Extraction<'s> {
    fn new(
        path: &'s str,
        lang: Lang,
        source: &'s str,
        queries: &'s LangQueries,
        rules: &'s RuleSet,
    ) -> Self {
        Extraction {
            source,
            lines: LineIndex::new(source),
            queries,
            rules,
            facts: FileFacts {
                entry: lang.is_entry_file(path),
                // Dev-only files never run on the server: like browser code.
                client: lang.is_dev_only(path),
                ..FileFacts::empty(path, lang, source)
            },
            pending: Pending::default(),
            bindings: values::Bindings::default(),
            ancestry: Default::default(),
            fields: fields::Fields::new(&lang.grammar()),
            kinds: kinds::KindClasses::of(lang),
            memo_guards: lazy_init::MemoGuards::default(),
            class_members: self_values::ClassMembers::default(),
            last_conditions: branches::LastConditions::default(),
        }
    }

    fn run(mut self, tree: &'s Tree) -> FileFacts {
        let root = tree.root_node();
        self.facts.parse_errors = count_errors(root);
        let queries = self.queries;
        // Work budget, counted in the cursor's progress ticks (deterministic,
        // unlike time): ordinary code needs under 0.07 per byte; thousands of
        // nesting levels need far more. A tick is a fixed number of cursor
        // steps, but one step costs as much as the matches in progress, which
        // deep nesting multiplies: a limit in the thread's CPU time (not wall
        // time, which the machine's load moves), far above what ordinary code
        // of that size needs, bounds what the ticks do not. The facts found
        // have a budget of their own, in bytes: a huge generated file of flat
        // code passes the ticks but would fill memory with its calls and
        // hits. Past any of the three, the facts found so far are kept and
        // the file is marked partial. Both walks (the combined query, then
        // the rare rules' where the file holds their literals) share them.
        let mut budget = Budget {
            ticks: 0,
            limit: BASE_TICKS + self.source.len() as u64 / 4,
            facts: fact_budget(self.source.len()),
            facts_full: false,
            deadline: deadline::Deadline::after(time_limit(self.source.len())),
        };
        // The tree as the native matcher reads it, listed once for both.
        let mut listing = None;
        self.walk(root, &queries.combined, &mut budget, &mut listing);
        if let Some((rare, gate)) = &queries.rare {
            if !budget.exhausted() && gate.admits(self.source) {
                self.walk(root, rare, &mut budget, &mut listing);
            }
        }
        self.facts.partial = budget.exhausted();
        self.finish()
    }

    /// The query cursor's walk of the patterns left to it (none when the
    /// native matcher takes them all), then the native matcher's walk of
    /// the others over `listing` (made by the first such walk), each match
    /// handed to its owner, until the budget runs out.
    fn walk(
        &mut self,
        root: Node<'s>,
        patterns: &'s PatternQuery,
        budget: &mut Budget,
        listing: &mut Option<matcher::Matcher<'s, 's>>,
    ) {
        // Matches of patterns whose one match per outer node tree-sitter
        // handed on once the outer node was done (`inner_start`): the
        // first of each, handed on after the walks.
        let mut merged: Vec<(usize, Vec<Captured<'s>>)> = Vec::new();
        let (limit, deadline, facts) = (budget.limit, &budget.deadline, budget.facts);
        let ticks = std::cell::Cell::new(budget.ticks);
        let tick = || {
            let now = ticks.get() + 1;
            if now > limit || deadline.passed() {
                ticks.set(now.max(limit + 1));
                std::ops::ControlFlow::Break(())
            } else {
                ticks.set(now);
                std::ops::ControlFlow::Continue(())
            }
        };
        let mut full = false;
        if let Some(query) = &patterns.cursor {
            let mut cursor = QueryCursor::new();
            let mut progress = |_: &tree_sitter::QueryCursorState| tick();
            let options = tree_sitter::QueryCursorOptions::new().progress_callback(&mut progress);
            let mut matches =
                cursor.matches_with_options(&query.query, root, self.source.as_bytes(), options);
            while let Some(m) = matches.next() {
                let captures = m
                    .captures()
                    .iter()
                    .map(|c| (query.captures[c.index as usize], c.node));
                let pattern = query.patterns[m.pattern_index];
                if self.take(root, patterns, pattern, captures, &mut merged, facts) {
                    full = true;
                    break;
                }
            }
        }
        let native = patterns.native.as_ref();
        if let Some(native) = native.filter(|_| !full && ticks.get() <= limit) {
            let listing =
                listing.get_or_insert_with(|| native.listing(root, self.source.as_bytes()));
            native.walk(listing, tick, |pattern, captures| {
                let captures = captures.iter().copied();
                if self.take(root, patterns, pattern, captures, &mut merged, facts) {
                    full = true;
                    std::ops::ControlFlow::Break(())
                } else {
                    std::ops::ControlFlow::Continue(())
                }
            });
        }
        budget.ticks = ticks.get();
        if full {
            budget.facts_full = true;
            return;
        }
        if budget.exhausted() {
            return;
        }
        merged.sort_by_key(|(pattern, _)| *pattern);
        for (pattern, captures) in merged {
            if self.hand_on(root, patterns, pattern, &captures, budget.facts) {
                budget.facts_full = true;
                return;
            }
        }
    }

    /// One match of `pattern` (its captures as (index, node)): the
    /// rewritten pattern's outer captures added, kept in `merged` when its
    /// matches are one per outer node, else handed on. True when the facts
    /// budget is then spent.
    fn take(
        &mut self,
        root: Node<'s>,
        patterns: &'s PatternQuery,
        pattern: usize,
        found: impl Iterator<Item = (u32, Node<'s>)> + Clone,
        merged: &mut Vec<(usize, Vec<Captured<'s>>)>,
        facts: usize,
    ) -> bool {
        let names = &patterns.capture_names;
        let start = patterns.start_capture;
        let enclosing = patterns
            .enclosing
            .get(pattern)
            .map_or(&[][..], Vec::as_slice);
        let mut captures: Vec<Captured> = Vec::new();
        if !enclosing.is_empty() {
            let Some((_, inner)) = found.clone().find(|(index, _)| Some(*index) == start) else {
                return false;
            };
            let path = self.ancestry.get_mut().of(root, inner);
            if !inner_start::is_enclosed(enclosing, path, inner) {
                return false;
            }
            captures.extend(
                inner_start::outer_captures(enclosing, path)
                    .into_iter()
                    .map(|(name, node)| Captured { name, node }),
            );
        }
        captures.extend(
            found
                .filter(|(index, _)| Some(*index) != start)
                .map(|(index, node)| Captured {
                    name: names[index as usize].as_str(),
                    node,
                }),
        );
        if inner_start::is_merged(enclosing) {
            if !merged.iter().any(|(p, _)| *p == pattern) {
                merged.push((pattern, captures));
            }
            return false;
        }
        self.hand_on(root, patterns, pattern, &captures, facts)
    }

    /// Hands one match of `pattern` to its owner; true when the facts
    /// budget is then spent.
    fn hand_on(
        &mut self,
        root: Node<'s>,
        patterns: &'s PatternQuery,
        pattern: usize,
        captures: &[Captured<'s>],
        facts: usize,
    ) -> bool {
        let props = Props(patterns.properties.get(pattern).map_or(&[], Vec::as_slice));
        match patterns.owners.get(pattern) {
            Some(PatternOwner::Rule(rule_idx)) => self.on_rule(root, *rule_idx, captures, props),
            Some(PatternOwner::Structure) => self.on_structure(root, captures, props),
            None => {}
        }
        self.facts.record_bytes() + self.pending.record_bytes() > facts
    }

    fn text(&self, node: Node) -> &'s str {
        &self.source[node.byte_range()]
    }

    /// A name written at `node`, as the dotted name link resolves (the
    /// language's `name_rewrites`, then [`normalize_reference`]).
    fn reference(&self, node: Node) -> String {
        let lang = self.facts.lang;
        normalize_reference(&lang.dotted_name(reference_text(lang, self.text(node))))
    }

    fn pos(&self, byte: usize) -> Pos {
        self.lines.pos(self.source, byte)
    }

    fn span(node: Node) -> Span {
        Span {
            start: node.start_byte(),
            end: node.end_byte(),
        }
    }

    fn on_structure(&mut self, root: Node<'s>, caps: &[Captured<'s>], prop: Props) {
        let Some(first) = caps.iter().find(|c| !c.name.starts_with('_')) else {
            return;
        };
        // A framework read only in some files (Rails' route table).
        if let Some(fw) = prop.get("framework") {
            if !self.facts.lang.framework_holds_in(fw, &self.facts.path) {
                return;
            }
        }
        let family = first.name.split('.').next().unwrap_or("");
        match family {
            "def" => self.on_def(caps, prop),
            "call" => self.on_call(root, caps, prop),
            "import" => self.on_import(root, caps, prop),
            "export" => self.on_export(caps, prop),
            "route" => self.on_route(root, caps, prop),
            "router" => self.on_router(caps, prop),
            "mount" => self.on_mount(root, caps, prop),
            "hook_paths" => self.on_hook_paths(caps, prop),
            "loop" => self.on_loop(root, caps),
            "flag" => {
                for cap in caps {
                    let name = self.text(cap.node).to_string();
                    let byte = cap.node.start_byte();
                    match cap.name {
                        "flag.off" => self.pending.flags_off.push((byte, name)),
                        "flag.set" => self.pending.flag_sets.push((byte, name)),
                        _ => {}
                    }
                }
            }
            "bind" => {
                if let (Some(class), Some(field), Some(value)) = (
                    capture(caps, "bind.class"),
                    capture(caps, "bind.field"),
                    capture(caps, "bind.value"),
                ) {
                    let class = self.reference(class);
                    let class = class.rsplit('.').next().unwrap_or(&class).to_string();
                    let field = self.text(field).to_string();
                    let value_text = self.reference(value);
                    self.pending
                        .bindings
                        .push((value.start_byte(), class, field, value_text));
                }
            }
            "relay" => {
                // The value stored must be one of the method's parameters
                // (tested here, not by the query: a pattern per parameter
                // walked the whole body once per parameter).
                let is_param = |value: Node| {
                    capture(caps, "relay.params").is_none_or(|params| {
                        let value = self.text(value);
                        let mut cursor = params.walk();
                        let declared: Vec<Node> = params.named_children(&mut cursor).collect();
                        declared.into_iter().any(|param| {
                            let mut cursor = param.walk();
                            let mut names = param.children_by_field_name("name", &mut cursor);
                            names.any(|name| self.text(name) == value)
                        })
                    })
                };
                if let (Some(method), Some(field), Some(value)) = (
                    capture(caps, "relay.method"),
                    capture(caps, "relay.field"),
                    capture(caps, "relay.value"),
                ) {
                    if is_param(value) {
                        self.pending.relays.push((
                            method.start_byte(),
                            self.text(method).to_string(),
                            self.text(field).to_string(),
                        ));
                    }
                }
            }
            "entry" => {
                self.facts.entry = true;
                if let Some(entry) = capture(caps, "entry") {
                    self.pending.entries.push(Self::span(entry));
                }
            }
            // A function the application runs as it starts (a container's
            // lifecycle hook), in a file that starts no application itself.
            "startup" => {
                if let Some(startup) = capture(caps, "startup") {
                    self.pending.entries.push(Self::span(startup));
                }
            }
            "tag" => {
                if let (Some(class), Some(tag)) = (capture(caps, "tag.class"), prop.get("tag")) {
                    let class = self.reference(class);
                    let class = class.rsplit('.').next().unwrap_or(&class).to_string();
                    let tag = ClassTag {
                        class,
                        tag: tag.to_string(),
                    };
                    if !self.facts.tags.contains(&tag) {
                        self.facts.tags.push(tag);
                    }
                }
            }
            "client" => self.facts.client = true,
            // Shallow nesting: the routes declared in it drop the
            // resources around them from their paths (`Shallow`).
            "shallow" => {
                if let (Some(at), Some(nest), Some(member)) = (
                    capture(caps, "shallow"),
                    prop.get("shallow.nest"),
                    prop.get("shallow.member"),
                ) {
                    let shallow = Shallow {
                        nest: nest.to_string(),
                        member: member.to_string(),
                    };
                    self.pending.shallow.push((Self::span(at), shallow));
                }
            }
            // Code run only for a command-line option or command (a branch
            // on `--init` that returns, a CLI command's action).
            "cli" => {
                if let (Some(statement), Some(bound)) =
                    (capture(caps, "cli.binder"), capture(caps, "cli.bound"))
                {
                    self.pending.flags.binder(statement, self.text(bound));
                } else if let Some(cli) = capture(caps, "cli") {
                    match capture(caps, "cli.flag") {
                        Some(flag) => self.pending.flags.test(
                            cli,
                            self.text(flag),
                            prop.get("cli.scope") == Some("package"),
                            prop.get("cli.last").is_some(),
                        ),
                        None => self.pending.cli.push(Self::span(cli)),
                    }
                }
            }
            "scope" => {
                if let Some(block) = capture(caps, "scope") {
                    let template = prop.get("scope.template").unwrap_or("{}");
                    let named = |n: &str| {
                        capture(caps, n).map(|n| apply_template(template, unquote(self.text(n))))
                    };
                    let scope = (
                        Self::span(block),
                        named("scope.module"),
                        named("scope.handler"),
                    );
                    self.pending.scopes.push(scope);
                }
            }
            "callback" => {
                let get = |n: &str| capture(caps, n);
                // `#set! callback.method`: a method named in full, run in
                // place of the one the declaration names.
                let name = match prop.get("callback.method") {
                    Some(method) => Some(method.to_string()),
                    // `#set! callback.template`: the name made from the one written.
                    None => get("callback.name").map(|n| {
                        let name = unquote(self.text(n));
                        prop.get("callback.template")
                            .map_or_else(|| name.to_string(), |t| apply_template(t, name))
                    }),
                };
                if let (Some(at), Some(name)) = (get("callback"), name) {
                    let names =
                        |n: &str| get(n).map(|n| names_in(n, self.source)).unwrap_or_default();
                    // The actions of its kind (language.toml's `callback_actions`).
                    let mut only = names("callback.only");
                    if let Some(kind) = get("callback.kind") {
                        let actions = self.facts.lang.callback_actions(self.text(kind));
                        only.extend(actions.map(str::to_string));
                    }
                    let callback = Callback {
                        name,
                        only,
                        except: names("callback.except"),
                        // `skip_before_action`: the kind starts with the prefix.
                        skip: get("callback.kind")
                            .zip(prop.get("callback.skip_prefix"))
                            .is_some_and(|(kind, prefix)| self.text(kind).starts_with(prefix)),
                    };
                    self.pending.callbacks.push((at.start_byte(), callback));
                }
            }
            "namespace" => {
                if let Some(name) = capture(caps, "namespace.name") {
                    if self.facts.namespace.is_none() {
                        self.facts.namespace = Some(without_spaces(self.text(name)).into_owned());
                    }
                }
            }
            "local" => {
                // `@local.type`: the type of the `@local.name` beside it
                // (or the function that makes it: what it returns).
                if let (Some(name), Some(ty)) =
                    (capture(caps, "local.name"), capture(caps, "local.type"))
                {
                    self.pending.typed_locals.push((
                        name.start_byte(),
                        self.text(name).to_string(),
                        self.reference(ty),
                    ));
                }
                // `@local.rebound`: an assignment after which a type given
                // earlier no longer holds.
                if let Some(name) = capture(caps, "local.rebound") {
                    self.pending
                        .rebound_locals
                        .push((name.start_byte(), self.text(name).to_string()));
                }
                // `@local.element`: what the `@local.name` beside it takes
                // its values from (a range over a field).
                if let (Some(name), Some(of)) =
                    (capture(caps, "local.name"), capture(caps, "local.element"))
                {
                    self.pending.elements.push((
                        name.start_byte(),
                        self.text(name).to_string(),
                        normalize_reference(self.text(of)),
                    ));
                }
                for cap in caps.iter().filter(|c| {
                    c.name.starts_with("local.")
                        && c.name != "local.type"
                        && c.name != "local.element"
                        && c.name != "local.rebound"
                }) {
                    let is_global = cap.name == "local.global";
                    let name = self.text(cap.node).to_string();
                    self.pending
                        .locals
                        .push((cap.node.start_byte(), name, is_global));
                }
            }
            "field" => {
                let get = |n: &str| capture(caps, n);
                // A field without a declared or constructed type (`static
                // list = {}`) is still a field: its type name is empty.
                // An attribute set on another object than the instance
                // counts only on the application object (`app_objects`),
                // and tags its class `app-attribute`: one instance per
                // process, shared by every request.
                let owner = get("field.owner").map(|o| self.text(o));
                if owner.is_some_and(|o| !self.facts.lang.is_app_object(o)) {
                    return;
                }
                if let (Some(_), Some(ty)) = (owner, get("field.type")) {
                    let class = self.reference(ty);
                    let class = class.rsplit('.').next().unwrap_or(&class).to_string();
                    let tag = ClassTag {
                        class,
                        tag: "app-attribute".to_string(),
                    };
                    if !self.facts.tags.contains(&tag) {
                        self.facts.tags.push(tag);
                    }
                }
                if let Some(name) = get("field.name") {
                    let type_name = get("field.type").map_or_else(String::new, |ty| {
                        let reference = self.reference(ty);
                        reference
                            .split('<')
                            .next()
                            .unwrap_or(&reference)
                            .to_string()
                    });
                    self.pending.fields.push((
                        name.start_byte(),
                        self.text(name).to_string(),
                        type_name,
                        prop.get("field.static").is_some(),
                        owner.is_some(),
                    ));
                }
            }
            _ => {}
        }
    }

    fn on_def(&mut self, caps: &[Captured], prop: Props) {
        let get = |n: &str| capture(caps, n);
        if let Some(target) = get("def.target") {
            for cap in caps.iter().filter(|c| c.name == "def.annotation") {
                let name = self.text(cap.node);
                let name = name.rsplit('.').next().unwrap_or(name).to_string();
                self.pending
                    .annotations_for
                    .push((target.start_byte(), name));
            }
            if let Some(pointcut) = get("def.pointcut") {
                let text = unquote(self.text(pointcut)).to_string();
                self.pending.pointcuts_for.push((target.start_byte(), text));
            }
            for cap in caps.iter().filter(|c| c.name == "def.listener") {
                let class = self.reference(cap.node);
                self.pending
                    .listeners_for
                    .push((target.start_byte(), class));
            }
            let detail = get("def.action_detail").map(|n| self.text(n) == "True");
            let path = get("def.action_path").map(|n| unquote(self.text(n)).to_string());
            if detail.is_some() || path.is_some() {
                self.pending
                    .actions_for
                    .push((target.start_byte(), detail, path));
            }
        }
        if let (Some(list), Some(target)) = (get("def.methods"), get("def.target")) {
            let methods = match prop.get("def.method") {
                Some(method) => vec![method.to_string()],
                None => {
                    let strings = string_values(list, self.source);
                    if strings.is_empty() {
                        // Enum constants: `RequestMethod.PUT`, `{GET, POST}`.
                        http_method_words(self.text(list))
                    } else {
                        strings
                            .into_iter()
                            .map(|m| m.to_ascii_uppercase())
                            .collect()
                    }
                }
            };
            self.pending
                .methods_for
                .push((target.start_byte(), methods));
            return;
        }
        if let Some(object) = get("def.settings") {
            self.settings_defaults(object, "");
            return;
        }
        let (node, kind) = if let Some(n) = get("def.function") {
            (n, DefKind::Function)
        } else if let Some(n) = get("def.class") {
            (n, DefKind::Class)
        } else if let Some(n) = get("def.variable") {
            (n, DefKind::Variable)
        } else {
            return;
        };
        let name_node = get("def.name");
        // A def named by a literal (`has_attached_file :file`, `#set!
        // name_unquoted`) is known by the literal's value: `file`.
        let name = name_node.map_or("<anonymous>".to_string(), |n| {
            let text = self.text(n);
            match prop.get("name_unquoted") {
                Some(_) => unquote(text).to_string(),
                None => text.to_string(),
            }
        });
        let name_start = name_node.map_or(node.start_byte(), |n| n.start_byte());
        if let Some(concat) = get("def.concat") {
            let pieces = self.prefix(concat);
            self.pending.concats.push((name_start, pieces));
        }
        // A method declared outside its type: `@def.owner` names the type,
        // `@def.self` the receiver variable.
        if let Some(owner) = get("def.owner") {
            let receiver = get("def.self").map(|n| self.text(n).to_string());
            self.pending
                .owners
                .push((name_start, self.text(owner).to_string(), receiver));
        }
        for base in caps.iter().filter(|c| c.name == "def.base") {
            self.pending
                .bases_for
                .push((name_start, self.text(base.node).to_string()));
        }
        self.facts.defs.push(Def {
            name: Name::new(&name),
            kind,
            class: None,
            parent: DefRef::NONE,
            span: Self::span(node).into(),
            name_start: saturating_u32(name_start),
            pos: self.pos(name_start),
            mutable: prop.get("mutable").is_some(),
            declared_only: prop.get("declared_only").is_some(),
            extra: DefExtra::of([
                get("def.init").map(|n| Part::Init(self.reference(n).into())),
                get("def.returns").map(|n| Part::Returns(self.reference(n).into())),
                get("def.literal").map(|n| Part::Literal(unquote(self.text(n)).into())),
                get("def.path_template")
                    .and_then(|n| self.path_template(node, n))
                    .map(|p| Part::PathTemplate(Box::new(p))),
                get("def.env").map(|n| Part::Env(unquote(self.text(n)).into())),
            ]),
            locals: Box::default(),
            startup: false,
            file_code: prop.get("def.file_code").is_some(),
            member: prop.get("def.member").is_some(),
            slot: prop.get("def.slot").is_some(),
        });
    }

    /// The settings an object of defaults declares (nconf's
    /// `nconf.defaults({ admin: { path: '/adm' } })`, convict's schema
    /// `{ prefix: { default: '/api', env: 'API_PREFIX' } }`): one variable
    /// per key path (`admin.path`), its default as the literal and, in a
    /// schema, the environment variable that overrides it.
    fn settings_defaults(&mut self, object: Node, path: &str) {
        let mut cursor = object.walk();
        let entries: Vec<Node> = object.named_children(&mut cursor).collect();
        for entry in entries {
            let (Some(key), Some(value)) = (
                entry.child_by_field_name("key"),
                entry.child_by_field_name("value"),
            ) else {
                continue;
            };
            let name = format!("{path}{}", unquote(self.text(key)));
            let field = |wanted: &str| {
                let mut cursor = value.walk();
                let found = value.named_children(&mut cursor).find(|c| {
                    c.child_by_field_name("key")
                        .is_some_and(|k| unquote(self.text(k)) == wanted)
                });
                found
                    .and_then(|c| c.child_by_field_name("value"))
                    .filter(|v| v.kind().contains("string"))
            };
            let (literal, env) = if value.kind().contains("string") {
                (Some(value), None)
            } else if let Some(default) = field("default") {
                (Some(default), field("env"))
            } else {
                self.settings_defaults(value, &format!("{name}."));
                continue;
            };
            let text = |n: Option<Node>| n.map(|n| unquote(self.text(n)).into());
            self.facts.defs.push(Def {
                name: name.as_str().into(),
                kind: DefKind::Variable,
                class: None,
                parent: DefRef::NONE,
                span: Self::span(entry).into(),
                name_start: saturating_u32(key.start_byte()),
                pos: self.pos(key.start_byte()),
                mutable: false,
                declared_only: false,
                extra: DefExtra::of([text(literal).map(Part::Literal), text(env).map(Part::Env)]),
                locals: Box::default(),
                startup: false,
                file_code: false,
                member: false,
                slot: false,
            });
        }
    }

    fn on_call(&mut self, root: Node<'s>, caps: &[Captured<'s>], prop: Props) {
        // `@call.object` + `@call.callee`: a receiver and a method name
        // written apart (Java's `orders.find(id)`, `this::handle`).
        let object = capture(caps, "call.object");
        // Members of what is written that the framework calls
        // (`UseMiddleware<T>()` runs `T.Invoke` or `T.InvokeAsync`):
        // `#set! call.member "Invoke|InvokeAsync"`.
        let members: Vec<Option<&str>> = match prop.get("call.member") {
            Some(list) => list.split('|').map(Some).collect(),
            None => vec![None],
        };
        for cap in caps {
            let (is_reference, value) = match cap.name {
                "call.callee" => (false, false),
                "call.ref" => (true, false),
                "call.value" => (true, true),
                _ => continue,
            };
            let name = self.reference(cap.node);
            let callee = match object {
                Some(object) => format!("{}.{name}", self.reference(object)),
                None => name,
            };
            if callee.is_empty() {
                continue;
            }
            // Rebuilding a stale derived file (a compiled template): no
            // call of the request's own work.
            if self.in_rebuild_branch(root, cap.node) {
                continue;
            }
            let start = object.unwrap_or(cap.node).start_byte();
            let once = self.in_lazy_init(root, cap.node);
            let on_submit = self.in_submit_branch(root, cap.node);
            for member in &members {
                let call = Call {
                    callee: match member {
                        Some(member) => format!("{callee}.{member}").into(),
                        None => callee.as_str().into(),
                    },
                    def: DefRef::NONE,
                    holder: DefRef::NONE,
                    pos: self.pos(start),
                    is_reference,
                    once,
                    on_submit,
                    cli: false,
                    value,
                    framework_member: member.is_some(),
                };
                self.pending.calls.push((start, call));
            }
        }
    }

    fn on_import(&mut self, root: Node, caps: &[Captured], prop: Props) {
        let get = |n: &str| capture(caps, n);
        let Some(module_node) = get("import.module") else {
            return;
        };
        let include = prop.get("import.kind") == Some("file");
        if include {
            for module in self.include_paths(root, module_node) {
                self.push_import(caps, prop, module_node, module, include);
            }
        } else {
            let module = unquote(self.text(module_node)).to_string();
            self.push_import(caps, prop, module_node, module, include);
        }
    }

    fn push_import(
        &mut self,
        caps: &[Captured],
        prop: Props,
        module_node: Node,
        mut module: String,
        include: bool,
    ) {
        let get = |n: &str| capture(caps, n);
        // A grouped import's shared prefix (`use App\Models\{User, Post}`),
        // joined by `import.join`.
        if let Some(prefix) = get("import.prefix") {
            let join = prop.get("import.join").unwrap_or(".");
            module = format!("{}{join}{module}", self.text(prefix));
        }
        let name = get("import.name").map(|n| self.text(n).to_string());
        let alias = get("import.alias").map(|n| self.text(n).to_string());
        let kind = prop.get("import.kind").unwrap_or("");
        let (local, name) = match (kind, alias, name) {
            // Every name of a package or namespace (`import a.b.*`, `using A.B;`).
            ("wildcard", _, _) => ("*".to_string(), None),
            // A package imported by path binds its name (Go: `import
            // "github.com/go-chi/chi/v5"` binds `chi`).
            ("package", None, _) => (package_name(&module).to_string(), None),
            ("default", Some(alias), _) => (alias, Some("default".to_string())),
            (_, Some(alias), name) => (alias, name),
            (_, None, Some(name)) => (name.clone(), Some(name)),
            (_, None, None) => (module.clone(), None),
        };
        let pos = self.pos(module_node.start_byte());
        self.facts.imports.push(Import {
            local: local.into(),
            module: module.into(),
            name: name.map(Name::from),
            pos,
            include,
            start: saturating_u32(module_node.start_byte()),
        });
    }

    fn on_export(&mut self, caps: &[Captured], prop: Props) {
        let get = |n: &str| capture(caps, n);
        let from = get("export.from").map(|n| Name::new(unquote(self.text(n))));
        if let Some(node) = get("export.default") {
            self.facts.exports.push(Export {
                name: Name::new("default"),
                local: Some(Name::new(self.text(node))),
                from,
            });
        } else if let Some(node) = get("export.name") {
            let name = Name::new(self.text(node));
            let local = get("export.local").map_or(name.clone(), |n| Name::new(self.text(n)));
            self.facts.exports.push(Export {
                name,
                local: Some(local),
                from,
            });
        } else if prop.get("export.star").is_some() && from.is_some() {
            self.facts.exports.push(Export {
                name: Name::new("*"),
                local: None,
                from,
            });
        }
    }

    fn on_rule(&mut self, root: Node<'s>, rule_idx: usize, caps: &[Captured<'s>], prop: Props) {
        let Some(rule) = self.rules.rules.get(rule_idx) else {
            return;
        };
        let get = |n: &str| capture(caps, n);
        let Some(hit) = get("hit").or_else(|| caps.first().map(|c| c.node)) else {
            return;
        };
        // Rebuilding a stale derived file (a compiled template) from the
        // deployed one: each instance does it for itself.
        if self.in_rebuild_branch(root, hit) {
            return;
        }
        // A condition naming a capture the match lacks cannot hold.
        let named = |capture: Option<&str>| -> Result<Option<String>, ()> {
            match capture {
                None => Ok(None),
                Some(name) => get(name).map(|n| Some(self.text(n).to_string())).ok_or(()),
            }
        };
        let (Ok(target), Ok(bound), Ok(field), Ok(self_call)) = (
            // The callee of `calls_async` is kept where a module variable
            // would be: link resolves it by name; a closure's variable, for
            // the message.
            named(
                rule.when
                    .module_variable
                    .as_deref()
                    .or(rule.when.calls_async.as_deref())
                    .or(rule.when.closure_variable.as_deref()),
            ),
            named(rule.when.import_capture.as_deref()),
            named(rule.when.field.as_deref()),
            named(rule.when.self_call.as_deref()),
        ) else {
            return;
        };
        // State a returned closure keeps: named by its file and factory.
        let closure = match rule.when.closure_variable.as_deref() {
            Some(name) => match get(name).and_then(|n| self.closure_state(root, n)) {
                Some(state) => Some(state),
                None => return,
            },
            None => None,
        };
        if rule.when.skip_lazy_init {
            // A rule on state that is no module variable tests what it writes.
            let written = target
                .clone()
                .or_else(|| get("state").map(|n| self.text(n).to_string()));
            if let Some(target) = &written {
                if self.is_lazy_init(root, hit, target)
                    || (rule.kind == Kind::GlobalState && self.is_memo_write(root, hit, target))
                {
                    return;
                }
            }
        }
        if let Some(pattern) = rule.when.unless_after_regex() {
            if self.matched_after(hit, pattern) {
                return;
            }
        }
        if let Some(pattern) = rule.when.unless_in_function_regex() {
            if self.function_matches(root, hit, pattern) {
                return;
            }
        }
        if let Some(test) = &rule.when.unless_value {
            if let (Some(n), Some(re)) = (get(&test.capture), test.regex()) {
                if self.value_matches(root, n, re) {
                    return;
                }
            }
        }
        for (test, wanted) in [
            (&rule.when.unless_read_through, false),
            (&rule.when.if_read_through, true),
        ] {
            let Some(test) = test else { continue };
            let memo = get(&test.entry)
                .zip(get(&test.value))
                .is_some_and(|(entry, value)| self.is_read_through(root, entry, value));
            if memo != wanted {
                return;
            }
        }
        if let Some(test) = &rule.when.if_value {
            if !get(&test.capture)
                .zip(test.regex())
                .is_some_and(|(n, re)| self.value_matches(root, n, re))
            {
                return;
            }
        }
        if let Some(test) = &rule.when.unless_bounded {
            if !self.in_loop(root, hit)
                && get(&test.capture)
                    .zip(test.regex())
                    .is_some_and(|(n, re)| self.value_matches(root, n, re))
            {
                return;
            }
        }
        if let Some(branch) = rule.when.branch {
            if self.in_conditional(root, hit) != (branch == crate::rules::Branch::Inside) {
                return;
            }
        }
        if (rule.when.unless_env_override || rule.when.if_env_override)
            && self.env_overridden(root, hit) != rule.when.if_env_override
        {
            return;
        }
        if let Some(bounds) = &rule.when.unless_bounded_loop {
            if self.loop_bounded(hit, bounds) {
                return;
            }
        }
        let shipped = rule
            .when
            .unless_shipped_read
            .as_ref()
            .and_then(|test| self.shipped_read(root, hit, get(&test.capture)?, test));
        // The object the hit configures, when its value says it is a named
        // one (`audit` with `audit = logging.getLogger("audit")`): link
        // scopes the hit to the routes that use it.
        let target = target.or_else(|| {
            let test = rule.when.through_variable.as_ref()?;
            let node = get(&test.capture)?;
            // The name a declaration binds is tested by the value it binds
            // (`const logger = winston.createLogger(…)`).
            let value = node
                .parent()
                .filter(|p| p.child_by_field_name("name") == Some(node))
                .and_then(|p| p.child_by_field_name("value"))
                .unwrap_or(node);
            let named = self.value_matches(root, value, test.regex()?);
            named.then(|| self.text(node).to_string())
        });
        // What the function goes on to do with a capture (`if_later`).
        let if_later = rule.when.if_later.as_ref();
        let later = match if_later.and_then(|test| Some((test, capture(caps, &test.capture)?))) {
            Some((test, node)) => match self.later_in_function(root, hit, &test.matches, node) {
                Some(group) => group,
                None => return,
            },
            None => None,
        };
        // What the function goes on to do with a capture that rules the hit
        // out (`unless_later`: `p = Popen(…)` then `p.wait()`).
        if let Some(test) = rule.when.unless_later.as_ref() {
            if let Some(node) = capture(caps, &test.capture) {
                if self
                    .later_in_function(root, hit, &test.matches, node)
                    .is_some()
                {
                    return;
                }
            }
        }
        // What the hit shares: a capture, or a fixed value (`#set! state "aspnetcore"`).
        let valued = rule.when.state_value.as_ref().and_then(|test| {
            let node = get(&test.capture)?;
            Some(self.value_group(root, node, test.regex()?))
        });
        let state = match valued {
            // The value names no state the rule knows.
            Some(None) => return,
            Some(state) => state,
            None => closure.or(later).or_else(|| {
                get("state")
                    .map(|n| unquote(self.text(n)).to_string())
                    .or_else(|| prop.get("state").map(str::to_string))
            }),
        };
        // Started once by whatever first runs it (a timer, a socket server):
        // what start-up runs first, no route repeats.
        let once = rule.kind.matters_at_startup() && self.in_lazy_init(root, hit);
        let on_submit = self.in_submit_branch(root, hit);
        let guard_flag = self.guarding_flag(root, hit);
        self.pending.hits.push(RawHit {
            rule: rule_idx,
            once,
            on_submit,
            span: Self::span(hit),
            pos: self.pos(hit.start_byte()),
            end: self.pos(hit.end_byte()),
            state,
            target,
            bound,
            field,
            self_call,
            shipped,
            guard_flag,
        });
    }

    /// Whether the text of the innermost function holding `hit`, after it,
    /// matches `pattern` with `{}` as `name`'s text: Some with the first
    /// group, if the pattern has one; None when it does not match.
    fn later_in_function(
        &self,
        root: Node<'s>,
        hit: Node<'s>,
        pattern: &str,
        name: Node,
    ) -> Option<Option<String>> {
        let re = regex::Regex::new(&pattern.replace("{}", &regex::escape(self.text(name)))).ok()?;
        let function = self.enclosing_function(root, hit)?;
        let after = self.source.get(hit.end_byte()..function.end_byte())?;
        let found = re.captures(after)?;
        Some(found.get(1).map(|m| m.as_str().to_string()))
    }

    /// Whether a statement after `hit` (a statement) in its block matches
    /// `pattern`.
    /// Or after a statement that holds it, up to its function (a `wg.Wait()`
    /// after the loop that starts the goroutines).
    fn matched_after(&self, hit: Node, pattern: &regex::Regex) -> bool {
        std::iter::successors(Some(hit), |n| {
            n.parent()
                .filter(|p| !p.kind().starts_with("func") && !lazy_init::is_function(p.kind()))
        })
        .enumerate()
        .any(|(depth, at)| {
            // Beyond the hit's own block, only a simple statement joins (a
            // loop's body that receives from a channel is no join).
            std::iter::successors(at.next_named_sibling(), |n| n.next_named_sibling())
                .filter(|n| depth == 0 || is_simple_statement(n.kind()))
                .any(|n| pattern.is_match(self.text(n)))
        })
    }

    /// Whether the text of the innermost function holding `hit` matches `pattern`.
    fn function_matches(&self, root: Node<'s>, hit: Node<'s>, pattern: &regex::Regex) -> bool {
        self.enclosing_function(root, hit)
            .is_some_and(|f| pattern.is_match(self.text(f)))
    }

    /// Resolves pending facts against the definitions, now that all are known.
    fn finish(mut self) -> FileFacts {
        let defs = organise_defs(std::mem::take(&mut self.facts.defs));
        self.facts.defs = defs;
        let index = DefIndex::new(&self.facts.defs);
        for (start, methods) in std::mem::take(&mut self.pending.methods_for) {
            if let Some(idx) = index.by_start(&self.facts.defs, start) {
                self.facts.defs[idx].extra.set_methods(methods);
            }
        }
        for (start, name) in std::mem::take(&mut self.pending.annotations_for) {
            if let Some(idx) = index.by_start(&self.facts.defs, start) {
                self.facts.defs[idx].extra.add_annotation(name.into());
            }
        }
        for (start, pointcut) in std::mem::take(&mut self.pending.pointcuts_for) {
            if let Some(idx) = index.by_start(&self.facts.defs, start) {
                self.facts.defs[idx]
                    .extra
                    .set(Part::Pointcut(pointcut.into()));
            }
        }
        for (start, class) in std::mem::take(&mut self.pending.listeners_for) {
            if let Some(idx) = index.by_start(&self.facts.defs, start) {
                self.facts.defs[idx].extra.add_listener(class);
            }
        }
        for (start, detail, path) in std::mem::take(&mut self.pending.actions_for) {
            if let Some(idx) = index.by_start(&self.facts.defs, start) {
                self.facts.defs[idx].extra.update_action(detail, path);
            }
        }
        self.fold_concats();
        for (name_start, base) in std::mem::take(&mut self.pending.bases_for) {
            if let Some(def) = self
                .facts
                .defs
                .iter_mut()
                .find(|d| d.name_start() == name_start)
            {
                def.extra.add_base(base.into());
            }
        }
        let mut globals: Vec<(usize, String)> = Vec::new();
        let mut locals: Vec<Vec<Name>> = vec![Vec::new(); self.facts.defs.len()];
        for (byte, name, is_global) in std::mem::take(&mut self.pending.locals) {
            if let Some(def) = index.enclosing_function(&self.facts.defs, byte) {
                if is_global {
                    globals.push((def, name));
                } else if !locals[def].iter().any(|l| *l == name) {
                    locals[def].push(name.into());
                }
            }
        }
        for (def, name) in globals {
            locals[def].retain(|l| *l != name);
        }
        for (def, names) in self.facts.defs.iter_mut().zip(locals) {
            if !names.is_empty() {
                def.locals = names.into_boxed_slice();
            }
        }
        for (byte, name, type_name, is_static, of_app) in std::mem::take(&mut self.pending.fields) {
            let class = if of_app {
                Some(Name::new(Field::APP))
            } else {
                self.facts
                    .defs
                    .iter()
                    .filter(|d| {
                        d.kind == DefKind::Class
                            && d.span.get().start <= byte
                            && byte < d.span.get().end
                    })
                    .min_by_key(|d| d.span.get().end - d.span.get().start)
                    .map(|d| d.name.clone())
            };
            if let Some(class) = class {
                self.facts.fields.push(Field {
                    class,
                    name: name.into(),
                    type_name,
                    is_static,
                });
            }
        }
        // One field matched by several patterns: static if any says so.
        self.facts.fields.sort_by(|a, b| {
            (&a.class, &a.name, !a.is_static).cmp(&(&b.class, &b.name, !b.is_static))
        });
        // A type another pattern found fills the gap of one that had none.
        // A field keeps every type assigned to it: which one it holds is
        // picked at run time (`$this->io = new ConfigPhp()` in one branch,
        // `new ConfigJson()` in the other; the application's
        // `app.events = RedisEvents()` or `EventManager()` by configuration).
        self.facts.fields.edit(|fields| {
            fields.dedup_by(|later, first| {
                let same = later.class == first.class
                    && later.name == first.name
                    && (first.type_name.is_empty()
                        || later.type_name.is_empty()
                        || first.type_name == later.type_name);
                if same && first.type_name.is_empty() {
                    first.type_name = std::mem::take(&mut later.type_name);
                }
                same
            })
        });
        // One declaration matched by several patterns (bare, with `only:`,
        // with `except:`): one callback with every list.
        let mut declared = std::mem::take(&mut self.pending.callbacks);
        declared.sort_by_key(|(byte, _)| *byte);
        declared.dedup_by(|later, first| {
            let same = later.0 == first.0;
            if same {
                first.1.only.append(&mut later.1.only);
                first.1.except.append(&mut later.1.except);
            }
            same
        });
        for (byte, callback) in declared {
            let class = self
                .facts
                .defs
                .iter()
                .enumerate()
                .filter(|(_, d)| {
                    d.kind == DefKind::Class
                        && d.span.get().start <= byte
                        && byte < d.span.get().end
                })
                .min_by_key(|(_, d)| d.span.get().end - d.span.get().start)
                .map(|(i, _)| i);
            if let Some(class) = class {
                self.facts.defs[class].extra.add_callback(callback);
            }
        }
        for entry in std::mem::take(&mut self.pending.entries) {
            for def in self
                .facts
                .defs
                .iter_mut()
                .filter(|d| d.kind == DefKind::Function && d.span.get() == entry)
            {
                def.startup = true;
            }
        }
        let receivers = self.receivers(&index);
        for (start, class, field, value) in std::mem::take(&mut self.pending.bindings) {
            let def = index.enclosing_function(&self.facts.defs, start);
            let value = receivers.name_at(&self.facts.defs, &index, start, value);
            self.facts.bindings.push(FieldBinding {
                class,
                field,
                value,
                def,
            });
        }
        let mut calls = std::mem::take(&mut self.pending.calls);
        calls.sort_by(|(a, x), (b, y)| {
            (a, x.is_reference, &x.callee).cmp(&(b, y.is_reference, &y.callee))
        });
        calls.dedup_by(|a, b| a.0 == b.0 && a.1.callee == b.1.callee);
        let vars = module_variables(&self.facts.defs);
        let mut cli = std::mem::take(&mut self.pending.cli);
        cli.extend(self.pending.flags.branches());
        let mut regions: Vec<CliRegion> = cli
            .iter()
            .map(|c| CliRegion {
                start: self.pos(c.start),
                end: self.pos(c.end),
            })
            .collect();
        regions.sort_unstable();
        regions.dedup();
        self.facts.cli_regions = regions.into();
        for (start, mut call) in calls {
            let def = index.enclosing_function(&self.facts.defs, start);
            call.def = def_index(def);
            call.cli = cli.iter().any(|c| c.start <= start && start < c.end);
            if let Some(callee) = receivers.rewrite(
                &self.facts.defs,
                def,
                start,
                &call.callee,
                call.is_reference,
            ) {
                call.callee = callee.into();
            }
            // A local passed as a value points at nothing link follows
            // (`resolve_reference`): not kept, three references in four. A
            // member read off it (`@call.value`, `$container->history`) may
            // name a container's factory (src/link/slots.rs).
            if call.is_reference && !call.value && self.facts.root_is_local(def, &call.callee) {
                continue;
            }
            if def.is_none() {
                call.holder = def_index(holding_variable(&vars, start));
            }
            self.facts.calls.push(call);
        }
        let handler_lists = std::mem::take(&mut self.pending.route_handlers);
        for (route, handlers) in self.facts.routes.iter_mut().zip(handler_lists) {
            route.handlers = handlers
                .into_iter()
                .map(|(start, span, text)| {
                    match index.by_start(&self.facts.defs, start).filter(|&i| {
                        let d = &self.facts.defs[i];
                        d.kind == DefKind::Function
                            && (d.name_start() == start || d.span.get() == span)
                    }) {
                        Some(idx) => HandlerRef::Def(idx),
                        None => HandlerRef::Name(receivers.name_at(
                            &self.facts.defs,
                            &index,
                            start,
                            text,
                        )),
                    }
                })
                .collect();
        }
        let wrapped_lists = std::mem::take(&mut self.pending.route_wrapped);
        for (route, wrapped) in self.facts.routes.iter_mut().zip(wrapped_lists) {
            route.wrapped = wrapped
                .into_iter()
                .map(|(start, text)| {
                    HandlerRef::Name(receivers.name_at(&self.facts.defs, &index, start, text))
                })
                .collect();
        }
        self.receiver_routers(&receivers, &index);
        if !receivers.is_empty() {
            for mount in &mut self.facts.mounts {
                if let MountChild::Name(name) = &mount.child {
                    let def = index.enclosing_function(&self.facts.defs, mount.span.start);
                    if let Some(name) =
                        receivers.rewrite(&self.facts.defs, def, mount.span.start, name, true)
                    {
                        mount.child = MountChild::Name(name);
                    }
                }
            }
        }
        self.scope_handlers();
        self.facts.routes.edit(merge_routes);
        let shallow = std::mem::take(&mut self.pending.shallow);
        for route in &mut self.facts.routes {
            if let Some((_, how)) = shallow.iter().find(|(at, _)| at.contains(route.span)) {
                route.shallow = Some(Box::new(how.clone()));
            }
        }
        self.expand_loop_routes();
        let imports = &self.facts.imports;
        self.facts.routes.retain(|r| {
            r.requires_import
                .as_deref()
                .is_none_or(|wanted| imports.iter().any(|i| module_matches(&i.module, wanted)))
        });
        self.limit_hook_paths();
        self.facts.mounts.edit(dedup_mounts);
        self.finish_hits(&index, &vars, &receivers, &cli);
        self.facts
            .imports
            .sort_by(|a, b| (a.pos, &a.local).cmp(&(b.pos, &b.local)));
        self.facts
            .imports
            .dedup_by(|a, b| a.local == b.local && a.module == b.module && a.name == b.name);
        self.facts.shrink_to_fit();
        self.facts
    }

    /// Routers kept in a field of a method's receiver (`s.echo.Use(mw)` in
    /// one method, `s.echo.Group("")` in another file's): named as the
    /// field of the receiver's type (`Server.echo`), so routes, mounts and
    /// hooks written through any receiver of that type meet on one router.
    fn receiver_routers(&mut self, receivers: &receivers::Receivers, index: &DefIndex) {
        let defs = &self.facts.defs;
        let field = |start: usize, name: &str| {
            receivers.receiver_field(defs, index.enclosing_function(defs, start), name)
        };
        let starts = std::mem::take(&mut self.pending.router_starts);
        for (router, start) in self.facts.routers.iter_mut().zip(starts) {
            if let Some(name) = field(start, &router.name) {
                router.name = name;
            }
        }
        for route in &mut self.facts.routes {
            if let Some(name) = route
                .router
                .as_deref()
                .and_then(|r| field(route.span.start, r))
            {
                route.router = Some(name);
            }
        }
        for mount in &mut self.facts.mounts {
            if let Some(name) = mount
                .parent
                .as_deref()
                .and_then(|p| field(mount.span.start, p))
            {
                mount.parent = Some(name);
            }
        }
    }

    /// Methods declared outside their type get it as their class; their
    /// receivers and the typed locals of functions, for rewriting names.
    fn receivers(&mut self, index: &DefIndex) -> receivers::Receivers {
        let mut out = receivers::Receivers::default();
        for (name_start, owner, receiver) in std::mem::take(&mut self.pending.owners) {
            let Some(def) = self
                .facts
                .defs
                .iter()
                .position(|d| d.name_start() == name_start && d.kind == DefKind::Function)
            else {
                continue;
            };
            if self.facts.defs[def].class.is_none() {
                self.facts.defs[def].class = Some(Name::new(&owner));
            }
            if let Some(receiver) = receiver {
                out.add_self(def, receiver, owner);
            }
        }
        for (byte, name, type_name) in std::mem::take(&mut self.pending.typed_locals) {
            if let Some(def) = index.enclosing_function(&self.facts.defs, byte) {
                out.add_typed(def, byte, name, type_name);
            }
        }
        for (byte, name) in std::mem::take(&mut self.pending.rebound_locals) {
            if let Some(def) = index.enclosing_function(&self.facts.defs, byte) {
                out.add_rebound(def, byte, name);
            }
        }
        for (byte, name, of) in std::mem::take(&mut self.pending.elements) {
            if let Some(def) = index.enclosing_function(&self.facts.defs, byte) {
                out.add_element(def, name, of);
            }
        }
        // Relays are methods: their class is known once receivers are read.
        for (name_start, method, field) in std::mem::take(&mut self.pending.relays) {
            let class = self
                .facts
                .defs
                .iter()
                .find(|d| d.name_start() == name_start && d.kind == DefKind::Function)
                .and_then(|d| d.class.as_deref().map(str::to_string));
            if let Some(class) = class {
                self.facts.relays.push(Relay {
                    class,
                    method,
                    field,
                });
            }
        }
        out
    }

    /// Routes inside scopes (`namespace :admin do … end`): a route without a
    /// handler of its own takes its scope's class and the path as the
    /// action (`get :search` in `resources :photos` → `PhotosController.search`),
    /// and every handler named gets the modules of the scopes around it,
    /// outermost first (`Admin::UsersController.show`).
    fn scope_handlers(&mut self) {
        let mut scopes = std::mem::take(&mut self.pending.scopes);
        if scopes.is_empty() {
            return;
        }
        scopes.sort_by_key(|(span, _, _)| (span.start, std::cmp::Reverse(span.end)));
        let from_path = std::mem::take(&mut self.pending.handler_from_path);
        for route in &mut self.facts.routes {
            if route.handlers.is_empty() {
                let action = from_path.iter().find(|(span, _)| *span == route.span);
                let class = scopes
                    .iter()
                    .rev()
                    .filter(|(span, _, _)| span.contains(route.span))
                    .find_map(|(_, _, handler)| handler.as_deref());
                if let (Some((_, action)), Some(class)) = (action, class) {
                    route
                        .handlers
                        .push(HandlerRef::Name(format!("{class}.{action}")));
                }
            }
            let modules: String = scopes
                .iter()
                .filter(|(span, _, _)| span.contains(route.span))
                .filter_map(|(_, module, _)| module.as_deref())
                .collect();
            if modules.is_empty() {
                continue;
            }
            for handler in &mut route.handlers {
                if let HandlerRef::Name(name) = handler {
                    *name = format!("{modules}{name}");
                }
            }
        }
    }

    /// Variables initialised by a concatenation of string constants of this
    /// file (`PRODUCTS = API + "/products"`) get the folded value as their
    /// literal; in declaration order, so a constant may build on earlier ones.
    fn fold_concats(&mut self) {
        for (name_start, pieces) in std::mem::take(&mut self.pending.concats) {
            let defs = &self.facts.defs;
            let value = fold(&pieces, &|name: &str| {
                let name = name.rsplit('.').next().unwrap_or(name);
                defs.iter()
                    .find(|d| d.kind == DefKind::Variable && d.name == name)
                    .and_then(|d| d.literal().map(str::to_string))
            });
            if let (Some(value), Some(def)) = (
                value,
                self.facts
                    .defs
                    .iter_mut()
                    .find(|d| d.name_start() == name_start && d.kind == DefKind::Variable),
            ) {
                def.extra.set(Part::Literal(value.into()));
            }
        }
    }

    fn finish_hits(
        &mut self,
        index: &DefIndex,
        vars: &[(usize, usize, usize)],
        receivers: &receivers::Receivers,
        cli: &[Span],
    ) {
        let mut hits = std::mem::take(&mut self.pending.hits);
        // One place matched by several patterns of a rule: the one that
        // names its state is kept (`@CacheEvict("x")` over a bare `@CacheEvict`),
        // then the one that names its target.
        hits.sort_by_key(|h| {
            let unnamed = (h.state.is_none(), h.target.is_none());
            (h.span.start, h.rule, h.span.end, unnamed)
        });
        hits.dedup_by_key(|h| (h.span.start, h.rule));
        let mut suppressions = Suppressions::parse(self.source);
        for raw in hits {
            let rule = &self.rules.rules[raw.rule];
            let def = index.enclosing_function(&self.facts.defs, raw.span.start);
            let scope_ok = match rule.when.scope {
                Scope::Any => true,
                Scope::Function => def.is_some(),
                Scope::Module => def.is_none(),
            };
            let field_ok = raw
                .field
                .as_deref()
                .is_none_or(|name| members::uses_field(&self.facts, def, name, &rule.when));
            let imports_ok = rule.when.imports.is_empty()
                || self.facts.imports.iter().any(|imp| {
                    rule.when
                        .imports
                        .iter()
                        .any(|wanted| module_matches(&imp.module, wanted))
                });
            let self_call_ok = raw
                .self_call
                .as_deref()
                .is_none_or(|name| names_enclosing(&self.facts.defs, def, name));
            if scope_ok && imports_ok && field_ok && self_call_ok {
                let mut extra = HitExtra::new(
                    suppressions.find(&rule.id, rule.kind, raw.pos.line),
                    Box::default(),
                );
                if raw.shipped.is_some() {
                    extra.get_or_insert_with(Box::default).shipped = raw.shipped;
                }
                if let Some(setters) = raw
                    .guard_flag
                    .as_deref()
                    .and_then(|flag| self.flag_setters(index, def, flag))
                {
                    extra.get_or_insert_with(Box::default).flag_setters = Some(setters);
                }
                let mut hit = Hit::new(raw.rule, raw.pos, raw.end, raw.span.into());
                hit.extra = extra;
                let holder = def
                    .is_none()
                    .then(|| holding_variable(vars, raw.span.start));
                hit.set_place(def, holder.flatten());
                hit.set_flags(
                    raw.once,
                    raw.on_submit,
                    cli.iter().any(|c| c.contains(raw.span)),
                );
                hit.state = raw.state.map(Name::from);
                // A field written through the method's receiver (`a.clients`)
                // is the type's member: `this.clients`.
                hit.target = raw.target.or(raw.field).map(|t| {
                    receivers
                        .rewrite(&self.facts.defs, def, raw.span.start, &t, false)
                        .unwrap_or(t)
                        .into()
                });
                hit.bound = raw.bound.map(Name::from);
                // Checked after `suppressions.find`: a comment over a hit
                // link would drop is used all the same.
                if !self.facts.hit_names_local(&hit, &rule.when) {
                    self.facts.hits.push(hit);
                }
            }
        }
        self.facts.unused_suppressions = suppressions.unused().into();
    }
}

/// The name a package imported by path binds: its last element, without a
/// major-version element (`/v5`) or suffix (`yaml.v3`) and without a `go-`
/// or `golang-` prefix or `-go` suffix (`github.com/redis/go-redis/v9` →
/// `redis`).
fn package_name(path: &str) -> &str {
    let mut parts = path.rsplit('/');
    let mut last = parts.next().unwrap_or(path);
    let is_version = |s: &str| {
        s.strip_prefix('v')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    if is_version(last) {
        last = parts.next().unwrap_or(last);
    }
    if let Some((stem, version)) = last.rsplit_once('.') {
        if is_version(version) {
            last = stem;
        }
    }
    let last = last
        .strip_prefix("go-")
        .or_else(|| last.strip_prefix("golang-"))
        .unwrap_or(last);
    last.strip_suffix("-go").unwrap_or(last)
}

/// The HTTP methods named as words in `text` (`RequestMethod.PUT`).
fn http_method_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| HTTP_VERBS.contains(w))
        .map(str::to_string)
        .collect()
}

/// The text of a concatenation when every piece is known.
fn fold(prefix: &Prefix, lookup: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    match prefix {
        Prefix::Literal(text) => Some(text.clone()),
        Prefix::Name(name) => lookup(name),
        Prefix::Concat(pieces) => pieces.iter().map(|p| fold(p, lookup)).collect(),
        Prefix::Env { default, .. } => default.clone(),
        Prefix::Param(_) | Prefix::Call(_) => None,
    }
}

/// `flask_session` matches `flask_session` and `flask_session.x`; JS package
/// names match their subpaths too (`lru-cache` ~ `lru-cache/min`).
pub fn module_matches(module: &str, wanted: &str) -> bool {
    module == wanted
        || module
            .strip_prefix(wanted)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('/'))
        || (wanted.ends_with('/') && module.starts_with(wanted))
}

fn frameworks(value: Option<&str>) -> Vec<String> {
    value
        .map(|v| v.split('|').map(str::to_string).collect())
        .unwrap_or_default()
}

/// A statement that holds no other (a call, an assignment, a declaration,
/// a return).
fn is_simple_statement(kind: &str) -> bool {
    [
        "expression_statement",
        "assignment",
        "var_declaration",
        "return",
    ]
    .iter()
    .any(|k| kind.contains(k))
}

/// The part of `text` that makes its reference: everything from the first
/// call on is dropped ([`normalize_reference`]), so it is cut before the
/// rewrites when they keep the `(` in place (a callee's text may hold a
/// whole closure), unless what follows is `(this)` once rewritten, which
/// drops the `.bind` before it too.
fn reference_text(lang: Lang, text: &str) -> &str {
    match text.find('(') {
        Some(at) if lang.rewrites_keep('(') && !binds_this(lang, &text[at..]) => &text[..at],
        _ => text,
    }
}

/// Whether `rest`, the text from a name's first `(`, is the `(this)` of a
/// `.bind(this)` once rewritten and compacted (a second `(` rules it out).
fn binds_this(lang: Lang, rest: &str) -> bool {
    let after = rest.get(1..).unwrap_or_default();
    !after.contains('(') && { without_spaces(&lang.dotted_name(rest)) == "(this)" }
}

/// Removes whitespace and anything from the first call on: a middleware
/// factory `auth.requireRole('admin')` names `auth.requireRole`, and
/// `this.list.bind(this)` names `this.list`. Generic arguments and null
/// checks are no part of a name: `services.AddSingleton<Cache>` names
/// `services.AddSingleton`, `client?.Send` and `client!.Send` name
/// `client.Send`; a name may end in `?` or `!` (Ruby's `save!`).
fn normalize_reference(text: &str) -> String {
    let compact = without_spaces(text);
    let compact = compact.strip_suffix(".bind(this)").unwrap_or(&compact);
    let compact = compact.split('(').next().unwrap_or(compact);
    if !compact.contains(['<', '?', '!']) {
        return compact.to_string();
    }
    let mut out = String::with_capacity(compact.len());
    let mut depth = 0usize;
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        // A null check is followed by a member or an index; a `?` or `!`
        // that ends a name is part of it (Ruby's `valid?`, `save!`).
        let null_check = matches!(chars.peek(), Some('.' | '['));
        match c {
            '<' => depth += 1,
            '>' if depth > 0 => depth -= 1,
            '?' | '!' if depth == 0 && null_check => {}
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    if depth > 0 {
        // Not a generic argument list (`a<b`): as written.
        return compact.to_string();
    }
    out
}

/// `text` without its white space, as its `split_whitespace` words joined
/// (`m[ k ]` is `m[k]`): `text` itself, not copied, when none of its bytes
/// can be white space (ASCII's is `\t` to `\r` and the space; any other
/// is beyond ASCII).
pub(super) fn without_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    let spaced = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ') || !b.is_ascii();
    if text.as_bytes().iter().any(spaced) {
        std::borrow::Cow::Owned(text.split_whitespace().collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Sorts defs by position, drops duplicates (a decorated Python function is
/// matched bare and with its decorators: the wider span wins), and fills in
/// parents and classes.
fn organise_defs(mut defs: Vec<Def>) -> Vec<Def> {
    let rank = |d: &Def| (d.kind == DefKind::Variable) as u8;
    defs.sort_by(|a, b| {
        (
            a.name_start,
            rank(a),
            std::cmp::Reverse(a.span.get().end - a.span.get().start),
        )
            .cmp(&(
                b.name_start,
                rank(b),
                std::cmp::Reverse(b.span.get().end - b.span.get().start),
            ))
    });
    defs.dedup_by(|later, first| {
        let same = later.name_start == first.name_start;
        if same {
            first.mutable |= later.mutable;
            first.declared_only |= later.declared_only;
            first.member |= later.member;
            first.slot |= later.slot;
            first.extra.merge_missing(std::mem::take(&mut later.extra));
        }
        same
    });
    // The same function captured named (`exports.list = async () => …`) and
    // anonymous (the arrow function itself) is one def: keep the name.
    defs.sort_by_key(|d| {
        (
            d.span.get().start,
            std::cmp::Reverse(d.span.get().end),
            d.name == "<anonymous>",
        )
    });
    defs.dedup_by(|later, first| {
        later.span == first.span
            && later.kind == first.kind
            && later.kind == DefKind::Function
            && later.name == "<anonymous>"
    });
    let mut stack: Vec<usize> = Vec::new();
    for idx in 0..defs.len() {
        while let Some(&top) = stack.last() {
            if defs[top].span.get().contains(defs[idx].span.get()) && top != idx {
                break;
            }
            stack.pop();
        }
        let parent = stack
            .iter()
            .rev()
            .copied()
            .find(|&p| defs[p].kind != DefKind::Variable);
        defs[idx].parent = def_index(parent);
        defs[idx].class = parent
            .filter(|&p| defs[p].kind == DefKind::Class && defs[idx].kind != DefKind::Class)
            .map(|p| defs[p].name.clone());
        stack.push(idx);
    }
    defs
}

/// Module-level variable declarations as (start, end, def), sorted: they do
/// not nest, so the one holding a byte is found by binary search.
fn module_variables(defs: &[Def]) -> Vec<(usize, usize, usize)> {
    let mut vars: Vec<_> = defs
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == DefKind::Variable && d.parent().is_none())
        .map(|(i, d)| (d.span.get().start, d.span.get().end, i))
        .collect();
    vars.sort_unstable();
    vars
}

/// The module-level variable whose declaration contains `byte`.
fn holding_variable(vars: &[(usize, usize, usize)], byte: usize) -> Option<usize> {
    let at = vars.partition_point(|&(start, _, _)| start <= byte);
    let &(_, end, def) = vars.get(at.checked_sub(1)?)?;
    (byte < end).then_some(def)
}

/// Whether `name` (bare, or `this.`/`self.` and a member) names the
/// function `def` or a function around it.
fn names_enclosing(defs: &[Def], def: Option<usize>, name: &str) -> bool {
    let name = ["this.", "self."]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    std::iter::successors(def, |&d| defs[d].parent())
        .any(|d| defs[d].kind == DefKind::Function && defs[d].name == name)
}

/// Finds definitions by position.
struct DefIndex {
    /// Function and class defs' (span start, idx), sorted.
    starts: Vec<(usize, usize)>,
}

impl DefIndex {
    fn new(defs: &[Def]) -> Self {
        let starts = defs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.kind != DefKind::Variable)
            .map(|(i, d)| (d.span.get().start, i))
            .collect();
        DefIndex { starts }
    }

    /// The def whose node or name starts at `start`.
    fn by_start(&self, defs: &[Def], start: usize) -> Option<usize> {
        defs.iter()
            .position(|d| d.name_start() == start && d.kind != DefKind::Variable)
            .or_else(|| {
                let at = self.starts.partition_point(|&(s, _)| s < start);
                self.starts
                    .get(at)
                    .filter(|&&(s, _)| s == start)
                    .map(|&(_, i)| i)
            })
    }

    /// The innermost function containing `byte`.
    fn enclosing_function(&self, defs: &[Def], byte: usize) -> Option<usize> {
        let at = self.starts.partition_point(|&(s, _)| s <= byte);
        let mut candidate = at.checked_sub(1).map(|i| self.starts[i].1);
        while let Some(idx) = candidate {
            let def = &defs[idx];
            if def.span.get().start <= byte && byte < def.span.get().end {
                if def.kind == DefKind::Function {
                    return Some(idx);
                }
                // Inside a class body but outside its methods.
                return None;
            }
            candidate = def.parent();
        }
        None
    }
}

/// Counts ERROR and MISSING nodes, visiting only subtrees that have errors.
fn count_errors(root: Node) -> usize {
    if !root.has_error() {
        return 0;
    }
    let mut count = 0;
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.is_error() || node.is_missing() {
            count += 1;
            continue;
        }
        let mut cursor = node.walk();
        for child in node.children(&mut cursor) {
            if child.has_error() {
                stack.push(child);
            }
        }
    }
    count
}

/// The path an include names: a plain string's text, or a string with
/// interpolations (`"pages/{$page}.php"`) with a `*` for each
/// (`pages/*.php`).
fn include_path(node: Node, source: &str) -> String {
    let text = |n: Node| source.get(n.byte_range()).unwrap_or_default();
    if node.named_child_count() == 0 {
        return unquote(text(node)).to_string();
    }
    let mut path = String::new();
    let mut cursor = node.walk();
    for child in node.named_children(&mut cursor) {
        match child.kind() {
            "string_content" | "string_value" | "escape_sequence" => path.push_str(text(child)),
            _ if !path.ends_with('*') => path.push('*'),
            _ => {}
        }
    }
    path
}

/// Every node of a tree, in document order: what tests walk to compare a
/// search that skips subtrees with one that looks at everything.
#[cfg(test)]
pub(crate) fn all_nodes(root: Node) -> Vec<Node> {
    let mut all = Vec::new();
    let mut cursor = root.walk();
    loop {
        all.push(cursor.node());
        if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return all;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        fact_budget, normalize_reference, package_name, reference_text, Lang, BASE_FACT_BYTES,
        FACT_BYTES_PER_BYTE, MAX_FACT_BYTES,
    };

    #[test]
    fn the_facts_budget_grows_with_the_file_up_to_a_bound() {
        assert_eq!(fact_budget(0), BASE_FACT_BYTES);
        assert_eq!(
            fact_budget(100_000),
            BASE_FACT_BYTES + 100_000 * FACT_BYTES_PER_BYTE
        );
        assert_eq!(fact_budget(30 << 20), MAX_FACT_BYTES);
        assert_eq!(fact_budget(usize::MAX), MAX_FACT_BYTES);
    }

    /// A reference made from the text cut at its first call is the one
    /// made from the whole text, in every language.
    #[test]
    fn a_reference_is_the_same_from_the_text_cut_at_its_first_call() {
        let texts = [
            "app.get",
            "auth.requireRole('admin')",
            "this.handle.bind(this)",
            "this.handle.bind( this )",
            "handler.bind($this)",
            "f(a).bind(this)",
            "$this->orders->find($id, function ($q) { return $q->where('a'); })",
            "User::query()->where('x', 1)->get()",
            "Foo<Bar>(x)",
            "a?.b!.c(d)",
            "obj.valid?",
            "list.map(x => x.bind(this))",
            "(function () {})()",
            "  spaced .name\n ( arg )",
            "",
        ];
        for lang in Lang::all() {
            for text in texts {
                assert_eq!(
                    normalize_reference(&lang.dotted_name(reference_text(lang, text))),
                    normalize_reference(&lang.dotted_name(text)),
                    "{}: {text}",
                    lang.name()
                );
            }
        }
        let php = Lang::by_name("php").unwrap();
        assert_eq!(reference_text(php, "a->b($c)->d()"), "a->b");
        assert_eq!(reference_text(php, "a->bind($this)"), "a->bind($this)");
    }

    #[test]
    fn import_paths_bind_their_package_name() {
        for (path, name) in [
            ("net/http", "http"),
            ("github.com/go-chi/chi/v5", "chi"),
            ("github.com/redis/go-redis/v9", "redis"),
            ("gopkg.in/yaml.v3", "yaml"),
            ("github.com/hashicorp/golang-lru/v2", "lru"),
            ("github.com/acme/shop/internal/users", "users"),
            ("v2", "v2"),
        ] {
            assert_eq!(package_name(path), name, "{path}");
        }
    }
}
