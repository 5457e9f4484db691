//! nginx / Apache combined and common log formats, with an optional trailing
//! request time: nginx `$request_time` (seconds with a fraction, logged when
//! the response ends, so the start is the log time minus the duration) or
//! Apache `%D` (whole microseconds, logged with the time the request arrived).
//!
//! `host ident user [time] "request" status bytes ["referer" "agent"] [time]`

use super::{fields, parse_clf_time, seconds_us, split_request_line, Line, Request};

pub fn parse_line(line: &str) -> Result<Line<'_>, &'static str> {
    let mut f = fields(line);
    let _host = f.next().ok_or("empty line")?;
    let _ident = f.next().ok_or("no ident field")?;
    let _user = f.next().ok_or("no user field")?;
    let time = f.next().ok_or("no [timestamp]")?;
    let logged_us = parse_clf_time(time).ok_or("timestamp is not `dd/Mon/yyyy:hh:mm:ss zone`")?;
    let (method, path) = split_request_line(f.next().ok_or("no request line")?)?;
    let status = f
        .next()
        .and_then(|s| s.parse::<u16>().ok())
        .filter(|s| (100..=999).contains(s))
        .ok_or("status is not a number")?;
    let bytes = f.next().ok_or("no bytes field")?;
    let bytes = match bytes {
        "-" => None,
        b => Some(b.parse().map_err(|_| "bytes is not a number")?),
    };
    // Combined adds referer and agent (quoted); a duration may follow either:
    // the last of 1 (common + time) or 3 (combined + time) more fields.
    let (mut n_rest, mut last) = (0, None);
    for field in f {
        n_rest += 1;
        last = Some(field);
    }
    let (duration_us, start_us) = match last {
        Some(t) if n_rest != 2 => match t {
            "-" => (None, logged_us),
            t if t.contains('.') => {
                let d = seconds_us(t).ok_or("request time is not a number")?;
                (Some(d), logged_us - d as i64)
            }
            t => (
                Some(t.parse().map_err(|_| "request time is not a number")?),
                logged_us,
            ),
        },
        _ => (None, logged_us),
    };
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

    fn req(line: &str) -> Request<'_> {
        match parse_line(line) {
            Ok(Line::Request(r)) => r,
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn real_shaped_lines() {
        let r = req(
            r#"127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326"#,
        );
        assert_eq!(
            (&*r.method, &*r.path, r.status, r.bytes),
            ("GET", "/apache_pb.gif", 200, Some(2326))
        );
        assert_eq!(r.duration_us, None);

        let r = req(
            r#"2001:db8::1 - - [10/Oct/2000:13:55:36 +0000] "POST /api/items?x=1 HTTP/1.1" 201 - "-" "curl/8.0 \"quoted\"" 0.250"#,
        );
        assert_eq!(
            (&*r.method, &*r.path, r.bytes),
            ("POST", "/api/items", None)
        );
        assert_eq!(r.duration_us, Some(250_000));
        assert_eq!(r.start_us, 971_186_136_000_000 - 250_000);

        let r = req(
            r#"10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 5 "-" "ua" 1500"#,
        );
        assert_eq!(
            (r.duration_us, r.start_us),
            (Some(1500), 971_186_136_000_000)
        );

        let r =
            req(r#"10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "GET /x HTTP/1.1" 200 5 "-" "ua" -"#);
        assert_eq!(r.duration_us, None);
    }

    #[test]
    fn odd_lines_are_errors_not_panics() {
        for line in [
            r#"10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "-" 400 0"#,
            r#"10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "\x16\x03\x01" 400 0"#,
            r#"10.0.0.1 - - [garbage] "GET / HTTP/1.1" 200 5"#,
            r#"10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" ok 5"#,
            "[",
            "10.0.0.1 - - [10/Oct/2000:13:55:36",
        ] {
            assert!(parse_line(line).is_err(), "{line}");
        }
    }
}
