//! Laravel routes and calls the framework makes out of what is written:
//! routes declared in a loop over an array, resource actions left out one
//! string per argument, typed parameters (method injection), services taken
//! from the container (`app(X::class)->m()`), jobs handed to a dispatcher
//! or dispatched by their class (`dispatch(new X)`, `X::dispatch()` run
//! `X::handle`) and methods called on a factory's declared result; static
//! writes only on a long-lived worker. Each both ways.

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

/// A job dispatched by its class (`WriteJob::dispatch(...)`, Laravel's
/// `Dispatchable`) runs its `handle()`; a class without one (an event) is
/// no call of it. A method called on a static call's result runs the method
/// of the class the static method declares it returns.
#[test]
fn class_dispatched_jobs_and_factory_results_reach_their_methods() {
    let routes = "<?php\nuse App\\Http\\Controllers\\JobController;\nuse App\\Http\\Controllers\\EventController;\nuse App\\Http\\Controllers\\FactoryController;\nuse App\\Http\\Controllers\\QuietFactoryController;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/job', JobController::class);\nRoute::get('/event', EventController::class);\nRoute::get('/factory', FactoryController::class);\nRoute::get('/quiet-factory', QuietFactoryController::class);\n";
    let uses = "use App\\Services\\Factory;\nuse App\\Jobs\\WriteJob;\nuse App\\Events\\Saved;\n";
    let call = |name: &str, body: &str| {
        (
            format!("app/Http/Controllers/{name}.php"),
            controller(name, uses, &format!(")\n    {{\n        return {body};")),
        )
    };
    let files = [
        call("JobController", "WriteJob::dispatch('a')"),
        call("EventController", "Saved::dispatch('a')"),
        call("FactoryController", "Factory::make('a')->save()"),
        call("QuietFactoryController", "Factory::quiet('a')->save()"),
        (
            "app/Services/Factory.php".to_string(),
            "<?php\nnamespace App\\Services;\n\nclass Factory\n{\n    public static function make(string $x): Writer\n    {\n        return new Writer();\n    }\n\n    public static function quiet(string $x): ?Quiet\n    {\n        return new Quiet();\n    }\n}\n".to_string(),
        ),
        ("app/Services/Writer.php".to_string(), service("Writer", "save", WRITE)),
        ("app/Services/Quiet.php".to_string(), service("Quiet", "save", "return 1;")),
        (
            "app/Jobs/WriteJob.php".to_string(),
            service("WriteJob", "handle", WRITE).replace("App\\Services", "App\\Jobs"),
        ),
        (
            "app/Events/Saved.php".to_string(),
            service("Saved", "broadcastOn", WRITE).replace("App\\Services", "App\\Events"),
        ),
    ];
    let files: Vec<(&str, String)> = files.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
    let report = app("laravel-dispatch-factory", routes, &files);
    for id in ["GET /job", "GET /factory"] {
        let rules = rules_of(&report, id);
        assert!(
            has_rule(&rules, "local-fs/php-file-write"),
            "{id}: {rules:?}"
        );
    }
    for id in ["GET /event", "GET /quiet-factory"] {
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

/// An abstract service bound in a service provider to a `match` on
/// configuration: a call through the abstract type runs each arm's class
/// (the default one too), and a class no binding or arm names is not run.
#[test]
fn a_container_binding_runs_each_bound_implementation() {
    let routes = "<?php\nuse App\\Http\\Controllers\\StoreController;\nuse App\\Http\\Controllers\\ReportController;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::post('/store', StoreController::class);\nRoute::post('/report', ReportController::class);\n";
    let storage = |name: &str, body: &str| {
        format!("<?php\nnamespace App\\Services;\n\nclass {name} extends Storage\n{{\n    public function put($x)\n    {{\n        {body}\n    }}\n}}\n")
    };
    let exporter = |name: &str, body: &str| {
        format!("<?php\nnamespace App\\Services;\n\nclass {name} extends Exporter\n{{\n    public function export($x)\n    {{\n        {body}\n    }}\n}}\n")
    };
    let provider = "<?php\nnamespace App\\Providers;\n\nuse App\\Services\\Storage;\nuse App\\Services\\LocalStorage;\nuse App\\Services\\CloudStorage;\nuse Illuminate\\Support\\ServiceProvider;\n\nclass StorageServiceProvider extends ServiceProvider\n{\n    public function register(): void\n    {\n        $this->app->bind(Storage::class, function () {\n            $concrete = match (config('app.storage')) {\n                's3' => CloudStorage::class,\n                default => LocalStorage::class,\n            };\n            return $this->app->make($concrete);\n        });\n    }\n}\n";
    let files = [
        (
            "app/Http/Controllers/StoreController.php",
            controller(
                "StoreController",
                "use App\\Services\\Storage;\n",
                "Storage $storage)\n    {\n        return $storage->put('a');",
            ),
        ),
        (
            "app/Http/Controllers/ReportController.php",
            controller(
                "ReportController",
                "use App\\Services\\Exporter;\n",
                "Exporter $exporter)\n    {\n        return $exporter->export('a');",
            ),
        ),
        (
            "app/Services/Storage.php",
            "<?php\nnamespace App\\Services;\n\nabstract class Storage\n{\n    abstract public function put($x);\n}\n".to_string(),
        ),
        ("app/Services/LocalStorage.php", storage("LocalStorage", WRITE)),
        ("app/Services/CloudStorage.php", storage("CloudStorage", "return 1;")),
        (
            "app/Services/Exporter.php",
            "<?php\nnamespace App\\Services;\n\nabstract class Exporter\n{\n    abstract public function export($x);\n}\n".to_string(),
        ),
        ("app/Services/FileExporter.php", exporter("FileExporter", WRITE)),
        ("app/Services/NullExporter.php", exporter("NullExporter", "return 1;")),
        ("app/Providers/StorageServiceProvider.php", provider.to_string()),
    ];
    let report = app("laravel-container-binding", routes, &files);
    let rules = rules_of(&report, "POST /store");
    assert!(has_rule(&rules, "local-fs/php-file-write"), "{rules:?}");
    // The default arm is what runs unless configured: the edge says so, and
    // the `s3` arm's class is not run.
    let store = report
        .routes
        .iter()
        .find(|r| r.id == "POST /store")
        .expect("store route");
    let write = store
        .findings
        .iter()
        .find(|f| f.at.rule == "local-fs/php-file-write")
        .expect("write");
    let last = write.chain.last().expect("chain");
    assert_eq!(
        format!("{:?}", last.resolved),
        "Some(BindingDefault)",
        "{:?}",
        write.chain
    );
    assert!(last.file.ends_with("LocalStorage.php"), "{:?}", write.chain);
    // Two implementations that nothing binds or picks: neither is guessed.
    let rules = rules_of(&report, "POST /report");
    assert!(!has_rule(&rules, "local-fs/"), "{rules:?}");
}

/// Saving or deleting an Eloquent model of the program runs its lifecycle:
/// Scout's index sync of a `Searchable` model (when the TNTSearch driver
/// keeps the index on the local disk) and its observers' event methods.
/// A read of the model, and a model without Scout, run neither.
#[test]
fn model_writes_reach_the_scout_index_and_the_observers() {
    let composer = r#"{"require": {"laravel/framework": "^11.0", "laravel/scout": "^10.0"}, "autoload": {"psr-4": {"App\\": "app/"}}}"#;
    let routes = "<?php\nuse App\\Http\\Controllers\\SongController;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::post('/songs', [SongController::class, 'store']);\nRoute::delete('/songs/{song}', [SongController::class, 'destroy']);\nRoute::get('/songs/{song}', [SongController::class, 'show']);\nRoute::get('/search', [SongController::class, 'search']);\nRoute::delete('/themes/{theme}', [SongController::class, 'dropTheme']);\nRoute::put('/tags/{tag}', [SongController::class, 'tag']);\n";
    let controller = "<?php\nnamespace App\\Http\\Controllers;\n\nuse App\\Models\\Song;\nuse App\\Models\\Tag;\nuse App\\Models\\Theme;\n\nclass SongController\n{\n    public function store()\n    {\n        return Song::create(['title' => 'x']);\n    }\n\n    public function destroy(Song $song)\n    {\n        $song->delete();\n    }\n\n    public function show(Song $song)\n    {\n        return Song::find($song->id);\n    }\n\n    public function search()\n    {\n        return Song::search(request('q'))->get();\n    }\n\n    public function dropTheme(Theme $theme)\n    {\n        $theme->delete();\n    }\n\n    public function tag(Tag $tag)\n    {\n        $tag->update(['name' => 'x']);\n    }\n}\n";
    let song = "<?php\nnamespace App\\Models;\n\nuse Illuminate\\Database\\Eloquent\\Model;\nuse Laravel\\Scout\\Searchable;\n\nclass Song extends Model\n{\n    use Searchable;\n\n    public function toSearchableArray(): array\n    {\n        return ['title' => $this->title];\n    }\n}\n";
    let tag = "<?php\nnamespace App\\Models;\n\nuse Illuminate\\Database\\Eloquent\\Model;\n\nclass Tag extends Model\n{\n}\n";
    let theme = "<?php\nnamespace App\\Models;\n\nuse App\\Observers\\ThemeObserver;\nuse Illuminate\\Database\\Eloquent\\Attributes\\ObservedBy;\nuse Illuminate\\Database\\Eloquent\\Model;\n\n#[ObservedBy(ThemeObserver::class)]\nclass Theme extends Model\n{\n}\n";
    let observer = "<?php\nnamespace App\\Observers;\n\nuse App\\Models\\Theme;\n\nclass ThemeObserver\n{\n    public function deleted(Theme $theme): void\n    {\n        file_put_contents('/var/app/removed.log', $theme->id);\n    }\n\n    public function helper(): void\n    {\n        file_put_contents('/var/app/other.log', 'x');\n    }\n}\n";
    let scout = "<?php\n\nreturn [\n    'driver' => env('SCOUT_DRIVER', 'tntsearch'),\n];\n";
    let files = [
        ("composer.json", composer.to_string()),
        (
            "app/Http/Controllers/SongController.php",
            controller.to_string(),
        ),
        ("app/Models/Song.php", song.to_string()),
        ("app/Models/Tag.php", tag.to_string()),
        ("app/Models/Theme.php", theme.to_string()),
        ("app/Observers/ThemeObserver.php", observer.to_string()),
        ("config/scout.php", scout.to_string()),
    ];
    let report = app("laravel-model-events", routes, &files);
    for id in ["POST /songs", "DELETE /songs/{song}", "GET /search"] {
        let rules = rules_of(&report, id);
        assert!(has_rule(&rules, "local-fs/php-scout-"), "{id}: {rules:?}");
    }
    for id in ["GET /songs/{song}", "PUT /tags/{tag}"] {
        let rules = rules_of(&report, id);
        assert!(!has_rule(&rules, "local-fs/"), "{id}: {rules:?}");
    }
    // The observer's `deleted` runs on the delete; its other method does not.
    let theme = report
        .routes
        .iter()
        .find(|r| r.id == "DELETE /themes/{theme}")
        .expect("theme route");
    let lines: Vec<u32> = theme.findings.iter().map(|f| f.at.line).collect();
    assert!(lines.contains(&10) && !lines.contains(&15), "{lines:?}");
    // Without the local TNTSearch driver, the same writes are no finding.
    let mut remote = files.to_vec();
    remote[6].1 = scout.replace("tntsearch", "meilisearch");
    let report = app("laravel-model-events-remote", routes, &remote);
    let rules = rules_of(&report, "POST /songs");
    assert!(!has_rule(&rules, "local-fs/"), "{rules:?}");
}

/// A method called on an object made in place (`(new Streamer($x))->stream()`)
/// runs the class's method; a call through a nullable typed property
/// (`?Adapter $adapter`) goes through the type; an interface whose
/// implementers include an abstract class runs the subclass the container
/// binds by default (the `default` arm), not the other arm's, and an
/// abstract base nothing binds is not guessed.
#[test]
fn a_binding_of_an_abstract_implementer_runs_its_default_subclass() {
    let routes = "<?php\nuse App\\Http\\Controllers\\PlayController;\nuse App\\Http\\Controllers\\SinkController;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/play', PlayController::class);\nRoute::get('/sink', SinkController::class);\n";
    let class = |name: &str, head: &str, method: &str, body: &str| {
        format!("<?php\nnamespace App\\Services;\n\nclass {name} {head}\n{{\n    public function {method}($x = null)\n    {{\n        {body}\n    }}\n}}\n")
    };
    let provider = "<?php\nnamespace App\\Providers;\n\nuse App\\Services\\LocalAdapter;\nuse App\\Services\\PhpAdapter;\nuse App\\Services\\SendFileAdapter;\nuse Illuminate\\Support\\ServiceProvider;\n\nclass StreamerServiceProvider extends ServiceProvider\n{\n    public function register(): void\n    {\n        $this->app->bind(LocalAdapter::class, function (): LocalAdapter {\n            return match (config('app.streaming')) {\n                'x-sendfile' => $this->app->make(SendFileAdapter::class),\n                default => $this->app->make(PhpAdapter::class),\n            };\n        });\n    }\n}\n";
    let files = [
        (
            "app/Http/Controllers/PlayController.php",
            controller(
                "PlayController",
                "use App\\Services\\Streamer;\n",
                ")\n    {\n        return (new Streamer())->stream();",
            ),
        ),
        (
            "app/Http/Controllers/SinkController.php",
            controller(
                "SinkController",
                "use App\\Services\\Sink;\n",
                "Sink $sink)\n    {\n        return $sink->drain();",
            ),
        ),
        (
            "app/Services/Streamer.php",
            "<?php\nnamespace App\\Services;\n\nclass Streamer\n{\n    public function __construct(private ?Adapter $adapter = null) {}\n\n    public function stream()\n    {\n        return $this->adapter->stream('a');\n    }\n}\n".to_string(),
        ),
        (
            "app/Services/Adapter.php",
            "<?php\nnamespace App\\Services;\n\ninterface Adapter\n{\n    public function stream($x = null);\n}\n".to_string(),
        ),
        (
            "app/Services/LocalAdapter.php",
            "<?php\nnamespace App\\Services;\n\nabstract class LocalAdapter implements Adapter {}\n".to_string(),
        ),
        ("app/Services/PhpAdapter.php", class("PhpAdapter", "extends LocalAdapter", "stream", WRITE)),
        (
            "app/Services/SendFileAdapter.php",
            class("SendFileAdapter", "extends LocalAdapter", "stream", "file_put_contents('/var/app/sent.txt', 'x');"),
        ),
        ("app/Services/RemoteAdapter.php", class("RemoteAdapter", "implements Adapter", "stream", "return 1;")),
        (
            "app/Services/Sink.php",
            "<?php\nnamespace App\\Services;\n\ninterface Sink\n{\n    public function drain($x = null);\n}\n".to_string(),
        ),
        (
            "app/Services/BaseSink.php",
            "<?php\nnamespace App\\Services;\n\nabstract class BaseSink implements Sink {}\n".to_string(),
        ),
        ("app/Services/FileSink.php", class("FileSink", "extends BaseSink", "drain", WRITE)),
        ("app/Services/NullSink.php", class("NullSink", "extends BaseSink", "drain", "return 1;")),
        ("app/Providers/StreamerServiceProvider.php", provider.to_string()),
    ];
    let report = app("laravel-abstract-binding", routes, &files);
    let play = report
        .routes
        .iter()
        .find(|r| r.id == "GET /play")
        .expect("play route");
    let writes: Vec<_> = play
        .findings
        .iter()
        .filter(|f| f.at.rule == "local-fs/php-file-write")
        .collect();
    assert_eq!(writes.len(), 1, "{:?}", play.findings);
    let last = writes[0].chain.last().expect("chain");
    assert_eq!(
        format!("{:?}", last.resolved),
        "Some(BindingDefault)",
        "{:?}",
        writes[0].chain
    );
    assert!(
        last.file.ends_with("PhpAdapter.php"),
        "{:?}",
        writes[0].chain
    );
    let rules = rules_of(&report, "GET /sink");
    assert!(!has_rule(&rules, "local-fs/"), "{rules:?}");
}

/// A route that serves a file by a computed path is a blocker when the
/// app's storage driver keeps files on the local disk by default, and not
/// when it defaults to a shared store; a file shipped with the app is never.
#[test]
fn serving_a_stored_file_counts_when_the_storage_default_is_local() {
    let routes = "<?php\nuse App\\Http\\Controllers\\DownloadController;\nuse App\\Http\\Controllers\\ManualController;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/download', DownloadController::class);\nRoute::get('/manual', ManualController::class);\n";
    let files = |driver: &str| {
        vec![
            (
                "app/Http/Controllers/DownloadController.php",
                controller(
                    "DownloadController",
                    "",
                    "string $path)\n    {\n        return response()->download($path);",
                ),
            ),
            (
                "app/Http/Controllers/ManualController.php",
                controller(
                    "ManualController",
                    "",
                    ")\n    {\n        return response()->file(public_path('manual.pdf'));",
                ),
            ),
            (
                "config/media.php",
                format!("<?php\nreturn [\n    'storage_driver' => env('STORAGE_DRIVER', '{driver}'),\n];\n"),
            ),
        ]
    };
    let local = app("laravel-served-local", routes, &files("local"));
    let rules = rules_of(&local, "GET /download");
    assert!(
        has_rule(&rules, "local-fs/php-local-file-served"),
        "{rules:?}"
    );
    let rules = rules_of(&local, "GET /manual");
    assert!(!has_rule(&rules, "local-fs/"), "{rules:?}");
    let shared = app("laravel-served-s3", routes, &files("s3"));
    let rules = rules_of(&shared, "GET /download");
    assert!(
        !has_rule(&rules, "local-fs/php-local-file-served"),
        "{rules:?}"
    );
}
