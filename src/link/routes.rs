//! Route composition: one generic mechanism for every framework. A route is
//! declared on a router (an object, a class, a module's URL list, an inline
//! block, or the file's place in the tree); routers carry their own prefix
//! and are mounted under parents with more prefixes. Walking the mounts up
//! to the roots gives every full path. Hooks (middleware, `before_request`,
//! guards) attach to routers and run before every route below them.

use super::apps::AppScope;
use super::handlers::expand_handlers;
use super::resolve::{Resolver, Symbol};
use super::templates;
use crate::extract::facts::{
    DefKind, FileFacts, FsRoute, HandlerRef, HookPaths, MountChild, MountDecl, Pos, Prefix,
    RouteDecl, Span,
};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet};

/// HTTP verbs, in the order routes of one handler are listed.
pub(super) const HTTP_METHODS: &[&str] =
    &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// Which router a name or block denotes: (file, name). Module URL lists are
/// `<module>`; inline blocks `@<byte>`.
pub(super) type RouterKey = (usize, String);

use crate::defines::Defines;
use crate::extract::MODULE_ROUTER;

/// A composed route.
#[derive(Debug, Clone)]
pub struct Route {
    pub method: String,
    pub path: String,
    pub framework: String,
    pub file: usize,
    pub pos: Pos,
    /// The file whose declaration made the route (`routes/web.php`), where
    /// `file` is its handler's.
    pub declared_in: usize,
    /// The handler definition, when it resolved: (file, def).
    pub handler: Option<(usize, usize)>,
    /// The handler as written or resolved (`UserView.get`, `<anonymous>`).
    pub handler_name: String,
    /// Functions that run before the handler: route middleware, router hooks
    /// (file, def).
    pub before: Vec<(usize, usize)>,
    /// Socket events served on this endpoint, each by one of the handlers.
    pub events: Vec<String>,
    /// Library callbacks named in full that run around the handler's action
    /// (`…PageCache.write` of `caches_page :show`).
    pub callbacks: Vec<String>,
    /// Prefixes of the path written as names, and where their value came from.
    pub prefixes: Vec<PrefixOrigin>,
    /// Middleware the declaration skips (`StartSession`, `web`).
    pub without: Vec<String>,
}

/// A prefix written as a name (`settings.API_V1_STR`, `API_PREFIX`): the
/// value carve composed into the path, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrefixOrigin {
    pub name: String,
    /// `None`: unresolved, the path shows `{name}`.
    pub value: Option<String>,
    /// The definition the value was read from: (file, line).
    pub at: Option<(usize, u32)>,
    /// The settings file and line the value was read from
    /// (`application.properties:3`), when not a definition in the code.
    pub in_settings: Option<(String, u32)>,
    /// The environment variable that overrides the value at run time.
    pub env: Option<String>,
    /// Where the user gave the value (`--define`, `.carve/config.toml:7`),
    /// which replaces what the code says.
    pub defined: Option<String>,
}

