//! Call-graph resolution as data: each case is a few files (separated by
//! `#--- path ---#` lines) and the edges the linker must find, each with how
//! it was resolved.

mod common;

use carve::discover::ScanConfig;
use carve::link::{CodeNode, Program};
use carve::rules::RuleSet;
use petgraph::visit::EdgeRef;

/// Writes the files of a case to a temp folder and links them.
fn link(tag: &str, case: &str) -> Program {
    let dir = common::temp_dir(tag);
    let mut current: Option<(String, String)> = None;
    let mut files = Vec::new();
    for line in case.lines() {
        if let Some(path) = line
            .strip_prefix("#--- ")
            .and_then(|l| l.strip_suffix(" ---#"))
        {
            files.extend(current.take());
            current = Some((path.to_string(), String::new()));
        } else if let Some((_, text)) = current.as_mut() {
            text.push_str(line);
            text.push('\n');
        }
    }
    files.extend(current);
    for (path, text) in files {
        let full = dir.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    let rules = RuleSet::builtin().unwrap();
    let program = carve::scan::scan(&ScanConfig::new(dir.clone()), &rules)
        .unwrap()
        .program;
    let _ = std::fs::remove_dir_all(dir);
    program
}

/// `caller -> callee (how)` for every edge, caller and callee as `file:Qualified.name`.
fn edges(program: &Program) -> Vec<String> {
    let name = |node: CodeNode| {
        let file = &program.files[node.file()];
        match node.def() {
            Some(def) => format!("{}:{}", file.path, file.defs[def].qualified_name()),
            None => format!("{}:<module>", file.path),
        }
    };
    let mut out: Vec<String> = program
        .graph
        .edge_references()
        .map(|e| {
            format!(
                "{} -> {} ({:?})",
                name(program.graph[e.source()]),
                name(program.graph[e.target()]),
                e.weight().how
            )
        })
        .collect();
    out.sort();
    out
}

fn assert_edges(tag: &str, case: &str, expected: &[&str]) {
    has_edges(&edges(&link(tag, case)), expected);
}

/// Every edge of `expected` is among `got` (`edges`).
fn has_edges(got: &[String], expected: &[&str]) {
    for want in expected {
        assert!(
            got.iter().any(|e| e == want),
            "missing edge {want}\nedges:\n{}",
            got.join("\n")
        );
    }
}

#[test]
fn python_absolute_relative_and_aliased_imports() {
    assert_edges(
        "py-imports",
        r#"
#--- app/__init__.py ---#
from .views import index
#--- app/views.py ---#
from . import services
from .helpers import fmt as format_row
import app.db

def index():
    services.load()
    format_row(1)
    app.db.connect_all()
    return local()

def local():
    return 1
#--- app/services.py ---#
def load():
    return 2
#--- app/helpers.py ---#
def fmt(x):
    return x
#--- app/db.py ---#
def connect_all():
    return 3
"#,
        &[
            "app/views.py:index -> app/services.py:load (Import)",
            "app/views.py:index -> app/helpers.py:fmt (Import)",
            "app/views.py:index -> app/db.py:connect_all (Import)",
            "app/views.py:index -> app/views.py:local (SameFile)",
        ],
    );
}

#[test]
fn python_methods_classes_and_nested_functions() {
    assert_edges(
        "py-members",
        r#"
#--- svc.py ---#
import threading

class Repo:
    def __init__(self):
        self.rows = []

    def save(self, row):
        return self._write(row)

    def _write(self, row):
        return row

def handler():
    repo = Repo()
    def worker():
        return 1
    threading.Thread(target=worker).start()
    return repo
"#,
        &[
            "svc.py:Repo.save -> svc.py:Repo._write (Member)",
            "svc.py:handler -> svc.py:Repo (SameFile)",
            "svc.py:handler -> svc.py:Repo.__init__ (SameFile)",
            "svc.py:handler -> svc.py:worker (Nested)",
        ],
    );
}

#[test]
fn python_functions_handed_to_executors_and_threads() {
    assert_edges(
        "py-executors",
        r#"
#--- jobs.py ---#
import asyncio

def crunch(job):
    return job

def fetch(job):
    return job

async def start(job, background_tasks):
    background_tasks.add_task(run, job)
    return job

async def run(job):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, crunch, job)
    await asyncio.to_thread(fetch, job)
"#,
        &[
            "jobs.py:run -> jobs.py:crunch (SameFile)",
            "jobs.py:run -> jobs.py:fetch (SameFile)",
            "jobs.py:start -> jobs.py:run (SameFile)",
        ],
    );
}

#[test]
fn javascript_es_modules_commonjs_and_reexports() {
    assert_edges(
        "js-imports",
        r#"
#--- src/index.js ---#
import { list as listUsers } from './users';
import save from './save';
import * as util from './util';
const orders = require('./orders');
const { total } = require('./orders');
export function handler() {
  listUsers();
  save();
  util.slug();
  orders.place();
  total();
}
#--- src/users/index.js ---#
export * from './list';
#--- src/users/list.js ---#
export function list() { return []; }
#--- src/save.js ---#
export default function persist() { return 1; }
#--- src/util.js ---#
export const slug = (s) => s;
#--- src/orders.js ---#
function place() { return 1; }
exports.total = function total() { return 2; };
module.exports.place = place;
"#,
        &[
            "src/index.js:handler -> src/users/list.js:list (Import)",
            "src/index.js:handler -> src/save.js:persist (Import)",
            "src/index.js:handler -> src/util.js:slug (Import)",
            "src/index.js:handler -> src/orders.js:place (Import)",
            "src/index.js:handler -> src/orders.js:total (Import)",
        ],
    );
}

#[test]
fn members_of_an_object_a_factory_returns_are_guessed_like_methods() {
    assert_edges(
        "js-factory-members",
        r#"
#--- plugins/files.js ---#
function createFiles() {
  return {
    ensureFolder(dir) { return dir; },
    persistUpload: async (file) => file,
  };
}
module.exports = { createFiles };
#--- routes.js ---#
const { createFiles } = require('./plugins/files');
const files = createFiles();
function upload(req) {
  files.ensureFolder('x');
  return files.persistUpload(req.body);
}
module.exports = { upload };
"#,
        &[
            "routes.js:files -> plugins/files.js:createFiles (Import)",
            "routes.js:upload -> plugins/files.js:ensureFolder (UniqueName)",
            "routes.js:upload -> plugins/files.js:persistUpload (UniqueName)",
        ],
    );
}

#[test]
fn members_of_a_module_level_object_are_not_guessed() {
    let program = link(
        "js-module-object",
        r#"
#--- config.js ---#
const config = { persistAll: () => 1 };
module.exports = { config };
#--- routes.js ---#
function all(app) {
  return app.persistAll();
}
module.exports = { all };
"#,
    );
    let got = edges(&program);
    assert!(
        got.iter().all(|e| !e.contains("persistAll")),
        "a module-level object's member was guessed:\n{}",
        got.join("\n")
    );
}

