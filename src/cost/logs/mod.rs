//! Access-log readers: one module per format, the shared pieces here — the
//! record every format produces, format detection, tokenising quoted fields,
//! timestamps, URL paths, and the streaming reader (plain or `.gz`) that
//! counts malformed lines instead of failing on them.

pub mod aggregate;
pub mod alb;
pub mod combined;
pub mod jsonl;

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;
use std::io::{BufRead, BufReader};

/// One request as a log line tells it. Times in microseconds since the Unix
/// epoch; the start of the request, not the moment it was logged.
#[derive(Debug, Clone, PartialEq)]
pub struct Request<'a> {
    pub method: Cow<'a, str>,
    /// Path only: no scheme, host, query string or fragment.
    pub path: Cow<'a, str>,
    pub status: u16,
    pub start_us: i64,
    /// `None` when the log has no duration (`-`, or the common format).
    pub duration_us: Option<u64>,
    pub bytes: Option<u64>,
}

/// One row of the aggregate CSV: `count` requests of `method path` in the
/// bucket starting at `bucket_us`.
#[derive(Debug, Clone, PartialEq)]
pub struct AggregateRow<'a> {
    pub bucket_us: i64,
    pub method: Cow<'a, str>,
    pub path: Cow<'a, str>,
    pub count: u64,
    pub total_us: u64,
    pub max_us: u64,
}

/// What one line holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Line<'a> {
    Request(Request<'a>),
    Aggregate(AggregateRow<'a>),
    /// A header, a comment or a blank line.
    Skip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Combined,
    Alb,
    Jsonl,
    Aggregate,
}

impl Format {
    pub const ALL: [Format; 4] = [
        Format::Combined,
        Format::Alb,
        Format::Jsonl,
        Format::Aggregate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Combined => "combined",
            Format::Alb => "alb",
            Format::Jsonl => "jsonl",
            Format::Aggregate => "aggregate",
        }
    }

    pub fn parse_line(self, line: &str) -> Result<Line<'_>, &'static str> {
        match self {
            Format::Combined => combined::parse_line(line),
            Format::Alb => alb::parse_line(line),
            Format::Jsonl => jsonl::parse_line(line),
            Format::Aggregate => aggregate::parse_line(line),
        }
    }

    /// The format of a file from its first meaningful line.
    pub fn detect(line: &str) -> Option<Format> {
        let line = line.trim_start();
        if line.starts_with('{') {
            return Some(Format::Jsonl);
        }
        if aggregate::is_header(line) {
            return Some(Format::Aggregate);
        }
        // ALB first: its lines also hold quotes, but start with a type word.
        [Format::Alb, Format::Combined, Format::Aggregate]
            .into_iter()
            .find(|f| {
                matches!(
                    f.parse_line(line),
                    Ok(Line::Request(_) | Line::Aggregate(_))
                )
            })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Splits a log line into fields: runs of non-space characters, `"quoted
/// strings"` (backslash escapes kept, quotes removed) and `[bracketed]`
/// timestamps (brackets removed).
pub fn fields(line: &str) -> Fields<'_> {
    Fields { rest: line }
}

pub struct Fields<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Fields<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.rest.trim_start_matches([' ', '\t']);
        let bytes = s.as_bytes();
        let (field, rest) = match bytes.first()? {
            b'"' => {
                let mut i = 1;
                loop {
                    match memchr::memchr2(b'"', b'\\', &bytes[i.min(bytes.len())..]) {
                        None => break (&s[1..], ""),
                        Some(j) if bytes[i + j] == b'"' => break (&s[1..i + j], &s[i + j + 1..]),
                        Some(j) => i += j + 2,
                    }
                }
            }
            // `[10/Oct/2000:13:55:36 -0700]`, not `[2001:db8::1]:2817`.
            b'[' => match memchr::memchr(b']', bytes) {
                Some(end) if matches!(bytes.get(end + 1), None | Some(b' ' | b'\t')) => {
                    (&s[1..end], &s[end + 1..])
                }
                _ => {
                    let end = memchr::memchr2(b' ', b'\t', bytes).unwrap_or(s.len());
                    (&s[..end], &s[end..])
                }
            },
            _ => {
                let end = memchr::memchr2(b' ', b'\t', bytes).unwrap_or(s.len());
                (&s[..end], &s[end..])
            }
        };
        self.rest = rest;
        Some(field)
    }
}

