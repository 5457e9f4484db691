//! Laravel judged with what the repository ships: the environment files
//! (`.env.example`, `docker/*.env`, a Dockerfile's `ENV`) decide an
//! `env('SESSION_DRIVER', 'file')` default; an app-defined facade's static
//! calls run its service's methods; an app's named disk is local when
//! config/filesystems.php says so; Artisan's cache commands write files of
//! the instance.

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
