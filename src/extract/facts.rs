//! `FileFacts`: everything carve keeps from one file once its tree is dropped.
//! Plain data, produced by `extract`, consumed by `link` and `assess`.

pub use super::def_extra::{DefExtra, Part};
pub use super::name::Name;
pub use super::rare_list::RareList;
use crate::lang::Lang;
use crate::rules::Conditions;
use serde::{Deserialize, Serialize};

/// A byte range in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A byte range in 8 bytes, for the records every file has many of (hits):
/// `get()` is the `Span`. Offsets past 4 GiB (never: files are cut far
/// below) saturate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ShortSpan {
    start: u32,
    end: u32,
}

impl ShortSpan {
    pub fn get(self) -> Span {
        Span {
            start: self.start as usize,
            end: self.end as usize,
        }
    }
}

impl From<Span> for ShortSpan {
    fn from(span: Span) -> ShortSpan {
        ShortSpan {
            start: saturating_u32(span.start),
            end: saturating_u32(span.end),
        }
    }
}

/// A byte offset or an index in 4 bytes, as the records every file has
/// many of keep it: past 4 Gi (never: files are cut far below, and a scan
/// has far fewer files and defs) it saturates.
pub fn saturating_u32(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// Code that runs only for a command-line option or command (`@cli`):
/// from `start` up to `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CliRegion {
    pub start: Pos,
    pub end: Pos,
}

impl CliRegion {
    /// Whether code starting at `at` is inside.
    pub fn holds(self, at: Pos) -> bool {
        self.start <= at && at < self.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DefKind {
    Function,
    Class,
    /// A module-level variable (only those are recorded).
    Variable,
}

/// A definition: function, method, class, lambda/arrow function, or a
/// module-level variable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Def {
    /// `<anonymous>` for functions without a name.
    pub name: Name,
    pub kind: DefKind,
    /// The class a method belongs to (interned: every method of a class
    /// holds its name).
    pub class: Option<Name>,
    /// The innermost enclosing function or class, as an index into `defs`
    /// (`parent()`; written with `def_index`).
    pub parent: DefRef,
    /// In 8 bytes (`span.get()`).
    pub span: ShortSpan,
    /// Start of the name node (or of the def when anonymous), in 4 bytes
    /// (`name_start()`; files are cut far below 4 GiB).
    pub name_start: u32,
    pub pos: Pos,
    /// For variables: initialised with a mutable value (dict, list, Map, `let`).
    pub mutable: bool,
    /// For functions: declared without a body (an interface's method, an
    /// abstract one): a call runs an implementation. For classes: abstract,
    /// never an implementation itself.
    pub declared_only: bool,
    /// What few defs have (decorator methods, bases, initial values,
    /// annotations, callbacks): only the parts set, empty for most defs.
    #[serde(default)]
    pub extra: DefExtra,
    /// For functions: names bound inside (parameters, local variables) that
    /// shadow module-level names; `global` declarations are left out.
    /// Written once, when the file's defs are complete: no spare room.
    pub locals: Box<[Name]>,
    /// For functions: run when the app starts (`Main`,
    /// `Startup.ConfigureServices`), like a module's top level.
    #[serde(default)]
    pub startup: bool,
    /// For functions: the file's own top-level code (a PHP script), which
    /// runs when the file is served or included.
    #[serde(default)]
    pub file_code: bool,
    /// For functions: a member of an object literal built inside a function
    /// (a factory's `return { upload() {…} }`): called through the object,
    /// like a method.
    #[serde(default)]
    pub member: bool,
    /// For functions: a factory stored under its name in a container
    /// (`$container['history'] = function (…) {…}`): run where that name is
    /// read from a container, not where it is stored.
    #[serde(default)]
    pub slot: bool,
}

impl Def {
    /// HTTP methods a decorator declares for this view.
    pub fn methods(&self) -> &[String] {
        self.extra.methods()
    }

    /// For classes: the base classes as written.
    pub fn bases(&self) -> &[Name] {
        self.extra.bases()
    }

    /// For variables: the callee of the initial value.
    pub fn init(&self) -> Option<&str> {
        self.extra.init()
    }

    /// For functions: the type of the one value returned, as written.
    pub fn returns(&self) -> Option<&str> {
        self.extra.returns()
    }

    /// For variables: the value when it is a string literal.
    pub fn literal(&self) -> Option<&str> {
        self.extra.literal()
    }

    /// For functions: the path returned, built from the parameters.
    pub fn path_template(&self) -> Option<&Prefix> {
        self.extra.path_template()
    }

    /// For variables: the environment variable that overrides `literal`.
    pub fn env(&self) -> Option<&str> {
        self.extra.env()
    }

    /// For methods: an extra route of a viewset.
    pub fn action(&self) -> Option<&ExtraAction> {
        self.extra.action()
    }

    /// For functions: the annotations or decorators on it, by name.
    pub fn annotations(&self) -> &[Name] {
        self.extra.annotations()
    }

    /// For functions: the pointcut it names.
    pub fn pointcut(&self) -> Option<&str> {
        self.extra.pointcut()
    }

    /// For classes: callbacks declared in the body that run around its actions.
    pub fn callbacks(&self) -> &[Callback] {
        self.extra.callbacks()
    }

    /// For classes: the classes whose lifecycle hooks run for its instances.
    pub fn listeners(&self) -> &[String] {
        self.extra.listeners()
    }

    /// The innermost enclosing function or class, as an index into `defs`.
    pub fn parent(&self) -> Option<usize> {
        self.parent.get()
    }

    /// Start of the name node (or of the def when anonymous).
    pub fn name_start(&self) -> usize {
        self.name_start as usize
    }

