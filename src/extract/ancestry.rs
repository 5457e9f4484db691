//! A node's enclosing nodes, found from the root down. tree-sitter keeps no
//! parent pointers: `Node::parent` descends from the root each time, so a
//! walk up by `parent()` costs depth² and a file of a thousand nested
//! functions took minutes. One descent costs depth; and since extraction
//! asks about nodes in about document order, the path found last is kept
//! and the next descent starts at its deepest node enclosing the new one.
//! The conditions on one hit ask about the same node, and about its own
//! ancestors, several times: the last answer is kept, and answers them
//! without a descent.

use super::Extraction;
use std::rc::Rc;
use tree_sitter::Node;

/// The last node asked about and its ancestors, the root first; and the
/// last node whose ancestors were handed out, with them.
#[derive(Default)]
pub(super) struct Ancestry<'t> {
    path: Vec<Node<'t>>,
    answered: Option<Answer<'t>>,
}

/// A node asked about (under a root) and the nodes that enclose it.
struct Answer<'t> {
    root: Node<'t>,
    node: Node<'t>,
    ancestors: Ancestors<'t>,
}

/// The nodes that enclose a node, innermost first: a part of a list shared
/// with the node's descendants' answers.
#[derive(Clone)]
pub(super) struct Ancestors<'t> {
    all: Rc<Vec<Node<'t>>>,
    from: usize,
}

impl<'t> Ancestors<'t> {
    /// The nodes, innermost first.
    pub(super) fn as_slice(&self) -> &[Node<'t>] {
        self.all.get(self.from..).unwrap_or_default()
    }

    /// The ancestors of `node`, when it is one of these: those after it.
    fn of_one(&self, node: Node<'t>) -> Option<Ancestors<'t>> {
        let at = self.as_slice().iter().position(|&n| n == node)?;
        Some(Ancestors {
            all: Rc::clone(&self.all),
            from: self.from + at + 1,
        })
    }
}

impl<'t> IntoIterator for Ancestors<'t> {
    type Item = Node<'t>;
    type IntoIter = AncestorsIter<'t>;

    fn into_iter(self) -> AncestorsIter<'t> {
        AncestorsIter(self)
    }
}

/// The nodes of an [`Ancestors`], innermost first.
pub(super) struct AncestorsIter<'t>(Ancestors<'t>);

impl<'t> Iterator for AncestorsIter<'t> {
    type Item = Node<'t>;

    fn next(&mut self) -> Option<Node<'t>> {
        let node = self.0.all.get(self.0.from).copied()?;
        self.0.from += 1;
        Some(node)
    }
}

impl<'t> Ancestry<'t> {
    /// The nodes that enclose `node`, the root first (`node` itself
    /// excluded): what a descent from `root` by `child_with_descendant`
    /// passes.
    pub(super) fn of(&mut self, root: Node<'t>, node: Node<'t>) -> &[Node<'t>] {
        let kept = if self.path.first() == Some(&root) {
            self.enclosing(node)
        } else {
            0
        };
        self.path.truncate(kept);
        let mut current = self.path.pop().unwrap_or(root);
        while current != node {
            self.path.push(current);
            match current.child_with_descendant(node) {
                Some(child) => current = child,
                None => break,
            }
        }
        let ancestors = self.path.len();
        if current == node {
            self.path.push(node);
        }
        &self.path[..ancestors]
    }

    /// The nodes that enclose `node`, innermost first: the last answer when
    /// `node` is the node it was for or one of its ancestors (the chain of
    /// parents of an ancestor is the rest of the chain), else a descent,
    /// listed in the last answer's list when no one holds it any more.
    pub(super) fn innermost_first(&mut self, root: Node<'t>, node: Node<'t>) -> Ancestors<'t> {
        if let Some(answer) = self.answered.as_ref().filter(|a| a.root == root) {
            if answer.node == node {
                return answer.ancestors.clone();
            }
            if let Some(found) = answer.ancestors.of_one(node) {
                return found;
            }
        }
        let mut all = self
            .answered
            .take()
            .map_or_else(Rc::default, |answer| answer.ancestors.all);
        let path = self.of(root, node);
        match Rc::get_mut(&mut all) {
            Some(list) => {
                list.clear();
                list.extend(path.iter().rev());
            }
            None => all = Rc::new(path.iter().rev().copied().collect()),
        }
        let ancestors = Ancestors { all, from: 0 };
        self.answered = Some(Answer {
            root,
            node,
            ancestors: ancestors.clone(),
        });
        ancestors
    }

    /// How many nodes of the kept path enclose `node`: those up to the
    /// deepest whose bytes hold `node`'s and more. Siblings do not overlap,
    /// so such a node is an ancestor of any node with text; one with the
    /// same bytes may be a child of `node`, and an empty node may sit at
    /// the end of a node that does not hold it: those are looked for from
    /// the root (as tree-sitter does).
    fn enclosing(&self, node: Node) -> usize {
        let (start, end) = (node.start_byte(), node.end_byte());
        if start == end {
            return 0;
        }
        self.path
            .iter()
            .rposition(|n| {
                let (from, to) = (n.start_byte(), n.end_byte());
                from <= start && end <= to && (from, to) != (start, end)
            })
            .map_or(0, |deepest| deepest + 1)
    }
}