#[test]
fn typescript_services_by_unique_method_name_are_marked_as_guesses() {
    assert_edges(
        "ts-guess",
        r#"
#--- src/users.service.ts ---#
export class UsersService {
  findOne(id: string) { return this.lookup(id); }
  private lookup(id: string) { return id; }
}
#--- src/users.controller.ts ---#
export class UsersController {
  constructor(private readonly usersService: UsersService) {}
  show(id: string) { return this.usersService.findOne(id); }
}
"#,
        &[
            "src/users.controller.ts:UsersController.show -> src/users.service.ts:UsersService.findOne (UniqueName)",
            "src/users.service.ts:UsersService.findOne -> src/users.service.ts:UsersService.lookup (Member)",
        ],
    );
}

#[test]
fn a_receiver_named_like_a_class_guesses_that_class_method() {
    let program = link(
        "js-receiver-class",
        r#"
#--- monitor.js ---#
class Monitor {
  async start(io) { return this.beat(); }
  async beat() { return new Metrics(this).update(1); }
}
class Metrics {
  update(value) { return value; }
}
class Job {
  start() { return 1; }
}
async function startMonitors(list) {
  for (let monitor of list) {
    await monitor.start();
  }
}
async function startAll(items) {
  for (let item of items) {
    await item.start();
  }
}
module.exports = { Monitor, Metrics, Job, startMonitors, startAll };
"#,
    );
    let got = edges(&program);
    has_edges(
        &got,
        &[
            "monitor.js:startMonitors -> monitor.js:Monitor.start (UniqueName)",
            "monitor.js:Monitor.beat -> monitor.js:Metrics.update (SameFile)",
        ],
    );
    // ok: `start` is too common to guess without a receiver named for its class
    assert!(
        got.iter().all(|e| !e.starts_with("monitor.js:startAll ->")),
        "{got:?}"
    );
}

#[test]
fn external_package_calls_never_guess_into_the_app() {
    let program = link(
        "py-external",
        r#"
#--- app.py ---#
import requests

def fetch_profile():
    return requests.get("https://example.com").json()

def save_profile_row():
    return 1

class Store:
    def save_profile_row(self):
        return 2
"#,
    );
    let got = edges(&program);
    assert!(
        got.iter().all(|e| !e.starts_with("app.py:fetch_profile")),
        "{got:?}"
    );
}

#[test]
fn injected_services_resolve_through_their_declared_type() {
    assert_edges(
        "ts-di",
        r#"
#--- src/users.service.ts ---#
export class UsersService {
  create(name: string) { return name; }
}
#--- src/users.controller.ts ---#
import { UsersService } from './users.service';
export class UsersController {
  constructor(private readonly usersService: UsersService) {}
  add(name: string) { return this.usersService.create(name); }
}
#--- app/service.py ---#
from app.repo import Repo

class Service:
    def __init__(self):
        self.repo = Repo()

    def save(self, row):
        return self.repo.insert(row)
#--- app/repo.py ---#
class Repo:
    def insert(self, row):
        return row
"#,
        &[
            "src/users.controller.ts:UsersController.add -> src/users.service.ts:UsersService.create (Member)",
            "app/service.py:Service.save -> app/repo.py:Repo.insert (Member)",
        ],
    );
}

#[test]
fn parameters_shadow_functions_of_the_same_name() {
    let program = link(
        "js-shadow",
        r#"
#--- src/wrap.js ---#
export function requireUser(handler) {
  return (req, res) => handler(req, res);
}
#--- src/stats.js ---#
export default function handler() { return 1; }
"#,
    );
    let got = edges(&program);
    assert!(
        got.iter().all(|e| !e.contains("src/stats.js:handler")),
        "{got:?}"
    );
}

#[test]
fn java_packages_injection_and_interfaces() {
    assert_edges(
        "java-di",
        r#"
#--- src/main/java/com/shop/web/OrderController.java ---#
package com.shop.web;

import com.shop.service.OrderService;
import com.shop.util.*;

@RestController
public class OrderController {
    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping("/orders")
    public String place(String body) {
        orders.place(body);
        Texts.clean(body);
        audit(body);
        return new Receipt(body).text();
    }

    private void audit(String body) {
    }
}
#--- src/main/java/com/shop/web/Receipt.java ---#
package com.shop.web;

public class Receipt {
    public Receipt(String body) {
    }

    public String text() {
        return "";
    }
}
#--- src/main/java/com/shop/util/Texts.java ---#
package com.shop.util;

public class Texts {
    public static String clean(String s) {
        return s;
    }
}
#--- src/main/java/com/shop/service/OrderService.java ---#
package com.shop.service;

public interface OrderService {
    void place(String body);
}
#--- src/main/java/com/shop/service/OrderServiceImpl.java ---#
package com.shop.service;

@Service
public class OrderServiceImpl implements OrderService {
    @Override
    public void place(String body) {
    }
}
"#,
        &[
            "src/main/java/com/shop/web/OrderController.java:OrderController.place -> src/main/java/com/shop/service/OrderServiceImpl.java:OrderServiceImpl.place (Implementation)",
            "src/main/java/com/shop/web/OrderController.java:OrderController.place -> src/main/java/com/shop/service/OrderService.java:OrderService.place (Member)",
            "src/main/java/com/shop/web/OrderController.java:OrderController.place -> src/main/java/com/shop/util/Texts.java:Texts.clean (Package)",
            "src/main/java/com/shop/web/OrderController.java:OrderController.place -> src/main/java/com/shop/web/OrderController.java:OrderController.audit (Member)",
            "src/main/java/com/shop/web/OrderController.java:OrderController.place -> src/main/java/com/shop/web/Receipt.java:Receipt.Receipt (Package)",
        ],
    );
}

#[test]
fn java_aspect_advice_runs_around_annotated_handlers() {
    let program = link(
        "java-aop",
        r#"
#--- src/main/java/a/LogAspect.java ---#
package a;

@Aspect
@Component
public class LogAspect {
    private final SysLogService logs;

    @Pointcut("@annotation(a.Log)")
    public void logPointcut() {
    }

    @Around("logPointcut()")
    public Object around(ProceedingJoinPoint point) throws Throwable {
        logs.save(point);
        return point.proceed();
    }
}
#--- src/main/java/a/SysLogService.java ---#
package a;

@Service
public class SysLogService {
    @Async
    public void save(Object o) {
    }
}
#--- src/main/java/a/XController.java ---#
package a;

@RestController
@RequestMapping("/api/x")
public class XController {
    @Log("create")
    @PostMapping
    public String create() {
        return "x";
    }

    @GetMapping
    public String list() {
        return "x";
    }
}
"#,
    );
    let hooks = |method: &str| -> Vec<String> {
        let route = program
            .routes
            .iter()
            .find(|r| r.method == method && r.path == "/api/x")
            .unwrap_or_else(|| panic!("{method} /api/x"));
        route
            .before
            .iter()
            .map(|&(f, d)| program.files[f].defs[d].qualified_name())
            .collect()
    };
    assert_eq!(hooks("POST"), ["LogAspect.around"]);
    assert!(hooks("GET").is_empty());
}

