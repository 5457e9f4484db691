import threading

from flask import Blueprint, abort, jsonify, request
from flask.views import MethodView
from sqlalchemy import func

from . import importer, pricing, reference, search_index
from .events import remember_created
from .extensions import cache, db
from .models import Item

bp = Blueprint('api', __name__)

STATUS_LABELS = {
    'draft': 'Draft',
    'active': 'Available',
    'retired': 'No longer sold',
}


class ItemAPI(MethodView):
    def get(self):
        status = request.args.get('status', 'active')
        items = Item.query.filter_by(status=status).order_by(Item.name).all()
        return jsonify([
            {**item.to_dict(), 'status_label': STATUS_LABELS.get(item.status, item.status)}
            for item in items
        ])

    def post(self):
        payload = request.get_json(force=True)
        item = Item(
            sku=payload['sku'],
            name=payload['name'],
            price_cents=int(payload['price_cents']),
            currency=payload.get('currency', 'EUR'),
        )
        db.session.add(item)
        db.session.commit()
        remember_created(item)
        return jsonify(item.to_dict()), 201


bp.add_url_rule('/items', view_func=ItemAPI.as_view('items'))


@bp.get('/items/<int:item_id>/price')
def item_price(item_id):
    item = db.session.get(Item, item_id) or abort(404)
    currency = request.args.get('currency', item.currency).upper()
    amount = pricing.convert(item.price_cents, item.currency, currency)
    return jsonify(
        item_id=item.id,
        currency=currency,
        amount_cents=amount,
        symbol=reference.CURRENCY_SYMBOLS.get(currency, ''),
    )


@bp.post('/items/import')
def import_items():
    upload = request.files.get('file') or abort(400)
    created = importer.import_csv(upload.stream)
    return jsonify(created=created), 201


@bp.route('/items/<int:item_id>/reindex', methods=['POST'])
def reindex_item(item_id):
    threading.Thread(target=search_index.rebuild_for, args=(item_id,), daemon=True).start()
    return jsonify(status='scheduled'), 202


@bp.get('/stats')
@cache.cached(timeout=60)
def stats():
    total = db.session.query(func.count(Item.id)).scalar()
    rows = db.session.query(Item.status, func.count(Item.id)).group_by(Item.status).all()
    return jsonify(total=total, by_status={STATUS_LABELS.get(s, s): n for s, n in rows})


@bp.get('/countries')
def countries():
    return jsonify(reference.load_countries())
