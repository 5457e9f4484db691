//! discover: walk the tree (respecting .gitignore and .carveignore), classify
//! files by language, read manifests into dependencies, and give every file
//! that will not be analysed a reason. This module and `main` are the only
//! ones that touch the file system.

use crate::lang::Lang;
use ignore::overrides::OverrideBuilder;
use ignore::WalkBuilder;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Folders that hold installed dependencies or caches, never the app's code.
const DEPENDENCY_DIRS: &[&str] = &[
    "node_modules",
    "bower_components",
    ".venv",
    "venv",
    "site-packages",
    "__pycache__",
    ".git",
    ".tox",
    ".mypy_cache",
];

/// Folders that hold tests, which are not deployed and declare no real routes.
const TEST_DIRS: &[&str] = &[
    "test",
    "tests",
    "__tests__",
    "__mocks__",
    "spec",
    "e2e",
    "cypress",
];

/// Whether a relative path is a test file (not deployed, not on any route):
/// in a test folder, named as a test (`x.test.js`), or a test by its
/// language's conventions (`test_x.py`, `src/test/**`, `Foo.Tests/`).
pub fn is_test_file(rel: &str) -> bool {
    let mut segments: Vec<&str> = rel.split('/').collect();
    let name = segments.pop().unwrap_or("");
    segments.iter().any(|s| TEST_DIRS.contains(s))
        || name.contains(".test.")
        || name.contains(".spec.")
        || name.contains(".e2e.")
        || Lang::from_path(Path::new(name)).is_some_and(|lang| lang.is_test_file(rel))
}

/// Settings of one scan, from the command line and config.
#[derive(Debug, Clone)]
pub struct ScanConfig {
    pub root: PathBuf,
    pub exclude: Vec<String>,
    pub rule_dirs: Vec<PathBuf>,
    pub threads: Option<usize>,
    /// Files larger than this are skipped as too large.
    pub max_file_bytes: u64,
    /// Analyse test files too (skipped by default).
    pub include_tests: bool,
    /// Parse in worker processes of this executable (carve itself), so a
    /// crash in a grammar costs one file (`isolate`); None: in process.
    pub worker_exe: Option<PathBuf>,
    /// Keep each file's facts in this folder between scans (`cache`);
    /// None: extract every file every time.
    pub cache_dir: Option<PathBuf>,
    /// Compile only the rules whose literals occur in the scanned files
    /// (`prefilter`); off only to check that it changes nothing.
    pub prefilter: bool,
    /// Values the user gives to names (`--define`, `[define]`).
    pub defines: crate::defines::Defines,
}

impl ScanConfig {
    pub const DEFAULT_MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

    pub fn new(root: PathBuf) -> Self {
        ScanConfig {
            root,
            exclude: Vec::new(),
            rule_dirs: Vec::new(),
            threads: None,
            max_file_bytes: Self::DEFAULT_MAX_FILE_BYTES,
            include_tests: false,
            worker_exe: None,
            cache_dir: None,
            prefilter: true,
            defines: crate::defines::Defines::default(),
        }
    }
}

/// A source file to analyse.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the root, `/`-separated.
    pub rel: String,
    pub abs: PathBuf,
    pub lang: Lang,
}

/// A file or folder carve did not analyse, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
pub struct SkippedFile {
    pub path: String,
    pub reason: String,
}

