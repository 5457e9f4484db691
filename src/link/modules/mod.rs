//! Maps import specifiers to scanned files, by each language's resolution
//! strategy (`resolution` in its `language.toml`), one file each: Python
//! dotted modules, JavaScript/TypeScript paths, Java packages, C# and PHP
//! namespaces, Ruby constants and Go packages. The strategies of namespaced
//! languages share a type index: (namespace, top-level type) → files.

mod csharp;
mod go;
mod java;
mod js;
mod php;
mod python;
mod ruby;

use crate::extract::facts::{Def, DefKind, FileFacts};
use crate::lang::Strategy;
use rustc_hash::FxHashMap;

pub struct ModuleIndex {
    /// Relative path → file index.
    by_path: FxHashMap<String, usize>,
    python: python::DottedIndex,
    types: TypeIndex,
    ruby: ruby::ConstantIndex,
    go: go::PackageIndex,
    /// The project each file belongs to.
    pub projects: super::projects::Projects,
    /// The package root of each file.
    pub(in crate::link) packages: super::packages::PackageRoots,
}

/// Top-level types by namespace: `("com.shop.web", "OrdersController")` →
/// the files that declare it (several for C# partial classes).
#[derive(Default)]
pub struct TypeIndex {
    by_name: FxHashMap<(String, String), Vec<(usize, usize)>>,
    /// The same declarations by their name alone.
    by_short_name: FxHashMap<String, Vec<(usize, usize)>>,
}

impl TypeIndex {
    fn new(files: &[FileFacts]) -> Self {
        let mut by_name: FxHashMap<(String, String), Vec<(usize, usize)>> = FxHashMap::default();
        for (idx, file) in files.iter().enumerate() {
            // A file of a namespaced language without a declaration: the
            // global namespace (`""`).
            let namespace = match (&file.namespace, file.lang.resolution()) {
                (Some(namespace), _) => namespace.clone(),
                (
                    None,
                    Strategy::CsharpNamespaces | Strategy::JavaPackages | Strategy::PhpNamespaces,
                ) => String::new(),
                (None, _) => continue,
            };
            // Kotlin's top-level functions and properties are imported
            // and seen by package as types are (`import a.b.formatPrice`).
            let package_level = |def: &Def| match def.kind {
                DefKind::Class => true,
                DefKind::Function | DefKind::Variable => {
                    file.lang.resolution() == Strategy::JavaPackages && def.class.is_none()
                }
            };
            for (def_idx, def) in file.defs.iter().enumerate() {
                if def.parent().is_none() && package_level(def) {
                    by_name
                        .entry((namespace.clone(), def.name.to_string()))
                        .or_default()
                        .push((idx, def_idx));
                }
            }
        }
        let mut by_short_name: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
        for ((_, name), decls) in &by_name {
            let types = decls
                .iter()
                .filter(|&&(f, d)| files[f].defs[d].kind == DefKind::Class);
            by_short_name.entry(name.clone()).or_default().extend(types);
        }
        TypeIndex {
            by_name,
            by_short_name,
        }
    }

    /// The declarations of `namespace.name`.
    pub fn get(&self, namespace: &str, name: &str) -> &[(usize, usize)] {
        self.by_name
            .get(&(namespace.to_string(), name.to_string()))
            .map_or(&[], Vec::as_slice)
    }
}