    /// `Class.method` for methods, the name otherwise.
    pub fn qualified_name(&self) -> String {
        match &self.class {
            Some(class) => format!("{class}.{}", self.name),
            None => self.name.to_string(),
        }
    }
}

/// A method of a class run around some of its actions (and those of its
/// subclasses): Rails `before_action`/`around_action`/`after_action`; a
/// `skip` drops an inherited one of the same name for the actions it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Callback {
    pub name: String,
    /// Only these actions (empty: all).
    pub only: Vec<String>,
    pub except: Vec<String>,
    pub skip: bool,
}

impl Callback {
    /// Whether the callback covers the action `action`.
    pub fn covers(&self, action: &str) -> bool {
        (self.only.is_empty() || self.only.iter().any(|a| a == action))
            && !self.except.iter().any(|a| a == action)
    }
}

/// An extra route a viewset method declares: on one object (`detail`) or on
/// the collection, under its own path segment (the method name by default).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraAction {
    pub detail: bool,
    pub path: Option<String>,
}

/// A call, or a reference to a function passed as a value (a callback, a
/// thread target), from inside `def` (None: module level).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Call {
    /// The callee as written, dots kept: `db.session.add`, `self.load`.
    pub callee: Name,
    /// The def the call is written in, as an index into `defs` (`def()`).
    pub def: DefRef,
    /// Outside functions: the module-level variable whose value holds the
    /// call (`const upload = multer({ storage })`), as an index into `defs`.
    pub holder: DefRef,
    pub pos: Pos,
    pub is_reference: bool,
    /// Made once, under a lazy-initialisation guard that tests the very
    /// variable it assigns (`if (X.instance == null) X.instance = new X()`).
    #[serde(default)]
    pub once: bool,
    /// In a branch that runs only when a form is submitted (`if
    /// form.validate_on_submit():`): a GET of the handler does not make it.
    #[serde(default)]
    pub on_submit: bool,
    /// In code that runs only for a command-line option or command (`@cli`):
    /// start-up does not follow it unless it goes on to declare routes.
    #[serde(default)]
    pub cli: bool,
    /// A class passed as an argument (`protected(GemPusher)`): not followed
    /// by itself; a method the called function calls on its parameter
    /// (`servable.serve(self)`) is that class's.
    #[serde(default)]
    pub value: bool,
    /// A method the framework calls on what is written (`#set! call.member`:
    /// `X::dispatch()` runs `X.handle`): that class's own or none, never a
    /// method of another class guessed by its name.
    #[serde(default)]
    pub framework_member: bool,
}

impl Call {
    /// The def the call is written in (None: module level).
    pub fn def(&self) -> Option<usize> {
        self.def.get()
    }

    /// Outside functions: the module-level variable that holds the call.
    pub fn holder(&self) -> Option<usize> {
        self.holder.get()
    }
}

/// An optional index into a file's `defs` as a call or hit keeps it: 4
/// bytes, `u32::MAX` for none (a file's defs are far fewer), where an
/// `Option<u32>` takes 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DefRef(u32);

impl DefRef {
    pub const NONE: DefRef = DefRef(u32::MAX);

    pub fn get(self) -> Option<usize> {
        (self != DefRef::NONE).then_some(self.0 as usize)
    }
}

/// A def index as a call or hit keeps it.
pub fn def_index(def: Option<usize>) -> DefRef {
    def.and_then(|d| u32::try_from(d).ok())
        .filter(|&d| d != u32::MAX)
        .map_or(DefRef::NONE, DefRef)
}

/// One imported binding: `local` names `name` of `module` (None: the module
/// itself or a namespace import).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Import {
    pub local: Name,
    pub module: Name,
    pub name: Option<Name>,
    pub pos: Pos,
    /// The file is run where it is included (PHP `require`/`include`): its
    /// top-level code (`Def::file_code`) is called from there. A path
    /// written with interpolations (`"pages/{$page}.php"`) has a `*` for
    /// each: every file it matches may be the one.
    #[serde(default)]
    pub include: bool,
    /// Byte offset of the import in the file (`u32`: imports live until
    /// the report, and files are far below 4 GB).
    #[serde(default)]
    pub start: u32,
}

/// One exported binding: `name` (`default` for default exports, `*` for a
/// star re-export) refers to `local` in this file, or to `name` of `from`.
/// Interned: a module's barrel re-exports the names its files export, and
/// many files name the same module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub name: Name,
    pub local: Option<Name>,
    pub from: Option<Name>,
}

/// What a route declaration names as its handler.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum HandlerRef {
    /// A function defined right there (decorated def, inline arrow function).
    Def(usize),
    /// A reference to resolve: `views.index`, `UserView.as_view`, `ctrl.list`.
    Name(String),
}

/// A route whose path comes from the file's place in the tree (Next.js).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FsRoute {
    /// Folder marker the file must sit under, e.g. `pages/api`.
    pub dir: String,
    /// Prefix that replaces the marker, e.g. `/api`.
    pub prefix: String,
    /// File stem that carries no path segment (`route`), besides `index`
    /// (in any case: Razor Pages' `Index`).
    pub file: Option<String>,
    /// The file name's ending that is not part of the path (`.cshtml.cs`);
    /// by default the last extension.
    pub suffix: Option<String>,
    /// A folder above the marker whose child names the first segment:
    /// `Areas` makes `Areas/Identity/Pages/Account/Login.cshtml.cs` `/Identity/Account/Login`.
    pub area: Option<String>,
    /// A file another file includes (a partial, a library) is no route.
    #[serde(default)]
    pub unless_imported: bool,
    /// A page only because it includes a file of the project (its page
    /// bootstrap, `require_once 'includes/page.inc.php'`) and runs code: it
    /// is no route when no include resolves, when it or a file it includes
    /// starts an app (a framework's front controller), or when another file
    /// includes it by name (one included through a template,
    /// `"source/{$level}.php"`, stays a page).
    #[serde(default)]
    pub page: bool,
}