impl<'s> Extraction<'s> {
    /// The nodes that enclose `node`, innermost first (`node` itself
    /// excluded), from the path kept for the file.
    pub(super) fn ancestors(&self, root: Node<'s>, node: Node<'s>) -> Ancestors<'s> {
        self.ancestry.borrow_mut().innermost_first(root, node)
    }

    /// The innermost function that encloses `node`, from the path kept for
    /// the file.
    pub(super) fn enclosing_function(&self, root: Node<'s>, node: Node<'s>) -> Option<Node<'s>> {
        self.ancestors(root, node)
            .into_iter()
            .find(|&n| self.kinds.is(n, super::kinds::Class::FUNCTION))
    }
}

/// The nodes that enclose `node`, innermost first (`node` itself
/// excluded): one descent from the root, for a caller that keeps no path.
pub(super) fn ancestors<'t>(root: Node<'t>, node: Node<'t>) -> Vec<Node<'t>> {
    let mut ancestry = Ancestry::default();
    ancestry.of(root, node).iter().rev().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(lang: tree_sitter::Language, source: &str) -> tree_sitter::Tree {
        let mut parser = tree_sitter::Parser::new();
        parser.set_language(&lang).unwrap();
        parser.parse(source, None).unwrap()
    }

    /// The nodes above `node` by `parent()`, innermost first.
    fn walked_up(node: Node) -> Vec<Node> {
        std::iter::successors(node.parent(), |n| n.parent()).collect()
    }

    #[test]
    fn innermost_first_and_the_same_as_walking_up() {
        let source = "def f():\n    if x:\n        y = 1\n";
        let tree = parse(tree_sitter_python::LANGUAGE.into(), source);
        let root = tree.root_node();
        let at = source.find("y =").unwrap();
        let leaf = root.descendant_for_byte_range(at, at + 1).unwrap();
        let found = ancestors(root, leaf);
        assert_eq!(found, walked_up(leaf));
        assert_eq!(found.last().map(|n| n.kind()), Some("module"));
        assert_eq!(found[0].kind(), "assignment");
        assert!(ancestors(root, root).is_empty());
    }

    #[test]
    fn the_kept_path_gives_what_a_descent_from_the_root_gives() {
        // Nested calls, one-child chains of the same bytes, empty nodes
        // (a missing `)`, an empty string), in document order, backwards
        // and jumping about.
        let cases: [(tree_sitter::Language, &str); 4] = [
            (
                tree_sitter_python::LANGUAGE.into(),
                "class A:\n    x = f(g(h(1)), '')\n    def m(self):\n        if a:\n            return b(\n",
            ),
            (
                tree_sitter_javascript::LANGUAGE.into(),
                "app.get('/a', (req, res) => { if (!x) { x = new X(); } res.send(``) });\nlet y = [[1], {a: 2}]",
            ),
            (
                tree_sitter_go::LANGUAGE.into(),
                "package p\nfunc f() { doc, err := svc.Find(id); if err != nil { return } }\n",
            ),
            (
                tree_sitter_ruby::LANGUAGE.into(),
                "class A < B\n  def m\n    @x ||= C.new(\"\")\n  end\nend\n",
            ),
        ];
        for (lang, source) in cases {
            let tree = parse(lang, source);
            let root = tree.root_node();
            let all = crate::extract::all_nodes(root);
            let mut jumping = all.clone();
            jumping.sort_by_key(|n| (n.start_byte() * 7919) % 101);
            let orders = [all.clone(), all.iter().rev().copied().collect(), jumping];
            for order in orders {
                let mut kept = Ancestry::default();
                for &node in &order {
                    let mut found = kept.of(root, node).to_vec();
                    found.reverse();
                    assert_eq!(found, ancestors(root, node), "{source}: {node:?}");
                    assert_eq!(found, walked_up(node), "{source}: {node:?}");
                }
                // The kept answer, asked again for the node and for each of
                // its ancestors in turn (then the node again).
                let mut kept = Ancestry::default();
                for &node in &order {
                    let up = walked_up(node);
                    for asked in [node, node].iter().chain(&up).chain([&node]) {
                        let found = kept.innermost_first(root, *asked);
                        assert_eq!(found.as_slice(), walked_up(*asked), "{source}: {asked:?}");
                        let listed: Vec<Node> = found.into_iter().collect();
                        assert_eq!(listed, walked_up(*asked), "{source}: {asked:?}");
                    }
                }
            }
        }
    }
}
