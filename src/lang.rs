//! Languages carve reads, as data: each `grammars/<lang>/language.toml`
//! names a language's extensions, grammar, query folders, comment syntax,
//! rule-language names, manifests, test and generated files, runtime and
//! module-resolution strategy. The only Rust a language needs here is its
//! grammar crate's line in [`grammar_by_name`].

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::path::Path;
use std::sync::OnceLock;

/// Branches a language names by their conditions in `language.toml`: a
/// request that submitted a form (`submit_conditions`), the rebuild of a
/// stale derived file (`rebuild_conditions`), development only
/// (`dev_conditions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BranchKind {
    Submit,
    Rebuild,
    Dev,
}

/// A source language: an index into the language table.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(u8);

/// How a language's imports name other files (one file each in `src/link/modules/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    /// Dotted modules and packages (`from app.models import User`).
    PythonModules,
    /// Relative and aliased file paths (`require('./lib/db')`).
    JsPaths,
    /// `package` declarations and `import a.b.C` / `import a.b.*`.
    JavaPackages,
    /// `namespace` declarations and `using A.B;`.
    CsharpNamespaces,
    /// `namespace App\Http;`, `use App\Models\User;` and included files.
    PhpNamespaces,
    /// Constants by nesting and Rails autoload paths, `require_relative`.
    RubyConstants,
    /// Folders as packages, imported by path under a `go.mod` module.
    GoPackages,
}

impl Strategy {
    /// Whether a file binds every name it uses itself, by an import or a
    /// top-level definition: no package, namespace or constant scope lends
    /// it names of other files (`ModuleIndex::type_in_scope` finds none).
    pub fn binds_names_in_file(self) -> bool {
        matches!(self, Strategy::PythonModules | Strategy::JsPaths)
    }
}

