//! The ids of the syntax fields extraction reads for every match, resolved
//! once per file: `child_by_field_name` looks a field's id up by name (a
//! string comparison per field of the grammar) on every call.

use tree_sitter::Language;

/// Field ids of one grammar; 0 where the grammar has no such field (no
/// child has it, as `child_by_field_name` finds).
pub(super) struct Fields {
    pub name: u16,
    pub left: u16,
    pub right: u16,
    pub value: u16,
    /// PHP's parameter and property default (`string $disk = 'icons'`).
    pub default_value: u16,
    pub condition: u16,
    pub consequence: u16,
    /// PHP's branch of an `if` (other grammars: `consequence`).
    pub body: u16,
}

impl Fields {
    pub fn new(language: &Language) -> Self {
        let id = |name: &str| language.field_id_for_name(name).map_or(0, |id| id.get());
        Fields {
            name: id("name"),
            left: id("left"),
            right: id("right"),
            value: id("value"),
            default_value: id("default_value"),
            condition: id("condition"),
            consequence: id("consequence"),
            body: id("body"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Fields;
    use tree_sitter::Language;

    #[test]
    fn ids_find_the_children_names_find() {
        let lang: Language = tree_sitter_go::LANGUAGE.into();
        let mut parser = tree_sitter::Parser::new();
        parser.set_language(&lang).unwrap();
        let source = "package p\nfunc f() { if ok { x = 1 } }\n";
        let tree = parser.parse(source, None).unwrap();
        let fields = Fields::new(&lang);
        let at = source.find("x =").unwrap();
        let assignment = tree
            .root_node()
            .descendant_for_byte_range(at, at + 5)
            .unwrap();
        assert_eq!(assignment.kind(), "assignment_statement");
        assert_eq!(
            assignment.child_by_field_id(fields.left),
            assignment.child_by_field_name("left")
        );
        assert!(assignment.child_by_field_id(fields.left).is_some());
        assert_eq!(assignment.child_by_field_id(fields.name), None);
        let if_statement = std::iter::successors(assignment.parent(), |n| n.parent())
            .find(|n| n.kind() == "if_statement")
            .unwrap();
        assert!(if_statement.child_by_field_id(fields.consequence).is_some());
        assert_eq!(
            if_statement.child_by_field_id(fields.consequence),
            if_statement.child_by_field_name("consequence")
        );
    }
}
