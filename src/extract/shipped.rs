//! Data shipped with the code: a hit that opens a file the repository
//! holds (`sqlite3.connect(BASE_DIR / "search.db")`) in a function that
//! writes nothing (the rule's `unless_shipped_read` regex finds no write)
//! only reads what every instance deploys. Extraction keeps the file's
//! name on the hit; after discovery, the hits whose file the scanned tree
//! has are dropped.

use super::facts::FileFacts;
use super::Extraction;
use crate::rules::ValueTest;
use std::collections::BTreeSet;
use tree_sitter::Node;

impl<'s> Extraction<'s> {
    /// The file `capture`'s last string literal names, when it is a
    /// relative path and the function holding `hit` does not match the
    /// test's regex (no write).
    pub(super) fn shipped_read(
        &self,
        root: Node<'s>,
        hit: Node<'s>,
        capture: Node<'s>,
        test: &ValueTest,
    ) -> Option<Box<str>> {
        let name = last_literal(self.text(capture))?;
        let function = self.enclosing_function(root, hit)?;
        let writes = test.regex()?.is_match(self.text(function));
        (!writes).then(|| name.into())
    }
}

/// The last quoted literal of `text`, when it reads as a path relative to
/// the code (no scheme, no absolute path, no interpolation, no `..`).
fn last_literal(text: &str) -> Option<&str> {
    let mut last = None;
    let mut rest = text;
    while let Some(open) = rest.find(['"', '\'']) {
        let quote = rest.as_bytes()[open] as char;
        let body = &rest[open + 1..];
        let close = body.find(quote)?;
        last = Some(&body[..close]);
        rest = &body[close + 1..];
    }
    let name = last?.trim_start_matches("./");
    let plain = !name.is_empty()
        && !name.starts_with('/')
        && !name.contains([':', '{', '}', '%', '\\', '\n'])
        && !name.split('/').any(|part| part == ".." || part.is_empty());
    plain.then_some(name)
}

/// Drops the hits that only read a file the scanned tree ships: `tree`
/// holds the paths of the tree's files (relative to the root), and the
/// file is looked for beside the hit's file and in each folder above it.
pub fn drop_shipped_reads(facts: &mut [FileFacts], tree: &BTreeSet<&str>) {
    for file in facts {
        if file.hits.iter().all(|h| h.shipped().is_none()) {
            continue;
        }
        let folders: Vec<&str> = std::iter::successors(Some(file.path.as_str()), |p| {
            (!p.is_empty()).then(|| p.rfind('/').map_or("", |i| &p[..i]))
        })
        .skip(1)
        .collect();
        file.hits.retain(|hit| {
            let Some(name) = hit.shipped() else {
                return true;
            };
            !folders.iter().any(|folder| {
                let path = if folder.is_empty() {
                    name.to_string()
                } else {
                    format!("{folder}/{name}")
                };
                tree.contains(path.as_str())
            })
        });
    }
}

#[cfg(test)]
mod tests {
    use super::last_literal;

    #[test]
    fn the_last_literal_is_a_relative_path_or_nothing() {
        assert_eq!(
            last_literal(r#"settings.BASE_DIR / "search.db""#),
            Some("search.db")
        );
        assert_eq!(
            last_literal("os.path.join(HERE, 'data', './ref.sqlite')"),
            Some("ref.sqlite")
        );
        assert_eq!(last_literal("'/var/lib/app/audit.db'"), None);
        assert_eq!(last_literal("'sqlite:///app.db'"), None);
        assert_eq!(last_literal("f'{user}.db'"), None);
        assert_eq!(last_literal("'../shared/x.db'"), None);
        assert_eq!(last_literal("DB_PATH"), None);
    }
}
