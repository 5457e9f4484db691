//! Rules as data: the TOML schema, loading with errors that point at the
//! offending line (miette), and the built-in pack embedded in the binary.

pub mod docs;
pub mod fixtures;
pub mod literals;
pub mod tree;
pub mod vet;

use crate::lang::{rule_languages, Lang};
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// What a finding is about; the design card's table of kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Session,
    GlobalState,
    InMemoryCache,
    LocalFs,
    LongLivedConnection,
    BackgroundWork,
    ConnectionPerRequest,
    LongRunning,
    HeavyStartup,
    VendorSdk,
}

impl Kind {
    /// Whether code of this kind matters when it runs at start-up, outside
    /// any request (a scheduler started at boot, a socket server, a model
    /// loaded at import, a log file opened), and not only on a route. The
    /// other kinds (state written, a cache, a session, a connection, a wait)
    /// are about the request path: off it, they are not judged.
    pub fn matters_at_startup(self) -> bool {
        matches!(
            self,
            Kind::BackgroundWork | Kind::LongLivedConnection | Kind::HeavyStartup | Kind::LocalFs
        )
    }

    /// Whether every cold start pays for code of this kind that start-up
    /// runs (a model loaded in a startup hook), whichever route the new
    /// instance then serves.
    pub fn paid_by_every_cold_start(self) -> bool {
        matches!(self, Kind::HeavyStartup)
    }

    /// Whether the kind is about the time limit of an HTTP request (a wait
    /// or a subprocess beyond the platform's timeout): it counts only where
    /// an HTTP route reaches it. The socket endpoint needs a long-lived
    /// process anyway, and nothing times out at start-up.
    pub fn bounded_by_request(self) -> bool {
        matches!(self, Kind::LongRunning)
    }

    pub const ALL: [Kind; 10] = [
        Kind::Session,
        Kind::GlobalState,
        Kind::InMemoryCache,
        Kind::LocalFs,
        Kind::LongLivedConnection,
        Kind::BackgroundWork,
        Kind::ConnectionPerRequest,
        Kind::LongRunning,
        Kind::HeavyStartup,
        Kind::VendorSdk,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Session => "session",
            Kind::GlobalState => "global-state",
            Kind::InMemoryCache => "in-memory-cache",
            Kind::LocalFs => "local-fs",
            Kind::LongLivedConnection => "long-lived-connection",
            Kind::BackgroundWork => "background-work",
            Kind::ConnectionPerRequest => "connection-per-request",
            Kind::LongRunning => "long-running",
            Kind::HeavyStartup => "heavy-startup",
            Kind::VendorSdk => "vendor-sdk",
        }
    }

    /// Whether routes that share state of this kind must move together.
    pub fn is_shared_state(self) -> bool {
        matches!(
            self,
            Kind::Session | Kind::GlobalState | Kind::InMemoryCache | Kind::LocalFs
        )
    }

    /// Whether a blocker of this kind needs a long-lived process (a container)
    /// rather than a refactor.
    pub fn needs_container(self) -> bool {
        matches!(
            self,
            Kind::LongLivedConnection | Kind::BackgroundWork | Kind::LongRunning
        )
    }

    /// What the design card says fixes this kind.
    pub fn remedy(self) -> &'static str {
        match self {
            Kind::Session => "signed cookie/JWT or an external store",
            Kind::GlobalState => "external store; make it per-request",
            Kind::InMemoryCache => "external cache, or accept misses",
            Kind::LocalFs => "object storage",
            Kind::LongLivedConnection => "container, or a managed websocket gateway",
            Kind::BackgroundWork => "queue + worker, scheduled function",
            Kind::ConnectionPerRequest => "pool at init, proxy",
            Kind::LongRunning => "container or job",
            Kind::HeavyStartup => "trim, lazy import, container",
            Kind::VendorSdk => "port or isolate",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Blockers decide the verdict; advisories only lower the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Blocker,
    Advisory,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Blocker => "blocker",
            Severity::Advisory => "advisory",
        }
    }
}

/// What a blocker asks for: a refactor with a known remedy, or a long-lived
/// process. Defaults by kind (websockets, background work and long-running
/// work need a container); a rule can say otherwise (a short sleep is a
/// refactor: retry from a queue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Needs {
    Refactor,
    Container,
}

/// How a hit reaches a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reach {
    /// The handler reaches the function holding the hit through calls.
    #[default]
    Calls,
    /// The hit is module-level code (a heavy import) of a module holding
    /// code the route runs: loading that module runs it on a cold start.
    Modules,
    /// The hit configures the whole application (a session middleware, a
    /// server-side session store): it affects every route of its language.
    App,
}

/// Where in the file the hit must sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    #[default]
    Any,
    /// Inside a function or method body.
    Function,
    /// At module level, outside any function.
    Module,
}

