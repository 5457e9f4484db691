import cachetools
from cachetools import LRUCache, TTLCache
from flask_caching import Cache

_item_cache = TTLCache(maxsize=1024, ttl=300)
_users = cachetools.LRUCache(maxsize=100)
_rates = {}
flask_cache = Cache()
ITEMS = TTLCache(maxsize=10, ttl=5)


def read_item(item_id, db):
    cached = _item_cache.get(item_id)
    #        ^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-process-cache
    if cached is not None:
        return cached
    result = db.get(item_id)
    _item_cache[item_id] = result
    #^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-process-cache
    return result


def reprice(item_id):
    _item_cache.pop(item_id, None)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-process-cache
    if item_id in _users:
    #  ^^^^^^^^^^^^^^^^^ in-memory-cache/python-process-cache
        del _users[item_id]
        #   ^^^^^^^^^^^^^^^ in-memory-cache/python-process-cache


def rates():
    _rates['EUR'] = 1.0
    # ok: a plain dict used as a cache is global-state/python-module-mutation
    return flask_cache.get('rates')
    # ok: Flask-Caching, its backend decides (in-memory-cache/python-cache-backend-used)


def local():
    cache = TTLCache(maxsize=10, ttl=5)
    cache['x'] = 1
    # ok: a cache local to the call
    return cache


ITEMS['boot'] = 1
# ok: module level, at import
