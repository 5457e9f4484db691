//! Rule files: a mutated rule is added to the built-in pack as a user's
//! rule folder is (so a clash with a built-in id is met too), its query is
//! vetted in a query worker of the carve binary (`rules::vet`, as a scan
//! does) and then compiled for each language it names, and any error is
//! rendered as the CLI renders it.

use super::{code, render, repo_files};
use carve::lang::Lang;
use carve::rules::{self, RuleSet};
use std::path::PathBuf;

pub const TOKENS: &[&str] = &[
    "id = \"session/x\"\n",
    "kind = \"session\"\n",
    "languages = [\"python\"]\n",
    "weight = 1000\n",
    "weight = -1\n",
    "message = \"{name} {nope} {{\"\n",
    "query = '''\n",
    "'''\n",
    "\"\"\"",
    "[when]\n",
    "imported_from = [\"x\"]\n",
    "import_capture = \"m\"\n",
    "(call_expression function: (identifier) @f)",
    "@name",
    "(#match? @f \"^(a|\")",
    "(#eq? @f @g)",
    "(#set! route.method \"GET\")",
    "(#not-any-of? @f \"a\")",
    "_",
    "*",
    "+",
    "?",
    "!field",
    ".",
    "\\u0000",
    "\\\"",
    "\n",
    "= ",
    "[[",
    "]]",
    "#",
];
pub const NESTS: &[(&str, &str)] = &[
    ("(", ")"),
    ("[", "]"),
    ("{", "}"),
    ("x = { a = ", "}"),
    ("[[a]]\n", ""),
    ("((_) ", ")"),
];

pub struct Target {
    pub corpus: Vec<Vec<u8>>,
    builtin: RuleSet,
    dir: PathBuf,
    /// The carve binary that runs query workers.
    exe: PathBuf,
}

impl Target {
    pub fn new() -> Target {
        let corpus = repo_files(&["rules"], |p| p.extension().is_some_and(|e| e == "toml"))
            .into_iter()
            .map(|(_, bytes)| bytes)
            .collect();
        let dir = std::env::temp_dir().join(format!("carve-fuzz-rules-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        Target {
            corpus,
            builtin: RuleSet::builtin().expect("built-in rules"),
            dir,
            // bench/fuzz.sh runs a copy, so a rebuild does not pull it away.
            exe: std::env::var_os("CARVE_FUZZ_EXE")
                .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_carve")), PathBuf::from),
        }
    }

    pub fn check(&self, input: &[u8]) -> Result<String, String> {
        let path = self.dir.join("user-rule.toml");
        std::fs::write(&path, input).map_err(|e| e.to_string())?;
        // Beside the built-in pack, as a user's rule folder is loaded (most
        // inputs are mutated built-in rules: their id clashes).
        let mut set = self.builtin.clone();
        let beside = set.add_dir(&self.dir);
        if let Err(e) = &beside {
            render(e)?;
        }
        // Alone, so the rest of the rule is checked too.
        let Ok(text) = std::str::from_utf8(input) else {
            return match beside {
                Ok(()) => Err("a rule file that is not UTF-8 loaded".into()),
                Err(e) => Ok(format!("refused: {}", code(&e))),
            };
        };
        let rule = match rules::parse_rule(&path, text) {
            Ok(rule) => rule,
            Err(e) => return render(&e).map(|_| format!("refused: {}", code(&e))),
        };
        // A query that crashes the compiler is refused in the worker.
        let mut alone = RuleSet {
            rules: vec![rule.clone()],
        };
        match rules::vet::vet(&self.exe, &mut alone) {
            Ok(refused) if refused.is_empty() => {}
            Ok(refused) => {
                for e in &refused {
                    render(e)?;
                }
                return Ok("refused: query crashes the compiler".into());
            }
            Err(e) => {
                render(&e)?;
            }
        }
        let mut outcome = "loaded, query compiles".to_string();
        for lang in Lang::all().filter(|&l| rule.applies_to(l)) {
            if let Err(e) = tree_sitter::Query::new(&lang.grammar(), &rule.query) {
                render(&rule.query_error(lang, &e))?;
                outcome = "loaded, query refused".into();
            }
        }
        Ok(outcome)
    }
}
