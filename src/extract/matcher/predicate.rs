//! The text predicates carve's patterns use (`#eq?`, `#match?`, `#any-of?`,
//! their negations and `any-` forms, a capture compared with a string or
//! with another capture), checked on a match's captures the way
//! tree-sitter's Rust binding checks them: an `eq`/`match` predicate holds
//! for every node of its capture (so for none: a capture that did not
//! match passes), an `any-` one for at least one node when there are any.

use rustc_hash::FxHashMap;
use std::sync::{Mutex, OnceLock};
use tree_sitter::Node;

/// The regexes built so far, by their text.
fn built() -> &'static Mutex<FxHashMap<String, regex::bytes::Regex>> {
    static BUILT: OnceLock<Mutex<FxHashMap<String, regex::bytes::Regex>>> = OnceLock::new();
    BUILT.get_or_init(Default::default)
}

/// The regex of `text`, built once until `forget_built_regexes`: the same
/// `#match?` sits in the patterns of every language a rule names
/// (JavaScript, TypeScript and TSX share theirs), and building one costs up
/// to a million instructions.
fn shared_regex(text: &str) -> Result<regex::bytes::Regex, regex::Error> {
    let built = built();
    if let Some(regex) = built.lock().ok().and_then(|map| map.get(text).cloned()) {
        return Ok(regex);
    }
    // Built outside the lock: the languages compile in parallel.
    let regex = regex::bytes::Regex::new(text)?;
    if let Ok(mut map) = built.lock() {
        map.entry(text.to_string()).or_insert_with(|| regex.clone());
    }
    Ok(regex)
}

/// Lets go of the regexes `shared_regex` keeps, once a scan has compiled
/// every language's patterns: their automata (megabytes on a large
/// workspace) would otherwise stay alive through link, where the scan's
/// memory peaks. The compiled patterns keep their own handles.
pub fn forget_built_regexes() {
    if let Ok(mut map) = built().lock() {
        *map = FxHashMap::default();
    }
}

/// Every text `regex` matches, when it is anchored at both ends (`^…$`)
/// and matches finitely many (`^(self\.)?(request|req)$`); else None.
fn anchored_texts(regex: &str) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::{literal::Extractor, Hir, HirKind, Look};
    let hir = regex_syntax::Parser::new().parse(regex).ok()?;
    let HirKind::Concat(parts) = hir.kind() else {
        return None;
    };
    let [first, middle @ .., last] = parts.as_slice() else {
        return None;
    };
    if *first.kind() != HirKind::Look(Look::Start) || *last.kind() != HirKind::Look(Look::End) {
        return None;
    }
    let middle = Hir::concat(middle.to_vec());
    // The extractor reads an assertion as an empty text.
    if !middle.properties().look_set().is_empty() {
        return None;
    }
    let texts = Extractor::new().extract(&middle);
    if !texts.is_exact() {
        return None;
    }
    let texts = texts.literals()?;
    Some(texts.iter().map(|t| t.as_bytes().to_vec()).collect())
}

/// One argument of a predicate: a capture (by index) or a string.
#[derive(Debug, Clone)]
pub enum Arg {
    Capture(u32),
    Text(String),
}

#[derive(Debug, Clone)]
pub enum Predicate {
    EqText {
        capture: u32,
        text: Vec<u8>,
        positive: bool,
        all: bool,
    },
    EqCapture {
        left: u32,
        right: u32,
        positive: bool,
        all: bool,
    },
    Match {
        capture: u32,
        regex: regex::bytes::Regex,
        positive: bool,
        all: bool,
    },
    AnyOf {
        capture: u32,
        texts: Vec<Vec<u8>>,
        positive: bool,
    },
}

impl Predicate {
    /// The predicate `#name` with `args`; Ok(None) for `#set!` (a property
    /// the query gives back), Err for what the matcher does not check.
    pub fn new(name: &str, args: &[Arg]) -> Result<Option<Predicate>, String> {
        let op = name.trim_start_matches('#');
        let positive = !op.contains("not-");
        let all = !op.starts_with("any-") || op == "any-of?";
        let capture = match args.first() {
            Some(Arg::Capture(c)) => Some(*c),
            _ => None,
        };
        let bad = || format!("predicate {name} with these arguments");
        match op {
            "set!" => Ok(None),
            "eq?" | "not-eq?" | "any-eq?" | "any-not-eq?" => match (capture, &args[1..]) {
                (Some(capture), [Arg::Text(text)]) => Ok(Some(Predicate::EqText {
                    capture,
                    text: text.as_bytes().to_vec(),
                    positive,
                    all,
                })),
                (Some(left), [Arg::Capture(right)]) => Ok(Some(Predicate::EqCapture {
                    left,
                    right: *right,
                    positive,
                    all,
                })),
                _ => Err(bad()),
            },
            "match?" | "not-match?" | "any-match?" | "any-not-match?" => {
                match (capture, &args[1..]) {
                    (Some(capture), [Arg::Text(re)]) => Ok(Some(Predicate::Match {
                        capture,
                        regex: shared_regex(re).map_err(|_| bad())?,
                        positive,
                        all,
                    })),
                    _ => Err(bad()),
                }
            }
            "any-of?" | "not-any-of?" => {
                let texts = args[1..]
                    .iter()
                    .map(|a| match a {
                        Arg::Text(t) => Some(t.as_bytes().to_vec()),
                        Arg::Capture(_) => None,
                    })
                    .collect::<Option<Vec<_>>>();
                match (capture, texts) {
                    (Some(capture), Some(texts)) => Ok(Some(Predicate::AnyOf {
                        capture,
                        texts,
                        positive,
                    })),
                    _ => Err(bad()),
                }
            }
            _ => Err(format!("predicate {name}")),
        }
    }

