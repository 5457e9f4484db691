//! Fuzzing on the stable toolchain: one target per surface a user's files
//! reach — extraction per language (through the scan's own path: the
//! source checks, the guards, parsing, every rule, link, assess and every
//! report format), rule files, `.carve/config.toml` and price tables, each
//! access-log format of `carve cost`/`carve plan`, and the language server
//! (its framing alone, and whole sessions). Inputs are real files of the
//! repository mutated by a seeded mutator (`mutate`); the driver
//! (`campaign`) checks that nothing panics, aborts, hangs or blows up, and
//! that every file is either analysed or reported with its reason.
//!
//! `cargo test --release --test fuzz` runs a short deterministic smoke;
//! `bench/fuzz.sh` runs a timed campaign (docs/robustness.md).

mod campaign;
mod mutate;
mod surfaces;

use mutate::Grammar;
use surfaces::{config, cost, extract, lsp, rules};

/// The smoke runs this many inputs per surface (seconds in all).
const SMOKE: u64 = 40;

/// Mutations of `grammar`'s corpus, `smoke` of them in the smoke run,
/// each given to `check`.
fn fuzz_mutations(
    name: &str,
    grammar: &Grammar,
    smoke: u64,
    check: impl FnMut(&[u8]) -> Result<String, String>,
) {
    campaign::run(name, smoke, |rng| mutate::mutate(rng, grammar), check);
}

fn fuzz_extract(name: &str, langs: &[&str], extra_tokens: &[&str], nests: &[(&str, &str)]) {
    let target = extract::Target::new(langs);
    let tokens: Vec<&str> = extra_tokens
        .iter()
        .chain(extract::TOKENS)
        .copied()
        .collect();
    let nests: Vec<(&str, &str)> = nests.iter().chain(extract::NESTS).copied().collect();
    let grammar = Grammar {
        corpus: &target.corpus,
        tokens: &tokens,
        nests: &nests,
        max_len: campaign::max_len(256 << 10),
    };
    let mut parser = tree_sitter::Parser::new();
    fuzz_mutations(name, &grammar, SMOKE, |input| {
        target.check(&mut parser, input)
    });
}

#[test]
fn extract_python() {
    fuzz_extract(
        "extract_python",
        &["python"],
        &[
            "def f(x):",
            "class A:",
            "@app.route('/x')",
            "@router.get('/x')",
            "'''",
            "\"\"\"",
            "f\"{",
            "lambda: ",
            "\\\n",
            "if x:",
            "async def h(request):",
            "global g",
            "import os",
            "from . import x",
            "session['k'] = 1",
            "path('x/', views.v),",
        ],
        &[
            ("if x:\n", ""),
            ("f(", ")"),
            ("f\"{", "}\""),
            ("lambda: ", ""),
        ],
    );
}

#[test]
fn extract_javascript_typescript() {
    fuzz_extract(
        "extract_javascript_typescript",
        &["javascript", "typescript", "tsx"],
        &[
            "function f(){",
            "=>",
            "`${",
            "app.get('/x', (req, res) => {",
            "router.post('/y', h);",
            "/re/g",
            "<div>",
            "</div>",
            "import x from 'y';",
            "require('fs')",
            "@Get(':id')",
            "export default function handler(req, res) {",
            "interface A<T> {",
            "as any",
            "req.session.user = u;",
            "setInterval(f, 1000);",
            "#!/usr/bin/env node\n",
        ],
        &[
            ("function f(){", "}"),
            ("`${", "}`"),
            ("<a>", "</a>"),
            ("(() => ", ")"),
        ],
    );
}

#[test]
fn extract_java() {
    fuzz_extract(
        "extract_java",
        &["java"],
        &[
            "@GetMapping(\"/x\")",
            "@RestController",
            "@RequestMapping(\"/api\")",
            "class A {",
            "public void f() {",
            "\"\"\"",
            "/**",
            "@interface A {}",
            "<T extends Comparable<T>>",
            "-> ",
            "switch (x) {",
            "@Path(\"/{id}\")",
            "static Map<String, Object> M = new HashMap<>();",
            "new Thread(() -> {}).start();",
            "record R(int a) {}",
            "@Deprecated ",
        ],
        &[
            ("class A {", "}"),
            ("f(", ")"),
            ("@A(", ")"),
            ("new int[]{", "}"),
            ("\"\" + (", ")"),
        ],
    );
}

#[test]
fn extract_csharp() {
    fuzz_extract(
        "extract_csharp",
        &["csharp"],
        &[
            "[HttpGet(\"/x\")]",
            "[ApiController]",
            "$\"{",
            "$@\"",
            "\"\"\"",
            "$$\"\"\"{{",
            "#if DEBUG\n",
            "#endif\n",
            "#region r\n",
            "app.MapGet(\"/x\", () => 1);",
            "partial class C {",
            "=> ",
            "@\"",
            "static readonly Dictionary<string, int> D = new();",
            "Task.Run(() => {});",
            "[Obsolete]",
            "HttpContext.Session.SetString(\"k\", v);",
            "/// <summary>",
        ],
        &[
            ("$\"{", "}\""),
            ("namespace N {", "}"),
            ("{", "}"),
            ("[A(", ")]"),
            ("$$\"\"\"{{", "}}\"\"\""),
        ],
    );
}

