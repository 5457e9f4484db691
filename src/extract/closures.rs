//! State a closure keeps: a variable declared in a function (a factory)
//! and written by the function the factory returns (`let calls = {};
//! return (ctx, next) => { calls[id] = n + 1; … }`). The returned function
//! is kept and called again (a middleware, a wrapped handler), so the
//! variable outlives each call like a module-level one does
//! (`closure_variable`). A callback the factory only passes on
//! (`items.forEach(i => n++)`) is not returned and keeps nothing.

use super::kinds::Class;
use super::Extraction;
use tree_sitter::Node;

/// How far below a scope's statement a declared name may sit: statement →
/// declarator → name (`let calls = {}`).
const DECLARATION_DEPTH: usize = 2;

impl<'s> Extraction<'s> {
    /// The state `variable` names when it is a variable the function around
    /// its own declares, its own function being what that one returns:
    /// `file:factory.name` (`file:name` for an anonymous factory), so two
    /// factories' `cache` are two states.
    pub(super) fn closure_state(&self, root: Node<'s>, variable: Node<'s>) -> Option<String> {
        let name = self.text(variable);
        let ancestors = self.ancestors(root, variable);
        let ancestors = ancestors.as_slice();
        let mut functions = ancestors
            .iter()
            .enumerate()
            .filter(|(_, n)| self.kinds.is(**n, Class::FUNCTION));
        let ((inner_at, &inner), (outer_at, &outer)) = (functions.next()?, functions.next()?);
        let own_scopes = ancestors.get(..inner_at).unwrap_or_default();
        let factory_scopes = ancestors.get(inner_at + 1..=outer_at).unwrap_or_default();
        let parameters = inner
            .child_by_field_name("parameters")
            .or_else(|| inner.child_by_field_name("parameter"));
        let kept = self.is_returned(inner, factory_scopes)
            && !parameters.is_some_and(|p| self.names_parameter(p, name))
            && !own_scopes.iter().any(|&s| self.declares(s, name))
            && factory_scopes.iter().any(|&s| self.declares(s, name));
        if !kept {
            return None;
        }
        // A factory is named by its declaration or the variable holding it.
        let factory = outer
            .child_by_field_id(self.fields.name)
            .or_else(|| {
                ancestors
                    .get(outer_at + 1)?
                    .child_by_field_id(self.fields.name)
            })
            .map(|n| self.text(n));
        Some(match factory {
            Some(factory) => format!("{}:{factory}.{name}", self.facts.path),
            None => format!("{}:{name}", self.facts.path),
        })
    }

    /// Whether `function` is what the function around it returns: the
    /// value of its `return` or the body of an arrow.
    fn is_returned(&self, function: Node<'s>, factory_scopes: &[Node<'s>]) -> bool {
        match factory_scopes.first() {
            Some(parent) if parent.kind().contains("return") => true,
            Some(parent) => {
                self.kinds.is(*parent, Class::FUNCTION)
                    && parent.child_by_field_id(self.fields.body) == Some(function)
            }
            None => false,
        }
    }

    /// Whether `parameters` bind `name`: an identifier of theirs, not a
    /// word of a type (`ctx: Context<{ cache?: string }>`).
    fn names_parameter(&self, parameters: Node<'s>, name: &str) -> bool {
        let kind = parameters.kind();
        if (kind == "identifier" || kind.ends_with("identifier_pattern"))
            && self.text(parameters) == name
        {
            return true;
        }
        let mut cursor = parameters.walk();
        let named = parameters
            .named_children(&mut cursor)
            .any(|c| self.names_parameter(c, name));
        named
    }

    /// Whether a statement of `scope` declares `name` (`let`, `const`,
    /// `var`): an assignment writes a variable declared elsewhere.
    fn declares(&self, scope: Node<'s>, name: &str) -> bool {
        let mut cursor = scope.walk();
        let declared = scope
            .named_children(&mut cursor)
            .filter(|c| c.kind().ends_with("declaration"))
            .any(|c| self.binds(c, name, DECLARATION_DEPTH));
        declared
    }

    fn binds(&self, node: Node<'s>, name: &str, depth: usize) -> bool {
        if node
            .child_by_field_id(self.fields.name)
            .is_some_and(|n| self.text(n) == name)
        {
            return true;
        }
        let mut cursor = node.walk();
        let found = depth > 0
            && node
                .named_children(&mut cursor)
                .any(|c| self.binds(c, name, depth - 1));
        found
    }
}
