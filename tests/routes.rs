//! Every sample's routes, as the framework composes them: method, full path
//! with every prefix, handler and its definition line.

mod common;

use common::{route_ids, scan_sample};

fn assert_routes(sample: &str, expected: &[&str]) {
    let report = scan_sample(sample);
    let mut got = route_ids(&report);
    got.sort();
    let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(got, want, "routes of samples/{sample}");
}

fn handler_of(sample: &str, id: &str) -> (String, String, u32) {
    let report = scan_sample(sample);
    let route = report
        .routes
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no route {id} in {sample}"));
    (route.handler.clone(), route.file.clone(), route.line)
}

#[test]
fn flask_blueprints_prefixes_method_views_and_socketio() {
    assert_routes(
        "flask",
        &[
            "GET /health",
            "GET /legacy",
            "GET /users/<int:id>",
            "PUT /users/<int:id>",
            "POST /users/login",
            "POST /users/logout",
            "POST /users/<int:id>/avatar",
            "GET /api/items",
            "POST /api/items",
            "GET /api/items/<int:item_id>/price",
            "POST /api/items/import",
            "POST /api/items/<int:item_id>/reindex",
            "GET /api/stats",
            "GET /api/countries",
            "POST /reports/export",
            "GET /reports/audit",
            "POST /reports/thumbnails",
            "WS /socket.io/",
            "POST /ops/maintenance",
            "GET /ops/hits",
            "GET /ops/status",
            "GET /catalog/entries",
            "GET /catalog/entries/<int:entry_id>",
            "DELETE /catalog/entries/<int:entry_id>",
            "POST /catalog/entries/rebuild",
        ],
    );
    assert_eq!(
        handler_of("flask", "POST /api/items"),
        ("ItemAPI.post".into(), "inventory/api.py".into(), 30)
    );
    assert_eq!(
        handler_of("flask", "GET /legacy"),
        ("legacy_view".into(), "inventory/legacy.py".into(), 7)
    );
}

#[test]
fn fastapi_routers_nested_includes_and_websocket() {
    assert_routes(
        "fastapi",
        &[
            "GET /v1/items/",
            "GET /v1/items/{item_id}",
            "POST /v1/items/",
            "POST /v1/items/{item_id}/reprice",
            "GET /v1/items/{item_id}/stream",
            "GET /v1/items/{item_id}/wait-for-stock",
            "GET /api/users/{user_id}",
            "GET /api/users/{user_id}/profile",
            "POST /api/users/",
            "GET /reports/sales",
            "GET /reports/legacy-sales",
            "GET /ping",
            "HEAD /ping",
            "WS /ws",
            "GET /back-office/settings",
            "POST /back-office/maintenance",
            "GET /back-office/maintenance",
            "POST /v1/predict/churn",
        ],
    );
    assert_eq!(
        handler_of("fastapi", "GET /api/users/{user_id}"),
        ("get_user".into(), "routers/users.py".into(), 15)
    );
}

#[test]
fn django_includes_class_views_drf_and_regex_paths() {
    assert_routes(
        "django",
        &[
            "GET /api/orders/",
            "POST /api/orders/",
            "ANY /api/orders/<int:pk>/",
            "GET /api/orders/<int:pk>/invoice/",
            "POST /api/cart/add/",
            "GET /api/search/",
            "GET /api/checkout/",
            "POST /api/checkout/",
            "GET /api/inventory/<int:pk>/",
            "PUT /api/inventory/<int:pk>/",
            "GET /api/products/",
            "POST /api/products/",
            "GET /api/products/<pk>/",
            "PUT /api/products/<pk>/",
            "PATCH /api/products/<pk>/",
            "DELETE /api/products/<pk>/",
            "ANY /legacy/<id>/",
            "ANY /health/",
            "GET /reports/daily/",
            "POST /reports/export/",
            "GET /catalog/items/",
            "GET /catalog/items/<pk>/",
            "GET /catalog/movements/",
            "POST /catalog/movements/",
            "GET /catalog/orders/",
            "POST /catalog/orders/",
            "GET /catalog/orders/<pk>/",
        ],
    );
    assert_eq!(
        handler_of("django", "POST /api/orders/"),
        ("OrderView.post".into(), "shop/views.py".into(), 33)
    );
}

#[test]
fn express_routers_mounted_across_files_and_chained_routes() {
    assert_routes(
        "express",
        &[
            "GET /health",
            "POST /auth/login",
            "POST /auth/logout",
            "GET /auth/me",
            "GET /api/orders",
            "POST /api/orders",
            "GET /api/orders/:id",
            "GET /api/orders/:id/items",
            "POST /api/orders/:id/items",
            "POST /api/orders/:id/retry-payment",
            "GET /api/reports/:id/pdf",
            "POST /api/reports/export",
            "GET /api/events",
            "GET /api/docs",
            "GET /api/users",
            "GET /api/users/:id",
            "POST /api/users",
            "PUT /api/users/:id",
            "POST /api/users/:id/avatar",
            // Mounted with an inline `require('./wishlists')`.
            "GET /api/users/:id/wishlist",
            "POST /api/users/:id/wishlist",
            "GET /admin/settings",
            "PUT /admin/settings",
            "ANY /legacy/*",
            "WS /socket.io/",
            "GET /auth/github",
            "GET /auth/github/callback",
            "POST /admin/maintenance",
            "PUT /admin/flags/:name",
        ],
    );
    // A library's middleware as the handler.
    assert_eq!(
        handler_of("express", "GET /auth/github"),
        ("passport.authenticate".into(), "routes/auth.js".into(), 49)
    );
    assert_eq!(
        handler_of("express", "GET /api/orders/:id"),
        ("show".into(), "controllers/ordersController.js".into(), 18)
    );
    assert_eq!(
        handler_of("express", "POST /api/orders/:id/items"),
        (
            "addItem".into(),
            "controllers/ordersController.js".into(),
            52
        )
    );
}

#[test]
fn nestjs_controllers_global_prefix_and_no_dist_copies() {
    assert_routes(
        "nestjs",
        &[
            "GET /api/health",
            "GET /api/users",
            "GET /api/users/:id",
            "POST /api/users",
            "PUT /api/users/:id",
            "DELETE /api/users/:id",
            "POST /api/files",
            "GET /api/files/:key",
            "POST /api/files/:key/thumbnail",
            "GET /api/reports/revenue",
            "POST /api/reports/revenue/share",
            "GET /api/products",
            "GET /api/products/:sku/price",
            "GET /api/settings/locale",
            "PUT /api/settings/locale",
            "WS /socket.io/",
            "POST /api/webhooks/:event",
        ],
    );
    let report = scan_sample("nestjs");
    assert!(
        report
            .skipped
            .iter()
            .any(|s| s.path == "dist/users/users.controller.js"
                && s.reason.starts_with("compiled output")),
        "dist/ copies are skipped with a reason: {:?}",
        report.skipped
    );
    assert_eq!(
        handler_of("nestjs", "GET /api/users/:id"),
        (
            "UsersController.findOne".into(),
            "src/users/users.controller.ts".into(),
            32
        )
    );
}

#[test]
fn nextjs_pages_and_app_router_file_routes() {
    assert_routes(
        "nextjs",
        &[
            "ANY /api/health",
            "ANY /api/users/[id]",
            "GET /api/orders",
            "POST /api/orders",
            "GET /api/orders/[orderId]",
            "PATCH /api/orders/[orderId]",
            "DELETE /api/orders/[orderId]",
            "GET /api/files/[...slug]",
            "PUT /api/files/[...slug]",
        ],
    );
}

#[test]
fn koa_prefixed_and_nested_routers() {
    // The feeds router: mounted under a convict setting's default, its
    // route registered in a loop over a literal map.
    assert_routes(
        "koa",
        &[
            "GET /api/feeds/atom",
            "GET /api/feeds/rss",
            "GET /api/status",
            "GET /api/v2/products",
            "GET /api/v2/products/:id",
            "POST /api/v2/products/:id/reviews",
            "GET /api/v2/reports/top-sellers",
        ],
    );
}

#[test]
fn fastify_route_objects_and_prefixed_plugins() {
    assert_routes(
        "fastify",
        &[
            "GET /health",
            "POST /login",
            "GET /v1/items",
            "GET /v1/items/:sku",
            "POST /v1/items/:sku/restock",
            "GET /v1/supplier/status",
            // Autoloaded from `api/`: one folder per prefix.
            "GET /reports/stock-value",
            "GET /reports/low-stock",
            "GET /catalog/categories",
        ],
    );
}