#[test]
fn constructing_an_entity_reaches_its_lifecycle_hooks_and_its_listeners() {
    let got = edges(&link(
        "jpa-listeners",
        r#"
#--- src/main/java/a/Token.java ---#
package a;

@Entity
@EntityListeners({TokenListener.class})
public class Token {
    public Token(String user) {
    }

    @PrePersist
    void stamp() {
    }

    void unrelated() {
    }
}
#--- src/main/java/a/TokenListener.java ---#
package a;

@Component
public class TokenListener {
    @Async
    @PostPersist
    public void onPostPersist(Token token) {
    }

    public void helper() {
    }
}
#--- src/main/java/a/Plain.java ---#
package a;

public class Plain {
    @PostPersist
    void stray() {
    }
}
#--- src/main/java/a/TokenService.java ---#
package a;

@Service
public class TokenService {
    public Token create(String user) {
        return new Token(user);
    }
}
#--- src/main/kotlin/b/Reset.kt ---#
package b

@Entity
@EntityListeners(ResetListener::class)
class Reset(var user: String? = null)
#--- src/main/kotlin/b/ResetListener.kt ---#
package b

@Component
class ResetListener {
    @PostPersist
    fun onPostPersist(reset: Reset) {}

    fun helper() {}
}
#--- src/main/kotlin/b/ResetService.kt ---#
package b

@Service
class ResetService {
    fun create(user: String): Reset = Reset(user = user)
}
"#,
    ));
    has_edges(
        &got,
        &[
            "src/main/java/a/TokenService.java:TokenService.create -> src/main/java/a/Token.java:Token.stamp (Lifecycle)",
            "src/main/java/a/TokenService.java:TokenService.create -> src/main/java/a/TokenListener.java:TokenListener.onPostPersist (Lifecycle)",
            "src/main/kotlin/b/ResetService.kt:ResetService.create -> src/main/kotlin/b/ResetListener.kt:ResetListener.onPostPersist (Lifecycle)",
        ],
    );
    // Only hooks: not the entity's or the listener's other methods, and the
    // hooks of a class no entity constructed names as its listener are not
    // reached.
    for absent in [
        "Token.unrelated",
        "TokenListener.helper",
        "ResetListener.helper",
        "Plain.stray",
    ] {
        assert!(
            !got.iter().any(|e| e.contains(&format!(":{absent} "))),
            "unexpected edge to {absent}:\n{}",
            got.join("\n")
        );
    }
}

#[test]
fn a_method_calling_its_own_name_calls_its_overloads_and_no_other_call_does() {
    let got = edges(&link(
        "overloads",
        r#"
#--- src/main/kotlin/a/UserService.kt ---#
package a

@Service
class UserService {
    fun create(request: Request): User = run {
        val user = User(request.name)
        create(user)
    }

    fun create(user: User): User = save(user)

    fun save(user: User): User = user

    fun find(id: Long): User = User("x")

    fun find(name: String): User = User(name)
}
#--- src/main/kotlin/a/UserController.kt ---#
package a

@RestController
class UserController(private val users: UserService) {
    @GetMapping("/users/{id}")
    fun show(id: Long): User = users.find(id)
}
"#,
    ));
    let to_create: Vec<&String> = got
        .iter()
        .filter(|e| e.contains("-> src/main/kotlin/a/UserService.kt:UserService.create "))
        .collect();
    assert_eq!(to_create.len(), 2, "{}", got.join("\n"));
    assert!(
        to_create
            .iter()
            .all(|e| e.contains("UserService.create") && e.ends_with("(Member)")),
        "{}",
        got.join("\n")
    );
    has_edges(
        &got,
        &["src/main/kotlin/a/UserService.kt:UserService.create -> src/main/kotlin/a/UserService.kt:UserService.save (Member)"],
    );
    // `users.find(id)` goes to the one overload it resolves to, not to both.
    let to_find = got
        .iter()
        .filter(|e| e.contains(":UserController.show -> ") && e.contains("UserService.find"))
        .count();
    assert_eq!(to_find, 1, "{}", got.join("\n"));
}

#[test]
fn csharp_namespaces_usings_aliases_and_members() {
    assert_edges(
        "cs-namespaces",
        r#"
#--- Web/Controllers/OrdersController.cs ---#
using Shop.Services;
using Fmt = Shop.Util.Formatter;

namespace Shop.Web.Controllers;

public class OrdersController : ControllerBase
{
    private readonly Audit _audit = new Audit();

    public string Get(int id)
    {
        var store = new OrderStore();
        Pricing.Round(id);
        this.Log(id);
        Helpers.Trace();
        items.ForEach(Log);
        return Fmt.Format(store.Find(id));
    }

    private void Log(int id) { }
}
#--- Web/Helpers.cs ---#
namespace Shop.Web
{
    public static class Helpers
    {
        public static void Trace() { }
    }
}
#--- Services/OrderStore.cs ---#
namespace Shop.Services;

public class OrderStore
{
    public string Find(int id) => Local(id);

    static string Local(int id) => id.ToString();
}

public static class Pricing
{
    public static decimal Round(decimal d) => d;
}
#--- Util/Formatter.cs ---#
namespace Shop.Util;

public static class Formatter
{
    public static string Format(string s) => s;
}
"#,
        &[
            "Web/Controllers/OrdersController.cs:OrdersController.Get -> Services/OrderStore.cs:OrderStore (Package)",
            "Web/Controllers/OrdersController.cs:OrdersController.Get -> Services/OrderStore.cs:Pricing.Round (Package)",
            "Web/Controllers/OrdersController.cs:OrdersController.Get -> Web/Controllers/OrdersController.cs:OrdersController.Log (Member)",
            "Web/Controllers/OrdersController.cs:OrdersController.Get -> Web/Helpers.cs:Helpers.Trace (Package)",
            "Web/Controllers/OrdersController.cs:OrdersController.Get -> Util/Formatter.cs:Formatter.Format (Import)",
        ],
    );
}

