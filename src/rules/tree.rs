//! A syntax tree as rule authors read it (`carve rules tree`): one named
//! node per line, indented by depth, with its field name, its span
//! (`row:col`, zero-based as in queries' `#match?` positions and
//! tree-sitter's playground) and, for a leaf, its text.

use tree_sitter::{Node, TreeCursor};

/// Leaf text longer than this is cut with `…`.
const MAX_LEAF_TEXT: usize = 60;

/// The tree under `root`, one named node per line.
pub fn render(root: Node, source: &str) -> String {
    let mut out = String::new();
    let mut cursor = root.walk();
    let mut depth = 0usize;
    loop {
        write_node(&mut out, &cursor, depth, source);
        // Depth-first over named nodes only; anonymous tokens (`(`, `def`)
        // are not written, as in `Node::to_sexp`.
        if cursor.goto_first_child() {
            depth += 1;
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if depth == 0 || !cursor.goto_parent() {
                return out;
            }
            depth -= 1;
        }
    }
}

fn write_node(out: &mut String, cursor: &TreeCursor, depth: usize, source: &str) {
    let node = cursor.node();
    if !node.is_named() && !node.is_missing() {
        return;
    }
    let depth = depth.min(200);
    out.push_str(&"  ".repeat(depth));
    if let Some(field) = cursor.field_name() {
        out.push_str(field);
        out.push_str(": ");
    }
    let (start, end) = (node.start_position(), node.end_position());
    let kind = if node.is_missing() {
        format!("MISSING {}", node.kind())
    } else {
        node.kind().to_string()
    };
    out.push_str(&format!(
        "({kind} [{}:{} - {}:{}]",
        start.row, start.column, end.row, end.column
    ));
    if node.named_child_count() == 0 {
        if let Some(text) = source.get(node.byte_range()) {
            out.push(' ');
            out.push_str(&leaf_text(text));
        }
    }
    out.push_str(")\n");
}

/// A leaf's text, quoted, escaped and cut to a line.
fn leaf_text(text: &str) -> String {
    let mut cut: String = text.chars().take(MAX_LEAF_TEXT).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    format!("{cut:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree_of(source: &str) -> String {
        let mut parser = tree_sitter::Parser::new();
        let lang: tree_sitter::Language = tree_sitter_python::LANGUAGE.into();
        parser.set_language(&lang).unwrap();
        let tree = parser.parse(source, None).unwrap();
        render(tree.root_node(), source)
    }

    #[test]
    fn one_named_node_per_line_with_fields_spans_and_leaf_text() {
        let text = tree_of("x = f('a')\n");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "(module [0:0 - 1:0])");
        assert!(
            lines.contains(&"      left: (identifier [0:0 - 0:1] \"x\")"),
            "{text}"
        );
        assert!(
            lines.contains(&"        function: (identifier [0:4 - 0:5] \"f\")"),
            "{text}"
        );
        // Anonymous tokens are left out.
        assert!(!text.contains("\"=\""), "{text}");
    }

    #[test]
    fn missing_nodes_are_named_and_long_leaves_cut() {
        let long = "a".repeat(100);
        let text = tree_of(&format!("f({long}\n"));
        assert!(text.contains('…'), "{text}");
        assert!(text.contains("ERROR") || text.contains("MISSING"), "{text}");
    }
}
