//! The projects one scanned tree holds, for a repository of several (a
//! `backend/` and a `frontend/`, services side by side) and for an app
//! scanned from a folder above it: a project starts at the outermost folder
//! holding a manifest of its runtime (`composer.json`, `Gemfile`,
//! `pom.xml`, `package.json`, `go.mod`…) or a file that marks a project's
//! root (`project_files` in a `language.toml`: a .NET solution, a Gradle
//! build's settings). A module's folder nested in its build's root is
//! not a project of its own; a file above every root of its runtime belongs
//! to none. What the framework calls the project's root (Laravel's
//! `base_path()`, a plain PHP script's path) is this folder, not the
//! scanned one.

use crate::extract::facts::FileFacts;
use rustc_hash::FxHashSet;

#[derive(Default)]
pub struct Projects {
    /// The projects' root folders, sorted.
    folders: Vec<String>,
    /// Per file, its project's index in `folders`.
    of_file: Vec<Option<u32>>,
}

impl Projects {
    /// `roots`: (folder, runtime) of every manifest and project file.
    pub fn new(files: &[FileFacts], roots: &[(String, &'static str)]) -> Self {
        let mut known: FxHashSet<(&str, &str)> = roots
            .iter()
            .map(|(folder, runtime)| (folder.as_str(), *runtime))
            .collect();
        // A manifest inside code of its runtime that no manifest covers
        // (a plain PHP site's `api/composer.json`) is a component of that
        // code, not a project beside it.
        let loose: FxHashSet<(&str, &str)> = files
            .iter()
            .filter(|f| outermost(&known, &f.path, f.lang.runtime()).is_none())
            .map(|f| {
                (
                    f.path.rsplit_once('/').map_or("", |(dir, _)| dir),
                    f.lang.runtime(),
                )
            })
            .collect();
        known.retain(|&(root, runtime)| {
            !ancestors(root).any(|folder| loose.contains(&(folder, runtime)))
        });
        let mut folders: Vec<String> = Vec::new();
        let of_path: Vec<Option<&str>> = files
            .iter()
            .map(|f| outermost(&known, &f.path, f.lang.runtime()))
            .collect();
        folders.extend(of_path.iter().flatten().map(|f| f.to_string()));
        folders.sort_unstable();
        folders.dedup();
        let of_file = of_path
            .iter()
            .map(|p| p.and_then(|p| folders.binary_search_by(|f| f.as_str().cmp(p)).ok()))
            .map(|i| i.map(|i| i as u32))
            .collect();
        Projects { folders, of_file }
    }

    /// The project `file` belongs to, when one.
    pub fn of(&self, file: usize) -> Option<usize> {
        self.of_file
            .get(file)
            .copied()
            .flatten()
            .map(|p| p as usize)
    }

    /// The root folder of `file`'s project (`""`: the scanned folder).
    pub fn root(&self, file: usize) -> &str {
        self.of(file).map_or("", |p| self.folders[p].as_str())
    }

    /// Whether `file` is of a project that holds the file at `path` (the
    /// code at `path` sees it as its own project's).
    pub fn shares_with(&self, file: usize, path: &str) -> bool {
        self.of(file).is_some() && holds(self.root(file), path)
    }

    /// The projects' root folders, by index.
    pub fn folders(&self) -> &[String] {
        &self.folders
    }
}

/// Whether the project rooted at `root` holds the file at `path` (every
/// file is in the scanned folder's, `""`).
pub fn holds(root: &str, path: &str) -> bool {
    root.is_empty()
        || path
            .strip_prefix(root)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The outermost folder above `path` (or the scanned one) that starts a
/// project of `runtime`.
fn outermost<'p>(known: &FxHashSet<(&str, &str)>, path: &'p str, runtime: &str) -> Option<&'p str> {
    ancestors(path).find(|&folder| known.contains(&(folder, runtime)))
}

/// The folders above `path`, outermost first: the scanned one (`""`),
/// then each below it.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    std::iter::once("").chain(path.match_indices('/').map(|(at, _)| &path[..at]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::facts::FileFacts;
    use crate::lang::Lang;

    fn file(path: &str) -> FileFacts {
        let lang = Lang::from_path(std::path::Path::new(path)).expect("a language");
        FileFacts::empty(path, lang, "")
    }

    #[test]
    fn a_file_belongs_to_the_outermost_root_of_its_runtime() {
        let files = [
            file("backend/app/routes/api.php"),
            file("backend/vendor-ish/lib/x.php"),
            file("frontend/src/app.ts"),
            file("services/orders/module/src/main/java/A.java"),
            file("tools/script.py"),
        ];
        let roots = vec![
            ("backend".to_string(), "php"),
            ("backend/vendor-ish".to_string(), "php"),
            ("frontend".to_string(), "node"),
            ("services/orders".to_string(), "jvm"),
            ("services/orders/module".to_string(), "jvm"),
            // Another runtime's root above the Python script.
            ("".to_string(), "node"),
        ];
        let projects = Projects::new(&files, &roots);
        assert_eq!(projects.root(0), "backend");
        assert_eq!(
            projects.root(1),
            "backend",
            "a nested root is the same project"
        );
        // The root `package.json` starts the node project above `frontend`.
        assert_eq!(projects.root(2), "");
        assert_eq!(projects.of(2), Some(0));
        assert_eq!(projects.root(3), "services/orders");
        assert_eq!(projects.of(4), None, "no Python project");
        assert_eq!(projects.of(0), projects.of(1));
        assert_ne!(projects.of(0), projects.of(3));
    }

    #[test]
    fn a_manifest_inside_code_no_manifest_covers_starts_no_project() {
        // A plain PHP site whose API folder has its own composer.json.
        let files = [
            file("site/index.php"),
            file("site/labs/api/index.php"),
            file("other/app/routes/web.php"),
        ];
        let roots = vec![
            ("site/labs/api".to_string(), "php"),
            ("other".to_string(), "php"),
        ];
        let projects = Projects::new(&files, &roots);
        assert_eq!(projects.of(1), None);
        assert_eq!(projects.root(1), "");
        assert_eq!(projects.root(2), "other");
    }
}