#[test]
fn csharp_injected_interfaces_implicit_members_and_nameof() {
    let program = link(
        "cs-injection",
        r#"
#--- Controllers/OrdersController.cs ---#
using Shop.Services;
namespace Shop.Controllers;

public class OrdersController(IClock clock) : ControllerBase
{
    private readonly IOrderStore _orders;

    public OrdersController(IOrderStore orders) { _orders = orders; }

    public Order Get(int id) => _orders.Find(Key(id));

    public IActionResult Create(Order o)
    {
        clock.Now();
        return CreatedAtAction(nameof(Get), o);
    }

    private static string Key(int id) => $"order:{id}";
}
#--- Services/Store.cs ---#
namespace Shop.Services;

public interface IOrderStore { Order Find(string key); }
public interface IClock { DateTime Now(); }

public class OrderStore : IOrderStore
{
    public Order Find(string key) => null;
}

public class SystemClock : IClock
{
    public DateTime Now() => DateTime.UtcNow;
}
"#,
    );
    let got = edges(&program);
    has_edges(
        &got,
        &[
            "Controllers/OrdersController.cs:OrdersController.Get -> Services/Store.cs:OrderStore.Find (Implementation)",
            "Controllers/OrdersController.cs:OrdersController.Get -> Controllers/OrdersController.cs:OrdersController.Key (Member)",
            "Controllers/OrdersController.cs:OrdersController.Create -> Services/Store.cs:SystemClock.Now (Implementation)",
        ],
    );
    assert!(
        !got.iter()
            .any(|e| e.contains("Create -> Controllers/OrdersController.cs:OrdersController.Get")),
        "nameof(Get) runs nothing:\n{}",
        got.join("\n")
    );
}

#[test]
fn csharp_interface_with_several_classes_resolves_to_the_registered_one() {
    let program = link(
        "cs-registered",
        r#"
#--- Program.cs ---#
using Shop.Services;
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddScoped<ICatalog, CachedCatalog>();
builder.Services.AddScoped<Catalog>();
var app = builder.Build();
app.Run();
#--- Pages/Index.cs ---#
using Shop.Services;
namespace Shop.Pages;

public class IndexModel : PageModel
{
    private readonly ICatalog _catalog;
    private readonly IClock _clock;

    public IndexModel(ICatalog catalog, IClock clock) { _catalog = catalog; _clock = clock; }

    public void OnGet() { _catalog.Items(); _clock.Now(); }
}
#--- Services/Catalog.cs ---#
namespace Shop.Services;

public interface ICatalog { List<Item> Items(); }
public interface IClock { DateTime Now(); }

public class Catalog : ICatalog
{
    public List<Item> Items() => new();
}

public class CachedCatalog : ICatalog
{
    private readonly Catalog _inner;
    public CachedCatalog(Catalog inner) { _inner = inner; }
    public List<Item> Items() => _inner.Items();
}

public class SystemClock : IClock { public DateTime Now() => DateTime.UtcNow; }
public class FakeClock : IClock { public DateTime Now() => DateTime.MinValue; }
"#,
    );
    let got = edges(&program);
    let want = "Pages/Index.cs:IndexModel.OnGet -> Services/Catalog.cs:CachedCatalog.Items (Implementation)";
    assert!(
        got.iter().any(|e| e == want),
        "missing {want}\n{}",
        got.join("\n")
    );
    assert!(
        !got.iter()
            .any(|e| e.contains("OnGet -> Services/Catalog.cs:Catalog.Items")),
        "the unregistered implementation is not the interface's:\n{}",
        got.join("\n")
    );
    // Two implementations and none registered: no guess.
    assert!(
        !got.iter().any(
            |e| e.contains("OnGet -> Services/Catalog.cs:SystemClock.Now")
                || e.contains("OnGet -> Services/Catalog.cs:FakeClock.Now")
        ),
        "no implementation of IClock is registered:\n{}",
        got.join("\n")
    );
}

#[test]
fn php_namespaces_uses_traits_and_injected_services() {
    assert_edges(
        "php-namespaces",
        r#"
#--- composer.json ---#
{"autoload": {"psr-4": {"App\\": "app/"}}}
#--- app/Http/Controllers/OrderController.php ---#
<?php
namespace App\Http\Controllers;

use App\Models\Order;
use App\Services\{Pricing, Mailer as Mail};
use App\Support;

class OrderController extends Controller
{
    use Audits;

    public function __construct(private OrderStore $orders) {}

    public function show($id)
    {
        $order = Order::find($id);
        $this->orders->place($order);
        $this->audit($id);
        $this->authorizeUser();
        Pricing::round(1);
        Mail::send($order);
        \App\Support\Str::slug('x');
        Support\Str::upper('x');
        // A local named like a function does not hide it: `$boot_app` is apart.
        $boot_app = boot_app();
        return self::format($order);
    }

    private static function format($order) { return $order; }
}
#--- app/Http/Controllers/Controller.php ---#
<?php
namespace App\Http\Controllers;

abstract class Controller
{
    protected function authorizeUser() { return true; }
}
#--- app/Http/Controllers/Audits.php ---#
<?php
namespace App\Http\Controllers;

trait Audits
{
    public function audit($id) { return $id; }
}
#--- app/Http/Controllers/OrderStore.php ---#
<?php
namespace App\Http\Controllers;

class OrderStore
{
    public function place($order) { return $order; }
}
#--- app/Models/Order.php ---#
<?php
namespace App\Models;

class Order
{
    public static function find($id) { return new Order(); }
}
#--- app/Services/Pricing.php ---#
<?php
namespace App\Services;

class Pricing
{
    public static function round($n) { return $n; }
}
#--- app/Services/Mailer.php ---#
<?php
namespace App\Services;

class Mailer
{
    public static function send($m) { return $m; }
}
#--- app/Support/Str.php ---#
<?php
namespace App\Support;

class Str
{
    public static function slug($s) { return $s; }
    public static function upper($s) { return $s; }
}
#--- public/index.php ---#
<?php
require __DIR__ . '/../bootstrap/helpers.php';
boot_app();
require __DIR__ . "/../pages/{$page}.php";
#--- bootstrap/helpers.php ---#
<?php
function boot_app() { return 1; }
if (!session_id()) { session_start(); }
#--- pages/home.php ---#
<?php echo 'home';
#--- pages/lib.php ---#
<?php
function only_declared() { return 1; }
"#,
        &[
            "app/Http/Controllers/OrderController.php:OrderController.show -> app/Models/Order.php:Order.find (Import)",
            "app/Http/Controllers/OrderController.php:OrderController.show -> app/Http/Controllers/OrderStore.php:OrderStore.place (Member)",
            "app/Http/Controllers/OrderController.php:OrderController.show -> app/Http/Controllers/Audits.php:Audits.audit (Member)",
            "app/Http/Controllers/OrderController.php:OrderController.show -> app/Http/Controllers/Controller.php:Controller.authorizeUser (Member)",
            "app/Http/Controllers/OrderController.php:OrderController.show -> app/Services/Pricing.php:Pricing.round (Import)",
            "app/Http/Controllers/OrderController.php:OrderController.show -> app/Services/Mailer.php:Mailer.send (Import)",
            "app/Http/Controllers/OrderController.php:OrderController.show -> app/Support/Str.php:Str.slug (Package)",
            "app/Http/Controllers/OrderController.php:OrderController.show -> app/Support/Str.php:Str.upper (Package)",
            "app/Http/Controllers/OrderController.php:OrderController.show -> app/Http/Controllers/OrderController.php:OrderController.format (Member)",
            "app/Http/Controllers/OrderController.php:OrderController.show -> bootstrap/helpers.php:boot_app (UniqueName)",
            "public/index.php:<anonymous> -> bootstrap/helpers.php:boot_app (UniqueName)",
            // An include runs the file's top-level code; a template every
            // file it matches that has some.
            "public/index.php:<anonymous> -> bootstrap/helpers.php:<anonymous> (Import)",
            "public/index.php:<anonymous> -> pages/home.php:<anonymous> (Import)",
        ],
    );
}

