//! One route declaration at one full path → routes: the declared methods
//! (or the view's own, or the default); a function handler gives one route
//! per method; a class handler (class-based views, viewsets) one per HTTP
//! method or action it defines or inherits (`grammars/<lang>/views.toml`).

use super::resolve::{Resolver, Symbol};
use super::routes::{join_path, normalize_path, Route, HTTP_METHODS};
use crate::extract::facts::{DefKind, HandlerRef, RouteDecl, Span};
use crate::lang::Lang;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Normalised methods of a declaration: `GET`, `WS`, `ANY`.
fn declared_methods(decl: &RouteDecl) -> Vec<String> {
    let mut out = Vec::new();
    for m in &decl.methods {
        let upper = m.to_ascii_uppercase();
        let method = match upper.as_str() {
            "WEBSOCKET" | "WS" => "WS".to_string(),
            "ALL" | "ANY" | "*" => "ANY".to_string(),
            // koa-router's alias (`router.del('/x', h)`).
            "DEL" => "DELETE".to_string(),
            _ if HTTP_METHODS.contains(&upper.as_str()) => upper,
            _ => continue,
        };
        if !out.contains(&method) {
            out.push(method);
        }
    }
    out
}

/// Turns one declaration at one full path into routes: a function handler
/// gives one route per method; a class handler (class-based views,
/// viewsets) one per HTTP method or action it defines.
pub(super) fn expand_handlers(
    resolver: &Resolver,
    file: usize,
    decl: &RouteDecl,
    framework: &str,
    path: &str,
    hooks: &[(usize, usize)],
    out: &mut Vec<Route>,
) {
    let files = resolver.files;
    let resolve_ref = |r: &HandlerRef| -> Option<(usize, usize)> {
        match r {
            HandlerRef::Def(d) => Some((file, *d)),
            HandlerRef::Name(name) => match resolver.resolve(file, name) {
                Some((Symbol::Def(f, d), _)) => Some((f, d)),
                // `upload.single('avatar')`: the configured object `upload`.
                _ => match resolver.resolve(file, name.split('.').next().unwrap_or(name)) {
                    Some((Symbol::Def(f, d), _))
                        if resolver.files[f].defs[d].kind == DefKind::Variable =>
                    {
                        Some((f, d))
                    }
                    _ => through_class_field(resolver, file, decl.span, name),
                },
            },
        }
    };
    let mut before: Vec<(usize, usize)> = hooks.to_vec();
    // The last function given handles the route, or the first where the
    // framework takes middleware after the handler (`handler_first`).
    let first = files[file].lang.handler_first(framework) && decl.handlers.len() > 1;
    let split = if first {
        decl.handlers.split_first()
    } else {
        decl.handlers.split_last()
    };
    let (middleware, mut main) = match split {
        Some((main, middleware)) => (middleware, Some(main)),
        None => (&[][..], None),
    };
    before.extend(middleware.iter().filter_map(resolve_ref));
    let mut handler = main.and_then(resolve_ref);
    // `get 'stats/x' => 'stats#x'` where the framework routes every action
    // written (Rails): the action the class inherits, or, when the class of
    // the program has none, a route that fails, shown as such.
    let mut missing_action = false;
    if let (None, None, true, Some(HandlerRef::Name(name))) =
        (handler, &decl.actions, decl.every_action, main)
    {
        if let Some((class, action)) = name.rsplit_once('.') {
            if let Some((Symbol::Def(cf, cd), _)) = resolver.resolve(file, class) {
                if files[cf].defs[cd].kind == DefKind::Class {
                    handler = super::inherited_method(resolver, cf, cd, action);
                    missing_action = handler.is_none() && bases_add_no_actions(resolver, cf, cd);
                }
            }
        }
    }
    // A function given to the handler's factory handles the route; the
    // wrapper the factory makes runs before it. (The functions are those of
    // the last function given: not the handler when it comes first.)
    if let Some((inner, def)) = decl.wrapped.iter().filter(|_| !first).find_map(|r| {
        resolve_ref(r)
            .filter(|&(f, d)| files[f].defs[d].kind == DefKind::Function)
            .map(|def| (r, def))
    }) {
        before.extend(handler);
        handler = Some(def);
        main = Some(inner);
    }
    // A class that serves the route through all its methods (a SignalR
    // hub): it runs like a hook, its methods on every request.
    before.extend(
        handler.filter(|&(hf, hd)| decl.class_methods && files[hf].defs[hd].kind == DefKind::Class),
    );
    before.sort_unstable();
    before.dedup();
    let written_name = match main {
        Some(HandlerRef::Name(n)) => n.clone(),
        Some(HandlerRef::Def(d)) => files[file].defs[*d].qualified_name(),
        None => "<none>".into(),
    };
    let mut push = |method: String, path: String, handler: Option<(usize, usize)>, name: String| {
        let (hfile, pos) = match handler {
            Some((f, d)) => (f, files[f].defs[d].pos),
            None => (file, decl.pos),
        };
        let mut before = before.clone();
        let mut callbacks = Vec::new();
        if let Some((f, d)) = handler {
            before.extend(super::callbacks::callbacks_of(resolver, f, d));
            before.sort_unstable();
            before.dedup();
            callbacks = super::callbacks::library_callbacks_of(resolver, f, d);
        }
        out.push(Route {
            method,
            path,
            framework: framework.to_string(),
            file: hfile,
            pos,
            declared_in: file,
            handler,
            handler_name: name,
            before,
            events: decl.event.iter().cloned().collect(),
            callbacks,
            prefixes: Vec::new(),
            without: decl.without.clone(),
        });
    };
    if let Some((hf, hd)) = handler {
        let def = &files[hf].defs[hd];
        if def.kind == DefKind::Class {
            let methods: Vec<(usize, &str)> = files[hf]
                .defs
                .iter()
                .enumerate()
                .filter(|(_, m)| m.class.as_deref() == Some(def.name.as_str()))
                .map(|(i, m)| (i, m.name.as_str()))
                .collect();
            let ancestors = ancestors(resolver, hf, hd);
            // `http_method_names = ['get', 'post']`: the only methods the class
            // answers, whatever its actions or handlers (empty: no limit).
            let allowed = def.methods();
            let allows = |verb: &str| allowed.is_empty() || allowed.iter().any(|m| m == verb);
            if decl.actions.is_some() {
                let actions = decl_actions(decl);
                // The actions the class defines, and those its framework bases
                // give it (`ReadOnlyModelViewSet`, mixins: grammars/<lang>/views.toml).
                // A class with no known base that defines none of the actions
                // inherits them all; otherwise it serves the ones it defines.
                let lang = files[hf].lang;
                let inherited: Vec<&String> = ancestors
                    .iter()
                    .filter_map(|base| view_table(lang).viewsets.get(base.as_str()))
                    .flatten()
                    .collect();
                let known_base = ancestors
                    .iter()
                    .any(|base| view_table(lang).viewsets.contains_key(base.as_str()));
                let defines_any = actions
                    .iter()
                    .any(|(a, _, _)| methods.iter().any(|(_, n)| n == a));
                for (action, method, suffix) in &actions {
                    let found = methods
                        .iter()
                        .find(|(_, n)| n == action)
                        .map(|(i, _)| (hf, *i))
                        .or_else(|| {
                            decl.every_action
                                .then(|| super::inherited_method(resolver, hf, hd, action))
                                .flatten()
                        });
                    let full = normalize_path(&join_path(path, suffix));
                    if decl.every_action {
                        // Declared whether or not the class has it: a missing
                        // action is a route that fails, shown as such.
                        let name = match found {
                            None if bases_add_no_actions(resolver, hf, hd) => {
                                format!("{}.{action} (no such action)", def.name)
                            }
                            _ => format!("{}.{action}", def.name),
                        };
                        push(method.to_string(), full, found, name);
                        continue;
                    }
                    let served = found.is_some()
                        || inherited.contains(&action)
                        || (!known_base && !defines_any);
                    if !served || !allows(method) {
                        continue;
                    }
                    push(
                        method.to_string(),
                        full,
                        Some(found.unwrap_or((hf, hd))),
                        format!("{}.{action}", def.name),
                    );
                }
                // Extra actions (`@action(detail=True)`): `<pk>/name/` or `name/`.
                let detail_suffix = parse_actions(decl.actions.as_deref().unwrap_or(""))
                    .into_iter()
                    .find(|(a, _, _)| *a == "retrieve")
                    .map_or("", |(_, _, s)| s);
                for &(i, name) in &methods {
                    let Some(extra) = files[hf].defs[i].action() else {
                        continue;
                    };
                    let segment = format!("{}/", extra.path.as_deref().unwrap_or(name));
                    let under = if extra.detail {
                        join_path(detail_suffix, &segment)
                    } else {
                        segment
                    };
                    let full = normalize_path(&join_path(path, &under));
                    let mut verbs = files[hf].defs[i].methods().to_vec();
                    if verbs.is_empty() {
                        verbs.push("GET".into());
                    }
                    for verb in verbs.into_iter().filter(|v| allows(v)) {
                        push(
                            verb,
                            full.clone(),
                            Some((hf, i)),
                            format!("{}.{name}", def.name),
                        );
                    }
                }
                return;
            }
            let mut any = false;
            // `get`, or with the language's prefix (a servlet's `doGet`).
            let prefix = view_table(files[hf].lang).verb_prefix.as_str();
            for verb in HTTP_METHODS {
                let lower = verb.to_ascii_lowercase();
                let serves = |n: &str| {
                    n == lower
                        || (!prefix.is_empty()
                            && n.strip_prefix(prefix)
                                .is_some_and(|v| v.eq_ignore_ascii_case(verb)))
                };
                if let Some((i, name)) = methods.iter().find(|(_, n)| serves(n)) {
                    any = true;
                    if !allows(verb) {
                        continue;
                    }
                    push(
                        verb.to_string(),
                        path.to_string(),
                        Some((hf, *i)),
                        format!("{}.{name}", def.name),
                    );
                }
            }
            if any {
                return;
            }
            // Methods inherited from a framework base class (grammars/<lang>/views.toml).
            let lang = files[hf].lang;
            let inherited: Vec<String> = ancestors
                .iter()
                .filter_map(|base| view_table(lang).bases.get(base.as_str()))
                .flatten()
                .cloned()
                .collect();
            if !inherited.is_empty() {
                // A websocket servlet base serves `WS`.
                for method in HTTP_METHODS
                    .iter()
                    .chain(&["WS"])
                    .filter(|m| inherited.iter().any(|i| i == *m) && allows(m))
                {
                    push(
                        method.to_string(),
                        path.to_string(),
                        Some((hf, hd)),
                        def.name.to_string(),
                    );
                }
                return;
            }
        }
    }
    if handler.is_none() && decl.actions.is_some() {
        // A package's viewset (`PagesAPIViewSet`): every action, unresolved.
        let missing = if decl.every_action {
            " (no such class)"
        } else {
            ""
        };
        for (action, method, suffix) in decl_actions(decl) {
            push(
                method,
                normalize_path(&join_path(path, &suffix)),
                None,
                format!("{written_name}.{action}{missing}"),
            );
        }
        return;
    }
    let mut methods = declared_methods(decl);
    if methods.is_empty() {
        match handler {
            Some((hf, hd)) => methods = files[hf].defs[hd].methods().to_vec(),
            // A package's view class (`TemplateView.as_view()`): its known methods.
            None => {
                let last = written_name.rsplit('.').next().unwrap_or(&written_name);
                if let Some(known) = view_table(files[file].lang).bases.get(last) {
                    methods = known.clone();
                }
            }
        }
    }
    if methods.is_empty() {
        methods.push(decl.default_method.clone().unwrap_or_else(|| "ANY".into()));
    }
    // A GET whose handler upgrades the connection (`upgrader.Upgrade(w, r, nil)`)
    // is a websocket endpoint: the handler says `WS`.
    if let Some((hf, hd)) = handler {
        if methods == ["GET"] && files[hf].defs[hd].methods() == ["WS"] {
            methods = vec!["WS".into()];
        }
    }
    let name = match handler {
        // `export const PUT = withAuth(async (req) => …)`: the export names it.
        Some((f, d)) if files[f].defs[d].name == "<anonymous>" && decl.fs.is_some() => {
            decl.methods.first().cloned().unwrap_or(written_name)
        }
        Some((f, d)) => files[f].defs[d].qualified_name(),
        None if missing_action => format!("{written_name} (no such action)"),
        None => written_name,
    };
    for method in methods {
        push(method, path.to_string(), handler, name.clone());
    }
}

