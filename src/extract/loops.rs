//! Loops: whether a node runs in a loop of its own function (`while`, `for`,
//! `foreach`, `do`, `until` in every grammar's naming), for conditions that
//! tell a pause run once from the same pause in a polling loop.

use super::kinds::Class;
use super::lazy_init::is_function;
use super::Extraction;
use tree_sitter::Node;

impl<'s> Extraction<'s> {
    /// Whether `node` sits in a loop statement of the function enclosing it
    /// (a loop around the function's definition does not count).
    pub(super) fn in_loop(&self, root: Node<'s>, node: Node<'s>) -> bool {
        self.in_own_function(root, node, Class::LOOP)
    }

    /// Whether an ancestor of `node` inside the function enclosing it (up to
    /// that function, not beyond) is of the class `wanted`.
    pub(super) fn in_own_function(&self, root: Node<'s>, node: Node<'s>, wanted: Class) -> bool {
        self.ancestors(root, node)
            .into_iter()
            .take_while(|&n| !self.kinds.is(n, Class::OWN_FUNCTION_END))
            .any(|n| self.kinds.is(n, wanted))
    }
}

/// Whether a node kind is a loop statement: `for_statement`,
/// `enhanced_for_statement`, `foreach_statement`, `for_in_statement`,
/// `while_statement`, `do_statement`, Ruby's `while`/`until`/`for`.
pub(super) fn is_loop(kind: &str) -> bool {
    kind.split('_')
        .any(|word| matches!(word, "for" | "foreach" | "while" | "until"))
        || kind == "do_statement"
}

/// Whether a node's own function ends at a node of this kind, looking up:
/// a function that is not an invocation.
pub(super) fn ends_own_function(kind: &str) -> bool {
    is_function(kind) && !kind.contains("invocation")
}
