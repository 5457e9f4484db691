//! `carve plan`'s derived settings and `--emit`: provisioned concurrency,
//! Cloud Run minimum instances and reserved concurrency on a log small
//! enough to replay by hand (each test states the arithmetic), snapshots of
//! every emitted format for two samples, and the command line's refusal to
//! overwrite.

mod common;

use assert_cmd::Command;
use carve::cost::emit::{self, EmitContext, EmitFormat};
use carve::cost::imports::route_imports;
use carve::cost::plan::{self, Granularity, PlanInput, PlanReport, PlannedFunction};
use carve::cost::pricing::Pricing;
use carve::cost::traffic::{read_traffic, LogInput};
use carve::cost::{build_cost, route_keys, CostOptions};
use common::{sample, scan_output, temp_dir};
use std::path::Path;

/// Within 1% (and a hundredth of a cent).
fn near(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-4 + expected.abs() * 0.01
}

fn plan_of(
    name: &str,
    log: LogInput,
    options: &CostOptions,
    granularity: Granularity,
) -> PlanReport {
    let scanned = scan_output(&sample(name));
    let report = &scanned.report;
    let pricing = Pricing::load(&[]).expect("pricing loads");
    let units = plan::units(report, granularity);
    let routes = route_keys(report);
    let traffic = read_traffic(
        vec![log],
        &routes,
        &plan::replay_units(&units, routes.len()),
        &options.traffic_config(None, report),
    );
    let cost = build_cost(report, &traffic, &pricing, options);
    plan::build_plan(&PlanInput {
        report,
        units: &units,
        traffic: &traffic,
        cost: &cost,
        pricing: &pricing,
        options,
        granularity,
        imports: &route_imports(&scanned.program),
    })
}

fn fixture(file: &str) -> LogInput {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/logs")
        .join(file);
    let reader = std::fs::File::open(&path).expect("fixture log");
    LogInput {
        name: file.to_string(),
        reader: carve::cost::logs::decompress(std::io::BufReader::new(reader)).expect("gzip"),
    }
}

/// Six requests to `GET /health` over exactly one hour, Apache `%D`
/// durations (the log time is the start): three at once at 0 s lasting
/// 1 s, then one of 0.1 s at 1000 s, 2000 s and 3600 s.
fn hand_log() -> LogInput {
    let line = |time: &str, us: u32| {
        format!(
            r#"10.0.0.1 - - [01/Nov/2026:{time} +0000] "GET /health HTTP/1.1" 200 10 "-" "ua" {us}"#
        )
    };
    let text = [
        line("10:00:00", 1_000_000),
        line("10:00:00", 1_000_000),
        line("10:00:00", 1_000_000),
        line("10:16:40", 100_000),
        line("10:33:20", 100_000),
        line("11:00:00", 100_000),
    ]
    .join("\n")
        + "\n";
    LogInput {
        name: "hand.log".into(),
        reader: Box::new(std::io::Cursor::new(text.into_bytes())),
    }
}

fn health(plan: &PlanReport) -> &PlannedFunction {
    plan.functions
        .iter()
        .find(|f| f.routes == ["GET /health"])
        .expect("GET /health is a function")
}

