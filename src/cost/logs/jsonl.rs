//! JSON lines: Google Cloud HTTP(S) load-balancer records (`httpRequest`
//! with `requestMethod`, `requestUrl`, `status`, `responseSize`, `latency`
//! as `"0.123s"`, and the entry's `timestamp`), and the generic shape
//! documented in docs/cost.md:
//! `{"timestamp": "2026-11-01T10:00:00Z" | epoch seconds, "method": "GET",
//!   "path": "/x?y", "status": 200, "duration_ms": 12.5, "bytes": 512}`.

use super::{cow_url_path, parse_any_time, Line, Request};
use serde::Deserialize;
use std::borrow::Cow;

#[derive(Deserialize)]
struct Record<'a> {
    #[serde(borrow, rename = "httpRequest")]
    http_request: Option<GcpRequest<'a>>,
    #[serde(borrow)]
    timestamp: Option<Stamp<'a>>,
    #[serde(borrow)]
    method: Option<Cow<'a, str>>,
    #[serde(borrow)]
    path: Option<Cow<'a, str>>,
    status: Option<u16>,
    duration_ms: Option<f64>,
    bytes: Option<u64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GcpRequest<'a> {
    #[serde(borrow)]
    request_method: Option<Cow<'a, str>>,
    #[serde(borrow)]
    request_url: Option<Cow<'a, str>>,
    status: Option<u16>,
    #[serde(borrow)]
    response_size: Option<Stamp<'a>>,
    #[serde(borrow)]
    latency: Option<Cow<'a, str>>,
}

/// A string or a number (JSON writers disagree on timestamps and int64).
#[derive(Deserialize)]
#[serde(untagged)]
enum Stamp<'a> {
    Text(#[serde(borrow)] Cow<'a, str>),
    Number(f64),
}

impl Stamp<'_> {
    fn time_us(&self) -> Option<i64> {
        match self {
            Stamp::Text(t) => parse_any_time(t),
            Stamp::Number(n) => parse_any_time(&n.to_string()),
        }
    }

    fn count(&self) -> Option<u64> {
        match self {
            Stamp::Text(t) => t.parse().ok(),
            Stamp::Number(n) => (*n >= 0.0).then_some(*n as u64),
        }
    }
}

pub fn parse_line(line: &str) -> Result<Line<'_>, &'static str> {
    let record: Record<'_> =
        serde_json::from_str(line).map_err(|_| "not a JSON object of the known shapes")?;
    let start_us = record
        .timestamp
        .as_ref()
        .ok_or("no timestamp")?
        .time_us()
        .ok_or("timestamp is neither RFC 3339 nor epoch seconds")?;
    let (method, target, status, duration_us, bytes) = match record.http_request {
        Some(h) => (
            h.request_method,
            h.request_url,
            h.status,
            h.latency
                .as_deref()
                .and_then(|l| l.strip_suffix('s'))
                .and_then(super::seconds_us),
            h.response_size.as_ref().and_then(Stamp::count),
        ),
        None => (
            record.method,
            record.path,
            record.status,
            record
                .duration_ms
                .filter(|d| *d >= 0.0 && d.is_finite())
                .map(|d| (d * 1000.0).round() as u64),
            record.bytes,
        ),
    };
    let method = method.ok_or("no method")?;
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err("method is not an HTTP method");
    }
    let path = cow_url_path(target.ok_or("no path or URL")?).ok_or("URL has no path")?;
    Ok(Line::Request(Request {
        method,
        path,
        status: status.unwrap_or(0),
        start_us,
        duration_us,
        bytes,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(line: &str) -> Request<'_> {
        match parse_line(line) {
            Ok(Line::Request(r)) => r,
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn gcp_load_balancer_record() {
        let r = req(
            r#"{"httpRequest":{"requestMethod":"GET","requestUrl":"https://shop.example.com/api/items/3?x=\"1\"","requestSize":"89","status":200,"responseSize":"5120","userAgent":"curl","remoteIp":"2001:db8::2","latency":"0.125341s"},"insertId":"x","timestamp":"2026-11-01T10:00:00.5Z","severity":"INFO"}"#,
        );
        assert_eq!(
            (&*r.method, &*r.path, r.status),
            ("GET", "/api/items/3", 200)
        );
        assert_eq!((r.duration_us, r.bytes), (Some(125_341), Some(5120)));
    }

    #[test]
    fn generic_shape() {
        let r = req(
            r#"{"timestamp": 1793527200.25, "method": "POST", "path": "/api\/items", "status": 201, "duration_ms": 12.5}"#,
        );
        assert_eq!((&*r.method, &*r.path), ("POST", "/api/items"));
        assert_eq!(
            (r.start_us, r.duration_us, r.bytes),
            (1_793_527_200_250_000, Some(12_500), None)
        );
    }

    #[test]
    fn bad_records() {
        for line in [
            "{",
            r#"{"method": "GET", "path": "/"}"#,
            r#"{"timestamp": "yesterday", "method": "GET", "path": "/"}"#,
            r#"{"timestamp": 1, "method": "get it", "path": "/"}"#,
        ] {
            assert!(parse_line(line).is_err(), "{line}");
        }
    }
}
