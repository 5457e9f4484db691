//! `carve bench --queries`: what each part of a language's combined query
//! costs, on the files of a scan held in memory: compiling it alone, and
//! one query cursor walk of it over every parsed tree, beside the parse of
//! those trees and a plain tree cursor walk (no query). One thread, so the
//! figures of one run compare as ratios to the parse. Beside the time, the
//! cursor's work (its own count: one unit per step plus one per pattern
//! state alive at that step, read through its progress callback every 1,000
//! units) says what each part costs free of the machine's load.

use crate::extract::queries::{
    applicable_rules, rules_text, structure_text, CompiledQueries, KeepPattern, PatternQuery,
    PatternWriter, STRUCTURE_FILES,
};
use crate::lang::Lang;
use crate::rules::RuleSet;
use std::time::{Duration, Instant};
use tree_sitter::{Parser, Query, QueryCursor, StreamingIterator, Tree};

/// One part of a language's query: a structural file, the rules, or all.
pub struct PartCost {
    pub part: String,
    pub patterns: usize,
    pub compile: Duration,
    /// One cursor walk over every tree of the language, captures read.
    pub walk: Duration,
    /// The cursor's work in that walk, in thousands of units.
    pub work: u64,
    pub matches: usize,
}

/// The parts of one language's query, and its files' parse.
pub struct LangCost {
    pub lang: Lang,
    pub files: usize,
    pub bytes: usize,
    pub parse: Duration,
    /// A tree cursor visiting every node (no query): the floor of a walk.
    pub tree_walk: Duration,
    pub parts: Vec<PartCost>,
    /// The rules costliest to walk (by the cursor's work), then those
    /// costliest to compile (each alone, as the combined query writes
    /// them), costliest first.
    pub heaviest_rules: Vec<PartCost>,
    /// The patterns costliest to walk, each alone as the scan compiles it
    /// (named by their file or rule and their first line), costliest first.
    pub heaviest_patterns: Vec<PartCost>,
}

/// How many of a language's rules `carve bench --queries` lists.
const HEAVIEST_SHOWN: usize = 6;

/// How many of a language's single patterns `carve bench --queries` lists.
const HEAVIEST_PATTERNS_SHOWN: usize = 10;

/// The thresholds of rarity (a rule met in at most one file in N) the
/// scan's walks are measured with; `prefilter::RARE_ONE_IN` is the scan's.
const RARE_CHOICES: [u32; 4] = [2, 4, 8, 16];

/// Per language and threshold (one file in N), which rules are rare.
pub type RareAt<'a> = dyn Fn(Lang, u32) -> Vec<bool> + Sync + 'a;

/// Measures every language of `sources`, best of `iterations` for each
/// timing; the parts hold the patterns and rules a scan of these files
/// compiles (`active`, `keep`).
pub fn measure(
    sources: &[(Lang, &str)],
    rules: &RuleSet,
    active: &[bool],
    keep: &KeepPattern<'_>,
    rare: &RareAt<'_>,
    iterations: usize,
) -> Vec<LangCost> {
    by_language(sources)
        .into_iter()
        .map(|(lang, texts)| {
            let costs = Choices {
                rules,
                active,
                keep,
                rare,
            };
            measure_lang(lang, &texts, &costs, iterations)
        })
        .collect()
}

/// The texts of `sources` grouped by language, languages in order.
pub(crate) fn by_language<'t>(sources: &[(Lang, &'t str)]) -> Vec<(Lang, Vec<&'t str>)> {
    let mut langs: Vec<Lang> = sources.iter().map(|(l, _)| *l).collect();
    langs.sort();
    langs.dedup();
    langs
        .into_iter()
        .map(|lang| {
            let texts = sources
                .iter()
                .filter(|(l, _)| *l == lang)
                .map(|(_, t)| *t)
                .collect();
            (lang, texts)
        })
        .collect()
}