/// Optional conditions a hit must also meet.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conditions {
    #[serde(default)]
    pub scope: Scope,
    /// At least one of these packages is a dependency in a manifest.
    #[serde(default)]
    pub dependencies: Vec<String>,
    /// None of these packages is a dependency: what they provide would be
    /// the remedy (a Redis session store, a Redis cache manager).
    #[serde(default)]
    pub without_dependencies: Vec<String>,
    /// The file imports at least one of these modules (prefix match on the
    /// module path: `flask_session` matches `flask_session.sessions`).
    #[serde(default)]
    pub imports: Vec<String>,
    /// Name of a capture whose identifier must be a module-level variable
    /// (of this file or imported from another).
    #[serde(default)]
    pub module_variable: Option<String>,
    /// With `module_variable`: the variable must hold a mutable value (a
    /// dict, list, Map, `let`). Off for rules that see a rebinding (`global`).
    #[serde(default = "yes")]
    pub mutable: bool,
    /// With `module_variable`: the variable's initial value is a call to one
    /// of these (`TTLCache`, `cachetools.TTLCache`, `NodeCache`).
    #[serde(default)]
    pub initialized_by: Vec<String>,
    /// Name of a capture whose identifier must be imported from one of
    /// `imported_from` (the `session` of `from flask import session`).
    #[serde(default)]
    pub import_capture: Option<String>,
    #[serde(default)]
    pub imported_from: Vec<String>,
    /// With `module_variable`: a write under an `if` that tests the variable
    /// for being unset (`if (!x)`, `if x is None`) is lazy initialisation of
    /// a per-instance value, not shared state.
    #[serde(default)]
    pub skip_lazy_init: bool,
    /// A regex: the hit does not count when a statement after it in the
    /// same block, or after a statement of its function that holds it (the
    /// loop starting the goroutines), matches (a goroutine joined before the
    /// function returns: `wg.Wait()`, a receive `<-done`).
    #[serde(default)]
    pub unless_after: Option<String>,
    /// `unless_after` compiled at the first test.
    #[serde(skip)]
    unless_after_compiled: std::sync::OnceLock<Option<regex::Regex>>,
    /// A regex: the hit does not count when the text of the innermost
    /// function holding it matches (memoisation of a deterministic value:
    /// `loc, err := time.LoadLocation(tz)` computes what the cache keeps).
    #[serde(default)]
    pub unless_in_function: Option<String>,
    /// `unless_in_function` compiled at the first test.
    #[serde(skip)]
    unless_in_function_compiled: std::sync::OnceLock<Option<regex::Regex>>,
    /// The hit does not count when the value of a capture matches a regex:
    /// its text with each variable replaced by what its nearest binding
    /// holds (`file.transferTo(f)` where `f = new File(tmpDir + name)` and
    /// `tmpDir` is a field set to the temp folder).
    #[serde(default)]
    pub unless_value: Option<ValueTest>,
    /// The hit does not count when it writes the entry of a read-through
    /// memo (`if v, ok := m[k]; ok { return v }` … `m[k] = v` … `return v`,
    /// `v` and `k` computed from one parameter): a cache every instance
    /// fills alike, not state.
    #[serde(default)]
    pub unless_read_through: Option<ReadThrough>,
    /// The hit counts only when it writes such an entry.
    #[serde(default)]
    pub if_read_through: Option<ReadThrough>,
    /// The hit counts only when the value of a capture matches a regex (as
    /// `unless_value`): `http.ServeFile(w, r, doc.Path)` where `doc` was
    /// read by `AttachmentPath(…)`.
    #[serde(default)]
    pub if_value: Option<ValueTest>,
    /// The hit does not count when the value of a capture matches a regex
    /// (as `unless_value`) and the hit runs once: in no loop of its function.
    /// A short constant wait is a bounded pause; the same wait in a polling
    /// loop is not.
    #[serde(default)]
    pub unless_bounded: Option<ValueTest>,
    /// The state the hit shares is the first group of a regex in the value
    /// of a capture (as `unless_value`), when the match has the capture;
    /// the hit does not count when the value does not match: the disk of
    /// `$this->disk()->put(…)`, whose method returns
    /// `Storage::disk($this->disk)`, set from `string $name = 'icons'`.
    #[serde(default)]
    pub state_value: Option<ValueTest>,
    /// The hit does not count when the last string literal of a capture
    /// names a file the scanned tree ships (beside the hit's file or in a
    /// folder above it) and the text of the innermost function holding the
    /// hit does not match the regex (a write): data shipped with the code,
    /// only read (`sqlite3.connect(BASE_DIR / "search.db")` and a SELECT).
    #[serde(default)]
    pub unless_shipped_read: Option<ValueTest>,
    /// Only when the text of the innermost function holding the hit, after
    /// the hit, matches the regex with `{}` replaced by the capture's text
    /// (`rand.Read(key)` then `NewCookieStore(key)`); the regex's first
    /// group, when it has one, is the hit's state. A match without the
    /// capture is not tested.
    #[serde(default)]
    pub if_later: Option<ValueTest>,
    /// Not when the text of the function after the hit matches the regex
    /// with `{}` replaced by the capture's text (`p = Popen(…)` then
    /// `p.wait()`). A match without the capture is not tested.
    #[serde(default)]
    pub unless_later: Option<ValueTest>,
    /// The hit counts only if the program also has a hit of one of these
    /// rules (a `req.session` use counts when a memory store is configured).
    #[serde(default)]
    pub program_has: Vec<String>,
    /// The hit counts only if the program also has a hit of each of these
    /// rules (local Active Storage counts when a model has attachments).
    /// Unlike `program_has`, they are conditions, not causes: not listed.
    #[serde(default)]
    pub program_has_all: Vec<String>,
    /// The hit counts only if the program has no hit of any of these rules
    /// (a default the shipped environment files set explicitly is theirs
    /// to judge).
    #[serde(default)]
    pub program_has_none: Vec<String>,
    /// The hit counts only as the cause of another rule's finding on a
    /// route (a cache store's configuration, which no code uses, is no
    /// finding): elsewhere it is not reported.
    #[serde(default)]
    pub only_as_cause: bool,
    /// The hit (a read of a field) counts only if a hit of one of these
    /// rules writes the same state somewhere in the program outside a
    /// constructor (a map a protocol server fills that a route reads).
    #[serde(default)]
    pub state_written_by: Vec<String>,
    /// With `state_written_by`: the write must be in code a route (HTTP or
    /// socket) reaches. A map filled only at start-up is configuration,
    /// the same on every instance.
    #[serde(default)]
    pub state_written_on_route: bool,
    /// The hit counts only if no hit of these rules writes the same state
    /// (a read-through cache that nothing evicts: per-instance copies only
    /// cost misses).
    #[serde(default)]
    pub state_not_written_by: Vec<String>,
    /// The hit counts only where an HTTP route reaches it: on the socket
    /// endpoint (`WS`) and in start-up code it is part of the socket
    /// server's own finding (an event handler emitting to its clients).
    #[serde(default)]
    pub http_only: bool,
    /// The hit counts where start-up code reaches it as well as where a
    /// route does, whatever its kind (an endless loop a goroutine started at
    /// boot runs for the life of the process; a cookie key drawn at random
    /// in a constructor differs per instance).
    #[serde(default)]
    pub at_startup: bool,
    /// The hit counts only where no route reaches it: in start-up code, or
    /// in a function only a library calls (a task runner's `Start`). On a
    /// route it is part of the request (a ticker pacing a stream's
    /// heartbeat), not work of its own.
    #[serde(default)]
    pub off_routes: bool,
    /// With `reach = "app"`: the hit counts only where the server's own
    /// start-up reaches it (not a command-line branch, not code only a
    /// route runs): a schema migration run before the server serves.
    #[serde(default)]
    pub startup_only: bool,
    /// The hit does not count when every call of the function holding it
    /// is written inside a hit of one of these rules (a ticker loop in a
    /// function only `go c.Gather(ctx)` starts): that hit reports the same
    /// work. A function nothing in the program calls keeps its hit; the
    /// hits of the rule in functions only a hit dropped so calls are
    /// dropped too (the server's per-connection goroutines).
    #[serde(default)]
    pub unless_started_by: Vec<String>,
    /// The hit counts only when a call written inside it names a function
    /// of the program holding a hit of one of these rules (`go
    /// listen(cfg)` where `listen` loops on `l.Accept()`): the hit starts
    /// what that rule finds, and reports it where it starts.
    #[serde(default)]
    pub if_calls_holding: Vec<String>,
    /// The hit does not count when a call written inside it names a
    /// function whose calls lead to a hit of one of these rules (`go
    /// ssh.Start()` where `Start` runs `go listen(cfg)`): another hit
    /// reports that work where it starts.
    #[serde(default)]
    pub unless_calls_reaching: Vec<String>,
    /// With `reach = "app"`: the hit applies only to the routes declared in
    /// a file matching one of these globs (Laravel's session middleware
    /// runs in the `web` group: `routes/web.php`, not `routes/api.php`).
    #[serde(default)]
    pub route_files: Vec<String>,
    /// With `route_files`: more globs, that count when the program has a
    /// hit of the named rule (Sanctum's `statefulApi()` gives the routes of
    /// `routes/api.php` the web session too).
    #[serde(default)]
    pub route_files_if: Vec<RouteFilesIf>,
    /// With `reach = "app"`: the hit applies only to the routes whose action
    /// runs one of these library callbacks, named in full (the page cache
    /// directory: the actions of `caches_page`).
    #[serde(default)]
    pub route_callbacks: Vec<String>,
    /// With `reach = "app"`: the hit does not apply to the routes declared
    /// without one of these middleware (Laravel's
    /// `->withoutMiddleware([StartSession::class])`: a class named without
    /// its namespace, or a group's name).
    #[serde(default)]
    pub unless_route_without: Vec<String>,
    /// Name of a capture that must name a field of the class enclosing the
    /// hit (not a local of its function), used outside the class's
    /// constructors.
    #[serde(default)]
    pub field: Option<String>,
    /// With `field`: the field's declared type is one of these (`*` matches
    /// any run of characters: `IAmazon*`).
    #[serde(default)]
    pub field_types: Vec<String>,
    /// With `field`: the field must be static (`true`) or an instance
    /// field (`false`).
    #[serde(default)]
    pub field_static: Option<bool>,
    /// The class enclosing the hit carries this tag somewhere in the
    /// program (`singleton`: registered with `AddSingleton<T>()`).
    #[serde(default)]
    pub class_tag: Option<String>,
    /// The class enclosing the hit carries none of this tag (a rule that
    /// leaves such classes to another one).
    #[serde(default)]
    pub not_class_tag: Option<String>,
    /// Name of a capture that must name the function holding the hit, or
    /// one around it: the function hands itself on (a timer that re-arms
    /// itself, `setTimeout(tick, ms)` inside `tick`).
    #[serde(default)]
    pub self_call: Option<String>,
    /// Name of a capture that must name a function of the program declared
    /// `async` (its definition carries the `async` annotation): a call of it
    /// left un-awaited runs on after the caller returns.
    #[serde(default)]
    pub calls_async: Option<String>,
    /// Name of a capture that must name a variable declared in the function
    /// around the hit's own, which returns the hit's function (`let calls =
    /// {}; return (ctx, next) => { calls[id] = n + 1 }`): state the returned
    /// closure keeps across its calls.
    #[serde(default)]
    pub closure_variable: Option<String>,
    /// The hit counts only inside (`inside`) or only outside (`outside`) a
    /// conditional branch of its function (`if`, `switch`/`case`, `match`,
    /// `when`): a database the configuration picks among others is opened
    /// in one branch of a test on it.
    #[serde(default)]
    pub branch: Option<Branch>,
    /// The hit does not count when it sits in the value of an assignment
    /// that a later `if` of the same block, testing the environment (the
    /// language's `env_conditions`), assigns again: a default the
    /// deployment's environment replaces (`DATABASES = {…sqlite3…}` then
    /// `if os.getenv("DB") == "postgres": DATABASES = {…}`), or that sits in
    /// a branch of an `if` testing the name it assigns (`if not
    /// DATABASE_URL: DATABASE_URL = "sqlite:…"`: a fallback).
    #[serde(default)]
    pub unless_env_override: bool,
    /// The hit counts only when it sits in such an overridden default.
    #[serde(default)]
    pub if_env_override: bool,
    /// The hit (a loop) does not count when its body has an exit and steps
    /// a counter it tests, tests a clock before an exit (a deadline), or
    /// tests a value it draws afresh before an exit (rejection sampling).
    #[serde(default)]
    pub unless_bounded_loop: Option<LoopBounds>,
    /// With `reach = "app"`: a capture naming the object the hit configures
    /// (the logger a file handler is added to). When the match has it, its
    /// value matches (a named logger, `logging.getLogger("audit")`) and it
    /// names a module-level variable, the hit applies only to the routes
    /// that reach a function using the variable (`audit.info(…)`, wherever
    /// it is imported) or a function of the module holding it, not to every
    /// route.
    #[serde(default)]
    pub through_variable: Option<ValueTest>,
}

