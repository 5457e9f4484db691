//! Routes declared in a development-only branch (`if (isDev)`, `if
//! (process.env.NODE_ENV === 'development')`) are not routes of the deployed
//! app; a negated test, or a route outside the branch, still is.

mod common;

use common::{route_ids, scan_path, temp_dir};

const APP: &str = r#"const express = require('express');
const app = express();
const isDev = process.env.NODE_ENV === 'development';

app.get('/health', (req, res) => res.send('ok'));

if (isDev) {
  app.post('/test-webhook', (req, res) => res.send(req.body));
}

if (process.env.NODE_ENV !== 'production') {
  app.get('/_debug/state', (req, res) => res.json({}));
}

if (!isDev) {
  app.get('/robots.txt', (req, res) => res.send(''));
}

app.listen(3000);
"#;

#[test]
fn routes_declared_only_in_development_are_not_reported() {
    let dir = temp_dir("dev-branches");
    std::fs::write(
        dir.join("package.json"),
        r#"{"dependencies":{"express":"4"}}"#,
    )
    .unwrap();
    std::fs::write(dir.join("server.js"), APP).unwrap();
    let routes = route_ids(&scan_path(&dir));
    assert!(routes.iter().any(|r| r == "GET /health"), "{routes:?}");
    assert!(routes.iter().any(|r| r == "GET /robots.txt"), "{routes:?}");
    assert!(
        !routes.iter().any(|r| r.contains("/test-webhook")),
        "{routes:?}"
    );
    assert!(
        !routes.iter().any(|r| r.contains("/_debug/state")),
        "{routes:?}"
    );
}
