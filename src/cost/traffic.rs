//! Reading the logs into per-route figures. One thread per log file reads,
//! parses and matches; this thread merges the files by time (a fleet's logs,
//! one per server), puts each file's small disorder right in a bounded
//! reorder buffer, and feeds every request to its route's figures and
//! replays and to each deployable unit holding the route. A log is read once,
//! in constant memory.

use super::logs::{self, FileSummary, Format, Line};
use super::matcher::{unmatched_key, Matcher};
use super::replay::PoolConfig;
use super::stats::{FinishedStats, RouteStats, Run};
use super::unmatched::{TopCounter, Unmatched};
use rustc_hash::FxHashMap;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::io::BufRead;
use std::sync::mpsc::{sync_channel, Receiver};

/// How to read and replay.
#[derive(Debug, Clone)]
pub struct TrafficConfig {
    pub format: Option<Format>,
    /// Length of an aggregate CSV bucket.
    pub bucket_us: u64,
    pub lambda: PoolConfig,
    pub run: PoolConfig,
    /// Duration of a request whose log line has none and whose route has no
    /// known duration yet.
    pub default_duration_us: u64,
    /// Each route's init time on a cold start (the pools' own when missing).
    pub route_init_us: Vec<u64>,
    /// Counts of instances kept warm each deployed function is replayed
    /// with again, on Lambda and on Cloud Run.
    pub warm_counts: Vec<u32>,
}

/// Routes that deploy together: one warm pool (`replay`) or, for a
/// container, only the peak concurrency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSpec {
    pub routes: Vec<usize>,
    pub replay: bool,
}

/// One log to read.
pub struct LogInput {
    pub name: String,
    /// Already decompressed: see [`logs::decompress`].
    pub reader: Box<dyn BufRead + Send>,
}

/// A request after matching (or a run of an aggregate row's requests: see
/// [`spread_row`]): what the merge and replay need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub start_us: i64,
    pub route: u32,
    /// `u64::MAX` when the log had no duration.
    pub duration_us: u64,
    pub bytes: u64,
    pub status: u16,
    /// How many requests this stands for; 1 for a logged request.
    pub requests: u64,
    /// How many of them are in flight at once.
    pub lanes: u32,
}

/// Requests of an aggregate row replayed one by one; past this, in runs.
const EXACT_ROW: u64 = 64;
/// Runs one aggregate row is replayed as, at most.
const ROW_SLOTS: u64 = 64;
/// Lane arrivals one row may cost the replay (slots × lanes).
const ROW_WORK: u64 = 1 << 16;
/// One route's requests a second past which a row is not a log but a
/// misread column: ten times the busiest single API endpoints known.
pub const MAX_ROW_RATE: u64 = 1_000_000;
/// Requests of one route in flight at once past which a row is refused:
/// far past any account's concurrency quota.
pub const MAX_ROW_CONCURRENCY: u64 = 100_000;

/// An aggregate row's requests over its bucket, as at most `ROW_SLOTS + 1`
/// hits whatever its count: one request lasts `max_us`, the others share the
/// rest of `total_us` and are spread evenly. Up to `EXACT_ROW` requests each
/// is its own hit; beyond, each slot of the bucket is one run of requests
/// carried by as many lanes as the row keeps in flight (count × duration /
/// bucket), so memory and time follow the concurrency, not the count.
/// A row no route could have served (see `MAX_ROW_RATE`,
/// `MAX_ROW_CONCURRENCY`) is refused with the reason.
pub fn spread_row(
    a: &logs::AggregateRow<'_>,
    bucket_us: u64,
    route: u32,
) -> Result<Vec<Hit>, String> {
    check_row(a, bucket_us)?;
    Ok(spread(a, bucket_us, route))
}

