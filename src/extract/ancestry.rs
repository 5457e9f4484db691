//! A node's enclosing nodes, found from the root down. tree-sitter keeps no
//! parent pointers: `Node::parent` descends from the root each time, so a
//! walk up by `parent()` costs depth² and a file of a thousand nested
//! functions took minutes. One descent costs depth.

use tree_sitter::Node;

/// The nodes that enclose `node`, innermost first (`node` itself excluded).
pub(super) fn ancestors<'t>(root: Node<'t>, node: Node<'t>) -> Vec<Node<'t>> {
    let mut chain = Vec::new();
    let mut current = root;
    while current != node {
        chain.push(current);
        match current.child_with_descendant(node) {
            Some(child) => current = child,
            None => break,
        }
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn innermost_first_and_the_same_as_walking_up() {
        let source = "def f():\n    if x:\n        y = 1\n";
        let mut parser = tree_sitter::Parser::new();
        let lang: tree_sitter::Language = tree_sitter_python::LANGUAGE.into();
        parser.set_language(&lang).unwrap();
        let tree = parser.parse(source, None).unwrap();
        let root = tree.root_node();
        let at = source.find("y =").unwrap();
        let leaf = root.descendant_for_byte_range(at, at + 1).unwrap();
        let mut walked = Vec::new();
        let mut up = leaf.parent();
        while let Some(n) = up {
            walked.push(n);
            up = n.parent();
        }
        let found = ancestors(root, leaf);
        assert_eq!(found, walked);
        assert_eq!(found.last().map(|n| n.kind()), Some("module"));
        assert_eq!(found[0].kind(), "assignment");
        assert!(ancestors(root, root).is_empty());
    }
}