#[test]
fn drf_viewset_extra_actions_add_routes() {
    let dir = common::temp_dir("drf-action");
    std::fs::create_dir_all(dir.join("app")).unwrap();
    std::fs::write(
        dir.join("app/urls.py"),
        "from django.urls import path, include\nfrom rest_framework.routers import DefaultRouter\nfrom .views import UserViewSet\nrouter = DefaultRouter()\nrouter.register(r'users', UserViewSet)\nurlpatterns = [path('api/', include(router.urls))]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("app/views.py"),
        "from rest_framework import viewsets\nfrom rest_framework.decorators import action\n\nclass UserViewSet(viewsets.ModelViewSet):\n    @action(detail=True, methods=['post'], url_path='set-password')\n    def set_password(self, request, pk=None):\n        return None\n\n    @action(detail=False)\n    def recent(self, request):\n        return None\n",
    )
    .unwrap();
    let report = common::scan_path(&dir);
    let ids = route_ids(&report);
    assert!(
        ids.contains(&"POST /api/users/<pk>/set-password/".to_string()),
        "{ids:?}"
    );
    assert!(
        ids.contains(&"GET /api/users/recent/".to_string()),
        "{ids:?}"
    );
    assert!(
        ids.contains(&"DELETE /api/users/<pk>/".to_string()),
        "{ids:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `METHOD path` → handler of every route of a fixture: files separated by
/// `#--- path ---#` lines, written to a fresh folder and scanned.
fn routes_of(tag: &str, fixture: &str) -> Vec<String> {
    let report = scan_fixture(tag, fixture);
    let mut got: Vec<String> = report
        .routes
        .iter()
        .map(|r| format!("{} → {}", r.id, r.handler))
        .collect();
    got.sort();
    got
}

fn scan_fixture(tag: &str, fixture: &str) -> carve::report::Report {
    let dir = common::temp_dir(tag);
    let mut path: Option<&str> = None;
    let mut text = String::new();
    let write = |path: Option<&str>, text: &mut String| {
        if let Some(path) = path {
            let file = dir.join(path);
            std::fs::create_dir_all(file.parent().expect("fixture file in a folder")).unwrap();
            std::fs::write(file, &*text).unwrap();
        }
        text.clear();
    };
    for line in fixture.lines() {
        match line
            .trim()
            .strip_prefix("#---")
            .and_then(|l| l.strip_suffix("---#"))
        {
            Some(next) => {
                write(path, &mut text);
                path = Some(next.trim());
            }
            None => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    write(path, &mut text);
    let report = common::scan_path(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    report
}

fn check_routes(tag: &str, fixture: &str, expected: &[&str]) {
    let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(routes_of(tag, fixture), want, "routes of fixture {tag}");
}

#[test]
fn django_regex_paths_render_named_groups_and_drop_optional_slash() {
    check_routes(
        "django-regex",
        r#"
#--- site/urls.py ---#
from django.conf.urls import include, url
urlpatterns = [
    url(r'^api/', include('blog.urls', namespace='blog')),
]
#--- blog/urls.py ---#
from django.conf.urls import url
from django.urls import re_path
from .views import CommentsView, TagsView, serve_image, feed
urlpatterns = [
    url(r'^articles/(?P<article_slug>[-\w]+)/comments/?$', CommentsView.as_view()),
    url(r'^tags/?$', TagsView.as_view()),
    re_path(r'^images/([^/]*)/(\d*)/[^/]*$', serve_image),
    re_path(r'^feed\.xml$', feed),
]
#--- blog/views.py ---#
from rest_framework.generics import ListCreateAPIView
from rest_framework.views import APIView
class CommentsView(ListCreateAPIView):
    pass
class TagsView(APIView):
    def get(self, request):
        return None
def serve_image(request, signature, image_id):
    return None
def feed(request):
    return None
"#,
        &[
            "GET /api/articles/<article_slug>/comments → CommentsView",
            "POST /api/articles/<article_slug>/comments → CommentsView",
            "GET /api/tags → TagsView.get",
            "ANY /api/images/<arg1>/<arg2>/<_> → serve_image",
            "ANY /api/feed.xml → feed",
        ],
    );
}

#[test]
fn django_includes_of_tuples_nested_lists_pattern_variables_and_packages() {
    check_routes(
        "django-includes",
        r#"
#--- config/urls.py ---#
from django.contrib import admin
from django.urls import include, path
urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include(("app.api.urls", "api"))),
]
#--- app/api/urls.py ---#
from django.urls import include, path
urlpatterns = [
    path("users/", include(("app.users.urls", "users"))),
    path("files/", include("app.files.urls")),
]
#--- app/users/urls.py ---#
from django.urls import include, path
from .apis import UserListApi, UserDetailApi, login
auth_patterns = [
    path("login/", login),
]
urlpatterns = [
    path("", UserListApi.as_view(), name="list"),
    path("<int:user_id>/", UserDetailApi.as_view(), name="detail"),
    path("auth/", include(auth_patterns)),
]
#--- app/users/apis.py ---#
from rest_framework.views import APIView
class UserListApi(APIView):
    def get(self, request):
        return None
class UserDetailApi(APIView):
    def get(self, request, user_id):
        return None
def login(request):
    return None
#--- app/files/urls.py ---#
from django.urls import include, path
from .apis import StandardUpload, DirectStart
urlpatterns = [
    path(
        "upload/",
        include(
            (
                [
                    path("standard/", StandardUpload.as_view()),
                    path("direct/", include(([path("start/", DirectStart.as_view())], "direct"))),
                ],
                "upload",
            )
        ),
    )
]
#--- app/files/apis.py ---#
from rest_framework.views import APIView
class StandardUpload(APIView):
    def post(self, request):
        return None
class DirectStart(APIView):
    def post(self, request):
        return None
"#,
        &[
            "ANY /admin/* → admin.site (package routes)",
            "GET /api/users/ → UserListApi.get",
            "GET /api/users/<int:user_id>/ → UserDetailApi.get",
            "ANY /api/users/auth/login/ → login",
            "POST /api/files/upload/standard/ → StandardUpload.post",
            "POST /api/files/upload/direct/start/ → DirectStart.post",
        ],
    );
}

#[test]
fn drf_viewsets_serve_only_their_actions() {
    check_routes(
        "drf-viewsets",
        r#"
#--- app/urls.py ---#
from django.urls import include, path
from rest_framework.routers import DefaultRouter
from .views import ArticleViewSet, TagViewSet, NoteViewSet, LogViewSet, EntryViewSet, FeedView
router = DefaultRouter(trailing_slash=False)
router.register(r'articles', ArticleViewSet)
router.register(r'tags', TagViewSet)
plain = DefaultRouter()
plain.register(r'notes', NoteViewSet)
plain.register(r'logs', LogViewSet)
plain.register(r'entries', EntryViewSet)
urlpatterns = [
    path('api/', include(router.urls)),
    path('v2/', include(plain.urls)),
    path('feed/', FeedView.as_view()),
]
#--- app/views.py ---#
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.views import APIView
class ArticleViewSet(mixins.CreateModelMixin, mixins.ListModelMixin,
                     mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    lookup_field = 'slug'
    def update(self, request, slug):
        return None
class TagViewSet(viewsets.ReadOnlyModelViewSet):
    pass
class BaseNotes(viewsets.ModelViewSet):
    pass
class NoteViewSet(BaseNotes):
    def list(self, request):
        return None
class LogViewSet(viewsets.ViewSet):
    def list(self, request):
        return None
class EntryViewSet(viewsets.ModelViewSet):
    http_method_names = ['get', 'post', 'head']
    @action(detail=True, methods=['post', 'delete'])
    def archive(self, request, pk):
        return None
class FeedView(APIView):
    http_method_names = ('get',)
    def get(self, request):
        return None
    def delete(self, request):
        return None
"#,
        &[
            "GET /api/articles → ArticleViewSet.list",
            "POST /api/articles → ArticleViewSet.create",
            "GET /api/articles/<pk> → ArticleViewSet.retrieve",
            "PUT /api/articles/<pk> → ArticleViewSet.update",
            "GET /api/tags → TagViewSet.list",
            "GET /api/tags/<pk> → TagViewSet.retrieve",
            "GET /v2/notes/ → NoteViewSet.list",
            "POST /v2/notes/ → NoteViewSet.create",
            "GET /v2/notes/<pk>/ → NoteViewSet.retrieve",
            "PUT /v2/notes/<pk>/ → NoteViewSet.update",
            "PATCH /v2/notes/<pk>/ → NoteViewSet.partial_update",
            "DELETE /v2/notes/<pk>/ → NoteViewSet.destroy",
            "GET /v2/logs/ → LogViewSet.list",
            "GET /v2/entries/ → EntryViewSet.list",
            "POST /v2/entries/ → EntryViewSet.create",
            "GET /v2/entries/<pk>/ → EntryViewSet.retrieve",
            "POST /v2/entries/<pk>/archive/ → EntryViewSet.archive",
            "GET /feed/ → FeedView.get",
        ],
    );
}

#[test]
fn wagtail_api_router_endpoints() {
    check_routes(
        "wagtail-api",
        r#"
#--- site/api.py ---#
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from site.people import PersonViewSet
api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("persons", PersonViewSet)
#--- site/people.py ---#
from wagtail.api.v2.views import BaseAPIViewSet
class PersonViewSet(BaseAPIViewSet):
    name = "persons"
#--- site/urls.py ---#
from django.urls import path
from django.views.generic import TemplateView
from .api import api_router
urlpatterns = [
    path("api/v2/", api_router.urls),
    path("about/", TemplateView.as_view(template_name="about.html")),
]
"#,
        &[
            "GET /api/v2/pages/ → PagesAPIViewSet.listing_view",
            "GET /api/v2/pages/<pk>/ → PagesAPIViewSet.detail_view",
            "GET /api/v2/pages/find/ → PagesAPIViewSet.find_view",
            "GET /api/v2/persons/ → PersonViewSet.listing_view",
            "GET /api/v2/persons/<pk>/ → PersonViewSet.detail_view",
            "GET /api/v2/persons/find/ → PersonViewSet.find_view",
            "GET /about/ → TemplateView",
        ],
    );
}

#[test]
fn socketio_events_are_handlers_of_one_socket_endpoint() {
    check_routes(
        "socketio",
        r#"
#--- chat/__init__.py ---#
from flask import Flask
from flask_socketio import SocketIO
app = Flask(__name__)
socketio = SocketIO(app)
#--- chat/events.py ---#
from . import socketio, app
@app.route('/')
def index():
    return ''
@socketio.on('post_message')
def post_message(data):
    pass
@socketio.on('disconnect')
def on_disconnect():
    pass
def ping(data):
    pass
socketio.on_event('ping_user', ping)
#--- worker/server.py ---#
import socketio
sio = socketio.AsyncServer()
@sio.event
async def connect(sid, environ):
    pass
@sio.on('typing', namespace='/chat')
async def typing(sid, data):
    pass
"#,
        &[
            "GET / → index",
            "WS /socket.io/ → events: connect, disconnect, ping_user, post_message, typing",
        ],
    );
}

#[test]
fn prefixes_from_settings_defaults_and_env_defaults_say_where_they_came_from() {
    let fixture = r#"
#--- app/core/config.py ---#
import os
from pydantic_settings import BaseSettings
class Settings(BaseSettings):
    API_V1_STR: str = "/api/v1"
settings = Settings()
ADMIN_PREFIX = os.getenv("ADMIN_PREFIX", "/admin")
#--- app/main.py ---#
from fastapi import FastAPI, APIRouter
from app.core.config import settings, ADMIN_PREFIX
from app.plugins import PLUGIN_PREFIX
app = FastAPI()
api = APIRouter()
admin = APIRouter()
extra = APIRouter()
@api.get("/items")
def items():
    return []
@admin.get("/stats")
def stats():
    return {}
@extra.get("/x")
def x():
    return {}
app.include_router(api, prefix=settings.API_V1_STR)
app.include_router(admin, prefix=ADMIN_PREFIX)
app.include_router(extra, prefix=PLUGIN_PREFIX)
"#;
    assert_eq!(
        routes_with_origins(&scan_fixture("prefix-origins", fixture)),
        [
            "GET /admin/stats [ADMIN_PREFIX=/admin at app/core/config.py:6 env ADMIN_PREFIX]",
            "GET /api/v1/items [settings.API_V1_STR=/api/v1 at app/core/config.py:4 env -]",
            "GET /{PLUGIN_PREFIX}/x [PLUGIN_PREFIX=? at -:0 env -]",
        ]
    );
}

/// Each route's id with where the values in its path came from, sorted.
fn routes_with_origins(report: &carve::report::Report) -> Vec<String> {
    let mut got: Vec<String> = report
        .routes
        .iter()
        .map(|r| {
            let origins: Vec<String> = r
                .prefixes
                .iter()
                .map(|p| {
                    format!(
                        "{}={} at {}:{} env {}",
                        p.name,
                        p.value.as_deref().unwrap_or("?"),
                        p.file.as_deref().unwrap_or("-"),
                        p.line.unwrap_or(0),
                        p.env.as_deref().unwrap_or("-")
                    )
                })
                .collect();
            format!("{} [{}]", r.id, origins.join("; "))
        })
        .collect();
    got.sort();
    got
}

/// Spring's property placeholders in mapping paths: the value of the
/// module's own settings file, else the placeholder's default, else a
/// visible `{key}`; a value that is a placeholder itself gives its default.
#[test]
fn spring_path_placeholders_read_the_modules_settings() {
    let fixture = r#"
#--- users/pom.xml ---#
<project><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>
#--- users/src/main/resources/application.properties ---#
# the API's base
app.api.prefix=/api/v3
openapi.base-path=${API_BASE:/openapi}
#--- users/src/main/java/demo/UserController.java ---#
package demo;
import org.springframework.web.bind.annotation.*;
@RestController
@RequestMapping("${app.api.prefix}/users")
public class UserController {
  @GetMapping("/{id}")
  public String get(@PathVariable String id) { return id; }
  @PostMapping("${app.admin:/admin}/reset")
  public String reset() { return "ok"; }
  @GetMapping("${openapi.base-path}/spec")
  public String spec() { return "{}"; }
  @GetMapping("${nowhere.set}/x")
  public String x() { return "x"; }
}
#--- billing/pom.xml ---#
<project><dependencies><dependency><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>
#--- billing/src/main/resources/application.yml ---#
app:
  api:
    prefix: /billing
#--- billing/src/main/java/demo/InvoiceController.java ---#
package demo;
import org.springframework.web.bind.annotation.*;
@RestController
@RequestMapping("${app.api.prefix}")
public class InvoiceController {
  @GetMapping("/invoices")
  public String list() { return "[]"; }
}
#--- orders/build.gradle.kts ---#
dependencies { implementation("org.springframework.boot:spring-boot-starter-web") }
#--- orders/src/main/resources/application.properties ---#
app.api.prefix=/orders-api
#--- orders/src/main/kotlin/demo/OrderController.kt ---#
package demo
import org.springframework.web.bind.annotation.*
@RestController
@RequestMapping("\${app.api.prefix}/orders")
class OrderController {
  @GetMapping("\${page.path:/page}")
  fun page(): String = "p"
}
"#;
    assert_eq!(
        routes_with_origins(&scan_fixture("spring-placeholders", fixture)),
        [
            "GET /api/v3/users/openapi/spec [app.api.prefix=/api/v3 at users/src/main/resources/application.properties:2 env -; openapi.base-path=/openapi at users/src/main/resources/application.properties:3 env -]",
            "GET /api/v3/users/{id} [app.api.prefix=/api/v3 at users/src/main/resources/application.properties:2 env -]",
            "GET /api/v3/users/{nowhere.set}/x [app.api.prefix=/api/v3 at users/src/main/resources/application.properties:2 env -; nowhere.set=? at -:0 env -]",
            "GET /billing/invoices [app.api.prefix=/billing at billing/src/main/resources/application.yml:3 env -]",
            "GET /orders-api/orders/page [app.api.prefix=/orders-api at orders/src/main/resources/application.properties:1 env -; page.path=/page at -:0 env -]",
            "POST /api/v3/users/admin/reset [app.api.prefix=/api/v3 at users/src/main/resources/application.properties:2 env -; app.admin=/admin at -:0 env -]",
        ]
    );
}

/// Routes of a small program written into a temp folder: `(path, source)` pairs.
fn routes_in(tag: &str, files: &[(&str, &str)]) -> Vec<String> {
    let dir = common::temp_dir(tag);
    for (path, source) in files {
        let file = dir.join(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).expect("fixture dir");
        }
        std::fs::write(&file, source).expect("fixture file");
    }
    let report = common::scan_path(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let mut ids = route_ids(&report);
    ids.sort();
    ids
}

/// One case: a tag, the program's files and every route it must have (no more).
type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);

fn check_cases(cases: &[Case]) {
    for (tag, files, expected) in cases {
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(routes_in(tag, files), want, "case {tag}");
    }
}

#[test]
fn koa_routers_exported_as_routes_and_del_alias() {
    check_cases(&[(
        "koa-exported-routes",
        &[
            (
                "package.json",
                r#"{"dependencies": {"koa": "2", "koa-router": "7"}}"#,
            ),
            (
                "src/app.js",
                "const Koa = require('koa')\nconst routes = require('./routes')\nconst app = new Koa()\napp.use(routes.routes())\n",
            ),
            (
                "src/routes/index.js",
                "const Router = require('koa-router')\nconst router = new Router()\nconst api = new Router()\nconst users = require('./users')\napi.use(users)\nrouter.use('/api', api.routes())\nmodule.exports = router\n",
            ),
            (
                "src/routes/users.js",
                "const Router = require('koa-router')\nconst router = new Router()\nrouter.get('/users/:id', async (ctx) => { ctx.body = 1 })\nrouter.del('/users/:id', async (ctx) => { ctx.body = 2 })\nmodule.exports = router.routes()\n",
            ),
        ],
        &["GET /api/users/:id", "DELETE /api/users/:id"],
    )]);
}

const NEST_PACKAGE: (&str, &str) = (
    "package.json",
    r#"{"dependencies": {"@nestjs/core": "10", "@nestjs/common": "10"}}"#,
);

#[test]
fn nestjs_router_module_paths_module_controllers_and_factories() {
    check_cases(&[(
        "nest-router-module",
        &[
            NEST_PACKAGE,
            (
                "src/main.ts",
                "import { NestFactory } from '@nestjs/core'\nimport { AppModule } from './app.module'\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule)\n  app.setGlobalPrefix('api')\n  await app.listen(3000)\n}\nbootstrap()\n",
            ),
            (
                "src/app.module.ts",
                "import { Module } from '@nestjs/common'\nimport { SystemModule } from './system/system.module'\nimport { HealthController } from './health.controller'\n@Module({ imports: [SystemModule], controllers: [HealthController] })\nexport class AppModule {}\n",
            ),
            (
                "src/health.controller.ts",
                "import { Controller, Get } from '@nestjs/common'\n@Controller('health')\nexport class HealthController {\n  @Get()\n  check() { return 'ok' }\n}\n",
            ),
            (
                "src/system/system.module.ts",
                "import { Module } from '@nestjs/common'\nimport { RouterModule } from '@nestjs/core'\nimport { UserModule } from '../user/user.module'\nimport { RoleModule } from './role/role.module'\nconst modules = [UserModule]\n@Module({\n  imports: [...modules, RoleModule, RouterModule.register([\n    { path: 'system', module: SystemModule, children: [...modules, { path: 'acl', module: RoleModule }] },\n  ])],\n})\nexport class SystemModule {}\n",
            ),
            (
                "src/user/user.module.ts",
                "import { Module } from '@nestjs/common'\nimport { UserController } from './user.controller'\n@Module({ controllers: [UserController] })\nexport class UserModule {}\n",
            ),
            (
                "src/user/user.controller.ts",
                "import { Controller, Get, Delete } from '@nestjs/common'\n@Controller('users')\nexport class UserController {\n  @Get(':id')\n  find() { return 1 }\n  @Delete(':id')\n  remove() { return 2 }\n}\n",
            ),
            (
                "src/system/role/role.module.ts",
                "import { Module } from '@nestjs/common'\nimport { RoleController } from './role.controller'\n@Module({ controllers: [RoleController] })\nexport class RoleModule {}\n",
            ),
            (
                "src/system/role/role.controller.ts",
                "import { Controller, Get } from '@nestjs/common'\n@Controller('roles')\nexport class RoleController {\n  @Get()\n  list() { return [] }\n}\n",
            ),
            (
                "src/helper/crud.factory.ts",
                "import { Controller, Get, Delete } from '@nestjs/common'\nexport function BaseCrudFactory({ entity }) {\n  const prefix = entity.name.toLowerCase()\n  @Controller(prefix)\n  class BaseController {\n    @Get()\n    list() { return [] }\n    @Delete(':id')\n    remove() { return 1 }\n  }\n  return BaseController\n}\n",
            ),
        ],
        &[
            "GET /api/health",
            "GET /api/system/users/:id",
            "DELETE /api/system/users/:id",
            "GET /api/system/acl/roles",
        ],
    ), (
        // A controller that extends the factory's class serves its routes.
        "nest-crud-factory-used",
        &[
            NEST_PACKAGE,
            (
                "src/helper/crud.factory.ts",
                "import { Controller, Get, Delete } from '@nestjs/common'\nexport function BaseCrudFactory({ entity }) {\n  @Controller(entity.name)\n  class BaseController {\n    @Get()\n    list() { return [] }\n    @Delete(':id')\n    remove() { return 1 }\n  }\n  return BaseController\n}\n",
            ),
            (
                "src/todo/todo.controller.ts",
                "import { Controller, Get } from '@nestjs/common'\nimport { BaseCrudFactory } from '../helper/crud.factory'\n@Controller('todos')\nexport class TodoController extends BaseCrudFactory({ entity: Todo }) {\n  @Get('done')\n  done() { return [] }\n}\n",
            ),
        ],
        &["GET /todos", "DELETE /todos/:id", "GET /todos/done"],
    )]);
}

#[test]
fn global_prefixes_from_settings_defaults() {
    check_cases(&[
        (
            "nest-prefix-env-default",
            &[
                NEST_PACKAGE,
                (
                    "src/config/app.config.ts",
                    "import { registerAs } from '@nestjs/config'\nimport { env } from '../env'\nconst globalPrefix = env('GLOBAL_PREFIX', 'api')\nexport const AppConfig = registerAs('app', () => ({ port: 3000, globalPrefix }))\n",
                ),
                (
                    "src/main.ts",
                    "import { NestFactory } from '@nestjs/core'\nimport { AppModule } from './app.module'\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule)\n  const configService = app.get(ConfigService)\n  const { port, globalPrefix } = configService.get('app')\n  app.setGlobalPrefix(globalPrefix)\n  await app.listen(port)\n}\nbootstrap()\n",
                ),
                (
                    "src/app.module.ts",
                    "import { Module } from '@nestjs/common'\nimport { HealthController } from './health.controller'\n@Module({ controllers: [HealthController] })\nexport class AppModule {}\n",
                ),
                (
                    "src/health.controller.ts",
                    "import { Controller, Get } from '@nestjs/common'\n@Controller('health')\nexport class HealthController {\n  @Get()\n  check() { return 'ok' }\n}\n",
                ),
            ],
            &["GET /api/health"],
        ),
        (
            "express-prefix-env-or-default",
            &[
                ("package.json", r#"{"dependencies": {"express": "4"}}"#),
                (
                    "app.js",
                    "const express = require('express')\nconst router = express.Router()\nconst BASE = process.env.BASE_PATH || '/v1'\nconst ctx = ''\nconst app = express()\nrouter.get('/items', (req, res) => res.json([]))\napp.use(BASE, router)\napp.use(ctx + '/', router)\napp.listen(3000)\n",
                ),
            ],
            &["GET /v1/items", "GET /items"],
        ),
    ]);
}

#[test]
fn socketio_servers_and_gateways_are_one_endpoint() {
    check_cases(&[
        (
            "socketio-express",
            &[
                (
                    "package.json",
                    r#"{"dependencies": {"express": "4", "socket.io": "4"}}"#,
                ),
                (
                    "server.js",
                    "const express = require('express')\nconst http = require('http')\nconst { Server } = require('socket.io')\nconst { chatHandler } = require('./chat')\nconst app = express()\nconst server = http.createServer(app)\nconst io = new Server(server)\napp.get('/health', (req, res) => res.send('ok'))\nio.on('connection', (socket) => {\n  socket.on('join', (room) => socket.join(room))\n  chatHandler(socket)\n})\nio.of('/admin').on('connection', (socket) => {})\nserver.listen(3000)\n",
                ),
                (
                    "chat.js",
                    "const rooms = {}\nmodule.exports.chatHandler = (socket) => {\n  socket.on('say', (msg) => { rooms[msg.room] = msg })\n}\n",
                ),
            ],
            &["GET /health", "WS /socket.io/"],
        ),
        (
            "socketio-nest-gateways",
            &[
                NEST_PACKAGE,
                (
                    "src/events/admin.gateway.ts",
                    "import { WebSocketGateway, SubscribeMessage } from '@nestjs/websockets'\n@WebSocketGateway<GatewayMetadata>({ namespace: 'admin' })\nexport class AdminGateway {\n  handleConnection(client) {}\n  @SubscribeMessage('ping')\n  // a comment between decorator and method\n  ping() { return 'pong' }\n}\n",
                ),
                (
                    "src/events/web.gateway.ts",
                    "import { WebSocketGateway } from '@nestjs/websockets'\n@WebSocketGateway({ namespace: 'web' })\nexport class WebGateway {}\n",
                ),
            ],
            &["WS /socket.io/"],
        ),
    ]);
}

#[test]
fn fastify_autoload_folders_index_files_and_autohooks() {
    let files: &[(&str, &str)] = &[
        (
            "package.json",
            r#"{"dependencies": {"fastify": "5", "@fastify/autoload": "6"}}"#,
        ),
        (
            "src/app.ts",
            "import path from 'node:path'\nimport fastifyAutoload from '@fastify/autoload'\nexport default async function serviceApp(fastify, opts) {\n  fastify.register(fastifyAutoload, {\n    dir: path.join(import.meta.dirname, 'routes'),\n    autoHooks: true,\n    cascadeHooks: true,\n    options: { ...opts }\n  })\n  fastify.register(fastifyAutoload, { dir: path.join(__dirname, '..', 'v2'), routeParams: true, options: { prefix: '/v2' } })\n}\n",
        ),
        (
            "src/routes/home.ts",
            "const plugin = async (fastify) => {\n  fastify.get('/', async function () { return { ok: true } })\n}\nexport default plugin\n",
        ),
        (
            "src/routes/api/index.ts",
            "export default async function (fastify) {\n  fastify.get('/', () => ({ hello: 1 }))\n}\n",
        ),
        (
            "src/routes/api/autohooks.ts",
            "let hits = 0\nexport default async function (fastify) {\n  fastify.addHook('onRequest', async (request, reply) => {\n    hits += 1\n  })\n}\n",
        ),
        (
            "src/routes/api/tasks/index.ts",
            "const plugin = async (fastify) => {\n  fastify.get('/:id', async (request) => ({ id: request.params.id }))\n  fastify.delete('/:id', async () => null)\n}\nexport default plugin\n",
        ),
        (
            "v2/items/_sku/index.js",
            "module.exports = async function (fastify) {\n  fastify.get('/price', async () => 1)\n}\n",
        ),
    ];
    check_cases(&[(
        "fastify-autoload",
        files,
        &[
            "GET /",
            "GET /api",
            "GET /api/tasks/:id",
            "DELETE /api/tasks/:id",
            "GET /v2/items/:sku/price",
        ],
    )]);
    // The autohook's module mutation reaches the routes of its folder only.
    let dir = common::temp_dir("fastify-autohooks");
    for (path, source) in files {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, source).unwrap();
    }
    let report = common::scan_path(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let touches_hits = |id: &str| {
        report
            .routes
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no route {id}"))
            .findings
            .iter()
            .any(|f| f.at.file == "src/routes/api/autohooks.ts")
    };
    assert!(touches_hits("GET /api/tasks/:id"));
    assert!(touches_hits("GET /api"));
    assert!(!touches_hits("GET /"));
}

#[test]
fn aspnetcore_controllers_tokens_conventions_pages_minimal_apis_and_hubs() {
    assert_routes(
        "aspnetcore",
        &[
            "GET /api/Orders/{id}",
            "POST /api/Orders",
            "DELETE /api/Orders/{id}",
            "GET /api/Orders/Summary",
            "POST /api/Orders/{id}/attachments",
            "POST /api/Orders/{id}/sync",
            "GET /api/Orders/{id}/total",
            "GET /api/Orders/{id}/invoice",
            "ANY /Home/Index/{id?}",
            "GET /Home/About/{id?}",
            "GET /Products",
            "POST /Products",
            // `@page "{id:int}"` of Details.cshtml extends its page model's path.
            "GET /Products/Details/{id:int}",
            "GET /api/health",
            "GET /api/items/",
            "POST /api/items/{id}",
            "WS /hubs/chat",
        ],
    );
    assert_eq!(
        handler_of("aspnetcore", "GET /api/Orders/Summary"),
        (
            "OrdersController.Summary".into(),
            "Controllers/OrdersController.cs".into(),
            81
        )
    );
    assert_eq!(
        handler_of("aspnetcore", "POST /api/items/{id}"),
        ("UpsertItem".into(), "Program.cs".into(), 59)
    );
    assert_eq!(
        handler_of("aspnetcore", "WS /hubs/chat"),
        ("ChatHub".into(), "Hubs/ChatHub.cs".into(), 5)
    );
}

#[test]
fn aspnetcore_inherited_prefixes_rooted_templates_and_conventions() {
    check_cases(&[
        (
            "aspnet-attribute-routes",
            &[
                (
                    "Controllers/ApiControllerBase.cs",
                    "namespace App.Controllers;\n[ApiController]\n[Route(\"api/[controller]/[action]\")]\npublic abstract class ApiControllerBase : ControllerBase { }\n",
                ),
                (
                    "Controllers/ArticlesController.cs",
                    "namespace App.Controllers;\npublic class ArticlesController : ApiControllerBase\n{\n    [HttpGet]\n    public IActionResult ListAsync() => Ok();\n\n    [HttpGet(\"~/feed\")]\n    public IActionResult Feed() => Ok();\n\n    [Route(\"/a\")]\n    [Route(\"/b\")]\n    [HttpPost]\n    public IActionResult Both() => Ok();\n\n    [AcceptVerbs(\"PUT\", \"PATCH\")]\n    public IActionResult Edit() => Ok();\n\n    [NonAction]\n    public string Helper() => \"\";\n\n    private IActionResult Hidden() => Ok();\n}\n",
                ),
                (
                    "Controllers/TagsController.cs",
                    "namespace App.Controllers;\n[Route(\"tags\")]\npublic class TagsController : Controller\n{\n    [HttpGet(Paths.One)]\n    public IActionResult One(string id) => Ok();\n}\npublic static class Paths\n{\n    public const string One = \"{id}\";\n}\n",
                ),
            ],
            &[
                "GET /api/Articles/List",
                "GET /feed",
                "POST /a",
                "POST /b",
                "PUT /api/Articles/Edit",
                "PATCH /api/Articles/Edit",
                "GET /tags/{id}",
            ],
        ),
        (
            "aspnet-conventional",
            &[
                (
                    "Startup.cs",
                    "public class Startup\n{\n    public void Configure(IApplicationBuilder app)\n    {\n        app.UseMvc(routes => routes.MapRoute(name: \"default\", template: \"{controller=Home}/{action=Index}/{id?}\"));\n        app.UseEndpoints(endpoints =>\n        {\n            endpoints.MapGet(\"/ping\", () => \"pong\");\n            endpoints.MapMethods(\"/probe\", new[] { \"GET\", \"HEAD\" }, () => \"ok\");\n        });\n    }\n}\n",
                ),
                (
                    "Controllers/ShopController.cs",
                    "public class ShopController : Controller\n{\n    public IActionResult Index() => View();\n\n    [HttpPost]\n    public IActionResult Buy(int id) => View();\n\n    public static int Count() => 1;\n\n    public override void OnActionExecuting(ActionExecutingContext c) { }\n}\n",
                ),
                (
                    "Program.cs",
                    "var app = WebApplication.Create(args);\nvar v1 = app.MapGroup(\"/v1\").WithTags(\"v1\");\nv1.MapDelete(\"/items/{id}\", Handlers.Delete);\napp.Run();\n",
                ),
                (
                    "Handlers.cs",
                    "public static class Handlers\n{\n    public static IResult Delete(int id) => Results.Ok();\n}\n",
                ),
            ],
            &[
                "ANY /Shop/Index/{id?}",
                "POST /Shop/Buy/{id?}",
                "GET /ping",
                "GET /probe",
                "HEAD /probe",
                "DELETE /v1/items/{id}",
            ],
        ),
        (
            "aspnet-razor-pages",
            &[
                (
                    "Pages/Index.cshtml.cs",
                    "public class IndexModel : PageModel\n{\n    public void OnGet() { }\n}\n",
                ),
                (
                    "Pages/Admin/Index.cshtml.cs",
                    "public class AdminIndexModel : PageModel\n{\n}\n",
                ),
                (
                    "Areas/Identity/Pages/Account/Login.cshtml.cs",
                    "public class LoginModel : PageModel\n{\n    public Task OnGetAsync() => Task.CompletedTask;\n    public Task<IActionResult> OnPostAsync() => null;\n}\n",
                ),
                // The view's `@page` template: appended, or the whole path
                // when it starts with `/`; a bare `@page` adds nothing.
                (
                    "Pages/Basket/Index.cshtml",
                    "\u{feff}@page \"{handler?}\"\n@model IndexModel\n",
                ),
                (
                    "Pages/Basket/Index.cshtml.cs",
                    "public class IndexModel : PageModel\n{\n    public void OnGet() { }\n    public void OnPostUpdate() { }\n}\n",
                ),
                (
                    "Pages/About.cshtml",
                    "@page \"/about-us\"\n<h1>About</h1>\n",
                ),
                (
                    "Pages/About.cshtml.cs",
                    "public class AboutModel : PageModel\n{\n    public void OnGet() { }\n}\n",
                ),
                ("Pages/Privacy.cshtml", "@page\n<p>@Model.Text</p>\n"),
                (
                    "Pages/Privacy.cshtml.cs",
                    "public class PrivacyModel : PageModel\n{\n    public void OnGet() { }\n}\n",
                ),
            ],
            &[
                "GET /",
                "GET /Admin",
                "GET /Basket/{handler?}",
                "POST /Basket/{handler?}",
                "GET /Identity/Account/Login",
                "POST /Identity/Account/Login",
                "GET /Privacy",
                "GET /about-us",
            ],
        ),
    ]);
}

#[test]
fn php_scripts_symfony_attributes_and_laravel_11_routing() {
    let report = scan_fixture(
        "php-routes",
        r#"
#--- index.php ---#
<?php
require 'inc/db.php';
include 'inc/header.php';
?>
<h1>Blog</h1>
#--- admin/upload.php ---#
<?php
move_uploaded_file($_FILES['f']['tmp_name'], 'uploads/x');
echo "uploaded";
#--- inc/db.php ---#
<?php
function db() { return new PDO('sqlite::memory:'); }
#--- inc/header.php ---#
<html><head><title>Blog</title></head><body>
#--- src/Controller/BlogController.php ---#
<?php
namespace App\Controller;

use Symfony\Component\Routing\Attribute\Route;

#[Route('/blog', name: 'blog_')]
class BlogController
{
    #[Route('/{slug}', name: 'show', methods: ['GET', 'HEAD'])]
    public function show(string $slug) { return $slug; }

    #[Route(path: '/new', name: 'new')]
    public function create() { return 1; }
}
#--- bootstrap/app.php ---#
<?php
return Application::configure(basePath: dirname(__DIR__))
    ->withRouting(web: __DIR__.'/../routes/web.php', apiPrefix: 'v2', api: __DIR__.'/../routes/api.php')
    ->create();
#--- routes/api.php ---#
<?php
use App\Http\Controllers\TagController;
Route::resource('tags', TagController::class)->except(['create', 'edit', 'destroy']);
// Laravel trims the slash a group prefix and `/` leave: `/v2/modules`.
Route::prefix('/modules')->group(function () {
    Route::get('/', [TagController::class, 'index']);
});
#--- app/Http/Controllers/TagController.php ---#
<?php
namespace App\Http\Controllers;
class TagController
{
    public function index() {}
    public function store() {}
    public function show($tag) {}
    public function update($tag) {}
    public function destroy($tag) {}
}
"#,
    );
    let mut got: Vec<String> = report.routes.iter().map(|r| r.id.clone()).collect();
    got.sort();
    assert_eq!(
        got,
        [
            "ANY /admin/upload.php",
            "ANY /blog/new",
            "ANY /index.php",
            "GET /blog/{slug}",
            "GET /v2/modules",
            "GET /v2/tags",
            "GET /v2/tags/{tag}",
            "HEAD /blog/{slug}",
            "PATCH /v2/tags/{tag}",
            "POST /v2/tags",
            "PUT /v2/tags/{tag}",
        ]
    );
}

#[test]
fn symfony_yaml_import_prefix_and_sinatra_escaped_paths() {
    const CONTROLLER: &str = "<?php\nnamespace App\\Controller;\nuse Symfony\\Component\\Routing\\Attribute\\Route;\n#[Route('/blog')]\nclass BlogController\n{\n    #[Route('/', name: 'blog_index', methods: ['GET'])]\n    public function index() { return 1; }\n}\n";
    check_cases(&[
        (
            "symfony-yaml-prefix",
            &[
                (
                    "config/routes.yaml",
                    "homepage:\n    path: /{_locale}\n\ncontrollers:\n    resource: routing.controllers\n    prefix: /{_locale}\n    defaults:\n        _locale: en\n",
                ),
                ("src/Controller/BlogController.php", CONTROLLER),
            ],
            // The YAML route has no controller: a route with no handler.
            &["ANY /{_locale}", "GET /{_locale}/blog/"],
        ),
        (
            // A prefix of another import, and a route's own path, are not the
            // prefix of the controllers import.
            "symfony-yaml-other-prefix",
            &[
                (
                    "config/routes.yaml",
                    "controllers:\n    resource: ../src/Controller/\n    type: attribute\n\nadmin:\n    resource: ../src/Admin/\n    prefix: /admin\n",
                ),
                ("src/Controller/BlogController.php", CONTROLLER),
            ],
            &["GET /blog/"],
        ),
        (
            "sinatra-escaped-path",
            &[
                ("Gemfile", "source 'https://rubygems.org'\ngem 'sinatra'\n"),
                (
                    "app.rb",
                    "require 'sinatra/base'\nclass App < Sinatra::Base\n  get '/\\.well-known/:name' do\n    params[:name]\n  end\n  get '/files/*' do\n    'x'\n  end\nend\n",
                ),
            ],
            &["GET /.well-known/:name", "GET /files/*"],
        ),
    ]);
}

#[test]
fn php_pages_fragments_slim3_groups_and_laravel_5_resources() {
    let report = scan_fixture(
        "php-pages",
        r#"
#--- index.php ---#
<?php
define('ROOT', '');
require_once ROOT . 'includes/page.inc.php';
pageStartup(array('authenticated'));
$page = newPage();
$page['body'] .= "<h1>Welcome</h1>";
renderPage($page);
#--- labs/exec/index.php ---#
<?php
define('ROOT', '../../');
require_once ROOT . 'includes/page.inc.php';
pageStartup(array('authenticated'));
$level = '';
switch ($security) {
    case 'low':
        $level = 'low.php';
        break;
    default:
        $level = 'high.php';
}
require_once ROOT . "labs/exec/source/{$level}";
renderPage($page);
#--- labs/exec/source/low.php ---#
<?php
if (isset($_POST['Submit'])) {
    $target = $_REQUEST['ip'];
    echo shell_exec('ping -c 4 ' . $target);
}
#--- labs/exec/source/high.php ---#
<?php
if (isset($_POST['Submit'])) {
    echo shell_exec('ping -c 4 ' . escapeshellarg($_POST['ip']));
}
#--- labs/exec/source/jsonp.php ---#
<?php
$callback = isset($_GET['callback']) ? $_GET['callback'] : 'f';
echo $callback . '(1)';
#--- labs/exec/source/check.php ---#
<?php
$ret = json_encode(array('status' => 200));
print $ret;
#--- labs/exec/source/download.php ---#
<?php
header('Content-Disposition: attachment; filename=attack.php');
readfile('./attack.php');
#--- labs/lib/headers.php ---#
<?php
header('X-Frame-Options: DENY');
#--- labs/page.php ---#
<?php
require 'lib/headers.php';
echo 'page';
#--- labs/exec/source/view_source.php ---#
<?php
require_once '../../../includes/page.inc.php';
pageStartup(array('authenticated'));
renderPage(newPage());
#--- labs/view_help.php ---#
<?php
require_once '../includes/page.inc.php';
pageStartup(array('authenticated'));
$id = $_GET['id'];
eval('?>' . file_get_contents(ROOT . "labs/{$id}/help/help.php") . '<?php ');
#--- labs/exec/help/help.php ---#
<div class="body_padded"><h1>Help</h1></div>
#--- includes/page.inc.php ---#
<?php
session_start();
function pageStartup($actions) { return $actions; }
function newPage() { return array('body' => ''); }
function renderPage($page) { echo $page['body']; }
#--- tools/report.php ---#
<?php
require __DIR__ . '/../lib/util.php';
#--- lib/util.php ---#
<?php
function util() { return 1; }
#--- api/composer.json ---#
{"require": {"slim/slim": "^3.0"}}
#--- api/public/index.php ---#
<?php
require __DIR__ . '/../vendor/autoload.php';
session_start();
$app = new \Slim\App($settings);
require __DIR__ . '/../src/routes.php';
$app->run();
#--- api/src/routes.php ---#
<?php
use Api\Controllers\UserController;

$app->group('/api', function () {
    $this->post('/users/login', UserController::class . ':login')->setName('auth.login');
    $this->get('/user', UserController::class . ':show');
});
$app->get('/[{name}]', function ($request, $response, $args) {
    return $response;
});
#--- api/src/Controllers/UserController.php ---#
<?php
namespace Api\Controllers;
class UserController
{
    public function login($request, $response) { return $response; }
    public function show($request, $response) { return $response; }
}
#--- shop/routes/api.php ---#
<?php
Route::group(['namespace' => 'Api'], function () {
    Route::resource('articles', 'ArticleController', [
        'except' => ['create', 'edit']
    ]);
    Route::resource('articles/{article}/comments', 'CommentController', [
        'only' => ['index', 'destroy']
    ]);
});
#--- shop/app/Http/Controllers/Api/ArticleController.php ---#
<?php
namespace App\Http\Controllers\Api;
class ArticleController
{
    public function index() {}
    public function store() {}
    public function show($article) {}
    public function update($article) {}
    public function destroy($article) {}
}
#--- shop/app/Http/Controllers/Api/CommentController.php ---#
<?php
namespace App\Http\Controllers\Api;
class CommentController
{
    public function index($article) {}
    public function destroy($article, $comment) {}
}
"#,
    );
    let mut got: Vec<String> = report.routes.iter().map(|r| r.id.clone()).collect();
    got.sort();
    // Pages that include the page bootstrap are routes; the fragments they
    // include (by name, through a template, or eval'd) are not; a template
    // whose variable is only assigned strings names just those files, so
    // the scripts beside them that answer a request (echo, print, headers)
    // stay routes; an included file that sends headers is none; a page in a
    // folder a template names stays one; the front controller of a
    // framework and a script that prints nothing of its own are none.
    assert_eq!(
        got,
        [
            "ANY /index.php",
            "ANY /labs/exec/index.php",
            "ANY /labs/exec/source/check.php",
            "ANY /labs/exec/source/download.php",
            "ANY /labs/exec/source/jsonp.php",
            "ANY /labs/exec/source/view_source.php",
            "ANY /labs/page.php",
            "ANY /labs/view_help.php",
            "DELETE /articles/{article}",
            "DELETE /articles/{article}/comments/{comment}",
            "GET /[{name}]",
            "GET /api/user",
            "GET /articles",
            "GET /articles/{article}",
            "GET /articles/{article}/comments",
            "PATCH /articles/{article}",
            "POST /api/users/login",
            "POST /articles",
            "PUT /articles/{article}",
        ]
    );
    let route = |id: &str| report.routes.iter().find(|r| r.id == id).unwrap();
    assert_eq!(
        route("POST /api/users/login").handler,
        "UserController.login"
    );
    // The fragment's subprocess and the bootstrap's session run on the page.
    let kinds = |id: &str| -> Vec<String> {
        route(id)
            .findings
            .iter()
            .map(|f| f.at.rule.clone())
            .collect()
    };
    assert!(kinds("ANY /labs/exec/index.php")
        .iter()
        .any(|r| r == "long-running/php-process"));
    assert!(kinds("ANY /index.php")
        .iter()
        .any(|r| r == "session/php-session-start"));
}

#[test]
fn gin_groups_filled_in_other_packages() {
    assert_routes(
        "gin",
        &[
            "GET /healthz",
            "GET /api/v1/books/",
            "GET /api/v1/books/popular",
            "GET /api/v1/books/:id",
            "POST /api/v1/books",
            "POST /api/v1/orders",
            "GET /api/v1/orders/cart",
            "GET /api/v1/orders/:id/receipt",
            "GET /api/v1/orders/:id/invoice.pdf",
            "POST /api/v1/covers",
            "POST /api/v1/covers/preview",
            "GET /api/v1/events",
            "GET /admin/stats",
            "POST /admin/reindex",
        ],
    );
    assert_eq!(
        handler_of("gin", "GET /api/v1/books/:id"),
        ("Handler.Get".into(), "internal/books/handler.go".into(), 56)
    );
}

#[test]
fn chi_routes_mounts_groups_and_a_go_1_22_mux() {
    assert_routes(
        "chi",
        &[
            "GET /",
            "GET /api/notes",
            "POST /api/notes",
            "GET /api/notes/{id}",
            "DELETE /api/notes/{id}",
            "POST /api/search",
            "GET /api/admin/stats",
            "POST /api/admin/backup",
            "GET /api/me",
            "WS /ws",
            "GET /metrics/{name}",
        ],
    );
    assert_eq!(
        handler_of("chi", "GET /api/notes/{id}"),
        ("Handler.get".into(), "notes/handler.go".into(), 65)
    );
}

/// (route id, framework, handler) of a small Go app in tests/fixtures/go-routers.
fn go_routes(app: &str) -> Vec<(String, String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/go-routers")
        .join(app);
    let report = common::scan_path(&root);
    let mut out: Vec<_> = report
        .routes
        .iter()
        .map(|r| (r.id.clone(), r.framework.clone(), r.handler.clone()))
        .collect();
    out.sort();
    out
}

#[test]
fn echo_fiber_gorilla_mux_and_net_http_routers() {
    let owned = |rows: &[(&str, &str, &str)]| -> Vec<(String, String, String)> {
        let mut v: Vec<_> = rows
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        go_routes("echoapp"),
        owned(&[
            ("GET /users/:id", "echo", "getUser"),
            ("POST /admin/users", "echo", "createUser"),
            ("PATCH /admin/users/:id", "echo", "patchUser"),
            ("ANY /ping", "echo", "ping"),
        ])
    );
    assert_eq!(
        go_routes("fiberapp"),
        owned(&[
            ("GET /api/v1/list", "fiber", "list"),
            ("POST /api/v1/list", "fiber", "create"),
            ("ANY /", "fiber", "home"),
        ])
    );
    assert_eq!(
        go_routes("muxapp"),
        owned(&[
            ("GET /articles", "gorilla/mux", "list"),
            ("PUT /articles/{id}", "gorilla/mux", "update"),
            ("PATCH /articles/{id}", "gorilla/mux", "update"),
            ("ANY /api/health", "gorilla/mux", "health"),
        ])
    );
    // `users.Register(v1.Group("/users"))`: the group made in the argument
    // is the router the function declares its routes on.
    assert_eq!(
        go_routes("ginapp"),
        owned(&[
            ("POST /api/users/", "gin", "register"),
            ("POST /api/users/login", "gin", "login"),
            ("GET /api/profiles/:username", "gin", "profile"),
            // `r.Group("/user").Use(auth).POST("", h)`, `r.GET("version", h)`,
            // `r.Match([]string{"GET", "HEAD"}, …)`, `r.StaticFS("/image", …)`.
            ("POST /user", "gin", "Create"),
            ("GET /version", "gin", "version"),
            ("GET /health", "gin", "health"),
            ("HEAD /health", "gin", "health"),
            ("GET /image/*filepath", "gin", "<none>"),
            // `s := users.NewStream()` (returns `*API`), `r.GET("/stream", s.Handle)`:
            // the handler upgrades the connection.
            ("WS /stream", "gin", "API.Handle"),
        ])
    );
    // `RouteRead(handler, level, write.PathPrefix("/read").Subrouter())`:
    // the subrouter made in the argument, not the scope's router;
    // `r.Path("/reset").Handler(csrf.Protect(key)(handler.Web(viewReset, level)))`:
    // the function given to the handler's factory handles the route; a
    // prefix variable reads as the string it is bound to outside any branch.
    assert_eq!(
        go_routes("muxsubapp"),
        owned(&[
            ("ANY /read", "gorilla/mux", "viewTimeline"),
            ("ANY /read/p/{page}", "gorilla/mux", "viewTimeline"),
            ("ANY /reset", "gorilla/mux", "viewReset"),
            ("GET /me/settings", "gorilla/mux", "viewSettings"),
            // `draftPrefix := ""`, set to "/d" only in an `if`.
            ("GET /{action}/edit", "gorilla/mux", "viewPad"),
            // `userPrefix := apper.UserPrefix()`: unknown.
            ("GET /{userPrefix}/{id}", "gorilla/mux", "viewPad"),
        ])
    );
    // `http.StripPrefix("/api", api)`: api's routes under /api; a
    // `http.HandlerFunc(f)` conversion is handled by f.
    assert_eq!(
        go_routes("stdapp"),
        owned(&[
            ("GET /api/items/{id}", "net/http", "getItem"),
            ("POST /api/items", "net/http", "createItem"),
            ("ANY /api/files/{path...}", "net/http", "files"),
            ("ANY /", "net/http", "index"),
        ])
    );
    // `r.Get(v1Base("/items/{id}"), …)` with `v1Base :=
    // base.BaseURLFunc(prefix)`, a closure returning `prefix + "/v1" + s`,
    // and `admin("/stats")` returning `"/admin" + p`: the paths they build;
    // `toHandler(ctrl.HandleItemGet(), auth)`: the factory called with no
    // names makes the handler. `strings.ToLower("/Health")` builds nothing
    // carve can read: the call stays as written.
    assert_eq!(
        go_routes("chibaseapp"),
        owned(&[
            ("GET /api/v1/items/{id}", "chi", "Controller.HandleItemGet"),
            ("POST /api/v1/items", "chi", "Controller.HandleItemCreate"),
            // `m := melody.New()` … `m.HandleRequest(w, r)`: a websocket.
            ("WS /api/v1/ws/events", "chi", "Controller.HandleEvents"),
            // Another type's `HandleRequest`: a plain GET.
            ("GET /api/v1/rpc", "chi", "Controller.HandleRPC"),
            ("GET /admin/stats", "chi", "stats"),
            ("GET /{strings.ToLower}", "chi", "health"),
        ])
    );
}

/// `g := e.Group("", auth)` in one block and `g := e.Group("")` in the
/// next: each route is on the group declared nearest before it, so the
/// first group's middleware (which writes process state) is not on the
/// public routes; `path.Join(uriAdmin, "/login")` is `/admin/login`.
#[test]
fn go_groups_declared_again_in_later_blocks_and_joined_paths() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/go-routers/echoblocksapp");
    let report = common::scan_path(&root);
    assert_eq!(
        routes_with_handlers(&report),
        [
            "GET / → home",
            "GET /admin → adminPage",
            "GET /admin/* → adminPage",
            "GET /api/users → listUsers",
            "POST /admin/login → login",
        ]
    );
    let state: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.at.rule == "global-state/go-package-state")
        .flat_map(|f| f.routes.iter().cloned())
        .collect();
    let mut state = state;
    state.sort();
    assert_eq!(state, ["GET /admin", "GET /admin/*", "GET /api/users"]);
}

#[test]
fn rails_resources_namespaces_concerns_mounts_and_drawn_files() {
    assert_routes(
        "rails",
        &[
            "GET /",
            "GET /about",
            "GET /admin",
            "GET /admin/report",
            "GET /admin/users",
            "POST /admin/users",
            "GET /admin/users/:id",
            "PUT /admin/users/:id",
            "PATCH /admin/users/:id",
            "POST /api/tokens",
            "GET /articles",
            "POST /articles",
            "POST /articles/:article_id/attachments",
            // `shallow: true`: the member route drops its parent.
            "DELETE /attachments/:id",
            "GET /articles/:article_id/comments",
            "POST /articles/:article_id/comments",
            "GET /articles/:id",
            "PUT /articles/:id",
            "PATCH /articles/:id",
            "DELETE /articles/:id",
            "GET /articles/:id/edit",
            "POST /articles/:id/publish",
            "GET /articles/drafts",
            "GET /articles/new",
            "GET /articles/popular",
            "GET /feed",
            "GET /home",
            "WS /cable",
            "GET /invoices",
            "GET /invoices/:id",
            "GET /profile",
            "PUT /profile",
            "PATCH /profile",
            "GET /search",
            "POST /search",
            "ANY /sidekiq/*",
            "GET /status",
        ],
    );
    // `namespace :admin` makes the controller `Admin::UsersController`.
    assert_eq!(
        handler_of("rails", "GET /admin/users/:id"),
        (
            "UsersController.show".into(),
            "app/controllers/admin/users_controller.rb".into(),
            9
        )
    );
    // `post :publish` in a member block: the resource's controller.
    assert_eq!(
        handler_of("rails", "POST /articles/:id/publish"),
        (
            "ArticlesController.publish".into(),
            "app/controllers/articles_controller.rb".into(),
            29
        )
    );
    // A declared route whose action the controller lacks fails: said so.
    assert_eq!(
        handler_of("rails", "GET /articles/:id/edit"),
        (
            "ArticlesController.edit (no such action)".into(),
            "config/routes.rb".into(),
            14
        )
    );
    // `get :popular, on: :collection`: under `/articles`, the resource's action.
    assert_eq!(
        handler_of("rails", "GET /articles/popular"),
        (
            "ArticlesController.popular".into(),
            "app/controllers/articles_controller.rb".into(),
            37
        )
    );
    // A trailing `/` is dropped (`get '/'` in `namespace :admin` is `/admin`), and
    // so is the `(.:format)` Rails implies on every route (`feed(.:format)` is `/feed`).
    assert_eq!(
        handler_of("rails", "GET /admin"),
        (
            "Admin::ReportsController.show".into(),
            "app/controllers/admin/reports_controller.rb".into(),
            2
        )
    );
    // `to: redirect(...)`: served by Rails itself, no handler.
    assert_eq!(
        handler_of("rails", "GET /home"),
        ("<none>".into(), "config/routes.rb".into(), 7)
    );
}

#[test]
fn rails_callbacks_are_hooks_of_the_actions_they_cover() {
    let output = common::scan_output(&common::sample("rails"));
    let program = &output.program;
    let hooks = |id: &str| hooks_of(program, id);
    // Inherited from ApplicationController, plus the class's own.
    assert_eq!(
        hooks("GET /admin/users"),
        [
            "ApplicationController.authenticate_user!",
            "ApplicationController.track_time",
            "UsersController.require_admin"
        ]
    );
    // `only:` narrows, `skip_before_action` drops an inherited one.
    assert_eq!(
        hooks("GET /articles/:id"),
        [
            "ApplicationController.authenticate_user!",
            "ApplicationController.track_time",
            "ArticlesController.set_article"
        ]
    );
    assert_eq!(
        hooks("GET /articles"),
        [
            "ApplicationController.authenticate_user!",
            "ApplicationController.track_time"
        ]
    );
    assert_eq!(hooks("GET /"), ["ApplicationController.track_time"]);
    assert_eq!(hooks("GET /about"), ["ApplicationController.track_time"]);
    assert_eq!(
        hooks("GET /status"),
        [
            "ApplicationController.authenticate_user!",
            "ApplicationController.track_time"
        ]
    );
}

#[test]
fn rails_block_callbacks_are_hooks_of_the_actions_they_cover() {
    let dir = common::temp_dir("rails-block-callbacks");
    let files = [
        (
            "config/routes.rb",
            "Rails.application.routes.draw do\n  resources :stories, only: [:index, :create]\nend\n",
        ),
        (
            "app/controllers/application_controller.rb",
            "class ApplicationController < ActionController::Base\n  def refill_cache(story)\n    FileUtils.rm_rf(File.join(page_cache_directory, story.id.to_s))\n  end\nend\n",
        ),
        (
            "app/controllers/stories_controller.rb",
            "class StoriesController < ApplicationController\n  after_action only: [:create] do\n    refill_cache @story\n  end\n\n  def index\n  end\n\n  def create\n    @story = Story.create!\n  end\nend\n",
        ),
        ("Gemfile", "gem 'rails'\n"),
    ];
    for (path, text) in files {
        let full = dir.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    let report = common::scan_path(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    // `after_action only: [:create] do … end`: the block runs after create
    // only, and what it calls is on that route.
    assert!(common::has_rule(
        &common::rules_of(&report, "POST /stories"),
        "local-fs/ruby-file-write"
    ));
    assert!(!common::has_rule(
        &common::rules_of(&report, "GET /stories"),
        "local-fs/ruby-file-write"
    ));
}

#[test]
fn devise_routes_follow_the_models_modules_and_the_options() {
    const GEMFILE: (&str, &str) = ("Gemfile", "gem 'rails'\ngem 'devise'\n");
    check_cases(&[
        // The model's modules decide the groups (no `recoverable`: no
        // password routes); `skip:` drops registrations; the app's callbacks
        // controller serves one provider per public action it defines
        // (`action_missing`, Rails' dispatch hook, is no provider).
        (
            "devise-modules-skip-omniauth",
            &[
                GEMFILE,
                (
                    "config/routes.rb",
                    "Rails.application.routes.draw do\n  devise_for :users, skip: [:registrations],\n    controllers: { omniauth_callbacks: \"users/omniauth_callbacks\" }\nend\n",
                ),
                (
                    "app/models/user.rb",
                    "class User < ApplicationRecord\n  devise :database_authenticatable, :registerable,\n    :rememberable, :omniauthable\nend\n",
                ),
                (
                    "app/controllers/users/omniauth_callbacks_controller.rb",
                    "class Users::OmniauthCallbacksController < Devise::OmniauthCallbacksController\n  def github\n    sign_in_and_redirect User.from_omniauth(request.env)\n  end\n\n  def action_missing(name)\n    redirect_to root_path\n  end\n\n  private\n\n  def note\n    'x'\n  end\nend\n",
                ),
            ],
            &[
                "DELETE /users/sign_out",
                "GET /users/auth/github/callback",
                "GET /users/sign_in",
                "POST /users/auth/github",
                "POST /users/auth/github/callback",
                "POST /users/sign_in",
            ],
        ),
        // Inside a scope; `only:` keeps sessions; `path_names:` renames
        // sign_in; the app's SessionsController overrides `create` and
        // inherits the rest; `path:` replaces the resource's path.
        (
            "devise-scope-only-path-names",
            &[
                GEMFILE,
                (
                    "config/routes.rb",
                    "Rails.application.routes.draw do\n  scope :api do\n    devise_for :users, only: :sessions, path: 'accounts',\n      controllers: { sessions: :sessions }, path_names: { sign_in: :login }\n  end\nend\n",
                ),
                (
                    "app/models/user.rb",
                    "class User < ApplicationRecord\n  devise :database_authenticatable, :recoverable, :confirmable\nend\n",
                ),
                (
                    "app/controllers/sessions_controller.rb",
                    "class SessionsController < Devise::SessionsController\n  def create\n    render json: {}\n  end\nend\n",
                ),
            ],
            &[
                "DELETE /api/accounts/sign_out",
                "GET /api/accounts/login",
                "POST /api/accounts/login",
            ],
        ),
        // A model carve cannot find: Devise's generator modules (sessions,
        // passwords, registrations); `class_name:` names the model, and no
        // provider is known for the gem's own callbacks controller.
        (
            "devise-unknown-model",
            &[
                GEMFILE,
                (
                    "config/routes.rb",
                    "Rails.application.routes.draw do\n  devise_for :admins, class_name: 'Staff', skip: :passwords\nend\n",
                ),
            ],
            &[
                "DELETE /admins",
                "DELETE /admins/sign_out",
                "GET /admins/cancel",
                "GET /admins/edit",
                "GET /admins/sign_in",
                "GET /admins/sign_up",
                "PATCH /admins",
                "POST /admins",
                "POST /admins/sign_in",
                "PUT /admins",
            ],
        ),
    ]);
}

/// `id → handler` of the routes of a report, sorted.
fn routes_with_handlers(report: &carve::report::Report) -> Vec<String> {
    let mut routes: Vec<String> = report
        .routes
        .iter()
        .map(|r| format!("{} → {}", r.id, r.handler))
        .collect();
    routes.sort();
    routes
}

/// `rule:line → routes` of the findings of a report.
fn finding_routes(report: &carve::report::Report) -> Vec<String> {
    let mut out: Vec<String> = report
        .findings
        .iter()
        .map(|f| format!("{}:{} → {}", f.at.rule, f.at.line, f.routes.join(", ")))
        .collect();
    out.sort();
    out
}

#[test]
fn guice_servlets_jaxrs_filters_and_state_filled_off_the_request_path() {
    let fixture = r#"
#--- src/main/java/app/web/WebModule.java ---#
package app.web;

public class WebModule extends ServletModule {
    @Override
    protected void configureServlets() {
        serve("/api/socket").with(SocketServlet.class);
        serve("/.well-known/*").with(WellKnownServlet.class);
    }
}
#--- src/main/java/app/web/SocketServlet.java ---#
package app.web;

public class SocketServlet extends JettyWebSocketServlet {
    @Override
    public void configure(JettyWebSocketServletFactory factory) {
        factory.setCreator((req, resp) -> new LiveSocket());
    }
}
#--- src/main/java/app/web/WellKnownServlet.java ---#
package app.web;

public class WellKnownServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.getWriter().write("{}");
    }
}
#--- src/main/java/app/api/AuthFilter.java ---#
package app.api;

public class AuthFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext context) {
        HttpSession session = request.getSession(false);
    }
}
#--- src/main/java/app/api/DeviceResource.java ---#
package app.api;

@Path("devices")
public class DeviceResource {
    @Inject
    private Devices devices;

    @GET
    public String live(long id) {
        return devices.live(id) + devices.name(id);
    }
}
#--- src/main/java/app/api/Devices.java ---#
package app.api;

@Singleton
public class Devices {
    private final Map<Long, String> connected = new ConcurrentHashMap<>();
    private final Map<Long, String> names = new HashMap<>();

    public Devices(List<String> known) {
        names.put(0L, "unknown");
    }

    public void onConnect(long id, String channel) {
        connected.put(id, channel);
    }

    public String live(long id) {
        return connected.get(id);
    }

    public String name(long id) {
        return names.get(id);
    }
}
"#;
    let report = scan_fixture("guice-servlets", fixture);
    let routes = routes_with_handlers(&report);
    assert_eq!(
        routes,
        [
            "GET /.well-known/* → WellKnownServlet.doGet",
            "GET /devices → DeviceResource.live",
            "WS /api/socket → SocketServlet",
        ]
    );
    let findings = finding_routes(&report);
    for want in [
        // The socket servlet is the WS endpoint's finding.
        "long-lived-connection/java-websocket:5 → WS /api/socket",
        // A JAX-RS filter runs before the JAX-RS resources only.
        "session/java-http-session:6 → GET /devices",
        // Read by the route, filled by code no route runs.
        "global-state/java-state-read:17 → GET /devices",
    ] {
        assert!(
            findings.iter().any(|f| f == want),
            "missing {want}\n{findings:#?}"
        );
    }
    // A map written only in the constructor is read-only afterwards.
    assert!(
        !findings.iter().any(|f| f.contains("java-state-read:21 ")),
        "names is filled in the constructor only:\n{findings:#?}"
    );
}