/// Refuses a row no route could have served (see `MAX_ROW_RATE`,
/// `MAX_ROW_CONCURRENCY`), with the reason.
fn check_row(a: &logs::AggregateRow<'_>, bucket_us: u64) -> Result<(), String> {
    let bucket_us = bucket_us.max(1);
    let bucket_s = bucket_us as f64 / 1e6;
    let rate = a.count as f64 / bucket_s;
    if rate > MAX_ROW_RATE as f64 {
        return Err(format!(
            "count {} in a {bucket_s} s bucket is {rate:.0} requests a second on one route, past {MAX_ROW_RATE}: not a count",
            a.count
        ));
    }
    let in_flight = a.total_us as f64 / bucket_us as f64;
    if in_flight > MAX_ROW_CONCURRENCY as f64 {
        return Err(format!(
            "total_ms {} in a {bucket_s} s bucket keeps {in_flight:.0} requests in flight at once on one route, past {MAX_ROW_CONCURRENCY}",
            a.total_us / 1000
        ));
    }
    Ok(())
}

/// The hits of a row already checked (or of rows merged by [`RowMerger`],
/// each checked): bounded work whatever its figures.
fn spread(a: &logs::AggregateRow<'_>, bucket_us: u64, route: u32) -> Vec<Hit> {
    let bucket_us = bucket_us.max(1);
    let hit = |start: u64, duration_us, requests, lanes| Hit {
        start_us: a
            .bucket_us
            .saturating_add(i64::try_from(start).unwrap_or(i64::MAX)),
        route,
        duration_us,
        bytes: 0,
        status: 200,
        requests,
        lanes,
    };
    let mut hits = Vec::new();
    if a.count == 0 {
        return hits;
    }
    let rest = a.count - 1;
    let others = a.total_us.saturating_sub(a.max_us) / rest.max(1);
    hits.push(hit(0, a.max_us, 1, 1));
    if rest <= EXACT_ROW {
        let step = bucket_us / a.count;
        hits.extend((1..a.count).map(|i| hit(i * step, others, 1, 1)));
        return hits;
    }
    // Lanes: the requests in flight at once, at least one.
    let lanes = u128::from(rest) * u128::from(others);
    let lanes = u64::try_from(lanes.div_ceil(u128::from(bucket_us)))
        .unwrap_or(u64::MAX)
        .clamp(1, MAX_ROW_CONCURRENCY);
    let slots = (ROW_WORK / lanes).clamp(1, ROW_SLOTS);
    // Each slot's lanes finish their share within the slot, so the next
    // slot finds them warm, as evenly spread requests would.
    let slot_us = (bucket_us / slots).max(1);
    for j in 0..slots {
        let requests = rest / slots + u64::from(j < rest % slots);
        let busy = u128::from(requests) * u128::from(others);
        let lanes = u64::try_from(busy.div_ceil(u128::from(slot_us)))
            .unwrap_or(u64::MAX)
            .clamp(1, requests.max(1))
            .min(MAX_ROW_CONCURRENCY);
        // Each row was checked against MAX_ROW_CONCURRENCY; merged rows are held to it.
        let lanes = u32::try_from(lanes).unwrap_or(u32::MAX);
        hits.push(hit(j * bucket_us / slots, others, requests, lanes));
    }
    hits
}

/// Distinct (route, bucket) rows held for merging before they are spread.
const MERGE_CAPACITY: usize = 4096;

/// Aggregate rows of one route and one bucket added up before they are
/// spread: each row is bounded (`ROW_WORK`), but thousands of rows of one
/// route and bucket would add up in the replay. Merged, the replay costs
/// per distinct (route, bucket), and the rows' requests are what one row
/// with their summed count and time and largest `max_us` would say. Holds
/// at most `MERGE_CAPACITY` of them, emitted in time order when full and
/// at the end (an aggregate export is sorted by bucket).
#[derive(Default)]
struct RowMerger {
    pending: FxHashMap<(i64, u32), logs::AggregateRow<'static>>,
}

impl RowMerger {
    /// Adds a checked row; the hits of the rows it had to let go of.
    fn add(&mut self, a: &logs::AggregateRow<'_>, route: u32, bucket_us: u64) -> Vec<Hit> {
        let mut out = Vec::new();
        if !self.pending.contains_key(&(a.bucket_us, route)) && self.pending.len() >= MERGE_CAPACITY
        {
            out = self.drain(bucket_us);
        }
        let row = self
            .pending
            .entry((a.bucket_us, route))
            .or_insert_with(|| logs::AggregateRow {
                bucket_us: a.bucket_us,
                method: Default::default(),
                path: Default::default(),
                count: 0,
                total_us: 0,
                max_us: 0,
            });
        row.count = row.count.saturating_add(a.count);
        row.total_us = row.total_us.saturating_add(a.total_us);
        row.max_us = row.max_us.max(a.max_us);
        out
    }