/// `GET /a?b HTTP/1.1` → (`GET`, `/a`). Full URLs lose scheme and host.
pub fn split_request_line(request: &str) -> Result<(Cow<'_, str>, Cow<'_, str>), &'static str> {
    let sp = memchr::memchr(b' ', request.as_bytes()).ok_or("request line has no path")?;
    let method = &request[..sp];
    let rest = &request[sp + 1..];
    let target = &rest[..memchr::memchr(b' ', rest.as_bytes()).unwrap_or(rest.len())];
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err("request line has no HTTP method");
    }
    let path = url_path(target).ok_or("request target is not a path")?;
    Ok((method.into(), path.into()))
}

/// The path of a request target: `https://h:443/a/b?q#f` → `/a/b`.
pub fn url_path(target: &str) -> Option<&str> {
    let target = match memchr::memmem::find(target.as_bytes(), b"://") {
        Some(i) => {
            let after = &target[i + 3..];
            &after[after.find('/').unwrap_or(after.len())..]
        }
        None => target,
    };
    let end = memchr::memchr2(b'?', b'#', target.as_bytes()).unwrap_or(target.len());
    let path = &target[..end];
    if path.is_empty() {
        return Some("/");
    }
    path.starts_with('/').then_some(path)
}

/// [`url_path`] of a string that JSON may have unescaped into a copy.
pub fn cow_url_path(target: Cow<'_, str>) -> Option<Cow<'_, str>> {
    match target {
        Cow::Borrowed(t) => url_path(t).map(Cow::Borrowed),
        Cow::Owned(t) => url_path(&t).map(|p| Cow::Owned(p.to_string())),
    }
}

/// A decimal number of seconds (`0.123`) in microseconds; `-` and negatives
/// (ALB's `-1`) are `None`.
pub fn seconds_us(s: &str) -> Option<u64> {
    let v: f64 = s.parse().ok()?;
    (v >= 0.0 && v.is_finite()).then(|| (v * 1e6).round() as u64)
}

/// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Microseconds since the epoch as `2026-11-01T10:00:00Z` (whole seconds).
pub fn format_time(us: i64) -> String {
    let secs = us.div_euclid(1_000_000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil from days (Howard Hinnant).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

fn num<T: std::str::FromStr + PartialOrd>(
    s: &str,
    range: std::ops::RangeInclusive<T>,
) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|v| range.contains(v))
}

/// `(y, m, d)`, `(h, m, s)`, fraction and zone offset → epoch microseconds.
fn epoch_us(date: (i64, u32, u32), time: (i64, i64, i64), frac_us: i64, off_s: i64) -> i64 {
    let (y, mo, d) = date;
    let (h, mi, s) = time;
    ((days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s - off_s) * 1_000_000) + frac_us
}

/// `10/Oct/2000:13:55:36 -0700` (common log format). Consecutive lines
/// mostly share their second, so the last answer is kept per thread.
pub fn parse_clf_time(s: &str) -> Option<i64> {
    thread_local! {
        static LAST: std::cell::RefCell<(String, Option<i64>)> = const {
            std::cell::RefCell::new((String::new(), None))
        };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.0 != s {
            last.0.clear();
            last.0.push_str(s);
            last.1 = parse_clf_time_uncached(s);
        }
        last.1
    })
}

fn parse_clf_time_uncached(s: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (stamp, zone) = s.split_once(' ').unwrap_or((s, "+0000"));
    let d = num::<u32>(stamp.get(0..2)?, 1..=31)?;
    let mo = MONTHS.iter().position(|m| Some(*m) == stamp.get(3..6))? as u32 + 1;
    let y = num::<i64>(stamp.get(7..11)?, 0..=9999)?;
    let h = num::<i64>(stamp.get(12..14)?, 0..=23)?;
    let mi = num::<i64>(stamp.get(15..17)?, 0..=59)?;
    let sec = num::<i64>(stamp.get(18..20)?, 0..=60)?;
    if stamp.len() != 20 {
        return None;
    }
    Some(epoch_us((y, mo, d), (h, mi, sec), 0, zone_offset(zone)?))
}