#[test]
fn webflux_functional_routes_nested_paths_and_handlers_through_typed_parameters() {
    let fixture = r#"
#--- pom.xml ---#
<project><dependencies><dependency><artifactId>spring-boot-starter-webflux</artifactId></dependency></dependencies></project>
#--- src/main/java/app/web/Routes.java ---#
package app.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.*;
import static org.springframework.web.reactive.function.server.RouterFunctions.*;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;

public class Routes {
    public RouterFunction<?> users(UserHandler users) {
        return RouterFunctions.route()
            .GET("/users/{id}", users::get)
            .POST("/users", accept(APPLICATION_JSON), users::create)
            .path("/admin", b -> b
                .DELETE("/users/{id}", users::delete))
            .build();
    }

    public RouterFunction<?> legacy(UserHandler users) {
        return route(GET("/legacy/users"), users::list)
            .andRoute(POST("/legacy/users").and(accept(APPLICATION_JSON)), users::create)
            .and(nest(path("/v1"), route(GET("/ping"), req -> null)));
    }
}
#--- src/main/java/app/web/UserHandler.java ---#
package app.web;

import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.userdetails.UserDetailsService;

public class UserHandler {
    private static final Map<String, String> SEEN = new HashMap<>();

    public Object get(Object req) { return null; }
    public Object list(Object req) {
        UserDetailsService details = Beans.get(UserDetailsService.class);
        return details.loadUserByUsername("x");
    }
    public Object create(Object req) {
        SEEN.put("k", "v");
        return null;
    }
    public Object delete(Object req) { return null; }
}
#--- src/main/java/app/web/Accounts.java ---#
package app.web;

import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.userdetails.UserDetailsService;

public class Accounts implements UserDetailsService {
    private static final Map<String, Object> LOADED = new HashMap<>();

    public Object loadUserByUsername(String name) {
        LOADED.put(name, name);
        return name;
    }
}
"#;
    let report = scan_fixture("webflux-functional", fixture);
    let routes = routes_with_handlers(&report);
    assert_eq!(
        routes,
        [
            "DELETE /admin/users/{id} → UserHandler.delete",
            "GET /legacy/users → UserHandler.list",
            "GET /users/{id} → UserHandler.get",
            "GET /v1/ping → <anonymous>",
            "POST /legacy/users → UserHandler.create",
            "POST /users → UserHandler.create",
        ]
    );
    let findings = finding_routes(&report);
    for want in [
        // The handler is the method reference through the typed parameter.
        "global-state/java-static-state:16 → POST /legacy/users, POST /users",
        // A local typed by a library interface runs its one implementation.
        "global-state/java-static-state:11 → GET /legacy/users",
    ] {
        assert!(
            findings.iter().any(|f| f == want),
            "missing {want}\n{findings:#?}"
        );
    }
}