/// One `language.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Spec {
    name: String,
    title: String,
    grammar: String,
    extensions: Vec<String>,
    #[serde(default)]
    skip_suffixes: Vec<String>,
    queries: Vec<String>,
    line_comment: String,
    fence: String,
    rule_languages: Vec<String>,
    manifests: Vec<String>,
    /// Files besides the manifests that mark the root of one project (a
    /// .NET solution, a Gradle build's settings): one project may hold
    /// several manifests' folders.
    #[serde(default)]
    project_files: Vec<String>,
    /// Each folder holding one of `manifests` is a package of its own: a
    /// call resolved by its name alone never lands in another package's
    /// code (`src/link/packages.rs`).
    #[serde(default)]
    packages_apart: bool,
    resolution: Strategy,
    runtime: String,
    #[serde(default)]
    test_files: Vec<String>,
    #[serde(default)]
    generated_dirs: Vec<String>,
    #[serde(default)]
    generated_files: Vec<String>,
    #[serde(default)]
    compiled_dirs: Vec<String>,
    #[serde(default)]
    compiled_from: Vec<String>,
    #[serde(default)]
    max_indent_levels: Option<usize>,
    #[serde(default)]
    route_prefix_settings: Vec<PrefixSetting>,
    /// Configuration files that declare routes (Symfony's `config/routes.yaml`).
    #[serde(default)]
    route_files: Vec<RouteFiles>,
    /// View files whose directive extends the route of their code-behind
    /// (Razor Pages' `@page "{handler?}"`).
    #[serde(default)]
    page_templates: Vec<PageTemplate>,
    /// How a name written in the source reads as a dotted name, as ordered
    /// (from, to) text replacements: PHP's `$this->orders->find` and
    /// `User::find` read `this.orders.find` and `User.find`.
    #[serde(default)]
    name_rewrites: Vec<(String, String)>,
    /// A type implements an interface by having its methods, without
    /// naming it (Go).
    #[serde(default)]
    implicit_interfaces: bool,
    /// An entry is a program of its own (Go's `func main`): when the app
    /// declares routes, one whose code reaches none of them is a separate
    /// tool (a code generator, a CLI), not server code.
    #[serde(default)]
    entries_are_programs: bool,
    /// Functions and variables are apart (PHP's `foo()` never calls the
    /// local `$foo`): a local variable does not shadow a function call
    /// of its name.
    #[serde(default)]
    functions_apart_from_variables: bool,
    /// Names of the methods that construct an instance, besides a method
    /// named like its class (Java, C#): they run when the class is called,
    /// and what they assign is set-up, not state (`__init__`, `__construct`).
    #[serde(default)]
    constructors: Vec<String>,
    /// Annotations of the methods that run when an instance of their class
    /// (an entity) is saved, loaded or removed: the entity's own and those
    /// of the classes it names as listeners (JPA's `@PostPersist`).
    /// Constructing the entity reaches them.
    #[serde(default)]
    lifecycle_hooks: Vec<String>,
    /// Names of the methods that run as such hooks without an annotation:
    /// an ORM's model hooks and its observers' event methods (Eloquent's
    /// `booted`, an observer's `deleted`).
    #[serde(default)]
    lifecycle_methods: Vec<String>,
    /// Methods of the ORM's model base class (not the program's) that save
    /// or remove an instance and so run its lifecycle hooks: a call of one
    /// on a model class of the program (`Song::create(...)`, `$song->delete()`
    /// with `$song` typed) reaches them (Eloquent's `save`, `delete`).
    #[serde(default)]
    lifecycle_calls: Vec<String>,
    /// The method a class runs for a call of a name it does not define
    /// (Ruby's `method_missing`).
    #[serde(default)]
    fallback_method: Option<String>,
    /// The actions that run a callback, by the kind of its declaration
    /// (`[[callback_actions]]`): a model's `after_create :m` runs on
    /// `create!`, `save`… (a `@callback.kind` of one of `kinds`).
    #[serde(default)]
    callback_actions: Vec<CallbackActions>,
    /// A class may declare several methods of one name, told apart by their
    /// parameters: a call of one may run any of them.
    #[serde(default)]
    overloads: bool,
    /// The scan matches the patterns `extract::matcher` supports with it
    /// instead of tree-sitter's query cursor (where it was measured faster).
    #[serde(default)]
    native_matcher: bool,
    /// Configuration files (YAML) the app reads at start-up, which rules
    /// with a `settings` match read (`config/database.yml`).
    #[serde(default)]
    settings_files: Vec<String>,
    /// Source files that never run on the production server (a Rails
    /// `config/environments/development.rb`): read, but not server code.
    #[serde(default)]
    dev_only_files: Vec<String>,
    /// Folders of an app's configuration (Rails' `config`): an entry file
    /// in one starts the application of the folder above it.
    #[serde(default)]
    config_dirs: Vec<String>,
    /// Files the framework loads at start-up by their place (Rails'
    /// `config/initializers/*.rb`): entries, with what they reach.
    #[serde(default)]
    entry_files: Vec<String>,
    /// Regular expressions on an `if` condition whose branch runs only when
    /// a form is submitted (`request.method == 'POST'`, Flask-WTF's
    /// `form.validate_on_submit()`): a GET of the same handler skips it.
    #[serde(default)]
    submit_conditions: Vec<String>,
    /// Regular expressions on an `if` condition whose branch runs only in
    /// development (`if (isDev)`, `process.env.NODE_ENV === 'development'`):
    /// routes declared there are not the production app's.
    #[serde(default)]
    dev_conditions: Vec<String>,
    /// Regular expressions on an `if` condition whose branch rebuilds a
    /// derived file when it is older than the file it is made from
    /// (`filemtime($compiled) < filemtime($template)`): each instance
    /// remakes it from its deployed files on a miss, so what the branch
    /// runs is no state a request leaves for the next one.
    #[serde(default)]
    rebuild_conditions: Vec<String>,
    /// Regular expressions on an `if` condition that tests the environment
    /// (`os.getenv("DB") == "postgres"`): what its branch assigns replaces
    /// a default with the deployment's choice.
    #[serde(default)]
    env_conditions: Vec<String>,
    /// Regular expressions on a value that builds a fresh object (Go's
    /// `NewHub(room)`, `&Session{…}`): a map that keeps one per key holds
    /// live objects, not the memoised results of a lookup.
    #[serde(default)]
    fresh_values: Vec<String>,
    /// Regular expressions on an expression that reads an environment
    /// variable (`process.env.X`, `os.getenv("X", "/d")`): the group `var`
    /// is the variable, the group `default` (when present) its default.
    /// A route prefix written so is the variable, not a name to resolve.
    #[serde(default)]
    env_reads: Vec<String>,
    /// Operators that give their right side when the left is unset
    /// (`process.env.X || '/v1'`, `os.getenv("X") or "/v1"`).
    #[serde(default)]
    default_operators: Vec<String>,
    /// Names of the running application object (Flask's `app`,
    /// `current_app`): an attribute start-up code sets on it
    /// (`app.events_manager = RedisEventManager()`) is one object for
    /// every request, reached as `current_app.events_manager.subscribe()`.
    #[serde(default)]
    app_objects: Vec<String>,
    /// Functions that join path segments (Go's `path.Join`): a route path
    /// written as a call of one is its arguments joined with one `/`.
    #[serde(default)]
    path_joins: Vec<String>,
    /// Frameworks whose registration takes the handler first and its
    /// middleware after (echo's `e.GET(path, h, m...)`); elsewhere the last
    /// function given handles the route.
    #[serde(default)]
    handler_first: Vec<String>,
    /// Placeholders a route path may hold, filled from the app's settings
    /// files (Spring's `${api.base-path:/v1}`).
    #[serde(default)]
    path_placeholders: Option<PathPlaceholders>,
    /// Frameworks tied to the packages that provide them (gin:
    /// `github.com/gin-gonic/gin`, `[[framework_imports]]`): a route pattern of one of them holds
    /// only in a folder whose files import one of its packages. A
    /// framework not listed (Go's `net/http`) holds everywhere.
    #[serde(default)]
    framework_imports: Vec<FrameworkImport>,
    /// Frameworks whose patterns hold only in some files, or only outside
    /// them (`[[framework_files]]`): Rails' route table is `config/routes.rb`
    /// and the files it draws; Grape's DSL is read everywhere else.
    #[serde(default)]
    framework_files: Vec<FrameworkFiles>,
}

