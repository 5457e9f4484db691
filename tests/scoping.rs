//! Configuration found in a variable (a session middleware, a multer disk
//! storage) counts only for the routes that mount it; configuration no route
//! mounts (an inline `app.use(session())`) counts for the whole app.

mod common;

use common::{rules_of, scan_path, temp_dir, write_file, write_files};

#[test]
fn mounted_middleware_config_is_scoped_to_its_routes() {
    let dir = temp_dir("scoping");
    std::fs::write(
        dir.join("package.json"),
        r#"{"dependencies": {"express": "^4", "express-session": "^1", "multer": "^1"}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("app.js"),
        r#"const express = require('express');
const session = require('express-session');
const multer = require('multer');
const app = express();
const auth = express.Router();
const other = express.Router();
const sessionMiddleware = session({ secret: 's', resave: false });
const disk = multer({ storage: multer.diskStorage({ destination: 'uploads/' }) });
const memory = multer({ storage: multer.memoryStorage() });

auth.get('/me', (req, res) => res.json(req.session.user));
other.get('/peek', (req, res) => res.json(req.session));
other.post('/disk', disk.single('f'), (req, res) => res.json(req.file.path));
other.post('/memory', memory.single('f'), (req, res) => res.json(req.file.size));

app.use('/auth', sessionMiddleware, auth);
app.use('/other', other);
module.exports = app;
"#,
    )
    .unwrap();
    let report = scan_path(&dir);
    let me = rules_of(&report, "GET /auth/me");
    assert!(
        me.contains(&"session/js-session-used".to_string()),
        "{me:?}"
    );
    assert!(
        me.contains(&"session/js-express-session-memory-store".to_string()),
        "{me:?}"
    );
    let peek = rules_of(&report, "GET /other/peek");
    assert!(!peek.iter().any(|r| r.starts_with("session/")), "{peek:?}");
    let disk = rules_of(&report, "POST /other/disk");
    assert!(
        disk.contains(&"local-fs/js-uploaded-file-used".to_string()),
        "{disk:?}"
    );
    let memory = rules_of(&report, "POST /other/memory");
    assert!(
        !memory.iter().any(|r| r.starts_with("local-fs/")),
        "{memory:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn inline_session_middleware_applies_to_the_whole_app() {
    let dir = temp_dir("scoping-inline");
    std::fs::write(
        dir.join("app.js"),
        r#"const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: 's' }));
app.get('/me', (req, res) => res.json(req.session.user));
"#,
    )
    .unwrap();
    let report = scan_path(&dir);
    let me = rules_of(&report, "GET /me");
    assert!(
        me.contains(&"session/js-session-used".to_string()),
        "{me:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The (rule, file) of every finding in the report.
fn findings_of(report: &carve::report::Report) -> Vec<(String, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.at.rule.clone(), f.at.file.clone()))
        .collect()
}

#[test]
fn only_server_code_is_judged() {
    let dir = temp_dir("scoping-server");
    let write = |rel: &str, text: &str| write_file(&dir, rel, text);
    write(
        "package.json",
        r#"{"dependencies": {"express": "^4", "node-cron": "^3"}}"#,
    );
    write(
        "server.js",
        "const app = require('./app');\nrequire('./jobs/purge');\napp.listen(3000);\n",
    );
    write(
        "app.js",
        "const express = require('express');\nconst { touch } = require('./lib/store');\nconst app = express();\napp.get('/hit', (req, res) => res.json(touch(req.query.k)));\nmodule.exports = app;\n",
    );
    // Server code a route reaches, and server code no route reaches.
    write(
        "lib/store.js",
        "const counts = {};\nfunction touch(k) {\n  counts[k] = (counts[k] || 0) + 1;\n  return counts[k];\n}\nmodule.exports = { touch };\n",
    );
    write(
        "jobs/purge.js",
        "const cron = require('node-cron');\ncron.schedule('0 3 * * *', () => {});\n",
    );
    // Browser code and a script nothing on the server imports.
    write(
        "components/poller.js",
        "'use client';\nimport { touch } from '../lib/store';\nsetInterval(() => touch('x'), 1000);\n",
    );
    write(
        "public/js/main.js",
        "const cache = {};\nfunction remember(k, v) { cache[k] = v; }\nsetInterval(() => remember('t', Date.now()), 500);\n",
    );
    write(
        "scripts/seed.js",
        "const fs = require('fs');\nfunction seed() { fs.writeFileSync('seed.json', '{}'); }\nseed();\n",
    );
    let report = scan_path(&dir);
    let found = findings_of(&report);
    let files: Vec<&str> = found.iter().map(|(_, f)| f.as_str()).collect();
    assert!(files.contains(&"lib/store.js"), "{found:?}");
    assert!(files.contains(&"jobs/purge.js"), "{found:?}");
    for client in [
        "components/poller.js",
        "public/js/main.js",
        "scripts/seed.js",
    ] {
        assert!(!files.contains(&client), "{client} judged: {found:?}");
    }
    assert!(
        report.stats.findings_outside_server >= 3,
        "{:?}",
        report.stats
    );
    // The boot-time scheduler stays, on no route.
    let purge = report
        .findings
        .iter()
        .find(|f| f.at.file == "jobs/purge.js")
        .unwrap();
    assert!(purge.routes.is_empty());
    assert_eq!(rules_of(&report, "GET /hit").len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn server_code_off_the_request_path_is_judged_by_kind() {
    let dir = temp_dir("scoping-startup");
    let write = |rel: &str, text: &str| write_file(&dir, rel, text);
    write(
        "app.py",
        r#"import threading
from flask import Flask
from registry import register, lookup

REGISTRY = {}
CACHE = {}


def document(name):
    REGISTRY[name] = True


def forget(key):
    CACHE.pop(key)


def start_poller():
    threading.Thread(target=lambda: None).start()


def create_app():
    app = Flask(__name__)
    start_poller()

    @app.get("/items")
    def items():
        return {"names": lookup()}

    return app


document("items")
app = create_app()
"#,
    );
    write(
        "registry.py",
        "NAMES = []\n\n\ndef register(name):\n    NAMES.append(name)\n\n\ndef lookup():\n    return list(NAMES)\n",
    );
    let report = scan_path(&dir);
    let found = findings_of(&report);
    let rules: Vec<&str> = found.iter().map(|(r, _)| r.as_str()).collect();
    // Filled at import time, or never called from a route: off the request path.
    assert!(
        !rules.iter().any(|r| r.starts_with("global-state/")),
        "{found:?}"
    );
    // A thread started at boot matters without any route.
    assert!(
        rules.contains(&"background-work/python-thread"),
        "{found:?}"
    );
    assert!(
        report.stats.findings_off_request_path >= 2,
        "{:?}",
        report.stats
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn flask_first_request_and_after_request_hooks_run_on_every_route() {
    let dir = temp_dir("scoping-hooks");
    std::fs::write(
        dir.join("app.py"),
        r#"import threading
import time
from flask import Blueprint, Flask

main = Blueprint("main", __name__)
STATS = []


@main.before_app_first_request
def start_poller():
    def poll():
        while True:
            time.sleep(5)
    threading.Thread(target=poll).start()


@main.after_app_request
def count(response):
    STATS.append(1)
    return response


@main.get("/a")
def a():
    return "a"


app = Flask(__name__)
app.register_blueprint(main)


@app.get("/b")
def b():
    return "b"
"#,
    )
    .unwrap();
    let report = scan_path(&dir);
    for id in ["GET /a", "GET /b"] {
        let rules = rules_of(&report, id);
        assert!(
            rules.contains(&"background-work/python-thread".to_string()),
            "{id}: {rules:?}"
        );
        assert!(
            rules.contains(&"global-state/python-module-mutation".to_string()),
            "{id}: {rules:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn folders_loaded_by_convention_are_server_code() {
    let dir = temp_dir("scoping-autoload");
    let write = |rel: &str, text: &str| write_file(&dir, rel, text);
    write(
        "package.json",
        r#"{"dependencies": {"fastify": "^5", "@fastify/autoload": "^6", "@fastify/session": "^11"}}"#,
    );
    write(
        "app.js",
        "const path = require('path');\nconst autoload = require('@fastify/autoload');\nmodule.exports = async function app(fastify) {\n  fastify.register(autoload, { dir: path.join(__dirname, 'plugins') });\n  fastify.register(autoload, { dir: path.join(__dirname, 'routes') });\n};\n",
    );
    // Nothing imports this plugin: the autoloaded folder makes it server code.
    write(
        "plugins/session.js",
        "const fastifySession = require('@fastify/session');\nmodule.exports = async function (fastify) {\n  fastify.register(fastifySession, { secret: 'a secret with minimum length of 32 characters' });\n};\n",
    );
    write(
        "routes/api/index.js",
        "module.exports = async function (fastify) {\n  fastify.get('/me', async (request) => request.session.user);\n};\n",
    );
    let report = scan_path(&dir);
    let me = rules_of(&report, "GET /api/me");
    assert!(
        me.contains(&"session/js-fastify-session-memory-store".to_string()),
        "{me:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn app_wide_findings_and_request_hooks_stay_in_their_application() {
    let dir = temp_dir("two-apps");
    let write = |rel: &str, text: &str| write_file(&dir, rel, text);
    write(
        "Web/Program.cs",
        "var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddDbContext<Db>(o => o.UseSqlite(\"Data Source=web.db\"));\nbuilder.Services.ConfigureApplicationCookie(options => { options.EventsType = typeof(RevokeEvents); });\nvar app = builder.Build();\napp.MapGet(\"/home\", () => \"web\");\napp.Run();\n",
    );
    write(
        "Web/RevokeEvents.cs",
        "using Microsoft.Extensions.Caching.Memory;\npublic class RevokeEvents : CookieAuthenticationEvents\n{\n    private readonly IMemoryCache _cache;\n    public override Task ValidatePrincipal(CookieValidatePrincipalContext context)\n    {\n        if (_cache.TryGetValue(\"revoked\", out var _)) { context.RejectPrincipal(); }\n        return Task.CompletedTask;\n    }\n}\n",
    );
    write(
        "PublicApi/Program.cs",
        "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.MapGet(\"/api/items\", () => \"api\");\napp.Run();\n",
    );
    let report = scan_path(&dir);
    let web = rules_of(&report, "GET /home");
    assert!(
        web.contains(&"local-fs/csharp-sqlite-file-db".to_string()),
        "{web:?}"
    );
    assert!(
        web.contains(&"in-memory-cache/csharp-memory-cache".to_string()),
        "{web:?}"
    );
    let api = rules_of(&report, "GET /api/items");
    assert!(
        !api.iter()
            .any(|r| r.starts_with("local-fs/") || r.starts_with("in-memory-cache/")),
        "{api:?}"
    );
}

/// Go: every `func main` is a program. The server's reaches the routes; a
/// code generator under `tools/` reaches none of them and is not judged,
/// while a boot-time ticker in the server's own program stays.
#[test]
fn a_go_program_that_reaches_no_route_is_a_tool() {
    let dir = temp_dir("scoping-go-tools");
    let write = |rel: &str, text: &str| write_file(&dir, rel, text);
    write(
        "go.mod",
        "module example.com/app\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n",
    );
    write(
        "main.go",
        "package main\n\nimport (\n\t\"net/http\"\n\t\"time\"\n\n\t\"github.com/go-chi/chi/v5\"\n)\n\nfunc main() {\n\tr := chi.NewRouter()\n\tr.Get(\"/items\", items)\n\tgo func() {\n\t\tfor range time.NewTicker(time.Hour).C {\n\t\t}\n\t}()\n\thttp.ListenAndServe(\":8080\", r)\n}\n\nfunc items(w http.ResponseWriter, r *http.Request) {}\n",
    );
    write(
        "tools/typegen/main.go",
        "package main\n\nimport \"os\"\n\nfunc main() {\n\tos.WriteFile(\"types.ts\", []byte(\"x\"), 0o644)\n}\n",
    );
    let report = scan_path(&dir);
    let found = findings_of(&report);
    let files: Vec<&str> = found.iter().map(|(_, f)| f.as_str()).collect();
    assert!(!files.contains(&"tools/typegen/main.go"), "{found:?}");
    assert!(files.contains(&"main.go"), "{found:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Whether the route `id` shows the rule `rule`.
fn shows(report: &carve::report::Report, id: &str, rule: &str) -> bool {
    rules_of(report, id).iter().any(|r| r == rule)
}

#[test]
fn a_file_handler_on_a_named_logger_reaches_the_routes_that_log_through_it() {
    let handler = "local-fs/python-file-log-handler";
    let audit = r#"import logging

audit_log = logging.getLogger("audit")
handler = logging.FileHandler("audit.log")
audit_log.addHandler(handler)
"#;
    let views = r#"from app import app
from app.audit import audit_log


@app.route("/transfer", methods=["POST"])
def transfer():
    audit_log.info("transfer")
    return "ok"


@app.route("/health")
def health():
    return "ok"
"#;
    let init = "from flask import Flask\napp = Flask(__name__)\nfrom app import views\n";
    let dir = temp_dir("scoping-named-logger");
    write_files(
        &dir,
        &[
            ("requirements.txt", "flask\n"),
            ("app/__init__.py", init),
            ("app/audit.py", audit),
            ("app/views.py", views),
        ],
    );
    let report = scan_path(&dir);
    assert!(shows(&report, "POST /transfer", handler));
    assert!(!shows(&report, "GET /health", handler));
    // The root logger serves every route.
    write_file(
        &dir,
        "app/audit.py",
        audit.replace(r#"getLogger("audit")"#, "getLogger()"),
    );
    let report = scan_path(&dir);
    assert!(shows(&report, "POST /transfer", handler));
    assert!(shows(&report, "GET /health", handler));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_winston_file_transport_reaches_the_routes_that_import_its_logger() {
    let transport = "local-fs/js-file-log-transport";
    let logger = r#"const winston = require('winston');

const logger = winston.createLogger({
  transports: [new winston.transports.File({ filename: 'logs/audit.log' })],
});

module.exports = logger;
"#;
    let app = r#"const express = require('express');
const logger = require('./logger');
const app = express();

app.post('/pay', (req, res) => {
  logger.info('paid');
  res.send('ok');
});
app.get('/health', (req, res) => res.send('ok'));
module.exports = app;
"#;
    let dir = temp_dir("scoping-winston");
    write_files(
        &dir,
        &[
            (
                "package.json",
                r#"{"dependencies": {"express": "^4", "winston": "^3"}}"#,
            ),
            ("logger.js", logger),
            ("app.js", app),
        ],
    );
    let report = scan_path(&dir);
    assert!(shows(&report, "POST /pay", transport));
    assert!(!shows(&report, "GET /health", transport));
    // winston's default logger serves every route.
    write_file(
        &dir,
        "logger.js",
        "const winston = require('winston');\nwinston.add(new winston.transports.File({ filename: 'app.log' }));\nmodule.exports = winston;\n",
    );
    let report = scan_path(&dir);
    assert!(shows(&report, "POST /pay", transport));
    assert!(shows(&report, "GET /health", transport));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Go: a timer loop that no route reaches (a task whose `Start` only a
/// library's runner calls) is background work of the application; the same
/// loop in a handler paces the request (a stream's heartbeat) and is no
/// finding of its own.
#[test]
fn a_timer_loop_counts_only_off_the_routes() {
    let dir = temp_dir("scoping-go-timer-loop");
    let write = |rel: &str, text: &str| write_file(&dir, rel, text);
    write(
        "go.mod",
        "module example.com/app\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n",
    );
    write(
        "main.go",
        r#"package main

import (
	"context"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
)

type Task struct {
	Interval time.Duration
	Fn       func(context.Context)
}

func (t *Task) Start(ctx context.Context) error {
	timer := time.NewTimer(t.Interval)
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
			timer.Reset(t.Interval)
			t.Fn(ctx)
		}
	}
}

func main() {
	r := chi.NewRouter()
	r.Get("/events", events)
	runner.Add(&Task{Interval: time.Hour, Fn: purge})
	http.ListenAndServe(":8080", r)
}

func events(w http.ResponseWriter, r *http.Request) {
	ping := time.NewTicker(15 * time.Second)
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ping.C:
			w.Write([]byte(": ping\n\n"))
		}
	}
}
"#,
    );
    let report = scan_path(&dir);
    let rule = "background-work/go-timer-loop";
    let lines: Vec<u32> = report
        .findings
        .iter()
        .filter(|f| f.at.rule == rule)
        .map(|f| f.at.line)
        .collect();
    assert_eq!(lines, vec![18], "{lines:?}");
    assert!(
        !rules_of(&report, "GET /events").contains(&rule.to_string()),
        "{:?}",
        rules_of(&report, "GET /events")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Go: a timer loop in a function that only a reported `go` statement
/// starts (`go c.Gather(ctx)` at boot) is that goroutine's work: one
/// finding, the goroutine's. The same loop in a function another function
/// also calls without `go` keeps its own.
#[test]
fn a_timer_loop_a_reported_goroutine_starts_is_one_finding() {
    let dir = temp_dir("scoping-go-started-loop");
    let write = |rel: &str, text: &str| write_file(&dir, rel, text);
    write("go.mod", "module example.com/app\n\ngo 1.22\n");
    write(
        "main.go",
        r#"package main

import (
	"context"
	"net/http"
	"time"
)

type collector struct{ every time.Duration }

func (c *collector) Gather(ctx context.Context) {
	ticker := time.NewTicker(c.every)
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		countUsers()
	}
}

func Poll(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
			refresh()
		}
	}
}

func main() {
	ctx := context.Background()
	c := &collector{every: time.Minute}
	go c.Gather(ctx)
	go Poll(ctx)
	http.HandleFunc("/health", health)
	http.ListenAndServe(":8080", nil)
}

func health(w http.ResponseWriter, r *http.Request) {}

func warmUp(ctx context.Context) {
	Poll(ctx)
}
"#,
    );
    let report = scan_path(&dir);
    let lines = |rule: &str| -> Vec<u32> {
        let mut lines: Vec<u32> = report
            .findings
            .iter()
            .filter(|f| f.at.rule == rule)
            .map(|f| f.at.line)
            .collect();
        lines.sort_unstable();
        lines
    };
    assert_eq!(lines("background-work/go-goroutine"), vec![37, 38]);
    // Gather's loop (line 13) is the goroutine's; Poll's (line 24) is also
    // called without `go` (warmUp). Of several calls from one function to
    // another the graph keeps one edge, the first: a function one caller
    // both starts with `go` and calls is judged by the first call.
    assert_eq!(lines("background-work/go-timer-loop"), vec![24]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Rails: the page cache directory is configured for the whole app, but
/// only the actions `caches_page` names write pages there: the finding is
/// on their routes, not on every route.
#[test]
fn the_page_cache_directory_holds_for_the_cached_actions_only() {
    let dir = temp_dir("scoping-rails-page-cache");
    write_files(
        &dir,
        &[
            ("Gemfile", "gem 'rails'\ngem 'actionpack-page_caching'\n"),
            (
                "config/routes.rb",
                "Rails.application.routes.draw do\n  resources :stories, only: [:index, :show, :create]\n  get '/about', to: 'about#show'\nend\n",
            ),
            (
                "config/environments/production.rb",
                "Rails.application.configure do\n  config.action_controller.page_cache_directory = Rails.public_path.join(\"cache\").to_s\nend\n",
            ),
            (
                "app/controllers/application_controller.rb",
                "class ApplicationController < ActionController::Base\nend\n",
            ),
            (
                "app/controllers/stories_controller.rb",
                "class StoriesController < ApplicationController\n  caches_page :index, :show\n\n  def index\n  end\n\n  def show\n  end\n\n  def create\n  end\nend\n",
            ),
            (
                "app/controllers/about_controller.rb",
                "class AboutController < ApplicationController\n  def show\n  end\nend\n",
            ),
        ],
    );
    let report = scan_path(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let rule = "local-fs/ruby-page-cache".to_string();
    assert!(rules_of(&report, "GET /stories").contains(&rule));
    assert!(rules_of(&report, "GET /stories/:id").contains(&rule));
    assert!(!rules_of(&report, "POST /stories").contains(&rule));
    assert!(!rules_of(&report, "GET /about").contains(&rule));
}