#[test]
fn routes_registered_in_loops_over_literal_lists_and_maps() {
    check_routes(
        "loop-routes-js",
        r#"
#--- package.json ---#
{"dependencies": {"express": "^4"}}
#--- app.js ---#
const express = require('express');
const app = express();
const list = (req, res) => res.json([]);
const a = (req, res) => res.send('a');
const b = (req, res) => res.send('b');
for (const name of ['alpha', 'beta']) {
  app.get('/loop/' + name, list);
}
['gamma', 'delta'].forEach((n) => app.get(`/each/${n}`, list));
for (const [path, handler] of Object.entries({ '/a': a, '/b': b })) app.post(path, handler);
[['/c', a], ['/e', b]].forEach(([p, h]) => app.put(p, h));
// Not routes: a getter outside any loop, and a loop over a value not written out.
const cache = new Map();
cache.get(list, 1);
for (const p of loadPaths()) app.get(p, list);
app.listen(3000);
"#,
        &[
            "GET /each/delta → list",
            "GET /each/gamma → list",
            "GET /loop/alpha → list",
            "GET /loop/beta → list",
            "POST /a → a",
            "POST /b → b",
            "PUT /c → a",
            "PUT /e → b",
        ],
    );
    check_routes(
        "loop-routes-py",
        r#"
#--- app.py ---#
from flask import Flask
app = Flask(__name__)
def report(): return "r"
def xv(): return "x"
def yv(): return "y"
for name in ["daily", "weekly"]:
    app.add_url_rule("/reports/" + name, view_func=report, endpoint=name)
for path, view in {"/x": xv, "/y": yv}.items():
    app.add_url_rule(path, view_func=view)
for path, view in [("/p", xv), ("/q", yv)]:
    app.add_url_rule(path, view_func=view, endpoint=path)
def register(rule, view):
    app.add_url_rule(rule, view_func=view)
for kind in ["atom", "rss"]:
    app.add_url_rule(f"/feeds/{kind}", view_func=report, endpoint=kind)
API = "/api/v2"
@app.route(f"{API}/status")
def status(): return "ok"
"#,
        &[
            "GET /api/v2/status → status",
            "GET /feeds/atom → report",
            "GET /feeds/rss → report",
            "GET /p → xv",
            "GET /q → yv",
            "GET /reports/daily → report",
            "GET /reports/weekly → report",
            "GET /x → xv",
            "GET /y → yv",
        ],
    );
}

