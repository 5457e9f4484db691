//! Flags a class keeps off until one of its methods turns them on: a hit
//! in the branch of `if ($this->cache)`, where the class declares the field
//! off (`protected $cache = false;`, only the class can set it) and sets it
//! only in some methods (`cache()`), runs only in a program that calls one
//! of those methods (link drops it otherwise: `link::flags`).

use super::DefIndex;
use super::Extraction;
use crate::extract::facts::DefKind;
use tree_sitter::Node;

impl<'s> Extraction<'s> {
    /// The instance field that an enclosing `if` of the same function
    /// tests bare (`if ($this->cache)`, `if self.cache:`), with `node` in
    /// its branch.
    pub(super) fn guarding_flag(&self, root: Node<'s>, node: Node<'s>) -> Option<String> {
        self.branch_conditions(root, node)
            .into_iter()
            .find_map(|condition| {
                let tested = self.reference(condition);
                let field = tested
                    .strip_prefix("this.")
                    .or_else(|| tested.strip_prefix("self."));
                field.filter(|f| is_identifier(f)).map(str::to_string)
            })
    }

    /// The methods that turn on `flag`, a field the class of function
    /// `def` declares off (`@flag.off`), when only they set it (a write in
    /// a constructor, or outside a method, leaves it on from the start):
    /// None when the flag is no such field.
    pub(super) fn flag_setters(
        &self,
        index: &DefIndex,
        def: Option<usize>,
        flag: &str,
    ) -> Option<Box<[u32]>> {
        let defs = &self.facts.defs;
        let class_name = std::iter::successors(def, |&d| defs[d].parent())
            .find_map(|d| defs[d].class.as_deref())?;
        let class = defs.iter().find(|d| {
            d.kind == DefKind::Class
                && d.name == class_name
                && def.is_some_and(|f| d.span.get().start <= defs[f].span.get().start)
                && def.is_some_and(|f| defs[f].span.get().end <= d.span.get().end)
        })?;
        let inside = |byte: usize| class.span.get().start <= byte && byte < class.span.get().end;
        if !self
            .pending
            .flags_off
            .iter()
            .any(|(byte, name)| name == flag && inside(*byte))
        {
            return None;
        }
        let mut setters = Vec::new();
        for (byte, _) in self
            .pending
            .flag_sets
            .iter()
            .filter(|(byte, name)| name == flag && inside(*byte))
        {
            let setter = index.enclosing_function(defs, *byte)?;
            let method = std::iter::successors(Some(setter), |&d| defs[d].parent())
                .find(|&d| defs[d].class.is_some())?;
            if self
                .facts
                .lang
                .is_constructor(&defs[method].name, class_name)
            {
                return None;
            }
            setters.push(u32::try_from(method).ok()?);
        }
        setters.sort_unstable();
        setters.dedup();
        Some(setters.into_boxed_slice())
    }
}

fn is_identifier(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')
}
