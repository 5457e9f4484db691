//! The oracle: the native matches of every supported pattern equal the
//! query cursor's, match for match, on the samples, the rules' fixtures
//! and crafted cases.

use super::cost::{both_matches, scan_text};
use super::NativeQuery;
use crate::extract::queries::sample_sources as sources;
use crate::lang::Lang;
use crate::rules::RuleSet;
use std::collections::BTreeMap;
use tree_sitter::Query;

/// The differences between the cursor and the native matcher for the
/// patterns of `text` over `sources`, and (supported, total) patterns.
fn differences(lang: Lang, text: &str, sources: &[String]) -> (Vec<String>, usize, usize) {
    let grammar = lang.grammar();
    let query = Query::new(&grammar, text).unwrap();
    let native = NativeQuery::new(&grammar, &query, text, |_| true);
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&grammar).unwrap();
    let mut out: BTreeMap<usize, String> = BTreeMap::new();
    for source in sources {
        let tree = parser.parse(source, None).unwrap();
        let (expected, found) = both_matches(&query, &native, &tree, source);
        if expected == found {
            continue;
        }
        let missing: Vec<_> = expected.iter().filter(|m| !found.contains(m)).collect();
        let extra: Vec<_> = found.iter().filter(|m| !expected.contains(m)).collect();
        for m in missing.iter().chain(&extra).take(4) {
            let start = query.start_byte_for_pattern(m.0);
            out.entry(m.0).or_insert_with(|| {
                format!(
                    "{} pattern {}: {}\n  missing {:?}\n  extra {:?}\n  expected {} found {}\n  all expected {:?}",
                    lang.name(),
                    m.0,
                    text[start..].lines().next().unwrap_or_default(),
                    missing.iter().filter(|x| x.0 == m.0).take(3).collect::<Vec<_>>(),
                    extra.iter().filter(|x| x.0 == m.0).take(3).collect::<Vec<_>>(),
                    expected.iter().filter(|x| x.0 == m.0).count(),
                    found.iter().filter(|x| x.0 == m.0).count(),
                    expected.iter().filter(|x| x.0 == m.0).take(12).collect::<Vec<_>>(),
                )
            });
        }
    }
    let supported = (0..query.pattern_count())
        .filter(|&i| native.supports(i))
        .count();
    (
        out.into_values().collect(),
        supported,
        query.pattern_count(),
    )
}