#[test]
fn provisioned_concurrency_by_hand() {
    let options = CostOptions::default();
    let p = Pricing::load(&[]).unwrap();
    let plan = plan_of("express", hand_log(), &options, Granularity::Route);
    let f = health(&plan);
    let pc = &f.settings.provisioned_concurrency;
    // One hour of log: × 730 to a month. 512 MB = 0.5 GB, init 400 ms.
    // No warm instance: the burst starts 3 instances; each later request
    // finds them idle for more than 360 s: 6 cold starts of 6 (100%).
    // 1 warm: the burst takes it and 2 more start (2 cold), the later
    // three find it warm: 2 of 6 (33.3%). 2 warm: 1 (16.7%). 3 warm: 0.
    let shares: Vec<(u32, f64)> = pc
        .curve
        .iter()
        .map(|p| (p.instances, p.cold_start_share))
        .collect();
    assert_eq!(shares.len(), 4, "{shares:?}");
    for ((k, share), (want_k, want)) in
        shares
            .iter()
            .zip([(0, 1.0), (1, 2.0 / 6.0), (2, 1.0 / 6.0), (3, 0.0)])
    {
        assert_eq!(*k, want_k);
        assert!(near(*share, want), "{k} warm: {share} ≠ {want}");
    }
    assert!(near(pc.curve[1].cold_starts_per_month, 2.0 * 730.0));
    assert!(near(pc.curve[1].cold_starts_avoided_per_month, 4.0 * 730.0));
    // Target 1%: 3 warm. They cost 3 × 0.5 GB × 730 h × 3600 s × the
    // provisioned rate all month; the six requests then run on them at the
    // provisioned duration rate (3 × 1 s + 3 × 0.1 s = 3.3 s) instead of
    // on demand with their inits (3 × 1.4 s + 3 × 0.5 s = 5.7 s):
    // 3 × 0.5 × 2 628 000 × 0.0000041667 = $16.425
    // + (3.3 × 0.0000097222 − 5.7 × 0.0000166667) × 730 × 0.5 = −$0.023.
    let fee = 3.0 * 0.5 * 730.0 * 3600.0 * p.lambda_x86.provisioned_per_gb_second;
    let duration = (3.3 * p.lambda_x86.provisioned_duration_per_gb_second
        - 5.7 * p.lambda_x86.per_gb_second)
        * 730.0
        * 0.5;
    assert!(near(fee + duration, 16.4021), "{}", fee + duration);
    assert_eq!(pc.value, 3, "{}", pc.reason);
    assert!(
        near(pc.curve[3].extra_usd_per_month, fee + duration),
        "{:?}",
        pc.curve[3]
    );
    assert!(near(f.provisioned_usd, fee + duration));
    assert!(pc.reason.contains("100.0% to 0.0%"), "{}", pc.reason);

    // A looser target stops earlier: 33.3% ≤ 40% with 1 warm.
    let loose = CostOptions {
        cold_start_target: 0.40,
        ..CostOptions::default()
    };
    let plan = plan_of("express", hand_log(), &loose, Granularity::Route);
    assert_eq!(health(&plan).settings.provisioned_concurrency.value, 1);

    // At 10 GB a warm instance costs 10 × 2 628 000 × 0.0000041667 =
    // $109.50 a month, more than the always-on Fargate task ($36.04):
    // none, and the reason says it does not pay.
    let big = CostOptions {
        memory_mb: 10240,
        memory_source: "--memory-mb",
        ..CostOptions::default()
    };
    let plan = plan_of("express", hand_log(), &big, Granularity::Route);
    let pc = &health(&plan).settings.provisioned_concurrency;
    assert_eq!(pc.value, 0);
    assert!(pc.reason.contains("does not pay"), "{}", pc.reason);
    assert!(pc.curve[1].extra_usd_per_month > 109.0, "{:?}", pc.curve[1]);
}

#[test]
fn cloud_run_min_instances_by_hand() {
    let p = Pricing::load(&[]).unwrap();
    let plan = plan_of(
        "express",
        hand_log(),
        &CostOptions::default(),
        Granularity::Route,
    );
    let min = &health(&plan).settings.cloud_run.min_instances;
    // Concurrency 80, idle 900 s: the burst is one instance (one cold
    // start); it is gone before 1000 s, and so is each later one: 4 cold of
    // 6 (66.7%). One minimum instance serves everything warm.
    assert!(near(min.curve[0].cold_start_share, 4.0 / 6.0));
    assert!(near(min.curve[1].cold_start_share, 0.0));
    assert_eq!(min.value, 1);
    // Busy time, rounded up to 100 ms: without it 1.4 + 3 × 0.5 = 2.9 s;
    // with it 1.0 + 3 × 0.1 = 1.3 s, all on the minimum instance, idle the
    // rest of the month at the idle rate (0.5 GiB, 1 vCPU):
    // (1.3 − 2.9) × 730 × (0.000024 + 0.5 × 0.0000025)
    // + (2 628 000 − 1.3 × 730) × (0.0000025 + 0.5 × 0.0000025) = $9.822.
    let r = &p.cloud_run_request;
    let active = r.per_vcpu_second + 0.5 * r.per_gib_second;
    let idle = r.idle_per_vcpu_second + 0.5 * r.idle_per_gib_second;
    let want = (1.3 - 2.9) * 730.0 * active + (2_628_000.0 - 1.3 * 730.0) * idle;
    assert!(near(want, 9.822), "{want}");
    assert!(
        near(min.curve[1].extra_usd_per_month, want),
        "{:?}",
        min.curve[1]
    );
}