/// A route declaration as written, before prefixes are composed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RouteDecl {
    /// Methods as written (`get`, `GET`, `route`); empty when none.
    pub methods: Vec<String>,
    pub default_method: Option<String>,
    pub path: Option<String>,
    /// The path as an expression of constants, resolved when linking
    /// (`ApiPaths.PRODUCTS + "/{id}"`).
    pub path_expr: Option<Prefix>,
    /// More paths served by the same declaration (`app.get(['/a', '/b'], h)`).
    pub extra_paths: Vec<String>,
    /// A route without a path serves its router's prefix (`@Get()`).
    pub path_optional: bool,
    /// The path is a regular expression (`re_path`): anchors are dropped.
    pub path_is_regex: bool,
    /// Handlers in order; the last is the route's handler, the others are
    /// middleware that run before it.
    pub handlers: Vec<HandlerRef>,
    /// Functions passed to the last handler when it is a factory call
    /// (Go's `handler.Web(viewPost, level)`): the first that resolves to a
    /// function handles the route, and the factory's result, wrapping it,
    /// runs before it.
    #[serde(default)]
    pub wrapped: Vec<HandlerRef>,
    /// The router object the route is declared on, as written.
    pub router: Option<String>,
    /// The enclosing class, when the class is the router (NestJS).
    pub class_router: Option<String>,
    /// Candidate frameworks (`flask|fastapi`), narrowed by manifest and router.
    pub frameworks: Vec<String>,
    pub fs: Option<FsRoute>,
    /// `action=METHOD suffix;…` map that expands a class handler (viewsets,
    /// Rails `resources`); `{resource}` and `{singular}` in a suffix stand
    /// for the resource's name and its singular.
    pub actions: Option<String>,
    /// Only these actions of `actions` (`only: [:index, :show]`); empty: all.
    #[serde(default)]
    pub only: Vec<String>,
    /// Not these actions of `actions` (`except: [:destroy]`).
    #[serde(default)]
    pub except: Vec<String>,
    /// The resource the actions are named after (`resources :photos`).
    #[serde(default)]
    pub resource: Option<String>,
    /// Every action of `actions`, or the one action a `'class#action'`
    /// string names, is a route whether the handler class defines it or
    /// not (Rails): a missing one is reported as such.
    #[serde(default)]
    pub every_action: bool,
    /// Kept only if the file imports this module (`django` for `path(...)`).
    pub requires_import: Option<String>,
    /// A table of generated routes (`grammars/<lang>/<table>.toml`) the
    /// declaration stands for (Devise's `devise_for :users`): expanded when
    /// linking, group by group, from the model class's declared modules.
    #[serde(default)]
    pub table: Option<String>,
    /// The declaration's keyword options, nested hashes flattened
    /// (`controllers: { sessions: :sessions }` → `controllers.sessions` =
    /// `sessions`); symbols and strings unquoted.
    #[serde(default)]
    pub options: Vec<(String, String)>,
    /// A `/` left at the end of a composed path is dropped (Express: `'/'`
    /// under `/users` serves `/users`).
    pub strip_trailing_slash: bool,
    /// A socket event handled on the route's endpoint (`@socketio.on('chat')`):
    /// the declaration's path is the endpoint, the event names the handler.
    pub event: Option<String>,
    /// Placeholders of the composed path and their values: `controller` →
    /// `Orders` replaces `[controller]` and `{controller=Home}` (ASP.NET
    /// Core's tokens), names matched in any case.
    pub tokens: Vec<(String, String)>,
    /// The path ignores its router's prefix (ASP.NET Core's action
    /// template `/x` or `~/x` under a controller's `[Route]`).
    pub rooted: bool,
    /// A candidate of a conventional route table (the public actions of
    /// an MVC controller): with no path of its own, it is served at its
    /// class router's prefix when the class has one, else at every
    /// template registered for the convention (`MountChild::Convention`);
    /// dropped when another declaration routes the same handler.
    pub convention: Option<String>,
    /// A class handler serves the route through all its methods (a SignalR
    /// hub's methods run on its connections): they are reachable from it.
    pub class_methods: bool,
    /// Declared where nesting is shallow (Rails' `shallow: true`): how its
    /// composed paths drop the resources around it.
    #[serde(default)]
    pub shallow: Option<Box<Shallow>>,
    /// Middleware the route skips (`->withoutMiddleware([StartSession::class])`):
    /// class names without their namespace, or group names (`web`).
    #[serde(default)]
    pub without: Vec<String>,
    pub span: Span,
    pub pos: Pos,
}

/// Shallow nesting: a member route of a nested resource
/// (`/articles/:article_id/comments/:id`) is served without the resources
/// around it (`/comments/:id`), a collection route keeps only its parent's
/// (`/articles/:article_id/comments`). The two templates say how the
/// grammar's paths write a parent and a member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shallow {
    /// The parameter after a parent resource's segment, `{singular}` for
    /// that segment's singular (`:{singular}_id`: `articles/:article_id`).
    pub nest: String,
    /// The parameter that makes a path a member's (`:id`).
    pub member: String,
}

/// A router or application object created with an optional prefix.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RouterDecl {
    pub name: String,
    pub prefix: Option<Prefix>,
    /// Routes on this router end without a `/` (DRF `trailing_slash=False`).
    pub strip_trailing_slash: bool,
    pub frameworks: Vec<String>,
    pub pos: Pos,
}

/// A prefix as written: a literal, or a name to resolve to a constant
/// (`settings.API_V1_STR`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Prefix {
    Literal(String),
    Name(String),
    /// Pieces joined as written: `ctx + '/'`, `` `${base}/v1` ``.
    Concat(Vec<Prefix>),
    /// In a function's path template: its n-th parameter (the function's
    /// own, then those of the function it returns).
    Param(usize),
    /// A call to a function that builds a path from its arguments
    /// (`v1Base("/items")` with `v1Base := v1.BaseURLFunc("/api")`).
    Call(Box<PrefixCall>),
    /// An environment variable read in place (`process.env.API || '/v1'`,
    /// `os.environ["API"]`), with the default the code gives.
    Env {
        var: String,
        default: Option<String>,
    },
}

