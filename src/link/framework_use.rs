//! Which frameworks each folder's code imports (`framework_imports` in
//! `language.toml`): a route pattern of a framework tied to packages holds
//! only in a folder (a Go package) where some file imports one of them, so
//! gin's `X.Any("name", v)` is no route in an app that uses `slog.Any`.

use crate::extract::facts::FileFacts;
use rustc_hash::{FxHashMap, FxHashSet};

/// Per folder, the frameworks its files import.
#[derive(Default)]
pub(super) struct FrameworkUse {
    by_folder: FxHashMap<String, FxHashSet<&'static str>>,
}

impl FrameworkUse {
    pub(super) fn new(files: &[FileFacts]) -> Self {
        let mut by_folder: FxHashMap<String, FxHashSet<&'static str>> = FxHashMap::default();
        for facts in files
            .iter()
            .filter(|f| f.lang.ties_frameworks_to_packages())
        {
            for import in &facts.imports {
                let used: Vec<&'static str> =
                    facts.lang.frameworks_of_import(&import.module).collect();
                if !used.is_empty() {
                    by_folder
                        .entry(folder(&facts.path).to_string())
                        .or_default()
                        .extend(used);
                }
            }
        }
        FrameworkUse { by_folder }
    }

    /// Whether a route declared in `facts` as one of `frameworks` (any, when
    /// none is named) holds: one of them is tied to no package, or the
    /// file's folder imports one.
    pub(super) fn allows(&self, facts: &FileFacts, frameworks: &[String]) -> bool {
        let imported = self.by_folder.get(folder(&facts.path));
        frameworks.is_empty()
            || frameworks.iter().any(|fw| {
                facts.lang.framework_packages(fw).is_none()
                    || imported.is_some_and(|used| used.contains(fw.as_str()))
            })
    }
}

/// The folder of a `/`-separated relative path (`""` at the root).
fn folder(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}
