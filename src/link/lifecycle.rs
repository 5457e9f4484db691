//! Persistence lifecycle hooks: the methods an ORM runs when an entity is
//! saved, loaded or removed (JPA's `@PostPersist`), the entity's own and
//! those of the listener classes it names (`@EntityListeners(Mail.class)`).
//! Nothing in the program calls them: constructing the entity is where a
//! request makes one to save, so the call of its class reaches them.

use super::resolve::{Resolver, Symbol};

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

/// The methods of the class `def` of `file` whose annotations make them
/// lifecycle hooks.
fn marked_methods(resolver: &Resolver, file: usize, class: usize) -> Vec<(usize, usize)> {
    let facts = &resolver.files[file];
    resolver
        .members_of(file, &facts.defs[class].name)
        .filter(|&m| facts.lang.is_lifecycle_hook(facts.defs[m].annotations()))
        .map(|m| (file, m))
        .collect()
}
