//! Source text helpers: byte offsets to line/column, string literal values.

use super::facts::Pos;
use tree_sitter::Node;

/// Byte offset of each line start, for offset → (line, column).
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and character column of `byte`.
    pub fn pos(&self, source: &str, byte: usize) -> Pos {
        let line = self.starts.partition_point(|&s| s <= byte).max(1);
        let start = self.starts[line - 1];
        let column = source
            .get(start..byte.min(source.len()))
            .map_or(0, |prefix| prefix.chars().count());
        Pos {
            line: line as u32,
            column: column as u32 + 1,
        }
    }
}

/// The value of a string literal as written: prefixes (`r`, `f`, `b`, C#'s
/// `@` and `$`) and quotes removed, escapes kept; a symbol's name (Ruby's
/// `:users`, `:"x-y"`). Non-strings come back unchanged.
pub fn unquote(text: &str) -> &str {
    if let Some(symbol) = text.strip_prefix(':').filter(|s| !s.starts_with(':')) {
        return unquote(symbol);
    }
    let body = text.trim_start_matches(['r', 'R', 'b', 'B', 'u', 'U', 'f', 'F', '@', '$']);
    for quote in ["\"\"\"", "'''", "\"", "'", "`"] {
        if body.len() >= 2 * quote.len() && body.starts_with(quote) && body.ends_with(quote) {
            return &body[quote.len()..body.len() - quote.len()];
        }
    }
    text
}

/// The string literals directly inside `node` (a list or array of method
/// names), or the node itself when it is a string.
pub fn string_values(node: Node, source: &str) -> Vec<String> {
    let text = |n: Node| source.get(n.byte_range()).unwrap_or("");
    if node.kind().contains("string") {
        return vec![unquote(text(node)).to_string()];
    }
    let mut cursor = node.walk();
    node.named_children(&mut cursor)
        .map(unwrap_element)
        .filter(|c| c.kind().contains("string"))
        .map(|c| unquote(text(c)).to_string())
        .collect()
}

/// The names a list holds (`[:show, :edit]`, `%i[show edit]`, `['a', 'b']`),
/// or the one name a symbol or string is.
pub fn names_in(node: Node, source: &str) -> Vec<String> {
    let text = |n: Node| source.get(n.byte_range()).unwrap_or("");
    let is_name = |n: Node| {
        let kind = n.kind();
        kind.contains("string") || kind.contains("symbol")
    };
    if is_name(node) && !node.kind().ends_with("array") {
        return vec![unquote(text(node)).to_string()];
    }
    let mut cursor = node.walk();
    node.named_children(&mut cursor)
        .map(unwrap_element)
        .filter(|c| is_name(*c))
        .map(|c| unquote(text(c)).to_string())
        .collect()
}

/// The keyword options of an argument list or hash (`controllers: {
/// sessions: :sessions }, skip: [:registrations]`): each key with its value
/// unquoted (a list's names joined by `,`), nested hashes flattened with a
/// dot (`controllers.sessions` = `sessions`).
pub fn keyword_options(node: Node, source: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    collect_options(node, source, "", &mut out);
    out
}

fn collect_options(node: Node, source: &str, under: &str, out: &mut Vec<(String, String)>) {
    let text = |n: Node| source.get(n.byte_range()).unwrap_or("");
    let mut cursor = node.walk();
    for pair in node
        .named_children(&mut cursor)
        .filter(|n| n.kind() == "pair")
    {
        let (Some(key), Some(value)) = (
            pair.child_by_field_name("key"),
            pair.child_by_field_name("value"),
        ) else {
            continue;
        };
        let key = unquote(text(key).trim_end_matches(':'));
        let key = if under.is_empty() {
            key.to_string()
        } else {
            format!("{under}.{key}")
        };
        if value.kind() == "hash" {
            collect_options(value, source, &key, out);
            continue;
        }
        let names = names_in(value, source);
        let value = if names.is_empty() {
            text(value).to_string()
        } else {
            names.join(",")
        };
        out.push((key, value));
    }
}

/// A list element wrapping one value (PHP's `array_element_initializer`):
/// the value.
fn unwrap_element(node: Node) -> Node {
    match node.named_child(0) {
        Some(inner) if node.named_child_count() == 1 && !node.kind().contains("string") => inner,
        _ => node,
    }
}

