//! A Slim 3 app whose services are factories kept in a container
//! (`$container['pages'] = function ($c) {…}`): a factory runs on the routes
//! that read its key (`$this->container->pages->…`, `new Feed($c->store)`),
//! not on every route through the function that stores it; and a local kept
//! from a call (`$page = …->getPage($url)`) has the methods of the class the
//! called method declares it returns. Each both ways.

mod common;

use common::{rule_hits_on, scan_path, temp_dir, write_files, SLIM_COMPOSER};

const INDEX: &str = "<?php\nrequire_once __DIR__ . '/vendor/autoload.php';\n\nuse Slim\\App;\n\n$builder = new \\App\\Builder();\n$app = new App($builder->build());\n$app->group('', function () {\n    $this->get('/feed', '\\App\\FeedController:feed');\n    $this->get('/rebound', '\\App\\FeedController:rebound');\n    $this->get('/untyped', '\\App\\FeedController:untyped');\n    $this->get('/stored', '\\App\\FeedController:stored');\n    $this->get('/built', '\\App\\FeedController:built');\n});\n$app->group('/api', function () {\n    $this->get('/ping', '\\App\\FeedController:ping');\n})->add(\\App\\Guard::class);\n$app->group('/hooked', function () {\n    $this->get('/ping', '\\App\\FeedController:ping');\n})->add('\\App\\Guard');\n$app->group('/aliased', function () {\n    $this->get('/ping', '\\App\\FeedController:ping');\n})->add('Guard');\n$app->run();\n";
/// Three factories: `store` writes its file as it is made, `feed` is made
/// from the store.
const BUILDER: &str = "<?php\nnamespace App;\n\nclass Builder\n{\n    public function build()\n    {\n        $container = new \\Slim\\Container();\n        $container['pages'] = function ($c) {\n            return new Pages();\n        };\n        $container['store'] = function ($c) {\n            return new Store();\n        };\n        $container['feed'] = function ($c) {\n            return new Feed($c->store);\n        };\n        return $container;\n    }\n}\n";
const CONTROLLER: &str = "<?php\nnamespace App;\n\nclass FeedController\n{\n    protected $container;\n\n    public function __construct($container)\n    {\n        $this->container = $container;\n    }\n\n    public function feed($request, $response)\n    {\n        $page = $this->container->pages->getPage('/feed');\n        $page->cache('x');\n        return $response;\n    }\n\n    public function rebound($request, $response)\n    {\n        $out = $this->container->pages->getPage('/feed');\n        $out = $request->getAttribute('out');\n        $out->cache('x');\n        return $response;\n    }\n\n    public function untyped($request, $response)\n    {\n        $out = $this->container->pages->fetch('/feed');\n        $out->cache('x');\n        return $response;\n    }\n\n    public function stored($request, $response)\n    {\n        $this->container->store->get();\n        return $response;\n    }\n\n    public function built($request, $response)\n    {\n        $this->container->feed->run();\n        return $response;\n    }\n\n    public function ping($request, $response)\n    {\n        return $response;\n    }\n}\n";
/// `getPage` declares what it returns, `fetch` does not.
const PAGES: &str = "<?php\nnamespace App;\n\nclass Pages\n{\n    public function getPage(string $url): ?Page\n    {\n        return new Page($url);\n    }\n\n    public function fetch($url)\n    {\n        return new Page($url);\n    }\n}\n";
const PAGE: &str = "<?php\nnamespace App;\n\nclass Page\n{\n    public function __construct($url)\n    {\n    }\n\n    public function cache($content)\n    {\n        file_put_contents('pagecache/page', $content);\n    }\n}\n";
/// Another class with a `cache` method: never the page's.
const OTHER: &str = "<?php\nnamespace App;\n\nclass Other\n{\n    public function cache($content)\n    {\n        file_put_contents('othercache/other', $content);\n    }\n}\n";
const STORE: &str = "<?php\nnamespace App;\n\nclass Store\n{\n    public function __construct()\n    {\n        file_put_contents('data/store', 'x');\n    }\n\n    public function get()\n    {\n        return 1;\n    }\n}\n";
const FEED: &str = "<?php\nnamespace App;\n\nclass Feed\n{\n    public function __construct($store)\n    {\n    }\n\n    public function run()\n    {\n        return 1;\n    }\n}\n";

/// A group's middleware: it records each request.
const GUARD: &str = "<?php\nnamespace App;\n\nclass Guard\n{\n    public function __invoke($request, $response, $next)\n    {\n        file_put_contents('data/guard', 'x');\n        return $next($request, $response);\n    }\n}\n";

/// The local-fs writes found on each route, as `file:line`.
fn writes(tag: &str) -> impl Fn(&str) -> Vec<String> {
    let dir = temp_dir(tag);
    write_files(
        &dir,
        &[
            ("composer.json", SLIM_COMPOSER),
            ("index.php", INDEX),
            ("src/Builder.php", BUILDER),
            ("src/FeedController.php", CONTROLLER),
            ("src/Pages.php", PAGES),
            ("src/Page.php", PAGE),
            ("src/Other.php", OTHER),
            ("src/Store.php", STORE),
            ("src/Feed.php", FEED),
            ("src/Guard.php", GUARD),
        ],
    );
    let report = scan_path(&dir);
    move |route: &str| rule_hits_on(&report, route, "local-fs/php-file-write")
}

#[test]
fn a_local_kept_from_a_call_has_the_methods_of_its_declared_class() {
    let writes = writes("php-call-result");
    assert_eq!(writes("GET /feed"), vec!["src/Page.php:12"]);
    // Assigned another value since, or from a method declaring no class:
    // nothing known, and the other class's `cache` is never guessed.
    assert_eq!(writes("GET /rebound"), Vec::<String>::new());
    assert_eq!(writes("GET /untyped"), Vec::<String>::new());
}

#[test]
fn a_container_factory_runs_on_the_routes_that_read_its_key() {
    let writes = writes("php-container-slots");
    // Read and called on, or passed to another factory as it is made.
    assert_eq!(writes("GET /stored"), vec!["src/Store.php:8"]);
    assert_eq!(writes("GET /built"), vec!["src/Store.php:8"]);
    // Stored beside the others, never read there.
    assert!(!writes("GET /feed").contains(&"src/Store.php:8".to_string()));
}

#[test]
fn a_group_middleware_runs_before_the_group_routes_only() {
    let writes = writes("php-group-middleware");
    assert_eq!(writes("GET /api/ping"), vec!["src/Guard.php:8"]);
    assert!(!writes("GET /stored").contains(&"src/Guard.php:8".to_string()));
}

#[test]
fn a_group_middleware_named_by_a_qualified_string_is_its_class() {
    let writes = writes("php-string-middleware");
    // `->add('\App\Guard')` names the class as `\App\Guard::class` does.
    assert_eq!(writes("GET /hooked/ping"), vec!["src/Guard.php:8"]);
    // A name without a namespace separator (a container key, an alias) is
    // no class reference.
    assert_eq!(writes("GET /aliased/ping"), Vec::<String>::new());
}