/// A framework and the files its patterns hold in (`[[framework_files]]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkFiles {
    pub framework: String,
    /// Globs of the files, relative to the scanned root.
    pub files: Vec<String>,
    /// The patterns hold in every file but these.
    #[serde(default)]
    pub outside: bool,
}

/// Kinds of callback declarations and the actions that run them
/// (`[[callback_actions]]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallbackActions {
    pub kinds: Vec<String>,
    pub actions: Vec<String>,
}

/// A framework and the packages that provide it (`[[framework_imports]]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkImport {
    pub framework: String,
    /// Import paths; an import of one or of a package inside it counts.
    pub packages: Vec<String>,
}

/// A regular expression on a route path's placeholders, its group `var`
/// the settings key and its group `default` (when present) the value when
/// no settings file gives one; and the names of the settings files that
/// give values (among those `discover` reads).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathPlaceholders {
    pub pattern: String,
    pub files: Vec<String>,
}

/// A settings key whose value prefixes the routes of some frameworks
/// (`server.servlet.context-path` in `application.properties`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrefixSetting {
    /// File names that hold it.
    pub files: Vec<String>,
    /// The dotted key.
    pub key: String,
    pub frameworks: Vec<String>,
    /// The prefix of an import of the code's routes (Symfony's
    /// `controllers: {resource: …, prefix: …}`): routes declared in
    /// configuration files (`route_files`) do not take it.
    #[serde(default)]
    pub code_routes_only: bool,
}

/// Configuration files that declare routes whose handlers are this
/// language's (Symfony's `config/routes.yaml`): each top-level entry with a
/// `path` key is a route (`src/config_routes.rs`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteFiles {
    /// Globs of the files, relative to the scanned root.
    pub files: Vec<String>,
    /// The key of the path.
    pub path: String,
    /// Dotted keys of the handler, the first present counts
    /// (`controller`, `defaults._controller`).
    pub handler: Vec<String>,
    /// What separates the handler's class from its method (`::`); a
    /// handler without it is an invokable class (`handler_member`).
    pub handler_split: String,
    /// The method of a handler written as a class alone (`__invoke`).
    pub handler_member: String,
    /// The key of the HTTP methods (`[GET, POST]`, `GET|POST`; none: any).
    pub methods: String,
    /// The framework the routes are served by.
    pub framework: String,
}

/// A view file whose directive extends the route path of its code-behind:
/// Razor Pages' `X.cshtml` opens with `@page "{handler?}"`, and the page
/// model in `X.cshtml.cs` serves `/X/{handler?}` (a template that starts
/// with `/` replaces the path).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageTemplate {
    /// Ending of the view files' names (`.cshtml`).
    pub suffix: String,
    /// Regular expression on a line of the view whose first group is the
    /// template (`^\s*@page\s+"([^"]*)"`).
    pub directive: String,
    /// What the view's path gains to name its code-behind (`.cs`).
    pub code_suffix: String,
}

/// A language as loaded: its spec and the globs compiled from it.
struct Entry {
    spec: Spec,
    grammar: tree_sitter::Language,
    test_files: GlobSet,
    generated_files: GlobSet,
    manifests: GlobSet,
    project_files: GlobSet,
    settings_files: GlobSet,
    /// Each `route_files` entry's globs, compiled.
    route_files: Vec<GlobSet>,
    /// Each `framework_files` entry's globs, compiled.
    framework_files: Vec<GlobSet>,
    dev_only_files: GlobSet,
    entry_files: GlobSet,
    submit_conditions: Option<regex::RegexSet>,
    dev_conditions: Option<regex::RegexSet>,
    rebuild_conditions: Option<regex::RegexSet>,
    env_conditions: Option<regex::RegexSet>,
    fresh_values: Option<regex::RegexSet>,
    /// Each `page_templates` entry's directive, compiled.
    page_directives: Vec<regex::Regex>,
    env_reads: Vec<regex::Regex>,
    /// `path_placeholders.pattern`, compiled.
    path_placeholder: Option<regex::Regex>,
}

