//! PHP: `namespace App\Http\Controllers;`, `use App\Models\User;` (with
//! aliases and groups), qualified names (`\App\Support\Str`,
//! `Models\User` under an imported or enclosing namespace), types of the
//! same namespace and of the global namespace, and files named by
//! `require`/`include` (relative to the including file, or to the project
//! root as `base_path()` names them). Types are found by their `namespace`
//! declaration, which PSR-4 (composer.json `autoload`) requires to match
//! the folder: the autoload map adds nothing a declaration does not say.
//! A class named by its short name in a string (Laravel's
//! `'UserController@show'`, resolved against the route service provider's
//! controller namespace at run time) is the one type of that name in the
//! program, when there is exactly one.

use super::{normalize_path, ModuleIndex};
use crate::extract::facts::FileFacts;

/// The file a `use` or an include names: a type (`App\Models\User`), or a
/// `.php` file.
/// `root`: the folder of the project `from` belongs to.
pub fn resolve(index: &ModuleIndex, from: &str, root: &str, spec: &str) -> Option<usize> {
    if spec.ends_with(".php") {
        return included_file(index, from, root, spec);
    }
    qualified_type(index, from, spec).map(|(file, _)| file)
}

/// `require __DIR__ . '/../routes/api.php'` (the string is what is
/// captured), `require 'lib/db.php'`, `base_path('routes/web.php')` (from
/// the project's root, `root`).
fn included_file(index: &ModuleIndex, from: &str, root: &str, spec: &str) -> Option<usize> {
    let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
    let relative = spec.trim_start_matches('/');
    [format!("{dir}/{relative}"), format!("{root}/{relative}")]
        .iter()
        .find_map(|candidate| index.by_path(&normalize_path(candidate)?))
}

/// (file, def) of a fully qualified type name (`App\Models\User`, with or
/// without the leading `\`).
fn qualified_type(index: &ModuleIndex, from: &str, spec: &str) -> Option<(usize, usize)> {
    let spec = spec.trim_start_matches('\\');
    let (namespace, name) = spec.rsplit_once('\\').unwrap_or(("", spec));
    index.type_named(from, namespace, name)
}

/// A type written without a `use` naming it: a qualified name (`\A\B`,
/// `Models\User` under an imported or the enclosing namespace), a type of
/// the same namespace or the global one, or the one type of that name.
pub fn type_in_scope(index: &ModuleIndex, file: &FileFacts, name: &str) -> Option<(usize, usize)> {
    let namespace = file.namespace.as_deref().unwrap_or("");
    if name.starts_with('\\') {
        return qualified_type(index, &file.path, name);
    }
    let within = |ns: &str, rest: &str| {
        if ns.is_empty() {
            qualified_type(index, &file.path, rest)
        } else {
            qualified_type(index, &file.path, &format!("{ns}\\{rest}"))
        }
    };
    if let Some((first, rest)) = name.split_once('\\') {
        let imported = file
            .imports
            .iter()
            .find(|i| i.local == first)
            .and_then(|i| qualified_type(index, &file.path, &format!("{}\\{rest}", i.module)));
        return imported
            .or_else(|| within(namespace, name))
            .or_else(|| qualified_type(index, &file.path, name));
    }
    within(namespace, name)
        .or_else(|| index.type_named(&file.path, "", name))
        .or_else(|| index.only_type_named(&file.path, name))
}
