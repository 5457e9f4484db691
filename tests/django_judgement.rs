//! Django judged with the whole program: the session writes are findings only
//! when `SESSION_ENGINE` keeps sessions on the instance (with the default
//! database engine the application's `SessionMiddleware` is its one advisory);
//! a SQLite file the repository ships, only read, is data deployed with the
//! code.

mod common;

use common::{has_rule, rules_of, scan_path, temp_dir, write_files};

const URLS: &str = "from django.urls import path\nfrom shop import views\n\nurlpatterns = [\n    path('cart/', views.add_to_cart),\n    path('search/', views.search),\n    path('log/', views.log_search),\n    path('archive/', views.archive),\n]\n";
const VIEWS: &str = r#"import sqlite3

from django.conf import settings
from django.http import JsonResponse


def add_to_cart(request):
    cart = request.session.get('cart', {})
    cart['x'] = 1
    request.session['cart'] = cart
    return JsonResponse(cart)


def search(request):
    con = sqlite3.connect(settings.BASE_DIR / "search.db")
    res = con.cursor().execute("SELECT slug FROM docs WHERE docs MATCH ?", (request.GET["q"],))
    return JsonResponse(res.fetchall(), safe=False)


def log_search(request):
    con = sqlite3.connect(settings.BASE_DIR / "search.db")
    con.execute("INSERT INTO queries (q) VALUES (?)", (request.GET["q"],))
    con.commit()
    return JsonResponse({})


def archive(request):
    con = sqlite3.connect(settings.BASE_DIR / "archive.db")
    res = con.execute("SELECT 1")
    return JsonResponse(res.fetchall(), safe=False)
"#;

/// A Django project whose settings end with `extra_settings`.
fn django_app(tag: &str, extra_settings: &str) -> std::path::PathBuf {
    let dir = temp_dir(tag);
    let settings = format!(
        "ROOT_URLCONF = 'shopsite.urls'\nMIDDLEWARE = [\n    'django.contrib.sessions.middleware.SessionMiddleware',\n]\n{extra_settings}"
    );
    write_files(
        &dir,
        &[
            ("requirements.txt", "Django==5.0\n"),
            (
                "manage.py",
                "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shopsite.settings')\n",
            ),
            ("shopsite/__init__.py", ""),
            ("shopsite/settings.py", settings.as_str()),
            ("shopsite/urls.py", URLS),
            ("shop/__init__.py", ""),
            ("shop/views.py", VIEWS),
            ("search.db", "SQLite format 3"),
        ],
    );
    dir
}

#[test]
fn session_writes_with_the_database_engine_are_no_finding() {
    for (tag, settings) in [
        ("django-session-default", ""),
        (
            "django-session-db",
            "SESSION_ENGINE = 'django.contrib.sessions.backends.db'\n",
        ),
    ] {
        let report = scan_path(&django_app(tag, settings));
        let cart = rules_of(&report, "ANY /cart/");
        assert!(
            !has_rule(&cart, "session/python-django-session-write"),
            "{tag}: {cart:?}"
        );
        let middleware: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.at.rule.starts_with("session/"))
            .map(|f| (f.at.rule.as_str(), f.at.file.as_str(), f.at.line))
            .collect();
        assert_eq!(
            middleware,
            [(
                "session/python-django-session-middleware",
                "shopsite/settings.py",
                3
            )],
            "{tag}"
        );
    }
}

#[test]
fn session_writes_with_the_file_engine_are_blockers() {
    let report = scan_path(&django_app(
        "django-session-file",
        "SESSION_ENGINE = 'django.contrib.sessions.backends.file'\n",
    ));
    let write = report
        .findings
        .iter()
        .find(|f| f.at.rule == "session/python-django-session-write")
        .expect("the write is a finding");
    assert_eq!(
        (write.at.file.as_str(), write.at.line),
        ("shop/views.py", 10)
    );
    assert!(has_rule(
        &rules_of(&report, "ANY /cart/"),
        "session/python-django-session-write"
    ));
}

#[test]
fn a_shipped_sqlite_file_only_read_is_data_not_a_finding() {
    let report = scan_path(&django_app("django-shipped-sqlite", ""));
    // search.db is in the tree and the view only queries it.
    let search = rules_of(&report, "ANY /search/");
    assert!(!has_rule(&search, "local-fs/"), "{search:?}");
    assert!(!has_rule(&search, "connection-per-request/"), "{search:?}");
    // The same file written (INSERT, commit): the instance's copy changes.
    let log = rules_of(&report, "ANY /log/");
    assert!(
        has_rule(&log, "local-fs/python-sqlite-file-connect"),
        "{log:?}"
    );
    assert!(
        has_rule(&log, "connection-per-request/python-db-connect"),
        "{log:?}"
    );
    // A file the tree does not ship is made on the instance.
    let archive = rules_of(&report, "ANY /archive/");
    assert!(
        has_rule(&archive, "local-fs/python-sqlite-file-connect"),
        "{archive:?}"
    );
}
