from collections import defaultdict, deque

import requests
from cachetools import TTLCache
from flask import g, session

RECENT_ITEMS = []
VISITS = defaultdict(int)
REGISTRY = {}
SEEN = set()
QUEUE = deque(maxlen=10)
STATUS_LABELS = {'draft': 'Draft', 'active': 'Available'}
SYMBOLS = {c: c.lower() for c in ('EUR', 'USD')}
MAX_RECENT = 50
http = requests.Session()
_cache = TTLCache(maxsize=10, ttl=60)

http.headers.update({'User-Agent': 'app/1.0'})
# ok: module level, runs once at import
REGISTRY['boot'] = True
# ok: module level


def remember(item):
    RECENT_ITEMS.append({'id': item.id})
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-module-mutation
    if len(RECENT_ITEMS) > MAX_RECENT:
        # ok: reads
        del RECENT_ITEMS[0]
        #^^^^^^^^^^^^^^^^^^ global-state/python-module-mutation


def track(ip):
    VISITS[ip] += 1
    #^^^^^^^^^^^^^^ global-state/python-module-mutation
    REGISTRY[ip] = {'seen': True}
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-module-mutation
    REGISTRY[ip]['hits'] = 1
    #^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-module-mutation
    REGISTRY.setdefault(ip, []).append(1)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-module-mutation
    SEEN.add(ip)
    #^^^^^^^^^^^ global-state/python-module-mutation
    QUEUE.appendleft(ip)
    #^^^^^^^^^^^^^^^^^^^ global-state/python-module-mutation


def labels(status):
    return STATUS_LABELS.get(status, status), SYMBOLS['EUR']
    # ok: reads of module-level dicts


def local_only(items):
    recent = []
    recent.append(items[0])
    # ok: a local list
    cart = {}
    cart['x'] = 1
    # ok: a local dict
    response = {}
    response['X-Request-ID'] = '1'
    # ok: a local dict
    return recent, cart, response


class Store:
    def __init__(self):
        self.items = []

    def add(self, item):
        self.items.append(item)
        # ok: an instance attribute


def request_scoped(user):
    g.user = user
    # ok: flask.g is per request
    session['user_id'] = user.id
    # ok: flask's session proxy is imported, not a module-level container
    http.headers.update({'X': '1'})
    # ok: an attribute of a client object, not a module-level container
    _cache[user.id] = user
    # ok: a cache object (in-memory-cache/python-process-cache reports it)


_SNIPPETS = {}


def snippet(name):
    # ok: a per-key memo filled under an unset test, the same on every instance
    if _SNIPPETS.get(name) is None:
        _SNIPPETS[name] = name.upper()
    return _SNIPPETS[name]


_COUNTRIES = {}


def countries():
    if not _COUNTRIES:
        for code, name in load_countries():
            # ok: filled while the `if` found it empty, once per instance
            _COUNTRIES[code] = name
    return _COUNTRIES


_SEEN = []


def track(path):
    if not _COUNTRIES:
        # the guard tests another variable: still a write to shared state
        _SEEN.append(path)
#       ^^^^^^^^^^^^^^^^^^ global-state/python-module-mutation
