//! Package roots: the folders of a repository's package manifests (a
//! `Gemfile`, `go.mod`, `package.json`, `composer.json`). One repository may
//! hold several packages (a command-line gem in `cli/` with its own
//! `Gemfile` beside the server's code): a call resolved by its name alone
//! (a guess) never lands in the code of a package the caller is not in.
//! Calls resolved by an import, a type or a scope cross freely.

use crate::extract::facts::FileFacts;

/// The package root of each file: the nearest folder above it (or its own)
/// holding a manifest of its runtime, for languages whose `language.toml`
/// says `packages_apart` (not Python, whose `requirements/base.txt` names
/// no package folder, nor a Maven or Gradle module, which calls its
/// siblings by import). Without roots (the default), one package.
#[derive(Default)]
pub struct PackageRoots {
    /// Per file, an index into the roots' folders, or none.
    root_of: Vec<Option<u32>>,
}

impl PackageRoots {
    /// The roots of `files` from the (folder, runtime) of every manifest and
    /// project file (`Project::project_roots`).
    pub fn new(files: &[FileFacts], roots: &[(String, &'static str)]) -> Self {
        let mut folders: Vec<&str> = roots.iter().map(|(folder, _)| folder.as_str()).collect();
        folders.sort_unstable();
        folders.dedup();
        let root_of = files
            .iter()
            .map(|f| {
                let runtime = f.lang.runtime();
                roots
                    .iter()
                    .filter(|(folder, of)| {
                        f.lang.packages_apart()
                            && *of == runtime
                            && super::projects::holds(folder, &f.path)
                    })
                    .max_by_key(|(folder, _)| folder.len())
                    .and_then(|(folder, _)| folders.binary_search(&folder.as_str()).ok())
                    .map(|i| i as u32)
            })
            .collect();
        PackageRoots { root_of }
    }

    /// Whether the files `a` and `b` are in the same package (or both in
    /// none).
    pub fn same_package(&self, a: usize, b: usize) -> bool {
        self.root_of.get(a).copied().flatten() == self.root_of.get(b).copied().flatten()
    }

    /// Whether a guess from code of the file `from` may land in the file
    /// `to`: `to` is in no package, or in the caller's.
    pub fn guess_may_reach(&self, from: usize, to: usize) -> bool {
        match self.root_of.get(to).copied().flatten() {
            None => true,
            Some(root) => self.root_of.get(from).copied().flatten() == Some(root),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn roots(paths: &[&str], manifests: &[&str]) -> PackageRoots {
        let files: Vec<FileFacts> = paths
            .iter()
            .map(|p| {
                let lang = Lang::from_path(std::path::Path::new(p)).expect("a language");
                FileFacts::empty(p, lang, "")
            })
            .collect();
        let roots: Vec<(String, &'static str)> = manifests
            .iter()
            .flat_map(|m| {
                let dir = m.rsplit_once('/').map_or("", |(dir, _)| dir);
                Lang::project_markers(m)
                    .into_iter()
                    .map(move |(runtime, _)| (dir.to_string(), runtime))
            })
            .collect();
        PackageRoots::new(&files, &roots)
    }

    #[test]
    fn a_guess_stays_in_its_package() {
        let r = roots(
            &["api/app.rb", "cli/lib/config.rb", "lib/sh.rb", "cli2/x.rb"],
            &[
                "Gemfile",
                "Gemfile.lock",
                "cli/Gemfile",
                "requirements/base.txt",
            ],
        );
        // The server's code reaches its own files, not the CLI gem's.
        assert!(r.guess_may_reach(0, 2));
        assert!(!r.guess_may_reach(0, 1));
        // Nor the CLI gem the server's.
        assert!(!r.guess_may_reach(1, 0));
        assert!(r.guess_may_reach(1, 1));
        // `cli2/` is no `cli/`: the root package's.
        assert!(r.guess_may_reach(0, 3));
        assert!(r.same_package(0, 2));
        assert!(!r.same_package(0, 1));
    }

    #[test]
    fn code_outside_every_package_is_reached_by_all() {
        let r = roots(
            &["server/app.js", "common/util.js", "client/ui.js"],
            &["server/package.json", "client/package.json"],
        );
        assert!(r.guess_may_reach(0, 1));
        assert!(r.guess_may_reach(2, 1));
        assert!(!r.guess_may_reach(0, 2));
        assert!(!r.guess_may_reach(1, 0));
    }

    #[test]
    fn a_package_is_of_its_own_runtime_and_of_languages_that_keep_packages_apart() {
        let r = roots(
            &[
                "web/app.rb",
                "web/lib/x.rb",
                "tools/a.py",
                "tools/b/c.py",
                "web/ui/m.js",
            ],
            &["Gemfile", "web/ui/package.json", "tools/b/requirements.txt"],
        );
        // The Ruby code under `web/ui/` is not in the JavaScript package.
        assert!(r.same_package(0, 1));
        assert!(!r.same_package(0, 4));
        // Python keeps no packages apart: a guess reaches every Python file.
        assert!(r.guess_may_reach(2, 3));
        assert!(r.guess_may_reach(3, 2));
    }
}