/// A set of regular expressions; None when there are none.
fn regex_set(patterns: &[String]) -> Result<Option<regex::RegexSet>, regex::Error> {
    match patterns.is_empty() {
        true => Ok(None),
        false => regex::RegexSet::new(patterns).map(Some),
    }
}

/// The grammar compiled in under a `language.toml`'s `grammar` name.
fn grammar_by_name(name: &str) -> Option<tree_sitter::Language> {
    Some(match name {
        "python" => tree_sitter_python::LANGUAGE.into(),
        "javascript" => tree_sitter_javascript::LANGUAGE.into(),
        "typescript" => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
        "tsx" => tree_sitter_typescript::LANGUAGE_TSX.into(),
        "java" => tree_sitter_java::LANGUAGE.into(),
        "kotlin" => tree_sitter_kotlin_ng::LANGUAGE.into(),
        "c-sharp" => tree_sitter_c_sharp::LANGUAGE.into(),
        "go" => tree_sitter_go::LANGUAGE.into(),
        "ruby" => tree_sitter_ruby::LANGUAGE.into(),
        "php" => tree_sitter_php::LANGUAGE_PHP.into(),
        _ => return None,
    })
}

/// Globs that match a file by name, or by its path when they hold a `/`.
fn glob_set(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let anchored = format!("**/{pattern}");
        let glob = GlobBuilder::new(&anchored)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("bad glob `{pattern}`: {e}"))?;
        builder.add(glob);
    }
    builder.build().map_err(|e| e.to_string())
}

fn load(path: &str, text: &str) -> Result<Entry, String> {
    let spec: Spec = toml::from_str(text).map_err(|e| format!("{path}: {e}"))?;
    let grammar = grammar_by_name(&spec.grammar)
        .ok_or_else(|| format!("{path}: no grammar `{}` is compiled in", spec.grammar))?;
    Ok(Entry {
        test_files: glob_set(&spec.test_files).map_err(|e| format!("{path}: {e}"))?,
        generated_files: glob_set(&spec.generated_files).map_err(|e| format!("{path}: {e}"))?,
        manifests: glob_set(&spec.manifests).map_err(|e| format!("{path}: {e}"))?,
        project_files: glob_set(&spec.project_files).map_err(|e| format!("{path}: {e}"))?,
        settings_files: glob_set(&spec.settings_files).map_err(|e| format!("{path}: {e}"))?,
        route_files: spec
            .route_files
            .iter()
            .map(|r| glob_set(&r.files).map_err(|e| format!("{path}: route_files: {e}")))
            .collect::<Result<_, _>>()?,
        framework_files: spec
            .framework_files
            .iter()
            .map(|r| glob_set(&r.files).map_err(|e| format!("{path}: framework_files: {e}")))
            .collect::<Result<_, _>>()?,
        dev_only_files: glob_set(&spec.dev_only_files).map_err(|e| format!("{path}: {e}"))?,
        entry_files: glob_set(&spec.entry_files).map_err(|e| format!("{path}: {e}"))?,
        submit_conditions: regex_set(&spec.submit_conditions)
            .map_err(|e| format!("{path}: submit_conditions: {e}"))?,
        dev_conditions: regex_set(&spec.dev_conditions)
            .map_err(|e| format!("{path}: dev_conditions: {e}"))?,
        rebuild_conditions: regex_set(&spec.rebuild_conditions)
            .map_err(|e| format!("{path}: rebuild_conditions: {e}"))?,
        env_conditions: regex_set(&spec.env_conditions)
            .map_err(|e| format!("{path}: env_conditions: {e}"))?,
        fresh_values: regex_set(&spec.fresh_values)
            .map_err(|e| format!("{path}: fresh_values: {e}"))?,
        page_directives: spec
            .page_templates
            .iter()
            .map(|t| regex::Regex::new(&t.directive))
            .collect::<Result<_, _>>()
            .map_err(|e| format!("{path}: page_templates: {e}"))?,
        env_reads: spec
            .env_reads
            .iter()
            .map(|r| regex::Regex::new(r))
            .collect::<Result<_, _>>()
            .map_err(|e| format!("{path}: env_reads: {e}"))?,
        path_placeholder: spec
            .path_placeholders
            .as_ref()
            .map(|p| regex::Regex::new(&p.pattern))
            .transpose()
            .map_err(|e| format!("{path}: path_placeholders: {e}"))?,
        grammar,
        spec,
    })
}

/// The table, sorted by name: built from the embedded `language.toml` files.
/// They are part of the binary and checked by the tests, so a broken one is
/// a build defect, not an input error.
fn table() -> &'static [Entry] {
    static TABLE: OnceLock<Vec<Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries: Vec<Entry> = crate::embedded::GRAMMAR_FILES
            .iter()
            .filter(|(path, _)| path.ends_with("/language.toml"))
            .map(|(path, text)| load(path, text).unwrap_or_else(|e| panic!("{e}")))
            .collect();
        entries.sort_by(|a, b| a.spec.name.cmp(&b.spec.name));
        entries
    })
}

