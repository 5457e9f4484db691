//! Names written through a method's receiver or a typed local variable,
//! rewritten to what they denote. In `func (h *Handler) List()` (captured
//! `@def.owner` `Handler`, `@def.self` `h`), the call `h.svc.Find()` is
//! `this.svc.Find()` (a member call, through the field's type) and the value
//! `h.Show` is `Handler.Show`. After `u := &users.Handler{}` (`@local.name`
//! with `@local.type`), `u.List` is `users.Handler.List`; after
//! `u := users.NewHandler(db)` it is `users.NewHandler.List`, a member of
//! what the constructor returns; after `v := o.getVerifier()` through the
//! receiver `o`, `v.Verify` is `Auth.getVerifier.Verify`, and after `rows :=
//! db.Query()` through another local nothing is known of `rows`. A variable typed twice in one function
//! (`$c = new A(); …; $c = new B();`) has, at each use, the type of the last
//! assignment before it. A variable that takes the elements of an
//! expression (`for _, cb := range c.callbacks`) called by itself (`cb(id)`)
//! calls what the expression holds: `this.callbacks`. In a language that
//! marks its assignments `@local.rebound`, a type given by one assignment
//! ends at the next assignment of another value (`$c = $other`).

use super::facts::Def;

#[derive(Default)]
pub struct Receivers {
    /// (method def, receiver name, receiver type)
    selves: Vec<(usize, String, String)>,
    /// (function def, byte where the type is given, variable, type)
    typed: Vec<(usize, usize, String, String)>,
    /// (function def, variable, the expression whose elements it takes)
    elements: Vec<(usize, String, String)>,
    /// (function def, byte of the assignment, variable): a type given
    /// before it no longer holds after it.
    rebound: Vec<(usize, usize, String)>,
}

impl Receivers {
    pub fn add_self(&mut self, def: usize, name: String, owner: String) {
        self.selves.push((def, name, owner));
    }

    pub fn add_typed(&mut self, def: usize, at: usize, name: String, type_name: String) {
        self.typed.push((def, at, name, type_name));
    }

    pub fn add_element(&mut self, def: usize, name: String, of: String) {
        self.elements.push((def, name, of));
    }

    pub fn add_rebound(&mut self, def: usize, at: usize, name: String) {
        self.rebound.push((def, at, name));
    }

    pub fn is_empty(&self) -> bool {
        self.selves.is_empty() && self.typed.is_empty() && self.elements.is_empty()
    }

    /// A handler value written at `start`: its name rewritten through the
    /// receivers and typed locals of the function around it.
    pub(super) fn name_at(
        &self,
        defs: &[Def],
        index: &super::DefIndex,
        start: usize,
        text: String,
    ) -> String {
        let def = index.enclosing_function(defs, start);
        self.rewrite(defs, def, start, &text, true).unwrap_or(text)
    }

    /// `name` as written at byte `at` inside `def`, rewritten when its first
    /// part is a receiver or a typed local of `def` or of a function around
    /// it: a call through a receiver becomes `this.…`, a value (a handler
    /// passed by name) `Type.…`.
    pub fn rewrite(
        &self,
        defs: &[Def],
        def: Option<usize>,
        at: usize,
        name: &str,
        as_value: bool,
    ) -> Option<String> {
        let Some((root, rest)) = name.split_once('.') else {
            // `cb(id)` in `for _, cb := range c.callbacks`: a call of what
            // the field holds (never a value: `cb` passed on is not named).
            return if as_value {
                None
            } else {
                self.element_of(defs, def, name).map(|of| {
                    self.rewrite(defs, def, at, of, false)
                        .unwrap_or_else(|| of.to_string())
                })
            };
        };
        for d in scopes(defs, def) {
            if let Some((_, _, owner)) = self
                .selves
                .iter()
                .find(|(sd, var, _)| *sd == d && var == root)
            {
                let base = if as_value { owner.as_str() } else { "this" };
                return Some(format!("{base}.{rest}"));
            }
            // The last type given before `at`, or else the first given
            // (a use the tree shows before its assignment: a closure).
            let given =
                |&&(td, _, ref var, _): &&(usize, usize, String, String)| td == d && var == root;
            if let Some((_, by, _, type_name)) = self
                .typed
                .iter()
                .filter(given)
                .filter(|(_, by, _, _)| *by <= at)
                .max_by_key(|(_, by, _, _)| *by)
                .or_else(|| self.typed.iter().find(given))
            {
                // Assigned another value since: its type is not known.
                if self
                    .rebound
                    .iter()
                    .any(|(rd, rb, var)| *rd == d && var == root && by < rb && *rb <= at)
                {
                    return None;
                }
                return self
                    .type_through_receiver(defs, def, root, type_name)
                    .map(|t| format!("{t}.{rest}"));
            }
        }
        None
    }

    /// `name` written in `def` when it is a field reached through the
    /// receiver of `def` or of a method around it (`s.echo` in `func (s
    /// *Server) routes()`): the field of the receiver's type,
    /// `Server.echo`, the same in every method and file that names it.
    pub fn receiver_field(&self, defs: &[Def], def: Option<usize>, name: &str) -> Option<String> {
        let (root, rest) = name.split_once('.')?;
        scopes(defs, def).find_map(|d| {
            self.selves
                .iter()
                .find(|(sd, var, _)| *sd == d && var == root)
                .map(|(_, _, owner)| format!("{owner}.{rest}"))
        })
    }

    /// The type of the local `var` as it resolves: given by a call through
    /// the method's receiver (`v, err := o.getVerifier()`), the receiver's
    /// type's method (`Auth.getVerifier`); through another local of the
    /// function (`rows := db.Query()`, `db` a parameter), nothing known; else
    /// as written (a type, a package's function; `bounce *bounce.Manager`
    /// names the package its variable shadows).
    fn type_through_receiver(
        &self,
        defs: &[Def],
        def: Option<usize>,
        var: &str,
        type_name: &str,
    ) -> Option<String> {
        let Some((root, rest)) = type_name.split_once('.').filter(|(root, _)| *root != var) else {
            return Some(type_name.to_string());
        };
        for d in scopes(defs, def) {
            if let Some((_, _, owner)) = self
                .selves
                .iter()
                .find(|(sd, var, _)| *sd == d && var == root)
            {
                return Some(format!("{owner}.{rest}"));
            }
            if defs[d].locals.iter().any(|l| *l == root) {
                return None;
            }
        }
        Some(type_name.to_string())
    }

    /// The expression whose elements `name` takes in `def` or a function
    /// around it.
    fn element_of(&self, defs: &[Def], def: Option<usize>, name: &str) -> Option<&str> {
        scopes(defs, def).find_map(|d| {
            self.elements
                .iter()
                .find(|(ed, var, _)| *ed == d && var == name)
                .map(|(_, _, of)| of.as_str())
        })
    }
}

/// `def` and the functions around it, innermost first.
fn scopes(defs: &[Def], def: Option<usize>) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(def, move |&d| defs.get(d).and_then(|x| x.parent()))
}
