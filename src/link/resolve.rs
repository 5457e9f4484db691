//! Name resolution: what a dotted name written in a file refers to, through
//! same-file definitions, imports (named, default, namespace, CommonJS),
//! re-exports, package submodules and class members.

use super::base_type_name;
use super::method_sets::MethodSets;
use super::modules::ModuleIndex;
use crate::extract::facts::{saturating_u32, Call, DefKind, Field, FileFacts};
use crate::extract::name::Name;
use crate::lang::Lang;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;

/// What a name refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Symbol {
    /// A definition: (file, def index).
    Def(usize, usize),
    /// A whole scanned module.
    Module(usize),
    /// Something from a package that was not scanned (`flask`, `express`).
    External(String),
}

/// How a reference was resolved; every call edge records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Resolution {
    /// A definition in the same file.
    SameFile,
    /// Through an import.
    Import,
    /// A type of the same package or namespace, or of a wildcard import.
    Package,
    /// An interface's method, to the one class in the program that
    /// implements the interface.
    Implementation,
    /// An interface's method, to the one type in the program whose methods
    /// cover the interface's (Go: a type implements an interface without
    /// naming it).
    MethodSet,
    /// `self.`/`this.` member of the enclosing class.
    Member,
    /// A function nested in its caller (closures, callbacks).
    Nested,
    /// The only definition with that name in the program: a guess.
    UniqueName,
    /// One of the methods of that name in a family of classes (they share
    /// a base the program defines, and the receiver is named for the
    /// family): each of them, a guess.
    SharedName,
    /// A call through a field, to the function value the program binds to
    /// it where it builds the struct (`API{Notify: h.Send}`, `a.Notify()`).
    Bound,
    /// A persistence lifecycle hook (`@PostPersist`) of the entity class
    /// the call constructs, or of a listener class it names: run when the
    /// entity is saved.
    Lifecycle,
    /// An attribute of the running application object
    /// (`current_app.events.subscribe()`), to the method of each type that
    /// start-up code assigns to it (`app.events = RedisEvents()`).
    AppAttribute,
    /// An abstract type's method, to the implementation the program binds
    /// to it in its container, or that the `default` arm of the `match`
    /// picking one yields (what the configuration runs unless set).
    BindingDefault,
    /// An abstract type's method, to each of its implementations that a
    /// `match` without a default arm picks (which one runs depends on the
    /// value matched): every arm. Also a call through a field assigned
    /// objects of several classes (`$this->io = new ConfigPhp()` or
    /// `new ConfigJson()`): the method of each.
    Binding,
    /// A factory a container keeps under a key, reached where the key is
    /// read (`$this->container->history`: `src/link/slots.rs`).
    Slot,
}

impl Resolution {
    /// Resolved by a name alone, not by an import, a type or a scope.
    pub fn is_guess(self) -> bool {
        matches!(self, Resolution::UniqueName | Resolution::SharedName)
    }
}

const MAX_DEPTH: usize = 12;

/// Calls by (function, line).
type ByLine<'f> = FxHashMap<(Option<usize>, u32), Vec<&'f Call>>;

/// The function values passed to relay methods (`n.OnDeleted(h.Drop)`), by
/// method name: the names passed as values on the line of a call of that
/// method, after it. By the method's name: a registration method is named
/// for what it registers (`OnUserDeleted`), a guess the relay's own body
/// confirms (it keeps its argument in a field). One pass over the calls
/// (`calls[file]`: each file's).
fn relayed_values<'c>(
    calls: &'c [Vec<Call>],
    methods: &FxHashSet<&str>,
) -> FxHashMap<&'c str, Vec<Bound>> {
    let mut out: FxHashMap<&str, Vec<Bound>> = FxHashMap::default();
    if methods.is_empty() {
        return out;
    }
    for (file, calls) in calls.iter().enumerate() {
        // The references by (function, line), for files that call a relay.
        let mut references: Option<ByLine> = None;
        for call in calls.iter().filter(|c| !c.is_reference) {
            let Some(method) = call.callee.rsplit('.').next() else {
                continue;
            };
            if !methods.contains(method) {
                continue;
            }
            let references = references.get_or_insert_with(|| {
                let mut by_line = ByLine::default();
                for r in calls.iter().filter(|r| r.is_reference) {
                    by_line.entry((r.def(), r.pos.line)).or_default().push(r);
                }
                by_line
            });
            let Some(on_line) = references.get(&(call.def(), call.pos.line)) else {
                continue;
            };
            out.entry(method).or_default().extend(
                on_line
                    .iter()
                    .filter(|r| r.pos.column > call.pos.column)
                    .map(|r| Bound {
                        file,
                        def: r.def(),
                        value: r.callee.clone(),
                    }),
            );
        }
    }
    out
}