/// A path-building call: the function called and every argument it is
/// given, outer call first (`BaseURLFunc("/api")("/items")`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrefixCall {
    pub function: String,
    pub args: Vec<Prefix>,
    /// The call as written: a name to resolve when the function is no
    /// path builder.
    pub written: String,
}

impl Prefix {
    /// Whether this piece, or a piece of it, satisfies `test`.
    pub fn any_piece(&self, test: &impl Fn(&Prefix) -> bool) -> bool {
        test(self)
            || matches!(self, Prefix::Concat(pieces) if pieces.iter().any(|p| p.any_piece(test)))
    }

    /// The prefix with each name that `replace` gives a piece for replaced
    /// by it (in concatenations too); other pieces as they are.
    pub fn replace_names(self, replace: &impl Fn(&str) -> Option<Prefix>) -> Prefix {
        match self {
            Prefix::Name(name) => replace(&name).unwrap_or(Prefix::Name(name)),
            Prefix::Concat(pieces) => Prefix::Concat(
                pieces
                    .into_iter()
                    .map(|p| p.replace_names(replace))
                    .collect(),
            ),
            other => other,
        }
    }
}

/// What a mount attaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MountChild {
    /// A router object, or a middleware function, by name.
    Name(String),
    /// A module path (`include('shop.urls')`, a middleware dotted path).
    Module(String),
    /// Routes declared inside this span (an inline list or plugin function).
    Inline(Span),
    /// Every route of the mount's frameworks (`app.setGlobalPrefix('api')`).
    Everything,
    /// A function written inline as middleware or hook
    /// (`fastify.addHook('onRequest', async (req) => …)`).
    InlineHook(Span),
    /// Every plugin in a folder, registered under its directory's path
    /// (`@fastify/autoload`).
    Autoload(Autoload),
    /// A template of a conventional route table
    /// (`MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}")`):
    /// the mount's prefix, taken by every route of the named convention.
    Convention(String),
    /// A transform every route token of the mount's frameworks goes
    /// through (`slugify`: `MyOrders` → `my-orders`, ASP.NET Core's
    /// `RouteTokenTransformerConvention`).
    TokenTransform(String),
    /// A hook class registered by name, or through a field or variable
    /// that holds one (Spring's `registry.addInterceptor(authInterceptor)`):
    /// a hook of every route, unless the mount's `paths` limit it.
    Hook(String),
}

/// The paths a registered hook is limited to (Spring's `addPathPatterns`
/// and `excludePathPatterns` chained on an interceptor's registration):
/// Ant-style patterns, `*` within a segment, `**` any number of segments.
/// No `include`: every path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HookPaths {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

/// A folder of plugins loaded by convention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Autoload {
    /// The folder, relative to the registering file's folder (`routes`, `../api`).
    pub dir: String,
    /// Directory names become path segments (`dirNameRoutePrefix`, default on).
    pub dir_prefix: bool,
    /// `_id` directories are `:id` parameters (`routeParams`).
    pub route_params: bool,
}

/// A router mounted under a parent (with a prefix), or middleware/hook
/// attached to a parent (or to everything when `parent` is None).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MountDecl {
    pub parent: Option<String>,
    pub child: MountChild,
    pub prefix: Option<Prefix>,
    /// The mount's prefix replaces the router's own (Flask `url_prefix`).
    pub prefix_replaces: bool,
    /// The prefix is the framework's default (`#set! mount.default_prefix`):
    /// a mount of the same child at the same place that writes one wins.
    #[serde(default)]
    pub prefix_is_default: bool,
    /// The child is a router even when it is a class or function (a NestJS
    /// module's controllers), never middleware.
    pub child_router: bool,
    /// The mount holds only when its parent is a router carve knows (a
    /// function called with a router: Go's `users.Register(v1)`).
    #[serde(default)]
    pub parent_router: bool,
    /// The child is an application of its own (a Rails engine, a Rack
    /// app): one catch-all route under the prefix.
    #[serde(default)]
    pub app: bool,
    pub frameworks: Vec<String>,
    /// A hook that runs only before routes of `frameworks` (a JAX-RS
    /// request filter runs for JAX-RS resources, not for other servlets).
    #[serde(default)]
    pub framework_only: bool,
    /// Only for routes whose handler carries an annotation this pointcut
    /// selects (an aspect's advice: `@Around("@annotation(a.Log)")` or a
    /// named pointcut `"logPointcut()"`).
    pub pointcut: Option<String>,
    /// For a registered hook: the paths it is limited to.
    #[serde(default)]
    pub paths: Option<Box<HookPaths>>,
    /// Made by a method call that holds only when the method is a group
    /// wrapper of the project (`FileFacts::group_wrappers`): Go's
    /// `sA := r.SubGroup("/settings")` on a type wrapping an echo group.
    #[serde(default)]
    pub via: Option<String>,
    /// The mount declaration: a mount inside an inline block belongs to it.
    pub span: Span,
    pub pos: Pos,
}

