#!/usr/bin/env python3
"""Measures the import footprint of the packages carve's heavy-startup rules
name: installs each into a scratch environment (a venv for PyPI, an npm
folder), imports it in a fresh process, and records the resident memory it
adds over the bare runtime and the time the import takes, with versions and
the date, in data/footprints.toml (embedded in carve; `carve cost` estimates a
route's Lambda memory from it).

usage: python3 bench/measure_footprints.py [--scratch DIR] [--only NAME...]

Packages too large to install on a CI machine (torch, tensorflow, browsers) are
left out and listed as such: carve then falls back to its default memory.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys

# PyPI distribution → (the rule's package name, what code usually imports).
PYTHON = {
    "numpy": ("numpy", "numpy"),
    "pandas": ("pandas", "pandas"),
    "scipy": ("scipy", "scipy"),
    "scikit-learn": ("sklearn", "sklearn"),
    "matplotlib": ("matplotlib", "matplotlib.pyplot"),
    "seaborn": ("seaborn", "seaborn"),
    "polars": ("polars", "polars"),
    "pyarrow": ("pyarrow", "pyarrow"),
    "statsmodels": ("statsmodels", "statsmodels.api"),
    "nltk": ("nltk", "nltk"),
}
NODE = ["aws-sdk", "googleapis"]
NOT_MEASURED = {
    "torch": "over 700 MB to install",
    "tensorflow": "over 500 MB to install",
    "transformers": "needs torch or tensorflow to be useful",
    "puppeteer": "downloads a browser",
    "playwright": "downloads browsers",
}
RUNS = 3

PY_PROBE = r"""
import resource, sys, time
def rss_kb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
base = rss_kb()
t = time.perf_counter()
if sys.argv[1] != '-':
    __import__(sys.argv[1])
print(base, rss_kb(), (time.perf_counter() - t) * 1000)
"""

JS_PROBE = r"""
const fs = require('fs');
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]);
const base = rss();
const t = process.hrtime.bigint();
if (process.argv[2] !== '-') require(process.argv[2]);
console.log(base, rss(), Number(process.hrtime.bigint() - t) / 1e6);
"""


def best(cmd, cwd=None):
    """(baseline MB, added MB, import ms): the median of RUNS fresh processes."""
    runs = []
    for _ in range(RUNS):
        out = subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, text=True).stdout.split()
        base, after, ms = int(out[0]), int(out[1]), float(out[2])
        runs.append((base / 1024, (after - base) / 1024, ms))
    runs.sort(key=lambda r: r[2])
    return runs[len(runs) // 2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scratch", default="/tmp/carve-footprints")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "footprints.toml"))
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    os.makedirs(args.scratch, exist_ok=True)
    venv = os.path.join(args.scratch, "venv")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    npm_dir = os.path.join(args.scratch, "npm")
    os.makedirs(npm_dir, exist_ok=True)
    probe_py = os.path.join(args.scratch, "probe.py")
    probe_js = os.path.join(npm_dir, "probe.js")
    with open(probe_py, "w") as f:
        f.write(PY_PROBE)
    with open(probe_js, "w") as f:
        f.write(JS_PROBE)

    rows = []
    base_py, _, _ = best([py, probe_py, "-"])
    node_version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    base_js, _, _ = best(["node", probe_js, "-"], cwd=npm_dir)
    for dist, (name, module) in PYTHON.items():
        if args.only and dist not in args.only:
            continue
        subprocess.run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", dist], check=True)
        version = subprocess.run([py, "-c", f"import importlib.metadata as m; print(m.version('{dist}'))"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        _, added, ms = best([py, probe_py, module])
        rows.append(("python", name, module, dist, version, added, ms))
        print(f"python {module} {version}: +{added:.0f} MB, {ms:.0f} ms", file=sys.stderr)
    for pkg in NODE:
        if args.only and pkg not in args.only:
            continue
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", pkg], cwd=npm_dir, check=True)
        with open(os.path.join(npm_dir, "node_modules", pkg, "package.json")) as f:
            version = json.load(f)["version"]
        _, added, ms = best(["node", probe_js, pkg], cwd=npm_dir)
        rows.append(("node", pkg, pkg, pkg, version, added, ms))
        print(f"node {pkg} {version}: +{added:.0f} MB, {ms:.0f} ms", file=sys.stderr)

    today = datetime.date.today().isoformat()
    with open(args.out, "w") as f:
        f.write("# Import footprints of the packages the heavy-startup rules name, measured by\n")
        f.write("# bench/measure_footprints.py: resident memory added over the bare runtime and\n")
        f.write(f"# import time, median of {RUNS} fresh processes. Do not edit by hand: re-run the script.\n")
        f.write(f"# Machine: {platform.machine()}, {platform.system()} {platform.release()}.\n\n")
        f.write(f'date = "{today}"\n\n')
        f.write("[runtime.python]\n")
        f.write(f'version = "{platform.python_version()}"\nrss_mb = {base_py:.1f}\n\n')
        f.write("[runtime.node]\n")
        f.write(f'version = "{node_version.lstrip("v")}"\nrss_mb = {base_js:.1f}\n\n')
        for runtime, name, module, dist, version, added, ms in rows:
            f.write(f'[[package]]\nruntime = "{runtime}"\nname = "{name}"\nimported = "{module}"\n')
            f.write(f'distribution = "{dist}"\n')
            f.write(f'version = "{version}"\nrss_mb = {added:.1f}\nimport_ms = {ms:.0f}\n\n')
        f.write("# Not measured (carve uses its default memory for routes that load them):\n")
        for name, why in NOT_MEASURED.items():
            f.write(f"# {name}: {why}\n")


if __name__ == "__main__":
    main()
