//! One route declaration at one full path → routes: the declared methods
//! (or the view's own, or the default); a function handler gives one route
//! per method; a class handler (class-based views, viewsets) one per HTTP
//! method or action it defines or inherits (`grammars/<lang>/views.toml`).

use super::resolve::{Resolver, Symbol};
use super::routes::{join_path, normalize_path, Route, HTTP_METHODS};
use crate::extract::facts::{DefKind, HandlerRef, RouteDecl};
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
                    _ => None,
                },
            },
        }
    };
    let mut before: Vec<(usize, usize)> = hooks.to_vec();
    let (middleware, main) = match decl.handlers.split_last() {
        Some((main, middleware)) => (middleware, Some(main)),
        None => (&[][..], None),
    };
    before.extend(middleware.iter().filter_map(resolve_ref));
    before.sort_unstable();
    before.dedup();
    let handler = main.and_then(resolve_ref);
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
        out.push(Route {
            method,
            path,
            framework: framework.to_string(),
            file: hfile,
            pos,
            handler,
            handler_name: name,
            before: before.clone(),
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
            if let Some(actions) = &decl.actions {
                let actions = parse_actions(actions);
                // A class that defines none of the actions inherits them all
                // (a ModelViewSet); otherwise it serves the ones it defines.
                let defines_any = actions
                    .iter()
                    .any(|(a, _, _)| methods.iter().any(|(_, n)| n == a));
                for (action, method, suffix) in actions {
                    let found = methods.iter().find(|(_, n)| *n == action);
                    if defines_any && found.is_none() {
                        continue;
                    }
                    let full = normalize_path(&join_path(path, suffix));
                    let target = found.map_or((hf, hd), |(i, _)| (hf, *i));
                    push(
                        method.to_string(),
                        full,
                        Some(target),
                        format!("{}.{action}", def.name),
                    );
                }
                // Extra actions (`@action(detail=True)`): `<pk>/name/` or `name/`.
                let detail_suffix = parse_actions(decl.actions.as_deref().unwrap_or(""))
                    .into_iter()
                    .find(|(a, _, _)| *a == "retrieve")
                    .map_or("", |(_, _, s)| s);
                for &(i, name) in &methods {
                    let Some(extra) = &files[hf].defs[i].action else {
                        continue;
                    };
                    let segment = format!("{}/", extra.path.as_deref().unwrap_or(name));
                    let under = if extra.detail {
                        join_path(detail_suffix, &segment)
                    } else {
                        segment
                    };
                    let full = normalize_path(&join_path(path, &under));
                    let mut verbs = files[hf].defs[i].methods.clone();
                    if verbs.is_empty() {
                        verbs.push("GET".into());
                    }
                    for verb in verbs {
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
            for verb in HTTP_METHODS {
                let lower = verb.to_ascii_lowercase();
                if let Some((i, _)) = methods.iter().find(|(_, n)| *n == lower) {
                    any = true;
                    push(
                        verb.to_string(),
                        path.to_string(),
                        Some((hf, *i)),
                        format!("{}.{lower}", def.name),
                    );
                }
            }
            if any {
                return;
            }
            // Methods inherited from a framework base class (grammars/<lang>/views.toml).
            let lang = files[hf].lang;
            let inherited: Vec<String> = def
                .bases
                .iter()
                .filter_map(|base| inherited_methods(lang, base.rsplit('.').next().unwrap_or(base)))
                .flatten()
                .cloned()
                .collect();
            if !inherited.is_empty() {
                for method in HTTP_METHODS
                    .iter()
                    .filter(|m| inherited.iter().any(|i| i == *m))
                {
                    push(
                        method.to_string(),
                        path.to_string(),
                        Some((hf, hd)),
                        def.name.clone(),
                    );
                }
                return;
            }
        }
    }
    let mut methods = declared_methods(decl);
    if methods.is_empty() {
        if let Some((hf, hd)) = handler {
            methods = files[hf].defs[hd].methods.clone();
        }
    }
    if methods.is_empty() {
        methods.push(decl.default_method.clone().unwrap_or_else(|| "ANY".into()));
    }
    let name = match handler {
        // `export const PUT = withAuth(async (req) => …)`: the export names it.
        Some((f, d)) if files[f].defs[d].name == "<anonymous>" && decl.fs.is_some() => {
            decl.methods.first().cloned().unwrap_or(written_name)
        }
        Some((f, d)) => files[f].defs[d].qualified_name(),
        None => written_name,
    };
    for method in methods {
        push(method, path.to_string(), handler, name.clone());
    }
}

/// Methods a view class inherits from `base`, from `grammars/<lang>/views.toml`.
fn inherited_methods(lang: Lang, base: &str) -> Option<&'static Vec<String>> {
    #[derive(serde::Deserialize, Default)]
    struct ViewBases {
        bases: FxHashMap<String, Vec<String>>,
    }
    static TABLES: OnceLock<Vec<(Lang, ViewBases)>> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|&l| {
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
        .and_then(|(_, t)| t.bases.get(base))
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

    #[test]
    fn actions_parse() {
        assert_eq!(
            parse_actions("list=GET;retrieve=GET {pk}/"),
            [("list", "GET", ""), ("retrieve", "GET", "{pk}/")]
        );
    }
}