/// A rule match that met its file-local conditions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Hit {
    /// Index into the scan's `RuleSet` in the low bits (`rule()`), the
    /// hit's flags in the top four (`once()`, `on_submit()`, `cli()`, and
    /// `HELD`: `place` is the holder): every hit is alive through link, and
    /// one word for both keeps the record at 64 bytes.
    bits: u32,
    /// The def the hit is in (`def()`) or, outside functions, the
    /// module-level variable whose value holds the hit (`const
    /// sessionMiddleware = session({...})`), so routes that use the
    /// variable as middleware reach it (`holder()`): a hit has one or the
    /// other.
    place: DefRef,
    pub pos: Pos,
    pub end: Pos,
    pub span: ShortSpan,
    /// Text of the `@state` capture: what routes share (a variable, a key, a path).
    pub state: Option<Name>,
    /// Text of the capture named by the rule's `module_variable` (or
    /// `field`) condition.
    pub target: Option<Name>,
    /// Text of the capture named by the rule's `import_capture` condition.
    pub bound: Option<Name>,
    /// What few hits have (boxed, None for most): the suppression comment
    /// that covers it and, once the report reads it, its snippet
    /// (`suppression()`, `snippet()`).
    pub extra: Option<Box<HitExtra>>,
}

/// `Hit::bits`: under a lazy-initialisation guard (`if (!timer) timer =
/// setInterval(…)`), it runs once per process, the first time its function
/// runs.
const ONCE: u32 = 1 << 31;
/// `Hit::bits`: in a branch that runs only when a form is submitted.
const ON_SUBMIT: u32 = 1 << 30;
/// `Hit::bits`: in code that runs only for a command-line option or
/// command (`@cli`).
const CLI: u32 = 1 << 29;
/// `Hit::bits`: `place` is the holder, not the def.
const HELD: u32 = 1 << 28;
/// `Hit::bits`: the rule's index.
const RULE: u32 = HELD - 1;

impl Hit {
    /// Whether a call written at `at` is inside the hit's text (`go
    /// listen(cfg)`'s call of `listen`).
    pub fn encloses(&self, at: Pos) -> bool {
        self.pos <= at && at <= self.end
    }

    /// A hit of the rule at index `rule`, at module level, without names,
    /// extra part or flags until they are set.
    pub fn new(rule: usize, pos: Pos, end: Pos, span: ShortSpan) -> Hit {
        let mut hit = Hit {
            bits: 0,
            place: DefRef::NONE,
            pos,
            end,
            span,
            state: None,
            target: None,
            bound: None,
            extra: None,
        };
        hit.set_rule(rule);
        hit
    }

    /// Index into the scan's `RuleSet`.
    pub fn rule(&self) -> usize {
        (self.bits & RULE) as usize
    }

    pub fn set_rule(&mut self, rule: usize) {
        let rule = u32::try_from(rule).map_or(RULE, |r| r.min(RULE));
        self.bits = (self.bits & !RULE) | rule;
    }

    /// The def the hit is in (None: module level).
    pub fn def(&self) -> Option<usize> {
        (self.bits & HELD == 0).then(|| self.place.get()).flatten()
    }

    /// Outside functions: the module-level variable that holds the hit.
    pub fn holder(&self) -> Option<usize> {
        (self.bits & HELD != 0).then(|| self.place.get()).flatten()
    }

    /// In def `def`; outside functions (`def` None), held by the
    /// module-level variable `holder` (None: by none).
    pub fn set_place(&mut self, def: Option<usize>, holder: Option<usize>) {
        let held = def.is_none() && holder.is_some();
        self.place = def_index(def.or(holder));
        self.bits = (self.bits & !HELD) | if held { HELD } else { 0 };
    }

    /// Under a lazy-initialisation guard: it runs once per process.
    pub fn once(&self) -> bool {
        self.bits & ONCE != 0
    }

    /// In a branch that runs only when a form is submitted: not on a GET.
    pub fn on_submit(&self) -> bool {
        self.bits & ON_SUBMIT != 0
    }

    /// In code that runs only for a command-line option or command: a
    /// tool's work, not judged at start-up.
    pub fn cli(&self) -> bool {
        self.bits & CLI != 0
    }

    /// Sets the flags `once()`, `on_submit()`, `cli()`.
    pub fn set_flags(&mut self, once: bool, on_submit: bool, cli: bool) {
        let flag = |on: bool, bit: u32| if on { bit } else { 0 };
        self.bits = (self.bits & !(ONCE | ON_SUBMIT | CLI))
            | flag(once, ONCE)
            | flag(on_submit, ON_SUBMIT)
            | flag(cli, CLI);
    }

    /// A `carve: ignore[...]` comment that covers this hit.
    pub fn suppression(&self) -> Option<&Suppression> {
        self.extra.as_ref()?.suppressed.as_ref()
    }

    /// The first line of the finding's source, trimmed: empty until the
    /// report reads it again for the hits it lists (`report::snippets`).
    pub fn snippet(&self) -> &str {
        self.extra.as_ref().map_or("", |e| &e.snippet)
    }

    /// The file the hit only reads, when the tree may ship it.
    pub fn shipped(&self) -> Option<&str> {
        self.extra.as_ref().and_then(|e| e.shipped.as_deref())
    }

    /// Sets the snippet (a hit without one keeps no extra part for it).
    pub fn set_snippet(&mut self, snippet: Box<str>) {
        if !snippet.is_empty() || self.extra.is_some() {
            self.extra.get_or_insert_with(Box::default).snippet = snippet;
        }
    }
}

/// The parts of a hit few hits have, boxed apart so that the record of
/// every other hit (all of them alive through link) is 16 bytes smaller.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct HitExtra {
    /// A `carve: ignore[...]` comment that covers the hit.
    pub suppressed: Option<Suppression>,
    /// The first line of the finding's source, trimmed (for reports and
    /// fingerprints that survive line shifts): empty until the report reads
    /// it again for the hits it lists (`report::snippets`), so the facts of
    /// a scan hold no copy of their lines; set at once only for a settings
    /// file's hits, whose text is not read again.
    #[serde(skip)]
    pub snippet: Box<str>,
    /// A file the hit only reads, named in the repository's terms
    /// (`search.db` of `sqlite3.connect(BASE_DIR / "search.db")` in a
    /// function that writes nothing): the hit does not count when the
    /// scanned tree ships that file (`shipped::drop_shipped_reads`).
    pub shipped: Option<Box<str>>,
    /// The hit runs only while a flag of its class is on (`if
    /// ($this->cache)`), a flag off by default that only its class turns
    /// on: the methods (defs of the file) that set it. The hit counts only
    /// in a program that calls one of them (`flags::without_unset_flags`).
    #[serde(default)]
    pub flag_setters: Option<Box<[u32]>>,
}

