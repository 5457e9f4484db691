//! Ruby: constants, not files, are what code names. A class or module is
//! known by its full nesting (`module Admin; class UsersController` and
//! `class Admin::UsersController` both define `Admin::UsersController`) and
//! by the Rails autoload convention (`app/controllers/admin/users_controller.rb`
//! holds `Admin::UsersController`; `app/*/concerns/` and `lib/` are roots
//! too). A constant written inside a class is looked up from the innermost
//! nesting outwards. `require` and `require_relative` name files: relative
//! to the requiring file first, then from the project's load paths; a
//! constant given where a module is named (a Grape API `mount`ed) names the
//! file that defines it. A class or module reopened in several files has
//! the members of each (`Peas.sh` in lib/sh.rb, `module Peas` everywhere).

use super::ModuleIndex;
use crate::extract::camelize;
use crate::extract::facts::{DefKind, FileFacts};
use crate::lang::Strategy;
use rustc_hash::{FxHashMap, FxHashSet};

/// Load paths a bare `require 'x'` searches, besides the requiring file's
/// folder and the project root.
const LOAD_PATHS: &[&str] = &["lib", "app"];

/// Qualified constant names (`Admin::UsersController`) → (file, def).
#[derive(Default)]
pub struct ConstantIndex {
    by_name: FxHashMap<String, Vec<(usize, usize)>>,
    /// For each Ruby file defining a class, the nestings a constant written
    /// in it is looked up in, in order (`lookup_scopes`): made once, not at
    /// each constant.
    scopes: FxHashMap<usize, Box<[Box<str>]>>,
}

impl ConstantIndex {
    pub fn new(files: &[FileFacts]) -> Self {
        let mut by_name: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
        let mut scopes = FxHashMap::default();
        for (idx, file) in files.iter().enumerate() {
            if file.lang.resolution() != Strategy::RubyConstants {
                continue;
            }
            let file_scopes = lookup_scopes(file);
            if !file_scopes.is_empty() {
                scopes.insert(idx, file_scopes);
            }
            for (def_idx, def) in file.defs.iter().enumerate() {
                if def.kind == DefKind::Class {
                    by_name
                        .entry(qualified_name(file, def_idx))
                        .or_default()
                        .push((idx, def_idx));
                }
            }
            // The autoload convention: the constant the file's path names,
            // when the file defines a class of that last name.
            if let Some(constant) = autoload_constant(&file.path) {
                let last = constant.rsplit("::").next().unwrap_or(&constant);
                let def = file.defs.iter().position(|d| {
                    d.kind == DefKind::Class && d.name.rsplit("::").next() == Some(last)
                });
                if let Some(def) = def {
                    let entry = by_name.entry(constant).or_default();
                    if !entry.contains(&(idx, def)) {
                        entry.push((idx, def));
                    }
                }
            }
        }
        ConstantIndex { by_name, scopes }
    }

    /// The definition of `name`, one in the package of the file `from`
    /// first (a command-line gem of the repository defines its own `Peas`).
    fn get(&self, index: &ModuleIndex, from: Option<usize>, name: &str) -> Option<(usize, usize)> {
        let defs = self.by_name.get(name)?;
        from.and_then(|from| {
            defs.iter()
                .find(|&&(f, _)| index.packages.same_package(from, f))
                .copied()
        })
        .or_else(|| defs.first().copied())
    }

    /// Every definition of the constant the class `def` of `file` defines
    /// (each file reopening it).
    pub fn definitions(&self, file: &FileFacts, def: usize) -> &[(usize, usize)] {
        self.by_name
            .get(&qualified_name(file, def))
            .map_or(&[], Vec::as_slice)
    }
}

/// `Admin::UsersController` for a class nested in `module Admin`.
fn qualified_name(file: &FileFacts, def: usize) -> String {
    let mut parts = vec![file.defs[def].name.as_str()];
    let mut current = file.defs[def].parent();
    // Bounded by the nesting depth the facts hold.
    while let Some(p) = current {
        if file.defs[p].kind == DefKind::Class {
            parts.push(file.defs[p].name.as_str());
        }
        current = file.defs[p].parent();
    }
    parts.reverse();
    parts.join("::").trim_start_matches("::").to_string()
}