thread_local! {
    /// The files whose names resolution looked up on this thread, while a
    /// caller of `recording_reads` wants them.
    static READS: RefCell<Option<Vec<usize>>> = const { RefCell::new(None) };
}

/// Runs `f` and returns, with its result, the files whose names (imports,
/// definitions, exports) the resolutions it made looked up, once each.
pub fn recording_reads<T>(f: impl FnOnce() -> T) -> (T, Vec<usize>) {
    let outer = READS.with(|r| r.replace(Some(Vec::new())));
    let value = f();
    let mut reads = READS.with(|r| r.replace(outer)).unwrap_or_default();
    reads.sort_unstable();
    reads.dedup();
    (value, reads)
}

fn record_read(file: usize) {
    READS.with(|r| {
        if let Some(reads) = r.borrow_mut().as_mut() {
            reads.push(file);
        }
    });
}

pub struct Resolver<'p> {
    pub files: &'p [FileFacts],
    pub modules: &'p ModuleIndex,
    /// Each file's names, so that a lookup costs the same in a file of ten
    /// definitions and in one of ten thousand.
    names: Vec<FileNames>,
    /// `Struct.field` → the function values bound to it.
    bindings: FxHashMap<String, Vec<Bound>>,
    /// The file each import (`imports[file][import]`) and each re-export's
    /// source (`reexports[file][export]`) names, found once: a name is
    /// resolved through the same import many times. In 8 bytes each, without
    /// spare room (`target_of`).
    imports: Vec<Box<[Option<u32>]>>,
    reexports: Vec<Box<[Option<u32>]>>,
    /// The file each import naming a member names when the member is a
    /// submodule of the package (`from app import views`), found once
    /// too: `submodules[file][import]`, kept only for the files whose
    /// imports name one (none in a language without them: no memory per
    /// file at link's peak).
    submodules: FxHashMap<u32, Box<[Option<u32>]>>,
    /// Base type name (`IOrderService`) → the classes with a body that name
    /// it as a base, as (file, class name), in file order.
    implementers: FxHashMap<&'p str, Vec<(usize, &'p str)>>,
    /// Base type name → the abstract classes (declared only) that name it
    /// as a base.
    abstracts: FxHashMap<&'p str, Vec<&'p str>>,
    /// Classes the program registers as an interface's implementation
    /// (tagged `registered`).
    registered: FxHashSet<&'p str>,
    /// The attributes start-up code sets on the application object, by
    /// name: (the file assigning it, the field with the type assigned).
    app_fields: FxHashMap<&'p str, Vec<(usize, &'p Field)>>,
    /// Classes the program picks at run time (tagged `bound`: a `match`
    /// arm), and those its configuration's default picks (tagged
    /// `bound_default`: a container binding's concrete, a `default` arm).
    bound: FxHashSet<&'p str>,
    bound_default: FxHashSet<&'p str>,
    /// Which types have a member of each name, in languages whose types
    /// implement interfaces implicitly.
    method_sets: MethodSets<'p>,
}

/// The file the `i`th import or re-export of a file names, as `Resolver`
/// keeps it.
fn target_of(targets: &[Option<u32>], i: usize) -> Option<usize> {
    targets[i].map(|t| t as usize)
}

/// A function value bound to a field: written in `file`, in function `def`.
/// Owns its text: the calls it may come from are freed before the resolver
/// (`link_program`).
#[derive(Debug, Clone)]
pub struct Bound {
    pub file: usize,
    pub def: Option<usize>,
    pub value: Name,
}

