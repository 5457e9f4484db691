//! Maps import specifiers to scanned files: Python dotted modules (absolute
//! and relative, packages) and JavaScript/TypeScript paths (relative, index
//! files, extension-less, `@/` and `~/` source aliases).

use crate::extract::facts::FileFacts;
use rustc_hash::FxHashMap;

const JS_EXTENSIONS: &[&str] = &[
    "", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts",
];
const JS_INDEX: &[&str] = &[
    "/index.ts",
    "/index.tsx",
    "/index.js",
    "/index.jsx",
    "/index.mjs",
];

pub struct ModuleIndex {
    /// Relative path → file index.
    by_path: FxHashMap<String, usize>,
    /// Python dotted module name → files whose path ends with it, for
    /// absolute imports from any source root (`src/`, the project folder).
    by_dotted_suffix: FxHashMap<String, Vec<usize>>,
    path_lens: Vec<usize>,
}

impl ModuleIndex {
    pub fn new(files: &[FileFacts]) -> Self {
        let mut by_path = FxHashMap::default();
        let mut by_dotted_suffix: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (idx, file) in files.iter().enumerate() {
            by_path.insert(file.path.clone(), idx);
            if file.lang.is_js_family() {
                continue;
            }
            let Some(stem) = file.path.strip_suffix(".py") else {
                continue;
            };
            let stem = stem.strip_suffix("/__init__").unwrap_or(stem);
            let parts: Vec<&str> = stem.split('/').collect();
            for start in 0..parts.len() {
                by_dotted_suffix
                    .entry(parts[start..].join("."))
                    .or_default()
                    .push(idx);
            }
        }
        ModuleIndex {
            by_path,
            by_dotted_suffix,
            path_lens: files.iter().map(|f| f.path.len()).collect(),
        }
    }

    /// The file `spec` names when imported from `from`.
    pub fn resolve(&self, files: &[FileFacts], from: usize, spec: &str) -> Option<usize> {
        let file = &files[from];
        if file.lang.is_js_family() {
            self.resolve_js(&file.path, spec)
        } else {
            self.resolve_python(&file.path, spec)
        }
    }

    /// A Python module by its absolute dotted name, preferring the shortest
    /// path (closest to a source root).
    pub fn resolve_dotted(&self, dotted: &str) -> Option<usize> {
        let candidates = self.by_dotted_suffix.get(dotted)?;
        candidates
            .iter()
            .copied()
            .min_by_key(|&idx| (self.path_lens[idx], idx))
    }

    fn resolve_python(&self, from_path: &str, spec: &str) -> Option<usize> {
        let dots = spec.chars().take_while(|&c| c == '.').count();
        if dots == 0 {
            return self.resolve_dotted(spec);
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
        self.by_path
            .get(&format!("{path}.py"))
            .or_else(|| {
                self.by_path
                    .get(&format!("{path}/__init__.py"))
                    .filter(|_| !path.is_empty())
            })
            .or_else(|| self.by_path.get("__init__.py").filter(|_| path.is_empty()))
            .copied()
    }

    fn resolve_js(&self, from_path: &str, spec: &str) -> Option<usize> {
        let joined =
            if spec.starts_with("./") || spec.starts_with("../") || spec == "." || spec == ".." {
                let mut base: Vec<&str> = from_path.split('/').collect();
                base.pop();
                for part in spec.split('/') {
                    match part {
                        "." | "" => {}
                        ".." => {
                            base.pop()?;
                        }
                        other => base.push(other),
                    }
                }
                base.join("/")
            } else if let Some(rest) = spec.strip_prefix("@/").or_else(|| spec.strip_prefix("~/")) {
                return ["", "src/"]
                    .iter()
                    .find_map(|root| self.with_extensions(&format!("{root}{rest}")));
            } else if spec.starts_with('/') {
                spec.trim_start_matches('/').to_string()
            } else {
                // A package, or a path from a `baseUrl` such as `src/`.
                return ["src/", ""].iter().find_map(|root| {
                    let candidate = format!("{root}{spec}");
                    (candidate.contains('/'))
                        .then(|| self.with_extensions(&candidate))
                        .flatten()
                });
            };
        self.with_extensions(&joined)
    }

    fn with_extensions(&self, path: &str) -> Option<usize> {
        // Compiled-style imports name `.js` for a `.ts` source.
        let stem = path
            .strip_suffix(".js")
            .filter(|s| !self.by_path.contains_key(&format!("{s}.js")));
        let bases = std::iter::once(path).chain(stem);
        for base in bases {
            for ext in JS_EXTENSIONS.iter().chain(JS_INDEX) {
                if let Some(&idx) = self.by_path.get(&format!("{base}{ext}")) {
                    return Some(idx);
                }
            }
        }
        None
    }
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