/// `+0200`, `-07:00`, `Z`: seconds east of UTC.
fn zone_offset(z: &str) -> Option<i64> {
    if z == "Z" || z == "z" {
        return Some(0);
    }
    let sign = match z.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m) = match z.len() {
        5 => (z.get(1..3)?, z.get(3..5)?),
        6 if z.as_bytes()[3] == b':' => (z.get(1..3)?, z.get(4..6)?),
        _ => return None,
    };
    Some(sign * (num::<i64>(h, 0..=23)? * 3600 + num::<i64>(m, 0..=59)? * 60))
}

/// RFC 3339 / ISO 8601: `2026-11-01T10:00:00.186641Z`, `2026-11-01 10:00:00+02:00`;
/// a date and time without zone is UTC.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let y = num::<i64>(s.get(0..4)?, 0..=9999)?;
    let mo = num::<u32>(s.get(5..7)?, 1..=12)?;
    let d = num::<u32>(s.get(8..10)?, 1..=31)?;
    if s.get(4..5)? != "-" || s.get(7..8)? != "-" || !matches!(s.get(10..11)?, "T" | "t" | " ") {
        return None;
    }
    let h = num::<i64>(s.get(11..13)?, 0..=23)?;
    let mi = num::<i64>(s.get(14..16)?, 0..=59)?;
    let sec = num::<i64>(s.get(17..19)?, 0..=60)?;
    let mut rest = s.get(19..)?;
    let mut frac_us = 0;
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        let digits = &frac[..n];
        let mut scaled = String::from(digits.get(..6).unwrap_or(digits));
        while scaled.len() < 6 {
            scaled.push('0');
        }
        frac_us = scaled.parse().ok()?;
        rest = &frac[n..];
    }
    let off = if rest.is_empty() {
        0
    } else {
        zone_offset(rest)?
    };
    Some(epoch_us((y, mo, d), (h, mi, sec), frac_us, off))
}

/// A timestamp as found in JSON or CSV: RFC 3339, or epoch seconds (with a
/// fraction), or epoch milliseconds when the number is too large for seconds.
pub fn parse_any_time(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Some(us) = parse_rfc3339(s) {
        return Some(us);
    }
    let v: f64 = s.parse().ok()?;
    if !v.is_finite() || v < 0.0 {
        return None;
    }
    // Before 1e11 s is year 5138: anything larger is milliseconds.
    Some(if v < 1e11 { v * 1e6 } else { v * 1e3 }.round() as i64)
}

/// A malformed line: where and why.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct BadLine {
    pub line: u64,
    pub reason: String,
}

/// What reading one file found, besides the requests.
#[derive(Debug, Clone, Serialize)]
pub struct FileSummary {
    pub path: String,
    pub format: Option<Format>,
    pub lines: u64,
    pub bytes: u64,
    pub records: u64,
    pub malformed: u64,
    /// The first few malformed lines.
    pub malformed_first: Vec<BadLine>,
    /// Lines that parse in another format than the file's: mixed formats.
    pub other_format_lines: u64,
    /// Lines whose time goes back more than a second from the previous one.
    pub out_of_order: u64,
    /// Where reading stopped early (a truncated `.gz`, an I/O error).
    pub stopped: Option<String>,
}

const KEEP_BAD_LINES: usize = 5;

impl FileSummary {
    fn bad(&mut self, line: u64, reason: impl Into<String>) {
        self.malformed += 1;
        if self.malformed_first.len() < KEEP_BAD_LINES {
            self.malformed_first.push(BadLine {
                line,
                reason: reason.into(),
            });
        }
    }
}

/// A log's bytes, decompressing gzip (several members, as `cat a.gz b.gz`)
/// when they start with the gzip magic bytes.
pub fn decompress<R: BufRead + Send + 'static>(
    mut input: R,
) -> std::io::Result<Box<dyn BufRead + Send>> {
    let gz = input.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gz {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(input),
        ))
    } else {
        Box::new(input)
    })
}

