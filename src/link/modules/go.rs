//! Go: a package is a folder. `import "github.com/acme/shop/internal/users"`
//! names the folder `internal/users` under the `go.mod` whose `module` is
//! `github.com/acme/shop`; without a scanned `go.mod`, a path led by a domain
//! names the scanned folder it ends with. The standard library (no domain)
//! is never a scanned folder. The files of a package see each other's
//! top-level names without an import.

use super::ModuleIndex;
use crate::extract::facts::FileFacts;
use crate::extract::name::Name;
use crate::lang::Strategy;
use rustc_hash::FxHashMap;

#[derive(Default)]
pub struct PackageIndex {
    /// Folder → the Go files in it, in scan order.
    dirs: FxHashMap<String, Vec<usize>>,
    /// Folder → its top-level names, each to its first declaration (in
    /// scan order) as (file, def): a lookup costs the same in a package of
    /// ten definitions and in one of ten thousand.
    top: FxHashMap<String, FxHashMap<Name, (usize, usize)>>,
    /// (folder of a `go.mod`, its module path), longest module path first.
    modules: Vec<(String, String)>,
}

/// The folder of a `/`-separated path (`""` at the root).
fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

impl PackageIndex {
    pub fn new(files: &[FileFacts], module_paths: &[(String, String)]) -> Self {
        let mut dirs: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (idx, file) in files.iter().enumerate() {
            if file.lang.resolution() == Strategy::GoPackages {
                dirs.entry(dir_of(&file.path).to_string())
                    .or_default()
                    .push(idx);
            }
        }
        let top = dirs
            .iter()
            .map(|(dir, package)| {
                let mut names: FxHashMap<Name, (usize, usize)> = FxHashMap::default();
                for &f in package {
                    for (d, def) in files[f].defs.iter().enumerate() {
                        if def.parent().is_none() && def.class.is_none() {
                            names.entry(def.name.clone()).or_insert((f, d));
                        }
                    }
                }
                (dir.clone(), names)
            })
            .collect();
        let mut modules = module_paths.to_vec();
        modules.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.cmp(b)));
        PackageIndex { dirs, top, modules }
    }

    /// The files of the package `file` belongs to (itself included).
    pub fn package_of(&self, file: &FileFacts) -> &[usize] {
        self.dirs.get(dir_of(&file.path)).map_or(&[], Vec::as_slice)
    }

    /// The scanned folder an import path names.
    fn folder(&self, spec: &str) -> Option<&[usize]> {
        if !self.modules.is_empty() {
            return self.modules.iter().find_map(|(root, module)| {
                let rest = if spec == module {
                    ""
                } else {
                    spec.strip_prefix(module.as_str())?.strip_prefix('/')?
                };
                let dir = match (root.is_empty(), rest.is_empty()) {
                    (true, _) => rest.to_string(),
                    (false, true) => root.clone(),
                    (false, false) => format!("{root}/{rest}"),
                };
                self.dirs.get(&dir).map(Vec::as_slice)
            });
        }
        let parts: Vec<&str> = spec.split('/').collect();
        if !parts.first()?.contains('.') {
            return None;
        }
        (1..parts.len())
            .find_map(|start| self.dirs.get(&parts[start..].join("/")).map(Vec::as_slice))
    }
}

/// A file of the package an import path names (its first, by path).
pub fn resolve(index: &ModuleIndex, spec: &str) -> Option<usize> {
    index.go.folder(spec)?.first().copied()
}

/// A top-level name of `file`'s package, declared in any of its files.
pub fn in_package(index: &ModuleIndex, file: &FileFacts, name: &str) -> Option<(usize, usize)> {
    index.go.top.get(dir_of(&file.path))?.get(name).copied()
}