/// Flask's `add_url_rule(rule, endpoint, view_func)` takes the view as its
/// third positional argument as well as by keyword; a rule with no view is
/// no route, and a view given both ways is one route.
#[test]
fn flask_url_rules_with_the_view_given_by_position() {
    check_routes(
        "add-url-rule-positional",
        r#"
#--- app.py ---#
from flask import Flask
from flask.views import MethodView
app = Flask(__name__)
def index(): return "i"
def about(): return "a"
class ItemAPI(MethodView):
    def get(self): return "items"
app.add_url_rule("/", "index", index)
app.add_url_rule("/about", None, about, methods=["GET", "POST"])
app.add_url_rule("/items", "items", ItemAPI.as_view("items"))
app.add_url_rule("/kw", "kw", view_func=about)
app.add_url_rule("/docs/<path:page>", "docs", build_only=True)
app.add_url_rule("/only-endpoint", "only")
"#,
        &[
            "GET / → index",
            "GET /about → about",
            "GET /items → ItemAPI.get",
            "GET /kw → about",
            "POST /about → about",
        ],
    );
}

/// A loop over a variable bound to a literal list or map is the loop over
/// that literal; a variable bound to anything else gives no route.
#[test]
fn routes_registered_in_loops_over_a_variable_holding_the_list() {
    check_routes(
        "loop-variable-js",
        r#"
#--- package.json ---#
{"dependencies": {"express": "^4"}}
#--- app.js ---#
const express = require('express');
const app = express();
const a = (req, res) => res.send('a');
const b = (req, res) => res.send('b');
const KINDS = ['csv', 'json'];
const PAGES = { '/a': a, '/b': b };
const loaded = loadPaths();
KINDS.forEach((kind) => app.get('/export/' + kind, (req, res) => res.send(kind)));
for (const [path, h] of Object.entries(PAGES)) app.post(path, h);
for (const p of loaded) app.get(p, (req, res) => res.send(p));
app.listen(3000);
"#,
        &[
            "GET /export/csv → <anonymous>",
            "GET /export/json → <anonymous>",
            "POST /a → a",
            "POST /b → b",
        ],
    );
    check_routes(
        "loop-variable-py",
        r#"
#--- app.py ---#
from flask import Flask
app = Flask(__name__)
FEEDS = ["atom", "rss"]
PAGES = {"/about": "about", "/terms": "terms"}
def feed(): return "f"
for kind in FEEDS:
    app.add_url_rule("/feeds/" + kind, view_func=feed, endpoint=kind)
for path, name in PAGES.items():
    app.add_url_rule(path, view_func=feed, endpoint=name)
for path in load_paths():
    app.add_url_rule(path, view_func=feed)
"#,
        &[
            "GET /about → feed",
            "GET /feeds/atom → feed",
            "GET /feeds/rss → feed",
            "GET /terms → feed",
        ],
    );
}

