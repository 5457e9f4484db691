//! Laravel routes and calls the framework makes out of what is written:
//! routes declared in a loop over an array, resource actions left out one
//! string per argument, typed parameters (method injection), services taken
//! from the container (`app(X::class)->m()`) and jobs handed to a
//! dispatcher (`dispatch(new X)` runs `X::handle`); static writes only on a
//! long-lived worker. Each both ways.

mod common;

use common::{has_rule, route_ids, rules_of, scan_path, temp_dir, write_files};

const COMPOSER: &str =
    r#"{"require": {"laravel/framework": "^11.0"}, "autoload": {"psr-4": {"App\\": "app/"}}}"#;

/// An invokable controller `App\Http\Controllers\<name>` whose `__invoke`
/// runs `body`, with the given `use` lines.
fn controller(name: &str, uses: &str, body: &str) -> String {
    format!(
        "<?php\nnamespace App\\Http\\Controllers;\n\n{uses}\nclass {name}\n{{\n    public function __invoke({body}\n    }}\n}}\n"
    )
}

/// A service `App\Services\<name>` with one method `m` running `body`.
fn service(name: &str, method: &str, body: &str) -> String {
    format!(
        "<?php\nnamespace App\\Services;\n\nclass {name}\n{{\n    public function {method}($x = null)\n    {{\n        {body}\n    }}\n}}\n"
    )
}

const STREAM: &str = "while (!feof($x) && !connection_aborted()) { echo fread($x, 8192); }";
const WRITE: &str = "file_put_contents('/var/app/out.txt', 'x');";

fn app(tag: &str, routes: &str, files: &[(&str, String)]) -> carve::report::Report {
    let dir = temp_dir(tag);
    let mut all: Vec<(&str, &str)> = vec![("composer.json", COMPOSER), ("routes/api.php", routes)];
    all.extend(files.iter().map(|(path, text)| (*path, text.as_str())));
    write_files(&dir, &all);
    scan_path(&dir)
}

#[test]
fn routes_declared_in_a_loop_over_an_array_are_one_per_entry() {
    let routes = "<?php\nuse App\\Http\\Controllers\\PingController;\nuse App\\Http\\Controllers\\StreamController;\nuse Illuminate\\Support\\Facades\\Route;\n\n$endpoints = [\n    'ping' => PingController::class,\n    'stream' => StreamController::class,\n];\n\nRoute::prefix('rest')->group(static function () use ($endpoints): void {\n    foreach ($endpoints as $endpoint => $controller) {\n        Route::match(['get', 'post'], \"{$endpoint}{format?}\", $controller)->where('format', '\\.view');\n    }\n    foreach ($this->more() as $name => $handler) {\n        Route::get(\"{$name}/more\", $handler);\n    }\n});\n";
    let files = [
        (
            "app/Http/Controllers/PingController.php",
            controller("PingController", "", ")\n    {\n        return 'ok';"),
        ),
        (
            "app/Http/Controllers/StreamController.php",
            controller(
                "StreamController",
                "use App\\Services\\Proxy;\n",
                "Proxy $proxy)\n    {\n        return $proxy->pipe();",
            ),
        ),
        ("app/Services/Proxy.php", service("Proxy", "pipe", STREAM)),
    ];
    let report = app("laravel-loop-routes", routes, &files);
    let mut ids = route_ids(&report);
    ids.sort();
    assert!(
        ids.iter().any(|id| id.starts_with("GET /rest/ping"))
            && ids.iter().any(|id| id.starts_with("POST /rest/stream")),
        "{ids:?}"
    );
    // The loop over a call's result gives no route: its paths are unknown.
    assert!(!ids.iter().any(|id| id.contains("more")), "{ids:?}");
    assert_eq!(ids.len(), 4, "{ids:?}");
    // Each entry's handler is its controller's __invoke: the stream
    // controller's typed parameter reaches the proxy loop, the ping's not.
    let stream = ids
        .iter()
        .find(|id| id.starts_with("GET /rest/stream"))
        .unwrap();
    let ping = ids
        .iter()
        .find(|id| id.starts_with("GET /rest/ping"))
        .unwrap();
    assert!(
        has_rule(
            &rules_of(&report, stream),
            "long-running/php-stream-until-disconnect"
        ),
        "{:?}",
        rules_of(&report, stream)
    );
    assert!(
        rules_of(&report, ping).is_empty(),
        "{:?}",
        rules_of(&report, ping)
    );
}

#[test]
fn resource_actions_left_out_one_string_per_argument() {
    let routes = "<?php\nuse App\\Http\\Controllers\\SongController;\nuse App\\Http\\Controllers\\AlbumController;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::apiResource('songs', SongController::class)\n    ->except('update', 'destroy')\n    ->where(['song' => '[0-9]+']);\nRoute::apiResource('albums', AlbumController::class)->only('index');\n";
    let methods = "<?php\nnamespace App\\Http\\Controllers;\n\nclass {C}\n{\n    public function index() { return 1; }\n    public function store() { return 1; }\n    public function show($id) { return 1; }\n    public function update($id) { return 1; }\n    public function destroy($id) { return 1; }\n}\n";
    let files = [
        (
            "app/Http/Controllers/SongController.php",
            methods.replace("{C}", "SongController"),
        ),
        (
            "app/Http/Controllers/AlbumController.php",
            methods.replace("{C}", "AlbumController"),
        ),
    ];
    let report = app("laravel-except-strings", routes, &files);
    let mut ids = route_ids(&report);
    ids.sort();
    assert_eq!(
        ids,
        [
            "GET /albums",
            "GET /songs",
            "GET /songs/{song}",
            "POST /songs"
        ],
        "{ids:?}"
    );
}

