//! `carve cost` and `carve plan` on a mutated access log: read (gzip or
//! not, the format forced or detected), matched to the routes of a real
//! scan, replayed, priced, planned and rendered. Every figure must be a
//! number (no NaN), every price non-negative.

use crate::mutate::Rng;
use carve::cost::imports::{route_imports, CodeImports};
use carve::cost::logs::{self, Format};
use carve::cost::plan::{self, Granularity, PlanInput};
use carve::cost::pricing::Pricing;
use carve::cost::traffic::{read_traffic, LogInput, Traffic};
use carve::cost::{self as costs, render, CostOptions};
use carve::report::Report;
use std::io::Write;

pub const TOKENS: &[&str] = &[
    "\n",
    "\r\n",
    " ",
    "\"",
    "\\\"",
    "-",
    ",",
    "[01/Jan/0001:00:00:00 +0000]",
    "[31/Dec/9999:23:59:59 +9999]",
    "\"GET / HTTP/1.1\"",
    "\"GET /%zz%00?%%% HTTP/1.1\"",
    " 99999999999999",
    " -1",
    " 1e308",
    " NaN",
    "18446744073709551616",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999Z",
    "{\"timestamp\": 1e300, ",
    "\"duration_ms\": -5, ",
    "\"latency\": \"-1s\"",
    "1000000000000,",
    ",-1,",
    "\u{0}",
    "\u{feff}",
    "https ",
    "h2 ",
    "bucket,method,path,count,total_ms,max_ms\n",
];
pub const NESTS: &[(&str, &str)] = &[("{\"a\":", "}"), ("[", "]"), ("\"", "\"")];

pub struct Target {
    format: Format,
    pub corpus: Vec<Vec<u8>>,
    report: Report,
    imports: CodeImports,
    pricing: Pricing,
    options: CostOptions,
}

impl Target {
    pub fn new(format: Format) -> Target {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/flask");
        let rules = carve::rules::RuleSet::builtin().expect("built-in rules");
        let scanned = carve::scan::scan(&carve::discover::ScanConfig::new(root), &rules)
            .expect("the sample scans");
        let paths: Vec<(String, String)> = costs::route_keys(&scanned.report)
            .into_iter()
            .map(|(m, p)| (m.to_string(), concrete(p)))
            .collect();
        let corpus = (0..6u64)
            .map(|seed| seed_log(format, &paths, &mut Rng::for_input(seed, 0)))
            .collect();
        Target {
            format,
            corpus,
            imports: route_imports(&scanned.program),
            report: scanned.report,
            pricing: Pricing::load(&[]).expect("built-in prices"),
            options: CostOptions::default(),
        }
    }

    /// Now and then the log is gzipped, as `--log access.log.gz` reads it.
    pub fn maybe_gzip(&self, rng: &mut Rng, log: Vec<u8>) -> Vec<u8> {
        if !rng.one_in(16) {
            return log;
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = gz.write_all(&log);
        let mut out = gz.finish().unwrap_or(log);
        if rng.one_in(2) {
            // A truncated or damaged archive.
            let at = rng.below(out.len());
            if rng.one_in(2) {
                out.truncate(at);
            } else {
                out[at] ^= 0x20;
            }
        }
        out
    }

    fn read(
        &self,
        input: &[u8],
        units: &[carve::cost::traffic::UnitSpec],
    ) -> Result<Traffic, String> {
        // The format is forced for even lengths, detected for odd ones.
        let forced = input.len().is_multiple_of(2).then_some(self.format);
        let reader =
            logs::decompress(std::io::Cursor::new(input.to_vec())).map_err(|e| e.to_string())?;
        let routes = costs::route_keys(&self.report);
        Ok(read_traffic(
            vec![LogInput {
                name: "access.log".into(),
                reader,
            }],
            &routes,
            units,
            &self.options.traffic_config(forced, &self.report),
        ))
    }

    pub fn check(&self, input: &[u8]) -> Result<String, String> {
        let n_routes = self.report.routes.len();
        let traffic = self.read(input, &costs::cost_units(n_routes))?;
        let cost = costs::build_cost(&self.report, &traffic, &self.pricing, &self.options);
        let p = &cost.totals.prices;
        for price in p.each() {
            if !(price.total_usd.is_finite() && price.total_usd >= 0.0) {
                return Err(format!("a total price of {}", price.total_usd));
            }
        }
        render::cost_text(&cost);
        render::cost_markdown(&cost);
        check_json(&render::json(&cost))?;

        let units = plan::units(&self.report, Granularity::Module);
        let traffic = self.read(input, &plan::replay_units(&units, n_routes))?;
        let cost = costs::build_cost(&self.report, &traffic, &self.pricing, &self.options);
        let plan = plan::build_plan(&PlanInput {
            report: &self.report,
            units: &units,
            traffic: &traffic,
            cost: &cost,
            pricing: &self.pricing,
            options: &self.options,
            granularity: Granularity::Module,
            imports: &self.imports,
        });
        render::plan_text(&plan);
        render::plan_markdown(&plan);
        check_json(&render::json(&plan))?;
        let read = &cost.log.files;
        Ok(match read.first() {
            Some(f) if f.records > 0 && f.malformed > 0 => "records and malformed lines".into(),
            Some(f) if f.records > 0 => "records only".into(),
            Some(f) if f.stopped.is_some() => "stopped early".into(),
            _ => "no records".into(),
        })
    }
}

/// Fields that may be absent (`Option`s of the cost and plan reports);
/// any other null in the JSON is a NaN or an infinity serde wrote as null.
const MAY_BE_NULL: &[&str] = &[
    "bytes",
    "cloud_run_cold_starts_per_month",
    "cloud_run_peak_instances",
    "duration_us",
    "first",
    "first_us",
    "format",
    "init_ms",
    "largest_gap",
    "last",
    "last_us",
    "monthly_saving_usd",
    "package",
    "run",
    "stopped",
];

fn check_json(text: &str) -> Result<(), String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("the JSON report is not JSON: {e}"))?;
    match null_number(&value, "") {
        Some(at) => Err(format!("a figure that is not a number at {at}")),
        None => Ok(()),
    }
}