#[test]
fn prefixes_from_nconf_and_convict_defaults() {
    let fixture = r#"
#--- package.json ---#
{"dependencies": {"express": "^4", "nconf": "^0.12", "convict": "^6"}}
#--- config.js ---#
const convict = require('convict');
const config = convict({
  apiPrefix: { doc: 'API prefix', format: String, default: '/api/v2', env: 'API_PREFIX' },
  server: { ctx: { format: String, default: '/svc', env: 'CTX' } },
});
module.exports = config;
#--- app.js ---#
const express = require('express');
const nconf = require('nconf');
const config = require('./config');
nconf.env().defaults({ admin: { path: '/adm' } });
const app = express();
const api = express.Router();
const admin = express.Router();
const ops = express.Router();
const other = express.Router();
api.get('/items', (req, res) => res.json([]));
admin.get('/stats', (req, res) => res.json({}));
ops.get('/health', (req, res) => res.send('ok'));
other.get('/x', (req, res) => res.send('x'));
app.use(config.get('apiPrefix'), api);
app.use(nconf.get('admin:path'), admin);
app.use(config.get('server.ctx'), ops);
app.use(config.get('notDeclared'), other);
app.listen(3000);
"#;
    let report = scan_fixture("nconf-convict", fixture);
    let mut got: Vec<String> = report
        .routes
        .iter()
        .map(|r| {
            let origin = r.prefixes.first().map(|p| {
                format!(
                    "{}={} env {}",
                    p.name,
                    p.value.as_deref().unwrap_or("?"),
                    p.env.as_deref().unwrap_or("-")
                )
            });
            format!("{} ({})", r.id, origin.unwrap_or_default())
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            "GET /adm/stats (admin.path=/adm env -)",
            "GET /api/v2/items (apiPrefix=/api/v2 env API_PREFIX)",
            "GET /svc/health (server.ctx=/svc env CTX)",
            "GET /{notDeclared}/x (notDeclared=? env -)",
        ]
    );
}

/// A router mounted under two settings prefixes: each of its routes names
/// the prefix of its own mount, not those of the other mount.
#[test]
fn a_router_mounted_twice_names_each_mounts_own_prefix() {
    let fixture = r#"
#--- package.json ---#
{"dependencies": {"express": "^4", "convict": "^6"}}
#--- config.js ---#
const convict = require('convict');
module.exports = convict({
  v1: { format: String, default: '/v1', env: 'API_V1' },
  v2: { format: String, default: '/v2', env: 'API_V2' },
});
#--- items.js ---#
const router = require('express').Router();
router.get('/items', (req, res) => res.json([]));
module.exports = router;
#--- app.js ---#
const express = require('express');
const config = require('./config');
const items = require('./items');
const app = express();
app.use(config.get('v1'), items);
app.use(config.get('v2'), items);
app.use('/legacy', items);
app.listen(3000);
"#;
    let report = scan_fixture("mounted-twice", fixture);
    let mut got: Vec<String> = report
        .routes
        .iter()
        .map(|r| {
            let names: Vec<&str> = r.prefixes.iter().map(|p| p.name.as_str()).collect();
            format!("{} [{}]", r.id, names.join(", "))
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            "GET /legacy/items []",
            "GET /v1/items [v1]",
            "GET /v2/items [v2]",
        ]
    );
}

/// A mount prefix read from the environment in place is that variable:
/// its default when the code gives one, a `{VAR}` placeholder otherwise; a
/// prefix from another call stays a visible placeholder, not dropped.
#[test]
fn prefixes_read_from_the_environment_in_place_name_the_variable() {
    let origins = |tag: &str, fixture: &str| routes_with_origins(&scan_fixture(tag, fixture));
    let js = r#"
#--- package.json ---#
{"dependencies": {"express": "^4"}}
#--- app.js ---#
const express = require('express');
const app = express();
const a = express.Router();
const b = express.Router();
const c = express.Router();
a.get('/items', (req, res) => res.json([]));
b.get('/stats', (req, res) => res.json({}));
c.get('/health', (req, res) => res.send('ok'));
app.use(process.env.API_PREFIX || '/api', a);
app.use(process.env.ADMIN_PREFIX, b);
app.use(process.env['OPS_PREFIX'] ?? '/ops', c);
app.listen(3000);
"#;
    assert_eq!(
        origins("env-prefix-js", js),
        [
            "GET /api/items [API_PREFIX=/api at -:0 env API_PREFIX]",
            "GET /ops/health [OPS_PREFIX=/ops at -:0 env OPS_PREFIX]",
            "GET /{ADMIN_PREFIX}/stats [ADMIN_PREFIX=? at -:0 env ADMIN_PREFIX]",
        ]
    );
    let py = r#"
#--- app.py ---#
import os
from flask import Flask, Blueprint
app = Flask(__name__)
admin = Blueprint("admin", __name__)
api = Blueprint("api", __name__)
ops = Blueprint("ops", __name__)
misc = Blueprint("misc", __name__)
@admin.get("/stats")
def stats(): return "s"
@api.get("/items")
def items(): return "i"
@ops.get("/health")
def health(): return "ok"
@misc.get("/x")
def x(): return "x"
def make_prefix(): return "/m"
app.register_blueprint(admin, url_prefix=os.environ["ADMIN_PREFIX"])
app.register_blueprint(api, url_prefix=os.getenv("API_PREFIX", "/api/v1"))
app.register_blueprint(ops, url_prefix=os.environ.get("OPS_PREFIX") or "/ops")
app.register_blueprint(misc, url_prefix=make_prefix())
"#;
    assert_eq!(
        origins("env-prefix-py", py),
        [
            "GET /api/v1/items [API_PREFIX=/api/v1 at -:0 env API_PREFIX]",
            "GET /ops/health [OPS_PREFIX=/ops at -:0 env OPS_PREFIX]",
            "GET /{ADMIN_PREFIX}/stats [ADMIN_PREFIX=? at -:0 env ADMIN_PREFIX]",
            "GET /{make_prefix}/x [make_prefix=? at -:0 env -]",
        ]
    );
    let go = r#"
#--- go.mod ---#
module example.com/app

go 1.22

require github.com/gin-gonic/gin v1.9.1
#--- main.go ---#
package main

import (
	"os"

	"github.com/gin-gonic/gin"
)

func list(c *gin.Context) {}

func apiBase() string { return "/b" }

func main() {
	r := gin.Default()
	api := r.Group(os.Getenv("API_PREFIX"))
	api.GET("/items", list)
	v2 := r.Group("/v2")
	v2.GET("/items", list)
	other := r.Group(apiBase())
	other.GET("/x", list)
	r.Run()
}
"#;
    assert_eq!(
        origins("env-prefix-go", go),
        [
            "GET /v2/items []",
            "GET /{API_PREFIX}/items [API_PREFIX=? at -:0 env API_PREFIX]",
            "GET /{apiBase}/x [apiBase=? at -:0 env -]",
        ]
    );
}

