//! Java and Kotlin: a file's `package`, `import a.b.C` naming one
//! type, `import a.b.*` naming a package, and the types of the same package,
//! visible without an import. A type is found by its package declaration,
//! whatever the source root (`src/main/java`, a module's folder).

use super::ModuleIndex;
use crate::extract::facts::FileFacts;

/// The file declaring the type `spec` names (`com.shop.OrderService`, or a
/// nested type `com.shop.Outer.Inner`, found by its outer type).
pub fn resolve(index: &ModuleIndex, from: &str, spec: &str) -> Option<usize> {
    qualified_type(index, from, spec).map(|(file, _)| file)
}

/// (file, def) of a qualified type name, trying shorter prefixes for
/// nested types.
fn qualified_type(index: &ModuleIndex, from: &str, spec: &str) -> Option<(usize, usize)> {
    let parts: Vec<&str> = spec.split('.').collect();
    (1..parts.len()).rev().find_map(|split| {
        let namespace = parts[..split].join(".");
        index.type_named(from, &namespace, parts[split])
    })
}

/// A type of the same package, or of a package imported with `.*`.
pub fn type_in_scope(index: &ModuleIndex, file: &FileFacts, name: &str) -> Option<(usize, usize)> {
    let wildcards = file
        .imports
        .iter()
        .filter(|i| i.local == "*")
        .map(|i| i.module.as_str());
    file.namespace
        .as_deref()
        .into_iter()
        .chain(wildcards)
        .find_map(|package| index.type_named(&file.path, package, name))
}
