//! Classes of node kinds, by kind id, found once per grammar: the tests on
//! a kind's name (a function? an assignment? a loop?) that extraction asks
//! of every ancestor of every match were a handful of substring searches
//! each, a sixth of a Go file's extraction; here they are one table look-up.
//! The tests themselves stay where they mean something (`lazy_init`,
//! `branches`, `loops`) and are what fills the table.

use crate::lang::Lang;
use std::sync::OnceLock;
use tree_sitter::Node;

/// A test on a kind's name.
type NameTest = fn(&str) -> bool;

/// One class of kinds: a bit of a kind's entry.
#[derive(Clone, Copy)]
pub(super) struct Class(u16);

impl Class {
    /// A function, method, lambda or closure (`lazy_init::is_function`).
    pub const FUNCTION: Class = Class(1);
    /// Where the search for an enclosing `if` stops (`branches`).
    pub const BRANCH_END: Class = Class(2);
    /// An assignment (`assignment`, `assignment_expression`, …).
    pub const ASSIGNMENT: Class = Class(4);
    /// A loop statement (`loops::is_loop`).
    pub const LOOP: Class = Class(8);
    /// A conditional (`branches::is_conditional`).
    pub const CONDITIONAL: Class = Class(16);
    /// Where a node's own function ends, looking up (`loops`): a function
    /// that is not an invocation.
    pub const OWN_FUNCTION_END: Class = Class(32);
    /// An `if` statement (`if_statement`).
    pub const IF: Class = Class(64);
    /// An `if` statement or an `elif` clause: a condition with a branch of
    /// its own (`branches`).
    pub const IF_OR_ELIF: Class = Class(128);
    /// An operation on its operands, whose `left` is read, not bound
    /// (`values::is_operation`).
    pub const OPERATION: Class = Class(256);
    /// Kotlin's `val name = value` (`property_declaration`).
    pub const PROPERTY_DECLARATION: Class = Class(512);

    const ALL: [(Class, NameTest); 10] = [
        (Class::FUNCTION, super::lazy_init::is_function),
        (Class::BRANCH_END, super::branches::ends_branch_search),
        (Class::ASSIGNMENT, |kind| kind.starts_with("assignment")),
        (Class::LOOP, super::loops::is_loop),
        (Class::CONDITIONAL, super::branches::is_conditional),
        (Class::OWN_FUNCTION_END, super::loops::ends_own_function),
        (Class::IF, |kind| kind == "if_statement"),
        (Class::IF_OR_ELIF, |kind| {
            matches!(kind, "if_statement" | "elif_clause")
        }),
        (Class::OPERATION, super::values::is_operation),
        (Class::PROPERTY_DECLARATION, |kind| {
            kind == "property_declaration"
        }),
    ];
}

/// The classes of each kind id of one grammar.
pub(super) struct KindClasses {
    by_id: Vec<u16>,
}

impl KindClasses {
    /// The table of `lang`'s grammar, built on first use.
    pub fn of(lang: Lang) -> &'static KindClasses {
        static TABLES: OnceLock<Vec<OnceLock<KindClasses>>> = OnceLock::new();
        let tables = TABLES.get_or_init(|| Lang::all().map(|_| OnceLock::new()).collect());
        let slot = Lang::all()
            .position(|l| l == lang)
            .and_then(|i| tables.get(i));
        match slot {
            Some(slot) => slot.get_or_init(|| KindClasses::new(&lang.grammar())),
            None => {
                static EMPTY: KindClasses = KindClasses { by_id: Vec::new() };
                &EMPTY
            }
        }
    }

    fn new(grammar: &tree_sitter::Language) -> Self {
        let by_id = (0..grammar.node_kind_count())
            .map(|id| {
                grammar
                    .node_kind_for_id(id as u16)
                    .map_or(0, classes_of_name)
            })
            .collect();
        KindClasses { by_id }
    }

    /// Whether `node`'s kind is of `class` (a kind outside the table, such
    /// as `ERROR`, is tested by name).
    pub fn is(&self, node: Node, class: Class) -> bool {
        let bits = match self.by_id.get(node.kind_id() as usize) {
            Some(&bits) => bits,
            None => classes_of_name(node.kind()),
        };
        bits & class.0 != 0
    }

    /// The named nodes of `node` outside the functions nested in it, in
    /// order, `node` first; a node `enter` refuses is left out with all
    /// it holds.
    pub fn own_nodes<'t>(
        &self,
        node: Node<'t>,
        mut enter: impl FnMut(Node<'t>) -> bool,
    ) -> Vec<Node<'t>> {
        let mut out = Vec::new();
        let mut stack = vec![node];
        let mut cursor = node.walk();
        while let Some(n) = stack.pop() {
            if (n != node && self.is(n, Class::FUNCTION)) || !enter(n) {
                continue;
            }
            out.push(n);
            let from = stack.len();
            stack.extend(n.named_children(&mut cursor));
            stack[from..].reverse();
        }
        out
    }
}

fn classes_of_name(kind: &str) -> u16 {
    Class::ALL
        .iter()
        .filter(|(_, test)| test(kind))
        .fold(0, |bits, (class, _)| bits | class.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every node of a parsed file gets, by id, the classes its kind's name
    /// gets (aliased and anonymous nodes included).
    #[test]
    fn the_table_agrees_with_the_tests_on_names() {
        let cases = [
            ("python", "def f():\n    for x in y:\n        if x:\n            a = lambda: 1\n"),
            ("javascript", "const f = () => { while (x) { if (!y) y = new Y(); } };\nclass A { m() { return a ? b : c; } }"),
            ("go", "package p\nfunc (h *H) f() { for { switch x { case 1: y = func() {} } } }\n"),
            ("ruby", "class A\n  def m\n    @x ||= 1 unless y\n    until z do end\n  end\nend\n"),
        ];
        for (name, source) in cases {
            let lang = Lang::by_name(name).unwrap();
            let mut parser = tree_sitter::Parser::new();
            parser.set_language(&lang.grammar()).unwrap();
            let tree = parser.parse(source, None).unwrap();
            let table = KindClasses::of(lang);
            let mut cursor = tree.root_node().walk();
            let mut seen = 0;
            loop {
                let node = cursor.node();
                for (class, test) in Class::ALL {
                    assert_eq!(
                        table.is(node, class),
                        test(node.kind()),
                        "{name}: {}",
                        node.kind()
                    );
                    seen += usize::from(test(node.kind()));
                }
                if cursor.goto_first_child() {
                    continue;
                }
                while !cursor.goto_next_sibling() {
                    if !cursor.goto_parent() {
                        break;
                    }
                }
                if cursor.node() == tree.root_node() {
                    break;
                }
            }
            assert!(seen > 3, "{name}: too few classed nodes to test");
        }
    }
}
