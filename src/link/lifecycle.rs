//! Persistence lifecycle hooks: the methods an ORM runs when an entity is
//! saved, loaded or removed (JPA's `@PostPersist`, Eloquent's `booted` and
//! its observers' `deleted`), the entity's own and those of the listener
//! classes it names (`@EntityListeners(Mail.class)`, `#[ObservedBy(X::class)]`).
//! Nothing in the program calls them: constructing the entity is where a
//! request makes one to save, so the call of its class reaches them; so
//! does a save or delete the ORM's base class runs on it (`lifecycle_calls`:
//! `Song::create(...)`, `$song->delete()`).

use super::resolve::{Resolver, Symbol};
use crate::extract::facts::DefKind;

/// (file, def) of the hooks that run for instances of the class `def` of
/// `file`: its own methods marked as hooks, then each listener's.
pub(super) fn hooks_of(resolver: &Resolver, file: usize, class: usize) -> Vec<(usize, usize)> {
    let mut hooks = marked_methods(resolver, file, class);
    for listener in resolver.files[file].defs[class].listeners() {
        if let Some((Symbol::Def(f, d), _)) = resolver.resolve(file, listener) {
            hooks.extend(marked_methods(resolver, f, d));
        }
    }
    hooks
}

/// The hooks a call `Model.method` written in `file` runs: `method` saves
/// or removes an instance (`lifecycle_calls`), `Model` is a class of the
/// program and declares no such method itself (the ORM's base class runs
/// it). Empty otherwise.
pub(super) fn on_model_call(
    resolver: &Resolver,
    file: usize,
    parts: &[&str],
) -> Vec<(usize, usize)> {
    let &[model, method] = parts else {
        return Vec::new();
    };
    if !resolver.files[file].lang.is_lifecycle_call(method) {
        return Vec::new();
    }
    let Some((Symbol::Def(f, class), _)) = resolver.resolve(file, model) else {
        return Vec::new();
    };
    let def = &resolver.files[f].defs[class];
    if def.kind != DefKind::Class
        || resolver.member(f, &def.name, method).is_some()
        || super::inherited_method(resolver, f, class, method).is_some()
    {
        return Vec::new();
    }
    hooks_of(resolver, f, class)
}

/// The methods of the class `def` of `file` whose annotations (or, for
/// hooks the ORM runs by name, whose names) make them lifecycle hooks.
fn marked_methods(resolver: &Resolver, file: usize, class: usize) -> Vec<(usize, usize)> {
    let facts = &resolver.files[file];
    resolver
        .members_of(file, &facts.defs[class].name)
        .filter(|&m| {
            let def = &facts.defs[m];
            facts.lang.is_lifecycle_hook(def.annotations())
                || (def.kind == DefKind::Function && facts.lang.is_lifecycle_method(&def.name))
        })
        .map(|m| (file, m))
        .collect()
}