impl HitExtra {
    /// The extra part of a new hit: None when it has neither.
    pub fn new(suppressed: Option<Suppression>, snippet: Box<str>) -> Option<Box<HitExtra>> {
        (suppressed.is_some() || !snippet.is_empty()).then(|| {
            Box::new(HitExtra {
                suppressed,
                snippet,
                shipped: None,
                flag_setters: None,
            })
        })
    }
}

/// The trimmed line of `source` that holds `byte`, at most 200 characters:
/// a hit's snippet.
pub fn snippet(source: &str, byte: usize) -> Box<str> {
    let start = source
        .get(..byte)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line = source
        .get(start..)
        .and_then(|rest| rest.lines().next())
        .unwrap_or("")
        .trim();
    match line.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &line[..cut]).into(),
        None => line.into(),
    }
}

/// A suppression comment that covers a hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    pub reason: Option<String>,
    /// The line of the comment.
    pub line: u32,
}

/// A class member with a known type: an injected service, `self.repo = Repo()`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// Interned: the class's def holds the same name.
    pub class: Name,
    pub name: Name,
    /// The type or constructor as written (`UsersService`, `repos.Repo`).
    pub type_name: String,
    /// Declared `static`: one value for the whole process.
    #[serde(default)]
    pub is_static: bool,
}

impl Field {
    /// The class of the attributes start-up code sets on the running
    /// application object (the language's `app_objects`): no class of the
    /// program can be named so.
    pub const APP: &'static str = "(app)";
}

/// A mark a program puts on a class somewhere (`AddSingleton<Cache>()`
/// tags `Cache` `singleton`), for rules that need it (`class_tag`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassTag {
    /// The class's name as written, without namespace or generic arguments.
    pub class: String,
    pub tag: String,
}

/// A function value bound to a field where a value of the struct is built
/// (`api.ClientAPI{NotifyDeleted: h.NotifyDeletedClient}`): a call through
/// the field (`a.NotifyDeleted(…)`) runs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldBinding {
    /// The struct's name as written, without package.
    pub class: String,
    pub field: String,
    /// The value as link resolves it (receivers and typed locals rewritten).
    pub value: String,
    /// The function the value is written in.
    pub def: Option<usize>,
}

/// A method that keeps the function it is given in a field of its struct
/// (`func (c *Notifier) OnDeleted(cb func(uint)) { c.onDeleted =
/// append(c.onDeleted, cb) }`): what its callers pass is bound to the field,
/// as if written in a struct literal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relay {
    /// The struct's name as written, without package.
    pub class: String,
    pub method: String,
    pub field: String,
}

/// Everything extracted from one file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileFacts {
    /// Path relative to the scanned root, `/`-separated.
    pub path: String,
    pub lang: Lang,
    pub bytes: usize,
    pub lines: usize,
    /// Syntax errors tree-sitter recovered from.
    pub parse_errors: usize,
    /// The query stopped at its work budget (pathologically nested code) or
    /// the facts at their budget in bytes (a huge generated file): the facts
    /// are those found until then.
    pub partial: bool,
    /// Where the app starts (`Flask(__name__)`, `express()`, a Django settings
    /// module): server code, with everything it imports.
    pub entry: bool,
    /// Marked as browser code (`'use client'`), or a file that runs only in
    /// development (the language's `dev_only_files`): never server code.
    pub client: bool,
    /// The package or namespace the file declares (Java `package`, C#
    /// `namespace`): its types are visible to the rest of it.
    pub namespace: Option<String>,
    pub defs: Vec<Def>,
    pub calls: Vec<Call>,
    pub imports: Vec<Import>,
    pub exports: RareList<Export>,
    pub routes: RareList<RouteDecl>,
    pub routers: RareList<RouterDecl>,
    pub mounts: RareList<MountDecl>,
    pub fields: RareList<Field>,
    pub tags: RareList<ClassTag>,
    pub bindings: RareList<FieldBinding>,
    #[serde(default)]
    pub relays: RareList<Relay>,
    /// Methods that forward their prefix parameter to a group of the
    /// framework (`func (r *Router) SubGroup(prefix string) *Router { return
    /// NewRouter(r.Group.Group(prefix)) }`): a call of one makes a group.
    #[serde(default)]
    pub group_wrappers: RareList<String>,
    pub hits: Vec<Hit>,
    /// Where code runs only for a command-line option or command (`@cli`),
    /// in order: link finds those that go on to serve routes (`Call::cli`
    /// and `Hit::cli()` say a call or hit is in one).
    #[serde(default)]
    pub cli_regions: RareList<CliRegion>,
    /// `carve: ignore` comments that covered no hit.
    pub unused_suppressions: RareList<super::suppress::UnusedSuppression>,
}

impl FileFacts {
    /// The size of the records held (their strings' text not counted), for
    /// the facts budget of extraction: O(1). Routes, routers and mounts are
    /// not counted: a file declaring 30,000 routes is read in full (each
    /// route is a line of the report, bounded by the file's size).
    pub fn record_bytes(&self) -> usize {
        use std::mem::size_of_val;
        size_of_val(&*self.defs)
            + size_of_val(&*self.calls)
            + size_of_val(&*self.imports)
            + size_of_val(&*self.exports)
            + size_of_val(&*self.fields)
            + size_of_val(&*self.tags)
            + size_of_val(&*self.hits)
            + size_of_val(&*self.bindings)
            + size_of_val(&*self.relays)
            + size_of_val(&*self.cli_regions)
    }

