//! Languages carve reads: file extensions, tree-sitter grammars and which
//! `grammars/<dir>/` query folders apply. Everything language-specific beyond
//! this table lives in the query files and rule packs.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// A source language with its own tree-sitter grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Python,
    JavaScript,
    TypeScript,
    Tsx,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Python, Lang::JavaScript, Lang::TypeScript, Lang::Tsx];

    /// Language of a file, from its extension.
    pub fn from_path(path: &Path) -> Option<Lang> {
        let ext = path.extension()?.to_str()?;
        match ext {
            "py" | "pyi" => Some(Lang::Python),
            "js" | "mjs" | "cjs" | "jsx" => Some(Lang::JavaScript),
            "ts" | "mts" | "cts" => {
                let is_decl = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(".d.ts"));
                (!is_decl).then_some(Lang::TypeScript)
            }
            "tsx" => Some(Lang::Tsx),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::Python => "python",
            Lang::JavaScript => "javascript",
            Lang::TypeScript => "typescript",
            Lang::Tsx => "tsx",
        }
    }

    pub fn grammar(self) -> tree_sitter::Language {
        match self {
            Lang::Python => tree_sitter_python::LANGUAGE.into(),
            Lang::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Lang::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Lang::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
        }
    }

    /// Query folders under `grammars/` that apply, most general first:
    /// `ecmascript` holds what JavaScript and TypeScript share.
    pub fn query_dirs(self) -> &'static [&'static str] {
        match self {
            Lang::Python => &["python"],
            Lang::JavaScript => &["ecmascript", "javascript"],
            Lang::TypeScript | Lang::Tsx => &["ecmascript", "typescript"],
        }
    }

    /// Whether a rule written for `rule_lang` (a name in a rule file) applies.
    pub fn accepts_rule_language(self, rule_lang: &str) -> bool {
        match rule_lang {
            "python" => self == Lang::Python,
            "javascript" => self != Lang::Python,
            "typescript" => matches!(self, Lang::TypeScript | Lang::Tsx),
            _ => false,
        }
    }

    /// The family used for module resolution and manifests.
    pub fn is_js_family(self) -> bool {
        self != Lang::Python
    }
}

/// Rule language names accepted in rule files.
pub const RULE_LANGUAGES: &[&str] = &["python", "javascript", "typescript"];
