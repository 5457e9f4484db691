//! AWS Application Load Balancer access logs. The line starts with the
//! request type; the duration is the sum of the three processing times (`-1`
//! when the target did not answer); the start is `request_creation_time`.
//!
//! `type time elb client:port target:port request_processing_time
//! target_processing_time response_processing_time elb_status_code
//! target_status_code received_bytes sent_bytes "request" "user_agent"
//! ssl_cipher ssl_protocol target_group_arn "trace_id" "domain_name"
//! "chosen_cert_arn" matched_rule_priority request_creation_time ...`

use super::{fields, parse_rfc3339, seconds_us, split_request_line, Line, Request};

const TYPES: [&str; 6] = ["http", "https", "h2", "grpcs", "ws", "wss"];

pub fn parse_line(line: &str) -> Result<Line<'_>, &'static str> {
    let f: Vec<&str> = fields(line).take(22).collect();
    if !f.first().is_some_and(|t| TYPES.contains(t)) {
        return Err("does not start with an ALB request type");
    }
    if f.len() < 13 {
        return Err("fewer fields than an ALB line");
    }
    let logged_us = parse_rfc3339(f[1]).ok_or("time is not ISO 8601")?;
    let parts = [seconds_us(f[5]), seconds_us(f[6]), seconds_us(f[7])];
    let duration_us = match parts {
        [Some(a), Some(b), Some(c)] => Some(a + b + c),
        _ => None,
    };
    let status = f[8]
        .parse()
        .map_err(|_| "elb_status_code is not a number")?;
    let bytes = f[11].parse().ok();
    let (method, path) = split_request_line(f[12])?;
    let start_us = f
        .get(21)
        .and_then(|t| parse_rfc3339(t))
        .unwrap_or(logged_us - duration_us.unwrap_or(0) as i64);
    Ok(Line::Request(Request {
        method,
        path,
        status,
        start_us,
        duration_us,
        bytes,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_example() {
        let line = r#"https 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.086 0.048 0.037 200 200 0 57 "GET https://www.example.com:443/api/items/7?x=1 HTTP/1.1" "curl/7.46.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337281-1d84f3d73c47ec4e58577259" "www.example.com" "arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012" 1 2018-07-02T22:22:48.364000Z "authenticate,forward" "-" "-" "10.0.0.1:80" "200" "-" "-""#;
        let Ok(Line::Request(r)) = parse_line(line) else {
            panic!("parses")
        };
        assert_eq!(
            (&*r.method, &*r.path, r.status, r.bytes),
            ("GET", "/api/items/7", 200, Some(57))
        );
        assert_eq!(r.duration_us, Some(171_000));
        assert_eq!(
            r.start_us,
            parse_rfc3339("2018-07-02T22:22:48.364Z").unwrap()
        );
    }

    #[test]
    fn failed_target_has_no_duration() {
        let line = r#"http 2018-07-02T22:23:00.186641Z app/lb/1 [2001:db8::1]:2817 - -1 -1 -1 502 - 34 366 "POST http://www.example.com:80/api/x HTTP/1.1" "curl" - -"#;
        let Ok(Line::Request(r)) = parse_line(line) else {
            panic!("parses")
        };
        assert_eq!((r.status, r.duration_us, &*r.path), (502, None, "/api/x"));
    }
}
