#!/usr/bin/env python3
"""Writes realistic access logs for the routes of a scan, for `carve cost`
tests and benchmarks: per-route traffic shares (Zipf), a daily cycle, bursts,
heavy-tailed durations (log-normal body, Pareto tail), many distinct ids in
the paths, and a few static files and unknown paths that match no route.

usage: carve scan samples/flask --format json > /tmp/flask.json
       python3 bench/gen_logs.py /tmp/flask.json OUT [--days 7] [--rps 2]
              [--format combined|alb|jsonl] [--seed 1] [--servers 1]
              [--unmatched SHARE]

--unmatched SHARE (0 to 1) sets the share of requests that match no route and
draws them from what a shared proxy sees besides the app: hashed static
assets, bot and 404 probes, and other applications' pages with ids and slugs
(many distinct paths). Without it, 3% of requests go to four static paths.

Deterministic for a seed. With --servers N, OUT.0 … OUT.N-1 are written, one
per server, each sorted by its own log time (as nginx writes it).
"""
import argparse
import itertools
import json
import math
import random
import re
from datetime import datetime, timezone

START = 1_793_491_200  # 2026-11-01T00:00:00Z


def fill(path, rng):
    """A concrete request path for a route path of any framework."""
    def num(_):
        return str(rng.randint(1, 500_000))
    p = re.sub(r"\(\?P<\w+>[^)]*\)", num, path)
    p = re.sub(r"\[\[?\.\.\.\w+\]\]?|\*\w*|<path:\w+>|\{\w+:path\}", lambda _: "a/b%d" % rng.randint(1, 99), p)
    p = re.sub(r"<(int:)?\w+>|:\w+|\{\w+\}|\[\w+\]", num, p)
    return p.replace("^", "").replace("$", "").replace("\\", "")


def load_routes(scan_json):
    with open(scan_json) as f:
        report = json.load(f)
    routes = [(r["method"], r["path"], r["verdict"]) for r in report["routes"] if r["path"].startswith("/")]
    if not routes:
        raise SystemExit("no HTTP routes in " + scan_json)
    return routes


def durations(rng, n_routes):
    """Per route: (median seconds, sigma, tail probability)."""
    out = []
    for i in range(n_routes):
        median = rng.choice([0.008, 0.02, 0.05, 0.12, 0.3, 1.2])
        out.append((median, rng.uniform(0.4, 1.0), rng.uniform(0.002, 0.02)))
    return out


def duration(rng, shape):
    median, sigma, tail = shape
    d = median * math.exp(rng.gauss(0, sigma))
    if rng.random() < tail:
        d *= rng.paretovariate(1.2) * 4
    return min(d, 600.0)


WORDS = ["how", "to", "scale", "python", "cache", "deploy", "rust", "serverless", "guide", "release",
         "notes", "winter", "sale", "shoes", "red", "blue", "lamp", "desk", "chair", "review"]
PROBES = ["/wp-login.php", "/.env", "/phpmyadmin/index.php", "/xmlrpc.php", "/.git/config",
          "/admin/config.php", "/cgi-bin/luci", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php"]


class Elsewhere:
    """Requests for something else than the app's routes, as a shared proxy
    logs them: hashed static assets of a few deploys, bot and 404 probes, other
    applications' API paths with ids, and a catalogue of pages with slugs (a
    few popular, a long tail: more distinct paths than carve tracks)."""

    def __init__(self, seed):
        own = random.Random(seed)  # the main stream stays as without --unmatched
        self.deploys = ["%08x" % own.getrandbits(32) for _ in range(40)]
        self.files = ["%032x" % own.getrandbits(128) for _ in range(2000)]
        self.pages = ["-".join(own.choice(WORDS) for _ in range(own.randint(2, 5))) + "-%d" % i
                      for i in range(5000)]
        self.page_weights = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(self.pages))))

    def request(self, rng):
        """(method, path, status)."""
        r = rng.random()
        if r < 0.35:
            template = rng.choice(["/assets/index-%s.js", "/assets/vendor-%s.css", "/static/img/%s.png"])
            return "GET", template % rng.choice(self.deploys), 200
        if r < 0.45:
            return rng.choice(["GET", "POST"]), rng.choice(PROBES), 404
        if r < 0.75:
            return rng.choice(["GET", "GET", "POST", "PUT"]), rng.choice([
                "/shop/api/orders/%d/items" % rng.randint(1, 20_000),
                "/shop/api/carts/%d" % rng.randint(1, 20_000),
                "/crm/contacts/%d/notes/%d" % (rng.randint(1, 5_000), rng.randint(1, 9)),
                "/files/%s" % rng.choice(self.files),
            ]), 200
        page = rng.choices(self.pages, cum_weights=self.page_weights)[0]
        return "GET", rng.choice(["/blog/%s", "/shop/product/%s", "/docs/%s/"]) % page, rng.choice([200, 200, 200, 404])


