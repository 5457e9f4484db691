//! Laravel judged with what the repository ships: the environment files
//! (`.env.example`, `docker/*.env`, a Dockerfile's `ENV`) decide an
//! `env('SESSION_DRIVER', 'file')` default; an app-defined facade's static
//! calls run its service's methods; an app's named disk is local when
//! config/filesystems.php says so, also when the class names it through a
//! property set by a setter's default; Artisan's cache commands write files
//! of the instance, and the app's own commands are its code; a route
//! declared without StartSession has no session, and the api routes have
//! one with Sanctum's stateful API; Passport's key files; a Compose
//! service's `environment:` is shipped environment too.

mod common;

use common::{has_rule, rules_of, scan_path, temp_dir, write_files};

const COMPOSER: &str =
    r#"{"require": {"laravel/framework": "^11.0"}, "autoload": {"psr-4": {"App\\": "app/"}}}"#;
const SESSION: &str = "<?php\nreturn [\n    'driver' => env('SESSION_DRIVER', 'file'),\n];\n";
const WEB: &str = "<?php\nuse App\\Http\\Controllers\\HomeController;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/home', [HomeController::class, 'index']);\nRoute::get('/icons', [HomeController::class, 'icons']);\nRoute::get('/optimize', [HomeController::class, 'optimize']);\n";
const CONTROLLER: &str = "<?php\nnamespace App\\Http\\Controllers;\n\nuse App\\Facades\\IconStore;\nuse Illuminate\\Support\\Facades\\Artisan;\n\nclass HomeController extends Controller\n{\n    public function index()\n    {\n        return view('home');\n    }\n\n    public function icons()\n    {\n        return IconStore::store('a.png', 'x');\n    }\n\n    public function optimize()\n    {\n        return Artisan::call('config:cache');\n    }\n}\n";
const FACADE: &str = "<?php\nnamespace App\\Facades;\n\nuse App\\Services\\IconStoreService;\nuse Illuminate\\Support\\Facades\\Facade;\n\nclass IconStore extends Facade\n{\n    protected static function getFacadeAccessor()\n    {\n        return IconStoreService::class;\n    }\n}\n";
const SERVICE: &str = "<?php\nnamespace App\\Services;\n\nuse Illuminate\\Support\\Facades\\Storage;\n\nclass IconStoreService\n{\n    public function store($name, $content)\n    {\n        return Storage::disk('icons')->put($name, $content);\n    }\n}\n";
/// Another class with a `store` method: the facade, not the name, picks the service.
const OTHER: &str = "<?php\nnamespace App\\Services;\n\nclass Other\n{\n    public function store($a, $b)\n    {\n        return 1;\n    }\n}\n";

/// A login into the session guard.
const LOGIN: &str = "<?php\nnamespace App\\Http\\Controllers;\n\nuse Illuminate\\Support\\Facades\\Auth;\n\nclass LoginController extends Controller\n{\n    public function login($request)\n    {\n        return Auth::attempt($request->only('email', 'password'));\n    }\n}\n";

/// A Laravel app with web routes, the file-session default, a login, the
/// given extra files (environment files) and `icons` disk driver.
fn laravel_app(tag: &str, driver: &str, extra: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = temp_dir(tag);
    let disks = format!(
        "<?php\nreturn [\n    'disks' => [\n        'icons' => [\n            'driver' => '{driver}',\n            'root' => storage_path('app/icons'),\n        ],\n    ],\n];\n"
    );
    let mut files = vec![
        ("composer.json", COMPOSER),
        ("config/session.php", SESSION),
        ("config/filesystems.php", disks.as_str()),
        ("routes/web.php", WEB),
        ("app/Http/Controllers/HomeController.php", CONTROLLER),
        ("app/Facades/IconStore.php", FACADE),
        ("app/Services/IconStoreService.php", SERVICE),
        ("app/Services/Other.php", OTHER),
    ];
    files.extend_from_slice(extra);
    if !tag.ends_with("no-login") {
        files.push(("app/Http/Controllers/LoginController.php", LOGIN));
    }
    write_files(&dir, &files);
    dir
}