impl Lang {
    fn entry(self) -> &'static Entry {
        &table()[self.0 as usize]
    }

    fn spec(self) -> &'static Spec {
        &self.entry().spec
    }

    /// Every language, in name order.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..table().len()).map(|i| Lang(i as u8))
    }

    /// The language named `name` in its `language.toml`.
    pub fn by_name(name: &str) -> Option<Lang> {
        table()
            .iter()
            .position(|e| e.spec.name == name)
            .map(|i| Lang(i as u8))
    }

    /// Language of a file, from its extension (None for a file carve does
    /// not read, such as a TypeScript declaration file).
    pub fn from_path(path: &Path) -> Option<Lang> {
        let file_name = path.file_name()?.to_str()?;
        let ext = path.extension()?.to_str()?;
        let lang = Lang::all().find(|l| l.spec().extensions.iter().any(|e| e == ext))?;
        let skipped = lang
            .spec()
            .skip_suffixes
            .iter()
            .any(|s| file_name.ends_with(s.as_str()));
        (!skipped).then_some(lang)
    }

    /// The language and suffix of a file that is not read although its
    /// extension is (a declaration file), when it is one.
    pub fn skipped_suffix(path: &Path) -> Option<(Lang, &'static str)> {
        let file_name = path.file_name()?.to_str()?;
        Lang::all().find_map(|l| {
            l.spec()
                .skip_suffixes
                .iter()
                .find(|s| file_name.ends_with(s.as_str()))
                .map(|s| (l, s.as_str()))
        })
    }

    pub fn name(self) -> &'static str {
        &self.spec().name
    }

    /// The name people write (`C#`, `TypeScript`).
    pub fn title(self) -> &'static str {
        &self.spec().title
    }

    pub fn grammar(self) -> tree_sitter::Language {
        self.entry().grammar.clone()
    }

    /// Query folders under `grammars/` that apply, most general first.
    pub fn query_dirs(self) -> &'static [String] {
        &self.spec().queries
    }

    /// What starts a line comment (suppressions, the editor's quick fix).
    pub fn line_comment(self) -> &'static str {
        &self.spec().line_comment
    }

    /// The Markdown code-fence language of a source excerpt.
    pub fn fence(self) -> &'static str {
        &self.spec().fence
    }

    /// Whether a rule written for `rule_lang` (a name in a rule file) applies.
    pub fn accepts_rule_language(self, rule_lang: &str) -> bool {
        self.spec().rule_languages.iter().any(|l| l == rule_lang)
    }

    /// How imports name files in this language.
    pub fn resolution(self) -> Strategy {
        self.spec().resolution
    }

    /// The runtime an app in this language runs on (`python`, `node`,
    /// `jvm`): app-wide findings concern the routes of the same runtime.
    pub fn runtime(self) -> &'static str {
        &self.spec().runtime
    }

    /// Whether `rel` is one of this language's manifests (`package.json`,
    /// `requirements/*.txt`, `*.csproj`).
    pub fn is_manifest(self, rel: &str) -> bool {
        self.entry().manifests.is_match(rel)
    }

    /// The projects whose root `rel` marks: a manifest or a
    /// `project_files` entry of a language, as (runtime, how many folders
    /// above `rel`'s the root is: 1 for `requirements/base.txt`).
    pub fn project_markers(rel: &str) -> Vec<(&'static str, usize)> {
        let mut markers: Vec<(&'static str, usize)> = Vec::new();
        for lang in Lang::all() {
            let spec = lang.spec();
            let entry = lang.entry();
            let patterns = entry
                .manifests
                .matches(rel)
                .into_iter()
                .map(|i| &spec.manifests[i])
                .chain(
                    entry
                        .project_files
                        .matches(rel)
                        .into_iter()
                        .map(|i| &spec.project_files[i]),
                );
            for pattern in patterns {
                markers.push((lang.runtime(), pattern.matches('/').count()));
            }
        }
        markers.sort_unstable();
        markers.dedup();
        markers
    }

    /// The language whose app reads the configuration file `rel` (its
    /// `settings_files`), when one does.
    pub fn of_settings_file(rel: &str) -> Option<Lang> {
        Lang::all().find(|l| l.entry().settings_files.is_match(rel))
    }

    /// The language whose routes the configuration file `rel` declares
    /// (its `route_files`), when one does.
    pub fn of_route_file(rel: &str) -> Option<Lang> {
        Lang::all().find(|l| l.route_files(rel).next().is_some())
    }

    /// How this language's route files matching `rel` are read.
    pub fn route_files(self, rel: &str) -> impl Iterator<Item = &'static RouteFiles> + '_ {
        let entry = self.entry();
        self.spec()
            .route_files
            .iter()
            .zip(&entry.route_files)
            .filter(move |(_, set)| set.is_match(rel))
            .map(|(spec, _)| spec)
    }

    /// Whether a pattern of `frameworks` (`a|b`; any when none) holds in
    /// `rel`: none of them is tied to files (`framework_files`), or one is
    /// and `rel` is among its files (outside them, for `outside`).
    pub fn framework_holds_in(self, frameworks: &str, rel: &str) -> bool {
        let entry = self.entry();
        frameworks.split('|').any(|fw| {
            let mut tied = self
                .spec()
                .framework_files
                .iter()
                .zip(&entry.framework_files)
                .filter(|(spec, _)| spec.framework == fw)
                .peekable();
            tied.peek().is_none() || tied.any(|(spec, set)| set.is_match(rel) != spec.outside)
        })
    }

    /// Whether the framework loads `rel` at start-up by its place (`entry_files`).
    pub fn is_entry_file(self, rel: &str) -> bool {
        self.entry().entry_files.is_match(rel)
    }

    /// Whether `rel` never runs on the production server (`dev_only_files`).
    /// Whether the language names conditions of code that runs only on a
    /// The environment variable `expression` reads, and the default it
    /// gives (`env_reads`).
    pub fn env_read(self, expression: &str) -> Option<(String, Option<String>)> {
        self.entry().env_reads.iter().find_map(|r| {
            let caps = r.captures(expression.trim())?;
            let var = caps.name("var")?.as_str().to_string();
            Some((var, caps.name("default").map(|d| d.as_str().to_string())))
        })
    }

    /// The placeholders a route path may hold and the settings files that
    /// fill them (`path_placeholders`), with the pattern compiled.
    pub fn path_placeholders(self) -> Option<(&'static regex::Regex, &'static [String])> {
        let entry = self.entry();
        let spec = entry.spec.path_placeholders.as_ref()?;
        Some((entry.path_placeholder.as_ref()?, &spec.files))
    }

    /// The packages that provide `framework`, when the language ties it to
    /// some (`framework_imports`).
    pub fn framework_packages(self, framework: &str) -> Option<&'static [String]> {
        self.spec()
            .framework_imports
            .iter()
            .find(|f| f.framework == framework)
            .map(|f| f.packages.as_slice())
    }

    /// Whether the language ties any framework to packages (`framework_imports`).
    pub fn ties_frameworks_to_packages(self) -> bool {
        !self.spec().framework_imports.is_empty()
    }

    /// The frameworks an import of `module` provides (`framework_imports`):
    /// the module is one of their packages or inside one.
    pub fn frameworks_of_import(self, module: &str) -> impl Iterator<Item = &'static str> + '_ {
        self.spec()
            .framework_imports
            .iter()
            .filter(move |f| {
                f.packages.iter().any(|p| {
                    module
                        .strip_prefix(p.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
                })
            })
            .map(|f| f.framework.as_str())
    }

    /// Whether `operator` gives its right side when its left is unset
    /// (`default_operators`).
    pub fn is_default_operator(self, operator: &str) -> bool {
        self.spec().default_operators.iter().any(|o| o == operator)
    }

    /// Whether `function`, as written at a call, joins path segments
    /// (`path_joins`).
    pub fn is_path_join(self, function: &str) -> bool {
        self.spec().path_joins.iter().any(|f| f == function)
    }

    /// Whether a route of `framework` is handled by the first function given
    /// after its path, the others being middleware (`handler_first`).
    pub fn handler_first(self, framework: &str) -> bool {
        self.spec().handler_first.iter().any(|f| f == framework)
    }

    /// The language's conditions of `which` branches, when it names any.
    pub fn branch_conditions(self, which: BranchKind) -> Option<&'static regex::RegexSet> {
        let entry = self.entry();
        match which {
            BranchKind::Submit => entry.submit_conditions.as_ref(),
            BranchKind::Rebuild => entry.rebuild_conditions.as_ref(),
            BranchKind::Dev => entry.dev_conditions.as_ref(),
        }
    }

    /// Whether `condition` tests the environment (`env_conditions`).
    pub fn is_env_condition(self, condition: &str) -> bool {
        self.entry()
            .env_conditions
            .as_ref()
            .is_some_and(|set| set.is_match(condition))
    }

    /// Whether `value` builds a fresh object (`fresh_values`).
    pub fn is_fresh_value(self, value: &str) -> bool {
        self.entry()
            .fresh_values
            .as_ref()
            .is_some_and(|set| set.is_match(value))
    }

    pub fn is_dev_only(self, rel: &str) -> bool {
        self.entry().dev_only_files.is_match(rel)
    }

    /// The folder of the application that an entry file in `dir` starts:
    /// `dir`, or the folder above the first of the language's
    /// `config_dirs` in it (`config/environments` → ``).
    pub fn app_folder(self, dir: &str) -> &str {
        let dirs = &self.spec().config_dirs;
        let mut at = 0;
        for segment in dir.split('/') {
            if dirs.iter().any(|d| d == segment) {
                return dir[..at].trim_end_matches('/');
            }
            at += segment.len() + 1;
        }
        dir
    }

    /// Whether `rel` is a test source by this language's conventions.
    pub fn is_test_file(self, rel: &str) -> bool {
        self.entry().test_files.is_match(rel)
    }

    /// Why `rel` is build output or generated code, when it is.
    pub fn generated(self, rel: &str) -> Option<String> {
        let dirs = &self.spec().generated_dirs;
        let mut segments: Vec<&str> = rel.split('/').collect();
        segments.pop();
        if let Some(dir) = segments.iter().find(|s| dirs.iter().any(|d| d == *s)) {
            return Some(format!("build output (`{dir}/`)"));
        }
        self.entry()
            .generated_files
            .is_match(rel)
            .then(|| "generated code".to_string())
    }

    /// Folders whose files are compiled from another language of the scan,
    /// and the languages they are compiled from.
    pub fn compiled(self) -> (&'static [String], &'static [String]) {
        (&self.spec().compiled_dirs, &self.spec().compiled_from)
    }

    /// A name as written (`$this->orders->find`) as the dotted name link
    /// resolves (`this.orders.find`), by the language's `name_rewrites`.
    pub fn dotted_name(self, text: &str) -> std::borrow::Cow<'_, str> {
        // Copied only by a rewrite that applies.
        let mut out = std::borrow::Cow::Borrowed(text);
        for (from, to) in &self.spec().name_rewrites {
            if out.contains(from.as_str()) {
                out = std::borrow::Cow::Owned(out.replace(from.as_str(), to));
            }
        }
        out
    }

    /// Whether the language's `name_rewrites` neither read nor write `c`:
    /// a text cut at a `c` then rewritten is the rewritten text cut there.
    pub fn rewrites_keep(self, c: char) -> bool {
        self.spec()
            .name_rewrites
            .iter()
            .all(|(from, to)| !from.contains(c) && !to.contains(c))
    }

    /// Whether a type implements an interface by having its methods alone.
    pub fn implicit_interfaces(self) -> bool {
        self.spec().implicit_interfaces
    }

    /// Whether each entry starts a program of its own (Go's `func main`).
    pub fn entries_are_programs(self) -> bool {
        self.spec().entries_are_programs
    }

    /// Whether `name` is the running application object (`app_objects`).
    pub fn is_app_object(self, name: &str) -> bool {
        self.spec().app_objects.iter().any(|o| o == name)
    }

    /// Whether `method` of `class` constructs its instances: named like the
    /// class, or one of the language's `constructors`.
    pub fn is_constructor(self, method: &str, class: &str) -> bool {
        method == class || self.spec().constructors.iter().any(|c| c == method)
    }

    /// Whether a method with these annotations runs when an instance of its
    /// class, or of a class that names it as a listener, is saved, loaded
    /// or removed (`lifecycle_hooks`).
    pub fn is_lifecycle_hook(self, annotations: &[crate::extract::facts::Name]) -> bool {
        let hooks = &self.spec().lifecycle_hooks;
        annotations.iter().any(|a| hooks.iter().any(|h| a == h))
    }

    /// Whether a method of this name runs as a lifecycle hook without an
    /// annotation (`lifecycle_methods`).
    pub fn is_lifecycle_method(self, name: &str) -> bool {
        self.spec().lifecycle_methods.iter().any(|m| m == name)
    }

    /// Whether a call of this method on a model class saves or removes an
    /// instance (`lifecycle_calls`).
    pub fn is_lifecycle_call(self, method: &str) -> bool {
        self.spec().lifecycle_calls.iter().any(|m| m == method)
    }

    /// The method a class runs for names it does not define
    /// (`fallback_method`).
    pub fn fallback_method(self) -> Option<&'static str> {
        self.spec().fallback_method.as_deref()
    }

    /// The actions that run a callback declared with `kind`
    /// (`callback_actions`; none for a kind the language does not list).
    pub fn callback_actions<'k>(self, kind: &'k str) -> impl Iterator<Item = &'static str> + 'k {
        self.spec()
            .callback_actions
            .iter()
            .filter(move |c| c.kinds.iter().any(|k| k == kind))
            .flat_map(|c| c.actions.iter().map(String::as_str))
    }

    /// Whether a class may declare several methods of one name (`overloads`).
    pub fn has_overloads(self) -> bool {
        self.spec().overloads
    }

    /// Whether each manifest's folder is a package that name guesses do not
    /// leave (`packages_apart`).
    pub fn packages_apart(self) -> bool {
        self.spec().packages_apart
    }

    /// Whether the scan matches its patterns with the native matcher
    /// (`native_matcher`).
    pub fn native_matcher(self) -> bool {
        self.spec().native_matcher
    }

    /// Whether a plain call `foo()` can name a local variable `foo`.
    pub fn locals_shadow_calls(self) -> bool {
        !self.spec().functions_apart_from_variables
    }

    /// The deepest indentation-block nesting the grammar survives, for
    /// indentation-based languages.
    pub fn max_indent_levels(self) -> Option<usize> {
        self.spec().max_indent_levels
    }
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Lang::by_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language `{name}`")))
    }
}