#[test]
fn php_locals_made_by_new_have_the_class_of_their_last_assignment() {
    let program = link(
        "php-new-locals",
        r#"
#--- composer.json ---#
{"autoload": {"psr-4": {"Src\\": "src/"}}}
#--- public/index.php ---#
<?php
use Src\UserController;
use Src\HealthController;

switch ($dir) {
    case "user":
        $controller = new UserController($method);
        $controller->processRequest();
        break;
    case "health":
        $controller = new HealthController($method);
        $controller->processRequest();
        break;
}
#--- src/UserController.php ---#
<?php
namespace Src;

class UserController
{
    public function __construct($method) { $this->method = $method; }
    public function processRequest() { return 1; }
}
#--- src/HealthController.php ---#
<?php
namespace Src;

class HealthController
{
    public function processRequest() { return 2; }
}
"#,
    );
    let got = edges(&program);
    has_edges(
        &got,
        &[
            "public/index.php:<anonymous> -> src/UserController.php:UserController.processRequest (Import)",
            "public/index.php:<anonymous> -> src/HealthController.php:HealthController.processRequest (Import)",
            // `new` runs the class's constructor (the language's `constructors`).
            "public/index.php:<anonymous> -> src/UserController.php:UserController.__construct (Import)",
        ],
    );
    // Each call takes the class of the assignment before it, not every class
    // the variable ever held: two calls, two edges.
    let to_process = got.iter().filter(|e| e.contains(".processRequest")).count();
    assert_eq!(to_process, 2, "edges:\n{}", got.join("\n"));
}

#[test]
fn ruby_constants_autoload_mixins_and_requires() {
    assert_edges(
        "rb-constants",
        r#"
#--- app/controllers/application_controller.rb ---#
class ApplicationController < ActionController::Base
  def current_user
    Session.lookup(cookies[:id])
  end
end
#--- app/controllers/admin/users_controller.rb ---#
module Admin
  class UsersController < ApplicationController
    include Auditable

    def show
      user = Users::Finder.new(params[:id]).call
      current_user
      audit!
      notify(user)
      ::Reports.daily
      Pricing.round(1)
    end

    private

    def notify(user)
      Mailer.deliver(user)
    end
  end
end
#--- app/controllers/concerns/auditable.rb ---#
module Auditable
  def audit!
    AuditLog.write(self)
  end
end
#--- app/services/users/finder.rb ---#
module Users
  class Finder
    def initialize(id)
      @id = id
    end

    def call
      User.find(@id)
    end
  end
end
#--- app/models/session.rb ---#
class Session
  def self.lookup(id)
    id
  end
end
#--- lib/reports.rb ---#
require_relative 'reports/format'

module Reports
  def self.daily
    Format.csv
  end
end
#--- lib/reports/format.rb ---#
module Reports
  module Format
    def self.csv; end
  end
end
#--- app/controllers/admin/pricing.rb ---#
module Admin
  module Pricing
    def self.round(x)
      x
    end
  end
end
"#,
        &[
            "app/controllers/admin/users_controller.rb:UsersController.show -> app/services/users/finder.rb:Finder (Package)",
            "app/controllers/admin/users_controller.rb:UsersController.show -> app/services/users/finder.rb:Finder.initialize (Package)",
            "app/controllers/admin/users_controller.rb:UsersController.show -> app/services/users/finder.rb:Finder.call (Package)",
            "app/controllers/admin/users_controller.rb:UsersController.show -> app/controllers/application_controller.rb:ApplicationController.current_user (Member)",
            "app/controllers/admin/users_controller.rb:UsersController.show -> app/controllers/concerns/auditable.rb:Auditable.audit! (Member)",
            "app/controllers/admin/users_controller.rb:UsersController.show -> app/controllers/admin/users_controller.rb:UsersController.notify (Member)",
            "app/controllers/admin/users_controller.rb:UsersController.show -> lib/reports.rb:Reports.daily (Package)",
            "app/controllers/admin/users_controller.rb:UsersController.show -> app/controllers/admin/pricing.rb:Pricing.round (Package)",
            "app/controllers/application_controller.rb:ApplicationController.current_user -> app/models/session.rb:Session.lookup (Package)",
            "lib/reports.rb:Reports.daily -> lib/reports/format.rb:Format.csv (Package)",
        ],
    );
}

#[test]
fn ruby_bare_names_used_as_values_call_methods_unless_a_local_binds_them() {
    let program = link(
        "rb-bare-values",
        r#"
#--- app.rb ---#
class App < Sinatra::Base
  post '/pages' do
    wiki = wiki_new
    render_page(title, wiki)
    redirect "/#{slug}" if logged_in?
  end

  get '/pages/:id' do
    store = params[:store]
    if ready
      ready = false
    end
    keep(store, ready)
  end

  def wiki_new
    Wiki.new(settings.path)
  end

  def title; end
  def slug; end
  def logged_in?; end
  def store; end
  def ready; end
  def render_page(t, w); end
  def keep(a, b); end
end
"#,
    );
    let got = edges(&program);
    for want in ["wiki_new", "title", "slug", "logged_in?", "render_page"] {
        let edge = format!("app.rb:App.<anonymous> -> app.rb:App.{want} (Member)");
        assert!(
            got.contains(&edge),
            "missing {edge}\nedges:\n{}",
            got.join("\n")
        );
    }
    // `store` and `ready` are locals of the second block (one assigned
    // inside a branch): no call to the methods of the same name.
    assert!(
        got.iter()
            .all(|e| !e.ends_with("App.store (Member)") && !e.ends_with("App.ready (Member)")),
        "{got:?}"
    );
}