/// Whether a class's actions are all in the program: every base outside it,
/// up its chain, is one of the language's `plain_bases`, which give a
/// controller no action (`ActionController::Base`). A library base
/// (`Devise::SessionsController`) may define the action the class lacks.
fn bases_add_no_actions(resolver: &Resolver, file: usize, class: usize) -> bool {
    let plain = &view_table(resolver.files[file].lang).plain_bases;
    super::callbacks::class_chain(resolver, file, class)
        .into_iter()
        .all(|(f, c)| {
            resolver.files[f].defs[c].bases().iter().all(|base| {
                plain.iter().any(|p| p.as_str() == base.as_str())
                    || matches!(
                        resolver.resolve(f, base),
                        Some((Symbol::Def(bf, bd), _)) if resolver.files[bf].defs[bd].kind == DefKind::Class
                    )
            })
        })
}

/// Framework view classes of a language (`grammars/<lang>/views.toml`): the
/// HTTP methods a view class serves, and the actions a viewset base gives.
#[derive(serde::Deserialize, Default)]
struct ViewTable {
    /// What a class's method names put before the verb they serve (a
    /// servlet's `doGet`: `do`); none: the verb itself (`get`).
    #[serde(default)]
    verb_prefix: String,
    #[serde(default)]
    bases: FxHashMap<String, Vec<String>>,
    #[serde(default)]
    viewsets: FxHashMap<String, Vec<String>>,
    /// Library bases that give a controller no action of their own: a
    /// route to an action the program's classes lack fails.
    #[serde(default)]
    plain_bases: Vec<String>,
}

