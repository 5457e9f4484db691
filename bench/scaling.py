#!/usr/bin/env python3
"""How `carve scan` scales: time and peak RSS on 1/8, 1/4, 1/2 and all of a
corpus (every application with every 8th, 4th, 2nd or each of its source
files, and its manifests, configuration and templates, copied to a
temporary folder: the mix of languages and frameworks stays that of the
whole corpus), and `--threads 2` against
`--threads 1` on one large application. Best of --runs for each; the ratios
of one run are what to compare on a shared machine.

usage: python3 bench/scaling.py CORPUS [--app NAME] [--carve PATH] [--runs 3]

CORPUS is a folder of applications (bench/accuracy/checkouts).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile


SOURCE = (".py", ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".java", ".cs", ".go", ".rb", ".php")
# Manifests, configuration and templates, copied whole (not assets or data).
KEPT = (".json", ".toml", ".txt", ".xml", ".gradle", ".csproj", ".sln", ".mod", ".cfg", ".ini",
        ".yml", ".yaml", ".html", ".erb", ".env", "Gemfile", "Procfile")


def copy_share(src, dst, share):
    """Copies every `share`-th source file of `src` (in path order) and its
    manifests, configuration and templates to `dst`."""
    sources = []
    for root, dirs, files in os.walk(src):
        dirs[:] = sorted(d for d in dirs if d not in (".git", "node_modules"))
        for f in sorted(files):
            p = os.path.join(root, f)
            if os.path.islink(p):
                continue
            if f.endswith(SOURCE):
                sources.append(p)
            elif f.endswith(KEPT) and os.path.getsize(p) < 1 << 20:
                out = os.path.join(dst, os.path.relpath(p, src))
                os.makedirs(os.path.dirname(out), exist_ok=True)
                shutil.copyfile(p, out)
    for p in sources[::share]:
        out = os.path.join(dst, os.path.relpath(p, src))
        os.makedirs(os.path.dirname(out), exist_ok=True)
        shutil.copyfile(p, out)


def timed_scan(carve, folder, runs, *extra):
    """(best wall seconds, peak RSS MB of that run, MB analysed) of `carve scan`."""
    best = None
    for _ in range(runs):
        out = subprocess.run(
            ["/usr/bin/time", "-f", "%e %M", carve, "scan", folder, "--no-cache", "--format", "json", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wall, rss_kb = re.findall(r"([\d.]+) (\d+)\s*$", out.stderr)[-1]
        run = (float(wall), int(rss_kb) / 1024, json.loads(out.stdout)["stats"]["bytes"] / 1e6)
        best = run if best is None or run[0] < best[0] else best
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--app", default="traccar", help="application for the threads comparison")
    ap.add_argument("--carve", default=shutil.which("carve") or "carve")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print("share  MB read  wall s  peak RSS MB  s per MB  RSS MB per MB")
    with tempfile.TemporaryDirectory(prefix="carve-scaling-") as tmp:
        for share in (8, 4, 2, 1):
            folder = os.path.join(tmp, "1-%d" % share)
            copy_share(args.corpus, folder, share)
            wall, rss, mb = timed_scan(args.carve, folder, args.runs)
            print("1/%-4d %7.1f %7.2f %12.0f %9.3f %14.1f" % (share, mb, wall, rss, wall / mb, rss / mb))
    app = os.path.join(args.corpus, args.app)
    one = timed_scan(args.carve, app, args.runs, "--threads", "1")
    two = timed_scan(args.carve, app, args.runs, "--threads", "2")
    print("%s (%.1f MB): --threads 1 %.2f s, --threads 2 %.2f s: %.2fx" % (
        args.app, one[2], one[0], two[0], one[0] / two[0]))


if __name__ == "__main__":
    main()
