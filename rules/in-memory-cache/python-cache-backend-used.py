from flask import Blueprint, jsonify
from flask_caching import Cache

import redis

bp = Blueprint('api', __name__)
cache = Cache()
store = redis.Redis()
STATUS = {}


@bp.get('/stats')
@cache.cached(timeout=60)
#^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-cache-backend-used
def stats():
    return jsonify(total=1)


@cache.memoize(50)
#^^^^^^^^^^^^^^^^^ in-memory-cache/python-cache-backend-used
def price_for(item_id):
    return item_id


def update_price(item_id):
    cache.delete_memoized(price_for, item_id)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-cache-backend-used
    value = cache.get('prices')
    #       ^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-cache-backend-used
    store.get('prices')
    # ok: a Redis client, not the Flask-Caching object
    STATUS.get('x')
    # ok: a dict
    return value


def init(app):
    cache.init_app(app)
    # ok: setup, not a cache access