/// The shortest of `iterations` runs of `f`.
pub(crate) fn best(iterations: usize, mut f: impl FnMut()) -> Duration {
    (0..iterations.max(1))
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// What a scan of the files would compile: the rules, those the
/// prefilter keeps, the structural patterns it keeps, the rare rules.
struct Choices<'c> {
    rules: &'c RuleSet,
    active: &'c [bool],
    keep: &'c KeepPattern<'c>,
    rare: &'c RareAt<'c>,
}

fn measure_lang(lang: Lang, texts: &[&str], choices: &Choices<'_>, iterations: usize) -> LangCost {
    let Choices {
        rules,
        active,
        keep,
        rare,
    } = *choices;
    let grammar = lang.grammar();
    let mut parser = Parser::new();
    let ready = parser.set_language(&grammar).is_ok();
    let mut trees: Vec<Tree> = Vec::new();
    let parse = best(iterations, || {
        trees = texts
            .iter()
            .filter(|_| ready)
            .filter_map(|t| parser.parse(t, None))
            .collect();
    });
    let tree_walk = best(iterations, || {
        let mut nodes = 0usize;
        for tree in &trees {
            nodes += visit_all(tree);
        }
        std::hint::black_box(nodes);
    });
    let mut parts: Vec<(String, String)> = STRUCTURE_FILES
        .iter()
        .map(|file| (file.to_string(), structure_text(lang, file, keep)))
        .collect();
    parts.push(("rules".into(), rules_text(lang, rules, active)));
    let all: String = parts.iter().map(|(_, t)| t.as_str()).collect();
    // What a part adds to the combined walk: the combined query without it
    // (and without the plain structure of defs, calls and imports at once).
    let without = |left_out: &[&str]| -> String {
        parts
            .iter()
            .filter(|(name, _)| !left_out.contains(&name.as_str()))
            .map(|(_, t)| t.as_str())
            .collect()
    };
    let mut lesser: Vec<(String, String)> = parts
        .iter()
        .map(|(name, _)| (format!("all - {name}"), without(&[name.as_str()])))
        .collect();
    lesser.push((
        "all - defs,calls,imports".into(),
        without(&["defs.scm", "calls.scm", "imports.scm"]),
    ));
    let sources: Vec<(String, String)> = parts
        .iter()
        .filter(|(name, _)| name != "rules")
        .cloned()
        .chain(
            applicable_rules(lang, rules, active)
                .map(|i| (rules.rules[i].id.clone(), rules.rules[i].query.clone())),
        )
        .collect();
    let writer = PatternWriter::new(&grammar);
    let compiled = writer.write_all(&all);
    parts.push(("combined".into(), all));
    parts.push(("combined as compiled".into(), compiled));
    parts.extend(lesser);
    let cost_of = |part: String, text: &str| -> Option<PartCost> {
        let mut query = None;
        let compile = best(iterations, || query = Query::new(&grammar, text).ok());
        let query = query?;
        let (mut matches, mut work) = (0, 0);
        let walk = best(iterations, || {
            (matches, work) = trees
                .iter()
                .zip(texts)
                .map(|(tree, text)| walk_query(&query, tree, text))
                .fold((0, 0), |(m, w), (dm, dw)| (m + dm, w + dw));
        });
        Some(PartCost {
            part,
            patterns: query.pattern_count(),
            compile,
            walk,
            work,
            matches,
        })
    };
    let mut parts: Vec<PartCost> = parts
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .filter_map(|(part, text)| cost_of(part, &text))
        .collect();
    for one_in in RARE_CHOICES {
        let rare_rules = |l: Lang| rare(l, one_in);
        let Ok(compiled) =
            CompiledQueries::compile_active(rules, &[lang], active, keep, &rare_rules)
        else {
            continue;
        };
        let Some(queries) = compiled.for_lang(lang) else {
            continue;
        };
        let walk_all = |query: &PatternQuery, admits: &dyn Fn(&str) -> bool| {
            trees
                .iter()
                .zip(texts)
                .filter(|(_, text)| admits(text))
                .map(|(tree, text)| walk_scan_query(query, tree, text))
                .fold((0, 0), |(m, w), (dm, dw)| (m + dm, w + dw))
        };
        let (mut matches, mut work, mut patterns) = (0, 0, 0);
        let walk = best(iterations, || {
            (matches, work) = walk_all(&queries.combined, &|_| true);
            patterns = queries.combined.pattern_count();
            if let Some((query, gate)) = &queries.rare {
                let (m, w) = walk_all(query, &|text| gate.admits(text));
                (matches, work) = (matches + m, work + w);
                patterns += query.pattern_count();
            }
        });
        parts.push(PartCost {
            part: format!("scan walks, rare 1/{one_in}"),
            patterns,
            compile: Duration::ZERO,
            walk,
            work,
            matches,
        });
    }
    let mut heaviest_rules: Vec<PartCost> = applicable_rules(lang, rules, active)
        .filter_map(|i| {
            let query = writer.write_all(&rules.rules[i].query);
            cost_of(rules.rules[i].id.clone(), &query)
        })
        .collect();
    heaviest_rules.sort_by_key(|cost| std::cmp::Reverse(cost.work));
    let mut by_compile = heaviest_rules.split_off(HEAVIEST_SHOWN.min(heaviest_rules.len()));
    by_compile.sort_by_key(|cost| std::cmp::Reverse(cost.compile));
    by_compile.truncate(HEAVIEST_SHOWN);
    heaviest_rules.extend(by_compile);
    let mut heaviest_patterns: Vec<PartCost> = sources
        .iter()
        .flat_map(|(origin, text)| single_patterns(origin, text))
        .filter_map(|(name, pattern)| cost_of(name, &writer.write_all(&pattern)))
        .collect();
    heaviest_patterns.sort_by_key(|cost| std::cmp::Reverse(cost.work));
    heaviest_patterns.truncate(HEAVIEST_PATTERNS_SHOWN);
    LangCost {
        lang,
        files: trees.len(),
        bytes: texts.iter().map(|t| t.len()).sum(),
        parse,
        tree_walk,
        parts,
        heaviest_rules,
        heaviest_patterns,
    }
}