/// The base classes of a class and of its project ancestors, each as its
/// last dotted part (`viewsets.ReadOnlyModelViewSet` → `ReadOnlyModelViewSet`).
/// `stats.daily` written in a method of a class whose property `stats` has
/// a declared type (Kotlin's `router { GET("/x", stats::daily) }` in a
/// `@Bean` function): that type's method.
fn through_class_field(
    resolver: &Resolver,
    file: usize,
    at: Span,
    name: &str,
) -> Option<(usize, usize)> {
    let (field, method) = name.split_once('.')?;
    let class = super::class_at(&resolver.files[file], at)?;
    let targets = super::through_field(resolver, file, class, &[field, method])?;
    targets.last().map(|&(f, d, _)| (f, d))
}

fn ancestors(resolver: &Resolver, file: usize, def: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut todo = vec![(file, def)];
    let mut seen = vec![(file, def)];
    while let Some((f, d)) = todo.pop() {
        for base in resolver.files[f].defs[d].bases() {
            let short = base.rsplit('.').next().unwrap_or(base).to_string();
            if !out.contains(&short) {
                out.push(short);
            }
            if let Some((Symbol::Def(bf, bd), _)) = resolver.resolve(f, base) {
                let is_class = resolver.files[bf].defs[bd].kind == DefKind::Class;
                if is_class && !seen.contains(&(bf, bd)) && seen.len() < 32 {
                    seen.push((bf, bd));
                    todo.push((bf, bd));
                }
            }
        }
    }
    out
}