/// The path of the first null outside `MAY_BE_NULL`.
fn null_number(value: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value;
    match value {
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            if v.is_null() {
                (!MAY_BE_NULL.contains(&k.as_str())).then(|| format!("{at}.{k}"))
            } else {
                null_number(v, &format!("{at}.{k}"))
            }
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| null_number(v, &format!("{at}[{i}]"))),
        _ => None,
    }
}

/// A route path with each parameter replaced by a value.
fn concrete(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            if seg.starts_with(['<', '{', ':', '[']) {
                "42"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// A log of the sample's routes in `format`: a few lines to a few
/// hundred, over minutes to days.
fn seed_log(format: Format, routes: &[(String, String)], rng: &mut Rng) -> Vec<u8> {
    let n = 3 + rng.below(300);
    let span_s = 60 + rng.below(3 * 86_400) as i64;
    let start = 1_793_404_800i64; // 2026-11-01T00:00:00Z
    let mut out = String::new();
    if format == Format::Aggregate {
        out.push_str("bucket,method,path,count,total_ms,max_ms\n");
    }
    let mut times: Vec<i64> = (0..n)
        .map(|_| start + rng.below(span_s as usize) as i64)
        .collect();
    times.sort();
    for t in times {
        let (method, path) = rng.pick(routes);
        let ms = 1 + rng.below(3_000);
        let status = *rng.pick(&[200, 201, 204, 302, 404, 500]);
        out.push_str(&line(format, t, method, path, ms, status, rng));
        out.push('\n');
    }
    out.into_bytes()
}

fn line(
    format: Format,
    t: i64,
    method: &str,
    path: &str,
    ms: usize,
    status: u16,
    rng: &mut Rng,
) -> String {
    let (date, clock) = civil(t);
    let iso = format!("{date}T{clock}.{:06}Z", rng.below(1_000_000));
    let bytes = rng.below(100_000);
    match format {
        Format::Combined => {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            let (y, m, d) = (&date[0..4], &date[5..7], &date[8..10]);
            let month = months[m.parse::<usize>().unwrap_or(1).clamp(1, 12) - 1];
            format!(
                "10.0.{}.{} - - [{d}/{month}/{y}:{clock} +0000] \"{method} {path} HTTP/1.1\" {status} {bytes} \"-\" \"curl/8.5\" {:.3}",
                rng.below(256),
                rng.below(256),
                ms as f64 / 1000.0
            )
        }
        Format::Alb => format!(
            "https {iso} app/shop/50dc6c495c0c9188 10.0.0.{}:{} 10.0.1.5:8080 0.000 {:.3} 0.000 {status} {status} 120 {bytes} \
             \"{method} https://shop.example.com:443{path} HTTP/1.1\" \"okhttp/4.12.0\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 \
             arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop/73e2d6bc24d8a067 \
             \"Root=1-58337281-1d84f3d73c47ec4e58577259\" \"shop.example.com\" \"-\" 1 {iso} \"forward\" \"-\" \"-\" \
             \"10.0.1.5:8080\" \"{status}\" \"-\" \"-\"",
            rng.below(256),
            1024 + rng.below(60_000),
            ms as f64 / 1000.0
        ),
        Format::Jsonl if rng.one_in(2) => format!(
            "{{\"httpRequest\": {{\"requestMethod\": \"{method}\", \"requestUrl\": \"https://shop.example.com{path}\", \
             \"status\": {status}, \"responseSize\": \"{bytes}\", \"latency\": \"{:.6}s\"}}, \"timestamp\": \"{iso}\"}}",
            ms as f64 / 1000.0
        ),
        Format::Jsonl => format!(
            "{{\"timestamp\": \"{iso}\", \"method\": \"{method}\", \"path\": \"{path}\", \"status\": {status}, \
             \"duration_ms\": {ms}.5, \"bytes\": {bytes}}}"
        ),
        Format::Aggregate => {
            let count = 1 + rng.below(500);
            format!("{date} {clock},{method},{path},{count},{},{ms}", count * ms / 2)
        }
    }
}

/// (YYYY-MM-DD, HH:MM:SS) of a Unix time, through carve's own formatting.
fn civil(t: i64) -> (String, String) {
    let iso = carve::cost::logs::format_time(t.saturating_mul(1_000_000));
    let (date, clock) = iso.split_once('T').unwrap_or((&iso, ""));
    (date.to_string(), clock.trim_end_matches('Z').to_string())
}