/// What discovery found.
#[derive(Debug, Default)]
pub struct Workspace {
    pub files: Vec<SourceFile>,
    pub skipped: Vec<SkippedFile>,
    /// Dependency names from every manifest, lowercase, `_` as `-`.
    pub dependencies: BTreeSet<String>,
    /// Source files a `Procfile` runs as processes of the app, sorted.
    pub process_files: Vec<String>,
    /// (folder, runtime) of every manifest and project file
    /// (`project_files`), sorted: where projects start.
    pub project_roots: Vec<(String, &'static str)>,
    /// Route prefixes from frameworks' settings files.
    pub route_prefixes: Vec<crate::app_config::RoutePrefix>,
    /// (folder, import path) of manifests that name their folder's import
    /// path (`go.mod`'s `module`), sorted.
    pub module_paths: Vec<(String, String)>,
    /// Configuration files a language's app reads (`config/database.yml`).
    pub settings_files: Vec<crate::config_files::SettingsFile>,
    /// Configuration files that declare routes (`config/routes.yaml`).
    pub route_files: Vec<crate::config_files::SettingsFile>,
    /// Route templates of views, by the path of their code-behind
    /// (`Pages/Basket/Index.cshtml.cs` → `{handler?}`).
    pub page_templates: BTreeMap<String, String>,
    /// The scan's defines, as linking applies them.
    pub defines: crate::defines::Defines,
}

impl Workspace {
    /// What linking needs to know of the project beyond its source files.
    pub fn project(&self) -> Project {
        Project {
            dependencies: self.dependencies.clone(),
            route_prefixes: self.route_prefixes.clone(),
            module_paths: self.module_paths.clone(),
            project_roots: self.project_roots.clone(),
            process_files: self.process_files.clone(),
            settings_files: self.settings_files.clone(),
            route_files: self.route_files.clone(),
            page_templates: self.page_templates.clone(),
            defines: self.defines.clone(),
        }
    }
}

/// The project's manifests and settings, as linking uses them.
#[derive(Debug, Clone, Default)]
pub struct Project {
    /// Dependency names from every manifest, normalised.
    pub dependencies: BTreeSet<String>,
    pub route_prefixes: Vec<crate::app_config::RoutePrefix>,
    /// (folder, import path) declared by manifests (`go.mod`).
    pub module_paths: Vec<(String, String)>,
    /// (folder, runtime) where projects start (`crate::link::projects`).
    pub project_roots: Vec<(String, &'static str)>,
    /// Source files a `Procfile` runs as processes of the app: they start
    /// server code, as the files that start the web app do.
    pub process_files: Vec<String>,
    /// Configuration files, read for rules with a `settings` match.
    pub settings_files: Vec<crate::config_files::SettingsFile>,
    /// Configuration files that declare routes.
    pub route_files: Vec<crate::config_files::SettingsFile>,
    /// Route templates of views, by the path of their code-behind.
    pub page_templates: BTreeMap<String, String>,
    /// Values the user gives to names carve cannot resolve.
    pub defines: crate::defines::Defines,
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum DiscoverError {
    #[error("cannot scan {path}: {message}")]
    #[diagnostic(code(carve::discover::root))]
    Root { path: String, message: String },
    #[error("bad --exclude pattern `{pattern}`: {message}")]
    #[diagnostic(code(carve::discover::exclude))]
    Exclude { pattern: String, message: String },
}

/// Walks `config.root`.
pub fn discover(config: &ScanConfig) -> Result<Workspace, DiscoverError> {
    let root = &config.root;
    let meta = std::fs::metadata(root).map_err(|e| DiscoverError::Root {
        path: root.display().to_string(),
        message: e.to_string(),
    })?;
    let mut ws = Workspace {
        defines: config.defines.clone(),
        ..Workspace::default()
    };
    if !meta.is_file() && !meta.is_dir() {
        return Err(DiscoverError::Root {
            path: root.display().to_string(),
            message: not_regular(&meta.file_type()),
        });
    }
    if meta.is_file() {
        // A single file: its folder is the root.
        let parent = root.parent().unwrap_or(Path::new("."));
        let rel = root
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        match Lang::from_path(root) {
            Some(lang) => ws.files.push(SourceFile {
                rel,
                abs: root.clone(),
                lang,
            }),
            None => ws.skipped.push(SkippedFile {
                path: rel,
                reason: "unsupported language".into(),
            }),
        }
        read_manifests_near(parent, &mut ws);
        return Ok(ws);
    }
    let overrides = exclude_overrides(root, &config.exclude)?;
    // Dependency and cache folders are pruned, not walked, and reported
    // once; so are folders on another file system than the root (`/proc`,
    // `/sys`, network and removable mounts under a `carve scan /`).
    let pruned: Arc<Mutex<Vec<(String, &'static str)>>> = Arc::default();
    let pruned_in_walk = Arc::clone(&pruned);
    let walk_root = root.clone();
    let root_device = device_of(&std::fs::metadata(root).ok());
    let walker = WalkBuilder::new(root)
        .hidden(false)
        .git_ignore(true)
        .git_global(false)
        .require_git(false)
        .add_custom_ignore_filename(".carveignore")
        .overrides(overrides)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if !is_dir || entry.depth() == 0 {
                return true;
            }
            let name = entry.file_name().to_string_lossy();
            let reason = if DEPENDENCY_DIRS.contains(&name.as_ref()) {
                (name != ".git").then_some("dependency or cache folder")
            } else if root_device.is_some() && device_of(&entry.metadata().ok()) != root_device {
                Some("on another file system (not walked)")
            } else {
                return true;
            };
            if let (Some(reason), Ok(mut list)) = (reason, pruned_in_walk.lock()) {
                list.push((relative(entry.path(), &walk_root), reason));
            }
            false
        })
        .build();
    let mut compiled_candidates = Vec::new();
    let mut languages_seen: BTreeSet<&str> = BTreeSet::new();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                ws.skipped.push(SkippedFile {
                    path: error_path(&err, root),
                    reason: format!("unreadable: {err}"),
                });
                continue;
            }
        };
        let path = entry.path();
        let rel = relative(path, root);
        if rel.is_empty() {
            continue;
        }
        let Some(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_symlink() {
            ws.skipped.push(SkippedFile {
                path: rel,
                reason: "symlink (not followed)".into(),
            });
            continue;
        }
        if file_type.is_dir() {
            continue;
        }
        if !file_type.is_file() {
            // A FIFO would block the reader forever; devices and sockets are not source.
            ws.skipped.push(SkippedFile {
                path: rel,
                reason: not_regular(&file_type),
            });
            continue;
        }
        if is_manifest(&rel) {
            read_manifest(path, &rel, &mut ws);
        }
        note_project_root(&rel, &mut ws);
        if !is_test_file(&rel) {
            if entry.file_name() == "Procfile" {
                if let Ok(text) = std::fs::read_to_string(path) {
                    ws.process_files.extend(procfile_sources(&text, &rel));
                }
            }
            read_prefix_settings(path, &rel, &entry.file_name().to_string_lossy(), &mut ws);
            read_page_template(path, &rel, &mut ws);
        }
        let Some(lang) = Lang::from_path(path) else {
            if let Some(lang) = Lang::of_route_file(&rel).filter(|_| !is_test_file(&rel)) {
                if let Ok(text) = std::fs::read_to_string(path) {
                    ws.route_files
                        .push(crate::config_files::SettingsFile { rel, lang, text });
                    continue;
                }
            }
            if let Some(lang) = Lang::of_settings_file(&rel).filter(|_| !is_test_file(&rel)) {
                if let Ok(text) = std::fs::read_to_string(path) {
                    ws.settings_files
                        .push(crate::config_files::SettingsFile { rel, lang, text });
                    continue;
                }
            }
            let reason = match Lang::skipped_suffix(path) {
                Some((lang, _)) => format!("{} declaration file (types only)", lang.title()),
                None => "unsupported language".into(),
            };
            ws.skipped.push(SkippedFile { path: rel, reason });
            continue;
        };
        if !config.include_tests && is_test_file(&rel) {
            ws.skipped.push(SkippedFile {
                path: rel,
                reason: "test file (see --include-tests)".into(),
            });
            continue;
        }
        if let Some(reason) = lang.generated(&rel) {
            ws.skipped.push(SkippedFile { path: rel, reason });
            continue;
        }
        languages_seen.insert(lang.name());
        let file = SourceFile {
            rel,
            abs: path.to_path_buf(),
            lang,
        };
        let (compiled_dirs, _) = lang.compiled();
        if file
            .rel
            .split('/')
            .any(|s| compiled_dirs.iter().any(|d| d == s))
        {
            compiled_candidates.push(file);
        } else {
            ws.files.push(file);
        }
    }
    if let Ok(list) = pruned.lock() {
        ws.skipped
            .extend(list.iter().map(|(rel, reason)| SkippedFile {
                path: format!("{rel}/"),
                reason: reason.to_string(),
            }));
    }
    for file in compiled_candidates {
        let (_, sources) = file.lang.compiled();
        if let Some(source) = sources
            .iter()
            .filter_map(|s| Lang::by_name(s))
            .find(|s| languages_seen.contains(s.name()))
        {
            ws.skipped.push(SkippedFile {
                path: file.rel,
                reason: format!(
                    "compiled output ({} sources are scanned instead)",
                    source.title()
                ),
            });
        } else {
            ws.files.push(file);
        }
    }
    ws.files.sort_by(|a, b| a.rel.cmp(&b.rel));
    ws.skipped.sort();
    ws.process_files.sort_unstable();
    ws.process_files.dedup();
    ws.project_roots.sort_unstable();
    ws.project_roots.dedup();
    Ok(ws)
}

