//! A tree as the matcher reads it: each node's kind, field, flags and
//! children asked of tree-sitter once, on first need, and kept in flat
//! arrays (a node's children side by side), so that a node test is a read
//! of an array, not a call into tree-sitter, and no node's children are
//! listed twice (the walk and every pattern share one listing).

use tree_sitter::{Node, TreeCursor};

/// A node's place in the flat tree.
pub type Ix = u32;

/// What a node test reads of a node.
#[derive(Clone, Copy)]
pub struct Meta {
    pub kind: u16,
    /// Its field in its parent (0: none).
    pub field: u16,
    pub named: bool,
    pub error: bool,
    /// Where its children start, and how many (`UNLISTED`: not asked yet).
    kids: Ix,
    count: u32,
}

/// `Meta::count` of a node whose children are not listed yet.
const UNLISTED: u32 = u32::MAX;

/// A node's children: `len` places from `start`.
#[derive(Clone, Copy)]
pub struct Kids {
    pub start: Ix,
    pub len: u32,
}

impl Kids {
    /// The place of child `j`.
    pub fn at(self, j: u32) -> Ix {
        self.start + j
    }
}

/// The nodes listed so far: the root at 0, then each listed node's
/// children in order.
pub struct Flat<'t> {
    nodes: Vec<Node<'t>>,
    meta: Vec<Meta>,
    cursor: TreeCursor<'t>,
}

impl<'t> Flat<'t> {
    pub fn new(root: Node<'t>) -> Self {
        let mut flat = Flat {
            nodes: Vec::new(),
            meta: Vec::new(),
            cursor: root.walk(),
        };
        flat.push(root, 0);
        flat
    }

    fn push(&mut self, node: Node<'t>, field: u16) {
        self.nodes.push(node);
        self.meta.push(Meta {
            kind: node.kind_id(),
            field,
            named: node.is_named(),
            error: node.is_error(),
            kids: 0,
            count: UNLISTED,
        });
    }

    pub fn node(&self, x: Ix) -> Node<'t> {
        self.nodes[x as usize]
    }

    pub fn meta(&self, x: Ix) -> &Meta {
        &self.meta[x as usize]
    }

    /// The children of `x`, listed now if they are not yet.
    pub fn kids(&mut self, x: Ix) -> Kids {
        let meta = self.meta[x as usize];
        if meta.count != UNLISTED {
            return Kids {
                start: meta.kids,
                len: meta.count,
            };
        }
        let node = self.nodes[x as usize];
        let start = self.nodes.len();
        if node.child_count() > 0 {
            self.cursor.reset(node);
            if self.cursor.goto_first_child() {
                loop {
                    let field = self.cursor.field_id().map_or(0, |f| f.get());
                    let child = self.cursor.node();
                    self.push(child, field);
                    if !self.cursor.goto_next_sibling() {
                        break;
                    }
                }
            }
        }
        let kids = Kids {
            start: start as Ix,
            len: (self.nodes.len() - start) as u32,
        };
        let meta = &mut self.meta[x as usize];
        meta.kids = kids.start;
        meta.count = kids.len;
        kids
    }
}
