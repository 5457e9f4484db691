//! A PHP script that declares a framework's routes (Slim's `index.php`) is
//! its front controller: no route at its own path, and its top-level code,
//! with the files it includes, runs before each of its routes. A cause a
//! route runs stands for one in a method nothing calls.

mod common;

use common::{has_rule, route_ids, rules_of, scan_path, temp_dir, write_files, SLIM_COMPOSER};

/// Includes init.php and calls a function at its top level (a page would),
/// then declares Slim 3 routes.
const INDEX: &str = "<?php\nrequire_once __DIR__ . '/vendor/autoload.php';\nrequire_once __DIR__ . '/init.php';\n\nuse Slim\\App;\n\ndefine('ROOT_URL', '/');\n$app = new App();\n$app->group('', function () {\n    $this->get('/', '\\App\\HomeController:index');\n    $this->post('/save', '\\App\\HomeController:save');\n});\n$app->run();\n";
const INIT: &str = "<?php\nsession_start();\n";
const HOME: &str = "<?php\nnamespace App;\n\nclass HomeController\n{\n    public function index($request, $response)\n    {\n        return $response;\n    }\n\n    public function save($request, $response)\n    {\n        $_SESSION['saved'] = $request->getParam('x');\n        return $response;\n    }\n}\n";
/// A session helper whose `start()` nothing calls.
const SESSIONS: &str = "<?php\nnamespace App;\n\nclass Sessions\n{\n    public function start()\n    {\n        return session_start();\n    }\n}\n";
/// A plain script that reads a cookie and prints: a route at its path.
const PAGE: &str = "<?php\nrequire_once __DIR__ . '/init.php';\necho $_COOKIE['x'];\n";

#[test]
fn a_slim_front_controller_runs_its_top_level_code_on_every_route() {
    let dir = temp_dir("slim-front-controller");
    write_files(
        &dir,
        &[
            ("composer.json", SLIM_COMPOSER),
            ("index.php", INDEX),
            ("init.php", INIT),
            ("src/HomeController.php", HOME),
            ("src/Sessions.php", SESSIONS),
            ("page.php", PAGE),
        ],
    );
    let report = scan_path(&dir);
    let ids = route_ids(&report);
    assert!(!ids.iter().any(|id| id.ends_with("/index.php")), "{ids:?}");
    assert!(ids.iter().any(|id| id == "ANY /page.php"), "{ids:?}");
    for route in ["GET /", "POST /save"] {
        let found = rules_of(&report, route);
        assert!(
            has_rule(&found, "session/php-session-start"),
            "{route}: {found:?}"
        );
    }
    // The session start on the routes is init.php's, not the uncalled method's.
    let save = report
        .routes
        .iter()
        .find(|r| r.id == "POST /save")
        .expect("POST /save");
    let starts: Vec<&str> = save
        .findings
        .iter()
        .filter(|f| f.at.rule == "session/php-session-start")
        .map(|f| f.at.file.as_str())
        .collect();
    assert_eq!(starts, vec!["init.php"], "{starts:?}");
}