#[test]
fn go_callbacks_kept_by_a_registration_method_run_where_the_field_is_ranged_over() {
    let program = link(
        "go-relays",
        r#"
#--- go.mod ---#
module github.com/acme/push

go 1.22
#--- router/router.go ---#
package router

import (
	"github.com/acme/push/api"
	"github.com/acme/push/plugin"
)

func Create() {
	notifier := &api.Notifier{}
	manager := plugin.NewManager()
	notifier.OnUserDeleted(manager.RemoveUser)
	notifier.OnClosed(manager.Flush)
	notifier.Trace(manager.Audit)
}
#--- api/notifier.go ---#
package api

type Notifier struct {
	deleted []func(uid uint) error
	closed  func()
}

func (c *Notifier) OnClosed(cb func()) {
	c.closed = cb
}

func (c *Notifier) Close() {
	c.closed()
}

func (c *Notifier) OnUserDeleted(cb func(uid uint) error) {
	c.deleted = append(c.deleted, cb)
}

// Calls what it is given there and then: keeps nothing.
func (c *Notifier) Trace(cb func(uid uint) error) {
	_ = cb(0)
}

func (c *Notifier) fireUserDeleted(uid uint) error {
	for _, cb := range c.deleted {
		if err := cb(uid); err != nil {
			return err
		}
	}
	return nil
}
#--- plugin/manager.go ---#
package plugin

type Manager struct{}

func NewManager() *Manager { return &Manager{} }

func (m *Manager) RemoveUser(uid uint) error { return nil }

func (m *Manager) Audit(uid uint) error { return nil }

func (m *Manager) Flush() {}
"#,
    );
    let got = edges(&program);
    has_edges(
        &got,
        &[
            "api/notifier.go:Notifier.fireUserDeleted -> plugin/manager.go:Manager.RemoveUser (Bound)",
            "api/notifier.go:Notifier.Close -> plugin/manager.go:Manager.Flush (Bound)",
        ],
    );
    // A method that calls its argument without keeping it relays nothing.
    assert!(
        !got.iter()
            .any(|e| e.contains("fireUserDeleted -> plugin/manager.go:Manager.Audit")),
        "edges:\n{}",
        got.join("\n")
    );
}

#[test]
fn go_packages_receivers_fields_and_implicit_interfaces() {
    let program = link(
        "go-packages",
        r#"
#--- go.mod ---#
module github.com/acme/shop

go 1.22
#--- cmd/api/main.go ---#
package main

import (
	"encoding/json"

	st "github.com/acme/shop/internal/store"
	"github.com/acme/shop/internal/users"
)

func main() {
	s := st.Open()
	h := users.NewHandler(s)
	h.Close()
	json.Marshal(h)
	a := users.NewAdmin()
	a.List()
	cmd := Command{Action: serve}
	cmd.Run()
}

type Command struct{ Action func() }

func (c Command) Run() { c.Action() }

func serve() {}
#--- json/json.go ---#
package json

func Marshal(v any) {}
#--- internal/users/handler.go ---#
package users

import "github.com/acme/shop/internal/store"

type Handler struct {
	svc   Service
	store *store.Store
}

func NewHandler(s *store.Store) *Handler { return &Handler{store: s} }

func NewAdmin() *Handler { return &Handler{} }

func (h *Handler) List() {
	h.svc.Find("1")
	h.render()
	helper()
	h.store.Save()
}

func (h *Handler) Close() {}
#--- internal/users/render.go ---#
package users

func (h *Handler) render() {}

func helper() {}
#--- internal/users/service.go ---#
package users

type Service interface {
	Find(id string) string
}

type dbService struct{}

func (s *dbService) Find(id string) string { return s.load(id) }

func (s *dbService) load(id string) string { return id }

type notAService struct{}

func (n notAService) Other() {}
#--- internal/store/store.go ---#
package store

type Store struct{}

func Open() *Store { return &Store{} }

func (s *Store) Save() {}
"#,
    );
    let got = edges(&program);
    has_edges(
        &got,
        &[
            "internal/users/handler.go:Handler.List -> internal/users/service.go:Service.Find (Member)",
            "internal/users/handler.go:Handler.List -> internal/users/service.go:dbService.Find (MethodSet)",
            "internal/users/handler.go:Handler.List -> internal/users/render.go:Handler.render (Member)",
            "internal/users/handler.go:Handler.List -> internal/users/render.go:helper (Package)",
            "internal/users/handler.go:Handler.List -> internal/store/store.go:Store.Save (Member)",
            "internal/users/service.go:dbService.Find -> internal/users/service.go:dbService.load (Member)",
            "cmd/api/main.go:main -> internal/store/store.go:Open (Import)",
            "cmd/api/main.go:main -> internal/users/handler.go:NewHandler (Import)",
            "cmd/api/main.go:main -> internal/users/handler.go:Handler.Close (Import)",
            // `a := users.NewAdmin()`: what the constructor returns, whatever its name.
            "cmd/api/main.go:main -> internal/users/handler.go:Handler.List (Import)",
            // `Command{Action: serve}`: a function stored in a struct literal.
            "cmd/api/main.go:main -> cmd/api/main.go:serve (SameFile)",
            // `c.Action()` through the field: the value `main` binds to it.
            "cmd/api/main.go:Command.Run -> cmd/api/main.go:serve (Bound)",
        ],
    );
    assert!(
        !got.iter().any(|e| e.contains("json/json.go")),
        "the standard library's encoding/json is not the repository's json folder:\n{}",
        got.join("\n")
    );
}

#[test]
fn ruby_a_value_of_a_class_family_goes_to_each_member_of_that_name_as_a_guess() {
    let program = link(
        "rb-family",
        r#"
#--- lib/shop/source.rb ---#
module Shop
  module Source
    class Base
      def initialize(app)
        @app = app
      end
    end
  end
end
#--- lib/shop/source/local.rb ---#
module Shop
  module Source
    class Local < Shop::Source::Base
      def serve_item(id)
        store.resource(id).save(id)
      end

      def store
        Storage.new
      end
    end
  end
end
#--- lib/shop/source/remote.rb ---#
module Shop
  module Source
    class Remote < Shop::Source::Base
      def serve_item(id)
        fetch_resource.save(id)
      end

      def fetch_resource
        Storage.new.resource("remote")
      end
    end
  end
end
#--- lib/shop/storage.rb ---#
class Storage
  def resource(id)
    Resource.new(id)
  end
end

class Resource
  def initialize(id)
    @id = id
  end

  def save(content)
    content
  end
end
#--- lib/shop/reports.rb ---#
class Alpha
  def serve_listing; end
end

class Beta
  def serve_listing; end
end
#--- lib/shop/web.rb ---#
class Web < Sinatra::Base
  def item(id)
    @source = env["shop.source"].new(self)
    @source.serve_item(id)
  end

  def other
    @report.serve_listing
    @thing.serve_item(1)
  end
end
"#,
    );
    let got = edges(&program);
    has_edges(
        &got,
        &[
            "lib/shop/web.rb:Web.item -> lib/shop/source/local.rb:Local.serve_item (SharedName)",
            "lib/shop/web.rb:Web.item -> lib/shop/source/remote.rb:Remote.serve_item (SharedName)",
            // `store.resource(id).save`: `save` of what `resource` returns,
            // guessed as the class named like it.
            "lib/shop/source/local.rb:Local.serve_item -> lib/shop/storage.rb:Resource.save (UniqueName)",
            // `fetch_resource.save`: the receiver's last word names the class.
            "lib/shop/source/remote.rb:Remote.serve_item -> lib/shop/storage.rb:Resource.save (UniqueName)",
        ],
    );
    // ok: Alpha and Beta share no base, and `@thing` does not name the
    // family of the two `serve_item`s: neither call is guessed.
    assert!(
        got.iter()
            .all(|e| !e.starts_with("lib/shop/web.rb:Web.other ->")),
        "{got:?}"
    );
}