#[test]
fn a_shipped_environment_setting_file_sessions_makes_the_default_a_blocker() {
    let dir = laravel_app(
        "env-session-file",
        "local",
        &[
            (".env.example", "APP_NAME=x\nSESSION_DRIVER=redis\n"),
            ("docker/settings.env", "SESSION_DRIVER=file\n"),
        ],
    );
    let home = rules_of(&scan_path(&dir), "GET /home");
    assert!(
        has_rule(&home, "session/php-laravel-session-file-env"),
        "{home:?}"
    );
    assert!(
        !has_rule(&home, "session/php-laravel-session-file-default"),
        "{home:?}"
    );
}

#[test]
fn a_session_nothing_keeps_stays_advisory() {
    let dir = laravel_app(
        "env-session-no-login",
        "local",
        &[(".env.example", "SESSION_DRIVER=file\n")],
    );
    let home = rules_of(&scan_path(&dir), "GET /home");
    assert!(
        has_rule(&home, "session/php-laravel-session-file-default"),
        "{home:?}"
    );
    assert!(
        !has_rule(&home, "session/php-laravel-session-file-env"),
        "{home:?}"
    );
}

#[test]
fn a_dockerfile_env_line_counts_as_shipped_environment() {
    let dir = laravel_app(
        "env-session-dockerfile",
        "local",
        &[(
            "Dockerfile",
            "FROM php:8.3\nENV \\\n    LOG_CHANNEL=daily \\\n    SESSION_DRIVER=file\n",
        )],
    );
    let home = rules_of(&scan_path(&dir), "GET /home");
    assert!(
        has_rule(&home, "session/php-laravel-session-file-env"),
        "{home:?}"
    );
}

#[test]
fn a_shared_store_in_the_shipped_environment_is_no_finding() {
    let dir = laravel_app(
        "env-session-redis",
        "local",
        &[(".env.example", "SESSION_DRIVER=redis\n")],
    );
    let home = rules_of(&scan_path(&dir), "GET /home");
    assert!(!has_rule(&home, "session/"), "{home:?}");
}

#[test]
fn without_environment_files_the_default_stays_advisory() {
    let dir = laravel_app("env-session-none", "local", &[]);
    let home = rules_of(&scan_path(&dir), "GET /home");
    assert!(
        has_rule(&home, "session/php-laravel-session-file-default"),
        "{home:?}"
    );
    assert!(
        !has_rule(&home, "session/php-laravel-session-file-env"),
        "{home:?}"
    );
}

#[test]
fn a_facade_call_reaches_its_service_and_a_local_named_disk_is_local() {
    let dir = laravel_app("facade-local-disk", "local", &[]);
    let report = scan_path(&dir);
    let icons = rules_of(&report, "GET /icons");
    assert!(
        has_rule(&icons, "local-fs/php-storage-named-disk-write"),
        "{icons:?}"
    );
    let optimize = rules_of(&report, "GET /optimize");
    assert!(
        has_rule(&optimize, "local-fs/php-artisan-cache-files"),
        "{optimize:?}"
    );
    assert!(
        !has_rule(&optimize, "long-running/php-artisan-call"),
        "{optimize:?}"
    );
}

#[test]
fn a_named_disk_on_s3_is_no_finding() {
    let dir = laravel_app("facade-s3-disk", "s3", &[]);
    let icons = rules_of(&scan_path(&dir), "GET /icons");
    assert!(!has_rule(&icons, "local-fs/"), "{icons:?}");
}

/// The icon store naming its disk through a property a setter's default sets,
/// read by a method that returns the disk.
const SERVICE_PROPERTY: &str = "<?php\nnamespace App\\Services;\n\nuse Illuminate\\Support\\Facades\\Storage;\n\nclass IconStoreService\n{\n    protected ?string $disk;\n\n    public function __construct()\n    {\n        $this->setDisk();\n    }\n\n    protected function disk()\n    {\n        return Storage::disk($this->disk);\n    }\n\n    public function setDisk(string $diskName = 'icons')\n    {\n        $this->disk = $diskName;\n        return $this;\n    }\n\n    public function store($name, $content)\n    {\n        return $this->disk()->put($name, $content);\n    }\n}\n";