impl Route {
    pub fn id(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// The socket endpoint (`WS /socket.io/`), whose handlers are its events.
    pub fn is_socket(&self) -> bool {
        self.method == "WS"
    }
}

/// A mount edge: `child` is served under `parent` with `prefix`.
struct Mount {
    parent: Option<RouterKey>,
    prefix: String,
    origin: Option<PrefixOrigin>,
    replaces: bool,
}

struct Tables {
    prefixes: FxHashMap<RouterKey, String>,
    prefix_origins: FxHashMap<RouterKey, PrefixOrigin>,
    /// Routers whose paths end without a `/` (DRF `trailing_slash=False`).
    no_trailing_slash: FxHashSet<RouterKey>,
    router_frameworks: FxHashMap<RouterKey, Vec<String>>,
    mounts: FxHashMap<RouterKey, Vec<Mount>>,
    hooks: FxHashMap<Option<RouterKey>, Vec<(usize, usize)>>,
    /// Hooks that run only before routes of these frameworks
    /// (`#set! mount.framework_only`: a JAX-RS filter).
    hook_frameworks: FxHashMap<(usize, usize), Vec<String>>,
    /// Hooks that run only before some paths (a Spring interceptor's
    /// `addPathPatterns`/`excludePathPatterns`).
    hook_paths: FxHashMap<(usize, usize), HookPaths>,
    /// Inline blocks that hold routes: (file, span) → key.
    inline: Vec<(usize, Span, RouterKey)>,
    known: FxHashSet<RouterKey>,
    /// Hooks that run only for handlers carrying an annotation: (annotation
    /// name, advice) of an aspect.
    annotated_hooks: Vec<(String, (usize, usize))>,
    /// Prefixes applied to every route of a framework (`setGlobalPrefix`)
    /// of the project that declares them: (prefix, frameworks, only for the
    /// routes the code declares, the declaring file's path).
    global_prefixes: Vec<(String, Vec<String>, bool, String)>,
    /// Templates of conventional route tables: (convention, template).
    conventions: Vec<(String, String)>,
    /// Transforms of route token values: (transform, frameworks).
    token_transforms: Vec<(String, Vec<String>)>,
    /// Routers from packages mounted under a prefix (`include(wagtail_urls)`):
    /// (parent, prefix, what was mounted, file, position).
    external: Vec<(RouterKey, String, String, usize, Pos)>,
    /// Route templates views declare for their code-behind files (Razor
    /// Pages' `@page "{handler?}"`), by the code-behind's path.
    page_templates: BTreeMap<String, String>,
    /// Values the user gave to names (`--define`).
    defines: Defines,
    /// Settings files whose values fill placeholders in paths.
    settings_files: Vec<crate::config_files::SettingsFile>,
    /// The frameworks each folder imports.
    framework_use: super::framework_use::FrameworkUse,
    /// Group names declared more than once in a file.
    shadows: super::shadows::Shadows,
}

impl Tables {
    /// An external router (`include(wagtail_urls)`, a Rails engine) mounted
    /// under `prefix` of `parent`, when the parent is known.
    fn push_external(
        &mut self,
        parent: &Option<RouterKey>,
        prefix: &str,
        name: &str,
        file: usize,
        pos: Pos,
    ) {
        if let Some(parent) = parent {
            self.external.push((
                parent.clone(),
                prefix.to_string(),
                name.to_string(),
                file,
                pos,
            ));
        }
    }
}

pub fn compose_routes(
    resolver: &Resolver,
    apps: &AppScope,
    dependencies: &BTreeSet<String>,
    settings: &[crate::app_config::RoutePrefix],
    page_templates: BTreeMap<String, String>,
    defines: Defines,
    settings_files: &[crate::config_files::SettingsFile],
) -> Vec<Route> {
    let files = resolver.files;
    let mut t = Tables {
        prefixes: FxHashMap::default(),
        prefix_origins: FxHashMap::default(),
        no_trailing_slash: FxHashSet::default(),
        router_frameworks: FxHashMap::default(),
        mounts: FxHashMap::default(),
        hooks: FxHashMap::default(),
        hook_frameworks: FxHashMap::default(),
        hook_paths: FxHashMap::default(),
        inline: Vec::new(),
        known: FxHashSet::default(),
        annotated_hooks: Vec::new(),
        // Prefixes from settings files come first: the servlet context
        // path is outside every path the code declares.
        global_prefixes: settings
            .iter()
            .map(|s| {
                let prefix = s.prefix.clone();
                (
                    prefix,
                    s.frameworks.clone(),
                    s.code_routes_only,
                    s.file.clone(),
                )
            })
            .collect(),
        conventions: Vec::new(),
        token_transforms: Vec::new(),
        external: Vec::new(),
        page_templates,
        defines,
        settings_files: settings_files.to_vec(),
        framework_use: super::framework_use::FrameworkUse::new(files),
        shadows: super::shadows::Shadows::new(resolver),
    };
    for (file_idx, facts) in files.iter().enumerate() {
        for router in &facts.routers {
            let key = (file_idx, router.name.clone());
            if let Some(prefix) = &router.prefix {
                let (text, origin) = resolve_prefix(resolver, &t.defines, file_idx, prefix);
                t.prefixes.insert(key.clone(), text);
                if let Some(origin) = origin {
                    t.prefix_origins.insert(key.clone(), origin);
                }
            }
            if router.strip_trailing_slash {
                t.no_trailing_slash.insert(key.clone());
            }
            // A router declared twice keeps the frameworks it was given.
            let frameworks = t.router_frameworks.entry(key.clone()).or_default();
            if frameworks.is_empty() {
                frameworks.clone_from(&router.frameworks);
            }
            t.known.insert(key);
        }
    }
    // Routers routes are declared on, by name: a variable among them is a
    // router even when no constructor carve knows created it.
    let declared: FxHashSet<RouterKey> = files
        .par_iter()
        .enumerate()
        .flat_map_iter(|(file_idx, facts)| {
            facts
                .routes
                .iter()
                .filter_map(move |r| r.router.as_deref().map(|name| (file_idx, name)))
        })
        .map(|(file_idx, name)| router_key(resolver, file_idx, name))
        .collect();
    // Inline blocks first (`include([...])`, a list of URL patterns kept in a
    // variable): a mount written inside one belongs to it, not to the module.
    let mut blocks: Vec<(usize, Span)> = Vec::new();
    for (file_idx, facts) in files.iter().enumerate() {
        for mount in &facts.mounts {
            match &mount.child {
                MountChild::Inline(span) => blocks.push((file_idx, *span)),
                MountChild::Name(name) => {
                    if let Some(block) = pattern_list(resolver, &t, &declared, file_idx, name) {
                        blocks.push(block);
                    }
                }
                _ => {}
            }
        }
    }
    let scopes = router_scopes(resolver, &mut t);
    let mut autoloads = Vec::new();
    // Functions called with a router come last: the router they are given
    // may be a group another mount makes (`users.Register(v1.Group("/users"))`).
    // A group made by a method call holds when the method is a group
    // wrapper of the project (`r.SubGroup("/settings")`).
    let wrappers: FxHashSet<&str> = files
        .iter()
        .flat_map(|facts| facts.group_wrappers.iter().map(String::as_str))
        .collect();
    let mut ordered: Vec<(usize, &MountDecl)> = files
        .iter()
        .enumerate()
        .flat_map(|(file_idx, facts)| facts.mounts.iter().map(move |m| (file_idx, m)))
        .filter(|(_, m)| m.via.as_deref().is_none_or(|v| wrappers.contains(v)))
        .collect();
    // Within each, routers before middleware: `g := e.Group("", auth)` is
    // two mounts of one declaration, and the middleware's parent is the
    // group only once the group is known.
    ordered.sort_by_key(|(_, mount)| (mount.parent_router, !mount.child_router));
    for (file_idx, mount) in ordered {
        let scope = innermost(&scopes, file_idx, mount.span);
        let parent = mount_parent(resolver, &t, &blocks, scope, file_idx, mount);
        // A function called with a router declares routes on it only
        // when the argument is a router; a name the scope does not know
        // stands for the scope's own router only when no other argument
        // of the call is a router (`RouteRead(handler, level, r.PathPrefix("/read").Subrouter())`).
        if mount.parent_router {
            let known = |p: &Option<(RouterKey, bool)>| {
                p.as_ref().is_some_and(|(k, _)| t.known.contains(k))
            };
            let other_router = || {
                files[file_idx].mounts.iter().any(|m| {
                    m.parent_router
                        && m.pos == mount.pos
                        && m.child == mount.child
                        && m.parent != mount.parent
                        && matches!(
                            mount_parent(resolver, &t, &blocks, scope, file_idx, m),
                            Some((k, false)) if t.known.contains(&k)
                        )
                })
            };
            if !known(&parent)
                || parent.as_ref().is_some_and(|(_, fallback)| *fallback) && other_router()
            {
                continue;
            }
        }
        let parent = parent.map(|(key, _)| key);
        if let Some(p) = &parent {
            t.known.insert(p.clone());
        }
        let (prefix, origin) = mount
            .prefix
            .as_ref()
            .map(|p| resolve_prefix(resolver, &t.defines, file_idx, p))
            .unwrap_or_default();
        let child = match &mount.child {
            MountChild::Inline(span) => {
                let key = (file_idx, format!("@{}", span.start));
                t.inline.push((file_idx, *span, key.clone()));
                Some(key)
            }
            MountChild::Name(name) if name.is_empty() => None,
            // An application of its own (a Rails engine, a Rack app); one
            // whose routes the app declares (a Grape API mounted in Rails)
            // serves them under the prefix.
            MountChild::Name(name) if mount.app => {
                let declared = resolver
                    .modules
                    .resolve(files, file_idx, name)
                    .filter(|&f| !files[f].routes.is_empty() || !files[f].mounts.is_empty());
                if declared.is_none() {
                    t.push_external(&parent, &prefix, name, file_idx, mount.pos);
                }
                declared.map(|f| (f, MODULE_ROUTER.to_string()))
            }
            // A group made inside a function that declares routes on
            // its router parameter: a router of that function's scope.
            MountChild::Name(name)
                if mount.child_router
                    && scope.is_some()
                    && !is_defined(resolver, file_idx, name) =>
            {
                // A group name declared again further on: this declaration's own.
                let name = t.shadows.name(file_idx, name, mount.span.start);
                scope.map(|block| (block.0, format!("{}:{name}", block.1)))
            }
            // A module's controllers, a module under a RouterModule path,
            // a function that declares routes on the router it is given.
            MountChild::Name(name) if mount.child_router => Some(
                route_function(resolver, file_idx, name)
                    .map(|(f, span)| (f, format!("@{}", span.start)))
                    .unwrap_or_else(|| {
                        let name = t.shadows.name(file_idx, name, mount.span.start);
                        router_key(resolver, file_idx, &name)
                    }),
            ),
            MountChild::Name(name)
                if pattern_list(resolver, &t, &declared, file_idx, name).is_some() =>
            {
                pattern_list(resolver, &t, &declared, file_idx, name).map(|(f, span)| {
                    let key = (f, format!("@{}", span.start));
                    t.inline.push((f, span, key.clone()));
                    key
                })
            }
            MountChild::Name(name) => {
                match resolver.resolve(file_idx, name).map(|(s, _)| match s {
                    Symbol::Module(f) => resolver.module_default(f),
                    other => other,
                }) {
                    Some(Symbol::Def(f, d)) if is_callable(&files[f], d) => {
                        if let Some(span) = holds_routes(&files[f], d) {
                            let key = (f, format!("@{}", span.start));
                            t.inline.push((f, span, key.clone()));
                            Some(key)
                        } else {
                            t.hooks.entry(parent.clone()).or_default().push((f, d));
                            if mount.framework_only {
                                t.hook_frameworks
                                    .entry((f, d))
                                    .or_default()
                                    .extend(mount.frameworks.iter().cloned());
                            }
                            None
                        }
                    }
                    // A package's router; a relative import that did not resolve (an
                    // excluded file) is no package.
                    Some(Symbol::External(package))
                        if mount.prefix.is_some()
                            && parent.is_some()
                            && !package.starts_with('.') =>
                    {
                        t.push_external(&parent, &prefix, name, file_idx, mount.pos);
                        None
                    }
                    // A configured middleware object (`session({...})`,
                    // `rateLimit({...})`) kept in a variable: a hook.
                    Some(Symbol::Def(f, d))
                        if files[f].defs[d].kind == DefKind::Variable
                            && !t.known.contains(&(f, files[f].defs[d].name.to_string()))
                            && !declared.contains(&(f, files[f].defs[d].name.to_string())) =>
                    {
                        t.hooks.entry(parent.clone()).or_default().push((f, d));
                        None
                    }
                    _ => Some(router_key(resolver, file_idx, name)),
                }
            }
            MountChild::InlineHook(span) => {
                let def = files[file_idx]
                    .defs
                    .iter()
                    .position(|d| d.kind == DefKind::Function && d.span.get() == *span);
                if let (Some(d), Some(pointcut)) = (def, &mount.pointcut) {
                    if let Some(annotation) = pointcut_annotation(&files[file_idx], pointcut) {
                        t.annotated_hooks.push((annotation, (file_idx, d)));
                    }
                } else if let Some(d) = def {
                    t.hooks
                        .entry(parent.clone())
                        .or_default()
                        .push((file_idx, d));
                }
                None
            }
            MountChild::Hook(name) => {
                if let Some(hook) =
                    super::hook_paths::hook_class(resolver, file_idx, mount.span, name)
                {
                    let hooks = t.hooks.entry(parent.clone()).or_default();
                    if !hooks.contains(&hook) {
                        hooks.push(hook);
                    }
                    if let Some(paths) = &mount.paths {
                        let limits = t.hook_paths.entry(hook).or_default();
                        limits.include.extend(paths.include.iter().cloned());
                        limits.exclude.extend(paths.exclude.iter().cloned());
                    }
                }
                None
            }
            MountChild::Autoload(autoload) => {
                autoloads.push((file_idx, parent.clone(), prefix.clone(), autoload));
                None
            }
            MountChild::Convention(name) => {
                t.conventions.push((name.clone(), prefix.clone()));
                None
            }
            MountChild::TokenTransform(transform) => {
                t.token_transforms
                    .push((transform.clone(), mount.frameworks.clone()));
                None
            }
            MountChild::Everything => {
                t.global_prefixes.push((
                    prefix.clone(),
                    mount.frameworks.clone(),
                    false,
                    files[file_idx].path.to_string(),
                ));
                None
            }
            MountChild::Module(module) => {
                if let Some(target) = resolver.modules.resolve(files, file_idx, module) {
                    // The router the module exports, or its own URL list.
                    Some(match resolver.module_default(target) {
                        Symbol::Def(f, d) => (f, files[f].defs[d].name.to_string()),
                        _ => (target, MODULE_ROUTER.to_string()),
                    })
                } else {
                    // A dotted path to a class or function (middleware).
                    let hook = module.rsplit_once('.').and_then(|(module_part, name)| {
                        let target = resolver.modules.resolve(files, file_idx, module_part)?;
                        match resolver.export_of(target, name, 0)? {
                            Symbol::Def(f, d) => Some((f, d)),
                            _ => None,
                        }
                    });
                    match (hook, &parent) {
                        (Some(hook), _) => t.hooks.entry(parent.clone()).or_default().push(hook),
                        // URLs from a package: `include('allauth.urls')`.
                        (None, Some(parent)) if mount.prefix.is_some() => {
                            t.external.push((
                                parent.clone(),
                                prefix.clone(),
                                module.clone(),
                                file_idx,
                                mount.pos,
                            ));
                        }
                        _ => {}
                    }
                    None
                }
            }
        };
        if let Some(child) = child {
            t.known.insert(child.clone());
            t.mounts.entry(child).or_default().push(Mount {
                parent,
                prefix,
                origin,
                replaces: mount.prefix_replaces,
            });
        }
    }
    for (file_idx, parent, prefix, autoload) in autoloads {
        mount_autoload(files, &mut t, file_idx, parent, prefix, autoload);
    }
    templates::inherit_class_prefixes(resolver, &mut t.prefixes);
    let includes = Includes::new(resolver);
    // Each file's routes compose independently once the tables are built:
    // in parallel, concatenated in file order.
    let mut routes: Vec<Route> = files
        .par_iter()
        .enumerate()
        .flat_map_iter(|(file_idx, facts)| {
            file_routes(resolver, &t, &includes, apps, dependencies, file_idx, facts)
        })
        .collect();
    // A package's routes under a prefix: one catch-all route (`/admin/*`), so
    // the prefix is accounted for.
    for (parent, prefix, name, file_idx, pos) in &t.external {
        let mut paths = Vec::new();
        let mut hooks = Vec::new();
        collect_paths(
            &t,
            parent,
            prefix.clone(),
            &mut FxHashSet::default(),
            &mut paths,
            &mut hooks,
            &mut Vec::new(),
        );
        let framework = t
            .router_frameworks
            .get(parent)
            .and_then(|f| f.first().cloned())
            .or_else(|| {
                files[*file_idx]
                    .routes
                    .iter()
                    .find_map(|r| r.frameworks.first().cloned())
            })
            .unwrap_or_else(|| "unknown".into());
        for (path, origins) in paths {
            routes.push(Route {
                method: "ANY".into(),
                path: normalize_path(&join_path(&path, "*")),
                framework: framework.clone(),
                file: *file_idx,
                pos: *pos,
                declared_in: *file_idx,
                handler: None,
                handler_name: format!("{name} (package routes)"),
                before: Vec::new(),
                events: Vec::new(),
                callbacks: Vec::new(),
                prefixes: origins,
                without: Vec::new(),
            });
        }
    }
    routes.par_sort_by(|a, b| {
        let key = |r: &Route| (apps.app_key(r.file), r.file, r.pos);
        (&a.path, method_rank(&a.method), &a.method, key(a)).cmp(&(
            &b.path,
            method_rank(&b.method),
            &b.method,
            key(b),
        ))
    });
    // One endpoint declared several times in one application (Express runs
    // every handler registered for it in turn): the first is the handler,
    // the others run on the same request and are reachable from it. The same
    // path in two applications of one repository is two endpoints.
    routes.dedup_by(|later, first| {
        let same = later.path == first.path
            && later.method == first.method
            && apps.app_key(later.file) == apps.app_key(first.file);
        if same && later.handler != first.handler {
            first.before.extend(later.handler);
            first.before.append(&mut later.before);
            first.before.sort_unstable();
            first.before.dedup();
        }
        if same {
            first.events.append(&mut later.events);
        }
        same
    });
    // A socket endpoint is named by the events its handlers serve.
    for route in routes.iter_mut().filter(|r| !r.events.is_empty()) {
        route.events.sort();
        route.events.dedup();
        route.handler_name = format!("events: {}", route.events.join(", "));
    }
    routes
}

/// The routes declared in file `file_idx` (`facts`), composed with the
/// mounts, prefixes and hooks of `t`.
fn file_routes(
    resolver: &Resolver,
    t: &Tables,
    includes: &Includes,
    apps: &AppScope,
    dependencies: &BTreeSet<String>,
    file_idx: usize,
    facts: &FileFacts,
) -> Vec<Route> {
    let mut routes = Vec::new();
    // A configuration file's routes (`config/routes.yaml`).
    let from_config = crate::lang::Lang::of_route_file(&facts.path).is_some();
    let decls = super::tables::expand(resolver, file_idx, &facts.routes);
    let front_code = front_controller_code(facts, &decls);
    for decl in decls.iter().map(|d| &**d) {
        if decl
            .fs
            .as_ref()
            .is_some_and(|fs| front_code.is_some() || !includes.keeps(resolver, file_idx, fs))
        {
            continue;
        }
        // A pattern of a framework the folder does not import (gin's
        // `X.Any("key", v)` met in `slog.Any`) is no route.
        if !t.framework_use.allows(facts, &decl.frameworks) {
            continue;
        }
        let (key, confirmed) = route_router(resolver, t, &includes.by, file_idx, decl);
        if !confirmed && decl.fs.is_none() {
            continue;
        }
        // A controller class made by a factory function serves its routes
        // only on the classes that extend the factory's result.
        let keys = match factory_subclasses(resolver, file_idx, decl) {
            Some(subclasses) => subclasses,
            None => inheriting_routers(resolver, t, &key, decl).unwrap_or_else(|| vec![key]),
        };
        for key in keys {
            // A conventional candidate (an MVC action without a template of
            // its own): its class's prefix, or the convention's templates.
            let convention = decl
                .convention
                .as_deref()
                .filter(|_| decl.path.is_none() && decl.path_expr.is_none());
            let mut full_paths = Vec::new();
            let first_path = match convention {
                Some(_) if templates::routed_elsewhere(facts, decl) => continue,
                Some(_) if t.prefixes.contains_key(&key) => String::new(),
                Some(name) => {
                    full_paths.extend(
                        t.conventions
                            .iter()
                            .filter(|(n, _)| n == name)
                            .map(|(_, template)| (template.clone(), Vec::new())),
                    );
                    if full_paths.is_empty() {
                        continue;
                    }
                    String::new()
                }
                None => match own_path(resolver, t, file_idx, decl) {
                    Some(path) => path,
                    None => continue,
                },
            };
            let templated = !full_paths.is_empty();
            let own_paths = std::iter::once(first_path)
                .chain(decl.extra_paths.iter().cloned())
                .filter(|_| !templated);
            let framework = pick_framework(
                &decl.frameworks,
                t.router_frameworks.get(&key),
                dependencies,
            );
            // A front controller's top-level code (and what it includes)
            // runs before each route it declares.
            let mut hooks: Vec<(usize, usize)> = front_code
                .map(|code| (file_idx, code))
                .into_iter()
                .collect();
            // Hooks of every route.
            hooks.extend(
                t.hooks
                    .get(&None)
                    .into_iter()
                    .flatten()
                    .filter(|h| {
                        t.hook_frameworks
                            .get(h)
                            .is_none_or(|fw| fw.contains(&framework))
                    })
                    .copied(),
            );
            // Advice of aspects whose pointcut selects an annotation the handler carries.
            if let Some(HandlerRef::Def(d)) = decl.handlers.last() {
                let annotations = facts.defs[*d].annotations();
                hooks.extend(
                    t.annotated_hooks
                        .iter()
                        .filter(|(a, _)| annotations.iter().any(|x| x == a))
                        .map(|(_, hook)| *hook),
                );
            }
            if let Some(name) = &decl.router {
                // Hooks added on the name the route is declared on (a plugin's parameter).
                let written = router_key(resolver, file_idx, name);
                if written != key {
                    hooks.extend(t.hooks.get(&Some(written)).into_iter().flatten().copied());
                }
            }
            for own_path in own_paths {
                if let Some(rooted) = templates::rooted(decl, &own_path) {
                    full_paths.push((rooted, Vec::new()));
                    continue;
                }
                collect_paths(
                    t,
                    &key,
                    own_path,
                    &mut FxHashSet::default(),
                    &mut full_paths,
                    &mut hooks,
                    &mut Vec::new(),
                );
            }
            // Only those of this route's application and runtime: a router
            // name unresolved in two apps must not join their hooks.
            hooks.retain(|&(f, _)| apps.shares(f, file_idx));
            let project = resolver.modules.projects.root(file_idx);
            let global: String = t
                .global_prefixes
                .iter()
                .filter(|(_, fw, code_only, origin)| {
                    fw.contains(&framework)
                        && !(*code_only && from_config)
                        && super::projects::holds(project, origin)
                })
                .map(|(p, _, _, _)| p.as_str())
                .collect::<Vec<_>>()
                .join("/");
            let strip_slash = decl.strip_trailing_slash || t.no_trailing_slash.contains(&key);
            let transforms: Vec<&str> = t
                .token_transforms
                .iter()
                .filter(|(_, fw)| fw.contains(&framework))
                .map(|(name, _)| name.as_str())
                .collect();
            let tokens = templates::transform_tokens(&decl.tokens, &transforms);
            for (path, mut origins) in full_paths {
                let path = templates::replace_tokens(&path, &tokens);
                let (path, filled) = super::placeholders::fill(
                    &path,
                    facts.lang,
                    &facts.path,
                    &t.settings_files,
                    &t.defines,
                );
                origins.extend(filled);
                // Hooks limited to some paths: those that admit this one
                // (within the application: before the global prefix).
                let limited;
                let path_hooks = if hooks.iter().any(|h| t.hook_paths.contains_key(h)) {
                    limited = hooks
                        .iter()
                        .filter(|h| {
                            t.hook_paths
                                .get(h)
                                .is_none_or(|p| super::hook_paths::admits(p, &path))
                        })
                        .copied()
                        .collect::<Vec<_>>();
                    &limited
                } else {
                    &hooks
                };
                let path = normalize_path(&join_path(&global, &path));
                let first_new = routes.len();
                expand_handlers(
                    resolver,
                    file_idx,
                    decl,
                    &framework,
                    &path,
                    path_hooks,
                    &mut routes,
                );
                // A handler that declares routes of its own builds a router
                // (`mux.Handle("/v1/", api.NewHandler(store))` whose mux
                // registers "GET /v1/users"): the call mounts it, and its
                // routes are those it declares.
                let made = routes.split_off(first_new);
                routes.extend(
                    made.into_iter()
                        .filter(|r| !builds_router(resolver, t, decl, file_idx, r.handler)),
                );
                for route in &mut routes[first_new..] {
                    route.prefixes.clone_from(&origins);
                    if let Some(how) = &decl.shallow {
                        route.path = super::shallow::path(&route.path, how);
                    }
                }
                if strip_slash {
                    for route in &mut routes[first_new..] {
                        if route.path.len() > 1 && route.path.ends_with('/') {
                            route.path.pop();
                        }
                    }
                }
            }
        }
    }
    routes
}

/// Who includes whom: `by[file]` the files that import or include it by
/// name (`require 'header.php'`); `template[file]`: included through a
/// template (`require "source/{$level}.php"`).
struct Includes {
    by: Vec<Vec<usize>>,
    template: Vec<bool>,
}

impl Includes {
    fn new(resolver: &Resolver) -> Self {
        let files = resolver.files;
        let mut by = vec![Vec::new(); files.len()];
        let mut template = vec![false; files.len()];
        for (from, facts) in files.iter().enumerate() {
            for (import_idx, import) in facts.imports.iter().enumerate() {
                if import.include && import.module.contains('*') {
                    for target in resolver.included(from, import_idx) {
                        template[target] = true;
                    }
                } else if let Some(target) = resolver.imported(from, import_idx) {
                    if target != from && !by[target].contains(&from) {
                        by[target].push(from);
                    }
                }
            }
        }
        Includes { by, template }
    }