    /// The hits of every row held, in time order.
    fn drain(&mut self, bucket_us: u64) -> Vec<Hit> {
        let mut rows: Vec<_> = self.pending.drain().collect();
        rows.sort_by_key(|(key, _)| *key);
        rows.iter()
            .flat_map(|((_, route), row)| spread(row, bucket_us, *route))
            .collect()
    }
}

const NO_DURATION: u64 = u64::MAX;
const BATCH: usize = 4096;
/// How far back in time (seconds) a line may be and still be replayed in order.
const REORDER_WINDOW_S: i64 = 5 * 60;
const TOP_UNMATCHED: usize = 10;

/// Everything the logs said.
#[derive(Debug)]
pub struct Traffic {
    pub files: Vec<FileSummary>,
    pub matched: u64,
    pub unmatched: u64,
    pub top_unmatched: Vec<Unmatched>,
    pub first_us: Option<i64>,
    pub last_us: Option<i64>,
    /// Requests more than the reorder window older than one already replayed.
    pub late: u64,
    /// The longest stretch with no request: (from, to).
    pub largest_gap: Option<(i64, i64)>,
    pub routes: Vec<FinishedStats>,
    pub units: Vec<FinishedStats>,
}

impl Traffic {
    pub fn span_us(&self) -> u64 {
        match (self.first_us, self.last_us) {
            (Some(a), Some(b)) => (b - a).max(0) as u64,
            _ => 0,
        }
    }
}

struct Producer {
    summary: FileSummary,
    unmatched: u64,
    top: TopCounter,
}

fn produce(
    input: LogInput,
    config: &TrafficConfig,
    matcher: &Matcher,
    tx: std::sync::mpsc::SyncSender<Vec<Hit>>,
) -> Producer {
    let mut batch = Vec::with_capacity(BATCH);
    let mut unmatched = 0;
    let mut top = TopCounter::default();
    let mut key = String::new();
    let mut merger = RowMerger::default();
    let send = |batch: &mut Vec<Hit>| {
        let full = std::mem::replace(batch, Vec::with_capacity(BATCH));
        // A closed channel means the reader gave up: nothing to do.
        let _ = tx.send(full);
    };
    let summary = logs::read_lines(&input.name, input.reader, config.format, |line| {
        let (method, path, count) = match &line {
            Line::Request(r) => (&r.method, &r.path, 1),
            Line::Aggregate(a) => (&a.method, &a.path, a.count),
            Line::Skip => return Ok(()),
        };
        let Some(route) = matcher.find(method, path) else {
            unmatched += count;
            unmatched_key(&mut key, method, path);
            top.add(&key, count);
            return Ok(());
        };
        let route = route as u32;
        match line {
            Line::Request(r) => batch.push(Hit {
                start_us: r.start_us,
                route,
                duration_us: r.duration_us.unwrap_or(NO_DURATION),
                bytes: r.bytes.unwrap_or(0),
                status: r.status,
                requests: 1,
                lanes: 1,
            }),
            Line::Aggregate(a) => {
                check_row(&a, config.bucket_us)?;
                for hit in merger.add(&a, route, config.bucket_us) {
                    batch.push(hit);
                    if batch.len() >= BATCH {
                        send(&mut batch);
                    }
                }
            }
            Line::Skip => {}
        }
        if batch.len() >= BATCH {
            send(&mut batch);
        }
        Ok(())
    });
    for hit in merger.drain(config.bucket_us) {
        batch.push(hit);
        if batch.len() >= BATCH {
            send(&mut batch);
        }
    }
    if !batch.is_empty() {
        send(&mut batch);
    }
    Producer {
        summary,
        unmatched,
        top,
    }
}

/// One file's stream of batches, read in order.
struct Cursor {
    rx: Receiver<Vec<Hit>>,
    batch: Vec<Hit>,
    pos: usize,
}

impl Cursor {
    fn peek(&mut self) -> Option<Hit> {
        while self.pos >= self.batch.len() {
            self.batch = self.rx.recv().ok()?;
            self.pos = 0;
        }
        Some(self.batch[self.pos])
    }
}

