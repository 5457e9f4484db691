//! Lazy initialisation that start-up already performed (a singleton built by
//! `getInstance()` at boot, a timer started under `if (!timer)` by a function
//! boot calls) is not repeated by the routes that call the same code; when
//! start-up never runs it, the first request does, and the route carries it.

mod common;

use common::{has_rule, rules_of, scan_path, temp_dir};

const SERVER: &str = r#"const { Server } = require('socket.io');

class Hub {
    static getInstance() {
        if (Hub.instance == null) {
            Hub.instance = new Hub();
        }
        return Hub.instance;
    }

    constructor() {
        this.io = new Server(3001);
    }

    timezone() {
        return 'UTC';
    }
}

class Settings {
    static get(key) {
        if (!Settings.cleaner) {
            Settings.cleaner = setInterval(() => Settings.prune(), 60000);
        }
        return key;
    }

    static prune() {}
}

module.exports = { Hub, Settings };
"#;

fn scan_app(tag: &str, boot: &str) -> carve::report::Report {
    let dir = temp_dir(tag);
    std::fs::write(
        dir.join("package.json"),
        r#"{"dependencies": {"express": "^4", "socket.io": "^4"}}"#,
    )
    .unwrap();
    std::fs::write(dir.join("hub.js"), SERVER).unwrap();
    std::fs::write(
        dir.join("app.js"),
        format!(
            r#"const express = require('express');
const {{ Hub, Settings }} = require('./hub');
const app = express();
{boot}
app.get('/status', (req, res) => res.json({{ tz: Hub.getInstance().timezone(), on: Settings.get('on') }}));
app.listen(3000);
"#
        ),
    )
    .unwrap();
    scan_path(&dir)
}

#[test]
fn a_singleton_and_a_timer_boot_started_are_not_on_routes() {
    let report = scan_app(
        "startup-once-boot",
        "const hub = Hub.getInstance();\nSettings.get('boot');",
    );
    let status = rules_of(&report, "GET /status");
    assert!(!has_rule(&status, "long-lived-connection/"), "{status:?}");
    assert!(!has_rule(&status, "background-work/"), "{status:?}");
    // Still reported, for the application.
    let all: Vec<String> = report.findings.iter().map(|f| f.at.rule.clone()).collect();
    assert!(
        has_rule(&all, "long-lived-connection/js-websocket-server"),
        "{all:?}"
    );
    assert!(has_rule(&all, "background-work/js-timer"), "{all:?}");
}

#[test]
fn lazy_initialisation_no_boot_code_runs_is_on_the_route() {
    let report = scan_app("startup-once-lazy", "");
    let status = rules_of(&report, "GET /status");
    assert!(
        has_rule(&status, "long-lived-connection/js-websocket-server"),
        "{status:?}"
    );
    assert!(has_rule(&status, "background-work/js-timer"), "{status:?}");
}
