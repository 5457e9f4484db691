//! Each def's node in the call graph. Link numbers a file's def nodes one
//! after the other, so a file's first node and its count of defs stand for
//! every def's node: 8 bytes a file instead of a list a file and 8 bytes a def.

use petgraph::graph::NodeIndex;

/// Per file, (first def node, count of defs).
#[derive(Debug, Default)]
pub struct DefNodes(Vec<(u32, u32)>);

impl DefNodes {
    pub fn with_capacity(files: usize) -> DefNodes {
        DefNodes(Vec::with_capacity(files))
    }

    /// The next file's defs: `count` nodes numbered from `first` on.
    pub fn push(&mut self, first: NodeIndex, count: usize) {
        let index = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        self.0.push((index(first.index()), index(count)));
    }

    /// The node of def `def` of file `file` (None: no such def).
    pub fn get(&self, file: usize, def: usize) -> Option<NodeIndex> {
        let &(first, count) = self.0.get(file)?;
        let def = u32::try_from(def).ok().filter(|&d| d < count)?;
        Some(NodeIndex::new(first.checked_add(def)? as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_def_node_is_its_files_first_plus_its_index() {
        let mut nodes = DefNodes::with_capacity(3);
        nodes.push(NodeIndex::new(1), 2);
        nodes.push(NodeIndex::new(4), 0);
        nodes.push(NodeIndex::new(5), 3);
        assert_eq!(nodes.get(0, 1), Some(NodeIndex::new(2)));
        assert_eq!(nodes.get(2, 0), Some(NodeIndex::new(5)));
        assert_eq!(nodes.get(2, 2), Some(NodeIndex::new(7)));
        assert_eq!(
            (nodes.get(1, 0), nodes.get(2, 3), nodes.get(3, 0)),
            (None, None, None)
        );
    }
}