#[test]
fn a_disk_named_by_a_property_is_followed_to_its_value() {
    let service = [("app/Services/IconStoreService.php", SERVICE_PROPERTY)];
    let dir = laravel_app("property-local-disk", "local", &service);
    let icons = rules_of(&scan_path(&dir), "GET /icons");
    assert!(
        has_rule(&icons, "local-fs/php-storage-named-disk-write"),
        "{icons:?}"
    );
    let dir = laravel_app("property-s3-disk", "s3", &service);
    let icons = rules_of(&scan_path(&dir), "GET /icons");
    assert!(!has_rule(&icons, "local-fs/"), "{icons:?}");
}

/// Routes that skip the session middleware, before and after the route.
const WEB_WITHOUT: &str = "<?php\nuse App\\Http\\Controllers\\HomeController;\nuse Illuminate\\Session\\Middleware\\StartSession;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/home', [HomeController::class, 'index']);\nRoute::withoutMiddleware([StartSession::class])->get('/up', function () {\n    return view('health');\n});\nRoute::get('/ping', [HomeController::class, 'index'])->withoutMiddleware('web');\nRoute::withoutMiddleware([HomeController::class])->get('/other', [HomeController::class, 'index']);\n";

#[test]
fn a_route_without_the_session_middleware_has_no_session_finding() {
    let dir = laravel_app(
        "without-start-session",
        "local",
        &[
            (".env.example", "SESSION_DRIVER=file\n"),
            ("routes/web.php", WEB_WITHOUT),
        ],
    );
    let report = scan_path(&dir);
    for route in ["GET /home", "GET /other"] {
        let found = rules_of(&report, route);
        assert!(
            has_rule(&found, "session/php-laravel-session-file-env"),
            "{route}: {found:?}"
        );
    }
    for route in ["GET /up", "GET /ping"] {
        let found = rules_of(&report, route);
        assert!(!has_rule(&found, "session/"), "{route}: {found:?}");
    }
}

const WEB_PURGE: &str = "<?php\nuse App\\Http\\Controllers\\PurgeController;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/purge', [PurgeController::class, 'purge']);\nRoute::get('/migrate', [PurgeController::class, 'migrate']);\n";
const PURGE_CONTROLLER: &str = "<?php\nnamespace App\\Http\\Controllers;\n\nuse Illuminate\\Support\\Facades\\Artisan;\n\nclass PurgeController extends Controller\n{\n    public function purge()\n    {\n        return Artisan::call('app:purge-log');\n    }\n\n    public function migrate()\n    {\n        return Artisan::call('migrate --force');\n    }\n}\n";
const PURGE_COMMAND: &str = "<?php\nnamespace App\\Console\\Commands;\n\nuse Illuminate\\Console\\Command;\n\nclass PurgeLog extends Command\n{\n    protected $signature = 'app:purge-log {--days=30}';\n\n    public function handle()\n    {\n        return 0;\n    }\n}\n";

#[test]
fn an_artisan_command_the_app_defines_is_no_console_work() {
    let dir = laravel_app(
        "artisan-app-command",
        "local",
        &[
            ("routes/web.php", WEB_PURGE),
            ("app/Http/Controllers/PurgeController.php", PURGE_CONTROLLER),
            ("app/Console/Commands/PurgeLog.php", PURGE_COMMAND),
        ],
    );
    let report = scan_path(&dir);
    let purge = rules_of(&report, "GET /purge");
    assert!(
        !has_rule(&purge, "long-running/php-artisan-call"),
        "{purge:?}"
    );
    let migrate = rules_of(&report, "GET /migrate");
    assert!(
        has_rule(&migrate, "long-running/php-artisan-call"),
        "{migrate:?}"
    );
}

const PASSPORT: &str = "<?php\nreturn [\n    'private_key' => env('PASSPORT_PRIVATE_KEY'),\n    'public_key' => env('PASSPORT_PUBLIC_KEY'),\n];\n";