    /// Whether a file-system route of `file` stands (`FsRoute::unless_imported`, `page`).
    fn keeps(&self, resolver: &Resolver, file: usize, fs: &FsRoute) -> bool {
        let included = !self.by[file].is_empty() || (self.template[file] && !fs.page);
        if fs.unless_imported && included {
            return false;
        }
        !fs.page || self.is_page(resolver, file)
    }

    /// A script that includes a file of the project, none of which (nor
    /// itself) starts an app: a page, not a framework's front controller.
    fn is_page(&self, resolver: &Resolver, file: usize) -> bool {
        let files = resolver.files;
        let includes = |f: usize| {
            files[f]
                .imports
                .iter()
                .enumerate()
                .filter(|(_, i)| i.include && !i.module.contains('*'))
                .filter_map(move |(i, _)| resolver.imported(f, i))
        };
        if includes(file).next().is_none() {
            return false;
        }
        let mut seen = vec![false; files.len()];
        let mut todo = vec![file];
        while let Some(f) = todo.pop() {
            if std::mem::replace(&mut seen[f], true) {
                continue;
            }
            if files[f].entry {
                return false;
            }
            todo.extend(includes(f));
        }
        true
    }
}

/// A list of URL patterns kept in a variable (`extra = [path(...), ...]`,
/// mounted with `include(extra)`): an inline block, (file, span of the
/// assignment). Routers and configured middleware objects are not lists.
fn pattern_list(
    resolver: &Resolver,
    t: &Tables,
    declared: &FxHashSet<RouterKey>,
    file: usize,
    name: &str,
) -> Option<(usize, Span)> {
    let (Symbol::Def(f, d), _) = resolver.resolve(file, name)? else {
        return None;
    };
    let facts = &resolver.files[f];
    let def = &facts.defs[d];
    let key = (f, def.name.to_string());
    if def.kind != DefKind::Variable || t.known.contains(&key) || declared.contains(&key) {
        return None;
    }
    let span = def.span.get();
    let holds = facts.routes.iter().any(|r| span.contains(r.span))
        || facts.mounts.iter().any(|m| span.contains(m.span));
    holds.then_some((f, span))
}

/// `@fastify/autoload`: every plugin under the folder is mounted under a
/// router per directory (`routes/api/tasks/index.ts` → `/api/tasks`, `_id`
/// → `:id` with `routeParams`); an `autohooks` file's hooks are hooks of its
/// directory, so they run before every route below it.
fn mount_autoload(
    files: &[FileFacts],
    t: &mut Tables,
    file_idx: usize,
    parent: Option<RouterKey>,
    prefix: String,
    autoload: &crate::extract::facts::Autoload,
) {
    let base = files[file_idx]
        .path
        .rsplit_once('/')
        .map_or("", |(dir, _)| dir);
    let Some(folder) = join_relative(base, &autoload.dir) else {
        return;
    };
    let dir_key = |dirs: &[&str]| -> RouterKey {
        let mut name = format!("autoload:{folder}");
        for d in dirs {
            name.push('/');
            name.push_str(d);
        }
        (file_idx, name)
    };
    let root = dir_key(&[]);
    if !t.known.insert(root.clone()) {
        return;
    }
    t.mounts.entry(root.clone()).or_default().push(Mount {
        parent,
        prefix,
        origin: None,
        replaces: false,
    });
    let inside = format!("{folder}/");
    for (g, facts) in files.iter().enumerate() {
        let Some(rel) = facts.path.strip_prefix(&inside) else {
            continue;
        };
        let segments: Vec<&str> = rel.split('/').collect();
        let Some((file_name, dirs)) = segments.split_last() else {
            continue;
        };
        for depth in 1..=dirs.len() {
            let key = dir_key(&dirs[..depth]);
            if t.known.insert(key.clone()) {
                let dir = dirs[depth - 1];
                let segment = match dir.strip_prefix('_') {
                    _ if !autoload.dir_prefix => String::new(),
                    Some(param) if autoload.route_params => format!(":{param}"),
                    _ => dir.to_string(),
                };
                t.mounts.entry(key).or_default().push(Mount {
                    parent: Some(dir_key(&dirs[..depth - 1])),
                    prefix: segment,
                    origin: None,
                    replaces: false,
                });
            }
        }
        let here = dir_key(dirs);
        let stem = file_name.split('.').next().unwrap_or(file_name);
        if stem.eq_ignore_ascii_case("autohooks") {
            let mut hooks: Vec<(usize, usize)> = t
                .hooks
                .iter()
                .filter(|(k, _)| k.as_ref().is_some_and(|(f, _)| *f == g))
                .flat_map(|(_, h)| h.iter().copied())
                .collect();
            hooks.sort_unstable();
            hooks.dedup();
            t.hooks.entry(Some(here)).or_default().extend(hooks);
            continue;
        }
        // The file's plugins: its top-level functions that declare routes.
        for (d, def) in facts.defs.iter().enumerate() {
            if def.parent().is_some() {
                continue;
            }
            if let Some(span) = holds_routes(facts, d) {
                let key = (g, format!("@{}", span.start));
                if !t.inline.iter().any(|(f, s, _)| *f == g && *s == span) {
                    t.inline.push((g, span, key.clone()));
                }
                t.known.insert(key.clone());
                t.mounts.entry(key).or_default().push(Mount {
                    parent: Some(here.clone()),
                    prefix: String::new(),
                    origin: None,
                    replaces: false,
                });
            }
        }
    }
}

/// The annotation a pointcut selects: `@annotation(me.app.Log)` → `Log`;
/// a named pointcut (`logPointcut()`) is looked up among the file's
/// pointcut declarations.
fn pointcut_annotation(facts: &FileFacts, pointcut: &str) -> Option<String> {
    let text = match pointcut.trim().strip_suffix("()") {
        Some(name) if !name.contains('(') => facts
            .defs
            .iter()
            .find(|d| d.name == name.trim())
            .and_then(|d| d.pointcut().map(str::to_string))?,
        _ => pointcut.to_string(),
    };
    let inside = text.split("@annotation(").nth(1)?.split(')').next()?;
    let name = inside.rsplit('.').next()?.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// `base/rel` with `.` and `..` folded; `None` above the root.
pub(super) fn join_relative(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for piece in rel.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// A prefix's text: the literal, the value the user defined for a name or
/// for the environment variable that overrides it (`--define`), the string
/// constant a name refers to (a module constant, a class attribute, an
/// attribute of a settings object, the default of an environment variable),
/// or `{name}` when it cannot be known statically; and, for a name, where its
/// value came from.
fn resolve_prefix(
    resolver: &Resolver,
    defines: &Defines,
    file: usize,
    prefix: &Prefix,
) -> (String, Option<PrefixOrigin>) {
    match prefix {
        Prefix::Literal(text) => (text.clone(), None),
        Prefix::Name(name) => {
            let mut origin = PrefixOrigin {
                name: name.clone(),
                value: None,
                at: None,
                in_settings: None,
                env: None,
                defined: None,
            };
            if let Some((f, d)) = constant(resolver, file, name) {
                let def = &resolver.files[f].defs[d];
                origin.value = Some(def.literal().unwrap_or_default().to_string());
                origin.at = Some((f, def.pos.line));
                origin.env = def.env().map(str::to_string);
            } else if let Some((Symbol::Def(f, d), _)) = resolver.resolve(file, name) {
                // Read from the environment with no default.
                origin.env = resolver.files[f].defs[d].env().map(str::to_string);
                origin.at = origin
                    .env
                    .is_some()
                    .then(|| (f, resolver.files[f].defs[d].pos.line));
            }
            let env = origin.env.clone();
            defined(origin, defines, &[Some(name.as_str()), env.as_deref()])
        }
        Prefix::Concat(pieces) => joined(pieces, |piece| {
            resolve_prefix(resolver, defines, file, piece)
        }),
        // `v1Base("/items")`: the path the function called builds from the
        // arguments; the call as a name when the function builds none.
        Prefix::Call(call) => {
            let template = match resolver.resolve(file, &call.function) {
                Some((Symbol::Def(f, d), _)) => {
                    resolver.files[f].defs[d].path_template().map(|t| (f, t))
                }
                _ => None,
            };
            match template {
                Some((f, template)) => filled(resolver, defines, (file, &call.args), f, template),
                // `path.Join(uriAdmin, "/login")`: the arguments joined.
                None if resolver.files[file].lang.is_path_join(&call.function) => {
                    let mut origin = None;
                    let text = call.args.iter().fold(String::new(), |text, arg| {
                        let (piece, from) = resolve_prefix(resolver, defines, file, arg);
                        origin = origin.take().or(from);
                        join_path(&text, &piece)
                    });
                    (text, origin)
                }
                None => {
                    resolve_prefix(resolver, defines, file, &Prefix::Name(call.written.clone()))
                }
            }
        }
        Prefix::Env { var, default } => {
            let origin = PrefixOrigin {
                name: var.clone(),
                value: default.clone(),
                at: None,
                in_settings: None,
                env: Some(var.clone()),
                defined: None,
            };
            defined(origin, defines, &[Some(var.as_str())])
        }
        // Only a template's (read by `filled`).
        Prefix::Param(_) => (String::new(), None),
    }
}

/// A prefix's text: the value `--define` or `[define]` gives under the
/// first of `keys` defined (the name as written, the environment variable),
/// else the value the code gives, else `{name}` (a visible placeholder).
fn defined(
    mut origin: PrefixOrigin,
    defines: &Defines,
    keys: &[Option<&str>],
) -> (String, Option<PrefixOrigin>) {
    if let Some(given) = keys.iter().flatten().find_map(|k| defines.get(k)) {
        origin.value = Some(given.value.clone());
        origin.defined = Some(given.source.clone());
    }
    let text = match &origin.value {
        Some(value) => value.clone(),
        None => format!("{{{}}}", origin.name),
    };
    (text, Some(origin))
}

/// A path template of a function in `def_file` with its parameters replaced
/// by the arguments of a call written in `caller.0`; other names are the
/// function's file's constants.
fn filled(
    resolver: &Resolver,
    defines: &Defines,
    caller: (usize, &[Prefix]),
    def_file: usize,
    template: &Prefix,
) -> (String, Option<PrefixOrigin>) {
    match template {
        Prefix::Param(at) => match caller.1.get(*at) {
            Some(arg) => resolve_prefix(resolver, defines, caller.0, arg),
            None => (String::new(), None),
        },
        Prefix::Concat(pieces) => joined(pieces, |piece| {
            filled(resolver, defines, caller, def_file, piece)
        }),
        other => resolve_prefix(resolver, defines, def_file, other),
    }
}

/// Pieces' texts joined, with the first origin any gives.
fn joined(
    pieces: &[Prefix],
    mut resolve: impl FnMut(&Prefix) -> (String, Option<PrefixOrigin>),
) -> (String, Option<PrefixOrigin>) {
    let mut text = String::new();
    let mut origin = None;
    for piece in pieces {
        let (value, from) = resolve(piece);
        text.push_str(&value);
        origin = origin.or(from);
    }
    (text, origin)
}

/// The definition holding the string a name refers to: (file, def).
fn constant(resolver: &Resolver, file: usize, name: &str) -> Option<(usize, usize)> {
    let files = resolver.files;
    match resolver.resolve(file, name) {
        Some((Symbol::Def(f, d), _)) if files[f].defs[d].literal().is_some() => {
            return Some((f, d));
        }
        // A local read from a settings object (`const { globalPrefix } =
        // config.get('app')`): the one module-level setting of that name.
        // or a constant of a class of the file, written bare inside it
        // (Kotlin's companion `const val STATUS`, Java's `static final`).
        None if !name.contains('.') => {
            return class_constant(&files[file], name)
                .map(|d| (file, d))
                .or_else(|| unique_setting(files, name))
        }
        _ => {}
    }
    // `settings.API_V1_STR` where `settings = Settings()`: the class attribute.
    let class_attribute = || {
        let (object, attribute) = name.rsplit_once('.')?;
        let Some((Symbol::Def(f, d), _)) = resolver.resolve(file, object) else {
            return None;
        };
        let init = files[f].defs[d].init()?;
        let Some((Symbol::Def(cf, cd), _)) = resolver.resolve(f, init) else {
            return None;
        };
        let class = &files[cf].defs[cd].name;
        files[cf]
            .defs
            .iter()
            .position(|m| {
                m.class.as_deref() == Some(class.as_str())
                    && m.name == attribute
                    && m.literal().is_some()
            })
            .map(|m| (cf, m))
    };
    // `admin.path` read from a settings object: a default declared under
    // that key path (`nconf.defaults({ admin: { path: … } })`).
    class_attribute().or_else(|| unique_setting(files, name))
}

/// The one class member of `facts` named `name` that holds a literal.
fn class_constant(facts: &FileFacts, name: &str) -> Option<usize> {
    let mut found = facts
        .defs
        .iter()
        .enumerate()
        .filter(|(_, d)| d.class.is_some() && d.name == name && d.literal().is_some());
    match (found.next(), found.next()) {
        (Some((idx, _)), None) => Some(idx),
        _ => None,
    }
}

/// The literal value (or default) of the module-level variables named
/// `name` across the program, when they all agree.
fn unique_setting(files: &[FileFacts], name: &str) -> Option<(usize, usize)> {
    let mut found = files.iter().enumerate().flat_map(|(f, facts)| {
        facts
            .defs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.parent().is_none() && d.kind == DefKind::Variable && d.name == name)
            .map(move |(d, def)| (f, d, def.literal()))
    });
    let (f, d, first) = found.next()?;
    let first = first?;
    found
        .all(|(_, _, value)| value == Some(first))
        .then_some((f, d))
}

fn method_rank(method: &str) -> usize {
    HTTP_METHODS
        .iter()
        .position(|m| *m == method)
        .unwrap_or(HTTP_METHODS.len())
}

fn is_callable(facts: &FileFacts, def: usize) -> bool {
    matches!(facts.defs[def].kind, DefKind::Function | DefKind::Class)
}

/// A function whose body declares routes (a Fastify plugin) is a router.
fn holds_routes(facts: &FileFacts, def: usize) -> Option<Span> {
    let span = facts.defs[def].span.get();
    (facts.defs[def].kind == DefKind::Function
        && facts.routes.iter().any(|r| span.contains(r.span)))
    .then_some(span)
}

/// Functions a router is passed to that declare routes on it (Go's
/// `users.Register(v1)` with `func Register(g *gin.RouterGroup) { g.GET(…) }`),
/// and blocks mounted as routers (chi's `r.Route("/x", func(r chi.Router) {…})`):
/// each is a router of its own, with the groups made inside it. Registered
/// as inline routers, known from the start.
fn router_scopes(resolver: &Resolver, t: &mut Tables) -> Vec<(usize, Span, RouterKey)> {
    let mut scopes = Vec::new();
    for (file_idx, facts) in resolver.files.iter().enumerate() {
        for mount in facts.mounts.iter().filter(|m| m.child_router) {
            let block = match &mount.child {
                MountChild::Inline(span) => Some((file_idx, *span)),
                MountChild::Name(name) => route_function(resolver, file_idx, name),
                _ => None,
            };
            if let Some((f, span)) = block {
                let key = (f, format!("@{}", span.start));
                if !scopes.iter().any(|(_, _, k)| *k == key) {
                    scopes.push((f, span, key));
                }
            }
        }
    }
    for (f, span, key) in &scopes {
        if !t.inline.iter().any(|(_, _, k)| k == key) {
            t.inline.push((*f, *span, key.clone()));
        }
        t.known.insert(key.clone());
    }
    scopes
}

/// The router a mount is attached to, and whether it is the enclosing
/// scope's router only because the scope does not know the name.
fn mount_parent(
    resolver: &Resolver,
    t: &Tables,
    blocks: &[(usize, Span)],
    scope: Option<&RouterKey>,
    file_idx: usize,
    mount: &MountDecl,
) -> Option<(RouterKey, bool)> {
    let p = &*t
        .shadows
        .name(file_idx, mount.parent.as_deref()?, mount.span.start);
    let (key, fallback) = match scope {
        Some(block) if !is_defined(resolver, file_idx, p) => match scoped_router(t, block, p) {
            Some(key) => (key, false),
            None => (block.clone(), true),
        },
        _ => (router_key(resolver, file_idx, p), false),
    };
    if key.1 != MODULE_ROUTER {
        return Some((key, fallback));
    }
    let key = blocks
        .iter()
        .filter(|(f, span)| *f == file_idx && span.contains(mount.span))
        .min_by_key(|(_, span)| span.end - span.start)
        .map_or(key, |(f, span)| (*f, format!("@{}", span.start)));
    Some((key, fallback))
}

/// The innermost router scope holding `span` in `file`.
fn innermost(scopes: &[(usize, Span, RouterKey)], file: usize, span: Span) -> Option<&RouterKey> {
    scopes
        .iter()
        .filter(|(f, s, _)| *f == file && s.contains(span))
        .min_by_key(|(_, s, _)| s.end - s.start)
        .map(|(_, _, key)| key)
}

/// A group made inside a router scope, by the name it is kept in.
fn scoped_router(t: &Tables, scope: &RouterKey, name: &str) -> Option<RouterKey> {
    let key = (scope.0, format!("{}:{name}", scope.1));
    t.known.contains(&key).then_some(key)
}

/// Whether the first part of `name` means something at the top level of
/// `file` (else it is a parameter or local of the function it is written in).
fn is_defined(resolver: &Resolver, file: usize, name: &str) -> bool {
    let root = name.split('.').next().unwrap_or(name);
    resolver.resolve(file, root).is_some()
}

/// The function `name` denotes, when it declares routes: (file, its span).
fn route_function(resolver: &Resolver, file: usize, name: &str) -> Option<(usize, Span)> {
    match resolver.resolve(file, name)? {
        (Symbol::Def(f, d), _) => holds_routes(&resolver.files[f], d).map(|span| (f, span)),
        _ => None,
    }
}

/// The router a name written in `file` denotes.
fn router_key(resolver: &Resolver, file: usize, name: &str) -> RouterKey {
    let name = name.trim_end_matches(".routes()").trim_end_matches(".urls");
    let symbol = resolver.resolve(file, name).map(|(s, _)| s);
    match symbol {
        Some(Symbol::Def(f, d)) => (f, resolver.files[f].defs[d].name.to_string()),
        Some(Symbol::Module(f)) => match resolver.module_default(f) {
            Symbol::Def(g, d) => (g, resolver.files[g].defs[d].name.to_string()),
            _ => (f, MODULE_ROUTER.to_string()),
        },
        // A field of a type (`Server.echo`: a router kept in a struct field,
        // named through the receivers of the type's methods): one router in
        // every file of the package, keyed where the type is declared.
        _ => match name
            .split_once('.')
            .and_then(|(root, _)| resolver.resolve(file, root))
        {
            Some((Symbol::Def(f, d), _)) if resolver.files[f].defs[d].kind == DefKind::Class => {
                (f, name.to_string())
            }
            _ => (file, name.to_string()),
        },
    }
}

/// The router a route is declared on, and whether carve is sure it is one.
fn route_router(
    resolver: &Resolver,
    t: &Tables,
    includers: &[Vec<usize>],
    file: usize,
    decl: &RouteDecl,
) -> (RouterKey, bool) {
    let inline = t
        .inline
        .iter()
        .filter(|(f, span, _)| *f == file && span.contains(decl.span))
        .min_by_key(|(_, span, _)| span.end - span.start)
        .map(|(_, _, key)| key.clone());
    if let Some(class) = &decl.class_router {
        return ((file, class.clone()), true);
    }
    match &decl.router {
        Some(name) => {
            let name = &*t.shadows.name(file, name, decl.span.start);
            let key = router_key(resolver, file, name);
            let root = name.split('.').next().unwrap_or(name);
            let defined = resolver.resolve(file, root).is_some();
            match inline {
                // A plugin's parameter (`fastify` in `async (fastify) => …`),
                // or a group made in the plugin.
                Some(inline) if !defined => {
                    (scoped_router(t, &inline, name).unwrap_or(inline), true)
                }
                _ if t.known.contains(&key) => (key, true),
                Some(inline) => (inline, true),
                // A file included by the one that makes the router shares
                // its variables (PHP's `require 'routes.php'` after `$app = …`).
                None if !defined => includers
                    .get(file)
                    .into_iter()
                    .flatten()
                    .map(|&from| router_key(resolver, from, name))
                    .find(|key| t.known.contains(key))
                    .map_or((key, false), |key| (key, true)),
                None => (key, false),
            }
        }
        None => match inline {
            Some(inline) => (inline, true),
            None => ((file, MODULE_ROUTER.to_string()), true),
        },
    }
}

/// For a route on a class declared inside a function (a controller
/// factory: `function CrudFactory(opts) { @Controller(x) class Base {…};
/// return Base }`), the classes that extend a call of that function
/// (`class UsersController extends CrudFactory({…})`), whose own prefix the
/// routes take; `None` for every other route.
fn factory_subclasses(
    resolver: &Resolver,
    file: usize,
    decl: &RouteDecl,
) -> Option<Vec<RouterKey>> {
    let class = decl.class_router.as_deref()?;
    let defs = &resolver.files[file].defs;
    let def = defs.iter().find(|d| {
        d.kind == DefKind::Class && d.name == class && d.span.get().contains(decl.span)
    })?;
    let factory = def.parent()?;
    if defs[factory].kind != DefKind::Function {
        return None;
    }
    let mut keys = Vec::new();
    for (f, facts) in resolver.files.iter().enumerate() {
        for sub in facts.defs.iter().filter(|d| d.kind == DefKind::Class) {
            let extends_factory = sub.bases().iter().any(|base| {
                let base = base.trim().trim_start_matches("extends").trim_start();
                let Some((callee, _)) = base.split_once('(') else {
                    return false;
                };
                matches!(
                    resolver.resolve(f, callee.trim()),
                    Some((Symbol::Def(bf, bd), _)) if bf == file && bd == factory
                )
            });
            if extends_factory {
                keys.push((f, sub.name.to_string()));
            }
        }
    }
    Some(keys)
}

/// For a route declared on a class that is not a router itself (an abstract
/// base resource), the routers that inherit it, directly or through other
/// classes (`@Path("devices") class DeviceResource extends
/// BaseObjectResource<Device>`); None when the class is a router or has no
/// router subclass.
fn inheriting_routers(
    resolver: &Resolver,
    t: &Tables,
    key: &RouterKey,
    decl: &RouteDecl,
) -> Option<Vec<RouterKey>> {
    let class = decl.class_router.as_deref()?;
    if t.known.contains(key) {
        return None;
    }
    let mut found = Vec::new();
    let mut seen: FxHashSet<String> = FxHashSet::default();
    let mut todo = vec![class.to_string()];
    while let Some(parent) = todo.pop() {
        for (f, facts) in resolver.files.iter().enumerate() {
            for sub in facts.defs.iter().filter(|d| d.kind == DefKind::Class) {
                if !sub
                    .bases()
                    .iter()
                    .any(|b| super::base_type_name(b) == parent)
                    || !seen.insert(sub.name.to_string())
                {
                    continue;
                }
                let sub_key = (f, sub.name.to_string());
                if t.known.contains(&sub_key) {
                    found.push(sub_key);
                }
                todo.push(sub.name.to_string());
            }
        }
    }
    found.sort();
    (!found.is_empty()).then_some(found)
}

/// The top-level code of a script that declares a framework's routes (Slim's
/// `index.php`: `$app = new App(...)`, `$app->get(...)`, `$app->run()`): a
/// front controller, not a page at its own path. Its top-level code, and
/// what it includes, runs on every request of the routes it declares (PHP
/// starts each request afresh).
fn front_controller_code(
    facts: &FileFacts,
    decls: &[std::borrow::Cow<RouteDecl>],
) -> Option<usize> {
    let script = decls.iter().any(|d| {
        d.fs.as_ref()
            .is_some_and(|fs| fs.unless_imported && fs.dir.is_empty())
    });
    let declares = decls.iter().any(|d| d.fs.is_none());
    if !(script && declares) {
        return None;
    }
    facts.defs.iter().position(|d| d.file_code)
}

/// The route's own path: as written, or from the file's place in the tree
/// and the template its view declares.
fn own_path(resolver: &Resolver, t: &Tables, file: usize, decl: &RouteDecl) -> Option<String> {
    let facts = &resolver.files[file];
    if let Some(fs) = &decl.fs {
        // Within its project: an app scanned from a folder above it has
        // the same paths.
        let root = resolver.modules.projects.root(file);
        let in_project = match root {
            "" => facts.path.as_str(),
            root => facts.path.get(root.len() + 1..).unwrap_or(&facts.path),
        };
        // An empty marker: the file's path from the root (a PHP script).
        let dir = match fs.dir.trim_matches('/') {
            "" => String::new(),
            marker => format!("{marker}/"),
        };
        let at = if in_project.starts_with(&dir) {
            0
        } else {
            in_project.find(&format!("/{dir}"))? + 1
        };
        let rest = &in_project[at + dir.len()..];
        let stem = match fs.suffix.as_deref() {
            Some(suffix) => rest.strip_suffix(suffix)?,
            None => rest.rsplit_once('.').map_or(rest, |(s, _)| s),
        };
        // `Areas/Identity/Pages/…`: the area names the first segment.
        let area = fs.area.as_deref().and_then(|area| {
            let above: Vec<&str> = in_project[..at]
                .split('/')
                .filter(|s| !s.is_empty())
                .collect();
            match above.as_slice() {
                [.., folder, name] if folder == &area => Some(*name),
                _ => None,
            }
        });
        let mut segments: Vec<&str> = area
            .into_iter()
            .chain(stem.split('/'))
            .filter(|s| !(s.starts_with('(') && s.ends_with(')')))
            .collect();
        if let Some(last) = segments.last() {
            let carries_no_segment =
                last.eq_ignore_ascii_case("index") || fs.file.as_deref() == Some(*last);
            if carries_no_segment {
                segments.pop();
            } else if fs.file.is_some() {
                // Only `route.ts` files are route handlers in that folder.
                return None;
            }
        }
        let path = join_path(&fs.prefix, &segments.join("/"));
        return Some(match t.page_templates.get(&facts.path) {
            Some(template) if template.starts_with('/') => template.clone(),
            Some(template) => join_path(&path, template),
            None => path,
        });
    }
    let path = match (&decl.path_expr, &decl.path) {
        (Some(expr), _) => resolve_prefix(resolver, &t.defines, file, expr).0,
        (None, Some(path)) => path.clone(),
        (None, None) if decl.path_optional => String::new(),
        (None, None) => return None,
    };
    Some(if decl.path_is_regex {
        crate::extract::regex_path(&path)
    } else {
        path
    })
}

/// Every full path of a route on `key`, walking mounts up to the roots, each
/// with where the prefixes on its own way came from; and the hooks of every
/// router on the way.
fn collect_paths(
    t: &Tables,
    key: &RouterKey,
    below: String,
    seen: &mut FxHashSet<RouterKey>,
    out: &mut Vec<(String, Vec<PrefixOrigin>)>,
    hooks: &mut Vec<(usize, usize)>,
    trail: &mut Vec<PrefixOrigin>,
) {
    if !seen.insert(key.clone()) {
        return;
    }
    let entered = trail.len();
    note_origin(trail, t.prefix_origins.get(key));
    hooks.extend(
        t.hooks
            .get(&Some(key.clone()))
            .into_iter()
            .flatten()
            .copied(),
    );
    let own = t.prefixes.get(key).cloned().unwrap_or_default();
    match t.mounts.get(key) {
        None => out.push((join_path(&own, &below), trail.clone())),
        Some(mounts) => {
            for mount in mounts {
                let before = trail.len();
                note_origin(trail, mount.origin.as_ref());
                let here = if mount.replaces && !mount.prefix.is_empty() {
                    join_path(&mount.prefix, &below)
                } else {
                    join_path(&mount.prefix, &join_path(&own, &below))
                };
                match &mount.parent {
                    Some(parent) => collect_paths(t, parent, here, seen, out, hooks, trail),
                    None => out.push((here, trail.clone())),
                }
                trail.truncate(before);
            }
        }
    }
    trail.truncate(entered);
    seen.remove(key);
}

/// Adds where a prefix on the way came from to the path's trail, once.
fn note_origin(trail: &mut Vec<PrefixOrigin>, origin: Option<&PrefixOrigin>) {
    if let Some(origin) = origin {
        if !trail.contains(origin) {
            trail.push(origin.clone());
        }
    }
}

/// Joins two path pieces with exactly one `/` between them.
pub(super) fn join_path(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (_, true) => prefix.to_string(),
        _ => format!(
            "{}/{}",
            prefix.trim_end_matches('/'),
            path.trim_start_matches('/')
        ),
    }
}

/// A leading `/` on every path (Django writes none), `//` collapsed.
pub(super) fn normalize_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1);
    if !path.starts_with('/') {
        out.push('/');
    }
    let mut last_slash = false;
    for c in path.chars() {
        if c == '/' && last_slash {
            continue;
        }
        last_slash = c == '/';
        out.push(c);
    }
    out
}

