#!/usr/bin/env python3
"""Writes a large synthetic monolith for `carve bench`: Flask blueprints and
Express routers with services, helpers, and the usual blockers, so the scan
exercises routes, calls across files and rules at realistic density.

usage: python3 bench/generate.py OUT_DIR [--lines N]   (default 200000)
"""
import argparse
import os
import random

PY_SERVICE = '''import os
import time
import sqlite3
from . import helpers_{m}

CACHE_{m} = {{}}
SETTINGS_{m} = {{"retries": 3, "name": "svc{m}"}}


def load_{m}_{i}(item_id):
    row = helpers_{m}.fetch_{m}(item_id)
    if row is None:
        return {{"id": item_id, "missing": True}}
    total = 0
    for value in row.get("values", []):
        total += value * SETTINGS_{m}["retries"]
    return {{"id": item_id, "total": total}}


def save_{m}_{i}(item_id, payload):
    CACHE_{m}[item_id] = payload
    conn = sqlite3.connect("db_{m}.sqlite")
    conn.execute("insert into t values (?, ?)", (item_id, str(payload)))
    return helpers_{m}.audit_{m}("save", item_id)


def slow_{m}_{i}(item_id):
    time.sleep(0.5)
    return load_{m}_{i}(item_id)
'''

PY_HELPERS = '''import json
import logging

log = logging.getLogger(__name__)


def fetch_{m}(item_id):
    data = json.loads('{{"values": [1, 2, 3]}}')
    log.info("fetch %s", item_id)
    return data


def audit_{m}(action, item_id):
    log.info("%s %s", action, item_id)
    return {{"action": action, "id": item_id}}
'''

PY_ROUTES = '''from flask import Blueprint, jsonify, request
from . import service_{m}

bp = Blueprint("bp{m}", __name__, url_prefix="/m{m}")

'''

PY_ROUTE = '''
@bp.route("/items{i}/<int:item_id>", methods=["GET", "PUT"])
def item_{i}(item_id):
    if request.method == "PUT":
        return jsonify(service_{m}.save_{m}_{j}(item_id, request.get_json()))
    return jsonify(service_{m}.load_{m}_{j}(item_id))


@bp.post("/slow{i}/<int:item_id>")
def slow_{i}(item_id):
    return jsonify(service_{m}.slow_{m}_{j}(item_id))
'''

JS_HEADER = '''const fs = require('fs');
const {{ Pool }} = require('pg');

const pool = new Pool();
const recent{m} = [];
let counter{m} = 0;
'''

JS_FUNCS = '''
async function find{m}_{i}(id) {{
  const {{ rows }} = await pool.query('select * from t where id = $1', [id]);
  recent{m}.push(id);
  return rows[0] || null;
}}

async function export{m}_{i}(id) {{
  const row = await find{m}_{i}(id);
  counter{m} += 1;
  fs.writeFileSync(`/tmp/export-{m}-${{id}}.json`, JSON.stringify(row));
  return row;
}}
'''

JS_ROUTES = '''const express = require('express');
const svc = require('./service{m}');

const router = express.Router();

'''

JS_ROUTE = '''router.get('/items{i}/:id', async (req, res) => {{
  const row = await svc.find{m}_{j}(req.params.id);
  if (!row) {{
    return res.status(404).json({{ error: 'not found' }});
  }}
  return res.json(row);
}});

router.post('/export{i}/:id', async (req, res) => {{
  res.json(await svc.export{m}_{j}(req.params.id));
}});

'''


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lines", type=int, default=200_000)
    args = parser.parse_args()
    random.seed(7)
    py_pkg = os.path.join(args.out, "pyapp")
    js_dir = os.path.join(args.out, "jsapp", "routes")
    os.makedirs(py_pkg, exist_ok=True)
    os.makedirs(js_dir, exist_ok=True)
    lines = 0
    m = 0
    py_init = ["from flask import Flask", "", "app = Flask(__name__)", ""]
    js_app = ["const express = require('express');", "const app = express();", ""]
    while lines < args.lines:
        n_funcs = 6
        service = "".join(PY_SERVICE.format(m=m, i=i) if i == 0 else
                          PY_SERVICE.split("\n\n\n", 1)[1].format(m=m, i=i) for i in range(n_funcs))
        files = {
            os.path.join(py_pkg, f"service_{m}.py"): service,
            os.path.join(py_pkg, f"helpers_{m}.py"): PY_HELPERS.format(m=m),
            os.path.join(py_pkg, f"routes_{m}.py"): PY_ROUTES.format(m=m)
            + "".join(PY_ROUTE.format(m=m, i=i, j=i % n_funcs) for i in range(12)),
            os.path.join(js_dir, f"service{m}.js"): JS_HEADER.format(m=m)
            + "".join(JS_FUNCS.format(m=m, i=i) for i in range(n_funcs))
            + "\nmodule.exports = {" + ", ".join(f"find{m}_{i}, export{m}_{i}" for i in range(n_funcs)) + "};\n",
            os.path.join(js_dir, f"routes{m}.js"): JS_ROUTES.format(m=m)
            + "".join(JS_ROUTE.format(m=m, i=i, j=i % n_funcs) for i in range(12))
            + "module.exports = router;\n",
        }
        for path, text in files.items():
            with open(path, "w") as f:
                f.write(text)
            lines += text.count("\n")
        py_init += [f"from .routes_{m} import bp as bp{m}", f"app.register_blueprint(bp{m})"]
        js_app += [f"app.use('/m{m}', require('./routes/routes{m}'));"]
        m += 1
    with open(os.path.join(py_pkg, "__init__.py"), "w") as f:
        f.write("\n".join(py_init) + "\n")
    with open(os.path.join(args.out, "jsapp", "app.js"), "w") as f:
        f.write("\n".join(js_app) + "\nmodule.exports = app;\n")
    with open(os.path.join(args.out, "requirements.txt"), "w") as f:
        f.write("flask\n")
    with open(os.path.join(args.out, "jsapp", "package.json"), "w") as f:
        f.write('{"dependencies": {"express": "^4", "pg": "^8"}}\n')
    print(f"wrote {m} modules per language, about {lines} lines, to {args.out}")


if __name__ == "__main__":
    main()
