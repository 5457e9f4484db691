//! C#: `namespace` declarations (block and file-scoped), `using A.B;`
//! naming a namespace, `using X = A.B.C;` aliases, and the types of the
//! enclosing namespaces, visible without a `using` (in `A.B.C`, those of
//! `A.B.C`, `A.B` and `A`), and of the global namespace. Partial classes
//! are declared in several files: each declaration is indexed.

use super::ModuleIndex;
use crate::extract::facts::FileFacts;

/// The file declaring the type `spec` names (`Shop.Services.OrderStore`).
pub fn resolve(index: &ModuleIndex, from: &str, spec: &str) -> Option<usize> {
    let (namespace, name) = spec.rsplit_once('.')?;
    index
        .type_named(from, namespace, name)
        .map(|(file, _)| file)
}

/// A type of an enclosing namespace, or of a namespace a `using` names.
pub fn type_in_scope(index: &ModuleIndex, file: &FileFacts, name: &str) -> Option<(usize, usize)> {
    let mut scopes: Vec<&str> = Vec::new();
    if let Some(namespace) = file.namespace.as_deref() {
        let mut current = namespace;
        loop {
            scopes.push(current);
            match current.rsplit_once('.') {
                Some((outer, _)) => current = outer,
                None => break,
            }
        }
    }
    scopes.extend(
        file.imports
            .iter()
            .filter(|i| i.local == "*")
            .map(|i| i.module.as_str()),
    );
    // Types declared outside any namespace are visible everywhere.
    scopes.push("");
    scopes
        .into_iter()
        .find_map(|namespace| index.type_named(&file.path, namespace, name))
}
