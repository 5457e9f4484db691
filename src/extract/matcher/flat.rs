//! A tree as the matcher reads it: each node's kind, field, flags, parent
//! and children asked of tree-sitter once, on first need, and kept in flat
//! arrays (a node's children side by side), so that a node test is a read
//! of an array, not a call into tree-sitter, and no node's children are
//! listed twice (the walk and every pattern share one listing). A listed
//! node also keeps the fields and kinds its children carry as bits
//! (`Masks`), which tell at once that a pattern or guard needing a child
//! the node lacks cannot pass there.

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
    /// The node that listed it (`NO_PARENT` for the root).
    parent: Ix,
    /// Once its children are listed, what they carry.
    masks: Masks,
}

/// What a node's children carry, as bits: bit `f` of `fields` set when
/// one of them has field `f` (fields under 64; a higher one is looked for
/// child by child), bit `k % 64` of `kinds` when one has kind `k`. A clear
/// bit rules a field or kind out; a set one only lets it be.
#[derive(Clone, Copy, Default, PartialEq, Debug)]
pub struct Masks {
    pub fields: u64,
    pub kinds: u64,
}

impl Masks {
    /// The bit of field `field` (none for a field of 64 or more).
    pub fn field_bit(field: u16) -> u64 {
        1u64.checked_shl(field.into()).unwrap_or(0)
    }

    /// The bit of kind `kind`.
    pub fn kind_bit(kind: u16) -> u64 {
        1u64 << (kind % 64)
    }

    /// Whether every bit of `need` is set here.
    pub fn cover(self, need: Masks) -> bool {
        self.fields & need.fields == need.fields && self.kinds & need.kinds == need.kinds
    }
}

/// `Meta::count` of a node whose children are not listed yet.
const UNLISTED: u32 = u32::MAX;

/// `Meta::parent` of the root.
const NO_PARENT: Ix = Ix::MAX;

/// tree-sitter's kind id of an error node (`ts_builtin_sym_error`).
const ERROR_KIND: u16 = u16::MAX;

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
pub struct Flat<'t, 'g> {
    nodes: Vec<Node<'t>>,
    meta: Vec<Meta>,
    cursor: TreeCursor<'t>,
    /// Per kind id, whether the kind is named (the grammar's table, read
    /// once per query rather than asked of each node).
    named: &'g [bool],
}

impl<'t, 'g> Flat<'t, 'g> {
    pub fn new(root: Node<'t>, named: &'g [bool]) -> Self {
        // Every node is listed by the end of a walk: room for all at once.
        let room = root.descendant_count();
        let mut flat = Flat {
            nodes: Vec::with_capacity(room),
            meta: Vec::with_capacity(room),
            cursor: root.walk(),
            named,
        };
        flat.push(root, 0, NO_PARENT);
        flat
    }

    /// Adds `node`, returning its kind.
    #[inline]
    fn push(&mut self, node: Node<'t>, field: u16, parent: Ix) -> u16 {
        let kind = node.kind_id();
        let error = kind == ERROR_KIND;
        self.nodes.push(node);
        self.meta.push(Meta {
            kind,
            field,
            named: error || self.named.get(kind as usize).copied().unwrap_or(false),
            error,
            kids: 0,
            count: UNLISTED,
            parent,
            masks: Masks::default(),
        });
        kind
    }

    pub fn node(&self, x: Ix) -> Node<'t> {
        self.nodes[x as usize]
    }

    pub fn meta(&self, x: Ix) -> &Meta {
        &self.meta[x as usize]
    }

    /// Whether `x`'s parent, its parent's parent… have the kinds of
    /// `kinds` (the parent's first); false past the root.
    pub fn enclosed_by(&self, x: Ix, kinds: &[u16]) -> bool {
        let mut at = x;
        kinds.iter().all(|&kind| {
            at = self.meta[at as usize].parent;
            at != NO_PARENT && self.meta[at as usize].kind == kind
        })
    }

    /// Whether a named sibling comes after `x` (never for the root).
    pub fn later_named(&mut self, x: Ix) -> bool {
        let parent = self.meta[x as usize].parent;
        if parent == NO_PARENT {
            return false;
        }
        let kids = self.kids(parent);
        (x + 1..kids.start + kids.len).any(|y| self.meta[y as usize].named)
    }

    /// Whether one of `x`'s children has field `field`.
    pub fn has_field(&mut self, x: Ix, field: u16) -> bool {
        let kids = self.kids(x);
        match Masks::field_bit(field) {
            0 => (0..kids.len).any(|j| self.meta[kids.at(j) as usize].field == field),
            bit => self.meta[x as usize].masks.fields & bit != 0,
        }
    }

    /// What `x`'s children carry (`Masks`), listed now if they are not yet.
    pub fn masks(&mut self, x: Ix) -> Masks {
        self.kids(x);
        self.meta[x as usize].masks
    }

    /// The children of `x`, listed now if they are not yet.
    #[inline]
    pub fn kids(&mut self, x: Ix) -> Kids {
        let meta = &self.meta[x as usize];
        if meta.count != UNLISTED {
            return Kids {
                start: meta.kids,
                len: meta.count,
            };
        }
        self.list(x)
    }

    /// Lists the children of `x`, not listed yet (apart from `kids`,
    /// which most often finds them listed, so that its check is inlined).
    #[inline(never)]
    fn list(&mut self, x: Ix) -> Kids {
        let node = self.nodes[x as usize];
        let start = self.nodes.len();
        let mut masks = Masks::default();
        if node.child_count() > 0 {
            self.cursor.reset(node);
            if self.cursor.goto_first_child() {
                loop {
                    let field = self.cursor.field_id().map_or(0, |f| f.get());
                    let kind = self.push(self.cursor.node(), field, x);
                    masks.fields |= Masks::field_bit(field);
                    masks.kinds |= Masks::kind_bit(kind);
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
        meta.masks = masks;
        kids
    }
}