/// A route pattern of a framework tied to packages (`framework_imports` in
/// go's language.toml) holds only in a folder that imports one of them:
/// `slog.Any("block_rules", v)` is gin's `X.Any("name", h)` in shape, but
/// no route where gin is not imported; gin's own relative `r.Any("ping",
/// h)` stays one, in a file whose folder imports gin through another file.
#[test]
fn go_framework_patterns_hold_only_where_the_framework_is_imported() {
    let std_main = r#"package main

import (
	"log/slog"
	"net/http"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", items)
	http.ListenAndServe(":8080", mux)
}

func filter(rules []string) {
	slog.Debug("filter", slog.Any("block_rules", rules), slog.Any("error", nil))
}

func items(w http.ResponseWriter, r *http.Request) {
	names := []string{}
	filter(names)
}
"#;
    let gin_main = r#"package main

import "github.com/gin-gonic/gin"

func main() {
	r := gin.Default()
	register(r)
	r.Run(":8080")
}
"#;
    let gin_routes = r#"package main

import "log/slog"

func register(r *Router) {
	r.Any("ping", ping)
	slog.Any("key", r)
}

func ping(c *Context) {}
"#;
    check_cases(&[
        (
            "go-fw-std",
            &[
                ("go.mod", "module example.com/a\n\ngo 1.22\n"),
                ("main.go", std_main),
            ],
            &["GET /items"],
        ),
        (
            "go-fw-gin",
            &[
                (
                    "go.mod",
                    "module example.com/b\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n",
                ),
                ("main.go", gin_main),
                ("routes.go", gin_routes),
            ],
            // `slog.Any("key", r)` has gin's shape in a folder that imports
            // gin: the pattern cannot tell it apart (the folder is the gate).
            &["ANY /ping", "ANY /key"],
        ),
    ]);
}

/// A net/http handler that is a function declaring routes of its own (a
/// `ServeMux` it makes and fills with full paths, mounted without
/// `StripPrefix`) is a router: the mount is no route, its routes are. A
/// handler function that declares none (`fever.NewHandler` returning
/// `http.HandlerFunc(h.serve)`) serves its mount's path.
#[test]
fn a_sub_mux_mounted_whole_is_no_route_of_its_own() {
    let main = r#"package main

import (
	"net/http"

	"example.com/c/api"
	"example.com/c/fever"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("/v1/", api.NewHandler("db"))
	mux.Handle("/fever/", fever.NewHandler("db"))
	http.ListenAndServe(":8080", mux)
}
"#;
    let api = r#"package api

import "net/http"

func NewHandler(db string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/users", users)
	mux.HandleFunc("POST /v1/users", createUser)
	return mux
}

func users(w http.ResponseWriter, r *http.Request)      {}
func createUser(w http.ResponseWriter, r *http.Request) {}
"#;
    let fever = r#"package fever

import "net/http"

type handler struct{ db string }

func NewHandler(db string) http.Handler {
	h := &handler{db: db}
	return http.HandlerFunc(h.serve)
}

func (h *handler) serve(w http.ResponseWriter, r *http.Request) {}
"#;
    check_cases(&[(
        "go-sub-mux",
        &[
            ("go.mod", "module example.com/c\n\ngo 1.22\n"),
            ("main.go", main),
            ("api/api.go", api),
            ("fever/fever.go", fever),
        ],
        &["ANY /fever/", "GET /v1/users", "POST /v1/users"],
    )]);
}

/// A Go package that receives a router group made in another package
/// (`*gin.RouterGroup`, `*echo.Group`, `chi.Router`) and fills it keeps its
/// routes under the group's prefix: the framework gate (a folder importing
/// the framework) holds in the package that names the group's type.
#[test]
fn go_groups_filled_in_another_package_keep_their_routes() {
    let gin_main = r#"package main

import (
	"github.com/gin-gonic/gin"

	"example.com/g/books"
)

func main() {
	r := gin.Default()
	books.Register(r.Group("/api/books"))
	r.Run(":8080")
}
"#;
    let gin_books = r#"package books

import "github.com/gin-gonic/gin"

func Register(g *gin.RouterGroup) {
	g.GET("", list)
	g.POST("/:id/loan", loan)
}

func list(c *gin.Context) {}
func loan(c *gin.Context) {}
"#;
    let echo_main = r#"package main

import (
	"github.com/labstack/echo/v4"

	"example.com/e/notes"
)

func main() {
	e := echo.New()
	notes.Mount(e.Group("/notes"))
	e.Start(":8080")
}
"#;
    let echo_notes = r#"package notes

import "github.com/labstack/echo/v4"

func Mount(g *echo.Group) {
	g.GET("/:id", show)
	g.DELETE("/:id", remove)
}

func show(c echo.Context) error   { return nil }
func remove(c echo.Context) error { return nil }
"#;
    let chi_main = r#"package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/c/users"
)

func main() {
	r := chi.NewRouter()
	r.Route("/users", users.Routes)
	http.ListenAndServe(":8080", r)
}
"#;
    let chi_users = r#"package users

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func Routes(r chi.Router) {
	r.Get("/", list)
	r.Post("/{id}/ban", ban)
}

func list(w http.ResponseWriter, r *http.Request) {}
func ban(w http.ResponseWriter, r *http.Request)  {}
"#;
    check_cases(&[
        (
            "go-group-gin",
            &[
                (
                    "go.mod",
                    "module example.com/g\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n",
                ),
                ("main.go", gin_main),
                ("books/books.go", gin_books),
            ],
            &["GET /api/books", "POST /api/books/:id/loan"],
        ),
        (
            "go-group-echo",
            &[
                (
                    "go.mod",
                    "module example.com/e\n\ngo 1.22\n\nrequire github.com/labstack/echo/v4 v4.11.4\n",
                ),
                ("main.go", echo_main),
                ("notes/notes.go", echo_notes),
            ],
            &["GET /notes/:id", "DELETE /notes/:id"],
        ),
        (
            "go-group-chi",
            &[
                (
                    "go.mod",
                    "module example.com/c\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n",
                ),
                ("main.go", chi_main),
                ("users/users.go", chi_users),
            ],
            &["GET /users", "POST /users/{id}/ban"],
        ),
    ]);
}

#[test]
fn rails_shallow_nesting_drops_parents_from_member_routes() {
    let controller = |module: &str, name: &str| {
        let class = format!("{}Controller", carve::extract::camelize(name));
        let body = format!(
            "class {class} < ApplicationController\n  def index; end\n  def show; end\n  def preview; end\nend\n"
        );
        match module {
            "" => (format!("app/controllers/{name}_controller.rb"), body),
            m => (
                format!("app/controllers/{m}/{name}_controller.rb"),
                format!("module {}\n{body}end\n", carve::extract::camelize(m)),
            ),
        }
    };
    let routes = r#"Rails.application.routes.draw do
  resources :articles, only: [:index] do
    resources :comments, shallow: true, only: [:index, :show] do
      member do
        get :preview
      end
    end
  end
  namespace :admin do
    resources :users, shallow: true, only: [:index, :show] do
      resources :posts, only: [:index, :show] do
        resources :votes, only: [:index, :show]
      end
    end
  end
  shallow do
    resources :boards, only: [:index] do
      resources :topics, only: [:index, :show]
    end
  end
  resources :plain, only: [:index] do
    resources :kids, only: [:index, :show]
  end
end
"#;
    let mut files: Vec<(String, String)> = vec![
        ("Gemfile".into(), "gem 'rails'\n".into()),
        ("config/routes.rb".into(), routes.into()),
    ];
    for name in ["articles", "comments", "boards", "topics", "plain", "kids"] {
        files.push(controller("", name));
    }
    for name in ["users", "posts", "votes"] {
        files.push(controller("admin", name));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, s)| (p.as_str(), s.as_str()))
        .collect();
    check_cases(&[(
        "rails-shallow",
        &files,
        &[
            "GET /articles",
            "GET /articles/:article_id/comments",
            "GET /comments/:id",
            "GET /comments/:id/preview",
            "GET /admin/users",
            "GET /admin/users/:id",
            "GET /admin/users/:user_id/posts",
            "GET /admin/posts/:id",
            "GET /admin/posts/:post_id/votes",
            "GET /admin/votes/:id",
            "GET /boards",
            "GET /boards/:board_id/topics",
            "GET /topics/:id",
            "GET /plain",
            "GET /plain/:plain_id/kids",
            "GET /plain/:plain_id/kids/:id",
        ],
    )]);
}

