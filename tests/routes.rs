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
            "WS /message",
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
            r"ANY /legacy/(?P<id>\d+)/",
            "ANY /health/",
            "GET /reports/daily/",
            "POST /reports/export/",
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
            "GET /admin/settings",
            "PUT /admin/settings",
            "ANY /legacy/*",
        ],
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
            "WS /watch",
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
    assert_routes(
        "koa",
        &[
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