/// The figures being built: per route, and per unit (a set of routes that
/// share one warm pool, as one deployed function or container).
struct Sink<'a> {
    config: &'a TrafficConfig,
    routes: Vec<RouteStats>,
    units: Vec<RouteStats>,
    units_of_route: Vec<Vec<usize>>,
    first_us: Option<i64>,
    last_us: Option<i64>,
    released_us: i64,
    late: u64,
    largest_gap: Option<(i64, i64)>,
}

impl Sink<'_> {
    fn replay(&mut self, hit: Hit) {
        let t = if hit.start_us < self.released_us {
            self.late += 1;
            self.released_us
        } else {
            hit.start_us
        };
        if self.first_us.is_some() && t > self.released_us {
            let gap = t.saturating_sub(self.released_us);
            if self
                .largest_gap
                .is_none_or(|(a, b)| gap > b.saturating_sub(a))
            {
                self.largest_gap = Some((self.released_us, t));
            }
        }
        self.released_us = t;
        self.first_us = Some(self.first_us.map_or(hit.start_us, |f| f.min(hit.start_us)));
        self.last_us = Some(self.last_us.map_or(hit.start_us, |l| l.max(hit.start_us)));
        let route = &mut self.routes[hit.route as usize];
        let duration_us = if hit.duration_us == NO_DURATION {
            route.fill_duration(self.config.default_duration_us)
        } else {
            hit.duration_us
        };
        let run = Run {
            start_us: t,
            duration_us,
            bytes: hit.bytes,
            status: hit.status,
            requests: hit.requests,
            lanes: hit.lanes,
        };
        route.record_run(&run);
        for &u in &self.units_of_route[hit.route as usize] {
            self.units[u].record_run(&run);
        }
    }
}

/// Reads every log, matching requests to `routes` (method, path), and
/// replays them per route and per unit (`units`: route indices).
pub fn read_traffic(
    inputs: Vec<LogInput>,
    routes: &[(&str, &str)],
    units: &[UnitSpec],
    config: &TrafficConfig,
) -> Traffic {
    let matcher = Matcher::new(routes.iter().copied());
    let init_of = |r: usize| config.route_init_us.get(r).copied();
    let with_init = |pool: PoolConfig, init: Option<u64>| PoolConfig {
        init_us: init.unwrap_or(pool.init_us),
        ..pool
    };
    let mut units_of_route = vec![Vec::new(); routes.len()];
    for (u, unit) in units.iter().enumerate() {
        for &r in &unit.routes {
            if let Some(list) = units_of_route.get_mut(r) {
                list.push(u);
            }
        }
    }
    let mut sink = Sink {
        config,
        routes: (0..routes.len())
            .map(|r| {
                let (lambda, run) = (
                    with_init(config.lambda, init_of(r)),
                    with_init(config.run, init_of(r)),
                );
                RouteStats::new(Some(lambda), Some(run), true)
            })
            .collect(),
        units: units
            .iter()
            .map(|u| {
                // A deployed function loads every member's imports.
                let init = u.routes.iter().filter_map(|&r| init_of(r)).max();
                let (lambda, run) = (
                    u.replay.then_some(with_init(config.lambda, init)),
                    u.replay.then_some(with_init(config.run, init)),
                );
                RouteStats::new(lambda, run, u.replay).with_warm(lambda, run, &config.warm_counts)
            })
            .collect(),
        units_of_route,
        first_us: None,
        last_us: None,
        released_us: i64::MIN,
        late: 0,
        largest_gap: None,
    };
    let producers = std::thread::scope(|scope| {
        let mut handles = Vec::new();
        let mut cursors = Vec::new();
        for input in inputs {
            let (tx, rx) = sync_channel(8);
            let matcher = &matcher;
            // Named for profilers; like `scope.spawn`, fails only when the
            // system cannot make a thread.
            let reader = std::thread::Builder::new()
                .name("carve-log-reader".into())
                .spawn_scoped(scope, move || produce(input, config, matcher, tx))
                .expect("the system could not start a thread");
            handles.push(reader);
            cursors.push(Cursor {
                rx,
                batch: Vec::new(),
                pos: 0,
            });
        }
        merge(&mut cursors, &mut sink);
        // A reader that panicked is a bug: say so rather than report nothing.
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect::<Vec<_>>()
    });
    let mut files = Vec::new();
    let mut unmatched = 0;
    let mut top = TopCounter::default();
    for p in producers {
        files.push(p.summary);
        unmatched += p.unmatched;
        top.merge(p.top);
    }
    let routes: Vec<FinishedStats> = sink.routes.into_iter().map(RouteStats::finish).collect();
    Traffic {
        files,
        matched: routes.iter().map(|r| r.requests).sum(),
        unmatched,
        top_unmatched: top.top(TOP_UNMATCHED),
        first_us: sink.first_us,
        last_us: sink.last_us,
        late: sink.late,
        largest_gap: sink.largest_gap,
        routes,
        units: sink.units.into_iter().map(RouteStats::finish).collect(),
    }
}