/// `branch`: where the hit must sit relative to its function's conditionals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Branch {
    Inside,
    Outside,
}

/// `unless_bounded_loop`: what a loop's conditions call to read a clock
/// (`time.time()`) and to draw a fresh value (`token_urlsafe(16)`), and
/// what pauses a pass (`time.sleep(1)`: a loop that pauses polls, and a
/// deadline does not make it short).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoopBounds {
    pub clocks: String,
    pub draws: String,
    pub pauses: String,
    /// `clocks`, `draws` and `pauses` compiled at the first test.
    #[serde(skip)]
    compiled: std::sync::OnceLock<Option<[regex::Regex; 3]>>,
}

impl LoopBounds {
    /// `clocks`, `draws` and `pauses` compiled (validated when the rule was
    /// loaded).
    pub fn regexes(&self) -> Option<&[regex::Regex; 3]> {
        self.compiled
            .get_or_init(|| {
                Some([
                    regex::Regex::new(&self.clocks).ok()?,
                    regex::Regex::new(&self.draws).ok()?,
                    regex::Regex::new(&self.pauses).ok()?,
                ])
            })
            .as_ref()
    }
}

/// `if_read_through`/`unless_read_through`: the captures of the entry
/// written (`m[k]`) and of the value stored in it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadThrough {
    pub entry: String,
    pub value: String,
}