#[test]
fn symfony_routes_declared_in_yaml_files() {
    let dir = common::temp_dir("symfony-yaml-routes");
    let files = [
        (
            "config/routes.yaml",
            "# routes\nhomepage:\n    path: /{_locale}\n    controller: Symfony\\Bundle\\FrameworkBundle\\Controller\\TemplateController::templateAction\n    defaults:\n        template: home.html.twig\n\nblog_show:\n    path: /blog/{slug}\n    controller: App\\Controller\\BlogController::show\n    methods: [GET, HEAD]\n\ncontrollers:\n    resource: routing.controllers\n    prefix: /{_locale}\n",
        ),
        (
            "config/routes/legacy.yaml",
            "legacy_edit:\n    path: /legacy/{id}/edit\n    defaults: { _controller: 'App\\Controller\\BlogController::edit' }\n    methods:\n        - GET\n        - POST\nhealth:\n    path:\n        en: /health\n        nl: /gezondheid\n    controller: App\\Controller\\HealthController\n\nwhen@dev:\n    _errors:\n        resource: '@FrameworkBundle/Resources/config/routing/errors.xml'\n        prefix: /_error\n",
        ),
        (
            "src/Controller/BlogController.php",
            "<?php\nnamespace App\\Controller;\nclass BlogController\n{\n    public function show(string $slug) { return $slug; }\n    public function edit(int $id) { file_put_contents('/tmp/x', $id); return $id; }\n}\n",
        ),
        (
            "src/Controller/HealthController.php",
            "<?php\nnamespace App\\Controller;\nclass HealthController\n{\n    public function __invoke() { return 'ok'; }\n}\n",
        ),
        (
            "composer.json",
            "{\"require\": {\"symfony/framework-bundle\": \"^7.0\"}, \"autoload\": {\"psr-4\": {\"App\\\\\": \"src/\"}}}\n",
        ),
    ];
    for (path, source) in files {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().expect("parent")).expect("fixture dir");
        std::fs::write(&file, source).expect("fixture file");
    }
    let report = common::scan_path(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let mut got: Vec<(String, String, String, u32)> = report
        .routes
        .iter()
        .map(|r| (r.id.clone(), r.handler.clone(), r.file.clone(), r.line))
        .collect();
    got.sort();
    let want = [
        // The controllers import's prefix is not the YAML routes'.
        (
            "ANY /{_locale}",
            "Symfony\\Bundle\\FrameworkBundle\\Controller\\TemplateController.templateAction",
            "config/routes.yaml",
            2,
        ),
        (
            "GET /blog/{slug}",
            "BlogController.show",
            "src/Controller/BlogController.php",
            5,
        ),
        (
            "ANY /health",
            "HealthController.__invoke",
            "src/Controller/HealthController.php",
            5,
        ),
        (
            "GET /legacy/{id}/edit",
            "BlogController.edit",
            "src/Controller/BlogController.php",
            6,
        ),
        (
            "HEAD /blog/{slug}",
            "BlogController.show",
            "src/Controller/BlogController.php",
            5,
        ),
        (
            "POST /legacy/{id}/edit",
            "BlogController.edit",
            "src/Controller/BlogController.php",
            6,
        ),
    ];
    let mut want: Vec<(String, String, String, u32)> = want
        .iter()
        .map(|(id, h, f, l)| (id.to_string(), h.to_string(), f.to_string(), *l))
        .collect();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn spring_interceptors_run_only_before_the_paths_their_registration_gives() {
    // An interceptor class: `implements HandlerInterceptor`, or extending
    // a base class of the app's.
    let interceptor = |name: &str, declared: &str| {
        format!(
            "package shop.web;\n\npublic class {name} {declared} {{\n    \
             public boolean preHandle(Object request, Object response, Object handler) {{\n        \
             return true;\n    }}\n}}\n"
        )
    };
    let admin = interceptor("AdminInterceptor", "implements HandlerInterceptor");
    let cart = interceptor("CartInterceptor", "implements HandlerInterceptor");
    let audit = interceptor("AuditInterceptor", "extends BaseInterceptor");
    let dir = common::temp_dir("spring-interceptor-paths");
    common::write_files(
        &dir,
        &[
            (
                "pom.xml",
                "<project><artifactId>shop</artifactId></project>\n",
            ),
            (
                "src/main/resources/application.properties",
                "server.servlet.context-path=/shop\n",
            ),
            (
                "src/main/java/shop/config/WebConfig.java",
                r#"package shop.config;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import shop.web.AdminInterceptor;
import shop.web.CartInterceptor;
import shop.web.AuditInterceptor;

@Configuration
public class WebConfig implements WebMvcConfigurer {
    @Autowired
    private AdminInterceptor adminInterceptor;

    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(adminInterceptor)
                .addPathPatterns("/admin/**")
                .excludePathPatterns("/admin/login");
        registry.addInterceptor(new CartInterceptor())
                .excludePathPatterns("/admin/**", "/login");
        registry.addInterceptor(new AuditInterceptor());
    }
}
"#,
            ),
            ("src/main/java/shop/web/AdminInterceptor.java", &admin),
            ("src/main/java/shop/web/CartInterceptor.java", &cart),
            ("src/main/java/shop/web/AuditInterceptor.java", &audit),
            (
                "src/main/java/shop/web/PageController.java",
                r#"package shop.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
public class PageController {
    @GetMapping("/admin/login")
    public String adminLogin() { return "admin/login"; }

    @GetMapping("/admin/goods/{id}")
    public String adminGoods() { return "admin/goods"; }

    @GetMapping("/login")
    public String login() { return "login"; }

    @GetMapping("/{page}")
    public String page() { return "page"; }
}
"#,
            ),
        ],
    );
    let output = common::scan_output(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let hooks = |id: &str| hooks_of(&output.program, id);
    // The field's declared type names the admin interceptor; a class
    // registered without limits (even one that does not implement
    // HandlerInterceptor itself) runs before every route.
    assert_eq!(
        hooks("GET /shop/admin/goods/{id}"),
        ["AdminInterceptor", "AuditInterceptor"]
    );
    assert_eq!(hooks("GET /shop/admin/login"), ["AuditInterceptor"]);
    assert_eq!(hooks("GET /shop/login"), ["AuditInterceptor"]);
    // An excluded literal does not exclude a parameter in its place.
    assert_eq!(
        hooks("GET /shop/{page}"),
        ["AuditInterceptor", "CartInterceptor"]
    );
}

#[test]
fn kotlin_spring_interceptors_run_only_before_their_paths() {
    let dir = common::temp_dir("kotlin-interceptor-paths");
    common::write_files(
        &dir,
        &[
            ("build.gradle.kts", "plugins { kotlin(\"jvm\") }\n"),
            (
                "src/main/kotlin/shop/WebConfig.kt",
                r#"package shop

import org.springframework.context.annotation.Configuration
import org.springframework.web.servlet.config.annotation.InterceptorRegistry
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer

@Configuration
class WebConfig(private val adminInterceptor: AdminInterceptor) : WebMvcConfigurer {
    override fun addInterceptors(registry: InterceptorRegistry) {
        registry.addInterceptor(adminInterceptor).addPathPatterns("/admin/**")
        registry.addInterceptor(CartInterceptor()).excludePathPatterns("/admin/**", "/login")
    }
}
"#,
            ),
            (
                "src/main/kotlin/shop/Interceptors.kt",
                r#"package shop

import org.springframework.web.servlet.HandlerInterceptor

class AdminInterceptor : HandlerInterceptor {
    override fun preHandle(request: Any, response: Any, handler: Any): Boolean = true
}

class CartInterceptor : HandlerInterceptor {
    override fun preHandle(request: Any, response: Any, handler: Any): Boolean = true
}
"#,
            ),
            (
                "src/main/kotlin/shop/PageController.kt",
                r#"package shop

import org.springframework.stereotype.Controller
import org.springframework.web.bind.annotation.GetMapping

@Controller
class PageController {
    @GetMapping("/admin/users")
    fun users(): String = "users"

    @GetMapping("/login")
    fun login(): String = "login"

    @GetMapping("/cart")
    fun cart(): String = "cart"
}
"#,
            ),
        ],
    );
    let output = common::scan_output(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let hooks = |id: &str| hooks_of(&output.program, id);
    assert_eq!(hooks("GET /admin/users"), ["AdminInterceptor"]);
    assert!(hooks("GET /login").is_empty());
    assert_eq!(hooks("GET /cart"), ["CartInterceptor"]);
}

/// The qualified names of the hooks that run before route `id`, sorted.
fn hooks_of(program: &carve::link::Program, id: &str) -> Vec<String> {
    let route = program
        .routes
        .iter()
        .find(|r| r.id() == id)
        .unwrap_or_else(|| panic!("no route {id}"));
    let mut names: Vec<String> = route
        .before
        .iter()
        .map(|&(f, d)| program.files[f].defs[d].qualified_name())
        .collect();
    names.sort();
    names
}

/// flask-restx: `@ns.route` on a `Resource` class gives one route per HTTP
/// method the class defines, under the path `add_namespace` gives (or the
/// namespace's own name), under the blueprint the `Api` is built on;
/// flask-restful's `add_resource` takes several paths and `Api(prefix=)`.
/// A class with no HTTP method is registered for GET as Flask does (and
/// fails); a route on an undeclared router and an `add_resource` whose
/// first argument is a path are no routes.
#[test]
fn flask_restx_namespaces_and_flask_restful_resources() {
    check_routes(
        "flask-restx",
        r#"
#--- app/api/__init__.py ---#
from flask import Blueprint
from flask_restx import Api
from app.api.things import things_namespace
from app.api.misc import misc

api = Blueprint("api", __name__, url_prefix="/api/v1")
rest = Api(api, version="v1")
rest.add_namespace(things_namespace, "/things")
rest.add_namespace(misc)
todos = rest.namespace("todos")

@todos.route("/<int:id>")
class Todo(Resource):
    def get(self, id): return {}
    def helper(self): return 1
#--- app/api/things.py ---#
from flask_restx import Namespace, Resource
things_namespace = Namespace("things-internal", description="Things")

@things_namespace.route("")
class ThingList(Resource):
    def get(self): return []
    def post(self): return {}

@things_namespace.route("/<thing_id>", "/by-id/<thing_id>")
class Thing(Resource):
    def get(self, thing_id): return {}
    def delete(self, thing_id): return {}

@things_namespace.route("/nothing")
class Nothing(Resource):
    def helper(self): return 1
#--- app/api/misc.py ---#
from flask_restx import Namespace, Resource
misc = Namespace("misc")

@misc.route("/ping")
class Ping(Resource):
    def get(self): return "pong"
#--- app/__init__.py ---#
from flask import Flask
from app.api import api
app = Flask(__name__)
app.register_blueprint(api)
#--- legacy/app.py ---#
from flask import Flask
from flask_restful import Api, Resource
app = Flask(__name__)
service = Api(app, prefix="/legacy")

class Item(Resource):
    def get(self, item_id=None): return {}
    def put(self, item_id): return {}

service.add_resource(Item, "/items", "/items/<int:item_id>", endpoint="item")
service.add_resource("/not-a-class", Item)

@unknown.route("/x")
class NotRouted(Resource):
    def get(self): return 1
"#,
        &[
            "DELETE /api/v1/things/<thing_id> → Thing.delete",
            "DELETE /api/v1/things/by-id/<thing_id> → Thing.delete",
            "GET /api/v1/misc/ping → Ping.get",
            "GET /api/v1/things → ThingList.get",
            "GET /api/v1/things/<thing_id> → Thing.get",
            "GET /api/v1/things/by-id/<thing_id> → Thing.get",
            "GET /api/v1/things/nothing → Nothing",
            "GET /api/v1/todos/<int:id> → Todo.get",
            "GET /legacy/items → Item.get",
            "GET /legacy/items/<int:item_id> → Item.get",
            "POST /api/v1/things → ThingList.post",
            "PUT /legacy/items → Item.put",
            "PUT /legacy/items/<int:item_id> → Item.put",
        ],
    );
}

#[test]
fn grape_apis_mounted_in_rails_and_rails_patterns_only_in_the_route_table() {
    const USERS: &str = "module API\n  class Users < Grape::API\n    resource :users do\n      get do\n        User.all\n      end\n      route_param :id do\n        get do\n          User.find(params[:id])\n        end\n        put :avatar do\n          1\n        end\n      end\n    end\n    namespace 'admin/stats' do\n      get '/daily' do\n        2\n      end\n    end\n  end\nend\n";
    check_cases(&[
        (
            // A Grape API mounted in Rails: its routes under the Rails
            // prefix, its own prefix and path version; a header version
            // adds nothing; Rails `resources` in the route table only.
            "grape-in-rails",
            &[
                ("Gemfile", "source 'https://rubygems.org'\ngem 'rails'\ngem 'grape'\n"),
                (
                    "config/routes.rb",
                    "Rails.application.routes.draw do\n  resources :posts, only: [:index]\n  mount API::Root => '/'\nend\n",
                ),
                (
                    "app/controllers/posts_controller.rb",
                    "class PostsController < ApplicationController\n  def index\n  end\nend\n",
                ),
                (
                    "app/api/api/root.rb",
                    "module API\n  class Root < Grape::API\n    prefix 'api'\n    version 'v2', using: :path\n    mount API::Users\n    mount API::Ping => '/ping'\n  end\nend\n",
                ),
                ("app/api/api/users.rb", USERS),
                (
                    "app/api/api/ping.rb",
                    "module API\n  class Ping < Grape::API\n    version 'v1', using: :header, vendor: 'x'\n    route :any, '*path' do\n      'pong'\n    end\n  end\nend\n",
                ),
            ],
            &[
                "GET /posts",
                "GET /api/v2/users",
                "GET /api/v2/users/:id",
                "PUT /api/v2/users/:id/avatar",
                "GET /api/v2/admin/stats/daily",
                "ANY /api/v2/ping/*path",
            ],
        ),
        (
            // Grape run by itself (config.ru): `resource` is a segment, not
            // Rails' seven actions.
            "grape-alone",
            &[
                ("Gemfile", "source 'https://rubygems.org'\ngem 'grape'\n"),
                ("config.ru", "require_relative 'api/users'\nrun API::Users\n"),
                ("api/users.rb", USERS),
            ],
            &[
                "GET /users",
                "GET /users/:id",
                "PUT /users/:id/avatar",
                "GET /admin/stats/daily",
            ],
        ),
    ]);
}

/// echo through the app's own router type: `r.SubGroup("/settings")` (a
/// method that forwards its prefix to `Group`) makes a group, nested too;
/// the wrapper's `r.Group.GET(path, …)` declares no route; echo's handler
/// is the first function after the path, the others middleware; a method
/// that makes no group (`r.Scoped("/nope")`) adds no prefix; `Static`
/// serves the files under its path.
#[test]
fn echo_router_wrapper_groups_and_handler_first() {
    let got: Vec<(String, String)> = go_routes("echowrapapp")
        .into_iter()
        .map(|(id, _, handler)| (id, handler))
        .collect();
    let mut want: Vec<(String, String)> = [
        ("GET /", "home"),
        ("GET /settings/style", "style"),
        ("POST /api/gists", "createGist"),
        ("GET /z", "z"),
        ("GET /health", "health"),
        ("GET /avatar/*", "<none>"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    want.sort();
    assert_eq!(got, want);
}

/// echo kept in a struct field: middleware installed on `s.echo` in one
/// method and file (`s.echo.Use(Middleware(sessionInit).toEcho())`, a
/// function converted to the app's middleware type) runs before the routes
/// declared on a group of the same field in another
/// (`r := NewRouter(s.echo.Group(""))`). Middleware on another field of
/// the same type (`s.metrics`) or on the same-named field of another type
/// (`admin.Server.echo`) stays on its own router's routes.
#[test]
fn echo_middleware_on_a_receiver_field_reaches_that_routers_routes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/go-routers/echofieldapp");
    let output = common::scan_output(&root);
    let hooks = |id: &str| hooks_of(&output.program, id);
    for id in ["GET /", "GET /settings/style"] {
        let got = hooks(id);
        assert!(
            got.iter().any(|h| h == "sessionInit") && got.iter().any(|h| h == "recoverer"),
            "{id}: {got:?}"
        );
        assert!(
            !got.iter().any(|h| h == "metricsAuth" || h == "adminOnly"),
            "{id}: {got:?}"
        );
    }
    assert_eq!(hooks("GET /metrics"), ["metricsAuth"]);
    assert_eq!(hooks("GET /admin"), ["adminOnly"]);
}

#[test]
fn rails_member_and_collection_routes_name_their_action_apart_from_the_path() {
    let dir = common::temp_dir("rails-action-option");
    let routes = "Rails.application.routes.draw do\n  resources :agents, only: [:index] do\n    member do\n      delete :memory, action: :destroy_memory\n      get :log\n    end\n    collection do\n      delete :undefined, action: :destroy_undefined\n    end\n  end\nend\n";
    let controller = "class AgentsController < ApplicationController\n  def index; end\n  def log; end\n  def destroy_memory; end\n  def destroy_undefined; end\nend\n";
    common::write_files(
        &dir,
        &[
            ("Gemfile", "gem 'rails'\n"),
            ("config/routes.rb", routes),
            ("app/controllers/agents_controller.rb", controller),
        ],
    );
    let report = common::scan_path(&dir);
    let mut got = route_ids(&report);
    got.sort();
    assert_eq!(
        got,
        [
            "DELETE /agents/:id/memory",
            "DELETE /agents/undefined",
            "GET /agents",
            "GET /agents/:id/log",
        ]
    );
    let line_of = |id: &str| {
        report
            .routes
            .iter()
            .find(|r| r.id == id)
            .map(|r| (r.file.clone(), r.line))
    };
    // Each handled by the action the option names, not one named by the path.
    let file = "app/controllers/agents_controller.rb".to_string();
    assert_eq!(
        line_of("DELETE /agents/:id/memory"),
        Some((file.clone(), 4))
    );
    assert_eq!(line_of("DELETE /agents/undefined"), Some((file.clone(), 5)));
    assert_eq!(line_of("GET /agents/:id/log"), Some((file, 3)));
}

/// `get 'x' => 'c#a'`: Rails routes the action whether or not the controller
/// has it. An action the controller inherits handles the route; one the class
/// lacks is a route that fails, said so, unless a library base may define it
/// (Devise's); a controller the program does not define (an engine's) is left
/// as written.
#[test]
fn rails_string_routes_name_inherited_and_missing_actions() {
    let dir = common::temp_dir("rails-string-actions");
    common::write_files(
        &dir,
        &[
            ("Gemfile", "gem 'rails'\n"),
            (
                "config/routes.rb",
                "Rails.application.routes.draw do\n  get 'stats' => 'stats#index'\n  get 'stats/chart_data' => 'stats#chart_data'\n  get 'stats/health', to: 'stats#health'\n  post 'mail/in' => 'mailgun#receive'\n  get 'sso' => 'sso#passthru'\nend\n",
            ),
            (
                "app/controllers/application_controller.rb",
                "class ApplicationController < ActionController::Base\n  def health\n    head :ok\n  end\nend\n",
            ),
            (
                "app/controllers/stats_controller.rb",
                "class StatsController < ApplicationController\n  def index\n    @stats = Stat.all\n  end\nend\n",
            ),
            (
                "app/controllers/sso_controller.rb",
                "class SsoController < Devise::OmniauthCallbacksController\n  def github\n    head :ok\n  end\nend\n",
            ),
        ],
    );
    let report = common::scan_path(&dir);
    let handler = |id: &str| {
        report
            .routes
            .iter()
            .find(|r| r.id == id)
            .map(|r| (r.handler.clone(), r.file.clone()))
            .unwrap_or_else(|| panic!("no route {id}"))
    };
    assert_eq!(
        handler("GET /stats"),
        (
            "StatsController.index".into(),
            "app/controllers/stats_controller.rb".into()
        )
    );
    assert_eq!(
        handler("GET /stats/chart_data"),
        (
            "StatsController.chart_data (no such action)".into(),
            "config/routes.rb".into()
        )
    );
    assert_eq!(
        handler("GET /stats/health"),
        (
            "ApplicationController.health".into(),
            "app/controllers/application_controller.rb".into()
        )
    );
    assert_eq!(
        handler("POST /mail/in"),
        (
            "MailgunController.receive".into(),
            "config/routes.rb".into()
        )
    );
}