#[test]
fn ruby_paperclip_attachments_are_read_saved_and_destroyed_through_their_model() {
    let program = link(
        "rb-paperclip",
        r#"
#--- app/models/todo.rb ---#
class Todo < ApplicationRecord
  has_many :attachments, dependent: :destroy
  has_many :notes, dependent: :delete_all
end
#--- app/models/attachment.rb ---#
class Attachment < ApplicationRecord
  belongs_to :todo
  has_attached_file :file, path: ":rails_root/files/:id/:basename.:extension"
  before_destroy :forget
  def forget; end
end
#--- app/models/note.rb ---#
class Note < ApplicationRecord
  before_destroy :unlink
  def unlink; end
end
#--- db/migrate/001_convert_todos.rb ---#
class ConvertTodos < ActiveRecord::Migration[7.0]
  class Todo < ActiveRecord::Base; end
  def up; end
end
#--- app/controllers/todos_controller.rb ---#
class TodosController < ApplicationController
  def destroy
    @todo = current_user.todos.find(params[:id])
    @todo.destroy
  end

  def attachment
    attachment = current_user.attachments.find(params[:id])
    send_file(attachment.file.path)
  end

  def show
    @todo = current_user.todos.find(params[:id])
    @todo.touch
  end
end
"#,
    );
    let got = edges(&program);
    has_edges(
        &got,
        &[
            // `@todo` names the model `Todo`, not the migration's own
            // `ConvertTodos::Todo`; its dependents are destroyed with it,
            // and Paperclip deletes their files (the declaration's callback).
            "app/controllers/todos_controller.rb:TodosController.destroy -> app/models/attachment.rb:Attachment.forget (Lifecycle)",
            "app/controllers/todos_controller.rb:TodosController.destroy -> app/models/attachment.rb:Attachment.file (Lifecycle)",
            // `attachment.file`: the attachment the declaration names.
            "app/controllers/todos_controller.rb:TodosController.attachment -> app/models/attachment.rb:Attachment.file (UniqueName)",
        ],
    );
    // ok: `dependent: :delete_all` deletes rows without their callbacks,
    // and `touch` is no persistence action of any callback.
    for unwanted in [
        "Note.unlink",
        "TodosController.show -> app/models/attachment.rb",
    ] {
        assert!(
            got.iter().all(|e| !e.contains(unwanted)),
            "{unwanted}: {got:?}"
        );
    }
}

#[test]
fn go_chains_of_struct_fields_and_returned_handlers() {
    let program = link(
        "go-field-chains",
        r#"
#--- go.mod ---#
module github.com/acme/box

go 1.22
#--- internal/repo/all.go ---#
package repo

import "database/sql"

type AllRepos struct {
	Docs  *DocumentRepository
	Items *ItemsRepository
	db    *sql.DB
}

type DocumentRepository struct{}

func (r *DocumentRepository) Create(name string) {}

type ItemsRepository struct{}

func (r *ItemsRepository) Create(name string) {}
#--- internal/services/items.go ---#
package services

import "github.com/acme/box/internal/repo"

type AllServices struct {
	Items *ItemService
}

type ItemService struct {
	repo *repo.AllRepos
}

func (svc *ItemService) AttachmentAdd(name string) {
	svc.repo.Docs.Create(name)
	svc.repo.db.Exec(name)
}
#--- internal/handlers/controller.go ---#
package handlers

import "github.com/acme/box/internal/services"

type Controller struct {
	svc *services.AllServices
}

func (ctrl *Controller) HandleAttachmentCreate() func(string) {
	return ctrl.handleAttachments
}

func (ctrl *Controller) handleAttachments(name string) {
	ctrl.svc.Items.AttachmentAdd(name)
}
"#,
    );
    let got = edges(&program);
    has_edges(
        &got,
        &[
            // `svc.repo.Docs`: `ItemService.repo` is `*repo.AllRepos`, whose `Docs`
            // is `*DocumentRepository`.
            "internal/services/items.go:ItemService.AttachmentAdd -> internal/repo/all.go:DocumentRepository.Create (Member)",
            "internal/handlers/controller.go:Controller.handleAttachments -> internal/services/items.go:ItemService.AttachmentAdd (Member)",
            // A handler factory returning a method value reaches it.
            "internal/handlers/controller.go:Controller.HandleAttachmentCreate -> internal/handlers/controller.go:Controller.handleAttachments (SameFile)",
        ],
    );
    // The field's type says which `Create`: not the items repository's.
    assert!(
        !got.iter().any(|e| e.contains("ItemsRepository.Create")),
        "{}",
        got.join("\n")
    );
    // `db *sql.DB` is the standard library's: no edge into the program.
    assert!(
        !got.iter()
            .any(|e| e.contains("AttachmentAdd -> ") && e.contains("Exec")),
        "{}",
        got.join("\n")
    );
}

#[test]
fn go_a_parameter_typed_by_an_interface_reaches_its_one_implementation() {
    let program = link(
        "go-interface-param",
        r#"
#--- go.mod ---#
module github.com/acme/blog

go 1.22
#--- app.go ---#
package blog

type Apper interface {
	SaveConfig(path string) error
	Reload() error
}

type App struct{}

func (app *App) SaveConfig(path string) error { return writeConfig(path) }

func (app *App) Reload() error { return nil }

func writeConfig(path string) error { return nil }

type Notifier interface {
	Notify(msg string)
}

type Mail struct{}

func (m *Mail) Notify(msg string) {}

type Slack struct{}

func (s *Slack) Notify(msg string) {}
#--- admin.go ---#
package blog

func handleUpdateConfig(apper Apper, n Notifier) error {
	n.Notify("saving")
	return apper.SaveConfig("config.ini")
}
"#,
    );
    let got = edges(&program);
    has_edges(
        &got,
        &[
            "admin.go:handleUpdateConfig -> app.go:App.SaveConfig (MethodSet)",
            "app.go:App.SaveConfig -> app.go:writeConfig (SameFile)",
        ],
    );
    // ok: two types satisfy `Notifier`: no implementation is picked.
    assert!(
        !got.iter()
            .any(|e| e.contains("Mail.Notify") || e.contains("Slack.Notify")),
        "{}",
        got.join("\n")
    );
}

