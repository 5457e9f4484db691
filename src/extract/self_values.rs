//! What a member of the enclosing object holds, for value tests: PHP's
//! `$this->disk` (what the class's constructor assigns it, else the
//! property's default, else the first other assignment: a setter's
//! `$this->disk = $name` with `string $name = 'icons'`), `$this->disk()`
//! (what the method returns first) and `self::DISK` / `static::DISK`
//! (the constant's value).

use super::Extraction;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use tree_sitter::Node;

/// A member of the enclosing object or class, by kind and name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Member<'t> {
    Property(&'t str),
    Method(&'t str),
    Constant(&'t str),
}

/// The member `node` names on the object or class that runs it, if any.
fn self_member<'t>(node: Node<'t>, source: &'t str) -> Option<Member<'t>> {
    let text = |n: Node<'t>| source.get(n.byte_range()).unwrap_or_default();
    match node.kind() {
        "member_access_expression" | "member_call_expression" => {
            let object = node.child_by_field_name("object")?;
            let name = node.child_by_field_name("name")?;
            if object.kind() != "variable_name" || text(object) != "$this" || name.kind() != "name"
            {
                return None;
            }
            Some(if node.kind() == "member_call_expression" {
                Member::Method(text(name))
            } else {
                Member::Property(text(name))
            })
        }
        "class_constant_access_expression" => {
            let scope = node.named_child(0)?;
            let name = node.named_child(1)?;
            (matches!(text(scope), "self" | "static") && name.kind() == "name")
                .then(|| Member::Constant(text(name)))
        }
        _ => None,
    }
}

/// Whether `node` names a member of the enclosing object or class.
pub(super) fn is_self_member(node: Node, source: &str) -> bool {
    self_member(node, source).is_some()
}

/// A class-like declaration: its members are `$this`'s.
fn is_class(node: &Node) -> bool {
    matches!(
        node.kind(),
        "class_declaration" | "trait_declaration" | "enum_declaration"
    )
}

/// A function of its own within a method (a closure): its `return` is not
/// the method's.
fn is_nested_function(node: &Node) -> bool {
    matches!(node.kind(), "anonymous_function" | "arrow_function")
}

/// Per class (its node's id), what its members hold: found in one walk of
/// the class at the first member asked about (each `$this->…` of each
/// value test walked the whole class).
#[derive(Default)]
pub(super) struct ClassMembers<'t>(RefCell<FxHashMap<usize, Members<'t>>>);

/// What the members of a class hold, by name.
#[derive(Default)]
pub(super) struct Members<'t> {
    properties: FxHashMap<&'t str, Property<'t>>,
    /// What the method returns first.
    methods: FxHashMap<&'t str, Option<Node<'t>>>,
    constants: FxHashMap<&'t str, Option<Node<'t>>>,
}

/// A property's first value in the constructor, its default and its first
/// other assignment.
#[derive(Default)]
struct Property<'t> {
    constructed: Option<Node<'t>>,
    default: Option<Node<'t>>,
    assigned: Option<Node<'t>>,
}

impl<'s> Extraction<'s> {
    /// What the member `node` names holds (see the module comment), or None
    /// when `node` names no member of its class or the class gives it no
    /// value.
    pub(super) fn self_member_value(&self, root: Node<'s>, node: Node<'s>) -> Option<Node<'s>> {
        let member = self_member(node, self.source)?;
        let class = self
            .ancestors(root, node)
            .into_iter()
            .find(|n| is_class(n))?;
        let mut classes = self.class_members.0.borrow_mut();
        let members = classes
            .entry(class.id())
            .or_insert_with(|| self.members_of(class));
        match member {
            // In the constructor, the property's default, another method.
            Member::Property(name) => members
                .properties
                .get(name)
                .and_then(|p| p.constructed.or(p.default).or(p.assigned)),
            Member::Method(name) => members.methods.get(name).copied().flatten(),
            Member::Constant(name) => members.constants.get(name).copied().flatten(),
        }
    }

    /// What the members of `class` hold, in one walk of it (classes nested
    /// in it apart), each found where a walk for it alone found it first: a
    /// method among the methods not nested in another.
    fn members_of(&self, class: Node<'s>) -> Members<'s> {
        let text = |n: Node<'s>| self.text(n);
        let mut members = Members::default();
        // Each node with whether it is in the constructor, and in a method.
        let mut stack = vec![(class, false, false)];
        while let Some((n, in_constructor, in_method)) = stack.pop() {
            if n != class && is_class(&n) {
                continue;
            }
            let kind = n.kind();
            match kind {
                "property_element" => {
                    let name = n
                        .child_by_field_id(self.fields.name)
                        .and_then(|v| text(v).strip_prefix('$'));
                    if let Some(name) = name {
                        let property = members.properties.entry(name).or_default();
                        if property.default.is_none() {
                            property.default = n.child_by_field_id(self.fields.default_value);
                        }
                    }
                }
                "assignment_expression" => {
                    let target = n
                        .child_by_field_id(self.fields.left)
                        .and_then(|l| self_member(l, self.source));
                    if let Some(Member::Property(name)) = target {
                        let value = n.child_by_field_id(self.fields.right);
                        let property = members.properties.entry(name).or_default();
                        if in_constructor && property.constructed.is_none() {
                            property.constructed = value;
                        } else if property.assigned.is_none() {
                            property.assigned = value;
                        }
                    }
                }
                "method_declaration" if !in_method => {
                    if let Some(name) = n.child_by_field_id(self.fields.name) {
                        members.methods.entry(text(name)).or_insert_with(|| {
                            n.child_by_field_name("body")
                                .and_then(first_return)
                                .and_then(|r| r.named_child(0))
                        });
                    }
                }
                "const_element" => {
                    if let Some(name) = n.named_child(0) {
                        members.constants.entry(text(name)).or_insert_with(|| {
                            let count = n.named_child_count().checked_sub(1)?;
                            n.named_child(count.try_into().ok()?)
                        });
                    }
                }
                _ => {}
            }
            let method = kind == "method_declaration";
            let constructor = in_constructor
                || (method
                    && n.child_by_field_id(self.fields.name)
                        .is_some_and(|v| text(v) == "__construct"));
            let mut cursor = n.walk();
            let children: Vec<Node<'s>> = n.named_children(&mut cursor).collect();
            stack.extend(
                children
                    .into_iter()
                    .rev()
                    .map(|c| (c, constructor, in_method || method)),
            );
        }
        members
    }
}