#[test]
fn native_matches_equal_the_cursors_on_the_samples() {
    let rules = RuleSet::builtin().unwrap();
    let mut all = Vec::new();
    for lang in Lang::all() {
        let text = scan_text(lang, &rules, &vec![true; rules.rules.len()], &|_, _| true);
        let (diffs, supported, total) = differences(lang, &text, &sources(lang));
        eprintln!("{}: {supported}/{total} patterns supported", lang.name());
        all.extend(diffs);
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}

#[test]
fn crafted_shapes_match_as_the_cursor_does() {
    let source = r#"
def f(a, b, c=1, *args):
    x = g(a, b, h(c))
    y = g(a)
    g(b, b)
    # note
    return x

class K(A, B):
    def m(self): pass
    def n(self): pass

if a: pass
elif b: pass
elif c: pass
else: pass
"#
    .to_string();
    let patterns = [
        // Unanchored children: one match per way they can be picked.
        "(call arguments: (argument_list (identifier) @a (identifier) @b)) @call",
        "(argument_list (_) @x)",
        // Anchors: first, last, adjacent.
        "(argument_list . (identifier) @first)",
        "(argument_list (_) @last .)",
        "(argument_list (identifier) @l . (identifier) @r)",
        // Quantifiers.
        "(parameters (identifier)* @p)",
        "(parameters (identifier)+ @p (default_parameter)? @d)",
        "(if_statement (elif_clause)* @e (else_clause) @else)",
        "(if_statement (elif_clause)? @e)",
        "(block (expression_statement)* @s (return_statement) @r)",
        // Alternations, at the root and inside.
        "[(call) (assignment)] @node",
        "(assignment right: [(call function: (identifier) @f) (identifier) @i]) @a",
        // Nested unanchored children.
        "(function_definition body: (block (expression_statement (assignment (call (argument_list (call) @inner)))))) @fn",
        "(class_definition body: (block (function_definition name: (identifier) @m))) @class",
        // Captures on the root, two names on one node, negated fields.
        "(function_definition !return_type name: (identifier) @name @name2) @def",
        // Predicates: captures compared with captures, strings, regexes.
        "((call arguments: (argument_list (identifier) @a (identifier) @b)) @c (#eq? @a @b))",
        "((call arguments: (argument_list (identifier) @a (identifier) @b)) @c (#not-eq? @a @b))",
        "((call function: (identifier) @f) @c (#any-of? @f \"g\" \"h\"))",
        "((call function: (identifier) @f arguments: (argument_list (_)* @args)) (#match? @args \"^[ab]$\"))",
        "((call function: (identifier) @f arguments: (argument_list (_)* @args)) (#any-match? @args \"^b$\"))",
        // Anonymous nodes and wildcards.
        "(binary_operator \"+\" @op)",
        "(_ (comment) @c) @parent",
        "(assignment _ @any)",
        "(block . (expression_statement) @first-stmt)",
    ];
    let text: String = patterns.iter().map(|p| format!("{p}\n")).collect();
    let (diffs, supported, total) = differences(Lang::by_name("python").unwrap(), &text, &[source]);
    assert_eq!(supported, total, "every crafted shape is supported");
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

#[test]
fn a_top_level_alternation_starts_under_an_error_node() {
    // Anonymous block parameters and arguments (`&`) with unfinished code
    // after them parse as errors: the parameters sit under an error node.
    // Each branch of a top-level alternation is a rooted pattern (its
    // steps end in a dead end before the next branch), started under an
    // error node as anywhere.
    let source = r#"module H
  def link(room, **attributes, &)
    go path(room), **attributes, data: {
      a: "room", b: room.id
    }.merge(attributes.delete(:data) || {}), &
  end

  def edit(room, &)
    go \
      [ :edit, @room ],
      class: "btn",
      &
  end

  def back
    if last = visited
"#
    .to_string();
    let patterns = [
        "[(method_parameters (identifier) @name) (block_parameters (identifier) @name)]",
        "[(method_parameters (hash_splat_parameter) @splat) (identifier) @id] @either",
    ];
    let text: String = patterns.iter().map(|p| format!("{p}\n")).collect();
    let lang = Lang::by_name("ruby").unwrap();
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&lang.grammar()).unwrap();
    let tree = parser.parse(&source, None).unwrap();
    assert!(
        tree.root_node().has_error(),
        "the shape under test is an error"
    );
    let (diffs, supported, total) = differences(lang, &text, &[source]);
    assert_eq!(supported, total);
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

#[test]
fn unknown_kinds_fields_and_tokens_are_errors() {
    let grammar = Lang::by_name("python").unwrap().grammar();
    for text in [
        "(no_such_kind)",
        "(call no_such_field: (identifier))",
        "(call !no_such_field)",
        "(call \"no such token\")",
    ] {
        assert!(
            super::compile(text, &grammar, &mut |_| Some(0)).is_err(),
            "{text}"
        );
    }
}

#[test]
fn anchors_beside_quantified_children_match_as_the_cursor_does() {
    // Each shape on code where its quantified child matches zero, one and
    // several nodes, with a named node or an anonymous token where an
    // anchor forbids or allows one.
    let source = r#"
g("a", b)
g(b, "a")
g(a, "s", 1)
g("s", 1)
g()
g(b)
g(a, b)
x[1]
x[1, 2]
x[y][z]

def f0():
    x
    return 1

def f1():
    x
    pass
    return 1

def f3():
    x
    pass
    pass
    pass
    return 1

def named_between():
    x
    if a: pass
    pass
    return 1

def comment_between():
    x
    # note
    pass
    return 1

def token_between():
    x; pass; return 1

def only_passes():
    pass
    pass

def pass_then_named():
    pass
    x

@app.get()
def bare(): pass

@app.get()
@other
def bare_then_other(): pass

@app.get("/x")
@other
def with_path(): pass
"#
    .to_string();
    let patterns = [
        // An anchored `?` as first child: present, absent, not first.
        "(argument_list . (string)? @s)",
        "(argument_list . (string)? @s (integer) @i)",
        "(argument_list . [(string) (integer)]? @v)",
        "(argument_list . (identifier)? @k . [(string) (integer)] @v .)",
        // After a child with children of its own, and a wildcard.
        "(subscript (identifier) . (_)? @s) @sub",
        "(argument_list (identifier) . (string)? @s (integer) @i)",
        // `A . B* . C` with 0, 1 and 3 Bs, a named node or a token between.
        "(block (expression_statement) @a . (pass_statement)* @b . (return_statement) @c)",
        "(block (expression_statement) @a . [(pass_statement) (comment)]* @b . (return_statement) @c)",
        "(block (expression_statement) @a (pass_statement)* @b . (return_statement) @c)",
        "(block (expression_statement) @a . (pass_statement)* @b (return_statement) @c)",
        "(block (expression_statement) @a . (pass_statement)+ @b . (return_statement) @c)",
        "(block . (pass_statement)* @b (_) @next)",
        "(block . (pass_statement)+ @b)",
        // Anchored last after a quantified child.
        "(block (pass_statement)* @b .)",
        "(block (expression_statement) @a (pass_statement)* @b .)",
        "(block (pass_statement)? @b .) @blk",
        "(argument_list (identifier)? @x .)",
        "(argument_list (identifier) (_)* @rest .)",
        // An anchored first `?` skipped: the parent's next child must be
        // the very next node.
        "(decorated_definition (decorator (call arguments: (argument_list . (string)? @s))) (function_definition) @f)",
    ];
    let lang = Lang::by_name("python").unwrap();
    let refused: Vec<String> = patterns
        .iter()
        .filter_map(|p| {
            let why = super::compile(p, &lang.grammar(), &mut |_| Some(0)).err()?;
            Some(format!("{p}: {why}"))
        })
        .collect();
    assert!(refused.is_empty(), "{}", refused.join("\n"));
    let text: String = patterns.iter().map(|p| format!("{p}\n")).collect();
    let (diffs, supported, total) = differences(lang, &text, &[source]);
    assert_eq!(supported, total, "every anchored shape is supported");
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

#[test]
fn patterns_found_by_their_text_are_tried_in_order_with_the_others() {
    // Calls whose function or argument text the guards fix (`#eq?`,
    // `#any-of?` naming a text twice, `#eq?` with a `#match?` that fails,
    // a `#match?` of finitely many texts), beside patterns whose guards
    // do not (none, a `#match?` of a prefix): at each call, the patterns
    // in the order written, each once however many end nodes admit it.
    let source = "g(a)\nh(a, a)\n".to_string();
    let patterns = [
        r#"((call function: (identifier) @f) (#eq? @f "h"))"#,
        "(call arguments: (argument_list) @args)",
        r#"((call function: (identifier) @f) (#any-of? @f "g" "h" "g"))"#,
        r#"((call arguments: (argument_list (identifier) @a)) (#eq? @a "a"))"#,
        r#"((call function: (identifier) @f) (#eq? @f "g") (#match? @f "^x"))"#,
        r#"((call function: (identifier) @f) (#match? @f "^(g|x\\.h)$"))"#,
        r#"((call function: (identifier) @f) (#match? @f "^h"))"#,
        r#"((call function: (identifier) @f) (#match? @f "(?i)^G$"))"#,
    ];
    let text: String = patterns.iter().map(|p| format!("{p}\n")).collect();
    let lang = Lang::by_name("python").unwrap();
    let (diffs, supported, total) = differences(lang, &text, std::slice::from_ref(&source));
    assert_eq!(supported, total, "every pattern is supported");
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
    let grammar = lang.grammar();
    let query = Query::new(&grammar, &text).unwrap();
    let native = NativeQuery::new(&grammar, &query, &text, |_| true);
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&grammar).unwrap();
    let tree = parser.parse(&source, None).unwrap();
    let mut found = Vec::new();
    native.walk(
        &mut native.listing(tree.root_node(), source.as_bytes()),
        || std::ops::ControlFlow::Continue(()),
        |p, captures| {
            let node = captures[0].1;
            found.push((p, node.start_byte(), &source[node.byte_range()]));
            std::ops::ControlFlow::Continue(())
        },
    );
    let expected = vec![
        (1, 1, "(a)"),
        (2, 0, "g"),
        (3, 2, "a"),
        (5, 0, "g"),
        (7, 0, "g"),
        (0, 5, "h"),
        (1, 6, "(a, a)"),
        (2, 5, "h"),
        (3, 7, "a"),
        (3, 10, "a"),
        (6, 5, "h"),
    ];
    assert_eq!(found, expected);
}

#[test]
fn a_node_without_a_child_the_root_needs_costs_one_unit() {
    // At each call, `(call (string))` needs a string child that no call
    // here has: refused on what the call's children carry, one unit of
    // work per call as a guard's refusal, and no match either way.
    let source = "f(1)\ng(x)\n".to_string();
    let text = "(call (string) @s)\n(call arguments: (argument_list) @a)\n";
    let lang = Lang::by_name("python").unwrap();
    let (diffs, supported, total) = differences(lang, text, std::slice::from_ref(&source));
    assert_eq!(supported, total, "every pattern is supported");
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
    let grammar = lang.grammar();
    let query = Query::new(&grammar, text).unwrap();
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&grammar).unwrap();
    let tree = parser.parse(&source, None).unwrap();
    let nodes = tree.root_node().descendant_count() as u64;
    let refused = NativeQuery::new(&grammar, &query, text, |i| i == 0);
    assert_eq!(
        refused.count(tree.root_node(), source.as_bytes()),
        (nodes + 2, 0)
    );
    let tried = NativeQuery::new(&grammar, &query, text, |i| i == 1);
    let (work, matches) = tried.count(tree.root_node(), source.as_bytes());
    assert_eq!(matches, 2);
    assert!(work > nodes + 2, "{work}");
}
