//! Path-building functions and calls to them. A function whose result is a
//! concatenation of its parameters and literals (`func api(p string) string
//! { return "/api" + p }`), possibly through the closure it returns
//! (`BaseURLFunc(prefix)` returning `func(s string) string { return prefix +
//! "/v1" + s }`), keeps that result as a path template; a route path written
//! as a call (`v1Base("/items")`, `v1Base` bound to `v1.BaseURLFunc(prefix)`)
//! keeps the function and every argument. Link puts the two together.

use super::facts::{Prefix, PrefixCall};
use super::routes::call_arguments;
use super::Extraction;
use tree_sitter::Node;

impl<'s> Extraction<'s> {
    /// The path `returned` builds, an expression returned inside `function`
    /// (or inside a closure it returns), with the parameters numbered:
    /// `function`'s own, then the closure's. None unless a parameter is in it.
    pub(super) fn path_template(&self, function: Node, returned: Node) -> Option<Prefix> {
        let mut params = Vec::new();
        let mut current = function;
        while current != returned {
            if let Some(list) = current.child_by_field_name("parameters") {
                params.extend(self.parameter_names(list));
            }
            current = current.child_with_descendant(returned)?;
        }
        let template = self
            .prefix(returned)
            .replace_names(&|name| params.iter().position(|p| p == name).map(Prefix::Param));
        template
            .any_piece(&|p| matches!(p, Prefix::Param(_)))
            .then_some(template)
    }

    /// A route path written as a call (`v1Base("/items")`): the function
    /// called and its arguments. A callee that is a local bound to a call
    /// (`v1Base := v1.BaseURLFunc(prefix)`) is that call's function, its
    /// arguments first.
    pub(super) fn path_call(&self, root: Node<'s>, call: Node<'s>) -> Option<Prefix> {
        let callee = call.child_by_field_name("function")?;
        let bound = (callee.kind() == "identifier")
            .then(|| self.binding(root, callee))
            .flatten()
            .map(|v| match v.kind() {
                "expression_list" => v.named_child(0).unwrap_or(v),
                _ => v,
            })
            .filter(|v| v.kind().starts_with("call"));
        let (function, mut args) = match bound {
            Some(inner) => (
                inner.child_by_field_name("function")?,
                call_arguments(inner),
            ),
            None => (callee, Vec::new()),
        };
        if function.kind().starts_with("call") {
            return None;
        }
        args.extend(call_arguments(call));
        Some(Prefix::Call(Box::new(PrefixCall {
            function: self.reference(function),
            args: args.into_iter().map(|a| self.prefix(a)).collect(),
            written: self.reference(call),
        })))
    }

    /// The names a parameter list declares, in order (`a, b string` gives
    /// both; a bare identifier is a name too).
    fn parameter_names(&self, list: Node) -> Vec<String> {
        let mut names = Vec::new();
        let mut cursor = list.walk();
        for param in list.named_children(&mut cursor) {
            if param.kind() == "identifier" {
                names.push(self.text(param).to_string());
                continue;
            }
            let mut inner = param.walk();
            names.extend(
                param
                    .children_by_field_name("name", &mut inner)
                    .map(|n| self.text(n).to_string()),
            );
        }
        names
    }
}