    /// Gives back the spare capacity of every list. A file's facts live
    /// until the report is built, and lists grown by doubling leave about a
    /// third of their room unused: across a large scan, tens of megabytes.
    pub fn shrink_to_fit(&mut self) {
        self.defs.shrink_to_fit();
        self.calls.shrink_to_fit();
        self.imports.shrink_to_fit();
        self.exports.shrink_to_fit();
        self.routes.shrink_to_fit();
        self.routers.shrink_to_fit();
        self.mounts.shrink_to_fit();
        self.fields.shrink_to_fit();
        self.tags.shrink_to_fit();
        self.bindings.shrink_to_fit();
        self.relays.shrink_to_fit();
        self.group_wrappers.shrink_to_fit();
        self.hits.shrink_to_fit();
        self.cli_regions.shrink_to_fit();
        self.unused_suppressions.shrink_to_fit();
    }

    /// Drops what only link reads (calls, exports, route, router and mount
    /// declarations, fields, tags, bindings, relays, the defs' locals and
    /// rare parts), once the program is linked and nothing will link it
    /// again: assess, the report and `cost` read the defs, hits, imports
    /// and unused suppressions only.
    pub fn drop_link_only(&mut self) {
        for def in &mut self.defs {
            def.locals = Box::default();
            def.extra = DefExtra::default();
        }
        self.calls = Vec::new();
        self.exports = RareList::new();
        self.routes = RareList::new();
        self.routers = RareList::new();
        self.mounts = RareList::new();
        self.fields = RareList::new();
        self.tags = RareList::new();
        self.bindings = RareList::new();
        self.relays = RareList::new();
    }

    /// The facts of a file of `text` before anything is found in it.
    pub fn empty(path: &str, lang: crate::lang::Lang, text: &str) -> FileFacts {
        FileFacts {
            path: path.to_string(),
            lang,
            bytes: text.len(),
            lines: text.lines().count(),
            parse_errors: 0,
            partial: false,
            entry: false,
            client: false,
            namespace: None,
            defs: Vec::new(),
            calls: Vec::new(),
            imports: Vec::new(),
            exports: RareList::new(),
            routes: RareList::new(),
            routers: RareList::new(),
            mounts: RareList::new(),
            fields: RareList::new(),
            tags: RareList::new(),
            bindings: RareList::new(),
            relays: RareList::new(),
            group_wrappers: RareList::new(),
            hits: Vec::new(),
            cli_regions: RareList::new(),
            unused_suppressions: RareList::new(),
        }
    }
}

impl FileFacts {
    /// Whether `name` is bound inside `def` or a function enclosing it.
    pub fn is_local(&self, def: usize, name: &str) -> bool {
        let mut current = Some(def);
        while let Some(d) = current {
            let def = &self.defs[d];
            if def.locals.iter().any(|l| *l == name) {
                return true;
            }
            current = def.parent();
        }
        false
    }

    /// Whether the dotted `name`, written in `def`, starts with a name bound
    /// inside it or a function enclosing it (`user` in `res.json(user)`).
    pub fn root_is_local(&self, def: Option<usize>, name: &str) -> bool {
        let root = name.split('.').next().unwrap_or(name);
        def.is_some_and(|d| self.is_local(d, root))
    }

    /// Whether `hit` can never count, whatever the rest of the program: its
    /// rule (`when`) wants the hit's target to be a module-level variable,
    /// or its bound name to be imported, and that name is missing or bound
    /// inside the hit's function (`req.body`: a parameter), or, in a
    /// language whose files bind every name they use, bound nowhere in the
    /// file (`client.send(…)` without an import or definition of
    /// `client`). Link drops such hits, and extraction does not keep them:
    /// they are most of the matches of a rule that looks at every member
    /// expression or call.
    pub fn hit_names_local(&self, hit: &Hit, when: &Conditions) -> bool {
        let local = |root: &str| hit.def().is_some_and(|d| self.is_local(d, root));
        let target_local = || {
            hit.target
                .as_deref()
                .is_none_or(|t| local(t.split(['.', '[']).next().unwrap_or(t)))
        };
        let bound_local = || {
            hit.bound.as_deref().is_none_or(|b| {
                let name = b.split(['[', '(']).next().unwrap_or(b);
                local(name.split('.').next().unwrap_or(name))
            })
        };
        // Link resolves the name (`module_variable`, `imported_from`) in
        // the file, or as a member of the hit's class; a hit of a rule that
        // reaches the program through a variable is read by link all the
        // same (`through_variables`), so it is kept.
        let unbound =
            self.lang.resolution().binds_names_in_file() && when.through_variable.is_none();
        let target_nowhere = || {
            unbound
                && hit.target.as_deref().is_some_and(|t| {
                    let name = t.strip_prefix("this.").unwrap_or(t);
                    let root = name.split(['.', '[']).next().unwrap_or(name);
                    !self.imports.iter().any(|i| *i.local == *root)
                        && !self.defs.iter().any(|d| *d.name == *root)
                })
        };
        let bound_nowhere = || {
            unbound
                && hit
                    .bound
                    .as_deref()
                    .is_some_and(|b| !self.binds(b.split(['[', '(']).next().unwrap_or(b)))
        };
        (when.module_variable.is_some() && (target_local() || target_nowhere()))
            || (!when.imported_from.is_empty() && (bound_local() || bound_nowhere()))
    }

    /// Whether the file binds the dotted `name` as link's resolver can
    /// find it without a package scope: a dotted prefix of it by an import
    /// (`import a.b` binds `a.b.c`), or its first part by a top-level
    /// definition.
    fn binds(&self, name: &str) -> bool {
        let mut prefix = name;
        loop {
            if self.imports.iter().any(|i| *i.local == *prefix) {
                return true;
            }
            match prefix.rsplit_once('.') {
                Some((shorter, _)) => prefix = shorter,
                None => break,
            }
        }
        let first = name.split('.').next().unwrap_or(name);
        self.defs
            .iter()
            .any(|d| d.class.is_none() && d.parent().is_none() && *d.name == *first)
    }