/// A name through a template of a grammar's query: `{}` is the name as
/// written, `{camel}` camelized with folders as `::` namespaces
/// (`admin/user_roles` → `Admin::UserRoles`), `{camels}` the same made
/// plural, `{camel_singular}` camelized singular (`peas` → `Pea`),
/// `{singular}` its singular (`users_controller`).
pub fn apply_template(template: &str, name: &str) -> String {
    template
        .replace("{camels}", &camelize(&plural(name)))
        .replace("{camel_singular}", &camelize(&singular(name)))
        .replace("{camel}", &camelize(name))
        .replace("{singular}", &singular(name))
        .replace("{}", name)
}

/// `users_controller` → `UsersController`, `admin/users` → `Admin::Users`.
pub fn camelize(snake: &str) -> String {
    snake
        .split('/')
        .map(|segment| {
            segment
                .split('_')
                .map(|word| {
                    let mut chars = word.chars();
                    match chars.next() {
                        Some(first) => first.to_uppercase().chain(chars).collect(),
                        None => String::new(),
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("::")
}

/// The singular of an English resource name, as frameworks derive a
/// parameter from it (`photos` → `photo`, `categories` → `category`,
/// `boxes` → `box`, `admin/photos` → `photo`).
pub fn singular(word: &str) -> String {
    let last = word.rsplit('/').next().unwrap_or(word);
    if let Some(stem) = last.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["sses", "ches", "shes", "xes", "zzes"] {
        if last.ends_with(suffix) {
            return last[..last.len() - 2].to_string();
        }
    }
    match last.strip_suffix('s') {
        Some(stem) if !last.ends_with("ss") && !last.ends_with("us") && !stem.is_empty() => {
            stem.to_string()
        }
        _ => last.to_string(),
    }
}

/// The plural of an English noun (`profile` → `profiles`, `category` →
/// `categories`), as Rails names a singular resource's controller.
fn plural(word: &str) -> String {
    let consonant_y = word
        .strip_suffix('y')
        .filter(|stem| stem.chars().last().is_some_and(|c| !"aeiou".contains(c)));
    match consonant_y {
        Some(stem) => format!("{stem}ies"),
        None if ["s", "x", "z", "ch", "sh"]
            .iter()
            .any(|e| word.ends_with(e)) =>
        {
            format!("{word}es")
        }
        None => format!("{word}s"),
    }
}

/// `text` with each backslash dropped and the character after it kept as is.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescape_keeps_the_character_after_each_backslash() {
        assert_eq!(unescape(r"/\.redirects\.gollum"), "/.redirects.gollum");
        assert_eq!(unescape(r"/a\\b/"), r"/a\b/");
        assert_eq!(unescape("/plain/:id"), "/plain/:id");
    }

    #[test]
    fn unquote_strips_prefixes_and_quotes() {
        assert_eq!(unquote("'/x'"), "/x");
        assert_eq!(unquote("r'^a/$'"), "^a/$");
        assert_eq!(unquote("\"\"\"doc\"\"\""), "doc");
        assert_eq!(unquote("`/t/${id}`"), "/t/${id}");
        assert_eq!(unquote("router"), "router");
        assert_eq!(unquote("@\"api/[controller]\""), "api/[controller]");
        assert_eq!(unquote("$\"{Base}/x\""), "{Base}/x");
        assert_eq!(unquote("'"), "'");
        assert_eq!(unquote(":users"), "users");
        assert_eq!(unquote(":\"x-y\""), "x-y");
        assert_eq!(unquote("::Foo"), "::Foo");
    }

    #[test]
    fn templates_name_classes() {
        assert_eq!(
            apply_template("{camel}Controller", "admin/user_roles"),
            "Admin::UserRolesController"
        );
        assert_eq!(
            apply_template("{camels}Controller", "profile"),
            "ProfilesController"
        );
        assert_eq!(apply_template("{camels}", "category"), "Categories");
        assert_eq!(
            apply_template("{}/:{singular}_id", "boxes"),
            "boxes/:box_id"
        );
        assert_eq!(singular("addresses"), "address");
        assert_eq!(singular("access"), "access");
    }

    #[test]
    fn positions_count_characters() {
        let src = "ab\né x\n";
        let index = LineIndex::new(src);
        assert_eq!(index.pos(src, 0), Pos { line: 1, column: 1 });
        let x = src.find('x').unwrap();
        assert_eq!(index.pos(src, x), Pos { line: 2, column: 3 });
    }
}
