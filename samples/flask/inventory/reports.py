import csv
import datetime
import os
import subprocess
import time

from flask import Blueprint, abort, jsonify, request

from . import audit, storage
from .models import Item

bp = Blueprint('reports', __name__, url_prefix='/reports')

REPORT_DIR = '/tmp/inventory-reports'


@bp.post('/export')
def export_report():
    stamp = datetime.datetime.utcnow().strftime('%Y%m%d-%H%M%S')
    path = os.path.join(REPORT_DIR, f'items-{stamp}.csv')
    with open(path, 'w', newline='') as fh:
        writer = csv.writer(fh)
        writer.writerow(['sku', 'name', 'status', 'price_cents', 'currency'])
        for item in Item.query.order_by(Item.sku):
            writer.writerow([item.sku, item.name, item.status, item.price_cents, item.currency])
    url = storage.upload_report(path, f'reports/items-{stamp}.csv')
    return jsonify(url=url), 201


@bp.get('/audit')
def audit_log():
    limit = min(int(request.args.get('limit', 100)), 500)
    return jsonify(entries=audit.fetch_entries(limit))


@bp.post('/thumbnails')
def rebuild_thumbnails():
    for attempt in range(3):
        result = subprocess.run(['convert-thumbnails', '--all', '--quiet'], capture_output=True, text=True)
        if result.returncode == 0:
            return jsonify(status='done')
        time.sleep(2 ** attempt)
    abort(502)
