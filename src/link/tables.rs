//! Route tables: a declaration that stands for the routes a library
//! generates (Devise's `devise_for :users`), described as data in
//! `grammars/<lang>/<table>.toml`. Each group of the table is present when
//! the model class declares its module (`devise :recoverable`), and is
//! served by the library's controller or by the app's own when the
//! declaration names one; the groups become ordinary declarations with an
//! `actions` map.

use super::resolve::{Resolver, Symbol};
use crate::extract::facts::{DefKind, HandlerRef, RouteDecl};
use crate::extract::{camelize, singular};
use serde::Deserialize;
use std::borrow::Cow;

/// `grammars/<lang>/<table>.toml`.
#[derive(Deserialize)]
struct Table {
    /// The option naming the model class (`class_name`); without it, the
    /// resource's singular, camelized (`users` → `User`).
    model_option: String,
    /// The option that replaces the resource's path (`path`).
    path_option: String,
    /// The option whose keys rename path segments (`path_names`).
    rename_option: String,
    /// The option whose keys name the app's controllers (`controllers`).
    controller_option: String,
    /// What an app's method is annotated with when it is no action
    /// (`private`).
    hidden: Vec<String>,
    /// Methods a controller defines that the framework calls for names
    /// it does not define (`action_missing`): no action of their own.
    #[serde(default)]
    not_actions: Vec<String>,
    group: Vec<Group>,
}

#[derive(Deserialize)]
struct Group {
    /// How `only:`/`skip:` name it (`session`; its plural too).
    name: String,
    /// The model's module that brings it (`database_authenticatable`).
    module: String,
    /// Present when the model's modules cannot be read.
    #[serde(default)]
    default: bool,
    /// Its key under the controller option (`sessions`).
    controller: String,
    /// The library's controller, when the app names none.
    handler: String,
    /// `action=METHOD suffix;…`; an action or suffix with `{each}` is
    /// repeated for each action the app's controller defines itself (the
    /// providers of an OmniAuth callbacks controller).
    actions: String,
}

/// The declarations, with each table declaration replaced by one
/// declaration per group present.
pub(super) fn expand<'a>(
    resolver: &Resolver,
    file: usize,
    decls: &'a [RouteDecl],
) -> Vec<Cow<'a, RouteDecl>> {
    let mut out = Vec::with_capacity(decls.len());
    for decl in decls {
        match decl.table.as_deref() {
            None => out.push(Cow::Borrowed(decl)),
            Some(name) => {
                if let Some(table) = load(resolver, file, name) {
                    out.extend(
                        groups(resolver, file, decl, &table)
                            .into_iter()
                            .map(Cow::Owned),
                    );
                }
            }
        }
    }
    out
}

fn load(resolver: &Resolver, file: usize, name: &str) -> Option<Table> {
    let file_name = format!("{name}.toml");
    resolver.files[file]
        .lang
        .query_dirs()
        .iter()
        .filter_map(|dir| crate::embedded::grammar_file(dir, &file_name))
        .find_map(|text| toml::from_str(text).ok())
}