impl ModuleIndex {
    /// `module_paths`: (folder, import path) the project's manifests declare;
    /// `project_roots`: (folder, runtime) where projects start.
    pub fn new(
        files: &[FileFacts],
        module_paths: &[(String, String)],
        project_roots: &[(String, &'static str)],
    ) -> Self {
        ModuleIndex {
            by_path: files
                .iter()
                .enumerate()
                .map(|(idx, f)| (f.path.clone(), idx))
                .collect(),
            python: python::DottedIndex::new(files),
            types: TypeIndex::new(files),
            ruby: ruby::ConstantIndex::new(files),
            go: go::PackageIndex::new(files, module_paths),
            projects: super::projects::Projects::new(files, project_roots),
            packages: super::packages::PackageRoots::new(files, project_roots),
        }
    }

    /// The file `spec` names when imported from `from`.
    pub fn resolve(&self, files: &[FileFacts], from: usize, spec: &str) -> Option<usize> {
        let file = &files[from];
        match file.lang.resolution() {
            Strategy::PythonModules => python::resolve(self, files, &file.path, spec),
            Strategy::JsPaths => js::resolve(self, &file.path, spec),
            Strategy::JavaPackages => java::resolve(self, &file.path, spec),
            Strategy::CsharpNamespaces => csharp::resolve(self, &file.path, spec),
            Strategy::PhpNamespaces => {
                php::resolve(self, &file.path, self.projects.root(from), spec)
            }
            Strategy::RubyConstants => ruby::resolve(self, from, file, spec),
            Strategy::GoPackages => go::resolve(self, spec),
        }
    }

    /// The submodule `name` of the package `module` file is (`app.models`
    /// after `import app`), for languages whose packages hold modules.
    pub fn submodule(&self, files: &[FileFacts], module: usize, name: &str) -> Option<usize> {
        match files[module].lang.resolution() {
            Strategy::PythonModules => python::submodule(self, files, &files[module].path, name),
            _ => None,
        }
    }

    /// The module `from module import name` also names when `name` is a
    /// submodule (`from . import views`), for languages where it can be.
    pub fn submodule_spec(
        &self,
        files: &[FileFacts],
        from: usize,
        module: &str,
        name: &str,
    ) -> Option<String> {
        match files[from].lang.resolution() {
            Strategy::PythonModules => Some(python::submodule_spec(module, name)),
            _ => None,
        }
    }

    /// A type `name` visible in `from` without an import naming it: the
    /// same package or namespace, and wildcard imports (`import a.b.*`,
    /// `using A.B;`). As (file, def).
    pub fn type_in_scope(
        &self,
        files: &[FileFacts],
        from: usize,
        name: &str,
    ) -> Option<(usize, usize)> {
        let file = &files[from];
        match file.lang.resolution() {
            Strategy::JavaPackages => java::type_in_scope(self, file, name),
            Strategy::CsharpNamespaces => csharp::type_in_scope(self, file, name),
            Strategy::PhpNamespaces => php::type_in_scope(self, file, name),
            Strategy::RubyConstants => ruby::type_in_scope(self, from, file, name),
            Strategy::GoPackages => go::in_package(self, file, name),
            // `Strategy::binds_names_in_file`: extraction relies on it.
            Strategy::PythonModules | Strategy::JsPaths => None,
        }
    }

    /// The files that make one package with `file` (itself included), for
    /// languages whose packages span files and whose types' methods may be
    /// declared in any of them (Go); empty for the others.
    pub fn package_files(&self, files: &[FileFacts], file: usize) -> &[usize] {
        match files[file].lang.resolution() {
            Strategy::GoPackages => self.go.package_of(&files[file]),
            _ => &[],
        }
    }

    /// The definitions of the class `def` of `file` in every file of its
    /// package that opens it, for languages where a class or module may be
    /// reopened (Ruby's `module Peas` in each file of the gem): (file, def);
    /// empty for the others.
    pub fn reopenings(&self, files: &[FileFacts], file: usize, def: usize) -> Vec<(usize, usize)> {
        match files[file].lang.resolution() {
            Strategy::RubyConstants => self
                .ruby
                .definitions(&files[file], def)
                .iter()
                .copied()
                .filter(|&(f, _)| self.packages.same_package(file, f))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The files an include's path with `*` (an interpolated template,
    /// which must name a folder) matches, from the including file's folder
    /// or from the project root.
    pub fn template_matches(&self, files: &[FileFacts], from: usize, spec: &str) -> Vec<usize> {
        if !spec.trim_start_matches('/').contains('/') {
            return Vec::new();
        }
        let dir = files[from].path.rsplit_once('/').map_or("", |(d, _)| d);
        let relative = spec.trim_start_matches('/');
        let patterns: Vec<String> = [format!("{dir}/{relative}"), relative.to_string()]
            .iter()
            .filter_map(|p| normalize_path(p))
            .collect();
        let mut found: Vec<usize> = files
            .iter()
            .enumerate()
            .filter(|(idx, f)| *idx != from && patterns.iter().any(|p| glob_match(p, &f.path)))
            .map(|(idx, _)| idx)
            .collect();
        found.sort_unstable();
        found
    }

    fn by_path(&self, path: &str) -> Option<usize> {
        self.by_path.get(path).copied()
    }

    /// The type `namespace`.`name` as code in `from` (a path) sees it: of
    /// its own project when several projects declare one (two services
    /// of one repository, both `com.example.demo`), else the first.
    fn type_named(&self, from: &str, namespace: &str, name: &str) -> Option<(usize, usize)> {
        let found = self.types.get(namespace, name);
        let own = |&&(file, _): &&(usize, usize)| self.projects.shares_with(file, from);
        match found {
            [one] => Some(*one),
            _ => found.iter().find(own).or(found.first()).copied(),
        }
    }

    /// The one type named `name` whatever its namespace, in the project
    /// of `from` (a path) when that project declares it, else in the
    /// program.
    fn only_type_named(&self, from: &str, name: &str) -> Option<(usize, usize)> {
        let found = self
            .types
            .by_short_name
            .get(name)
            .map_or(&[][..], Vec::as_slice);
        let mut own = found
            .iter()
            .filter(|&&(file, _)| self.projects.shares_with(file, from));
        match (own.next(), own.next(), found) {
            (Some(one), None, _) | (None, _, [one]) => Some(*one),
            _ => None,
        }
    }
}

/// `a/./b/../c.php` → `a/c.php`; None when it leaves the root.
pub(crate) fn normalize_path(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Whether `path` matches `pattern`, segment by segment, where `*` stands
/// for any text within one segment.
fn glob_match(pattern: &str, path: &str) -> bool {
    let (pattern, path): (Vec<&str>, Vec<&str>) =
        (pattern.split('/').collect(), path.split('/').collect());
    pattern.len() == path.len()
        && pattern
            .iter()
            .zip(&path)
            .all(|(p, s)| segment_match(p.as_bytes(), s.as_bytes()))
}

fn segment_match(pattern: &[u8], text: &[u8]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((b'*', rest)) => (0..=text.len()).any(|skip| segment_match(rest, &text[skip..])),
        Some((c, rest)) => text.first() == Some(c) && segment_match(rest, &text[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn templates_match_within_one_segment() {
        assert!(glob_match("app/pages/*.php", "app/pages/home.php"));
        assert!(glob_match("v/*/help/help.php", "v/exec/help/help.php"));
        assert!(!glob_match("v/*/help/help.php", "v/exec/x/help/help.php"));
        assert!(!glob_match("app/pages/*.php", "app/pages/home.inc"));
        assert!(glob_match("src/*", "src/low.php"));
        assert!(!glob_match("src/*", "src/a/low.php"));
    }
}