/// `unless_value`: the capture whose value is tested and the regex it must
/// not match for the hit to count.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueTest {
    pub capture: String,
    pub matches: String,
    /// `matches` compiled at the first test (a hit per call in a file would
    /// otherwise compile it per call).
    #[serde(skip)]
    compiled: std::sync::OnceLock<Option<regex::Regex>>,
}

impl ValueTest {
    /// `matches` compiled (validated when the rule was loaded).
    pub fn regex(&self) -> Option<&regex::Regex> {
        self.compiled
            .get_or_init(|| regex::Regex::new(&self.matches).ok())
            .as_ref()
    }
}

fn yes() -> bool {
    true
}

impl Conditions {
    /// `unless_after` compiled (validated when the rule was loaded).
    pub fn unless_after_regex(&self) -> Option<&regex::Regex> {
        let pattern = self.unless_after.as_deref()?;
        self.unless_after_compiled
            .get_or_init(|| regex::Regex::new(pattern).ok())
            .as_ref()
    }

    /// `unless_in_function` compiled (validated when the rule was loaded).
    pub fn unless_in_function_regex(&self) -> Option<&regex::Regex> {
        let pattern = self.unless_in_function.as_deref()?;
        self.unless_in_function_compiled
            .get_or_init(|| regex::Regex::new(pattern).ok())
            .as_ref()
    }
}