/// A file's module-level names: for each kind, (hash of the name, index)
/// of the records that bind one, sorted, and searched by halving on the
/// hash (an integer compare, no record read) then checked by name: eight
/// bytes a name, where a table of names took about forty and a block for
/// each name's list.
struct FileNames {
    /// Imports by local name (the last one binds it).
    imports: Box<[(u32, u32)]>,
    /// Top-level definitions by name (the first one is it).
    defs: Box<[(u32, u32)]>,
    /// Exports by exported name.
    exports: Box<[(u32, u32)]>,
    /// Members (defs naming a class) by their class.
    members: Box<[(u32, u32)]>,
}

impl FileNames {
    fn new(facts: &FileFacts) -> Self {
        let defs = &facts.defs;
        FileNames {
            imports: by_name(facts.imports.len(), |_| true, |i| &facts.imports[i].local),
            defs: by_name(
                defs.len(),
                |i| defs[i].class.is_none() && defs[i].parent().is_none(),
                |i| &defs[i].name,
            ),
            exports: by_name(facts.exports.len(), |_| true, |i| &facts.exports[i].name),
            members: by_name(
                defs.len(),
                |i| defs[i].class.is_some(),
                |i| defs[i].class.as_deref().unwrap_or_default(),
            ),
        }
    }
}

/// The key a name is sorted by.
fn name_key(name: &str) -> u32 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    name.hash(&mut hasher);
    hasher.finish() as u32
}

/// The file `from module import name`, written in `file`, names when
/// `name` is a submodule of `module`, for languages where it can be.
fn submodule_target(
    modules: &ModuleIndex,
    files: &[FileFacts],
    file: usize,
    module: &str,
    name: &str,
) -> Option<usize> {
    let dotted = modules.submodule_spec(files, file, module, name)?;
    modules.resolve(files, file, &dotted)
}

/// The first part of a dotted name and the parts after it (None when it
/// has one part): `a.b.c` → (`a`, `b.c`).
fn first_part(name: &str) -> (&str, Option<&str>) {
    match name.split_once('.') {
        Some((first, rest)) => (first, Some(rest)),
        None => (name, None),
    }
}

/// (key of its name, index) of the indices below `count` that `keep`
/// keeps, sorted: within a name, in file order.
fn by_name<'a>(
    count: usize,
    keep: impl Fn(usize) -> bool,
    name: impl Fn(usize) -> &'a str,
) -> Box<[(u32, u32)]> {
    let mut keyed: Vec<(u32, u32)> = (0..count)
        .filter(|&i| keep(i))
        .filter_map(|i| Some((name_key(name(i)), u32::try_from(i).ok()?)))
        .collect();
    keyed.sort_unstable();
    keyed.into_boxed_slice()
}

/// The indices in `sorted` whose record is named `name`, in file order.
fn named<'a>(
    sorted: &'a [(u32, u32)],
    name: &'a str,
    name_of: impl Fn(usize) -> &'a str + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let key = name_key(name);
    let from = sorted.partition_point(|&(k, _)| k < key);
    sorted[from..]
        .iter()
        .take_while(move |&&(k, _)| k == key)
        .map(|&(_, i)| i as usize)
        .filter(move |&i| name_of(i) == name)
}