def clf_time(t):
    return datetime.fromtimestamp(t, timezone.utc).strftime("%d/%b/%Y:%H:%M:%S +0000")


def iso(t):
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


AGENTS = [
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
    "okhttp/4.12.0",
    'curl/8.5.0 "quoted"',
]


def line(fmt, rng, t, method, path, status, dur, size):
    ip = "2001:db8::%x" % rng.randint(1, 0xffff) if rng.random() < 0.1 else "10.%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    query = "?page=%d" % rng.randint(1, 9) if rng.random() < 0.2 else ""
    agent = rng.choice(AGENTS).replace('"', '\\"')
    if fmt == "combined":
        return '%s - - [%s] "%s %s%s HTTP/1.1" %d %d "-" "%s" %.3f\n' % (
            ip, clf_time(t + dur), method, path, query, status, size, agent, dur)
    if fmt == "alb":
        return ('https %s app/shop/50dc6c495c0c9188 %s:%d 10.0.1.5:8080 0.000 %.3f 0.000 %d %d 120 %d '
                '"%s https://shop.example.com:443%s%s HTTP/1.1" "%s" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 '
                'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop/73e2d6bc24d8a067 '
                '"Root=1-58337281-1d84f3d73c47ec4e58577259" "shop.example.com" "-" 1 %s "forward" "-" "-" '
                '"10.0.1.5:8080" "%d" "-" "-"\n') % (
            iso(t + dur), ip if ":" not in ip else "[%s]" % ip, rng.randint(1024, 65535), dur, status, status, size,
            method, path, query, agent, iso(t), status)
    return json.dumps({"httpRequest": {"requestMethod": method, "requestUrl": "https://shop.example.com" + path + query,
                                       "status": status, "responseSize": str(size), "remoteIp": ip,
                                       "latency": "%.6fs" % dur}, "timestamp": iso(t)}) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scan_json")
    ap.add_argument("out")
    ap.add_argument("--days", type=float, default=7)
    ap.add_argument("--rps", type=float, default=2.0, help="mean requests per second")
    ap.add_argument("--format", choices=["combined", "alb", "jsonl"], default="combined")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--servers", type=int, default=1)
    ap.add_argument("--unmatched", type=float, default=None,
                    help="share of requests that match no route, from a varied mix of paths")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    routes = load_routes(args.scan_json)
    weights = [1.0 / (i + 1) ** 1.1 for i in range(len(routes))]
    rng.shuffle(weights)
    shapes = durations(rng, len(routes))
    statics = ["/static/app.%d.js", "/favicon.ico", "/robots.txt", "/wp-login.php"]
    elsewhere = Elsewhere(args.seed)
    outs = [open(args.out if args.servers == 1 else "%s.%d" % (args.out, i), "w") for i in range(args.servers)]
    pending = [[] for _ in outs]
    t = float(START)
    end = START + args.days * 86400
    burst_until = 0.0
    while t < end:
        hour = (t - START) / 3600 % 24
        rate = args.rps * (0.35 + 1.3 * math.exp(-((hour - 14) ** 2) / 18))
        if t >= burst_until and rng.random() < 0.0005:
            burst_until = t + rng.uniform(5, 60)
        if t < burst_until:
            rate *= 20
        t += rng.expovariate(rate)
        s = rng.randrange(len(outs))
        if args.unmatched is not None and rng.random() < args.unmatched:
            method, path, status = elsewhere.request(rng)
            rec = (t, method, path, status, 0.001 + rng.random() * 0.05, rng.randint(200, 90000))
        elif args.unmatched is None and rng.random() < 0.03:
            path = rng.choice(statics)
            if "%d" in path:
                path = path % rng.randint(1, 20)
            rec = (t, "GET", path, 200, 0.001, 4000)
        else:
            i = rng.choices(range(len(routes)), weights)[0]
            method, route_path, _ = routes[i]
            method = "GET" if method == "ANY" else method
            dur = duration(rng, shapes[i])
            status = 500 if rng.random() < 0.005 else (201 if method == "POST" else 200)
            rec = (t, method, fill(route_path, rng), status, dur, int(rng.lognormvariate(7, 1.2)))
        pending[s].append(rec)
        if len(pending[s]) > 2000:
            flush(args.format, rng, outs[s], pending[s])
    for out, p in zip(outs, pending):
        flush(args.format, rng, out, p)
        out.close()


def flush(fmt, rng, out, recs):
    # Logged when the response ends: sorted by end time, as servers write.
    recs.sort(key=lambda r: r[0] + r[4] if fmt != "jsonl" else r[0])
    out.writelines(line(fmt, rng, *r) for r in recs)
    recs.clear()


if __name__ == "__main__":
    main()