/// Each top-level pattern of `text` (with its predicates), named by
/// `origin` and the pattern's first line.
fn single_patterns(origin: &str, text: &str) -> Vec<(String, String)> {
    let patterns = crate::rules::literals::patterns(text).unwrap_or_default();
    patterns
        .into_iter()
        .filter_map(|(span, _)| text.get(span))
        .map(|pattern| {
            let first = pattern.lines().next().unwrap_or_default().trim();
            let first: String = first.chars().take(48).collect();
            (format!("{origin}: {first}"), pattern.to_string())
        })
        .collect()
}

/// Every node of a tree in order with a tree cursor; the count of nodes.
fn visit_all(tree: &Tree) -> usize {
    let mut cursor = tree.walk();
    let mut nodes = 0;
    loop {
        nodes += 1;
        std::hint::black_box(cursor.node().kind_id());
        if cursor.goto_first_child() || cursor.goto_next_sibling() {
            continue;
        }
        loop {
            if !cursor.goto_parent() {
                return nodes;
            }
            if cursor.goto_next_sibling() {
                break;
            }
        }
    }
}

/// The matches of one query cursor walk, every capture's node read, and
/// the cursor's work in thousands of units.
fn walk_query(query: &Query, tree: &Tree, text: &str) -> (usize, u64) {
    let mut cursor = QueryCursor::new();
    let mut work = 0;
    let mut progress = |_: &tree_sitter::QueryCursorState| {
        work += 1;
        std::ops::ControlFlow::Continue(())
    };
    let options = tree_sitter::QueryCursorOptions::new().progress_callback(&mut progress);
    let mut matches =
        cursor.matches_with_options(query, tree.root_node(), text.as_bytes(), options);
    let mut count = 0;
    while let Some(m) = matches.next() {
        count += 1;
        for c in m.captures() {
            std::hint::black_box(c.node.start_byte());
        }
    }
    drop(matches);
    (count, work)
}

