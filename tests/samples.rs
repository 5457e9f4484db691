//! Snapshot of every sample's full JSON report: routes, findings with call
//! chains, verdicts, groups and skipped files. The snapshots double as the
//! JSON schema contract: review any change to them.

mod common;

use common::scan_sample;

fn snapshot(name: &str) {
    let report = scan_sample(name);
    insta::with_settings!({ snapshot_suffix => name, prepend_module_to_snapshot => false }, {
        insta::assert_json_snapshot!("report", report, { ".stats.duration_ms" => "[duration]" });
    });
}

#[test]
fn flask() {
    snapshot("flask");
}

#[test]
fn fastapi() {
    snapshot("fastapi");
}

#[test]
fn django() {
    snapshot("django");
}

#[test]
fn express() {
    snapshot("express");
}

#[test]
fn nestjs() {
    snapshot("nestjs");
}

#[test]
fn nextjs() {
    snapshot("nextjs");
}

#[test]
fn koa() {
    snapshot("koa");
}

#[test]
fn fastify() {
    snapshot("fastify");
}