    /// The defs named `name` declared in class `class` (its methods and
    /// class-level variables), in order.
    pub fn members<'a>(
        &'a self,
        class: &'a str,
        name: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        self.defs
            .iter()
            .enumerate()
            .filter(move |(_, d)| d.class.as_deref() == Some(class) && d.name == name)
            .map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every hit of every file is alive through link: what few hits have
    /// (suppression, snippet) stays out of the record.
    #[test]
    fn a_hit_record_keeps_its_rare_parts_apart() {
        assert!(std::mem::size_of::<Hit>() <= 64);
        assert!(std::mem::size_of::<Call>() <= 32);
        assert!(std::mem::size_of::<Def>() <= 80);
        assert!(std::mem::size_of::<Import>() <= 40);
        assert!(std::mem::size_of::<FileFacts>() <= 264);
        let mut plain = Hit::new(
            7,
            Pos::default(),
            Pos::default(),
            Span { start: 4, end: 9 }.into(),
        );
        plain.set_place(None, Some(3));
        assert_eq!(plain.rule(), 7);
        assert!(!plain.once() && !plain.on_submit() && !plain.cli());
        assert!(plain.extra.is_none());
        assert_eq!((plain.def(), plain.holder()), (None, Some(3)));
        assert_eq!(plain.span.get(), Span { start: 4, end: 9 });
        let mut listed = plain.clone();
        listed.set_snippet("x = 1".into());
        assert_eq!(listed.snippet(), "x = 1");
        assert!(listed.suppression().is_none());
        let mut unlisted = plain;
        unlisted.set_snippet(Box::default());
        assert!(unlisted.extra.is_none());
    }

    /// The rule, the place and the flags share the record's first words
    /// without reading each other.
    #[test]
    fn a_hit_packs_rule_place_and_flags_apart() {
        let span = Span { start: 0, end: 1 }.into();
        let mut hit = Hit::new(300, Pos::default(), Pos::default(), span);
        hit.set_flags(true, false, true);
        hit.set_place(Some(5), Some(2));
        assert_eq!((hit.rule(), hit.def(), hit.holder()), (300, Some(5), None));
        assert!(hit.once() && !hit.on_submit() && hit.cli());
        hit.set_place(None, Some(2));
        hit.set_rule(12);
        assert_eq!((hit.rule(), hit.def(), hit.holder()), (12, None, Some(2)));
        hit.set_flags(false, true, false);
        assert!(!hit.once() && hit.on_submit() && !hit.cli());
        hit.set_place(None, None);
        assert_eq!((hit.def(), hit.holder()), (None, None));
        let bytes = postcard::to_stdvec(&hit).expect("postcard");
        let back: Hit = postcard::from_bytes(&bytes).expect("postcard");
        assert_eq!(
            (back.rule(), back.on_submit(), back.holder()),
            (12, true, None)
        );
    }

    /// `scan::extract_all` collects the files' facts in the room of its
    /// per-file results, which needs records of one size: a second list of
    /// every file's facts would be megabytes at the end of extraction.
    #[test]
    fn a_file_result_is_the_size_of_its_facts() {
        use crate::discover::SkippedFile;
        assert_eq!(
            std::mem::size_of::<Option<Result<FileFacts, SkippedFile>>>(),
            std::mem::size_of::<FileFacts>()
        );
    }

    /// The targets (or bound names) of the hits of rule `id` extraction
    /// keeps in `source`, a file of language `lang`.
    fn kept(lang: &str, id: &str, source: &str) -> Vec<String> {
        let rules = crate::rules::RuleSet::builtin().expect("the built-in rules load");
        let lang = crate::lang::Lang::by_name(lang).expect("a language");
        let queries = crate::extract::queries::CompiledQueries::compile_for(&rules, &[lang])
            .expect("the built-in queries compile");
        let lang_queries = queries.for_lang(lang).expect("queries for the language");
        let mut parser = tree_sitter::Parser::new();
        let facts =
            crate::extract::extract_file(&mut parser, "f", lang, source, lang_queries, &rules)
                .expect("the file parses");
        let index = rules
            .rules
            .iter()
            .position(|r| r.id == id)
            .expect("the rule");
        let mut names: Vec<String> = facts
            .hits
            .iter()
            .filter(|h| h.rule() == index)
            .filter_map(|h| {
                h.target
                    .as_deref()
                    .or(h.bound.as_deref())
                    .map(str::to_string)
            })
            .collect();
        names.sort();
        names
    }

    /// Link resolves a hit's module variable or imported name in its file
    /// (Python, JavaScript): a name the file neither imports nor defines
    /// cannot count, so extraction does not keep its hit. Go lends every
    /// file its package's names: such a hit is kept there.
    #[test]
    fn hits_on_names_their_file_never_binds_are_not_kept_where_files_bind_their_names() {
        let js = "import lru from 'lru-cache';\n\
                  const cache = new NodeCache();\n\
                  function a(k) { return cache.get(k) + lru.get(k) + stray.get(k); }\n";
        assert_eq!(
            kept("javascript", "in-memory-cache/js-process-cache", js),
            ["cache", "lru"]
        );
        let py = "import boto3\n\
                  def a():\n    boto3.client('s3')\n    botocore.session.get_session()\n";
        assert_eq!(
            kept("python", "vendor-sdk/python-cloud-sdk", py),
            ["boto3.client"]
        );
        let go = "package p\n\nfunc a() {\n\tcount = count + 1\n}\n";
        assert_eq!(kept("go", "global-state/go-package-state", go), ["count"]);
    }
}