/// The walks of one of the scan's queries: the cursor's of the patterns
/// left to it, then the native matcher's (its node tests counted in
/// thousands, as the cursor's units are).
fn walk_scan_query(query: &PatternQuery, tree: &Tree, text: &str) -> (usize, u64) {
    let (mut count, mut work) = query
        .cursor
        .as_ref()
        .map_or((0, 0), |cursor| walk_query(&cursor.query, tree, text));
    if let Some(native) = &query.native {
        let (tests, matches) = native.count(tree.root_node(), text.as_bytes());
        count += matches;
        work += tests / crate::extract::matcher::WORK_PER_TICK;
    }
    (count, work)
}

/// The table `carve bench --queries` prints.
pub fn table(costs: &[LangCost]) -> String {
    let ms = |d: Duration| format!("{:.1}", d.as_secs_f64() * 1e3);
    let mut out = String::from(
        "language    part                      patterns  compile ms   walk ms  walk/parse  work k  matches\n",
    );
    for cost in costs {
        let parse = cost.parse.as_secs_f64().max(1e-9);
        let mut row =
            |part: &str, patterns: String, compile: String, walk: Duration, tail: String| {
                out.push_str(&format!(
                    "{:<11} {part:<25} {patterns:>8}  {compile:>10}  {:>8}  {:>10.2}  {tail}\n",
                    cost.lang.name(),
                    ms(walk),
                    walk.as_secs_f64() / parse,
                ));
            };
        let files = format!("({} files, {} bytes)", cost.files, cost.bytes);
        row(
            "parse",
            String::new(),
            String::new(),
            cost.parse,
            format!("{:>6}  {files}", ""),
        );
        let visit = cost.tree_walk;
        row(
            "tree walk (no query)",
            String::new(),
            String::new(),
            visit,
            String::new(),
        );
        let listed = cost.parts.iter().chain(&cost.heaviest_rules);
        for part in listed.chain(&cost.heaviest_patterns) {
            row(
                &part.part.replace(".scm", ""),
                part.patterns.to_string(),
                ms(part.compile),
                part.walk,
                format!("{:>6}  {}", part.work, part.matches),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parts_of_a_query_add_up_to_the_combined_query() {
        let rules = RuleSet::builtin().unwrap();
        let python = Lang::by_name("python").unwrap();
        let source = "import time\nfrom flask import Flask\napp = Flask(__name__)\n\n\
                      @app.route('/')\ndef index():\n    time.sleep(1)\n    return 'hi'\n";
        let active = vec![true; rules.rules.len()];
        let no_rare = |_, _| Vec::new();
        let costs = measure(
            &[(python, source)],
            &rules,
            &active,
            &|_, _| true,
            &no_rare,
            1,
        );
        let parts = &costs[0].parts;
        let matches = |name: &str| parts.iter().find(|p| p.part == name).map(|p| p.matches);
        let pieces = [
            "defs.scm",
            "calls.scm",
            "imports.scm",
            "routes.scm",
            "entries.scm",
        ];
        let sum: usize = pieces
            .iter()
            .chain(&["rules"])
            .map(|p| matches(p).unwrap_or(0))
            .sum();
        assert!(matches("routes.scm").is_some_and(|m| m > 0));
        assert_eq!(matches("combined"), Some(sum));
        assert_eq!(
            matches("all - rules"),
            Some(sum - matches("rules").unwrap_or(0))
        );
        assert!(!costs[0].heaviest_rules.is_empty());
        // With no rule rare, the scan walks the combined query alone, less
        // the matches of rewritten patterns outside their outer nodes (the
        // native matcher no longer makes those extraction drops).
        let scan = matches(&format!("scan walks, rare 1/{}", RARE_CHOICES[0]));
        let compiled = matches("combined as compiled");
        assert!(scan.is_some_and(|s| s > 0) && scan <= compiled);
        let heaviest = &costs[0].heaviest_patterns;
        assert!(heaviest.iter().all(|p| p.patterns == 1));
        assert!(heaviest.windows(2).all(|w| w[0].work >= w[1].work));
    }
}
