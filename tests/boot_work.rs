//! Work the server runs as it starts: the callback of `server.listen(...)`
//! starting background jobs (reported where it starts them, when its
//! callee holds the scheduler), and a FastAPI startup hook loading a model
//! (paid by every cold start: on every route, a refactor rather than a
//! container, since the model moves out of start-up).

mod common;

use carve::assess::verdict::Verdict;
use common::{has_rule, rules_of, scan_path, temp_dir, write_files};

#[test]
fn a_listen_callback_starting_a_scheduler_is_reported_where_it_starts_it() {
    let dir = temp_dir("boot-work-listen");
    write_files(
        &dir,
        &[
            (
                "package.json",
                r#"{"dependencies":{"express":"4","croner":"8"}}"#,
            ),
            (
                "jobs.js",
                r#"const { Cron } = require("croner");
const initBackgroundJobs = async function () {
    new Cron("*/5 * * * *", () => vacuum());
};
module.exports = { initBackgroundJobs };
"#,
            ),
            (
                "server.js",
                r#"const express = require("express");
const http = require("http");
const { initBackgroundJobs } = require("./jobs");
const app = express();
app.get("/health", (req, res) => res.send("ok"));
function printUrl(port) { console.log(port); }
(async () => {
    const server = http.createServer(app);
    server.listen(3000, async () => {
        printUrl(3000);
        await initBackgroundJobs();
    });
})();
"#,
            ),
        ],
    );
    let report = scan_path(&dir);
    let at = |rule: &str| -> Vec<String> {
        report
            .findings
            .iter()
            .filter(|f| f.at.rule == rule)
            .map(|f| format!("{}:{}", f.at.file, f.at.line))
            .collect()
    };
    // The call that starts the scheduler, not the one printing the address.
    assert_eq!(at("background-work/js-listen-start"), ["server.js:11"]);
    // Start-up runs the callback: the scheduler it starts is judged too.
    assert_eq!(at("background-work/js-scheduler"), ["jobs.js:3"]);
    // Neither is the health check's work.
    assert!(rules_of(&report, "GET /health").is_empty());
}

#[test]
fn a_model_loaded_by_a_startup_hook_is_on_every_route_as_a_refactor() {
    let dir = temp_dir("boot-work-startup-model");
    write_files(
        &dir,
        &[
            ("requirements.txt", "fastapi\ntorch\n"),
            (
                "app/main.py",
                r#"import torch
from fastapi import FastAPI
from app.routers import items

app = FastAPI()
app.include_router(items.router)


@app.on_event("startup")
async def startup_event():
    app.state.model = torch.load("weights.pt")


@app.on_event("shutdown")
async def shutdown_event():
    app.state.model = None


def export_model():
    return torch.load("other.pt")
"#,
            ),
            (
                "app/routers/items.py",
                r#"from fastapi import APIRouter

router = APIRouter()


@router.get("/items")
async def list_items():
    return []
"#,
            ),
        ],
    );
    let report = scan_path(&dir);
    let route = report
        .routes
        .iter()
        .find(|r| r.id == "GET /items")
        .expect("the router's route");
    let loads: Vec<u32> = route
        .findings
        .iter()
        .filter(|f| f.at.rule == "heavy-startup/python-model-load")
        .map(|f| f.at.line)
        .collect();
    // The startup hook's load, not the one in a function nothing calls.
    assert_eq!(loads, [11]);
    assert_eq!(route.verdict, Verdict::Refactor);
    assert!(has_rule(
        &rules_of(&report, "GET /items"),
        "heavy-startup/python-model-load"
    ));
}
