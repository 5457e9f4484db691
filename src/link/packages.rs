//! Package roots: the folders of a repository's package manifests (a
//! `Gemfile`, `go.mod`, `package.json`, `composer.json`). One repository may
//! hold several packages (a command-line gem in `cli/` with its own
//! `Gemfile` beside the server's code): a call resolved by its name alone
//! (a guess) never lands in the code of a package the caller is not in.
//! Calls resolved by an import, a type or a scope cross freely.

/// The manifests whose folder is a package of its own. Not every manifest
/// a language reads: `requirements/base.txt` names no package folder, and
/// a Maven or Gradle module calls its siblings by import.
const PACKAGE_MANIFESTS: &[&str] = &["Gemfile", "go.mod", "package.json", "composer.json"];

/// The package root of each file: the nearest folder above it (or its own)
/// holding a package manifest. Without roots (the default), one package.
#[derive(Default)]
pub struct PackageRoots {
    /// Per file, an index into the roots, or none.
    root_of: Vec<Option<usize>>,
}

impl PackageRoots {
    /// The roots of the files at `paths` from the manifests read (relative
    /// paths, `/`-separated).
    pub fn new<'p>(paths: impl Iterator<Item = &'p str>, manifests: &[String]) -> Self {
        let mut roots: Vec<&str> = manifests
            .iter()
            .filter_map(|m| {
                let (dir, base) = m.rsplit_once('/').unwrap_or(("", m.as_str()));
                PACKAGE_MANIFESTS.contains(&base).then_some(dir)
            })
            .collect();
        roots.sort_unstable();
        roots.dedup();
        let root_of = paths
            .map(|path| {
                roots
                    .iter()
                    .enumerate()
                    .filter(|(_, root)| super::projects::holds(root, path))
                    .max_by_key(|(_, root)| root.len())
                    .map(|(i, _)| i)
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

    fn roots(paths: &[&str], manifests: &[&str]) -> PackageRoots {
        let manifests: Vec<String> = manifests.iter().map(|m| m.to_string()).collect();
        PackageRoots::new(paths.iter().copied(), &manifests)
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
}