impl Default for Conditions {
    fn default() -> Self {
        Conditions {
            scope: Scope::Any,
            dependencies: Vec::new(),
            imports: Vec::new(),
            module_variable: None,
            mutable: true,
            initialized_by: Vec::new(),
            import_capture: None,
            imported_from: Vec::new(),
            skip_lazy_init: false,
            unless_after: None,
            unless_after_compiled: std::sync::OnceLock::new(),
            unless_in_function: None,
            unless_in_function_compiled: std::sync::OnceLock::new(),
            unless_value: None,
            unless_read_through: None,
            if_read_through: None,
            state_value: None,
            if_value: None,
            unless_bounded: None,
            unless_shipped_read: None,
            if_later: None,
            unless_later: None,
            branch: None,
            unless_env_override: false,
            if_env_override: false,
            unless_bounded_loop: None,
            through_variable: None,
            program_has: Vec::new(),
            program_has_all: Vec::new(),
            program_has_none: Vec::new(),
            only_as_cause: false,
            state_written_by: Vec::new(),
            state_written_on_route: false,
            state_not_written_by: Vec::new(),
            http_only: false,
            at_startup: false,
            off_routes: false,
            startup_only: false,
            unless_started_by: Vec::new(),
            if_calls_holding: Vec::new(),
            unless_calls_reaching: Vec::new(),
            route_files: Vec::new(),
            route_files_if: Vec::new(),
            route_callbacks: Vec::new(),
            unless_route_without: Vec::new(),
            without_dependencies: Vec::new(),
            field: None,
            field_types: Vec::new(),
            field_static: None,
            class_tag: None,
            not_class_tag: None,
            self_call: None,
            calls_async: None,
            closure_variable: None,
        }
    }
}

/// See `Conditions::route_files_if`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteFilesIf {
    /// The id of the rule whose hit in the program adds the globs.
    pub rule: String,
    pub files: Vec<String>,
}

/// One rule file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleToml {
    id: toml::Spanned<String>,
    kind: Kind,
    languages: Vec<toml::Spanned<String>>,
    severity: Severity,
    weight: toml::Spanned<u32>,
    #[serde(default)]
    needs: Option<Needs>,
    message: toml::Spanned<String>,
    help: String,
    doc: String,
    #[serde(default)]
    reach: Reach,
    #[serde(default)]
    once_per_app: bool,
    #[serde(default)]
    when: Conditions,
    #[serde(default)]
    query: Option<toml::Spanned<String>>,
    /// Instead of a query: a key of a configuration file (YAML).
    #[serde(default)]
    settings: Option<crate::config_files::SettingsMatch>,
}

/// A loaded rule. `query` is compiled per language by `extract::queries`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    pub kind: Kind,
    pub languages: Vec<String>,
    pub severity: Severity,
    pub weight: u32,
    /// What a blocker of this rule asks for; the kind's default otherwise.
    pub needs: Needs,
    pub message: String,
    pub help: String,
    pub doc: String,
    pub reach: Reach,
    /// The hits of this rule in one application are listed as one finding
    /// (a cold start is the application's, not each import line's): the
    /// heaviest hit leads, the others are its `also` places.
    #[serde(default)]
    pub once_per_app: bool,
    pub when: Conditions,
    /// The tree-sitter query; empty for a rule with `settings`.
    pub query: String,
    /// A key of a configuration file, read instead of source code.
    pub settings: Option<crate::config_files::SettingsMatch>,
    /// Where the rule came from, for errors and `rules test`.
    pub source: RuleSource,
    /// The query's patterns and the literals each needs, read once
    /// (`literal_patterns`) for the prefilter, the per-file gates and the
    /// per-language queries.
    #[serde(skip)]
    literal_patterns: std::sync::OnceLock<Option<Vec<literals::PatternLiterals>>>,
}

/// The rule file's text and where the query sits in it, so a query error
/// found later (at compile time) can still point at its line.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RuleSource {
    pub path: PathBuf,
    /// Borrowed from the binary for a built-in rule: a copy of every rule
    /// file would stay alive through the scan.
    pub text: Cow<'static, str>,
    pub query_offset: usize,
    /// Where the id is written (a duplicate id points at it).
    pub id_span: std::ops::Range<usize>,
    /// From the pack compiled into the binary (its queries are known to
    /// compile: every test run compiles them), not a user's rule folder.
    #[serde(default)]
    pub builtin: bool,
    /// A user's rule whose query tree-sitter compiled, for every language
    /// it names, in a vetting worker (`rules::vet`): not compiled by
    /// tree-sitter a second time in process.
    #[serde(skip)]
    pub vetted: bool,
}