impl<'p> Resolver<'p> {
    /// `calls[file]`: each file's calls, held apart from its facts (only
    /// the relayed function values are read here).
    pub fn new(files: &'p [FileFacts], calls: &[Vec<Call>], modules: &'p ModuleIndex) -> Self {
        let mut bindings: FxHashMap<String, Vec<Bound>> = FxHashMap::default();
        for (file, facts) in files.iter().enumerate() {
            for binding in &facts.bindings {
                bindings
                    .entry(format!("{}.{}", binding.class, binding.field))
                    .or_default()
                    .push(Bound {
                        file,
                        def: binding.def,
                        value: Name::new(&binding.value),
                    });
            }
        }
        let relays = || files.iter().flat_map(|f| &f.relays);
        let methods: FxHashSet<&str> = relays().map(|r| r.method.as_str()).collect();
        let relayed = relayed_values(calls, &methods);
        for relay in relays() {
            if let Some(values) = relayed.get(relay.method.as_str()) {
                bindings
                    .entry(format!("{}.{}", relay.class, relay.field))
                    .or_default()
                    .extend(values.iter().cloned());
            }
        }
        let ((imports, reexports), submodules): (_, Vec<Option<_>>) = (0..files.len())
            .into_par_iter()
            .map(|file| {
                let target = |spec: &str| modules.resolve(files, file, spec).map(saturating_u32);
                let imports = files[file].imports.iter().map(|i| target(&i.module));
                let exports = files[file].exports.iter();
                let reexports = exports.map(|e| e.from.as_deref().and_then(target));
                let submodules: Box<[Option<u32>]> = files[file]
                    .imports
                    .iter()
                    .map(|i| {
                        let name = i.name.as_deref()?;
                        submodule_target(modules, files, file, &i.module, name).map(saturating_u32)
                    })
                    .collect();
                let submodules = submodules
                    .iter()
                    .any(Option::is_some)
                    .then_some((saturating_u32(file), submodules));
                ((imports.collect(), reexports.collect()), submodules)
            })
            .unzip();
        let submodules = submodules.into_iter().flatten().collect();
        let mut implementers: FxHashMap<&str, Vec<(usize, &str)>> = FxHashMap::default();
        let mut abstracts: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for (file, facts) in files.iter().enumerate() {
            // An abstract class (declared only) runs through its subclasses.
            let classes = facts.defs.iter().filter(|d| d.kind == DefKind::Class);
            for class in classes {
                let mut bases: Vec<&str> =
                    class.bases().iter().map(|b| base_type_name(b)).collect();
                bases.sort_unstable();
                bases.dedup();
                for base in bases {
                    if class.declared_only {
                        abstracts.entry(base).or_default().push(class.name.as_str());
                    } else {
                        implementers
                            .entry(base)
                            .or_default()
                            .push((file, class.name.as_str()));
                    }
                }
            }
        }
        let tagged = |tag: &str| {
            files
                .iter()
                .flat_map(|f| &f.tags)
                .filter(|t| t.tag == tag)
                .map(|t| t.class.as_str())
                .collect()
        };
        let (registered, bound) = (tagged("registered"), tagged("bound"));
        let bound_default = tagged("bound_default");
        let mut app_fields: FxHashMap<&str, Vec<(usize, &Field)>> = FxHashMap::default();
        for (file, facts) in files.iter().enumerate() {
            for field in facts.fields.iter().filter(|f| f.class == Field::APP) {
                app_fields
                    .entry(field.name.as_str())
                    .or_default()
                    .push((file, field));
            }
        }
        let mut resolver = Resolver {
            files,
            modules,
            names: files.par_iter().map(FileNames::new).collect(),
            bindings,
            imports,
            reexports,
            submodules,
            implementers,
            abstracts,
            registered,
            app_fields,
            bound,
            bound_default,
            method_sets: MethodSets::default(),
        };
        resolver.method_sets = MethodSets::new(&resolver);
        resolver
    }

    /// The one type of `lang` (whose types implement interfaces
    /// implicitly) with a member of each name of `wanted`, as (file, name).
    pub fn only_type_with(&self, lang: Lang, wanted: &[&str]) -> Option<(usize, &'p str)> {
        self.method_sets.only_type_with(self, lang, wanted)
    }

