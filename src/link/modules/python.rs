//! Python: dotted module names, absolute from any source root (`src/`, the
//! project folder) or relative (`from .models import User`), packages by
//! their `__init__.py`; an import string naming a class (`"app.config.Prod"`)
//! by its module.

use super::ModuleIndex;
use crate::extract::facts::FileFacts;
use rustc_hash::FxHashMap;

/// Dotted module name → files whose path ends with it.
#[derive(Default)]
pub struct DottedIndex {
    by_suffix: FxHashMap<String, Vec<usize>>,
}

impl DottedIndex {
    pub fn new(files: &[FileFacts]) -> Self {
        let mut by_suffix: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (idx, file) in files.iter().enumerate() {
            let Some(stem) = file.path.strip_suffix(".py") else {
                continue;
            };
            let stem = stem.strip_suffix("/__init__").unwrap_or(stem);
            let parts: Vec<&str> = stem.split('/').collect();
            for start in 0..parts.len() {
                by_suffix
                    .entry(parts[start..].join("."))
                    .or_default()
                    .push(idx);
            }
        }
        DottedIndex { by_suffix }
    }
}

/// A module by its absolute dotted name as `from_path` imports it: of its
/// own project first (when several apps of the tree have an `app.main`),
/// then the shortest path (closest to a source root).
fn resolve_dotted(
    index: &ModuleIndex,
    files: &[FileFacts],
    from_path: &str,
    dotted: &str,
) -> Option<usize> {
    let candidates = index.python.by_suffix.get(dotted)?;
    let elsewhere = |idx: usize| !index.projects.shares_with(idx, from_path);
    candidates
        .iter()
        .copied()
        .min_by_key(|&idx| (elsewhere(idx), files[idx].path.len(), idx))
}

pub fn resolve(
    index: &ModuleIndex,
    files: &[FileFacts],
    from_path: &str,
    spec: &str,
) -> Option<usize> {
    let dots = spec.chars().take_while(|&c| c == '.').count();
    if dots == 0 {
        return resolve_dotted(index, files, from_path, spec).or_else(|| {
            // An import string naming a class (`"app.config.ProdConfig"`,
            // capitalised by convention): its module.
            let (module, class) = spec.rsplit_once('.')?;
            class
                .starts_with(|c: char| c.is_ascii_uppercase())
                .then(|| resolve_dotted(index, files, from_path, module))?
        });
    }
    // Relative: one dot is the importing file's package.
    let mut base: Vec<&str> = from_path.split('/').collect();
    base.pop();
    for _ in 1..dots {
        base.pop()?;
    }
    let rest = &spec[dots..];
    let mut path = base.join("/");
    if !rest.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(&rest.replace('.', "/"));
    }
    index
        .by_path(&format!("{path}.py"))
        .or_else(|| {
            index
                .by_path(&format!("{path}/__init__.py"))
                .filter(|_| !path.is_empty())
        })
        .or_else(|| index.by_path("__init__.py").filter(|_| path.is_empty()))
}

/// `package.name` after `import package`.
pub fn submodule(
    index: &ModuleIndex,
    files: &[FileFacts],
    package_path: &str,
    name: &str,
) -> Option<usize> {
    let stem = package_path.trim_end_matches(".py");
    let stem = stem.strip_suffix("/__init__").unwrap_or(stem);
    resolve_dotted(
        index,
        files,
        package_path,
        &format!("{}.{name}", stem.replace('/', ".")),
    )
}

/// The module `from module import name` names when `name` is a submodule
/// (`from . import views` → `.views`, `from app import models` → `app.models`).
pub fn submodule_spec(module: &str, name: &str) -> String {
    if module.ends_with('.') {
        format!("{module}{name}")
    } else {
        format!("{module}.{name}")
    }
}
