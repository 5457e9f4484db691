//! The aggregate CSV that Athena or BigQuery produce from logs too big for
//! one machine (the SQL is in docs/cost.md): one row per time bucket, method
//! and path. Header and column order:
//!
//! `bucket,method,path,count,total_ms,max_ms`
//!
//! `bucket` is the bucket's start (RFC 3339, `2026-11-01 10:00:00.000`, a
//! trailing ` UTC`, or epoch seconds); the bucket length is `--bucket-seconds`.

use super::{parse_any_time, url_path, AggregateRow, Line};

pub const HEADER: &str = "bucket,method,path,count,total_ms,max_ms";

pub fn is_header(line: &str) -> bool {
    line.replace('"', "").trim() == HEADER
}

fn unquote(field: &str) -> &str {
    let f = field.trim();
    f.strip_prefix('"')
        .and_then(|f| f.strip_suffix('"'))
        .unwrap_or(f)
}

/// Milliseconds (with a fraction) in microseconds; `what` names the column.
fn ms_us(s: &str, what: &'static [&'static str; 2]) -> Result<u64, &'static str> {
    let [not_a_number, negative] = *what;
    let v: f64 = unquote(s).parse().map_err(|_| not_a_number)?;
    if !v.is_finite() {
        return Err(not_a_number);
    }
    if v < 0.0 {
        return Err(negative);
    }
    // Past u64 microseconds (584,000 years) is absurd anyway: the cast
    // saturates and the duration bound refuses it.
    Ok((v * 1000.0).round() as u64)
}

const TOTAL: &[&str; 2] = &["total_ms is not a number", "total_ms is negative"];
const MAX: &[&str; 2] = &["max_ms is not a number", "max_ms is negative"];

pub fn parse_line(line: &str) -> Result<Line<'_>, &'static str> {
    if is_header(line) {
        return Ok(Line::Skip);
    }
    let f: Vec<&str> = line.split(',').collect();
    let [bucket, method, path, count, total, max] = f[..] else {
        return Err("not 6 comma-separated fields (bucket,method,path,count,total_ms,max_ms)");
    };
    let bucket = unquote(bucket);
    let bucket_us = parse_any_time(bucket.strip_suffix(" UTC").unwrap_or(bucket))
        .ok_or("bucket is not a timestamp")?;
    let method = unquote(method);
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err("method is not an HTTP method");
    }
    let path = url_path(unquote(path)).ok_or("path does not start with /")?;
    let count = unquote(count)
        .parse()
        .map_err(|_| "count is not a whole number")?;
    let total_us = ms_us(total, TOTAL)?;
    let max_us = ms_us(max, MAX)?;
    // The sum and the maximum of `count` durations: max ≤ total ≤ count × max
    // (a millisecond of rounding either way).
    if max_us > total_us.saturating_add(1_000) {
        return Err("max_ms is larger than total_ms");
    }
    let count: u64 = count;
    if count == 0 && total_us > 0 {
        return Err("count is 0 but total_ms is not");
    }
    if total_us > count.saturating_mul(max_us).saturating_add(1_000) {
        return Err("total_ms is more than count × max_ms");
    }
    Ok(Line::Aggregate(AggregateRow {
        bucket_us,
        method: method.into(),
        path: path.into(),
        count,
        total_us,
        max_us,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn athena_and_bigquery_rows() {
        assert_eq!(parse_line(HEADER), Ok(Line::Skip));
        let Ok(Line::Aggregate(a)) =
            parse_line(r#""2026-11-01 10:00:00.000","GET","/api/items?x","120","2400.5","310""#)
        else {
            panic!("parses")
        };
        assert_eq!(
            (&*a.method, &*a.path, a.count, a.total_us, a.max_us),
            ("GET", "/api/items", 120, 2_400_500, 310_000)
        );
        assert!(matches!(
            parse_line("2026-11-01 10:00:00 UTC,POST,/x,1,5,5"),
            Ok(Line::Aggregate(_))
        ));
        assert!(parse_line("2026-11-01 10:00:00,POST,/x,many,5,5").is_err());
        assert_eq!(
            parse_line("2026-11-01 10:00:00,POST,/x,1,-5,5"),
            Err("total_ms is negative")
        );
        assert_eq!(
            parse_line("2026-11-01 10:00:00,POST,/x,2,5,50"),
            Err("max_ms is larger than total_ms")
        );
        assert_eq!(
            parse_line("2026-11-01 10:00:00,POST,/x,2,500,50"),
            Err("total_ms is more than count × max_ms")
        );
    }
}
