//! What a member of the enclosing object holds, for value tests: PHP's
//! `$this->disk` (what the class's constructor assigns it, else the
//! property's default, else the first other assignment: a setter's
//! `$this->disk = $name` with `string $name = 'icons'`), `$this->disk()`
//! (what the method returns first) and `self::DISK` / `static::DISK`
//! (the constant's value).

use super::Extraction;
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
        let text = |n: Node<'s>| self.text(n);
        // In the constructor, the property's default, another method.
        let (mut constructed, mut default, mut assigned) = (None, None, None);
        let mut stack = vec![(class, false)];
        while let Some((n, in_constructor)) = stack.pop() {
            if n != class && is_class(&n) {
                continue;
            }
            match (member, n.kind()) {
                (Member::Property(name), "property_element") => {
                    let named = n
                        .child_by_field_id(self.fields.name)
                        .is_some_and(|v| text(v).strip_prefix('$') == Some(name));
                    if named && default.is_none() {
                        default = n.child_by_field_id(self.fields.default_value);
                    }
                }
                (Member::Property(name), "assignment_expression") => {
                    let target = n
                        .child_by_field_id(self.fields.left)
                        .and_then(|l| self_member(l, self.source));
                    if target == Some(Member::Property(name)) {
                        let value = n.child_by_field_id(self.fields.right);
                        if in_constructor && constructed.is_none() {
                            constructed = value;
                        } else if assigned.is_none() {
                            assigned = value;
                        }
                    }
                }
                (Member::Method(name), "method_declaration") => {
                    let named = n
                        .child_by_field_id(self.fields.name)
                        .is_some_and(|v| text(v) == name);
                    if named {
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
                        return n.named_child(count.try_into().ok()?);
                    }
                }
                _ => {}
            }
            let constructor = in_constructor
                || (n.kind() == "method_declaration"
                    && n.child_by_field_id(self.fields.name)
                        .is_some_and(|v| text(v) == "__construct"));
            let mut cursor = n.walk();
            let children: Vec<Node<'s>> = n.named_children(&mut cursor).collect();
            stack.extend(children.into_iter().rev().map(|c| (c, constructor)));
        }
        constructed.or(default).or(assigned)
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