/// A rule file that does not parse or validate, pointing at the line.
#[derive(Debug, Error, Diagnostic)]
#[error("invalid rule file {path}: {message}")]
#[diagnostic(code(carve::rule::invalid))]
pub struct InvalidRule {
    path: String,
    message: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("here")]
    span: Option<SourceSpan>,
    #[help]
    help: Option<String>,
}

/// A rule whose tree-sitter query does not compile, pointing into the file.
#[derive(Debug, Error, Diagnostic)]
#[error("bad tree-sitter query in rule {id} for {language}: {message}")]
#[diagnostic(
    code(carve::rule::query),
    help("check node and field names with `carve rules tree FILE`")
)]
pub struct RuleQueryError {
    id: String,
    language: String,
    message: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("{message}")]
    span: SourceSpan,
}

/// A rule id that another rule file already defines, pointing at the
/// second one.
#[derive(Debug, Error, Diagnostic)]
#[error("rule id {id} is defined twice: {first} and {second}")]
#[diagnostic(
    code(carve::rule::duplicate),
    help("give one of them another name (ids are unique across the built-in pack and every rule folder)")
)]
pub struct DuplicateRule {
    id: String,
    first: String,
    second: String,
    #[source_code]
    src: NamedSource<String>,
    #[label("already defined in {first}")]
    span: SourceSpan,
}

#[derive(Debug, Error, Diagnostic)]
pub enum RuleError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<InvalidRule>),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Query(Box<RuleQueryError>),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Duplicate(Box<DuplicateRule>),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Crash(Box<vet::QueryCrash>),
    #[error("cannot read rules from {path}: {message}")]
    #[diagnostic(code(carve::rule::io))]
    Io { path: String, message: String },
}

impl RuleError {
    fn invalid(
        source: &RuleSource,
        message: impl Into<String>,
        span: Option<std::ops::Range<usize>>,
        help: Option<String>,
    ) -> Self {
        RuleError::Invalid(Box::new(InvalidRule {
            path: source.path.display().to_string(),
            message: message.into(),
            src: NamedSource::new(source.path.display().to_string(), source.text.to_string()),
            span: span.map(|r| SourceSpan::from(r.start..r.end.max(r.start))),
            help,
        }))
    }
}

/// What a message may name in braces, filled in per hit (`report::hit_message`).
pub const PLACEHOLDERS: [&str; 2] = ["state", "target"];

/// The first `{name}` in `message` that is not a placeholder, with where
/// it is written in the file (`text`); `{}` and braces around anything but
/// a name are left alone.
fn unknown_placeholder(
    text: &str,
    message: &toml::Spanned<String>,
) -> Option<(String, std::ops::Range<usize>)> {
    let mut rest = message.get_ref().as_str();
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let name = &after[..close];
        let is_name = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        if is_name && !PLACEHOLDERS.contains(&name) {
            let written = format!("{{{name}}}");
            let quoted = message.span();
            let at = text
                .get(quoted.clone())
                .and_then(|q| q.find(&written))
                .map_or(quoted.clone(), |i| {
                    quoted.start + i..quoted.start + i + written.len()
                });
            return Some((name.to_string(), at));
        }
        rest = &after[close + 1..];
    }
    None
}

/// Parses one rule file. `path` is only used in messages.
pub fn parse_rule(path: &Path, text: &str) -> Result<Rule, RuleError> {
    parse_rule_text(path, text, Cow::Owned(text.to_string()))
}

