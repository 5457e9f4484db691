//! A def's rare parts (decorator methods, bases, initial values,
//! annotations, callbacks…): most defs have none and a few have one or two,
//! so only the parts set are kept, each tagged, in one list sized to them.

use super::facts::{Callback, ExtraAction, Name, Prefix};
use serde::{Deserialize, Serialize};

/// The rare parts of a def, in the order of `Part`'s variants (one of each
/// at most): empty, it holds no allocation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DefExtra(Box<[Part]>);

/// One rare part of a def (24 bytes: what is larger is boxed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Part {
    /// HTTP methods a decorator declares for this view (`@api_view(['GET'])`).
    Methods(Box<[String]>),
    /// For classes: the base classes as written (interned: many classes
    /// name the same base).
    Bases(Box<[Name]>),
    /// For variables: the callee of the initial value (`TTLCache`).
    Init(Box<str>),
    /// For functions: the type of the one value returned, as written
    /// (`@def.returns`: Go's `func New() *API` returns `API`).
    Returns(Box<str>),
    /// For variables: the value when it is a string literal.
    Literal(Box<str>),
    /// For functions: the path returned, built from the parameters
    /// (`return prefix + "/v1" + s`, possibly from a returned closure).
    PathTemplate(Box<Prefix>),
    /// For variables: the environment variable that overrides the literal,
    /// the default written beside it (`os.getenv("API_PREFIX", "/api")`).
    Env(Box<str>),
    /// For methods: an extra route of a viewset (DRF `@action`).
    Action(Box<ExtraAction>),
    /// For functions: the annotations or decorators on it, by name (`Log`
    /// for `@Log("x")`): aspects and filters select them (interned: most
    /// are the framework's few).
    Annotations(Box<[Name]>),
    /// For functions: the pointcut it names (`@Pointcut("@annotation(a.Log)")`).
    Pointcut(Box<str>),
    /// For classes: callbacks declared in the body that run around its
    /// actions (`before_action :authenticate_user!, only: [:edit]`).
    Callbacks(Box<[Callback]>),
    /// For classes: the classes whose lifecycle hooks run when an instance
    /// is saved, loaded or removed, as written (JPA's
    /// `@EntityListeners(MailListener.class)`).
    Listeners(Box<[String]>),
}

/// Each variant's place in `DefExtra`'s order (`Part::rank`).
const METHODS: u8 = 0;
const BASES: u8 = 1;
const INIT: u8 = 2;
const RETURNS: u8 = 3;
const LITERAL: u8 = 4;
const PATH_TEMPLATE: u8 = 5;
const ENV: u8 = 6;
const ACTION: u8 = 7;
const ANNOTATIONS: u8 = 8;
const POINTCUT: u8 = 9;
const CALLBACKS: u8 = 10;
const LISTENERS: u8 = 11;

impl Part {
    /// The variant's place in `DefExtra`'s order.
    fn rank(&self) -> u8 {
        match self {
            Part::Methods(_) => METHODS,
            Part::Bases(_) => BASES,
            Part::Init(_) => INIT,
            Part::Returns(_) => RETURNS,
            Part::Literal(_) => LITERAL,
            Part::PathTemplate(_) => PATH_TEMPLATE,
            Part::Env(_) => ENV,
            Part::Action(_) => ACTION,
            Part::Annotations(_) => ANNOTATIONS,
            Part::Pointcut(_) => POINTCUT,
            Part::Callbacks(_) => CALLBACKS,
            Part::Listeners(_) => LISTENERS,
        }
    }
}

/// The text of a part that is one string.
fn text(part: Option<&Part>) -> Option<&str> {
    match part? {
        Part::Init(s) | Part::Returns(s) | Part::Literal(s) | Part::Env(s) | Part::Pointcut(s) => {
            Some(s)
        }
        _ => None,
    }
}