fn groups(resolver: &Resolver, file: usize, decl: &RouteDecl, table: &Table) -> Vec<RouteDecl> {
    let option = |key: &str| {
        decl.options
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let resource = decl.resource.as_deref().unwrap_or("");
    let model = option(&table.model_option)
        .map(str::to_string)
        .unwrap_or_else(|| camelize(&singular(resource)));
    let modules = class_of(resolver, file, &model).map(|(f, d)| {
        resolver.files[f].defs[d]
            .annotations()
            .iter()
            .map(|a| a.trim_start_matches(':').to_string())
            .collect::<Vec<_>>()
    });
    let named = |list: &[String], group: &Group| {
        list.iter()
            .any(|n| n == "all" || singular(n) == group.name || *n == group.name)
    };
    let renames: Vec<(String, &str)> = decl
        .options
        .iter()
        .filter_map(|(k, v)| {
            let segment = k.strip_prefix(&table.rename_option)?.strip_prefix('.')?;
            Some((segment.to_string(), v.as_str()))
        })
        .collect();
    let mut out = Vec::new();
    for group in &table.group {
        let present = match &modules {
            Some(modules) => modules.contains(&group.module),
            None => group.default,
        };
        let wanted =
            (decl.only.is_empty() || named(&decl.only, group)) && !named(&decl.except, group);
        if !present || !wanted {
            continue;
        }
        let handler = option(&format!("{}.{}", table.controller_option, group.controller))
            .map(|c| format!("{}Controller", camelize(c)))
            .unwrap_or_else(|| group.handler.clone());
        let each = own_actions(resolver, file, &handler, table, &group.actions);
        let actions = spread(&group.actions, &each, &renames);
        let mut one = decl.clone();
        one.table = None;
        one.options = Vec::new();
        one.only = Vec::new();
        one.except = Vec::new();
        one.every_action = false;
        one.handlers = vec![HandlerRef::Name(handler)];
        one.actions = Some(actions);
        if let Some(path) = option(&table.path_option) {
            one.path = Some(path.to_string());
        }
        out.push(one);
    }
    out
}

/// The class a name resolves to from `file`.
fn class_of(resolver: &Resolver, file: usize, name: &str) -> Option<(usize, usize)> {
    match resolver.resolve(file, name) {
        Some((Symbol::Def(f, d), _)) if resolver.files[f].defs[d].kind == DefKind::Class => {
            Some((f, d))
        }
        _ => None,
    }
}

/// The methods the app's class defines itself, not hidden and not named
/// by the group (`github` in a callbacks controller, not `passthru`).
fn own_actions(
    resolver: &Resolver,
    file: usize,
    class: &str,
    table: &Table,
    actions: &str,
) -> Vec<String> {
    if !actions.contains("{each}") {
        return Vec::new();
    }
    let Some((f, d)) = class_of(resolver, file, class) else {
        return Vec::new();
    };
    let facts = &resolver.files[f];
    let name = facts.defs[d].name.as_str();
    let named: Vec<&str> = actions
        .split(';')
        .filter_map(|a| a.split_once('=').map(|(n, _)| n.trim()))
        .collect();
    let mut out: Vec<String> = facts
        .defs
        .iter()
        .filter(|m| m.kind == DefKind::Function && m.class.as_deref() == Some(name))
        .filter(|m| {
            !m.annotations()
                .iter()
                .any(|a| table.hidden.iter().any(|h| a == h))
        })
        .map(|m| m.name.to_string())
        .filter(|m| !table.not_actions.contains(m))
        .filter(|m| !named.contains(&m.as_str()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The group's actions with `{each}` items repeated for each of `each`
/// and path segments renamed (`sign_in` → `login`).
fn spread(actions: &str, each: &[String], renames: &[(String, &str)]) -> String {
    let rename = |suffix: &str| {
        suffix
            .split('/')
            .map(|s| {
                renames
                    .iter()
                    .find(|(from, _)| from == s)
                    .map_or(s, |(_, to)| *to)
            })
            .collect::<Vec<_>>()
            .join("/")
    };
    let mut out = Vec::new();
    for item in actions.split(';').map(str::trim).filter(|i| !i.is_empty()) {
        let Some((action, rest)) = item.split_once('=') else {
            continue;
        };
        let mut words = rest.split_whitespace();
        let method = words.next().unwrap_or("GET");
        let suffix = rename(words.next().unwrap_or(""));
        if item.contains("{each}") {
            for one in each {
                out.push(format!(
                    "{}={method} {}",
                    action.replace("{each}", one),
                    suffix.replace("{each}", one)
                ));
            }
        } else {
            out.push(format!("{action}={method} {suffix}"));
        }
    }
    out.join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_repeats_each_and_renames_segments() {
        let each = vec!["github".to_string()];
        let renames = vec![("sign_in".to_string(), "login")];
        assert_eq!(
            spread(
                "new=GET sign_in;passthru=POST auth/{each};{each}=GET auth/{each}/callback",
                &each,
                &renames
            ),
            "new=GET login;passthru=POST auth/github;github=GET auth/github/callback"
        );
        assert_eq!(spread("{each}=GET auth/{each}", &[], &[]), "");
    }

    #[test]
    fn devise_table_parses() {
        let text = crate::embedded::grammar_file("ruby", "devise.toml");
        let table: Table = toml::from_str(text.unwrap_or_default()).unwrap();
        assert!(table
            .group
            .iter()
            .any(|g| g.module == "database_authenticatable"));
    }
}
