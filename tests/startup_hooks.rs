//! Functions a container runs as the application starts, outside any route:
//! a lifecycle object's `start()`, an `ApplicationRunner`'s `run()`. What
//! they start (a scheduler's thread pool) is an application finding; the
//! same code in a class the container does not start stays unjudged.

mod common;

use common::{has_rule, scan_path, temp_dir, write_file};

const RESOURCE: &str = r#"package app.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/status")
public class StatusResource {
    @GET
    public String status() {
        return "ok";
    }
}
"#;

const SCHEDULER: &str = r#"package app.schedule;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

public class ScheduleManager implements LifecycleObject {
    private ScheduledExecutorService executor;

    @Override
    public void start() {
        executor = Executors.newScheduledThreadPool(4);
    }
}
"#;

const RUNNER: &str = r#"package app.jobs;

public class JobRunner implements ApplicationRunner {
    @Override
    public void run(ApplicationArguments args) {
        new Thread(() -> {}).start();
    }
}
"#;

const NOT_STARTED: &str = r#"package app.tools;

import java.util.concurrent.Executors;

public class Exporter implements Runnable {
    public void start() {
        Executors.newFixedThreadPool(2);
    }

    @Override
    public void run() {
        new Thread(() -> {}).start();
    }
}
"#;

#[test]
fn lifecycle_start_and_application_runners_are_start_up_code() {
    let dir = temp_dir("startup-hooks");
    let src = dir.join("src/main/java/app");
    for (folder, name, text) in [
        ("api", "StatusResource.java", RESOURCE),
        ("schedule", "ScheduleManager.java", SCHEDULER),
        ("jobs", "JobRunner.java", RUNNER),
        ("tools", "Exporter.java", NOT_STARTED),
    ] {
        write_file(&src, &format!("{folder}/{name}"), text);
    }
    let report = scan_path(&dir);
    let at = |file: &str| -> Vec<String> {
        report
            .findings
            .iter()
            .filter(|f| f.at.file.ends_with(file))
            .map(|f| f.at.rule.clone())
            .collect()
    };
    let scheduler = at("ScheduleManager.java");
    assert!(
        has_rule(&scheduler, "background-work/java-async"),
        "{scheduler:?}"
    );
    let runner = at("JobRunner.java");
    assert!(
        has_rule(&runner, "background-work/java-async"),
        "{runner:?}"
    );
    // A start() and run() no container calls: off every path, not judged.
    assert!(at("Exporter.java").is_empty(), "{:?}", at("Exporter.java"));
}

#[test]
fn fastify_plugins_and_autoload_options_run_at_boot() {
    let dir = temp_dir("startup-fastify");
    let files: [(&str, &str); 4] = [
        (
            "package.json",
            r#"{"dependencies":{"fastify":"5","fastify-plugin":"5","@fastify/autoload":"6"}}"#,
        ),
        (
            "src/app.js",
            r#"import Fastify from 'fastify'
import AutoLoad from '@fastify/autoload'
import path from 'node:path'
const app = Fastify()
app.register(AutoLoad, { dir: path.join(import.meta.dirname, 'plugins') })
app.get('/health', async () => ({ ok: true }))
app.listen({ port: 3000 })
"#,
        ),
        (
            "src/plugins/uploads.js",
            r#"import fp from 'fastify-plugin'
import fs from 'node:fs'
export const autoConfig = (fastify) => {
  fs.mkdirSync('./uploads')
  return { root: './uploads' }
}
export default fp(async (fastify) => {
  fs.writeFileSync('./uploads/.keep', '')
})
"#,
        ),
        (
            "src/plugins/unused.js",
            r#"import fs from 'node:fs'
export function archive() {
  fs.writeFileSync('./archive.txt', '')
}
"#,
        ),
    ];
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let report = scan_path(&dir);
    let lines = |file: &str| -> Vec<u32> {
        report
            .findings
            .iter()
            .filter(|f| f.at.file.ends_with(file) && f.at.rule == "local-fs/js-file-write")
            .map(|f| f.at.line)
            .collect()
    };
    // autoConfig and the plugin body run when the app boots: application findings.
    assert_eq!(lines("plugins/uploads.js"), vec![4, 8]);
    // A function nothing calls stays off every path.
    assert!(lines("plugins/unused.js").is_empty());
}
