//! PHP state that a route only seems to write: a field holding one of two
//! classes reaches the methods of both; a file rebuilt when older than its
//! source (a compiled template) is no state; a write guarded by a flag of
//! its class counts only where the program calls a method turning it on.

mod common;

use common::{rule_hits_on, rules_of, scan_path, temp_dir, write_files, SLIM_COMPOSER};

const INDEX: &str = "<?php\nrequire_once __DIR__ . '/vendor/autoload.php';\n\nuse Slim\\App;\n\n$app = new App();\n$app->group('', function () {\n    $this->get('/page', '\\App\\PageController:show');\n    $this->post('/settings', '\\App\\PageController:save');\n    $this->get('/cached', '\\App\\PageController:cached');\n});\n$app->run();\n";
const CONTROLLER: &str = "<?php\nnamespace App;\n\nclass PageController\n{\n    public function show($request, $response)\n    {\n        $tpl = new Template();\n        return $tpl->draw('page');\n    }\n\n    public function save($request, $response)\n    {\n        $conf = new Settings();\n        $conf->write();\n        return $response;\n    }\n\n    public function cached($request, $response)\n    {\n        CACHED\n    }\n}\n";
/// Settings kept by one of two stores, picked at run time.
const SETTINGS: &str = "<?php\nnamespace App;\n\nclass Settings\n{\n    protected $io;\n\n    public function __construct()\n    {\n        if (is_file('data/config.php')) {\n            $this->io = new PhpStore();\n        } else {\n            $this->io = new JsonStore();\n        }\n    }\n\n    public function write()\n    {\n        $this->io->write('data/config', []);\n    }\n}\n";
const PHP_STORE: &str = "<?php\nnamespace App;\n\nclass PhpStore\n{\n    public function write($path, $conf)\n    {\n        return true;\n    }\n}\n";
const JSON_STORE: &str = "<?php\nnamespace App;\n\nclass JsonStore\n{\n    public function write($path, $conf)\n    {\n        file_put_contents($path . '.json', json_encode($conf));\n    }\n}\n";
/// A template engine: compiles a template when the compiled file is
/// missing or older (GUARD), and writes the page cache only while its
/// `cache` flag is on, which `cache()` turns on.
const TEMPLATE: &str = "<?php\nnamespace App;\n\nclass Template\n{\n    protected $cache = false;\n\n    public function draw($name)\n    {\n        $compiled = 'tmp/' . $name . '.php';\n        $source = 'tpl/' . $name . '.html';\n        if (GUARD) {\n            $this->compile($source, $compiled);\n        }\n        $html = file_get_contents($compiled);\n        if ($this->cache) {\n            file_put_contents('cache/' . $name, $html);\n        }\n        return $html;\n    }\n\n    public function cache($name)\n    {\n        $this->cache = true;\n    }\n\n    protected function compile($source, $compiled)\n    {\n        file_put_contents($compiled, file_get_contents($source));\n    }\n}\n";

/// The local-fs writes of `route`, as `file:line`.
fn local_fs_of(report: &carve::report::Report, route: &str) -> Vec<String> {
    rule_hits_on(report, route, "local-fs/php-file-write")
}

fn scan(tag: &str, guard: &str, cached: &str) -> carve::report::Report {
    let dir = temp_dir(tag);
    let template = TEMPLATE.replace("GUARD", guard);
    let controller = CONTROLLER.replace("CACHED", cached);
    write_files(
        &dir,
        &[
            ("composer.json", SLIM_COMPOSER),
            ("index.php", INDEX),
            ("src/PageController.php", &controller),
            ("src/Settings.php", SETTINGS),
            ("src/PhpStore.php", PHP_STORE),
            ("src/JsonStore.php", JSON_STORE),
            ("src/Template.php", &template),
        ],
    );
    scan_path(&dir)
}

const STALE: &str = "!file_exists($compiled) || filemtime($compiled) < filemtime($source)";
const NO_CACHE: &str = "return $response;";

#[test]
fn a_field_holding_one_of_two_classes_reaches_the_methods_of_both() {
    let report = scan("php-two-stores", STALE, NO_CACHE);
    let found = local_fs_of(&report, "POST /settings");
    assert_eq!(found, vec!["src/JsonStore.php:8"], "{found:?}");
}

#[test]
fn a_template_recompiled_when_stale_and_an_unset_cache_flag_write_nothing() {
    let report = scan("php-rebuild", STALE, NO_CACHE);
    let found = local_fs_of(&report, "GET /page");
    assert!(
        found.is_empty(),
        "{found:?}: {:?}",
        rules_of(&report, "GET /page")
    );
}

#[test]
fn a_file_written_only_when_missing_is_still_a_write() {
    // No staleness test against a source: not a derived file.
    let report = scan("php-missing-only", "!file_exists($compiled)", NO_CACHE);
    let found = local_fs_of(&report, "GET /page");
    assert_eq!(found, vec!["src/Template.php:29"], "{found:?}");
}

#[test]
fn a_cache_flag_some_route_turns_on_guards_a_real_write() {
    let cached =
        "$tpl = new Template();\n        $tpl->cache('page');\n        return $tpl->draw('page');";
    let report = scan("php-flag-on", STALE, cached);
    let found = local_fs_of(&report, "GET /page");
    assert_eq!(found, vec!["src/Template.php:17"], "{found:?}");
}