fn view_table(lang: Lang) -> &'static ViewTable {
    static EMPTY: OnceLock<ViewTable> = OnceLock::new();
    static TABLES: OnceLock<Vec<(Lang, ViewTable)>> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        Lang::all()
            .map(|l| {
                let table = l
                    .query_dirs()
                    .iter()
                    .filter_map(|dir| crate::embedded::grammar_file(dir, "views.toml"))
                    .find_map(|text| toml::from_str(text).ok())
                    .unwrap_or_default();
                (l, table)
            })
            .collect()
    });
    tables
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, t)| t)
        .unwrap_or_else(|| EMPTY.get_or_init(ViewTable::default))
}

/// The actions a declaration expands to: its `actions` map, narrowed by
/// `only`/`except`, with `{resource}` and `{singular}` in each suffix
/// replaced by the resource's name (`photos`) and its singular (`photo`).
fn decl_actions(decl: &RouteDecl) -> Vec<(String, String, String)> {
    let resource = decl.resource.as_deref().unwrap_or("");
    let singular = crate::extract::singular(resource);
    parse_actions(decl.actions.as_deref().unwrap_or(""))
        .into_iter()
        .filter(|(a, _, _)| decl.only.is_empty() || decl.only.iter().any(|o| o == a))
        .filter(|(a, _, _)| !decl.except.iter().any(|e| e == a))
        .map(|(a, m, suffix)| {
            let suffix = suffix
                .replace("{resource}", resource)
                .replace("{singular}", &singular);
            (a.to_string(), m.to_string(), suffix)
        })
        .collect()
}