/// The file the walk would give for `rel` (relative, `/`-separated), were
/// it on disk: an editor's new buffer not saved yet. The same filters as
/// [`discover`]: language, test files, dependency folders, `--exclude`,
/// `.gitignore` and `.carveignore` of each folder from the root down.
/// (Compiled JavaScript beside TypeScript is not told apart here.)
pub fn would_walk(config: &ScanConfig, rel: &str) -> Option<SourceFile> {
    let abs = config.root.join(rel);
    let lang = Lang::from_path(&abs)?;
    if lang.generated(rel).is_some() {
        return None;
    }
    let segments: Vec<&str> = rel.split('/').collect();
    let dirs = &segments[..segments.len().saturating_sub(1)];
    if dirs
        .iter()
        .any(|d| DEPENDENCY_DIRS.contains(d) || d.is_empty())
    {
        return None;
    }
    if !config.include_tests && is_test_file(rel) {
        return None;
    }
    let overrides = exclude_overrides(&config.root, &config.exclude).ok()?;
    if overrides.matched(&abs, false).is_ignore() {
        return None;
    }
    // Deeper ignore files decide over shallower ones, as in the walk.
    let mut ignored = false;
    let mut dir = config.root.clone();
    for depth in 0..=dirs.len() {
        for name in [".gitignore", ".carveignore"] {
            let file = dir.join(name);
            if !file.is_file() {
                continue;
            }
            let mut builder = ignore::gitignore::GitignoreBuilder::new(&dir);
            if builder.add(&file).is_some() {
                continue;
            }
            let Ok(matcher) = builder.build() else {
                continue;
            };
            let m = matcher.matched_path_or_any_parents(&abs, false);
            if m.is_ignore() {
                ignored = true;
            } else if m.is_whitelist() {
                ignored = false;
            }
        }
        if let Some(d) = dirs.get(depth) {
            dir.push(d);
        }
    }
    (!ignored).then(|| SourceFile {
        rel: rel.to_string(),
        abs,
        lang,
    })
}