/// Reads every line of `reader`, calling `on_line` with each parsed line;
/// malformed lines are counted in the summary, never fatal, and so is a line
/// `on_line` refuses (`Err(reason)`: a value absurd for the caller's settings).
/// The format is `forced`, or detected from the first meaningful line.
/// Lines are parsed where they sit in the reader's buffer; only a line
/// that straddles two buffers is copied.
pub fn read_lines(
    name: &str,
    mut reader: impl BufRead,
    forced: Option<Format>,
    mut on_line: impl FnMut(Line<'_>) -> Result<(), String>,
) -> FileSummary {
    let mut state = LineState {
        summary: FileSummary {
            path: name.to_string(),
            format: forced,
            lines: 0,
            bytes: 0,
            records: 0,
            malformed: 0,
            malformed_first: Vec::new(),
            other_format_lines: 0,
            out_of_order: 0,
            stopped: None,
        },
        last_start: i64::MIN,
    };
    let mut carry: Vec<u8> = Vec::new();
    // Bytes of a line past MAX_LINE: dropped up to its newline, never buffered.
    let mut overlong: Option<u64> = None;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                // A line cut by the error is not a line of the log.
                let s = &mut state.summary;
                s.stopped = Some(format!(
                    "stopped after line {} ({} bytes read): {e}",
                    s.lines, s.bytes
                ));
                break;
            }
        };
        if chunk.is_empty() {
            if let Some(skipped) = overlong {
                state.overlong(skipped);
            } else if !carry.is_empty() {
                state.line(&carry, &mut on_line);
            }
            break;
        }
        let len = chunk.len();
        let mut pos = 0;
        if let Some(skipped) = overlong.as_mut() {
            match memchr::memchr(b'\n', chunk) {
                Some(i) => {
                    *skipped += i as u64 + 1;
                    state.overlong(*skipped);
                    overlong = None;
                    pos = i + 1;
                }
                None => {
                    *skipped += len as u64;
                    reader.consume(len);
                    continue;
                }
            }
        } else if !carry.is_empty() {
            match memchr::memchr(b'\n', chunk) {
                Some(i) => {
                    carry.extend_from_slice(&chunk[..=i]);
                    state.line(&carry, &mut on_line);
                    carry.clear();
                    pos = i + 1;
                }
                None if carry.len() + len > MAX_LINE => {
                    overlong = Some((carry.len() + len) as u64);
                    carry = Vec::new();
                    reader.consume(len);
                    continue;
                }
                None => {
                    carry.extend_from_slice(chunk);
                    reader.consume(len);
                    continue;
                }
            }
        }
        let base = pos;
        for end in memchr::memchr_iter(b'\n', &chunk[base..]) {
            let end = base + end;
            state.line(&chunk[pos..=end], &mut on_line);
            pos = end + 1;
        }
        carry.extend_from_slice(&chunk[pos..]);
        reader.consume(len);
    }
    state.summary
}

/// The longest request any platform carve prices would let run, and then
/// some: Cloud Run and Azure Functions stop a request at 60 min, Lambda at
/// 15, an ALB in front of Fargate at 4,000 s of silence. A long-lived
/// websocket may be logged with its whole duration, so the bound is a day:
/// past it a duration is a misread field (`%D` microseconds read as
/// seconds), not a request, and pricing it would invent millions.
pub const MAX_DURATION_US: u64 = 86_400 * 1_000_000;

/// Log times outside these years are misread or placeholder timestamps
/// (`0001-01-01`, `9999-12-31`), not requests: one such line stretches a
/// log's span to millennia and every monthly figure to nothing.
pub const EARLIEST_US: i64 = 788_918_400_000_000; // 1995-01-01T00:00:00Z
pub const LATEST_US: i64 = 4_102_444_800_000_000; // 2100-01-01T00:00:00Z

/// A parsed line whose values no request can have: refused with the reason.
fn plausible(line: &Line<'_>) -> Result<(), String> {
    let (start, duration) = match line {
        Line::Request(r) => (r.start_us, r.duration_us),
        Line::Aggregate(a) => (a.bucket_us, Some(a.max_us)),
        Line::Skip => return Ok(()),
    };
    if !(EARLIEST_US..LATEST_US).contains(&start) {
        return Err(format!(
            "time {} is outside 1995–2099: an outlier, not a request",
            format_time(start)
        ));
    }
    match duration {
        Some(d) if d > MAX_DURATION_US => Err(format!(
            "duration {} s is longer than a day, beyond any platform's request limit: a misread field",
            d / 1_000_000
        )),
        _ => Ok(()),
    }
}