/// `/typed`, `/container` and `/job` reach the harmful service; `/other`,
/// `/other-container` and `/event` name another class with a method of
/// the same name, which is harmless.
#[test]
fn typed_parameters_the_container_and_dispatched_jobs_reach_their_class() {
    let routes = "<?php\nuse App\\Http\\Controllers\\TypedController;\nuse App\\Http\\Controllers\\OtherController;\nuse App\\Http\\Controllers\\ContainerController;\nuse App\\Http\\Controllers\\OtherContainerController;\nuse App\\Http\\Controllers\\JobController;\nuse App\\Http\\Controllers\\EventController;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/typed', TypedController::class);\nRoute::get('/other', OtherController::class);\nRoute::get('/container', ContainerController::class);\nRoute::get('/other-container', OtherContainerController::class);\nRoute::get('/job', JobController::class);\nRoute::get('/event', EventController::class);\n";
    let uses = "use App\\Services\\Writer;\nuse App\\Services\\Quiet;\nuse App\\Jobs\\WriteJob;\nuse App\\Events\\Saved;\n";
    let files = [
        (
            "app/Http/Controllers/TypedController.php",
            controller(
                "TypedController",
                uses,
                "Writer $w)\n    {\n        return $w->save();",
            ),
        ),
        (
            "app/Http/Controllers/OtherController.php",
            controller(
                "OtherController",
                uses,
                "Quiet $w)\n    {\n        return $w->save();",
            ),
        ),
        (
            "app/Http/Controllers/ContainerController.php",
            controller(
                "ContainerController",
                uses,
                ")\n    {\n        return app(Writer::class)->save();",
            ),
        ),
        (
            "app/Http/Controllers/OtherContainerController.php",
            controller(
                "OtherContainerController",
                uses,
                ")\n    {\n        return app(Quiet::class)->save();",
            ),
        ),
        (
            "app/Http/Controllers/JobController.php",
            controller(
                "JobController",
                uses,
                ")\n    {\n        return dispatch(new WriteJob('a'));",
            ),
        ),
        (
            "app/Http/Controllers/EventController.php",
            controller(
                "EventController",
                uses,
                ")\n    {\n        return event(new Saved('a'));",
            ),
        ),
        ("app/Services/Writer.php", service("Writer", "save", WRITE)),
        (
            "app/Services/Quiet.php",
            service("Quiet", "save", "return 1;"),
        ),
        (
            "app/Jobs/WriteJob.php",
            service("WriteJob", "handle", WRITE).replace("App\\Services", "App\\Jobs"),
        ),
        (
            "app/Events/Saved.php",
            service("Saved", "handle", WRITE).replace("App\\Services", "App\\Events"),
        ),
    ];
    let report = app("laravel-injected-calls", routes, &files);
    for id in ["GET /typed", "GET /container", "GET /job"] {
        let rules = rules_of(&report, id);
        assert!(
            has_rule(&rules, "local-fs/php-file-write"),
            "{id}: {rules:?}"
        );
    }
    for id in ["GET /other", "GET /other-container", "GET /event"] {
        let rules = rules_of(&report, id);
        assert!(!has_rule(&rules, "local-fs/"), "{id}: {rules:?}");
    }
}

/// A static memo written on a request: nothing under PHP-FPM, an advisory
/// when the app runs on a long-lived worker (Octane).
#[test]
fn a_static_write_counts_only_on_a_long_lived_worker() {
    let routes = "<?php\nuse App\\Http\\Controllers\\MemoController;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/memo', MemoController::class);\n";
    let memo = controller(
        "MemoController",
        "",
        ")\n    {\n        self::$seen ??= request()->path();\n        return self::$seen;",
    )
    .replace(
        "{\n    public",
        "{\n    private static ?string $seen = null;\n\n    public",
    );
    let files = [("app/Http/Controllers/MemoController.php", memo)];
    let report = app("laravel-static-fpm", routes, &files);
    let rules = rules_of(&report, "GET /memo");
    assert!(!has_rule(&rules, "global-state/"), "{rules:?}");
    let octane = r#"{"require": {"laravel/framework": "^11.0", "laravel/octane": "^2.0"}, "autoload": {"psr-4": {"App\\": "app/"}}}"#;
    let files = [
        (
            "app/Http/Controllers/MemoController.php",
            files[0].1.clone(),
        ),
        ("composer.json", octane.to_string()),
    ];
    let report = app("laravel-static-octane", routes, &files);
    let rules = rules_of(&report, "GET /memo");
    assert!(
        has_rule(&rules, "global-state/php-static-property-write"),
        "{rules:?}"
    );
}