/// Parses one rule file, `text`; the rule keeps `kept`, the same text
/// (for its messages).
fn parse_rule_text(path: &Path, text: &str, kept: Cow<'static, str>) -> Result<Rule, RuleError> {
    let mut source = RuleSource {
        path: path.to_path_buf(),
        text: kept,
        query_offset: 0,
        id_span: 0..0,
        builtin: false,
        vetted: false,
    };
    let raw: RuleToml = toml::from_str(text)
        .map_err(|err| RuleError::invalid(&source, err.message().to_string(), err.span(), None))?;
    source.id_span = raw.id.span();
    let id = raw.id.into_inner();
    let id_ok = id
        .split_once('/')
        .is_some_and(|(kind, name)| kind == raw.kind.as_str() && !name.is_empty());
    if !id_ok {
        return Err(RuleError::invalid(
            &source,
            format!("rule id `{id}` must be `{}/<name>`", raw.kind),
            Some(source.id_span.clone()),
            Some("ids are `kind/name`, and the kind must match the `kind` field".into()),
        ));
    }
    if raw.languages.is_empty() {
        return Err(RuleError::invalid(
            &source,
            "`languages` is empty",
            None,
            None,
        ));
    }
    let known = rule_languages();
    for lang in &raw.languages {
        if !known.contains(&lang.get_ref().as_str()) {
            return Err(RuleError::invalid(
                &source,
                format!("unknown language `{}`", lang.get_ref()),
                Some(lang.span()),
                Some(format!("expected one of: {}", known.join(", "))),
            ));
        }
    }
    if raw.when.startup_only && raw.reach != Reach::App {
        return Err(RuleError::invalid(
            &source,
            "`startup_only` needs `reach = \"app\"`",
            None,
            Some("it says which app-wide hits count: those the server's start-up runs".into()),
        ));
    }
    if raw.when.import_capture.is_some() == raw.when.imported_from.is_empty() {
        return Err(RuleError::invalid(
            &source,
            "`import_capture` and `imported_from` go together",
            None,
            Some("name the capture and the modules it must be imported from".into()),
        ));
    }
    let bounds = raw.when.unless_bounded_loop.as_ref();
    for (key, pattern) in [
        ("unless_after", &raw.when.unless_after),
        ("unless_in_function", &raw.when.unless_in_function),
        (
            "unless_bounded_loop.clocks",
            &bounds.map(|b| b.clocks.clone()),
        ),
        (
            "unless_bounded_loop.draws",
            &bounds.map(|b| b.draws.clone()),
        ),
        (
            "unless_bounded_loop.pauses",
            &bounds.map(|b| b.pauses.clone()),
        ),
    ] {
        if let Some(Err(err)) = pattern.as_deref().map(regex::Regex::new) {
            return Err(RuleError::invalid(
                &source,
                format!("`{key}` is no regex: {err}"),
                None,
                None,
            ));
        }
    }
    for (key, test) in [
        ("if_later", &raw.when.if_later),
        ("unless_later", &raw.when.unless_later),
    ] {
        if let Some(Err(err)) = test
            .as_ref()
            .map(|test| regex::Regex::new(&test.matches.replace("{}", "name")))
        {
            return Err(RuleError::invalid(
                &source,
                format!("`{key}.matches` is no regex: {err}"),
                None,
                None,
            ));
        }
    }
    for (key, test) in [
        ("unless_value", &raw.when.unless_value),
        ("if_value", &raw.when.if_value),
        ("unless_bounded", &raw.when.unless_bounded),
        ("state_value", &raw.when.state_value),
        ("unless_shipped_read", &raw.when.unless_shipped_read),
        ("through_variable", &raw.when.through_variable),
    ] {
        if let Some(Err(err)) = test.as_ref().map(|test| regex::Regex::new(&test.matches)) {
            return Err(RuleError::invalid(
                &source,
                format!("`{key}.matches` is no regex: {err}"),
                None,
                None,
            ));
        }
    }
    if let Some(message) = raw
        .when
        .route_files
        .iter()
        .chain(raw.when.route_files_if.iter().flat_map(|r| &r.files))
        .find_map(|glob| crate::discover::glob_error(glob))
    {
        return Err(RuleError::invalid(
            &source,
            format!("`route_files` holds no glob: {message}"),
            None,
            None,
        ));
    }
    if *raw.weight.get_ref() > 100 {
        return Err(RuleError::invalid(
            &source,
            format!("weight {} is over 100", raw.weight.get_ref()),
            Some(raw.weight.span()),
            Some("a weight is the number of score points (0-100) the finding costs".into()),
        ));
    }
    if let Some((name, span)) = unknown_placeholder(text, &raw.message) {
        return Err(RuleError::invalid(
            &source,
            format!("unknown placeholder `{{{name}}}` in the message"),
            Some(span),
            Some(format!(
                "a message may use {}",
                PLACEHOLDERS.map(|p| format!("`{{{p}}}`")).join(" and ")
            )),
        ));
    }
    let query = match (raw.query, &raw.settings) {
        (Some(query), None) => {
            let query_span = query.span();
            let query = query.into_inner();
            // The span covers the quotes; the query text starts where it is found.
            source.query_offset = text[query_span.start..]
                .find(query.trim_start())
                .map_or(query_span.start, |at| {
                    query_span.start + at - (query.len() - query.trim_start().len())
                });
            if let Some(at) = literals::field_before_predicate(&query) {
                return Err(RuleError::invalid(
                    &source,
                    "a field name must be followed by a node, not a predicate",
                    Some(source.query_offset + at.start..source.query_offset + at.end),
                    Some("write the node first: `scope: (name) @s (#eq? @s \"x\")`".into()),
                ));
            }
            query
        }
        (None, Some(settings)) => {
            if let Err(err) = regex::Regex::new(&settings.value) {
                let span = text
                    .find(&settings.value)
                    .map(|at| at..at + settings.value.len());
                return Err(RuleError::invalid(
                    &source,
                    format!("bad `value` pattern: {err}"),
                    span,
                    None,
                ));
            }
            String::new()
        }
        _ => {
            return Err(RuleError::invalid(
                &source,
                "a rule has either a `query` or a `[settings]` match",
                None,
                Some("`query` for source code, `[settings]` for a configuration file".into()),
            ))
        }
    };
    Ok(Rule {
        id,
        kind: raw.kind,
        languages: raw.languages.into_iter().map(|l| l.into_inner()).collect(),
        severity: raw.severity,
        weight: raw.weight.into_inner(),
        needs: raw.needs.unwrap_or(if raw.kind.needs_container() {
            Needs::Container
        } else {
            Needs::Refactor
        }),
        message: raw.message.into_inner(),
        help: raw.help,
        doc: raw.doc,
        reach: raw.reach,
        once_per_app: raw.once_per_app,
        when: raw.when,
        query,
        settings: raw.settings,
        source,
        literal_patterns: std::sync::OnceLock::new(),
    })
}