/// Whether `handler` is a function, other than the one `decl` is written
/// in, that declares routes itself (of a framework its folder imports): a
/// router made and filled there.
fn builds_router(
    resolver: &Resolver,
    t: &Tables,
    decl: &RouteDecl,
    decl_file: usize,
    handler: Option<(usize, usize)>,
) -> bool {
    let Some((file, d)) = handler else {
        return false;
    };
    let facts = &resolver.files[file];
    let def = &facts.defs[d];
    def.kind == DefKind::Function
        && !def.file_code
        && !(file == decl_file && def.span.get().contains(decl.span))
        && facts.routes.iter().any(|r| {
            // On a router, in the body (not a decorator of the
            // function: DRF's `@action` on a viewset's method).
            r.router.is_some()
                && r.span.start > def.name_start()
                && def.span.get().contains(r.span)
                && t.framework_use.allows(facts, &r.frameworks)
        })
}

fn pick_framework(
    candidates: &[String],
    router: Option<&Vec<String>>,
    dependencies: &BTreeSet<String>,
) -> String {
    if let Some(router) = router {
        if let Some(fw) = router
            .iter()
            .find(|f| candidates.is_empty() || candidates.contains(f))
        {
            return fw.clone();
        }
    }
    if candidates.len() > 1 {
        if let Some(fw) = candidates
            .iter()
            .find(|c| dependencies.iter().any(|d| d.contains(c.as_str())))
        {
            return fw.clone();
        }
    }
    candidates
        .first()
        .cloned()
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_with_one_slash() {
        assert_eq!(join_path("/api/", "/users"), "/api/users");
        assert_eq!(join_path("", "/x"), "/x");
        assert_eq!(join_path("/users", "/"), "/users/");
        assert_eq!(join_path("/users", ""), "/users");
        assert_eq!(normalize_path("api/orders/"), "/api/orders/");
        assert_eq!(normalize_path("/a//b"), "/a/b");
    }
}