    /// The classes with a body that name `interface` as a base, as (file,
    /// class name), in file order.
    pub fn implementers(&self, interface: &str) -> &[(usize, &'p str)] {
        self.implementers.get(interface).map_or(&[], Vec::as_slice)
    }

    /// The classes with a body that extend `interface` through abstract
    /// classes only (`PhpStreamerAdapter extends LocalStreamerAdapter`,
    /// abstract, `implements StreamerAdapter`), nearest first: what a call
    /// through `interface` may run besides its direct implementers.
    pub fn implementers_below(&self, interface: &str) -> Vec<(usize, &'p str)> {
        let mut out = Vec::new();
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let mut pending: Vec<&str> = self.abstracts.get(interface).cloned().unwrap_or_default();
        while let Some(base) = pending.pop() {
            if !seen.insert(base) {
                continue;
            }
            out.extend_from_slice(self.implementers(base));
            pending.extend(self.abstracts.get(base).into_iter().flatten());
        }
        out
    }

    /// The types start-up code assigns to the application object's
    /// attribute `name`, as (the file assigning it, the field).
    pub fn app_attribute(&self, name: &str) -> &[(usize, &'p Field)] {
        self.app_fields.get(name).map_or(&[], Vec::as_slice)
    }

    /// Whether the program registers `class` as an interface's
    /// implementation (`AddScoped<IService, CachedService>()`).
    pub fn registered(&self, class: &str) -> bool {
        self.registered.contains(class)
    }

    /// Whether the program picks `class` at run time (tagged `bound`), and
    /// whether its configuration's default does (tagged `bound_default`).
    pub fn bound(&self, class: &str) -> (bool, bool) {
        (
            self.bound.contains(class),
            self.bound_default.contains(class),
        )
    }

    /// The function values the program binds to `field` of `class`
    /// (`API{Notify: h.Send}`, `n.OnDeleted(h.Drop)` of a relay).
    pub fn bindings(&self, class: &str, field: &str) -> &[Bound] {
        self.bindings
            .get(&format!("{class}.{field}"))
            .map_or(&[], Vec::as_slice)
    }

    /// The function values bound through relay methods, as
    /// (`Struct.field`, file, function, value), sorted: they come from calls
    /// in any file, so an incremental link that sees them change links all.
    pub fn relayed(&self) -> Vec<(String, usize, Option<usize>, String)> {
        let relayed_keys: FxHashSet<String> = self
            .files
            .iter()
            .flat_map(|f| &f.relays)
            .map(|r| format!("{}.{}", r.class, r.field))
            .collect();
        let mut out: Vec<_> = relayed_keys
            .iter()
            .flat_map(|key| {
                self.bindings
                    .get(key)
                    .into_iter()
                    .flatten()
                    .map(move |b| (key.clone(), b.file, b.def, b.value.to_string()))
            })
            .collect();
        out.sort();
        out
    }

    /// The file the `import`th import of `file` names, as
    /// `ModuleIndex::resolve` finds it (once, in `new`).
    pub fn imported(&self, file: usize, import: usize) -> Option<usize> {
        target_of(&self.imports[file], import)
    }

    /// The file the `import`th import of `file` names when the member it
    /// imports is a submodule of the package (`from app import views`).
    pub fn imported_submodule(&self, file: usize, import: usize) -> Option<usize> {
        let table = self.submodules.get(&saturating_u32(file))?;
        let target = table.get(import).copied().flatten();
        target.map(|t| t as usize)
    }

    /// The files the `import`th import of `file`, an include
    /// (`Import::include`), names: the one it resolves to, or every file a
    /// template path (with `*`) matches.
    pub fn included(&self, file: usize, import: usize) -> Vec<usize> {
        let spec = &self.files[file].imports[import].module;
        match spec.contains('*') {
            true => self.modules.template_matches(self.files, file, spec),
            false => self.imported(file, import).into_iter().collect(),
        }
    }

    /// The top-level definition `name` of `file`.
    fn top_def(&self, file: usize, name: &str) -> Option<usize> {
        let defs = &self.files[file].defs;
        named(&self.names[file].defs, name, |i| &defs[i].name).next()
    }

    /// The exports of `file` under `name`, in order.
    fn exports_named<'a>(&'a self, file: usize, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        let exports = &self.files[file].exports;
        named(&self.names[file].exports, name, |i| &exports[i].name)
    }

    /// Resolves `name` (dotted) as written at module level of `file`.
    pub fn resolve(&self, file: usize, name: &str) -> Option<(Symbol, Resolution)> {
        self.resolve_depth(file, name, 0)
    }

    fn resolve_depth(&self, file: usize, name: &str, depth: usize) -> Option<(Symbol, Resolution)> {
        if depth > MAX_DEPTH || name.is_empty() {
            return None;
        }
        record_read(file);
        let facts = &self.files[file];
        // The longest dotted prefix bound by an import (`import a.b` binds `a.b`).
        let mut prefix = name;
        loop {
            let bound = named(&self.names[file].imports, prefix, |i| {
                &facts.imports[i].local
            });
            if let Some(i) = bound.last() {
                let import = &facts.imports[i];
                let target = target_of(&self.imports[file], i);
                let base = self.import_target(
                    target,
                    &import.module,
                    import.name.as_deref(),
                    depth,
                    || self.imported_submodule(file, i),
                )?;
                // The parts after the prefix (none when it is the whole name).
                let rest = name.get(prefix.len() + 1..);
                return self
                    .walk(base, rest, depth)
                    .map(|s| (s, Resolution::Import));
            }
            match prefix.rsplit_once('.') {
                Some((shorter, _)) => prefix = shorter,
                None => break,
            }
        }
        let (first, rest) = first_part(name);
        if let Some(def) = self.top_def(file, first) {
            return self
                .walk(Symbol::Def(file, def), rest, depth)
                .map(|s| (s, Resolution::SameFile));
        }
        // A type of the same package or namespace, or a wildcard import's.
        let (f, d) = self.modules.type_in_scope(self.files, file, first)?;
        self.walk(Symbol::Def(f, d), rest, depth)
            .map(|s| (s, Resolution::Package))
    }

    /// The symbol an import of `module` (found in `target`) binds; of a
    /// `name` it does not export, the module `submodule` finds
    /// (`from pkg import submodule`).
    fn import_target(
        &self,
        target: Option<usize>,
        module: &str,
        name: Option<&str>,
        depth: usize,
        submodule: impl FnOnce() -> Option<usize>,
    ) -> Option<Symbol> {
        let Some(target) = target else {
            return Some(Symbol::External(module.to_string()));
        };
        match name {
            None => Some(Symbol::Module(target)),
            Some(name) => self
                .export_of(target, name, depth + 1)
                .or_else(|| submodule().map(Symbol::Module)),
        }
    }

    /// What module `file` exports under `name` (`default` for the default export).
    pub fn export_of(&self, file: usize, name: &str, depth: usize) -> Option<Symbol> {
        if depth > MAX_DEPTH {
            return None;
        }
        record_read(file);
        let facts = &self.files[file];
        for i in self.exports_named(file, name) {
            let export = &facts.exports[i];
            let found = match (&export.from, &export.local) {
                (Some(from), local) => {
                    let inner = local.as_deref().unwrap_or(name);
                    let target = target_of(&self.reexports[file], i);
                    self.import_target(target, from, Some(inner), depth + 1, || {
                        submodule_target(self.modules, self.files, file, from, inner)
                    })
                }
                (None, Some(local)) => self.resolve_depth(file, local, depth + 1).map(|(s, _)| s),
                (None, None) => None,
            };
            if found.is_some() {
                return found;
            }
        }
        if let Some(def) = self.top_def(file, name) {
            return Some(Symbol::Def(file, def));
        }
        // Another file of the same package (Go).
        if let Some(found) = self
            .modules
            .package_files(self.files, file)
            .iter()
            .find_map(|&f| self.top_def(f, name).map(|d| Symbol::Def(f, d)))
        {
            return Some(found);
        }
        self.exports_named(file, "*").find_map(|i| {
            let from = facts.exports[i].from.as_deref()?;
            let target = target_of(&self.reexports[file], i);
            let submodule = || submodule_target(self.modules, self.files, file, from, name);
            match self.import_target(target, from, Some(name), depth + 1, submodule) {
                Some(Symbol::External(_)) | None => None,
                found => found,
            }
        })
    }

    /// Follows the rest of a dotted name (its parts after the first; None:
    /// no part) from a resolved symbol.
    fn walk(&self, base: Symbol, rest: Option<&str>, depth: usize) -> Option<Symbol> {
        let Some(rest) = rest else {
            return Some(base);
        };
        let (first, tail) = first_part(rest);
        match base {
            Symbol::External(module) => Some(Symbol::External(module)),
            Symbol::Module(file) => {
                let next = self.export_of(file, first, depth + 1).or_else(|| {
                    // A package's submodule: `app.models` after `import app`.
                    self.modules
                        .submodule(self.files, file, first)
                        .map(Symbol::Module)
                })?;
                self.walk(next, tail, depth + 1)
            }
            Symbol::Def(file, def) => {
                let facts = &self.files[file];
                match facts.defs[def].kind {
                    DefKind::Class => {
                        let class = &facts.defs[def].name;
                        if let Some((f, method)) = self.member(file, class, first) {
                            return self.walk(Symbol::Def(f, method), tail, depth + 1);
                        }
                        // A class reopened in other files (Ruby): theirs too.
                        let reopened = self.modules.reopenings(self.files, file, def);
                        if let Some((f, method)) = reopened
                            .into_iter()
                            .find_map(|(f, d)| self.member(f, &self.files[f].defs[d].name, first))
                        {
                            return self.walk(Symbol::Def(f, method), tail, depth + 1);
                        }
                        // A field with a declared type (`AllRepos.Docs` of
                        // `*DocumentRepository`): what follows is a member of
                        // that type, as the field's file names it.
                        let (field_file, field) = self.field(file, class, first)?;
                        let (typed, _) =
                            self.resolve_depth(field_file, &field.type_name, depth + 1)?;
                        self.walk(typed, tail, depth + 1)
                    }
                    // A member of what a function returns (a local kept
                    // from `stream.New(…)`, typed by the call).
                    DefKind::Function => {
                        let returns = facts.defs[def].returns()?;
                        let (class, _) = self.resolve_depth(file, returns, depth + 1)?;
                        self.walk(class, Some(rest), depth + 1)
                    }
                    // A member of an object or instance: not tracked.
                    _ => None,
                }
            }
        }
    }

    /// The defs of `file` naming `class` as their class, in order.
    pub fn members_of<'a>(
        &'a self,
        file: usize,
        class: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        let defs = &self.files[file].defs;
        let class_of = |i: usize| defs[i].class.as_deref().unwrap_or_default();
        named(&self.names[file].members, class, class_of)
    }

