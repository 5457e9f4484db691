//! JavaScript and TypeScript: relative paths, index files, extension-less
//! specifiers, `@/` and `~/` source aliases, `baseUrl`-style `src/` paths.

use super::ModuleIndex;

const EXTENSIONS: &[&str] = &[
    "", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts",
];
const INDEX: &[&str] = &[
    "/index.ts",
    "/index.tsx",
    "/index.js",
    "/index.jsx",
    "/index.mjs",
];
/// Room for the longest of `EXTENSIONS` and `INDEX`.
const LONGEST_SUFFIX: usize = "/index.tsx".len();

pub fn resolve(index: &ModuleIndex, from_path: &str, spec: &str) -> Option<usize> {
    let joined = if spec.starts_with("./") || spec.starts_with("../") || spec == "." || spec == ".."
    {
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
            .find_map(|root| with_extensions(index, &format!("{root}{rest}")));
    } else if spec.starts_with('/') {
        spec.trim_start_matches('/').to_string()
    } else {
        // A package, or a path from a `baseUrl` such as `src/`.
        return ["src/", ""].iter().find_map(|root| {
            let candidate = format!("{root}{spec}");
            (candidate.contains('/'))
                .then(|| with_extensions(index, &candidate))
                .flatten()
        });
    };
    with_extensions(index, &joined)
}

/// The file `path` names, as written or with one of the extensions or
/// index files after it; each candidate is built in one buffer.
fn with_extensions(index: &ModuleIndex, path: &str) -> Option<usize> {
    // Compiled-style imports name `.js` for a `.ts` source: the stem is
    // tried after `path` itself (its first candidate) is not a file.
    let bases = std::iter::once(path).chain(path.strip_suffix(".js"));
    let mut candidate = String::with_capacity(path.len() + LONGEST_SUFFIX);
    for base in bases {
        for ext in EXTENSIONS.iter().chain(INDEX) {
            candidate.clear();
            candidate.push_str(base);
            candidate.push_str(ext);
            if let Some(idx) = index.by_path(&candidate) {
                return Some(idx);
            }
        }
    }
    None
}
