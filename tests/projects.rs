//! A tree holding several apps, or one app below the scanned folder: each
//! app's routes, calls and findings are what it gets scanned alone
//! (`src/link/projects.rs`). Each both ways.

mod common;

use common::{has_rule, route_ids, rules_of, scan_path, temp_dir, write_files};

const COMPOSER: &str =
    r#"{"require": {"laravel/framework": "^10.0"}, "autoload": {"psr-4": {"App\\": "app/"}}}"#;
const PROVIDER: &str = "<?php\nnamespace App\\Providers;\n\nuse Illuminate\\Support\\Facades\\Route;\n\nclass RouteServiceProvider\n{\n    public function boot(): void\n    {\n        $this->routes(function () {\n            Route::middleware('api')->prefix('api')->group(base_path('routes/api.php'));\n        });\n    }\n}\n";
const API_ROUTES: &str = "<?php\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/users', function () { return []; });\n";

#[test]
fn a_laravel_app_below_the_scanned_folder_keeps_its_api_prefix() {
    let files = [
        ("composer.json", COMPOSER),
        ("app/Providers/RouteServiceProvider.php", PROVIDER),
        ("routes/api.php", API_ROUTES),
    ];
    let alone = temp_dir("projects-laravel-alone");
    write_files(&alone, &files);
    let nested = temp_dir("projects-laravel-nested");
    let below: Vec<(String, &str)> = files
        .iter()
        .map(|(path, text)| (format!("backend/{path}"), *text))
        .collect();
    let below: Vec<(&str, &str)> = below.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    write_files(&nested, &below);
    assert_eq!(route_ids(&scan_path(&alone)), vec!["GET /api/users"]);
    assert_eq!(route_ids(&scan_path(&nested)), vec!["GET /api/users"]);
    // Without its manifest, nothing says where the app starts: the path
    // stays the scanned folder's (the include still resolves beside it).
    let bare = temp_dir("projects-laravel-bare");
    let no_manifest: Vec<(&str, &str)> = below
        .iter()
        .copied()
        .filter(|(p, _)| !p.ends_with("composer.json"))
        .collect();
    write_files(&bare, &no_manifest);
    assert!(!route_ids(&scan_path(&bare)).contains(&"GET /api/users".to_string()));
}

const FLASK_VIEWS: &str = "from flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/visit')\ndef visit():\n    record_visit()\n    return 'ok'\n";
const JS_COUNTER: &str = "const hits = {};\n\nfunction record_visit() {\n  hits.total = (hits.total || 0) + 1;\n}\n\nmodule.exports = { record_visit };\n";
const JS_SERVER: &str = "const express = require('express');\nconst { record_visit } = require('./counter');\n\nconst app = express();\napp.get('/count', (req, res) => { record_visit(); res.send('x'); });\napp.listen(3000);\n";
const PY_STATS: &str =
    "VISITS = {}\n\ndef record_visit():\n    VISITS['n'] = VISITS.get('n', 0) + 1\n";
const PY_STATS_APP: &str = "from flask import Flask\nfrom stats import record_visit\n\napp = Flask(__name__)\n\n@app.route('/stats')\ndef stats():\n    record_visit()\n    return 'ok'\n";

#[test]
fn a_name_is_never_guessed_into_another_runtime_or_project() {
    // `record_visit` is an Express app's: the Flask app's call of an
    // unimported `record_visit()` is not it.
    let dir = temp_dir("projects-runtime");
    write_files(
        &dir,
        &[
            ("api/requirements.txt", "flask\n"),
            ("api/app.py", FLASK_VIEWS),
            ("web/package.json", r#"{"dependencies": {"express": "^4"}}"#),
            ("web/counter.js", JS_COUNTER),
            ("web/server.js", JS_SERVER),
        ],
    );
    let report = scan_path(&dir);
    assert!(has_rule(&rules_of(&report, "GET /count"), "global-state/"));
    assert!(
        rules_of(&report, "GET /visit").is_empty(),
        "{:?}",
        rules_of(&report, "GET /visit")
    );
    // Nor is another Python service's function of that name.
    let dir = temp_dir("projects-project");
    write_files(
        &dir,
        &[
            ("api/requirements.txt", "flask\n"),
            ("api/app.py", FLASK_VIEWS),
            ("stats/requirements.txt", "flask\n"),
            ("stats/stats.py", PY_STATS),
            ("stats/app.py", PY_STATS_APP),
        ],
    );
    let report = scan_path(&dir);
    assert!(has_rule(&rules_of(&report, "GET /stats"), "global-state/"));
    assert!(
        rules_of(&report, "GET /visit").is_empty(),
        "{:?}",
        rules_of(&report, "GET /visit")
    );
    // The same function in the app's own project is guessed, as before.
    let dir = temp_dir("projects-own");
    write_files(
        &dir,
        &[
            ("api/requirements.txt", "flask\n"),
            ("api/app.py", FLASK_VIEWS),
            ("api/stats.py", PY_STATS),
        ],
    );
    let report = scan_path(&dir);
    assert!(has_rule(&rules_of(&report, "GET /visit"), "global-state/"));
}