/// How deep `{a,{b,c}}` alternates may nest in an exclude glob: the glob
/// compiler recurses per level, and 15,000 levels overflowed a worker
/// thread's stack (found by the fuzzer); no real pattern needs more than a few.
pub const MAX_GLOB_NESTING: usize = 32;

/// Why `pattern` is not a valid exclude glob; None when it is. The reason
/// is the glob compiler's, without the pattern (the caller shows where it
/// was written).
pub fn glob_error(pattern: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut escaped = false;
    for c in pattern.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => {
                depth += 1;
                if depth > MAX_GLOB_NESTING {
                    return Some(format!(
                        "alternates `{{...}}` nested more than {MAX_GLOB_NESTING} deep"
                    ));
                }
            }
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    // The walk adds `!` (an exclusion) in front: checked as the user wrote it.
    globset::GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .err()
        .map(|e| e.kind().to_string())
}

/// The walk's overrides for `--exclude` patterns (and the config's).
fn exclude_overrides(
    root: &Path,
    patterns: &[String],
) -> Result<ignore::overrides::Override, DiscoverError> {
    let bad = |pattern: &str, message: String| DiscoverError::Exclude {
        pattern: shorten(pattern, 200),
        message,
    };
    let mut overrides = OverrideBuilder::new(root);
    for pattern in patterns {
        if let Some(message) = glob_error(pattern) {
            return Err(bad(pattern, message));
        }
        overrides
            .add(&format!("!{pattern}"))
            .map_err(|e| bad(pattern, e.to_string()))?;
    }
    overrides
        .build()
        .map_err(|e| bad(&patterns.join(", "), e.to_string()))
}

/// `text`, cut to `max` characters with `…` when longer.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// Why a path that is neither a file nor a folder is not read.
pub fn not_regular(file_type: &std::fs::FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let what = if file_type.is_fifo() {
            "a FIFO"
        } else if file_type.is_socket() {
            "a socket"
        } else if file_type.is_block_device() || file_type.is_char_device() {
            "a device"
        } else {
            "a special file"
        };
        format!("not a regular file ({what})")
    }
    #[cfg(not(unix))]
    {
        let _ = file_type;
        "not a regular file".to_string()
    }
}

/// Why a file's contents cannot be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    Unreadable(String),
    TooLarge(u64),
    Binary,
    NotUtf8,
    Minified,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Unreadable(e) => write!(f, "unreadable: {e}"),
            LoadError::TooLarge(n) => write!(f, "too large ({n} bytes; see --max-file-size)"),
            LoadError::Binary => f.write_str("binary"),
            LoadError::NotUtf8 => f.write_str("not UTF-8"),
            LoadError::Minified => f.write_str("minified"),
        }
    }
}