impl Rule {
    /// Each top-level pattern of the query: its text's byte range and the
    /// literal sets it needs (`literals::patterns`); None when the query is
    /// not one the literal reader understands.
    pub fn literal_patterns(&self) -> Option<&[literals::PatternLiterals]> {
        self.literal_patterns
            .get_or_init(|| literals::patterns(&self.query))
            .as_deref()
    }

    /// What the query needs in a text before it can match.
    pub fn requirement(&self) -> literals::Requirement {
        literals::Requirement::of(self.literal_patterns())
    }

    pub fn applies_to(&self, lang: Lang) -> bool {
        self.languages.iter().any(|l| lang.accepts_rule_language(l))
    }

    /// The hit counts only where an HTTP route reaches it: its rule says so
    /// (`http_only`), or its kind is about a request's time limit.
    pub fn http_only(&self) -> bool {
        self.when.http_only || self.kind.bounded_by_request()
    }

    /// The error for a query that failed to compile, pointing into the file.
    pub fn query_error(&self, language: Lang, err: &tree_sitter::QueryError) -> RuleError {
        let at = (self.source.query_offset + err.offset).min(self.source.text.len());
        RuleError::Query(Box::new(RuleQueryError {
            id: self.id.clone(),
            language: language.name().to_string(),
            message: describe_query_error(err),
            src: NamedSource::new(
                self.source.path.display().to_string(),
                self.source.text.to_string(),
            ),
            span: SourceSpan::from(at..at),
        }))
    }
}

/// A query error in words: tree-sitter's message is often only the name.
pub fn describe_query_error(err: &tree_sitter::QueryError) -> String {
    use tree_sitter::QueryErrorKind as K;
    let detail = err
        .message
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches('"');
    match err.kind {
        K::NodeType => format!("unknown node type `{detail}`"),
        K::Field => format!("unknown field `{detail}`"),
        K::Capture => format!("unknown capture `@{detail}`"),
        K::Predicate => format!("bad predicate: {detail}"),
        K::Structure => "impossible pattern: these nodes cannot nest like this".to_string(),
        K::Syntax => "syntax error".to_string(),
        K::Language => format!("language error: {detail}"),
    }
}

/// Whether `name` picks out a rule, as config files and suppression comments
/// name them: by id (`session/js-session-used`), short id (`js-session-used`)
/// or kind (`session`).
pub fn rule_named(id: &str, kind: Kind, name: &str) -> bool {
    name == id || Some(name) == id.rsplit('/').next() || name == kind.as_str()
}

/// The rules of one scan, sorted by id.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// The built-in pack compiled into the binary.
    pub fn builtin() -> Result<RuleSet, RuleError> {
        let files = crate::embedded::BUILTIN_RULE_FILES;
        let count = files.iter().filter(|(p, _)| p.ends_with(".toml")).count();
        // Exactly the room the pack needs: the set lives through the scan,
        // and a doubled list would leave room for some two hundred unused
        // records (each with every condition field).
        let mut set = RuleSet {
            rules: Vec::with_capacity(count),
        };
        for (path, text) in files {
            if path.ends_with(".toml") {
                let mut rule = parse_rule_text(Path::new(path), text, Cow::Borrowed(text))?;
                rule.source.builtin = true;
                set.add(rule)?;
            }
        }
        set.sort();
        Ok(set)
    }

    /// Adds every `*.toml` directly in `dir` (a user's rule folder).
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), RuleError> {
        for path in rule_files_in(dir)? {
            let text = std::fs::read_to_string(&path).map_err(|e| RuleError::Io {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
            self.add(parse_rule(&path, &text)?)?;
        }
        self.sort();
        Ok(())
    }

    fn add(&mut self, rule: Rule) -> Result<(), RuleError> {
        if let Some(first) = self.rules.iter().find(|r| r.id == rule.id) {
            let second = &rule.source;
            return Err(RuleError::Duplicate(Box::new(DuplicateRule {
                id: rule.id.clone(),
                first: first.source.path.display().to_string(),
                second: second.path.display().to_string(),
                src: NamedSource::new(second.path.display().to_string(), second.text.to_string()),
                span: SourceSpan::from(second.id_span.clone()),
            })));
        }
        self.rules.push(rule);
        Ok(())
    }

    fn sort(&mut self) {
        self.rules.sort_by(|a, b| a.id.cmp(&b.id));
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// Rule files in a folder and its subfolders, sorted.
pub fn rule_files_in(dir: &Path) -> Result<Vec<PathBuf>, RuleError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let entries = std::fs::read_dir(&current).map_err(|e| RuleError::Io {
            path: current.display().to_string(),
            message: e.to_string(),
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}