    /// The capture whose every node must pass this predicate on its own
    /// (so a node failing it fails every match it is in).
    pub fn per_node(&self) -> Option<u32> {
        match self {
            Predicate::EqText {
                capture, all: true, ..
            }
            | Predicate::Match {
                capture, all: true, ..
            }
            | Predicate::AnyOf { capture, .. } => Some(*capture),
            _ => None,
        }
    }

    /// The texts of which the text of `capture`'s node must be one, when
    /// the predicate holds on it alone exactly then: a positive `#eq?`
    /// with a string, a positive `#any-of?`, a positive `#match?` whose
    /// regex, anchored at both ends, matches finitely many texts.
    pub fn exact_texts(&self, capture: u32) -> Option<Vec<Vec<u8>>> {
        match self {
            Predicate::EqText {
                capture: c,
                text,
                positive: true,
                all: true,
            } if *c == capture => Some(vec![text.clone()]),
            Predicate::AnyOf {
                capture: c,
                texts,
                positive: true,
            } if *c == capture => Some(texts.clone()),
            Predicate::Match {
                capture: c,
                regex,
                positive: true,
                all: true,
            } if *c == capture => anchored_texts(regex.as_str()),
            _ => None,
        }
    }

    /// Whether the predicate holds when `node`, whose text is `text`, is
    /// the only node of capture `capture`.
    pub fn holds_on(&self, capture: u32, node: Node, text: &[u8], source: &[u8]) -> bool {
        // One node decides an `any-` predicate only when it passes.
        match self {
            Predicate::EqText {
                capture: c,
                text: t,
                positive,
                all,
            } if *c == capture => !*all || (text == t.as_slice()) == *positive,
            Predicate::Match {
                capture: c,
                regex,
                positive,
                all,
            } if *c == capture => !*all || regex.is_match(text) == *positive,
            Predicate::AnyOf {
                capture: c,
                texts,
                positive,
            } if *c == capture => texts.iter().any(|t| t.as_slice() == text) == *positive,
            _ => self.holds(&[(capture, node)], source),
        }
    }

    /// Whether the predicate holds for a match's captures.
    pub fn holds(&self, captures: &[(u32, Node)], source: &[u8]) -> bool {
        let text = |n: &Node| source.get(n.byte_range()).unwrap_or_default();
        let nodes = |i: u32| captures.iter().filter(move |c| c.0 == i).map(|c| c.1);
        // Every node (`all`) or the first that does (`any-`) decides.
        let decide = |results: &mut dyn Iterator<Item = bool>, positive: bool, all: bool| {
            for is_match in results {
                if is_match != positive && all {
                    return false;
                }
                if is_match == positive && !all {
                    return true;
                }
            }
            true
        };
        match self {
            Predicate::EqText {
                capture,
                text: t,
                positive,
                all,
            } => decide(
                &mut nodes(*capture).map(|n| text(&n) == t.as_slice()),
                *positive,
                *all,
            ),
            Predicate::Match {
                capture,
                regex,
                positive,
                all,
            } => decide(
                &mut nodes(*capture).map(|n| regex.is_match(text(&n))),
                *positive,
                *all,
            ),
            Predicate::AnyOf {
                capture,
                texts,
                positive,
            } => {
                nodes(*capture).all(|n| texts.iter().any(|t| t.as_slice() == text(&n)) == *positive)
            }
            Predicate::EqCapture {
                left,
                right,
                positive,
                all,
            } => {
                let (mut l, mut r) = (nodes(*left), nodes(*right));
                loop {
                    match (l.next(), r.next()) {
                        (Some(a), Some(b)) => {
                            let is_match = text(&a) == text(&b);
                            if is_match != *positive && *all {
                                return false;
                            }
                            if is_match == *positive && !*all {
                                return true;
                            }
                        }
                        (None, None) => return true,
                        _ => return false,
                    }
                }
            }
        }
    }
}