/// Reads a source file, refusing what cannot be analysed.
pub fn load(file: &SourceFile, max_bytes: u64) -> Result<String, LoadError> {
    let meta = std::fs::metadata(&file.abs).map_err(|e| LoadError::Unreadable(e.to_string()))?;
    if !meta.is_file() {
        // Replaced since the walk: opening a FIFO would block.
        return Err(LoadError::Unreadable(not_regular(&meta.file_type())));
    }
    if meta.len() > max_bytes {
        return Err(LoadError::TooLarge(meta.len()));
    }
    let bytes = std::fs::read(&file.abs).map_err(|e| LoadError::Unreadable(e.to_string()))?;
    check_source(bytes)
}

/// Classifies raw bytes: binary, not UTF-8, minified, or text to analyse.
/// UTF-16 with a byte-order mark (Windows editors write it) is decoded.
pub fn check_source(bytes: Vec<u8>) -> Result<String, LoadError> {
    if let Some(text) = decode_utf16(&bytes) {
        return text;
    }
    if bytes.contains(&0) {
        return Err(LoadError::Binary);
    }
    let text = String::from_utf8(bytes).map_err(|_| LoadError::NotUtf8)?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if is_minified(&text) {
        return Err(LoadError::Minified);
    }
    Ok(text)
}

/// Text behind a UTF-16 byte-order mark; None without one.
fn decode_utf16(bytes: &[u8]) -> Option<Result<String, LoadError>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        if little {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    let text: Result<String, _> = char::decode_utf16(units).collect();
    Some(text.map_err(|_| LoadError::NotUtf8))
}

/// Minified code: long lines on average, or one enormous line.
fn is_minified(text: &str) -> bool {
    if text.len() < 4096 {
        return false;
    }
    let n_lines = text.lines().count().max(1);
    let longest = text.lines().map(str::len).max().unwrap_or(0);
    text.len() / n_lines > 300 || longest > 20_000
}

fn relative(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn error_path(err: &ignore::Error, root: &Path) -> String {
    fn find(err: &ignore::Error) -> Option<&Path> {
        match err {
            ignore::Error::WithPath { path, .. } => Some(path),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                find(err)
            }
            ignore::Error::Loop { child, .. } => Some(child),
            _ => None,
        }
    }
    find(err).map_or_else(|| root.display().to_string(), |p| relative(p, root))
}

/// Whether a file (its `/`-separated path) is a manifest carve reads
/// dependencies from: `requirements*.txt`, and any `.txt` in a
/// `requirements/` folder (`requirements/base.txt`).
pub fn is_manifest(rel: &str) -> bool {
    Lang::all().any(|lang| lang.is_manifest(rel))
}

fn read_manifests_near(dir: &Path, ws: &mut Workspace) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|name| is_manifest(name))
        .collect();
    names.sort();
    for name in names {
        read_manifest(&dir.join(&name), &name, ws);
    }
}

/// Normalises a package name: lowercase, `_` and `.` as `-` (PEP 503).
pub fn normalize_dependency(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace(['_', '.'], "-")
}