/// The longest log line read; a longer one (a file of NUL bytes, a binary
/// blob) is reported as malformed and skipped to its newline, never buffered.
pub const MAX_LINE: usize = 1 << 20;

struct LineState {
    summary: FileSummary,
    last_start: i64,
}

impl LineState {
    /// A line of `bytes` bytes past `MAX_LINE`, skipped.
    fn overlong(&mut self, bytes: u64) {
        let summary = &mut self.summary;
        summary.bytes += bytes;
        summary.lines += 1;
        let n = summary.lines;
        summary.bad(
            n,
            format!("longer than {MAX_LINE} bytes ({bytes}): skipped to the next newline"),
        );
    }

    fn line(&mut self, bytes: &[u8], on_line: &mut impl FnMut(Line<'_>) -> Result<(), String>) {
        let summary = &mut self.summary;
        summary.bytes += bytes.len() as u64;
        summary.lines += 1;
        let n = summary.lines;
        let Ok(text) = std::str::from_utf8(bytes) else {
            summary.bad(n, "not UTF-8");
            return;
        };
        let text = text.trim_end_matches(['\n', '\r']);
        if text.trim().is_empty() || text.starts_with('#') {
            return;
        }
        let format = match summary.format {
            Some(f) => f,
            None => match Format::detect(text) {
                Some(f) => {
                    summary.format = Some(f);
                    f
                }
                None => {
                    summary.bad(n, "not a line of any known log format");
                    return;
                }
            },
        };
        match format.parse_line(text) {
            Ok(Line::Skip) => {}
            Ok(line) => {
                if let Err(reason) = plausible(&line) {
                    summary.bad(n, reason);
                    return;
                }
                let start = match &line {
                    Line::Request(r) => r.start_us,
                    Line::Aggregate(a) => a.bucket_us,
                    Line::Skip => self.last_start,
                };
                match on_line(line) {
                    Ok(()) => {
                        if start < self.last_start.saturating_sub(1_000_000) {
                            summary.out_of_order += 1;
                        }
                        self.last_start = self.last_start.max(start);
                        summary.records += 1;
                    }
                    Err(reason) => summary.bad(n, reason),
                }
            }
            Err(reason) => {
                let other = Format::ALL
                    .into_iter()
                    .filter(|f| *f != format)
                    .find(|f| f.parse_line(text).is_ok());
                match other {
                    Some(f) => {
                        summary.other_format_lines += 1;
                        summary.bad(n, format!("a {f} line in a {format} file"));
                    }
                    None => summary.bad(n, reason),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(
            parse_clf_time("10/Oct/2000:13:55:36 -0700"),
            Some(971_211_336_000_000)
        );
        assert_eq!(
            parse_rfc3339("2000-10-10T20:55:36Z"),
            Some(971_211_336_000_000)
        );
        assert_eq!(
            parse_rfc3339("2000-10-10T22:55:36.5+02:00"),
            Some(971_211_336_500_000)
        );
        assert_eq!(parse_any_time("971211336.25"), Some(971_211_336_250_000));
        assert_eq!(format_time(971_211_336_250_000), "2000-10-10T20:55:36Z");
        assert_eq!(format_time(951_782_400_000_000), "2000-02-29T00:00:00Z");
        assert_eq!(parse_any_time("971211336250"), Some(971_211_336_250_000));
        assert_eq!(parse_clf_time("40/Oct/2000:13:55:36 -0700"), None);
        assert_eq!(parse_rfc3339("2000-13-10T20:55:36Z"), None);
    }

    #[test]
    fn tokenizer_keeps_quoted_quotes() {
        let f: Vec<_> = fields(r#"a [x y] "b \"c\" d" e [::1]:80"#).collect();
        assert_eq!(f, vec!["a", "x y", r#"b \"c\" d"#, "e", "[::1]:80"]);
    }

    #[test]
    fn url_paths() {
        assert_eq!(url_path("https://h.example:443/a/b?q=1#x"), Some("/a/b"));
        assert_eq!(url_path("/a?"), Some("/a"));
        assert_eq!(url_path("https://h.example"), Some("/"));
        assert_eq!(url_path("*"), None);
    }
}
