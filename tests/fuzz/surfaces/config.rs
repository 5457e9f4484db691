//! `.carve/config.toml` and price tables: loaded the way a command loads
//! them (from a repository folder on disk, applied to the rules and to a
//! scan's routes), every error rendered as the CLI renders it.

use super::{code, render, repo_files};
use carve::config::{Config, CONFIG_PATH};
use carve::cost::pricing::Pricing;
use carve::settings::{self, Flags};
use std::path::PathBuf;

pub const TOKENS: &[&str] = &[
    "[scan]\n",
    "[rules]\n",
    "[report]\n",
    "[cost]\n",
    "[cost.memory_mb]\n",
    "exclude = [\"[\"]\n",
    "exclude = [\"**/{a,\"]\n",
    "include_tests = \"yes\"\n",
    "max_file_size = -1\n",
    "max_file_size = 99999999999999999999\n",
    "disable = [\"session\", 1]\n",
    "severity = { session = \"fatal\" }\n",
    "fail_on = \"sometimes\"\n",
    "\"GET /\" = 64\n",
    "\"GET /\" = 4294967296\n",
    "'''",
    "\"\"\"",
    "= ",
    "\n",
    "#",
    "[[",
    "]]",
    ".",
    "\\",
    "inf",
    "nan",
    "1979-05-27T07:32:00Z",
    "price = 1e308\n",
    "per_gb_second = -0.1\n",
];

/// Seed configs: the documented examples and hand-written ones.
const SEEDS: &[&str] = &[
    "[scan]\nexclude = [\"legacy/**\", \"*.gen.py\"]\ninclude_tests = true\nmax_file_size = 100000\n\
     rules = [\"tools/rules\"]\n\n[rules]\ndisable = [\"js-timer\", \"vendor-sdk\"]\n\
     severity = { session = \"advisory\", \"heavy-startup/python-heavy-import\" = \"blocker\" }\n\n\
     [report]\nbaseline = \"carve-baseline.json\"\nfail_on = \"new\"\n\n\
     [cost.memory_mb]\n\"GET /\" = 1024\n\"POST /api/x\" = 256\n",
    "[rules]\nseverity.session = \"blocker\"\n",
    "[scan]\nexclude = []\n",
];

pub struct Target {
    pub corpus: Vec<Vec<u8>>,
    repo: PathBuf,
}

impl Target {
    pub fn new() -> Target {
        let repo = std::env::temp_dir().join(format!("carve-fuzz-config-{}", std::process::id()));
        std::fs::create_dir_all(repo.join(".carve")).expect("temp dir");
        std::fs::write(repo.join("app.py"), "print(1)\n").expect("a source file");
        // The folder the seed config names, with a rule in it.
        std::fs::create_dir_all(repo.join("tools/rules")).expect("rule folder");
        let rule = repo_files(&["rules/session"], |p| {
            p.extension().is_some_and(|e| e == "toml")
        });
        let (_, text) = rule.first().expect("a built-in rule");
        let text =
            String::from_utf8_lossy(text).replacen("id = \"session/", "id = \"session/user-", 1);
        std::fs::write(repo.join("tools/rules/user.toml"), text).expect("a user rule");
        let mut corpus: Vec<Vec<u8>> = SEEDS.iter().map(|s| s.as_bytes().to_vec()).collect();
        corpus.extend(toml_blocks(&repo_files(&["docs"], |p| {
            p.extension().is_some_and(|e| e == "md")
        })));
        Target { corpus, repo }
    }

    pub fn check(&self, input: &[u8]) -> Result<String, String> {
        if let Ok(config) = Config::parse(
            std::path::Path::new(CONFIG_PATH),
            &String::from_utf8_lossy(input),
        ) {
            if config.scan.rules.iter().any(|dir| leaves_repo(dir)) {
                // Rule folders outside the repository are read as given:
                // the harness does not let a mutation walk the machine.
                return Ok("rule folder outside the repository".into());
            }
        }
        std::fs::write(self.repo.join(CONFIG_PATH), input).map_err(|e| e.to_string())?;
        let loaded = match settings::load(self.repo.clone(), &Flags::default()) {
            Ok(loaded) => loaded,
            Err(e) => return render(&e).map(|_| format!("refused: {}", code(&e))),
        };
        if let Err(e) = carve::discover::discover(&loaded.config) {
            render(&e)?;
            return Ok(format!("walk refused: {}", code(&e)));
        }
        if let Err(e) = loaded.repo.cost_memory(&["GET /", "POST /api/x"]) {
            render(&e)?;
            return Ok(format!("cost refused: {}", code(&e)));
        }
        // The same text parsed alone agrees with the load.
        let text = std::str::from_utf8(input).map_err(|_| "loaded a config that is not UTF-8")?;
        Config::parse(std::path::Path::new(CONFIG_PATH), text)
            .map_err(|e| format!("loads from disk but does not parse: {e}"))?;
        Ok("loaded".into())
    }
}

/// A folder that is absolute or climbs out of the repository.
fn leaves_repo(dir: &std::path::Path) -> bool {
    dir.is_absolute()
        || dir
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
}

/// The ```toml blocks of the documentation.
fn toml_blocks(docs: &[(String, Vec<u8>)]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for (_, bytes) in docs {
        let text = String::from_utf8_lossy(bytes);
        let mut rest = text.as_ref();
        while let Some(start) = rest.find("```toml\n") {
            let body = &rest[start + 8..];
            let end = body.find("```").unwrap_or(body.len());
            out.push(body.as_bytes()[..end].to_vec());
            rest = &body[end..];
        }
    }
    out
}

/// `--pricing` files: merged over the built-in tables.
pub struct Prices {
    pub corpus: Vec<Vec<u8>>,
}

impl Prices {
    pub fn new() -> Prices {
        let corpus = repo_files(&["pricing"], |p| p.extension().is_some_and(|e| e == "toml"))
            .into_iter()
            .map(|(_, bytes)| bytes)
            .collect();
        Prices { corpus }
    }

    pub fn check(&self, input: &[u8]) -> Result<String, String> {
        let text = String::from_utf8_lossy(input).into_owned();
        match Pricing::load(&[("prices.toml".into(), text)]) {
            Ok(_) => Ok("loaded".into()),
            Err(e) => render(&e).map(|_| format!("refused: {}", code(&e))),
        }
    }
}