#[test]
fn ruby_classes_passed_as_values_serve_the_calls_on_the_parameter() {
    let program = link(
        "rb-passed-classes",
        r#"
#--- lib/store/private_source.rb ---#
module Store
  class PrivateSource
    def serve_add_gem
      protected(Store::GemPusher)
    end

    def serve_specs
      protected(SpecsBuilder)
    end

    def serve_other(handler)
      handler.serve(self)
    end

    private

    def protected(servable)
      authorization.protect(self) { servable.serve(self) }
    end
  end
end
#--- lib/store/gem_pusher.rb ---#
module Store
  class GemPusher
    def self.serve(app)
      new(app).serve
    end

    def serve
      File.write("x", "y")
    end
  end
end
#--- lib/store/specs_builder.rb ---#
module Store
  class SpecsBuilder
    def self.serve(app)
      app
    end
  end
end
#--- lib/store/plain.rb ---#
module Store
  class Plain
    def serve
      1
    end
  end
end
"#,
    );
    let got = edges(&program);
    has_edges(
        &got,
        &[
            "lib/store/private_source.rb:PrivateSource.serve_add_gem -> lib/store/gem_pusher.rb:GemPusher.serve (Bound)",
            "lib/store/private_source.rb:PrivateSource.serve_specs -> lib/store/specs_builder.rb:SpecsBuilder.serve (Bound)",
            "lib/store/private_source.rb:PrivateSource.serve_add_gem -> lib/store/private_source.rb:PrivateSource.protected (Member)",
        ],
    );
    // Each caller reaches the class it passes, not the others' (the shared
    // helper gets no edge to any of them); no class is passed to
    // serve_other: its parameter's `serve` is not guessed.
    for unwanted in [
        "PrivateSource.serve_specs -> lib/store/gem_pusher.rb",
        "PrivateSource.serve_add_gem -> lib/store/specs_builder.rb",
        "PrivateSource.protected -> lib/store/",
        "PrivateSource.serve_other -> lib/store/",
        "-> lib/store/plain.rb",
    ] {
        assert!(
            !got.iter().any(|e| e.contains(unwanted)),
            "{unwanted}\n{}",
            got.join("\n")
        );
    }
}

#[test]
fn go_a_receiver_whose_type_is_known_is_not_guessed_by_name() {
    let program = link(
        "go-known-receivers",
        r#"
#--- go.mod ---#
module github.com/acme/mail

go 1.22
#--- main.go ---#
package main

import (
	"github.com/acme/mail/bounce"
	"github.com/acme/mail/manager"
)

func main() {
	var (
		mgr = initManager()
		b   *bounce.Manager
	)
	b = bounce.Make()
	go mgr.Run()
	go b.Run()
}

func initManager() *manager.Manager { return &manager.Manager{} }
#--- bounce/bounce.go ---#
package bounce

func Make() *Manager { return &Manager{} }

type Manager struct{}

func (m *Manager) Run() {}
#--- manager/manager.go ---#
package manager

type Manager struct{}

func (m *Manager) Run() {}
#--- auth/auth.go ---#
package auth

import (
	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/zerodha/simplesessions/v3"
)

type Auth struct {
	verifier *oidc.IDTokenVerifier
	sess     *simplesessions.Manager
}

func (o *Auth) getVerifier() (*oidc.IDTokenVerifier, error) { return o.verifier, nil }

func (o *Auth) Exchange(raw string) {
	verifier, _ := o.getVerifier()
	verifier.Verify(raw)
	o.sess.NewSession(raw)
}
#--- captcha/captcha.go ---#
package captcha

type Captcha struct{}

func (c *Captcha) Verify(token string) bool { return true }
#--- importer/importer.go ---#
package importer

type Importer struct{}

func (im *Importer) NewSession(name string) {}
"#,
    );
    let got = edges(&program);
    // Typed by a function's result in a `var` block, and by a declared
    // type whose package the variable shadows.
    for wanted in [
        "main.go:main -> manager/manager.go:Manager.Run (",
        "main.go:main -> bounce/bounce.go:Manager.Run (",
    ] {
        assert!(
            got.iter()
                .any(|e| e.starts_with(wanted) && !e.contains("Name)")),
            "{wanted}\n{}",
            got.join("\n")
        );
    }
    // A library's value (a method's result, a field's declared type) runs
    // the library's method, not the program's only one of that name.
    for unwanted in [
        "-> captcha/captcha.go:Captcha.Verify",
        "-> importer/importer.go",
    ] {
        assert!(
            !got.iter().any(|e| e.contains(unwanted)),
            "{unwanted}\n{}",
            got.join("\n")
        );
    }
}

#[test]
fn python_attributes_set_on_the_app_at_startup_reach_each_type_assigned() {
    let program = link(
        "py-app-attributes",
        r#"
#--- pkg/__init__.py ---#
from flask import Flask
from pkg.init import init_events


def create_app(config="pkg.config.Config"):
    app = Flask(__name__)
    app.config.from_object(config)
    init_events(app)
    return app
#--- pkg/config.py ---#
class Config:
    CACHE_TYPE = "filesystem"
#--- pkg/unused_config.py ---#
class Config:
    CACHE_TYPE = "filesystem"
#--- pkg/init.py ---#
from pkg.events import EventManager, RedisEventManager
from pkg.cache import Store


def init_events(app):
    if app.config.get("CACHE_TYPE") == "redis":
        app.events_manager = RedisEventManager()
    else:
        app.events_manager = EventManager()
    app.events_manager.listen()
    app.store = Store()
#--- pkg/events.py ---#
class EventManager:
    def listen(self):
        pass

    def subscribe(self):
        while True:
            yield 1


class RedisEventManager(EventManager):
    def listen(self):
        pass

    def subscribe(self):
        while True:
            yield 2
#--- pkg/cache.py ---#
class Store:
    def subscribe(self):
        return 3
#--- pkg/views.py ---#
from flask import Blueprint, current_app

views = Blueprint("views", __name__)


@views.route("/events")
def events():
    return list(current_app.events_manager.subscribe())


@views.route("/other")
def other(events_manager):
    return events_manager.subscribe()
"#,
    );
    let got = edges(&program);
    has_edges(
        &got,
        &[
            "pkg/views.py:events -> pkg/events.py:EventManager.subscribe (AppAttribute)",
            "pkg/views.py:events -> pkg/events.py:RedisEventManager.subscribe (AppAttribute)",
            "pkg/init.py:init_events -> pkg/events.py:RedisEventManager.listen (AppAttribute)",
            "pkg/init.py:init_events -> pkg/events.py:EventManager.listen (AppAttribute)",
        ],
    );
    // Another attribute's type, and a parameter of the same name as the
    // attribute, are not the app's events manager.
    for unwanted in [
        "pkg/views.py:events -> pkg/cache.py",
        "pkg/views.py:other -> pkg/events.py",
    ] {
        assert!(
            !got.iter().any(|e| e.contains(unwanted)),
            "{unwanted}\n{}",
            got.join("\n")
        );
    }
    // The configuration the factory loads by import string is server code
    // (its cache setting is judged); a settings module nothing names is not.
    let judged = |path: &str| {
        program
            .hits
            .iter()
            .any(|h| program.files[h.file].path == path)
    };
    assert!(judged("pkg/config.py"));
    assert!(!judged("pkg/unused_config.py"));
}