#[test]
fn extract_go() {
    fuzz_extract(
        "extract_go",
        &["go"],
        &[
            "func f() {",
            "`",
            "r.GET(\"/x\", h)",
            "go func() {",
            "http.HandleFunc(\"/x\", h)",
            "//go:embed x\n",
            "map[string]int{",
            "chan ",
            "var cache = map[string]string{}\n",
            "e.Group(\"/api\")",
            "mux.HandleFunc(\"GET /x/{id}\", h)",
            "func (s *S) H(w http.ResponseWriter, r *http.Request) {",
            "type T struct {",
            "interface {",
            "import \"net/http\"\n",
            "package main\n",
        ],
        &[
            ("func() {", "}()"),
            ("{", "}"),
            ("[]interface{}{", "}"),
            ("f(", ")"),
        ],
    );
}

#[test]
fn extract_php() {
    fuzz_extract(
        "extract_php",
        &["php"],
        &[
            "<?php\n",
            "?>",
            "<?=",
            "<<<EOT\n",
            "\nEOT;\n",
            "<<<'EOT'\n",
            "Route::get('/x', fn() => 1);",
            "\"{$",
            "#[Route('/x')]",
            "function f() {",
            "$x->y",
            "$_SESSION['k'] = 1;",
            "Route::group(['prefix' => 'a'], function () {",
            "namespace App\\Http;",
            "use A\\B;",
            "static $cache = [];",
            "`ls`",
            "/* ",
        ],
        &[
            ("[", "]"),
            ("function() {", "}"),
            ("\"{$a[", "]}\""),
            ("if (1) {", "}"),
            ("<?php ", "?>"),
        ],
    );
}

#[test]
fn extract_ruby() {
    fuzz_extract(
        "extract_ruby",
        &["ruby"],
        &[
            "def f\n",
            "end\n",
            "<<~EOS\n",
            "\nEOS\n",
            "<<-SQL\n",
            "#{",
            "get '/x' do\n",
            "resources :users do\n",
            "%w[",
            "=begin\n",
            "=end\n",
            "do |x|\n",
            "->(x) { ",
            "/re/",
            "class A < ApplicationController\n",
            "session[:k] = 1\n",
            "@@count += 1\n",
            "Thread.new { }\n",
            "namespace :api do\n",
            "module M\n",
            "?a",
        ],
        &[
            ("begin\n", "end\n"),
            ("def f\n", "end\n"),
            ("\"#{", "}\""),
            ("[", "]"),
            ("<<~A\n#{", "}\nA\n"),
        ],
    );
}

#[test]
fn rule_files() {
    let target = rules::Target::new();
    let grammar = Grammar {
        corpus: &target.corpus,
        tokens: rules::TOKENS,
        nests: rules::NESTS,
        max_len: campaign::max_len(64 << 10),
    };
    fuzz_mutations("rule_files", &grammar, SMOKE, |input| target.check(input));
}

#[test]
fn config_files() {
    let target = config::Target::new();
    let grammar = Grammar {
        corpus: &target.corpus,
        tokens: config::TOKENS,
        nests: rules::NESTS,
        max_len: campaign::max_len(64 << 10),
    };
    fuzz_mutations("config_files", &grammar, SMOKE, |input| target.check(input));
}

#[test]
fn price_tables() {
    let target = config::Prices::new();
    let grammar = Grammar {
        corpus: &target.corpus,
        tokens: config::TOKENS,
        nests: rules::NESTS,
        max_len: campaign::max_len(64 << 10),
    };
    fuzz_mutations("price_tables", &grammar, SMOKE, |input| target.check(input));
}

fn fuzz_cost(name: &str, format: carve::cost::logs::Format) {
    let target = cost::Target::new(format);
    let grammar = Grammar {
        corpus: &target.corpus,
        tokens: cost::TOKENS,
        nests: cost::NESTS,
        max_len: campaign::max_len(512 << 10),
    };
    campaign::run(
        name,
        SMOKE,
        |rng| {
            let log = mutate::mutate(rng, &grammar);
            target.maybe_gzip(rng, log)
        },
        |input| target.check(input),
    );
}

#[test]
fn cost_combined_logs() {
    fuzz_cost("cost_combined_logs", carve::cost::logs::Format::Combined);
}

#[test]
fn cost_alb_logs() {
    fuzz_cost("cost_alb_logs", carve::cost::logs::Format::Alb);
}

#[test]
fn cost_jsonl_logs() {
    fuzz_cost("cost_jsonl_logs", carve::cost::logs::Format::Jsonl);
}

#[test]
fn cost_aggregate_csv() {
    fuzz_cost("cost_aggregate_csv", carve::cost::logs::Format::Aggregate);
}

#[test]
fn lsp_framing() {
    let corpus = lsp::corpus();
    let grammar = Grammar {
        corpus: &corpus,
        tokens: lsp::TOKENS,
        nests: lsp::NESTS,
        max_len: campaign::max_len(256 << 10),
    };
    fuzz_mutations("lsp_framing", &grammar, SMOKE, lsp::check_framing);
}

#[test]
fn lsp_sessions() {
    let session = lsp::Session::new();
    let grammar = Grammar {
        corpus: &session.corpus,
        tokens: lsp::TOKENS,
        nests: lsp::NESTS,
        max_len: campaign::max_len(64 << 10),
    };
    // A session starts a server and analyses its folder: a few in the smoke.
    fuzz_mutations("lsp_sessions", &grammar, SMOKE / 20, |input| {
        session.check(input)
    });
}