/// `list=GET;retrieve=GET {pk}/` → [(list, GET, ""), (retrieve, GET, "{pk}/")].
fn parse_actions(spec: &str) -> Vec<(&str, &str, &str)> {
    spec.split(';')
        .filter_map(|item| {
            let (action, rest) = item.trim().split_once('=')?;
            let mut words = rest.split_whitespace();
            let method = words.next()?;
            Some((action.trim(), method, words.next().unwrap_or("")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decl(actions: &str, only: &[&str], except: &[&str]) -> RouteDecl {
        RouteDecl {
            methods: Vec::new(),
            default_method: None,
            path: None,
            path_expr: None,
            extra_paths: Vec::new(),
            path_optional: false,
            path_is_regex: false,
            handlers: Vec::new(),
            wrapped: Vec::new(),
            router: None,
            class_router: None,
            frameworks: Vec::new(),
            fs: None,
            actions: Some(actions.to_string()),
            only: only.iter().map(|s| s.to_string()).collect(),
            except: except.iter().map(|s| s.to_string()).collect(),
            resource: Some("photos".into()),
            every_action: false,
            requires_import: None,
            table: None,
            options: Vec::new(),
            without: Vec::new(),
            strip_trailing_slash: false,
            event: None,
            tokens: Vec::new(),
            rooted: false,
            convention: None,
            class_methods: false,
            shallow: None,
            span: Default::default(),
            pos: Default::default(),
        }
    }

    #[test]
    fn actions_narrow_and_name_their_parameter() {
        // Laravel's parameter: `{photo}`, the placeholder inside braces.
        let spec =
            "index=GET;show=GET {{singular}};update=PUT {{singular}};destroy=DELETE {{singular}}";
        let shown = |d: &RouteDecl| -> Vec<String> {
            decl_actions(d)
                .into_iter()
                .map(|(a, m, s)| format!("{a}={m} {s}"))
                .collect()
        };
        assert_eq!(
            shown(&decl(spec, &["index", "show"], &[])),
            ["index=GET ", "show=GET {photo}"]
        );
        assert_eq!(
            shown(&decl(spec, &[], &["destroy", "index"])),
            ["show=GET {photo}", "update=PUT {photo}"]
        );
    }

    #[test]
    fn actions_parse() {
        assert_eq!(
            parse_actions("list=GET;retrieve=GET {pk}/"),
            [("list", "GET", ""), ("retrieve", "GET", "{pk}/")]
        );
    }
}