impl DefExtra {
    /// The parts given, each set as by `set` (None: left out).
    pub fn of(parts: impl IntoIterator<Item = Option<Part>>) -> DefExtra {
        let mut extra = DefExtra::default();
        for part in parts.into_iter().flatten() {
            extra.set(part);
        }
        extra
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The part of `rank`'s variant, if set.
    fn get(&self, rank: u8) -> Option<&Part> {
        self.0.iter().find(|p| p.rank() == rank)
    }

    /// Sets `part`, in place of the one of its variant if any.
    pub fn set(&mut self, part: Part) {
        let mut parts = std::mem::take(&mut self.0).into_vec();
        match parts.binary_search_by_key(&part.rank(), Part::rank) {
            Ok(at) => parts[at] = part,
            Err(at) => parts.insert(at, part),
        }
        self.0 = parts.into_boxed_slice();
    }

    /// Takes out the part of `rank`'s variant, if set.
    fn take(&mut self, rank: u8) -> Option<Part> {
        let mut parts = std::mem::take(&mut self.0).into_vec();
        let taken = parts
            .iter()
            .position(|p| p.rank() == rank)
            .map(|at| parts.remove(at));
        self.0 = parts.into_boxed_slice();
        taken
    }

    pub fn methods(&self) -> &[String] {
        match self.get(METHODS) {
            Some(Part::Methods(m)) => m,
            _ => &[],
        }
    }

    pub fn bases(&self) -> &[Name] {
        match self.get(BASES) {
            Some(Part::Bases(b)) => b,
            _ => &[],
        }
    }

    pub fn init(&self) -> Option<&str> {
        text(self.get(INIT))
    }

    pub fn returns(&self) -> Option<&str> {
        text(self.get(RETURNS))
    }

    pub fn literal(&self) -> Option<&str> {
        text(self.get(LITERAL))
    }

    pub fn path_template(&self) -> Option<&Prefix> {
        match self.get(PATH_TEMPLATE) {
            Some(Part::PathTemplate(p)) => Some(p),
            _ => None,
        }
    }

    pub fn env(&self) -> Option<&str> {
        text(self.get(ENV))
    }

    pub fn action(&self) -> Option<&ExtraAction> {
        match self.get(ACTION) {
            Some(Part::Action(a)) => Some(a),
            _ => None,
        }
    }

    pub fn annotations(&self) -> &[Name] {
        match self.get(ANNOTATIONS) {
            Some(Part::Annotations(a)) => a,
            _ => &[],
        }
    }

    pub fn pointcut(&self) -> Option<&str> {
        text(self.get(POINTCUT))
    }

    pub fn callbacks(&self) -> &[Callback] {
        match self.get(CALLBACKS) {
            Some(Part::Callbacks(c)) => c,
            _ => &[],
        }
    }

    pub fn listeners(&self) -> &[String] {
        match self.get(LISTENERS) {
            Some(Part::Listeners(l)) => l,
            _ => &[],
        }
    }

    /// Sets the HTTP methods a decorator declares (none: the part left out).
    pub fn set_methods(&mut self, methods: Vec<String>) {
        match methods.is_empty() {
            true => drop(self.take(METHODS)),
            false => self.set(Part::Methods(methods.into())),
        }
    }

    /// Adds a base class.
    pub fn add_base(&mut self, base: Name) {
        let bases = [self.bases(), &[base]].concat();
        self.set(Part::Bases(bases.into()));
    }

    /// Adds an annotation unless it is there.
    pub fn add_annotation(&mut self, name: Name) {
        if !self.annotations().contains(&name) {
            let annotations = [self.annotations(), &[name]].concat();
            self.set(Part::Annotations(annotations.into()));
        }
    }

    /// Adds a callback unless it is there.
    pub fn add_callback(&mut self, callback: Callback) {
        if !self.callbacks().contains(&callback) {
            let callbacks = [self.callbacks(), &[callback]].concat();
            self.set(Part::Callbacks(callbacks.into()));
        }
    }

    /// Adds a listener class unless it is there.
    pub fn add_listener(&mut self, class: String) {
        if !self.listeners().contains(&class) {
            let listeners = [self.listeners(), &[class]].concat();
            self.set(Part::Listeners(listeners.into()));
        }
    }

    /// Sets what a viewset's extra route declares (each part when given),
    /// making the route when there was none.
    pub fn update_action(&mut self, detail: Option<bool>, path: Option<String>) {
        let mut action = self.action().cloned().unwrap_or_default();
        if let Some(detail) = detail {
            action.detail = detail;
        }
        if path.is_some() {
            action.path = path;
        }
        self.set(Part::Action(Box::new(action)));
    }

    /// The same def found twice: takes from `later` the initial value,
    /// return type and path template this one lacks, and, when this one
    /// has no literal, the literal and the environment variable beside it.
    pub fn merge_missing(&mut self, mut later: DefExtra) {
        if later.is_empty() {
            return;
        }
        for rank in [INIT, RETURNS, PATH_TEMPLATE] {
            if self.get(rank).is_none() {
                if let Some(part) = later.take(rank) {
                    self.set(part);
                }
            }
        }
        if self.literal().is_none() {
            self.take(ENV);
            for rank in [LITERAL, ENV] {
                if let Some(part) = later.take(rank) {
                    self.set(part);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A part is three words; a def holds the list, two.
    #[test]
    fn a_part_is_three_words() {
        assert!(std::mem::size_of::<Part>() <= 24);
        assert!(std::mem::size_of::<DefExtra>() <= 16);
    }

    /// Parts set in any order read back the same, compare equal and are
    /// replaced, not repeated.
    #[test]
    fn parts_are_kept_in_one_order_once_each() {
        let mut a = DefExtra::default();
        a.add_annotation("Log".into());
        a.set(Part::Literal("/api".into()));
        a.add_annotation("Log".into());
        a.add_annotation("Get".into());
        let mut b = DefExtra::of([Some(Part::Literal("/v1".into())), None]);
        b.add_annotation("Log".into());
        b.add_annotation("Get".into());
        b.set(Part::Literal("/api".into()));
        assert_eq!(a, b);
        assert_eq!(a.literal(), Some("/api"));
        assert_eq!(a.annotations(), &[Name::from("Log"), Name::from("Get")]);
        assert_eq!((a.init(), a.env(), a.methods().len()), (None, None, 0));
        assert!(!a.is_empty() && DefExtra::default().is_empty());
    }

    /// A def found twice keeps its own parts and takes what it lacks; a
    /// literal comes with its environment variable.
    #[test]
    fn a_merge_takes_only_what_is_missing() {
        let mut first = DefExtra::of([
            Some(Part::Init("TTLCache".into())),
            Some(Part::Env("OLD".into())),
        ]);
        first.merge_missing(DefExtra::of([
            Some(Part::Init("dict".into())),
            Some(Part::Returns("API".into())),
            Some(Part::Literal("/api".into())),
        ]));
        assert_eq!(first.init(), Some("TTLCache"));
        assert_eq!(first.returns(), Some("API"));
        assert_eq!((first.literal(), first.env()), (Some("/api"), None));
        first.update_action(Some(true), None);
        first.update_action(None, Some("items".into()));
        let action = first.action().cloned().unwrap_or_default();
        assert!(action.detail);
        assert_eq!(action.path.as_deref(), Some("items"));
    }
}