#[test]
fn reserved_concurrency_and_the_account_by_hand() {
    // Peak 3 requests in flight (the burst) × 2 headroom = 6, over the
    // floor of 5, and over the 3 provisioned.
    let options = CostOptions {
        account_concurrency: 105,
        db_max_connections: 5,
        ..CostOptions::default()
    };
    let plan = plan_of("express", hand_log(), &options, Granularity::Route);
    let f = health(&plan);
    assert_eq!(
        f.settings.reserved_concurrency.value, 6,
        "{}",
        f.settings.reserved_concurrency.reason
    );
    // Every function reserves at least 5; the account can reserve
    // 105 − 100 = 5: the sum does not fit, and the message says what to
    // raise the quota to (the sum + 100).
    let total: u32 = plan
        .functions
        .iter()
        .map(|f| f.settings.reserved_concurrency.value)
        .sum();
    assert_eq!(total, 6 + 5 * (plan.functions.len() as u32 - 1));
    let account = &plan.checks.account;
    assert!(!account.fits);
    assert_eq!(account.reserved_total, total);
    assert!(
        account
            .message
            .contains(&format!("at least {}", total + 100)),
        "{}",
        account.message
    );
    // app.js loads services/db.js (pg): one connection per instance, 6 at
    // its reserved concurrency, past the database's 5.
    assert_eq!(f.settings.database.at_reserved, 6);
    let db = &plan.checks.database;
    assert!(
        !db.fits && db.message.contains("RDS Proxy"),
        "{}",
        db.message
    );
    assert!(f.settings.database.reason.contains("RDS Proxy"));
}

#[test]
fn a_function_named_by_a_lambda_report_takes_its_memory() {
    // The report file is named after the function's slug.
    let scanned = scan_output(&sample("express"));
    let report = &scanned.report;
    let options = CostOptions::default();
    let pricing = Pricing::load(&[]).unwrap();
    let units = plan::units(report, Granularity::Route);
    let routes = route_keys(report);
    let traffic = read_traffic(
        vec![hand_log()],
        &routes,
        &plan::replay_units(&units, routes.len()),
        &options.traffic_config(None, report),
    );
    let mut cost = build_cost(report, &traffic, &pricing, &options);
    let lines = "REPORT RequestId: a Duration: 10.0 ms Billed Duration: 10 ms Memory Size: 1024 MB Max Memory Used: 200 MB\n";
    cost.lambda_functions
        .push(carve::cost::lambda_report::read_function(
            "get-health",
            std::io::Cursor::new(lines),
            &pricing.lambda_x86,
            730.0,
        ));
    let plan = plan::build_plan(&PlanInput {
        report,
        units: &units,
        traffic: &traffic,
        cost: &cost,
        pricing: &pricing,
        options: &options,
        granularity: Granularity::Route,
        imports: &route_imports(&scanned.program),
    });
    let f = health(&plan);
    assert_eq!(f.slug, "get-health");
    // 200 MB × 1.3 = 260, rounded up to 64 MB steps: 320 MB.
    assert_eq!(
        f.settings.memory_mb.value, 320,
        "{}",
        f.settings.memory_mb.reason
    );
    assert_eq!(f.memory_mb, 320);
    assert!(f
        .settings
        .memory_mb
        .reason
        .contains("--lambda-report get-health"));
}

#[test]
fn timeouts_name_the_routes_they_cut() {
    // p99.9 of (1, 1, 1, 0.1, 0.1, 0.1 s) is 1 s: × 1.5 = 2 s, raised to 3.
    let plan = plan_of(
        "express",
        hand_log(),
        &CostOptions::default(),
        Granularity::Route,
    );
    let t = &health(&plan).settings.timeout_s;
    assert_eq!(t.value, 3, "{}", t.reason);
    assert!(t.cut.is_empty());
    // A thousand 0.1 s requests and one of 20 s: p99.9 is 0.1 s, so 3 s,
    // and the 20 s request is named as one the timeout would cut.
    let mut text = String::new();
    for i in 0..1000 {
        let t = i * 36 / 10;
        text.push_str(&format!(
            "10.0.0.1 - - [01/Nov/2026:10:{:02}:{:02} +0000] \"GET /health HTTP/1.1\" 200 10 \"-\" \"ua\" 100000\n",
            t / 60,
            t % 60
        ));
    }
    text.push_str("10.0.0.1 - - [01/Nov/2026:11:00:00 +0000] \"GET /health HTTP/1.1\" 200 10 \"-\" \"ua\" 20000000\n");
    let log = LogInput {
        name: "tail.log".into(),
        reader: Box::new(std::io::Cursor::new(text.into_bytes())),
    };
    let plan = plan_of("express", log, &CostOptions::default(), Granularity::Route);
    let t = &health(&plan).settings.timeout_s;
    assert_eq!(t.value, 3, "{}", t.reason);
    assert_eq!(t.cut, ["GET /health (20.0 s)"], "{}", t.reason);
    assert!(
        t.reason.contains("would fail on GET /health"),
        "{}",
        t.reason
    );
}