#[test]
fn passport_keys_read_from_files_are_an_app_advisory() {
    let with_passport = r#"{"require": {"laravel/framework": "^11.0", "laravel/passport": "^12.0"}, "autoload": {"psr-4": {"App\\": "app/"}}}"#;
    let dir = laravel_app(
        "passport-keys",
        "s3",
        &[
            ("composer.json", with_passport),
            ("config/passport.php", PASSPORT),
        ],
    );
    let home = rules_of(&scan_path(&dir), "GET /home");
    assert!(
        has_rule(&home, "local-fs/php-passport-key-files"),
        "{home:?}"
    );
    // Without Passport installed, the file is no configuration of it.
    let dir = laravel_app(
        "passport-absent",
        "s3",
        &[("config/passport.php", PASSPORT)],
    );
    let home = rules_of(&scan_path(&dir), "GET /home");
    assert!(
        !has_rule(&home, "local-fs/php-passport-key-files"),
        "{home:?}"
    );
}

#[test]
fn a_compose_service_environment_counts_as_shipped_environment() {
    let list = "services:\n  app:\n    image: app\n    environment:\n      - APP_ENV=production\n      - SESSION_DRIVER=file\n";
    let map = "services:\n  app:\n    environment:\n      SESSION_DRIVER: file\n";
    for (tag, rel, text) in [
        (
            "compose-list",
            "docker/production/docker-compose.mysql.yml",
            list,
        ),
        ("compose-map", "compose.yaml", map),
    ] {
        let dir = laravel_app(tag, "local", &[(rel, text)]);
        let home = rules_of(&scan_path(&dir), "GET /home");
        assert!(
            has_rule(&home, "session/php-laravel-session-file-env"),
            "{tag}: {home:?}"
        );
    }
    // Another service's key, or a shared store, is no file session.
    let redis = "services:\n  app:\n    environment:\n      - SESSION_DRIVER=redis\n";
    let dir = laravel_app("compose-redis", "local", &[("docker-compose.yml", redis)]);
    let home = rules_of(&scan_path(&dir), "GET /home");
    assert!(!has_rule(&home, "session/"), "{home:?}");
}

const API: &str = "<?php\nuse App\\Http\\Controllers\\HomeController;\nuse Illuminate\\Support\\Facades\\Route;\n\nRoute::get('/items', [HomeController::class, 'index']);\n";
const STATEFUL: &str = "<?php\nuse Illuminate\\Foundation\\Application;\nuse Illuminate\\Foundation\\Configuration\\Middleware;\n\nreturn Application::configure(basePath: dirname(__DIR__))\n    ->withMiddleware(function (Middleware $middleware) {\n        $middleware->statefulApi();\n    })->create();\n";
const STATELESS: &str = "<?php\nuse Illuminate\\Foundation\\Application;\nuse Illuminate\\Foundation\\Configuration\\Middleware;\n\nreturn Application::configure(basePath: dirname(__DIR__))\n    ->withMiddleware(function (Middleware $middleware) {\n        $middleware->trustProxies(at: '*');\n    })->create();\n";

#[test]
fn sanctum_stateful_api_routes_carry_the_web_session() {
    let env = (".env.example", "SESSION_DRIVER=file\n");
    let dir = laravel_app(
        "sanctum-stateful",
        "local",
        &[
            env,
            ("routes/api.php", API),
            ("bootstrap/app.php", STATEFUL),
        ],
    );
    let report = scan_path(&dir);
    // `GET /items` is declared in routes/api.php (no `withRouting` prefix here).
    for route in ["GET /home", "GET /items"] {
        let found = rules_of(&report, route);
        assert!(
            has_rule(&found, "session/php-laravel-session-file-env"),
            "{route}: {found:?}"
        );
    }
    let dir = laravel_app(
        "sanctum-stateless",
        "local",
        &[
            env,
            ("routes/api.php", API),
            ("bootstrap/app.php", STATELESS),
        ],
    );
    let report = scan_path(&dir);
    let home = rules_of(&report, "GET /home");
    assert!(
        has_rule(&home, "session/php-laravel-session-file-env"),
        "{home:?}"
    );
    let api = rules_of(&report, "GET /items");
    assert!(!has_rule(&api, "session/"), "{api:?}");
}