/// The constant Rails autoloads from a path: the part after an autoload
/// root (`app/<kind>/`, `app/<kind>/concerns/`, `lib/`), camelized.
fn autoload_constant(path: &str) -> Option<String> {
    let stem = path.strip_suffix(".rb")?;
    let segments: Vec<&str> = stem.split('/').collect();
    let start = segments
        .iter()
        .rposition(|s| *s == "concerns")
        .map(|i| i + 1)
        .or_else(|| {
            segments
                .iter()
                .position(|s| *s == "app")
                .map(|i| i + 2)
                .or_else(|| segments.iter().position(|s| *s == "lib").map(|i| i + 1))
        })?;
    let rest = segments.get(start..).filter(|r| !r.is_empty())?;
    Some(
        rest.iter()
            .map(|s| camelize(s))
            .collect::<Vec<_>>()
            .join("::"),
    )
}

/// The file a `require`/`require_relative` names, or the file that
/// defines a constant (`mount API::V1::Users`: a Grape API).
pub fn resolve(
    index: &ModuleIndex,
    from_idx: usize,
    from: &FileFacts,
    spec: &str,
) -> Option<usize> {
    if spec.starts_with(|c: char| c.is_ascii_uppercase()) || spec.starts_with("::") {
        return type_in_scope(index, from_idx, from, spec).map(|(file, _)| file);
    }
    let spec = spec.strip_suffix(".rb").unwrap_or(spec);
    let dir = from.path.rsplit_once('/').map_or("", |(d, _)| d);
    let relative = super::super::routes::join_relative(dir, spec);
    relative
        .into_iter()
        .chain(std::iter::once(spec.trim_start_matches("./").to_string()))
        .chain(LOAD_PATHS.iter().map(|root| format!("{root}/{spec}")))
        .find_map(|candidate| index.by_path(&format!("{candidate}.rb")))
}

/// The nestings a constant written in `file` is looked up in, before the
/// top level: from each class the file defines (the most deeply nested
/// first, in file order among equals), its full name then each enclosing
/// one outwards, each nesting once (a lookup that failed fails again).
fn lookup_scopes(file: &FileFacts) -> Box<[Box<str>]> {
    let mut classes: Vec<String> = (0..file.defs.len())
        .filter(|&d| file.defs[d].kind == DefKind::Class)
        .map(|d| qualified_name(file, d))
        .collect();
    classes.sort_by_key(|s| std::cmp::Reverse(s.matches("::").count()));
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut scopes: Vec<Box<str>> = Vec::new();
    for class in &classes {
        let mut current = class.as_str();
        loop {
            if seen.insert(current) {
                scopes.push(current.into());
            }
            match current.rsplit_once("::") {
                Some((outer, _)) => current = outer,
                None => break,
            }
        }
    }
    scopes.into_boxed_slice()
}

/// A constant written in the file `file_idx`: looked up from the nesting
/// of each class the file defines (innermost first), then at the top level.
pub fn type_in_scope(
    index: &ModuleIndex,
    file_idx: usize,
    file: &FileFacts,
    name: &str,
) -> Option<(usize, usize)> {
    let constants = &index.ruby;
    let from = index.by_path(&file.path);
    if let Some(absolute) = name.strip_prefix("::") {
        return constants.get(index, from, absolute);
    }
    let scopes = constants.scopes.get(&file_idx).map_or(&[][..], |s| &s[..]);
    let mut qualified = String::new();
    for scope in scopes {
        qualified.clear();
        qualified.push_str(scope);
        qualified.push_str("::");
        qualified.push_str(name);
        if let Some(found) = constants.get(index, from, &qualified) {
            return Some(found);
        }
    }
    constants.get(index, from, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn autoload_paths_name_constants() {
        assert_eq!(
            autoload_constant("app/controllers/admin/users_controller.rb").as_deref(),
            Some("Admin::UsersController")
        );
        assert_eq!(
            autoload_constant("app/controllers/concerns/auditable.rb").as_deref(),
            Some("Auditable")
        );
        assert_eq!(
            autoload_constant("shop/lib/payments/gateway.rb").as_deref(),
            Some("Payments::Gateway")
        );
        assert_eq!(autoload_constant("config/routes.rb"), None);
        assert_eq!(autoload_constant("app/models"), None);
    }
}
