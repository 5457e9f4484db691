//! Platform limits the traffic crosses: duration against API Gateway's 29 s
//! and Lambda's 15 min, responses against the 6 MB synchronous payload, peak
//! concurrency against the account's concurrent executions and, for routes
//! that open a database connection per request, against the database's
//! connection limit. Each one adjusts the route's verdict and says why.

use super::stats::FinishedStats;
use crate::assess::Verdict;
use crate::report::RouteReport;
use crate::rules::Kind;
use serde::Serialize;

const API_GATEWAY_TIMEOUT_US: u64 = 29_000_000;
const LAMBDA_TIMEOUT_US: u64 = 15 * 60 * 1_000_000;
const PAYLOAD_BYTES: u64 = 6 * 1024 * 1024;

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub account_concurrency: u32,
    pub db_max_connections: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LimitHit {
    pub limit: &'static str,
    pub message: String,
    /// The verdict this limit alone calls for.
    pub verdict: Verdict,
}

pub fn check(route: &RouteReport, stats: &FinishedStats, limits: &Limits) -> Vec<LimitHit> {
    let mut hits = Vec::new();
    let mut hit = |limit, verdict, message: String| {
        hits.push(LimitHit {
            limit,
            message,
            verdict,
        })
    };
    let max = stats.duration_us.quantile(1.0);
    let p99 = stats.duration_us.quantile(0.99);
    if max > LAMBDA_TIMEOUT_US {
        hit(
            "lambda-timeout",
            Verdict::Container,
            format!(
                "the longest request took {:.0} s, past Lambda's 15 min limit",
                max as f64 / 1e6
            ),
        );
    }
    if p99 > API_GATEWAY_TIMEOUT_US {
        hit(
            "api-gateway-timeout",
            Verdict::Refactor,
            format!(
                "p99 duration {:.1} s passes API Gateway's 29 s integration timeout: use a function URL or make the work asynchronous",
                p99 as f64 / 1e6
            ),
        );
    }
    let bytes = stats.bytes.quantile(0.99);
    if bytes > PAYLOAD_BYTES {
        hit(
            "payload",
            Verdict::Refactor,
            format!(
                "p99 response {:.1} MB passes the 6 MB synchronous payload limit: stream the response or hand out an object-storage URL",
                bytes as f64 / 1_048_576.0
            ),
        );
    }
    let peak = stats.peak_concurrency;
    if peak > limits.account_concurrency {
        hit(
            "account-concurrency",
            Verdict::Refactor,
            format!(
                "peak concurrency {peak} passes the account's {} concurrent executions: ask for a quota raise first",
                limits.account_concurrency
            ),
        );
    }
    let per_request = route
        .findings
        .iter()
        .any(|f| f.at.kind == Kind::ConnectionPerRequest && !f.cause);
    if per_request && peak > limits.db_max_connections {
        hit(
            "db-connections",
            Verdict::Refactor,
            format!(
                "at {peak} concurrent requests this route opens {peak} connections, past the database's {} (--db-max-connections): pool at init behind a proxy",
                limits.db_max_connections
            ),
        );
    }
    hits
}

/// The scan's verdict, made stricter by the limits the traffic crosses.
pub fn adjust(verdict: Verdict, hits: &[LimitHit]) -> Verdict {
    hits.iter().map(|h| h.verdict).fold(verdict, Verdict::max)
}