/// Puts requests back in start order within a window: one bucket per
/// second, each sorted when it leaves the window. Cheaper than a heap of the
/// whole window, and the memory is the window's requests, whatever the log.
struct Reorder {
    buckets: VecDeque<Vec<Hit>>,
    /// The second the first bucket holds.
    base: i64,
    /// The last second released: nothing at or before it can be put back.
    released: i64,
    spare: Vec<Vec<Hit>>,
}

impl Reorder {
    fn new() -> Reorder {
        Reorder {
            buckets: VecDeque::new(),
            base: 0,
            released: i64::MIN,
            spare: Vec::new(),
        }
    }

    fn release_front(&mut self, sink: &mut Sink<'_>) {
        if let Some(mut bucket) = self.buckets.pop_front() {
            bucket.sort_unstable();
            for hit in bucket.drain(..) {
                sink.replay(hit);
            }
            self.spare.push(bucket);
        }
        self.released = self.base;
        self.base += 1;
    }

    fn push(&mut self, hit: Hit, sink: &mut Sink<'_>) {
        let sec = hit.start_us.div_euclid(1_000_000);
        if self.buckets.is_empty() {
            self.base = sec;
        }
        if sec < self.base {
            let back = (self.base - sec) as usize;
            if sec <= self.released || self.buckets.len() + back > REORDER_WINDOW_S as usize {
                // Older than the window: replayed now, counted as late.
                sink.replay(hit);
                return;
            }
            for _ in 0..back {
                let bucket = self.spare.pop().unwrap_or_default();
                self.buckets.push_front(bucket);
            }
            self.base = sec;
        }
        while sec - self.base >= REORDER_WINDOW_S {
            if self.buckets.is_empty() {
                self.released = self.released.max(self.base - 1);
                self.base = sec;
                break;
            }
            self.release_front(sink);
        }
        let idx = (sec - self.base) as usize;
        while self.buckets.len() <= idx {
            let bucket = self.spare.pop().unwrap_or_default();
            self.buckets.push_back(bucket);
        }
        self.buckets[idx].push(hit);
    }

    fn finish(mut self, sink: &mut Sink<'_>) {
        while !self.buckets.is_empty() {
            self.release_front(sink);
        }
    }
}

/// Merges the files by time and puts each file's disorder right.
fn merge(cursors: &mut [Cursor], sink: &mut Sink<'_>) {
    let mut heads: BinaryHeap<Reverse<(i64, usize)>> = BinaryHeap::new();
    for (i, c) in cursors.iter_mut().enumerate() {
        if let Some(h) = c.peek() {
            heads.push(Reverse((h.start_us, i)));
        }
    }
    let mut reorder = Reorder::new();
    // One file needs no merge: read its batches straight through.
    if let [only] = cursors {
        while only.peek().is_some() {
            let batch = std::mem::take(&mut only.batch);
            for &hit in &batch[only.pos..] {
                reorder.push(hit, sink);
            }
            only.pos = batch.len();
            only.batch = batch;
        }
        reorder.finish(sink);
        return;
    }
    while let Some(Reverse((_, i))) = heads.pop() {
        let cursor = &mut cursors[i];
        let Some(hit) = cursor.peek() else { continue };
        cursor.pos += 1;
        if let Some(next) = cursor.peek() {
            heads.push(Reverse((next.start_us, i)));
        }
        reorder.push(hit, sink);
    }
    reorder.finish(sink);
}