/// The first `return` statement of a function body, closures apart.
fn first_return(body: Node) -> Option<Node> {
    let mut stack = vec![body];
    while let Some(n) = stack.pop() {
        if n.kind() == "return_statement" {
            return Some(n);
        }
        if is_nested_function(&n) || is_class(&n) {
            continue;
        }
        let mut cursor = n.walk();
        let children: Vec<Node> = n.named_children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::queries::CompiledQueries;
    use crate::lang::Lang;
    use crate::rules::RuleSet;

    /// What a member holds as found before the index: `class` walked for
    /// that member alone.
    fn walked<'t>(source: &'t str, class: Node<'t>, member: Member<'t>) -> Option<Node<'t>> {
        let text = |n: Node<'t>| &source[n.byte_range()];
        let (mut constructed, mut default, mut assigned) = (None, None, None);
        let mut stack = vec![(class, false)];
        while let Some((n, in_constructor)) = stack.pop() {
            if n != class && is_class(&n) {
                continue;
            }
            match (member, n.kind()) {
                (Member::Property(name), "property_element") => {
                    let named = n
                        .child_by_field_name("name")
                        .is_some_and(|v| text(v).strip_prefix('$') == Some(name));
                    if named && default.is_none() {
                        default = n.child_by_field_name("default_value");
                    }
                }
                (Member::Property(name), "assignment_expression") => {
                    let target = n
                        .child_by_field_name("left")
                        .and_then(|l| self_member(l, source));
                    if target == Some(Member::Property(name)) {
                        let value = n.child_by_field_name("right");
                        if in_constructor && constructed.is_none() {
                            constructed = value;
                        } else if assigned.is_none() {
                            assigned = value;
                        }
                    }
                }
                (Member::Method(name), "method_declaration") => {
                    if n.child_by_field_name("name")
                        .is_some_and(|v| text(v) == name)
                    {
                        return n
                            .child_by_field_name("body")
                            .and_then(first_return)
                            .and_then(|r| r.named_child(0));
                    }
                    continue;
                }
                (Member::Constant(name), "const_element") => {
                    let named = n.named_child(0).is_some_and(|v| text(v) == name);
                    if named {
                        let count = n.named_child_count().checked_sub(1)?;
                        return n.named_child(count as u32);
                    }
                }
                _ => {}
            }
            let constructor = in_constructor
                || (n.kind() == "method_declaration"
                    && n.child_by_field_name("name")
                        .is_some_and(|v| text(v) == "__construct"));
            let mut cursor = n.walk();
            let children: Vec<Node<'t>> = n.named_children(&mut cursor).collect();
            stack.extend(children.into_iter().rev().map(|c| (c, constructor)));
        }
        constructed.or(default).or(assigned)
    }

    #[test]
    fn the_index_finds_what_walking_the_class_for_each_member_found() {
        let rules = RuleSet::builtin().unwrap();
        let none = vec![false; rules.rules.len()];
        let php = Lang::by_name("php").unwrap();
        let mut files = vec![(
            "a.php".to_string(),
            "<?php\nclass A {\n  const X = 'x', Y = 'y';\n  protected $d = 'a', $e;\n  function __construct() { $this->d = 'b'; $this->e = f(); }\n  function m() { $this->d = 'c'; $o = new class { function n() { return 1; } }; return $this->e; }\n  function m() { return 2; }\n  function u() { return [$this->d, $this->e, $this->m(), $this->n(), self::X, static::Y, self::Z, $this->zz]; }\n}\n".to_string(),
        )];
        let mut folders = vec![
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples"),
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules"),
        ];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "php") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    files.push((path.display().to_string(), source));
                }
            }
        }
        let compiled =
            CompiledQueries::compile_active(&rules, &[php], &none, &|_, _| false, &|_| Vec::new())
                .unwrap();
        let queries = compiled.for_lang(php).unwrap();
        let mut parser = tree_sitter::Parser::new();
        parser.set_language(&php.grammar()).unwrap();
        let mut compared = 0;
        for (path, source) in &files {
            let tree = parser.parse(source, None).unwrap();
            let root = tree.root_node();
            let extraction = Extraction::new(path, php, source, queries, &rules);
            for node in crate::extract::all_nodes(root) {
                let Some(member) = self_member(node, source) else {
                    continue;
                };
                let class = std::iter::successors(node.parent(), |n| n.parent()).find(is_class);
                let expected = class.and_then(|class| walked(source, class, member));
                assert_eq!(
                    extraction.self_member_value(root, node),
                    expected,
                    "{path}: {node:?}"
                );
                compared += usize::from(expected.is_some());
            }
        }
        assert!(compared > 10, "{compared}");
    }
}
