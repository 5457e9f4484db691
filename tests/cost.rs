//! `carve cost` and `carve plan`: a hand-computable log priced by the
//! formulas of the pricing pages, snapshots of both commands on a sample
//! with a generated log, and bad input through the command line.

mod common;

use assert_cmd::Command;
use carve::cost::logs::Format;
use carve::cost::plan::{self, Granularity};
use carve::cost::pricing::Pricing;
use carve::cost::traffic::{read_traffic, LogInput, Traffic};
use carve::cost::{build_cost, route_keys, CostOptions, CostReport};
use carve::report::Report;
use common::{sample, scan_sample, temp_dir};
use std::path::{Path, PathBuf};

const T0: &str = "01/Nov/2026:10:00";

/// Four requests to `GET /health` over exactly one hour, Apache `%D`
/// durations (the log time is the start): 0.2 s at 0 s, 0.1 s at 10 s,
/// 0.3 s at 400 s, 0.1 s at 3600 s; and one request no route serves.
fn hand_log() -> String {
    [
        format!(r#"10.0.0.1 - - [{T0}:00 +0000] "GET /health HTTP/1.1" 200 100 "-" "ua" 200000"#),
        format!(r#"10.0.0.1 - - [{T0}:10 +0000] "GET /health?probe=1 HTTP/1.1" 200 100 "-" "ua" 100000"#),
        format!(r#"10.0.0.1 - - [{T0}:10 +0000] "GET /nope/42 HTTP/1.1" 404 0 "-" "ua" 100"#),
        r#"10.0.0.1 - - [01/Nov/2026:10:06:40 +0000] "GET /health/ HTTP/1.1" 200 100 "-" "ua" 300000"#.to_string(),
        r#"10.0.0.1 - - [01/Nov/2026:11:00:00 +0000] "HEAD /health HTTP/1.1" 200 0 "-" "ua" 100000"#.to_string(),
    ]
    .join("\n")
        + "\n"
}

fn input(name: &str, text: String) -> LogInput {
    LogInput {
        name: name.to_string(),
        reader: Box::new(std::io::Cursor::new(text.into_bytes())),
    }
}

fn cost_of(report: &Report, inputs: Vec<LogInput>, options: &CostOptions) -> (Traffic, CostReport) {
    let pricing = Pricing::load(&[]).expect("pricing loads");
    let routes = route_keys(report);
    let units = carve::cost::cost_units(routes.len());
    let traffic = read_traffic(
        inputs,
        &routes,
        &units,
        &options.traffic_config(None, report),
    );
    let cost = build_cost(report, &traffic, &pricing, options);
    (traffic, cost)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 + b.abs() * 1e-6
}

#[test]
fn a_hand_computed_log() {
    let report = scan_sample("express");
    let options = CostOptions::default();
    let (_, cost) = cost_of(&report, vec![input("hand.log", hand_log())], &options);
    let p = Pricing::load(&[]).unwrap();
    assert_eq!((cost.log.matched, cost.log.unmatched), (4, 1));
    assert_eq!(cost.log.top_unmatched[0].request, "GET /nope/{n}");
    assert!(close(cost.log.span_hours, 1.0));
    assert!(close(cost.log.month_factor, 730.0));
    let r = cost
        .routes
        .iter()
        .find(|r| r.id == "GET /health")
        .expect("route");
    let t = &r.traffic;
    assert_eq!(t.requests, 4);
    assert!(close(t.requests_per_month, 2920.0));
    assert_eq!(t.peak_concurrency, 1);
    // Lambda (idle 360 s, init 400 ms): cold at 0 s; warm at 10 s (free
    // since 0.6 s); cold at 400 s (idle 389.9 s); cold at 3600 s.
    assert_eq!(t.lambda_cold_starts, 3);
    assert!(close(t.lambda_cold_starts_per_month, 3.0 * 730.0));
    assert!(close(t.lambda_cold_start_share, 0.75));
    assert!(close(t.duration.max_ms, 300.0));

    let month = 730.0;
    let gb = 0.5;
    let x86 = &r.prices.lambda_x86;
    let rate = &p.lambda_x86;
    assert!(close(
        x86.requests_usd,
        4.0 * month * rate.per_million_requests / 1e6
    ));
    assert!(close(
        x86.compute_usd,
        0.7 * month * gb * rate.per_gb_second
    ));
    assert!(close(
        x86.init_usd,
        3.0 * 0.4 * month * gb * rate.per_gb_second
    ));
    assert_eq!(x86.gateway_usd, 0.0);
    assert!(close(
        x86.total_usd,
        x86.requests_usd + x86.compute_usd + x86.init_usd
    ));
    // $0.000584 + $0.0042583 + $0.0073000
    assert!(close(
        x86.total_usd,
        0.000584 + 0.7 * 730.0 * 0.5 * 0.0000166667 + 1.2 * 730.0 * 0.5 * 0.0000166667
    ));

    let arm = &r.prices.lambda_arm;
    assert!(close(
        arm.compute_usd,
        0.7 * month * gb * p.lambda_arm.per_gb_second
    ));

    // Azure: each execution at least 100 ms, memory in 128 MB steps.
    let az = &r.prices.azure_functions;
    assert!(close(
        az.compute_usd,
        0.7 * month * gb * p.azure_functions.per_gb_second
    ));

    // Cloud Run (concurrency 80, idle 900 s): one instance busy 0.6 s
    // (init + 0.2), 0.1 s, 0.3 s, then idle 3199.7 s so a second instance
    // busy 0.5 s: 1.5 s billable. Lifetimes: 0 → 400.3 + 900 s, and
    // 3600 → 3600.5 + 900 s: 2200.8 s.
    let run = &p.cloud_run_request;
    let per_s = run.vcpu * run.per_vcpu_second + gb * run.per_gib_second;
    assert!(close(
        r.prices.cloud_run_request.compute_usd,
        1.5 * month * per_s
    ));
    assert!(close(
        r.prices.cloud_run_request.requests_usd,
        4.0 * month * run.per_million_requests / 1e6
    ));
    let inst = &p.cloud_run_instance;
    let per_s = inst.vcpu * inst.per_vcpu_second + gb * inst.per_gib_second;
    assert!(close(
        r.prices.cloud_run_instance.total_usd,
        2200.8 * month * per_s
    ));

    // Fargate: one task always on.
    let f = &p.fargate;
    assert!(close(
        r.prices.fargate.total_usd,
        (f.vcpu * f.per_vcpu_hour + f.memory_gb * f.per_gb_hour) * 730.0
    ));
    assert!(r.limits.is_empty());
}

#[test]
fn api_gateway_and_free_tier_when_asked() {
    let report = scan_sample("express");
    let options = CostOptions {
        api_gateway: true,
        free_tier: true,
        ..CostOptions::default()
    };
    let (_, cost) = cost_of(&report, vec![input("hand.log", hand_log())], &options);
    let p = Pricing::load(&[]).unwrap();
    let r = cost.routes.iter().find(|r| r.id == "GET /health").unwrap();
    assert!(close(
        r.prices.lambda_x86.gateway_usd,
        4.0 * 730.0 * p.api_gateway_http.per_million_requests / 1e6
    ));
    // A few thousand requests a month fit in every free tier.
    assert_eq!(cost.totals.prices.lambda_x86.requests_usd, 0.0);
    assert_eq!(cost.totals.prices.lambda_x86.compute_usd, 0.0);
    assert!(cost.totals.prices.lambda_x86.gateway_usd > 0.0);
}

#[test]
fn files_of_a_fleet_merge_by_time() {
    let report = scan_sample("express");
    let line = |t: &str, d: u32| {
        format!(
            r#"10.0.0.1 - - [01/Nov/2026:10:00:{t} +0000] "GET /health HTTP/1.1" 200 1 "-" "ua" {d}"#
        )
    };
    // Two servers, each busy with a 5 s request at overlapping times.
    let a = format!("{}\n{}\n", line("00", 5_000_000), line("20", 100));
    let b = format!("{}\n{}\n", line("02", 5_000_000), line("30", 100));
    let options = CostOptions::default();
    let (traffic, cost) = cost_of(
        &report,
        vec![input("a.log", a), input("b.log", b)],
        &options,
    );
    let r = cost.routes.iter().find(|r| r.id == "GET /health").unwrap();
    assert_eq!(r.traffic.peak_concurrency, 2);
    assert_eq!(r.traffic.lambda_cold_starts, 2);
    assert_eq!(traffic.files.len(), 2);
    assert!(
        cost.log
            .warnings
            .iter()
            .any(|w| w.contains("under an hour")),
        "{:?}",
        cost.log.warnings
    );
}

#[test]
fn out_of_order_lines_and_limits() {
    let report = scan_sample("express");
    let line = |t: &str, d: u64, bytes: u64| {
        format!(
            r#"10.0.0.1 - - [01/Nov/2026:{t} +0000] "POST /api/orders HTTP/1.1" 200 {bytes} "-" "ua" {d}"#
        )
    };
    let mut lines = Vec::new();
    // 150 requests of 60 s, 1 s apart, logged in reverse within each minute.
    for m in 0..3 {
        for s in (0..50).rev() {
            lines.push(line(&format!("10:{m:02}:{s:02}"), 60_000_000, 7 << 20));
        }
    }
    let options = CostOptions::default();
    let (traffic, cost) = cost_of(&report, vec![input("o.log", lines.join("\n"))], &options);
    assert!(traffic.files[0].out_of_order > 0);
    assert_eq!(cost.log.late, 0);
    let r = cost
        .routes
        .iter()
        .find(|r| r.id == "POST /api/orders")
        .unwrap();
    assert_eq!(r.traffic.requests, 150);
    let limits: Vec<&str> = r.limits.iter().map(|l| l.limit).collect();
    assert_eq!(limits, ["api-gateway-timeout", "payload"]);
    // 60 overlapping requests of a route that connects per request.
    let options = CostOptions {
        db_max_connections: 20,
        ..CostOptions::default()
    };
    let (_, cost) = cost_of(&report, vec![input("o.log", lines.join("\n"))], &options);
    let r = cost.routes.iter().find(|r| r.id == "GET /api/orders");
    assert!(r.is_some());
    let post = cost
        .routes
        .iter()
        .find(|r| r.id == "POST /api/orders")
        .unwrap();
    assert!(
        post.traffic.peak_concurrency >= 50,
        "{}",
        post.traffic.peak_concurrency
    );
}

#[test]
fn aggregate_rows_spread_over_their_bucket() {
    let report = scan_sample("express");
    let csv = "bucket,method,path,count,total_ms,max_ms\n\
               2026-11-01 10:00:00,GET,/health,60,6000,1000\n\
               2026-11-01 11:00:00,GET,/health,1,50,50\n";
    let options = CostOptions::default();
    let pricing = Pricing::load(&[]).unwrap();
    let routes = route_keys(&report);
    let traffic = read_traffic(
        vec![input("agg.csv", csv.to_string())],
        &routes,
        &[],
        &options.traffic_config(Some(Format::Aggregate), &report),
    );
    let cost = build_cost(&report, &traffic, &pricing, &options);
    let r = cost.routes.iter().find(|r| r.id == "GET /health").unwrap();
    assert_eq!(r.traffic.requests, 61);
    assert!(
        close(r.traffic.duration.max_ms, 1000.0)
            || (r.traffic.duration.max_ms - 1000.0).abs() < 10.0
    );
    // 1 s apart, the first runs 1 s (+ init): a second instance once.
    assert_eq!(r.traffic.lambda_cold_starts, 3);
}

fn fixture_log() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logs/express-2d.log.gz")
}

fn carve() -> Command {
    let mut cmd = Command::cargo_bin("carve").unwrap();
    cmd.env("NO_COLOR", "1")
        .env("CARVE_CACHE_DIR", common::cache_dir());
    cmd
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = carve()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn cost_and_plan_on_a_sample() {
    let base = [
        "samples/express",
        "--log",
        "tests/fixtures/logs/express-2d.log.gz",
    ];
    let (code, text, _) = run(&[&["cost"][..], &base].concat());
    assert_eq!(code, 0);
    insta::assert_snapshot!("cost_text@express", text);
    let (code, text, _) = run(&[&["plan"][..], &base, &["--format", "markdown"]].concat());
    assert_eq!(code, 0);
    insta::assert_snapshot!("plan_markdown@express", text);
    let (code, text, _) = run(&[
        &["plan"][..],
        &base,
        &["--format", "json", "--granularity", "route"],
    ]
    .concat());
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    insta::assert_json_snapshot!("plan_json_route@express", json);
}

#[test]
fn module_grouping_cuts_cold_starts() {
    let report = scan_sample("express");
    let units = plan::units(&report, Granularity::Module);
    let n = report.routes.len();
    assert_eq!(units.iter().map(|u| u.routes.len()).sum::<usize>(), n);
    let options = CostOptions::default();
    let pricing = Pricing::load(&[]).unwrap();
    let routes = route_keys(&report);
    let file = std::fs::File::open(fixture_log()).unwrap();
    let reader = carve::cost::logs::decompress(std::io::BufReader::new(file)).unwrap();
    let replay = plan::replay_units(&units, n);
    let traffic = read_traffic(
        vec![LogInput {
            name: "fixture".into(),
            reader,
        }],
        &routes,
        &replay,
        &options.traffic_config(None, &report),
    );
    let cost = build_cost(&report, &traffic, &pricing, &options);
    let plan = plan::build_plan(&plan::PlanInput {
        report: &report,
        units: &units,
        traffic: &traffic,
        cost: &cost,
        pricing: &pricing,
        options: &options,
        granularity: Granularity::Module,
        imports: &Default::default(),
    });
    assert!(!plan.functions.is_empty());
    for f in &plan.functions {
        assert!(
            f.traffic.lambda_cold_starts_per_month
                <= f.lambda_cold_starts_per_month_if_one_per_route + 1e-9,
            "{}",
            f.name
        );
    }
    let routes_in_plan =
        plan.functions.iter().map(|f| f.routes.len()).sum::<usize>() + plan.container.routes.len();
    assert_eq!(routes_in_plan, n);
}

#[test]
fn bad_input_is_counted_never_fatal() {
    let dir = temp_dir("cost-bad");
    let express = sample("express");
    let mut text = hand_log();
    text.push_str("garbage line\n\u{0}\u{1}\n{\"timestamp\": 1793527200, \"method\": \"GET\", \"path\": \"/health\"}\n");
    let bad = dir.join("bad.log");
    std::fs::write(&bad, &text).unwrap();
    let (code, out, _) = run(&[
        "cost",
        express.to_str().unwrap(),
        "--log",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("3 malformed"), "{out}");
    assert!(
        out.contains("line 6: not a line of any known log format") || out.contains("line 6:"),
        "{out}"
    );
    assert!(out.contains("mixed formats"), "{out}");

    // A truncated .gz keeps what it read and says where it stopped.
    let gz = std::fs::read(fixture_log()).unwrap();
    let cut = dir.join("cut.log.gz");
    std::fs::write(&cut, &gz[..gz.len() / 2]).unwrap();
    let (code, out, _) = run(&[
        "cost",
        express.to_str().unwrap(),
        "--log",
        cut.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let file = &json["log"]["files"][0];
    assert!(
        file["stopped"]
            .as_str()
            .unwrap()
            .starts_with("stopped after line"),
        "{file}"
    );
    assert!(file["records"].as_u64().unwrap() > 100);

    // A log that matches no route says so.
    let other = dir.join("other.log");
    std::fs::write(
        &other,
        format!(r#"10.0.0.1 - - [{T0}:00 +0000] "GET /wp-admin HTTP/1.1" 404 0"#),
    )
    .unwrap();
    let (code, out, _) = run(&[
        "cost",
        express.to_str().unwrap(),
        "--log",
        other.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("no request matched a route"), "{out}");
    assert!(out.contains("GET /wp-admin"), "{out}");

    // A missing log or a broken price table is a usage error.
    let (code, _, err) = run(&[
        "cost",
        express.to_str().unwrap(),
        "--log",
        "/nonexistent/x.log",
    ]);
    assert_eq!(code, 2, "{err}");
    let prices = dir.join("p.toml");
    std::fs::write(&prices, "[fargate]\nper_cpu_hour = 1\n").unwrap();
    let (code, _, err) = run(&[
        "cost",
        express.to_str().unwrap(),
        "--log",
        bad.to_str().unwrap(),
        "--pricing",
        prices.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("p.toml"), "{err}");
    let (code, _, _) = run(&["cost", express.to_str().unwrap()]);
    assert_eq!(code, 2);
}

#[test]
fn memory_per_route_from_the_config() {
    let dir = temp_dir("cost-config");
    std::fs::write(
        dir.join("app.py"),
        "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/a/<int:id>')\ndef a(id):\n    return 'a'\n\n@app.get('/b')\ndef b():\n    return 'b'\n",
    )
    .unwrap();
    std::fs::write(dir.join("requirements.txt"), "flask\n").unwrap();
    std::fs::create_dir_all(dir.join(".carve")).unwrap();
    std::fs::write(
        dir.join(".carve/config.toml"),
        "[cost.memory_mb]\n\"GET /a/<int:id>\" = 2048\n",
    )
    .unwrap();
    let log = dir.join("a.log");
    std::fs::write(&log, hand_log().replace("/health", "/a/7")).unwrap();
    let (code, out, err) = run(&[
        "cost",
        dir.to_str().unwrap(),
        "--log",
        log.to_str().unwrap(),
        "--format",
        "json",
        "--memory-mb",
        "256",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let memory: Vec<(String, u64, String)> = json["routes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["memory_mb"].as_u64().unwrap(),
                r["memory_source"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        memory,
        [
            ("GET /a/<int:id>".to_string(), 2048, "config".to_string()),
            ("GET /b".to_string(), 256, "--memory-mb".to_string())
        ]
    );
    std::fs::write(
        dir.join(".carve/config.toml"),
        "[cost.memory_mb]\n\"GET /c\" = 2048\n",
    )
    .unwrap();
    let (code, _, err) = run(&[
        "cost",
        dir.to_str().unwrap(),
        "--log",
        log.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no route `GET /c`"), "{err}");
}

#[test]
fn right_sizing_functions_in_production() {
    let dir = temp_dir("cost-lambda");
    let mut text = String::new();
    for i in 0..200 {
        let init = if i % 50 == 0 {
            "\tInit Duration: 310.20 ms"
        } else {
            ""
        };
        text.push_str(&format!(
            "2026-11-01T10:{:02}:00.000Z REPORT RequestId: r{i}\tDuration: 40.10 ms\tBilled Duration: 41 ms\tMemory Size: 2048 MB\tMax Memory Used: {} MB{init}\n",
            i % 60,
            300 + i % 100
        ));
    }
    let file = dir.join("orders-api.log");
    std::fs::write(&file, text).unwrap();
    let (code, out, err) = run(&[
        "cost",
        "samples/express",
        "--lambda-report",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = &json["lambda_functions"][0];
    assert_eq!(f["function"], "orders-api");
    assert_eq!(f["invocations"], 200);
    assert_eq!(f["cold_starts"], 4);
    // p99 of max memory used is 399 MB (1% resolution): × 1.3 → 576 MB.
    assert_eq!(f["max_memory_used_p99_mb"], 399);
    assert_eq!(f["recommended_memory_mb"], 576);
    assert!(f["monthly_saving_usd"].as_f64().unwrap() > 0.0);
}

#[test]
fn measured_footprints_size_heavy_routes() {
    use carve::cost::memory::size_route;
    use carve::footprints::footprints;
    let report = scan_sample("flask");
    let options = CostOptions::default();
    let heavy = report
        .routes
        .iter()
        .find(|r| r.cold_start.packages == ["pandas"])
        .expect("a flask route imports pandas");
    let pandas = footprints()
        .package
        .iter()
        .find(|p| p.name == "pandas")
        .unwrap();
    let python = &footprints().runtime["python"];
    let sizing = size_route(heavy, &options);
    assert_eq!(sizing.init_ms, 400 + pandas.import_ms.round() as u64);
    assert!(
        sizing.memory_source.starts_with("estimate: runtime"),
        "{}",
        sizing.memory_source
    );
    let wanted = (((python.rss_mb + pandas.rss_mb) * 1.5).ceil() as u32).div_ceil(128) * 128;
    assert_eq!(sizing.memory_mb, wanted.max(512));
    // --memory-mb wins over the estimate; the init time stays measured.
    let flagged = CostOptions {
        memory_mb: 1024,
        memory_source: "--memory-mb",
        ..CostOptions::default()
    };
    let sizing = size_route(heavy, &flagged);
    assert_eq!(
        (sizing.memory_mb, sizing.memory_source.as_str()),
        (1024, "--memory-mb")
    );
    // A package nobody measured leaves the defaults, and says so.
    let express = scan_sample("express");
    let browser = express
        .routes
        .iter()
        .find(|r| r.cold_start.packages.iter().any(|p| p == "puppeteer"))
        .expect("an express route launches puppeteer");
    let sizing = size_route(browser, &options);
    assert_eq!((sizing.memory_mb, sizing.init_ms), (512, 400));
    assert!(
        sizing.memory_source.contains("not measured: puppeteer"),
        "{}",
        sizing.memory_source
    );
}

#[test]
fn concatenated_gzip_members_are_one_log() {
    use flate2::write::GzEncoder;
    use std::io::Write;
    // Two members, as `cat a.gz b.gz` makes: the first line, then the rest.
    let log = hand_log();
    let (a, b) = log.split_at(log.find('\n').unwrap() + 1);
    let mut bytes = Vec::new();
    for part in [a, b] {
        let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(part.as_bytes()).unwrap();
        bytes.extend(gz.finish().unwrap());
    }
    let reader = carve::cost::logs::decompress(std::io::Cursor::new(bytes)).unwrap();
    let report = scan_sample("express");
    let options = CostOptions::default();
    let (_, cost) = cost_of(
        &report,
        vec![LogInput {
            name: "two.gz".into(),
            reader,
        }],
        &options,
    );
    assert_eq!((cost.log.matched, cost.log.unmatched), (4, 1));
}

#[test]
fn fail_on_limit_exits_1() {
    let dir = temp_dir("cost-fail-on");
    // One 40 s request: past API Gateway's 29 s.
    let log = dir.join("slow.log");
    std::fs::write(
        &log,
        format!(r#"10.0.0.1 - - [{T0}:00 +0000] "GET /health HTTP/1.1" 200 1 "-" "ua" 40000000"#),
    )
    .unwrap();
    let args = ["cost", "samples/express", "--log", log.to_str().unwrap()];
    let (code, out, _) = run(&args);
    assert_eq!(code, 0);
    assert!(out.contains("api-gateway-timeout"), "{out}");
    let (code, _, _) = run(&[&args[..], &["--fail-on", "limit"]].concat());
    assert_eq!(code, 1);
    let (code, _, _) = run(&[
        "cost",
        "samples/express",
        "--log",
        "tests/fixtures/logs/express-2d.log.gz",
        "--fail-on",
        "limit",
    ]);
    assert_eq!(code, 0);
}

/// A prefix the code reads from the environment with no default is `{NAME}`
/// in the report, one segment of any value, so a logged path whose prefix has
/// two (`/api/v2/health`) matches none of its routes; `--define` (or
/// `[define]` in the config) gives it the deployed value, which the scan,
/// `cost` and `plan` all use, and the report says where the value came from.
#[test]
fn a_defined_prefix_reaches_the_log() {
    let dir = temp_dir("cost-define");
    std::fs::write(
        dir.join("app.py"),
        "import os\nfrom flask import Flask, Blueprint\n\nPREFIX = os.environ['API_PREFIX']\n\napi = Blueprint('api', __name__)\n\n@api.get('/health')\ndef health():\n    return 'ok'\n\napp = Flask(__name__)\napp.register_blueprint(api, url_prefix=PREFIX)\n",
    )
    .unwrap();
    std::fs::write(dir.join("requirements.txt"), "flask\n").unwrap();
    let log = dir.join("a.log");
    std::fs::write(&log, hand_log().replace("/health", "/api/v2/health")).unwrap();
    let requests = |extra: &[&str]| {
        let mut args = vec![
            "cost",
            dir.to_str().unwrap(),
            "--log",
            log.to_str().unwrap(),
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        json["routes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["id"].as_str().unwrap().to_string(),
                    r["requests"].as_u64().unwrap(),
                )
            })
            .collect::<Vec<_>>()
    };
    let prefix_name = "API_PREFIX";
    let undefined = requests(&[]);
    assert_eq!(undefined.len(), 1, "{undefined:?}");
    assert!(undefined[0].0.contains('{'), "{undefined:?}");
    assert_eq!(undefined[0].1, 0, "{undefined:?}");
    let define = format!("{prefix_name}=/api/v2");
    assert_eq!(
        requests(&["--define", &define]),
        [("GET /api/v2/health".to_string(), 4)]
    );
    std::fs::create_dir_all(dir.join(".carve")).unwrap();
    std::fs::write(
        dir.join(".carve/config.toml"),
        format!("# deployed\n[define]\n{prefix_name} = \"/api/v2\"\n"),
    )
    .unwrap();
    assert_eq!(requests(&[]), [("GET /api/v2/health".to_string(), 4)]);
    let (code, out, err) = run(&[
        "scan",
        dir.to_str().unwrap(),
        "--format",
        "json",
        "--no-cache",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let prefix = &json["routes"][0]["prefixes"][0];
    assert_eq!(prefix["name"], "PREFIX", "{prefix}");
    assert_eq!(prefix["env"], "API_PREFIX", "{prefix}");
    assert_eq!(prefix["value"], "/api/v2", "{prefix}");
    assert_eq!(prefix["defined"], ".carve/config.toml:3", "{prefix}");
    // A flag replaces the config's value.
    let (_, out, _) = run(&[
        "scan",
        dir.to_str().unwrap(),
        "--format",
        "json",
        "--no-cache",
        "--define",
        &format!("{prefix_name}=/v3"),
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["routes"][0]["id"], "GET /v3/health");
    assert_eq!(json["routes"][0]["prefixes"][0]["defined"], "--define");
}