fn emitted(plan: &PlanReport, format: EmitFormat, app: &str) -> String {
    let ctx = EmitContext {
        code_dir: format!("../samples/{app}"),
        app_name: app.to_string(),
    };
    emit::render(format, plan, &ctx)
        .iter()
        .map(|f| format!("==> {} <==\n{}", f.path, f.text))
        .collect()
}

#[test]
fn emitted_files_for_two_samples() {
    let express = plan_of(
        "express",
        fixture("express-2d.log.gz"),
        &CostOptions::default(),
        Granularity::Module,
    );
    let fastapi = plan_of(
        "fastapi",
        fixture("fastapi-2d.log.gz"),
        &CostOptions::default(),
        Granularity::Route,
    );
    assert!(!express.functions.is_empty() && !fastapi.functions.is_empty());
    for (name, plan) in [("express", &express), ("fastapi", &fastapi)] {
        insta::assert_snapshot!(format!("sam@{name}"), emitted(plan, EmitFormat::Sam, name));
        insta::assert_snapshot!(
            format!("terraform@{name}"),
            emitted(plan, EmitFormat::Terraform, name)
        );
        insta::assert_snapshot!(
            format!("cloudrun@{name}"),
            emitted(plan, EmitFormat::CloudRun, name)
        );
        // Deterministic: the same plan renders the same bytes.
        assert_eq!(
            emitted(plan, EmitFormat::Sam, name),
            emitted(plan, EmitFormat::Sam, name)
        );
    }
    // FastAPI's `{user_id}` stays, HEAD is its own route, Mangum is the adapter.
    let sam = emitted(&fastapi, EmitFormat::Sam, "fastapi");
    assert!(
        sam.contains("Path: \"/api/users/{user_id}/profile\""),
        "{sam}"
    );
    assert!(sam.contains("Method: HEAD"));
    assert!(sam.contains("Handler: \"carve_lambda.handler\"") && sam.contains("Mangum"));
    // Express's `:id` becomes `{id}`, `/legacy/*` the prefix and `{proxy+}`.
    let sam = emitted(&express, EmitFormat::Sam, "express");
    assert!(sam.contains("Path: \"/api/users/{id}\""));
    assert!(sam.contains("Path: \"/legacy\"") && sam.contains("Path: \"/legacy/{proxy+}\""));
}

fn carve() -> Command {
    let mut cmd = Command::cargo_bin("carve").unwrap();
    cmd.env("NO_COLOR", "1")
        .env("CARVE_CACHE_DIR", common::cache_dir())
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

#[test]
fn emit_never_overwrites_without_force() {
    let dir = temp_dir("emit");
    let out = dir.join("infra");
    let args = |extra: &[&str]| -> Vec<String> {
        [
            "plan",
            "samples/express",
            "--log",
            "tests/fixtures/logs/express-2d.log.gz",
            "--emit",
            "terraform",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([out.display().to_string()])
        .chain(extra.iter().map(|s| s.to_string()))
        .collect()
    };
    let first = carve().args(args(&[])).output().unwrap();
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let main_tf = std::fs::read_to_string(out.join("main.tf")).unwrap();
    assert!(main_tf.contains("resource \"aws_lambda_function\" \"app\""));
    // CodeUri and the package name the app folder relative to the output.
    let vars = std::fs::read_to_string(out.join("variables.tf")).unwrap();
    assert!(vars.contains("samples/express"), "{vars}");

    std::fs::write(out.join("variables.tf"), "# mine\n").unwrap();
    let again = carve().args(args(&[])).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("main.tf exists") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("variables.tf")).unwrap(),
        "# mine\n"
    );

    let forced = carve().args(args(&["--force"])).output().unwrap();
    assert_eq!(forced.status.code(), Some(0));
    assert_ne!(
        std::fs::read_to_string(out.join("variables.tf")).unwrap(),
        "# mine\n"
    );

    let bad = carve()
        .args([
            "plan",
            "samples/express",
            "--log",
            "tests/fixtures/logs/express-2d.log.gz",
            "--emit",
            "pulumi",
            "x",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("sam, terraform, cloudrun"));
    let _ = std::fs::remove_dir_all(&dir);
}
