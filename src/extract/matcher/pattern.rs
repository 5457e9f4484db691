//! A query pattern's text compiled into a tree of node tests: kind ids
//! (named and anonymous) or wildcards, fields, child lists with anchors
//! and quantifiers, alternations, negated fields, captures (as the
//! compiled `Query`'s capture indices) and text predicates. The text is
//! read with `rules::literals`' tokenizer. What the matcher does not take
//! (a supertype, a sibling sequence, a quantifier inside an alternation, …) is
//! refused with the reason: that pattern stays on tree-sitter's cursor.

use super::predicate::{Arg, Predicate};
use crate::rules::literals::{tokenize, Token};
use tree_sitter::{Language, QueryProperty};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quant {
    One,
    Opt,
    Star,
    Plus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Test {
    /// A node of this kind id (named or anonymous).
    Kind(u16),
    /// `(_)`: any named node but an error.
    Named,
    /// `_`: any node but an error.
    Any,
    /// The root `(_ …)` of a pattern with children: tree-sitter starts it at
    /// its first child and takes the parent as it is, error or not.
    Parent,
}

#[derive(Debug)]
pub struct NodeTest {
    pub test: Test,
    pub negated: Vec<u16>,
    pub captures: Vec<u32>,
    /// The predicates on a capture only this node carries, checked as
    /// soon as it matches (the node is in every way of its root, so a
    /// way without it is never the longer one that drops another).
    pub early: Vec<Predicate>,
    /// The fields a child must have for the children to match (those of
    /// children neither optional nor repeated from zero): checked on the
    /// node before its children are listed.
    pub required: Vec<u16>,
    pub children: Seq,
}

#[derive(Debug)]
pub enum Item {
    Node(NodeTest),
    /// `[…]`: one of the branches.
    Alt(Vec<Elem>),
}

/// An item where it stands: its field, quantifier and leading anchor.
#[derive(Debug)]
pub struct Elem {
    pub item: Item,
    pub field: Option<u16>,
    pub quant: Quant,
    /// `.` before it: the next named sibling of the one before (the first
    /// named child when it comes first).
    pub immediate: bool,
}

/// A node's child patterns, in order; `last_anchor`: `.` after the last.
#[derive(Debug, Default)]
pub struct Seq {
    pub elems: Vec<Elem>,
    pub last_anchor: bool,
}

/// One compiled pattern.
#[derive(Debug)]
pub struct Pattern {
    pub root: Elem,
    /// What a node must pass for the pattern to be tried there.
    pub guard: Option<super::guard::Guard>,
    /// For a pattern rewritten to start at its inner node (`inner_start`),
    /// the kinds of the outer nodes, the parent first: a node not so
    /// enclosed cannot make a match extraction keeps, so it is not tried.
    pub enclosed_by: Vec<u16>,
    pub predicates: Vec<Predicate>,
    /// Its `#set!` properties, in the order written (as the query's
    /// `property_settings`).
    pub properties: Vec<QueryProperty>,
}

impl Pattern {
    /// The kind ids the root can be; None when a wildcard root makes it any.
    pub fn root_kinds(&self) -> Option<Vec<u16>> {
        fn kinds(elem: &Elem, out: &mut Vec<u16>) -> bool {
            match &elem.item {
                Item::Node(NodeTest {
                    test: Test::Kind(id),
                    ..
                }) => {
                    out.push(*id);
                    true
                }
                Item::Node(_) => false,
                Item::Alt(branches) => branches.iter().all(|b| kinds(b, out)),
            }
        }
        let mut out = Vec::new();
        kinds(&self.root, &mut out).then(|| {
            out.sort_unstable();
            out.dedup();
            out
        })
    }
}

type Res<T> = Result<T, String>;

/// The capture index of a capture name (None: the name is not known).
pub type CaptureIndex<'c> = dyn FnMut(&str) -> Option<u32> + 'c;

/// Compiles one pattern's text (with the predicates written after it), its
/// captures numbered by `captures`.
pub fn compile(text: &str, grammar: &Language, captures: &mut CaptureIndex<'_>) -> Res<Pattern> {
    let (tokens, spans): (Vec<Token>, Vec<std::ops::Range<usize>>) =
        tokenize(text).into_iter().unzip();
    let mut reader = Reader {
        text,
        tokens: &tokens,
        spans: &spans,
        pos: 0,
        grammar,
        captures,
        predicates: Vec::new(),
    };
    let mut root = reader.top()?;
    while reader.pos < tokens.len() {
        if reader.at_predicate() {
            reader.predicate()?;
        } else {
            return Err("a top-level sequence of patterns".into());
        }
    }
    if root.quant != Quant::One {
        return Err("a quantified root".into());
    }
    if let Item::Node(node) = &mut root.item {
        if node.test == Test::Named && !node.children.elems.is_empty() {
            if root.field.is_some() {
                return Err("a wildcard root with a field".into());
            }
            node.test = Test::Parent;
        }
    }
    check(&root, true)?;
    let properties = reader
        .predicates
        .iter()
        .filter(|(name, _)| name == "#set!")
        .map(|(_, args)| property(args))
        .collect::<Res<Vec<_>>>()?;
    let predicates = reader
        .predicates
        .iter()
        .map(|(name, args)| Predicate::new(name, args))
        .filter_map(Result::transpose)
        .collect::<Res<Vec<_>>>()?;
    let mut carriers = std::collections::BTreeMap::new();
    count_carriers(&root, true, &mut carriers);
    for predicate in &predicates {
        if let Some(capture) = predicate.per_node() {
            if carriers.get(&capture) == Some(&(1, true)) {
                attach_early(&mut root, capture, predicate);
            }
        }
    }
    let guard = match &root.item {
        Item::Node(node) => super::guard::Guard::of(node),
        Item::Alt(_) => None,
    };
    Ok(Pattern {
        root,
        guard,
        enclosed_by: Vec::new(),
        predicates,
        properties,
    })
}

/// A `#set!` directive's property, read as tree-sitter reads it: an
/// optional capture, a key, an optional value.
fn property(args: &[Arg]) -> Res<QueryProperty> {
    let mut capture = None;
    let mut texts = Vec::new();
    for arg in args {
        match arg {
            Arg::Capture(c) if capture.is_none() => capture = Some(*c as usize),
            Arg::Text(t) => texts.push(t.as_str()),
            Arg::Capture(_) => return Err("a #set! with two captures".into()),
        }
    }
    match texts.as_slice() {
        [key] => Ok(QueryProperty::new(key, None, capture)),
        [key, value] => Ok(QueryProperty::new(key, Some(value), capture)),
        _ => Err("a #set! without a key or with a third text".into()),
    }
}

/// Per capture: how many node tests carry it, and whether the last one
/// counted is in every way (no quantifier or alternation above it).
fn count_carriers(
    elem: &Elem,
    mandatory: bool,
    out: &mut std::collections::BTreeMap<u32, (usize, bool)>,
) {
    let mandatory = mandatory && elem.quant == Quant::One;
    match &elem.item {
        Item::Node(node) => {
            for &c in &node.captures {
                let entry = out.entry(c).or_insert((0, mandatory));
                *entry = (entry.0 + 1, mandatory);
            }
            for child in &node.children.elems {
                count_carriers(child, mandatory, out);
            }
        }
        Item::Alt(branches) => {
            for branch in branches {
                count_carriers(branch, false, out);
            }
        }
    }
}

fn attach_early(elem: &mut Elem, capture: u32, predicate: &Predicate) {
    match &mut elem.item {
        Item::Node(node) => {
            if node.captures.contains(&capture) {
                node.early.push(predicate.clone());
            }
            for child in &mut node.children.elems {
                attach_early(child, capture, predicate);
            }
        }
        Item::Alt(branches) => {
            for branch in branches {
                attach_early(branch, capture, predicate);
            }
        }
    }
}

/// Refuses the shapes whose tree-sitter semantics the matcher does not
/// reproduce.
fn check(elem: &Elem, root: bool) -> Res<()> {
    match &elem.item {
        Item::Alt(branches) => {
            for branch in branches {
                if branch.quant != Quant::One || branch.immediate {
                    return Err("a quantifier or anchor inside an alternation".into());
                }
                if branch.field.is_some() && elem.field.is_some() {
                    return Err("a field on an alternation and on its branch".into());
                }
                if root && !matches!(&branch.item, Item::Node(n) if matches!(n.test, Test::Kind(_)))
                {
                    return Err("a wildcard branch of a root alternation".into());
                }
                check(branch, false)?;
            }
        }
        Item::Node(node) => {
            let elems = &node.children.elems;
            for child in elems {
                if node.test == Test::Parent && child.quant != Quant::One {
                    return Err("a quantified child of a wildcard root".into());
                }
                check(child, false)?;
            }
        }
    }
    Ok(())
}

struct Reader<'a, 'c> {
    text: &'a str,
    tokens: &'a [Token],
    spans: &'a [std::ops::Range<usize>],
    pos: usize,
    grammar: &'a Language,
    captures: &'a mut CaptureIndex<'c>,
    predicates: Vec<(String, Vec<Arg>)>,
}

impl<'a> Reader<'a, '_> {
    fn peek(&self) -> Option<&'a Token> {
        self.tokens.get(self.pos)
    }

    fn at_predicate(&self) -> bool {
        matches!(
            (self.peek(), self.tokens.get(self.pos + 1)),
            (Some(Token::Open('(')), Some(Token::Word(w))) if w.starts_with('#')
        )
    }

    /// A string token's text as tree-sitter reads it: `\n`, `\r`, `\t`,
    /// `\0`, and any other escaped character as itself.
    fn string(&self) -> String {
        let raw = &self.text[self.spans[self.pos].clone()];
        let inner = raw
            .strip_prefix('"')
            .map(|r| r.strip_suffix('"').unwrap_or(r))
            .unwrap_or(raw);
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some('0') => out.push('\0'),
                Some(c) => out.push(c),
                None => {}
            }
        }
        out
    }

    fn capture(&mut self, name: &str) -> Res<u32> {
        (self.captures)(name).ok_or_else(|| format!("an unknown capture @{name}"))
    }

    /// `(#name args…)`, kept for the pattern.
    fn predicate(&mut self) -> Res<()> {
        let Some(Token::Word(name)) = self.tokens.get(self.pos + 1) else {
            return Err("a malformed predicate".into());
        };
        let name = name.clone();
        self.pos += 2;
        let mut args = Vec::new();
        loop {
            match self.peek() {
                Some(Token::Close(')')) => break,
                Some(Token::Capture(c)) => args.push(Arg::Capture(self.capture(c)?)),
                Some(Token::Str(_)) => args.push(Arg::Text(self.string())),
                Some(Token::Word(w)) => args.push(Arg::Text(w.clone())),
                _ => return Err(format!("an argument of {name} the matcher does not read")),
            }
            self.pos += 1;
        }
        self.pos += 1;
        self.predicates.push((name, args));
        Ok(())
    }

    /// The top-level item: a node or alternation, or a group holding one
    /// with the predicates on it.
    fn top(&mut self) -> Res<Elem> {
        let group = matches!(
            (self.peek(), self.tokens.get(self.pos + 1)),
            (Some(Token::Open('(')), Some(Token::Open(_) | Token::Str(_)))
        );
        if !group {
            return self.elem();
        }
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            match self.peek() {
                Some(Token::Close(')')) => break,
                None => return Err("an unclosed group".into()),
                _ if self.at_predicate() => self.predicate()?,
                _ => items.push(self.field_elem()?),
            }
        }
        self.pos += 1;
        if matches!(self.peek(), Some(Token::Capture(_) | Token::Quantifier(_)))
            || matches!(self.peek(), Some(Token::Word(w)) if w == "+")
        {
            return Err("a capture or quantifier on a group".into());
        }
        match (items.pop(), items.is_empty()) {
            (Some(item), true) if item.field.is_none() => Ok(item),
            _ => Err("a top-level sequence of siblings".into()),
        }
    }

    /// An item, with a field name before it.
    fn field_elem(&mut self) -> Res<Elem> {
        let field = match self.peek() {
            Some(Token::Word(w)) if w.ends_with(':') => {
                let name = &w[..w.len() - 1];
                let id = self
                    .grammar
                    .field_id_for_name(name)
                    .ok_or_else(|| format!("an unknown field {name}"))?;
                self.pos += 1;
                Some(id.get())
            }
            _ => None,
        };
        let mut elem = self.elem()?;
        elem.field = field;
        Ok(elem)
    }

    /// A node, string, wildcard or alternation with its quantifier and
    /// captures.
    fn elem(&mut self) -> Res<Elem> {
        let item = match self.peek().cloned() {
            Some(Token::Open('(')) => {
                self.pos += 1;
                self.node()?
            }
            Some(Token::Open(_)) => {
                self.pos += 1;
                let mut branches = Vec::new();
                loop {
                    match self.peek() {
                        Some(Token::Close(']')) => break,
                        None => return Err("an unclosed alternation".into()),
                        _ if self.at_predicate() => {
                            return Err("a predicate inside an alternation".into())
                        }
                        _ => branches.push(self.field_elem()?),
                    }
                }
                self.pos += 1;
                Item::Alt(branches)
            }
            Some(Token::Str(_)) => {
                let text = self.string();
                self.pos += 1;
                let id = self.grammar.id_for_node_kind(&text, false);
                if id == 0 {
                    return Err(format!("an unknown anonymous node \"{text}\""));
                }
                Item::Node(NodeTest {
                    test: Test::Kind(id),
                    negated: Vec::new(),
                    captures: Vec::new(),
                    early: Vec::new(),
                    required: Vec::new(),
                    children: Seq::default(),
                })
            }
            Some(Token::Word(w)) if w == "_" => {
                self.pos += 1;
                Item::Node(NodeTest {
                    test: Test::Any,
                    negated: Vec::new(),
                    captures: Vec::new(),
                    early: Vec::new(),
                    required: Vec::new(),
                    children: Seq::default(),
                })
            }
            other => return Err(format!("an unexpected token {other:?}")),
        };
        let mut elem = Elem {
            item,
            field: None,
            quant: Quant::One,
            immediate: false,
        };
        loop {
            let quant = match self.peek() {
                Some(Token::Quantifier('?')) => Quant::Opt,
                Some(Token::Quantifier(_)) => Quant::Star,
                Some(Token::Word(w)) if w == "+" => Quant::Plus,
                Some(Token::Capture(name)) => {
                    let id = self.capture(name)?;
                    add_capture(&mut elem.item, id);
                    self.pos += 1;
                    continue;
                }
                _ => break,
            };
            if elem.quant != Quant::One {
                return Err("two quantifiers".into());
            }
            elem.quant = quant;
            self.pos += 1;
        }
        Ok(elem)
    }

    /// `(kind children…)`, after its `(`.
    fn node(&mut self) -> Res<Item> {
        let test = match self.peek() {
            Some(Token::Word(w)) if w == "_" => Test::Named,
            Some(Token::Word(w)) if w.contains('/') => {
                return Err("a supertype/subtype test".into())
            }
            Some(Token::Word(w)) if w == "ERROR" || w == "MISSING" => {
                return Err(format!("an {w} node"))
            }
            Some(Token::Word(w)) => {
                let id = self.grammar.id_for_node_kind(w, true);
                if id == 0 {
                    return Err(format!("an unknown kind {w}"));
                }
                if self.grammar.node_kind_is_supertype(id) {
                    return Err(format!("the supertype {w}"));
                }
                Test::Kind(id)
            }
            _ => return Err("a group of siblings inside a pattern".into()),
        };
        self.pos += 1;
        let mut node = NodeTest {
            test,
            negated: Vec::new(),
            captures: Vec::new(),
            early: Vec::new(),
            required: Vec::new(),
            children: Seq::default(),
        };
        let mut anchored = false;
        loop {
            match self.peek() {
                Some(Token::Close(')')) => break,
                None => return Err("an unclosed node".into()),
                Some(Token::Word(w)) if w == "." => {
                    anchored = true;
                    self.pos += 1;
                }
                Some(Token::Word(w)) if w.starts_with('!') => {
                    let id = self
                        .grammar
                        .field_id_for_name(&w[1..])
                        .ok_or_else(|| format!("an unknown field {w}"))?;
                    node.negated.push(id.get());
                    self.pos += 1;
                }
                _ if self.at_predicate() => self.predicate()?,
                _ => {
                    let mut elem = self.field_elem()?;
                    elem.immediate = std::mem::take(&mut anchored);
                    node.children.elems.push(elem);
                }
            }
        }
        self.pos += 1;
        if anchored {
            if node.children.elems.is_empty() {
                return Err("an anchor without a child".into());
            }
            node.children.last_anchor = true;
        }
        node.required = node
            .children
            .elems
            .iter()
            .filter(|e| matches!(e.quant, Quant::One | Quant::Plus))
            .filter_map(|e| e.field)
            .collect();
        node.required.sort_unstable();
        node.required.dedup();
        Ok(Item::Node(node))
    }
}

/// A capture written after an item: on the node, or on every branch.
fn add_capture(item: &mut Item, id: u32) {
    match item {
        Item::Node(node) => node.captures.push(id),
        Item::Alt(branches) => {
            for branch in branches {
                add_capture(&mut branch.item, id);
            }
        }
    }
}
