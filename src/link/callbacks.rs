//! Callbacks of a handler's class: the methods a class declares to run
//! around its actions (`before_action :authenticate_user!, only: [:edit]`),
//! its own and those of its bases (`ApplicationController`), outermost base
//! first, less those a `skip_…` drops for the action. They run on every
//! request the action serves: hooks of its routes. And a model's callbacks
//! (`after_create :m`, `before_destroy do … end`), which run when a
//! persistence method of the model is called (edge `lifecycle`).

use super::resolve::{Resolver, Symbol};
use crate::extract::facts::{DefKind, FileFacts};

/// (file, def) of the callbacks that run around the method `def` of `file`.
pub(super) fn callbacks_of(resolver: &Resolver, file: usize, def: usize) -> Vec<(usize, usize)> {
    let (chain, names) = covering(resolver, file, def);
    names
        .into_iter()
        .filter_map(|name| {
            chain
                .iter()
                .find_map(|&(f, c)| method_of(&resolver.files[f], c, name).map(|m| (f, m)))
                .or_else(|| named_in_full(resolver, file, name))
        })
        .collect()
}

/// The callbacks named in full that run around the method `def` of `file`
/// (`ActionController::Caching::Pages::PageCache.write` after the actions of
/// `caches_page`), whether or not the program defines them.
pub(super) fn library_callbacks_of(resolver: &Resolver, file: usize, def: usize) -> Vec<String> {
    let (_, names) = covering(resolver, file, def);
    names
        .into_iter()
        .filter(|name| name.contains('.'))
        .map(str::to_string)
        .collect()
}

/// The handler's class chain and the names of the callbacks covering the
/// method `def`, outermost base first, less those a `skip_…` drops.
fn covering<'r>(
    resolver: &'r Resolver,
    file: usize,
    def: usize,
) -> (Vec<(usize, usize)>, Vec<&'r str>) {
    let facts = &resolver.files[file];
    let action = facts.defs[def].name.as_str();
    let Some(class) = facts.defs[def]
        .parent()
        .filter(|&p| facts.defs[p].kind == DefKind::Class)
    else {
        return (Vec::new(), Vec::new());
    };
    let chain = class_chain(resolver, file, class);
    // Outermost base first: its callbacks run first, a subclass may skip them.
    let mut names: Vec<&str> = Vec::new();
    for &(f, c) in chain.iter().rev() {
        for callback in resolver.files[f].defs[c].callbacks() {
            if !callback.covers(action) {
                continue;
            }
            if callback.skip {
                names.retain(|n| *n != callback.name);
            } else if !names.contains(&callback.name.as_str()) {
                names.push(&callback.name);
            }
        }
    }
    (chain, names)
}

/// A callback named in full (`ActionController::Caching::Pages::PageCache.write`,
/// a library's method): the program's own definition of it, when the
/// program reopens that class.
fn named_in_full(resolver: &Resolver, file: usize, name: &str) -> Option<(usize, usize)> {
    let (class, method) = name.rsplit_once('.')?;
    match resolver.resolve(file, class) {
        Some((Symbol::Def(f, c), _)) if resolver.files[f].defs[c].kind == DefKind::Class => {
            method_of(&resolver.files[f], c, method).map(|m| (f, m))
        }
        _ => None,
    }
}

/// The class and its bases that the program defines, nearest first; a
/// base reopened in several files (a Ruby module) with each of its openings.
pub(super) fn class_chain(resolver: &Resolver, file: usize, class: usize) -> Vec<(usize, usize)> {
    let mut chain = vec![(file, class)];
    let mut at = 0;
    while let Some(&(f, c)) = chain.get(at) {
        at += 1;
        for base in resolver.files[f].defs[c].bases() {
            if let Some((Symbol::Def(bf, bd), _)) = resolver.resolve(f, base) {
                if resolver.files[bf].defs[bd].kind != DefKind::Class {
                    continue;
                }
                let reopened = resolver.modules.reopenings(resolver.files, bf, bd);
                for opening in std::iter::once((bf, bd)).chain(reopened) {
                    if !chain.contains(&opening) && chain.len() < 32 {
                        chain.push(opening);
                    }
                }
            }
        }
    }
    chain
}

/// The method `name` a class defines itself.
pub(super) fn method_of(facts: &FileFacts, class: usize, name: &str) -> Option<usize> {
    facts
        .members(&facts.defs[class].name, name)
        .find(|&m| facts.defs[m].kind == DefKind::Function)
}

/// (file, def) of the model callbacks a persistence call runs: `callee`
/// ends in a method that some callback of the class lists among its actions
/// (`after_create` lists `create!`), called on the class (`App.create!`) or
/// on a value named like the one class of that name (`user.save!`, `@app.destroy`:
/// a guess by the receiver's name, kept within the caller's package). A
/// callback named in full (`has_many :peas, dependent: :destroy` is
/// `Pea.destroy`) is that call, resolved from the class's file: the
/// dependents' own callbacks, [`DEPENDENTS`] levels deep at most.
pub(super) fn persistence_hooks(
    resolver: &Resolver,
    unique: &super::NameScope,
    file: usize,
    callee: &str,
) -> Vec<(usize, usize)> {
    let mut hooks = Vec::new();
    collect_hooks(resolver, unique, file, callee, DEPENDENTS, &mut hooks);
    hooks
}

/// How many levels of dependents a persistence call is followed through.
const DEPENDENTS: usize = 3;

fn collect_hooks(
    resolver: &Resolver,
    unique: &super::NameScope,
    file: usize,
    callee: &str,
    depth: usize,
    hooks: &mut Vec<(usize, usize)>,
) {
    let Some((receiver, method)) = callee
        .rsplit_once('.')
        .filter(|(_, m)| unique.callback_actions.contains(m))
    else {
        return;
    };
    let class = if receiver.starts_with(|c: char| c.is_ascii_uppercase()) {
        match resolver.resolve(file, receiver) {
            Some((Symbol::Def(f, c), _)) if resolver.files[f].defs[c].kind == DefKind::Class => {
                Some((f, c))
            }
            _ => None,
        }
    } else {
        let name = receiver.rsplit('.').next().unwrap_or(receiver);
        unique
            .class_keyed(resolver.files, &super::receiver_key(name))
            .filter(|&(f, _)| resolver.modules.packages.guess_may_reach(file, f))
    };
    let Some((f, c)) = class else {
        return;
    };
    let chain = class_chain(resolver, f, c);
    for &(cf, cc) in chain.iter().rev() {
        for callback in resolver.files[cf].defs[cc].callbacks() {
            if callback.skip || !callback.only.iter().any(|a| a == method) {
                continue;
            }
            if callback.name.contains('.') {
                if depth > 0 {
                    collect_hooks(resolver, unique, cf, &callback.name, depth - 1, hooks);
                }
                continue;
            }
            let found = chain.iter().find_map(|&(mf, mc)| {
                method_of(&resolver.files[mf], mc, &callback.name).map(|m| (mf, m))
            });
            if let Some(found) = found.filter(|h| !hooks.contains(h)) {
                hooks.push(found);
            }
        }
    }
}