/// Route prefixes from a framework settings file (`application.yml`): per
/// key, the one closest to the root counts.
fn read_prefix_settings(path: &Path, rel: &str, name: &str, ws: &mut Workspace) {
    let wanted: Vec<_> = crate::lang::route_prefix_settings()
        .filter(|s| s.files.iter().any(|f| f == name))
        .collect();
    if wanted.is_empty() {
        return;
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    for setting in wanted {
        let Some((prefix, line)) = crate::app_config::setting(name, &text, &setting.key) else {
            continue;
        };
        let found = crate::app_config::RoutePrefix {
            prefix,
            frameworks: setting.frameworks.clone(),
            code_routes_only: setting.code_routes_only,
            file: rel.to_string(),
            line,
        };
        let depth = |p: &crate::app_config::RoutePrefix| p.file.matches('/').count();
        match ws
            .route_prefixes
            .iter_mut()
            .find(|p| p.frameworks == found.frameworks)
        {
            Some(existing) if depth(existing) <= depth(&found) => {}
            Some(existing) => *existing = found,
            None => ws.route_prefixes.push(found),
        }
    }
}

/// The route template a view declares for its code-behind (Razor Pages'
/// `@page "{handler?}"`), when `rel` is such a view.
fn read_page_template(path: &Path, rel: &str, ws: &mut Workspace) {
    let views: Vec<_> = crate::lang::page_templates()
        .filter(|(v, _)| rel.ends_with(&v.suffix))
        .collect();
    if views.is_empty() {
        return;
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    for (view, directive) in views {
        let template = text
            .lines()
            .find_map(|line| directive.captures(line.trim_start_matches('\u{feff}')))
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().trim().to_string());
        if let Some(template) = template.filter(|t| !t.is_empty()) {
            ws.page_templates
                .insert(format!("{rel}{}", view.code_suffix), template);
        }
    }
}

/// Records the folder a project starts in when `rel` marks one (a
/// manifest, a `project_files` entry).
fn note_project_root(rel: &str, ws: &mut Workspace) {
    for (runtime, up) in Lang::project_markers(rel) {
        let mut dir = rel;
        for _ in 0..=up {
            dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
        }
        ws.project_roots.push((dir.to_string(), runtime));
    }
}

fn read_manifest(path: &Path, rel: &str, ws: &mut Workspace) {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            ws.skipped.push(SkippedFile {
                path: rel.to_string(),
                reason: format!("manifest unreadable: {err}"),
            });
            return;
        }
    };
    if let Some(module) = crate::manifest::module_path(rel, &text) {
        let dir = rel.rsplit_once('/').map_or("", |(dir, _)| dir);
        ws.module_paths.push((dir.to_string(), module));
        ws.module_paths.sort();
    }
    match crate::manifest::dependencies(rel, &text) {
        Ok(deps) => {
            ws.dependencies
                .extend(deps.iter().map(|d| normalize_dependency(d)));
        }
        Err(reason) => ws.skipped.push(SkippedFile {
            path: rel.to_string(),
            reason: format!("manifest not understood: {reason}"),
        }),
    }
}

/// The source files the processes of a `Procfile` (at `rel`) run, relative
/// to the scanned root: each word of a command that names a file of a
/// language carve reads (`switchboard: bundle exec bin/switchboard.rb`,
/// `worker: python worker.py`). An environment variable is no file.
fn procfile_sources(text: &str, rel: &str) -> Vec<String> {
    let dir = rel.rsplit_once('/').map_or("", |(dir, _)| dir);
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(|line| line.split_once(':').map(|(_, command)| command))
        .flat_map(str::split_whitespace)
        .map(|word| word.trim_start_matches("./"))
        .filter(|word| !word.contains(['$', '=']) && Lang::from_path(Path::new(word)).is_some())
        .map(|word| match dir {
            "" => word.to_string(),
            _ => format!("{dir}/{word}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::is_test_file;

    #[test]
    fn test_files_are_recognised_by_place_and_name() {
        for path in [
            "tests/test_app.py",
            "src/__tests__/a.js",
            "a/b.spec.ts",
            "app_test.py",
            "conftest.py",
            "test/x.js",
            "svc/src/test/java/a/OrdersTest.java",
            "Shop.Tests/OrdersControllerTests.cs",
        ] {
            assert!(is_test_file(path), "{path}");
        }
        for path in [
            "app/views.py",
            "src/testing_utils.js",
            "contest.py",
            "latest/api.ts",
        ] {
            assert!(!is_test_file(path), "{path}");
        }
    }
}

#[cfg(test)]
mod manifest_names {
    use super::{is_manifest, procfile_sources};

    #[test]
    fn requirements_files_and_folders_are_manifests() {
        for rel in [
            "requirements.txt",
            "requirements-dev.txt",
            "requirements/base.txt",
            "backend/requirements/production.txt",
            "web/package.json",
            "svc/pom.xml",
            "build.gradle.kts",
            "src/Shop/Shop.csproj",
        ] {
            assert!(is_manifest(rel), "{rel}");
        }
        for rel in [
            "notes.txt",
            "docs/requirements.md",
            "requirements/README.md",
        ] {
            assert!(!is_manifest(rel), "{rel}");
        }
    }

    #[test]
    fn a_procfile_names_the_source_files_its_processes_run() {
        let procfile = "web: bundle exec puma -C config/puma.rb\n\
                        # old: ruby bin/old.rb\n\
                        switchboard: bundle exec ./bin/switchboard.rb\n\
                        worker: REMAP=1 celery -A tasks worker -c ${N:-5}\n";
        assert_eq!(
            procfile_sources(procfile, "api/Procfile"),
            ["api/config/puma.rb", "api/bin/switchboard.rb"]
        );
        assert!(procfile_sources("web: bin/puma\n", "Procfile").is_empty());
    }
}

/// The device a file's metadata names (None off Unix or unreadable).
fn device_of(meta: &Option<std::fs::Metadata>) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.as_ref().map(MetadataExt::dev)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}