    /// The member `name` of `class` declared in `file`, or in another file
    /// of its package (Go declares methods apart from their type). A method
    /// before a property of the same name (PHP keeps them apart: `$cache`
    /// and `cache()`), so a call reaches the method.
    pub fn member(&self, file: usize, class: &str, name: &str) -> Option<(usize, usize)> {
        let in_file = |f: usize| {
            let defs = &self.files[f].defs;
            self.members_of(f, class)
                .filter(|&m| defs[m].name == name)
                .min_by_key(|&m| defs[m].kind != DefKind::Function)
                .map(|m| (f, m))
        };
        in_file(file).or_else(|| {
            self.modules
                .package_files(self.files, file)
                .iter()
                .find_map(|&f| in_file(f))
        })
    }

    /// The field `name` of `class` declared in `file`, or in another file of
    /// its package (Go), with a type written: (the file declaring it, field).
    /// Of several types, the first written.
    pub fn field(&self, file: usize, class: &str, name: &str) -> Option<(usize, &'p Field)> {
        let (f, typed) = self.field_types(file, class, name)?;
        typed.first().map(|&x| (f, x))
    }

    /// Each type written for the field `name` of `class` (declared, or
    /// assigned with `new`: a field may hold one class or another), in the
    /// first of `file` and the other files of its package declaring it.
    pub fn field_types(
        &self,
        file: usize,
        class: &str,
        name: &str,
    ) -> Option<(usize, Vec<&'p Field>)> {
        std::iter::once(file)
            .chain(self.modules.package_files(self.files, file).iter().copied())
            .find_map(|f| {
                let typed: Vec<&Field> = self.files[f]
                    .fields
                    .iter()
                    .filter(|x| x.class == class && x.name == name && !x.type_name.is_empty())
                    .collect();
                (!typed.is_empty()).then_some((f, typed))
            })
    }

    /// The default export of a module, or the module itself.
    pub fn module_default(&self, file: usize) -> Symbol {
        self.export_of(file, "default", 0)
            .unwrap_or(Symbol::Module(file))
    }
}