/// Every language's route-prefix settings.
pub fn route_prefix_settings() -> impl Iterator<Item = &'static PrefixSetting> {
    Lang::all().flat_map(|l| l.spec().route_prefix_settings.iter())
}

/// Every language's page-template views, each with its compiled directive.
pub fn page_templates() -> impl Iterator<Item = (&'static PageTemplate, &'static regex::Regex)> {
    Lang::all().flat_map(|l| {
        let entry = l.entry();
        entry.spec.page_templates.iter().zip(&entry.page_directives)
    })
}

/// Rule language names accepted in rule files: every name some language accepts.
pub fn rule_languages() -> Vec<&'static str> {
    let mut names: Vec<&str> = Lang::all()
        .flat_map(|l| l.spec().rule_languages.iter().map(String::as_str))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_toml_loads() {
        let names: Vec<&str> = Lang::all().map(Lang::name).collect();
        assert_eq!(
            names,
            [
                "csharp",
                "go",
                "java",
                "javascript",
                "kotlin",
                "php",
                "python",
                "ruby",
                "tsx",
                "typescript"
            ]
        );
        for lang in Lang::all() {
            for dir in lang.query_dirs() {
                assert!(
                    crate::embedded::GRAMMAR_FILES
                        .iter()
                        .any(|(p, _)| p.starts_with(&format!("grammars/{dir}/"))),
                    "{}: no query folder grammars/{dir}",
                    lang.name()
                );
            }
        }
    }

    #[test]
    fn files_map_to_languages() {
        let of = |p: &str| Lang::from_path(Path::new(p)).map(Lang::name);
        assert_eq!(of("a/b.py"), Some("python"));
        assert_eq!(of("a/b.tsx"), Some("tsx"));
        assert_eq!(of("a/b.d.ts"), None);
        assert_eq!(of("src/main/java/A.java"), Some("java"));
        assert_eq!(of("Controllers/A.cs"), Some("csharp"));
        assert_eq!(of("app/Http/Kernel.php"), Some("php"));
        assert_eq!(of("resources/views/home.blade.php"), None);
        assert_eq!(of("internal/users/handler.go"), Some("go"));
        assert_eq!(of("README.md"), None);
    }

    #[test]
    fn test_and_generated_files_follow_each_language() {
        let java = Lang::by_name("java").unwrap();
        assert!(java.is_test_file("svc/src/test/java/a/ATest.java"));
        assert!(java.is_test_file("OrderServiceTests.java"));
        assert!(!java.is_test_file("src/main/java/a/Testimonial.java"));
        assert!(java.generated("svc/target/classes/A.java").is_some());
        assert!(java.generated("src/main/java/a/A.java").is_none());
        let cs = Lang::by_name("csharp").unwrap();
        assert!(cs.is_test_file("Shop.Tests/OrdersTests.cs"));
        assert!(cs.generated("obj/Debug/A.cs").is_some());
        assert!(cs.generated("Views/Index.g.cs").is_some());
        let go = Lang::by_name("go").unwrap();
        assert!(go.is_test_file("internal/users/handler_test.go"));
        assert!(!go.is_test_file("internal/users/handler.go"));
        assert!(go.generated("vendor/github.com/x/y/a.go").is_some());
        assert!(go.generated("api/v1/users.pb.go").is_some());
        let py = Lang::by_name("python").unwrap();
        assert!(py.is_test_file("app/test_views.py"));
        assert!(!py.is_test_file("app/views.py"));
    }

    #[test]
    fn names_read_as_dotted_names() {
        let php = Lang::by_name("php").unwrap();
        assert_eq!(php.dotted_name("$this->orders->find"), "this.orders.find");
        assert_eq!(php.dotted_name("User::find"), "User.find");
        assert_eq!(php.dotted_name("$user?->save"), "user.save");
        let java = Lang::by_name("java").unwrap();
        assert_eq!(java.dotted_name("this.orders.find"), "this.orders.find");
    }

    #[test]
    fn serde_uses_the_name() {
        let java = Lang::by_name("java").unwrap();
        let json = serde_json::to_string(&java).unwrap();
        assert_eq!(json, "\"java\"");
        assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), java);
        assert!(serde_json::from_str::<Lang>("\"cobol\"").is_err());
    }
}
